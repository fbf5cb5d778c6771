"""Fixtures for the webhook tests: the reference delivery, a fake clock, servers on 127.0.0.1."""

from __future__ import annotations

import contextlib
import copy
import inspect
import json
import shutil
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
import redis
import uvicorn

from tests._servers import free_port, running_server

DATA = Path(__file__).parent / "data"
REFERENCE_PATH = DATA / "media_processing_finished.json"
REFERENCE_BODY = REFERENCE_PATH.read_bytes()
REFERENCE: dict[str, Any] = json.loads(REFERENCE_BODY)
MEDIA_ID = REFERENCE["payload"]["data"]["id"]
SECRET = "s3cret-token-for-tests-0123456789"


def reference() -> dict[str, Any]:
    """A fresh deep copy of the reference delivery, free to mutate."""
    return copy.deepcopy(REFERENCE)


def body_of(document: Any) -> bytes:
    return json.dumps(document).encode()


def delivery(media_id: str = MEDIA_ID, started: str | None = "2022-08-17T02:13:58.425Z") -> bytes:
    """The reference delivery for another media id / processing run."""
    doc = reference()
    doc["payload"]["data"]["id"] = media_id
    doc["payload"]["data"]["attributes"]["processing_started_at"] = started
    return body_of(doc)


async def eventually(check: Callable[[], bool | Awaitable[bool]]) -> None:
    """Wait until ``check()`` is true (state changed by another task, thread or process)."""
    with anyio.fail_after(30):
        while True:
            result = check()
            if await result if inspect.isawaitable(result) else result:
                return
            await anyio.sleep(0.002)


class FakeClock:
    """A clock for stores: time moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real redis-server on 127.0.0.1, for the whole session."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed: apt-get install -y redis-server")
    port = free_port()
    argv = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    argv += ["--appendonly", "no", "--loglevel", "warning"]
    with running_server(argv, port) as proc:
        url = f"redis://127.0.0.1:{port}/0"
        # The port was free a moment ago; make sure it is our redis-server that answers.
        with redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5) as client:
            assert client.ping()
        assert proc.poll() is None, "redis-server exited: the port was taken"
        yield url


@contextlib.contextmanager
def uvicorn_app(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn exited before it started listening")
        if time.monotonic() > deadline:
            raise TimeoutError("uvicorn did not start within 30 s")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
