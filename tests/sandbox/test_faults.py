"""Fault knobs: forced answers, random errors, added latency, rate limits."""

from __future__ import annotations

import httpx
import pytest
from contentgroove.sandbox import (
    ForcedResponse,
    ManualClock,
    SandboxConfig,
    SandboxSession,
    with_sandbox,
)

from ._helpers import body, create_media
from ._spec import assert_conforms

pytestmark = pytest.mark.anyio

RATE_LIMITED = {
    "errors": [
        {
            "detail": "You have exceeded the maximum number of requests in the current window. "
            "Please try again later.",
            "status": "429",
            "title": "Too Many Requests",
        }
    ]
}


async def test_forced_statuses_answer_the_next_n_requests_of_an_operation(
    sb: SandboxSession,
) -> None:
    sb.sandbox.force(500, operation="list_medias", times=2)

    other = await sb.client.get("/api/v1/clips")
    first = await sb.client.get("/api/v1/medias")
    second = await sb.client.get("/api/v1/medias")
    third = await sb.client.get("/api/v1/medias")

    assert other.status_code == 200
    assert [first.status_code, second.status_code, third.status_code] == [500, 500, 200]
    assert_conforms(first.json(), "ErrorResponse")
    assert first.json()["errors"][0]["status"] == "500"


async def test_forced_statuses_can_match_a_path(sb: SandboxSession) -> None:
    media = await create_media(sb.client)
    sb.sandbox.force(404, path=f"/api/v1/medias/{media['id']}")

    assert (await sb.client.get("/api/v1/medias")).status_code == 200
    hidden = await sb.client.get(f"/api/v1/medias/{media['id']}")
    assert hidden.status_code == 404
    assert hidden.json()["errors"][0] == {
        "detail": None,
        "source": None,
        "status": "404",
        "title": "Not Found",
    }
    assert (await sb.client.get(f"/api/v1/medias/{media['id']}")).status_code == 200


@pytest.mark.parametrize("status", [429, 503])
async def test_forced_429_and_503_carry_retry_after(sb: SandboxSession, status: int) -> None:
    sb.sandbox.force(status, operation="create_media", retry_after=7)

    response = await sb.client.post("/api/v1/medias", json=body({"source_url": "https://e.x/a"}))

    assert response.status_code == status
    assert response.headers["retry-after"] == "7"
    assert sb.sandbox.medias == {}


async def test_forced_answers_apply_before_authentication(sb: SandboxSession) -> None:
    sb.sandbox.force(502)

    response = await sb.anonymous.get("/api/v1/medias")

    assert response.status_code == 502
    assert (await sb.anonymous.get("/api/v1/medias")).status_code == 401


async def test_forced_answers_from_the_config_and_clearing(clock: ManualClock) -> None:
    config = SandboxConfig(
        clock=clock, forced_responses=[ForcedResponse(status=500, operation="get_clip", times=5)]
    )
    async with with_sandbox(config, background=False) as sb:
        assert (await sb.client.get("/api/v1/clips/x")).status_code == 500
        sb.sandbox.clear_forced()
        assert (await sb.client.get("/api/v1/clips/x")).status_code == 404


async def test_direct_upload_puts_can_be_failed(sb: SandboxSession) -> None:
    upload = (await sb.client.get("/api/v1/direct_uploads")).json()["data"]["attributes"]
    sb.sandbox.force(500, operation="upload_file")

    failed = await sb.anonymous.put(upload["upload_url"], content=b"data")
    retried = await sb.anonymous.put(upload["upload_url"], content=b"data")

    assert failed.status_code == 500
    assert retried.status_code == 200
    assert sb.sandbox.uploads[upload["upload_id"]].byte_count == 4
    assert [r.status for r in sb.sandbox.requests if r.operation == "upload_file"] == [500, 200]


def test_forced_responses_name_unknown_operations() -> None:
    with pytest.raises(ValueError, match="unknown operation"):
        ForcedResponse(status=500, operation="get_medias")


async def test_error_rate_fails_requests_reproducibly_with_a_seed(clock: ManualClock) -> None:
    async def statuses(seed: int) -> list[int]:
        config = SandboxConfig(clock=clock, error_rate=0.5, error_status=503, seed=seed)
        async with with_sandbox(config, background=False) as sb:
            return [(await sb.client.get("/api/v1/medias")).status_code for _ in range(40)]

    first, again, other = await statuses(7), await statuses(7), await statuses(8)

    assert first == again
    assert first != other
    assert set(first) == {200, 503}


async def test_error_rate_one_fails_everything(clock: ManualClock) -> None:
    async with with_sandbox(SandboxConfig(clock=clock, error_rate=1.0), background=False) as sb:
        response = await sb.client.get("/api/v1/clips")

    assert response.status_code == 500
    assert_conforms(response.json(), "ErrorResponse")


async def test_latency_is_added_through_the_configured_sleep(clock: ManualClock) -> None:
    slept: list[float] = []

    async def record(seconds: float) -> None:
        slept.append(seconds)

    config = SandboxConfig(clock=clock, latency_seconds=0.25, sleep=record)
    async with with_sandbox(config, background=False) as sb:
        await sb.client.get("/api/v1/medias")
        await sb.client.get("/api/v1/clips")

    assert slept == [0.25, 0.25]


async def test_rate_limit_answers_429_with_retry_after_until_the_window_ends(
    clock: ManualClock,
) -> None:
    config = SandboxConfig(clock=clock, rate_limit=3, rate_limit_window=10)
    async with with_sandbox(config, background=False) as sb:
        allowed = [(await sb.client.get("/api/v1/medias")).status_code for _ in range(3)]
        clock.advance(2.5)
        limited = await sb.client.get("/api/v1/medias")
        clock.advance(7.5)
        after = await sb.client.get("/api/v1/medias")

    assert allowed == [200, 200, 200]
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "8"
    assert limited.json() == RATE_LIMITED
    assert after.status_code == 200


async def test_rate_limit_counts_unauthenticated_requests_too(clock: ManualClock) -> None:
    async with with_sandbox(SandboxConfig(clock=clock, rate_limit=1), background=False) as sb:
        assert (await sb.anonymous.get("/api/v1/medias")).status_code == 401
        assert (await sb.client.get("/api/v1/medias")).status_code == 429


async def test_the_request_log_records_every_answer(sb: SandboxSession) -> None:
    await sb.client.get("/api/v1/medias")
    await sb.anonymous.get("/api/v1/clips", headers={"X-API-KEY": "nope"})
    await sb.client.get("/api/v1/nowhere")

    log = [(r.method, r.path, r.operation, r.status, r.auth) for r in sb.sandbox.requests]
    assert log == [
        ("GET", "/api/v1/medias", "list_medias", 200, "bearer"),
        ("GET", "/api/v1/clips", "list_clips", 401, None),
        ("GET", "/api/v1/nowhere", None, 404, None),
    ]


async def test_exceptions_in_the_block_propagate_unwrapped(clock: ManualClock) -> None:
    with pytest.raises(httpx.HTTPStatusError):
        async with with_sandbox(SandboxConfig(clock=clock)) as sb:
            (await sb.anonymous.get("/api/v1/medias")).raise_for_status()
