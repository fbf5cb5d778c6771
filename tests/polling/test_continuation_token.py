"""continuation_token(): an opaque URL-safe string that resumes a wait in another process."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import httpx
import pytest
import respx
from contentgroove import Clip, ContentGroove, Media, ProcessingPoller

from .conftest import CLIP_ID, MEDIA_ID, FakeClock, Script, clip_body, processed, processing

pytestmark = pytest.mark.anyio

GET_MEDIA = f"/api/v1/medias/{MEDIA_ID}"


def token_of(doc: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(doc).encode()).rstrip(b"=").decode()


async def test_a_resumed_poller_polls_at_once_then_continues_the_schedule(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    script = Script(clock, [processing()] * 4 + [processed()])
    api.get(GET_MEDIA).mock(side_effect=script)
    first = cg.medias.poll_processing(MEDIA_ID, schedule=clock.schedule())
    async for _ in first:
        if first.polls == 3:
            break
    token = first.continuation_token()
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    resumed_at = clock.now

    resumed = cg.medias.poll_processing(continuation_token=token, schedule=clock.schedule())
    media = await resumed.result()

    assert isinstance(media, Media)
    assert (resumed.kind, resumed.resource_id) == ("medias", MEDIA_ID)
    assert resumed.polls == 5
    # Polls 4 (at once) and 5 (after the 4th interval, 6.75 s).
    assert script.times[3:] == [resumed_at, resumed_at + 6.75]


async def test_from_continuation_token_builds_a_poller_of_the_right_kind(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    media_token = cg.medias.poll_processing(MEDIA_ID).continuation_token()
    clip_token = cg.clips.poll_processing(CLIP_ID).continuation_token()

    media_poller = ProcessingPoller.from_continuation_token(cg, media_token)
    clip_poller = ProcessingPoller.from_continuation_token(cg, clip_token)

    assert (media_poller.kind, media_poller.resource_id, media_poller.polls) == (
        "medias",
        MEDIA_ID,
        0,
    )
    assert (clip_poller.kind, clip_poller.resource_id) == ("clips", CLIP_ID)
    assert media_poller.continuation_token() == media_token
    assert len(api.calls) == 0


async def test_tokens_survive_ids_with_unusual_characters(cg: ContentGroove) -> None:
    odd_id = "média/ü 1"
    token = cg.medias.poll_processing(odd_id).continuation_token()

    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    assert cg.medias.poll_processing(continuation_token=token).resource_id == odd_id


async def test_a_clip_token_is_refused_by_medias_with_the_right_call(cg: ContentGroove) -> None:
    token = cg.clips.poll_processing(CLIP_ID).continuation_token()

    with pytest.raises(ValueError, match=r"resumes a wait on clips; use cg\.clips\.poll"):
        cg.medias.poll_processing(continuation_token=token)
    assert isinstance(cg.clips.poll_processing(continuation_token=token).resource_id, str)


async def test_exactly_one_of_id_and_token(cg: ContentGroove) -> None:
    token = cg.medias.poll_processing(MEDIA_ID).continuation_token()
    with pytest.raises(ValueError, match=r"exactly one of media_id= .* or continuation_token="):
        cg.medias.poll_processing(MEDIA_ID, continuation_token=token)
    with pytest.raises(ValueError, match="exactly one of media_id="):
        cg.medias.poll_processing()


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        ("", "it is empty"),
        ("a" * 5000, "5000 characters long"),
        ("eyJ2IjoxfQ==", "outside URL-safe base64"),
        ("not a token!", "outside URL-safe base64"),
        ("bm90IGpzb24", "does not decode to JSON"),
        ("_w", "does not decode to JSON"),
        (token_of([1, 2]), "does not hold a JSON object"),
        (token_of({"kind": "medias", "id": MEDIA_ID, "polls": 0}), "version None"),
        (token_of({"v": 2, "kind": "medias", "id": MEDIA_ID, "polls": 0}), "version 2"),
        (token_of({"v": 1, "kind": "transcriptions", "id": "x", "polls": 0}), "kind is"),
        (token_of({"v": 1, "kind": "medias", "id": "", "polls": 0}), "id is ''"),
        (token_of({"v": 1, "kind": "medias", "id": 7, "polls": 0}), "id is 7"),
        (token_of({"v": 1, "kind": "medias", "id": "m", "polls": -1}), "polls is -1"),
        (token_of({"v": 1, "kind": "medias", "id": "m", "polls": True}), "polls is True"),
    ],
)
async def test_bad_tokens_say_what_is_wrong(cg: ContentGroove, token: str, problem: str) -> None:
    with pytest.raises(ValueError, match="continuation_token is not valid") as raised:
        ProcessingPoller.from_continuation_token(cg, token)
    assert problem in str(raised.value)
    with pytest.raises(ValueError, match=re.escape(problem)):
        cg.medias.poll_processing(continuation_token=token)


async def test_a_token_that_is_not_a_string_is_a_type_error(cg: ContentGroove) -> None:
    with pytest.raises(TypeError, match="continuation_token must be a str, got bytes"):
        ProcessingPoller.from_continuation_token(cg, b"abc")  # type: ignore[arg-type]


async def test_clip_wait_resumes_from_a_token(
    cg: ContentGroove, api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get(f"/api/v1/clips/{CLIP_ID}").mock(
        return_value=httpx.Response(200, json=clip_body(is_processing=False))
    )
    token = cg.clips.poll_processing(CLIP_ID).continuation_token()

    clip = await cg.clips.poll_processing(continuation_token=token).result()

    assert isinstance(clip, Clip)
    assert clip.id == CLIP_ID
