"""Authentication: the three ways to send the API key, and 401 otherwise."""

from __future__ import annotations

import pytest
from contentgroove.sandbox import SandboxConfig, SandboxSession, with_sandbox

from ._spec import assert_conforms

pytestmark = pytest.mark.anyio

UNAUTHORIZED = {"errors": [{"message": "You need to sign in or sign up before continuing."}]}
KEY = "sk_test_sandbox"


@pytest.mark.parametrize(
    ("headers", "params", "method"),
    [
        ({"Authorization": f"Bearer {KEY}"}, {}, "bearer"),
        ({"Authorization": f"bearer {KEY}"}, {}, "bearer"),
        ({"X-API-KEY": KEY}, {}, "header"),
        ({}, {"api_key": KEY}, "query"),
    ],
)
async def test_each_documented_method_authenticates(
    sb: SandboxSession, headers: dict[str, str], params: dict[str, str], method: str
) -> None:
    response = await sb.anonymous.get("/api/v1/medias", headers=headers, params=params)

    assert response.status_code == 200
    assert sb.sandbox.requests[-1].auth == method


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({}, {}),
        ({"Authorization": "Bearer wrong"}, {}),
        ({"Authorization": f"Basic {KEY}"}, {}),
        ({"Authorization": "Bearer"}, {}),
        ({"X-API-KEY": "wrong"}, {}),
        ({}, {"api_key": "wrong"}),
        # Every key sent must be valid: a wrong one is not rescued by a right one.
        ({"Authorization": f"Bearer {KEY}", "X-API-KEY": "wrong"}, {}),
    ],
)
async def test_missing_or_wrong_keys_answer_401(
    sb: SandboxSession, headers: dict[str, str], params: dict[str, str]
) -> None:
    response = await sb.anonymous.get("/api/v1/medias", headers=headers, params=params)

    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED
    assert_conforms(response.json(), "ErrorResponse")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/medias"),
        ("POST", "/api/v1/medias"),
        ("GET", "/api/v1/medias/x"),
        ("PUT", "/api/v1/medias/x"),
        ("DELETE", "/api/v1/medias/x"),
        ("GET", "/api/v1/clips"),
        ("POST", "/api/v1/clips"),
        ("GET", "/api/v1/clips/x"),
        ("PUT", "/api/v1/clips/x"),
        ("DELETE", "/api/v1/clips/x"),
        ("GET", "/api/v1/direct_uploads"),
        ("GET", "/api/v1/webhook_subscriptions"),
        ("POST", "/api/v1/webhook_subscriptions"),
        ("GET", "/api/v1/webhook_subscriptions/x"),
        ("DELETE", "/api/v1/webhook_subscriptions/x"),
    ],
)
async def test_every_operation_requires_the_key(sb: SandboxSession, method: str, path: str) -> None:
    response = await sb.anonymous.request(method, path, json={"data": {"attributes": {}}})

    assert response.status_code == 401


async def test_any_configured_key_is_accepted() -> None:
    config = SandboxConfig(api_keys={"sk_a", "sk_b"})
    async with with_sandbox(config, background=False) as sb:
        for key in ("sk_a", "sk_b"):
            response = await sb.anonymous.get("/api/v1/clips", headers={"X-API-KEY": key})
            assert response.status_code == 200
        default = await sb.anonymous.get("/api/v1/clips", headers={"X-API-KEY": KEY})
        assert default.status_code == 401


async def test_the_query_key_never_shows_in_links_or_the_request_log(sb: SandboxSession) -> None:
    response = await sb.anonymous.get("/api/v1/medias", params={"api_key": KEY, "page[size]": "1"})

    assert KEY not in response.text
    assert response.json()["links"]["current"].endswith("?page[number]=1&page[size]=1")
    assert sb.sandbox.requests[-1].query == "api_key=[REDACTED]&page[size]=1"
