"""A Redis-backed idempotency store, shared by every process that receives the same webhooks."""

from __future__ import annotations

import math
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any, ClassVar, Final, cast

import sniffio

from .._exceptions import ConfigurationError
from ._stores import DEFAULT_TTL, ClaimState, KeyState

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["RedisStore"]

_DONE: Final = "done"
_TIMEOUT: Final = 5.0
_LEASE_PREFIX: Final = "processing:"

# SET NX takes the key atomically; when it is taken, GET in the same script says by whom.
_CLAIM: Final = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
if redis.call('GET', KEYS[1]) == 'done' then return 'done' end
return 'processing'
"""
# Compare-and-delete / compare-and-expire: only the lease holder may release or renew.
_RELEASE: Final = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_EXTEND: Final = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


def _import_redis() -> Any:
    try:
        import redis.asyncio as redis_asyncio
    except ImportError as exc:
        raise ConfigurationError(
            "RedisStore needs the redis package: pip install 'contentgroove[redis]'"
        ) from exc
    return redis_asyncio


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return None if value is None else str(value)


def _ms(seconds: float) -> int:
    return max(1, math.ceil(seconds * 1000))


class RedisStore:
    """Idempotency store in Redis, so several app instances handle each delivery once.

    ``redis`` is a ``redis.asyncio.Redis`` client or a URL such as ``"redis://localhost:6379/0"``
    (the store then owns the client, with 5 s socket timeouts: close it with :meth:`aclose` or
    ``async with``). Keys are
    ``prefix + idempotency key``; a delivery being handled holds a short lease
    (``SET key processing:<owner> NX PX``), a handled one is kept as ``done`` for ``ttl``
    seconds. Needs the ``redis`` extra (``pip install 'contentgroove[redis]'``) and, because
    redis-py's asyncio client only runs on asyncio, an asyncio event loop (not trio).
    """

    process_local: ClassVar[bool] = False
    """Claims are shared through Redis: leases expire, and are renewed while a handler runs."""

    def __init__(
        self,
        redis: Redis | str,
        *,
        prefix: str = "contentgroove:webhooks:",
        ttl: float = DEFAULT_TTL,
    ) -> None:
        redis_asyncio = _import_redis()
        if isinstance(ttl, bool) or not isinstance(ttl, int | float) or not ttl > 0:
            raise ConfigurationError(f"RedisStore(ttl=...) must be a positive number, got {ttl!r}")
        if not isinstance(prefix, str):
            raise ConfigurationError(
                f"RedisStore(prefix=...) must be a string, got {type(prefix).__name__}"
            )
        if isinstance(redis, str):
            # A receiver must answer (or fail) quickly, never hang on an unreachable Redis;
            # timeouts given in the URL's query string take precedence.
            self._redis: Redis = redis_asyncio.Redis.from_url(
                redis, socket_timeout=_TIMEOUT, socket_connect_timeout=_TIMEOUT
            )
            self._owns_client = True
        elif hasattr(redis, "register_script"):  # redis.asyncio.Redis or a compatible client
            self._redis = redis
            self._owns_client = False
        else:
            raise ConfigurationError(
                "RedisStore(redis=...) must be a redis.asyncio.Redis client or a redis:// URL, "
                f"got {type(redis).__name__}"
            )
        self.prefix = prefix
        self.ttl = float(ttl)
        self._claim = self._redis.register_script(_CLAIM)
        self._release = self._redis.register_script(_RELEASE)
        self._extend = self._redis.register_script(_EXTEND)

    def __repr__(self) -> str:
        return f"RedisStore(prefix={self.prefix!r}, ttl={self.ttl})"

    async def __aenter__(self) -> RedisStore:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client if this store created it from a URL."""
        if self._owns_client:
            await self._redis.aclose()

    @staticmethod
    def _require_asyncio() -> None:
        try:
            library = sniffio.current_async_library()
        except sniffio.AsyncLibraryNotFoundError:
            library = "no event loop"
        if library != "asyncio":
            raise ConfigurationError(
                f"RedisStore needs asyncio (redis-py's asyncio client), but runs under {library}; "
                "use MemoryStore or a store written for your event loop"
            )

    async def claim(self, key: str, owner: str, lease: float) -> ClaimState:
        """Take ``key`` for ``owner`` for ``lease`` seconds unless it is held or done."""
        self._require_asyncio()
        result = await self._claim(
            keys=[self.prefix + key], args=[_LEASE_PREFIX + owner, _ms(lease)]
        )
        state = _text(result)
        if state == "claimed":
            return "claimed"
        return "done" if state == "done" else "processing"

    async def extend(self, key: str, owner: str, lease: float) -> bool:
        """Renew ``owner``'s lease on ``key`` to ``lease`` seconds; ``False`` if not ``owner``'s."""
        self._require_asyncio()
        result = await self._extend(
            keys=[self.prefix + key], args=[_LEASE_PREFIX + owner, _ms(lease)]
        )
        return bool(result)

    async def mark_done(self, key: str, owner: str) -> None:
        """Record ``key`` as handled for ``ttl`` seconds."""
        self._require_asyncio()
        await cast("Awaitable[object]", self._redis.set(self.prefix + key, _DONE, px=_ms(self.ttl)))

    async def release(self, key: str, owner: str) -> bool:
        """Forget ``owner``'s lease on ``key``; ``False`` if someone else holds it or it is done."""
        self._require_asyncio()
        result = await self._release(keys=[self.prefix + key], args=[_LEASE_PREFIX + owner])
        return bool(result)

    async def state(self, key: str) -> KeyState | None:
        """What the store holds for ``key``: ``"processing"``, ``"done"`` or ``None``."""
        self._require_asyncio()
        value = _text(await cast("Awaitable[object]", self._redis.get(self.prefix + key)))
        if value is None:
            return None
        return "done" if value == _DONE else "processing"
