"""Webhook subscriptions: create, read, list, delete."""

from __future__ import annotations

import pytest
from contentgroove.sandbox import SandboxSession

from contentgroove_client.models import WebhookSubscriptionDocument

from ._helpers import body
from ._spec import assert_conforms

pytestmark = pytest.mark.anyio


async def test_create_subscribes_to_every_event_by_default(sb: SandboxSession) -> None:
    response = await sb.client.post(
        "/api/v1/webhook_subscriptions", json=body({"url": "https://hooks.example/cg"})
    )

    assert response.status_code == 200
    doc = response.json()
    assert_conforms(doc, "WebhookSubscriptionDocument")
    assert WebhookSubscriptionDocument.from_dict(doc).data.id == doc["data"]["id"]
    attributes = doc["data"]["attributes"]
    assert attributes["url"] == "https://hooks.example/cg"
    assert attributes["subscribed_events"] == ["*"]
    assert attributes["active"] is True
    assert attributes["created_at"] == attributes["updated_at"]
    assert doc["data"]["relationships"] == {
        "user": {"data": {"id": sb.sandbox.user_id, "type": "users"}},
        "webhook_events": {"data": []},
    }
    assert doc["links"] == {"self": f"{sb.base_url}/api/v1/webhook_subscriptions"}


async def test_get_list_and_delete(sb: SandboxSession) -> None:
    created = (
        await sb.client.post(
            "/api/v1/webhook_subscriptions",
            json=body(
                {"url": "http://127.0.0.1:9/x", "subscribed_events": ["media.processing_finished"]}
            ),
        )
    ).json()["data"]
    url = f"/api/v1/webhook_subscriptions/{created['id']}"

    got = (await sb.client.get(url)).json()
    listed = (await sb.client.get("/api/v1/webhook_subscriptions")).json()
    deleted = await sb.client.delete(url)

    assert_conforms(got, "WebhookSubscriptionDocument")
    assert got["data"] == created
    assert got["links"] == {"self": f"{sb.base_url}{url}"}
    assert_conforms(listed, "WebhookSubscriptionListDocument")
    assert listed["data"] == [created]
    assert deleted.status_code == 204
    assert sb.sandbox.subscriptions == {}
    assert (await sb.client.get(url)).status_code == 404
    assert (await sb.client.delete(url)).status_code == 404
