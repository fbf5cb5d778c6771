"""``cg.uploads``: send local files and streams to ContentGroove."""

from __future__ import annotations

from collections.abc import AsyncIterable, Sequence
from typing import Literal, overload

import anyio
import httpx

from contentgroove_client.api.direct_uploads import create_direct_upload
from contentgroove_client.models.direct_upload_document import DirectUploadDocument

from .._exceptions import UploadSourceError
from .._models import DirectUpload, Media
from .._upload import (
    DEFAULT_CHUNK_SIZE,
    UPLOAD_TIMEOUT,
    PreparedSource,
    ProgressCallback,
    ProgressMark,
    ProgressTotal,
    UploadSource,
    check_chunk_size,
    prepare_source,
    upload_prepared,
)
from ._base import Resource, check_text

__all__ = ["Uploads"]


def _check_concurrency(concurrency: object) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int):
        raise TypeError(f"concurrency must be an int, got {type(concurrency).__name__}")
    if concurrency < 1:
        raise ValueError(f"concurrency must be >= 1, got {concurrency}")
    return concurrency


def _check_timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout:
    if timeout is None:
        return UPLOAD_TIMEOUT
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _optional_text(argument: str, value: str | None) -> str | None:
    return None if value is None else check_text(argument, value)


class Uploads(Resource):
    """Upload files: reserve a presigned URL, stream the bytes there, create the media."""

    async def create(self) -> DirectUpload:
        """Reserve a presigned upload URL (``GET /api/v1/direct_uploads``).

        :meth:`upload_file` does this and the two following steps for you.
        """
        request = create_direct_upload._get_kwargs()
        doc = await self._client._send(
            request, create_direct_upload._build_response, DirectUploadDocument
        )
        return DirectUpload.from_generated(doc.data)

    async def upload_file(
        self,
        source: UploadSource,
        *,
        name: str | None = None,
        description: str | None = None,
        size: int | None = None,
        filename: str | None = None,
        content_type: str | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        progress: ProgressCallback | None = None,
        storage_timeout: httpx.Timeout | float | None = None,
    ) -> Media:
        """Upload a video or audio file and create a media from it.

        ``source`` is a path, a binary file object (read in a worker thread from its current
        position), or an async iterable of bytes with ``size=`` (its total length). The body
        is streamed in ``chunk_size`` pieces with a ``Content-Length``; it is never held in
        memory as a whole. Limit: 5 GB (:data:`~contentgroove._upload.MAX_UPLOAD_SIZE`).

        The media type comes from the file name's extension (``filename=`` overrides the
        name; mp4 recommended) unless ``content_type=`` is given. ``name`` defaults to the
        file's name. ``progress(bytes_sent, total)`` (plain or async) is called as chunks go
        out; it never goes backwards and its last call reports ``total``.

        Failures lose nothing and duplicate nothing: a dropped connection, timeout or 5xx
        from storage re-sends the file from byte 0 (paths and seekable files; not one-shot
        iterables) per the client's retry policy; an expired URL (403) is replaced once; the
        media is created once, only after storage took the whole file. Should that last
        request fail, the error carries a note with the ``upload_id`` to pass to
        ``cg.medias.create(upload_id=...)`` without sending the file again. Cancelling the
        call stops reading the source and closes the connection. ``storage_timeout``
        replaces the storage PUT's timeouts (default
        :data:`~contentgroove._upload.UPLOAD_TIMEOUT`: no limit on the whole transfer).

        Raises :class:`~contentgroove.UploadSourceError` (and its subclasses
        :class:`~contentgroove.FileTooLargeError`,
        :class:`~contentgroove.UnsupportedMediaTypeError`) before any request for unusable
        input, :class:`~contentgroove.StorageError` when storage fails, and the usual API
        errors for the other two steps.

        ::

            media = await cg.uploads.upload_file("talk.mp4", name="Talk")
        """
        _optional_text("name", name)
        _optional_text("description", description)
        chunk = check_chunk_size(chunk_size)
        upload_timeout = _check_timeout(storage_timeout)
        prepared = await prepare_source(
            source, size=size, filename=filename, content_type=content_type
        )
        return await upload_prepared(
            self._client,
            prepared,
            name=name if name is not None else prepared.filename,
            description=description,
            chunk_size=chunk,
            progress=ProgressMark(ProgressTotal(progress, prepared.size)),
            timeouts=upload_timeout,
        )

    @overload
    async def upload_many(
        self,
        sources: Sequence[UploadSource],
        *,
        concurrency: int = ...,
        return_exceptions: Literal[False] = ...,
        description: str | None = ...,
        content_type: str | None = ...,
        chunk_size: int = ...,
        progress: ProgressCallback | None = ...,
        storage_timeout: httpx.Timeout | float | None = ...,
    ) -> list[Media]: ...

    @overload
    async def upload_many(
        self,
        sources: Sequence[UploadSource],
        *,
        concurrency: int = ...,
        return_exceptions: Literal[True],
        description: str | None = ...,
        content_type: str | None = ...,
        chunk_size: int = ...,
        progress: ProgressCallback | None = ...,
        storage_timeout: httpx.Timeout | float | None = ...,
    ) -> list[Media | Exception]: ...

    async def upload_many(
        self,
        sources: Sequence[UploadSource],
        *,
        concurrency: int = 4,
        return_exceptions: bool = False,
        description: str | None = None,
        content_type: str | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        progress: ProgressCallback | None = None,
        storage_timeout: httpx.Timeout | float | None = None,
    ) -> list[Media] | list[Media | Exception]:
        """Upload several files, at most ``concurrency`` at a time; results in input order.

        Each source is a path or a file object whose size can be found (see
        :meth:`upload_file`); each media is named after its file. Every source is checked
        before the first request. ``progress(bytes_sent, total)`` reports the sum over all
        files.

        By default the first failure cancels the other uploads and is raised (uploads that
        had already finished keep their medias). With ``return_exceptions=True`` every source
        is attempted and its exception (including a failed check) takes its place in the
        result list.
        """
        if isinstance(sources, str | bytes) or not isinstance(sources, Sequence):
            raise TypeError(
                "sources must be a list of paths or file objects, got "
                f"{type(sources).__name__}; for one file use upload_file()"
            )
        limit = _check_concurrency(concurrency)
        _optional_text("description", description)
        chunk = check_chunk_size(chunk_size)
        upload_timeout = _check_timeout(storage_timeout)
        prepared: list[PreparedSource | Exception] = []
        for source in sources:
            try:
                if isinstance(source, AsyncIterable):
                    raise UploadSourceError(
                        "upload_many takes paths and file objects; send an async iterable "
                        "with upload_file(iterable, size=..., filename=...)"
                    )
                prepared.append(await prepare_source(source, content_type=content_type))
            except Exception as exc:
                if not return_exceptions:
                    raise
                prepared.append(exc)

        total = ProgressTotal(
            progress, sum(p.size for p in prepared if isinstance(p, PreparedSource))
        )
        results: list[Media | Exception | None] = [None] * len(prepared)
        first_error: list[Exception] = []
        limiter = anyio.CapacityLimiter(limit)

        async def run_one(index: int, item: PreparedSource, scope: anyio.CancelScope) -> None:
            async with limiter:
                try:
                    results[index] = await upload_prepared(
                        self._client,
                        item,
                        name=item.filename,
                        description=description,
                        chunk_size=chunk,
                        progress=ProgressMark(total),
                        timeouts=upload_timeout,
                    )
                except Exception as exc:
                    if return_exceptions:
                        results[index] = exc
                    elif not first_error:
                        first_error.append(exc)
                        scope.cancel()

        async with anyio.create_task_group() as tg:
            for index, item in enumerate(prepared):
                if isinstance(item, PreparedSource):
                    tg.start_soon(run_one, index, item, tg.cancel_scope)
                else:
                    results[index] = item
        if first_error:
            raise first_error[0]
        if return_exceptions:
            return [r for r in results if r is not None]
        return [r for r in results if isinstance(r, Media)]
