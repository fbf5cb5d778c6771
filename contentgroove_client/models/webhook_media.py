from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_media_type import WebhookMediaType, check_webhook_media_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookMedia")


@_attrs_define
class WebhookMedia:
    """The media inside a webhook payload. Unlike API responses, the transcription link sits beside `relationships`, not
    inside it.

    """

    id: str
    type_: WebhookMediaType
    attributes: MediaAttributes
    """ Attributes of a media (a video or audio file). Every key may be missing or null. """
    relationships: MediaRelationships | Unset = UNSET
    transcription: ToOneRelationship | Unset = UNSET
    """ A to-one relationship. `data` is null when nothing is related; the API may also send an empty object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str = self.type_

        attributes = self.attributes.to_dict()

        relationships: dict[str, Any] | Unset = UNSET
        if not isinstance(self.relationships, Unset):
            relationships = self.relationships.to_dict()

        transcription: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transcription, Unset):
            transcription = self.transcription.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "attributes": attributes,
            }
        )
        if relationships is not UNSET:
            field_dict["relationships"] = relationships
        if transcription is not UNSET:
            field_dict["transcription"] = transcription

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = check_webhook_media_type(d.pop("type"))

        attributes = MediaAttributes.from_dict(d.pop("attributes"))

        _relationships = d.pop("relationships", UNSET)
        relationships: MediaRelationships | Unset
        if isinstance(_relationships, Unset):
            relationships = UNSET
        else:
            relationships = MediaRelationships.from_dict(_relationships)

        _transcription = d.pop("transcription", UNSET)
        transcription: ToOneRelationship | Unset
        if isinstance(_transcription, Unset):
            transcription = UNSET
        else:
            transcription = ToOneRelationship.from_dict(_transcription)

        webhook_media = cls.__new__(cls)
        webhook_media.id = id
        webhook_media.type_ = type_
        webhook_media.attributes = attributes
        webhook_media.relationships = relationships
        webhook_media.transcription = transcription

        webhook_media.additional_properties = d
        return webhook_media

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
from ..models.media_attributes import MediaAttributes  # noqa: E402
from ..models.media_relationships import MediaRelationships  # noqa: E402
from ..models.to_one_relationship import ToOneRelationship  # noqa: E402
