"""Structured exception handling (seh.exe, kernel32 only: handlers installed by hand on FS:[0], vectored
handlers, the unhandled-exception filter) and unhandled crashes (crash.exe, a mingw program)."""
from __future__ import annotations

import pytest

from conftest import assert_no_traceback, failures_in

SUBTESTS = ["veh_av", "protect", "frame", "veh_order", "div_int3", "raise", "unwind", "thread", "filter"]


@pytest.mark.parametrize("name", SUBTESTS)
def test_seh(run_program, name: str) -> None:
    r = run_program("seh.exe", name)
    assert_no_traceback(r)
    assert failures_in(r) == [], r.describe()
    assert f"{name}: ok" in r.text.splitlines(), r.describe()
    assert r.rc == 0, r.describe()


def test_filter_continue_execution(run_program) -> None:
    r = run_program("seh.exe", "filter")
    assert r.text.splitlines()[:2] == ["filter called: code c0000005", "after the filter"], r.describe()


def test_filter_execute_handler_ends_process_with_exception_code(run_program) -> None:
    # EXCEPTION_EXECUTE_HANDLER from the top-level filter: the process exits with the exception code
    r = run_program("seh.exe", "filter_exit")
    assert_no_traceback(r)
    assert r.text.splitlines() == ["filter called: code c0000005, executing handler"], r.describe()
    assert r.rc == 0xC0000005 & 0xFF, r.describe()


def _check_crash_report(r, code: str) -> None:
    assert_no_traceback(r)
    assert r.rc != 0, r.describe()
    lines = r.errtext.splitlines()
    assert lines and lines[0].startswith("exeplay:"), r.describe()
    assert code in r.errtext.lower(), r.describe()
    assert "still alive" not in r.text and "not reached" not in r.text, r.describe()


def test_unhandled_access_violation_nocrt(run_program) -> None:
    r = run_program("seh.exe", "crash")
    _check_crash_report(r, "c0000005")
    assert r.text.splitlines() == ["about to crash"], r.describe()
    assert "seh.exe+0x" in r.errtext, r.describe()  # the faulting address is named by module


@pytest.mark.parametrize("mode,code", [("null", "c0000005"), ("thread", "c0000005"), ("raise", "e0001234"),
                                       ("div0", "c0000094")])
def test_unhandled_crash_crt(run_program, mode: str, code: str) -> None:
    r = run_program("crash.exe", mode)
    _check_crash_report(r, code)
    assert f"about to crash: {mode}" in r.text, r.describe()


def test_crash_report_names_faulting_instruction(run_program) -> None:
    r = run_program("seh.exe", "crash")
    # the disassembly marks the faulting instruction (mov dword ptr [eax], 1)
    marked = [ln for ln in r.errtext.splitlines() if ln.strip().startswith("=>")]
    assert marked and "mov" in marked[0] and "[eax]" in marked[0], r.describe()
    assert "writing address 0x00000000" in r.errtext, r.describe()
