"""Streaming uploads: check a source, PUT it to a presigned storage URL, create the media.

The body is read in chunks (from disk in a worker thread) and sent with an explicit
``Content-Length``: storage hosts that take presigned PUTs reject chunked bodies, and the file
is never held in memory as a whole. The PUT goes to another host than the API, so it carries
no API key and no SDK header, only ``Content-Length``, ``Content-Type`` and ``User-Agent``.
"""

from __future__ import annotations

import inspect
import io
import logging
import os
import stat
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, BinaryIO, Protocol, TypeAlias

import anyio
import anyio.to_thread
import attrs
import httpx

from ._exceptions import (
    FileTooLargeError,
    StorageError,
    UnsupportedMediaTypeError,
    UploadSourceError,
)
from ._retry import RetryPolicy

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
    "ProgressCallback",
    "UploadSource",
    "prepare_source",
    "put_to_storage",
    "upload_prepared",
]

log = logging.getLogger("contentgroove")

#: The largest file one direct upload accepts: 5 GB (5 x 1024**3 bytes).
MAX_UPLOAD_SIZE = 5 * 1024**3
#: Bytes read from the source and handed to the socket at a time.
DEFAULT_CHUNK_SIZE = 8 * 1024**2
#: Timeouts of the storage PUT: no limit on the whole transfer, a stall guard on each chunk
#: written (generous, so a slow uplink still moves a full chunk) and on the storage's answer.
UPLOAD_TIMEOUT = httpx.Timeout(connect=10.0, read=120.0, write=300.0, pool=60.0)

#: Video file extensions accepted without ``content_type=`` (mp4 is recommended).
VIDEO_TYPES: Mapping[str, str] = MappingProxyType(
    {
        ".mp4": "video/mp4",
        ".m4v": "video/x-m4v",
        ".mov": "video/quicktime",
        ".mkv": "video/x-matroska",
        ".webm": "video/webm",
        ".avi": "video/x-msvideo",
        ".wmv": "video/x-ms-wmv",
        ".flv": "video/x-flv",
        ".mpeg": "video/mpeg",
        ".mpg": "video/mpeg",
        ".3gp": "video/3gpp",
        ".ogv": "video/ogg",
        ".ts": "video/mp2t",
    }
)
#: Audio file extensions accepted without ``content_type=`` (aac is recommended).
AUDIO_TYPES: Mapping[str, str] = MappingProxyType(
    {
        ".aac": "audio/aac",
        ".mp3": "audio/mpeg",
        ".flac": "audio/flac",
        ".ogg": "audio/ogg",
        ".oga": "audio/ogg",
        ".wav": "audio/wav",
        ".wma": "audio/x-ms-wma",
        ".m4a": "audio/mp4",
    }
)
#: Every extension accepted without ``content_type=``, with the media type sent to storage.
MEDIA_TYPES: Mapping[str, str] = MappingProxyType({**VIDEO_TYPES, **AUDIO_TYPES})

UploadSource: TypeAlias = "str | os.PathLike[str] | BinaryIO | AsyncIterable[bytes]"
"""What can be uploaded: a path, a binary file object, or an async iterable of bytes."""

ProgressCallback: TypeAlias = Callable[[int, int], Awaitable[None] | None]
"""``progress(bytes_sent, total)``, plain or async; called as chunks go out."""

# Statuses after which storage may accept the same body when sent again.
_RETRYABLE_STORAGE_STATUSES = frozenset({408, 429})
_MAX_CHUNK_SIZE = 256 * 1024**2
_ALLOWED_LIST = (
    "video: " + ", ".join(VIDEO_TYPES) + " (mp4 recommended); audio: " + ", ".join(AUDIO_TYPES)
)


# -- sources ---------------------------------------------------------------------------------


class _Reader(Protocol):
    async def read(self, size: int) -> bytes:
        """Up to ``size`` bytes (an iterable may hand out more), ``b""`` at the end."""
        ...


@attrs.frozen(kw_only=True)
class PreparedSource:
    """A checked upload source: its size and media type are known, it can be opened."""

    label: str
    """How messages name the source: its path, or a description of the object."""
    size: int
    filename: str | None
    """The base name used as the media's default name, if any."""
    content_type: str
    rewindable: bool
    """Whether :meth:`open` can start from byte 0 again (paths, seekable file objects)."""
    _open: Callable[[], AbstractAsyncContextManager[_Reader]]

    def open(self) -> AbstractAsyncContextManager[_Reader]:
        """Open the source at its first byte."""
        return self._open()


