"""The launcher's library: which programs there are, what they are called and what their icons look like.

Programs come from the bundled demos (``.exe`` files under ``assets/``), from folders the user added (searched
a few levels deep) and from single programs the user added. Each one is read with ``pefile`` once (cached by
path, size and modification time):

* name: the VERSIONINFO string ProductName, else FileDescription (the US English table first, else the
  first), else the file name;
* icon: the first RT_GROUP_ICON in resource-directory order (named groups before numbered ones, numbers
  ascending: the icon Explorer shows), its best image for ``ICON_SIZE`` (that size, else the smallest larger
  one, else the largest; the deepest colour at equal sizes), decoded by Pillow (AND mask, 32-bit alpha, PNG
  images) and scaled to ``ICON_SIZE`` (whole-factor enlargements nearest-neighbour, reductions smoothed).
  Programs without icons get a default one: a window for GUI programs, a console for console programs.

``ordered(programs, recent)`` puts recently played programs first (latest first), then the others by name.
"""
from __future__ import annotations

import io
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple

from PIL import Image, ImageDraw

ICON_SIZE = 64
"""Icons are shown (and returned) at this many pixels square."""
SCAN_DEPTH = 3
"""How many folder levels below a library folder are searched for programs."""
MAX_PROGRAMS = 2000
"""At most this many programs are taken from one folder."""
ASSETS = Path(__file__).resolve().parent.parent / "assets"
"""The bundled demos (a source checkout's ``assets`` folder)."""

RT_ICON, RT_GROUP_ICON = 3, 14
SUBSYSTEM_GUI, SUBSYSTEM_CONSOLE = 2, 3


class IconEntry(NamedTuple):
    """One image of an icon group: its real size and colour depth (read from the image itself)."""

    width: int
    height: int
    bpp: int
    data: bytes


@dataclass
class Program:
    """A program in the library."""

    path: str          # absolute real path
    name: str          # what the launcher shows
    icon: Image.Image  # ICON_SIZE x ICON_SIZE RGBA
    has_icon: bool     # the icon is the program's own (not a default)
    gui: bool          # Windows GUI subsystem (console programs never open a window)
    bundled: bool = False

    @property
    def file_name(self) -> str:
        """The program's file name."""
        return os.path.basename(self.path)


# ---- icons -------------------------------------------------------------------------------------------
def image_info(data: bytes) -> tuple[int, int, int] | None:
    """(width, height, bits per pixel) of an RT_ICON image: a BITMAPINFOHEADER (height doubled for the mask)
    or a PNG; None if it is neither."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 26:
        w, h, depth, ctype = struct.unpack_from(">IIBB", data, 16)
        channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(ctype, 4)
        return w, h, depth * channels
    if len(data) < 16:
        return None
    hs = struct.unpack_from("<I", data)[0]
    if hs == 12:
        _s, w, h2, _planes, bpp = struct.unpack_from("<IHHHH", data)
    elif hs >= 40 and len(data) >= 40:
        _s, w, h2, _planes, bpp = struct.unpack_from("<IiiHH", data)
    else:
        return None
    if w <= 0 or h2 == 0:
        return None
    return w, abs(h2) // 2, bpp


def best_entry(entries: Iterable[IconEntry], size: int = ICON_SIZE) -> IconEntry | None:
    """The image to show at ``size`` px: that size, else the smallest larger one, else the largest smaller one;
    among equal sizes the deepest colour."""
    def key(e: IconEntry) -> tuple[int, int, int]:
        s = max(e.width, e.height)
        if s >= size:
            return (0, s - size, -e.bpp)
        return (1, size - s, -e.bpp)
    return min(entries, key=key, default=None)


def decode_entry(e: IconEntry) -> Image.Image | None:
    """An icon image as RGBA (Pillow reads it as a one-image .ico file)."""
    ico = struct.pack("<HHH", 0, 1, 1) + struct.pack(
        "<BBBBHHII", e.width & 0xFF, e.height & 0xFF, 0, 0, 1, e.bpp, len(e.data), 22) + e.data
    try:
        with Image.open(io.BytesIO(ico)) as im:
            im.load()
            return im.convert("RGBA")
    except (OSError, ValueError, SyntaxError, struct.error):
        return None


def fit_icon(im: Image.Image, size: int = ICON_SIZE) -> Image.Image:
    """``im`` made size x size: whole-factor enlargements keep their pixels, other changes are smoothed."""
    if im.size == (size, size):
        return im
    w, h = im.size
    exact = size % max(w, 1) == 0 and size % max(h, 1) == 0 and w == h
    return im.resize((size, size), Image.Resampling.NEAREST if exact else Image.Resampling.LANCZOS)


def _pe_with_resources(path: str) -> object:
    import pefile  # noqa: PLC0415 - slow to import; only the library needs it
    pe = pefile.PE(path, fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
    return pe


def _resource_data(pe: object, entry: object) -> bytes | None:
    """The bytes of a name-level resource entry (its first language)."""
    d = getattr(entry, "directory", None)
    langs = getattr(d, "entries", None)
    if not langs:
        return None
    s = langs[0].data.struct
    try:
        return pe.get_data(s.OffsetToData, s.Size)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - pefile raises its own errors for data outside the file
        return None


def _type_dir(pe: object, rtype: int) -> list[object]:
    root = getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None)
    for t in getattr(root, "entries", None) or []:
        if t.id == rtype and t.name is None and getattr(t, "directory", None) is not None:
            return list(t.directory.entries)
    return []


def icon_entries(pe: object, group: int | str | None = None) -> list[IconEntry]:
    """The images of an RT_GROUP_ICON (the first one in directory order when ``group`` is None)."""
    groups = _type_dir(pe, RT_GROUP_ICON)
    # directory order is Windows' order (named entries sorted, then ids ascending); keep it, but sort in case
    groups.sort(key=lambda g: (0, str(g.name).upper(), 0) if g.name is not None else (1, "", g.id))
    if group is not None:
        groups = [g for g in groups if (g.id == group if isinstance(group, int)
                                        else g.name is not None and str(g.name).upper() == group.upper())]
    if not groups:
        return []
    gdata = _resource_data(pe, groups[0])
    if gdata is None or len(gdata) < 6:
        return []
    _res, typ, n = struct.unpack_from("<HHH", gdata)
    if typ != 1:
        return []
    icons = {e.id: e for e in _type_dir(pe, RT_ICON) if e.name is None}
    out: list[IconEntry] = []
    for i in range(min(n, (len(gdata) - 6) // 14)):
        nid = struct.unpack_from("<H", gdata, 6 + 14 * i + 12)[0]
        ent = icons.get(nid)
        data = _resource_data(pe, ent) if ent is not None else None
        info = image_info(data) if data else None
        if data and info:
            out.append(IconEntry(info[0], info[1], info[2], data))
    return out


def extract_icon(path: str, size: int = ICON_SIZE, group: int | str | None = None) -> Image.Image | None:
    """A program's own icon at size x size RGBA, or None when it has none (or none that decodes)."""
    try:
        pe = _pe_with_resources(path)
    except Exception:  # noqa: BLE001 - not a PE, or a broken one
        return None
    return _icon_of(pe, size, group)


