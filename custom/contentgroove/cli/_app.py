"""The ``contentgroove`` command: parsing, dispatch, and turning failures into one line."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

import anyio

from .._client import DEFAULT_BASE_URL
from .._exceptions import (
    APIConnectionError,
    AuthenticationError,
    ConfigurationError,
    ContentGrooveError,
    UnsupportedMediaTypeError,
    UploadSourceError,
)
from .._version import __version__
from . import _clips, _medias, _sandbox, _uploads, _webhooks
from ._context import Context
from ._parser import Handler, Parser, UsageError, add_common_options

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> Parser:
    """The full ``contentgroove`` argument parser."""
    parser = Parser(
        prog="contentgroove",
        description="Command line client for the ContentGroove video-AI API.",
        epilog="The API key is read from $CONTENTGROOVE_API_KEY, the API URL from "
        "$CONTENTGROOVE_BASE_URL. Run 'contentgroove COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"contentgroove {__version__}")
    add_common_options(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _uploads.register(commands)
    _medias.register(commands)
    _clips.register(commands)
    _webhooks.register(commands)
    _sandbox.register(commands)
    return parser


def _leaf(exc: BaseException) -> BaseException:
    """The first non-group exception inside (nested) exception groups."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        interrupts = [e for e in exc.exceptions if isinstance(e, KeyboardInterrupt)]
        exc = interrupts[0] if interrupts else exc.exceptions[0]
    return exc


def _keys(argv: Sequence[str]) -> list[str]:
    """Every API key this invocation may know: the environment's and ``--api-key``'s."""
    keys = [os.environ.get("CONTENTGROOVE_API_KEY", "")]
    for i, arg in enumerate(argv):
        if arg == "--api-key" and i + 1 < len(argv):
            keys.append(argv[i + 1])
        elif arg.startswith("--api-key="):
            keys.append(arg.partition("=")[2])
    return sorted({k.strip() for k in keys if k.strip()}, key=len, reverse=True)


def _one_line(text: str, secrets: Sequence[str]) -> str:
    line = " ".join(text.split())
    for secret in secrets:
        line = line.replace(secret, "<redacted>")
    return line


def _describe(exc: BaseException, ctx: Context | None) -> tuple[str, int]:
    """The message and exit status for a failure."""
    if isinstance(exc, UnsupportedMediaTypeError):
        return f"{exc} (command line: --content-type TYPE)", EXIT_USAGE
    if isinstance(exc, UsageError | ConfigurationError | UploadSourceError):
        return str(exc), EXIT_USAGE
    if isinstance(exc, AuthenticationError):
        return f"{exc} (check CONTENTGROOVE_API_KEY or --api-key)", EXIT_API_ERROR
    if isinstance(exc, APIConnectionError):
        where = ctx.base_url if ctx and ctx.base_url else DEFAULT_BASE_URL
        return f"{exc} (API at {where}; check CONTENTGROOVE_BASE_URL or --base-url)", EXIT_API_ERROR
    if isinstance(exc, ContentGrooveError):
        return str(exc), EXIT_API_ERROR
    if isinstance(exc, ValueError | TypeError):
        return str(exc), EXIT_USAGE
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}{where}", EXIT_USAGE
    return f"unexpected {type(exc).__name__}: {exc}", EXIT_API_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``contentgroove`` command line; returns the process exit status.

    0 on success, 1 when the API or the network failed, 2 for a wrong command line or local
    input, 130 when interrupted. Failures are printed as a single ``error: ...`` line on
    standard error; the API key is never printed.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    ctx: Context | None = None
    try:
        parser = build_parser()
        args, extra = parser.parse_known_args(args_list)
        sync_handler: Callable[[list[str]], int] | None = getattr(args, "sync_handler", None)
        if sync_handler is not None:
            return sync_handler(extra)
        if extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        ctx = Context.create(api_key=args.api_key, base_url=args.base_url, json=args.json)
        handler: Handler = args.handler
        return anyio.run(handler, args, ctx, backend="asyncio")
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `contentgroove medias list --json | head -1`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_API_ERROR
    except SystemExit as exc:  # --help and --version
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or EXIT_OK
        return EXIT_API_ERROR
    except BaseException as exc:
        leaf = _leaf(exc)
        if isinstance(leaf, KeyboardInterrupt):
            return EXIT_INTERRUPTED
        if not isinstance(leaf, Exception):
            raise
        message, status = _describe(leaf, ctx)
        print(f"error: {_one_line(message, _keys(args_list))}", file=sys.stderr)
        return status
