"""Serve small ASGI apps (webhook receivers) with uvicorn on 127.0.0.1 in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


@contextmanager
def serve_asgi(app: Any) -> Iterator[str]:
    """Serve ``app`` on a free 127.0.0.1 port until the block ends; yields its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "receiver did not start"
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@attrs.define
class Receiver:
    """A webhook receiver that records every POST and answers from a script of statuses."""

    statuses: list[int] = attrs.Factory(list)
    """Answers for the first POSTs, in order; 200 once the script runs out."""
    received: list[tuple[dict[str, str], bytes]] = attrs.Factory(list)
    got_one: threading.Event = attrs.Factory(threading.Event)

    def app(self) -> Starlette:
        async def hook(request: Request) -> Response:
            self.received.append((dict(request.headers), await request.body()))
            status = self.statuses.pop(0) if self.statuses else 200
            self.got_one.set()
            return Response(status_code=status)

        return Starlette(routes=[Route("/hook", hook, methods=["POST"])])


def dead_url() -> str:
    """A 127.0.0.1 URL where nothing listens (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"
