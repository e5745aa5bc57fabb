"""exeplay's machine: CPU, memory, PE loader, process and threads, and the kernel32/ntdll/CRT APIs."""
from __future__ import annotations


def register_all() -> None:
    """Import every API module so its declarations are registered."""
    from . import kernel32, ntdll  # noqa: F401, PLC0415
    try:
        from . import msvcrt  # noqa: F401, PLC0415
    except ImportError:
        pass
    for extra in ("advapi32", "oleaut32", "shell32", "ucrtbase"):
        try:
            __import__(f"emu.{extra}")
        except ImportError:
            pass
    for pkg in ("gdi", "com", "audio"):
        try:
            mod = __import__(pkg)
            if hasattr(mod, "register_all"):
                mod.register_all()
        except ImportError:
            pass
