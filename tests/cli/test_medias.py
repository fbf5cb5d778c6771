"""``contentgroove upload`` and ``contentgroove medias ...`` against the sandbox."""

from __future__ import annotations

from pathlib import Path

from contentgroove.sandbox import ServedSandbox

from .conftest import CLI


def upload(cli: CLI, path: Path, *extra: str) -> dict[str, object]:
    [media] = cli.ok("upload", str(path), "--json", *extra).json()
    assert isinstance(media, dict)
    return media


def test_upload_creates_a_media_named_after_the_file(
    cli: CLI, video: Path, sandbox: ServedSandbox
) -> None:
    result = cli.ok("upload", str(video))

    [media] = [m for m in sandbox.sandbox.medias.values() if m.name == video.name]
    assert media.id in result.out
    assert video.name in result.out


def test_upload_wait_prints_the_processed_media_as_json(cli: CLI, video: Path) -> None:
    media = upload(cli, video, "--wait", "--name", "Chimp", "--description", "Enos")

    assert media["type"] == "medias"
    assert media["attributes"]["name"] == "Chimp"  # type: ignore[index]
    assert media["attributes"]["description"] == "Enos"  # type: ignore[index]
    assert media["attributes"]["is_processing"] is False  # type: ignore[index]


def test_upload_of_several_files_returns_them_in_order(cli: CLI, tmp_path: Path) -> None:
    paths = [tmp_path / f"part-{i}.mp4" for i in range(3)]
    for i, path in enumerate(paths):
        path.write_bytes(bytes([i]) * (1000 + i))

    medias = cli.ok("upload", *map(str, paths), "--concurrency", "2", "--json").json()

    assert [m["attributes"]["name"] for m in medias] == ["part-0.mp4", "part-1.mp4", "part-2.mp4"]


def test_upload_checks_every_file_before_sending_anything(
    cli: CLI, video: Path, tmp_path: Path, sandbox: ServedSandbox
) -> None:
    before = len(sandbox.sandbox.uploads)

    result = cli("upload", str(video), str(tmp_path / "missing.mp4"))

    assert result.code == 2
    assert "missing.mp4" in result.error_line
    assert len(sandbox.sandbox.uploads) == before


def test_upload_of_an_unknown_file_type_points_to_content_type(cli: CLI, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a video")

    result = cli("upload", str(notes))

    assert result.code == 2
    assert "--content-type" in result.error_line


def test_upload_name_needs_a_single_file(cli: CLI, video: Path) -> None:
    result = cli("upload", str(video), str(video), "--name", "x")

    assert result.code == 2
    assert "--name" in result.error_line


def test_list_filters_sorts_and_limits(cli: CLI, tmp_path: Path) -> None:
    for name in ("zebra-walk.mp4", "zebra-run.mp4", "lion.mp4"):
        (tmp_path / name).write_bytes(b"x" * 100)
        upload(cli, tmp_path / name)

    listed = cli.ok(
        "medias", "list", "--filter", "name_cont=zebra", "--sort", "name", "--json"
    ).json()
    limited = cli.ok("medias", "list", "--filter", "name_cont=zebra", "--limit", "1", "--json")
    descending = cli.ok("--json", "medias", "list", "--filter=name_start=zebra", "--sort=-name")

    assert [m["attributes"]["name"] for m in listed] == ["zebra-run.mp4", "zebra-walk.mp4"]
    assert len(limited.json()) == 1
    names = [m["attributes"]["name"] for m in descending.json()]
    assert names == ["zebra-walk.mp4", "zebra-run.mp4"]


def test_list_as_a_table_shows_whole_ids(cli: CLI, video: Path) -> None:
    media = upload(cli, video)

    table = cli.ok("medias", "list", "--filter", f"id_eq={media['id']}").out

    header, row = table.strip().splitlines()
    assert header.split() == ["ID", "NAME", "STATUS", "DURATION", "CREATED"]
    assert row.split()[:2] == [media["id"], video.name]


def test_get_prints_every_field_or_the_raw_resource(cli: CLI, video: Path) -> None:
    media = upload(cli, video, "--wait")

    table = cli.ok("medias", "get", str(media["id"])).out
    raw = cli.ok("medias", "get", str(media["id"]), "--json").json()

    assert raw == media
    assert f"name                   {video.name}" in table
    assert "status                 processed" in table


def test_update_renames(cli: CLI, video: Path) -> None:
    media_id = str(upload(cli, video)["id"])

    cli.ok("medias", "update", media_id, "--name", "Renamed", "--description", "new")
    raw = cli.ok("medias", "get", media_id, "--json").json()

    assert raw["attributes"]["name"] == "Renamed"
    assert raw["attributes"]["description"] == "new"


def test_update_without_changes_is_a_usage_error(cli: CLI) -> None:
    result = cli("medias", "update", "some-id")

    assert result.code == 2
    assert "--name" in result.error_line


def test_delete_then_get_is_a_one_line_404(cli: CLI, video: Path) -> None:
    media_id = str(upload(cli, video)["id"])

    deleted = cli.ok("medias", "delete", media_id, "--json").json()
    missing = cli("medias", "get", media_id)

    assert deleted == {"type": "medias", "id": media_id, "deleted": True}
    assert missing.code == 1
    assert missing.error_line.startswith(f"error: GET /api/v1/medias/{media_id} returned 404")


def test_wait_returns_once_every_media_is_processed(cli: CLI, tmp_path: Path) -> None:
    ids = []
    for name in ("one.mp4", "two.mp4"):
        (tmp_path / name).write_bytes(b"x" * 100)
        ids.append(str(upload(cli, tmp_path / name)["id"]))

    medias = cli.ok("medias", "wait", *ids, "--timeout", "60", "--json").json()

    assert [m["id"] for m in medias] == ids
    assert all(m["attributes"]["is_processing"] is False for m in medias)


def test_wait_reports_a_missing_media_as_an_api_error(cli: CLI) -> None:
    result = cli("medias", "wait", "no-such-media")

    assert result.code == 1
    assert "404" in result.error_line


def test_names_are_printed_verbatim_even_with_brackets(cli: CLI, video: Path) -> None:
    name = "[bold]Enos[/bold] [1961]"
    media = upload(cli, video, "--name", name)

    table = cli.ok("medias", "list", "--filter", f"id_eq={media['id']}").out
    details = cli.ok("medias", "get", str(media["id"])).out

    assert name in table
    assert name in details
