"""``contentgroove medias list|get|update|wait|delete``."""

from __future__ import annotations

import argparse

from contentgroove_client.models.sort_order import SORT_ORDER_VALUES, check_sort_order

from ._context import Context
from ._output import media_table, print_deleted, print_resource, print_resources
from ._parser import (
    Commands,
    UsageError,
    add_common_options,
    parse_filters,
    positive_int,
    seconds,
)

__all__ = ["add_list_options", "list_limit", "register"]

SORTS = sorted(SORT_ORDER_VALUES, key=lambda s: (s.lstrip("-"), s.startswith("-")))


def add_list_options(parser: argparse.ArgumentParser, *, sortable: bool = True) -> None:
    """``--filter`` (repeatable), ``--sort``, ``--limit`` and ``--all``."""
    parser.add_argument(
        "--filter",
        action="append",
        metavar="KEY=VALUE",
        help="ransack filter, repeatable: --filter name_cont=chimp "
        "--filter created_at_gt=2024-01-01 (id_in and other list matchers take a,b,c)",
    )
    if sortable:
        parser.add_argument(
            "--sort",
            choices=SORTS,
            metavar="FIELD",
            help=f"sort order, one of {', '.join(SORTS)}; write descending as --sort=-name",
        )
    limits = parser.add_mutually_exclusive_group()
    limits.add_argument(
        "--limit", type=positive_int, default=50, help="print at most N items (default: 50)"
    )
    limits.add_argument("--all", action="store_true", help="print every item, page after page")


def list_limit(args: argparse.Namespace) -> int | None:
    """The ``limit=`` for a list call: ``None`` with ``--all``."""
    return None if args.all else int(args.limit)


async def _list(args: argparse.Namespace, ctx: Context) -> int:
    filters = parse_filters(args.filter)
    sort = None if args.sort is None else check_sort_order(args.sort)
    async with ctx.client() as cg:
        medias = await cg.medias.list(filter=filters, sort=sort, limit=list_limit(args)).to_list()
    print_resources(ctx, medias, media_table(medias))
    return 0


async def _get(args: argparse.Namespace, ctx: Context) -> int:
    async with ctx.client() as cg:
        media = await cg.medias.get(args.media_id)
    print_resource(ctx, media)
    return 0


async def _update(args: argparse.Namespace, ctx: Context) -> int:
    if args.name is None and args.description is None:
        raise UsageError("medias update needs --name and/or --description")
    async with ctx.client() as cg:
        media = await cg.medias.update(args.media_id, name=args.name, description=args.description)
    print_resource(ctx, media)
    return 0


async def _wait(args: argparse.Namespace, ctx: Context) -> int:
    async with ctx.client() as cg:
        with ctx.err.status(f"Waiting for {len(args.media_ids)} media(s) to be processed…"):
            medias = await cg.medias.wait_all(args.media_ids, timeout=args.timeout)
    print_resources(ctx, medias, media_table(medias))
    return 0


async def _delete(args: argparse.Namespace, ctx: Context) -> int:
    async with ctx.client() as cg:
        for media_id in args.media_ids:
            await cg.medias.delete(media_id)
            print_deleted(ctx, "medias", media_id)
    return 0


def register(commands: Commands) -> None:
    """Add the ``medias`` command group."""
    group = commands.add_parser("medias", help="list, show, rename, wait for and delete medias")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("list", help="list medias")
    add_list_options(p)
    p.set_defaults(handler=_list)

    p = actions.add_parser("get", help="show one media")
    p.add_argument("media_id", metavar="MEDIA_ID")
    p.set_defaults(handler=_get)

    p = actions.add_parser("update", help="change a media's name or description")
    p.add_argument("media_id", metavar="MEDIA_ID")
    p.add_argument("--name")
    p.add_argument("--description")
    p.set_defaults(handler=_update)

    p = actions.add_parser(
        "wait",
        help="wait until medias are processed (exit 1 if one fails or the timeout passes)",
    )
    p.add_argument("media_ids", metavar="MEDIA_ID", nargs="+")
    p.add_argument(
        "--timeout",
        type=seconds,
        metavar="SECONDS",
        help="give up after this long (default: never)",
    )
    p.set_defaults(handler=_wait)

    p = actions.add_parser("delete", help="delete medias and their clips")
    p.add_argument("media_ids", metavar="MEDIA_ID", nargs="+")
    p.set_defaults(handler=_delete)

    for parser in actions.choices.values():
        add_common_options(parser, top_level=False)
