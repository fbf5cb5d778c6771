"""WebhookReceiver: every answer a delivery can get, without a web framework."""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

import anyio
import httpx
import pytest
from contentgroove._events import ProcessingNotifier
from contentgroove._exceptions import APIConnectionError, ConfigurationError, NotFoundError
from contentgroove._models import Media
from contentgroove.webhooks import (
    MediaProcessingFinished,
    MemoryStore,
    ReceiveResult,
    UnknownEvent,
    WebhookDeduplicator,
    WebhookEvent,
    WebhookReceiver,
    new_webhook_secret,
    parse_event,
)

from contentgroove_client.models.media import Media as GeneratedMedia

from .conftest import MEDIA_ID, REFERENCE_BODY, SECRET, body_of, delivery, reference


class Recorder:
    """An async handler that records the events it gets."""

    def __init__(self) -> None:
        self.events: list[WebhookEvent] = []

    async def __call__(self, event: WebhookEvent) -> None:
        self.events.append(event)


def api_media(media_id: str = MEDIA_ID, *, is_processing: bool = False) -> Media:
    """A media as the API's GET /api/v1/medias/{id} returns it."""
    return Media.from_generated(
        GeneratedMedia.from_dict(
            {
                "id": media_id,
                "type": "medias",
                "attributes": {
                    "name": "Chimp Into Space (from the API)",
                    "is_processing": is_processing,
                    "has_fetch_error": False,
                },
                "relationships": {"clips": {"data": []}, "transcription": {"data": None}},
            }
        )
    )


class FakeMedias:
    def __init__(self, answer: Media | Exception) -> None:
        self.answer = answer
        self.requested: list[str] = []

    async def get(self, media_id: str, /) -> Media:
        self.requested.append(media_id)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


class FakeClient:
    """Stands in for contentgroove.ContentGroove: ``medias.get`` and ``processing_notifier``."""

    def __init__(self, answer: Media | Exception) -> None:
        self.medias = FakeMedias(answer)
        self.processing_notifier = ProcessingNotifier()


def not_found() -> NotFoundError:
    request = httpx.Request("GET", f"https://api.contentgroove.com/api/v1/medias/{MEDIA_ID}")
    response = httpx.Response(404, request=request)
    return NotFoundError("GET /api/v1/medias/... returned 404", response=response, errors=[])


def _event() -> MediaProcessingFinished:
    event = parse_event(REFERENCE_BODY)
    assert isinstance(event, MediaProcessingFinished)
    return event


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.mark.anyio
async def test_a_delivery_is_handled_and_answered_200(recorder: Recorder) -> None:
    receiver = WebhookReceiver(recorder, secret=SECRET)

    result = await receiver.handle(SECRET, REFERENCE_BODY, {"content-type": "application/json"})

    assert result == ReceiveResult(200, {"status": "ok"})
    assert result.content == b'{"status":"ok"}'
    assert [type(e) for e in recorder.events] == [MediaProcessingFinished]
    assert result.event == recorder.events[0]


@pytest.mark.anyio
async def test_a_repeated_delivery_is_a_duplicate_and_not_handled_again(
    recorder: Recorder,
) -> None:
    receiver = WebhookReceiver(recorder, secret=SECRET)

    first = await receiver.handle(SECRET, REFERENCE_BODY)
    second = await receiver.handle(SECRET, REFERENCE_BODY)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.body == {"status": "duplicate"}
    assert len(recorder.events) == 1


@pytest.mark.parametrize(
    "token", ["wrong-token-wrong-token-wrong", "", None, SECRET[:-1], "é" * 20]
)
@pytest.mark.anyio
async def test_a_wrong_token_is_404_and_the_body_is_ignored(
    recorder: Recorder, token: str | None
) -> None:
    receiver = WebhookReceiver(recorder, secret=SECRET)

    result = await receiver.handle(token, REFERENCE_BODY)

    assert result == ReceiveResult(404, {"error": "not_found"})
    assert recorder.events == []


@pytest.mark.anyio
async def test_a_malformed_body_is_400_with_the_reason_and_path(recorder: Recorder) -> None:
    doc = reference()
    doc["payload"]["data"]["attributes"]["is_processing"] = "no"
    receiver = WebhookReceiver(recorder, secret=SECRET)

    result = await receiver.handle(SECRET, body_of(doc))

    assert result.status_code == 400
    assert result.body == {
        "error": "invalid_payload",
        "message": "expected true or false or null, got the string 'no'",
        "path": "$.payload.data.attributes.is_processing",
    }
    assert recorder.events == []


