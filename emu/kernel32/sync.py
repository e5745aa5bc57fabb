"""kernel32: synchronisation — events, mutexes, semaphores, critical sections, waits and Sleep."""
from __future__ import annotations

from .. import clock
from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, LONG, LPCSTR, LPCWSTR, PTR, stdcall
from ..objects import CritSecWait, Event, Mutex, Semaphore, Waitable
from ..threads import INFINITE, WAIT_FAILED, WAIT_TIMEOUT, Block, WaitSpec, Yield

if TYPE_CHECKING:
    from ..machine import Machine

ERROR_INVALID_HANDLE = 6
ERROR_ALREADY_EXISTS = 183
ERROR_NOT_OWNER = 288
ERROR_TOO_MANY_POSTS = 298
ERROR_FILE_NOT_FOUND = 2


def waitable(m: "Machine", h: int) -> Waitable | None:
    if h == 0xFFFFFFFE:
        return m.thread
    obj = m.handles.get(h)
    return obj if isinstance(obj, Waitable) else None


def wait(m: "Machine", objs: list[Waitable], wait_all: bool, timeout: int) -> int:
    """Wait for objects: returns the result now, or raises Block to suspend the calling thread."""
    spec = WaitSpec(objs, wait_all, None if timeout == INFINITE else clock.now() + timeout / 1000)
    assert m.thread is not None
    r = spec.poll(m.thread)
    if r is not None:
        return r
    if timeout == 0:
        return WAIT_TIMEOUT
    raise Block(spec)


@stdcall("kernel32")
def WaitForSingleObject(m: "Machine", hHandle: HANDLE, dwMilliseconds: DWORD) -> DWORD:
    """Wait until the object is signalled or the timeout passes (WAIT_OBJECT_0 / WAIT_TIMEOUT)."""
    o = waitable(m, hHandle)
    if o is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return WAIT_FAILED
    return wait(m, [o], False, dwMilliseconds)


@stdcall("kernel32")
def WaitForSingleObjectEx(m: "Machine", hHandle: HANDLE, dwMilliseconds: DWORD, bAlertable: BOOL) -> DWORD:
    """WaitForSingleObject (no APCs are queued, so alertable waits behave the same)."""
    return WaitForSingleObject(m, hHandle, dwMilliseconds)


@stdcall("kernel32")
def WaitForMultipleObjects(m: "Machine", nCount: DWORD, lpHandles: PTR, bWaitAll: BOOL,
                           dwMilliseconds: DWORD) -> DWORD:
    """Wait for any (WAIT_OBJECT_0+i) or all of up to 64 objects."""
    if nCount == 0 or nCount > 64:
        m.set_last_error(87)
        return WAIT_FAILED
    objs = []
    for h in m.mem.unpack(f"<{nCount}I", lpHandles):
        o = waitable(m, h)
        if o is None:
            m.set_last_error(ERROR_INVALID_HANDLE)
            return WAIT_FAILED
        objs.append(o)
    return wait(m, objs, bool(bWaitAll), dwMilliseconds)


@stdcall("kernel32")
def WaitForMultipleObjectsEx(m: "Machine", nCount: DWORD, lpHandles: PTR, bWaitAll: BOOL, dwMilliseconds: DWORD,
                             bAlertable: BOOL) -> DWORD:
    """WaitForMultipleObjects (alertable waits behave the same)."""
    return WaitForMultipleObjects(m, nCount, lpHandles, bWaitAll, dwMilliseconds)


@stdcall("kernel32")
def Sleep(m: "Machine", dwMilliseconds: DWORD) -> None:
    """Suspend the thread; Sleep(0) yields to other ready threads."""
    if dwMilliseconds == 0:
        raise Yield(0)
    deadline = None if dwMilliseconds == INFINITE else clock.now() + dwMilliseconds / 1000
    raise Block(WaitSpec([], False, deadline, result=lambda r: 0))


@stdcall("kernel32")
def SleepEx(m: "Machine", dwMilliseconds: DWORD, bAlertable: BOOL) -> DWORD:
    """Sleep; returns 0 (no APCs)."""
    Sleep(m, dwMilliseconds)
    return 0


@stdcall("kernel32")
def SwitchToThread(m: "Machine") -> BOOL:
    """Yield the processor."""
    raise Yield(1)


