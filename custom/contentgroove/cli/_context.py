"""What every command gets: the connection settings, the output mode and the consoles."""

from __future__ import annotations

import os
import sys
from typing import TextIO

import attrs
from rich.console import Console

from .._client import ContentGroove
from ._parser import UsageError

__all__ = ["Context"]


#: Width of tables written to pipes and files: wide enough that nothing is cut.
PIPE_WIDTH = 512


def _console(stream: TextIO) -> Console:
    """A console on ``stream``; off a terminal, lines are never cut (unless $COLUMNS says so)."""
    interactive = stream.isatty() or "COLUMNS" in os.environ
    # No markup: names, paths and errors are printed exactly as they are, brackets included.
    return Console(
        file=stream,
        markup=False,
        highlight=False,
        soft_wrap=False,
        width=None if interactive else PIPE_WIDTH,
    )


@attrs.define(kw_only=True)
class Context:
    """Global options of one invocation, and where to print.

    ``out`` is standard output (results: tables or JSON); ``err`` is standard error (progress
    bars, notices, errors), so ``--json`` output can be piped while progress stays visible.
    """

    api_key: str | None
    base_url: str | None
    json: bool
    out: Console
    err: Console

    @classmethod
    def create(cls, *, api_key: str | None, base_url: str | None, json: bool) -> Context:
        """Resolve the options against the environment and open consoles on stdout/stderr."""
        key = api_key if api_key is not None else os.environ.get("CONTENTGROOVE_API_KEY")
        return cls(
            api_key=key.strip() if key and key.strip() else None,
            base_url=base_url or os.environ.get("CONTENTGROOVE_BASE_URL") or None,
            json=json,
            out=_console(sys.stdout),
            err=_console(sys.stderr),
        )

    def client(self) -> ContentGroove:
        """A client for the configured API; a missing key is a usage error."""
        if self.api_key is None:
            raise UsageError(
                "no API key: set the CONTENTGROOVE_API_KEY environment variable "
                "(or pass --api-key KEY)"
            )
        return ContentGroove(self.api_key, base_url=self.base_url)
