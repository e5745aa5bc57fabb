"""Gamepads: SDL GameController devices as the guest's joysticks, and pad-to-keyboard mapping.

Every SDL GameController the host has (hot-plugged too: ``SDL_CONTROLLERDEVICEADDED`` / ``REMOVED``) takes the
lowest free joystick slot (0..15, winmm's ``JOYSTICKID1``...; a pad that goes away frees its slot). The guest
reads them through ``audio/winmm_joy.py`` (joyGetPosEx...) and ``com/dinput_joystick.py`` (a DirectInput
game-controller device); both call ``pads(m)`` / ``pad(m, slot)``, which poll SDL first.

Where state comes from: ``poll()`` updates SDL's controllers (``SDL_GameControllerUpdate``, which also detects
plugged and unplugged devices), re-syncs the device list and reads each pad's buttons and axes. It runs on the
guest's CPU thread when the joystick APIs are called, when the process idles, and when a scripted virtual pad
changes; in a windowed run the presenter also forwards SDL's controller events (``handle_sdl_event``) from the
host main thread, so mapped keys arrive while the guest waits in GetMessage. In a headless run nobody else
drains SDL's event queue, so ``poll`` flushes the joystick and controller events itself. SDL is started lazily
(the GameController subsystem, no video needed): at the first joystick API call, at the first scripted pad
event, and at once for windowed runs or when a ``--pad-map`` is given. ``--deterministic`` runs see only the
virtual pads their script plugs in (a real pad would make them unrepeatable).

Keyboard mapping (for programs that only read the keyboard): each mapped input, a button (SDL's names: ``a b x y
back guide start leftstick rightstick leftshoulder rightshoulder dpup dpdown dpleft dpright misc1 paddle1..4
touchpad``) or an axis half (``leftx- leftx+ lefty- lefty+ rightx- rightx+ righty- righty+ lefttrigger
righttrigger``; ``-`` is left/up), becomes host key events (``gdi.hostevent.Key`` with the key's scan code, so
user32 and the DirectInput keyboard see a real keyboard's keys). An axis counts as pressed beyond half its travel
and released below 40 % (hysteresis); a key held by several inputs (A and Start both give Enter) goes up when the
last one is released. ``DEFAULT_MAPPING``: d-pad and left stick -> arrow keys, A -> Enter, B -> Escape,
X -> Space, Start -> Enter. The default mapping stops (releasing its keys) once the program reads a present pad
through the joystick APIs, so a game with joystick support does not also get keys; a mapping given explicitly
(``--pad-map``) stays on.

``--pad-map SPEC`` (``parse_spec``): either a path to a TOML file, or ``NAME=KEY`` entries separated by commas,
e.g. ``a=Space,b=Escape,start=Return,dpup=Up``. Entries are laid over the default mapping; ``NAME=`` or
``NAME=none`` removes one; a first entry ``clear`` starts from an empty mapping; ``none`` alone maps nothing.
Key names are ``--input`` script key names (``app.session.key_code``: Return, Escape, Space, Up, F1, Z, ...).
The TOML file holds the same entries as string values, at the top level or in a ``[pad_map]`` table, plus an
optional ``clear = true``. ``--no-gamepad`` turns all of this off: no pads, no mapped keys.

Test support: ``--input`` scripts drive SDL virtual pads (``SDL_JoystickAttachVirtualEx``, in this process) with
``pad`` lines (``script_events``)::

    0    pad attach              # plug in virtual pad 0 (``pad 1 attach``: a second one; ``pad 1 a down``...)
    500  pad a down              # a button: down, up, or press (down now, up 40 ms later)
    600  pad dpdown press
    700  pad leftx -32768        # an axis: sticks -32768..32767, triggers 0..32767
    900  pad detach              # unplug it
"""
from __future__ import annotations

import ctypes
import os
import threading
import tomllib
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from emu.machine import Machine

MAX_PADS = 16
"""Joystick slots (winmm's JOYSTICKID1..16)."""

