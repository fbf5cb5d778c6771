"""webhook_router: a FastAPI app under uvicorn on 127.0.0.1 receiving real HTTP deliveries."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import anyio
import httpx
import pytest
from contentgroove._events import ProcessingNotifier
from contentgroove._exceptions import ConfigurationError
from contentgroove._models import Media
from contentgroove.webhooks import (
    MediaProcessingFinished,
    WebhookEvent,
    webhook_url,
)
from contentgroove.webhooks.fastapi import webhook_router
from fastapi import FastAPI

from .conftest import (
    MEDIA_ID,
    REFERENCE_BODY,
    SECRET,
    body_of,
    delivery,
    eventually,
    reference,
    uvicorn_app,
)
from .test_receiver import FakeClient, api_media

pytestmark = pytest.mark.integration


class App:
    """An app whose handler fails for media ids starting with "fail"."""

    def __init__(self, **router_options: Any) -> None:
        self.handled: list[WebhookEvent] = []
        client = router_options.get("client")
        self.notifier = client.processing_notifier if client else ProcessingNotifier()
        if client is None:
            router_options["notifier"] = self.notifier
        self.app = FastAPI()
        self.app.include_router(webhook_router(self.handler, secret=SECRET, **router_options))
        self.app.add_api_route("/wait/{media_id}", self.wait_for_media)

    async def handler(self, event: WebhookEvent) -> None:
        if isinstance(event, MediaProcessingFinished) and event.media.id.startswith("fail"):
            raise LookupError(f"no customer for {event.media.id}: secret details")
        self.handled.append(event)

    async def wait_for_media(self, media_id: str) -> dict[str, Any]:
        """Stands for application code polling a media, as the SDK's pollers do."""
        with self.notifier.watch("medias", media_id) as watch:
            with anyio.fail_after(30):
                await watch.event.wait()
        assert isinstance(watch.resource, Media)
        return {"woken_with": watch.resource.name}


@pytest.fixture
def app() -> App:
    return App()


@pytest.fixture
def base_url(app: App) -> Iterator[str]:
    with uvicorn_app(app.app) as url:
        yield url


@pytest.fixture
async def http(base_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        yield client


def url(token: str = SECRET) -> str:
    return f"/contentgroove/webhooks/{token}"


@pytest.mark.anyio
async def test_a_delivery_is_handled_and_answered_200(app: App, http: httpx.AsyncClient) -> None:
    response = await http.post(
        url(), content=REFERENCE_BODY, headers={"content-type": "application/json"}
    )

    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert response.headers["content-type"] == "application/json"
    assert len(app.handled) == 1 and isinstance(app.handled[0], MediaProcessingFinished)


@pytest.mark.anyio
async def test_the_subscribed_url_is_the_route(app: App, base_url: str) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(
            webhook_url(f"{base_url}/contentgroove/webhooks/", SECRET), content=REFERENCE_BODY
        )

    assert response.status_code == 200


@pytest.mark.anyio
async def test_a_redelivery_is_a_duplicate(app: App, http: httpx.AsyncClient) -> None:
    first = await http.post(url(), content=REFERENCE_BODY)
    second = await http.post(url(), content=REFERENCE_BODY)

    assert first.json() == {"status": "ok"}
    assert (second.status_code, second.json()) == (200, {"status": "duplicate"})
    assert len(app.handled) == 1


@pytest.mark.anyio
async def test_a_malformed_body_is_400_with_reason_and_path(
    app: App, http: httpx.AsyncClient
) -> None:
    doc = reference()
    doc["payload"]["included"][1]["attributes"]["rank"] = "best"

    response = await http.post(url(), content=body_of(doc))

    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_payload",
        "message": "expected a whole number or numeric string or null, got the string 'best'",
        "path": "$.payload.included[1].attributes.rank",
    }
    assert app.handled == []


@pytest.mark.anyio
async def test_a_body_that_is_not_json_is_400(http: httpx.AsyncClient) -> None:
    response = await http.post(url(), content=b"<xml/>")

    assert response.status_code == 400
    assert response.json()["path"] == "$"
    assert response.json()["message"].startswith("body is not valid JSON")


@pytest.mark.parametrize("token", ["not-the-secret-not-the-secret", SECRET + "x", "%00"])
@pytest.mark.anyio
async def test_a_wrong_token_is_404(app: App, http: httpx.AsyncClient, token: str) -> None:
    response = await http.post(url(token), content=REFERENCE_BODY)

    assert (response.status_code, response.json()) == (404, {"error": "not_found"})
    assert app.handled == []


