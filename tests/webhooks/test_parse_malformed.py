"""parse_event: every malformed delivery is a WebhookPayloadError naming the JSON path at fault."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from contentgroove.webhooks import WebhookPayloadError, parse_event

from .conftest import REFERENCE_BODY, body_of, reference

Doc = dict[str, Any]


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """Mutation setting ``path`` (dots and [index]) of the reference document to ``value``."""

    def mutate(doc: Doc) -> None:
        *parents, last = _steps(path)
        target: Any = doc
        for step in parents:
            target = target[step]
        target[last] = value

    return mutate


def _delete(path: str) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        *parents, last = _steps(path)
        target: Any = doc
        for step in parents:
            target = target[step]
        del target[last]

    return mutate


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.split("."):
        name, _, index = part.partition("[")
        steps.append(name)
        if index:
            steps.append(int(index.rstrip("]")))
    return steps


DATA = "payload.data"
ATTRS = "payload.data.attributes"
CLIP0 = "payload.included[0]"

# (id, mutation, expected .path, words the reason must contain)
DOCUMENT_CASES: list[tuple[str, Callable[[Doc], None], str, str]] = [
    ("event missing", _delete("event"), "$.event", "required but missing"),
    (
        "event a number",
        _set("event", 7),
        "$.event",
        "expected a non-empty string, got the number 7",
    ),
    ("event empty", _set("event", ""), "$.event", "non-empty string"),
    ("payload missing", _delete("payload"), "$.payload", "required but missing"),
    ("payload a list", _set("payload", []), "$.payload", "expected an object, got an array"),
    ("payload null", _set("payload", None), "$.payload", "expected an object, got null"),
    ("data missing", _delete(DATA), "$.payload.data", "required but missing"),
    ("data a string", _set(DATA, "m1"), "$.payload.data", "expected an object, got the string"),
    ("data.id missing", _delete(f"{DATA}.id"), "$.payload.data.id", "required but missing"),
    ("data.id a number", _set(f"{DATA}.id", 42), "$.payload.data.id", "got the number 42"),
    ("data.id null", _set(f"{DATA}.id", None), "$.payload.data.id", "got null"),
    ("data.id empty", _set(f"{DATA}.id", ""), "$.payload.data.id", "non-empty string"),
    ("data.type wrong", _set(f"{DATA}.type", "clips"), "$.payload.data.type", "expected 'medias'"),
    ("data.type missing", _delete(f"{DATA}.type"), "$.payload.data.type", "required but missing"),
    ("attributes missing", _delete(ATTRS), "$.payload.data.attributes", "required but missing"),
    ("attributes a list", _set(ATTRS, []), "$.payload.data.attributes", "expected an object"),
    (
        "is_processing a string",
        _set(f"{ATTRS}.is_processing", "false"),
        "$.payload.data.attributes.is_processing",
        "expected true or false or null, got the string 'false'",
    ),
    (
        "has_fetch_error a number",
        _set(f"{ATTRS}.has_fetch_error", 0),
        "$.payload.data.attributes.has_fetch_error",
        "expected true or false or null",
    ),
    (
        "name a number",
        _set(f"{ATTRS}.name", 12),
        "$.payload.data.attributes.name",
        "expected a string or null, got the number 12",
    ),
    (
        "description an object",
        _set(f"{ATTRS}.description", {}),
        "$.payload.data.attributes.description",
        "got an object",
    ),
    (
        "duration not numeric",
        _set(f"{ATTRS}.source_file_duration", "98 seconds"),
        "$.payload.data.attributes.source_file_duration",
        "expected a finite number or numeric string or null, got the string '98 seconds'",
    ),
    (
        "duration a boolean",
        _set(f"{ATTRS}.source_file_duration", True),
        "$.payload.data.attributes.source_file_duration",
        "got true",
    ),
    (
        "duration NaN string",
        _set(f"{ATTRS}.source_file_duration", "nan"),
        "$.payload.data.attributes.source_file_duration",
        "finite number",
    ),
    (
        "duration overflows",
        _set(f"{ATTRS}.source_file_duration", "1e999"),
        "$.payload.data.attributes.source_file_duration",
        "finite number",
    ),
    (
        "width an integer too large for a float",
        _set(f"{ATTRS}.source_file_width", 10**400),
        "$.payload.data.attributes.source_file_width",
        "expected a whole number or numeric string or null",
    ),
    (
        "width a fraction",
        _set(f"{ATTRS}.source_file_height", "98.865532"),
        "$.payload.data.attributes.source_file_height",
        "expected a whole number or numeric string or null, got the string '98.865532'",
    ),
    (
        "duration in exponent form",
        _set(f"{ATTRS}.source_file_duration", "9.8865532e1"),
        "$.payload.data.attributes.source_file_duration",
        "expected a finite number or numeric string or null",
    ),
    (
        "clip rank a fractional number",
        _set(f"{CLIP0}.attributes.rank", 2.5),
        "$.payload.included[0].attributes.rank",
        "got the number 2.5",
    ),
    (
        "width a list",
        _set(f"{ATTRS}.source_file_width", [480]),
        "$.payload.data.attributes.source_file_width",
        "got an array of 1 items",
    ),
    (
        "created_at not a date",
        _set(f"{ATTRS}.created_at", "yesterday"),
        "$.payload.data.attributes.created_at",
        "expected an ISO 8601 date-time string or null, got the string 'yesterday'",
    ),
    (
        "processing_started_at a number",
        _set(f"{ATTRS}.processing_started_at", 1660702438),
        "$.payload.data.attributes.processing_started_at",
        "ISO 8601",
    ),
    (
        "relationships a list",
        _set(f"{DATA}.relationships", []),
        "$.payload.data.relationships",
        "expected an object",
    ),
    (
        "clips relationship a list",
        _set(f"{DATA}.relationships.clips", []),
        "$.payload.data.relationships.clips",
        "expected an object",
    ),
    (
        "clips data an object",
        _set(f"{DATA}.relationships.clips.data", {}),
        "$.payload.data.relationships.clips.data",
        "expected an array, got an object",
    ),
    (
        "clip identifier without id",
        _delete(f"{DATA}.relationships.clips.data[1].id"),
        "$.payload.data.relationships.clips.data[1].id",
        "required but missing",
    ),
    (
        "clip identifier type a number",
        _set(f"{DATA}.relationships.clips.data[2].type", 1),
        "$.payload.data.relationships.clips.data[2].type",
        "expected a string",
    ),
    (
        "transcription link a string",
        _set(f"{DATA}.transcription", "t1"),
        "$.payload.data.transcription",
        "expected an object",
    ),
    (
        "transcription link data a list",
        _set(f"{DATA}.transcription.data", []),
        "$.payload.data.transcription.data",
        "expected an object, got an array",
    ),
    (
        "transcription link id a number",
        _set(f"{DATA}.transcription.data.id", 5),
        "$.payload.data.transcription.data.id",
        "non-empty string",
    ),
    (
        "included not a list",
        _set("payload.included", {}),
        "$.payload.included",
        "expected an array, got an object",
    ),
    (
        "included item a string",
        _set(CLIP0, "clip"),
        "$.payload.included[0]",
        "expected an object, got the string 'clip'",
    ),
    (
        "included item without type",
        _delete(f"{CLIP0}.type"),
        "$.payload.included[0].type",
        "required but missing",
    ),
    (
        "included item type null",
        _set(f"{CLIP0}.type", None),
        "$.payload.included[0].type",
        "expected a string, got null",
    ),
    (
        "clip without id",
        _delete(f"{CLIP0}.id"),
        "$.payload.included[0].id",
        "required but missing",
    ),
    (
        "clip without attributes",
        _delete(f"{CLIP0}.attributes"),
        "$.payload.included[0].attributes",
        "required but missing",
    ),
    (
        "clip rank a word",
        _set(f"{CLIP0}.attributes.rank", "first"),
        "$.payload.included[0].attributes.rank",
        "expected a whole number or numeric string or null, got the string 'first'",
    ),
    (
        "clip start_time infinite",
        _set("payload.included[2].attributes.start_time", "-Infinity"),
        "$.payload.included[2].attributes.start_time",
        "finite number",
    ),
    (
        "clip text a number",
        _set(f"{CLIP0}.attributes.text", 3.5),
        "$.payload.included[0].attributes.text",
        "expected a string or null, got the number 3.5",
    ),
    (
        "clip media relationship data a string",
        _set(f"{CLIP0}.relationships.media.data", "m1"),
        "$.payload.included[0].relationships.media.data",
        "expected an object, got the string 'm1'",
    ),
    (
        "transcription text a list",
        _set("payload.included[3].attributes.text", ["Enos"]),
        "$.payload.included[3].attributes.text",
        "expected a string or null, got an array of 1 items",
    ),
    (
        "transcription relationships a string",
        _set("payload.included[3].relationships", "none"),
        "$.payload.included[3].relationships",
        "expected an object",
    ),
]

# (id, raw body, expected .path, words the reason must contain)
BODY_CASES: list[tuple[str, bytes, str, str]] = [
    ("empty body", b"", "$", "body is empty"),
    ("whitespace body", b" \n\t", "$", "body is empty"),
    ("not JSON", b"event=media.processing_finished", "$", "not valid JSON: Expecting value"),
    ("truncated JSON", REFERENCE_BODY[:-40], "$", "not valid JSON"),
    ("not UTF-8", b'{"event": "\xff"}', "$", "not UTF-8: invalid byte at offset 11"),
    ("UTF-16", '{"event": 1}'.encode("utf-16"), "$", "not UTF-8"),
    ("JSON array", b"[1, 2]", "$", "expected a JSON object, got an array of 2 items"),
    ("JSON string", b'"media.processing_finished"', "$", "expected a JSON object, got the string"),
    ("JSON null", b"null", "$", "expected a JSON object, got null"),
    ("NaN literal", b'{"event": "x", "payload": NaN}', "$", "NaN is not a JSON number"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "$", "nests arrays or objects too deeply"),
    ("huge integer", b'{"event": 1' + b"0" * 5000 + b"}", "$", "not valid JSON"),
]


@pytest.mark.parametrize(
    ("mutate", "path", "reason"),
    [pytest.param(m, p, r, id=i) for i, m, p, r in DOCUMENT_CASES],
)
def test_malformed_document(mutate: Callable[[Doc], None], path: str, reason: str) -> None:
    doc = reference()
    mutate(doc)

    with pytest.raises(WebhookPayloadError) as caught:
        parse_event(body_of(doc))

    assert caught.value.path == path
    assert reason in caught.value.reason
    assert str(caught.value) == f"{path}: {caught.value.reason}"


@pytest.mark.parametrize(
    ("body", "path", "reason"), [pytest.param(b, p, r, id=i) for i, b, p, r in BODY_CASES]
)
def test_malformed_body(body: bytes, path: str, reason: str) -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        parse_event(body)

    assert caught.value.path == path
    assert reason in caught.value.reason


def test_a_body_over_the_size_limit_is_refused_before_decoding() -> None:
    with pytest.raises(WebhookPayloadError) as caught:
        parse_event(b"\xff" * 101, max_bytes=100)

    assert caught.value.path == "$"
    assert caught.value.reason == "body is larger than the limit of 100 bytes"


def test_the_default_limit_is_16_mib() -> None:
    body = b'{"event": "x", "payload": "' + b"a" * (16 * 1024 * 1024) + b'"}'

    with pytest.raises(WebhookPayloadError, match="larger than the limit of 16777216 bytes"):
        parse_event(body)


def test_long_values_are_not_echoed_in_full() -> None:
    doc = reference()
    doc["payload"]["data"]["attributes"]["name"] = ["x" * 10_000]
    doc["payload"]["data"]["attributes"]["is_processing"] = "y" * 10_000

    with pytest.raises(WebhookPayloadError) as caught:
        parse_event(body_of(doc))

    assert len(str(caught.value)) < 200
