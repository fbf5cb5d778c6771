"""Contains all the data models used in inputs/outputs.

Each model's module is imported on first use of the model (PEP 562), so importing one model
does not import all of them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clip import Clip
    from .clip_attributes import ClipAttributes
    from .clip_create_attributes import ClipCreateAttributes
    from .clip_create_data import ClipCreateData
    from .clip_create_request import ClipCreateRequest
    from .clip_document import ClipDocument
    from .clip_list_document import ClipListDocument
    from .clip_relationships import ClipRelationships
    from .clip_type import ClipType
    from .clip_update_attributes import ClipUpdateAttributes
    from .clip_update_data import ClipUpdateData
    from .clip_update_request import ClipUpdateRequest
    from .direct_upload import DirectUpload
    from .direct_upload_attributes import DirectUploadAttributes
    from .direct_upload_document import DirectUploadDocument
    from .error_object import ErrorObject
    from .error_response import ErrorResponse
    from .error_source import ErrorSource
    from .links import Links
    from .list_filter import ListFilter
    from .media import Media
    from .media_attributes import MediaAttributes
    from .media_create_attributes import MediaCreateAttributes
    from .media_create_data import MediaCreateData
    from .media_create_request import MediaCreateRequest
    from .media_document import MediaDocument
    from .media_list_document import MediaListDocument
    from .media_processing_finished_event import MediaProcessingFinishedEvent
    from .media_processing_finished_event_event import MediaProcessingFinishedEventEvent
    from .media_processing_finished_payload import MediaProcessingFinishedPayload
    from .media_relationships import MediaRelationships
    from .media_type import MediaType
    from .media_update_attributes import MediaUpdateAttributes
    from .media_update_data import MediaUpdateData
    from .media_update_request import MediaUpdateRequest
    from .page_params import PageParams
    from .resource_identifier import ResourceIdentifier
    from .sort_order import SortOrder
    from .to_many_relationship import ToManyRelationship
    from .to_one_relationship import ToOneRelationship
    from .transcription import Transcription
    from .transcription_attributes import TranscriptionAttributes
    from .transcription_relationships import TranscriptionRelationships
    from .transcription_type import TranscriptionType
    from .webhook_media import WebhookMedia
    from .webhook_media_type import WebhookMediaType
    from .webhook_subscription import WebhookSubscription
    from .webhook_subscription_attributes import WebhookSubscriptionAttributes
    from .webhook_subscription_create_attributes import (
        WebhookSubscriptionCreateAttributes,
    )
    from .webhook_subscription_create_data import WebhookSubscriptionCreateData
    from .webhook_subscription_create_request import WebhookSubscriptionCreateRequest
    from .webhook_subscription_document import WebhookSubscriptionDocument
    from .webhook_subscription_list_document import WebhookSubscriptionListDocument
    from .webhook_subscription_relationships import WebhookSubscriptionRelationships
    from .webhook_subscription_type import WebhookSubscriptionType

_MODULES: dict[str, str] = {
    "Clip": ".clip",
    "ClipAttributes": ".clip_attributes",
    "ClipCreateAttributes": ".clip_create_attributes",
    "ClipCreateData": ".clip_create_data",
    "ClipCreateRequest": ".clip_create_request",
    "ClipDocument": ".clip_document",
    "ClipListDocument": ".clip_list_document",
    "ClipRelationships": ".clip_relationships",
    "ClipType": ".clip_type",
    "ClipUpdateAttributes": ".clip_update_attributes",
    "ClipUpdateData": ".clip_update_data",
    "ClipUpdateRequest": ".clip_update_request",
    "DirectUpload": ".direct_upload",
    "DirectUploadAttributes": ".direct_upload_attributes",
    "DirectUploadDocument": ".direct_upload_document",
    "ErrorObject": ".error_object",
    "ErrorResponse": ".error_response",
    "ErrorSource": ".error_source",
    "Links": ".links",
    "ListFilter": ".list_filter",
    "Media": ".media",
    "MediaAttributes": ".media_attributes",
    "MediaCreateAttributes": ".media_create_attributes",
    "MediaCreateData": ".media_create_data",
    "MediaCreateRequest": ".media_create_request",
    "MediaDocument": ".media_document",
    "MediaListDocument": ".media_list_document",
    "MediaProcessingFinishedEvent": ".media_processing_finished_event",
    "MediaProcessingFinishedEventEvent": ".media_processing_finished_event_event",
    "MediaProcessingFinishedPayload": ".media_processing_finished_payload",
    "MediaRelationships": ".media_relationships",
    "MediaType": ".media_type",
    "MediaUpdateAttributes": ".media_update_attributes",
    "MediaUpdateData": ".media_update_data",
    "MediaUpdateRequest": ".media_update_request",
    "PageParams": ".page_params",
    "ResourceIdentifier": ".resource_identifier",
    "SortOrder": ".sort_order",
    "ToManyRelationship": ".to_many_relationship",
    "ToOneRelationship": ".to_one_relationship",
    "Transcription": ".transcription",
    "TranscriptionAttributes": ".transcription_attributes",
    "TranscriptionRelationships": ".transcription_relationships",
    "TranscriptionType": ".transcription_type",
    "WebhookMedia": ".webhook_media",
    "WebhookMediaType": ".webhook_media_type",
    "WebhookSubscription": ".webhook_subscription",
    "WebhookSubscriptionAttributes": ".webhook_subscription_attributes",
    "WebhookSubscriptionCreateAttributes": ".webhook_subscription_create_attributes",
    "WebhookSubscriptionCreateData": ".webhook_subscription_create_data",
    "WebhookSubscriptionCreateRequest": ".webhook_subscription_create_request",
    "WebhookSubscriptionDocument": ".webhook_subscription_document",
    "WebhookSubscriptionListDocument": ".webhook_subscription_list_document",
    "WebhookSubscriptionRelationships": ".webhook_subscription_relationships",
    "WebhookSubscriptionType": ".webhook_subscription_type",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


__all__ = (
    "Clip",
    "ClipAttributes",
    "ClipCreateAttributes",
    "ClipCreateData",
    "ClipCreateRequest",
    "ClipDocument",
    "ClipListDocument",
    "ClipRelationships",
    "ClipType",
    "ClipUpdateAttributes",
    "ClipUpdateData",
    "ClipUpdateRequest",
    "DirectUpload",
    "DirectUploadAttributes",
    "DirectUploadDocument",
    "ErrorObject",
    "ErrorResponse",
    "ErrorSource",
    "Links",
    "ListFilter",
    "Media",
    "MediaAttributes",
    "MediaCreateAttributes",
    "MediaCreateData",
    "MediaCreateRequest",
    "MediaDocument",
    "MediaListDocument",
    "MediaProcessingFinishedEvent",
    "MediaProcessingFinishedEventEvent",
    "MediaProcessingFinishedPayload",
    "MediaRelationships",
    "MediaType",
    "MediaUpdateAttributes",
    "MediaUpdateData",
    "MediaUpdateRequest",
    "PageParams",
    "ResourceIdentifier",
    "SortOrder",
    "ToManyRelationship",
    "ToOneRelationship",
    "Transcription",
    "TranscriptionAttributes",
    "TranscriptionRelationships",
    "TranscriptionType",
    "WebhookMedia",
    "WebhookMediaType",
    "WebhookSubscription",
    "WebhookSubscriptionAttributes",
    "WebhookSubscriptionCreateAttributes",
    "WebhookSubscriptionCreateData",
    "WebhookSubscriptionCreateRequest",
    "WebhookSubscriptionDocument",
    "WebhookSubscriptionListDocument",
    "WebhookSubscriptionRelationships",
    "WebhookSubscriptionType",
)
