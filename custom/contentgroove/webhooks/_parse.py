"""Turn the raw body of a webhook POST into a typed event."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final, NoReturn

from contentgroove_client.models.clip import Clip as _GenClip
from contentgroove_client.models.media_processing_finished_event import (
    MediaProcessingFinishedEvent as _GenEvent,
)
from contentgroove_client.models.transcription import Transcription as _GenTranscription
from contentgroove_client.types import Unset

from .._exceptions import ConfigurationError
from .._models import Clip, Media, Transcription
from ._conform import conforms
from ._errors import WebhookPayloadError
from ._types import MEDIA_PROCESSING_FINISHED, MediaProcessingFinished, UnknownEvent, WebhookEvent
from ._validate import check_media_processing_finished, describe, fail, non_empty_string, required

__all__ = ["DEFAULT_MAX_BYTES", "parse_event"]

DEFAULT_MAX_BYTES: Final = 16 * 1024 * 1024
"""Largest webhook body accepted by default (16 MiB)."""

_UTF8_NAMES: Final = frozenset({"utf-8", "utf8"})


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    for key, item in headers.items():
        if key.lower() == name:
            return item
    return None


def _check_headers(headers: Mapping[str, str]) -> None:
    encoding = _header(headers, "content-encoding")
    if encoding is not None and encoding.strip().lower() not in ("", "identity"):
        fail("$", f"Content-Encoding {encoding.strip()!r} is not supported; expected plain JSON")
    content_type = _header(headers, "content-type")
    if content_type is None:
        return
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
            if charset not in _UTF8_NAMES:
                fail("$", f"charset {charset!r} is not supported; webhook bodies are UTF-8 JSON")


def _reject_constant(name: str) -> NoReturn:
    fail("$", f"body is not valid JSON: {name} is not a JSON number")


_JSON: Final = json.JSONDecoder(parse_constant=_reject_constant)


def _decode(body: bytes | bytearray | memoryview | str, max_bytes: int) -> Any:
    if isinstance(body, str):
        text = body
        size = len(body.encode("utf-8", "surrogatepass"))
    elif isinstance(body, bytes | bytearray | memoryview):
        data = bytes(body)
        size = len(data)
    else:
        raise TypeError(
            f"parse_event(body=...) expects the raw request body as bytes, "
            f"got {type(body).__name__}"
        )
    if size > max_bytes:
        fail("$", f"body is larger than the limit of {max_bytes} bytes")
    if not isinstance(body, str):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            fail("$", f"body is not UTF-8: invalid byte at offset {exc.start}")
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():
        fail("$", "body is empty; expected a JSON object")
    try:
        return _JSON.decode(text)
    except json.JSONDecodeError as exc:
        fail("$", f"body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
    except RecursionError:
        fail("$", "body nests arrays or objects too deeply")
    except WebhookPayloadError:
        raise
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        fail("$", f"body is not valid JSON: {exc}")


def _sorted_clips(clips: list[Clip]) -> tuple[Clip, ...]:
    return tuple(sorted(clips, key=lambda c: (c.rank is None, c.rank or 0)))


def _event(body: dict[str, Any], model: _GenEvent) -> MediaProcessingFinished:
    """The event with its views, built from the generated model of ``body``."""
    media = Media.from_generated(model.payload.data)
    included = model.payload.included
    clips_by_id: dict[str, Clip] = {}
    transcriptions: dict[str, Transcription] = {}
    for item in () if isinstance(included, Unset) else included:
        if isinstance(item, _GenClip):
            clips_by_id.setdefault(item.id, Clip.from_generated(item))
        elif isinstance(item, _GenTranscription):
            transcriptions.setdefault(item.id, Transcription.from_generated(item))

    if media.clip_ids:
        clips = [clips_by_id[i] for i in dict.fromkeys(media.clip_ids) if i in clips_by_id]
    else:  # the relationship is empty or missing: every included clip of this media
        clips = [c for c in clips_by_id.values() if c.media_id in (None, media.id)]
    if media.transcription_id is not None:
        transcription = transcriptions.get(media.transcription_id)
    else:
        transcription = next(iter(transcriptions.values()), None)
    return MediaProcessingFinished(
        media=media, clips=_sorted_clips(clips), transcription=transcription, raw=body
    )


def _build(body: dict[str, Any]) -> MediaProcessingFinished:
    """Parse a ``media.processing_finished`` body with the generated parser, or fail precisely.

    A well-formed body is parsed as it is: the generated parser, the views and
    :func:`conforms` each check part of it. Any other body goes through the full validator,
    which names the JSON path at fault or removes the tolerated quirks (``null`` objects,
    unknown included types) before the body is parsed again.
    """
    try:
        model = _GenEvent.from_dict(body)
        if conforms(body, model):
            return _event(body, model)
    except Exception:
        pass  # the validator explains what is wrong
    checked = check_media_processing_finished(body)
    try:
        return _event(body, _GenEvent.from_dict(checked))
    except Exception as exc:  # the checks above should make this unreachable
        message = f"{type(exc).__name__}: {exc}"[:200]
        raise WebhookPayloadError(
            f"does not match the MediaProcessingFinishedEvent schema ({message})",
            path="$.payload",
        ) from exc


def parse_event(
    body: bytes | bytearray | memoryview | str,
    headers: Mapping[str, str] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> WebhookEvent:
    """Parse the raw body of a ContentGroove webhook POST into a typed event.

    ``media.processing_finished`` becomes :class:`MediaProcessingFinished`; any other event
    name becomes :class:`UnknownEvent` with its payload untouched, so new events never break
    a receiver. ``headers`` (optional, any case) are checked for a non-UTF-8 charset or a
    compressed body, which are refused.

    Raises :class:`WebhookPayloadError` (with ``.path``) when the body is larger than
    ``max_bytes``, not UTF-8, not JSON, or not shaped like the documented event.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ConfigurationError(
            f"parse_event(max_bytes=...) must be a positive number of bytes, got {max_bytes!r}"
        )
    if headers is not None:
        _check_headers(headers)
    data = _decode(body, max_bytes)
    if not isinstance(data, dict):
        fail("$", f"expected a JSON object, got {describe(data)}")
    name = non_empty_string(required(data, "event", "$"), "$.event")
    payload = required(data, "payload", "$")
    if name != MEDIA_PROCESSING_FINISHED:
        return UnknownEvent(name, payload, raw=data)
    return _build(data)
