from typing import Literal

MediaProcessingFinishedEventEvent = Literal["media.processing_finished"]

MEDIA_PROCESSING_FINISHED_EVENT_EVENT_VALUES: set[MediaProcessingFinishedEventEvent] = {
    "media.processing_finished",
}


def check_media_processing_finished_event_event(
    value: str,
) -> MediaProcessingFinishedEventEvent:
    if value in MEDIA_PROCESSING_FINISHED_EVENT_EVENT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MEDIA_PROCESSING_FINISHED_EVENT_EVENT_VALUES!r}"
    )
