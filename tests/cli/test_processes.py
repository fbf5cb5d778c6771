"""``contentgroove`` as real processes: the module, the console script, the sandbox command."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from contentgroove.sandbox import ServedSandbox

from tests._servers import free_port, running_server

from ._lines import LineReader
from .conftest import API_KEY

pytestmark = pytest.mark.integration


def run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=120, env={**os.environ, **env}
    )


def test_module_lists_medias_as_json(sandbox: ServedSandbox, video: Path) -> None:
    env = {"CONTENTGROOVE_API_KEY": API_KEY, "CONTENTGROOVE_BASE_URL": sandbox.base_url}
    cli = [sys.executable, "-m", "contentgroove.cli"]

    uploaded = run([*cli, "upload", str(video), "--json"], env)
    listed = run([*cli, "medias", "list", "--json", "--all"], env)

    assert uploaded.returncode == 0, uploaded.stderr
    [media] = json.loads(uploaded.stdout)
    assert media["id"] in [m["id"] for m in json.loads(listed.stdout)]
    assert API_KEY not in uploaded.stdout + uploaded.stderr + listed.stdout + listed.stderr


def test_console_script_reports_errors_in_one_line(sandbox: ServedSandbox) -> None:
    script = shutil.which("contentgroove", path=str(Path(sys.executable).parent))
    assert script is not None, "the contentgroove console script is installed with the package"

    result = run(
        [script, "medias", "get", "nope"],
        {"CONTENTGROOVE_API_KEY": API_KEY, "CONTENTGROOVE_BASE_URL": sandbox.base_url},
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: GET /api/v1/medias/nope returned 404")
    assert result.stderr.count("\n") == 1


def test_sandbox_command_serves_until_ctrl_c_then_exits_130(tmp_path: Path) -> None:
    port = free_port()
    argv = [sys.executable, "-m", "contentgroove.cli", "sandbox", "--port", str(port)]
    with running_server(argv, port) as proc:
        listed = run(
            [sys.executable, "-m", "contentgroove.cli", "medias", "list", "--json"],
            {
                "CONTENTGROOVE_API_KEY": "sk_test_sandbox",
                "CONTENTGROOVE_BASE_URL": f"http://127.0.0.1:{port}",
            },
        )
        proc.send_signal(signal.SIGINT)
        status = proc.wait(timeout=30)
        output = proc.stdout.read().decode() if proc.stdout else ""

    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    assert status == 130
    assert f"ContentGroove sandbox on http://127.0.0.1:{port}" in output
    assert "Traceback" not in output


def test_sandbox_command_refuses_a_busy_port() -> None:
    port = free_port()
    argv = [sys.executable, "-m", "contentgroove.cli", "sandbox", "--port", str(port)]
    with running_server(argv, port):
        second = run(argv, {})

    assert second.returncode == 2
    assert second.stderr.strip() == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use; choose another --port"
    )


def test_ctrl_c_during_a_wait_exits_130_quietly(video: Path) -> None:
    port = free_port()
    sandbox_argv = [
        sys.executable, "-m", "contentgroove.sandbox",
        "--port", str(port), "--processing-seconds", "600", "--log-level", "warning",
    ]  # fmt: skip
    env = {
        **os.environ,
        "CONTENTGROOVE_API_KEY": "sk_test_sandbox",
        "CONTENTGROOVE_BASE_URL": f"http://127.0.0.1:{port}",
    }
    with running_server(sandbox_argv, port):
        proc = subprocess.Popen(
            [sys.executable, "-m", "contentgroove.cli", "upload", str(video), "--wait"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            output = LineReader(proc)
            output.wait_for("Uploaded")
            proc.send_signal(signal.SIGINT)
            status = proc.wait(timeout=30)
            rest = output.rest()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    [line] = rest.strip().splitlines()
    assert status == 130
    assert line.startswith(f"Uploaded {video} as media ")  # and nothing after the interrupt
