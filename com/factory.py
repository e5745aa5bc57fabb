"""The COM object factory: interfaces, vtables of guest-callable thunks, objects and reference counts.

An interface is declared once, as the slot-ordered list of its methods, each either a Python implementation
or ``todo(nargs)`` (not implemented yet)::

    IDirectDraw = Interface("IDirectDraw", IID_IDirectDraw, base=IUnknown, dll="ddraw", slots=[
        ("Compact", todo(0)),
        ("CreateClipper", CreateClipper),
        ...])

Every slot becomes a stdcall export of ``dll``'s built-in image under a hidden name
(``_exeplay_IDirectDraw_CreateClipper``); a ``todo`` slot's export stops the run with
``unimplemented: IDirectDraw::Compact called from ...``. An implementation is declared like an API function
whose first argument after the Machine is the interface pointer, received as a ``Ref`` (the Python object,
the interface it was called through and the pointer)::

    def SetCooperativeLevel(m: Machine, this: Ref, hWnd: HWND, dwFlags: DWORD) -> DWORD:

Objects live in guest memory: one heap block per object holding one vtable pointer per interface it
supports, so each interface has its own pointer (``block + 4*k``) like DirectDraw's aggregated versions.
The vtables are built once per process in static memory, after the DLL is loaded. A registry maps interface
pointers back to Python objects. Reference counts follow Windows: AddRef/Release return the new count and the
object is destroyed when the count reaches zero; objects with ``per_interface_refs`` (DirectDraw) count each
interface separately and die when all of them are zero.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from emu import api as api_mod
from emu.api import DWORD, PTR, Unimplemented, stdcall

from . import guids

if TYPE_CHECKING:
    from emu.machine import Machine

S_OK, S_FALSE = 0, 1
E_NOTIMPL, E_NOINTERFACE, E_POINTER, E_FAIL = 0x80004001, 0x80004002, 0x80004003, 0x80004005
E_INVALIDARG, E_OUTOFMEMORY = 0x80070057, 0x8007000E
CLASS_E_NOAGGREGATION, REGDB_E_CLASSNOTREG = 0x80040110, 0x80040154

EXPORT_PREFIX = "_exeplay_"


# ---- interfaces ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Todo:
    """A method not implemented yet: its thunk stops the run, naming the interface and method."""

    nargs: int  # stack arguments after ``this`` (so --unimplemented=zero pops the right amount)


def todo(nargs: int) -> Todo:
    """Mark a vtable slot as not implemented yet (``nargs`` arguments after ``this``)."""
    return Todo(nargs)


Impl = Callable[..., Any]


@dataclass(frozen=True)
class Ref:
    """What an implementation receives for ``this``: the object, the interface called and its pointer."""

    obj: "ComObject"
    iface: "Interface"
    ptr: int


class Interface:
    """A COM interface: its IID and its vtable, slot by slot."""

    def __init__(self, name: str, iid: bytes, slots: list[tuple[str, Impl | Todo]], base: "Interface | None" = None,
                 dll: str | None = None, version: int = 0, invalid: int = E_POINTER) -> None:
        self.name = name
        self.iid = iid
        self.dll = dll
        self.version = version  # e.g. 7 for IDirectDraw7: implementations shared by versions look at it
        self.invalid = invalid  # what a method returns when called on a destroyed object
        self.methods: list[tuple[str, Impl | Todo]] = (list(base.methods) if base is not None else []) + list(slots)
        names = [n for n, _ in self.methods]
        if len(set(names)) != len(names):
            raise ValueError(f"{name}: a method appears twice in the vtable")
        if dll is not None:
            for method, impl in self.methods:
                _declare_thunk(self, method, impl)

    def __repr__(self) -> str:
        return f"<Interface {self.name}>"

    def export(self, method: str) -> str:
        return f"{EXPORT_PREFIX}{self.name}_{method}"

    @property
    def implemented(self) -> list[str]:
        return [n for n, f in self.methods if not isinstance(f, Todo)]

    @property
    def missing(self) -> list[str]:
        return [n for n, f in self.methods if isinstance(f, Todo)]

    def vtable(self, m: "Machine") -> int:
        """The guest address of this interface's vtable in process ``m`` (built on first use)."""
        st = state(m)
        addr = st.vtables.get(self.name)
        if addr is None:
            assert self.dll is not None, f"{self.name} is abstract"
            ensure_dll(m, self.dll)
            addr = m.proc.alloc_static(4 * len(self.methods))
            slots = [m.proc.export_addr(self.dll, self.export(n)) for n, _ in self.methods]
            m.mem.pack(f"<{len(slots)}I", addr, *slots)
            st.vtables[self.name] = addr
        return addr


