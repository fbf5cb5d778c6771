"""One module per API resource, reachable as attributes of :class:`contentgroove.ContentGroove`."""

from .clips import Clips
from .medias import Medias
from .uploads import Uploads
from .webhook_subscriptions import WebhookSubscriptions

__all__ = ["Clips", "Medias", "Uploads", "WebhookSubscriptions"]
