"""List queries: Ransack-style filters, ``sort`` and ``page[number]``/``page[size]``.

Filters are ``filter[<attribute>_<matcher>]=value`` (list values as
``filter[<attribute>_in][]=a&filter[<attribute>_in][]=b``). Text comparisons ignore case, as
the API's example ``filter[name_eq]=chimp into space`` implies. As in Ransack, a filter whose
value is empty is ignored. Missing (null) attributes match no comparison.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Literal, TypeVar

import attrs

from ._clock import parse_timestamp
from ._errors import bad_request

__all__ = ["MATCHERS", "SORT_FIELDS", "Kind", "ListQuery", "Page", "parse_list_query"]

Kind = Literal["string", "number", "boolean", "datetime"]
T = TypeVar("T")

SORT_FIELDS = ("created_at", "original_created_at", "name")
"""Sortable fields (``-`` in front sorts descending), as the API's ``SortOrder`` lists them."""

_COMPARE = ("eq", "not_eq", "gt", "gteq", "lt", "lteq")
_TEXT = ("cont", "not_cont", "i_cont", "start", "not_start", "end", "not_end")
_LIST = ("in", "not_in")
_FLAG = ("null", "not_null", "present", "blank", "true", "false")
MATCHERS: tuple[str, ...] = _COMPARE + _TEXT + _LIST + _FLAG
"""Supported Ransack matchers."""

_FILTER_KEY = re.compile(r"^filter\[([^\[\]]+)\](\[\])?$")
_TRUE = {"true", "1", "t", "yes", "on"}
_FALSE = {"false", "0", "f", "no", "off"}


@attrs.frozen
class Condition:
    """One parsed filter."""

    param: str
    attribute: str
    matcher: str
    values: tuple[str, ...]


@attrs.frozen
class ListQuery:
    """A parsed list query."""

    conditions: tuple[Condition, ...]
    sort: str | None
    page_number: int
    page_size: int


@attrs.frozen
class Page(Generic[T]):
    """One page of results."""

    items: list[T]
    number: int
    has_next: bool


def _page_param(query: Sequence[tuple[str, str]], name: str, default: int) -> int:
    values = [v for k, v in query if k == name]
    if not values:
        return default
    if len(values) > 1:
        raise bad_request(f"{name} was given {len(values)} times; give it once", parameter=name)
    raw = values[0].strip()
    if not re.fullmatch(r"\+?[0-9]+", raw) or int(raw) < 1:
        raise bad_request(f"{name} must be an integer >= 1, got {values[0]!r}", parameter=name)
    return int(raw)


def _parse_filter_key(key: str, kinds: Mapping[str, Kind]) -> tuple[str, str] | None:
    for matcher in sorted(MATCHERS, key=len, reverse=True):
        suffix = "_" + matcher
        if key.endswith(suffix) and key[: -len(suffix)] in kinds:
            return key[: -len(suffix)], matcher
    return None


def parse_list_query(
    query: Sequence[tuple[str, str]],
    kinds: Mapping[str, Kind],
    *,
    default_size: int,
    max_size: int,
) -> ListQuery:
    """Parse the filter, sort and page parameters of a list request (400 when invalid)."""
    grouped: dict[str, tuple[str, list[str]]] = {}
    for key, value in query:
        if not key.startswith("filter"):
            continue
        m = _FILTER_KEY.match(key)
        if m is None:
            raise bad_request(
                f"malformed filter parameter {key!r}: write filter[<attribute>_<matcher>]=value",
                parameter=key,
            )
        grouped.setdefault(m.group(1), (key, []))[1].append(value)

    conditions = []
    for name, (param, values) in grouped.items():
        parsed = _parse_filter_key(name, kinds)
        if parsed is None:
            raise bad_request(
                f"unknown filter {name!r}: use <attribute>_<matcher> with an attribute among "
                f"{', '.join(sorted(kinds))} and a matcher among {', '.join(MATCHERS)}",
                parameter=f"filter[{name}]",
            )
        attribute, matcher = parsed
        kept = tuple(v for v in values if v != "")
        if not kept:
            continue  # Ransack ignores blank filter values.
        if matcher not in _LIST and len(kept) > 1:
            raise bad_request(
                f"filter[{name}] takes one value, got {len(kept)}; only the _in and _not_in "
                "matchers take a list",
                parameter=f"filter[{name}]",
            )
        conditions.append(Condition(param, attribute, matcher, kept))
        _check_condition(conditions[-1], kinds[attribute])

    sorts = [v for k, v in query if k == "sort"]
    if len(sorts) > 1:
        raise bad_request("sort was given more than once; give one field", parameter="sort")
    sort = sorts[0] if sorts else None
    if sort is not None and sort.removeprefix("-") not in SORT_FIELDS:
        allowed = ", ".join(f"{f}, -{f}" for f in SORT_FIELDS)
        raise bad_request(f"cannot sort by {sort!r}: use one of {allowed}", parameter="sort")

    size = min(_page_param(query, "page[size]", default_size), max_size)
    return ListQuery(
        conditions=tuple(conditions),
        sort=sort,
        page_number=_page_param(query, "page[number]", 1),
        page_size=size,
    )


