"""WebhookDeduplicator with MemoryStore; idempotency keys; TTL and LRU bounds on a fake clock."""

from __future__ import annotations

import json
from typing import Any

import pytest
from contentgroove._exceptions import ConfigurationError
from contentgroove.webhooks import (
    IdempotencyStore,
    MemoryStore,
    UnknownEvent,
    WebhookDeduplicator,
    idempotency_key,
    parse_event,
)

from .conftest import MEDIA_ID, FakeClock, delivery, eventually, reference
from .dedupe_contract import DedupeContract, event_for


class TestMemoryStore(DedupeContract):
    @pytest.fixture
    def store(self, clock: FakeClock) -> MemoryStore:
        return MemoryStore(clock=clock)

    async def expire_lease(self, store: IdempotencyStore, key: str) -> None:
        assert isinstance(store, MemoryStore)
        clock = store._clock
        assert isinstance(clock, FakeClock)
        clock.advance(31)


# --- idempotency keys ---------------------------------------------------------------------


def test_the_key_names_the_event_the_media_and_its_processing_run() -> None:
    key = idempotency_key(parse_event(delivery()))

    assert key == f"media.processing_finished:{MEDIA_ID}:2022-08-17T02:13:58.425000+00:00"


def test_redelivery_of_the_same_event_has_the_same_key() -> None:
    assert idempotency_key(parse_event(delivery())) == idempotency_key(parse_event(delivery()))


def test_processing_the_media_again_is_a_new_event() -> None:
    first = idempotency_key(parse_event(delivery(started="2022-08-17T02:13:58Z")))
    again = idempotency_key(parse_event(delivery(started="2022-09-01T10:00:00Z")))

    assert first != again


def test_without_a_processing_timestamp_the_payload_hash_stands_in() -> None:
    doc = reference()
    doc["payload"]["data"]["attributes"]["processing_started_at"] = None
    same = json.dumps(doc)
    reordered = json.dumps(doc, sort_keys=True)
    doc["payload"]["data"]["attributes"]["name"] = "Renamed"
    changed = json.dumps(doc)

    key = idempotency_key(parse_event(same))

    assert key.startswith(f"media.processing_finished:{MEDIA_ID}:sha256:")
    assert key == idempotency_key(parse_event(reordered))
    assert key != idempotency_key(parse_event(changed))


def test_unknown_events_use_the_data_id_and_timestamp_when_present() -> None:
    known_shape = UnknownEvent(
        "clip.processing_finished",
        {"data": {"id": "c1", "attributes": {"processing_started_at": "2022-08-17T02:13:58Z"}}},
    )
    opaque = UnknownEvent("account.updated", [1, 2, 3])

    assert idempotency_key(known_shape) == "clip.processing_finished:c1:2022-08-17T02:13:58Z"
    assert idempotency_key(opaque).startswith("account.updated:-:sha256:")
    assert idempotency_key(opaque) == idempotency_key(UnknownEvent("account.updated", [1, 2, 3]))


@pytest.mark.parametrize("name", ["x" * 500, "with space\n", "caf\u00e9", "\ud800"])
def test_long_or_unprintable_keys_are_hashed(name: str) -> None:
    key = idempotency_key(UnknownEvent(name, {"data": {"id": "i"}}))

    assert key.startswith("sha256:") and len(key) == 71
    assert key.isascii() and key.isprintable()


def test_payloads_nested_too_deeply_for_json_dumps_still_get_a_key() -> None:
    deep: Any = "leaf"
    for _ in range(5000):
        deep = [deep]
    shallower: Any = "leaf"
    for _ in range(4999):
        shallower = [shallower]

    key = idempotency_key(UnknownEvent("deep", deep))

    assert key == idempotency_key(UnknownEvent("deep", deep))
    assert key != idempotency_key(UnknownEvent("deep", shallower))


def test_a_custom_key_function_can_be_given() -> None:
    dedupe = WebhookDeduplicator(key=lambda event: f"custom:{event.event}")

    assert dedupe.key(event_for()) == "custom:media.processing_finished"


# --- MemoryStore bounds ----------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_handled_event_is_forgotten_after_the_ttl(clock: FakeClock) -> None:
    dedupe = WebhookDeduplicator(MemoryStore(ttl=3600, clock=clock))
    event = event_for()
    calls = 0

    def handler(e: object) -> None:
        nonlocal calls
        calls += 1

    await dedupe.run(event, handler)
    clock.advance(3599)
    assert (await dedupe.run(event, handler)).status == "duplicate"
    clock.advance(2)
    assert (await dedupe.run(event, handler)).status == "acquired"
    assert calls == 2


