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

The parts: ``app.launcher_draw`` (the ImGui drawing), ``app.launcher_nav`` (keyboard, mouse, drops and pads),
``app.launcher_browser`` (the folder browser) and ``app.launcher_child`` (child processes, logs, reports).
"""
from __future__ import annotations

import ctypes
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import imgui

from . import config as cfg
from . import library
from .launcher_browser import Browser, BrowserPanel
from .launcher_child import (
    LOGS_KEPT,
    REPORT_CHARS,
    SOURCE_ROOT,
    STOP_GRACE,
    Child,
    Report,
    child_command,
    log_dir,
    pad_spec,
    status_text,
)
from .launcher_draw import (
    FAIL_TITLE_RGB,
    FONT,
    FONT_SIZE,
    KEY_CHOICES,
    PAD_LABELS,
    PANEL_W,
    TILE_H,
    TILE_W,
    LauncherDrawing,
)
from .launcher_nav import BUSY_SECONDS, STICK_THRESHOLD, LauncherInput
from .sdlgl import GL, sdl2

__all__ = ["BUSY_SECONDS", "FAIL_TITLE_RGB", "FONT", "FONT_SIZE", "KEY_CHOICES", "LOGS_KEPT", "PAD_LABELS",
           "PANEL_W", "REPORT_CHARS", "SOURCE_ROOT", "STICK_THRESHOLD", "STOP_GRACE", "TILE_H", "TILE_W",
           "Browser", "Child", "Launcher", "LauncherError", "Report", "child_command", "log_dir", "main",
           "pad_spec", "status_text"]

WINDOW_SIZE = (960, 640)
IDLE_WAIT_MS = 200          # how long an idle frame waits for input


class LauncherError(RuntimeError):
    """The launcher window could not be opened (no display, no OpenGL)."""


class Launcher(LauncherInput, LauncherDrawing, BrowserPanel):
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
        """The selected program when it is shown."""
        return next((p for p in self.visible if p.path == self.selected), None)

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
