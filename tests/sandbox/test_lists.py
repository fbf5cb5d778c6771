"""List operations: pagination links, Ransack filters (every matcher) and sort."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from contentgroove.sandbox import ManualClock, SandboxConfig, SandboxSession, with_sandbox
from contentgroove.sandbox._clock import format_timestamp

from ._helpers import body, create_clip, create_media
from ._spec import assert_conforms

pytestmark = pytest.mark.anyio

T0 = ManualClock.DEFAULT_START


# -- pagination ------------------------------------------------------------------------------


async def test_lists_are_paginated_by_20_with_current_and_next_links(sb: SandboxSession) -> None:
    created = [(await create_media(sb.client, name=f"m{i:02d}"))["id"] for i in range(45)]

    first = await sb.client.get("/api/v1/medias")

    doc = first.json()
    assert_conforms(doc, "MediaListDocument")
    assert [m["id"] for m in doc["data"]] == created[:20]
    assert doc["links"] == {
        "self": f"{sb.base_url}/api/v1/medias",
        "current": f"{sb.base_url}/api/v1/medias?page[number]=1",
        "next": f"{sb.base_url}/api/v1/medias?page[number]=2",
    }

    seen, url, pages = [], f"{sb.base_url}/api/v1/medias", 0
    while url:
        page = (await sb.client.get(url)).json()
        seen += [m["id"] for m in page["data"]]
        url = page["links"].get("next")
        pages += 1
    assert seen == created
    assert pages == 3


async def test_page_size_and_number_select_a_page(sb: SandboxSession) -> None:
    created = [(await create_media(sb.client))["id"] for _ in range(10)]

    doc = (await sb.client.get("/api/v1/medias?page[size]=3&page[number]=2")).json()

    assert [m["id"] for m in doc["data"]] == created[3:6]
    assert doc["links"]["current"].endswith("/api/v1/medias?page[number]=2&page[size]=3")
    assert doc["links"]["next"].endswith("/api/v1/medias?page[number]=3&page[size]=3")
    last = (await sb.client.get("/api/v1/medias?page[size]=3&page[number]=4")).json()
    assert [m["id"] for m in last["data"]] == created[9:]
    assert "next" not in last["links"]
    beyond = (await sb.client.get("/api/v1/medias?page[size]=3&page[number]=9")).json()
    assert beyond["data"] == [] and "next" not in beyond["links"]


async def test_links_keep_filters_and_sort(sb: SandboxSession) -> None:
    for i in range(3):
        await create_media(sb.client, name=f"keep {i}")
    await create_media(sb.client, name="other")

    doc = (
        await sb.client.get(
            "/api/v1/medias",
            params={"filter[name_start]": "keep", "sort": "-name", "page[size]": "2"},
        )
    ).json()

    assert [m["attributes"]["name"] for m in doc["data"]] == ["keep 2", "keep 1"]
    nxt = (await sb.client.get(doc["links"]["next"])).json()
    assert [m["attributes"]["name"] for m in nxt["data"]] == ["keep 0"]
    assert "next" not in nxt["links"]


async def test_page_size_is_capped(clock: ManualClock) -> None:
    config = SandboxConfig(clock=clock, page_size=2, max_page_size=3)
    async with with_sandbox(config, background=False) as sb:
        for _ in range(5):
            await create_media(sb.client)
        assert len((await sb.client.get("/api/v1/medias")).json()["data"]) == 2
        assert len((await sb.client.get("/api/v1/medias?page[size]=50")).json()["data"]) == 3


@pytest.mark.parametrize(
    "query", ["page[number]=0", "page[size]=0", "page[number]=x", "page[size]=-1", "page[size]=1.5"]
)
async def test_bad_page_parameters_answer_400(sb: SandboxSession, query: str) -> None:
    response = await sb.client.get(f"/api/v1/clips?{query}")

    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {"parameter": query.split("=")[0]}


async def test_every_list_operation_has_links(sb: SandboxSession) -> None:
    for path, component in [
        ("/api/v1/medias", "MediaListDocument"),
        ("/api/v1/clips", "ClipListDocument"),
        ("/api/v1/webhook_subscriptions", "WebhookSubscriptionListDocument"),
    ]:
        doc = (await sb.client.get(path)).json()
        assert_conforms(doc, component)
        assert doc == {
            "data": [],
            "links": {
                "current": f"{sb.base_url}{path}?page[number]=1",
                "self": f"{sb.base_url}{path}",
            },
        }


# -- filters ---------------------------------------------------------------------------------


@pytest.fixture
async def three(clock: ManualClock) -> AsyncIterator[SandboxSession]:
    """Alpha (finished), beta (fetch error) and Gamma (processing), created 0s, 1s, 11s in."""
    config = SandboxConfig(clock=clock, processing_seconds=10, seed=3)
    async with with_sandbox(config, background=False) as sb:
        await create_media(sb.client, name="Alpha talk", description="first")
        clock.advance(1)
        await create_media(sb.client, name="beta Demo", source_url="https://bad.invalid/b.mp4")
        clock.advance(10)
        await create_media(sb.client, name="Gamma", description="  ")
        yield sb


async def names(sb: SandboxSession, params: Any) -> list[str]:
    response = await sb.client.get("/api/v1/medias", params=params)
    assert response.status_code == 200, response.text
    return [m["attributes"]["name"] for m in response.json()["data"]]


A, B, C = "Alpha talk", "beta Demo", "Gamma"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"filter[name_eq]": "alpha TALK"}, [A]),
        ({"filter[name_not_eq]": "gamma"}, [A, B]),
        ({"filter[name_cont]": "TA"}, [A, B]),
        ({"filter[name_not_cont]": "ta"}, [C]),
        ({"filter[name_i_cont]": "DEMO"}, [B]),
        ({"filter[name_start]": "al"}, [A]),
        ({"filter[name_not_start]": "al"}, [B, C]),
        ({"filter[name_end]": "MO"}, [B]),
        ({"filter[name_not_end]": "mo"}, [A, C]),
        ({"filter[created_at_gt]": format_timestamp(T0)}, [B, C]),
        ({"filter[created_at_gteq]": format_timestamp(T0)}, [A, B, C]),
        ({"filter[created_at_lt]": format_timestamp(T0 + 1)}, [A]),
        ({"filter[created_at_lteq]": format_timestamp(T0 + 1)}, [A, B]),
        ({"filter[source_file_duration_gt]": "0"}, [A]),
        ({"filter[external_id_eq]": "2"}, [B]),
        ([("filter[name_in][]", A), ("filter[name_in][]", "gamma")], [A, C]),
        ([("filter[name_not_in][]", A), ("filter[name_not_in][]", C)], [B]),
        ({"filter[name_in]": C}, [C]),
        ({"filter[description_null]": "true"}, [B]),
        ({"filter[description_null]": "false"}, [A, C]),
        ({"filter[description_not_null]": "1"}, [A, C]),
        ({"filter[description_present]": "true"}, [A]),
        ({"filter[description_blank]": "true"}, [B, C]),
        ({"filter[has_fetch_error_true]": "1"}, [B]),
        ({"filter[has_fetch_error_false]": "1"}, [A, C]),
        ({"filter[is_processing_true]": "true"}, [C]),
        ({"filter[is_processing_eq]": "false"}, [A, B]),
        ({"filter[name_eq]": ""}, [A, B, C]),  # blank values are ignored, as in Ransack
        ({"filter[name_cont]": "a", "filter[has_fetch_error_false]": "1"}, [A, C]),
    ],
)
async def test_filter_matchers(three: SandboxSession, params: Any, expected: list[str]) -> None:
    assert await names(three, params) == expected


@pytest.mark.parametrize(
    "query",
    [
        "filter[colour_eq]=red",
        "filter[name_like]=x",
        "filter[name]=x",
        "filter[name_eq][]=a&filter[name_eq][]=b",
        "filter[created_at_gt]=yesterday",
        "filter[source_file_duration_lt]=long",
        "filter[has_fetch_error_true]=maybe",
        "filter[name_true]=1",
        "filter[source_file_duration_cont]=1",
        "filter[name_eq=x",
    ],
)
async def test_unknown_or_malformed_filters_answer_400(three: SandboxSession, query: str) -> None:
    response = await three.client.get(f"/api/v1/medias?{query}")

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["source"]["parameter"].startswith("filter")


async def test_clips_filter_by_media_and_subscriptions_by_url(
    sb: SandboxSession, clock: ManualClock
) -> None:
    first = await create_media(sb.client)
    await create_media(sb.client)
    clock.advance(10)
    for url in ("https://a.example/hook", "https://b.example/hook"):
        await sb.client.post("/api/v1/webhook_subscriptions", json=body({"url": url}))

    clips = (await sb.client.get(f"/api/v1/clips?filter[media_id_eq]={first['id']}")).json()
    subs = (await sb.client.get("/api/v1/webhook_subscriptions?filter[url_cont]=b.ex")).json()

    assert clips["data"] and {c["relationships"]["media"]["data"]["id"] for c in clips["data"]} == {
        first["id"]
    }
    ranked = (
        await sb.client.get(f"/api/v1/clips?filter[media_id_eq]={first['id']}&filter[rank_lteq]=1")
    ).json()
    assert sorted(c["attributes"]["rank"] for c in ranked["data"]) == [0, 1]
    assert [s["attributes"]["url"] for s in subs["data"]] == ["https://b.example/hook"]


# -- sort ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", [A, B, C]),
        ("-name", [C, B, A]),
        ("created_at", [A, B, C]),
        ("-created_at", [C, B, A]),
        ("original_created_at", [A, B, C]),
        ("-original_created_at", [C, B, A]),
    ],
)
async def test_sort_by_each_field_both_ways(
    three: SandboxSession, sort: str, expected: list[str]
) -> None:
    assert await names(three, {"sort": sort}) == expected


async def test_clips_without_original_created_at_sort_by_created_at(
    sb: SandboxSession, clock: ManualClock
) -> None:
    media = await create_media(sb.client)
    clock.advance(11)  # suggested clips were created at 10s, this one at 11s
    made = await create_clip(sb.client, media["id"])

    ascending = (await sb.client.get("/api/v1/clips?sort=original_created_at")).json()["data"]
    descending = (await sb.client.get("/api/v1/clips?sort=-original_created_at")).json()["data"]

    assert len(ascending) >= 4
    assert ascending[-1]["id"] == made["id"]
    assert descending[0]["id"] == made["id"]


@pytest.mark.parametrize("sort", ["size", "-", "name,created_at", "+name"])
async def test_unknown_sort_answers_400(sb: SandboxSession, sort: str) -> None:
    response = await sb.client.get("/api/v1/medias", params={"sort": sort})

    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {"parameter": "sort"}
