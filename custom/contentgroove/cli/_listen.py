"""``contentgroove webhooks listen``: a local webhook receiver that prints every event."""

from __future__ import annotations

import argparse
import datetime
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .._client import ContentGroove
from .._exceptions import ConfigurationError
from .._models import WebhookSubscription
from ..webhooks import (
    MEDIA_PROCESSING_FINISHED,
    MediaProcessingFinished,
    WebhookEvent,
    WebhookReceiver,
    new_webhook_secret,
    webhook_url,
)
from ._context import Context
from ._output import media_status
from ._parser import UsageError
from ._serve import LoopServer, bind

__all__ = ["describe_event", "listen", "receiver_app"]

SECRET_ENV = "CONTENTGROOVE_WEBHOOK_SECRET"


def describe_event(event: WebhookEvent) -> str:
    """One line about an event: its name and, for finished medias, what was produced."""
    if isinstance(event, MediaProcessingFinished):
        media = event.media
        words = (
            len(event.transcription.text.split())
            if event.transcription and event.transcription.text
            else 0
        )
        return (
            f"{event.event} media {media.id} {media.name or ''!r}: {media_status(media)}, "
            f"{len(event.clips)} clip(s), transcription of {words} word(s)"
        )
    return f"{event.event} (not known to this version of the SDK)"


def receiver_app(receiver: WebhookReceiver, path: str, ctx: Context | None = None) -> Starlette:
    """An app answering ``POST {path}/{token}`` with ``receiver``; refusals are noted on stderr."""

    async def endpoint(request: Request) -> Response:
        body = await request.body()
        result = await receiver.handle(request.path_params["token"], body, request.headers)
        if ctx is not None and result.status_code != 200:
            reason = result.body.get("error") or result.body.get("status")
            ctx.err.print(
                f"{_now()} refused a delivery: {result.status_code} {reason}", markup=False
            )
        return Response(result.content, result.status_code, media_type="application/json")

    return Starlette(routes=[Route(path.rstrip("/") + "/{token}", endpoint, methods=["POST"])])


def _now() -> str:
    return datetime.datetime.now().strftime("%H:%M:%S")


@asynccontextmanager
async def _subscription(
    ctx: Context, url: str, events: list[str]
) -> AsyncIterator[WebhookSubscription]:
    """Ensure a subscription of ``url``; delete it on exit if this command created it."""
    async with ctx.client() as cg:
        before = {s.id for s in await cg.webhook_subscriptions.list().to_list()}
        subscription = await cg.webhook_subscriptions.ensure(url, events)
        created = subscription.id not in before
        ctx.err.print(
            f"{'Subscribed' if created else 'Already subscribed'} (subscription {subscription.id})"
        )
        try:
            yield subscription
        finally:
            if created:
                await _unsubscribe(ctx, cg, subscription.id)


async def _unsubscribe(ctx: Context, cg: ContentGroove, subscription_id: str) -> None:
    await cg.webhook_subscriptions.delete(subscription_id)
    ctx.err.print(f"Deleted subscription {subscription_id}")


async def listen(args: argparse.Namespace, ctx: Context) -> int:
    """Serve a receiver until Ctrl-C, printing each event (one JSON line each with ``--json``)."""
    if args.public_url and not args.subscribe:
        raise UsageError("--public-url is the URL to subscribe: add --subscribe")
    secret = args.secret or os.environ.get(SECRET_ENV) or new_webhook_secret()
    path = "/" + args.path.strip("/")

    async def on_event(event: WebhookEvent) -> None:
        if ctx.json:
            ctx.out.file.write(json.dumps(event.raw, ensure_ascii=False) + "\n")
            ctx.out.file.flush()
        else:
            ctx.out.print(f"{_now()} {describe_event(event)}")

    try:
        receiver = WebhookReceiver(on_event, secret=secret)
    except ConfigurationError:
        raise UsageError(
            f"--secret (or ${SECRET_ENV}) must be 16 or more URL-safe characters "
            "(A-Z a-z 0-9 - _); leave it out to get a random one"
        ) from None
    public = None
    if args.public_url:
        try:
            public = webhook_url(args.public_url.rstrip("/") + path, secret)
        except ConfigurationError:
            raise UsageError(
                f"--public-url must be an absolute http(s) URL, got {args.public_url!r}"
            ) from None
    server = LoopServer(receiver_app(receiver, path, ctx), handle_signals=True)
    with bind(args.host, args.port) as sock:
        host = f"[{args.host}]" if ":" in args.host else args.host
        local = webhook_url(f"http://{host}:{sock.getsockname()[1]}{path}", secret)
        ctx.err.print(f"Receiving webhooks on {local}")
        ctx.err.print("Press Ctrl-C to stop.")
        if args.subscribe:
            events = args.event or [MEDIA_PROCESSING_FINISHED]
            async with _subscription(ctx, public or local, events):
                await server.serve(sockets=[sock])
        else:
            await server.serve(sockets=[sock])
    if server.interrupted:
        raise KeyboardInterrupt
    return 0
