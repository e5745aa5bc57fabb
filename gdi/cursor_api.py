"""user32 icon and cursor functions: LoadIcon/LoadCursor, CreateIcon/CreateCursor and from resources, CopyIcon,
DestroyIcon/DestroyCursor, GetIconInfo(Ex)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall

from .cursor import (
    ERROR_FILE_NOT_FOUND, ERROR_INVALID_CURSOR_HANDLE, ERROR_INVALID_DATA, ERROR_INVALID_PARAMETER, IMAGE_CURSOR,
    IconObj, Image, LR_DEFAULTSIZE, LR_LOADFROMFILE, SM_CXCURSOR, SM_CXICON, SM_CYCURSOR, SM_CYICON, WHITE,
    _dir_entries, _fields, _indices, _make, _metric, add, best_entry, from_resource_bits, get, load_cursor, load_icon,
    load_image_other,
)
from . import cursor_draw

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- reading guest structures ---------------------------------------------------------------------
def _ddb_px(m: "Machine", p: int, w: int, h: int, bpp: int) -> np.ndarray | None:
    """Device-dependent bitmap bits (rows WORD aligned, top-down) as pixels; 1/4/16/24/32 bpp."""
    stride = ((w * bpp + 15) // 16) * 2
    raw = np.frombuffer(m.mem.read(p, stride * h), np.uint8).reshape(h, stride)
    if bpp == 1:
        return np.where(np.unpackbits(raw, axis=1)[:, :w] != 0, np.uint32(WHITE), np.uint32(0))
    if bpp == 4:
        from .gdiobj import DEFAULT_PALETTE_ENTRIES  # noqa: PLC0415
        vga = [DEFAULT_PALETTE_ENTRIES[i] for i in (0, 1, 2, 3, 4, 5, 6, 7)] + [
            (0x80, 0x80, 0x80), (0xFF, 0, 0), (0, 0xFF, 0), (0xFF, 0xFF, 0), (0, 0, 0xFF), (0xFF, 0, 0xFF),
            (0, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF)]
        tab = np.array([(r << 16) | (g << 8) | b for r, g, b in vga], np.uint32)
        return tab[_indices(raw, w, 4)]
    if bpp == 16:
        return _fields(raw[:, :2 * w].copy().view("<u2").astype(np.uint32), (0xF800, 0x07E0, 0x001F))
    if bpp == 24:
        r = raw[:, :3 * w].reshape(h, w, 3).astype(np.uint32)
        return (r[:, :, 2] << 16) | (r[:, :, 1] << 8) | r[:, :, 0]
    if bpp == 32:
        return raw[:, :4 * w].copy().view("<u4").astype(np.uint32) & np.uint32(WHITE)
    return None


def _write_info(m: "Machine", p: int, ic: IconObj) -> None:
    hmask, hcolor = cursor_draw.icon_bitmaps(m, ic)
    m.mem.pack("<IIIII", p, int(ic.is_icon), ic.hotspot[0], ic.hotspot[1], hmask, hcolor)


# ---- APIs -----------------------------------------------------------------------------------------
@stdcall("user32")
def LoadIconA(m: "Machine", hInstance: HANDLE, lpIconName: LPCSTR) -> HANDLE:
    """Load a shared icon (SM_CXICON size) from a module's RT_GROUP_ICON resource, or a system IDI_x icon."""
    return load_icon(m, hInstance, lpIconName)


@stdcall("user32")
def LoadIconW(m: "Machine", hInstance: HANDLE, lpIconName: LPCWSTR) -> HANDLE:
    """Load a shared icon (SM_CXICON size) from a module's RT_GROUP_ICON resource, or a system IDI_x icon."""
    return load_icon(m, hInstance, lpIconName)


@stdcall("user32")
def LoadCursorA(m: "Machine", hInstance: HANDLE, lpCursorName: LPCSTR) -> HANDLE:
    """Load a shared cursor from a module's RT_GROUP_CURSOR resource, or a system IDC_x cursor."""
    return load_cursor(m, hInstance, lpCursorName)


@stdcall("user32")
def LoadCursorW(m: "Machine", hInstance: HANDLE, lpCursorName: LPCWSTR) -> HANDLE:
    """Load a shared cursor from a module's RT_GROUP_CURSOR resource, or a system IDC_x cursor."""
    return load_cursor(m, hInstance, lpCursorName)


