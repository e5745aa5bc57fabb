"""The guest's screen: its size and depth, the desktop background, and composing the frame a presenter
shows or a screenshot saves (desktop, then every visible top-level window bottom-up; ``overlays`` such as
DirectDraw's primary surface can register themselves to draw last).

What a presenter shows comes from ``presentation(m) -> Frame``: either the composed 0x00RRGGBB frame
("rgb"), or, when a ``source`` registered by a full-screen producer (DirectDraw in exclusive mode) answers,
its frame directly, e.g. an 8-bit primary's index bytes and palette ("indexed") as a zero-copy view of guest
memory. The guest cursor comes with it as a sprite. ``presentation_version(m)`` changes whenever any of it
may have; ``on_change(m, fn)`` listeners are told when a source's picture changed (a Flip), so a window can
present it without waiting for its next poll.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Final

import numpy as np

from emu.api import INT, stdcall

from .surface import Surface, colorref_to_px

if TYPE_CHECKING:
    from emu.machine import Machine

DEFAULT_SIZE = (800, 600)
CRT_MODES = ((320, 200), (640, 400))
"""Modes whose pixels a 4:3 monitor showed taller than wide: pictures of these sizes are shown at 4:3."""
STARVE_SECONDS = 0.1
"""A composed frame the guest keeps changing is shown anyway after this long (a surface locked for good)."""
NOT_READY: Final = "not ready"
"""What a frame source answers when its picture cannot be taken at a consistent moment yet (ask again soon)."""


@dataclass
class Cursor:
    """The guest's mouse cursor as a presenter draws it over the picture."""

    rgba: np.ndarray  # (h, w, 4) uint8; alpha >= 128 is drawn, the rest is transparent
    x: int  # top-left corner on the guest screen (the position minus the hotspot)
    y: int
    key: object  # equal keys: the same image


@dataclass
class Frame:
    """One picture for a presenter.

    ``kind`` "rgb": ``pixels`` is (H, W) uint32 0x00RRGGBB (the top byte is ignored); "indexed": (H, W) uint8
    palette indices and ``palette`` is uint32[256] 0x00RRGGBB. Rows may be padded (views into guest memory with a
    pitch). ``version`` is the picture's version. A frame that views memory the guest may write has ``valid``:
    call it after using the pixels; False means the guest touched them meanwhile (use of them must be undone,
    and the frame asked for again). ``stale``: newer pictures exist (ask again at the next refresh).
    """

    kind: str
    pixels: np.ndarray
    version: object  # compared with ==
    palette: np.ndarray | None = None
    pixel_aspect: float = 1.0  # a guest pixel's displayed height / width
    cursor: Cursor | None = None
    valid: Callable[[], bool] | None = None
    stale: bool = False

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])


@dataclass
class Screen:
    width: int
    height: int
    bpp: int
    surface: Surface
    # drawn over the composed screen; a function with ``per_window = True`` is called as f(frame, window) right after
    # each top-level window is drawn (bottom-up) and as f(frame, None) at the end
    overlays: list[Callable[..., None]] = field(default_factory=list)
    version: int = 0
    # full-screen producers: f() -> Frame (the whole screen, nothing over it), None (not showing) or NOT_READY
    sources: list[Callable[[], Any]] = field(default_factory=list)
    # what overlays draw from memory the guest writes: f() -> a value that changes with it, or NOT_READY while
    # the guest is changing it (a locked surface); a composed frame is only presented if stable across compose
    stamps: list[Callable[[], Any]] = field(default_factory=list)


def configure(m: "Machine", width: int, height: int, bpp: int = 32) -> Screen:
    """Set the guest screen size (before the program starts, or on a display mode change)."""
    from . import syscolor  # noqa: PLC0415
    s = Surface(width, height)
    s.px[:] = colorref_to_px(syscolor.get(m, 1))  # COLOR_BACKGROUND
    scr = Screen(width, height, bpp, s)
    old = m.state.get("screen")
    if old is not None:
        scr.overlays = old.overlays
        scr.sources = old.sources
        scr.stamps = old.stamps
    m.state["screen"] = scr
    return scr


def screen(m: "Machine") -> Screen:
    scr = m.state.get("screen")
    if scr is None:
        w, h = m.state.get("screen_size", DEFAULT_SIZE)
        scr = configure(m, w, h)
    return scr


def frame_version(m: "Machine") -> int:
    """Changes whenever something on screen may have changed."""
    from . import window as wm  # noqa: PLC0415
    st = wm.state(m)
    v = st.frame_version + screen(m).surface.version
    for t in st.tops:
        if t.surface is not None:
            v += t.surface.version
    return v


