"""DirectSound (dsound.dll): DirectSoundCreate(8), DirectSoundEnumerateA/W, IDirectSound(8), IDirectSoundBuffer(8),
IDirectSoundNotify — buffers are sources of the mixer in audio/mixer.py (see com/dsound_buffer.py).

One sound device: the mixer (44.1 kHz, 16-bit stereo, software mixing). DirectSoundEnumerate lists it twice, as
Windows does: "Primary Sound Driver" (GUID NULL) first, then under its own GUID. Objects made by
DirectSoundCreate answer IDirectSound only; DirectSoundCreate8 ones also IDirectSound8 (and their buffers
IDirectSoundBuffer8). CoCreateInstance(CLSID_DirectSound/8) makes objects that answer DSERR_UNINITIALIZED until
Initialize. Releasing the object destroys every buffer it made.
"""
from __future__ import annotations

import functools
import struct
from typing import TYPE_CHECKING, Any, Callable

from emu.api import DWORD, HWND, PTR, stdcall

from . import dsound_buffer as dsb
from . import guids
from .dsound_buffer import (
    DS_OK, DSERR_ALREADYINITIALIZED, DSERR_INVALIDPARAM, DSERR_NOAGGREGATION, DSERR_NODRIVER,
    DSERR_PRIOLEVELNEEDED, DSERR_UNINITIALIZED, DSSCL_NORMAL, DSSCL_PRIORITY, DSSCL_WRITEPRIMARY, Buffer, Format,
    IDirectSoundBuffer,
)
from .factory import E_NOINTERFACE, ComObject, Interface, IUnknown, Ref, kill, lookup_obj, publish, register_class

if TYPE_CHECKING:
    from emu.machine import Machine

CLSID_DirectSound = guids.guid("47D4D946-62E8-11CF-93BC-444553540000")
CLSID_DirectSound8 = guids.guid("3901CC3F-84B5-4FA4-BA35-AA8172B8A09B")
IID_IDirectSound = guids.guid("279AFA83-4981-11CE-A521-0020AF0BE560")
IID_IDirectSound8 = guids.guid("C50A7E93-F395-4834-9EF6-7FA99DE50966")
DSDEVID_DefaultPlayback = guids.guid("DEF00000-9C6D-47ED-AAF1-4DDA8F2B5C03")
DSDEVID_DefaultVoicePlayback = guids.guid("DEF00002-9C6D-47ED-AAF1-4DDA8F2B5C03")
DEVICE_GUID = guids.guid("5E4C1B0E-7A3D-4F6B-9C1E-6578706C6179")  # the one device's GUID (enumerated)

PRIMARY_DESC = "Primary Sound Driver"
DEVICE_DESC = "exeplay Wave Out"  # the name winmm's waveOut device has (audio/waveout.py)

DSCAPS_SIZE = 96
DSCAPS_PRIMARYMONO, DSCAPS_PRIMARYSTEREO, DSCAPS_PRIMARY8BIT, DSCAPS_PRIMARY16BIT = 0x1, 0x2, 0x4, 0x8
DSCAPS_CONTINUOUSRATE, DSCAPS_CERTIFIED = 0x10, 0x40
DSCAPS_SECONDARYMONO, DSCAPS_SECONDARYSTEREO, DSCAPS_SECONDARY8BIT, DSCAPS_SECONDARY16BIT = 0x100, 0x200, 0x400, 0x800
DSSPEAKER_STEREO, DSSPEAKER_GEOMETRY_WIDE, DSSPEAKER_MAX_CONFIG = 4, 20, 9
DS_CERTIFIED = 0


