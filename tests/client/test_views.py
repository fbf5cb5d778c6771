"""The typed views check each attribute's documented type; a body that breaks it is refused.

A refused attribute is an APIResponseValidationError naming it, instead of a view whose
``is_processing`` is the string ``"false"`` (truthy) or whose ``duration`` is ``"98 s"``.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any

import pytest
import respx
from contentgroove import APIResponseValidationError, Clip, ContentGroove, Media

from .conftest import example

pytestmark = pytest.mark.anyio

MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
CLIP_ID = "32caa472-6a12-4a77-974a-52d1175502ab"


def media_document(examples: dict[str, Any], **attributes: Any) -> Any:
    document = copy.deepcopy(example(examples, "get_media"))
    document["data"]["attributes"].update(attributes)
    return document


def clip_document(examples: dict[str, Any], **attributes: Any) -> Any:
    document = copy.deepcopy(example(examples, "get_clip"))
    document["data"]["attributes"].update(attributes)
    return document


@pytest.mark.parametrize(
    ("attribute", "sent", "message"),
    [
        ("is_processing", "false", "is_processing: expected true or false, got 'false'"),
        ("has_fetch_error", 0, "has_fetch_error: expected true or false, got 0"),
        ("name", 12, "name: expected a string, got 12"),
        ("description", {"text": "x"}, "description: expected a string, got {'text': 'x'}"),
        ("created_at", "yesterday", "created_at: expected an ISO 8601 date-time, got 'yesterday'"),
        ("source_file_duration", "98 s", "source_file_duration: expected a finite number"),
        ("source_file_duration", "9.8e1", "source_file_duration: expected a finite number"),
        ("source_file_duration", True, "source_file_duration: expected a finite number, got True"),
        ("source_file_width", "12.5", "source_file_width: expected a whole number, got '12.5'"),
        ("source_file_height", 12.5, "source_file_height: expected a whole number, got 12.5"),
    ],
)
async def test_a_media_attribute_of_another_type_is_refused(
    cg: ContentGroove,
    api: respx.MockRouter,
    examples: dict[str, Any],
    attribute: str,
    sent: Any,
    message: str,
) -> None:
    body = media_document(examples, **{attribute: sent})
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=body)

    with pytest.raises(APIResponseValidationError) as caught:
        await cg.medias.get(MEDIA_ID)

    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("attribute", "sent", "message"),
    [
        ("rank", "first", "rank: expected a whole number, got 'first'"),
        ("start_time", [1], "start_time: expected a finite number, got [1]"),
        ("text", 3.5, "text: expected a string, got 3.5"),
        ("media_file_url", False, "media_file_url: expected a string, got False"),
    ],
)
async def test_a_clip_attribute_of_another_type_is_refused(
    cg: ContentGroove,
    api: respx.MockRouter,
    examples: dict[str, Any],
    attribute: str,
    sent: Any,
    message: str,
) -> None:
    api.get(f"/api/v1/clips/{CLIP_ID}").respond(json=clip_document(examples, **{attribute: sent}))

    with pytest.raises(APIResponseValidationError) as caught:
        await cg.clips.get(CLIP_ID)

    assert str(caught.value) == message


async def test_documented_types_missing_keys_and_nulls_are_accepted(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    body = media_document(
        examples,
        source_file_duration="98.865532",
        source_file_width=1280.0,
        source_file_height="720",
        name=None,
    )
    del body["data"]["attributes"]["description"]
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=body)

    media = await cg.medias.get(MEDIA_ID)

    assert isinstance(media, Media)
    assert (media.duration, media.width, media.height) == (98.865532, 1280, 720)
    assert type(media.width) is int and type(media.duration) is float
    assert media.name is None and media.description is None
    assert media.created_at == datetime.datetime(
        2022, 8, 17, 2, 13, 58, 431000, tzinfo=datetime.UTC
    )


async def test_a_relationship_without_a_resource_identifier_is_refused(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    body = clip_document(examples)
    body["data"]["relationships"]["media"]["data"] = "dde75ca2"
    api.get(f"/api/v1/clips/{CLIP_ID}").respond(json=body)

    with pytest.raises(APIResponseValidationError) as caught:
        await cg.clips.get(CLIP_ID)

    assert str(caught.value) == (
        "relationships.media.data: expected a resource identifier, got 'dde75ca2'"
    )


async def test_long_values_are_not_echoed_in_full(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.get(f"/api/v1/clips/{CLIP_ID}").respond(
        json=clip_document(examples, text=["word"] * 10_000)
    )

    with pytest.raises(APIResponseValidationError) as caught:
        await cg.clips.get(CLIP_ID)

    assert len(str(caught.value)) < 100


async def test_a_clip_view_of_the_documented_example(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.get(f"/api/v1/clips/{CLIP_ID}").respond(json=clip_document(examples))

    clip = await cg.clips.get(CLIP_ID)

    assert isinstance(clip, Clip)
    assert (clip.start_time, clip.end_time, clip.rank) == (1.0, 2.0, None)
    assert type(clip.start_time) is float
    assert clip.media_id == "dde75ca2-77ad-4dfa-b4f0-61ccff99a296"
