"""msvcrt: <stdlib.h> and friends — malloc and the C++ allocation operators, errno, strerror/perror,
getenv/_putenv, rand/srand, qsort/bsearch (msvcrt's own algorithms, calling the guest comparator),
abs/div, setlocale/localeconv for the C locale."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from ..api import INT, LPCSTR, LPCWSTR, PTR, QWORD, UINT, cdecl, data_export, native
from ..kernel32.module import _env_set
from .crt import (EINVAL, ENOMEM, TD_DOSERRNO, TD_ERRMSG, TD_ERRNO, TD_HOLDRAND, crt, get_errno, heap,
                  init_tls_index, set_errno, strerror_text, tdata)

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"


# ---- heap -------------------------------------------------------------------------------------------
def alloc(m: "Machine", n: int, zero: bool = False) -> int:
    if n > 0xFFFFFFE0:
        set_errno(m, ENOMEM)
        return 0
    try:
        return heap(m).alloc(n, zero)
    except MemoryError:
        set_errno(m, ENOMEM)
        return 0


@cdecl(D)
def malloc(m: "Machine", size: UINT) -> PTR:
    """Allocate size bytes (a unique block even for 0); NULL and ENOMEM on failure."""
    return alloc(m, size)


@cdecl(D)
def calloc(m: "Machine", num: UINT, size: UINT) -> PTR:
    """Allocate num*size zeroed bytes."""
    total = num * size
    if total > 0xFFFFFFE0:
        set_errno(m, ENOMEM)
        return 0
    return alloc(m, total, zero=True)


@cdecl(D)
def free(m: "Machine", memblock: PTR) -> None:
    """Release a block from malloc/calloc/realloc (NULL is ignored)."""
    if memblock:
        heap(m).free(memblock)


@cdecl(D)
def realloc(m: "Machine", memblock: PTR, size: UINT) -> PTR:
    """Resize a block (moving it if needed); NULL block = malloc, size 0 = free and NULL."""
    if memblock == 0:
        return alloc(m, size)
    if size == 0:
        heap(m).free(memblock)
        return 0
    h = heap(m)
    if not h.owns(memblock):
        set_errno(m, EINVAL)
        return 0
    try:
        r = h.realloc(memblock, size)
    except MemoryError:
        r = 0
    if not r:
        set_errno(m, ENOMEM)
    return r


@cdecl(D)
def _msize(m: "Machine", memblock: PTR) -> UINT:
    """Size of a heap block; -1 if it is not one."""
    s = heap(m).size(memblock)
    return 0xFFFFFFFF if s is None else s


@cdecl(D)
def _expand(m: "Machine", memblock: PTR, size: UINT) -> PTR:
    """Resize a block in place; NULL if it cannot grow where it is."""
    h = heap(m)
    if not h.owns(memblock):
        set_errno(m, EINVAL)
        return 0
    r = h.realloc(memblock, size, in_place_only=True)
    if not r:
        set_errno(m, ENOMEM)
    return r


@cdecl(D)
def _recalloc(m: "Machine", memblock: PTR, num: UINT, size: UINT) -> PTR:
    """realloc to num*size bytes, zeroing the new part."""
    total = num * size
    if memblock == 0:
        return alloc(m, total, zero=True)
    h = heap(m)
    if not h.owns(memblock):
        set_errno(m, EINVAL)
        return 0
    return h.realloc(memblock, total, zero=True)


@cdecl(D)
def _heapchk(m: "Machine") -> INT:
    """Heap consistency check: _HEAPOK (-2)."""
    return -2


@cdecl(D)
def _heapmin(m: "Machine") -> INT:
    """Release unused heap memory to the system; 0."""
    return 0


@cdecl(D)
def _get_heap_handle(m: "Machine") -> PTR:
    """The Windows heap behind malloc."""
    return heap(m).base


def _aligned(m: "Machine", size: int, align: int, offset: int) -> int:
    """_aligned_offset_malloc: block + 4-byte back pointer, (p + offset) aligned to align."""
    if align & (align - 1) or offset >= max(size, 1) and size:
        set_errno(m, EINVAL)
        return 0
    align = max(align, 4)
    raw = alloc(m, size + align + 4 + offset)
    if not raw:
        return 0
    p = ((raw + 4 + offset + align - 1) & ~(align - 1)) - offset
    m.mem.w32((p & ~3) - 4, raw)
    return p


@cdecl(D)
def _aligned_malloc(m: "Machine", size: UINT, alignment: UINT) -> PTR:
    """Allocate with a power-of-two alignment; free with _aligned_free."""
    return _aligned(m, size, alignment, 0)


@cdecl(D)
def _aligned_offset_malloc(m: "Machine", size: UINT, alignment: UINT, offset: UINT) -> PTR:
    """Allocate so that memblock + offset is aligned."""
    return _aligned(m, size, alignment, offset)


@cdecl(D)
def _aligned_free(m: "Machine", memblock: PTR) -> None:
    """Free an _aligned_malloc block."""
    if memblock:
        heap(m).free(m.mem.u32((memblock & ~3) - 4))


def _aligned_re(m: "Machine", memblock: int, size: int, align: int, offset: int) -> int:
    if not memblock:
        return _aligned(m, size, align, offset)
    if size == 0:
        _aligned_free(m, memblock)
        return 0
    raw = m.mem.u32((memblock & ~3) - 4)
    old = heap(m).size(raw)
    if old is None:
        set_errno(m, EINVAL)
        return 0
    new = _aligned(m, size, align, offset)
    if not new:
        return 0
    keep = min(size, old - (memblock - raw))
    m.mem.write(new, m.mem.read(memblock, keep))
    heap(m).free(raw)
    return new


@cdecl(D)
def _aligned_realloc(m: "Machine", memblock: PTR, size: UINT, alignment: UINT) -> PTR:
    """Resize an aligned block (the contents move to a new aligned block)."""
    return _aligned_re(m, memblock, size, alignment, 0)


@cdecl(D)
def _aligned_offset_realloc(m: "Machine", memblock: PTR, size: UINT, alignment: UINT, offset: UINT) -> PTR:
    """Resize an offset-aligned block."""
    return _aligned_re(m, memblock, size, alignment, offset)


def _new(m: "Machine", size: int) -> int:
    c = crt(m)
    while True:
        p = alloc(m, size)
        if p:
            return p
        handler = c.extra.get("new_handler", 0)
        if not handler or not m.call(handler, size):
            return 0


@cdecl(D, name="??2@YAPAXI@Z")
def operator_new(m: "Machine", size: UINT) -> PTR:
    """operator new: malloc, calling the _set_new_handler handler while it asks to retry; NULL on failure."""
    return _new(m, size)


@cdecl(D, name="??_U@YAPAXI@Z")
def operator_new_array(m: "Machine", size: UINT) -> PTR:
    """operator new[]."""
    return _new(m, size)


@cdecl(D, name="??3@YAXPAX@Z")
def operator_delete(m: "Machine", p: PTR) -> None:
    """operator delete: free."""
    if p:
        heap(m).free(p)


@cdecl(D, name="??_V@YAXPAX@Z")
def operator_delete_array(m: "Machine", p: PTR) -> None:
    """operator delete[]."""
    if p:
        heap(m).free(p)


@cdecl(D, name="?_set_new_handler@@YAP6AHI@ZP6AHI@Z@Z")
def set_new_handler_(m: "Machine", pnh: PTR) -> PTR:
    """Install the handler operator new calls on failure; returns the old one."""
    c = crt(m)
    old = c.extra.get("new_handler", 0)
    c.extra["new_handler"] = pnh
    return old


@cdecl(D, name="?_query_new_handler@@YAP6AHI@ZXZ")
def query_new_handler_(m: "Machine") -> PTR:
    """The current operator new failure handler."""
    return crt(m).extra.get("new_handler", 0)


@cdecl(D, name="?_set_new_mode@@YAHH@Z")
def set_new_mode_(m: "Machine", newmode: INT) -> INT:
    """Whether malloc failures call the new handler too; returns the old mode."""
    c = crt(m)
    old = c.extra.get("new_mode", 0)
    c.extra["new_mode"] = newmode
    return old


@cdecl(D, name="?_query_new_mode@@YAHXZ")
def query_new_mode_(m: "Machine") -> INT:
    """The current new mode."""
    return crt(m).extra.get("new_mode", 0)


# ---- errno ---------------------------------------------------------------------------------------------
@cdecl(D)
def _exeplay_errno(m: "Machine") -> PTR:
    """_errno's first call on a thread: create the thread's CRT data."""
    return tdata(m) + TD_ERRNO


@cdecl(D)
def _exeplay_doserrno(m: "Machine") -> PTR:
    """__doserrno's first call on a thread."""
    return tdata(m) + TD_DOSERRNO


