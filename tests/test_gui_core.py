"""Windows and messages on real guest code: tests/programs/gui_msgs.c (creation sequence, painting, timers,
sent/posted messages, WM_QUIT) plus screenshots of the window it draws."""
from __future__ import annotations

from pathlib import Path

from conftest import assert_no_traceback, assert_png_matches


def test_message_sequence(run_program) -> None:
    r = run_program("gui_msgs.exe", timeout=60)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    lines = r.text.splitlines()
    assert lines[0] == "second register=0 err=1410"
    assert lines[1] == "adjusted -4,-23,324,244"
    i = lines.index("WM_NCCREATE")
    assert lines[i + 1] == "WM_CREATE name=Hello param=42"
    # an overlapped window created invisible gets its first WM_SIZE/WM_MOVE when it is first shown
    assert lines[i + 2] == "created 1"
    assert "child id=5 parent_ok=1 rect=24,53,74,93 pt=24,53" in lines
    assert "dlgitem_ok=1" in lines
    show = lines.index("WM_SHOWWINDOW")
    assert lines[show:show + 8] == ["WM_SHOWWINDOW", "WM_SIZE 320x240", "WM_MOVE", "WM_ACTIVATEAPP",
                                    "WM_NCACTIVATE", "WM_NCPAINT", "WM_ACTIVATE 1", "WM_SETFOCUS"]
    text = r.text
    assert "WM_ERASEBKGND\n rc=0,0,320,240 erase=0" in text
    assert text.count("WM_TIMER id=9") == 3
    assert "WM_USER+2 5 6\n send=11" in text
    assert "WM_USER+1 1 2WM_SETTEXT" in text and "text=renamed len=7" in text
    assert text.index("WM_CLOSE") < text.index("WM_DESTROY") < text.index("WM_NCDESTROY")
    assert lines[-1] == "quit n=0 wParam=7 iswindow=0"


def test_headless_screenshot_is_deterministic(run_exeplay, stage, tmp_path: Path) -> None:
    d = stage("gui_msgs.exe")
    shots = []
    for k in range(2):
        png = tmp_path / f"shot{k}.png"
        r = run_exeplay(["run", "--headless", "--deterministic", "--screenshot-at", f"100:{png}",
                         d / "gui_msgs.exe"], timeout=60)
        assert r.rc == 0, r.describe()
        shots.append(png.read_bytes())
    assert shots[0] == shots[1]
    assert_png_matches(tmp_path / "shot0.png", "gui_msgs_window")


def test_minimise_and_restore_from_the_desktop(run_exeplay, stage, tmp_path: Path) -> None:
    """The caption's minimise button hides the window into a bar at the bottom of the desktop; clicking the
    bar restores it (there is no taskbar)."""
    from PIL import Image
    d = stage("gui_keys.exe")
    script = tmp_path / "min.txt"
    script.write_text("500 click 212 33\n1200 click 60 588\n1800 key Escape\n")
    shots = [tmp_path / "min.png", tmp_path / "restored.png"]
    r = run_exeplay(["run", "--headless", "--deterministic", "--input", script, "--screenshot-at", f"1000:{shots[0]}",
                     "--screenshot-at", f"1700:{shots[1]}", d / "gui_keys.exe"], timeout=60)
    assert r.rc == 0, r.describe()
    a = Image.open(shots[0]).convert("RGB")
    b = Image.open(shots[1]).convert("RGB")
    teal = (0, 128, 128)
    assert a.getpixel((100, 100)) == teal  # the window is gone...
    assert a.getpixel((60, 588)) != teal  # ...into a bar at the bottom
    assert b.getpixel((60, 588)) == teal  # restored: the bar is gone
    assert b.getpixel((100, 100)) != teal  # and the window is back
    assert r.text.splitlines()[-1] == "bye"
