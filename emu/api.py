"""Declaring Windows API functions once, with typed parameters.

A Windows function is a Python function decorated with ``@stdcall("kernel32")`` or ``@cdecl("msvcrt")``.
Its parameter annotations (the types below) drive argument decoding from the guest stack, the number
of bytes the ``ret N`` in its guest stub pops, and its trace line. Its first parameter is the Machine.

    @stdcall("kernel32")
    def CreateFileA(m: Machine, lpFileName: LPCSTR, dwDesiredAccess: DWORD, ...) -> HANDLE:
        '''Open or create a file; returns a handle or INVALID_HANDLE_VALUE.'''

Functions whose body must run as guest code (hot paths such as GetLastError) are declared with
``native(dll, name, asm, argbytes)`` and assembled into the DLL image; they never trap to Python.
"""
from __future__ import annotations

import inspect
import typing
from dataclasses import dataclass, field
from typing import Any, Callable

if typing.TYPE_CHECKING:
    from .machine import Machine


# ---- argument types ------------------------------------------------------------------------
class ArgType:
    """How one parameter is read from the stack and shown in traces."""

    slots = 1
    raw = True  # the Python value is the 32-bit stack word itself

    @staticmethod
    def decode(m: "Machine", v: int) -> Any:
        return v

    @staticmethod
    def show(v: Any) -> str:
        return hex(v) if isinstance(v, int) and v > 9 else str(v)


class DWORD(ArgType):
    """Unsigned 32-bit value (also UINT, WPARAM, handles and pointers)."""


UINT = ULONG = WPARAM = LPARAM_U = SIZE_T = DWORD


class HANDLE(DWORD):
    pass


class PTR(DWORD):
    """A guest pointer passed as an address."""

    @staticmethod
    def show(v: Any) -> str:
        return "NULL" if v == 0 else f"0x{v:x}"


LPVOID = LPCVOID = LPDWORD = LPBYTE = HMODULE = HWND = FARPROC = PTR
LPSTR = LPWSTR = PTR  # output buffers: the function writes through them


class INT(ArgType):
    """Signed 32-bit value."""

    raw = False

    @staticmethod
    def decode(m: "Machine", v: int) -> int:
        return v - (1 << 32) if v & 0x80000000 else v

    @staticmethod
    def show(v: Any) -> str:
        return str(v)


LONG = BOOL = INT


class WORD(ArgType):
    raw = False

    @staticmethod
    def decode(m: "Machine", v: int) -> int:
        return v & 0xFFFF


class LPCSTR(ArgType):
    """NUL-terminated ANSI string, decoded; None for NULL. Small values (atoms, resource ids) stay ints."""

    raw = False

    @staticmethod
    def decode(m: "Machine", v: int) -> str | int | None:
        if v == 0:
            return None
        if v < 0x10000:
            return v
        return m.mem.cstr(v, m.ansi)

    @staticmethod
    def show(v: Any) -> str:
        return "NULL" if v is None else repr(v) if isinstance(v, str) else f"#{v}"


class LPCWSTR(LPCSTR):
    """NUL-terminated UTF-16 string, decoded; None for NULL."""

    @staticmethod
    def decode(m: "Machine", v: int) -> str | int | None:
        if v == 0:
            return None
        if v < 0x10000:
            return v
        return m.mem.wstr(v)


class QWORD(ArgType):
    """64-bit integer in two stack slots."""

    slots = 2
    raw = False


class DOUBLE(ArgType):
    """IEEE double in two stack slots."""

    slots = 2
    raw = False


class VARARGS(ArgType):
    """The address of the first variadic argument (C ``...``); cdecl only."""

    slots = 0
    raw = False


# Return kinds
class VOID:
    pass


RETURN_KINDS = {"DWORD", "HANDLE", "PTR", "INT", "BOOL", "LONG", "UINT", "ULONG", "SIZE_T", "VOID", "QWORD", "None",
                "WORD", "HMODULE", "HWND", "LPVOID", "FARPROC", "LPSTR", "LPWSTR"}


# ---- declarations ----------------------------------------------------------------------
@dataclass
class ApiFunc:
    dll: str
    name: str
    fn: Callable[..., Any] | None
    conv: str  # "stdcall" | "cdecl"
    params: list[tuple[str, type[ArgType]]] = field(default_factory=list)
    ret: str = "DWORD"
    ordinal: int | None = None
    native_asm: str | None = None  # guest code body for native functions
    argbytes: int = 0
    nslots: int = 0
    all_raw: bool = True
    has_varargs: bool = False
    doc: str = ""

    @property
    def qualname(self) -> str:
        return f"{self.dll}!{self.name}"


REGISTRY: dict[str, dict[str, ApiFunc]] = {}
FORWARDS: dict[str, dict[str, str]] = {}  # dll -> export name -> "targetdll.name"
DATA_EXPORTS: dict[str, dict[str, tuple[int, Callable[["Machine", int], None] | None]]] = {}


def _register(af: ApiFunc) -> None:
    table = REGISTRY.setdefault(af.dll, {})
    if af.name in table:
        raise ValueError(f"{af.qualname} declared twice")
    table[af.name] = af


def _resolve(ann: Any, globalns: dict[str, Any]) -> Any:
    if isinstance(ann, str):
        return eval(ann, globalns, dict(globals()))  # noqa: S307 - annotations of our own modules
    return ann


