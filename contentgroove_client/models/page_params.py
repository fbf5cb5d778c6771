from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_int

T = TypeVar("T", bound="PageParams")


@_attrs_define
class PageParams:
    """Sent as `page[number]=N&page[size]=M`."""

    number: int | Unset = UNSET
    size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if number is not UNSET:
            field_dict["number"] = number
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _number = d.pop("number", UNSET)
        number: int | Unset
        if isinstance(_number, Unset):
            number = UNSET
        else:
            number = parse_int(_number)

        _size = d.pop("size", UNSET)
        size: int | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = parse_int(_size)

        page_params = cls.__new__(cls)
        page_params.number = number
        page_params.size = size

        page_params.additional_properties = d
        return page_params

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
