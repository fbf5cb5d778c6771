"""The PUT to storage carries no credential, and its presigned query string is sent unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from contentgroove import ContentGroove

from ._fake import SIGNED_QUERY, FakeContentGroove, running_fake
from .conftest import KEY, MakeFile

pytestmark = pytest.mark.anyio

MODES = ["bearer", "x-api-key", "query"]
SDK_AUTH_HEADERS = {"authorization", "x-api-key", "proxy-authorization", "cookie"}


def assert_key_absent(fake: FakeContentGroove) -> None:
    assert fake.storage_requests
    for put in fake.storage_requests:
        assert not SDK_AUTH_HEADERS & put.headers.keys()
        assert KEY not in put.target
        assert "api_key" not in put.target
        assert all(KEY not in value for value in put.headers.values())


def assert_key_used_for_api(fake: FakeContentGroove, mode: str) -> None:
    for call in fake.api_requests:
        if mode == "bearer":
            assert call.headers["authorization"] == f"Bearer {KEY}"
        elif mode == "x-api-key":
            assert call.headers["x-api-key"] == KEY
        else:
            assert f"api_key={KEY}" in call.target


@pytest.fixture(params=["other-port", "other-host-name", "api-origin"])
def fake_storage_placement(request: pytest.FixtureRequest) -> Iterator[FakeContentGroove]:
    """Storage on another port, under another host name, or (worst case) the API's own origin."""
    host = "localhost" if request.param == "other-host-name" else "127.0.0.1"
    with running_fake(storage_host=host) as server:
        if request.param == "api-origin":
            server.storage_origin = server.api_url
        yield server


@pytest.mark.parametrize("mode", MODES)
async def test_no_auth_mode_sends_the_key_to_storage(
    fake_storage_placement: FakeContentGroove, make_file: MakeFile, mode: str, anyio_backend: str
) -> None:
    fake = fake_storage_placement
    async with ContentGroove(KEY, base_url=fake.api_url, auth=mode) as cg:  # type: ignore[arg-type]
        await cg.uploads.upload_file(make_file(1000))

    assert_key_absent(fake)
    assert_key_used_for_api(fake, mode)
    assert len(fake.media_creates) == 1


async def test_credentials_configured_on_a_supplied_http_client_stay_off_storage(
    fake: FakeContentGroove, make_file: MakeFile, anyio_backend: str
) -> None:
    http = httpx.AsyncClient(
        auth=("proxy-user", "proxy-password"),
        headers={"Authorization": "Bearer other-service-token", "X-Trace": "1"},
        cookies={"session": "abc"},
        params={"api_key": "from-client-params"},
    )
    async with http, ContentGroove(KEY, base_url=fake.api_url, http_client=http) as cg:
        await cg.uploads.upload_file(make_file(1000))

    [put] = fake.storage_requests
    assert not SDK_AUTH_HEADERS & put.headers.keys()
    assert "x-trace" not in put.headers
    assert put.query == SIGNED_QUERY


async def test_the_signed_query_string_reaches_storage_byte_for_byte(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    assert "%2F" in SIGNED_QUERY and "%3D" in SIGNED_QUERY and "=70b2" in SIGNED_QUERY

    await cg.uploads.upload_file(make_file(1000))

    [put] = fake.storage_requests
    assert put.query == SIGNED_QUERY
    assert put.path == fake.upload_path(1)


async def test_storage_gets_only_the_headers_a_presigned_put_needs(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    await cg.uploads.upload_file(make_file(1000))

    [put] = fake.storage_requests
    assert set(put.headers) == {"host", "content-length", "content-type", "user-agent"}
    assert put.headers["user-agent"].startswith("contentgroove-python/")
