"""DirectInput (dinput.dll, dinput8.dll): DirectInputCreateA/W/Ex, DirectInput8Create, IDirectInput(2,7,8),
IDirectInputDevice(2,7,8) for the system keyboard and mouse, fed from gdi/input.py's host events.

The DirectInput object (this module) enumerates and creates devices; the devices are in ``dinput_device`` and the
device types (their objects, the DIK_ table, the structures that describe them) in ``dinput_kinds``. One object
answers the A and W interfaces of its versions with one reference count; a device holds a reference to the
object that made it. Objects made by CoCreateInstance (CLSID_DirectInput(8), CLSID_DirectInputDevice(8)) answer
DIERR_NOTINITIALIZED until Initialize.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable

from emu.api import DWORD, HANDLE, PTR, stdcall

from . import dinput_device as dd
from . import dinput_kinds as dk
from .dinput_device import (
    DI_OK, DIENUM_STOP, DIERR_BETADIRECTINPUTVERSION, DIERR_DEVICENOTREG, DIERR_INVALIDPARAM, DIERR_NOAGGREGATION,
    DIERR_NOTINITIALIZED, DIERR_OLDDIRECTINPUTVERSION,
)
from .factory import E_NOINTERFACE, E_POINTER, ComObject, Interface, IUnknown, Ref, publish, register_class, todo

if TYPE_CHECKING:
    from emu.machine import Machine

DIEDFL_ATTACHEDONLY, DIEDFL_FORCEFEEDBACK = 0x1, 0x100
DIEDFL_INCLUDEALIASES, DIEDFL_INCLUDEPHANTOMS, DIEDFL_INCLUDEHIDDEN = 0x10000, 0x20000, 0x40000
DIEDFL_VALID = DIEDFL_ATTACHEDONLY | DIEDFL_FORCEFEEDBACK | DIEDFL_INCLUDEALIASES | DIEDFL_INCLUDEPHANTOMS | \
    DIEDFL_INCLUDEHIDDEN
LEGACY_VERSIONS = (0x300, 0x500, 0x50A, 0x5B2, 0x602, 0x61A, 0x700)  # DirectX 3, 5, 5a, 5b2, 6, 6.1a, 7
DI8_VERSION = 0x800


def check_version(version: int, di8: bool) -> int:
    """Whether this runtime serves a program written for DirectInput ``version`` (dinput.dll: 3..7, dinput8: 8)."""
    if version == 0:
        return DIERR_NOTINITIALIZED
    if di8:
        if version == DI8_VERSION:
            return DI_OK
        return DIERR_OLDDIRECTINPUTVERSION if version > DI8_VERSION else DIERR_BETADIRECTINPUTVERSION
    if version in LEGACY_VERSIONS:
        return DI_OK
    return DIERR_OLDDIRECTINPUTVERSION if version > LEGACY_VERSIONS[-1] else DIERR_BETADIRECTINPUTVERSION


class DirectInput(ComObject):
    """The DirectInput object: the version the program asked for, and whether it is initialized."""

    v8 = False

    def __init__(self, version: int, initialized: bool = True) -> None:
        super().__init__()
        self.version = version
        self.initialized = initialized


def _di(this: Ref) -> DirectInput:
    o = this.obj
    assert isinstance(o, DirectInput)
    return o


def initialized(fn: Callable[..., int]) -> Callable[..., int]:
    """Methods that answer DIERR_NOTINITIALIZED on an object CoCreateInstance made and nobody initialized."""
    @functools.wraps(fn)
    def wrapper(m: "Machine", this: Ref, *args: Any) -> int:
        if not _di(this).initialized:
            return DIERR_NOTINITIALIZED
        return fn(m, this, *args)
    return wrapper


def _wide(this: Ref) -> bool:
    return this.iface.name.endswith("W")


def _device_iface(di: DirectInput, wide: bool) -> Interface:
    if di.v8:
        return dd.IDirectInputDevice8W if wide else dd.IDirectInputDevice8A
    return dd.IDirectInputDeviceW if wide else dd.IDirectInputDeviceA


def _make_device(m: "Machine", di: DirectInput, rguid: int) -> dd.Device | int:
    if not rguid:
        return E_POINTER
    kind = dk.kind_for(m.mem.read(rguid, 16), m)
    if kind is None:
        return DIERR_DEVICENOTREG
    return dd.create(m, di, kind, di.v8, di.version)


# ---- IDirectInput methods --------------------------------------------------------------------------------------
@initialized
def CreateDevice(m: "Machine", this: Ref, rguid: PTR, lplpDirectInputDevice: PTR, pUnkOuter: PTR) -> DWORD:
    """IDirectInput::CreateDevice: a device for GUID_SysKeyboard or GUID_SysMouse (DIERR_DEVICENOTREG otherwise)."""
    if not lplpDirectInputDevice:
        return E_POINTER
    m.mem.w32(lplpDirectInputDevice, 0)
    if pUnkOuter:
        return DIERR_NOAGGREGATION
    d = _make_device(m, _di(this), rguid)
    if isinstance(d, int):
        return d
    m.mem.w32(lplpDirectInputDevice, publish(m, d, _device_iface(_di(this), _wide(this))))
    return DI_OK


@initialized
def CreateDeviceEx(m: "Machine", this: Ref, rguid: PTR, riid: PTR, pvOut: PTR, lpUnkOuter: PTR) -> DWORD:
    """IDirectInput7::CreateDeviceEx: CreateDevice answering the device interface ``riid`` asks for."""
    if not pvOut or not riid:
        return E_POINTER
    m.mem.w32(pvOut, 0)
    if lpUnkOuter:
        return DIERR_NOAGGREGATION
    di = _di(this)
    iid = m.mem.read(riid, 16)
    probe = dd.LegacyDevice(None, None, 0)
    iface = probe.find(iid)
    if iface is None:
        return E_NOINTERFACE
    d = _make_device(m, di, rguid)
    if isinstance(d, int):
        return d
    m.mem.w32(pvOut, publish(m, d, iface))
    return DI_OK


def _matches(di: DirectInput, kind: dk.DeviceKind, dev_type: int) -> bool:
    if dev_type == 0:
        return True
    if di.v8:
        if dev_type <= dk.DI8DEVCLASS_GAMECTRL:
            return kind.class8 == dev_type
        return kind.devtype8 & 0xFF == dev_type
    return kind.devtype7 & 0xFF == dev_type


@initialized
def EnumDevices(m: "Machine", this: Ref, dwDevType: DWORD, lpCallback: PTR, pvRef: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectInput::EnumDevices: call back with the DIDEVICEINSTANCE of the mouse and the keyboard (filtered by
    DIDEVTYPE_* / DI8DEVCLASS_* / DI8DEVTYPE_*; neither has force feedback)."""
    di = _di(this)
    if not lpCallback or dwFlags & ~DIEDFL_VALID:
        return DIERR_INVALIDPARAM
    if di.v8:
        if dwDevType > dk.DI8DEVCLASS_GAMECTRL and not 0x11 <= dwDevType <= 0x1C:
            return DIERR_INVALIDPARAM
    elif dwDevType > dk.DIDEVTYPE_JOYSTICK:
        return DIERR_INVALIDPARAM
    wide = _wide(this)
    dx3, full = dk.DEVICEINSTANCE_SIZES[wide]
    size = full if di.version >= 0x500 else dx3
    from .factory import _heap  # noqa: PLC0415
    heap = _heap(m)
    buf = heap.alloc(size)
    try:
        for kind in dk.all_kinds(m):
            if not _matches(di, kind, dwDevType) or dwFlags & DIEDFL_FORCEFEEDBACK:
                continue
            m.mem.write(buf, kind.instance_struct(wide, size, di.version))
            if m.call(lpCallback, buf, pvRef) == DIENUM_STOP:
                break
    finally:
        heap.free(buf)
    return DI_OK


