"""Contains some shared types for properties"""

import math
import re
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def deep_object(name: str, values: Mapping[str, object]) -> dict[str, str | list[str]]:
    """Serialize an object-valued query parameter in OpenAPI ``deepObject`` style.

    ``deep_object("filter", {"name_eq": "x", "id_in": ["a", "b"]})`` gives
    ``{"filter[name_eq]": "x", "filter[id_in][]": ["a", "b"]}``; httpx repeats list values.
    Keys whose value is ``None`` are dropped.
    """
    params: dict[str, str | list[str]] = {}
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            params[f"{name}[{key}][]"] = [str(v) for v in value]
        else:
            params[f"{name}[{key}]"] = str(value)
    return params


_EXACT_INT = 2**53
"""Integers up to this magnitude convert to float and back unchanged."""

_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
"""A numeric string as openapi.json documents it: "98.865532", "-1", "1303"."""

_WHOLE = re.compile(r"-?[0-9]+(?:\.0+)?")
"""A whole numeric string, which may carry a zero fraction: "1303", "1280.0"."""


def parse_float(value: object) -> float:
    """Parse a JSON number the API may send as a number or as a numeric string ("98.865532").

    Booleans, non-finite values and strings other than plain decimals (exponents, spaces,
    signs other than a leading ``-``) raise ``ValueError``/``TypeError``.
    """
    if isinstance(value, str):
        if _DECIMAL.fullmatch(value) is None:
            raise ValueError(f"expected a number or numeric string, got {value!r}")
        result = float(value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        result = float(value)
    else:
        raise TypeError(
            f"expected a number or numeric string, got {type(value).__name__}"
        )
    if math.isfinite(result):
        return result
    raise ValueError(f"expected a finite number, got {value!r}")


def parse_int(value: object) -> int:
    """Parse an integer the API may send as a number, a whole float or a numeric string ("1303").

    Fractional values ("12.7") are refused rather than truncated.
    """
    if type(value) is int and -_EXACT_INT <= value <= _EXACT_INT:
        return value  # what the conversion through float below gives for these
    if isinstance(value, str):
        if _WHOLE.fullmatch(value) is None:
            raise ValueError(f"expected a whole number, got {value!r}")
        result = float(value)
        if not math.isfinite(result):
            raise ValueError(f"expected a finite number, got {value!r}")
    else:
        result = parse_float(value)
    if not result.is_integer():
        raise ValueError(f"expected a whole number, got {value!r}")
    return int(result)


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "deep_object",
    "parse_float",
    "parse_int",
]
