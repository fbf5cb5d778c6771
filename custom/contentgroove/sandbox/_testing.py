"""Run a sandbox for tests: in-process over ``httpx.ASGITransport``, or served over real HTTP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

import anyio
import attrs
import httpx
import uvicorn
from starlette.applications import Starlette

from ._app import create_app
from ._config import SandboxConfig
from ._sandbox import Sandbox

__all__ = ["SandboxSession", "ServedSandbox", "serve_sandbox", "with_sandbox"]

IN_PROCESS_BASE_URL = "http://sandbox.contentgroove.test"
"""Base URL of in-process sandboxes; requests to it never leave the process."""


def _first_key(sandbox: Sandbox) -> str:
    return sorted(sandbox.config.api_keys)[0]


@attrs.frozen(kw_only=True)
class SandboxSession:
    """An in-process sandbox and clients wired to it (see :func:`with_sandbox`)."""

    sandbox: Sandbox
    app: Starlette = attrs.field(repr=False)
    transport: httpx.ASGITransport = attrs.field(repr=False)
    """Pass it to any ``httpx.AsyncClient`` (or SDK client) to reach the sandbox in-process."""
    base_url: str
    api_key: str = attrs.field(repr=False)
    client: httpx.AsyncClient = attrs.field(repr=False)
    """Sends ``Authorization: Bearer <api_key>`` on every request."""
    anonymous: httpx.AsyncClient = attrs.field(repr=False)
    """Sends no credentials (for 401 tests and direct-upload PUTs)."""


@asynccontextmanager
async def with_sandbox(
    config: SandboxConfig | None = None,
    *,
    sandbox: Sandbox | None = None,
    api_key: str | None = None,
    background: bool = True,
) -> AsyncIterator[SandboxSession]:
    """Run a sandbox in-process for the duration of the block.

    ``httpx.ASGITransport`` does not run ASGI lifespans, so this runs the app's lifespan
    itself: with ``background=True`` (and ``config.run_background``) processing finishes and
    webhooks go out on time. With ``background=False`` nothing happens behind the test's back:
    drive it with :meth:`Sandbox.process_due`.
    """
    if sandbox is None:
        sandbox = Sandbox(config)
    elif config is not None and config is not sandbox.config:
        raise ValueError("with_sandbox(): pass either config or sandbox, not both")
    app = create_app(sandbox=sandbox)
    key = api_key if api_key is not None else _first_key(sandbox)
    base_url = sandbox.config.public_base_url or IN_PROCESS_BASE_URL
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(
            transport=transport, base_url=base_url, headers={"Authorization": f"Bearer {key}"}
        ) as client,
        httpx.AsyncClient(transport=transport, base_url=base_url) as anonymous,
    ):
        session = SandboxSession(
            sandbox=sandbox,
            app=app,
            transport=transport,
            base_url=base_url,
            api_key=key,
            client=client,
            anonymous=anonymous,
        )
        if not (background and sandbox.config.run_background):
            yield session
            return
        failure: Exception | None = None
        async with anyio.create_task_group() as tg:
            tg.start_soon(sandbox.run_background)
            try:
                yield session
            except Exception as exc:
                # Re-raised below, outside the task group, so it is not wrapped in a group.
                failure = exc
            finally:
                tg.cancel_scope.cancel()
        if failure is not None:
            raise failure


@attrs.frozen(kw_only=True)
class ServedSandbox:
    """A sandbox served over HTTP on 127.0.0.1 (see :func:`serve_sandbox`)."""

    sandbox: Sandbox
    base_url: str
    """``http://127.0.0.1:<port>``."""
    api_key: str = attrs.field(repr=False)

    @property
    def port(self) -> int:
        """The TCP port the sandbox listens on."""
        return int(self.base_url.rsplit(":", 1)[1])

    @property
    def headers(self) -> dict[str, str]:
        """``Authorization`` header with the sandbox's API key."""
        return {"Authorization": f"Bearer {self.api_key}"}


@contextmanager
def serve_sandbox(
    config: SandboxConfig | None = None,
    *,
    sandbox: Sandbox | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    startup_timeout: float = 10.0,
) -> Iterator[ServedSandbox]:
    """Serve a sandbox with uvicorn in a background thread for the duration of the block.

    ``port=0`` picks a free port (bound before uvicorn starts, so no other process can take it
    in between). The sandbox object is shared with the caller, so tests read its state
    directly. Works from sync and async tests alike.
    """
    if sandbox is None:
        sandbox = Sandbox(config)
    elif config is not None and config is not sandbox.config:
        raise ValueError("serve_sandbox(): pass either config or sandbox, not both")
    app = create_app(sandbox=sandbox)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound_port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    )
    failure: list[BaseException] = []

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported to the caller below
            failure.append(exc)

    thread = threading.Thread(target=run, name=f"contentgroove-sandbox-{bound_port}", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if failure or not thread.is_alive():
                raise RuntimeError(f"the sandbox server stopped during startup: {failure[:1]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the sandbox server did not start within {startup_timeout}s")
            time.sleep(0.01)
        netloc = f"[{host}]" if ":" in host else host
        yield ServedSandbox(
            sandbox=sandbox, base_url=f"http://{netloc}:{bound_port}", api_key=_first_key(sandbox)
        )
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
