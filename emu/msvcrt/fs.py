"""msvcrt: files and directories by name — _access/_chmod/_stat/_fstat, remove/rename/_unlink, _mkdir/
_rmdir/_chdir/_getcwd/_fullpath, _findfirst/_findnext, _splitpath/_makepath, tmpnam/_tempnam/_mktemp,
_utime. Built on the kernel32 file layer (and its sandboxed paths); errors become errno with _dosmaperr."""
from __future__ import annotations

import os
import stat as pystat
import struct
import time as _time
from typing import TYPE_CHECKING

from ..api import INT, LPCSTR, LPCWSTR, PTR, UINT, cdecl
from ..kernel32 import file as k32
from ..objects import INVALID_HANDLE_VALUE
from .crt import EACCES, EBADF, EEXIST, EINVAL, ENOENT, ERANGE, crt, dosmaperr, heap, set_errno
from .io import file_of, get_fd

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
S_IFIFO, S_IFCHR, S_IFDIR, S_IFREG = 0x1000, 0x2000, 0x4000, 0x8000
S_IREAD, S_IWRITE, S_IEXEC = 0x100, 0x80, 0x40
EPOCH_DELTA = 11644473600


def _str(v: str | int | None) -> str | None:
    return v if isinstance(v, str) else None


def _host(m: "Machine", path: str | int | None, write: bool = False) -> str | None:
    hp = k32.resolve(m, path, write=write)
    if hp is None:
        dosmaperr(m)
    return hp


# ---- simple operations --------------------------------------------------------------------------------
def remove_path(m: "Machine", path: str | int | None) -> int:
    if not k32._delete(m, path):
        dosmaperr(m)
        return -1
    return 0


@cdecl(D)
def remove(m: "Machine", path: LPCSTR) -> INT:
    """Delete a file; 0, or -1 with errno (EACCES for directories and read-only files)."""
    return remove_path(m, path)


@cdecl(D)
def _unlink(m: "Machine", filename: LPCSTR) -> INT:
    """Same as remove."""
    return remove_path(m, filename)


@cdecl(D)
def _wremove(m: "Machine", path: LPCWSTR) -> INT:
    """Wide remove."""
    return remove_path(m, path)


@cdecl(D)
def _wunlink(m: "Machine", filename: LPCWSTR) -> INT:
    """Wide _unlink."""
    return remove_path(m, filename)


def _rename(m: "Machine", old: str | int | None, new: str | int | None) -> int:
    if not k32._move(m, old, new, 2):
        dosmaperr(m)
        return -1
    return 0


@cdecl(D)
def rename(m: "Machine", oldname: LPCSTR, newname: LPCSTR) -> INT:
    """Rename a file or directory (the new name must not exist: EEXIST/EACCES)."""
    return _rename(m, oldname, newname)


@cdecl(D)
def _wrename(m: "Machine", oldname: LPCWSTR, newname: LPCWSTR) -> INT:
    """Wide rename."""
    return _rename(m, oldname, newname)


def _mk(m: "Machine", path: str | int | None) -> int:
    if not k32._mkdir(m, path):
        dosmaperr(m)
        return -1
    return 0


@cdecl(D)
def _mkdir(m: "Machine", dirname: LPCSTR) -> INT:
    """Create a directory; EEXIST if it exists."""
    return _mk(m, dirname)


@cdecl(D)
def _wmkdir(m: "Machine", dirname: LPCWSTR) -> INT:
    """Wide _mkdir."""
    return _mk(m, dirname)


def _rm(m: "Machine", path: str | int | None) -> int:
    if not k32._rmdir(m, path):
        dosmaperr(m)
        return -1
    return 0


@cdecl(D)
def _rmdir(m: "Machine", dirname: LPCSTR) -> INT:
    """Remove an empty directory."""
    return _rm(m, dirname)


@cdecl(D)
def _wrmdir(m: "Machine", dirname: LPCWSTR) -> INT:
    """Wide _rmdir."""
    return _rm(m, dirname)


def _cd(m: "Machine", path: str | int | None) -> int:
    if not k32._chdir(m, path):
        dosmaperr(m)
        return -1
    return 0


