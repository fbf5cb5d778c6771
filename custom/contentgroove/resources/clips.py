"""``cg.clips``: excerpts of a media, suggested by ContentGroove or made by hand."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, cast, overload

from contentgroove_client.api.clips import (
    create_clip,
    delete_clip,
    get_clip,
    list_clips,
    update_clip,
)
from contentgroove_client.models.clip_create_attributes import ClipCreateAttributes
from contentgroove_client.models.clip_create_data import ClipCreateData
from contentgroove_client.models.clip_create_request import ClipCreateRequest
from contentgroove_client.models.clip_document import ClipDocument
from contentgroove_client.models.clip_list_document import ClipListDocument
from contentgroove_client.models.clip_update_attributes import ClipUpdateAttributes
from contentgroove_client.models.clip_update_data import ClipUpdateData
from contentgroove_client.models.clip_update_request import ClipUpdateRequest
from contentgroove_client.models.links import Links
from contentgroove_client.models.page_params import PageParams
from contentgroove_client.models.sort_order import SortOrder
from contentgroove_client.types import UNSET, Unset

from .._filters import FilterValue, build_filter
from .._models import Clip
from .._pagination import AsyncPaginator
from .._polling import PollingSchedule, ProcessingPoller, start_or_resume
from .._polling import wait_all as _wait_all
from ._base import Resource, check_id, check_seconds, check_text

__all__ = ["Clips"]


def _check_range(start_time: float | None, end_time: float | None) -> None:
    if start_time is not None and end_time is not None and end_time <= start_time:
        raise ValueError(
            f"end_time ({end_time}) must be greater than start_time ({start_time}); "
            "both are seconds from the start of the media"
        )


class Clips(Resource):
    """List, read, create, update and delete clips."""

    def list(
        self,
        *,
        filter: Mapping[str, FilterValue] | None = None,
        sort: SortOrder | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPaginator[Clip]:
        """Iterate over clips, fetching pages lazily.

        ``filter={"media_id_eq": media_id}`` lists one media's clips.
        """
        list_filter = build_filter(filter)
        client = self._client

        async def fetch(number: int, size: int) -> tuple[Sequence[Clip], Links | Unset]:
            request = list_clips._get_kwargs(
                filter_=list_filter or UNSET,
                page=PageParams(number=number, size=size),
                sort=UNSET if sort is None else sort,
            )
            doc = await client._send(request, list_clips._build_response, ClipListDocument)
            return [Clip.from_generated(c) for c in doc.data], doc.links

        return AsyncPaginator(fetch, page_size=page_size, limit=limit)

    async def get(self, clip_id: str) -> Clip:
        """Fetch one clip by id."""
        request = get_clip._get_kwargs(check_id("clip_id", clip_id))
        doc = await self._client._send(request, get_clip._build_response, ClipDocument)
        return Clip.from_generated(doc.data)

    async def create(self, *, media_id: str, name: str, start_time: float, end_time: float) -> Clip:
        """Cut a new clip from ``start_time`` to ``end_time`` (seconds) of a media."""
        start = check_seconds("start_time", start_time)
        end = check_seconds("end_time", end_time)
        _check_range(start, end)
        body = ClipCreateRequest(
            data=ClipCreateData(
                attributes=ClipCreateAttributes(
                    media_id=check_id("media_id", media_id),
                    name=check_text("name", name),
                    start_time=start,
                    end_time=end,
                )
            )
        )
        request = create_clip._get_kwargs(body=body)
        doc = await self._client._send(request, create_clip._build_response, ClipDocument)
        return Clip.from_generated(doc.data)

    async def update(
        self,
        clip_id: str,
        *,
        name: str | None = None,
        start_time: float | None = None,
        end_time: float | None = None,
    ) -> Clip:
        """Rename a clip or move its start/end times."""
        check_id("clip_id", clip_id)
        if name is None and start_time is None and end_time is None:
            raise ValueError("update needs at least one of name=, start_time= or end_time=")
        start = None if start_time is None else check_seconds("start_time", start_time)
        end = None if end_time is None else check_seconds("end_time", end_time)
        _check_range(start, end)
        body = ClipUpdateRequest(
            data=ClipUpdateData(
                attributes=ClipUpdateAttributes(
                    name=UNSET if name is None else check_text("name", name),
                    start_time=UNSET if start is None else start,
                    end_time=UNSET if end is None else end,
                )
            )
        )
        request = update_clip._get_kwargs(clip_id, body=body)
        doc = await self._client._send(request, update_clip._build_response, ClipDocument)
        return Clip.from_generated(doc.data)

    async def delete(self, clip_id: str) -> None:
        """Delete a clip."""
        request = delete_clip._get_kwargs(check_id("clip_id", clip_id))
        await self._client._send(request, delete_clip._build_response, None)

    # -- waiting for processing -----------------------------------------------------------

    def poll_processing(
        self,
        clip_id: str | None = None,
        *,
        continuation_token: str | None = None,
        schedule: PollingSchedule | None = None,
    ) -> ProcessingPoller[Clip]:
        """A poller that waits for a clip to finish processing (nothing is sent yet).

        Pass ``clip_id``, or ``continuation_token`` from ``poller.continuation_token()`` to
        resume a wait started elsewhere. See :class:`~contentgroove.ProcessingPoller`.
        """
        poller = start_or_resume(
            self._client, "clips", "clip_id", clip_id, continuation_token, schedule
        )
        return cast(ProcessingPoller[Clip], poller)

    async def wait_until_processed(
        self,
        clip_id: str,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - measured on the schedule's clock
        schedule: PollingSchedule | None = None,
    ) -> Clip:
        """Poll until the clip is processed and return it.

        ``timeout`` (seconds) raises :class:`~contentgroove.ProcessingTimeoutError` with the
        last observed state as ``.resource``; the clip itself is left untouched.
        """
        return await self.poll_processing(clip_id, schedule=schedule).result(timeout=timeout)

    @overload
    async def wait_all(
        self,
        clip_ids: Iterable[str],
        *,
        concurrency: int = ...,
        timeout: float | None = ...,  # noqa: ASYNC109
        return_exceptions: Literal[False] = ...,
        schedule: PollingSchedule | None = ...,
    ) -> builtins.list[Clip]: ...

    @overload
    async def wait_all(
        self,
        clip_ids: Iterable[str],
        *,
        concurrency: int = ...,
        timeout: float | None = ...,  # noqa: ASYNC109
        return_exceptions: Literal[True],
        schedule: PollingSchedule | None = ...,
    ) -> builtins.list[Clip | Exception]: ...

    async def wait_all(
        self,
        clip_ids: Iterable[str],
        *,
        concurrency: int = 16,
        timeout: float | None = None,  # noqa: ASYNC109 - one deadline on the schedule's clock
        return_exceptions: bool = False,
        schedule: PollingSchedule | None = None,
    ) -> builtins.list[Clip] | builtins.list[Clip | Exception]:
        """Wait for many clips at once; results follow the order of ``clip_ids``.

        At most ``concurrency`` polls are in flight at once; each clip keeps its own
        schedule. With ``return_exceptions=False`` the first failure cancels the other waits
        and is raised; with ``True`` each failure is returned in its clip's place.
        """
        return await _wait_all(
            self._client,
            "clips",
            clip_ids,
            concurrency=concurrency,
            timeout=timeout,
            return_exceptions=return_exceptions,
            schedule=schedule,
        )
