"""Retries: which failures, how many attempts, how long between them, and never a duplicate write.

The injected ``RetryPolicy(sleep=fake_sleep, random=lambda: 1.0)`` records each delay instead of
waiting, and makes the full-jitter backoff hit its ceiling: 0.5, 1, 2, 4, 8, 8, ...
"""

from __future__ import annotations

import email.utils
import time
from typing import Any

import httpx
import pytest
import respx
from contentgroove import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ContentGroove,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
)
from contentgroove._retry import parse_retry_after

from .conftest import API, KEY, FakeSleep, example

MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
MEDIA_PATH = f"/api/v1/medias/{MEDIA_ID}"


def client(fake_sleep: FakeSleep, **policy: Any) -> ContentGroove:
    return ContentGroove(
        KEY, base_url=API, retry_policy=RetryPolicy(sleep=fake_sleep, random=lambda: 1.0, **policy)
    )


def media_ok(examples: dict[str, Any]) -> httpx.Response:
    return httpx.Response(200, json=example(examples, "get_media"))


def created_ok(examples: dict[str, Any]) -> httpx.Response:
    return httpx.Response(200, json=example(examples, "create_media"))


# -- the policy itself -----------------------------------------------------------------------


def test_backoff_doubles_from_half_a_second_up_to_eight() -> None:
    policy = RetryPolicy(random=lambda: 1.0)
    assert [policy.backoff(i) for i in range(8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0, 8.0]


def test_backoff_is_full_jitter_below_the_ceiling() -> None:
    assert [RetryPolicy(random=lambda: 0.25).backoff(i) for i in range(5)] == [
        0.125, 0.25, 0.5, 1.0, 2.0
    ]  # fmt: skip
    assert RetryPolicy(random=lambda: 0.0).backoff(3) == 0.0


@pytest.mark.parametrize(
    ("method", "status", "retried"),
    [
        *[("GET", s, True) for s in (429, 500, 502, 503, 504)],
        *[("DELETE", s, True) for s in (429, 500, 502, 503, 504)],
        *[("POST", s, s == 429) for s in (429, 500, 502, 503, 504)],
        *[("PUT", s, s == 429) for s in (429, 500, 502, 503, 504)],
        *[(m, s, False) for m in ("GET", "POST") for s in (400, 401, 402, 404, 409, 422, 501)],
    ],
)
def test_which_statuses_are_retried(method: str, status: int, retried: bool) -> None:
    assert RetryPolicy.should_retry_status(method, status) is retried


@pytest.mark.parametrize(
    ("error", "write_retried"),
    [
        (httpx.ConnectError("refused"), True),
        (httpx.ConnectTimeout("slow connect"), True),
        (httpx.PoolTimeout("pool full"), True),
        (httpx.ReadTimeout("slow answer"), False),
        (httpx.WriteTimeout("slow upload"), False),
        (httpx.ReadError("reset"), False),
        (httpx.WriteError("broken pipe"), False),
        (httpx.RemoteProtocolError("garbage"), False),
    ],
)
def test_which_transport_errors_are_retried(
    error: httpx.TransportError, write_retried: bool
) -> None:
    assert RetryPolicy.should_retry_error("GET", error) is True
    assert RetryPolicy.should_retry_error("DELETE", error) is True
    assert RetryPolicy.should_retry_error("POST", error) is write_retried
    assert RetryPolicy.should_retry_error("PUT", error) is write_retried


def test_parse_retry_after() -> None:
    now = 1_700_000_000.0
    in_90s = email.utils.formatdate(now + 90, usegmt=True)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after(in_90s, now=now) == 90.0
    assert parse_retry_after(email.utils.formatdate(now - 90, usegmt=True), now=now) == 0.0
    assert parse_retry_after("-3") == 0.0
    for ignored in (None, "", "soon", "nan", "Mon, 99 Foo 2015 00:00:00 GMT"):
        assert parse_retry_after(ignored) is None


def test_retry_after_is_preferred_and_capped() -> None:
    policy = RetryPolicy(random=lambda: 1.0, max_retry_after=30.0)

    def with_header(value: str) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": value})

    assert policy.delay(0, with_header("3")) == 3.0
    assert policy.delay(4, with_header("0")) == 0.0
    assert policy.delay(0, with_header("3600")) == 30.0
    assert policy.delay(2, with_header("whenever")) == 2.0  # unparseable: backoff
    assert policy.delay(2, httpx.Response(503)) == 2.0
    assert policy.delay(2, None) == 2.0


def test_policy_arguments_are_validated() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="base_delay"):
        RetryPolicy(base_delay=-0.1)


# -- through the client ----------------------------------------------------------------------


@pytest.mark.anyio
async def test_get_on_503_is_retried_then_succeeds(
    api: respx.MockRouter, fake_sleep: FakeSleep, examples: dict[str, Any]
) -> None:
    route = api.get(MEDIA_PATH).mock(
        side_effect=[httpx.Response(503), httpx.Response(503), media_ok(examples)]
    )

    async with client(fake_sleep) as cg:
        media = await cg.medias.get(MEDIA_ID)

    assert media.id == MEDIA_ID
    assert route.call_count == 3
    assert fake_sleep.delays == [0.5, 1.0]


