"""``contentgroove webhooks``: subscriptions, and a local receiver that prints events."""

from __future__ import annotations

import argparse

from . import _subscriptions
from ._context import Context
from ._parser import Commands, UsageError, add_common_options

__all__ = ["port_number", "register"]


def port_number(text: str) -> int:
    """Argparse type: a TCP port, 0-65535."""
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a TCP port (0-65535)")
    return int(text)


async def _run_listen(args: argparse.Namespace, ctx: Context) -> int:
    """Import the receiver only when listening: it needs the ``cli`` extra's Starlette."""
    try:
        from ._listen import listen
    except ImportError as exc:
        raise UsageError(
            f"webhooks listen needs Starlette and uvicorn ({exc.name} is missing): "
            "pip install 'contentgroove[cli]'"
        ) from None
    return await listen(args, ctx)


def register(commands: Commands) -> None:
    """Add the ``webhooks`` command group."""
    group = commands.add_parser(
        "webhooks", help="manage webhook subscriptions, or receive webhooks locally"
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("list", help="list webhook subscriptions")
    p.set_defaults(handler=_subscriptions.list_subscriptions)

    p = actions.add_parser("create", help="subscribe a URL to webhook events")
    p.add_argument("url", metavar="URL", help="absolute http(s) URL ContentGroove POSTs events to")
    p.add_argument(
        "--event",
        action="append",
        metavar="EVENT",
        help="event to subscribe to, repeatable (default: every event)",
    )
    p.set_defaults(handler=_subscriptions.create)

    p = actions.add_parser("delete", help="delete webhook subscriptions")
    p.add_argument("subscription_ids", metavar="SUBSCRIPTION_ID", nargs="+")
    p.set_defaults(handler=_subscriptions.delete)

    p = actions.add_parser(
        "listen",
        help="receive webhooks on this machine and print each event",
        description="Serve a webhook receiver and print every event it gets. The URL ends "
        "in a secret token; deliveries to any other URL are refused.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument(
        "--port", type=port_number, default=8000, help="TCP port, 0 for any (default: 8000)"
    )
    p.add_argument("--path", default="/webhooks", help="URL path before the token")
    p.add_argument(
        "--secret",
        help="the URL's secret token, 16+ URL-safe characters "
        "(default: $CONTENTGROOVE_WEBHOOK_SECRET, else a new random one)",
    )
    p.add_argument(
        "--subscribe",
        action="store_true",
        help="subscribe the receiver's URL while listening (a subscription created "
        "here is deleted on exit)",
    )
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="with --subscribe: the public base URL forwarding to this receiver (a tunnel)",
    )
    p.add_argument(
        "--event",
        action="append",
        metavar="EVENT",
        help="with --subscribe: event to subscribe to, repeatable "
        "(default: media.processing_finished)",
    )
    p.set_defaults(handler=_run_listen)

    for parser in actions.choices.values():
        add_common_options(parser, top_level=False)
