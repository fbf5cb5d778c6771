"""Contains all the data models used in inputs/outputs"""

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
from .webhook_subscription_create_attributes import WebhookSubscriptionCreateAttributes
from .webhook_subscription_create_data import WebhookSubscriptionCreateData
from .webhook_subscription_create_request import WebhookSubscriptionCreateRequest
from .webhook_subscription_document import WebhookSubscriptionDocument
from .webhook_subscription_list_document import WebhookSubscriptionListDocument
from .webhook_subscription_relationships import WebhookSubscriptionRelationships
from .webhook_subscription_type import WebhookSubscriptionType

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
