from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookSubscriptionRelationships")


@_attrs_define
class WebhookSubscriptionRelationships:
    user: ToOneRelationship | Unset = UNSET
    """ A to-one relationship. `data` is null when nothing is related; the API may also send an empty object. """
    webhook_events: ToManyRelationship | Unset = UNSET
    """ A to-many relationship; the API may send an empty object instead of an empty list. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        webhook_events: dict[str, Any] | Unset = UNSET
        if not isinstance(self.webhook_events, Unset):
            webhook_events = self.webhook_events.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user is not UNSET:
            field_dict["user"] = user
        if webhook_events is not UNSET:
            field_dict["webhook_events"] = webhook_events

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _user = d.pop("user", UNSET)
        user: ToOneRelationship | Unset
        if isinstance(_user, Unset):
            user = UNSET
        else:
            user = ToOneRelationship.from_dict(_user)

        _webhook_events = d.pop("webhook_events", UNSET)
        webhook_events: ToManyRelationship | Unset
        if isinstance(_webhook_events, Unset):
            webhook_events = UNSET
        else:
            webhook_events = ToManyRelationship.from_dict(_webhook_events)

        webhook_subscription_relationships = cls.__new__(cls)
        webhook_subscription_relationships.user = user
        webhook_subscription_relationships.webhook_events = webhook_events

        webhook_subscription_relationships.additional_properties = d
        return webhook_subscription_relationships

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
