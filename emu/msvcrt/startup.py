"""msvcrt: program start-up and termination — __getmainargs, the exported CRT variables (__argc, _acmdln,
_environ, _fmode, ...), _initterm, atexit/_onexit tables, exit/_exit/_cexit/abort, floating-point control."""
from __future__ import annotations

import fnmatch
import os
import struct
from typing import TYPE_CHECKING

from unicorn import x86_const as X

from .. import cmdline
from ..api import INT, LPCSTR, LPCWSTR, PTR, UINT, cdecl, data_export
from ..kernel32.module import GetCommandLineA, GetCommandLineW, env_block
from ..threads import ProcessExit
from .crt import EINVAL, crt, heap, set_errno

if TYPE_CHECKING:
    from ..machine import Machine

MSVCRT = "msvcrt"


def _addr(m: "Machine", name: str) -> int:
    return m.proc.export_addr(MSVCRT, name)


def fmode(m: "Machine") -> int:
    return m.mem.u32(_addr(m, "_fmode"))


# ---- arguments and environment -----------------------------------------------------------------
def _quoted_args(cmd: str) -> list[bool]:
    """For each argument after the program name: whether any part of it was quoted (not wildcard-expanded)."""
    i, n = 0, len(cmd)
    inq = False
    while i < n and (inq or cmd[i] not in " \t"):
        if cmd[i] == '"':
            inq = not inq
        i += 1
    out: list[bool] = []
    while True:
        while i < n and cmd[i] in " \t":
            i += 1
        if i >= n:
            return out
        quoted = False
        inq = False
        while i < n and (inq or cmd[i] not in " \t"):
            c = cmd[i]
            if c == "\\":
                j = i
                while j < n and cmd[j] == "\\":
                    j += 1
                i = j + 1 if j < n and cmd[j] == '"' and (j - i) % 2 else j
                continue
            if c == '"':
                quoted = True
                if inq and i + 1 < n and cmd[i + 1] == '"':
                    i += 2
                    continue
                inq = not inq
            i += 1
        out.append(quoted)


def _glob(m: "Machine", arg: str) -> list[str]:
    """msvcrt wildcard expansion of one argument (_dowildcard): the matching names (directory part kept as
    typed, in file-system order), or the argument itself when nothing matches."""
    if not any(c in arg for c in "*?"):
        return [arg]
    cut = max(arg.rfind("\\"), arg.rfind("/"), arg.rfind(":")) + 1
    prefix, pat = arg[:cut], arg[cut:]
    if any(c in prefix for c in "*?"):
        return [arg]
    try:
        hd = m.fs.host_path(prefix or ".")
        names = sorted((n for n in os.listdir(hd) if fnmatch.fnmatch(n.lower(), pat.lower())), key=str.lower)
    except Exception:  # noqa: BLE001 - no such folder: the argument stays as typed
        return [arg]
    return [prefix + n for n in names] or [arg]


def _ptr_array(m: "Machine", items: list[bytes], wide: bool) -> int:
    """A NULL-terminated array of pointers to NUL-terminated strings, in one heap block."""
    n = len(items)
    term = b"\0\0" if wide else b"\0"
    size = 4 * (n + 1) + sum(len(s) + len(term) for s in items)
    a = heap(m).alloc(size)
    ptrs = []
    pos = a + 4 * (n + 1)
    blob = bytearray()
    for s in items:
        ptrs.append(pos)
        blob += s + term
        pos += len(s) + len(term)
    m.mem.write(a, struct.pack(f"<{n + 1}I", *ptrs, 0) + bytes(blob))
    return a


def env_list(m: "Machine") -> list[str]:
    """The CRT's own copy of the environment ("NAME=value" strings), taken at start-up."""
    return crt(m).extra.setdefault("env", env_block(m))  # type: ignore[no-any-return]


