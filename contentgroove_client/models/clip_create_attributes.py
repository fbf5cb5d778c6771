from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import parse_float

T = TypeVar("T", bound="ClipCreateAttributes")


@_attrs_define
class ClipCreateAttributes:
    media_id: str
    name: str
    start_time: float
    end_time: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media_id = self.media_id

        name = self.name

        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "media_id": media_id,
                "name": name,
                "start_time": start_time,
                "end_time": end_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        media_id = d.pop("media_id")

        name = d.pop("name")

        start_time = parse_float(d.pop("start_time"))

        end_time = parse_float(d.pop("end_time"))

        clip_create_attributes = cls.__new__(cls)
        clip_create_attributes.media_id = media_id
        clip_create_attributes.name = name
        clip_create_attributes.start_time = start_time
        clip_create_attributes.end_time = end_time

        clip_create_attributes.additional_properties = d
        return clip_create_attributes

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
