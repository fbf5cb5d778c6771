"""Failures: one ``error:`` line on stderr, exit 1 (API) or 2 (usage), never the key."""

from __future__ import annotations

import pytest
from contentgroove.sandbox import ServedSandbox

from tests._servers import free_port

from .conftest import API_KEY, CLI


def test_without_a_key_the_message_says_how_to_set_one(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONTENTGROOVE_API_KEY")

    result = cli("medias", "list")

    assert result.code == 2
    assert result.out == ""
    assert "CONTENTGROOVE_API_KEY" in result.error_line
    assert "--api-key" in result.error_line


def test_a_wrong_key_is_an_api_error_that_does_not_echo_the_key(cli: CLI) -> None:
    wrong = "sk_wrong_4f8a1c"

    result = cli("medias", "list", "--api-key", wrong)

    assert result.code == 1
    assert "401" in result.error_line
    assert "CONTENTGROOVE_API_KEY" in result.error_line
    assert wrong not in result.err


def test_the_key_option_works_before_the_command(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTENTGROOVE_API_KEY")

    result = cli("--api-key", API_KEY, "medias", "list", "--json")

    assert result.code == 0
    assert isinstance(result.json(), list)


def test_an_unreachable_api_names_the_url_to_check(cli: CLI) -> None:
    base_url = f"http://127.0.0.1:{free_port()}"

    result = cli("--base-url", base_url, "webhooks", "list")

    assert result.code == 1
    assert base_url in result.error_line
    assert "CONTENTGROOVE_BASE_URL" in result.error_line


def test_a_base_url_that_is_not_a_url_is_a_usage_error(cli: CLI) -> None:
    result = cli("medias", "list", "--base-url", "api.example.com")

    assert result.code == 2
    assert "base_url" in result.error_line


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["medias"], "required: ACTION"),
        (["medias", "lis"], "invalid choice: 'lis'"),
        (["medias", "list", "--limit", "0"], "--limit"),
        (["medias", "list", "--sort", "size"], "--sort"),
        (["medias", "list", "--sort", "-name"], "--sort=-created_at"),
        (["medias", "list", "--filter", "name"], "KEY=VALUE"),
        (["medias", "list", "--filter", "name_like=x"], "valid matchers"),
        (["medias", "get", "a", "b"], "unrecognized arguments: b"),
        (["clips", "create", "--media-id", "m", "--name", "n", "--start", "x", "--end", "1"], "x"),
        (["frobnicate"], "invalid choice"),
        ([], "required: COMMAND"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(cli: CLI, argv: list[str], expected: str) -> None:
    result = cli(*argv)

    assert result.code == 2
    assert expected in result.error_line
    assert result.out == ""


def test_help_and_version_exit_0(cli: CLI) -> None:
    help_text = cli.ok("--help").out
    version = cli.ok("--version").out

    for command in ("upload", "medias", "clips", "webhooks", "sandbox"):
        assert command in help_text
    assert version.startswith("contentgroove ")


def test_json_failures_still_go_to_stderr(cli: CLI, sandbox: ServedSandbox) -> None:
    result = cli("--json", "medias", "get", "no-such-media")

    assert result.code == 1
    assert result.out == ""
    assert "404" in result.error_line


def test_the_key_is_redacted_even_where_the_user_typed_it(cli: CLI) -> None:
    result = cli("medias", "get", API_KEY)  # a key pasted where an id belongs

    assert result.code == 1
    assert "/api/v1/medias/<redacted> returned 404" in result.error_line


def test_a_key_given_as_option_is_redacted_too(cli: CLI) -> None:
    typed = "sk_typed_on_the_command_line_1"

    result = cli("--api-key", typed, "clips", "get", typed)

    assert result.code == 1
    assert typed not in result.err
    assert "<redacted>" in result.error_line