def env_arrays(m: "Machine", rebuild: bool = False) -> tuple[int, int]:
    """Guest arrays for _environ and _wenviron (built once, or again after _putenv)."""
    c = crt(m)
    r = c.extra.get("env_arrays")
    if r is None or rebuild:
        env = env_list(m)
        r = (_ptr_array(m, [s.encode(m.ansi, "replace") for s in env], False),
             _ptr_array(m, [s.encode("utf-16-le", "surrogatepass") for s in env], True))
        c.extra["env_arrays"] = r
    return r  # type: ignore[no-any-return]


def build_environ(m: "Machine") -> None:
    """Rebuild _environ/_wenviron after the variable list changed."""
    a, w = env_arrays(m, rebuild=True)
    m.mem.w32(_addr(m, "_environ"), a)
    m.mem.w32(_addr(m, "_wenviron"), w)


def _env_init(wide: bool):  # type: ignore[no-untyped-def]
    return lambda m, a: m.mem.w32(a, env_arrays(m)[1 if wide else 0])


def ensure(m: "Machine", dowildcard: bool = False) -> None:
    """Set up the command-line variables (once the process command line exists)."""
    c = crt(m)
    if c.extra.get("args") is not None and (not dowildcard or c.extra.get("globbed")):
        return
    args = cmdline.split(m.proc.cmdline)
    if dowildcard:
        quoted = _quoted_args(m.proc.cmdline)
        args = args[:1] + [x for k, a in enumerate(args[1:])
                           for x in ([a] if k < len(quoted) and quoted[k] else _glob(m, a))]
        c.extra["globbed"] = True
    c.extra["args"] = args
    mem = m.mem
    mem.w32(_addr(m, "__argc"), len(args))
    mem.w32(_addr(m, "__argv"), _ptr_array(m, [a.encode(m.ansi, "replace") for a in args], False))
    mem.w32(_addr(m, "__wargv"), _ptr_array(m, [a.encode("utf-16-le", "surrogatepass") for a in args], True))
    mem.w32(_addr(m, "_acmdln"), GetCommandLineA(m))
    mem.w32(_addr(m, "_wcmdln"), GetCommandLineW(m))
    exe = m.proc.exe.path if m.proc.exe else args[0]
    mem.w32(_addr(m, "_pgmptr"), m.proc.static_cstr(exe))
    mem.w32(_addr(m, "_wpgmptr"), m.proc.static_wstr(exe))
    from .crtdll import sync_dll_vars  # noqa: PLC0415
    sync_dll_vars(m)


@cdecl(MSVCRT)
def __getmainargs(m: "Machine", argc: PTR, argv: PTR, env: PTR, dowildcard: INT, startinfo: PTR) -> INT:
    """argc/argv split from the command line with the msvcrt rules (wildcards expanded if dowildcard)."""
    ensure(m, bool(dowildcard))
    mem = m.mem
    mem.w32(argc, mem.u32(_addr(m, "__argc")))
    mem.w32(argv, mem.u32(_addr(m, "__argv")))
    mem.w32(env, mem.u32(_addr(m, "_environ")))
    return 0


@cdecl(MSVCRT)
def __wgetmainargs(m: "Machine", argc: PTR, wargv: PTR, wenv: PTR, dowildcard: INT, startinfo: PTR) -> INT:
    """Wide __getmainargs."""
    ensure(m, bool(dowildcard))
    mem = m.mem
    mem.w32(argc, mem.u32(_addr(m, "__argc")))
    mem.w32(wargv, mem.u32(_addr(m, "__wargv")))
    mem.w32(wenv, mem.u32(_addr(m, "_wenviron")))
    return 0


def _var(name: str, doc: str, needs_args: bool = False) -> None:
    def fn(m: "Machine") -> PTR:
        if needs_args:
            ensure(m)
        return _addr(m, name)

    fn.__doc__ = doc
    fn.__name__ = "__p_" + name
    cdecl(MSVCRT, name="__p_" + name)(fn)


