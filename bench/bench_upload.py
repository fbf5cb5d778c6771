"""Upload throughput against ``curl -T``, and the client's memory while uploading.

A raw-socket sink in a subprocess reads and discards PUT bodies and answers 200. Each upload runs
in a fresh subprocess that measures its own idle RSS (client created, nothing sent) and, after
the PUT step of ``upload_file`` (the engine called with a presigned-style URL), its peak RSS.
curl uploads the same file to the same sink in the same run; the best of a few rounds counts.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

GiB = 1024**3
MiB = 1024**2
ROUNDS = 5
ROOT = Path(__file__).resolve().parent.parent

SINK = r"""
import socket, sys, threading
def serve(conn):
    buf = bytearray(1 << 20)
    view = memoryview(buf)
    pending = b""
    with conn:
        while True:
            while b"\r\n\r\n" not in pending:
                data = conn.recv(65536)
                if not data:
                    return
                pending += data
            head, _, pending = pending.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            fields = (line.partition(":") for line in lines[1:])
            headers = {k.strip().lower(): v.strip() for k, _, v in fields}
            if "100-continue" in headers.get("expect", "").lower():
                conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            left = int(headers.get("content-length", "0")) - len(pending)
            pending = b""
            while left > 0:
                n = conn.recv_into(view, min(len(buf), left))
                if not n:
                    return
                left -= n
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(16)
print(srv.getsockname()[1], flush=True)
while True:
    c, _ = srv.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
"""

WORKER = r"""
import json, os, resource, sys, time
import anyio, psutil
from contentgroove import ContentGroove
from contentgroove._upload import ProgressMark, ProgressTotal, prepare_source, put_to_storage

path, url, chunk_size, backend = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

async def main() -> dict[str, float]:
    async with ContentGroove("bench-key", base_url="http://127.0.0.1:9") as cg:
        source = await prepare_source(path)
        idle = psutil.Process().memory_info().rss
        started = time.perf_counter()
        await put_to_storage(cg.http_client, url, source, policy=cg.retry_policy,
                             chunk_size=chunk_size)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"seconds": seconds, "idle": idle, "peak": peak, "size": source.size}

print(json.dumps(anyio.run(main, backend=backend)))
"""


def _make_file(path: Path, size: int) -> None:
    block = os.urandom(4 * MiB)
    with path.open("wb") as f:
        for _ in range(size // len(block)):
            f.write(block)
        f.write(block[: size % len(block)])


def _sdk(path: Path, url: str, chunk_size: int, backend: str = "asyncio") -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'custom'}:{ROOT}"}
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(path), url, str(chunk_size), backend],
        capture_output=True,
        text=True,
        env=env,
    )
    if out.returncode:
        raise RuntimeError(f"upload worker failed:\n{out.stderr}")
    result: dict[str, float] = json.loads(out.stdout)
    return result


def _curl(path: Path, url: str) -> float:
    out = subprocess.run(
        ["curl", "-sS", "-o", "/dev/null", "-w", "%{time_total}", "-T", str(path), url],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout)


def _rate(size: float, seconds: float) -> str:
    return f"{size / seconds / MiB:,.0f} MiB/s"


def _ratio_lines(label: str, curl: list[float], sdk: list[float]) -> str:
    best = min(curl) / min(sdk)
    median = statistics.median(curl) / statistics.median(sdk)
    return (
        f"{label}: upload_file {_rate(GiB, min(sdk))}, curl -T {_rate(GiB, min(curl))} (best of "
        f"{len(sdk)}); ratio {best:.2f}x curl best-to-best, {median:.2f}x median-to-median "
        "(target >= 0.9x)"
    )


def run(chunk_size: int | None = None) -> list[str]:
    from contentgroove._upload import DEFAULT_CHUNK_SIZE

    chunk = chunk_size or DEFAULT_CHUNK_SIZE
    lines: list[str] = [f"chunk size {chunk / MiB:g} MiB, 1 GiB file, loopback sink"]
    sink = subprocess.Popen(
        [sys.executable, "-c", SINK], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert sink.stdout is not None
        port = sink.stdout.readline().strip()
        url = f"http://127.0.0.1:{port}/bucket/key?X-Amz-Signature=a%2Fb%3D&X-Amz-Expires=60"
        with tempfile.TemporaryDirectory() as tmp:
            real = Path(tmp) / "bench.mp4"
            _make_file(real, GiB)
            curl: list[float] = []
            runs: dict[str, list[dict[str, float]]] = {"asyncio": [], "trio": []}
            for _ in range(ROUNDS):  # interleaved, so load from elsewhere hits all alike
                curl.append(_curl(real, url))
                for backend, results in runs.items():
                    results.append(_sdk(real, url, chunk, backend))
            real.unlink()
            for backend, results in runs.items():
                seconds = [r["seconds"] for r in results]
                lines.append(_ratio_lines(f"PUT 1 GiB, {backend}", curl, seconds))
            growth = max(r["peak"] - r["idle"] for r in runs["asyncio"])
            lines.append(f"1 GiB: peak RSS growth over an idle client {growth / MiB:.1f} MiB")
            sparse = Path(tmp) / "sparse.mp4"
            with sparse.open("wb") as f:
                f.truncate(4 * GiB)
            result = _sdk(sparse, url, chunk)
            sparse_growth = result["peak"] - result["idle"]
            lines.append(
                f"4 GiB sparse file: peak RSS growth {sparse_growth / MiB:.1f} MiB "
                f"(target < 64 MiB); {_rate(4 * GiB, result['seconds'])}, bounded by the "
                "kernel reading holes"
            )
    finally:
        sink.kill()
        sink.wait()
    return lines


if __name__ == "__main__":
    # python -m bench.bench_upload [chunk size in KiB]
    size = int(sys.argv[1]) * 1024 if len(sys.argv) > 1 else None
    for line in run(size):
        print(line)
