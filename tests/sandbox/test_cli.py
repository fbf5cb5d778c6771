"""``python -m contentgroove.sandbox`` serves the sandbox on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from tests._servers import free_port, running_server

pytestmark = pytest.mark.integration


def test_the_module_serves_the_api_and_redacts_keys_from_its_log() -> None:
    port = free_port()
    argv = [
        sys.executable,
        "-m",
        "contentgroove.sandbox",
        "--port",
        str(port),
        "--api-key",
        "sk_cli_secret",
        "--processing-seconds",
        "0",
    ]
    with running_server(argv, port) as proc:
        base = f"http://127.0.0.1:{port}"
        anonymous = httpx.get(f"{base}/api/v1/medias")
        listed = httpx.get(f"{base}/api/v1/medias", params={"api_key": "sk_cli_secret"})
        created = httpx.post(
            f"{base}/api/v1/medias",
            json={"data": {"attributes": {"source_url": "https://ex.com/a.mp4"}}},
            headers={"X-API-KEY": "sk_cli_secret"},
        )
        health = httpx.get(f"{base}/_sandbox/health")
        proc.terminate()
        output = proc.communicate(timeout=20)[0].decode()

    assert anonymous.status_code == 401
    assert listed.status_code == 200
    assert created.status_code == 200
    assert health.json() == {"status": "ok"}
    assert f"ContentGroove sandbox on http://127.0.0.1:{port}" in output
    assert "api_key=[REDACTED]" in output
    assert "sk_cli_secret" not in output


def test_bad_options_exit_with_a_message() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "contentgroove.sandbox", "--error-rate", "2"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert "error_rate" in result.stderr
