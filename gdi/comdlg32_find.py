"""comdlg32 Find / Replace: the modeless FindTextA/W and ReplaceTextA/W dialogs (FINDMSGSTRING)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import HWND, PTR, stdcall

from . import message as mm
from . import window as wm
from .comdlg32_common import (
    BM_GETCHECK, BM_SETCHECK, BS_AUTOCHECKBOX, BS_AUTORADIOBUTTON, BS_DEFPUSHBUTTON, BS_GROUPBOX,
    Builder, CDERR_DIALOGFAILURE, CDERR_NOHOOK, CDERR_NOTEMPLATE, CDERR_STRUCTSIZE, EN_CHANGE, ES_AUTOHSCROLL,
    FRERR_BUFFERLENGTHZERO, IDCANCEL, IDOK, WS_BORDER, WS_GROUP, WS_TABSTOP, _hooked, _show, _str, chx1, chx2, edt1,
    edt2, get_text, grp1, psh1, psh2, pshHelp, rad1, rad2, set_error,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


# ---- Find / Replace -------------------------------------------------------------------------------------------
FR_DOWN, FR_WHOLEWORD, FR_MATCHCASE, FR_FINDNEXT, FR_REPLACE, FR_REPLACEALL = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20
FR_DIALOGTERM, FR_SHOWHELP, FR_ENABLEHOOK, FR_ENABLETEMPLATE, FR_NOUPDOWN = 0x40, 0x80, 0x100, 0x200, 0x400
FR_NOMATCHCASE, FR_NOWHOLEWORD, FR_ENABLETEMPLATEHANDLE, FR_HIDEUPDOWN = 0x800, 0x1000, 0x2000, 0x4000
FR_HIDEMATCHCASE, FR_HIDEWHOLEWORD = 0x8000, 0x10000
FINDMSGSTRING = "commdlg_FindReplace"


def _find_dialog(m: "Machine", p: int, unicode: bool, replace: bool) -> int:
    set_error(m, 0)
    if not p or m.mem.u32(p) != 40:
        set_error(m, CDERR_STRUCTSIZE)
        return 0
    _size, howner, _hinst, flags, pfind, prepl, nfind, nrepl, _cust, hook, _templ = m.mem.unpack("<6IHHIII", p)
    owner = wm.get(m, howner)
    if owner is None:
        set_error(m, CDERR_DIALOGFAILURE)
        return 0
    if not pfind or not nfind or (replace and (not prepl or not nrepl)):
        set_error(m, FRERR_BUFFERLENGTHZERO)
        return 0
    if flags & (FR_ENABLETEMPLATE | FR_ENABLETEMPLATEHANDLE):
        m.log("comdlg32: a Find/Replace dialog template is not supported")
        set_error(m, CDERR_NOTEMPLATE)
        return 0
    if flags & FR_ENABLEHOOK and not hook:
        set_error(m, CDERR_NOHOOK)
        return 0
    notify_msg = mm.RegisterWindowMessageW(m, FINDMSGSTRING)
    b = Builder(m, unicode)
    state: dict[str, "Window | None"] = {}

    def report(extra: int) -> None:
        """Copy the dialog's choices into the FINDREPLACE and send FINDMSGSTRING to the owner."""
        fl = m.mem.u32(p + 12) & ~(FR_FINDNEXT | FR_REPLACE | FR_REPLACEALL | FR_DIALOGTERM | FR_DOWN
                                   | FR_MATCHCASE | FR_WHOLEWORD)
        w = state.get("dlg")
        if w is not None and not extra & FR_DIALOGTERM:
            what = get_text(m, wm.child_by_id(w, edt1))
            mm.write_text_result(m, pfind, nfind, what, unicode)
            if replace:
                mm.write_text_result(m, prepl, nrepl, get_text(m, wm.child_by_id(w, edt2)), unicode)
            for cid, bit in ((chx1, FR_WHOLEWORD), (chx2, FR_MATCHCASE)):
                c = wm.child_by_id(w, cid)
                if c is not None and mm.send(m, c, BM_GETCHECK, 0, 0):
                    fl |= bit
            down = wm.child_by_id(w, rad2)
            if replace or down is None or mm.send(m, down, BM_GETCHECK, 0, 0):
                fl |= FR_DOWN
        else:
            fl |= m.mem.u32(p + 12) & (FR_DOWN | FR_MATCHCASE | FR_WHOLEWORD)
        m.mem.w32(p + 12, fl | extra)
        target = wm.get(m, howner)
        if target is not None:
            mm.send(m, target, notify_msg, 0, p)

    def proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int) -> int | None:
        if msg == mm.WM_INITDIALOG:
            return 1
        if msg == mm.WM_COMMAND:
            cid, code = wp & 0xFFFF, (wp >> 16) & 0xFFFF
            if cid == IDOK:
                report(FR_FINDNEXT)
                return 1
            if cid == psh1 and replace:
                report(FR_REPLACE)
                return 1
            if cid == psh2 and replace:
                report(FR_REPLACEALL)
                return 1
            if cid == IDCANCEL:
                report(FR_DIALOGTERM)
                if not w.destroyed:
                    wm.destroy_window(m, w)
                return 1
            if cid == edt1 and code == EN_CHANGE:
                empty = not get_text(m, wm.child_by_id(w, edt1))
                for bid in (IDOK, psh1, psh2):
                    c = wm.child_by_id(w, bid)
                    if c is not None:
                        wm.EnableWindow(m, c.hwnd, int(not empty))
                return 1
            return None
        return None

    title = "Replace" if replace else "Find"
    cx, cy = (230, 94) if replace else (236, 62)
    w = b.dialog(title, cx, cy, howner, _hooked(proc, hook if flags & FR_ENABLEHOOK else 0, p), modal=False)
    if w is None:
        set_error(m, CDERR_DIALOGFAILURE)
        return 0
    state["dlg"] = w
    what = _str(m, pfind, unicode)
    bw = 160 if replace else 182
    if replace:
        b.control("Static", "Fi&nd what:", 0, 4, 9, 48, 8, -1 & 0xFFFF)
        edit = b.control("Edit", what, ES_AUTOHSCROLL | WS_BORDER | WS_GROUP | WS_TABSTOP, 54, 7, 100, 12, edt1)
        b.control("Static", "Re&place with:", 0, 4, 26, 48, 8, -1 & 0xFFFF)
        b.control("Edit", _str(m, prepl, unicode), ES_AUTOHSCROLL | WS_BORDER | WS_GROUP | WS_TABSTOP,
                  54, 24, 100, 12, edt2)
        b.control("Button", "Match &whole word only", BS_AUTOCHECKBOX | WS_GROUP | WS_TABSTOP, 5, 46, 104, 12, chx1)
        b.control("Button", "Match &case", BS_AUTOCHECKBOX | WS_TABSTOP, 5, 62, 59, 12, chx2)
        b.control("Button", "&Find Next", BS_DEFPUSHBUTTON | WS_GROUP | WS_TABSTOP, bw + 14, 4, 50, 14, IDOK)
        b.control("Button", "&Replace", WS_GROUP | WS_TABSTOP, bw + 14, 21, 50, 14, psh1)
        b.control("Button", "Replace &All", WS_GROUP | WS_TABSTOP, bw + 14, 38, 50, 14, psh2)
        b.control("Button", "Cancel", WS_GROUP | WS_TABSTOP, bw + 14, 55, 50, 14, IDCANCEL)
        help_y = 75
    else:
        b.control("Static", "Fi&nd what:", 0, 4, 8, 42, 8, -1 & 0xFFFF)
        edit = b.control("Edit", what, ES_AUTOHSCROLL | WS_BORDER | WS_GROUP | WS_TABSTOP, 47, 7, 128, 12, edt1)
        b.control("Button", "Match &whole word only", BS_AUTOCHECKBOX | WS_GROUP | WS_TABSTOP, 4, 26, 100, 12, chx1)
        b.control("Button", "Match &case", BS_AUTOCHECKBOX | WS_TABSTOP, 4, 42, 64, 12, chx2)
        b.control("Button", "Direction", BS_GROUPBOX | WS_GROUP, 107, 26, 68, 28, grp1)
        b.control("Button", "&Up", BS_AUTORADIOBUTTON | WS_GROUP | WS_TABSTOP, 111, 38, 25, 12, rad1)
        b.control("Button", "&Down", BS_AUTORADIOBUTTON, 138, 38, 30, 12, rad2)
        b.control("Button", "&Find Next", BS_DEFPUSHBUTTON | WS_GROUP | WS_TABSTOP, bw, 5, 50, 14, IDOK)
        b.control("Button", "Cancel", WS_GROUP | WS_TABSTOP, bw, 23, 50, 14, IDCANCEL)
        help_y = 45
    if flags & FR_SHOWHELP:
        b.control("Button", "&Help", WS_GROUP | WS_TABSTOP, bw + (14 if replace else 0), help_y, 50, 14, pshHelp)
    for cid, bit, hide_bit, no_bit in ((chx1, FR_WHOLEWORD, FR_HIDEWHOLEWORD, FR_NOWHOLEWORD),
                                       (chx2, FR_MATCHCASE, FR_HIDEMATCHCASE, FR_NOMATCHCASE)):
        c = wm.child_by_id(w, cid)
        if c is None:
            continue
        if flags & bit:
            mm.send(m, c, BM_SETCHECK, 1, 0)
        if flags & hide_bit:
            wm.show_window(m, c, wm.SW_HIDE)
        elif flags & no_bit:
            wm.EnableWindow(m, c.hwnd, 0)
    if not replace:
        up, down = wm.child_by_id(w, rad1), wm.child_by_id(w, rad2)
        sel = down if flags & FR_DOWN else up
        if sel is not None:
            mm.send(m, sel, BM_SETCHECK, 1, 0)
        for c in (up, down, wm.child_by_id(w, grp1)):
            if c is None:
                continue
            if flags & FR_HIDEUPDOWN:
                wm.show_window(m, c, wm.SW_HIDE)
            elif flags & FR_NOUPDOWN:
                wm.EnableWindow(m, c.hwnd, 0)
    if not what:
        for bid in (IDOK, psh1, psh2):
            c = wm.child_by_id(w, bid)
            if c is not None:
                wm.EnableWindow(m, c.hwnd, 0)
    r = mm.send(m, w, mm.WM_INITDIALOG, edit.hwnd if edit is not None else 0, p)
    if w.destroyed:
        return 0
    _show(m, w, edit if r else None)
    return w.hwnd


@stdcall("comdlg32")
def FindTextA(m: "Machine", lpfr: PTR) -> HWND:
    """Create the modeless Find dialog; it reports to hwndOwner with the FINDMSGSTRING message."""
    return _find_dialog(m, lpfr, False, False)


@stdcall("comdlg32")
def FindTextW(m: "Machine", lpfr: PTR) -> HWND:
    """Create the modeless Find dialog; it reports to hwndOwner with the FINDMSGSTRING message."""
    return _find_dialog(m, lpfr, True, False)


@stdcall("comdlg32")
def ReplaceTextA(m: "Machine", lpfr: PTR) -> HWND:
    """Create the modeless Replace dialog; it reports to hwndOwner with the FINDMSGSTRING message."""
    return _find_dialog(m, lpfr, False, True)


@stdcall("comdlg32")
def ReplaceTextW(m: "Machine", lpfr: PTR) -> HWND:
    """Create the modeless Replace dialog; it reports to hwndOwner with the FINDMSGSTRING message."""
    return _find_dialog(m, lpfr, True, True)
