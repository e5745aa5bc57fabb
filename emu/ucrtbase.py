"""ucrtbase: the Universal C runtime (also reached through the api-ms-win-crt-* API sets).

Most functions are msvcrt's (re-exported with ``api.alias``); this module adds the ucrt-only start-up
and stdio entry points: argv/environment configuration, ``__acrt_iob_func`` and ``__stdio_common_*``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .api import DATA_EXPORTS, INT, PTR, QWORD, REGISTRY, UINT, cdecl, forward

if TYPE_CHECKING:
    from .machine import Machine


def _msvcrt(m: "Machine") -> None:
    """ucrtbase shares msvcrt's CRT state (arguments, environment, streams): make sure it is loaded."""
    if m.proc.find_module("msvcrt") is None:
        m.proc.load_library("msvcrt")


def _args(m: "Machine") -> dict[str, int]:
    """Addresses of msvcrt's argc/argv/wargv/environ/wenviron variables, set up once."""
    from .msvcrt import startup  # noqa: PLC0415
    _msvcrt(m)
    startup.ensure(m)
    return {k: startup._addr(m, v) for k, v in (("argc", "__argc"), ("argv", "__argv"), ("wargv", "__wargv"),
                                                 ("environ", "_environ"), ("wenviron", "_wenviron"))}


@cdecl("ucrtbase")
def _configure_narrow_argv(m: "Machine", mode: INT) -> INT:
    """Prepare __argv (wildcards are not expanded); 0 on success."""
    _args(m)
    return 0


@cdecl("ucrtbase")
def _configure_wide_argv(m: "Machine", mode: INT) -> INT:
    """Prepare __wargv; 0 on success."""
    _args(m)
    return 0


@cdecl("ucrtbase")
def _initialize_narrow_environment(m: "Machine") -> INT:
    """Prepare _environ; 0 on success."""
    _args(m)
    return 0


@cdecl("ucrtbase")
def _initialize_wide_environment(m: "Machine") -> INT:
    """Prepare _wenviron; 0 on success."""
    _args(m)
    return 0


@cdecl("ucrtbase")
def _get_initial_narrow_environment(m: "Machine") -> PTR:
    """The initial char** environment."""
    return m.mem.u32(_args(m)["environ"])


@cdecl("ucrtbase")
def _get_initial_wide_environment(m: "Machine") -> PTR:
    """The initial wchar_t** environment."""
    return m.mem.u32(_args(m)["wenviron"])


@cdecl("ucrtbase")
def __p___argc(m: "Machine") -> PTR:
    """Address of argc."""
    return _args(m)["argc"]


@cdecl("ucrtbase")
def __p___argv(m: "Machine") -> PTR:
    """Address of the char** argv."""
    return _args(m)["argv"]


@cdecl("ucrtbase")
def __p___wargv(m: "Machine") -> PTR:
    """Address of the wchar_t** argv."""
    return _args(m)["wargv"]


@cdecl("ucrtbase")
def __p__environ(m: "Machine") -> PTR:
    """Address of the char** environment."""
    return _args(m)["environ"]


@cdecl("ucrtbase")
def __p__wenviron(m: "Machine") -> PTR:
    """Address of the wchar_t** environment."""
    return _args(m)["wenviron"]


@cdecl("ucrtbase")
def _set_app_type(m: "Machine", t: INT) -> None:
    """Console or GUI application; remembered."""
    m.state["app_type"] = t


@cdecl("ucrtbase")
def _get_wide_winmain_command_line(m: "Machine") -> PTR:
    """The command line after the program name (wide)."""
    st = m.state.setdefault("ucrt_wwinmain", {})
    if "p" not in st:
        line = m.proc.cmdline
        rest = line[len(_program_part(line)):].lstrip(" \t")
        st["p"] = m.proc.static_wstr(rest)
    return st["p"]


@cdecl("ucrtbase")
def _get_narrow_winmain_command_line(m: "Machine") -> PTR:
    """The command line after the program name."""
    st = m.state.setdefault("ucrt_winmain", {})
    if "p" not in st:
        line = m.proc.cmdline
        rest = line[len(_program_part(line)):].lstrip(" \t")
        st["p"] = m.proc.static_cstr(rest)
    return st["p"]


def _program_part(line: str) -> str:
    inq = False
    for i, c in enumerate(line):
        if c == '"':
            inq = not inq
        elif c in " \t" and not inq:
            return line[:i]
    return line




# ---- stdio ------------------------------------------------------------------------------------------
# The ucrt FILE is opaque to programs (no getc/putc macros), so ucrtbase shares msvcrt's stream
# machinery: msvcrt is loaded as ucrtbase's dependency and __acrt_iob_func hands out its _iob entries.
PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION = 0x1
PRINTF_STANDARD_SNPRINTF_BEHAVIOR = 0x2


def _iob(m: "Machine") -> int:
    from .msvcrt import stdio  # noqa: PLC0415
    _msvcrt(m)
    return stdio.iob(m)


