"""The generated client sends exactly the documented requests and types every documented response.

Each of the 15 operations is called through ``contentgroove_client.api.<tag>.<operation>`` against
respx. The responses are the vendor's own examples (tests/data/reference_examples.json), quirks
included: numbers sent as strings, nulls, keys left out.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

import contentgroove_client
from contentgroove_client.api.clips import (
    create_clip,
    delete_clip,
    get_clip,
    list_clips,
    update_clip,
)
from contentgroove_client.api.direct_uploads import create_direct_upload
from contentgroove_client.api.medias import (
    create_media,
    delete_media,
    get_media,
    list_medias,
    update_media,
)
from contentgroove_client.api.webhook_subscriptions import (
    create_webhook_subscription,
    delete_webhook_subscription,
    get_webhook_subscription,
    list_webhook_subscriptions,
)
from contentgroove_client.models import (
    Clip,
    ClipAttributes,
    ClipCreateAttributes,
    ClipCreateData,
    ClipCreateRequest,
    ClipDocument,
    ClipListDocument,
    ClipUpdateAttributes,
    ClipUpdateData,
    ClipUpdateRequest,
    DirectUploadDocument,
    ErrorResponse,
    ListFilter,
    MediaCreateAttributes,
    MediaCreateData,
    MediaCreateRequest,
    MediaDocument,
    MediaListDocument,
    MediaProcessingFinishedEvent,
    MediaUpdateAttributes,
    MediaUpdateData,
    MediaUpdateRequest,
    PageParams,
    Transcription,
    WebhookSubscriptionCreateAttributes,
    WebhookSubscriptionCreateData,
    WebhookSubscriptionCreateRequest,
    WebhookSubscriptionDocument,
    WebhookSubscriptionListDocument,
)
from contentgroove_client.types import Response, Unset
from tests._typed import assert_well_typed, model_problems

BASE_URL = "https://api.contentgroove.test"
AUTHORIZATION = "Bearer test-key"
REFERENCE = json.loads((Path(__file__).parent / "data" / "reference_examples.json").read_text())

pytestmark = pytest.mark.anyio


def _filter(**values: str | list[str]) -> ListFilter:
    result = ListFilter()
    for key, value in values.items():
        result[key] = value
    return result


# --- what each operation must send ---------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    """One call of an operation and the exact request it must produce."""

    call: Callable[[contentgroove_client.Client], Awaitable[Response[Any]]]
    method: str
    raw_path: bytes  # path and query string, byte for byte
    json_body: Any = None
    model: type | None = None  # what the 2xx response parses into (None: no body)


LIST_QUERY = b"filter%5Bname_eq%5D=x&page%5Bnumber%5D=2&page%5Bsize%5D=50"

OPERATIONS: dict[str, Operation] = {
    "list_medias": Operation(
        lambda c: list_medias.asyncio_detailed(
            client=c,
            filter_=_filter(name_eq="x"),
            page=PageParams(number=2, size=50),
            sort="-created_at",
        ),
        "GET",
        b"/api/v1/medias?" + LIST_QUERY + b"&sort=-created_at",
        model=MediaListDocument,
    ),
    "create_media": Operation(
        lambda c: create_media.asyncio_detailed(
            client=c,
            body=MediaCreateRequest(
                data=MediaCreateData(
                    attributes=MediaCreateAttributes(
                        name="Chimp Into Space",
                        description="Enos in orbit",
                        source_url="https://archive.org/download/SF143/SF143_512kb.mp4",
                    )
                )
            ),
        ),
        "POST",
        b"/api/v1/medias",
        {
            "data": {
                "attributes": {
                    "name": "Chimp Into Space",
                    "description": "Enos in orbit",
                    "source_url": "https://archive.org/download/SF143/SF143_512kb.mp4",
                }
            }
        },
        model=MediaDocument,
    ),
    "get_media": Operation(
        lambda c: get_media.asyncio_detailed("a/b", client=c),
        "GET",
        b"/api/v1/medias/a%2Fb",
        model=MediaDocument,
    ),
    "update_media": Operation(
        lambda c: update_media.asyncio_detailed(
            "a/b",
            client=c,
            body=MediaUpdateRequest(
                data=MediaUpdateData(
                    attributes=MediaUpdateAttributes(name="New name", description="New text")
                )
            ),
        ),
        "PUT",
        b"/api/v1/medias/a%2Fb",
        {"data": {"attributes": {"name": "New name", "description": "New text"}}},
        model=MediaDocument,
    ),
    "delete_media": Operation(
        lambda c: delete_media.asyncio_detailed("a/b", client=c),
        "DELETE",
        b"/api/v1/medias/a%2Fb",
    ),
    "list_clips": Operation(
        lambda c: list_clips.asyncio_detailed(
            client=c,
            filter_=_filter(name_eq="x"),
            page=PageParams(number=2, size=50),
            sort="name",
        ),
        "GET",
        b"/api/v1/clips?" + LIST_QUERY + b"&sort=name",
        model=ClipListDocument,
    ),
    "create_clip": Operation(
        lambda c: create_clip.asyncio_detailed(
            client=c,
            body=ClipCreateRequest(
                data=ClipCreateData(
                    attributes=ClipCreateAttributes(
                        media_id="dde75ca2-77ad-4dfa-b4f0-61ccff99a296",
                        name="Example New Clip",
                        start_time=10.1,
                        end_time=12.3,
                    )
                )
            ),
        ),
        "POST",
        b"/api/v1/clips",
        {
            "data": {
                "attributes": {
                    "media_id": "dde75ca2-77ad-4dfa-b4f0-61ccff99a296",
                    "name": "Example New Clip",
                    "start_time": 10.1,
                    "end_time": 12.3,
                }
            }
        },
        model=ClipDocument,
    ),
    "get_clip": Operation(
        lambda c: get_clip.asyncio_detailed("a/b", client=c),
        "GET",
        b"/api/v1/clips/a%2Fb",
        model=ClipDocument,
    ),
    "update_clip": Operation(
        lambda c: update_clip.asyncio_detailed(
            "a/b",
            client=c,
            body=ClipUpdateRequest(
                data=ClipUpdateData(
                    attributes=ClipUpdateAttributes(name="Renamed", start_time=1, end_time=2.5)
                )
            ),
        ),
        "PUT",
        b"/api/v1/clips/a%2Fb",
        {"data": {"attributes": {"name": "Renamed", "start_time": 1, "end_time": 2.5}}},
        model=ClipDocument,
    ),
    "delete_clip": Operation(
        lambda c: delete_clip.asyncio_detailed("a/b", client=c),
        "DELETE",
        b"/api/v1/clips/a%2Fb",
    ),
    "create_direct_upload": Operation(
        lambda c: create_direct_upload.asyncio_detailed(client=c),
        "GET",
        b"/api/v1/direct_uploads",
        model=DirectUploadDocument,
    ),
    "list_webhook_subscriptions": Operation(
        lambda c: list_webhook_subscriptions.asyncio_detailed(
            client=c,
            filter_=_filter(name_eq="x"),
            page=PageParams(number=2, size=50),
            sort="-name",
        ),
        "GET",
        b"/api/v1/webhook_subscriptions?" + LIST_QUERY + b"&sort=-name",
        model=WebhookSubscriptionListDocument,
    ),
    "create_webhook_subscription": Operation(
        lambda c: create_webhook_subscription.asyncio_detailed(
            client=c,
            body=WebhookSubscriptionCreateRequest(
                data=WebhookSubscriptionCreateData(
                    attributes=WebhookSubscriptionCreateAttributes(
                        url="https://example.com/contentgroove_webhooks/12345",
                        subscribed_events=["media.processing_finished"],
                    )
                )
            ),
        ),
        "POST",
        b"/api/v1/webhook_subscriptions",
        {
            "data": {
                "attributes": {
                    "url": "https://example.com/contentgroove_webhooks/12345",
                    "subscribed_events": ["media.processing_finished"],
                }
            }
        },
        model=WebhookSubscriptionDocument,
    ),
    "get_webhook_subscription": Operation(
        lambda c: get_webhook_subscription.asyncio_detailed("a/b", client=c),
        "GET",
        b"/api/v1/webhook_subscriptions/a%2Fb",
        model=WebhookSubscriptionDocument,
    ),
    "delete_webhook_subscription": Operation(
        lambda c: delete_webhook_subscription.asyncio_detailed("a/b", client=c),
        "DELETE",
        b"/api/v1/webhook_subscriptions/a%2Fb",
    ),
}


def test_the_table_covers_every_operation_of_the_reference_spec() -> None:
    assert sorted(OPERATIONS) == sorted(REFERENCE["operations"])
    assert len(OPERATIONS) == 15
    for name, op in OPERATIONS.items():
        reference = REFERENCE["operations"][name]
        assert (op.method, op.raw_path.split(b"?")[0].decode()) == (
            reference["method"],
            reference["path"].replace("{id}", "a%2Fb"),
        )


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False, assert_all_mocked=True) as router:
        yield router


async def _call(op: Operation, api: respx.MockRouter, status: int, body: Any) -> Response[Any]:
    route = api.route().mock(
        return_value=httpx.Response(status) if body is None else httpx.Response(status, json=body)
    )
    async with contentgroove_client.Client(
        base_url=BASE_URL, headers={"Authorization": AUTHORIZATION}
    ) as client:
        response = await op.call(client)
    assert route.call_count == 1
    return response


def _success(name: str) -> tuple[int, Any]:
    (status, body), *_ = (
        (int(code), body)
        for code, body in REFERENCE["operations"][name]["responses"].items()
        if code.startswith("2")
    )
    return status, body


# --- requests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", OPERATIONS)
async def test_request_is_exactly_the_documented_one(name: str, api: respx.MockRouter) -> None:
    op = OPERATIONS[name]

    await _call(op, api, *_success(name))

    request = api.calls.last.request
    assert request.method == op.method
    assert (request.url.scheme, request.url.host) == ("https", "api.contentgroove.test")
    assert request.url.raw_path == op.raw_path
    assert request.headers["Authorization"] == AUTHORIZATION
    if op.json_body is None:
        assert request.content == b""
        assert "Content-Type" not in request.headers
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == op.json_body


@pytest.mark.parametrize(
    ("call", "raw_path"),
    [
        (lambda c: list_medias.asyncio_detailed(client=c), b"/api/v1/medias"),
        (
            lambda c: list_clips.asyncio_detailed(client=c, page=PageParams(number=3)),
            b"/api/v1/clips?page%5Bnumber%5D=3",
        ),
        (
            # Spaces become "+", brackets and slashes are escaped; a list value repeats its key.
            lambda c: list_medias.asyncio_detailed(
                client=c,
                filter_=_filter(name_eq="chimp into space", id_in=["a/1", "b"]),
            ),
            b"/api/v1/medias?filter%5Bname_eq%5D=chimp+into+space"
            b"&filter%5Bid_in%5D%5B%5D=a%2F1&filter%5Bid_in%5D%5B%5D=b",
        ),
        (
            lambda c: list_webhook_subscriptions.asyncio_detailed(client=c, sort="created_at"),
            b"/api/v1/webhook_subscriptions?sort=created_at",
        ),
    ],
    ids=["no-parameters", "page-number-only", "filter-escaping-and-lists", "sort-only"],
)
async def test_list_query_strings(
    call: Callable[[contentgroove_client.Client], Awaitable[Response[Any]]],
    raw_path: bytes,
    api: respx.MockRouter,
) -> None:
    await _call(Operation(call, "GET", raw_path), api, 200, {"data": []})

    assert api.calls.last.request.url.raw_path == raw_path


async def test_unset_attributes_are_left_out_of_the_body_not_sent_as_null(
    api: respx.MockRouter,
) -> None:
    op = Operation(
        lambda c: create_media.asyncio_detailed(
            client=c,
            body=MediaCreateRequest(
                data=MediaCreateData(attributes=MediaCreateAttributes(upload_id="ey399"))
            ),
        ),
        "POST",
        b"/api/v1/medias",
    )

    await _call(op, api, *_success("create_media"))

    assert json.loads(api.calls.last.request.content) == {
        "data": {"attributes": {"upload_id": "ey399"}}
    }


# --- responses -----------------------------------------------------------------------------------

DATETIME = datetime.datetime

MEDIA_ATTRIBUTES: dict[str, type] = {
    "created_at": DATETIME,
    "description": str,
    "external_id": str,
    "has_fetch_error": bool,
    "is_processing": bool,
    "name": str,
    "original_created_at": DATETIME,
    "processing_started_at": DATETIME,
    "source_created_at": DATETIME,
    "source_file_content_type": str,
    "source_file_duration": float,
    "source_file_height": int,
    "source_file_preview_image_url": str,
    "source_file_width": int,
    "source_url": str,
}
CLIP_ATTRIBUTES: dict[str, type] = {
    "created_at": DATETIME,
    "end_char": int,
    "end_time": float,
    "external_id": str,
    "is_processing": bool,
    "media_file_content_type": str,
    "media_file_duration": float,
    "media_file_height": int,
    "media_file_preview_image_url": str,
    "media_file_url": str,
    "media_file_width": int,
    "name": str,
    "processing_started_at": DATETIME,
    "rank": int,
    "start_char": int,
    "start_time": float,
    "text": str,
}
TRANSCRIPTION_ATTRIBUTES: dict[str, type] = {"text": str}
DIRECT_UPLOAD_ATTRIBUTES: dict[str, type] = {"upload_id": str, "upload_url": str}
WEBHOOK_SUBSCRIPTION_ATTRIBUTES: dict[str, type] = {
    "active": bool,
    "created_at": DATETIME,
    "subscribed_events": list,
    "updated_at": DATETIME,
    "url": str,
}
RESOURCE_ATTRIBUTES = {
    "medias": MEDIA_ATTRIBUTES,
    "clips": CLIP_ATTRIBUTES,
    "transcriptions": TRANSCRIPTION_ATTRIBUTES,
    "direct_upload_blobs": DIRECT_UPLOAD_ATTRIBUTES,
    "webhook_subscriptions": WEBHOOK_SUBSCRIPTION_ATTRIBUTES,
}
ERROR_FIELDS: dict[str, type] = {
    "message": str,
    "code": str,
    "status": str,
    "title": str,
    "detail": str,
}


def _expected(raw: Any, kind: type) -> Any:
    if kind is DATETIME:
        return datetime.datetime.fromisoformat(raw)
    if kind is float:
        return float(raw)  # "98.865532" -> 98.865532
    if kind is int:
        return int(raw)  # "1303" -> 1303
    return raw


def _attribute(model: Any, key: str) -> Any:
    """The attribute holding JSON key ``key`` (Python names get a trailing underscore)."""
    return getattr(model, f"{key}_" if key in ("self", "type", "next") else key)


def assert_typed(model: Any, example: Mapping[str, Any], fields: Mapping[str, type]) -> None:
    """Every key of ``example`` became a typed attribute; missing keys are Unset, nulls None."""
    for name, kind in fields.items():
        value = _attribute(model, name)
        if name not in example:
            assert isinstance(value, Unset), f"{name}: {value!r} for a missing key"
        elif example[name] is None:
            assert value is None, f"{name}: {value!r} for null"
        else:
            assert type(value) is kind, f"{name}: {value!r} is not a {kind.__name__}"
            assert value == _expected(example[name], kind), name
            if kind is DATETIME:
                assert value.utcoffset() == datetime.timedelta(0), name
    assert model.additional_properties == {}, "keys without a typed attribute"
    assert set(example) <= set(fields), f"untested keys {set(example) - set(fields)}"


def assert_identifier(model: Any, example: Mapping[str, Any] | None) -> None:
    if example is None:
        assert model is None
    else:
        assert (model.id, model.type_) == (example["id"], example["type"])


def assert_relationships(model: Any, example: Mapping[str, Any] | None) -> None:
    if example is None:
        assert isinstance(model, Unset)
        return
    for name, relation in example.items():
        value = getattr(model, name)
        data = relation.get("data", "missing")
        if isinstance(data, list):
            assert len(value.data) == len(data)
            for item, item_example in zip(value.data, data, strict=True):
                assert_identifier(item, item_example)
        else:
            assert_identifier(value.data, data)
    assert model.additional_properties == {}


def assert_resource(model: Any, example: Mapping[str, Any]) -> None:
    assert model.id == example["id"]
    assert model.type_ == example["type"]
    assert_typed(model.attributes, example["attributes"], RESOURCE_ATTRIBUTES[example["type"]])
    if hasattr(model, "relationships"):
        assert_relationships(model.relationships, example.get("relationships"))


def assert_links(model: Any, example: Mapping[str, Any] | None) -> None:
    if example is None:
        assert isinstance(model, Unset)
        return
    assert_typed(model, example, dict.fromkeys(("self", "current", "next"), str))


def assert_error_response(model: Any, example: Mapping[str, Any]) -> None:
    assert isinstance(model, ErrorResponse)
    assert len(model.errors) == len(example["errors"])
    for error, error_example in zip(model.errors, example["errors"], strict=True):
        assert_typed(error, {k: v for k, v in error_example.items() if k != "source"}, ERROR_FIELDS)
        if "source" not in error_example:
            assert isinstance(error.source, Unset)
        elif error_example["source"] is None:
            assert error.source is None
        else:
            assert error.source.pointer == error_example["source"]["pointer"]


DOCUMENTED_RESPONSES = [
    pytest.param(name, int(code), body, id=f"{name}-{code}")
    for name, reference in REFERENCE["operations"].items()
    for code, body in reference["responses"].items()
]


@pytest.mark.parametrize(("name", "status", "body"), DOCUMENTED_RESPONSES)
async def test_documented_response_parses_into_its_type(
    name: str, status: int, body: Any, api: respx.MockRouter
) -> None:
    op = OPERATIONS[name]

    response = await _call(op, api, status, body)

    assert response.status_code == HTTPStatus(status)
    parsed = response.parsed
    if parsed is not None:
        assert_well_typed(parsed)
    if status >= 400:
        assert_error_response(parsed, body)
    elif body is None:
        assert status == 204
        assert parsed is None
    else:
        assert op.model is not None
        assert isinstance(parsed, op.model)
        if isinstance(body["data"], list):
            assert len(parsed.data) == len(body["data"])
            for resource, example in zip(parsed.data, body["data"], strict=True):
                assert_resource(resource, example)
        else:
            assert_resource(parsed.data, body["data"])
        assert_links(parsed.links, body.get("links"))
        assert parsed.additional_properties == {}


async def test_list_example_leaves_the_transcription_relationship_unset(
    api: respx.MockRouter,
) -> None:
    response = await _call(OPERATIONS["list_medias"], api, *_success("list_medias"))

    media = response.parsed.data[0]
    assert media.relationships.clips.data == []
    assert isinstance(media.relationships.transcription, Unset)
    assert media.attributes.source_file_duration is None


async def test_media_example_has_a_null_transcription_and_typed_dates(
    api: respx.MockRouter,
) -> None:
    response = await _call(OPERATIONS["get_media"], api, *_success("get_media"))

    media = response.parsed.data
    assert media.relationships.transcription.data is None
    assert media.attributes.created_at == datetime.datetime(
        2022, 8, 17, 2, 13, 58, 431000, tzinfo=datetime.UTC
    )
    assert media.attributes.is_processing is True


async def test_quota_error_keeps_code_and_empty_pointer(api: respx.MockRouter) -> None:
    body = REFERENCE["operations"]["create_clip"]["responses"]["402"]

    response = await _call(OPERATIONS["create_clip"], api, 402, body)

    error = response.parsed.errors[0]
    assert (error.code, error.status, error.source.pointer) == ("exceeded_quota_count", "422", "")
    assert isinstance(error.message, Unset)


# --- the webhook body ----------------------------------------------------------------------------


def test_processing_finished_webhook_parses_with_its_quirks() -> None:
    body = REFERENCE["callbacks"]["media.processing_finished"]

    event = MediaProcessingFinishedEvent.from_dict(body)
    assert_well_typed(event)

    assert event.event == "media.processing_finished"
    media = event.payload.data
    assert_typed(media.attributes, body["payload"]["data"]["attributes"], MEDIA_ATTRIBUTES)
    assert media.attributes.source_file_duration == 98.865532  # sent as "98.865532"
    assert media.attributes.source_file_height == 280
    # The transcription link sits beside relationships, not inside it.
    assert media.transcription.data.type_ == "transcriptions"
    assert isinstance(media.relationships.transcription, Unset)
    assert [c.id for c in media.relationships.clips.data] == [body["payload"]["included"][0]["id"]]

    clip, transcription = event.payload.included
    assert isinstance(clip, Clip)
    assert_resource(clip, body["payload"]["included"][0])
    assert (clip.attributes.end_char, clip.attributes.start_char) == (1303, 737)  # "1303"
    assert (clip.attributes.start_time, clip.attributes.end_time) == (57.71, 96.63)
    assert clip.attributes.rank == 0
    assert isinstance(clip.attributes.is_processing, Unset)
    assert clip.relationships.media.data.id == media.id

    assert isinstance(transcription, Transcription)
    assert_resource(transcription, body["payload"]["included"][1])
    assert transcription.id == media.transcription.data.id
    assert transcription.relationships.additional_properties == {}


def test_the_deep_type_check_names_a_value_its_parser_left_unconverted() -> None:
    # A boolean is neither a number nor a numeric string: the parser hands it through as is.
    attributes = ClipAttributes.from_dict({"end_time": True, "name": "ok"})

    assert model_problems(attributes) == [
        "end_time: True matches none of float | None | str | contentgroove_client.types.Unset"
    ]
