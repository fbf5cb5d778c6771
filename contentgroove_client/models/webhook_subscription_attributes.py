from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookSubscriptionAttributes")


@_attrs_define
class WebhookSubscriptionAttributes:
    active: bool | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    subscribed_events: list[str] | None | Unset = UNSET
    """ Event names, or `*` for all events. """
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        subscribed_events: list[str] | None | Unset
        if isinstance(self.subscribed_events, Unset):
            subscribed_events = UNSET
        elif isinstance(self.subscribed_events, list):
            subscribed_events = self.subscribed_events

        else:
            subscribed_events = self.subscribed_events

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if subscribed_events is not UNSET:
            field_dict["subscribed_events"] = subscribed_events
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active: bool | None | Unset = d.pop("active", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | None | Unset
        if _created_at is None or _created_at is UNSET:
            created_at = _created_at
        else:
            try:
                if not isinstance(_created_at, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(_created_at)

                created_at = created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                created_at = _created_at

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | None | Unset
        if _updated_at is None or _updated_at is UNSET:
            updated_at = _updated_at
        else:
            try:
                if not isinstance(_updated_at, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(_updated_at)

                updated_at = updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                updated_at = _updated_at

        _subscribed_events = d.pop("subscribed_events", UNSET)
        subscribed_events: list[str] | None | Unset
        if _subscribed_events is None or _subscribed_events is UNSET:
            subscribed_events = _subscribed_events
        else:
            try:
                if not isinstance(_subscribed_events, list):
                    raise TypeError()
                subscribed_events_type_0 = cast(list[str], _subscribed_events)

                subscribed_events = subscribed_events_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                subscribed_events = _subscribed_events

        url: None | str | Unset = d.pop("url", UNSET)

        webhook_subscription_attributes = cls.__new__(cls)
        webhook_subscription_attributes.active = active
        webhook_subscription_attributes.created_at = created_at
        webhook_subscription_attributes.updated_at = updated_at
        webhook_subscription_attributes.subscribed_events = subscribed_events
        webhook_subscription_attributes.url = url

        webhook_subscription_attributes.additional_properties = d
        return webhook_subscription_attributes

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
