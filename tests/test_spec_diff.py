"""scripts/spec_diff.py reports what a vendor spec documents that openapi.json lacks, and back."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests._servers import ROOT

UPSTREAM = ROOT.parent / "shared" / "upstream" / "contentgroove-openapi.json"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spec_diff", ROOT / "scripts" / "spec_diff.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["spec_diff"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


spec_diff = _load_script()


# --- small specs -------------------------------------------------------------------------------
# UPSTREAM_SPEC is shaped like the vendor's: OpenAPI 3.0, inline schemas, responses documented
# only by example, path-level parameters, a callback. OURS_SPEC describes the same API the way
# openapi.json does: 3.1, $ref'd components, nullable type lists, oneOf, a top-level webhook.


def _error_example() -> dict[str, Any]:
    return {"errors": [{"status": "404", "title": "Not Found", "detail": None}]}


UPSTREAM_SPEC: dict[str, Any] = {
    "openapi": "3.0.1",
    "paths": {
        "/things": {
            "get": {
                "parameters": [
                    {"name": "filter", "in": "query", "style": "deepObject", "explode": True},
                    {"name": "sort", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "content": {
                            "application/json": {
                                "example": {
                                    "data": [
                                        {
                                            "id": "t1",
                                            "attributes": {
                                                "name": "a",
                                                "duration": "98.865532",
                                                "parent": None,
                                                "tags": [],
                                            },
                                        }
                                    ],
                                    "links": {"self": "https://x.test/things"},
                                }
                            }
                        }
                    }
                },
            },
            "post": {
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "data": {
                                        "type": "object",
                                        "properties": {
                                            "attributes": {
                                                "type": "object",
                                                "properties": {
                                                    "name": {"type": "string"},
                                                    "source_url": {"type": "string"},
                                                },
                                            }
                                        },
                                    }
                                },
                            }
                        }
                    }
                },
                "responses": {"200": {"description": "ok"}, "402": {"description": "quota"}},
                "callbacks": {
                    "thing.done": {
                        "Provided URL": {
                            "post": {
                                "requestBody": {
                                    "content": {
                                        "application/json": {
                                            "schema": {
                                                "type": "object",
                                                "properties": {
                                                    "event": {"type": "string"},
                                                    "payload": {
                                                        "type": "object",
                                                        "properties": {
                                                            "id": {"type": "string"},
                                                            "score": {
                                                                "type": "number",
                                                                "example": "0.5",
                                                            },
                                                            "extra": {"type": "object"},
                                                        },
                                                    },
                                                },
                                            }
                                        }
                                    }
                                },
                                "responses": {"200": {"description": "ok"}},
                            }
                        }
                    }
                },
            },
        },
        "/things/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True}],
            "get": {
                "responses": {
                    "404": {"content": {"application/json": {"example": _error_example()}}}
                }
            },
            "delete": {"responses": {"204": {"description": "gone"}}},
        },
    },
}

OURS_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {
        "/things": {
            "get": {
                "operationId": "list_things",
                "parameters": [
                    {"$ref": "#/components/parameters/Filter"},
                    {"name": "sort", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ThingList"}
                            }
                        }
                    }
                },
            },
            "post": {
                "operationId": "create_thing",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/ThingCreateRequest"}
                        }
                    }
                },
                "responses": {"200": {"description": "ok"}, "402": {"description": "quota"}},
            },
        },
        "/things/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True}],
            "get": {
                "operationId": "get_thing",
                "responses": {
                    "404": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ErrorResponse"}
                            }
                        }
                    }
                },
            },
            "delete": {"operationId": "delete_thing", "responses": {"204": {"description": "x"}}},
        },
    },
    "webhooks": {
        "thing.done": {
            "post": {
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Event"}}
                    }
                },
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
    "components": {
        "parameters": {
            "Filter": {
                "name": "filter",
                "in": "query",
                "style": "deepObject",
                "schema": {"type": "object", "additionalProperties": {"type": "string"}},
            }
        },
        "schemas": {
            "ThingList": {
                "type": "object",
                "properties": {
                    "data": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                    "links": {
                        "type": "object",
                        "properties": {
                            "self": {"type": ["string", "null"]},
                            "next": {"type": ["string", "null"]},
                        },
                    },
                },
            },
            "Thing": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "attributes": {
                        "allOf": [
                            {"$ref": "#/components/schemas/ThingAttributes"},
                            {"type": "object", "properties": {"tags": {"type": "array"}}},
                        ]
                    },
                },
            },
            "ThingAttributes": {
                "type": "object",
                "properties": {
                    "name": {"type": ["string", "null"]},
                    "duration": {"type": ["number", "null"]},
                    "parent": {"oneOf": [{"$ref": "#/components/schemas/Ref"}, {"type": "null"}]},
                },
            },
            "Ref": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "type": {"type": "string"}},
            },
            "ThingCreateRequest": {
                "type": "object",
                "properties": {
                    "data": {
                        "type": "object",
                        "properties": {
                            "attributes": {
                                "type": "object",
                                "properties": {
                                    "name": {"type": "string"},
                                    "source_url": {"type": "string"},
                                },
                            }
                        },
                    }
                },
            },
            "ErrorResponse": {
                "type": "object",
                "properties": {
                    "errors": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "status": {"type": ["string", "null"]},
                                "title": {"type": ["string", "null"]},
                                "detail": {"type": ["string", "null"]},
                            },
                        },
                    }
                },
            },
            "Event": {
                "type": "object",
                "properties": {
                    "event": {"type": "string", "enum": ["thing.done"]},
                    "payload": {
                        "anyOf": [
                            {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "string"},
                                    "score": {"type": ["number", "null"]},
                                },
                            },
                            {
                                "type": "object",
                                "properties": {"extra": {"type": "object"}},
                            },
                        ]
                    },
                },
            },
        },
    },
}


def _compare(upstream: dict[str, Any], ours: dict[str, Any]) -> Any:
    return spec_diff.compare(upstream, ours)


def _missing(report: Any, kind: str) -> list[tuple[str, str]]:
    return [(d.operation, d.detail) for d in report.missing_from_ours(kind)]


def _extra(report: Any, kind: str) -> list[tuple[str, str]]:
    return [(d.operation, d.detail) for d in report.only_in_ours(kind)]


def test_equivalent_specs_differ_only_in_what_ours_adds() -> None:
    report = _compare(UPSTREAM_SPEC, OURS_SPEC)

    assert report.missing_from_ours() == []
    # The only addition: a `next` link (the vendor example shows `self` only). The inside of
    # `parent`, which the vendor example shows only as null, is not an addition.
    assert report.only_in_ours() == [
        spec_diff.Difference(
            "GET /things", spec_diff.RESPONSE_FIELD, "response 200: links.next", "ours"
        )
    ]
    assert spec_diff.exit_status(report, strict=True) == 0


def test_an_operation_missing_from_ours_is_reported_and_fails() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    del ours["paths"]["/things/{id}"]["delete"]

    report = _compare(UPSTREAM_SPEC, ours)

    assert _missing(report, spec_diff.OPERATION) == [("DELETE /things/{id}", "operation")]
    assert report.missing_from_ours(spec_diff.PARAMETER) == []
    assert spec_diff.exit_status(report, strict=False) == 1


def test_an_operation_only_in_ours_is_reported_but_does_not_fail() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    ours["paths"]["/things/{id}"]["put"] = {"responses": {"200": {"description": "ok"}}}

    report = _compare(UPSTREAM_SPEC, ours)

    assert _extra(report, spec_diff.OPERATION) == [("PUT /things/{id}", "operation")]
    assert spec_diff.exit_status(report, strict=True) == 0


def test_a_renamed_path_parameter_keeps_the_operation_but_not_the_parameter() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    item = ours["paths"].pop("/things/{id}")
    item["parameters"] = [{"name": "thing_id", "in": "path", "required": True}]
    ours["paths"]["/things/{thing_id}"] = item

    report = _compare(UPSTREAM_SPEC, ours)

    assert report.missing_from_ours(spec_diff.OPERATION) == []
    assert report.only_in_ours(spec_diff.OPERATION) == []
    assert _missing(report, spec_diff.PARAMETER) == [
        ("GET /things/{thing_id}", "id (in path)"),
        ("DELETE /things/{thing_id}", "id (in path)"),
    ]
    assert _extra(report, spec_diff.PARAMETER) == [
        ("GET /things/{thing_id}", "thing_id (in path)"),
        ("DELETE /things/{thing_id}", "thing_id (in path)"),
    ]


def test_a_parameter_may_move_between_path_item_and_operation() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    item = ours["paths"]["/things/{id}"]
    shared = item.pop("parameters")
    item["get"]["parameters"] = shared
    item["delete"]["parameters"] = shared

    assert _compare(UPSTREAM_SPEC, ours).missing_from_ours() == []


def test_parameters_are_compared_by_name_and_location_on_both_levels() -> None:
    upstream = copy.deepcopy(UPSTREAM_SPEC)
    upstream["paths"]["/things"]["get"]["parameters"].append({"name": "page", "in": "query"})
    ours = copy.deepcopy(OURS_SPEC)
    ours["paths"]["/things"]["get"]["parameters"].append({"name": "X-Trace", "in": "header"})

    report = _compare(upstream, ours)

    assert _missing(report, spec_diff.PARAMETER) == [("GET /things", "page (in query)")]
    assert _extra(report, spec_diff.PARAMETER) == [("GET /things", "X-Trace (in header)")]
    assert spec_diff.exit_status(report, strict=False) == 0
    assert spec_diff.exit_status(report, strict=True) == 1


def test_request_body_fields_are_compared_as_dotted_paths() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    attributes = ours["components"]["schemas"]["ThingCreateRequest"]["properties"]["data"][
        "properties"
    ]["attributes"]["properties"]
    del attributes["source_url"]
    attributes["upload_id"] = {"type": "string"}

    report = _compare(UPSTREAM_SPEC, ours)

    assert _missing(report, spec_diff.REQUEST_FIELD) == [
        ("POST /things", "request body: data.attributes.source_url")
    ]
    assert _extra(report, spec_diff.REQUEST_FIELD) == [
        ("POST /things", "request body: data.attributes.upload_id")
    ]


def test_a_request_body_missing_entirely_is_one_difference() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    del ours["paths"]["/things"]["post"]["requestBody"]

    report = _compare(UPSTREAM_SPEC, ours)

    assert _missing(report, spec_diff.REQUEST_FIELD) == [("POST /things", "request body: body")]


def test_response_fields_come_from_upstream_examples_and_our_schemas() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    del ours["components"]["schemas"]["ThingAttributes"]["properties"]["duration"]
    del ours["components"]["schemas"]["ErrorResponse"]["properties"]["errors"]["items"][
        "properties"
    ]["detail"]

    report = _compare(UPSTREAM_SPEC, ours)

    assert _missing(report, spec_diff.RESPONSE_FIELD) == [
        ("GET /things", "response 200: data[].attributes.duration"),
        ("GET /things/{id}", "response 404: errors[].detail"),
    ]


def test_fields_inside_what_an_example_leaves_empty_are_not_extra() -> None:
    # The vendor example has "parent": null and "tags": []: our Ref fields below parent are
    # not reported as additions, because the example says nothing about them.
    report = _compare(UPSTREAM_SPEC, OURS_SPEC)
    extra = [detail for _, detail in _extra(report, spec_diff.RESPONSE_FIELD)]

    assert not [d for d in extra if "parent" in d or "tags" in d]


def test_response_status_codes_are_compared_per_operation() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    responses = ours["paths"]["/things"]["post"]["responses"]
    del responses["402"]
    responses["500"] = {"description": "oops"}

    report = _compare(UPSTREAM_SPEC, ours)

    assert _missing(report, spec_diff.STATUS) == [("POST /things", "402")]
    assert _extra(report, spec_diff.STATUS) == [("POST /things", "500")]
    assert spec_diff.exit_status(report, strict=True) == 1


def test_a_vendor_callback_matches_our_webhook_of_the_same_name() -> None:
    report = _compare(UPSTREAM_SPEC, OURS_SPEC)

    assert not report.missing_from_ours(spec_diff.CALLBACK)
    assert not report.missing_from_ours(spec_diff.CALLBACK_FIELD)


def test_a_vendor_callback_matches_our_operation_callback_whatever_its_expression() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    ours["paths"]["/things"]["post"]["callbacks"] = {
        "thing.done": {"{$request.body#/callback_url}": ours.pop("webhooks")["thing.done"]}
    }

    report = _compare(UPSTREAM_SPEC, ours)

    assert not report.missing_from_ours(spec_diff.CALLBACK)
    assert not report.missing_from_ours(spec_diff.CALLBACK_FIELD)


def test_a_missing_callback_and_missing_callback_fields_are_reported() -> None:
    ours = copy.deepcopy(OURS_SPEC)
    payload = ours["components"]["schemas"]["Event"]["properties"]["payload"]
    del payload["anyOf"][1]  # no more `extra`

    report = _compare(UPSTREAM_SPEC, ours)
    assert _missing(report, spec_diff.CALLBACK_FIELD) == [
        ("POST /things", "callback thing.done POST request body: payload.extra")
    ]

    del ours["webhooks"]
    report = _compare(UPSTREAM_SPEC, ours)
    assert _missing(report, spec_diff.CALLBACK) == [("POST /things", "thing.done")]
    assert spec_diff.exit_status(report, strict=False) == 0
    assert spec_diff.exit_status(report, strict=True) == 1


def test_upstream_values_our_types_reject_are_listed() -> None:
    report = _compare(UPSTREAM_SPEC, OURS_SPEC)

    found = {(m.where, m.field, m.upstream, m.ours) for m in report.type_mismatches}
    assert found == {
        # "98.865532" in the list example, a number in ours.
        ("response 200", "data[].attributes.duration", "example value is string", "null|number"),
        # A number schema whose example is the string "0.5".
        (
            "callback thing.done POST request body",
            "payload.score",
            "example value is string",
            "null|number",
        ),
    }


@pytest.mark.parametrize(
    ("upstream", "seen", "ours", "conflict"),
    [
        ({"string"}, set(), {"integer", "null"}, "declared string"),
        ({"number"}, set(), {"integer"}, None),  # whole numbers are both
        ({"integer"}, set(), {"number"}, None),
        (set(), {"integer"}, {"number", "null"}, None),
        (set(), {"number"}, {"integer"}, "example value is number"),
        ({"number"}, {"string"}, {"number"}, "example value is string"),
        (set(), {"null"}, {"string"}, None),
        ({"string"}, {"string"}, set(), None),  # nothing declared on our side
    ],
)
def test_type_conflict_rules(
    upstream: set[str], seen: set[str], ours: set[str], conflict: str | None
) -> None:
    assert spec_diff.type_conflict(upstream, seen, ours) == conflict


def test_openapi_30_nullable_and_31_type_lists_mean_the_same() -> None:
    resolver = spec_diff.Resolver({})
    old = spec_diff.schema_shape(
        {"type": "object", "properties": {"a": {"type": "string", "nullable": True}}}, resolver
    )
    new = spec_diff.schema_shape(
        {"type": "object", "properties": {"a": {"type": ["string", "null"]}}}, resolver
    )

    assert old.fields == new.fields == {"a": {"string", "null"}}


def test_recursive_schemas_terminate() -> None:
    document = {
        "components": {
            "schemas": {
                "Node": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "children": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Node"},
                        },
                    },
                }
            }
        }
    }
    shape = spec_diff.schema_shape(
        {"$ref": "#/components/schemas/Node"}, spec_diff.Resolver(document)
    )

    assert set(shape.fields) == {"name", "children"}


def test_cli_prints_both_groups_and_exits_1_on_a_missing_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = copy.deepcopy(OURS_SPEC)
    del ours["paths"]["/things/{id}"]["delete"]
    upstream_file = tmp_path / "upstream.json"
    ours_file = tmp_path / "openapi.json"
    upstream_file.write_text(json.dumps(UPSTREAM_SPEC))
    ours_file.write_text(json.dumps(ours))

    status = spec_diff.main([str(upstream_file), str(ours_file)])
    out = capsys.readouterr().out

    assert status == 1
    assert f"Missing from {ours_file} (documented in {upstream_file}): 1" in out
    assert "  DELETE /things/{id}\n    the whole operation" in out
    assert f"Only in {ours_file}: 1" in out
    assert "    response field: response 200: links.next" in out
    assert "Fields whose JSON types differ: 2" in out
    assert f"Summary: missing from {ours_file}: 1 operation(s)" in out


def test_cli_strict_fails_on_a_missing_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = copy.deepcopy(OURS_SPEC)
    del ours["components"]["schemas"]["Thing"]["properties"]["id"]
    upstream_file = tmp_path / "upstream.json"
    ours_file = tmp_path / "openapi.json"
    upstream_file.write_text(json.dumps(UPSTREAM_SPEC))
    ours_file.write_text(json.dumps(ours))

    assert spec_diff.main([str(upstream_file), str(ours_file)]) == 0
    assert spec_diff.main(["--strict", str(upstream_file), str(ours_file)]) == 1
    assert "response field: response 200: data[].id" in capsys.readouterr().out


def test_cli_exits_2_naming_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_openapi = tmp_path / "list.json"
    not_openapi.write_text("[1, 2]")

    assert spec_diff.main([str(tmp_path / "absent.json"), str(not_openapi)]) == 2
    assert "absent.json: cannot read it" in capsys.readouterr().err
    assert spec_diff.main([str(not_openapi), str(not_openapi)]) == 2
    assert "list.json: not an OpenAPI document" in capsys.readouterr().err


@pytest.mark.skipif(not UPSTREAM.exists(), reason=f"vendor spec not present at {UPSTREAM}")
def test_openapi_json_documents_everything_the_vendor_spec_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    upstream = json.loads(UPSTREAM.read_text())
    ours = json.loads((ROOT / "openapi.json").read_text())

    report = spec_diff.compare(upstream, ours)

    assert report.missing_from_ours(spec_diff.OPERATION) == []
    assert report.missing_from_ours() == [], spec_diff.format_report(
        report, str(UPSTREAM), "openapi.json"
    )
    assert spec_diff.main(["--strict", str(UPSTREAM), str(ROOT / "openapi.json")]) == 0
