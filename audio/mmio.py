"""winmm multimedia file I/O (mmio*): buffered and unbuffered files, memory files and RIFF chunks.

An HMMIO is either a file of the sandboxed file system (the DOS I/O procedure: paths resolved like
CreateFile's) or a memory file (FOURCC_MEM: the MMIOINFO's pchBuffer, or a buffer mmio allocates, growing by
adwInfo[0] bytes when that is non-zero). A file is unbuffered unless it was opened with MMIO_ALLOCBUF (an
mmio-allocated buffer, cchBuffer bytes or 8 KB) or with an MMIOINFO naming the program's own buffer; a memory
file is always its own buffer.

The I/O buffer lives in guest memory and its state is the MMIOINFO's: ``lBufOffset`` is the file offset of
``pchBuffer``, the current position is ``pchNext``, valid data ends at ``pchEndRead`` and the buffer at
``pchEndWrite``. mmioGetInfo hands that state to the program, which may read and write the buffer directly and
give it back with mmioSetInfo (MMIO_DIRTY: it wrote) or mmioAdvance (write the dirty buffer and/or refill it
from the current position). A dirty buffer is written back before it moves, on mmioFlush and on mmioClose.

Installable I/O procedures (mmioInstallIOProc, a pIOProc in MMIOINFO) are not supported: mmioOpen fails.
"""
from __future__ import annotations

import os
import struct
from typing import IO, TYPE_CHECKING

from emu.api import DWORD, LONG, PTR, UINT, stdcall
from emu.memory import GuestMemoryError

if TYPE_CHECKING:
    from emu.machine import Machine

MMIO_READ, MMIO_WRITE, MMIO_READWRITE = 0x0, 0x1, 0x2
MMIO_CREATE = 0x1000
MMIO_PARSE = 0x100
MMIO_DELETE = 0x200
MMIO_EXIST = 0x4000
MMIO_ALLOCBUF = 0x10000
MMIO_GETTEMP = 0x20000
MMIO_DIRTY = 0x10000000
MMIO_FHOPEN = 0x10  # mmioClose
MMIO_EMPTYBUF = 0x10  # mmioFlush
MMIO_TOUPPER = 0x10  # mmioStringToFOURCC
MMIO_FINDCHUNK, MMIO_FINDRIFF, MMIO_FINDLIST = 0x10, 0x20, 0x40
MMIO_CREATERIFF, MMIO_CREATELIST = 0x20, 0x40
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2

MMSYSERR_INVALHANDLE = 5
MMSYSERR_INVALPARAM = 11
MMIOERR_FILENOTFOUND = 257
MMIOERR_OUTOFMEMORY = 258
MMIOERR_CANNOTOPEN = 259
MMIOERR_CANNOTCLOSE = 260
MMIOERR_CANNOTREAD = 261
MMIOERR_CANNOTWRITE = 262
MMIOERR_CANNOTSEEK = 263
MMIOERR_CANNOTEXPAND = 264
MMIOERR_CHUNKNOTFOUND = 265
MMIOERR_UNBUFFERED = 266
MMIOERR_PATHNOTFOUND = 267
MMIOERR_ACCESSDENIED = 268

DEFAULT_BUFFER = 8192
MMIOINFO_SIZE = 72
MMCKINFO_SIZE = 20
HANDLE_BASE = 0x3000


def fourcc(s: bytes) -> int:
    """A FOURCC from up to four characters (padded with spaces)."""
    return int.from_bytes(s[:4].ljust(4, b" "), "little")


FOURCC_DOS = fourcc(b"DOS ")
FOURCC_MEM = fourcc(b"MEM ")
FOURCC_RIFF = fourcc(b"RIFF")
FOURCC_LIST = fourcc(b"LIST")


