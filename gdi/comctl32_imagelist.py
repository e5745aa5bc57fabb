"""comctl32 image lists: ImageList_Create/Destroy/Add/AddMasked/Replace/Remove/Draw/DrawEx/LoadImage and the
size, count, background and overlay accessors.

An image list holds same-sized images as numpy pixel arrays (0x00RRGGBB) with, for ILC_MASK lists, a
boolean mask per image (True where the mask bit is 1: transparent). Drawing composes the image (masked
parts transparent or filled with the background colour, ILD_BLEND25/50 dithered with the highlight colour as
Windows 9x does, overlay images on top) and writes it through the DC like a masked BitBlt.
A HIMAGELIST is the address of a small block of guest memory, so it looks like the pointer it is on Windows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall

from . import bitmap, gdiobj, syscolor
from . import comctl32_common as cc
from .dc import DC, get_dc
from .surface import colorref_to_px

if TYPE_CHECKING:
    from emu.machine import Machine

ILC_MASK, ILC_COLOR, ILC_COLORDDB, ILC_COLOR4, ILC_COLOR8 = 0x1, 0x0, 0xFE, 0x4, 0x8
ILC_COLOR16, ILC_COLOR24, ILC_COLOR32, ILC_PALETTE = 0x10, 0x18, 0x20, 0x800
ILD_NORMAL, ILD_TRANSPARENT, ILD_BLEND25, ILD_BLEND50, ILD_MASK, ILD_IMAGE = 0, 1, 2, 4, 0x10, 0x20
ILD_ROP, ILD_OVERLAYMASK = 0x40, 0xF00
ILD_FOCUS, ILD_SELECTED = ILD_BLEND25, ILD_BLEND50
CLR_NONE, CLR_DEFAULT = cc.CLR_NONE, cc.CLR_DEFAULT
IMAGE_BITMAP, IMAGE_ICON, IMAGE_CURSOR = 0, 1, 2
SRCCOPY_CODE, DSTCOPY_CODE = 0xCC, 0xAA
ERROR_INVALID_PARAMETER = 87


@dataclass(eq=False)
class ImageList:
    """One image list."""
    handle: int
    cx: int
    cy: int
    flags: int
    grow: int = 4
    images: list[np.ndarray] = field(default_factory=list)  # (cy, cx) uint32 pixels
    masks: list[np.ndarray] = field(default_factory=list)  # (cy, cx) bool, True = transparent
    bk: int = CLR_NONE
    overlays: dict[int, int] = field(default_factory=dict)  # overlay number 1..15 -> image index

    @property
    def masked(self) -> bool:
        return bool(self.flags & ILC_MASK)

    def blank(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros((self.cy, self.cx), np.uint32), np.zeros((self.cy, self.cx), bool)


def _table(m: "Machine") -> dict[int, ImageList]:
    return m.state.setdefault("imagelists", {})


def get(m: "Machine", h: int) -> ImageList | None:
    """The image list with handle ``h``."""
    return _table(m).get(h) if h else None


def create(m: "Machine", cx: int, cy: int, flags: int, grow: int = 4) -> ImageList | None:
    if cx <= 0 or cy <= 0:
        return None
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    h = process_heap(m).alloc(16)
    if not h:
        return None
    il = ImageList(h, cx, cy, flags, max(grow, 1))
    _table(m)[h] = il
    return il


def _bitmap_px(m: "Machine", hbm: int) -> np.ndarray | None:
    bm = gdiobj.table(m).get(hbm, gdiobj.Bitmap)
    if bm is None or bm.surface is None:
        return None
    return bitmap.bitmap_pixels(bm) & np.uint32(0xFFFFFF)


def _split(il: ImageList, px: np.ndarray) -> list[np.ndarray]:
    """Cut a strip of images (left to right) into image-sized pieces, padding short rows with black."""
    h, w = px.shape
    n = w // il.cx
    out = []
    for i in range(n):
        img = np.zeros((il.cy, il.cx), np.uint32)
        k = min(h, il.cy)
        img[:k, :] = px[:k, i * il.cx:(i + 1) * il.cx]
        out.append(img)
    return out


def _mask_pieces(il: ImageList, mpx: np.ndarray | None, n: int) -> list[np.ndarray]:
    """``n`` image masks cut from a monochrome mask strip (white = transparent); missing ones are opaque."""
    pieces = [p != 0 for p in _split(il, mpx)] if mpx is not None else []
    while len(pieces) < n:
        pieces.append(np.zeros((il.cy, il.cx), bool))
    return pieces[:n]


def add(il: ImageList, imgs: list[np.ndarray], masks: list[np.ndarray]) -> int:
    if not imgs:
        return -1
    first = len(il.images)
    il.images.extend(imgs)
    il.masks.extend(masks)
    return first


def compose(m: "Machine", il: ImageList, i: int, style: int, bk: int, fg: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixels and the draw mask (True: write the pixel) of image ``i`` as ImageList_DrawEx draws it."""
    img = il.images[i].copy()
    transparent = il.masks[i] if il.masked else np.zeros(img.shape, bool)
    if style & ILD_MASK:
        out = np.where(transparent, np.uint32(0xFFFFFF), np.uint32(0))
        return out.astype(np.uint32), np.ones(img.shape, bool)
    if style & ILD_IMAGE:
        return img, np.ones(img.shape, bool)
    draw_mask = ~transparent
    if bk == CLR_DEFAULT:
        bk = il.bk
    if il.masked and not style & ILD_TRANSPARENT and bk != CLR_NONE:
        img = np.where(transparent, np.uint32(colorref_to_px(bk & 0xFFFFFF)), img)
        draw_mask = np.ones(img.shape, bool)
    if style & (ILD_BLEND25 | ILD_BLEND50) and fg != CLR_NONE:
        fpx = colorref_to_px(syscolor.get(m, syscolor.COLOR_HIGHLIGHT) if fg == CLR_DEFAULT else fg & 0xFFFFFF)
        Y, X = np.mgrid[0:il.cy, 0:il.cx]
        if style & ILD_BLEND50:
            dots = ((X + Y) & 1) == 0
        else:
            dots = ((X & 1) == 0) & ((Y & 1) == 0)
        img = np.where(dots & ~transparent, np.uint32(fpx), img)
    ov = (style & ILD_OVERLAYMASK) >> 8
    if ov and ov in il.overlays and 0 <= il.overlays[ov] < len(il.images):
        j = il.overlays[ov]
        opaque = ~il.masks[j] if il.masked else np.ones(img.shape, bool)
        img = np.where(opaque, il.images[j], img)
        draw_mask = draw_mask | opaque
    return img, draw_mask


