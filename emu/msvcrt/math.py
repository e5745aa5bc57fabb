"""msvcrt: <math.h>. Doubles are returned in ST0 as cdecl requires: fabs, sqrt and _ftol are x87 guest
code; the other functions are guest-code wrappers around Python (results stored per thread, then loaded
with fld), with msvcrt's error behaviour: EDOM and -1.#IND for domain errors, ERANGE and +-HUGE_VAL for
overflow and poles. The _CI* variants take their arguments in ST0 (and ST1) instead of on the stack."""
from __future__ import annotations

import math
import struct
from typing import TYPE_CHECKING, Callable

from ..api import DOUBLE, INT, PTR, cdecl, native
from .convert import double_native, double_result
from .crt import EDOM, ERANGE, set_errno

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
IND = struct.unpack("<d", struct.pack("<Q", 0xFFF8000000000000))[0]  # -1.#IND, the x87 default NaN
INF = float("inf")

native(D, "fabs", "fld qword ptr [esp+4]; fabs; ret", doc="absolute value (ST0)")
native(D, "_CIfabs", "fabs; ret", doc="fabs of ST0")
native(D, "_ftol", """
    push ebp
    mov ebp, esp
    sub esp, 12
    fnstcw word ptr [ebp-2]
    mov ax, word ptr [ebp-2]
    or ah, 0x0c
    mov word ptr [ebp-4], ax
    fldcw word ptr [ebp-4]
    fistp qword ptr [ebp-12]
    fldcw word ptr [ebp-2]
    mov eax, dword ptr [ebp-12]
    mov edx, dword ptr [ebp-8]
    leave
    ret
""", doc="ST0 to a 64-bit integer in EDX:EAX, truncating (pops ST0)")


def _err(m: "Machine", e: int) -> None:
    set_errno(m, e)


def _call1(m: "Machine", f: Callable[[float], float], x: float) -> float:
    if math.isnan(x):
        return x
    try:
        r = f(x)
    except ValueError:
        _err(m, EDOM)
        return IND
    except OverflowError:
        _err(m, ERANGE)
        return INF
    if math.isinf(r) and not math.isinf(x):
        _err(m, ERANGE)
    return r


def _log(base: float | None) -> Callable[["Machine", float], float]:
    def f(m: "Machine", x: float) -> float:
        if math.isnan(x):
            return x
        if x == 0:
            _err(m, ERANGE)
            return -INF
        if x < 0:
            _err(m, EDOM)
            return IND
        if math.isinf(x):
            return x
        return math.log(x) if base is None else math.log10(x)
    return f


def _pow(m: "Machine", x: float, y: float) -> float:
    if y == 0:
        return 1.0
    if math.isnan(x) or math.isnan(y):
        return x + y
    if x == 0 and y < 0:
        _err(m, ERANGE)
        odd = y == int(y) and int(y) % 2 == 1
        return math.copysign(INF, x) if odd else INF
    try:
        r = math.pow(x, y)
    except ValueError:
        _err(m, EDOM)
        return IND
    except OverflowError:
        _err(m, ERANGE)
        odd = y == int(y) and int(y) % 2 == 1
        return -INF if x < 0 and odd else INF
    return r


def _fmod(m: "Machine", x: float, y: float) -> float:
    if math.isnan(x) or math.isnan(y):
        return x + y
    if y == 0 or math.isinf(x):
        _err(m, EDOM)
        return IND
    return math.fmod(x, y)


def _atan2(m: "Machine", y: float, x: float) -> float:
    return math.atan2(y, x)


def _hypot(m: "Machine", x: float, y: float) -> float:
    try:
        r = math.hypot(x, y)
    except OverflowError:
        r = INF
    if math.isinf(r) and not (math.isinf(x) or math.isinf(y)):
        _err(m, ERANGE)
    return r


ONE_ARG: dict[str, Callable[["Machine", float], float]] = {
    "sin": lambda m, x: _call1(m, math.sin, x), "cos": lambda m, x: _call1(m, math.cos, x),
    "tan": lambda m, x: _call1(m, math.tan, x), "asin": lambda m, x: _call1(m, math.asin, x),
    "acos": lambda m, x: _call1(m, math.acos, x), "atan": lambda m, x: _call1(m, math.atan, x),
    "sinh": lambda m, x: _call1(m, math.sinh, x), "cosh": lambda m, x: _call1(m, math.cosh, x),
    "tanh": lambda m, x: _call1(m, math.tanh, x), "exp": lambda m, x: _call1(m, math.exp, x),
    "log": _log(None), "log10": _log(10.0), "sqrt": lambda m, x: _call1(m, math.sqrt, x),
    "floor": lambda m, x: x if math.isinf(x) or math.isnan(x) else float(math.floor(x)) if x != 0 else x,
    "ceil": lambda m, x: x if math.isinf(x) or math.isnan(x) else (float(math.ceil(x)) or math.copysign(0.0, x))
    if x != 0 else x,
    "_logb": lambda m, x: float(math.frexp(x)[1] - 1) if x and not math.isinf(x) and not math.isnan(x) else (
        -INF if x == 0 else abs(x)),
}
TWO_ARGS: dict[str, Callable[["Machine", float, float], float]] = {
    "pow": _pow, "fmod": _fmod, "atan2": _atan2, "_hypot": _hypot,
    "_copysign": lambda m, x, y: math.copysign(x, y),
    "_nextafter": lambda m, x, y: math.nextafter(x, y),
}


