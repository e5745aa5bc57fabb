"""user32 keyboard accelerator tables: LoadAccelerators, CreateAcceleratorTable, CopyAcceleratorTable,
DestroyAcceleratorTable, TranslateAccelerator."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu import resources
from emu.api import BOOL, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, stdcall

from . import message as mm
from . import window as wm
from .menu_model import (
    ERROR_INVALID_ACCEL_HANDLE, ERROR_INVALID_WINDOW_HANDLE, ERROR_RESOURCE_NAME_NOT_FOUND, FALT, FCONTROL, FSHIFT,
    FVIRTKEY, MF_BYCOMMAND, MF_DISABLED, MF_GRAYED, VK_CONTROL, VK_MENU, VK_SHIFT, _new_handle, _parent_of, bar_menu,
    find_item, get_menu, mstate,
)
from .menu_api import _refresh_sysmenu, system_menu

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


# ---- accelerators -----------------------------------------------------------------------------------------
def _new_accel(m: "Machine", entries: list[tuple[int, int, int]]) -> int:
    h = _new_handle(m)
    mstate(m).accels[h] = entries
    return h


def load_accelerators(m: "Machine", hinst: int, name: str | int | None) -> int:
    base = hinst or (m.proc.exe.base if m.proc.exe else 0)
    if name is None or not base:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        return 0
    r = resources.find(m, base, resources.RT_ACCELERATOR, name)
    if r is None:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        return 0
    p, size = r
    entries: list[tuple[int, int, int]] = []
    for off in range(0, size - 7, 8):
        fvirt, key, cmd, _pad = m.mem.unpack("<HHHH", p + off)
        entries.append((fvirt & 0x7F, key, cmd))
        if fvirt & 0x80:
            break
    return _new_accel(m, entries)


@stdcall("user32")
def LoadAcceleratorsA(m: "Machine", hInstance: HANDLE, lpTableName: LPCSTR) -> HANDLE:
    """Load an RT_ACCELERATOR resource as an accelerator table."""
    return load_accelerators(m, hInstance, lpTableName)


@stdcall("user32")
def LoadAcceleratorsW(m: "Machine", hInstance: HANDLE, lpTableName: LPCWSTR) -> HANDLE:
    """Load an RT_ACCELERATOR resource as an accelerator table."""
    return load_accelerators(m, hInstance, lpTableName)


def _create_accel(m: "Machine", p: int, n: int) -> int:
    if not p or n <= 0:
        m.set_last_error(87)  # ERROR_INVALID_PARAMETER
        return 0
    entries = []
    for i in range(n):
        fvirt, _pad, key, cmd = m.mem.unpack("<BBHH", p + 6 * i)
        entries.append((fvirt & 0x7F, key, cmd))
    return _new_accel(m, entries)


@stdcall("user32")
def CreateAcceleratorTableA(m: "Machine", paccel: PTR, cAccel: INT) -> HANDLE:
    """An accelerator table from an array of ACCEL."""
    return _create_accel(m, paccel, cAccel)


@stdcall("user32")
def CreateAcceleratorTableW(m: "Machine", paccel: PTR, cAccel: INT) -> HANDLE:
    """An accelerator table from an array of ACCEL."""
    return _create_accel(m, paccel, cAccel)


@stdcall("user32")
def DestroyAcceleratorTable(m: "Machine", hAccel: HANDLE) -> BOOL:
    """Free an accelerator table."""
    if mstate(m).accels.pop(hAccel, None) is None:
        m.set_last_error(ERROR_INVALID_ACCEL_HANDLE)
        return 0
    return 1


def _copy_accel(m: "Machine", h: int, dst: int, n: int) -> int:
    entries = mstate(m).accels.get(h)
    if entries is None:
        m.set_last_error(ERROR_INVALID_ACCEL_HANDLE)
        return 0
    if not dst:
        return len(entries)
    k = min(n, len(entries))
    for i in range(k):
        fvirt, key, cmd = entries[i]
        m.mem.pack("<BBHH", dst + 6 * i, fvirt, 0, key, cmd)
    return k


@stdcall("user32")
def CopyAcceleratorTableA(m: "Machine", hAccelSrc: HANDLE, lpAccelDst: PTR, cAccelEntries: INT) -> INT:
    """Copy a table's ACCEL entries (NULL destination: the entry count)."""
    return _copy_accel(m, hAccelSrc, lpAccelDst, cAccelEntries)


