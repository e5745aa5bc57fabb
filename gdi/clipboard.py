"""The clipboard (one per process): OpenClipboard / EmptyClipboard / SetClipboardData / GetClipboardData and
friends, with the text formats converted on demand (CF_TEXT, CF_OEMTEXT, CF_UNICODETEXT), delayed rendering
(WM_RENDERFORMAT) and registered formats. Data handles are global-memory blocks (kernel32 GlobalAlloc: a
handle is the block's address); the clipboard owns and frees what it holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall
from emu.kernel32.heap import process_heap

from . import message as mm
from . import window as wm

if TYPE_CHECKING:
    from emu.machine import Machine

CF_TEXT, CF_BITMAP, CF_OEMTEXT, CF_DIB, CF_UNICODETEXT, CF_LOCALE = 1, 2, 7, 8, 13, 16
TEXT_FORMATS = (CF_TEXT, CF_OEMTEXT, CF_UNICODETEXT)
WM_RENDERFORMAT, WM_DESTROYCLIPBOARD = 0x305, 0x307
LOCALE_US = 0x0409
ERROR_ACCESS_DENIED, ERROR_CLIPBOARD_NOT_OPEN, ERROR_INVALID_PARAMETER = 5, 1418, 87


@dataclass
class Clipboard:
    open: bool = False
    opener: int = 0  # window that opened it (0: the task)
    owner: int = 0  # window that last emptied it
    data: dict[int, int] = field(default_factory=dict)  # format -> handle (0: delayed rendering)
    order: list[int] = field(default_factory=list)  # formats in the order they were set
    synth: dict[int, int] = field(default_factory=dict)  # converted text formats made on request
    names: dict[int, str] = field(default_factory=dict)  # registered formats
    seq: int = 1


def state(m: Machine) -> Clipboard:
    cb = m.state.get("clipboard")
    if cb is None:
        cb = Clipboard()
        m.state["clipboard"] = cb
    return cb


def _alloc(m: Machine, data: bytes) -> int:
    p = process_heap(m).alloc(max(len(data), 1))
    m.mem.write(p, data)
    return p


def _free(m: Machine, h: int) -> None:
    if h:
        process_heap(m).free(h)


def _read_text(m: Machine, fmt: int, h: int) -> str:
    size = process_heap(m).size(h) or 0
    raw = m.mem.read(h, size) if size else b""
    if fmt == CF_UNICODETEXT:
        n = 0
        while n + 1 < len(raw) and (raw[n] or raw[n + 1]):
            n += 2
        return raw[:n].decode("utf-16-le", "replace")
    raw = raw.split(b"\0", 1)[0]
    return raw.decode(m.oem if fmt == CF_OEMTEXT else m.ansi, "replace")


def _encode(m: Machine, fmt: int, s: str) -> bytes:
    if fmt == CF_UNICODETEXT:
        return s.encode("utf-16-le") + b"\0\0"
    return s.encode(m.oem if fmt == CF_OEMTEXT else m.ansi, "replace") + b"\0"


def _text_source(cb: Clipboard) -> int | None:
    """The text format actually set (the source of conversions)."""
    for f in cb.order:
        if f in TEXT_FORMATS:
            return f
    return None


def _available(cb: Clipboard) -> list[int]:
    """Formats in enumeration order: the ones set, then the ones made from them (the other text formats and
    CF_LOCALE, as Windows NT offers)."""
    out = list(cb.order)
    if _text_source(cb) is not None:
        out.extend(f for f in (CF_LOCALE, CF_UNICODETEXT, CF_TEXT, CF_OEMTEXT) if f not in out)
    return out


def _render(m: Machine, cb: Clipboard, fmt: int) -> int:
    """The handle for ``fmt``: delayed rendering asks the owner, text formats convert."""
    h = cb.data.get(fmt)
    if h == 0 and fmt in cb.data:
        owner = wm.get(m, cb.owner)
        if owner is not None:
            mm.send(m, owner, WM_RENDERFORMAT, fmt, 0)
        h = cb.data.get(fmt) or 0
        return h
    if h:
        return h
    if fmt == CF_LOCALE and _text_source(cb) is not None:
        if fmt not in cb.synth:
            cb.synth[fmt] = _alloc(m, (LOCALE_US).to_bytes(4, "little"))
        return cb.synth[fmt]
    if fmt in TEXT_FORMATS:
        if fmt in cb.synth:
            return cb.synth[fmt]
        src = _text_source(cb)
        if src is None:
            return 0
        sh = _render(m, cb, src)
        if not sh:
            return 0
        s = _read_text(m, src, sh)
        nh = _alloc(m, _encode(m, fmt, s))
        cb.synth[fmt] = nh
        return nh
    return 0


def _empty(m: Machine, cb: Clipboard) -> None:
    old_owner = wm.get(m, cb.owner) if cb.owner else None
    if old_owner is not None and cb.data:
        mm.send(m, old_owner, WM_DESTROYCLIPBOARD, 0, 0)
    for h in list(cb.data.values()) + list(cb.synth.values()):
        _free(m, h)
    cb.data.clear()
    cb.order.clear()
    cb.synth.clear()
    cb.seq += 1


# ---- Python helpers for controls ----------------------------------------------------------------------
def set_text(m: Machine, owner: int, s: str) -> bool:
    """Put text on the clipboard as an edit control's WM_COPY does (CF_UNICODETEXT; the others convert)."""
    cb = state(m)
    if cb.open and cb.opener != owner:
        return False
    was_open = cb.open
    cb.open, cb.opener = True, owner
    _empty(m, cb)
    cb.owner = owner
    cb.data[CF_UNICODETEXT] = _alloc(m, _encode(m, CF_UNICODETEXT, s))
    cb.order.append(CF_UNICODETEXT)
    cb.open = was_open
    return True


