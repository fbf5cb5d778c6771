"""A quick yes/no check that a body the generated parser accepted is one the validator accepts.

:func:`parse_event` first hands the decoded body straight to the generated
``MediaProcessingFinishedEvent.from_dict`` and builds the views (``Media``, ``Clip``, ...)
from the result. Between them, they refuse most malformed bodies: the generated parser
raises on missing required keys and unexpected ``type`` values and converts only the numbers
and timestamps the validator accepts, and the views refuse any attribute whose parsed value
does not have the documented type (a string where a boolean belongs, a number or timestamp
that was left unconverted). What neither sees is checked here: that objects and arrays are
JSON objects and arrays (``dict()`` accepts a list of pairs, a ``for`` loop an object), and
that ids are non-empty strings.

When the answer is no (or the generated parser or a view raised), the body goes through the
full validator in ``_validate``, which names the JSON path at fault or normalises the body's
tolerated quirks (``null`` objects, included resources of unknown types) before parsing it
again. :func:`conforms` may say no to a valid body (the validator then accepts it); it never
says yes to a body the validator refuses.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Final

from contentgroove_client.models.clip import Clip as _GenClip
from contentgroove_client.models.media_processing_finished_event import (
    MediaProcessingFinishedEvent as _GenEvent,
)
from contentgroove_client.models.transcription import Transcription as _GenTranscription
from contentgroove_client.types import Unset

__all__ = ["conforms"]

_ID_TYPE: Final = itemgetter("id", "type")


def _id(value: object) -> bool:
    return type(value) is str and value != ""


def _to_one(link: object) -> bool:
    if type(link) is not dict:
        return False
    data = link.get("data")
    if data is None:
        return True
    return type(data) is dict and _id(data.get("id")) and type(data.get("type")) is str


def _to_many(link: object) -> bool:
    if type(link) is not dict:
        return False
    if "data" not in link:
        return True
    data = link["data"]
    if type(data) is not list:
        return False
    for item in data:
        if type(item) is not dict:
            return False
        id_, type_ = _ID_TYPE(item)  # both present: the generated parser required them
        if not _id(id_) or type(type_) is not str:
            return False
    return True


def _media(raw: dict[str, Any]) -> bool:
    if not _id(raw["id"]) or type(raw["attributes"]) is not dict:
        return False
    if "relationships" in raw:
        relationships = raw["relationships"]
        if type(relationships) is not dict:
            return False
        if "clips" in relationships and not _to_many(relationships["clips"]):
            return False
        if "transcription" in relationships and not _to_one(relationships["transcription"]):
            return False
    return "transcription" not in raw or _to_one(raw["transcription"])


def _included(raw: list[Any], parsed: list[_GenClip | _GenTranscription]) -> bool:
    for item, model in zip(raw, parsed, strict=True):
        # Objects of type "clips" or "transcriptions": the generated parser made sure of it.
        id_ = item["id"]
        if type(id_) is not str or not id_ or type(item["attributes"]) is not dict:
            return False
        relationships = item.get("relationships")
        if relationships is None:  # missing: the generated parser refuses a null
            continue
        if type(relationships) is not dict:
            return False
        if isinstance(model, _GenClip) and "media" in relationships:
            if not _to_one(relationships["media"]):
                return False
    return True


def conforms(body: dict[str, Any], parsed: _GenEvent) -> bool:
    """``True`` when ``parsed``, made from ``body`` by the generated parser, needs no correction.

    That is, provided the views accept ``parsed``, the full validator would accept ``body``
    and hand the generated parser that same body.
    """
    payload = body["payload"]
    if type(payload) is not dict:
        return False
    data = payload["data"]
    if type(data) is not dict or not _media(data):
        return False
    if "included" not in payload:
        return True
    included = payload["included"]
    items = parsed.payload.included
    return type(included) is list and not isinstance(items, Unset) and _included(included, items)
