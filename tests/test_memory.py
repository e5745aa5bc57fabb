"""Heaps and virtual memory: kernel32 (heap.exe, no C runtime) and the C runtime (crt_heap.exe)."""
from __future__ import annotations

from conftest import assert_no_traceback, failures_in


def test_kernel32_heaps_and_virtual_memory(run_program) -> None:
    r = run_program("heap.exe")
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    assert "heap: 0 failures" in r.text


def test_crt_malloc_realloc_free(run_program) -> None:
    r = run_program("crt_heap.exe")
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    assert "crt_heap: 0 failures" in r.text