for _n, _args in (("__argc", True), ("__argv", True), ("__wargv", True), ("_acmdln", True), ("_wcmdln", True),
                  ("_pgmptr", True), ("_wpgmptr", True), ("_environ", False), ("_wenviron", False),
                  ("__initenv", False), ("__winitenv", False), ("_fmode", False), ("_commode", False),
                  ("__mb_cur_max", False), ("_timezone", False), ("_daylight", False), ("_tzname", False),
                  ("_osver", False), ("_winver", False), ("_winmajor", False), ("_winminor", False),
                  ("_dstbias", False), ("_amblksiz", False), ("_fileinfo", False)):
    _var(_n, f"Address of the CRT variable {_n}.", _args)


@cdecl(MSVCRT)
def __set_app_type(m: "Machine", apptype: INT) -> None:
    """Record whether this is a console (1) or GUI (2) program (it decides where error messages go)."""
    ensure(m)
    crt(m).extra["apptype"] = apptype


@cdecl(MSVCRT)
def __setusermatherr(m: "Machine", pf: PTR) -> None:
    """Register the program's _matherr handler."""
    crt(m).extra["matherr"] = pf


@cdecl(MSVCRT)
def __lconv_init(m: "Machine") -> INT:
    """Initialise the C locale's lconv data (already static here); returns 0."""
    return 0


# ---- initialisers and termination ----------------------------------------------------------------
@cdecl(MSVCRT)
def _initterm(m: "Machine", pfbegin: PTR, pfend: PTR) -> None:
    """Call each non-NULL function pointer in [pfbegin, pfend) in order (C++ constructors, C initialisers)."""
    ensure(m)
    a = pfbegin
    while a < pfend:
        fp = m.mem.u32(a)
        if fp and fp != 0xFFFFFFFF:
            m.call(fp)
        a += 4


@cdecl(MSVCRT)
def _initterm_e(m: "Machine", pfbegin: PTR, pfend: PTR) -> INT:
    """_initterm for functions returning int: stops at the first nonzero result and returns it."""
    ensure(m)
    a = pfbegin
    while a < pfend:
        fp = m.mem.u32(a)
        if fp and fp != 0xFFFFFFFF:
            r = m.call(fp)
            if r:
                return r
        a += 4
    return 0


@cdecl(MSVCRT)
def _onexit(m: "Machine", func: PTR) -> PTR:
    """Register func to run at exit (last registered runs first); returns func."""
    crt(m).onexit.append(func)
    return func


@cdecl(MSVCRT)
def atexit(m: "Machine", func: PTR) -> INT:
    """Register func to run at exit; 0."""
    crt(m).onexit.append(func)
    return 0


@cdecl(MSVCRT)
def __dllonexit(m: "Machine", func: PTR, pbegin: PTR, pend: PTR) -> PTR:
    """Append func to a DLL's own onexit table (*pbegin..*pend, grown with realloc); returns func."""
    mem = m.mem
    begin, end = mem.u32(pbegin), mem.u32(pend)
    n = (end - begin) // 4 if begin and end >= begin else 0
    h = heap(m)
    old = mem.read(begin, 4 * n) if n else b""
    new = h.realloc(begin, 4 * (n + 1)) if begin and h.owns(begin) else 0
    if not new:
        new = h.alloc(4 * (n + 1))
        if not new:
            return 0
        mem.write(new, old)
    mem.w32(new + 4 * n, func)
    mem.w32(pbegin, new)
    mem.w32(pend, new + 4 * (n + 1))
    return func


def run_onexit(m: "Machine") -> None:
    c = crt(m)
    while c.onexit:
        fp = c.onexit.pop()
        if fp:
            m.call(fp)


