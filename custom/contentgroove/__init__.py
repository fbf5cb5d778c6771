"""contentgroove: the async Python SDK for the ContentGroove video-AI API."""

from ._version import __version__

__all__ = ["__version__"]
