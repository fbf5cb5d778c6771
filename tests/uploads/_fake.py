"""A real HTTP/1.1 server on 127.0.0.1 playing both the ContentGroove API and the storage host.

The API (``/api/v1/direct_uploads``, ``/api/v1/medias``) and the storage (``PUT /uploads/<n>``)
listen on two ports; both record every request. Storage streams each body into a SHA-256 and
counts its bytes, and can be told to misbehave per request: answer a status, drop the
connection after N bytes, or stall after N bytes until released.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import socket
import socketserver
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import anyio
import anyio.to_thread

SIGNED_QUERY = (
    "X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIAZ44FA4RJICA5SPPQ%2F20220919%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20220919T165555Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host"
    "&X-Amz-Signature=df84%2F0423+5550=70b2%3D%3D~"
)


@dataclass
class ApiRequest:
    method: str
    path: str
    target: str
    headers: dict[str, str]
    body: Any


@dataclass
class StorageRequest:
    port: int
    method: str
    target: str
    headers: dict[str, str]
    received: int = 0
    sha256: str = ""
    complete: bool = False
    """The whole declared body arrived."""
    status: int | None = None
    """What storage answered; ``None`` when it dropped the connection or the client left."""
    answering: bool = False

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.target.partition("?")[2]


@dataclass
class Behaviour:
    """What storage does with one PUT."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drop_after: int | None = None
    """Reset the connection after this many body bytes."""
    stall_after: int | None = None
    """Stop reading after this many body bytes until ``release`` is set, then read to EOF."""
    hold_answer: bool = False
    """Receive the whole body, then wait for ``release`` before answering."""
    stalled: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, fake: FakeContentGroove) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        with contextlib.suppress(ConnectionError, TimeoutError):
            while self._one_request():
                pass

    def _one_request(self) -> bool:
        line = self.rfile.readline(65537)
        if not line:
            return False
        method, target, _ = line.decode("latin-1").split(" ", 2)
        headers: dict[str, str] = {}
        while (raw := self.rfile.readline(65537)) not in (b"\r\n", b"\n", b""):
            name, _, value = raw.decode("latin-1").partition(":")
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
        fake = self.server.fake
        if target.startswith("/uploads/"):
            return fake._storage(self, method, target, headers)
        return fake._api(self, method, target, headers)

    def respond(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        head = (
            f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\n"
            f"Content-Type: {content_type}\r\n{extra}\r\n"
        )
        self.wfile.write(head.encode("latin-1") + body)
        self.wfile.flush()

    def reset(self) -> None:
        """Close with an RST, as a crashed or overloaded server would."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()


def _media_document(media_id: str, name: Any, description: Any) -> bytes:
    doc = {
        "data": {
            "id": media_id,
            "type": "medias",
            "attributes": {
                "name": name,
                "description": description,
                "is_processing": True,
                "has_fetch_error": False,
            },
        }
    }
    return json.dumps(doc).encode()


class FakeContentGroove:
    """Both servers, their request logs, and the queue of storage behaviours."""

    def __init__(self, *, storage_host: str = "127.0.0.1") -> None:
        self.api_requests: list[ApiRequest] = []
        self.storage_requests: list[StorageRequest] = []
        self.behaviours: collections.deque[Behaviour] = collections.deque()
        """Consumed by storage requests in arrival order (default: answer 200)."""
        self.behaviour_by_size: dict[int, collections.deque[Behaviour]] = {}
        """Consumed first, by the request whose Content-Length matches (order-independent)."""
        self.active_puts = 0
        self.max_active_puts = 0
        self.storage_host = storage_host
        self.storage_origin: str | None = None
        self.fail_media_create_with: int | None = None
        """Overrides where upload URLs point (default: the storage server)."""
        self._lock = threading.Lock()
        self._settled = threading.Condition(self._lock)
        self._finished_puts = 0
        self._issued = 0
        self._used: list[Behaviour] = []
        self._api_server = _Server(self)
        self._storage_server = _Server(self)
        self._threads = [
            threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            for s in (self._api_server, self._storage_server)
        ]

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> FakeContentGroove:
        for t in self._threads:
            t.start()
        return self

    def stop(self) -> None:
        for b in [*self.behaviours, *(b for q in self.behaviour_by_size.values() for b in q)]:
            b.release.set()
        for b in self._used:
            b.release.set()
        for s in (self._api_server, self._storage_server):
            s.shutdown()
            s.server_close()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._api_server.port}"

    @property
    def storage_url(self) -> str:
        return f"http://{self.storage_host}:{self._storage_server.port}"

    # -- what tests look at -----------------------------------------------------------------

    def calls(self, method: str, path: str) -> list[ApiRequest]:
        return [r for r in self.api_requests if r.method == method and r.path == path]

    @property
    def direct_upload_calls(self) -> list[ApiRequest]:
        return self.calls("GET", "/api/v1/direct_uploads")

    @property
    def media_creates(self) -> list[ApiRequest]:
        return self.calls("POST", "/api/v1/medias")

    def upload_id(self, n: int) -> str:
        return f"upload-{n}=="

    def upload_path(self, n: int) -> str:
        return f"/uploads/{n}"

    # -- the API ----------------------------------------------------------------------------

    def _api(self, h: _Handler, method: str, target: str, headers: dict[str, str]) -> bool:
        length = int(headers.get("content-length", "0"))
        raw = h.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        path = target.split("?", 1)[0]
        with self._lock:
            self.api_requests.append(ApiRequest(method, path, target, headers, body))
            if method == "GET" and path == "/api/v1/direct_uploads":
                self._issued += 1
                n = self._issued
        if method == "GET" and path == "/api/v1/direct_uploads":
            origin = self.storage_origin or self.storage_url
            doc = {
                "data": {
                    "id": f"blob-{n}",
                    "type": "direct_upload_blobs",
                    "attributes": {
                        "upload_id": self.upload_id(n),
                        "upload_url": f"{origin}{self.upload_path(n)}?{SIGNED_QUERY}",
                    },
                }
            }
            h.respond(200, json.dumps(doc).encode())
        elif method == "POST" and path == "/api/v1/medias" and self.fail_media_create_with:
            h.respond(self.fail_media_create_with, b'{"errors": [{"title": "Internal error"}]}')
        elif method == "POST" and path == "/api/v1/medias":
            attrs: dict[str, Any] = (body or {})["data"]["attributes"]
            media_id = "media-for-" + attrs["upload_id"]
            h.respond(200, _media_document(media_id, attrs.get("name"), attrs.get("description")))
        else:
            h.respond(404, b'{"errors": [{"title": "Not Found"}]}')
        return True

    # -- the storage ------------------------------------------------------------------------

    def _storage(self, h: _Handler, method: str, target: str, headers: dict[str, str]) -> bool:
        port = int(h.server.port)
        record = StorageRequest(port, method, target, headers)
        size = int(headers.get("content-length", "-1"))
        with self._lock:
            self.storage_requests.append(record)
            if self.behaviour_by_size.get(size):
                behaviour = self.behaviour_by_size[size].popleft()
            else:
                behaviour = self.behaviours.popleft() if self.behaviours else Behaviour()
            self._used.append(behaviour)
            self.active_puts += 1
            self.max_active_puts = max(self.max_active_puts, self.active_puts)
        try:
            return self._receive(h, record, behaviour)
        finally:
            with self._lock:
                if not record.answering:
                    self.active_puts -= 1
                self._finished_puts += 1
                self._settled.notify_all()
            behaviour.finished.set()

    def wait_for_puts(self, count: int, timeout: float = 30.0) -> None:
        """Block until storage has finished handling ``count`` PUTs (the client may leave first)."""
        with self._settled:
            if not self._settled.wait_for(lambda: self._finished_puts >= count, timeout):
                raise TimeoutError(f"storage finished {self._finished_puts} of {count} PUTs")

    async def puts_finished(self, count: int) -> list[StorageRequest]:
        """The storage log once ``count`` PUTs are over (waits in a worker thread)."""
        await anyio.to_thread.run_sync(self.wait_for_puts, count)
        return list(self.storage_requests)

    def on_size(self, size: int, *behaviours: Behaviour) -> None:
        """Queue behaviours for the PUTs of bodies of ``size`` bytes."""
        self.behaviour_by_size.setdefault(size, collections.deque()).extend(behaviours)

    def _receive(self, h: _Handler, record: StorageRequest, behaviour: Behaviour) -> bool:
        digest = hashlib.sha256()
        if "chunked" in record.headers.get("transfer-encoding", "").lower():
            h.respond(411, b"chunked bodies are refused", "text/plain")
            return False
        length = int(record.headers.get("content-length", "0"))
        limit = length
        for cut in (behaviour.drop_after, behaviour.stall_after):
            if cut is not None:
                limit = min(limit, cut)
        while record.received < limit:
            data = h.rfile.read1(min(1 << 20, limit - record.received))
            if not data:
                break
            digest.update(data)
            record.received += len(data)
        if behaviour.drop_after is not None and record.received >= behaviour.drop_after:
            record.sha256 = digest.hexdigest()
            h.reset()
            return False
        if behaviour.stall_after is not None and record.received >= behaviour.stall_after:
            behaviour.stalled.set()
            behaviour.release.wait(60)
            limit = length
        while record.received < limit:
            data = h.rfile.read1(min(1 << 20, limit - record.received))
            if not data:
                break
            digest.update(data)
            record.received += len(data)
        record.sha256 = digest.hexdigest()
        record.complete = record.received == length
        if not record.complete:
            return False  # the client went away mid-body
        if behaviour.hold_answer:
            behaviour.stalled.set()
            behaviour.release.wait(60)
        record.status = behaviour.status
        with self._lock:  # the PUT is over for the client as soon as the answer goes out
            record.answering = True
            self.active_puts -= 1
        h.respond(behaviour.status, behaviour.body, "application/xml", behaviour.headers)
        return True


@contextlib.contextmanager
def running_fake(*, storage_host: str = "127.0.0.1") -> Iterator[FakeContentGroove]:
    fake = FakeContentGroove(storage_host=storage_host).start()
    try:
        yield fake
    finally:
        fake.stop()
