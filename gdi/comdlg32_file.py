"""comdlg32 file dialogs: GetOpenFileNameA/W, GetSaveFileNameA/W (explorer layout, hooks, templates, CDM_*
messages), GetFileTitleA/W.
"""
from __future__ import annotations

import os
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, LPCSTR, LPCWSTR, PTR, stdcall
from emu.kernel32.findvol import _match as wildcard_match
from emu.sandbox import PathError

from . import comctl32_common as cc
from . import comctl32_imagelist as iml
from . import comctl32_listview as lvmod
from . import dialog
from . import message as mm
from . import window as wm
from .comdlg32_common import (
    BM_GETCHECK, BM_SETCHECK, BS_AUTOCHECKBOX, BS_DEFPUSHBUTTON, Builder, CBN_CLOSEUP, CBN_SELCHANGE,
    CBS_DROPDOWNLIST, CBS_HASSTRINGS, CB_ADDSTRING, CB_GETCURSEL, CB_RESETCONTENT, CB_SETCURSEL,
    CDERR_DIALOGFAILURE, CDERR_FINDRESFAILURE, CDERR_INITIALIZATION, CDERR_NOHOOK, CDERR_NOTEMPLATE,
    CDERR_STRUCTSIZE, CDM_FIRST, CDM_GETFILEPATH, CDM_GETFOLDERPATH, CDM_GETSPEC, CDM_HIDECONTROL,
    CDM_SETCONTROLTEXT, CDM_SETDEFEXT, CDN_FILEOK, CDN_FOLDERCHANGE, CDN_INITDONE, CDN_SELCHANGE, CDN_TYPECHANGE,
    ES_AUTOHSCROLL, FNERR_BUFFERTOOSMALL, IDCANCEL, IDOK, IDYES, MB_ICONEXCLAMATION, MB_ICONWARNING, MB_OK,
    MB_YESNO, OFN_ALLOWMULTISELECT, OFN_CREATEPROMPT, OFN_ENABLEHOOK, OFN_ENABLETEMPLATE, OFN_ENABLETEMPLATEHANDLE,
    OFN_EXPLORER, OFN_EXTENSIONDIFFERENT, OFN_FILEMUSTEXIST, OFN_FORCESHOWHIDDEN, OFN_HIDEREADONLY, OFN_NOCHANGEDIR,
    OFN_OVERWRITEPROMPT, OFN_READONLY, WS_GROUP, WS_TABSTOP, WS_VISIBLE, WS_VSCROLL, _encode, _show, _str,
    _strings_zz, _units, chx1, cmb1, cmb2, edt1, get_text, lst1, pshHelp, send_str, set_error, stc2, stc3, stc4,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


# ---- file dialogs --------------------------------------------------------------------------------------------
OFN_SIZE_OLD, OFN_SIZE = 76, 88


@dataclass
class Entry:
    name: str
    is_dir: bool


@dataclass
class FileDlg:
    """State of one Open / Save As dialog."""
    ofn: int
    unicode: bool
    save: bool
    flags: int
    filters: list[tuple[str, str]]
    filter_index: int
    folder: str
    def_ext: str
    title: str
    pattern: str | None = None  # a typed wildcard pattern replacing the filter's
    entries: list[Entry] = field(default_factory=list)
    w: "Window | None" = None
    child: "Window | None" = None
    hook: int = 0
    result: list[str] | None = None
    read_only: bool = False
    edit: "Window | None" = None
    listw: "Window | None" = None
    types: "Window | None" = None
    folders: "Window | None" = None
    folder_paths: list[str] = field(default_factory=list)
    last_sel: str = ""
    o: dict[str, int] = field(default_factory=dict)
    details: bool = False


def _ofn_read(m: "Machine", p: int) -> dict[str, int]:
    keys = ("size", "owner", "hinst", "filter", "custom", "ncustom", "findex", "file", "nfile", "title_buf",
            "ntitle", "initdir", "title", "flags")
    vals = m.mem.unpack("<14I", p)
    d = dict(zip(keys, vals))
    d["offset"], d["extension"] = m.mem.unpack("<HH", p + 56)
    d["defext"], d["custdata"], d["hook"], d["template"] = m.mem.unpack("<4I", p + 60)
    return d


def _patterns(dlg: FileDlg) -> list[str]:
    if dlg.pattern:
        return [dlg.pattern]
    if 0 <= dlg.filter_index < len(dlg.filters):
        return [s.strip() for s in dlg.filters[dlg.filter_index][1].split(";") if s.strip()]
    return ["*.*"]


def _list_folder(m: "Machine", dlg: FileDlg) -> list[Entry]:
    try:
        hp = m.fs.host_path(dlg.folder)
        names = os.listdir(hp)
    except (PathError, OSError):
        return []
    pats = _patterns(dlg)
    dirs, files = [], []
    for n in names:
        if n.startswith(".") and not dlg.flags & OFN_FORCESHOWHIDDEN:
            continue
        full = os.path.join(hp, n)
        if os.path.isdir(full):
            dirs.append(Entry(n, True))
        elif any(wildcard_match(p, n) for p in pats):
            files.append(Entry(n, False))
    key: Callable[[Entry], str] = lambda e: e.name.lower()  # noqa: E731
    return sorted(dirs, key=key) + sorted(files, key=key)


def _icons(m: "Machine") -> int:
    """A 16x16 image list with a folder (0) and a document (1), drawn like the Windows 95 ones."""
    h = m.state.get("commdlg_icons")
    if h is not None and iml.get(m, h) is not None:
        return h
    il = iml.create(m, 16, 16, iml.ILC_MASK | iml.ILC_COLOR32)
    assert il is not None
    K, Y, D, W, G = 0x000000, 0xFFFF00, 0x808000, 0xFFFFFF, 0x808080
    folder = np.zeros((16, 16), np.uint32)
    fm = np.ones((16, 16), bool)
    folder[3:5, 1:7] = D  # tab
    folder[4:14, 0:15] = D
    folder[5:13, 1:14] = Y
    folder[5, 1:7] = W
    fm[3:5, 1:7] = False
    fm[4:14, 0:15] = False
    doc = np.zeros((16, 16), np.uint32)
    dm = np.ones((16, 16), bool)
    doc[1:15, 2:13] = K
    doc[2:14, 3:12] = W
    doc[1:5, 9:13] = W  # folded corner
    doc[1, 9:13] = 0
    doc[1:5, 9] = K
    doc[4, 9:13] = K
    for i in range(4):
        doc[1 + i, 9 + i] = K
        doc[1 + i, 10 + i:13] = 0
    doc[6:13:2, 4:10] = G
    dm[1:15, 2:13] = False
    for i in range(4):
        dm[1 + i, 10 + i:13] = True
    iml.add(il, [folder, doc], [fm, dm])
    m.state["commdlg_icons"] = il.handle
    return il.handle


TB_UPFOLDER, TB_LIST, TB_DETAILS = 0xA001, 0xA003, 0xA004
BS_OWNERDRAW = 0xB
ODS_SELECTED, ODS_FOCUS = 0x1, 0x10


def _glyph(kind: int) -> tuple[np.ndarray, np.ndarray]:
    """16x16 toolbar pictures (pixels, opaque mask): the folder with an up arrow, list and details views."""
    K, Y, D, W = 0x000000, 0xFFFF00, 0x808000, 0xFFFFFF
    px = np.zeros((16, 16), np.uint32)
    on = np.zeros((16, 16), bool)
    if kind == TB_UPFOLDER:
        px[5:7, 0:6] = D
        px[6:15, 0:13] = D
        px[7:14, 1:12] = Y
        px[7, 1:6] = W
        on[5:7, 0:6] = True
        on[6:15, 0:13] = True
        for i in range(4):  # arrow head pointing up, then the stem turning left
            px[1 + i, 10 - i:11 + i] = K
            on[1 + i, 10 - i:11 + i] = True
        px[5:11, 10] = K
        px[10, 5:11] = K
        on[5:11, 10] = True
        on[10, 5:11] = True
    else:
        for r in range(4):
            y = 2 + 3 * r
            if kind == TB_LIST:
                for x in (1, 9):
                    px[y:y + 2, x:x + 2] = 0x000080
                    px[y:y + 2, x + 3:x + 7] = K
                    on[y:y + 2, x:x + 2] = True
                    on[y:y + 2, x + 3:x + 7] = True
            else:
                px[y:y + 2, 1:3] = 0x000080
                px[y:y + 2, 4:15] = K
                on[y:y + 2, 1:3] = True
                on[y:y + 2, 4:15] = True
    return px, on


def _draw_tool(m: "Machine", lp: int, active: bool) -> None:
    """WM_DRAWITEM of a toolbar button: a push button face with its picture (sunken when down or active)."""
    from . import bitmap, draw  # noqa: PLC0415
    from .dc import get_dc  # noqa: PLC0415
    _t, cid, _item, _act, state, _h, hdc, l, t, r, b = m.mem.unpack("<IIIIIII4i", lp)
    dc = get_dc(m, hdc)
    if dc is None:
        return
    pushed = bool(state & ODS_SELECTED) or active
    draw.draw_frame_control(dc, (l, t, r, b), draw.DFC_BUTTON,
                            draw.DFCS_BUTTONPUSH | (draw.DFCS_PUSHED if pushed else 0))
    px, on = _glyph(cid)
    x = l + (r - l - 16) // 2 + (1 if pushed else 0)
    y = t + (b - t - 16) // 2 + (1 if pushed else 0)
    dx, dy = dc.lp(x, y)
    bitmap.blit(dc, dx, dy, 16, 16, bitmap.BlitSource(px), 0, 0, 16, 16, 0xCC, mask=on, back=0xAA)


def _size_text(n: int) -> str:
    return f"{max(1, (n + 1023) // 1024):,}KB"


def _type_text(e: Entry) -> str:
    if e.is_dir:
        return "File Folder"
    ext = e.name.rsplit(".", 1)[1].upper() if "." in e.name else ""
    return {"TXT": "Text Document", "EXE": "Application", "BMP": "Bitmap Image", "INI": "Configuration Settings",
            "DLL": "Application Extension"}.get(ext, f"{ext} File" if ext else "File")


def _details(m: "Machine", dlg: FileDlg, e: Entry) -> tuple[str, str, str]:
    """Size, type and modification time of an entry for the details view."""
    import time  # noqa: PLC0415
    try:
        st = os.stat(os.path.join(m.fs.host_path(dlg.folder), e.name))
    except (PathError, OSError):
        return "", _type_text(e), ""
    t = time.localtime(st.st_mtime)
    when = f"{t.tm_mon}/{t.tm_mday}/{t.tm_year % 100:02d} {(t.tm_hour % 12) or 12}:{t.tm_min:02d} " \
        + ("PM" if t.tm_hour >= 12 else "AM")
    return ("" if e.is_dir else _size_text(st.st_size)), _type_text(e), when


def _set_view(m: "Machine", dlg: FileDlg, details: bool) -> None:
    lw = dlg.listw
    if lw is None or dlg.details == details:
        return
    dlg.details = details
    style = (lw.style & ~lvmod.LVS_TYPEMASK) | (lvmod.LVS_REPORT if details else lvmod.LVS_LIST)
    wm.set_long(m, lw, wm.GWL_STYLE, style, True)
    _fill_list(m, dlg)
    for cid in (TB_LIST, TB_DETAILS):
        c = wm.child_by_id(dlg.w, cid) if dlg.w is not None else None
        if c is not None:
            wm.invalidate(m, c, None, True)


def _fill_list(m: "Machine", dlg: FileDlg) -> None:
    lw = dlg.listw
    dlg.entries = _list_folder(m, dlg)
    if lw is None:
        return
    mm.send(m, lw, lvmod.LVM_DELETEALLITEMS, 0, 0)
    for i, e in enumerate(dlg.entries):
        name = e.name.encode("utf-16-le") + b"\0\0"
        p = wm._tmp(m, name)
        try:
            item = wm._tmp(m, struct.pack("<IiiIIIiiIi", lvmod.LVIF_TEXT | lvmod.LVIF_IMAGE | lvmod.LVIF_PARAM,
                                          i, 0, 0, 0, p, 0, 0 if e.is_dir else 1, i, 0))
            try:
                at = mm.send(m, lw, lvmod.LVM_INSERTITEMW, 0, item)
                if dlg.details:
                    for sub, text in enumerate(_details(m, dlg, e), 1):
                        sp = wm._tmp(m, text.encode("utf-16-le") + b"\0\0")
                        m.mem.pack("<Ii8xI", item + 4, at, sub, sp)
                        mm.send(m, lw, lvmod.LVM_SETITEMTEXTW, at, item)
                        wm._free_tmp(m, sp)
            finally:
                wm._free_tmp(m, item)
        finally:
            wm._free_tmp(m, p)


def _drive_label(letter: str) -> str:
    return f"({letter}:)"


def _fill_folders(m: "Machine", dlg: FileDlg) -> None:
    """The "Look in" box: every drive, with the current folder's path expanded under its drive."""
    cb = dlg.folders
    if cb is None:
        return
    mm.send(m, cb, CB_RESETCONTENT, 0, 0)
    dlg.folder_paths = []
    cur = dlg.folder.rstrip("\\")
    parts = cur[3:].split("\\") if len(cur) > 2 else []
    sel = 0
    for letter in sorted(m.fs.drives):
        root = f"{letter}:\\"
        dlg.folder_paths.append(root)
        send_str(m, cb, CB_ADDSTRING, 0, _drive_label(letter))
        if letter == cur[0].upper():
            sel = len(dlg.folder_paths) - 1
            path = root
            for depth, comp in enumerate(p for p in parts if p):
                path = path.rstrip("\\") + "\\" + comp
                dlg.folder_paths.append(path)
                send_str(m, cb, CB_ADDSTRING, 0, "  " * (depth + 1) + comp)
                sel = len(dlg.folder_paths) - 1
    mm.send(m, cb, CB_SETCURSEL, sel, 0)


def _notify_hook(m: "Machine", dlg: FileDlg, code: int, file: str = "") -> int:
    """WM_NOTIFY (OFNOTIFY) to the explorer hook's child dialog; returns its DWL_MSGRESULT answer."""
    child = dlg.child
    if child is None or child.destroyed or dlg.w is None:
        return 0
    pf = wm._tmp(m, _encode(m, file, dlg.unicode)) if file else 0
    nm = wm._tmp(m, struct.pack("<IIiII", dlg.w.hwnd, 0, code, dlg.ofn, pf))
    try:
        return mm.send(m, child, mm.WM_NOTIFY, 0, nm)
    finally:
        wm._free_tmp(m, nm)
        if pf:
            wm._free_tmp(m, pf)


def _navigate(m: "Machine", dlg: FileDlg, folder: str) -> None:
    dlg.folder = folder if folder.endswith("\\") else folder + "\\"
    _fill_list(m, dlg)
    _fill_folders(m, dlg)
    _notify_hook(m, dlg, CDN_FOLDERCHANGE)


def _up(m: "Machine", dlg: FileDlg) -> None:
    """Up One Level: the parent folder (nothing above a drive's root)."""
    cur = dlg.folder.rstrip("\\")
    if len(cur) > 2:
        _navigate(m, dlg, cur.rsplit("\\", 1)[0] + "\\")


def _selected(m: "Machine", dlg: FileDlg) -> list[Entry]:
    lw = dlg.listw
    if lw is None or not isinstance(lw.data, lvmod.LV):
        return []
    lv = lw.data
    return [dlg.entries[it.param] for it in lv.items if it.state & lvmod.LVIS_SELECTED
            and it.param < len(dlg.entries)]


def _msg(m: "Machine", dlg: FileDlg, text: str, kind: int) -> int:
    from .msgbox import message_box  # noqa: PLC0415
    return message_box(m, dlg.w.hwnd if dlg.w is not None else 0, text, dlg.title, kind, dlg.unicode)


def _split_names(text: str) -> list[str]:
    """The names typed in the File name box: one name, or several "quoted" ones."""
    text = text.strip()
    if '"' not in text:
        return [text] if text else []
    out, cur, inq = [], "", False
    for ch in text:
        if ch == '"':
            if inq and cur:
                out.append(cur)
            cur, inq = "", not inq
        elif inq:
            cur += ch
    return out


def _full(m: "Machine", dlg: FileDlg, name: str) -> str | None:
    try:
        if len(name) > 1 and name[1] == ":" or name.startswith("\\"):
            return m.fs.normalize(name)
        return m.fs.normalize(dlg.folder.rstrip("\\") + "\\" + name)
    except PathError:
        return None


def _host_isdir(m: "Machine", guest: str) -> bool:
    try:
        return os.path.isdir(m.fs.host_path(guest))
    except PathError:
        return False


def _host_exists(m: "Machine", guest: str) -> bool:
    try:
        return os.path.lexists(m.fs.host_path(guest))
    except PathError:
        return False


def _with_ext(dlg: FileDlg, path: str) -> str:
    base = path.rsplit("\\", 1)[-1]
    if dlg.def_ext and "." not in base:
        return path + "." + dlg.def_ext.lstrip(".")
    return path


def _accept(m: "Machine", dlg: FileDlg) -> None:
    """OK / Enter: open a folder, apply a typed pattern, or check and return the chosen file(s)."""
    text = get_text(m, dlg.edit)
    sel = _selected(m, dlg)
    if not text.strip():
        if len(sel) == 1 and sel[0].is_dir:
            _navigate(m, dlg, _full(m, dlg, sel[0].name) or dlg.folder)
        return
    names = _split_names(text)
    if len(names) == 1 and any(c in names[0] for c in "*?"):
        d, _, pat = names[0].rpartition("\\")
        if d:
            full = _full(m, dlg, d)
            if full is None or not _host_isdir(m, full):
                _msg(m, dlg, f"{names[0]}\nPath does not exist.\nPlease verify the correct path was given.",
                     MB_OK | MB_ICONEXCLAMATION)
                return
            dlg.folder = full.rstrip("\\") + "\\"
        dlg.pattern = pat
        _navigate(m, dlg, dlg.folder)
        return
    if len(names) == 1:
        full = _full(m, dlg, names[0])
        if full is not None and _host_isdir(m, full):
            _navigate(m, dlg, full)
            if dlg.edit is not None:
                wm.set_text(m, dlg.edit, "")
            return
    if len(names) > 1 and not dlg.flags & OFN_ALLOWMULTISELECT:
        names = [text.strip()]
    paths: list[str] = []
    for n in names:
        full = _full(m, dlg, n)
        if full is None or any(c in n for c in '<>|"'):
            _msg(m, dlg, f"{n}\nThe filename is not valid.", MB_OK | MB_ICONEXCLAMATION)
            return
        parent = full.rsplit("\\", 1)[0] + "\\"
        if not _host_isdir(m, parent):
            _msg(m, dlg, f"{n}\nPath does not exist.\nPlease verify the correct path was given.",
                 MB_OK | MB_ICONEXCLAMATION)
            return
        if not _host_exists(m, full):
            full = _with_ext(dlg, full)
        paths.append(full)
    for full in paths:
        exists = _host_exists(m, full)
        base = full.rsplit("\\", 1)[-1]
        if dlg.flags & OFN_FILEMUSTEXIST and not exists:
            _msg(m, dlg, f"{base}\nFile not found.\nPlease verify the correct file name was given.",
                 MB_OK | MB_ICONEXCLAMATION)
            return
        if dlg.save and exists and dlg.flags & OFN_OVERWRITEPROMPT and \
                _msg(m, dlg, f"{full} already exists.\nDo you want to replace it?", MB_YESNO | MB_ICONWARNING) != IDYES:
            return
        if not exists and dlg.flags & OFN_CREATEPROMPT and \
                _msg(m, dlg, f"{full}\nThis file does not exist.\nDo you want to create it?",
                     MB_YESNO | MB_ICONEXCLAMATION) != IDYES:
            return
    if dlg.child is not None:  # the hook sees the result in the OPENFILENAME, as on Windows
        dlg.result = paths
        _write_result(m, dlg, dlg.o, final=False)
        dlg.result = None
    if _notify_hook(m, dlg, CDN_FILEOK, paths[0] if paths else ""):
        return
    _on_readonly_check(m, dlg)
    dlg.result = paths
    if dlg.w is not None:
        dialog.EndDialog(m, dlg.w.hwnd, IDOK)


def _file_proc(dlg: FileDlg) -> Callable[..., int | None]:
    def proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int) -> int | None:
        if msg == mm.WM_INITDIALOG:
            return 1
        if msg == mm.WM_COMMAND:
            cid, code = wp & 0xFFFF, (wp >> 16) & 0xFFFF
            if cid == IDOK:
                focus = wm.state(m).focus
                sel = _selected(m, dlg)
                if focus is dlg.listw and len(sel) == 1 and sel[0].is_dir:
                    _navigate(m, dlg, _full(m, dlg, sel[0].name) or dlg.folder)
                    return 1
                _accept(m, dlg)
                return 1
            if cid == IDCANCEL:
                dialog.EndDialog(m, w.hwnd, IDCANCEL)
                return 1
            if cid == TB_UPFOLDER:
                _up(m, dlg)
                return 1
            if cid in (TB_LIST, TB_DETAILS):
                _set_view(m, dlg, cid == TB_DETAILS)
                return 1
            if cid == cmb1 and code == CBN_SELCHANGE and dlg.types is not None:
                i = mm.send(m, dlg.types, CB_GETCURSEL, 0, 0)
                if 0 <= cc.s32(i) < len(dlg.filters):
                    dlg.filter_index = cc.s32(i)
                    dlg.pattern = None
                    _fill_list(m, dlg)
                    _notify_hook(m, dlg, CDN_TYPECHANGE)
                return 1
            if cid == cmb2 and code in (CBN_SELCHANGE, CBN_CLOSEUP) and dlg.folders is not None:
                i = cc.s32(mm.send(m, dlg.folders, CB_GETCURSEL, 0, 0))
                if 0 <= i < len(dlg.folder_paths) and dlg.folder_paths[i] != dlg.folder:
                    _navigate(m, dlg, dlg.folder_paths[i])
                return 1
            return None
        if msg == mm.WM_DRAWITEM and lp and wp in (TB_UPFOLDER, TB_LIST, TB_DETAILS):
            _draw_tool(m, lp, wp == (TB_DETAILS if dlg.details else TB_LIST))
            return 1
        if msg == mm.WM_NOTIFY and lp:
            hwnd_from, _id, code = m.mem.unpack("<IIi", lp)
            if dlg.listw is None or hwnd_from != dlg.listw.hwnd:
                return None
            if code == lvmod.LVN_KEYDOWN and m.mem.u16(lp + 12) == 0x08:  # Backspace: up one level
                _up(m, dlg)
                return 0
            if code == lvmod.LVN_ITEMCHANGED:
                sel = _selected(m, dlg)
                files = [e for e in sel if not e.is_dir]
                if files and dlg.edit is not None:
                    if len(files) > 1:
                        text = " ".join(f'"{e.name}"' for e in files)
                    else:
                        text = files[0].name
                    if text != dlg.last_sel:
                        dlg.last_sel = text
                        wm.set_text(m, dlg.edit, text)
                        _notify_hook(m, dlg, CDN_SELCHANGE)
                return 0
            if code in (cc.NM_DBLCLK, cc.NM_RETURN):
                sel = _selected(m, dlg)
                if len(sel) == 1 and sel[0].is_dir:
                    _navigate(m, dlg, _full(m, dlg, sel[0].name) or dlg.folder)
                elif sel:
                    _accept(m, dlg)
                return 0
            return None
        if dlg.w is not None and CDM_FIRST <= msg <= CDM_SETDEFEXT:
            return _cdm(m, dlg, msg, wp, lp)
        return None
    return proc


