"""When and how long to wait before retrying a request.

Writes are never duplicated: POST and PUT are retried only when the request provably did not
reach the server (a connect error, a pool timeout, or a 429). GET and DELETE are also retried
on 5xx gateway/server errors, read timeouts and broken connections.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Awaitable, Callable

import anyio
import attrs
import httpx

__all__ = ["RetryPolicy", "parse_retry_after"]

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})
# The request never left the client: safe to retry any method.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date), or ``None``."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, OverflowError):
            return None  # neither a number nor an HTTP date: ignore it
        if parsed.tzinfo is None:
            return None
        seconds = parsed.timestamp() - (time.time() if now is None else now)
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """Retry settings: exponential backoff with full jitter, honoring ``Retry-After``.

    The n-th retry (n from 0) waits ``uniform(0, min(max_delay, base_delay * 2**n))`` unless the
    server sent ``Retry-After``, which is used instead, capped at ``max_retry_after``.
    ``sleep`` and ``random`` are injectable so tests run without real waiting.
    """

    max_retries: int = attrs.field(default=2, validator=attrs.validators.ge(0))
    base_delay: float = attrs.field(default=0.5, validator=attrs.validators.ge(0))
    max_delay: float = attrs.field(default=8.0, validator=attrs.validators.ge(0))
    max_retry_after: float = attrs.field(default=60.0, validator=attrs.validators.ge(0))
    sleep: Callable[[float], Awaitable[None]] = attrs.field(default=anyio.sleep, repr=False)
    random: Callable[[], float] = attrs.field(default=random.random, repr=False)

    def backoff(self, retry_index: int) -> float:
        """Full-jitter delay before retry number ``retry_index`` (0-based)."""
        ceiling = min(self.max_delay, self.base_delay * (2**retry_index))
        return float(ceiling * self.random())

    def delay(self, retry_index: int, response: httpx.Response | None) -> float:
        """The wait before the next attempt, preferring the server's ``Retry-After``."""
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None:
                return min(retry_after, self.max_retry_after)
        return self.backoff(retry_index)

    @staticmethod
    def should_retry_status(method: str, status_code: int) -> bool:
        """A 429 is retried for every method; 5xx only for idempotent ones."""
        if status_code == 429:
            return True
        return status_code in RETRYABLE_STATUSES and method.upper() in IDEMPOTENT_METHODS

    @staticmethod
    def should_retry_error(method: str, error: httpx.TransportError) -> bool:
        """Errors before sending are retried for every method, others only for idempotent ones."""
        if isinstance(error, _NOT_SENT):
            return True
        return method.upper() in IDEMPOTENT_METHODS
