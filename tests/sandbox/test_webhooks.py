"""media.processing_finished webhooks: payload, retries with backoff, duplicates, scheduling."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest
from contentgroove.sandbox import (
    ManualClock,
    SandboxConfig,
    SandboxSession,
    serve_sandbox,
    with_sandbox,
)

from contentgroove_client.models import MediaProcessingFinishedEvent

from ._helpers import body, create_clip, create_media
from ._servers import Receiver, dead_url, serve_asgi
from ._spec import assert_conforms

pytestmark = [pytest.mark.anyio, pytest.mark.integration]


@pytest.fixture
def receiver() -> Receiver:
    return Receiver()


@pytest.fixture
def hook_url(receiver: Receiver) -> Iterator[str]:
    with serve_asgi(receiver.app()) as base:
        yield f"{base}/hook"


async def subscribe(sb: SandboxSession, url: str, events: list[str] | None = None) -> str:
    attributes: dict[str, Any] = {"url": url}
    if events is not None:
        attributes["subscribed_events"] = events
    response = await sb.client.post("/api/v1/webhook_subscriptions", json=body(attributes))
    assert response.status_code == 200
    return str(response.json()["data"]["id"])


def payloads(receiver: Receiver) -> list[dict[str, Any]]:
    return [json.loads(raw) for _, raw in receiver.received]


async def test_finished_media_is_posted_to_each_matching_subscription(
    sb: SandboxSession, clock: ManualClock, receiver: Receiver, hook_url: str
) -> None:
    everything = await subscribe(sb, hook_url)
    specific = await subscribe(sb, hook_url, ["media.processing_finished"])
    await subscribe(sb, hook_url, ["clip.processing_finished"])
    media = await create_media(sb.client, name="Talk")
    made = await create_clip(sb.client, media["id"])

    assert await sb.sandbox.process_due() == 0
    clock.advance(10)
    assert await sb.sandbox.process_due() == 2

    assert len(receiver.received) == 2
    headers, _ = receiver.received[0]
    assert headers["content-type"] == "application/json"
    event = payloads(receiver)[0]
    assert payloads(receiver)[1] == event
    assert_conforms(event, "MediaProcessingFinishedEvent")
    parsed = MediaProcessingFinishedEvent.from_dict(event)
    assert parsed.payload.data.id == media["id"]

    data = event["payload"]["data"]
    assert event["event"] == "media.processing_finished"
    assert data["attributes"]["is_processing"] is False
    assert data["attributes"]["name"] == "Talk"
    assert "transcription" not in data["relationships"]  # it sits beside relationships
    included = event["payload"]["included"]
    clips = [r for r in included if r["type"] == "clips"]
    [transcription] = [r for r in included if r["type"] == "transcriptions"]
    assert data["transcription"] == {"data": {"id": transcription["id"], "type": "transcriptions"}}
    assert transcription["attributes"]["text"]
    assert [c["id"] for c in clips] == [c["id"] for c in data["relationships"]["clips"]["data"]]
    assert [c["attributes"]["rank"] for c in clips[:-1]] == list(range(len(clips) - 1))
    assert clips[-1]["id"] == made["id"]

    deliveries = sb.sandbox.deliveries
    assert {d.subscription_id for d in deliveries} == {everything, specific}
    for delivery in deliveries:
        assert delivery.status == "delivered"
        assert [(a.number, a.status_code) for a in delivery.attempts] == [(1, 200)]
        assert delivery.media_id == media["id"]


async def test_a_failed_media_is_announced_too(
    sb: SandboxSession, clock: ManualClock, receiver: Receiver, hook_url: str
) -> None:
    await subscribe(sb, hook_url)
    await create_media(sb.client, source_url="https://cdn.invalid/x.mp4")
    clock.advance(10)

    await sb.sandbox.process_due()

    [event] = payloads(receiver)
    assert_conforms(event, "MediaProcessingFinishedEvent")
    assert event["payload"]["data"]["attributes"]["has_fetch_error"] is True
    assert event["payload"]["data"]["transcription"] == {"data": None}
    assert event["payload"]["included"] == []


async def test_non_200_answers_are_retried_with_exponential_backoff(
    sb: SandboxSession, clock: ManualClock, receiver: Receiver, hook_url: str
) -> None:
    receiver.statuses = [500, 204]  # only 200 counts as delivered
    await subscribe(sb, hook_url)
    await create_media(sb.client)
    clock.advance(10)
    finished_at = clock.now()

    assert await sb.sandbox.process_due() == 1
    clock.advance(0.9)
    assert await sb.sandbox.process_due() == 0
    clock.advance(0.1)
    assert await sb.sandbox.process_due() == 1
    assert sb.sandbox.next_due() == finished_at + 1 + 2
    clock.advance(2)
    assert await sb.sandbox.process_due() == 1
    assert await sb.sandbox.process_due() == 0

    [delivery] = sb.sandbox.deliveries
    assert delivery.status == "delivered"
    assert [(a.status_code, a.at - finished_at) for a in delivery.attempts] == [
        (500, 0),
        (204, 1),
        (200, 3),
    ]
    assert len(receiver.received) == 3
    assert sb.sandbox.next_due() is None


async def test_connection_errors_are_retried_until_the_attempts_run_out(clock: ManualClock) -> None:
    config = SandboxConfig(clock=clock, processing_seconds=0, webhook_retry_delays=(1, 2))
    async with with_sandbox(config, background=False) as sb:
        await subscribe(sb, dead_url())
        await create_media(sb.client)
        for step in (0, 1, 2, 100):
            clock.advance(step)
            await sb.sandbox.process_due()

    [delivery] = sb.sandbox.deliveries
    assert delivery.status == "failed"
    assert len(delivery.attempts) == 3
    assert all(
        a.status_code is None and "ConnectError" in (a.error or "") for a in delivery.attempts
    )


async def test_duplicate_deliveries_send_every_event_twice(
    clock: ManualClock, receiver: Receiver, hook_url: str
) -> None:
    config = SandboxConfig(clock=clock, processing_seconds=1, duplicate_deliveries=True)
    async with with_sandbox(config, background=False) as sb:
        await subscribe(sb, hook_url)
        await create_media(sb.client)
        clock.advance(1)
        assert await sb.sandbox.process_due() == 2

    first, second = payloads(receiver)
    assert first == second
    assert sorted(d.copy for d in sb.sandbox.deliveries) == [1, 2]
    assert all(d.status == "delivered" for d in sb.sandbox.deliveries)


async def test_subscriptions_made_after_the_media_finished_get_nothing(
    sb: SandboxSession, clock: ManualClock, receiver: Receiver, hook_url: str
) -> None:
    await create_media(sb.client)
    clock.advance(10)
    await sb.client.get("/api/v1/medias")  # processing finishes here, with no subscriber yet
    await subscribe(sb, hook_url)

    assert await sb.sandbox.process_due() == 0
    assert receiver.received == []


async def test_webhooks_can_go_to_an_in_process_receiver(clock: ManualClock) -> None:
    received: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(json.loads(request.content))
        return httpx.Response(200)

    config = SandboxConfig(
        clock=clock, processing_seconds=0, webhook_transport=httpx.MockTransport(handler)
    )
    async with with_sandbox(config, background=False) as sb:
        await subscribe(sb, "https://receiver.example/hook")
        await create_media(sb.client)
        await sb.sandbox.process_due()

    assert [e["event"] for e in received] == ["media.processing_finished"]


async def test_the_background_task_delivers_on_time_in_process(
    receiver: Receiver, hook_url: str
) -> None:
    config = SandboxConfig(processing_seconds=0.05, background_interval=0.01)
    async with with_sandbox(config) as sb:
        await subscribe(sb, hook_url)
        await create_media(sb.client)
        assert await anyio.to_thread.run_sync(receiver.got_one.wait, 10)

    assert payloads(receiver)[0]["event"] == "media.processing_finished"


def test_a_served_sandbox_delivers_from_its_lifespan(receiver: Receiver, hook_url: str) -> None:
    config = SandboxConfig(processing_seconds=0.05, background_interval=0.01)
    with (
        serve_sandbox(config) as served,
        httpx.Client(base_url=served.base_url, headers=served.headers) as api,
    ):
        api.post("/api/v1/webhook_subscriptions", json=body({"url": hook_url}))
        api.post("/api/v1/medias", json=body({"source_url": "https://ex.com/v.mp4"}))

        assert receiver.got_one.wait(timeout=10)

    [delivery] = served.sandbox.deliveries
    assert delivery.status == "delivered"