def get_text(m: Machine) -> str | None:
    """The clipboard's text, if any (what an edit control's WM_PASTE inserts)."""
    cb = state(m)
    if _text_source(cb) is None:
        return None
    h = _render(m, cb, CF_UNICODETEXT)
    return _read_text(m, CF_UNICODETEXT, h) if h else None


# ---- APIs ---------------------------------------------------------------------------------------------
@stdcall("user32")
def OpenClipboard(m: Machine, hWndNewOwner: HWND) -> BOOL:
    """Open the clipboard for this window (fails while another window has it open)."""
    cb = state(m)
    if cb.open and cb.opener != hWndNewOwner:
        m.set_last_error(ERROR_ACCESS_DENIED)
        return 0
    cb.open, cb.opener = True, hWndNewOwner
    return 1


@stdcall("user32")
def CloseClipboard(m: Machine) -> BOOL:
    """Close the clipboard."""
    cb = state(m)
    if not cb.open:
        m.set_last_error(ERROR_CLIPBOARD_NOT_OPEN)
        return 0
    cb.open = False
    return 1


@stdcall("user32")
def EmptyClipboard(m: Machine) -> BOOL:
    """Free the clipboard's data (WM_DESTROYCLIPBOARD to the old owner); the opener becomes the owner."""
    cb = state(m)
    if not cb.open:
        m.set_last_error(ERROR_CLIPBOARD_NOT_OPEN)
        return 0
    _empty(m, cb)
    cb.owner = cb.opener
    return 1


@stdcall("user32")
def SetClipboardData(m: Machine, uFormat: UINT, hMem: HANDLE) -> HANDLE:
    """Place a global-memory block (NULL: rendered later on WM_RENDERFORMAT) in a format; the clipboard owns it."""
    cb = state(m)
    if not cb.open:
        m.set_last_error(ERROR_CLIPBOARD_NOT_OPEN)
        return 0
    if uFormat == 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    old = cb.data.get(uFormat)
    if old and old != hMem:
        _free(m, old)
    cb.data[uFormat] = hMem
    if uFormat not in cb.order:
        cb.order.append(uFormat)
    if uFormat in TEXT_FORMATS:
        for h in cb.synth.values():
            _free(m, h)
        cb.synth.clear()
    cb.seq += 1
    return hMem