@pytest.mark.anyio
async def test_large_bodies_are_parsed_too(recorder: Recorder) -> None:
    doc = reference()
    doc["payload"]["included"][3]["attributes"]["text"] = "word " * 400_000  # 2 MB

    result = await WebhookReceiver(recorder, secret=SECRET).handle(SECRET, body_of(doc))

    assert result.status_code == 200
    event = recorder.events[0]
    assert isinstance(event, MediaProcessingFinished) and event.transcription is not None
    assert len(event.transcription.text or "") == 2_000_000


@pytest.mark.anyio
async def test_the_size_limit_applies(recorder: Recorder) -> None:
    receiver = WebhookReceiver(recorder, secret=SECRET, max_bytes=1000)

    result = await receiver.handle(SECRET, REFERENCE_BODY)

    assert (result.status_code, result.body["path"]) == (400, "$")
    assert "larger than the limit of 1000 bytes" in result.body["message"]


@pytest.mark.anyio
async def test_a_failing_handler_is_500_without_its_message_and_the_retry_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls = 0

    async def handler(event: WebhookEvent) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("password=hunter2 in the connection string")

    receiver = WebhookReceiver(handler, secret=SECRET)

    with caplog.at_level(logging.ERROR, logger="contentgroove.webhooks"):
        failed = await receiver.handle(SECRET, REFERENCE_BODY)
    retried = await receiver.handle(SECRET, REFERENCE_BODY)

    assert failed == ReceiveResult(500, {"error": "handler_failed", "type": "RuntimeError"})
    assert b"hunter2" not in failed.content
    assert "webhook handler failed" in caplog.text  # the traceback goes to the application log
    assert retried.body == {"status": "ok"}
    assert calls == 2


@pytest.mark.anyio
async def test_a_delivery_arriving_while_the_same_event_is_handled_is_409(
    recorder: Recorder,
) -> None:
    started, finish = anyio.Event(), anyio.Event()

    async def slow(event: WebhookEvent) -> None:
        started.set()
        await finish.wait()

    receiver = WebhookReceiver(slow, secret=SECRET, dedupe=WebhookDeduplicator(wait=0))
    results: list[ReceiveResult] = []

    async def deliver() -> None:
        results.append(await receiver.handle(SECRET, REFERENCE_BODY))

    async with anyio.create_task_group() as tg:
        tg.start_soon(deliver)
        await started.wait()
        concurrent = await receiver.handle(SECRET, REFERENCE_BODY)
        finish.set()

    assert concurrent == ReceiveResult(409, {"status": "in_progress"})
    assert results == [ReceiveResult(200, {"status": "ok"})]


@pytest.mark.anyio
async def test_sync_handlers_run_in_a_worker_thread() -> None:
    threads: list[threading.Thread] = []

    def handler(event: WebhookEvent) -> None:
        threads.append(threading.current_thread())

    result = await WebhookReceiver(handler, secret=SECRET).handle(SECRET, REFERENCE_BODY)

    assert result.status_code == 200
    assert threads and threads[0] is not threading.current_thread()


@pytest.mark.anyio
async def test_unknown_events_reach_the_handler_and_are_acknowledged(recorder: Recorder) -> None:
    body = json.dumps({"event": "clip.processing_finished", "payload": {"data": {"id": "c1"}}})

    result = await WebhookReceiver(recorder, secret=SECRET).handle(SECRET, body.encode())

    assert result.body == {"status": "ok"}
    assert recorder.events == [UnknownEvent("clip.processing_finished", {"data": {"id": "c1"}})]


@pytest.mark.anyio
async def test_waiting_pollers_are_woken_with_the_media(recorder: Recorder) -> None:
    notifier = ProcessingNotifier()
    receiver = WebhookReceiver(recorder, secret=SECRET, notifier=notifier)

    with notifier.watch("medias", MEDIA_ID) as watch, notifier.watch("medias", "other") as other:
        result = await receiver.handle(SECRET, REFERENCE_BODY)
        with anyio.fail_after(5):
            await watch.event.wait()

    assert result.status_code == 200
    assert isinstance(watch.resource, Media) and watch.resource.id == MEDIA_ID
    assert not other.event.is_set()


