"""Fault knobs: forced answers, random errors and the rate limiter."""

from __future__ import annotations

import math
import random
import threading

from ._clock import Clock
from ._config import ForcedResponse, SandboxConfig

__all__ = ["Faults"]


class Faults:
    """Decides, per request, whether the sandbox answers with an injected error."""

    def __init__(self, config: SandboxConfig, clock: Clock, lock: threading.RLock) -> None:
        self.config = config
        self.clock = clock
        self.lock = lock
        self._rng = random.Random(None if config.seed is None else f"faults:{config.seed}")
        self._forced: list[tuple[ForcedResponse, list[int]]] = []
        self._window_start: float | None = None
        self._window_count = 0
        for rule in config.forced_responses:
            self.arm(rule)

    def arm(self, rule: ForcedResponse) -> None:
        """Answer the next ``rule.times`` matching requests with ``rule.status``."""
        with self.lock:
            self._forced.append((rule, [rule.times]))

    def clear(self) -> None:
        """Drop every armed forced answer."""
        with self.lock:
            self._forced.clear()

    def armed(self) -> list[tuple[ForcedResponse, int]]:
        """Armed rules with how many answers each has left."""
        with self.lock:
            return [(rule, left[0]) for rule, left in self._forced]

    def take_forced(self, operation: str, path: str) -> ForcedResponse | None:
        """The first armed rule matching this request, consuming one of its answers."""
        with self.lock:
            for index, (rule, left) in enumerate(self._forced):
                if rule.matches(operation, path):
                    left[0] -= 1
                    if left[0] <= 0:
                        del self._forced[index]
                    return rule
            return None

    def draw_error(self) -> bool:
        """Whether this request fails at random (``error_rate``)."""
        if self.config.error_rate <= 0:
            return False
        with self.lock:
            return self._rng.random() < self.config.error_rate

    def rate_limited(self) -> int | None:
        """Count a request; returns the ``Retry-After`` seconds when it is over the limit."""
        limit = self.config.rate_limit
        if limit is None:
            return None
        window = self.config.rate_limit_window
        now = self.clock.now()
        with self.lock:
            if self._window_start is None or now >= self._window_start + window:
                self._window_start = now
                self._window_count = 0
            self._window_count += 1
            if self._window_count <= limit:
                return None
            return max(1, math.ceil(self._window_start + window - now))
