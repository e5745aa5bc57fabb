"""MessageBox: a modal dialog built at run time (icon, word-wrapped text, the button row), laid out like
Windows 9x message boxes and run with the dialog manager's modal loop.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import DWORD, HWND, INT, LPCSTR, LPCWSTR, PTR, QWORD, native, stdcall

from . import dialog, gdiobj
from . import message as mm
from . import window as wm

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window

MB_OK, MB_OKCANCEL, MB_ABORTRETRYIGNORE, MB_YESNOCANCEL, MB_YESNO, MB_RETRYCANCEL, MB_CANCELTRYCONTINUE = range(7)
MB_ICONHAND, MB_ICONQUESTION, MB_ICONEXCLAMATION, MB_ICONASTERISK = 0x10, 0x20, 0x30, 0x40
MB_USERICON = 0x80
MB_DEFMASK, MB_HELP, MB_SETFOREGROUND = 0xF00, 0x4000, 0x10000
MB_TOPMOST, MB_SYSTEMMODAL, MB_TASKMODAL = 0x40000, 0x1000, 0x2000
IDOK, IDCANCEL, IDABORT, IDRETRY, IDIGNORE, IDYES, IDNO, IDTRYAGAIN, IDCONTINUE, IDHELP = 1, 2, 3, 4, 5, 6, 7, 10, 11, 9

_BUTTONS = {
    MB_OK: [(IDOK, "OK")],
    MB_OKCANCEL: [(IDOK, "OK"), (IDCANCEL, "Cancel")],
    MB_ABORTRETRYIGNORE: [(IDABORT, "&Abort"), (IDRETRY, "&Retry"), (IDIGNORE, "&Ignore")],
    MB_YESNOCANCEL: [(IDYES, "&Yes"), (IDNO, "&No"), (IDCANCEL, "Cancel")],
    MB_YESNO: [(IDYES, "&Yes"), (IDNO, "&No")],
    MB_RETRYCANCEL: [(IDRETRY, "&Retry"), (IDCANCEL, "Cancel")],
    MB_CANCELTRYCONTINUE: [(IDCANCEL, "Cancel"), (IDTRYAGAIN, "&Try Again"), (IDCONTINUE, "&Continue")],
}
_ICONS = {MB_ICONHAND: 32513, MB_ICONQUESTION: 32514, MB_ICONEXCLAMATION: 32515, MB_ICONASTERISK: 32516}

MARGIN = 11
ICON = 32
BUTTON_W, BUTTON_H, BUTTON_GAP = 75, 23, 6


def message_box(m: "Machine", hwnd: int, text: str, caption: str | None, mtype: int, unicode: bool,
                icon_name: int | str | None = None, hinst: int = 0) -> int:
    """Show a message box (modal loop run from Python) and return the id of the button that closed it."""
    w = create_message_box(m, hwnd, text, caption, mtype, unicode, icon_name, hinst)
    if w is None:
        return 0
    return dialog.run_modal(m, w, wm.get(m, hwnd) if hwnd else None, unicode)


def create_message_box(m: "Machine", hwnd: int, text: str, caption: str | None, mtype: int, unicode: bool,
                       icon_name: int | str | None = None, hinst: int = 0) -> "Window | None":
    """Build and show a message box window (its buttons end it with EndDialog(button id))."""
    from . import desktop, nonclient, text as textmod  # noqa: PLC0415
    if caption is None:
        caption = "Error"
    buttons = list(_BUTTONS.get(mtype & 0xF, _BUTTONS[MB_OK]))
    if mtype & MB_HELP:
        buttons.append((IDHELP, "Help"))
    default_index = min((mtype & MB_DEFMASK) >> 8, len(buttons) - 1)
    icon_id = icon_name if mtype & 0xF0 == MB_USERICON else _ICONS.get(mtype & 0xF0)
    font = gdiobj.Font(height=-11, face="MS Sans Serif")
    gdiobj.table(m).add(font)
    scr = desktop.screen(m)
    # measure the text with a scratch DC
    from .dc import new_memory_dc  # noqa: PLC0415
    dc = new_memory_dc(m)
    dc.font = font
    try:
        max_w = scr.width * 3 // 5
        # DT_WORDBREAK | DT_EXPANDTABS | DT_CALCRECT | DT_NOPREFIX
        _h, r = textmod.draw_text(dc, text, (0, 0, max_w, 0), 0x10 | 0x40 | 0x400 | 0x800)
        tw, th = r[2] - r[0], r[3] - r[1]
        cap_w, _ = textmod.text_extent(dc, caption)
        bws = []
        for _bid, label in buttons:
            lw, _ = textmod.text_extent(dc, label.replace("&", ""))
            bws.append(max(BUTTON_W, lw + 16))
    finally:
        gdiobj.table(m).delete(dc.handle)
    tx = MARGIN + (ICON + MARGIN if icon_id else 0)
    text_top = MARGIN
    if icon_id and th < ICON:
        text_top = MARGIN + (ICON - th) // 2
    content_bottom = max(text_top + th, MARGIN + ICON if icon_id else 0)
    row_w = sum(bws) + BUTTON_GAP * (len(bws) - 1)
    client_w = max(tx + tw + MARGIN, row_w + 2 * MARGIN, cap_w + 48)
    by = content_bottom + MARGIN
    client_h = by + BUTTON_H + MARGIN
    style = wm.WS_POPUP | wm.WS_CAPTION | wm.WS_SYSMENU | dialog.DS_MODALFRAME
    exstyle = wm.WS_EX_DLGMODALFRAME | (wm.WS_EX_TOPMOST if mtype & (MB_TOPMOST | MB_SYSTEMMODAL) else 0)
    fl, ft, fr, fb = nonclient.frame_for_style(m, style, exstyle, False)
    ww, wh = client_w + fl + fr, client_h + ft + fb
    x = (scr.width - ww) // 2
    y = (scr.height - wh) // 2
    has_cancel = any(b[0] == IDCANCEL for b in buttons)

    def proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int) -> int | None:
        if msg == mm.WM_INITDIALOG:
            return 1
        if msg == mm.WM_NCDESTROY:
            gdiobj.table(m).delete(font.handle)
            return None
        if msg == mm.WM_COMMAND:
            bid = wp & 0xFFFF
            if bid == IDCANCEL and not has_cancel:
                if len(buttons) == 1:
                    bid = buttons[0][0]
                else:
                    return 1
            if any(b[0] == bid for b in buttons) and bid != IDHELP:
                dialog.EndDialog(m, w.hwnd, bid)
            return 1
        return None

    m.state["dlg_pending"] = (0, proc, font, dialog.base_units(m, font), unicode)
    try:
        h = wm.create_window(m, exstyle, "#32770", caption, style, x, y, ww, wh, hwnd, 0, hinst, 0, unicode)
    finally:
        m.state.pop("dlg_pending", None)
    w = wm.get(m, h)
    if w is None:
        return None
    hfont = font.handle
    mm.send(m, w, mm.WM_SETFONT, hfont, 0)
    if icon_id:
        from . import cursor  # noqa: PLC0415
        load_icon = getattr(cursor, "load_icon", None)
        hicon = load_icon(m, hinst if mtype & 0xF0 == MB_USERICON else 0, icon_id) if load_icon else 0
        ic = wm.create_window(m, 0, "Static", None, wm.WS_CHILD | wm.WS_VISIBLE | 0x3, MARGIN, MARGIN, ICON, ICON,
                              h, 0x14, hinst, 0, unicode)
        c = wm.get(m, ic)
        if c is not None and hicon:
            mm.send(m, c, 0x170, hicon, 0)  # STM_SETICON
    st = wm.create_window(m, 0, "Static", text, wm.WS_CHILD | wm.WS_VISIBLE | wm.WS_GROUP | 0x80, tx, text_top,
                          tw + 1, th, h, 0xFFFF, hinst, 0, unicode)  # SS_LEFT|SS_NOPREFIX
    c = wm.get(m, st)
    if c is not None:
        mm.send(m, c, mm.WM_SETFONT, hfont, 0)
    bx = (client_w - row_w) // 2
    first: Window | None = None
    for i, ((bid, label), bw) in enumerate(zip(buttons, bws)):
        bstyle = wm.WS_CHILD | wm.WS_VISIBLE | wm.WS_TABSTOP | (1 if i == default_index else 0)
        if i == 0:
            bstyle |= wm.WS_GROUP
        hb = wm.create_window(m, 0, "Button", label, bstyle, bx, by, bw, BUTTON_H, h, bid, hinst, 0, unicode)
        b = wm.get(m, hb)
        if b is not None:
            mm.send(m, b, mm.WM_SETFONT, hfont, 0)
            if i == default_index:
                first = b
        bx += bw + BUTTON_GAP
    d = dialog.dlg_data(w)
    d.def_id = buttons[default_index][0]
    d.focus = first
    wm.show_window(m, w, wm.SW_SHOW)
    if first is not None:
        wm.set_focus(m, first)
    wm.update_window(m, w)
    return w


def _text(m: "Machine", p: int, unicode: bool) -> str | None:
    if not p:
        return None
    return m.mem.wstr(p) if unicode else m.mem.cstr(p, m.ansi)


def _begin(m: "Machine", hWnd: int, text: str | int | None, caption: str | int | None, uType: int,
           unicode: bool) -> int:
    w = create_message_box(m, hWnd, text if isinstance(text, str) else "",
                           caption if isinstance(caption, str) or caption is None else str(caption), uType, unicode)
    if w is None:
        return 0
    dialog.begin_modal(m, w, wm.get(m, hWnd) if hWnd else None)
    return w.hwnd


@stdcall("user32")
def _exeplay_MsgBoxBeginA(m: "Machine", hWnd: HWND, lpText: LPCSTR, lpCaption: LPCSTR, uType: DWORD) -> QWORD:
    """MessageBoxA's first half: the shown message box (see dialog._modal_loop_asm)."""
    return _begin(m, hWnd, lpText, lpCaption, uType, False)


