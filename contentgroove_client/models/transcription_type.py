from typing import Literal

TranscriptionType = Literal["transcriptions"]

TRANSCRIPTION_TYPE_VALUES: set[TranscriptionType] = {
    "transcriptions",
}


def check_transcription_type(value: str) -> TranscriptionType:
    if value in TRANSCRIPTION_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TRANSCRIPTION_TYPE_VALUES!r}"
    )
