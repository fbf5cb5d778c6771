"""Webhook deliveries: POST each event to every subscribed URL, retrying with backoff.

A delivery succeeds when the receiver answers 200; anything else (another status, a
connection error, a timeout) schedules a retry after the next ``webhook_retry_delays`` entry,
until the attempts run out. Due attempts are claimed under the store lock, so two event loops
driving the same sandbox never send the same attempt twice.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import anyio
import httpx

from .._version import __version__
from ._clock import Clock
from ._config import SandboxConfig
from ._records import DeliveryAttempt, WebhookDelivery

__all__ = ["Dispatcher"]

USER_AGENT = f"ContentGroove-Sandbox/{__version__}"


class Dispatcher:
    """Queue and send webhook deliveries."""

    def __init__(
        self,
        config: SandboxConfig,
        clock: Clock,
        lock: threading.RLock,
        new_id: Callable[[], str],
    ) -> None:
        self.config = config
        self.clock = clock
        self.lock = lock
        self.new_id = new_id
        self.deliveries: list[WebhookDelivery] = []

    def enqueue(
        self,
        event: str,
        targets: list[tuple[str, str]],
        media_id: str,
        payload: dict[str, Any],
        due: float,
    ) -> None:
        """Queue ``payload`` for every ``(subscription_id, url)`` target (twice with duplicates)."""
        copies = 2 if self.config.duplicate_deliveries else 1
        with self.lock:
            for subscription_id, url in targets:
                for copy in range(1, copies + 1):
                    self.deliveries.append(
                        WebhookDelivery(
                            id=self.new_id(),
                            event=event,
                            subscription_id=subscription_id,
                            url=url,
                            media_id=media_id,
                            payload=payload,
                            copy=copy,
                            next_attempt_at=due,
                        )
                    )

    def claim_due(self) -> list[WebhookDelivery]:
        """Mark every delivery whose next attempt is due as in flight, and return them."""
        now = self.clock.now()
        with self.lock:
            due = [
                d
                for d in self.deliveries
                if d.status == "pending"
                and not d.in_flight
                and d.next_attempt_at is not None
                and d.next_attempt_at <= now
            ]
            for d in due:
                d.in_flight = True
            return due

    def next_due(self) -> float | None:
        """When the next pending attempt is due, if any."""
        with self.lock:
            times = [
                d.next_attempt_at
                for d in self.deliveries
                if d.status == "pending" and not d.in_flight and d.next_attempt_at is not None
            ]
            return min(times) if times else None

    async def send(self, deliveries: list[WebhookDelivery]) -> None:
        """Attempt the claimed ``deliveries`` concurrently and record the outcomes."""
        if not deliveries:
            return
        async with (
            httpx.AsyncClient(
                transport=self.config.webhook_transport,
                timeout=self.config.webhook_timeout,
                follow_redirects=False,
                trust_env=False,
            ) as client,
            anyio.create_task_group() as tg,
        ):
            for delivery in deliveries:
                tg.start_soon(self._attempt, client, delivery)

    async def _attempt(self, client: httpx.AsyncClient, delivery: WebhookDelivery) -> None:
        try:
            response = await client.post(
                delivery.url,
                content=json.dumps(delivery.payload).encode(),
                headers={"Content-Type": "application/json", "User-Agent": USER_AGENT},
            )
        except Exception as exc:  # recorded as a failed attempt, then retried
            self._record(delivery, None, f"{type(exc).__name__}: {exc}")
        except BaseException:
            with self.lock:  # cancelled: the attempt did not happen, it stays due
                delivery.in_flight = False
            raise
        else:
            self._record(delivery, response.status_code, None)

    def _record(self, delivery: WebhookDelivery, status: int | None, error: str | None) -> None:
        now = self.clock.now()
        with self.lock:
            number = len(delivery.attempts) + 1
            delivery.attempts.append(
                DeliveryAttempt(number=number, at=now, status_code=status, error=error)
            )
            delivery.in_flight = False
            if status == 200:
                delivery.status = "delivered"
                delivery.next_attempt_at = None
            elif number >= self.config.webhook_max_attempts:
                delivery.status = "failed"
                delivery.next_attempt_at = None
            else:
                delivery.next_attempt_at = now + self.config.webhook_retry_delays[number - 1]
