"""Constructor settings, environment variables, with_options and closing the pool."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from contentgroove import (
    DEFAULT_BASE_URL,
    ConfigurationError,
    ContentGroove,
    RetryPolicy,
    __version__,
)

from .conftest import API, KEY, example

pytestmark = pytest.mark.anyio

MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTENTGROOVE_API_KEY", raising=False)
    monkeypatch.delenv("CONTENTGROOVE_BASE_URL", raising=False)


async def test_defaults() -> None:
    async with ContentGroove(KEY) as cg:
        assert str(cg.base_url) == DEFAULT_BASE_URL == "https://api.contentgroove.com"
        assert cg.retry_policy.max_retries == 2
        assert cg.retry_policy.base_delay == 0.5
        assert cg.retry_policy.max_delay == 8.0
        assert cg.timeout == httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=30.0)


async def test_env_vars_configure_key_and_base_url(
    monkeypatch: pytest.MonkeyPatch, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    monkeypatch.setenv("CONTENTGROOVE_API_KEY", KEY)
    monkeypatch.setenv("CONTENTGROOVE_BASE_URL", API + "/")
    route = api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "get_media"))

    async with ContentGroove() as cg:
        assert str(cg.base_url) == API
        await cg.medias.get(MEDIA_ID)

    assert route.calls.last.request.headers["Authorization"] == f"Bearer {KEY}"


async def test_arguments_win_over_env_vars(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTENTGROOVE_BASE_URL", "https://env.example.test")

    async with ContentGroove(KEY, base_url=API) as cg:
        assert str(cg.base_url) == API


@pytest.mark.parametrize(
    "base_url",
    ["api.contentgroove.com", "ftp://api.contentgroove.com", "https://", "https://h.test/?x=1"],
)
async def test_a_bad_base_url_is_a_configuration_error(base_url: str) -> None:
    with pytest.raises(ConfigurationError, match=r"base_url .* must be an absolute http\(s\) URL"):
        ContentGroove(KEY, base_url=base_url)


@pytest.mark.parametrize("max_retries", [-1, 1.5, "2"])
async def test_a_bad_max_retries_is_a_configuration_error(max_retries: Any) -> None:
    with pytest.raises(ConfigurationError, match="max_retries must be an int >= 0"):
        ContentGroove(KEY, base_url=API, max_retries=max_retries)


async def test_default_headers_and_user_agent_are_sent(
    api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "get_media"))

    async with ContentGroove(
        KEY, base_url=API, default_headers={"X-Request-Source": "tests"}
    ) as cg:
        await cg.medias.get(MEDIA_ID)

    headers = route.calls.last.request.headers
    assert headers["User-Agent"] == f"contentgroove-python/{__version__} httpx/{httpx.__version__}"
    assert headers["X-Request-Source"] == "tests"


async def test_timeout_is_applied_to_each_request(
    api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "get_media"))

    async with ContentGroove(KEY, base_url=API, timeout=2.5) as cg:
        assert cg.timeout == httpx.Timeout(2.5)
        await cg.medias.get(MEDIA_ID)
        await cg.with_options(timeout=httpx.Timeout(1.0, connect=3.0)).medias.get(MEDIA_ID)

    first, second = (call.request.extensions["timeout"] for call in route.calls)
    assert first == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
    assert second == {"connect": 3.0, "read": 1.0, "write": 1.0, "pool": 1.0}


async def test_a_caller_supplied_http_client_is_used_and_left_open(
    api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "get_media"))

    async with httpx.AsyncClient(headers={"X-Proxy-Tenant": "t1"}) as http:
        async with ContentGroove(KEY, base_url=API, http_client=http) as cg:
            assert cg.http_client is http
            await cg.medias.get(MEDIA_ID)
        assert not http.is_closed

    assert route.calls.last.request.headers["X-Proxy-Tenant"] == "t1"


async def test_with_options_shares_the_pool_and_changes_only_what_it_is_given() -> None:
    policy = RetryPolicy(max_retries=4, base_delay=0.1)
    cg = ContentGroove(KEY, base_url=API, timeout=5.0, retry_policy=policy)

    fast = cg.with_options(timeout=0.5, max_retries=0)
    patient = cg.with_options(retry_policy=RetryPolicy(max_retries=9))

    assert fast.http_client is cg.http_client is patient.http_client
    assert fast.processing_notifier is cg.processing_notifier
    assert fast.timeout == httpx.Timeout(0.5)
    assert fast.retry_policy.max_retries == 0
    assert fast.retry_policy.base_delay == 0.1
    assert patient.timeout == httpx.Timeout(5.0)
    assert patient.retry_policy.max_retries == 9
    assert cg.timeout == httpx.Timeout(5.0)
    assert cg.retry_policy is policy
    assert fast.medias._client is fast
    assert cg.medias._client is cg

    await fast.aclose()
    assert not cg.http_client.is_closed  # a copy never closes the shared pool
    await cg.aclose()
    assert cg.http_client.is_closed


async def test_aclose_is_idempotent_and_async_with_closes() -> None:
    async with ContentGroove(KEY, base_url=API) as cg:
        assert not cg.http_client.is_closed
    assert cg.http_client.is_closed
    await cg.aclose()
    assert cg.http_client.is_closed
