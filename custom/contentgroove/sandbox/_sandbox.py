"""The :class:`Sandbox`: an in-memory ContentGroove whose state tests can read and steer."""

from __future__ import annotations

import secrets
import threading
from collections import deque
from typing import Any

import anyio

from ._clock import Clock
from ._config import ForcedResponse, SandboxConfig
from ._faults import Faults
from ._records import (
    ClipRecord,
    MediaRecord,
    RequestRecord,
    SubscriptionRecord,
    TranscriptionRecord,
    UploadRecord,
    WebhookDelivery,
)
from ._render import webhook_event
from ._store import Store
from ._webhooks import Dispatcher

__all__ = ["Sandbox"]

EVENT = "media.processing_finished"
REQUEST_LOG_SIZE = 10_000
"""How many of the latest requests :attr:`Sandbox.requests` keeps."""


class Sandbox:
    """State and behaviour of one in-memory ContentGroove.

    Serve it with :func:`~contentgroove.sandbox.create_app`. Reading a property finishes
    whatever processing is due on the clock first, so state is always current. Properties
    return snapshots (new dicts and lists) of records that the sandbox keeps updating.
    """

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig()
        self._lock = threading.RLock()
        self._store = Store(self.config, self._lock)
        self._faults = Faults(self.config, self.clock, self._lock)
        self._dispatcher = Dispatcher(self.config, self.clock, self._lock, self._store.new_id)
        self._requests: deque[RequestRecord] = deque(maxlen=REQUEST_LOG_SIZE)
        self._secret = self.config.signing_secret or secrets.token_bytes(32)
        self._store.on_finished = self._media_finished

    def __repr__(self) -> str:
        with self._lock:
            return (
                f"Sandbox(medias={len(self._store.medias)}, clips={len(self._store.clips)}, "
                f"subscriptions={len(self._store.subscriptions)}, "
                f"deliveries={len(self._dispatcher.deliveries)})"
            )

    @property
    def clock(self) -> Clock:
        """The clock processing, retries, token expiry and rate limits follow."""
        return self.config.clock

    # -- state -------------------------------------------------------------------------------

    @property
    def medias(self) -> dict[str, MediaRecord]:
        """Medias by id."""
        self.advance()
        with self._lock:
            return dict(self._store.medias)

    @property
    def clips(self) -> dict[str, ClipRecord]:
        """Clips (suggested and made through the API) by id."""
        self.advance()
        with self._lock:
            return dict(self._store.clips)

    @property
    def transcriptions(self) -> dict[str, TranscriptionRecord]:
        """Transcriptions of finished medias by id."""
        self.advance()
        with self._lock:
            return dict(self._store.transcriptions)

    @property
    def subscriptions(self) -> dict[str, SubscriptionRecord]:
        """Webhook subscriptions by id."""
        with self._lock:
            return dict(self._store.subscriptions)

    @property
    def uploads(self) -> dict[str, UploadRecord]:
        """Direct uploads by ``upload_id``, with what was received (sha256, byte count)."""
        with self._lock:
            return {u.upload_id: u for u in self._store.uploads.values()}

    @property
    def deliveries(self) -> list[WebhookDelivery]:
        """Every webhook delivery, oldest first, with its attempts."""
        self.advance()
        with self._lock:
            return list(self._dispatcher.deliveries)

    @property
    def requests(self) -> list[RequestRecord]:
        """The latest requests answered (up to 10,000), oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def user_id(self) -> str:
        """Id of the sandbox's single user (owner of webhook subscriptions)."""
        return self._store.user_id

    def upload(self, upload_id: str) -> UploadRecord:
        """The direct upload with this ``upload_id`` (``KeyError`` when there is none)."""
        record = self._store.upload_by_id(upload_id)
        if record is None:
            raise KeyError(f"no direct upload has upload_id {upload_id!r}")
        return record

    # -- faults ------------------------------------------------------------------------------

    def force(
        self,
        status: int,
        *,
        operation: str | None = None,
        path: str | None = None,
        times: int = 1,
        retry_after: int = 1,
    ) -> ForcedResponse:
        """Answer the next ``times`` matching requests with ``status``; returns the armed rule.

        A request matches when it is for ``operation`` and/or under ``path``; the answer has
        the API's error body for ``status``.

        ``operation`` is an ``operationId`` of the API (``"get_media"``) or ``"upload_file"``
        for direct-upload PUTs. Rules are consumed in the order they were armed.
        """
        rule = ForcedResponse(
            status=status, operation=operation, path=path, times=times, retry_after=retry_after
        )
        self._faults.arm(rule)
        return rule

    def clear_forced(self) -> None:
        """Disarm every forced answer."""
        self._faults.clear()

    # -- processing and webhooks -------------------------------------------------------------

    def advance(self) -> list[MediaRecord]:
        """Finish whatever processing is due on the clock and queue its webhooks.

        Returns the medias finished by this call. Requests and property reads call it too.
        """
        return self._store.advance()

    def _media_finished(
        self, media: MediaRecord, clips: list[ClipRecord], transcription: TranscriptionRecord | None
    ) -> None:
        targets = [(s.id, s.url) for s in self._store.subscriptions.values() if s.wants(EVENT)]
        if not targets:
            return
        payload: dict[str, Any] = webhook_event(media, clips, transcription)
        due = media.finished_at if media.finished_at is not None else self.clock.now()
        self._dispatcher.enqueue(EVENT, targets, media.id, payload, due)

    async def process_due(self) -> int:
        """Finish due processing and make every webhook attempt that is due now.

        Returns how many attempts were made. Tests with a
        :class:`~contentgroove.sandbox.ManualClock` call it after ``clock.advance(...)``.
        """
        self.advance()
        due = self._dispatcher.claim_due()
        await self._dispatcher.send(due)
        return len(due)

    def next_due(self) -> float | None:
        """Clock time of the next pending webhook attempt, if any."""
        return self._dispatcher.next_due()

    async def run_background(self) -> None:
        """Process due work every ``background_interval`` seconds, forever (until cancelled).

        The app's lifespan runs it; so does :func:`~contentgroove.sandbox.with_sandbox`.
        Attempts run in their own tasks, so a slow receiver does not hold up the others.
        """
        async with anyio.create_task_group() as tg:
            while True:
                self.advance()
                due = self._dispatcher.claim_due()
                if due:
                    tg.start_soon(self._dispatcher.send, due)
                await anyio.sleep(self.config.background_interval)

    # -- used by the app ---------------------------------------------------------------------

    def _record_request(self, record: RequestRecord) -> None:
        with self._lock:
            self._requests.append(record)
