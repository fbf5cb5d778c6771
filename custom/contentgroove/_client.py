"""The :class:`ContentGroove` client: configuration, connection pool, retries and errors."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs
import httpx

from contentgroove_client import Client as _GeneratedClient
from contentgroove_client.types import Response as _GeneratedResponse

from ._auth import AUTH_MODES, APIKeyAuth, AuthMode, redact_logged_query_keys
from ._events import ProcessingNotifier
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ConfigurationError,
    redact,
    request_path,
    status_error,
)
from ._retry import RetryPolicy, parse_retry_after
from ._version import __version__

if TYPE_CHECKING:
    from .resources.clips import Clips
    from .resources.medias import Medias
    from .resources.uploads import Uploads
    from .resources.webhook_subscriptions import WebhookSubscriptions

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_LIMITS", "DEFAULT_TIMEOUT", "ContentGroove"]

log = logging.getLogger("contentgroove")

DEFAULT_BASE_URL = "https://api.contentgroove.com"
#: Connect quickly or fail; allow slow responses (large lists) and slow writes.
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=30.0)
#: Keep enough idle connections for the SDK's own concurrency (wait_all, upload_many, 32+).
DEFAULT_LIMITS = httpx.Limits(max_connections=128, max_keepalive_connections=64)

_T = TypeVar("_T")
_UNSET: Any = object()
_RESOURCES = ("medias", "clips", "uploads", "webhook_subscriptions")


def _user_agent() -> str:
    return f"contentgroove-python/{__version__} httpx/{httpx.__version__}"


def _check_base_url(base_url: str) -> httpx.URL:
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError(f"base_url {base_url!r} is not a valid URL: {exc}") from None
    if url.scheme not in ("http", "https") or not url.host or url.query or url.fragment:
        raise ConfigurationError(
            f"base_url {base_url!r} must be an absolute http(s) URL without query or fragment, "
            "e.g. 'https://api.contentgroove.com'"
        )
    return url


def _check_api_key(api_key: object) -> str:
    if api_key is not None and not isinstance(api_key, str):
        raise ConfigurationError(f"api_key must be a str, got {type(api_key).__name__}")
    key = (api_key or "").strip()
    if not key:
        raise ConfigurationError(
            "No API key: pass api_key=... or set the CONTENTGROOVE_API_KEY environment "
            "variable (create a key at https://app.contentgroove.com/api_keys)"
        )
    if not key.isascii() or not key.isprintable() or any(c.isspace() for c in key):
        # Never echo the value: it is (almost) a key.
        raise ConfigurationError(
            "api_key contains spaces, control or non-ASCII characters; check the value of "
            "api_key=... or CONTENTGROOVE_API_KEY"
        )
    return key


class ContentGroove:
    """Async client for the ContentGroove API.

    ``api_key`` defaults to ``$CONTENTGROOVE_API_KEY`` and ``base_url`` to
    ``$CONTENTGROOVE_BASE_URL`` or ``https://api.contentgroove.com``. Use it as an async
    context manager, or call :meth:`aclose`, to release its connections::

        async with ContentGroove() as cg:
            media = await cg.medias.get(media_id)
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        auth: AuthMode = "bearer",
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        key = _check_api_key(
            api_key if api_key is not None else os.environ.get("CONTENTGROOVE_API_KEY")
        )
        if auth not in AUTH_MODES:
            raise ConfigurationError(
                f"auth={auth!r} is not supported; use one of {', '.join(map(repr, AUTH_MODES))}"
            )
        base = base_url or os.environ.get("CONTENTGROOVE_BASE_URL") or DEFAULT_BASE_URL
        self._base_url = _check_base_url(base.rstrip("/"))
        # API paths are appended to this as strings: httpx then parses each URL only once.
        self._url_prefix = str(self._base_url).rstrip("/")
        self._auth_mode: AuthMode = auth
        self._auth = APIKeyAuth(key, auth, self._base_url)
        if auth == "query":
            redact_logged_query_keys()
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        policy = retry_policy or RetryPolicy()
        self._retry = policy if max_retries is None else _with_retries(policy, max_retries)
        self._headers = {"User-Agent": _user_agent(), **(default_headers or {})}
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(limits=DEFAULT_LIMITS, timeout=self._timeout)
        self._generated = _GeneratedClient(base_url=str(self._base_url))
        self._generated.set_async_httpx_client(self._http)
        self._notifier = ProcessingNotifier()
        self._closed = False

    # Each resource, and what it alone needs (the pollers, the uploads engine), is imported
    # when first used.

    @cached_property
    def medias(self) -> Medias:
        """Medias: list, get, create, update, delete, and waiting for processing."""
        from .resources.medias import Medias

        return Medias(self)

    @cached_property
    def clips(self) -> Clips:
        """Clips of a media: list, get, create, update, delete."""
        from .resources.clips import Clips

        return Clips(self)

    @cached_property
    def uploads(self) -> Uploads:
        """Direct uploads of local files."""
        from .resources.uploads import Uploads

        return Uploads(self)

    @cached_property
    def webhook_subscriptions(self) -> WebhookSubscriptions:
        """URLs that receive webhook events."""
        from .resources.webhook_subscriptions import WebhookSubscriptions

        return WebhookSubscriptions(self)

    def __repr__(self) -> str:
        return (
            f"ContentGroove(base_url={str(self._base_url)!r}, auth={self._auth_mode!r}, "
            f"max_retries={self._retry.max_retries}, api_key=<redacted>)"
        )

    @property
    def base_url(self) -> httpx.URL:
        """The API's base URL; the API key is only ever sent to this origin."""
        return self._base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """Timeout applied to each API request."""
        return self._timeout

    @property
    def retry_policy(self) -> RetryPolicy:
        """Retry settings applied to each API request."""
        return self._retry

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The shared connection pool (also used for uploads to presigned URLs, without the key)."""
        return self._http

    @property
    def processing_notifier(self) -> ProcessingNotifier:
        """Where webhook receivers report finished medias, so waiting pollers stop at once."""
        return self._notifier

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | float | None = _UNSET,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> ContentGroove:
        """A client with other per-call settings sharing this one's pool and notifier.

        The copy does not own the pool: closing it is a no-op; close the original.
        """
        clone = object.__new__(ContentGroove)
        clone.__dict__.update(self.__dict__)
        if timeout is not _UNSET:
            clone._timeout = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        policy = retry_policy or self._retry
        if max_retries is not None:
            policy = _with_retries(policy, max_retries)
        clone._retry = policy
        clone._owns_http = False
        for resource in _RESOURCES:  # the copy's resources use the copy's settings
            clone.__dict__.pop(resource, None)
        return clone

    async def aclose(self) -> None:
        """Close the connection pool (when this client created it). Safe to call twice."""
        if self._owns_http and not self._closed:
            self._closed = True
            await self._http.aclose()

    async def __aenter__(self) -> ContentGroove:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # -- request execution -------------------------------------------------------------

    @overload
    async def _send(
        self,
        request: dict[str, Any],
        build: Callable[..., _GeneratedResponse[Any]],
        expect: type[_T],
    ) -> _T: ...

    @overload
    async def _send(
        self,
        request: dict[str, Any],
        build: Callable[..., _GeneratedResponse[Any]],
        expect: None,
    ) -> None: ...

    async def _send(
        self,
        request: dict[str, Any],
        build: Callable[..., _GeneratedResponse[Any]],
        expect: type[_T] | None,
    ) -> _T | None:
        """Send a request from a generated ``_get_kwargs``; parse it with its ``_build_response``.

        Retries per the retry policy; raises the typed error for non-2xx statuses.
        """
        response = await self._request_with_retries(request)
        if expect is None:
            return None
        try:
            parsed = build(client=self._generated, response=response).parsed
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise APIResponseValidationError(
                f"{response.request.method} {request_path(response.request)} returned "
                f"{response.status_code} with a body that does not match the API schema: "
                f"{type(exc).__name__}: {exc}",
                response=response,
            ) from None
        if not isinstance(parsed, expect):
            raise APIResponseValidationError(
                f"{response.request.method} {request_path(response.request)} returned "
                f"{response.status_code} without the expected {expect.__name__} body",
                response=response,
            )
        return parsed

    async def _request_with_retries(self, request: dict[str, Any]) -> httpx.Response:
        method = str(request["method"]).upper()
        path = str(request["url"])
        policy = self._retry
        headers = {**self._headers, **request.get("headers", {})}
        kwargs = {k: v for k, v in request.items() if k not in ("method", "url", "headers")}
        attempt = 0
        while True:
            try:
                response = await self._http.request(
                    method,
                    self._url_prefix + path,  # path: percent-encoded by the generated client
                    headers=headers,
                    auth=self._auth,
                    timeout=self._timeout,
                    # A redirect could carry the key to another host; the API never redirects.
                    follow_redirects=False,
                    **kwargs,
                )
            except httpx.TransportError as exc:
                if attempt < policy.max_retries and policy.should_retry_error(method, exc):
                    delay = policy.backoff(attempt)
                    attempt += 1
                    log.debug(
                        "Retrying %s %s in %.2fs (retry %d/%d) after %s",
                        method, path, delay, attempt, policy.max_retries, type(exc).__name__,
                    )  # fmt: skip
                    await policy.sleep(delay)
                    continue
                raise _connection_error(method, path, exc, attempt, self._auth.secrets) from None
            except httpx.RequestError as exc:  # undecodable body, bad request: never retried
                raise _connection_error(method, path, exc, attempt, self._auth.secrets) from None
            if response.is_success:
                return response
            if attempt < policy.max_retries and policy.should_retry_status(
                method, response.status_code
            ):
                delay = policy.delay(attempt, response)
                attempt += 1
                log.debug(
                    "Retrying %s %s in %.2fs (retry %d/%d) after status %d",
                    method, path, delay, attempt, policy.max_retries, response.status_code,
                )  # fmt: skip
                await response.aclose()
                await policy.sleep(delay)
                continue
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            raise status_error(response, retry_after=retry_after)


def _with_retries(policy: RetryPolicy, max_retries: int) -> RetryPolicy:
    if not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError(f"max_retries must be an int >= 0, got {max_retries!r}")
    return attrs.evolve(policy, max_retries=max_retries)


def _connection_error(
    method: str, path: str, exc: httpx.RequestError, retries: int, secrets: list[str]
) -> APIConnectionError:
    after = f" after {retries} retr{'y' if retries == 1 else 'ies'}" if retries else ""
    detail = redact(str(exc), secrets) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{method} {path} timed out{after}: {detail}", request=None)
    return APIConnectionError(f"{method} {path} failed{after}: {detail}", request=None)
