"""comdlg32 Font dialog: ChooseFontA/W over the installed faces."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, PTR, stdcall

from . import comctl32_common as cc
from . import dialog, gdiobj
from . import message as mm
from . import window as wm
from .comdlg32_common import (
    BM_GETCHECK, BM_SETCHECK, BN_CLICKED, BS_AUTOCHECKBOX, BS_DEFPUSHBUTTON, BS_GROUPBOX, Builder, CBN_SELCHANGE,
    CBS_DROPDOWNLIST, CBS_HASSTRINGS, CB_ADDSTRING, CB_GETCURSEL, CB_RESETCONTENT, CB_SETCURSEL,
    CDERR_DIALOGFAILURE, CDERR_INITIALIZATION, CDERR_NOHOOK, CDERR_NOTEMPLATE, CDERR_STRUCTSIZE, CFERR_NOFONTS,
    IDCANCEL, IDOK, MB_ICONEXCLAMATION, MB_OK, SS_NOPREFIX, WS_GROUP, WS_TABSTOP, WS_VSCROLL, _encode, _hooked,
    _show, chx1, chx2, cmb1, cmb2, cmb3, cmb4, get_text, grp1, grp2, pshHelp, send_str, set_error, stc1, stc2, stc3,
    stc4, stc5,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


# ---- Font -----------------------------------------------------------------------------------------------------
CF_SCREENFONTS, CF_PRINTERFONTS, CF_SHOWHELP, CF_ENABLEHOOK, CF_ENABLETEMPLATE = 0x1, 0x2, 0x4, 0x8, 0x10
CF_ENABLETEMPLATEHANDLE, CF_INITTOLOGFONTSTRUCT, CF_USESTYLE, CF_EFFECTS, CF_APPLY = 0x20, 0x40, 0x80, 0x100, 0x200
CF_ANSIONLY, CF_NOVECTORFONTS, CF_NOSIMULATIONS, CF_LIMITSIZE, CF_FIXEDPITCHONLY = 0x400, 0x800, 0x1000, 0x2000, 0x4000
CF_FORCEFONTEXIST, CF_SCALABLEONLY, CF_TTONLY, CF_NOFACESEL = 0x10000, 0x20000, 0x40000, 0x80000
CF_NOSTYLESEL, CF_NOSIZESEL = 0x100000, 0x200000
BOLD_FONTTYPE, ITALIC_FONTTYPE, REGULAR_FONTTYPE, SCREEN_FONTTYPE, SIMULATED_FONTTYPE = 0x100, 0x200, 0x400, 0x2000, \
    0x8000
CBS_SIMPLE, CBS_AUTOHSCROLL, CBS_SORT, CBS_DISABLENOSCROLL = 0x1, 0x40, 0x100, 0x800
CB_FINDSTRINGEXACT, CB_GETCOUNT, CB_GETLBTEXT = 0x158, 0x146, 0x148
CBN_EDITCHANGE = 5
TT_SIZES = (8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 24, 26, 28, 36, 48, 72)
STYLES = (("Regular", False, False), ("Italic", False, True), ("Bold", True, False), ("Bold Italic", True, True))
COLORS = (("Black", 0x000000), ("Maroon", 0x000080), ("Green", 0x008000), ("Olive", 0x008080),
          ("Navy", 0x800000), ("Purple", 0x800080), ("Teal", 0x808000), ("Gray", 0x808080),
          ("Silver", 0xC0C0C0), ("Red", 0x0000FF), ("Lime", 0x00FF00), ("Yellow", 0x00FFFF),
          ("Blue", 0xFF0000), ("Fuchsia", 0xFF00FF), ("Aqua", 0xFFFF00), ("White", 0xFFFFFF))


def _font_faces(m: "Machine", flags: int) -> list[object]:
    from . import font as fontmod  # noqa: PLC0415
    out = []
    for fam in fontmod.families().values():
        if flags & (CF_TTONLY | CF_SCALABLEONLY) and not fam.truetype:
            continue
        if flags & CF_FIXEDPITCHONLY and fam.pitch_family & 3 != 1:
            continue
        if flags & CF_ANSIONLY and fam.charset != 0:
            continue
        out.append(fam)
    return sorted(out, key=lambda f: f.name.lower())  # type: ignore[attr-defined]


def _sizes(fam: object, flags: int, lo: int, hi: int) -> list[int]:
    strikes = getattr(fam, "strikes", [])
    sizes = sorted({s.point_size for s in strikes}) if strikes and not getattr(fam, "truetype", False) \
        else list(TT_SIZES)
    if flags & CF_LIMITSIZE:
        sizes = [s for s in sizes if lo <= s <= hi]
    return sizes


def _choose_font(m: "Machine", p: int, unicode: bool) -> int:
    set_error(m, 0)
    if not p or m.mem.u32(p) != 60:
        set_error(m, CDERR_STRUCTSIZE)
        return 0
    (_size, howner, _hdc, plf, _pt, flags, color, _cust, hook, _templ, _hinst, pstyle, _ftype, _pad, smin,
     smax) = m.mem.unpack("<12IHHii", p)
    if flags & (CF_ENABLETEMPLATE | CF_ENABLETEMPLATEHANDLE):
        m.log("comdlg32: a Font dialog template is not supported")
        set_error(m, CDERR_NOTEMPLATE)
        return 0
    if flags & CF_ENABLEHOOK and not hook:
        set_error(m, CDERR_NOHOOK)
        return 0
    if not plf:
        set_error(m, CDERR_INITIALIZATION)
        return 0
    faces = _font_faces(m, flags)
    if not faces:
        set_error(m, CFERR_NOFONTS)
        return 0
    from .text import pack_logfont, read_logfont  # noqa: PLC0415
    init = read_logfont(m, plf, unicode) if flags & CF_INITTOLOGFONTSTRUCT else None
    names = [f.name for f in faces]  # type: ignore[attr-defined]
    face = names[0]
    if init is not None and init.face:
        face = next((n for n in names if n.lower() == init.face.lower()), init.face)
    elif "MS Sans Serif" in names:
        face = "MS Sans Serif"
    size = round(abs(init.height) * 72 / 96) if init is not None and init.height else 10
    bold = bool(init is not None and init.weight >= 600)
    italic = bool(init is not None and init.italic)
    b = Builder(m, unicode)
    sample: dict[str, int] = {"font": 0}
    result: dict[str, object] = {}

    def combo_text(w: "Window", cid: int) -> str:
        return get_text(m, wm.child_by_id(w, cid))

    def fam_of(name: str) -> object | None:
        return next((f for f in faces if f.name.lower() == name.lower()), None)  # type: ignore[attr-defined]

    def fill_sizes(w: "Window") -> None:
        c = wm.child_by_id(w, cmb3)
        if c is None:
            return
        keep = combo_text(w, cmb3)
        mm.send(m, c, CB_RESETCONTENT, 0, 0)
        fam = fam_of(combo_text(w, cmb1))
        for s in _sizes(fam, flags, smin, smax) if fam is not None else []:
            send_str(m, c, CB_ADDSTRING, 0, str(s))
        i = cc.s32(send_str(m, c, CB_FINDSTRINGEXACT, 0xFFFFFFFF, keep))
        if i >= 0:
            mm.send(m, c, CB_SETCURSEL, i, 0)
        else:
            wm.set_text(m, c, keep)

    def current(w: "Window") -> tuple[str, int, bool, bool, bool, bool, int] | None:
        name = combo_text(w, cmb1)
        try:
            pts = int(combo_text(w, cmb3).strip() or "0")
        except ValueError:
            pts = 0
        style = combo_text(w, cmb2).lower()
        is_b, is_i = "bold" in style, "italic" in style
        ul = st = False
        col = color & 0xFFFFFF
        if flags & CF_EFFECTS:
            for cid in (chx1, chx2):
                c = wm.child_by_id(w, cid)
                on = bool(c is not None and mm.send(m, c, BM_GETCHECK, 0, 0))
                if cid == chx1:
                    st = on
                else:
                    ul = on
            cb = wm.child_by_id(w, cmb4)
            if cb is not None:
                k = cc.s32(mm.send(m, cb, CB_GETCURSEL, 0, 0))
                if 0 <= k < len(COLORS):
                    col = COLORS[k][1]
        return name, pts, is_b, is_i, ul, st, col

    def logfont(name: str, pts: int, is_b: bool, is_i: bool, ul: bool, st: bool) -> gdiobj.Font:
        fam = fam_of(name)
        return gdiobj.Font(height=-((pts * 96 + 36) // 72), weight=700 if is_b else 400, italic=is_i, underline=ul,
                           strikeout=st, charset=getattr(fam, "charset", 0),
                           pitch_family=getattr(fam, "pitch_family", 0), face=getattr(fam, "name", name))

    def update_sample(w: "Window") -> None:
        c = wm.child_by_id(w, stc5)
        cur = current(w)
        if c is None or cur is None or cur[1] <= 0:
            return
        f = logfont(*cur[:6])
        gdiobj.table(m).add(f)
        mm.send(m, c, mm.WM_SETFONT, f.handle, 1)
        if sample["font"]:
            gdiobj.table(m).delete(sample["font"])
        sample["font"] = f.handle
        wm.invalidate(m, c, None, True)

    def proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int) -> int | None:
        if msg == mm.WM_INITDIALOG:
            return 1
        if msg == mm.WM_CTLCOLORSTATIC:
            c = wm.get(m, lp)
            cur = current(w)
            if c is not None and c.id == stc5 and cur is not None:
                from . import syscolor  # noqa: PLC0415
                from .dc import get_dc  # noqa: PLC0415
                dc = get_dc(m, wp)
                if dc is not None:
                    dc.text_color = cur[6]
                    dc.bk_color = syscolor.get(m, syscolor.COLOR_BTNFACE)
                return syscolor.GetSysColorBrush(m, syscolor.COLOR_BTNFACE)
            return None
        if msg == mm.WM_COMMAND:
            cid, code = wp & 0xFFFF, (wp >> 16) & 0xFFFF
            if cid == IDOK:
                cur = current(w)
                assert cur is not None
                name, pts = cur[0], cur[1]
                if fam_of(name) is None and flags & CF_FORCEFONTEXIST:
                    from .msgbox import message_box  # noqa: PLC0415
                    message_box(m, w.hwnd, "There is no font with that name.\nChoose a font from the list of fonts.",
                                "Font", MB_OK | MB_ICONEXCLAMATION, unicode)
                    return 1
                if pts <= 0 or (flags & CF_LIMITSIZE and not smin <= pts <= smax):
                    from .msgbox import message_box  # noqa: PLC0415
                    text = "Size must be a number." if pts <= 0 else f"Size must be between {smin} and {smax} points."
                    message_box(m, w.hwnd, text, "Font", MB_OK | MB_ICONEXCLAMATION, unicode)
                    return 1
                result["cur"] = cur
                dialog.EndDialog(m, w.hwnd, IDOK)
                return 1
            if cid == IDCANCEL:
                dialog.EndDialog(m, w.hwnd, IDCANCEL)
                return 1
            if cid == cmb1 and code in (CBN_SELCHANGE, CBN_EDITCHANGE):
                fill_sizes(w)
                update_sample(w)
                return 1
            if cid in (cmb2, cmb3, cmb4) and code in (CBN_SELCHANGE, CBN_EDITCHANGE) or \
                    cid in (chx1, chx2) and code == BN_CLICKED:
                update_sample(w)
                return 1
            return None
        return None

    w = b.dialog("Font", 264, 154, howner,
                 _hooked(proc, hook if flags & CF_ENABLEHOOK else 0, p))
    if w is None:
        set_error(m, CDERR_DIALOGFAILURE)
        return 0
    simple = CBS_SIMPLE | CBS_HASSTRINGS | CBS_AUTOHSCROLL | CBS_DISABLENOSCROLL | WS_VSCROLL | WS_TABSTOP
    b.control("Static", "&Font:", 0, 7, 7, 98, 9, stc1)
    fc = b.control("ComboBox", "", simple | CBS_SORT | WS_GROUP, 7, 16, 98, 76, cmb1)
    b.control("Static", "Font st&yle:", 0, 110, 7, 74, 9, stc2)
    sc = b.control("ComboBox", "", simple | WS_GROUP, 110, 16, 74, 76, cmb2)
    b.control("Static", "&Size:", 0, 189, 7, 30, 9, stc3)
    zc = b.control("ComboBox", "", simple | WS_GROUP, 189, 16, 30, 76, cmb3)
    b.control("Button", "OK", BS_DEFPUSHBUTTON | WS_GROUP | WS_TABSTOP, 226, 16, 32, 14, IDOK)
    b.control("Button", "Cancel", WS_GROUP | WS_TABSTOP, 226, 32, 32, 14, IDCANCEL)
    if flags & CF_SHOWHELP:
        b.control("Button", "&Help", WS_GROUP | WS_TABSTOP, 226, 48, 32, 14, pshHelp)
    if flags & CF_EFFECTS:
        b.control("Button", "Effects", BS_GROUPBOX | WS_GROUP, 7, 97, 98, 52, grp1)
        so = b.control("Button", "Stri&keout", BS_AUTOCHECKBOX | WS_TABSTOP, 13, 108, 80, 10, chx1)
        un = b.control("Button", "&Underline", BS_AUTOCHECKBOX | WS_TABSTOP, 13, 120, 80, 10, chx2)
        b.control("Static", "&Color:", 0, 13, 134, 30, 9, stc4)
        cb = b.control("ComboBox", "", CBS_DROPDOWNLIST | CBS_HASSTRINGS | WS_VSCROLL | WS_TABSTOP, 40, 132, 58, 100,
                       cmb4)
        if init is not None and so is not None and init.strikeout:
            mm.send(m, so, BM_SETCHECK, 1, 0)
        if init is not None and un is not None and init.underline:
            mm.send(m, un, BM_SETCHECK, 1, 0)
        if cb is not None:
            for cname, _ref in COLORS:
                send_str(m, cb, CB_ADDSTRING, 0, cname)
            k = next((i for i, (_n, ref) in enumerate(COLORS) if ref == color & 0xFFFFFF), 0)
            mm.send(m, cb, CB_SETCURSEL, k, 0)
    b.control("Button", "Sample", BS_GROUPBOX | WS_GROUP, 110, 97, 148, 52, grp2)
    b.control("Static", "AaBbYyZz", 0x1 | 0x200 | SS_NOPREFIX, 116, 107, 136, 36, stc5)  # SS_CENTER|SS_CENTERIMAGE
    if fc is not None:
        for n in names:
            send_str(m, fc, CB_ADDSTRING, 0, n)
        i = cc.s32(send_str(m, fc, CB_FINDSTRINGEXACT, 0xFFFFFFFF, face))
        if i >= 0:
            mm.send(m, fc, CB_SETCURSEL, i, 0)
        else:
            wm.set_text(m, fc, face)
    if sc is not None:
        for sname, _b, _i in STYLES:
            send_str(m, sc, CB_ADDSTRING, 0, sname)
        mm.send(m, sc, CB_SETCURSEL, (2 if bold else 0) + (1 if italic else 0), 0)
    if zc is not None:
        wm.set_text(m, zc, str(size))
        fill_sizes(w)
    for cid, bit in ((cmb1, CF_NOFACESEL), (cmb2, CF_NOSTYLESEL), (cmb3, CF_NOSIZESEL)):
        c = wm.child_by_id(w, cid)
        if c is not None and flags & bit:
            wm.set_text(m, c, "")
    update_sample(w)
    r = mm.send(m, w, mm.WM_INITDIALOG, fc.hwnd if fc is not None else 0, p)
    if w.destroyed:
        return 0
    _show(m, w, fc if r else None)
    owner = wm.get(m, howner) if howner else None
    res = dialog.run_modal(m, w, owner, unicode)
    if sample["font"]:
        gdiobj.table(m).delete(sample["font"])
    cur = result.get("cur")
    if res != IDOK or not isinstance(cur, tuple):
        return 0
    name, pts, is_b, is_i, ul, st, col = cur
    f = logfont(name, pts, is_b, is_i, ul, st)
    m.mem.write(plf, pack_logfont(m, f, unicode))
    fam = fam_of(name)
    ftype = SCREEN_FONTTYPE | (BOLD_FONTTYPE if is_b else 0) | (ITALIC_FONTTYPE if is_i else 0) \
        | (REGULAR_FONTTYPE if not is_b and not is_i else 0)
    if fam is not None and not getattr(fam, "truetype", False) and (is_b or is_i):
        ftype |= SIMULATED_FONTTYPE
    m.mem.pack("<i", p + 16, pts * 10)
    if flags & CF_EFFECTS:
        m.mem.w32(p + 24, col)
    m.mem.pack("<H", p + 48, ftype)
    if flags & CF_USESTYLE and pstyle:
        sname = next(s for s, bb, ii in STYLES if bb == is_b and ii == is_i)
        m.mem.write(pstyle, _encode(m, sname, unicode))
    return 1


@stdcall("comdlg32")
def ChooseFontA(m: "Machine", lpcf: PTR) -> BOOL:
    """The Font dialog; TRUE with the chosen font in CHOOSEFONTA.lpLogFont (and size, colour, type)."""
    return _choose_font(m, lpcf, False)


@stdcall("comdlg32")
def ChooseFontW(m: "Machine", lpcf: PTR) -> BOOL:
    """The Font dialog; TRUE with the chosen font in CHOOSEFONTW.lpLogFont (and size, colour, type)."""
    return _choose_font(m, lpcf, True)