def _cursor_file(m: "Machine", name: str | int | None) -> int:
    if not isinstance(name, str):
        m.set_last_error(ERROR_FILE_NOT_FOUND)
        return 0
    return load_image_other(m, 0, name, IMAGE_CURSOR, 0, 0, LR_LOADFROMFILE | LR_DEFAULTSIZE)


@stdcall("user32")
def LoadCursorFromFileA(m: "Machine", lpFileName: LPCSTR) -> HANDLE:
    """A cursor from a .cur (or .ico) file; animated .ani cursors are not supported (fails)."""
    return _cursor_file(m, lpFileName)


@stdcall("user32")
def LoadCursorFromFileW(m: "Machine", lpFileName: LPCWSTR) -> HANDLE:
    """A cursor from a .cur (or .ico) file; animated .ani cursors are not supported (fails)."""
    return _cursor_file(m, lpFileName)


@stdcall("user32")
def CreateIcon(m: "Machine", hInstance: HANDLE, nWidth: INT, nHeight: INT, cPlanes: UINT, cBitsPixel: UINT,
               lpbANDbits: PTR, lpbXORbits: PTR) -> HANDLE:
    """An icon from an AND mask (1 bpp) and an XOR image (1, 4, 16, 24 or 32 bpp), both device-dependent
    bitmap bits (top-down rows, WORD aligned)."""
    bpp = cPlanes * cBitsPixel
    if nWidth <= 0 or nHeight <= 0 or nWidth > 1024 or nHeight > 1024 or not lpbANDbits or not lpbXORbits \
            or bpp not in (1, 4, 16, 24, 32):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    andm = _ddb_px(m, lpbANDbits, nWidth, nHeight, 1)
    xor = _ddb_px(m, lpbXORbits, nWidth, nHeight, bpp)
    assert andm is not None and xor is not None
    img = Image(xor, andm != 0, None, bpp, bpp == 1)
    return add(m, _make(img, 0, 0, True, (0, 0), 0))


@stdcall("user32")
def CreateCursor(m: "Machine", hInst: HANDLE, xHotSpot: INT, yHotSpot: INT, nWidth: INT, nHeight: INT,
                 pvANDPlane: PTR, pvXORPlane: PTR) -> HANDLE:
    """A monochrome cursor from AND and XOR masks (1 bpp, WORD-aligned rows) with its hotspot."""
    if nWidth <= 0 or nHeight <= 0 or nWidth > 1024 or nHeight > 1024 or not pvANDPlane or not pvXORPlane:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    andm = _ddb_px(m, pvANDPlane, nWidth, nHeight, 1)
    xor = _ddb_px(m, pvXORPlane, nWidth, nHeight, 1)
    assert andm is not None and xor is not None
    img = Image(xor, andm != 0, None, 1, True)
    return add(m, _make(img, 0, 0, False, (xHotSpot, yHotSpot), 0))


@stdcall("user32")
def CreateIconIndirect(m: "Machine", piconinfo: PTR) -> HANDLE:
    """An icon or cursor from an ICONINFO (mask bitmap, colour bitmap or none for monochrome, hotspot);
    the bitmaps are copied."""
    if not piconinfo:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    f_icon, hx, hy, hmask, hcolor = m.mem.unpack("<IIIII", piconinfo)
    ic = cursor_draw.from_bitmaps(m, bool(f_icon), (hx, hy), hmask, hcolor)
    if ic is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return add(m, ic)


@stdcall("user32")
def CreateIconFromResourceEx(m: "Machine", presbits: PTR, dwResSize: DWORD, fIcon: BOOL, dwVer: DWORD, cxDesired: INT,
                             cyDesired: INT, Flags: UINT) -> HANDLE:
    """An icon or cursor from RT_ICON / RT_CURSOR bits (DIB or PNG), stretched to cx/cy (0: LR_DEFAULTSIZE's
    system metric, else the image's size)."""
    if not presbits or dwResSize < 4 or dwVer not in (0x20000, 0x30000):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    data = m.mem.read(presbits, min(dwResSize, 1 << 24))
    is_icon = bool(fIcon)
    cx, cy = cxDesired, cyDesired
    if Flags & LR_DEFAULTSIZE:
        cx = cx or _metric(m, SM_CXICON if is_icon else SM_CXCURSOR)
        cy = cy or _metric(m, SM_CYICON if is_icon else SM_CYCURSOR)
    ic = from_resource_bits(m, data, is_icon, cx, cy, Flags)
    if ic is None:
        m.set_last_error(ERROR_INVALID_DATA)
        return 0
    return add(m, ic)


