"""The launcher: ``exeplay`` with no arguments. A Dear ImGui window (pyimgui on SDL2 + OpenGL) showing the library.

Library: the bundled demos and the folders / programs the user added (the "Add..." buttons, or dropping .exe
files and folders onto the window), each with its icon and name (``app.library``), recently played first.
Typing filters (Backspace edits, Escape clears); arrows (or a pad's d-pad / left stick) move the selection;
Enter, a double click or the pad's A button plays; Escape / B goes back (closes a panel, clears the filter).
The panel on the right holds the selected program's settings (``app.config``, saved at once).

Isolation: a program runs as a child process, ``python -m app.cli run [settings] PROGRAM``, in its own folder.
The launcher keeps drawing while it runs (it polls the child; the child's output goes to log files in
``log_dir()``) and shows a "Stop" button; when the child ends with a non-zero status or a signal, a red
"stopped" panel shows the status and the tail of its error output (the crash report); a console program's output
is shown when it ends. Closing the launcher leaves a running program alone.

Tests and tools: ``EXEPLAY_LAUNCHER_STATE=PATH`` makes the launcher write its state as JSON there whenever it
changes (its pid, the filter, the programs shown and where their tiles are, the running child's pid, the last
failure). Display set-up follows ``app.presenter``: EGL everywhere (an X11 window with DISPLAY, no display at all
with ``SDL_VIDEODRIVER=offscreen``).
"""
from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config as cfg
from . import library

if sys.platform.startswith("linux") and "OpenGL" not in sys.modules:
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")  # as app.presenter: SDL makes EGL contexts to match

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pysdl2 announces that it uses pysdl2-dll's bundled library
    import sdl2

import imgui
from OpenGL import GL

SOURCE_ROOT = Path(__file__).resolve().parent.parent
FONT = SOURCE_ROOT / "assets" / "fonts" / "LiberationSans-Regular.ttf"
FONT_SIZE = 17
WINDOW_SIZE = (960, 640)
TILE_W, TILE_H = 150, 118
PANEL_W = 330
IDLE_WAIT_MS = 200          # how long an idle frame waits for input
BUSY_SECONDS = 0.5          # frames keep coming at 60 Hz this long after any input (hover, animations)
STOP_GRACE = 3.0            # seconds between SIGTERM and SIGKILL for the Stop button
REPORT_CHARS = 12000
LOGS_KEPT = 20
STICK_THRESHOLD = 16000

FAIL_TITLE_RGB = (0.78, 0.12, 0.12)  # the "stopped" panel's title bar (a test looks for it)

KEY_CHOICES: list[str] = (
    ["Up", "Down", "Left", "Right", "Return", "Escape", "Space", "Tab", "Backspace", "Ctrl", "Shift", "Alt",
     "LControl", "LShift", "RControl", "RShift", "PageUp", "PageDown", "Home", "End", "Insert", "Delete"]
    + [chr(c) for c in range(ord("A"), ord("Z") + 1)] + [str(d) for d in range(10)]
    + [f"F{n}" for n in range(1, 13)]
)
"""Keys offered for pad controls (``--input`` script key names, as ``app.session.key_code`` reads them)."""
PAD_LABELS = {"a": "A", "b": "B", "x": "X", "y": "Y", "start": "Start", "back": "Back", "guide": "Guide",
              "leftshoulder": "LB", "rightshoulder": "RB", "leftstick": "Left stick press",
              "rightstick": "Right stick press", "dpup": "D-pad up", "dpdown": "D-pad down", "dpleft": "D-pad left",
              "dpright": "D-pad right", "leftx-": "Left stick left", "leftx+": "Left stick right",
              "lefty-": "Left stick up", "lefty+": "Left stick down", "rightx-": "Right stick left",
              "rightx+": "Right stick right", "righty-": "Right stick up", "righty+": "Right stick down",
              "lefttrigger": "LT", "righttrigger": "RT"}


class LauncherError(RuntimeError):
    """The launcher window could not be opened (no display, no OpenGL)."""


def status_text(rc: int) -> str:
    """How a child process ended, in words."""
    if rc < 0:
        try:
            return f"killed by signal {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"exit status {rc}"


def pad_spec(mapping: dict[str, str]) -> str:
    """``exeplay run --pad-map`` SPEC giving exactly ``mapping`` (control -> key name)."""
    if not mapping:
        return "none"
    return ",".join(["clear", *(f"{c}={k}" for c, k in mapping.items())])


def child_command(path: str, s: dict[str, Any]) -> list[str]:
    """``python -m app.cli run [options from the program's settings] PROGRAM``."""
    cmd = [sys.executable, "-m", "app.cli", "run"]
    if s["fullscreen"]:
        cmd.append("--fullscreen")
    if s["scaling"] != "integer":
        cmd += ["--scaling", s["scaling"]]
    if s["scale"]:
        cmd += ["--scale", str(s["scale"])]
    for d in s["expose"]:
        cmd += ["--expose", d]
    if not s["sound"]:
        cmd.append("--no-sound")
    if s["gamepad"] != cfg.DEFAULT_GAMEPAD:
        cmd += ["--pad-map", pad_spec(s["gamepad"])]
    return [*cmd, path]


