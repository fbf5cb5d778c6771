"""JSON:API documents of the sandbox's resources, shaped like the API's responses."""

from __future__ import annotations

from typing import Any

from ._clock import format_timestamp
from ._records import (
    ClipRecord,
    MediaRecord,
    SubscriptionRecord,
    TranscriptionRecord,
    UploadRecord,
)

__all__ = [
    "clip_resource",
    "direct_upload_resource",
    "media_resource",
    "subscription_resource",
    "transcription_resource",
    "webhook_event",
]

JSON = dict[str, Any]


def _ts(value: float | None) -> str | None:
    return None if value is None else format_timestamp(value)


def media_file_url(base_url: str, kind: str, resource_id: str, ext: str) -> str:
    """URL of a generated file the sandbox serves under ``/_sandbox/files``."""
    return f"{base_url}/_sandbox/files/{kind}/{resource_id}.{ext}"


def media_attributes(media: MediaRecord, *, just_created: bool = False) -> JSON:
    """The ``attributes`` of a media.

    ``just_created`` renders the answer of ``POST /medias``: like the API, processing is then
    only queued, so ``is_processing``, ``external_id`` and ``original_created_at`` are null.
    """
    done = media.status == "finished"
    return {
        "created_at": _ts(media.created_at),
        "description": media.description,
        "external_id": None if just_created else str(media.seq),
        "has_fetch_error": media.has_fetch_error,
        "is_processing": None if just_created else media.is_processing,
        "name": media.name,
        "original_created_at": None if just_created else _ts(media.created_at),
        "processing_started_at": _ts(media.processing_started_at),
        "source_created_at": _ts(media.finished_at) if done else None,
        "source_file_content_type": media.content_type if done else None,
        "source_file_duration": media.duration if done else None,
        "source_file_height": media.height if done else None,
        "source_file_preview_image_url": (
            media_file_url(media.base_url, "medias", media.id, "png") if done else None
        ),
        "source_file_width": media.width if done else None,
        "source_url": media.source_url,
    }


def _identifier(resource_id: str | None, type_: str) -> JSON | None:
    return None if resource_id is None else {"id": resource_id, "type": type_}


def media_resource(media: MediaRecord, *, just_created: bool = False) -> JSON:
    """A media as the API sends it (``relationships`` holds clips and transcription)."""
    return {
        "attributes": media_attributes(media, just_created=just_created),
        "id": media.id,
        "relationships": {
            "clips": {"data": [{"id": cid, "type": "clips"} for cid in media.clip_ids]},
            "transcription": {"data": _identifier(media.transcription_id, "transcriptions")},
        },
        "type": "medias",
    }


def clip_attributes(clip: ClipRecord, *, just_created: bool = False) -> JSON:
    """The ``attributes`` of a clip (``just_created``: the answer of ``POST /clips``)."""
    done = clip.finished
    return {
        "created_at": _ts(clip.created_at),
        "end_char": clip.end_char,
        "end_time": clip.end_time,
        "external_id": None if just_created else str(clip.seq),
        "is_processing": None if just_created else clip.is_processing,
        "media_file_content_type": clip.content_type if done else None,
        "media_file_duration": clip.duration if done else None,
        "media_file_height": clip.height if done else None,
        "media_file_preview_image_url": (
            media_file_url(clip.base_url, "clips", clip.id, "png") if done else None
        ),
        "media_file_url": media_file_url(clip.base_url, "clips", clip.id, "mp4") if done else None,
        "media_file_width": clip.width if done else None,
        "name": clip.name,
        "processing_started_at": _ts(clip.processing_started_at),
        "rank": clip.rank,
        "start_char": clip.start_char,
        "start_time": clip.start_time,
        "text": clip.text,
    }


def clip_resource(clip: ClipRecord, *, just_created: bool = False) -> JSON:
    """A clip as the API sends it."""
    return {
        "attributes": clip_attributes(clip, just_created=just_created),
        "id": clip.id,
        "relationships": {"media": {"data": {"id": clip.media_id, "type": "medias"}}},
        "type": "clips",
    }


def transcription_resource(transcription: TranscriptionRecord) -> JSON:
    """A transcription as webhook payloads include it."""
    return {
        "attributes": {"text": transcription.text},
        "id": transcription.id,
        "relationships": {"media": {"data": {"id": transcription.media_id, "type": "medias"}}},
        "type": "transcriptions",
    }


def subscription_attributes(sub: SubscriptionRecord) -> JSON:
    """The ``attributes`` of a webhook subscription."""
    return {
        "active": sub.active,
        "created_at": _ts(sub.created_at),
        "subscribed_events": list(sub.subscribed_events),
        "updated_at": _ts(sub.updated_at),
        "url": sub.url,
    }


def subscription_resource(sub: SubscriptionRecord) -> JSON:
    """A webhook subscription as the API sends it."""
    return {
        "attributes": subscription_attributes(sub),
        "id": sub.id,
        "relationships": {
            "user": {"data": {"id": sub.user_id, "type": "users"}},
            "webhook_events": {"data": []},
        },
        "type": "webhook_subscriptions",
    }


def direct_upload_resource(upload: UploadRecord, upload_url: str) -> JSON:
    """A direct-upload slot as ``GET /direct_uploads`` sends it."""
    return {
        "attributes": {"upload_id": upload.upload_id, "upload_url": upload_url},
        "id": upload.id,
        "type": "direct_upload_blobs",
    }


def webhook_event(
    media: MediaRecord, clips: list[ClipRecord], transcription: TranscriptionRecord | None
) -> JSON:
    """The ``media.processing_finished`` webhook body.

    Unlike API responses, the transcription link sits beside ``relationships``; the clips
    and the transcription are ``included``.
    """
    included: list[JSON] = [clip_resource(c) for c in clips]
    if transcription is not None:
        included.append(transcription_resource(transcription))
    return {
        "event": "media.processing_finished",
        "payload": {
            "data": {
                "attributes": media_attributes(media),
                "id": media.id,
                "relationships": {
                    "clips": {"data": [{"id": c.id, "type": "clips"} for c in clips]},
                },
                "transcription": {"data": _identifier(media.transcription_id, "transcriptions")},
                "type": "medias",
            },
            "included": included,
        },
    }
