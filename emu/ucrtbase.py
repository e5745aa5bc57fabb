"""ucrtbase: the Universal C runtime (also reached through the api-ms-win-crt-* API sets).

Most functions are msvcrt's (re-exported with ``api.alias``); this module adds the ucrt-only start-up
and stdio entry points: argv/environment configuration, ``__acrt_iob_func`` and ``__stdio_common_*``.
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from . import cmdline
from .api import INT, PTR, cdecl

if TYPE_CHECKING:
    from .machine import Machine


def _args(m: "Machine") -> dict[str, int]:
    """argc/argv/wargv/environ/wenviron as static guest arrays, built once."""
    st = m.state.get("ucrt_args")
    if st is None:
        proc = m.proc
        argv = cmdline.split(proc.cmdline)
        env = [f"{k}={v}" for k, v in sorted(proc.env.items(), key=lambda kv: kv[0].upper())]

        def table(items: list[str], wide: bool) -> int:
            ptrs = [proc.static_wstr(s) if wide else proc.static_cstr(s) for s in items] + [0]
            a = proc.alloc_static(4 * len(ptrs))
            m.mem.write(a, struct.pack(f"<{len(ptrs)}I", *ptrs))
            return a

        st = {"argc": proc.alloc_static(4), "argv": proc.alloc_static(4), "wargv": proc.alloc_static(4),
              "environ": proc.alloc_static(4), "wenviron": proc.alloc_static(4)}
        m.mem.w32(st["argc"], len(argv))
        m.mem.w32(st["argv"], table(argv, False))
        m.mem.w32(st["wargv"], table(argv, True))
        m.mem.w32(st["environ"], table(env, False))
        m.mem.w32(st["wenviron"], table(env, True))
        m.state["ucrt_args"] = st
    return st


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


