"""The sandbox: a guest sees only its exposed folders. sandbox.exe (kernel32 only) tries to escape with
parent-directory tricks, device/UNC/\\\\?\\ paths, host absolute paths and symlinks inside the exposed folder
that lead out of it; every attempt must fail and no host file outside may be read, written or removed."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import assert_no_traceback

SECRET = b"TOP SECRET host data\n"
VICTIM = b"victim file outside the sandbox\n"


@pytest.fixture
def layout(tmp_path: Path, stage, workdir: Path):
    """bin/ (D:) has sandbox.exe; work/ (E:, the cwd) has files and symlinks; outside/ is not exposed."""
    stage("sandbox.exe")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(SECRET)
    (outside / "victim.txt").write_bytes(VICTIM)
    (workdir / "inside.txt").write_bytes(b"inside data\n")
    (workdir / "sub").mkdir()
    (workdir / "sub" / "ok.txt").write_bytes(b"ok\n")
    os.symlink("/etc", workdir / "link_etc")
    os.symlink(outside / "secret.txt", workdir / "link_secret")
    os.symlink(outside, workdir / "link_out")
    os.symlink(outside / "created_through_link.txt", workdir / "link_dangling")
    os.symlink("../outside", workdir / "link_relative_out")
    os.symlink("sub", workdir / "link_inside")
    return tmp_path, outside


def _snapshot(d: Path) -> dict[str, tuple[bytes, float]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime) for p in d.iterdir()}


def test_escape_attempts_all_fail(layout, run_exeplay, workdir: Path) -> None:
    tmp, outside = layout
    before = _snapshot(outside)
    host_secret = str(outside / "secret.txt")
    attempts = [
        # symlinks inside the exposed folder that lead out of it
        "r:link_etc\\passwd", "a:link_etc\\passwd", "f:link_etc\\*", "r:LINK_ETC\\passwd",
        "r:link_secret", "a:link_secret", "x:link_secret>copied_secret.txt", "m:link_secret>moved_secret.txt",
        "r:link_out\\secret.txt", "f:link_out\\*", "w:link_out\\pwned.txt", "o:link_out\\victim.txt",
        "d:link_out\\victim.txt", "d:link_out.\\victim.txt", "d:LINK_OUT\\VICTIM.TXT",
        "m:inside.txt>link_out\\moved.txt", "m:link_out\\victim.txt>stolen.txt", "x:inside.txt>link_out\\copy.txt",
        "c:link_out\\newdir", "k:link_out", "w:link_dangling", "r:link_relative_out\\secret.txt",
        "w:link_relative_out\\pwned2.txt", "s:link_out", "s:link_etc",
        # the host path of the secret, as the guest would write it
        f"r:{host_secret}", "r:" + host_secret.replace("/", "\\"), f"r:\\\\?\\{host_secret}",
        # \\?\ paths name the same files as plain drive paths: the same rules hold through them
        "r:\\\\?\\E:\\link_out\\secret.txt", "r:\\\\?\\E:\\link_etc\\passwd", "r:\\\\?\\E:\\link_secret",
        "w:\\\\?\\E:\\link_out\\pwned4.txt", "d:\\\\?\\E:\\link_out\\victim.txt",
        "r:\\\\?\\E:\\sub\\..\\..\\outside\\secret.txt", "r:\\\\?\\E:\\..\\outside\\secret.txt",
        "+r:\\\\?\\E:\\inside.txt",
        # parent directories above the exposed folders
        "r:..\\outside\\secret.txt", "r:..\\..\\outside\\secret.txt", "r:E:\\..\\outside\\secret.txt",
        "r:D:\\..\\outside\\secret.txt", "w:..\\outside\\pwned3.txt", "d:..\\outside\\victim.txt",
        # controls inside the sandbox: these must work, so that the failures above mean something
        "+r:inside.txt", "+r:link_inside\\ok.txt", "+r:sub\\..\\inside.txt", "+r:link_out\\..\\inside.txt",
        "+a:sub", "+f:*", "+w:new_inside.txt", "r:C:\\WINDOWS\\..\\..\\..\\inside.txt",
        "+x:inside.txt>copy_inside.txt", "+s:sub", "+r:ok.txt", "s:..\\..\\..\\..\\outside", "+s:..",
        "+r:inside.txt",
    ]
    r = run_exeplay(["run", tmp / "bin" / "sandbox.exe", *attempts], cwd=workdir)
    assert_no_traceback(r)
    unexpected = [ln for ln in r.text.splitlines() if ln.startswith("UNEXPECTED")]
    assert unexpected == [], r.describe()
    assert r.rc == 0, r.describe()
    n = next(ln for ln in r.text.splitlines() if ln.startswith("sandbox:"))
    assert n.startswith("sandbox: ") and n.endswith(" 0 unexpected"), r.describe()
    # nothing outside was read, created, changed or removed
    assert SECRET.decode().strip() not in r.text
    assert "root:" not in r.text  # /etc/passwd
    assert _snapshot(outside) == before
    assert not Path("/tmp/exeplay_sandbox_pwned.txt").exists()
    assert not Path("/tmp/exeplay_sandbox_dir").exists()
    # the controls did their work inside
    assert (workdir / "new_inside.txt").read_bytes() == b"pwned\r\n"
    assert (workdir / "copy_inside.txt").read_bytes() == b"inside data\n"
    assert not (workdir / "stolen.txt").exists() and not (workdir / "copied_secret.txt").exists()
    assert (workdir / "link_out").is_symlink() and (workdir / "link_secret").is_symlink()


def test_builtin_escape_list_from_a_subfolder(layout, run_exeplay, workdir: Path) -> None:
    """The built-in list (..\\..\\etc\\passwd, C:\\..\\..\\etc\\passwd, /etc/passwd, \\\\?\\C:\\..,
    \\\\.\\PhysicalDrive0, \\\\server\\share\\x, ...) run with the current directory one level down."""
    tmp, outside = layout
    before = _snapshot(outside)
    r = run_exeplay(["run", tmp / "bin" / "sandbox.exe"], cwd=workdir / "sub")
    assert_no_traceback(r)
    assert [ln for ln in r.text.splitlines() if ln.startswith("UNEXPECTED")] == [], r.describe()
    assert r.rc == 0, r.describe()
    for must in ("..\\..\\..\\..\\etc\\passwd", "C:\\..\\..\\etc\\passwd", "/etc/passwd", "\\\\?\\C:\\..",
                 "\\\\.\\PhysicalDrive0", "\\\\server\\share\\x"):
        assert any(ln.startswith(f"ok r:{must} -> failed") for ln in r.text.splitlines()), (must, r.describe())
    assert "root:" not in r.text
    assert _snapshot(outside) == before
    assert sorted(p.name for p in (workdir / "sub").iterdir()) == ["ok.txt"]


def test_exposed_folder_is_reachable_only_as_its_drive(tmp_path: Path, run_exeplay, stage, workdir: Path) -> None:
    """--expose DIR makes DIR the F: drive; its parent stays unreachable."""
    stage("sandbox.exe")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "data.txt").write_bytes(b"shared data\n")
    (tmp_path / "beside.txt").write_bytes(b"beside\n")
    r = run_exeplay(["run", "--expose", shared, tmp_path / "bin" / "sandbox.exe", "--args-only",
                     "+r:F:\\data.txt", "+w:F:\\written.txt", "r:F:\\..\\beside.txt", "r:F:..\\..\\beside.txt",
                     "r:F:\\..\\..\\..\\etc\\passwd"], cwd=workdir)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    assert "shared data" in r.text
    assert (shared / "written.txt").read_bytes() == b"pwned\r\n"
    assert "beside" not in r.text.replace("beside.txt", "")
