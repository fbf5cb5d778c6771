"""Rendering of SDK resources as rich tables or as JSON."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from typing import Any, Protocol

import attrs
from rich.table import Table
from rich.text import Text

from .._models import Clip, Media, WebhookSubscription
from ._context import Context

__all__ = [
    "clip_table",
    "details_text",
    "format_seconds",
    "media_status",
    "media_table",
    "print_deleted",
    "print_json",
    "print_resource",
    "print_resources",
    "raw_dict",
    "subscription_table",
]


class _HasRaw(Protocol):
    @property
    def raw(self) -> Any: ...


def print_json(ctx: Context, data: object) -> None:
    """Print ``data`` as indented JSON on standard output (no markup, no wrapping)."""
    ctx.out.file.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    ctx.out.file.flush()


def raw_dict(resource: _HasRaw) -> dict[str, Any]:
    """The JSON:API resource an SDK view was built from, as plain JSON data."""
    result: dict[str, Any] = resource.raw.to_dict()
    return result


def print_resources(ctx: Context, resources: Sequence[_HasRaw], table: Table) -> None:
    """Print a list: a JSON array of the raw resources with ``--json``, else ``table``."""
    if ctx.json:
        print_json(ctx, [raw_dict(r) for r in resources])
    elif resources:
        ctx.out.print(table)
    else:
        ctx.err.print("No results.")


_SINGULAR = {"medias": "media", "clips": "clip", "webhook_subscriptions": "webhook subscription"}


def print_deleted(ctx: Context, kind: str, resource_id: str) -> None:
    """Report a deletion: ``{"type": ..., "id": ..., "deleted": true}`` with ``--json``."""
    if ctx.json:
        print_json(ctx, {"type": kind, "id": resource_id, "deleted": True})
    else:
        ctx.out.print(f"Deleted {_SINGULAR.get(kind, kind)} {resource_id}")


def format_seconds(value: float | None) -> str:
    """``83.5`` as ``1:23.5``; ``None`` as an empty cell."""
    if value is None:
        return ""
    minutes, secs = divmod(value, 60)
    hours, minutes = divmod(int(minutes), 60)
    text = f"{minutes:d}:{secs:04.1f}"
    return f"{hours:d}:{minutes:02d}:{secs:04.1f}" if hours else text


def _when(value: datetime.datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def media_status(media: Media) -> str:
    """``failed``, ``processing``, ``processed`` or ``pending`` (processing not started)."""
    if media.has_fetch_error:
        return "failed"
    if media.is_processing is None:
        return "pending"
    return "processing" if media.is_processing else "processed"


_FLEXIBLE_COLUMNS = frozenset({"NAME", "URL"})


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A borderless table; on a narrow terminal only names and URLs are cut (ending in "…")."""
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for i, name in enumerate(columns):
        if name in _FLEXIBLE_COLUMNS:
            table.add_column(name, overflow="ellipsis", no_wrap=True, min_width=8)
        else:
            widest = max((len(row[i]) for row in rows), default=0)
            table.add_column(name, no_wrap=True, min_width=max(widest, len(name)))
    for row in rows:
        table.add_row(*row)
    return table


def media_table(medias: Sequence[Media]) -> Table:
    """One row per media: id, name, status, duration, creation time."""
    rows = [
        (m.id, m.name or "", media_status(m), format_seconds(m.duration), _when(m.created_at))
        for m in medias
    ]
    return _table(("ID", "NAME", "STATUS", "DURATION", "CREATED"), rows)


def _excerpt(text: str | None, width: int = 60) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def clip_table(clips: Sequence[Clip]) -> Table:
    """One row per clip: id, rank, start, end, name (or text excerpt), and its media.

    The media column is left out when every clip belongs to the same media.
    """
    columns: tuple[str, ...] = ("ID", "RANK", "START", "END", "NAME")
    rows: list[tuple[str, ...]] = [
        (
            c.id,
            "" if c.rank is None else str(c.rank),
            format_seconds(c.start_time),
            format_seconds(c.end_time),
            _excerpt(c.name or c.text),
        )
        for c in clips
    ]
    if len({c.media_id for c in clips}) > 1:
        columns += ("MEDIA",)
        rows = [(*row, c.media_id or "") for row, c in zip(rows, clips, strict=True)]
    return _table(columns, rows)


def subscription_table(subscriptions: Sequence[WebhookSubscription]) -> Table:
    """One row per webhook subscription: id, URL, events, active."""
    rows = [
        (
            s.id,
            s.url or "",
            ",".join(s.subscribed_events),
            "" if s.active is None else ("yes" if s.active else "no"),
        )
        for s in subscriptions
    ]
    return _table(("ID", "URL", "EVENTS", "ACTIVE"), rows)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def details_text(resource: Media | Clip | WebhookSubscription) -> Text:
    """Every field of one resource, one ``name  value`` line per field."""
    rows = [
        (field.name, _cell(getattr(resource, field.name)))
        for field in attrs.fields(type(resource))
        if field.name != "raw"
    ]
    if isinstance(resource, Media):
        rows.append(("status", media_status(resource)))
    width = max(len(name) for name, _ in rows)
    text = Text()
    for name, value in rows:
        text.append(f"{name:<{width}}", style="bold")
        text.append(f"  {value}\n" if value else "\n")
    text.rstrip()
    return text


def print_resource(ctx: Context, resource: Media | Clip | WebhookSubscription) -> None:
    """Print one resource: its raw JSON:API object with ``--json``, else a field table."""
    if ctx.json:
        print_json(ctx, raw_dict(resource))
    else:
        ctx.out.print(details_text(resource))
