"""msvcrt: process-level odds and ends — _getpid, _sleep, system()."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..api import INT, LPCSTR, LPCWSTR, UINT, cdecl
from ..threads import Block, WaitSpec
from .crt import ENOENT, set_errno

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"


@cdecl(D)
def _getpid(m: "Machine") -> INT:
    """The process id."""
    return m.proc.pid


@cdecl(D)
def _sleep(m: "Machine", duration: UINT) -> None:
    """Suspend the calling thread for duration milliseconds."""
    if duration:
        raise Block(WaitSpec([], False, time.monotonic() + duration / 1000, result=lambda r: 0))


def _system(m: "Machine", command: str | int | None) -> int:
    # exeplay starts no child processes: there is no command interpreter to run commands with
    if command is None:
        return 0
    set_errno(m, ENOENT)
    return -1


@cdecl(D)
def system(m: "Machine", command: LPCSTR) -> INT:
    """system(NULL) reports whether a command interpreter exists (0: none in exeplay); a command fails
    with -1 and ENOENT, as when COMSPEC cannot be run."""
    return _system(m, command)


@cdecl(D)
def _wsystem(m: "Machine", command: LPCWSTR) -> INT:
    """Wide system()."""
    return _system(m, command)
