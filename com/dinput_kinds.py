"""DirectInput device kinds: what each device type is made of (its objects: axes, buttons, keys, POVs), how it
describes itself (DIDEVICEINSTANCE, DIDEVCAPS, DIDEVICEOBJECTINSTANCE) and the DIK_ key table.

A ``DeviceKind`` is static data; the live state of a device is in ``dinput_device.Device``. The system keyboard
and mouse are the two kinds today; a joystick kind adds its axes/buttons/POVs here and a source of host state
(the device reads values through the same object list, so SetDataFormat, GetDeviceState, buffering and properties
work unchanged).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from .guids import guid

if TYPE_CHECKING:
    from emu.machine import Machine

# ---- GUIDs (dinput.h) --------------------------------------------------------------------------------------------
CLSID_DirectInput = guid("25E609E0-B259-11CF-BFC7-444553540000")
CLSID_DirectInputDevice = guid("25E609E1-B259-11CF-BFC7-444553540000")
CLSID_DirectInput8 = guid("25E609E4-B259-11CF-BFC7-444553540000")
CLSID_DirectInputDevice8 = guid("25E609E5-B259-11CF-BFC7-444553540000")
IID_IDirectInputA = guid("89521360-AA8A-11CF-BFC7-444553540000")
IID_IDirectInputW = guid("89521361-AA8A-11CF-BFC7-444553540000")
IID_IDirectInput2A = guid("5944E662-AA8A-11CF-BFC7-444553540000")
IID_IDirectInput2W = guid("5944E663-AA8A-11CF-BFC7-444553540000")
IID_IDirectInput7A = guid("9A4CB684-236D-11D3-8E9D-00C04F6844AE")
IID_IDirectInput7W = guid("9A4CB685-236D-11D3-8E9D-00C04F6844AE")
IID_IDirectInput8A = guid("BF798030-483A-4DA2-AA99-5D64ED369700")
IID_IDirectInput8W = guid("BF798031-483A-4DA2-AA99-5D64ED369700")
IID_IDirectInputDeviceA = guid("5944E680-C92E-11CF-BFC7-444553540000")
IID_IDirectInputDeviceW = guid("5944E681-C92E-11CF-BFC7-444553540000")
IID_IDirectInputDevice2A = guid("5944E682-C92E-11CF-BFC7-444553540000")
IID_IDirectInputDevice2W = guid("5944E683-C92E-11CF-BFC7-444553540000")
IID_IDirectInputDevice7A = guid("57D7C6BC-2356-11D3-8E9D-00C04F6844AE")
IID_IDirectInputDevice7W = guid("57D7C6BD-2356-11D3-8E9D-00C04F6844AE")
IID_IDirectInputDevice8A = guid("54D41080-DC15-4833-A41B-748F73A38179")
IID_IDirectInputDevice8W = guid("54D41081-DC15-4833-A41B-748F73A38179")

GUID_XAxis = guid("A36D02E0-C9F3-11CF-BFC7-444553540000")
GUID_YAxis = guid("A36D02E1-C9F3-11CF-BFC7-444553540000")
GUID_ZAxis = guid("A36D02E2-C9F3-11CF-BFC7-444553540000")
GUID_RxAxis = guid("A36D02F4-C9F3-11CF-BFC7-444553540000")
GUID_RyAxis = guid("A36D02F5-C9F3-11CF-BFC7-444553540000")
GUID_RzAxis = guid("A36D02E3-C9F3-11CF-BFC7-444553540000")
GUID_Slider = guid("A36D02E4-C9F3-11CF-BFC7-444553540000")
GUID_Button = guid("A36D02F0-C9F3-11CF-BFC7-444553540000")
GUID_Key = guid("55728220-D33C-11CF-BFC7-444553540000")
GUID_POV = guid("A36D02F2-C9F3-11CF-BFC7-444553540000")
GUID_Unknown = guid("A36D02F3-C9F3-11CF-BFC7-444553540000")
GUID_SysMouse = guid("6F1D2B60-D5A0-11CF-BFC7-444553540000")
GUID_SysKeyboard = guid("6F1D2B61-D5A0-11CF-BFC7-444553540000")
GUID_Joystick = guid("6F1D2B70-D5A0-11CF-BFC7-444553540000")
GUID_SysMouseEm = guid("6F1D2B80-D5A0-11CF-BFC7-444553540000")
GUID_SysMouseEm2 = guid("6F1D2B81-D5A0-11CF-BFC7-444553540000")
GUID_SysKeyboardEm = guid("6F1D2B82-D5A0-11CF-BFC7-444553540000")
GUID_SysKeyboardEm2 = guid("6F1D2B83-D5A0-11CF-BFC7-444553540000")

# ---- object types (DIDFT_*) and flags --------------------------------------------------------------------------
DIDFT_ALL, DIDFT_RELAXIS, DIDFT_ABSAXIS, DIDFT_AXIS = 0, 0x1, 0x2, 0x3
DIDFT_PSHBUTTON, DIDFT_TGLBUTTON, DIDFT_BUTTON, DIDFT_POV = 0x4, 0x8, 0xC, 0x10
DIDFT_COLLECTION, DIDFT_NODATA, DIDFT_ANYINSTANCE = 0x40, 0x80, 0x00FFFF00
DIDFT_FFACTUATOR, DIDFT_FFEFFECTTRIGGER, DIDFT_OUTPUT = 0x01000000, 0x02000000, 0x10000000
DIDFT_VENDORDEFINED, DIDFT_ALIAS, DIDFT_OPTIONAL = 0x04000000, 0x08000000, 0x80000000
DIDFT_ATTRIBUTES = DIDFT_FFACTUATOR | DIDFT_FFEFFECTTRIGGER | DIDFT_OUTPUT | DIDFT_VENDORDEFINED | DIDFT_ALIAS
DIDOI_ASPECTPOSITION = 0x100
DIDC_ATTACHED, DIDC_EMULATED = 0x1, 0x4

DIDEVTYPE_DEVICE, DIDEVTYPE_MOUSE, DIDEVTYPE_KEYBOARD, DIDEVTYPE_JOYSTICK = 1, 2, 3, 4
DI8DEVCLASS_ALL, DI8DEVCLASS_DEVICE, DI8DEVCLASS_POINTER, DI8DEVCLASS_KEYBOARD, DI8DEVCLASS_GAMECTRL = 0, 1, 2, 3, 4
DI8DEVTYPE_MOUSE, DI8DEVTYPE_KEYBOARD = 0x12, 0x13
DIDEVTYPEMOUSE_TRADITIONAL, DIDEVTYPEKEYBOARD_PCENH = 2, 4

# structure sizes (A, W): DX3 layouts and the DirectX 5+ ones
DEVICEINSTANCE_SIZES = {False: (560, 580), True: (1080, 1100)}
OBJECTINSTANCE_SIZES = {False: (292, 316), True: (552, 576)}
DEVCAPS_SIZES = (24, 44)
WHEEL_DELTA = 120


def make_instance(n: int) -> int:
    """DIDFT_MAKEINSTANCE(n)."""
    return (n & 0xFFFF) << 8


def get_instance(t: int) -> int:
    """DIDFT_GETINSTANCE(t)."""
    return (t >> 8) & 0xFFFF


@dataclass(frozen=True)
class DevObject:
    """One object of a device (an axis, a button or key, a POV hat)."""

    guid: bytes
    type_id: int  # DIDFT_* type bits | DIDFT_MAKEINSTANCE(instance): the object's dwType / identifier
    name: str
    ofs: int  # offset in the device's native data format
    flags: int = 0  # DIDOI_*
    usage_page: int = 0
    usage: int = 0
    granularity: int = 1

    @property
    def is_axis(self) -> bool:
        return bool(self.type_id & DIDFT_AXIS)

    @property
    def is_button(self) -> bool:
        return bool(self.type_id & DIDFT_BUTTON)

    @property
    def is_pov(self) -> bool:
        return bool(self.type_id & DIDFT_POV)

    @property
    def instance(self) -> int:
        return get_instance(self.type_id)

    def matches_type(self, want: int) -> bool:
        """Whether a DIDFT_* type filter (EnumObjects flags, a DIOBJECTDATAFORMAT dwType) accepts this object."""
        kinds = want & 0xFF & ~(DIDFT_COLLECTION | DIDFT_NODATA)
        if want & 0xFF and not kinds & self.type_id & 0xFF:
            return False  # another type, or only collections / no-data objects asked for (there are none)
        return (want & DIDFT_ATTRIBUTES & ~self.type_id) == 0

    def matches_id(self, ident: int) -> bool:
        """Whether ``ident`` (a dwType identifier, DIPH_BYID) names this object: same instance and type class."""
        return get_instance(ident) == self.instance and bool(ident & self.type_id & 0x1F)


@dataclass(frozen=True)
class DeviceKind:
    """A type of device: its identity and its objects."""

    name: str  # instance and product name
    guid: bytes  # instance GUID (GUID_SysKeyboard...)
    aliases: tuple[bytes, ...]  # other GUIDs that name the same device (the emulated variants)
    devtype7: int  # dwDevType for DirectInput 3..7
    devtype8: int  # dwDevType for DirectInput 8
    class8: int  # DI8DEVCLASS_*
    usage_page: int
    usage: int
    objects: tuple[DevObject, ...]
    native_size: int  # size of the native data format (where ``DevObject.ofs`` point)
    has_axes: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "has_axes", any(o.is_axis for o in self.objects))

    def devtype(self, version: int) -> int:
        """dwDevType as a program of DirectInput ``version`` expects it."""
        return self.devtype8 if version >= 0x800 else self.devtype7

    def counts(self) -> tuple[int, int, int]:
        """(axes, buttons, POVs)."""
        return (sum(o.is_axis for o in self.objects), sum(o.is_button for o in self.objects),
                sum(o.is_pov for o in self.objects))

    def instance_struct(self, wide: bool, size: int, version: int) -> bytes:
        """A DIDEVICEINSTANCE(A/W) of ``size`` bytes (the DX3 or the DirectX 5 layout)."""
        d = bytearray(size)
        struct.pack_into("<I16s16sI", d, 0, size, self.guid, self.guid, self.devtype(version))
        n = 260
        if wide:
            name = self.name.encode("utf-16-le")[: 2 * (n - 1)]
            d[40:40 + len(name)] = name
            d[40 + 2 * n:40 + 2 * n + len(name)] = name
            tail = 40 + 4 * n
        else:
            name = self.name.encode("cp1252")[: n - 1]
            d[40:40 + len(name)] = name
            d[40 + n:40 + n + len(name)] = name
            tail = 40 + 2 * n
        if size > tail:  # guidFFDriver (none), wUsagePage, wUsage
            struct.pack_into("<HH", d, tail + 16, self.usage_page, self.usage)
        return bytes(d)

    def caps_struct(self, size: int, version: int) -> bytes:
        """A DIDEVCAPS of ``size`` bytes: attached, emulated (the system devices go through the window manager)."""
        axes, buttons, povs = self.counts()
        d = bytearray(size)
        struct.pack_into("<6I", d, 0, size, DIDC_ATTACHED | DIDC_EMULATED, self.devtype(version), axes, buttons, povs)
        return bytes(d)

    def object_struct(self, obj: DevObject, wide: bool, size: int, ofs: int) -> bytes:
        """A DIDEVICEOBJECTINSTANCE(A/W) of ``size`` bytes for ``obj`` reported at data offset ``ofs``."""
        d = bytearray(size)
        struct.pack_into("<I16sIII", d, 0, size, obj.guid, ofs, obj.type_id, obj.flags)
        if wide:
            name = obj.name.encode("utf-16-le")[:518]
            tail = 32 + 520
        else:
            name = obj.name.encode("cp1252")[:259]
            tail = 32 + 260
        d[32:32 + len(name)] = name
        if size > tail:  # dwFFMaxForce, dwFFForceResolution, wCollectionNumber, wDesignatorIndex, wUsagePage, wUsage
            struct.pack_into("<HH", d, tail + 12, obj.usage_page, obj.usage)
        return bytes(d)

    def index_of(self, type_id: int) -> int:
        """Index in ``objects`` of the object with identifier ``type_id`` (exact)."""
        return _INDEX[id(self)][type_id]

    def with_instance(self, instance: int) -> list[int]:
        """Indexes of the objects with instance number ``instance`` (0xFFFF: all), in order."""
        if instance == 0xFFFF:
            return list(range(len(self.objects)))
        return _BY_INSTANCE[id(self)].get(instance, [])


_INDEX: dict[int, dict[int, int]] = {}
_BY_INSTANCE: dict[int, dict[int, list[int]]] = {}


def _register(kind: DeviceKind) -> DeviceKind:
    _INDEX[id(kind)] = {o.type_id: i for i, o in enumerate(kind.objects)}
    by: dict[int, list[int]] = {}
    for i, o in enumerate(kind.objects):
        by.setdefault(o.instance, []).append(i)
    _BY_INSTANCE[id(kind)] = by
    return kind


# ---- keyboard ----------------------------------------------------------------------------------------------------
DIK_NAMES: dict[int, str] = {
    0x01: "Esc", 0x0C: "-", 0x0D: "=", 0x0E: "Backspace", 0x0F: "Tab", 0x1A: "[", 0x1B: "]", 0x1C: "Enter",
    0x1D: "Ctrl", 0x27: ";", 0x28: "'", 0x29: "`", 0x2A: "Shift", 0x2B: "\\", 0x33: ",", 0x34: ".", 0x35: "/",
    0x36: "Right Shift", 0x37: "Num *", 0x38: "Alt", 0x39: "Space", 0x3A: "Caps Lock", 0x45: "Num Lock",
    0x46: "Scroll Lock", 0x47: "Num 7", 0x48: "Num 8", 0x49: "Num 9", 0x4A: "Num -", 0x4B: "Num 4", 0x4C: "Num 5",
    0x4D: "Num 6", 0x4E: "Num +", 0x4F: "Num 1", 0x50: "Num 2", 0x51: "Num 3", 0x52: "Num 0", 0x53: "Num Del",
    0x56: "<>", 0x57: "F11", 0x58: "F12", 0x9C: "Num Enter", 0x9D: "Right Ctrl", 0xB5: "Num /", 0xB7: "Prnt Scrn",
    0xB8: "Right Alt", 0xC5: "Pause", 0xC7: "Home", 0xC8: "Up", 0xC9: "Page Up", 0xCB: "Left", 0xCD: "Right",
    0xCF: "End", 0xD0: "Down", 0xD1: "Page Down", 0xD2: "Insert", 0xD3: "Delete", 0xDB: "Left Windows",
    0xDC: "Right Windows", 0xDD: "Application",
}
for _i, _c in enumerate("1234567890"):
    DIK_NAMES[0x02 + _i] = _c
for _row, _start in (("QWERTYUIOP", 0x10), ("ASDFGHJKL", 0x1E), ("ZXCVBNM", 0x2C)):
    for _i, _c in enumerate(_row):
        DIK_NAMES[_start + _i] = _c
for _i in range(10):
    DIK_NAMES[0x3B + _i] = f"F{_i + 1}"

DIK_PAUSE = 0xC5
VK_PAUSE = 0x13

KEYBOARD = _register(DeviceKind(
    name="Keyboard", guid=GUID_SysKeyboard, aliases=(GUID_SysKeyboardEm, GUID_SysKeyboardEm2),
    devtype7=DIDEVTYPE_KEYBOARD | (DIDEVTYPEKEYBOARD_PCENH << 8),
    devtype8=DI8DEVTYPE_KEYBOARD | (DIDEVTYPEKEYBOARD_PCENH << 8), class8=DI8DEVCLASS_KEYBOARD,
    usage_page=1, usage=6,
    objects=tuple(DevObject(GUID_Key, DIDFT_PSHBUTTON | make_instance(k), name, k) for k, name in
                  sorted(DIK_NAMES.items())),
    native_size=256,
))


# ---- mouse -------------------------------------------------------------------------------------------------------
MOUSE_BUTTONS = 3  # left, right, middle: the buttons host events carry
MOUSE = _register(DeviceKind(
    name="Mouse", guid=GUID_SysMouse, aliases=(GUID_SysMouseEm, GUID_SysMouseEm2),
    devtype7=DIDEVTYPE_MOUSE | (DIDEVTYPEMOUSE_TRADITIONAL << 8),
    devtype8=DI8DEVTYPE_MOUSE | (DIDEVTYPEMOUSE_TRADITIONAL << 8), class8=DI8DEVCLASS_POINTER,
    usage_page=1, usage=2,
    objects=(
        DevObject(GUID_XAxis, DIDFT_RELAXIS | make_instance(0), "X-axis", 0, DIDOI_ASPECTPOSITION, 1, 0x30),
        DevObject(GUID_YAxis, DIDFT_RELAXIS | make_instance(1), "Y-axis", 4, DIDOI_ASPECTPOSITION, 1, 0x31),
        DevObject(GUID_ZAxis, DIDFT_RELAXIS | make_instance(2), "Wheel", 8, DIDOI_ASPECTPOSITION, 1, 0x38,
                  granularity=WHEEL_DELTA),
    ) + tuple(DevObject(GUID_Button, DIDFT_PSHBUTTON | make_instance(b), f"Button {b}", 12 + b, 0, 9, b + 1)
              for b in range(MOUSE_BUTTONS)),
    native_size=16,
))
MOUSE_X, MOUSE_Y, MOUSE_Z = 0, 1, 2  # object indexes
MOUSE_BUTTON0 = 3

KINDS: tuple[DeviceKind, ...] = (MOUSE, KEYBOARD)  # EnumDevices order
KIND_PROVIDERS: list[Callable[["Machine"], tuple[DeviceKind, ...]]] = []
"""Devices that come and go: each provider gives the kinds present now (com/dinput_joystick.py: game controllers)."""


def all_kinds(m: "Machine | None" = None) -> tuple[DeviceKind, ...]:
    """The devices present now, in EnumDevices order: the system mouse and keyboard, then the providers' ones."""
    out = KINDS
    if m is not None:
        for provider in KIND_PROVIDERS:
            out += provider(m)
    return out


def kind_for(g: bytes, m: "Machine | None" = None) -> DeviceKind | None:
    """The device kind an instance GUID names (the system keyboard and mouse and their emulated variants; with
    ``m``, also the attached game controllers)."""
    for k in KINDS:
        if g == k.guid or g in k.aliases:
            return k
    if m is not None:
        for provider in KIND_PROVIDERS:
            for k in provider(m):
                if g == k.guid or g in k.aliases:
                    return k
    return None


def dik_for_key(vk: int, scan: int, extended: bool) -> int:
    """The DIK_ code of a host key event: the set-1 scan code, +0x80 for E0-prefixed (extended) keys."""
    if vk == VK_PAUSE:
        return DIK_PAUSE
    if not scan:
        from gdi.input import scan_code  # noqa: PLC0415
        sides = {0x10: 0xA0, 0x11: 0xA2, 0x12: 0xA4}  # generic Shift/Ctrl/Alt: the left key
        scan, extended = scan_code(sides.get(vk, vk))
    if not scan:
        return 0
    return (scan & 0x7F) | (0x80 if extended else 0)
