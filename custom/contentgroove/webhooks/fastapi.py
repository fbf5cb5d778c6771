"""FastAPI integration: ``app.include_router(webhook_router(handler, secret=...))``.

Needs the ``fastapi`` extra: ``pip install 'contentgroove[fastapi]'``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._events import ProcessingNotifier
from .._exceptions import ConfigurationError
from ._client import WebhookClient
from ._dedupe import WebhookDeduplicator
from ._handlers import WebhookHandler
from ._parse import DEFAULT_MAX_BYTES
from ._receiver import WebhookReceiver

try:
    from fastapi import APIRouter, Request, Response
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "contentgroove.webhooks.fastapi needs FastAPI: pip install 'contentgroove[fastapi]'"
    ) from exc

__all__ = ["webhook_router"]

_JSON = "application/json"


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, read no further than one byte past ``limit``."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:  # the parser refuses it; no need to read the rest
            break
    return b"".join(chunks)


def webhook_router(
    handler: WebhookHandler,
    *,
    secret: str | Sequence[str],
    dedupe: WebhookDeduplicator | None = None,
    client: WebhookClient | None = None,
    notifier: ProcessingNotifier | None = None,
    path: str = "/contentgroove/webhooks",
    confirm: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> APIRouter:
    """A router with ``POST {path}/{token}`` receiving ContentGroove webhooks.

    Subscribe ``webhook_url("https://<your host>" + path, secret)``. A wrong token gets 404,
    a malformed body 400 (``{"error", "message", "path"}``), a repeated delivery 200
    ``{"status": "duplicate"}`` without calling ``handler`` again, a handler that raises 500
    (so ContentGroove retries; only the exception's class name is sent), a handled event 200.
    See :class:`~contentgroove.webhooks.ReceiveResult` for every answer.

    ``handler`` may be sync (run in a worker thread) or ``async``. ``dedupe`` defaults to an
    in-memory :class:`~contentgroove.webhooks.WebhookDeduplicator`; give several instances of
    an app one backed by a :class:`~contentgroove.webhooks.RedisStore`. With ``client`` (a
    :class:`contentgroove.ContentGroove`), its pollers waiting on a media are woken when its
    ``media.processing_finished`` arrives (``notifier`` overrides the client's notifier), and
    ``confirm=True`` reads the media from the API before trusting the delivery.
    """
    if confirm and client is None:
        raise ConfigurationError(
            "webhook_router(confirm=True) reads the media from the API: pass client=..."
        )
    if not isinstance(path, str) or not path.startswith("/"):
        raise ConfigurationError(
            f"webhook_router(path=...) must start with '/', such as '/contentgroove/webhooks', "
            f"got {path!r}"
        )
    if notifier is None and client is not None:
        notifier = client.processing_notifier
    receiver = WebhookReceiver(
        handler,
        secret=secret,
        dedupe=dedupe,
        notifier=notifier,
        confirm_with=client if confirm else None,
        max_bytes=max_bytes,
    )

    async def receive_contentgroove_webhook(token: str, request: Request) -> Response:
        if not receiver.verify(token):  # before reading a body nobody authenticated
            return Response(b'{"error":"not_found"}', status_code=404, media_type=_JSON)
        body = await _read_body(request, receiver.max_bytes)
        result = await receiver.handle(token, body, request.headers)
        return Response(result.content, status_code=result.status_code, media_type=_JSON)

    router = APIRouter()
    router.add_api_route(
        f"{path.rstrip('/')}/{{token}}",
        receive_contentgroove_webhook,
        methods=["POST"],
        include_in_schema=False,
    )
    return router