data_export(D, "_exeplay_tls", 4, init_tls_index)
_TD = """
    mov eax, {data:_exeplay_tls}
    mov eax, dword ptr [eax]
    cmp eax, 64
    jae slow
    mov eax, dword ptr fs:[eax*4+0xe10]
    test eax, eax
    jz slow
    add eax, OFF
    ret
slow:
    jmp {stub:STUB}
"""
native(D, "_errno", _TD.replace("OFF", str(TD_ERRNO)).replace("STUB", "_exeplay_errno"),
       doc="address of the calling thread's errno")
native(D, "__doserrno", _TD.replace("OFF", str(TD_DOSERRNO)).replace("STUB", "_exeplay_doserrno"),
       doc="address of the thread's _doserrno (the last Windows error seen by the CRT)")


@cdecl(D)
def _get_errno(m: "Machine", value: PTR) -> INT:
    """Store errno; 0."""
    if not value:
        return EINVAL
    m.mem.w32(value, get_errno(m))
    return 0


@cdecl(D)
def _set_errno(m: "Machine", value: INT) -> INT:
    """Set errno; 0."""
    set_errno(m, value)
    return 0


def _errlist_ptr(m: "Machine", e: int) -> int:
    idx = e if 0 <= e < 43 else 43
    return m.mem.u32(m.proc.export_addr(D, "_sys_errlist") + 4 * idx)


