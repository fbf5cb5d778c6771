"""Unusable input raises a typed error naming the file and the fix, before any request."""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from contentgroove import (
    ContentGroove,
    ContentGrooveError,
    FileTooLargeError,
    StorageError,
    UnsupportedMediaTypeError,
    UploadError,
    UploadSourceError,
)
from contentgroove import _upload_sources as sources_module
from contentgroove._upload import MAX_UPLOAD_SIZE, prepare_source

from ._fake import FakeContentGroove
from .conftest import MakeFile

pytestmark = pytest.mark.anyio


@pytest.fixture
def no_requests(fake: FakeContentGroove) -> Iterator[None]:
    """Every test here must leave the API and the storage untouched."""
    yield
    assert fake.api_requests == []
    assert fake.storage_requests == []


class _AnyioWithout:
    """anyio, except that ``open_file`` is replaced."""

    def __init__(self, open_file: Any) -> None:
        self.open_file = open_file

    def __getattr__(self, name: str) -> Any:
        return getattr(anyio, name)


@pytest.fixture
def sparse_file(tmp_path: Path) -> Path:
    """A file one byte over the limit, without writing 5 GB."""
    path = tmp_path / "huge.mp4"
    with path.open("wb") as f:
        f.truncate(MAX_UPLOAD_SIZE + 1)
    return path


async def test_a_missing_path(cg: ContentGroove, tmp_path: Path, no_requests: None) -> None:
    with pytest.raises(UploadSourceError, match=r"'.*nope\.mp4' does not exist"):
        await cg.uploads.upload_file(tmp_path / "nope.mp4")


async def test_a_directory(cg: ContentGroove, tmp_path: Path, no_requests: None) -> None:
    with pytest.raises(UploadSourceError, match="is a directory; pass the path of a media file"):
        await cg.uploads.upload_file(tmp_path)


async def test_a_path_that_is_not_a_regular_file(
    cg: ContentGroove, tmp_path: Path, no_requests: None
) -> None:
    fifo = tmp_path / "pipe.mp4"
    os.mkfifo(fifo)

    with pytest.raises(UploadSourceError, match="not a regular file, so its size is unknown"):
        await cg.uploads.upload_file(fifo)


async def test_an_unreadable_file(
    cg: ContentGroove, make_file: MakeFile, monkeypatch: pytest.MonkeyPatch, no_requests: None
) -> None:
    path = make_file(100)
    path.chmod(0)

    async def denied(*args: Any, **kwargs: Any) -> Any:  # root ignores file modes
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(sources_module, "anyio", _AnyioWithout(denied))

    with pytest.raises(UploadSourceError, match=r"talk\.mp4' cannot be read: Permission denied"):
        await cg.uploads.upload_file(path)


async def test_an_empty_file(cg: ContentGroove, make_file: MakeFile, no_requests: None) -> None:
    with pytest.raises(UploadSourceError, match=r"talk\.mp4' is empty \(0 bytes\)"):
        await cg.uploads.upload_file(make_file(0))


async def test_a_file_over_5_gb(cg: ContentGroove, sparse_file: Path, no_requests: None) -> None:
    with pytest.raises(FileTooLargeError) as caught:
        await cg.uploads.upload_file(sparse_file)

    error = caught.value
    assert (error.size, error.limit) == (5 * 1024**3 + 1, 5 * 1024**3)
    assert "huge.mp4" in str(error)
    assert "5,368,709,121 bytes" in str(error)
    assert "at most 5,368,709,120 bytes (5 GB)" in str(error)
    assert isinstance(error, UploadSourceError) and isinstance(error, ValueError)


async def test_exactly_5_gb_is_accepted(tmp_path: Path, anyio_backend: str) -> None:
    path = tmp_path / "limit.mp4"
    with path.open("wb") as f:
        f.truncate(MAX_UPLOAD_SIZE)

    source = await prepare_source(path)

    assert source.size == 5 * 1024**3


async def test_a_declared_size_over_5_gb(cg: ContentGroove, no_requests: None) -> None:
    async def endless() -> AsyncIterator[bytes]:
        while True:
            yield bytes(1024)

    with pytest.raises(FileTooLargeError, match="at most 5,368,709,120 bytes"):
        await cg.uploads.upload_file(endless(), size=MAX_UPLOAD_SIZE + 1, filename="a.mp4")


async def test_an_iterable_without_a_size(cg: ContentGroove, no_requests: None) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"data"

    with pytest.raises(UploadSourceError, match=r"size of async iterable 'a\.mp4' is unknown"):
        await cg.uploads.upload_file(chunks(), filename="a.mp4")


