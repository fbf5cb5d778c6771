"""The sandbox's resources and their processing, guarded by one lock.

Every method takes the lock, so the store can be shared by an app served from another thread
(``serve_sandbox``) and the test reading it. Processing is computed from the clock: any call to
:meth:`Store.advance` finishes what is due, whoever calls it.
"""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Callable
from typing import Any

from ._clock import Clock
from ._config import SandboxConfig
from ._content import fetch_error_reason, generate, guess_type, span_for_times
from ._errors import bad_request, not_found, quota_exceeded
from ._records import (
    ClipRecord,
    MediaRecord,
    SubscriptionRecord,
    TranscriptionRecord,
    UploadRecord,
)

__all__ = ["Store"]

JSON = dict[str, Any]
Finished = Callable[[MediaRecord, list[ClipRecord], TranscriptionRecord | None], None]


class Store:
    """Resources, uploads and processing state of one sandbox."""

    def __init__(self, config: SandboxConfig, lock: threading.RLock) -> None:
        self.config = config
        self.clock: Clock = config.clock
        self.lock = lock
        self._rng = random.Random(config.seed)
        self._seq = 0
        self.medias: dict[str, MediaRecord] = {}
        self.clips: dict[str, ClipRecord] = {}
        self.transcriptions: dict[str, TranscriptionRecord] = {}
        self.subscriptions: dict[str, SubscriptionRecord] = {}
        self.uploads: dict[str, UploadRecord] = {}
        """Direct uploads by ``key`` (the last segment of their ``upload_url`` path)."""
        self.medias_created = 0
        self.clips_created = 0
        self.user_id = self.new_id()
        self.on_finished: Finished | None = None

    # -- ids ---------------------------------------------------------------------------------

    def new_id(self) -> str:
        """A UUID4 string (reproducible when the config has a ``seed``)."""
        with self.lock:
            return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def new_token(self) -> str:
        """A random 32-hex-digit token (reproducible with a ``seed``)."""
        with self.lock:
            return f"{self._rng.getrandbits(128):032x}"

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    # -- processing --------------------------------------------------------------------------

    def advance(self) -> list[MediaRecord]:
        """Finish every media and clip whose processing time is over; returns the medias."""
        now = self.clock.now()
        finished: list[MediaRecord] = []
        with self.lock:
            due = sorted(
                (m for m in self.medias.values() if m.is_processing and m.finishes_at <= now),
                key=lambda m: (m.finishes_at, m.seq),
            )
            for media in due:
                self._finish_media(media)
                finished.append(media)
            for clip in self.clips.values():
                if not clip.finished and clip.finishes_at <= now:
                    self._finish_clip(clip)
        return finished

    def _finish_media(self, media: MediaRecord) -> None:
        media.finished_at = media.finishes_at
        reason = fetch_error_reason(media.source_url) if media.source_url is not None else None
        upload = self.upload_by_id(media.upload_id) if media.upload_id else None
        if upload is not None and upload.byte_count == 0:
            reason = "the uploaded file is empty"
        if reason is not None:
            media.status = "failed"
            transcription = None
            suggested: list[ClipRecord] = []
        else:
            declared = upload.content_type if upload is not None else None
            media.content_type = guess_type(media.source_url, declared)
            result = generate(media.id, media.content_type)
            media.status = "finished"
            media.duration = result.duration
            media.width, media.height = result.width, result.height
            transcription = TranscriptionRecord(
                id=self.new_id(), media_id=media.id, text=result.transcript
            )
            self.transcriptions[transcription.id] = transcription
            media.transcription_id = transcription.id
            suggested = []
            for gen in result.clips:
                clip = ClipRecord(
                    id=self.new_id(),
                    seq=self._next_seq(),
                    media_id=media.id,
                    name=gen.name,
                    rank=gen.rank,
                    start_time=gen.start_time,
                    end_time=gen.end_time,
                    start_char=gen.start_char,
                    end_char=gen.end_char,
                    text=gen.text,
                    created_at=media.finishes_at,
                    processing_started_at=media.finishes_at,
                    finishes_at=media.finishes_at,
                    base_url=media.base_url,
                    finished=True,
                    content_type=media.content_type,
                    width=media.width,
                    height=media.height,
                )
                self.clips[clip.id] = clip
                suggested.append(clip)
            # Suggested clips first, by rank; clips made before processing ended follow.
            media.clip_ids = [c.id for c in suggested] + media.clip_ids
            for cid in media.clip_ids:
                clip = self.clips[cid]
                if clip.rank is None and clip.finished:
                    self._fill_clip_text(clip, media)
        if self.on_finished is not None:
            clips = [self.clips[cid] for cid in media.clip_ids]
            self.on_finished(media, clips, transcription)

    def _fill_clip_text(self, clip: ClipRecord, media: MediaRecord) -> None:
        transcription = self.transcriptions.get(media.transcription_id or "")
        if transcription is None or media.duration is None:
            return
        clip.start_char, clip.end_char = span_for_times(
            transcription.text, media.duration, clip.start_time, clip.end_time
        )
        clip.text = transcription.text[clip.start_char : clip.end_char]

    def _finish_clip(self, clip: ClipRecord) -> None:
        clip.finished = True
        media = self.medias.get(clip.media_id)
        if media is not None and media.status == "finished":
            clip.content_type = media.content_type
            clip.width, clip.height = media.width, media.height
            self._fill_clip_text(clip, media)
        else:
            clip.content_type = "video/mp4"

    # -- medias ------------------------------------------------------------------------------

    def create_media(self, attributes: JSON, base_url: str) -> MediaRecord:
        """Create a media from validated ``attributes`` (402 over quota, 400 bad upload)."""
        source_url = attributes.get("source_url")
        upload_id = attributes.get("upload_id")
        with self.lock:
            if upload_id is not None:
                upload = self.upload_by_id(upload_id)
                if upload is None:
                    raise bad_request(
                        "upload_id is not one this API gave out: request a direct upload with "
                        "GET /api/v1/direct_uploads and pass its upload_id",
                        pointer="/data/attributes/upload_id",
                    )
                if not upload.completed:
                    raise bad_request(
                        "the file of this upload_id was never (completely) uploaded: PUT the "
                        "file to the upload_url first, then create the media",
                        pointer="/data/attributes/upload_id",
                    )
            quota = self.config.media_quota
            if quota is not None and self.medias_created >= quota:
                raise quota_exceeded("medias")
            now = self.clock.now()
            media = MediaRecord(
                id=self.new_id(),
                seq=self._next_seq(),
                name=attributes.get("name", ""),
                description=attributes.get("description"),
                source_url=source_url,
                upload_id=upload_id,
                created_at=now,
                processing_started_at=now,
                finishes_at=now + self.config.processing_seconds,
                base_url=base_url,
            )
            self.medias[media.id] = media
            self.medias_created += 1
            return media

    def get_media(self, media_id: str) -> MediaRecord:
        """The media, or 404."""
        with self.lock:
            media = self.medias.get(media_id)
            if media is None:
                raise not_found()
            return media

    def update_media(self, media_id: str, attributes: JSON) -> MediaRecord:
        """Change name and/or description."""
        with self.lock:
            media = self.get_media(media_id)
            if "name" in attributes:
                media.name = attributes["name"]
            if "description" in attributes:
                media.description = attributes["description"]
            return media

    def delete_media(self, media_id: str) -> None:
        """Delete the media with its clips and transcription."""
        with self.lock:
            media = self.get_media(media_id)
            for cid in media.clip_ids:
                self.clips.pop(cid, None)
            if media.transcription_id is not None:
                self.transcriptions.pop(media.transcription_id, None)
            del self.medias[media_id]

    # -- clips -------------------------------------------------------------------------------

    def _check_times(self, media: MediaRecord, start: float, end: float) -> None:
        if start < 0:
            raise bad_request(
                f"start_time must be >= 0 seconds, got {start}",
                pointer="/data/attributes/start_time",
            )
        if end <= start:
            raise bad_request(
                f"end_time ({end}) must be greater than start_time ({start})",
                pointer="/data/attributes/end_time",
            )
        if media.duration is not None and end > media.duration:
            raise bad_request(
                f"end_time ({end}) is past the end of the media ({media.duration} seconds)",
                pointer="/data/attributes/end_time",
            )

    def create_clip(self, attributes: JSON, base_url: str) -> ClipRecord:
        """Create a clip of an existing media from validated ``attributes``."""
        with self.lock:
            media = self.medias.get(attributes["media_id"])
            if media is None:
                raise bad_request(
                    f"media_id {attributes['media_id']!r} is not the id of one of your medias",
                    pointer="/data/attributes/media_id",
                )
            start, end = float(attributes["start_time"]), float(attributes["end_time"])
            self._check_times(media, start, end)
            quota = self.config.clip_quota
            if quota is not None and self.clips_created >= quota:
                raise quota_exceeded("clips")
            now = self.clock.now()
            clip = ClipRecord(
                id=self.new_id(),
                seq=self._next_seq(),
                media_id=media.id,
                name=attributes["name"],
                rank=None,
                start_time=start,
                end_time=end,
                created_at=now,
                processing_started_at=now,
                finishes_at=now + self.config.clip_processing_seconds,
                base_url=base_url,
            )
            self.clips[clip.id] = clip
            media.clip_ids.append(clip.id)
            self.clips_created += 1
            return clip

    def get_clip(self, clip_id: str) -> ClipRecord:
        """The clip, or 404."""
        with self.lock:
            clip = self.clips.get(clip_id)
            if clip is None:
                raise not_found()
            return clip

    def update_clip(self, clip_id: str, attributes: JSON) -> ClipRecord:
        """Rename the clip and/or move it (which processes its file again)."""
        with self.lock:
            clip = self.get_clip(clip_id)
            start = float(attributes.get("start_time", clip.start_time))
            end = float(attributes.get("end_time", clip.end_time))
            if "start_time" in attributes or "end_time" in attributes:
                self._check_times(self.get_media(clip.media_id), start, end)
                now = self.clock.now()
                clip.start_time, clip.end_time = start, end
                clip.processing_started_at = now
                clip.finishes_at = now + self.config.clip_processing_seconds
                clip.finished = False
                clip.text, clip.start_char, clip.end_char = None, 0, 0
            if "name" in attributes:
                clip.name = attributes["name"]
            return clip

    def delete_clip(self, clip_id: str) -> None:
        """Delete the clip."""
        with self.lock:
            clip = self.get_clip(clip_id)
            media = self.medias.get(clip.media_id)
            if media is not None and clip_id in media.clip_ids:
                media.clip_ids.remove(clip_id)
            del self.clips[clip_id]

    # -- webhook subscriptions ---------------------------------------------------------------

    def create_subscription(self, attributes: JSON) -> SubscriptionRecord:
        """Subscribe a URL to events (all of them by default)."""
        with self.lock:
            now = self.clock.now()
            sub = SubscriptionRecord(
                id=self.new_id(),
                seq=self._next_seq(),
                url=attributes["url"],
                subscribed_events=list(attributes.get("subscribed_events") or ["*"]),
                active=True,
                created_at=now,
                updated_at=now,
                user_id=self.user_id,
            )
            self.subscriptions[sub.id] = sub
            return sub

    def get_subscription(self, sub_id: str) -> SubscriptionRecord:
        """The subscription, or 404."""
        with self.lock:
            sub = self.subscriptions.get(sub_id)
            if sub is None:
                raise not_found()
            return sub

    def delete_subscription(self, sub_id: str) -> None:
        """Delete the subscription (deliveries already under way still complete)."""
        with self.lock:
            self.get_subscription(sub_id)
            del self.subscriptions[sub_id]

    # -- uploads -----------------------------------------------------------------------------

    def add_upload(self, record: UploadRecord) -> None:
        """Register a new direct-upload slot."""
        with self.lock:
            self.uploads[record.key] = record

    def upload_by_id(self, upload_id: str | None) -> UploadRecord | None:
        """The upload with this ``upload_id``, if any."""
        with self.lock:
            for record in self.uploads.values():
                if record.upload_id == upload_id:
                    return record
            return None
