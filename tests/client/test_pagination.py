"""list() walks every page: by links.next when the API sends it, else until a short page."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest
import respx
from contentgroove import AsyncPaginator, ContentGroove, Media, Page

from .conftest import example

pytestmark = pytest.mark.anyio

LIST = "https://api.contentgroove.test/api/v1/medias"


def media_page(
    examples: dict[str, Any], ids: list[str], *, next_number: int | None = None
) -> dict[str, Any]:
    """A list document holding medias with these ids (and a links.next when given)."""
    template = example(examples, "list_medias")["data"][0]
    data = []
    for media_id in ids:
        item = copy.deepcopy(template)
        item["id"] = media_id
        data.append(item)
    links: dict[str, Any] = {"self": LIST}
    if next_number is not None:
        links["next"] = f"{LIST}?page[number]={next_number}&page[size]=2"
    return {"data": data, "links": links}


def by_page_number(pages: dict[int, dict[str, Any]]) -> Any:
    def respond(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page[number]"])
        return httpx.Response(200, json=pages.get(number, {"data": [], "links": {}}))

    return respond


def requested_pages(route: respx.Route) -> list[int]:
    return [int(call.request.url.params["page[number]"]) for call in route.calls]


async def test_follows_links_next_until_it_is_absent(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    # Pages shorter than page_size would stop a page-number walk; links.next keeps going.
    route = api.get("/api/v1/medias").mock(
        side_effect=by_page_number(
            {
                1: media_page(examples, ["m1"], next_number=2),
                2: media_page(examples, ["m2"], next_number=3),
                3: media_page(examples, ["m3"]),
            }
        )
    )

    ids = [m.id async for m in cg.medias.list(page_size=2)]

    assert ids == ["m1", "m2", "m3"]
    assert requested_pages(route) == [1, 2, 3]
    assert {call.request.url.params["page[size]"] for call in route.calls} == {"2"}


async def test_links_next_may_skip_page_numbers(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/medias").mock(
        side_effect=by_page_number(
            {1: media_page(examples, ["m1", "m2"], next_number=5), 5: media_page(examples, ["m5"])}
        )
    )

    ids = [m.id async for m in cg.medias.list(page_size=2)]

    assert ids == ["m1", "m2", "m5"]
    assert requested_pages(route) == [1, 5]


async def test_without_links_next_a_short_page_is_the_last(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/medias").mock(
        side_effect=by_page_number(
            {
                1: media_page(examples, ["m1", "m2"]),
                2: media_page(examples, ["m3", "m4"]),
                3: media_page(examples, ["m5"]),
            }
        )
    )

    ids = [m.id async for m in cg.medias.list(page_size=2)]

    assert ids == ["m1", "m2", "m3", "m4", "m5"]
    assert requested_pages(route) == [1, 2, 3]


async def test_without_links_next_an_empty_page_is_the_end(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/medias").mock(
        side_effect=by_page_number({1: media_page(examples, ["m1", "m2"])})
    )

    ids = [m.id async for m in cg.medias.list(page_size=2)]

    assert ids == ["m1", "m2"]
    assert requested_pages(route) == [1, 2]


async def test_a_server_ignoring_page_numbers_does_not_loop_forever(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    # Always the same full page, and it even claims there is a next one.
    route = api.get("/api/v1/medias").respond(
        json=media_page(examples, ["m1", "m2"], next_number=2)
    )

    ids = [m.id async for m in cg.medias.list(page_size=2)]

    assert ids == ["m1", "m2"]
    assert route.call_count == 2


async def test_limit_stops_after_that_many_items_and_fetches_no_further(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/medias").mock(
        side_effect=by_page_number(
            {
                1: media_page(examples, ["m1", "m2"]),
                2: media_page(examples, ["m3", "m4"]),
                3: media_page(examples, ["m5", "m6"]),
            }
        )
    )

    medias = await cg.medias.list(page_size=2, limit=3).to_list()

    assert [m.id for m in medias] == ["m1", "m2", "m3"]
    assert requested_pages(route) == [1, 2]


async def test_limit_zero_sends_nothing(cg: ContentGroove, api: respx.MockRouter) -> None:
    route = api.get("/api/v1/medias")

    assert await cg.medias.list(limit=0).to_list() == []
    assert not route.called


async def test_pages_yields_whole_pages(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.get("/api/v1/medias").mock(
        side_effect=by_page_number(
            {1: media_page(examples, ["m1", "m2"], next_number=2), 2: media_page(examples, ["m3"])}
        )
    )

    pages = [page async for page in cg.medias.list(page_size=2).pages()]

    assert all(isinstance(page, Page) for page in pages)
    assert [page.number for page in pages] == [1, 2]
    assert [[m.id for m in page.items] for page in pages] == [["m1", "m2"], ["m3"]]
    assert all(isinstance(m, Media) for page in pages for m in page.items)
    assert pages[0].links is not None
    assert pages[0].links.next_ == f"{LIST}?page[number]=2&page[size]=2"
    assert pages[1].next_number is None


async def test_pages_respects_limit(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.get("/api/v1/medias").mock(
        side_effect=by_page_number(
            {1: media_page(examples, ["m1", "m2"]), 2: media_page(examples, ["m3", "m4"])}
        )
    )

    pages = [page async for page in cg.medias.list(page_size=2, limit=3).pages()]

    assert [[m.id for m in page.items] for page in pages] == [["m1", "m2"], ["m3"]]


async def test_clips_and_webhook_subscriptions_paginate_too(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    clips = api.get("/api/v1/clips").respond(json=example(examples, "list_clips"))
    subs = api.get("/api/v1/webhook_subscriptions").respond(
        json=example(examples, "list_webhook_subscriptions")
    )

    assert len(await cg.clips.list(page_size=1, limit=1).to_list()) == 1
    assert len(await cg.webhook_subscriptions.list(page_size=5).to_list()) == 1
    assert requested_pages(clips) == [1]
    assert requested_pages(subs) == [1]


async def test_list_is_lazy_until_iterated(cg: ContentGroove, api: respx.MockRouter) -> None:
    route = api.get("/api/v1/medias")

    paginator = cg.medias.list()

    assert isinstance(paginator, AsyncPaginator)
    assert not route.called


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"page_size": 0}, "page_size must be a positive int, got 0"),
        ({"page_size": "10"}, "page_size must be a positive int, got '10'"),
        ({"limit": -1}, "limit must be a non-negative int or None, got -1"),
    ],
)
def test_bad_paging_arguments_are_refused(kwargs: dict[str, Any], message: str) -> None:
    async def fetch(number: int, size: int) -> tuple[list[str], Any]:
        raise AssertionError("not fetched")

    with pytest.raises(ValueError, match=message):
        AsyncPaginator(fetch, page_size=kwargs.get("page_size"), limit=kwargs.get("limit"))
