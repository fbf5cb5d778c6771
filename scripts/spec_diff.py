#!/usr/bin/env python3
"""Compare a vendor OpenAPI spec with openapi.json and report what either side lacks.

Usage: spec_diff.py [--strict] UPSTREAM OURS

Both files may be OpenAPI 3.0 or 3.1. Schemas are compared by the JSON fields they describe,
written as dotted paths (``data.attributes.name``; ``data[].id`` for the objects of an array),
after resolving ``$ref``, ``allOf``/``oneOf``/``anyOf`` and nullable types. A response without a
schema is described by its examples instead (the vendor spec documents responses only by example).

Compared per operation (METHOD path, path parameter names ignored):
  - the operation itself
  - parameters (name + in), path-level and operation-level
  - request body fields
  - response status codes, and the fields of each status code both sides document
  - callbacks (the vendor's operation ``callbacks`` against ours, or our top-level ``webhooks``):
    methods and request body fields
and, informationally, fields whose upstream values (declared types or examples, such as a
duration sent as the string "98.865532") the types declared in OURS reject.

Exit status: 1 when an operation of UPSTREAM is missing from OURS; with --strict, also when
anything else of UPSTREAM is missing from OURS; 2 when a file cannot be read. What is only
in OURS (our additions) and type differences never fail.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Kinds of difference, in report order.
OPERATION = "operation"
PARAMETER = "parameter"
REQUEST_FIELD = "request body field"
STATUS = "response status"
RESPONSE_FIELD = "response field"
CALLBACK = "callback"
CALLBACK_FIELD = "callback body field"
KIND_ORDER = (OPERATION, PARAMETER, REQUEST_FIELD, STATUS, RESPONSE_FIELD, CALLBACK, CALLBACK_FIELD)

UPSTREAM_ONLY = "upstream"
OURS_ONLY = "ours"


@dataclass(frozen=True, order=True)
class Difference:
    """One thing that one side documents and the other does not."""

    operation: str
    kind: str
    detail: str
    only_in: str


@dataclass(frozen=True)
class TypeMismatch:
    """A field whose upstream values our declared JSON types reject."""

    operation: str
    where: str
    field: str
    upstream: str
    ours: str


@dataclass
class Shape:
    """The fields a schema (or an example) describes.

    ``fields`` maps every dotted path, including intermediate objects, to its declared JSON types
    (empty when unknown); ``seen`` maps paths to the JSON types of their example values.
    ``opaque`` holds paths whose inside is not described (an object without properties, an empty
    list or a null in an example): the other side's fields below them are neither missing nor
    extra.
    """

    fields: dict[str, set[str]] = field(default_factory=dict)
    opaque: set[str] = field(default_factory=set)
    seen: dict[str, set[str]] = field(default_factory=dict)

    def add(self, path: str, types: Iterable[str], seen: Iterable[str] = ()) -> None:
        self.fields.setdefault(path, set()).update(types)
        if seen:
            self.seen.setdefault(path, set()).update(seen)

    def merge(self, other: Shape, prefix: str = "") -> None:
        for path, types in other.fields.items():
            self.add(prefix + path, types, other.seen.get(path, ()))
        self.opaque.update(prefix + p for p in other.opaque)

    def covers(self, path: str) -> bool:
        """Whether ``path`` is documented here or lies inside an undescribed object."""
        return path in self.fields or any(a in self.opaque for a in ancestors(path))


@dataclass
class Report:
    """Everything found by comparing two specs."""

    differences: list[Difference] = field(default_factory=list)
    type_mismatches: list[TypeMismatch] = field(default_factory=list)

    def missing_from_ours(self, kind: str | None = None) -> list[Difference]:
        return [
            d
            for d in self.differences
            if d.only_in == UPSTREAM_ONLY and (kind is None or d.kind == kind)
        ]

    def only_in_ours(self, kind: str | None = None) -> list[Difference]:
        return [
            d
            for d in self.differences
            if d.only_in == OURS_ONLY and (kind is None or d.kind == kind)
        ]


def ancestors(path: str) -> Iterator[str]:
    """``a.b[].c`` -> ``a``, ``a.b``."""
    parts = path.split(".")
    for i in range(1, len(parts)):
        yield ".".join(parts[:i]).removesuffix("[]")


class Resolver:
    """Resolves local ``$ref`` pointers (``#/components/...``) of one document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document

    def resolve(self, node: Any) -> Any:
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                raise ValueError(f"$ref cycle through {ref}")
            seen.add(ref)
            node = self.lookup(ref)
        return node

    def lookup(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise ValueError(f"only local $refs are supported, got {ref!r}")
        node: Any = self.document
        for raw in ref[1:].split("/")[1:]:
            key = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, list):
                node = node[int(key)]
            elif isinstance(node, Mapping) and key in node:
                node = node[key]
            else:
                raise ValueError(f"$ref {ref!r} points at nothing")
        return node


def schema_types(schema: Mapping[str, Any]) -> set[str]:
    """JSON types a schema allows, from ``type`` (string or 3.1 list) and 3.0 ``nullable``."""
    declared = schema.get("type")
    types = {declared} if isinstance(declared, str) else set(declared or ())
    if schema.get("nullable") is True:
        types.add("null")
    if "const" in schema and schema["const"] is None:
        types.add("null")
    if "enum" in schema and None in (schema["enum"] or ()):
        types.add("null")
    return types


def schema_shape(schema: Any, resolver: Resolver) -> Shape:
    """The fields described by a JSON schema."""
    shape = Shape()
    _walk_schema(schema, "", resolver, shape, frozenset())
    return shape


def _walk_schema(
    node: Any, path: str, resolver: Resolver, shape: Shape, refs: frozenset[str]
) -> tuple[set[str], bool]:
    """Add the fields below ``path``; return the types at ``path`` and whether it is described."""
    if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in refs:  # recursive schema: its fields were already seen once
            return set(), True
        return _walk_schema(resolver.lookup(ref), path, resolver, shape, refs | {ref})
    if not isinstance(node, Mapping):
        return set(), False
    types = schema_types(node)
    described = False
    for keyword in ("allOf", "oneOf", "anyOf"):
        for branch in node.get(keyword) or ():
            branch_types, branch_described = _walk_schema(branch, path, resolver, shape, refs)
            types |= branch_types
            described = described or branch_described
    properties = node.get("properties")
    if isinstance(properties, Mapping):
        if properties or node.get("additionalProperties") is False:
            described = True
        if properties:
            types.add("object")
        for name, sub in properties.items():
            child = f"{path}.{name}" if path else name
            child_types, child_described = _walk_schema(sub, child, resolver, shape, refs)
            shape.add(child, child_types, _example_types(sub, resolver))
            if not child_described and (not child_types or child_types & {"object", "array"}):
                shape.opaque.add(child)
    items = node.get("items")
    if items is not None:
        types.add("array")
        item_shape = Shape()
        item_types, item_described = _walk_schema(items, "", resolver, item_shape, refs)
        if item_described or (item_types and not item_types & {"object", "array"}):
            described = True
        shape.merge(item_shape, prefix=f"{path}[]." if path else "[].")
    if types and not types & {"object", "array"}:
        described = True  # a scalar has no inside to describe
    if "enum" in node or "const" in node:
        described = True
    return types, described


def _example_types(schema: Any, resolver: Resolver) -> set[str]:
    node = resolver.resolve(schema)
    if isinstance(node, Mapping) and "example" in node:
        return {json_type(node["example"])}
    return set()


def json_type(value: Any) -> str:
    """The JSON type of a decoded JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def example_shape(example: Any) -> Shape:
    """The fields an example value shows (their declared types are unknown)."""
    shape = Shape()
    _walk_example(example, "", shape)
    return shape


def _walk_example(value: Any, path: str, shape: Shape) -> None:
    if isinstance(value, Mapping):
        if not value and path:
            shape.opaque.add(path)
        for name, sub in value.items():
            child = f"{path}.{name}" if path else name
            shape.add(child, (), {json_type(sub)})
            if sub is None:
                shape.opaque.add(child)
            _walk_example(sub, child, shape)
    elif isinstance(value, list):
        if not value and path:
            shape.opaque.add(path)
        for item in value:
            if isinstance(item, Mapping):
                shape.merge(example_shape(item), prefix=f"{path}[]." if path else "[].")


def media_shape(content: Any, resolver: Resolver) -> Shape | None:
    """The fields of a request or response body: its JSON schema, else its examples."""
    content = resolver.resolve(content)
    if not isinstance(content, Mapping) or not content:
        return None
    media = _json_media(content)
    if media is None:
        return None
    media = resolver.resolve(media)
    if media.get("schema") is not None:
        return schema_shape(media["schema"], resolver)
    examples = []
    if "example" in media:
        examples.append(media["example"])
    for ex in (media.get("examples") or {}).values():
        ex = resolver.resolve(ex)
        if isinstance(ex, Mapping) and "value" in ex:
            examples.append(ex["value"])
    if not examples:
        return None
    shape = Shape()
    for ex in examples:
        shape.merge(example_shape(ex))
    # A path seen with content in one example is not opaque because another left it empty.
    shape.opaque = {p for p in shape.opaque if not any(p in ancestors(q) for q in shape.fields)}
    return shape


def _json_media(content: Mapping[str, Any]) -> Any:
    for media_type, media in content.items():
        base = media_type.split(";")[0].strip().lower()
        if base == "application/json" or base.endswith("+json"):
            return media
    return next(iter(content.values()), None)


@dataclass
class Operation:
    """One operation of one spec, with the pieces this tool compares."""

    method: str
    path: str
    node: Mapping[str, Any]
    path_item: Mapping[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def normalized_path(path: str) -> str:
    """``/medias/{media_id}`` and ``/medias/{id}`` name the same route."""
    return re.sub(r"\{[^}/]*\}", "{}", path)


def operations(spec: Mapping[str, Any], resolver: Resolver) -> dict[tuple[str, str], Operation]:
    ops: dict[tuple[str, str], Operation] = {}
    for path, item in (spec.get("paths") or {}).items():
        item = resolver.resolve(item)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), Mapping):
                ops[(method, normalized_path(path))] = Operation(method, path, item[method], item)
    return ops


def parameters(op: Operation, resolver: Resolver) -> dict[tuple[str, str], Mapping[str, Any]]:
    found: dict[tuple[str, str], Mapping[str, Any]] = {}
    for source in (op.path_item.get("parameters"), op.node.get("parameters")):
        for raw in source or ():
            param = resolver.resolve(raw)
            found[(param["name"], param["in"])] = param
    return found


def responses(node: Mapping[str, Any], resolver: Resolver) -> dict[str, Mapping[str, Any]]:
    return {
        str(code): resolver.resolve(resp) for code, resp in (node.get("responses") or {}).items()
    }


def request_shape(node: Mapping[str, Any], resolver: Resolver) -> Shape | None:
    body = node.get("requestBody")
    if body is None:
        return None
    return media_shape(resolver.resolve(body).get("content"), resolver)


def callback_operations(
    op: Operation, resolver: Resolver
) -> dict[str, dict[str, Mapping[str, Any]]]:
    """Callback name -> method -> operation of ``op``'s callbacks, whatever their URL expression."""
    found: dict[str, dict[str, Mapping[str, Any]]] = {}
    for name, callback in (op.node.get("callbacks") or {}).items():
        for _expression, item in resolver.resolve(callback).items():
            item = resolver.resolve(item)
            for method in HTTP_METHODS:
                if isinstance(item.get(method), Mapping):
                    found.setdefault(name, {})[method] = item[method]
    return found


def webhook_operations(
    spec: Mapping[str, Any], resolver: Resolver
) -> dict[str, dict[str, Mapping[str, Any]]]:
    """Webhook name -> method -> operation of a 3.1 document's top-level ``webhooks``."""
    found: dict[str, dict[str, Mapping[str, Any]]] = {}
    for name, item in (spec.get("webhooks") or {}).items():
        item = resolver.resolve(item)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), Mapping):
                found.setdefault(name, {})[method] = item[method]
    return found


