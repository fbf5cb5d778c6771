"""What every command gets: the connection settings, the output mode and the consoles."""

from __future__ import annotations

import os
import sys

import attrs
from rich.console import Console

from .._client import ContentGroove
from ._parser import UsageError

__all__ = ["Context"]


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
            out=Console(file=sys.stdout, highlight=False, soft_wrap=False),
            err=Console(file=sys.stderr, highlight=False, soft_wrap=False),
        )

    def client(self) -> ContentGroove:
        """A client for the configured API; a missing key is a usage error."""
        if self.api_key is None:
            raise UsageError(
                "no API key: set the CONTENTGROOVE_API_KEY environment variable "
                "(or pass --api-key KEY)"
            )
        return ContentGroove(self.api_key, base_url=self.base_url)
