"""exeplay's machine: CPU, memory, PE loader, process and threads, and the kernel32/ntdll/CRT APIs."""
from __future__ import annotations

_done = False


def register_all() -> None:
    """Import every API module so its declarations are registered (idempotent)."""
    global _done
    if _done:
        return
    _done = True
    from . import advapi32, kernel32, msvcrt, ntdll, ole32, oleaut32, shell32, shlwapi, ucrtbase, version  # noqa: F401, PLC0415
    import com  # noqa: PLC0415
    import gdi  # noqa: PLC0415
    from audio import winmm  # noqa: F401, PLC0415

    gdi.register_all()
    com.register_all()
