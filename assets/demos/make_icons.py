"""Draw the bundled demos' icons (plasma/plasma.ico, snake/snake.ico, cellar/cellar.ico) with Pillow.

Run from anywhere: ``python assets/demos/make_icons.py``. The .ico files are committed (the resource compiler
embeds them as RT_GROUP_ICON); rerun only to change a picture, then rebuild with build.sh.

Each icon holds 16x16, 24x24, 32x32 and 48x48 32-bit images with alpha (classic DIBs with an AND mask, which
Windows XP and later draw blended) and a 256x256 PNG image (Vista's large icons). Every size is drawn once at
1024x1024 and scaled down with a Lanczos filter.
"""
from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
BIG = 1024
DIB_SIZES = (16, 24, 32, 48)
PNG_SIZE = 256


def rounded_tile(top: tuple[int, int, int], bottom: tuple[int, int, int], radius: int = 180,
                 margin: int = 40) -> Image.Image:
    """A rounded square with a vertical gradient and a soft dark outline, on transparency."""
    grad = np.linspace(0.0, 1.0, BIG)[:, None, None]
    rgb = (np.array(top)[None, None, :] * (1 - grad) + np.array(bottom)[None, None, :] * grad)
    rgb = np.broadcast_to(rgb, (BIG, BIG, 3)).astype(np.uint8)
    mask = Image.new("L", (BIG, BIG), 0)
    ImageDraw.Draw(mask).rounded_rectangle((margin, margin, BIG - margin, BIG - margin), radius, fill=255)
    img = Image.fromarray(rgb, "RGB").convert("RGBA")
    img.putalpha(mask)
    edge = Image.new("RGBA", (BIG, BIG), (0, 0, 0, 0))
    ImageDraw.Draw(edge).rounded_rectangle((margin, margin, BIG - margin, BIG - margin), radius,
                                           outline=(0, 0, 0, 170), width=24)
    return Image.alpha_composite(img, edge)


def plasma_icon() -> Image.Image:
    """Plasma Dream: a plasma swirl with a white eighth note."""
    y, x = np.mgrid[0:BIG, 0:BIG] / BIG
    v = (np.sin(x * 9.0) + np.sin(y * 7.0 + 1.0) + np.sin(np.hypot(x - 0.3, y - 0.7) * 18.0)
         + np.sin(np.hypot(x - 0.8, y - 0.2) * 14.0))
    k = (v + 4.0) / 8.0 * 2 * np.pi * 2
    rgb = np.stack([40 + 150 * (np.sin(k) + 1) / 2, 10 + 90 * (np.sin(k + 2.1) + 1) / 2,
                    70 + 180 * (np.sin(k * 2 + 1.5) + 1) / 2], axis=-1).astype(np.uint8)
    img = Image.fromarray(rgb, "RGB").convert("RGBA")
    mask = Image.new("L", (BIG, BIG), 0)
    ImageDraw.Draw(mask).rounded_rectangle((40, 40, BIG - 40, BIG - 40), 180, fill=255)
    img.putalpha(mask)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((40, 40, BIG - 40, BIG - 40), 180, outline=(0, 0, 0, 170), width=24)
    # an eighth note: head, stem, flag (white with a dark shadow)
    for off, col in ((22, (20, 0, 40, 200)), (0, (255, 255, 255, 255))):
        d.ellipse((300 + off, 620 + off, 540 + off, 800 + off), fill=col)
        d.rectangle((480 + off, 230 + off, 540 + off, 720 + off), fill=col)
        d.polygon([(540 + off, 230 + off), (760 + off, 360 + off), (760 + off, 470 + off), (540 + off, 360 + off)],
                  fill=col)
    return img


