"""API-key authentication that only ever reaches the API's own origin."""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Literal

import httpx

__all__ = ["AUTH_MODES", "APIKeyAuth", "AuthMode", "redact_logged_query_keys"]

AuthMode = Literal["bearer", "x-api-key", "query"]
AUTH_MODES: tuple[AuthMode, ...] = ("bearer", "x-api-key", "query")


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default_port = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, url.port or default_port)


class _RedactQueryKey(logging.Filter):
    """Masks ``api_key=`` in the URLs httpx logs (``HTTP Request: GET https://...``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and any(_has_query_key(a) for a in args):
            record.args = tuple(_redacted(a) for a in args)
        return True


def _has_query_key(value: object) -> bool:
    return isinstance(value, httpx.URL) and "api_key" in value.params


def _redacted(value: object) -> object:
    if isinstance(value, httpx.URL) and "api_key" in value.params:
        return value.copy_set_param("api_key", "<redacted>")
    return value


_REDACT_QUERY_KEY = _RedactQueryKey()


def redact_logged_query_keys() -> None:
    """Keep ``auth="query"`` keys out of httpx's request log (idempotent)."""
    logger = logging.getLogger("httpx")
    if _REDACT_QUERY_KEY not in logger.filters:
        logger.addFilter(_REDACT_QUERY_KEY)


class APIKeyAuth(httpx.Auth):
    """Adds the API key (header or query) to requests for ``base_url``'s origin, and no other.

    Requests to any other host, such as a presigned upload URL, go out without the key even
    when they share the same connection pool.
    """

    def __init__(self, api_key: str, mode: AuthMode, base_url: httpx.URL) -> None:
        self._api_key = api_key
        self._mode = mode
        self._origin = _origin(base_url)

    def __repr__(self) -> str:
        return f"APIKeyAuth(mode={self._mode!r}, api_key=<redacted>)"

    @property
    def secrets(self) -> list[str]:
        """What must be redacted from messages: the key itself."""
        return [self._api_key]

    def applies_to(self, url: httpx.URL) -> bool:
        """Whether a request to ``url`` carries the key."""
        return _origin(url) == self._origin

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Attach the key when the request targets the API origin."""
        if self.applies_to(request.url):
            if self._mode == "bearer":
                request.headers["Authorization"] = f"Bearer {self._api_key}"
            elif self._mode == "x-api-key":
                request.headers["X-API-KEY"] = self._api_key
            else:
                request.url = request.url.copy_merge_params({"api_key": self._api_key})
        yield request
