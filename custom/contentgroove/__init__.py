"""contentgroove: the async Python SDK for the ContentGroove video-AI API.

>>> from contentgroove import ContentGroove
>>> async with ContentGroove() as cg:  # doctest: +SKIP
...     media = await cg.medias.get("f98fae60-8086-41d5-8966-36698bf13de0")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, ContentGroove
    from ._exceptions import (
        APIConnectionError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ContentGrooveError,
        FileTooLargeError,
        InternalServerError,
        MediaProcessingError,
        NotFoundError,
        ProcessingTimeoutError,
        QuotaExceededError,
        RateLimitError,
        StorageError,
        UnsupportedMediaTypeError,
        UploadError,
        UploadSourceError,
    )
    from ._filters import MATCHERS
    from ._models import Clip, DirectUpload, Media, Transcription, WebhookSubscription
    from ._pagination import AsyncPaginator, Page
    from ._polling import PollingSchedule, ProcessingPoller
    from ._retry import RetryPolicy

# Each name is imported from its module when first used (PEP 562): ``import contentgroove``
# is quick, and a program only imports what it uses (the HTTP client, the uploads engine,
# the pollers).
_LAZY: dict[str, str] = {
    "APIConnectionError": "._exceptions",
    "APIResponseValidationError": "._exceptions",
    "APIStatusError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AsyncPaginator": "._pagination",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "Clip": "._models",
    "ConfigurationError": "._exceptions",
    "ContentGroove": "._client",
    "ContentGrooveError": "._exceptions",
    "DEFAULT_BASE_URL": "._client",
    "DEFAULT_TIMEOUT": "._client",
    "DirectUpload": "._models",
    "FileTooLargeError": "._exceptions",
    "InternalServerError": "._exceptions",
    "MATCHERS": "._filters",
    "Media": "._models",
    "MediaProcessingError": "._exceptions",
    "NotFoundError": "._exceptions",
    "Page": "._pagination",
    "PollingSchedule": "._polling",
    "ProcessingPoller": "._polling",
    "ProcessingTimeoutError": "._exceptions",
    "QuotaExceededError": "._exceptions",
    "RateLimitError": "._exceptions",
    "RetryPolicy": "._retry",
    "StorageError": "._exceptions",
    "Transcription": "._models",
    "UnsupportedMediaTypeError": "._exceptions",
    "UploadError": "._exceptions",
    "UploadSourceError": "._exceptions",
    "WebhookSubscription": "._models",
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


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "MATCHERS",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "Clip",
    "ConfigurationError",
    "ContentGroove",
    "ContentGrooveError",
    "DirectUpload",
    "FileTooLargeError",
    "InternalServerError",
    "Media",
    "MediaProcessingError",
    "NotFoundError",
    "Page",
    "PollingSchedule",
    "ProcessingPoller",
    "ProcessingTimeoutError",
    "QuotaExceededError",
    "RateLimitError",
    "RetryPolicy",
    "StorageError",
    "Transcription",
    "UnsupportedMediaTypeError",
    "UploadError",
    "UploadSourceError",
    "WebhookSubscription",
    "__version__",
]
