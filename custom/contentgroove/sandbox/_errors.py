"""Error answers of the sandbox, with the same bodies as the ContentGroove API."""

from __future__ import annotations

import http
from typing import Any

__all__ = [
    "ApiError",
    "bad_request",
    "error_body",
    "not_found",
    "quota_exceeded",
    "rate_limited",
    "unauthorized",
]

JSON = dict[str, Any]

UNAUTHORIZED_MESSAGE = "You need to sign in or sign up before continuing."
RATE_LIMIT_DETAIL = (
    "You have exceeded the maximum number of requests in the current window. "
    "Please try again later."
)


class ApiError(Exception):
    """Raised by request handlers to answer with an error status and body."""

    def __init__(self, status: int, body: JSON, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def _title(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def error_body(status: int, detail: str | None = None) -> JSON:
    """The API's body for ``status``: the reference body where the API documents one."""
    if status == 401:
        return {"errors": [{"message": UNAUTHORIZED_MESSAGE}]}
    if status == 404:
        return {
            "errors": [{"detail": detail, "source": None, "status": "404", "title": "Not Found"}]
        }
    if status == 429:
        return {
            "errors": [{"detail": RATE_LIMIT_DETAIL, "status": "429", "title": "Too Many Requests"}]
        }
    return {
        "errors": [
            {
                "status": str(status),
                "title": _title(status),
                "detail": detail or f"The sandbox answered {status} {_title(status)}.",
            }
        ]
    }


def bad_request(
    detail: str, *, pointer: str | None = None, parameter: str | None = None
) -> ApiError:
    """400 naming what is wrong and where (``source.pointer`` or ``source.parameter``)."""
    error: JSON = {"status": "400", "title": "Bad Request", "detail": detail}
    if pointer is not None:
        error["source"] = {"pointer": pointer}
    elif parameter is not None:
        error["source"] = {"parameter": parameter}
    return ApiError(400, {"errors": [error]})


def not_found() -> ApiError:
    """404 with the API's body."""
    return ApiError(404, error_body(404))


def unauthorized() -> ApiError:
    """401 with the API's body."""
    return ApiError(401, error_body(401))


def rate_limited(retry_after: int) -> ApiError:
    """429 with the API's body and ``Retry-After``."""
    return ApiError(429, error_body(429), {"Retry-After": str(retry_after)})


def quota_exceeded(resource: str) -> ApiError:
    """402 with the API's body (which, as on the real API, says ``"status": "422"``)."""
    return ApiError(
        402,
        {
            "errors": [
                {
                    "code": "exceeded_quota_count",
                    "detail": (
                        f"You have exceeded the monthly quota for number of {resource}. "
                        "Please visit the Settings / Quota Usage page to see your usage "
                        "and manage your account."
                    ),
                    "source": {"pointer": ""},
                    "status": "422",
                    "title": "Unprocessable Entity",
                }
            ]
        },
    )
