"""user32 messages: per-thread queues, sending and posting, the message loop APIs and timers.

Each guest thread that touches windows gets a ``MsgQueue``. Retrieval order follows Windows: sent messages
from other threads are delivered first, then posted messages, then input (fed from the host by
``input.pump``), then WM_QUIT, then WM_PAINT for windows with an update region, then due WM_TIMERs.
``GetMessage`` with nothing to deliver blocks the thread (``Block(retry=True)``: it runs again when woken).
Window procedures are guest code (``m.call``) or Python procedures of built-in classes (``builtin_procs``).
"""
from __future__ import annotations

import collections
from dataclasses import dataclass
from typing import TYPE_CHECKING

from emu import clock
from emu.api import BOOL, DWORD, HWND, INT, LPCSTR, LPCWSTR, PTR, QWORD, UINT, native, stdcall
from emu.objects import Waitable
from emu.threads import Block, WaitSpec

from . import window as wm
from .window import Window

if TYPE_CHECKING:
    from emu.machine import Machine
    from emu.threads import Thread

WM_NULL, WM_CREATE, WM_DESTROY, WM_MOVE, WM_SIZE, WM_ACTIVATE, WM_SETFOCUS, WM_KILLFOCUS = 0, 1, 2, 3, 5, 6, 7, 8
WM_ENABLE, WM_SETREDRAW, WM_SETTEXT, WM_GETTEXT, WM_GETTEXTLENGTH = 0xA, 0xB, 0xC, 0xD, 0xE
WM_PAINT, WM_CLOSE = 0xF, 0x10
WM_QUERYENDSESSION, WM_QUIT, WM_ERASEBKGND, WM_SYSCOLORCHANGE, WM_SHOWWINDOW = 0x11, 0x12, 0x14, 0x15, 0x18
WM_ACTIVATEAPP, WM_SETCURSOR, WM_MOUSEACTIVATE, WM_GETMINMAXINFO = 0x1C, 0x20, 0x21, 0x24
WM_NEXTDLGCTL, WM_DRAWITEM, WM_MEASUREITEM, WM_DELETEITEM = 0x28, 0x2B, 0x2C, 0x2D
WM_VKEYTOITEM, WM_CHARTOITEM = 0x2E, 0x2F
WM_SETFONT, WM_GETFONT, WM_COMPAREITEM, WM_WINDOWPOSCHANGING, WM_WINDOWPOSCHANGED = 0x30, 0x31, 0x39, 0x46, 0x47
WM_NOTIFY, WM_HELP, WM_STYLECHANGING, WM_STYLECHANGED, WM_GETICON, WM_SETICON = 0x4E, 0x53, 0x7C, 0x7D, 0x7F, 0x80
WM_NCCREATE, WM_NCDESTROY, WM_NCCALCSIZE, WM_NCHITTEST, WM_NCPAINT, WM_NCACTIVATE = 0x81, 0x82, 0x83, 0x84, 0x85, 0x86
WM_GETDLGCODE, WM_NCMOUSEMOVE, WM_NCLBUTTONDOWN, WM_NCLBUTTONUP, WM_NCLBUTTONDBLCLK = 0x87, 0xA0, 0xA1, 0xA2, 0xA3
WM_NCRBUTTONDOWN, WM_NCRBUTTONUP = 0xA4, 0xA5
WM_KEYDOWN, WM_KEYUP, WM_CHAR, WM_DEADCHAR = 0x100, 0x101, 0x102, 0x103
WM_SYSKEYDOWN, WM_SYSKEYUP, WM_SYSCHAR = 0x104, 0x105, 0x106
WM_INITDIALOG, WM_COMMAND, WM_SYSCOMMAND, WM_TIMER, WM_HSCROLL, WM_VSCROLL = 0x110, 0x111, 0x112, 0x113, 0x114, 0x115
WM_INITMENU, WM_INITMENUPOPUP, WM_MENUSELECT, WM_MENUCHAR, WM_ENTERIDLE = 0x116, 0x117, 0x11F, 0x120, 0x121
WM_CTLCOLORMSGBOX, WM_CTLCOLOREDIT, WM_CTLCOLORLISTBOX, WM_CTLCOLORBTN = 0x132, 0x133, 0x134, 0x135
WM_CTLCOLORDLG, WM_CTLCOLORSCROLLBAR, WM_CTLCOLORSTATIC = 0x136, 0x137, 0x138
WM_MOUSEMOVE, WM_LBUTTONDOWN, WM_LBUTTONUP, WM_LBUTTONDBLCLK = 0x200, 0x201, 0x202, 0x203
WM_RBUTTONDOWN, WM_RBUTTONUP, WM_RBUTTONDBLCLK = 0x204, 0x205, 0x206
WM_MBUTTONDOWN, WM_MBUTTONUP, WM_MBUTTONDBLCLK = 0x207, 0x208, 0x209
WM_MOUSEWHEEL, WM_PARENTNOTIFY, WM_ENTERMENULOOP, WM_EXITMENULOOP = 0x20A, 0x210, 0x211, 0x212
WM_CAPTURECHANGED, WM_MOVING, WM_ENTERSIZEMOVE, WM_EXITSIZEMOVE = 0x215, 0x216, 0x231, 0x232
WM_IME_SETCONTEXT, WM_IME_NOTIFY, WM_MOUSELEAVE = 0x281, 0x282, 0x2A3
WM_CUT, WM_COPY, WM_PASTE, WM_CLEAR, WM_UNDO = 0x300, 0x301, 0x302, 0x303, 0x304
WM_USER, WM_APP = 0x400, 0x8000
MM_WOM_DONE = 0x3BD

