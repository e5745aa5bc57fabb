"""The ``exeplay`` command: ``run`` a program, ``info`` about a program; no arguments: the launcher;
``--install-desktop`` / ``--uninstall-desktop``: the file-manager integration."""
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
    r.add_argument("--deterministic", action="store_true",
                   help="guest time follows guest progress, not the wall clock: identical runs give identical frames")
    r.add_argument("--strict-preemption", action="store_true",
                   help="preempt a computing thread by instruction count when another thread's timed wait is due "
                        "(slower; for programs that spin-wait on other threads without calling Windows)")
    r.add_argument("--input", metavar="FILE", help="feed a script of timed input events (see app/session.py)")
    r.add_argument("--pad-map", metavar="SPEC",
                   help="gamepad to keyboard for programs that read keys: NAME=KEY,... laid over the default mapping "
                        "(d-pad/left stick: arrows, a/start: Return, b: Escape, x: Space), 'clear,...', 'none', or a "
                        "TOML file (see app/gamepad.py)")
    r.add_argument("--no-gamepad", action="store_true", help="no gamepads: no joysticks and no mapped keys")
    r.add_argument("--screenshot-at", action="append", default=[], metavar="T:PATH",
                   help="save the screen as a PNG at guest time T (milliseconds); repeatable")
    r.add_argument("--exit-after", type=float, metavar="T", help="end the program at guest time T (milliseconds)")
    r.add_argument("--audio-out", metavar="FILE.wav",
                   help="record exactly what the mixer plays (16-bit stereo 44.1 kHz; deterministic runs give "
                        "identical files)")
    r.add_argument("--no-sound", action="store_true",
                   help="never open the host's sound device (the program plays silently with the same timing)")
    r.add_argument("--scale", type=int, default=None, metavar="N", help="window scale factor")
    r.add_argument("--fullscreen", action="store_true", help="start in fullscreen (Alt+Enter toggles)")
    r.add_argument("--scaling", choices=("integer", "fit"), default="integer",
                   help="how the picture fills the window: the largest whole factor, letterboxed (default), or the "
                        "largest size that fits; either way 320x200 and 640x400 are shown 4:3")
    r.add_argument("--screen", default="800x600", metavar="WxH", help="guest screen size (default 800x600)")
    r.add_argument("--cwd", choices=("auto", "here", "program"), default="auto",
                   help="the program's current folder: the host's (E:), its own (D:), or auto: its own for GUI "
                        "programs (as when started from a file manager), the host's for console programs")
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
    from app.session import ScriptError, Session, parse_script, parse_shot  # noqa: PLC0415
    register_all()
    try:
        shots = [parse_shot(s) for s in a.screenshot_at]
        inputs = []
        if a.input:
            with open(a.input, encoding="utf-8") as f:
                inputs = parse_script(f.read())
        from app import gamepad  # noqa: PLC0415
        pad_map = gamepad.parse_spec(a.pad_map) if a.pad_map else None
        sw, _, sh = a.screen.lower().partition("x")
        screen = (int(sw), int(sh))
    except (ScriptError, OSError, ValueError) as e:
        return _fail(f"error: {e}")
    if a.deterministic:
        os.environ["TZ"] = "UTC"
        import time  # noqa: PLC0415
        time.tzset()
    gui = _is_gui(a.program)
    opts = Options(trace=a.trace, unimplemented=a.unimplemented, timeout=a.timeout, data_dir=a.data_dir,
                   expose=a.expose, deterministic=a.deterministic, strict_preemption=a.strict_preemption,
                   start_in_program_dir=a.cwd == "program" or (a.cwd == "auto" and gui))
    m = Machine(opts)
    m.state["screen_size"] = screen
    if a.no_sound:
        m.state["audio_device_tried"] = True  # audio.output.open_device: decided already, no device
    try:
        m.load(a.program, list(a.args))
    except (BadImage, LoadError) as e:
        return _fail(f"error: {e}")
    except Exception as e:  # noqa: BLE001 - an emulator bug: one line, not a traceback
        return _internal(e, None)
    Session(m, inputs, shots, a.exit_after)
    if a.audio_out:
        from audio import output  # noqa: PLC0415
        output.start_recording(m, a.audio_out)
    ui = None
    if not a.headless and _is_gui(a.program):
        ui = _open_presenter(m, a)
        if ui is not None:
            m.opts.interactive = True
    gamepad.setup(m, enabled=not a.no_gamepad, mapping=pad_map, start=ui is not None or pad_map is not None,
                  presenter=ui is not None)
    try:
        return m.run(ui=ui)
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


def _is_gui(path: str) -> bool:
    """Whether the PE asks for the Windows GUI subsystem."""
    import struct  # noqa: PLC0415
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
        off = struct.unpack_from("<I", head, 0x3C)[0]
        return struct.unpack_from("<H", head, off + 24 + 68)[0] == 2
    except (OSError, struct.error):
        return False


def _open_presenter(m: object, a: argparse.Namespace) -> object | None:
    """A presenter window step function, or None (with a note) when no window can be opened.

    The window shows ``gdi.desktop.presentation`` (the composed screen, or an exclusive DirectDraw primary
    straight from guest memory) with the guest cursor as a sprite; a source's change (a Flip) wakes it.
    ``EXEPLAY_PRESENT_STATS=PATH`` writes the presenter's counts and costs there as JSON (at least every
    second, and when the program exits).
    """
    try:
        from app.presenter import Presenter  # noqa: PLC0415
        from gdi import desktop  # noqa: PLC0415
        from gdi.input import post_host_event  # noqa: PLC0415

        def version() -> object:
            return desktop.presentation_version(m)  # type: ignore[arg-type]

        def frame() -> object:
            return desktop.presentation(m)  # type: ignore[arg-type]

        p = Presenter(frame, lambda ev: post_host_event(m, ev), os.path.basename(a.program),  # type: ignore[arg-type]
                      scale=a.scale, fullscreen=a.fullscreen, integer_scaling=a.scaling == "integer",
                      version=version, stats_path=os.environ.get("EXEPLAY_PRESENT_STATS") or None)
        desktop.on_change(m, p.wake)  # type: ignore[arg-type]
        if p.stats_path:
            m.state.setdefault("exit_hooks", []).append(p.write_stats)  # type: ignore[attr-defined]
        import sdl2  # noqa: PLC0415
        sdl2.SDL_ShowCursor(sdl2.SDL_DISABLE)  # the guest's own cursor is drawn over the picture
    except Exception as e:  # noqa: BLE001 - no display: run headless instead
        sys.stderr.write(f"exeplay: no window ({type(e).__name__}: {e}); running headless\n")
        return None

    def step() -> None:
        p.step()
    return step


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
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:  # `exeplay` alone opens the launcher (app/launcher.py)
        from app import launcher  # noqa: PLC0415
        return launcher.main()
    if args[0] in ("--install-desktop", "--uninstall-desktop"):  # file-manager integration (app/desktop.py)
        from app import desktop  # noqa: PLC0415
        return desktop.install() if args[0] == "--install-desktop" else desktop.uninstall()
    a = _parser().parse_args(args)
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
