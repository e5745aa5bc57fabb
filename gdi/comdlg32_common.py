"""comdlg32: what the common dialogs share: error codes and CommDlgExtendedError's state, control ids and
styles, string helpers, the dialog ``Builder``, and the hook wrapper of the Find and Font dialogs.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import dialog, gdiobj
from . import message as mm
from . import window as wm

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


# CommDlgExtendedError codes
CDERR_DIALOGFAILURE, CDERR_STRUCTSIZE, CDERR_INITIALIZATION, CDERR_NOTEMPLATE = 0xFFFF, 0x1, 0x2, 0x3
CDERR_NOHINSTANCE, CDERR_FINDRESFAILURE, CDERR_NOHOOK = 0x4, 0x6, 0xB
FNERR_INVALIDFILENAME, FNERR_BUFFERTOOSMALL = 0x3002, 0x3003
PDERR_NODEFAULTPRN = 0x1008
FRERR_BUFFERLENGTHZERO = 0x4001
CFERR_NOFONTS = 0x2001

# OPENFILENAME flags
OFN_READONLY, OFN_OVERWRITEPROMPT, OFN_HIDEREADONLY, OFN_NOCHANGEDIR = 0x1, 0x2, 0x4, 0x8
OFN_SHOWHELP, OFN_ENABLEHOOK, OFN_ENABLETEMPLATE, OFN_ENABLETEMPLATEHANDLE = 0x10, 0x20, 0x40, 0x80
OFN_NOVALIDATE, OFN_ALLOWMULTISELECT, OFN_EXTENSIONDIFFERENT, OFN_PATHMUSTEXIST = 0x100, 0x200, 0x400, 0x800
OFN_FILEMUSTEXIST, OFN_CREATEPROMPT, OFN_NOREADONLYRETURN, OFN_EXPLORER = 0x1000, 0x2000, 0x8000, 0x80000
OFN_FORCESHOWHIDDEN = 0x10000000

# dialog control ids (dlgs.h)
chx1, chx2, rad1, rad2, grp1, grp2 = 0x410, 0x411, 0x420, 0x421, 0x430, 0x431
stc1, stc2, stc3, stc4, stc5, stc6 = 0x440, 0x441, 0x442, 0x443, 0x444, 0x445
lst1, lst2, cmb1, cmb2, cmb3, cmb4, edt1, edt2, psh1, psh2, pshHelp = \
    0x460, 0x461, 0x470, 0x471, 0x472, 0x473, 0x480, 0x481, 0x400, 0x401, 0x40E
IDOK, IDCANCEL = 1, 2

CDM_FIRST = 0x464
CDM_GETSPEC, CDM_GETFILEPATH, CDM_GETFOLDERPATH, CDM_GETFOLDERIDLIST = 0x464, 0x465, 0x466, 0x467
CDM_SETCONTROLTEXT, CDM_HIDECONTROL, CDM_SETDEFEXT = 0x468, 0x469, 0x46A
CDN_INITDONE, CDN_SELCHANGE, CDN_FOLDERCHANGE, CDN_SHAREVIOLATION = -601, -602, -603, -604
CDN_HELP, CDN_FILEOK, CDN_TYPECHANGE = -605, -606, -607

# window styles used by the dialogs' controls
WS_CHILD, WS_VISIBLE, WS_TABSTOP, WS_GROUP = wm.WS_CHILD, wm.WS_VISIBLE, wm.WS_TABSTOP, wm.WS_GROUP
WS_VSCROLL, WS_BORDER = wm.WS_VSCROLL, wm.WS_BORDER
BS_DEFPUSHBUTTON, BS_AUTOCHECKBOX, BS_GROUPBOX, BS_AUTORADIOBUTTON = 0x1, 0x3, 0x7, 0x9
ES_AUTOHSCROLL = 0x80
CBS_DROPDOWN, CBS_DROPDOWNLIST, CBS_HASSTRINGS = 0x2, 0x3, 0x200
SS_NOPREFIX, SS_SUNKEN = 0x80, 0x1000
CB_ADDSTRING, CB_GETCURSEL, CB_RESETCONTENT, CB_SETCURSEL = 0x143, 0x147, 0x14B, 0x14E
CB_GETITEMDATA, CB_SETITEMDATA = 0x150, 0x151
CBN_SELCHANGE, CBN_CLOSEUP = 1, 8
BM_GETCHECK, BM_SETCHECK = 0xF0, 0xF1
EM_SETSEL = 0xB1
EN_CHANGE, BN_CLICKED = 0x300, 0
MB_OK, MB_YESNO, MB_ICONEXCLAMATION, MB_ICONWARNING = 0x0, 0x4, 0x30, 0x30
IDYES = 6

DIALOG_STYLE = wm.WS_POPUP | wm.WS_CAPTION | wm.WS_SYSMENU | dialog.DS_MODALFRAME | dialog.DS_3DLOOK


def set_error(m: "Machine", code: int) -> None:
    m.state["commdlg_error"] = code


# ---- helpers shared by the dialogs ----------------------------------------------------------------------
def _font(m: "Machine") -> gdiobj.Font:
    f = m.state.get("commdlg_font")
    if f is None:
        f = gdiobj.Font(height=-11, face="MS Sans Serif")
        f.stock = True
        gdiobj.table(m).add(f)
        m.state["commdlg_font"] = f
    return f


def _str(m: "Machine", p: int, unicode: bool) -> str:
    if not p:
        return ""
    return m.mem.wstr(p) if unicode else m.mem.cstr(p, m.ansi)


def _strings_zz(m: "Machine", p: int, unicode: bool) -> list[str]:
    """A list of NUL-separated strings ending with an empty one (lpstrFilter)."""
    out: list[str] = []
    if not p:
        return out
    step = 2 if unicode else 1
    for _ in range(512):
        s = _str(m, p, unicode)
        if not s:
            break
        out.append(s)
        p += step * (len(s) + 1) if unicode else len(s.encode(m.ansi, "replace")) + 1
    return out


def _encode(m: "Machine", s: str, unicode: bool) -> bytes:
    return s.encode("utf-16-le") + b"\0\0" if unicode else s.encode(m.ansi, "replace") + b"\0"


def _units(m: "Machine", s: str, unicode: bool) -> int:
    """Length of ``s`` in characters (Unicode) or bytes (ANSI), as the A/W APIs count."""
    return len(s) if unicode else len(s.encode(m.ansi, "replace"))


def get_text(m: "Machine", w: "Window | None") -> str:
    """A window's text (WM_GETTEXT through its procedure)."""
    if w is None:
        return ""
    n = mm.send(m, w, mm.WM_GETTEXTLENGTH, 0, 0, unicode=True) + 1
    p = wm._tmp(m, b"\0" * (2 * n + 2))
    try:
        mm.send(m, w, mm.WM_GETTEXT, n, p, unicode=True)
        return m.mem.wstr(p)
    finally:
        wm._free_tmp(m, p)


