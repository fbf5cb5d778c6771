"""parse_event: a ContentGroove delivery becomes typed events, with the wire's quirks tolerated."""

from __future__ import annotations

import datetime
import json
from typing import Any

import attrs
import contentgroove
import pytest
from contentgroove._exceptions import ContentGrooveError
from contentgroove._models import Clip, Media, Transcription
from contentgroove.webhooks import (
    MEDIA_PROCESSING_FINISHED,
    MediaProcessingFinished,
    UnknownEvent,
    WebhookPayloadError,
    parse_event,
)
from contentgroove.webhooks._validate import (
    CLIP_ATTRIBUTES,
    MEDIA_ATTRIBUTES,
    TRANSCRIPTION_ATTRIBUTES,
)

from contentgroove_client.models.clip_attributes import ClipAttributes
from contentgroove_client.models.media_attributes import MediaAttributes
from contentgroove_client.models.media_processing_finished_event import (
    MediaProcessingFinishedEvent,
)
from contentgroove_client.models.transcription_attributes import TranscriptionAttributes

from .conftest import MEDIA_ID, REFERENCE, REFERENCE_BODY, body_of, reference

LAUNCH, ORBIT, BY_HAND = (
    "0b6e1f0e-4a5c-4d8e-9a43-1c2f3e4d5a6b",
    "32caa472-6a12-4a77-974a-52d1175502ab",
    "a5d24ac9-86bc-46a9-b188-6dfff81c838c",
)


def parse(document: Any) -> Any:
    return parse_event(body_of(document))


def test_reference_delivery_parses_into_typed_views() -> None:
    event = parse_event(REFERENCE_BODY, {"Content-Type": "application/json"})

    assert isinstance(event, MediaProcessingFinished)
    assert event.event == MEDIA_PROCESSING_FINISHED == "media.processing_finished"
    media = event.media
    assert isinstance(media, Media) and media is not None
    assert media.id == MEDIA_ID
    assert media.name == "Chimp Into Space"
    assert media.description is None  # null where a string is declared
    assert media.duration == 98.865532 and isinstance(media.duration, float)  # from "98.865532"
    assert (media.width, media.height) == (480, 360)  # height came as "360"
    assert media.is_processing is False and media.is_processed
    assert media.processing_started_at == datetime.datetime(
        2022, 8, 17, 2, 13, 58, 425000, tzinfo=datetime.UTC
    )
    assert media.transcription_id == "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"  # beside relationships
    assert event.raw == REFERENCE


def test_clips_come_in_rank_order_with_unranked_clips_last() -> None:
    event = parse_event(REFERENCE_BODY)

    assert isinstance(event, MediaProcessingFinished)
    assert [c.id for c in event.clips] == [LAUNCH, ORBIT, BY_HAND]
    assert [c.rank for c in event.clips] == [0, 2, None]
    assert all(isinstance(c, Clip) for c in event.clips)
    launch = event.clips[0]
    assert (launch.start_time, launch.end_time, launch.duration) == (0.0, 11.75, 11.75)
    assert (launch.width, launch.height) == (480, 360)
    assert launch.media_id == MEDIA_ID
    assert event.clips[2].media_id is None  # its media relationship was sent as {}


def test_transcription_text_is_resolved_from_included() -> None:
    event = parse_event(REFERENCE_BODY)

    assert isinstance(event, MediaProcessingFinished)
    assert isinstance(event.transcription, Transcription)
    assert event.transcription.text is not None
    assert event.transcription.text.startswith("Enos was the second chimpanzee")


def test_views_are_built_from_the_generated_models() -> None:
    event = parse_event(REFERENCE_BODY)

    assert isinstance(event, MediaProcessingFinished)
    generated = MediaProcessingFinishedEvent.from_dict(REFERENCE)
    assert event.media.raw.to_dict() == generated.payload.data.to_dict()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.media = event.media  # type: ignore[misc]


def test_media_view_is_the_public_one() -> None:
    event = parse_event(REFERENCE_BODY)

    assert isinstance(event, MediaProcessingFinished)
    assert type(event.media).__module__ == Media.__module__
    assert contentgroove.webhooks.MediaProcessingFinished is MediaProcessingFinished


