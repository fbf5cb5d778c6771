from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ToOneRelationship")


@_attrs_define
class ToOneRelationship:
    """A to-one relationship. `data` is null when nothing is related; the API may also send an empty object."""

    data: None | ResourceIdentifier | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, ResourceIdentifier):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: None | ResourceIdentifier | Unset
        if _data is None or _data is UNSET:
            data = _data
        else:
            try:
                if not isinstance(_data, dict):
                    raise TypeError()
                data_type_0 = ResourceIdentifier.from_dict(_data)

                data = data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                data = _data

        to_one_relationship = cls.__new__(cls)
        to_one_relationship.data = data

        to_one_relationship.additional_properties = d
        return to_one_relationship

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


# Imported after the class so that models referring to each other still import.
from ..models.resource_identifier import ResourceIdentifier  # noqa: E402