@cdecl(D)
def _chdir(m: "Machine", dirname: LPCSTR) -> INT:
    """Change the current directory."""
    return _cd(m, dirname)


@cdecl(D)
def _wchdir(m: "Machine", dirname: LPCWSTR) -> INT:
    """Wide _chdir."""
    return _cd(m, dirname)


def _out_str(m: "Machine", buf: int, maxlen: int, s: str, wide: bool) -> int:
    """Store s in buf (or a malloc'ed buffer of max(maxlen, needed) when buf is NULL); ERANGE if too small."""
    data = s.encode("utf-16-le") + b"\0\0" if wide else s.encode(m.ansi, "replace") + b"\0"
    unit = 2 if wide else 1
    n = len(data) // unit
    if buf == 0:
        buf = heap(m).alloc(max(maxlen, n) * unit)
    elif n > maxlen:
        set_errno(m, ERANGE)
        return 0
    m.mem.write(buf, data)
    return buf


@cdecl(D)
def _getcwd(m: "Machine", buffer: PTR, maxlen: INT) -> PTR:
    """Current directory into buffer (malloc'ed when NULL); NULL and ERANGE if too small."""
    return _out_str(m, buffer, maxlen, m.fs.getcwd(), False)


@cdecl(D)
def _wgetcwd(m: "Machine", buffer: PTR, maxlen: INT) -> PTR:
    """Wide _getcwd."""
    return _out_str(m, buffer, maxlen, m.fs.getcwd(), True)


def _drive_cwd(m: "Machine", drive: int) -> str | None:
    cwd = m.fs.getcwd()
    if drive == 0 or chr(64 + drive) == cwd[0].upper():
        return cwd
    letter = chr(64 + drive) if 1 <= drive <= 26 else "?"
    if letter not in m.fs.drives:
        return None
    return letter + ":\\"


@cdecl(D)
def _getdcwd(m: "Machine", drive: INT, buffer: PTR, maxlen: INT) -> PTR:
    """Current directory of a drive (1 = A:, 0 = current)."""
    s = _drive_cwd(m, drive)
    if s is None:
        set_errno(m, EACCES)
        return 0
    return _out_str(m, buffer, maxlen, s, False)


@cdecl(D)
def _wgetdcwd(m: "Machine", drive: INT, buffer: PTR, maxlen: INT) -> PTR:
    """Wide _getdcwd."""
    s = _drive_cwd(m, drive)
    if s is None:
        set_errno(m, EACCES)
        return 0
    return _out_str(m, buffer, maxlen, s, True)


@cdecl(D)
def _getdrive(m: "Machine") -> INT:
    """Current drive: 1 = A:, 3 = C:, ..."""
    return ord(m.fs.getcwd()[0].upper()) - 64


@cdecl(D)
def _chdrive(m: "Machine", drive: INT) -> INT:
    """Make drive (1 = A:) current; -1 if it does not exist."""
    s = _drive_cwd(m, drive)
    if s is None or not k32._chdir(m, s):
        set_errno(m, EACCES)
        return -1
    return 0


def _fullpath_impl(m: "Machine", buf: int, rel: str | int | None, maxlen: int, wide: bool) -> int:
    if rel is None or rel == "":
        return _out_str(m, buf, maxlen if buf else 260, m.fs.getcwd(), wide)
    r = k32._full(m, rel)
    if r is None:
        dosmaperr(m)
        return 0
    return _out_str(m, buf, maxlen if buf else 260, r[0], wide)


@cdecl(D)
def _fullpath(m: "Machine", absPath: PTR, relPath: LPCSTR, maxLength: UINT) -> PTR:
    """Absolute path of relPath (malloc'ed when absPath is NULL); NULL on error."""
    return _fullpath_impl(m, absPath, relPath, maxLength, False)


@cdecl(D)
def _wfullpath(m: "Machine", absPath: PTR, relPath: LPCWSTR, maxLength: UINT) -> PTR:
    """Wide _fullpath."""
    return _fullpath_impl(m, absPath, relPath, maxLength, True)


