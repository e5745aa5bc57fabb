"""advapi32: the registry, access tokens and privileges, file security, and CryptoAPI random numbers.

The registry is a tree per program: it starts empty (absent keys give ERROR_FILE_NOT_FOUND, as on a
fresh system), and whatever the program writes is kept in ``registry.json`` next to its private C:
drive, so settings survive between runs. Value data is stored as Windows stores it (strings in UTF-16).
"""
from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from .api import BOOL, DWORD, HANDLE, LONG, LPCSTR, LPCWSTR, PTR, stdcall
from .objects import KObject

if TYPE_CHECKING:
    from .machine import Machine

ERROR_SUCCESS = 0
ERROR_FILE_NOT_FOUND = 2
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_HANDLE = 6
ERROR_NOT_SUPPORTED = 50
ERROR_INVALID_PARAMETER = 87
ERROR_MORE_DATA = 234
ERROR_NO_MORE_ITEMS = 259
ERROR_NOT_ALL_ASSIGNED = 1300
ERROR_NO_SUCH_PRIVILEGE = 1313
ERROR_KEY_HAS_CHILDREN = 1020
NTE_BAD_KEYSET = 0x80090016
NTE_BAD_FLAGS = 0x80090009

HKEY_ROOTS = {0x80000000: "HKEY_CLASSES_ROOT", 0x80000001: "HKEY_CURRENT_USER", 0x80000002: "HKEY_LOCAL_MACHINE",
              0x80000003: "HKEY_USERS", 0x80000005: "HKEY_CURRENT_CONFIG"}
REG_NONE, REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD, REG_MULTI_SZ = 0, 1, 2, 3, 4, 7
_STRING_TYPES = (REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ)
REG_CREATED_NEW_KEY, REG_OPENED_EXISTING_KEY = 1, 2