PM_NOREMOVE, PM_REMOVE, PM_NOYIELD = 0, 1, 2
QS_KEY, QS_MOUSEMOVE, QS_MOUSEBUTTON, QS_POSTMESSAGE, QS_TIMER, QS_PAINT, QS_SENDMESSAGE = 1, 2, 4, 8, 0x10, 0x20, 0x40
QS_HOTKEY, QS_ALLPOSTMESSAGE, QS_INPUT, QS_ALLEVENTS, QS_ALLINPUT = 0x80, 0x100, 0x407, 0x4BF, 0x4FF
USER_TIMER_MINIMUM = 0.010

# messages whose lParam is an input string: SETTEXT, CB_ADDSTRING, LB_ADDSTRING, CB_INSERTSTRING, LB_INSERTSTRING,
# EM_REPLACESEL
_TEXT_IN = {WM_SETTEXT, 0x0143, 0x0180, 0x014A, 0x0181, 0x00C2}
_CHAR_MSGS = {WM_CHAR, WM_DEADCHAR, WM_SYSCHAR, 0x107}


@dataclass
class Msg:
    hwnd: int
    message: int
    wparam: int
    lparam: int
    time: int = 0
    x: int = 0
    y: int = 0


@dataclass
class Timer:
    hwnd: int
    id: int
    interval: float
    proc: int
    due: float
    tid: int


