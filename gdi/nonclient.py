"""The non-client area: frame metrics (borders, caption, menu bar, scroll bars), drawing it in the
Windows 95/98 look, and hit-testing (WM_NCHITTEST's default answer).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import syscolor
from .region import Rect
from .surface import colorref_to_px

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .window import Window

CX_BORDER = 1
CX_DLGFRAME = 3
CX_FRAME = 4
CY_CAPTION = 19  # caption bar including its 1-pixel bottom line
CY_SMCAPTION = 15
CY_MENU = 19
CX_VSCROLL = 16
CY_HSCROLL = 16
CX_EDGE = 2
CAPTION_BUTTON = (16, 14)

HTERROR, HTTRANSPARENT, HTNOWHERE, HTCLIENT, HTCAPTION, HTSYSMENU = -2, -1, 0, 1, 2, 3
HTMENU, HTHSCROLL, HTVSCROLL, HTMINBUTTON, HTMAXBUTTON = 5, 6, 7, 8, 9
HTLEFT, HTRIGHT, HTTOP, HTTOPLEFT, HTTOPRIGHT, HTBOTTOM, HTBOTTOMLEFT, HTBOTTOMRIGHT = 10, 11, 12, 13, 14, 15, 16, 17
HTBORDER, HTCLOSE = 18, 20

WS_CHILD, WS_CAPTION, WS_BORDER, WS_DLGFRAME = 0x40000000, 0x00C00000, 0x00800000, 0x00400000
WS_VSCROLL, WS_HSCROLL, WS_SYSMENU, WS_THICKFRAME = 0x00200000, 0x00100000, 0x00080000, 0x00040000
WS_MINIMIZEBOX, WS_MAXIMIZEBOX = 0x00020000, 0x00010000
WS_EX_DLGMODALFRAME, WS_EX_TOOLWINDOW, WS_EX_CLIENTEDGE, WS_EX_STATICEDGE = 0x1, 0x80, 0x200, 0x20000
WS_EX_WINDOWEDGE = 0x100


def border_width(style: int, exstyle: int) -> int:
    """Width of the outer frame (thick, dialog or thin border)."""
    if style & WS_THICKFRAME:
        return CX_FRAME
    if style & WS_DLGFRAME or exstyle & WS_EX_DLGMODALFRAME:
        return CX_DLGFRAME
    if style & WS_BORDER:
        return CX_BORDER
    return 0


def frame_for_style(m: "Machine", style: int, exstyle: int, menu: bool,
                    child: bool = False) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) non-client sizes for these styles (AdjustWindowRectEx; no scroll bars)."""
    b = border_width(style, exstyle)
    l = t = r = bt = b
    if style & WS_CAPTION == WS_CAPTION:
        t += CY_SMCAPTION if exstyle & WS_EX_TOOLWINDOW else CY_CAPTION
    if menu and not child:
        t += CY_MENU
    e = 0
    if exstyle & WS_EX_CLIENTEDGE:
        e += CX_EDGE
    if exstyle & WS_EX_STATICEDGE:
        e += 1
    return (l + e, t + e, r + e, bt + e)


def client_frame(m: "Machine", w: "Window") -> tuple[int, int, int, int]:
    """(left, top, right, bottom) non-client sizes of ``w`` including its scroll bars."""
    l, t, r, b = frame_for_style(m, w.style, w.exstyle, bool(w.menu), w.is_child)
    if w.style & WS_VSCROLL:
        r += CX_VSCROLL
    if w.style & WS_HSCROLL:
        b += CY_HSCROLL
    return (l, t, r, b)


def caption_rect(w: "Window") -> Rect | None:
    """Caption bar in window coordinates (without the bottom line)."""
    if w.style & WS_CAPTION != WS_CAPTION:
        return None
    b = border_width(w.style, w.exstyle)
    h = (CY_SMCAPTION if w.exstyle & WS_EX_TOOLWINDOW else CY_CAPTION) - 1
    return (b, b, w.width - b, b + h)


def menu_rect(w: "Window") -> Rect | None:
    if not w.menu or w.is_child:
        return None
    b = border_width(w.style, w.exstyle)
    top = b
    cr = caption_rect(w)
    if cr is not None:
        top = cr[3] + 1
    return (b, top, w.width - b, top + CY_MENU)


