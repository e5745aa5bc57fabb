"""Host keys -> Windows keys: SDL scancodes/keycodes to virtual-key codes and set-1 scan codes.

SDL scancodes are USB HID usage ids (physical key positions); they are plain ints here so this module
works without SDL. The scan code is the PC/AT set-1 "make" code Windows puts in bits 16-23 of a key
message's lParam, ``extended`` its bit 24 (the E0 prefix: arrows, the Ins/Del/Home/End/PgUp/PgDn block,
right Ctrl/Alt, keypad Enter and /, NumLock, ...). Virtual-key codes follow the US layout by position,
except that letter and digit keys take the VK of the character the host layout puts there (an AZERTY
"A" key gives VK_A, as on Windows with the French layout).
"""
from __future__ import annotations

from typing import NamedTuple

# SDL_Keymod bits (stable SDL2 ABI)
KMOD_LSHIFT = 0x0001
KMOD_RSHIFT = 0x0002
KMOD_LCTRL = 0x0040
KMOD_RCTRL = 0x0080
KMOD_LALT = 0x0100
KMOD_RALT = 0x0200
KMOD_NUM = 0x1000
KMOD_MODE = 0x4000
KMOD_SHIFT = KMOD_LSHIFT | KMOD_RSHIFT
KMOD_CTRL = KMOD_LCTRL | KMOD_RCTRL
KMOD_ALT = KMOD_LALT | KMOD_RALT

# Windows virtual-key codes used by name below
VK_BACK = 0x08
VK_TAB = 0x09
VK_CLEAR = 0x0C
VK_RETURN = 0x0D
VK_SHIFT = 0x10
VK_CONTROL = 0x11
VK_MENU = 0x12
VK_PAUSE = 0x13
VK_CAPITAL = 0x14
VK_ESCAPE = 0x1B
VK_SPACE = 0x20
VK_PRIOR = 0x21
VK_NEXT = 0x22
VK_END = 0x23
VK_HOME = 0x24
VK_LEFT = 0x25
VK_UP = 0x26
VK_RIGHT = 0x27
VK_DOWN = 0x28
VK_SNAPSHOT = 0x2C
VK_INSERT = 0x2D
VK_DELETE = 0x2E
VK_LWIN = 0x5B
VK_RWIN = 0x5C
VK_APPS = 0x5D
VK_NUMPAD0 = 0x60
VK_MULTIPLY = 0x6A
VK_ADD = 0x6B
VK_SEPARATOR = 0x6C
VK_SUBTRACT = 0x6D
VK_DECIMAL = 0x6E
VK_DIVIDE = 0x6F
VK_F1 = 0x70
VK_F13 = 0x7C
VK_NUMLOCK = 0x90
VK_SCROLL = 0x91
VK_LSHIFT = 0xA0
VK_RSHIFT = 0xA1
VK_LCONTROL = 0xA2
VK_RCONTROL = 0xA3
VK_LMENU = 0xA4
VK_RMENU = 0xA5
VK_VOLUME_MUTE = 0xAD
VK_VOLUME_DOWN = 0xAE
VK_VOLUME_UP = 0xAF
VK_MEDIA_NEXT_TRACK = 0xB0
VK_MEDIA_PREV_TRACK = 0xB1
VK_MEDIA_STOP = 0xB2
VK_MEDIA_PLAY_PAUSE = 0xB3
VK_OEM_1 = 0xBA       # ;:
VK_OEM_PLUS = 0xBB    # =+
VK_OEM_COMMA = 0xBC   # ,<
VK_OEM_MINUS = 0xBD   # -_
VK_OEM_PERIOD = 0xBE  # .>
VK_OEM_2 = 0xBF       # /?
VK_OEM_3 = 0xC0       # `~
VK_OEM_4 = 0xDB       # [{
VK_OEM_5 = 0xDC       # \|
VK_OEM_6 = 0xDD       # ]}
VK_OEM_7 = 0xDE       # '"
VK_OEM_102 = 0xE2     # the extra key left of Z on ISO keyboards


class WinKey(NamedTuple):
    """A Windows key identity: virtual-key code, set-1 scan code, E0-extended flag."""
    vk: int
    scan: int
    extended: bool = False


# SDL scancode -> (US-layout VK, set-1 scan code, extended)
_KEYS: dict[int, WinKey] = {}

