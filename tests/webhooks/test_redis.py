"""RedisStore against a real redis-server on 127.0.0.1 (asyncio only: redis-py is asyncio-only)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
import pytest
import redis.asyncio as redis_asyncio
from contentgroove._exceptions import ConfigurationError
from contentgroove.webhooks import (
    IdempotencyStore,
    MediaProcessingFinished,
    RedisStore,
    WebhookDeduplicator,
    WebhookEvent,
    WebhookReceiver,
)
from contentgroove.webhooks.fastapi import webhook_router
from fastapi import FastAPI

from tests._servers import free_port

from .conftest import SECRET, delivery, eventually, uvicorn_app
from .dedupe_contract import DedupeContract, event_for

pytestmark = pytest.mark.integration


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def prefix() -> str:
    return f"test:{uuid.uuid4().hex}:"


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[redis_asyncio.Redis]:
    client = redis_asyncio.Redis.from_url(redis_url, socket_timeout=10)
    try:
        yield client
    finally:
        await client.aclose()


class TestRedisStore(DedupeContract):
    @pytest.fixture
    def store(self, redis_client: redis_asyncio.Redis, prefix: str) -> RedisStore:
        return RedisStore(redis_client, prefix=prefix)

    async def expire_lease(self, store: IdempotencyStore, key: str) -> None:
        assert isinstance(store, RedisStore)
        await store._redis.pexpire(store.prefix + key, 1)

        async def expired() -> bool:
            return await store.state(key) is None

        await eventually(expired)


@pytest.mark.anyio
async def test_keys_are_prefixed_and_expire_with_lease_and_ttl(
    redis_client: redis_asyncio.Redis, prefix: str
) -> None:
    store = RedisStore(redis_client, prefix=prefix, ttl=3600)

    assert await store.claim("k", "alice", 2.5) == "claimed"
    assert await redis_client.get(prefix + "k") == b"processing:alice"
    assert 0 < await redis_client.pttl(prefix + "k") <= 2500
    assert await store.extend("k", "alice", 60)
    assert 2500 < await redis_client.pttl(prefix + "k") <= 60_000
    await store.mark_done("k", "alice")
    assert await redis_client.get(prefix + "k") == b"done"
    assert 60_000 < await redis_client.pttl(prefix + "k") <= 3_600_000


@pytest.mark.anyio
async def test_a_store_built_from_a_url_owns_and_closes_its_client(
    redis_url: str, prefix: str
) -> None:
    async with RedisStore(redis_url, prefix=prefix) as store:
        assert await store.claim("k", "me", 30) == "claimed"
        assert await store.state("k") == "processing"


@pytest.mark.anyio
async def test_a_client_with_decoded_responses_works_too(redis_url: str, prefix: str) -> None:
    client = redis_asyncio.Redis.from_url(redis_url, decode_responses=True, socket_timeout=10)
    try:
        store = RedisStore(client, prefix=prefix)
        assert await store.claim("k", "me", 30) == "claimed"
        assert await store.claim("k", "you", 30) == "processing"
        await store.mark_done("k", "me")
        assert await store.claim("k", "you", 30) == "done"
        assert await store.state("k") == "done"
    finally:
        await client.aclose()


def test_bad_arguments_are_configuration_errors() -> None:
    with pytest.raises(ConfigurationError, match=r"redis\.asyncio\.Redis client or a redis:// URL"):
        RedisStore(42)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match=r"ttl=\.\.\.\) must be a positive number"):
        RedisStore("redis://127.0.0.1:1/0", ttl=0)


def test_redis_store_refuses_to_run_under_trio() -> None:
    store = RedisStore("redis://127.0.0.1:1/0")

    async def claim() -> None:
        await store.claim("k", "me", 30)

    with pytest.raises(ConfigurationError, match="RedisStore needs asyncio"):
        anyio.run(claim, backend="trio")


@pytest.mark.anyio
async def test_two_receivers_sharing_redis_handle_each_delivery_once(
    redis_url: str, prefix: str
) -> None:
    handled: list[tuple[str, str]] = []
    answers: list[int] = []

    def receiver(name: str, store: RedisStore) -> WebhookReceiver:
        async def handler(event: WebhookEvent) -> None:
            assert isinstance(event, MediaProcessingFinished)
            handled.append((name, event.media.id))
            await anyio.sleep(0.02)

        return WebhookReceiver(handler, secret=SECRET, dedupe=WebhookDeduplicator(store, wait=30))

    async with (
        RedisStore(redis_url, prefix=prefix) as store_a,
        RedisStore(redis_url, prefix=prefix) as store_b,
    ):
        receivers = [receiver("a", store_a), receiver("b", store_b)]

        async def deliver(index: int, body: bytes) -> None:
            result = await receivers[index % 2].handle(SECRET, body)
            answers.append(result.status_code)

        async with anyio.create_task_group() as tg:
            for media in range(5):
                body = delivery(f"media-{media}")
                for attempt in range(6):  # three deliveries to each instance
                    tg.start_soon(deliver, attempt, body)

    assert sorted(media for _, media in handled) == [f"media-{i}" for i in range(5)]
    assert answers == [200] * 30


@pytest.mark.anyio
async def test_two_fastapi_apps_sharing_redis_process_one_delivery_once(
    redis_url: str, prefix: str
) -> None:
    handled: list[str] = []

    def app(name: str) -> FastAPI:
        store = RedisStore(redis_url, prefix=prefix)

        @contextlib.asynccontextmanager
        async def lifespan(app: FastAPI) -> AsyncIterator[None]:
            yield
            await store.aclose()

        async def handler(event: WebhookEvent) -> None:
            assert isinstance(event, MediaProcessingFinished)
            handled.append(name)
            await anyio.sleep(0.05)

        application = FastAPI(lifespan=lifespan)
        application.include_router(
            webhook_router(handler, secret=SECRET, dedupe=WebhookDeduplicator(store, wait=30))
        )
        return application

    with uvicorn_app(app("a")) as url_a, uvicorn_app(app("b")) as url_b:
        statuses: list[Any] = []
        async with httpx.AsyncClient(timeout=30) as http:

            async def send(url: str) -> None:
                response = await http.post(
                    f"{url}/contentgroove/webhooks/{SECRET}", content=delivery()
                )
                statuses.append((response.status_code, response.json()["status"]))

            async with anyio.create_task_group() as tg:
                for i in range(8):
                    tg.start_soon(send, url_a if i % 2 else url_b)

    assert len(handled) == 1
    assert sorted(statuses) == [(200, "duplicate")] * 7 + [(200, "ok")]


@pytest.mark.anyio
async def test_a_deduplicator_over_redis_sees_the_claim_of_another_process(
    redis_client: redis_asyncio.Redis, prefix: str
) -> None:
    event = event_for()
    key = WebhookDeduplicator().key(event)
    await redis_client.set(prefix + key, "processing:other-host", px=30_000)

    result = await WebhookDeduplicator(RedisStore(redis_client, prefix=prefix), wait=0).run(
        event, lambda e: None
    )

    assert result.status == "in_progress"


class CountingRedisStore(RedisStore):
    extensions = 0

    async def extend(self, key: str, owner: str, lease: float) -> bool:
        renewed = await super().extend(key, owner, lease)
        self.extensions += renewed
        return renewed


@pytest.mark.anyio
async def test_a_handler_outliving_its_lease_keeps_the_claim_by_renewing_it(
    redis_client: redis_asyncio.Redis, prefix: str
) -> None:
    store = CountingRedisStore(redis_client, prefix=prefix)
    dedupe = WebhookDeduplicator(store, lease=0.6, wait=0)
    event = event_for()

    async with dedupe.claim(event) as claim:
        assert claim.acquired
        await eventually(lambda: store.extensions >= 4)  # renewed every 0.2 s: 0.8 s > lease
        assert (await dedupe.run(event, lambda e: None)).status == "in_progress"
        assert await redis_client.pttl(prefix + claim.key) > 0

    assert await store.state(claim.key) == "done"


@pytest.mark.anyio
async def test_an_unreachable_redis_fails_the_delivery_with_503_instead_of_hanging() -> None:
    port = free_port()  # nothing listens there
    async with RedisStore(f"redis://127.0.0.1:{port}/0", prefix="x:") as store:
        receiver = WebhookReceiver(
            lambda e: None, secret=SECRET, dedupe=WebhookDeduplicator(store, wait=0)
        )

        result = await receiver.handle(SECRET, delivery())

    assert (result.status_code, result.body["error"]) == (503, "store_unavailable")
