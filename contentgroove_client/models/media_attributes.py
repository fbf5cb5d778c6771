from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

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

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_has_fetch_error(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_fetch_error = _parse_has_fetch_error(d.pop("has_fetch_error", UNSET))

        def _parse_is_processing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_processing = _parse_is_processing(d.pop("is_processing", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_original_created_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                original_created_at_type_0 = datetime.datetime.fromisoformat(data)

                return original_created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        original_created_at = _parse_original_created_at(
            d.pop("original_created_at", UNSET)
        )

        def _parse_processing_started_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                processing_started_at_type_0 = datetime.datetime.fromisoformat(data)

                return processing_started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        processing_started_at = _parse_processing_started_at(
            d.pop("processing_started_at", UNSET)
        )

        def _parse_source_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_created_at_type_0 = datetime.datetime.fromisoformat(data)

                return source_created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        source_created_at = _parse_source_created_at(d.pop("source_created_at", UNSET))

        def _parse_source_file_content_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_file_content_type = _parse_source_file_content_type(
            d.pop("source_file_content_type", UNSET)
        )

        def _parse_source_file_duration(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                source_file_duration_type_0 = parse_float(data)

                return source_file_duration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | str | Unset, data)

        source_file_duration = _parse_source_file_duration(
            d.pop("source_file_duration", UNSET)
        )

        def _parse_source_file_height(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                source_file_height_type_0 = parse_int(data)

                return source_file_height_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | str | Unset, data)

        source_file_height = _parse_source_file_height(
            d.pop("source_file_height", UNSET)
        )

        def _parse_source_file_preview_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_file_preview_image_url = _parse_source_file_preview_image_url(
            d.pop("source_file_preview_image_url", UNSET)
        )

        def _parse_source_file_width(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                source_file_width_type_0 = parse_int(data)

                return source_file_width_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | str | Unset, data)

        source_file_width = _parse_source_file_width(d.pop("source_file_width", UNSET))

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        media_attributes = cls(
            created_at=created_at,
            description=description,
            external_id=external_id,
            has_fetch_error=has_fetch_error,
            is_processing=is_processing,
            name=name,
            original_created_at=original_created_at,
            processing_started_at=processing_started_at,
            source_created_at=source_created_at,
            source_file_content_type=source_file_content_type,
            source_file_duration=source_file_duration,
            source_file_height=source_file_height,
            source_file_preview_image_url=source_file_preview_image_url,
            source_file_width=source_file_width,
            source_url=source_url,
        )

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
