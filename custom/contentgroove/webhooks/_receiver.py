"""A framework-neutral webhook endpoint: token check, parsing, deduplication, handler, answer."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any, Final

import anyio.to_thread
import attrs

from .._events import ProcessingNotifier
from .._exceptions import ConfigurationError, NotFoundError
from ._client import MediaClient
from ._dedupe import WebhookDeduplicator
from ._errors import WebhookPayloadError
from ._handlers import WebhookHandler, call_handler
from ._parse import DEFAULT_MAX_BYTES, parse_event
from ._secrets import check_secret, verify_webhook_secret
from ._types import MediaProcessingFinished, WebhookEvent

__all__ = ["ReceiveResult", "WebhookReceiver"]

logger = logging.getLogger("contentgroove.webhooks")

_PARSE_IN_THREAD_BYTES: Final = 512 * 1024
"""Bodies larger than this are parsed in a worker thread."""


@attrs.frozen
class ReceiveResult:
    """The HTTP answer to give ContentGroove for one delivery.

    ===========  ==========================================================================
    status_code  meaning
    ===========  ==========================================================================
    200          handled now (``{"status": "ok"}``) or before (``{"status": "duplicate"}``)
    400          the body is malformed: ``{"error": "invalid_payload", "message", "path"}``
    404          the URL token is wrong
    409          another delivery of this event is still being handled, or ``confirm_with``
                 found the media not processed: ContentGroove retries later
    500          the handler raised (only the exception's class name is sent back)
    503          the deduplication store or the confirming API call failed
    ===========  ==========================================================================

    Anything but 200 makes ContentGroove deliver the event again later.
    """

    status_code: int
    body: dict[str, Any]
    """The JSON body to send."""
    event: WebhookEvent | None = attrs.field(default=None, repr=False, eq=False)
    """The parsed event, when the body could be parsed."""

    @property
    def content(self) -> bytes:
        """``body`` encoded as JSON."""
        return json.dumps(self.body, separators=(",", ":")).encode("ascii")


class _HandlerFailed(Exception):
    pass


class _NotConfirmed(Exception):
    pass


class _ConfirmationFailed(Exception):
    pass


class WebhookReceiver:
    """Receives ContentGroove webhook deliveries; web frameworks and the CLI call :meth:`handle`.

    ``handler`` (sync or ``async``) gets every event, :class:`MediaProcessingFinished` or
    :class:`UnknownEvent`, once: ``dedupe`` (default: an in-memory
    :class:`WebhookDeduplicator`) recognises repeated deliveries. ``secret`` is the token the
    subscribed URL ends with (see :func:`webhook_url`), or several while rotating. After a
    ``media.processing_finished`` is handled, ``notifier.notify("medias", id, media)`` wakes
    in-process pollers waiting on that media. With ``confirm_with`` (a client), the media is
    read again from the API before the handler runs, and the handler gets that fresh state:
    a forged or premature delivery is refused with 409.
    """

    def __init__(
        self,
        handler: WebhookHandler,
        *,
        secret: str | Sequence[str],
        dedupe: WebhookDeduplicator | None = None,
        notifier: ProcessingNotifier | None = None,
        confirm_with: MediaClient | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        if not callable(handler):
            raise ConfigurationError(
                f"WebhookReceiver(handler=...) must be a function, got {type(handler).__name__}"
            )
        secrets = (secret,) if isinstance(secret, str) else tuple(secret)
        if not secrets:
            raise ConfigurationError("WebhookReceiver(secret=...) needs at least one secret")
        for item in secrets:
            check_secret(item, argument="WebhookReceiver(secret=...)")
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
            raise ConfigurationError(
                f"WebhookReceiver(max_bytes=...) must be a positive integer, got {max_bytes!r}"
            )
        self.handler = handler
        self.dedupe = WebhookDeduplicator() if dedupe is None else dedupe
        self.notifier = notifier
        self.confirm_with = confirm_with
        self.max_bytes = max_bytes
        self._secrets = secrets

    def __repr__(self) -> str:
        return (
            f"WebhookReceiver(handler={self.handler!r}, dedupe={self.dedupe!r}, "
            f"confirm={self.confirm_with is not None})"
        )

    def _parse(self, body: bytes, headers: Mapping[str, str] | None) -> WebhookEvent:
        return parse_event(body, headers, max_bytes=self.max_bytes)

    def verify(self, token: str | None) -> bool:
        """``True`` when ``token`` (the URL's last path segment) is the secret; constant time."""
        return verify_webhook_secret(token, self._secrets)

    @staticmethod
    async def _confirm(
        client: MediaClient, event: MediaProcessingFinished
    ) -> MediaProcessingFinished:
        media_id = event.media.id
        try:
            fresh = await client.medias.get(media_id)
        except NotFoundError as exc:
            raise _NotConfirmed(f"the API has no media {media_id!r}") from exc
        except Exception as exc:
            raise _ConfirmationFailed(type(exc).__name__) from exc
        if fresh.id != media_id or not fresh.is_processed:
            raise _NotConfirmed(f"the API reports media {media_id!r} as still processing")
        return attrs.evolve(event, media=fresh)

    async def _process(self, event: WebhookEvent) -> tuple[str, WebhookEvent]:
        async with self.dedupe.claim(event) as claim:
            if not claim.acquired:
                return claim.status, event
            if self.confirm_with is not None and isinstance(event, MediaProcessingFinished):
                event = await self._confirm(self.confirm_with, event)
            try:
                await call_handler(self.handler, event)
            except Exception as exc:
                logger.exception("webhook handler failed for %s", claim.key)
                raise _HandlerFailed(type(exc).__name__) from exc
        return claim.status, event

    def _notify(self, event: WebhookEvent) -> None:
        if self.notifier is not None and isinstance(event, MediaProcessingFinished):
            self.notifier.notify("medias", event.media.id, event.media)

    async def handle(
        self, token: str | None, body: bytes, headers: Mapping[str, str] | None = None
    ) -> ReceiveResult:
        """Process one delivery (URL token, raw body, request headers); return the answer."""
        if not self.verify(token):
            return ReceiveResult(404, {"error": "not_found"})
        try:
            if len(body) > _PARSE_IN_THREAD_BYTES:  # keep the event loop responsive
                event = await anyio.to_thread.run_sync(self._parse, body, headers)
            else:
                event = self._parse(body, headers)
        except WebhookPayloadError as exc:
            logger.warning("refused a malformed webhook body: %s", exc)
            return ReceiveResult(
                400, {"error": "invalid_payload", "message": exc.reason, "path": exc.path}
            )
        try:
            status, event = await self._process(event)
        except _HandlerFailed as exc:
            return ReceiveResult(500, {"error": "handler_failed", "type": str(exc)}, event)
        except _NotConfirmed as exc:
            logger.warning("refused an unconfirmed webhook: %s", exc)
            return ReceiveResult(409, {"error": "not_confirmed", "message": str(exc)}, event)
        except _ConfirmationFailed as exc:
            logger.warning("could not confirm a webhook with the API: %s", exc)
            return ReceiveResult(503, {"error": "confirmation_failed", "type": str(exc)}, event)
        except Exception as exc:
            logger.exception("webhook deduplication store failed")
            return ReceiveResult(
                503, {"error": "store_unavailable", "type": type(exc).__name__}, event
            )
        if status == "in_progress":
            return ReceiveResult(409, {"status": "in_progress"}, event)
        self._notify(event)
        return ReceiveResult(200, {"status": "ok" if status == "acquired" else "duplicate"}, event)
