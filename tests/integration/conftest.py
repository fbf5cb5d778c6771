"""A Prism mock of openapi.json on 127.0.0.1, shared by the integration tests.

Prism runs with ``--errors``: a request that breaks openapi.json gets an error status (400, the
status openapi.json documents for bad requests; Prism would prefer a 422), an ``sl-violations``
header naming the rule, and a ``Violation:`` line in Prism's output.

Prism reads a deepObject parameter only through the ``properties`` of its schema: ``page[number]``
and ``page[size]`` are checked, while ``filter[...]`` (free-form keys, ``additionalProperties``
only) reaches the validator as an empty object and is never checked.
"""

from __future__ import annotations

import subprocess
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import anyio
import httpx
import pytest

from tests._servers import NODE_BIN, free_port, running_server

# How Prism's validator reports a request that breaks openapi.json (and its security rules).
VIOLATION_MARKERS = ("Violation:", "[VALIDATOR] ✖")


@dataclass
class PrismOutput:
    """Prism's output lines, read as they come so that its pipe never fills up."""

    lines: list[str] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def drain(self, proc: subprocess.Popen[bytes]) -> threading.Thread:
        def read() -> None:
            assert proc.stdout is not None
            try:
                for raw in proc.stdout:
                    with self._changed:
                        self.lines.append(raw.decode(errors="replace").rstrip("\n"))
                        self._changed.notify_all()
            except (OSError, ValueError):  # the pipe was closed as the server stopped
                pass

        thread = threading.Thread(target=read, name="prism-output", daemon=True)
        thread.start()
        return thread

    def since(self, mark: int) -> list[str]:
        with self._changed:
            return self.lines[mark:]

    def mark(self) -> int:
        with self._changed:
            return len(self.lines)

    def wait_for(self, text: str, mark: int, timeout: float) -> list[str]:
        """The lines since ``mark`` before the first one containing ``text``, once it came."""

        def index() -> int | None:
            return next((i for i, line in enumerate(self.lines[mark:]) if text in line), None)

        with self._changed:
            if not self._changed.wait_for(lambda: index() is not None, timeout):
                raise TimeoutError(f"Prism printed no line with {text!r} within {timeout}s")
            end = index()
            assert end is not None
            return self.lines[mark : mark + end]


@dataclass
class Prism:
    """A running Prism mock: its base URL and its output."""

    url: str
    output: PrismOutput

    async def output_until_now(self, mark: int) -> list[str]:
        """Prism's output since ``mark``, up to a request sent now (so every earlier log is in)."""
        sentinel = f"/__end_of_test__/{uuid.uuid4().hex}"
        async with httpx.AsyncClient(base_url=self.url) as client:
            await client.get(sentinel)
        return await anyio.to_thread.run_sync(self.output.wait_for, sentinel, mark, 30.0)

    async def violations_since(self, mark: int) -> list[str]:
        """Lines in which Prism's validator rejected a request since ``mark``."""
        return [
            line
            for line in await self.output_until_now(mark)
            if any(marker in line for marker in VIOLATION_MARKERS)
        ]


@pytest.fixture(scope="session")
def prism() -> Iterator[Prism]:
    port = free_port()
    argv = [
        str(NODE_BIN / "prism"),
        "mock",
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
        "--errors",
        "--seed",
        "contentgroove",
        "openapi.json",
    ]
    output = PrismOutput()
    with running_server(argv, port) as proc:
        reader = output.drain(proc)
        yield Prism(f"http://127.0.0.1:{port}", output)
    reader.join(timeout=10)


@pytest.fixture(scope="session")
def prism_url(prism: Prism) -> str:
    """Base URL of a Prism mock of openapi.json that rejects requests breaking the spec."""
    return prism.url
