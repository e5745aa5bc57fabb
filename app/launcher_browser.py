"""The launcher's folder browser: picking a folder or program for the library, or a folder a program sees."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import imgui

from . import config as cfg
from .launcher_draw import FONT_SIZE


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


class BrowserPanel:
    """The browser's window, mixed into ``app.launcher.Launcher`` (its ``browser``, ``config``, ``add_path()`` and
    ``_selected_program()``)."""

    browser: Browser | None
    config: cfg.Config

    def _open_browser(self, purpose: str) -> None:
        """Open the browser for ``purpose`` ("library" or "expose") near the folders already chosen."""
        start = os.path.expanduser("~")
        prog = self._selected_program()
        if purpose == "expose" and prog is not None:
            start = os.path.dirname(prog.path)
        elif self.config.folders:
            start = os.path.dirname(self.config.folders[-1]) or start
        self.browser = Browser(purpose, start)
        self.browser.refresh()

    def _draw_browser(self, w: int, h: int) -> None:
        """Draw the browser window centred in a w x h launcher; act on its buttons and double clicks."""
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