@pytest.mark.anyio
@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
async def test_get_exhausts_its_retries_with_capped_exponential_delays(
    api: respx.MockRouter, fake_sleep: FakeSleep, status: int
) -> None:
    route = api.get(MEDIA_PATH).respond(status)

    async with client(fake_sleep, max_retries=7) as cg:
        with pytest.raises(RateLimitError if status == 429 else InternalServerError) as caught:
            await cg.medias.get(MEDIA_ID)

    assert caught.value.status_code == status
    assert route.call_count == 8
    assert fake_sleep.delays == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


@pytest.mark.anyio
async def test_default_is_two_retries(api: respx.MockRouter, fake_sleep: FakeSleep) -> None:
    route = api.delete(MEDIA_PATH).respond(502)

    async with client(fake_sleep) as cg:
        with pytest.raises(InternalServerError):
            await cg.medias.delete(MEDIA_ID)

    assert route.call_count == 3
    assert fake_sleep.delays == [0.5, 1.0]


@pytest.mark.anyio
async def test_max_retries_zero_sends_once(api: respx.MockRouter, fake_sleep: FakeSleep) -> None:
    route = api.get(MEDIA_PATH).respond(503)

    async with client(fake_sleep) as cg:
        with pytest.raises(InternalServerError):
            await cg.with_options(max_retries=0).medias.get(MEDIA_ID)

    assert route.call_count == 1
    assert fake_sleep.delays == []


@pytest.mark.anyio
async def test_retry_after_seconds_is_honored(
    api: respx.MockRouter, fake_sleep: FakeSleep, examples: dict[str, Any]
) -> None:
    route = api.get(MEDIA_PATH).mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "3"}),
            httpx.Response(503, headers={"Retry-After": "0"}),
            media_ok(examples),
        ]
    )

    async with client(fake_sleep) as cg:
        await cg.medias.get(MEDIA_ID)

    assert route.call_count == 3
    assert fake_sleep.delays == [3.0, 0.0]


@pytest.mark.anyio
async def test_retry_after_is_capped(
    api: respx.MockRouter, fake_sleep: FakeSleep, examples: dict[str, Any]
) -> None:
    api.get(MEDIA_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "86400"}), media_ok(examples)]
    )

    async with client(fake_sleep, max_retry_after=20.0) as cg:
        await cg.medias.get(MEDIA_ID)

    assert fake_sleep.delays == [20.0]


@pytest.mark.anyio
async def test_retry_after_http_date_is_honored_and_capped(
    api: respx.MockRouter, fake_sleep: FakeSleep, examples: dict[str, Any]
) -> None:
    in_an_hour = email.utils.formatdate(time.time() + 3600, usegmt=True)
    an_hour_ago = email.utils.formatdate(time.time() - 3600, usegmt=True)
    api.get(MEDIA_PATH).mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": in_an_hour}),
            httpx.Response(429, headers={"Retry-After": an_hour_ago}),
            media_ok(examples),
        ]
    )

    async with client(fake_sleep) as cg:
        await cg.medias.get(MEDIA_ID)

    assert fake_sleep.delays == [60.0, 0.0]


@pytest.mark.anyio
async def test_exhausted_429_reports_retry_after(
    api: respx.MockRouter, fake_sleep: FakeSleep
) -> None:
    route = api.post("/api/v1/medias").respond(429, headers={"Retry-After": "5"})

    async with client(fake_sleep, max_retries=1) as cg:
        with pytest.raises(RateLimitError) as caught:
            await cg.medias.create(source_url="https://v.example.test/a.mp4")

    assert caught.value.retry_after == 5.0
    assert route.call_count == 2  # a 429 means the write was not processed: safe to resend
    assert fake_sleep.delays == [5.0]


@pytest.mark.anyio
@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_post_answered_5xx_is_sent_exactly_once(
    api: respx.MockRouter, fake_sleep: FakeSleep, status: int
) -> None:
    route = api.post("/api/v1/medias").respond(status)

    async with client(fake_sleep) as cg:
        with pytest.raises(InternalServerError):
            await cg.medias.create(source_url="https://v.example.test/a.mp4")

    assert route.call_count == 1
    assert fake_sleep.delays == []


@pytest.mark.anyio
async def test_put_answered_503_is_sent_exactly_once(
    api: respx.MockRouter, fake_sleep: FakeSleep
) -> None:
    route = api.put(MEDIA_PATH).respond(503)

    async with client(fake_sleep) as cg:
        with pytest.raises(InternalServerError):
            await cg.medias.update(MEDIA_ID, name="x")

    assert route.call_count == 1


