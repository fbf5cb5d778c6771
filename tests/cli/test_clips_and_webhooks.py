"""``contentgroove clips ...`` and ``contentgroove webhooks list|create|delete``."""

from __future__ import annotations

from pathlib import Path

from .conftest import CLI


def processed_media_id(cli: CLI, video: Path) -> str:
    [media] = cli.ok("upload", str(video), "--wait", "--json").json()
    return str(media["id"])


def test_list_shows_the_suggested_clips_of_a_media_by_rank(cli: CLI, video: Path) -> None:
    media_id = processed_media_id(cli, video)

    clips = cli.ok("clips", "list", "--media-id", media_id, "--json").json()
    table = cli.ok("clips", "list", "--media-id", media_id).out

    assert clips, "processing suggests clips"
    assert {c["relationships"]["media"]["data"]["id"] for c in clips} == {media_id}
    header, *rows = table.strip().splitlines()
    assert header.split() == ["ID", "RANK", "START", "END", "NAME"]
    assert [row.split()[0] for row in rows] == [c["id"] for c in clips]


def test_create_get_update_delete(cli: CLI, video: Path) -> None:
    media_id = processed_media_id(cli, video)

    created = cli.ok(
        "clips", "create", "--media-id", media_id, "--name", "Intro",
        "--start", "1.5", "--end", "7", "--json",
    ).json()  # fmt: skip
    clip_id = created["id"]
    updated = cli.ok("clips", "update", clip_id, "--name", "Opening", "--end", "9", "--json")
    shown = cli.ok("clips", "get", clip_id).out
    deleted = cli.ok("clips", "delete", clip_id).out
    missing = cli("clips", "get", clip_id)

    assert created["attributes"]["start_time"] == 1.5
    assert created["attributes"]["end_time"] == 7
    assert updated.json()["attributes"]["name"] == "Opening"
    assert updated.json()["attributes"]["end_time"] == 9
    assert "Opening" in shown
    assert deleted.strip() == f"Deleted clip {clip_id}"
    assert missing.code == 1
    assert "404" in missing.error_line


def test_create_refuses_an_end_before_the_start_without_a_request(cli: CLI) -> None:
    result = cli("clips", "create", "--media-id", "m", "--name", "x", "--start", "5", "--end", "2")

    assert result.code == 2
    assert result.error_line == "error: --end (2) must be greater than --start (5), in seconds"


def test_create_names_a_missing_option(cli: CLI) -> None:
    result = cli("clips", "create", "--media-id", "m", "--start", "0", "--end", "2")

    assert result.code == 2
    assert "--name" in result.error_line
    assert "contentgroove clips create --help" in result.error_line


def test_webhook_subscriptions_create_list_delete(cli: CLI) -> None:
    url = "http://127.0.0.1:9/hooks/cli-test"

    created = cli.ok(
        "webhooks", "create", url, "--event", "media.processing_finished", "--json"
    ).json()
    listed = cli.ok("webhooks", "list", "--json").json()
    table = cli.ok("webhooks", "list").out
    cli.ok("webhooks", "delete", created["id"])
    after = cli.ok("webhooks", "list", "--json").json()

    assert created["attributes"]["url"] == url
    assert created["attributes"]["subscribed_events"] == ["media.processing_finished"]
    assert created["id"] in [s["id"] for s in listed]
    assert url in table
    assert created["id"] not in [s["id"] for s in after]


def test_webhook_create_refuses_a_relative_url(cli: CLI) -> None:
    result = cli("webhooks", "create", "/hooks")

    assert result.code == 2
    assert "absolute http(s) URL" in result.error_line
