"""Argument parsing: an argparse parser that reports mistakes instead of exiting."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, NoReturn, TypeAlias

if TYPE_CHECKING:
    from ._context import Context

__all__ = [
    "Commands",
    "Handler",
    "Parser",
    "UsageError",
    "add_common_options",
    "parse_filters",
    "positive_int",
    "seconds",
]

Commands: TypeAlias = "argparse._SubParsersAction[Parser]"
"""Where command groups register their subcommands."""

Handler = Callable[[argparse.Namespace, "Context"], Awaitable[int]]
"""A command: reads its parsed arguments, talks to the API, prints, returns the exit status."""


class UsageError(Exception):
    """The command line or a local input is wrong; reported as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors become :class:`UsageError` instead of ``sys.exit``.

    The caller prints them as a single ``error: ...`` line naming the command to get help on.
    """

    def error(self, message: str) -> NoReturn:
        """Raise :class:`UsageError` with the message and a pointer to ``--help``."""
        if message.endswith("expected one argument"):
            message += " (a value starting with '-' needs '=', e.g. --sort=-created_at)"
        raise UsageError(f"{message} (see '{self.prog} --help')")


def add_common_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """Add ``--api-key``, ``--base-url`` and ``--json``, accepted before or after the command.

    Below the top level the defaults are suppressed so a value given before the command is
    not overwritten by the subcommand's default.
    """
    default: object = None if top_level else argparse.SUPPRESS
    group = parser.add_argument_group("connection and output")
    group.add_argument(
        "--api-key",
        default=default,
        metavar="KEY",
        help="API key (default: $CONTENTGROOVE_API_KEY; prefer the variable, "
        "command lines are visible to other users)",
    )
    group.add_argument(
        "--base-url",
        default=default,
        metavar="URL",
        help="API base URL (default: $CONTENTGROOVE_BASE_URL or https://api.contentgroove.com)",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="print the raw JSON:API resources as JSON instead of tables",
    )


def positive_int(text: str) -> int:
    """Argparse type: an integer >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def seconds(text: str) -> float:
    """Argparse type: a number of seconds >= 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} must be a finite number of seconds >= 0")
    return value


_LIST_SUFFIXES = ("_in", "_any", "_all")


def parse_filters(items: Sequence[str] | None) -> dict[str, str | list[str]]:
    """Turn repeated ``--filter KEY=VALUE`` into the SDK's filter mapping.

    Matchers taking several values (``id_in``, ``name_cont_any``, ...) split the value on commas.
    """
    filters: dict[str, str | list[str]] = {}
    for item in items or ():
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(
                f"--filter {item!r} is not KEY=VALUE; write e.g. --filter name_cont=chimp"
            )
        filters[key] = value.split(",") if key.endswith(_LIST_SUFFIXES) else value
    return filters