def log_dir() -> Path:
    """Where programs' output goes: ``$XDG_STATE_HOME/exeplay/logs`` (``~/.local/state/exeplay/logs``)."""
    base = os.environ.get("XDG_STATE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "exeplay" / "logs"


def _prune_logs(d: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest runs' logs."""
    try:
        runs = sorted({p.name.rsplit(".", 1)[0] for p in d.iterdir() if p.suffix in (".out", ".err")},
                      key=lambda stem: (d / f"{stem}.err").stat().st_mtime if (d / f"{stem}.err").exists() else 0)
    except OSError:
        return
    for stem in runs[:-keep] if len(runs) > keep else []:
        for ext in (".out", ".err"):
            (d / f"{stem}{ext}").unlink(missing_ok=True)


class Child:
    """A program running in a child process. Its output goes to files in ``log_dir()`` (not pipes: the program
    may outlive the launcher), NAME-TIME-PID.out (the program's) and .err (exeplay's); the last LOGS_KEPT runs
    are kept."""

    def __init__(self, prog: library.Program, cmd: list[str], cwd: str, env: dict[str, str]) -> None:
        self.prog = prog
        self.cmd = cmd
        self.started = time.monotonic()
        self.stopping = 0.0  # monotonic time the user asked it to stop (0: never)
        d = log_dir()
        d.mkdir(parents=True, exist_ok=True)
        _prune_logs(d, LOGS_KEPT - 1)
        stem = f"{os.path.splitext(prog.file_name)[0]}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        self.out_path, self.err_path = d / f"{stem}.out", d / f"{stem}.err"
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)

    @property
    def pid(self) -> int:
        """The child's process id."""
        return self.proc.pid

    def poll(self) -> int | None:
        """The exit status once it has ended, else None (SIGKILL once a Stop has waited STOP_GRACE seconds)."""
        rc = self.proc.poll()
        if rc is None and self.stopping and time.monotonic() - self.stopping > STOP_GRACE:
            self.proc.kill()
        return rc

    def stop(self) -> None:
        """Ask the program to end (SIGTERM; SIGKILL after STOP_GRACE seconds)."""
        if not self.stopping and self.proc.poll() is None:
            self.stopping = time.monotonic()
            self.proc.terminate()

    @staticmethod
    def _tail(path: Path, enc: str) -> str:
        try:
            with open(path, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - 4 * REPORT_CHARS))
                data = f.read()
        except OSError:
            return ""
        return data.decode(enc, "replace").replace("\r\n", "\n")[-REPORT_CHARS:]

    def stdout_text(self) -> str:
        """The end of what the program printed (guest text: Windows-1252)."""
        return self._tail(self.out_path, "cp1252")

    def stderr_text(self) -> str:
        """The end of exeplay's error output (its crash report)."""
        return self._tail(self.err_path, "utf-8")


@dataclass
class Report:
    """A panel about a program that ended: a failure (non-zero status) or a console program's output."""

    name: str
    path: str
    failed: bool
    status: str
    text: str
    seen_frames: int = 0


@dataclass
class Browser:
    """The folder browser: picks a library folder or program (``purpose`` "library") or a folder to expose."""

    purpose: str
    cwd: str
    path_edit: str = ""
    selected: str = ""
    entries: list[tuple[str, bool]] = field(default_factory=list)  # (name, is_dir)

    def refresh(self) -> None:
        """List the current folder (folders first; .exe files too when picking for the library)."""
        self.path_edit = self.cwd
        out: list[tuple[str, bool]] = []
        try:
            with os.scandir(self.cwd) as it:
                for e in it:
                    if e.name.startswith("."):
                        continue
                    try:
                        if e.is_dir():
                            out.append((e.name, True))
                        elif self.purpose == "library" and e.name.lower().endswith(".exe"):
                            out.append((e.name, False))
                    except OSError:
                        continue
        except OSError:
            pass
        out.sort(key=lambda t: (not t[1], t[0].lower()))
        self.entries = out
        self.selected = ""