@pytest.mark.anyio
async def test_other_methods_and_paths_are_not_routed(http: httpx.AsyncClient) -> None:
    assert (await http.get(url())).status_code == 405
    assert (await http.post("/contentgroove/webhooks", content=REFERENCE_BODY)).status_code == 404


@pytest.mark.anyio
async def test_a_failing_handler_is_500_so_contentgroove_retries(
    app: App, http: httpx.AsyncClient
) -> None:
    body = delivery("fail-1")

    failed = await http.post(url(), content=body)
    again = await http.post(url(), content=body)

    assert (failed.status_code, failed.json()) == (
        500,
        {"error": "handler_failed", "type": "LookupError"},
    )
    assert "secret details" not in failed.text
    assert again.status_code == 500  # not a duplicate: the failed delivery was released


@pytest.mark.anyio
async def test_a_body_over_the_limit_is_refused_without_reading_it_all(
    http: httpx.AsyncClient,
) -> None:
    async def endless() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b" " * (1024 * 1024)

    response = await http.post(url(), content=endless())  # 20 MiB, chunked

    assert response.status_code == 400
    assert response.json()["message"] == "body is larger than the limit of 16777216 bytes"


@pytest.mark.anyio
async def test_a_processing_finished_delivery_wakes_the_pollers_of_that_media(
    app: App, http: httpx.AsyncClient
) -> None:
    async with anyio.create_task_group() as tg:
        woken: list[httpx.Response] = []

        async def poll() -> None:
            woken.append(await http.get(f"/wait/{MEDIA_ID}"))

        tg.start_soon(poll)
        await eventually(lambda: app.notifier.waiting("medias", MEDIA_ID) > 0)
        delivered = await http.post(url(), content=REFERENCE_BODY)

    assert delivered.status_code == 200
    assert woken[0].json() == {"woken_with": "Chimp Into Space"}
    assert app.notifier.waiting("medias", MEDIA_ID) == 0


@pytest.mark.anyio
async def test_concurrent_redeliveries_run_the_handler_once(
    app: App, http: httpx.AsyncClient
) -> None:
    async def send() -> None:
        response = await http.post(url(), content=REFERENCE_BODY)
        statuses.append(response.json()["status"])

    statuses: list[str] = []
    async with anyio.create_task_group() as tg:
        for _ in range(10):
            tg.start_soon(send)

    assert sorted(statuses) == ["duplicate"] * 9 + ["ok"]
    assert len(app.handled) == 1


@pytest.mark.anyio
async def test_with_a_client_pollers_are_woken_through_its_notifier_and_media_confirmed() -> None:
    client = FakeClient(api_media())
    app = App(client=client, confirm=True)

    with uvicorn_app(app.app) as base:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            async with anyio.create_task_group() as tg:
                woken: list[httpx.Response] = []

                async def poll() -> None:
                    woken.append(await http.get(f"/wait/{MEDIA_ID}"))

                tg.start_soon(poll)
                notifier = client.processing_notifier
                await eventually(lambda: notifier.waiting("medias", MEDIA_ID) > 0)
                response = await http.post(url(), content=REFERENCE_BODY)

    assert response.status_code == 200
    assert client.medias.requested == [MEDIA_ID]
    assert woken[0].json() == {"woken_with": "Chimp Into Space (from the API)"}


@pytest.mark.anyio
async def test_sync_handlers_work() -> None:
    handled: list[str] = []

    def handler(event: WebhookEvent) -> None:
        handled.append(event.event)

    application = FastAPI()
    application.include_router(webhook_router(handler, secret=SECRET, path="/hooks/"))
    with uvicorn_app(application) as base:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            response = await http.post(f"/hooks/{SECRET}", content=REFERENCE_BODY)

    assert response.status_code == 200
    assert handled == ["media.processing_finished"]


def test_confirm_needs_a_client() -> None:
    with pytest.raises(
        ConfigurationError, match=r"confirm=True\) reads the media from the API: pass client"
    ):
        webhook_router(lambda e: None, secret=SECRET, confirm=True)


def test_the_path_must_be_absolute() -> None:
    with pytest.raises(ConfigurationError, match=r"path=\.\.\.\) must start with '/'"):
        webhook_router(lambda e: None, secret=SECRET, path="hooks")


def test_the_route_stays_out_of_the_openapi_schema() -> None:
    application = FastAPI()
    application.include_router(webhook_router(lambda e: None, secret=SECRET))

    assert application.openapi()["paths"] == {}
