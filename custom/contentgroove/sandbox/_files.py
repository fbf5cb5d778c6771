"""Placeholder files behind the ``media_file_url`` and preview-image links the sandbox hands out.

Previews are valid 1x1 PNG images; clip files are deterministic placeholder bytes labelled
``video/mp4`` (not playable video), enough to exercise downloads end to end.
"""

from __future__ import annotations

import hashlib
import struct
import zlib

__all__ = ["placeholder_file"]

CLIP_FILE_BYTES = 64 * 1024


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def _png(rgb: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixels = zlib.compress(b"\x00" + rgb)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", pixels)
        + _png_chunk(b"IEND", b"")
    )


def _clip_bytes(resource_id: str) -> bytes:
    block = hashlib.sha256(resource_id.encode()).digest()
    return (block * (CLIP_FILE_BYTES // len(block) + 1))[:CLIP_FILE_BYTES]


def placeholder_file(kind: str, resource_id: str, ext: str) -> tuple[bytes, str] | None:
    """Content and media type of ``/_sandbox/files/<kind>/<id>.<ext>``, or None if no such file."""
    if ext == "png" and kind in ("medias", "clips"):
        return _png(hashlib.sha256(resource_id.encode()).digest()[:3]), "image/png"
    if ext == "mp4" and kind == "clips":
        return _clip_bytes(resource_id), "video/mp4"
    return None