def compose(m: "Machine") -> np.ndarray:
    """The whole screen as a (height, width) uint32 array of 0x00RRGGBB pixels."""
    from . import window as wm  # noqa: PLC0415
    scr = screen(m)
    frame = scr.surface.px.copy()
    H, W = frame.shape
    layered = [ov for ov in scr.overlays if getattr(ov, "per_window", False)]
    for t in reversed(wm.state(m).tops):
        if not t.visible or t.minimized or t.surface is None or t.destroyed:
            continue
        x0, y0 = t.rect[0], t.rect[1]
        sx0, sy0 = max(0, -x0), max(0, -y0)
        dx0, dy0 = max(0, x0), max(0, y0)
        w = min(t.surface.width - sx0, W - dx0)
        h = min(t.surface.height - sy0, H - dy0)
        if w > 0 and h > 0:
            t.surface.pull()
            frame[dy0:dy0 + h, dx0:dx0 + w] = t.surface.px[sy0:sy0 + h, sx0:sx0 + w]
        for ov in layered:  # content shown inside this window (a windowed DirectDraw primary), under the ones above
            ov(frame, t)
    icons = wm.iconic_rects(m)
    if icons:
        _draw_icons(m, frame, icons)
    for ov in scr.overlays:
        if getattr(ov, "per_window", False):
            ov(frame, None)
        else:
            ov(frame)
    return frame


def _draw_icons(m: "Machine", frame: np.ndarray, icons: list) -> None:  # type: ignore[type-arg]
    """Minimised windows: a small caption bar each (icon, title) drawn on the desktop."""
    from . import nonclient  # noqa: PLC0415
    from .dc import DC  # noqa: PLC0415
    H, W = frame.shape
    for w, (x0, y0, x1, y1) in icons:
        s = Surface(x1 - x0, y1 - y0)
        dc = DC(m, s, memory=True)
        nonclient.draw_iconic(m, w, dc, (0, 0, x1 - x0, y1 - y0))
        if 0 <= x0 and x1 <= W and 0 <= y0 and y1 <= H:
            frame[y0:y1, x0:x1] = s.px


def draw_cursor(m: "Machine", frame: np.ndarray) -> None:
    """Blend the guest's current mouse cursor into a composed frame at the cursor position (for a window;
    screenshots leave it out)."""
    from . import cursor, input as inp  # noqa: PLC0415
    img = cursor.cursor_image(m)
    if img is None:
        return
    rgba, (hx, hy) = img
    x, y = inp.cursor_pos(m)
    x0, y0 = x - hx, y - hy
    H, W = frame.shape
    h, w = rgba.shape[:2]
    sx0, sy0 = max(0, -x0), max(0, -y0)
    dx0, dy0 = max(0, x0), max(0, y0)
    cw, ch = min(w - sx0, W - dx0), min(h - sy0, H - dy0)
    if cw <= 0 or ch <= 0:
        return
    src = rgba[sy0:sy0 + ch, sx0:sx0 + cw]
    mask = src[:, :, 3] >= 128
    px = (src[:, :, 0].astype(np.uint32) << 16) | (src[:, :, 1].astype(np.uint32) << 8) | src[:, :, 2]
    region = frame[dy0:dy0 + ch, dx0:dx0 + cw]
    region[mask] = px[mask]


def cursor_version(m: "Machine") -> int:
    """Changes when the cursor moves or changes shape."""
    from . import input as inp  # noqa: PLC0415
    x, y = inp.cursor_pos(m)
    ist = m.state.get("icons")
    cur = getattr(ist, "current", 0) or 0
    return (x * 7919 + y * 104729 + cur * 31) & 0xFFFFFFFF


def pixel_aspect(width: int, height: int) -> float:
    """How much taller than wide a guest pixel is shown: 1.2 for the 4:3 CRT modes 320x200 and 640x400, else 1."""
    return 1.2 if (width, height) in CRT_MODES else 1.0


def _cursor_state(m: "Machine") -> tuple[tuple[int, int], int | None, bool]:
    from . import input as inp  # noqa: PLC0415
    ist = m.state.get("icons")
    st = m.state.get("input")
    hidden = st is not None and getattr(st, "cursor_count", 0) < 0
    return inp.cursor_pos(m), getattr(ist, "current", None), hidden


def cursor_sprite(m: "Machine") -> Cursor | None:
    """The guest cursor where draw_cursor() would draw it, as a sprite (None when hidden or unset)."""
    from . import cursor  # noqa: PLC0415
    (x, y), cur, hidden = _cursor_state(m)
    if hidden:
        return None
    cache = m.state.get("desktop_cursor_sprite")
    if cache is None or cache[0] != cur:
        img = cursor.cursor_image(m)
        cache = (cur, img)
        m.state["desktop_cursor_sprite"] = cache
    img = cache[1]
    if img is None:
        return None
    rgba, (hx, hy) = img
    return Cursor(rgba, x - hx, y - hy, (cur, id(rgba)))


