"""Webhook shortcut: a notification on cg.processing_notifier ends matching waits at once."""

from __future__ import annotations

import anyio
import httpx
import pytest
import respx
from contentgroove import ContentGroove, Media, MediaProcessingError, PollingSchedule

from contentgroove_client.models.webhook_media import WebhookMedia

from .conftest import (
    MEDIA_ID,
    BlockingSleep,
    FakeClock,
    Script,
    media_body,
    processed,
    processing,
)

pytestmark = pytest.mark.anyio

GET_MEDIA = f"/api/v1/medias/{MEDIA_ID}"


def finished_media(*, has_fetch_error: bool = False) -> Media:
    """The media a webhook receiver hands to the notifier (parsed from the payload)."""
    body = media_body(is_processing=False, has_fetch_error=has_fetch_error)["data"]
    return Media.from_generated(WebhookMedia.from_dict(body))


async def test_a_notification_during_the_sleep_finishes_the_wait_without_more_polls(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing()])
    api.get(GET_MEDIA).mock(side_effect=script)
    sleep = BlockingSleep()
    schedule = clock.schedule(sleep=sleep)
    notifier = cg.processing_notifier
    delivered = finished_media()
    results: list[Media] = []

    async def wait() -> None:
        results.append(await cg.medias.wait_until_processed(MEDIA_ID, schedule=schedule))

    async with anyio.create_task_group() as tg:
        tg.start_soon(wait)
        await sleep.sleeping.wait()
        assert notifier.waiting("medias", MEDIA_ID) == 1
        assert notifier.notify("medias", MEDIA_ID, delivered) == 1

    assert results == [delivered]
    assert results[0] is delivered
    assert script.times == [0]
    assert notifier.waiting("medias", MEDIA_ID) == 0


async def test_a_notification_during_a_request_wins_over_a_processing_answer(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    delivered = finished_media()

    async def answer(request: httpx.Request) -> httpx.Response:
        cg.processing_notifier.notify("medias", MEDIA_ID, delivered)
        return processing()

    route = api.get(GET_MEDIA).mock(side_effect=answer)
    poller = cg.medias.poll_processing(MEDIA_ID)

    media = await poller.result()

    assert media is delivered
    assert route.call_count == 1
    assert poller.status() == "succeeded"


async def test_a_notification_with_the_real_sleep_ends_a_long_wait(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    route = api.get(GET_MEDIA).mock(return_value=processing())
    # An hour between polls: only the notification can end this wait.
    schedule = PollingSchedule(initial=3600, max_interval=3600)
    delivered = finished_media()
    results: list[Media] = []

    async def wait() -> None:
        results.append(await cg.medias.wait_until_processed(MEDIA_ID, schedule=schedule))

    with anyio.fail_after(30):  # a guard against hanging, not a timing assertion
        async with anyio.create_task_group() as tg:
            tg.start_soon(wait)
            while route.call_count == 0:
                await anyio.lowlevel.checkpoint()
            assert cg.processing_notifier.notify("medias", MEDIA_ID, delivered) == 1

    assert results == [delivered]
    assert route.call_count == 1


async def test_a_failed_media_notified_raises_media_processing_error(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get(GET_MEDIA).mock(side_effect=Script(clock, [processing()]))
    sleep = BlockingSleep()
    failures: list[MediaProcessingError] = []

    async def wait() -> None:
        with pytest.raises(MediaProcessingError) as raised:
            await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule(sleep=sleep))
        failures.append(raised.value)

    async with anyio.create_task_group() as tg:
        tg.start_soon(wait)
        await sleep.sleeping.wait()
        cg.processing_notifier.notify("medias", MEDIA_ID, finished_media(has_fetch_error=True))

    assert failures[0].media.has_fetch_error is True


async def test_a_notification_without_a_usable_media_makes_the_poller_check_at_once(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing(), processed()])
    api.get(GET_MEDIA).mock(side_effect=script)
    sleep = BlockingSleep()
    results: list[Media] = []

    async def wait() -> None:
        schedule = clock.schedule(sleep=sleep)
        results.append(await cg.medias.wait_until_processed(MEDIA_ID, schedule=schedule))

    async with anyio.create_task_group() as tg:
        tg.start_soon(wait)
        await sleep.sleeping.wait()
        cg.processing_notifier.notify("medias", MEDIA_ID, None)

    assert results[0].is_processing is False
    assert script.times == [0, 0]  # polled at once, not after the 2 s interval
    assert sleep.sleeps == [2]


async def test_notifications_reach_every_waiter_in_wait_all_and_only_them(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    ids = ["m1", "m2", "m3"]
    api.get(url__regex=r"/api/v1/medias/(?P<media_id>[^/]+)").mock(
        side_effect=lambda request, media_id: processing(media_id)
    )
    sleep = BlockingSleep()
    schedule = clock.schedule(sleep=sleep)
    notifier = cg.processing_notifier
    results: list[list[Media]] = []

    async def wait() -> None:
        results.append(await cg.medias.wait_all(ids, schedule=schedule))

    async with anyio.create_task_group() as tg:
        tg.start_soon(wait)
        while len(sleep.sleeps) < 3:
            await anyio.lowlevel.checkpoint()
        assert notifier.notify("medias", "someone-else", None) == 0
        assert notifier.notify("clips", "m1", None) == 0
        for media_id in ids:
            body = media_body(media_id, is_processing=False)["data"]
            assert notifier.notify("medias", media_id, WebhookMedia.from_dict(body)) == 1

    assert [m.id for m in results[0]] == ids
    assert all(m.is_processing is False for m in results[0])
    assert len(api.calls) == 3


async def test_without_notifications_polling_alone_finishes(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get(GET_MEDIA).mock(side_effect=Script(clock, [processing(), processed()]))

    media = await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())

    assert media.is_processing is False
    assert cg.processing_notifier.waiting("medias", MEDIA_ID) == 0


async def test_waits_through_a_with_options_copy_share_the_notifier(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get(GET_MEDIA).mock(side_effect=Script(clock, [processing()]))
    sleep = BlockingSleep()
    copy = cg.with_options(timeout=5.0)
    results: list[Media] = []

    async def wait() -> None:
        schedule = clock.schedule(sleep=sleep)
        results.append(await copy.medias.wait_until_processed(MEDIA_ID, schedule=schedule))

    async with anyio.create_task_group() as tg:
        tg.start_soon(wait)
        await sleep.sleeping.wait()
        cg.processing_notifier.notify("medias", MEDIA_ID, finished_media())

    assert len(results) == 1