def draw(m: "Machine", il: ImageList, i: int, dc: DC, x: int, y: int, w: int = 0, h: int = 0,
         style: int = ILD_NORMAL, bk: int = CLR_DEFAULT, fg: int = CLR_DEFAULT) -> bool:
    """Draw image ``i`` at logical (x, y) of ``dc``; ``w``/``h`` (0: the image size) crop it."""
    if not 0 <= i < len(il.images):
        return False
    img, mask = compose(m, il, i, style, bk, fg)
    w = il.cx if w <= 0 else min(w, il.cx)
    h = il.cy if h <= 0 else min(h, il.cy)
    dx, dy = dc.lp(x, y)
    src = bitmap.BlitSource(img)
    return bitmap.blit(dc, dx, dy, w, h, src, 0, 0, w, h, SRCCOPY_CODE, mask=mask, back=DSTCOPY_CODE)


# ---- API ---------------------------------------------------------------------------------------------------
@stdcall("comctl32")
def ImageList_Create(m: "Machine", cx: INT, cy: INT, flags: UINT, cInitial: INT, cGrow: INT) -> HANDLE:
    """Create an empty image list of cx*cy images (ILC_MASK: with masks); returns its handle or NULL."""
    il = create(m, cx, cy, flags, cGrow)
    return il.handle if il is not None else 0


@stdcall("comctl32")
def ImageList_Destroy(m: "Machine", himl: HANDLE) -> BOOL:
    """Free an image list."""
    il = _table(m).pop(himl, None)
    if il is None:
        return 0
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    process_heap(m).free(himl)
    return 1


@stdcall("comctl32")
def ImageList_GetImageCount(m: "Machine", himl: HANDLE) -> INT:
    """Number of images in the list."""
    il = get(m, himl)
    return len(il.images) if il is not None else 0


