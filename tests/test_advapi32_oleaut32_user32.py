"""advapi32 registry/tokens/crypt, oleaut32 BSTR/VARIANT and user32 string functions, called directly."""
from __future__ import annotations

import json
import os
from typing import Iterator

import pytest

from emu import register_all
from emu.machine import Machine, Options

EXE = os.path.join(os.path.dirname(__file__), "programs", "msvc_eh", "eh.exe")
HKCU = 0x80000001


@pytest.fixture()
def m(tmp_path: "os.PathLike[str]") -> Iterator[Machine]:
    register_all()
    mach = Machine(Options(data_dir=str(tmp_path)))
    mach.load(EXE, [])
    mach.thread = mach.threads[0]
    yield mach


def test_bstr_and_variant(m: Machine) -> None:
    from emu import oleaut32 as o
    s = m.proc.static_wstr("hello")
    b = o.SysAllocString(m, s)
    assert m.mem.u32(b - 4) == 10 and m.mem.wstr(b) == "hello"
    assert o.SysStringLen(m, b) == 5 and o.SysStringByteLen(m, b) == 10 and o.SysStringLen(m, 0) == 0
    z = o.SysAllocStringLen(m, 0, 3)
    assert m.mem.read(z, 8) == bytes(8)
    v, w = m.proc.alloc_static(16), m.proc.alloc_static(16)
    m.mem.pack("<HHHHII", v, 8, 0, 0, 0, b, 0)  # VT_BSTR
    assert o.VariantCopy(m, w, v) == 0
    copy = m.mem.u32(w + 8)
    assert copy != b and m.mem.wstr(copy) == "hello"
    assert o.VariantClear(m, v) == 0 and o.VariantClear(m, w) == 0 and m.mem.u16(w) == 0
    m.mem.pack("<H", v, 0x2008)  # VT_ARRAY|VT_BSTR: SAFEARRAYs are not supported
    assert o.VariantClear(m, v) == 0x80020008


def test_registry_roundtrip_and_persistence(m: Machine, tmp_path: "os.PathLike[str]") -> None:
    from emu import advapi32 as a
    ph = m.proc.alloc_static(8)
    assert a.RegOpenKeyExW(m, HKCU, "Software\\Nope", 0, 0, ph) == 2
    assert a.RegCreateKeyExW(m, HKCU, "Software\\T\\Sub", 0, 0, 0, 0, 0, ph, 0) == 0
    h = m.mem.u32(ph)
    data = m.proc.static_wstr("value")
    assert a.RegSetValueExW(m, h, "Name", 0, 1, data, 12) == 0
    out, size, typ = m.proc.alloc_static(64), m.proc.alloc_static(4), m.proc.alloc_static(4)
    m.mem.w32(size, 3)
    assert a.RegQueryValueExA(m, h, "NAME", 0, typ, out, size) == 234 and m.mem.u32(size) == 6
    m.mem.w32(size, 64)
    assert a.RegQueryValueExA(m, h, "name", 0, typ, out, size) == 0 and m.mem.cstr(out) == "value"
    assert m.mem.u32(typ) == 1
    assert a.RegCloseKey(m, h) == 0
    assert a.RegDeleteKeyW(m, HKCU, "Software\\T") == 5  # has a sub-key
    with open(os.path.join(str(tmp_path), "registry.json"), encoding="utf-8") as f:
        saved = json.load(f)
    assert "Sub" in json.dumps(saved)
    assert a.RegDeleteKeyW(m, HKCU, "Software\\T\\Sub") == 0


def test_privileges_not_all_assigned(m: Machine) -> None:
    from emu import advapi32 as a
    ph, luid = m.proc.alloc_static(4), m.proc.alloc_static(8)
    assert a.OpenProcessToken(m, 0xFFFFFFFF, 0x28, ph) == 1
    assert a.LookupPrivilegeValueW(m, None, "SeSecurityPrivilege", luid) == 1 and m.mem.u32(luid) == 8
    tp = m.proc.alloc_static(16)
    m.mem.pack("<IIII", tp, 1, 8, 0, 2)
    assert a.AdjustTokenPrivileges(m, m.mem.u32(ph), 0, tp, 0, 0, 0) == 1
    assert m.get_last_error() == 1300  # ERROR_NOT_ALL_ASSIGNED
    m.mem.pack("<IIII", tp, 1, 23, 0, 2)  # SeChangeNotifyPrivilege is held
    assert a.AdjustTokenPrivileges(m, m.mem.u32(ph), 0, tp, 0, 0, 0) == 1 and m.get_last_error() == 0


def test_crypt_random(m: Machine) -> None:
    from emu import advapi32 as a
    ph, buf = m.proc.alloc_static(4), m.proc.alloc_static(32)
    assert a.CryptAcquireContextA(m, ph, None, None, 1, 0) == 0  # no key containers
    assert a.CryptAcquireContextA(m, ph, None, None, 1, 0xF0000000) == 1
    assert a.CryptGenRandom(m, m.mem.u32(ph), 32, buf) == 1 and m.mem.read(buf, 32) != bytes(32)
    assert a.CryptReleaseContext(m, m.mem.u32(ph), 0) == 1


def test_user32_text(m: Machine) -> None:
    from gdi import user32_text as u
    s = m.proc.static_wstr("abc\u00df")
    assert u.CharUpperW(m, s) == s and m.mem.wstr(s) == "ABC\u00df"
    assert u.CharUpperW(m, ord("q")) == ord("Q")
    a = m.proc.static_cstr("xy")
    assert u.CharNextA(m, a) == a + 1 and u.CharNextA(m, a + 2) == a + 2 and u.CharPrevExA(m, 0, a, a, 0) == a
    fmt = m.proc.static_cstr("[%5d|%-4s|%08lX|%#x|%c|%u|%.2s|%I64u|%%]")
    args = m.proc.alloc_static(64)
    m.mem.pack("<iIIIIIIII", args, -42, a, 0xBEEF, 255, ord("Q"), 0xFFFFFFFF, a, 1, 2)
    out = m.proc.alloc_static(256)
    n = u.wvsprintfA(m, out, fmt, args)
    assert m.mem.cstr(out) == "[  -42|xy  |0000BEEF|0xff|Q|4294967295|xy|8589934593|%]" and n == len(m.mem.cstr(out))


def test_user_name_and_is_text_unicode(m: Machine) -> None:
    from emu import advapi32 as a
    buf, n = m.proc.alloc_static(64), m.proc.alloc_static(4)
    m.mem.w32(n, 2)
    assert a.GetUserNameW(m, buf, n) == 0 and m.get_last_error() == 122 and m.mem.u32(n) == 7
    m.mem.w32(n, 64)
    assert a.GetUserNameA(m, buf, n) == 1 and m.mem.cstr(buf) == "player" and m.mem.u32(n) == 7
    text = m.proc.alloc_static(64)
    m.mem.write(text, "hello world\r\n".encode("utf-16-le"))
    assert a.IsTextUnicode(m, text, 26, 0) == 1
    m.mem.write(text, b"hello world\r\n\0")
    assert a.IsTextUnicode(m, text, 13, 0) == 0