BUTTONS: tuple[str, ...] = (
    "a", "b", "x", "y", "back", "guide", "start", "leftstick", "rightstick", "leftshoulder", "rightshoulder",
    "dpup", "dpdown", "dpleft", "dpright", "misc1", "paddle1", "paddle2", "paddle3", "paddle4", "touchpad",
)
"""SDL_GameControllerButton names, in SDL's order (the index is the SDL button number)."""
AXES: tuple[str, ...] = ("leftx", "lefty", "rightx", "righty", "lefttrigger", "righttrigger")
"""SDL_GameControllerAxis names, in SDL's order."""
TRIGGERS = ("lefttrigger", "righttrigger")
INPUTS: tuple[str, ...] = BUTTONS + tuple(f"{a}{s}" for a in AXES[:4] for s in "-+") + TRIGGERS
"""Everything a mapping may name."""
_ALIASES = {"start": "start", "select": "back", "lb": "leftshoulder", "rb": "rightshoulder", "l3": "leftstick",
            "r3": "rightstick", "lt": "lefttrigger", "rt": "righttrigger", "up": "dpup", "down": "dpdown",
            "left": "dpleft", "right": "dpright"}

DEFAULT_MAPPING: dict[str, str] = {
    "dpup": "Up", "dpdown": "Down", "dpleft": "Left", "dpright": "Right",
    "leftx-": "Left", "leftx+": "Right", "lefty-": "Up", "lefty+": "Down",
    "a": "Return", "b": "Escape", "x": "Space", "start": "Return",
}
PRESS_AT = 16384
"""An axis half counts as pressed beyond this (half its travel)..."""
RELEASE_AT = 13107
"""...and released again below this (40 %)."""
PRESS_MS = 40
"""A scripted ``press`` holds the button this long (as ``key X`` presses in --input scripts)."""


class SpecError(ValueError):
    """A malformed ``--pad-map`` SPEC."""


def input_name(name: str) -> str:
    """The canonical mapping input name for ``name`` (SDL's names; a few aliases: lb, rt, select, up...)."""
    n = name.strip().lower()
    n = _ALIASES.get(n, n)
    if n not in INPUTS:
        raise SpecError(f"unknown pad input {name!r} (one of: {', '.join(INPUTS)})")
    return n


def _key_vk(key: str) -> int:
    from app.session import ScriptError, key_code  # noqa: PLC0415
    try:
        return key_code(key.strip())
    except ScriptError as e:
        raise SpecError(str(e)) from None


def mapping_from(entries: dict[str, str], clear: bool = False) -> dict[str, str]:
    """The mapping ``entries`` make laid over the default one (``clear``: over nothing); checks every name."""
    out: dict[str, str] = {} if clear else dict(DEFAULT_MAPPING)
    for name, key in entries.items():
        n = input_name(name)
        k = (key or "").strip()
        if not k or k.lower() == "none":
            out.pop(n, None)
            continue
        _key_vk(k)
        out[n] = k
    return out


def parse_spec(spec: str) -> dict[str, str]:
    """A ``--pad-map`` SPEC (``a=Return,b=Escape,...``, ``clear,...``, ``none``, or a TOML file) -> mapping."""
    s = spec.strip()
    if os.path.isfile(s):
        try:
            with open(s, "rb") as f:
                doc = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise SpecError(f"pad map {s}: {e}") from None
        table = doc.get("pad_map", doc)
        if not isinstance(table, dict):
            raise SpecError(f"pad map {s}: pad_map must be a table")
        clear = bool(table.get("clear", False))
        entries = {k: v for k, v in table.items() if k != "clear"}
        bad = [k for k, v in entries.items() if not isinstance(v, str)]
        if bad:
            raise SpecError(f"pad map {s}: values must be key names (strings): {', '.join(bad)}")
        return mapping_from(entries, clear)
    if s.lower() == "none":
        return {}
    parts = [p.strip() for p in s.split(",") if p.strip()]
    clear = bool(parts) and parts[0].lower() == "clear"
    if clear:
        parts = parts[1:]
    entries: dict[str, str] = {}
    for p in parts:
        name, sep, key = p.partition("=")
        if not sep:
            raise SpecError(f"pad map entry {p!r} is not NAME=KEY")
        entries[name] = key
    return mapping_from(entries, clear)


