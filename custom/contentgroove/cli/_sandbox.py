"""``contentgroove sandbox``: serve the in-memory ContentGroove sandbox."""

from __future__ import annotations

import argparse
import signal
import socket
from collections.abc import Sequence
from types import FrameType

from ._parser import Commands, UsageError

__all__ = ["check_port_free", "register", "run_sandbox"]


def check_port_free(host: str, port: int) -> None:
    """Raise :class:`UsageError` when nothing can listen on ``host:port``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise UsageError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}; choose another --port"
            ) from None


def run_sandbox(argv: Sequence[str]) -> int:
    """Check the sandbox options, then serve until interrupted."""
    try:
        from ..sandbox import __main__ as sandbox_cli
    except ImportError as exc:
        raise UsageError(str(exc)) from None
    parser = sandbox_cli.build_parser()
    parser.prog = "contentgroove sandbox"
    parser.exit_on_error = False
    try:
        options, unknown = parser.parse_known_args(list(argv))
    except argparse.ArgumentError as exc:
        raise UsageError(f"{exc} (see 'contentgroove sandbox --help')") from None
    if unknown:
        raise UsageError(
            f"unrecognized arguments: {' '.join(unknown)} (see 'contentgroove sandbox --help')"
        )
    check_port_free(options.host, options.port)
    # The server stops gracefully on Ctrl-C and then re-raises SIGINT, which lands here, so
    # the command can exit 130 like every other interrupted command.
    interrupted: list[int] = []

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        interrupted.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        status = sandbox_cli.main(list(argv))
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted:
        raise KeyboardInterrupt
    return status


def register(commands: Commands) -> None:
    """Add the ``sandbox`` command: its options are those of ``python -m contentgroove.sandbox``."""
    p = commands.add_parser(
        "sandbox",
        add_help=False,
        help="serve an in-memory ContentGroove API on 127.0.0.1 (API key sk_test_sandbox)",
        description="Serve an in-memory ContentGroove API. Options: --port (default 8765), "
        "--host, --processing-seconds, --api-key, ...; see 'contentgroove sandbox --help'.",
    )
    p.set_defaults(sync_handler=run_sandbox)