def _named(m: "Machine", name: str | int | None, kind: type, make: "callable") -> int:  # type: ignore[valid-type]
    if isinstance(name, str) and name:
        existing = m.handles.find_named(name, kind)
        if existing is not None:
            h = m.handles.add(existing)
            m.set_last_error(ERROR_ALREADY_EXISTS)
            return h
    obj = make(name if isinstance(name, str) else None)
    m.set_last_error(0)
    return m.handles.add(obj)


def _open(m: "Machine", name: str | int | None, kind: type) -> int:
    obj = m.handles.find_named(name, kind) if isinstance(name, str) else None
    if obj is None:
        m.set_last_error(ERROR_FILE_NOT_FOUND)
        return 0
    return m.handles.add(obj)


@stdcall("kernel32")
def CreateEventA(m: "Machine", lpEventAttributes: PTR, bManualReset: BOOL, bInitialState: BOOL,
                 lpName: LPCSTR) -> HANDLE:
    """Create (or open, if the name exists) an event."""
    return _named(m, lpName, Event, lambda n: Event(bool(bManualReset), bool(bInitialState), n))


@stdcall("kernel32")
def CreateEventW(m: "Machine", lpEventAttributes: PTR, bManualReset: BOOL, bInitialState: BOOL,
                 lpName: LPCWSTR) -> HANDLE:
    """Wide CreateEvent."""
    return _named(m, lpName, Event, lambda n: Event(bool(bManualReset), bool(bInitialState), n))


@stdcall("kernel32")
def OpenEventA(m: "Machine", dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: LPCSTR) -> HANDLE:
    """Open a named event."""
    return _open(m, lpName, Event)


@stdcall("kernel32")
def OpenEventW(m: "Machine", dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: LPCWSTR) -> HANDLE:
    """Wide OpenEvent."""
    return _open(m, lpName, Event)


def _event(m: "Machine", h: int) -> Event | None:
    o = m.handles.get(h)
    if isinstance(o, Event):
        return o
    m.set_last_error(ERROR_INVALID_HANDLE)
    return None


@stdcall("kernel32")
def SetEvent(m: "Machine", hEvent: HANDLE) -> BOOL:
    """Signal an event."""
    e = _event(m, hEvent)
    if e is None:
        return 0
    e.state = True
    return 1


@stdcall("kernel32")
def ResetEvent(m: "Machine", hEvent: HANDLE) -> BOOL:
    """Unsignal an event."""
    e = _event(m, hEvent)
    if e is None:
        return 0
    e.state = False
    return 1


@stdcall("kernel32")
def PulseEvent(m: "Machine", hEvent: HANDLE) -> BOOL:
    """Release current waiters, then reset."""
    e = _event(m, hEvent)
    if e is None:
        return 0
    e.state = True
    for t in m.threads:
        if t.wait and e in t.wait.objects:
            m._can_run(t)
            if not e.manual:
                break
    e.state = False
    return 1


@stdcall("kernel32")
def CreateMutexA(m: "Machine", lpMutexAttributes: PTR, bInitialOwner: BOOL, lpName: LPCSTR) -> HANDLE:
    """Create (or open) a mutex, optionally owned by the caller."""
    return _named(m, lpName, Mutex, lambda n: Mutex(m.thread if bInitialOwner else None, n))


@stdcall("kernel32")
def CreateMutexW(m: "Machine", lpMutexAttributes: PTR, bInitialOwner: BOOL, lpName: LPCWSTR) -> HANDLE:
    """Wide CreateMutex."""
    return _named(m, lpName, Mutex, lambda n: Mutex(m.thread if bInitialOwner else None, n))


@stdcall("kernel32")
def OpenMutexA(m: "Machine", dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: LPCSTR) -> HANDLE:
    """Open a named mutex."""
    return _open(m, lpName, Mutex)


@stdcall("kernel32")
def ReleaseMutex(m: "Machine", hMutex: HANDLE) -> BOOL:
    """Release one level of ownership; fails with ERROR_NOT_OWNER for other threads."""
    mu = m.handles.get(hMutex)
    if not isinstance(mu, Mutex):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if mu.owner is not m.thread or mu.count == 0:
        m.set_last_error(ERROR_NOT_OWNER)
        return 0
    mu.count -= 1
    if mu.count == 0:
        mu.owner = None
    return 1


