"""Request helpers shared by the sandbox tests."""

from __future__ import annotations

from typing import Any

import httpx


def body(attributes: dict[str, Any]) -> dict[str, Any]:
    """A JSON:API request body."""
    return {"data": {"attributes": attributes}}


async def create_media(client: httpx.AsyncClient, **attributes: Any) -> dict[str, Any]:
    attributes.setdefault("source_url", "https://videos.example.com/talk.mp4")
    response = await client.post("/api/v1/medias", json=body(attributes))
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def create_clip(
    client: httpx.AsyncClient, media_id: str, **attributes: Any
) -> dict[str, Any]:
    attributes = {
        "name": "a clip",
        "start_time": 1,
        "end_time": 3,
        "media_id": media_id,
        **attributes,
    }
    response = await client.post("/api/v1/clips", json=body(attributes))
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data
