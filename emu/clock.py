"""Guest time: the one clock every time API, wait deadline and timer reads.

Two kinds:

* real (default): guest time follows the host's monotonic clock from the moment the process starts;
* deterministic (``--deterministic``): guest time is a function of guest progress only. It advances by
  ``API_COST`` per API call into Python and, when every guest thread waits, jumps straight to the earliest
  deadline (no host sleeping). The wall-clock date starts at a fixed moment, ``DET_EPOCH``. Two runs of
  the same program with the same input see the same times at the same points.

``now()`` is seconds since process start; ``ms()`` is the Windows tick count (boot was 10 s earlier);
``unix()`` is the guest's wall-clock time.
"""
from __future__ import annotations

import time

API_COST = 0.000_005  # deterministic seconds per API call (a 1999 PC did ~100-200k Win32 calls/s)
BOOT_MS = 10_000
DET_EPOCH = 984_312_000.0  # 2001-03-11 12:00:00 UTC, the guest's wall clock in deterministic runs


class Clock:
    """Guest time for one process."""

    def __init__(self, deterministic: bool = False) -> None:
        self.deterministic = deterministic
        self._start = time.monotonic()
        self._unix0 = DET_EPOCH if deterministic else time.time()
        self.t = 0.0  # deterministic time (seconds since start)

    def now(self) -> float:
        """Seconds of guest time since the process started."""
        if self.deterministic:
            return self.t
        return time.monotonic() - self._start

    def ms(self) -> int:
        """GetTickCount's value."""
        return int(self.now() * 1000) + BOOT_MS

    def unix(self) -> float:
        """Guest wall-clock time as a Unix timestamp."""
        return self._unix0 + self.now()

    def api_call(self) -> None:
        """One API call happened (deterministic time moves on)."""
        self.t += API_COST

    def advance(self, seconds: float) -> None:
        """Deterministic: let ``seconds`` of guest time pass (a time slice of guest computation)."""
        if self.deterministic:
            self.t += seconds

    def idle_until(self, deadline: float | None, max_wait: float = 0.05) -> None:
        """Nothing can run until ``deadline`` (guest seconds): jump there (deterministic) or sleep a little."""
        if self.deterministic:
            if deadline is not None and deadline > self.t:
                self.t = deadline
            return
        if deadline is None:
            time.sleep(max_wait)
            return
        delay = deadline - self.now()
        if delay > 0:
            time.sleep(min(delay, max_wait))


_current = Clock()


def current() -> Clock:
    """The clock of the running process."""
    return _current


def install(c: Clock) -> None:
    """Make ``c`` the clock that ``now()`` reads (one guest process per host process)."""
    global _current
    _current = c


def now() -> float:
    """Guest seconds since process start (what wait deadlines are expressed in)."""
    return _current.now()
