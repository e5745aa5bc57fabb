"""user32 menu APIs that build, query and modify menus: CreateMenu, AppendMenu/InsertMenu/ModifyMenu,
MENUITEMINFO, item state (CheckMenuItem, EnableMenuItem, default items), window menus (GetMenu, SetMenu,
DrawMenuBar) and the system menu (GetSystemMenu)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall

from . import defwnd, gdiobj, syscolor
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .menu_model import (
    CHECK_SIZE, ERROR_CHILD_WINDOW_MENU, ERROR_INVALID_MENU_HANDLE, ERROR_INVALID_WINDOW_HANDLE,
    ERROR_MENU_ITEM_NOT_FOUND, GMDI_GOINTOPOPUPS, GMDI_USEDISABLED, MFS_DEFAULT, MFT_BITMAP, MFT_OWNERDRAW,
    MFT_RADIOCHECK, MFT_SEPARATOR, MF_BITMAP, MF_BYCOMMAND, MF_BYPOSITION, MF_CHECKED, MF_DISABLED, MF_GRAYED,
    MF_HILITE, MF_OWNERDRAW, MF_POPUP, MF_SEPARATOR, MF_USECHECKBITMAPS, MIIM_BITMAP, MIIM_CHECKMARKS, MIIM_DATA,
    MIIM_FTYPE, MIIM_ID, MIIM_STATE, MIIM_STRING, MIIM_SUBMENU, MIIM_TYPE, MIM_APPLYTOSUBMENUS, MIM_BACKGROUND,
    MIM_HELPID, MIM_MAXHEIGHT, MIM_MENUDATA, MIM_STYLE, Menu, MenuItem, STATE_MASK, TYPE_MASK, _is_separator, _is_text,
    _menu_arg, bar_menu, destroy_menu, find_item, get_menu, load_menu, load_menu_indirect, mstate, new_menu,
)
from .menu_draw import _draw_popup, _px, draw_menu_bar

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


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
