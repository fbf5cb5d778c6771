"""The sandbox's HTTP face: a Starlette app speaking the ContentGroove API.

Every API request goes through the same steps, in this order: finish due processing, added
latency, forced answers, random errors, rate limit, authentication, then the operation.
"""

from __future__ import annotations

import hmac
import json
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ._config import SandboxConfig
from ._errors import ApiError, bad_request, error_body, rate_limited, unauthorized
from ._files import placeholder_file
from ._query import Kind, parse_list_query, run_list_query
from ._records import ClipRecord, MediaRecord, RequestRecord, SubscriptionRecord, UploadRecord
from ._render import (
    clip_attributes,
    clip_resource,
    direct_upload_resource,
    media_attributes,
    media_resource,
    subscription_attributes,
    subscription_resource,
)
from ._sandbox import Sandbox
from ._uploads import UPLOAD_PATH, make_upload_id, receive_upload, upload_url

__all__ = ["create_app", "get_sandbox"]

JSON = dict[str, Any]
Handler = Callable[[Request], Awaitable[Response]]
AuthMethod = Literal["bearer", "header", "query"]

_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
_JSON_TYPES = ("application/json", "application/vnd.api+json")

MEDIA_KINDS: dict[str, Kind] = {
    "id": "string",
    "name": "string",
    "description": "string",
    "external_id": "string",
    "source_url": "string",
    "has_fetch_error": "boolean",
    "is_processing": "boolean",
    "created_at": "datetime",
    "original_created_at": "datetime",
    "processing_started_at": "datetime",
    "source_created_at": "datetime",
    "source_file_content_type": "string",
    "source_file_duration": "number",
    "source_file_height": "number",
    "source_file_width": "number",
    "source_file_preview_image_url": "string",
}
CLIP_KINDS: dict[str, Kind] = {
    "id": "string",
    "media_id": "string",
    "name": "string",
    "rank": "number",
    "start_time": "number",
    "end_time": "number",
    "start_char": "number",
    "end_char": "number",
    "text": "string",
    "external_id": "string",
    "is_processing": "boolean",
    "created_at": "datetime",
    "processing_started_at": "datetime",
    "media_file_content_type": "string",
    "media_file_duration": "number",
    "media_file_height": "number",
    "media_file_width": "number",
    "media_file_url": "string",
    "media_file_preview_image_url": "string",
}
SUBSCRIPTION_KINDS: dict[str, Kind] = {
    "id": "string",
    "url": "string",
    "active": "boolean",
    "created_at": "datetime",
    "updated_at": "datetime",
}


def get_sandbox(app: Starlette) -> Sandbox:
    """The :class:`Sandbox` behind an app made by :func:`create_app`."""
    sandbox = getattr(app.state, "sandbox", None)
    if not isinstance(sandbox, Sandbox):
        raise TypeError(
            "get_sandbox(app): this app was not made by contentgroove.sandbox.create_app"
        )
    return sandbox


