"""Threads and synchronisation objects: threads.exe (kernel32 only, one process per sub-test) and
crt_threads.exe (_beginthreadex, __thread, malloc from several threads)."""
from __future__ import annotations

import pytest

from conftest import assert_no_traceback, failures_in

SUBTESTS = ["create", "suspend", "wait_timeout", "wait_multiple", "events", "mutex", "semaphore", "critsec",
            "interlocked", "tls", "sleep"]


@pytest.mark.parametrize("name", SUBTESTS)
def test_kernel32_threads(run_program, name: str) -> None:
    r = run_program("threads.exe", name, timeout=90)
    assert_no_traceback(r)
    assert failures_in(r) == [], r.describe()
    assert f"{name}: ok" in r.text.splitlines(), r.describe()
    assert r.rc == 0, r.describe()


def test_critical_section_counter(run_program) -> None:
    """4 threads x 100000 increments under a contended critical section: exactly 400000."""
    r = run_program("threads.exe", "critsec", timeout=90)
    assert "critsec: counter 400000 in" in r.text, r.describe()


def test_crt_threads(run_program) -> None:
    r = run_program("crt_threads.exe", timeout=90)
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    assert "crt_threads: 0 failures" in r.text
