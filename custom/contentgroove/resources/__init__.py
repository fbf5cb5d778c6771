"""One module per API resource, reachable as attributes of :class:`contentgroove.ContentGroove`.

Each resource module is imported when first used (PEP 562), as the client does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clips import Clips
    from .medias import Medias
    from .uploads import Uploads
    from .webhook_subscriptions import WebhookSubscriptions

_LAZY: dict[str, str] = {
    "Clips": ".clips",
    "Medias": ".medias",
    "Uploads": ".uploads",
    "WebhookSubscriptions": ".webhook_subscriptions",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = ["Clips", "Medias", "Uploads", "WebhookSubscriptions"]
