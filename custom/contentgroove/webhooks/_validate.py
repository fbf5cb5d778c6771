"""Structural checks of webhook bodies, for the bodies the quick path does not accept.

The generated ``from_dict`` parsers trust their input: a string where a boolean belongs is
kept as a string, a bad timestamp stays a string, a missing ``id`` raises a bare ``KeyError``.
:func:`~contentgroove.webhooks.parse_event` parses a body as it is first, and lets the views
and ``_conform.conforms`` judge the result; a body they refuse is walked by these checks, so
a malformed body fails with a :class:`WebhookPayloadError` naming the exact JSON path, and
what reaches the generated parser again is well-formed. The attribute tables list every
documented attribute with its wire type; every attribute is optional and may be ``null``.

Tolerated on the wire, as ContentGroove sends them: numbers as numeric strings
(``"98.865532"``), ``null`` for optional objects and lists (treated as missing), an empty
relationship ``{}``, unknown keys (kept by the generated models), and included resources of
types this SDK does not know yet (left out of the parsed event, kept in ``raw``).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, NoReturn

from ._errors import WebhookPayloadError

__all__ = [
    "CLIP_ATTRIBUTES",
    "MEDIA_ATTRIBUTES",
    "TRANSCRIPTION_ATTRIBUTES",
    "check_media_processing_finished",
    "describe",
    "fail",
    "non_empty_string",
    "required",
]

Kind = Literal["string", "boolean", "number", "integer", "date-time"]

MEDIA_ATTRIBUTES: Final[Mapping[str, Kind]] = {
    "created_at": "date-time",
    "description": "string",
    "external_id": "string",
    "has_fetch_error": "boolean",
    "is_processing": "boolean",
    "name": "string",
    "original_created_at": "date-time",
    "processing_started_at": "date-time",
    "source_created_at": "date-time",
    "source_file_content_type": "string",
    "source_file_duration": "number",
    "source_file_height": "integer",
    "source_file_preview_image_url": "string",
    "source_file_width": "integer",
    "source_url": "string",
}

CLIP_ATTRIBUTES: Final[Mapping[str, Kind]] = {
    "created_at": "date-time",
    "end_char": "integer",
    "end_time": "number",
    "external_id": "string",
    "is_processing": "boolean",
    "media_file_content_type": "string",
    "media_file_duration": "number",
    "media_file_height": "integer",
    "media_file_preview_image_url": "string",
    "media_file_url": "string",
    "media_file_width": "integer",
    "name": "string",
    "processing_started_at": "date-time",
    "rank": "integer",
    "start_char": "integer",
    "start_time": "number",
    "text": "string",
}

TRANSCRIPTION_ATTRIBUTES: Final[Mapping[str, Kind]] = {"text": "string"}

# Numeric strings, as openapi.json declares them; integers may only have a zero fraction.
_NUMERIC: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_INTEGRAL: Final = re.compile(r"-?[0-9]+(?:\.0+)?")
_EXACT: Final = 2**53  # integers below this convert to float exactly
_DROP: Final = object()
"""Returned by a link check when the key is ``null`` and is to be treated as missing."""


def fail(path: str, reason: str) -> NoReturn:
    """Raise the :class:`WebhookPayloadError` for ``path``."""
    raise WebhookPayloadError(reason, path=path)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: object) -> str:
    """Name a JSON value for an error message, in JSON terms and without echoing much of it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {_short(repr(value))}"
    if isinstance(value, str):
        return f"the string {_short(repr(value))}"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def required(obj: Mapping[str, Any], key: str, path: str) -> Any:
    """Return ``obj[key]``, failing at ``path.key`` when the key is missing."""
    try:
        return obj[key]
    except KeyError:
        fail(f"{path}.{key}", "is required but missing")


def non_empty_string(value: object, path: str) -> str:
    """Return ``value`` if it is a non-empty string, fail at ``path`` otherwise."""
    if not isinstance(value, str) or not value:
        fail(path, f"expected a non-empty string, got {describe(value)}")
    return value