class Comparison:
    """Compares an upstream spec with ours, collecting a :class:`Report`."""

    def __init__(self, upstream: Mapping[str, Any], ours: Mapping[str, Any]) -> None:
        self.upstream = upstream
        self.ours = ours
        self.up = Resolver(upstream)
        self.our = Resolver(ours)
        self.report = Report()

    def run(self) -> Report:
        up_ops = operations(self.upstream, self.up)
        our_ops = operations(self.ours, self.our)
        for key in sorted(up_ops.keys() - our_ops.keys(), key=_op_sort_key):
            self._diff(up_ops[key].label, OPERATION, "operation", UPSTREAM_ONLY)
        for key in sorted(our_ops.keys() - up_ops.keys(), key=_op_sort_key):
            self._diff(our_ops[key].label, OPERATION, "operation", OURS_ONLY)
        our_webhooks = webhook_operations(self.ours, self.our)
        for key in sorted(up_ops.keys() & our_ops.keys(), key=_op_sort_key):
            self._compare_operation(up_ops[key], our_ops[key], our_webhooks)
        self.report.differences.sort(key=_difference_sort_key)
        return self.report

    def _diff(self, operation: str, kind: str, detail: str, only_in: str) -> None:
        self.report.differences.append(Difference(operation, kind, detail, only_in))

    def _compare_operation(
        self,
        up: Operation,
        ours: Operation,
        our_webhooks: Mapping[str, Mapping[str, Mapping[str, Any]]],
    ) -> None:
        label = ours.label
        up_params = parameters(up, self.up)
        our_params = parameters(ours, self.our)
        for name, location in sorted(up_params.keys() - our_params.keys()):
            self._diff(label, PARAMETER, f"{name} (in {location})", UPSTREAM_ONLY)
        for name, location in sorted(our_params.keys() - up_params.keys()):
            self._diff(label, PARAMETER, f"{name} (in {location})", OURS_ONLY)

        self._compare_shapes(
            label,
            REQUEST_FIELD,
            "request body",
            request_shape(up.node, self.up),
            request_shape(ours.node, self.our),
        )

        self._compare_responses(label, "", up.node, ours.node)

        up_callbacks = callback_operations(up, self.up)
        our_callbacks = callback_operations(ours, self.our)
        for name, methods in up_callbacks.items():
            mine = our_callbacks.get(name) or our_webhooks.get(name)
            if mine is None:
                self._diff(label, CALLBACK, name, UPSTREAM_ONLY)
                continue
            for method, up_cb in methods.items():
                where = f"callback {name} {method.upper()}"
                if method not in mine:
                    self._diff(label, CALLBACK, f"{name} {method.upper()}", UPSTREAM_ONLY)
                    continue
                self._compare_shapes(
                    label,
                    CALLBACK_FIELD,
                    f"{where} request body",
                    request_shape(up_cb, self.up),
                    request_shape(mine[method], self.our),
                )
                self._compare_responses(label, f"{where} ", up_cb, mine[method])
            for method in sorted(mine.keys() - methods.keys()):
                self._diff(label, CALLBACK, f"{name} {method.upper()}", OURS_ONLY)
        for name in sorted(our_callbacks.keys() - up_callbacks.keys()):
            self._diff(label, CALLBACK, name, OURS_ONLY)

    def _compare_responses(
        self, label: str, prefix: str, up: Mapping[str, Any], ours: Mapping[str, Any]
    ) -> None:
        up_responses = responses(up, self.up)
        our_responses = responses(ours, self.our)
        for code in sorted(up_responses.keys() - our_responses.keys()):
            self._diff(label, STATUS, f"{prefix}{code}", UPSTREAM_ONLY)
        for code in sorted(our_responses.keys() - up_responses.keys()):
            self._diff(label, STATUS, f"{prefix}{code}", OURS_ONLY)
        kind = CALLBACK_FIELD if prefix else RESPONSE_FIELD
        for code in sorted(up_responses.keys() & our_responses.keys()):
            self._compare_shapes(
                label,
                kind,
                f"{prefix}response {code}",
                media_shape(up_responses[code].get("content"), self.up),
                media_shape(our_responses[code].get("content"), self.our),
            )

    def _compare_shapes(
        self, label: str, kind: str, where: str, up: Shape | None, ours: Shape | None
    ) -> None:
        if up is None and ours is None:
            return
        if up is None or ours is None:
            side = UPSTREAM_ONLY if ours is None else OURS_ONLY
            self._diff(label, kind, f"{where}: body", side)
            return
        for path in sorted(up.fields):
            if not ours.covers(path):
                self._diff(label, kind, f"{where}: {path}", UPSTREAM_ONLY)
            elif path in ours.fields:
                conflict = type_conflict(
                    up.fields[path], up.seen.get(path, set()), ours.fields[path]
                )
                if conflict:
                    self.report.type_mismatches.append(
                        TypeMismatch(label, where, path, conflict, _types(ours.fields[path]))
                    )
        for path in sorted(ours.fields):
            if not up.covers(path):
                self._diff(label, kind, f"{where}: {path}", OURS_ONLY)