class DirectSound(ComObject):
    """The DirectSound device object: cooperative level, the primary buffer and the buffers it made."""

    def __init__(self, version: int, initialized: bool = True) -> None:
        super().__init__()
        self.version = version  # 1: DirectSoundCreate / CLSID_DirectSound, 8: the DirectSound8 ones
        self.initialized = initialized
        self.coop = 0
        self.hwnd = 0
        self.buffers: list[Buffer] = []
        self.primary: Buffer | None = None
        self.primary_format = Format.pcm(2, 22050, 8)  # what DSSCL_NORMAL programs get
        self.speakers = DSSPEAKER_STEREO | DSSPEAKER_GEOMETRY_WIDE << 16

    def find(self, iid: bytes) -> Interface | None:
        """IDirectSound8 only on objects made as DirectSound8 ones."""
        iface = super().find(iid)
        if iface is IDirectSound8 and self.version < 8:
            return None
        return iface

    def destroy(self, m: "Machine") -> None:
        for b in list(self.buffers) + ([self.primary] if self.primary is not None else []):
            kill(m, b)
        self.buffers.clear()
        self.primary = None


def _ds(this: Ref) -> DirectSound:
    ds = this.obj
    assert isinstance(ds, DirectSound)
    return ds


def initialized(fn: Callable[..., int]) -> Callable[..., int]:
    """Methods that answer DSERR_UNINITIALIZED on an object CoCreateInstance made and nobody initialized."""
    @functools.wraps(fn)
    def wrapper(m: "Machine", this: Ref, *args: Any) -> int:
        if not _ds(this).initialized:
            return DSERR_UNINITIALIZED
        return fn(m, this, *args)
    return wrapper


def _check_guid(m: "Machine", p: int) -> bool:
    """NULL, the null GUID, DSDEVID_DefaultPlayback/DefaultVoicePlayback or the device's GUID name the device."""
    if not p:
        return True
    return m.mem.read(p, 16) in (b"\0" * 16, DSDEVID_DefaultPlayback, DSDEVID_DefaultVoicePlayback, DEVICE_GUID)


# ---- IDirectSound methods -----------------------------------------------------------------------------------
@initialized
def CreateSoundBuffer(m: "Machine", this: Ref, lpcDSBufferDesc: PTR, lplpDirectSoundBuffer: PTR,
                      pUnkOuter: PTR) -> DWORD:
    """IDirectSound::CreateSoundBuffer: a secondary buffer (PCM 8/16-bit, mono/stereo, 100..200000 Hz) or the
    primary buffer (DSBCAPS_PRIMARYBUFFER: the object's one, AddRef'd)."""
    if pUnkOuter:
        return DSERR_NOAGGREGATION
    if not lpcDSBufferDesc or not lplpDirectSoundBuffer:
        return DSERR_INVALIDPARAM
    m.mem.w32(lplpDirectSoundBuffer, 0)
    b = dsb.create(m, _ds(this), lpcDSBufferDesc)
    if isinstance(b, int):
        return b
    m.mem.w32(lplpDirectSoundBuffer, publish(m, b, IDirectSoundBuffer))
    return DS_OK


@initialized
def GetCaps(m: "Machine", this: Ref, lpDSCaps: PTR) -> DWORD:
    """IDirectSound::GetCaps: DSCAPS of the software mixer (8/16-bit mono/stereo at any rate 100..200000 Hz,
    no hardware buffers)."""
    if not lpDSCaps or m.mem.u32(lpDSCaps) != DSCAPS_SIZE:
        return DSERR_INVALIDPARAM
    flags = (DSCAPS_PRIMARYMONO | DSCAPS_PRIMARYSTEREO | DSCAPS_PRIMARY8BIT | DSCAPS_PRIMARY16BIT
             | DSCAPS_CONTINUOUSRATE | DSCAPS_CERTIFIED | DSCAPS_SECONDARYMONO | DSCAPS_SECONDARYSTEREO
             | DSCAPS_SECONDARY8BIT | DSCAPS_SECONDARY16BIT)
    caps = [0] * 24
    caps[0], caps[1], caps[2], caps[3], caps[4] = DSCAPS_SIZE, flags, dsb.DSBFREQUENCY_MIN, dsb.DSBFREQUENCY_MAX, 1
    m.mem.write(lpDSCaps, struct.pack("<24I", *caps))
    return DS_OK


