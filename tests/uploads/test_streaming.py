"""upload_file streams the exact bytes to storage with a Content-Length, then creates the media."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from contentgroove import ContentGroove, Media
from contentgroove._upload import DEFAULT_CHUNK_SIZE

from ._fake import FakeContentGroove
from .conftest import MakeFile, MiB, sha256_of

pytestmark = pytest.mark.anyio

CHUNK = DEFAULT_CHUNK_SIZE


def assert_one_clean_upload(fake: FakeContentGroove, path: Path) -> None:
    """One direct upload, one complete PUT whose digest is the file's, one media create."""
    assert len(fake.direct_upload_calls) == 1
    [put] = fake.storage_requests
    assert put.method == "PUT"
    assert put.path == fake.upload_path(1)
    assert put.complete
    assert put.received == path.stat().st_size
    assert put.sha256 == sha256_of(path)
    assert put.headers["content-length"] == str(path.stat().st_size)
    assert "transfer-encoding" not in put.headers
    [create] = fake.media_creates
    assert create.body["data"]["attributes"]["upload_id"] == fake.upload_id(1)


@pytest.mark.parametrize(
    "size", [1, CHUNK, CHUNK + 1], ids=["1-byte", "exactly-one-chunk", "chunk-plus-one"]
)
async def test_a_path_arrives_byte_for_byte(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile, size: int
) -> None:
    path = make_file(size)

    media = await cg.uploads.upload_file(path, name="Talk", description="A talk")

    assert_one_clean_upload(fake, path)
    assert isinstance(media, Media)
    assert media.id == "media-for-" + fake.upload_id(1)
    assert fake.media_creates[0].body["data"]["attributes"] == {
        "upload_id": fake.upload_id(1),
        "name": "Talk",
        "description": "A talk",
    }


@pytest.mark.slow
async def test_a_100_mib_file_arrives_byte_for_byte(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(100 * MiB + 12345)

    await cg.uploads.upload_file(str(path))

    assert_one_clean_upload(fake, path)


async def test_small_chunks_still_send_one_body_with_its_length(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(3 * MiB + 7)

    await cg.uploads.upload_file(path, chunk_size=64 * 1024)

    assert_one_clean_upload(fake, path)


async def test_a_binary_file_object_is_read_from_its_current_position(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile, tmp_path: Path
) -> None:
    path = make_file(2 * MiB + 3)
    payload = path.read_bytes()
    with (tmp_path / "with-header.bin").open("w+b") as f:
        f.write(b"HEADER" + payload)
        f.seek(6)

        await cg.uploads.upload_file(f, filename="clip.mov")

    [put] = fake.storage_requests
    assert put.sha256 == sha256_of(path)
    assert put.headers["content-type"] == "video/quicktime"
    assert fake.media_creates[0].body["data"]["attributes"]["name"] == "clip.mov"


async def test_an_in_memory_file_object_needs_a_name_or_content_type(
    cg: ContentGroove, fake: FakeContentGroove
) -> None:
    await cg.uploads.upload_file(io.BytesIO(b"ID3" + bytes(5000)), content_type="audio/mpeg")

    [put] = fake.storage_requests
    assert put.complete and put.received == 5003
    assert put.headers["content-type"] == "audio/mpeg"


async def test_an_async_iterable_with_a_declared_size(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(5 * MiB + 1)
    data = path.read_bytes()

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(data), 700_000):  # odd sizes, unrelated to chunk_size
            yield data[start : start + 700_000]

    await cg.uploads.upload_file(chunks(), size=len(data), filename="talk.webm")

    assert_one_clean_upload(fake, path)
    assert fake.storage_requests[0].headers["content-type"] == "video/webm"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("talk.mp4", "video/mp4"),
        ("TALK.MKV", "video/x-matroska"),
        ("a.b.3gp", "video/3gpp"),
        ("song.mp3", "audio/mpeg"),
        ("song.flac", "audio/flac"),
        ("podcast.m4a", "audio/mp4"),
    ],
)
async def test_content_type_is_guessed_from_the_extension(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile, name: str, content_type: str
) -> None:
    await cg.uploads.upload_file(make_file(10, name))

    assert fake.storage_requests[0].headers["content-type"] == content_type


async def test_content_type_argument_overrides_and_allows_any_extension(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    await cg.uploads.upload_file(make_file(10, "export.bin"), content_type="video/mp4")

    assert fake.storage_requests[0].headers["content-type"] == "video/mp4"


async def test_the_media_is_named_after_the_file_unless_named(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(10, "keynote.mp4")

    await cg.uploads.upload_file(path)
    await cg.uploads.upload_file(path, name="")

    assert [c.body["data"]["attributes"]["name"] for c in fake.media_creates] == [
        "keynote.mp4",
        "",
    ]


async def test_storage_success_is_any_2xx_even_without_a_body(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    from ._fake import Behaviour

    fake.behaviours.append(Behaviour(status=204))
    await cg.uploads.upload_file(make_file(1000))
    fake.behaviours.append(Behaviour(status=201, body=b"<PostResponse/>"))
    await cg.uploads.upload_file(make_file(1000))

    assert len(fake.media_creates) == 2


async def test_an_unreadable_answer_body_does_not_undo_a_2xx(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    from ._fake import Behaviour

    fake.behaviours.append(
        Behaviour(status=200, body=b"not gzip at all", headers={"Content-Encoding": "gzip"})
    )

    await cg.uploads.upload_file(make_file(1000))

    assert len(fake.storage_requests) == 1
    assert len(fake.media_creates) == 1


# -- progress --------------------------------------------------------------------------------


async def test_progress_is_monotonic_and_ends_at_the_total(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(5 * MiB + 1)
    calls: list[tuple[int, int]] = []

    await cg.uploads.upload_file(path, chunk_size=MiB, progress=lambda s, t: calls.append((s, t)))

    total = path.stat().st_size
    sent = [s for s, _ in calls]
    assert sent == sorted(set(sent)), "strictly increasing"
    assert sent[-1] == total
    assert {t for _, t in calls} == {total}
    assert len(calls) == 6  # one call per chunk that went out


async def test_an_async_progress_callback_is_awaited(
    cg: ContentGroove, make_file: MakeFile
) -> None:
    calls: list[int] = []

    async def progress(sent: int, total: int) -> None:
        calls.append(sent)

    await cg.uploads.upload_file(make_file(3 * MiB), chunk_size=MiB, progress=progress)

    assert calls == [MiB, 2 * MiB, 3 * MiB]
