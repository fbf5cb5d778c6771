"""Webhook receiving: parse + deduplicate throughput, and a real receiver under uvicorn.

1. ``parse_event`` + ``WebhookDeduplicator(MemoryStore())`` on one core, for a realistic
   ~20 KB ``media.processing_finished`` body (a long transcription and 10 clips), each event
   distinct so every one is claimed and marked done. Baselines measured in the same run,
   interleaved round by round: plain ``json.loads`` of the same bodies, and the generated
   ``MediaProcessingFinishedEvent.from_dict`` alone (which parse_event composes).
   Target: >= 5,000 events/s.
2. A FastAPI app with ``webhook_router`` under uvicorn in a subprocess on 127.0.0.1, fed by
   32 concurrent httpx senders (one connection each); every event is delivered twice
   (ContentGroove's at-least-once redelivery), in shuffled order. Reported: deliveries/s,
   events lost (never handled) or handled twice, read back from the app, and the CPU the
   receiver process spent per delivery (the senders share the 2 cores and are often the limit).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import psutil
from contentgroove.webhooks import MemoryStore, WebhookDeduplicator, parse_event

from contentgroove_client.models.media_processing_finished_event import (
    MediaProcessingFinishedEvent,
)

TARGET_EVENTS_PER_S = 5_000
ROUNDS = 5
ROUND_EVENTS = 600
HTTP_EVENTS = 1_500
SENDERS = 32
SECRET = "bench-secret-bench-secret-0123456789"

_WORDS = (
    "enos chimpanzee orbit mercury atlas capsule launch nasa flight recovery pacific "
    "mission control telemetry lever banana pellet reward cabin pressure ocean ship"
).split()


def _media_document(media_id: str, rng: random.Random) -> dict[str, Any]:
    text = " ".join(rng.choice(_WORDS) for _ in range(1_900))  # ~13 KB of transcription
    clip_ids = [f"{media_id}-clip-{i}" for i in range(10)]
    clips = []
    for rank, clip_id in enumerate(rng.sample(clip_ids, len(clip_ids))):
        start = rng.uniform(0, 900)
        clips.append(
            {
                "id": clip_id,
                "type": "clips",
                "attributes": {
                    "created_at": "2022-08-17T02:20:08.398Z",
                    "start_time": f"{start:.6f}",
                    "end_time": f"{start + 30:.6f}",
                    "start_char": rng.randrange(10_000),
                    "end_char": rng.randrange(10_000, 13_000),
                    "external_id": None,
                    "is_processing": False,
                    "media_file_content_type": "video/mp4",
                    "media_file_duration": "30.000000",
                    "media_file_height": "720",
                    "media_file_width": 1280,
                    "media_file_preview_image_url": f"https://files.example/{clip_id}.jpg",
                    "media_file_url": f"https://files.example/{clip_id}.mp4",
                    "name": f"Suggested clip {rank}",
                    "processing_started_at": "2022-08-17T02:20:08.391Z",
                    "rank": rank if rank < 8 else None,
                    "text": " ".join(rng.choice(_WORDS) for _ in range(12)),
                },
                "relationships": {"media": {"data": {"id": media_id, "type": "medias"}}},
            }
        )
    return {
        "event": "media.processing_finished",
        "payload": {
            "data": {
                "id": media_id,
                "type": "medias",
                "attributes": {
                    "created_at": "2022-08-17T02:13:58.431Z",
                    "description": None,
                    "external_id": "474",
                    "has_fetch_error": False,
                    "is_processing": False,
                    "name": "Chimp Into Space",
                    "original_created_at": "2022-08-17T02:13:58.431Z",
                    "processing_started_at": "2022-08-17T02:13:58.425Z",
                    "source_created_at": None,
                    "source_file_content_type": "video/mp4",
                    "source_file_duration": "986.865532",
                    "source_file_height": "720",
                    "source_file_preview_image_url": "https://files.example/preview.jpg",
                    "source_file_width": 1280,
                    "source_url": "https://archive.org/download/SF143/SF143_512kb.mp4",
                },
                "relationships": {
                    "clips": {"data": [{"id": i, "type": "clips"} for i in clip_ids]}
                },
                "transcription": {"data": {"id": f"{media_id}-t", "type": "transcriptions"}},
            },
            "included": [
                *clips,
                {"id": f"{media_id}-t", "type": "transcriptions", "attributes": {"text": text}},
            ],
        },
    }


def _bodies(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    template = json.dumps(_media_document("MEDIA-ID-PLACEHOLDER", rng)).encode()
    return [
        template.replace(b"MEDIA-ID-PLACEHOLDER", f"media-{i:06d}".encode()) for i in range(count)
    ]


def _per_event(function: Any, items: list[Any]) -> float:
    started = time.perf_counter()
    for item in items:
        function(item)
    return (time.perf_counter() - started) / len(items)


async def _parse_and_dedupe(bodies: list[bytes]) -> float:
    """Seconds per event to parse a body and claim it (each event distinct: handled, then done)."""
    dedupe = WebhookDeduplicator(MemoryStore())
    handled = 0
    started = time.perf_counter()
    for body in bodies:
        event = parse_event(body)
        async with dedupe.claim(event) as claim:
            if claim.acquired:
                handled += 1
    elapsed = time.perf_counter() - started
    assert handled == len(bodies)
    return elapsed / len(bodies)


def _measure_parsing() -> tuple[float, float, float, int]:
    """Best of ROUNDS interleaved rounds: json.loads, generated from_dict, parse + dedupe."""
    bodies = _bodies(ROUNDS * ROUND_EVENTS, seed=1)
    documents = [json.loads(b) for b in bodies[:ROUND_EVENTS]]
    best_json = best_generated = best_ours = float("inf")
    for round_ in range(ROUNDS):
        chunk = bodies[round_ * ROUND_EVENTS : (round_ + 1) * ROUND_EVENTS]
        best_json = min(best_json, _per_event(json.loads, chunk))
        best_generated = min(
            best_generated, _per_event(MediaProcessingFinishedEvent.from_dict, documents)
        )
        best_ours = min(best_ours, anyio.run(_parse_and_dedupe, chunk))
    return best_json, best_generated, best_ours, len(bodies[0])


# ---- receiver under uvicorn ------------------------------------------------------------------

_SERVER = """
import sys
from collections import Counter

