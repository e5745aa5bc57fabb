"""The launcher's input: the keyboard, the mouse (for ImGui), dropped files and game controllers.

Typing filters (Backspace edits, Escape clears); arrows / PageUp / PageDown (or a pad's d-pad and left stick)
move the selection; Enter or the pad's A (or Start) plays; Escape / B goes back (closes a panel, clears the
filter). While a program runs the pads are its own. Mixed into ``app.launcher.Launcher`` as ``LauncherInput``.
"""
from __future__ import annotations

import ctypes
import time
from typing import Any

import imgui

from . import library
from .launcher_browser import Browser
from .launcher_child import Child, Report
from .launcher_draw import TILE_H
from .sdlgl import sdl2

BUSY_SECONDS = 0.5          # frames keep coming at 60 Hz this long after any input (hover, animations)
STICK_THRESHOLD = 16000


class LauncherInput:
    """SDL events -> ImGui's input state and the launcher's actions (selection, filter, panels, pads)."""

    visible: list[library.Program]
    filter: str
    selected: str
    columns: int
    child: Child | None
    report: Report | None
    browser: Browser | None
    show_library: bool
    quit: bool
    _scroll_to_selection: bool
    _busy_until: float
    _event: Any
    _pads: dict[int, Any]
    _stick: dict[tuple[int, int], int]

    def move(self, dx: int, dy: int) -> None:
        """Move the selection by columns (dx) and rows (dy) of the grid."""
        if not self.visible:
            return
        paths = [p.path for p in self.visible]
        i = paths.index(self.selected) if self.selected in paths else 0
        j = min(max(i + dx + dy * max(1, self.columns), 0), len(paths) - 1)
        if dy and not 0 <= i + dy * max(1, self.columns) < len(paths) and j == i:
            return
        self.selected = paths[j]
        self._scroll_to_selection = True

    def back(self) -> None:
        """Escape / pad B: close the topmost panel, else clear the filter."""
        if self.browser is not None:
            self.browser = None
        elif self.report is not None:
            self.report = None
        elif self.show_library:
            self.show_library = False
        elif self.filter:
            self.filter = ""
            self._refilter()

    def activate(self) -> None:
        """Enter / pad A: dismiss a report, else play the selected program."""
        if self.report is not None:
            self.report = None
        elif self.browser is None:
            self.launch()

    def type_text(self, text: str) -> None:
        """Typed characters extend the filter."""
        self.filter += "".join(c for c in text if c.isprintable())
        self._refilter()

    def backspace(self) -> None:
        """Backspace shortens the filter."""
        if self.filter:
            self.filter = self.filter[:-1]
            self._refilter()

    # ------------------------------------------------------------------ events
    def _handle_events(self, wait_ms: int) -> None:
        """Take input: wait up to wait_ms for the first event, then everything queued, except that a mouse
        button change ends the batch (ImGui 1.82 sees one button state per frame: fast double clicks count)."""
        ev = self._event
        got = sdl2.SDL_WaitEventTimeout(ctypes.byref(ev), wait_ms) if wait_ms > 0 else \
            sdl2.SDL_PollEvent(ctypes.byref(ev))
        while got:
            self._busy_until = time.monotonic() + BUSY_SECONDS
            if self._event_one(ev):
                break
            got = sdl2.SDL_PollEvent(ctypes.byref(ev))

    def _event_one(self, ev: sdl2.SDL_Event) -> bool:
        """Handle one SDL event; True when the frame should be drawn before the next one."""
        io = imgui.get_io()
        t = ev.type
        text_owner = io.want_text_input  # an ImGui text field is being edited (last frame)
        if t == sdl2.SDL_QUIT:
            self.quit = True
        elif t == sdl2.SDL_MOUSEMOTION:
            io.mouse_pos = (ev.motion.x, ev.motion.y)
        elif t in (sdl2.SDL_MOUSEBUTTONDOWN, sdl2.SDL_MOUSEBUTTONUP):
            b = {sdl2.SDL_BUTTON_LEFT: 0, sdl2.SDL_BUTTON_RIGHT: 1, sdl2.SDL_BUTTON_MIDDLE: 2}.get(ev.button.button)
            io.mouse_pos = (ev.button.x, ev.button.y)
            if b is not None:
                io.mouse_down[b] = t == sdl2.SDL_MOUSEBUTTONDOWN
                return True
        elif t == sdl2.SDL_MOUSEWHEEL:
            io.mouse_wheel += ev.wheel.y
        elif t == sdl2.SDL_WINDOWEVENT:
            if ev.window.event == sdl2.SDL_WINDOWEVENT_LEAVE:
                io.mouse_pos = (-1, -1)
            elif ev.window.event == sdl2.SDL_WINDOWEVENT_FOCUS_LOST:
                for i in range(3):
                    io.mouse_down[i] = False
        elif t in (sdl2.SDL_KEYDOWN, sdl2.SDL_KEYUP):
            sc = ev.key.keysym.scancode
            down = t == sdl2.SDL_KEYDOWN
            if 0 <= sc < 512:
                io.keys_down[sc] = down
            mod = sdl2.SDL_GetModState()
            io.key_shift = bool(mod & sdl2.KMOD_SHIFT)
            io.key_ctrl = bool(mod & sdl2.KMOD_CTRL)
            io.key_alt = bool(mod & sdl2.KMOD_ALT)
            io.key_super = bool(mod & sdl2.KMOD_GUI)
            if down and not text_owner:
                self._key(sc, mod)
        elif t == sdl2.SDL_TEXTINPUT:
            text = ev.text.text.decode("utf-8", "replace")
            if text_owner:
                for ch in text:
                    io.add_input_character(ord(ch))
            elif self.browser is None:
                self.type_text(text)
        elif t == sdl2.SDL_DROPFILE:
            addr = ctypes.c_void_p.from_buffer(ev, sdl2.SDL_DropEvent.file.offset).value
            if addr:
                path = ctypes.string_at(addr).decode("utf-8", "surrogateescape")
                sdl2.SDL_free(ctypes.c_void_p(addr))
                self.add_path(path)
        elif t == sdl2.SDL_CONTROLLERDEVICEADDED:
            pad = sdl2.SDL_GameControllerOpen(ev.cdevice.which)
            if pad:
                jid = sdl2.SDL_JoystickInstanceID(sdl2.SDL_GameControllerGetJoystick(pad))
                self._pads[jid] = pad
        elif t == sdl2.SDL_CONTROLLERDEVICEREMOVED:
            pad = self._pads.pop(ev.cdevice.which, None)
            if pad:
                sdl2.SDL_GameControllerClose(pad)
        elif t == sdl2.SDL_CONTROLLERBUTTONDOWN:
            self._pad_button(ev.cbutton.button)
        elif t == sdl2.SDL_CONTROLLERAXISMOTION:
            self._pad_axis(ev.caxis.which, ev.caxis.axis, ev.caxis.value)
        return False

    def _key(self, sc: int, mod: int) -> None:
        if mod & (sdl2.KMOD_CTRL | sdl2.KMOD_ALT | sdl2.KMOD_GUI):
            return
        page = max(1, (self._list_height() // TILE_H))
        moves = {sdl2.SDL_SCANCODE_LEFT: (-1, 0), sdl2.SDL_SCANCODE_RIGHT: (1, 0), sdl2.SDL_SCANCODE_UP: (0, -1),
                 sdl2.SDL_SCANCODE_DOWN: (0, 1), sdl2.SDL_SCANCODE_PAGEUP: (0, -page),
                 sdl2.SDL_SCANCODE_PAGEDOWN: (0, page)}
        if sc in moves and self.browser is None:
            self.move(*moves[sc])
        elif sc in (sdl2.SDL_SCANCODE_RETURN, sdl2.SDL_SCANCODE_KP_ENTER):
            self.activate()
        elif sc == sdl2.SDL_SCANCODE_ESCAPE:
            self.back()
        elif sc == sdl2.SDL_SCANCODE_BACKSPACE and self.browser is None:
            self.backspace()

    def _pad_button(self, button: int) -> None:
        if self.child is not None:  # the pad is the program's while it runs
            return
        if button == sdl2.SDL_CONTROLLER_BUTTON_DPAD_UP:
            self.move(0, -1)
        elif button == sdl2.SDL_CONTROLLER_BUTTON_DPAD_DOWN:
            self.move(0, 1)
        elif button == sdl2.SDL_CONTROLLER_BUTTON_DPAD_LEFT:
            self.move(-1, 0)
        elif button == sdl2.SDL_CONTROLLER_BUTTON_DPAD_RIGHT:
            self.move(1, 0)
        elif button in (sdl2.SDL_CONTROLLER_BUTTON_A, sdl2.SDL_CONTROLLER_BUTTON_START):
            self.activate()
        elif button == sdl2.SDL_CONTROLLER_BUTTON_B:
            self.back()

    def _pad_axis(self, which: int, axis: int, value: int) -> None:
        """The left stick moves the selection once per push past STICK_THRESHOLD."""
        if axis not in (sdl2.SDL_CONTROLLER_AXIS_LEFTX, sdl2.SDL_CONTROLLER_AXIS_LEFTY) or self.child is not None:
            return
        d = -1 if value < -STICK_THRESHOLD else 1 if value > STICK_THRESHOLD else 0
        if d == self._stick.get((which, axis), 0):
            return
        self._stick[(which, axis)] = d
        if d:
            self.move(d, 0) if axis == sdl2.SDL_CONTROLLER_AXIS_LEFTX else self.move(0, d)
