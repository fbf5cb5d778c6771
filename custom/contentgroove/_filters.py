"""Validation of list filters (ransack predicates) before they are sent."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence

from contentgroove_client.models.list_filter import ListFilter

__all__ = ["MATCHERS", "FilterValue", "build_filter"]

#: Ransack predicates the API understands, as ``filter[<attribute>_<matcher>]``.
MATCHERS: tuple[str, ...] = (
    "eq", "not_eq", "eq_any", "not_eq_any", "eq_all", "not_eq_all",
    "cont", "not_cont", "cont_any", "not_cont_any", "cont_all", "not_cont_all",
    "i_cont", "not_i_cont", "i_cont_any", "i_cont_all",
    "matches", "does_not_match", "matches_any", "does_not_match_any",
    "start", "not_start", "start_any", "end", "not_end", "end_any",
    "lt", "lteq", "gt", "gteq", "lt_any", "gt_any",
    "in", "not_in", "null", "not_null", "present", "blank", "true", "false",
)  # fmt: skip
_BY_LENGTH = sorted(MATCHERS, key=len, reverse=True)
_LIST_MATCHERS = frozenset(m for m in MATCHERS if m.endswith(("_any", "_all", "in")))
_ATTRIBUTE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

FilterValue = str | int | float | bool | datetime.date | Sequence[str | int | float]


def _split(key: str) -> tuple[str, str] | None:
    for matcher in _BY_LENGTH:
        suffix = "_" + matcher
        if key.endswith(suffix) and _ATTRIBUTE.match(key[: -len(suffix)]):
            return key[: -len(suffix)], matcher
    return None


def _scalar(value: object, key: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value)
    raise TypeError(
        f"filter[{key!r}]: {type(value).__name__} values are not supported; "
        "pass a str, int, float, bool, date or datetime"
    )


def build_filter(filters: Mapping[str, FilterValue] | None) -> ListFilter | None:
    """Check and convert ``{"name_cont": "chimp"}`` into the generated ``ListFilter``.

    Raises :class:`ValueError` naming the valid matchers when a key is not
    ``<attribute>_<matcher>``, and :class:`TypeError` for unsupported values.
    """
    if not filters:
        return None
    converted: dict[str, str | list[str]] = {}
    for key, value in filters.items():
        parts = _split(key) if isinstance(key, str) else None
        if parts is None:
            raise ValueError(
                f"filter key {key!r} is not '<attribute>_<matcher>'; valid matchers: "
                + ", ".join(MATCHERS)
                + " (e.g. {'name_cont': 'chimp'})"
            )
        matcher = parts[1]
        if isinstance(value, list | tuple):
            if matcher not in _LIST_MATCHERS:
                raise ValueError(
                    f"filter[{key!r}]: the {matcher!r} matcher takes one value, got a "
                    f"{type(value).__name__}; list values need one of: "
                    + ", ".join(sorted(_LIST_MATCHERS))
                )
            converted[key] = [_scalar(v, key) for v in value]
        else:
            converted[key] = _scalar(value, key)
    lf = ListFilter()
    lf.additional_properties = converted
    return lf
