"""Every resource method sends the documented request and returns the flattened typed view.

Responses are the vendor's documented examples (tests/data/reference_examples.json).
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import httpx
import pytest
import respx
from contentgroove import (
    Clip,
    ContentGroove,
    DirectUpload,
    Media,
    WebhookSubscription,
    __version__,
)

from contentgroove_client.models.clip import Clip as GeneratedClip
from contentgroove_client.models.direct_upload import DirectUpload as GeneratedDirectUpload
from contentgroove_client.models.media import Media as GeneratedMedia
from contentgroove_client.models.webhook_subscription import (
    WebhookSubscription as GeneratedWebhookSubscription,
)

from .conftest import KEY, example

pytestmark = pytest.mark.anyio

MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
CLIP_ID = "32caa472-6a12-4a77-974a-52d1175502ab"
SUB_ID = "481f57a0-ecdf-42ec-9837-bc551eb6909b"
UTC = datetime.UTC


def sent(route: respx.Route) -> httpx.Request:
    """The one request a route received."""
    assert route.call_count == 1, f"expected one request, got {route.call_count}"
    return route.calls.last.request


def sent_json(route: respx.Route) -> Any:
    request = sent(route)
    assert request.headers["Content-Type"] == "application/json"
    return json.loads(request.content)


def assert_api_headers(request: httpx.Request) -> None:
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.headers["User-Agent"].startswith(f"contentgroove-python/{__version__} ")


# -- medias ----------------------------------------------------------------------------------


async def test_medias_get_flattens_the_document(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "get_media"))

    media = await cg.medias.get(MEDIA_ID)

    request = sent(route)
    assert request.method == "GET"
    assert request.url.query == b""
    assert request.content == b""
    assert_api_headers(request)
    assert isinstance(media, Media)
    assert media.id == MEDIA_ID
    assert media.name == "Chimp Into Space"
    assert media.external_id == "474"
    assert media.source_url == "https://archive.org/download/SF143/SF143_512kb.mp4"
    assert media.is_processing is True
    assert media.has_fetch_error is False
    assert media.is_processed is False
    assert media.created_at == datetime.datetime(2022, 8, 17, 2, 13, 58, 431000, tzinfo=UTC)
    assert media.source_created_at is None
    assert media.duration is None
    assert media.clip_ids == ()
    assert media.transcription_id is None
    assert isinstance(media.raw, GeneratedMedia)
    assert media.raw.id == MEDIA_ID


async def test_medias_list_sends_page_params_and_yields_medias(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/medias").respond(json=example(examples, "list_medias"))

    medias = await cg.medias.list().to_list()

    request = sent(route)
    assert dict(request.url.params) == {"page[number]": "1", "page[size]": "50"}
    assert_api_headers(request)
    assert [m.id for m in medias] == [MEDIA_ID]
    assert medias[0].external_id == "468"
    assert isinstance(medias[0], Media)


async def test_medias_list_sends_filters_and_sort(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/medias").respond(json=example(examples, "list_medias"))

    await cg.medias.list(
        filter={"name_cont": "chimp", "id_in": ["a", "b"], "is_processing_true": True},
        sort="-created_at",
        page_size=10,
    ).to_list()

    params = sent(route).url.params
    assert params["filter[name_cont]"] == "chimp"
    assert params.get_list("filter[id_in][]") == ["a", "b"]
    assert params["filter[is_processing_true]"] == "true"
    assert params["sort"] == "-created_at"
    assert params["page[number]"] == "1"
    assert params["page[size]"] == "10"


async def test_medias_create_from_source_url(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.post("/api/v1/medias").respond(json=example(examples, "create_media"))

    media = await cg.medias.create(
        source_url="https://videos.example.test/chimp.mp4", name="Chimp", description="Enos"
    )

    assert sent_json(route) == {
        "data": {
            "attributes": {
                "source_url": "https://videos.example.test/chimp.mp4",
                "name": "Chimp",
                "description": "Enos",
            }
        }
    }
    assert_api_headers(sent(route))
    assert media.id == "654599f2-d989-492b-ba66-19dc722e983c"
    assert media.is_processing is None
    assert media.name == ""


async def test_medias_create_from_upload_id_sends_only_that(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.post("/api/v1/medias").respond(json=example(examples, "create_media"))

    await cg.medias.create(upload_id="blob-1")

    assert sent_json(route) == {"data": {"attributes": {"upload_id": "blob-1"}}}


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"source_url": "https://v.example.test/a.mp4", "upload_id": "blob-1"}],
    ids=["neither", "both"],
)
async def test_medias_create_needs_exactly_one_source(
    cg: ContentGroove, api: respx.MockRouter, kwargs: dict[str, str]
) -> None:
    with pytest.raises(ValueError, match=r"exactly one of source_url= .* or upload_id="):
        await cg.medias.create(**kwargs)
    assert not api.calls


async def test_medias_create_from_url(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.post("/api/v1/medias").respond(json=example(examples, "create_media"))

    media = await cg.medias.create_from_url("https://v.example.test/a.mp4", name="A")

    assert sent_json(route) == {
        "data": {"attributes": {"source_url": "https://v.example.test/a.mp4", "name": "A"}}
    }
    assert isinstance(media, Media)


@pytest.mark.parametrize("url", ["ftp://v.example.test/a.mp4", "/tmp/a.mp4", "a.mp4"])
async def test_medias_create_from_url_refuses_non_http_urls(
    cg: ContentGroove, api: respx.MockRouter, url: str
) -> None:
    with pytest.raises(ValueError, match=r"absolute http\(s\) URL.*upload_file"):
        await cg.medias.create_from_url(url)
    assert not api.calls


async def test_medias_update(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.put(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "update_media"))

    media = await cg.medias.update(MEDIA_ID, description="testdescription")

    assert sent(route).method == "PUT"
    assert sent_json(route) == {"data": {"attributes": {"description": "testdescription"}}}
    assert media.description == "testdescription"
    assert media.external_id == "477"


async def test_medias_update_needs_a_change(cg: ContentGroove, api: respx.MockRouter) -> None:
    with pytest.raises(ValueError, match="at least one of name= or description="):
        await cg.medias.update(MEDIA_ID)
    assert not api.calls


async def test_medias_delete(cg: ContentGroove, api: respx.MockRouter) -> None:
    route = api.delete(f"/api/v1/medias/{MEDIA_ID}").respond(204)

    await cg.medias.delete(MEDIA_ID)

    assert sent(route).method == "DELETE"
    assert_api_headers(sent(route))


# -- clips -----------------------------------------------------------------------------------


async def test_clips_get(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get(f"/api/v1/clips/{CLIP_ID}").respond(json=example(examples, "get_clip"))

    clip = await cg.clips.get(CLIP_ID)

    assert_api_headers(sent(route))
    assert isinstance(clip, Clip)
    assert clip.id == CLIP_ID
    assert clip.media_id == "dde75ca2-77ad-4dfa-b4f0-61ccff99a296"
    assert clip.name == "Example Clip"
    assert (clip.start_time, clip.end_time) == (1.0, 2.0)
    assert (clip.start_char, clip.end_char) == (0, 0)
    assert clip.rank is None
    assert clip.is_processing is True
    assert clip.is_processed is False
    assert clip.file_url is None
    assert isinstance(clip.raw, GeneratedClip)


async def test_clips_list_by_media(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/clips").respond(json=example(examples, "list_clips"))

    clips = await cg.clips.list(filter={"media_id_eq": "dde75ca2"}, sort="name").to_list()

    assert dict(sent(route).url.params) == {
        "filter[media_id_eq]": "dde75ca2",
        "page[number]": "1",
        "page[size]": "50",
        "sort": "name",
    }
    assert [c.id for c in clips] == [CLIP_ID]
    assert clips[0].external_id == "150"


async def test_clips_create(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.post("/api/v1/clips").respond(json=example(examples, "create_clip"))

    clip = await cg.clips.create(
        media_id=MEDIA_ID, name="Example New Clip", start_time=1, end_time=2
    )

    assert sent_json(route) == {
        "data": {
            "attributes": {
                "media_id": MEDIA_ID,
                "name": "Example New Clip",
                "start_time": 1.0,
                "end_time": 2.0,
            }
        }
    }
    assert clip.name == "Example New Clip"
    assert clip.is_processing is None


async def test_clips_create_refuses_an_empty_range(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    with pytest.raises(ValueError, match=r"end_time \(1\.0\) must be greater than start_time"):
        await cg.clips.create(media_id=MEDIA_ID, name="c", start_time=2, end_time=1)
    with pytest.raises(ValueError, match="start_time must be a finite number"):
        await cg.clips.create(media_id=MEDIA_ID, name="c", start_time=-1, end_time=1)
    assert not api.calls


async def test_clips_update(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.put(f"/api/v1/clips/{CLIP_ID}").respond(json=example(examples, "update_clip"))

    clip = await cg.clips.update(CLIP_ID, name="Renamed", start_time=0.5)

    assert sent_json(route) == {"data": {"attributes": {"name": "Renamed", "start_time": 0.5}}}
    assert clip.id == CLIP_ID


async def test_clips_delete(cg: ContentGroove, api: respx.MockRouter) -> None:
    route = api.delete(f"/api/v1/clips/{CLIP_ID}").respond(204)

    await cg.clips.delete(CLIP_ID)
    assert sent(route).method == "DELETE"


# -- uploads ---------------------------------------------------------------------------------


async def test_uploads_create_reserves_a_presigned_url(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    body = example(examples, "create_direct_upload")
    route = api.get("/api/v1/direct_uploads").respond(json=body)

    upload = await cg.uploads.create()

    assert sent(route).method == "GET"
    assert_api_headers(sent(route))
    assert isinstance(upload, DirectUpload)
    assert upload.id == "71eeab42-c29b-4f14-a05c-c76dd80c39b7"
    assert upload.upload_id == body["data"]["attributes"]["upload_id"]
    assert upload.upload_url == body["data"]["attributes"]["upload_url"]
    assert "X-Amz-Signature" not in repr(upload)
    assert isinstance(upload.raw, GeneratedDirectUpload)


# -- webhook subscriptions -------------------------------------------------------------------


async def test_webhook_subscriptions_get(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get(f"/api/v1/webhook_subscriptions/{SUB_ID}").respond(
        json=example(examples, "get_webhook_subscription")
    )

    sub = await cg.webhook_subscriptions.get(SUB_ID)

    assert_api_headers(sent(route))
    assert isinstance(sub, WebhookSubscription)
    assert sub.id == SUB_ID
    assert sub.url == "https://webhook.site/cd4ca31b-6d7d-414a-a3e5-a3a3ca42b25e"
    assert sub.active is True
    assert sub.subscribed_events == ("*",)
    assert sub.created_at == datetime.datetime(2022, 10, 13, 19, 4, 7, 663000, tzinfo=UTC)
    assert isinstance(sub.raw, GeneratedWebhookSubscription)


async def test_webhook_subscriptions_list(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/webhook_subscriptions").respond(
        json=example(examples, "list_webhook_subscriptions")
    )

    subs = [s async for s in cg.webhook_subscriptions.list()]

    assert dict(sent(route).url.params) == {"page[number]": "1", "page[size]": "50"}
    assert [s.id for s in subs] == ["d07aedb6-53fc-4141-b10c-083896e54ce2"]


async def test_webhook_subscriptions_create(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.post("/api/v1/webhook_subscriptions").respond(
        json=example(examples, "create_webhook_subscription")
    )

    sub = await cg.webhook_subscriptions.create(
        url="https://example.com/contentgroove_webhooks/12345",
        subscribed_events=["media.processing_finished"],
    )

    assert sent_json(route) == {
        "data": {
            "attributes": {
                "url": "https://example.com/contentgroove_webhooks/12345",
                "subscribed_events": ["media.processing_finished"],
            }
        }
    }
    assert sub.id == "d812aaec-55e8-47b8-a9b6-3905082a53fb"
    assert sub.url == "https://example.com/contentgroove_webhooks/12345"


async def test_webhook_subscriptions_create_without_events_subscribes_to_all(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.post("/api/v1/webhook_subscriptions").respond(
        json=example(examples, "create_webhook_subscription")
    )

    await cg.webhook_subscriptions.create(url="https://hooks.example.test/cg")

    assert sent_json(route) == {"data": {"attributes": {"url": "https://hooks.example.test/cg"}}}


async def test_webhook_subscriptions_ensure_finds_an_existing_subscription(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    listed = example(examples, "list_webhook_subscriptions")
    api.get("/api/v1/webhook_subscriptions").respond(json=listed)
    create = api.post("/api/v1/webhook_subscriptions")

    sub = await cg.webhook_subscriptions.ensure(listed["data"][0]["attributes"]["url"])

    assert sub.id == "d07aedb6-53fc-4141-b10c-083896e54ce2"
    assert not create.called


async def test_webhook_subscriptions_ensure_creates_a_missing_subscription(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.get("/api/v1/webhook_subscriptions").respond(
        json=example(examples, "list_webhook_subscriptions")
    )
    create = api.post("/api/v1/webhook_subscriptions").respond(
        json=example(examples, "create_webhook_subscription")
    )

    sub = await cg.webhook_subscriptions.ensure("https://example.com/contentgroove_webhooks/12345")

    assert sent_json(create) == {
        "data": {
            "attributes": {
                "url": "https://example.com/contentgroove_webhooks/12345",
                "subscribed_events": ["media.processing_finished"],
            }
        }
    }
    assert sub.id == "d812aaec-55e8-47b8-a9b6-3905082a53fb"


async def test_webhook_subscriptions_delete(cg: ContentGroove, api: respx.MockRouter) -> None:
    route = api.delete(f"/api/v1/webhook_subscriptions/{SUB_ID}").respond(204)

    await cg.webhook_subscriptions.delete(SUB_ID)
    assert sent(route).method == "DELETE"


@pytest.mark.parametrize("url", ["hooks.example.test/cg", "ftp://hooks.example.test/cg"])
async def test_webhook_subscriptions_refuse_non_http_urls(
    cg: ContentGroove, api: respx.MockRouter, url: str
) -> None:
    with pytest.raises(ValueError, match=r"absolute http\(s\) URL"):
        await cg.webhook_subscriptions.create(url=url)
    assert not api.calls