def _as_bool(cond: Condition, raw: str) -> bool:
    low = raw.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise bad_request(
        f"filter[{cond.attribute}_{cond.matcher}] needs true or false, got {raw!r}",
        parameter=cond.param,
    )


def _coerce(cond: Condition, kind: Kind, raw: str) -> Any:
    try:
        if kind == "number":
            number = float(raw)
            if not math.isfinite(number):
                raise ValueError(raw)
            return number
        if kind == "datetime":
            return parse_timestamp(raw)
    except ValueError:
        expected = "a number" if kind == "number" else "an ISO 8601 date-time"
        raise bad_request(
            f"filter[{cond.attribute}_{cond.matcher}] needs {expected}, got {raw!r}",
            parameter=cond.param,
        ) from None
    if kind == "boolean":
        return _as_bool(cond, raw)
    return raw.casefold()


def _check_condition(cond: Condition, kind: Kind) -> None:
    if cond.matcher in _FLAG:
        if cond.matcher in ("true", "false") and kind != "boolean":
            raise bad_request(
                f"filter[{cond.attribute}_{cond.matcher}]: the {cond.matcher} matcher only "
                "applies to true/false attributes",
                parameter=cond.param,
            )
        _as_bool(cond, cond.values[0])
        return
    if cond.matcher in _TEXT and kind != "string":
        raise bad_request(
            f"filter[{cond.attribute}_{cond.matcher}]: the {cond.matcher} matcher only applies "
            "to text attributes",
            parameter=cond.param,
        )
    for raw in cond.values:
        _coerce(cond, kind, raw)


def _normalize(kind: Kind, value: Any) -> Any:
    if value is None:
        return None
    if kind == "string":
        return str(value).casefold()
    if kind == "datetime":
        return parse_timestamp(str(value))
    if kind == "number":
        return float(value)
    return bool(value)


def _matches(cond: Condition, kind: Kind, raw_value: Any) -> bool:
    m = cond.matcher
    if m in _FLAG:
        flag = _as_bool(cond, cond.values[0])
        if m in ("null", "not_null"):
            result = raw_value is None
            return result == flag if m == "null" else result != flag
        blank_text = isinstance(raw_value, str) and not raw_value.strip()
        present = raw_value is not None and not blank_text
        if m in ("present", "blank"):
            return present == flag if m == "present" else present != flag
        wanted = m == "true"
        return (raw_value is wanted) == flag
    value = _normalize(kind, raw_value)
    if value is None:
        return False
    targets = [_coerce(cond, kind, raw) for raw in cond.values]
    target = targets[0]
    if m == "eq":
        return bool(value == target)
    if m == "not_eq":
        return bool(value != target)
    if m == "in":
        return bool(value in targets)
    if m == "not_in":
        return bool(value not in targets)
    if m in ("gt", "gteq", "lt", "lteq"):
        if kind == "boolean":
            return False
        if m == "gt":
            return bool(value > target)
        if m == "gteq":
            return bool(value >= target)
        if m == "lt":
            return bool(value < target)
        return bool(value <= target)
    text, needle = str(value), str(target)
    if m in ("cont", "i_cont"):
        return needle in text
    if m == "not_cont":
        return needle not in text
    if m == "start":
        return text.startswith(needle)
    if m == "not_start":
        return not text.startswith(needle)
    if m == "end":
        return text.endswith(needle)
    return not text.endswith(needle)  # not_end


def run_list_query(
    items: Sequence[T],
    query: ListQuery,
    kinds: Mapping[str, Kind],
    values: Callable[[T], Mapping[str, Any]],
    seq: Callable[[T], int],
) -> Page[T]:
    """Filter, sort and paginate ``items`` (``values`` gives an item's filterable values)."""
    rows = [(item, values(item)) for item in items]
    for cond in query.conditions:
        kind = kinds[cond.attribute]
        rows = [(i, vals) for i, vals in rows if _matches(cond, kind, vals.get(cond.attribute))]
    rows.sort(key=lambda row: seq(row[0]))
    if query.sort is not None:
        field = query.sort.removeprefix("-")
        descending = query.sort.startswith("-")
        if field not in kinds:
            # Resources without the field (clips have no original_created_at) sort by creation.
            field = "created_at"
        kind = kinds[field]
        present = [r for r in rows if r[1].get(field) is not None]
        missing = [r for r in rows if r[1].get(field) is None]
        present.sort(key=lambda r: _normalize(kind, r[1][field]), reverse=descending)
        # Nulls last when ascending, first when descending (PostgreSQL's default).
        rows = missing + present if descending else present + missing
    start = (query.page_number - 1) * query.page_size
    chunk = rows[start : start + query.page_size]
    return Page(
        items=[item for item, _ in chunk],
        number=query.page_number,
        has_next=start + query.page_size < len(rows),
    )
