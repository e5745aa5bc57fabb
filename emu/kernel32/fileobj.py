"""File-like kernel objects shared by the file, console and CRT layers."""
from __future__ import annotations

import errno
import os
import stat

from ..objects import KObject

FILE_TYPE_DISK = 1
FILE_TYPE_CHAR = 2
FILE_TYPE_PIPE = 3

ERRNO_TO_WIN = {
    errno.ENOENT: 2, errno.ENOTDIR: 3, errno.EACCES: 5, errno.EPERM: 5, errno.EEXIST: 80, errno.EISDIR: 5,
    errno.ENOTEMPTY: 145, errno.ENOSPC: 112, errno.EBADF: 5,  # EBADF: fd opened without that access
    errno.EINVAL: 87, errno.EMFILE: 4,
    errno.ENAMETOOLONG: 206, errno.EROFS: 19, errno.EXDEV: 17, errno.EBUSY: 32, errno.ELOOP: 5,
}


def win_error(e: OSError) -> int:
    return ERRNO_TO_WIN.get(e.errno or 0, 31)


class File(KObject):
    """An open host file descriptor (disk file, directory handle, or a standard stream)."""

    kind = "file"

    def __init__(self, fd: int, host_path: str | None, guest_path: str, access: int, *, owns_fd: bool = True,
                 is_dir: bool = False, append: bool = False, delete_on_close: bool = False) -> None:
        super().__init__()
        self.fd = fd
        self.host_path = host_path
        self.guest_path = guest_path
        self.access = access
        self.owns_fd = owns_fd
        self.is_dir = is_dir
        self.append = append
        self.delete_on_close = delete_on_close
        self.closed = False
        self.is_console = False
        self.ftype = FILE_TYPE_DISK
        if fd >= 0 and not is_dir:
            try:
                mode = os.fstat(fd).st_mode
                if stat.S_ISCHR(mode):
                    self.ftype = FILE_TYPE_CHAR
                    self.is_console = os.isatty(fd)
                elif stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
                    self.ftype = FILE_TYPE_PIPE
            except OSError:
                self.ftype = FILE_TYPE_CHAR

    def read(self, n: int) -> bytes:
        return os.read(self.fd, n)

    def write(self, data: bytes) -> int:
        if self.append:
            os.lseek(self.fd, 0, os.SEEK_END)
        view = memoryview(data)
        total = 0
        while total < len(data):
            total += os.write(self.fd, view[total:])
        return total

    def seek(self, off: int, whence: int) -> int:
        return os.lseek(self.fd, off, whence)

    def size(self) -> int:
        return os.fstat(self.fd).st_size

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.owns_fd and self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
        if self.delete_on_close and self.host_path:
            try:
                os.unlink(self.host_path)
            except OSError:
                pass


class NullDevice(File):
    """NUL: reads return EOF, writes vanish."""

    def __init__(self) -> None:
        super().__init__(-1, None, "NUL", 0xC0000000, owns_fd=False)
        self.ftype = FILE_TYPE_CHAR

    def read(self, n: int) -> bytes:
        return b""

    def write(self, data: bytes) -> int:
        return len(data)

    def seek(self, off: int, whence: int) -> int:
        return 0

    def size(self) -> int:
        return 0
