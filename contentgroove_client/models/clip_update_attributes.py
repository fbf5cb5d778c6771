from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_float

T = TypeVar("T", bound="ClipUpdateAttributes")


@_attrs_define
class ClipUpdateAttributes:
    name: str | Unset = UNSET
    start_time: float | Unset = UNSET
    end_time: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _start_time = d.pop("start_time", UNSET)
        start_time: float | Unset
        if isinstance(_start_time, Unset):
            start_time = UNSET
        else:
            start_time = parse_float(_start_time)

        _end_time = d.pop("end_time", UNSET)
        end_time: float | Unset
        if isinstance(_end_time, Unset):
            end_time = UNSET
        else:
            end_time = parse_float(_end_time)

        clip_update_attributes = cls.__new__(cls)
        clip_update_attributes.name = name
        clip_update_attributes.start_time = start_time
        clip_update_attributes.end_time = end_time

        clip_update_attributes.additional_properties = d
        return clip_update_attributes

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
