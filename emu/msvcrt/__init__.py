"""msvcrt: the Microsoft C runtime DLL (also the base of ucrtbase). One module per CRT area."""
from __future__ import annotations

from . import eh  # noqa: F401  (SEH/C++ exception support: _except_handler3, __CxxFrameHandler, ...)
from . import (conio, convert, ctype, fs, io, locks, math, mbstring, printf, process, scanf, setjmp,  # noqa: F401
               signal, startup, stdio, stdlib, stream, string, strnative, thread, time, wstdio)