def format_spec(mapping: dict[str, str]) -> str:
    """A SPEC that gives exactly ``mapping`` (``clear,...``), for launchers that store a mapping dict."""
    if not mapping:
        return "none"
    return ",".join(["clear"] + [f"{input_name(k)}={v}" for k, v in mapping.items()])


# ---- script events (virtual pads) ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class PadEvent:
    """A scripted change of virtual pad ``pad``: ``what`` is attach, detach, button (``name`` down/up: value 1/0)
    or axis (``name`` to ``value``)."""

    pad: int
    what: str
    name: str = ""
    value: int = 0


def script_events(t: float, args: list[str]) -> list[tuple[float, PadEvent]]:
    """The events of one ``pad`` script line (after the time and the word ``pad``)."""
    pad = 0
    if args and args[0].isdigit():
        pad = int(args[0])
        args = args[1:]
        if not 0 <= pad < MAX_PADS:
            raise SpecError(f"virtual pad number {pad} is not 0..{MAX_PADS - 1}")
    if not args:
        raise SpecError("pad: expected attach, detach, BUTTON down|up|press or AXIS VALUE")
    word = args[0].lower()
    if word in ("attach", "detach"):
        return [(t, PadEvent(pad, word))]
    n = word if word in AXES else input_name(word)
    if n in BUTTONS:
        mode = args[1].lower() if len(args) > 1 else "press"
        if mode == "down":
            return [(t, PadEvent(pad, "button", n, 1))]
        if mode == "up":
            return [(t, PadEvent(pad, "button", n, 0))]
        if mode != "press":
            raise SpecError(f"pad button mode must be down, up or press, not {mode!r}")
        return [(t, PadEvent(pad, "button", n, 1)), (t + PRESS_MS, PadEvent(pad, "button", n, 0))]
    if n not in AXES:
        raise SpecError(f"pad: {word!r} is a direction; name the axis (leftx, lefty, ...) and a value")
    if len(args) < 2:
        raise SpecError(f"pad {n}: expected a value")
    v = int(args[1], 0)
    lo = 0 if n in TRIGGERS else -32768
    if not lo <= v <= 32767:
        raise SpecError(f"pad {n}: value {v} is not {lo}..32767")
    return [(t, PadEvent(pad, "axis", n, v))]


# ---- the pads ---------------------------------------------------------------------------------------------------
def _sdl() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pysdl2 announces that it uses pysdl2-dll's bundled library
        import sdl2  # noqa: PLC0415
    return sdl2


@dataclass
class Pad:
    """One attached game controller: its slot, identity and current state (SDL button order, SDL axis values)."""

    slot: int
    instance: int  # SDL joystick instance id
    name: str
    vendor: int
    product: int
    buttons: list[int]
    axes: list[int]
    handle: Any = None  # SDL_GameController*

    def button(self, name: str) -> bool:
        """Whether button ``name`` is down."""
        return bool(self.buttons[BUTTONS.index(name)])

    def axis(self, name: str) -> int:
        """Axis ``name``: sticks -32768..32767 (+ is right/down), triggers 0..32767."""
        return self.axes[AXES.index(name)]


