"""Non-2xx answers raise the typed error for their status, with a message that says what failed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from contentgroove import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ContentGroove,
    ContentGrooveError,
    InternalServerError,
    NotFoundError,
    QuotaExceededError,
    RateLimitError,
)

from .conftest import example

pytestmark = pytest.mark.anyio

MEDIA_ID = "f98fae60-8086-41d5-8966-36698bf13de0"


def jsonapi_error(status: int, title: str, detail: str) -> dict[str, Any]:
    return {"errors": [{"status": str(status), "title": title, "detail": detail}]}


@pytest.fixture
def no_retries(cg: ContentGroove) -> ContentGroove:
    return cg.with_options(max_retries=0)


@pytest.mark.parametrize(
    ("status", "error_class", "title", "detail"),
    [
        (400, BadRequestError, "Bad Request", "param is missing or the value is empty: data"),
        (500, InternalServerError, "Internal Server Error", "something broke"),
        (502, InternalServerError, "Bad Gateway", "upstream closed"),
        (503, InternalServerError, "Service Unavailable", "down for maintenance"),
    ],
)
async def test_status_maps_to_its_error_class_with_title_and_detail(
    no_retries: ContentGroove,
    api: respx.MockRouter,
    status: int,
    error_class: type[APIStatusError],
    title: str,
    detail: str,
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(status, json=jsonapi_error(status, title, detail))

    with pytest.raises(error_class) as caught:
        await no_retries.medias.get(MEDIA_ID)

    err = caught.value
    assert str(err) == f"GET /api/v1/medias/{MEDIA_ID} returned {status}: {title} - {detail}"
    assert err.status_code == status
    assert [(e.title, e.detail) for e in err.errors] == [(title, detail)]
    assert err.response.status_code == status
    assert err.request.method == "GET"
    assert isinstance(err, ContentGrooveError)


async def test_401_uses_the_documented_message(
    no_retries: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(401, json=example(examples, "get_media", 401))

    with pytest.raises(AuthenticationError) as caught:
        await no_retries.medias.get(MEDIA_ID)

    assert str(caught.value) == (
        f"GET /api/v1/medias/{MEDIA_ID} returned 401: "
        "You need to sign in or sign up before continuing."
    )


async def test_402_is_a_quota_error(
    no_retries: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.post("/api/v1/medias").respond(402, json=example(examples, "create_media", 402))

    with pytest.raises(QuotaExceededError) as caught:
        await no_retries.medias.create(source_url="https://v.example.test/a.mp4")

    message = str(caught.value)
    assert message.startswith("POST /api/v1/medias returned 402: Unprocessable Entity - ")
    assert "exceeded the monthly quota for number of medias" in message
    assert caught.value.errors[0].code == "exceeded_quota_count"


async def test_404_is_not_found(
    no_retries: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.delete("/api/v1/clips/missing").respond(404, json=example(examples, "delete_clip", 404))

    with pytest.raises(
        NotFoundError, match=r"^DELETE /api/v1/clips/missing returned 404: Not Found$"
    ):
        await no_retries.clips.delete("missing")


async def test_429_is_a_rate_limit_error_with_retry_after(
    no_retries: ContentGroove, api: respx.MockRouter, examples: dict[str, Any]
) -> None:
    api.get("/api/v1/medias").respond(
        429, json=example(examples, "list_medias", 429), headers={"Retry-After": "7"}
    )

    with pytest.raises(RateLimitError) as caught:
        await no_retries.medias.list().to_list()

    assert caught.value.retry_after == 7.0
    assert str(caught.value) == (
        "GET /api/v1/medias returned 429: Too Many Requests - You have exceeded the maximum "
        "number of requests in the current window. Please try again later."
    )


async def test_429_with_an_unparseable_retry_after_still_raises_rate_limit_error(
    no_retries: ContentGroove, api: respx.MockRouter
) -> None:
    api.get("/api/v1/medias").respond(429, headers={"Retry-After": "soon"})

    with pytest.raises(RateLimitError) as caught:
        await no_retries.medias.list().to_list()

    assert caught.value.retry_after is None


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (402, QuotaExceededError),
        (404, NotFoundError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
    ],
)
async def test_non_json_error_body_still_yields_the_right_class(
    no_retries: ContentGroove,
    api: respx.MockRouter,
    status: int,
    error_class: type[APIStatusError],
) -> None:
    html = "<html><body><h1>nginx says no</h1></body></html>"
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(
        status, text=html, headers={"Content-Type": "text/html"}
    )

    with pytest.raises(error_class) as caught:
        await no_retries.medias.get(MEDIA_ID)

    assert caught.value.errors == []
    assert str(caught.value) == f"GET /api/v1/medias/{MEDIA_ID} returned {status}: {html}"


@pytest.mark.parametrize(
    ("status", "error_class", "reason"),
    [
        (400, BadRequestError, "Bad Request"),
        (401, AuthenticationError, "Unauthorized"),
        (402, QuotaExceededError, "Payment Required"),
        (404, NotFoundError, "Not Found"),
        (429, RateLimitError, "Too Many Requests"),
        (500, InternalServerError, "Internal Server Error"),
        (502, InternalServerError, "Bad Gateway"),
        (503, InternalServerError, "Service Unavailable"),
    ],
)
async def test_empty_error_body_falls_back_to_the_reason_phrase(
    no_retries: ContentGroove,
    api: respx.MockRouter,
    status: int,
    error_class: type[APIStatusError],
    reason: str,
) -> None:
    api.put(f"/api/v1/medias/{MEDIA_ID}").respond(status)

    with pytest.raises(error_class) as caught:
        await no_retries.medias.update(MEDIA_ID, name="x")

    assert str(caught.value) == f"PUT /api/v1/medias/{MEDIA_ID} returned {status}: {reason}"


async def test_a_long_plain_text_body_is_cut_in_the_message(
    no_retries: ContentGroove, api: respx.MockRouter
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(500, text="x" * 5000)

    with pytest.raises(InternalServerError) as caught:
        await no_retries.medias.get(MEDIA_ID)

    assert str(caught.value).endswith(": " + "x" * 200)


async def test_an_undocumented_status_is_an_api_status_error(
    no_retries: ContentGroove, api: respx.MockRouter
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(
        409, json=jsonapi_error(409, "Conflict", "already exists")
    )

    with pytest.raises(APIStatusError) as caught:
        await no_retries.medias.get(MEDIA_ID)

    assert type(caught.value) is APIStatusError
    assert caught.value.status_code == 409
    assert str(caught.value).endswith("returned 409: Conflict - already exists")


async def test_a_2xx_body_not_matching_the_schema_is_a_validation_error(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(200, json={"data": {"id": MEDIA_ID}})

    with pytest.raises(APIResponseValidationError) as caught:
        await cg.medias.get(MEDIA_ID)

    assert str(caught.value).startswith(
        f"GET /api/v1/medias/{MEDIA_ID} returned 200 with a body that does not match"
    )
    assert caught.value.response.status_code == 200


async def test_a_2xx_body_that_is_not_json_is_a_validation_error(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(200, text="<html>maintenance</html>")

    with pytest.raises(APIResponseValidationError, match="does not match the API schema"):
        await cg.medias.get(MEDIA_ID)


async def test_a_redirect_is_not_followed(cg: ContentGroove, api: respx.MockRouter) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").respond(
        302, headers={"Location": "https://elsewhere.example.test/steal"}
    )
    elsewhere = respx.get("https://elsewhere.example.test/steal").respond(200)

    with pytest.raises(APIStatusError) as caught:
        await cg.medias.get(MEDIA_ID)

    assert caught.value.status_code == 302
    assert not elsewhere.called


async def test_an_undecodable_body_is_a_connection_error(
    cg: ContentGroove, api: respx.MockRouter
) -> None:
    api.get(f"/api/v1/medias/{MEDIA_ID}").mock(
        return_value=httpx.Response(
            200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip")
        )
    )

    with pytest.raises(APIConnectionError, match=f"^GET /api/v1/medias/{MEDIA_ID} failed: "):
        await cg.medias.get(MEDIA_ID)


def test_every_error_is_a_content_groove_error() -> None:
    assert issubclass(httpx.HTTPError, Exception)  # sanity: the SDK does not re-export httpx's
    for cls in (BadRequestError, NotFoundError, RateLimitError, InternalServerError):
        assert issubclass(cls, APIStatusError)
        assert issubclass(cls, ContentGrooveError)
