"""The presenter's input side: SDL keyboard and mouse events become ``gdi.hostevent`` events for the guest.

Mouse positions are guest screen pixels (outside the picture ignored; clamped while a button is held), the wheel
is in WHEEL_DELTA units, keys are Windows VKs with set-1 scan codes (``keymap.translate_key``), typed text is
``Text``. A key repeat is a repeated key-down of the VK its press had; focus loss releases held keys and buttons.
Alt+Enter and F12 belong to the window (fullscreen, screenshot) and are never passed on. Mouse moves are held
back and posted once, before the next other event (or at the end of a pump).
"""
from __future__ import annotations

from collections.abc import Callable

from gdi.hostevent import HostEvent, Key, MouseButton, MouseMove, MouseWheel, Text

from . import keymap
from .sdlgl import sdl2

_SDL_BUTTON_TO_GUEST = {sdl2.SDL_BUTTON_LEFT: 1, sdl2.SDL_BUTTON_RIGHT: 2, sdl2.SDL_BUTTON_MIDDLE: 3}

GuestPoint = Callable[[int, int, bool], "tuple[int, int] | None"]
"""(window x, window y, clamp) -> guest screen pixel, None outside the picture."""


class HostInput:
    """Translates the host window's keyboard and mouse events and posts them to the guest.

    ``post`` delivers an event, ``guest_point`` maps window coordinates into the picture; ``toggle_fullscreen``
    (Alt+Enter) and ``screenshot`` (F12) are the window's own keys.
    """

    def __init__(self, post: Callable[[HostEvent], None], guest_point: GuestPoint,
                 toggle_fullscreen: Callable[[], object], screenshot: Callable[[], object]) -> None:
        self._post = post
        self._guest_point = guest_point
        self._toggle_fullscreen = toggle_fullscreen
        self._screenshot = screenshot
        self.keys_down: dict[int, Key] = {}     # SDL scancode -> the Key posted for its press
        self.swallowed: set[int] = set()        # scancodes whose press toggled fullscreen (not forwarded)
        self.buttons_down: set[int] = set()     # guest button numbers pressed and not released
        self.mouse: tuple[int, int] | None = None  # last guest position posted
        self.pending_move: tuple[int, int] | None = None

    def send(self, ev: HostEvent) -> None:
        """Post ``ev`` after any mouse move held back."""
        self.flush_move()
        self._post(ev)

    def flush_move(self) -> None:
        """Post the mouse move held back, if any."""
        if self.pending_move is not None:
            x, y = self.pending_move
            self.pending_move = None
            self._post(MouseMove(x, y))

    def text(self, raw: bytes) -> None:
        """SDL_TEXTINPUT: typed text (UTF-8) as Text."""
        text = raw.decode("utf-8", "replace")
        if text:
            self.send(Text(text))

    def motion(self, x: int, y: int) -> None:
        """SDL_MOUSEMOTION at window coordinates (x, y): held back until the next other event."""
        p = self._guest_point(x, y, bool(self.buttons_down))
        if p is not None and p != self.mouse:
            self.mouse = p
            self.pending_move = p

    def key(self, k: sdl2.SDL_KeyboardEvent, down: bool) -> None:
        """SDL_KEYDOWN / SDL_KEYUP."""
        sc = k.keysym.scancode
        mod = k.keysym.mod
        if down and sc in (keymap.SCANCODE_RETURN, keymap.SCANCODE_KP_ENTER) and mod & keymap.KMOD_ALT \
                and not mod & keymap.KMOD_CTRL:
            if not k.repeat:
                self._toggle_fullscreen()
            self.swallowed.add(sc)
            return
        if down and sc == sdl2.SDL_SCANCODE_F12 and not mod & (keymap.KMOD_ALT | keymap.KMOD_CTRL):
            if not k.repeat:
                self._screenshot()
            self.swallowed.add(sc)
            return
        if sc in self.swallowed:
            if not down:
                self.swallowed.discard(sc)
            return
        if down:
            prev = self.keys_down.get(sc) if k.repeat else None
            wk = keymap.translate_key(sc, k.keysym.sym, mod)
            if wk is None:
                return
            key = prev if prev is not None else Key(wk.vk, True, wk.scan, wk.extended)
            self.keys_down[sc] = key
            self.send(key)
            text = keymap.control_text(key.vk, mod)
            if text is not None:
                self.send(Text(text))
        else:
            pressed = self.keys_down.pop(sc, None)
            if pressed is not None:  # the release carries the VK its press had (NumLock/Shift may differ now)
                self.send(Key(pressed.vk, False, pressed.scan, pressed.extended))
            else:
                wk = keymap.translate_key(sc, k.keysym.sym, mod)
                if wk is not None:
                    self.send(Key(wk.vk, False, wk.scan, wk.extended))

    def button(self, b: sdl2.SDL_MouseButtonEvent, down: bool) -> None:
        """SDL_MOUSEBUTTONDOWN / UP: left, right and middle buttons over the picture."""
        button = _SDL_BUTTON_TO_GUEST.get(b.button)
        if button is None:
            return
        if not down and button not in self.buttons_down:
            return  # its press was outside the picture: the guest never saw it
        p = self._guest_point(b.x, b.y, not down)
        if p is None:
            return
        if down:
            self.buttons_down.add(button)
        else:
            self.buttons_down.discard(button)
        self.mouse = p
        self.send(MouseButton(button, down, p[0], p[1]))

    def wheel(self, w: sdl2.SDL_MouseWheelEvent) -> None:
        """SDL_MOUSEWHEEL: vertical turns in WHEEL_DELTA (120) units at the mouse position."""
        dy = w.preciseY if w.preciseY else float(w.y)
        if w.direction == sdl2.SDL_MOUSEWHEEL_FLIPPED:
            dy = -dy
        delta = round(dy * 120)
        if not delta:
            return
        p = self._guest_point(w.mouseX, w.mouseY, False)
        if p is not None:
            self.send(MouseWheel(delta, p[0], p[1]))

    def release_all(self) -> None:
        """Keys and buttons held when the host window loses focus are released for the guest too."""
        for key in list(self.keys_down.values()):
            self.send(Key(key.vk, False, key.scan, key.extended))
        self.keys_down.clear()
        self.swallowed.clear()
        x, y = self.mouse if self.mouse is not None else (0, 0)
        for button in sorted(self.buttons_down):
            self.send(MouseButton(button, False, x, y))
        self.buttons_down.clear()