async def test_a_non_seekable_file_object_without_a_size(
    cg: ContentGroove, no_requests: None
) -> None:
    read_end, write_end = os.pipe()
    os.close(write_end)
    with open(read_end, "rb") as pipe:  # noqa: ASYNC230
        with pytest.raises(UploadSourceError, match=r"not seekable.*pass size="):
            await cg.uploads.upload_file(pipe, filename="a.mp4")


async def test_an_unsupported_extension_lists_the_allowed_types(
    cg: ContentGroove, make_file: MakeFile, no_requests: None
) -> None:
    with pytest.raises(UnsupportedMediaTypeError) as caught:
        await cg.uploads.upload_file(make_file(10, "notes.txt"))

    message = str(caught.value)
    assert "notes.txt' has extension '.txt'" in message
    assert ".mp4, .m4v, .mov" in message and "(mp4 recommended)" in message
    assert ".aac, .mp3, .flac, .ogg" in message
    assert "content_type=" in message
    assert ".mp4" in caught.value.allowed and ".wav" in caught.value.allowed


async def test_a_file_without_extension(
    cg: ContentGroove, make_file: MakeFile, no_requests: None
) -> None:
    with pytest.raises(UnsupportedMediaTypeError, match="has no extension"):
        await cg.uploads.upload_file(make_file(10, "recording"))


async def test_a_nameless_stream_needs_a_filename_or_content_type(
    cg: ContentGroove, no_requests: None
) -> None:
    with pytest.raises(
        UnsupportedMediaTypeError, match=r"pass filename='talk\.mp4' or content_type="
    ):
        await cg.uploads.upload_file(io.BytesIO(b"abc"))


async def test_a_malformed_content_type(
    cg: ContentGroove, make_file: MakeFile, no_requests: None
) -> None:
    with pytest.raises(UploadSourceError, match="not a media type such as 'video/mp4'"):
        await cg.uploads.upload_file(make_file(10), content_type="mp4")


async def test_bytes_are_refused_with_the_fix(cg: ContentGroove, no_requests: None) -> None:
    with pytest.raises(UploadSourceError, match=r"wrap the data in io\.BytesIO"):
        await cg.uploads.upload_file(b"\x00\x00\x00\x18ftypmp42")  # type: ignore[arg-type]


async def test_a_text_mode_file(cg: ContentGroove, make_file: MakeFile, no_requests: None) -> None:
    with make_file(10).open("r") as f:
        with pytest.raises(UploadSourceError, match="open in text mode; open it with 'rb'"):
            await cg.uploads.upload_file(f)  # type: ignore[arg-type]


async def test_a_closed_file(cg: ContentGroove, make_file: MakeFile, no_requests: None) -> None:
    with make_file(10).open("rb") as f:
        pass
    with pytest.raises(UploadSourceError, match="is closed"):
        await cg.uploads.upload_file(f)


async def test_a_declared_size_that_contradicts_a_seekable_file(
    cg: ContentGroove, make_file: MakeFile, no_requests: None
) -> None:
    with make_file(100).open("rb") as f:
        with pytest.raises(UploadSourceError, match=r"size=99 was declared but .* has 100 bytes"):
            await cg.uploads.upload_file(f, size=99)


async def test_size_is_not_for_paths(
    cg: ContentGroove, make_file: MakeFile, no_requests: None
) -> None:
    with pytest.raises(UploadSourceError, match="size= is for file objects and async iterables"):
        await cg.uploads.upload_file(make_file(100), size=100)


async def test_an_unsupported_source_type(cg: ContentGroove, no_requests: None) -> None:
    with pytest.raises(UploadSourceError, match="cannot upload a int"):
        await cg.uploads.upload_file(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"chunk_size": 0}, ValueError, "chunk_size must be between 1 and"),
        ({"chunk_size": 1.5}, TypeError, "chunk_size must be an int"),
        ({"name": 3}, TypeError, "name must be a str"),
        ({"description": b"x"}, TypeError, "description must be a str"),
    ],
)
async def test_bad_options(
    cg: ContentGroove,
    make_file: MakeFile,
    no_requests: None,
    kwargs: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        await cg.uploads.upload_file(make_file(10), **kwargs)


def test_every_upload_error_is_a_contentgroove_error() -> None:
    assert issubclass(UploadError, ContentGrooveError)
    assert issubclass(StorageError, UploadError)
    assert issubclass(UploadSourceError, UploadError)
    assert issubclass(FileTooLargeError, UploadSourceError)
    assert issubclass(UnsupportedMediaTypeError, UploadSourceError)
