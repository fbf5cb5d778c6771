"""Generated from_dict: numbers and timestamps converted as documented, the rest kept as sent."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

from contentgroove_client.models.clip import Clip
from contentgroove_client.models.clip_attributes import ClipAttributes
from contentgroove_client.models.resource_identifier import ResourceIdentifier
from contentgroove_client.models.to_one_relationship import ToOneRelationship
from contentgroove_client.types import UNSET, Unset, parse_float, parse_int


@pytest.mark.parametrize(
    ("sent", "parsed"),
    [("98.865532", 98.865532), ("-1", -1.0), ("007", 7.0), (98, 98.0), (1.5, 1.5), ("0", 0.0)],
)
def test_numbers_and_decimal_strings_become_floats(sent: Any, parsed: float) -> None:
    value = ClipAttributes.from_dict({"start_time": sent}).start_time

    assert value == parsed and type(value) is float


@pytest.mark.parametrize(
    "sent",
    [
        "9.8865532e1",
        " 98",
        "98 ",
        "+98",
        "1_000",
        ".5",
        "5.",
        "-",
        "",
        "nan",
        "inf",
        "١٢",
        "1" * 400,
        True,
        [98],
        {"value": 98},
    ],
)
def test_other_values_are_kept_as_sent(sent: Any) -> None:
    # The views (contentgroove.Clip) refuse what the generated parser could not convert.
    assert ClipAttributes.from_dict({"start_time": sent}).start_time == sent


@pytest.mark.parametrize(
    ("sent", "parsed"),
    [("1303", 1303), ("1280.0", 1280), ("-4", -4), (1280.0, 1280), (2**53, 2**53), (7, 7)],
)
def test_whole_numbers_and_whole_numeric_strings_become_ints(sent: Any, parsed: int) -> None:
    value = ClipAttributes.from_dict({"end_char": sent}).end_char

    assert value == parsed and type(value) is int


@pytest.mark.parametrize("sent", ["12.5", 12.5, "12.00000000000000001", "1e3", False, "twelve"])
def test_fractions_and_other_values_are_kept_for_integers(sent: Any) -> None:
    assert ClipAttributes.from_dict({"end_char": sent}).end_char == sent


def test_a_number_too_large_for_a_float_is_refused_loudly() -> None:
    with pytest.raises(OverflowError):
        parse_float(10**400)
    with pytest.raises(OverflowError):
        parse_int(10**400)


def test_timestamps_are_parsed_and_bad_ones_kept() -> None:
    good = ClipAttributes.from_dict({"created_at": "2022-08-17T02:20:08.398Z"}).created_at
    bad = ClipAttributes.from_dict({"created_at": "yesterday"}).created_at

    assert good == datetime.datetime(2022, 8, 17, 2, 20, 8, 398000, tzinfo=datetime.UTC)
    assert bad == "yesterday"


def test_missing_keys_are_unset_and_nulls_none() -> None:
    attributes = ClipAttributes.from_dict({"name": None, "rank": None})

    assert attributes.name is None and attributes.rank is None
    assert isinstance(attributes.text, Unset) and attributes.start_time is UNSET


def test_from_dict_sets_every_field_like_the_constructor() -> None:
    document = {
        "id": "c1",
        "type": "clips",
        "attributes": {"name": "Launch", "rank": "0", "start_time": "1.5", "topic": "space"},
        "relationships": {"media": {"data": {"id": "m1", "type": "medias", "meta": 1}}},
        "links": {"self": "/clips/c1"},
    }

    clip = Clip.from_dict(document)

    attributes = ClipAttributes(name="Launch", rank=0, start_time=1.5)
    attributes.additional_properties = {"topic": "space"}
    identifier = ResourceIdentifier(id="m1", type_="medias")
    identifier.additional_properties = {"meta": 1}
    assert clip.attributes == attributes
    assert clip.relationships.media == ToOneRelationship(data=identifier)  # type: ignore[union-attr]
    assert clip.additional_properties == {"links": {"self": "/clips/c1"}}
    for field in attrs.fields(ClipAttributes):
        assert hasattr(clip.attributes, field.name)
    assert clip.to_dict() == {
        **document,
        "attributes": {"name": "Launch", "rank": 0, "start_time": 1.5, "topic": "space"},
    }


def test_from_dict_does_not_modify_its_input() -> None:
    document = {"id": "c1", "type": "clips", "attributes": {"start_time": "1.5"}}

    Clip.from_dict(document)

    assert document == {"id": "c1", "type": "clips", "attributes": {"start_time": "1.5"}}