def terminate(m: "Machine", code: int, run_handlers: bool) -> None:
    """exit/_exit: run the atexit table (unless quick), flush the streams, end the process."""
    from .stream import flush_all  # noqa: PLC0415
    c = crt(m)
    if run_handlers and not c.exiting:
        c.exiting = True
        run_onexit(m)
    flush_all(m)
    m.proc.process_detach()  # msvcrt's exit ends in ExitProcess: DLLs and TLS callbacks get detach
    raise ProcessExit(code & 0xFFFFFFFF)


@cdecl(MSVCRT)
def exit(m: "Machine", status: INT) -> None:  # noqa: A001 - the C name
    """Run atexit/_onexit functions, flush and close streams, end the process with status."""
    terminate(m, status, True)


@cdecl(MSVCRT)
def _exit(m: "Machine", status: INT) -> None:
    """End the process at once: no atexit functions (buffered stream output is still written)."""
    terminate(m, status, False)


@cdecl(MSVCRT)
def _cexit(m: "Machine") -> None:
    """Run the exit-time work of exit() (atexit functions, flushing) without ending the process."""
    from .stream import flush_all  # noqa: PLC0415
    c = crt(m)
    if not c.exiting:
        c.exiting = True
        run_onexit(m)
    flush_all(m)


@cdecl(MSVCRT)
def _c_exit(m: "Machine") -> None:
    """The quick variant of _cexit: nothing runs and the process continues."""
    crt(m).exiting = True


def error_out(m: "Machine", text: str) -> None:
    """Write a CRT diagnostic to stderr (fd 2), as console programs show them."""
    from .io import get_fd, raw_write  # noqa: PLC0415
    from .stream import flush_all  # noqa: PLC0415
    flush_all(m)
    fdo = get_fd(m, 2)
    if fdo is not None:
        raw_write(m, fdo, text.encode(m.ansi, "replace"))


@cdecl(MSVCRT)
def abort(m: "Machine") -> None:
    """Print "abnormal program termination" and end the process with exit code 3 (after SIGABRT handling)."""
    from .signal import raise_signal  # noqa: PLC0415
    error_out(m, "\r\nabnormal program termination\r\n")
    raise_signal(m, 22, from_abort=True)
    raise ProcessExit(3)


RT_MESSAGES = {
    2: "floating point not loaded", 8: "not enough space for arguments", 9: "not enough space for environment",
    10: "abnormal program termination", 16: "not enough space for thread data",
    17: "unexpected multithread lock error", 18: "unexpected heap error", 19: "unable to open console device",
    24: "not enough space for _onexit/atexit table", 25: "pure virtual function call",
    26: "not enough space for stdio initialization", 27: "not enough space for lowio initialization",
    28: "unable to initialize heap", 30: "CRT not initialized", 31: "Attempt to initialize the CRT more than once.",
}


@cdecl(MSVCRT)
def _amsg_exit(m: "Machine", rterrnum: INT) -> None:
    """Report run-time error R60nn on stderr and end the process with exit code 255."""
    msg = RT_MESSAGES.get(rterrnum, "")
    error_out(m, f"\r\nruntime error R60{rterrnum:02d}\r\n- {msg}\r\n")
    raise ProcessExit(255)


@cdecl(MSVCRT)
def _assert(m: "Machine", expression: LPCSTR, filename: LPCSTR, lineno: UINT) -> None:
    """Print "Assertion failed: EXPR, file FILE, line N" and abort()."""
    error_out(m, f"Assertion failed: {expression}, file {filename}, line {lineno}\n")
    abort(m)


@cdecl(MSVCRT)
def _wassert(m: "Machine", expression: LPCWSTR, filename: LPCWSTR, lineno: UINT) -> None:
    """Wide _assert."""
    error_out(m, f"Assertion failed: {expression}, file {filename}, line {lineno}\n")
    abort(m)


# ---- floating-point control ----------------------------------------------------------------------
_EM = ((0x1, 0x10), (0x2, 0x80000), (0x4, 0x8), (0x8, 0x4), (0x10, 0x2), (0x20, 0x1))  # x87 bit, _EM_ bit
MCW_EM, MCW_RC, MCW_PC, MCW_IC = 0x8001F, 0x300, 0x30000, 0x40000


