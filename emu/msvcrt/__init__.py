"""msvcrt: the Microsoft C runtime DLL (also the base of ucrtbase). One module per CRT area."""
from __future__ import annotations

from . import eh  # noqa: F401  (SEH/C++ exception support: _except_handler3, __CxxFrameHandler, ...)
from . import (convert, ctype, fs, io, locks, math, printf, scanf, setjmp, signal, startup, stdio,  # noqa: F401
               stdlib, stream, string, strnative, thread, time)
