"""DirectInput devices: IDirectInputDevice(A/W, 2, 7) and IDirectInputDevice8(A/W) over a ``DeviceKind``.

Input comes from gdi/input.py's host events: ``on_host_event`` is registered in ``InputState.listeners`` and
sees every key and mouse event when it is pumped (the same moment user32's key state changes), so DirectInput
and GetAsyncKeyState agree. The process keeps the physical state (keys down by DIK_ code, mouse buttons, the
last host pointer position); each acquired device turns changes into its own state (relative axis deltas since
the last GetDeviceState, absolute positions, button bytes) and, with DIPROP_BUFFERSIZE set, into buffered
DIDEVICEOBJECTDATA records with a guest-millisecond time stamp and a sequence number shared by all devices.

SetDataFormat parses the program's DIDATAFORMAT (c_dfDIKeyboard, c_dfDIMouse... live in the program's own data,
linked from dinput.lib) generically: each DIOBJECTDATAFORMAT picks the first unused object of the device that
matches its GUID, type and instance, and its offset says where GetDeviceState puts that object's LONG or byte.
"""
from __future__ import annotations

import collections
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from emu import clock
from emu.api import DWORD, HANDLE, HWND, PTR

from . import dinput_kinds as dk
from .factory import (
    E_POINTER, ComObject, Interface, IUnknown, Ref, add_ref, release, todo,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dinput import DirectInput

# ---- return values (dinput.h) -----------------------------------------------------------------------------------
DI_OK, DI_NOEFFECT, DI_BUFFEROVERFLOW, DI_PROPNOEFFECT = 0, 1, 1, 1
DIERR_OLDDIRECTINPUTVERSION, DIERR_BETADIRECTINPUTVERSION = 0x8007047E, 0x8007047F
DIERR_DEVICENOTREG, DIERR_NOTFOUND, DIERR_OBJECTNOTFOUND = 0x80040154, 0x80070002, 0x80070002
DIERR_INVALIDPARAM, DIERR_NOINTERFACE, DIERR_GENERIC, DIERR_UNSUPPORTED = 0x80070057, 0x80004002, 0x80004005, 0x80004001
DIERR_NOTINITIALIZED, DIERR_ALREADYINITIALIZED, DIERR_NOAGGREGATION = 0x80070015, 0x800704DF, 0x80040110
DIERR_OTHERAPPHASPRIO, DIERR_READONLY, DIERR_HANDLEEXISTS = 0x80070005, 0x80070005, 0x80070005
DIERR_INPUTLOST, DIERR_ACQUIRED, DIERR_NOTACQUIRED, DIERR_NOTBUFFERED = 0x8007001E, 0x800700AA, 0x8007000C, 0x80040207
DIERR_UNPLUGGED = 0x80040209

DISCL_EXCLUSIVE, DISCL_NONEXCLUSIVE, DISCL_FOREGROUND, DISCL_BACKGROUND, DISCL_NOWINKEY = 1, 2, 4, 8, 0x10
DIDF_ABSAXIS, DIDF_RELAXIS = 1, 2
DIGDD_PEEK = 1
DIPH_DEVICE, DIPH_BYOFFSET, DIPH_BYID, DIPH_BYUSAGE = 0, 1, 2, 3
DIPROP_BUFFERSIZE, DIPROP_AXISMODE, DIPROP_GRANULARITY, DIPROP_RANGE = 1, 2, 3, 4
DIPROP_INSTANCENAME, DIPROP_PRODUCTNAME, DIPROP_KEYNAME = 13, 14, 20
DIPROPAXISMODE_ABS, DIPROPAXISMODE_REL = 0, 1
DIPROPRANGE_NOMIN, DIPROPRANGE_NOMAX = 0x80000000, 0x7FFFFFFF
DIENUM_STOP = 0
INFINITE = 0xFFFFFFFF
DIDATAFORMAT_SIZE, DIOBJECTDATAFORMAT_SIZE = 24, 16
OBJECTDATA_SIZES = (16, 20)  # DIDEVICEOBJECTDATA_DX3, DIDEVICEOBJECTDATA (DirectInput 8: + uAppData)
PROPHEADER_SIZE = 16
PROPSTRING_SIZE = PROPHEADER_SIZE + 2 * 260


# ---- data formats --------------------------------------------------------------------------------------------------
@dataclass
class Slot:
    """Where one DIOBJECTDATAFORMAT puts its data: ``obj`` is the device object's index (None: not on the device)."""

    ofs: int
    width: int  # 4 for axes and POVs, 1 for buttons
    pov: bool
    obj: int | None


@dataclass
class DataFormat:
    """A parsed DIDATAFORMAT: the state size, the axis mode it asks for, and each object's slot."""

    size: int
    flags: int
    slots: list[Slot]
    ofs_of: dict[int, int]  # object index -> offset

    def obj_at(self, ofs: int) -> int | None:
        """The device object whose data goes at ``ofs`` (DIPH_BYOFFSET)."""
        for s in self.slots:
            if s.ofs == ofs and s.obj is not None:
                return s.obj
        return None


def parse_format(m: "Machine", kind: dk.DeviceKind, ptr: int) -> DataFormat | int:
    """Read the program's DIDATAFORMAT and match its objects to ``kind``'s (DIERR_INVALIDPARAM if it does not fit)."""
    if not ptr or not m.mem.is_mapped(ptr, DIDATAFORMAT_SIZE):
        return DIERR_INVALIDPARAM
    size, obj_size, flags, data_size, nobjs, rgodf = m.mem.unpack("<6I", ptr)
    if size != DIDATAFORMAT_SIZE or obj_size != DIOBJECTDATAFORMAT_SIZE or data_size % 4 or data_size > 0x10000:
        return DIERR_INVALIDPARAM
    if flags & ~(DIDF_ABSAXIS | DIDF_RELAXIS) or flags == DIDF_ABSAXIS | DIDF_RELAXIS:
        return DIERR_INVALIDPARAM
    if nobjs and (not rgodf or not m.mem.is_mapped(rgodf, nobjs * DIOBJECTDATAFORMAT_SIZE)):
        return DIERR_INVALIDPARAM
    used: set[int] = set()
    slots: list[Slot] = []
    ofs_of: dict[int, int] = {}
    raw = m.mem.read(rgodf, nobjs * DIOBJECTDATAFORMAT_SIZE) if nobjs else b""
    for i in range(nobjs):
        pguid, ofs, dwtype, _ = struct.unpack_from("<4I", raw, i * DIOBJECTDATAFORMAT_SIZE)
        want_guid = m.mem.read(pguid, 16) if pguid else None
        hit = None
        for j in kind.with_instance(dk.get_instance(dwtype)):
            o = kind.objects[j]
            if j in used or (want_guid is not None and o.guid != want_guid) or not o.matches_type(dwtype):
                continue
            hit = j
            break
        pov = bool(dwtype & dk.DIDFT_POV) and not dwtype & (dk.DIDFT_AXIS | dk.DIDFT_BUTTON)
        if hit is not None:
            o = kind.objects[hit]
            width = 1 if o.is_button else 4
            pov = o.is_pov
        else:
            if not dwtype & dk.DIDFT_OPTIONAL:
                return DIERR_INVALIDPARAM
            width = 1 if dwtype & dk.DIDFT_BUTTON and not dwtype & (dk.DIDFT_AXIS | dk.DIDFT_POV) else 4
        if ofs + width > data_size or (width == 4 and ofs % 4):
            return DIERR_INVALIDPARAM
        if hit is not None:
            used.add(hit)
            ofs_of[hit] = ofs
        slots.append(Slot(ofs, width, pov, hit))
    return DataFormat(data_size, flags, slots, ofs_of)


# ---- the process's input state ------------------------------------------------------------------------------------
class InputProcess:
    """Per-process DirectInput state: live devices, the physical state and the sequence counter."""

    def __init__(self, cursor: tuple[int, int]) -> None:
        self.devices: list[Device] = []
        self.seq = 0
        self.keys = bytearray(256)  # by DIK_ code: 0x80 while down
        self.buttons = [0] * dk.MOUSE_BUTTONS
        self.pointer = cursor  # the last host pointer position (relative motion is measured from it)
        self.idle_hooked = False
        self.pre_notified: set[int] = set()  # ids of queued host events whose notification was already signalled


def proc(m: "Machine") -> InputProcess:
    """The process's DirectInput input state; registers the host event listener on first use."""
    ps = m.state.get("dinput")
    if ps is None:
        from gdi import input as inp  # noqa: PLC0415
        ist = inp.state(m)
        ps = InputProcess(ist.cursor)
        m.state["dinput"] = ps
        ist.listeners.append(on_host_event)
    return ps


def _pump(m: "Machine") -> None:
    """Bring host input queued so far into the devices (and user32's queues: the same events, the same moment)."""
    from gdi import input as inp  # noqa: PLC0415
    inp.pump(m)


def on_host_event(m: "Machine", ev: Any) -> None:
    """InputState listener: a raw host key or mouse event is being pumped."""
    from gdi import hostevent as he  # noqa: PLC0415
    ps = proc(m)
    pre = id(ev) in ps.pre_notified
    if pre:
        ps.pre_notified.discard(id(ev))
    now = clock.current().ms() & 0xFFFFFFFF
    if isinstance(ev, he.Key):
        dik = dk.dik_for_key(ev.vk & 0xFF, ev.scan, ev.extended)
        if not dik or bool(ps.keys[dik]) == ev.down:
            return  # unknown key, or a typematic repeat: DirectInput reports changes only
        v = 0x80 if ev.down else 0
        ps.keys[dik] = v
        ps.seq = (ps.seq + 1) & 0xFFFFFFFF
        obj = dk.KEYBOARD.index_of(dk.DIDFT_PSHBUTTON | dk.make_instance(dik))
        for d in _listening(m, ps, dk.KEYBOARD):
            d.feed(m, [(obj, v)], now, ps.seq, pre)
        return
    if isinstance(ev, (he.MouseMove, he.MouseButton, he.MouseWheel)):
        x, y = ev.x, ev.y
        dx, dy = x - ps.pointer[0], y - ps.pointer[1]
        ps.pointer = (x, y)
        if dx or dy:
            ps.seq = (ps.seq + 1) & 0xFFFFFFFF
            moves = [(i, v) for i, v in ((dk.MOUSE_X, dx), (dk.MOUSE_Y, dy)) if v]
            for d in _listening(m, ps, dk.MOUSE):
                d.feed(m, moves, now, ps.seq, pre)
        if isinstance(ev, he.MouseButton) and 1 <= ev.button <= dk.MOUSE_BUTTONS:
            b = ev.button - 1
            v = 0x80 if ev.down else 0
            if ps.buttons[b] != v:
                ps.buttons[b] = v
                ps.seq = (ps.seq + 1) & 0xFFFFFFFF
                for d in _listening(m, ps, dk.MOUSE):
                    d.feed(m, [(dk.MOUSE_BUTTON0 + b, v)], now, ps.seq, pre)
        elif isinstance(ev, he.MouseWheel) and ev.delta:
            ps.seq = (ps.seq + 1) & 0xFFFFFFFF
            for d in _listening(m, ps, dk.MOUSE):
                d.feed(m, [(dk.MOUSE_Z, ev.delta)], now, ps.seq, pre)
        return
    if isinstance(ev, he.Focus) and not ev.gained:
        for d in list(ps.devices):  # the program loses the foreground: its foreground devices are unacquired
            if d.acquired and d.coop & DISCL_FOREGROUND:
                d.lose(m)


def _listening(m: "Machine", ps: InputProcess, kind: dk.DeviceKind) -> list["Device"]:
    out = []
    for d in ps.devices:
        if d.acquired and d.kind is kind and d.check_foreground(m):
            out.append(d)
    return out


def _idle_notify(m: "Machine") -> float | None:
    """Idle source: every guest thread waits. Signal the notification events of devices whose input is queued (not
    yet pumped: only a message check pumps), so a thread waiting on such an event wakes and reads it."""
    from gdi import hostevent as he  # noqa: PLC0415
    ps: InputProcess | None = m.state.get("dinput")
    ist = m.state.get("input")
    if ps is None or ist is None or not ist.host:
        return None
    with ist.lock:
        queued = list(ist.host)
    fired = False
    for ev in queued:
        if id(ev) in ps.pre_notified:
            continue
        kind = dk.KEYBOARD if isinstance(ev, he.Key) else \
            dk.MOUSE if isinstance(ev, (he.MouseMove, he.MouseButton, he.MouseWheel)) else None
        if kind is None:
            continue
        hit = False
        for d in ps.devices:
            if d.acquired and d.kind is kind and d.event and d.check_foreground(m):
                hit = d.signal(m) or hit
        if hit:
            ps.pre_notified.add(id(ev))
            fired = True
    return clock.now() if fired else None


# ---- the device object ---------------------------------------------------------------------------------------------
class Device(ComObject):
    """A DirectInput device (keyboard or mouse): data format, cooperative level, acquisition, state and buffer."""

    def __init__(self, dinput: "DirectInput | None", kind: dk.DeviceKind | None, version: int) -> None:
        super().__init__()
        self.dinput = dinput  # the DirectInput object that made it (holds a reference to it)
        self.kind = kind  # None: made by CoCreateInstance, not initialized yet
        self.version = version
        self.fmt: DataFormat | None = None
        self.coop = DISCL_NONEXCLUSIVE | DISCL_BACKGROUND
        self.hwnd = 0
        self.acquired = False
        self.lost = False  # acquisition was taken away: DIERR_INPUTLOST until Acquire/Unacquire
        self.buffer_size = 0
        self.buffer: collections.deque[tuple[int, int, int, int]] = collections.deque()  # (ofs, data, ms, seq)
        self.overflow = False
        self.event = 0  # SetEventNotification handle
        self.axis_mode: int | None = None  # DIPROP_AXISMODE set by the program (else the data format's)
        n = len(kind.objects) if kind else 0
        self.values = [0] * n  # buttons: 0/0x80; axes: absolute position
        self.deltas = [0] * n  # axes: motion since the last GetDeviceState

    # -- state --
    @property
    def absolute(self) -> bool:
        if self.axis_mode is not None:
            return self.axis_mode == DIPROPAXISMODE_ABS
        return bool(self.fmt is not None and self.fmt.flags & DIDF_ABSAXIS)

    def feed(self, m: "Machine", changes: list[tuple[int, int]], ms: int, seq: int, pre_notified: bool) -> None:
        """Input for this acquired device: (object index, button value or axis motion) pairs of one event."""
        assert self.kind is not None
        for obj, v in changes:
            o = self.kind.objects[obj]
            if o.is_axis:
                self.deltas[obj] += v
                self.values[obj] += v
                data = self.values[obj] if self.absolute else v
            else:
                self.values[obj] = v
                data = v
            if self.buffer_size and self.fmt is not None and obj in self.fmt.ofs_of:
                if len(self.buffer) < self.buffer_size:
                    self.buffer.append((self.fmt.ofs_of[obj], data & 0xFFFFFFFF, ms, seq))
                else:
                    self.overflow = True  # the newest data is lost
        if not pre_notified:
            self.signal(m)

    def signal(self, m: "Machine") -> bool:
        """Set the notification event (if any); whether one was set."""
        if not self.event:
            return False
        from emu.objects import Event  # noqa: PLC0415
        e = m.handles.get(self.event)
        if isinstance(e, Event):
            e.state = True
            return True
        return False

    def check_foreground(self, m: "Machine") -> bool:
        """A DISCL_FOREGROUND device stays acquired only while its window is the active one."""
        if not self.coop & DISCL_FOREGROUND:
            return True
        if _window_is_foreground(m, self.hwnd):
            return True
        if self.acquired:
            self.lose(m)
        return False

    def lose(self, m: "Machine") -> None:
        """Acquisition taken away (the window went to the background): DIERR_INPUTLOST, event set."""
        self.acquired = False
        self.lost = True
        self.signal(m)

    def not_acquired_error(self) -> int:
        return DIERR_INPUTLOST if self.lost else DIERR_NOTACQUIRED

    def physical(self, m: "Machine") -> None:
        """Take the physical button/key state at acquisition; motion counts from zero."""
        assert self.kind is not None
        ps = proc(m)
        for i, o in enumerate(self.kind.objects):
            if o.is_button:
                if self.kind is dk.KEYBOARD:
                    self.values[i] = ps.keys[o.instance]
                elif self.kind is dk.MOUSE:
                    self.values[i] = ps.buttons[o.instance]
            self.deltas[i] = 0

    def state_bytes(self) -> bytes:
        """The GetDeviceState block in the current data format (motion since the last call in relative mode)."""
        assert self.fmt is not None
        buf = bytearray(self.fmt.size)
        absolute = self.absolute
        for s in self.fmt.slots:
            if s.obj is None:
                if s.pov:
                    struct.pack_into("<I", buf, s.ofs, 0xFFFFFFFF)  # centred
                continue
            if s.width == 1:
                buf[s.ofs] = self.values[s.obj] & 0xFF
            else:
                v = self.values[s.obj] if absolute or s.pov else self.deltas[s.obj]
                struct.pack_into("<I", buf, s.ofs, v & 0xFFFFFFFF)
        for i in range(len(self.deltas)):
            self.deltas[i] = 0
        return bytes(buf)

    def find_object(self, obj: int, how: int) -> int | None:
        """The object index named by (dwObj, dwHow) of a property header or GetObjectInfo."""
        assert self.kind is not None
        if how == DIPH_BYOFFSET:
            return self.fmt.obj_at(obj) if self.fmt is not None else None
        if how == DIPH_BYID:
            for i, o in enumerate(self.kind.objects):
                if o.matches_id(obj):
                    return i
            return None
        if how == DIPH_BYUSAGE:
            page, usage = obj & 0xFFFF, obj >> 16  # DIMAKEUSAGEDWORD(page, usage)
            for i, o in enumerate(self.kind.objects):
                if o.usage_page == page and o.usage == usage and page:
                    return i
        return None

    def destroy(self, m: "Machine") -> None:
        ps = m.state.get("dinput")
        if ps is not None and self in ps.devices:
            ps.devices.remove(self)
        self.acquired = False
        di, self.dinput = self.dinput, None
        if di is not None and di.alive:
            release(m, di, di.interfaces[0])


def _window_is_foreground(m: "Machine", hwnd: int) -> bool:
    from gdi import window as wm  # noqa: PLC0415
    w = wm.get(m, hwnd)
    if w is None or w.destroyed:
        return False
    act = wm.state(m).active
    return act is not None and wm.top_level(w) is act


def _dev(this: Ref) -> Device:
    d = this.obj
    assert isinstance(d, Device)
    return d


def _wide(this: Ref) -> bool:
    return this.iface.name.endswith("W")


def _ready(d: Device) -> int:
    return DI_OK if d.kind is not None else DIERR_NOTINITIALIZED


# ---- IDirectInputDevice methods -----------------------------------------------------------------------------------
def GetCapabilities(m: "Machine", this: Ref, lpDIDevCaps: PTR) -> DWORD:
    """IDirectInputDevice::GetCapabilities: DIDEVCAPS (DX3 or DirectX 5 size): type, axes, buttons, POVs."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if not lpDIDevCaps:
        return E_POINTER
    size = m.mem.u32(lpDIDevCaps)
    if size not in dk.DEVCAPS_SIZES:
        return DIERR_INVALIDPARAM
    m.mem.write(lpDIDevCaps, d.kind.caps_struct(size, d.version))
    return DI_OK


def _object_size(d: Device, wide: bool) -> int:
    dx3, full = dk.OBJECTINSTANCE_SIZES[wide]
    return full if d.version >= 0x500 else dx3


def _object_ofs(d: Device, i: int) -> int:
    assert d.kind is not None
    if d.fmt is not None and i in d.fmt.ofs_of:
        return d.fmt.ofs_of[i]
    return d.kind.objects[i].ofs


def EnumObjects(m: "Machine", this: Ref, lpCallback: PTR, pvRef: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectInputDevice::EnumObjects: call back with a DIDEVICEOBJECTINSTANCE for each object of the DIDFT_ types."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if not lpCallback:
        return DIERR_INVALIDPARAM
    wide = _wide(this)
    size = _object_size(d, wide)
    from .factory import _heap  # noqa: PLC0415
    heap = _heap(m)
    buf = heap.alloc(size)
    try:
        for i, o in enumerate(d.kind.objects):
            if dwFlags != dk.DIDFT_ALL and not o.matches_type(dwFlags):
                continue
            m.mem.write(buf, d.kind.object_struct(o, wide, size, _object_ofs(d, i)))
            if m.call(lpCallback, buf, pvRef) == DIENUM_STOP:
                break
    finally:
        heap.free(buf)
    return DI_OK


def _prop_id(rguid: int) -> int | None:
    """MAKEDIPROP(n) values are small integers passed where a GUID pointer goes."""
    return rguid if 0 < rguid < 0x10000 else None


def _prop_target(m: "Machine", d: Device, ph: int, size: int) -> tuple[int, int | None]:
    """Validate a DIPROPHEADER of the expected ``size``: (DI_OK, object index or None for the device) or an error."""
    if not ph:
        return E_POINTER, None
    dw_size, header, obj, how = m.mem.unpack("<4I", ph)
    if dw_size != size or header != PROPHEADER_SIZE:
        return DIERR_INVALIDPARAM, None
    if how == DIPH_DEVICE:
        return (DI_OK, None) if obj == 0 else (DIERR_INVALIDPARAM, None)
    if how not in (DIPH_BYOFFSET, DIPH_BYID, DIPH_BYUSAGE):
        return DIERR_INVALIDPARAM, None
    i = d.find_object(obj, how)
    if i is None:
        return DIERR_OBJECTNOTFOUND, None
    return DI_OK, i


def _put_wstr(m: "Machine", addr: int, s: str) -> None:
    raw = s.encode("utf-16-le")[:518] + b"\0\0"
    m.mem.write(addr, raw + b"\0" * (520 - len(raw)))


_PROP_SIZES = {DIPROP_BUFFERSIZE: 20, DIPROP_AXISMODE: 20, DIPROP_GRANULARITY: 20, DIPROP_RANGE: 24,
               DIPROP_INSTANCENAME: PROPSTRING_SIZE, DIPROP_PRODUCTNAME: PROPSTRING_SIZE,
               DIPROP_KEYNAME: PROPSTRING_SIZE}
_DEVICE_PROPS = {DIPROP_BUFFERSIZE, DIPROP_AXISMODE, DIPROP_INSTANCENAME, DIPROP_PRODUCTNAME}


def GetProperty(m: "Machine", this: Ref, rguidProp: PTR, pdiph: PTR) -> DWORD:
    """IDirectInputDevice::GetProperty: buffer size, axis mode, granularity, range, names (DirectInput 8: key names)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    prop = _prop_id(rguidProp)
    ext = getattr(d.kind, "get_property", None)  # a kind's own properties (com/dinput_joystick.py: axis ranges...)
    if ext is not None and prop is not None:
        hr = ext(m, d, prop, pdiph)
        if hr is not None:
            return hr
    if prop is None or prop not in _PROP_SIZES:
        return DIERR_UNSUPPORTED
    hr, i = _prop_target(m, d, pdiph, _PROP_SIZES[prop])
    if hr != DI_OK:
        return hr
    if (prop in _DEVICE_PROPS) != (i is None):
        return DIERR_INVALIDPARAM
    o = d.kind.objects[i] if i is not None else None
    if prop == DIPROP_BUFFERSIZE:
        m.mem.w32(pdiph + 16, d.buffer_size)
    elif prop == DIPROP_AXISMODE:
        if not d.kind.has_axes:
            return DIERR_UNSUPPORTED
        m.mem.w32(pdiph + 16, DIPROPAXISMODE_ABS if d.absolute else DIPROPAXISMODE_REL)
    elif prop == DIPROP_GRANULARITY:
        assert o is not None
        if not o.is_axis:
            return DIERR_UNSUPPORTED
        m.mem.w32(pdiph + 16, o.granularity)
    elif prop == DIPROP_RANGE:
        assert o is not None
        if not o.is_axis:
            return DIERR_UNSUPPORTED
        m.mem.pack("<II", pdiph + 16, DIPROPRANGE_NOMIN, DIPROPRANGE_NOMAX)  # mouse axes are unbounded
    elif prop in (DIPROP_INSTANCENAME, DIPROP_PRODUCTNAME):
        if d.version < 0x800:
            return DIERR_UNSUPPORTED
        _put_wstr(m, pdiph + 16, d.kind.name)
    elif prop == DIPROP_KEYNAME:
        assert o is not None
        if d.version < 0x800 or d.kind is not dk.KEYBOARD:
            return DIERR_UNSUPPORTED
        _put_wstr(m, pdiph + 16, o.name)
    return DI_OK


def SetProperty(m: "Machine", this: Ref, rguidProp: PTR, pdiph: PTR) -> DWORD:
    """IDirectInputDevice::SetProperty: DIPROP_BUFFERSIZE and DIPROP_AXISMODE (only while unacquired)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    prop = _prop_id(rguidProp)
    ext = getattr(d.kind, "set_property", None)  # a kind's own properties (com/dinput_joystick.py: axis ranges...)
    if ext is not None and prop is not None:
        hr = ext(m, d, prop, pdiph)
        if hr is not None:
            return hr
    if prop not in (DIPROP_BUFFERSIZE, DIPROP_AXISMODE):
        if prop in _PROP_SIZES:
            hr, _ = _prop_target(m, d, pdiph, _PROP_SIZES[prop])
            if hr != DI_OK:
                return hr
        return DIERR_UNSUPPORTED  # read-only here (granularity, names) or a range on an unbounded axis
    hr, i = _prop_target(m, d, pdiph, 20)
    if hr != DI_OK:
        return hr
    if i is not None:
        return DIERR_INVALIDPARAM
    if d.acquired:
        return DIERR_ACQUIRED
    value = m.mem.u32(pdiph + 16)
    if prop == DIPROP_BUFFERSIZE:
        d.buffer_size = value
        while len(d.buffer) > value:
            d.buffer.pop()
        return DI_OK
    if not d.kind.has_axes:
        return DIERR_UNSUPPORTED
    if value not in (DIPROPAXISMODE_ABS, DIPROPAXISMODE_REL):
        return DIERR_INVALIDPARAM
    d.axis_mode = value
    return DI_OK


def Acquire(m: "Machine", this: Ref) -> DWORD:
    """IDirectInputDevice::Acquire: start receiving input (S_FALSE if already acquired; a data format is needed)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if d.fmt is None:
        return DIERR_INVALIDPARAM
    if d.acquired and d.check_foreground(m):
        return DI_NOEFFECT
    if d.coop & DISCL_FOREGROUND and not _window_is_foreground(m, d.hwnd):
        return DIERR_OTHERAPPHASPRIO
    ps = proc(m)
    if d.coop & DISCL_EXCLUSIVE:
        for o in ps.devices:
            if o is not d and o.acquired and o.kind is d.kind and o.coop & DISCL_EXCLUSIVE:
                return DIERR_OTHERAPPHASPRIO
    _pump(m)  # input that arrived before acquisition is not this device's
    sync = getattr(d.kind, "sync", None)  # polled devices (com/dinput_joystick.py): their state now, or unplugged
    if sync is not None and not sync(m, d, True):
        return DIERR_UNPLUGGED
    d.physical(m)
    d.buffer.clear()
    d.overflow = False
    d.lost = False
    d.acquired = True
    return DI_OK


def Unacquire(m: "Machine", this: Ref) -> DWORD:
    """IDirectInputDevice::Unacquire: stop receiving input (DI_NOEFFECT if not acquired)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    d.lost = False
    if not d.acquired:
        return DI_NOEFFECT
    d.acquired = False
    return DI_OK


def _live(m: "Machine", d: Device) -> int:
    """Pump host input and check the device is (still) acquired."""
    if not d.acquired:
        return d.not_acquired_error()
    _pump(m)
    if not d.check_foreground(m):
        return d.not_acquired_error()
    sync = getattr(d.kind, "sync", None)  # polled devices (com/dinput_joystick.py): read the changes, or unplugged
    if sync is not None and not sync(m, d, False):
        d.lose(m)
        return d.not_acquired_error()
    return DI_OK


def GetDeviceState(m: "Machine", this: Ref, cbData: DWORD, lpvData: PTR) -> DWORD:
    """IDirectInputDevice::GetDeviceState: the current state in the data format (keys/buttons 0x80, axis motion)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    hr = _live(m, d)
    if hr != DI_OK:
        return hr
    assert d.fmt is not None
    if not lpvData or cbData != d.fmt.size:
        return DIERR_INVALIDPARAM
    m.mem.write(lpvData, d.state_bytes())
    return DI_OK


def GetDeviceData(m: "Machine", this: Ref, cbObjectData: DWORD, rgdod: PTR, pdwInOut: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectInputDevice::GetDeviceData: buffered DIDEVICEOBJECTDATA records, oldest first (DIGDD_PEEK keeps them;
    NULL rgdod drops or counts them); DI_BUFFEROVERFLOW once after input was lost to a full buffer."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if cbObjectData not in OBJECTDATA_SIZES or not pdwInOut or dwFlags & ~DIGDD_PEEK:
        return DIERR_INVALIDPARAM
    hr = _live(m, d)
    if hr != DI_OK:
        return hr
    if not d.buffer_size:
        return DIERR_NOTBUFFERED
    want = m.mem.u32(pdwInOut)
    n = min(want, len(d.buffer))
    items = [d.buffer[i] for i in range(n)]
    if rgdod and n:
        out = bytearray(cbObjectData * n)
        for k, (ofs, data, ms, seq) in enumerate(items):
            struct.pack_into("<4I", out, k * cbObjectData, ofs, data, ms, seq)
            if cbObjectData == 20:
                struct.pack_into("<I", out, k * 20 + 16, 0xFFFFFFFF)  # uAppData: no action map
        m.mem.write(rgdod, bytes(out))
    m.mem.w32(pdwInOut, n)
    hr = DI_BUFFEROVERFLOW if d.overflow else DI_OK
    if not dwFlags & DIGDD_PEEK:
        for _ in range(n):
            d.buffer.popleft()
        d.overflow = False
    return hr


def SetDataFormat(m: "Machine", this: Ref, lpdf: PTR) -> DWORD:
    """IDirectInputDevice::SetDataFormat: parse a DIDATAFORMAT (c_dfDIKeyboard, c_dfDIMouse(2) or the program's own)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if d.acquired:
        return DIERR_ACQUIRED
    fmt = parse_format(m, d.kind, lpdf)
    if isinstance(fmt, int):
        return fmt
    d.fmt = fmt
    d.buffer.clear()
    d.values = [0] * len(d.kind.objects)
    d.deltas = [0] * len(d.kind.objects)
    return DI_OK


def SetEventNotification(m: "Machine", this: Ref, hEvent: HANDLE) -> DWORD:
    """IDirectInputDevice::SetEventNotification: an event set whenever the device's state changes (NULL: none)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if d.acquired:
        return DIERR_ACQUIRED
    if hEvent:
        from emu.objects import Event  # noqa: PLC0415
        if not isinstance(m.handles.get(hEvent), Event):
            return DIERR_INVALIDPARAM
        if d.event and d.event != hEvent:
            return DIERR_HANDLEEXISTS
        ps = proc(m)
        if not ps.idle_hooked:
            ps.idle_hooked = True
            m.idle_sources.append(lambda: _idle_notify(m))
    d.event = hEvent
    return DI_OK


def SetCooperativeLevel(m: "Machine", this: Ref, hwnd: HWND, dwFlags: DWORD) -> DWORD:
    """IDirectInputDevice::SetCooperativeLevel: exclusive or not, foreground or background, for a top-level window."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if dwFlags & ~(DISCL_EXCLUSIVE | DISCL_NONEXCLUSIVE | DISCL_FOREGROUND | DISCL_BACKGROUND | DISCL_NOWINKEY):
        return DIERR_INVALIDPARAM
    excl, fg = dwFlags & DISCL_EXCLUSIVE, dwFlags & DISCL_FOREGROUND
    if bool(excl) == bool(dwFlags & DISCL_NONEXCLUSIVE) or bool(fg) == bool(dwFlags & DISCL_BACKGROUND):
        return DIERR_INVALIDPARAM
    from gdi import window as wm  # noqa: PLC0415
    w = wm.get(m, hwnd) if hwnd else None
    if hwnd and (w is None or w.destroyed or w.is_child):
        return DIERR_INVALIDPARAM
    if not hwnd and (excl or fg):
        return DIERR_INVALIDPARAM
    if d.kind is dk.KEYBOARD and excl and not fg:
        return DIERR_UNSUPPORTED  # exclusive background access to the keyboard is not allowed
    if d.acquired:
        return DIERR_ACQUIRED
    d.coop = dwFlags
    d.hwnd = hwnd
    return DI_OK


def GetObjectInfo(m: "Machine", this: Ref, pdidoi: PTR, dwObj: DWORD, dwHow: DWORD) -> DWORD:
    """IDirectInputDevice::GetObjectInfo: the DIDEVICEOBJECTINSTANCE of one object (by offset, id or usage)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if not pdidoi:
        return E_POINTER
    wide = _wide(this)
    size = m.mem.u32(pdidoi)
    if size not in dk.OBJECTINSTANCE_SIZES[wide] or dwHow == DIPH_DEVICE:
        return DIERR_INVALIDPARAM
    if dwHow not in (DIPH_BYOFFSET, DIPH_BYID, DIPH_BYUSAGE):
        return DIERR_INVALIDPARAM
    i = d.find_object(dwObj, dwHow)
    if i is None:
        return DIERR_OBJECTNOTFOUND
    m.mem.write(pdidoi, d.kind.object_struct(d.kind.objects[i], wide, size, _object_ofs(d, i)))
    return DI_OK


def GetDeviceInfo(m: "Machine", this: Ref, pdidi: PTR) -> DWORD:
    """IDirectInputDevice::GetDeviceInfo: the device's DIDEVICEINSTANCE (DX3 or DirectX 5 size)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if not pdidi:
        return E_POINTER
    wide = _wide(this)
    size = m.mem.u32(pdidi)
    if size not in dk.DEVICEINSTANCE_SIZES[wide]:
        return DIERR_INVALIDPARAM
    m.mem.write(pdidi, d.kind.instance_struct(wide, size, d.version))
    return DI_OK


def Initialize(m: "Machine", this: Ref, hinst: PTR, dwVersion: DWORD, rguid: PTR) -> DWORD:
    """IDirectInputDevice::Initialize: bind a CoCreateInstance'd device to an instance GUID (once)."""
    from .dinput import check_version  # noqa: PLC0415
    d = _dev(this)
    hr = check_version(dwVersion, this.iface.version >= 8)
    if hr != DI_OK:
        return hr
    if not rguid:
        return E_POINTER
    kind = dk.kind_for(m.mem.read(rguid, 16), m)
    if kind is None:
        return DIERR_DEVICENOTREG
    if d.kind is not None:
        return DI_OK if kind is d.kind else DIERR_ALREADYINITIALIZED
    if d.acquired:
        return DIERR_ACQUIRED
    d.kind = kind
    d.version = dwVersion
    d.values = [0] * len(kind.objects)
    d.deltas = [0] * len(kind.objects)
    proc(m).devices.append(d)
    return DI_OK


def EnumEffects(m: "Machine", this: Ref, lpCallback: PTR, pvRef: PTR, dwEffType: DWORD) -> DWORD:
    """IDirectInputDevice2::EnumEffects: the keyboard and mouse have no force-feedback effects (no callbacks)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    if not lpCallback:
        return DIERR_INVALIDPARAM
    return DI_OK


def Poll(m: "Machine", this: Ref) -> DWORD:
    """IDirectInputDevice2::Poll: interrupt-driven devices need no polling (DI_NOEFFECT while acquired)."""
    d = _dev(this)
    if d.kind is None:
        return DIERR_NOTINITIALIZED
    hr = _live(m, d)
    return DI_NOEFFECT if hr == DI_OK else hr


def _device_slots(version: int) -> list[tuple[str, Any]]:
    slots: list[tuple[str, Any]] = [
        ("GetCapabilities", GetCapabilities),
        ("EnumObjects", EnumObjects),
        ("GetProperty", GetProperty),
        ("SetProperty", SetProperty),
        ("Acquire", Acquire),
        ("Unacquire", Unacquire),
        ("GetDeviceState", GetDeviceState),
        ("GetDeviceData", GetDeviceData),
        ("SetDataFormat", SetDataFormat),
        ("SetEventNotification", SetEventNotification),
        ("SetCooperativeLevel", SetCooperativeLevel),
        ("GetObjectInfo", GetObjectInfo),
        ("GetDeviceInfo", GetDeviceInfo),
        ("RunControlPanel", todo(2)),
        ("Initialize", Initialize),
    ]
    if version >= 2:
        slots += [
            ("CreateEffect", todo(4)),
            ("EnumEffects", EnumEffects),
            ("GetEffectInfo", todo(2)),
            ("GetForceFeedbackState", todo(1)),
            ("SendForceFeedbackCommand", todo(1)),
            ("EnumCreatedEffectObjects", todo(3)),
            ("Escape", todo(1)),
            ("Poll", Poll),
            ("SendDeviceData", todo(4)),
        ]
    if version >= 7:
        slots += [
            ("EnumEffectsInFile", todo(4)),
            ("WriteEffectToFile", todo(4)),
        ]
    if version >= 8:
        slots += [
            ("BuildActionMap", todo(3)),
            ("SetActionMap", todo(3)),
            ("GetImageInfo", todo(1)),
        ]
    return slots


def _iface(name: str, iid: bytes, version: int, dll: str) -> Interface:
    return Interface(name, iid, base=IUnknown, dll=dll, version=version, slots=_device_slots(version))


IDirectInputDeviceA = _iface("IDirectInputDeviceA", dk.IID_IDirectInputDeviceA, 1, "dinput")
IDirectInputDeviceW = _iface("IDirectInputDeviceW", dk.IID_IDirectInputDeviceW, 1, "dinput")
IDirectInputDevice2A = _iface("IDirectInputDevice2A", dk.IID_IDirectInputDevice2A, 2, "dinput")
IDirectInputDevice2W = _iface("IDirectInputDevice2W", dk.IID_IDirectInputDevice2W, 2, "dinput")
IDirectInputDevice7A = _iface("IDirectInputDevice7A", dk.IID_IDirectInputDevice7A, 7, "dinput")
IDirectInputDevice7W = _iface("IDirectInputDevice7W", dk.IID_IDirectInputDevice7W, 7, "dinput")
IDirectInputDevice8A = _iface("IDirectInputDevice8A", dk.IID_IDirectInputDevice8A, 8, "dinput8")
IDirectInputDevice8W = _iface("IDirectInputDevice8W", dk.IID_IDirectInputDevice8W, 8, "dinput8")


class LegacyDevice(Device):
    """A device made through dinput.dll (IDirectInputDevice A/W, 2, 7)."""

    interfaces = (IDirectInputDeviceA, IDirectInputDeviceW, IDirectInputDevice2A, IDirectInputDevice2W,
                  IDirectInputDevice7A, IDirectInputDevice7W)


class Device8(Device):
    """A device made through dinput8.dll (IDirectInputDevice8A/W)."""

    interfaces = (IDirectInputDevice8A, IDirectInputDevice8W)


def create(m: "Machine", dinput: "DirectInput | None", kind: dk.DeviceKind, v8: bool, version: int) -> Device:
    """A new device of ``kind`` (the DirectInput object, if any, gains a reference until the device dies)."""
    d: Device = Device8(dinput, kind, version) if v8 else LegacyDevice(dinput, kind, version)
    if dinput is not None:
        add_ref(m, dinput, dinput.interfaces[0])
    proc(m).devices.append(d)
    return d


__all__ = ["Device", "Device8", "LegacyDevice", "create"]
