"""user32 menu loop: the modal menu tracking loop (mouse and keyboard navigation), TrackPopupMenu(Ex),
EndMenu, GetMenuBarInfo.

``DefWindowProc`` enters the menu loop through ``track_menu_bar`` for WM_SYSCOMMAND SC_MOUSEMENU /
SC_KEYMENU; ``TrackPopupMenu(Ex)`` runs the same loop. The loop reads input messages itself (the owner
window has the mouse capture) and dispatches everything else (WM_PAINT, WM_TIMER, posted messages) normally.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from emu.api import BOOL, HANDLE, HWND, INT, PTR, UINT, stdcall

from . import defwnd
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .region import Rect
from .menu_model import (
    ERROR_INVALID_WINDOW_HANDLE, ERROR_POPUP_ALREADY_ACTIVE, MF_DISABLED, MF_GRAYED, MF_HILITE, MF_MOUSESELECT,
    MF_POPUP, MF_SYSMENU, MNC_CLOSE, MNC_EXECUTE, MNC_SELECT, MNS_NOTIFYBYPOS, MSGF_MENU, Menu, POPUP_FRAME,
    TPM_BOTTOMALIGN, TPM_CENTERALIGN, TPM_NONOTIFY, TPM_RETURNCMD, TPM_RIGHTALIGN, TPM_RIGHTBUTTON, TPM_VCENTERALIGN,
    VK_DOWN, VK_END, VK_ESCAPE, VK_F10, VK_HOME, VK_LEFT, VK_MENU, VK_RETURN, VK_RIGHT, VK_UP, WM_MENUCOMMAND,
    WM_UNINITMENUPOPUP, _is_separator, _is_text, _menu_arg, bar_menu, get_menu, mnemonic, mstate,
)
from .menu_api import _refresh_sysmenu, redraw_bar, system_menu
from .menu_draw import _PopupData, _draw_popup, _item_screen_rect, layout_bar, layout_popup

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


# ---- the menu loop --------------------------------------------------------------------------------------
def _s16(v: int) -> int:
    v &= 0xFFFF
    return v - 0x10000 if v & 0x8000 else v


_MOUSE_MSGS = set(range(0x200, 0x20E)) | set(range(0xA0, 0xAE))
_KEY_MSGS = set(range(0x100, 0x109))


class _Tracker:
    """One modal menu session (menu bar or TrackPopupMenu)."""

    def __init__(self, m: "Machine", owner: "Window", flags: int, bar: Menu | None) -> None:
        self.m = m
        self.owner = owner
        self.flags = flags
        self.bar = bar
        self.notify = not flags & TPM_NONOTIFY
        self.stack: list[tuple[Menu, "Window"]] = []
        self.bar_open = False  # the selected bar item's popup is shown
        self.done = False
        self.chosen: tuple[Menu, int] | None = None
        self.pt = (0, 0)
        self.prev_capture: "Window | None" = None

    # -- notifications
    def send(self, msg: int, wp: int, lp: int) -> int:
        if not self.notify or self.owner.destroyed:
            return 0
        return mm.send(self.m, self.owner, msg, wp, lp)

    def menu_at(self, level: int) -> Menu | None:
        if level < 0:
            return self.bar
        return self.stack[level][0] if level < len(self.stack) else None

    def menu_select(self, mn: Menu, idx: int, mouse: bool) -> None:
        it = mn.items[idx]
        flags = (it.type | it.state | (MF_POPUP if it.submenu else 0) | (MF_MOUSESELECT if mouse else 0)
                 | (MF_SYSMENU if mn.sysmenu else 0)) & 0xFFFF
        item = idx if it.submenu else it.id
        self.send(mm.WM_MENUSELECT, (item & 0xFFFF) | (flags << 16), mn.handle)

    # -- drawing
    def redraw(self, level: int) -> None:
        if level < 0:
            if not self.owner.destroyed:
                redraw_bar(self.m, self.owner)
        elif level < len(self.stack):
            pw = self.stack[level][1]
            if not pw.destroyed:
                _draw_popup(self.m, pw)

    # -- selection and popups
    def select(self, level: int, idx: int, mouse: bool) -> None:
        mn = self.menu_at(level)
        if mn is None or mn.sel == idx:
            return
        if 0 <= mn.sel < len(mn.items):
            mn.items[mn.sel].state &= ~MF_HILITE
        mn.sel = idx if 0 <= idx < len(mn.items) else -1
        if mn.sel >= 0:
            mn.items[mn.sel].state |= MF_HILITE
        self.redraw(level)
        if mn.sel >= 0:
            self.menu_select(mn, mn.sel, mouse)
        elif level > 0 or (level == 0 and self.bar is not None):
            parent = self.menu_at(level - 1)
            if parent is not None and parent.sel >= 0:
                self.menu_select(parent, parent.sel, mouse)

    def first_item(self, mn: Menu, start: int, step: int) -> int:
        n = len(mn.items)
        for k in range(n):
            i = (start + step * k) % n
            if not _is_separator(mn.items[i]):
                return i
        return -1

    def close_to(self, depth: int) -> None:
        """Close the popups deeper than ``depth`` (0: all)."""
        while len(self.stack) > depth:
            mn, pw = self.stack.pop()
            if 0 <= mn.sel < len(mn.items):
                mn.items[mn.sel].state &= ~MF_HILITE
            mn.sel = -1
            mn.hwnd = 0
            self.send(WM_UNINITMENUPOPUP, mn.handle, (MF_SYSMENU << 16) if mn.sysmenu else 0)
            if not pw.destroyed:
                wm.destroy_window(self.m, pw)
        if depth == 0:
            self.bar_open = False

    def open_popup(self, mn: Menu, x: int, y: int, pos: int, sysmenu: bool, align: int = 0,
                   anchor: Rect | None = None, beside: Rect | None = None) -> "Window | None":
        """Show ``mn`` as a popup window at screen (x, y) (WM_INITMENUPOPUP first)."""
        m = self.m
        self.send(mm.WM_INITMENUPOPUP, mn.handle, (pos & 0xFFFF) | ((1 if sysmenu else 0) << 16))
        if get_menu(m, mn.handle) is None or self.owner.destroyed or self.done:
            return None
        if mn.sysmenu:
            _refresh_sysmenu(m, self.owner, mn)
        cw, ch = layout_popup(m, mn, self.owner)
        W, H = cw + 2 * POPUP_FRAME, ch + 2 * POPUP_FRAME
        from . import desktop  # noqa: PLC0415
        scr = desktop.screen(m)
        if align & TPM_CENTERALIGN:
            x -= W // 2
        elif align & TPM_RIGHTALIGN:
            x -= W
        if align & TPM_VCENTERALIGN:
            y -= H // 2
        elif align & TPM_BOTTOMALIGN:
            y -= H
        if x + W > scr.width:
            x = beside[0] - W + POPUP_FRAME if beside is not None else (x - W if anchor is None else scr.width - W)
        if y + H > scr.height:
            y = anchor[1] - H if anchor is not None else (scr.height - H if beside is not None else y - H)
        x, y = max(0, min(x, scr.width - W)), max(0, y)
        h = wm.create_window(m, wm.WS_EX_TOPMOST | wm.WS_EX_TOOLWINDOW | wm.WS_EX_DLGMODALFRAME, "#32768", None,
                             wm.WS_POPUP | wm.WS_DLGFRAME | wm.WS_CLIPSIBLINGS, x, y, W, H, self.owner.hwnd, 0,
                             0, 0, self.owner.unicode)
        pw = wm.get(m, h)
        if pw is None:
            return None
        pw.data = _PopupData(mn.handle, self.owner.hwnd)
        mn.hwnd = h
        mn.sel = -1
        self.stack.append((mn, pw))
        wm.show_window(m, pw, wm.SW_SHOWNOACTIVATE)
        wm.update_window(m, pw)
        return pw

    def open_bar_popup(self, idx: int, select_first: bool) -> None:
        bar = self.bar
        assert bar is not None
        it = bar.items[idx]
        sub = get_menu(self.m, it.submenu)
        self.bar_open = True
        if sub is None:
            self.redraw(-1)
            return
        layout_bar(self.m, self.owner, bar)
        ox, oy = wm.window_origin_screen(self.owner)
        r = (it.rect[0] + ox, it.rect[1] + oy, it.rect[2] + ox, it.rect[3] + oy)
        self.redraw(-1)
        pw = self.open_popup(sub, r[0], r[3] + 1, idx, bar.sysmenu, anchor=r)
        if pw is not None and select_first:
            self.select(len(self.stack) - 1, self.first_item(sub, 0, 1), False)

    def open_sub(self, level: int, select_first: bool) -> None:
        """Open the submenu of the selected item of popup ``level`` (closing deeper ones)."""
        mn, pw = self.stack[level]
        if not 0 <= mn.sel < len(mn.items):
            return
        it = mn.items[mn.sel]
        sub = get_menu(self.m, it.submenu)
        if sub is None:
            return
        if len(self.stack) > level + 1 and self.stack[level + 1][0] is sub:
            if select_first and sub.sel < 0:
                self.select(level + 1, self.first_item(sub, 0, 1), False)
            return
        self.close_to(level + 1)
        _cx, cy = wm.client_origin_screen(pw)
        x = pw.rect[2] - POPUP_FRAME
        y = cy + it.rect[1] - POPUP_FRAME
        npw = self.open_popup(sub, x, y, mn.sel, mn.sysmenu, beside=pw.rect)
        if npw is not None and select_first:
            self.select(len(self.stack) - 1, self.first_item(sub, 0, 1), False)

    # -- choosing
    def execute(self, level: int, idx: int, keyboard: bool) -> None:
        mn = self.menu_at(level)
        if mn is None or not 0 <= idx < len(mn.items):
            return
        it = mn.items[idx]
        if it.submenu:
            if level < 0:
                self.close_to(0)
                self.select(-1, idx, not keyboard)
                self.open_bar_popup(idx, True)
            else:
                self.select(level, idx, not keyboard)
                self.open_sub(level, True)
            return
        if it.state & (MF_GRAYED | MF_DISABLED) or _is_separator(it):
            if keyboard:
                self.done = True
            return
        self.chosen = (mn, idx)
        self.done = True

    # -- hit testing
    def hit(self, x: int, y: int) -> tuple[int | None, int]:
        """(level, item) under screen point: level -1 is the bar, None is outside every menu."""
        for level in range(len(self.stack) - 1, -1, -1):
            mn, pw = self.stack[level]
            if pw.rect[0] <= x < pw.rect[2] and pw.rect[1] <= y < pw.rect[3]:
                cx, cy = wm.screen_to_client(self.m, pw, x, y)
                for i, it in enumerate(mn.items):
                    r = it.rect
                    if r[0] <= cx < r[2] and r[1] <= cy < r[3]:
                        return level, (-1 if _is_separator(it) else i)
                return level, -1
        if self.bar is not None and not self.owner.destroyed:
            ox, oy = wm.window_origin_screen(self.owner)
            for i, it in enumerate(self.bar.items):
                r = it.rect
                if r[0] + ox <= x < r[2] + ox and r[1] + oy <= y < r[3] + oy + 1:
                    return -1, i
        return None, -1

    # -- input
    def mouse(self, x: "mm.Msg") -> None:
        msg = x.message
        if 0xA0 <= msg <= 0xAD:
            msg = msg - 0xA0 + 0x200
        self.pt = (x.x, x.y)
        level, idx = self.hit(x.x, x.y)
        down = msg in (mm.WM_LBUTTONDOWN, mm.WM_LBUTTONDBLCLK, mm.WM_RBUTTONDOWN, mm.WM_RBUTTONDBLCLK)
        up = msg == mm.WM_LBUTTONUP or (msg == mm.WM_RBUTTONUP and self.flags & TPM_RIGHTBUTTON)
        if msg == mm.WM_MOUSEMOVE:
            if level is None:
                deep = self.menu_at(len(self.stack) - 1)
                if deep is not None and deep.sel >= 0 and not deep.items[deep.sel].submenu:
                    self.select(len(self.stack) - 1, -1, True)
                return
            if level == -1:
                if self.bar_open and idx != self.bar.sel:  # type: ignore[union-attr]
                    self.close_to(0)
                    self.select(-1, idx, True)
                    self.open_bar_popup(idx, False)
                return
            self.hover(level, idx)
            return
        if down:
            if level is None:
                self.done = True  # a click outside every menu cancels
                return
            if level == -1:
                assert self.bar is not None
                if idx == self.bar.sel and self.bar_open:
                    self.done = True
                    return
                self.close_to(0)
                self.select(-1, idx, True)
                self.open_bar_popup(idx, False)
                return
            self.hover(level, idx)
            return
        if up and level is not None and idx >= 0:
            mn = self.menu_at(level)
            if mn is None:
                return
            if level == -1:
                if not mn.items[idx].submenu and mn.sel == idx:
                    self.execute(-1, idx, False)
                return
            if not mn.items[idx].submenu:
                self.execute(level, idx, False)

    def hover(self, level: int, idx: int) -> None:
        """The mouse is over item ``idx`` of popup ``level``: select it and open its submenu."""
        mn = self.stack[level][0]
        if idx >= 0 and idx == mn.sel and len(self.stack) > level + 1 and \
                self.stack[level + 1][0].handle == mn.items[idx].submenu:
            self.close_to(level + 2)
            sub = self.stack[level + 1][0]
            if sub.sel >= 0 and not sub.items[sub.sel].submenu:
                self.select(level + 1, -1, True)
            return
        self.close_to(level + 1)
        self.select(level, idx, True)
        if idx >= 0 and mn.items[idx].submenu:
            self.open_sub(level, False)

    def key(self, x: "mm.Msg") -> None:
        from . import input as inp  # noqa: PLC0415
        msg = x.message
        if msg in (mm.WM_CHAR, mm.WM_SYSCHAR):
            self.char(chr(x.wparam & 0xFFFF) if self.owner.unicode else bytes([x.wparam & 0xFF]).decode(
                self.m.ansi, "replace"))
            return
        if msg not in (mm.WM_KEYDOWN, mm.WM_SYSKEYDOWN):
            return
        vk = x.wparam & 0xFF
        depth = len(self.stack)
        if vk in (VK_MENU, VK_F10):
            self.done = True
        elif vk == VK_ESCAPE:
            if depth:
                self.close_to(depth - 1)
                if not self.stack:
                    if self.bar is None:
                        self.done = True
                    else:
                        self.bar_open = False
                        self.redraw(-1)
            else:
                self.done = True
        elif vk in (VK_UP, VK_DOWN):
            if depth:
                mn = self.stack[-1][0]
                step = 1 if vk == VK_DOWN else -1
                start = (mn.sel + step) if mn.sel >= 0 else (0 if step > 0 else len(mn.items) - 1)
                self.select(depth - 1, self.first_item(mn, start, step), False)
            elif self.bar is not None and self.bar.sel >= 0:
                self.execute(-1, self.bar.sel, True)
        elif vk in (VK_LEFT, VK_RIGHT):
            if vk == VK_RIGHT and depth:
                mn = self.stack[-1][0]
                if 0 <= mn.sel < len(mn.items) and mn.items[mn.sel].submenu:
                    self.open_sub(depth - 1, True)
                    return
            if vk == VK_LEFT and depth > 1:
                self.close_to(depth - 1)
                return
            if self.bar is not None and self.bar.items:
                step = 1 if vk == VK_RIGHT else -1
                was_open = self.bar_open
                nxt = self.first_item(self.bar, self.bar.sel + step, step)
                self.close_to(0)
                self.select(-1, nxt, False)
                if was_open and nxt >= 0 and self.bar.items[nxt].submenu:
                    self.open_bar_popup(nxt, True)
                else:
                    self.redraw(-1)
        elif vk == VK_RETURN:
            if depth:
                mn = self.stack[-1][0]
                if mn.sel >= 0:
                    self.execute(depth - 1, mn.sel, True)
                else:
                    self.done = True
            elif self.bar is not None and self.bar.sel >= 0:
                self.execute(-1, self.bar.sel, True)
        elif vk in (VK_HOME, VK_END) and depth:
            mn = self.stack[-1][0]
            self.select(depth - 1, self.first_item(mn, 0, 1) if vk == VK_HOME
                        else self.first_item(mn, len(mn.items) - 1, -1), False)
        else:
            ch = inp.vk_to_char(self.m, vk)
            if ch is not None and ch >= 0x20:
                self.char(chr(ch))

    def char(self, ch: str) -> None:
        """A typed character: the item with that mnemonic (WM_MENUCHAR when there is none)."""
        level = len(self.stack) - 1 if self.stack else -1
        mn = self.menu_at(level)
        if mn is None:
            return
        c = ch.lower()
        hits = [i for i, it in enumerate(mn.items) if _is_text(it) and mnemonic(it.text) == c]
        if len(hits) == 1:
            self.execute(level, hits[0], True)
            return
        if len(hits) > 1:
            after = [i for i in hits if i > mn.sel]
            self.select(level, (after or hits)[0], False)
            return
        flags = (MF_POPUP if level >= 0 else 0) | (MF_SYSMENU if mn.sysmenu else 0)
        r = self.send(mm.WM_MENUCHAR, (ord(ch) & 0xFFFF) | (flags << 16), mn.handle)
        code, item = (r >> 16) & 0xFFFF, r & 0xFFFF
        if code == MNC_CLOSE:
            self.done = True
        elif code == MNC_EXECUTE and item < len(mn.items):
            self.execute(level, item, True)
        elif code == MNC_SELECT and item < len(mn.items):
            self.select(level, item, False)

    # -- the loop
    def start(self) -> bool:
        st = mstate(self.m)
        if st.tracker is not None:
            self.m.set_last_error(ERROR_POPUP_ALREADY_ACTIVE)
            return False
        st.tracker = self
        ws = wm.state(self.m)
        self.prev_capture = ws.capture
        ws.capture = self.owner
        self.send(mm.WM_ENTERMENULOOP, int(self.bar is None), 0)
        return True

    def run(self) -> None:
        m = self.m
        q = mm.queue(m)
        idle_sent = False
        while not self.done:
            if self.owner.destroyed or (self.bar is not None and get_menu(m, self.bar.handle) is None) or \
                    any(get_menu(m, mn.handle) is None or pw.destroyed for mn, pw in self.stack):
                break
            if self.bar is None and not self.stack:
                break
            x = mm.peek(m, 0, 0, 0, True)
            if x is None:
                if not idle_sent:
                    idle_sent = True
                    top = self.stack[-1][1].hwnd if self.stack else 0
                    self.send(mm.WM_ENTERIDLE, MSGF_MENU, top)
                    continue
                m.wait_here(mm.wait_spec(m, q))
                continue
            idle_sent = False
            if x.message == mm.WM_QUIT:
                q.quit = x.wparam
                break
            if x.message in _MOUSE_MSGS:
                self.mouse(x)
            elif x.message in _KEY_MSGS:
                self.key(x)
            else:
                tw = wm.get(m, x.hwnd)
                mm.dispatch(m, x, tw.unicode if tw is not None else False)

    def abort(self) -> None:
        """Forget this session without sending anything (the loop ended by an exception)."""
        st = mstate(self.m)
        if st.tracker is self:
            st.tracker = None
        ws = wm.state(self.m)
        if ws.capture is self.owner:
            ws.capture = None
        for mn, _pw in self.stack:
            mn.hwnd = 0
            mn.sel = -1
        if self.bar is not None:
            self.bar.sel = -1

    def finish(self) -> int:
        """Close everything, send the closing notifications and post the chosen command."""
        m = self.m
        self.close_to(0)
        if self.bar is not None and get_menu(m, self.bar.handle) is not None:
            if 0 <= self.bar.sel < len(self.bar.items):
                self.bar.items[self.bar.sel].state &= ~MF_HILITE
            self.bar.sel = -1
        st = mstate(m)
        st.tracker = None
        if self.bar is not None:
            self.redraw(-1)
        ws = wm.state(m)
        if ws.capture is self.owner:
            ws.capture = self.prev_capture if self.prev_capture is not None and not self.prev_capture.destroyed \
                else None
        self.send(mm.WM_MENUSELECT, 0xFFFF << 16, 0)
        self.send(mm.WM_EXITMENULOOP, int(self.bar is None), 0)
        if self.chosen is None:
            return 0
        mn, idx = self.chosen
        cmd = mn.items[idx].id if idx < len(mn.items) else 0
        if self.flags & TPM_RETURNCMD or self.owner.destroyed:
            return cmd
        if mn.sysmenu:
            mm.post(m, self.owner.hwnd, mm.WM_SYSCOMMAND, cmd,
                    (self.pt[0] & 0xFFFF) | ((self.pt[1] & 0xFFFF) << 16))
        elif self._notify_by_pos(mn):
            mm.post(m, self.owner.hwnd, WM_MENUCOMMAND, idx, mn.handle)
        else:
            mm.post(m, self.owner.hwnd, mm.WM_COMMAND, cmd & 0xFFFF, 0)
        return cmd

    def _notify_by_pos(self, mn: Menu) -> bool:
        top = self.bar if self.bar is not None else (self.stack[0][0] if self.stack else mn)
        return bool((top.style | mn.style) & MNS_NOTIFYBYPOS)


def _session(tr: _Tracker, body: Callable[[], None]) -> int | None:
    """Run one menu session: start (None if another one is active), ``body``, finish; on an exception
    (the process ending inside the loop) the menu state is reset without further messages."""
    if not tr.start():
        return None
    try:
        body()
    except BaseException:
        tr.abort()
        raise
    return tr.finish()


def track_menu_bar(m: "Machine", w: "Window", cmd: int, lp: int) -> int:
    """DefWindowProc's WM_SYSCOMMAND SC_MOUSEMENU (lp: screen point) / SC_KEYMENU (lp: the character,
    0 for F10/Alt): run the menu loop on the window's menu bar (or its system menu)."""
    w = wm.top_level(w)
    cmd &= 0xFFF0
    bar = bar_menu(m, w)
    if cmd == defwnd.SC_MOUSEMENU:
        x, y = _s16(lp), _s16(lp >> 16)
        if w.style & wm.WS_SYSMENU and nc.hit_test(m, w, x, y) == nc.HTSYSMENU:
            return _track_system(m, w)
        if bar is None:
            return 0
        layout_bar(m, w, bar)
        ox, oy = wm.window_origin_screen(w)
        idx = next((i for i, it in enumerate(bar.items)
                    if it.rect[0] + ox <= x < it.rect[2] + ox and it.rect[1] + oy <= y < it.rect[3] + oy + 1), -1)
        if idx < 0:
            return 0
        tr = _Tracker(m, w, 0, bar)
        tr.pt = (x, y)

        def mouse_body() -> None:
            tr.send(mm.WM_INITMENU, bar.handle, 0)
            if get_menu(m, bar.handle) is not None and not w.destroyed:
                tr.select(-1, idx, True)
                tr.open_bar_popup(idx, False)
                tr.run()
        return _session(tr, mouse_body) or 0
    if cmd != defwnd.SC_KEYMENU:
        return 0
    ch = lp & 0xFFFF
    if ch == 0x20 or (bar is None and ch == 0):
        return _track_system(m, w) if w.style & wm.WS_SYSMENU else 0
    if bar is None or not bar.items:
        return 0
    layout_bar(m, w, bar)
    tr = _Tracker(m, w, 0, bar)

    def key_body() -> None:
        tr.send(mm.WM_INITMENU, bar.handle, 0)
        if get_menu(m, bar.handle) is None or w.destroyed:
            return
        if ch == 0:
            tr.select(-1, tr.first_item(bar, 0, 1), False)
            tr.run()
            return
        tr.char(chr(ch) if w.unicode else bytes([ch & 0xFF]).decode(m.ansi, "replace"))
        if tr.stack or (bar.sel >= 0 and not tr.done):
            tr.run()
    return _session(tr, key_body) or 0


