"""Bad requests answer 400 with an ErrorResponse that says what is wrong and where."""

from __future__ import annotations

from typing import Any

import pytest
from contentgroove.sandbox import SandboxSession

from ._helpers import body, create_media
from ._spec import assert_conforms

pytestmark = pytest.mark.anyio


def only_error(response: Any) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    doc = response.json()
    assert_conforms(doc, "ErrorResponse")
    [error] = doc["errors"]
    assert error["status"] == "400"
    assert error["title"] == "Bad Request"
    return dict(error)


WRITES = [
    ("POST", "/api/v1/medias"),
    ("POST", "/api/v1/clips"),
    ("POST", "/api/v1/webhook_subscriptions"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
async def test_a_body_without_content_type_is_rejected(
    sb: SandboxSession, method: str, path: str
) -> None:
    response = await sb.client.request(method, path, content=b'{"data": {"attributes": {}}}')

    assert "Content-Type" in only_error(response)["detail"]


@pytest.mark.parametrize(("method", "path"), WRITES)
async def test_a_non_json_content_type_is_rejected(
    sb: SandboxSession, method: str, path: str
) -> None:
    response = await sb.client.request(
        method,
        path,
        content=b"name=x",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert "not JSON" in only_error(response)["detail"]


@pytest.mark.parametrize(("method", "path"), WRITES)
async def test_unparseable_json_is_rejected(sb: SandboxSession, method: str, path: str) -> None:
    response = await sb.client.request(
        method, path, content=b'{"data": ', headers={"Content-Type": "application/json"}
    )

    assert "could not be parsed as JSON" in only_error(response)["detail"]


async def test_updates_need_json_too(sb: SandboxSession) -> None:
    media = await create_media(sb.client)

    response = await sb.client.put(f"/api/v1/medias/{media['id']}", content=b"{}")

    assert "Content-Type" in only_error(response)["detail"]


@pytest.mark.parametrize(
    ("document", "pointer"),
    [
        ([], ""),
        ({}, "/data"),
        ({"data": []}, "/data"),
        ({"data": {}}, "/data/attributes"),
        ({"data": {"attributes": "x"}}, "/data/attributes"),
    ],
)
async def test_the_document_must_hold_data_attributes(
    sb: SandboxSession, document: Any, pointer: str
) -> None:
    response = await sb.client.post("/api/v1/medias", json=document)

    assert only_error(response)["source"] == {"pointer": pointer}


async def test_charset_and_json_api_media_types_are_json(sb: SandboxSession) -> None:
    for content_type in ("application/json; charset=utf-8", "application/vnd.api+json"):
        response = await sb.client.post(
            "/api/v1/medias",
            content=b'{"data": {"attributes": {"source_url": "https://ex.com/a.mp4"}}}',
            headers={"Content-Type": content_type},
        )
        assert response.status_code == 200, content_type


@pytest.mark.parametrize(
    ("attributes", "pointer"),
    [
        ({}, "/data/attributes"),
        ({"name": "x"}, "/data/attributes"),
        ({"source_url": ""}, "/data/attributes"),
        ({"source_url": "https://ex.com/a.mp4", "upload_id": "u"}, "/data/attributes/source_url"),
        ({"source_url": 5}, "/data/attributes/source_url"),
        ({"source_url": "https://ex.com/a.mp4", "name": None}, "/data/attributes/name"),
        ({"upload_id": ["u"]}, "/data/attributes/upload_id"),
    ],
)
async def test_media_create_needs_exactly_one_source(
    sb: SandboxSession, attributes: dict[str, Any], pointer: str
) -> None:
    response = await sb.client.post("/api/v1/medias", json=body(attributes))

    assert only_error(response)["source"] == {"pointer": pointer}


async def test_unknown_upload_id_is_rejected(sb: SandboxSession) -> None:
    response = await sb.client.post("/api/v1/medias", json=body({"upload_id": "nope"}))

    error = only_error(response)
    assert error["source"] == {"pointer": "/data/attributes/upload_id"}
    assert "direct_uploads" in error["detail"]


@pytest.mark.parametrize("missing", ["name", "media_id", "start_time", "end_time"])
async def test_clip_create_requires_its_four_attributes(sb: SandboxSession, missing: str) -> None:
    media = await create_media(sb.client)
    attributes = {"name": "c", "media_id": media["id"], "start_time": 1, "end_time": 2}
    del attributes[missing]

    response = await sb.client.post("/api/v1/clips", json=body(attributes))

    error = only_error(response)
    assert error["source"] == {"pointer": f"/data/attributes/{missing}"}
    assert missing in error["detail"] and "required" in error["detail"]


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        ({"start_time": "1"}, "/data/attributes/start_time"),
        ({"end_time": True}, "/data/attributes/end_time"),
        ({"name": 3}, "/data/attributes/name"),
        ({"media_id": "not-a-media"}, "/data/attributes/media_id"),
        ({"start_time": -1}, "/data/attributes/start_time"),
        ({"start_time": 5, "end_time": 5}, "/data/attributes/end_time"),
    ],
)
async def test_clip_create_checks_types_and_times(
    sb: SandboxSession, change: dict[str, Any], pointer: str
) -> None:
    media = await create_media(sb.client)
    attributes = {"name": "c", "media_id": media["id"], "start_time": 1, "end_time": 2, **change}

    response = await sb.client.post("/api/v1/clips", json=body(attributes))

    assert only_error(response)["source"] == {"pointer": pointer}


@pytest.mark.parametrize(
    ("attributes", "pointer"),
    [
        ({}, "/data/attributes/url"),
        ({"url": "not a url"}, "/data/attributes/url"),
        ({"url": "ftp://ex.com/hook"}, "/data/attributes/url"),
        (
            {"url": "https://ex.com/hook", "subscribed_events": "*"},
            "/data/attributes/subscribed_events",
        ),
    ],
)
async def test_subscription_create_needs_an_http_url(
    sb: SandboxSession, attributes: dict[str, Any], pointer: str
) -> None:
    response = await sb.client.post("/api/v1/webhook_subscriptions", json=body(attributes))

    assert only_error(response)["source"] == {"pointer": pointer}


async def test_undefined_methods_answer_405_with_allow(sb: SandboxSession) -> None:
    response = await sb.client.patch("/api/v1/medias", json=body({}))

    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert_conforms(response.json(), "ErrorResponse")


async def test_unknown_paths_answer_the_api_404(sb: SandboxSession) -> None:
    response = await sb.client.get("/api/v1/nothing-here")

    assert response.status_code == 404
    assert response.json()["errors"][0]["title"] == "Not Found"