def _accepts(declared: set[str], value_type: str) -> bool:
    return value_type in declared or (value_type == "integer" and "number" in declared)


def _types(types: Iterable[str]) -> str:
    return "|".join(sorted(types))


def type_conflict(up_declared: set[str], up_seen: set[str], ours: set[str]) -> str | None:
    """Describe how upstream's values for a field break our declared types, if they do.

    Upstream's declared types must overlap ours (a ``number`` may be whole, so it overlaps
    ``integer``), and every type of upstream's example values must be one ours accepts.
    Unknown types on either side conflict with nothing.
    """
    mine = ours - {"null"}
    if not mine:
        return None
    declared = up_declared - {"null"}
    if declared and not any(
        _accepts(mine, t) or (t == "number" and "integer" in mine) for t in declared
    ):
        return f"declared {_types(declared)}"
    rejected = {t for t in up_seen - {"null"} if not _accepts(mine, t)}
    if rejected:
        return f"example value is {_types(rejected)}"
    return None


def _op_sort_key(key: tuple[str, str]) -> tuple[str, int]:
    method, path = key
    return (path, HTTP_METHODS.index(method))


def _difference_sort_key(d: Difference) -> tuple[str, str, int, int, str]:
    method, _, path = d.operation.partition(" ")
    return (d.only_in, path, HTTP_METHODS.index(method.lower()), KIND_ORDER.index(d.kind), d.detail)


