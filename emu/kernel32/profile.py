"""kernel32: initialization files (GetPrivateProfileString and friends, WIN.INI through GetProfileString).

INI files live in the sandboxed guest file system (``m.fs``), read and written like CreateFile does. A name
without a path (no ``\\``, ``/`` or ``:``) means a file in the Windows directory C:\\WINDOWS, as on Windows.
Sections and keys match case-insensitively; the first occurrence of a section or key wins. Values are
trimmed and lose one pair of enclosing single or double quotes; lines starting with ``;`` are comments.
Writes keep every other line of the file as it was (comments, blank lines, order) and write CRLF lines in
the file's own encoding (ANSI, or UTF-16LE / UTF-8 when the file starts with a byte-order mark).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, INT, LPCSTR, LPCWSTR, PTR, stdcall
from ..sandbox import PathError
from .fileobj import win_error

if TYPE_CHECKING:
    from ..machine import Machine

WINDOWS_DIR = "C:\\WINDOWS"
ERROR_FILE_NOT_FOUND = 2
ERROR_INVALID_PARAMETER = 87


# ---- the file model ---------------------------------------------------------------------------
@dataclass
class Section:
    name: str
    header: int  # index of the [name] line
    keys: list[tuple[str, str | None, int]] = field(default_factory=list)  # (key, value, line index)
    end: int = 0  # index after the last non-blank line of the section


@dataclass
class IniFile:
    lines: list[str]
    encoding: str  # "ansi", "utf-16-le" or "utf-8-sig"
    existed: bool

    def sections(self) -> list[Section]:
        out: list[Section] = []
        cur: Section | None = None
        for i, raw in enumerate(self.lines):
            s = raw.strip()
            if s.startswith("["):
                close = s.find("]")
                name = (s[1:close] if close >= 0 else s[1:]).strip()
                cur = Section(name, i, end=i + 1)
                out.append(cur)
                continue
            if cur is None:
                continue
            if s:
                cur.end = i + 1
            if not s or s.startswith(";"):
                continue
            if "=" in s:
                k, v = s.split("=", 1)
                cur.keys.append((k.strip(), unquote(v.strip()), i))
            else:
                cur.keys.append((s, None, i))
        return out

    def section(self, name: str) -> Section | None:
        low = name.strip().lower()
        for sec in self.sections():
            if sec.name.lower() == low:
                return sec
        return None


def unquote(v: str) -> str:
    """Windows drops one pair of matching single or double quotes around a value."""
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        return v[1:-1]
    return v


def ini_guest_path(m: Machine, name: str) -> str:
    """A bare file name is in the Windows directory; anything with a path is resolved normally."""
    if not any(c in name for c in "\\/:"):
        return WINDOWS_DIR + "\\" + name
    return name


def _host(m: Machine, name: str | int | None, write: bool) -> str | None:
    if not isinstance(name, str) or not name:
        m.set_last_error(ERROR_FILE_NOT_FOUND)
        return None
    try:
        return m.fs.host_path(ini_guest_path(m, name), for_write=write)
    except PathError as e:
        m.set_last_error(e.code)
        return None


def load(m: Machine, hp: str) -> IniFile:
    try:
        with open(hp, "rb") as f:
            data = f.read()
    except OSError:
        return IniFile([], "ansi", False)
    if data.startswith(b"\xff\xfe"):
        text, enc = data[2:].decode("utf-16-le", "replace"), "utf-16-le"
    elif data.startswith(b"\xef\xbb\xbf"):
        text, enc = data[3:].decode("utf-8", "replace"), "utf-8-sig"
    else:
        text, enc = data.decode(m.ansi, "replace"), "ansi"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return IniFile(lines, enc, True)


def save(m: Machine, hp: str, ini: IniFile) -> int:
    """Write the file back; returns 0 or a Windows error code."""
    text = "".join(ln + "\r\n" for ln in ini.lines)
    if ini.encoding == "utf-16-le":
        data = b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")
    elif ini.encoding == "utf-8-sig":
        data = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    else:
        data = text.encode(m.ansi, "replace")
    try:
        with open(hp, "wb") as f:
            f.write(data)
    except OSError as e:
        return win_error(e) if e.errno != 2 else 3
    return 0


# ---- buffer conventions -----------------------------------------------------------------------
def _enc(m: Machine, s: str, wide: bool) -> bytes:
    return s.encode("utf-16-le", "surrogatepass") if wide else s.encode(m.ansi, "replace")


def put_string(m: Machine, buf: int, size: int, s: str, wide: bool) -> int:
    """Copy ``s`` truncated to size-1 characters plus a NUL; returns the characters copied."""
    if size <= 0 or not buf:
        return 0
    u = 2 if wide else 1
    b = _enc(m, s, wide)[:u * (size - 1)]
    m.mem.write(buf, b + b"\0" * u)
    return len(b) // u


def put_list(m: Machine, buf: int, size: int, items: list[str], wide: bool) -> int:
    """Copy NUL-separated ``items`` ending in a double NUL; a too-small buffer gets as much as fits and
    two NULs, and the return value is size-2. Returns the characters copied, not counting the last NUL."""
    if size <= 0 or not buf:
        return 0
    u = 2 if wide else 1
    z = b"\0" * u
    data = b"".join(_enc(m, s, wide) + z for s in items)
    n = len(data) // u
    if not items:
        m.mem.write(buf, z * min(2, size))
        return 0
    if n + 1 <= size:
        m.mem.write(buf, data + z)
        return n
    if size < 2:
        m.mem.write(buf, z)
        return 0
    m.mem.write(buf, data[:u * (size - 2)] + z + z)
    return size - 2


# ---- reading ----------------------------------------------------------------------------------
def get_string(m: Machine, section: str | int | None, key: str | int | None, default: str | int | None,
               buf: int, size: int, filename: str | int | None, wide: bool) -> int:
    hp = _host(m, filename, False)
    ini = load(m, hp) if hp is not None else IniFile([], "ansi", False)
    if section is None or isinstance(section, int):
        names: list[str] = []
        seen: set[str] = set()
        for sec in ini.sections():
            if sec.name.lower() not in seen:
                seen.add(sec.name.lower())
                names.append(sec.name)
        if not ini.existed:
            m.set_last_error(ERROR_FILE_NOT_FOUND)
        return put_list(m, buf, size, names, wide)
    sec = ini.section(section)
    if key is None or isinstance(key, int):
        keys: list[str] = []
        if sec is not None:
            seen = set()
            for k, _v, _i in sec.keys:
                if k.lower() not in seen:
                    seen.add(k.lower())
                    keys.append(k)
        else:
            m.set_last_error(ERROR_FILE_NOT_FOUND)
        return put_list(m, buf, size, keys, wide)
    if sec is not None:
        low = key.strip().lower()
        for k, v, _i in sec.keys:
            if k.lower() == low and v is not None:
                return put_string(m, buf, size, v, wide)
    m.set_last_error(ERROR_FILE_NOT_FOUND)
    d = default if isinstance(default, str) else ""
    return put_string(m, buf, size, d.rstrip(" "), wide)


def parse_int(s: str) -> int:
    """Leading integer of ``s`` (decimal, or hexadecimal after 0x), as GetPrivateProfileInt reads it."""
    s = s.strip()
    neg = s.startswith("-")
    if s[:1] in "+-" and s:
        s = s[1:]
    base, digits = 10, "0123456789"
    if s[:2].lower() == "0x":
        base, digits, s = 16, "0123456789abcdef", s[2:]
    v = 0
    for ch in s.lower():
        if ch not in digits:
            break
        v = v * base + digits.index(ch)
    v = -v if neg else v
    return v & 0xFFFFFFFF


def get_int(m: Machine, section: str | int | None, key: str | int | None, default: int,
            filename: str | int | None) -> int:
    if not isinstance(section, str) or not isinstance(key, str):
        return default & 0xFFFFFFFF
    hp = _host(m, filename, False)
    ini = load(m, hp) if hp is not None else IniFile([], "ansi", False)
    sec = ini.section(section)
    if sec is not None:
        low = key.strip().lower()
        for k, v, _i in sec.keys:
            if k.lower() == low and v is not None:
                return parse_int(v) if v else default & 0xFFFFFFFF
    return default & 0xFFFFFFFF


def get_section(m: Machine, section: str | int | None, buf: int, size: int, filename: str | int | None,
                wide: bool) -> int:
    if not isinstance(section, str):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    hp = _host(m, filename, False)
    ini = load(m, hp) if hp is not None else IniFile([], "ansi", False)
    sec = ini.section(section)
    lines: list[str] = []
    if sec is not None:
        for k, v, _i in sec.keys:
            lines.append(k if v is None else f"{k}={v}")
    return put_list(m, buf, size, lines, wide)


# ---- writing ----------------------------------------------------------------------------------
def write_string(m: Machine, section: str | int | None, key: str | int | None, value: str | int | None,
                 filename: str | int | None) -> int:
    if section is None and key is None and value is None:
        return 1  # flush the (write-through) cache
    if not isinstance(section, str):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    hp = _host(m, filename, True)
    if hp is None:
        return 0
    ini = load(m, hp)
    sec = ini.section(section)
    if key is None or isinstance(key, int):  # delete the whole section
        if sec is None:
            return 1
        end = sec.end
        while end < len(ini.lines) and not ini.lines[end].strip():
            end += 1
        nxt = [s.header for s in ini.sections() if s.header > sec.header]
        end = min(nxt[0], end) if nxt else end
        del ini.lines[sec.header:end]
    elif value is None or isinstance(value, int):  # delete the key
        if sec is None:
            return 1
        low = key.strip().lower()
        idx = [i for k, _v, i in sec.keys if k.lower() == low]
        if not idx:
            return 1
        del ini.lines[idx[0]]
    else:
        line = f"{key.strip()}={value}"
        if sec is None:
            if ini.lines and ini.lines[-1].strip():
                ini.lines.append("")
            ini.lines += [f"[{section.strip()}]", line]
        else:
            low = key.strip().lower()
            hit = [(k, i) for k, _v, i in sec.keys if k.lower() == low]
            if hit:
                ini.lines[hit[0][1]] = f"{hit[0][0]}={value}"
            else:
                ini.lines.insert(sec.end, line)
    err = save(m, hp, ini)
    if err:
        m.set_last_error(err)
        return 0
    return 1


def read_multi(m: Machine, p: int, wide: bool) -> list[str]:
    """A double-NUL-terminated list of strings."""
    out: list[str] = []
    while True:
        s = m.mem.wstr(p) if wide else m.mem.cstr(p, m.ansi)
        if not s:
            return out
        out.append(s)
        p += (len(s.encode("utf-16-le", "surrogatepass")) + 2) if wide else (len(s.encode(m.ansi, "replace")) + 1)


def write_section(m: Machine, section: str | int | None, strings: int, filename: str | int | None,
                  wide: bool) -> int:
    if not isinstance(section, str):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if not strings:
        return write_string(m, section, None, None, filename)
    hp = _host(m, filename, True)
    if hp is None:
        return 0
    new = read_multi(m, strings, wide)
    ini = load(m, hp)
    sec = ini.section(section)
    if sec is None:
        if ini.lines and ini.lines[-1].strip():
            ini.lines.append("")
        ini.lines += [f"[{section.strip()}]", *new]
    else:
        drop = {i for _k, _v, i in sec.keys}
        body = [ln for i, ln in enumerate(ini.lines[sec.header + 1:sec.end], sec.header + 1) if i not in drop]
        ini.lines[sec.header + 1:sec.end] = body + new
    err = save(m, hp, ini)
    if err:
        m.set_last_error(err)
        return 0
    return 1


# ---- the API ----------------------------------------------------------------------------------
@stdcall("kernel32")
def GetPrivateProfileStringA(m: Machine, lpAppName: LPCSTR, lpKeyName: LPCSTR, lpDefault: LPCSTR,
                             lpReturnedString: PTR, nSize: DWORD, lpFileName: LPCSTR) -> DWORD:
    """Value of a key (or the section names / key names as a double-NUL list); chars copied."""
    return get_string(m, lpAppName, lpKeyName, lpDefault, lpReturnedString, nSize, lpFileName, False)


@stdcall("kernel32")
def GetPrivateProfileStringW(m: Machine, lpAppName: LPCWSTR, lpKeyName: LPCWSTR, lpDefault: LPCWSTR,
                             lpReturnedString: PTR, nSize: DWORD, lpFileName: LPCWSTR) -> DWORD:
    """Wide GetPrivateProfileString."""
    return get_string(m, lpAppName, lpKeyName, lpDefault, lpReturnedString, nSize, lpFileName, True)


@stdcall("kernel32")
def GetProfileStringA(m: Machine, lpAppName: LPCSTR, lpKeyName: LPCSTR, lpDefault: LPCSTR,
                      lpReturnedString: PTR, nSize: DWORD) -> DWORD:
    """GetPrivateProfileString on WIN.INI."""
    return get_string(m, lpAppName, lpKeyName, lpDefault, lpReturnedString, nSize, "win.ini", False)


@stdcall("kernel32")
def GetProfileStringW(m: Machine, lpAppName: LPCWSTR, lpKeyName: LPCWSTR, lpDefault: LPCWSTR,
                      lpReturnedString: PTR, nSize: DWORD) -> DWORD:
    """Wide GetProfileString (WIN.INI)."""
    return get_string(m, lpAppName, lpKeyName, lpDefault, lpReturnedString, nSize, "win.ini", True)


@stdcall("kernel32")
def GetPrivateProfileIntA(m: Machine, lpAppName: LPCSTR, lpKeyName: LPCSTR, nDefault: INT,
                          lpFileName: LPCSTR) -> DWORD:
    """Leading integer of a key's value (decimal or 0x hex); nDefault when the key is absent."""
    return get_int(m, lpAppName, lpKeyName, nDefault, lpFileName)