@initialized
def DuplicateSoundBuffer(m: "Machine", this: Ref, lpDsbOriginal: PTR, lplpDsbDuplicate: PTR) -> DWORD:
    """IDirectSound::DuplicateSoundBuffer: a second buffer sharing the original's memory, with its own cursor,
    volume, pan and frequency (copied); not for the primary buffer (DSERR_INVALIDCALL)."""
    if not lplpDsbDuplicate:
        return DSERR_INVALIDPARAM
    m.mem.w32(lplpDsbDuplicate, 0)
    orig = lookup_obj(m, lpDsbOriginal, Buffer)
    if orig is None:
        return DSERR_INVALIDPARAM
    b = dsb.duplicate(m, _ds(this), orig)
    if isinstance(b, int):
        return b
    m.mem.w32(lplpDsbDuplicate, publish(m, b, IDirectSoundBuffer))
    return DS_OK


@initialized
def SetCooperativeLevel(m: "Machine", this: Ref, hwnd: HWND, dwLevel: DWORD) -> DWORD:
    """IDirectSound::SetCooperativeLevel: DSSCL_NORMAL, PRIORITY, EXCLUSIVE (as PRIORITY) or WRITEPRIMARY."""
    if not DSSCL_NORMAL <= dwLevel <= DSSCL_WRITEPRIMARY:
        return DSERR_INVALIDPARAM
    ds = _ds(this)
    ds.coop = dwLevel
    ds.hwnd = hwnd
    return DS_OK


@initialized
def Compact(m: "Machine", this: Ref) -> DWORD:
    """IDirectSound::Compact: nothing to compact (no on-board memory); needs DSSCL_PRIORITY."""
    return DS_OK if _ds(this).coop >= DSSCL_PRIORITY else DSERR_PRIOLEVELNEEDED


@initialized
def GetSpeakerConfig(m: "Machine", this: Ref, lpdwSpeakerConfig: PTR) -> DWORD:
    """IDirectSound::GetSpeakerConfig: DSSPEAKER_COMBINED(config, geometry) (stereo, wide, unless set)."""
    if not lpdwSpeakerConfig:
        return DSERR_INVALIDPARAM
    m.mem.w32(lpdwSpeakerConfig, _ds(this).speakers)
    return DS_OK


@initialized
def SetSpeakerConfig(m: "Machine", this: Ref, dwSpeakerConfig: DWORD) -> DWORD:
    """IDirectSound::SetSpeakerConfig: record a DSSPEAKER_* configuration (the mixer stays stereo)."""
    if dwSpeakerConfig & 0xFF > DSSPEAKER_MAX_CONFIG or dwSpeakerConfig & 0xFF00FF00:
        return DSERR_INVALIDPARAM
    _ds(this).speakers = dwSpeakerConfig
    return DS_OK


def Initialize(m: "Machine", this: Ref, lpcGuid: PTR) -> DWORD:
    """IDirectSound::Initialize: initialize an object made by CoCreateInstance for the device (NULL or its
    GUID; DSERR_NODRIVER for others, DSERR_ALREADYINITIALIZED after)."""
    ds = _ds(this)
    if ds.initialized:
        return DSERR_ALREADYINITIALIZED
    if not _check_guid(m, lpcGuid):
        return DSERR_NODRIVER
    ds.initialized = True
    return DS_OK


@initialized
def VerifyCertification(m: "Machine", this: Ref, pdwCertified: PTR) -> DWORD:
    """IDirectSound8::VerifyCertification: DS_CERTIFIED."""
    if not pdwCertified:
        return DSERR_INVALIDPARAM
    m.mem.w32(pdwCertified, DS_CERTIFIED)
    return DS_OK


def _slots(version: int) -> list[tuple[str, Any]]:
    slots: list[tuple[str, Any]] = [
        ("CreateSoundBuffer", CreateSoundBuffer),
        ("GetCaps", GetCaps),
        ("DuplicateSoundBuffer", DuplicateSoundBuffer),
        ("SetCooperativeLevel", SetCooperativeLevel),
        ("Compact", Compact),
        ("GetSpeakerConfig", GetSpeakerConfig),
        ("SetSpeakerConfig", SetSpeakerConfig),
        ("Initialize", Initialize),
    ]
    if version >= 8:
        slots += [("VerifyCertification", VerifyCertification)]
    return slots