class MmioFile:
    """One open HMMIO."""

    def __init__(self, m: "Machine", handle: int, f: IO[bytes] | None, flags: int, fcc: int) -> None:
        self.m = m
        self.handle = handle
        self.f = f  # None: a memory file
        self.flags = flags & ~MMIO_ALLOCBUF & 0xFFFFFFF
        self.fcc = fcc
        self.buf = 0  # guest address of the I/O buffer (0: unbuffered)
        self.cch = 0
        self.own = False  # mmio allocated the buffer
        self.grow = 0  # memory files: expansion step (bytes)
        self.off = 0  # lBufOffset
        self.nxt = 0  # pchNext - pchBuffer
        self.end = 0  # pchEndRead - pchBuffer
        self.dirty = False
        self.pos = 0  # unbuffered position

    # ---- state ---------------------------------------------------------------------------------
    @property
    def memory(self) -> bool:
        return self.f is None

    @property
    def readable(self) -> bool:
        return self.memory or self.flags & 3 != MMIO_WRITE

    @property
    def writable(self) -> bool:
        return self.memory or self.flags & 3 in (MMIO_WRITE, MMIO_READWRITE) or bool(self.flags & MMIO_CREATE)

    def tell(self) -> int:
        return self.off + self.nxt if self.buf else self.pos

    def size(self) -> int:
        if self.f is None:
            return self.end
        n = os.fstat(self.f.fileno()).st_size
        return max(n, self.off + self.end) if self.buf and self.dirty else n

    # ---- the buffer ----------------------------------------------------------------------------
    def flush(self) -> bool:
        """Write a dirty buffer to the file."""
        if self.f is None or not self.buf or not self.dirty:
            return True
        try:
            data = self.m.mem.read(self.buf, self.end)
            self.f.seek(self.off)
            self.f.write(data)
            self.f.flush()
        except (OSError, GuestMemoryError):
            return False
        self.dirty = False
        return True

    def refill(self) -> bool:
        """Move the buffer to the current position (writing it first when dirty) and fill it from the file."""
        if self.f is None:
            return True
        p = self.off + self.nxt
        if not self.flush():
            return False
        self.off, self.nxt, self.end = p, 0, 0
        if self.readable:
            try:
                self.f.seek(p)
                data = self.f.read(self.cch)
            except OSError:
                return False
            self.m.mem.write(self.buf, data)
            self.end = len(data)
        return True

    def expand(self, need: int) -> bool:
        """Grow an mmio-allocated memory file so that it holds ``need`` bytes."""
        if not (self.memory and self.own and self.grow):
            return False
        from emu.kernel32.heap import process_heap  # noqa: PLC0415

        n = self.cch
        while n < need:
            n += self.grow
        new = process_heap(self.m).realloc(self.buf, n, zero=True)
        if not new:
            return False
        self.buf, self.cch = new, n
        return True

    # ---- I/O -----------------------------------------------------------------------------------
    def read(self, n: int) -> bytes | None:
        if not self.readable:
            return None
        if not self.buf:
            try:
                self.f.seek(self.pos)  # type: ignore[union-attr]
                data = self.f.read(n)  # type: ignore[union-attr]
            except OSError:
                return None
            self.pos += len(data)
            return data
        out = bytearray()
        while n > 0:
            avail = self.end - self.nxt
            if avail <= 0:
                if self.memory or not self.refill() or self.end == 0:
                    break
                continue
            take = min(avail, n)
            out += self.m.mem.read(self.buf + self.nxt, take)
            self.nxt += take
            n -= take
        return bytes(out)

    def write(self, data: bytes) -> int:
        """Bytes written, or -1."""
        if not self.writable:
            return -1
        if not self.buf:
            try:
                self.f.seek(self.pos)  # type: ignore[union-attr]
                self.f.write(data)  # type: ignore[union-attr]
            except OSError:
                return -1
            self.pos += len(data)
            return len(data)
        i = 0
        while i < len(data):
            room = self.cch - self.nxt
            if room <= 0:
                if self.memory:
                    if not self.expand(self.nxt + len(data) - i):
                        break
                    continue
                if not self.flush():
                    return i or -1
                self.off, self.nxt, self.end = self.off + self.nxt, 0, 0
                continue
            take = min(room, len(data) - i)
            self.m.mem.write(self.buf + self.nxt, data[i:i + take])
            self.nxt += take
            self.end = max(self.end, self.nxt)
            i += take
            if not self.memory:
                self.dirty = True
        return i

    def seek(self, offset: int, origin: int) -> int:
        """The new position, or -1."""
        if origin == SEEK_SET:
            new = offset
        elif origin == SEEK_CUR:
            new = self.tell() + offset
        elif origin == SEEK_END:
            new = self.size() + offset
        else:
            return -1
        if new < 0:
            return -1
        if not self.buf:
            self.pos = new
        elif self.memory:
            if new > self.end:
                return -1
            self.nxt = new
        elif self.off <= new <= self.off + self.end:
            self.nxt = new - self.off
        else:
            if not self.flush():
                return -1
            self.off, self.nxt, self.end = new, 0, 0
        return new

    # ---- MMIOINFO ------------------------------------------------------------------------------
    def info(self) -> bytes:
        flags = self.flags | (MMIO_DIRTY if self.dirty else 0)
        b = self.buf
        if b:
            bufs = (self.cch, b, b + self.nxt, b + self.end, b + self.cch, self.off, self.off + self.end)
        else:
            bufs = (0, 0, 0, 0, 0, self.pos, self.pos)
        return struct.pack("<5IiIIIIii3I3I", flags, self.fcc, 0, 0, 0, *bufs, self.grow, 0, 0, 0, 0,
                           self.handle)

    def set_info(self, p: int) -> None:
        flags, = self.m.mem.unpack("<I", p)
        nxt, endr = self.m.mem.unpack("<II", p + 28)
        if not self.buf:
            return
        self.nxt = min(max(nxt - self.buf, 0), self.cch)
        self.end = min(max(endr - self.buf, 0), self.cch)
        if flags & MMIO_DIRTY:
            self.end = max(self.end, self.nxt)
            if not self.memory:
                self.dirty = True

    def close(self) -> bool:
        ok = self.flush()
        if self.f is not None:
            try:
                self.f.close()
            except OSError:
                ok = False
        if self.own and self.buf:
            from emu.kernel32.heap import process_heap  # noqa: PLC0415

            process_heap(self.m).free(self.buf)
        self.buf = 0
        return ok