# ---- registry tree -------------------------------------------------------------------------------------
class RegKey:
    """One key: sub-keys and values by lower-cased name (original spelling kept)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.subkeys: dict[str, RegKey] = {}
        self.values: dict[str, tuple[str, int, bytes]] = {}

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "keys": [k.to_json() for k in self.subkeys.values()],
                "values": [[n, t, d.hex()] for n, t, d in self.values.values()]}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "RegKey":
        k = cls(d["name"])
        for sub in d.get("keys", []):
            s = cls.from_json(sub)
            k.subkeys[s.name.lower()] = s
        for n, t, h in d.get("values", []):
            k.values[n.lower()] = (n, t, bytes.fromhex(h))
        return k


class KeyHandle(KObject):
    kind = "registry key"

    def __init__(self, key: RegKey) -> None:
        super().__init__()
        self.key = key


class Registry:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.root = RegKey("")
        for name in HKEY_ROOTS.values():
            self.root.subkeys[name.lower()] = RegKey(name)
        if path and os.path.exists(path):
            try:
                with open(path, encoding="utf-8") as f:
                    saved = RegKey.from_json(json.load(f))
                for k, v in saved.subkeys.items():
                    self.root.subkeys[k] = v
            except (OSError, ValueError, KeyError, TypeError):
                pass

    def save(self) -> None:
        if not self.path:
            return
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            tmp = self.path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(self.root.to_json(), f, indent=1)
            os.replace(tmp, self.path)
        except OSError:
            pass


def registry(m: "Machine") -> Registry:
    r = m.state.get("registry")
    if r is None:
        path = None
        fs = getattr(m, "fs", None)
        c = fs.drives.get("C") if fs is not None else None
        if c is not None:
            path = os.path.join(os.path.dirname(c.root), "registry.json")
        r = Registry(path)
        m.state["registry"] = r
    return r  # type: ignore[no-any-return]


def _key(m: "Machine", h: int) -> RegKey | None:
    if h in HKEY_ROOTS:
        return registry(m).root.subkeys[HKEY_ROOTS[h].lower()]
    obj = m.handles.get(h)
    return obj.key if isinstance(obj, KeyHandle) else None


def _parts(sub: str | int | None) -> list[str] | None:
    if sub is None or sub == "":
        return []
    if not isinstance(sub, str):
        return None
    parts = [p for p in sub.split("\\") if p]
    return parts if all(len(p) <= 255 for p in parts) else None


def _open(m: "Machine", hKey: int, sub: str | int | None, out: int) -> int:
    base = _key(m, hKey)
    if base is None:
        return ERROR_INVALID_HANDLE
    parts = _parts(sub)
    if parts is None:
        return ERROR_INVALID_PARAMETER
    k = base
    for p in parts:
        nxt = k.subkeys.get(p.lower())
        if nxt is None:
            return ERROR_FILE_NOT_FOUND
        k = nxt
    if out:
        m.mem.w32(out, m.handles.add(KeyHandle(k)))
    return ERROR_SUCCESS


def _create(m: "Machine", hKey: int, sub: str | int | None, out: int, disp: int) -> int:
    base = _key(m, hKey)
    if base is None:
        return ERROR_INVALID_HANDLE
    parts = _parts(sub)
    if parts is None or not out:
        return ERROR_INVALID_PARAMETER
    k = base
    created = False
    for p in parts:
        nxt = k.subkeys.get(p.lower())
        if nxt is None:
            nxt = RegKey(p)
            k.subkeys[p.lower()] = nxt
            created = True
        k = nxt
    if created:
        registry(m).save()
    m.mem.w32(out, m.handles.add(KeyHandle(k)))
    if disp:
        m.mem.w32(disp, REG_CREATED_NEW_KEY if created else REG_OPENED_EXISTING_KEY)
    return ERROR_SUCCESS


@stdcall("advapi32")
def RegOpenKeyExA(m: "Machine", hKey: HANDLE, lpSubKey: LPCSTR, ulOptions: DWORD, samDesired: DWORD,
                  phkResult: PTR) -> LONG:
    """Open an existing key; ERROR_FILE_NOT_FOUND when absent."""
    return _open(m, hKey, lpSubKey, phkResult)


@stdcall("advapi32")
def RegOpenKeyExW(m: "Machine", hKey: HANDLE, lpSubKey: LPCWSTR, ulOptions: DWORD, samDesired: DWORD,
                  phkResult: PTR) -> LONG:
    """Open an existing key; ERROR_FILE_NOT_FOUND when absent."""
    return _open(m, hKey, lpSubKey, phkResult)


@stdcall("advapi32")
def RegOpenKeyA(m: "Machine", hKey: HANDLE, lpSubKey: LPCSTR, phkResult: PTR) -> LONG:
    """Open an existing key (Win3.1 form)."""
    return _open(m, hKey, lpSubKey, phkResult)


@stdcall("advapi32")
def RegOpenKeyW(m: "Machine", hKey: HANDLE, lpSubKey: LPCWSTR, phkResult: PTR) -> LONG:
    """Open an existing key (Win3.1 form)."""
    return _open(m, hKey, lpSubKey, phkResult)


@stdcall("advapi32")
def RegCreateKeyExA(m: "Machine", hKey: HANDLE, lpSubKey: LPCSTR, Reserved: DWORD, lpClass: PTR, dwOptions: DWORD,
                    samDesired: DWORD, lpSecurityAttributes: PTR, phkResult: PTR, lpdwDisposition: PTR) -> LONG:
    """Open a key, creating the missing path components."""
    return _create(m, hKey, lpSubKey, phkResult, lpdwDisposition)


@stdcall("advapi32")
def RegCreateKeyExW(m: "Machine", hKey: HANDLE, lpSubKey: LPCWSTR, Reserved: DWORD, lpClass: PTR, dwOptions: DWORD,
                    samDesired: DWORD, lpSecurityAttributes: PTR, phkResult: PTR, lpdwDisposition: PTR) -> LONG:
    """Open a key, creating the missing path components."""
    return _create(m, hKey, lpSubKey, phkResult, lpdwDisposition)


@stdcall("advapi32")
def RegCreateKeyA(m: "Machine", hKey: HANDLE, lpSubKey: LPCSTR, phkResult: PTR) -> LONG:
    """Open or create a key (Win3.1 form)."""
    return _create(m, hKey, lpSubKey, phkResult, 0)


@stdcall("advapi32")
def RegCreateKeyW(m: "Machine", hKey: HANDLE, lpSubKey: LPCWSTR, phkResult: PTR) -> LONG:
    """Open or create a key (Win3.1 form)."""
    return _create(m, hKey, lpSubKey, phkResult, 0)


@stdcall("advapi32")
def RegCloseKey(m: "Machine", hKey: HANDLE) -> LONG:
    """Close a key handle (predefined keys are ignored)."""
    if hKey in HKEY_ROOTS:
        return ERROR_SUCCESS
    if not isinstance(m.handles.get(hKey), KeyHandle):
        return ERROR_INVALID_HANDLE
    m.handles.close(hKey)
    return ERROR_SUCCESS


@stdcall("advapi32")
def RegFlushKey(m: "Machine", hKey: HANDLE) -> LONG:
    """Write the key to storage (the registry file is written at every change)."""
    return ERROR_SUCCESS if _key(m, hKey) is not None else ERROR_INVALID_HANDLE


def _to_wide(m: "Machine", typ: int, data: bytes) -> bytes:
    """ANSI registry string data -> the UTF-16 form stored."""
    if typ not in _STRING_TYPES:
        return data
    return data.decode(m.ansi, "replace").encode("utf-16-le")


def _to_ansi(m: "Machine", typ: int, data: bytes) -> bytes:
    if typ not in _STRING_TYPES:
        return data
    if len(data) % 2:
        data = data[:-1]
    return data.decode("utf-16-le", "replace").encode(m.ansi, "replace")


def _set_value(m: "Machine", hKey: int, name: str | int | None, typ: int, data: int, size: int, wide: bool) -> int:
    k = _key(m, hKey)
    if k is None:
        return ERROR_INVALID_HANDLE
    if name is not None and not isinstance(name, str):
        return ERROR_INVALID_PARAMETER
    raw = m.mem.read(data, size) if data and size else b""
    if not wide:
        if typ in _STRING_TYPES and raw and raw[-1:] != b"\0":
            raw += b"\0"
        raw = _to_wide(m, typ, raw)
    nm = name or ""
    k.values[nm.lower()] = (nm, typ, raw)
    registry(m).save()
    return ERROR_SUCCESS


@stdcall("advapi32")
def RegSetValueExA(m: "Machine", hKey: HANDLE, lpValueName: LPCSTR, Reserved: DWORD, dwType: DWORD, lpData: PTR,
                   cbData: DWORD) -> LONG:
    """Store a value (strings converted from ANSI)."""
    return _set_value(m, hKey, lpValueName, dwType, lpData, cbData, False)


@stdcall("advapi32")
def RegSetValueExW(m: "Machine", hKey: HANDLE, lpValueName: LPCWSTR, Reserved: DWORD, dwType: DWORD, lpData: PTR,
                   cbData: DWORD) -> LONG:
    """Store a value."""
    return _set_value(m, hKey, lpValueName, dwType, lpData, cbData, True)


def _put_data(m: "Machine", typ: int, data: bytes, lpType: int, lpData: int, lpcbData: int) -> int:
    if lpType:
        m.mem.w32(lpType, typ)
    if lpcbData:
        room = m.mem.u32(lpcbData)
        m.mem.w32(lpcbData, len(data))
        if lpData:
            if len(data) > room:
                return ERROR_MORE_DATA
            m.mem.write(lpData, data)
    elif lpData:
        return ERROR_INVALID_PARAMETER
    return ERROR_SUCCESS


def _query_value(m: "Machine", hKey: int, name: str | int | None, lpType: int, lpData: int, lpcbData: int,
                 wide: bool) -> int:
    k = _key(m, hKey)
    if k is None:
        return ERROR_INVALID_HANDLE
    if name is not None and not isinstance(name, str):
        return ERROR_INVALID_PARAMETER
    v = k.values.get((name or "").lower())
    if v is None:
        return ERROR_FILE_NOT_FOUND
    _n, typ, data = v
    return _put_data(m, typ, data if wide else _to_ansi(m, typ, data), lpType, lpData, lpcbData)


@stdcall("advapi32")
def RegQueryValueExA(m: "Machine", hKey: HANDLE, lpValueName: LPCSTR, lpReserved: PTR, lpType: PTR, lpData: PTR,
                     lpcbData: PTR) -> LONG:
    """Read a value's type and data (strings as ANSI); ERROR_MORE_DATA with the size needed."""
    return _query_value(m, hKey, lpValueName, lpType, lpData, lpcbData, False)


