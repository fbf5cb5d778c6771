"""Cancelling a wait stops polling at once and leaves no request in flight."""

from __future__ import annotations

import asyncio
from functools import partial

import anyio
import httpx
import pytest
import respx
from contentgroove import ContentGroove

from .conftest import MEDIA_ID, BlockingSleep, FakeClock, Script, processed, processing

pytestmark = pytest.mark.anyio

GET_MEDIA = f"/api/v1/medias/{MEDIA_ID}"


class HangingAPI:
    """A respx side effect whose answer never comes; records how each request ended."""

    def __init__(self) -> None:
        self.started = anyio.Event()
        self.in_flight = 0
        self.cancelled = 0
        self.calls = 0

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        self.in_flight += 1
        self.started.set()
        try:
            await anyio.sleep_forever()
        except anyio.get_cancelled_exc_class():
            self.cancelled += 1
            raise
        finally:
            self.in_flight -= 1
        raise AssertionError("unreachable")


async def settle() -> None:
    """Give any leftover task many chances to run."""
    for _ in range(50):
        await anyio.lowlevel.checkpoint()


async def test_cancel_scope_during_a_request_cancels_that_request(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    hanging = HangingAPI()
    api.get(GET_MEDIA).mock(side_effect=hanging)

    with anyio.CancelScope() as scope:
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                partial(cg.medias.wait_until_processed, MEDIA_ID, schedule=clock.schedule())
            )
            await hanging.started.wait()
            scope.cancel()

    await settle()
    assert scope.cancelled_caught
    assert (hanging.calls, hanging.cancelled, hanging.in_flight) == (1, 1, 0)


async def test_cancel_scope_during_the_sleep_stops_polling(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing()])
    api.get(GET_MEDIA).mock(side_effect=script)
    sleep = BlockingSleep()
    schedule = clock.schedule(sleep=sleep)

    with anyio.CancelScope() as scope:
        async with anyio.create_task_group() as tg:
            tg.start_soon(partial(cg.medias.wait_until_processed, MEDIA_ID, schedule=schedule))
            await sleep.sleeping.wait()
            scope.cancel()

    await settle()
    assert script.times == [0]
    assert sleep.sleeps == [2]


async def test_a_cancelled_poller_can_be_awaited_again(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    hanging = HangingAPI()
    route = api.get(GET_MEDIA).mock(side_effect=hanging)
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    with anyio.CancelScope() as scope:
        async with anyio.create_task_group() as tg:
            tg.start_soon(poller.result)
            await hanging.started.wait()
            scope.cancel()
    assert poller.polls == 0  # the cancelled request does not count
    route.mock(side_effect=Script(clock, [processed()]))

    media = await poller.result()

    assert media.is_processing is False
    assert poller.polls == 1


async def test_a_second_task_awaiting_the_same_poller_is_refused(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    hanging = HangingAPI()
    api.get(GET_MEDIA).mock(side_effect=hanging)
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    async with anyio.create_task_group() as tg:
        tg.start_soon(poller.result)
        await hanging.started.wait()
        with pytest.raises(RuntimeError, match="already awaited by another task"):
            await poller.result()
        tg.cancel_scope.cancel()
    assert hanging.in_flight == 0


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_asyncio_task_cancel_cancels_the_request(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    hanging = HangingAPI()
    api.get(GET_MEDIA).mock(side_effect=hanging)

    task = asyncio.create_task(cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule()))
    await hanging.started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    await settle()
    assert (hanging.calls, hanging.cancelled, hanging.in_flight) == (1, 1, 0)


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_asyncio_wait_for_timeout_cancels_the_request(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    hanging = HangingAPI()
    api.get(GET_MEDIA).mock(side_effect=hanging)

    with pytest.raises(TimeoutError):
        await asyncio.wait_for(
            cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule()), timeout=0.05
        )

    await settle()
    assert (hanging.calls, hanging.cancelled, hanging.in_flight) == (1, 1, 0)


@pytest.mark.parametrize("anyio_backend", ["trio"])
async def test_trio_nursery_cancel_cancels_the_request(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    import trio

    hanging = HangingAPI()
    api.get(GET_MEDIA).mock(side_effect=hanging)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(
            partial(cg.medias.wait_until_processed, MEDIA_ID, schedule=clock.schedule())
        )
        await hanging.started.wait()
        nursery.cancel_scope.cancel()

    await settle()
    assert (hanging.calls, hanging.cancelled, hanging.in_flight) == (1, 1, 0)