@initialized
def GetDeviceStatus(m: "Machine", this: Ref, rguidInstance: PTR) -> DWORD:
    """IDirectInput::GetDeviceStatus: DI_OK for the attached keyboard and mouse, DIERR_DEVICENOTREG otherwise."""
    if not rguidInstance:
        return E_POINTER
    return DI_OK if dk.kind_for(m.mem.read(rguidInstance, 16), m) is not None else DIERR_DEVICENOTREG


def Initialize(m: "Machine", this: Ref, hinst: HANDLE, dwVersion: DWORD) -> DWORD:
    """IDirectInput::Initialize: set the DirectInput version the program was written for (checks it)."""
    di = _di(this)
    hr = check_version(dwVersion, di.v8)
    if hr != DI_OK:
        return hr
    di.version = dwVersion
    di.initialized = True
    return DI_OK


@initialized
def FindDevice(m: "Machine", this: Ref, rguidClass: PTR, ptszName: PTR, pguidInstance: PTR) -> DWORD:
    """IDirectInput2::FindDevice: look up a HID device by class and name; there are none (DIERR_DEVICENOTREG)."""
    if not rguidClass or not ptszName or not pguidInstance:
        return DIERR_INVALIDPARAM
    return DIERR_DEVICENOTREG


def _di_slots(version: int) -> list[tuple[str, Any]]:
    slots: list[tuple[str, Any]] = [
        ("CreateDevice", CreateDevice),
        ("EnumDevices", EnumDevices),
        ("GetDeviceStatus", GetDeviceStatus),
        ("RunControlPanel", todo(2)),
        ("Initialize", Initialize),
    ]
    if version >= 2:
        slots += [("FindDevice", FindDevice)]
    if version == 7:
        slots += [("CreateDeviceEx", CreateDeviceEx)]
    if version == 8:
        slots += [
            ("EnumDevicesBySemantics", todo(5)),
            ("ConfigureDevices", todo(4)),
        ]
    return slots


def _iface(name: str, iid: bytes, version: int) -> Interface:
    return Interface(name, iid, base=IUnknown, dll="dinput8" if version == 8 else "dinput", version=version,
                     slots=_di_slots(version))