def _declare(conv: str, dlls: tuple[str, ...], name: str | None, ordinal: int | None) -> Callable:
    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        sig = inspect.signature(fn)
        params: list[tuple[str, type[ArgType]]] = []
        for i, (pname, p) in enumerate(sig.parameters.items()):
            if i == 0:
                continue  # the Machine
            t = _resolve(p.annotation, fn.__globals__)
            if not (isinstance(t, type) and issubclass(t, ArgType)):
                raise TypeError(f"{fn.__name__}: parameter {pname} needs an ArgType annotation, not {t!r}")
            params.append((pname, t))
        ret_ann = sig.return_annotation
        ret = ret_ann if isinstance(ret_ann, str) else getattr(ret_ann, "__name__", "DWORD")
        if ret in ("None", "VOID", "inspect._empty", "_empty"):
            ret = "VOID"
        nslots = sum(t.slots for _, t in params)
        has_var = any(t is VARARGS for _, t in params)
        if has_var and conv != "cdecl":
            raise TypeError(f"{fn.__name__}: varargs need cdecl")
        for dll in dlls:
            af = ApiFunc(dll=dll, name=name or fn.__name__, fn=fn, conv=conv, params=params, ret=ret,
                         ordinal=ordinal, argbytes=4 * nslots if conv == "stdcall" else 0, nslots=nslots,
                         all_raw=all(t.raw for _, t in params), has_varargs=has_var,
                         doc=(fn.__doc__ or "").strip().split("\n")[0])
            _register(af)
        return fn

    return deco


DET_OVERRIDES: dict[str, dict[str, ApiFunc]] = {}  # dll -> name -> Python twin of a native function


def deterministic_twin(dll: str, name: str) -> Callable:
    """Declare the Python (trapping) version of native function ``dll!name`` used in ``--deterministic`` runs,
    where every read of the clock must go through the deterministic clock (e.g. GetTickCount)."""
    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        _declare("stdcall", ("__twin__",), name, None)(fn)
        af = REGISTRY["__twin__"].pop(name)
        af.dll = dll
        DET_OVERRIDES.setdefault(dll, {})[name] = af
        return fn
    return deco


def stdcall(*dlls: str, name: str | None = None, ordinal: int | None = None) -> Callable:
    """Declare a WINAPI (callee pops its arguments) function exported by ``dlls``."""
    return _declare("stdcall", dlls, name, ordinal)


def cdecl(*dlls: str, name: str | None = None, ordinal: int | None = None) -> Callable:
    """Declare a C-calling-convention (caller pops) function exported by ``dlls``."""
    return _declare("cdecl", dlls, name, ordinal)


def native(dll: str, name: str, asm: str, argbytes: int = 0, doc: str = "") -> None:
    """Declare a function implemented as guest x86 code inside the DLL image (no trap to Python).
    ``asm`` may reference other exports of the same DLL and data labels as ``[sym]``."""
    _register(ApiFunc(dll=dll, name=name, fn=None, conv="stdcall" if argbytes else "cdecl", native_asm=asm,
                      argbytes=argbytes, doc=doc))


def data_export(dll: str, name: str, size: int, init: Callable[["Machine", int], None] | None = None) -> None:
    """Declare an exported variable of ``size`` bytes; ``init(m, addr)`` fills it at process start."""
    DATA_EXPORTS.setdefault(dll, {})[name] = (size, init)


def alias(dll: str, src_dll: str, names: list[str], rename: dict[str, str] | None = None) -> None:
    """Export declarations of ``src_dll`` from ``dll`` too (e.g. ucrtbase re-exporting msvcrt functions).
    ``rename`` maps new names to source names; a missing source name is an error."""
    src = REGISTRY.get(src_dll, {})
    pairs = [(n, n) for n in names] + list((rename or {}).items())
    for new, old in pairs:
        f = src.get(old)
        if f is None:
            raise KeyError(f"alias {dll}!{new}: {src_dll}!{old} is not declared")
        _register(ApiFunc(dll=dll, name=new, fn=f.fn, conv=f.conv, params=f.params, ret=f.ret,
                          native_asm=f.native_asm, argbytes=f.argbytes, nslots=f.nslots, all_raw=f.all_raw,
                          has_varargs=f.has_varargs, doc=f.doc))


def forward(dll: str, target_dll: str, names: list[str]) -> None:
    """Export ``names`` from ``dll`` as PE forwarders to ``target_dll`` (like kernel32 -> ntdll on Windows):
    the loader and GetProcAddress resolve them to the target's implementation."""
    table = FORWARDS.setdefault(dll, {})
    for n in names:
        table[n] = f"{target_dll}.{n}"


def lookup(dll: str, name: str) -> ApiFunc | None:
    return REGISTRY.get(dll, {}).get(name)


# ---- outcomes an API function can signal -----------------------------------------------------
class ApiError(Exception):
    """Base of control-flow signals raised by API implementations."""


class Unimplemented(ApiError):
    """The guest called something exeplay does not implement."""

    def __init__(self, what: str, caller: int = 0, detail: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.caller = caller
        self.detail = detail


def show_args(af: ApiFunc, args: list[Any] | tuple[Any, ...]) -> str:
    out = []
    for (_, t), v in zip(af.params, args):
        try:
            out.append(t.show(v))
        except Exception:  # noqa: BLE001 - tracing must never fail
            out.append(repr(v))
    return ", ".join(out)