@stdcall("advapi32")
def RegQueryValueExW(m: "Machine", hKey: HANDLE, lpValueName: LPCWSTR, lpReserved: PTR, lpType: PTR, lpData: PTR,
                     lpcbData: PTR) -> LONG:
    """Read a value's type and data; ERROR_MORE_DATA with the size needed."""
    return _query_value(m, hKey, lpValueName, lpType, lpData, lpcbData, True)


def _delete_key(m: "Machine", hKey: int, sub: str | int | None) -> int:
    base = _key(m, hKey)
    if base is None:
        return ERROR_INVALID_HANDLE
    parts = _parts(sub)
    if not parts:
        return ERROR_INVALID_PARAMETER if parts is None else ERROR_ACCESS_DENIED
    parent = base
    for p in parts[:-1]:
        nxt = parent.subkeys.get(p.lower())
        if nxt is None:
            return ERROR_FILE_NOT_FOUND
        parent = nxt
    victim = parent.subkeys.get(parts[-1].lower())
    if victim is None:
        return ERROR_FILE_NOT_FOUND
    if victim.subkeys:
        return ERROR_ACCESS_DENIED  # RegDeleteKey refuses keys that have sub-keys
    del parent.subkeys[parts[-1].lower()]
    registry(m).save()
    return ERROR_SUCCESS