def _cdm(m: "Machine", dlg: FileDlg, msg: int, wp: int, lp: int) -> int:
    """CDM_* messages the hook sends to the dialog (answer stored in DWL_MSGRESULT like a dialog procedure)."""
    assert dlg.w is not None
    w = dlg.w

    def answer(v: int) -> int:
        struct.pack_into("<I", w.extra, dialog.DWL_MSGRESULT, v & 0xFFFFFFFF)
        return 1

    def give(s: str) -> int:
        n = _units(m, s, dlg.unicode) + 1
        if lp and wp >= n:
            m.mem.write(lp, _encode(m, s, dlg.unicode))
        elif lp and wp > 0:
            m.mem.write(lp, _encode(m, s, dlg.unicode)[:(2 * (wp - 1)) if dlg.unicode else wp - 1]
                        + (b"\0\0" if dlg.unicode else b"\0"))
        return answer(n)

    if msg == CDM_GETSPEC:
        return give(get_text(m, dlg.edit))
    if msg == CDM_GETFILEPATH:
        name = get_text(m, dlg.edit).strip()
        full = _full(m, dlg, name) if name else dlg.folder.rstrip("\\")
        if full and name and not _host_exists(m, full):
            full = _with_ext(dlg, full)
        return give(full or "")
    if msg == CDM_GETFOLDERPATH:
        return give(dlg.folder.rstrip("\\") if len(dlg.folder) > 3 else dlg.folder)
    if msg == CDM_SETCONTROLTEXT:
        c = wm.child_by_id(w, wp)
        if c is not None:
            wm.set_text(m, c, _str(m, lp, dlg.unicode))
        return answer(0)
    if msg == CDM_HIDECONTROL:
        c = wm.child_by_id(w, wp)
        if c is not None:
            wm.show_window(m, c, wm.SW_HIDE)
        return answer(0)
    if msg == CDM_SETDEFEXT:
        dlg.def_ext = _str(m, lp, dlg.unicode)
        return answer(0)
    return answer(0xFFFFFFFF)  # CDM_GETFOLDERIDLIST: there is no shell namespace here


