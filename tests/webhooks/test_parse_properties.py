"""parse_event properties: only WebhookPayloadError escapes it; valid payloads round-trip."""

from __future__ import annotations

import json
from typing import Any

from contentgroove.webhooks import (
    MediaProcessingFinished,
    UnknownEvent,
    WebhookPayloadError,
    idempotency_key,
    parse_event,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import REFERENCE, body_of, reference

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
# Values the wire format tends to carry where something else is declared.
tricky_values = json_values | st.sampled_from(
    ["98.865532", "1e999", "nan", "", "true", "2022-08-17T02:13:58Z", "not a date", 10**400, {}, []]
)


def parses_or_refuses(body: bytes) -> None:
    """The property: a typed event whose key can be computed, or a WebhookPayloadError."""
    try:
        event = parse_event(body)
    except WebhookPayloadError as exc:
        assert exc.path.startswith("$")
        assert exc.reason
        return
    assert isinstance(event, MediaProcessingFinished | UnknownEvent)
    assert idempotency_key(event)
    if isinstance(event, MediaProcessingFinished):
        assert isinstance(event.media.id, str) and event.media.id
        assert all(isinstance(clip.id, str) for clip in event.clips)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes(body: bytes) -> None:
    parses_or_refuses(body)


@SETTINGS
@given(json_values)
def test_any_json_document(document: Any) -> None:
    parses_or_refuses(json.dumps(document).encode())


@SETTINGS
@given(st.dictionaries(st.sampled_from(["event", "payload", "x"]), json_values, max_size=3))
def test_any_top_level_object(document: dict[str, Any]) -> None:
    document.setdefault("event", "media.processing_finished")
    parses_or_refuses(json.dumps(document).encode())


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a node of a JSON document, as tuples of keys and indexes."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


REFERENCE_PATHS = [p for p in _paths(REFERENCE) if p]


@SETTINGS
@given(
    st.lists(
        st.tuples(st.sampled_from(REFERENCE_PATHS), tricky_values | st.just(...)),
        min_size=1,
        max_size=4,
    )
)
def test_reference_with_any_node_replaced_or_removed(changes: list[tuple[Any, Any]]) -> None:
    doc = reference()
    for path, value in changes:
        target: Any = doc
        try:
            for step in path[:-1]:
                target = target[step]
            if value is ...:
                del target[path[-1]]
            else:
                target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this node
    parses_or_refuses(body_of(doc))


ids = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1)
names = st.none() | st.text(max_size=30)
numbers = st.floats(0, 1e6) | st.floats(0, 1e6).map(lambda x: f"{x:.6f}")


@st.composite
def deliveries(draw: st.DrawFn) -> dict[str, Any]:
    """A valid media.processing_finished body, with the quirks of the wire drawn at random."""
    media_id = draw(ids)
    clips = []
    for clip_id in draw(st.lists(ids, max_size=6, unique=True)):
        attributes = {
            "name": draw(names),
            "rank": draw(st.none() | st.integers(0, 50) | st.integers(0, 50).map(str)),
            "start_time": draw(numbers),
        }
        relationship = draw(st.sampled_from([{}, {"data": {"id": media_id, "type": "medias"}}]))
        clips.append(
            {
                "id": clip_id,
                "type": "clips",
                "attributes": {
                    k: v for k, v in attributes.items() if draw(st.booleans()) or k == "rank"
                },
                "relationships": {"media": relationship},
            }
        )
    transcription_text = draw(st.none() | st.text(max_size=200))
    included = [*clips]
    if transcription_text is not None:
        included.append(
            {
                "id": "t-" + media_id,
                "type": "transcriptions",
                "attributes": {"text": transcription_text},
            }
        )
    media = {
        "id": media_id,
        "type": "medias",
        "attributes": {
            "name": draw(names),
            "is_processing": draw(st.none() | st.booleans()),
            "source_file_duration": draw(st.none() | numbers),
        },
        "relationships": {"clips": {"data": [{"id": c["id"], "type": "clips"} for c in clips]}},
    }
    if transcription_text is not None:
        media["transcription"] = {"data": {"id": "t-" + media_id, "type": "transcriptions"}}
    return {"event": "media.processing_finished", "payload": {"data": media, "included": included}}


@SETTINGS
@given(deliveries())
def test_valid_deliveries_round_trip_ids_and_names(document: dict[str, Any]) -> None:
    event = parse_event(body_of(document))

    assert isinstance(event, MediaProcessingFinished)
    media = document["payload"]["data"]
    assert event.media.id == media["id"]
    assert event.media.name == media["attributes"]["name"]
    sent_clips = [i for i in document["payload"]["included"] if i["type"] == "clips"]
    assert sorted(c.id for c in event.clips) == sorted(c["id"] for c in sent_clips)
    by_id = {c["id"]: c for c in sent_clips}
    for clip in event.clips:
        assert clip.name == by_id[clip.id]["attributes"].get("name")
    ranks = [c.rank for c in event.clips]
    ranked = [r for r in ranks if r is not None]
    assert ranks == ranked + [None] * (len(ranks) - len(ranked))
    assert ranked == sorted(ranked)
    transcription = media.get("transcription")
    if transcription is None:
        assert event.transcription is None
    else:
        assert event.transcription is not None
        assert event.transcription.id == transcription["data"]["id"]
    assert idempotency_key(event) == idempotency_key(parse_event(body_of(document)))
