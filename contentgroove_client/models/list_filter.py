from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ListFilter")


@_attrs_define
class ListFilter:
    """Ransack filters, sent as `filter[<attribute>_<matcher>]=value` (e.g. `filter[name_eq]=chimp`). A list value is sent
    as `filter[<key>][]=a&filter[<key>][]=b` (for `_in`).

    """

    additional_properties: dict[str, list[str] | str] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = prop

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_filter = cls.__new__(cls)

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            _additional_property = prop_dict
            additional_property: list[str] | str
            try:
                if not isinstance(_additional_property, list):
                    raise TypeError()
                additional_property_type_1 = cast(list[str], _additional_property)

                additional_property = additional_property_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                additional_property = _additional_property

            additional_properties[prop_name] = additional_property

        list_filter.additional_properties = additional_properties
        return list_filter

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> list[str] | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: list[str] | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