# ---- handles ---------------------------------------------------------------------------------------
def _st(m: "Machine") -> dict:
    st = m.state.get("mmio")
    if st is None:
        st = m.state["mmio"] = {"files": {}, "next": HANDLE_BASE}
        m.state.setdefault("exit_hooks", []).append(lambda: [f.close() for f in list(st["files"].values())])
    return st


def _get(m: "Machine", h: int) -> MmioFile | None:
    return _st(m)["files"].get(h)


def _alloc(m: "Machine", n: int) -> int:
    from emu.kernel32.heap import process_heap  # noqa: PLC0415

    return process_heap(m).alloc(n, zero=True)


def _fail(m: "Machine", info: int, err: int) -> int:
    if info:
        m.mem.pack("<I", info + 12, err)
    return 0


def _open(m: "Machine", pname: int, info: int, flags: int, wide: bool) -> int:
    from emu.kernel32.file import resolve  # noqa: PLC0415
    from emu.sandbox import PathError  # noqa: PLC0415

    fcc = proc = cch = pbuf = adw0 = 0
    if info:
        _f, fcc, proc, _e, _t, cch, pbuf = m.mem.unpack("<7I", info)
        adw0 = m.mem.u32(info + 48)
    name = (m.mem.wstr(pname) if wide else m.mem.cstr(pname)) if pname else None
    if proc or fcc not in (0, FOURCC_DOS, FOURCC_MEM):
        m.log(f"mmioOpen({name!r}): installable I/O procedures are not supported")
        return _fail(m, info, MMIOERR_CANNOTOPEN)
    st = _st(m)
    if fcc == FOURCC_MEM:
        if flags & (MMIO_PARSE | MMIO_EXIST | MMIO_DELETE) or cch <= 0 or cch > 0x7FFFFFFF:
            return _fail(m, info, MMSYSERR_INVALPARAM)
        mf = MmioFile(m, st["next"], None, flags, FOURCC_MEM)
        mf.cch, mf.end, mf.grow = cch, cch, adw0
        if pbuf:
            mf.buf = pbuf
        else:
            mf.buf = _alloc(m, cch)
            mf.own = True
            if not mf.buf:
                return _fail(m, info, MMIOERR_OUTOFMEMORY)
    else:
        if not name:
            return _fail(m, info, MMIOERR_CANNOTOPEN)  # a DOS file handle in adwInfo[0] is not supported
        if flags & MMIO_PARSE:
            try:
                full = m.fs.normalize(name)
            except PathError:
                return _fail(m, info, MMIOERR_PATHNOTFOUND)
            if wide:
                m.mem.write_wstr(pname, full)
            else:
                m.mem.write_cstr(pname, full)
            return 1
        access = flags & 3
        create = bool(flags & MMIO_CREATE)
        hp = resolve(m, name, write=bool(access or create or flags & MMIO_DELETE))
        if hp is None:
            return _fail(m, info, MMIOERR_ACCESSDENIED if m.get_last_error() == 5 else MMIOERR_PATHNOTFOUND)
        if flags & MMIO_EXIST:
            return 1 if os.path.isfile(hp) else 0
        if flags & MMIO_DELETE:
            try:
                os.remove(hp)
            except OSError:
                return _fail(m, info, MMIOERR_FILENOTFOUND)
            return 1
        mode = "w+b" if create else ("rb" if access == MMIO_READ else "r+b")
        try:
            f = open(hp, mode)  # noqa: SIM115 - the HMMIO owns the file until mmioClose
        except FileNotFoundError:
            return _fail(m, info, MMIOERR_FILENOTFOUND if os.path.isdir(os.path.dirname(hp) or ".")
                         else MMIOERR_PATHNOTFOUND)
        except PermissionError:
            return _fail(m, info, MMIOERR_ACCESSDENIED)
        except OSError:
            return _fail(m, info, MMIOERR_CANNOTOPEN)
        mf = MmioFile(m, st["next"], f, flags, FOURCC_DOS)
        if pbuf and cch > 0:
            mf.buf, mf.cch = pbuf, cch
        elif flags & MMIO_ALLOCBUF:
            mf.cch = cch if cch > 0 else DEFAULT_BUFFER
            mf.buf = _alloc(m, mf.cch)
            mf.own = True
            if not mf.buf:
                f.close()
                return _fail(m, info, MMIOERR_OUTOFMEMORY)
    st["files"][mf.handle] = mf
    st["next"] += 4
    if info:
        m.mem.pack("<I", info + 12, 0)
    return mf.handle


