"""user32 menus: menu objects and their APIs, MENU/MENUEX resources, the system menu, drawing the menu bar
and popup menus (Windows 98 look), the modal menu loop (mouse and keyboard), TrackPopupMenu, and keyboard
accelerator tables (LoadAccelerators, TranslateAccelerator).

Menus and accelerator tables are user handles kept in ``m.state["menus"]``. A menu bar is drawn by
``nonclient.paint`` through ``draw_menu_bar``; an open popup menu is a top-level WS_POPUP window of the
built-in class "#32768" with its own surface, shown without activation. ``DefWindowProc`` enters the menu
loop through ``track_menu_bar`` for WM_SYSCOMMAND SC_MOUSEMENU / SC_KEYMENU; ``TrackPopupMenu(Ex)`` runs the
same loop. The loop reads input messages itself (the owner window has the mouse capture) and dispatches
everything else (WM_PAINT, WM_TIMER, posted messages) normally.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from emu import resources
from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall

from . import defwnd, gdiobj, syscolor
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .region import Rect
from .surface import colorref_to_px

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .window import Window

# MF_* flags (AppendMenu/InsertMenu/ModifyMenu/GetMenuState) and MFT_*/MFS_* (MENUITEMINFO)
MF_BYCOMMAND, MF_BYPOSITION = 0, 0x400
MF_GRAYED, MF_DISABLED, MF_BITMAP, MF_CHECKED, MF_POPUP = 1, 2, 4, 8, 0x10
MF_MENUBARBREAK, MF_MENUBREAK, MF_HILITE, MF_END, MF_OWNERDRAW = 0x20, 0x40, 0x80, 0x80, 0x100
MF_USECHECKBITMAPS, MF_SEPARATOR, MF_DEFAULT, MF_SYSMENU, MF_RIGHTJUSTIFY, MF_MOUSESELECT = \
    0x200, 0x800, 0x1000, 0x2000, 0x4000, 0x8000
MFT_BITMAP, MFT_MENUBARBREAK, MFT_MENUBREAK, MFT_OWNERDRAW, MFT_RADIOCHECK, MFT_SEPARATOR = \
    4, 0x20, 0x40, 0x100, 0x200, 0x800
MFT_RIGHTORDER, MFT_RIGHTJUSTIFY = 0x2000, 0x4000
MFS_GRAYED, MFS_CHECKED, MFS_HILITE, MFS_DEFAULT = 3, 8, 0x80, 0x1000
TYPE_MASK = MFT_BITMAP | MFT_MENUBARBREAK | MFT_MENUBREAK | MFT_OWNERDRAW | MFT_RADIOCHECK | MFT_SEPARATOR | \
    MFT_RIGHTORDER | MFT_RIGHTJUSTIFY
STATE_MASK = MFS_GRAYED | MFS_CHECKED | MFS_HILITE | MFS_DEFAULT
MIIM_STATE, MIIM_ID, MIIM_SUBMENU, MIIM_CHECKMARKS, MIIM_TYPE, MIIM_DATA = 1, 2, 4, 8, 0x10, 0x20
MIIM_STRING, MIIM_BITMAP, MIIM_FTYPE = 0x40, 0x80, 0x100
MIM_MAXHEIGHT, MIM_BACKGROUND, MIM_HELPID, MIM_MENUDATA, MIM_STYLE, MIM_APPLYTOSUBMENUS = \
    1, 2, 4, 8, 0x10, 0x80000000
MNS_NOTIFYBYPOS = 0x08000000
GMDI_USEDISABLED, GMDI_GOINTOPOPUPS = 1, 2
# TrackPopupMenu
TPM_CENTERALIGN, TPM_RIGHTALIGN, TPM_VCENTERALIGN, TPM_BOTTOMALIGN = 4, 8, 0x10, 0x20
TPM_RIGHTBUTTON, TPM_NONOTIFY, TPM_RETURNCMD = 2, 0x80, 0x100
# accelerators
FVIRTKEY, FSHIFT, FCONTROL, FALT = 1, 4, 8, 0x10
# messages not in message.py
WM_UNINITMENUPOPUP, WM_MENUCOMMAND, MN_GETHMENU = 0x125, 0x126, 0x1E1
MSGF_MENU = 2
MNC_IGNORE, MNC_CLOSE, MNC_EXECUTE, MNC_SELECT = 0, 1, 2, 3
ODT_MENU, ODA_DRAWENTIRE, ODS_SELECTED, ODS_GRAYED, ODS_DISABLED, ODS_CHECKED = 1, 1, 1, 2, 4, 8
VK_RETURN, VK_ESCAPE, VK_MENU, VK_F10 = 0x0D, 0x1B, 0x12, 0x79
VK_LEFT, VK_UP, VK_RIGHT, VK_DOWN, VK_HOME, VK_END = 0x25, 0x26, 0x27, 0x28, 0x24, 0x23
VK_SHIFT, VK_CONTROL = 0x10, 0x11
ERROR_INVALID_WINDOW_HANDLE, ERROR_INVALID_MENU_HANDLE, ERROR_MENU_ITEM_NOT_FOUND = 1400, 1401, 1456
ERROR_INVALID_ACCEL_HANDLE, ERROR_POPUP_ALREADY_ACTIVE, ERROR_RESOURCE_NAME_NOT_FOUND = 1403, 1446, 1814
ERROR_CHILD_WINDOW_MENU = 1436

# metrics (Windows 95/98 at 96 dpi, MS Sans Serif 8 pt menu font)
BAR_PAD = 6  # space left and right of a menu bar item's text
POPUP_ITEM_H = 17
SEPARATOR_H = 9
CHECK_COL = 17  # check mark column left of the item text
ARROW_COL = 17  # submenu arrow column right of the text
ACCEL_GAP = 12  # between the widest label and the accelerator column
POPUP_FRAME = 3  # raised edge (2) + one pixel of menu colour
COLUMN_LINE = 4  # MF_MENUBARBREAK: space for the etched line between popup columns
CHECK_SIZE = 13  # GetMenuCheckMarkDimensions


# ---- objects -----------------------------------------------------------------------------------------
@dataclass(eq=False)
class MenuItem:
    type: int = 0  # MFT_*
    state: int = 0  # MFS_*
    id: int = 0
    submenu: int = 0  # handle of the popup this item opens
    text: str | None = None
    bitmap: int = 0  # MFT_BITMAP: the bitmap shown instead of text
    hbmp_item: int = 0  # MIIM_BITMAP
    checked_bmp: int = 0
    unchecked_bmp: int = 0
    data: int = 0  # dwItemData
    rect: Rect = (0, 0, 0, 0)  # bar: window coordinates; popup: client coordinates of the popup window
    xtab: int = 0  # popup: x of the accelerator column


@dataclass(eq=False)
class Menu:
    handle: int
    popup: bool
    items: list[MenuItem] = field(default_factory=list)
    sel: int = -1  # highlighted item while tracking
    sysmenu: bool = False
    style: int = 0  # MENUINFO
    max_height: int = 0
    brush: int = 0
    help_id: int = 0
    menu_data: int = 0
    hwnd: int = 0  # the popup window while it is shown
    size: tuple[int, int] = (0, 0)  # popup client size from the last layout


class MenuState:
    """Menus and accelerator tables of the process."""

    def __init__(self) -> None:
        self.menus: dict[int, Menu] = {}
        self.accels: dict[int, list[tuple[int, int, int]]] = {}  # handle -> [(fVirt, key, cmd)]
        self.next = 0x00060004
        self.sysmenus: dict[int, int] = {}  # hwnd -> its system menu
        self.tracker: "_Tracker | None" = None
        self.measure_dc: "DC | None" = None


def mstate(m: "Machine") -> MenuState:
    st = m.state.get("menus")
    if st is None:
        st = MenuState()
        m.state["menus"] = st
    return st


def _new_handle(m: "Machine") -> int:
    st = mstate(m)
    h = st.next
    st.next += 4
    return h


def new_menu(m: "Machine", popup: bool) -> Menu:
    """A new empty menu (bar or popup) with a handle."""
    mn = Menu(_new_handle(m), popup)
    mstate(m).menus[mn.handle] = mn
    return mn


def get_menu(m: "Machine", h: int) -> Menu | None:
    return mstate(m).menus.get(h & 0xFFFFFFFF) if h else None


def _menu_arg(m: "Machine", h: int) -> Menu | None:
    mn = get_menu(m, h)
    if mn is None:
        m.set_last_error(ERROR_INVALID_MENU_HANDLE)
    return mn


def destroy_menu(m: "Machine", mn: Menu) -> None:
    """Free a menu and, recursively, the popups its items open."""
    st = mstate(m)
    if st.menus.pop(mn.handle, None) is None:
        return
    for it in mn.items:
        sub = get_menu(m, it.submenu)
        if sub is not None and sub is not mn:
            destroy_menu(m, sub)


def find_item(m: "Machine", mn: Menu, item: int, flags: int) -> tuple[Menu, int] | None:
    """The menu and index of an item given by position or (searching submenus too) by command id."""
    if flags & MF_BYPOSITION:
        return (mn, item) if 0 <= item < len(mn.items) else None
    return _find_cmd(m, mn, item & 0xFFFFFFFF, set())


def _find_cmd(m: "Machine", mn: Menu, cmd: int, seen: set[int]) -> tuple[Menu, int] | None:
    seen.add(mn.handle)
    fallback = None
    for i, it in enumerate(mn.items):
        sub = get_menu(m, it.submenu)
        if sub is not None:
            if sub.handle not in seen:
                r = _find_cmd(m, sub, cmd, seen)
                if r is not None:
                    return r
            if it.id == cmd and fallback is None:
                fallback = (mn, i)
        elif it.id == cmd:
            return (mn, i)
    return fallback


def _parent_of(m: "Machine", root: Menu, sub: Menu) -> tuple[Menu, int] | None:
    """The menu (under ``root``) holding the item that opens ``sub``, and that item's index."""
    seen: set[int] = set()

    def walk(mn: Menu) -> tuple[Menu, int] | None:
        seen.add(mn.handle)
        for i, it in enumerate(mn.items):
            if it.submenu == sub.handle:
                return (mn, i)
        for it in mn.items:
            s = get_menu(m, it.submenu)
            if s is not None and s.handle not in seen:
                r = walk(s)
                if r is not None:
                    return r
        return None
    return walk(root)


