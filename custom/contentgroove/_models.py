"""Typed, flattened views over the generated JSON:API models.

The generated models mirror the wire format (``media.attributes.name`` may be ``UNSET``);
these views flatten the attributes (``media.name``), turn missing keys into ``None`` and keep
the generated resource reachable as ``.raw``.
"""

from __future__ import annotations

import datetime
import math
import operator
from typing import Final

import attrs

from contentgroove_client.models.clip import Clip as _GenClip
from contentgroove_client.models.direct_upload import DirectUpload as _GenDirectUpload
from contentgroove_client.models.media import Media as _GenMedia
from contentgroove_client.models.resource_identifier import ResourceIdentifier
from contentgroove_client.models.to_many_relationship import ToManyRelationship
from contentgroove_client.models.to_one_relationship import ToOneRelationship
from contentgroove_client.models.transcription import Transcription as _GenTranscription
from contentgroove_client.models.webhook_media import WebhookMedia as _GenWebhookMedia
from contentgroove_client.models.webhook_subscription import (
    WebhookSubscription as _GenWebhookSubscription,
)
from contentgroove_client.types import Unset

from ._exceptions import APIResponseValidationError

__all__ = ["Clip", "DirectUpload", "Media", "Transcription", "WebhookSubscription"]

_ID: Final = operator.attrgetter("id")


def _wrong(field: str, expected: str, value: object) -> APIResponseValidationError:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:59] + "…"
    return APIResponseValidationError(f"{field}: expected {expected}, got {shown}")


# Each attribute is checked against the type the API documents; a missing key (UNSET) and
# null are both None. The common case is tested first: these run for every attribute of
# every resource the SDK parses.


def _str(value: object, field: str) -> str | None:
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, Unset):
        return None
    raise _wrong(field, "a string", value)


def _bool(value: object, field: str) -> bool | None:
    if value is True or value is False:
        return value
    if value is None or isinstance(value, Unset):
        return None
    raise _wrong(field, "true or false", value)


def _datetime(value: object, field: str) -> datetime.datetime | None:
    if isinstance(value, datetime.datetime):
        return value
    if value is None or isinstance(value, Unset):
        return None
    raise _wrong(field, "an ISO 8601 date-time", value)


def _float(value: object, field: str) -> float | None:
    """A numeric attribute; the generated parser already turned numeric strings into numbers."""
    if type(value) is float and math.isfinite(value):
        return value
    if value is None or isinstance(value, Unset):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number):
            return number
    # A string left by the generated parser was not numeric: the body breaks the API contract.
    raise _wrong(field, "a finite number", value)


def _int(value: object, field: str) -> int | None:
    if type(value) is int:
        return value
    if value is None or isinstance(value, Unset):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise _wrong(field, "a whole number", value)


def _one_id(rel: ToOneRelationship | Unset | None, field: str) -> str | None:
    if rel is None or isinstance(rel, Unset):
        return None
    data = rel.data
    if isinstance(data, ResourceIdentifier):
        return data.id
    if data is None or isinstance(data, Unset):
        return None
    raise _wrong(f"{field}.data", "a resource identifier", data)


def _many_ids(rel: ToManyRelationship | Unset | None) -> tuple[str, ...]:
    if rel is None or isinstance(rel, Unset) or isinstance(rel.data, Unset):
        return ()
    return tuple(map(_ID, rel.data))


@attrs.frozen(kw_only=True)
class Media:
    """A video or audio file and its processing state."""

    id: str
    name: str | None
    description: str | None
    source_url: str | None
    external_id: str | None
    is_processing: bool | None
    """``True`` while processing; ``None`` right after creation, before processing starts."""
    has_fetch_error: bool
    """``True`` when ContentGroove could not fetch or process the file: processing failed."""
    created_at: datetime.datetime | None
    original_created_at: datetime.datetime | None
    processing_started_at: datetime.datetime | None
    source_created_at: datetime.datetime | None
    content_type: str | None
    duration: float | None
    """Duration in seconds."""
    width: int | None
    height: int | None
    preview_image_url: str | None
    clip_ids: tuple[str, ...]
    transcription_id: str | None
    raw: _GenMedia | _GenWebhookMedia = attrs.field(repr=False, eq=False)
    """The generated JSON:API resource this view was built from."""

    @property
    def is_processed(self) -> bool:
        """``True`` once processing has finished, successfully or not."""
        return self.has_fetch_error or self.is_processing is False

    @classmethod
    def from_generated(cls, resource: _GenMedia | _GenWebhookMedia) -> Media:
        """Build the view from a generated ``Media`` (API) or ``WebhookMedia`` (webhook)."""
        a = resource.attributes
        rel = resource.relationships
        if isinstance(rel, Unset):
            clip_ids: tuple[str, ...] = ()
            transcription_id = None
        else:
            clip_ids = _many_ids(rel.clips)
            transcription_id = _one_id(rel.transcription, "relationships.transcription")
        if transcription_id is None and isinstance(resource, _GenWebhookMedia):
            transcription_id = _one_id(resource.transcription, "transcription")
        return cls(
            id=resource.id,
            name=_str(a.name, "name"),
            description=_str(a.description, "description"),
            source_url=_str(a.source_url, "source_url"),
            external_id=_str(a.external_id, "external_id"),
            is_processing=_bool(a.is_processing, "is_processing"),
            has_fetch_error=_bool(a.has_fetch_error, "has_fetch_error") is True,
            created_at=_datetime(a.created_at, "created_at"),
            original_created_at=_datetime(a.original_created_at, "original_created_at"),
            processing_started_at=_datetime(a.processing_started_at, "processing_started_at"),
            source_created_at=_datetime(a.source_created_at, "source_created_at"),
            content_type=_str(a.source_file_content_type, "source_file_content_type"),
            duration=_float(a.source_file_duration, "source_file_duration"),
            width=_int(a.source_file_width, "source_file_width"),
            height=_int(a.source_file_height, "source_file_height"),
            preview_image_url=_str(
                a.source_file_preview_image_url, "source_file_preview_image_url"
            ),
            clip_ids=clip_ids,
            transcription_id=transcription_id,
            raw=resource,
        )


