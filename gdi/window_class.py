"""user32 window classes: RegisterClass(Ex), UnregisterClass, GetClassInfo(Ex), GetClassName, class longs."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, stdcall

from .window_core import (
    CS_GLOBALCLASS, GCL_CBCLSEXTRA, GCL_CBWNDEXTRA, GCL_HBRBACKGROUND, GCL_HCURSOR, GCL_HICON, GCL_HICONSM,
    GCL_HMODULE, GCL_MENUNAME, GCL_STYLE, GCL_WNDPROC, GCW_ATOM, Window, WindowClass, get, state,
)

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- classes ------------------------------------------------------------------------------------------
def find_class(m: "Machine", name: str | int | None, hinst: int = 0) -> WindowClass | None:
    st = state(m)
    if isinstance(name, int):
        return st.atoms.get(name)
    if name is None:
        return None
    return st.classes.get(name.lower())


def register_class(m: "Machine", wc: WindowClass) -> int:
    st = state(m)
    key = wc.name.lower()
    old = st.classes.get(key)
    if old is not None and not old.builtin:
        m.set_last_error(1410)  # ERROR_CLASS_ALREADY_EXISTS
        return 0
    if old is not None and old.builtin:
        wc.atom = old.atom  # a program's class replaces a built-in one of the same name for this process
    else:
        wc.atom = st.next_atom
        st.next_atom += 1
    wc.extra = bytearray(wc.cls_extra)
    st.classes[key] = wc
    st.atoms[wc.atom] = wc
    return wc.atom


def register_builtin_class(m: "Machine", name: str, proc_name: str, style: int = 0, wnd_extra: int = 0,
                           background: int = 0, cursor: int = 0) -> WindowClass:
    """Register a built-in class whose window procedure is the user32 export ``proc_name`` (a Python proc)."""
    st = state(m)
    addr = m.proc.export_addr("user32", proc_name)
    if cursor:
        from . import cursor as cursor_mod  # noqa: PLC0415
        cursor = cursor_mod.system_cursor(m, cursor)
    wc = WindowClass(name=name, atom=0, style=style | CS_GLOBALCLASS, wndproc=addr, wnd_extra=wnd_extra,
                     background=background, cursor=cursor, builtin=True)
    if name.startswith("#"):
        wc.atom = int(name[1:])
    else:
        wc.atom = st.next_atom
        st.next_atom += 1
    st.classes[name.lower()] = wc
    st.atoms[wc.atom] = wc
    return wc


def _read_wndclass(m: "Machine", p: int, ex: bool, unicode: bool) -> WindowClass:
    if ex:
        (_cb, style, proc, cls_extra, wnd_extra, hinst, icon, cursor, bg, menu, name, icon_sm) = \
            m.mem.unpack("<12I", p)
    else:
        style, proc, cls_extra, wnd_extra, hinst, icon, cursor, bg, menu, name = m.mem.unpack("<10I", p)
        icon_sm = 0

    def s(a: int) -> str | int | None:
        if a == 0:
            return None
        if a < 0x10000:
            return a
        return m.mem.wstr(a) if unicode else m.mem.cstr(a, m.ansi)
    cname = s(name)
    if isinstance(cname, int):
        cname = f"#{cname}"
    return WindowClass(name=cname or "", atom=0, style=style, wndproc=proc, cls_extra=cls_extra,
                       wnd_extra=wnd_extra, hinstance=hinst, icon=icon, cursor=cursor, background=bg,
                       menu_name=s(menu), icon_sm=icon_sm, unicode=unicode)


@stdcall("user32")
def RegisterClassA(m: "Machine", lpWndClass: PTR) -> DWORD:
    """Register a window class (WNDCLASSA); returns its atom."""
    return register_class(m, _read_wndclass(m, lpWndClass, False, False))


@stdcall("user32")
def RegisterClassW(m: "Machine", lpWndClass: PTR) -> DWORD:
    """Register a window class (WNDCLASSW); returns its atom."""
    return register_class(m, _read_wndclass(m, lpWndClass, False, True))


@stdcall("user32")
def RegisterClassExA(m: "Machine", lpwcx: PTR) -> DWORD:
    """Register a window class (WNDCLASSEXA); returns its atom."""
    return register_class(m, _read_wndclass(m, lpwcx, True, False))


@stdcall("user32")
def RegisterClassExW(m: "Machine", lpwcx: PTR) -> DWORD:
    """Register a window class (WNDCLASSEXW); returns its atom."""
    return register_class(m, _read_wndclass(m, lpwcx, True, True))


def _unregister(m: "Machine", name: str | int | None) -> int:
    wc = find_class(m, name)
    if wc is None or wc.builtin:
        m.set_last_error(1411)  # ERROR_CLASS_DOES_NOT_EXIST
        return 0
    st = state(m)
    if any(w.cls is wc for w in st.windows.values()):
        m.set_last_error(1412)  # ERROR_CLASS_HAS_WINDOWS
        return 0
    st.classes.pop(wc.name.lower(), None)
    st.atoms.pop(wc.atom, None)
    return 1


@stdcall("user32")
def UnregisterClassA(m: "Machine", lpClassName: LPCSTR, hInstance: HANDLE) -> BOOL:
    """Remove a window class that has no windows."""
    return _unregister(m, lpClassName)


@stdcall("user32")
def UnregisterClassW(m: "Machine", lpClassName: LPCWSTR, hInstance: HANDLE) -> BOOL:
    """Remove a window class that has no windows."""
    return _unregister(m, lpClassName)


def _class_info(m: "Machine", name: str | int | None, p: int, ex: bool, unicode: bool) -> int:
    wc = find_class(m, name)
    if wc is None:
        m.set_last_error(1411)
        return 0
    menu = 0
    if isinstance(wc.menu_name, int):
        menu = wc.menu_name
    elif wc.menu_name:
        menu = m.proc.static_wstr(wc.menu_name) if unicode else m.proc.static_cstr(wc.menu_name)
    cname = p and (m.proc.static_wstr(wc.name) if unicode else m.proc.static_cstr(wc.name))
    vals = [wc.style, wc.wndproc, wc.cls_extra, wc.wnd_extra, wc.hinstance, wc.icon, wc.cursor, wc.background,
            menu, cname]
    if ex:
        m.mem.pack("<12I", p, 48, *vals, wc.icon_sm)
    else:
        m.mem.pack("<10I", p, *vals)
    return wc.atom


@stdcall("user32")
def GetClassInfoA(m: "Machine", hInstance: HANDLE, lpClassName: LPCSTR, lpWndClass: PTR) -> BOOL:
    """Fill a WNDCLASSA for a registered class."""
    return _class_info(m, lpClassName, lpWndClass, False, False)


@stdcall("user32")
def GetClassInfoW(m: "Machine", hInstance: HANDLE, lpClassName: LPCWSTR, lpWndClass: PTR) -> BOOL:
    """Fill a WNDCLASSW for a registered class."""
    return _class_info(m, lpClassName, lpWndClass, False, True)


@stdcall("user32")
def GetClassInfoExA(m: "Machine", hInstance: HANDLE, lpszClass: LPCSTR, lpwcx: PTR) -> BOOL:
    """Fill a WNDCLASSEXA; returns the atom."""
    return _class_info(m, lpszClass, lpwcx, True, False)


@stdcall("user32")
def GetClassInfoExW(m: "Machine", hInstance: HANDLE, lpszClass: LPCWSTR, lpwcx: PTR) -> BOOL:
    """Fill a WNDCLASSEXW; returns the atom."""
    return _class_info(m, lpszClass, lpwcx, True, True)


def _class_name(m: "Machine", hWnd: int, buf: int, n: int, unicode: bool) -> int:
    w = get(m, hWnd)
    if w is None or n <= 0:
        return 0
    s = w.cls.name[:n - 1]
    if unicode:
        m.mem.write_wstr(buf, s)
    else:
        m.mem.write(buf, s.encode(m.ansi, "replace") + b"\0")
    return len(s)


@stdcall("user32")
def GetClassNameA(m: "Machine", hWnd: HWND, lpClassName: PTR, nMaxCount: INT) -> INT:
    """The window's class name."""
    return _class_name(m, hWnd, lpClassName, nMaxCount, False)


