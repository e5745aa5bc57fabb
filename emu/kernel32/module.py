"""kernel32: process, modules, command line, environment, startup info and exit."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, HMODULE, LPCSTR, LPCWSTR, PTR, stdcall
from ..process import LoadError
from ..strings import put_a, put_trunc_a, put_trunc_w, put_w
from ..threads import ProcessExit

if TYPE_CHECKING:
    from ..machine import Machine

ERROR_MOD_NOT_FOUND = 126
ERROR_PROC_NOT_FOUND = 127
ERROR_ENVVAR_NOT_FOUND = 203
PROBED_DLLS = {"kernel32", "ntdll", "advapi32", "user32", "gdi32", "shell32", "ole32", "shlwapi", "msvcrt",
               "ucrtbase"}


@stdcall("kernel32")
def ExitProcess(m: "Machine", uExitCode: DWORD) -> None:
    """End the process with ``uExitCode`` after DLL_PROCESS_DETACH on the calling thread."""
    m.proc.process_detach()
    raise ProcessExit(uExitCode)


@stdcall("kernel32")
def TerminateProcess(m: "Machine", hProcess: HANDLE, uExitCode: DWORD) -> BOOL:
    """Only the current process can be terminated here."""
    if hProcess in (0xFFFFFFFF,):
        raise ProcessExit(uExitCode)
    m.set_last_error(5)
    return 0


def _cmdline_a(m: "Machine") -> int:
    st = m.state.setdefault("k32", {})
    if "cmdA" not in st:
        st["cmdA"] = m.proc.static_cstr(m.proc.cmdline)
    return st["cmdA"]


@stdcall("kernel32")
def GetCommandLineA(m: "Machine") -> PTR:
    """The process command line (ANSI), a pointer valid for the process lifetime."""
    return _cmdline_a(m)


@stdcall("kernel32")
def GetCommandLineW(m: "Machine") -> PTR:
    """The process command line (UTF-16)."""
    st = m.state.setdefault("k32", {})
    if "cmdW" not in st:
        st["cmdW"] = m.proc.static_wstr(m.proc.cmdline)
    return st["cmdW"]


def _module_handle(m: "Machine", name: str | int | None) -> int:
    if name is None:
        return m.proc.exe.base if m.proc.exe else 0
    if isinstance(name, int):
        return 0
    mod = m.proc.find_module(name)
    if mod is None:
        m.set_last_error(ERROR_MOD_NOT_FOUND)
        return 0
    return mod.base


@stdcall("kernel32")
def GetModuleHandleA(m: "Machine", lpModuleName: LPCSTR) -> HMODULE:
    """Base address of a loaded module (NULL name: the exe); 0 and ERROR_MOD_NOT_FOUND otherwise."""
    return _module_handle(m, lpModuleName)


@stdcall("kernel32")
def GetModuleHandleW(m: "Machine", lpModuleName: LPCWSTR) -> HMODULE:
    """Wide-string GetModuleHandle."""
    return _module_handle(m, lpModuleName)


def _module_path(m: "Machine", hModule: int) -> str | None:
    if hModule == 0:
        return m.proc.exe.path if m.proc.exe else ""
    mod = m.proc.module_at(hModule)
    return mod.path if mod and mod.base == hModule else None


@stdcall("kernel32")
def GetModuleFileNameA(m: "Machine", hModule: HMODULE, lpFilename: PTR, nSize: DWORD) -> DWORD:
    """Full guest path of a module, truncated to nSize."""
    p = _module_path(m, hModule)
    if p is None:
        m.set_last_error(ERROR_MOD_NOT_FOUND)
        return 0
    n = put_trunc_a(m, lpFilename, nSize, p)
    m.set_last_error(122 if n < len(p) else 0)
    return n


@stdcall("kernel32")
def GetModuleFileNameW(m: "Machine", hModule: HMODULE, lpFilename: PTR, nSize: DWORD) -> DWORD:
    """Wide GetModuleFileName."""
    p = _module_path(m, hModule)
    if p is None:
        m.set_last_error(ERROR_MOD_NOT_FOUND)
        return 0
    n = put_trunc_w(m, lpFilename, nSize, p)
    m.set_last_error(122 if n < len(p) else 0)
    return n


def _load(m: "Machine", name: str | int | None) -> int:
    if not isinstance(name, str):
        m.set_last_error(87)
        return 0
    try:
        mod = m.proc.load_library(name)
    except LoadError as e:
        if m.trace_on:
            m.log(str(e))
        m.set_last_error(ERROR_MOD_NOT_FOUND)
        return 0
    except Exception as e:  # noqa: BLE001 - a bad DLL file fails the call, not the emulator
        from ..pe import BadImage  # noqa: PLC0415
        if isinstance(e, BadImage):
            m.set_last_error(193)  # ERROR_BAD_EXE_FORMAT
            return 0
        raise
    return mod.base


@stdcall("kernel32")
def LoadLibraryA(m: "Machine", lpLibFileName: LPCSTR) -> HMODULE:
    """Load a DLL (the program's own from its folder, else built-in); runs DllMain."""
    return _load(m, lpLibFileName)


@stdcall("kernel32")
def LoadLibraryW(m: "Machine", lpLibFileName: LPCWSTR) -> HMODULE:
    """Wide LoadLibrary."""
    return _load(m, lpLibFileName)


@stdcall("kernel32")
def LoadLibraryExA(m: "Machine", lpLibFileName: LPCSTR, hFile: HANDLE, dwFlags: DWORD) -> HMODULE:
    """LoadLibrary with flags (LOAD_LIBRARY_AS_DATAFILE loads normally here)."""
    return _load(m, lpLibFileName)


@stdcall("kernel32")
def LoadLibraryExW(m: "Machine", lpLibFileName: LPCWSTR, hFile: HANDLE, dwFlags: DWORD) -> HMODULE:
    """Wide LoadLibraryEx."""
    return _load(m, lpLibFileName)


@stdcall("kernel32")
def FreeLibrary(m: "Machine", hLibModule: HMODULE) -> BOOL:
    """Drop a reference; at zero a program DLL gets DLL_PROCESS_DETACH (its memory stays mapped)."""
    mod = m.proc.module_at(hLibModule)
    if mod is None or mod.base != hLibModule:
        m.set_last_error(ERROR_MOD_NOT_FOUND)
        return 0
    mod.refcount -= 1
    if mod.refcount <= 0 and mod.pf is not None and mod is not m.proc.exe:
        if mod.entry and mod.initialized:
            mod.initialized = False
            m.call(mod.entry, mod.base, 0, 0)
        m.proc.unload(mod)
    return 1


@stdcall("kernel32")
def GetProcAddress(m: "Machine", hModule: HMODULE, lpProcName: LPCSTR) -> PTR:
    """Address of an export by name or ordinal; NULL and ERROR_PROC_NOT_FOUND if absent."""
    mod = m.proc.module_at(hModule)
    if mod is None or mod.base != hModule:
        m.set_last_error(ERROR_MOD_NOT_FOUND)
        return 0
    if isinstance(lpProcName, int):
        a = m.proc.resolve_export(mod, None, lpProcName)
    else:
        a = m.proc.resolve_export(mod, lpProcName or "", None)
    if a is None:
        # Programs probe the core DLLs for newer APIs and cope with NULL; a miss in another built-in DLL
        # (ddraw, dsound, winmm, ...) is almost always why a program gives up next, so say so.
        probed = mod.key in PROBED_DLLS or str(lpProcName).startswith("__wine")
        if mod.builtin is not None and (m.trace_on or not probed):
            seen = m.state.setdefault("gpa_missing", set())
            if (mod.name, lpProcName) not in seen:
                seen.add((mod.name, lpProcName))
                m.log(f"GetProcAddress: {mod.name}!{lpProcName} is not implemented (returned NULL)")
        m.set_last_error(ERROR_PROC_NOT_FOUND)
        return 0
    return a


@stdcall("kernel32")
def DisableThreadLibraryCalls(m: "Machine", hLibModule: HMODULE) -> BOOL:
    """Stop DLL_THREAD_ATTACH/DETACH calls to the module's DllMain."""
    mod = m.proc.module_at(hLibModule)
    if mod is None or mod.base != hLibModule:
        m.set_last_error(ERROR_MOD_NOT_FOUND)
        return 0
    mod.thread_calls = False
    return 1


def _startup_info(m: "Machine", p: int, wide: bool) -> None:
    st = m.state.setdefault("k32", {})
    key = "titleW" if wide else "titleA"
    if key not in st:
        path = m.proc.exe.path if m.proc.exe else ""
        st[key] = m.proc.static_wstr(path) if wide else m.proc.static_cstr(path)
    from .console import std_handle  # noqa: PLC0415
    buf = bytearray(68)
    import struct  # noqa: PLC0415
    struct.pack_into("<I", buf, 0, 68)
    struct.pack_into("<I", buf, 12, st[key])
    struct.pack_into("<I", buf, 44, 0x100)  # STARTF_USESTDHANDLES
    struct.pack_into("<H", buf, 48, 1)  # SW_SHOWNORMAL
    struct.pack_into("<III", buf, 56, std_handle(m, -10), std_handle(m, -11), std_handle(m, -12))
    m.mem.write(p, bytes(buf))


@stdcall("kernel32")
def GetStartupInfoA(m: "Machine", lpStartupInfo: PTR) -> None:
    """STARTUPINFOA with the standard handles."""
    _startup_info(m, lpStartupInfo, False)


@stdcall("kernel32")
def GetStartupInfoW(m: "Machine", lpStartupInfo: PTR) -> None:
    """STARTUPINFOW with the standard handles."""
    _startup_info(m, lpStartupInfo, True)


# ---- environment ------------------------------------------------------------------------------
def _env(m: "Machine") -> dict[str, str]:
    return m.proc.env


def _env_get(m: "Machine", name: str) -> str | None:
    for k, v in _env(m).items():
        if k.upper() == name.upper():
            return v
    return None


def _env_set(m: "Machine", name: str, value: str | None) -> None:
    env = _env(m)
    for k in list(env):
        if k.upper() == name.upper():
            del env[k]
    if value is not None:
        env[name] = value


@stdcall("kernel32")
def GetEnvironmentVariableA(m: "Machine", lpName: LPCSTR, lpBuffer: PTR, nSize: DWORD) -> DWORD:
    """Value of an environment variable; 0 and ERROR_ENVVAR_NOT_FOUND if unset."""
    v = _env_get(m, lpName) if isinstance(lpName, str) else None
    if v is None:
        m.set_last_error(ERROR_ENVVAR_NOT_FOUND)
        return 0
    return put_a(m, lpBuffer, nSize, v)


@stdcall("kernel32")
def GetEnvironmentVariableW(m: "Machine", lpName: LPCWSTR, lpBuffer: PTR, nSize: DWORD) -> DWORD:
    """Wide GetEnvironmentVariable."""
    v = _env_get(m, lpName) if isinstance(lpName, str) else None
    if v is None:
        m.set_last_error(ERROR_ENVVAR_NOT_FOUND)
        return 0
    return put_w(m, lpBuffer, nSize, v)


@stdcall("kernel32")
def SetEnvironmentVariableA(m: "Machine", lpName: LPCSTR, lpValue: LPCSTR) -> BOOL:
    """Set (or with NULL value, delete) a variable."""
    _env_set(m, str(lpName), lpValue if isinstance(lpValue, str) else None)
    return 1


@stdcall("kernel32")
def SetEnvironmentVariableW(m: "Machine", lpName: LPCWSTR, lpValue: LPCWSTR) -> BOOL:
    """Wide SetEnvironmentVariable."""
    _env_set(m, str(lpName), lpValue if isinstance(lpValue, str) else None)
    return 1


def env_block(m: "Machine") -> list[str]:
    return [f"{k}={v}" for k, v in sorted(_env(m).items(), key=lambda kv: kv[0].upper())]


@stdcall("kernel32")
def GetEnvironmentStrings(m: "Machine") -> PTR:
    """A fresh copy of the environment block (ANSI, double-NUL terminated)."""
    data = b"".join(s.encode(m.ansi, "replace") + b"\0" for s in env_block(m)) + b"\0"
    from .heap import process_heap_alloc  # noqa: PLC0415
    p = process_heap_alloc(m, len(data))
    m.mem.write(p, data)
    return p


@stdcall("kernel32")
def GetEnvironmentStringsA(m: "Machine") -> PTR:
    """Same as GetEnvironmentStrings."""
    return GetEnvironmentStrings(m)


@stdcall("kernel32")
def GetEnvironmentStringsW(m: "Machine") -> PTR:
    """A fresh copy of the environment block (UTF-16)."""
    data = b"".join(s.encode("utf-16-le") + b"\0\0" for s in env_block(m)) + b"\0\0"
    from .heap import process_heap_alloc  # noqa: PLC0415
    p = process_heap_alloc(m, len(data))
    m.mem.write(p, data)
    return p


@stdcall("kernel32")
def FreeEnvironmentStringsA(m: "Machine", p: PTR) -> BOOL:
    """Free a block from GetEnvironmentStrings."""
    from .heap import process_heap_free  # noqa: PLC0415
    process_heap_free(m, p)
    return 1


@stdcall("kernel32")
def FreeEnvironmentStringsW(m: "Machine", p: PTR) -> BOOL:
    """Free a block from GetEnvironmentStringsW."""
    from .heap import process_heap_free  # noqa: PLC0415
    process_heap_free(m, p)
    return 1


def expand(m: "Machine", s: str) -> str:
    out = ""
    i = 0
    while i < len(s):
        if s[i] == "%":
            j = s.find("%", i + 1)
            if j > i:
                v = _env_get(m, s[i + 1:j])
                if v is not None:
                    out += v
                    i = j + 1
                    continue
        out += s[i]
        i += 1
    return out


@stdcall("kernel32")
def ExpandEnvironmentStringsA(m: "Machine", lpSrc: LPCSTR, lpDst: PTR, nSize: DWORD) -> DWORD:
    """Replace %VAR% references; returns chars needed including the NUL."""
    s = expand(m, str(lpSrc or ""))
    b = s.encode(m.ansi, "replace") + b"\0"
    if lpDst and len(b) <= nSize:
        m.mem.write(lpDst, b)
    return len(b)


@stdcall("kernel32")
def ExpandEnvironmentStringsW(m: "Machine", lpSrc: LPCWSTR, lpDst: PTR, nSize: DWORD) -> DWORD:
    """Wide ExpandEnvironmentStrings."""
    s = expand(m, str(lpSrc or ""))
    n = len(s.encode("utf-16-le")) // 2 + 1
    if lpDst and n <= nSize:
        m.mem.write_wstr(lpDst, s)
    return n
