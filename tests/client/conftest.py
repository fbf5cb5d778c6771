"""Fixtures for the client's unit tests: a client against a respx-mocked API, and the examples."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import respx
from contentgroove import ContentGroove, RetryPolicy

API = "https://api.contentgroove.test"
KEY = "sk_test_S3CR3T_do_not_leak"
EXAMPLES_PATH = Path(__file__).resolve().parent.parent / "data" / "reference_examples.json"


class FakeSleep:
    """Records the delays the client asks for instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture(scope="session")
def examples() -> dict[str, Any]:
    """The vendor's documented response examples, keyed by operation id and status."""
    return dict(json.loads(EXAMPLES_PATH.read_text())["operations"])


def example(examples: dict[str, Any], operation: str, status: int = 200) -> Any:
    return examples[operation]["responses"][str(status)]


@pytest.fixture
def fake_sleep() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    """The mocked API; every request the test did not route fails the test."""
    with respx.mock(base_url=API, assert_all_called=False) as router:
        yield router


@pytest.fixture
async def cg(fake_sleep: FakeSleep, anyio_backend: str) -> AsyncIterator[ContentGroove]:
    """A client for the mocked API whose retries record their delays instead of sleeping."""
    async with ContentGroove(
        KEY, base_url=API, retry_policy=RetryPolicy(sleep=fake_sleep, random=lambda: 1.0)
    ) as client:
        yield client
