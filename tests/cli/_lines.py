"""Read a child process's output line by line while it keeps running."""

from __future__ import annotations

import queue
import subprocess
import threading


class LineReader:
    """Collects ``proc.stdout`` lines in a thread; :meth:`wait_for` blocks until one matches."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(proc,), daemon=True)
        self._thread.start()

    def _pump(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            self._queue.put(raw.decode(errors="replace").rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """The first new line containing ``text``; fails with the output so far otherwise."""
        while True:
            try:
                line = self._queue.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(
                    f"no line with {text!r} within {timeout}s:\n{self.text}"
                ) from None
            if line is None:
                raise AssertionError(f"output ended without {text!r}:\n{self.text}")
            self.lines.append(line)
            if text in line:
                return line

    def rest(self, timeout: float = 60.0) -> str:
        """Everything up to the end of the output."""
        while True:
            line = self._queue.get(timeout=timeout)
            if line is None:
                return self.text
            self.lines.append(line)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)
