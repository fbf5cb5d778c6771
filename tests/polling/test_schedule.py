"""PollingSchedule: 2 s growing by half up to 30 s, with bounded jitter; every knob validated."""

from __future__ import annotations

import random

import attrs
import pytest
from contentgroove import PollingSchedule


def test_defaults_grow_from_2s_by_half_up_to_30s() -> None:
    schedule = PollingSchedule()
    intervals = [schedule.interval(n) for n in range(1, 11)]
    assert intervals == pytest.approx([2, 3, 4.5, 6.75, 10.125, 15.1875, 22.78125, 30, 30, 30])
    assert schedule.jitter == 0.1


def test_interval_stays_at_the_cap_for_very_long_waits() -> None:
    assert PollingSchedule().interval(10_000_000) == 30.0


def test_without_jitter_the_delay_is_the_interval() -> None:
    schedule = PollingSchedule(jitter=0.0, random=lambda: 0.0)
    assert [schedule.delay(n) for n in (1, 2, 3)] == [2.0, 3.0, 4.5]


def test_jitter_spreads_each_delay_within_plus_minus_the_fraction() -> None:
    low = PollingSchedule(jitter=0.1, random=lambda: 0.0)
    high = PollingSchedule(jitter=0.1, random=lambda: 1.0)
    assert low.delay(1) == pytest.approx(1.8)
    assert high.delay(1) == pytest.approx(2.2)
    assert high.delay(50) == pytest.approx(33.0)

    rng = random.Random(1234)
    spread = PollingSchedule(jitter=0.25, random=rng.random)
    delays = [spread.delay(n) for n in range(1, 200)]
    for n, delay in enumerate(delays, start=1):
        base = spread.interval(n)
        assert 0.75 * base <= delay <= 1.25 * base
    assert len(set(delays)) > 100


def test_all_settings_are_configurable() -> None:
    schedule = PollingSchedule(initial=0.5, factor=2.0, max_interval=3.0, jitter=0.0)
    assert [schedule.interval(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    fixed = PollingSchedule(initial=5.0, factor=1.0, max_interval=5.0)
    assert {fixed.interval(n) for n in range(1, 20)} == {5.0}


def test_schedule_is_frozen() -> None:
    schedule = PollingSchedule()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        schedule.initial = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("settings", "error", "message"),
    [
        ({"initial": 0}, ValueError, "initial must be a finite number > 0"),
        ({"initial": float("inf")}, ValueError, "initial must be a finite number > 0"),
        ({"initial": "2"}, TypeError, "initial must be a number of seconds"),
        ({"max_interval": -1}, ValueError, "max_interval must be a finite number > 0"),
        ({"factor": 0.5}, ValueError, "factor must be a finite number >= 1"),
        ({"factor": True}, TypeError, "factor must be a number"),
        ({"jitter": 1.0}, ValueError, r"jitter must be a fraction in \[0, 1\)"),
        ({"jitter": -0.1}, ValueError, r"jitter must be a fraction in \[0, 1\)"),
        ({"max_retry_after": 0}, ValueError, "max_retry_after must be a finite number > 0"),
        ({"initial": 60.0}, ValueError, r"max_interval \(30.0\) must be >= initial \(60.0\)"),
    ],
)
def test_bad_settings_name_the_argument(
    settings: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        PollingSchedule(**settings)  # type: ignore[arg-type]
