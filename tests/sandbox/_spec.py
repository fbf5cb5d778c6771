"""Check documents against the component schemas of openapi.json."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.json"


@cache
def spec() -> dict[str, Any]:
    return json.loads(SPEC_PATH.read_text())


@cache
def _validator(component: str) -> Any:
    root = {"$ref": f"#/components/schemas/{component}", "components": spec()["components"]}
    return jsonschema_rs.Draft202012Validator(root)


def assert_conforms(document: Any, component: str) -> None:
    """Fail with every schema violation when ``document`` is not a valid ``component``."""
    errors = [str(e) for e in _validator(component).iter_errors(document)]
    assert not errors, f"not a valid {component}:\n" + "\n\n".join(errors)
