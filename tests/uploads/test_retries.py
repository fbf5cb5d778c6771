"""Storage failures lose nothing and duplicate nothing.

Transient failures re-send the whole file from byte 0 when the source can be re-read; a 403
gets one fresh direct upload; the media is created exactly once per accepted PUT, never after a
failed one.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import httpx
import pytest
from contentgroove import ContentGroove, InternalServerError, RetryPolicy, StorageError

from ._fake import Behaviour, FakeContentGroove
from .conftest import KEY, FakeSleep, MakeFile, MiB, sha256_of

pytestmark = pytest.mark.anyio


async def test_a_connection_reset_mid_body_resends_everything(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile, fake_sleep: FakeSleep
) -> None:
    path = make_file(6 * MiB + 5)
    fake.behaviours.append(Behaviour(drop_after=2 * MiB))

    await cg.uploads.upload_file(path, chunk_size=MiB)

    first, second = fake.storage_requests
    assert not first.complete and first.received >= 2 * MiB
    assert second.complete and second.received == path.stat().st_size
    assert second.sha256 == sha256_of(path)
    assert first.target == second.target  # same presigned URL, same signature
    assert fake_sleep.delays == [0.5]  # policy.backoff(0) with random() == 1.0
    assert len(fake.direct_upload_calls) == 1
    [create] = fake.media_creates
    assert create.body["data"]["attributes"]["upload_id"] == fake.upload_id(1)


async def test_a_seekable_file_object_is_rewound_for_the_retry(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(3 * MiB)
    fake.behaviours.append(Behaviour(drop_after=MiB))

    with path.open("rb") as f:
        await cg.uploads.upload_file(f, chunk_size=MiB // 2)

    assert fake.storage_requests[-1].sha256 == sha256_of(path)
    assert len(fake.media_creates) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429, 408])
async def test_transient_storage_statuses_are_retried(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile, status: int
) -> None:
    path = make_file(1000)
    fake.behaviours.append(Behaviour(status=status, body=b"<Error>SlowDown</Error>"))

    await cg.uploads.upload_file(path)

    assert [p.status for p in fake.storage_requests] == [status, 200]
    assert fake.storage_requests[1].sha256 == sha256_of(path)
    assert len(fake.media_creates) == 1


async def test_retry_after_from_storage_sets_the_wait(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile, fake_sleep: FakeSleep
) -> None:
    fake.behaviours.append(Behaviour(status=503, headers={"Retry-After": "7"}))

    await cg.uploads.upload_file(make_file(1000))

    assert fake_sleep.delays == [7.0]
    assert len(fake.media_creates) == 1


async def test_a_storage_timeout_is_retried(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(1000)
    fake.behaviours.append(Behaviour(hold_answer=True))  # never answers the first PUT

    await cg.uploads.upload_file(path, storage_timeout=httpx.Timeout(10.0, read=0.3))

    assert len(fake.storage_requests) == 2
    assert fake.storage_requests[1].status == 200
    assert len(fake.media_creates) == 1


async def test_retries_follow_the_clients_policy_then_fail_without_creating_a_media(
    fake: FakeContentGroove, make_file: MakeFile, anyio_backend: str
) -> None:
    sleep = FakeSleep()
    policy = RetryPolicy(max_retries=3, base_delay=1.0, sleep=sleep, random=lambda: 0.5)
    fake.behaviours.extend(Behaviour(status=503, body=b"busy") for _ in range(4))
    async with ContentGroove(KEY, base_url=fake.api_url, retry_policy=policy) as cg:
        with pytest.raises(StorageError) as caught:
            await cg.uploads.upload_file(make_file(1000))

    assert caught.value.status_code == 503
    assert caught.value.retries == 3
    assert "returned 503: busy after 3 retries" in str(caught.value)
    assert sleep.delays == [0.5, 1.0, 2.0]
    assert len(fake.storage_requests) == 4
    assert fake.media_creates == []


async def test_the_error_never_shows_the_signature(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    fake.behaviours.extend(Behaviour(status=500) for _ in range(3))

    with pytest.raises(StorageError) as caught:
        await cg.uploads.upload_file(make_file(1000))

    message = str(caught.value)
    assert fake.upload_path(1) in message
    assert "X-Amz-Signature" not in message and "?" not in message


async def test_a_client_error_from_storage_is_not_retried(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    fake.behaviours.append(Behaviour(status=400, body=b"<Error>BadDigest</Error>"))

    with pytest.raises(StorageError, match="returned 400: <Error>BadDigest") as caught:
        await cg.uploads.upload_file(make_file(1000))

    assert caught.value.retries == 0
    assert len(fake.storage_requests) == 1
    assert fake.media_creates == []


async def test_a_403_gets_one_fresh_direct_upload(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    path = make_file(2 * MiB)
    fake.behaviours.append(Behaviour(status=403, body=b"<Error>Request has expired</Error>"))

    await cg.uploads.upload_file(path)

    assert len(fake.direct_upload_calls) == 2
    first, second = fake.storage_requests
    assert (first.path, first.status) == (fake.upload_path(1), 403)
    assert (second.path, second.status) == (fake.upload_path(2), 200)
    assert second.sha256 == sha256_of(path)
    [create] = fake.media_creates
    assert create.body["data"]["attributes"]["upload_id"] == fake.upload_id(2)


async def test_a_second_403_fails_without_a_third_direct_upload(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    fake.behaviours.extend([Behaviour(status=403), Behaviour(status=403)])

    with pytest.raises(StorageError, match="returned 403") as caught:
        await cg.uploads.upload_file(make_file(1000))

    assert caught.value.status_code == 403
    assert len(fake.direct_upload_calls) == 2
    assert len(fake.storage_requests) == 2
    assert fake.media_creates == []


# -- one-shot sources ------------------------------------------------------------------------


def one_shot(data: bytes, piece: int = 256 * 1024) -> AsyncIterator[bytes]:
    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(data), piece):
            yield data[start : start + piece]

    return chunks()


async def test_a_one_shot_iterable_is_not_retried_and_says_why(
    cg: ContentGroove, fake: FakeContentGroove
) -> None:
    data = bytes(3 * MiB)
    fake.behaviours.append(Behaviour(drop_after=MiB))

    with pytest.raises(StorageError, match=r"not retried.*one-shot stream") as caught:
        await cg.uploads.upload_file(one_shot(data), size=len(data), filename="live.ts")

    assert "pass a file path or a seekable file object" in str(caught.value)
    assert caught.value.status_code is None
    assert len(fake.storage_requests) == 1
    assert fake.media_creates == []


async def test_a_one_shot_iterable_gets_no_fresh_url_after_403(
    cg: ContentGroove, fake: FakeContentGroove
) -> None:
    data = bytes(1000)
    fake.behaviours.append(Behaviour(status=403))

    with pytest.raises(StorageError, match=r"not retried with a fresh upload URL.*one-shot"):
        await cg.uploads.upload_file(one_shot(data), size=len(data), filename="live.ts")

    assert len(fake.direct_upload_calls) == 1
    assert fake.media_creates == []


async def test_a_non_seekable_file_object_is_not_retried(
    cg: ContentGroove, fake: FakeContentGroove
) -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            return self._data.readinto(buffer)

    fake.behaviours.append(Behaviour(status=500))

    with pytest.raises(StorageError, match="one-shot stream"):
        await cg.uploads.upload_file(
            Pipe(bytes(5000)),  # type: ignore[arg-type]
            size=5000,
            filename="talk.mp4",
        )

    assert len(fake.storage_requests) == 1
    assert fake.media_creates == []


# -- the media create ------------------------------------------------------------------------


async def test_a_failed_media_create_is_not_retried_and_names_the_upload_id(
    cg: ContentGroove, fake: FakeContentGroove, make_file: MakeFile
) -> None:
    fake.fail_media_create_with = 500

    with pytest.raises(InternalServerError) as caught:
        await cg.uploads.upload_file(make_file(1000))

    assert len(fake.media_creates) == 1
    assert len(fake.storage_requests) == 1
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert f"cg.medias.create(upload_id={fake.upload_id(1)!r})" in notes