@stdcall("advapi32")
def RegDeleteKeyA(m: "Machine", hKey: HANDLE, lpSubKey: LPCSTR) -> LONG:
    """Delete a key without sub-keys."""
    return _delete_key(m, hKey, lpSubKey)


@stdcall("advapi32")
def RegDeleteKeyW(m: "Machine", hKey: HANDLE, lpSubKey: LPCWSTR) -> LONG:
    """Delete a key without sub-keys."""
    return _delete_key(m, hKey, lpSubKey)


def _delete_value(m: "Machine", hKey: int, name: str | int | None) -> int:
    k = _key(m, hKey)
    if k is None:
        return ERROR_INVALID_HANDLE
    if name is not None and not isinstance(name, str):
        return ERROR_INVALID_PARAMETER
    if k.values.pop((name or "").lower(), None) is None:
        return ERROR_FILE_NOT_FOUND
    registry(m).save()
    return ERROR_SUCCESS


@stdcall("advapi32")
def RegDeleteValueA(m: "Machine", hKey: HANDLE, lpValueName: LPCSTR) -> LONG:
    """Remove a value."""
    return _delete_value(m, hKey, lpValueName)


@stdcall("advapi32")
def RegDeleteValueW(m: "Machine", hKey: HANDLE, lpValueName: LPCWSTR) -> LONG:
    """Remove a value."""
    return _delete_value(m, hKey, lpValueName)


def _put_name(m: "Machine", name: str, buf: int, pcch: int | None, cch: int, wide: bool) -> int:
    """Write a name into a buffer of ``cch`` characters; ERROR_MORE_DATA when it does not fit."""
    b = name.encode("utf-16-le") if wide else name.encode(m.ansi, "replace")
    n = len(b) // 2 if wide else len(b)
    if n + 1 > cch or not buf:
        return ERROR_MORE_DATA
    m.mem.write(buf, b + (b"\0\0" if wide else b"\0"))
    if pcch:
        m.mem.w32(pcch, n)
    return ERROR_SUCCESS


def _enum_key(m: "Machine", hKey: int, index: int, buf: int, pcch: int, cch: int, wide: bool) -> int:
    k = _key(m, hKey)
    if k is None:
        return ERROR_INVALID_HANDLE
    keys = list(k.subkeys.values())
    if index >= len(keys):
        return ERROR_NO_MORE_ITEMS
    return _put_name(m, keys[index].name, buf, pcch, cch, wide)


@stdcall("advapi32")
def RegEnumKeyExA(m: "Machine", hKey: HANDLE, dwIndex: DWORD, lpName: PTR, lpcchName: PTR, lpReserved: PTR,
                  lpClass: PTR, lpcchClass: PTR, lpftLastWriteTime: PTR) -> LONG:
    """Name of the dwIndex-th sub-key; ERROR_NO_MORE_ITEMS past the end."""
    if lpcchClass:
        m.mem.w32(lpcchClass, 0)
    if lpftLastWriteTime:
        m.mem.pack("<II", lpftLastWriteTime, 0, 0)
    return _enum_key(m, hKey, dwIndex, lpName, lpcchName, m.mem.u32(lpcchName), False)


@stdcall("advapi32")
def RegEnumKeyExW(m: "Machine", hKey: HANDLE, dwIndex: DWORD, lpName: PTR, lpcchName: PTR, lpReserved: PTR,
                  lpClass: PTR, lpcchClass: PTR, lpftLastWriteTime: PTR) -> LONG:
    """Name of the dwIndex-th sub-key; ERROR_NO_MORE_ITEMS past the end."""
    if lpcchClass:
        m.mem.w32(lpcchClass, 0)
    if lpftLastWriteTime:
        m.mem.pack("<II", lpftLastWriteTime, 0, 0)
    return _enum_key(m, hKey, dwIndex, lpName, lpcchName, m.mem.u32(lpcchName), True)


