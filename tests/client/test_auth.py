"""The API key goes to the API's origin only, and never into reprs, messages or logs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import respx
from contentgroove import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    ConfigurationError,
    ContentGroove,
    InternalServerError,
    NotFoundError,
    RetryPolicy,
)

from .conftest import API, KEY, FakeSleep, example

pytestmark = pytest.mark.anyio

MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
UPLOAD_URL = "https://uploads.example.test/x?sig=1"
MODES = ["bearer", "x-api-key", "query"]


def carries_key(request: httpx.Request) -> bool:
    """Whether the key appears anywhere in a request: URL, headers or body."""
    text = str(request.url) + repr(request.headers.raw) + request.content.decode("latin-1")
    return KEY in text


@pytest.fixture(params=MODES)
async def client_per_mode(
    request: pytest.FixtureRequest, fake_sleep: FakeSleep, anyio_backend: str
) -> AsyncIterator[ContentGroove]:
    async with ContentGroove(
        KEY,
        base_url=API,
        auth=request.param,
        retry_policy=RetryPolicy(sleep=fake_sleep, random=lambda: 1.0),
    ) as client:
        yield client


# -- where the key goes ----------------------------------------------------------------------


async def test_bearer_mode_sends_an_authorization_header(
    cg: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "get_media"))

    await cg.medias.get(MEDIA_ID)

    request = route.calls.last.request
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert "X-API-KEY" not in request.headers
    assert "api_key" not in request.url.params


async def test_x_api_key_mode_sends_the_header(
    api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "get_media"))

    async with ContentGroove(KEY, base_url=API, auth="x-api-key") as cg:
        await cg.medias.get(MEDIA_ID)

    request = route.calls.last.request
    assert request.headers["X-API-KEY"] == KEY
    assert "Authorization" not in request.headers
    assert "api_key" not in request.url.params


async def test_query_mode_adds_the_param_beside_the_others(
    api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    route = api.get("/api/v1/medias").respond(json=example(examples, "list_medias"))

    async with ContentGroove(KEY, base_url=API, auth="query") as cg:
        await cg.medias.list(filter={"name_eq": "a b"}).to_list()

    request = route.calls.last.request
    assert dict(request.url.params) == {
        "filter[name_eq]": "a b",
        "page[number]": "1",
        "page[size]": "50",
        "api_key": KEY,
    }
    assert "Authorization" not in request.headers
    assert "X-API-KEY" not in request.headers


async def test_unknown_auth_mode_is_refused() -> None:
    with pytest.raises(ConfigurationError, match=r"auth='basic' is not supported; use one of"):
        ContentGroove(KEY, base_url=API, auth="basic")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "other",
    [
        UPLOAD_URL,
        "http://api.contentgroove.test/api/v1/medias",  # same host, other scheme
        "https://api.contentgroove.test:8443/api/v1/medias",  # same host, other port
        "https://evil.api.contentgroove.test/api/v1/medias",
    ],
)
async def test_requests_through_the_shared_pool_to_other_origins_carry_no_key(
    client_per_mode: ContentGroove, other: str
) -> None:
    with respx.mock() as mock:
        route = mock.put(other).respond(200)

        await client_per_mode.http_client.put(other, content=b"video bytes")

    assert route.call_count == 1
    assert not carries_key(route.calls.last.request)


async def test_query_key_is_only_on_api_requests(examples: dict[str, Any]) -> None:
    async with (
        ContentGroove(KEY, base_url=API, auth="query") as cg,
        respx.mock(assert_all_called=False) as mock,
    ):
        api_route = mock.get(f"{API}/api/v1/direct_uploads").respond(
            json=example(examples, "create_direct_upload")
        )
        upload_route = mock.put(UPLOAD_URL).respond(200)

        await cg.uploads.create()
        await cg.http_client.put(UPLOAD_URL, content=b"video bytes")

    assert api_route.calls.last.request.url.params["api_key"] == KEY
    upload = upload_route.calls.last.request
    assert dict(upload.url.params) == {"sig": "1"}
    assert not carries_key(upload)


async def test_redirects_are_never_followed_even_by_a_client_that_follows_them() -> None:
    # httpx drops Authorization on a cross-origin redirect, but not X-API-KEY.
    async with (
        httpx.AsyncClient(follow_redirects=True) as http,
        ContentGroove(KEY, base_url=API, auth="x-api-key", http_client=http) as cg,
        respx.mock(assert_all_called=False) as mock,
    ):
        mock.get(f"{API}/api/v1/medias/{MEDIA_ID}").respond(
            307, headers={"Location": "https://collector.example.test/grab"}
        )
        collector = mock.get("https://collector.example.test/grab").respond(200, json={})

        with pytest.raises(APIStatusError) as caught:
            await cg.medias.get(MEDIA_ID)

    assert not collector.called
    assert caught.value.status_code == 307


# -- where the key never appears -------------------------------------------------------------


async def test_repr_hides_the_key(client_per_mode: ContentGroove) -> None:
    for text in (
        repr(client_per_mode),
        str(client_per_mode),
        repr(client_per_mode.with_options(max_retries=5)),
        repr(client_per_mode._auth),
        repr(client_per_mode.retry_policy),
    ):
        assert KEY not in text
    assert "api_key=<redacted>" in repr(client_per_mode)


async def test_error_messages_never_contain_the_key_even_when_the_server_echoes_it(
    client_per_mode: ContentGroove, api: respx.MockRouter
) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        # Like a proxy's or a mock server's "no route" page: the whole request, verbatim.
        headers = "\n".join(
            f"{name}: {value}"
            for name, value in request.headers.items()
            if name in ("authorization", "x-api-key")
        )
        return httpx.Response(404, text=f"No route for {request.url}\n{headers}")

    api.get(f"/api/v1/medias/{MEDIA_ID}").mock(side_effect=echo)

    with pytest.raises(NotFoundError) as caught:
        await client_per_mode.medias.get(MEDIA_ID)

    message = str(caught.value)
    assert KEY not in message
    assert "<redacted>" in message
    assert message.startswith(f"GET /api/v1/medias/{MEDIA_ID} returned 404: No route for ")


async def test_error_messages_never_contain_the_key_in_json_errors(
    client_per_mode: ContentGroove, api: respx.MockRouter
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(
        401, json={"errors": [{"title": "Unauthorized", "detail": f"key {KEY} was revoked"}]}
    )

    with pytest.raises(AuthenticationError) as caught:
        await client_per_mode.medias.get(MEDIA_ID)

    assert str(caught.value).endswith("returned 401: Unauthorized - key <redacted> was revoked")


async def test_connection_error_messages_never_contain_the_key(
    client_per_mode: ContentGroove, api: respx.MockRouter
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").mock(
        side_effect=httpx.ConnectError(f"cannot reach https://api/?api_key={KEY}")
    )

    with pytest.raises(APIConnectionError) as caught:
        await client_per_mode.medias.get(MEDIA_ID)

    assert KEY not in str(caught.value)
    assert str(caught.value).startswith(f"GET /api/v1/medias/{MEDIA_ID} failed after 2 retries")


async def test_no_log_record_contains_the_key_while_retrying(
    client_per_mode: ContentGroove,
    api: respx.MockRouter,
    examples: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").mock(
        side_effect=[
            httpx.ConnectError("connection refused"),
            httpx.Response(503, text="busy"),
            httpx.Response(200, json=example(examples, "get_media")),
        ]
    )

    with caplog.at_level(logging.DEBUG):
        await client_per_mode.medias.get(MEDIA_ID)

    retries = [r for r in caplog.records if r.name == "contentgroove"]
    assert [r.getMessage() for r in retries] == [
        f"Retrying GET /api/v1/medias/{MEDIA_ID} in 0.50s (retry 1/2) after ConnectError",
        f"Retrying GET /api/v1/medias/{MEDIA_ID} in 1.00s (retry 2/2) after status 503",
    ]
    assert all(r.levelno == logging.DEBUG for r in retries)
    assert any(r.name == "httpx" for r in caplog.records)  # httpx logs every request URL
    for record in caplog.records:
        assert KEY not in record.getMessage()
    assert KEY not in caplog.text


async def test_no_log_record_contains_the_key_when_retries_run_out(
    client_per_mode: ContentGroove, api: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(500, text=f"echo {KEY}")

    with caplog.at_level(logging.DEBUG), pytest.raises(InternalServerError) as caught:
        await client_per_mode.medias.get(MEDIA_ID)

    assert len([r for r in caplog.records if r.name == "contentgroove"]) == 2
    assert KEY not in caplog.text
    assert KEY not in str(caught.value)


# -- configuration ---------------------------------------------------------------------------


async def test_missing_key_is_a_configuration_error_naming_the_env_var(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CONTENTGROOVE_API_KEY", raising=False)

    with pytest.raises(ConfigurationError, match="CONTENTGROOVE_API_KEY") as caught:
        ContentGroove(base_url=API)

    assert isinstance(caught.value, ValueError)
    assert "api_key=" in str(caught.value)


@pytest.mark.parametrize("blank", ["", "   ", "\n"])
async def test_blank_key_is_a_configuration_error(
    monkeypatch: pytest.MonkeyPatch, blank: str
) -> None:
    monkeypatch.setenv("CONTENTGROOVE_API_KEY", blank)

    with pytest.raises(ConfigurationError, match="CONTENTGROOVE_API_KEY"):
        ContentGroove(base_url=API)
    with pytest.raises(ConfigurationError, match="CONTENTGROOVE_API_KEY"):
        ContentGroove(blank, base_url=API)


async def test_key_is_read_from_the_environment_and_stripped(
    monkeypatch: pytest.MonkeyPatch, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    monkeypatch.setenv("CONTENTGROOVE_API_KEY", f"  {KEY}\n")
    route = api.get(f"/api/v1/medias/{MEDIA_ID}").respond(json=example(examples, "get_media"))

    async with ContentGroove(base_url=API) as cg:
        await cg.medias.get(MEDIA_ID)

    assert route.calls.last.request.headers["Authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("bad", ["sk_live\nX-Injected: 1", "sk live", "sk_lïve", "sk\x00"])
async def test_a_malformed_key_is_refused_without_echoing_it(bad: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        ContentGroove(bad, base_url=API)

    assert "api_key contains spaces, control or non-ASCII characters" in str(caught.value)
    assert bad.strip() not in str(caught.value)


async def test_a_non_string_key_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="api_key must be a str, got bytes"):
        ContentGroove(b"sk_test", base_url=API)  # type: ignore[arg-type]
