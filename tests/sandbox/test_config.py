"""SandboxConfig and ManualClock reject bad values with messages naming the argument."""

from __future__ import annotations

from typing import Any

import pytest
from contentgroove.sandbox import ManualClock, Sandbox, SandboxConfig, create_app, get_sandbox


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"api_keys": set()}, "api_keys"),
        ({"api_keys": {" padded "}}, "api_keys"),
        ({"processing_seconds": -1}, "processing_seconds"),
        ({"processing_seconds": float("nan")}, "processing_seconds"),
        ({"media_quota": -1}, "media_quota"),
        ({"rate_limit_window": 0}, "rate_limit_window"),
        ({"error_rate": 1.5}, "error_rate"),
        ({"error_status": 700}, "error_status"),
        ({"webhook_retry_delays": (1, -2)}, "webhook_retry_delays"),
        ({"public_base_url": "ftp://x"}, "public_base_url"),
        ({"public_base_url": "http://x/?a=1"}, "public_base_url"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 50, "max_page_size": 10}, "max_page_size"),
    ],
)
def test_bad_values_are_rejected_by_name(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SandboxConfig(**kwargs)


def test_defaults() -> None:
    config = SandboxConfig()

    assert config.api_keys == {"sk_test_sandbox"}
    assert config.processing_seconds == 1.0
    assert config.max_upload_bytes == 5 * 1024**3
    assert config.webhook_max_attempts == 6
    assert config.public_base_url is None


def test_a_single_key_string_is_one_key_and_base_urls_lose_their_trailing_slash() -> None:
    config = SandboxConfig(api_keys="sk_one", public_base_url="http://127.0.0.1:8765/")

    assert config.api_keys == {"sk_one"}
    assert config.public_base_url == "http://127.0.0.1:8765"


def test_the_signing_secret_stays_out_of_repr() -> None:
    assert "hunter2" not in repr(SandboxConfig(signing_secret=b"hunter2"))


def test_manual_clock_moves_only_forward() -> None:
    clock = ManualClock(start=100)

    assert clock.advance(2.5) == 102.5
    assert clock.now() == 102.5
    with pytest.raises(ValueError, match="seconds"):
        clock.advance(-1)


def test_the_app_exposes_its_sandbox() -> None:
    sandbox = Sandbox()

    assert get_sandbox(create_app(sandbox=sandbox)) is sandbox
    assert isinstance(get_sandbox(create_app()), Sandbox)
    with pytest.raises(ValueError, match="not both"):
        create_app(SandboxConfig(), sandbox=sandbox)


def test_seeded_sandboxes_make_the_same_ids() -> None:
    first, second = Sandbox(SandboxConfig(seed=5)), Sandbox(SandboxConfig(seed=5))

    assert first.user_id == second.user_id
    assert first.user_id != Sandbox(SandboxConfig(seed=6)).user_id
