"""Schemathesis drives every operation of openapi.json against the sandbox app in-process.

Every response must conform to the spec: documented status code, content type, response
schema and headers; no 5xx; schema-invalid requests rejected; auth enforced.

One gap between openapi.json and the API's real behaviour is allowed explicitly:
"Schema-valid data is accepted" is not checked where the API has rules the schema cannot
  express: one of ``source_url``/``upload_id`` per media, an existing ``media_id`` and
  ``start_time < end_time`` per clip, an http(s) ``url`` per subscription, and filter names
  (``ListFilter`` allows any key; unknown attributes/matchers answer 400).
"""

from __future__ import annotations

import random
from typing import Any

import anyio
import httpx
import pytest
import schemathesis
from contentgroove.sandbox import ManualClock, Sandbox, SandboxConfig, create_app
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from ._spec import SPEC_PATH

CLOCK = ManualClock()
SANDBOX = Sandbox(
    SandboxConfig(
        clock=CLOCK,
        seed=2024,
        processing_seconds=30,
        clip_processing_seconds=30,
        run_background=False,
        # Subscriptions made by the test get webhooks in-process, never over the network.
        webhook_transport=httpx.MockTransport(lambda request: httpx.Response(200)),
    )
)
APP = create_app(sandbox=SANDBOX)
AUTH = {"Authorization": "Bearer sk_test_sandbox"}

schema = schemathesis.openapi.from_path(SPEC_PATH)
schema.app = APP
# Send only the Authorization header given below, not generated api_key/X-API-KEY values.
schema.config.generation.update(with_security_parameters=False)

BUSINESS_RULES = {
    "POST /api/v1/medias",
    "POST /api/v1/clips",
    "PUT /api/v1/clips/{id}",
    "POST /api/v1/webhook_subscriptions",
    "GET /api/v1/medias",
    "GET /api/v1/clips",
    "GET /api/v1/webhook_subscriptions",
}
RNG = random.Random(0)


@pytest.fixture(scope="module", autouse=True)
def seeded() -> None:
    """Finished, failed and processing medias, clips, a subscription and a finished upload."""
    anyio.run(_seed)


async def _seed() -> None:
    transport = httpx.ASGITransport(app=APP)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:

        async def post(path: str, attributes: dict[str, Any]) -> dict[str, Any]:
            response = await client.post(
                path, json={"data": {"attributes": attributes}}, headers=AUTH
            )
            assert response.status_code == 200, response.text
            return dict(response.json()["data"])

        done = await post("/api/v1/medias", {"name": "done", "source_url": "https://ex.com/a.mp4"})
        await post("/api/v1/medias", {"name": "failed", "source_url": "https://x.invalid/a.mp4"})
        await post(
            "/api/v1/clips", {"name": "c", "media_id": done["id"], "start_time": 1, "end_time": 2}
        )
        CLOCK.advance(31)
        await post("/api/v1/medias", {"name": "processing", "source_url": "https://ex.com/b.mp4"})
        await post(
            "/api/v1/clips", {"name": "d", "media_id": done["id"], "start_time": 0, "end_time": 1}
        )
        await post("/api/v1/webhook_subscriptions", {"url": "https://hooks.example/cg"})
        upload = (await client.get("/api/v1/direct_uploads", headers=AUTH)).json()
        put = await client.put(upload["data"]["attributes"]["upload_url"], content=b"bytes")
        assert put.status_code == 200


def _existing_ids(path: str) -> list[str]:
    if path.startswith("/api/v1/medias"):
        return sorted(SANDBOX.medias)
    if path.startswith("/api/v1/clips"):
        return sorted(SANDBOX.clips)
    return sorted(SANDBOX.subscriptions)


def _attributes(body: Any) -> dict[str, Any] | None:
    data = body.get("data") if isinstance(body, dict) else None
    attributes = data.get("attributes") if isinstance(data, dict) else None
    return attributes if isinstance(attributes, dict) else None


def steer(case: Any) -> None:
    """Point about half of the cases at existing resources and at data the API accepts."""
    label = f"{case.method} {case.operation.path}"
    ids = _existing_ids(case.operation.path)
    if "{id}" in case.operation.path and ids and RNG.random() < 0.6:
        case.path_parameters["id"] = RNG.choice(ids)
    attributes = _attributes(case.body)
    if attributes is None or RNG.random() < 0.4:
        return
    if label == "POST /api/v1/clips" and SANDBOX.medias:
        attributes.update(media_id=RNG.choice(sorted(SANDBOX.medias)), start_time=0, end_time=1)
    elif label == "PUT /api/v1/clips/{id}":
        attributes.update(start_time=0, end_time=1)
    elif label == "POST /api/v1/medias":
        attributes.pop("upload_id", None)
        attributes["source_url"] = "https://videos.example.com/new.mp4"
    elif label == "POST /api/v1/webhook_subscriptions":
        attributes["url"] = "https://hooks.example/new"


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_response_conforms_to_openapi(case: Any) -> None:
    label = f"{case.method} {case.operation.path}"
    steer(case)
    # Reading `meta` re-checks edited cases: a negative case made valid counts as positive.
    assert case.meta is not None
    response = case.call(headers=AUTH)
    excluded = []
    if label in BUSINESS_RULES:
        excluded.append(positive_data_acceptance)
    case.validate_response(
        response, headers=AUTH, excluded_checks=excluded, transport_kwargs={"headers": AUTH}
    )
