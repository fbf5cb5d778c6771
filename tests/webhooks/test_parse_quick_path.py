"""parse_event's quick path: well-formed bodies skip the full validator; outcomes never change.

A body is first parsed as it is by the generated parser and checked by the views and
``_conform.conforms``; only bodies that fail there are walked by the full validator, which
names the JSON path at fault. These tests hold the quick path to the validator's answers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from contentgroove.webhooks import MediaProcessingFinished, WebhookPayloadError, _parse, parse_event
from contentgroove.webhooks._validate import _is_integer, _is_number
from hypothesis import given
from hypothesis import strategies as st

from contentgroove_client.types import parse_float, parse_int

from .conftest import REFERENCE_BODY, body_of, reference
from .test_parse_malformed import DOCUMENT_CASES
from .test_parse_properties import REFERENCE_PATHS, SETTINGS, deliveries, tricky_values


@contextlib.contextmanager
def full_validator_only() -> Iterator[None]:
    """parse_event as it is without the quick path: every body goes through the validator."""
    with mock.patch.object(_parse, "conforms", return_value=False):
        yield


@contextlib.contextmanager
def counting_validator_walks() -> Iterator[list[object]]:
    walks: list[object] = []
    real = _parse.check_media_processing_finished

    def check(body: dict[str, Any]) -> dict[str, Any]:
        walks.append(body)
        return real(body)

    with mock.patch.object(_parse, "check_media_processing_finished", check):
        yield walks


def outcome(body: bytes) -> Any:
    """What parse_event gives: the event and the generated models under it, or the error."""
    try:
        event = parse_event(body)
    except WebhookPayloadError as exc:
        return ("error", exc.path, exc.reason)
    if not isinstance(event, MediaProcessingFinished):
        return ("other", event)
    generated = [event.media.raw, *(c.raw for c in event.clips)]
    if event.transcription is not None:
        generated.append(event.transcription.raw)
    return ("event", event, event.raw, generated)


def assert_same_outcome(body: bytes) -> None:
    quick = outcome(body)
    with full_validator_only():
        assert quick == outcome(body)


def test_a_well_formed_delivery_is_not_walked_by_the_validator() -> None:
    with counting_validator_walks() as walks:
        event = parse_event(REFERENCE_BODY)

    assert isinstance(event, MediaProcessingFinished)
    assert walks == []


@pytest.mark.parametrize(
    "where", ["relationships", "included", "clips.data", "included.relationships"]
)
def test_tolerated_quirks_go_through_the_validator(where: str) -> None:
    doc = reference()
    if where == "relationships":
        doc["payload"]["data"]["relationships"] = None
    elif where == "included":
        doc["payload"]["included"] = None
    elif where == "clips.data":
        doc["payload"]["data"]["relationships"]["clips"]["data"] = None
    else:
        doc["payload"]["included"][0]["relationships"] = None

    with counting_validator_walks() as walks:
        assert isinstance(parse_event(body_of(doc)), MediaProcessingFinished)

    assert len(walks) == 1
    assert_same_outcome(body_of(doc))


@pytest.mark.parametrize("index", range(len(DOCUMENT_CASES)), ids=[c[0] for c in DOCUMENT_CASES])
def test_every_malformed_variant_gets_the_validators_error(index: int) -> None:
    _, mutate, path, _ = DOCUMENT_CASES[index]
    doc = reference()
    mutate(doc)

    assert_same_outcome(body_of(doc))
    assert outcome(body_of(doc))[:2] == ("error", path)


@SETTINGS
@given(deliveries())
def test_valid_deliveries_parse_alike(document: dict[str, Any]) -> None:
    assert_same_outcome(body_of(document))


@SETTINGS
@given(
    st.lists(
        st.tuples(st.sampled_from(REFERENCE_PATHS), tricky_values | st.just(...)),
        min_size=1,
        max_size=4,
    )
)
def test_the_reference_with_any_node_replaced_or_removed_parses_alike(
    changes: list[tuple[Any, Any]],
) -> None:
    doc = reference()
    for path, value in changes:
        target: Any = doc
        try:
            for step in path[:-1]:
                target = target[step]
            if value is ...:
                del target[path[-1]]
            else:
                target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    assert_same_outcome(body_of(doc))


numbers_as_sent = (
    st.booleans()
    | st.integers()
    | st.integers(-(2**1100), 2**1100)
    | st.floats()
    | st.text(max_size=8)
    | st.from_regex(r"-?[0-9]{1,20}(\.[0-9]{0,6})?", fullmatch=True)
    | st.from_regex(r"[-+ .0-9eE_]{1,12}", fullmatch=True)
    | st.sampled_from(
        [
            "1e999",
            "nan",
            "١٢",
            "12.0",
            "-0",
            "1" * 400,
            "9" * 299,
            "0" * 400,
            ".5",
            "5.",
            "1.0000000000000000001",
        ]
    )
)


def converts(parse: Any, value: object) -> bool:
    try:
        parse(value)
    except (TypeError, ValueError, OverflowError):
        return False
    return True


@SETTINGS
@given(numbers_as_sent)
def test_the_generated_parsers_convert_exactly_the_numbers_the_validator_accepts(
    value: object,
) -> None:
    # The quick path relies on it: a number left unconverted is refused by the views.
    assert converts(parse_float, value) == _is_number(value)
    assert converts(parse_int, value) == _is_integer(value)
