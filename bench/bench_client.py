"""Client overhead: ``cg.medias.get`` against raw ``httpx.AsyncClient.get`` + ``.json()``.

Both run in the same process against the same local server (a minimal asyncio HTTP/1.1 server
in a subprocess that answers every request with the documented "show media" example), at
concurrency 1 and 32, alternating over a few rounds and keeping each side's best round.
Reported: requests/s, client CPU per request (``time.process_time``, so the server's work is
not counted) and the SDK/raw ratios (target: SDK >= 0.8x raw throughput at concurrency 32).

Then import times in fresh interpreters with bytecode cached: ``python -X importtime -c
"import contentgroove"`` (target < 150 ms cumulative), and the wall time of ``from
contentgroove import ContentGroove`` (the public names are imported on first use) against
``import httpx``, in this venv and as with the core dependencies only.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import contentgroove
import httpx
from contentgroove._client import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "data" / "reference_examples.json"
MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"
KEY = "sk_bench"
ROUND_SECONDS = 1.2
ROUNDS = 3
CONCURRENCY = (1, 32)

SERVER = r"""
import asyncio, sys

BODY = open(sys.argv[2], "rb").read()
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.api+json\r\nContent-Length: %d\r\n\r\n"
RESPONSE = HEAD % len(BODY) + BODY


class Answer(asyncio.Protocol):
    # GET requests only: every header block (ending in a blank line) gets the same answer.
    def connection_made(self, transport):
        self.transport, self.buffer = transport, b""

    def data_received(self, data):
        self.buffer += data
        count = self.buffer.count(b"\r\n\r\n")
        if count:
            self.buffer = self.buffer[self.buffer.rfind(b"\r\n\r\n") + 4 :]
            self.transport.write(RESPONSE * count)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Answer, "127.0.0.1", int(sys.argv[1]), backlog=512)
    print("ready", flush=True)
    await server.serve_forever()


asyncio.run(main())
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _server() -> Iterator[str]:
    body = json.loads(EXAMPLES.read_text())["operations"]["get_media"]["responses"]["200"]
    port = _free_port()
    with tempfile.NamedTemporaryFile("wb", suffix=".json") as payload:
        payload.write(json.dumps(body).encode())
        payload.flush()
        proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(port), payload.name],
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            assert proc.stdout is not None
            if proc.stdout.readline().strip() != b"ready":
                raise RuntimeError("the benchmark server did not start")
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            if proc.stdout:
                proc.stdout.close()


async def _measure(call: Callable[[], Awaitable[object]], concurrency: int) -> tuple[float, float]:
    """(requests per second, client CPU microseconds per request) over one round."""
    for _ in range(20):
        await call()
    count = 0
    stop = time.perf_counter() + ROUND_SECONDS

    async def worker() -> None:
        nonlocal count
        while time.perf_counter() < stop:
            await call()
            count += 1

    wall0, cpu0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return count / wall, cpu / count * 1e6


async def _throughput(base_url: str) -> list[str]:
    lines: list[str] = []
    limits = DEFAULT_LIMITS
    async with (
        contentgroove.ContentGroove(KEY, base_url=base_url) as cg,
        httpx.AsyncClient(limits=limits, headers={"Authorization": f"Bearer {KEY}"}) as raw,
    ):
        url = f"{base_url}/api/v1/medias/{MEDIA_ID}"

        async def sdk_get() -> object:
            return await cg.medias.get(MEDIA_ID)

        async def raw_get() -> object:
            response = await raw.get(url)
            response.raise_for_status()
            return response.json()

        for concurrency in CONCURRENCY:
            best: dict[str, tuple[float, float]] = {}
            for _ in range(ROUNDS):
                for name, call in (("raw", raw_get), ("sdk", sdk_get)):
                    rps, cpu = await _measure(call, concurrency)
                    old_rps, old_cpu = best.get(name, (0.0, float("inf")))
                    best[name] = (max(rps, old_rps), min(cpu, old_cpu))
            (raw_rps, raw_cpu), (sdk_rps, sdk_cpu) = best["raw"], best["sdk"]
            lines.append(
                f"concurrency {concurrency:>2}: raw httpx {raw_rps:7.0f} req/s "
                f"{raw_cpu:6.0f} us CPU/req | cg.medias.get {sdk_rps:7.0f} req/s "
                f"{sdk_cpu:6.0f} us CPU/req | SDK/raw throughput {sdk_rps / raw_rps:.2f}x, "
                f"CPU {sdk_cpu / raw_cpu:.2f}x"
                + (" (target >= 0.80x)" if concurrency == 32 else "")
            )
    return lines


def _import_ms(module: str, pycache: str, *, hide: tuple[str, ...] = (), runs: int = 7) -> float:
    """Best cumulative import time of ``module`` in a fresh interpreter, in milliseconds.

    Bytecode is cached (in ``pycache``, outside the repository) as in an installed package:
    the first run compiles and is not counted. ``hide`` makes those modules unimportable.
    """
    pattern = re.compile(rf"^import time:\s*\d+\s*\|\s*(\d+)\s*\|\s*{re.escape(module)}\s*$")
    hiding = "".join(f"sys.modules[{name!r}] = None; " for name in hide)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    best = float("inf")
    for attempt in range(runs + 1):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-X", f"pycache_prefix={pycache}", "-c",
             f"import sys; {hiding}import {module}"],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )  # fmt: skip
        for line in done.stderr.splitlines():
            match = pattern.match(line)
            if match and attempt:
                best = min(best, int(match.group(1)) / 1000)
    return best


def _wall_ms(statement: str, pycache: str, *, hide: tuple[str, ...] = (), runs: int = 7) -> float:
    """Best wall time of ``statement`` in a fresh interpreter (bytecode cached), in ms.

    Unlike ``-X importtime`` cumulative figures, this includes modules a statement imports
    after its first module has finished (``contentgroove``'s names are imported on first use).
    """
    hiding = "".join(f"sys.modules[{name!r}] = None; " for name in hide)
    code = f"import sys, time; {hiding}t = time.perf_counter(); {statement}; "
    code += "print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    best = float("inf")
    for attempt in range(runs + 1):
        done = subprocess.run(
            [sys.executable, "-X", f"pycache_prefix={pycache}", "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        if attempt:
            best = min(best, float(done.stdout) * 1000)
    return best


def _import_lines() -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as pycache:
        # httpx imports its command line (click, rich, pygments) whenever they are installed,
        # as in this dev environment; a core install has none of them.
        for label, hide in (("this venv", ()), ("core deps only", ("click", "rich", "pygments"))):
            sdk = _import_ms("contentgroove", pycache, hide=hide)
            client = _wall_ms("from contentgroove import ContentGroove", pycache, hide=hide)
            base = _wall_ms("import httpx", pycache, hide=hide)
            lines.append(
                f"import time ({label}): import contentgroove {sdk:.0f} ms cumulative "
                f"(target < 150 ms); from contentgroove import ContentGroove {client:.0f} ms, "
                f"import httpx {base:.0f} ms (wall): the client on top of httpx "
                f"{client - base:.0f} ms"
            )
    return lines


def run() -> list[str]:
    with _server() as base_url:
        lines = asyncio.run(_throughput(base_url))
    return lines + _import_lines()


if __name__ == "__main__":
    for line in run():
        print(line)
