"""user32 odds and ends: display modes and display devices (EnumDisplaySettings, EnumDisplayDevices) and
WinHelp. (Monitors and SystemParametersInfo live in resource_ui.py, the clipboard in clipboard.py.)

Display modes are listed as a fixed set (640x480, 800x600, 1024x768 at 8, 16 and 32 bits per pixel, 60 Hz)
plus the current mode, the guest screen (``desktop.screen``); there is one adapter, \\\\.\\DISPLAY1, with one
monitor. WinHelp has no help viewer to start (it is another program): it fails and says so on stderr.
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HWND, LPCSTR, LPCWSTR, PTR, UINT, stdcall

from . import desktop

if TYPE_CHECKING:
    from emu.machine import Machine

DISPLAY_NAME = "\\\\.\\DISPLAY1"
ADAPTER_NAME = "exeplay Display Adapter"
ERROR_NOT_SUPPORTED = 50


# ---- display modes and devices --------------------------------------------------------------------------
MODES = [(w, h, bpp) for bpp in (8, 16, 32) for (w, h) in ((640, 480), (800, 600), (1024, 768))]
ENUM_CURRENT_SETTINGS = 0xFFFFFFFF
ENUM_REGISTRY_SETTINGS = 0xFFFFFFFE
DM_BITSPERPEL, DM_PELSWIDTH, DM_PELSHEIGHT, DM_DISPLAYFLAGS, DM_DISPLAYFREQUENCY = \
    0x40000, 0x80000, 0x100000, 0x200000, 0x400000
DM_POSITION = 0x20


def display_modes(m: Machine) -> list[tuple[int, int, int]]:
    """The modes EnumDisplaySettings lists (the current one included)."""
    scr = desktop.screen(m)
    cur = (scr.width, scr.height, scr.bpp)
    modes = list(MODES)
    if cur not in modes:
        modes.append(cur)
    return modes


def _device_ok(name: str | int | None) -> bool:
    return name is None or (isinstance(name, str) and name.upper() in ("", DISPLAY_NAME))


def _enum_settings(m: Machine, device: str | int | None, mode: int, p: int, wide: bool) -> int:
    if not _device_ok(device):
        return 0
    scr = desktop.screen(m)
    if mode in (ENUM_CURRENT_SETTINGS, ENUM_REGISTRY_SETTINGS):
        w, h, bpp = scr.width, scr.height, scr.bpp
    else:
        modes = display_modes(m)
        if mode >= len(modes):
            return 0
        w, h, bpp = modes[mode]
    cch = 2 if wide else 1
    full = 220 if wide else 156
    size = m.mem.u16(p + 32 * cch + 4)  # dmSize, set by the caller
    buf = bytearray(max(full, size))
    name = "exeplay Display"
    buf[0:32 * cch] = (name.encode("utf-16-le") if wide else name.encode()).ljust(32 * cch, b"\0")
    o = 32 * cch
    struct.pack_into("<HHHHI", buf, o, 0x0401, 0, full, 0,
                     DM_POSITION | DM_BITSPERPEL | DM_PELSWIDTH | DM_PELSHEIGHT | DM_DISPLAYFLAGS |
                     DM_DISPLAYFREQUENCY)
    struct.pack_into("<ii", buf, o + 12, 0, 0)  # dmPosition
    f = o + 38 + 32 * cch + 2  # after dmFormName: dmLogPixels, then the display fields
    struct.pack_into("<HIIIII", buf, f - 2, 96, bpp, w, h, 0, 60)
    m.mem.write(p, bytes(buf[:max(size, f + 20)]))
    return 1


@stdcall("user32")
def EnumDisplaySettingsA(m: Machine, lpszDeviceName: LPCSTR, iModeNum: DWORD, lpDevMode: PTR) -> BOOL:
    """DEVMODEA of display mode iModeNum (ENUM_CURRENT_SETTINGS: the guest screen); FALSE past the end."""
    return _enum_settings(m, lpszDeviceName, iModeNum, lpDevMode, False)


@stdcall("user32")
def EnumDisplaySettingsW(m: Machine, lpszDeviceName: LPCWSTR, iModeNum: DWORD, lpDevMode: PTR) -> BOOL:
    """Wide EnumDisplaySettings."""
    return _enum_settings(m, lpszDeviceName, iModeNum, lpDevMode, True)


def _enum_devices(m: Machine, device: str | int | None, num: int, p: int, wide: bool) -> int:
    if num != 0:
        return 0
    if device is None:
        fields = (DISPLAY_NAME, ADAPTER_NAME, 0x1 | 0x4, "EXEPLAY\\DISPLAY",
                  "\\Registry\\Machine\\System\\CurrentControlSet\\Control\\Video\\exeplay\\0000")
    elif isinstance(device, str) and device.upper() == DISPLAY_NAME:
        fields = (DISPLAY_NAME + "\\Monitor0", "Default Monitor", 0x1 | 0x2, "MONITOR\\Default_Monitor",
                  "\\Registry\\Machine\\System\\CurrentControlSet\\Control\\Class\\exeplay-monitor\\0000")
    else:
        return 0
    cb = m.mem.u32(p)
    cch = 2 if wide else 1

    def s(v: str, n: int) -> bytes:
        b = v.encode("utf-16-le") if wide else v.encode()
        return b[:cch * (n - 1)].ljust(cch * n, b"\0")
    data = struct.pack("<I", cb) + s(fields[0], 32) + s(fields[1], 128) + struct.pack("<I", fields[2]) + \
        s(fields[3], 128) + s(fields[4], 128)
    m.mem.write(p, data[:max(4, min(cb, len(data)))])
    return 1


@stdcall("user32")
def EnumDisplayDevicesA(m: Machine, lpDevice: LPCSTR, iDevNum: DWORD, lpDisplayDevice: PTR,
                        dwFlags: DWORD) -> BOOL:
    """DISPLAY_DEVICEA: adapter 0 (\\\\.\\DISPLAY1, attached, primary), or its monitor when lpDevice names it."""
    return _enum_devices(m, lpDevice, iDevNum, lpDisplayDevice, False)


@stdcall("user32")
def EnumDisplayDevicesW(m: Machine, lpDevice: LPCWSTR, iDevNum: DWORD, lpDisplayDevice: PTR,
                        dwFlags: DWORD) -> BOOL:
    """Wide EnumDisplayDevices."""
    return _enum_devices(m, lpDevice, iDevNum, lpDisplayDevice, True)


# ---- WinHelp ---------------------------------------------------------------------------------------------
HELP_QUIT = 2


def _win_help(m: Machine, help_file: str | int | None, cmd: int) -> int:
    if cmd == HELP_QUIT:
        return 1  # no help window is open, so nothing to close
    m.log(f"WinHelp: cannot show help {help_file!r} (command {cmd}): there is no help viewer (returned FALSE)")
    m.set_last_error(ERROR_NOT_SUPPORTED)
    return 0


@stdcall("user32")
def WinHelpA(m: Machine, hWndMain: HWND, lpszHelp: LPCSTR, uCommand: UINT, dwData: DWORD) -> BOOL:
    """Start the Windows Help viewer: there is none (another program), so FALSE; HELP_QUIT succeeds."""
    return _win_help(m, lpszHelp, uCommand)


@stdcall("user32")
def WinHelpW(m: Machine, hWndMain: HWND, lpszHelp: LPCWSTR, uCommand: UINT, dwData: DWORD) -> BOOL:
    """Wide WinHelp."""
    return _win_help(m, lpszHelp, uCommand)
