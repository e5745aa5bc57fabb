"""DirectDraw's view of the display: modes, the mode the desktop had, vertical blanks, and presenting.

A display mode change reconfigures the guest screen (``gdi.desktop.configure``). In exclusive fullscreen
mode the primary surface is what the screen shows: an overlay registered with the desktop draws its front
buffer over the composed desktop, converted to 0x00RRGGBB (8-bit through the primary's palette).

Presenting: in exclusive mode a primary is the whole screen, so ``install_overlay`` also registers a desktop
frame *source*: the presenter takes the front buffer straight from guest memory (an 8-bit primary's index
bytes as a zero-copy view plus its palette, converted by the presenter's palette shader). Frames are taken
at consistent moments only: a view is checked after use (``Frame.valid``: the front buffer is still the same
buffer, untouched (uniqueness value unchanged) and not locked or lent to GDI); when that fails (a program
flipping faster than a frame uploads, or drawing into a locked primary) the source asks the guest thread
for a snapshot, which ``changed()`` copies right after the next Flip/Unlock/Blt, when the picture is
complete. ``changed()`` also tells the desktop's listeners, so a window presents a flipped frame at once.
Windowed primaries are drawn by the overlay into the composed frame; ``stamp`` lets the desktop present a
composed frame only when no shown primary changed while it was composed, and a primary that is locked is
drawn (for the presenter only; screenshots read surfaces as they are) from a copy taken right after its
last Unlock.

Gamma: the display's gamma ramps (IDirectDrawGammaControl, ``ddraw_gamma``) are the DAC's: every presented
picture goes through them. An 8-bit primary's palette is folded through them (the presenter's palette shader
does the rest); a 16/24/32-bit frame is mapped channel by channel with numpy (only while the ramps are not the
identity, so the zero-copy XRGB8888 view stays otherwise); composed frames and screenshots are mapped as a
whole in the overlay's final call.

The display refreshes at ``REFRESH`` Hz of guest time: vertical blank ``k`` begins at ``k / REFRESH`` seconds
and lasts ``VBLANK_FRACTION`` of a frame. Waiting for one blocks the thread with a deadline, so in
``--deterministic`` runs time jumps straight to it.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from emu import clock
from emu.threads import Block, WaitSpec

if TYPE_CHECKING:
    from emu.machine import Machine

REFRESH = 60
VBLANK_FRACTION = 0.06  # ~1 ms of a 16.7 ms frame; roughly a VGA's 45 blank lines of 525
MODE_SIZES = ((320, 200), (320, 240), (400, 300), (512, 384), (640, 400), (640, 480), (800, 600), (1024, 768))
MODE_BPPS = (8, 16, 24, 32)
WM_DISPLAYCHANGE = 0x007E
CONTENDED_SECONDS = 0.03  # after a torn view: take snapshots on the guest thread for this long
WINDOW_CONTENDED_SECONDS = 1.0  # after a locked windowed primary held a frame back: snapshot each change this long


@dataclass
class Snapshot:
    """A copy of the front buffer taken on the guest thread at a consistent moment."""

    surface: Any
    raw: np.ndarray
    lut: np.ndarray | None
    version: object
    gamma: np.ndarray | None = None  # the gamma tables when it was taken


@dataclass
class Display:
    """Per-process display state."""

    desktop: tuple[int, int, int] | None = None  # the mode before DirectDraw changed it
    exclusive: Any = None  # the DirectDraw object holding exclusive fullscreen mode
    overlay: bool = False  # the overlay is registered with the desktop
    surfaces: list[Any] = field(default_factory=list)  # every live surface (for mode-change loss)
    want_snapshot: bool = False  # the presenter asks for a Snapshot at the next consistent moment
    snapshot: Snapshot | None = None
    contended_until: float = 0.0  # host time until which the source hands out snapshots, not views
    window_snaps: dict[int, Any] = field(default_factory=dict)  # id(surface) -> WindowSnapshot (windowed mode)
    window_contended_until: float = 0.0
    gamma_ramp: np.ndarray | None = None  # (3, 256) uint16 as set; None: the identity ramps
    gamma_tables: np.ndarray | None = None  # (3, 256) uint8: what the DAC puts out for each channel value
    gamma_owner: Any = None  # the primary surface that set them
    gamma_version: int = 0


def display(m: "Machine") -> Display:
    d = m.state.get("ddraw_display")
    if d is None:
        d = Display()
        m.state["ddraw_display"] = d
    return d


def modes() -> list[tuple[int, int, int]]:
    """Every mode a program may set, in EnumDisplayModes order (by depth, then size)."""
    return [(w, h, bpp) for bpp in MODE_BPPS for w, h in MODE_SIZES]


def current_mode(m: "Machine") -> tuple[int, int, int]:
    from gdi import desktop  # noqa: PLC0415
    s = desktop.screen(m)
    return s.width, s.height, s.bpp


def _configure(m: "Machine", w: int, h: int, bpp: int) -> None:
    from gdi import desktop  # noqa: PLC0415
    from gdi import message as mm  # noqa: PLC0415
    from gdi import window as wm  # noqa: PLC0415
    desktop.configure(m, w, h, bpp)
    install_overlay(m)
    for s in list(display(m).surfaces):
        s.mode_changed(m)
    st = wm.state(m)
    st.frame_version += 1
    for t in list(st.tops):  # Windows sends WM_DISPLAYCHANGE to the top-level windows
        if not t.destroyed:
            mm.send(m, t, WM_DISPLAYCHANGE, bpp, (h << 16) | w)


def set_mode(m: "Machine", w: int, h: int, bpp: int) -> None:
    """Switch the guest screen to ``w`` x ``h`` x ``bpp`` (remembering the desktop's mode)."""
    d = display(m)
    if d.desktop is None:
        d.desktop = current_mode(m)
    if current_mode(m) != (w, h, bpp):
        _configure(m, w, h, bpp)


def restore_mode(m: "Machine") -> None:
    """Back to the desktop's mode (no-op when DirectDraw never changed it)."""
    d = display(m)
    if d.desktop is not None:
        mode = d.desktop
        d.desktop = None
        if current_mode(m) != mode:
            _configure(m, *mode)


def changed(m: "Machine") -> None:
    """Something the overlay shows changed: presenters must pick up a new frame. Called on the guest's thread
    right after the change (Flip, Unlock, Blt, SetEntries, ...): the picture is complete here."""
    from gdi import desktop  # noqa: PLC0415
    desktop.screen(m).surface.version += 1
    d = display(m)
    if d.want_snapshot:
        _take_snapshot(m, d)
    if d.window_contended_until and time.monotonic() < d.window_contended_until:
        _take_window_snapshots(m, d)
    desktop.notify_changed(m)


# ---- presenting ------------------------------------------------------------------------------------------
Rect = tuple[int, int, int, int]


def apply_gamma(px: np.ndarray, tables: np.ndarray) -> np.ndarray:
    """0x00RRGGBB values (a palette or a frame) through per-channel gamma ``tables`` ((3, 256) uint8)."""
    v = px.astype(np.uint32, copy=False)
    ff = np.uint32(0xFF)
    r = tables[0][(v >> np.uint32(16)) & ff].astype(np.uint32)
    g = tables[1][(v >> np.uint32(8)) & ff].astype(np.uint32)
    b = tables[2][v & ff].astype(np.uint32)
    return (r << np.uint32(16)) | (g << np.uint32(8)) | b


def shown(m: "Machine") -> list[tuple[Any, Rect | None]]:
    """The primary surfaces on screen and where: in exclusive mode the whole primary; in normal (windowed)
    mode each primary inside the client area of its window (the clipper's, else the cooperative level's)."""
    d = display(m)
    dd = d.exclusive
    if dd is not None:
        p = dd.primary
        return [(p, None)] if p is not None and p.alive and not p.lost else []
    from gdi import window as wm  # noqa: PLC0415
    out: list[tuple[Any, Rect | None]] = []
    for s in d.surfaces:
        if not (s.primary and s.alive and not s.lost and (s.chain is None or s.chain[0] is s)):
            continue
        hwnd = s.clipper.hwnd if s.clipper is not None and s.clipper.hwnd else s.dd.hwnd if s.dd else 0
        w = wm.get(m, hwnd) if hwnd else None
        if w is None or w.destroyed or w.minimized or not wm.really_visible(w):
            continue
        x, y = wm.client_origin_screen(w)
        r = (max(x, 0), max(y, 0), min(x + w.client_size[0], s.width), min(y + w.client_size[1], s.height))
        if r[2] > r[0] and r[3] > r[1]:
            out.append((s, r))
    return out


def visible_surface(m: "Machine") -> Any:
    """The primary surface the screen shows in exclusive fullscreen mode, or None."""
    dd = display(m).exclusive
    if dd is None:
        return None
    p = dd.primary
    return p if p is not None and p.alive and not p.lost else None


def install_overlay(m: "Machine") -> None:
    """Register the primary-surface overlay with the desktop (once per process)."""
    from gdi import desktop  # noqa: PLC0415
    d = display(m)
    if d.overlay:
        return
    d.overlay = True

    from gdi import window as wm  # noqa: PLC0415

    presenting = desktop.composing_for_presenter

    def overlay(frame: np.ndarray, top: Any) -> None:
        """Exclusive mode: the primary over everything (the final call, top None). Windowed: each primary right
        after its window's top-level window, so windows above it (message boxes) stay on top."""
        H, W = frame.shape
        exclusive = display(m).exclusive is not None
        if exclusive != (top is None):
            if top is None:
                _gamma_frame(m, frame)
            return
        for s, r in shown(m):
            if r is not None:
                hwnd = s.clipper.hwnd if s.clipper is not None and s.clipper.hwnd else s.dd.hwnd if s.dd else 0
                w = wm.get(m, hwnd) if hwnd else None
                if w is None or wm.top_level(w) is not top:
                    continue
            x0, y0, x1, y1 = r if r is not None else (0, 0, s.width, s.height)
            x1, y1 = min(x1, W), min(y1, H)
            if x1 > x0 and y1 > y0:
                snap = _window_snapshot(m, s, (x0, y0, x1, y1)) if s.busy() and presenting(m) else None
                frame[y0:y1, x0:x1] = s.rgb(m, (x0, y0, x1, y1)) if snap is None else snap
        if top is None:
            _gamma_frame(m, frame)

    overlay.per_window = True  # type: ignore[attr-defined]
    desktop.screen(m).overlays.append(overlay)
    desktop.screen(m).sources.append(lambda: frame_source(m))
    desktop.screen(m).stamps.append(lambda: stamp(m))


def _gamma_frame(m: "Machine", frame: np.ndarray) -> None:
    """The whole composed screen through the gamma ramps (the DAC's), unless they are the identity."""
    tables = display(m).gamma_tables
    if tables is not None:
        frame[...] = apply_gamma(frame, tables)


def stamp(m: "Machine") -> Any:
    """What the overlay draws for a presenter, as a value that changes with it: the composed frame is presented
    only if it is the same before and after composing. A shown surface that is locked or lent to GDI is drawn
    from its last snapshot (taken on the guest thread right after an Unlock); without one, NOT_READY, and
    snapshots are taken from now on (for WINDOW_CONTENDED_SECONDS)."""
    from gdi import desktop  # noqa: PLC0415
    d = display(m)
    out: list[tuple[int, int, int]] = [(0, 0, d.gamma_version)]
    for s, r in shown(m):
        if s.busy():
            snap = d.window_snaps.get(id(s))
            if snap is None or snap.surface is not s or snap.rect != r:
                d.window_contended_until = time.monotonic() + WINDOW_CONTENDED_SECONDS
                return desktop.NOT_READY
            out.append((id(s), id(snap), -1))
        else:
            out.append((id(s), id(s.buf), s.uniqueness))
    return out


@dataclass
class WindowSnapshot:
    """A shown primary's pixels inside its window, as 0x00RRGGBB, copied on the guest thread after a change."""

    surface: Any
    rect: Rect | None
    rgb: np.ndarray


def _take_window_snapshots(m: "Machine", d: Display) -> None:
    snaps: dict[int, WindowSnapshot] = {}
    for s, r in shown(m):
        old = d.window_snaps.get(id(s))
        if s.busy():
            if old is not None and old.surface is s:
                snaps[id(s)] = old
            continue
        x0, y0, x1, y1 = r if r is not None else (0, 0, s.width, s.height)
        snaps[id(s)] = WindowSnapshot(s, r, s.rgb(m, (x0, y0, x1, y1)))
    d.window_snaps = snaps


def _window_snapshot(m: "Machine", s: Any, rect: Rect) -> np.ndarray | None:
    """The snapshot of ``s`` for drawing ``rect`` (None: none that fits)."""
    snap = display(m).window_snaps.get(id(s))
    if snap is None or snap.surface is not s:
        return None
    x0, y0, x1, y1 = snap.rect if snap.rect is not None else (0, 0, s.width, s.height)
    if (x0, y0) != rect[:2] or x1 < rect[2] or y1 < rect[3]:
        return None
    return snap.rgb[:rect[3] - y0, :rect[2] - x0]


# ---- the presenter's frame source (exclusive mode) ------------------------------------------------------------
def _take_snapshot(m: "Machine", d: Display) -> None:
    s = visible_surface(m)
    if s is None or s.busy():
        return  # no picture, or a lock is still out: the next change will do
    lut = s.palette_lut(m).copy() if s.fmt.palettized else None
    d.snapshot = Snapshot(s, np.array(s.buf.raw()), lut, _picture_key(s, lut, gamma=d.gamma_version),
                          d.gamma_tables)
    d.want_snapshot = False


def _picture_key(s: Any, lut: np.ndarray | None, buf: Any = None, uniq: int | None = None, gamma: int = 0) -> object:
    """Changes exactly when the front buffer's picture does: another buffer (Flip), new pixels (the front's
    uniqueness value: Unlock, Blt, ReleaseDC), other colours or gamma ramps. A back buffer's Unlock leaves it
    alone."""
    return (id(s.buf if buf is None else buf), s.uniqueness if uniq is None else uniq,
            lut.tobytes() if lut is not None else b"", gamma)


def _frame(raw: np.ndarray, fmt: Any, lut: np.ndarray | None, version: object,
           gamma: np.ndarray | None = None) -> Any:
    """A desktop Frame for raw pixel values of ``fmt``: 8-bit indices as they are (the palette through the gamma
    ramps), XRGB8888 as it is unless gamma ramps are set, the rest converted to 0x00RRGGBB (through the ramps)."""
    from gdi.desktop import Frame  # noqa: PLC0415

    from . import pixfmt  # noqa: PLC0415
    if fmt.palettized:
        return Frame("indexed", raw, version, palette=lut if gamma is None or lut is None else apply_gamma(lut, gamma))
    if gamma is None and fmt.bpp == 32 and (fmt.r, fmt.g, fmt.b) == (0xFF0000, 0xFF00, 0xFF):
        return Frame("rgb", raw, version)  # the presenter ignores the top byte
    rgb = pixfmt.to_rgb(raw, fmt)
    return Frame("rgb", rgb if gamma is None else apply_gamma(rgb, gamma), version)


def frame_source(m: "Machine") -> Any:
    """The exclusive-mode primary as a desktop Frame (None when no primary covers the screen; NOT_READY while
    only a snapshot can give a consistent picture and none was taken yet)."""
    from gdi import desktop  # noqa: PLC0415
    s = visible_surface(m)
    if s is None:
        return None
    scr = desktop.screen(m)
    if (s.width, s.height) != (scr.width, scr.height):
        return None
    d = display(m)
    buf, uniq = s.buf, s.uniqueness  # what the view shows and valid() checks, read before anything else
    lut = s.palette_lut(m) if s.fmt.palettized else None
    gamma, gamma_version = d.gamma_tables, d.gamma_version
    key = _picture_key(s, lut, buf, uniq, gamma_version)
    snap = d.snapshot
    if snap is not None:
        d.snapshot = None
        if snap.surface is s and snap.raw.shape == (s.height, s.width):
            f = _frame(snap.raw, s.fmt, snap.lut, snap.version, snap.gamma)
            f.stale = snap.version != key
            return f
    if time.monotonic() < d.contended_until:
        d.want_snapshot = True
        return desktop.NOT_READY
    if s.busy():
        return _contended(d)
    f = _frame(buf.raw(), s.fmt, lut, key, gamma)

    def valid() -> bool:
        """The view still shows the front buffer as it was when the frame was taken."""
        if s.buf is buf and s.uniqueness == uniq and not s.busy() and s.alive and not s.lost:
            return True
        _contended(d)
        return False

    f.valid = valid
    return f


def _contended(d: Display) -> str:
    d.contended_until = time.monotonic() + CONTENDED_SECONDS
    d.want_snapshot = True
    from gdi import desktop  # noqa: PLC0415
    return desktop.NOT_READY


# ---- vertical blank ----------------------------------------------------------------------------------------
PERIOD = 1.0 / REFRESH


def frame_index(t: float) -> int:
    """The number of vertical blanks begun by guest time ``t``."""
    return math.floor(t * REFRESH + 1e-9)


def in_vblank(t: float) -> bool:
    return (t * REFRESH + 1e-9) - frame_index(t) < VBLANK_FRACTION


def scan_line(t: float, height: int) -> int:
    """The line the beam is drawing at guest time ``t`` (visible lines only)."""
    phase = (t * REFRESH + 1e-9) - frame_index(t) - VBLANK_FRACTION
    return max(0, min(height - 1, int(phase / (1 - VBLANK_FRACTION) * height)))


def wait_vblank(m: "Machine", result: int, frames: int = 1, end: bool = False) -> None:
    """Block the calling thread until the ``frames``-th next vertical blank begins (or, ``end``, ends);
    the call then returns ``result``."""
    now = clock.now()
    k = frame_index(now) + frames
    deadline = k * PERIOD
    if end:
        if in_vblank(now) and frames == 1:
            deadline = frame_index(now) * PERIOD
        deadline += VBLANK_FRACTION * PERIOD
    if deadline <= now:
        return
    raise Block(WaitSpec([], False, deadline, result=lambda _r: result))
