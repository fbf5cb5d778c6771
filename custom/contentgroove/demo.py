"""A tour of the SDK against a local sandbox: ``python -m contentgroove.demo`` (``make demo``).

It starts the in-memory ContentGroove sandbox and a webhook receiver on 127.0.0.1, subscribes
the receiver, uploads a generated sample video with a progress bar, waits for processing (the
webhook ends the wait; polling is the fallback), prints the transcription and the suggested
clips, cuts a clip, deletes everything it created and stops every process it started.
Needs the ``sandbox`` and ``cli`` extras: ``pip install 'contentgroove[sandbox,cli]'``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

import anyio
import attrs
import httpx
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ._client import ContentGroove
from ._events import ProcessingNotifier
from ._models import Clip, Media
from ._polling import PollingSchedule
from .cli._listen import receiver_app
from .cli._output import format_seconds
from .cli._serve import LoopServer, bind
from .progress import rich_progress
from .webhooks import MediaProcessingFinished, WebhookEvent, WebhookReceiver, new_webhook_secret

__all__ = ["DemoError", "main", "sample_mp4"]

WEBHOOK_PATH = "/webhooks"


class DemoError(Exception):
    """A step of the demo failed; the message says which and why."""


def sample_mp4(path: Path, size: int = 2 * 1024 * 1024, *, seed: int = 2022) -> Path:
    """Write a small file shaped like an MP4 (``ftyp`` and ``mdat`` boxes) to ``path``.

    The payload is noise: the sandbox never decodes what it receives.
    """
    ftyp = b"ftyp" + b"isom" + (512).to_bytes(4, "big") + b"isomiso2avc1mp41"
    payload = random.Random(seed).randbytes(max(0, size - len(ftyp) - 12))
    with path.open("wb") as f:
        f.write((len(ftyp) + 4).to_bytes(4, "big") + ftyp)
        f.write((len(payload) + 8).to_bytes(4, "big") + b"mdat" + payload)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the sandbox process -----------------------------------------------------------------------


@attrs.define
class _Sandbox:
    process: subprocess.Popen[bytes]
    base_url: str
    log: IO[bytes]

    def log_tail(self, lines: int = 15) -> str:
        self.log.flush()
        self.log.seek(0)
        return "\n".join(self.log.read().decode(errors="replace").splitlines()[-lines:])


def _start_sandbox(api_key: str, processing_seconds: float, log: IO[bytes]) -> _Sandbox:
    port = _free_port()
    argv = [
        sys.executable, "-m", "contentgroove.sandbox",
        "--host", "127.0.0.1", "--port", str(port), "--api-key", api_key,
        "--processing-seconds", str(processing_seconds), "--clip-processing-seconds", "0.5",
        "--log-level", "warning",
    ]  # fmt: skip
    # Its own session: Ctrl-C in the terminal reaches the demo only, which stops it by PID.
    process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return _Sandbox(process, f"http://127.0.0.1:{port}", log)


def _wait_healthy(sandbox: _Sandbox, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=1.0) as http:
        while time.monotonic() < deadline:
            if sandbox.process.poll() is not None:
                raise DemoError(
                    f"the sandbox exited with status {sandbox.process.returncode}:\n"
                    + sandbox.log_tail()
                )
            with contextlib.suppress(httpx.TransportError):
                if http.get(f"{sandbox.base_url}/_sandbox/health").status_code == 200:
                    return
            time.sleep(0.1)
    raise DemoError(f"the sandbox did not answer within {timeout:g} s:\n{sandbox.log_tail()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process`` (and its session) by PID: SIGTERM, then SIGKILL after 10 s."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


# -- the tour ----------------------------------------------------------------------------------


class _WakeCounter(ProcessingNotifier):
    """Forwards notifications to the client's notifier and remembers whom they woke."""

    def __init__(self, target: ProcessingNotifier) -> None:
        super().__init__()
        self._target = target
        self.woken: dict[str, int] = {}

    def notify(self, kind: str, resource_id: str, resource: object) -> int:
        """Wake the client's waiters on the resource; record how many there were."""
        count = self._target.notify(kind, resource_id, resource)
        self.woken[resource_id] = self.woken.get(resource_id, 0) + count
        return count


