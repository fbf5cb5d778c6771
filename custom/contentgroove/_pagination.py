"""Auto-paginating async iterators over list endpoints."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Generic, TypeVar

import attrs
import httpx

from contentgroove_client.models.links import Links
from contentgroove_client.types import Unset

__all__ = ["AsyncPaginator", "Page"]

T = TypeVar("T")

#: Page size sent when the caller does not choose one; always sent so a short page is reliable.
DEFAULT_PAGE_SIZE = 50


@attrs.frozen(kw_only=True)
class Page(Generic[T]):
    """One page of results: its items, its number and size, and the document's links."""

    items: tuple[T, ...]
    number: int
    size: int
    links: Links | None

    @property
    def next_number(self) -> int | None:
        """The next page's number: from ``links.next`` when present, else +1 after a full page."""
        next_link = None if self.links is None else self.links.next_
        if isinstance(next_link, str) and next_link:
            raw = httpx.URL(next_link).params.get("page[number]")
            if raw is not None and raw.isdigit() and int(raw) > self.number:
                return int(raw)
            return self.number + 1
        if len(self.items) >= self.size > 0:
            return self.number + 1
        return None


FetchPage = Callable[[int, int], Awaitable[tuple[Sequence[T], Links | Unset]]]


class AsyncPaginator(Generic[T]):
    """``async for item in paginator`` walks every page; ``paginator.pages()`` yields pages.

    Pages are fetched lazily, one at a time. ``limit`` stops after that many items.
    """

    def __init__(self, fetch: FetchPage[T], *, page_size: int | None, limit: int | None) -> None:
        if page_size is not None and (not isinstance(page_size, int) or page_size < 1):
            raise ValueError(f"page_size must be a positive int, got {page_size!r}")
        if limit is not None and (not isinstance(limit, int) or limit < 0):
            raise ValueError(f"limit must be a non-negative int or None, got {limit!r}")
        self._fetch = fetch
        self._page_size = page_size or DEFAULT_PAGE_SIZE
        self._limit = limit

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Yield whole pages until the last one (or until ``limit`` items were yielded)."""
        number: int | None = 1
        remaining = self._limit
        seen_first: object = None
        while number is not None and (remaining is None or remaining > 0):
            items, links = await self._fetch(number, self._page_size)
            page = Page(
                items=tuple(items if remaining is None else items[:remaining]),
                number=number,
                size=self._page_size,
                links=None if isinstance(links, Unset) else links,
            )
            if not items:
                return
            # A server ignoring page[number] would repeat the first page forever.
            first = getattr(items[0], "id", items[0])
            if first == seen_first:
                return
            seen_first = first
            yield page
            if remaining is not None:
                remaining -= len(page.items)
            number = Page(
                items=tuple(items), number=number, size=self._page_size, links=page.links
            ).next_number

    async def __aiter__(self) -> AsyncIterator[T]:
        """Yield every item of every page."""
        async for page in self.pages():
            for item in page.items:
                yield item

    async def to_list(self) -> list[T]:
        """Collect every item (mind ``limit`` for large collections)."""
        return [item async for item in self]