@pytest.mark.anyio
@pytest.mark.parametrize(
    "error",
    [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("full")],
    ids=["ConnectError", "ConnectTimeout", "PoolTimeout"],
)
async def test_post_that_never_left_the_client_is_retried(
    api: respx.MockRouter,
    fake_sleep: FakeSleep,
    examples: dict[str, Any],
    error: httpx.TransportError,
) -> None:
    route = api.post("/api/v1/medias").mock(side_effect=[error, error, created_ok(examples)])

    async with client(fake_sleep) as cg:
        media = await cg.medias.create(source_url="https://v.example.test/a.mp4")

    assert media.id == "654599f2-d989-492b-ba66-19dc722e983c"
    assert route.call_count == 3
    assert fake_sleep.delays == [0.5, 1.0]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("error", "error_class"),
    [
        (httpx.ReadTimeout("timed out"), APITimeoutError),
        (httpx.WriteTimeout("timed out"), APITimeoutError),
        (httpx.ReadError("connection reset by peer"), APIConnectionError),
        (httpx.RemoteProtocolError("peer closed connection"), APIConnectionError),
    ],
    ids=["ReadTimeout", "WriteTimeout", "ReadError", "RemoteProtocolError"],
)
async def test_post_that_may_have_reached_the_server_is_not_retried(
    api: respx.MockRouter,
    fake_sleep: FakeSleep,
    error: httpx.TransportError,
    error_class: type[APIConnectionError],
) -> None:
    route = api.post("/api/v1/clips").mock(side_effect=error)

    async with client(fake_sleep) as cg:
        with pytest.raises(error_class) as caught:
            await cg.clips.create(media_id=MEDIA_ID, name="c", start_time=0, end_time=1)

    assert type(caught.value) is error_class
    assert str(caught.value).startswith("POST /api/v1/clips ")
    assert "retr" not in str(caught.value)
    assert route.call_count == 1
    assert fake_sleep.delays == []


@pytest.mark.anyio
@pytest.mark.parametrize(
    "error",
    [httpx.ReadTimeout("t"), httpx.ReadError("reset"), httpx.RemoteProtocolError("bad")],
    ids=["ReadTimeout", "ReadError", "RemoteProtocolError"],
)
async def test_get_on_any_transport_error_is_retried(
    api: respx.MockRouter,
    fake_sleep: FakeSleep,
    examples: dict[str, Any],
    error: httpx.TransportError,
) -> None:
    route = api.get(MEDIA_PATH).mock(side_effect=[error, media_ok(examples)])

    async with client(fake_sleep) as cg:
        await cg.medias.get(MEDIA_ID)

    assert route.call_count == 2
    assert fake_sleep.delays == [0.5]


@pytest.mark.anyio
async def test_exhausted_timeouts_raise_api_timeout_error(
    api: respx.MockRouter, fake_sleep: FakeSleep
) -> None:
    route = api.get(MEDIA_PATH).mock(side_effect=httpx.ReadTimeout("read timed out"))

    async with client(fake_sleep) as cg:
        with pytest.raises(APITimeoutError) as caught:
            await cg.medias.get(MEDIA_ID)

    assert str(caught.value) == f"GET {MEDIA_PATH} timed out after 2 retries: read timed out"
    assert route.call_count == 3
    assert fake_sleep.delays == [0.5, 1.0]


@pytest.mark.anyio
async def test_exhausted_connection_errors_raise_api_connection_error(
    api: respx.MockRouter, fake_sleep: FakeSleep
) -> None:
    route = api.delete(MEDIA_PATH).mock(side_effect=httpx.ConnectError("connection refused"))

    async with client(fake_sleep, max_retries=1) as cg:
        with pytest.raises(APIConnectionError) as caught:
            await cg.medias.delete(MEDIA_ID)

    assert type(caught.value) is APIConnectionError
    assert str(caught.value) == f"DELETE {MEDIA_PATH} failed after 1 retry: connection refused"
    assert route.call_count == 2


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("status", "error_class"),
    [(400, BadRequestError), (401, AuthenticationError), (404, NotFoundError)],
)
async def test_client_errors_are_never_retried(
    api: respx.MockRouter, fake_sleep: FakeSleep, status: int, error_class: type[Exception]
) -> None:
    route = api.get(MEDIA_PATH).respond(status)

    async with client(fake_sleep) as cg:
        with pytest.raises(error_class):
            await cg.medias.get(MEDIA_ID)

    assert route.call_count == 1
    assert fake_sleep.delays == []


@pytest.mark.anyio
async def test_list_pages_are_retried_individually(
    api: respx.MockRouter, fake_sleep: FakeSleep, examples: dict[str, Any]
) -> None:
    page = example(examples, "list_medias")
    route = api.get("/api/v1/medias").mock(
        side_effect=[httpx.Response(502), httpx.Response(200, json=page)]
    )

    async with client(fake_sleep) as cg:
        medias = await cg.medias.list().to_list()

    assert len(medias) == 1
    assert route.call_count == 2
    assert fake_sleep.delays == [0.5]