def _object(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        fail(path, f"expected an object, got {describe(value)}")
    return value


def _float_ok(value: int | str) -> bool:
    """``True`` when ``float(value)`` is finite (no overflow to infinity or OverflowError)."""
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def _is_number(value: object) -> bool:
    if type(value) is float:
        return math.isfinite(value)
    if type(value) is int:
        return -_EXACT < value < _EXACT or _float_ok(value)
    if type(value) is str:
        return _NUMERIC.fullmatch(value) is not None and (len(value) < 300 or _float_ok(value))
    return False  # booleans, arrays, objects


def _is_integer(value: object) -> bool:
    if type(value) is int:
        return -_EXACT < value < _EXACT or _float_ok(value)
    if type(value) is float:
        return value.is_integer()
    if type(value) is str:
        return _INTEGRAL.fullmatch(value) is not None and (len(value) < 300 or _float_ok(value))
    return False


def _is_datetime(value: object) -> bool:
    if type(value) is not str:
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# Per kind: the exact JSON type that is always valid (or None), a check for the rest, and what
# the error message says was expected.
_Rule = tuple[type | None, Callable[[object], bool] | None, str]
_RULES: Final[Mapping[Kind, _Rule]] = {
    "string": (str, None, "a string"),
    "boolean": (bool, None, "true or false"),
    "number": (None, _is_number, "a finite number or numeric string"),
    "integer": (None, _is_integer, "a whole number or numeric string"),
    "date-time": (None, _is_datetime, "an ISO 8601 date-time string"),
}


def _rules(table: Mapping[str, Kind]) -> dict[str, _Rule]:
    return {key: _RULES[kind] for key, kind in table.items()}


def _attributes(value: object, rules: Mapping[str, _Rule], path: str) -> None:
    if type(value) is not dict:
        fail(path, f"expected an object, got {describe(value)}")
    for key, item in value.items():
        if item is None:
            continue
        rule = rules.get(key)
        if rule is None:
            continue
        exact, check, expected = rule
        if type(item) is exact or (check is not None and check(item)):
            continue
        fail(f"{path}.{key}", f"expected {expected} or null, got {describe(item)}")


def _identifier(value: object, path: str) -> None:
    obj = _object(value, path)
    non_empty_string(required(obj, "id", path), f"{path}.id")
    type_ = required(obj, "type", path)
    if not isinstance(type_, str):
        fail(f"{path}.type", f"expected a string, got {describe(type_)}")


def _to_one(value: object, path: str) -> object:
    obj = _object(value, path)
    data = obj.get("data")
    if data is not None:
        _identifier(data, f"{path}.data")
    return obj


def _to_many(value: object, path: str) -> object:
    obj = _object(value, path)
    if "data" not in obj:
        return obj
    data = obj["data"]
    if data is None:
        return {k: v for k, v in obj.items() if k != "data"}
    if not isinstance(data, list):
        fail(f"{path}.data", f"expected an array, got {describe(data)}")
    for index, item in enumerate(data):
        _identifier(item, f"{path}.data[{index}]")
    return obj


def _any_object(value: object, path: str) -> object:
    return _object(value, path)


_LinkCheck = Callable[[object, str], object]


def _links(obj: dict[str, Any], checks: Mapping[str, _LinkCheck], path: str) -> dict[str, Any]:
    """Check the optional object-valued keys of ``obj``; ``null`` ones are dropped."""
    out = obj
    for key, check in checks.items():
        if key not in obj:
            continue
        value = obj[key]
        checked = _DROP if value is None else check(value, f"{path}.{key}")
        if checked is not value:
            if out is obj:
                out = dict(obj)
            if checked is _DROP:
                del out[key]
            else:
                out[key] = checked
    return out


def _relationships(checks: Mapping[str, _LinkCheck]) -> _LinkCheck:
    def check(value: object, path: str) -> object:
        return _links(_object(value, path), checks, path)

    return check


class _ResourceSpec:
    def __init__(
        self, type_: str, attributes: Mapping[str, Kind], links: Mapping[str, _LinkCheck]
    ) -> None:
        self.type = type_
        self.rules = _rules(attributes)
        self.links = links


_MEDIA: Final = _ResourceSpec(
    "medias",
    MEDIA_ATTRIBUTES,
    {
        "relationships": _relationships({"clips": _to_many, "transcription": _to_one}),
        # In webhook payloads the transcription link sits beside ``relationships``.
        "transcription": _to_one,
    },
)
_CLIP: Final = _ResourceSpec(
    "clips", CLIP_ATTRIBUTES, {"relationships": _relationships({"media": _to_one})}
)
_TRANSCRIPTION: Final = _ResourceSpec(
    "transcriptions", TRANSCRIPTION_ATTRIBUTES, {"relationships": _any_object}
)
_INCLUDED: Final[Mapping[str, _ResourceSpec]] = {"clips": _CLIP, "transcriptions": _TRANSCRIPTION}


def _resource(value: object, spec: _ResourceSpec, path: str) -> dict[str, Any]:
    obj = _object(value, path)
    non_empty_string(required(obj, "id", path), f"{path}.id")
    type_ = required(obj, "type", path)
    if type_ != spec.type:
        fail(f"{path}.type", f"expected {spec.type!r}, got {describe(type_)}")
    _attributes(required(obj, "attributes", path), spec.rules, f"{path}.attributes")
    return _links(obj, spec.links, path)


def _included(value: object, path: str) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        fail(path, f"expected an array, got {describe(value)}")
    out: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        item_path = f"{path}[{index}]"
        obj = _object(item, item_path)
        type_ = required(obj, "type", item_path)
        if not isinstance(type_, str):
            fail(f"{item_path}.type", f"expected a string, got {describe(type_)}")
        spec = _INCLUDED.get(type_)
        if spec is not None:
            out.append(_resource(obj, spec, item_path))
    return out


def check_media_processing_finished(body: dict[str, Any]) -> dict[str, Any]:
    """Check a ``media.processing_finished`` body; return the copy to hand to ``from_dict``.

    The returned body has ``null`` optional objects removed and unknown included resource
    types left out; ``body`` itself is not modified.
    """
    payload = _object(body["payload"], "$.payload")
    out_payload = dict(payload)
    out_payload["data"] = _resource(
        required(payload, "data", "$.payload"), _MEDIA, "$.payload.data"
    )
    if "included" in payload:
        included = payload["included"]
        if included is None:
            del out_payload["included"]
        else:
            out_payload["included"] = _included(included, "$.payload.included")
    out = dict(body)
    out["payload"] = out_payload
    return out
