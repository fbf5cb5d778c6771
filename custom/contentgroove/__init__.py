"""contentgroove: the async Python SDK for the ContentGroove video-AI API.

>>> from contentgroove import ContentGroove
>>> async with ContentGroove() as cg:  # doctest: +SKIP
...     media = await cg.medias.get("f98fae60-8086-41d5-8966-36698bf13de0")
"""

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
from ._version import __version__

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
