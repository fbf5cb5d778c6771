"""``contentgroove webhooks list|create|delete``: webhook subscriptions."""

from __future__ import annotations

import argparse

from ._context import Context
from ._output import print_deleted, print_resource, print_resources, subscription_table

__all__ = ["create", "delete", "list_subscriptions"]


async def list_subscriptions(args: argparse.Namespace, ctx: Context) -> int:
    """Print every webhook subscription."""
    async with ctx.client() as cg:
        subscriptions = await cg.webhook_subscriptions.list().to_list()
    print_resources(ctx, subscriptions, subscription_table(subscriptions))
    return 0


async def create(args: argparse.Namespace, ctx: Context) -> int:
    """Subscribe a URL to events (``--event``, repeatable; every event by default)."""
    async with ctx.client() as cg:
        subscription = await cg.webhook_subscriptions.create(
            url=args.url, subscribed_events=args.event
        )
    print_resource(ctx, subscription)
    return 0


async def delete(args: argparse.Namespace, ctx: Context) -> int:
    """Delete webhook subscriptions by id."""
    async with ctx.client() as cg:
        for subscription_id in args.subscription_ids:
            await cg.webhook_subscriptions.delete(subscription_id)
            print_deleted(ctx, "webhook_subscriptions", subscription_id)
    return 0
