"""Calling user handlers that may be sync or async."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias

import anyio.to_thread

from ._types import WebhookEvent

__all__ = ["WebhookHandler", "call_handler"]

WebhookHandler: TypeAlias = Callable[[WebhookEvent], Awaitable[Any]] | Callable[[WebhookEvent], Any]
"""A function (sync or ``async``) receiving each event. Sync handlers run in a worker thread."""


def _is_async_callable(obj: object) -> bool:
    while isinstance(obj, functools.partial):
        obj = obj.func
    return inspect.iscoroutinefunction(obj) or inspect.iscoroutinefunction(
        getattr(obj, "__call__", None)  # noqa: B004 - an object with an async __call__
    )


async def call_handler(handler: WebhookHandler, event: WebhookEvent) -> Any:
    """Run ``handler(event)``: awaited when async, in a worker thread when sync."""
    if _is_async_callable(handler):
        return await handler(event)
    result = await anyio.to_thread.run_sync(handler, event)
    if inspect.isawaitable(result):  # a sync callable that returned a coroutine
        return await result
    return result
