"""cg.clips.wait_until_processed: clips made by hand are processed too, and waited on alike."""

from __future__ import annotations

import httpx
import pytest
import respx
from contentgroove import Clip, ContentGroove, NotFoundError, ProcessingTimeoutError

from .conftest import CLIP_ID, MEDIA_ID, FakeClock, Script, clip_body, error

pytestmark = pytest.mark.anyio

GET_CLIP = f"/api/v1/clips/{CLIP_ID}"


def clip(clip_id: str = CLIP_ID, *, is_processing: bool | None) -> httpx.Response:
    return httpx.Response(200, json=clip_body(clip_id, is_processing=is_processing))


async def test_waits_until_the_clip_is_processed(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(
        clock, [clip(is_processing=None), clip(is_processing=True), clip(is_processing=False)]
    )
    api.get(GET_CLIP).mock(side_effect=script)

    result = await cg.clips.wait_until_processed(CLIP_ID, schedule=clock.schedule())

    assert isinstance(result, Clip)
    assert (result.id, result.media_id, result.is_processing) == (CLIP_ID, MEDIA_ID, False)
    assert script.times == [0, 2, 5]


async def test_clip_poller_states_and_statuses(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get(GET_CLIP).mock(
        side_effect=Script(clock, [clip(is_processing=True), clip(is_processing=False)])
    )
    poller = cg.clips.poll_processing(CLIP_ID, schedule=clock.schedule())

    statuses = [(state.is_processing, poller.status()) async for state in poller]

    assert poller.kind == "clips"
    assert statuses == [(True, "processing"), (False, "succeeded")]


async def test_clip_timeout_carries_the_last_clip(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get(GET_CLIP).mock(side_effect=Script(clock, [clip(is_processing=True)]))

    with pytest.raises(ProcessingTimeoutError, match=f"clip '{CLIP_ID}' was not processed"):
        await cg.clips.wait_until_processed(CLIP_ID, timeout=3, schedule=clock.schedule())


async def test_a_deleted_clip_ends_the_wait(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get(GET_CLIP).mock(side_effect=Script(clock, [clip(is_processing=True), error(404)]))

    with pytest.raises(NotFoundError):
        await cg.clips.wait_until_processed(CLIP_ID, schedule=clock.schedule())


async def test_wait_all_clips_in_input_order(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    ids = ["c3", "c1", "c2"]
    for n, clip_id in enumerate(ids, start=1):
        answers = [clip(clip_id, is_processing=True)] * n + [clip(clip_id, is_processing=False)]
        api.get(f"/api/v1/clips/{clip_id}").mock(side_effect=Script(clock, answers))

    clips = await cg.clips.wait_all(ids, concurrency=2, schedule=clock.schedule())

    assert [c.id for c in clips] == ids
    assert len(api.calls) == 2 + 3 + 4


async def test_bad_clip_ids_name_the_argument(cg: ContentGroove) -> None:
    with pytest.raises(ValueError, match="clip_id must be a non-empty resource id"):
        cg.clips.poll_processing(" ")
    with pytest.raises(ValueError, match=r"clip_ids\[0\] must be a non-empty"):
        await cg.clips.wait_all([""])
