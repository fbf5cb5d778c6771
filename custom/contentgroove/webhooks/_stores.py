"""Where the deduplicator remembers which deliveries are being handled or are done."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import ClassVar, Final, Literal, Protocol, runtime_checkable

from .._exceptions import ConfigurationError

__all__ = ["DEFAULT_TTL", "ClaimState", "IdempotencyStore", "KeyState", "MemoryStore"]

DEFAULT_TTL: Final = 7 * 24 * 3600.0
"""How long a handled delivery is remembered by default (seconds): one week."""

ClaimState = Literal["claimed", "processing", "done"]
"""Answer of :meth:`IdempotencyStore.claim`: ours now, someone else's lease, or handled."""

KeyState = Literal["processing", "done"]
"""What a store holds for a key."""


@runtime_checkable
class IdempotencyStore(Protocol):
    """Storage for :class:`WebhookDeduplicator`: leases on keys being handled, and done marks.

    Each operation must be atomic with respect to other callers of the same store (across
    processes for shared stores such as :class:`RedisStore`).

    A store may set ``process_local = True`` when its claims vanish with the process (as
    :class:`MemoryStore`'s do): the deduplicator then claims without expiry instead of renewing
    a lease while the handler runs. Stores without the attribute get leases renewed.
    """

    async def claim(self, key: str, owner: str, lease: float) -> ClaimState:
        """Take ``key`` for ``owner`` for ``lease`` seconds unless it is held or done."""
        ...

    async def extend(self, key: str, owner: str, lease: float) -> bool:
        """Renew ``owner``'s lease on ``key`` to ``lease`` seconds; ``False`` if not ``owner``'s."""
        ...

    async def mark_done(self, key: str, owner: str) -> None:
        """Record ``key`` as handled, for the store's time-to-live."""
        ...

    async def release(self, key: str, owner: str) -> bool:
        """Forget ``owner``'s lease on ``key`` so a retry is handled; ``False`` if not held."""
        ...

    async def state(self, key: str) -> KeyState | None:
        """What the store holds for ``key``: ``"processing"``, ``"done"`` or ``None``."""
        ...


def _positive(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ConfigurationError(f"{name} must be a positive number, got {value!r}")
    return float(value)


class MemoryStore:
    """An in-process store: bounded (least recently used keys go first) with a time-to-live.

    Good for one process with one event loop. Several processes or hosts that receive the
    same webhooks need a shared store such as :class:`RedisStore`. ``clock`` returns seconds
    (``time.monotonic`` by default) and can be replaced in tests.
    """

    process_local: ClassVar[bool] = True
    """Claims live in this process's memory and vanish with it."""

    def __init__(
        self,
        max_entries: int = 100_000,
        ttl: float = DEFAULT_TTL,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1:
            raise ConfigurationError(
                f"MemoryStore(max_entries=...) must be a positive integer, got {max_entries!r}"
            )
        self.max_entries = max_entries
        self.ttl = _positive("MemoryStore(ttl=...)", ttl)
        self._clock = clock
        # key -> (owner, or None once done; expiry time on ``clock``)
        self._entries: OrderedDict[str, tuple[str | None, float]] = OrderedDict()

    def __repr__(self) -> str:
        return f"MemoryStore(max_entries={self.max_entries}, ttl={self.ttl}, size={len(self)})"

    def __len__(self) -> int:
        """Number of keys held, expired ones that were not yet dropped included."""
        return len(self._entries)

    def _live(self, key: str, now: float) -> tuple[str | None, float] | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[1] <= now:
            del self._entries[key]
            return None
        return entry

    def _put(self, key: str, owner: str | None, expires: float) -> None:
        self._entries[key] = (owner, expires)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    async def claim(self, key: str, owner: str, lease: float) -> ClaimState:
        """Take ``key`` for ``owner`` for ``lease`` seconds unless it is held or done."""
        now = self._clock()
        entry = self._live(key, now)
        if entry is None:
            self._put(key, owner, now + lease)
            return "claimed"
        self._entries.move_to_end(key)
        return "done" if entry[0] is None else "processing"

    async def extend(self, key: str, owner: str, lease: float) -> bool:
        """Renew ``owner``'s lease on ``key`` to ``lease`` seconds; ``False`` if not ``owner``'s."""
        now = self._clock()
        entry = self._live(key, now)
        if entry is None or entry[0] != owner:
            return False
        self._put(key, owner, now + lease)
        return True

    async def mark_done(self, key: str, owner: str) -> None:
        """Record ``key`` as handled for ``ttl`` seconds."""
        self._put(key, None, self._clock() + self.ttl)

    async def release(self, key: str, owner: str) -> bool:
        """Forget ``owner``'s lease on ``key``; ``False`` if someone else holds it or it is done."""
        entry = self._live(key, self._clock())
        if entry is None or entry[0] != owner:
            return False
        del self._entries[key]
        return True

    async def state(self, key: str) -> KeyState | None:
        """What the store holds for ``key``: ``"processing"``, ``"done"`` or ``None``."""
        entry = self._live(key, self._clock())
        if entry is None:
            return None
        return "done" if entry[0] is None else "processing"