def _template(m: "Machine", o: dict[str, int], unicode: bool) -> dialog.DialogTemplate | None:
    if o["flags"] & OFN_ENABLETEMPLATEHANDLE:
        return dialog.parse_template(m, o["hinst"])
    if o["flags"] & OFN_ENABLETEMPLATE:
        name: str | int | None = o["template"] if o["template"] < 0x10000 else _str(m, o["template"], unicode)
        addr = dialog._find_resource(m, o["hinst"], name, 5)
        return dialog.parse_template(m, addr) if addr else None
    return None


def _file_dialog(m: "Machine", p: int, unicode: bool, save: bool) -> int:
    set_error(m, 0)
    if not p:
        set_error(m, CDERR_INITIALIZATION)
        return 0
    o = _ofn_read(m, p)
    if o["size"] not in (OFN_SIZE_OLD, OFN_SIZE):
        set_error(m, CDERR_STRUCTSIZE)
        return 0
    flags = o["flags"]
    if flags & (OFN_ENABLEHOOK | OFN_ENABLETEMPLATE | OFN_ENABLETEMPLATEHANDLE) and not flags & OFN_EXPLORER:
        m.log("comdlg32: an old-style (non-explorer) file dialog hook or template is not supported")
        set_error(m, CDERR_NOHOOK if flags & OFN_ENABLEHOOK else CDERR_NOTEMPLATE)
        return 0
    if flags & OFN_ENABLEHOOK and not o["hook"]:
        set_error(m, CDERR_NOHOOK)
        return 0
    if not o["file"] or not o["nfile"]:
        set_error(m, CDERR_INITIALIZATION)
        return 0
    templ = None
    if flags & (OFN_ENABLETEMPLATE | OFN_ENABLETEMPLATEHANDLE):
        templ = _template(m, o, unicode)
        if templ is None:
            set_error(m, CDERR_FINDRESFAILURE)
            return 0
    strs = _strings_zz(m, o["filter"], unicode)
    filters = [(strs[i], strs[i + 1]) for i in range(0, len(strs) - 1, 2)]
    findex = o["findex"] - 1
    if o["custom"] and o["ncustom"]:
        cs = _strings_zz(m, o["custom"], unicode)
        if len(cs) >= 2 and cs[1]:
            filters.insert(0, (cs[0], cs[1]))
            findex += 1
    if not filters:
        filters = [("", "*.*")]
    findex = max(0, min(findex, len(filters) - 1))
    initial = _str(m, o["file"], unicode)
    folder = ""
    init_name = initial
    if "\\" in initial or (len(initial) > 1 and initial[1] == ":"):
        d = initial.rsplit("\\", 1)[0] if "\\" in initial else initial[:2]
        init_name = initial.rsplit("\\", 1)[-1] if "\\" in initial else initial[2:]
        try:
            cand = m.fs.normalize(d + "\\" if d.endswith(":") else d)
            if _host_isdir(m, cand):
                folder = cand
        except PathError:
            pass
    if not folder and o["initdir"]:
        try:
            cand = m.fs.normalize(_str(m, o["initdir"], unicode))
            if _host_isdir(m, cand):
                folder = cand
        except PathError:
            pass
    if not folder:
        folder = m.fs.getcwd()
    title = _str(m, o["title"], unicode) or ("Save As" if save else "Open")
    dlg = FileDlg(p, unicode, save, flags, filters, findex, folder.rstrip("\\") + "\\", _str(m, o["defext"], unicode),
                  title)
    if any(c in init_name for c in "*?"):
        dlg.pattern = init_name
        init_name = ""
    dlg.read_only = bool(flags & OFN_READONLY)
    dlg.o = o
    ok = _run_file_dialog(m, dlg, o, templ, init_name)
    if not ok:
        return 0
    return _write_result(m, dlg, o)


