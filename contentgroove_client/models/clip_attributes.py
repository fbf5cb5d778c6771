from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

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

        def _parse_end_char(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                end_char_type_0 = parse_int(data)

                return end_char_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | str | Unset, data)

        end_char = _parse_end_char(d.pop("end_char", UNSET))

        def _parse_end_time(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                end_time_type_0 = parse_float(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | str | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_is_processing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_processing = _parse_is_processing(d.pop("is_processing", UNSET))

        def _parse_media_file_content_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        media_file_content_type = _parse_media_file_content_type(
            d.pop("media_file_content_type", UNSET)
        )

        def _parse_media_file_duration(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                media_file_duration_type_0 = parse_float(data)

                return media_file_duration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | str | Unset, data)

        media_file_duration = _parse_media_file_duration(
            d.pop("media_file_duration", UNSET)
        )

        def _parse_media_file_height(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                media_file_height_type_0 = parse_int(data)

                return media_file_height_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | str | Unset, data)

        media_file_height = _parse_media_file_height(d.pop("media_file_height", UNSET))

        def _parse_media_file_preview_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        media_file_preview_image_url = _parse_media_file_preview_image_url(
            d.pop("media_file_preview_image_url", UNSET)
        )

        def _parse_media_file_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        media_file_url = _parse_media_file_url(d.pop("media_file_url", UNSET))

        def _parse_media_file_width(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                media_file_width_type_0 = parse_int(data)

                return media_file_width_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | str | Unset, data)

        media_file_width = _parse_media_file_width(d.pop("media_file_width", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_rank(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                rank_type_0 = parse_int(data)

                return rank_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | Unset, data)

        rank = _parse_rank(d.pop("rank", UNSET))

        def _parse_start_char(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                start_char_type_0 = parse_int(data)

                return start_char_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | None | str | Unset, data)

        start_char = _parse_start_char(d.pop("start_char", UNSET))

        def _parse_start_time(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, (int, float, str)):
                    raise TypeError()
                start_time_type_0 = parse_float(data)

                return start_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | None | str | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        clip_attributes = cls(
            created_at=created_at,
            end_char=end_char,
            end_time=end_time,
            external_id=external_id,
            is_processing=is_processing,
            media_file_content_type=media_file_content_type,
            media_file_duration=media_file_duration,
            media_file_height=media_file_height,
            media_file_preview_image_url=media_file_preview_image_url,
            media_file_url=media_file_url,
            media_file_width=media_file_width,
            name=name,
            processing_started_at=processing_started_at,
            rank=rank,
            start_char=start_char,
            start_time=start_time,
            text=text,
        )

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
