"""1,000 concurrent processing waits against an in-process fake API.

A tiny ASGI app (served through ``httpx.ASGITransport``, no sockets) answers
``GET /api/v1/medias/{id}``; each media reports ``is_processing: false`` from its k-th GET on,
k uniform in 1..5 (seeded). ``cg.medias.wait_all`` waits for all of them on a schedule scaled
down to milliseconds (1 ms growing by half up to 5 ms, ±10% jitter).

Reported: requests issued against the theoretical minimum (the sum of every media's k; target
<= 1.1x), and client CPU time (``time.process_time``) per poll against two baselines of the
same number of GETs to the same app at the same concurrency, measured in the same run: raw
``httpx`` GETs, and ``cg.medias.get`` (the request path a poll uses, without the waiting).
The fake app's own CPU is in every figure.
"""

from __future__ import annotations

import json
import random
import time
from typing import Any

import anyio
import httpx
from contentgroove import ContentGroove, PollingSchedule

MEDIAS = 1_000
BASE_URL = "http://contentgroove.bench"
SCHEDULE = PollingSchedule(initial=0.001, factor=1.5, max_interval=0.005, jitter=0.1)


def _body(media_id: str, processing: bool) -> bytes:
    doc = {
        "data": {
            "id": media_id,
            "type": "medias",
            "attributes": {"name": "bench.mp4", "is_processing": processing},
        }
    }
    return json.dumps(doc).encode()


class FakeAPI:
    """ASGI app: media ``id`` is processed from its ``needed[id]``-th GET on."""

    def __init__(self, needed: dict[str, int]) -> None:
        self.needed = needed
        self.gets = dict.fromkeys(needed, 0)
        self.bodies = {i: (_body(i, True), _body(i, False)) for i in needed}

    @property
    def requests(self) -> int:
        return sum(self.gets.values())

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        media_id = scope["path"].rsplit("/", 1)[-1]
        self.gets[media_id] += 1
        body = self.bodies[media_id][self.gets[media_id] >= self.needed[media_id]]
        headers = [(b"content-type", b"application/vnd.api+json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _needed(seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {f"media-{i:04d}": rng.randint(1, 5) for i in range(MEDIAS)}


async def _sdk(needed: dict[str, int], concurrency: int) -> tuple[int, float, float]:
    app = FakeAPI(needed)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        cg = ContentGroove("sk_bench", base_url=BASE_URL, http_client=http)
        cpu, wall = time.process_time(), time.perf_counter()
        media = await cg.medias.wait_all(list(needed), concurrency=concurrency, schedule=SCHEDULE)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert all(m.is_processing is False for m in media)
    return app.requests, cpu, wall


async def _baseline(
    needed: dict[str, int], requests: int, concurrency: int, *, sdk_get: bool
) -> tuple[int, float]:
    """``requests`` GETs spread over the medias: raw ``httpx`` or ``cg.medias.get``."""
    app = FakeAPI(needed)
    ids = list(needed)
    limiter = anyio.CapacityLimiter(concurrency)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        cg = ContentGroove("sk_bench", base_url=BASE_URL, http_client=http, max_retries=0)

        async def get(media_id: str, times: int) -> None:
            url = f"{BASE_URL}/api/v1/medias/{media_id}"
            for _ in range(times):
                async with limiter:
                    if sdk_get:
                        await cg.medias.get(media_id)
                    else:
                        (await http.get(url)).raise_for_status()

        per_id, extra = divmod(requests, len(ids))
        cpu = time.process_time()
        async with anyio.create_task_group() as tg:
            for n, media_id in enumerate(ids):
                tg.start_soon(get, media_id, per_id + (n < extra))
        cpu = time.process_time() - cpu
    return app.requests, cpu


def _measure(backend: str, concurrency: int) -> str:
    needed = _needed(seed=20240)
    minimum = sum(needed.values())

    async def main() -> tuple[int, float, float, float, float]:
        requests, sdk_cpu, wall = await _sdk(needed, concurrency)
        n, raw_cpu = await _baseline(needed, requests, concurrency, sdk_get=False)
        assert n == requests
        n, get_cpu = await _baseline(needed, requests, concurrency, sdk_get=True)
        assert n == requests
        return requests, sdk_cpu, wall, raw_cpu, get_cpu

    requests, sdk_cpu, wall, raw_cpu, get_cpu = anyio.run(main, backend=backend)
    us = 1e6 / requests
    return (
        f"{backend:7s} concurrency={concurrency:<4d} {MEDIAS} waits: {requests} requests vs "
        f"minimum {minimum} ({requests / minimum:.3f}x, target <= 1.1x) in {wall:.2f}s; CPU "
        f"{sdk_cpu * us:.0f} us/poll = {sdk_cpu / raw_cpu:.2f}x raw httpx GET "
        f"({raw_cpu * us:.0f} us), {sdk_cpu / get_cpu:.2f}x cg.medias.get ({get_cpu * us:.0f} us)"
    )


def run() -> list[str]:
    return [
        _measure("asyncio", 16),
        _measure("asyncio", 1000),
        _measure("trio", 16),
        _measure("trio", 1000),
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
