"""Run every benchmark module (``bench/bench_*.py``) or those named on the command line.

Each module exposes ``run() -> list[str]`` and measures its own baseline in the same run, so the
printed ratios mean something on a noisy 2-core machine. Nothing here asserts a time limit.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = str(Path(__file__).parent)
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules([here]) if m.name.startswith("bench_")
    )
    for name in names:
        module = importlib.import_module(f"bench.{name.removesuffix('.py')}")
        print(f"== {module.__name__} ==", flush=True)
        started = time.perf_counter()
        for line in module.run():
            print(f"  {line}", flush=True)
        print(f"  ({time.perf_counter() - started:.1f}s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