IDirectInputA = _iface("IDirectInputA", dk.IID_IDirectInputA, 1)
IDirectInputW = _iface("IDirectInputW", dk.IID_IDirectInputW, 1)
IDirectInput2A = _iface("IDirectInput2A", dk.IID_IDirectInput2A, 2)
IDirectInput2W = _iface("IDirectInput2W", dk.IID_IDirectInput2W, 2)
IDirectInput7A = _iface("IDirectInput7A", dk.IID_IDirectInput7A, 7)
IDirectInput7W = _iface("IDirectInput7W", dk.IID_IDirectInput7W, 7)
IDirectInput8A = _iface("IDirectInput8A", dk.IID_IDirectInput8A, 8)
IDirectInput8W = _iface("IDirectInput8W", dk.IID_IDirectInput8W, 8)


class LegacyDirectInput(DirectInput):
    """dinput.dll's object (DirectInput 3..7)."""

    interfaces = (IDirectInputA, IDirectInputW, IDirectInput2A, IDirectInput2W, IDirectInput7A, IDirectInput7W)


class DirectInput8(DirectInput):
    """dinput8.dll's object."""

    v8 = True
    interfaces = (IDirectInput8A, IDirectInput8W)


# ---- exports ---------------------------------------------------------------------------------------------------------
def _create(m: "Machine", cls: type[DirectInput], version: int, iid: bytes | None, iface: Interface | None,
            out: int, outer: int) -> int:
    if not out:
        return E_POINTER
    m.mem.w32(out, 0)
    if outer:
        return DIERR_NOAGGREGATION
    hr = check_version(version, cls.v8)
    if hr != DI_OK:
        return hr
    di = cls(version)
    if iface is None:
        iface = di.find(iid or b"")
        if iface is None:
            return E_NOINTERFACE
    m.mem.w32(out, publish(m, di, iface))
    return DI_OK


@stdcall("dinput")
def DirectInputCreateA(m: "Machine", hinst: HANDLE, dwVersion: DWORD, lplpDirectInput: PTR, punkOuter: PTR) -> DWORD:
    """Create a DirectInput object for a program of DirectInput ``dwVersion`` (3..7); returns IDirectInputA."""
    return _create(m, LegacyDirectInput, dwVersion, None, IDirectInputA, lplpDirectInput, punkOuter)


@stdcall("dinput")
def DirectInputCreateW(m: "Machine", hinst: HANDLE, dwVersion: DWORD, lplpDirectInput: PTR, punkOuter: PTR) -> DWORD:
    """DirectInputCreateA returning IDirectInputW."""
    return _create(m, LegacyDirectInput, dwVersion, None, IDirectInputW, lplpDirectInput, punkOuter)


@stdcall("dinput")
def DirectInputCreateEx(m: "Machine", hinst: HANDLE, dwVersion: DWORD, riidltf: PTR, ppvOut: PTR,
                        punkOuter: PTR) -> DWORD:
    """Create a DirectInput object answering IDirectInput(2,7)A/W as ``riidltf`` asks."""
    if not riidltf:
        return E_POINTER
    return _create(m, LegacyDirectInput, dwVersion, m.mem.read(riidltf, 16), None, ppvOut, punkOuter)


@stdcall("dinput8")
def DirectInput8Create(m: "Machine", hinst: HANDLE, dwVersion: DWORD, riidltf: PTR, ppvOut: PTR,
                       punkOuter: PTR) -> DWORD:
    """Create a DirectInput 8 object (dwVersion 0x800) answering IDirectInput8A or IDirectInput8W."""
    if not riidltf:
        return E_POINTER
    return _create(m, DirectInput8, dwVersion, m.mem.read(riidltf, 16), None, ppvOut, punkOuter)


# ---- CoCreateInstance ---------------------------------------------------------------------------------------------
def _co(cls: type[DirectInput]) -> Callable[["Machine", bytes], tuple[int, int]]:
    def ctor(m: "Machine", iid: bytes) -> tuple[int, int]:
        di = cls(0, initialized=False)
        iface = di.find(iid)
        if iface is None:
            return E_NOINTERFACE, 0
        return DI_OK, publish(m, di, iface)
    return ctor


def _co_device(cls: type[dd.Device]) -> Callable[["Machine", bytes], tuple[int, int]]:
    def ctor(m: "Machine", iid: bytes) -> tuple[int, int]:
        d = cls(None, None, 0)
        iface = d.find(iid)
        if iface is None:
            return E_NOINTERFACE, 0
        return DI_OK, publish(m, d, iface)
    return ctor


register_class(dk.CLSID_DirectInput, _co(LegacyDirectInput))
register_class(dk.CLSID_DirectInput8, _co(DirectInput8))
register_class(dk.CLSID_DirectInputDevice, _co_device(dd.LegacyDevice))
register_class(dk.CLSID_DirectInputDevice8, _co_device(dd.Device8))

from . import dinput_joystick  # noqa: E402, F401 - game controllers (a device kind provider)

__all__ = ["DirectInput", "DirectInput8", "LegacyDirectInput", "check_version"]
