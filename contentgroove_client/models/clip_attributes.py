from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_float, parse_int

T = TypeVar("T", bound="ClipAttributes")


@_attrs_define
class ClipAttributes:
    """Attributes of a clip: a suggested or user-made excerpt of a media. Every key may be missing or null."""

    created_at: datetime.datetime | None | Unset = UNSET
    end_char: int | None | str | Unset = UNSET
    """ Offset of the clip's last character in the transcription. Sent as a JSON number or as a numeric string
    ("98.865532"); the generated client parses both into a number. """
    end_time: float | None | str | Unset = UNSET
    """ End, in seconds from the start of the media. Sent as a JSON number or as a numeric string ("98.865532"); the
    generated client parses both into a number. """
    external_id: None | str | Unset = UNSET
    is_processing: bool | None | Unset = UNSET
    media_file_content_type: None | str | Unset = UNSET
    media_file_duration: float | None | str | Unset = UNSET
    """ Duration in seconds. Sent as a JSON number or as a numeric string ("98.865532"); the generated client parses
    both into a number. """
    media_file_height: int | None | str | Unset = UNSET
    """ Sent as a JSON number or as a numeric string ("240"); the generated client parses both into a number. """
    media_file_preview_image_url: None | str | Unset = UNSET
    media_file_url: None | str | Unset = UNSET
    media_file_width: int | None | str | Unset = UNSET
    """ Sent as a JSON number or as a numeric string ("240"); the generated client parses both into a number. """
    name: None | str | Unset = UNSET
    processing_started_at: datetime.datetime | None | Unset = UNSET
    rank: int | None | Unset = UNSET
    """ Rank among the suggested clips, 0 being the best; null for clips made by hand. """
    start_char: int | None | str | Unset = UNSET
    """ Offset of the clip's first character in the transcription. Sent as a JSON number or as a numeric string
    ("98.865532"); the generated client parses both into a number. """
    start_time: float | None | str | Unset = UNSET
    """ Start, in seconds from the start of the media. Sent as a JSON number or as a numeric string ("98.865532");
    the generated client parses both into a number. """
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        end_char: int | None | str | Unset
        if isinstance(self.end_char, Unset):
            end_char = UNSET
        else:
            end_char = self.end_char

        end_time: float | None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        is_processing: bool | None | Unset
        if isinstance(self.is_processing, Unset):
            is_processing = UNSET
        else:
            is_processing = self.is_processing

        media_file_content_type: None | str | Unset
        if isinstance(self.media_file_content_type, Unset):
            media_file_content_type = UNSET
        else:
            media_file_content_type = self.media_file_content_type

        media_file_duration: float | None | str | Unset
        if isinstance(self.media_file_duration, Unset):
            media_file_duration = UNSET
        else:
            media_file_duration = self.media_file_duration

        media_file_height: int | None | str | Unset
        if isinstance(self.media_file_height, Unset):
            media_file_height = UNSET
        else:
            media_file_height = self.media_file_height

        media_file_preview_image_url: None | str | Unset
        if isinstance(self.media_file_preview_image_url, Unset):
            media_file_preview_image_url = UNSET
        else:
            media_file_preview_image_url = self.media_file_preview_image_url

        media_file_url: None | str | Unset
        if isinstance(self.media_file_url, Unset):
            media_file_url = UNSET
        else:
            media_file_url = self.media_file_url

        media_file_width: int | None | str | Unset
        if isinstance(self.media_file_width, Unset):
            media_file_width = UNSET
        else:
            media_file_width = self.media_file_width

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        processing_started_at: None | str | Unset
        if isinstance(self.processing_started_at, Unset):
            processing_started_at = UNSET
        elif isinstance(self.processing_started_at, datetime.datetime):
            processing_started_at = self.processing_started_at.isoformat()
        else:
            processing_started_at = self.processing_started_at

        rank: int | None | Unset
        if isinstance(self.rank, Unset):
            rank = UNSET
        else:
            rank = self.rank

        start_char: int | None | str | Unset
        if isinstance(self.start_char, Unset):
            start_char = UNSET
        else:
            start_char = self.start_char

        start_time: float | None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if end_char is not UNSET:
            field_dict["end_char"] = end_char
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if is_processing is not UNSET:
            field_dict["is_processing"] = is_processing
        if media_file_content_type is not UNSET:
            field_dict["media_file_content_type"] = media_file_content_type
        if media_file_duration is not UNSET:
            field_dict["media_file_duration"] = media_file_duration
        if media_file_height is not UNSET:
            field_dict["media_file_height"] = media_file_height
        if media_file_preview_image_url is not UNSET:
            field_dict["media_file_preview_image_url"] = media_file_preview_image_url
        if media_file_url is not UNSET:
            field_dict["media_file_url"] = media_file_url
        if media_file_width is not UNSET:
            field_dict["media_file_width"] = media_file_width
        if name is not UNSET:
            field_dict["name"] = name
        if processing_started_at is not UNSET:
            field_dict["processing_started_at"] = processing_started_at
        if rank is not UNSET:
            field_dict["rank"] = rank
        if start_char is not UNSET:
            field_dict["start_char"] = start_char
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if text is not UNSET:
            field_dict["text"] = text

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

        _end_char = d.pop("end_char", UNSET)
        end_char: int | None | str | Unset
        if _end_char is None or _end_char is UNSET:
            end_char = _end_char
        else:
            try:
                end_char_type_0 = parse_int(_end_char)

                end_char = end_char_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                end_char = _end_char

        _end_time = d.pop("end_time", UNSET)
        end_time: float | None | str | Unset
        if _end_time is None or _end_time is UNSET:
            end_time = _end_time
        else:
            try:
                end_time_type_0 = parse_float(_end_time)

                end_time = end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                end_time = _end_time

        external_id: None | str | Unset = d.pop("external_id", UNSET)

        is_processing: bool | None | Unset = d.pop("is_processing", UNSET)

        media_file_content_type: None | str | Unset = d.pop(
            "media_file_content_type", UNSET
        )

        _media_file_duration = d.pop("media_file_duration", UNSET)
        media_file_duration: float | None | str | Unset
        if _media_file_duration is None or _media_file_duration is UNSET:
            media_file_duration = _media_file_duration
        else:
            try:
                media_file_duration_type_0 = parse_float(_media_file_duration)

                media_file_duration = media_file_duration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                media_file_duration = _media_file_duration

        _media_file_height = d.pop("media_file_height", UNSET)
        media_file_height: int | None | str | Unset
        if _media_file_height is None or _media_file_height is UNSET:
            media_file_height = _media_file_height
        else:
            try:
                media_file_height_type_0 = parse_int(_media_file_height)

                media_file_height = media_file_height_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                media_file_height = _media_file_height

        media_file_preview_image_url: None | str | Unset = d.pop(
            "media_file_preview_image_url", UNSET
        )

        media_file_url: None | str | Unset = d.pop("media_file_url", UNSET)

        _media_file_width = d.pop("media_file_width", UNSET)
        media_file_width: int | None | str | Unset
        if _media_file_width is None or _media_file_width is UNSET:
            media_file_width = _media_file_width
        else:
            try:
                media_file_width_type_0 = parse_int(_media_file_width)

                media_file_width = media_file_width_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                media_file_width = _media_file_width

        name: None | str | Unset = d.pop("name", UNSET)

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

        _rank = d.pop("rank", UNSET)
        rank: int | None | Unset
        if _rank is None or _rank is UNSET:
            rank = _rank
        else:
            try:
                rank_type_0 = parse_int(_rank)

                rank = rank_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                rank = _rank

        _start_char = d.pop("start_char", UNSET)
        start_char: int | None | str | Unset
        if _start_char is None or _start_char is UNSET:
            start_char = _start_char
        else:
            try:
                start_char_type_0 = parse_int(_start_char)

                start_char = start_char_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                start_char = _start_char

        _start_time = d.pop("start_time", UNSET)
        start_time: float | None | str | Unset
        if _start_time is None or _start_time is UNSET:
            start_time = _start_time
        else:
            try:
                start_time_type_0 = parse_float(_start_time)

                start_time = start_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                start_time = _start_time

        text: None | str | Unset = d.pop("text", UNSET)

        clip_attributes = cls.__new__(cls)
        clip_attributes.created_at = created_at
        clip_attributes.end_char = end_char
        clip_attributes.end_time = end_time
        clip_attributes.external_id = external_id
        clip_attributes.is_processing = is_processing
        clip_attributes.media_file_content_type = media_file_content_type
        clip_attributes.media_file_duration = media_file_duration
        clip_attributes.media_file_height = media_file_height
        clip_attributes.media_file_preview_image_url = media_file_preview_image_url
        clip_attributes.media_file_url = media_file_url
        clip_attributes.media_file_width = media_file_width
        clip_attributes.name = name
        clip_attributes.processing_started_at = processing_started_at
        clip_attributes.rank = rank
        clip_attributes.start_char = start_char
        clip_attributes.start_time = start_time
        clip_attributes.text = text

        clip_attributes.additional_properties = d
        return clip_attributes

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