def _track_system(m: "Machine", w: "Window") -> int:
    """The system menu as a popup below the caption icon."""
    mn = system_menu(m, w)
    if mn is None:
        return 0
    ox, oy = wm.window_origin_screen(w)
    b = nc.border_width(w.style, w.exstyle)
    cr = nc.caption_rect(w)
    y = oy + (cr[3] if cr is not None else b)
    tr = _Tracker(m, w, 0, None)
    tr.pt = (ox + b, y)

    def body() -> None:
        tr.send(mm.WM_INITMENU, mn.handle, 0)
        if get_menu(m, mn.handle) is not None and not w.destroyed and \
                tr.open_popup(mn, ox + b, y, 0, True) is not None:
            tr.run()
    return _session(tr, body) or 0


def track_popup(m: "Machine", hmenu: int, flags: int, x: int, y: int, hwnd: int) -> int:
    """TrackPopupMenu(Ex): show a shortcut menu at (x, y) and run the menu loop."""
    mn = _menu_arg(m, hmenu)
    if mn is None:
        return 0
    w = wm.get(m, hwnd)
    if w is None:
        m.set_last_error(ERROR_INVALID_WINDOW_HANDLE)
        return 0
    tr = _Tracker(m, w, flags, None)
    tr.pt = (x, y)

    def body() -> None:
        tr.send(mm.WM_INITMENU, mn.handle, 0)
        if get_menu(m, mn.handle) is not None and not w.destroyed and \
                tr.open_popup(mn, x, y, 0, mn.sysmenu, align=flags) is not None:
            tr.run()
    cmd = _session(tr, body)
    if cmd is None:
        return 0
    return cmd if flags & TPM_RETURNCMD else 1