@cdecl(D)
def strerror(m: "Machine", errnum: INT) -> PTR:
    """The message for an errno value ("Unknown error" past _sys_nerr)."""
    return _errlist_ptr(m, errnum)


@cdecl(D)
def _strerror(m: "Machine", strErrMsg: PTR) -> PTR:
    """"MSG\\n" for the current errno, prefixed by "strErrMsg: " when given (per-thread buffer)."""
    msg = strerror_text(get_errno(m))
    pre = m.mem.cstr_bytes(strErrMsg) if strErrMsg else b""
    text = (pre[:94] + b": " if pre else b"") + msg.encode() + b"\n"
    buf = tdata(m) + TD_ERRMSG
    m.mem.write(buf, text[:133] + b"\0")
    return buf


@cdecl(D)
def _wcserror(m: "Machine", errnum: INT) -> PTR:
    """Wide strerror (per-thread buffer)."""
    buf = tdata(m) + TD_ERRMSG
    m.mem.write_wstr(buf, strerror_text(errnum)[:60])
    return buf


@cdecl(D)
def __wcserror(m: "Machine", string: PTR) -> PTR:
    """Wide _strerror: "string: message\\n" for errno (per-thread buffer)."""
    pre = m.mem.wstr(string) if string else ""
    text = (pre[:30] + ": " if pre else "") + strerror_text(get_errno(m)) + "\n"
    buf = tdata(m) + TD_ERRMSG
    m.mem.write_wstr(buf, text[:66])
    return buf


