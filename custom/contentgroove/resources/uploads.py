"""``cg.uploads``: presigned direct uploads of local files."""

from __future__ import annotations

from contentgroove_client.api.direct_uploads import create_direct_upload
from contentgroove_client.models.direct_upload_document import DirectUploadDocument

from .._models import DirectUpload
from ._base import Resource

__all__ = ["Uploads"]


class Uploads(Resource):
    """Direct uploads: a presigned URL to PUT a file to, then a media created from it."""

    async def create(self) -> DirectUpload:
        """Reserve a presigned upload URL (``GET /api/v1/direct_uploads``)."""
        request = create_direct_upload._get_kwargs()
        doc = await self._client._send(
            request, create_direct_upload._build_response, DirectUploadDocument
        )
        return DirectUpload.from_generated(doc.data)