@stdcall("advapi32")
def RegEnumKeyA(m: "Machine", hKey: HANDLE, dwIndex: DWORD, lpName: PTR, cchName: DWORD) -> LONG:
    """Name of the dwIndex-th sub-key (Win3.1 form)."""
    return _enum_key(m, hKey, dwIndex, lpName, 0, cchName, False)


@stdcall("advapi32")
def RegEnumKeyW(m: "Machine", hKey: HANDLE, dwIndex: DWORD, lpName: PTR, cchName: DWORD) -> LONG:
    """Name of the dwIndex-th sub-key (Win3.1 form)."""
    return _enum_key(m, hKey, dwIndex, lpName, 0, cchName, True)


def _enum_value(m: "Machine", hKey: int, index: int, name: int, pcch: int, lpType: int, lpData: int, lpcbData: int,
                wide: bool) -> int:
    k = _key(m, hKey)
    if k is None:
        return ERROR_INVALID_HANDLE
    vals = list(k.values.values())
    if index >= len(vals):
        return ERROR_NO_MORE_ITEMS
    nm, typ, data = vals[index]
    r = _put_name(m, nm, name, pcch, m.mem.u32(pcch) if pcch else 0, wide)
    if r:
        return r
    return _put_data(m, typ, data if wide else _to_ansi(m, typ, data), lpType, lpData, lpcbData)


@stdcall("advapi32")
def RegEnumValueA(m: "Machine", hKey: HANDLE, dwIndex: DWORD, lpValueName: PTR, lpcchValueName: PTR,
                  lpReserved: PTR, lpType: PTR, lpData: PTR, lpcbData: PTR) -> LONG:
    """Name, type and data of the dwIndex-th value; ERROR_NO_MORE_ITEMS past the end."""
    return _enum_value(m, hKey, dwIndex, lpValueName, lpcchValueName, lpType, lpData, lpcbData, False)


@stdcall("advapi32")
def RegEnumValueW(m: "Machine", hKey: HANDLE, dwIndex: DWORD, lpValueName: PTR, lpcchValueName: PTR,
                  lpReserved: PTR, lpType: PTR, lpData: PTR, lpcbData: PTR) -> LONG:
    """Name, type and data of the dwIndex-th value; ERROR_NO_MORE_ITEMS past the end."""
    return _enum_value(m, hKey, dwIndex, lpValueName, lpcchValueName, lpType, lpData, lpcbData, True)


@stdcall("advapi32")
def RegQueryInfoKeyW(m: "Machine", hKey: HANDLE, lpClass: PTR, lpcchClass: PTR, lpReserved: PTR, lpcSubKeys: PTR,
                     lpcbMaxSubKeyLen: PTR, lpcbMaxClassLen: PTR, lpcValues: PTR, lpcbMaxValueNameLen: PTR,
                     lpcbMaxValueLen: PTR, lpcbSecurityDescriptor: PTR, lpftLastWriteTime: PTR) -> LONG:
    """Counts and maximum name/data sizes of a key's sub-keys and values."""
    k = _key(m, hKey)
    if k is None:
        return ERROR_INVALID_HANDLE
    vals = list(k.values.values())
    for p, v in ((lpcchClass, 0), (lpcSubKeys, len(k.subkeys)),
                 (lpcbMaxSubKeyLen, max((len(s.name) for s in k.subkeys.values()), default=0)),
                 (lpcbMaxClassLen, 0), (lpcValues, len(vals)),
                 (lpcbMaxValueNameLen, max((len(n) for n, _t, _d in vals), default=0)),
                 (lpcbMaxValueLen, max((len(d) for _n, _t, d in vals), default=0)), (lpcbSecurityDescriptor, 0)):
        if p:
            m.mem.w32(p, v)
    if lpClass and lpcchClass:
        m.mem.w16(lpClass, 0)
    if lpftLastWriteTime:
        m.mem.pack("<II", lpftLastWriteTime, 0, 0)
    return ERROR_SUCCESS