class SentMsg(Waitable):
    """A message sent from another thread, waiting to be processed; ready when done."""

    kind = "sendmessage"

    def __init__(self, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> None:
        super().__init__()
        self.w, self.msg, self.wp, self.lp, self.unicode = w, msg, wp, lp, unicode
        self.done = False
        self.result = 0

    def ready(self, t: "Thread") -> bool:
        return self.done


class MsgQueue(Waitable):
    """One guest thread's message queue; waitable (ready when there is something to retrieve)."""

    kind = "message queue"

    def __init__(self, m: "Machine", tid: int) -> None:
        super().__init__()
        self.m = m
        self.tid = tid
        self.posted: collections.deque[Msg] = collections.deque()
        self.input: collections.deque[Msg] = collections.deque()
        self.sent: collections.deque[SentMsg] = collections.deque()
        self.quit: int | None = None
        self.last = Msg(0, 0, 0, 0)
        self.wake_mask = QS_ALLINPUT
        self.seen_mask = 0  # QS_* bits already looked at by GetMessage/PeekMessage (MsgWait... "new" input)

    def status(self) -> int:
        """QS_* bits of what is waiting."""
        m = self.m
        inp = _inp()
        bits = 0
        if self.sent:
            bits |= QS_SENDMESSAGE
        if self.posted or self.quit is not None:
            bits |= QS_POSTMESSAGE | QS_ALLPOSTMESSAGE
        for im in self.input:
            bits |= QS_KEY if im.message < 0x200 else (QS_MOUSEMOVE if im.message == WM_MOUSEMOVE else QS_MOUSEBUTTON)
        if inp.host_pending(m):
            bits |= QS_KEY | QS_MOUSEBUTTON
        if _paint_window(m, self.tid, 0) is not None:
            bits |= QS_PAINT
        now = clock.now()
        if any(t.tid == self.tid and t.due <= now for t in _timers(m).values()):
            bits |= QS_TIMER
        return bits

    def ready(self, t: "Thread") -> bool:
        return bool(self.status() & (self.wake_mask | QS_SENDMESSAGE))


_INPUT_MODULE = None


def _inp():  # noqa: ANN202 - gdi.input (imported late: it imports this module)
    global _INPUT_MODULE
    if _INPUT_MODULE is None:
        from . import input as mod  # noqa: PLC0415
        _INPUT_MODULE = mod
    return _INPUT_MODULE


def queue(m: "Machine", tid: int | None = None) -> MsgQueue:
    qs: dict[int, MsgQueue] = m.state.setdefault("msgqueues", {})
    if tid is None:
        tid = m.thread.tid if m.thread is not None else 0
    q = qs.get(tid)
    if q is None:
        q = MsgQueue(m, tid)
        qs[tid] = q
    return q


def _timers(m: "Machine") -> dict[tuple[int, int], Timer]:
    return m.state.setdefault("timers", {})


def next_timer_due(m: "Machine", tid: int) -> float | None:
    dues = [t.due for t in _timers(m).values() if t.tid == tid]
    return min(dues) if dues else None


def forget_window(m: "Machine", w: Window) -> None:
    """A window is gone: drop its timers and queued messages."""
    tm = _timers(m)
    for k in [k for k, t in tm.items() if t.hwnd == w.hwnd]:
        del tm[k]
    for q in m.state.get("msgqueues", {}).values():
        q.posted = collections.deque(x for x in q.posted if x.hwnd != w.hwnd)
        q.input = collections.deque(x for x in q.input if x.hwnd != w.hwnd)


# ---- calling window procedures -----------------------------------------------------------------------
def call_proc(m: "Machine", proc: int, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """Run window procedure ``proc`` for ``w``; converts text between ANSI and Unicode when the sender's
    charset differs from the procedure's."""
    bp = wm.builtin_proc(m, proc)
    if bp is not None:
        return bp(m, w, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF, unicode) & 0xFFFFFFFF
    target_unicode = w.unicode
    if unicode != target_unicode:
        if msg in _CHAR_MSGS:
            wp = _convert_char(m, wp, target_unicode)
        elif msg in _TEXT_IN and lp:
            return _call_text_in(m, proc, w, msg, wp, lp, unicode, target_unicode)
        elif msg == WM_GETTEXT and lp:
            return _call_gettext(m, proc, w, wp, lp, unicode, target_unicode)
    return m.call(proc, w.hwnd, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF)


def _convert_char(m: "Machine", ch: int, to_unicode: bool) -> int:
    try:
        if to_unicode:
            b = bytes([ch & 0xFF]) if ch < 0x100 else bytes([ch >> 8, ch & 0xFF])
            return ord(b.decode(m.ansi)[0])
        return chr(ch).encode(m.ansi)[0]
    except (UnicodeError, ValueError, IndexError):
        return ord("?")


def read_str(m: "Machine", p: int, unicode: bool) -> str:
    if not p:
        return ""
    return m.mem.wstr(p) if unicode else m.mem.cstr(p, m.ansi)


def encode_str(m: "Machine", s: str, unicode: bool) -> bytes:
    return s.encode("utf-16-le") + b"\0\0" if unicode else s.encode(m.ansi, "replace") + b"\0"


def _call_text_in(m: "Machine", proc: int, w: Window, msg: int, wp: int, lp: int, src_u: bool, dst_u: bool) -> int:
    s = read_str(m, lp, src_u)
    p = wm._tmp(m, encode_str(m, s, dst_u))
    try:
        return m.call(proc, w.hwnd, msg, wp, p)
    finally:
        wm._free_tmp(m, p)


def _call_gettext(m: "Machine", proc: int, w: Window, n: int, lp: int, src_u: bool, dst_u: bool) -> int:
    p = wm._tmp(m, b"\0" * (2 * n + 2))
    try:
        m.call(proc, w.hwnd, WM_GETTEXT, n, p)
        s = read_str(m, p, dst_u)
        return write_text_result(m, lp, n, s, src_u)
    finally:
        wm._free_tmp(m, p)


def write_text_result(m: "Machine", buf: int, n: int, s: str, unicode: bool) -> int:
    """Copy ``s`` into a WM_GETTEXT-style buffer of ``n`` characters (NUL included); returns the length copied."""
    if n <= 0 or not buf:
        return 0
    if unicode:
        s = s[:n - 1]
        m.mem.write(buf, s.encode("utf-16-le") + b"\0\0")
        return len(s)
    data = s.encode(m.ansi, "replace")[:n - 1]
    m.mem.write(buf, data + b"\0")
    return len(data)


def send(m: "Machine", w: Window | None, msg: int, wp: int, lp: int, unicode: bool | None = None) -> int:
    """SendMessage: call the window procedure now (in the window's thread for other threads' windows)."""
    if w is None or w.destroyed:
        return 0
    if unicode is None:
        unicode = w.unicode
    cur = m.thread.tid if m.thread is not None else 0
    target = next((t for t in m.threads if t.tid == w.tid and not t.done), None) if w.tid != cur else None
    if target is not None and not target.in_host_wait:
        sm = SentMsg(w, msg, wp, lp, unicode)
        queue(m, w.tid).sent.append(sm)
        m.host_wake.set()
        m.wait_here(WaitSpec([sm]))
        return sm.result
    # Same thread - or the window's thread is waiting in a modal loop further down the host stack and can
    # only continue after we return: the procedure runs here, on this thread (cooperative hand-off).
    return call_proc(m, w.wndproc, w, msg, wp, lp, unicode)


def deliver_sent(m: "Machine", q: MsgQueue) -> bool:
    """Process messages sent to this thread by other threads; True if any were."""
    did = False
    while q.sent:
        sm = q.sent.popleft()
        try:
            sm.result = call_proc(m, sm.w.wndproc, sm.w, sm.msg, sm.wp, sm.lp, sm.unicode) if not sm.w.destroyed else 0
        finally:
            sm.done = True
        did = True
    return did


def post(m: "Machine", hwnd: int, msg: int, wp: int, lp: int, tid: int | None = None) -> bool:
    if hwnd:
        w = wm.get(m, hwnd)
        if w is None:
            m.set_last_error(1400)
            return False
        tid = w.tid
        hwnd = w.hwnd
    q = queue(m, tid)
    inp = _inp()
    x, y = inp.cursor_pos(m)
    q.posted.append(Msg(hwnd, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF, clock.current().ms() & 0xFFFFFFFF, x, y))
    return True


# ---- retrieval -----------------------------------------------------------------------------------------
def _matches(m: "Machine", x: Msg, hwnd: int, lo: int, hi: int) -> bool:
    if hwnd and hwnd != 0xFFFFFFFF:
        if x.hwnd != hwnd:
            w = wm.get(m, x.hwnd)
            target = wm.get(m, hwnd)
            if w is None or target is None or target not in wm.ancestors(w):
                return False
    elif hwnd == 0xFFFFFFFF and x.hwnd != 0:
        return False
    if lo == 0 and hi == 0:
        return True
    return lo <= x.message <= hi


def _paint_window(m: "Machine", tid: int, hwnd: int) -> Window | None:
    for w in _paint_order(m):
        if w.tid != tid:
            continue
        if (not w.update.empty() or w.internal_paint) and wm.really_visible(w):
            if hwnd and w.hwnd != hwnd and (wm.get(m, hwnd) not in wm.ancestors(w)):
                continue
            return w
    return None


def _paint_order(m: "Machine") -> list[Window]:
    """Parents before children, siblings from the top of the z-order, top-level windows bottom-up."""
    out: list[Window] = []

    def walk(w: Window) -> None:
        out.append(w)
        for c in w.children:  # z-order from the top: lower siblings paint later, over unclipped upper ones
            walk(c)
    for t in reversed(wm.state(m).tops):
        walk(t)
    return out


def _take(q: collections.deque[Msg], m: "Machine", hwnd: int, lo: int, hi: int, remove: bool) -> Msg | None:
    for i, x in enumerate(q):
        if _matches(m, x, hwnd, lo, hi):
            if remove:
                del q[i]
            return x
    return None


def peek(m: "Machine", hwnd: int, lo: int, hi: int, remove: bool) -> Msg | None:
    """The next message for the current thread per Windows' priority rules, or None."""
    inp = _inp()
    q = queue(m)
    deliver_sent(m, q)
    inp.pump(m)
    x = _take(q.posted, m, hwnd, lo, hi, remove)
    if x is not None:
        return x
    x = _take(q.input, m, hwnd, lo, hi, remove)
    if x is not None:
        if remove:
            inp.on_input_retrieved(m, x)
        return x
    if q.quit is not None and (lo == 0 and hi == 0 or lo <= WM_QUIT <= hi):
        code = q.quit
        if remove:
            q.quit = None
        return Msg(0, WM_QUIT, code, 0, clock.current().ms())
    if lo == 0 and hi == 0 or lo <= WM_PAINT <= hi:
        w = _paint_window(m, q.tid, hwnd if hwnd != 0xFFFFFFFF else 0)
        if w is not None:
            return Msg(w.hwnd, WM_PAINT, 0, 0, clock.current().ms())
    if lo == 0 and hi == 0 or lo <= WM_TIMER <= hi:
        now = clock.now()
        due = sorted((t for t in _timers(m).values() if t.tid == q.tid and t.due <= now), key=lambda t: t.due)
        for t in due:
            if hwnd and hwnd != 0xFFFFFFFF and t.hwnd != hwnd:
                continue
            if remove:
                t.due = now + t.interval
            return Msg(t.hwnd, WM_TIMER, t.id, t.proc, clock.current().ms())
    return None


def write_msg(m: "Machine", p: int, x: Msg) -> None:
    m.mem.pack("<IIIIIii", p, x.hwnd, x.message, x.wparam, x.lparam, x.time, x.x, x.y)


def read_msg(m: "Machine", p: int) -> Msg:
    return Msg(*m.mem.unpack("<IIIIIii", p))


def wait_spec(m: "Machine", q: MsgQueue, extra: list[Waitable] | None = None, deadline: float | None = None,
              mask: int = QS_ALLINPUT) -> WaitSpec:
    q.wake_mask = mask
    due = next_timer_due(m, q.tid)
    dl = [d for d in (due, deadline) if d is not None]
    return WaitSpec(list(extra or []) + [q], False, min(dl) if dl else None)


def get_message(m: "Machine", lpMsg: int, hWnd: int, lo: int, hi: int) -> int:
    x = peek(m, hWnd, lo, hi, True)
    if x is None:
        raise Block(wait_spec(m, queue(m)), retry=True)
    queue(m).last = x
    write_msg(m, lpMsg, x)
    return 0 if x.message == WM_QUIT else 1


@stdcall("user32")
def GetMessageA(m: "Machine", lpMsg: PTR, hWnd: HWND, wMsgFilterMin: UINT, wMsgFilterMax: UINT) -> BOOL:
    """Wait for and remove the next message; 0 for WM_QUIT."""
    return get_message(m, lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax)


@stdcall("user32")
def GetMessageW(m: "Machine", lpMsg: PTR, hWnd: HWND, wMsgFilterMin: UINT, wMsgFilterMax: UINT) -> BOOL:
    """Wait for and remove the next message; 0 for WM_QUIT."""
    return get_message(m, lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax)


def peek_message(m: "Machine", lpMsg: int, hWnd: int, lo: int, hi: int, flags: int) -> int:
    x = peek(m, hWnd, lo, hi, bool(flags & PM_REMOVE))
    if x is None:
        return 0
    queue(m).last = x
    write_msg(m, lpMsg, x)
    return 1


@stdcall("user32")
def PeekMessageA(m: "Machine", lpMsg: PTR, hWnd: HWND, wMsgFilterMin: UINT, wMsgFilterMax: UINT,
                 wRemoveMsg: UINT) -> BOOL:
    """Look for a message without waiting (PM_REMOVE removes it)."""
    return peek_message(m, lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax, wRemoveMsg)


@stdcall("user32")
def PeekMessageW(m: "Machine", lpMsg: PTR, hWnd: HWND, wMsgFilterMin: UINT, wMsgFilterMax: UINT,
                 wRemoveMsg: UINT) -> BOOL:
    """Look for a message without waiting (PM_REMOVE removes it)."""
    return peek_message(m, lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax, wRemoveMsg)


@stdcall("user32")
def WaitMessage(m: "Machine") -> BOOL:
    """Block until a new message is available."""
    q = queue(m)
    deliver_sent(m, q)
    inp = _inp()
    inp.pump(m)
    if q.ready(m.thread):  # type: ignore[arg-type]
        return 1
    raise Block(wait_spec(m, q), retry=True)


@stdcall("user32")
def GetQueueStatus(m: "Machine", flags: UINT) -> DWORD:
    """QS_* bits of what is waiting (low word: new since last call, high word: all)."""
    inp = _inp()
    inp.pump(m)
    bits = queue(m).status() & flags
    return (bits << 16) | bits


@stdcall("user32")
def GetInputState(m: "Machine") -> BOOL:
    """Whether mouse or keyboard input is waiting."""
    inp = _inp()
    inp.pump(m)
    return int(bool(queue(m).status() & (QS_KEY | QS_MOUSEBUTTON)))


def dispatch(m: "Machine", x: Msg, unicode: bool) -> int:
    if x.message == WM_TIMER and x.lparam:
        return m.call(x.lparam, x.hwnd, WM_TIMER, x.wparam, clock.current().ms() & 0xFFFFFFFF)
    w = wm.get(m, x.hwnd)
    if w is None:
        return 0
    if x.message == WM_PAINT:
        r = call_proc(m, w.wndproc, w, WM_PAINT, x.wparam, x.lparam, unicode)
        if not w.update.empty() and not w.destroyed:
            # Windows would resend WM_PAINT forever; a program that never validates gets DefWindowProc's
            # treatment (the region is validated) so the queue does not spin.
            w.update = type(w.update)()
        w.internal_paint = False
        return r
    return call_proc(m, w.wndproc, w, x.message, x.wparam, x.lparam, unicode)


def _dispatch_prep(m: "Machine", lpMsg: int, unicode: bool) -> int:
    """DispatchMessage's first half: (0 << 32 | proc) when the guest should call window procedure ``proc``
    itself (the common case: no nested emulation), else (result << 32 | 0) after handling it here."""
    x = read_msg(m, lpMsg)
    if x.message != WM_TIMER and x.message != WM_PAINT:
        w = wm.get(m, x.hwnd)
        if w is not None and wm.builtin_proc(m, w.wndproc) is None and (
                unicode == w.unicode or (x.message not in _CHAR_MSGS and x.message not in _TEXT_IN
                                         and x.message != WM_GETTEXT)):
            return w.wndproc
    return (dispatch(m, x, unicode) & 0xFFFFFFFF) << 32


@stdcall("user32")
def _exeplay_DispatchPrepA(m: "Machine", lpMsg: PTR) -> QWORD:
    """DispatchMessageA's Python half (see the native DispatchMessageA)."""
    return _dispatch_prep(m, lpMsg, False)


@stdcall("user32")
def _exeplay_DispatchPrepW(m: "Machine", lpMsg: PTR) -> QWORD:
    """DispatchMessageW's Python half (see the native DispatchMessageW)."""
    return _dispatch_prep(m, lpMsg, True)


# Window procedures are called through a helper with a standard EBP frame, as user32's own callers have:
# size-coded intros return from their WndProc with two LEAVEs and a RET 16, unwinding this frame too.
native("user32", "$exeplay_CallWndProc", """
    push ebp
    mov ebp, esp
    push dword ptr [ebp+24]
    push dword ptr [ebp+20]
    push dword ptr [ebp+16]
    push dword ptr [ebp+12]
    call dword ptr [ebp+8]
    leave
    ret 20
""", 20, doc="Call window procedure (proc, hwnd, msg, wParam, lParam) inside a standard stack frame.")

# DispatchMessage: call the window procedure from guest code (no nested emulation per message)
for _cs in "AW":
    native("user32", f"DispatchMessage{_cs}", f"""
    push dword ptr [esp+4]
    call {{stub:_exeplay_DispatchPrep{_cs}}}
    test eax, eax
    jz handled
    mov ecx, dword ptr [esp+4]
    push dword ptr [ecx+12]
    push dword ptr [ecx+8]
    push dword ptr [ecx+4]
    push dword ptr [ecx]
    push eax
    call {{export:$exeplay_CallWndProc}}
    ret 4
handled:
    mov eax, edx
    ret 4
""", 4, doc="Call the target window's procedure (or the timer callback) for a retrieved message.")


@stdcall("user32")
def TranslateMessage(m: "Machine", lpMsg: PTR) -> BOOL:
    """Post WM_CHAR / WM_SYSCHAR for a key-down message that produces a character (US layout)."""
    inp = _inp()
    x = read_msg(m, lpMsg)
    if x.message not in (WM_KEYDOWN, WM_SYSKEYDOWN):
        return 0
    ch = inp.vk_to_char(m, x.wparam)
    if ch is None:
        return 1
    q = queue(m)
    q.posted.appendleft(Msg(x.hwnd, WM_CHAR if x.message == WM_KEYDOWN else WM_SYSCHAR, ch, x.lparam, x.time,
                            x.x, x.y))
    return 1


def _send_impl(m: "Machine", hWnd: int, msg: int, wParam: int, lParam: int, unicode: bool) -> int:
    if hWnd == 0xFFFF:  # HWND_BROADCAST
        for t in list(wm.state(m).tops):
            send(m, t, msg, wParam, lParam, unicode=unicode)
        return 1
    w = wm.get(m, hWnd)
    if w is None:
        m.set_last_error(1400)
        return 0
    return send(m, w, msg, wParam, lParam, unicode=unicode)


def _send_prep(m: "Machine", hWnd: int, msg: int, wParam: int, lParam: int, unicode: bool) -> int:
    """SendMessage's first half: the guest window procedure to call directly (same thread, same charset),
    or (result << 32) after handling the message here."""
    w = wm.get(m, hWnd) if hWnd != 0xFFFF else None
    if (w is not None and not w.destroyed and m.thread is not None and w.tid == m.thread.tid
            and wm.builtin_proc(m, w.wndproc) is None
            and (unicode == w.unicode or (msg not in _CHAR_MSGS and msg not in _TEXT_IN and msg != WM_GETTEXT))):
        return w.wndproc
    return (_send_impl(m, hWnd, msg, wParam, lParam, unicode) & 0xFFFFFFFF) << 32


@stdcall("user32")
def _exeplay_SendPrepA(m: "Machine", hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> QWORD:
    """SendMessageA's Python half (see the native SendMessageA)."""
    return _send_prep(m, hWnd, Msg_, wParam, lParam, False)


@stdcall("user32")
def _exeplay_SendPrepW(m: "Machine", hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> QWORD:
    """SendMessageW's Python half (see the native SendMessageW)."""
    return _send_prep(m, hWnd, Msg_, wParam, lParam, True)


# SendMessage: same-thread guest window procedures are called from guest code directly
for _cs in "AW":
    native("user32", f"SendMessage{_cs}", f"""
    push dword ptr [esp+16]
    push dword ptr [esp+16]
    push dword ptr [esp+16]
    push dword ptr [esp+16]
    call {{stub:_exeplay_SendPrep{_cs}}}
    test eax, eax
    jz handled
    push dword ptr [esp+16]
    push dword ptr [esp+16]
    push dword ptr [esp+16]
    push dword ptr [esp+16]
    push eax
    call {{export:$exeplay_CallWndProc}}
    ret 16
handled:
    mov eax, edx
    ret 16
""", 16, doc="Call the window procedure and return its result.")


def _send_timeout(m: "Machine", hWnd: int, msg: int, wp: int, lp: int, result: int, unicode: bool) -> int:
    w = wm.get(m, hWnd)
    if w is None:
        return 0
    r = send(m, w, msg, wp, lp, unicode)
    if result:
        m.mem.w32(result, r)
    return 1


@stdcall("user32")
def SendMessageTimeoutA(m: "Machine", hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD, fuFlags: UINT,
                        uTimeout: UINT, lpdwResult: PTR) -> DWORD:
    """SendMessage that reports its result through a pointer."""
    return _send_timeout(m, hWnd, Msg_, wParam, lParam, lpdwResult, False)


@stdcall("user32")
def SendMessageTimeoutW(m: "Machine", hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD, fuFlags: UINT,
                        uTimeout: UINT, lpdwResult: PTR) -> DWORD:
    """SendMessage that reports its result through a pointer."""
    return _send_timeout(m, hWnd, Msg_, wParam, lParam, lpdwResult, True)


def _send_notify(m: "Machine", hWnd: int, msg: int, wp: int, lp: int, wide: bool) -> int:
    w = wm.get(m, hWnd)
    if w is None:
        return 0
    if m.thread is not None and w.tid == m.thread.tid:
        send(m, w, msg, wp, lp, wide)
        return 1
    return int(post(m, hWnd, msg, wp, lp))


@stdcall("user32")
def SendNotifyMessageA(m: "Machine", hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> BOOL:
    """Send to a same-thread window, post to other threads' windows."""
    return _send_notify(m, hWnd, Msg_, wParam, lParam, False)


@stdcall("user32")
def SendNotifyMessageW(m: "Machine", hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> BOOL:
    """Wide SendNotifyMessage: a same-thread send carries Unicode text."""
    return _send_notify(m, hWnd, Msg_, wParam, lParam, True)


@stdcall("user32")
def PostMessageA(m: "Machine", hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> BOOL:
    """Queue a message for the window's thread (NULL: the current thread) and return at once."""
    if hWnd == 0xFFFF:
        for t in list(wm.state(m).tops):
            post(m, t.hwnd, Msg_, wParam, lParam)
        return 1
    return int(post(m, hWnd, Msg_, wParam, lParam))


@stdcall("user32")
def PostMessageW(m: "Machine", hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> BOOL:
    """Queue a message for the window's thread (NULL: the current thread) and return at once."""
    return PostMessageA(m, hWnd, Msg_, wParam, lParam)


@stdcall("user32")
def PostThreadMessageA(m: "Machine", idThread: DWORD, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> BOOL:
    """Queue a thread message (hwnd NULL) for another thread."""
    if not any(t.tid == idThread and not t.done for t in m.threads):
        m.set_last_error(1444)  # ERROR_INVALID_THREAD_ID
        return 0
    return int(post(m, 0, Msg_, wParam, lParam, tid=idThread))


@stdcall("user32")
def PostThreadMessageW(m: "Machine", idThread: DWORD, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> BOOL:
    """Queue a thread message (hwnd NULL) for another thread."""
    return PostThreadMessageA(m, idThread, Msg_, wParam, lParam)


@stdcall("user32")
def PostQuitMessage(m: "Machine", nExitCode: INT) -> None:
    """Make the thread's GetMessage return 0 once the queue is empty."""
    queue(m).quit = nExitCode & 0xFFFFFFFF


@stdcall("user32")
def GetMessageTime(m: "Machine") -> INT:
    """Time stamp of the last retrieved message."""
    return queue(m).last.time


@stdcall("user32")
def GetMessagePos(m: "Machine") -> DWORD:
    """Cursor position when the last message was retrieved (y << 16 | x)."""
    x = queue(m).last
    return ((x.y & 0xFFFF) << 16) | (x.x & 0xFFFF)


@stdcall("user32")
def GetMessageExtraInfo(m: "Machine") -> DWORD:
    """Extra information of the last input message (0)."""
    return 0


@stdcall("user32")
def InSendMessage(m: "Machine") -> BOOL:
    """Whether the current message came from another thread's SendMessage (never, as observed here)."""
    return 0


@stdcall("user32")
def ReplyMessage(m: "Machine", lResult: DWORD) -> BOOL:
    """Only meaningful inside an inter-thread send; here it has nothing to reply to."""
    return 0


def _call_window_proc(m: "Machine", proc: int, hWnd: int, msg: int, wp: int, lp: int, wide: bool) -> int:
    """CallWindowProcA/W: a built-in procedure gets the caller's charset (``wide``), a guest one is called as is."""
    w = wm.get(m, hWnd)
    bp = wm.builtin_proc(m, proc) if w is not None else None
    if bp is not None:
        return bp(m, w, msg, wp, lp, wide) & 0xFFFFFFFF
    return m.call(proc, hWnd, msg, wp, lp)


@stdcall("user32")
def CallWindowProcA(m: "Machine", lpPrevWndFunc: PTR, hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """Call a (previous) window procedure with ANSI message parameters."""
    return _call_window_proc(m, lpPrevWndFunc, hWnd, Msg_, wParam, lParam, False)


@stdcall("user32")
def CallWindowProcW(m: "Machine", lpPrevWndFunc: PTR, hWnd: HWND, Msg_: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """Call a (previous) window procedure with Unicode message parameters."""
    return _call_window_proc(m, lpPrevWndFunc, hWnd, Msg_, wParam, lParam, True)


# ---- timers --------------------------------------------------------------------------------------------
@stdcall("user32")
def SetTimer(m: "Machine", hWnd: HWND, nIDEvent: DWORD, uElapse: UINT, lpTimerFunc: PTR) -> DWORD:
    """Start a timer that posts WM_TIMER (or calls ``lpTimerFunc``) every ``uElapse`` ms; returns its id."""
    tm = _timers(m)
    w = wm.get(m, hWnd) if hWnd else None
    if hWnd and w is None:
        m.set_last_error(1400)
        return 0
    interval = max(uElapse / 1000, USER_TIMER_MINIMUM)
    tid = w.tid if w is not None else (m.thread.tid if m.thread else 0)
    if w is None:
        n = m.state.get("next_timer_id", 0x7FF0) + 1
        m.state["next_timer_id"] = n
        nIDEvent = n
    tm[(hWnd, nIDEvent)] = Timer(hWnd, nIDEvent, interval, lpTimerFunc, clock.now() + interval, tid)
    m.host_wake.set()
    return nIDEvent if nIDEvent else 1


@stdcall("user32")
def KillTimer(m: "Machine", hWnd: HWND, uIDEvent: DWORD) -> BOOL:
    """Stop a timer (pending WM_TIMERs for it are dropped)."""
    t = _timers(m).pop((hWnd, uIDEvent), None)
    if t is None:
        m.set_last_error(1402)  # ERROR_INVALID_TIMER_ID? (Windows: 0 and no specific error)
        return 0
    return 1


# ---- waiting on objects and messages -----------------------------------------------------------------
@stdcall("user32")
def MsgWaitForMultipleObjects(m: "Machine", nCount: DWORD, pHandles: PTR, fWaitAll: BOOL, dwMilliseconds: DWORD,
                              dwWakeMask: DWORD) -> DWORD:
    """Wait for objects or for input of the kinds in ``dwWakeMask``; WAIT_OBJECT_0 + nCount means input."""
    return _msg_wait(m, nCount, pHandles, fWaitAll, dwMilliseconds, dwWakeMask)


@stdcall("user32")
def MsgWaitForMultipleObjectsEx(m: "Machine", nCount: DWORD, pHandles: PTR, dwMilliseconds: DWORD,
                                dwWakeMask: DWORD, dwFlags: DWORD) -> DWORD:
    """MsgWaitForMultipleObjects with flags (MWMO_WAITALL = 1)."""
    return _msg_wait(m, nCount, pHandles, dwFlags & 1, dwMilliseconds, dwWakeMask)


def _msg_wait(m: "Machine", n: int, handles: int, wait_all: int, ms: int, mask: int) -> int:
    from emu.kernel32.sync import waitable  # noqa: PLC0415
    inp = _inp()
    objs = []
    for h in (m.mem.unpack(f"<{n}I", handles) if n else ()):
        o = waitable(m, h)
        if o is None:
            m.set_last_error(6)
            return 0xFFFFFFFF
        objs.append(o)
    q = queue(m)
    deliver_sent(m, q)
    inp.pump(m)
    q.wake_mask = mask
    if wait_all:
        if all(o.ready(m.thread) for o in objs):  # type: ignore[arg-type]
            for o in objs:
                o.take(m.thread)  # type: ignore[arg-type]
            return 0
    else:
        for i, o in enumerate(objs):
            if o.ready(m.thread):  # type: ignore[arg-type]
                o.take(m.thread)  # type: ignore[arg-type]
                return i
    if q.status() & mask:
        return n
    if ms == 0:
        return 0x102
    deadline = None if ms == 0xFFFFFFFF else clock.now() + ms / 1000
    spec = WaitSpec(objs + [q], bool(wait_all), deadline)

    def result(r: int) -> int:
        return r
    spec.result = result
    # the queue is the last object: its index is n, exactly MsgWait's "input available" code
    raise Block(spec)


@stdcall("user32")
def WaitForInputIdle(m: "Machine", hProcess: DWORD, dwMilliseconds: DWORD) -> DWORD:
    """Processes started by this one are not supported; there is nothing to wait for (WAIT_FAILED)."""
    m.set_last_error(6)
    return 0xFFFFFFFF


# ---- registered messages -------------------------------------------------------------------------------
def _register_message(m: "Machine", name: str | int | None) -> int:
    if not isinstance(name, str):
        return 0
    reg: dict[str, int] = m.state.setdefault("regmsgs", {})
    key = name.lower()
    if key not in reg:
        reg[key] = 0xC000 + len(reg) + 0x100
    return reg[key]


@stdcall("user32")
def RegisterWindowMessageA(m: "Machine", lpString: LPCSTR) -> UINT:
    """A process-unique message number for a name (0xC000..0xFFFF)."""
    return _register_message(m, lpString)


@stdcall("user32")
def RegisterWindowMessageW(m: "Machine", lpString: LPCWSTR) -> UINT:
    """A process-unique message number for a name (0xC000..0xFFFF)."""
    return _register_message(m, lpString)


def any_queue_ready(m: "Machine") -> bool:
    return any(q.status() for q in m.state.get("msgqueues", {}).values())
