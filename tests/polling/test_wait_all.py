"""cg.medias.wait_all: many waits, one concurrency limit, one schedule per media, input order."""

from __future__ import annotations

from functools import partial

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx
from contentgroove import (
    ContentGroove,
    Media,
    MediaProcessingError,
    NotFoundError,
    ProcessingTimeoutError,
)

from .conftest import BlockingSleep, FakeClock, Script, error, media_body, processed, processing

pytestmark = pytest.mark.anyio

MEDIAS = r"/api/v1/medias/(?P<media_id>[^/]+)"


class FleetAPI:
    """Each media finishes after its own number of polls; tracks requests in flight."""

    def __init__(self, polls_needed: dict[str, int]) -> None:
        self.polls_needed = polls_needed
        self.polls: dict[str, int] = dict.fromkeys(polls_needed, 0)
        self.order: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0

    async def __call__(self, request: httpx.Request, media_id: str) -> httpx.Response:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            for _ in range(3):  # let the other waits run while this request is "in flight"
                await anyio.lowlevel.checkpoint()
            self.polls[media_id] += 1
            self.order.append(media_id)
            done = self.polls[media_id] >= self.polls_needed[media_id]
            return httpx.Response(200, json=media_body(media_id, is_processing=not done))
        finally:
            self.in_flight -= 1

    @property
    def requests(self) -> int:
        return sum(self.polls.values())


async def test_200_medias_cost_exactly_the_scheduled_polls_within_the_concurrency(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    ids = [f"media-{i:03d}" for i in range(200)]
    fleet = FleetAPI({media_id: 1 + i % 5 for i, media_id in enumerate(ids)})
    api.get(url__regex=MEDIAS).mock(side_effect=fleet)

    results = await cg.medias.wait_all(ids, concurrency=16, schedule=clock.schedule())

    assert [m.id for m in results] == ids
    assert all(isinstance(m, Media) and m.is_processing is False for m in results)
    assert fleet.requests == sum(fleet.polls_needed.values()) == 600
    assert fleet.polls == fleet.polls_needed
    assert fleet.max_in_flight == 16


async def test_the_limit_is_held_only_during_requests_not_while_waiting(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    fleet = FleetAPI({"first": 9, "second": 9})
    api.get(url__regex=MEDIAS).mock(side_effect=fleet)
    sleep = BlockingSleep()  # both waits end up sleeping until cancelled
    schedule = clock.schedule(sleep=sleep)

    with anyio.CancelScope() as scope:
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                partial(cg.medias.wait_all, ["first", "second"], concurrency=1, schedule=schedule)
            )
            while len(sleep.sleeps) < 2:
                await anyio.lowlevel.checkpoint()
            scope.cancel()

    # With one slot, the second media was polled while the first one was sleeping.
    assert fleet.polls == {"first": 1, "second": 1}
    assert fleet.max_in_flight == 1


async def test_return_exceptions_puts_each_failure_in_its_place(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    failed = httpx.Response(
        200, json=media_body("broken", is_processing=False, has_fetch_error=True)
    )
    api.get("/api/v1/medias/ok-1").mock(
        side_effect=Script(clock, [processing("ok-1"), processed("ok-1")])
    )
    api.get("/api/v1/medias/gone").mock(side_effect=Script(clock, [error(404)]))
    api.get("/api/v1/medias/broken").mock(side_effect=Script(clock, [failed]))
    api.get("/api/v1/medias/ok-2").mock(
        side_effect=Script(clock, [processing("ok-2")] * 3 + [processed("ok-2")])
    )

    results = await cg.medias.wait_all(
        ["ok-1", "gone", "broken", "ok-2"], return_exceptions=True, schedule=clock.schedule()
    )

    ok_1, gone, broken, ok_2 = results
    assert isinstance(ok_1, Media) and ok_1.id == "ok-1"
    assert isinstance(gone, NotFoundError)
    assert isinstance(broken, MediaProcessingError) and broken.media.id == "broken"
    assert isinstance(ok_2, Media) and ok_2.is_processing is False


async def test_without_return_exceptions_the_first_failure_cancels_the_rest(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    slow = Script(clock, [processing("slow")])
    api.get("/api/v1/medias/slow").mock(side_effect=slow)
    api.get("/api/v1/medias/gone").mock(side_effect=Script(clock, [processing("gone"), error(404)]))

    with pytest.raises(NotFoundError):
        await cg.medias.wait_all(["slow", "gone"], schedule=clock.schedule())

    assert slow.times == [0, 2]  # polled alongside, then stopped with the failure
    for _ in range(20):
        await anyio.lowlevel.checkpoint()
    assert slow.times == [0, 2]


async def test_one_deadline_for_all(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get("/api/v1/medias/quick").mock(side_effect=Script(clock, [processed("quick")]))
    api.get("/api/v1/medias/stuck").mock(side_effect=Script(clock, [processing("stuck")]))

    quick, stuck = await cg.medias.wait_all(
        ["quick", "stuck"], timeout=20, return_exceptions=True, schedule=clock.schedule()
    )

    assert isinstance(quick, Media)
    assert isinstance(stuck, ProcessingTimeoutError)
    assert isinstance(stuck.resource, Media) and stuck.resource.id == "stuck"
    assert clock.now == 20

    with pytest.raises(ProcessingTimeoutError):
        await cg.medias.wait_all(["stuck"], timeout=5, schedule=clock.schedule())


async def test_repeated_ids_are_polled_once_and_answered_in_each_place(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    fleet = FleetAPI({"a": 2, "b": 1})
    api.get(url__regex=MEDIAS).mock(side_effect=fleet)

    results = await cg.medias.wait_all(["a", "b", "a"], schedule=clock.schedule())

    assert [m.id for m in results] == ["a", "b", "a"]
    assert fleet.polls == {"a": 2, "b": 1}


async def test_no_ids_no_requests(cg: ContentGroove, api: respx.MockRouter) -> None:
    assert await cg.medias.wait_all([]) == []
    assert len(api.calls) == 0


@pytest.mark.parametrize(
    ("ids", "kwargs", "error_type", "message"),
    [
        ("media-1", {}, TypeError, "media_ids must be a list of ids, got str"),
        (42, {}, TypeError, "media_ids must be a list of ids, got int"),
        (["ok", ""], {}, ValueError, r"media_ids\[1\] must be a non-empty resource id"),
        (["ok", None], {}, TypeError, r"media_ids\[1\] must be a str id"),
        (["ok"], {"concurrency": 0}, ValueError, "concurrency must be >= 1"),
        (["ok"], {"concurrency": 2.5}, TypeError, "concurrency must be an int"),
        (["ok"], {"timeout": float("nan")}, ValueError, "timeout must be a finite number"),
    ],
)
async def test_arguments_are_checked_before_any_request(
    cg: ContentGroove,
    api: respx.MockRouter,
    ids: object,
    kwargs: dict[str, object],
    error_type: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error_type, match=message):
        await cg.medias.wait_all(ids, **kwargs)  # type: ignore[call-overload]
    assert len(api.calls) == 0
