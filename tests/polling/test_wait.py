"""cg.medias.wait_until_processed / poll_processing: when it polls, what ends the wait, and how."""

from __future__ import annotations

import random

import httpx
import pytest
import respx
from contentgroove import (
    AuthenticationError,
    ContentGroove,
    InternalServerError,
    Media,
    MediaProcessingError,
    NotFoundError,
    ProcessingPoller,
    ProcessingTimeoutError,
)

from .conftest import MEDIA_ID, FakeClock, Script, error, media_body, processed, processing

pytestmark = pytest.mark.anyio

GET_MEDIA = f"/api/v1/medias/{MEDIA_ID}"


def route(api: respx.MockRouter, script: Script) -> respx.Route:
    return api.get(GET_MEDIA).mock(side_effect=script)


# -- schedule --------------------------------------------------------------------------------


async def test_polls_at_once_then_after_2_3_4_5_6_75_seconds_capped_at_30(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing()] * 10 + [processed()])
    route(api, script)

    media = await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())

    assert isinstance(media, Media)
    assert media.id == MEDIA_ID
    assert media.is_processing is False
    assert clock.sleeps == pytest.approx([2, 3, 4.5, 6.75, 10.125, 15.1875, 22.78125, 30, 30, 30])
    assert script.times == pytest.approx(
        [0, 2, 5, 9.5, 16.25, 26.375, 41.5625, 64.34375, 94.34375, 124.34375, 154.34375]
    )


async def test_a_media_processed_at_the_first_poll_costs_one_request_and_no_sleep(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processed()])
    route(api, script)

    await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())

    assert script.times == [0]
    assert clock.sleeps == []


async def test_jittered_waits_stay_within_the_configured_spread(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing()] * 12 + [processed()])
    route(api, script)
    schedule = clock.schedule(jitter=0.1, random=random.Random(99).random)

    await cg.medias.wait_until_processed(MEDIA_ID, schedule=schedule)

    assert len(clock.sleeps) == 12
    for n, slept in enumerate(clock.sleeps, start=1):
        base = schedule.interval(n)
        assert 0.9 * base <= slept <= 1.1 * base
    assert any(slept != schedule.interval(n) for n, slept in enumerate(clock.sleeps, start=1))


async def test_is_processing_none_means_not_started_and_keeps_polling(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    not_started = httpx.Response(200, json=media_body(is_processing=None))
    route(api, Script(clock, [not_started, not_started, processing(), processed()]))
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    statuses = [poller.status() async for _ in poller]

    assert statuses == ["not_started", "not_started", "processing", "succeeded"]
    assert poller.done()


# -- what does not end the wait --------------------------------------------------------------


async def test_a_429_retry_after_sets_the_next_wait_instead_of_failing(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing(), error(429, **{"Retry-After": "7"}), processed()])
    route(api, script)

    media = await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())

    assert media.is_processing is False
    assert clock.sleeps == [2, 7]
    assert script.times == [0, 2, 9]


async def test_a_short_retry_after_never_polls_faster_than_the_schedule(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    route(api, Script(clock, [processing(), error(429, **{"Retry-After": "1"}), processed()]))

    await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())

    assert clock.sleeps == [2, 3]


async def test_retry_after_is_capped_by_max_retry_after(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    route(api, Script(clock, [error(429, **{"Retry-After": "86400"}), processed()]))

    await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule(max_retry_after=120))

    assert clock.sleeps == [120]


async def test_5xx_answers_and_connection_errors_do_not_end_the_wait(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(
        clock,
        [
            processing(),
            error(503),
            httpx.ConnectError("connection refused"),
            error(500),
            httpx.ReadTimeout("read timed out"),
            error(502),
            processed(),
        ],
    )
    route(api, script)
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    media = await poller.result()

    assert media.is_processing is False
    assert len(script.times) == 7  # one request per scheduled poll: no hidden client retries
    assert poller.polls == 7
    assert clock.sleeps == pytest.approx([2, 3, 4.5, 6.75, 10.125, 15.1875])


async def test_a_404_ends_the_wait_with_not_found(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing(), error(404), processed()])
    route(api, script)
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    with pytest.raises(NotFoundError) as raised:
        await poller.result()

    assert raised.value.status_code == 404
    assert len(script.times) == poller.polls == 2
    assert poller.done()
    assert poller.status() == "failed"
    with pytest.raises(NotFoundError):
        await poller.result()  # the outcome is kept; nothing is sent again
    assert len(script.times) == 2


async def test_a_401_ends_the_wait_at_once(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [error(401)])
    route(api, script)

    with pytest.raises(AuthenticationError):
        await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())

    assert script.times == [0]
    assert clock.sleeps == []


async def test_a_5xx_the_retry_policy_does_not_retry_ends_the_wait(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing(), error(501)])
    route(api, script)

    with pytest.raises(InternalServerError):
        await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())

    assert len(script.times) == 2


# -- failed processing and deadlines ---------------------------------------------------------


