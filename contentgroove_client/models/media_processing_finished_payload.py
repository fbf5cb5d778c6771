from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MediaProcessingFinishedPayload")


@_attrs_define
class MediaProcessingFinishedPayload:
    data: WebhookMedia
    """ The media inside a webhook payload. Unlike API responses, the transcription link sits beside
    `relationships`, not inside it. """
    included: list[Clip | Transcription] | Unset = UNSET
    """ The media's clips and its transcription. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        included: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.included, Unset):
            included = []
            for included_item_data in self.included:
                included_item: dict[str, Any]
                if isinstance(included_item_data, Clip):
                    included_item = included_item_data.to_dict()
                else:
                    included_item = included_item_data.to_dict()

                included.append(included_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if included is not UNSET:
            field_dict["included"] = included

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = WebhookMedia.from_dict(d.pop("data"))

        _included = d.pop("included", UNSET)
        included: list[Clip | Transcription] | Unset = UNSET
        if _included is not UNSET:
            included = []
            for included_item_data in _included:
                _included_item = included_item_data
                included_item: Clip | Transcription
                try:
                    if not isinstance(_included_item, dict):
                        raise TypeError()
                    included_item_type_0 = Clip.from_dict(_included_item)

                    included_item = included_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    if not isinstance(_included_item, dict):
                        raise TypeError()
                    included_item_type_1 = Transcription.from_dict(_included_item)

                    included_item = included_item_type_1

                included.append(included_item)

        media_processing_finished_payload = cls.__new__(cls)
        media_processing_finished_payload.data = data
        media_processing_finished_payload.included = included

        media_processing_finished_payload.additional_properties = d
        return media_processing_finished_payload

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
from ..models.clip import Clip  # noqa: E402
from ..models.transcription import Transcription  # noqa: E402
from ..models.webhook_media import WebhookMedia  # noqa: E402
