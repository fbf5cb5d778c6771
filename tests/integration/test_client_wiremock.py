"""The client against WireMock injecting network faults: each one ends in success after a retry
or in the right typed error, after a bounded number of attempts (counted in WireMock's request
journal), never re-sending a write that may have reached the server, and leaving no connection
open. Retries record their delays instead of waiting; only the read-timeout tests wait (0.3 s).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
from contentgroove import (
    APIConnectionError,
    APITimeoutError,
    ContentGroove,
    InternalServerError,
    Media,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
)
from contentgroove._auth import AuthMode

from tests._servers import NODE_BIN, free_port, running_server

pytestmark = [pytest.mark.integration, pytest.mark.anyio]

KEY = "sk_test_wiremock_S3CR3T"
MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
MEDIA_PATH = f"/api/v1/medias/{MEDIA_ID}"
EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "reference_examples.json"
READ_TIMEOUT = 0.3

FAULTS = [
    "CONNECTION_RESET_BY_PEER",
    "EMPTY_RESPONSE",
    "MALFORMED_RESPONSE_CHUNK",
    "RANDOM_DATA_THEN_CLOSE",
]


@dataclass
class WireMock:
    """A running WireMock and its admin API."""

    url: str

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        response = httpx.request(method, f"{self.url}/__admin{path}", json=body, timeout=10)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self) -> None:
        self.admin("POST", "/reset")

    def stub(self, request: dict[str, Any], response: dict[str, Any], **extra: Any) -> None:
        self.admin("POST", "/mappings", {"request": request, "response": response, **extra})

    def scenario(self, request: dict[str, Any], *responses: dict[str, Any]) -> None:
        """Answer the n-th matching request with the n-th response (the last one repeats)."""
        name = f"scenario {json.dumps(request, sort_keys=True)}"
        for i, response in enumerate(responses):
            state = "Started" if i == 0 else f"after {i}"
            extra: dict[str, Any] = {"scenarioName": name, "requiredScenarioState": state}
            if i + 1 < len(responses):
                extra["newScenarioState"] = f"after {i + 1}"
            self.stub(request, response, **extra)

    def count(self, method: str, path: str) -> int:
        found = self.admin("POST", "/requests/count", {"method": method, "urlPath": path})
        return int(found["count"])

    def unmatched(self) -> list[Any]:
        return list(self.admin("GET", "/requests/unmatched")["requests"])


@pytest.fixture(scope="session")
def wiremock_server() -> Iterator[WireMock]:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="wiremock-") as root:
        argv = [
            str(NODE_BIN / "wiremock"),
            "--port", str(port),
            "--bind-address", "127.0.0.1",
            "--root-dir", root,
            "--disable-banner",
            "--disable-request-logging",
        ]  # fmt: skip
        with running_server(argv, port, timeout=120):
            yield WireMock(f"http://127.0.0.1:{port}")


@pytest.fixture
def wiremock(wiremock_server: WireMock) -> WireMock:
    wiremock_server.reset()
    return wiremock_server


@pytest.fixture(scope="session")
def media_body() -> dict[str, Any]:
    return dict(json.loads(EXAMPLES.read_text())["operations"]["get_media"]["responses"]["200"])


@pytest.fixture(scope="session")
def created_body() -> dict[str, Any]:
    return dict(json.loads(EXAMPLES.read_text())["operations"]["create_media"]["responses"]["200"])


class RecordingSleep:
    """Records the retry delays and yields to the event loop instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await anyio.lowlevel.checkpoint()


@pytest.fixture
def sleep() -> RecordingSleep:
    return RecordingSleep()


@pytest.fixture
async def cg(
    wiremock: WireMock, sleep: RecordingSleep, anyio_backend: str
) -> AsyncIterator[ContentGroove]:
    """A client of WireMock; after the test, no connection is in use, and none after aclose."""
    client = ContentGroove(
        KEY,
        base_url=wiremock.url,
        timeout=httpx.Timeout(5.0, read=READ_TIMEOUT),
        retry_policy=RetryPolicy(sleep=sleep, random=lambda: 1.0),
    )
    pool = client.http_client._transport._pool  # type: ignore[attr-defined]
    try:
        yield client
        assert all(c.is_idle() for c in pool.connections), pool.connections
    finally:
        await client.aclose()
    assert pool.connections == []


def ok(body: dict[str, Any]) -> dict[str, Any]:
    return {"status": 200, "jsonBody": body, "headers": {"Content-Type": "application/json"}}


def fault(name: str) -> dict[str, Any]:
    return {"fault": name}