def _run_file_dialog(m: "Machine", dlg: FileDlg, o: dict[str, int], templ: dialog.DialogTemplate | None,
                     init_name: str) -> bool:
    b = Builder(m, dlg.unicode)
    proc = _file_proc(dlg)
    show_ro = not dlg.save and not dlg.flags & OFN_HIDEREADONLY
    std_h = 164 if show_ro else 153
    extra_h = extra_w = 0
    if templ is not None:
        cr = dialog.dlu_rect(b.bx, b.by, 0, 0, templ.cx, templ.cy)
        extra_h, extra_w = cr[3], cr[2]
    w = b.dialog(dlg.title, 280, std_h, o["owner"], proc, extra_h, extra_w)
    if w is None:
        set_error(m, CDERR_DIALOGFAILURE)
        return False
    dlg.w = w
    b.control("Static", "Save &in:" if dlg.save else "Look &in:", 0, 7, 6, 41, 8, stc4)
    dlg.folders = b.control("ComboBox", "", CBS_DROPDOWNLIST | CBS_HASSTRINGS | WS_VSCROLL | WS_TABSTOP | WS_GROUP,
                            50, 3, 138, 150, cmb2)
    for cid, x in ((TB_UPFOLDER, 194), (TB_LIST, 218), (TB_DETAILS, 233)):
        b.control("Button", "", BS_OWNERDRAW, x, 3, 14, 13, cid)
    lst_style = lvmod.LVS_LIST | lvmod.LVS_SHOWSELALWAYS | lvmod.LVS_SHAREIMAGELISTS | WS_TABSTOP | WS_GROUP
    if not dlg.flags & OFN_ALLOWMULTISELECT:
        lst_style |= lvmod.LVS_SINGLESEL
    dlg.listw = b.control(lvmod.LISTVIEW_CLASS, "", lst_style, 7, 20, 266, 96, lst1, wm.WS_EX_CLIENTEDGE)
    if dlg.listw is not None:
        mm.send(m, dlg.listw, lvmod.LVM_SETIMAGELIST, lvmod.LVSIL_SMALL, _icons(m))
        mm.send(m, dlg.listw, lvmod.LVM_SETCOLUMNWIDTH, 0, b.px(0, 0, 110, 0)[2])
        for i, (title, width, fmt) in enumerate((("Name", 100, 0), ("Size", 40, 1), ("Type", 60, 0),
                                                 ("Modified", 60, 0))):
            tp = wm._tmp(m, title.encode("utf-16-le") + b"\0\0")
            col = wm._tmp(m, struct.pack("<IiiIiiii", lvmod.LVCF_TEXT | lvmod.LVCF_WIDTH | lvmod.LVCF_FMT, fmt,
                                         b.px(0, 0, width, 0)[2], tp, 0, 0, 0, 0))
            mm.send(m, dlg.listw, lvmod.LVM_INSERTCOLUMNW, i, col)
            wm._free_tmp(m, col)
            wm._free_tmp(m, tp)
    b.control("Static", "File &name:", 0, 7, 124, 48, 8, stc3)
    dlg.edit = b.control("Edit", init_name, ES_AUTOHSCROLL | WS_TABSTOP | WS_GROUP, 60, 122, 150, 12, edt1,
                         wm.WS_EX_CLIENTEDGE)
    b.control("Static", "Save as &type:" if dlg.save else "Files of &type:", 0, 7, 140, 50, 8, stc2)
    dlg.types = b.control("ComboBox", "", CBS_DROPDOWNLIST | CBS_HASSTRINGS | WS_VSCROLL | WS_TABSTOP | WS_GROUP,
                          60, 138, 150, 100, cmb1)
    if show_ro:
        ro = b.control("Button", "Open as &read-only", BS_AUTOCHECKBOX | WS_TABSTOP | WS_GROUP, 60, 152, 100, 10,
                       chx1)
        if ro is not None and dlg.read_only:
            mm.send(m, ro, BM_SETCHECK, 1, 0)
    b.control("Button", "&Save" if dlg.save else "&Open", BS_DEFPUSHBUTTON | WS_TABSTOP | WS_GROUP, 222, 121, 50, 14,
              IDOK)
    b.control("Button", "Cancel", WS_TABSTOP | WS_GROUP, 222, 138, 50, 14, IDCANCEL)
    if dlg.flags & 0x10:  # OFN_SHOWHELP
        b.control("Button", "&Help", WS_TABSTOP | WS_GROUP, 222, 154 if show_ro else 102, 50, 14, pshHelp)
    if dlg.types is not None:
        for desc, _pat in dlg.filters:
            send_str(m, dlg.types, CB_ADDSTRING, 0, desc)
        mm.send(m, dlg.types, CB_SETCURSEL, dlg.filter_index, 0)
    _fill_list(m, dlg)
    _fill_folders(m, dlg)
    if templ is not None or dlg.flags & OFN_ENABLEHOOK:
        _make_child(m, dlg, o, templ, b)
        if w.destroyed:
            set_error(m, CDERR_DIALOGFAILURE)
            return False
    _show(m, w, dlg.edit)
    _notify_hook(m, dlg, CDN_INITDONE)
    owner = wm.get(m, o["owner"]) if o["owner"] else None
    r = dialog.run_modal(m, w, owner, dlg.unicode)
    return r == IDOK and dlg.result is not None


