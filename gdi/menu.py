"""user32 menus: the public face of the menu modules (``from . import menu``; ``menu.X``).

The implementation is split by area: ``menu_model`` (menu objects, state, MENU/MENUEX resources),
``menu_api`` (building, querying and modifying menus; window menus; the system menu), ``menu_draw``
(layout and drawing of the menu bar and popups, the "#32768" class), ``menu_track`` (the modal menu loop,
keyboard navigation, TrackPopupMenu) and ``menu_accel`` (accelerator tables). Every name is re-exported here.
"""
from __future__ import annotations

# ruff: noqa: F401
# (re-exports: importers use these names as menu.X)

from .menu_model import (
    ACCEL_GAP, ARROW_COL, BAR_PAD, CHECK_COL, CHECK_SIZE, COLUMN_LINE, ERROR_CHILD_WINDOW_MENU,
    ERROR_INVALID_ACCEL_HANDLE, ERROR_INVALID_MENU_HANDLE, ERROR_INVALID_WINDOW_HANDLE, ERROR_MENU_ITEM_NOT_FOUND,
    ERROR_POPUP_ALREADY_ACTIVE, ERROR_RESOURCE_NAME_NOT_FOUND, FALT, FCONTROL, FSHIFT, FVIRTKEY, GMDI_GOINTOPOPUPS,
    GMDI_USEDISABLED, MFS_CHECKED, MFS_DEFAULT, MFS_GRAYED, MFS_HILITE, MFT_BITMAP, MFT_MENUBARBREAK, MFT_MENUBREAK,
    MFT_OWNERDRAW, MFT_RADIOCHECK, MFT_RIGHTJUSTIFY, MFT_RIGHTORDER, MFT_SEPARATOR, MF_BITMAP, MF_BYCOMMAND,
    MF_BYPOSITION, MF_CHECKED, MF_DEFAULT, MF_DISABLED, MF_END, MF_GRAYED, MF_HILITE, MF_MENUBARBREAK, MF_MENUBREAK,
    MF_MOUSESELECT, MF_OWNERDRAW, MF_POPUP, MF_RIGHTJUSTIFY, MF_SEPARATOR, MF_SYSMENU, MF_USECHECKBITMAPS, MIIM_BITMAP,
    MIIM_CHECKMARKS, MIIM_DATA, MIIM_FTYPE, MIIM_ID, MIIM_STATE, MIIM_STRING, MIIM_SUBMENU, MIIM_TYPE,
    MIM_APPLYTOSUBMENUS, MIM_BACKGROUND, MIM_HELPID, MIM_MAXHEIGHT, MIM_MENUDATA, MIM_STYLE, MNC_CLOSE, MNC_EXECUTE,
    MNC_IGNORE, MNC_SELECT, MNS_NOTIFYBYPOS, MN_GETHMENU, MSGF_MENU, Menu, MenuItem, MenuState, ODA_DRAWENTIRE,
    ODS_CHECKED, ODS_DISABLED, ODS_GRAYED, ODS_SELECTED, ODT_MENU, POPUP_FRAME, POPUP_ITEM_H, SEPARATOR_H, STATE_MASK,
    TPM_BOTTOMALIGN, TPM_CENTERALIGN, TPM_NONOTIFY, TPM_RETURNCMD, TPM_RIGHTALIGN, TPM_RIGHTBUTTON, TPM_VCENTERALIGN,
    TYPE_MASK, VK_CONTROL, VK_DOWN, VK_END, VK_ESCAPE, VK_F10, VK_HOME, VK_LEFT, VK_MENU, VK_RETURN, VK_RIGHT,
    VK_SHIFT, VK_UP, WM_MENUCOMMAND, WM_UNINITMENUPOPUP, _find_cmd, _is_separator, _is_text, _menu_arg, _new_handle,
    _parent_of, _parse_ex, _parse_std, _strip_amp, _wstr_at, bar_menu, destroy_menu, find_item, get_menu, load_menu,
    load_menu_indirect, mnemonic, mstate, new_menu,
)
from .menu_api import (
    AppendMenuA, AppendMenuW, CheckMenuItem, CheckMenuRadioItem, CreateMenu, CreatePopupMenu, DeleteMenu, DestroyMenu,
    DrawMenuBar, EnableMenuItem, GetMenu, GetMenuCheckMarkDimensions, GetMenuContextHelpId, GetMenuDefaultItem,
    GetMenuInfo, GetMenuItemCount, GetMenuItemID, GetMenuItemInfoA, GetMenuItemInfoW, GetMenuState, GetMenuStringA,
    GetMenuStringW, GetSubMenu, GetSystemMenu, HiliteMenuItem, InsertMenuA, InsertMenuItemA, InsertMenuItemW,
    InsertMenuW, IsMenu, LoadMenuA, LoadMenuIndirectA, LoadMenuIndirectW, LoadMenuW, ModifyMenuA, ModifyMenuW,
    RemoveMenu, SetMenu, SetMenuContextHelpId, SetMenuDefaultItem, SetMenuInfo, SetMenuItemBitmaps, SetMenuItemInfoA,
    SetMenuItemInfoW, _SYS_ITEMS, _default_item, _get_string, _insert, _insert_item, _item_from_flags, _item_info,
    _modify, _read_mii, _refresh_sysmenu, _remove, _write_mii, menu_state, on_window_destroyed, redraw_bar, set_menu,
    system_menu,
)
from .menu_draw import (
    GetMenuItemRect, MenuItemFromPoint, _ARROW, _BULLET, _CHECK, _PopupData, _bitmap, _blit, _draw_popup,
    _draw_popup_item, _glyph, _item_screen_rect, _label, _measure_dc, _measure_owner_draw, _menu_bg, _owner_draw, _px,
    _split_label, _text, _text_size, draw_menu_bar, layout_bar, layout_popup, menu_font, popup_menu_proc,
)
from .menu_track import (
    EndMenu, GetMenuBarInfo, TrackPopupMenu, TrackPopupMenuEx, _KEY_MSGS, _MOUSE_MSGS, _Tracker, _s16, _session,
    _track_system, track_menu_bar, track_popup,
)
from .menu_accel import (
    CopyAcceleratorTableA, CopyAcceleratorTableW, CreateAcceleratorTableA, CreateAcceleratorTableW,
    DestroyAcceleratorTable, LoadAcceleratorsA, LoadAcceleratorsW, TranslateAcceleratorA, TranslateAcceleratorW,
    _accel_command, _accel_matches, _copy_accel, _create_accel, _new_accel, load_accelerators, translate_accelerator,
)