# letters: SDL_SCANCODE_A (4) .. Z (29)
for _i, _scan in enumerate((0x1E, 0x30, 0x2E, 0x20, 0x12, 0x21, 0x22, 0x23, 0x17, 0x24, 0x25, 0x26, 0x32,
                            0x31, 0x18, 0x19, 0x10, 0x13, 0x1F, 0x14, 0x16, 0x2F, 0x11, 0x2D, 0x15, 0x2C)):
    _KEYS[4 + _i] = WinKey(ord("A") + _i, _scan)
# top-row digits: SDL_SCANCODE_1 (30) .. 9 (38), 0 (39)
for _i in range(9):
    _KEYS[30 + _i] = WinKey(ord("1") + _i, 0x02 + _i)
_KEYS[39] = WinKey(ord("0"), 0x0B)
# F1..F10 (58..67), F11 (68), F12 (69), F13..F24 (104..115)
for _i in range(10):
    _KEYS[58 + _i] = WinKey(VK_F1 + _i, 0x3B + _i)
_KEYS[68] = WinKey(VK_F1 + 10, 0x57)
_KEYS[69] = WinKey(VK_F1 + 11, 0x58)
for _i, _scan in enumerate((0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x76)):
    _KEYS[104 + _i] = WinKey(VK_F13 + _i, _scan)

_KEYS.update({
    40: WinKey(VK_RETURN, 0x1C),
    41: WinKey(VK_ESCAPE, 0x01),
    42: WinKey(VK_BACK, 0x0E),
    43: WinKey(VK_TAB, 0x0F),
    44: WinKey(VK_SPACE, 0x39),
    45: WinKey(VK_OEM_MINUS, 0x0C),
    46: WinKey(VK_OEM_PLUS, 0x0D),
    47: WinKey(VK_OEM_4, 0x1A),
    48: WinKey(VK_OEM_6, 0x1B),
    49: WinKey(VK_OEM_5, 0x2B),
    50: WinKey(VK_OEM_5, 0x2B),          # NONUSHASH: the ISO key that shares the backslash position
    51: WinKey(VK_OEM_1, 0x27),
    52: WinKey(VK_OEM_7, 0x28),
    53: WinKey(VK_OEM_3, 0x29),
    54: WinKey(VK_OEM_COMMA, 0x33),
    55: WinKey(VK_OEM_PERIOD, 0x34),
    56: WinKey(VK_OEM_2, 0x35),
    57: WinKey(VK_CAPITAL, 0x3A),
    70: WinKey(VK_SNAPSHOT, 0x37, True),
    71: WinKey(VK_SCROLL, 0x46),
    72: WinKey(VK_PAUSE, 0x45),           # Pause is 0x45 without E0 ...
    83: WinKey(VK_NUMLOCK, 0x45, True),   # ... and NumLock 0x45 with it (Windows' swap)
    73: WinKey(VK_INSERT, 0x52, True),
    74: WinKey(VK_HOME, 0x47, True),
    75: WinKey(VK_PRIOR, 0x49, True),
    76: WinKey(VK_DELETE, 0x53, True),
    77: WinKey(VK_END, 0x4F, True),
    78: WinKey(VK_NEXT, 0x51, True),
    79: WinKey(VK_RIGHT, 0x4D, True),
    80: WinKey(VK_LEFT, 0x4B, True),
    81: WinKey(VK_DOWN, 0x50, True),
    82: WinKey(VK_UP, 0x48, True),
    84: WinKey(VK_DIVIDE, 0x35, True),
    85: WinKey(VK_MULTIPLY, 0x37),
    86: WinKey(VK_SUBTRACT, 0x4A),
    87: WinKey(VK_ADD, 0x4E),
    88: WinKey(VK_RETURN, 0x1C, True),    # keypad Enter
    100: WinKey(VK_OEM_102, 0x56),
    101: WinKey(VK_APPS, 0x5D, True),
    133: WinKey(VK_SEPARATOR, 0x7E),      # keypad comma (Brazilian ABNT2 keypad)
    127: WinKey(VK_VOLUME_MUTE, 0x20, True),
    128: WinKey(VK_VOLUME_UP, 0x30, True),
    129: WinKey(VK_VOLUME_DOWN, 0x2E, True),
    258: WinKey(VK_MEDIA_NEXT_TRACK, 0x19, True),
    259: WinKey(VK_MEDIA_PREV_TRACK, 0x10, True),
    260: WinKey(VK_MEDIA_STOP, 0x24, True),
    261: WinKey(VK_MEDIA_PLAY_PAUSE, 0x22, True),
    262: WinKey(VK_VOLUME_MUTE, 0x20, True),
    224: WinKey(VK_LCONTROL, 0x1D),
    225: WinKey(VK_LSHIFT, 0x2A),
    226: WinKey(VK_LMENU, 0x38),
    227: WinKey(VK_LWIN, 0x5B, True),
    228: WinKey(VK_RCONTROL, 0x1D, True),
    229: WinKey(VK_RSHIFT, 0x36),
    230: WinKey(VK_RMENU, 0x38, True),
    231: WinKey(VK_RWIN, 0x5C, True),
})