def _abstract(cw: int) -> int:
    r = 0
    for hw, ab in _EM:
        if cw & hw:
            r |= ab
    r |= ((cw >> 10) & 3) << 8
    r |= {0: 0x20000, 1: 0x20000, 2: 0x10000, 3: 0}[(cw >> 8) & 3]
    if cw & 0x1000:
        r |= 0x40000
    return r


def _hardware(ab: int) -> int:
    cw = 0x40  # reserved bit set as after FNINIT
    for hw, bit in _EM:
        if ab & bit:
            cw |= hw
    cw |= ((ab >> 8) & 3) << 10
    cw |= {0x20000: 0, 0x10000: 0x200, 0: 0x300, 0x30000: 0x300}[ab & MCW_PC]
    if ab & 0x40000:
        cw |= 0x1000
    return cw


def control87(m: "Machine", new: int, mask: int) -> int:
    cur = _abstract(m.uc.reg_read(X.UC_X86_REG_FPCW))
    if mask:
        cur = (cur & ~mask) | (new & mask)
        m.uc.reg_write(X.UC_X86_REG_FPCW, _hardware(cur))
    return cur


@cdecl(MSVCRT)
def _control87(m: "Machine", new: UINT, mask: UINT) -> UINT:
    """Get/set the floating-point control word (abstract _MCW_EM/_RC/_PC/_IC bits)."""
    return control87(m, new, mask)


@cdecl(MSVCRT)
def _controlfp(m: "Machine", new: UINT, mask: UINT) -> UINT:
    """_control87 without the denormal-exception bit."""
    return control87(m, new, mask & ~0x80000)


@cdecl(MSVCRT)
def _controlfp_s(m: "Machine", current: PTR, new: UINT, mask: UINT) -> INT:
    """Secure _controlfp: stores the resulting control word; 0, or EINVAL for invalid bits."""
    if mask & ~(MCW_EM | MCW_RC | MCW_PC | MCW_IC) & ~0x80000:
        set_errno(m, EINVAL)
        return EINVAL
    r = control87(m, new, mask & ~0x80000)
    if current:
        m.mem.w32(current, r)
    return 0


@cdecl(MSVCRT)
def __control87_2(m: "Machine", new: UINT, mask: UINT, x86_cw: PTR, sse2_cw: PTR) -> INT:
    """_control87 for the x87 and SSE units (SSE follows the x87 settings here); returns 1."""
    r = control87(m, new, mask)
    if x86_cw:
        m.mem.w32(x86_cw, r)
    if sse2_cw:
        m.mem.w32(sse2_cw, r)
    return 1


def _status(m: "Machine") -> int:
    sw = m.uc.reg_read(X.UC_X86_REG_FPSW)
    r = 0
    for hw, ab in _EM:
        if sw & hw:
            r |= ab
    return r


@cdecl(MSVCRT)
def _statusfp(m: "Machine") -> UINT:
    """The floating-point status word (_SW_INVALID, _SW_ZERODIVIDE, ... bits)."""
    return _status(m)


@cdecl(MSVCRT)
def _clearfp(m: "Machine") -> UINT:
    """Return the floating-point status word and clear the exception flags."""
    r = _status(m)
    m.uc.reg_write(X.UC_X86_REG_FPSW, m.uc.reg_read(X.UC_X86_REG_FPSW) & ~0x80FF)
    return r


@cdecl(MSVCRT)
def _fpreset(m: "Machine") -> None:
    """Reinitialise the floating-point unit (FNINIT state with the CRT's default control word 0x27F)."""
    m.uc.reg_write(X.UC_X86_REG_FPSW, 0)
    m.uc.reg_write(X.UC_X86_REG_FPCW, 0x27F)


