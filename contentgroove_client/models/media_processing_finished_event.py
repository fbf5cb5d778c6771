from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.media_processing_finished_event_event import (
    MediaProcessingFinishedEventEvent,
    check_media_processing_finished_event_event,
)

T = TypeVar("T", bound="MediaProcessingFinishedEvent")


@_attrs_define
class MediaProcessingFinishedEvent:
    """Body of the `media.processing_finished` webhook POST."""

    event: MediaProcessingFinishedEventEvent
    payload: MediaProcessingFinishedPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event: str = self.event

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event = check_media_processing_finished_event_event(d.pop("event"))

        payload = MediaProcessingFinishedPayload.from_dict(d.pop("payload"))

        media_processing_finished_event = cls.__new__(cls)
        media_processing_finished_event.event = event
        media_processing_finished_event.payload = payload

        media_processing_finished_event.additional_properties = d
        return media_processing_finished_event

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
from ..models.media_processing_finished_payload import MediaProcessingFinishedPayload  # noqa: E402