@stdcall("user32")
def _exeplay_MsgBoxBeginW(m: "Machine", hWnd: HWND, lpText: LPCWSTR, lpCaption: LPCWSTR, uType: DWORD) -> QWORD:
    """MessageBoxW's first half: the shown message box (see dialog._modal_loop_asm)."""
    return _begin(m, hWnd, lpText, lpCaption, uType, True)


for _cs in "AW":
    native("user32", f"MessageBox{_cs}", dialog._modal_loop_asm(f"_exeplay_MsgBoxBegin{_cs}", _cs, 4), 16,
           doc="Show a modal message box; returns the id of the chosen button.")


@stdcall("user32")
def MessageBoxExA(m: "Machine", hWnd: HWND, lpText: LPCSTR, lpCaption: LPCSTR, uType: DWORD,
                  wLanguageId: DWORD) -> INT:
    """MessageBoxA (the language is ignored: English buttons)."""
    return message_box(m, hWnd, lpText if isinstance(lpText, str) else "",
                       lpCaption if isinstance(lpCaption, str) or lpCaption is None else str(lpCaption), uType, False)


@stdcall("user32")
def MessageBoxExW(m: "Machine", hWnd: HWND, lpText: LPCWSTR, lpCaption: LPCWSTR, uType: DWORD,
                  wLanguageId: DWORD) -> INT:
    """MessageBoxW (the language is ignored: English buttons)."""
    return message_box(m, hWnd, lpText if isinstance(lpText, str) else "",
                       lpCaption if isinstance(lpCaption, str) or lpCaption is None else str(lpCaption), uType, True)


def _indirect(m: "Machine", p: int, unicode: bool) -> int:
    _cb, hwnd, hinst, text, caption, style, icon, _ctx, _cb2, _lang = m.mem.unpack("<10I", p)
    icon_name: int | str | None = icon if icon < 0x10000 else _text(m, icon, unicode)
    return message_box(m, hwnd, _text(m, text, unicode) or "", _text(m, caption, unicode), style, unicode,
                       icon_name, hinst)


@stdcall("user32")
def MessageBoxIndirectA(m: "Machine", lpmbp: PTR) -> INT:
    """Message box from MSGBOXPARAMSA (custom icon from the program's resources)."""
    return _indirect(m, lpmbp, False)


@stdcall("user32")
def MessageBoxIndirectW(m: "Machine", lpmbp: PTR) -> INT:
    """Message box from MSGBOXPARAMSW (custom icon from the program's resources)."""
    return _indirect(m, lpmbp, True)
