"""The ``exeplay`` command: ``run`` a program, ``info`` about a program."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="exeplay", description="Run 32-bit Windows programs on Linux.")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run a program")
    r.add_argument("--headless", action="store_true", help="no window (console programs never open one)")
    r.add_argument("--trace", action="append", default=[], metavar="PATTERN",
                   help="trace API calls matching DLL!FUNCTION patterns, e.g. 'kernel32!Create*' or 'msvcrt'")
    r.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="stop the program after SECONDS")
    r.add_argument("--unimplemented", choices=("stop", "zero"), default="stop",
                   help="what a call to an unimplemented API does: stop with a report (default) or log and return 0")
    r.add_argument("--data-dir", default=None, help="host folder for the program's private C: drive")
    r.add_argument("--expose", action="append", default=[], metavar="DIR",
                   help="make a host folder visible to the program (as F:, G:, ...)")
    r.add_argument("program")
    r.add_argument("args", nargs=argparse.REMAINDER)
    i = sub.add_parser("info", help="describe a program and which of its imports are implemented")
    i.add_argument("program")
    return p


def _fail(msg: str, code: int = 2) -> int:
    sys.stderr.write(f"exeplay: {msg}\n")
    sys.stderr.flush()
    return code


def cmd_run(a: argparse.Namespace) -> int:
    from emu import register_all  # noqa: PLC0415
    from emu.machine import EmulatorStop, GuestCrash, Machine, Options  # noqa: PLC0415
    from emu.pe import BadImage  # noqa: PLC0415
    from emu.process import LoadError  # noqa: PLC0415
    if not os.path.isfile(a.program):
        return _fail(f"error: no such file: {a.program}")
    register_all()
    opts = Options(trace=a.trace, unimplemented=a.unimplemented, timeout=a.timeout, data_dir=a.data_dir,
                   expose=a.expose)
    m = Machine(opts)
    try:
        m.load(a.program, list(a.args))
    except (BadImage, LoadError) as e:
        return _fail(f"error: {e}")
    except Exception as e:  # noqa: BLE001 - an emulator bug: one line, not a traceback
        return _internal(e, None)
    try:
        return m.run()
    except GuestCrash as e:
        sys.stderr.write(f"exeplay: guest crashed: {e.report}\n")
        return e.code & 0xFF or 1
    except EmulatorStop as e:
        sys.stderr.write(f"exeplay: {e}\n")
        if e.report:
            sys.stderr.write(e.report + "\n")
        return e.code
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as e:  # noqa: BLE001 - an emulator bug: one line, not a traceback
        return _internal(e, m)


def _internal(e: Exception, m: object | None) -> int:
    """Report an exeplay bug in one line (the traceback with EXEPLAY_DEBUG=1) and exit 70."""
    if os.environ.get("EXEPLAY_DEBUG"):
        import traceback  # noqa: PLC0415
        traceback.print_exception(e)
    where = ""
    calls = getattr(m, "calls", None)
    if calls:
        af, ret = calls[-1]
        where = f" in {af.qualname} called from 0x{ret:08x}"
    return _fail(f"internal error{where}: {type(e).__name__}: {e} (set EXEPLAY_DEBUG=1 for details)", 70)


def cmd_info(a: argparse.Namespace) -> int:
    from emu import register_all  # noqa: PLC0415
    from emu.info import describe  # noqa: PLC0415
    from emu.pe import BadImage  # noqa: PLC0415
    register_all()
    try:
        sys.stdout.write(describe(a.program))
    except BadImage as e:
        return _fail(f"error: {e}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    a = _parser().parse_args(argv)
    if a.cmd == "run":
        return cmd_run(a)
    return cmd_info(a)


def entry() -> None:
    """Console-script entry point."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code & 0xFF if code > 255 else code)


if __name__ == "__main__":
    entry()