# ---- API ------------------------------------------------------------------------------------------
@stdcall("winmm")
def mmioOpenA(m: "Machine", pszFileName: PTR, pmmioinfo: PTR, fdwOpen: DWORD) -> DWORD:
    """Open a file (MMIO_READ/WRITE/READWRITE, MMIO_CREATE, MMIO_ALLOCBUF) or a memory file (FOURCC_MEM);
    MMIO_PARSE/EXIST/DELETE act on the name. Returns an HMMIO, or NULL with wErrorRet set."""
    return _open(m, pszFileName, pmmioinfo, fdwOpen, False)


@stdcall("winmm")
def mmioOpenW(m: "Machine", pszFileName: PTR, pmmioinfo: PTR, fdwOpen: DWORD) -> DWORD:
    """Wide mmioOpen."""
    return _open(m, pszFileName, pmmioinfo, fdwOpen, True)


@stdcall("winmm")
def mmioClose(m: "Machine", hmmio: DWORD, fuClose: UINT) -> UINT:
    """Write a dirty buffer, close the file and free an mmio-allocated buffer."""
    mf = _get(m, hmmio)
    if mf is None:
        return MMSYSERR_INVALHANDLE
    del _st(m)["files"][hmmio]
    return 0 if mf.close() else MMIOERR_CANNOTWRITE


@stdcall("winmm")
def mmioRead(m: "Machine", hmmio: DWORD, pch: PTR, cch: LONG) -> LONG:
    """Read up to cch bytes at the current position: the count read (0 at the end), or -1."""
    mf = _get(m, hmmio)
    if mf is None or cch < 0:
        return -1
    data = mf.read(cch)
    if data is None:
        return -1
    try:
        m.mem.write(pch, data)
    except GuestMemoryError:
        return -1
    return len(data)


@stdcall("winmm")
def mmioWrite(m: "Machine", hmmio: DWORD, pch: PTR, cch: LONG) -> LONG:
    """Write cch bytes at the current position: the count written, or -1."""
    mf = _get(m, hmmio)
    if mf is None or cch < 0:
        return -1
    try:
        data = m.mem.read(pch, cch)
    except GuestMemoryError:
        return -1
    return mf.write(data)


@stdcall("winmm")
def mmioSeek(m: "Machine", hmmio: DWORD, lOffset: LONG, iOrigin: LONG) -> LONG:
    """Move the position (SEEK_SET/CUR/END): the new offset from the start, or -1."""
    mf = _get(m, hmmio)
    if mf is None:
        return -1
    return mf.seek(lOffset, iOrigin)