# ---- attributes ------------------------------------------------------------------------------------
def _access_impl(m: "Machine", path: str | int | None, mode: int) -> int:
    a = k32.get_attributes(m, path)
    if a == 0xFFFFFFFF:
        dosmaperr(m)
        return -1
    if mode & ~6:
        set_errno(m, EINVAL)
        return -1
    if a & 1 and mode & 2:
        set_errno(m, EACCES)
        return -1
    return 0


@cdecl(D)
def _access(m: "Machine", path: LPCSTR, mode: INT) -> INT:
    """Existence (0), write (2) or read (4) permission test; 0 or -1 (ENOENT/EACCES)."""
    return _access_impl(m, path, mode)


@cdecl(D)
def _waccess(m: "Machine", path: LPCWSTR, mode: INT) -> INT:
    """Wide _access."""
    return _access_impl(m, path, mode)


def _chmod_impl(m: "Machine", path: str | int | None, pmode: int) -> int:
    a = k32.get_attributes(m, path)
    if a == 0xFFFFFFFF:
        dosmaperr(m)
        return -1
    if not k32._set_attrs(m, path, (a & ~1) if pmode & S_IWRITE else (a | 1)):
        dosmaperr(m)
        return -1
    return 0


@cdecl(D)
def _chmod(m: "Machine", filename: LPCSTR, pmode: INT) -> INT:
    """_S_IWRITE clears the read-only attribute, its absence sets it."""
    return _chmod_impl(m, filename, pmode)


@cdecl(D)
def _wchmod(m: "Machine", filename: LPCWSTR, pmode: INT) -> INT:
    """Wide _chmod."""
    return _chmod_impl(m, filename, pmode)


def _perm(mode: int) -> int:
    p = mode & 0x1C0
    return mode | (p >> 3) | (p >> 6)


def _stat_fields(m: "Machine", path: str | int | None) -> tuple | None:
    """(dev, mode, nlink, size, atime, mtime, ctime) as msvcrt's _stat computes them, or None + errno."""
    if not isinstance(path, str) or any(c in path for c in "*?"):
        set_errno(m, ENOENT)
        return None
    hp = _host(m, path)
    if hp is None:
        return None
    try:
        st = os.stat(hp)
    except OSError:
        set_errno(m, ENOENT)
        return None
    is_dir = pystat.S_ISDIR(st.st_mode)
    full = m.fs.normalize(path)
    if path.endswith(("\\", "/")) and len(full) > 3:
        # as FindFirstFile, msvcrt's _stat fails for a trailing slash except on a drive root
        set_errno(m, ENOENT)
        return None
    drive = ord(full[0].upper()) - 65
    mode = S_IFDIR | S_IEXEC if is_dir else S_IFREG
    mode |= S_IREAD
    if st.st_mode & 0o200:
        mode |= S_IWRITE
    if not is_dir and os.path.splitext(path)[1].lower() in (".exe", ".com", ".bat", ".cmd"):
        mode |= S_IEXEC
    size = 0 if is_dir else st.st_size
    return drive, _perm(mode), 1, size, int(st.st_atime), int(st.st_mtime), int(st.st_ctime)


def _fstat_fields(m: "Machine", fd: int) -> tuple | None:
    fdo = get_fd(m, fd)
    f = file_of(m, fdo) if fdo else None
    if f is None:
        set_errno(m, EBADF)
        return None
    if f.ftype in (2, 3) or f.fd < 0:
        mode = S_IFCHR if f.ftype == 2 or f.fd < 0 else S_IFIFO
        if f.ftype == 3:
            mode |= S_IREAD | S_IWRITE
        return fd, _perm(mode) if f.ftype == 3 else mode, 1, 0, 0, 0, 0
    try:
        st = os.fstat(f.fd)
    except OSError:
        set_errno(m, EBADF)
        return None
    mode = S_IFREG | S_IREAD | (S_IWRITE if st.st_mode & 0o200 else 0)
    if f.is_dir:
        mode = S_IFDIR | S_IREAD | S_IEXEC | S_IWRITE
    return fd, _perm(mode), st.st_nlink, st.st_size, int(st.st_atime), int(st.st_mtime), int(st.st_ctime)


