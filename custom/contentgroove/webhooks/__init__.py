"""Receive ContentGroove webhooks: parse, authenticate, deduplicate and dispatch deliveries.

ContentGroove POSTs a JSON event to each subscribed URL, at least once, retrying with backoff
until the receiver answers 200. Quick start with FastAPI::

    from contentgroove.webhooks import MediaProcessingFinished, new_webhook_secret, webhook_url
    from contentgroove.webhooks.fastapi import webhook_router

    secret = new_webhook_secret()  # keep it in your configuration
    print(webhook_url("https://example.com/contentgroove/webhooks", secret))  # subscribe this

    async def on_event(event):
        if isinstance(event, MediaProcessingFinished):
            print(event.media.name, [clip.name for clip in event.clips])

    app.include_router(webhook_router(on_event, secret=secret))

:class:`WebhookReceiver` is the same endpoint without a web framework, :func:`parse_event`
the parser alone, and :class:`WebhookDeduplicator` the idempotency layer alone.
"""

from ._client import MediaClient, MediaGetter, WebhookClient
from ._dedupe import Claim, ClaimStatus, DedupeResult, WebhookDeduplicator, idempotency_key
from ._errors import WebhookPayloadError
from ._handlers import WebhookHandler
from ._parse import DEFAULT_MAX_BYTES, parse_event
from ._receiver import ReceiveResult, WebhookReceiver
from ._redis import RedisStore
from ._secrets import new_webhook_secret, verify_webhook_secret, webhook_url
from ._stores import DEFAULT_TTL, ClaimState, IdempotencyStore, KeyState, MemoryStore
from ._types import MEDIA_PROCESSING_FINISHED, MediaProcessingFinished, UnknownEvent, WebhookEvent

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TTL",
    "MEDIA_PROCESSING_FINISHED",
    "Claim",
    "ClaimState",
    "ClaimStatus",
    "DedupeResult",
    "IdempotencyStore",
    "KeyState",
    "MediaClient",
    "MediaGetter",
    "MediaProcessingFinished",
    "MemoryStore",
    "ReceiveResult",
    "RedisStore",
    "UnknownEvent",
    "WebhookClient",
    "WebhookDeduplicator",
    "WebhookEvent",
    "WebhookHandler",
    "WebhookPayloadError",
    "WebhookReceiver",
    "idempotency_key",
    "new_webhook_secret",
    "parse_event",
    "verify_webhook_secret",
    "webhook_url",
]
