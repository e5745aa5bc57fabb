"""msvcrt: the Microsoft C runtime DLL (also the base of ucrtbase). One module per CRT area."""
from __future__ import annotations

from . import eh  # noqa: F401  (SEH/C++ exception support: _except_handler3, __CxxFrameHandler, ...)
from . import (conio, convert, crtdll, ctype, fs, io, lcsupport, locks, math, mbstring, printf, process,  # noqa: F401
               scanf, setjmp, signal, startup, stdio, stdlib, stream, string, strnative, thread, time, wstdio)