class Launcher:
    """The launcher window and its loop (create, ``run()``, on the main thread)."""

    def __init__(self, config: cfg.Config | None = None, assets: Path | None = library.ASSETS,
                 size: tuple[int, int] = WINDOW_SIZE, state_path: str | None = None) -> None:
        self.config = config if config is not None else cfg.Config()
        self.assets = assets
        self.state_path = state_path if state_path is not None else os.environ.get("EXEPLAY_LAUNCHER_STATE")
        self.programs: list[library.Program] = []
        self.visible: list[library.Program] = []
        self.filter = ""
        self.selected = ""           # path of the selected program
        self.child: Child | None = None
        self.report: Report | None = None
        self.browser: Browser | None = None
        self.show_library = False
        self.message = ""
        self.frames = 0
        self.columns = 1
        self.tiles: dict[str, tuple[int, int, int, int]] = {}
        self.quit = False
        self._scroll_to_selection = False
        self._busy_until = 0.0
        self._last_frame = 0.0
        self._textures: dict[str, int] = {}
        self._pads: dict[int, Any] = {}
        self._stick: dict[tuple[int, int], int] = {}
        self._last_state = ""
        self._scan_thread: threading.Thread | None = None
        self._scan_result: list[library.Program] | None = None
        self._scan_again = False
        self._window: Any = None
        self._ctx: Any = None
        self._renderer: Any = None
        self._imgui_ctx: Any = None
        self._event = sdl2.SDL_Event()
        self._open(size)
        self.programs = library.scan(self.config.folders, self.config.files, self.assets)
        self._refilter()

    # ------------------------------------------------------------------ window
    def _open(self, size: tuple[int, int]) -> None:
        if os.environ.get("PYOPENGL_PLATFORM") == "egl":
            sdl2.SDL_SetHint(b"SDL_VIDEO_X11_FORCE_EGL", b"1")
        sdl2.SDL_SetHint(b"SDL_MOUSE_FOCUS_CLICKTHROUGH", b"1")
        sdl2.SDL_SetHint(b"SDL_VIDEO_ALLOW_SCREENSAVER", b"1")
        if sdl2.SDL_InitSubSystem(sdl2.SDL_INIT_VIDEO | sdl2.SDL_INIT_EVENTS) != 0:
            raise LauncherError(f"SDL video: {sdl2.SDL_GetError().decode('utf-8', 'replace')}")
        driver = (sdl2.SDL_GetCurrentVideoDriver() or b"").decode()
        if driver in ("offscreen", "dummy") and os.environ.get("SDL_VIDEODRIVER") != driver:
            # SDL fell back to an invisible window (no DISPLAY / WAYLAND_DISPLAY): nobody could see the launcher
            sdl2.SDL_QuitSubSystem(sdl2.SDL_INIT_VIDEO | sdl2.SDL_INIT_EVENTS)
            raise LauncherError("no display (set DISPLAY or WAYLAND_DISPLAY)")
        sdl2.SDL_InitSubSystem(sdl2.SDL_INIT_GAMECONTROLLER)  # no pads: the launcher works without them
        flags = sdl2.SDL_WINDOW_OPENGL | sdl2.SDL_WINDOW_RESIZABLE | sdl2.SDL_WINDOW_ALLOW_HIGHDPI
        err = ""
        for profile in ("core", "compat"):
            sdl2.SDL_GL_ResetAttributes()
            sdl2.SDL_GL_SetAttribute(sdl2.SDL_GL_DOUBLEBUFFER, 1)
            sdl2.SDL_GL_SetAttribute(sdl2.SDL_GL_CONTEXT_MAJOR_VERSION, 3)
            sdl2.SDL_GL_SetAttribute(sdl2.SDL_GL_CONTEXT_MINOR_VERSION, 3)
            if profile == "core":
                sdl2.SDL_GL_SetAttribute(sdl2.SDL_GL_CONTEXT_PROFILE_MASK, sdl2.SDL_GL_CONTEXT_PROFILE_CORE)
            self._window = sdl2.SDL_CreateWindow(b"exeplay", sdl2.SDL_WINDOWPOS_CENTERED,
                                                 sdl2.SDL_WINDOWPOS_CENTERED, size[0], size[1], flags)
            if not self._window:
                err = sdl2.SDL_GetError().decode("utf-8", "replace")
                continue
            self._ctx = sdl2.SDL_GL_CreateContext(self._window)
            if self._ctx:
                break
            err = sdl2.SDL_GetError().decode("utf-8", "replace")
            sdl2.SDL_DestroyWindow(self._window)
            self._window = None
        if not self._ctx:
            self.close()
            raise LauncherError(f"no OpenGL 3.3 context: {err}")
        sdl2.SDL_GL_MakeCurrent(self._window, self._ctx)
        sdl2.SDL_GL_SetSwapInterval(1)
        self._set_window_icon()
        self._imgui_ctx = imgui.create_context()
        io = imgui.get_io()
        io.ini_file_name = None
        io.log_file_name = None
        io.config_flags = 0  # the launcher does its own keyboard / pad navigation
        io.mouse_double_click_time = 0.4
        if FONT.is_file():
            io.fonts.clear()
            io.fonts.add_font_from_file_ttf(str(FONT), FONT_SIZE)
        self._style()
        from imgui.integrations.opengl import ProgrammablePipelineRenderer  # noqa: PLC0415
        try:
            self._renderer = ProgrammablePipelineRenderer()
        except Exception as e:  # noqa: BLE001 - shaders or buffers failed
            self.close()
            raise LauncherError(f"OpenGL set-up failed: {type(e).__name__}: {e}") from e
        for i, sc in enumerate((sdl2.SDL_SCANCODE_TAB, sdl2.SDL_SCANCODE_LEFT, sdl2.SDL_SCANCODE_RIGHT,
                                sdl2.SDL_SCANCODE_UP, sdl2.SDL_SCANCODE_DOWN, sdl2.SDL_SCANCODE_PAGEUP,
                                sdl2.SDL_SCANCODE_PAGEDOWN, sdl2.SDL_SCANCODE_HOME, sdl2.SDL_SCANCODE_END,
                                sdl2.SDL_SCANCODE_INSERT, sdl2.SDL_SCANCODE_DELETE, sdl2.SDL_SCANCODE_BACKSPACE,
                                sdl2.SDL_SCANCODE_SPACE, sdl2.SDL_SCANCODE_RETURN, sdl2.SDL_SCANCODE_ESCAPE,
                                sdl2.SDL_SCANCODE_KP_ENTER, sdl2.SDL_SCANCODE_A, sdl2.SDL_SCANCODE_C,
                                sdl2.SDL_SCANCODE_V, sdl2.SDL_SCANCODE_X, sdl2.SDL_SCANCODE_Y, sdl2.SDL_SCANCODE_Z)):
            io.key_map[i] = sc  # ImGuiKey_Tab .. ImGuiKey_Z in order
        io.get_clipboard_text_fn = lambda: (sdl2.SDL_GetClipboardText() or b"").decode("utf-8", "replace")
        io.set_clipboard_text_fn = lambda text: sdl2.SDL_SetClipboardText(text.encode("utf-8"))
        sdl2.SDL_EventState(sdl2.SDL_DROPFILE, sdl2.SDL_ENABLE)
        sdl2.SDL_StartTextInput()

    def _set_window_icon(self) -> None:
        from .desktop import app_icon  # noqa: PLC0415
        im = app_icon(64)
        data = im.tobytes()
        surf = sdl2.SDL_CreateRGBSurfaceWithFormatFrom(data, 64, 64, 32, 64 * 4, sdl2.SDL_PIXELFORMAT_RGBA32)
        if surf:
            sdl2.SDL_SetWindowIcon(self._window, surf)
            sdl2.SDL_FreeSurface(surf)

    @staticmethod
    def _style() -> None:
        imgui.style_colors_dark()
        st = imgui.get_style()
        st.window_rounding = 4
        st.frame_rounding = 3
        st.child_rounding = 4
        st.window_padding = (10, 10)
        st.item_spacing = (8, 6)
        st.colors[imgui.COLOR_WINDOW_BACKGROUND] = (0.09, 0.09, 0.11, 1.0)  # panels over the grid: opaque

    def close(self) -> None:
        """Tear the window down (a running program goes on)."""
        if self._renderer is not None:
            if self._textures:
                GL.glDeleteTextures(list(self._textures.values()))
                self._textures.clear()
            self._renderer.shutdown()
            self._renderer = None
        if self._imgui_ctx is not None:
            imgui.destroy_context(self._imgui_ctx)
            self._imgui_ctx = None
        for pad in self._pads.values():
            sdl2.SDL_GameControllerClose(pad)
        self._pads.clear()
        if self._ctx:
            sdl2.SDL_GL_DeleteContext(self._ctx)
            self._ctx = None
        if self._window:
            sdl2.SDL_DestroyWindow(self._window)
            self._window = None
        sdl2.SDL_QuitSubSystem(sdl2.SDL_INIT_GAMECONTROLLER | sdl2.SDL_INIT_VIDEO | sdl2.SDL_INIT_EVENTS)

    # ------------------------------------------------------------------ library
    def _refilter(self) -> None:
        """Recompute the programs shown (filter, recent order) keeping the selection when it is still shown."""
        order = library.ordered(self.programs, self.config.recent)
        self.visible = [p for p in order if library.matches(p, self.filter)]
        paths = [p.path for p in self.visible]
        if self.selected not in paths:
            self.selected = paths[0] if paths else ""
            self._scroll_to_selection = True

    def _rescan(self) -> None:
        """Scan the library again on a thread (the result is taken by the loop)."""
        if self._scan_thread is not None and self._scan_thread.is_alive():
            self._scan_again = True
            return
        folders, files = list(self.config.folders), list(self.config.files)

        def work() -> None:
            self._scan_result = library.scan(folders, files, self.assets)
        self._scan_thread = threading.Thread(target=work, daemon=True)
        self._scan_thread.start()

    def _take_scan(self) -> None:
        if self._scan_result is None:
            return
        self.programs, self._scan_result = self._scan_result, None
        self._refilter()
        if self._scan_again:
            self._scan_again = False
            self._rescan()

    def add_path(self, path: str) -> None:
        """Add a dropped or picked folder (searched for programs) or program to the library."""
        p = os.path.realpath(path)
        if os.path.isdir(p):
            added = self.config.add_folder(p)
        elif os.path.isfile(p) and p.lower().endswith(".exe"):
            added = self.config.add_file(p)
            self.selected = p
            self._scroll_to_selection = True
        else:
            self.message = f"Not a program or folder: {os.path.basename(p)}"
            return
        if added:
            self.config.save()
        self.message = f"Added {p}"
        self._rescan()

    def _texture(self, prog: library.Program) -> int:
        """The GL texture of a program's icon (made on first use)."""
        key = prog.path if prog.has_icon else f"<default:{prog.gui}>"
        tex = self._textures.get(key)
        if tex is None:
            im = prog.icon
            tex = int(GL.glGenTextures(1))
            GL.glBindTexture(GL.GL_TEXTURE_2D, tex)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_LINEAR)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE)
            GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)
            GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, im.width, im.height, 0, GL.GL_RGBA,
                            GL.GL_UNSIGNED_BYTE, im.tobytes())
            self._textures[key] = tex
        return tex

    # ------------------------------------------------------------------ programs
    def command(self, prog: library.Program) -> list[str]:
        """The child's command line for a program with its settings."""
        return child_command(prog.path, self.config.program_settings(prog.path))

    def launch(self, prog: library.Program | None = None) -> bool:
        """Start the selected program (or ``prog``) in a child process."""
        prog = prog or self._selected_program()
        if prog is None:
            return False
        if self.child is not None:
            self.message = f"{self.child.prog.name} is running: stop it first"
            return False
        env = dict(os.environ)
        env["PYTHONPATH"] = str(SOURCE_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env.pop("EXEPLAY_LAUNCHER_STATE", None)
        try:
            self.child = Child(prog, self.command(prog), os.path.dirname(prog.path), env)
        except OSError as e:
            self.report = Report(prog.name, prog.path, True, "could not start", str(e))
            return False
        self.report = None
        self.message = f"Started {prog.name}"
        self.config.played(prog.path)
        try:
            self.config.save()
        except OSError as e:
            self.message = f"Settings not saved: {e}"
        self._refilter()
        self.selected = prog.path
        self._scroll_to_selection = True
        return True

    def _poll_child(self) -> None:
        c = self.child
        if c is None:
            return
        rc = c.poll()
        if rc is None:
            return
        self.child = None
        err = c.stderr_text()
        if c.stopping:
            self.message = f"{c.prog.name} stopped ({status_text(rc)})"
        elif rc != 0:
            text = err.strip() or "(no error output)"
            out = c.stdout_text().strip()
            if out:
                text += "\n\n--- program output ---\n" + out[-4000:]
            text += f"\n\n(full logs: {c.err_path} and {c.out_path.name})"
            self.report = Report(c.prog.name, c.prog.path, True, status_text(rc), text)
            self.message = f"{c.prog.name} stopped: {status_text(rc)}"
        elif not c.prog.gui:
            self.report = Report(c.prog.name, c.prog.path, False, status_text(rc), c.stdout_text() or "(no output)")
            self.message = f"{c.prog.name} finished"
        else:
            self.message = f"{c.prog.name} finished"
        if self._window:
            sdl2.SDL_ShowWindow(self._window)
            sdl2.SDL_RaiseWindow(self._window)
        self._busy_until = time.monotonic() + BUSY_SECONDS

    def _selected_program(self) -> library.Program | None:
        return next((p for p in self.visible if p.path == self.selected), None)

    # ------------------------------------------------------------------ navigation
    def move(self, dx: int, dy: int) -> None:
        """Move the selection by columns (dx) and rows (dy) of the grid."""
        if not self.visible:
            return
        paths = [p.path for p in self.visible]
        i = paths.index(self.selected) if self.selected in paths else 0
        j = min(max(i + dx + dy * max(1, self.columns), 0), len(paths) - 1)
        if dy and not 0 <= i + dy * max(1, self.columns) < len(paths) and j == i:
            return
        self.selected = paths[j]
        self._scroll_to_selection = True

    def back(self) -> None:
        """Escape / pad B: close the topmost panel, else clear the filter."""
        if self.browser is not None:
            self.browser = None
        elif self.report is not None:
            self.report = None
        elif self.show_library:
            self.show_library = False
        elif self.filter:
            self.filter = ""
            self._refilter()

    def activate(self) -> None:
        """Enter / pad A: dismiss a report, else play the selected program."""
        if self.report is not None:
            self.report = None
        elif self.browser is None:
            self.launch()

    def type_text(self, text: str) -> None:
        """Typed characters extend the filter."""
        self.filter += "".join(c for c in text if c.isprintable())
        self._refilter()

    def backspace(self) -> None:
        """Backspace shortens the filter."""
        if self.filter:
            self.filter = self.filter[:-1]
            self._refilter()

    # ------------------------------------------------------------------ events
    def _handle_events(self, wait_ms: int) -> None:
        """Take input: wait up to wait_ms for the first event, then everything queued, except that a mouse
        button change ends the batch (ImGui 1.82 sees one button state per frame: fast double clicks count)."""
        ev = self._event
        got = sdl2.SDL_WaitEventTimeout(ctypes.byref(ev), wait_ms) if wait_ms > 0 else \
            sdl2.SDL_PollEvent(ctypes.byref(ev))
        while got:
            self._busy_until = time.monotonic() + BUSY_SECONDS
            if self._event_one(ev):
                break
            got = sdl2.SDL_PollEvent(ctypes.byref(ev))

    def _event_one(self, ev: sdl2.SDL_Event) -> bool:
        """Handle one SDL event; True when the frame should be drawn before the next one."""
        io = imgui.get_io()
        t = ev.type
        text_owner = io.want_text_input  # an ImGui text field is being edited (last frame)
        if t == sdl2.SDL_QUIT:
            self.quit = True
        elif t == sdl2.SDL_MOUSEMOTION:
            io.mouse_pos = (ev.motion.x, ev.motion.y)
        elif t in (sdl2.SDL_MOUSEBUTTONDOWN, sdl2.SDL_MOUSEBUTTONUP):
            b = {sdl2.SDL_BUTTON_LEFT: 0, sdl2.SDL_BUTTON_RIGHT: 1, sdl2.SDL_BUTTON_MIDDLE: 2}.get(ev.button.button)
            io.mouse_pos = (ev.button.x, ev.button.y)
            if b is not None:
                io.mouse_down[b] = t == sdl2.SDL_MOUSEBUTTONDOWN
                return True
        elif t == sdl2.SDL_MOUSEWHEEL:
            io.mouse_wheel += ev.wheel.y
        elif t == sdl2.SDL_WINDOWEVENT:
            if ev.window.event == sdl2.SDL_WINDOWEVENT_LEAVE:
                io.mouse_pos = (-1, -1)
            elif ev.window.event == sdl2.SDL_WINDOWEVENT_FOCUS_LOST:
                for i in range(3):
                    io.mouse_down[i] = False
        elif t in (sdl2.SDL_KEYDOWN, sdl2.SDL_KEYUP):
            sc = ev.key.keysym.scancode
            down = t == sdl2.SDL_KEYDOWN
            if 0 <= sc < 512:
                io.keys_down[sc] = down
            mod = sdl2.SDL_GetModState()
            io.key_shift = bool(mod & sdl2.KMOD_SHIFT)
            io.key_ctrl = bool(mod & sdl2.KMOD_CTRL)
            io.key_alt = bool(mod & sdl2.KMOD_ALT)
            io.key_super = bool(mod & sdl2.KMOD_GUI)
            if down and not text_owner:
                self._key(sc, mod)
        elif t == sdl2.SDL_TEXTINPUT:
            text = ev.text.text.decode("utf-8", "replace")
            if text_owner:
                for ch in text:
                    io.add_input_character(ord(ch))
            elif self.browser is None:
                self.type_text(text)
        elif t == sdl2.SDL_DROPFILE:
            addr = ctypes.c_void_p.from_buffer(ev, sdl2.SDL_DropEvent.file.offset).value
            if addr:
                path = ctypes.string_at(addr).decode("utf-8", "surrogateescape")
                sdl2.SDL_free(ctypes.c_void_p(addr))
                self.add_path(path)
        elif t == sdl2.SDL_CONTROLLERDEVICEADDED:
            pad = sdl2.SDL_GameControllerOpen(ev.cdevice.which)
            if pad:
                jid = sdl2.SDL_JoystickInstanceID(sdl2.SDL_GameControllerGetJoystick(pad))
                self._pads[jid] = pad
        elif t == sdl2.SDL_CONTROLLERDEVICEREMOVED:
            pad = self._pads.pop(ev.cdevice.which, None)
            if pad:
                sdl2.SDL_GameControllerClose(pad)
        elif t == sdl2.SDL_CONTROLLERBUTTONDOWN:
            self._pad_button(ev.cbutton.button)
        elif t == sdl2.SDL_CONTROLLERAXISMOTION:
            self._pad_axis(ev.caxis.which, ev.caxis.axis, ev.caxis.value)
        return False

    def _key(self, sc: int, mod: int) -> None:
        if mod & (sdl2.KMOD_CTRL | sdl2.KMOD_ALT | sdl2.KMOD_GUI):
            return
        page = max(1, (self._list_height() // TILE_H))
        moves = {sdl2.SDL_SCANCODE_LEFT: (-1, 0), sdl2.SDL_SCANCODE_RIGHT: (1, 0), sdl2.SDL_SCANCODE_UP: (0, -1),
                 sdl2.SDL_SCANCODE_DOWN: (0, 1), sdl2.SDL_SCANCODE_PAGEUP: (0, -page),
                 sdl2.SDL_SCANCODE_PAGEDOWN: (0, page)}
        if sc in moves and self.browser is None:
            self.move(*moves[sc])
        elif sc in (sdl2.SDL_SCANCODE_RETURN, sdl2.SDL_SCANCODE_KP_ENTER):
            self.activate()
        elif sc == sdl2.SDL_SCANCODE_ESCAPE:
            self.back()
        elif sc == sdl2.SDL_SCANCODE_BACKSPACE and self.browser is None:
            self.backspace()

    def _pad_button(self, button: int) -> None:
        if self.child is not None:  # the pad is the program's while it runs
            return
        if button == sdl2.SDL_CONTROLLER_BUTTON_DPAD_UP:
            self.move(0, -1)
        elif button == sdl2.SDL_CONTROLLER_BUTTON_DPAD_DOWN:
            self.move(0, 1)
        elif button == sdl2.SDL_CONTROLLER_BUTTON_DPAD_LEFT:
            self.move(-1, 0)
        elif button == sdl2.SDL_CONTROLLER_BUTTON_DPAD_RIGHT:
            self.move(1, 0)
        elif button in (sdl2.SDL_CONTROLLER_BUTTON_A, sdl2.SDL_CONTROLLER_BUTTON_START):
            self.activate()
        elif button == sdl2.SDL_CONTROLLER_BUTTON_B:
            self.back()

    def _pad_axis(self, which: int, axis: int, value: int) -> None:
        """The left stick moves the selection once per push past STICK_THRESHOLD."""
        if axis not in (sdl2.SDL_CONTROLLER_AXIS_LEFTX, sdl2.SDL_CONTROLLER_AXIS_LEFTY) or self.child is not None:
            return
        d = -1 if value < -STICK_THRESHOLD else 1 if value > STICK_THRESHOLD else 0
        if d == self._stick.get((which, axis), 0):
            return
        self._stick[(which, axis)] = d
        if d:
            self.move(d, 0) if axis == sdl2.SDL_CONTROLLER_AXIS_LEFTX else self.move(0, d)

    # ------------------------------------------------------------------ drawing
    def _list_height(self) -> int:
        return max(TILE_H, int(imgui.get_io().display_size[1]) - 120)

    def frame(self) -> None:
        """Draw one frame of the UI and swap."""
        io = imgui.get_io()
        w, h = ctypes.c_int(), ctypes.c_int()
        sdl2.SDL_GetWindowSize(self._window, ctypes.byref(w), ctypes.byref(h))
        dw, dh = ctypes.c_int(), ctypes.c_int()
        sdl2.SDL_GL_GetDrawableSize(self._window, ctypes.byref(dw), ctypes.byref(dh))
        io.display_size = (w.value, h.value)
        io.display_fb_scale = (dw.value / max(1, w.value), dh.value / max(1, h.value))
        now = time.monotonic()
        io.delta_time = min(max(now - self._last_frame, 1e-4), 0.5) if self._last_frame else 1 / 60
        self._last_frame = now
        imgui.new_frame()
        self._draw_main(w.value, h.value)
        if self.report is not None:
            self._draw_report(w.value, h.value)
        if self.show_library:
            self._draw_library_window(w.value, h.value)
        if self.browser is not None:
            self._draw_browser(w.value, h.value)
        imgui.render()
        GL.glViewport(0, 0, dw.value, dh.value)
        GL.glClearColor(0.1, 0.1, 0.12, 1)
        GL.glClear(GL.GL_COLOR_BUFFER_BIT)
        self._renderer.render(imgui.get_draw_data())
        sdl2.SDL_GL_SwapWindow(self._window)
        io.mouse_wheel = 0
        self.frames += 1

    def _draw_main(self, w: int, h: int) -> None:
        imgui.set_next_window_position(0, 0)
        imgui.set_next_window_size(w, h)
        flags = (imgui.WINDOW_NO_DECORATION | imgui.WINDOW_NO_MOVE | imgui.WINDOW_NO_SAVED_SETTINGS
                 | imgui.WINDOW_NO_BRING_TO_FRONT_ON_FOCUS)
        imgui.begin("exeplay", False, flags)
        # top bar: the filter (typed anywhere) and library buttons
        imgui.text("exeplay")
        imgui.same_line(spacing=20)
        dl = imgui.get_window_draw_list()
        x, y = imgui.get_cursor_screen_pos()
        box_w = max(160, w - PANEL_W - 300)
        dl.add_rect_filled(x, y - 2, x + box_w, y + FONT_SIZE + 4, imgui.get_color_u32_rgba(0.2, 0.2, 0.24, 1), 3)
        if self.filter:
            caret = "|" if int(time.monotonic() * 2) % 2 == 0 else ""
            dl.add_text(x + 6, y, imgui.get_color_u32_rgba(1, 1, 1, 1), self.filter + caret)
        else:
            dl.add_text(x + 6, y, imgui.get_color_u32_rgba(0.55, 0.55, 0.6, 1), "Type to search")
        imgui.dummy(box_w, FONT_SIZE + 2)
        imgui.same_line()
        if imgui.button("Add folder..."):
            self._open_browser("library")
        imgui.same_line()
        if imgui.button("Library..."):
            self.show_library = not self.show_library
        imgui.separator()
        body_h = h - imgui.get_cursor_pos()[1] - FONT_SIZE - 26
        imgui.begin_child("programs", w - PANEL_W - 28, body_h, border=True)
        self._draw_grid()
        imgui.end_child()
        imgui.same_line()
        imgui.begin_child("settings", 0, body_h, border=True)
        self._draw_settings()
        imgui.end_child()
        self._draw_status()
        imgui.end()

    def _draw_grid(self) -> None:
        avail = imgui.get_content_region_available()[0]
        spacing = imgui.get_style().item_spacing[0]
        self.columns = max(1, int((avail + spacing) // (TILE_W + spacing)))
        self.tiles = {}
        if not self.visible:
            msg = ("No program matches \"%s\"" % self.filter) if self.filter else \
                "No programs yet: drop .exe files or folders here, or use Add folder..."
            imgui.text_disabled(msg)
            self._scroll_to_selection = False
            return
        dl = imgui.get_window_draw_list()
        white = imgui.get_color_u32_rgba(1, 1, 1, 1)
        for i, prog in enumerate(self.visible):
            if i % self.columns:
                imgui.same_line()
            sel = prog.path == self.selected
            clicked, _ = imgui.selectable(f"##tile{i}", sel, imgui.SELECTABLE_ALLOW_DOUBLE_CLICK, TILE_W, TILE_H)
            if clicked:
                self.selected = prog.path
                if imgui.is_mouse_double_clicked(0):
                    self.launch(prog)
            if imgui.is_item_hovered() and prog.name != prog.file_name:
                imgui.set_tooltip(prog.file_name)
            x0, y0 = imgui.get_item_rect_min()
            self.tiles[prog.path] = (int(x0), int(y0), TILE_W, TILE_H)
            if sel and self._scroll_to_selection:
                imgui.set_scroll_here_y(0.5)
                self._scroll_to_selection = False
            ix = x0 + (TILE_W - library.ICON_SIZE) // 2
            iy = y0 + 8
            dl.add_image(self._texture(prog), (ix, iy), (ix + library.ICON_SIZE, iy + library.ICON_SIZE))
            for k, line in enumerate(self._wrap(prog.name, TILE_W - 8, 2)):
                tw = imgui.calc_text_size(line)[0]
                dl.add_text(x0 + (TILE_W - tw) / 2, iy + library.ICON_SIZE + 4 + k * (FONT_SIZE + 1), white, line)
        self._scroll_to_selection = False

    @staticmethod
    def _wrap(text: str, width: float, lines: int) -> list[str]:
        """Break a name into at most ``lines`` lines of ``width`` pixels (the last one cut with "...")."""
        words = text.split()
        out: list[str] = []
        cur = ""
        for wd in words:
            t = f"{cur} {wd}" if cur else wd
            if imgui.calc_text_size(t)[0] <= width or not cur:
                cur = t
            else:
                out.append(cur)
                cur = wd
        if cur:
            out.append(cur)
        if len(out) > lines:
            out = out[:lines - 1] + [" ".join(out[lines - 1:])]
        last = out[-1] if out else ""
        while last and imgui.calc_text_size(last)[0] > width:
            last = last[:-4].rstrip() + "..." if len(last) > 4 else last[:-1]
        if out:
            out[-1] = last
        return out

    def _draw_settings(self) -> None:
        prog = self._selected_program()
        if prog is None:
            imgui.text_disabled("Nothing selected")
            return
        s = self.config.program_settings(prog.path)
        before = json.dumps(s, sort_keys=True)
        imgui.image(self._texture(prog), library.ICON_SIZE, library.ICON_SIZE)
        imgui.same_line()
        imgui.begin_group()
        imgui.push_text_wrap_pos(0)
        imgui.text(prog.name)
        if prog.name != prog.file_name or not prog.gui:
            imgui.text_disabled((prog.file_name if prog.name != prog.file_name else "") +
                                ("  (console)" if not prog.gui else ""))
        imgui.pop_text_wrap_pos()
        imgui.end_group()
        imgui.push_text_wrap_pos(0)
        imgui.text_disabled(os.path.dirname(prog.path))
        imgui.pop_text_wrap_pos()
        running = self.child is not None
        if running:
            imgui.text(f"Running: {self.child.prog.name}")  # type: ignore[union-attr]
        elif imgui.button("Play", 120, 0):
            self.launch(prog)
        imgui.separator()
        imgui.push_item_width(-110)
        _, s["fullscreen"] = imgui.checkbox("Fullscreen", s["fullscreen"])
        _, s["sound"] = imgui.checkbox("Sound", s["sound"])
        labels = ["Whole multiples (sharp)", "Fill the window"]
        _, k = imgui.combo("Scaling", cfg.SCALINGS.index(s["scaling"]), labels)
        s["scaling"] = cfg.SCALINGS[k]
        _, s["scale"] = imgui.combo("Window size", s["scale"], ["Automatic", "1x", "2x", "3x", "4x"]) \
            if s["scale"] <= 4 else (False, s["scale"])
        imgui.pop_item_width()
        imgui.text("Folders the program sees:")
        for j, d in enumerate(list(s["expose"])):
            if imgui.small_button(f"x##exp{j}"):
                s["expose"].remove(d)
            imgui.same_line()
            imgui.text(d)
        if imgui.small_button("Add a folder..."):
            self._open_browser("expose")
        if imgui.collapsing_header("Gamepad to keys")[0]:
            pad = s["gamepad"]
            for c in cfg.PAD_CONTROLS[:19]:
                cur = pad.get(c, "")
                choices = ["(nothing)", *KEY_CHOICES] + ([cur] if cur and cur not in KEY_CHOICES else [])
                idx = choices.index(cur) if cur else 0
                imgui.push_item_width(110)
                changed, idx = imgui.combo(f"{PAD_LABELS[c]}##pad{c}", idx, choices)
                imgui.pop_item_width()
                if changed:
                    if idx:
                        pad[c] = choices[idx]
                    else:
                        pad.pop(c, None)
            if imgui.button("Default keys"):
                s["gamepad"] = dict(cfg.DEFAULT_GAMEPAD)
        if prog.path in self.config.files:
            imgui.separator()
            if imgui.button("Remove from library"):
                self.config.remove_file(prog.path)
                self.config.save()
                self._rescan()
        if json.dumps(s, sort_keys=True) != before:
            self.config.set_program_settings(prog.path, s)
            try:
                self.config.save()
            except OSError as e:
                self.message = f"Settings not saved: {e}"

    def _draw_status(self) -> None:
        imgui.separator()
        c = self.child
        if c is not None:
            secs = int(time.monotonic() - c.started)
            imgui.text(f"Playing {c.prog.name} ({secs // 60}:{secs % 60:02d})")
            imgui.same_line()
            if imgui.small_button("Stop" if not c.stopping else "Stopping..."):
                c.stop()
        else:
            n = len(self.programs)
            shown = f"{len(self.visible)} of {n}" if self.filter else f"{n}"
            imgui.text_disabled(f"{shown} programs.  Enter: play   Arrows: choose   Esc: back")
        if self.message:
            imgui.same_line(spacing=30)
            imgui.text_disabled(self.message)

    def _draw_report(self, w: int, h: int) -> None:
        r = self.report
        assert r is not None
        pw, ph = min(w - 60, 760), min(h - 80, 380)
        imgui.set_next_window_position((w - pw) / 2, (h - ph) / 2, imgui.ALWAYS)
        imgui.set_next_window_size(pw, ph, imgui.ALWAYS)
        colors = 0
        if r.failed:
            for c in (imgui.COLOR_TITLE_BACKGROUND, imgui.COLOR_TITLE_BACKGROUND_ACTIVE,
                      imgui.COLOR_TITLE_BACKGROUND_COLLAPSED):
                imgui.push_style_color(c, *FAIL_TITLE_RGB, 1.0)
            colors = 3
        title = f"{r.name} stopped: {r.status}" if r.failed else f"{r.name}: output"
        imgui.set_next_window_focus()
        _, opened = imgui.begin(f"{title}###report", True, imgui.WINDOW_NO_SAVED_SETTINGS | imgui.WINDOW_NO_COLLAPSE
                                | imgui.WINDOW_NO_RESIZE | imgui.WINDOW_NO_MOVE)
        if colors:
            imgui.pop_style_color(colors)
        if r.failed:
            imgui.text_wrapped(f"{r.name} stopped ({r.status}). What exeplay reported:")
        imgui.input_text_multiline("##report", r.text, len(r.text.encode("utf-8")) + 1, -1, -FONT_SIZE - 16,
                                   imgui.INPUT_TEXT_READ_ONLY)
        if imgui.button("Close"):
            opened = False
        imgui.same_line()
        if imgui.button("Copy report"):
            imgui.set_clipboard_text(f"{r.name} ({r.path}): {r.status}\n{r.text}")
        if r.failed and self.child is None:
            imgui.same_line()
            if imgui.button("Play again"):
                prog = next((p for p in self.programs if p.path == r.path), None)
                if prog is not None:
                    self.launch(prog)
        imgui.end()
        if not opened:
            self.report = None

    def _draw_library_window(self, w: int, h: int) -> None:
        imgui.set_next_window_size(560, 320, imgui.FIRST_USE_EVER)
        imgui.set_next_window_position(w / 2 - 280, h / 2 - 160, imgui.FIRST_USE_EVER)
        _, opened = imgui.begin("Library folders and programs", True, imgui.WINDOW_NO_SAVED_SETTINGS)
        if self.assets is not None:
            imgui.text_disabled(f"Bundled demos: {self.assets}")
        changed = False
        for j, d in enumerate(list(self.config.folders)):
            if imgui.small_button(f"Remove##f{j}"):
                self.config.remove_folder(d)
                changed = True
            imgui.same_line()
            imgui.text(f"Folder: {d}")
        for j, d in enumerate(list(self.config.files)):
            if imgui.small_button(f"Remove##p{j}"):
                self.config.remove_file(d)
                changed = True
            imgui.same_line()
            imgui.text(f"Program: {d}")
        if not self.config.folders and not self.config.files:
            imgui.text_disabled("Nothing added yet. Drop .exe files or folders onto the window.")
        if imgui.button("Add folder or program..."):
            self._open_browser("library")
        imgui.end()
        if changed:
            self.config.save()
            self._rescan()
        if not opened:
            self.show_library = False

    def _open_browser(self, purpose: str) -> None:
        start = os.path.expanduser("~")
        prog = self._selected_program()
        if purpose == "expose" and prog is not None:
            start = os.path.dirname(prog.path)
        elif self.config.folders:
            start = os.path.dirname(self.config.folders[-1]) or start
        self.browser = Browser(purpose, start)
        self.browser.refresh()

    def _draw_browser(self, w: int, h: int) -> None:
        b = self.browser
        assert b is not None
        imgui.set_next_window_size(min(w - 40, 640), min(h - 40, 460), imgui.ALWAYS)
        imgui.set_next_window_position(w / 2 - min(w - 40, 640) / 2, h / 2 - min(h - 40, 460) / 2, imgui.ALWAYS)
        title = "Add to the library" if b.purpose == "library" else "A folder for the program to see"
        _, opened = imgui.begin(f"{title}###browser", True, imgui.WINDOW_NO_SAVED_SETTINGS | imgui.WINDOW_NO_COLLAPSE)
        imgui.push_item_width(-1)
        entered, b.path_edit = imgui.input_text("##path", b.path_edit, 4096, imgui.INPUT_TEXT_ENTER_RETURNS_TRUE)
        imgui.pop_item_width()
        if entered and os.path.isdir(os.path.expanduser(b.path_edit)):
            b.cwd = os.path.realpath(os.path.expanduser(b.path_edit))
            b.refresh()
        imgui.begin_child("entries", 0, -FONT_SIZE - 18, border=True)
        go: str | None = None
        if imgui.selectable("[..]", False, imgui.SELECTABLE_ALLOW_DOUBLE_CLICK)[0] and imgui.is_mouse_double_clicked(0):
            go = os.path.dirname(b.cwd)
        for name, is_dir in b.entries:
            label = f"[{name}]" if is_dir else name
            clicked, _ = imgui.selectable(label, b.selected == name, imgui.SELECTABLE_ALLOW_DOUBLE_CLICK)
            if clicked:
                b.selected = name
                if imgui.is_mouse_double_clicked(0):
                    if is_dir:
                        go = os.path.join(b.cwd, name)
                    else:
                        self.add_path(os.path.join(b.cwd, name))
                        opened = False
        imgui.end_child()
        if go is not None:
            b.cwd = go
            b.refresh()
        chosen = os.path.join(b.cwd, b.selected) if b.selected else b.cwd
        if b.purpose == "library":
            label = "Add this program" if b.selected and not os.path.isdir(chosen) else "Add this folder"
        else:
            label = "Use this folder"
        if imgui.button(label) and (b.purpose == "library" or os.path.isdir(chosen)):
            if b.purpose == "library":
                self.add_path(chosen)
            else:
                prog = self._selected_program()
                if prog is not None:
                    s = self.config.program_settings(prog.path)
                    if chosen not in s["expose"]:
                        s["expose"].append(chosen)
                    self.config.set_program_settings(prog.path, s)
                    self.config.save()
            opened = False
        imgui.same_line()
        if imgui.button("Cancel"):
            opened = False
        imgui.end()
        if not opened:
            self.browser = None

    # ------------------------------------------------------------------ state and loop
    def state(self) -> dict[str, Any]:
        """What the launcher shows now (written to EXEPLAY_LAUNCHER_STATE for tests and tools)."""
        win = {}
        if self._window:
            x, y = ctypes.c_int(), ctypes.c_int()
            sdl2.SDL_GetWindowPosition(self._window, ctypes.byref(x), ctypes.byref(y))
            w, h = ctypes.c_int(), ctypes.c_int()
            sdl2.SDL_GetWindowSize(self._window, ctypes.byref(w), ctypes.byref(h))
            win = {"x": x.value, "y": y.value, "width": w.value, "height": h.value}
        return {
            "pid": os.getpid(),
            "window": win,
            "filter": self.filter,
            "selected": self.selected,
            "programs": [{"path": p.path, "name": p.name, "has_icon": p.has_icon, "tile": self.tiles.get(p.path)}
                         for p in self.visible],
            "running": None if self.child is None else {"pid": self.child.pid, "path": self.child.prog.path,
                                                         "name": self.child.prog.name},
            "report": None if self.report is None else {"name": self.report.name, "failed": self.report.failed,
                                                        "status": self.report.status, "text": self.report.text},
        }

    def _write_state(self) -> None:
        if not self.state_path:
            return
        s = self.state()
        text = json.dumps(s, indent=1)
        if text == self._last_state:
            return
        s["frames"] = self.frames
        tmp = f"{self.state_path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(s, f, indent=1)
        os.replace(tmp, self.state_path)
        self._last_state = text

    def step(self) -> bool:
        """One turn of the loop: input, the child, a frame; False once the user closed the launcher."""
        busy = time.monotonic() < self._busy_until or self._scroll_to_selection
        self._handle_events(0 if busy else IDLE_WAIT_MS)
        if busy:
            time.sleep(1 / 60)
        self._take_scan()
        self._poll_child()
        self.frame()
        self._write_state()
        return not self.quit

    def run(self) -> int:
        """Run until the window is closed."""
        while self.step():
            pass
        return 0


def main() -> int:
    """``exeplay`` with no arguments: the launcher window."""
    try:
        ui = Launcher()
    except LauncherError as e:
        sys.stderr.write(f"exeplay: cannot open the launcher ({e}); run a program with: exeplay run PROGRAM.exe\n")
        return 1
    try:
        return ui.run()
    except KeyboardInterrupt:
        return 130
    finally:
        ui.close()
