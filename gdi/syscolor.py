"""System colours (user32): GetSysColor, SetSysColors, GetSysColorBrush.

Defaults are the Windows 95/98 "Windows Standard" scheme. A class background brush or a FillRect brush
given as ``COLOR_x + 1`` means that system colour; ``brush_from_handle`` resolves both forms.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, INT, PTR, stdcall

from . import gdiobj
from .gdiobj import Brush

if TYPE_CHECKING:
    from emu.machine import Machine

(COLOR_SCROLLBAR, COLOR_BACKGROUND, COLOR_ACTIVECAPTION, COLOR_INACTIVECAPTION, COLOR_MENU, COLOR_WINDOW,
 COLOR_WINDOWFRAME, COLOR_MENUTEXT, COLOR_WINDOWTEXT, COLOR_CAPTIONTEXT, COLOR_ACTIVEBORDER,
 COLOR_INACTIVEBORDER, COLOR_APPWORKSPACE, COLOR_HIGHLIGHT, COLOR_HIGHLIGHTTEXT, COLOR_BTNFACE,
 COLOR_BTNSHADOW, COLOR_GRAYTEXT, COLOR_BTNTEXT, COLOR_INACTIVECAPTIONTEXT, COLOR_BTNHIGHLIGHT,
 COLOR_3DDKSHADOW, COLOR_3DLIGHT, COLOR_INFOTEXT, COLOR_INFOBK, COLOR_ALTERNATEBTNFACE, COLOR_HOTLIGHT,
 COLOR_GRADIENTACTIVECAPTION, COLOR_GRADIENTINACTIVECAPTION, COLOR_MENUHILIGHT, COLOR_MENUBAR) = range(31)
COLOR_DESKTOP = COLOR_BACKGROUND
COLOR_3DFACE = COLOR_BTNFACE
COLOR_3DSHADOW = COLOR_BTNSHADOW
COLOR_3DHIGHLIGHT = COLOR_3DHILIGHT = COLOR_BTNHILIGHT = COLOR_BTNHIGHLIGHT
NUM_COLORS = 31

# COLORREFs (0x00BBGGRR)
DEFAULTS: tuple[int, ...] = (
    0xC0C0C0,  # COLOR_SCROLLBAR
    0x808000,  # COLOR_BACKGROUND (teal desktop)
    0x800000,  # COLOR_ACTIVECAPTION (navy)
    0x808080,  # COLOR_INACTIVECAPTION
    0xC0C0C0,  # COLOR_MENU
    0xFFFFFF,  # COLOR_WINDOW
    0x000000,  # COLOR_WINDOWFRAME
    0x000000,  # COLOR_MENUTEXT
    0x000000,  # COLOR_WINDOWTEXT
    0xFFFFFF,  # COLOR_CAPTIONTEXT
    0xC0C0C0,  # COLOR_ACTIVEBORDER
    0xC0C0C0,  # COLOR_INACTIVEBORDER
    0x808080,  # COLOR_APPWORKSPACE
    0x800000,  # COLOR_HIGHLIGHT
    0xFFFFFF,  # COLOR_HIGHLIGHTTEXT
    0xC0C0C0,  # COLOR_BTNFACE
    0x808080,  # COLOR_BTNSHADOW
    0x808080,  # COLOR_GRAYTEXT
    0x000000,  # COLOR_BTNTEXT
    0xC0C0C0,  # COLOR_INACTIVECAPTIONTEXT
    0xFFFFFF,  # COLOR_BTNHIGHLIGHT
    0x000000,  # COLOR_3DDKSHADOW
    0xC0C0C0,  # COLOR_3DLIGHT
    0x000000,  # COLOR_INFOTEXT
    0xE1FFFF,  # COLOR_INFOBK (pale yellow)
    0xB5B5B5,  # 25: undocumented alternate button face
    0x800000,  # COLOR_HOTLIGHT
    0x800000,  # COLOR_GRADIENTACTIVECAPTION (flat captions: same as the caption)
    0x808080,  # COLOR_GRADIENTINACTIVECAPTION
    0x800000,  # COLOR_MENUHILIGHT
    0xC0C0C0,  # COLOR_MENUBAR
)


def _colors(m: Machine) -> list[int]:
    c = m.state.get("syscolor")
    if c is None:
        c = list(DEFAULTS)
        m.state["syscolor"] = c
    return c


def get(m: Machine, index: int) -> int:
    """System colour ``index`` as a COLORREF (0 for an unknown index)."""
    c = _colors(m)
    return c[index] if 0 <= index < len(c) else 0


def sys_brush(m: Machine, index: int) -> Brush | None:
    """The process's stock-like brush for system colour ``index`` (never deleted); None if out of range."""
    if not 0 <= index < NUM_COLORS:
        return None
    brushes: dict[int, Brush] | None = m.state.get("syscolor_brush")
    if brushes is None:
        brushes = {}
        m.state["syscolor_brush"] = brushes
    b = brushes.get(index)
    if b is None:
        b = Brush(color=get(m, index), sys_color=index)
        b.stock = True
        gdiobj.table(m).add(b)
        brushes[index] = b
    return b


def brush_from_handle(m: Machine, hbr: int) -> Brush | None:
    """A brush handle or a ``COLOR_x + 1`` value as a Brush; None for neither."""
    if 1 <= hbr <= NUM_COLORS:
        return sys_brush(m, hbr - 1)
    return gdiobj.table(m).get(hbr, Brush)


@stdcall("user32")
def GetSysColor(m: Machine, nIndex: INT) -> DWORD:
    """The COLORREF of a display element (COLOR_*); 0 for an unknown index."""
    return get(m, nIndex)


@stdcall("user32")
def GetSysColorBrush(m: Machine, nIndex: INT) -> HANDLE:
    """A cached brush of a system colour (not to be deleted); NULL for an unknown index."""
    b = sys_brush(m, nIndex)
    return b.handle if b is not None else 0


@stdcall("user32")
def SetSysColors(m: Machine, cElements: INT, lpaElements: PTR, lpaRgbValues: PTR) -> BOOL:
    """Change system colours (this process's view); system-colour brushes follow the new values."""
    if cElements < 0 or (cElements and (not lpaElements or not lpaRgbValues)):
        return 0
    idx = m.mem.unpack(f"<{cElements}i", lpaElements) if cElements else ()
    rgb = m.mem.unpack(f"<{cElements}I", lpaRgbValues) if cElements else ()
    c = _colors(m)
    brushes: dict[int, Brush] = m.state.get("syscolor_brush") or {}
    for i, v in zip(idx, rgb):
        if 0 <= i < NUM_COLORS:
            c[i] = v & 0xFFFFFF
            if i in brushes:
                brushes[i].color = c[i]
    return 1
