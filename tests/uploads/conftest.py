"""Fixtures for upload tests: the real fake API + storage, clients, and media files on disk."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from contentgroove import ContentGroove, RetryPolicy

from ._fake import FakeContentGroove, running_fake

KEY = "sk_test_UPL0AD_S3CR3T_never_at_storage"
MiB = 1024**2


class FakeSleep:
    """Records the backoff delays instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def fake() -> Iterator[FakeContentGroove]:
    with running_fake() as server:
        yield server


@pytest.fixture
def fake_sleep() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
def policy(fake_sleep: FakeSleep) -> RetryPolicy:
    return RetryPolicy(max_retries=2, sleep=fake_sleep, random=lambda: 1.0)


@pytest.fixture
async def cg(
    fake: FakeContentGroove, policy: RetryPolicy, anyio_backend: str
) -> AsyncIterator[ContentGroove]:
    async with ContentGroove(KEY, base_url=fake.api_url, retry_policy=policy) as client:
        yield client


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(MiB):
            digest.update(block)
    return digest.hexdigest()


MakeFile = Callable[..., Path]


@pytest.fixture
def make_file(tmp_path: Path) -> MakeFile:
    """Write a file of ``size`` random-looking bytes, fast: one random MiB, each copy numbered.

    Numbering each MiB keeps every chunk distinct, so a reordered or repeated chunk changes the
    digest.
    """

    def make(size: int, name: str = "talk.mp4") -> Path:
        path = tmp_path / name
        base = os.urandom(MiB)
        with path.open("wb") as f:
            index = 0
            while (left := size - index * MiB) > 0:
                block = index.to_bytes(8, "big") + base[8:]
                f.write(block[:left])
                index += 1
        return path

    return make