def _icon_of(pe: object, size: int, group: int | str | None = None) -> Image.Image | None:
    entries = icon_entries(pe, group)
    while entries:
        e = best_entry(entries, size)
        assert e is not None
        im = decode_entry(e)
        if im is not None:
            return fit_icon(im, size)
        entries.remove(e)
    return None


def default_icon(gui: bool = True, size: int = ICON_SIZE) -> Image.Image:
    """The icon of a program without one: a window (GUI) or a console window with a prompt."""
    s = size / 64
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    box = (round(4 * s), round(8 * s), round(59 * s), round(55 * s))
    d.rectangle((box[0] + round(3 * s), box[1] + round(3 * s), box[2] + round(3 * s), box[3] + round(3 * s)),
                fill=(0, 0, 0, 96))
    d.rectangle(box, fill=(192, 192, 192, 255), outline=(0, 0, 0, 255), width=max(1, round(s)))
    bar = (box[0] + round(3 * s), box[1] + round(3 * s), box[2] - round(3 * s), box[1] + round(12 * s))
    d.rectangle(bar, fill=(0, 0, 128, 255) if gui else (128, 128, 128, 255))
    body = (box[0] + round(3 * s), bar[3] + round(2 * s), box[2] - round(3 * s), box[3] - round(3 * s))
    if gui:
        d.rectangle(body, fill=(255, 255, 255, 255), outline=(128, 128, 128, 255))
    else:
        d.rectangle(body, fill=(0, 0, 0, 255))
        x, y = body[0] + round(4 * s), body[1] + round(4 * s)
        d.line((x, y, x + round(6 * s), y + round(5 * s), x, y + round(10 * s)), fill=(192, 192, 192, 255),
               width=max(1, round(2 * s)))
        d.line((x + round(9 * s), y + round(11 * s), x + round(18 * s), y + round(11 * s)),
               fill=(192, 192, 192, 255), width=max(1, round(2 * s)))
    return im


