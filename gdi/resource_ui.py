"""user32 system settings and small utilities: SystemParametersInfo, MessageBeep, GetDialogBaseUnits and the
multiple-monitor functions (one monitor: the guest screen).

``SystemParametersInfo`` answers with the Windows 98 defaults (MS Sans Serif 8 pt fonts, flat captions, no
screen saver, no font smoothing, high contrast off) and remembers what a program sets for the harmless
settings (screen saver, keyboard and mouse speeds, accessibility keys, work area...), so a later GET sees
it; SPIF_SENDCHANGE sends WM_SETTINGCHANGE to the top-level windows. Unknown actions fail with
ERROR_INVALID_PARAMETER. ``MessageBeep`` has no sound to play yet: it records the beep in
``m.state["beeps"]`` (a list of uType values).
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Any

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LONG, PTR, UINT, stdcall

if TYPE_CHECKING:
    from emu.machine import Machine

Rect = tuple[int, int, int, int]

ERROR_INVALID_PARAMETER = 87
ERROR_INVALID_MONITOR_HANDLE = 1461
SPIF_SENDCHANGE = 2
WM_SETTINGCHANGE = 0x001A
HMONITOR_PRIMARY = 0x00010001
MONITORINFOF_PRIMARY = 1
MONITOR_DEFAULTTONULL = 0

# SystemParametersInfo actions
SPI_GETBEEP, SPI_SETBEEP, SPI_GETMOUSE, SPI_SETMOUSE, SPI_GETBORDER = 0x01, 0x02, 0x03, 0x04, 0x05
SPI_GETKEYBOARDSPEED, SPI_SETKEYBOARDSPEED, SPI_ICONHORIZONTALSPACING = 0x0A, 0x0B, 0x0D
SPI_GETSCREENSAVETIMEOUT, SPI_SETSCREENSAVETIMEOUT = 0x0E, 0x0F
SPI_GETSCREENSAVEACTIVE, SPI_SETSCREENSAVEACTIVE, SPI_GETGRIDGRANULARITY = 0x10, 0x11, 0x12
SPI_GETKEYBOARDDELAY, SPI_SETKEYBOARDDELAY, SPI_ICONVERTICALSPACING = 0x16, 0x17, 0x18
SPI_GETICONTITLEWRAP, SPI_GETMENUDROPALIGNMENT = 0x19, 0x1B
SPI_GETICONTITLELOGFONT, SPI_SETDOUBLECLICKTIME, SPI_SETMOUSEBUTTONSWAP = 0x1F, 0x20, 0x21
SPI_GETFASTTASKSWITCH, SPI_SETDRAGFULLWINDOWS, SPI_GETDRAGFULLWINDOWS = 0x23, 0x25, 0x26
SPI_GETNONCLIENTMETRICS, SPI_GETMINIMIZEDMETRICS, SPI_GETICONMETRICS = 0x29, 0x2B, 0x2D
SPI_SETWORKAREA, SPI_GETWORKAREA = 0x2F, 0x30
SPI_GETFILTERKEYS, SPI_SETFILTERKEYS, SPI_GETTOGGLEKEYS, SPI_SETTOGGLEKEYS = 0x32, 0x33, 0x34, 0x35
SPI_GETSHOWSOUNDS, SPI_GETSTICKYKEYS, SPI_SETSTICKYKEYS = 0x38, 0x3A, 0x3B
SPI_GETHIGHCONTRAST, SPI_GETKEYBOARDPREF, SPI_GETSCREENREADER = 0x42, 0x44, 0x46
SPI_GETANIMATION, SPI_GETFONTSMOOTHING, SPI_SETFONTSMOOTHING = 0x48, 0x4A, 0x4B
SPI_GETLOWPOWERACTIVE, SPI_GETPOWEROFFACTIVE = 0x53, 0x54
SPI_GETMOUSETRAILS, SPI_SETSCREENSAVERRUNNING = 0x5E, 0x61
SPI_GETMOUSEHOVERWIDTH, SPI_GETMOUSEHOVERHEIGHT, SPI_GETMOUSEHOVERTIME = 0x62, 0x64, 0x66
SPI_GETWHEELSCROLLLINES, SPI_GETMENUSHOWDELAY, SPI_GETMOUSESPEED, SPI_SETMOUSESPEED = 0x68, 0x6A, 0x70, 0x71
SPI_GETSCREENSAVERRUNNING, SPI_GETDESKWALLPAPER = 0x72, 0x73
SPI_GETFOREGROUNDLOCKTIMEOUT, SPI_GETCARETWIDTH = 0x2000, 0x2006
SPI_GETFONTSMOOTHINGTYPE, SPI_GETFONTSMOOTHINGCONTRAST = 0x200A, 0x200C
SPI_GETFOCUSBORDERWIDTH, SPI_GETFOCUSBORDERHEIGHT = 0x200E, 0x2010

# plain integer settings: GET action -> (SET action or None, default)
_INTS: dict[int, tuple[int | None, int]] = {
    SPI_GETBEEP: (SPI_SETBEEP, 1),
    SPI_GETBORDER: (None, 1),
    SPI_GETKEYBOARDSPEED: (SPI_SETKEYBOARDSPEED, 31),
    SPI_GETSCREENSAVETIMEOUT: (SPI_SETSCREENSAVETIMEOUT, 900),
    SPI_GETSCREENSAVEACTIVE: (SPI_SETSCREENSAVEACTIVE, 0),
    SPI_GETGRIDGRANULARITY: (0x13, 0),
    SPI_GETKEYBOARDDELAY: (SPI_SETKEYBOARDDELAY, 1),
    SPI_GETICONTITLEWRAP: (0x1A, 1),
    SPI_GETMENUDROPALIGNMENT: (None, 0),
    SPI_GETFASTTASKSWITCH: (0x24, 1),
    SPI_GETDRAGFULLWINDOWS: (SPI_SETDRAGFULLWINDOWS, 1),
    SPI_GETSHOWSOUNDS: (0x39, 0),
    SPI_GETKEYBOARDPREF: (0x45, 0),
    SPI_GETSCREENREADER: (0x47, 0),
    SPI_GETFONTSMOOTHING: (SPI_SETFONTSMOOTHING, 0),
    SPI_GETLOWPOWERACTIVE: (0x55, 0),
    SPI_GETPOWEROFFACTIVE: (0x56, 0),
    SPI_GETMOUSETRAILS: (0x5D, 0),
    SPI_GETMOUSEHOVERWIDTH: (0x63, 4),
    SPI_GETMOUSEHOVERHEIGHT: (0x65, 4),
    SPI_GETMOUSEHOVERTIME: (0x67, 400),
    SPI_GETWHEELSCROLLLINES: (0x69, 3),
    SPI_GETMENUSHOWDELAY: (0x6B, 400),
    SPI_GETMOUSESPEED: (SPI_SETMOUSESPEED, 10),
    SPI_GETSCREENSAVERRUNNING: (None, 0),
    SPI_GETFOREGROUNDLOCKTIMEOUT: (0x2001, 0),
    SPI_GETCARETWIDTH: (0x2007, 1),
    SPI_GETFONTSMOOTHINGTYPE: (0x200B, 1),
    SPI_GETFONTSMOOTHINGCONTRAST: (0x200D, 1400),
    SPI_GETFOCUSBORDERWIDTH: (None, 1),
    SPI_GETFOCUSBORDERHEIGHT: (None, 1),
}
# settings whose SET takes the value in uiParam (the rest take it in pvParam)
_SET_BY_UI = {SPI_SETBEEP, SPI_SETKEYBOARDSPEED, SPI_SETSCREENSAVETIMEOUT, SPI_SETSCREENSAVEACTIVE, 0x13,
              SPI_SETKEYBOARDDELAY, 0x1A, 0x24, SPI_SETDRAGFULLWINDOWS, 0x39, 0x45, 0x47, SPI_SETFONTSMOOTHING,
              0x55, 0x56, 0x5D, 0x63, 0x65, 0x67, 0x69, 0x6B, 0x2007, 0x200B, 0x200D}
_SET_BY_PV = {SPI_SETMOUSESPEED, 0x2001}
# SPI_GET/SETxxx in 0x1000..0x103F: BOOL in pvParam (GET: BOOL*); Windows 98 defaults (flat captions, menu
# underlines always shown, no animations, fades or shadows)
_UI_BOOLS: dict[int, int] = {0x1000: 0, 0x1002: 0, 0x1004: 0, 0x1006: 0, 0x1008: 0, 0x100A: 1, 0x100C: 0,
                             0x100E: 0, 0x1012: 0, 0x1014: 0, 0x1016: 0, 0x1018: 0, 0x101A: 0, 0x101C: 0,
                             0x101E: 0, 0x1020: 0, 0x1022: 0, 0x1024: 0, 0x103E: 0}
# what this desktop draws: gradient captions, hidden menu underlines and flat menus cannot be switched on
_UI_FIXED = {0x1008, 0x100A, 0x1022}
# accessibility structures: GET -> (SET, cbSize, default DWORDs after cbSize)
_ACCESS: dict[int, tuple[int, int, tuple[int, ...]]] = {
    SPI_GETFILTERKEYS: (SPI_SETFILTERKEYS, 24, (0x7E, 1000, 500, 500, 0)),
    SPI_GETTOGGLEKEYS: (SPI_SETTOGGLEKEYS, 8, (0x3E,)),
    SPI_GETSTICKYKEYS: (SPI_SETSTICKYKEYS, 8, (0x1FE,)),
}


def _state(m: "Machine") -> dict[Any, Any]:
    return m.state.setdefault("spi", {})


def screen_rect(m: "Machine") -> Rect:
    from . import desktop  # noqa: PLC0415
    s = desktop.screen(m)
    return (0, 0, s.width, s.height)


def work_area(m: "Machine") -> Rect:
    """The desktop work area: the screen (there is no task bar) unless SPI_SETWORKAREA changed it."""
    return _state(m).get("workarea") or screen_rect(m)


def _metric(m: "Machine", i: int) -> int:
    from . import desktop  # noqa: PLC0415
    return int(desktop.GetSystemMetrics(m, i))


def _logfont(m: "Machine", unicode: bool, bold: bool = False) -> bytes:
    """LOGFONTA/W of MS Sans Serif 8 pt (-11 at 96 dpi), regular or bold."""
    head = struct.pack("<5i8B", -11, 0, 0, 0, 700 if bold else 400, 0, 0, 0, 0, 0, 0, 0, 0x22)
    face = "MS Sans Serif"
    if unicode:
        return head + face.encode("utf-16-le").ljust(64, b"\0")
    return head + face.encode("ascii").ljust(32, b"\0")


def _ncm(m: "Machine", unicode: bool, size: int) -> bytes:
    lf = 92 if unicode else 60
    base = 4 + 5 * 4 + lf + 2 * 4 + lf + 2 * 4 + lf * 3
    ints = struct.pack("<I5i", size, 1, _metric(m, 2), _metric(m, 3), _metric(m, 30), _metric(m, 31))
    out = (ints + _logfont(m, unicode, True) + struct.pack("<2i", _metric(m, 52), _metric(m, 53))
           + _logfont(m, unicode, True) + struct.pack("<2i", _metric(m, 54), _metric(m, 55))
           + _logfont(m, unicode) + _logfont(m, unicode) + _logfont(m, unicode))
    assert len(out) == base
    return out + (b"\0\0\0\0" if size == base + 4 else b"")


def _settings_changed(m: "Machine", action: int) -> None:
    from . import message as mm  # noqa: PLC0415
    from . import window as wm  # noqa: PLC0415
    for t in list(wm.state(m).tops):
        if not t.destroyed:
            mm.send(m, t, WM_SETTINGCHANGE, action, 0)


def system_parameters(m: "Machine", action: int, ui: int, pv: int, winini: int, unicode: bool) -> int:
    """SystemParametersInfoA/W."""
    st = _state(m)
    mem = m.mem

    def bad() -> int:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0

    def done_set() -> int:
        if winini & SPIF_SENDCHANGE:
            _settings_changed(m, action)
        return 1

    if action in _INTS:
        if not pv:
            return bad()
        mem.w32(pv, st.get(action, _INTS[action][1]) & 0xFFFFFFFF)
        return 1
    if action in _SET_BY_UI or action in _SET_BY_PV:
        get = next(g for g, (s, _d) in _INTS.items() if s == action)
        st[get] = ui if action in _SET_BY_UI else pv
        return done_set()
    if action in _UI_BOOLS:
        if not pv:
            return bad()
        mem.w32(pv, int(st.get(action, _UI_BOOLS[action])))
        return 1
    if action - 1 in _UI_BOOLS:
        if action - 1 in _UI_FIXED and bool(pv) != bool(_UI_BOOLS[action - 1]):
            return bad()
        st[action - 1] = int(bool(pv))
        return done_set()
    if action in _ACCESS:
        _set, size, dflt = _ACCESS[action]
        if not pv or mem.u32(pv) != size:
            return bad()
        mem.pack(f"<{len(dflt)}I", pv + 4, *st.get(action, dflt))
        return 1
    for get, (sa, size, dflt) in _ACCESS.items():
        if action == sa:
            if not pv or mem.u32(pv) != size:
                return bad()
            st[get] = mem.unpack(f"<{len(dflt)}I", pv + 4)
            return done_set()
    if action == SPI_GETMOUSE:
        if not pv:
            return bad()
        mem.pack("<3i", pv, *st.get(action, (6, 10, 1)))
        return 1
    if action == SPI_SETMOUSE:
        if not pv:
            return bad()
        st[SPI_GETMOUSE] = mem.unpack("<3i", pv)
        return done_set()
    if action in (SPI_ICONHORIZONTALSPACING, SPI_ICONVERTICALSPACING):
        if pv:
            mem.w32(pv, _metric(m, 38 if action == SPI_ICONHORIZONTALSPACING else 39))
        return 1
    if action == SPI_GETWORKAREA:
        if not pv:
            return bad()
        mem.pack("<4i", pv, *work_area(m))
        return 1
    if action == SPI_SETWORKAREA:
        r = mem.unpack("<4i", pv) if pv else screen_rect(m)
        if r[2] <= r[0] or r[3] <= r[1]:
            return bad()
        st["workarea"] = tuple(r)
        return done_set()
    if action == SPI_GETNONCLIENTMETRICS:
        lf = 92 if unicode else 60
        base = 4 + 5 * 4 + 3 * lf + 16 + 2 * lf
        size = mem.u32(pv) if pv else 0
        if size not in (base, base + 4):
            return bad()
        mem.write(pv, _ncm(m, unicode, size))
        return 1
    if action == SPI_GETICONTITLELOGFONT:
        if not pv:
            return bad()
        mem.write(pv, _logfont(m, unicode))
        return 1
    if action == SPI_GETICONMETRICS:
        size = 16 + (92 if unicode else 60)
        if not pv or mem.u32(pv) != size:
            return bad()
        mem.pack("<3i", pv + 4, _metric(m, 38), _metric(m, 39), 1)
        mem.write(pv + 16, _logfont(m, unicode))
        return 1
    if action == SPI_GETMINIMIZEDMETRICS:
        if not pv or mem.u32(pv) != 20:
            return bad()
        mem.pack("<4i", pv + 4, _metric(m, 57), 0, 0, 8)  # SM_CXMINIMIZED; ARW_HIDE
        return 1
    if action == SPI_GETHIGHCONTRAST:
        if not pv or mem.u32(pv) != 12:
            return bad()
        mem.pack("<II", pv + 4, 0x2, 0)  # HCF_AVAILABLE, off; no scheme name
        return 1
    if action == SPI_GETANIMATION:
        if not pv or mem.u32(pv) != 8:
            return bad()
        mem.w32(pv + 4, st.get(action, 0))
        return 1
    if action == SPI_GETANIMATION + 1:  # SPI_SETANIMATION
        if not pv or mem.u32(pv) != 8:
            return bad()
        st[SPI_GETANIMATION] = mem.u32(pv + 4)
        return done_set()
    if action == SPI_GETDESKWALLPAPER:
        if not pv or ui == 0:
            return bad()
        mem.write(pv, b"\0\0" if unicode else b"\0")
        return 1
    if action == SPI_SETSCREENSAVERRUNNING:  # old programs' way of disabling Ctrl+Alt+Del
        if pv:
            mem.w32(pv, st.get(SPI_GETSCREENSAVERRUNNING, 0))
        st[SPI_GETSCREENSAVERRUNNING] = int(bool(ui))
        return 1
    if action == SPI_SETDOUBLECLICKTIME:
        from . import input as inp  # noqa: PLC0415
        return int(inp.SetDoubleClickTime(m, ui))
    if action == SPI_SETMOUSEBUTTONSWAP:
        return 1 if ui == 0 else bad()  # swapped buttons are not supported
    return bad()


@stdcall("user32")
def SystemParametersInfoA(m: "Machine", uiAction: UINT, uiParam: UINT, pvParam: PTR, fWinIni: UINT) -> BOOL:
    """Query or set a system-wide parameter (SPI_*): Windows 98 defaults, harmless settings remembered."""
    return system_parameters(m, uiAction, uiParam, pvParam, fWinIni, False)


@stdcall("user32")
def SystemParametersInfoW(m: "Machine", uiAction: UINT, uiParam: UINT, pvParam: PTR, fWinIni: UINT) -> BOOL:
    """Query or set a system-wide parameter (SPI_*): Windows 98 defaults, harmless settings remembered."""
    return system_parameters(m, uiAction, uiParam, pvParam, fWinIni, True)


@stdcall("user32")
def MessageBeep(m: "Machine", uType: UINT) -> BOOL:
    """Play the system sound of a message box type (MB_ICONHAND/QUESTION/EXCLAMATION/ASTERISK, else the default
    beep) asynchronously; also recorded in m.state["beeps"]."""
    from audio import playsound  # noqa: PLC0415 - audio imports gdi
    m.state.setdefault("beeps", []).append(uType)
    alias = {0x10: "SystemHand", 0x20: "SystemQuestion", 0x30: "SystemExclamation", 0x40: "SystemAsterisk"}
    playsound.play_alias(m, alias.get(uType & 0xF0, "SystemDefault"))
    return 1


@stdcall("user32")
def GetDialogBaseUnits(m: "Machine") -> LONG:
    """Dialog base units of the system font: 8 x 16 (height in the high word)."""
    return (16 << 16) | 8


# ---- monitors -------------------------------------------------------------------------------------
def _on_screen(m: "Machine", r: Rect) -> bool:
    sx0, sy0, sx1, sy1 = screen_rect(m)
    if r[2] <= r[0] or r[3] <= r[1]:  # empty rectangle: its position decides
        return sx0 <= r[0] < sx1 and sy0 <= r[1] < sy1
    return r[0] < sx1 and r[2] > sx0 and r[1] < sy1 and r[3] > sy0


def _monitor_for(m: "Machine", r: Rect, flags: int) -> int:
    if _on_screen(m, r) or flags != MONITOR_DEFAULTTONULL:
        return HMONITOR_PRIMARY
    return 0


@stdcall("user32")
def MonitorFromRect(m: "Machine", lprc: PTR, dwFlags: DWORD) -> HANDLE:
    """The monitor a rectangle lies on (the one screen; NULL off-screen with MONITOR_DEFAULTTONULL)."""
    if not lprc:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return _monitor_for(m, m.mem.unpack("<4i", lprc), dwFlags)


@stdcall("user32")
def MonitorFromPoint(m: "Machine", x: INT, y: INT, dwFlags: DWORD) -> HANDLE:
    """The monitor containing a point (the one screen; NULL off-screen with MONITOR_DEFAULTTONULL)."""
    return _monitor_for(m, (x, y, x, y), dwFlags)


@stdcall("user32")
def MonitorFromWindow(m: "Machine", hwnd: HWND, dwFlags: DWORD) -> HANDLE:
    """The monitor a window lies on (the one screen; NULL off-screen with MONITOR_DEFAULTTONULL)."""
    from . import window as wm  # noqa: PLC0415
    w = wm.get(m, hwnd)
    if w is None:
        return HMONITOR_PRIMARY if dwFlags != MONITOR_DEFAULTTONULL else 0
    x, y = wm.window_origin_screen(w)
    r = w.rect
    return _monitor_for(m, (x, y, x + r[2] - r[0], y + r[3] - r[1]), dwFlags)


def _monitor_info(m: "Machine", hmon: int, p: int, unicode: bool) -> int:
    if hmon != HMONITOR_PRIMARY:
        m.set_last_error(ERROR_INVALID_MONITOR_HANDLE)
        return 0
    size = m.mem.u32(p) if p else 0
    ex = 40 + (64 if unicode else 32)
    if size not in (40, ex):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    m.mem.pack("<8iI", p + 4, *screen_rect(m), *work_area(m), MONITORINFOF_PRIMARY)
    if size == ex:
        name = "\\\\.\\DISPLAY1"
        m.mem.write(p + 40, name.encode("utf-16-le") + b"\0\0" if unicode else name.encode() + b"\0")
    return 1


@stdcall("user32")
def GetMonitorInfoA(m: "Machine", hMonitor: HANDLE, lpmi: PTR) -> BOOL:
    """MONITORINFO(EXA) of the screen: its rectangle, the work area, primary, device \\\\.\\DISPLAY1."""
    return _monitor_info(m, hMonitor, lpmi, False)


@stdcall("user32")
def GetMonitorInfoW(m: "Machine", hMonitor: HANDLE, lpmi: PTR) -> BOOL:
    """MONITORINFO(EXW) of the screen: its rectangle, the work area, primary, device \\\\.\\DISPLAY1."""
    return _monitor_info(m, hMonitor, lpmi, True)


@stdcall("user32")
def EnumDisplayMonitors(m: "Machine", hdc: HANDLE, lprcClip: PTR, lpfnEnum: PTR, dwData: DWORD) -> BOOL:
    """Call lpfnEnum(hMonitor, hdcMonitor, lprcMonitor, dwData) for the one screen where it intersects the
    clip rectangle (and the DC's visible area, in DC coordinates, when hdc is given)."""
    from . import window as wm  # noqa: PLC0415
    from .dc import get_dc  # noqa: PLC0415
    from .region import rect_intersect  # noqa: PLC0415
    r: Rect | None = screen_rect(m)
    if hdc:
        dc = get_dc(m, hdc)
        if dc is None:
            m.set_last_error(ERROR_INVALID_PARAMETER)
            return 0
        ox, oy = dc.dev_org
        if dc.window is not None:
            top = wm.top_level(dc.window)
            ox, oy = ox + top.rect[0], oy + top.rect[1]
        assert r is not None
        r = rect_intersect((r[0] - ox, r[1] - oy, r[2] - ox, r[3] - oy), dc.clip_box())
    if r is not None and lprcClip:
        r = rect_intersect(r, m.mem.unpack("<4i", lprcClip))
    if r is None or not lpfnEnum:
        return 1
    p = wm._tmp(m, struct.pack("<4i", *r))
    try:
        m.call(lpfnEnum, HMONITOR_PRIMARY, hdc, p, dwData)
    finally:
        wm._free_tmp(m, p)
    return 1