@cdecl(D)
def _wperror(m: "Machine", string: PTR) -> None:
    """Wide perror (the text goes to stderr as bytes)."""
    from .io import fd_write, get_fd  # noqa: PLC0415
    pre = m.mem.wstr(string).encode("latin-1", "replace") if string else b""
    fdo = get_fd(m, 2)
    if fdo is not None:
        fd_write(m, fdo, (pre + b": " if pre else b"") + strerror_text(get_errno(m)).encode() + b"\n")


@cdecl(D)
def perror(m: "Machine", string: PTR) -> None:
    """Write "string: message" for errno, and a newline, to stderr."""
    from .io import fd_write, get_fd  # noqa: PLC0415
    from .stream import FILE_SIZE, flush, iob, streams  # noqa: PLC0415
    st = streams(m).get(iob(m) + 2 * FILE_SIZE)
    if st is not None:
        flush(m, st)
    msg = strerror_text(get_errno(m)).encode()
    pre = m.mem.cstr_bytes(string) if string else b""
    fdo = get_fd(m, 2)
    if fdo is not None:
        fd_write(m, fdo, (pre + b": " if pre else b"") + msg + b"\n")


# ---- environment ---------------------------------------------------------------------------------------
def _find_env(m: "Machine", name: str) -> int:
    from .startup import env_list  # noqa: PLC0415
    up = name.upper()
    for i, s in enumerate(env_list(m)):
        k = s.split("=", 1)[0] if not s.startswith("=") else "=" + s[1:].split("=", 1)[0]
        if k.upper() == up:
            return i
    return -1


@cdecl(D)
def getenv(m: "Machine", varname: LPCSTR) -> PTR:
    """Value of an environment variable (a pointer into _environ), or NULL."""
    if not isinstance(varname, str) or not varname:
        return 0
    i = _find_env(m, varname)
    if i < 0:
        return 0
    arr = m.mem.u32(m.proc.export_addr(D, "_environ"))
    if not arr:
        return 0
    p = m.mem.u32(arr + 4 * i)
    return p + len(varname.encode(m.ansi, "replace")) + 1 if p else 0


@cdecl(D)
def _wgetenv(m: "Machine", varname: LPCWSTR) -> PTR:
    """Wide getenv (a pointer into _wenviron)."""
    if not isinstance(varname, str) or not varname:
        return 0
    i = _find_env(m, varname)
    if i < 0:
        return 0
    arr = m.mem.u32(m.proc.export_addr(D, "_wenviron"))
    p = m.mem.u32(arr + 4 * i) if arr else 0
    return p + 2 * (len(varname) + 1) if p else 0


def putenv(m: "Machine", s: str | int | None) -> int:
    from .startup import build_environ, env_list  # noqa: PLC0415
    if not isinstance(s, str) or "=" not in s[1:]:
        set_errno(m, EINVAL)
        return -1
    k = s.index("=", 1)
    name, value = s[:k], s[k + 1:]
    env = env_list(m)
    i = _find_env(m, name)
    if value:
        if i >= 0:
            env[i] = s
        else:
            env.append(s)
    elif i >= 0:
        del env[i]
    _env_set(m, name, value or None)
    build_environ(m)
    return 0


@cdecl(D)
def _putenv(m: "Machine", envstring: LPCSTR) -> INT:
    """Set ("NAME=value") or remove ("NAME=") a variable of the CRT and process environment; 0 or -1."""
    return putenv(m, envstring)


@cdecl(D)
def _wputenv(m: "Machine", envstring: LPCWSTR) -> INT:
    """Wide _putenv."""
    return putenv(m, envstring)