IDirectSound = Interface("IDirectSound", IID_IDirectSound, base=IUnknown, dll="dsound", version=1,
                         invalid=dsb.DSERR_INVALIDCALL, slots=_slots(1))
IDirectSound8 = Interface("IDirectSound8", IID_IDirectSound8, base=IUnknown, dll="dsound", version=8,
                          invalid=dsb.DSERR_INVALIDCALL, slots=_slots(8))
DirectSound.interfaces = (IDirectSound, IDirectSound8)


# ---- exports ----------------------------------------------------------------------------------------------------
def _create(m: "Machine", lpGuid: int, pp: int, outer: int, version: int) -> int:
    if not pp:
        return DSERR_INVALIDPARAM
    m.mem.w32(pp, 0)
    if outer:
        return DSERR_NOAGGREGATION
    if not _check_guid(m, lpGuid):
        return DSERR_NODRIVER
    ds = DirectSound(version)
    m.mem.w32(pp, publish(m, ds, IDirectSound8 if version >= 8 else IDirectSound))
    return DS_OK


@stdcall("dsound")
def DirectSoundCreate(m: "Machine", lpcGuidDevice: PTR, ppDS: PTR, pUnkOuter: PTR) -> DWORD:
    """Create a DirectSound object for the sound device (GUID NULL, a default-device GUID or the enumerated
    one) and return its IDirectSound interface."""
    return _create(m, lpcGuidDevice, ppDS, pUnkOuter, 1)


@stdcall("dsound")
def DirectSoundCreate8(m: "Machine", lpcGuidDevice: PTR, ppDS8: PTR, pUnkOuter: PTR) -> DWORD:
    """Create a DirectSound object and return its IDirectSound8 interface."""
    return _create(m, lpcGuidDevice, ppDS8, pUnkOuter, 8)


def _enumerate(m: "Machine", cb: int, ctx: int, wide: bool) -> int:
    if not cb:
        return DSERR_INVALIDPARAM
    key = "dsound_enum_w" if wide else "dsound_enum_a"
    s = m.state.get(key)
    if s is None:
        mk = m.proc.static_wstr if wide else m.proc.static_cstr
        g = m.proc.alloc_static(16)
        m.mem.write(g, DEVICE_GUID)
        module = "{0.0.0.00000000}." + guids.guid_str(DEVICE_GUID)
        s = m.state[key] = (mk(PRIMARY_DESC), mk(""), g, mk(DEVICE_DESC), mk(module))
    prim_desc, prim_mod, g, desc, module = s
    if m.call(cb, 0, prim_desc, prim_mod, ctx):
        m.call(cb, g, desc, module, ctx)
    return DS_OK


@stdcall("dsound")
def DirectSoundEnumerateA(m: "Machine", lpDSEnumCallback: PTR, lpContext: PTR) -> DWORD:
    """Call back for "Primary Sound Driver" (GUID NULL), then for the device under its GUID, until the
    callback returns FALSE."""
    return _enumerate(m, lpDSEnumCallback, lpContext, False)


@stdcall("dsound")
def DirectSoundEnumerateW(m: "Machine", lpDSEnumCallback: PTR, lpContext: PTR) -> DWORD:
    """DirectSoundEnumerateA with wide strings."""
    return _enumerate(m, lpDSEnumCallback, lpContext, True)


# ---- CoCreateInstance ----------------------------------------------------------------------------------------
def _co(version: int) -> Callable[["Machine", bytes], tuple[int, int]]:
    def ctor(m: "Machine", iid: bytes) -> tuple[int, int]:
        ds = DirectSound(version, initialized=False)
        iface = ds.find(iid)
        if iface is None:
            return E_NOINTERFACE, 0
        return DS_OK, publish(m, ds, iface)
    return ctor


register_class(CLSID_DirectSound, _co(1))
register_class(CLSID_DirectSound8, _co(8))

__all__ = ["DirectSound", "IDirectSound", "IDirectSound8", "dsb"]
