"""openapi.json's schemas accept the vendor's response examples and its own examples."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

from tests._servers import ROOT

SPEC = json.loads((ROOT / "openapi.json").read_text())
REFERENCE = json.loads((Path(__file__).parent / "data" / "reference_examples.json").read_text())
OPERATIONS = {
    op["operationId"]: op
    for item in SPEC["paths"].values()
    for method, op in item.items()
    if method in ("get", "put", "post", "delete", "patch")
}


def _errors(schema: Mapping[str, Any], instance: Any) -> list[str]:
    """JSON Schema 2020-12 errors of ``instance``; ``#/components/...`` resolve in openapi.json."""
    validator = jsonschema_rs.Draft202012Validator({**schema, "components": SPEC["components"]})
    return [
        f"/{'/'.join(map(str, e.instance_path))}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


REFERENCE_RESPONSES = [
    pytest.param(name, code, body, id=f"{name}-{code}")
    for name, reference in REFERENCE["operations"].items()
    for code, body in reference["responses"].items()
]


@pytest.mark.parametrize(("name", "code", "body"), REFERENCE_RESPONSES)
def test_vendor_response_example_is_valid_for_our_schema(name: str, code: str, body: Any) -> None:
    response = OPERATIONS[name]["responses"][code]

    if body is None:
        assert "content" not in response, "the vendor documents no body here"
    else:
        schema = response["content"]["application/json"]["schema"]
        assert _errors(schema, body) == []


OUR_EXAMPLES = [
    pytest.param(media["schema"], media["example"], id=f"{op['operationId']}-{code}")
    for op in OPERATIONS.values()
    for code, response in op["responses"].items()
    for media in response.get("content", {}).values()
    if "example" in media
]


@pytest.mark.parametrize(("schema", "example"), OUR_EXAMPLES)
def test_openapi_json_examples_are_valid_for_their_schema(
    schema: Mapping[str, Any], example: Any
) -> None:
    assert _errors(schema, example) == []


def test_every_vendor_example_is_also_an_example_in_openapi_json() -> None:
    for name, reference in REFERENCE["operations"].items():
        for code, body in reference["responses"].items():
            if body is None:
                continue
            ours = OPERATIONS[name]["responses"][code]["content"]["application/json"]
            assert ours.get("example") == body, f"{name} {code}"


def test_the_vendor_webhook_body_is_valid_for_the_event_schema() -> None:
    # Numbers arrive as strings ("98.865532", "1303") and the transcription link sits
    # beside relationships: the spec must accept the body ContentGroove really sends.
    schema = {"$ref": "#/components/schemas/MediaProcessingFinishedEvent"}
    assert _errors(schema, REFERENCE["callbacks"]["media.processing_finished"]) == []
