"""``contentgroove upload FILE... [--wait]``: upload files with progress bars."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

import anyio
import attrs
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from .._client import ContentGroove
from .._exceptions import APIConnectionError, AuthenticationError, QuotaExceededError
from .._models import Media
from .._upload import prepare_source
from ._context import Context
from ._output import media_status, media_table, print_json, raw_dict
from ._parser import Commands, UsageError, add_common_options, positive_int, seconds

__all__ = ["register"]

#: Errors that would fail every other file the same way: they stop the whole command.
_FATAL = (AuthenticationError, APIConnectionError, QuotaExceededError)


@attrs.define
class _Outcome:
    path: str
    media: Media | None = None
    error: Exception | None = None


def _progress(ctx: Context) -> Progress:
    return Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        DownloadColumn(binary_units=True),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[status]}", markup=False),
        console=ctx.err,
        disable=not ctx.err.is_terminal,
    )


class _Bars:
    """One bar per file and, for several files, a total bar."""

    def __init__(self, progress: Progress, paths: list[str], sizes: list[int]) -> None:
        self._progress = progress
        self._sent = [0] * len(paths)
        self._total: TaskID | None = None
        if len(paths) > 1:
            self._total = progress.add_task("total", total=sum(sizes), status="")
        self._tasks = [
            progress.add_task(os.path.basename(p), total=size, status="")
            for p, size in zip(paths, sizes, strict=True)
        ]

    def callback(self, index: int) -> Callable[[int, int], None]:
        def report(sent: int, total: int) -> None:
            delta, self._sent[index] = sent - self._sent[index], sent
            self._progress.update(self._tasks[index], completed=sent, total=total)
            if self._total is not None:
                self._progress.advance(self._total, delta)

        return report

    def status(self, index: int, text: str) -> None:
        self._progress.update(self._tasks[index], status=text)


async def _upload_one(
    cg: ContentGroove,
    args: argparse.Namespace,
    ctx: Context,
    bars: _Bars,
    index: int,
    outcome: _Outcome,
) -> None:
    bars.status(index, "uploading")
    media = await cg.uploads.upload_file(
        outcome.path,
        name=args.name,
        description=args.description,
        content_type=args.content_type,
        progress=bars.callback(index),
    )
    outcome.media = media
    if not ctx.err.is_terminal:
        ctx.err.print(f"Uploaded {outcome.path} as media {media.id}")
    if args.wait:
        bars.status(index, "processing")
        outcome.media = await cg.medias.wait_until_processed(media.id, timeout=args.timeout)
        if not ctx.err.is_terminal:
            ctx.err.print(f"Processed media {media.id}")
    bars.status(index, media_status(outcome.media) if args.wait else "uploaded")


async def _upload(args: argparse.Namespace, ctx: Context) -> int:
    paths: list[str] = args.files
    if args.name is not None and len(paths) > 1:
        raise UsageError("--name needs a single FILE; with several files each is named after it")
    if args.timeout is not None and not args.wait:
        raise UsageError("--timeout limits --wait; add --wait")
    # Every file is checked before the first byte is sent.
    prepared = [await prepare_source(p, content_type=args.content_type) for p in paths]
    outcomes = [_Outcome(p) for p in paths]
    async with ctx.client() as cg:
        limiter = anyio.CapacityLimiter(args.concurrency)
        with _progress(ctx) as progress:
            bars = _Bars(progress, paths, [p.size for p in prepared])

            async def run(index: int) -> None:
                async with limiter:
                    try:
                        await _upload_one(cg, args, ctx, bars, index, outcomes[index])
                    except _FATAL:
                        raise
                    except Exception as exc:
                        outcomes[index].error = exc
                        bars.status(index, "failed")

            async with anyio.create_task_group() as tg:
                for index in range(len(paths)):
                    tg.start_soon(run, index)
    return _report(ctx, outcomes)


def _report(ctx: Context, outcomes: list[_Outcome]) -> int:
    medias = [o.media for o in outcomes if o.media is not None]
    if ctx.json:
        print_json(ctx, [raw_dict(m) for m in medias])
    elif medias:
        ctx.out.print(media_table(medias))
    failures = [(o.path, o.error) for o in outcomes if o.error is not None]
    if len(failures) > 1 and len({str(error) for _, error in failures}) == 1:
        raise failures[0][1]  # the same error for every file: reported once
    for path, error in failures:
        ctx.err.print(f"error: {path}: {' '.join(str(error).split())}")
    return 1 if failures else 0


def register(commands: Commands) -> None:
    """Add the ``upload`` command."""
    p = commands.add_parser(
        "upload",
        help="upload video or audio files (mp4, mov, mp3, ...) and create medias",
        description="Upload files to ContentGroove, showing one progress bar per file.",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="video or audio files")
    p.add_argument("--name", help="media name (one FILE only; default: the file's name)")
    p.add_argument("--description", help="media description")
    p.add_argument(
        "--content-type", metavar="TYPE", help="media type, for files without a known extension"
    )
    p.add_argument(
        "--concurrency",
        type=positive_int,
        default=4,
        metavar="N",
        help="files uploaded at once (default: 4)",
    )
    p.add_argument("--wait", action="store_true", help="wait until each media is processed")
    p.add_argument(
        "--timeout", type=seconds, metavar="SECONDS", help="give up waiting after this long"
    )
    p.set_defaults(handler=_upload)
    add_common_options(p, top_level=False)
