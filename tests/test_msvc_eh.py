"""MSVC exception handling (msvcrt eh.py): C++ throw/catch/rethrow/unwind and SEH __except/__finally."""
from __future__ import annotations

import os

import pytest

from emu import register_all
from emu.machine import Machine, Options

from conftest import corpus_file

HERE = os.path.dirname(__file__)
EH_EXE = os.path.join(HERE, "programs", "msvc_eh", "eh.exe")


def run(path: str, *args: str, tmp: str) -> int:
    register_all()
    m = Machine(Options(data_dir=tmp, timeout=60))
    m.load(path, list(args))
    return m.run()


def test_msvc_eh_cases(tmp_path: "os.PathLike[str]") -> None:
    # Exit code: bit n-1 set for each failing case n (see programs/msvc_eh/eh.ll).
    assert run(EH_EXE, tmp=str(tmp_path)) == 0


@pytest.mark.corpus
def test_7za_command_line_error_is_a_caught_cxx_exception(tmp_path: "os.PathLike[str]") -> None:
    # 7-Zip reports a bad command through a thrown CArcCmdLineException caught in main: exit code 7.
    sevenzip = corpus_file("console", "7za.exe")
    assert run(str(sevenzip), "qqq", tmp=str(tmp_path)) == 7
