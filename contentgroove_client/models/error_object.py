from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorObject")


@_attrs_define
class ErrorObject:
    """One JSON:API error. 401 responses carry only `message`; other errors carry `status`, `title` and `detail`."""

    message: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    detail: None | str | Unset = UNSET
    source: ErrorSource | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, ErrorSource):
            source = self.source.to_dict()
        else:
            source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if code is not UNSET:
            field_dict["code"] = code
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if detail is not UNSET:
            field_dict["detail"] = detail
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message: None | str | Unset = d.pop("message", UNSET)

        code: None | str | Unset = d.pop("code", UNSET)

        status: None | str | Unset = d.pop("status", UNSET)

        title: None | str | Unset = d.pop("title", UNSET)

        detail: None | str | Unset = d.pop("detail", UNSET)

        _source = d.pop("source", UNSET)
        source: ErrorSource | None | Unset
        if _source is None or _source is UNSET:
            source = _source
        else:
            try:
                if not isinstance(_source, dict):
                    raise TypeError()
                source_type_0 = ErrorSource.from_dict(_source)

                source = source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                source = _source

        error_object = cls.__new__(cls)
        error_object.message = message
        error_object.code = code
        error_object.status = status
        error_object.title = title
        error_object.detail = detail
        error_object.source = source

        error_object.additional_properties = d
        return error_object

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
from ..models.error_source import ErrorSource  # noqa: E402
