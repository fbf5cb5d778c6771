from typing import Literal

WebhookMediaType = Literal["medias"]

WEBHOOK_MEDIA_TYPE_VALUES: set[WebhookMediaType] = {
    "medias",
}


def check_webhook_media_type(value: str) -> WebhookMediaType:
    if value in WEBHOOK_MEDIA_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WEBHOOK_MEDIA_TYPE_VALUES!r}"
    )