@stdcall("user32")
def CreateIconFromResource(m: "Machine", presbits: PTR, dwResSize: DWORD, fIcon: BOOL, dwVer: DWORD) -> HANDLE:
    """CreateIconFromResourceEx at the system icon/cursor size."""
    return CreateIconFromResourceEx(m, presbits, dwResSize, fIcon, dwVer, 0, 0, LR_DEFAULTSIZE)


@stdcall("user32")
def LookupIconIdFromDirectoryEx(m: "Machine", presbits: PTR, fIcon: BOOL, cxDesired: INT, cyDesired: INT,
                                Flags: UINT) -> INT:
    """The RT_ICON/RT_CURSOR id in a group directory that best fits (cx, cy) and the display depth."""
    if not presbits:
        return 0
    n = m.mem.u16(presbits + 4)
    data = m.mem.read(presbits, 6 + 14 * min(n, 512))
    ents = _dir_entries(data, bool(fIcon), False)
    if not ents:
        return 0
    is_icon = bool(fIcon)
    cx = cxDesired or _metric(m, SM_CXICON if is_icon else SM_CXCURSOR)
    cy = cyDesired or _metric(m, SM_CYICON if is_icon else SM_CYCURSOR)
    e = best_entry(m, ents, cx, cy, Flags)
    return e.ident if e is not None else 0


@stdcall("user32")
def LookupIconIdFromDirectory(m: "Machine", presbits: PTR, fIcon: BOOL) -> INT:
    """LookupIconIdFromDirectoryEx at the system icon/cursor size."""
    return LookupIconIdFromDirectoryEx(m, presbits, fIcon, 0, 0, 0)


@stdcall("user32")
def CopyIcon(m: "Machine", hIcon: HANDLE) -> HANDLE:
    """A new (non-shared) icon or cursor with the same images."""
    ic = get(m, hIcon)
    if ic is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    return add(m, ic.copy())


@stdcall("user32")
def DestroyIcon(m: "Machine", hIcon: HANDLE) -> BOOL:
    """Free an icon (shared icons from LoadIcon stay valid)."""
    if not cursor_draw.destroy(m, hIcon):
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    return 1


@stdcall("user32")
def DestroyCursor(m: "Machine", hCursor: HANDLE) -> BOOL:
    """Free a cursor (shared cursors from LoadCursor stay valid)."""
    return DestroyIcon(m, hCursor)


@stdcall("user32")
def GetIconInfo(m: "Machine", hIcon: HANDLE, piconinfo: PTR) -> BOOL:
    """Fill an ICONINFO: icon or cursor, hotspot, and NEW mask/colour bitmaps the caller must delete."""
    ic = get(m, hIcon)
    if ic is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    if not piconinfo:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    _write_info(m, piconinfo, ic)
    return 1


def _icon_info_ex(m: "Machine", hicon: int, p: int, unicode: bool) -> int:
    ic = get(m, hicon)
    size = 1068 if unicode else 548
    if ic is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    if not p or m.mem.u32(p) != size:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    _write_info(m, p + 4, ic)
    res_id = ic.res if isinstance(ic.res, int) and not ic.from_file else 0
    res_name = ic.res if isinstance(ic.res, str) and not ic.from_file else ""
    mod = m.proc.module_at(ic.module) if ic.module else None
    if ic.module == 0 and not ic.from_file:
        modname = "C:\\WINDOWS\\system32\\user32.dll"
    else:
        modname = mod.path if mod is not None else ""
    m.mem.pack("<H", p + 24, res_id & 0xFFFF)
    n = 260
    for i, s in enumerate((modname, res_name)):
        base = p + 26 + i * (2 * n if unicode else n)
        if unicode:
            b = s[:n - 1].encode("utf-16-le") + b"\0\0"
        else:
            b = s.encode(m.ansi, "replace")[:n - 1] + b"\0"
        m.mem.write(base, b)
    return 1


@stdcall("user32")
def GetIconInfoExA(m: "Machine", hicon: HANDLE, piconinfo: PTR) -> BOOL:
    """GetIconInfo plus the source module path and resource id/name (ICONINFOEXA, cbSize 548)."""
    return _icon_info_ex(m, hicon, piconinfo, False)


@stdcall("user32")
def GetIconInfoExW(m: "Machine", hicon: HANDLE, piconinfo: PTR) -> BOOL:
    """GetIconInfo plus the source module path and resource id/name (ICONINFOEXW, cbSize 1068)."""
    return _icon_info_ex(m, hicon, piconinfo, True)
