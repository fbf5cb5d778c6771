"""``python -m contentgroove.demo`` (``make demo``) end to end, as a real process."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

import pytest

from ._lines import LineReader

pytestmark = pytest.mark.integration

SECTIONS = (
    "Sandbox",
    "Webhook receiver",
    "Upload",
    "Processing",
    "Transcription",
    "Suggested clips",
    "Your clip",
    "Cleanup",
)


def demo(*options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "contentgroove.demo", *options],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "120"},
    )


def sandbox_pid(output: str) -> int:
    match = re.search(
        r"Started the ContentGroove sandbox on http://127\.0\.0\.1:\d+ \(pid (\d+)", output
    )
    assert match, output
    return int(match[1])


def assert_gone(pid: int) -> None:
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_the_demo_runs_end_to_end_and_the_webhook_ends_the_wait() -> None:
    # Polls 20 s apart: only the webhook can end the wait in time.
    result = demo("--poll-every", "20")

    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    positions = [out.index(title) for title in SECTIONS]
    assert positions == sorted(positions)
    assert "the wait was finished by the webhook" in out
    assert re.search(r"\(\d+ words in all\)", out)
    assert re.search(r"RANK +START +END +NAME / TEXT *\n +0 ", out)
    assert re.search(r"Created clip \S+ 'Demo highlight'", out)
    for deleted in ("Deleted clip", "Deleted media", "Deleted webhook subscription"):
        assert deleted in out
    assert "Stopped the sandbox" in out
    assert re.search(r"Done in \d+\.\d s\.", out)
    assert "Traceback" not in result.stderr
    assert_gone(sandbox_pid(out))


def test_without_a_webhook_polling_ends_the_wait() -> None:
    result = demo("--no-webhook", "--poll-every", "0.5")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "the wait was finished by polling" in result.stdout
    assert "Deleted webhook subscription" not in result.stdout
    assert_gone(sandbox_pid(result.stdout))


def test_ctrl_c_cleans_up_stops_the_sandbox_and_exits_130() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "contentgroove.demo", "--processing-seconds", "600"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "COLUMNS": "120"},
        start_new_session=True,
    )
    try:
        output = LineReader(proc)
        pid = sandbox_pid(output.wait_for("Started the ContentGroove sandbox"))
        output.wait_for("Waiting for processing")
        proc.send_signal(signal.SIGINT)
        status = proc.wait(timeout=60)
        text = output.rest()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    assert status == 130
    assert "Deleted media" in text
    assert "Interrupted." in text
    assert "Traceback" not in text
    assert_gone(pid)


def test_a_failing_demo_exits_1_and_still_stops_the_sandbox() -> None:
    # Processing outlasts the wait: the demo reports the timeout and cleans up.
    result = demo("--processing-seconds", "600", "--timeout", "1", "--poll-every", "0.5")

    assert result.returncode == 1
    assert "demo failed: ProcessingTimeoutError" in result.stdout
    assert "Deleted media" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert_gone(sandbox_pid(result.stdout))
