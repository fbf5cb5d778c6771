"""Ready-made upload progress bars: pass one as ``progress=`` to ``cg.uploads.upload_file``.

::

    from contentgroove.progress import rich_progress

    with rich_progress("talk.mp4") as progress:
        media = await cg.uploads.upload_file("talk.mp4", progress=progress)

tqdm and rich are optional: each is imported when its bar is created, and a missing one raises
:class:`ModuleNotFoundError` saying what to install.
"""

from __future__ import annotations

import importlib
from types import ModuleType, TracebackType
from typing import Any

from ._upload import ProgressCallback

__all__ = ["ProgressCallback", "RichProgress", "TqdmProgress", "rich_progress", "tqdm_progress"]


def _require(module: str, feature: str, install: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ModuleNotFoundError(
            f"{feature} needs the {module.split('.')[0]!r} package: {install}",
            name=module,
        ) from None


class _Bar:
    """Shared behaviour: draw on the first call, close once ``total`` is reached or on exit."""

    def __call__(self, sent: int, total: int) -> None:
        """Show that ``sent`` of ``total`` bytes went out."""
        self._show(sent, total)
        if sent >= total:
            self.close()

    def _show(self, sent: int, total: int) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Stop drawing; safe to call more than once."""

    def __enter__(self) -> _Bar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class TqdmProgress(_Bar):
    """A tqdm byte-counting bar as a ``progress(bytes_sent, total)`` callback."""

    def __init__(self, description: str | None = None, **tqdm_kwargs: Any) -> None:
        module = _require("tqdm", "tqdm_progress()", "pip install tqdm")
        self._tqdm: Any = module.tqdm
        self._description = description
        self._kwargs = tqdm_kwargs
        self._bar: Any = None
        self._closed = False

    @property
    def bar(self) -> Any:
        """The underlying ``tqdm`` object, once the first progress call created it."""
        return self._bar

    def _show(self, sent: int, total: int) -> None:
        if self._closed:
            return
        if self._bar is None:
            options: dict[str, Any] = {
                "unit": "B",
                "unit_scale": True,
                "unit_divisor": 1024,
                "desc": self._description,
            }
            self._bar = self._tqdm(total=total, **{**options, **self._kwargs})
        self._bar.update(sent - self._bar.n)

    def close(self) -> None:
        """Close the bar (it stays on screen unless ``leave=False`` was passed)."""
        if self._bar is not None and not self._closed:
            self._bar.close()
        self._closed = True

    def __enter__(self) -> TqdmProgress:
        return self


class RichProgress(_Bar):
    """A rich bar (size, speed, time left) as a ``progress(bytes_sent, total)`` callback."""

    def __init__(
        self, description: str = "Uploading", *, console: Any = None, transient: bool = False
    ) -> None:
        module = _require("rich.progress", "rich_progress()", "pip install 'contentgroove[cli]'")
        self._progress: Any = module.Progress(
            module.TextColumn("[progress.description]{task.description}"),
            module.BarColumn(),
            module.DownloadColumn(binary_units=True),
            module.TransferSpeedColumn(),
            module.TimeRemainingColumn(),
            console=console,
            transient=transient,
        )
        self._description = description
        self._task: Any = None
        self._closed = False

    @property
    def progress(self) -> Any:
        """The underlying ``rich.progress.Progress``."""
        return self._progress

    def _show(self, sent: int, total: int) -> None:
        if self._closed:
            return
        if self._task is None:
            self._progress.start()
            self._task = self._progress.add_task(self._description, total=total)
        self._progress.update(self._task, completed=sent)

    def close(self) -> None:
        """Stop the live display."""
        if self._task is not None and not self._closed:
            self._progress.stop()
        self._closed = True

    def __enter__(self) -> RichProgress:
        return self


def tqdm_progress(description: str | None = None, **tqdm_kwargs: Any) -> TqdmProgress:
    """A tqdm bar for ``progress=``; ``tqdm_kwargs`` go to ``tqdm()`` (e.g. ``file=``, ``leave=``).

    Raises :class:`ModuleNotFoundError` naming the package when tqdm is not installed.
    """
    return TqdmProgress(description, **tqdm_kwargs)


def rich_progress(
    description: str = "Uploading", *, console: Any = None, transient: bool = False
) -> RichProgress:
    """A rich bar for ``progress=``, drawn on ``console`` (default: rich's console).

    Raises :class:`ModuleNotFoundError` naming the ``cli`` extra when rich is not installed.
    """
    return RichProgress(description, console=console, transient=transient)
