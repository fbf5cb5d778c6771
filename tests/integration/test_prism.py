"""Every operation of the generated client is valid for openapi.json, as Prism's validator sees it.

Prism mocks openapi.json with ``--errors``: each request the generated client sends must pass
Prism's request validation (no error status, no ``sl-violations`` header, no ``Violation:`` in
its output), and each answer must parse into the documented model with every attribute of its
annotated type. Answers are the examples in openapi.json, and then data Prism makes up from the
schemas (``Prefer: dynamic=true``).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

import contentgroove_client
from contentgroove_client.api.clips import (
    create_clip,
    delete_clip,
    get_clip,
    list_clips,
    update_clip,
)
from contentgroove_client.api.direct_uploads import create_direct_upload
from contentgroove_client.api.medias import (
    create_media,
    delete_media,
    get_media,
    list_medias,
    update_media,
)
from contentgroove_client.api.webhook_subscriptions import (
    create_webhook_subscription,
    delete_webhook_subscription,
    get_webhook_subscription,
    list_webhook_subscriptions,
)
from contentgroove_client.models import (
    ClipCreateAttributes,
    ClipCreateData,
    ClipCreateRequest,
    ClipDocument,
    ClipListDocument,
    ClipUpdateAttributes,
    ClipUpdateData,
    ClipUpdateRequest,
    DirectUploadDocument,
    ErrorResponse,
    ListFilter,
    MediaCreateAttributes,
    MediaCreateData,
    MediaCreateRequest,
    MediaDocument,
    MediaListDocument,
    MediaUpdateAttributes,
    MediaUpdateData,
    MediaUpdateRequest,
    PageParams,
    WebhookSubscriptionCreateAttributes,
    WebhookSubscriptionCreateData,
    WebhookSubscriptionCreateRequest,
    WebhookSubscriptionDocument,
    WebhookSubscriptionListDocument,
)
from contentgroove_client.types import Response
from tests._typed import assert_well_typed
from tests.integration.conftest import Prism

pytestmark = [pytest.mark.integration, pytest.mark.anyio]

MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
CLIP_ID = "32caa472-6a12-4a77-974a-52d1175502ab"
SUBSCRIPTION_ID = "d07aedb6-53fc-4141-b10c-083896e54ce2"

Call = Callable[[contentgroove_client.Client], Awaitable[Response[Any]]]


def _filter(**values: str | list[str]) -> ListFilter:
    result = ListFilter()
    for key, value in values.items():
        result[key] = value
    return result


def _page() -> PageParams:
    return PageParams(number=2, size=50)


# operation -> (a call with valid inputs, the model its 2xx answer parses into; None: no body)
OPERATIONS: dict[str, tuple[Call, type | None]] = {
    "list_medias": (
        lambda c: list_medias.asyncio_detailed(
            client=c, filter_=_filter(name_eq="x"), page=_page(), sort="-created_at"
        ),
        MediaListDocument,
    ),
    "create_media": (
        lambda c: create_media.asyncio_detailed(
            client=c,
            body=MediaCreateRequest(
                data=MediaCreateData(
                    attributes=MediaCreateAttributes(
                        name="Chimp Into Space",
                        source_url="https://archive.org/download/SF143/SF143_512kb.mp4",
                    )
                )
            ),
        ),
        MediaDocument,
    ),
    "get_media": (lambda c: get_media.asyncio_detailed(MEDIA_ID, client=c), MediaDocument),
    "update_media": (
        lambda c: update_media.asyncio_detailed(
            MEDIA_ID,
            client=c,
            body=MediaUpdateRequest(
                data=MediaUpdateData(attributes=MediaUpdateAttributes(description="Enos"))
            ),
        ),
        MediaDocument,
    ),
    "delete_media": (lambda c: delete_media.asyncio_detailed(MEDIA_ID, client=c), None),
    "list_clips": (
        lambda c: list_clips.asyncio_detailed(
            client=c, filter_=_filter(name_eq="x"), page=_page(), sort="name"
        ),
        ClipListDocument,
    ),
    "create_clip": (
        lambda c: create_clip.asyncio_detailed(
            client=c,
            body=ClipCreateRequest(
                data=ClipCreateData(
                    attributes=ClipCreateAttributes(
                        media_id=MEDIA_ID, name="Launch", start_time=10.1, end_time=12.3
                    )
                )
            ),
        ),
        ClipDocument,
    ),
    "get_clip": (lambda c: get_clip.asyncio_detailed(CLIP_ID, client=c), ClipDocument),
    "update_clip": (
        lambda c: update_clip.asyncio_detailed(
            CLIP_ID,
            client=c,
            body=ClipUpdateRequest(
                data=ClipUpdateData(attributes=ClipUpdateAttributes(start_time=1, end_time=2.5))
            ),
        ),
        ClipDocument,
    ),
    "delete_clip": (lambda c: delete_clip.asyncio_detailed(CLIP_ID, client=c), None),
    "create_direct_upload": (
        lambda c: create_direct_upload.asyncio_detailed(client=c),
        DirectUploadDocument,
    ),
    "list_webhook_subscriptions": (
        lambda c: list_webhook_subscriptions.asyncio_detailed(
            client=c, filter_=_filter(url_cont="example.com"), page=_page(), sort="-name"
        ),
        WebhookSubscriptionListDocument,
    ),
    "create_webhook_subscription": (
        lambda c: create_webhook_subscription.asyncio_detailed(
            client=c,
            body=WebhookSubscriptionCreateRequest(
                data=WebhookSubscriptionCreateData(
                    attributes=WebhookSubscriptionCreateAttributes(
                        url="https://example.com/contentgroove_webhooks/12345",
                        subscribed_events=["media.processing_finished"],
                    )
                )
            ),
        ),
        WebhookSubscriptionDocument,
    ),
    "get_webhook_subscription": (
        lambda c: get_webhook_subscription.asyncio_detailed(SUBSCRIPTION_ID, client=c),
        WebhookSubscriptionDocument,
    ),
    "delete_webhook_subscription": (
        lambda c: delete_webhook_subscription.asyncio_detailed(SUBSCRIPTION_ID, client=c),
        None,
    ),
}

EXAMPLES = {"Authorization": "Bearer k"}
MADE_UP = {"Authorization": "Bearer k", "Prefer": "dynamic=true"}


async def _send(prism: Prism, call: Call, headers: dict[str, str]) -> Response[Any]:
    async with contentgroove_client.Client(base_url=prism.url, headers=headers) as client:
        return await call(client)


def test_every_operation_is_exercised() -> None:
    assert len(OPERATIONS) == 15


@pytest.mark.parametrize("headers", [EXAMPLES, MADE_UP], ids=["examples", "made-up"])
@pytest.mark.parametrize("name", OPERATIONS)
async def test_operation_is_valid_for_the_spec_and_its_answer_parses(
    name: str, headers: dict[str, str], prism: Prism
) -> None:
    call, model = OPERATIONS[name]
    mark = prism.output.mark()

    response = await _send(prism, call, headers)

    assert "sl-violations" not in response.headers, response.headers["sl-violations"]
    assert 200 <= response.status_code < 300, response.content
    assert await prism.violations_since(mark) == []
    if model is None:
        assert response.status_code == 204
        assert response.parsed is None
    else:
        assert isinstance(response.parsed, model)
        assert_well_typed(response.parsed)


async def test_deep_object_query_parameters_are_read_and_checked(prism: Prism) -> None:
    mark = prism.output.mark()
    response = await _send(
        prism,
        lambda c: list_medias.asyncio_detailed(
            client=c,
            filter_=_filter(name_eq="chimp into space", id_in=[MEDIA_ID, CLIP_ID]),
            page=PageParams(number=2, size=50),
            sort="-created_at",
        ),
        EXAMPLES,
    )
    assert response.status_code == 200
    assert "sl-violations" not in response.headers
    assert await prism.violations_since(mark) == []

    # The same parameters break a rule of openapi.json: Prism read page[...] as an object.
    response = await _send(
        prism,
        lambda c: list_medias.asyncio_detailed(client=c, page=PageParams(number=0, size=50)),
        EXAMPLES,
    )
    assert response.status_code == 400
    (violation,) = json.loads(response.headers["sl-violations"])
    assert violation["location"] == ["request", "query", "page", "number"]
    assert violation["message"] == "Request query parameter page.number must be >= 1"
    assert isinstance(response.parsed, ErrorResponse)


async def test_a_request_that_breaks_the_spec_is_caught_three_ways(prism: Prism) -> None:
    """The checks above are not vacuous: a bad request shows in status, header and output."""
    mark = prism.output.mark()
    async with httpx.AsyncClient(base_url=prism.url, headers=EXAMPLES) as client:
        response = await client.post("/api/v1/clips", json={"data": {"attributes": {}}})

    assert response.status_code == 400
    messages = {v["message"] for v in json.loads(response.headers["sl-violations"])}
    assert "Request body property data.attributes must have required property 'name'" in messages
    violations = await prism.violations_since(mark)
    assert any("must have required property 'media_id'" in line for line in violations)


async def test_a_request_without_credentials_is_refused(prism: Prism) -> None:
    mark = prism.output.mark()

    response = await _send(prism, OPERATIONS["get_media"][0], {})

    assert response.status_code == 401
    assert isinstance(response.parsed, ErrorResponse)
    assert any("Invalid security scheme" in line for line in await prism.violations_since(mark))