@stdcall("user32")
def GetClassNameW(m: "Machine", hWnd: HWND, lpClassName: PTR, nMaxCount: INT) -> INT:
    """The window's class name."""
    return _class_name(m, hWnd, lpClassName, nMaxCount, True)


def _class_long(m: "Machine", w: Window, idx: int, new: int | None) -> int:
    wc = w.cls
    fields = {GCL_MENUNAME: None, GCL_HBRBACKGROUND: "background", GCL_HCURSOR: "cursor", GCL_HICON: "icon",
              GCL_HMODULE: "hinstance", GCL_CBWNDEXTRA: "wnd_extra", GCL_CBCLSEXTRA: "cls_extra",
              GCL_WNDPROC: "wndproc", GCL_STYLE: "style", GCL_HICONSM: "icon_sm"}
    if idx >= 0:
        if idx + 4 > len(wc.extra):
            m.set_last_error(1413)
            return 0
        old = struct.unpack_from("<I", wc.extra, idx)[0]
        if new is not None:
            struct.pack_into("<I", wc.extra, idx, new & 0xFFFFFFFF)
        return old
    if idx == GCW_ATOM:
        return wc.atom
    attr = fields.get(idx)
    if attr is None:
        m.set_last_error(1413)
        return 0
    old = getattr(wc, attr)
    if new is not None:
        setattr(wc, attr, new & 0xFFFFFFFF)
    return old if isinstance(old, int) else 0


@stdcall("user32")
def GetClassLongA(m: "Machine", hWnd: HWND, nIndex: INT) -> DWORD:
    """A value of the window's class (GCL_*) or its extra bytes."""
    w = get(m, hWnd)
    return _class_long(m, w, nIndex, None) if w else 0


@stdcall("user32")
def GetClassLongW(m: "Machine", hWnd: HWND, nIndex: INT) -> DWORD:
    """A value of the window's class (GCL_*) or its extra bytes."""
    return GetClassLongA(m, hWnd, nIndex)


@stdcall("user32")
def SetClassLongA(m: "Machine", hWnd: HWND, nIndex: INT, dwNewLong: DWORD) -> DWORD:
    """Change a value of the window's class; returns the old value."""
    w = get(m, hWnd)
    return _class_long(m, w, nIndex, dwNewLong) if w else 0


@stdcall("user32")
def SetClassLongW(m: "Machine", hWnd: HWND, nIndex: INT, dwNewLong: DWORD) -> DWORD:
    """Change a value of the window's class; returns the old value."""
    return SetClassLongA(m, hWnd, nIndex, dwNewLong)