def _make_child(m: "Machine", dlg: FileDlg, o: dict[str, int], templ: dialog.DialogTemplate | None,
                b: Builder) -> None:
    """The explorer hook/template child dialog, placed under the standard controls."""
    assert dlg.w is not None
    if templ is None:
        templ = dialog.DialogTemplate(wm.WS_CHILD | dialog.DS_CONTROL | dialog.DS_3DLOOK, 0, 0, 0, 0, 0, None, None,
                                      "")
    templ.style = (templ.style | wm.WS_CHILD | dialog.DS_CONTROL) & ~(wm.WS_POPUP | wm.WS_CAPTION)
    hook = o["hook"] if dlg.flags & OFN_ENABLEHOOK else 0
    std_h = dlg.w.client_size[1] - (dialog.dlu_rect(b.bx, b.by, 0, 0, templ.cx, templ.cy)[3])
    visible = templ.style & WS_VISIBLE
    templ.style &= ~WS_VISIBLE
    child = dialog.create_dialog(m, o["hinst"], templ, dlg.w, hook, dlg.ofn, dlg.unicode, modal=False)
    if child is None:
        return
    dlg.child = child
    child.exstyle |= wm.WS_EX_CONTROLPARENT
    cw = child.width
    wm.move_window(m, child, (0, std_h, max(cw, dlg.w.client_size[0]), std_h + child.height),
                   wm.SWP_NOZORDER | wm.SWP_NOACTIVATE)
    if visible or templ.cx or templ.cy:
        wm.show_window(m, child, wm.SW_SHOWNA)