@stdcall("user32")
def TrackPopupMenu(m: "Machine", hMenu: HANDLE, uFlags: UINT, x: INT, y: INT, nReserved: INT, hWnd: HWND,
                   prcRect: PTR) -> BOOL:
    """Show a shortcut menu at a screen point and track it until an item is chosen or it is dismissed
    (posts WM_COMMAND, or returns the id with TPM_RETURNCMD)."""
    return track_popup(m, hMenu, uFlags, x, y, hWnd)


@stdcall("user32")
def TrackPopupMenuEx(m: "Machine", hMenu: HANDLE, uFlags: UINT, x: INT, y: INT, hwnd: HWND, lptpm: PTR) -> BOOL:
    """TrackPopupMenu with TPMPARAMS (the exclusion rectangle is not avoided beyond screen edges)."""
    return track_popup(m, hMenu, uFlags, x, y, hwnd)


@stdcall("user32")
def EndMenu(m: "Machine") -> BOOL:
    """End the active menu loop (as if dismissed)."""
    tr = mstate(m).tracker
    if tr is not None:
        tr.done = True
        tr.chosen = None
    return 1


@stdcall("user32")
def GetMenuBarInfo(m: "Machine", hwnd: HWND, idObject: INT, idItem: INT, pmbi: PTR) -> BOOL:
    """MENUBARINFO for the menu bar (OBJID_MENU = -3), the system menu (-1) or a shown popup (OBJID_CLIENT -4)."""
    w = wm.get(m, hwnd)
    if w is None or not pmbi:
        return 0
    if idObject == -3:
        mn = bar_menu(m, w)
        if mn is None:
            return 0
        layout_bar(m, w, mn)
        ox, oy = wm.window_origin_screen(w)
        mr = nc.menu_rect(w)
        assert mr is not None
        r = (mr[0] + ox, mr[1] + oy, mr[2] + ox, mr[3] + oy)
    elif idObject == -1:
        mn = system_menu(m, w) if w.style & wm.WS_SYSMENU else None
        cr = nc.caption_rect(w)
        if mn is None or cr is None:
            return 0
        ox, oy = wm.window_origin_screen(w)
        r = (cr[0] + ox, cr[1] + oy, cr[0] + ox + 16, cr[3] + oy)
    elif idObject == -4:
        if w.cls.name != "#32768" or not isinstance(w.data, _PopupData):
            return 0
        mn = get_menu(m, w.data.menu)
        if mn is None:
            return 0
        cx, cy = wm.client_origin_screen(w)
        r = (cx, cy, cx + w.client_size[0], cy + w.client_size[1])
    else:
        return 0
    if idItem > 0:
        if idItem > len(mn.items):
            return 0
        ir = _item_screen_rect(m, w if idObject == -3 else None, mn, idItem - 1)
        if ir is not None:
            r = ir
    focused = mn.sel >= 0 and mstate(m).tracker is not None
    m.mem.pack("<I4iIII", pmbi, 32, *r, mn.handle, mn.hwnd if idObject != -3 else 0, int(focused))
    return 1
