"""URL-token authenticity: new_webhook_secret, webhook_url, verify_webhook_secret."""

from __future__ import annotations

import re

import pytest
from contentgroove._exceptions import ConfigurationError
from contentgroove.webhooks import new_webhook_secret, verify_webhook_secret, webhook_url

from .conftest import SECRET


def test_new_secrets_are_url_safe_256_bit_tokens() -> None:
    secrets = {new_webhook_secret() for _ in range(100)}

    assert len(secrets) == 100
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", s) for s in secrets)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        (
            "https://example.com/contentgroove/webhooks",
            f"https://example.com/contentgroove/webhooks/{SECRET}",
        ),
        (
            "https://example.com/contentgroove/webhooks/",
            f"https://example.com/contentgroove/webhooks/{SECRET}",
        ),
        ("https://example.com", f"https://example.com/{SECRET}"),
        (
            "http://127.0.0.1:8000/hooks?source=cg",
            f"http://127.0.0.1:8000/hooks/{SECRET}?source=cg",
        ),
    ],
)
def test_the_secret_becomes_the_last_path_segment(base: str, expected: str) -> None:
    assert webhook_url(base, SECRET) == expected


@pytest.mark.parametrize(
    "base", ["example.com/hooks", "ftp://example.com/hooks", "https://", "/hooks"]
)
def test_the_base_url_must_be_absolute_http(base: str) -> None:
    with pytest.raises(
        ConfigurationError, match=r"base_url=\.\.\.\) must be an absolute http\(s\) URL"
    ):
        webhook_url(base, SECRET)


@pytest.mark.parametrize(
    "secret", ["short", "x" * 15, "has/slash/in/the/secret", "spaces in the secret!"]
)
def test_a_secret_that_is_short_or_not_url_safe_is_refused_without_echoing_it(secret: str) -> None:
    with pytest.raises(ConfigurationError, match="at least 16 URL-safe characters") as caught:
        webhook_url("https://example.com/hooks", secret)

    assert secret not in str(caught.value)
    assert "new_webhook_secret()" in str(caught.value)


def test_a_secret_must_be_a_string() -> None:
    with pytest.raises(ConfigurationError, match="must be a string token, got bytes"):
        webhook_url("https://example.com/hooks", SECRET.encode())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("presented", "expected", "verdict"),
    [
        (SECRET, SECRET, True),
        (SECRET + "x", SECRET, False),
        (SECRET[:-1], SECRET, False),
        (SECRET.upper(), SECRET, False),
        ("", SECRET, False),
        (None, SECRET, False),
        ("", "", False),
        ("caf\u00e9-not-ascii-at-all", SECRET, False),
        ("\ud800", SECRET, False),
        ("old-secret-old-secret", ["old-secret-old-secret", SECRET], True),
        (SECRET, ["old-secret-old-secret", SECRET], True),
        ("neither-of-them-at-all", ["old-secret-old-secret", SECRET], False),
        (SECRET, [], False),
    ],
)
def test_verify_compares_with_every_accepted_secret(
    presented: str | None, expected: str | list[str], verdict: bool
) -> None:
    assert verify_webhook_secret(presented, expected) is verdict