# ---- tokens and privileges ---------------------------------------------------------------------------------
PRIVILEGES = ["", "", "SeCreateTokenPrivilege", "SeAssignPrimaryTokenPrivilege", "SeLockMemoryPrivilege",
              "SeIncreaseQuotaPrivilege", "SeMachineAccountPrivilege", "SeTcbPrivilege", "SeSecurityPrivilege",
              "SeTakeOwnershipPrivilege", "SeLoadDriverPrivilege", "SeSystemProfilePrivilege",
              "SeSystemtimePrivilege", "SeProfileSingleProcessPrivilege", "SeIncreaseBasePriorityPrivilege",
              "SeCreatePagefilePrivilege", "SeCreatePermanentPrivilege", "SeBackupPrivilege", "SeRestorePrivilege",
              "SeShutdownPrivilege", "SeDebugPrivilege", "SeAuditPrivilege", "SeSystemEnvironmentPrivilege",
              "SeChangeNotifyPrivilege", "SeRemoteShutdownPrivilege", "SeUndockPrivilege", "SeSyncAgentPrivilege",
              "SeEnableDelegationPrivilege", "SeManageVolumePrivilege", "SeImpersonatePrivilege",
              "SeCreateGlobalPrivilege", "SeTrustedCredManAccessPrivilege", "SeRelabelPrivilege",
              "SeIncreaseWorkingSetPrivilege", "SeTimeZonePrivilege", "SeCreateSymbolicLinkPrivilege"]
SE_PRIVILEGE_ENABLED = 2
SE_PRIVILEGE_ENABLED_BY_DEFAULT = 1
SE_PRIVILEGE_REMOVED = 4


class Token(KObject):
    """A standard user's access token: the privileges it holds, luid -> attributes."""

    kind = "token"

    def __init__(self) -> None:
        super().__init__()
        self.privs = {23: SE_PRIVILEGE_ENABLED | SE_PRIVILEGE_ENABLED_BY_DEFAULT, 19: 0, 25: 0, 33: 0, 34: 0}


def _token(m: "Machine") -> Token:
    t = m.state.get("token")
    if t is None:
        t = m.state["token"] = Token()
    return t  # type: ignore[no-any-return]


@stdcall("advapi32")
def OpenProcessToken(m: "Machine", ProcessHandle: HANDLE, DesiredAccess: DWORD, TokenHandle: PTR) -> BOOL:
    """A handle to the process's access token (a standard user's)."""
    if ProcessHandle != 0xFFFFFFFF and m.handles.get(ProcessHandle) is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    m.mem.w32(TokenHandle, m.handles.add(_token(m)))
    return 1


def _lookup_priv(m: "Machine", system: str | int | None, name: str | int | None, luid: int) -> int:
    if system:
        m.set_last_error(ERROR_NOT_SUPPORTED)
        return 0
    names = [p.lower() for p in PRIVILEGES]
    if not isinstance(name, str) or not name or name.lower() not in names:
        m.set_last_error(ERROR_NO_SUCH_PRIVILEGE)
        return 0
    m.mem.pack("<II", luid, names.index(name.lower()), 0)
    return 1


@stdcall("advapi32")
def LookupPrivilegeValueA(m: "Machine", lpSystemName: LPCSTR, lpName: LPCSTR, lpLuid: PTR) -> BOOL:
    """The LUID of a privilege name on the local system."""
    return _lookup_priv(m, lpSystemName, lpName, lpLuid)


@stdcall("advapi32")
def LookupPrivilegeValueW(m: "Machine", lpSystemName: LPCWSTR, lpName: LPCWSTR, lpLuid: PTR) -> BOOL:
    """The LUID of a privilege name on the local system."""
    return _lookup_priv(m, lpSystemName, lpName, lpLuid)


@stdcall("advapi32")
def AdjustTokenPrivileges(m: "Machine", TokenHandle: HANDLE, DisableAllPrivileges: BOOL, NewState: PTR,
                          BufferLength: DWORD, PreviousState: PTR, ReturnLength: PTR) -> BOOL:
    """Enable/disable privileges the token holds; succeeds with ERROR_NOT_ALL_ASSIGNED when asked for
    privileges a standard user does not have."""
    tok = m.handles.get(TokenHandle)
    if not isinstance(tok, Token):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    mem = m.mem
    changes: list[tuple[int, int]] = []
    missing = False
    if DisableAllPrivileges:
        changes = [(luid, 0) for luid in tok.privs]
    elif NewState:
        n = mem.u32(NewState)
        for i in range(n):
            lo, hi, attrs = mem.unpack("<III", NewState + 4 + 12 * i)
            if hi or lo not in tok.privs:
                missing = True
                continue
            changes.append((lo, attrs & SE_PRIVILEGE_ENABLED))
    else:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    prev = [(luid, tok.privs[luid]) for luid, _a in changes]
    if PreviousState:
        need = 4 + 12 * len(prev)
        if ReturnLength:
            mem.w32(ReturnLength, need)
        if BufferLength < need:
            m.set_last_error(122)  # ERROR_INSUFFICIENT_BUFFER
            return 0
        mem.w32(PreviousState, len(prev))
        for i, (luid, attrs) in enumerate(prev):
            mem.pack("<III", PreviousState + 4 + 12 * i, luid, 0, attrs)
    for luid, en in changes:
        tok.privs[luid] = (tok.privs[luid] & ~SE_PRIVILEGE_ENABLED) | en
    m.set_last_error(ERROR_NOT_ALL_ASSIGNED if missing else ERROR_SUCCESS)
    return 1


