"""A source that yields more or fewer bytes than declared aborts the upload; nothing is created.

The body on the wire never silently differs from its Content-Length: storage sees an incomplete
body and a closed connection, and no media is created.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

import pytest
from contentgroove import ContentGroove, UploadSourceError

from ._fake import FakeContentGroove
from .conftest import MakeFile, MiB

pytestmark = pytest.mark.anyio


def chunks_of(data: bytes, piece: int = 300_000) -> AsyncIterator[bytes]:
    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(data), piece):
            yield data[start : start + piece]

    return chunks()


async def test_an_iterable_that_ends_early(cg: ContentGroove, fake: FakeContentGroove) -> None:
    data = bytes(2 * MiB)

    with pytest.raises(UploadSourceError) as caught:
        await cg.uploads.upload_file(chunks_of(data), size=len(data) + 10, filename="a.mp4")

    assert "yielded fewer bytes than its declared size of 2,097,162" in str(caught.value)
    assert "after 2,097,152 bytes" in str(caught.value)
    [put] = await fake.puts_finished(1)
    assert not put.complete
    assert fake.media_creates == []


async def test_an_iterable_that_yields_too_much(cg: ContentGroove, fake: FakeContentGroove) -> None:
    data = bytes(2 * MiB)

    with pytest.raises(UploadSourceError, match="yielded more bytes than its declared size"):
        await cg.uploads.upload_file(chunks_of(data), size=len(data) - 1, filename="a.mp4")

    [put] = await fake.puts_finished(1)
    assert not put.complete
    assert fake.media_creates == []


async def test_an_iterable_with_extra_bytes_after_the_declared_size(
    cg: ContentGroove, fake: FakeContentGroove
) -> None:
    data = bytes(900_000)

    with pytest.raises(UploadSourceError, match="yielded more bytes"):
        await cg.uploads.upload_file(chunks_of(data), size=600_000, filename="a.mp4")

    [put] = await fake.puts_finished(1)
    assert put.received < 600_000  # the overrun was caught before the last chunk went out
    assert fake.media_creates == []


async def test_an_iterable_of_non_bytes(cg: ContentGroove, fake: FakeContentGroove) -> None:
    async def text() -> AsyncIterator[str]:
        yield "not bytes"

    with pytest.raises(UploadSourceError, match="yielded str; it must yield bytes"):
        await cg.uploads.upload_file(text(), size=9, filename="a.mp4")  # type: ignore[arg-type]

    assert fake.media_creates == []


class GrowingFile:
    """A file that another writer extends while it is being uploaded."""

    def __init__(self, path: Path) -> None:
        self._file: BinaryIO = path.open("rb")
        self._path = path
        self.name = str(path)
        self.mode = "rb"
        self.closed = False

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        with self._path.open("ab") as writer:
            writer.write(b"more")
        return data

    def close(self) -> None:
        self._file.close()


async def test_a_file_that_grows_during_the_upload(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(3 * MiB)
    growing = GrowingFile(path)

    with pytest.raises(UploadSourceError, match="keep the file from changing"):
        try:
            await cg.uploads.upload_file(growing, chunk_size=MiB)  # type: ignore[arg-type]
        finally:
            growing.close()

    [put] = await fake.puts_finished(1)
    assert not put.complete
    assert fake.media_creates == []


async def test_a_file_truncated_during_the_upload(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(4 * MiB)
    truncated = False

    def truncate_once(sent: int, total: int) -> None:
        nonlocal truncated
        if not truncated:
            truncated = True
            with path.open("r+b") as f:
                f.truncate(MiB + 5)

    with pytest.raises(UploadSourceError, match="yielded fewer bytes than its declared size"):
        await cg.uploads.upload_file(path, chunk_size=MiB, progress=truncate_once)

    [put] = await fake.puts_finished(1)
    assert not put.complete
    assert fake.media_creates == []