@pytest.mark.anyio
async def test_the_default_ttl_is_a_week(clock: FakeClock) -> None:
    store = MemoryStore(clock=clock)
    await store.mark_done("k", "me")

    clock.advance(7 * 24 * 3600 - 1)
    assert await store.state("k") == "done"
    clock.advance(1)
    assert await store.state("k") is None


@pytest.mark.anyio
async def test_the_least_recently_used_keys_go_first(clock: FakeClock) -> None:
    store = MemoryStore(max_entries=3, clock=clock)
    for key in ("a", "b", "c"):
        await store.claim(key, "me", 30)
        await store.mark_done(key, "me")

    assert await store.claim("a", "other", 30) == "done"  # a duplicate lookup keeps "a" fresh
    await store.claim("d", "me", 30)  # a fourth key evicts the least recently used: "b"

    assert len(store) == 3
    assert [await store.state(k) for k in "abcd"] == ["done", None, "done", "processing"]


@pytest.mark.anyio
async def test_a_store_never_holds_more_than_max_entries(clock: FakeClock) -> None:
    store = MemoryStore(max_entries=100, clock=clock)

    for i in range(1000):
        await store.claim(f"k{i}", "me", 30)
        await store.mark_done(f"k{i}", "me")

    assert len(store) == 100
    assert await store.state("k999") == "done" and await store.state("k899") is None


@pytest.mark.anyio
async def test_expired_entries_are_dropped_when_looked_up(clock: FakeClock) -> None:
    store = MemoryStore(clock=clock)
    await store.claim("k", "me", 10)
    clock.advance(10)

    assert await store.state("k") is None
    assert len(store) == 0


class SharedStore(MemoryStore):
    """A MemoryStore posing as one shared between processes (leases expire); counts renewals."""

    process_local = False

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock=clock)
        self.extensions = 0

    async def extend(self, key: str, owner: str, lease: float) -> bool:
        renewed = await super().extend(key, owner, lease)
        self.extensions += renewed
        return renewed


@pytest.mark.anyio
async def test_a_shared_store_lease_is_renewed_while_the_handler_runs(clock: FakeClock) -> None:
    store = SharedStore(clock)
    dedupe = WebhookDeduplicator(store, lease=0.03, wait=0)
    event = event_for()

    async with dedupe.claim(event) as claim:
        assert claim.acquired
        for _ in range(4):
            clock.advance(0.02)  # two thirds of the lease, on the store's clock
            seen = store.extensions
            await eventually(lambda seen=seen: store.extensions > seen)
        # Four times two thirds of the lease have passed: only renewals keep the claim.
        assert (await dedupe.run(event, lambda e: None)).status == "in_progress"

    assert await store.state(claim.key) == "done"


@pytest.mark.anyio
async def test_in_a_memory_store_a_running_handler_keeps_its_claim_without_renewal(
    clock: FakeClock,
) -> None:
    store = MemoryStore(clock=clock)
    dedupe = WebhookDeduplicator(store, lease=30, wait=0)
    event = event_for()

    async with dedupe.claim(event) as claim:
        assert claim.acquired
        clock.advance(3600)  # far past the lease: claims in memory vanish with the process only
        assert (await dedupe.run(event, lambda e: None)).status == "in_progress"

    assert await store.state(claim.key) == "done"


def test_memory_store_rejects_bad_bounds() -> None:
    with pytest.raises(
        ConfigurationError, match=r"max_entries=\.\.\.\) must be a positive integer"
    ):
        MemoryStore(max_entries=0)
    with pytest.raises(ConfigurationError, match=r"ttl=\.\.\.\) must be a positive number"):
        MemoryStore(ttl=-1)


def test_deduplicator_rejects_bad_timing() -> None:
    with pytest.raises(ConfigurationError, match=r"lease=\.\.\.\) must be a positive"):
        WebhookDeduplicator(lease=0)
    with pytest.raises(ConfigurationError, match=r"wait=\.\.\.\) must be a number of seconds >= 0"):
        WebhookDeduplicator(wait=-1)


def test_the_default_store_is_a_memory_store() -> None:
    dedupe = WebhookDeduplicator()

    assert isinstance(dedupe.store, MemoryStore)
    assert dedupe.store.max_entries == 100_000 and dedupe.store.ttl == 7 * 24 * 3600
    assert "MemoryStore(max_entries=100000" in repr(dedupe)