class Gamepads:
    """The process's pads (SDL is process-wide, so there is one of these), their key mapping and virtual pads."""

    def __init__(self, m: "Machine | None", enabled: bool = True) -> None:
        self.m = m
        self.enabled = enabled
        self.virtual_only = bool(m is not None and m.det)  # deterministic runs see only scripted pads
        self.lock = threading.RLock()
        self.up = False
        self.error = ""
        self.tried = False
        self.external_pump = False  # a presenter drains SDL's event queue (windowed runs)
        self.pads: dict[int, Pad] = {}  # by SDL instance id
        self.slots: list[Pad | None] = [None] * MAX_PADS
        self.plug_count = 0  # changes of the pad list
        self.mapping: dict[str, int] = {}  # input name -> virtual key
        self.mapping_explicit = False
        self.mapping_on = True
        self._held: dict[tuple[int, str], int] = {}  # (slot, input) -> vk it holds down
        self._key_count: dict[int, int] = {}  # vk -> inputs holding it
        self.virtual: dict[int, Any] = {}  # scripted virtual pad number -> SDL_Joystick* (our handle to set it)
        self.set_mapping(DEFAULT_MAPPING, explicit=False)

    # -- configuration --
    def set_mapping(self, mapping: dict[str, str], explicit: bool) -> None:
        """Use ``mapping`` (input name -> key name); ``explicit`` ones stay on when the program reads the pads."""
        with self.lock:
            self._release_all()
            self.mapping = {input_name(k): _key_vk(v) for k, v in mapping.items()}
            self.mapping_explicit = explicit
            self.mapping_on = True

    def claim(self) -> None:
        """The program reads a present pad through a joystick API: the default key mapping stops."""
        with self.lock:
            if self.mapping_on and not self.mapping_explicit:
                self.mapping_on = False
                self._release_all()

    # -- SDL --
    def ensure(self) -> bool:
        """Start SDL's GameController subsystem (once); whether pads can be read."""
        if self.up or not self.enabled:
            return self.up
        with self.lock:
            if self.tried:
                return self.up
            self.tried = True
            try:
                sdl2 = _sdl()
                if not self.external_pump:  # no window to have the focus (a window: pads follow its focus)
                    sdl2.SDL_SetHint(b"SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", b"1")
                if sdl2.SDL_InitSubSystem(sdl2.SDL_INIT_GAMECONTROLLER) != 0:
                    self.error = sdl2.SDL_GetError().decode("utf-8", "replace")
                    return False
            except Exception as e:  # noqa: BLE001 - no SDL library: no pads
                self.error = f"{type(e).__name__}: {e}"
                return False
            self.up = True
            self._sync()
            return True

    def poll(self, update: bool = True) -> None:
        """Bring SDL's device list and pad state up to date; post key events for mapped inputs that changed."""
        if not self.up:
            return
        sdl2 = _sdl()
        with self.lock:
            if update:
                sdl2.SDL_GameControllerUpdate()
                if not self.external_pump:
                    sdl2.SDL_FlushEvents(sdl2.SDL_JOYAXISMOTION, sdl2.SDL_CONTROLLERSTEAMHANDLEUPDATED)
            self._sync()

    def handle_sdl_event(self, ev: Any) -> None:
        """An SDL joystick/controller event pumped by the presenter (host main thread)."""
        self.external_pump = True
        if self.up:
            self.poll(update=False)

    def _sync(self) -> None:
        sdl2 = _sdl()
        present: set[int] = set()
        for i in range(max(0, sdl2.SDL_NumJoysticks())):
            if not sdl2.SDL_IsGameController(i) or (self.virtual_only and not sdl2.SDL_JoystickIsVirtual(i)):
                continue
            iid = sdl2.SDL_JoystickGetDeviceInstanceID(i)
            present.add(iid)
            if iid not in self.pads:
                self._open(i, iid)
        for iid, p in list(self.pads.items()):
            if iid not in present or not sdl2.SDL_GameControllerGetAttached(p.handle):
                self._close(p)
        for p in self.pads.values():
            gc = p.handle
            p.buttons = [sdl2.SDL_GameControllerGetButton(gc, b) for b in range(len(BUTTONS))]
            p.axes = [sdl2.SDL_GameControllerGetAxis(gc, a) for a in range(len(AXES))]
        self._map_keys()

    def _open(self, index: int, iid: int) -> None:
        sdl2 = _sdl()
        free = [s for s in range(MAX_PADS) if self.slots[s] is None]
        if not free:
            return
        gc = sdl2.SDL_GameControllerOpen(index)
        if not gc:
            return
        raw = sdl2.SDL_GameControllerName(gc)
        name = raw.decode("utf-8", "replace") if raw else "Game controller"
        p = Pad(free[0], iid, name, sdl2.SDL_GameControllerGetVendor(gc), sdl2.SDL_GameControllerGetProduct(gc),
                [0] * len(BUTTONS), [0] * len(AXES), gc)
        self.pads[iid] = p
        self.slots[p.slot] = p
        self.plug_count += 1
        self._log(f"gamepad {p.slot} attached: {name}")

    def _close(self, p: Pad) -> None:
        sdl2 = _sdl()
        self._release_slot(p.slot)
        del self.pads[p.instance]
        self.slots[p.slot] = None
        self.plug_count += 1
        sdl2.SDL_GameControllerClose(p.handle)
        self._log(f"gamepad {p.slot} removed: {p.name}")

    def _log(self, text: str) -> None:
        if self.m is not None:
            self.m.log(text)

    # -- key mapping --
    def _pressed(self, p: Pad, name: str, was: bool) -> bool:
        if name in BUTTONS:
            return p.button(name)
        axis, sign = (name[:-1], name[-1]) if name[-1] in "+-" else (name, "+")
        v = p.axis(axis)
        if sign == "-":
            v = -v - 1 if v < 0 else -v  # -32768 is full travel like 32767
        return v > (RELEASE_AT if was else PRESS_AT)

    def _map_keys(self) -> None:
        if not self.mapping_on or not self.mapping:
            return
        for p in self.pads.values():
            for name, vk in self.mapping.items():
                key = (p.slot, name)
                was = key in self._held
                now = self._pressed(p, name, was)
                if now and not was:
                    self._held[key] = vk
                    self._key(vk, True)
                elif was and not now:
                    self._key(self._held.pop(key), False)

    def _key(self, vk: int, down: bool) -> None:
        n = self._key_count.get(vk, 0)
        if down:
            self._key_count[vk] = n + 1
            if n:
                return
        else:
            if n <= 1:
                self._key_count.pop(vk, None)
            else:
                self._key_count[vk] = n - 1
                return
        self._post(vk, down)

    def _post(self, vk: int, down: bool) -> None:
        """Send a mapped key to the guest as a keyboard's key event (with its scan code)."""
        if self.m is None:
            return
        from gdi import hostevent as he  # noqa: PLC0415
        from gdi.input import post_host_event, scan_code  # noqa: PLC0415
        scan, ext = scan_code(vk)
        post_host_event(self.m, he.Key(vk, down, scan, ext))

    def _release_slot(self, slot: int) -> None:
        for key in [k for k in self._held if k[0] == slot]:
            self._key(self._held.pop(key), False)

    def _release_all(self) -> None:
        for key in list(self._held):
            self._key(self._held.pop(key), False)

    # -- virtual pads (scripts) --
    def script_event(self, ev: PadEvent) -> None:
        """Apply one scripted virtual-pad change, then poll (so mapped keys follow at this guest moment).
        With gamepads off (``--no-gamepad``) scripted pads are not plugged in at all."""
        if not self.enabled:
            return
        if not self.ensure():
            raise RuntimeError(f"pad script: SDL game controllers unavailable: {self.error}")
        sdl2 = _sdl()
        with self.lock:
            j = self.virtual.get(ev.pad)
            if ev.what == "attach":
                if j is None:
                    self.virtual[ev.pad] = self._attach_virtual(ev.pad)
            elif ev.what == "detach":
                if j is not None:
                    iid = sdl2.SDL_JoystickInstanceID(j)
                    sdl2.SDL_JoystickClose(j)
                    del self.virtual[ev.pad]
                    for i in range(sdl2.SDL_NumJoysticks()):
                        if sdl2.SDL_JoystickGetDeviceInstanceID(i) == iid:
                            sdl2.SDL_JoystickDetachVirtual(i)
                            break
            elif j is None:
                raise RuntimeError(f"pad script: virtual pad {ev.pad} is not attached")
            elif ev.what == "button":
                sdl2.SDL_JoystickSetVirtualButton(j, BUTTONS.index(ev.name), ev.value)
            else:
                v = ev.value
                if ev.name in TRIGGERS:  # the trigger's joystick axis rests at -32768
                    v = round(v * 65535 / 32767) - 32768
                sdl2.SDL_JoystickSetVirtualAxis(j, AXES.index(ev.name), v)
            self.poll()

    def _attach_virtual(self, n: int) -> Any:
        sdl2 = _sdl()
        d = sdl2.SDL_VirtualJoystickDesc()
        d.version = sdl2.SDL_VIRTUAL_JOYSTICK_DESC_VERSION
        d.type = sdl2.SDL_JOYSTICK_TYPE_GAMECONTROLLER
        d.naxes, d.nbuttons, d.nhats = len(AXES), BUTTONS.index("dpright") + 1, 0  # SDL's automatic mapping
        d.name = f"exeplay virtual pad {n}".encode()
        index = sdl2.SDL_JoystickAttachVirtualEx(ctypes.byref(d))
        if index < 0:
            raise RuntimeError(f"pad script: SDL_JoystickAttachVirtualEx: {sdl2.SDL_GetError().decode()}")
        j = sdl2.SDL_JoystickOpen(index)
        if not j:
            raise RuntimeError(f"pad script: SDL_JoystickOpen: {sdl2.SDL_GetError().decode()}")
        return j