def _put_stat(m: "Machine", buf: int, f: tuple, kind: str) -> None:
    dev, mode, nlink, size, at, mt, ct = f
    if kind == "32":  # struct _stat
        m.mem.write(buf, struct.pack("<IHHhhhHIiiii", dev, 0, mode, nlink, 0, 0, 0, dev, min(size, 0x7FFFFFFF),
                                     at, mt, ct))
    elif kind == "i64":  # struct _stati64
        m.mem.write(buf, struct.pack("<IHHhhhHIIqiiiI", dev, 0, mode, nlink, 0, 0, 0, dev, 0, size, at, mt, ct, 0))
    else:  # struct _stat64
        m.mem.write(buf, struct.pack("<IHHhhhHIIqqqq", dev, 0, mode, nlink, 0, 0, 0, dev, 0, size, at, mt, ct))


def _stat_decl(name: str, wide: bool, kind: str) -> None:
    def fn(m: "Machine", path: PTR, buffer: PTR) -> INT:
        p = (m.mem.wstr(path) if wide else m.mem.cstr(path, m.ansi)) if path else None
        f = _stat_fields(m, p)
        if f is None:
            return -1
        _put_stat(m, buffer, f, kind)
        return 0

    fn.__name__ = name
    fn.__doc__ = "File status by name (st_mode type and permission bits, size, times); 0 or -1 (ENOENT)."
    cdecl(D, name=name)(fn)


def _fstat_decl(name: str, kind: str) -> None:
    def fn(m: "Machine", fd: INT, buffer: PTR) -> INT:
        f = _fstat_fields(m, fd)
        if f is None:
            return -1
        _put_stat(m, buffer, f, kind)
        return 0

    fn.__name__ = name
    fn.__doc__ = "File status of an open descriptor; 0 or -1 (EBADF)."
    cdecl(D, name=name)(fn)


for _n, _w, _k in (("_stat", False, "32"), ("_stat32", False, "32"), ("_stati64", False, "i64"),
                   ("_stat64", False, "64"), ("_wstat", True, "32"), ("_wstat32", True, "32"),
                   ("_wstati64", True, "i64"), ("_wstat64", True, "64")):
    _stat_decl(_n, _w, _k)
for _n, _k in (("_fstat", "32"), ("_fstat32", "32"), ("_fstati64", "i64"), ("_fstat64", "64")):
    _fstat_decl(_n, _k)


def _utime_impl(m: "Machine", path: str | int | None, times: int, is64: bool) -> int:
    hp = _host(m, path, write=True)
    if hp is None:
        return -1
    if times:
        at, mt = m.mem.unpack("<qq" if is64 else "<ii", times)
    else:
        at = mt = int(_time.time())
    try:
        os.utime(hp, (at, mt))
    except OSError:
        set_errno(m, EACCES)
        return -1
    return 0


def _utime_decl(name: str, wide: bool, is64: bool) -> None:
    def fn(m: "Machine", filename: PTR, times: PTR) -> INT:
        p = (m.mem.wstr(filename) if wide else m.mem.cstr(filename, m.ansi)) if filename else None
        return _utime_impl(m, p, times, is64)

    fn.__name__ = name
    fn.__doc__ = "Set access and modification times (struct _utimbuf; NULL = now); 0 or -1."
    cdecl(D, name=name)(fn)


for _n, _w, _b in (("_utime", False, False), ("_utime32", False, False), ("_utime64", False, True),
                   ("_wutime", True, False), ("_wutime32", True, False), ("_wutime64", True, True)):
    _utime_decl(_n, _w, _b)


def _futime_impl(m: "Machine", fd: int, filetime: int, is64: bool) -> int:
    fdo = get_fd(m, fd)
    f = file_of(m, fdo) if fdo else None
    if f is None or f.fd < 0:
        set_errno(m, EBADF)
        return -1
    if filetime:
        at, mt = m.mem.unpack("<qq" if is64 else "<ii", filetime)
    else:
        at = mt = int(_time.time())
    try:
        os.utime(f.fd, (at, mt))
    except OSError:
        set_errno(m, EINVAL)
        return -1
    return 0


@cdecl(D)
def _futime(m: "Machine", fd: INT, filetime: PTR) -> INT:
    """_utime on an open descriptor."""
    return _futime_impl(m, fd, filetime, False)


