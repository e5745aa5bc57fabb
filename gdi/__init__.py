"""user32 and gdi32: windows, messages, drawing, and the user32 string functions console programs use."""
from __future__ import annotations

_done = False


def register_all() -> None:
    """Import every user32/gdi32 module so its declarations are registered (idempotent)."""
    global _done
    if _done:
        return
    _done = True
    from . import (  # noqa: F401, PLC0415
        bitmap,
        bitmap_blit,
        bitmap_dib,
        bitmap_dibits,
        bitmap_image,
        clipboard,
        comctl32,
        comctl32_listview,
        comctl32_listview_model,
        comctl32_listview_view,
        comdlg32,
        comdlg32_common,
        comdlg32_file,
        comdlg32_find,
        comdlg32_font,
        controls_button,
        controls_edit,
        controls_listbox,
        controls_scroll,
        controls_static,
        cursor,
        dc,
        defwnd,
        desktop,
        dialog,
        draw,
        font,
        gdiobj,
        input,
        menu,
        menu_accel,
        menu_api,
        menu_draw,
        menu_model,
        menu_track,
        message,
        msgbox,
        nonclient,
        palette,
        rect,
        resource_ui,
        rgn,
        syscolor,
        text,
        user32_misc,
        user32_text,
        window,
        window_class,
        window_core,
        window_create,
        window_focus,
        window_paint,
        window_pos,
        window_text,
        window_tree,
    )
