"""Clips made through the API: create, process, read, update, delete, quota."""

from __future__ import annotations

import pytest
from contentgroove.sandbox import ManualClock, SandboxConfig, SandboxSession, with_sandbox

from contentgroove_client.models import ClipDocument

from ._helpers import body, create_clip, create_media
from ._spec import assert_conforms

pytestmark = pytest.mark.anyio


async def test_create_answers_a_queued_clip_of_the_media(sb: SandboxSession) -> None:
    media = await create_media(sb.client)

    response = await sb.client.post(
        "/api/v1/clips",
        json=body({"name": "intro", "media_id": media["id"], "start_time": 1, "end_time": 2.5}),
    )

    assert response.status_code == 200
    doc = response.json()
    assert_conforms(doc, "ClipDocument")
    assert ClipDocument.from_dict(doc).data.id == doc["data"]["id"]
    attributes = doc["data"]["attributes"]
    assert attributes["name"] == "intro"
    assert attributes["start_time"] == 1 and attributes["end_time"] == 2.5
    assert attributes["is_processing"] is None
    assert attributes["rank"] is None
    assert attributes["text"] is None and attributes["start_char"] == 0
    assert attributes["media_file_url"] is None
    assert doc["data"]["relationships"] == {
        "media": {"data": {"id": media["id"], "type": "medias"}}
    }
    assert doc["links"] == {"self": f"{sb.base_url}/api/v1/clips"}
    media_doc = (await sb.client.get(f"/api/v1/medias/{media['id']}")).json()
    assert media_doc["data"]["relationships"]["clips"]["data"] == [
        {"id": doc["data"]["id"], "type": "clips"}
    ]


async def test_a_clip_processes_for_clip_processing_seconds(
    sb: SandboxSession, clock: ManualClock
) -> None:
    media = await create_media(sb.client)
    clock.advance(10)
    clip = await create_clip(sb.client, media["id"], start_time=2, end_time=6)
    url = f"/api/v1/clips/{clip['id']}"

    clock.advance(1.9)
    assert (await sb.client.get(url)).json()["data"]["attributes"]["is_processing"] is True
    clock.advance(0.1)
    doc = (await sb.client.get(url)).json()

    assert_conforms(doc, "ClipDocument")
    attributes = doc["data"]["attributes"]
    assert attributes["is_processing"] is False
    assert attributes["media_file_duration"] == 4
    assert attributes["media_file_url"] == f"{sb.base_url}/_sandbox/files/clips/{clip['id']}.mp4"
    transcript = next(iter(sb.sandbox.transcriptions.values())).text
    assert attributes["text"] == transcript[attributes["start_char"] : attributes["end_char"]]
    assert attributes["text"]
    assert doc["links"] == {"self": f"{sb.base_url}{url}"}


async def test_clip_files_and_previews_are_served(sb: SandboxSession, clock: ManualClock) -> None:
    media = await create_media(sb.client)
    clock.advance(10)
    clip = await create_clip(sb.client, media["id"])
    clock.advance(2)
    attributes = (await sb.client.get(f"/api/v1/clips/{clip['id']}")).json()["data"]["attributes"]

    video = await sb.anonymous.get(attributes["media_file_url"])
    preview = await sb.anonymous.get(attributes["media_file_preview_image_url"])

    assert video.status_code == 200 and video.headers["content-type"] == "video/mp4"
    assert len(video.content) > 0
    assert preview.status_code == 200 and preview.content.startswith(b"\x89PNG")
    missing = await sb.anonymous.get(f"{sb.base_url}/_sandbox/files/clips/nope.mp4")
    assert missing.status_code == 404


async def test_clips_made_while_the_media_processes_get_text_when_it_finishes(
    sb: SandboxSession, clock: ManualClock
) -> None:
    media = await create_media(sb.client)
    clip = await create_clip(sb.client, media["id"], start_time=1, end_time=3)

    clock.advance(10)
    attributes = (await sb.client.get(f"/api/v1/clips/{clip['id']}")).json()["data"]["attributes"]

    assert attributes["is_processing"] is False
    assert attributes["text"]
    ids = [c.id for c in sb.sandbox.clips.values() if c.media_id == media["id"]]
    media_doc = (await sb.client.get(f"/api/v1/medias/{media['id']}")).json()
    listed = [c["id"] for c in media_doc["data"]["relationships"]["clips"]["data"]]
    assert sorted(listed) == sorted(ids)
    assert listed[-1] == clip["id"]  # suggested clips first, by rank


async def test_a_clip_cannot_end_after_its_finished_media(
    sb: SandboxSession, clock: ManualClock
) -> None:
    media = await create_media(sb.client)
    clock.advance(10)
    duration = sb.sandbox.medias[media["id"]].duration
    assert duration is not None

    response = await sb.client.post(
        "/api/v1/clips",
        json=body(
            {"name": "c", "media_id": media["id"], "start_time": 0, "end_time": duration + 1}
        ),
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {"pointer": "/data/attributes/end_time"}


async def test_update_renames_and_moving_reprocesses(
    sb: SandboxSession, clock: ManualClock
) -> None:
    media = await create_media(sb.client)
    clock.advance(10)
    clip = await create_clip(sb.client, media["id"])
    clock.advance(2)
    url = f"/api/v1/clips/{clip['id']}"

    renamed = await sb.client.put(url, json=body({"name": "renamed"}))
    assert renamed.status_code == 200
    assert_conforms(renamed.json(), "ClipDocument")
    assert renamed.json()["data"]["attributes"]["is_processing"] is False

    moved = (await sb.client.put(url, json=body({"start_time": 4, "end_time": 8}))).json()
    assert moved["data"]["attributes"]["name"] == "renamed"
    assert moved["data"]["attributes"]["start_time"] == 4
    assert moved["data"]["attributes"]["is_processing"] is True
    bad = await sb.client.put(url, json=body({"end_time": 1}))
    assert bad.status_code == 400


async def test_delete_removes_the_clip_from_its_media(sb: SandboxSession) -> None:
    media = await create_media(sb.client)
    clip = await create_clip(sb.client, media["id"])

    response = await sb.client.delete(f"/api/v1/clips/{clip['id']}")

    assert response.status_code == 204
    assert (await sb.client.get(f"/api/v1/clips/{clip['id']}")).status_code == 404
    assert sb.sandbox.medias[media["id"]].clip_ids == []
    assert (await sb.client.delete(f"/api/v1/clips/{clip['id']}")).status_code == 404


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_unknown_clip_ids_answer_404(sb: SandboxSession, method: str) -> None:
    response = await sb.client.request(method, "/api/v1/clips/nope", json=body({"name": "x"}))

    assert response.status_code == 404
    assert response.json()["errors"][0]["status"] == "404"


async def test_clip_quota_answers_402_and_counts_only_clips_made_through_the_api(
    clock: ManualClock,
) -> None:
    config = SandboxConfig(clock=clock, clip_quota=1, processing_seconds=0)
    async with with_sandbox(config, background=False) as sb:
        media = await create_media(sb.client)
        assert len(sb.sandbox.clips) >= 3  # suggested clips do not count
        await create_clip(sb.client, media["id"])
        response = await sb.client.post(
            "/api/v1/clips",
            json=body({"name": "c", "media_id": media["id"], "start_time": 0, "end_time": 1}),
        )

    assert response.status_code == 402
    assert_conforms(response.json(), "ErrorResponse")
    [error] = response.json()["errors"]
    assert error["code"] == "exceeded_quota_count"
    assert "number of clips" in error["detail"]
