"""user32 menu objects: MF_*/MFT_*/MFS_* constants, ``MenuItem``/``Menu``, the per-process menu state
(menus and accelerator tables are user handles kept in ``m.state["menus"]``), item lookup, mnemonics,
and loading MENU/MENUEX resources and templates (LoadMenu, LoadMenuIndirect).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from emu import resources

from .region import Rect

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .menu_track import _Tracker
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


# ---- the menu bar of a window ----------------------------------------------------------------------
def bar_menu(m: "Machine", w: "Window") -> Menu | None:
    """The menu bar of top-level window ``w``."""
    if w.is_child or not w.menu:
        return None
    return get_menu(m, w.menu)