@attrs.define
class _Tour:
    console: Console
    cg: ContentGroove
    processing_timeout: float
    subscribe: bool
    schedule: PollingSchedule
    events: dict[str, MediaProcessingFinished] = attrs.Factory(dict)
    arrived: anyio.Event = attrs.Factory(anyio.Event)
    cleanup: list[tuple[str, Callable[[], Awaitable[None]]]] = attrs.Factory(list)

    def section(self, title: str) -> None:
        self.console.print()
        self.console.rule(f"[bold]{title}", align="left")

    async def on_event(self, event: WebhookEvent) -> None:
        if isinstance(event, MediaProcessingFinished):
            self.events[event.media.id] = event
            self.arrived.set()
            self.console.print(f"  webhook: {event.event} for media {event.media.id}")

    @contextlib.asynccontextmanager
    async def receiver(self, counter: _WakeCounter) -> AsyncIterator[str]:
        """Serve the webhook receiver on a free port; yields the URL to subscribe."""
        secret = new_webhook_secret()
        receiver = WebhookReceiver(self.on_event, secret=secret, notifier=counter)
        server = LoopServer(receiver_app(receiver, WEBHOOK_PATH), handle_signals=False)
        sock = bind("127.0.0.1", 0)
        port = sock.getsockname()[1]
        async with anyio.create_task_group() as tg:
            # The socket already listens: deliveries queue until the server accepts them.
            tg.start_soon(server.serve, [sock])
            self.console.print(
                f"Receiving webhooks on http://127.0.0.1:{port}{WEBHOOK_PATH}/<secret token>"
            )
            try:
                yield f"http://127.0.0.1:{port}{WEBHOOK_PATH}/{secret}"
            finally:
                server.should_exit = True
        sock.close()

    async def run(self, workdir: Path) -> None:
        counter = _WakeCounter(self.cg.processing_notifier)
        self.section("Webhook receiver")
        async with self.receiver(counter) as url:
            if self.subscribe:
                subscription = await self.cg.webhook_subscriptions.ensure(url)
                self._on_cleanup(
                    "webhook subscription", subscription.id, self.cg.webhook_subscriptions.delete
                )
                self.console.print(f"Subscribed it to media.processing_finished: {subscription.id}")
            else:
                self.console.print("Not subscribed (--no-webhook): waits end by polling")
            try:
                media = await self.upload(workdir)
                processed = await self.wait(media, counter)
                await self.show_transcription(processed)
                clips = await self.show_suggested_clips(processed)
                await self.cut_clip(processed, clips)
            finally:
                await self.clean_up()

    def _on_cleanup(
        self, label: str, resource_id: str, delete: Callable[[str], Awaitable[None]]
    ) -> None:
        async def run() -> None:
            await delete(resource_id)
            self.console.print(f"Deleted {label} {resource_id}")

        self.cleanup.append((f"{label} {resource_id}", run))

    async def upload(self, workdir: Path) -> Media:
        self.section("Upload")
        path = sample_mp4(workdir / "chimp-into-space.mp4")
        size_mib = path.stat().st_size / 1024**2
        self.console.print(f"Generated {path.name} ({size_mib:.1f} MiB)")
        with rich_progress(f"Uploading {path.name}", console=self.console) as bar:
            media = await self.cg.uploads.upload_file(
                path,
                name="Chimp Into Space",
                description="Enos, the second chimpanzee NASA launched into space (demo)",
                progress=bar,
            )
        self._on_cleanup("media", media.id, self.cg.medias.delete)
        self.console.print(f"Uploaded as media {media.id}")
        return media

    async def wait(self, media: Media, counter: _WakeCounter) -> Media:
        self.section("Processing")
        self.console.print(
            "Waiting for processing: the webhook ends the wait, polling is the fallback"
        )
        started = time.monotonic()
        with self.console.status("processing…"):
            processed = await self.cg.medias.wait_until_processed(
                media.id, timeout=self.processing_timeout, schedule=self.schedule
            )
        elapsed = time.monotonic() - started
        path = "the webhook" if counter.woken.get(media.id) else "polling"
        self.console.print(
            f"Processed after {elapsed:.1f} s: the wait was finished by [bold]{path}[/bold]"
        )
        duration = format_seconds(processed.duration) or "unknown"
        self.console.print(f"Duration {duration}, {len(processed.clip_ids)} suggested clip(s)")
        return processed

    async def show_transcription(self, media: Media) -> None:
        self.section("Transcription")
        if not self.subscribe:
            self.console.print("(transcriptions are delivered with the webhook; none subscribed)")
            return
        if media.id not in self.events:
            # Transcriptions arrive with the webhook; when polling won, it follows shortly.
            with anyio.move_on_after(10):
                while media.id not in self.events:
                    await self.arrived.wait()
                    self.arrived = anyio.Event()
        event = self.events.get(media.id)
        text = event.transcription.text if event and event.transcription else None
        if not text:
            self.console.print("(no transcription was delivered)")
            return
        excerpt = textwrap.shorten(text, width=400, placeholder=" …")
        width = min(self.console.width, 100) - 2
        self.console.print(textwrap.indent(textwrap.fill(excerpt, width=width), "  "), markup=False)
        self.console.print(f"({len(text.split())} words in all)")

    async def show_suggested_clips(self, media: Media) -> list[Clip]:
        self.section("Suggested clips")
        clips = await self.cg.clips.list(filter={"media_id_eq": media.id}).to_list()
        suggested = sorted((c for c in clips if c.rank is not None), key=lambda c: c.rank or 0)
        if not suggested:
            raise DemoError(f"processing suggested no clips for media {media.id}")
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("RANK", justify="right", no_wrap=True, min_width=4)
        table.add_column("START", justify="right", no_wrap=True, min_width=7)
        table.add_column("END", justify="right", no_wrap=True, min_width=7)
        table.add_column("NAME / TEXT", no_wrap=True)
        room = max(20, min(self.console.width, 120) - 26)
        for clip in suggested:
            words = " ".join((clip.text or clip.name or "").split())
            table.add_row(
                str(clip.rank),
                format_seconds(clip.start_time),
                format_seconds(clip.end_time),
                Text(textwrap.shorten(words, width=room, placeholder=" …") if words else ""),
            )
        self.console.print(table)
        return suggested

    async def cut_clip(self, media: Media, suggested: Sequence[Clip]) -> None:
        self.section("Your clip")
        best = suggested[0]
        start = best.start_time or 0.0
        end = best.end_time if best.end_time and best.end_time > start else start + 10.0
        clip = await self.cg.clips.create(
            media_id=media.id, name="Demo highlight", start_time=start, end_time=end
        )
        self._on_cleanup("clip", clip.id, self.cg.clips.delete)
        self.console.print(
            f"Created clip {clip.id} 'Demo highlight' from {format_seconds(start)} "
            f"to {format_seconds(end)} (the best-ranked suggestion's span)"
        )
        with self.console.status("rendering the clip…"):
            done = await self.cg.clips.wait_until_processed(
                clip.id, timeout=self.processing_timeout
            )
        self.console.print(f"Clip processed: {done.file_url or 'no file URL'}", markup=False)

    async def clean_up(self) -> None:
        self.section("Cleanup")
        failures: list[str] = []
        for label, delete in reversed(self.cleanup):
            try:
                await delete()
            except Exception as exc:
                failures.append(f"{label}: {exc}")
        self.cleanup.clear()
        if failures:
            raise DemoError("cleanup failed: " + "; ".join(failures))


