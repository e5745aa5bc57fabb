"""A run's timeline: scripted input (``--input``), screenshots (``--screenshot-at``) and ``--exit-after``,
all at guest times (milliseconds since the program started; with ``--deterministic`` that time is a
function of guest progress, so the same script gives the same frames).

Input script format, one event per line (``#`` starts a comment)::

    500   key Down            # press and release (down now, up 40 ms later)
    520   key Shift down      # or just the down / up half
    900   type Hello, world!  # the rest of the line, typed as key presses (US layout)
    1000  move 120 200        # cursor to screen (x, y)
    1100  click 120 200       # left click; "click X Y right" / "middle"; "dblclick X Y"
    1200  down 120 200 left   # button down / "up X Y left"
    1300  wheel -120 120 200
    1400  close               # close the active window (like the host window's close button)
    1500  pad a press         # a virtual gamepad (SDL, in-process): see app/gamepad.py

Key names: Windows virtual-key names without ``VK_`` (Return/Enter, Escape/Esc, Space, Tab, Back, Up, Down,
Left, Right, Home, End, Prior/PageUp, Next/PageDown, Insert, Delete, F1..F24, Shift, Control/Ctrl,
Menu/Alt, NumPad0..9 ...), a single character, or a number.
"""
from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gdi import hostevent as he
from gdi.input import char_to_key, post_host_event

if TYPE_CHECKING:
    from emu.machine import Machine


class ScriptError(ValueError):
    """A malformed ``--input`` script line."""


_VK_NAMES: dict[str, int] = {
    "back": 8, "backspace": 8, "tab": 9, "return": 13, "enter": 13, "shift": 0x10, "control": 0x11, "ctrl": 0x11,
    "menu": 0x12, "alt": 0x12, "pause": 0x13, "capital": 0x14, "capslock": 0x14, "escape": 0x1B, "esc": 0x1B,
    "space": 0x20, "prior": 0x21, "pageup": 0x21, "next": 0x22, "pagedown": 0x22, "end": 0x23, "home": 0x24,
    "left": 0x25, "up": 0x26, "right": 0x27, "down": 0x28, "snapshot": 0x2C, "insert": 0x2D, "delete": 0x2E,
    "del": 0x2E, "lwin": 0x5B, "rwin": 0x5C, "apps": 0x5D, "multiply": 0x6A, "add": 0x6B, "subtract": 0x6D,
    "decimal": 0x6E, "divide": 0x6F, "numlock": 0x90, "scroll": 0x91, "lshift": 0xA0, "rshift": 0xA1,
    "lcontrol": 0xA2, "rcontrol": 0xA3, "lmenu": 0xA4, "rmenu": 0xA5,
}
for _i in range(10):
    _VK_NAMES[f"numpad{_i}"] = 0x60 + _i
for _i in range(1, 25):
    _VK_NAMES[f"f{_i}"] = 0x6F + _i

PRESS_MS = 40
TYPE_GAP_MS = 30


def key_code(name: str) -> int:
    """Virtual-key code for a script key name."""
    n = name.lower().removeprefix("vk_")
    if n in _VK_NAMES:
        return _VK_NAMES[n]
    if len(name) == 1:
        k = char_to_key(name)
        if k is not None:
            return k[0]
    try:
        return int(name, 0)
    except ValueError:
        raise ScriptError(f"unknown key {name!r}") from None