def searchenv(m: "Machine", filename: str | int | None, varname: str | int | None) -> str:
    """_searchenv: the full name of filename in the current folder or a folder of the variable, or ""."""
    import os  # noqa: PLC0415

    from ..kernel32.file import resolve  # noqa: PLC0415
    if not isinstance(filename, str) or not isinstance(varname, str):
        return ""
    dirs = [m.fs.getcwd()]
    i = _find_env(m, varname)
    if i >= 0:
        from .startup import env_list  # noqa: PLC0415
        dirs += [d for d in env_list(m)[i].split("=", 1)[1].split(";") if d]
    for d in dirs:
        cand = d.rstrip("\\/") + "\\" + filename
        hp = resolve(m, cand)
        if hp is not None and os.path.exists(hp):
            return m.fs.normalize(cand)[:259]
    set_errno(m, 2)
    return ""


@cdecl(D)
def _searchenv(m: "Machine", filename: LPCSTR, varname: LPCSTR, pathname: PTR) -> None:
    """Find filename in the current folder, then in the folders listed in an environment variable."""
    m.mem.write_cstr(pathname, searchenv(m, filename, varname), m.ansi)


@cdecl(D)
def _wsearchenv(m: "Machine", filename: LPCWSTR, varname: LPCWSTR, pathname: PTR) -> None:
    """Wide _searchenv."""
    m.mem.write_wstr(pathname, searchenv(m, filename, varname))


# ---- random numbers ------------------------------------------------------------------------------------
@cdecl(D)
def srand(m: "Machine", seed: UINT) -> None:
    """Seed the calling thread's rand() sequence."""
    m.mem.w32(tdata(m) + TD_HOLDRAND, seed)


@cdecl(D)
def rand(m: "Machine") -> INT:
    """msvcrt's LCG: seed = seed*214013 + 2531011, result (seed >> 16) & 0x7fff."""
    a = tdata(m) + TD_HOLDRAND
    s = (m.mem.u32(a) * 214013 + 2531011) & 0xFFFFFFFF
    m.mem.w32(a, s)
    return (s >> 16) & 0x7FFF


# ---- sorting and searching -----------------------------------------------------------------------------
def _cmp(m: "Machine", comp: int, a: int, b: int) -> int:
    r = m.call(comp, a, b)
    return r - (1 << 32) if r & 0x80000000 else r


def _swap(m: "Machine", a: int, b: int, width: int) -> None:
    if a != b:
        x = m.mem.read(a, width)
        m.mem.write(a, m.mem.read(b, width))
        m.mem.write(b, x)


def _shortsort(m: "Machine", lo: int, hi: int, width: int, comp: int) -> None:
    while hi > lo:
        mx = lo
        p = lo + width
        while p <= hi:
            if _cmp(m, comp, p, mx) > 0:
                mx = p
            p += width
        _swap(m, mx, hi, width)
        hi -= width


