"""Fixtures: a sandbox served on 127.0.0.1 and a way to run ``contentgroove`` against it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from contentgroove.cli import main
from contentgroove.sandbox import SandboxConfig, ServedSandbox, serve_sandbox

API_KEY = "sk_test_cli_7d1e9a4b"
"""A key distinctive enough that finding it in any output is a leak."""


@attrs.frozen
class Result:
    """What one ``contentgroove`` invocation did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def error_line(self) -> str:
        """The single ``error: ...`` line the command printed on stderr."""
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, f"expected one error line, got: {self.err!r}"
        assert lines[0].startswith("error: ")
        return lines[0]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[ServedSandbox]:
    config = SandboxConfig(api_keys={API_KEY}, processing_seconds=0.2, seed=7)
    with serve_sandbox(config) as served:
        yield served


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, sandbox: ServedSandbox) -> ServedSandbox:
    monkeypatch.setenv("CONTENTGROOVE_API_KEY", API_KEY)
    monkeypatch.setenv("CONTENTGROOVE_BASE_URL", sandbox.base_url)
    monkeypatch.delenv("COLUMNS", raising=False)
    return sandbox


class CLI:
    """Runs ``contentgroove`` in-process, the way the console script does."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, *argv: str) -> Result:
        self._capsys.readouterr()
        code = main(list(argv))
        captured = self._capsys.readouterr()
        result = Result(code, captured.out, captured.err)
        assert API_KEY not in result.out + result.err, "the API key was printed"
        assert "Traceback" not in result.err
        return result

    def ok(self, *argv: str) -> Result:
        result = self(*argv)
        assert result.code == 0, result.err
        return result


@pytest.fixture
def cli(env: ServedSandbox, capsys: pytest.CaptureFixture[str]) -> CLI:
    return CLI(capsys)


@pytest.fixture
def video(tmp_path: Path) -> Path:
    """A small file named like an mp4 (the sandbox does not decode it)."""
    path = tmp_path / "chimp-into-space.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64)
    return path