async def test_has_fetch_error_raises_media_processing_error_with_the_media(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    failed = httpx.Response(200, json=media_body(is_processing=False, has_fetch_error=True))
    script = Script(clock, [processing(), failed])
    route(api, script)
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    with pytest.raises(MediaProcessingError, match="has_fetch_error") as raised:
        await poller.result()

    assert raised.value.media.id == MEDIA_ID
    assert raised.value.media.has_fetch_error is True
    assert poller.status() == "failed"
    assert poller.last is raised.value.media
    assert len(script.times) == 2


async def test_has_fetch_error_while_still_processing_also_fails(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    failed = httpx.Response(200, json=media_body(is_processing=True, has_fetch_error=True))
    route(api, Script(clock, [failed]))

    with pytest.raises(MediaProcessingError):
        await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())


async def test_iteration_yields_a_failed_media_then_stops(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    failed = httpx.Response(200, json=media_body(is_processing=False, has_fetch_error=True))
    route(api, Script(clock, [processing(), failed]))
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    states = [state async for state in poller]

    assert [s.has_fetch_error for s in states] == [False, True]
    assert poller.status() == "failed"
    with pytest.raises(MediaProcessingError):
        await poller.result()


async def test_timeout_raises_with_the_last_state_and_never_sleeps_past_the_deadline(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing()])
    route(api, script)

    with pytest.raises(ProcessingTimeoutError, match="was not processed after 10s") as raised:
        await cg.medias.wait_until_processed(MEDIA_ID, timeout=10, schedule=clock.schedule())

    assert isinstance(raised.value, TimeoutError)
    resource = raised.value.resource
    assert isinstance(resource, Media)
    assert resource.id == MEDIA_ID
    assert resource.is_processing is True
    assert script.times == [0, 2, 5, 9.5]
    assert clock.sleeps == [2, 3, 4.5, 0.5]  # the last sleep is cut at the deadline
    assert clock.now == 10
    assert {call.request.method for call in api.calls} == {"GET"}  # the media is not touched


async def test_after_a_timeout_the_same_poller_can_keep_waiting(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing()] * 5 + [processed()])
    route(api, script)
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    with pytest.raises(ProcessingTimeoutError):
        await poller.result(timeout=10)
    assert not poller.done()
    assert poller.status() == "processing"

    media = await poller.result(timeout=100)

    assert media.is_processing is False
    assert script.times == [0, 2, 5, 9.5, 16.25, 26.375]


async def test_timeout_zero_checks_once(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing()])
    route(api, script)

    with pytest.raises(ProcessingTimeoutError):
        await cg.medias.wait_until_processed(MEDIA_ID, timeout=0, schedule=clock.schedule())

    assert script.times == [0]
    assert clock.sleeps == []


async def test_timeout_during_an_outage_reports_the_last_error(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    route(api, Script(clock, [processing(), error(503)]))

    with pytest.raises(ProcessingTimeoutError, match="the last poll failed") as raised:
        await cg.medias.wait_until_processed(MEDIA_ID, timeout=60, schedule=clock.schedule())

    assert isinstance(raised.value.__cause__, InternalServerError)
    assert isinstance(raised.value.resource, Media)


async def test_timeout_before_any_answer_carries_no_state(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    route(api, Script(clock, [httpx.ConnectError("refused")]))

    with pytest.raises(ProcessingTimeoutError, match="no state was observed") as raised:
        await cg.medias.wait_until_processed(MEDIA_ID, timeout=30, schedule=clock.schedule())

    assert raised.value.resource is None


# -- the poller object -----------------------------------------------------------------------


async def test_a_new_poller_sends_nothing_and_reports_not_started(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    poller = cg.medias.poll_processing(MEDIA_ID)

    assert isinstance(poller, ProcessingPoller)
    assert (poller.kind, poller.resource_id) == ("medias", MEDIA_ID)
    assert poller.status() == "not_started"
    assert not poller.done()
    assert poller.last is None
    assert poller.polls == 0
    assert MEDIA_ID in repr(poller)
    assert len(api.calls) == 0


async def test_iteration_yields_every_observed_state(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    route(api, Script(clock, [processing(), processing(), processed()]))
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    states = [state async for state in poller]

    assert [s.is_processing for s in states] == [True, True, False]
    assert poller.last is states[-1]
    assert await poller.result() is states[-1]
    assert [state async for state in poller] == []


async def test_result_waits_from_where_iteration_stopped(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing(), processing(), processed()])
    route(api, script)
    poller = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())

    async for state in poller:
        assert state.is_processing is True
        break
    media = await poller.result()

    assert media.is_processing is False
    assert script.times == [0, 2, 5]


async def test_the_client_retry_settings_are_not_used_for_polls(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    # cg has max_retries=3 with a sleep that fails the test: one request per scheduled poll.
    script = Script(clock, [error(503), error(503), processed()])
    route(api, script)

    await cg.medias.wait_until_processed(MEDIA_ID, schedule=clock.schedule())

    assert len(script.times) == 3
    assert cg.retry_policy.max_retries == 3


@pytest.mark.parametrize(
    ("media_id", "error_type", "message"),
    [
        ("", ValueError, "media_id must be a non-empty resource id"),
        (42, TypeError, "media_id must be a str id"),
    ],
)
async def test_bad_ids_are_refused_before_any_request(
    cg: ContentGroove,
    api: respx.MockRouter,
    media_id: object,
    error_type: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error_type, match=message):
        await cg.medias.wait_until_processed(media_id)  # type: ignore[arg-type]
    assert len(api.calls) == 0


async def test_bad_timeout_and_schedule_are_refused(cg: ContentGroove) -> None:
    with pytest.raises(ValueError, match="timeout must be a finite number of seconds >= 0"):
        await cg.medias.wait_until_processed(MEDIA_ID, timeout=-1)
    with pytest.raises(TypeError, match="schedule must be a PollingSchedule"):
        cg.medias.poll_processing(MEDIA_ID, schedule=2.0)  # type: ignore[arg-type]