@stdcall("comctl32")
def ImageList_SetImageCount(m: "Machine", himl: HANDLE, uNewCount: UINT) -> BOOL:
    """Grow (with blank images) or shrink the list to ``uNewCount`` images."""
    il = get(m, himl)
    if il is None:
        return 0
    del il.images[uNewCount:]
    del il.masks[uNewCount:]
    while len(il.images) < uNewCount:
        img, msk = il.blank()
        il.images.append(img)
        il.masks.append(msk)
    return 1


@stdcall("comctl32")
def ImageList_Add(m: "Machine", himl: HANDLE, hbmImage: HANDLE, hbmMask: HANDLE) -> INT:
    """Add the images of a bitmap strip (and their monochrome mask); returns the first new index or -1."""
    il = get(m, himl)
    px = _bitmap_px(m, hbmImage) if il is not None else None
    if il is None or px is None:
        return -1
    imgs = _split(il, px)
    mpx = _bitmap_px(m, hbmMask) if hbmMask and il.masked else None
    return add(il, imgs, _mask_pieces(il, mpx, len(imgs)))


@stdcall("comctl32")
def ImageList_AddMasked(m: "Machine", himl: HANDLE, hbmImage: HANDLE, crMask: DWORD) -> INT:
    """Add a bitmap strip, the mask made of the pixels of colour ``crMask`` (CLR_DEFAULT: the top-left pixel's);
    those pixels are turned black in the bitmap, as on Windows. Returns the first new index or -1."""
    il = get(m, himl)
    bm = gdiobj.table(m).get(hbmImage, gdiobj.Bitmap)
    px = _bitmap_px(m, hbmImage) if il is not None else None
    if il is None or px is None or bm is None:
        return -1
    imgs = _split(il, px)
    if not il.masked or crMask == CLR_NONE:
        return add(il, imgs, _mask_pieces(il, None, len(imgs)))
    key = int(px[0, 0]) if crMask == CLR_DEFAULT else colorref_to_px(crMask & 0xFFFFFF)
    trans = px == np.uint32(key)
    if trans.any():
        bitmap._put_pixels(bm, 0, np.where(trans, np.uint32(0), px))
    masks = _split(il, trans.astype(np.uint32))
    return add(il, [np.where(mk != 0, np.uint32(0), im) for im, mk in zip(imgs, masks)], [mk != 0 for mk in masks])


@stdcall("comctl32")
def ImageList_Replace(m: "Machine", himl: HANDLE, i: INT, hbmImage: HANDLE, hbmMask: HANDLE) -> BOOL:
    """Replace image ``i`` with the first image of a bitmap (and mask)."""
    il = get(m, himl)
    px = _bitmap_px(m, hbmImage) if il is not None else None
    if il is None or px is None or not 0 <= i < len(il.images):
        return 0
    imgs = _split(il, px)
    if not imgs:
        return 0
    mpx = _bitmap_px(m, hbmMask) if hbmMask and il.masked else None
    il.images[i] = imgs[0]
    il.masks[i] = _mask_pieces(il, mpx, 1)[0]
    return 1


@stdcall("comctl32")
def ImageList_Remove(m: "Machine", himl: HANDLE, i: INT) -> BOOL:
    """Remove image ``i`` (-1: all images)."""
    il = get(m, himl)
    if il is None:
        return 0
    if i == -1:
        il.images.clear()
        il.masks.clear()
        il.overlays.clear()
        return 1
    if not 0 <= i < len(il.images):
        return 0
    del il.images[i]
    del il.masks[i]
    return 1


@stdcall("comctl32")
def ImageList_Draw(m: "Machine", himl: HANDLE, i: INT, hdcDst: HANDLE, x: INT, y: INT, fStyle: UINT) -> BOOL:
    """Draw image ``i`` at (x, y) with the ILD_* style and the list's background colour."""
    il = get(m, himl)
    dc = get_dc(m, hdcDst)
    if il is None or dc is None:
        return 0
    return int(draw(m, il, i, dc, x, y, 0, 0, fStyle, CLR_DEFAULT, CLR_DEFAULT))