def presentation_version(m: "Machine") -> object:
    """Changes whenever the presented picture or cursor may have changed (cheap: no pixels are touched)."""
    pos, cur, hidden = _cursor_state(m)
    return frame_version(m), pos, cur, hidden


def presentation(m: "Machine", with_cursor: bool = True) -> Frame | None:
    """What a window shows now: a full-screen source's frame, else the composed screen (as screenshots see it);
    plus the cursor sprite. None: a source cannot give a consistent picture this instant (ask again soon)."""
    scr = screen(m)
    m.state["desktop_presenter_thread"] = threading.get_ident()
    f: Frame | None = None
    for src in list(scr.sources):
        got = src()
        if got is NOT_READY:
            return None
        if got is not None:
            f = got
            break
    if f is None:
        version = frame_version(m)
        last = m.state.get("desktop_presented")
        if last is not None and last[0] == version and last[1].shape == (scr.height, scr.width):
            px = last[1]  # only the cursor moved: no need to compose again
        else:
            before = [st() for st in scr.stamps]
            busy = NOT_READY in before
            if not busy:
                px = compose(m)
                busy = before != [st() for st in scr.stamps]  # the guest changed a surface while it was read
            now = time.monotonic()
            if busy:
                since = m.state.setdefault("desktop_busy_since", now)
                if now - since < STARVE_SECONDS:
                    return None
                px = compose(m)  # the guest keeps its surfaces locked: show them as they are
            m.state.pop("desktop_busy_since", None)
            m.state["desktop_presented"] = (version, px)
        f = Frame("rgb", px, version)
    f.pixel_aspect = pixel_aspect(f.width, f.height)
    if with_cursor:
        f.cursor = cursor_sprite(m)
    return f


def composing_for_presenter(m: "Machine") -> bool:
    """Whether the compose() running now is presentation()'s (on the presenter's thread), not a screenshot's."""
    return m.state.get("desktop_presenter_thread") == threading.get_ident()


def on_change(m: "Machine", fn: Callable[[], None]) -> None:
    """Call ``fn()`` (from the guest's thread: it must be quick and thread-safe) when a source's picture changes."""
    m.state.setdefault("desktop_listeners", []).append(fn)


def notify_changed(m: "Machine") -> None:
    """A full-screen source's picture changed (called by the source, on the guest's thread)."""
    for fn in m.state.get("desktop_listeners", ()):
        fn()


def write_png(px: np.ndarray, path: str) -> None:
    """Write a (H, W) array of 0x00RRGGBB pixels (the top byte ignored) to ``path`` as an RGB PNG."""
    from PIL import Image  # noqa: PLC0415
    rgb = np.empty(px.shape + (3,), dtype=np.uint8)
    rgb[..., 0] = (px >> 16) & 0xFF
    rgb[..., 1] = (px >> 8) & 0xFF
    rgb[..., 2] = px & 0xFF
    Image.fromarray(rgb, "RGB").save(path, optimize=False)


def save_png(m: "Machine", path: str) -> None:
    """Write the composed screen to ``path`` as a PNG."""
    write_png(compose(m), path)


# GetSystemMetrics indices
_METRICS: dict[int, Any] = {
    2: 16, 3: 16, 4: 19, 5: 1, 6: 1, 7: 3, 8: 3, 9: 16, 10: 16, 11: 32, 12: 32, 13: 32, 14: 32, 15: 19,
    19: 1, 20: 16, 21: 16, 22: 0, 23: 0, 28: 112, 29: 27, 30: 18, 31: 18, 32: 4, 33: 4, 34: 112, 35: 27,
    36: 4, 37: 4, 38: 75, 39: 75, 40: 0, 41: 0, 42: 0, 43: 3, 44: 0, 45: 2, 46: 2, 47: 0, 48: 0,
    49: 16, 50: 16, 51: 13, 52: 15, 53: 12, 54: 15, 55: 18, 56: 18, 57: 160, 58: 24, 59: 0, 60: 0, 63: 3,
    67: 0, 68: 4, 69: 4, 70: 0, 71: 13, 72: 13, 73: 0, 74: 0, 75: 1, 80: 1, 83: 1, 86: 0, 87: 0,
}


@stdcall("user32")
def GetSystemMetrics(m: "Machine", nIndex: INT) -> INT:
    """Screen size, frame and caption sizes, mouse presence (Windows 9x values at 96 dpi)."""
    scr = screen(m)
    if nIndex in (0, 16, 61, 78):  # CXSCREEN, CXFULLSCREEN, CXMAXIMIZED-ish, CXVIRTUALSCREEN
        return scr.width if nIndex != 16 else scr.width
    if nIndex in (1, 17, 62, 79):
        return scr.height if nIndex != 17 else scr.height - 19
    if nIndex in (76, 77):  # XVIRTUALSCREEN, YVIRTUALSCREEN
        return 0
    if nIndex == 61:
        return scr.width + 8
    return _METRICS.get(nIndex, 0)