import uvicorn
from fastapi import FastAPI

from contentgroove.webhooks.fastapi import webhook_router

handled = Counter()


async def handler(event):
    handled[event.media.id] += 1


app = FastAPI()
app.include_router(webhook_router(handler, secret=sys.argv[2]))


@app.get("/stats")
async def stats():
    return dict(handled)


uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _receiver_process() -> Iterator[tuple[str, int]]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(port), SECRET],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the receiver exited with {proc.returncode}")
            # Our app answers /stats with JSON: not some other server that took the port.
            with contextlib.suppress(httpx.HTTPError, ValueError):
                if httpx.get(f"{base_url}/stats", timeout=1).json() == {}:
                    break
            if time.monotonic() > deadline:
                raise TimeoutError("the receiver did not listen within 60 s")
            time.sleep(0.05)
        yield base_url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


class _Delivery:
    def __init__(self) -> None:
        self.per_s = 0.0
        self.client_cpu_share = 0.0
        self.server_cpu_ms = 0.0
        self.statuses: dict[int, int] = {}
        self.handled: dict[str, int] = {}


async def _deliver_all(base_url: str, pid: int, bodies: list[bytes]) -> _Delivery:
    """Deliver every body twice, shuffled, from SENDERS concurrent senders (one connection each)."""
    deliveries = [body for body in bodies for _ in range(2)]
    random.Random(7).shuffle(deliveries)
    result = _Delivery()
    queue = iter(deliveries)
    path = f"/contentgroove/webhooks/{SECRET}"

    async def sender() -> None:
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
            for body in queue:
                response = await http.post(path, content=body)
                result.statuses[response.status_code] = (
                    result.statuses.get(response.status_code, 0) + 1
                )

    server = psutil.Process(pid)
    server_cpu = sum(server.cpu_times()[:2])
    client_cpu = time.process_time()
    started = time.perf_counter()
    async with anyio.create_task_group() as tg:
        for _ in range(SENDERS):
            tg.start_soon(sender)
    elapsed = time.perf_counter() - started
    result.client_cpu_share = (time.process_time() - client_cpu) / elapsed
    result.server_cpu_ms = (sum(server.cpu_times()[:2]) - server_cpu) * 1000 / len(deliveries)
    result.per_s = len(deliveries) / elapsed
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        result.handled = (await http.get("/stats")).json()
    return result


def run() -> list[str]:
    json_s, generated_s, ours_s, size = _measure_parsing()
    rate = 1 / ours_s
    verdict = "meets" if rate >= TARGET_EVENTS_PER_S else "MISSES"
    lines = [
        f"body: media.processing_finished, {size / 1024:.1f} KB (transcription + 10 clips); "
        f"best of {ROUNDS} rounds of {ROUND_EVENTS} events",
        f"parse_event + dedupe (MemoryStore), one core: {rate:,.0f} events/s "
        f"({ours_s * 1e6:.0f} us/event); {verdict} the target of {TARGET_EVENTS_PER_S:,} events/s",
        f"baseline json.loads of the same bodies: {1 / json_s:,.0f}/s ({json_s * 1e6:.0f} us); "
        f"parse + dedupe costs {ours_s / json_s:.1f}x json.loads",
        f"of which the generated MediaProcessingFinishedEvent.from_dict alone: "
        f"{1 / generated_s:,.0f}/s ({generated_s * 1e6:.0f} us, {generated_s / ours_s:.0%})",
    ]

    http_bodies = _bodies(HTTP_EVENTS, seed=2)
    with _receiver_process() as (base_url, pid):
        result = anyio.run(_deliver_all, base_url, pid, http_bodies)
    sent_ids = {f"media-{i:06d}" for i in range(HTTP_EVENTS)}
    lost = len(sent_ids - result.handled.keys())
    doubled = sum(1 for n in result.handled.values() if n > 1)
    lines += [
        f"uvicorn receiver in a subprocess, {SENDERS} concurrent httpx senders, "
        f"{HTTP_EVENTS:,} events delivered twice: {result.per_s:,.0f} deliveries/s "
        f"(receiver CPU {result.server_cpu_ms:.2f} ms/delivery; senders used "
        f"{result.client_cpu_share:.0%} of a core, on {os.cpu_count()} cores)",
        f"responses {dict(sorted(result.statuses.items()))}; "
        f"events lost: {lost}, handled twice: {doubled}",
    ]
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