def _too_large(label: str, size: int) -> FileTooLargeError:
    return FileTooLargeError(
        f"{label} is {size:,} bytes; one upload may be at most {MAX_UPLOAD_SIZE:,} bytes (5 GB). "
        "Split or re-encode the file.",
        size=size,
        limit=MAX_UPLOAD_SIZE,
    )


def _check_size(label: str, size: int) -> int:
    if size == 0:
        raise UploadSourceError(f"{label} is empty (0 bytes); there is nothing to upload")
    if size > MAX_UPLOAD_SIZE:
        raise _too_large(label, size)
    return size


def _check_declared_size(size: object) -> int | None:
    if size is None:
        return None
    if isinstance(size, bool) or not isinstance(size, int):
        raise TypeError(f"size must be an int number of bytes, got {type(size).__name__}")
    if size < 0:
        raise UploadSourceError(f"size must be >= 0 bytes, got {size}")
    return size


def check_chunk_size(chunk_size: object) -> int:
    """Return ``chunk_size`` when it is a usable number of bytes per read, else raise."""
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int):
        raise TypeError(f"chunk_size must be an int number of bytes, got {type(chunk_size)}")
    if not 1 <= chunk_size <= _MAX_CHUNK_SIZE:
        raise ValueError(
            f"chunk_size must be between 1 and {_MAX_CHUNK_SIZE} bytes, got {chunk_size}; "
            f"the default is {DEFAULT_CHUNK_SIZE} (8 MiB)"
        )
    return chunk_size


def resolve_content_type(label: str, filename: str | None, content_type: str | None) -> str:
    """The media type to send: ``content_type`` if given, else guessed from the file name."""
    if content_type is not None:
        if not isinstance(content_type, str):
            raise TypeError(f"content_type must be a str, got {type(content_type).__name__}")
        kind, slash, sub = content_type.partition("/")
        if not slash or not kind.strip() or not sub.strip() or not content_type.isprintable():
            raise UploadSourceError(
                f"content_type {content_type!r} is not a media type such as 'video/mp4'"
            )
        return content_type
    allowed = tuple(MEDIA_TYPES)
    if not filename:
        raise UnsupportedMediaTypeError(
            f"cannot tell the media type of {label}: pass filename='talk.mp4' or "
            f"content_type='video/mp4' (allowed file types: {_ALLOWED_LIST})",
            allowed=allowed,
        )
    ext = os.path.splitext(filename)[1].lower()
    media_type = MEDIA_TYPES.get(ext)
    if media_type is None:
        found = f"extension {ext!r}" if ext else "no extension"
        raise UnsupportedMediaTypeError(
            f"{label} has {found}, which is not a supported media type. Allowed: "
            f"{_ALLOWED_LIST}. Pass content_type='video/...' to upload it anyway.",
            allowed=allowed,
        )
    return media_type


