"""Direct uploads: presigned, expiring, single-use PUT URLs served by the sandbox itself.

Like the storage host behind the real API, the upload endpoint needs no API key: the URL's
HMAC signature is the credential. The body is streamed into a SHA-256 (and MD5, returned as
the ``ETag``) and optionally a file; it is never held in memory whole.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import anyio
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response

from ._errors import error_body
from ._records import UploadRecord

if TYPE_CHECKING:
    from ._store import Store

__all__ = ["UPLOAD_PATH", "make_upload_id", "receive_upload", "sign_upload", "upload_url"]

UPLOAD_PATH = "/_sandbox/uploads/"


def sign_upload(secret: bytes, key: str, expires: int) -> str:
    """HMAC-SHA256 signature of an upload URL."""
    message = f"PUT\n{key}\n{expires}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def upload_url(base_url: str, secret: bytes, key: str, expires: int) -> str:
    """The presigned URL to PUT the file of upload ``key`` to."""
    signature = sign_upload(secret, key, expires)
    return f"{base_url}{UPLOAD_PATH}{quote(key)}?expires={expires}&signature={signature}"


def make_upload_id(secret: bytes, key: str) -> str:
    """An opaque, signed ``upload_id`` (shaped like the API's Rails signed blob ids)."""
    message = base64.b64encode(json.dumps({"key": key, "pur": "blob_id"}).encode()).decode()
    digest = hmac.new(secret, message.encode(), hashlib.sha1).hexdigest()
    return f"{message}--{digest}"


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse(error_body(status, detail), status_code=status)


def _check_token(
    store: Store, secret: bytes, request: Request, key: str
) -> UploadRecord | Response:
    record = store.uploads.get(key)
    expires_raw = request.query_params.get("expires", "")
    signature = request.query_params.get("signature", "")
    if record is None or not expires_raw.isdigit():
        return _error(403, "This upload URL is not valid: request a new one from the API.")
    expected = sign_upload(secret, key, int(expires_raw))
    if not hmac.compare_digest(expected, signature):
        return _error(403, "The signature of this upload URL does not match: use it unchanged.")
    if store.clock.now() > int(expires_raw):
        return _error(403, "This upload URL has expired: request a new one from the API.")
    if record.status == "completed":
        return _error(403, "This upload URL was already used: request a new one for another file.")
    if record.status == "receiving":
        return _error(409, "Another upload to this URL is in progress.")
    return record


def _declared_length(request: Request, max_bytes: int) -> int | Response:
    if "transfer-encoding" in request.headers:
        return _error(
            411,
            "Chunked uploads are not accepted: send the file with a Content-Length header.",
        )
    raw = request.headers.get("content-length")
    if raw is None:
        return _error(411, "The upload needs a Content-Length header.")
    if not raw.strip().isdigit():
        return _error(400, f"Content-Length must be a number of bytes, got {raw!r}.")
    length = int(raw)
    if length > max_bytes:
        return _error(
            413, f"The file is {length} bytes; direct uploads are limited to {max_bytes} bytes."
        )
    return length


def _expected_md5(request: Request) -> bytes | Response | None:
    raw = request.headers.get("content-md5")
    if raw is None:
        return None
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        return _error(400, "Content-MD5 must be the base64 MD5 digest of the body.")


async def receive_upload(
    store: Store, secret: bytes, upload_dir: Path | None, request: Request, key: str
) -> Response:
    """Handle ``PUT /_sandbox/uploads/<key>``: verify the URL, stream and hash the body."""
    with store.lock:
        checked = _check_token(store, secret, request, key)
        if isinstance(checked, Response):
            return checked
        length = _declared_length(request, store.config.max_upload_bytes)
        if isinstance(length, Response):
            return length
        expected_md5 = _expected_md5(request)
        if isinstance(expected_md5, Response):
            return expected_md5
        record = checked
        record.status = "receiving"
        record.attempts += 1

    try:
        return await _stream_body(store, upload_dir, request, key, record, length, expected_md5)
    finally:
        with store.lock:
            if record.status == "receiving":  # failed, disconnected or cancelled
                record.status = "pending"


async def _stream_body(
    store: Store,
    upload_dir: Path | None,
    request: Request,
    key: str,
    record: UploadRecord,
    length: int,
    expected_md5: bytes | None,
) -> Response:
    sha256, md5, received = hashlib.sha256(), hashlib.md5(usedforsecurity=False), 0
    part = final = None
    if upload_dir is not None:
        await anyio.Path(upload_dir).mkdir(parents=True, exist_ok=True)
        final = upload_dir / key
        part = upload_dir / f"{key}.part"
    failure: Response | None = None
    try:
        out = await anyio.open_file(part, "wb") if part is not None else None
        try:
            async for chunk in request.stream():
                received += len(chunk)
                if received > length:
                    failure = _error(400, f"The body is longer than its Content-Length ({length}).")
                    break
                sha256.update(chunk)
                md5.update(chunk)
                if out is not None and chunk:
                    await out.write(chunk)
        finally:
            if out is not None:
                await out.aclose()
    except ClientDisconnect:
        failure = _error(400, "The client disconnected before the whole body arrived.")
    if failure is None and received < length:
        failure = _error(
            400, f"The body ended after {received} of {length} bytes: the upload is incomplete."
        )
    if failure is None and expected_md5 is not None and expected_md5 != md5.digest():
        failure = _error(400, "The body does not match its Content-MD5: it was corrupted.")

    if failure is not None:
        if part is not None:
            await anyio.Path(part).unlink(missing_ok=True)
        return failure

    if part is not None and final is not None:
        await anyio.Path(part).rename(final)
    with store.lock:
        record.status = "completed"
        record.byte_count = received
        record.declared_length = length
        record.sha256 = sha256.hexdigest()
        record.md5 = md5.hexdigest()
        record.content_type = request.headers.get("content-type")
        record.path = str(final) if final is not None else None
        record.completed_at = store.clock.now()
    return Response(status_code=200, headers={"ETag": f'"{record.md5}"'})
