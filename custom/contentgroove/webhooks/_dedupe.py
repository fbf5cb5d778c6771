"""Handle each webhook delivery once, although ContentGroove delivers at least once."""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import math
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, Final, Generic, Literal, TypeVar

import anyio
import attrs

from .._exceptions import ConfigurationError
from ._handlers import WebhookHandler, call_handler
from ._stores import IdempotencyStore, MemoryStore
from ._types import MediaProcessingFinished, WebhookEvent

__all__ = ["Claim", "ClaimStatus", "DedupeResult", "WebhookDeduplicator", "idempotency_key"]

logger = logging.getLogger("contentgroove.webhooks")

_T = TypeVar("_T")

ClaimStatus = Literal["acquired", "duplicate", "in_progress"]
"""``acquired``: handle it now; ``duplicate``: already handled; ``in_progress``: another
delivery of the same event is being handled and did not finish within the wait."""

_MAX_READABLE_KEY: Final = 200


def _canonical(value: Any) -> bytes:
    """The value as canonical JSON bytes (sorted keys), for hashing."""
    try:
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), default=repr)
    except RecursionError:
        text = _canonical_deep(value)
    return text.encode("utf-8", "surrogatepass")


def _canonical_deep(value: Any) -> str:
    """Like :func:`_canonical` for values nested too deeply for ``json.dumps``: no recursion."""
    out: list[str] = []
    stack: list[Any] = [value]
    close = object()
    while stack:
        item = stack.pop()
        if item is close:
            out.append(")")
        elif isinstance(item, dict):
            out.append("{(")
            stack.append(close)
            for key in sorted(item, key=str, reverse=True):
                stack.append(item[key])
                stack.append(str(key))
        elif isinstance(item, list):
            out.append("[(")
            stack.append(close)
            stack.extend(reversed(item))
        else:
            out.append(json.dumps(item, default=repr) + ",")
    return "".join(out)


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def _resource_and_stamp(event: WebhookEvent) -> tuple[str | None, str | None]:
    if isinstance(event, MediaProcessingFinished):
        started = event.media.processing_started_at
        return event.media.id, None if started is None else started.isoformat()
    data = event.payload.get("data") if isinstance(event.payload, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None, None
    attributes = data.get("attributes")
    started = attributes.get("processing_started_at") if isinstance(attributes, dict) else None
    return data["id"], started if isinstance(started, str) else None


def idempotency_key(event: WebhookEvent) -> str:
    """The key under which deliveries of the same event are recognised as duplicates.

    Built from the event name, the resource id and the resource's ``processing_started_at``
    (so a media processed again is a new event), for example
    ``"media.processing_finished:f98fae60-...:2022-08-17T02:13:58.425000+00:00"``. Without a
    processing timestamp a SHA-256 of the canonical payload stands in for it. Keys that would
    be long or non-printable are replaced by ``"sha256:<hex>"``.
    """
    resource_id, stamp = _resource_and_stamp(event)
    if stamp is None:
        payload = (
            event.raw.get("payload")
            if isinstance(event, MediaProcessingFinished)
            else event.payload
        )
        stamp = "sha256:" + _digest(_canonical(payload))
    key = f"{event.event}:{resource_id or '-'}:{stamp}"
    if len(key) <= _MAX_READABLE_KEY and key.isascii() and key.isprintable():
        return key
    return "sha256:" + _digest(
        *(p.encode("utf-8", "surrogatepass") for p in (event.event, resource_id or "", stamp))
    )


@attrs.frozen
class Claim:
    """The outcome of claiming a delivery; handle the event only when ``acquired``."""

    key: str
    """The event's idempotency key."""
    status: ClaimStatus

    @property
    def acquired(self) -> bool:
        """``True`` when this delivery is the one to handle."""
        return self.status == "acquired"


@attrs.frozen
class DedupeResult(Generic[_T]):
    """What :meth:`WebhookDeduplicator.run` did; ``value`` is the handler's return value."""

    key: str
    status: ClaimStatus
    value: _T | None = None

    @property
    def handled(self) -> bool:
        """``True`` when the handler ran (and succeeded) for this delivery."""
        return self.status == "acquired"


class WebhookDeduplicator:
    """Runs the handler for the first delivery of an event and recognises the repeats.

    The first delivery claims the event's :func:`idempotency_key` with a lease of ``lease``
    seconds, renewed while the handler runs, so a process that dies loses its claims within
    ``lease`` seconds (claims in a process-local store such as :class:`MemoryStore` vanish with
    the process anyway, so they are held without expiry). When the handler succeeds the key is
    marked done (remembered for the store's time-to-live) and later deliveries are
    ``duplicate``. When it raises (or is cancelled), the claim is released so ContentGroove's
    retry is handled. A delivery arriving while another one of the same event is being handled
    waits up to ``wait`` seconds for its outcome, then reports ``in_progress`` (receivers
    answer 409 so ContentGroove retries later).

    ``store`` defaults to a :class:`MemoryStore` (one process); share a :class:`RedisStore`
    between instances of an app.
    """

    def __init__(
        self,
        store: IdempotencyStore | None = None,
        *,
        lease: float = 30.0,
        wait: float = 5.0,
        key: Callable[[WebhookEvent], str] = idempotency_key,
    ) -> None:
        if isinstance(lease, bool) or not isinstance(lease, int | float) or not lease > 0:
            raise ConfigurationError(
                "WebhookDeduplicator(lease=...) must be a positive number of seconds, "
                f"got {lease!r}"
            )
        if isinstance(wait, bool) or not isinstance(wait, int | float) or not wait >= 0:
            raise ConfigurationError(
                f"WebhookDeduplicator(wait=...) must be a number of seconds >= 0, got {wait!r}"
            )
        self.store: IdempotencyStore = MemoryStore() if store is None else store
        self.lease = float(lease)
        self.wait = float(wait)
        self._key = key
        # Owners of claims: unique across processes and deduplicators sharing a store.
        self._owner_prefix = secrets.token_hex(8)
        self._claims = itertools.count()

    def __repr__(self) -> str:
        return f"WebhookDeduplicator(store={self.store!r}, lease={self.lease}, wait={self.wait})"

    def key(self, event: WebhookEvent) -> str:
        """The idempotency key of ``event``."""
        return self._key(event)

    async def _acquire(self, key: str, owner: str, lease: float) -> ClaimStatus:
        deadline: float | None = None
        delay = 0.01
        while True:
            state = await self.store.claim(key, owner, lease)
            if state == "claimed":
                return "acquired"
            if state == "done":
                return "duplicate"
            if deadline is None:  # the wait starts at the first "processing" answer
                deadline = anyio.current_time() + self.wait
            remaining = deadline - anyio.current_time()
            if remaining <= 0:
                return "in_progress"
            await anyio.sleep(min(delay, remaining))
            delay = min(delay * 2, 0.25)

    async def _keep_lease(self, key: str, owner: str) -> None:
        while True:
            await anyio.sleep(self.lease / 3)
            try:
                renewed = await self.store.extend(key, owner, self.lease)
            except Exception as exc:
                logger.warning("could not renew the claim on %s: %s", key, type(exc).__name__)
                continue
            if not renewed:
                logger.warning("lost the claim on %s; another delivery may handle it too", key)
                return

    @asynccontextmanager
    async def claim(self, event: WebhookEvent) -> AsyncIterator[Claim]:
        """Claim ``event`` for the duration of the ``async with`` block.

        Handle the event in the block when ``claim.acquired``. Leaving the block normally marks
        the event done; leaving it with an exception releases the claim so a retry is handled.
        """
        key = self._key(event)
        owner = f"{self._owner_prefix}-{next(self._claims)}"
        # Claims in a process-local store vanish with the process: they need no expiry, hence
        # no renewal, while the handler runs.
        renew = not getattr(self.store, "process_local", False)
        status = await self._acquire(key, owner, self.lease if renew else math.inf)
        claim = Claim(key, status)
        if not claim.acquired:
            yield claim
            return
        completed = False
        failure: BaseException | None = None
        try:
            if renew:
                async with anyio.create_task_group() as tg:
                    tg.start_soon(self._keep_lease, key, owner)
                    try:
                        yield claim
                        completed = True
                    except BaseException as exc:
                        # Re-raised below, outside the task group, so it is not wrapped in a group.
                        failure = exc
                    finally:
                        tg.cancel_scope.cancel()
            else:
                yield claim
                completed = True
        finally:
            if type(self.store) is MemoryStore:
                # Its operations never suspend, so no cancellation can interrupt them.
                await self._finish(key, owner, completed)
            else:
                with anyio.CancelScope(shield=True):
                    await self._finish(key, owner, completed)
        if failure is not None:
            raise failure

    async def _finish(self, key: str, owner: str, completed: bool) -> None:
        if completed:
            await self.store.mark_done(key, owner)
            return
        try:
            await self.store.release(key, owner)
        except Exception as exc:
            logger.warning("could not release the claim on %s: %s", key, type(exc).__name__)

    async def run(self, event: WebhookEvent, handler: WebhookHandler) -> DedupeResult[Any]:
        """Run ``handler(event)`` (sync or async) unless ``event`` was handled already.

        Exceptions from the handler propagate, after the claim is released.
        """
        async with self.claim(event) as claim:
            if not claim.acquired:
                return DedupeResult(claim.key, claim.status)
            value = await call_handler(handler, event)
        return DedupeResult(claim.key, claim.status, value)