def compare(upstream: Mapping[str, Any], ours: Mapping[str, Any]) -> Report:
    """Compare two parsed OpenAPI documents."""
    return Comparison(upstream, ours).run()


def format_report(report: Report, upstream_name: str, ours_name: str) -> str:
    lines: list[str] = []

    def section(title: str, diffs: list[Difference]) -> None:
        lines.append(f"{title}: {len(diffs)}")
        if not diffs:
            lines.append("  (nothing)")
        current = None
        for d in sorted(diffs, key=_difference_sort_key):
            if d.operation != current:
                current = d.operation
                lines.append(f"  {d.operation}")
            if d.kind == OPERATION:
                lines.append("    the whole operation")
            else:
                lines.append(f"    {d.kind}: {d.detail}")
        lines.append("")

    section(f"Missing from {ours_name} (documented in {upstream_name})", report.missing_from_ours())
    section(f"Only in {ours_name}", report.only_in_ours())
    if report.type_mismatches:
        lines.append(f"Fields whose JSON types differ: {len(report.type_mismatches)}")
        for m in report.type_mismatches:
            lines.append(
                f"  {m.operation}  {m.where}: {m.field}  (upstream {m.upstream};"
                f" {ours_name} declares {m.ours})"
            )
        lines.append("")
    counts = ", ".join(
        f"{len(report.missing_from_ours(kind))} {kind}(s)"
        for kind in KIND_ORDER
        if report.missing_from_ours(kind)
    )
    lines.append(f"Summary: missing from {ours_name}: {counts or 'nothing'}")
    return "\n".join(lines)


