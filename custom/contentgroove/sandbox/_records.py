"""What the sandbox remembers: its resources, received uploads, webhook deliveries, requests.

Times are epoch seconds of the sandbox clock. Tests read these records through the
:class:`~contentgroove.sandbox.Sandbox` properties; they are updated in place by the sandbox.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

__all__ = [
    "ClipRecord",
    "DeliveryAttempt",
    "MediaRecord",
    "RequestRecord",
    "SubscriptionRecord",
    "TranscriptionRecord",
    "UploadRecord",
    "WebhookDelivery",
]

MediaStatus = Literal["processing", "finished", "failed"]
UploadStatus = Literal["pending", "receiving", "completed"]
DeliveryStatus = Literal["pending", "delivered", "failed"]


@attrs.define(kw_only=True)
class MediaRecord:
    """A media: created from a ``source_url`` or a direct upload, then processed."""

    id: str
    seq: int
    name: str
    description: str | None
    source_url: str | None
    upload_id: str | None
    created_at: float
    processing_started_at: float
    finishes_at: float
    base_url: str
    """Base URL of the request that created it, used for links in webhook payloads."""
    status: MediaStatus = "processing"
    finished_at: float | None = None
    content_type: str | None = None
    duration: float | None = None
    width: int | None = None
    height: int | None = None
    clip_ids: list[str] = attrs.Factory(list)
    transcription_id: str | None = None

    @property
    def is_processing(self) -> bool:
        """True until processing has finished (successfully or not)."""
        return self.status == "processing"

    @property
    def has_fetch_error(self) -> bool:
        """True when the source could not be fetched or processed."""
        return self.status == "failed"


@attrs.define(kw_only=True)
class ClipRecord:
    """A clip: suggested by processing (``rank`` set) or made through the API."""

    id: str
    seq: int
    media_id: str
    name: str
    rank: int | None
    start_time: float
    end_time: float
    created_at: float
    processing_started_at: float
    finishes_at: float
    base_url: str
    start_char: int = 0
    end_char: int = 0
    text: str | None = None
    finished: bool = False
    content_type: str | None = None
    width: int | None = None
    height: int | None = None

    @property
    def is_processing(self) -> bool:
        """True until the clip's file is ready."""
        return not self.finished

    @property
    def duration(self) -> float:
        """Length of the clip in seconds."""
        return round(self.end_time - self.start_time, 6)


@attrs.define(kw_only=True)
class TranscriptionRecord:
    """The transcription of a finished media."""

    id: str
    media_id: str
    text: str


@attrs.define(kw_only=True)
class SubscriptionRecord:
    """A webhook subscription."""

    id: str
    seq: int
    url: str
    subscribed_events: list[str]
    active: bool
    created_at: float
    updated_at: float
    user_id: str

    def wants(self, event: str) -> bool:
        """Whether this subscription receives ``event``."""
        return self.active and ("*" in self.subscribed_events or event in self.subscribed_events)


@attrs.define(kw_only=True)
class UploadRecord:
    """A direct-upload slot and what was PUT to it."""

    id: str
    upload_id: str
    key: str
    created_at: float
    expires_at: float
    status: UploadStatus = "pending"
    content_type: str | None = None
    declared_length: int | None = None
    byte_count: int = 0
    sha256: str | None = None
    """Hex SHA-256 of the received body, once the upload completed."""
    md5: str | None = None
    path: str | None = None
    """File holding the body when ``SandboxConfig.upload_dir`` is set."""
    completed_at: float | None = None
    attempts: int = 0
    """PUTs that reached the body-reading stage (completed or not)."""

    @property
    def completed(self) -> bool:
        """True once a PUT delivered the whole body."""
        return self.status == "completed"


@attrs.define(kw_only=True)
class DeliveryAttempt:
    """One POST of a webhook: the receiver's status, or the connection error."""

    number: int
    at: float
    status_code: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the receiver answered 200."""
        return self.status_code == 200


@attrs.define(kw_only=True)
class WebhookDelivery:
    """One webhook event on its way to one subscription (retried until 200 or given up)."""

    id: str
    event: str
    subscription_id: str
    url: str
    media_id: str
    payload: dict[str, Any]
    copy: int = 1
    """1, or 2 for the duplicate sent when ``duplicate_deliveries`` is on."""
    status: DeliveryStatus = "pending"
    next_attempt_at: float | None = None
    attempts: list[DeliveryAttempt] = attrs.Factory(list)
    in_flight: bool = False


@attrs.define(kw_only=True)
class RequestRecord:
    """One request the sandbox answered (``api_key`` removed from the query)."""

    at: float
    method: str
    path: str
    query: str
    operation: str | None
    status: int
    auth: Literal["bearer", "header", "query"] | None
    """How the API key was sent, when it was accepted."""
