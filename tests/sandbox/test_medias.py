"""Medias: create, read, update, delete, and processing that finishes on the sandbox clock."""

from __future__ import annotations

import pytest
from contentgroove.sandbox import ManualClock, SandboxConfig, SandboxSession, with_sandbox

from contentgroove_client.models import MediaDocument

from ._helpers import body, create_media
from ._spec import assert_conforms

pytestmark = pytest.mark.anyio

NOT_FOUND = {"errors": [{"detail": None, "source": None, "status": "404", "title": "Not Found"}]}


async def test_create_answers_a_queued_media_like_the_api(sb: SandboxSession) -> None:
    response = await sb.client.post(
        "/api/v1/medias",
        json=body({"name": "Talk", "description": "d", "source_url": "https://ex.com/t.mp4"}),
    )

    assert response.status_code == 200
    doc = response.json()
    assert_conforms(doc, "MediaDocument")
    attributes = doc["data"]["attributes"]
    # As in the API's example: processing is queued, not started, in the create answer.
    assert attributes["is_processing"] is None
    assert attributes["has_fetch_error"] is False
    assert attributes["name"] == "Talk"
    assert attributes["description"] == "d"
    assert attributes["source_url"] == "https://ex.com/t.mp4"
    assert attributes["processing_started_at"] == attributes["created_at"]
    assert attributes["source_file_duration"] is None
    assert doc["data"]["relationships"] == {"clips": {"data": []}, "transcription": {"data": None}}
    assert doc["links"] == {"self": f"{sb.base_url}/api/v1/medias"}
    assert MediaDocument.from_dict(doc).data.id == doc["data"]["id"]


async def test_media_processes_for_processing_seconds_then_is_finished(
    sb: SandboxSession, clock: ManualClock
) -> None:
    media = await create_media(sb.client, name="Talk")
    url = f"/api/v1/medias/{media['id']}"

    clock.advance(9.9)
    processing = (await sb.client.get(url)).json()
    assert processing["data"]["attributes"]["is_processing"] is True
    assert processing["data"]["attributes"]["external_id"] is not None

    clock.advance(0.1)
    response = await sb.client.get(url)

    doc = response.json()
    assert_conforms(doc, "MediaDocument")
    attributes = doc["data"]["attributes"]
    assert attributes["is_processing"] is False
    assert attributes["has_fetch_error"] is False
    assert attributes["source_file_content_type"] == "video/mp4"
    assert attributes["source_file_duration"] > 0
    assert attributes["source_file_width"] > 0 and attributes["source_file_height"] > 0
    assert attributes["source_file_preview_image_url"].startswith(sb.base_url)
    assert attributes["source_created_at"] is not None
    assert doc["links"] == {"self": f"{sb.base_url}{url}"}

    clip_ids = [c["id"] for c in doc["data"]["relationships"]["clips"]["data"]]
    assert 3 <= len(clip_ids) <= 5
    transcription = doc["data"]["relationships"]["transcription"]["data"]
    assert transcription["type"] == "transcriptions"
    text = sb.sandbox.transcriptions[transcription["id"]].text
    for rank, clip_id in enumerate(clip_ids):
        clip = (await sb.client.get(f"/api/v1/clips/{clip_id}")).json()["data"]["attributes"]
        assert clip["rank"] == rank
        assert clip["is_processing"] is False
        assert 0 <= clip["start_time"] < clip["end_time"] <= attributes["source_file_duration"]
        assert clip["text"] == text[clip["start_char"] : clip["end_char"]]
        assert clip["media_file_url"].startswith(sb.base_url)


async def test_sandbox_state_reflects_the_clock_without_requests(
    sb: SandboxSession, clock: ManualClock
) -> None:
    media = await create_media(sb.client)
    assert sb.sandbox.medias[media["id"]].is_processing

    clock.advance(10)

    record = sb.sandbox.medias[media["id"]]
    assert record.status == "finished"
    assert record.finished_at == record.created_at + 10