class SpecError(Exception):
    """A spec file that cannot be compared."""


def load(path: str) -> Mapping[str, Any]:
    """Read an OpenAPI JSON document."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecError(f"{path}: cannot read it ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise SpecError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(document, Mapping) or not isinstance(document.get("paths"), Mapping):
        raise SpecError(f"{path}: not an OpenAPI document (it has no 'paths' object)")
    return document


def exit_status(report: Report, *, strict: bool) -> int:
    if report.missing_from_ours(OPERATION):
        return 1
    if strict and report.missing_from_ours():
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Report operations, parameters and fields that UPSTREAM documents and "
        "OURS lacks, and the other way round."
    )
    parser.add_argument("upstream", help="the vendor's OpenAPI JSON file")
    parser.add_argument("ours", help="our OpenAPI JSON file (openapi.json)")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also fail when a parameter, status code, callback or field is missing from OURS",
    )
    args = parser.parse_args(argv)
    try:
        upstream = load(args.upstream)
        ours = load(args.ours)
    except SpecError as exc:
        print(f"spec_diff: {exc}", file=sys.stderr)
        return 2
    report = compare(upstream, ours)
    print(format_report(report, args.upstream, args.ours))
    return exit_status(report, strict=args.strict)


if __name__ == "__main__":
    sys.exit(main())
