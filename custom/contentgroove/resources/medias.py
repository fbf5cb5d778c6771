"""``cg.medias``: videos and audio files."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, cast, overload

import httpx

from contentgroove_client.api.medias import (
    create_media,
    delete_media,
    get_media,
    list_medias,
    update_media,
)
from contentgroove_client.models.links import Links
from contentgroove_client.models.media_create_attributes import MediaCreateAttributes
from contentgroove_client.models.media_create_data import MediaCreateData
from contentgroove_client.models.media_create_request import MediaCreateRequest
from contentgroove_client.models.media_document import MediaDocument
from contentgroove_client.models.media_list_document import MediaListDocument
from contentgroove_client.models.media_update_attributes import MediaUpdateAttributes
from contentgroove_client.models.media_update_data import MediaUpdateData
from contentgroove_client.models.media_update_request import MediaUpdateRequest
from contentgroove_client.models.page_params import PageParams
from contentgroove_client.models.sort_order import SortOrder
from contentgroove_client.types import UNSET, Unset

from .._filters import FilterValue, build_filter
from .._models import Media
from .._pagination import AsyncPaginator
from .._polling import PollingSchedule, ProcessingPoller, start_or_resume
from .._polling import wait_all as _wait_all
from ._base import Resource, check_id, check_text

__all__ = ["Medias"]


def _text_or_unset(argument: str, value: str | None) -> str | Unset:
    return UNSET if value is None else check_text(argument, value)


class Medias(Resource):
    """List, read, create, update and delete medias."""

    def list(
        self,
        *,
        filter: Mapping[str, FilterValue] | None = None,
        sort: SortOrder | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPaginator[Media]:
        """Iterate over medias, fetching pages lazily.

        ``filter`` takes ransack keys such as ``{"name_cont": "chimp"}``; ``sort`` one of
        ``created_at``, ``name``, ``original_created_at`` (``-`` prefix: descending).
        """
        list_filter = build_filter(filter)
        client = self._client

        async def fetch(number: int, size: int) -> tuple[Sequence[Media], Links | Unset]:
            request = list_medias._get_kwargs(
                filter_=list_filter or UNSET,
                page=PageParams(number=number, size=size),
                sort=UNSET if sort is None else sort,
            )
            doc = await client._send(request, list_medias._build_response, MediaListDocument)
            return [Media.from_generated(m) for m in doc.data], doc.links

        return AsyncPaginator(fetch, page_size=page_size, limit=limit)

    async def get(self, media_id: str) -> Media:
        """Fetch one media by id."""
        request = get_media._get_kwargs(check_id("media_id", media_id))
        doc = await self._client._send(request, get_media._build_response, MediaDocument)
        return Media.from_generated(doc.data)

    async def create(
        self,
        *,
        source_url: str | None = None,
        upload_id: str | None = None,
        name: str | None = None,
        description: str | None = None,
    ) -> Media:
        """Create a media from a URL ContentGroove fetches, or from a finished direct upload.

        Exactly one of ``source_url`` and ``upload_id`` is required. The request is sent once:
        a create is never retried after it may have reached the server.
        """
        if (source_url is None) == (upload_id is None):
            raise ValueError(
                "pass exactly one of source_url= (a URL ContentGroove can fetch) or "
                "upload_id= (from cg.uploads.create()); to upload a local file use "
                "cg.uploads.upload_file(path)"
            )
        body = MediaCreateRequest(
            data=MediaCreateData(
                attributes=MediaCreateAttributes(
                    source_url=_text_or_unset("source_url", source_url),
                    upload_id=_text_or_unset("upload_id", upload_id),
                    name=_text_or_unset("name", name),
                    description=_text_or_unset("description", description),
                )
            )
        )
        request = create_media._get_kwargs(body=body)
        doc = await self._client._send(request, create_media._build_response, MediaDocument)
        return Media.from_generated(doc.data)

    async def create_from_url(
        self, url: str, *, name: str | None = None, description: str | None = None
    ) -> Media:
        """Create a media that ContentGroove imports from a public http(s) ``url``."""
        check_text("url", url)
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise ValueError(f"url {url!r} is not a valid URL: {exc}") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise ValueError(
                f"url {url!r} must be an absolute http(s) URL that ContentGroove can fetch; "
                "to send a local file use cg.uploads.upload_file(path)"
            )
        return await self.create(source_url=url, name=name, description=description)

    async def update(
        self, media_id: str, *, name: str | None = None, description: str | None = None
    ) -> Media:
        """Change a media's name and/or description."""
        check_id("media_id", media_id)
        if name is None and description is None:
            raise ValueError("update needs at least one of name= or description=")
        body = MediaUpdateRequest(
            data=MediaUpdateData(
                attributes=MediaUpdateAttributes(
                    name=_text_or_unset("name", name),
                    description=_text_or_unset("description", description),
                )
            )
        )
        request = update_media._get_kwargs(media_id, body=body)
        doc = await self._client._send(request, update_media._build_response, MediaDocument)
        return Media.from_generated(doc.data)

    async def delete(self, media_id: str) -> None:
        """Delete a media and its clips."""
        request = delete_media._get_kwargs(check_id("media_id", media_id))
        await self._client._send(request, delete_media._build_response, None)

    # -- waiting for processing -----------------------------------------------------------

    def poll_processing(
        self,
        media_id: str | None = None,
        *,
        continuation_token: str | None = None,
        schedule: PollingSchedule | None = None,
    ) -> ProcessingPoller[Media]:
        """A poller that waits for a media to finish processing (nothing is sent yet).

        Pass ``media_id``, or ``continuation_token`` from ``poller.continuation_token()`` to
        resume a wait started elsewhere. See :class:`~contentgroove.ProcessingPoller`.
        """
        poller = start_or_resume(
            self._client, "medias", "media_id", media_id, continuation_token, schedule
        )
        return cast(ProcessingPoller[Media], poller)

    async def wait_until_processed(
        self,
        media_id: str,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - measured on the schedule's clock
        schedule: PollingSchedule | None = None,
    ) -> Media:
        """Poll until the media is processed and return it.

        ``timeout`` (seconds) raises :class:`~contentgroove.ProcessingTimeoutError` with the
        last observed state as ``.resource``; the media itself is left untouched.
        A media whose processing failed (``has_fetch_error``) raises
        :class:`~contentgroove.MediaProcessingError`.
        """
        return await self.poll_processing(media_id, schedule=schedule).result(timeout=timeout)

    @overload
    async def wait_all(
        self,
        media_ids: Iterable[str],
        *,
        concurrency: int = ...,
        timeout: float | None = ...,  # noqa: ASYNC109
        return_exceptions: Literal[False] = ...,
        schedule: PollingSchedule | None = ...,
    ) -> builtins.list[Media]: ...

    @overload
    async def wait_all(
        self,
        media_ids: Iterable[str],
        *,
        concurrency: int = ...,
        timeout: float | None = ...,  # noqa: ASYNC109
        return_exceptions: Literal[True],
        schedule: PollingSchedule | None = ...,
    ) -> builtins.list[Media | Exception]: ...

    async def wait_all(
        self,
        media_ids: Iterable[str],
        *,
        concurrency: int = 16,
        timeout: float | None = None,  # noqa: ASYNC109 - one deadline on the schedule's clock
        return_exceptions: bool = False,
        schedule: PollingSchedule | None = None,
    ) -> builtins.list[Media] | builtins.list[Media | Exception]:
        """Wait for many medias at once; results follow the order of ``media_ids``.

        At most ``concurrency`` polls are in flight at once; each media keeps its own
        schedule. With ``return_exceptions=False`` the first failure cancels the other waits
        and is raised; with ``True`` each failure is returned in its media's place.
        """
        return await _wait_all(
            self._client,
            "medias",
            media_ids,
            concurrency=concurrency,
            timeout=timeout,
            return_exceptions=return_exceptions,
            schedule=schedule,
        )