def create_app(config: SandboxConfig | None = None, *, sandbox: Sandbox | None = None) -> Starlette:
    """A Starlette app serving a sandbox: a new one from ``config``, or ``sandbox``.

    The app's lifespan runs :meth:`Sandbox.run_background` (unless ``run_background`` is off),
    which finishes processing and delivers webhooks on time. Requests also finish due
    processing themselves, so apps served without a lifespan stay correct, except that their
    webhooks then wait for :meth:`Sandbox.process_due`.
    """
    if sandbox is None:
        sandbox = Sandbox(config)
    elif config is not None and config is not sandbox.config:
        raise ValueError("create_app(): pass either config or sandbox, not both")
    api = _Api(sandbox)
    routes = [
        api.route(
            "/api/v1/medias",
            GET=("list_medias", api.list_medias),
            POST=("create_media", api.create_media),
        ),
        api.route(
            "/api/v1/medias/{id}",
            GET=("get_media", api.get_media),
            PUT=("update_media", api.update_media),
            DELETE=("delete_media", api.delete_media),
        ),
        api.route(
            "/api/v1/clips",
            GET=("list_clips", api.list_clips),
            POST=("create_clip", api.create_clip),
        ),
        api.route(
            "/api/v1/clips/{id}",
            GET=("get_clip", api.get_clip),
            PUT=("update_clip", api.update_clip),
            DELETE=("delete_clip", api.delete_clip),
        ),
        api.route("/api/v1/direct_uploads", GET=("create_direct_upload", api.create_direct_upload)),
        api.route(
            "/api/v1/webhook_subscriptions",
            GET=("list_webhook_subscriptions", api.list_subscriptions),
            POST=("create_webhook_subscription", api.create_subscription),
        ),
        api.route(
            "/api/v1/webhook_subscriptions/{id}",
            GET=("get_webhook_subscription", api.get_subscription),
            DELETE=("delete_webhook_subscription", api.delete_subscription),
        ),
        Route(UPLOAD_PATH + "{key}", api.upload_file, methods=_ALL_METHODS),
        Route("/_sandbox/files/{kind}/{name}", api.file, methods=_ALL_METHODS),
        Route("/_sandbox/health", api.health, methods=_ALL_METHODS),
        Route("/{path:path}", api.unknown_path, methods=_ALL_METHODS),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if not sandbox.config.run_background:
            yield
            return
        async with anyio.create_task_group() as tg:
            tg.start_soon(sandbox.run_background)
            yield
            tg.cancel_scope.cancel()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.sandbox = sandbox
    return app


def _method_not_allowed(allowed: Sequence[str]) -> Response:
    return JSONResponse(error_body(405), status_code=405, headers={"Allow": ", ".join(allowed)})


def _redacted_query(request: Request) -> str:
    pairs = [
        (k, "[REDACTED]" if k == "api_key" else v) for k, v in request.query_params.multi_items()
    ]
    return urlencode(pairs, safe="[]")


def _authenticate(request: Request, keys: frozenset[str]) -> AuthMethod:
    presented: list[tuple[AuthMethod, str]] = []
    authorization = request.headers.get("authorization")
    if authorization is not None:
        scheme, _, token = authorization.strip().partition(" ")
        presented.append(("bearer", token.strip() if scheme.lower() == "bearer" else ""))
    header = request.headers.get("x-api-key")
    if header is not None:
        presented.append(("header", header.strip()))
    presented.extend(("query", value) for value in request.query_params.getlist("api_key"))
    if not presented:
        raise unauthorized()
    for _, key in presented:
        if not any(hmac.compare_digest(key.encode(), known.encode()) for known in keys):
            raise unauthorized()
    return presented[0][0]


async def _json_attributes(request: Request) -> JSON:
    """The ``data.attributes`` object of a JSON:API request body (400 when unusable)."""
    content_type = request.headers.get("content-type")
    if content_type is None:
        raise bad_request(
            "the request has no Content-Type header: send the JSON body with "
            "Content-Type: application/json"
        )
    if content_type.split(";", 1)[0].strip().lower() not in _JSON_TYPES:
        raise bad_request(
            f"Content-Type {content_type!r} is not JSON: send the body as application/json"
        )
    raw = await request.body()
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad_request(f"the body could not be parsed as JSON: {exc}") from None
    if not isinstance(document, dict):
        raise bad_request(
            'the body must be a JSON object like {"data": {"attributes": {...}}}', pointer=""
        )
    data = document.get("data")
    if not isinstance(data, dict):
        raise bad_request('"data" must be an object holding "attributes"', pointer="/data")
    attributes = data.get("attributes")
    if not isinstance(attributes, dict):
        raise bad_request('"data.attributes" must be an object', pointer="/data/attributes")
    return attributes


def _pointer(name: str) -> str:
    return f"/data/attributes/{name}"


def _take_string(attributes: JSON, name: str, out: JSON, *, required: bool = False) -> None:
    if name not in attributes:
        if required:
            raise bad_request(f"{name} is required", pointer=_pointer(name))
        return
    value = attributes[name]
    if not isinstance(value, str):
        raise bad_request(
            f"{name} must be a string, got {json.dumps(value)}", pointer=_pointer(name)
        )
    out[name] = value


def _take_number(attributes: JSON, name: str, out: JSON, *, required: bool = False) -> None:
    if name not in attributes:
        if required:
            raise bad_request(f"{name} (seconds) is required", pointer=_pointer(name))
        return
    value = attributes[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise bad_request(
            f"{name} must be a number of seconds, got {json.dumps(value)}", pointer=_pointer(name)
        )
    out[name] = value


def _take_string_list(attributes: JSON, name: str, out: JSON) -> None:
    if name not in attributes:
        return
    value = attributes[name]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_request(f"{name} must be a list of strings", pointer=_pointer(name))
    out[name] = value


def _check_webhook_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
        parts = urlsplit("")
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise bad_request(
            f"url must be an absolute http(s) URL that receives POSTs, got {url!r}",
            pointer=_pointer("url"),
        )


class _Api:
    """Request handlers bound to one sandbox."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.config: SandboxConfig = sandbox.config
        self.store = sandbox._store
        self.faults = sandbox._faults

    # -- plumbing ----------------------------------------------------------------------------

    def route(self, path: str, **methods: tuple[str, Handler]) -> Route:
        """One route per path; methods the API does not define answer 405 with ``Allow``."""
        allowed = sorted(methods)

        async def dispatch(request: Request) -> Response:
            entry = methods.get(request.method)
            if entry is None:
                response = _method_not_allowed(allowed)
                self._record(request, None, response.status_code, None)
                return response
            operation, handler = entry
            return await self._handle(request, operation, handler)

        return Route(path, dispatch, methods=_ALL_METHODS)

    def base_url(self, request: Request) -> str:
        """Base of every link: the configured public URL, else where the request came to."""
        return self.config.public_base_url or str(request.base_url).rstrip("/")

    def _record(
        self, request: Request, operation: str | None, status: int, auth: AuthMethod | None
    ) -> None:
        self.sandbox._record_request(
            RequestRecord(
                at=self.sandbox.clock.now(),
                method=request.method,
                path=request.url.path,
                query=_redacted_query(request),
                operation=operation,
                status=status,
                auth=auth,
            )
        )

    def _forced(self, operation: str, path: str) -> ApiError | None:
        rule = self.faults.take_forced(operation, path)
        if rule is None:
            return None
        headers = {"Retry-After": str(rule.retry_after)} if rule.status in (429, 503) else None
        return ApiError(rule.status, error_body(rule.status), headers)

    async def _handle(self, request: Request, operation: str, handler: Handler) -> Response:
        self.sandbox.advance()
        auth: AuthMethod | None = None
        try:
            if self.config.latency_seconds > 0:
                await self.config.sleep(self.config.latency_seconds)
            forced = self._forced(operation, request.url.path)
            if forced is not None:
                raise forced
            if self.faults.draw_error():
                status = self.config.error_status
                raise ApiError(status, error_body(status))
            retry_after = self.faults.rate_limited()
            if retry_after is not None:
                raise rate_limited(retry_after)
            auth = _authenticate(request, self.config.api_keys)
            response = await handler(request)
        except ApiError as exc:
            response = JSONResponse(exc.body, status_code=exc.status, headers=exc.headers)
        self._record(request, operation, response.status_code, auth)
        return response

    def _document(self, request: Request, data: JSON) -> JSONResponse:
        link = f"{self.base_url(request)}{request.url.path}"
        return JSONResponse({"data": data, "links": {"self": link}})

    def _list(
        self,
        request: Request,
        items: Sequence[Any],
        kinds: Mapping[str, Kind],
        values: Callable[[Any], Mapping[str, Any]],
        render: Callable[[Any], JSON],
    ) -> JSONResponse:
        query_items = request.query_params.multi_items()
        query = parse_list_query(
            query_items,
            kinds,
            default_size=self.config.page_size,
            max_size=self.config.max_page_size,
        )
        page = run_list_query(items, query, kinds, values, seq=lambda item: item.seq)
        base = f"{self.base_url(request)}{request.url.path}"
        rest = [(k, v) for k, v in query_items if k not in ("page[number]", "api_key")]

        def page_link(number: int) -> str:
            return f"{base}?{urlencode([('page[number]', str(number)), *rest], safe='[]')}"

        links = {"current": page_link(page.number), "self": base}
        if page.has_next:
            links["next"] = page_link(page.number + 1)
        return JSONResponse({"data": [render(item) for item in page.items], "links": links})

    # -- medias ------------------------------------------------------------------------------

    @staticmethod
    def _media_values(media: MediaRecord) -> Mapping[str, Any]:
        return {"id": media.id, **media_attributes(media)}

    async def list_medias(self, request: Request) -> Response:
        with self.store.lock:
            items = list(self.store.medias.values())
            return self._list(request, items, MEDIA_KINDS, self._media_values, media_resource)

    async def create_media(self, request: Request) -> Response:
        attributes = await _json_attributes(request)
        clean: JSON = {}
        for name in ("name", "description", "source_url", "upload_id"):
            _take_string(attributes, name, clean)
        has_url = bool(clean.get("source_url", "").strip())
        has_upload = bool(clean.get("upload_id", "").strip())
        if has_url == has_upload:
            raise bad_request(
                "give exactly one of source_url (a URL to fetch the file from) or upload_id "
                "(from GET /api/v1/direct_uploads, after PUTting the file)",
                pointer="/data/attributes/source_url" if has_url else "/data/attributes",
            )
        clean = {
            k: v for k, v in clean.items() if k not in ("source_url", "upload_id") or v.strip()
        }
        with self.store.lock:
            media = self.store.create_media(clean, self.base_url(request))
            data = media_resource(media, just_created=True)
        return self._document(request, data)

    async def get_media(self, request: Request) -> Response:
        with self.store.lock:
            data = media_resource(self.store.get_media(request.path_params["id"]))
        return self._document(request, data)

    async def update_media(self, request: Request) -> Response:
        media_id = request.path_params["id"]
        self.store.get_media(media_id)
        attributes = await _json_attributes(request)
        clean: JSON = {}
        _take_string(attributes, "name", clean)
        _take_string(attributes, "description", clean)
        with self.store.lock:
            data = media_resource(self.store.update_media(media_id, clean))
        return self._document(request, data)

    async def delete_media(self, request: Request) -> Response:
        self.store.delete_media(request.path_params["id"])
        return Response(status_code=204)

    # -- clips -------------------------------------------------------------------------------

    @staticmethod
    def _clip_values(clip: ClipRecord) -> Mapping[str, Any]:
        return {"id": clip.id, "media_id": clip.media_id, **clip_attributes(clip)}

    async def list_clips(self, request: Request) -> Response:
        with self.store.lock:
            items = list(self.store.clips.values())
            return self._list(request, items, CLIP_KINDS, self._clip_values, clip_resource)

    async def create_clip(self, request: Request) -> Response:
        attributes = await _json_attributes(request)
        clean: JSON = {}
        _take_string(attributes, "name", clean, required=True)
        _take_string(attributes, "media_id", clean, required=True)
        _take_number(attributes, "start_time", clean, required=True)
        _take_number(attributes, "end_time", clean, required=True)
        with self.store.lock:
            clip = self.store.create_clip(clean, self.base_url(request))
            data = clip_resource(clip, just_created=True)
        return self._document(request, data)

    async def get_clip(self, request: Request) -> Response:
        with self.store.lock:
            data = clip_resource(self.store.get_clip(request.path_params["id"]))
        return self._document(request, data)

    async def update_clip(self, request: Request) -> Response:
        clip_id = request.path_params["id"]
        self.store.get_clip(clip_id)
        attributes = await _json_attributes(request)
        clean: JSON = {}
        _take_string(attributes, "name", clean)
        _take_number(attributes, "start_time", clean)
        _take_number(attributes, "end_time", clean)
        with self.store.lock:
            data = clip_resource(self.store.update_clip(clip_id, clean))
        return self._document(request, data)

    async def delete_clip(self, request: Request) -> Response:
        self.store.delete_clip(request.path_params["id"])
        return Response(status_code=204)

    # -- direct uploads ----------------------------------------------------------------------

    async def create_direct_upload(self, request: Request) -> Response:
        secret = self.sandbox._secret
        key = self.store.new_token()
        now = self.sandbox.clock.now()
        expires = math.ceil(now + self.config.upload_token_ttl)
        record = UploadRecord(
            id=self.store.new_id(),
            upload_id=make_upload_id(secret, key),
            key=key,
            created_at=now,
            expires_at=float(expires),
        )
        self.store.add_upload(record)
        url = upload_url(self.base_url(request), secret, key, expires)
        return JSONResponse({"data": direct_upload_resource(record, url)})

    async def upload_file(self, request: Request) -> Response:
        if request.method != "PUT":
            response = _method_not_allowed(["PUT"])
        else:
            forced = self._forced("upload_file", request.url.path)
            if forced is not None:
                response = JSONResponse(
                    forced.body, status_code=forced.status, headers=forced.headers
                )
            else:
                response = await receive_upload(
                    self.store,
                    self.sandbox._secret,
                    self.config.upload_dir,
                    request,
                    request.path_params["key"],
                )
        self._record(request, "upload_file", response.status_code, None)
        return response

    # -- webhook subscriptions ---------------------------------------------------------------

    @staticmethod
    def _subscription_values(sub: SubscriptionRecord) -> Mapping[str, Any]:
        return {"id": sub.id, **subscription_attributes(sub)}

    async def list_subscriptions(self, request: Request) -> Response:
        with self.store.lock:
            items = list(self.store.subscriptions.values())
            return self._list(
                request, items, SUBSCRIPTION_KINDS, self._subscription_values, subscription_resource
            )

    async def create_subscription(self, request: Request) -> Response:
        attributes = await _json_attributes(request)
        clean: JSON = {}
        _take_string(attributes, "url", clean, required=True)
        _take_string_list(attributes, "subscribed_events", clean)
        _check_webhook_url(clean["url"])
        sub = self.store.create_subscription(clean)
        return self._document(request, subscription_resource(sub))

    async def get_subscription(self, request: Request) -> Response:
        sub = self.store.get_subscription(request.path_params["id"])
        return self._document(request, subscription_resource(sub))

    async def delete_subscription(self, request: Request) -> Response:
        self.store.delete_subscription(request.path_params["id"])
        return Response(status_code=204)

    # -- sandbox-only endpoints --------------------------------------------------------------

    async def file(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(["GET", "HEAD"])
        kind, name = request.path_params["kind"], request.path_params["name"]
        resource_id, _, ext = name.rpartition(".")
        with self.store.lock:
            exists = (kind == "medias" and resource_id in self.store.medias) or (
                kind == "clips" and resource_id in self.store.clips
            )
        found = placeholder_file(kind, resource_id, ext) if exists else None
        if found is None:
            return JSONResponse(error_body(404), status_code=404)
        content, media_type = found
        return Response(content, media_type=media_type)

    async def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def unknown_path(self, request: Request) -> Response:
        response = JSONResponse(error_body(404), status_code=404)
        self._record(request, None, 404, None)
        return response