def test_missing_optional_keys_and_nulls_are_none() -> None:
    doc = reference()
    data = doc["payload"]["data"]
    data["attributes"] = {"name": None}
    del data["relationships"]
    del data["transcription"]
    del doc["payload"]["included"]

    event = parse(doc)

    assert isinstance(event, MediaProcessingFinished)
    assert event.media.name is None and event.media.duration is None
    assert event.media.is_processing is None and event.media.has_fetch_error is False
    assert event.clips == () and event.transcription is None


@pytest.mark.parametrize(
    "where",
    ["relationships", "transcription", "included", "clips", "clips.data", "included.relationships"],
)
def test_null_optional_objects_count_as_missing(where: str) -> None:
    doc = reference()
    data = doc["payload"]["data"]
    if where == "relationships":
        data["relationships"] = None
    elif where == "transcription":
        data["transcription"] = None
    elif where == "included":
        doc["payload"]["included"] = None
    elif where == "clips":
        data["relationships"]["clips"] = None
    elif where == "clips.data":
        data["relationships"]["clips"]["data"] = None
    else:
        doc["payload"]["included"][0]["relationships"] = None

    event = parse(doc)

    assert isinstance(event, MediaProcessingFinished)
    assert event.media.id == MEDIA_ID


def test_empty_relationships_as_empty_objects() -> None:
    doc = reference()
    doc["payload"]["data"]["relationships"] = {"clips": {}, "transcription": {}}
    doc["payload"]["data"]["transcription"] = {}

    event = parse(doc)

    assert isinstance(event, MediaProcessingFinished)
    assert event.media.clip_ids == () and event.media.transcription_id is None
    # Without ids to follow, the included clips and transcription of the media are used.
    assert [c.id for c in event.clips] == [LAUNCH, ORBIT, BY_HAND]
    assert event.transcription is not None
    assert event.transcription.id == "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"


def test_clips_follow_the_media_relationship_when_it_lists_ids() -> None:
    doc = reference()
    doc["payload"]["data"]["relationships"]["clips"]["data"] = [
        {"id": BY_HAND, "type": "clips"},
        {"id": "not-included", "type": "clips"},
    ]

    event = parse(doc)

    assert isinstance(event, MediaProcessingFinished)
    assert [c.id for c in event.clips] == [BY_HAND]
    assert event.media.clip_ids == (BY_HAND, "not-included")


def test_clips_of_another_media_are_left_out_when_the_relationship_is_empty() -> None:
    doc = reference()
    doc["payload"]["data"]["relationships"]["clips"] = {"data": []}
    doc["payload"]["included"][0]["relationships"]["media"]["data"]["id"] = "another-media"

    event = parse(doc)

    assert isinstance(event, MediaProcessingFinished)
    assert ORBIT not in [c.id for c in event.clips]


def test_unknown_keys_and_unknown_included_types_are_tolerated() -> None:
    doc = reference()
    doc["delivered_at"] = "2022-08-17T03:00:00Z"
    doc["payload"]["data"]["attributes"]["topics"] = ["space", "chimpanzees"]
    doc["payload"]["included"].append({"id": "k1", "type": "keywords", "attributes": 3})

    event = parse(doc)

    assert isinstance(event, MediaProcessingFinished)
    assert len(event.clips) == 3
    assert event.raw["payload"]["included"][-1]["type"] == "keywords"


@pytest.mark.parametrize(
    ("field", "sent", "parsed"),
    [
        ("source_file_duration", "98.865532", 98.865532),
        ("source_file_duration", "-1", -1.0),
        ("source_file_duration", 98, 98.0),
        ("source_file_width", "1280", 1280),
        ("source_file_width", "1280.0", 1280),
        ("source_file_width", 1280.0, 1280),
    ],
)
def test_numbers_are_accepted_as_json_numbers_and_numeric_strings(
    field: str, sent: Any, parsed: float
) -> None:
    doc = reference()
    doc["payload"]["data"]["attributes"][field] = sent

    event = parse(doc)

    assert isinstance(event, MediaProcessingFinished)
    value = event.media.duration if field == "source_file_duration" else event.media.width
    assert value == parsed and type(value) is type(parsed)


def test_parsing_does_not_modify_the_decoded_body() -> None:
    doc = reference()
    doc["payload"]["included"] = None
    doc["payload"]["data"]["relationships"] = None

    event = parse(doc)

    assert event.raw["payload"]["included"] is None
    assert event.raw["payload"]["data"]["relationships"] is None


