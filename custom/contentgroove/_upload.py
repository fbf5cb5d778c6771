"""The upload engine: stream a prepared source to a presigned URL, then create the media.

The body is read in chunks (from disk in a worker thread, one chunk ahead of the socket) and
sent with an explicit ``Content-Length``: storage hosts that take presigned PUTs reject chunked
bodies, and the file is never held in memory as a whole. The PUT goes to another host than the
API, so it carries no API key and no SDK header, only ``Content-Length``, ``Content-Type`` and
``User-Agent``, and the presigned query string is sent byte for byte.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeAlias

import anyio
import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from ._exceptions import StorageError, UploadSourceError
from ._retry import RetryPolicy
from ._upload_sources import (
    AUDIO_TYPES,
    MAX_UPLOAD_SIZE,
    MEDIA_TYPES,
    VIDEO_TYPES,
    PreparedSource,
    Reader,
    UploadSource,
    prepare_source,
)

if TYPE_CHECKING:
    from ._client import ContentGroove
    from ._models import DirectUpload, Media

__all__ = [
    "AUDIO_TYPES",
    "DEFAULT_CHUNK_SIZE",
    "MAX_UPLOAD_SIZE",
    "MEDIA_TYPES",
    "UPLOAD_TIMEOUT",
    "VIDEO_TYPES",
    "PreparedSource",
    "ProgressCallback",
    "ProgressMark",
    "ProgressTotal",
    "UploadSource",
    "check_chunk_size",
    "prepare_source",
    "put_to_storage",
    "upload_prepared",
]

log = logging.getLogger("contentgroove")

#: Bytes read from the source and handed to the socket at a time. 4 MiB measured fastest on
#: loopback (``bench/bench_upload.py``): larger chunks overflow the socket's send buffer, which
#: asyncio then copies, smaller ones cost more worker-thread round trips. An upload holds
#: about four chunks in memory.
DEFAULT_CHUNK_SIZE = 4 * 1024**2
#: Timeouts of the storage PUT: no limit on the whole transfer, a stall guard on each chunk
#: written (generous, so a slow uplink still moves a full chunk) and on the storage's answer.
UPLOAD_TIMEOUT = httpx.Timeout(connect=10.0, read=120.0, write=300.0, pool=60.0)

ProgressCallback: TypeAlias = Callable[[int, int], Awaitable[None] | None]
"""``progress(bytes_sent, total)``, plain or async; called as chunks go out."""

# Statuses after which storage may accept the same body when sent again (and any 5xx).
_RETRYABLE_STORAGE_STATUSES = frozenset({408, 429})
_MAX_CHUNK_SIZE = 256 * 1024**2
_ANSWER_SNIPPET = 200


def check_chunk_size(chunk_size: object) -> int:
    """Return ``chunk_size`` when it is a usable number of bytes per read, else raise."""
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int):
        raise TypeError(
            f"chunk_size must be an int number of bytes, got {type(chunk_size).__name__}"
        )
    if not 1 <= chunk_size <= _MAX_CHUNK_SIZE:
        raise ValueError(
            f"chunk_size must be between 1 and {_MAX_CHUNK_SIZE} bytes, got {chunk_size}; "
            f"the default is {DEFAULT_CHUNK_SIZE} ({DEFAULT_CHUNK_SIZE // 1024**2} MiB)"
        )
    return chunk_size


# -- progress --------------------------------------------------------------------------------


async def _call_progress(callback: ProgressCallback, sent: int, total: int) -> None:
    result = callback(sent, total)
    if inspect.isawaitable(result):
        await result


class ProgressTotal:
    """The sum of bytes sent by one or more uploads, reported to a user callback."""

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self._callback = callback
        self.total = total
        self.sent = 0

    async def advance(self, delta: int) -> None:
        """Add ``delta`` newly sent bytes and report the new sum."""
        self.sent += delta
        if self._callback is not None:
            await _call_progress(self._callback, self.sent, self.total)


class ProgressMark:
    """The high-water mark of one upload: a re-send from byte 0 never moves progress back."""

    def __init__(self, total: ProgressTotal) -> None:
        self._total = total
        self._high = 0

    async def update(self, sent: int) -> None:
        """Report ``sent`` bytes of the current attempt if that is more than ever before."""
        if sent > self._high:
            delta = sent - self._high
            self._high = sent
            await self._total.advance(delta)


# -- the PUT ---------------------------------------------------------------------------------

_Chunk: TypeAlias = "bytes | UploadSourceError"


def _mismatch(source: PreparedSource, which: str, read: int) -> UploadSourceError:
    return UploadSourceError(
        f"{source.label} yielded {which} bytes than its declared size of {source.size:,} "
        f"(after {read:,} bytes); the upload was aborted and nothing was created. "
        "Check size= or keep the file from changing during the upload."
    )


async def _read_ahead(
    reader: Reader, source: PreparedSource, chunk_size: int, out: MemoryObjectSendStream[_Chunk]
) -> None:
    """Read exactly ``source.size`` bytes into ``out``, one chunk ahead of the socket.

    A source that ends early or runs long sends an error instead of its next chunk; the
    overrun is detected before the last chunk goes out, so storage never gets a full body.
    """
    async with out:
        read = 0
        try:
            while read < source.size:
                chunk = await reader.read(min(chunk_size, source.size - read))
                if not chunk:
                    raise _mismatch(source, "fewer", read)
                if read + len(chunk) > source.size:
                    raise _mismatch(source, "more", read)
                read += len(chunk)
                if read == source.size and await reader.read(1):
                    raise _mismatch(source, "more", read)
                await out.send(chunk)
        except UploadSourceError as exc:
            await out.send(exc)


class _Body(httpx.AsyncByteStream):
    """The request body: the chunks read ahead, then the end or the source's error.

    Given to httpx as the request's stream, not as ``content=``: httpx then neither switches
    to chunked encoding nor wraps it in an async generator that an aborted upload would leave
    unfinished. It is a plain async iterator, so there is nothing to finalize either. Progress
    for a chunk is reported when the next one is asked for, i.e. once it was written.
    """

    def __init__(self, chunks: MemoryObjectReceiveStream[_Chunk], mark: ProgressMark) -> None:
        self._chunks = chunks
        self._mark = mark
        self._sent = 0

    def __aiter__(self) -> _Body:
        return self

    async def __anext__(self) -> bytes:
        if self._sent:
            await self._mark.update(self._sent)
        try:
            item = await self._chunks.receive()
        except (anyio.EndOfStream, anyio.ClosedResourceError):
            raise StopAsyncIteration from None
        if isinstance(item, UploadSourceError):
            raise item
        self._sent += len(item)
        return item

    async def aclose(self) -> None:
        """Stop taking chunks."""
        self._chunks.close()


def storage_url(upload_url: str) -> httpx.URL:
    """The presigned URL as an :class:`httpx.URL` whose query string is kept byte for byte."""
    try:
        url = httpx.URL(upload_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise StorageError(
            f"the API returned an upload_url that is not a URL: {exc}", status_code=None, retries=0
        ) from None
    if url.scheme not in ("http", "https") or not url.host:
        raise StorageError(
            "the API returned an upload_url that is not an absolute http(s) URL",
            status_code=None,
            retries=0,
        )
    return url


def _where(url: httpx.URL) -> str:
    # Never the query string: it holds the signature.
    return f"PUT {url.scheme}://{url.netloc.decode('ascii', 'replace')}{url.path}"


async def _read_answer(response: httpx.Response) -> str:
    """The start of storage's answer, for error messages; a broken body is ignored.

    Read raw (not decoded): storage's verdict is its status, whatever the body's encoding.
    """
    head = b""
    try:
        async for part in response.aiter_raw():
            if len(head) < _ANSWER_SNIPPET:
                head += part[: _ANSWER_SNIPPET - len(head)]
    except httpx.HTTPError:
        pass
    finally:
        await response.aclose()
    text = head.decode("utf-8", "replace").strip()
    return text or response.reason_phrase or "no details"


async def _put_once(
    http: httpx.AsyncClient,
    url: httpx.URL,
    source: PreparedSource,
    *,
    chunk_size: int,
    mark: ProgressMark,
    timeouts: httpx.Timeout,
    user_agent: str,
) -> tuple[httpx.Response, str]:
    """One attempt: the response (body already read and closed) and the start of its text."""
    failure: Exception | None = None
    async with source.open() as reader:
        send_chunks, receive_chunks = anyio.create_memory_object_stream[_Chunk]()
        request = httpx.Request(
            "PUT",
            url,
            headers={
                "Host": url.netloc.decode("ascii"),
                "Content-Length": str(source.size),
                "Content-Type": source.content_type,
                "User-Agent": user_agent,
            },
            stream=_Body(receive_chunks, mark),
            extensions={"timeout": timeouts.as_dict()},
        )
        with send_chunks, receive_chunks:
            async with anyio.create_task_group() as tg:
                tg.start_soon(_read_ahead, reader, source, chunk_size, send_chunks)
                try:
                    # auth=None: not even an auth set on a user-supplied client reaches storage.
                    response = await http.send(
                        request, auth=None, follow_redirects=False, stream=True
                    )
                    answer = await _read_answer(response)
                except Exception as exc:  # re-raised below, not inside an exception group
                    failure = exc
                tg.cancel_scope.cancel()  # stop reading ahead
    if failure is not None:
        raise failure
    return response, answer


async def put_to_storage(
    http: httpx.AsyncClient,
    upload_url: str,
    source: PreparedSource,
    *,
    policy: RetryPolicy,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: ProgressMark | None = None,
    timeouts: httpx.Timeout = UPLOAD_TIMEOUT,
    user_agent: str = "contentgroove-python",
) -> None:
    """PUT ``source`` to the presigned ``upload_url``; return once storage answered 2xx.

    Connection failures, timeouts, 408/429 and 5xx answers re-send the whole body from byte 0
    when the source can be re-read, up to ``policy.max_retries`` times with its backoff.
    Raises :class:`StorageError` (``status_code`` 403 when the URL was refused, typically
    because it expired) or :class:`UploadSourceError` when the source misbehaves.
    """
    url = storage_url(upload_url)
    mark = progress or ProgressMark(ProgressTotal(None, source.size))
    where = _where(url)
    retries = 0
    while True:
        response: httpx.Response | None = None
        try:
            response, answer = await _put_once(
                http,
                url,
                source,
                chunk_size=chunk_size,
                mark=mark,
                timeouts=timeouts,
                user_agent=user_agent,
            )
        except httpx.TimeoutException as exc:
            problem = f"timed out ({type(exc).__name__})"
        except httpx.TransportError as exc:
            problem = f"failed: {type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            if url.query:  # no exception text seen carries the URL; be sure the signature won't
                problem = problem.replace(url.query.decode("ascii"), "<signature>")
        else:
            if response.is_success:
                log.debug("Stored %s (%d bytes) at %s", source.label, source.size, where)
                return
            problem = f"returned {response.status_code}: {answer}"
            status = response.status_code
            if status < 500 and status not in _RETRYABLE_STORAGE_STATUSES:
                hint = (
                    " (the presigned URL was refused, e.g. because it expired)"
                    if status == 403
                    else ""
                )
                raise StorageError(
                    f"{where} {problem}{hint}; nothing was created", status_code=status,
                    retries=retries,
                )  # fmt: skip
        status_code = response.status_code if response is not None else None
        if not source.rewindable:
            raise StorageError(
                f"{where} {problem}. The upload was not retried: {source.label} is a one-shot "
                "stream that cannot be sent again; pass a file path or a seekable file object "
                "to let the SDK re-send it. Nothing was created.",
                status_code=status_code,
                retries=retries,
            )
        if retries >= policy.max_retries:
            after = f" after {retries} retr{'y' if retries == 1 else 'ies'}" if retries else ""
            raise StorageError(
                f"{where} {problem}{after}; nothing was created",
                status_code=status_code,
                retries=retries,
            )
        delay = policy.delay(retries, response)
        retries += 1
        log.info(
            "Re-sending %s from byte 0 in %.2fs (retry %d/%d): %s",
            source.label, delay, retries, policy.max_retries, problem,
        )  # fmt: skip
        await policy.sleep(delay)


# -- the three steps -------------------------------------------------------------------------


async def upload_prepared(
    client: ContentGroove,
    source: PreparedSource,
    *,
    name: str | None,
    description: str | None,
    chunk_size: int,
    progress: ProgressMark,
    timeouts: httpx.Timeout,
) -> Media:
    """Reserve a direct upload, PUT the source there, and create the media from it.

    A URL refused with 403 (expired) is replaced by a fresh direct upload once. The media is
    created exactly once, and only after storage accepted the whole file.
    """
    user_agent = client._headers.get("User-Agent", "contentgroove-python")
    direct: DirectUpload = await client.uploads.create()

    async def put(upload: DirectUpload) -> None:
        await put_to_storage(
            client.http_client,
            upload.upload_url,
            source,
            policy=client.retry_policy,
            chunk_size=chunk_size,
            progress=progress,
            timeouts=timeouts,
            user_agent=user_agent,
        )

    try:
        await put(direct)
    except StorageError as exc:
        if exc.status_code != 403:
            raise
        if not source.rewindable:
            raise StorageError(
                f"{exc} It was not retried with a fresh upload URL: {source.label} is a "
                "one-shot stream that cannot be sent again; pass a file path or a seekable "
                "file object to let the SDK re-send it.",
                status_code=403,
                retries=0,
            ) from None
        log.info("Storage refused the upload URL (403); asking for a fresh one")
        direct = await client.uploads.create()
        await put(direct)
    try:
        return await client.medias.create(
            upload_id=direct.upload_id, name=name, description=description
        )
    except Exception as exc:
        exc.add_note(
            f"{source.label} was uploaded; create the media without re-sending it with "
            f"cg.medias.create(upload_id={direct.upload_id!r})"
        )
        raise