GET_MEDIA = {"method": "GET", "urlPath": MEDIA_PATH}
POST_MEDIAS = {"method": "POST", "urlPath": "/api/v1/medias"}


# -- faults on reads: retried, then success or a typed error -------------------------------


@pytest.mark.parametrize("name", FAULTS)
async def test_get_recovers_from_a_fault_on_the_next_attempt(
    cg: ContentGroove,
    wiremock: WireMock,
    sleep: RecordingSleep,
    media_body: dict[str, Any],
    name: str,
) -> None:
    wiremock.scenario(GET_MEDIA, fault(name), ok(media_body))

    media = await cg.medias.get(MEDIA_ID)

    assert isinstance(media, Media)
    assert media.id == MEDIA_ID
    assert wiremock.count("GET", MEDIA_PATH) == 2
    assert sleep.delays == [0.5]


@pytest.mark.parametrize("name", FAULTS)
async def test_get_gives_up_on_a_persistent_fault_after_max_retries(
    cg: ContentGroove, wiremock: WireMock, sleep: RecordingSleep, name: str
) -> None:
    wiremock.stub(GET_MEDIA, fault(name))

    with pytest.raises(APIConnectionError) as caught:
        await cg.medias.get(MEDIA_ID)

    assert str(caught.value).startswith(f"GET {MEDIA_PATH} failed after 2 retries: ")
    assert wiremock.count("GET", MEDIA_PATH) == 3
    assert sleep.delays == [0.5, 1.0]


async def test_get_beyond_the_read_timeout_is_retried_then_times_out(
    cg: ContentGroove, wiremock: WireMock, sleep: RecordingSleep, media_body: dict[str, Any]
) -> None:
    wiremock.stub(GET_MEDIA, {**ok(media_body), "fixedDelayMilliseconds": 3000})

    with pytest.raises(APITimeoutError) as caught:
        await cg.medias.get(MEDIA_ID)

    assert str(caught.value).startswith(f"GET {MEDIA_PATH} timed out after 2 retries")
    assert wiremock.count("GET", MEDIA_PATH) == 3
    assert sleep.delays == [0.5, 1.0]


async def test_get_succeeds_when_a_slow_answer_is_followed_by_a_fast_one(
    cg: ContentGroove, wiremock: WireMock, media_body: dict[str, Any]
) -> None:
    wiremock.scenario(GET_MEDIA, {**ok(media_body), "fixedDelayMilliseconds": 3000}, ok(media_body))

    media = await cg.medias.get(MEDIA_ID)

    assert media.id == MEDIA_ID
    assert wiremock.count("GET", MEDIA_PATH) == 2


async def test_503_then_200_succeeds(
    cg: ContentGroove, wiremock: WireMock, sleep: RecordingSleep, media_body: dict[str, Any]
) -> None:
    wiremock.scenario(GET_MEDIA, {"status": 503}, {"status": 502}, ok(media_body))

    media = await cg.medias.get(MEDIA_ID)

    assert media.id == MEDIA_ID
    assert wiremock.count("GET", MEDIA_PATH) == 3
    assert sleep.delays == [0.5, 1.0]


async def test_persistent_503_ends_in_internal_server_error(
    cg: ContentGroove, wiremock: WireMock
) -> None:
    wiremock.stub(GET_MEDIA, {"status": 503, "body": "upstream down"})

    with pytest.raises(InternalServerError) as caught:
        await cg.medias.get(MEDIA_ID)

    assert str(caught.value) == f"GET {MEDIA_PATH} returned 503: upstream down"
    assert wiremock.count("GET", MEDIA_PATH) == 3


async def test_429_honors_retry_after_then_succeeds(
    cg: ContentGroove, wiremock: WireMock, sleep: RecordingSleep, media_body: dict[str, Any]
) -> None:
    too_many = {"status": 429, "headers": {"Retry-After": "2"}}
    wiremock.scenario(GET_MEDIA, too_many, too_many, ok(media_body))

    await cg.medias.get(MEDIA_ID)

    assert wiremock.count("GET", MEDIA_PATH) == 3
    assert sleep.delays == [2.0, 2.0]


async def test_persistent_429_ends_in_rate_limit_error_with_retry_after(
    cg: ContentGroove, wiremock: WireMock, sleep: RecordingSleep
) -> None:
    wiremock.stub(GET_MEDIA, {"status": 429, "headers": {"Retry-After": "600"}})

    with pytest.raises(RateLimitError) as caught:
        await cg.medias.get(MEDIA_ID)

    assert caught.value.retry_after == 600.0
    assert wiremock.count("GET", MEDIA_PATH) == 3
    assert sleep.delays == [60.0, 60.0]  # capped at RetryPolicy.max_retry_after


