"""kernel32: system information, versions, errors and exceptions."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from .. import seh
from ..api import BOOL, DWORD, LPCSTR, LPCWSTR, PTR, stdcall
from ..cpu import ESP
from ..strings import put_a, put_w

if TYPE_CHECKING:
    from ..machine import Machine

WIN_MESSAGES = {
    0: "The operation completed successfully.", 1: "Incorrect function.",
    2: "The system cannot find the file specified.", 3: "The system cannot find the path specified.",
    4: "The system cannot open the file.", 5: "Access is denied.", 6: "The handle is invalid.",
    8: "Not enough storage is available to process this command.",
    15: "The system cannot find the drive specified.", 18: "There are no more files.",
    32: "The process cannot access the file because it is being used by another process.",
    80: "The file exists.", 87: "The parameter is incorrect.", 112: "There is not enough space on the disk.",
    122: "The data area passed to a system call is too small.",
    123: "The filename, directory name, or volume label syntax is incorrect.",
    126: "The specified module could not be found.", 127: "The specified procedure could not be found.",
    145: "The directory is not empty.", 183: "Cannot create a file when that file already exists.",
    193: "%1 is not a valid Win32 application.",
    203: "The system could not find the environment option that was entered.",
    206: "The filename or extension is too long.",
}


@stdcall("kernel32")
def GetVersion(m: "Machine") -> DWORD:
    """Windows XP: 5.1 build 2600."""
    return 0x0A280105


def _version_ex(m: "Machine", p: int, wide: bool) -> int:
    size = m.mem.u32(p)
    m.mem.pack("<IIIII", p + 4, 5, 1, 2600, 2, 0)
    sp = "Service Pack 3"
    if wide:
        m.mem.write(p + 20, sp.encode("utf-16-le") + b"\0\0")
        ext = 20 + 256
    else:
        m.mem.write(p + 20, sp.encode() + b"\0")
        ext = 20 + 128
    if size >= ext + 8:
        m.mem.pack("<HHHBB", p + ext, 3, 0, 0x100, 1, 0)
    return 1


@stdcall("kernel32")
def GetVersionExA(m: "Machine", lpVersionInformation: PTR) -> BOOL:
    """OSVERSIONINFO(EX)A for Windows XP SP3."""
    return _version_ex(m, lpVersionInformation, False)


@stdcall("kernel32")
def GetVersionExW(m: "Machine", lpVersionInformation: PTR) -> BOOL:
    """OSVERSIONINFO(EX)W for Windows XP SP3."""
    return _version_ex(m, lpVersionInformation, True)


@stdcall("kernel32")
def GetSystemInfo(m: "Machine", lpSystemInfo: PTR) -> None:
    """One Pentium-class processor, 4 KiB pages, 64 KiB allocation granularity."""
    m.mem.write(lpSystemInfo, struct.pack("<HHIIIIIIIHH", 0, 0, 0x1000, 0x10000, 0x7FFEFFFF, 1, 1, 586, 0x10000,
                                          6, 0x0F01))


@stdcall("kernel32")
def GetNativeSystemInfo(m: "Machine", lpSystemInfo: PTR) -> None:
    """Same as GetSystemInfo."""
    GetSystemInfo(m, lpSystemInfo)


@stdcall("kernel32")
def IsProcessorFeaturePresent(m: "Machine", ProcessorFeature: DWORD) -> BOOL:
    """MMX, SSE, SSE2, SSE3, CMPXCHG8B, RDTSC and NX-free: what the emulated CPU has."""
    return int(ProcessorFeature in (0x2, 0x3, 0x6, 0x7, 0xA, 0xD, 0x8))


def _memstatus(m: "Machine") -> tuple[int, int]:
    used = sum(r.size for r in m.mem.regions)
    total = 1 << 30  # 1 GiB of "physical" memory, as a late-90s/early-2000s machine might report
    return total, max(0, total - used)


@stdcall("kernel32")
def GlobalMemoryStatus(m: "Machine", lpBuffer: PTR) -> None:
    """MEMORYSTATUS: 1 GiB physical, 2 GiB virtual."""
    total, avail = _memstatus(m)
    load = 100 - avail * 100 // total
    m.mem.write(lpBuffer, struct.pack("<8I", 32, load, total, avail, 2 * total, 2 * avail, 0x7FFE0000,
                                      0x7FFE0000 - sum(r.size for r in m.mem.regions)))


@stdcall("kernel32")
def GlobalMemoryStatusEx(m: "Machine", lpBuffer: PTR) -> BOOL:
    """MEMORYSTATUSEX."""
    total, avail = _memstatus(m)
    load = 100 - avail * 100 // total
    m.mem.write(lpBuffer, struct.pack("<IIQQQQQQQ", 64, load, total, avail, 2 * total, 2 * avail, 0x7FFE0000,
                                      0x7FFE0000 - sum(r.size for r in m.mem.regions), 0))
    return 1


@stdcall("kernel32")
def GetSystemDirectoryA(m: "Machine", lpBuffer: PTR, uSize: DWORD) -> DWORD:
    """C:\\WINDOWS\\system32."""
    return put_a(m, lpBuffer, uSize, "C:\\WINDOWS\\system32")


@stdcall("kernel32")
def GetSystemDirectoryW(m: "Machine", lpBuffer: PTR, uSize: DWORD) -> DWORD:
    """C:\\WINDOWS\\system32."""
    return put_w(m, lpBuffer, uSize, "C:\\WINDOWS\\system32")


@stdcall("kernel32")
def GetWindowsDirectoryA(m: "Machine", lpBuffer: PTR, uSize: DWORD) -> DWORD:
    """C:\\WINDOWS."""
    return put_a(m, lpBuffer, uSize, "C:\\WINDOWS")


@stdcall("kernel32")
def GetWindowsDirectoryW(m: "Machine", lpBuffer: PTR, uSize: DWORD) -> DWORD:
    """C:\\WINDOWS."""
    return put_w(m, lpBuffer, uSize, "C:\\WINDOWS")


@stdcall("kernel32")
def GetComputerNameA(m: "Machine", lpBuffer: PTR, nSize: PTR) -> BOOL:
    """EXEPLAY."""
    n = m.mem.u32(nSize)
    r = put_a(m, lpBuffer, n, "EXEPLAY")
    m.mem.w32(nSize, r if r < n else r)
    return int(r < n)


@stdcall("kernel32")
def GetComputerNameW(m: "Machine", lpBuffer: PTR, nSize: PTR) -> BOOL:
    """EXEPLAY."""
    n = m.mem.u32(nSize)
    r = put_w(m, lpBuffer, n, "EXEPLAY")
    m.mem.w32(nSize, r)
    return int(r < n)


@stdcall("kernel32")
def SetErrorMode(m: "Machine", uMode: DWORD) -> DWORD:
    """Returns the previous mode."""
    old = m.state.get("error_mode", 0)
    m.state["error_mode"] = uMode
    return old


@stdcall("kernel32")
def IsDebuggerPresent(m: "Machine") -> BOOL:
    """No debugger."""
    return 0


@stdcall("kernel32")
def OutputDebugStringA(m: "Machine", lpOutputString: LPCSTR) -> None:
    """Shown in traces only."""
    if m.trace_on:
        m.log(f"debug: {lpOutputString}")


@stdcall("kernel32")
def OutputDebugStringW(m: "Machine", lpOutputString: LPCWSTR) -> None:
    """Shown in traces only."""
    if m.trace_on:
        m.log(f"debug: {lpOutputString}")


@stdcall("kernel32")
def Beep(m: "Machine", dwFreq: DWORD, dwDuration: DWORD) -> BOOL:
    """Silent."""
    return 1


# ---- exceptions ------------------------------------------------------------------------------------
@stdcall("kernel32")
def SetUnhandledExceptionFilter(m: "Machine", lpTopLevelExceptionFilter: PTR) -> PTR:
    """Install the top-level filter; returns the previous one."""
    old = m.state.get("unhandled_filter", 0)
    m.state["unhandled_filter"] = lpTopLevelExceptionFilter
    return old


@stdcall("kernel32")
def UnhandledExceptionFilter(m: "Machine", ExceptionInfo: PTR) -> DWORD:
    """No debugger to attach: EXCEPTION_CONTINUE_SEARCH lets the crash report happen."""
    return 0


@stdcall("kernel32")
def RaiseException(m: "Machine", dwExceptionCode: DWORD, dwExceptionFlags: DWORD, nNumberOfArguments: DWORD,
                   lpArguments: PTR) -> None:
    """Dispatch a software exception through the handler chain; returns if a handler continues."""
    esp = m.cpu.reg(ESP)
    ret = m.mem.u32(esp)
    n = min(nNumberOfArguments, 15)
    params = list(m.mem.unpack(f"<{n}I", lpArguments)) if n and lpArguments else []
    seh.dispatch(m, dwExceptionCode, ret, params, eip=ret, esp=esp + 20, flags=dwExceptionFlags & 1)


@stdcall("kernel32")
def AddVectoredExceptionHandler(m: "Machine", First: DWORD, Handler: PTR) -> PTR:
    """Register a vectored handler; the handle is the handler address."""
    hs = m.state.setdefault("vectored", [])
    hs.insert(0, Handler) if First else hs.append(Handler)
    return Handler


@stdcall("kernel32")
def RemoveVectoredExceptionHandler(m: "Machine", Handle: PTR) -> DWORD:
    """Unregister a vectored handler."""
    hs = m.state.setdefault("vectored", [])
    if Handle in hs:
        hs.remove(Handle)
        return 1
    return 0


def format_message(m: "Machine", flags: int, source: int, msgid: int, args: int, wide: bool) -> str | None:
    FROM_STRING, FROM_SYSTEM, IGNORE = 0x400, 0x1000, 0x200
    if flags & FROM_STRING:
        text = m.mem.wstr(source) if wide else m.mem.cstr(source, m.ansi)
    elif flags & FROM_SYSTEM:
        text = WIN_MESSAGES.get(msgid)
        if text is None and msgid & 0xFFFF0000 == 0x80070000:  # HRESULT_FROM_WIN32(code): the same text
            text = WIN_MESSAGES.get(msgid & 0xFFFF)
        if text is None:
            return None
        text += "\r\n"
    else:
        return None
    if flags & IGNORE or not args:
        return text
    out = ""
    i = 0
    array = bool(flags & 0x2000)
    while i < len(text):
        c = text[i]
        if c == "%" and i + 1 < len(text):
            d = text[i + 1]
            if d.isdigit() and d != "0":
                j = i + 1
                while j < len(text) and text[j].isdigit():
                    j += 1
                k = int(text[i + 1:j]) - 1
                fmt = "s"
                if j < len(text) and text[j] == "!":
                    e = text.index("!", j + 1)
                    fmt = text[j + 1:e]
                    j = e + 1
                v = m.mem.u32(args + 4 * k) if array else m.mem.u32(m.mem.u32(args) + 4 * k)
                if fmt.endswith("s"):
                    out += (m.mem.wstr(v) if wide or "S" in fmt else m.mem.cstr(v, m.ansi)) if v else "(null)"
                else:
                    if fmt[-1] == "x":
                        out += f"{v:x}"
                    else:
                        out += str(v if fmt[-1] == "u" else (v - (1 << 32) if v >> 31 else v))
                i = j
                continue
            out += {"n": "\r\n", "%": "%", "0": "", ".": ".", "!": "!", "r": "\r", "t": "\t"}.get(d, d)
            i += 2
            if d == "0":
                return out
            continue
        out += c
        i += 1
    return out


def _format(m: "Machine", flags: int, source: int, msgid: int, buf: int, size: int, args: int, wide: bool) -> int:
    text = format_message(m, flags, source, msgid, args, wide)
    if text is None:
        m.set_last_error(317)  # ERROR_MR_MID_NOT_FOUND
        return 0
    data = text.encode("utf-16-le") + b"\0\0" if wide else text.encode(m.ansi, "replace") + b"\0"
    n = len(text) if wide else len(data) - 1
    if flags & 0x100:  # FORMAT_MESSAGE_ALLOCATE_BUFFER
        from .heap import process_heap_alloc  # noqa: PLC0415
        p = process_heap_alloc(m, max(len(data), size * (2 if wide else 1)))
        m.mem.write(p, data)
        m.mem.w32(buf, p)
        return n
    if n + 1 > size:
        m.set_last_error(122)
        return 0
    m.mem.write(buf, data)
    return n


@stdcall("kernel32")
def FormatMessageA(m: "Machine", dwFlags: DWORD, lpSource: PTR, dwMessageId: DWORD, dwLanguageId: DWORD,
                   lpBuffer: PTR, nSize: DWORD, Arguments: PTR) -> DWORD:
    """Format a message from a string or the system table (%1..%99, %n, ALLOCATE_BUFFER)."""
    return _format(m, dwFlags, lpSource, dwMessageId, lpBuffer, nSize, Arguments, False)


@stdcall("kernel32")
def FormatMessageW(m: "Machine", dwFlags: DWORD, lpSource: PTR, dwMessageId: DWORD, dwLanguageId: DWORD,
                   lpBuffer: PTR, nSize: DWORD, Arguments: PTR) -> DWORD:
    """Wide FormatMessage."""
    return _format(m, dwFlags, lpSource, dwMessageId, lpBuffer, nSize, Arguments, True)


@stdcall("kernel32")
def GetCurrentProcessorNumber(m: "Machine") -> DWORD:
    """Always processor 0."""
    return 0


@stdcall("kernel32")
def GetPriorityClass(m: "Machine", hProcess: PTR) -> DWORD:
    """The process priority class (NORMAL_PRIORITY_CLASS unless SetPriorityClass changed it)."""
    return m.state.get("priority_class", 0x20)


@stdcall("kernel32")
def SetPriorityClass(m: "Machine", hProcess: PTR, dwPriorityClass: DWORD) -> BOOL:
    """Remember the priority class (the scheduler is round-robin, so it changes no timing)."""
    m.state["priority_class"] = dwPriorityClass
    return 1