@cdecl("ucrtbase")
def __acrt_iob_func(m: "Machine", index: UINT) -> PTR:
    """&stdin/&stdout/&stderr for index 0/1/2."""
    from .msvcrt.stdio import FILE_SIZE  # noqa: PLC0415
    return _iob(m) + FILE_SIZE * index


def _store(m: "Machine", options: int, buf: int, count: int, data: bytes, unit: int) -> int:
    n = len(data) // unit
    if options & PRINTF_STANDARD_SNPRINTF_BEHAVIOR:
        # C99 snprintf: always terminated (when count > 0), returns the untruncated length
        if count > 0:
            keep = min(n, count - 1)
            m.mem.write(buf, data[:keep * unit] + b"\0" * unit)
        return n
    if buf == 0 and count == 0:
        return n
    if n < count:
        m.mem.write(buf, data + b"\0" * unit)
        return n
    if count > 0:
        m.mem.write(buf, data[:count * unit])
        if options & PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION:
            return n if n == count else -1
        m.mem.write(buf + (count - 1) * unit, b"\0" * unit)
    return -1 if n >= count else n


@cdecl("ucrtbase")
def __stdio_common_vsprintf(m: "Machine", options: QWORD, buffer: PTR, count: UINT, format: PTR,  # noqa: A002
                            locale: PTR, arglist: PTR) -> INT:
    """The ucrt engine behind sprintf/snprintf/vsnprintf: -1 on truncation unless C99 behaviour is asked."""
    from .msvcrt.printf import fmt_narrow  # noqa: PLC0415
    data = fmt_narrow(m, format, arglist)
    if data is None:
        return -1
    return _store(m, options, buffer, count, data, 1)


@cdecl("ucrtbase")
def __stdio_common_vswprintf(m: "Machine", options: QWORD, buffer: PTR, count: UINT, format: PTR,  # noqa: A002
                             locale: PTR, arglist: PTR) -> INT:
    """Wide __stdio_common_vsprintf (%s is a wide string, as with _CRT_INTERNAL_PRINTF_LEGACY_WIDE_SPECIFIERS)."""
    from .msvcrt.printf import fmt_wide  # noqa: PLC0415
    s = fmt_wide(m, format, arglist)
    if s is None:
        return -1
    return _store(m, options, buffer, count, s.encode("utf-16-le", "surrogatepass"), 2)


@cdecl("ucrtbase")
def __stdio_common_vfprintf(m: "Machine", options: QWORD, stream: PTR, format: PTR, locale: PTR,  # noqa: A002
                            arglist: PTR) -> INT:
    """vfprintf: formatted output to a stream; bytes written or -1."""
    from .msvcrt.printf import fmt_narrow  # noqa: PLC0415
    from .msvcrt.stdio import get_stream, write_bytes  # noqa: PLC0415
    data = fmt_narrow(m, format, arglist)
    st = get_stream(m, stream)
    if data is None or st is None:
        return -1
    return len(data) if write_bytes(m, st, data) else -1


@cdecl("ucrtbase")
def __stdio_common_vfwprintf(m: "Machine", options: QWORD, stream: PTR, format: PTR, locale: PTR,  # noqa: A002
                             arglist: PTR) -> INT:
    """vfwprintf to a byte stream (characters above 0xFF become '?', as in the C locale)."""
    from .msvcrt.printf import fmt_wide  # noqa: PLC0415
    from .msvcrt.stdio import get_stream, write_bytes  # noqa: PLC0415
    s = fmt_wide(m, format, arglist)
    st = get_stream(m, stream)
    if s is None or st is None:
        return -1
    return len(s) if write_bytes(m, st, s.encode("latin-1", "replace")) else -1


@cdecl("ucrtbase")
def fgetws(m: "Machine", string: PTR, n: INT, stream: PTR) -> PTR:
    """Read a line (through LF) of at most n-1 characters as UTF-16; NULL at end of file."""
    from .msvcrt.stdio import get_stream, read_line  # noqa: PLC0415
    st = get_stream(m, stream)
    if st is None or n <= 0:
        return 0
    data = read_line(m, st, n - 1)
    if not data:
        return 0
    m.mem.write_wstr(string, data.decode(m.ansi, "replace"))
    return string


# Everything else ucrtbase exports is msvcrt's function with msvcrt's behaviour: PE forwarders.
forward("ucrtbase", "msvcrt", [n for n in REGISTRY.get("msvcrt", {}) if n not in REGISTRY.get("ucrtbase", {})
                               and not n.startswith(("_exeplay", "__p__", "__getmainargs", "__wgetmainargs"))]
        + [n for n in DATA_EXPORTS.get("msvcrt", {}) if not n.startswith("_exeplay") and n != "_iob"])
forward("ntdll", "msvcrt", ["_vsnprintf", "_snprintf", "sprintf", "_snwprintf", "swprintf", "memcpy", "memmove",
                            "memset", "memcmp", "strlen", "strchr", "strcmp", "strcpy", "strncpy", "wcslen", "wcscpy",
                            "wcschr", "wcscmp", "_stricmp", "_wcsicmp", "tolower", "toupper", "atoi", "qsort"])