async def _tour(options: argparse.Namespace, console: Console, base_url: str, key: str) -> None:
    with anyio.fail_after(options.deadline):
        async with ContentGroove(key, base_url=base_url) as cg:
            with tempfile.TemporaryDirectory(prefix="contentgroove-demo-") as workdir:
                schedule = PollingSchedule(
                    initial=options.poll_every, max_interval=max(options.poll_every, 30.0)
                )
                tour = _Tour(
                    console,
                    cg,
                    options.timeout,
                    subscribe=not options.no_webhook,
                    schedule=schedule,
                )
                await tour.run(Path(workdir))


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} must be a number of seconds > 0")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m contentgroove.demo",
        description="Run the SDK end to end against a local ContentGroove sandbox.",
    )
    parser.add_argument(
        "--processing-seconds",
        type=_seconds,
        default=3.0,
        metavar="SECONDS",
        help="sandbox processing time (3)",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="longest wait for processing (30)",
    )
    parser.add_argument(
        "--poll-every",
        type=_seconds,
        default=2.0,
        metavar="SECONDS",
        help="first interval between polls; grows 1.5x per poll up to 30 s (2)",
    )
    parser.add_argument(
        "--no-webhook",
        action="store_true",
        help="do not subscribe the receiver: show the polling fallback",
    )
    parser.add_argument(
        "--deadline",
        type=_seconds,
        default=55.0,
        metavar="SECONDS",
        help="the whole tour must end within this time (55)",
    )
    return parser


@contextlib.contextmanager
def _sandbox_running(console: Console, processing_seconds: float, key: str) -> Iterator[str]:
    with tempfile.TemporaryFile() as log:
        sandbox = _start_sandbox(key, processing_seconds, log)
        try:
            _wait_healthy(sandbox)
            console.print(
                f"Started the ContentGroove sandbox on {sandbox.base_url} "
                f"(pid {sandbox.process.pid}; processing takes {processing_seconds:g} s)"
            )
            yield sandbox.base_url
        finally:
            _stop(sandbox.process)
            console.print(f"Stopped the sandbox (pid {sandbox.process.pid})")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo; 0 on success, 1 on failure, 130 when interrupted."""
    options = _parser().parse_args(argv)
    console = Console(highlight=False, soft_wrap=True)
    started = time.monotonic()
    key = "sk_demo_" + secrets.token_urlsafe(16)  # accepted by this sandbox only; never printed
    try:
        console.rule("[bold]Sandbox", align="left")
        with _sandbox_running(console, options.processing_seconds, key) as base_url:
            anyio.run(_tour, options, console, base_url, key, backend="asyncio")
    except KeyboardInterrupt:
        console.print("Interrupted.")
        return 130
    except BaseException as exc:
        reason = exc
        while isinstance(reason, BaseExceptionGroup) and reason.exceptions:
            reason = reason.exceptions[0]
        if isinstance(reason, KeyboardInterrupt):
            console.print("Interrupted.")
            return 130
        if isinstance(reason, TimeoutError) and not str(reason):
            reason = DemoError(f"the tour did not finish within {options.deadline:g} s")
        message = str(reason).replace(key, "<redacted>")
        console.print(f"[bold red]demo failed:[/] {escape(type(reason).__name__ + ': ' + message)}")
        return 1
    console.print()
    console.print(f"[bold green]Done[/] in {time.monotonic() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
