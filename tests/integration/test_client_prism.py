"""The SDK's whole resource API against Prism mocking openapi.json.

Prism (``--errors``) answers with the spec's examples, or with data made up from its schemas
(``Prefer: dynamic=true``), and rejects any request that breaks the spec. Every call must pass
its validation and come back as the flattened typed view; ``Prefer: code=...`` answers come back
as the typed errors.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from contentgroove import (
    AuthenticationError,
    Clip,
    ContentGroove,
    DirectUpload,
    Media,
    NotFoundError,
    QuotaExceededError,
    RateLimitError,
    RetryPolicy,
    WebhookSubscription,
)

from tests._typed import assert_well_typed
from tests.integration.conftest import Prism

pytestmark = [pytest.mark.integration, pytest.mark.anyio]

MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
CLIP_ID = "32caa472-6a12-4a77-974a-52d1175502ab"
SUB_ID = "d07aedb6-53fc-4141-b10c-083896e54ce2"
HOOK_URL = "https://example.com/contentgroove_webhooks/12345"

Call = Callable[[ContentGroove], Awaitable[Any]]


async def _list_all(paginator: Any) -> list[Any]:
    return [item async for item in paginator]


# name -> (call, the type of its result: a view, a list of views, or None)
CALLS: dict[str, tuple[Call, type[Any] | None]] = {
    "medias.list": (
        lambda cg: _list_all(
            cg.medias.list(filter={"name_cont": "chimp"}, sort="-created_at", page_size=10)
        ),
        Media,
    ),
    "medias.get": (lambda cg: cg.medias.get(MEDIA_ID), Media),
    "medias.create": (
        lambda cg: cg.medias.create(
            source_url="https://archive.org/download/SF143/SF143_512kb.mp4",
            name="Chimp Into Space",
            description="Enos",
        ),
        Media,
    ),
    "medias.create(upload_id)": (lambda cg: cg.medias.create(upload_id="blob-1"), Media),
    "medias.create_from_url": (
        lambda cg: cg.medias.create_from_url("https://archive.org/download/SF143/SF143_512kb.mp4"),
        Media,
    ),
    "medias.update": (
        lambda cg: cg.medias.update(MEDIA_ID, name="Chimp", description="testdescription"),
        Media,
    ),
    "medias.delete": (lambda cg: cg.medias.delete(MEDIA_ID), None),
    "clips.list": (
        lambda cg: _list_all(cg.clips.list(filter={"media_id_eq": MEDIA_ID}, sort="name")),
        Clip,
    ),
    "clips.get": (lambda cg: cg.clips.get(CLIP_ID), Clip),
    "clips.create": (
        lambda cg: cg.clips.create(
            media_id=MEDIA_ID, name="Launch", start_time=10.1, end_time=12.3
        ),
        Clip,
    ),
    "clips.update": (lambda cg: cg.clips.update(CLIP_ID, start_time=1, end_time=2.5), Clip),
    "clips.delete": (lambda cg: cg.clips.delete(CLIP_ID), None),
    "uploads.create": (lambda cg: cg.uploads.create(), DirectUpload),
    "webhook_subscriptions.list": (
        lambda cg: _list_all(cg.webhook_subscriptions.list(filter={"url_cont": "example.com"})),
        WebhookSubscription,
    ),
    "webhook_subscriptions.get": (
        lambda cg: cg.webhook_subscriptions.get(SUB_ID),
        WebhookSubscription,
    ),
    "webhook_subscriptions.create": (
        lambda cg: cg.webhook_subscriptions.create(
            url=HOOK_URL, subscribed_events=["media.processing_finished"]
        ),
        WebhookSubscription,
    ),
    "webhook_subscriptions.ensure": (
        lambda cg: cg.webhook_subscriptions.ensure(HOOK_URL),
        WebhookSubscription,
    ),
    "webhook_subscriptions.delete": (lambda cg: cg.webhook_subscriptions.delete(SUB_ID), None),
}


class NoSleep:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def client(prism: Prism, **kwargs: Any) -> ContentGroove:
    kwargs.setdefault("retry_policy", RetryPolicy(sleep=NoSleep(), random=lambda: 1.0))
    return ContentGroove("sk_test_prism", base_url=prism.url, **kwargs)


def assert_typed(result: Any, expected: type[Any] | None) -> None:
    if expected is None:
        assert result is None
        return
    items: list[Any] = result if isinstance(result, list) else [result]
    assert items, "expected at least one item"
    for item in items:
        assert isinstance(item, expected)
        assert_well_typed(item.raw)


@pytest.fixture(params=["examples", "made-up"])
def prefer(request: pytest.FixtureRequest) -> dict[str, str]:
    return {} if request.param == "examples" else {"Prefer": "dynamic=true"}


@pytest.mark.parametrize("name", CALLS)
async def test_call_passes_validation_and_returns_typed_views(
    prism: Prism, name: str, prefer: dict[str, str]
) -> None:
    call, expected = CALLS[name]
    mark = prism.output.mark()

    async with client(prism, default_headers=prefer) as cg:
        result = await call(cg)

    assert_typed(result, expected)
    assert await prism.violations_since(mark) == []


@pytest.mark.parametrize("auth", ["bearer", "x-api-key", "query"])
async def test_every_auth_mode_satisfies_the_security_rules(prism: Prism, auth: str) -> None:
    mark = prism.output.mark()

    async with client(prism, auth=auth) as cg:
        media = await cg.medias.get(MEDIA_ID)
        medias = await cg.medias.list(page_size=5).to_list()

    assert media.id == MEDIA_ID
    assert medias
    assert await prism.violations_since(mark) == []


async def test_example_media_is_flattened(prism: Prism) -> None:
    async with client(prism) as cg:
        media = await cg.medias.get(MEDIA_ID)

    assert media.id == MEDIA_ID
    assert media.name == "Chimp Into Space"
    assert media.is_processing is True
    assert media.clip_ids == ()


async def test_pagination_stops_although_prism_ignores_page_numbers(prism: Prism) -> None:
    # Prism answers every page with the same example: one item, so page_size=1 looks full.
    mark = prism.output.mark()

    async with client(prism) as cg:
        pages = [page async for page in cg.medias.list(page_size=1).pages()]

    assert len(pages) == 1
    assert [m.id for m in pages[0].items] == [MEDIA_ID]
    assert await prism.violations_since(mark) == []


@pytest.mark.parametrize(
    ("code", "call", "error_class"),
    [
        ("401", lambda cg: cg.medias.get(MEDIA_ID), AuthenticationError),
        ("404", lambda cg: cg.clips.get(CLIP_ID), NotFoundError),
        ("402", lambda cg: cg.medias.create(upload_id="blob-1"), QuotaExceededError),
        ("429", lambda cg: cg.webhook_subscriptions.get(SUB_ID), RateLimitError),
    ],
)
async def test_documented_error_answers_become_typed_errors(
    prism: Prism, code: str, call: Call, error_class: type[Exception]
) -> None:
    async with client(prism, default_headers={"Prefer": f"code={code}"}, max_retries=0) as cg:
        with pytest.raises(error_class) as caught:
            await call(cg)

    assert f"returned {code}: " in str(caught.value)
    assert "sk_test_prism" not in str(caught.value)


async def test_a_429_is_retried_the_configured_number_of_times(prism: Prism) -> None:
    sleep = NoSleep()
    async with client(
        prism,
        default_headers={"Prefer": "code=429"},
        retry_policy=RetryPolicy(max_retries=3, sleep=sleep, random=lambda: 1.0),
    ) as cg:
        with pytest.raises(RateLimitError):
            await cg.medias.get(MEDIA_ID)

    assert sleep.delays == [0.5, 1.0, 2.0]


async def test_no_connection_is_left_open_after_aclose(prism: Prism) -> None:
    cg = client(prism)
    await cg.medias.get(MEDIA_ID)
    await cg.clips.get(CLIP_ID)
    pool = cg.http_client._transport._pool  # type: ignore[attr-defined]
    assert len(pool.connections) >= 1

    await cg.aclose()

    assert pool.connections == []