async def _prepare_path(
    path: str, *, size: int | None, filename: str | None, content_type: str | None
) -> PreparedSource:
    label = repr(path)
    if size is not None:
        raise UploadSourceError(
            f"size= is for file objects and async iterables; the size of {label} is read "
            "from the file system"
        )
    try:
        st = await anyio.Path(path).stat()
    except FileNotFoundError:
        raise UploadSourceError(f"{label} does not exist") from None
    except OSError as exc:
        raise UploadSourceError(f"{label} cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise UploadSourceError(f"{label} is a directory; pass the path of a media file")
    if not stat.S_ISREG(st.st_mode):
        raise UploadSourceError(
            f"{label} is not a regular file, so its size is unknown; pass an open file "
            "object or an async iterable with size="
        )
    _check_size(label, st.st_size)
    name = filename or os.path.basename(path)
    media_type = resolve_content_type(label, name, content_type)
    try:
        probe = await anyio.open_file(path, "rb", buffering=0)
    except OSError as exc:
        raise UploadSourceError(f"{label} cannot be read: {exc.strerror or exc}") from None
    probe.wrapped.close()
    expected = st.st_size

    @asynccontextmanager
    async def open_path() -> AsyncIterator[_Reader]:
        try:
            file = await anyio.open_file(path, "rb", buffering=0)
        except OSError as exc:
            raise UploadSourceError(f"{label} cannot be read: {exc.strerror or exc}") from None
        try:
            yield _FileReader(file.read, label)
        finally:
            file.wrapped.close()  # a local file closes at once; no await under cancellation

    return PreparedSource(
        label=label,
        size=expected,
        filename=name,
        content_type=media_type,
        rewindable=True,
        open=open_path,
    )


class _FileReader:
    def __init__(self, read: Callable[[int], Awaitable[bytes | None]], label: str) -> None:
        self._read = read
        self._label = label

    async def read(self, size: int) -> bytes:
        try:
            data = await self._read(size)
        except OSError as exc:
            raise UploadSourceError(
                f"reading {self._label} failed: {exc.strerror or exc}"
            ) from None
        if data is None:
            raise UploadSourceError(
                f"{self._label} returned no data (a non-blocking stream?); pass a blocking "
                "binary file"
            )
        if not isinstance(data, bytes):
            if isinstance(data, bytearray | memoryview):
                return bytes(data)
            raise UploadSourceError(
                f"{self._label} returned {type(data).__name__} from read(); open it in "
                "binary mode ('rb')"
            )
        return data


async def _prepare_fileobj(
    fileobj: BinaryIO, *, size: int | None, filename: str | None, content_type: str | None
) -> PreparedSource:
    raw_name = getattr(fileobj, "name", None)
    name = filename or (os.path.basename(raw_name) if isinstance(raw_name, str) else None)
    label = f"file object {name!r}" if name else f"file object {type(fileobj).__name__}"
    if isinstance(fileobj, io.TextIOBase) or "b" not in str(getattr(fileobj, "mode", "b")):
        raise UploadSourceError(f"{label} is open in text mode; open it with 'rb'")
    if getattr(fileobj, "closed", False):
        raise UploadSourceError(f"{label} is closed")

    def measure() -> tuple[int, int] | None:
        seekable = getattr(fileobj, "seekable", None)
        if seekable is None or not seekable():
            return None
        start = fileobj.tell()
        end = fileobj.seek(0, os.SEEK_END)
        fileobj.seek(start)
        return start, end - start

    try:
        measured = await anyio.to_thread.run_sync(measure)
    except (OSError, ValueError) as exc:
        raise UploadSourceError(f"{label} cannot be read: {exc}") from None
    if measured is None:
        if size is None:
            raise UploadSourceError(
                f"{label} is not seekable, so its size is unknown: pass size=<bytes>"
            )
        actual = size
    else:
        actual = measured[1]
        if size is not None and size != actual:
            raise UploadSourceError(
                f"size={size} was declared but {label} has {actual} bytes from its current position"
            )
    _check_size(label, actual)
    media_type = resolve_content_type(label, name, content_type)
    start = measured[0] if measured else 0

    @asynccontextmanager
    async def open_fileobj() -> AsyncIterator[_Reader]:
        if measured is not None:
            await anyio.to_thread.run_sync(fileobj.seek, start)
        yield _FileReader(lambda n: anyio.to_thread.run_sync(fileobj.read, n), label)

    return PreparedSource(
        label=label,
        size=actual,
        filename=name,
        content_type=media_type,
        rewindable=measured is not None,
        open=open_fileobj,
    )


class _IterableReader:
    def __init__(self, iterator: AsyncIterator[object], label: str) -> None:
        self._iterator = iterator
        self._label = label

    async def read(self, size: int) -> bytes:
        while True:
            try:
                item = await self._iterator.__anext__()
            except StopAsyncIteration:
                return b""
            if isinstance(item, bytes):
                data = item
            elif isinstance(item, bytearray | memoryview):
                data = bytes(item)
            else:
                raise UploadSourceError(
                    f"{self._label} yielded {type(item).__name__}; it must yield bytes"
                )
            if data:
                return data


def _prepare_iterable(
    iterable: AsyncIterable[bytes],
    *,
    size: int | None,
    filename: str | None,
    content_type: str | None,
) -> PreparedSource:
    label = f"async iterable {filename!r}" if filename else "async iterable"
    if size is None:
        raise UploadSourceError(
            f"the size of {label} is unknown: pass size=<total bytes> (storage needs the "
            "Content-Length before the first byte)"
        )
    _check_size(label, size)
    media_type = resolve_content_type(label, filename, content_type)
    opened = False

    @asynccontextmanager
    async def open_iterable() -> AsyncIterator[_Reader]:
        nonlocal opened
        if opened:
            raise UploadSourceError(f"{label} was already consumed and cannot be sent again")
        opened = True
        iterator = aiter(iterable)
        try:
            yield _IterableReader(iterator, label)
        finally:
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None:
                with anyio.CancelScope(shield=True):
                    await aclose()

    return PreparedSource(
        label=label,
        size=size,
        filename=filename,
        content_type=media_type,
        rewindable=False,
        open=open_iterable,
    )


async def prepare_source(
    source: UploadSource,
    *,
    size: int | None = None,
    filename: str | None = None,
    content_type: str | None = None,
) -> PreparedSource:
    """Check ``source`` without sending anything; raise an :class:`UploadSourceError` if unusable.

    Finds its size (file system, seekable file object, or ``size=``) and its media type
    (``content_type=``, or the extension of ``filename=`` / the path / the file object's name).
    """
    declared = _check_declared_size(size)
    if filename is not None and not isinstance(filename, str):
        raise TypeError(f"filename must be a str, got {type(filename).__name__}")
    if isinstance(source, bytes | bytearray | memoryview):
        raise UploadSourceError(
            f"cannot upload a {type(source).__name__} directly: pass a file path, or wrap the "
            "data in io.BytesIO(data)"
        )
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if not isinstance(path, str):
            path = os.fsdecode(path)
        return await _prepare_path(
            path, size=declared, filename=filename, content_type=content_type
        )
    if isinstance(source, AsyncIterable):
        return _prepare_iterable(
            source, size=declared, filename=filename, content_type=content_type
        )
    if hasattr(source, "read"):
        return await _prepare_fileobj(
            source, size=declared, filename=filename, content_type=content_type
        )
    raise UploadSourceError(
        f"cannot upload a {type(source).__name__}: pass a file path, a binary file object, "
        "or an async iterable of bytes with size="
    )


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


class _Body:
    """The request body: chunks of the source, exactly ``size`` bytes or an error.

    A plain async iterator (not a generator), so an abandoned request leaves nothing to finalize.
    Progress for a chunk is reported when the next one is asked for, i.e. once it was written.
    """

    def __init__(
        self, reader: _Reader, source: PreparedSource, chunk_size: int, mark: ProgressMark
    ) -> None:
        self._reader = reader
        self._source = source
        self._chunk_size = chunk_size
        self._mark = mark
        self._sent = 0
        self._done = False

    def __aiter__(self) -> _Body:
        return self

    async def __anext__(self) -> bytes:
        if self._done:
            raise StopAsyncIteration
        size = self._source.size
        if self._sent:
            await self._mark.update(self._sent)
        if self._sent == size:
            if await self._reader.read(1):
                raise self._mismatch("more")
            self._done = True
            raise StopAsyncIteration
        chunk = await self._reader.read(min(self._chunk_size, size - self._sent))
        if not chunk:
            raise self._mismatch("fewer")
        if self._sent + len(chunk) > size:
            raise self._mismatch("more")
        self._sent += len(chunk)
        return chunk

    def _mismatch(self, which: str) -> UploadSourceError:
        source = self._source
        return UploadSourceError(
            f"{source.label} yielded {which} bytes than its declared size of {source.size:,} "
            f"(after {self._sent:,} bytes); the upload was aborted and nothing was created. "
            "Check size= or keep the file from changing during the upload."
        )


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


def _snippet(response: httpx.Response) -> str:
    text = response.text[:200].strip() if response.content else ""
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
) -> httpx.Response:
    async with source.open() as reader:
        request = httpx.Request(
            "PUT",
            url,
            headers={
                "Content-Length": str(source.size),
                "Content-Type": source.content_type,
                "User-Agent": user_agent,
            },
            content=_Body(reader, source, chunk_size, mark),
            extensions={"timeout": timeouts.as_dict()},
        )
        # auth=None: not even an auth configured on a user-supplied client reaches storage.
        return await http.send(request, auth=None, follow_redirects=False)


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
            response = await _put_once(
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
        else:
            if response.is_success:
                return
            problem = f"returned {response.status_code}: {_snippet(response)}"
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