# ---- file security --------------------------------------------------------------------------------------
@stdcall("advapi32")
def GetFileSecurityW(m: "Machine", lpFileName: LPCWSTR, RequestedInformation: DWORD, pSecurityDescriptor: PTR,
                     nLength: DWORD, lpnLengthNeeded: PTR) -> BOOL:
    """Security descriptors of files are not available: FALSE with ERROR_NOT_SUPPORTED."""
    m.set_last_error(ERROR_NOT_SUPPORTED)
    return 0


@stdcall("advapi32")
def SetFileSecurityW(m: "Machine", lpFileName: LPCWSTR, SecurityInformation: DWORD,
                     pSecurityDescriptor: PTR) -> BOOL:
    """File security cannot be changed: FALSE with ERROR_NOT_SUPPORTED."""
    m.set_last_error(ERROR_NOT_SUPPORTED)
    return 0


# ---- CryptoAPI: random numbers ------------------------------------------------------------------------------
CRYPT_VERIFYCONTEXT = 0xF0000000
CRYPT_NEWKEYSET = 0x8
CRYPT_MACHINE_KEYSET = 0x20
CRYPT_SILENT = 0x40


class CryptProvider(KObject):
    kind = "crypt provider"


def _acquire(m: "Machine", phProv: int, container: str | int | None, flags: int) -> int:
    if flags & ~(CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_MACHINE_KEYSET | CRYPT_SILENT):
        m.set_last_error(NTE_BAD_FLAGS)
        return 0
    if not flags & (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET):
        m.set_last_error(NTE_BAD_KEYSET)  # no key containers exist
        return 0
    if not phProv:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    m.mem.w32(phProv, m.handles.add(CryptProvider()))
    return 1


@stdcall("advapi32")
def CryptAcquireContextA(m: "Machine", phProv: PTR, szContainer: LPCSTR, szProvider: LPCSTR, dwProvType: DWORD,
                         dwFlags: DWORD) -> BOOL:
    """A provider context for random numbers (CRYPT_VERIFYCONTEXT); no key containers exist."""
    return _acquire(m, phProv, szContainer, dwFlags)


@stdcall("advapi32")
def CryptAcquireContextW(m: "Machine", phProv: PTR, szContainer: LPCWSTR, szProvider: LPCWSTR, dwProvType: DWORD,
                         dwFlags: DWORD) -> BOOL:
    """A provider context for random numbers (CRYPT_VERIFYCONTEXT); no key containers exist."""
    return _acquire(m, phProv, szContainer, dwFlags)


@stdcall("advapi32")
def CryptGenRandom(m: "Machine", hProv: HANDLE, dwLen: DWORD, pbBuffer: PTR) -> BOOL:
    """Fill a buffer with cryptographically random bytes (host os.urandom)."""
    if not isinstance(m.handles.get(hProv), CryptProvider):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if dwLen:
        m.mem.write(pbBuffer, os.urandom(dwLen))
    return 1


@stdcall("advapi32")
def CryptReleaseContext(m: "Machine", hProv: HANDLE, dwFlags: DWORD) -> BOOL:
    """Release a provider context."""
    if not isinstance(m.handles.get(hProv), CryptProvider):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    m.handles.close(hProv)
    return 1



# ---- user name, text classification ------------------------------------------------------------------------
ERROR_INSUFFICIENT_BUFFER = 122


def _user_name(m: "Machine") -> str:
    env = getattr(m.proc, "env", None) or {}
    return str(env.get("USERNAME") or "player")


def _get_user_name(m: "Machine", buf: int, pcb: int, wide: bool) -> int:
    name = _user_name(m)
    data = name.encode("utf-16-le") + b"\0\0" if wide else name.encode(m.ansi, "replace") + b"\0"
    need = len(data) // 2 if wide else len(data)
    if not pcb:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    room = m.mem.u32(pcb)
    m.mem.w32(pcb, need)
    if not buf or room < need:
        m.set_last_error(ERROR_INSUFFICIENT_BUFFER)
        return 0
    m.mem.write(buf, data)
    return 1