def send_str(m: "Machine", w: "Window | None", msg: int, wp: int, s: str) -> int:
    """Send a message whose lParam is a string, in the window's character set."""
    if w is None:
        return 0
    p = wm._tmp(m, _encode(m, s, w.unicode))
    try:
        return mm.send(m, w, msg, wp, p, unicode=w.unicode)
    finally:
        wm._free_tmp(m, p)


class Builder:
    """Creates a dialog window with a Python dialog procedure and its controls (positions in dialog units)."""

    def __init__(self, m: "Machine", unicode: bool) -> None:
        self.m = m
        self.unicode = unicode
        self.font = _font(m)
        self.bx, self.by = dialog.base_units(m, self.font)
        self.w: Window | None = None

    def px(self, x: int, y: int, cx: int, cy: int) -> tuple[int, int, int, int]:
        return dialog.dlu_rect(self.bx, self.by, x, y, cx, cy)

    def dialog(self, title: str, cx: int, cy: int, owner: int, proc: Callable[..., int | None],
               extra_h: int = 0, extra_w: int = 0, modal: bool = True) -> "Window | None":
        from . import desktop, nonclient  # noqa: PLC0415
        m = self.m
        r = self.px(0, 0, cx, cy)
        cw, ch = max(r[2], extra_w), r[3] + extra_h
        exstyle = wm.WS_EX_DLGMODALFRAME | wm.WS_EX_CONTROLPARENT
        fl, ft, fr, fb = nonclient.frame_for_style(m, DIALOG_STYLE, exstyle, False)
        ww, wh = cw + fl + fr, ch + ft + fb
        scr = desktop.screen(m)
        ow = wm.get(m, owner) if owner else None
        if ow is not None and wm.really_visible(ow):
            top = wm.top_level(ow)
            x, y = top.rect[0] + (top.width - ww) // 2, top.rect[1] + (top.height - wh) // 2
        else:
            x, y = (scr.width - ww) // 2, (scr.height - wh) // 2
        x = max(0, min(x, scr.width - ww))
        y = max(0, min(y, scr.height - wh))
        m.state["dlg_pending"] = (0, proc, self.font, (self.bx, self.by), self.unicode)
        try:
            h = wm.create_window(m, exstyle, "#32770", title, DIALOG_STYLE, x, y, ww, wh, owner, 0, 0, 0,
                                 self.unicode)
        finally:
            m.state.pop("dlg_pending", None)
        self.w = wm.get(m, h)
        if self.w is not None:
            mm.send(m, self.w, mm.WM_SETFONT, self.font.handle, 0)
            dialog.dlg_data(self.w).modal = modal
        return self.w

    def control(self, cls: str, text: str, style: int, x: int, y: int, cx: int, cy: int, cid: int,
                exstyle: int = 0, pixels: tuple[int, int, int, int] | None = None) -> "Window | None":
        m = self.m
        assert self.w is not None
        r = pixels if pixels is not None else self.px(x, y, cx, cy)
        h = wm.create_window(m, exstyle | wm.WS_EX_NOPARENTNOTIFY, cls, text, style | WS_CHILD | WS_VISIBLE,
                             r[0], r[1], r[2] - r[0], r[3] - r[1], self.w.hwnd, cid, 0, 0, self.unicode)
        c = wm.get(m, h)
        if c is None:
            m.log(f"comdlg32: could not create a {cls} control for the dialog")
            return None
        mm.send(m, c, mm.WM_SETFONT, self.font.handle, 0)
        return c


