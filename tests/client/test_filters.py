"""List filters are ransack predicates, checked before anything is sent."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import respx
from contentgroove import MATCHERS, ContentGroove
from contentgroove._filters import build_filter


@pytest.mark.parametrize(
    ("key", "value", "sent"),
    [
        ("name_eq", "Chimp Into Space", {"name_eq": "Chimp Into Space"}),
        ("name_not_eq", "x", {"name_not_eq": "x"}),
        ("name_i_cont", "chimp", {"name_i_cont": "chimp"}),
        ("external_id_in", ["1", 2], {"external_id_in": ["1", "2"]}),
        ("id_not_in", ("a", "b"), {"id_not_in": ["a", "b"]}),
        ("is_processing_true", True, {"is_processing_true": "true"}),
        ("has_fetch_error_eq", False, {"has_fetch_error_eq": "false"}),
        ("source_file_duration_gteq", 12.5, {"source_file_duration_gteq": "12.5"}),
        ("created_at_gt", datetime.date(2024, 1, 2), {"created_at_gt": "2024-01-02"}),
        (
            "created_at_lt",
            datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
            {"created_at_lt": "2024-01-02T03:04:05+00:00"},
        ),
    ],
)
def test_valid_filters_are_converted_to_strings(key: str, value: Any, sent: dict[str, Any]) -> None:
    converted = build_filter({key: value})
    assert converted is not None
    assert converted.to_dict() == sent


def test_no_filter_sends_nothing() -> None:
    assert build_filter(None) is None
    assert build_filter({}) is None


@pytest.mark.parametrize("key", ["name", "name_bogus", "_eq", "eq", "1name_eq", "name eq", ""])
def test_a_key_without_a_known_matcher_is_refused_naming_the_valid_ones(key: str) -> None:
    with pytest.raises(ValueError) as caught:
        build_filter({key: "x"})

    message = str(caught.value)
    assert f"filter key {key!r} is not '<attribute>_<matcher>'" in message
    for matcher in MATCHERS:
        assert matcher in message
    assert "{'name_cont': 'chimp'}" in message


def test_a_list_for_a_single_value_matcher_is_refused() -> None:
    with pytest.raises(ValueError, match=r"the 'eq' matcher takes one value, got a list.*eq_any"):
        build_filter({"name_eq": ["a", "b"]})


@pytest.mark.parametrize("value", [None, {"a": 1}, object(), b"bytes"])
def test_unsupported_values_are_a_type_error_naming_the_key(value: object) -> None:
    with pytest.raises(TypeError, match=r"filter\['name_eq'\]: .* values are not supported"):
        build_filter({"name_eq": value})  # type: ignore[dict-item]


@pytest.mark.anyio
async def test_list_validates_filters_before_sending(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    route = api.get("/api/v1/medias")

    with pytest.raises(ValueError, match="valid matchers: eq, not_eq"):
        cg.medias.list(filter={"name_like": "chimp"})
    with pytest.raises(ValueError, match="valid matchers"):
        cg.clips.list(filter={"media": "m1"})
    with pytest.raises(ValueError, match="valid matchers"):
        cg.webhook_subscriptions.list(filter={"url": "x"})

    assert not route.called
