from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_filter import ListFilter
from ...models.page_params import PageParams
from ...models.sort_order import SortOrder
from ...models.webhook_subscription_list_document import WebhookSubscriptionListDocument
from ...types import UNSET, Response, Unset
from ...types import deep_object as _deep_object


def _get_kwargs(
    *,
    filter_: ListFilter | Unset = UNSET,
    page: PageParams | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_filter_: dict[str, Any] | Unset = UNSET
    if not isinstance(filter_, Unset):
        json_filter_ = filter_.to_dict()
    if not isinstance(json_filter_, Unset):
        params.update(_deep_object("filter", json_filter_))

    json_page: dict[str, Any] | Unset = UNSET
    if not isinstance(page, Unset):
        json_page = page.to_dict()
    if not isinstance(json_page, Unset):
        params.update(_deep_object("page", json_page))

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhook_subscriptions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WebhookSubscriptionListDocument | None:
    if response.status_code == 200:
        response_200 = WebhookSubscriptionListDocument.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | WebhookSubscriptionListDocument]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    filter_: ListFilter | Unset = UNSET,
    page: PageParams | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> Response[ErrorResponse | WebhookSubscriptionListDocument]:
    """list webhook subscriptions

    Args:
        filter_ (ListFilter | Unset): Ransack filters, sent as
            `filter[<attribute>_<matcher>]=value` (e.g. `filter[name_eq]=chimp`). A list value is sent
            as `filter[<key>][]=a&filter[<key>][]=b` (for `_in`).
        page (PageParams | Unset): Sent as `page[number]=N&page[size]=M`.
        sort (SortOrder | Unset): Sort field; a leading `-` sorts descending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookSubscriptionListDocument]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        page=page,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    filter_: ListFilter | Unset = UNSET,
    page: PageParams | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> ErrorResponse | WebhookSubscriptionListDocument | None:
    """list webhook subscriptions

    Args:
        filter_ (ListFilter | Unset): Ransack filters, sent as
            `filter[<attribute>_<matcher>]=value` (e.g. `filter[name_eq]=chimp`). A list value is sent
            as `filter[<key>][]=a&filter[<key>][]=b` (for `_in`).
        page (PageParams | Unset): Sent as `page[number]=N&page[size]=M`.
        sort (SortOrder | Unset): Sort field; a leading `-` sorts descending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookSubscriptionListDocument
    """

    return sync_detailed(
        client=client,
        filter_=filter_,
        page=page,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    filter_: ListFilter | Unset = UNSET,
    page: PageParams | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> Response[ErrorResponse | WebhookSubscriptionListDocument]:
    """list webhook subscriptions

    Args:
        filter_ (ListFilter | Unset): Ransack filters, sent as
            `filter[<attribute>_<matcher>]=value` (e.g. `filter[name_eq]=chimp`). A list value is sent
            as `filter[<key>][]=a&filter[<key>][]=b` (for `_in`).
        page (PageParams | Unset): Sent as `page[number]=N&page[size]=M`.
        sort (SortOrder | Unset): Sort field; a leading `-` sorts descending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookSubscriptionListDocument]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        page=page,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    filter_: ListFilter | Unset = UNSET,
    page: PageParams | Unset = UNSET,
    sort: SortOrder | Unset = UNSET,
) -> ErrorResponse | WebhookSubscriptionListDocument | None:
    """list webhook subscriptions

    Args:
        filter_ (ListFilter | Unset): Ransack filters, sent as
            `filter[<attribute>_<matcher>]=value` (e.g. `filter[name_eq]=chimp`). A list value is sent
            as `filter[<key>][]=a&filter[<key>][]=b` (for `_in`).
        page (PageParams | Unset): Sent as `page[number]=N&page[size]=M`.
        sort (SortOrder | Unset): Sort field; a leading `-` sorts descending.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookSubscriptionListDocument
    """

    return (
        await asyncio_detailed(
            client=client,
            filter_=filter_,
            page=page,
            sort=sort,
        )
    ).parsed