# ---- the process's pads -------------------------------------------------------------------------------------------
_current: Gamepads | None = None


def setup(m: "Machine", enabled: bool = True, mapping: dict[str, str] | None = None,
          start: bool = False, presenter: bool = False) -> Gamepads:
    """Configure the run's pads (``exeplay run``): on or off, an explicit mapping (None: the default), whether to
    start SDL now (windowed runs, explicit mappings), whether a presenter pumps SDL events."""
    global _current
    g = Gamepads(m, enabled)
    if mapping is not None:
        g.set_mapping(mapping, explicit=True)
    g.external_pump = presenter
    _current = g
    m.state["gamepads"] = g
    if enabled:
        m.idle_sources.append(lambda: _idle(g))
        if start:
            g.ensure()
    return g


def get(m: "Machine") -> Gamepads:
    """The process's pads (made with the defaults if ``setup`` was not called, e.g. tests building a Machine)."""
    g = m.state.get("gamepads")
    if g is None:
        g = setup(m)
    return g


def _idle(g: Gamepads) -> float | None:
    """Idle source: every guest thread waits; poll the pads so mapped keys reach a program blocked in GetMessage."""
    if g.up:
        g.poll()
    return None


def pads(m: "Machine", claim: bool = False) -> list[Pad | None]:
    """The pads by slot, polled now (SDL started on first use); ``claim``: the program reads them."""
    g = get(m)
    if not g.ensure():
        return [None] * MAX_PADS
    g.poll()
    if claim and any(g.slots):
        g.claim()
    return list(g.slots)


def pad(m: "Machine", slot: int, claim: bool = True) -> Pad | None:
    """The pad in ``slot`` polled now, or None (no such pad)."""
    if not 0 <= slot < MAX_PADS:
        return None
    p = pads(m)[slot]
    if p is not None and claim:
        get(m).claim()
    return p


def handle_sdl_event(ev: Any) -> None:
    """The presenter's hook: an SDL joystick or controller event (SDL_CONTROLLERDEVICEADDED, button, axis...)."""
    g = _current
    if g is not None and g.enabled:
        g.handle_sdl_event(ev)


def run_script_event(m: "Machine", ev: PadEvent) -> None:
    """A scripted virtual-pad change due now (app/session.py)."""
    get(m).script_event(ev)


def is_sdl_event(t: int) -> bool:
    """Whether SDL event type ``t`` is a joystick or game controller event (0x600..0x6FF)."""
    return 0x600 <= t <= 0x6FF


__all__ = ["DEFAULT_MAPPING", "Gamepads", "Pad", "PadEvent", "SpecError", "format_spec", "get", "handle_sdl_event",
           "pad", "pads", "parse_spec", "run_script_event", "script_events", "setup"]
