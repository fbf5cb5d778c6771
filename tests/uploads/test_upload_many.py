"""upload_many: bounded concurrency, results in input order, all sources checked up front."""

from __future__ import annotations

from collections.abc import AsyncIterator

import anyio
import anyio.to_thread
import pytest
from contentgroove import ContentGroove, Media, StorageError, UploadSourceError

from ._fake import Behaviour, FakeContentGroove
from .conftest import MakeFile, MiB, sha256_of

pytestmark = pytest.mark.anyio


async def test_results_come_back_in_input_order(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    # The first file is the largest, so it finishes last.
    paths = [make_file(size, f"part{i}.mp4") for i, size in enumerate([8 * MiB, 1000, 2 * MiB])]

    medias = await cg.uploads.upload_many(paths, concurrency=3)

    assert all(isinstance(m, Media) for m in medias)
    assert [m.name for m in medias] == ["part0.mp4", "part1.mp4", "part2.mp4"]
    digests = {put.sha256 for put in fake.storage_requests}
    assert digests == {sha256_of(p) for p in paths}
    assert len(fake.media_creates) == 3


async def test_at_most_concurrency_uploads_run_at_once(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    paths = [make_file(MiB + i, f"f{i}.mp4") for i in range(6)]
    # Hold the first two answers until the third upload would have started if it could.
    held = [Behaviour(hold_answer=True), Behaviour(hold_answer=True)]
    fake.on_size(MiB, held[0])
    fake.on_size(MiB + 1, held[1])

    async def release_when_both_held() -> None:
        for behaviour in held:
            await anyio.to_thread.run_sync(behaviour.stalled.wait, 30)
        assert fake.active_puts == 2
        for behaviour in held:
            behaviour.release.set()

    with anyio.fail_after(60):
        async with anyio.create_task_group() as tg:
            tg.start_soon(release_when_both_held)
            medias = await cg.uploads.upload_many(paths, concurrency=2)

    assert len(medias) == 6
    assert fake.max_active_puts == 2
    assert len(fake.media_creates) == 6


async def test_every_source_is_checked_before_any_request(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    good = make_file(1000, "good.mp4")
    empty = make_file(0, "empty.mp4")

    with pytest.raises(UploadSourceError, match=r"empty\.mp4' is empty"):
        await cg.uploads.upload_many([good, good, empty])

    assert fake.api_requests == []
    assert fake.storage_requests == []


async def test_the_first_failure_cancels_the_rest_and_is_raised(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    failing = make_file(1000, "bad.mp4")
    slow = make_file(16 * MiB, "slow.mp4")
    stall = Behaviour(stall_after=MiB)
    refusal = Behaviour(status=400, body=b"<Error>InvalidArgument</Error>", hold_answer=True)
    fake.on_size(16 * MiB, stall)
    fake.on_size(1000, refusal)

    async def refuse_once_the_slow_upload_is_mid_body() -> None:
        await anyio.to_thread.run_sync(stall.stalled.wait, 30)
        refusal.release.set()

    with anyio.fail_after(60):
        async with anyio.create_task_group() as tg:
            tg.start_soon(refuse_once_the_slow_upload_is_mid_body)
            with pytest.raises(StorageError, match="returned 400"):
                await cg.uploads.upload_many([slow, failing], concurrency=2)
        stall.release.set()
        puts = await fake.puts_finished(2)

    slow_put = next(p for p in puts if p.headers["content-length"] == str(16 * MiB))
    assert not slow_put.complete  # cancelled mid-body
    assert fake.media_creates == []


async def test_return_exceptions_puts_each_error_in_its_place(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    ok1 = make_file(1000, "ok1.mp4")
    bad = make_file(1001, "bad.mp4")
    missing = ok1.with_name("missing.mp4")
    ok2 = make_file(1002, "ok2.mp4")
    fake.on_size(1001, *(Behaviour(status=500) for _ in range(3)))

    results = await cg.uploads.upload_many([ok1, bad, missing, ok2], return_exceptions=True)

    assert isinstance(results[0], Media) and results[0].name == "ok1.mp4"
    assert isinstance(results[1], StorageError) and results[1].status_code == 500
    assert isinstance(results[2], UploadSourceError)
    assert isinstance(results[3], Media) and results[3].name == "ok2.mp4"
    assert len(fake.media_creates) == 2


async def test_progress_reports_the_sum_over_all_files(
    cg: ContentGroove, make_file: MakeFile
) -> None:
    paths = [make_file(size, f"p{size}.mp4") for size in (MiB, 2 * MiB + 1, 3)]
    calls: list[tuple[int, int]] = []

    await cg.uploads.upload_many(
        paths, concurrency=2, chunk_size=MiB // 2, progress=lambda s, t: calls.append((s, t))
    )

    total = 3 * MiB + 4
    sent = [s for s, _ in calls]
    assert sent == sorted(sent) and sent[-1] == total
    assert {t for _, t in calls} == {total}


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"concurrency": 0}, ValueError, "concurrency must be >= 1"),
        ({"concurrency": "4"}, TypeError, "concurrency must be an int"),
    ],
)
async def test_bad_options(
    cg: ContentGroove,
    fake: FakeContentGroove,
    make_file: MakeFile,
    kwargs: dict[str, object],
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        await cg.uploads.upload_many([make_file(10)], **kwargs)  # type: ignore[call-overload]
    assert fake.api_requests == []


async def test_an_empty_list_sends_nothing(cg: ContentGroove, fake: FakeContentGroove) -> None:
    assert await cg.uploads.upload_many([]) == []
    assert fake.api_requests == []


async def test_async_iterables_belong_to_upload_file(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"data"

    with pytest.raises(UploadSourceError, match=r"send an async iterable with upload_file\("):
        await cg.uploads.upload_many([make_file(10), chunks()])
    assert fake.api_requests == []


async def test_a_single_path_is_not_mistaken_for_a_list(
    cg: ContentGroove, fake: FakeContentGroove
) -> None:
    with pytest.raises(TypeError, match="for one file use upload_file"):
        await cg.uploads.upload_many("talk.mp4")  # a str is a Sequence too
    assert fake.api_requests == []