@attrs.frozen(kw_only=True)
class Clip:
    """An excerpt of a media: suggested by ContentGroove (``rank`` set) or made by hand."""

    id: str
    media_id: str | None
    name: str | None
    rank: int | None
    start_time: float | None
    end_time: float | None
    start_char: int | None
    end_char: int | None
    text: str | None
    external_id: str | None
    is_processing: bool | None
    created_at: datetime.datetime | None
    processing_started_at: datetime.datetime | None
    content_type: str | None
    duration: float | None
    width: int | None
    height: int | None
    file_url: str | None
    preview_image_url: str | None
    raw: _GenClip = attrs.field(repr=False, eq=False)
    """The generated JSON:API resource this view was built from."""

    @property
    def is_processed(self) -> bool:
        """``True`` once the clip's file has been processed."""
        return self.is_processing is False

    @classmethod
    def from_generated(cls, resource: _GenClip) -> Clip:
        """Build the view from a generated ``Clip``."""
        a = resource.attributes
        rel = resource.relationships
        return cls(
            id=resource.id,
            media_id=None if isinstance(rel, Unset) else _one_id(rel.media, "relationships.media"),
            name=_str(a.name, "name"),
            rank=_int(a.rank, "rank"),
            start_time=_float(a.start_time, "start_time"),
            end_time=_float(a.end_time, "end_time"),
            start_char=_int(a.start_char, "start_char"),
            end_char=_int(a.end_char, "end_char"),
            text=_str(a.text, "text"),
            external_id=_str(a.external_id, "external_id"),
            is_processing=_bool(a.is_processing, "is_processing"),
            created_at=_datetime(a.created_at, "created_at"),
            processing_started_at=_datetime(a.processing_started_at, "processing_started_at"),
            content_type=_str(a.media_file_content_type, "media_file_content_type"),
            duration=_float(a.media_file_duration, "media_file_duration"),
            width=_int(a.media_file_width, "media_file_width"),
            height=_int(a.media_file_height, "media_file_height"),
            file_url=_str(a.media_file_url, "media_file_url"),
            preview_image_url=_str(a.media_file_preview_image_url, "media_file_preview_image_url"),
            raw=resource,
        )


@attrs.frozen(kw_only=True)
class Transcription:
    """The transcription of a media's spoken words."""

    id: str
    text: str | None
    raw: _GenTranscription = attrs.field(repr=False, eq=False)
    """The generated JSON:API resource this view was built from."""

    @classmethod
    def from_generated(cls, resource: _GenTranscription) -> Transcription:
        """Build the view from a generated ``Transcription``."""
        return cls(id=resource.id, text=_str(resource.attributes.text, "text"), raw=resource)


@attrs.frozen(kw_only=True)
class DirectUpload:
    """A presigned upload slot: PUT the file to ``upload_url``, then create a media from it."""

    id: str
    upload_id: str
    upload_url: str = attrs.field(repr=False)
    """Presigned, secret-bearing URL on the storage host (kept out of ``repr``)."""
    raw: _GenDirectUpload = attrs.field(repr=False, eq=False)
    """The generated JSON:API resource this view was built from."""

    @classmethod
    def from_generated(cls, resource: _GenDirectUpload) -> DirectUpload:
        """Build the view from a generated ``DirectUpload``."""
        return cls(
            id=resource.id,
            upload_id=resource.attributes.upload_id,
            upload_url=resource.attributes.upload_url,
            raw=resource,
        )


@attrs.frozen(kw_only=True)
class WebhookSubscription:
    """A URL that ContentGroove POSTs events to."""

    id: str
    url: str | None
    active: bool | None
    subscribed_events: tuple[str, ...]
    """Event names, or ``("*",)`` for every event."""
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    raw: _GenWebhookSubscription = attrs.field(repr=False, eq=False)
    """The generated JSON:API resource this view was built from."""

    @classmethod
    def from_generated(cls, resource: _GenWebhookSubscription) -> WebhookSubscription:
        """Build the view from a generated ``WebhookSubscription``."""
        a = resource.attributes
        events = a.subscribed_events
        if events is None or isinstance(events, Unset):
            subscribed_events: tuple[str, ...] = ()
        elif isinstance(events, list) and all(isinstance(e, str) for e in events):
            subscribed_events = tuple(events)
        else:
            raise _wrong("subscribed_events", "a list of event names", events)
        return cls(
            id=resource.id,
            url=_str(a.url, "url"),
            active=_bool(a.active, "active"),
            subscribed_events=subscribed_events,
            created_at=_datetime(a.created_at, "created_at"),
            updated_at=_datetime(a.updated_at, "updated_at"),
            raw=resource,
        )
