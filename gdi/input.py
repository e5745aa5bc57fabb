"""Keyboard and mouse: host events become WM_KEY*/WM_*BUTTON*/WM_MOUSEMOVE messages, plus the key-state
table, the cursor position, capture and the input APIs (GetKeyState, GetCursorPos, SetCapture...).

Host threads (the presenter, the session timeline) call ``post_host_event``; the guest side calls
``pump`` at its message checks, which routes each event to the thread of the window it belongs to
(keyboard: the focus window, else the active one; mouse: the capture window, else the one under the cursor).
"""
from __future__ import annotations

import collections
import threading
from typing import TYPE_CHECKING, Callable

from emu import clock
from emu.api import BOOL, DWORD, HWND, INT, PTR, UINT, stdcall

from . import hostevent as he
from . import window as wm
from .message import (
    WM_CHAR,
    WM_CLOSE,
    WM_KEYDOWN,
    WM_KEYUP,
    WM_LBUTTONDOWN,
    WM_MOUSEACTIVATE,
    WM_MOUSEMOVE,
    WM_MOUSEWHEEL,
    WM_NCHITTEST,
    WM_NCMOUSEMOVE,
    WM_SETCURSOR,
    WM_SYSKEYDOWN,
    WM_SYSKEYUP,
    Msg,
    queue,
    send,
)

if TYPE_CHECKING:
    from emu.machine import Machine

VK_LBUTTON, VK_RBUTTON, VK_MBUTTON = 1, 2, 4
VK_BACK, VK_TAB, VK_RETURN, VK_SHIFT, VK_CONTROL, VK_MENU = 8, 9, 0x0D, 0x10, 0x11, 0x12
VK_CAPITAL, VK_ESCAPE, VK_SPACE, VK_NUMLOCK, VK_SCROLL, VK_F10 = 0x14, 0x1B, 0x20, 0x90, 0x91, 0x79
VK_LSHIFT, VK_RSHIFT, VK_LCONTROL, VK_RCONTROL, VK_LMENU, VK_RMENU = 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5
VK_NUMPAD0, VK_DECIMAL, VK_MULTIPLY, VK_ADD, VK_SUBTRACT, VK_DIVIDE = 0x60, 0x6E, 0x6A, 0x6B, 0x6D, 0x6F
MK_LBUTTON, MK_RBUTTON, MK_SHIFT, MK_CONTROL, MK_MBUTTON = 1, 2, 4, 8, 0x10
DOUBLE_CLICK_MS = 500

# US layout: vk -> (unshifted, shifted)
_US: dict[int, tuple[str, str]] = {
    0x30: ("0", ")"), 0x31: ("1", "!"), 0x32: ("2", "@"), 0x33: ("3", "#"), 0x34: ("4", "$"), 0x35: ("5", "%"),
    0x36: ("6", "^"), 0x37: ("7", "&"), 0x38: ("8", "*"), 0x39: ("9", "("), 0xBA: (";", ":"), 0xBB: ("=", "+"),
    0xBC: (",", "<"), 0xBD: ("-", "_"), 0xBE: (".", ">"), 0xBF: ("/", "?"), 0xC0: ("`", "~"), 0xDB: ("[", "{"),
    0xDC: ("\\", "|"), 0xDD: ("]", "}"), 0xDE: ("'", '"'), 0x20: (" ", " "),
}
_CHAR_TO_VK: dict[str, tuple[int, bool]] = {}
for _vk, (_a, _b) in _US.items():
    _CHAR_TO_VK.setdefault(_a, (_vk, False))
    _CHAR_TO_VK.setdefault(_b, (_vk, True))
for _c in range(26):
    _CHAR_TO_VK[chr(0x61 + _c)] = (0x41 + _c, False)
    _CHAR_TO_VK[chr(0x41 + _c)] = (0x41 + _c, True)