def _show(m: "Machine", w: "Window", focus: "Window | None") -> None:
    d = dialog.dlg_data(w)
    d.focus = focus
    wm.show_window(m, w, wm.SW_SHOW)
    if focus is not None and not focus.destroyed:
        wm.set_focus(m, focus)
        if focus.cls.name.lower() == "edit":
            mm.send(m, focus, EM_SETSEL, 0, 0xFFFFFFFF)
    wm.update_window(m, w)


# ---- hooks of the Find and Font dialogs ------------------------------------------------------------------------
def _hooked(proc: Callable[..., int | None], hook: int, init_lp: int) -> Callable[..., int | None]:
    """Put a program's hook procedure in front of a dialog's Python procedure, as Windows does for CF_ENABLEHOOK /
    FR_ENABLEHOOK: the hook sees every message first (WM_INITDIALOG after the dialog is set up, with the
    structure's address) and a non-zero answer means the dialog does not process it."""
    if not hook:
        return proc

    def wrapped(m: "Machine", w: "Window", msg: int, wp: int, lp: int) -> int | None:
        if msg == mm.WM_INITDIALOG:
            proc(m, w, msg, wp, lp)
            return m.call(hook, w.hwnd, msg, wp & 0xFFFFFFFF, init_lp) & 0xFFFFFFFF
        r = m.call(hook, w.hwnd, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF)
        if w.destroyed or r & 0xFFFFFFFF:
            return r & 0xFFFFFFFF
        return proc(m, w, msg, wp, lp)
    return wrapped
