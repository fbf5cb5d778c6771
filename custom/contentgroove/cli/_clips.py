"""``contentgroove clips list|get|create|update|delete``."""

from __future__ import annotations

import argparse

from contentgroove_client.models.sort_order import check_sort_order

from ._context import Context
from ._medias import add_list_options, list_limit
from ._output import clip_table, print_deleted, print_resource, print_resources
from ._parser import Commands, UsageError, add_common_options, parse_filters, seconds

__all__ = ["register"]


async def _list(args: argparse.Namespace, ctx: Context) -> int:
    filters = parse_filters(args.filter)
    if args.media_id is not None:
        filters["media_id_eq"] = args.media_id
    sort = None if args.sort is None else check_sort_order(args.sort)
    async with ctx.client() as cg:
        clips = await cg.clips.list(filter=filters, sort=sort, limit=list_limit(args)).to_list()
    print_resources(ctx, clips, clip_table(clips))
    return 0


async def _get(args: argparse.Namespace, ctx: Context) -> int:
    async with ctx.client() as cg:
        clip = await cg.clips.get(args.clip_id)
    print_resource(ctx, clip)
    return 0


def _check_range(start: float | None, end: float | None) -> None:
    if start is not None and end is not None and end <= start:
        raise UsageError(f"--end ({end:g}) must be greater than --start ({start:g}), in seconds")


async def _create(args: argparse.Namespace, ctx: Context) -> int:
    _check_range(args.start, args.end)
    async with ctx.client() as cg:
        clip = await cg.clips.create(
            media_id=args.media_id, name=args.name, start_time=args.start, end_time=args.end
        )
    print_resource(ctx, clip)
    return 0


async def _update(args: argparse.Namespace, ctx: Context) -> int:
    if args.name is None and args.start is None and args.end is None:
        raise UsageError("clips update needs at least one of --name, --start or --end")
    _check_range(args.start, args.end)
    async with ctx.client() as cg:
        clip = await cg.clips.update(
            args.clip_id, name=args.name, start_time=args.start, end_time=args.end
        )
    print_resource(ctx, clip)
    return 0


async def _delete(args: argparse.Namespace, ctx: Context) -> int:
    async with ctx.client() as cg:
        for clip_id in args.clip_ids:
            await cg.clips.delete(clip_id)
            print_deleted(ctx, "clips", clip_id)
    return 0


def register(commands: Commands) -> None:
    """Add the ``clips`` command group."""
    group = commands.add_parser("clips", help="list, show, cut, change and delete clips")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("list", help="list clips, optionally of one media")
    p.add_argument("--media-id", help="only the clips of this media")
    add_list_options(p)
    p.set_defaults(handler=_list)

    p = actions.add_parser("get", help="show one clip")
    p.add_argument("clip_id", metavar="CLIP_ID")
    p.set_defaults(handler=_get)

    p = actions.add_parser("create", help="cut a clip from a media")
    p.add_argument("--media-id", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--start", type=seconds, required=True, metavar="SECONDS")
    p.add_argument("--end", type=seconds, required=True, metavar="SECONDS")
    p.set_defaults(handler=_create)

    p = actions.add_parser("update", help="rename a clip or move its start/end")
    p.add_argument("clip_id", metavar="CLIP_ID")
    p.add_argument("--name")
    p.add_argument("--start", type=seconds, metavar="SECONDS")
    p.add_argument("--end", type=seconds, metavar="SECONDS")
    p.set_defaults(handler=_update)

    p = actions.add_parser("delete", help="delete clips")
    p.add_argument("clip_ids", metavar="CLIP_ID", nargs="+")
    p.set_defaults(handler=_delete)

    for parser in actions.choices.values():
        add_common_options(parser, top_level=False)