@stdcall("user32")
def CopyAcceleratorTableW(m: "Machine", hAccelSrc: HANDLE, lpAccelDst: PTR, cAccelEntries: INT) -> INT:
    """Copy a table's ACCEL entries (NULL destination: the entry count)."""
    return _copy_accel(m, hAccelSrc, lpAccelDst, cAccelEntries)


def _accel_matches(m: "Machine", x: "mm.Msg", fvirt: int, key: int) -> bool:
    from . import input as inp  # noqa: PLC0415
    if x.wparam & 0xFFFF != key:
        return False
    keys = inp.state(m).keys
    mask = (FCONTROL if keys[VK_CONTROL] & 0x80 else 0) | (FALT if keys[VK_MENU] & 0x80 else 0) | \
        (FSHIFT if keys[VK_SHIFT] & 0x80 else 0)
    if x.message in (mm.WM_CHAR, mm.WM_SYSCHAR):
        return not fvirt & FVIRTKEY and (mask & FALT) == (fvirt & FALT)
    if fvirt & FVIRTKEY:
        return mask == fvirt & (FSHIFT | FCONTROL | FALT)
    # a character accelerator with Alt, seen as the key-down of a non-extended key
    return bool(fvirt & FALT and x.lparam & 0x20000000 and not x.lparam & 0x01000000)


def _accel_command(m: "Machine", w: "Window", cmd: int) -> None:
    """Send the command of a matched accelerator, after WM_INITMENU/WM_INITMENUPOPUP when the command is a
    menu item; disabled items and a disabled or iconic window get nothing."""
    sysm = system_menu(m, w) if w.style & wm.WS_SYSMENU and not w.is_child else None
    if sysm is not None:
        _refresh_sysmenu(m, w, sysm)
    found = find_item(m, sysm, cmd, MF_BYCOMMAND) if sysm is not None else None
    is_sys = found is not None
    top = sysm
    if found is None:
        top = bar_menu(m, w)
        found = find_item(m, top, cmd, MF_BYCOMMAND) if top is not None else None
    if found is not None:
        assert top is not None
        if w.style & wm.WS_DISABLED or wm.state(m).capture is not None:
            return
        mm.send(m, w, mm.WM_INITMENU, top.handle, 0)
        holder, idx = found
        if holder is not top:
            par = _parent_of(m, top, holder)
            if par is not None:
                mm.send(m, w, mm.WM_INITMENUPOPUP, holder.handle, (par[1] & 0xFFFF) | (int(is_sys) << 16))
        if get_menu(m, holder.handle) is None or idx >= len(holder.items):
            return
        it = holder.items[idx]
        if it.state & (MF_GRAYED | MF_DISABLED):
            return
        if is_sys:
            mm.send(m, w, mm.WM_SYSCOMMAND, cmd, 0x00010000)
            return
        if w.minimized:
            return
    mm.send(m, w, mm.WM_COMMAND, 0x10000 | (cmd & 0xFFFF), 0)


def translate_accelerator(m: "Machine", hwnd: int, haccel: int, pmsg: int) -> int:
    entries = mstate(m).accels.get(haccel)
    if entries is None:
        m.set_last_error(ERROR_INVALID_ACCEL_HANDLE)
        return 0
    w = wm.get(m, hwnd)
    if w is None:
        m.set_last_error(ERROR_INVALID_WINDOW_HANDLE)
        return 0
    if not pmsg:
        return 0
    x = mm.read_msg(m, pmsg)
    if x.message not in (mm.WM_KEYDOWN, mm.WM_SYSKEYDOWN, mm.WM_CHAR, mm.WM_SYSCHAR):
        return 0
    for fvirt, key, cmd in entries:
        if _accel_matches(m, x, fvirt, key):
            _accel_command(m, w, cmd)
            return 1
    return 0


@stdcall("user32")
def TranslateAcceleratorA(m: "Machine", hWnd: HWND, hAccTable: HANDLE, lpMsg: PTR) -> INT:
    """If the message is a key of the accelerator table, send its WM_COMMAND (or WM_SYSCOMMAND) to the
    window and return nonzero."""
    return translate_accelerator(m, hWnd, hAccTable, lpMsg)


@stdcall("user32")
def TranslateAcceleratorW(m: "Machine", hWnd: HWND, hAccTable: HANDLE, lpMsg: PTR) -> INT:
    """If the message is a key of the accelerator table, send its WM_COMMAND (or WM_SYSCOMMAND) to the
    window and return nonzero."""
    return translate_accelerator(m, hWnd, hAccTable, lpMsg)
