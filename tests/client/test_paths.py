"""Ids are one percent-encoded path segment: no id can reach another endpoint."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
import respx
from contentgroove import ContentGroove

from .conftest import API, example

pytestmark = pytest.mark.anyio

Call = Callable[[ContentGroove, Any], Awaitable[object]]

# (name, method, collection, example operation, call)
ID_METHODS: list[tuple[str, str, str, str | None, Call]] = [
    ("medias.get", "GET", "medias", "get_media", lambda cg, i: cg.medias.get(i)),
    ("medias.update", "PUT", "medias", "update_media", lambda cg, i: cg.medias.update(i, name="n")),
    ("medias.delete", "DELETE", "medias", None, lambda cg, i: cg.medias.delete(i)),
    ("clips.get", "GET", "clips", "get_clip", lambda cg, i: cg.clips.get(i)),
    ("clips.update", "PUT", "clips", "update_clip", lambda cg, i: cg.clips.update(i, name="n")),
    ("clips.delete", "DELETE", "clips", None, lambda cg, i: cg.clips.delete(i)),
    (
        "webhook_subscriptions.get",
        "GET",
        "webhook_subscriptions",
        "get_webhook_subscription",
        lambda cg, i: cg.webhook_subscriptions.get(i),
    ),
    (
        "webhook_subscriptions.delete",
        "DELETE",
        "webhook_subscriptions",
        None,
        lambda cg, i: cg.webhook_subscriptions.delete(i),
    ),
]
ID_METHOD_PARAMS = pytest.mark.parametrize(
    ("name", "method", "collection", "operation", "call"),
    ID_METHODS,
    ids=[m[0] for m in ID_METHODS],
)

# (id, the path segment that must be sent)
ENCODED = [
    ("a/b", "a%2Fb"),
    ("../x", "..%2Fx"),
    ("..%2Fx", "..%252Fx"),
    ("x?api_key=1#frag", "x%3Fapi_key%3D1%23frag"),
    ("%2e%2e", "%252e%252e"),
    ("...", "..."),
    ("a b", "a%20b"),
    ("é", "%C3%A9"),
]


@pytest.mark.parametrize(("raw_id", "segment"), ENCODED, ids=[e[0] for e in ENCODED])
@ID_METHOD_PARAMS
async def test_ids_are_percent_encoded_into_one_segment(
    cg: ContentGroove,
    examples: dict[str, Any],
    name: str,
    method: str,
    collection: str,
    operation: str | None,
    call: Call,
    raw_id: str,
    segment: str,
) -> None:
    seen: list[httpx.Request] = []

    def respond(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if operation is None:
            return httpx.Response(204)
        return httpx.Response(200, json=example(examples, operation))

    with respx.mock() as mock:
        mock.route(host="api.contentgroove.test").mock(side_effect=respond)
        await call(cg, raw_id)

    assert len(seen) == 1
    request = seen[0]
    assert request.method == method
    assert request.url.raw_path == f"/api/v1/{collection}/{segment}".encode()
    assert request.url.query == b""


@pytest.mark.parametrize("bad_id", [".", "..", "", "   "])
@ID_METHOD_PARAMS
async def test_dot_segments_and_empty_ids_are_refused(
    cg: ContentGroove,
    api: respx.MockRouter,
    name: str,
    method: str,
    collection: str,
    operation: str | None,
    call: Call,
    bad_id: str,
) -> None:
    with pytest.raises(ValueError, match=r"_id must be a non-empty resource id, got "):
        await call(cg, bad_id)
    assert not api.calls


@ID_METHOD_PARAMS
async def test_non_string_ids_are_a_type_error(
    cg: ContentGroove,
    api: respx.MockRouter,
    name: str,
    method: str,
    collection: str,
    operation: str | None,
    call: Call,
) -> None:
    with pytest.raises(TypeError, match=r"_id must be a str id, got int"):
        await call(cg, 42)
    assert not api.calls


async def test_query_auth_keeps_the_encoded_path(
    api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/medias/..%2Fx").respond(json=example(examples, "get_media"))

    async with ContentGroove("sk_test", base_url=API, auth="query") as cg:
        await cg.medias.get("../x")

    assert route.calls.last.request.url.raw_path == b"/api/v1/medias/..%2Fx?api_key=sk_test"


async def test_a_base_url_path_prefix_is_kept(examples: dict[str, Any], anyio_backend: str) -> None:
    async with (
        ContentGroove("sk_test", base_url="https://gw.example.test/contentgroove/") as cg,
        respx.mock() as mock,
    ):
        route = mock.get("https://gw.example.test/contentgroove/api/v1/medias/a%2Fb").respond(
            json=example(examples, "get_media")
        )
        await cg.medias.get("a/b")

    assert route.calls.last.request.url.raw_path == b"/contentgroove/api/v1/medias/a%2Fb"