def snake_icon() -> Image.Image:
    """Snake: a green snake curling towards a red apple on a dark green field."""
    img = rounded_tile((30, 90, 40), (10, 45, 20))
    d = ImageDraw.Draw(img)
    cell = 128
    path = [(1, 6), (2, 6), (3, 6), (3, 5), (3, 4), (3, 3), (4, 3), (5, 3)]
    for i, (cx, cy) in enumerate(path):
        g = 150 + 12 * i
        x0, y0 = cx * cell - 8, cy * cell - 8
        d.rounded_rectangle((x0, y0, x0 + cell + 16, y0 + cell + 16), 40, fill=(40, g, 50, 255),
                            outline=(10, 60, 20, 255), width=10)
    hx, hy = path[-1]
    d.ellipse((hx * cell + 70, hy * cell + 20, hx * cell + 110, hy * cell + 60), fill=(255, 255, 255, 255))
    d.ellipse((hx * cell + 82, hy * cell + 30, hx * cell + 104, hy * cell + 52), fill=(0, 0, 0, 255))
    # apple
    d.ellipse((600, 620, 860, 880), fill=(220, 30, 30, 255), outline=(120, 0, 0, 255), width=12)
    d.ellipse((650, 670, 720, 740), fill=(255, 150, 150, 255))
    d.rectangle((720, 560, 745, 640), fill=(100, 60, 20, 255))
    d.ellipse((745, 565, 840, 620), fill=(60, 180, 60, 255))
    return img


def cellar_icon() -> Image.Image:
    """The Cellar: a stone archway with a lantern glow and a console prompt."""
    img = rounded_tile((60, 55, 70), (25, 20, 30))
    glow = Image.new("RGBA", (BIG, BIG), (0, 0, 0, 0))
    ImageDraw.Draw(glow).ellipse((250, 250, 770, 770), fill=(255, 170, 60, 150))
    img = Image.alpha_composite(img, glow.filter(ImageFilter.GaussianBlur(90)))
    d = ImageDraw.Draw(img)
    # arch: a dark doorway in a ring of stones
    d.pieslice((250, 180, 774, 704), 180, 360, fill=(130, 120, 110, 255))
    d.rectangle((250, 442, 774, 880), fill=(130, 120, 110, 255))
    d.pieslice((330, 260, 694, 624), 180, 360, fill=(10, 8, 12, 255))
    d.rectangle((330, 442, 694, 880), fill=(10, 8, 12, 255))
    for a in range(180, 361, 30):
        r = np.deg2rad(a)
        cx, cy = 512 + 222 * np.cos(r), 442 + 222 * np.sin(r)
        d.line((512 + 182 * np.cos(r), 442 + 182 * np.sin(r), cx + 40 * np.cos(r), cy + 40 * np.sin(r)),
               fill=(70, 62, 58, 255), width=14)
    # prompt ">_" glowing amber in the doorway
    d.line((400, 560, 480, 620, 400, 680), fill=(255, 190, 60, 255), width=36, joint="curve")
    d.rectangle((520, 660, 640, 692), fill=(255, 190, 60, 255))
    d.rectangle((250, 860, 774, 900), fill=(90, 82, 76, 255))
    return img


def dib_image(img: Image.Image) -> bytes:
    """A 32-bit icon image: BITMAPINFOHEADER (doubled height), bottom-up BGRA rows, 1-bit AND mask."""
    n = img.width
    a = np.asarray(img.convert("RGBA"))
    bgra = a[:, :, [2, 1, 0, 3]][::-1]
    hdr = struct.pack("<IiiHHIIiiII", 40, n, 2 * n, 1, 32, 0, n * n * 4, 0, 0, 0, 0)
    stride = ((n + 31) // 32) * 4
    mask = np.zeros((n, stride), np.uint8)
    packed = np.packbits((a[:, :, 3] < 128).astype(np.uint8), axis=1)
    mask[:, :packed.shape[1]] = packed
    return hdr + bgra.tobytes() + mask[::-1].tobytes()


def write_ico(big: Image.Image, path: Path) -> None:
    """An .ico with the DIB sizes and a 256x256 PNG, all scaled from the 1024x1024 drawing."""
    images: list[tuple[int, bytes]] = []
    for n in DIB_SIZES:
        images.append((n, dib_image(big.resize((n, n), Image.Resampling.LANCZOS))))
    png = io.BytesIO()
    big.resize((PNG_SIZE, PNG_SIZE), Image.Resampling.LANCZOS).save(png, "PNG", optimize=True)
    images.append((PNG_SIZE, png.getvalue()))
    out = bytearray(struct.pack("<HHH", 0, 1, len(images)))
    offset = 6 + 16 * len(images)
    for n, data in images:
        out += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for _, data in images:
        out += data
    path.write_bytes(bytes(out))


def main() -> None:
    """Write the three .ico files next to their sources."""
    for name, draw in (("plasma", plasma_icon), ("snake", snake_icon), ("cellar", cellar_icon)):
        write_ico(draw(), HERE / name / f"{name}.ico")
        print(f"wrote {name}/{name}.ico")


if __name__ == "__main__":
    main()