@stdcall("kernel32")
def CreateSemaphoreA(m: "Machine", lpSemaphoreAttributes: PTR, lInitialCount: LONG, lMaximumCount: LONG,
                     lpName: LPCSTR) -> HANDLE:
    """Create (or open) a counting semaphore."""
    if lMaximumCount <= 0 or lInitialCount < 0 or lInitialCount > lMaximumCount:
        m.set_last_error(87)
        return 0
    return _named(m, lpName, Semaphore, lambda n: Semaphore(lInitialCount, lMaximumCount, n))


@stdcall("kernel32")
def CreateSemaphoreW(m: "Machine", lpSemaphoreAttributes: PTR, lInitialCount: LONG, lMaximumCount: LONG,
                     lpName: LPCWSTR) -> HANDLE:
    """Wide CreateSemaphore."""
    if lMaximumCount <= 0 or lInitialCount < 0 or lInitialCount > lMaximumCount:
        m.set_last_error(87)
        return 0
    return _named(m, lpName, Semaphore, lambda n: Semaphore(lInitialCount, lMaximumCount, n))


@stdcall("kernel32")
def ReleaseSemaphore(m: "Machine", hSemaphore: HANDLE, lReleaseCount: LONG, lpPreviousCount: PTR) -> BOOL:
    """Add to the count; fails with ERROR_TOO_MANY_POSTS past the maximum."""
    s = m.handles.get(hSemaphore)
    if not isinstance(s, Semaphore):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if lReleaseCount <= 0 or s.count + lReleaseCount > s.maximum:
        m.set_last_error(ERROR_TOO_MANY_POSTS if lReleaseCount > 0 else 87)
        return 0
    if lpPreviousCount:
        m.mem.w32(lpPreviousCount, s.count)
    s.count += lReleaseCount
    return 1


# ---- critical sections (fast paths are guest code in natives.py) ------------------------------
@stdcall("kernel32")
def InitializeCriticalSection(m: "Machine", lpCriticalSection: PTR) -> None:
    """LockCount=-1, RecursionCount=0, OwningThread=0."""
    m.mem.pack("<IiIIII", lpCriticalSection, 0, -1, 0, 0, 0, 0)


@stdcall("kernel32")
def InitializeCriticalSectionAndSpinCount(m: "Machine", lpCriticalSection: PTR, dwSpinCount: DWORD) -> BOOL:
    """InitializeCriticalSection with a spin count (ignored)."""
    m.mem.pack("<IiIIII", lpCriticalSection, 0, -1, 0, 0, 0, dwSpinCount)
    return 1


@stdcall("kernel32")
def InitializeCriticalSectionEx(m: "Machine", lpCriticalSection: PTR, dwSpinCount: DWORD, Flags: DWORD) -> BOOL:
    """InitializeCriticalSection with a spin count and flags (ignored)."""
    m.mem.pack("<IiIIII", lpCriticalSection, 0, -1, 0, 0, 0, dwSpinCount)
    return 1


@stdcall("kernel32")
def DeleteCriticalSection(m: "Machine", lpCriticalSection: PTR) -> None:
    """Nothing to free: waiting is tracked by the scheduler."""


@stdcall("kernel32")
def SetCriticalSectionSpinCount(m: "Machine", lpCriticalSection: PTR, dwSpinCount: DWORD) -> DWORD:
    """Returns the previous spin count."""
    old = m.mem.u32(lpCriticalSection + 0x14)
    m.mem.w32(lpCriticalSection + 0x14, dwSpinCount)
    return old


@stdcall("kernel32")
def _exeplay_cs_wait(m: "Machine", lpCriticalSection: PTR) -> None:
    """Internal slow path of EnterCriticalSection: block until the owner field is free."""
    m.mem.w32(lpCriticalSection + 4, m.mem.u32(lpCriticalSection + 4) + 1)
    raise Block(WaitSpec([CritSecWait(m.mem, lpCriticalSection)], False, None, result=lambda r: 0))


@stdcall("kernel32")
def _exeplay_cs_wake(m: "Machine", lpCriticalSection: PTR) -> None:
    """Internal slow path of LeaveCriticalSection: a waiter exists, let it run."""
    raise Yield(0)
