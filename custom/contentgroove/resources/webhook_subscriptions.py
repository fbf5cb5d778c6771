"""``cg.webhook_subscriptions``: URLs that receive webhook events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from contentgroove_client.api.webhook_subscriptions import (
    create_webhook_subscription,
    delete_webhook_subscription,
    get_webhook_subscription,
    list_webhook_subscriptions,
)
from contentgroove_client.models.links import Links
from contentgroove_client.models.page_params import PageParams
from contentgroove_client.models.sort_order import SortOrder
from contentgroove_client.models.webhook_subscription_create_attributes import (
    WebhookSubscriptionCreateAttributes,
)
from contentgroove_client.models.webhook_subscription_create_data import (
    WebhookSubscriptionCreateData,
)
from contentgroove_client.models.webhook_subscription_create_request import (
    WebhookSubscriptionCreateRequest,
)
from contentgroove_client.models.webhook_subscription_document import (
    WebhookSubscriptionDocument,
)
from contentgroove_client.models.webhook_subscription_list_document import (
    WebhookSubscriptionListDocument,
)
from contentgroove_client.types import UNSET, Unset

from .._filters import FilterValue, build_filter
from .._models import WebhookSubscription
from .._pagination import AsyncPaginator
from ._base import Resource, check_id, check_text

__all__ = ["WebhookSubscriptions"]


def _check_events(events: Sequence[str] | None) -> list[str] | None:
    if events is None:
        return None
    if isinstance(events, str) or not all(isinstance(e, str) and e for e in events):
        raise TypeError(
            "subscribed_events must be a list of event names, e.g. "
            "['media.processing_finished'] or ['*']"
        )
    return list(events)


def _check_url(url: str) -> str:
    check_text("url", url)
    if not url.startswith(("http://", "https://")):
        raise ValueError(
            f"url {url!r} must be an absolute http(s) URL that ContentGroove can POST to"
        )
    return url


class WebhookSubscriptions(Resource):
    """List, read, create and delete webhook subscriptions."""

    def list(
        self,
        *,
        filter: Mapping[str, FilterValue] | None = None,
        sort: SortOrder | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPaginator[WebhookSubscription]:
        """Iterate over webhook subscriptions."""
        list_filter = build_filter(filter)
        client = self._client

        async def fetch(
            number: int, size: int
        ) -> tuple[Sequence[WebhookSubscription], Links | Unset]:
            request = list_webhook_subscriptions._get_kwargs(
                filter_=list_filter or UNSET,
                page=PageParams(number=number, size=size),
                sort=UNSET if sort is None else sort,
            )
            doc = await client._send(
                request, list_webhook_subscriptions._build_response, WebhookSubscriptionListDocument
            )
            return [WebhookSubscription.from_generated(s) for s in doc.data], doc.links

        return AsyncPaginator(fetch, page_size=page_size, limit=limit)

    async def get(self, subscription_id: str) -> WebhookSubscription:
        """Fetch one webhook subscription by id."""
        request = get_webhook_subscription._get_kwargs(check_id("subscription_id", subscription_id))
        doc = await self._client._send(
            request, get_webhook_subscription._build_response, WebhookSubscriptionDocument
        )
        return WebhookSubscription.from_generated(doc.data)

    async def create(
        self, *, url: str, subscribed_events: Sequence[str] | None = None
    ) -> WebhookSubscription:
        """Subscribe ``url`` to events (all events, ``["*"]``, when none are given)."""
        events = _check_events(subscribed_events)
        body = WebhookSubscriptionCreateRequest(
            data=WebhookSubscriptionCreateData(
                attributes=WebhookSubscriptionCreateAttributes(
                    url=_check_url(url), subscribed_events=UNSET if events is None else events
                )
            )
        )
        request = create_webhook_subscription._get_kwargs(body=body)
        doc = await self._client._send(
            request, create_webhook_subscription._build_response, WebhookSubscriptionDocument
        )
        return WebhookSubscription.from_generated(doc.data)

    async def ensure(
        self, url: str, events: Sequence[str] = ("media.processing_finished",)
    ) -> WebhookSubscription:
        """Return the subscription of ``url`` covering ``events``; create it only if missing.

        Safe to call at every application start: a second call finds the first one's
        subscription instead of creating a duplicate.
        """
        wanted = set(_check_events(events) or ())
        _check_url(url)
        async for sub in self.list():
            covered = "*" in sub.subscribed_events or wanted <= set(sub.subscribed_events)
            if sub.url == url and sub.active is not False and covered:
                return sub
        return await self.create(url=url, subscribed_events=sorted(wanted))

    async def delete(self, subscription_id: str) -> None:
        """Delete a webhook subscription."""
        request = delete_webhook_subscription._get_kwargs(
            check_id("subscription_id", subscription_id)
        )
        await self._client._send(request, delete_webhook_subscription._build_response, None)
