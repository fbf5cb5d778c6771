"""Direct uploads over real HTTP: presigned single-use URLs, streamed and hashed bodies."""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from contentgroove.sandbox import ManualClock, SandboxConfig, ServedSandbox, serve_sandbox

from ._helpers import body
from ._spec import assert_conforms

pytestmark = pytest.mark.integration


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def served(clock: ManualClock, tmp_path: Path) -> Iterator[ServedSandbox]:
    config = SandboxConfig(
        clock=clock, processing_seconds=5, upload_token_ttl=600, upload_dir=tmp_path
    )
    with serve_sandbox(config) as served:
        yield served


@pytest.fixture
def api(served: ServedSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.base_url, headers=served.headers) as client:
        yield client


def new_upload(api: httpx.Client) -> tuple[str, str]:
    response = api.get("/api/v1/direct_uploads")
    assert response.status_code == 200
    doc = response.json()
    assert_conforms(doc, "DirectUploadDocument")
    assert doc["data"]["type"] == "direct_upload_blobs"
    return doc["data"]["attributes"]["upload_id"], doc["data"]["attributes"]["upload_url"]


def raw_put(
    url: str, head_lines: list[str], payload: bytes = b"", *, half_close: bool = False
) -> int:
    """Send a hand-written PUT (for headers httpx would not send) and return the status."""
    parts = urlsplit(url)
    target = f"{parts.path}?{parts.query}"
    head = "\r\n".join([f"PUT {target} HTTP/1.1", f"Host: {parts.netloc}", *head_lines, "", ""])
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(head.encode() + payload)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return 0
            data += chunk
    return int(data.split(b" ", 2)[1])


def wait_until(condition: object, what: str) -> None:
    deadline = time.monotonic() + 10
    while not callable(condition) or not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def test_upload_then_create_a_media_from_it(
    served: ServedSandbox, api: httpx.Client, clock: ManualClock, tmp_path: Path
) -> None:
    upload_id, upload_url = new_upload(api)
    assert upload_url.startswith(f"{served.base_url}/_sandbox/uploads/")
    payload = os.urandom(3 * 1024 * 1024 + 17)

    # No API key: the signed URL is the credential, as with the storage host behind the API.
    put = httpx.put(upload_url, content=payload, headers={"Content-Type": "audio/wav"})

    assert put.status_code == 200
    assert put.content == b""
    assert put.headers["etag"] == f'"{hashlib.md5(payload).hexdigest()}"'
    record = served.sandbox.uploads[upload_id]
    assert record.completed
    assert record.byte_count == len(payload)
    assert record.sha256 == hashlib.sha256(payload).hexdigest()
    assert record.path is not None and Path(record.path).read_bytes() == payload
    assert not list(tmp_path.glob("*.part"))

    created = api.post("/api/v1/medias", json=body({"upload_id": upload_id, "name": "upload"}))
    assert created.status_code == 200, created.text
    assert created.json()["data"]["attributes"]["source_url"] is None
    clock.advance(5)
    finished = api.get(f"/api/v1/medias/{created.json()['data']['id']}").json()["data"]
    assert finished["attributes"]["is_processing"] is False
    assert finished["attributes"]["has_fetch_error"] is False
    assert finished["attributes"]["source_file_content_type"] == "audio/wav"


def test_an_upload_url_works_once(api: httpx.Client) -> None:
    _, upload_url = new_upload(api)
    assert httpx.put(upload_url, content=b"first").status_code == 200

    again = httpx.put(upload_url, content=b"second")

    assert again.status_code == 403
    assert_conforms(again.json(), "ErrorResponse")
    assert "already used" in again.json()["errors"][0]["detail"]


def test_an_expired_upload_url_is_refused(
    served: ServedSandbox, api: httpx.Client, clock: ManualClock
) -> None:
    upload_id, upload_url = new_upload(api)
    clock.advance(601)

    response = httpx.put(upload_url, content=b"late")

    assert response.status_code == 403
    assert "expired" in response.json()["errors"][0]["detail"]
    assert not served.sandbox.uploads[upload_id].completed


@pytest.mark.parametrize(
    "tamper",
    [
        lambda url: url.replace("signature=", "signature=0"),
        lambda url: url[:-1] + ("0" if url[-1] != "0" else "1"),
        lambda url: url.replace("expires=", "expires=9"),
        lambda url: url.replace("/uploads/", "/uploads/x"),
        lambda url: url.split("?")[0],
    ],
    ids=["signature-prefix", "signature-digit", "expires", "key", "no-query"],
)
def test_a_tampered_upload_url_is_refused(api: httpx.Client, tamper: object) -> None:
    _, upload_url = new_upload(api)
    assert callable(tamper)

    response = httpx.put(tamper(upload_url), content=b"data")

    assert response.status_code == 403
    assert httpx.put(upload_url, content=b"data").status_code == 200


