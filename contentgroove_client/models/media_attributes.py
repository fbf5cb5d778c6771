from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_float, parse_int

T = TypeVar("T", bound="MediaAttributes")


@_attrs_define
class MediaAttributes:
    """Attributes of a media (a video or audio file). Every key may be missing or null."""

    created_at: datetime.datetime | None | Unset = UNSET
    description: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    has_fetch_error: bool | None | Unset = UNSET
    """ True when ContentGroove could not fetch or process the source: processing has failed. """
    is_processing: bool | None | Unset = UNSET
    """ True while ContentGroove is still processing the media. """
    name: None | str | Unset = UNSET
    original_created_at: datetime.datetime | None | Unset = UNSET
    processing_started_at: datetime.datetime | None | Unset = UNSET
    source_created_at: datetime.datetime | None | Unset = UNSET
    source_file_content_type: None | str | Unset = UNSET
    source_file_duration: float | None | str | Unset = UNSET
    """ Duration in seconds. Sent as a JSON number or as a numeric string ("98.865532"); the generated client parses
    both into a number. """
    source_file_height: int | None | str | Unset = UNSET
    """ Height in pixels. Sent as a JSON number or as a numeric string ("98.865532"); the generated client parses
    both into a number. """
    source_file_preview_image_url: None | str | Unset = UNSET
    source_file_width: int | None | str | Unset = UNSET
    """ Width in pixels. Sent as a JSON number or as a numeric string ("98.865532"); the generated client parses
    both into a number. """
    source_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        has_fetch_error: bool | None | Unset
        if isinstance(self.has_fetch_error, Unset):
            has_fetch_error = UNSET
        else:
            has_fetch_error = self.has_fetch_error

        is_processing: bool | None | Unset
        if isinstance(self.is_processing, Unset):
            is_processing = UNSET
        else:
            is_processing = self.is_processing

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        original_created_at: None | str | Unset
        if isinstance(self.original_created_at, Unset):
            original_created_at = UNSET
        elif isinstance(self.original_created_at, datetime.datetime):
            original_created_at = self.original_created_at.isoformat()
        else:
            original_created_at = self.original_created_at

        processing_started_at: None | str | Unset
        if isinstance(self.processing_started_at, Unset):
            processing_started_at = UNSET
        elif isinstance(self.processing_started_at, datetime.datetime):
            processing_started_at = self.processing_started_at.isoformat()
        else:
            processing_started_at = self.processing_started_at

        source_created_at: None | str | Unset
        if isinstance(self.source_created_at, Unset):
            source_created_at = UNSET
        elif isinstance(self.source_created_at, datetime.datetime):
            source_created_at = self.source_created_at.isoformat()
        else:
            source_created_at = self.source_created_at

        source_file_content_type: None | str | Unset
        if isinstance(self.source_file_content_type, Unset):
            source_file_content_type = UNSET
        else:
            source_file_content_type = self.source_file_content_type

        source_file_duration: float | None | str | Unset
        if isinstance(self.source_file_duration, Unset):
            source_file_duration = UNSET
        else:
            source_file_duration = self.source_file_duration

        source_file_height: int | None | str | Unset
        if isinstance(self.source_file_height, Unset):
            source_file_height = UNSET
        else:
            source_file_height = self.source_file_height

        source_file_preview_image_url: None | str | Unset
        if isinstance(self.source_file_preview_image_url, Unset):
            source_file_preview_image_url = UNSET
        else:
            source_file_preview_image_url = self.source_file_preview_image_url

        source_file_width: int | None | str | Unset
        if isinstance(self.source_file_width, Unset):
            source_file_width = UNSET
        else:
            source_file_width = self.source_file_width

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if has_fetch_error is not UNSET:
            field_dict["has_fetch_error"] = has_fetch_error
        if is_processing is not UNSET:
            field_dict["is_processing"] = is_processing
        if name is not UNSET:
            field_dict["name"] = name
        if original_created_at is not UNSET:
            field_dict["original_created_at"] = original_created_at
        if processing_started_at is not UNSET:
            field_dict["processing_started_at"] = processing_started_at
        if source_created_at is not UNSET:
            field_dict["source_created_at"] = source_created_at
        if source_file_content_type is not UNSET:
            field_dict["source_file_content_type"] = source_file_content_type
        if source_file_duration is not UNSET:
            field_dict["source_file_duration"] = source_file_duration
        if source_file_height is not UNSET:
            field_dict["source_file_height"] = source_file_height
        if source_file_preview_image_url is not UNSET:
            field_dict["source_file_preview_image_url"] = source_file_preview_image_url
        if source_file_width is not UNSET:
            field_dict["source_file_width"] = source_file_width
        if source_url is not UNSET:
            field_dict["source_url"] = source_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | None | Unset
        if _created_at is None or _created_at is UNSET:
            created_at = _created_at
        else:
            try:
                if not isinstance(_created_at, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(_created_at)

                created_at = created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                created_at = _created_at

        description: None | str | Unset = d.pop("description", UNSET)

        external_id: None | str | Unset = d.pop("external_id", UNSET)

        has_fetch_error: bool | None | Unset = d.pop("has_fetch_error", UNSET)

        is_processing: bool | None | Unset = d.pop("is_processing", UNSET)

        name: None | str | Unset = d.pop("name", UNSET)

        _original_created_at = d.pop("original_created_at", UNSET)
        original_created_at: datetime.datetime | None | Unset
        if _original_created_at is None or _original_created_at is UNSET:
            original_created_at = _original_created_at
        else:
            try:
                if not isinstance(_original_created_at, str):
                    raise TypeError()
                original_created_at_type_0 = datetime.datetime.fromisoformat(
                    _original_created_at
                )

                original_created_at = original_created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                original_created_at = _original_created_at

        _processing_started_at = d.pop("processing_started_at", UNSET)
        processing_started_at: datetime.datetime | None | Unset
        if _processing_started_at is None or _processing_started_at is UNSET:
            processing_started_at = _processing_started_at
        else:
            try:
                if not isinstance(_processing_started_at, str):
                    raise TypeError()
                processing_started_at_type_0 = datetime.datetime.fromisoformat(
                    _processing_started_at
                )

                processing_started_at = processing_started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                processing_started_at = _processing_started_at

        _source_created_at = d.pop("source_created_at", UNSET)
        source_created_at: datetime.datetime | None | Unset
        if _source_created_at is None or _source_created_at is UNSET:
            source_created_at = _source_created_at
        else:
            try:
                if not isinstance(_source_created_at, str):
                    raise TypeError()
                source_created_at_type_0 = datetime.datetime.fromisoformat(
                    _source_created_at
                )

                source_created_at = source_created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                source_created_at = _source_created_at

        source_file_content_type: None | str | Unset = d.pop(
            "source_file_content_type", UNSET
        )

        _source_file_duration = d.pop("source_file_duration", UNSET)
        source_file_duration: float | None | str | Unset
        if _source_file_duration is None or _source_file_duration is UNSET:
            source_file_duration = _source_file_duration
        else:
            try:
                source_file_duration_type_0 = parse_float(_source_file_duration)

                source_file_duration = source_file_duration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                source_file_duration = _source_file_duration

        _source_file_height = d.pop("source_file_height", UNSET)
        source_file_height: int | None | str | Unset
        if _source_file_height is None or _source_file_height is UNSET:
            source_file_height = _source_file_height
        else:
            try:
                source_file_height_type_0 = parse_int(_source_file_height)

                source_file_height = source_file_height_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                source_file_height = _source_file_height

        source_file_preview_image_url: None | str | Unset = d.pop(
            "source_file_preview_image_url", UNSET
        )

        _source_file_width = d.pop("source_file_width", UNSET)
        source_file_width: int | None | str | Unset
        if _source_file_width is None or _source_file_width is UNSET:
            source_file_width = _source_file_width
        else:
            try:
                source_file_width_type_0 = parse_int(_source_file_width)

                source_file_width = source_file_width_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                source_file_width = _source_file_width

        source_url: None | str | Unset = d.pop("source_url", UNSET)

        media_attributes = cls.__new__(cls)
        media_attributes.created_at = created_at
        media_attributes.description = description
        media_attributes.external_id = external_id
        media_attributes.has_fetch_error = has_fetch_error
        media_attributes.is_processing = is_processing
        media_attributes.name = name
        media_attributes.original_created_at = original_created_at
        media_attributes.processing_started_at = processing_started_at
        media_attributes.source_created_at = source_created_at
        media_attributes.source_file_content_type = source_file_content_type
        media_attributes.source_file_duration = source_file_duration
        media_attributes.source_file_height = source_file_height
        media_attributes.source_file_preview_image_url = source_file_preview_image_url
        media_attributes.source_file_width = source_file_width
        media_attributes.source_url = source_url

        media_attributes.additional_properties = d
        return media_attributes

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
