"""Kernel objects and the process handle table.

Waitable objects implement ``ready(thread)`` (would a wait on it succeed now?) and ``take(thread)``
(perform the side effect of a successful wait: reset an auto-reset event, own a mutex, decrement a
semaphore). The scheduler in ``threads.py`` evaluates waits with them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .threads import Thread


class KObject:
    """Anything a HANDLE can refer to."""

    kind = "object"

    def __init__(self, name: str | None = None) -> None:
        self.name = name
        self.handles = 0

    def close(self) -> None:
        """Called when the last handle is closed."""


class Waitable(KObject):
    def ready(self, t: "Thread") -> bool:
        raise NotImplementedError

    def take(self, t: "Thread") -> bool:
        """Perform the wait's side effect; True if the wait acquired an abandoned mutex."""
        return False


class Event(Waitable):
    kind = "event"

    def __init__(self, manual: bool, state: bool, name: str | None = None) -> None:
        super().__init__(name)
        self.manual = manual
        self.state = state

    def ready(self, t: "Thread") -> bool:
        return self.state

    def take(self, t: "Thread") -> bool:
        if not self.manual:
            self.state = False
        return False


class Mutex(Waitable):
    kind = "mutex"

    def __init__(self, owner: "Thread | None", name: str | None = None) -> None:
        super().__init__(name)
        self.owner = owner
        self.count = 1 if owner else 0

    def ready(self, t: "Thread") -> bool:
        return self.owner is None or self.owner is t or self.owner.done

    def take(self, t: "Thread") -> bool:
        abandoned = self.owner is not None and self.owner is not t and self.owner.done
        if abandoned:
            self.count = 0
        self.owner = t
        self.count += 1
        return abandoned


class Semaphore(Waitable):
    kind = "semaphore"

    def __init__(self, count: int, maximum: int, name: str | None = None) -> None:
        super().__init__(name)
        self.count = count
        self.maximum = maximum

    def ready(self, t: "Thread") -> bool:
        return self.count > 0

    def take(self, t: "Thread") -> bool:
        self.count -= 1
        return False


class CritSecWait(Waitable):
    """A thread waiting for a guest CRITICAL_SECTION whose owner field lives in guest memory."""

    kind = "critical section"

    def __init__(self, mem: object, addr: int) -> None:
        super().__init__()
        self.mem = mem
        self.addr = addr

    def ready(self, t: "Thread") -> bool:
        return self.mem.u32(self.addr + 0xC) == 0  # type: ignore[attr-defined]

    def take(self, t: "Thread") -> bool:
        mem = self.mem
        mem.w32(self.addr + 0xC, t.tid)  # type: ignore[attr-defined]
        mem.w32(self.addr + 8, 1)  # type: ignore[attr-defined]
        mem.w32(self.addr + 4, mem.u32(self.addr + 4) - 1)  # type: ignore[attr-defined]
        return False


INVALID_HANDLE_VALUE = 0xFFFFFFFF
CURRENT_PROCESS = 0xFFFFFFFF
CURRENT_THREAD = 0xFFFFFFFE


class HandleTable:
    """Handles are multiples of 4 starting at 0x40, as on NT."""

    def __init__(self) -> None:
        self.table: dict[int, KObject] = {}
        self._next = 0x40
        self.free: list[int] = []

    def add(self, obj: KObject) -> int:
        h = self.free.pop() if self.free else self._next
        if h == self._next:
            self._next += 4
        self.table[h] = obj
        obj.handles += 1
        return h

    def get(self, h: int) -> KObject | None:
        return self.table.get(h)

    def close(self, h: int) -> bool:
        obj = self.table.pop(h, None)
        if obj is None:
            return False
        self.free.append(h)
        obj.handles -= 1
        if obj.handles <= 0:
            obj.close()
        return True

    def find_named(self, name: str, kind: type) -> KObject | None:
        for obj in self.table.values():
            if isinstance(obj, kind) and obj.name == name:
                return obj
        return None
