from typing import Literal

MediaType = Literal["medias"]

MEDIA_TYPE_VALUES: set[MediaType] = {
    "medias",
}


def check_media_type(value: str) -> MediaType:
    if value in MEDIA_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MEDIA_TYPE_VALUES!r}"
    )
