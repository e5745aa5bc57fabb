"""The loader: TLS callbacks and implicit TLS, DLLs (LoadLibrary/GetProcAddress/FreeLibrary, static
imports, relocation, DllMain notifications) and the PEB loader lists with in-memory export tables of the
built-in DLLs (what packers walk)."""
from __future__ import annotations

from conftest import assert_no_traceback, failures_in


def test_tls_callback_crt(run_program) -> None:
    """A TLS callback in .CRT$XLB of a mingw program: process attach before main, thread attach/detach
    around a thread, process detach at exit."""
    r = run_program("tlscb.exe")
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    lines = r.text.splitlines()
    assert "tls: wrong module handle" not in lines, r.describe()
    assert lines == ["tls: process attach", "main start", "tls: thread attach", "thread running",
                     "tls: thread detach", "main end", "tls: process detach"], r.describe()


def test_tls_callback_runs_before_entry_point(run_program) -> None:
    r = run_program("tlscb.exe")
    lines = r.text.splitlines()
    assert lines[:2] == ["tls: process attach", "main start"], r.describe()


def test_implicit_tls_without_crt(run_program) -> None:
    """A hand-made TLS directory: _tls_index set by the loader, per-thread copies of the .tls template plus
    SizeOfZeroFill zeros, callbacks for each notification seeing the thread's TLS already set up."""
    r = run_program("tls_nocrt.exe")
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    lines = r.text.splitlines()
    assert lines[0] == "tls callback: process attach, module is the exe: yes, tls counter 42", r.describe()
    assert lines[1] == "main starts", r.describe()
    assert lines.count("tls callback: thread attach, module is the exe: yes, tls counter 42") == 3, r.describe()
    assert lines.count("tls callback: thread detach, module is the exe: yes, tls counter 1042") == 3, r.describe()
    assert "main ends: 0 failures" in lines, r.describe()


def test_implicit_tls_process_detach(run_program) -> None:
    r = run_program("tls_nocrt.exe")
    lines = r.text.splitlines()
    assert lines[-1] == "tls callback: process detach, module is the exe: yes, tls counter 100", r.describe()


def test_loadlibrary_getprocaddress_freelibrary(run_program) -> None:
    r = run_program("loaddll.exe", extra=["testdll.dll"])
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    lines = r.text.splitlines()
    assert "testdll: hinstDLL is not GetModuleHandle(testdll.dll)" not in lines, r.describe()
    assert "testdll: loaded at the exe's base" not in lines, r.describe()
    # DllMain notifications, in order, around the program's own steps
    assert lines[:8] == [
        "loading", "testdll: DLL_PROCESS_ATTACH (reserved NULL)", "loaded",
        "testdll: DLL_THREAD_ATTACH", "worker thread runs", "testdll: DLL_THREAD_DETACH",
        "free 1", "free 2"], r.describe()
    assert lines[8:10] == ["testdll: DLL_PROCESS_DETACH (reserved NULL)", "freed"], r.describe()


def test_reload_after_freelibrary_runs_dllmain_again(run_program) -> None:
    r = run_program("loaddll.exe", extra=["testdll.dll"])
    lines = r.text.splitlines()
    i = lines.index("loading again")
    assert lines[i + 1] == "testdll: DLL_PROCESS_ATTACH (reserved NULL)", r.describe()
    assert lines[i + 2] == "testdll: DLL_PROCESS_DETACH (reserved NULL)", r.describe()


def test_static_import_of_a_program_dll(run_program) -> None:
    r = run_program("importdll.exe", extra=["testdll.dll"])
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    lines = r.text.splitlines()
    assert lines[0].startswith("testdll: DLL_PROCESS_ATTACH"), r.describe()
    assert lines[1:3] == ["main: add_numbers(20, 22) = 42", "main: exiting"], r.describe()


def test_static_import_dllmain_reserved_and_exit_detach(run_program) -> None:
    """Static loads pass a non-NULL lpReserved to DllMain; ExitProcess delivers DLL_PROCESS_DETACH
    (lpReserved non-NULL) to the DLLs still loaded."""
    r = run_program("importdll.exe", extra=["testdll.dll"])
    lines = r.text.splitlines()
    assert lines[0] == "testdll: DLL_PROCESS_ATTACH (reserved non-NULL)", r.describe()
    assert lines[-1] == "testdll: DLL_PROCESS_DETACH (reserved non-NULL)", r.describe()


def test_peb_walk_and_kernel32_export_table(run_program) -> None:
    r = run_program("pewalk.exe")
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    lines = r.text.splitlines()
    assert "load order first: pewalk.exe" in lines, r.describe()
    init = [ln.split(": ", 1)[1].lower() for ln in lines if ln.startswith("init order: ")]
    assert init[:2] == ["ntdll.dll", "kernel32.dll"], r.describe()
    assert "resolved LoadLibraryA and GetProcAddress" in lines
