"""msvcrt: exception handling support for MSVC-built programs (SEH frame handlers, C++ exceptions)."""
from __future__ import annotations
