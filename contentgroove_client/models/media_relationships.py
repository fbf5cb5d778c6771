from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MediaRelationships")


@_attrs_define
class MediaRelationships:
    clips: ToManyRelationship | Unset = UNSET
    """ A to-many relationship; the API may send an empty object instead of an empty list. """
    transcription: ToOneRelationship | Unset = UNSET
    """ A to-one relationship. `data` is null when nothing is related; the API may also send an empty object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clips: dict[str, Any] | Unset = UNSET
        if not isinstance(self.clips, Unset):
            clips = self.clips.to_dict()

        transcription: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transcription, Unset):
            transcription = self.transcription.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if clips is not UNSET:
            field_dict["clips"] = clips
        if transcription is not UNSET:
            field_dict["transcription"] = transcription

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _clips = d.pop("clips", UNSET)
        clips: ToManyRelationship | Unset
        if isinstance(_clips, Unset):
            clips = UNSET
        else:
            clips = ToManyRelationship.from_dict(_clips)

        _transcription = d.pop("transcription", UNSET)
        transcription: ToOneRelationship | Unset
        if isinstance(_transcription, Unset):
            transcription = UNSET
        else:
            transcription = ToOneRelationship.from_dict(_transcription)

        media_relationships = cls.__new__(cls)
        media_relationships.clips = clips
        media_relationships.transcription = transcription

        media_relationships.additional_properties = d
        return media_relationships

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
from ..models.to_many_relationship import ToManyRelationship  # noqa: E402
from ..models.to_one_relationship import ToOneRelationship  # noqa: E402