def _write_result(m: "Machine", dlg: FileDlg, o: dict[str, int], final: bool = True) -> int:
    """Store the chosen file(s) in the OPENFILENAME (``final``: also the flags and the current directory)."""
    p = dlg.ofn
    u = dlg.unicode
    paths = dlg.result or []
    if not paths:
        return 0
    multi = len(paths) > 1
    if multi:
        # explorer style: "folder\0name\0name\0\0"; without OFN_EXPLORER the old style "folder name name"
        folder = paths[0].rsplit("\\", 1)[0]
        folder = folder + "\\" if folder.endswith(":") else folder
        sep = "\0" if dlg.flags & OFN_EXPLORER else " "
        full = folder + sep + sep.join(x.rsplit("\\", 1)[1] for x in paths) + ("\0" if sep == "\0" else "")
        offset = _units(m, folder, u) + 1
        ext = 0
    else:
        full = paths[0]
        base_at = full.rfind("\\") + 1
        offset = _units(m, full[:base_at], u)
        base = full[base_at:]
        if base.endswith("."):
            ext = 0
        elif "." in base:
            ext = _units(m, full[:base_at + base.rfind(".") + 1], u)
        else:
            ext = _units(m, full, u)
    need = _units(m, full, u) + 1
    if need > o["nfile"]:
        if final:
            m.mem.pack("<H", o["file"], min(need, 0xFFFF))
            set_error(m, FNERR_BUFFERTOOSMALL)
        return 0
    data = _encode(m, full, u)
    m.mem.write(o["file"], data)
    m.mem.pack("<HH", p + 56, offset & 0xFFFF, ext & 0xFFFF)
    if o["title_buf"] and o["ntitle"] and len(paths) == 1:
        title = paths[0].rsplit("\\", 1)[-1]
        mm.write_text_result(m, o["title_buf"], o["ntitle"], title, u)
    custom_shift = 1 if o["custom"] and o["ncustom"] and len(_strings_zz(m, o["custom"], u)) >= 2 else 0
    m.mem.w32(p + 24, max(0, dlg.filter_index - custom_shift + 1) if dlg.filter_index >= custom_shift else 0)
    if not final:
        return 1
    flags = o["flags"] & ~(OFN_READONLY | OFN_EXTENSIONDIFFERENT)
    if dlg.read_only:
        flags |= OFN_READONLY
    if dlg.def_ext and len(paths) == 1:
        base = paths[0].rsplit("\\", 1)[-1]
        if "." in base and base.rsplit(".", 1)[1].lower() != dlg.def_ext.lower().lstrip("."):
            flags |= OFN_EXTENSIONDIFFERENT
    m.mem.w32(p + 52, flags)
    if not o["flags"] & OFN_NOCHANGEDIR:
        try:
            m.fs.chdir(dlg.folder)
        except PathError:
            pass
    return 1