async def test_audio_sources_have_no_picture_size(sb: SandboxSession, clock: ManualClock) -> None:
    media = await create_media(sb.client, source_url="https://ex.com/podcast.mp3")
    clock.advance(10)

    attributes = (await sb.client.get(f"/api/v1/medias/{media['id']}")).json()["data"]["attributes"]

    assert attributes["source_file_content_type"] == "audio/mpeg"
    assert attributes["source_file_width"] is None
    assert attributes["source_file_height"] is None


@pytest.mark.parametrize(
    "source_url",
    [
        "https://media.invalid/talk.mp4",
        "http://sub.host.invalid./x.mp4",
        "ftp://example.com/talk.mp4",
        "not a url",
        "https:///no-host.mp4",
    ],
)
async def test_unfetchable_sources_finish_with_a_fetch_error_and_no_clips(
    sb: SandboxSession, clock: ManualClock, source_url: str
) -> None:
    media = await create_media(sb.client, source_url=source_url)
    clock.advance(10)

    doc = (await sb.client.get(f"/api/v1/medias/{media['id']}")).json()

    assert_conforms(doc, "MediaDocument")
    assert doc["data"]["attributes"]["has_fetch_error"] is True
    assert doc["data"]["attributes"]["is_processing"] is False
    assert doc["data"]["attributes"]["source_file_duration"] is None
    assert doc["data"]["relationships"] == {"clips": {"data": []}, "transcription": {"data": None}}
    clips = (await sb.client.get("/api/v1/clips")).json()["data"]
    assert clips == []


async def test_update_changes_name_and_description(sb: SandboxSession) -> None:
    media = await create_media(sb.client, name="old")
    url = f"/api/v1/medias/{media['id']}"

    response = await sb.client.put(url, json=body({"name": "new", "description": "about"}))

    assert response.status_code == 200
    doc = response.json()
    assert_conforms(doc, "MediaDocument")
    assert doc["data"]["attributes"]["name"] == "new"
    assert doc["data"]["attributes"]["description"] == "about"
    assert doc["links"]["self"] == f"{sb.base_url}{url}"
    assert (await sb.client.get(url)).json()["data"]["attributes"]["name"] == "new"


async def test_delete_removes_the_media_its_clips_and_transcription(
    sb: SandboxSession, clock: ManualClock
) -> None:
    media = await create_media(sb.client)
    clock.advance(10)
    assert sb.sandbox.clips and sb.sandbox.transcriptions

    response = await sb.client.delete(f"/api/v1/medias/{media['id']}")

    assert response.status_code == 204
    assert response.content == b""
    assert sb.sandbox.medias == {}
    assert sb.sandbox.clips == {}
    assert sb.sandbox.transcriptions == {}
    gone = await sb.client.get(f"/api/v1/medias/{media['id']}")
    assert gone.status_code == 404


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_unknown_ids_answer_the_api_404(sb: SandboxSession, method: str) -> None:
    response = await sb.client.request(
        method, "/api/v1/medias/no-such-id", json=body({"name": "x"})
    )

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


async def test_media_quota_answers_402_with_the_api_body(clock: ManualClock) -> None:

    async with with_sandbox(SandboxConfig(clock=clock, media_quota=1), background=False) as sb:
        await create_media(sb.client)
        response = await sb.client.post(
            "/api/v1/medias", json=body({"source_url": "https://ex.com/2.mp4"})
        )

    assert response.status_code == 402
    assert_conforms(response.json(), "ErrorResponse")
    assert response.json() == {
        "errors": [
            {
                "code": "exceeded_quota_count",
                "detail": "You have exceeded the monthly quota for number of medias. Please "
                "visit the Settings / Quota Usage page to see your usage and manage your account.",
                "source": {"pointer": ""},
                "status": "422",
                "title": "Unprocessable Entity",
            }
        ]
    }
