"""Configuration of the sandbox: credentials, timing, quotas, rate limits and fault knobs."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anyio
import attrs
import httpx

from ._clock import Clock, SystemClock

__all__ = ["DEFAULT_API_KEY", "OPERATIONS", "ForcedResponse", "SandboxConfig"]

DEFAULT_API_KEY = "sk_test_sandbox"
"""The API key the sandbox accepts when none is configured."""

OPERATIONS = frozenset(
    {
        "list_medias",
        "create_media",
        "get_media",
        "update_media",
        "delete_media",
        "list_clips",
        "create_clip",
        "get_clip",
        "update_clip",
        "delete_clip",
        "create_direct_upload",
        "list_webhook_subscriptions",
        "create_webhook_subscription",
        "get_webhook_subscription",
        "delete_webhook_subscription",
        "upload_file",
    }
)
"""Operation ids the fault knobs can target: the API's ``operationId`` values, plus
``upload_file`` for the PUT of a file to a direct-upload URL."""


def _api_keys(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value)


def _check_api_keys(_: object, attribute: attrs.Attribute[Any], value: frozenset[str]) -> None:
    if not value:
        raise ValueError(
            "SandboxConfig(api_keys=...): give at least one API key, e.g. {'sk_test_1'}"
        )
    for key in value:
        if not isinstance(key, str) or not key or key != key.strip():
            raise ValueError(
                "SandboxConfig(api_keys=...): every API key must be a non-empty string "
                "without surrounding whitespace"
            )


def _non_negative(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"SandboxConfig({attribute.name}={value!r}): must be a finite number >= 0")


def _positive_or_none(_: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and (not math.isfinite(value) or value <= 0):
        raise ValueError(
            f"SandboxConfig({attribute.name}={value!r}): must be a number > 0, or None to disable"
        )


def _quota(_: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or value < 0):
        raise ValueError(
            f"SandboxConfig({attribute.name}={value!r}): must be an integer >= 0, "
            "or None for no limit"
        )


def _probability(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"SandboxConfig({attribute.name}={value!r}): must be between 0 and 1")


def _http_status(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 100 <= value <= 599:
        raise ValueError(f"{attribute.name}={value!r}: must be an HTTP status code (100-599)")


def _delays(value: Iterable[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in value)


def _check_delays(_: object, attribute: attrs.Attribute[Any], value: tuple[float, ...]) -> None:
    for delay in value:
        if not math.isfinite(delay) or delay < 0:
            raise ValueError(
                f"SandboxConfig(webhook_retry_delays={value!r}): every delay must be a "
                "finite number of seconds >= 0"
            )


def _base_url(value: str | None) -> str | None:
    return None if value is None else value.rstrip("/")


def _check_base_url(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise ValueError(
            f"SandboxConfig(public_base_url={value!r}): must be an absolute http(s) URL "
            "without a query, e.g. 'http://127.0.0.1:8765'"
        )


def _forced(value: Iterable[ForcedResponse]) -> tuple[ForcedResponse, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ForcedResponse:
    """Answer the next ``times`` matching requests with ``status`` instead of handling them.

    A request matches when it is for ``operation`` (an operation id from the API, or
    ``upload_file`` for direct-upload PUTs) and its path starts with ``path``; ``None``
    matches anything. The body is the API's error body for that status; 429 and 503
    answers carry ``Retry-After: retry_after``.
    """

    status: int = attrs.field(validator=_http_status)
    operation: str | None = None
    path: str | None = None
    times: int = 1
    retry_after: int = 1

    def __attrs_post_init__(self) -> None:
        if self.operation is not None and self.operation not in OPERATIONS:
            raise ValueError(
                f"ForcedResponse(operation={self.operation!r}): unknown operation; "
                f"use one of {sorted(OPERATIONS)}"
            )
        if self.times < 1:
            raise ValueError(f"ForcedResponse(times={self.times!r}): must be >= 1")
        if self.retry_after < 0:
            raise ValueError(f"ForcedResponse(retry_after={self.retry_after!r}): must be >= 0")

    def matches(self, operation: str, path: str) -> bool:
        """Whether a request for ``operation`` at ``path`` is one this rule answers."""
        if self.operation is not None and self.operation != operation:
            return False
        return self.path is None or path.startswith(self.path)


@attrs.frozen(kw_only=True)
class SandboxConfig:
    """How a :class:`~contentgroove.sandbox.Sandbox` behaves. Every field has a usable default.

    Time-based fields are in seconds of the configured ``clock``.
    """

    api_keys: frozenset[str] = attrs.field(
        default=frozenset({DEFAULT_API_KEY}), converter=_api_keys, validator=_check_api_keys
    )
    """Accepted API keys (Bearer token, ``X-API-KEY`` header or ``api_key`` query parameter)."""

    processing_seconds: float = attrs.field(default=1.0, validator=_non_negative)
    """How long a new media stays ``is_processing`` before it is finished."""

    clip_processing_seconds: float = attrs.field(default=0.5, validator=_non_negative)
    """How long a clip made (or changed) through the API stays ``is_processing``."""

    media_quota: int | None = attrs.field(default=None, validator=_quota)
    """How many medias may be created before ``POST /medias`` answers 402; None = no limit."""

    clip_quota: int | None = attrs.field(default=None, validator=_quota)
    """How many clips may be created through the API before it answers 402; None = no limit."""

    rate_limit: int | None = attrs.field(default=None, validator=_quota)
    """Requests allowed per ``rate_limit_window`` before 429 with ``Retry-After``; None = off."""

    rate_limit_window: float = attrs.field(default=60.0, validator=_positive_or_none)
    """Length of the fixed rate-limit window."""

    error_rate: float = attrs.field(default=0.0, validator=_probability)
    """Probability that an API request fails with ``error_status`` (drawn from ``seed``)."""

    error_status: int = attrs.field(default=500, validator=_http_status)
    """Status of the random failures drawn with ``error_rate``."""

    latency_seconds: float = attrs.field(default=0.0, validator=_non_negative)
    """Delay added before answering every API request (slept with ``sleep``)."""

    forced_responses: tuple[ForcedResponse, ...] = attrs.field(default=(), converter=_forced)
    """Forced answers armed at start; more can be armed at run time with ``Sandbox.force``."""

    seed: int | None = None
    """Seed for generated ids, content and ``error_rate`` draws; None = different each run."""

    webhook_retry_delays: tuple[float, ...] = attrs.field(
        default=(1.0, 2.0, 4.0, 8.0, 16.0), converter=_delays, validator=_check_delays
    )
    """Wait before each retry of a webhook that did not get a 200 (exponential backoff by
    default); a delivery is attempted ``len(webhook_retry_delays) + 1`` times at most."""

    webhook_timeout: float = attrs.field(default=5.0, validator=_positive_or_none)
    """Timeout of one webhook POST."""

    duplicate_deliveries: bool = False
    """Deliver every webhook twice, as the real service may: receivers must be idempotent."""

    webhook_transport: httpx.AsyncBaseTransport | None = None
    """Transport for webhook POSTs (e.g. an ``httpx.ASGITransport`` to an in-process receiver);
    None = real HTTP."""

    upload_token_ttl: float = attrs.field(default=3600.0, validator=_positive_or_none)
    """How long a direct-upload URL stays valid."""

    max_upload_bytes: int = attrs.field(default=5 * 1024**3, validator=_quota)
    """Largest file a direct upload accepts (413 above it). The API's limit is 5 GB."""

    upload_dir: Path | None = None
    """Where received upload bodies are written (one file per upload); None = keep only the
    sha256 and byte count."""

    public_base_url: str | None = attrs.field(
        default=None, converter=_base_url, validator=_check_base_url
    )
    """Base URL written into ``links`` and ``upload_url``; None = the URL the request came to."""

    page_size: int = 20
    """Default ``page[size]`` of list operations."""

    max_page_size: int = 100
    """Largest ``page[size]``; bigger requests get pages of this size."""

    clock: Clock = attrs.field(factory=SystemClock)
    """Source of time (see :class:`~contentgroove.sandbox.ManualClock` for tests)."""

    sleep: Callable[[float], Awaitable[None]] = anyio.sleep
    """How ``latency_seconds`` is waited; tests may pass a recorder instead of sleeping."""

    run_background: bool = True
    """Finish processing and deliver webhooks from a task started in the app's lifespan."""

    background_interval: float = attrs.field(default=0.05, validator=_positive_or_none)
    """How often (real seconds) the background task looks for due work."""

    signing_secret: bytes | None = attrs.field(default=None, repr=False)
    """Key of the upload-URL signatures; None = a random key per sandbox."""

    def __attrs_post_init__(self) -> None:
        if self.page_size < 1 or self.max_page_size < self.page_size:
            raise ValueError(
                f"SandboxConfig(page_size={self.page_size}, max_page_size={self.max_page_size}): "
                "need 1 <= page_size <= max_page_size"
            )

    @property
    def webhook_max_attempts(self) -> int:
        """How many times one webhook delivery is attempted at most."""
        return len(self.webhook_retry_delays) + 1
