from typing import Literal

ClipType = Literal["clips"]

CLIP_TYPE_VALUES: set[ClipType] = {
    "clips",
}


def check_clip_type(value: str) -> ClipType:
    if value in CLIP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIP_TYPE_VALUES!r}")