@stdcall("winmm")
def mmioFlush(m: "Machine", hmmio: DWORD, fuFlush: UINT) -> UINT:
    """Write the I/O buffer if it is dirty (MMIO_EMPTYBUF: and empty it)."""
    mf = _get(m, hmmio)
    if mf is None:
        return MMSYSERR_INVALHANDLE
    if not mf.flush():
        return MMIOERR_CANNOTWRITE
    if fuFlush & MMIO_EMPTYBUF and mf.buf and not mf.memory:
        mf.off, mf.nxt, mf.end = mf.off + mf.nxt, 0, 0
    return 0


@stdcall("winmm")
def mmioGetInfo(m: "Machine", hmmio: DWORD, pmmioinfo: PTR, fuInfo: UINT) -> UINT:
    """Copy the file's MMIOINFO (its I/O buffer pointers) for direct buffer access."""
    mf = _get(m, hmmio)
    if mf is None:
        return MMSYSERR_INVALHANDLE
    if not pmmioinfo:
        return MMSYSERR_INVALPARAM
    m.mem.write(pmmioinfo, mf.info())
    return 0


@stdcall("winmm")
def mmioSetInfo(m: "Machine", hmmio: DWORD, pmmioinfo: PTR, fuInfo: UINT) -> UINT:
    """Take back the buffer state after direct access (pchNext, pchEndRead, MMIO_DIRTY)."""
    mf = _get(m, hmmio)
    if mf is None:
        return MMSYSERR_INVALHANDLE
    if not pmmioinfo:
        return MMSYSERR_INVALPARAM
    mf.set_info(pmmioinfo)
    return 0


@stdcall("winmm")
def mmioAdvance(m: "Machine", hmmio: DWORD, pmmioinfo: PTR, fuAdvance: UINT) -> UINT:
    """Write the buffer if dirty and refill it from the current position (MMIO_READ) or make room for writing
    (MMIO_WRITE); updates the MMIOINFO. At the end of the file pchNext == pchEndRead."""
    mf = _get(m, hmmio)
    if mf is None:
        return MMSYSERR_INVALHANDLE
    if not mf.buf:
        return MMIOERR_UNBUFFERED
    if pmmioinfo:
        mf.set_info(pmmioinfo)
    if mf.memory:
        if fuAdvance & MMIO_WRITE and mf.nxt >= mf.cch and not mf.expand(mf.cch + 1):
            return MMIOERR_CANNOTEXPAND
    elif fuAdvance & MMIO_WRITE:
        if not mf.flush():
            return MMIOERR_CANNOTWRITE
        mf.off, mf.nxt, mf.end = mf.off + mf.nxt, 0, 0
        if mf.readable and not mf.refill():
            return MMIOERR_CANNOTREAD
    elif not mf.refill():
        return MMIOERR_CANNOTREAD
    if pmmioinfo:
        m.mem.write(pmmioinfo, mf.info())
    return 0


def _ck(m: "Machine", p: int) -> tuple[int, int, int, int, int]:
    return m.mem.unpack("<5I", p)


@stdcall("winmm")
def mmioDescend(m: "Machine", hmmio: DWORD, pmmcki: PTR, pmmckiParent: PTR, fuDescend: UINT) -> UINT:
    """Enter the RIFF chunk at the current position, or search forward (inside the parent) for a chunk ID
    (MMIO_FINDCHUNK), a RIFF form (MMIO_FINDRIFF) or a LIST type (MMIO_FINDLIST); fills MMCKINFO."""
    mf = _get(m, hmmio)
    if mf is None:
        return MMSYSERR_INVALHANDLE
    if not pmmcki:
        return MMSYSERR_INVALPARAM
    want_id, _s, want_type, _o, _f = _ck(m, pmmcki)
    limit = None
    if pmmckiParent:
        _i, psize, _t, poff, _pf = _ck(m, pmmckiParent)
        limit = poff + psize
    find = fuDescend & (MMIO_FINDCHUNK | MMIO_FINDRIFF | MMIO_FINDLIST)
    while True:
        start = mf.tell()
        if limit is not None and start + 8 > limit:
            return MMIOERR_CHUNKNOTFOUND
        hdr = mf.read(8)
        if hdr is None or len(hdr) < 8:
            return MMIOERR_CHUNKNOTFOUND
        ckid, size = struct.unpack("<II", hdr)
        fcc = 0
        if ckid in (FOURCC_RIFF, FOURCC_LIST):
            t = mf.read(4)
            if t is None or len(t) < 4:
                return MMIOERR_CHUNKNOTFOUND
            fcc = struct.unpack("<I", t)[0]
        if find == MMIO_FINDCHUNK:
            hit = ckid == want_id
        elif find == MMIO_FINDRIFF:
            hit = ckid == FOURCC_RIFF and (fcc == want_type or not want_type)
        elif find == MMIO_FINDLIST:
            hit = ckid == FOURCC_LIST and (fcc == want_type or not want_type)
        else:
            hit = True
        if hit:
            m.mem.pack("<5I", pmmcki, ckid, size, fcc, start + 8, 0)
            return 0
        if mf.seek(start + 8 + size + (size & 1), SEEK_SET) < 0:
            return MMIOERR_CHUNKNOTFOUND