# -- faults on writes: never duplicated ----------------------------------------------------


@pytest.mark.parametrize("name", FAULTS)
async def test_post_is_never_resent_after_a_fault(
    cg: ContentGroove, wiremock: WireMock, sleep: RecordingSleep, name: str
) -> None:
    wiremock.stub(POST_MEDIAS, fault(name))

    with pytest.raises(APIConnectionError) as caught:
        await cg.medias.create(source_url="https://v.example.test/a.mp4")

    assert str(caught.value).startswith("POST /api/v1/medias failed: ")
    assert wiremock.count("POST", "/api/v1/medias") == 1
    assert sleep.delays == []


async def test_post_is_never_resent_after_a_read_timeout(
    cg: ContentGroove, wiremock: WireMock, created_body: dict[str, Any]
) -> None:
    wiremock.stub(POST_MEDIAS, {**ok(created_body), "fixedDelayMilliseconds": 3000})

    with pytest.raises(APITimeoutError, match=r"^POST /api/v1/medias timed out: "):
        await cg.medias.create(source_url="https://v.example.test/a.mp4")

    assert wiremock.count("POST", "/api/v1/medias") == 1


async def test_post_answered_500_is_sent_once(cg: ContentGroove, wiremock: WireMock) -> None:
    wiremock.stub(POST_MEDIAS, {"status": 500})

    with pytest.raises(InternalServerError):
        await cg.medias.create(source_url="https://v.example.test/a.mp4")

    assert wiremock.count("POST", "/api/v1/medias") == 1


async def test_post_answered_429_is_resent(
    cg: ContentGroove, wiremock: WireMock, sleep: RecordingSleep, created_body: dict[str, Any]
) -> None:
    wiremock.scenario(
        POST_MEDIAS, {"status": 429, "headers": {"Retry-After": "1"}}, ok(created_body)
    )

    media = await cg.medias.create(source_url="https://v.example.test/a.mp4")

    assert media.id == "654599f2-d989-492b-ba66-19dc722e983c"
    assert wiremock.count("POST", "/api/v1/medias") == 2
    assert sleep.delays == [1.0]


async def test_post_to_a_closed_port_is_retried_and_raises_a_connection_error(
    sleep: RecordingSleep, anyio_backend: str
) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    async with ContentGroove(
        KEY, base_url=closed, retry_policy=RetryPolicy(sleep=sleep, random=lambda: 1.0)
    ) as cg:
        with pytest.raises(APIConnectionError) as caught:
            await cg.medias.create(source_url="https://v.example.test/a.mp4")
        assert cg.http_client._transport._pool.connections == []  # type: ignore[attr-defined]

    assert str(caught.value).startswith("POST /api/v1/medias failed after 2 retries: ")
    assert sleep.delays == [0.5, 1.0]


# -- the key -------------------------------------------------------------------------------


@pytest.mark.parametrize("auth", ["bearer", "x-api-key", "query"])
async def test_wiremocks_unmatched_request_page_does_not_leak_the_key(
    wiremock: WireMock, auth: AuthMode, anyio_backend: str
) -> None:
    # WireMock answers an unmatched request with a 404 page that quotes the whole request.
    async with ContentGroove(KEY, base_url=wiremock.url, auth=auth, max_retries=0) as cg:
        with pytest.raises(NotFoundError) as caught:
            await cg.medias.get("no-such-media")

    assert KEY in json.dumps(wiremock.unmatched())  # the key was sent to the API...
    assert KEY not in str(caught.value)  # ...and is not in the error message
    assert str(caught.value).startswith("GET /api/v1/medias/no-such-media returned 404: ")


# -- cancellation --------------------------------------------------------------------------


async def test_a_cancelled_request_leaves_no_connection_in_use(
    cg: ContentGroove, wiremock: WireMock, media_body: dict[str, Any]
) -> None:
    wiremock.stub(GET_MEDIA, {**ok(media_body), "fixedDelayMilliseconds": 3000})
    patient = cg.with_options(timeout=10.0)

    async with anyio.create_task_group() as tg:
        tg.start_soon(patient.medias.get, MEDIA_ID)
        for _ in range(500):  # cancel once the request is waiting on the server
            if await anyio.to_thread.run_sync(wiremock.count, "GET", MEDIA_PATH):
                break
            await anyio.sleep(0.02)
        else:
            pytest.fail("the request never reached WireMock")
        tg.cancel_scope.cancel()

    assert wiremock.count("GET", MEDIA_PATH) == 1
    # The cg fixture then checks that no pooled connection is still busy, and none survives aclose.
