"""``contentgroove webhooks``: subscriptions, and a local receiver that prints events."""

from __future__ import annotations

from . import _subscriptions
from ._parser import Commands, add_common_options

__all__ = ["register"]


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

    for parser in actions.choices.values():
        add_common_options(parser, top_level=False)