@pytest.mark.anyio
async def test_duplicates_wake_pollers_too_and_failures_do_not(recorder: Recorder) -> None:
    notifier = ProcessingNotifier()
    store = MemoryStore()
    await store.mark_done(WebhookDeduplicator().key(_event()), "elsewhere")
    receiver = WebhookReceiver(
        recorder, secret=SECRET, notifier=notifier, dedupe=WebhookDeduplicator(store)
    )

    async def failing(event: WebhookEvent) -> None:
        raise ValueError

    with notifier.watch("medias", "media-2") as failed_watch:
        failed = await WebhookReceiver(failing, secret=SECRET, notifier=notifier).handle(
            SECRET, delivery("media-2")
        )
    with notifier.watch("medias", MEDIA_ID) as watch:  # handled by another instance before
        duplicate = await receiver.handle(SECRET, REFERENCE_BODY)

    assert (failed.status_code, failed_watch.event.is_set()) == (500, False)
    assert (duplicate.body, watch.event.is_set()) == ({"status": "duplicate"}, True)
    assert recorder.events == []


@pytest.mark.anyio
async def test_confirmation_gives_the_handler_the_media_as_the_api_reports_it(
    recorder: Recorder,
) -> None:
    client = FakeClient(api_media())
    receiver = WebhookReceiver(recorder, secret=SECRET, confirm_with=client)

    result = await receiver.handle(SECRET, REFERENCE_BODY)

    assert result.body == {"status": "ok"}
    assert client.medias.requested == [MEDIA_ID]
    event = recorder.events[0]
    assert isinstance(event, MediaProcessingFinished)
    assert event.media.name == "Chimp Into Space (from the API)"
    assert len(event.clips) == 3  # clips and transcription still come from the payload


@pytest.mark.parametrize(
    ("answer", "status", "body"),
    [
        (
            api_media(is_processing=True),
            409,
            {
                "error": "not_confirmed",
                "message": f"the API reports media '{MEDIA_ID}' as still processing",
            },
        ),
        (
            not_found(),
            409,
            {"error": "not_confirmed", "message": f"the API has no media '{MEDIA_ID}'"},
        ),
        (
            APIConnectionError("connection refused"),
            503,
            {"error": "confirmation_failed", "type": "APIConnectionError"},
        ),
    ],
)
@pytest.mark.anyio
async def test_an_unconfirmed_delivery_is_refused_and_can_be_retried(
    recorder: Recorder, answer: Media | Exception, status: int, body: dict[str, Any]
) -> None:
    client = FakeClient(answer)
    receiver = WebhookReceiver(recorder, secret=SECRET, confirm_with=client)

    refused = await receiver.handle(SECRET, REFERENCE_BODY)
    client.medias.answer = api_media()
    retried = await receiver.handle(SECRET, REFERENCE_BODY)

    assert (refused.status_code, refused.body) == (status, body)
    assert retried.body == {"status": "ok"}
    assert len(recorder.events) == 1


class BrokenStore(MemoryStore):
    async def claim(self, key: str, owner: str, lease: float) -> Any:
        raise ConnectionError("redis is down")


@pytest.mark.anyio
async def test_a_failing_store_is_503(recorder: Recorder) -> None:
    receiver = WebhookReceiver(recorder, secret=SECRET, dedupe=WebhookDeduplicator(BrokenStore()))

    result = await receiver.handle(SECRET, REFERENCE_BODY)

    assert result == ReceiveResult(503, {"error": "store_unavailable", "type": "ConnectionError"})
    assert recorder.events == []


@pytest.mark.anyio
async def test_every_secret_of_a_rotation_is_accepted(recorder: Recorder) -> None:
    old, new = new_webhook_secret(), new_webhook_secret()
    receiver = WebhookReceiver(recorder, secret=[old, new])

    assert (await receiver.handle(old, delivery("m1"))).status_code == 200
    assert (await receiver.handle(new, delivery("m2"))).status_code == 200
    assert (await receiver.handle(SECRET, delivery("m3"))).status_code == 404


def test_the_secret_never_appears_in_repr(recorder: Recorder) -> None:
    assert SECRET not in repr(WebhookReceiver(recorder, secret=SECRET))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"secret": "short"}, "at least 16 URL-safe characters"),
        ({"secret": "has spaces in the secret value"}, "URL-safe"),
        ({"secret": []}, "needs at least one secret"),
        ({"secret": SECRET, "max_bytes": 0}, "max_bytes"),
    ],
)
def test_bad_configuration_is_refused(
    recorder: Recorder, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message) as caught:
        WebhookReceiver(recorder, **kwargs)
    assert "has spaces" not in str(caught.value)


def test_the_handler_must_be_callable() -> None:
    with pytest.raises(ConfigurationError, match=r"handler=\.\.\.\) must be a function"):
        WebhookReceiver("handler", secret=SECRET)  # type: ignore[arg-type]
