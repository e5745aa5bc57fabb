"""comctl32: initialisation (InitCommonControls[Ex]) and the window subclass helpers (SetWindowSubclass,
GetWindowSubclass, RemoveWindowSubclass, DefSubclassProc — exported by ordinal 410..413 as on Windows).

The control classes live in their own modules, imported at the bottom so that importing this module
registers everything comctl32 and comdlg32 provide:
``comctl32_bars`` (msctls_progress32, msctls_statusbar32, CreateStatusWindow), ``comctl32_imagelist``
(ImageList_*), ``comctl32_listview`` (SysListView32) and ``comdlg32`` (common dialogs).

Subclassing: the first SetWindowSubclass on a window replaces its window procedure with comctl32's own
procedure (a hidden export, so it is a real guest address that GetWindowLong returns) and makes the window
Unicode, as comctl32 does with SetWindowLongPtrW. Messages then run through the installed callbacks, most
recent first; DefSubclassProc passes a message to the next callback, the last one to the original procedure.
The chain is dismantled after WM_NCDESTROY or when its last callback is removed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HWND, PTR, UINT, stdcall

from . import message as mm
from . import window as wm

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window

SUBCLASS_PROC = "_exeplay_SubclassProc"

# InitCommonControlsEx classes (ICC_*): every class this emulator provides is registered at process start
ICC_LISTVIEW_CLASSES, ICC_TREEVIEW_CLASSES, ICC_BAR_CLASSES, ICC_TAB_CLASSES = 0x1, 0x2, 0x4, 0x8
ICC_UPDOWN_CLASS, ICC_PROGRESS_CLASS, ICC_HOTKEY_CLASS, ICC_ANIMATE_CLASS = 0x10, 0x20, 0x40, 0x80
ICC_WIN95_CLASSES, ICC_DATE_CLASSES, ICC_USEREX_CLASSES, ICC_COOL_CLASSES = 0xFF, 0x100, 0x200, 0x400
ICC_INTERNET_CLASSES, ICC_PAGESCROLLER_CLASS, ICC_NATIVEFNTCTL_CLASS = 0x800, 0x1000, 0x2000
ICC_STANDARD_CLASSES, ICC_LINK_CLASS = 0x4000, 0x8000
ICC_ALL = 0xFFFF


@stdcall("comctl32", ordinal=17)
def InitCommonControls(m: "Machine") -> None:
    """Register the common control window classes (they are registered when comctl32 loads; nothing to do)."""
    return


@stdcall("comctl32")
def InitCommonControlsEx(m: "Machine", picce: PTR) -> BOOL:
    """Register the common control classes named by INITCOMMONCONTROLSEX.dwICC; FALSE for a bad structure."""
    if not picce:
        return 0
    size, icc = m.mem.unpack("<II", picce)
    if size != 8 or icc & ~ICC_ALL:
        return 0
    return 1


# ---- window subclassing ----------------------------------------------------------------------------------
@dataclass
class _Entry:
    proc: int
    id: int
    ref: int


@dataclass
class _Chain:
    orig_proc: int
    orig_unicode: bool
    entries: list[_Entry] = field(default_factory=list)  # most recently installed first
    running: list[tuple[_Entry | None, int]] = field(default_factory=list)  # (entry, its index when called)


def _chains(m: "Machine") -> dict[int, _Chain]:
    return m.state.setdefault("comctl32_subclass", {})


def _master(m: "Machine") -> int:
    return m.proc.export_addr("comctl32", SUBCLASS_PROC)


def _call_orig(m: "Machine", w: "Window", ch: _Chain, msg: int, wp: int, lp: int) -> int:
    """Call the window's original procedure the way CallWindowProcW would (text converted for ANSI ones)."""
    saved = w.unicode
    w.unicode = ch.orig_unicode  # call_proc converts from Unicode to the target's character set
    try:
        return mm.call_proc(m, ch.orig_proc, w, msg, wp, lp, True)
    finally:
        if not w.destroyed:
            w.unicode = saved


def _run(m: "Machine", w: "Window", ch: _Chain, pos: int, msg: int, wp: int, lp: int) -> int:
    if pos < len(ch.entries):
        e = ch.entries[pos]
        ch.running.append((e, pos))
        try:
            return m.call(e.proc, w.hwnd, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF, e.id, e.ref)
        finally:
            ch.running.pop()
    ch.running.append((None, pos))
    try:
        return _call_orig(m, w, ch, msg, wp, lp)
    finally:
        ch.running.pop()


