"""The audio thread: a hidden guest thread (like the one winmm starts on Windows) that keeps the mixer
going and runs guest sound callbacks.

Its body is guest code (``_exeplay_audio_thread``) looping over one Python call, ``_exeplay_audio_pump``, which
mixes up to the current guest time and then either hands back a pending callback (the loop calls it as
ordinary guest code on this thread, stdcall with five arguments: waveOutProc, later TimeProc) or blocks until
the next source event is due (a wave buffer runs out) or the schedule changes. Because that wait has a
deadline, the scheduler time-slices compute-bound threads and, when every thread waits, jumps (deterministic
runs) or sleeps exactly to the next buffer end; no host thread ever touches the guest.

Callbacks run at top level on their own thread, so they may block, take locks held by other threads and call
any API, as on Windows.

The same pattern serves other hidden winmm threads (the multimedia timer thread, ``audio.mmtimer``):
``service_thread`` declares such a body around a Python wait function, ``hand_back`` gives the loop the next
call to make and ``start_thread`` creates the thread.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import PTR, native, stdcall
from emu.threads import Block, WaitSpec

from . import mixer

if TYPE_CHECKING:
    from emu.machine import Machine

STACK = 0x10000

SERVICE_LOOP = """
    sub esp, 32
next:
    mov eax, esp
    push eax
    call {stub:%s}
    mov esi, esp
    push dword ptr [esi+20]
    push dword ptr [esi+16]
    push dword ptr [esi+12]
    push dword ptr [esi+8]
    push dword ptr [esi+4]
    call dword ptr [esi]
    mov esp, esi
    jmp next
"""  # %s: the wait function; 32 bytes of stack for the call it writes (proc, five arguments)


def service_thread(name: str, wait: str, doc: str) -> None:
    """Declare winmm!``name``, the body of a hidden service thread: forever call winmm!``wait(lpCall)`` (which
    blocks until there is work, then writes a guest call, proc and five arguments, at lpCall) and make that
    stdcall call as ordinary guest code on the thread."""
    native("winmm", name, SERVICE_LOOP % wait, 4, doc=doc)


def hand_back(m: "Machine", lpCall: int, proc: int, *args: int) -> None:
    """From a service thread's wait function: have the loop call guest ``proc(*args)`` (five arguments)."""
    m.mem.pack("<6I", lpCall, proc, *args)


def start_thread(m: "Machine", name: str) -> None:
    """Create the hidden thread whose body is winmm!``name`` (it starts when the scheduler next picks it)."""
    m.proc.create_thread(m.proc.export_addr("winmm", name), 0, STACK)


service_thread("_exeplay_audio_thread", "_exeplay_audio_pump",
               "Internal: the audio thread's body (mix, run sound callbacks).")


@stdcall("winmm")
def _exeplay_audio_pump(m: "Machine", lpCall: PTR) -> None:
    """Internal: mix up to now; write the next pending callback (proc, 5 args) at lpCall, or wait for one."""
    mx = mixer.get(m)
    mx.advance()
    w = mx.wake
    if w.pending:
        hand_back(m, lpCall, *w.pending.popleft())
        return
    w.kicked = False
    raise Block(WaitSpec([w], deadline=mx.next_deadline()), retry=True)


def start(m: "Machine") -> None:
    """Create the audio thread (it starts when the scheduler next picks it)."""
    start_thread(m, "_exeplay_audio_thread")