@stdcall("user32")
def GetClipboardData(m: Machine, uFormat: UINT) -> HANDLE:
    """The data handle of a format (text formats converted from the one set); NULL when absent."""
    cb = state(m)
    if not cb.open:
        m.set_last_error(ERROR_CLIPBOARD_NOT_OPEN)
        return 0
    if uFormat not in _available(cb):
        return 0
    return _render(m, cb, uFormat)


@stdcall("user32")
def IsClipboardFormatAvailable(m: Machine, format: UINT) -> BOOL:
    """Whether the clipboard has (or can convert to) a format."""
    return int(format in _available(state(m)))


@stdcall("user32")
def CountClipboardFormats(m: Machine) -> INT:
    """How many formats the clipboard offers (converted text formats included)."""
    return len(_available(state(m)))


@stdcall("user32")
def EnumClipboardFormats(m: Machine, format: UINT) -> UINT:
    """The format after ``format`` (0: the first); 0 at the end."""
    cb = state(m)
    if not cb.open:
        m.set_last_error(ERROR_CLIPBOARD_NOT_OPEN)
        return 0
    fmts = _available(cb)
    if format == 0:
        return fmts[0] if fmts else 0
    if format in fmts:
        i = fmts.index(format) + 1
        m.set_last_error(0)
        return fmts[i] if i < len(fmts) else 0
    return 0


@stdcall("user32")
def GetPriorityClipboardFormat(m: Machine, paFormatPriorityList: PTR, cFormats: INT) -> INT:
    """The first format of the list the clipboard has; 0 when it is empty, -1 when none matches."""
    fmts = _available(state(m))
    if not fmts:
        return 0
    for f in (m.mem.unpack(f"<{cFormats}I", paFormatPriorityList) if cFormats > 0 else ()):
        if f in fmts:
            return f
    return -1


@stdcall("user32")
def GetClipboardOwner(m: Machine) -> HWND:
    """The window that last emptied the clipboard."""
    cb = state(m)
    return cb.owner if wm.get(m, cb.owner) is not None else 0


@stdcall("user32")
def GetOpenClipboardWindow(m: Machine) -> HWND:
    """The window that has the clipboard open."""
    cb = state(m)
    return cb.opener if cb.open else 0


@stdcall("user32")
def GetClipboardSequenceNumber(m: Machine) -> DWORD:
    """A counter that changes whenever the clipboard's contents do."""
    return state(m).seq


def _register(m: Machine, name: str | int | None) -> int:
    if not isinstance(name, str) or not name:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    fmt = mm.RegisterWindowMessageA(m, name)  # one atom table for both, as in Windows
    state(m).names.setdefault(fmt, name)
    return fmt


@stdcall("user32")
def RegisterClipboardFormatA(m: Machine, lpszFormat: LPCSTR) -> UINT:
    """A format number (0xC000..0xFFFF) for a name."""
    return _register(m, lpszFormat)


@stdcall("user32")
def RegisterClipboardFormatW(m: Machine, lpszFormat: LPCWSTR) -> UINT:
    """A format number (0xC000..0xFFFF) for a name."""
    return _register(m, lpszFormat)


def _format_name(m: Machine, fmt: int, buf: int, n: int, unicode: bool) -> int:
    name = state(m).names.get(fmt)
    if name is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return mm.write_text_result(m, buf, n, name, unicode)


@stdcall("user32")
def GetClipboardFormatNameA(m: Machine, format: UINT, lpszFormatName: PTR, cchMaxCount: INT) -> INT:
    """The name of a registered format; 0 for predefined formats."""
    return _format_name(m, format, lpszFormatName, cchMaxCount, False)


@stdcall("user32")
def GetClipboardFormatNameW(m: Machine, format: UINT, lpszFormatName: PTR, cchMaxCount: INT) -> INT:
    """The name of a registered format; 0 for predefined formats."""
    return _format_name(m, format, lpszFormatName, cchMaxCount, True)
