"""The error raised for webhook bodies that cannot be turned into an event."""

from __future__ import annotations

from .._exceptions import ContentGrooveError

__all__ = ["WebhookPayloadError"]


class WebhookPayloadError(ContentGrooveError, ValueError):
    """A webhook body is malformed: not JSON, too large, or not shaped like the documented event.

    ``path`` is the JSON path of the offending value (``$`` for the body as a whole, for example
    ``$.payload.data.attributes.name``) and ``reason`` says what is wrong with it. The message
    is ``"<path>: <reason>"``. Receivers answer such deliveries with 400.
    """

    def __init__(self, reason: str, *, path: str = "$") -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason
        self.path = path