_CHAR_TO_VK["\r"] = (VK_RETURN, False)
_CHAR_TO_VK["\n"] = (VK_RETURN, False)
_CHAR_TO_VK["\t"] = (VK_TAB, False)
_CHAR_TO_VK["\b"] = (VK_BACK, False)

# set-1 scan codes (make codes) for virtual keys; extended keys flagged
_SCAN: dict[int, tuple[int, bool]] = {
    VK_ESCAPE: (1, False), VK_BACK: (0x0E, False), VK_TAB: (0x0F, False), VK_RETURN: (0x1C, False),
    VK_CONTROL: (0x1D, False), VK_LCONTROL: (0x1D, False), VK_RCONTROL: (0x1D, True), VK_SHIFT: (0x2A, False),
    VK_LSHIFT: (0x2A, False), VK_RSHIFT: (0x36, False), VK_MENU: (0x38, False), VK_LMENU: (0x38, False),
    VK_RMENU: (0x38, True), VK_SPACE: (0x39, False), VK_CAPITAL: (0x3A, False), VK_NUMLOCK: (0x45, False),
    VK_SCROLL: (0x46, False), 0x24: (0x47, True), 0x26: (0x48, True), 0x21: (0x49, True), 0x25: (0x4B, True),
    0x27: (0x4D, True), 0x23: (0x4F, True), 0x28: (0x50, True), 0x22: (0x51, True), 0x2D: (0x52, True),
    0x2E: (0x53, True), 0x13: (0x45, False), 0x2C: (0x37, True), 0x5B: (0x5B, True), 0x5C: (0x5C, True),
    0x5D: (0x5D, True), VK_MULTIPLY: (0x37, False), VK_SUBTRACT: (0x4A, False), VK_ADD: (0x4E, False),
    VK_DIVIDE: (0x35, True), VK_DECIMAL: (0x53, False),
}
for _i, _sc in enumerate((0x52, 0x4F, 0x50, 0x51, 0x4B, 0x4C, 0x4D, 0x47, 0x48, 0x49)):
    _SCAN[VK_NUMPAD0 + _i] = (_sc, False)
for _i, _sc in enumerate((0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x40, 0x41, 0x42, 0x43, 0x44, 0x57, 0x58)):
    _SCAN[0x70 + _i] = (_sc, False)
_ROW = {"1234567890-=": 0x02, "QWERTYUIOP[]": 0x10, "ASDFGHJKL;'`": 0x1E, "\\ZXCVBNM,./": 0x2B}
for _keys, _start in _ROW.items():
    for _i, _ch in enumerate(_keys):
        _v = _CHAR_TO_VK.get(_ch.lower() if _ch.isalpha() else _ch, (0, False))[0]
        if _v and _v not in _SCAN:
            _SCAN[_v] = (_start + _i, False)


def scan_code(vk: int) -> tuple[int, bool]:
    """Set-1 scan code and extended flag of a virtual key (0 if unknown)."""
    return _SCAN.get(vk, (0, False))


def char_to_key(ch: str) -> tuple[int, bool] | None:
    """(virtual key, needs shift) that types ``ch`` on a US keyboard."""
    return _CHAR_TO_VK.get(ch)


class InputState:
    def __init__(self) -> None:
        self.keys = bytearray(256)  # GetKeyState: 0x80 down, 0x01 toggled
        self.async_keys = bytearray(256)
        self.pressed_since = bytearray(256)  # GetAsyncKeyState's "pressed since last call" bit
        self.cursor = (400, 300)
        self.host: collections.deque[he.HostEvent] = collections.deque()
        self.lock = threading.Lock()
        self.last_click: tuple[int, int, int, int, int] = (0, 0, 0, 0, -10_000)  # hwnd, button, x, y, ms
        self.cursor_count = 0  # ShowCursor counter (>= 0: visible)
        self.clip: tuple[int, int, int, int] | None = None
        self.mouse_over: int = 0
        # raw host events as they are pumped, before they become messages (DirectInput devices listen here)
        self.listeners: list[Callable[["Machine", he.HostEvent], None]] = []


