"""Upload sources: paths, binary file objects and async iterables, checked before any request.

:func:`prepare_source` finds a source's size and media type, or raises an
:class:`~contentgroove.UploadSourceError` naming the file, the problem and the fix. The prepared
source opens at byte 0 for every attempt that can re-read it.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from types import MappingProxyType
from typing import BinaryIO, Protocol, TypeAlias

import anyio
import anyio.to_thread
import attrs

from ._exceptions import FileTooLargeError, UnsupportedMediaTypeError, UploadSourceError

__all__ = [
    "AUDIO_TYPES",
    "MAX_UPLOAD_SIZE",
    "MEDIA_TYPES",
    "VIDEO_TYPES",
    "PreparedSource",
    "Reader",
    "UploadSource",
    "prepare_source",
    "resolve_content_type",
]

#: The largest file one direct upload accepts: 5 GB (5 x 1024**3 bytes).
MAX_UPLOAD_SIZE = 5 * 1024**3

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

_ALLOWED_LIST = (
    "video: " + ", ".join(VIDEO_TYPES) + " (mp4 recommended); audio: " + ", ".join(AUDIO_TYPES)
)


class Reader(Protocol):
    """Where the bytes of an opened source come from."""

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
    _open: Callable[[], AbstractAsyncContextManager[Reader]]

    def open(self) -> AbstractAsyncContextManager[Reader]:
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
    async def open_path() -> AsyncIterator[Reader]:
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
    async def open_fileobj() -> AsyncIterator[Reader]:
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
    async def open_iterable() -> AsyncIterator[Reader]:
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
