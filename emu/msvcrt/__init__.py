"""msvcrt: the Microsoft C runtime DLL (also the base of ucrtbase). One module per CRT area."""
from __future__ import annotations

from . import eh  # noqa: F401  (SEH/C++ exception support: _except_handler3, __CxxFrameHandler, ...)
from . import (convert, ctype, fs, io, locks, math, printf, setjmp, signal, startup, stdio, stdlib,  # noqa: F401
               stream, string, strnative, thread, time)