def state(m: "Machine") -> InputState:
    st = m.state.get("input")
    if st is None:
        st = InputState()
        from . import desktop  # noqa: PLC0415
        scr = desktop.screen(m)
        st.cursor = (scr.width // 2, scr.height // 2)
        m.state["input"] = st
    return st


def post_host_event(m: "Machine", ev: he.HostEvent) -> None:
    """Queue a host input event for the guest (any host thread)."""
    st = state(m)
    with st.lock:
        st.host.append(ev)
    m.host_wake.set()


def host_pending(m: "Machine") -> bool:
    st = m.state.get("input")
    return bool(st is not None and st.host)


def cursor_pos(m: "Machine") -> tuple[int, int]:
    st = m.state.get("input")
    return st.cursor if st is not None else (0, 0)


def pump(m: "Machine") -> None:
    """Turn queued host events into window messages (called from the guest's message checks)."""
    st = m.state.get("input")
    if st is None or not st.host:
        return
    while True:
        with st.lock:
            if not st.host:
                return
            ev = st.host.popleft()
        _handle(m, st, ev)


def _lparam_key(vk: int, scan: int, ext: bool, down: bool, was_down: bool, alt: bool) -> int:
    lp = 1 | ((scan & 0xFF) << 16)
    if ext:
        lp |= 1 << 24
    if alt:
        lp |= 1 << 29
    if not down or was_down:
        lp |= 1 << 30
    if not down:
        lp |= 1 << 31
    return lp


def _set_key(st: InputState, vk: int, down: bool) -> bool:
    """Update the asynchronous (physical) key state; returns whether the key was down."""
    was = bool(st.async_keys[vk] & 0x80)
    if down:
        st.async_keys[vk] |= 0x80
        st.pressed_since[vk] = 1
    else:
        st.async_keys[vk] &= 0x7F
    return was


def _set_sync(st: InputState, vk: int, down: bool) -> None:
    """Update GetKeyState's table (as of the message being processed)."""
    if down:
        if not st.keys[vk] & 0x80:
            st.keys[vk] ^= 0x01
        st.keys[vk] |= 0x80
    else:
        st.keys[vk] &= 0x7F


_SIDES = {VK_SHIFT: (VK_LSHIFT, VK_RSHIFT), VK_CONTROL: (VK_LCONTROL, VK_RCONTROL), VK_MENU: (VK_LMENU, VK_RMENU)}


def _key_event(m: "Machine", st: InputState, ev: he.Key) -> None:
    vk = ev.vk & 0xFF
    scan, ext = (ev.scan, ev.extended) if ev.scan else scan_code(vk)
    generic = {VK_LSHIFT: VK_SHIFT, VK_RSHIFT: VK_SHIFT, VK_LCONTROL: VK_CONTROL, VK_RCONTROL: VK_CONTROL,
               VK_LMENU: VK_MENU, VK_RMENU: VK_MENU}.get(vk)
    if generic is None and vk in _SIDES:
        side = _SIDES[vk][0]
        generic, vk = vk, side
        scan, ext = scan_code(side) if not ev.scan else (scan, ext)
    if generic is not None:
        _set_key(st, vk, ev.down)
        left, right = _SIDES[generic]
        was = bool(st.async_keys[generic] & 0x80)
        if ev.down:
            _set_key(st, generic, True)
        elif not (st.async_keys[left] & 0x80 or st.async_keys[right] & 0x80):
            _set_key(st, generic, False)
        vk = generic
    else:
        was = _set_key(st, vk, ev.down)
    ws = wm.state(m)
    target = ws.focus or ws.active
    if target is None or target.destroyed:
        return
    alt = bool(st.async_keys[VK_MENU] & 0x80)
    ctrl = bool(st.async_keys[VK_CONTROL] & 0x80)
    sys = (alt and not ctrl) or vk == VK_F10 or ws.focus is None or vk == VK_MENU
    if sys:
        msg = WM_SYSKEYDOWN if ev.down else WM_SYSKEYUP
    else:
        msg = WM_KEYDOWN if ev.down else WM_KEYUP
    lp = _lparam_key(vk, scan, ext, ev.down, was, alt and sys)
    _queue_input(m, target, msg, vk, lp)


def _queue_input(m: "Machine", w: wm.Window, msg: int, wp: int, lp: int) -> None:
    st = state(m)
    x, y = st.cursor
    queue(m, w.tid).input.append(Msg(w.hwnd, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF,
                                     clock.current().ms() & 0xFFFFFFFF, x, y))


def _mk(st: InputState) -> int:
    a = st.async_keys
    k = 0
    if a[VK_LBUTTON] & 0x80:
        k |= MK_LBUTTON
    if a[VK_RBUTTON] & 0x80:
        k |= MK_RBUTTON
    if a[VK_MBUTTON] & 0x80:
        k |= MK_MBUTTON
    if a[VK_SHIFT] & 0x80:
        k |= MK_SHIFT
    if a[VK_CONTROL] & 0x80:
        k |= MK_CONTROL
    return k


def _hit(m: "Machine", w: wm.Window, x: int, y: int) -> int:
    """WM_NCHITTEST, sent when the window belongs to the current thread (default geometry otherwise)."""
    from . import nonclient  # noqa: PLC0415
    if m.thread is not None and w.tid == m.thread.tid:
        r = send(m, w, WM_NCHITTEST, 0, (x & 0xFFFF) | ((y & 0xFFFF) << 16))
        return r - (1 << 32) if r & 0x80000000 else r
    return nonclient.hit_test(m, w, x, y)


def _mouse_target(m: "Machine", x: int, y: int) -> tuple[wm.Window | None, int]:
    ws = wm.state(m)
    if ws.capture is not None and not ws.capture.destroyed:
        return ws.capture, 1
    w = wm.window_at(m, x, y)
    while w is not None:
        if w.style & wm.WS_DISABLED:
            # disabled windows get no mouse input; a disabled child passes it to its parent
            if w.is_child:
                w = w.parent
                continue
            return None, 0
        hit = _hit(m, w, x, y)
        if hit == -1 and w.is_child and w.parent is not None:  # HTTRANSPARENT
            w = w.parent
            continue
        return w, hit
    return None, 0


def _mouse_event(m: "Machine", st: InputState, ev: he.HostEvent) -> None:
    from . import desktop  # noqa: PLC0415
    scr = desktop.screen(m)
    x = min(max(getattr(ev, "x"), 0), scr.width - 1)
    y = min(max(getattr(ev, "y"), 0), scr.height - 1)
    if st.clip is not None:
        x = min(max(x, st.clip[0]), st.clip[2] - 1)
        y = min(max(y, st.clip[1]), st.clip[3] - 1)
    st.cursor = (x, y)
    if isinstance(ev, he.MouseButton):
        vk = {1: VK_LBUTTON, 2: VK_RBUTTON, 3: VK_MBUTTON}.get(ev.button, VK_LBUTTON)
        _set_key(st, vk, ev.down)
    w, hit = _mouse_target(m, x, y)
    if w is None:
        icon = wm.iconic_at(m, x, y)
        if icon is not None and isinstance(ev, he.MouseButton) and not ev.down and ev.button == 1:
            from .message import post  # noqa: PLC0415
            post(m, icon.hwnd, 0x112, 0xF120, 0)  # WM_SYSCOMMAND SC_RESTORE: a click restores a minimised window
        return
    ws = wm.state(m)
    client = hit == 1 or ws.capture is w
    if isinstance(ev, he.MouseWheel):
        target = ws.focus or w
        _queue_input(m, target, WM_MOUSEWHEEL, ((ev.delta & 0xFFFF) << 16) | _mk(st),
                     (x & 0xFFFF) | ((y & 0xFFFF) << 16))
        return
    if isinstance(ev, he.MouseMove):
        if m.thread is not None and w.tid == m.thread.tid:
            send(m, w, WM_SETCURSOR, w.hwnd, (hit & 0xFFFF) | (WM_MOUSEMOVE << 16))
        if client:
            cx, cy = wm.screen_to_client(m, w, x, y)
            q = queue(m, w.tid).input
            if q and q[-1].message == WM_MOUSEMOVE and q[-1].hwnd == w.hwnd:
                q.pop()  # Windows coalesces mouse moves
            _queue_input(m, w, WM_MOUSEMOVE, _mk(st), (cx & 0xFFFF) | ((cy & 0xFFFF) << 16))
        else:
            _queue_input(m, w, WM_NCMOUSEMOVE, hit, (x & 0xFFFF) | ((y & 0xFFFF) << 16))
        return
    assert isinstance(ev, he.MouseButton)
    base = {1: WM_LBUTTONDOWN, 2: 0x204, 3: 0x207}.get(ev.button, WM_LBUTTONDOWN)
    if ev.down:
        top = wm.top_level(w)
        if ws.active is not top and m.thread is not None and w.tid == m.thread.tid:
            r = send(m, w, WM_MOUSEACTIVATE, top.hwnd, (hit & 0xFFFF) | ((base & 0xFFFF) << 16))
            if r in (1, 2):  # MA_ACTIVATE, MA_ACTIVATEANDEAT
                wm.activate(m, top)
            if r in (2, 4):  # ...ANDEAT
                return
        msg = base
        now = clock.current().ms()
        lh, lb, lx, ly, lt = st.last_click
        if (client and w.cls.style & wm.CS_DBLCLKS and lh == w.hwnd and lb == ev.button
                and abs(lx - x) <= 4 and abs(ly - y) <= 4 and now - lt <= DOUBLE_CLICK_MS):
            msg = base + 2  # WM_xBUTTONDBLCLK
            st.last_click = (0, 0, 0, 0, -10_000)
        else:
            st.last_click = (w.hwnd, ev.button, x, y, now)
    else:
        msg = base + 1
    if client:
        cx, cy = wm.screen_to_client(m, w, x, y)
        _queue_input(m, w, msg, _mk(st), (cx & 0xFFFF) | ((cy & 0xFFFF) << 16))
    else:
        _queue_input(m, w, msg - WM_MOUSEMOVE + 0xA0, hit, (x & 0xFFFF) | ((y & 0xFFFF) << 16))


def _handle(m: "Machine", st: InputState, ev: he.HostEvent) -> None:
    for listener in st.listeners:
        listener(m, ev)
    if isinstance(ev, he.Key):
        _key_event(m, st, ev)
    elif isinstance(ev, he.Text):
        ws = wm.state(m)
        target = ws.focus or ws.active
        if target is None:
            return
        for ch in ev.text:
            if ch in _CHAR_TO_VK or ord(ch) < 0x20 or ch == "\x7f":
                continue  # typed keys produce these through TranslateMessage
            _queue_input(m, target, WM_CHAR, ord(ch) if target.unicode else _ansi(m, ch), 1)
    elif isinstance(ev, (he.MouseMove, he.MouseButton, he.MouseWheel)):
        _mouse_event(m, st, ev)
    elif isinstance(ev, he.Close):
        ws = wm.state(m)
        target = ws.active or next((t for t in ws.tops if t.visible), None)
        if target is not None:
            from .message import post  # noqa: PLC0415
            post(m, target.hwnd, WM_CLOSE, 0, 0)
    elif isinstance(ev, he.Focus):
        pass


def _ansi(m: "Machine", ch: str) -> int:
    try:
        return ch.encode(m.ansi)[0]
    except UnicodeError:
        return ord("?")


def on_input_retrieved(m: "Machine", x: Msg) -> None:
    """A keyboard or mouse message was retrieved: GetKeyState now reflects it."""
    st = state(m)
    if x.message in (WM_KEYDOWN, WM_SYSKEYDOWN, WM_KEYUP, WM_SYSKEYUP):
        down = x.message in (WM_KEYDOWN, WM_SYSKEYDOWN)
        vk = x.wparam & 0xFF
        _set_sync(st, vk, down)
        if vk in _SIDES:
            left, right = _SIDES[vk]
            scan, ext = (x.lparam >> 16) & 0xFF, bool(x.lparam & (1 << 24))
            _set_sync(st, right if (ext or (vk == VK_SHIFT and scan == 0x36)) else left, down)
            if not down and (st.keys[left] & 0x80 or st.keys[right] & 0x80):
                st.keys[vk] |= 0x80
        return
    btn = {0x201: (VK_LBUTTON, True), 0x202: (VK_LBUTTON, False), 0x203: (VK_LBUTTON, True),
           0x204: (VK_RBUTTON, True), 0x205: (VK_RBUTTON, False), 0x206: (VK_RBUTTON, True),
           0x207: (VK_MBUTTON, True), 0x208: (VK_MBUTTON, False), 0x209: (VK_MBUTTON, True),
           0xA1: (VK_LBUTTON, True), 0xA2: (VK_LBUTTON, False), 0xA4: (VK_RBUTTON, True),
           0xA5: (VK_RBUTTON, False)}.get(x.message)
    if btn is not None:
        _set_sync(st, btn[0], btn[1])


def vk_to_char(m: "Machine", vk: int) -> int | None:
    """The character a key press produces with the current modifiers (TranslateMessage, US layout)."""
    st = state(m)
    shift = bool(st.keys[VK_SHIFT] & 0x80)
    ctrl = bool(st.keys[VK_CONTROL] & 0x80)
    caps = bool(st.keys[VK_CAPITAL] & 0x01)
    if 0x41 <= vk <= 0x5A:
        if ctrl:
            return vk - 0x40
        upper = shift != caps
        return vk if upper else vk + 0x20
    if vk in (VK_RETURN, VK_BACK, VK_TAB, VK_ESCAPE):
        if ctrl and vk == VK_RETURN:
            return 0x0A
        return vk
    if vk == VK_SPACE:
        return 0x20
    if VK_NUMPAD0 <= vk <= VK_NUMPAD0 + 9:
        return 0x30 + vk - VK_NUMPAD0
    if vk in (VK_MULTIPLY, VK_ADD, VK_SUBTRACT, VK_DECIMAL, VK_DIVIDE):
        return ord({VK_MULTIPLY: "*", VK_ADD: "+", VK_SUBTRACT: "-", VK_DECIMAL: ".", VK_DIVIDE: "/"}[vk])
    pair = _US.get(vk)
    if pair is not None and not ctrl:
        return ord(pair[1] if shift else pair[0])
    return None


# ---- APIs --------------------------------------------------------------------------------------------
@stdcall("user32")
def GetKeyState(m: "Machine", nVirtKey: INT) -> INT:
    """State of a key as of the current message: high bit down, low bit toggled."""
    pump(m)
    v = state(m).keys[nVirtKey & 0xFF]
    return (-32768 if v & 0x80 else 0) | (v & 1)


@stdcall("user32")
def GetAsyncKeyState(m: "Machine", vKey: INT) -> INT:
    """Whether a key is down now (high bit) and was pressed since the last call (low bit)."""
    pump(m)
    st = state(m)
    vk = vKey & 0xFF
    r = (-32768 if st.async_keys[vk] & 0x80 else 0) | st.pressed_since[vk]
    st.pressed_since[vk] = 0
    return r


@stdcall("user32")
def GetKeyboardState(m: "Machine", lpKeyState: PTR) -> BOOL:
    """Copy the 256-byte key state table."""
    pump(m)
    m.mem.write(lpKeyState, bytes(state(m).keys))
    return 1


@stdcall("user32")
def SetKeyboardState(m: "Machine", lpKeyState: PTR) -> BOOL:
    """Replace the key state table."""
    state(m).keys[:] = m.mem.read(lpKeyState, 256)
    return 1


@stdcall("user32")
def MapVirtualKeyA(m: "Machine", uCode: UINT, uMapType: UINT) -> UINT:
    """Translate between virtual keys, scan codes and characters (US layout)."""
    if uMapType in (0, 3):  # VK -> scan
        return scan_code(uCode)[0]
    if uMapType in (1, 4):  # scan -> VK
        for vk, (sc, ext) in _SCAN.items():
            if sc == uCode and not ext and vk not in (VK_LSHIFT, VK_LCONTROL, VK_LMENU):
                return vk
        return 0
    if uMapType == 2:  # VK -> char
        if 0x41 <= uCode <= 0x5A or 0x30 <= uCode <= 0x39:
            return uCode
        pair = _US.get(uCode)
        return ord(pair[0]) if pair else 0
    return 0


@stdcall("user32")
def MapVirtualKeyW(m: "Machine", uCode: UINT, uMapType: UINT) -> UINT:
    """Translate between virtual keys, scan codes and characters (US layout)."""
    return MapVirtualKeyA(m, uCode, uMapType)


def _vk_scan(m: "Machine", ch: int) -> int:
    k = _CHAR_TO_VK.get(chr(ch & 0xFFFF))
    if k is None:
        return 0xFFFF
    return k[0] | (0x100 if k[1] else 0)


@stdcall("user32")
def VkKeyScanA(m: "Machine", ch: DWORD) -> INT:
    """Virtual key (low byte) and shift state (high byte) that type a character."""
    return _vk_scan(m, ch)


@stdcall("user32")
def VkKeyScanW(m: "Machine", ch: DWORD) -> INT:
    """Virtual key (low byte) and shift state (high byte) that type a character."""
    return _vk_scan(m, ch)


@stdcall("user32")
def GetKeyboardType(m: "Machine", nTypeFlag: INT) -> INT:
    """IBM enhanced (101/102-key) keyboard: type 4, 12 function keys."""
    return {0: 4, 1: 0, 2: 12}.get(nTypeFlag, 0)


@stdcall("user32")
def GetKeyboardLayout(m: "Machine", idThread: DWORD) -> DWORD:
    """US English (0x04090409)."""
    return 0x04090409


@stdcall("user32")
def keybd_event(m: "Machine", bVk: DWORD, bScan: DWORD, dwFlags: DWORD, dwExtraInfo: DWORD) -> None:
    """Synthesize a key press or release (KEYEVENTF_KEYUP = 2)."""
    post_host_event(m, he.Key(bVk & 0xFF, not dwFlags & 2, bScan & 0xFF, bool(dwFlags & 1)))
    pump(m)


@stdcall("user32")
def GetCursorPos(m: "Machine", lpPoint: PTR) -> BOOL:
    """The cursor position in screen coordinates."""
    pump(m)
    x, y = state(m).cursor
    m.mem.pack("<2i", lpPoint, x, y)
    return 1


@stdcall("user32")
def SetCursorPos(m: "Machine", X: INT, Y: INT) -> BOOL:
    """Move the cursor (the host pointer is not moved; the guest sees the new position)."""
    st = state(m)
    if st.clip is not None:
        X = min(max(X, st.clip[0]), st.clip[2] - 1)
        Y = min(max(Y, st.clip[1]), st.clip[3] - 1)
    st.cursor = (X, Y)
    return 1


@stdcall("user32")
def ClipCursor(m: "Machine", lpRect: PTR) -> BOOL:
    """Confine the cursor to a screen rectangle (NULL: free)."""
    st = state(m)
    st.clip = tuple(m.mem.unpack("<4i", lpRect)) if lpRect else None  # type: ignore[assignment]
    return 1


@stdcall("user32")
def GetClipCursor(m: "Machine", lpRect: PTR) -> BOOL:
    """The cursor confinement rectangle (the screen when free)."""
    from . import desktop  # noqa: PLC0415
    scr = desktop.screen(m)
    r = state(m).clip or (0, 0, scr.width, scr.height)
    m.mem.pack("<4i", lpRect, *r)
    return 1


@stdcall("user32")
def ShowCursor(m: "Machine", bShow: BOOL) -> INT:
    """Increment or decrement the display counter; the cursor shows while it is >= 0."""
    st = state(m)
    st.cursor_count += 1 if bShow else -1
    return st.cursor_count


@stdcall("user32")
def SetCapture(m: "Machine", hWnd: HWND) -> HWND:
    """Send all mouse input to a window; returns the previous capture window."""
    ws = wm.state(m)
    old = ws.capture
    ws.capture = wm.get(m, hWnd)
    return old.hwnd if old is not None and not old.destroyed else 0


@stdcall("user32")
def ReleaseCapture(m: "Machine") -> BOOL:
    """End mouse capture (WM_CAPTURECHANGED to the old capture window)."""
    ws = wm.state(m)
    old = ws.capture
    ws.capture = None
    if old is not None and not old.destroyed:
        send(m, old, 0x215, 0, 0)
    return 1


@stdcall("user32")
def GetCapture(m: "Machine") -> HWND:
    """The window capturing the mouse."""
    c = wm.state(m).capture
    return c.hwnd if c is not None and not c.destroyed else 0


@stdcall("user32")
def GetDoubleClickTime(m: "Machine") -> UINT:
    """500 ms."""
    return DOUBLE_CLICK_MS


@stdcall("user32")
def SetDoubleClickTime(m: "Machine", uInterval: UINT) -> BOOL:
    """Accepted only for the default value; a different interval is not supported."""
    return int(uInterval in (0, DOUBLE_CLICK_MS))


@stdcall("user32")
def mouse_event(m: "Machine", dwFlags: DWORD, dx: DWORD, dy: DWORD, dwData: DWORD, dwExtraInfo: DWORD) -> None:
    """Synthesize mouse motion and button events (MOUSEEVENTF_*)."""
    st = state(m)
    x, y = st.cursor
    if dwFlags & 1:  # MOVE
        sdx = dx - (1 << 32) if dx & 0x80000000 else dx
        sdy = dy - (1 << 32) if dy & 0x80000000 else dy
        if dwFlags & 0x8000:  # ABSOLUTE (0..65535)
            from . import desktop  # noqa: PLC0415
            scr = desktop.screen(m)
            x, y = sdx * scr.width // 65536, sdy * scr.height // 65536
        else:
            x, y = x + sdx, y + sdy
        post_host_event(m, he.MouseMove(x, y))
    for bit, button, down in ((2, 1, True), (4, 1, False), (8, 2, True), (0x10, 2, False), (0x20, 3, True),
                              (0x40, 3, False)):
        if dwFlags & bit:
            post_host_event(m, he.MouseButton(button, down, x, y))
    if dwFlags & 0x800:
        post_host_event(m, he.MouseWheel(dwData - (1 << 32) if dwData & 0x80000000 else dwData, x, y))
    pump(m)


@stdcall("user32")
def DragDetect(m: "Machine", hwnd: HWND, x: INT, y: INT) -> BOOL:
    """Whether the user drags with the left button held (no drag tracking here: FALSE)."""
    return 0


@stdcall("user32")
def GetLastInputInfo(m: "Machine", plii: PTR) -> BOOL:
    """Tick count of the last input (now)."""
    m.mem.w32(plii + 4, clock.current().ms() & 0xFFFFFFFF)
    return 1

