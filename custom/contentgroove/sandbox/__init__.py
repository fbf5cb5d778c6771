"""An in-memory, stateful ContentGroove for tests, demos and offline development.

It speaks the same HTTP API as ContentGroove (same paths, JSON:API bodies, errors, pagination,
filters, direct uploads and ``media.processing_finished`` webhooks) and keeps its state in
memory, where tests can read and steer it::

    from contentgroove.sandbox import ManualClock, SandboxConfig, with_sandbox

    clock = ManualClock()
    async with with_sandbox(SandboxConfig(clock=clock)) as sb:
        created = await sb.client.post("/api/v1/medias", json={...})
        clock.advance(5)
        await sb.sandbox.process_due()  # finish processing, deliver webhooks

Run it as a server with ``python -m contentgroove.sandbox --port 8765`` (API key
``sk_test_sandbox``). Needs the ``sandbox`` extra: ``pip install 'contentgroove[sandbox]'``.
"""

try:
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError(
        "contentgroove.sandbox needs Starlette and uvicorn: pip install 'contentgroove[sandbox]'"
    ) from exc

from ._app import create_app, get_sandbox
from ._clock import Clock, ManualClock, SystemClock
from ._config import DEFAULT_API_KEY, OPERATIONS, ForcedResponse, SandboxConfig
from ._content import fetch_error_reason
from ._records import (
    ClipRecord,
    DeliveryAttempt,
    MediaRecord,
    RequestRecord,
    SubscriptionRecord,
    TranscriptionRecord,
    UploadRecord,
    WebhookDelivery,
)
from ._sandbox import Sandbox
from ._testing import SandboxSession, ServedSandbox, serve_sandbox, with_sandbox

__all__ = [
    "DEFAULT_API_KEY",
    "OPERATIONS",
    "ClipRecord",
    "Clock",
    "DeliveryAttempt",
    "ForcedResponse",
    "ManualClock",
    "MediaRecord",
    "RequestRecord",
    "Sandbox",
    "SandboxConfig",
    "SandboxSession",
    "ServedSandbox",
    "SubscriptionRecord",
    "SystemClock",
    "TranscriptionRecord",
    "UploadRecord",
    "WebhookDelivery",
    "create_app",
    "fetch_error_reason",
    "get_sandbox",
    "serve_sandbox",
    "with_sandbox",
]