def parse_script(text: str) -> list[tuple[float, he.HostEvent]]:
    """Parse an input script into (time in ms, event) pairs, in order."""
    out: list[tuple[float, he.HostEvent]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().split(maxsplit=2)[1:2] == ["type"] else raw.rstrip()
        if not line.strip():
            continue
        parts = line.split(maxsplit=2)
        try:
            t = float(parts[0])
            cmd = parts[1].lower()
        except (IndexError, ValueError):
            raise ScriptError(f"line {lineno}: expected '<ms> <command> ...': {raw!r}") from None
        rest = parts[2] if len(parts) > 2 else ""
        args = rest.split()
        try:
            out.extend(_events(t, cmd, rest, args))
        except ScriptError as e:
            raise ScriptError(f"line {lineno}: {e}") from None
        except (IndexError, ValueError):
            raise ScriptError(f"line {lineno}: bad arguments for {cmd}: {raw!r}") from None
    out.sort(key=lambda p: p[0])
    return out


def _button(args: list[str], i: int) -> int:
    if len(args) <= i:
        return 1
    b = {"left": 1, "right": 2, "middle": 3}.get(args[i].lower())
    if b is None:
        raise ScriptError(f"unknown mouse button {args[i]!r}")
    return b


def _events(t: float, cmd: str, rest: str, args: list[str]) -> list[tuple[float, he.HostEvent]]:
    if cmd == "key":
        vk = key_code(args[0])
        mode = args[1].lower() if len(args) > 1 else "press"
        if mode == "down":
            return [(t, he.Key(vk, True))]
        if mode == "up":
            return [(t, he.Key(vk, False))]
        if mode != "press":
            raise ScriptError(f"key mode must be down, up or press, not {mode!r}")
        return [(t, he.Key(vk, True)), (t + PRESS_MS, he.Key(vk, False))]
    if cmd == "type":
        evs: list[tuple[float, he.HostEvent]] = []
        tt = t
        for ch in rest:
            k = char_to_key(ch)
            if k is None:
                evs.append((tt, he.Text(ch)))
            else:
                vk, shift = k
                if shift:
                    evs.append((tt, he.Key(0x10, True)))
                evs.append((tt, he.Key(vk, True)))
                evs.append((tt + TYPE_GAP_MS / 2, he.Key(vk, False)))
                if shift:
                    evs.append((tt + TYPE_GAP_MS / 2, he.Key(0x10, False)))
            tt += TYPE_GAP_MS
        return evs
    if cmd == "move":
        return [(t, he.MouseMove(int(args[0]), int(args[1])))]
    if cmd in ("click", "dblclick"):
        x, y, b = int(args[0]), int(args[1]), _button(args, 2)
        evs = [(t, he.MouseMove(x, y)), (t, he.MouseButton(b, True, x, y)),
               (t + PRESS_MS, he.MouseButton(b, False, x, y))]
        if cmd == "dblclick":
            evs += [(t + 2 * PRESS_MS, he.MouseButton(b, True, x, y)),
                    (t + 3 * PRESS_MS, he.MouseButton(b, False, x, y))]
        return evs
    if cmd in ("down", "up"):
        x, y = int(args[0]), int(args[1])
        return [(t, he.MouseMove(x, y)), (t, he.MouseButton(_button(args, 2), cmd == "down", x, y))]
    if cmd == "wheel":
        return [(t, he.MouseWheel(int(args[0]), int(args[1]), int(args[2])))]
    if cmd == "close":
        return [(t, he.Close())]
    if cmd == "pad":  # a virtual gamepad (app/gamepad.py): "pad attach", "pad a press", "pad leftx -32768"...
        from app import gamepad  # noqa: PLC0415
        try:
            return gamepad.script_events(t, args)  # type: ignore[return-value]
        except gamepad.SpecError as e:
            raise ScriptError(str(e)) from None
    raise ScriptError(f"unknown command {cmd!r}")


def parse_shot(spec: str) -> tuple[float, str]:
    """``T:PATH`` (T in guest milliseconds)."""
    t, sep, path = spec.partition(":")
    if not sep or not path:
        raise ScriptError(f"--screenshot-at wants T:PATH, not {spec!r}")
    try:
        return float(t), path
    except ValueError:
        raise ScriptError(f"--screenshot-at wants a time in milliseconds: {spec!r}") from None


@dataclass(order=True)
class _Item:
    t: float
    seq: int
    kind: str = field(compare=False)
    data: Any = field(compare=False, default=None)


class Session:
    """Timed events of one run, fired from the CPU thread when guest time reaches them."""

    def __init__(self, m: "Machine", inputs: list[tuple[float, he.HostEvent]], shots: list[tuple[float, str]],
                 exit_after: float | None) -> None:
        self.m = m
        self.items: list[_Item] = []
        seq = 0
        for t, ev in inputs:
            self.items.append(_Item(t, seq, "input", ev))
            seq += 1
        for t, path in shots:
            self.items.append(_Item(t, seq, "shot", path))
            seq += 1
        if exit_after is not None:
            self.items.append(_Item(exit_after, seq, "exit"))
        self.items.sort()
        self.shots_taken: list[str] = []
        self._arm()
        m.on_timeline = self.fire

    def _arm(self) -> None:
        self.m.timeline_due = self.items[0].t / 1000 if self.items else None

    def add(self, t_ms: float, kind: str, data: Any = None) -> None:
        item = _Item(t_ms, len(self.items) + 10_000, kind, data)
        bisect.insort(self.items, item)
        self._arm()

    def fire(self) -> None:
        """Handle everything due at the current guest time."""
        from emu.threads import ProcessExit  # noqa: PLC0415
        from gdi import desktop  # noqa: PLC0415
        now_ms = self.m.clock.now() * 1000 + 1e-6  # guest time is a float sum: 2029.99999... is 2030 ms
        while self.items and self.items[0].t <= now_ms:
            it = self.items.pop(0)
            if it.kind == "input":
                from app import gamepad  # noqa: PLC0415
                if isinstance(it.data, gamepad.PadEvent):  # a virtual gamepad's change
                    gamepad.run_script_event(self.m, it.data)
                else:
                    post_host_event(self.m, it.data)
            elif it.kind == "shot":
                path = it.data
                os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
                desktop.save_png(self.m, path)
                self.shots_taken.append(path)
            elif it.kind == "exit":
                self._arm()
                raise ProcessExit(0)
        self._arm()