def _resolve(ann: Any, impl: Impl) -> Any:
    if isinstance(ann, str):
        return eval(ann, dict(vars(api_mod)), impl.__globals__)  # noqa: S307 - annotations of our own modules
    return ann


def _declare_thunk(iface: Interface, method: str, impl: Impl | Todo) -> None:
    """Export ``iface::method`` from the interface's DLL under its hidden name."""
    export = iface.export(method)
    P = inspect.Parameter
    if isinstance(impl, Todo):
        what = f"{iface.name}::{method}"

        def stub(m: "Machine", this: int, *args: int) -> int:
            caller = m.calls[-1][1] if m.calls else 0
            if m.opts.unimplemented == "zero":
                m.log(f"unimplemented: {what} called from {m.describe(caller)} (returning 0)")
                return 0
            raise Unimplemented(what, caller)

        params = [P("m", P.POSITIONAL_OR_KEYWORD), P("this", P.POSITIONAL_OR_KEYWORD, annotation=PTR)]
        params += [P(f"arg{i + 1}", P.POSITIONAL_OR_KEYWORD, annotation=DWORD) for i in range(impl.nargs)]
        stub.__signature__ = inspect.Signature(params, return_annotation="DWORD")  # type: ignore[attr-defined]
        stub.__doc__ = f"{what}: not implemented yet (stops the run)."
    else:
        sig = inspect.signature(impl)
        ps = list(sig.parameters.values())
        if len(ps) < 2:
            raise TypeError(f"{iface.name}::{method}: an implementation takes (m, this, ...)")
        params = [ps[0], ps[1].replace(annotation=PTR)]
        params += [p.replace(annotation=_resolve(p.annotation, impl)) for p in ps[2:]]
        ret = sig.return_annotation if isinstance(sig.return_annotation, str) else \
            getattr(sig.return_annotation, "__name__", "DWORD")

        def stub(m: "Machine", this: int, *args: Any) -> Any:
            ref = lookup(m, this)
            if ref is None:
                m.log(f"{iface.name}::{method} called on 0x{this:08x}, which is no live object")
                return 0 if method in ("AddRef", "Release") else iface.invalid
            return impl(m, ref, *args)

        stub.__signature__ = inspect.Signature(params, return_annotation=ret)  # type: ignore[attr-defined]
        stub.__doc__ = f"{iface.name}::{method}: {(impl.__doc__ or '').strip().splitlines()[0] if impl.__doc__ else ''}"
    stub.__name__ = export
    stdcall(iface.dll, name=export)(stub)  # type: ignore[arg-type]


def ensure_dll(m: "Machine", dll: str) -> None:
    """Load built-in ``dll`` into the process if the program has not (objects made through ole32)."""
    if dll not in m.proc.by_key:
        m.proc.load_library(dll + ".dll")


# ---- objects ---------------------------------------------------------------------------------------------
class ComObject:
    """A COM object; subclasses list the interfaces they support (first one answers IID_IUnknown)."""

    interfaces: ClassVar[tuple[Interface, ...]] = ()
    per_interface_refs: ClassVar[bool] = False

    def __init__(self) -> None:
        self.block = 0  # guest address of the vtable pointers, 0 before ``publish`` and after destruction
        self.refs: dict[Interface | None, int] = {}
        self.alive = False

    def ptr(self, iface: Interface) -> int:
        """The interface pointer of ``iface`` (one of ``interfaces``)."""
        return self.block + 4 * self.interfaces.index(iface)

    def find(self, iid: bytes) -> Interface | None:
        """The supported interface with ``iid`` (IID_IUnknown: the first one), or None."""
        if iid == guids.IID_IUnknown:
            return self.interfaces[0]
        for i in self.interfaces:
            if i.iid == iid:
                return i
        return None

    def refcount(self, iface: Interface | None = None) -> int:
        """The count of ``iface`` (per-interface objects) or of the whole object."""
        if not self.per_interface_refs:
            return self.refs.get(None, 0)
        if iface is None:
            return sum(self.refs.values())
        return self.refs.get(iface, 0)

    def destroy(self, m: "Machine") -> None:
        """Called once when the last reference goes: release what the object holds."""


@dataclass
class FactoryState:
    vtables: dict[str, int]
    objects: dict[int, tuple[ComObject, Interface]]


def state(m: "Machine") -> FactoryState:
    st = m.state.get("com_factory")
    if st is None:
        st = FactoryState({}, {})
        m.state["com_factory"] = st
    return st


def _heap(m: "Machine") -> Any:
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    return process_heap(m)