@cdecl(D)
def qsort(m: "Machine", base: PTR, num: UINT, width: UINT, compare: PTR) -> None:
    """Sort in place with msvcrt's quicksort (median of three, selection sort below 9 elements), so equal
    elements end up in the same order as on Windows."""
    if num < 2 or width == 0:
        return
    stack: list[tuple[int, int]] = []
    lo, hi = base, base + width * (num - 1)
    while True:
        size = (hi - lo) // width + 1
        if size <= 8:
            _shortsort(m, lo, hi, width, compare)
        else:
            mid = lo + (size // 2) * width
            if _cmp(m, compare, lo, mid) > 0:
                _swap(m, lo, mid, width)
            if _cmp(m, compare, lo, hi) > 0:
                _swap(m, lo, hi, width)
            if _cmp(m, compare, mid, hi) > 0:
                _swap(m, mid, hi, width)
            loguy, higuy = lo, hi
            while True:
                if mid > loguy:
                    loguy += width
                    while loguy < mid and _cmp(m, compare, loguy, mid) <= 0:
                        loguy += width
                if mid <= loguy:
                    loguy += width
                    while loguy <= hi and _cmp(m, compare, loguy, mid) <= 0:
                        loguy += width
                higuy -= width
                while higuy > mid and _cmp(m, compare, higuy, mid) > 0:
                    higuy -= width
                if higuy < loguy:
                    break
                _swap(m, loguy, higuy, width)
                if mid == higuy:
                    mid = loguy
            higuy += width
            if mid < higuy:
                higuy -= width
                while higuy > mid and _cmp(m, compare, higuy, mid) == 0:
                    higuy -= width
            if mid >= higuy:
                higuy -= width
                while higuy > lo and _cmp(m, compare, higuy, mid) == 0:
                    higuy -= width
            if higuy - lo >= hi - loguy:
                if lo < higuy:
                    stack.append((lo, higuy))
                if loguy < hi:
                    lo = loguy
                    continue
            else:
                if loguy < hi:
                    stack.append((loguy, hi))
                if lo < higuy:
                    hi = higuy
                    continue
        if not stack:
            return
        lo, hi = stack.pop()


@cdecl(D)
def bsearch(m: "Machine", key: PTR, base: PTR, num: UINT, width: UINT, compare: PTR) -> PTR:
    """Binary search of a sorted array with the guest comparator; the element or NULL."""
    lo = base
    hi = base + (num - 1) * width
    while lo <= hi:
        half = num // 2
        if half:
            mid = lo + (half if num & 1 else half - 1) * width
            r = _cmp(m, compare, key, mid)
            if r == 0:
                return mid
            if r < 0:
                hi = mid - width
                num = half if num & 1 else half - 1
            else:
                lo = mid + width
                num = half
        elif num:
            return 0 if _cmp(m, compare, key, lo) else lo
        else:
            break
    return 0


@cdecl(D)
def _lfind(m: "Machine", key: PTR, base: PTR, num: PTR, width: UINT, compare: PTR) -> PTR:
    """Linear search; the element or NULL."""
    n = m.mem.u32(num)
    for i in range(n):
        p = base + i * width
        if _cmp(m, compare, key, p) == 0:
            return p
    return 0


@cdecl(D)
def _lsearch(m: "Machine", key: PTR, base: PTR, num: PTR, width: UINT, compare: PTR) -> PTR:
    """Linear search, appending key (and incrementing *num) when absent."""
    n = m.mem.u32(num)
    for i in range(n):
        p = base + i * width
        if _cmp(m, compare, key, p) == 0:
            return p
    p = base + n * width
    m.mem.write(p, m.mem.read(key, width))
    m.mem.w32(num, n + 1)
    return p


# ---- integer arithmetic --------------------------------------------------------------------------------
native(D, "abs", "mov eax, dword ptr [esp+4]; cdq; xor eax, edx; sub eax, edx; ret", doc="absolute value")
native(D, "labs", "mov eax, dword ptr [esp+4]; cdq; xor eax, edx; sub eax, edx; ret", doc="absolute value")
# div_t / ldiv_t {quot, rem} come back in EAX:EDX; a zero divisor faults like the real idiv
native(D, "div", "mov eax, dword ptr [esp+4]; cdq; idiv dword ptr [esp+8]; ret", doc="quotient and remainder")
native(D, "ldiv", "mov eax, dword ptr [esp+4]; cdq; idiv dword ptr [esp+8]; ret", doc="quotient and remainder")


@cdecl(D)
def _abs64(m: "Machine", n: QWORD) -> QWORD:
    """Absolute value of an __int64."""
    return (-n) & 0xFFFFFFFFFFFFFFFF if n >> 63 else n


def _rot(v: int, s: int, bits: int, left: bool) -> int:
    s %= bits
    mask = (1 << bits) - 1
    if not left:
        s = (bits - s) % bits
    return ((v << s) | (v >> (bits - s))) & mask if s else v & mask


@cdecl(D)
def _rotl(m: "Machine", value: UINT, shift: INT) -> UINT:
    """Rotate 32 bits left."""
    return _rot(value, shift, 32, True)


@cdecl(D)
def _rotr(m: "Machine", value: UINT, shift: INT) -> UINT:
    """Rotate 32 bits right."""
    return _rot(value, shift, 32, False)


@cdecl(D)
def _lrotl(m: "Machine", value: UINT, shift: INT) -> UINT:
    """Rotate an unsigned long left."""
    return _rot(value, shift, 32, True)


@cdecl(D)
def _lrotr(m: "Machine", value: UINT, shift: INT) -> UINT:
    """Rotate an unsigned long right."""
    return _rot(value, shift, 32, False)


@cdecl(D)
def _rotl64(m: "Machine", value: QWORD, shift: INT) -> QWORD:
    """Rotate 64 bits left."""
    return _rot(value, shift, 64, True)


@cdecl(D)
def _rotr64(m: "Machine", value: QWORD, shift: INT) -> QWORD:
    """Rotate 64 bits right."""
    return _rot(value, shift, 64, False)


# ---- locale (the C locale) -----------------------------------------------------------------------------
LC_NAMES = {0: "LC_ALL", 1: "LC_COLLATE", 2: "LC_CTYPE", 3: "LC_MONETARY", 4: "LC_NUMERIC", 5: "LC_TIME"}


@cdecl(D)
def setlocale(m: "Machine", category: INT, locale: LPCSTR) -> PTR:
    """Query or select a locale. The emulated system's default locale ("") is the C locale, and only "C"
    (or "POSIX") can be selected; other names fail with NULL as unknown locales do."""
    if category not in LC_NAMES:
        return 0
    c = crt(m)
    p = c.extra.get("locale_C")
    if p is None:
        p = m.proc.static_cstr("C")
        c.extra["locale_C"] = p
    if locale is None or locale in ("", "C", "POSIX"):
        return p
    return 0


@cdecl(D)
def _wsetlocale(m: "Machine", category: INT, locale: LPCWSTR) -> PTR:
    """Wide setlocale."""
    if category not in LC_NAMES:
        return 0
    c = crt(m)
    p = c.extra.get("wlocale_C")
    if p is None:
        p = m.proc.static_wstr("C")
        c.extra["wlocale_C"] = p
    if locale is None or locale in ("", "C", "POSIX"):
        return p
    return 0


@cdecl(D)
def localeconv(m: "Machine") -> PTR:
    """struct lconv of the C locale: "." as decimal point, empty strings, CHAR_MAX for the numeric fields."""
    c = crt(m)
    p = c.extra.get("lconv")
    if p is None:
        dot = m.proc.static_cstr(".")
        empty = m.proc.static_cstr("")
        p = m.proc.alloc_static(48)
        m.mem.write(p, struct.pack("<10I8B", dot, empty, empty, empty, empty, empty, empty, empty, empty, empty,
                                   *([127] * 8)))
        c.extra["lconv"] = p
    return p


@cdecl(D)
def ___lc_codepage_func(m: "Machine") -> UINT:
    """Code page of the LC_CTYPE locale (0 for the C locale)."""
    return 0


@cdecl(D)
def ___lc_collate_cp_func(m: "Machine") -> UINT:
    """Code page of the LC_COLLATE locale (0 for the C locale)."""
    return 0


@cdecl(D)
def ___mb_cur_max_func(m: "Machine") -> INT:
    """MB_CUR_MAX: 1 in the C locale."""
    return 1


@cdecl(D)
def ___lc_handle_func(m: "Machine") -> PTR:
    """The locale handles (LCIDs) per category: all 0 in the C locale."""
    return m.proc.export_addr(D, "__lc_handle")


@cdecl(D)
def _getmbcp(m: "Machine") -> INT:
    """Multibyte code page: 0 (single-byte C locale)."""
    return 0
