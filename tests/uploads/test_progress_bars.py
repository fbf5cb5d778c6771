"""The ready-made tqdm and rich progress callbacks."""

from __future__ import annotations

import io
import sys

import pytest
from contentgroove import ContentGroove
from contentgroove.progress import RichProgress, TqdmProgress, rich_progress, tqdm_progress
from rich.console import Console

from .conftest import MakeFile, MiB


@pytest.mark.anyio
async def test_a_tqdm_bar_follows_an_upload_to_the_end(
    cg: ContentGroove, make_file: MakeFile
) -> None:
    out = io.StringIO()
    path = make_file(3 * MiB)

    with tqdm_progress("talk.mp4", file=out, mininterval=0) as progress:
        await cg.uploads.upload_file(path, chunk_size=MiB, progress=progress)

    assert progress.bar.n == progress.bar.total == 3 * MiB
    text = out.getvalue()
    assert "talk.mp4" in text and "100%" in text and "3.00M" in text


@pytest.mark.anyio
async def test_a_rich_bar_follows_an_upload_to_the_end(
    cg: ContentGroove, make_file: MakeFile
) -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    path = make_file(2 * MiB)

    with rich_progress("talk.mp4", console=console) as progress:
        await cg.uploads.upload_file(path, chunk_size=MiB, progress=progress)

    [task] = progress.progress.tasks
    assert task.completed == task.total == 2 * MiB
    assert task.finished
    assert not progress.progress.live.is_started


def test_a_bar_closes_itself_at_the_total_and_ignores_later_calls() -> None:
    bar = TqdmProgress(file=io.StringIO())
    bar(5, 10)
    bar(10, 10)
    bar(10, 10)
    assert bar.bar.n == 10
    assert bar.bar.disable or bar.bar.last_print_n == 10

    rich_bar = RichProgress(console=Console(file=io.StringIO()))
    rich_bar(10, 10)
    rich_bar.close()
    assert rich_bar.progress.tasks[0].completed == 10


def test_a_missing_tqdm_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)

    with pytest.raises(
        ModuleNotFoundError, match=r"tqdm_progress\(\) needs the 'tqdm' package: pip"
    ):
        tqdm_progress()


def test_a_missing_rich_names_the_cli_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich.progress", None)

    with pytest.raises(ModuleNotFoundError, match=r"pip install 'contentgroove\[cli\]'"):
        rich_progress()
