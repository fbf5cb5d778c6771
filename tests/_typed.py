"""Check that a parsed ``contentgroove_client`` model holds what its annotations promise.

The generated parsers fall back to returning the raw JSON value when a conversion fails (a
``float`` field could silently hold ``"abc"``); this walks every attribute, all the way down, and
reports such values.
"""

from __future__ import annotations

import sys
import types
import typing
from functools import cache
from typing import Any

import attrs

import contentgroove_client.models

_EXACT = (bool, int, float)  # bool is an int and an int is not a float: compare exactly


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(
        cls,
        globalns=vars(sys.modules[cls.__module__]),
        localns=vars(contentgroove_client.models),
    )


def type_problems(value: Any, hint: Any, path: str = "") -> list[str]:
    """Where ``value`` does not match ``hint``; empty when it does."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return []
    if origin in (typing.Union, types.UnionType):
        attempts = [type_problems(value, arg, path) for arg in typing.get_args(hint)]
        if any(not problems for problems in attempts):
            return []
        return [f"{path or '<root>'}: {value!r} matches none of {hint}"]
    if origin is typing.Literal:
        ok = value in typing.get_args(hint)
        return [] if ok else [f"{path}: {value!r} is not one of {typing.get_args(hint)}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: {value!r} is not a list"]
        (item_hint,) = typing.get_args(hint)
        return [
            p
            for i, item in enumerate(value)
            for p in type_problems(item, item_hint, f"{path}[{i}]")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: {value!r} is not a dict"]
        _, value_hint = typing.get_args(hint)
        return [p for k, v in value.items() for p in type_problems(v, value_hint, f"{path}.{k}")]
    if hint is type(None):
        return [] if value is None else [f"{path}: {value!r} is not None"]
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, hint):
            return [f"{path}: {value!r} is not a {hint.__name__}"]
        return model_problems(value, path)
    if hint in _EXACT:
        return [] if type(value) is hint else [f"{path}: {value!r} is not a {hint.__name__}"]
    if isinstance(hint, type):
        return [] if isinstance(value, hint) else [f"{path}: {value!r} is not a {hint.__name__}"]
    raise TypeError(f"{path}: cannot check against {hint!r}")


def model_problems(model: Any, path: str = "") -> list[str]:
    """Type problems of every attribute of an attrs model, recursively."""
    hints = _hints(type(model))
    problems: list[str] = []
    for field in attrs.fields(type(model)):
        child = f"{path}.{field.name}" if path else field.name
        problems += type_problems(getattr(model, field.name), hints[field.name], child)
    return problems


def assert_well_typed(model: Any) -> None:
    """Fail naming every attribute whose value is not of its annotated type."""
    assert attrs.has(type(model)), f"{model!r} is not a generated model"
    problems = model_problems(model)
    assert not problems, "\n".join(problems)
