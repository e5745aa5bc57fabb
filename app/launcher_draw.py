"""The launcher's Dear ImGui drawing: the main window (search box, program grid, settings panel, status bar), the
report panel of a program that ended, the library window, and the icon textures.

Mixed into ``app.launcher.Launcher`` as ``LauncherDrawing``: it reads and changes the launcher's state (the
programs shown, the selection, the settings in ``config``) and calls its actions (``launch``, ``_rescan``,
``_open_browser``, ``_draw_browser``, ``_selected_program``).
"""
from __future__ import annotations

import ctypes
import json
import os
import time
from pathlib import Path
from typing import Any

import imgui

from . import config as cfg
from . import library
from .launcher_child import SOURCE_ROOT, Child, Report
from .sdlgl import GL, sdl2

FONT = SOURCE_ROOT / "assets" / "fonts" / "LiberationSans-Regular.ttf"
FONT_SIZE = 17
TILE_W, TILE_H = 150, 118
PANEL_W = 330

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


class LauncherDrawing:
    """One frame of the launcher's UI (``frame()``), drawn from the launcher's state."""

    config: cfg.Config
    assets: Path | None
    programs: list[library.Program]
    visible: list[library.Program]
    filter: str
    selected: str
    child: Child | None
    report: Report | None
    show_library: bool
    message: str
    frames: int
    columns: int
    tiles: dict[str, tuple[int, int, int, int]]
    _scroll_to_selection: bool
    _last_frame: float
    _textures: dict[str, int]
    _window: Any
    _renderer: Any

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
