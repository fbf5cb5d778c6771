"""``contentgroove webhooks listen``: a real receiver process fed by the sandbox."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from contentgroove.sandbox import ServedSandbox

from tests._servers import free_port

from ._lines import LineReader
from .conftest import API_KEY, CLI

pytestmark = pytest.mark.integration

SECRET = "cli-listen-test-secret-0123456789"


@pytest.fixture
def listener(sandbox: ServedSandbox) -> Iterator[tuple[subprocess.Popen[bytes], LineReader, int]]:
    port = free_port()
    argv = [
        sys.executable, "-m", "contentgroove.cli", "webhooks", "listen",
        "--port", str(port), "--secret", SECRET, "--subscribe", "--json",
    ]  # fmt: skip
    env = {
        **os.environ,
        "CONTENTGROOVE_API_KEY": API_KEY,
        "CONTENTGROOVE_BASE_URL": sandbox.base_url,
    }
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True
    )
    try:
        yield proc, LineReader(proc), port
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


def test_listen_prints_each_event_and_unsubscribes_on_ctrl_c(
    cli: CLI,
    video: Path,
    sandbox: ServedSandbox,
    listener: tuple[subprocess.Popen[bytes], LineReader, int],
) -> None:
    proc, output, port = listener
    url = f"http://127.0.0.1:{port}/webhooks/{SECRET}"
    output.wait_for("Subscribed")
    subscribed = [s for s in sandbox.sandbox.subscriptions.values() if s.url == url]

    [media] = cli.ok("upload", str(video), "--wait", "--json").json()
    event = json.loads(output.wait_for(media["id"]))
    refused = httpx.post(f"http://127.0.0.1:{port}/webhooks/not-the-secret-token", json={})
    output.wait_for("refused a delivery: 404")
    proc.send_signal(signal.SIGINT)
    status = proc.wait(timeout=30)
    rest = output.rest()

    assert len(subscribed) == 1
    assert event["event"] == "media.processing_finished"
    assert event["payload"]["data"]["id"] == media["id"]
    assert refused.status_code == 404
    assert status == 130
    assert f"Deleted subscription {subscribed[0].id}" in rest
    assert url not in [s.url for s in sandbox.sandbox.subscriptions.values()]
    assert "Traceback" not in output.text
    assert API_KEY not in output.text


def test_listen_refuses_a_busy_port(cli: CLI) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        result = cli("webhooks", "listen", "--port", str(port))

    assert result.code == 2
    assert result.error_line.startswith(f"error: cannot listen on 127.0.0.1:{port}")


def test_listen_public_url_needs_subscribe(cli: CLI) -> None:
    result = cli("webhooks", "listen", "--public-url", "https://example.ngrok.app")

    assert result.code == 2
    assert "--subscribe" in result.error_line


def test_listen_refuses_a_short_secret(cli: CLI) -> None:
    result = cli("webhooks", "listen", "--port", "0", "--secret", "tiny-token")

    assert result.code == 2
    assert "16 or more URL-safe characters" in result.error_line
    assert "tiny-token" not in result.error_line
