"""winmm multimedia timers: timeSetEvent / timeKillEvent.

Like Windows, timer events are delivered by one hidden timer thread per process (started with the first
timeSetEvent). Its body is guest code (``_exeplay_mmtimer_thread``) looping over one Python call,
``_exeplay_mmtimer_wait``: it delivers every event that is due (TIME_CALLBACK_EVENT_SET / _PULSE act on the
event in Python; TIME_CALLBACK_FUNCTION hands ``TimeProc(uTimerID, 0, dwUser, 0, 0)`` back to the loop, which
calls it as ordinary guest code on the timer thread) and otherwise blocks until the earliest timer is due or the
set of timers changes. Due times are guest time (``clock.now()``): a periodic timer's k-th event is due at
``start + k * delay``, so deterministic runs deliver the same events at the same guest moments every time. A
thread that falls more than ``MAX_LAG`` behind (a callback slower than its period) skips the missed events
instead of firing them back to back.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from emu.api import DWORD, PTR, UINT, stdcall
from emu.objects import Event, Waitable
from emu.threads import Block, WaitSpec

from .pump import hand_back, service_thread, start_thread

if TYPE_CHECKING:
    from emu.machine import Machine
    from emu.threads import Thread

TIME_ONESHOT = 0x0
TIME_PERIODIC = 0x1
TIME_CALLBACK_FUNCTION = 0x00
TIME_CALLBACK_EVENT_SET = 0x10
TIME_CALLBACK_EVENT_PULSE = 0x20
TIME_KILL_SYNCHRONOUS = 0x100
_KIND = 0x30
_FLAGS = TIME_PERIODIC | _KIND | TIME_KILL_SYNCHRONOUS
TIMERR_NOERROR = 0
MMSYSERR_INVALPARAM = 11
MIN_DELAY, MAX_DELAY = 1, 1_000_000  # ms, as timeGetDevCaps reports
MAX_LAG = 0.1  # seconds behind schedule after which a periodic timer skips missed events
EPS = 1e-9


@dataclass
class Timer:
    """One timeSetEvent timer."""

    id: int
    delay: int  # ms
    proc: int  # TimeProc, or the event handle
    user: int
    flags: int
    start: float  # guest seconds
    count: int = 0  # events delivered

    def due(self) -> float:
        return self.start + (self.count + 1) * self.delay / 1000.0


class TimerWake(Waitable):
    """The timer thread's wait object: ready when timers were set or killed."""

    kind = "mmtimer"

    def __init__(self) -> None:
        super().__init__("mmtimer")
        self.kicked = False

    def ready(self, t: "Thread") -> bool:
        return self.kicked

    def take(self, t: "Thread") -> bool:
        self.kicked = False
        return False


class Timers:
    """The process's multimedia timers."""

    def __init__(self) -> None:
        self.timers: dict[int, Timer] = {}
        self.next_id = 1
        self.wake = TimerWake()
        self.thread_started = False

    def earliest(self) -> Timer | None:
        return min(self.timers.values(), key=lambda t: (t.due(), t.id), default=None)


def _st(m: "Machine") -> Timers:
    st = m.state.get("mmtimer")
    if st is None:
        st = m.state["mmtimer"] = Timers()
    return st


service_thread("_exeplay_mmtimer_thread", "_exeplay_mmtimer_wait",
               "Internal: the multimedia timer thread's body (runs TimeProc callbacks).")


def _signal(m: "Machine", t: Timer) -> None:
    from emu.kernel32 import sync  # noqa: PLC0415 - kernel32 is registered before winmm

    if t.flags & _KIND == TIME_CALLBACK_EVENT_SET:
        sync.SetEvent(m, t.proc)
    else:
        sync.PulseEvent(m, t.proc)


@stdcall("winmm")
def _exeplay_mmtimer_wait(m: "Machine", lpCall: PTR) -> None:
    """Internal: deliver due timer events; write the next TimeProc call (proc, 5 args) at lpCall, or wait."""
    st = _st(m)
    while True:
        now = m.clock.now()
        t = st.earliest()
        if t is None or t.due() > now + EPS:
            break
        t.count += 1
        if t.flags & TIME_PERIODIC:
            behind = now - t.due()
            if behind > MAX_LAG:
                t.count += int(behind * 1000.0 / t.delay)
        else:
            del st.timers[t.id]
        if t.flags & _KIND == TIME_CALLBACK_FUNCTION:
            hand_back(m, lpCall, t.proc, t.id, 0, t.user, 0, 0)
            return
        _signal(m, t)
    st.wake.kicked = False
    nxt = st.earliest()
    raise Block(WaitSpec([st.wake], deadline=nxt.due() if nxt else None), retry=True)


@stdcall("winmm")
def timeSetEvent(m: "Machine", uDelay: UINT, uResolution: UINT, lpTimeProc: PTR, dwUser: DWORD,
                 fuEvent: UINT) -> UINT:
    """Start a one-shot or periodic timer of uDelay ms that calls TimeProc on the timer thread or sets/pulses
    an event; returns the timer ID (0 on error)."""
    kind = fuEvent & _KIND
    if (fuEvent & ~_FLAGS or kind == _KIND or not MIN_DELAY <= uDelay <= MAX_DELAY or not lpTimeProc):
        return 0
    if kind != TIME_CALLBACK_FUNCTION and not isinstance(m.handles.get(lpTimeProc), Event):
        return 0
    st = _st(m)
    tid = st.next_id
    st.next_id += 1
    st.timers[tid] = Timer(tid, uDelay, lpTimeProc, dwUser, fuEvent, m.clock.now())
    st.wake.kicked = True
    if not st.thread_started:
        st.thread_started = True
        start_thread(m, "_exeplay_mmtimer_thread")
    return tid


@stdcall("winmm")
def timeKillEvent(m: "Machine", uTimerID: UINT) -> UINT:
    """Cancel a timer: no event is delivered for it afterwards (MMSYSERR_INVALPARAM for an unknown ID)."""
    st = _st(m)
    if st.timers.pop(uTimerID, None) is None:
        return MMSYSERR_INVALPARAM
    st.wake.kicked = True
    return TIMERR_NOERROR
