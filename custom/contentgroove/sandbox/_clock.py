"""Clocks for the sandbox: real time by default, or a manual clock tests move by hand."""

from __future__ import annotations

import datetime
import threading
import time
from typing import Protocol, runtime_checkable

__all__ = ["Clock", "ManualClock", "SystemClock", "format_timestamp"]


@runtime_checkable
class Clock(Protocol):
    """Where the sandbox reads the time: seconds since the Unix epoch, as a float."""

    def now(self) -> float:
        """The current time, in seconds since the Unix epoch."""
        ...


class SystemClock:
    """The real wall clock (:func:`time.time`)."""

    def now(self) -> float:
        """The current time, in seconds since the Unix epoch."""
        return time.time()

    def __repr__(self) -> str:
        return "SystemClock()"


class ManualClock:
    """A clock that only moves when told to, so tests can skip waits without sleeping.

    Processing deadlines, webhook retry schedules, upload-token expiry and rate-limit windows
    all read this clock: ``clock.advance(5)`` makes five seconds pass at once.
    """

    DEFAULT_START = 1_767_225_600.0
    """2026-01-01T00:00:00Z."""

    def __init__(self, start: float = DEFAULT_START) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def now(self) -> float:
        """The current time, in seconds since the Unix epoch."""
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock forward by ``seconds`` (>= 0) and return the new time."""
        if seconds < 0:
            raise ValueError(
                f"ManualClock.advance(seconds={seconds!r}): time cannot go backwards; "
                "pass a number of seconds >= 0"
            )
        with self._lock:
            self._now += seconds
            return self._now

    def __repr__(self) -> str:
        return f"ManualClock(now={format_timestamp(self.now())})"


def format_timestamp(ts: float) -> str:
    """Format epoch seconds like the ContentGroove API: ``2022-08-15T18:34:08.398Z``."""
    dt = datetime.datetime.fromtimestamp(ts, tz=datetime.UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def parse_timestamp(value: str) -> float:
    """Parse an ISO 8601 date-time (``Z`` or offset; naive means UTC) into epoch seconds."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    dt = datetime.datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=datetime.UTC)
    return dt.timestamp()
