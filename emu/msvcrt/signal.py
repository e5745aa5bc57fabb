"""msvcrt: signal() and raise() (SIGINT, SIGILL, SIGFPE, SIGSEGV, SIGTERM, SIGBREAK, SIGABRT)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import INT, PTR, cdecl
from ..threads import ProcessExit
from .crt import EINVAL, crt, set_errno

if TYPE_CHECKING:
    from ..machine import Machine

SIG_DFL, SIG_IGN, SIG_ERR = 0, 1, 0xFFFFFFFF
SIGNALS = (2, 4, 6, 8, 11, 15, 21, 22)


def _table(m: "Machine") -> dict[int, int]:
    return crt(m).extra.setdefault("signals", {})  # type: ignore[no-any-return]


def raise_signal(m: "Machine", sig: int, from_abort: bool = False) -> int:
    if sig == 6:
        sig = 22
    if sig not in SIGNALS:
        set_errno(m, EINVAL)
        return -1
    t = _table(m)
    h = t.get(sig, SIG_DFL)
    if h == SIG_IGN:
        return 0
    if h == SIG_DFL:
        from .stream import flush_all  # noqa: PLC0415
        if not from_abort:
            flush_all(m)
        raise ProcessExit(3)
    t[sig] = SIG_DFL  # the handler is reset before it runs
    m.call(h, sig)
    return 0


@cdecl("msvcrt")
def signal(m: "Machine", sig: INT, func: PTR) -> PTR:
    """Install a handler (SIG_DFL, SIG_IGN or a function); returns the previous one, or SIG_ERR."""
    if sig == 6:
        sig = 22
    if sig not in SIGNALS or func in (2, 3, 4):  # SIG_SGE/SIG_ACK are not valid to install
        set_errno(m, EINVAL)
        return SIG_ERR
    t = _table(m)
    old = t.get(sig, SIG_DFL)
    t[sig] = func
    return old


@cdecl("msvcrt", name="raise")
def raise_(m: "Machine", sig: INT) -> INT:
    """Deliver a signal to this process: call its handler, ignore it, or end the process (exit code 3)."""
    return raise_signal(m, sig)