# x87 fast paths: finite arguments below 2^63 (where fsin/fcos/fptan are exact to a double) run as guest
# code; other arguments take the Python path with msvcrt's errno rules
_X87 = {"sin": "fsin", "cos": "fcos", "tan": "fptan\n    fstp st(0)"}
_ROUND = {"floor": "0x0400", "ceil": "0x0800"}


def _declare1(name: str, f: Callable[["Machine", float], float]) -> None:
    stub = "_exeplay_m_" + name.lstrip("_")

    def py(m: "Machine", x: DOUBLE) -> PTR:
        return double_result(m, f(m, x))

    py.__name__ = stub
    py.__doc__ = f"{name}'s Python half."
    cdecl(D, name=stub)(py)
    if name in _X87:
        native(D, name, f"""
    mov eax, dword ptr [esp+8]
    and eax, 0x7ff00000
    cmp eax, 0x43e00000
    jae slow
    fld qword ptr [esp+4]
    {_X87[name]}
    ret
slow:
    push dword ptr [esp+8]
    push dword ptr [esp+8]
    call {{stub:{stub}}}
    add esp, 8
    fld qword ptr [eax]
    ret
""", doc=f"{name} (ST0)")
        native(D, "_CI" + name, f"""
    sub esp, 8
    fst qword ptr [esp]
    mov eax, dword ptr [esp+4]
    and eax, 0x7ff00000
    cmp eax, 0x43e00000
    jae slow
    add esp, 8
    {_X87[name]}
    ret
slow:
    fstp st(0)
    call {{stub:{stub}}}
    add esp, 8
    fld qword ptr [eax]
    ret
""", doc=f"{name} of ST0")
        return
    if name in _ROUND:
        native(D, name, f"""
    fld qword ptr [esp+4]
    sub esp, 4
    fnstcw word ptr [esp]
    mov ax, word ptr [esp]
    and ax, 0xf3ff
    or ax, {_ROUND[name]}
    mov word ptr [esp+2], ax
    fldcw word ptr [esp+2]
    frndint
    fldcw word ptr [esp]
    add esp, 4
    ret
""", doc=f"{name} (ST0)")
        return
    if name != "sqrt":
        double_native(name, stub, 2, f"{name} (ST0)")
    if name in ("asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "log10", "sqrt"):
        native(D, "_CI" + name, f"""
    sub esp, 8
    fstp qword ptr [esp]
    call {{stub:{stub}}}
    add esp, 8
    fld qword ptr [eax]
    ret
""", doc=f"{name} of ST0")


def _declare2(name: str, f: Callable[["Machine", float, float], float]) -> None:
    stub = "_exeplay_m_" + name.lstrip("_")

    def py(m: "Machine", x: DOUBLE, y: DOUBLE) -> PTR:
        return double_result(m, f(m, x, y))

    py.__name__ = stub
    py.__doc__ = f"{name}'s Python half."
    cdecl(D, name=stub)(py)
    double_native(name, stub, 4, f"{name} (ST0)")
    if name in ("pow", "fmod", "atan2"):
        native(D, "_CI" + name, f"""
    sub esp, 16
    fstp qword ptr [esp+8]
    fstp qword ptr [esp]
    call {{stub:{stub}}}
    add esp, 16
    fld qword ptr [eax]
    ret
""", doc=f"{name}(ST1, ST0)")


for _n, _f in ONE_ARG.items():
    _declare1(_n, _f)
for _n, _f in TWO_ARGS.items():
    _declare2(_n, _f)

# sqrt: fsqrt for x >= 0, the Python path (EDOM, -1.#IND) for negatives and NaN
native(D, "sqrt", """
    fld qword ptr [esp+4]
    ftst
    fnstsw ax
    sahf
    jb slow
    fsqrt
    ret
slow:
    fstp st(0)
    push dword ptr [esp+8]
    push dword ptr [esp+8]
    call {stub:_exeplay_m_sqrt}
    add esp, 8
    fld qword ptr [eax]
    ret
""", doc="square root (ST0); EDOM for negatives")


@cdecl(D)
def _exeplay_m_frexp(m: "Machine", x: DOUBLE, expptr: PTR) -> PTR:
    """frexp's Python half."""
    if math.isinf(x) or math.isnan(x):
        m.mem.w32(expptr, 0)
        return double_result(m, x)
    mant, e = math.frexp(x)
    m.mem.w32(expptr, e)
    return double_result(m, mant)


@cdecl(D)
def _exeplay_m_ldexp(m: "Machine", x: DOUBLE, exp: INT) -> PTR:
    """ldexp's Python half."""
    try:
        r = math.ldexp(x, exp)
    except OverflowError:
        _err(m, ERANGE)
        r = math.copysign(INF, x)
    return double_result(m, r)


@cdecl(D)
def _exeplay_m_modf(m: "Machine", x: DOUBLE, intptr: PTR) -> PTR:
    """modf's Python half."""
    if math.isinf(x):
        m.mem.pack("<d", intptr, x)
        return double_result(m, math.copysign(0.0, x))
    frac, whole = math.modf(x)
    m.mem.pack("<d", intptr, whole)
    return double_result(m, frac)


@cdecl(D)
def _exeplay_m_scalb(m: "Machine", x: DOUBLE, exp: INT) -> PTR:
    """_scalb's Python half."""
    return _exeplay_m_ldexp(m, x, exp)


@cdecl(D)
def _exeplay_m_chgsign(m: "Machine", x: DOUBLE) -> PTR:
    """_chgsign's Python half."""
    return double_result(m, -x)


@cdecl(D)
def _exeplay_m_cabs(m: "Machine", x: DOUBLE, y: DOUBLE) -> PTR:
    """_cabs's Python half (struct _complex passed by value)."""
    return double_result(m, _hypot(m, x, y))


double_native("frexp", "_exeplay_m_frexp", 3, "mantissa in [0.5, 1) (ST0) and the exponent")
double_native("ldexp", "_exeplay_m_ldexp", 3, "x * 2^exp (ST0)")
double_native("modf", "_exeplay_m_modf", 3, "fractional part (ST0), integer part stored")
double_native("_scalb", "_exeplay_m_scalb", 3, "x * 2^exp (ST0)")
double_native("_chgsign", "_exeplay_m_chgsign", 2, "-x (ST0)")
double_native("_cabs", "_exeplay_m_cabs", 4, "magnitude of a complex number (ST0)")


@cdecl(D)
def _matherr(m: "Machine", except_: PTR) -> INT:
    """The default math error handler: leaves the error to the library (returns 0)."""
    return 0


@cdecl(D)
def _finite(m: "Machine", x: DOUBLE) -> INT:
    """Nonzero for finite values."""
    return int(not (math.isinf(x) or math.isnan(x)))


@cdecl(D)
def _isnan(m: "Machine", x: DOUBLE) -> INT:
    """Nonzero for NaNs."""
    return int(math.isnan(x))


@cdecl(D)
def _fpclass(m: "Machine", x: DOUBLE) -> INT:
    """_FPCLASS_* of x (SNAN 1, QNAN 2, NINF 4, NN 8, ND 0x10, NZ 0x20, PZ 0x40, PD 0x80, PN 0x100, PINF 0x200)."""
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    neg = bits >> 63
    e = (bits >> 52) & 0x7FF
    frac = bits & ((1 << 52) - 1)
    if e == 0x7FF:
        if frac:
            return 2 if frac >> 51 else 1
        return 4 if neg else 0x200
    if e == 0:
        if frac == 0:
            return 0x20 if neg else 0x40
        return 0x10 if neg else 0x80
    return 8 if neg else 0x100


# ---- Pentium FDIV-bug helpers (called by /QIfdiv code when _adjust_fdiv is set): the plain instructions
for _n, _asm in (("_adj_fdiv_m16i", "fidiv word ptr [esp+4]; ret 4"),
                 ("_adj_fdiv_m32", "fdiv dword ptr [esp+4]; ret 4"),
                 ("_adj_fdiv_m32i", "fidiv dword ptr [esp+4]; ret 4"),
                 ("_adj_fdiv_m64", "fdiv qword ptr [esp+4]; ret 8"),
                 ("_adj_fdivr_m16i", "fidivr word ptr [esp+4]; ret 4"),
                 ("_adj_fdivr_m32", "fdivr dword ptr [esp+4]; ret 4"),
                 ("_adj_fdivr_m32i", "fidivr dword ptr [esp+4]; ret 4"),
                 ("_adj_fdivr_m64", "fdivr qword ptr [esp+4]; ret 8"),
                 ("_adj_fpatan", "fpatan; ret"), ("_adj_fprem", "fprem; ret"), ("_adj_fprem1", "fprem1; ret"),
                 ("_adj_fptan", "fptan; ret"), ("_safe_fdiv", "fdivp st(1), st(0); ret"),
                 ("_safe_fdivr", "fdivrp st(1), st(0); ret"), ("_safe_fprem", "fprem; ret"),
                 ("_safe_fprem1", "fprem1; ret")):
    _bytes = 8 if "m64" in _n else 4 if "_m" in _n else 0
    native(D, _n, _asm, _bytes, doc="FDIV-safe arithmetic (the FPU here has no FDIV flaw)")
