"""Fixtures for the poller tests: a fake clock, scripted API answers and a mocked API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx
from contentgroove import ContentGroove, PollingSchedule, RetryPolicy

API = "https://api.contentgroove.test"
KEY = "sk_test_polling_key"
MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
CLIP_ID = "32caa472-6a12-4a77-974a-52d1175502ab"


class FakeClock:
    """Virtual monotonic time: ``sleep`` advances it instead of waiting.

    Concurrent sleepers each move time to their own wake-up time, never backwards, so many
    waits sharing one clock see a plausible timeline. Works under every anyio backend.
    """

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        wake_at = self.now + seconds
        await anyio.lowlevel.checkpoint()
        self.now = max(self.now, wake_at)

    def schedule(self, **overrides: Any) -> PollingSchedule:
        """The default schedule (2 s, growing by half up to 30 s) on this clock, without jitter."""
        settings: dict[str, Any] = {"jitter": 0.0, "sleep": self.sleep, "clock": self}
        settings.update(overrides)
        return PollingSchedule(**settings)


class BlockingSleep:
    """A sleep that never ends by itself: only a notification or a cancellation ends it."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.sleeping = anyio.Event()

    async def __call__(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.sleeping.set()
        await anyio.sleep_forever()


def media_body(
    media_id: str = MEDIA_ID,
    *,
    is_processing: bool | None = True,
    has_fetch_error: bool | None = False,
) -> dict[str, Any]:
    """A ``GET /api/v1/medias/{id}`` body in the API's JSON:API shape."""
    return {
        "data": {
            "id": media_id,
            "type": "medias",
            "attributes": {
                "name": "keynote.mp4",
                "is_processing": is_processing,
                "has_fetch_error": has_fetch_error,
            },
        }
    }


def clip_body(clip_id: str = CLIP_ID, *, is_processing: bool | None = True) -> dict[str, Any]:
    """A ``GET /api/v1/clips/{id}`` body in the API's JSON:API shape."""
    return {
        "data": {
            "id": clip_id,
            "type": "clips",
            "attributes": {"name": "intro", "is_processing": is_processing},
            "relationships": {"media": {"data": {"id": MEDIA_ID, "type": "medias"}}},
        }
    }


def processing(media_id: str = MEDIA_ID) -> httpx.Response:
    return httpx.Response(200, json=media_body(media_id, is_processing=True))


def processed(media_id: str = MEDIA_ID) -> httpx.Response:
    return httpx.Response(200, json=media_body(media_id, is_processing=False))


def error(status: int, **headers: str) -> httpx.Response:
    body = {"errors": [{"status": str(status), "title": "Error", "detail": f"status {status}"}]}
    return httpx.Response(status, json=body, headers=headers)


class Script:
    """A respx side effect answering successive requests from a list (the last one repeats).

    Records the fake time of every request; an ``Exception`` entry is raised (transport
    errors get the request attached).
    """

    def __init__(self, clock: FakeClock, answers: Sequence[httpx.Response | Exception]) -> None:
        self.clock = clock
        self.answers = answers
        self.times: list[float] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.times.append(self.clock.now)
        answer = self.answers[min(len(self.times), len(self.answers)) - 1]
        if isinstance(answer, httpx.TransportError):
            raise type(answer)(str(answer), request=request)
        if isinstance(answer, Exception):
            raise answer
        await anyio.lowlevel.checkpoint()
        return answer


async def _forbidden_sleep(seconds: float) -> None:
    raise AssertionError(f"the client retried inside a poll (asked to sleep {seconds}s)")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    """The mocked API; a request the test did not route fails the test."""
    with respx.mock(base_url=API, assert_all_called=False) as router:
        yield router


@pytest.fixture
async def cg(anyio_backend: str) -> AsyncIterator[ContentGroove]:
    """A client for the mocked API configured with retries, which polls must not use."""
    retry = RetryPolicy(max_retries=3, sleep=_forbidden_sleep)
    async with ContentGroove(KEY, base_url=API, retry_policy=retry) as client:
        yield client
