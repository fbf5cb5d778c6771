"""Cancelling an upload stops reading the source and closes its connection; nothing is created."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import BinaryIO

import anyio
import anyio.to_thread
import pytest
from contentgroove import ContentGroove

from ._fake import Behaviour, FakeContentGroove
from .conftest import MakeFile, MiB, sha256_of

pytestmark = pytest.mark.anyio


class CountingFile:
    """A binary file that counts the bytes read from it."""

    def __init__(self, path: Path) -> None:
        self._file: BinaryIO = path.open("rb")
        self.name = str(path)
        self.mode = "rb"
        self.closed = False
        self.bytes_read = 0
        self._lock = threading.Lock()

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        with self._lock:
            self.bytes_read += len(data)
        return data

    def close(self) -> None:
        self._file.close()


async def test_cancelling_mid_body_closes_the_connection_and_stops_reading(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    size = 96 * MiB  # far more than the socket buffers hold while storage stalls
    path = make_file(size)
    stall = Behaviour(stall_after=MiB)
    fake.behaviours.append(stall)
    source = CountingFile(path)
    chunk = 256 * 1024

    async def upload() -> None:
        await cg.uploads.upload_file(source, chunk_size=chunk)  # type: ignore[arg-type]

    with anyio.fail_after(60):  # a hang guard, not a timing assertion
        try:
            async with anyio.create_task_group() as tg:
                tg.start_soon(upload)
                await anyio.to_thread.run_sync(stall.stalled.wait, 30)
                read_when_cancelled = source.bytes_read
                tg.cancel_scope.cancel()
        finally:
            source.close()

        stall.release.set()  # storage reads on, and must find the connection closed
        [put] = await fake.puts_finished(1)

    assert not put.complete
    assert put.received < size
    assert source.bytes_read <= read_when_cancelled + chunk  # at most the read in flight
    assert fake.media_creates == []


async def test_the_client_uploads_normally_after_a_cancelled_upload(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(32 * MiB)
    stall = Behaviour(stall_after=MiB)
    fake.behaviours.append(stall)

    with anyio.fail_after(60):
        with anyio.CancelScope() as scope:

            async def cancel_when_stalled() -> None:
                await anyio.to_thread.run_sync(stall.stalled.wait, 30)
                scope.cancel()

            async with anyio.create_task_group() as tg:
                tg.start_soon(cancel_when_stalled)
                await cg.uploads.upload_file(path, chunk_size=MiB)
        stall.release.set()
        await fake.puts_finished(1)

        media = await cg.uploads.upload_file(path)

    second = fake.storage_requests[1]
    assert second.complete and second.sha256 == sha256_of(path)
    assert [c.body["data"]["attributes"]["upload_id"] for c in fake.media_creates] == [
        fake.upload_id(2)
    ]
    assert media.id == "media-for-" + fake.upload_id(2)