# keypad digits and period: SDL scancode -> (scan, VK with NumLock on, VK with NumLock off)
_KEYPAD: dict[int, tuple[int, int, int]] = {
    89: (0x4F, VK_NUMPAD0 + 1, VK_END),
    90: (0x50, VK_NUMPAD0 + 2, VK_DOWN),
    91: (0x51, VK_NUMPAD0 + 3, VK_NEXT),
    92: (0x4B, VK_NUMPAD0 + 4, VK_LEFT),
    93: (0x4C, VK_NUMPAD0 + 5, VK_CLEAR),
    94: (0x4D, VK_NUMPAD0 + 6, VK_RIGHT),
    95: (0x47, VK_NUMPAD0 + 7, VK_HOME),
    96: (0x48, VK_NUMPAD0 + 8, VK_UP),
    97: (0x49, VK_NUMPAD0 + 9, VK_PRIOR),
    98: (0x52, VK_NUMPAD0, VK_INSERT),
    99: (0x53, VK_DECIMAL, VK_DELETE),
}

# scancodes whose VK follows the host layout's character (letters, digits, the OEM punctuation block)
_LAYOUT_KEYS = frozenset(range(4, 40)) | frozenset(range(45, 57)) | {100}

SCANCODE_RETURN = 40
SCANCODE_KP_ENTER = 88

GENERIC_VK = {VK_LSHIFT: VK_SHIFT, VK_RSHIFT: VK_SHIFT, VK_LCONTROL: VK_CONTROL, VK_RCONTROL: VK_CONTROL,
              VK_LMENU: VK_MENU, VK_RMENU: VK_MENU}
"""Left/right modifier VKs -> the generic VK that WM_KEYDOWN carries (VK_SHIFT, VK_CONTROL, VK_MENU)."""


def translate_key(scancode: int, keycode: int, mod: int) -> WinKey | None:
    """The Windows key for an SDL key event, or None for keys Windows has no code for.

    ``mod`` is the SDL modifier state: with NumLock off, or with Shift held, keypad digits and the keypad
    period give the navigation VKs (VK_HOME, VK_LEFT, VK_CLEAR, ..., not extended) as on Windows.
    Modifiers come as VK_LSHIFT/VK_RSHIFT/VK_LCONTROL/VK_RCONTROL/VK_LMENU/VK_RMENU.
    """
    pad = _KEYPAD.get(scancode)
    if pad is not None:
        scan, on, off = pad
        return WinKey(on if mod & KMOD_NUM and not mod & KMOD_SHIFT else off, scan)
    k = _KEYS.get(scancode)
    if k is None:
        return None
    if scancode in _LAYOUT_KEYS:
        if ord("a") <= keycode <= ord("z"):
            return WinKey(keycode - 32, k.scan, k.extended)
        if ord("0") <= keycode <= ord("9"):
            return WinKey(keycode, k.scan, k.extended)
    return k


def control_text(vk: int, mod: int) -> str | None:
    """The WM_CHAR character(s) Windows' TranslateMessage makes for a key that SDL sends no text for.

    Enter gives CR (Ctrl+Enter LF), Backspace BS (Ctrl+Backspace DEL), Tab TAB, Esc ESC, Ctrl+letter
    the control character 1..26, Ctrl+[ Ctrl+\\ Ctrl+] 0x1B..0x1D. Ctrl+Alt (AltGr) makes none.
    """
    ctrl = bool(mod & KMOD_CTRL) and not mod & (KMOD_ALT | KMOD_MODE)
    if vk == VK_RETURN:
        return "\n" if ctrl else "\r"
    if vk == VK_BACK:
        return "\x7f" if ctrl else "\b"
    if vk == VK_ESCAPE:
        return "\x1b"
    if vk == VK_TAB:
        return None if mod & KMOD_CTRL else "\t"
    if ctrl:
        if ord("A") <= vk <= ord("Z"):
            return chr(vk - 0x40)
        c = {VK_OEM_4: "\x1b", VK_OEM_5: "\x1c", VK_OEM_6: "\x1d"}.get(vk)
        if c is not None:
            return c
    return None