def mnemonic(text: str | None) -> str | None:
    """The (lower-case) character after the first single '&' of a menu label."""
    if not text:
        return None
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 2
            continue
        i += 1
    return None


def _strip_amp(s: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(s):
        if s[i] == "&" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
            continue
        if s[i] != "&":
            out.append(s[i])
        i += 1
    return "".join(out)


def _is_separator(it: MenuItem) -> bool:
    return bool(it.type & MFT_SEPARATOR)


def _is_text(it: MenuItem) -> bool:
    return not it.type & (MFT_SEPARATOR | MFT_BITMAP | MFT_OWNERDRAW)


# ---- building items from API arguments ---------------------------------------------------------------
def _item_from_flags(m: "Machine", it: MenuItem, flags: int, id_or_sub: int, new: int, unicode: bool) -> bool:
    """Fill ``it`` from AppendMenu/InsertMenu/ModifyMenu arguments; False for an invalid submenu handle."""
    it.type = flags & TYPE_MASK & ~MF_USECHECKBITMAPS
    it.state = flags & (MF_GRAYED | MF_DISABLED | MF_CHECKED | MF_HILITE)  # MF_DEFAULT is MF_REMOVE here
    if flags & MF_POPUP:
        sub = get_menu(m, id_or_sub)
        if sub is None:
            m.set_last_error(ERROR_INVALID_MENU_HANDLE)
            return False
        sub.popup = True
        it.submenu = sub.handle
        it.id = sub.handle
    else:
        it.id = id_or_sub & 0xFFFFFFFF  # a modified popup item keeps its popup unless given another
    it.text = None
    it.bitmap = 0
    if flags & MF_BITMAP:
        it.bitmap = new & 0xFFFFFFFF
    elif flags & MF_OWNERDRAW:
        it.data = new
    elif not flags & MF_SEPARATOR:
        if new:
            it.text = mm.read_str(m, new, unicode)
        else:
            it.type |= MFT_SEPARATOR  # a string item without a string is a separator
    return True


def _insert(m: "Machine", hMenu: int, pos: int, flags: int, id_or_sub: int, new: int, unicode: bool) -> int:
    """InsertMenu / AppendMenu: a new item from the MF_* flags, before ``pos`` (a position or a command)."""
    mn = _menu_arg(m, hMenu)
    if mn is None:
        return 0
    target = mn
    idx = len(mn.items)
    if flags & MF_BYPOSITION:
        if 0 <= pos < len(mn.items):
            idx = pos
    else:
        found = find_item(m, mn, pos, flags)
        if found is not None:  # an unknown command appends (Windows XP and later)
            target, idx = found
    it = MenuItem()
    if not _item_from_flags(m, it, flags, id_or_sub, new, unicode):
        return 0
    target.items.insert(idx, it)
    return 1


def _modify(m: "Machine", hMenu: int, pos: int, flags: int, id_or_sub: int, new: int, unicode: bool) -> int:
    """ModifyMenu: replace the item at ``pos`` (a position or a command); a replaced popup is destroyed."""
    mn = _menu_arg(m, hMenu)
    if mn is None:
        return 0
    found = find_item(m, mn, pos, flags)
    if found is None:
        m.set_last_error(ERROR_MENU_ITEM_NOT_FOUND)
        return 0
    owner, idx = found
    it = owner.items[idx]
    old_sub = it.submenu
    repl = MenuItem(data=it.data, checked_bmp=it.checked_bmp, unchecked_bmp=it.unchecked_bmp, submenu=it.submenu)
    if not _item_from_flags(m, repl, flags, id_or_sub, new, unicode):
        return 0
    owner.items[idx] = repl
    if old_sub and old_sub != repl.submenu:
        sub = get_menu(m, old_sub)
        if sub is not None:
            destroy_menu(m, sub)
    return 1


def _remove(m: "Machine", hMenu: int, pos: int, flags: int, destroy: bool) -> int:
    mn = _menu_arg(m, hMenu)
    if mn is None:
        return 0
    found = find_item(m, mn, pos, flags)
    if found is None:
        m.set_last_error(ERROR_MENU_ITEM_NOT_FOUND)
        return 0
    owner, idx = found
    it = owner.items.pop(idx)
    if owner.sel == idx:
        owner.sel = -1
    elif owner.sel > idx:
        owner.sel -= 1
    if destroy and it.submenu:
        sub = get_menu(m, it.submenu)
        if sub is not None:
            destroy_menu(m, sub)
    return 1


# ---- resources -----------------------------------------------------------------------------------------
def _wstr_at(m: "Machine", p: int) -> tuple[str, int]:
    s = m.mem.wstr(p)
    n = 0
    while m.mem.u16(p + 2 * n):
        n += 1
    return s, p + 2 * (n + 1)


def _parse_std(m: "Machine", p: int, mn: Menu, depth: int = 0) -> int:
    """Items of a MENU template (MENUITEMTEMPLATE list) into ``mn``; returns the address after them."""
    while True:
        flags = m.mem.u16(p)
        p += 2
        last = flags & MF_END
        flags &= ~MF_END
        cmd = 0
        if not flags & MF_POPUP:
            cmd = m.mem.u16(p)
            p += 2
        text, p = _wstr_at(m, p)
        it = MenuItem(type=flags & TYPE_MASK & ~MF_USECHECKBITMAPS,
                      state=flags & (MF_GRAYED | MF_DISABLED | MF_CHECKED | MF_DEFAULT))
        if flags & MF_POPUP:
            sub = new_menu(m, True)
            if depth < 32:
                p = _parse_std(m, p, sub, depth + 1)
            it.submenu = it.id = sub.handle
            it.text = text
        else:
            it.id = cmd
            if text:
                it.text = text
            elif not it.type & (MFT_BITMAP | MFT_OWNERDRAW):
                it.type |= MFT_SEPARATOR
        mn.items.append(it)
        if last:
            return p


def _parse_ex(m: "Machine", p: int, mn: Menu, depth: int = 0) -> int:
    """Items of a MENUEX template into ``mn``; returns the address after them."""
    while True:
        ftype, fstate, cmd = m.mem.unpack("<III", p)
        res = m.mem.u16(p + 12)
        text, p = _wstr_at(m, p + 14)
        p = (p + 3) & ~3
        it = MenuItem(type=ftype & TYPE_MASK, state=fstate & STATE_MASK & ~MFS_HILITE, id=cmd, text=text or None)
        if not text and not ftype & (MFT_BITMAP | MFT_OWNERDRAW | MFT_SEPARATOR):
            it.text = ""
        if res & 1:
            help_id = m.mem.u32(p)
            p += 4
            sub = new_menu(m, True)
            sub.help_id = help_id
            if depth < 32:
                p = _parse_ex(m, p, sub, depth + 1)
            it.submenu = sub.handle
        mn.items.append(it)
        if res & 0x80:
            return p


def load_menu_indirect(m: "Machine", p: int) -> int:
    """Build a menu from a MENU or MENUEX template in memory; returns its handle (0 if malformed)."""
    version, offset = m.mem.unpack("<HH", p)
    mn = new_menu(m, False)
    try:
        if version == 0:
            _parse_std(m, p + 4 + offset, mn)
        elif version == 1:
            mn.help_id = m.mem.u32(p + 4)
            _parse_ex(m, p + 4 + offset, mn)
        else:
            destroy_menu(m, mn)
            return 0
    except Exception:  # noqa: BLE001 — unreadable template memory
        destroy_menu(m, mn)
        return 0
    return mn.handle


def load_menu(m: "Machine", hinst: int, name: str | int | None) -> int:
    """LoadMenu: the RT_MENU resource ``name`` of module ``hinst`` (0: the program) as a new menu."""
    base = hinst or (m.proc.exe.base if m.proc.exe else 0)
    if name is None or not base:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        return 0
    r = resources.find(m, base, resources.RT_MENU, name)
    if r is None:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        return 0
    return load_menu_indirect(m, r[0])


# ---- creation, destruction, structure ---------------------------------------------------------------
@stdcall("user32")
def CreateMenu(m: "Machine") -> HANDLE:
    """An empty menu bar."""
    return new_menu(m, False).handle


@stdcall("user32")
def CreatePopupMenu(m: "Machine") -> HANDLE:
    """An empty popup menu (drop-down, submenu or shortcut menu)."""
    return new_menu(m, True).handle


@stdcall("user32")
def DestroyMenu(m: "Machine", hMenu: HANDLE) -> BOOL:
    """Free a menu and the submenus it opens."""
    mn = _menu_arg(m, hMenu)
    if mn is None:
        return 0
    destroy_menu(m, mn)
    return 1


@stdcall("user32")
def IsMenu(m: "Machine", hMenu: HANDLE) -> BOOL:
    """Whether the handle names a menu."""
    return int(get_menu(m, hMenu) is not None)


@stdcall("user32")
def LoadMenuA(m: "Machine", hInstance: HANDLE, lpMenuName: LPCSTR) -> HANDLE:
    """Load an RT_MENU resource (MENU or MENUEX template)."""
    return load_menu(m, hInstance, lpMenuName)


@stdcall("user32")
def LoadMenuW(m: "Machine", hInstance: HANDLE, lpMenuName: LPCWSTR) -> HANDLE:
    """Load an RT_MENU resource (MENU or MENUEX template)."""
    return load_menu(m, hInstance, lpMenuName)


@stdcall("user32")
def LoadMenuIndirectA(m: "Machine", lpMenuTemplate: PTR) -> HANDLE:
    """Build a menu from a MENU/MENUEX template in memory."""
    return load_menu_indirect(m, lpMenuTemplate) if lpMenuTemplate else 0


@stdcall("user32")
def LoadMenuIndirectW(m: "Machine", lpMenuTemplate: PTR) -> HANDLE:
    """Build a menu from a MENU/MENUEX template in memory."""
    return load_menu_indirect(m, lpMenuTemplate) if lpMenuTemplate else 0


@stdcall("user32")
def AppendMenuA(m: "Machine", hMenu: HANDLE, uFlags: UINT, uIDNewItem: DWORD, lpNewItem: PTR) -> BOOL:
    """Add an item at the end (string, bitmap, owner-draw, separator or popup)."""
    return _insert(m, hMenu, 0xFFFFFFFF, uFlags | MF_BYPOSITION, uIDNewItem, lpNewItem, False)


@stdcall("user32")
def AppendMenuW(m: "Machine", hMenu: HANDLE, uFlags: UINT, uIDNewItem: DWORD, lpNewItem: PTR) -> BOOL:
    """Add an item at the end (string, bitmap, owner-draw, separator or popup)."""
    return _insert(m, hMenu, 0xFFFFFFFF, uFlags | MF_BYPOSITION, uIDNewItem, lpNewItem, True)


@stdcall("user32")
def InsertMenuA(m: "Machine", hMenu: HANDLE, uPosition: UINT, uFlags: UINT, uIDNewItem: DWORD,
                lpNewItem: PTR) -> BOOL:
    """Insert an item before a position or command (-1: append)."""
    return _insert(m, hMenu, uPosition, uFlags, uIDNewItem, lpNewItem, False)


@stdcall("user32")
def InsertMenuW(m: "Machine", hMenu: HANDLE, uPosition: UINT, uFlags: UINT, uIDNewItem: DWORD,
                lpNewItem: PTR) -> BOOL:
    """Insert an item before a position or command (-1: append)."""
    return _insert(m, hMenu, uPosition, uFlags, uIDNewItem, lpNewItem, True)


@stdcall("user32")
def ModifyMenuA(m: "Machine", hMenu: HANDLE, uPosition: UINT, uFlags: UINT, uIDNewItem: DWORD,
                lpNewItem: PTR) -> BOOL:
    """Replace an item (a replaced popup is destroyed)."""
    return _modify(m, hMenu, uPosition, uFlags, uIDNewItem, lpNewItem, False)


@stdcall("user32")
def ModifyMenuW(m: "Machine", hMenu: HANDLE, uPosition: UINT, uFlags: UINT, uIDNewItem: DWORD,
                lpNewItem: PTR) -> BOOL:
    """Replace an item (a replaced popup is destroyed)."""
    return _modify(m, hMenu, uPosition, uFlags, uIDNewItem, lpNewItem, True)


@stdcall("user32")
def RemoveMenu(m: "Machine", hMenu: HANDLE, uPosition: UINT, uFlags: UINT) -> BOOL:
    """Take an item out of the menu; the popup it opens survives."""
    return _remove(m, hMenu, uPosition, uFlags, False)


@stdcall("user32")
def DeleteMenu(m: "Machine", hMenu: HANDLE, uPosition: UINT, uFlags: UINT) -> BOOL:
    """Take an item out of the menu and destroy the popup it opens."""
    return _remove(m, hMenu, uPosition, uFlags, True)


@stdcall("user32")
def GetMenuItemCount(m: "Machine", hMenu: HANDLE) -> INT:
    """Number of items; -1 for an invalid menu."""
    mn = _menu_arg(m, hMenu)
    return len(mn.items) if mn is not None else -1


@stdcall("user32")
def GetMenuItemID(m: "Machine", hMenu: HANDLE, nPos: INT) -> UINT:
    """Command id of the item at a position; -1 for a popup item or a bad position."""
    mn = get_menu(m, hMenu)
    if mn is None or not 0 <= nPos < len(mn.items) or mn.items[nPos].submenu:
        return 0xFFFFFFFF
    return mn.items[nPos].id


@stdcall("user32")
def GetSubMenu(m: "Machine", hMenu: HANDLE, nPos: INT) -> HANDLE:
    """The popup opened by the item at a position (NULL if none)."""
    mn = get_menu(m, hMenu)
    if mn is None or not 0 <= nPos < len(mn.items):
        return 0
    sub = get_menu(m, mn.items[nPos].submenu)
    return sub.handle if sub is not None else 0


def menu_state(m: "Machine", mn: Menu, idx: int) -> int:
    it = mn.items[idx]
    flags = (it.type | it.state) & 0xFFFF
    sub = get_menu(m, it.submenu)
    if sub is not None:
        return ((len(sub.items) & 0xFF) << 8) | ((flags | MF_POPUP) & 0xFF)
    return flags


@stdcall("user32")
def GetMenuState(m: "Machine", hMenu: HANDLE, uId: UINT, uFlags: UINT) -> UINT:
    """MF_* flags of an item (popups: item count in the high byte); -1 if there is no such item."""
    mn = get_menu(m, hMenu)
    found = find_item(m, mn, uId, uFlags) if mn is not None else None
    if found is None:
        return 0xFFFFFFFF
    return menu_state(m, *found)


def _get_string(m: "Machine", hMenu: int, item: int, buf: int, n: int, flags: int, unicode: bool) -> int:
    mn = get_menu(m, hMenu)
    found = find_item(m, mn, item, flags) if mn is not None else None
    if found is None:
        return 0
    it = found[0].items[found[1]]
    s = it.text if _is_text(it) and it.text else ""
    if not buf:
        return len(s) if unicode else len(s.encode(m.ansi, "replace"))
    if n <= 0:
        return 0
    return mm.write_text_result(m, buf, n, s, unicode)


@stdcall("user32")
def GetMenuStringA(m: "Machine", hMenu: HANDLE, uIDItem: UINT, lpString: PTR, cchMax: INT, flags: UINT) -> INT:
    """Copy an item's label; returns the characters copied (the length when the buffer is NULL)."""
    return _get_string(m, hMenu, uIDItem, lpString, cchMax, flags, False)


@stdcall("user32")
def GetMenuStringW(m: "Machine", hMenu: HANDLE, uIDItem: UINT, lpString: PTR, cchMax: INT, flags: UINT) -> INT:
    """Copy an item's label; returns the characters copied (the length when the buffer is NULL)."""
    return _get_string(m, hMenu, uIDItem, lpString, cchMax, flags, True)


# ---- MENUITEMINFO ----------------------------------------------------------------------------------------
def _read_mii(m: "Machine", p: int, it: MenuItem, unicode: bool) -> bool:
    cb, mask, ftype, fstate, wid, hsub, hchk, hunchk, data, typedata, _cch = m.mem.unpack("<11I", p)
    if mask & MIIM_SUBMENU and hsub and get_menu(m, hsub) is None:
        m.set_last_error(ERROR_INVALID_MENU_HANDLE)
        return False
    if mask & MIIM_TYPE:
        it.type = ftype & TYPE_MASK
        it.bitmap = 0
        if ftype & MFT_BITMAP:
            it.bitmap = typedata & 0xFFFF if typedata < 0x10000 else typedata
            it.text = None
        elif ftype & (MFT_SEPARATOR | MFT_OWNERDRAW):
            it.text = None
        else:
            it.text = mm.read_str(m, typedata, unicode) if typedata else None
    if mask & MIIM_FTYPE:
        it.type = ftype & TYPE_MASK
    if mask & MIIM_STRING:
        it.text = mm.read_str(m, typedata, unicode) if typedata else None
    if mask & MIIM_BITMAP and cb >= 48:
        it.hbmp_item = m.mem.u32(p + 44)
    if mask & MIIM_STATE:
        it.state = fstate & STATE_MASK
    if mask & MIIM_ID:
        it.id = wid
    if mask & MIIM_SUBMENU:
        it.submenu = hsub
        sub = get_menu(m, hsub)
        if sub is not None:
            sub.popup = True
    if mask & MIIM_CHECKMARKS:
        it.checked_bmp, it.unchecked_bmp = hchk, hunchk
    if mask & MIIM_DATA:
        it.data = data
    return True


def _write_mii(m: "Machine", p: int, it: MenuItem, unicode: bool) -> None:
    cb, mask = m.mem.unpack("<II", p)
    typedata, cch = m.mem.unpack("<II", p + 36)
    if mask & (MIIM_TYPE | MIIM_FTYPE):
        m.mem.w32(p + 8, it.type)
    if mask & (MIIM_TYPE | MIIM_STRING):
        if mask & MIIM_TYPE and it.type & MFT_BITMAP:
            m.mem.w32(p + 36, it.bitmap)
        elif mask & MIIM_TYPE and not _is_text(it):
            m.mem.w32(p + 40, 0)
        else:
            s = it.text or ""
            n = len(s) if unicode else len(s.encode(m.ansi, "replace"))
            if typedata and cch:
                n = mm.write_text_result(m, typedata, cch, s, unicode)
            m.mem.w32(p + 40, n)
    if mask & MIIM_BITMAP and cb >= 48:
        m.mem.w32(p + 44, it.hbmp_item)
    if mask & MIIM_STATE:
        m.mem.w32(p + 12, it.state)
    if mask & MIIM_ID:
        m.mem.w32(p + 16, it.id)
    if mask & MIIM_SUBMENU:
        m.mem.w32(p + 20, it.submenu)
    if mask & MIIM_CHECKMARKS:
        m.mem.pack("<II", p + 24, it.checked_bmp, it.unchecked_bmp)
    if mask & MIIM_DATA:
        m.mem.w32(p + 32, it.data)


def _item_info(m: "Machine", hMenu: int, item: int, by_pos: int, p: int, unicode: bool, write: bool) -> int:
    mn = _menu_arg(m, hMenu)
    if mn is None or not p:
        return 0
    found = find_item(m, mn, item, MF_BYPOSITION if by_pos else MF_BYCOMMAND)
    if found is None:
        m.set_last_error(ERROR_MENU_ITEM_NOT_FOUND)
        return 0
    it = found[0].items[found[1]]
    if write:
        return int(_read_mii(m, p, it, unicode))
    _write_mii(m, p, it, unicode)
    return 1


@stdcall("user32")
def GetMenuItemInfoA(m: "Machine", hmenu: HANDLE, item: UINT, fByPosition: BOOL, lpmii: PTR) -> BOOL:
    """Fill a MENUITEMINFOA with the members its fMask asks for."""
    return _item_info(m, hmenu, item, fByPosition, lpmii, False, False)


@stdcall("user32")
def GetMenuItemInfoW(m: "Machine", hmenu: HANDLE, item: UINT, fByPosition: BOOL, lpmii: PTR) -> BOOL:
    """Fill a MENUITEMINFOW with the members its fMask asks for."""
    return _item_info(m, hmenu, item, fByPosition, lpmii, True, False)


@stdcall("user32")
def SetMenuItemInfoA(m: "Machine", hmenu: HANDLE, item: UINT, fByPositon: BOOL, lpmii: PTR) -> BOOL:
    """Change the members of an item that a MENUITEMINFOA's fMask names."""
    return _item_info(m, hmenu, item, fByPositon, lpmii, False, True)


@stdcall("user32")
def SetMenuItemInfoW(m: "Machine", hmenu: HANDLE, item: UINT, fByPositon: BOOL, lpmii: PTR) -> BOOL:
    """Change the members of an item that a MENUITEMINFOW's fMask names."""
    return _item_info(m, hmenu, item, fByPositon, lpmii, True, True)


def _insert_item(m: "Machine", hMenu: int, item: int, by_pos: int, p: int, unicode: bool) -> int:
    mn = _menu_arg(m, hMenu)
    if mn is None or not p:
        return 0
    target, idx = mn, len(mn.items)
    if by_pos:
        if item < len(mn.items):
            idx = item
    else:
        found = find_item(m, mn, item, MF_BYCOMMAND)
        if found is not None:
            target, idx = found
    it = MenuItem(text="")
    if not _read_mii(m, p, it, unicode):
        return 0
    target.items.insert(idx, it)
    return 1


@stdcall("user32")
def InsertMenuItemA(m: "Machine", hmenu: HANDLE, item: UINT, fByPosition: BOOL, lpmi: PTR) -> BOOL:
    """Insert an item described by a MENUITEMINFOA before a position or command."""
    return _insert_item(m, hmenu, item, fByPosition, lpmi, False)


@stdcall("user32")
def InsertMenuItemW(m: "Machine", hmenu: HANDLE, item: UINT, fByPosition: BOOL, lpmi: PTR) -> BOOL:
    """Insert an item described by a MENUITEMINFOW before a position or command."""
    return _insert_item(m, hmenu, item, fByPosition, lpmi, True)


@stdcall("user32")
def GetMenuInfo(m: "Machine", hmenu: HANDLE, lpcmi: PTR) -> BOOL:
    """Fill a MENUINFO (style, maximum height, background brush, help id, menu data)."""
    mn = _menu_arg(m, hmenu)
    if mn is None or not lpcmi:
        return 0
    mask = m.mem.u32(lpcmi + 4)
    if mask & MIM_STYLE:
        m.mem.w32(lpcmi + 8, mn.style)
    if mask & MIM_MAXHEIGHT:
        m.mem.w32(lpcmi + 12, mn.max_height)
    if mask & MIM_BACKGROUND:
        m.mem.w32(lpcmi + 16, mn.brush)
    if mask & MIM_HELPID:
        m.mem.w32(lpcmi + 20, mn.help_id)
    if mask & MIM_MENUDATA:
        m.mem.w32(lpcmi + 24, mn.menu_data)
    return 1


@stdcall("user32")
def SetMenuInfo(m: "Machine", hmenu: HANDLE, lpcmi: PTR) -> BOOL:
    """Set MENUINFO members (MIM_APPLYTOSUBMENUS: also for every submenu)."""
    mn = _menu_arg(m, hmenu)
    if mn is None or not lpcmi:
        return 0
    _cb, mask, style, cymax, brush, help_id, data = m.mem.unpack("<7I", lpcmi)

    def apply(x: Menu, seen: set[int]) -> None:
        seen.add(x.handle)
        if mask & MIM_STYLE:
            x.style = style
        if mask & MIM_MAXHEIGHT:
            x.max_height = cymax
        if mask & MIM_BACKGROUND:
            x.brush = brush
        if mask & MIM_HELPID:
            x.help_id = help_id
        if mask & MIM_MENUDATA:
            x.menu_data = data
        if mask & MIM_APPLYTOSUBMENUS:
            for it in x.items:
                s = get_menu(m, it.submenu)
                if s is not None and s.handle not in seen:
                    apply(s, seen)
    apply(mn, set())
    return 1


@stdcall("user32")
def GetMenuContextHelpId(m: "Machine", hmenu: HANDLE) -> DWORD:
    """The menu's help context id."""
    mn = get_menu(m, hmenu)
    return mn.help_id if mn is not None else 0


@stdcall("user32")
def SetMenuContextHelpId(m: "Machine", hmenu: HANDLE, dwContextHelpId: DWORD) -> BOOL:
    """Set the menu's help context id."""
    mn = _menu_arg(m, hmenu)
    if mn is None:
        return 0
    mn.help_id = dwContextHelpId
    return 1


# ---- item state ---------------------------------------------------------------------------------------
@stdcall("user32")
def CheckMenuItem(m: "Machine", hMenu: HANDLE, uIDCheckItem: UINT, uCheck: UINT) -> DWORD:
    """Set or clear an item's check mark; returns the previous MF_CHECKED state or -1."""
    mn = get_menu(m, hMenu)
    found = find_item(m, mn, uIDCheckItem, uCheck) if mn is not None else None
    if found is None:
        return 0xFFFFFFFF
    it = found[0].items[found[1]]
    old = it.state & MF_CHECKED
    it.state = (it.state & ~MF_CHECKED) | (uCheck & MF_CHECKED)
    return old


@stdcall("user32")
def EnableMenuItem(m: "Machine", hMenu: HANDLE, uIDEnableItem: UINT, uEnable: UINT) -> DWORD:
    """Enable, disable or gray an item; returns the previous MF_GRAYED/MF_DISABLED bits or -1."""
    mn = get_menu(m, hMenu)
    found = find_item(m, mn, uIDEnableItem, uEnable) if mn is not None else None
    if found is None:
        return 0xFFFFFFFF
    it = found[0].items[found[1]]
    old = it.state & (MF_GRAYED | MF_DISABLED)
    it.state = (it.state & ~(MF_GRAYED | MF_DISABLED)) | (uEnable & (MF_GRAYED | MF_DISABLED))
    return old


@stdcall("user32")
def CheckMenuRadioItem(m: "Machine", hmenu: HANDLE, first: UINT, last: UINT, check: UINT, flags: UINT) -> BOOL:
    """Check one item of a range as a radio item (bullet) and clear the others of the range."""
    mn = _menu_arg(m, hmenu)
    if mn is None:
        return 0
    f = find_item(m, mn, first, flags)
    la = find_item(m, mn, last, flags)
    c = find_item(m, mn, check, flags)
    if f is None or la is None or f[0] is not la[0]:
        m.set_last_error(ERROR_MENU_ITEM_NOT_FOUND)
        return 0
    owner = f[0]
    lo, hi = sorted((f[1], la[1]))
    ok = 0
    for i in range(lo, hi + 1):
        it = owner.items[i]
        if _is_separator(it):
            continue
        if c is not None and c[0] is owner and c[1] == i:
            it.type |= MFT_RADIOCHECK
            it.state |= MF_CHECKED
            ok = 1
        else:
            it.type &= ~MFT_RADIOCHECK
            it.state &= ~MF_CHECKED
    return ok


@stdcall("user32")
def HiliteMenuItem(m: "Machine", hWnd: HWND, hMenu: HANDLE, uIDHiliteItem: UINT, uHilite: UINT) -> BOOL:
    """Highlight or unhighlight an item of a window's menu bar (redrawn at once)."""
    mn = _menu_arg(m, hMenu)
    w = wm.get(m, hWnd)
    if mn is None or w is None:
        return 0
    found = find_item(m, mn, uIDHiliteItem, uHilite)
    if found is None:
        return 0
    owner, idx = found
    it = owner.items[idx]
    if uHilite & MF_HILITE:
        it.state |= MF_HILITE
    else:
        it.state &= ~MF_HILITE
    if w.menu == owner.handle:
        redraw_bar(m, w)
    elif owner.hwnd:
        pw = wm.get(m, owner.hwnd)
        if pw is not None:
            _draw_popup(m, pw)
    return 1


@stdcall("user32")
def SetMenuDefaultItem(m: "Machine", hMenu: HANDLE, uItem: UINT, fByPos: UINT) -> BOOL:
    """Make one item of this menu the default (bold) item; -1 removes the default."""
    mn = _menu_arg(m, hMenu)
    if mn is None:
        return 0
    target = -1
    if uItem != 0xFFFFFFFF:
        if fByPos:
            target = uItem if uItem < len(mn.items) else -2
        else:
            target = next((i for i, it in enumerate(mn.items) if it.id == uItem), -2)
        if target == -2:
            m.set_last_error(ERROR_MENU_ITEM_NOT_FOUND)
            return 0
    for i, it in enumerate(mn.items):
        if i == target:
            it.state |= MFS_DEFAULT
        else:
            it.state &= ~MFS_DEFAULT
    return 1


def _default_item(m: "Machine", mn: Menu, by_pos: bool, flags: int, depth: int = 0) -> int:
    for i, it in enumerate(mn.items):
        if not it.state & MFS_DEFAULT:
            continue
        if it.state & (MF_GRAYED | MF_DISABLED) and not flags & GMDI_USEDISABLED:
            return -1
        sub = get_menu(m, it.submenu)
        if sub is not None and flags & GMDI_GOINTOPOPUPS and depth < 16:
            r = _default_item(m, sub, by_pos, flags, depth + 1)
            if r != -1:
                return r
        return i if by_pos else it.id
    return -1


@stdcall("user32")
def GetMenuDefaultItem(m: "Machine", hMenu: HANDLE, fByPos: UINT, gmdiFlags: UINT) -> UINT:
    """Id (or position) of the default item; -1 if none (GMDI_USEDISABLED, GMDI_GOINTOPOPUPS)."""
    mn = _menu_arg(m, hMenu)
    if mn is None:
        return 0xFFFFFFFF
    return _default_item(m, mn, bool(fByPos), gmdiFlags) & 0xFFFFFFFF


@stdcall("user32")
def GetMenuCheckMarkDimensions(m: "Machine") -> DWORD:
    """Size of the default check-mark bitmap (13x13), height in the high word."""
    return (CHECK_SIZE << 16) | CHECK_SIZE


@stdcall("user32")
def SetMenuItemBitmaps(m: "Machine", hMenu: HANDLE, uPosition: UINT, uFlags: UINT, hBitmapUnchecked: HANDLE,
                       hBitmapChecked: HANDLE) -> BOOL:
    """Bitmaps to draw instead of the check mark (checked) and beside unchecked items."""
    mn = _menu_arg(m, hMenu)
    found = find_item(m, mn, uPosition, uFlags) if mn is not None else None
    if found is None:
        return 0
    it = found[0].items[found[1]]
    it.checked_bmp, it.unchecked_bmp = hBitmapChecked, hBitmapUnchecked
    return 1


# ---- window menus --------------------------------------------------------------------------------------
def bar_menu(m: "Machine", w: "Window") -> Menu | None:
    """The menu bar of top-level window ``w``."""
    if w.is_child or not w.menu:
        return None
    return get_menu(m, w.menu)


@stdcall("user32")
def GetMenu(m: "Machine", hWnd: HWND) -> HANDLE:
    """The window's menu bar (a child window's id)."""
    w = wm.get(m, hWnd)
    if w is None:
        m.set_last_error(ERROR_INVALID_WINDOW_HANDLE)
        return 0
    return w.id if w.is_child else w.menu


def set_menu(m: "Machine", w: "Window", h: int) -> None:
    """Attach a menu bar and recompute the frame (WM_SIZE when the client area changes)."""
    old_client = w.client_size
    w.menu = h
    mn = get_menu(m, h)
    if mn is not None:
        mn.sel = -1
    wm.set_geometry(m, w, w.rect)
    w.nc_dirty = True
    if wm.really_visible(w):
        wm.invalidate(m, w, None, True)
    if w.client_size != old_client:
        mm.send(m, w, mm.WM_SIZE, 0, (w.client_size[0] & 0xFFFF) | ((w.client_size[1] & 0xFFFF) << 16))
    wm.state(m).frame_version += 1


@stdcall("user32")
def SetMenu(m: "Machine", hWnd: HWND, hMenu: HANDLE) -> BOOL:
    """Give a top-level window a menu bar (NULL removes it); the frame is recomputed."""
    w = wm.get(m, hWnd)
    if w is None:
        m.set_last_error(ERROR_INVALID_WINDOW_HANDLE)
        return 0
    if w.is_child:
        m.set_last_error(ERROR_CHILD_WINDOW_MENU)
        return 0
    if hMenu and get_menu(m, hMenu) is None:
        m.set_last_error(ERROR_INVALID_MENU_HANDLE)
        return 0
    set_menu(m, w, hMenu)
    return 1


def redraw_bar(m: "Machine", w: "Window") -> None:
    """Repaint the menu bar of ``w`` now."""
    mr = nc.menu_rect(w)
    if mr is None or not wm.really_visible(w) or w.minimized:
        return
    dc = wm.make_dc(m, w, client=False)
    try:
        dc.fill_device(mr, _px(m, syscolor.COLOR_MENU))
        draw_menu_bar(m, w, dc, mr)
    finally:
        gdiobj.table(m).delete(dc.handle)
    wm.state(m).frame_version += 1


@stdcall("user32")
def DrawMenuBar(m: "Machine", hWnd: HWND) -> BOOL:
    """Redraw the window's menu bar (after the program changed its items)."""
    w = wm.get(m, hWnd)
    if w is None:
        m.set_last_error(ERROR_INVALID_WINDOW_HANDLE)
        return 0
    redraw_bar(m, w)
    return 1


def on_window_destroyed(m: "Machine", w: "Window") -> None:
    """DestroyWindow's part for menus: a top-level window's menu bar and its system menu are destroyed."""
    st = mstate(m)
    sysm = get_menu(m, st.sysmenus.pop(w.hwnd, 0))
    if sysm is not None:
        destroy_menu(m, sysm)
    bar = bar_menu(m, w)
    if bar is not None:
        destroy_menu(m, bar)


# ---- the system menu --------------------------------------------------------------------------------
_SYS_ITEMS = ((defwnd.SC_RESTORE, "&Restore"), (defwnd.SC_MOVE, "&Move"), (defwnd.SC_SIZE, "&Size"),
              (defwnd.SC_MINIMIZE, "Mi&nimize"), (defwnd.SC_MAXIMIZE, "Ma&ximize"), (0, None),
              (defwnd.SC_CLOSE, "&Close\tAlt+F4"))


def system_menu(m: "Machine", w: "Window", create: bool = True) -> Menu | None:
    """The window's own copy of the system (window) menu."""
    st = mstate(m)
    mn = get_menu(m, st.sysmenus.get(w.hwnd, 0))
    if mn is None and create:
        mn = new_menu(m, True)
        mn.sysmenu = True
        dialog_like = not w.style & (wm.WS_THICKFRAME | wm.WS_MINIMIZEBOX | wm.WS_MAXIMIZEBOX)
        for cmd, text in _SYS_ITEMS:
            if dialog_like and cmd in (defwnd.SC_RESTORE, defwnd.SC_SIZE, defwnd.SC_MINIMIZE, defwnd.SC_MAXIMIZE):
                continue
            if dialog_like and cmd == 0:
                continue
            mn.items.append(MenuItem(type=MFT_SEPARATOR) if text is None else MenuItem(id=cmd, text=text))
        for it in mn.items:
            if it.id == defwnd.SC_CLOSE:
                it.state |= MFS_DEFAULT
                if w.cls.style & wm.CS_NOCLOSE:
                    it.state |= MF_GRAYED
        st.sysmenus[w.hwnd] = mn.handle
    return mn


def _refresh_sysmenu(m: "Machine", w: "Window", mn: Menu) -> None:
    """Gray the system-menu commands that do not apply to the window's current state."""
    zoomed, iconic = w.maximized, w.minimized
    gray = {
        defwnd.SC_RESTORE: not (zoomed or iconic),
        defwnd.SC_MOVE: zoomed,
        defwnd.SC_SIZE: zoomed or iconic or not w.style & wm.WS_THICKFRAME,
        defwnd.SC_MINIMIZE: iconic or not w.style & wm.WS_MINIMIZEBOX,
        defwnd.SC_MAXIMIZE: zoomed or not w.style & wm.WS_MAXIMIZEBOX,
    }
    for it in mn.items:
        if it.id in gray:
            it.state = (it.state & ~MF_GRAYED) | (MF_GRAYED if gray[it.id] else 0)


@stdcall("user32")
def GetSystemMenu(m: "Machine", hWnd: HWND, bRevert: BOOL) -> HANDLE:
    """The window menu (Restore, Move, Size, Minimize, Maximize, Close) for the program to change;
    bRevert discards the program's copy."""
    w = wm.get(m, hWnd)
    if w is None:
        m.set_last_error(ERROR_INVALID_WINDOW_HANDLE)
        return 0
    if bRevert:
        mn = system_menu(m, w, create=False)
        if mn is not None:
            destroy_menu(m, mn)
            mstate(m).sysmenus.pop(w.hwnd, None)
        return 0
    if not w.style & wm.WS_SYSMENU:
        return 0
    mn = system_menu(m, w)
    return mn.handle if mn is not None else 0


# ---- layout -------------------------------------------------------------------------------------------
def _px(m: "Machine", idx: int) -> int:
    return colorref_to_px(syscolor.get(m, idx))


def menu_font(m: "Machine", bold: bool = False) -> gdiobj.Font:
    """The menu font: MS Sans Serif 8 pt (regular, or bold for default items)."""
    key = "menu_font_bold" if bold else "menu_font"
    f = m.state.get(key)
    if f is None:
        f = gdiobj.Font(height=-11, weight=700 if bold else 400, face="MS Sans Serif")
        f.stock = True
        gdiobj.table(m).add(f)
        m.state[key] = f
    return f


def _measure_dc(m: "Machine") -> "DC":
    st = mstate(m)
    if st.measure_dc is None:
        from .dc import new_memory_dc  # noqa: PLC0415
        st.measure_dc = new_memory_dc(m)
    return st.measure_dc


def _text_size(m: "Machine", s: str, bold: bool = False) -> tuple[int, int]:
    from . import text  # noqa: PLC0415
    dc = _measure_dc(m)
    dc.font = menu_font(m, bold)
    w, h = text.text_extent(dc, _strip_amp(s))
    if not s:
        h = text.metrics(dc).height
    return w, h


def _bitmap(m: "Machine", h: int) -> gdiobj.Bitmap | None:
    return gdiobj.table(m).get(h, gdiobj.Bitmap) if h else None


def _measure_owner_draw(m: "Machine", owner: "Window | None", it: MenuItem) -> tuple[int, int]:
    if owner is None:
        return (0, POPUP_ITEM_H)
    p = wm._tmp(m, bytes(24))
    try:
        m.mem.pack("<6I", p, ODT_MENU, 0, it.id, 0, 0, it.data)
        mm.send(m, owner, mm.WM_MEASUREITEM, 0, p)
        _t, _c, _i, width, height, _d = m.mem.unpack("<6I", p)
    finally:
        wm._free_tmp(m, p)
    return (width, height)


def _split_label(text: str) -> tuple[str, str]:
    for sep in ("\t", "\a"):
        if sep in text:
            a, b = text.split(sep, 1)
            return a, b.replace("\t", " ").replace("\a", " ")
    return text, ""


def layout_bar(m: "Machine", w: "Window", mn: Menu) -> None:
    """Place the bar items (window coordinates) on the bar line; right-justified items go to the end."""
    mr = nc.menu_rect(w)
    if mr is None:
        return
    l, t, r, b = mr
    widths: list[int] = []
    for it in mn.items:
        if it.type & MFT_OWNERDRAW:
            wd = _measure_owner_draw(m, w, it)[0]
        elif it.type & MFT_BITMAP:
            bm = _bitmap(m, it.bitmap)
            wd = bm.width if bm is not None else 0
        elif _is_separator(it):
            wd = BAR_PAD
        else:
            wd = _text_size(m, it.text or "")[0] + 2 * BAR_PAD
        widths.append(wd)
    right_from = next((i for i, it in enumerate(mn.items) if it.type & MFT_RIGHTJUSTIFY), len(mn.items))
    x = l
    for i in range(right_from):
        mn.items[i].rect = (x, t, x + widths[i], b - 1)
        x += widths[i]
    rx = r - sum(widths[right_from:])
    rx = max(rx, x)
    for i in range(right_from, len(mn.items)):
        mn.items[i].rect = (rx, t, rx + widths[i], b - 1)
        rx += widths[i]


def layout_popup(m: "Machine", mn: Menu, owner: "Window | None") -> tuple[int, int]:
    """Place popup items in columns (client coordinates); returns the client size."""
    cols: list[list[int]] = [[]]
    for i, it in enumerate(mn.items):
        if it.type & (MFT_MENUBREAK | MFT_MENUBARBREAK) and cols[-1]:
            cols.append([])
        cols[-1].append(i)
    x = 0
    height = 0
    for col in cols:
        if mn.items[col[0]].type & MFT_MENUBARBREAK and x:
            x += COLUMN_LINE  # room for the vertical line between the columns
        sizes: list[tuple[int, int, int]] = []  # label width, accelerator width, height
        for i in col:
            it = mn.items[i]
            if _is_separator(it):
                sizes.append((0, 0, SEPARATOR_H))
            elif it.type & MFT_OWNERDRAW:
                ow, oh = _measure_owner_draw(m, owner, it)
                sizes.append((ow, 0, oh))
            elif it.type & MFT_BITMAP:
                bm = _bitmap(m, it.bitmap)
                sizes.append((bm.width if bm else 0, 0, max(bm.height if bm else 0, POPUP_ITEM_H)))
            else:
                label, acc = _split_label(it.text or "")
                bold = bool(it.state & MFS_DEFAULT)
                lw, lh = _text_size(m, label, bold)
                aw = _text_size(m, acc, bold)[0] if acc else 0
                sizes.append((lw, aw, max(POPUP_ITEM_H, lh + 4)))
        max_label = max((s[0] for s in sizes), default=0)
        max_acc = max((s[1] for s in sizes), default=0)
        width = CHECK_COL + max_label + ARROW_COL + (ACCEL_GAP + max_acc if max_acc else 0)
        y = 0
        for i, (_lw, _aw, h) in zip(col, sizes):
            it = mn.items[i]
            it.rect = (x, y, x + width, y + h)
            it.xtab = x + CHECK_COL + max_label + ACCEL_GAP
            y += h
        height = max(height, y)
        x += width
    mn.size = (x, height)
    return mn.size


# ---- drawing --------------------------------------------------------------------------------------------
_CHECK = np.array([[c == "#" for c in row] for row in (
    "......#",
    ".....##",
    "#...###",
    "##.###.",
    "#####..",
    ".###...",
    "..#....")], dtype=bool)
_BULLET = np.array([[c == "#" for c in row] for row in (
    ".####.",
    "######",
    "######",
    "######",
    "######",
    ".####.")], dtype=bool)
_ARROW = np.array([[c == "#" for c in row] for row in (
    "#...",
    "##..",
    "###.",
    "####",
    "###.",
    "##..",
    "#...")], dtype=bool)


def _glyph(dc: "DC", x: int, y: int, mask: np.ndarray, px: int) -> None:
    """Paint the set pixels of ``mask`` at device (x, y)."""
    s = dc.begin()
    if s is None:
        return
    gh, gw = mask.shape
    ox, oy = dc.dev_org
    for x0, y0, x1, y1 in dc.device_rect_clips((x, y, x + gw, y + gh)):
        sub = mask[y0 - (y + oy):y1 - (y + oy), x0 - (x + ox):x1 - (x + ox)]
        s.px[y0:y1, x0:x1][sub] = px
    dc.end()


def _blit(m: "Machine", dc: "DC", bm: gdiobj.Bitmap, x: int, y: int, clip: Rect) -> None:
    """Copy a bitmap's pixels to device (x, y), inside ``clip``."""
    src = bm.surface
    s = dc.begin()
    if src is None or s is None:
        return
    src.pull()
    ox, oy = dc.dev_org
    box = (max(x, clip[0]), max(y, clip[1]), min(x + bm.width, clip[2]), min(y + bm.height, clip[3]))
    for x0, y0, x1, y1 in dc.device_rect_clips(box):
        sx, sy = x0 - ox - x, y0 - oy - y
        s.px[y0:y1, x0:x1] = src.px[sy:sy + y1 - y0, sx:sx + x1 - x0]
    dc.end()


def _text(m: "Machine", dc: "DC", s: str, r: Rect, color: int, flags: int, bold: bool) -> None:
    from . import text  # noqa: PLC0415
    dc.font = menu_font(m, bold)
    dc.text_color = color
    dc.bk_mode = 1  # TRANSPARENT
    text.draw_text(dc, s, r, flags | 0x20 | 0x4)  # DT_SINGLELINE | DT_VCENTER


def _label(m: "Machine", dc: "DC", s: str, r: Rect, color: int | None, gray: bool, flags: int, bold: bool) -> None:
    """Menu text: normal, or embossed (white shadow, gray text) for grayed items."""
    if gray and color is None:
        _text(m, dc, s, (r[0] + 1, r[1] + 1, r[2] + 1, r[3] + 1), syscolor.get(m, syscolor.COLOR_BTNHIGHLIGHT),
              flags, bold)
        _text(m, dc, s, r, syscolor.get(m, syscolor.COLOR_BTNSHADOW), flags, bold)
    else:
        _text(m, dc, s, r, color if color is not None else syscolor.get(m, syscolor.COLOR_MENUTEXT), flags, bold)


def _owner_draw(m: "Machine", owner: "Window | None", mn: Menu, it: MenuItem, dc: "DC", r: Rect,
                selected: bool) -> None:
    if owner is None:
        return
    st = (ODS_SELECTED if selected else 0) | (ODS_GRAYED if it.state & MF_GRAYED else 0) | \
        (ODS_DISABLED if it.state & MF_DISABLED else 0) | (ODS_CHECKED if it.state & MF_CHECKED else 0)
    p = wm._tmp(m, bytes(48))
    try:
        m.mem.pack("<5III4iI", p, ODT_MENU, 0, it.id, ODA_DRAWENTIRE, st, mn.handle, dc.handle, *r, it.data)
        mm.send(m, owner, mm.WM_DRAWITEM, 0, p)
    finally:
        wm._free_tmp(m, p)


def _menu_bg(m: "Machine", mn: Menu) -> int:
    if mn.brush:
        b = gdiobj.table(m).get(mn.brush, gdiobj.Brush)
        if b is not None and b.style == gdiobj.BS_SOLID:
            return colorref_to_px(syscolor.get(m, b.sys_color)) if b.sys_color >= 0 else colorref_to_px(b.color)
    return _px(m, syscolor.COLOR_MENU)


def draw_menu_bar(m: "Machine", w: "Window", dc: "DC", rect: Rect) -> None:
    """Draw the items of the window's menu bar inside ``rect`` (window coordinates of ``dc``)."""
    mn = bar_menu(m, w)
    if mn is None:
        return
    layout_bar(m, w, mn)
    saved = (dc.font, dc.text_color, dc.bk_mode)
    tr = mstate(m).tracker
    tracking = tr is not None and tr.bar is mn
    try:
        bg = _menu_bg(m, mn)
        if bg != _px(m, syscolor.COLOR_MENU):
            dc.fill_device(rect, bg)
        for i, it in enumerate(mn.items):
            r = it.rect
            if r[0] >= rect[2]:
                break
            r = (r[0], r[1], min(r[2], rect[2]), r[3])
            selected = bool(it.state & MF_HILITE) or (tracking and mn.sel == i)
            if it.type & MFT_OWNERDRAW:
                _owner_draw(m, w, mn, it, dc, r, selected)
                continue
            if selected:
                pressed = not tracking or tr is None or tr.bar_open
                tl = _px(m, syscolor.COLOR_BTNSHADOW if pressed else syscolor.COLOR_BTNHIGHLIGHT)
                br = _px(m, syscolor.COLOR_BTNHIGHLIGHT if pressed else syscolor.COLOR_BTNSHADOW)
                nc.edge(dc, r, tl, br)
            if it.type & MFT_BITMAP:
                bm = _bitmap(m, it.bitmap)
                if bm is not None:
                    _blit(m, dc, bm, r[0], r[1] + (r[3] - r[1] - bm.height) // 2, r)
                continue
            if _is_separator(it) or not it.text:
                continue
            _label(m, dc, _split_label(it.text)[0], r, None, bool(it.state & MF_GRAYED), 0x1,
                   bool(it.state & MFS_DEFAULT))  # DT_CENTER
    finally:
        dc.font, dc.text_color, dc.bk_mode = saved


def _draw_popup_item(m: "Machine", dc: "DC", mn: Menu, i: int, owner: "Window | None") -> None:
    it = mn.items[i]
    r = it.rect
    selected = mn.sel == i
    bg = _menu_bg(m, mn)
    if _is_separator(it):
        dc.fill_device(r, bg)
        y = r[1] + (r[3] - r[1]) // 2 - 1
        dc.fill_device((r[0] + 1, y, r[2] - 1, y + 1), _px(m, syscolor.COLOR_BTNSHADOW))
        dc.fill_device((r[0] + 1, y + 1, r[2] - 1, y + 2), _px(m, syscolor.COLOR_BTNHIGHLIGHT))
        return
    if it.type & MFT_OWNERDRAW:
        dc.fill_device(r, bg)
        _owner_draw(m, owner, mn, it, dc, r, selected)
        return
    gray = bool(it.state & MF_GRAYED)
    dc.fill_device(r, _px(m, syscolor.COLOR_HIGHLIGHT) if selected else bg)
    if selected:
        color: int | None = syscolor.get(m, syscolor.COLOR_GRAYTEXT if gray else syscolor.COLOR_HIGHLIGHTTEXT)
        ink = colorref_to_px(color)
    else:
        color = None
        ink = _px(m, syscolor.COLOR_BTNSHADOW if gray else syscolor.COLOR_MENUTEXT)
    cy = (r[1] + r[3]) // 2
    # check mark, radio bullet or the program's check bitmaps
    bmh = it.checked_bmp if it.state & MF_CHECKED else it.unchecked_bmp
    bm = _bitmap(m, bmh)
    if bm is not None:
        _blit(m, dc, bm, r[0] + (CHECK_COL - bm.width) // 2 + 1, cy - bm.height // 2, r)
    elif it.state & MF_CHECKED:
        g = _BULLET if it.type & MFT_RADIOCHECK else _CHECK
        gx, gy = r[0] + (CHECK_COL - g.shape[1]) // 2 + 1, cy - g.shape[0] // 2
        if gray and not selected:
            _glyph(dc, gx + 1, gy + 1, g, _px(m, syscolor.COLOR_BTNHIGHLIGHT))
        _glyph(dc, gx, gy, g, ink)
    if it.type & MFT_BITMAP:
        bm = _bitmap(m, it.bitmap)
        if bm is not None:
            _blit(m, dc, bm, r[0] + CHECK_COL, r[1] + (r[3] - r[1] - bm.height) // 2, r)
    elif it.text:
        label, acc = _split_label(it.text)
        bold = bool(it.state & MFS_DEFAULT)
        _label(m, dc, label, (r[0] + CHECK_COL, r[1], r[2] - ARROW_COL, r[3]), color, gray, 0, bold)
        if acc:
            _label(m, dc, acc, (it.xtab, r[1], r[2] - ARROW_COL, r[3]), color, gray, 0, bold)
    if it.submenu:
        ax, ay = r[2] - ARROW_COL + (ARROW_COL - _ARROW.shape[1]) // 2, cy - _ARROW.shape[0] // 2
        if gray and not selected:
            _glyph(dc, ax + 1, ay + 1, _ARROW, _px(m, syscolor.COLOR_BTNHIGHLIGHT))
        _glyph(dc, ax, ay, _ARROW, ink)


def _draw_popup(m: "Machine", pw: "Window", dc: "DC | None" = None) -> None:
    """Paint the client area of popup menu window ``pw`` (all its items)."""
    data = pw.data
    mn = get_menu(m, data.menu) if isinstance(data, _PopupData) else None
    own = dc is None
    if own:
        dc = wm.make_dc(m, pw, True)
    assert dc is not None
    try:
        dc.fill_device((0, 0, pw.client_size[0], pw.client_size[1]),
                       _menu_bg(m, mn) if mn is not None else _px(m, syscolor.COLOR_MENU))
        if mn is not None:
            owner = wm.get(m, data.owner)
            saved = (dc.font, dc.text_color, dc.bk_mode)
            for i, it in enumerate(mn.items):
                _draw_popup_item(m, dc, mn, i, owner)
                if it.type & MFT_MENUBARBREAK and it.rect[0] >= COLUMN_LINE:
                    lx = it.rect[0] - COLUMN_LINE + 1
                    dc.fill_device((lx, 0, lx + 1, pw.client_size[1]), _px(m, syscolor.COLOR_BTNSHADOW))
                    dc.fill_device((lx + 1, 0, lx + 2, pw.client_size[1]), _px(m, syscolor.COLOR_BTNHIGHLIGHT))
            dc.font, dc.text_color, dc.bk_mode = saved
    finally:
        if own:
            gdiobj.table(m).delete(dc.handle)
    wm.state(m).frame_version += 1


@dataclass
class _PopupData:
    menu: int
    owner: int


@defwnd.builtin_class("#32768", style=wm.CS_SAVEBITS | wm.CS_DBLCLKS, background=syscolor.COLOR_MENU + 1)
def popup_menu_proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int, unicode: bool) -> int:
    """Window procedure of popup menu windows (class #32768)."""
    if msg == mm.WM_PAINT:
        ps = wm._tmp(m, bytes(64))
        try:
            from .dc import get_dc  # noqa: PLC0415
            dc = get_dc(m, wm.begin_paint(m, w, ps))
            if dc is not None:
                dc.paint_clip = None
                dc.invalidate_clip()
                _draw_popup(m, w, dc)
            wm.EndPaint(m, w.hwnd, ps)
        finally:
            wm._free_tmp(m, ps)
        return 0
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg == mm.WM_MOUSEACTIVATE:
        return 3  # MA_NOACTIVATE
    if msg == MN_GETHMENU:
        return w.data.menu if isinstance(w.data, _PopupData) else 0
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


# ---- geometry queries -------------------------------------------------------------------------------
def _item_screen_rect(m: "Machine", w: "Window | None", mn: Menu, idx: int) -> Rect | None:
    if w is not None and bar_menu(m, w) is mn:
        layout_bar(m, w, mn)
        x, y = wm.window_origin_screen(w)
    elif mn.hwnd and (pw := wm.get(m, mn.hwnd)) is not None:
        x, y = wm.client_origin_screen(pw)
    else:
        return None
    r = mn.items[idx].rect
    return (r[0] + x, r[1] + y, r[2] + x, r[3] + y)


@stdcall("user32")
def GetMenuItemRect(m: "Machine", hWnd: HWND, hMenu: HANDLE, uItem: UINT, lprcItem: PTR) -> BOOL:
    """Screen rectangle of a menu-bar item or of an item of a popup that is shown."""
    mn = _menu_arg(m, hMenu)
    if mn is None or not lprcItem or not uItem < len(mn.items):
        return 0
    r = _item_screen_rect(m, wm.get(m, hWnd) if hWnd else None, mn, uItem)
    if r is None:
        return 0
    m.mem.pack("<4i", lprcItem, *r)
    return 1


@stdcall("user32")
def MenuItemFromPoint(m: "Machine", hWnd: HWND, hMenu: HANDLE, ptScreenX: INT, ptScreenY: INT) -> INT:
    """Position of the item under a screen point (POINT by value), -1 if none."""
    mn = _menu_arg(m, hMenu)
    if mn is None:
        return -1
    w = wm.get(m, hWnd) if hWnd else None
    for i in range(len(mn.items)):
        r = _item_screen_rect(m, w, mn, i)
        if r is not None and r[0] <= ptScreenX < r[2] and r[1] <= ptScreenY < r[3]:
            return i
    return -1


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

