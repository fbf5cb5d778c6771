"""Waiting for medias and clips to finish processing.

After an upload a media stays ``is_processing`` for minutes to hours; clips made by hand are
processed too. :class:`ProcessingPoller` polls ``GET /api/v1/medias/{id}`` (or ``/clips/{id}``)
on a :class:`PollingSchedule` until the resource is processed::

    media = await cg.medias.wait_until_processed(media_id, timeout=3600)

    poller = cg.medias.poll_processing(media_id)
    async for state in poller:          # every observed state, the final one included
        print(poller.status(), state.is_processing)

    token = poller.continuation_token()  # resume elsewhere:
    poller = cg.medias.poll_processing(continuation_token=token)

A webhook receiver that reports ``media.processing_finished`` to
:attr:`ContentGroove.processing_notifier <contentgroove.ContentGroove.processing_notifier>`
ends the matching waits at once, without further requests.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import math
import random
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar, cast, overload

import anyio
import attrs
from anyio.abc import TaskGroup

from contentgroove_client.models.clip import Clip as _GenClip
from contentgroove_client.models.media import Media as _GenMedia
from contentgroove_client.models.webhook_media import WebhookMedia as _GenWebhookMedia

from ._events import Watch
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    MediaProcessingError,
    ProcessingTimeoutError,
    RateLimitError,
)
from ._models import Clip, Media
from ._retry import RetryPolicy
from .resources._base import check_id, check_seconds

if TYPE_CHECKING:
    from ._client import ContentGroove

__all__ = ["PollingSchedule", "ProcessingPoller", "ProcessingStatus", "ResourceKind", "wait_all"]

log = logging.getLogger("contentgroove.polling")

ProcessingStatus: TypeAlias = Literal["not_started", "processing", "succeeded", "failed"]
"""What :meth:`ProcessingPoller.status` reports."""

ResourceKind: TypeAlias = Literal["medias", "clips"]
"""The kinds of resource a poller can wait on."""

_R = TypeVar("_R", bound="Media | Clip")

_TOKEN_VERSION = 1
_TOKEN_MAX_CHARS = 4096
_TOKEN_ALPHABET = re.compile(r"[A-Za-z0-9_-]+")


# -- schedule --------------------------------------------------------------------------------


def _positive(name: str) -> Callable[[object, attrs.Attribute[float], float], None]:
    def check(_instance: object, _attribute: attrs.Attribute[float], value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{name} must be a number of seconds, got {type(value).__name__}")
        if not math.isfinite(value) or value <= 0:
            raise ValueError(f"{name} must be a finite number > 0, got {value!r}")

    return check


def _check_factor(_instance: object, _attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"factor must be a number, got {type(value).__name__}")
    if not math.isfinite(value) or value < 1:
        raise ValueError(f"factor must be a finite number >= 1 (1 = fixed interval), got {value!r}")


def _check_jitter(_instance: object, _attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"jitter must be a number, got {type(value).__name__}")
    if not 0 <= value < 1:
        raise ValueError(
            f"jitter must be a fraction in [0, 1) (0.1 = ±10%, 0 = no jitter), got {value!r}"
        )


@attrs.frozen(kw_only=True)
class PollingSchedule:
    """When a poller polls: a growing interval with jitter, and how it waits.

    The wait after the n-th poll (n from 1) is ``min(max_interval, initial * factor**(n-1))``
    (2, 3, 4.5, 6.75, ... 30 s with the defaults), scaled by a random factor in
    ``[1 - jitter, 1 + jitter]``. A ``429`` answer's ``Retry-After`` lengthens the next wait
    to at least that many seconds (up to ``max_retry_after``).

    ``sleep``, ``clock`` (monotonic seconds) and ``random`` (uniform in ``[0, 1)``) are
    injectable, so tests can run a schedule of hours without real waiting.
    """

    initial: float = attrs.field(default=2.0, validator=_positive("initial"))
    """Seconds between the first and the second poll."""
    factor: float = attrs.field(default=1.5, validator=_check_factor)
    """Growth of the interval after each poll."""
    max_interval: float = attrs.field(default=30.0, validator=_positive("max_interval"))
    """Longest interval between two polls (before jitter)."""
    jitter: float = attrs.field(default=0.1, validator=_check_jitter)
    """Relative random spread of each interval: 0.1 = ±10%; 0 = exact intervals."""
    max_retry_after: float = attrs.field(default=300.0, validator=_positive("max_retry_after"))
    """Longest ``Retry-After`` honored; longer advice is cut to this many seconds."""
    sleep: Callable[[float], Awaitable[None]] = attrs.field(
        default=anyio.sleep, repr=False, eq=False
    )
    """Waits a number of seconds (``anyio.sleep``)."""
    clock: Callable[[], float] = attrs.field(default=time.monotonic, repr=False, eq=False)
    """Monotonic time in seconds, against which deadlines are checked (``time.monotonic``)."""
    random: Callable[[], float] = attrs.field(default=random.random, repr=False, eq=False)
    """Uniform random numbers in ``[0, 1)`` for the jitter (``random.random``)."""

    def __attrs_post_init__(self) -> None:
        if self.max_interval < self.initial:
            raise ValueError(
                f"max_interval ({self.max_interval}) must be >= initial ({self.initial})"
            )

    def interval(self, polls: int) -> float:
        """The interval, without jitter, after ``polls`` polls (``polls >= 1``)."""
        value = self.initial
        for _ in range(max(0, polls - 1)):
            if value >= self.max_interval:
                break
            value *= self.factor
        return min(value, self.max_interval)

    def delay(self, polls: int) -> float:
        """The jittered wait after ``polls`` polls."""
        base = self.interval(polls)
        if not self.jitter:
            return base
        return base * (1.0 + self.jitter * (2.0 * self.random() - 1.0))


# -- resource kinds --------------------------------------------------------------------------


def _media_from(resource: object) -> Media | None:
    if isinstance(resource, Media):
        return resource
    if isinstance(resource, _GenMedia | _GenWebhookMedia):
        return Media.from_generated(resource)
    media = getattr(resource, "media", None)  # a parsed webhook event
    return media if isinstance(media, Media) else None


def _clip_from(resource: object) -> Clip | None:
    if isinstance(resource, Clip):
        return resource
    if isinstance(resource, _GenClip):
        return Clip.from_generated(resource)
    return None


async def _get_media(client: ContentGroove, media_id: str) -> Media:
    return await client.medias.get(media_id)


async def _get_clip(client: ContentGroove, clip_id: str) -> Clip:
    return await client.clips.get(clip_id)


@attrs.frozen
class _Kind(Generic[_R]):
    name: ResourceKind
    noun: str
    fetch: Callable[[ContentGroove, str], Awaitable[_R]]
    from_notification: Callable[[object], _R | None]


_MEDIAS: _Kind[Media] = _Kind("medias", "media", _get_media, _media_from)
_CLIPS: _Kind[Clip] = _Kind("clips", "clip", _get_clip, _clip_from)
_KINDS: dict[str, _Kind[Any]] = {"medias": _MEDIAS, "clips": _CLIPS}


def _kind(value: object) -> _Kind[Any]:
    spec = _KINDS.get(value) if isinstance(value, str) else None
    if spec is None:
        raise ValueError(f"kind must be 'medias' or 'clips', got {value!r}")
    return spec


def _polling_client(client: ContentGroove) -> ContentGroove:
    """The client polls go through: no retries inside a poll, the schedule decides."""
    if client.retry_policy.max_retries == 0:
        return client
    return client.with_options(max_retries=0)


def _is_transient(error: Exception) -> bool:
    if isinstance(error, APIStatusError):
        return RetryPolicy.should_retry_status("GET", error.status_code)
    return isinstance(error, APIConnectionError)


# -- continuation tokens ---------------------------------------------------------------------


def _encode_token(kind: ResourceKind, resource_id: str, polls: int) -> str:
    doc = {"v": _TOKEN_VERSION, "kind": kind, "id": resource_id, "polls": polls}
    raw = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _bad_token(problem: str) -> ValueError:
    return ValueError(
        f"continuation_token is not valid: {problem}; pass the exact string returned by "
        "poller.continuation_token()"
    )


def _decode_token(token: object) -> tuple[ResourceKind, str, int]:
    if not isinstance(token, str):
        raise TypeError(f"continuation_token must be a str, got {type(token).__name__}")
    if not token:
        raise _bad_token("it is empty")
    if len(token) > _TOKEN_MAX_CHARS:
        raise _bad_token(f"it is {len(token)} characters long (at most {_TOKEN_MAX_CHARS})")
    if not _TOKEN_ALPHABET.fullmatch(token):
        raise _bad_token("it contains characters outside URL-safe base64 (A-Z a-z 0-9 - _)")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        doc = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise _bad_token("it does not decode to JSON (truncated or altered?)") from None
    if not isinstance(doc, dict):
        raise _bad_token("it does not hold a JSON object")
    version = doc.get("v")
    if version != _TOKEN_VERSION:
        raise _bad_token(
            f"it has version {version!r}, this SDK reads version {_TOKEN_VERSION} "
            "(a token from a newer contentgroove release?)"
        )
    kind = doc.get("kind")
    if kind not in _KINDS:
        raise _bad_token(f"kind is {kind!r}, expected 'medias' or 'clips'")
    resource_id = doc.get("id")
    if not isinstance(resource_id, str) or not resource_id.strip() or resource_id in (".", ".."):
        raise _bad_token(f"id is {resource_id!r}, expected a non-empty resource id")
    polls = doc.get("polls")
    if isinstance(polls, bool) or not isinstance(polls, int) or polls < 0:
        raise _bad_token(f"polls is {polls!r}, expected an int >= 0")
    return cast(ResourceKind, kind), resource_id, polls


# -- the poller ------------------------------------------------------------------------------


class ProcessingPoller(Generic[_R]):
    """Polls a media or clip until it is processed.

    Get one from ``cg.medias.poll_processing(media_id)`` or ``cg.clips.poll_processing(clip_id)``.
    Nothing is sent until it is awaited (:meth:`result`) or iterated (``async for``). The
    first poll is immediate; the next ones follow the :class:`PollingSchedule`.

    Processed means ``is_processing is False``; ``None`` (processing not started yet) keeps
    polling. A media with ``has_fetch_error`` fails with :class:`MediaProcessingError`.
    Rate limits (honoring ``Retry-After``), 5xx answers and connection errors do not end the
    wait; a 401, a 404 or another non-retryable answer ends it with its typed error.

    Cancelling the awaiting task stops polling at once: no request is left in flight, and
    the poller can be awaited again later. One task at a time may await or iterate a poller.
    """

    @overload
    def __init__(
        self: ProcessingPoller[Media],
        client: ContentGroove,
        kind: Literal["medias"],
        resource_id: str,
        *,
        schedule: PollingSchedule | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self: ProcessingPoller[Clip],
        client: ContentGroove,
        kind: Literal["clips"],
        resource_id: str,
        *,
        schedule: PollingSchedule | None = None,
    ) -> None: ...

    def __init__(
        self,
        client: ContentGroove,
        kind: ResourceKind,
        resource_id: str,
        *,
        schedule: PollingSchedule | None = None,
    ) -> None:
        self._spec: _Kind[_R] = _kind(kind)
        self._id = check_id(f"{self._spec.noun}_id", resource_id)
        if schedule is not None and not isinstance(schedule, PollingSchedule):
            raise TypeError(f"schedule must be a PollingSchedule, got {type(schedule).__name__}")
        self._schedule = schedule or PollingSchedule()
        self._client = _polling_client(client)
        self._limiter: anyio.CapacityLimiter | None = None
        self._polls = 0
        self._next_poll_at: float | None = None  # None: poll at once
        self._last: _R | None = None
        self._last_error: Exception | None = None
        self._done = False
        self._result: _R | None = None
        self._error: Exception | None = None
        self._busy = False

    @classmethod
    def from_continuation_token(
        cls,
        client: ContentGroove,
        continuation_token: str,
        *,
        schedule: PollingSchedule | None = None,
    ) -> ProcessingPoller[Media] | ProcessingPoller[Clip]:
        """Resume a poller from :meth:`continuation_token`, e.g. in another process.

        The resumed poller polls at once, then continues the schedule where it stopped.
        Raises :class:`ValueError` saying what is wrong with a damaged token.
        """
        kind, resource_id, polls = _decode_token(continuation_token)
        poller: ProcessingPoller[Media] | ProcessingPoller[Clip]
        if kind == "medias":
            poller = ProcessingPoller(client, "medias", resource_id, schedule=schedule)
        else:
            poller = ProcessingPoller(client, "clips", resource_id, schedule=schedule)
        poller._polls = polls
        return poller

    def __repr__(self) -> str:
        return (
            f"ProcessingPoller(kind={self._spec.name!r}, id={self._id!r}, "
            f"status={self.status()!r}, polls={self._polls})"
        )

    # -- state ----------------------------------------------------------------------------

    @property
    def kind(self) -> ResourceKind:
        """``"medias"`` or ``"clips"``."""
        return self._spec.name

    @property
    def resource_id(self) -> str:
        """The id of the media or clip waited on."""
        return self._id

    @property
    def schedule(self) -> PollingSchedule:
        """The schedule this poller follows."""
        return self._schedule

    @property
    def polls(self) -> int:
        """GET requests issued so far, failed ones included (and those before a resume)."""
        return self._polls

    @property
    def last(self) -> _R | None:
        """The last observed state, or ``None`` before the first answer."""
        return self._last

    def status(self) -> ProcessingStatus:
        """``"not_started"``, ``"processing"``, ``"succeeded"`` or ``"failed"``.

        ``"failed"`` covers ``has_fetch_error`` and waits ended by an error such as a 404;
        a timeout leaves the status as last observed, since processing goes on.
        """
        if self._done:
            return "failed" if self._error is not None else "succeeded"
        if self._last is None or self._last.is_processing is None:
            return "not_started"
        return "processing"

    def done(self) -> bool:
        """``True`` once the wait has ended: processed, failed, or ended by an error."""
        return self._done

    def continuation_token(self) -> str:
        """An opaque URL-safe string from which :meth:`from_continuation_token` resumes."""
        return _encode_token(self._spec.name, self._id, self._polls)

    # -- waiting --------------------------------------------------------------------------

    # The timeout is measured on the schedule's (injectable) clock, not with anyio.fail_after.
    async def result(self, timeout: float | None = None) -> _R:  # noqa: ASYNC109
        """Wait until processed and return the final state.

        ``timeout`` (seconds, measured on the schedule's clock) raises
        :class:`ProcessingTimeoutError` carrying the last observed state; the resource is left
        as it is and the poller can be awaited again. Raises :class:`MediaProcessingError`
        when a media's processing failed and the typed API error when a poll cannot succeed.
        """
        limit = None if timeout is None else check_seconds("timeout", timeout)
        deadline = None if limit is None else self._schedule.clock() + limit
        return await self._wait(deadline, limit)

    def __aiter__(self) -> ProcessingPoller[_R]:
        return self

    async def __anext__(self) -> _R:
        """The next observed state; the final state is yielded, then iteration stops.

        A failed media is yielded too (see :meth:`status`); :meth:`result` raises for it.
        """
        if self._done:
            raise StopAsyncIteration
        with self._exclusive():
            return await self._next_state(None, None)

    async def _wait(self, deadline: float | None, limit: float | None) -> _R:
        with self._exclusive():
            while not self._done:
                await self._next_state(deadline, limit)
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        if self._busy:
            raise RuntimeError(
                f"this poller of {self._spec.noun} {self._id!r} is already awaited by another "
                "task; await that task's result, or create a second poller"
            )
        self._busy = True
        try:
            yield
        finally:
            self._busy = False

    async def _next_state(self, deadline: float | None, limit: float | None) -> _R:
        """Wait for the next observed state (polled or notified); end states set the outcome."""
        notifier = self._client.processing_notifier
        with notifier.watch(self._spec.name, self._id) as watch:
            while True:
                if await self._wait_turn(watch, deadline, limit):
                    state = self._spec.from_notification(watch.resource)
                    if state is not None and state.is_processing is not True:
                        log.debug("%s %s: finished (notified)", self._spec.noun, self._id)
                        return self._observe(state, final=True)
                    watch.event = anyio.Event()  # not a usable final state: poll now
                    self._next_poll_at = None
                    continue
                try:
                    state = await self._poll()
                except Exception as exc:
                    self._polls += 1
                    if not _is_transient(exc):
                        self._finish(error=exc)
                        raise
                    self._after_transient(exc)
                    continue
                if not state.is_processed and watch.event.is_set():
                    notified = self._spec.from_notification(watch.resource)
                    if notified is not None and notified.is_processing is not True:
                        return self._observe(notified, final=True)
                return self._observe(state, final=False)

    async def _wait_turn(
        self, watch: Watch[object], deadline: float | None, limit: float | None
    ) -> bool:
        """Sleep until the next poll is due; ``True`` when a notification came first.

        Raises :class:`ProcessingTimeoutError` instead of sleeping past ``deadline``.
        """
        if watch.event.is_set():
            return True
        if self._next_poll_at is None:
            return False
        clock = self._schedule.clock
        now = clock()
        wait = self._next_poll_at - now
        overdue = deadline is not None and self._next_poll_at > deadline
        if overdue:
            assert deadline is not None
            wait = deadline - now
        if wait > 0 and await self._sleep_or_notified(wait, watch):
            return True
        if overdue:
            raise self._timeout_error(limit)
        return False

    async def _sleep_or_notified(self, seconds: float, watch: Watch[object]) -> bool:
        sleep = self._schedule.sleep
        if sleep is anyio.sleep:
            with anyio.move_on_after(seconds):
                await watch.event.wait()
            return watch.event.is_set()
        async with anyio.create_task_group() as tg:

            async def sleeper() -> None:
                await sleep(seconds)
                tg.cancel_scope.cancel()

            tg.start_soon(sleeper)
            await watch.event.wait()
            tg.cancel_scope.cancel()
        return watch.event.is_set()

    async def _poll(self) -> _R:
        log.debug("Polling %s %s (poll %d)", self._spec.noun, self._id, self._polls + 1)
        if self._limiter is None:
            state = await self._spec.fetch(self._client, self._id)
        else:
            async with self._limiter:
                state = await self._spec.fetch(self._client, self._id)
        self._polls += 1
        self._last_error = None
        self._schedule_next(None)
        return state

    def _after_transient(self, error: Exception) -> None:
        self._last_error = error
        retry_after = error.retry_after if isinstance(error, RateLimitError) else None
        self._schedule_next(retry_after)
        log.info(
            "Polling %s %s: %s; polling again in %.1fs",
            self._spec.noun, self._id, error, self._next_poll_at_delta(),
        )  # fmt: skip

    def _schedule_next(self, retry_after: float | None) -> None:
        delay = self._schedule.delay(self._polls)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self._schedule.max_retry_after))
        self._next_poll_at = self._schedule.clock() + delay

    def _next_poll_at_delta(self) -> float:
        if self._next_poll_at is None:
            return 0.0
        return max(0.0, self._next_poll_at - self._schedule.clock())

    def _observe(self, state: _R, *, final: bool) -> _R:
        self._last = state
        if isinstance(state, Media) and state.has_fetch_error:
            self._finish(
                error=MediaProcessingError(
                    f"processing of media {self._id!r} failed: ContentGroove could not fetch "
                    "or process its source (has_fetch_error); check media.source_url, or "
                    "upload the file again",
                    media=state,
                )
            )
        elif final or state.is_processing is False:
            self._finish(result=state)
        return state

    def _finish(self, *, result: _R | None = None, error: Exception | None = None) -> None:
        self._done = True
        self._result = result
        self._error = error
        self._next_poll_at = None

    def _timeout_error(self, limit: float | None) -> ProcessingTimeoutError:
        waited = "" if limit is None else f" after {limit:g}s"
        if self._last is None:
            seen = "no state was observed"
        else:
            seen = f"last is_processing={self._last.is_processing!r}"
        cause = f"; the last poll failed: {self._last_error}" if self._last_error else ""
        error = ProcessingTimeoutError(
            f"{self._spec.noun} {self._id!r} was not processed{waited} ({self._polls} polls, "
            f"{seen}{cause}); it was left unchanged: wait again, or resume from "
            "poller.continuation_token()",
            resource=self._last,
        )
        error.__cause__ = self._last_error
        return error


# -- many at once ----------------------------------------------------------------------------


def start_or_resume(
    client: ContentGroove,
    kind: ResourceKind,
    argument: str,
    resource_id: str | None,
    continuation_token: str | None,
    schedule: PollingSchedule | None,
) -> ProcessingPoller[Any]:
    """The poller behind ``cg.<kind>.poll_processing``: a new wait, or one resumed from a token.

    ``argument`` names the id parameter (``media_id``/``clip_id``) in error messages.
    """
    if (resource_id is None) == (continuation_token is None):
        raise ValueError(
            f"pass exactly one of {argument}= (to start waiting) or continuation_token= "
            "(from poller.continuation_token(), to resume)"
        )
    if resource_id is not None:
        return ProcessingPoller(client, kind, resource_id, schedule=schedule)
    assert continuation_token is not None
    poller = ProcessingPoller.from_continuation_token(client, continuation_token, schedule=schedule)
    if poller.kind != kind:
        raise ValueError(
            f"continuation_token is not valid here: it resumes a wait on {poller.kind}; "
            f"use cg.{poller.kind}.poll_processing(continuation_token=...)"
        )
    return poller


def _check_ids(argument: str, ids: object) -> list[str]:
    if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
        raise TypeError(
            f"{argument} must be a list of ids, got {type(ids).__name__}; "
            "for a single id use wait_until_processed(id)"
        )
    return [check_id(f"{argument}[{i}]", value) for i, value in enumerate(ids)]


def _check_concurrency(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"concurrency must be an int, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"concurrency must be >= 1 (requests in flight at once), got {value}")
    return value


async def wait_all(
    client: ContentGroove,
    kind: ResourceKind,
    ids: Iterable[str],
    *,
    concurrency: int = 16,
    timeout: float | None = None,  # noqa: ASYNC109
    return_exceptions: bool = False,
    schedule: PollingSchedule | None = None,
) -> list[Any]:
    """Wait for many medias (or clips) at once; results follow the order of ``ids``.

    Each id has its own schedule; at most ``concurrency`` polls are in flight at once (the
    limit is held only during requests, not while waiting). ``timeout`` is one deadline for
    all. With ``return_exceptions=False`` the first failure cancels the other waits and is
    raised; with ``True`` every failure is returned in its id's place. Repeated ids are
    polled once. The resources' ``wait_all`` methods give the precise result types.
    """
    spec = _kind(kind)
    id_list = _check_ids(f"{spec.noun}_ids", ids)
    limit = _check_concurrency(concurrency)
    seconds = None if timeout is None else check_seconds("timeout", timeout)
    if schedule is not None and not isinstance(schedule, PollingSchedule):
        raise TypeError(f"schedule must be a PollingSchedule, got {type(schedule).__name__}")
    schedule = schedule or PollingSchedule()
    if not id_list:
        return []
    polling_client = _polling_client(client)
    limiter = anyio.CapacityLimiter(limit)
    deadline = None if seconds is None else schedule.clock() + seconds
    outcomes: dict[str, Any] = {}
    first_error: list[Exception] = []

    async def wait_one(poller: ProcessingPoller[Any], tg: TaskGroup) -> None:
        try:
            outcomes[poller.resource_id] = await poller._wait(deadline, seconds)
        except Exception as exc:
            if return_exceptions:
                outcomes[poller.resource_id] = exc
            else:
                if not first_error:
                    first_error.append(exc)
                tg.cancel_scope.cancel()

    async with anyio.create_task_group() as tg:
        for resource_id in dict.fromkeys(id_list):
            poller: ProcessingPoller[Any] = ProcessingPoller(
                polling_client, spec.name, resource_id, schedule=schedule
            )
            poller._limiter = limiter
            tg.start_soon(wait_one, poller, tg)
    if first_error:
        raise first_error[0]
    return [outcomes[i] for i in id_list]