@stdcall("advapi32")
def GetUserNameA(m: "Machine", lpBuffer: PTR, pcbBuffer: PTR) -> BOOL:
    """The logged-on user's name (the USERNAME of the guest environment); *pcbBuffer = length with the NUL."""
    return _get_user_name(m, lpBuffer, pcbBuffer, False)


@stdcall("advapi32")
def GetUserNameW(m: "Machine", lpBuffer: PTR, pcbBuffer: PTR) -> BOOL:
    """The logged-on user's name (the USERNAME of the guest environment); *pcbBuffer = length with the NUL."""
    return _get_user_name(m, lpBuffer, pcbBuffer, True)


IS_TEXT_UNICODE_ASCII16, IS_TEXT_UNICODE_REVERSE_ASCII16 = 0x1, 0x10
IS_TEXT_UNICODE_STATISTICS, IS_TEXT_UNICODE_REVERSE_STATISTICS = 0x2, 0x20
IS_TEXT_UNICODE_CONTROLS, IS_TEXT_UNICODE_REVERSE_CONTROLS = 0x4, 0x40
IS_TEXT_UNICODE_SIGNATURE, IS_TEXT_UNICODE_REVERSE_SIGNATURE = 0x8, 0x80
IS_TEXT_UNICODE_ILLEGAL_CHARS, IS_TEXT_UNICODE_ODD_LENGTH, IS_TEXT_UNICODE_NULL_BYTES = 0x100, 0x200, 0x1000
IS_TEXT_UNICODE_UNICODE_MASK, IS_TEXT_UNICODE_REVERSE_MASK = 0xF, 0xF0
IS_TEXT_UNICODE_NOT_UNICODE_MASK, IS_TEXT_UNICODE_NOT_ASCII_MASK = 0xF00, 0xF000


def classify_text(data: bytes, wanted: int) -> int:
    """The IS_TEXT_UNICODE_* tests that hold for ``data`` among ``wanted``."""
    out = 0
    if len(data) % 2:
        out |= IS_TEXT_UNICODE_ODD_LENGTH
    units = [data[i] | data[i + 1] << 8 for i in range(0, len(data) - 1, 2)]
    swapped = [((u & 0xFF) << 8) | (u >> 8) for u in units]
    if units and all(u < 0x100 for u in units):
        out |= IS_TEXT_UNICODE_ASCII16
    if units and all(u < 0x100 for u in swapped):
        out |= IS_TEXT_UNICODE_REVERSE_ASCII16
    if units and sum(u < 0x100 for u in units) > len(units) // 2:
        out |= IS_TEXT_UNICODE_STATISTICS
    if units and sum(u < 0x100 for u in swapped) > len(units) // 2:
        out |= IS_TEXT_UNICODE_REVERSE_STATISTICS
    ctl = {0x0D, 0x0A, 0x09, 0x20}
    if any(u in ctl for u in units):
        out |= IS_TEXT_UNICODE_CONTROLS
    if any(u in ctl for u in swapped):
        out |= IS_TEXT_UNICODE_REVERSE_CONTROLS
    if units and units[0] == 0xFEFF:
        out |= IS_TEXT_UNICODE_SIGNATURE
    if units and units[0] == 0xFFFE:
        out |= IS_TEXT_UNICODE_REVERSE_SIGNATURE
    if any(u in (0xFFFF, 0x0D00, 0x0A00) for u in units) or 0xFFFE in units[1:]:
        out |= IS_TEXT_UNICODE_ILLEGAL_CHARS
    if 0 in units:
        out |= IS_TEXT_UNICODE_NULL_BYTES
    return out & wanted


@stdcall("advapi32")
def IsTextUnicode(m: "Machine", lpv: PTR, iSize: DWORD, lpiResult: PTR) -> BOOL:
    """Guess whether a buffer holds UTF-16 text (BOM, 16-bit ASCII, statistics; illegal characters, odd length
    and NUL units count against it); *lpiResult gets the tests that held among those asked for."""
    if iSize < 2 or not lpv:
        if lpiResult:
            m.mem.w32(lpiResult, 0)
        return 0
    wanted = m.mem.u32(lpiResult) if lpiResult else 0xFFFF
    out = classify_text(m.mem.read(lpv, min(iSize, 1 << 20)), wanted or 0xFFFF)
    if lpiResult:
        m.mem.w32(lpiResult, out)
    if out & IS_TEXT_UNICODE_NOT_UNICODE_MASK or not out & IS_TEXT_UNICODE_UNICODE_MASK:
        return 0
    return 0 if out & IS_TEXT_UNICODE_REVERSE_MASK and not out & IS_TEXT_UNICODE_SIGNATURE else 1