def caption_buttons(w: "Window") -> dict[int, Rect]:
    """Hit codes -> rectangles (window coordinates) of the caption buttons."""
    cr = caption_rect(w)
    if cr is None or not w.style & WS_SYSMENU:
        return {}
    bw, bh = CAPTION_BUTTON
    if w.exstyle & WS_EX_TOOLWINDOW:
        bw, bh = 12, 10
    y = cr[1] + (cr[3] - cr[1] - bh) // 2
    x = cr[2] - 2 - bw
    out = {HTCLOSE: (x, y, x + bw, y + bh)}
    if w.style & (WS_MINIMIZEBOX | WS_MAXIMIZEBOX) and not w.exstyle & WS_EX_TOOLWINDOW:
        x -= 2 + bw
        out[HTMAXBUTTON] = (x, y, x + bw, y + bh)
        x -= bw
        out[HTMINBUTTON] = (x, y, x + bw, y + bh)
    return out


def hit_test(m: "Machine", w: "Window", sx: int, sy: int) -> int:
    """Default WM_NCHITTEST for screen point (sx, sy)."""
    from . import window as wm  # noqa: PLC0415
    ox, oy = wm.window_origin_screen(w)
    x, y = sx - ox, sy - oy
    if not (0 <= x < w.width and 0 <= y < w.height):
        return HTNOWHERE
    cx, cy = w.client_off
    if cx <= x < cx + w.client_size[0] and cy <= y < cy + w.client_size[1]:
        return HTCLIENT
    for code, r in caption_buttons(w).items():
        if r[0] <= x < r[2] and r[1] <= y < r[3]:
            return code
    cr = caption_rect(w)
    if cr is not None and cr[0] <= x < cr[2] and cr[1] <= y < cr[3]:
        if x < cr[0] + 18 and w.style & WS_SYSMENU:
            return HTSYSMENU
        return HTCAPTION
    mr = menu_rect(w)
    if mr is not None and mr[0] <= x < mr[2] and mr[1] <= y < mr[3]:
        return HTMENU
    if w.style & WS_VSCROLL and x >= cx + w.client_size[0] and cy <= y < cy + w.client_size[1]:
        return HTVSCROLL
    if w.style & WS_HSCROLL and y >= cy + w.client_size[1] and cx <= x < cx + w.client_size[0]:
        return HTHSCROLL
    if w.style & WS_THICKFRAME:
        b = CX_FRAME
        left, right = x < b, x >= w.width - b
        top, bottom = y < b, y >= w.height - b
        if top:
            return HTTOPLEFT if left else HTTOPRIGHT if right else HTTOP
        if bottom:
            return HTBOTTOMLEFT if left else HTBOTTOMRIGHT if right else HTBOTTOM
        if left:
            return HTLEFT
        if right:
            return HTRIGHT
    return HTBORDER


# ---- drawing ------------------------------------------------------------------------------------------
def _px(m: "Machine", idx: int) -> int:
    return colorref_to_px(syscolor.get(m, idx))


COLOR_SCROLLBAR, COLOR_ACTIVECAPTION, COLOR_INACTIVECAPTION, COLOR_MENU, COLOR_WINDOW = 0, 2, 3, 4, 5
COLOR_WINDOWFRAME, COLOR_MENUTEXT, COLOR_CAPTIONTEXT, COLOR_ACTIVEBORDER, COLOR_INACTIVEBORDER = 6, 7, 9, 10, 11
COLOR_BTNFACE, COLOR_BTNSHADOW, COLOR_GRAYTEXT, COLOR_BTNTEXT, COLOR_INACTIVECAPTIONTEXT = 15, 16, 17, 18, 19
COLOR_BTNHIGHLIGHT, COLOR_3DDKSHADOW, COLOR_3DLIGHT = 20, 21, 22


def fill(dc: "DC", r: Rect, px: int) -> None:
    dc.fill_device(r, px)


def edge(dc: "DC", r: Rect, tl: int, br: int) -> None:
    """One-pixel rectangle outline: top/left in ``tl``, bottom/right in ``br``."""
    l, t, rr, b = r
    if rr - l <= 0 or b - t <= 0:
        return
    fill(dc, (l, t, rr - 1, t + 1), tl)
    fill(dc, (l, t, l + 1, b - 1), tl)
    fill(dc, (l, b - 1, rr, b), br)
    fill(dc, (rr - 1, t, rr, b), br)


def raised(m: "Machine", dc: "DC", r: Rect, outer: bool = True) -> Rect:
    """The Windows 95 raised edge (2 pixels); returns the interior."""
    if outer:
        edge(dc, r, _px(m, COLOR_3DLIGHT), _px(m, COLOR_3DDKSHADOW))
    else:
        edge(dc, r, _px(m, COLOR_BTNHIGHLIGHT), _px(m, COLOR_3DDKSHADOW))
    r = (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)
    edge(dc, r, _px(m, COLOR_BTNHIGHLIGHT) if outer else _px(m, COLOR_3DLIGHT), _px(m, COLOR_BTNSHADOW))
    return (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)


