"""Serving an ASGI app with uvicorn inside a running event loop, on a socket bound beforehand."""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

import uvicorn

from ._parser import UsageError

__all__ = ["LoopServer", "bind"]


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (``port=0``: any free port) to serve on.

    Binding before the server starts turns "address in use" into a clear usage error, lets
    callers learn the port before serving, and queues connections made before the server
    accepts them.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; choose another --port"
        ) from None
    return sock


class LoopServer(uvicorn.Server):
    """A quiet uvicorn server that runs as a task of the caller's event loop.

    With ``handle_signals=True`` Ctrl-C (SIGINT) and SIGTERM stop the server gracefully and
    set :attr:`interrupted` instead of being re-raised; with ``False`` signals are left alone,
    so Ctrl-C interrupts the caller as usual.
    """

    def __init__(self, app: Any, *, handle_signals: bool) -> None:
        super().__init__(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
        self.handle_signals = handle_signals
        self.interrupted = False

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """Install the stop-on-signal handlers for the duration of :meth:`serve`, if asked."""
        if not self.handle_signals or threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _on_signal(self, sig: int, frame: FrameType | None) -> None:
        self.interrupted = True
        self.handle_exit(sig, frame)
