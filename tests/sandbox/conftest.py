"""Fixtures: an in-process sandbox on a manual clock, driven explicitly by each test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from contentgroove.sandbox import ManualClock, SandboxConfig, SandboxSession, with_sandbox


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def config(clock: ManualClock) -> SandboxConfig:
    return SandboxConfig(clock=clock, seed=1234, processing_seconds=10, clip_processing_seconds=2)


@pytest.fixture
async def sb(config: SandboxConfig) -> AsyncIterator[SandboxSession]:
    """A sandbox with no background task: time moves only when the test advances the clock."""
    async with with_sandbox(config, background=False) as session:
        yield session
