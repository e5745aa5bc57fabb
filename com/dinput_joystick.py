"""DirectInput game controllers: each attached pad (app/gamepad.py) is a DirectInput joystick device
(DI8DEVCLASS_GAMECTRL, DI8DEVTYPE_GAMEPAD / DIDEVTYPE_JOYSTICK + DIDEVTYPEJOYSTICK_GAMEPAD, HID).

A ``JoystickKind`` per gamepad slot is provided to ``dinput_kinds.KIND_PROVIDERS``, so EnumDevices lists the
attached pads after the keyboard and mouse, and CreateDevice / GetDeviceStatus / Initialize take their instance
GUIDs (one per slot, stable while a pad stays in it; the product GUID is Windows' ``VIDPID-0000-0000-0000-PIDVID``
form). The objects are laid out like an XInput pad's in DirectInput: X/Y the left stick, Z both triggers (left
trigger towards the maximum, right towards the minimum), Rx/Ry the right stick, a hat switch from the d-pad and
ten buttons (A, B, X, Y, LB, RB, Back, Start, left stick, right stick), at their c_dfDIJoystick offsets, so
c_dfDIJoystick / c_dfDIJoystick2 (and programs' own formats) are matched generically by ``dinput_device``.

State is polled: the device's ``sync`` hook (called by Acquire and before GetDeviceState, GetDeviceData and Poll)
reads the pad and feeds the changes like host events feed the keyboard (buffered data gets them with the time
of that read); a pad that is gone makes the device lose acquisition (DIERR_INPUTLOST, then DIERR_UNPLUGGED from
Acquire). Axis properties per device and axis: DIPROP_RANGE (default 0..65535; settable per axis or for the whole
device), DIPROP_DEADZONE and DIPROP_SATURATION (0..10000 of the travel from the centre; the dead zone reads
centred, beyond the saturation reads the extreme). Also DIPROP_JOYSTICKID (the winmm id) and, for DirectInput 8,
DIPROP_VIDPID. No force feedback; no event notification for pads (their state is read, not pushed).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING

from emu import clock

from . import dinput_device as dd
from . import dinput_kinds as dk
from .guids import guid

if TYPE_CHECKING:
    from app.gamepad import Pad
    from emu.machine import Machine

DI8DEVTYPE_GAMEPAD, DI8DEVTYPEGAMEPAD_STANDARD = 0x15, 2
DIDEVTYPEJOYSTICK_GAMEPAD = 4
DIDEVTYPE_HID = 0x10000
DIPROP_DEADZONE, DIPROP_SATURATION, DIPROP_JOYSTICKID, DIPROP_VIDPID = 5, 6, 15, 24
RANGE_MIN, RANGE_MAX = 0, 65535
BUTTON_NAMES = ("a", "b", "x", "y", "leftshoulder", "rightshoulder", "back", "start", "leftstick", "rightstick")
"""The pad's buttons in DirectInput order (Button 0 is A), as winmm's joystick buttons."""

_AXES = (  # guid, name, offset in DIJOYSTATE, HID usage
    (dk.GUID_XAxis, "X Axis", 0, 0x30),
    (dk.GUID_YAxis, "Y Axis", 4, 0x31),
    (dk.GUID_ZAxis, "Z Axis", 8, 0x32),
    (dk.GUID_RxAxis, "X Rotation", 12, 0x33),
    (dk.GUID_RyAxis, "Y Rotation", 16, 0x34),
)
N_AXES = len(_AXES)
POV_INDEX = N_AXES
BUTTON0 = N_AXES + 1
OBJECTS: tuple[dk.DevObject, ...] = tuple(
    dk.DevObject(g, dk.DIDFT_ABSAXIS | dk.make_instance(i), name, ofs, dk.DIDOI_ASPECTPOSITION, 1, usage)
    for i, (g, name, ofs, usage) in enumerate(_AXES)
) + (dk.DevObject(dk.GUID_POV, dk.DIDFT_POV | dk.make_instance(0), "Hat Switch", 32, 0, 1, 0x39),) + tuple(
    dk.DevObject(dk.GUID_Button, dk.DIDFT_PSHBUTTON | dk.make_instance(b), f"Button {b}", 48 + b, 0, 9, b + 1)
    for b in range(len(BUTTON_NAMES))
)


@dataclass(frozen=True)
class JoystickKind(dk.DeviceKind):
    """A game controller in one gamepad slot."""

    slot: int = 0
    product: bytes = b""
    vidpid: int = 0

    def instance_struct(self, wide: bool, size: int, version: int) -> bytes:
        """DIDEVICEINSTANCE with the product GUID (guidProduct differs from guidInstance for pads)."""
        d = bytearray(super().instance_struct(wide, size, version))
        d[20:36] = self.product
        return bytes(d)

    def caps_struct(self, size: int, version: int) -> bytes:
        """DIDEVCAPS: attached (a real device, not emulated), axes, buttons, one POV."""
        d = bytearray(super().caps_struct(size, version))
        struct.pack_into("<I", d, 4, dk.DIDC_ATTACHED)
        return bytes(d)

    # -- hooks called by dinput_device --
    def sync(self, m: "Machine", d: dd.Device, initial: bool) -> bool:
        """Read the pad into device ``d`` (``initial``: at Acquire, no buffered data); False if it is gone."""
        from app import gamepad  # noqa: PLC0415
        p = gamepad.pad(m, self.slot)
        if p is None:
            return False
        vals = self.values_for(p, _axis_props(d))
        if initial:
            d.values = vals
            return True
        changes = [(i, v - d.values[i] if self.objects[i].is_axis else v) for i, v in enumerate(vals)
                   if v != d.values[i]]
        if changes:
            ps = dd.proc(m)
            ps.seq = (ps.seq + 1) & 0xFFFFFFFF
            d.feed(m, changes, clock.current().ms() & 0xFFFFFFFF, ps.seq, False)
        return True

    def values_for(self, p: "Pad", props: list[list[int]]) -> list[int]:
        """Each object's value for pad state ``p``: axes scaled by their range/dead zone/saturation, the hat in
        hundredths of degrees (0xFFFFFFFF centred), buttons 0x80 / 0."""
        from audio.winmm_joy import pov  # noqa: PLC0415
        raw = (p.axis("leftx"), p.axis("lefty"), p.axis("lefttrigger") - p.axis("righttrigger"), p.axis("rightx"),
               p.axis("righty"))
        out = [_scale(v, *props[i]) for i, v in enumerate(raw)]
        h = pov(p)
        out.append(0xFFFFFFFF if h == 0xFFFF else h)
        out += [0x80 if p.button(b) else 0 for b in BUTTON_NAMES]
        return out

    def get_property(self, m: "Machine", d: dd.Device, prop: int, ph: int) -> int | None:
        """Axis ranges, dead zone, saturation, joystick id, VID/PID (None: the generic properties)."""
        if prop == dd.DIPROP_RANGE:
            hr, i = dd._prop_target(m, d, ph, 24)
            if hr != dd.DI_OK:
                return hr
            if i is None or not self.objects[i].is_axis:
                return dd.DIERR_INVALIDPARAM if i is None else dd.DIERR_UNSUPPORTED
            lo, hi, _, _ = _axis_props(d)[i]
            m.mem.pack("<ii", ph + 16, lo, hi)
            return dd.DI_OK
        if prop in (DIPROP_DEADZONE, DIPROP_SATURATION):
            hr, i = dd._prop_target(m, d, ph, 20)
            if hr != dd.DI_OK:
                return hr
            if i is None or not self.objects[i].is_axis:
                return dd.DIERR_INVALIDPARAM if i is None else dd.DIERR_UNSUPPORTED
            m.mem.w32(ph + 16, _axis_props(d)[i][2 if prop == DIPROP_DEADZONE else 3])
            return dd.DI_OK
        if prop == DIPROP_JOYSTICKID or (prop == DIPROP_VIDPID and d.version >= 0x800):
            hr, i = dd._prop_target(m, d, ph, 20)
            if hr != dd.DI_OK:
                return hr
            if i is not None:
                return dd.DIERR_INVALIDPARAM
            m.mem.w32(ph + 16, self.slot if prop == DIPROP_JOYSTICKID else self.vidpid)
            return dd.DI_OK
        return None

    def set_property(self, m: "Machine", d: dd.Device, prop: int, ph: int) -> int | None:
        """DIPROP_RANGE / DEADZONE / SATURATION for one axis or (DIPH_DEVICE) all of them, while unacquired."""
        if prop not in (dd.DIPROP_RANGE, DIPROP_DEADZONE, DIPROP_SATURATION):
            if prop in (DIPROP_JOYSTICKID, DIPROP_VIDPID):
                return dd.DIERR_READONLY
            return None
        hr, i = dd._prop_target(m, d, ph, 24 if prop == dd.DIPROP_RANGE else 20)
        if hr != dd.DI_OK:
            return hr
        if i is not None and not self.objects[i].is_axis:
            return dd.DIERR_UNSUPPORTED
        if d.acquired:
            return dd.DIERR_ACQUIRED
        targets = [i] if i is not None else list(range(N_AXES))
        props = _axis_props(d)
        if prop == dd.DIPROP_RANGE:
            lo, hi = m.mem.unpack("<ii", ph + 16)
            if lo >= hi:
                return dd.DIERR_INVALIDPARAM
            for t in targets:
                props[t][0], props[t][1] = lo, hi
        else:
            v = m.mem.u32(ph + 16)
            if v > 10000:
                return dd.DIERR_INVALIDPARAM
            for t in targets:
                props[t][2 if prop == DIPROP_DEADZONE else 3] = v
        return dd.DI_OK


def _axis_props(d: dd.Device) -> list[list[int]]:
    """Per axis [min, max, dead zone, saturation] of device ``d``."""
    props: list[list[int]] | None = getattr(d, "joy_axes", None)
    if props is None:
        props = [[RANGE_MIN, RANGE_MAX, 0, 10000] for _ in range(N_AXES)]
        d.joy_axes = props  # type: ignore[attr-defined]
    return props


def _scale(v: int, lo: int, hi: int, dead: int, sat: int) -> int:
    """An SDL axis value (-32768..32767) in lo..hi after the dead zone and saturation (0..10000)."""
    f = max(-1.0, v / 32767)
    a = abs(f) * 10000
    if a <= dead:
        f = 0.0
    elif a >= sat:
        f = 1.0 if f > 0 else -1.0
    else:
        f = (a - dead) / (sat - dead) * (1 if f > 0 else -1)
    return lo + round((f + 1) / 2 * (hi - lo))


_cache: dict[tuple[int, str, int, int], JoystickKind] = {}


def kind_for_pad(p: "Pad") -> JoystickKind:
    """The device kind of the pad in its slot (the same object while that pad stays there)."""
    key = (p.slot, p.name, p.vendor, p.product)
    k = _cache.get(key)
    if k is None:
        inst = guid(f"E8E11000-{p.slot:04X}-11F0-8000-504944564944")
        product = struct.pack("<I", (p.product << 16) | p.vendor) + bytes(6) + b"PIDVID"
        k = JoystickKind(
            name=p.name, guid=inst, aliases=(), usage_page=1, usage=5,
            devtype7=dk.DIDEVTYPE_JOYSTICK | (DIDEVTYPEJOYSTICK_GAMEPAD << 8) | DIDEVTYPE_HID,
            devtype8=DI8DEVTYPE_GAMEPAD | (DI8DEVTYPEGAMEPAD_STANDARD << 8) | DIDEVTYPE_HID,
            class8=dk.DI8DEVCLASS_GAMECTRL, objects=OBJECTS, native_size=80,
            slot=p.slot, product=product, vidpid=(p.product << 16) | p.vendor)
        dk._register(k)
        _cache[key] = k
    return k


def attached(m: "Machine") -> tuple[dk.DeviceKind, ...]:
    """KIND_PROVIDERS entry: the attached pads' kinds, by slot."""
    from app import gamepad  # noqa: PLC0415
    return tuple(kind_for_pad(p) for p in gamepad.pads(m) if p is not None)


dk.KIND_PROVIDERS.append(attached)

__all__ = ["JoystickKind", "attached", "kind_for_pad"]