def sunken(m: "Machine", dc: "DC", r: Rect) -> Rect:
    edge(dc, r, _px(m, COLOR_BTNSHADOW), _px(m, COLOR_BTNHIGHLIGHT))
    r = (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)
    edge(dc, r, _px(m, COLOR_3DDKSHADOW), _px(m, COLOR_3DLIGHT))
    return (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)


def paint(m: "Machine", w: "Window") -> None:
    """Draw the whole non-client area of ``w`` (DefWindowProc's WM_NCPAINT)."""
    from . import gdiobj  # noqa: PLC0415
    from . import window as wm  # noqa: PLC0415
    dc = wm.make_dc(m, w, client=False)
    try:
        _paint(m, w, dc)
    finally:
        gdiobj.table(m).delete(dc.handle)
    wm.state(m).frame_version += 1


def _paint(m: "Machine", w: "Window", dc: "DC") -> None:
    from . import window as wm  # noqa: PLC0415
    r: Rect = (0, 0, w.width, w.height)
    active = wm.state(m).active is w
    b = border_width(w.style, w.exstyle)
    if b >= CX_DLGFRAME:
        inner = raised(m, dc, r)
        face = _px(m, COLOR_ACTIVEBORDER if active else COLOR_INACTIVEBORDER) if w.style & WS_THICKFRAME \
            else _px(m, COLOR_BTNFACE)
        for i in range(b - 2):
            edge(dc, (inner[0] + i - 0, inner[1] + i, inner[2] - i, inner[3] - i), face, face)
        r = (b, b, w.width - b, w.height - b)
    elif b == 1:
        edge(dc, r, _px(m, COLOR_WINDOWFRAME), _px(m, COLOR_WINDOWFRAME))
        r = (1, 1, w.width - 1, w.height - 1)
    cr = caption_rect(w)
    if cr is not None:
        bg = _px(m, COLOR_ACTIVECAPTION if active else COLOR_INACTIVECAPTION)
        fill(dc, cr, bg)
        fill(dc, (cr[0], cr[3], cr[2], cr[3] + 1), _px(m, COLOR_BTNFACE))
        btns = caption_buttons(w)
        text_right = min((br[0] for br in btns.values()), default=cr[2]) - 2
        text_left = cr[0] + 3
        icon = caption_icon(m, w)
        if icon:
            from . import cursor  # noqa: PLC0415
            ic = cursor.get(m, cursor.small_icon(m, icon))
            if ic is not None:
                cursor.draw_icon_ex(dc, cr[0] + 1, cr[1] + (cr[3] - cr[1] - 16) // 2, ic, 16, 16, 3)
                text_left = cr[0] + 20
        _caption_text(m, dc, w, (text_left, cr[1], text_right, cr[3]),
                      syscolor.get(m, COLOR_CAPTIONTEXT if active else COLOR_INACTIVECAPTIONTEXT))
        for code, br in btns.items():
            _caption_button(m, dc, code, br, w)
        r = (r[0], cr[3] + 1, r[2], r[3])
    mr = menu_rect(w)
    if mr is not None:
        fill(dc, mr, _px(m, COLOR_MENU))
        from . import menu as menu_mod  # noqa: PLC0415
        draw_bar = getattr(menu_mod, "draw_menu_bar", None)
        if draw_bar is not None:
            draw_bar(m, w, dc, mr)
        r = (r[0], mr[3], r[2], r[3])
    if w.exstyle & WS_EX_CLIENTEDGE:
        er = (r[0], r[1], r[2], r[3])
        sunken(m, dc, er)
        r = (r[0] + 2, r[1] + 2, r[2] - 2, r[3] - 2)
    if w.exstyle & WS_EX_STATICEDGE:
        edge(dc, r, _px(m, COLOR_BTNSHADOW), _px(m, COLOR_BTNHIGHLIGHT))
        r = (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)
    cx, cy = w.client_off
    cw, ch = w.client_size
    if w.style & WS_VSCROLL:
        draw_scrollbar(m, dc, w, 1, (cx + cw, cy, cx + cw + CX_VSCROLL, cy + ch))
    if w.style & WS_HSCROLL:
        draw_scrollbar(m, dc, w, 0, (cx, cy + ch, cx + cw, cy + ch + CY_HSCROLL))
    if w.style & WS_VSCROLL and w.style & WS_HSCROLL:
        fill(dc, (cx + cw, cy + ch, cx + cw + CX_VSCROLL, cy + ch + CY_HSCROLL), _px(m, COLOR_BTNFACE))


def caption_icon(m: "Machine", w: "Window") -> int:
    """The small icon a caption shows (0: none): windows with a system menu that are not dialog frames."""
    if not w.style & WS_SYSMENU or w.exstyle & (WS_EX_DLGMODALFRAME | WS_EX_TOOLWINDOW):
        return 0
    if w.style & WS_DLGFRAME and not w.style & WS_THICKFRAME and w.cls.name == "#32770":
        return 0
    h = w.icon_small or w.cls.icon_sm or w.icon_big or w.cls.icon
    if not h:
        from . import cursor  # noqa: PLC0415
        h = cursor.load_icon(m, 0, 32512)  # IDI_APPLICATION
    return h


def _caption_text(m: "Machine", dc: "DC", w: "Window", r: Rect, color: int) -> None:
    from . import text  # noqa: PLC0415
    font = caption_font(m)
    dc.font = font
    dc.text_color = color
    dc.bk_mode = 1
    text.draw_text(dc, w.text, r, 0x20 | 0x4 | 0x800 | 0x8000)  # SINGLELINE|VCENTER|NOPREFIX|END_ELLIPSIS


def caption_font(m: "Machine") -> "object":
    from . import gdiobj  # noqa: PLC0415
    f = m.state.get("caption_font")
    if f is None:
        f = gdiobj.Font(height=-11, weight=700, face="MS Sans Serif")
        f.stock = True
        gdiobj.table(m).add(f)
        m.state["caption_font"] = f
    return f


def _caption_button(m: "Machine", dc: "DC", code: int, r: Rect, w: "Window") -> None:
    fill(dc, r, _px(m, COLOR_BTNFACE))
    raised(m, dc, r, outer=False)
    ink = 0
    cx = (r[0] + r[2]) // 2 - 1
    cy = (r[1] + r[3]) // 2
    if code == HTCLOSE:
        for i in range(-3, 4):  # an X, 2 pixels wide
            fill(dc, (cx + i, cy + i - 1, cx + i + 2, cy + i), ink)
            fill(dc, (cx + i, cy - i - 1, cx + i + 2, cy - i), ink)
    elif code == HTMINBUTTON:
        fill(dc, (cx - 3, cy + 2, cx + 3, cy + 4), ink)
    elif code == HTMAXBUTTON:
        fill(dc, (cx - 4, cy - 4, cx + 5, cy - 2), ink)
        edge(dc, (cx - 4, cy - 4, cx + 5, cy + 4), ink, ink)


def draw_scrollbar(m: "Machine", dc: "DC", w: "Window", vertical: int, r: Rect) -> None:
    """A window scroll bar (arrows, dithered shaft, thumb) from ``w.scroll`` state."""
    from .controls_scroll import draw_window_bar  # noqa: PLC0415
    draw_window_bar(m, dc, w, vertical, r)


def _arrow(dc: "DC", r: Rect, vertical: int, down: int) -> None:
    cx = (r[0] + r[2]) // 2 - 1
    cy = (r[1] + r[3]) // 2 - 1
    for i in range(4):
        if vertical:
            y = cy - 1 + i if down else cy + 2 - i
            fill(dc, (cx - 3 + i, y, cx + 4 - i, y + 1), 0)
        else:
            x = cx - 1 + i if down else cx + 2 - i
            fill(dc, (x, cy - 3 + i, x + 1, cy + 4 - i), 0)


def draw_iconic(m: "Machine", w: "Window", dc: "DC", r: Rect) -> None:
    """A minimised window's bar: raised frame, inactive caption colours, small icon and title."""
    fill(dc, r, _px(m, COLOR_BTNFACE))
    inner = raised(m, dc, r)
    cap = (inner[0] + 1, inner[1] + 1, inner[2] - 1, inner[3] - 1)
    fill(dc, cap, _px(m, COLOR_INACTIVECAPTION))
    left = cap[0] + 2
    icon = caption_icon(m, w)
    if icon:
        from . import cursor  # noqa: PLC0415
        ic = cursor.get(m, cursor.small_icon(m, icon))
        if ic is not None:
            cursor.draw_icon_ex(dc, left, cap[1] + (cap[3] - cap[1] - 16) // 2, ic, 16, 16, 3)
            left += 19
    _caption_text(m, dc, w, (left, cap[1], cap[2] - 2, cap[3]), syscolor.get(m, COLOR_INACTIVECAPTIONTEXT))
