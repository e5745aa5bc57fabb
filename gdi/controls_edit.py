"""The Edit control class: single-line and multi-line text editing in the Windows 95 look.

The text is a Python str whose line breaks are "\\r\\n" (what WM_GETTEXT returns). Multi-line controls
without ES_AUTOHSCROLL wrap lines at word boundaries ("soft" breaks, reported as "\\r\\r\\n" after
EM_FMTLINES). State lives in ``Window.data`` (an ``EditState``); the caret is drawn by the control itself
(an inverted 1-pixel bar, no blinking) while it has the focus.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import clipboard, defwnd
from . import font as fontmod
from . import message as mm
from . import window as wm
from .controls_button import (
    COLOR_GRAYTEXT,
    COLOR_HIGHLIGHT,
    COLOR_HIGHLIGHTTEXT,
    DLGC_HASSETSEL,
    DLGC_WANTALLKEYS,
    DLGC_WANTARROWS,
    DLGC_WANTCHARS,
    TRANSPARENT,
    WM_PRINTCLIENT,
    Painting,
    ctl_brush,
    fill_brush,
    font_obj,
    invert_rect,
    notify,
    point,
    px,
    redraw,
    set_capture,
    signed16,
)
from .controls_scroll import (
    SB_BOTTOM,
    SB_HORZ,
    SB_LINEDOWN,
    SB_LINEUP,
    SB_PAGEDOWN,
    SB_PAGEUP,
    SB_THUMBPOSITION,
    SB_THUMBTRACK,
    SB_TOP,
    SB_VERT,
    SIF_DISABLENOSCROLL,
    SIF_PAGE,
    SIF_POS,
    SIF_RANGE,
    set_window_scroll,
    window_info,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .region import Rect
    from .window import Window

ES_LEFT, ES_CENTER, ES_RIGHT, ES_MULTILINE, ES_UPPERCASE, ES_LOWERCASE, ES_PASSWORD = 0, 1, 2, 4, 8, 0x10, 0x20
ES_AUTOVSCROLL, ES_AUTOHSCROLL, ES_NOHIDESEL, ES_OEMCONVERT, ES_READONLY, ES_WANTRETURN, ES_NUMBER = \
    0x40, 0x80, 0x100, 0x400, 0x800, 0x1000, 0x2000
EM_GETSEL, EM_SETSEL, EM_GETRECT, EM_SETRECT, EM_SETRECTNP, EM_SCROLL, EM_LINESCROLL, EM_SCROLLCARET = \
    0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7
EM_GETMODIFY, EM_SETMODIFY, EM_GETLINECOUNT, EM_LINEINDEX, EM_SETHANDLE, EM_GETHANDLE, EM_GETTHUMB = \
    0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE
EM_LINELENGTH, EM_REPLACESEL, EM_GETLINE, EM_LIMITTEXT, EM_CANUNDO, EM_UNDO, EM_FMTLINES, EM_LINEFROMCHAR = \
    0xC1, 0xC2, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9
EM_SETTABSTOPS, EM_SETPASSWORDCHAR, EM_EMPTYUNDOBUFFER, EM_GETFIRSTVISIBLELINE, EM_SETREADONLY = \
    0xCB, 0xCC, 0xCD, 0xCE, 0xCF
EM_GETPASSWORDCHAR, EM_SETMARGINS, EM_GETMARGINS, EM_GETLIMITTEXT, EM_POSFROMCHAR, EM_CHARFROMPOS = \
    0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7
EM_SETLIMITTEXT = EM_LIMITTEXT
EN_SETFOCUS, EN_KILLFOCUS, EN_CHANGE, EN_UPDATE, EN_ERRSPACE, EN_MAXTEXT, EN_HSCROLL, EN_VSCROLL = \
    0x100, 0x200, 0x300, 0x400, 0x500, 0x501, 0x601, 0x602
EC_LEFTMARGIN, EC_RIGHTMARGIN, EC_USEFONTINFO = 1, 2, 0xFFFF
DM_GETDEFID, DC_HASDEFID = 0x400, 0x534B
VK_BACK, VK_TAB, VK_RETURN, VK_ESCAPE, VK_PRIOR, VK_NEXT, VK_END, VK_HOME = 8, 9, 0xD, 0x1B, 0x21, 0x22, 0x23, 0x24
VK_LEFT, VK_UP, VK_RIGHT, VK_DOWN, VK_INSERT, VK_DELETE, VK_SHIFT, VK_CONTROL, VK_F4 = \
    0x25, 0x26, 0x27, 0x28, 0x2D, 0x2E, 0x10, 0x11, 0x73
DEFAULT_LIMIT = 30000
MAX_LIMIT = 0x7FFFFFFE

Line = tuple[int, int, int]  # (start, end of its characters, start of the next line)


@dataclass
class EditState:
    text: str = ""
    anchor: int = 0  # selection: anchor .. caret
    caret: int = 0
    font: int = 0
    limit: int = DEFAULT_LIMIT
    x_off: int = 0  # horizontal scroll in pixels
    y_off: int = 0  # first visible line (multi-line)
    modified: bool = False
    undo: tuple[str, int, int] | None = None  # text and selection to go back to
    undo_run: int = -1  # caret position that continues the current typing run
    password: str = ""
    margins: tuple[int, int] = (0, 0)
    tabstops: list[int] = field(default_factory=list)  # dialog units (empty: every 32)
    fmtlines: bool = False
    handle: int = 0  # EM_GETHANDLE's local-memory block
    focused: bool = False
    dragging: bool = False
    in_dialog: bool = False  # IsDialogMessage asked for the dialog code with its MSG (Windows' EF_DIALOGMODE)
    rect: Rect | None = None  # EM_SETRECT's format rectangle
    eol: bool = False  # the caret sits at the end of a wrapped line (not at the start of the next one)
    lines: list[Line] | None = None
    bars: dict[int, tuple[int, ...]] = field(default_factory=dict)  # last scroll info set per bar

    @property
    def sel(self) -> tuple[int, int]:
        return (min(self.anchor, self.caret), max(self.anchor, self.caret))


def estate(w: Window) -> EditState:
    if not isinstance(w.data, EditState):
        w.data = EditState()
    return w.data


def multiline(w: Window) -> bool:
    return bool(w.style & ES_MULTILINE)


def _autoh(w: Window) -> bool:
    return bool(w.style & ES_AUTOHSCROLL or (multiline(w) and w.style & wm.WS_HSCROLL))


def _autov(w: Window) -> bool:
    return bool(w.style & ES_AUTOVSCROLL or (multiline(w) and w.style & wm.WS_VSCROLL))


def _wraps(w: Window) -> bool:
    return multiline(w) and not _autoh(w)


def _dialog_mode(w: Window) -> bool:
    """Whether Tab / Enter / Esc belong to a dialog around the control (its parent is a dialog box)."""
    p = w.parent if w.is_child else None
    return estate(w).in_dialog or (p is not None and p.cls.name == "#32770")


def _in_combo(w: Window) -> bool:
    return w.is_child and w.parent is not None and w.parent.cls.name.lower() == "combobox"


# ---- metrics and layout ---------------------------------------------------------------------------------
class _Metrics:
    """The realised font and the text's pixel geometry."""

    def __init__(self, m: Machine, w: Window) -> None:
        st = estate(w)
        self.r = fontmod.realize(m, font_obj(m, st.font))
        self.lh = max(1, self.r.height)
        stops = st.tabstops or [32]
        avg = max(1, self.r.ave_width)
        self.stops = [max(1, s * avg // 4) for s in stops]
        self.pw = st.password if w.style & ES_PASSWORD and not multiline(w) else ""

    def adv(self, c: str) -> int:
        return self.r.glyph(self.pw or c).advance

    def tab_to(self, x: int) -> int:
        """The tab stop after pixel ``x`` (one value: a regular interval; beyond the last: its spacing)."""
        stops = self.stops
        if len(stops) == 1:
            return (x // stops[0] + 1) * stops[0]
        for s in stops:
            if s > x:
                return s
        step = max(1, stops[-1] - stops[-2])
        return stops[-1] + ((x - stops[-1]) // step + 1) * step

    def xs(self, s: str) -> list[int]:
        """Pixel x of every character boundary of one line (len + 1 values)."""
        out = [0]
        x = 0
        for c in s:
            x = self.tab_to(x) if c == "\t" and not self.pw else x + self.adv(c)
            out.append(x)
        return out


def format_rect(m: Machine, w: Window) -> Rect:
    """The rectangle the text is laid out in (client coordinates)."""
    st = estate(w)
    if st.rect is not None:
        return st.rect
    cw, ch = w.client_size
    l, t, r, b = 0, 0, cw, ch
    lh = _Metrics(m, w).lh
    if (w.exstyle & wm.WS_EX_CLIENTEDGE or w.style & wm.WS_BORDER) and lh + 2 <= ch:
        l, t, r, b = l + 1, t + 1, r - 1, b - 1
    l += st.margins[0]
    r -= st.margins[1]
    if not multiline(w):
        b = t + lh
    else:  # a whole number of lines
        b = t + max(1, (b - t) // lh) * lh
    return (l, t, max(l, r), max(t, b))


def _wrap(met: _Metrics, text: str, s: int, e: int, width: int) -> list[Line]:
    out: list[Line] = []
    start = s
    while True:
        x = 0
        k = start
        while k < e:
            c = text[k]
            nx = met.tab_to(x) if c == "\t" else x + met.adv(c)
            if nx > width and k > start:
                break
            x = nx
            k += 1
        if k >= e:
            out.append((start, e, e))
            return out
        b = k
        while b > start and text[b - 1] not in " \t":
            b -= 1
        if b == start:  # one word wider than the line: break it
            b = k
        else:
            while b < e and text[b] == " ":
                b += 1
        out.append((start, b, b))
        start = b


def lines(m: Machine, w: Window) -> list[Line]:
    """The control's lines (cached until the text, font or size changes)."""
    st = estate(w)
    if st.lines is not None:
        return st.lines
    text = st.text
    if not multiline(w):
        st.lines = [(0, len(text), len(text))]
        return st.lines
    met = _Metrics(m, w)
    fr = format_rect(m, w)
    width = fr[2] - fr[0]
    out: list[Line] = []
    pos = 0
    while True:
        nl = text.find("\r\n", pos)
        pend = len(text) if nl < 0 else nl
        if _wraps(w) and width > 0:
            out.extend(_wrap(met, text, pos, pend, width))
        else:
            out.append((pos, pend, pend))
        if nl < 0:
            break
        s, e, _ = out[-1]
        out[-1] = (s, e, nl + 2)
        pos = nl + 2
    st.lines = out
    return out


def line_of(m: Machine, w: Window, idx: int) -> int:
    """Index of the line containing character ``idx`` (a soft break position belongs to the next line)."""
    ls = lines(m, w)
    starts = [ln[0] for ln in ls]
    i = bisect.bisect_right(starts, idx) - 1
    i = max(0, min(i, len(ls) - 1))
    while i > 0 and idx < ls[i][0]:
        i -= 1
    return i


def _line_x0(m: Machine, w: Window, met: _Metrics, ln: Line, fr: Rect) -> int:
    """Client x of a line's first character (alignment and horizontal scroll applied)."""
    st = estate(w)
    width = fr[2] - fr[0]
    lw = met.xs(st.text[ln[0]:ln[1]])[-1]
    align = w.style & 3
    off = 0
    if align == ES_CENTER and (lw < width or not _autoh(w)):
        off = (width - lw) // 2
    elif align == ES_RIGHT and (lw < width or not _autoh(w)):
        off = width - lw
    return fr[0] + off - st.x_off


def pos_of(m: Machine, w: Window, idx: int) -> tuple[int, int]:
    """Client (x, y) of the top-left of character position ``idx``."""
    st = estate(w)
    met = _Metrics(m, w)
    fr = format_rect(m, w)
    ls = lines(m, w)
    li = line_of(m, w, idx)
    ln = ls[li]
    xs = met.xs(st.text[ln[0]:ln[1]])
    x = _line_x0(m, w, met, ln, fr) + xs[max(0, min(idx - ln[0], len(xs) - 1))]
    y = fr[1] + ((li - st.y_off) * met.lh if multiline(w) else 0)
    return x, y


def char_at(m: Machine, w: Window, x: int, y: int) -> int:
    """The character position nearest client point (x, y)."""
    st = estate(w)
    met = _Metrics(m, w)
    fr = format_rect(m, w)
    ls = lines(m, w)
    if multiline(w):
        li = st.y_off + ((y - fr[1]) // met.lh if y >= fr[1] else -1)
        li = max(0, min(li, len(ls) - 1))
    else:
        li = 0
    ln = ls[li]
    xs = met.xs(st.text[ln[0]:ln[1]])
    rel = x - _line_x0(m, w, met, ln, fr)
    for i in range(len(xs) - 1):
        if rel < (xs[i] + xs[i + 1] + 1) // 2:
            return ln[0] + i
    return ln[1]


def _visible_lines(m: Machine, w: Window) -> int:
    fr = format_rect(m, w)
    return max(1, (fr[3] - fr[1]) // _Metrics(m, w).lh)


def _text_width(m: Machine, w: Window) -> int:
    st = estate(w)
    met = _Metrics(m, w)
    return max((met.xs(st.text[s:e])[-1] for s, e, _ in lines(m, w)), default=0)


# ---- scrolling -----------------------------------------------------------------------------------------
def _update_bars(m: Machine, w: Window) -> None:
    """Keep the window scroll bars of a multi-line control in step with the view."""
    st = estate(w)
    if not multiline(w):
        return
    if w.style & wm.WS_VSCROLL:
        vals = (max(len(lines(m, w)) - 1, 0), _visible_lines(m, w), st.y_off)
        if st.bars.get(SB_VERT) != vals:
            st.bars[SB_VERT] = vals
            set_window_scroll(m, w, SB_VERT, SIF_RANGE | SIF_PAGE | SIF_POS | SIF_DISABLENOSCROLL,
                              0, vals[0], vals[1], vals[2], True)
    if w.style & wm.WS_HSCROLL:
        fr = format_rect(m, w)
        fw = max(1, fr[2] - fr[0])
        vals = (max(_text_width(m, w), fw) - 1, fw, st.x_off)
        if st.bars.get(SB_HORZ) != vals:
            st.bars[SB_HORZ] = vals
            set_window_scroll(m, w, SB_HORZ, SIF_RANGE | SIF_PAGE | SIF_POS | SIF_DISABLENOSCROLL,
                              0, vals[0], vals[1], vals[2], True)


def _scroll_to(m: Machine, w: Window, y_off: int | None = None, x_off: int | None = None,
               notify_code: bool = False) -> bool:
    """Set the view; returns whether it moved."""
    st = estate(w)
    moved = False
    if y_off is not None and multiline(w):
        n = len(lines(m, w))
        y_off = max(0, min(y_off, max(n - 1, 0)))
        if y_off != st.y_off:
            st.y_off = y_off
            moved = True
            if notify_code:
                notify(m, w, EN_VSCROLL)
    if x_off is not None:
        x_off = max(0, x_off)
        if x_off != st.x_off:
            st.x_off = x_off
            moved = True
            if notify_code:
                notify(m, w, EN_HSCROLL)
    if moved:
        redraw(m, w)
        _update_bars(m, w)
    return moved


def scroll_caret(m: Machine, w: Window) -> None:
    """EM_SCROLLCARET: bring the caret into view."""
    st = estate(w)
    fr = format_rect(m, w)
    fw = fr[2] - fr[0]
    new_y = None
    if multiline(w):
        li = caret_line(m, w)
        vis = _visible_lines(m, w)
        if li < st.y_off:
            new_y = li
        elif li >= st.y_off + vis:
            new_y = li - vis + 1
    new_x = None
    if _autoh(w) and fw > 0:
        met = _Metrics(m, w)
        ln = lines(m, w)[caret_line(m, w)]
        xs = met.xs(st.text[ln[0]:ln[1]])
        cx = xs[max(0, min(st.caret - ln[0], len(xs) - 1))]
        if cx < st.x_off:
            new_x = max(0, cx - fw // 3)
        elif cx > st.x_off + fw - 1:
            new_x = cx - fw + fw // 3
    _scroll_to(m, w, new_y, new_x, notify_code=False)


# ---- editing -------------------------------------------------------------------------------------------
def _sync_handle(m: Machine, w: Window) -> None:
    """Keep the EM_GETHANDLE block holding the current text."""
    st = estate(w)
    if not st.handle:
        return
    from emu.kernel32.heap import process_heap
    data = mm.encode_str(m, st.text, w.unicode)
    heap = process_heap(m)
    size = heap.size(st.handle) or 0
    if size < len(data):
        grown = heap.realloc(st.handle, max(len(data), 2 * size), False, True)
        if not grown:
            grown = heap.realloc(st.handle, max(len(data), 2 * size), False, False)
        if not grown:
            return
        st.handle = grown
    m.mem.write(st.handle, data)


def _text_changed(m: Machine, w: Window) -> None:
    st = estate(w)
    st.lines = None
    _sync_handle(m, w)
    redraw(m, w)


def set_sel(m: Machine, w: Window, anchor: int, caret: int) -> None:
    st = estate(w)
    n = len(st.text)
    anchor, caret = max(0, min(anchor, n)), max(0, min(caret, n))
    st.eol = False
    if (anchor, caret) != (st.anchor, st.caret):
        st.anchor, st.caret = anchor, caret
        redraw(m, w)


def caret_line(m: Machine, w: Window) -> int:
    """The line the caret shows on (the end of a wrapped line when it was put there)."""
    st = estate(w)
    li = line_of(m, w, st.caret)
    if st.eol and li > 0 and lines(m, w)[li - 1][2] == st.caret == lines(m, w)[li - 1][1]:
        return li - 1
    return li


def caret_pos(m: Machine, w: Window) -> tuple[int, int]:
    """Client (x, y) of the caret."""
    st = estate(w)
    li = caret_line(m, w)
    if li == line_of(m, w, st.caret):
        return pos_of(m, w, st.caret)
    met = _Metrics(m, w)
    fr = format_rect(m, w)
    ln = lines(m, w)[li]
    x = _line_x0(m, w, met, ln, fr) + met.xs(st.text[ln[0]:ln[1]])[-1]
    return x, fr[1] + (li - st.y_off) * met.lh


def _filter(m: Machine, w: Window, s: str) -> str:
    if w.style & ES_UPPERCASE:
        s = s.upper()
    elif w.style & ES_LOWERCASE:
        s = s.lower()
    if not multiline(w):
        for i, c in enumerate(s):
            if c in "\r\n":
                s = s[:i]
                break
    return s


def _fits(m: Machine, w: Window, text: str) -> bool:
    """Controls that do not scroll only take what their rectangle shows."""
    if _autoh(w) and (not multiline(w) or _autov(w)):
        return True
    st = estate(w)
    saved, saved_lines = st.text, st.lines
    st.text, st.lines = text, None
    try:
        fr = format_rect(m, w)
        if not _autoh(w) and not multiline(w):
            return _Metrics(m, w).xs(text)[-1] <= fr[2] - fr[0]
        if multiline(w) and not _autov(w):
            return len(lines(m, w)) <= _visible_lines(m, w)
        return True
    finally:
        st.text, st.lines = saved, saved_lines


def replace_sel(m: Machine, w: Window, s: str, can_undo: bool, typed: bool = False,
                send_notify: bool = True) -> bool:
    """Replace the selection with ``s`` (limited, filtered); EN_UPDATE / EN_CHANGE; False when nothing fit."""
    st = estate(w)
    s = _filter(m, w, s)
    a, b = st.sel
    room = st.limit - (len(st.text) - (b - a))
    maxed = False
    if len(s) > room:
        s = s[:max(room, 0)]
        maxed = True
    new = st.text[:a] + s + st.text[b:]
    if s and not _fits(m, w, new):
        while s and not _fits(m, w, st.text[:a] + s + st.text[b:]):
            s = s[:-1]
        new = st.text[:a] + s + st.text[b:]
        maxed = True
    if maxed and send_notify:
        notify(m, w, EN_MAXTEXT)
    if new == st.text and a == b:
        return bool(s)
    if can_undo and not (typed and st.undo_run == a and a == b):
        st.undo = (st.text, st.anchor, st.caret)
    st.undo_run = a + len(s) if typed else -1
    st.text = new
    st.anchor = st.caret = a + len(s)
    st.modified = True
    _text_changed(m, w)
    scroll_caret(m, w)
    _update_bars(m, w)
    if send_notify:
        notify(m, w, EN_UPDATE)
        notify(m, w, EN_CHANGE)
    return True


def set_text(m: Machine, w: Window, s: str, notify_change: bool) -> None:
    """WM_SETTEXT: new contents, selection at the start, undo emptied, view reset."""
    st = estate(w)
    if not multiline(w):
        s = _filter(m, w, s) if w.style & (ES_UPPERCASE | ES_LOWERCASE) else s
    st.text = s
    st.anchor = st.caret = 0
    st.x_off = st.y_off = 0
    st.undo = None
    st.undo_run = -1
    st.modified = False
    _text_changed(m, w)
    _update_bars(m, w)
    if notify_change:
        notify(m, w, EN_UPDATE)
        notify(m, w, EN_CHANGE)


def _readonly(w: Window) -> bool:
    return bool(w.style & ES_READONLY)


def _copy(m: Machine, w: Window) -> None:
    st = estate(w)
    a, b = st.sel
    if a == b or w.style & ES_PASSWORD:
        return
    clipboard.set_text(m, w.hwnd, st.text[a:b])


def _paste(m: Machine, w: Window) -> None:
    if _readonly(w):
        return
    s = clipboard.get_text(m)
    if s:
        replace_sel(m, w, s, True)


def _clear(m: Machine, w: Window) -> None:
    st = estate(w)
    a, b = st.sel
    if a != b and not _readonly(w):
        replace_sel(m, w, "", True)


def _undo(m: Machine, w: Window) -> int:
    st = estate(w)
    if st.undo is None or _readonly(w):
        return 0
    text, anchor, caret = st.undo
    st.undo = (st.text, st.anchor, st.caret)
    st.undo_run = -1
    st.text = text
    st.anchor, st.caret = anchor, caret
    st.modified = True
    _text_changed(m, w)
    scroll_caret(m, w)
    _update_bars(m, w)
    notify(m, w, EN_UPDATE)
    notify(m, w, EN_CHANGE)
    return 1


def _gettext(m: Machine, w: Window) -> str:
    """WM_GETTEXT's view of the text: soft breaks show as "\\r\\r\\n" after EM_FMTLINES(TRUE)."""
    st = estate(w)
    if not (multiline(w) and st.fmtlines and _wraps(w)):
        return st.text
    out: list[str] = []
    for s, e, nxt in lines(m, w):
        out.append(st.text[s:e])
        if nxt == e and e < len(st.text):
            out.append("\r\r\n")
        elif nxt > e:
            out.append(st.text[e:nxt])
    return "".join(out)


# ---- caret movement ------------------------------------------------------------------------------------
def _is_space(c: str) -> bool:
    return c in " \t\r\n"


def _word_left(text: str, i: int) -> int:
    while i > 0 and _is_space(text[i - 1]):
        i -= 1
    while i > 0 and not _is_space(text[i - 1]):
        i -= 1
    return i


def _word_right(text: str, i: int) -> int:
    n = len(text)
    while i < n and not _is_space(text[i]):
        i += 1
    while i < n and _is_space(text[i]):
        i += 1
    return i


def _prev_pos(text: str, i: int) -> int:
    if i >= 2 and text[i - 2:i] == "\r\n":
        return i - 2
    return max(0, i - 1)


def _next_pos(text: str, i: int) -> int:
    if text[i:i + 2] == "\r\n":
        return i + 2
    return min(len(text), i + 1)


def _vertical(m: Machine, w: Window, idx: int, dlines: int) -> int:
    """The position ``dlines`` lines up/down from ``idx`` at the same x."""
    ls = lines(m, w)
    st = estate(w)
    if idx == st.caret:
        li = caret_line(m, w)
        x, _ = caret_pos(m, w)
    else:
        li = line_of(m, w, idx)
        x, _ = pos_of(m, w, idx)
    nli = max(0, min(li + dlines, len(ls) - 1))
    if nli == li:
        return ls[li][0] if dlines < 0 else ls[li][1]
    fr = format_rect(m, w)
    met = _Metrics(m, w)
    y = fr[1] + (nli - st.y_off) * met.lh
    r = char_at(m, w, x, y)
    s, e, _ = ls[nli]
    return max(s, min(r, e))


def _keydown(m: Machine, w: Window, vk: int) -> int:
    from . import input as inp
    st = estate(w)
    keys = inp.state(m).keys
    shift = bool(keys[VK_SHIFT] & 0x80)
    ctrl = bool(keys[VK_CONTROL] & 0x80)
    text = st.text
    ml = multiline(w)
    if _in_combo(w) and (vk in (VK_UP, VK_DOWN, VK_F4, VK_PRIOR, VK_NEXT) or vk in (VK_RETURN, VK_ESCAPE)):
        assert w.parent is not None
        return mm.send(m, w.parent, mm.WM_KEYDOWN, vk, 0)
    new = None
    if vk == VK_LEFT:
        new = _word_left(text, st.caret) if ctrl else _prev_pos(text, st.caret)
    elif vk == VK_RIGHT:
        new = _word_right(text, st.caret) if ctrl else _next_pos(text, st.caret)
    elif vk in (VK_UP, VK_DOWN):
        if ml:
            new = _vertical(m, w, st.caret, -1 if vk == VK_UP else 1)
        else:
            new = _prev_pos(text, st.caret) if vk == VK_UP else _next_pos(text, st.caret)
    elif vk in (VK_PRIOR, VK_NEXT):
        if ml:
            vis = _visible_lines(m, w)
            d = -vis if vk == VK_PRIOR else vis
            new = _vertical(m, w, st.caret, d)
            _scroll_to(m, w, st.y_off + d, None, notify_code=True)
    elif vk == VK_HOME:
        new = 0 if ctrl or not ml else lines(m, w)[line_of(m, w, st.caret)][0]
    elif vk == VK_END:
        new = len(text) if ctrl or not ml else lines(m, w)[line_of(m, w, st.caret)][1]
    elif vk == VK_DELETE:
        if shift:
            if not _readonly(w):
                _copy(m, w)
                _clear(m, w)
        elif not _readonly(w):
            a, b = st.sel
            if a == b:
                if a >= len(text):
                    return 0
                st.anchor, st.caret = a, _next_pos(text, a)
            replace_sel(m, w, "", True)
        return 0
    elif vk == VK_INSERT:
        if ctrl:
            _copy(m, w)
        elif shift:
            _paste(m, w)
        return 0
    elif vk == VK_TAB and ml and _dialog_mode(w) and not ctrl:
        p = w.parent
        if p is not None:
            mm.send(m, p, mm.WM_NEXTDLGCTL, int(shift), 0)
        return 0
    elif vk == VK_RETURN and ml and _dialog_mode(w) and not w.style & ES_WANTRETURN:
        p = w.parent
        if p is not None:
            r = mm.send(m, p, DM_GETDEFID, 0, 0)
            if (r >> 16) == DC_HASDEFID:
                btn = wm.child_by_id(p, r & 0xFFFF)
                if btn is not None:
                    mm.send(m, p, mm.WM_NEXTDLGCTL, btn.hwnd, 1)
                    mm.post(m, btn.hwnd, mm.WM_KEYDOWN, VK_RETURN, 0)
        return 0
    elif vk == VK_ESCAPE and ml and _dialog_mode(w):
        if w.parent is not None:
            mm.post(m, w.parent.hwnd, mm.WM_CLOSE, 0, 0)
        return 0
    if new is None:
        return 0
    st.undo_run = -1
    eol = vk == VK_END and ml and not ctrl
    set_sel(m, w, st.anchor if shift else new, new)
    st.eol = eol
    scroll_caret(m, w)
    return 0


def _char(m: Machine, w: Window, ch: int, unicode: bool) -> int:
    st = estate(w)
    ml = multiline(w)
    if ch == 0x03:  # Ctrl+C
        _copy(m, w)
        return 0
    if ch == 0x16:  # Ctrl+V
        _paste(m, w)
        return 0
    if ch == 0x18:  # Ctrl+X
        if not _readonly(w):
            _copy(m, w)
            _clear(m, w)
        return 0
    if ch == 0x1A:  # Ctrl+Z
        _undo(m, w)
        return 0
    if ch == 0x01:  # Ctrl+A
        set_sel(m, w, 0, len(st.text))
        return 0
    if _readonly(w):
        return 0
    if ch == VK_BACK:
        a, b = st.sel
        if a == b:
            if a == 0:
                return 0
            st.anchor, st.caret = _prev_pos(st.text, a), a
        replace_sel(m, w, "", True)
        return 0
    if ch in (0x0D, 0x0A):
        if ml and (ch == 0x0A or w.style & ES_WANTRETURN or not _dialog_mode(w)):
            replace_sel(m, w, "\r\n", True, typed=True)
        return 0
    if ch == VK_TAB:
        from . import input as inp
        ctrl = bool(inp.state(m).keys[VK_CONTROL] & 0x80)
        if ml and (not _dialog_mode(w) or ctrl):  # in dialogs Tab moves the focus; Ctrl+Tab types one
            replace_sel(m, w, "\t", True, typed=True)
        return 0
    if ch < 0x20 or ch == 0x7F:
        return 0
    if unicode:
        c = chr(ch)
    else:
        try:
            c = bytes([ch & 0xFF]).decode(m.ansi)
        except UnicodeDecodeError:
            c = "?"
    if w.style & ES_NUMBER and not c.isdigit():
        return 0
    replace_sel(m, w, c, True, typed=True)
    return 0


# ---- the window procedure ------------------------------------------------------------------------------
def _dlgcode(w: Window) -> int:
    code = DLGC_WANTCHARS | DLGC_HASSETSEL | DLGC_WANTARROWS
    if multiline(w):
        code |= DLGC_WANTALLKEYS
    return code


def _line_index(m: Machine, w: Window, n: int) -> int:
    st = estate(w)
    ls = lines(m, w)
    if n < 0:
        return ls[line_of(m, w, st.caret)][0]
    if n >= len(ls):
        return -1
    return ls[n][0]


def _line_length(m: Machine, w: Window, ich: int) -> int:
    st = estate(w)
    if not multiline(w):
        return len(st.text)
    ls = lines(m, w)
    if ich < 0:
        a, b = st.sel
        if a == b:
            return 0
        la, lb = ls[line_of(m, w, a)], ls[line_of(m, w, b)]
        return (a - la[0]) + (lb[1] - b) if lb[1] >= b else a - la[0]
    if ich > len(st.text):
        return 0
    s, e, _ = ls[line_of(m, w, ich)]
    return e - s


def _get_line(m: Machine, w: Window, n: int, buf: int, unicode: bool) -> int:
    st = estate(w)
    if not buf:
        return 0
    cap = m.mem.u32(buf) & 0xFFFF
    if multiline(w):
        ls = lines(m, w)
        if n < 0 or n >= len(ls):
            return 0
        s = st.text[ls[n][0]:ls[n][1]]
    else:
        s = st.text
    if unicode:
        s = s[:cap]
        m.mem.write(buf, s.encode("utf-16-le"))
        return len(s)
    data = s.encode(m.ansi, "replace")[:cap]
    m.mem.write(buf, data)
    return len(data)


def _set_handle(m: Machine, w: Window, h: int) -> None:
    """EM_SETHANDLE: the program's local block becomes the buffer (freeing the old one is its business)."""
    st = estate(w)
    s = mm.read_str(m, h, w.unicode) if h else ""
    st.handle = h
    set_text(m, w, s, False)


def _get_handle(m: Machine, w: Window) -> int:
    st = estate(w)
    if not st.handle:
        from emu.kernel32.heap import process_heap
        data = mm.encode_str(m, st.text, w.unicode)
        st.handle = process_heap(m).alloc(max(len(data) * 2, 64))
    _sync_handle(m, w)
    return st.handle


def _vscroll(m: Machine, w: Window, code: int, pos16: int) -> int:
    """WM_VSCROLL / EM_SCROLL: returns the number of lines scrolled."""
    st = estate(w)
    vis = _visible_lines(m, w)
    n = len(lines(m, w))
    target = st.y_off
    if code == SB_LINEUP:
        target -= 1
    elif code == SB_LINEDOWN:
        target += 1
    elif code == SB_PAGEUP:
        target -= vis
    elif code == SB_PAGEDOWN:
        target += vis
    elif code == SB_TOP:
        target = 0
    elif code == SB_BOTTOM:
        target = n - 1
    elif code in (SB_THUMBTRACK, SB_THUMBPOSITION):
        target = window_info(w, SB_VERT)[4] if w.style & wm.WS_VSCROLL else pos16
    else:
        return 0
    target = max(0, min(target, max(n - 1, 0)))
    before = st.y_off
    _scroll_to(m, w, target, None, notify_code=True)
    return st.y_off - before


def _hscroll(m: Machine, w: Window, code: int, pos16: int) -> None:
    st = estate(w)
    fr = format_rect(m, w)
    fw = max(1, fr[2] - fr[0])
    step = max(1, _Metrics(m, w).r.ave_width)
    target = st.x_off
    if code == SB_LINEUP:
        target -= step
    elif code == SB_LINEDOWN:
        target += step
    elif code == SB_PAGEUP:
        target -= fw
    elif code == SB_PAGEDOWN:
        target += fw
    elif code == SB_TOP:
        target = 0
    elif code == SB_BOTTOM:
        target = max(0, _text_width(m, w) - fw)
    elif code in (SB_THUMBTRACK, SB_THUMBPOSITION):
        target = window_info(w, SB_HORZ)[4] if w.style & wm.WS_HSCROLL else pos16
    else:
        return
    _scroll_to(m, w, None, max(0, min(target, max(_text_width(m, w), fw))), notify_code=True)


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


@defwnd.builtin_class("Edit", style=wm.CS_DBLCLKS | wm.CS_PARENTDC, cursor=32513)
def edit_proc(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The Edit window procedure."""
    st = estate(w)
    if msg == mm.WM_NCCREATE:
        r = defwnd.default_proc(m, w, msg, wp, lp, unicode)
        st.text = w.text
        w.text = ""
        if w.style & ES_PASSWORD and not multiline(w):
            st.password = "*"
        if multiline(w):
            w.style &= ~ES_PASSWORD
        st.lines = None
        return r
    if msg == mm.WM_CREATE:
        _update_bars(m, w)
        return 0
    if msg == mm.WM_DESTROY:
        if wm.state(m).capture is w:
            set_capture(m, None)
        return 0
    if msg == mm.WM_SIZE:
        st.lines = None
        st.bars.clear()
        _update_bars(m, w)
        redraw(m, w)
        return 0
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg in (mm.WM_PAINT, WM_PRINTCLIENT):
        with Painting(m, w, wp) as dc:
            if dc is not None:
                paint_edit(m, w, dc)
        return 0
    if msg == mm.WM_GETDLGCODE:
        if lp:
            st.in_dialog = True
        code = _dlgcode(w)
        if _in_combo(w):
            from .controls_listbox import combo_dropped
            assert w.parent is not None
            if combo_dropped(w.parent):
                code |= DLGC_WANTALLKEYS
        return code
    if msg == mm.WM_SETFONT:
        st.font = wp
        st.lines = None
        st.bars.clear()
        _update_bars(m, w)
        if lp & 0xFFFF:
            redraw(m, w)
        return 0
    if msg == mm.WM_GETFONT:
        return st.font
    if msg == mm.WM_SETTEXT:
        set_text(m, w, mm.read_str(m, lp, unicode) if lp else "", not multiline(w))
        return 1
    if msg == mm.WM_GETTEXT:
        return mm.write_text_result(m, lp, wp, _gettext(m, w), unicode)
    if msg == mm.WM_GETTEXTLENGTH:
        s = _gettext(m, w)
        return len(s) if unicode else len(s.encode(m.ansi, "replace"))
    if msg == mm.WM_ENABLE:
        redraw(m, w)
        return 0
    if msg == mm.WM_SETFOCUS:
        st.focused = True
        redraw(m, w)
        notify(m, w, EN_SETFOCUS)
        return 0
    if msg == mm.WM_KILLFOCUS:
        st.focused = False
        if st.dragging:
            st.dragging = False
            if wm.state(m).capture is w:
                set_capture(m, None)
        redraw(m, w)
        notify(m, w, EN_KILLFOCUS)
        return 0
    if msg == mm.WM_KEYDOWN:
        return _keydown(m, w, wp)
    if msg == mm.WM_CHAR:
        if _in_combo(w) and wp in (VK_RETURN, VK_ESCAPE, VK_TAB):
            return 0
        return _char(m, w, wp, unicode)
    if msg in (mm.WM_LBUTTONDOWN, mm.WM_LBUTTONDBLCLK):
        from . import input as inp
        if wm.state(m).focus is not w:
            wm.set_focus(m, w)
        x, y = point(lp)
        i = char_at(m, w, x, y)
        if msg == mm.WM_LBUTTONDBLCLK:
            text = st.text
            a = _word_left(text, i) if i > 0 and not _is_space(text[i - 1]) else i
            b = _word_right(text, i)
            set_sel(m, w, a, b)
        else:
            shift = bool(inp.state(m).keys[VK_SHIFT] & 0x80)
            set_sel(m, w, st.anchor if shift else i, i)
            st.dragging = True
            set_capture(m, w)
        st.undo_run = -1
        scroll_caret(m, w)
        return 0
    if msg == mm.WM_MOUSEMOVE:
        if st.dragging:
            x, y = point(lp)
            set_sel(m, w, st.anchor, char_at(m, w, x, y))
            scroll_caret(m, w)
        return 0
    if msg == mm.WM_LBUTTONUP:
        if st.dragging:
            st.dragging = False
            if wm.state(m).capture is w:
                set_capture(m, None)
        return 0
    if msg == 0x215:  # WM_CAPTURECHANGED
        st.dragging = False
        return 0
    if msg == mm.WM_VSCROLL:
        if multiline(w):
            _vscroll(m, w, wp & 0xFFFF, wp >> 16)
        return 0
    if msg == mm.WM_HSCROLL:
        _hscroll(m, w, wp & 0xFFFF, wp >> 16)
        return 0
    if msg == mm.WM_MOUSEWHEEL:
        if multiline(w):
            d = signed16(wp >> 16)
            n = -3 * d // 120
            if n:
                _scroll_to(m, w, st.y_off + n, None, notify_code=True)
        return 0
    if msg == EM_GETSEL:
        a, b = st.sel
        if wp:
            m.mem.w32(wp, a)
        if lp:
            m.mem.w32(lp, b)
        return (min(a, 0xFFFF)) | (min(b, 0xFFFF) << 16)
    if msg == EM_SETSEL:
        s, e = _s32(wp), _s32(lp)
        n = len(st.text)
        if s < 0:
            set_sel(m, w, st.caret, st.caret)
            return 1
        if e < 0 or e > n:
            e = n
        st.undo_run = -1
        set_sel(m, w, min(s, n), e)
        return 1
    if msg == EM_REPLACESEL:
        replace_sel(m, w, mm.read_str(m, lp, unicode) if lp else "", bool(wp))
        return 0
    if msg == EM_LIMITTEXT:
        st.limit = wp if wp else MAX_LIMIT
        return 0
    if msg == EM_GETLIMITTEXT:
        return st.limit
    if msg == EM_GETLINECOUNT:
        return len(lines(m, w)) if multiline(w) else 1
    if msg == EM_LINEINDEX:
        return _line_index(m, w, _s32(wp)) & 0xFFFFFFFF if multiline(w) else 0
    if msg == EM_LINELENGTH:
        return _line_length(m, w, _s32(wp))
    if msg == EM_GETLINE:
        return _get_line(m, w, wp, lp, unicode)
    if msg == EM_LINEFROMCHAR:
        if not multiline(w):
            return 0
        ich = _s32(wp)
        if ich < 0:
            ich = st.sel[0] if st.anchor != st.caret else st.caret
        return line_of(m, w, min(ich, len(st.text)))
    if msg == EM_GETFIRSTVISIBLELINE:
        if multiline(w):
            return st.y_off
        return char_at(m, w, format_rect(m, w)[0], 0)
    if msg == EM_SCROLL:
        if not multiline(w):
            return 0
        if wp & 0xFFFF not in (SB_LINEUP, SB_LINEDOWN, SB_PAGEUP, SB_PAGEDOWN):
            return 0
        moved = _vscroll(m, w, wp & 0xFFFF, 0)
        return (1 << 16) | (moved & 0xFFFF)
    if msg == EM_LINESCROLL:
        if not multiline(w):
            return 0
        dx = _s32(wp) * max(1, _Metrics(m, w).r.ave_width)
        _scroll_to(m, w, st.y_off + _s32(lp), st.x_off + dx if _autoh(w) else None)
        return 1
    if msg == EM_SCROLLCARET:
        scroll_caret(m, w)
        return 1
    if msg == EM_GETTHUMB:
        return st.y_off if multiline(w) else 0
    if msg == EM_GETMODIFY:
        return int(st.modified)
    if msg == EM_SETMODIFY:
        st.modified = bool(wp)
        return 0
    if msg == EM_SETREADONLY:
        w.style = w.style | ES_READONLY if wp else w.style & ~ES_READONLY
        redraw(m, w)
        return 1
    if msg == EM_SETPASSWORDCHAR:
        if multiline(w):
            return 0
        st.password = _char_str(m, wp, unicode) if wp else ""
        w.style = w.style | ES_PASSWORD if wp else w.style & ~ES_PASSWORD
        st.lines = None
        redraw(m, w)
        return 0
    if msg == EM_GETPASSWORDCHAR:
        if not st.password:
            return 0
        return ord(st.password) if unicode else (st.password.encode(m.ansi, "replace") or b"?")[0]
    if msg == EM_CANUNDO:
        return int(st.undo is not None)
    if msg in (EM_UNDO, mm.WM_UNDO):
        return _undo(m, w)
    if msg == EM_EMPTYUNDOBUFFER:
        st.undo = None
        st.undo_run = -1
        return 0
    if msg == EM_FMTLINES:
        if multiline(w):
            st.fmtlines = bool(wp)
        return int(bool(wp))
    if msg == EM_SETTABSTOPS:
        if not multiline(w):
            return 0
        n = wp
        if n == 0:
            st.tabstops = []
        elif lp:
            vals = list(m.mem.unpack(f"<{n}i", lp))
            st.tabstops = vals if n > 1 else [vals[0]]
        st.lines = None
        redraw(m, w)
        return 1
    if msg == EM_SETMARGINS:
        left, right = st.margins
        if wp & EC_LEFTMARGIN:
            left = 0 if lp & 0xFFFF == EC_USEFONTINFO else lp & 0xFFFF
        if wp & EC_RIGHTMARGIN:
            right = 0 if lp >> 16 == EC_USEFONTINFO else lp >> 16
        st.margins = (left, right)
        st.lines = None
        st.bars.clear()
        _update_bars(m, w)
        redraw(m, w)
        return 0
    if msg == EM_GETMARGINS:
        return (st.margins[0] & 0xFFFF) | ((st.margins[1] & 0xFFFF) << 16)
    if msg == EM_POSFROMCHAR:
        if wp > len(st.text):
            return 0xFFFFFFFF
        x, y = pos_of(m, w, wp)
        return (x & 0xFFFF) | ((y & 0xFFFF) << 16)
    if msg == EM_CHARFROMPOS:
        x, y = point(lp)
        i = char_at(m, w, x, y)
        li = line_of(m, w, i) if multiline(w) else 0
        return (i & 0xFFFF) | ((li & 0xFFFF) << 16)
    if msg == EM_GETRECT:
        if lp:
            m.mem.pack("<4i", lp, *format_rect(m, w))
        return 0
    if msg in (EM_SETRECT, EM_SETRECTNP):
        st.rect = tuple(m.mem.unpack("<4i", lp)) if lp else None  # type: ignore[assignment]
        st.lines = None
        if msg == EM_SETRECT:
            redraw(m, w)
        return 0
    if msg == EM_GETHANDLE:
        return _get_handle(m, w) if multiline(w) else 0
    if msg == EM_SETHANDLE:
        if multiline(w):
            _set_handle(m, w, wp)
        return 0
    if msg == mm.WM_COPY:
        _copy(m, w)
        return 0
    if msg == mm.WM_CUT:
        if not _readonly(w):
            _copy(m, w)
            _clear(m, w)
        return 0
    if msg == mm.WM_PASTE:
        _paste(m, w)
        return 0
    if msg == mm.WM_CLEAR:
        _clear(m, w)
        return 0
    if msg == mm.WM_NCDESTROY:
        if st.handle:  # the buffer goes with the control
            from emu.kernel32.heap import process_heap
            process_heap(m).free(st.handle)
            st.handle = 0
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


def _char_str(m: Machine, ch: int, unicode: bool) -> str:
    if unicode:
        return chr(ch & 0xFFFF)
    try:
        return bytes([ch & 0xFF]).decode(m.ansi)
    except UnicodeDecodeError:
        return "*"


# ---- painting ------------------------------------------------------------------------------------------
def paint_edit(m: Machine, w: Window, dc: DC) -> None:
    """Draw the background, the visible lines (selection highlighted) and the caret."""
    from . import text as textmod
    st = estate(w)
    cw, ch = w.client_size
    disabled = bool(w.style & wm.WS_DISABLED)
    msg = mm.WM_CTLCOLORSTATIC if disabled or _readonly(w) else mm.WM_CTLCOLOREDIT
    dc.font = font_obj(m, st.font)
    b = ctl_brush(m, w, dc, msg)
    fill_brush(m, dc, (0, 0, cw, ch), b)
    fg = px(m, COLOR_GRAYTEXT) if disabled else dc.text_px()
    met = _Metrics(m, w)
    fr = format_rect(m, w)
    ls = lines(m, w)
    a, bsel = st.sel
    show_sel = a != bsel and (st.focused or w.style & ES_NOHIDESEL)
    first = st.y_off if multiline(w) else 0
    nvis = _visible_lines(m, w) + 1 if multiline(w) else 1
    saved_vis = dc.clip
    from .region import Region
    dc.clip = Region.from_rect(fr) if saved_vis is None else saved_vis.intersect_rect(fr)
    dc.invalidate_clip()
    dc.bk_mode = TRANSPARENT
    hl_bg, hl_fg = px(m, COLOR_HIGHLIGHT), px(m, COLOR_HIGHLIGHTTEXT)
    try:
        for li in range(first, min(len(ls), first + nvis)):
            s, e, _ = ls[li]
            seg = st.text[s:e]
            xs = met.xs(seg)
            x0 = _line_x0(m, w, met, ls[li], fr)
            y = fr[1] + (li - first) * met.lh
            shown = met.pw * len(seg) if met.pw else seg
            sa, sb = max(a, s) - s, min(bsel, e) - s
            if show_sel and sa < sb:
                dc.fill_device((x0 + xs[sa], y, x0 + xs[sb], y + met.lh), hl_bg)
            _draw_runs(dc, textmod, shown, xs, x0, y, 0, len(seg), fg)
            if show_sel and sa < sb:
                _draw_runs(dc, textmod, shown, xs, x0, y, sa, sb, hl_fg)
    finally:
        dc.clip = saved_vis
        dc.invalidate_clip()
    if st.focused:
        cx, cy = caret_pos(m, w)
        if multiline(w):
            li = caret_line(m, w)
            if not (first <= li < first + _visible_lines(m, w)):
                return
        if fr[0] - 1 <= cx <= fr[2]:
            invert_rect(dc, (cx, cy, cx + 1, cy + met.lh))


def _draw_runs(dc: DC, textmod: object, shown: str, xs: list[int], x0: int, y: int, i0: int, i1: int,
               color: int) -> None:
    """Draw characters i0..i1 of a line (tabs skipped) in pixel ``color``."""
    from .surface import px_to_colorref
    dc.text_color = px_to_colorref(color)
    j = i0
    while j < i1:
        if shown[j] == "\t":
            j += 1
            continue
        k = j
        while k < i1 and shown[k] != "\t":
            k += 1
        textmod.text_out(dc, x0 + xs[j], y, shown[j:k])  # type: ignore[attr-defined]
        j = k