def _restore(m: "Machine", w: "Window", ch: _Chain) -> None:
    """Put the original procedure back once no callback is left (unless someone subclassed on top of us)."""
    if ch.entries or ch.running:
        return
    if w.wndproc == _master(m):
        w.wndproc = ch.orig_proc
        w.unicode = ch.orig_unicode
        _chains(m).pop(w.hwnd, None)


@stdcall("comctl32", name=SUBCLASS_PROC)
def SubclassWndProc(m: "Machine", hWnd: HWND, uMsg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """The window procedure of windows subclassed with SetWindowSubclass: runs the callback chain."""
    w = wm.get(m, hWnd)
    ch = _chains(m).get(hWnd & 0xFFFFFFFF)
    if w is None:
        return 0
    if ch is None:  # chain already dismantled: nothing left but DefWindowProc
        from . import defwnd  # noqa: PLC0415
        return defwnd.default_proc(m, w, uMsg, wParam, lParam, True) & 0xFFFFFFFF
    r = _run(m, w, ch, 0, uMsg, wParam, lParam)
    if uMsg == mm.WM_NCDESTROY:
        ch.entries.clear()
        if not ch.running:
            _chains(m).pop(w.hwnd, None)
    elif not w.destroyed:
        _restore(m, w, ch)  # a callback may have removed itself while running
    return r & 0xFFFFFFFF


@stdcall("comctl32", ordinal=410)
def SetWindowSubclass(m: "Machine", hWnd: HWND, pfnSubclass: PTR, uIdSubclass: DWORD, dwRefData: DWORD) -> BOOL:
    """Install (or update the reference data of) a subclass callback identified by (pfnSubclass, uIdSubclass)."""
    w = wm.get(m, hWnd)
    if w is None or not pfnSubclass:
        return 0
    chains = _chains(m)
    ch = chains.get(w.hwnd)
    if ch is None:
        ch = _Chain(w.wndproc, w.unicode)
        chains[w.hwnd] = ch
        w.wndproc = _master(m)
        w.unicode = True
    for e in ch.entries:
        if e.proc == pfnSubclass and e.id == uIdSubclass:
            e.ref = dwRefData
            return 1
    ch.entries.insert(0, _Entry(pfnSubclass, uIdSubclass, dwRefData))
    return 1


@stdcall("comctl32", ordinal=411)
def GetWindowSubclass(m: "Machine", hWnd: HWND, pfnSubclass: PTR, uIdSubclass: DWORD, pdwRefData: PTR) -> BOOL:
    """Whether the callback (pfnSubclass, uIdSubclass) is installed; stores its reference data."""
    ch = _chains(m).get(hWnd & 0xFFFFFFFF)
    for e in (ch.entries if ch is not None else []):
        if e.proc == pfnSubclass and e.id == uIdSubclass:
            if pdwRefData:
                m.mem.w32(pdwRefData, e.ref)
            return 1
    if pdwRefData:
        m.mem.w32(pdwRefData, 0)
    return 0


@stdcall("comctl32", ordinal=412)
def RemoveWindowSubclass(m: "Machine", hWnd: HWND, pfnSubclass: PTR, uIdSubclass: DWORD) -> BOOL:
    """Remove a subclass callback; the original window procedure comes back with the last one."""
    w = wm.get(m, hWnd)
    ch = _chains(m).get(hWnd & 0xFFFFFFFF)
    if w is None or ch is None:
        return 0
    for e in ch.entries:
        if e.proc == pfnSubclass and e.id == uIdSubclass:
            ch.entries.remove(e)
            _restore(m, w, ch)
            return 1
    return 0


@stdcall("comctl32", ordinal=413)
def DefSubclassProc(m: "Machine", hWnd: HWND, uMsg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """From a subclass callback: pass the message to the next callback or the original window procedure."""
    w = wm.get(m, hWnd)
    ch = _chains(m).get(hWnd & 0xFFFFFFFF)
    if w is None:
        return 0
    if ch is None or not ch.running:
        from . import defwnd  # noqa: PLC0415
        return defwnd.default_proc(m, w, uMsg, wParam, lParam, True) & 0xFFFFFFFF
    cur, at = ch.running[-1]
    nxt = ch.entries.index(cur) + 1 if cur is not None and cur in ch.entries else at
    if cur is None:
        nxt = len(ch.entries)
    r = _run(m, w, ch, nxt, uMsg, wParam, lParam)
    _restore(m, w, ch)
    return r & 0xFFFFFFFF


from . import comctl32_bars, comctl32_imagelist, comctl32_listview, comdlg32  # noqa: E402, F401