# ---- names -------------------------------------------------------------------------------------------
def version_strings(pe: object) -> dict[str, str]:
    """The VERSIONINFO strings of a parsed PE: the US English table (040904xx) first, else the first table."""
    tables = []
    for fi in getattr(pe, "FileInfo", None) or []:
        for block in fi if isinstance(fi, list) else [fi]:
            tables.extend(getattr(block, "StringTable", None) or [])
    if not tables:
        return {}
    tables.sort(key=lambda t: 0 if bytes(getattr(t, "LangID", b"")).lower().startswith(b"0409") else 1)
    out: dict[str, str] = {}
    for k, v in tables[0].entries.items():
        key = k.decode("utf-8", "replace") if isinstance(k, bytes) else str(k)
        val = v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
        out[key] = val.strip().strip("\x00").strip()
    return out


def _name_of(pe: object | None, path: str) -> str:
    if pe is not None:
        vs = version_strings(pe)
        for k in ("ProductName", "FileDescription"):
            if vs.get(k):
                return vs[k]
    return os.path.basename(path)


def program_name(path: str) -> str:
    """What the launcher calls a program: ProductName, else FileDescription, else the file name."""
    try:
        pe = _pe_with_resources(path)
    except Exception:  # noqa: BLE001
        pe = None
    return _name_of(pe, path)


def _subsystem(pe: object) -> int:
    try:
        return int(pe.OPTIONAL_HEADER.Subsystem)  # type: ignore[attr-defined]
    except AttributeError:
        return 0


# ---- the library ---------------------------------------------------------------------------------------
_cache: dict[str, tuple[tuple[int, int], Program]] = {}


def read_program(path: str, bundled: bool = False) -> Program | None:
    """A Program for an .exe file (None when it is not a PE file); cached while the file is unchanged."""
    p = os.path.realpath(os.path.abspath(path))
    try:
        st = os.stat(p)
    except OSError:
        return None
    stamp = (st.st_size, st.st_mtime_ns)
    hit = _cache.get(p)
    if hit is not None and hit[0] == stamp:
        hit[1].bundled = hit[1].bundled or bundled
        return hit[1]
    try:
        pe = _pe_with_resources(p)
    except Exception:  # noqa: BLE001 - not a PE file (or a broken one): not a program
        return None
    gui = _subsystem(pe) != SUBSYSTEM_CONSOLE
    icon = _icon_of(pe, ICON_SIZE)
    prog = Program(p, _name_of(pe, p), icon if icon is not None else default_icon(gui), icon is not None, gui,
                   bundled)
    close = getattr(pe, "close", None)
    if close is not None:
        close()
    _cache[p] = (stamp, prog)
    return prog


def find_exes(folder: str, depth: int = SCAN_DEPTH, limit: int = MAX_PROGRAMS) -> list[str]:
    """The .exe files in a folder and its subfolders down to ``depth`` levels (hidden folders skipped)."""
    out: list[str] = []
    stack: list[tuple[str, int]] = [(folder, 0)]
    while stack and len(out) < limit:
        d, level = stack.pop()
        try:
            with os.scandir(d) as it:
                ents = sorted(it, key=lambda e: e.name.lower())
        except OSError:
            continue
        subdirs = []
        for e in ents:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir():
                    if level < depth:
                        subdirs.append((e.path, level + 1))
                elif e.name.lower().endswith(".exe") and e.is_file():
                    out.append(e.path)
            except OSError:
                continue
        stack.extend(reversed(subdirs))
    return out[:limit]


def bundled_programs(assets: Path = ASSETS) -> list[str]:
    """The bundled demos: .exe files under ``assets/`` (fonts aside)."""
    if not assets.is_dir():
        return []
    return [p for p in find_exes(str(assets)) if os.sep + "fonts" + os.sep not in p]


def scan(folders: Iterable[str] = (), files: Iterable[str] = (), assets: Path | None = ASSETS) -> list[Program]:
    """Every program of the library, each once (bundled demos, then the folders' and single files')."""
    seen: set[str] = set()
    out: list[Program] = []

    def take(path: str, bundled: bool) -> None:
        prog = read_program(path, bundled)
        if prog is not None and prog.path not in seen:
            seen.add(prog.path)
            out.append(prog)
    for p in bundled_programs(assets) if assets is not None else []:
        take(p, True)
    for folder in folders:
        for p in find_exes(folder):
            take(p, False)
    for p in files:
        take(p, False)
    return out


def ordered(programs: Iterable[Program], recent: dict[str, float]) -> list[Program]:
    """Recently played programs first (the latest first), then the others by name."""
    progs = list(programs)
    played = sorted((p for p in progs if p.path in recent), key=lambda p: -recent[p.path])
    rest = sorted((p for p in progs if p.path not in recent), key=lambda p: (p.name.lower(), p.path))
    return played + rest


def matches(prog: Program, text: str) -> bool:
    """Whether a program fits the typed filter: every word in its name or file name (case-insensitive)."""
    hay = f"{prog.name}\n{prog.file_name}".lower()
    return all(w in hay for w in text.lower().split())