@cdecl(D)
def _futime32(m: "Machine", fd: INT, filetime: PTR) -> INT:
    """_futime with 32-bit times."""
    return _futime_impl(m, fd, filetime, False)


@cdecl(D)
def _futime64(m: "Machine", fd: INT, filetime: PTR) -> INT:
    """_futime with 64-bit times."""
    return _futime_impl(m, fd, filetime, True)


@cdecl(D)
def _getdiskfree(m: "Machine", drive: UINT, driveinfo: PTR) -> UINT:
    """struct _diskfree_t (total/available clusters, sectors per cluster, bytes per sector) of a drive
    (0 = current, 1 = A:); 0, or the Windows error."""
    root = m.fs.getcwd()[:3] if drive == 0 else chr(64 + drive) + ":\\"
    r = k32._disk_free(m, root) if drive <= 26 else None
    if r is None:
        err = m.get_last_error() or 15
        set_errno(m, EACCES)
        return err
    avail, total = r
    cluster = 4096
    m.mem.pack("<IIII", driveinfo, total // cluster, avail // cluster, 8, 512)
    return 0


@cdecl(D)
def _getdrives(m: "Machine") -> UINT:
    """Bit mask of the existing drives (bit 0 = A:)."""
    return sum(1 << (ord(k) - ord("A")) for k in m.fs.drives)


# ---- directory searches ------------------------------------------------------------------------------
def _scratch(m: "Machine") -> int:
    c = crt(m)
    a = c.extra.get("find_scratch")
    if a is None:
        a = heap(m).alloc(600)
        c.extra["find_scratch"] = a
    return a  # type: ignore[no-any-return]


def _time_t(ft: int) -> int:
    return ft // 10_000_000 - EPOCH_DELTA if ft else -1


def _put_find(m: "Machine", out: int, wfd: int, wide: bool, kind: str) -> None:
    """WIN32_FIND_DATA -> _finddata_t ("32"), _finddatai64_t ("i64") or __finddata64_t ("64")."""
    attrs, ct, at, wt, hi, lo = struct.unpack_from("<IQQQII", m.mem.read(wfd, 36))
    name = m.mem.read(wfd + 44, 520 if wide else 260)
    attrs = 0 if attrs == 0x80 else attrs
    size = (hi << 32) | lo
    if kind == "64":
        blob = struct.pack("<IIqqqq", attrs, 0, _time_t(ct), _time_t(at), _time_t(wt), size) + name
        blob += bytes((-len(blob)) % 8)
    elif kind == "i64":
        blob = struct.pack("<Iiiiq", attrs, _time_t(ct), _time_t(at), _time_t(wt), size) + name
        blob += bytes((-len(blob)) % 8)
    else:
        blob = struct.pack("<IiiiI", attrs, _time_t(ct), _time_t(at), _time_t(wt), size & 0xFFFFFFFF) + name
    m.mem.write(out, blob)


def _findfirst_impl(m: "Machine", spec: str | int | None, out: int, wide: bool, kind: str) -> int:
    buf = _scratch(m)
    h = k32._find_first(m, spec, buf, wide)
    if h == INVALID_HANDLE_VALUE:
        err = m.get_last_error()
        set_errno(m, ENOENT if err in (2, 3, 18) else EINVAL)
        return -1
    _put_find(m, out, buf, wide, kind)
    return h


def _findnext_impl(m: "Machine", h: int, out: int, wide: bool, kind: str) -> int:
    buf = _scratch(m)
    if not k32._find_next(m, h, buf, wide):
        err = m.get_last_error()
        set_errno(m, ENOENT if err == 18 else EINVAL)
        return -1
    _put_find(m, out, buf, wide, kind)
    return 0


def _find_decls(suffix: str, wide: bool, kind: str) -> None:
    spec_t = LPCWSTR if wide else LPCSTR
    first = ("_wfindfirst" if wide else "_findfirst") + suffix
    nxt = ("_wfindnext" if wide else "_findnext") + suffix

    def ff(m: "Machine", filespec: PTR, fileinfo: PTR) -> INT:
        return _findfirst_impl(m, filespec, fileinfo, wide, kind)

    ff.__annotations__["filespec"] = spec_t

    def fn(m: "Machine", handle: INT, fileinfo: PTR) -> INT:
        return _findnext_impl(m, handle & 0xFFFFFFFF, fileinfo, wide, kind)

    ff.__name__, fn.__name__ = first, nxt
    ff.__doc__ = "Start a wildcard search; a search handle (-1 and ENOENT when nothing matches)."
    fn.__doc__ = "Next match of a search; 0, or -1 and ENOENT at the end."
    cdecl(D, name=first)(ff)
    cdecl(D, name=nxt)(fn)


for _w in (False, True):
    for _s, _k in (("", "32"), ("32", "32"), ("i64", "i64"), ("32i64", "i64"), ("64", "64")):
        _find_decls(_s, _w, _k)


@cdecl(D)
def _findclose(m: "Machine", handle: INT) -> INT:
    """End a search; 0, or -1 and ENOENT for a bad handle."""
    if not isinstance(m.handles.get(handle & 0xFFFFFFFF), k32.FindHandle):
        set_errno(m, ENOENT)
        return -1
    m.handles.close(handle & 0xFFFFFFFF)
    return 0


# ---- path names ---------------------------------------------------------------------------------------
def split_path(path: str) -> tuple[str, str, str, str]:
    drive = path[:2] if len(path) >= 2 and path[1] == ":" else ""
    rest = path[len(drive):]
    cut = max(rest.rfind("\\"), rest.rfind("/")) + 1
    d, name = rest[:cut], rest[cut:]
    dot = name.rfind(".")
    if dot >= 0:
        return drive, d, name[:dot], name[dot:]
    return drive, d, name, ""


def _splitpath_impl(m: "Machine", path: str, outs: tuple[int, int, int, int], wide: bool) -> None:
    for p, part in zip(outs, split_path(path)):
        if p:
            if wide:
                m.mem.write_wstr(p, part)
            else:
                m.mem.write_cstr(p, part, m.ansi)


@cdecl(D)
def _splitpath(m: "Machine", path: LPCSTR, drive: PTR, dir: PTR, fname: PTR, ext: PTR) -> None:  # noqa: A002
    """Split a path into drive, directory (with trailing slash), base name and extension (with dot)."""
    _splitpath_impl(m, path if isinstance(path, str) else "", (drive, dir, fname, ext), False)


@cdecl(D)
def _wsplitpath(m: "Machine", path: LPCWSTR, drive: PTR, dir: PTR, fname: PTR, ext: PTR) -> None:  # noqa: A002
    """Wide _splitpath."""
    _splitpath_impl(m, path if isinstance(path, str) else "", (drive, dir, fname, ext), True)


def make_path(drive: str, d: str, fname: str, ext: str) -> str:
    out = ""
    if drive:
        out += drive[0] + ":"
    if d:
        out += d
        if d[-1] not in "\\/":
            out += "\\"
    out += fname
    if ext:
        if ext[0] != ".":
            out += "."
        out += ext
    return out


@cdecl(D)
def _makepath(m: "Machine", path: PTR, drive: LPCSTR, dir: LPCSTR, fname: LPCSTR, ext: LPCSTR) -> None:  # noqa: A002
    """Build a path from its parts (adding ':', '\\' and '.' where needed)."""
    parts = [_str(x) or "" for x in (drive, dir, fname, ext)]
    m.mem.write_cstr(path, make_path(*parts), m.ansi)


@cdecl(D)
def _wmakepath(m: "Machine", path: PTR, drive: LPCWSTR, dir: LPCWSTR, fname: LPCWSTR, ext: LPCWSTR) -> None:  # noqa: A002
    """Wide _makepath."""
    parts = [_str(x) or "" for x in (drive, dir, fname, ext)]
    m.mem.write_wstr(path, make_path(*parts))


# ---- temporary names ---------------------------------------------------------------------------------
def _b32(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuv"
    out = ""
    while True:
        n, d = divmod(n, 32)
        out = digits[d] + out
        if not n:
            return out


def _exists(m: "Machine", guest: str) -> bool:
    try:
        return os.path.lexists(m.fs.host_path(guest))
    except Exception:  # noqa: BLE001 - unreachable names count as taken
        return True


def tmpnam_text(m: "Machine") -> str:
    c = crt(m)
    n = c.extra.get("tmpnam_n", 0)
    base = "\\s" + _b32(m.proc.pid) + "."
    while True:
        name = base + (_b32(n) if n else "")
        n += 1
        if not _exists(m, name):
            break
    c.extra["tmpnam_n"] = n
    return name


@cdecl(D)
def tmpnam(m: "Machine", string: PTR) -> PTR:
    """A name not naming an existing file, "\\s<pid>.<n>" in the current drive's root (static buffer if NULL)."""
    name = tmpnam_text(m)
    if not string:
        c = crt(m)
        string = c.extra.get("tmpnam_buf") or m.proc.alloc_static(260)
        c.extra["tmpnam_buf"] = string
    m.mem.write_cstr(string, name, m.ansi)
    return string


@cdecl(D)
def _wtmpnam(m: "Machine", string: PTR) -> PTR:
    """Wide tmpnam."""
    name = tmpnam_text(m)
    if not string:
        c = crt(m)
        string = c.extra.get("wtmpnam_buf") or m.proc.alloc_static(520)
        c.extra["wtmpnam_buf"] = string
    m.mem.write_wstr(string, name)
    return string


def tempnam_text(m: "Machine", dir: str | int | None, prefix: str | int | None) -> str:  # noqa: A002
    from .stdlib import _find_env  # noqa: PLC0415
    from .startup import env_list  # noqa: PLC0415
    folder = None
    i = _find_env(m, "TMP")
    if i >= 0:
        cand = env_list(m)[i].split("=", 1)[1]
        if k32.get_attributes(m, cand) != 0xFFFFFFFF:
            folder = cand
    if folder is None and isinstance(dir, str) and k32.get_attributes(m, dir) != 0xFFFFFFFF:
        folder = dir
    if folder is None:
        folder = "\\"
    pre = prefix if isinstance(prefix, str) else ""
    c = crt(m)
    n = c.extra.get("tempnam_n", 1)
    while True:
        name = folder.rstrip("\\/") + "\\" + pre + str(n)
        n += 1
        if not _exists(m, name):
            break
    c.extra["tempnam_n"] = n
    return name


@cdecl(D)
def _tempnam(m: "Machine", dir: LPCSTR, prefix: LPCSTR) -> PTR:  # noqa: A002
    """malloc'ed unique name in %TMP% (or dir, or the root) starting with prefix."""
    data = tempnam_text(m, dir, prefix).encode(m.ansi, "replace") + b"\0"
    p = heap(m).alloc(len(data))
    m.mem.write(p, data)
    return p


@cdecl(D)
def _wtempnam(m: "Machine", dir: LPCWSTR, prefix: LPCWSTR) -> PTR:  # noqa: A002
    """Wide _tempnam."""
    data = tempnam_text(m, dir, prefix).encode("utf-16-le") + b"\0\0"
    p = heap(m).alloc(len(data))
    m.mem.write(p, data)
    return p


def mktemp_text(m: "Machine", s: str) -> str | None:
    if not s.endswith("XXXXXX"):
        set_errno(m, EINVAL)
        return None
    stem = s[:-6]
    pid = "%05d" % (m.proc.pid % 100000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        name = stem + letter + pid
        if not _exists(m, name):
            return name
    set_errno(m, EEXIST)
    return None


@cdecl(D)
def _mktemp(m: "Machine", template: PTR) -> PTR:
    """Replace the trailing XXXXXX with a letter and the process id so the name is unused; NULL if none."""
    name = mktemp_text(m, m.mem.cstr(template, m.ansi))
    if name is None:
        return 0
    m.mem.write_cstr(template, name, m.ansi)
    return template


@cdecl(D)
def _wmktemp(m: "Machine", template: PTR) -> PTR:
    """Wide _mktemp."""
    name = mktemp_text(m, m.mem.wstr(template))
    if name is None:
        return 0
    m.mem.write_wstr(template, name)
    return template