def publish(m: "Machine", obj: ComObject, iface: Interface, refs: int = 1) -> int:
    """Put ``obj`` in guest memory (once) and hand out ``iface`` with ``refs`` references; returns its pointer."""
    if not obj.alive:
        n = len(obj.interfaces)
        obj.block = _heap(m).alloc(4 * n, zero=True)
        st = state(m)
        vt = [i.vtable(m) for i in obj.interfaces]
        m.mem.pack(f"<{n}I", obj.block, *vt)
        for k, i in enumerate(obj.interfaces):
            st.objects[obj.block + 4 * k] = (obj, i)
        obj.alive = True
    key = iface if obj.per_interface_refs else None
    obj.refs[key] = obj.refs.get(key, 0) + refs
    return obj.ptr(iface)


def lookup(m: "Machine", ptr: int) -> Ref | None:
    """The live object behind interface pointer ``ptr``."""
    hit = state(m).objects.get(ptr)
    if hit is None:
        return None
    return Ref(hit[0], hit[1], ptr)


def lookup_obj(m: "Machine", ptr: int, cls: type | None = None) -> Any:
    """The Python object behind interface pointer ``ptr`` (of class ``cls`` if given), or None."""
    r = lookup(m, ptr) if ptr else None
    if r is None or (cls is not None and not isinstance(r.obj, cls)):
        return None
    return r.obj


def add_ref(m: "Machine", obj: ComObject, iface: Interface) -> int:
    """IUnknown::AddRef: the new count of the interface (or object)."""
    key = iface if obj.per_interface_refs else None
    obj.refs[key] = obj.refs.get(key, 0) + 1
    return obj.refs[key]


def release(m: "Machine", obj: ComObject, iface: Interface) -> int:
    """IUnknown::Release: the new count; the object is destroyed when nothing references it any more."""
    key = iface if obj.per_interface_refs else None
    n = obj.refs.get(key, 0)
    if n <= 0:
        return 0
    n -= 1
    obj.refs[key] = n
    if obj.alive and obj.refcount() == 0:
        kill(m, obj)
    return n


def kill(m: "Machine", obj: ComObject) -> None:
    """Destroy ``obj`` now whatever its counts (its owner went away): ``destroy`` then free its memory."""
    if not obj.alive:
        return
    obj.alive = False
    try:
        obj.destroy(m)
    finally:
        st = state(m)
        for k in range(len(obj.interfaces)):
            st.objects.pop(obj.block + 4 * k, None)
        _heap(m).free(obj.block)
        obj.block = 0
        obj.refs.clear()


def query(m: "Machine", obj: ComObject, iid: bytes) -> int:
    """QueryInterface core: the AddRef'd pointer for ``iid``, or 0."""
    iface = obj.find(iid)
    if iface is None:
        return 0
    add_ref(m, obj, iface)
    return obj.ptr(iface)


# ---- IUnknown ---------------------------------------------------------------------------------------------
def QueryInterface(m: "Machine", this: Ref, riid: PTR, ppvObject: PTR) -> DWORD:
    """IUnknown::QueryInterface: an AddRef'd pointer to another interface of the object, or E_NOINTERFACE."""
    if not ppvObject:
        return E_POINTER
    if not riid:
        m.mem.w32(ppvObject, 0)
        return E_INVALIDARG
    p = query(m, this.obj, m.mem.read(riid, 16))
    m.mem.w32(ppvObject, p)
    return S_OK if p else E_NOINTERFACE


def AddRef(m: "Machine", this: Ref) -> DWORD:
    """IUnknown::AddRef: returns the new reference count."""
    return add_ref(m, this.obj, this.iface)


def Release(m: "Machine", this: Ref) -> DWORD:
    """IUnknown::Release: returns the new count; the object is freed at zero."""
    return release(m, this.obj, this.iface)


IUnknown = Interface("IUnknown", guids.IID_IUnknown, slots=[
    ("QueryInterface", QueryInterface),
    ("AddRef", AddRef),
    ("Release", Release),
])


# ---- classes (CoCreateInstance) ---------------------------------------------------------------------------------
ClassCtor = Callable[["Machine", bytes], tuple[int, int]]
CLASSES: dict[bytes, ClassCtor] = {}


def register_class(clsid: bytes, ctor: ClassCtor) -> None:
    """Make ``clsid`` creatable: ``ctor(m, iid) -> (hresult, interface pointer)``."""
    CLASSES[clsid] = ctor


def create_instance(m: "Machine", clsid: bytes, iid: bytes, outer: int = 0) -> tuple[int, int]:
    """CoCreateInstance's core: ``(hresult, pointer)``; REGDB_E_CLASSNOTREG for classes exeplay lacks."""
    ctor = CLASSES.get(bytes(clsid))
    if ctor is None:
        return REGDB_E_CLASSNOTREG, 0
    if outer:
        return CLASS_E_NOAGGREGATION, 0
    return ctor(m, bytes(iid))
