"""Authenticity of webhook deliveries without signatures: a secret token in the URL.

ContentGroove documents no signature scheme, so a receiver proves that a delivery comes from
the subscription it created by subscribing a URL that ends in an unguessable token and
refusing any other path. Keep the token out of logs: an access log that prints request
paths prints it (turn such logs off for the webhook route, or filter them).
"""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Sequence
from typing import Final
from urllib.parse import urlsplit, urlunsplit

from .._exceptions import ConfigurationError

__all__ = ["check_secret", "new_webhook_secret", "verify_webhook_secret", "webhook_url"]

_MIN_SECRET_LENGTH: Final = 16
_URL_SAFE: Final = re.compile(r"[A-Za-z0-9_-]+", re.ASCII)


def new_webhook_secret() -> str:
    """A new random URL-safe token (256 bits) for :func:`webhook_url`; keep it in your config."""
    return secrets.token_urlsafe(32)


def check_secret(secret: object, *, argument: str = "secret") -> str:
    """Return ``secret`` if it is usable as a webhook token; raise :class:`ConfigurationError`.

    The secret's value never appears in the message.
    """
    if not isinstance(secret, str):
        raise ConfigurationError(
            f"{argument} must be a string token, got {type(secret).__name__}; "
            "generate one with new_webhook_secret()"
        )
    if len(secret) < _MIN_SECRET_LENGTH or not _URL_SAFE.fullmatch(secret):
        raise ConfigurationError(
            f"{argument} must be at least {_MIN_SECRET_LENGTH} URL-safe characters "
            "(A-Z a-z 0-9 - _); generate one with new_webhook_secret()"
        )
    return secret


def webhook_url(base_url: str, secret: str) -> str:
    """The URL to subscribe: ``base_url`` with ``secret`` appended as its final path segment.

    ``webhook_url("https://example.com/contentgroove/webhooks", s)`` gives
    ``"https://example.com/contentgroove/webhooks/<s>"``; a query string is kept after it.
    """
    check_secret(secret)
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(
            "webhook_url(base_url=...) must be an absolute http(s) URL such as "
            f"'https://example.com/contentgroove/webhooks', got {base_url!r}"
        )
    path = f"{parts.path.rstrip('/')}/{secret}"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def verify_webhook_secret(presented: str | None, expected: str | Sequence[str]) -> bool:
    """``True`` when ``presented`` equals the secret (or one of the secrets, while rotating).

    Compares in constant time, so response timing reveals nothing about the secret.
    """
    candidates = (expected,) if isinstance(expected, str) else tuple(expected)
    token = (presented or "").encode("utf-8", "surrogatepass")
    matched = False
    for candidate in candidates:
        # Every candidate is compared, so timing does not tell which one matched.
        matched |= hmac.compare_digest(token, candidate.encode("utf-8", "surrogatepass"))
    return matched and bool(presented)
