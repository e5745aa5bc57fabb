"""Guest threads and their scheduling.

All guest threads share one Unicorn engine on one host "CPU thread". A thread runs until it blocks in
an API call (the API raises ``Block``; the trap stops the engine cleanly at the stub, and the thread's
saved state is advanced past the call when it wakes) or, when more than one thread is runnable, until
its instruction quantum ends (``emu_start(count=...)``, which stops at an instruction boundary).
Nothing ever stops Unicorn from another host thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from . import clock
from .objects import Waitable

if TYPE_CHECKING:
    from .memory import Region

WAIT_OBJECT_0 = 0
WAIT_ABANDONED_0 = 0x80
WAIT_TIMEOUT = 0x102
WAIT_FAILED = 0xFFFFFFFF
INFINITE = 0xFFFFFFFF


@dataclass
class WaitSpec:
    """What a blocked thread waits for: objects (any or all) and/or a deadline (guest seconds, ``clock.now()``)."""

    objects: list[Waitable] = field(default_factory=list)
    wait_all: bool = False
    deadline: float | None = None
    # result adapter: turns the wait result into the API's return value (e.g. for Sleep: 0)
    result: Callable[[int], int] = lambda r: r

    def poll(self, t: "Thread") -> int | None:
        """Try to satisfy the wait now; performs the acquisition and returns the result code, or None."""
        objs = self.objects
        if objs:
            if self.wait_all:
                if all(o.ready(t) for o in objs):
                    abandoned = [o.take(t) for o in objs]
                    return WAIT_ABANDONED_0 if any(abandoned) else WAIT_OBJECT_0
            else:
                for i, o in enumerate(objs):
                    if o.ready(t):
                        return (WAIT_ABANDONED_0 if o.take(t) else WAIT_OBJECT_0) + i
        if self.deadline is not None and clock.now() >= self.deadline:
            return WAIT_TIMEOUT
        return None


class Block(Exception):
    """Raised by an API implementation to block the calling thread until ``spec`` is satisfied."""

    def __init__(self, spec: WaitSpec, retry: bool = False) -> None:
        super().__init__("block")
        self.spec = spec
        self.retry = retry  # on wake-up, call the API again instead of returning spec.result(...)


class Yield(Exception):
    """Raised by an API (Sleep(0), SwitchToThread) to let other ready threads run; returns ``value``."""

    def __init__(self, value: int = 0) -> None:
        super().__init__("yield")
        self.value = value


class ThreadExit(BaseException):
    """Unwinds the host stack when the current guest thread ends."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class ProcessExit(BaseException):
    """Unwinds everything when the guest process ends."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class Thread(Waitable):
    kind = "thread"

    def __init__(self, tid: int, teb: int, stack: "Region", fs_sel: int) -> None:
        super().__init__()
        self.tid = tid
        self.teb = teb
        self.stack = stack
        self.fs_sel = fs_sel
        self.ctx: object | None = None  # Unicorn context while not running
        self.done = False
        self.exit_code = 0x103  # STILL_ACTIVE
        self.suspended = 0
        self.wait: WaitSpec | None = None
        # applied when the thread is resumed after blocking in an API: (return value, new esp, new eip)
        self.resume: tuple[int, int, int, WaitSpec] | None = None
        self.start_eip = 0
        self.start_esp = 0
        self.started = False
        self.priority = 0
        self.in_host_wait = False  # waiting inside Python (a modal loop, SendMessage): resumed only by returning
        self.api_active = False  # its last instruction-counted slice called Windows (Machine._slice)

    def ready(self, t: "Thread") -> bool:
        return self.done

    @property
    def runnable(self) -> bool:
        return not self.done and not self.suspended and self.wait is None
