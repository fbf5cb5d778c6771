from typing import Literal

WebhookSubscriptionType = Literal["webhook_subscriptions"]

WEBHOOK_SUBSCRIPTION_TYPE_VALUES: set[WebhookSubscriptionType] = {
    "webhook_subscriptions",
}


def check_webhook_subscription_type(value: str) -> WebhookSubscriptionType:
    if value in WEBHOOK_SUBSCRIPTION_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WEBHOOK_SUBSCRIPTION_TYPE_VALUES!r}"
    )