def test_unknown_events_keep_their_payload() -> None:
    payload = {"data": {"id": "c1", "type": "clips"}, "anything": [1, 2.5, None]}

    event = parse({"event": "clip.processing_finished", "payload": payload})

    assert event == UnknownEvent("clip.processing_finished", payload)
    assert event.raw == {"event": "clip.processing_finished", "payload": payload}


@pytest.mark.parametrize("payload", [None, [], "text", 3])
def test_unknown_events_accept_any_payload_value(payload: Any) -> None:
    event = parse({"event": "future.event", "payload": payload})

    assert isinstance(event, UnknownEvent)
    assert event.payload == payload


def test_accepts_bytearray_memoryview_and_str_bodies() -> None:
    for body in (bytearray(REFERENCE_BODY), memoryview(REFERENCE_BODY), REFERENCE_BODY.decode()):
        assert isinstance(parse_event(body), MediaProcessingFinished)


def test_a_utf8_byte_order_mark_is_ignored() -> None:
    assert isinstance(parse_event(b"\xef\xbb\xbf" + REFERENCE_BODY), MediaProcessingFinished)


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "application/json; charset=utf-8"},
        {"content-type": 'application/json; charset="UTF-8"'},
        {"Content-Encoding": "identity"},
        {"X-Other": "1"},
        {},
    ],
)
def test_headers_of_plain_utf8_json_are_accepted(headers: dict[str, str]) -> None:
    assert isinstance(parse_event(REFERENCE_BODY, headers), MediaProcessingFinished)


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Content-Type": "application/json; charset=latin-1"}, "charset 'latin-1'"),
        ({"content-encoding": "gzip"}, "Content-Encoding 'gzip' is not supported"),
    ],
)
def test_headers_announcing_another_encoding_are_refused(
    headers: dict[str, str], reason: str
) -> None:
    with pytest.raises(WebhookPayloadError, match=reason) as caught:
        parse_event(REFERENCE_BODY, headers)
    assert caught.value.path == "$"


def test_the_error_is_a_value_error_of_the_sdk_hierarchy() -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        parse_event(b"[]")

    assert isinstance(caught.value, ContentGrooveError)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == "$: expected a JSON object, got an array of 0 items"
    assert caught.value.reason == "expected a JSON object, got an array of 0 items"


def test_max_bytes_must_be_positive() -> None:
    with pytest.raises(ValueError, match=r"max_bytes=\.\.\.\) must be a positive"):
        parse_event(REFERENCE_BODY, max_bytes=0)


def test_a_body_that_is_not_bytes_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"parse_event\(body=\.\.\.\) expects the raw request body"):
        parse_event({"event": "x"})  # type: ignore[arg-type]


def test_errors_of_the_generated_parser_are_converted(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(cls: type, src: object) -> object:
        raise KeyError("attributes")

    monkeypatch.setattr(MediaProcessingFinishedEvent, "from_dict", classmethod(broken))

    with pytest.raises(WebhookPayloadError) as caught:
        parse_event(REFERENCE_BODY)

    assert caught.value.path == "$.payload"
    assert "KeyError" in caught.value.reason
    assert isinstance(caught.value.__cause__, KeyError)


@pytest.mark.parametrize(
    ("table", "generated"),
    [
        (MEDIA_ATTRIBUTES, MediaAttributes),
        (CLIP_ATTRIBUTES, ClipAttributes),
        (TRANSCRIPTION_ATTRIBUTES, TranscriptionAttributes),
    ],
)
def test_attribute_tables_cover_the_generated_models(table: Any, generated: type) -> None:
    python_types = {
        "string": "str",
        "boolean": "bool",
        "number": "float",
        "integer": "int",
        "date-time": "datetime.datetime",
    }
    fields = {f.name: f.type for f in attrs.fields(generated) if f.name != "additional_properties"}

    assert set(table) == set(fields)
    for name, kind in table.items():
        assert python_types[kind] in str(fields[name]), name


def test_the_reference_file_is_valid_json_with_the_documented_quirks() -> None:
    attributes = REFERENCE["payload"]["data"]["attributes"]
    assert attributes["source_file_duration"] == "98.865532"
    assert attributes["description"] is None
    assert "end_char" not in REFERENCE["payload"]["included"][1]["attributes"]
    assert REFERENCE["payload"]["included"][1]["relationships"]["media"] == {}
    assert json.loads(REFERENCE_BODY) == REFERENCE