def _on_readonly_check(m: "Machine", dlg: FileDlg) -> None:
    if dlg.w is None:
        return
    ro = wm.child_by_id(dlg.w, chx1)
    if ro is not None:
        dlg.read_only = bool(mm.send(m, ro, BM_GETCHECK, 0, 0))


@stdcall("comdlg32")
def GetOpenFileNameA(m: "Machine", lpofn: PTR) -> BOOL:
    """Show the Open dialog; TRUE with the chosen file in OPENFILENAMEA.lpstrFile, FALSE if cancelled or failed."""
    return _file_dialog(m, lpofn, False, False)


@stdcall("comdlg32")
def GetOpenFileNameW(m: "Machine", lpofn: PTR) -> BOOL:
    """Show the Open dialog; TRUE with the chosen file in OPENFILENAMEW.lpstrFile, FALSE if cancelled or failed."""
    return _file_dialog(m, lpofn, True, False)


@stdcall("comdlg32")
def GetSaveFileNameA(m: "Machine", lpofn: PTR) -> BOOL:
    """Show the Save As dialog; TRUE with the chosen path in OPENFILENAMEA.lpstrFile, FALSE if cancelled or failed."""
    return _file_dialog(m, lpofn, False, True)


@stdcall("comdlg32")
def GetSaveFileNameW(m: "Machine", lpofn: PTR) -> BOOL:
    """Show the Save As dialog; TRUE with the chosen path in OPENFILENAMEW.lpstrFile, FALSE if cancelled or failed."""
    return _file_dialog(m, lpofn, True, True)


def _file_title(m: "Machine", name: str | int | None, buf: int, n: int, unicode: bool) -> int:
    if not isinstance(name, str) or not name or name[-1] in "\\/:" or any(c in name for c in '*?<>|"'):
        return 0xFFFFFFFF
    title = name.replace("/", "\\").rsplit("\\", 1)[-1]
    if len(title) > 1 and title[1] == ":":
        title = title[2:]
    need = _units(m, title, unicode) + 1
    if not buf or n < need:
        return need
    m.mem.write(buf, _encode(m, title, unicode))
    return 0


@stdcall("comdlg32")
def GetFileTitleA(m: "Machine", lpszFile: LPCSTR, Buf: PTR, cchSize: DWORD) -> DWORD:
    """The file name part of a path; 0 on success, the size needed if the buffer is too small, -1 if invalid."""
    return _file_title(m, lpszFile, Buf, cchSize & 0xFFFF, False)


@stdcall("comdlg32")
def GetFileTitleW(m: "Machine", lpszFile: LPCWSTR, Buf: PTR, cchSize: DWORD) -> DWORD:
    """The file name part of a path; 0 on success, the size needed if the buffer is too small, -1 if invalid."""
    return _file_title(m, lpszFile, Buf, cchSize & 0xFFFF, True)