@cdecl(MSVCRT)
def __pxcptinfoptrs(m: "Machine") -> PTR:
    """Address of the thread's _pxcptinfoptrs (EXCEPTION_POINTERS of the signal being handled)."""
    from .crt import TD_XCPTINFO, tdata  # noqa: PLC0415
    return tdata(m) + TD_XCPTINFO


@cdecl(MSVCRT)
def __fpecode(m: "Machine") -> PTR:
    """Address of the thread's floating-point exception code."""
    from .crt import TD_FPECODE, tdata  # noqa: PLC0415
    return tdata(m) + TD_FPECODE


# ---- exported variables ---------------------------------------------------------------------------
def _u32(v: int):  # type: ignore[no-untyped-def]
    return lambda m, a: m.mem.w32(a, v)


def _tz_init(m: "Machine", a: int) -> None:
    import time as _t  # noqa: PLC0415
    m.mem.w32(a, _t.timezone & 0xFFFFFFFF)


def _daylight_init(m: "Machine", a: int) -> None:
    import time as _t  # noqa: PLC0415
    m.mem.w32(a, _t.daylight)


def _tzname_init(m: "Machine", a: int) -> None:
    import time as _t  # noqa: PLC0415
    p1 = m.proc.alloc_static(64)
    p2 = m.proc.alloc_static(64)
    m.mem.write(p1, _t.tzname[0].encode("ascii", "replace")[:63] + b"\0")
    m.mem.write(p2, _t.tzname[1].encode("ascii", "replace")[:63] + b"\0")
    m.mem.pack("<II", a, p1, p2)


def _errlist_init(m: "Machine", a: int) -> None:
    from .crt import SYS_ERRLIST  # noqa: PLC0415
    ptrs = [m.proc.static_cstr(s) for s in SYS_ERRLIST]
    m.mem.write(a, struct.pack(f"<{len(ptrs)}I", *ptrs))


for _n in ("__argc", "__argv", "__wargv", "_acmdln", "_wcmdln", "_pgmptr", "_wpgmptr", "_commode", "_adjust_fdiv"):
    data_export(MSVCRT, _n, 4)
data_export(MSVCRT, "__lc_handle", 24)
data_export(MSVCRT, "_environ", 4, _env_init(False))
data_export(MSVCRT, "__initenv", 4, _env_init(False))
data_export(MSVCRT, "_wenviron", 4, _env_init(True))
data_export(MSVCRT, "__winitenv", 4, _env_init(True))
data_export(MSVCRT, "_fmode", 4)  # 0: text mode unless _O_BINARY
data_export(MSVCRT, "__mb_cur_max", 4, _u32(1))
data_export(MSVCRT, "_osver", 4, _u32(2600))
data_export(MSVCRT, "_winver", 4, _u32(0x0501))
data_export(MSVCRT, "_winmajor", 4, _u32(5))
data_export(MSVCRT, "_winminor", 4, _u32(1))
data_export(MSVCRT, "_sys_nerr", 4, _u32(43))
data_export(MSVCRT, "_sys_errlist", 4 * 44, _errlist_init)
data_export(MSVCRT, "_timezone", 4, _tz_init)
data_export(MSVCRT, "_daylight", 4, _daylight_init)
data_export(MSVCRT, "_dstbias", 4, _u32(0xFFFFF1F0))  # -3600
data_export(MSVCRT, "_tzname", 8, _tzname_init)
data_export(MSVCRT, "__lc_codepage", 4, _u32(0))
data_export(MSVCRT, "__lc_collate_cp", 4, _u32(0))
data_export(MSVCRT, "_osplatform", 4, _u32(2))  # VER_PLATFORM_WIN32_NT
data_export(MSVCRT, "_amblksiz", 4, _u32(16))
data_export(MSVCRT, "_fileinfo", 4)
data_export(MSVCRT, "_HUGE", 8, lambda m, a: m.mem.write(a, struct.pack("<d", float("inf"))))
