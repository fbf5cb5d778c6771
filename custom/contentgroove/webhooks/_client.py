"""What the webhook receiver needs from a ContentGroove client."""

from __future__ import annotations

from typing import Protocol

from .._events import ProcessingNotifier
from .._models import Media

__all__ = ["MediaClient", "MediaGetter", "WebhookClient"]


class MediaGetter(Protocol):
    """Reads a media from the API (``client.medias`` of :class:`contentgroove.ContentGroove`)."""

    async def get(self, media_id: str, /) -> Media:
        """Return the media with this id, as the API reports it now."""
        ...


class MediaClient(Protocol):
    """A client whose ``medias.get`` confirms a webhook against the API."""

    @property
    def medias(self) -> MediaGetter:
        """The medias resource."""
        ...


class WebhookClient(MediaClient, Protocol):
    """A client that also wakes in-process pollers when a webhook says processing finished."""

    @property
    def processing_notifier(self) -> ProcessingNotifier:
        """The notifier the client's pollers wait on."""
        ...
