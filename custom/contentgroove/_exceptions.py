"""The SDK's exception hierarchy: everything it raises derives from :class:`ContentGrooveError`."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # imported where needed at run time: the exceptions alone import quickly
    import httpx

    from contentgroove_client.models.error_object import ErrorObject

    from ._models import Clip, Media

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ContentGrooveError",
    "InternalServerError",
    "MediaProcessingError",
    "NotFoundError",
    "ProcessingTimeoutError",
    "QuotaExceededError",
    "RateLimitError",
]


class ContentGrooveError(Exception):
    """Base class of every error raised by the SDK."""


class ConfigurationError(ContentGrooveError, ValueError):
    """The client was configured wrongly (no API key, bad base URL, unknown auth mode)."""


class APIConnectionError(ContentGrooveError):
    """The request did not get a response: DNS, connect, reset, or a broken response."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""


class APIResponseValidationError(ContentGrooveError):
    """A response (or webhook) body that does not match the documented schema.

    ``response`` is the HTTP response when the body came from an API call.
    """

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.response = response


class APIStatusError(ContentGrooveError):
    """The API answered with a non-2xx status.

    ``errors`` holds the parsed JSON:API error objects (generated ``ErrorObject`` models;
    empty when the body was not JSON), ``response`` the raw :class:`httpx.Response`.
    """

    status_code: int

    def __init__(
        self, message: str, *, response: httpx.Response, errors: list[ErrorObject]
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.errors = errors

    @property
    def request(self) -> httpx.Request:
        """The request that got this response."""
        return self.response.request


class BadRequestError(APIStatusError):
    """400: the JSON body could not be parsed or a required header is missing."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class QuotaExceededError(APIStatusError):
    """402: the request would exceed a usage quota of the account."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class RateLimitError(APIStatusError):
    """429: too many requests; ``retry_after`` is the server's advice in seconds, if any."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        errors: list[ErrorObject],
        retry_after: float | None,
    ) -> None:
        super().__init__(message, response=response, errors=errors)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx: the request was valid but the service failed."""


class MediaProcessingError(ContentGrooveError):
    """Processing of a media failed (``has_fetch_error``); ``media`` is its last state."""

    def __init__(self, message: str, *, media: Media) -> None:
        super().__init__(message)
        self.media = media


class ProcessingTimeoutError(ContentGrooveError, TimeoutError):
    """A wait for processing hit its deadline; ``resource`` is the last state observed."""

    def __init__(self, message: str, *, resource: Media | Clip | None) -> None:
        super().__init__(message)
        self.resource = resource


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: QuotaExceededError,
    404: NotFoundError,
    429: RateLimitError,
}


def parse_error_objects(response: httpx.Response) -> list[ErrorObject]:
    """Return the JSON:API ``errors`` of a response, or ``[]`` when the body has none."""
    from contentgroove_client.models.error_response import ErrorResponse

    try:
        return list(ErrorResponse.from_dict(response.json()).errors)
    except Exception:
        return []


REDACTED = "<redacted>"


def redact(text: str, secrets: list[str]) -> str:
    """``text`` with every secret (as is, and percent-encoded) replaced by ``<redacted>``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED).replace(quote(secret, safe=""), REDACTED)
    return text


def request_secrets(request: httpx.Request) -> list[str]:
    """The credentials a request carries (bearer token, ``X-API-KEY``, ``api_key`` param)."""
    secrets = [request.headers.get("X-API-KEY", ""), request.url.params.get("api_key", "")]
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        secrets.append(token.strip())
    return [s for s in secrets if s]


def _describe(errors: list[ErrorObject], response: httpx.Response) -> str:
    from contentgroove_client.types import Unset

    parts: list[str] = []
    for err in errors:
        fields = (err.title, err.detail, err.message)
        text = " - ".join(str(f) for f in fields if f and not isinstance(f, Unset))
        if text:
            parts.append(text)
    if parts:
        return "; ".join(parts)
    # A server may echo the request (URL, headers) in a plain-text error page.
    snippet = redact(response.text, request_secrets(response.request)) if response.content else ""
    return snippet[:200].strip() or response.reason_phrase or "no details"


def request_path(request: httpx.Request) -> str:
    """The path as sent (percent-encoded), without the query string, which may hold the key."""
    return request.url.raw_path.split(b"?", 1)[0].decode("ascii", "replace")


def status_error(response: httpx.Response, *, retry_after: float | None = None) -> APIStatusError:
    """Build the typed error for a non-2xx response (the message never contains the API key)."""
    errors = parse_error_objects(response)
    request = response.request
    message = redact(
        f"{request.method} {request_path(request)} returned {response.status_code}: "
        f"{_describe(errors, response)}",
        request_secrets(request),
    )
    if response.status_code == 429:
        return RateLimitError(message, response=response, errors=errors, retry_after=retry_after)
    cls = _STATUS_CLASSES.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    return cls(message, response=response, errors=errors)


# -- uploads -----------------------------------------------------------------------------

__all__ += [
    "FileTooLargeError",
    "StorageError",
    "UnsupportedMediaTypeError",
    "UploadError",
    "UploadSourceError",
]


class UploadError(ContentGrooveError):
    """Uploading a file to ContentGroove failed; nothing was created from it."""


class UploadSourceError(UploadError, ValueError):
    """The file or stream to upload cannot be used.

    Raised before any request for a missing, unreadable, empty or oversized file, a stream of
    unknown size or an unsupported media type; raised during the upload when the source yields
    more or fewer bytes than its declared size (the partial body is never accepted as a file).
    """


class FileTooLargeError(UploadSourceError):
    """The file is larger than one upload may be; ``size`` and ``limit`` are in bytes."""

    def __init__(self, message: str, *, size: int, limit: int) -> None:
        super().__init__(message)
        self.size = size
        self.limit = limit


class UnsupportedMediaTypeError(UploadSourceError):
    """The file's name does not say which media type it is; ``allowed`` lists the extensions.

    Pass ``content_type=`` to upload it anyway.
    """

    def __init__(self, message: str, *, allowed: tuple[str, ...]) -> None:
        super().__init__(message)
        self.allowed = allowed


class StorageError(UploadError):
    """The storage host refused or lost the upload after the retries the source allowed.

    ``status_code`` is the storage's HTTP status (``None`` when no response arrived) and
    ``retries`` the number of re-sends attempted. No media was created.
    """

    def __init__(self, message: str, *, status_code: int | None, retries: int) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.retries = retries
