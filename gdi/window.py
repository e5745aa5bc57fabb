"""user32 windows: the public face of the window modules (``from . import window as wm``; ``wm.X``).

The implementation is split by area: ``window_core`` (objects, state, lookup, visible regions),
``window_class`` (window classes), ``window_create`` (creation/destruction), ``window_pos`` (show, move,
size, z-order, rectangles), ``window_tree`` (tree queries, enumeration, hit testing), ``window_text``
(window longs, text, properties), ``window_focus`` (state queries, focus, activation), ``window_paint``
(update regions, BeginPaint, window DCs, scrolling). Every name is re-exported here.
"""
from __future__ import annotations

# ruff: noqa: F401
# (re-exports: importers use these names as window.X)

from .window_core import (
    CS_CLASSDC, CS_DBLCLKS, CS_GLOBALCLASS, CS_HREDRAW, CS_NOCLOSE, CS_OWNDC, CS_PARENTDC, CS_SAVEBITS, CS_VREDRAW,
    CW_USEDEFAULT, DESKTOP_HWND, DWL_DLGPROC, DWL_MSGRESULT, DWL_USER, GCL_CBCLSEXTRA, GCL_CBWNDEXTRA,
    GCL_HBRBACKGROUND, GCL_HCURSOR, GCL_HICON, GCL_HICONSM, GCL_HMODULE, GCL_MENUNAME, GCL_STYLE, GCL_WNDPROC,
    GCW_ATOM, GWL_EXSTYLE, GWL_HINSTANCE, GWL_HWNDPARENT, GWL_ID, GWL_STYLE, GWL_USERDATA, GWL_WNDPROC, GW_CHILD,
    GW_ENABLEDPOPUP, GW_HWNDFIRST, GW_HWNDLAST, GW_HWNDNEXT, GW_HWNDPREV, GW_OWNER, HWND_BOTTOM, HWND_MESSAGE,
    HWND_NOTOPMOST, HWND_TOP, HWND_TOPMOST, RDW_ALLCHILDREN, RDW_ERASE, RDW_ERASENOW, RDW_FRAME, RDW_INTERNALPAINT,
    RDW_INVALIDATE, RDW_NOCHILDREN, RDW_NOERASE, RDW_NOINTERNALPAINT, RDW_UPDATENOW, RDW_VALIDATE, SWP_FRAMECHANGED,
    SWP_HIDEWINDOW, SWP_NOACTIVATE, SWP_NOMOVE, SWP_NOOWNERZORDER, SWP_NOREDRAW, SWP_NOSENDCHANGING, SWP_NOSIZE,
    SWP_NOZORDER, SWP_SHOWWINDOW, SW_HIDE, SW_MINIMIZE, SW_RESTORE, SW_SHOW, SW_SHOWDEFAULT, SW_SHOWMAXIMIZED,
    SW_SHOWMINIMIZED, SW_SHOWMINNOACTIVE, SW_SHOWNA, SW_SHOWNOACTIVATE, SW_SHOWNORMAL, WS_BORDER, WS_CAPTION, WS_CHILD,
    WS_CLIPCHILDREN, WS_CLIPSIBLINGS, WS_DISABLED, WS_DLGFRAME, WS_EX_APPWINDOW, WS_EX_CLIENTEDGE, WS_EX_CONTROLPARENT,
    WS_EX_DLGMODALFRAME, WS_EX_NOPARENTNOTIFY, WS_EX_STATICEDGE, WS_EX_TOOLWINDOW, WS_EX_TOPMOST, WS_EX_TRANSPARENT,
    WS_EX_WINDOWEDGE, WS_GROUP, WS_HSCROLL, WS_MAXIMIZE, WS_MAXIMIZEBOX, WS_MINIMIZE, WS_MINIMIZEBOX, WS_OVERLAPPED,
    WS_POPUP, WS_SYSMENU, WS_TABSTOP, WS_THICKFRAME, WS_VISIBLE, WS_VSCROLL, WinState, Window, WindowClass, _free_tmp,
    _insert_top, _rect_arg, _s, _tmp, _write_rect, all_windows, ancestors, builtin_proc, changed, client_origin_screen,
    dc_target, descendants, get, hwnd_of, layout_version, make_dc, origin_in_top, really_visible, state, top_level,
    visible_region, window_origin_screen,
)
from .window_class import (
    GetClassInfoA, GetClassInfoExA, GetClassInfoExW, GetClassInfoW, GetClassLongA, GetClassLongW, GetClassNameA,
    GetClassNameW, RegisterClassA, RegisterClassExA, RegisterClassExW, RegisterClassW, SetClassLongA, SetClassLongW,
    UnregisterClassA, UnregisterClassW, _class_info, _class_long, _class_name, _read_wndclass, _unregister, find_class,
    register_builtin_class, register_class,
)
from .window_create import (
    CreateWindowExA, CreateWindowExW, DestroyWindow, IsWindow, _default_rect, _destroy, alloc_hwnd, create_window,
    destroy_window,
)
from .window_pos import (
    AdjustWindowRect, AdjustWindowRectEx, ArrangeIconicWindows, BringWindowToTop, ClientToScreen, GetClientRect,
    GetWindowInfo, GetWindowPlacement, GetWindowRect, MapWindowPoints, MoveWindow, ScreenToClient, SetWindowPlacement,
    SetWindowPos, ShowWindow, ShowWindowAsync, _frame_border, _free_windowpos, _windowpos, client_pos_in_parent, hide,
    move_window, screen_to_client, send_size_move, set_geometry, show_window,
)
from .window_tree import (
    ChildWindowFromPoint, ChildWindowFromPointEx, EnumChildWindows, EnumThreadWindows, EnumWindows, FindWindowA,
    FindWindowExA, FindWindowExW, FindWindowW, GetAncestor, GetDesktopWindow, GetDlgCtrlID, GetDlgItem, GetNextWindow,
    GetParent, GetTopWindow, GetWindow, ICONIC_SIZE, IsChild, SetParent, WindowFromPoint, _child_at, _enum, _find,
    child_by_id, iconic_at, iconic_rects, siblings, window_at,
)
from .window_text import (
    GetPropA, GetPropW, GetWindowLongA, GetWindowLongW, GetWindowTextA, GetWindowTextLengthA, GetWindowTextLengthW,
    GetWindowTextW, GetWindowWord, InternalGetWindowText, RemovePropA, RemovePropW, SetPropA, SetPropW, SetWindowLongA,
    SetWindowLongW, SetWindowTextA, SetWindowTextW, SetWindowWord, _WM_GETTEXT, _WM_GETTEXTLENGTH, _WM_SETTEXT,
    _prop_key, _text_message, _window_long, get_long, set_long, set_text,
)
from .window_focus import (
    EnableWindow, GetActiveWindow, GetFocus, GetForegroundWindow, GetWindowThreadProcessId, IsIconic, IsWindowEnabled,
    IsWindowUnicode, IsWindowVisible, IsZoomed, SetActiveWindow, SetFocus, SetForegroundWindow, activate, set_focus,
)
from .window_paint import (
    BeginPaint, EndPaint, GetDC, GetDCEx, GetUpdateRect, GetUpdateRgn, GetWindowDC, InvalidateRect, InvalidateRgn,
    LockWindowUpdate, RedrawWindow, ReleaseDC, ScrollWindow, ScrollWindowEx, UpdateWindow, ValidateRect, ValidateRgn,
    begin_paint, get_window_dc, invalidate, invalidate_children, invalidate_tree, paint_nonclient, scroll_dc_area,
    update_window,
)
