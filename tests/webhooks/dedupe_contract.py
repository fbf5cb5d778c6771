"""Behaviour every idempotency store gives WebhookDeduplicator; run against each store."""

from __future__ import annotations

import anyio
import pytest
from contentgroove.webhooks import (
    IdempotencyStore,
    MediaProcessingFinished,
    WebhookDeduplicator,
    WebhookEvent,
    parse_event,
)

from .conftest import delivery, eventually


def event_for(media_id: str = "media-1") -> WebhookEvent:
    return parse_event(delivery(media_id))


class Flaky(Exception):
    pass


class DedupeContract:
    """Subclasses provide the ``store`` fixture and :meth:`expire_lease`."""

    async def expire_lease(self, store: IdempotencyStore, key: str) -> None:
        raise NotImplementedError

    @pytest.mark.anyio
    async def test_store_is_an_idempotency_store(self, store: IdempotencyStore) -> None:
        assert isinstance(store, IdempotencyStore)

    @pytest.mark.anyio
    async def test_store_claims_once_until_released_or_done(self, store: IdempotencyStore) -> None:
        assert await store.claim("k", "alice", 30) == "claimed"
        assert await store.claim("k", "bob", 30) == "processing"
        assert await store.state("k") == "processing"
        assert await store.release("k", "bob") is False  # only the holder releases
        assert await store.extend("k", "bob", 30) is False
        assert await store.extend("k", "alice", 30) is True
        assert await store.release("k", "alice") is True
        assert await store.state("k") is None
        assert await store.claim("k", "bob", 30) == "claimed"
        await store.mark_done("k", "bob")
        assert await store.claim("k", "carol", 30) == "done"
        assert await store.state("k") == "done"
        assert await store.release("k", "bob") is False  # done stays done

    @pytest.mark.anyio
    async def test_ten_concurrent_deliveries_run_the_handler_once(
        self, store: IdempotencyStore
    ) -> None:
        dedupe = WebhookDeduplicator(store, wait=30)
        event = event_for()
        calls: list[str] = []
        release = anyio.Event()
        statuses: list[str] = []

        async def handler(e: WebhookEvent) -> str:
            assert isinstance(e, MediaProcessingFinished)
            calls.append(e.media.id)
            await release.wait()
            return "handled"

        async def deliver() -> None:
            result = await dedupe.run(event, handler)
            statuses.append(result.status)

        async with anyio.create_task_group() as tg:
            for _ in range(10):
                tg.start_soon(deliver)
            await eventually(lambda: bool(calls))
            await anyio.sleep(0.05)  # let every other delivery find the claim taken
            release.set()

        assert calls == ["media-1"]
        assert sorted(statuses) == ["acquired"] + ["duplicate"] * 9
        assert await store.state(dedupe.key(event)) == "done"

    @pytest.mark.anyio
    async def test_a_failing_handler_releases_the_claim_so_the_retry_runs(
        self, store: IdempotencyStore
    ) -> None:
        dedupe = WebhookDeduplicator(store)
        event = event_for()
        calls = 0

        async def handler(e: WebhookEvent) -> None:
            nonlocal calls
            calls += 1
            if calls == 1:
                raise Flaky("database down")

        with pytest.raises(Flaky):
            await dedupe.run(event, handler)
        assert await store.state(dedupe.key(event)) is None

        retried = await dedupe.run(event, handler)
        again = await dedupe.run(event, handler)

        assert calls == 2
        assert (retried.status, retried.handled) == ("acquired", True)
        assert (again.status, again.handled) == ("duplicate", False)
        assert await store.state(dedupe.key(event)) == "done"

    @pytest.mark.anyio
    async def test_a_concurrent_duplicate_that_does_not_wait_is_in_progress(
        self, store: IdempotencyStore
    ) -> None:
        dedupe = WebhookDeduplicator(store, wait=0)
        event = event_for()

        async with dedupe.claim(event) as first:
            assert first.acquired
            async with dedupe.claim(event) as second:
                assert (second.status, second.acquired) == ("in_progress", False)
        async with dedupe.claim(event) as third:
            assert third.status == "duplicate"

    @pytest.mark.anyio
    async def test_a_waiting_duplicate_takes_over_when_the_first_delivery_fails(
        self, store: IdempotencyStore
    ) -> None:
        dedupe = WebhookDeduplicator(store, wait=30)
        event = event_for()
        first_started = anyio.Event()
        fail_now = anyio.Event()
        outcomes: list[str] = []

        async def first() -> None:
            with pytest.raises(Flaky):
                async with dedupe.claim(event) as claim:
                    assert claim.acquired
                    first_started.set()
                    await fail_now.wait()
                    raise Flaky

        async def second() -> None:
            await first_started.wait()
            async with dedupe.claim(event) as claim:
                outcomes.append(claim.status)

        async with anyio.create_task_group() as tg:
            tg.start_soon(first)
            tg.start_soon(second)
            await first_started.wait()
            await anyio.sleep(0.05)
            fail_now.set()

        assert outcomes == ["acquired"]
        assert await store.state(dedupe.key(event)) == "done"

    @pytest.mark.anyio
    async def test_cancellation_releases_the_claim(self, store: IdempotencyStore) -> None:
        dedupe = WebhookDeduplicator(store)
        event = event_for()

        with anyio.move_on_after(0.05):
            async with dedupe.claim(event) as claim:
                assert claim.acquired
                await anyio.sleep_forever()

        assert await store.state(dedupe.key(event)) is None

    @pytest.mark.anyio
    async def test_the_claim_of_a_crashed_delivery_expires_with_its_lease(
        self, store: IdempotencyStore
    ) -> None:
        dedupe = WebhookDeduplicator(store, wait=0)
        event = event_for()
        key = dedupe.key(event)
        assert await store.claim(key, "crashed-process", 30) == "claimed"  # and never finished

        assert (await dedupe.run(event, lambda e: None)).status == "in_progress"
        await self.expire_lease(store, key)
        assert (await dedupe.run(event, lambda e: None)).status == "acquired"

    @pytest.mark.anyio
    async def test_distinct_events_do_not_block_each_other(self, store: IdempotencyStore) -> None:
        dedupe = WebhookDeduplicator(store, wait=0)
        seen: list[str] = []

        async def handler(e: WebhookEvent) -> None:
            assert isinstance(e, MediaProcessingFinished)
            seen.append(e.media.id)

        async with anyio.create_task_group() as tg:
            for i in range(20):
                tg.start_soon(dedupe.run, event_for(f"media-{i}"), handler)

        assert sorted(seen) == sorted(f"media-{i}" for i in range(20))

    @pytest.mark.anyio
    async def test_run_accepts_sync_handlers_and_returns_their_value(
        self, store: IdempotencyStore
    ) -> None:
        dedupe = WebhookDeduplicator(store)

        result = await dedupe.run(event_for(), lambda e: "value")

        assert (result.status, result.value) == ("acquired", "value")
        assert result.key == dedupe.key(event_for())