@stdcall("kernel32")
def GetPrivateProfileIntW(m: Machine, lpAppName: LPCWSTR, lpKeyName: LPCWSTR, nDefault: INT,
                          lpFileName: LPCWSTR) -> DWORD:
    """Wide GetPrivateProfileInt."""
    return get_int(m, lpAppName, lpKeyName, nDefault, lpFileName)


@stdcall("kernel32")
def GetProfileIntA(m: Machine, lpAppName: LPCSTR, lpKeyName: LPCSTR, nDefault: INT) -> DWORD:
    """GetPrivateProfileInt on WIN.INI."""
    return get_int(m, lpAppName, lpKeyName, nDefault, "win.ini")


@stdcall("kernel32")
def GetProfileIntW(m: Machine, lpAppName: LPCWSTR, lpKeyName: LPCWSTR, nDefault: INT) -> DWORD:
    """Wide GetProfileInt (WIN.INI)."""
    return get_int(m, lpAppName, lpKeyName, nDefault, "win.ini")


@stdcall("kernel32")
def WritePrivateProfileStringA(m: Machine, lpAppName: LPCSTR, lpKeyName: LPCSTR, lpString: LPCSTR,
                               lpFileName: LPCSTR) -> BOOL:
    """Set a key (creating section and file); NULL value deletes the key, NULL key the section."""
    return write_string(m, lpAppName, lpKeyName, lpString, lpFileName)


