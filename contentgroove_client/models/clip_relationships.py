from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClipRelationships")


@_attrs_define
class ClipRelationships:
    media: ToOneRelationship | Unset = UNSET
    """ A to-one relationship. `data` is null when nothing is related; the API may also send an empty object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media: dict[str, Any] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = self.media.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if media is not UNSET:
            field_dict["media"] = media

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _media = d.pop("media", UNSET)
        media: ToOneRelationship | Unset
        if isinstance(_media, Unset):
            media = UNSET
        else:
            media = ToOneRelationship.from_dict(_media)

        clip_relationships = cls.__new__(cls)
        clip_relationships.media = media

        clip_relationships.additional_properties = d
        return clip_relationships

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
from ..models.to_one_relationship import ToOneRelationship  # noqa: E402