@stdcall("comctl32")
def ImageList_DrawEx(m: "Machine", himl: HANDLE, i: INT, hdcDst: HANDLE, x: INT, y: INT, dx: INT, dy: INT,
                     rgbBk: DWORD, rgbFg: DWORD, fStyle: UINT) -> BOOL:
    """Draw image ``i`` (cropped to dx*dy when non-zero) with explicit background and blend colours."""
    il = get(m, himl)
    dc = get_dc(m, hdcDst)
    if il is None or dc is None:
        return 0
    return int(draw(m, il, i, dc, x, y, dx, dy, fStyle, rgbBk, rgbFg))


@stdcall("comctl32")
def ImageList_DrawIndirect(m: "Machine", pimldp: PTR) -> BOOL:
    """ImageList_DrawEx from an IMAGELISTDRAWPARAMS (source offset xBitmap/yBitmap honoured)."""
    if not pimldp:
        return 0
    size = m.mem.u32(pimldp)
    if size < 56:
        return 0
    (_cb, himl, i, hdc, x, y, cx, cy, xb, yb, bk, fg, style, _rop) = m.mem.unpack("<IIiIiiiiiiIIII", pimldp)
    il = get(m, himl)
    dc = get_dc(m, hdc)
    if il is None or dc is None or not 0 <= i < len(il.images):
        return 0
    img, mask = compose(m, il, i, style, bk, fg)
    w = (cx or il.cx) - max(xb, 0)
    h = (cy or il.cy) - max(yb, 0)
    dx, dy = dc.lp(x, y)
    return int(bitmap.blit(dc, dx, dy, min(w, il.cx), min(h, il.cy), bitmap.BlitSource(img), xb, yb,
                           min(w, il.cx), min(h, il.cy), SRCCOPY_CODE, mask=mask, back=DSTCOPY_CODE,
                           mask_xy=(xb, yb)))


@stdcall("comctl32")
def ImageList_SetBkColor(m: "Machine", himl: HANDLE, clrBk: DWORD) -> DWORD:
    """Set the colour masked parts are drawn in (CLR_NONE: transparent); returns the previous one."""
    il = get(m, himl)
    if il is None:
        return CLR_NONE
    old, il.bk = il.bk, clrBk
    return old


@stdcall("comctl32")
def ImageList_GetBkColor(m: "Machine", himl: HANDLE) -> DWORD:
    """The list's background colour (CLR_NONE when masked parts are transparent)."""
    il = get(m, himl)
    return il.bk if il is not None else CLR_NONE


@stdcall("comctl32")
def ImageList_GetIconSize(m: "Machine", himl: HANDLE, cx: PTR, cy: PTR) -> BOOL:
    """The size of the list's images."""
    il = get(m, himl)
    if il is None or not cx or not cy:
        return 0
    m.mem.pack("<i", cx, il.cx)
    m.mem.pack("<i", cy, il.cy)
    return 1


@stdcall("comctl32")
def ImageList_SetIconSize(m: "Machine", himl: HANDLE, cx: INT, cy: INT) -> BOOL:
    """Change the image size; removes every image."""
    il = get(m, himl)
    if il is None or cx <= 0 or cy <= 0:
        return 0
    il.cx, il.cy = cx, cy
    il.images.clear()
    il.masks.clear()
    il.overlays.clear()
    return 1


@stdcall("comctl32")
def ImageList_SetOverlayImage(m: "Machine", himl: HANDLE, iImage: INT, iOverlay: INT) -> BOOL:
    """Make image ``iImage`` overlay number ``iOverlay`` (1..15, drawn with INDEXTOOVERLAYMASK)."""
    il = get(m, himl)
    if il is None or not 1 <= iOverlay <= 15 or not 0 <= iImage < len(il.images):
        return 0
    il.overlays[iOverlay] = iImage
    return 1


@stdcall("comctl32")
def ImageList_Duplicate(m: "Machine", himl: HANDLE) -> HANDLE:
    """A new image list with copies of this one's images, masks and settings."""
    il = get(m, himl)
    if il is None:
        return 0
    new = create(m, il.cx, il.cy, il.flags, il.grow)
    if new is None:
        return 0
    new.images = [a.copy() for a in il.images]
    new.masks = [a.copy() for a in il.masks]
    new.bk = il.bk
    new.overlays = dict(il.overlays)
    return new.handle