@stdcall("kernel32")
def WritePrivateProfileStringW(m: Machine, lpAppName: LPCWSTR, lpKeyName: LPCWSTR, lpString: LPCWSTR,
                               lpFileName: LPCWSTR) -> BOOL:
    """Wide WritePrivateProfileString."""
    return write_string(m, lpAppName, lpKeyName, lpString, lpFileName)


@stdcall("kernel32")
def WriteProfileStringA(m: Machine, lpAppName: LPCSTR, lpKeyName: LPCSTR, lpString: LPCSTR) -> BOOL:
    """WritePrivateProfileString on WIN.INI."""
    return write_string(m, lpAppName, lpKeyName, lpString, "win.ini")


@stdcall("kernel32")
def WriteProfileStringW(m: Machine, lpAppName: LPCWSTR, lpKeyName: LPCWSTR, lpString: LPCWSTR) -> BOOL:
    """Wide WriteProfileString (WIN.INI)."""
    return write_string(m, lpAppName, lpKeyName, lpString, "win.ini")


@stdcall("kernel32")
def GetPrivateProfileSectionA(m: Machine, lpAppName: LPCSTR, lpReturnedString: PTR, nSize: DWORD,
                              lpFileName: LPCSTR) -> DWORD:
    """All key=value lines of a section as a double-NUL list; chars copied (nSize-2 if truncated)."""
    return get_section(m, lpAppName, lpReturnedString, nSize, lpFileName, False)


@stdcall("kernel32")
def GetPrivateProfileSectionW(m: Machine, lpAppName: LPCWSTR, lpReturnedString: PTR, nSize: DWORD,
                              lpFileName: LPCWSTR) -> DWORD:
    """Wide GetPrivateProfileSection."""
    return get_section(m, lpAppName, lpReturnedString, nSize, lpFileName, True)


@stdcall("kernel32")
def WritePrivateProfileSectionA(m: Machine, lpAppName: LPCSTR, lpString: PTR, lpFileName: LPCSTR) -> BOOL:
    """Replace a section's keys with the double-NUL list of key=value lines (NULL deletes the section)."""
    return write_section(m, lpAppName, lpString, lpFileName, False)


@stdcall("kernel32")
def WritePrivateProfileSectionW(m: Machine, lpAppName: LPCWSTR, lpString: PTR, lpFileName: LPCWSTR) -> BOOL:
    """Wide WritePrivateProfileSection."""
    return write_section(m, lpAppName, lpString, lpFileName, True)

