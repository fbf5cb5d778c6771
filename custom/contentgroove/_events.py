"""In-process notification of finished processing, shared by pollers and webhook receivers.

A poller waiting on a media registers here; a webhook receiver that gets
``media.processing_finished`` for the same id calls :meth:`ProcessingNotifier.notify`, which
wakes the waiters at once so they stop polling. Without webhooks nothing is ever notified and
pollers simply keep polling.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

import anyio

__all__ = ["ProcessingNotifier", "Watch"]

_R = TypeVar("_R")


class Watch(Generic[_R]):
    """One waiter's registration: ``event`` is set when a finished resource is delivered."""

    def __init__(self) -> None:
        self.event = anyio.Event()
        self.resource: _R | None = None


class ProcessingNotifier:
    """Routes "processing finished" notifications to waiters, keyed by (kind, id)."""

    def __init__(self) -> None:
        self._watches: dict[tuple[str, str], set[Watch[object]]] = {}

    @contextmanager
    def watch(self, kind: str, resource_id: str) -> Iterator[Watch[object]]:
        """Register a waiter for ``kind`` ("medias" or "clips") and ``resource_id``."""
        key = (kind, resource_id)
        w: Watch[object] = Watch()
        self._watches.setdefault(key, set()).add(w)
        try:
            yield w
        finally:
            watches = self._watches.get(key)
            if watches is not None:
                watches.discard(w)
                if not watches:
                    del self._watches[key]

    def notify(self, kind: str, resource_id: str, resource: object) -> int:
        """Deliver a finished resource to every waiter on it; returns how many were woken."""
        watches = self._watches.get((kind, resource_id), set())
        for w in watches:
            w.resource = resource
            w.event.set()
        return len(watches)

    def waiting(self, kind: str, resource_id: str) -> int:
        """How many waiters are registered for this resource."""
        return len(self._watches.get((kind, resource_id), ()))