@stdcall("winmm")
def mmioAscend(m: "Machine", hmmio: DWORD, pmmcki: PTR, fuAscend: UINT) -> UINT:
    """Leave a chunk: seek past its end (and pad byte); for a chunk made by mmioCreateChunk, first write its
    real size and the pad byte."""
    mf = _get(m, hmmio)
    if mf is None:
        return MMSYSERR_INVALHANDLE
    if not pmmcki:
        return MMSYSERR_INVALPARAM
    _id, size, _t, off, flags = _ck(m, pmmcki)
    if flags & MMIO_DIRTY:
        actual = mf.tell() - off
        if actual < 0:
            return MMIOERR_CANNOTSEEK
        if actual != size:
            if mf.seek(off - 4, SEEK_SET) < 0 or mf.write(struct.pack("<I", actual)) != 4:
                return MMIOERR_CANNOTWRITE
            size = actual
            m.mem.pack("<I", pmmcki + 4, size)
        if mf.seek(off + size, SEEK_SET) < 0:
            return MMIOERR_CANNOTSEEK
        if size & 1 and mf.write(b"\0") != 1:
            return MMIOERR_CANNOTWRITE
        m.mem.pack("<I", pmmcki + 16, flags & ~MMIO_DIRTY)
    if mf.seek(off + size + (size & 1), SEEK_SET) < 0:
        return MMIOERR_CANNOTSEEK
    return 0


@stdcall("winmm")
def mmioCreateChunk(m: "Machine", hmmio: DWORD, pmmcki: PTR, fuCreate: UINT) -> UINT:
    """Write a chunk header at the current position (MMIO_CREATERIFF / MMIO_CREATELIST: a RIFF or LIST
    chunk with its fccType); mmioAscend fixes the size."""
    mf = _get(m, hmmio)
    if mf is None:
        return MMSYSERR_INVALHANDLE
    if not pmmcki:
        return MMSYSERR_INVALPARAM
    ckid, size, fcc, _o, _f = _ck(m, pmmcki)
    if fuCreate & MMIO_CREATERIFF:
        ckid = FOURCC_RIFF
    elif fuCreate & MMIO_CREATELIST:
        ckid = FOURCC_LIST
    start = mf.tell()
    hdr = struct.pack("<II", ckid, size) + (struct.pack("<I", fcc) if ckid in (FOURCC_RIFF, FOURCC_LIST) else b"")
    if mf.write(hdr) != len(hdr):
        return MMIOERR_CANNOTWRITE
    m.mem.pack("<5I", pmmcki, ckid, size, fcc, start + 8, MMIO_DIRTY)
    return 0


def _to_fourcc(s: str, flags: int) -> int:
    if flags & MMIO_TOUPPER:
        s = s.upper()
    return fourcc(s[:4].encode("cp1252", "replace"))


@stdcall("winmm")
def mmioStringToFOURCCA(m: "Machine", sz: PTR, uFlags: UINT) -> DWORD:
    """A FOURCC from a string (truncated or space-padded to four characters; MMIO_TOUPPER: upper case)."""
    return _to_fourcc(m.mem.cstr(sz), uFlags)


@stdcall("winmm")
def mmioStringToFOURCCW(m: "Machine", sz: PTR, uFlags: UINT) -> DWORD:
    """Wide mmioStringToFOURCC."""
    return _to_fourcc(m.mem.wstr(sz), uFlags)
