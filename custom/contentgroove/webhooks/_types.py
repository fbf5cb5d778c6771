"""The events a webhook delivery is parsed into."""

from __future__ import annotations

from typing import Any, Final, Literal, TypeAlias

import attrs

from .._models import Clip, Media, Transcription

__all__ = ["MEDIA_PROCESSING_FINISHED", "MediaProcessingFinished", "UnknownEvent", "WebhookEvent"]

MEDIA_PROCESSING_FINISHED: Final = "media.processing_finished"
"""Name of the event sent when ContentGroove has finished processing a media."""


@attrs.frozen(kw_only=True)
class MediaProcessingFinished:
    """``media.processing_finished``: a media is processed; its clips and transcription are ready.

    Processing may also have failed: check ``media.has_fetch_error``.
    """

    media: Media
    """The media, as sent in the payload."""
    clips: tuple[Clip, ...]
    """The media's clips found in the payload, best ``rank`` first; clips without a rank last."""
    transcription: Transcription | None
    """The media's transcription, when the payload includes it."""
    raw: dict[str, Any] = attrs.field(repr=False, eq=False)
    """The whole decoded JSON body (``{"event": ..., "payload": ...}``)."""
    event: Literal["media.processing_finished"] = MEDIA_PROCESSING_FINISHED
    """The event name."""


@attrs.frozen
class UnknownEvent:
    """An event this SDK version does not know; ``payload`` is its decoded JSON, untouched.

    Newer ContentGroove events arrive as ``UnknownEvent`` instead of failing, so a receiver
    can acknowledge (or log) them and keep working.
    """

    event: str
    """The event name."""
    payload: Any
    """The decoded JSON value of ``payload``."""
    raw: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    """The whole decoded JSON body."""


WebhookEvent: TypeAlias = MediaProcessingFinished | UnknownEvent
"""Any event :func:`~contentgroove.webhooks.parse_event` returns."""