def test_chunked_uploads_need_a_content_length(api: httpx.Client) -> None:
    _, upload_url = new_upload(api)

    def chunks() -> Iterator[bytes]:
        yield b"abc"
        yield b"def"

    response = httpx.put(upload_url, content=chunks())

    assert response.request.headers["transfer-encoding"] == "chunked"
    assert response.status_code == 411
    assert "Content-Length" in response.json()["errors"][0]["detail"]


def test_a_put_without_content_length_is_refused(api: httpx.Client) -> None:
    _, upload_url = new_upload(api)

    assert raw_put(upload_url, ["Connection: close"]) == 411


def test_a_declared_size_over_the_limit_is_refused_before_the_body(api: httpx.Client) -> None:
    _, upload_url = new_upload(api)
    six_gib = 6 * 1024**3

    status = raw_put(upload_url, [f"Content-Length: {six_gib}"], b"only a few bytes")

    assert status == 413


def test_max_upload_bytes_is_configurable(clock: ManualClock) -> None:
    with serve_sandbox(SandboxConfig(clock=clock, max_upload_bytes=10)) as served:
        with httpx.Client(base_url=served.base_url, headers=served.headers) as api:
            upload_id, upload_url = new_upload(api)
            too_big = httpx.put(upload_url, content=b"x" * 11)
            just_right = httpx.put(upload_url, content=b"x" * 10)

    assert too_big.status_code == 413
    assert just_right.status_code == 200
    assert served.sandbox.uploads[upload_id].byte_count == 10


def test_a_body_shorter_than_its_content_length_does_not_complete_the_upload(
    served: ServedSandbox, api: httpx.Client, tmp_path: Path
) -> None:
    upload_id, upload_url = new_upload(api)

    raw_put(upload_url, ["Content-Length: 100"], b"x" * 10, half_close=True)

    record = served.sandbox.uploads[upload_id]
    wait_until(lambda: record.attempts == 1 and record.status == "pending", "the broken PUT")
    assert not record.completed and record.sha256 is None
    assert not list(tmp_path.iterdir())
    refused = api.post("/api/v1/medias", json=body({"upload_id": upload_id}))
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["source"] == {"pointer": "/data/attributes/upload_id"}
    # The URL was not used up: the file can be sent again.
    assert httpx.put(upload_url, content=b"y" * 100).status_code == 200


def test_a_second_put_while_one_is_receiving_answers_409(
    served: ServedSandbox, api: httpx.Client
) -> None:
    upload_id, upload_url = new_upload(api)
    parts = urlsplit(upload_url)
    record = served.sandbox.uploads[upload_id]
    head = (
        f"PUT {parts.path}?{parts.query} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        "Content-Length: 8\r\n\r\n"
    )
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as first:
        first.sendall(head.encode() + b"half")
        wait_until(lambda: record.status == "receiving", "the first PUT to start")

        second = httpx.put(upload_url, content=b"whole!!!")

        first.sendall(b"done")
        assert first.recv(100).startswith(b"HTTP/1.1 200")
    assert second.status_code == 409
    assert record.completed and record.byte_count == 8


def test_content_md5_is_checked_when_sent(api: httpx.Client) -> None:
    _, upload_url = new_upload(api)
    payload = b"checked"
    wrong = base64.b64encode(hashlib.md5(b"other").digest()).decode()
    right = base64.b64encode(hashlib.md5(payload).digest()).decode()

    assert httpx.put(upload_url, content=payload, headers={"Content-MD5": wrong}).status_code == 400
    assert httpx.put(upload_url, content=payload, headers={"Content-MD5": right}).status_code == 200


def test_an_empty_upload_finishes_with_a_fetch_error(api: httpx.Client, clock: ManualClock) -> None:
    upload_id, upload_url = new_upload(api)
    assert httpx.put(upload_url, content=b"").status_code == 200
    media = api.post("/api/v1/medias", json=body({"upload_id": upload_id})).json()["data"]

    clock.advance(5)

    attributes = api.get(f"/api/v1/medias/{media['id']}").json()["data"]["attributes"]
    assert attributes["has_fetch_error"] is True


def test_upload_urls_use_the_public_base_url(clock: ManualClock) -> None:
    config = SandboxConfig(clock=clock, public_base_url="https://sandbox.example.test/")
    with serve_sandbox(config) as served:
        with httpx.Client(base_url=served.base_url, headers=served.headers) as api:
            _, upload_url = new_upload(api)
            medias = api.get("/api/v1/medias").json()

    assert upload_url.startswith("https://sandbox.example.test/_sandbox/uploads/")
    assert medias["links"]["self"] == "https://sandbox.example.test/api/v1/medias"
