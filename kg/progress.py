"""The progress line of long builds: articles done, rate, time left; silent off a terminal.

>>> import io
>>> stream = io.StringIO()        # not a terminal: nothing is written
>>> p = Progress(stream)
>>> p(10, 5000, 100_000); p.stage("writing"); p(20, 9000, 100_000, final=True)
>>> stream.getvalue()
''
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

__all__ = ["Progress"]


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


class Progress:
    """A one-line progress report on a terminal (``stream.isatty()``); silent otherwise.

    ``progress(done, chars, total_bytes)`` after each article: articles done, characters,
    articles per second and, when the input's size is known, the share done and the time
    left (estimated from the characters read so far against the input's bytes, about
    three bytes per Chinese character).  ``stage(what)`` names a later stage and
    ``writing(n, total)`` counts the articles whose graphs are written, ``storing(bytes,
    total, seconds)`` the bytes loaded into the SPARQL store."""

    BYTES_PER_CHAR = 3.0

    def __init__(self, stream: TextIO | None = None, every: float = 0.2):
        self.stream = stream or sys.stderr
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every, self.last, self.t0 = every, 0.0, time.monotonic()
        self.lock = threading.Lock()
        self.width = 0

    def _write(self, text: str, end: str = "") -> None:
        pad = " " * max(0, self.width - len(text))
        self.width = 0 if end else len(text)
        self.stream.write(f"\r{text}{pad}{end}")
        self.stream.flush()

    def __call__(self, done: int, chars: int, total_bytes: int = 0, final: bool = False) -> None:
        now = time.monotonic()
        if not self.live or (not final and now - self.last < self.every):
            return
        with self.lock:
            self.last = now
            elapsed = max(now - self.t0, 1e-9)
            line = f"  {done} articles, {chars / 1000:.0f}k chars, {done / elapsed:.0f} articles/s"
            if total_bytes and not final:
                share = min(0.99, chars * self.BYTES_PER_CHAR / total_bytes)
                if share >= 0.01:  # earlier, start-up time would dominate the estimate
                    left = elapsed * (1 - share) / share
                    line += f", {share:.0%}, ~{_clock(left)} left"
            elif final:
                line += f", {_clock(elapsed)}"
            self._write(line, "\n" if final else "")

    def message(self, text: str) -> None:
        """Print a line (a skipped input, a warning) to the stream, always; on a terminal
        the progress line is cleared first, and the next update draws it again below."""
        with self.lock:
            if self.live and self.width:
                self.stream.write("\r" + " " * self.width + "\r")
                self.width = 0
            self.stream.write(text + "\n")
            self.stream.flush()

    def stage(self, what: str) -> None:
        """Say which stage a long build is in (on a terminal only)."""
        if self.live:
            with self.lock:
                self._write(f"  {what} …", "\n")

    def storing(self, done: int, total: int, elapsed: float) -> None:
        """Bytes of ``graph.trig`` and ``graph.ttl`` loaded into the store so far, ``elapsed``
        seconds after the loading began; ``done == total`` when the store is compacted."""
        now = time.monotonic()
        if not self.live or (now - self.last < self.every and done < total):
            return
        with self.lock:
            self.last = now
            if done >= total:
                self._write("  compacting the SPARQL store …", "\n")
                return
            share = min(0.99, done / max(total, 1))
            line = f"  loading the SPARQL store: {done / 2**20:.0f}/{total / 2**20:.0f} MB ({share:.0%})"
            if share >= 0.01:
                line += f", ~{_clock(elapsed * (1 - share) / share)} left"
            self._write(line)

    def writing(self, done: int, total: int) -> None:
        """Articles whose graphs are written so far."""
        now = time.monotonic()
        if not self.live or (now - self.last < self.every and done < total):
            return
        with self.lock:
            self.last = now
            self._write(f"  {done}/{total} graphs ({done / max(total, 1):.0%})")
