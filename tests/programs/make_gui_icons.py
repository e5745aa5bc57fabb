"""Write the icon and cursor files gui_icons.rc embeds (and gui_icons.exe also loads from disk).

Run from this folder: ``python make_gui_icons.py``. The files are committed; rerun only to change them.

Every image has four quadrants so a test can tell which image was picked and how it was drawn:
top-left transparent (AND 1, XOR 0), top-right colour A, bottom-left colour B, bottom-right "inverting"
(AND 1, XOR white; the 32-bit image has an opaque colour C there instead and a half-transparent B).

gui_icons.ico:    16x16 4 bpp, 32x32 8 bpp, 32x32 32 bpp with alpha, 48x48 24 bpp, 64x64 PNG
gui_icons2.ico:   32x32 8 bpp, 16x16 1 bpp (monochrome)
gui_icons.cur:    32x32 1 bpp cursor, hotspot (5, 7): black, white and inverting squares
"""
from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent

VGA = [(0, 0, 0), (0x80, 0, 0), (0, 0x80, 0), (0x80, 0x80, 0), (0, 0, 0x80), (0x80, 0, 0x80), (0, 0x80, 0x80),
       (0xC0, 0xC0, 0xC0), (0x80, 0x80, 0x80), (0xFF, 0, 0), (0, 0xFF, 0), (0xFF, 0xFF, 0), (0, 0, 0xFF),
       (0xFF, 0, 0xFF), (0, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF)]