def _icon_image(m: "Machine", il: ImageList, hicon: int) -> tuple[np.ndarray, np.ndarray] | None:
    """An icon's colour image and AND mask resized to the list's image size."""
    from . import cursor  # noqa: PLC0415
    ic = cursor.get(m, hicon)
    if ic is None:
        return None
    ys = (np.arange(il.cy) * ic.height) // il.cy
    xs = (np.arange(il.cx) * ic.width) // il.cx
    img = ic.xor[ys[:, None], xs[None, :]].astype(np.uint32) & np.uint32(0xFFFFFF)
    if ic.alpha is not None:
        trans = ic.alpha[ys[:, None], xs[None, :]] < 128
    else:
        trans = ic.andm[ys[:, None], xs[None, :]].astype(bool)
    return np.where(trans, np.uint32(0), img), trans


@stdcall("comctl32")
def ImageList_ReplaceIcon(m: "Machine", himl: HANDLE, i: INT, hicon: HANDLE) -> INT:
    """Replace image ``i`` with an icon (i = -1: add it, what ImageList_AddIcon does); returns its index or -1."""
    il = get(m, himl)
    got = _icon_image(m, il, hicon) if il is not None else None
    if il is None or got is None or not -1 <= i < len(il.images):
        return -1
    img, trans = got
    if not il.masked:
        trans = np.zeros_like(trans)
    if i == -1:
        return add(il, [img], [trans])
    il.images[i], il.masks[i] = img, trans
    return i


@stdcall("comctl32")
def ImageList_GetIcon(m: "Machine", himl: HANDLE, i: INT, flags: UINT) -> HANDLE:
    """A new icon made of image ``i`` and its mask."""
    from . import cursor  # noqa: PLC0415
    il = get(m, himl)
    if il is None or not 0 <= i < len(il.images):
        return 0
    trans = il.masks[i].copy() if il.masked else np.zeros((il.cy, il.cx), bool)
    ic = cursor.IconObj(il.cx, il.cy, np.where(trans, np.uint32(0), il.images[i]).astype(np.uint32), trans)
    return cursor.add(m, ic)


def _load_image(m: "Machine", hi: int, name: str | int | None, cx: int, grow: int, mask: int, utype: int,
                flags: int) -> int:
    if utype in (IMAGE_ICON, IMAGE_CURSOR):
        from . import cursor  # noqa: PLC0415
        hicon = cursor.load_image_other(m, hi, name, utype, cx, cx, flags)
        ic = cursor.get(m, hicon) if hicon else None
        if ic is None:
            return 0
        il = create(m, cx or ic.width, cx or ic.height, ILC_MASK | ILC_COLORDDB, grow)
        if il is None:
            return 0
        ImageList_ReplaceIcon(m, il.handle, -1, hicon)
        return il.handle
    if utype != IMAGE_BITMAP:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    hbm = bitmap.load_image_bitmap(m, hi, name, flags, 0, 0)
    if not hbm:
        return 0
    try:
        bm = gdiobj.table(m).get(hbm, gdiobj.Bitmap)
        cx = cx or bm.height
        il = create(m, cx, bm.height, (ILC_MASK if mask != CLR_NONE else 0) | ILC_COLORDDB, grow)
        if il is None:
            return 0
        if mask != CLR_NONE:
            ImageList_AddMasked(m, il.handle, hbm, mask)
        else:
            ImageList_Add(m, il.handle, hbm, 0)
        return il.handle
    finally:
        gdiobj.DeleteObject(m, hbm)


@stdcall("comctl32")
def ImageList_LoadImageA(m: "Machine", hi: HANDLE, lpbmp: LPCSTR, cx: INT, cGrow: INT, crMask: DWORD, uType: UINT,
                         uFlags: UINT) -> HANDLE:
    """An image list made from a bitmap resource or file (images cx wide, mask colour crMask)."""
    return _load_image(m, hi, lpbmp, cx, cGrow, crMask, uType, uFlags)


@stdcall("comctl32")
def ImageList_LoadImageW(m: "Machine", hi: HANDLE, lpbmp: LPCWSTR, cx: INT, cGrow: INT, crMask: DWORD, uType: UINT,
                         uFlags: UINT) -> HANDLE:
    """An image list made from a bitmap resource or file (images cx wide, mask colour crMask)."""
    return _load_image(m, hi, lpbmp, cx, cGrow, crMask, uType, uFlags)
