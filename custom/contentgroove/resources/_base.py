"""What every resource shares: its client and argument checks."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._client import ContentGroove


class Resource:
    """Base of the resource classes; holds the client that sends the requests."""

    def __init__(self, client: ContentGroove) -> None:
        self._client = client


def check_id(argument: str, value: object) -> str:
    """Return ``value`` when it is a usable resource id, else raise naming ``argument``.

    Ids are percent-encoded into the path, so ``a/b`` stays one path segment; ``.`` and ``..``
    would be resolved by servers as relative paths and are refused.
    """
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be a str id, got {type(value).__name__}")
    if not value.strip() or value in (".", ".."):
        raise ValueError(f"{argument} must be a non-empty resource id, got {value!r}")
    return value


def check_seconds(argument: str, value: object) -> float:
    """Return ``value`` as a float when it is a finite, non-negative number of seconds."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{argument} must be a number of seconds, got {type(value).__name__}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{argument} must be a finite number of seconds >= 0, got {value!r}")
    return float(value)


def check_text(argument: str, value: object) -> str:
    """Return ``value`` when it is a string, else raise naming ``argument``."""
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be a str, got {type(value).__name__}")
    return value