def quadrants(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Boolean masks (top-left, top-right, bottom-left, bottom-right) of an n x n image."""
    y, x = np.mgrid[0:n, 0:n]
    left, top = x < n // 2, y < n // 2
    return left & top, ~left & top, left & ~top, ~left & ~top


def pack_bits(bits: np.ndarray) -> bytes:
    """Rows of 0/1 as a bottom-up 1-bpp DIB (rows padded to 4 bytes)."""
    h, w = bits.shape
    stride = ((w + 31) // 32) * 4
    out = np.zeros((h, stride), np.uint8)
    packed = np.packbits(bits.astype(np.uint8), axis=1)
    out[:, :packed.shape[1]] = packed
    return out[::-1].tobytes()


def dib(n: int, bpp: int, pixels: bytes, and_bits: np.ndarray, palette: list[tuple[int, int, int]]) -> bytes:
    """An icon image: BITMAPINFOHEADER (doubled height), colour table, XOR bits, AND mask."""
    hdr = struct.pack("<IiiHHIIiiII", 40, n, 2 * n, 1, bpp, 0, 0, 0, 0, len(palette), 0)
    pal = b"".join(struct.pack("<BBBB", b, g, r, 0) for r, g, b in palette)
    return hdr + pal + pixels + pack_bits(and_bits)


def rows(arr: np.ndarray, bytes_per_row: int) -> bytes:
    """Top-down rows of uint8 data as bottom-up DIB rows padded to 4 bytes."""
    h = arr.shape[0]
    stride = (bytes_per_row + 3) // 4 * 4
    out = np.zeros((h, stride), np.uint8)
    out[:, :bytes_per_row] = arr.reshape(h, -1)
    return out[::-1].tobytes()


def icon_4bpp(n: int = 16) -> bytes:
    tl, tr, bl, br = quadrants(n)
    idx = np.zeros((n, n), np.uint8)
    idx[tr] = 9  # red
    idx[bl] = 10  # green
    idx[br] = 15  # white: inverts where the mask is 1
    packed = (idx[:, 0::2] << 4) | idx[:, 1::2]
    return dib(n, 4, rows(packed, n // 2), tl | br, VGA)


def icon_8bpp(n: int, a: tuple[int, int, int], b: tuple[int, int, int]) -> bytes:
    tl, tr, bl, br = quadrants(n)
    pal = [(0, 0, 0), a, b, (0xFF, 0xFF, 0xFF)] + [(i, i, i) for i in range(4, 256)]
    idx = np.zeros((n, n), np.uint8)
    idx[tr], idx[bl], idx[br] = 1, 2, 3
    return dib(n, 8, rows(idx, n), tl | br, pal)


def icon_24bpp(n: int, a: tuple[int, int, int], b: tuple[int, int, int]) -> bytes:
    tl, tr, bl, br = quadrants(n)
    px = np.zeros((n, n, 3), np.uint8)  # B, G, R
    px[tr] = a[::-1]
    px[bl] = b[::-1]
    px[br] = (0xFF, 0xFF, 0xFF)
    return dib(n, 24, rows(px, 3 * n), tl | br, [])


def icon_32bpp(n: int = 32) -> bytes:
    tl, tr, bl, br = quadrants(n)
    px = np.zeros((n, n, 4), np.uint8)  # B, G, R, A
    px[tr] = (0x00, 0x80, 0xFF, 0xFF)
    px[bl] = (0xFF, 0x00, 0x00, 0x80)
    px[br] = (0x00, 0xFF, 0x00, 0xFF)
    return dib(n, 32, rows(px, 4 * n), tl, [])


def icon_1bpp(n: int = 16) -> bytes:
    tl, tr, _bl, br = quadrants(n)
    xor = (tr | br).astype(np.uint8)  # white top-right, inverting bottom-right, black bottom-left
    packed = np.packbits(xor, axis=1)
    return dib(n, 1, rows(packed, packed.shape[1]), tl | br, [(0, 0, 0), (0xFF, 0xFF, 0xFF)])


def png_64() -> bytes:
    n = 64
    _tl, tr, bl, br = quadrants(n)
    a = np.zeros((n, n, 4), np.uint8)
    a[tr] = (0xAA, 0xBB, 0xCC, 0xFF)
    a[bl] = (0x12, 0x34, 0x56, 0xFF)
    a[br] = (0x65, 0x43, 0x21, 0xFF)
    buf = io.BytesIO()
    Image.fromarray(a, "RGBA").save(buf, "PNG")
    return buf.getvalue()


def ico(images: list[tuple[int, int, int, bytes]], cursor: bool = False,
        hotspot: tuple[int, int] = (0, 0)) -> bytes:
    """An .ico/.cur file from (width, height, bpp, image bytes) entries."""
    head = struct.pack("<HHH", 0, 2 if cursor else 1, len(images))
    off = 6 + 16 * len(images)
    ents, data = b"", b""
    for w, h, bpp, img in images:
        colors = (1 << bpp) if bpp < 8 else 0
        p1, p2 = hotspot if cursor else (1, bpp)
        ents += struct.pack("<BBBBHHII", w % 256, h % 256, colors % 256, 0, p1, p2, len(img), off + len(data))
        data += img
    return head + ents + data


def main() -> None:
    (HERE / "gui_icons.ico").write_bytes(ico([
        (16, 16, 4, icon_4bpp()),
        (32, 32, 8, icon_8bpp(32, (0x80, 0x40, 0x20), (0x20, 0x40, 0x80))),
        (32, 32, 32, icon_32bpp()),
        (48, 48, 24, icon_24bpp(48, (0x11, 0x22, 0x33), (0x44, 0x55, 0x66))),
        (64, 64, 32, png_64()),
    ]))
    (HERE / "gui_icons2.ico").write_bytes(ico([
        (32, 32, 8, icon_8bpp(32, (0x10, 0x20, 0x30), (0x40, 0x50, 0x60))),
        (16, 16, 1, icon_1bpp()),
    ]))
    n = 32
    y, x = np.mgrid[0:n, 0:n]
    black = (x >= 8) & (x < 16) & (y >= 8) & (y < 16)
    white = (x >= 16) & (x < 24) & (y >= 8) & (y < 16)
    inv = (x >= 8) & (x < 16) & (y >= 16) & (y < 24)
    andm = ~(black | white)
    xor = (white | inv).astype(np.uint8)
    packed = np.packbits(xor, axis=1)
    cur = dib(n, 1, rows(packed, packed.shape[1]), andm, [(0, 0, 0), (0xFF, 0xFF, 0xFF)])
    (HERE / "gui_icons.cur").write_bytes(ico([(32, 32, 1, cur)], cursor=True, hotspot=(5, 7)))


if __name__ == "__main__":
    main()
