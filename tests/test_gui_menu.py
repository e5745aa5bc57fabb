"""Menus and accelerators on real guest code: tests/programs/gui_menu.c (menu APIs on MENU/MENUEX resources
and built menus, a window with a menu bar, the menu loop driven by scripted mouse and keyboard input,
TrackPopupMenu, TranslateAccelerator) plus screenshots with open popup menus.

The window is at (100, 100), 400x300 with a thick frame: its menu bar spans screen y 123..142 and the items
File / View / Help start at x 104 / 132 / 167 (asserted from GetMenuItemRect below). The File popup opens at
(104, 142); its client area starts 3 pixels in, with 17-pixel items and 9-pixel separators."""
from __future__ import annotations

from pathlib import Path

from conftest import assert_no_traceback
from PIL import Image

NAVY, GRAY, WHITE, BLACK, SHADOW = (0, 0, 128), (192, 192, 192), (255, 255, 255), (0, 0, 0), (128, 128, 128)


def _run(run_exeplay, stage, tmp_path: Path, script: str, exit_after: int, shots: dict[int, str] | None = None):
    d = stage("gui_menu.exe")
    inp = tmp_path / "input.txt"
    inp.write_text(script)
    args = ["run", "--headless", "--deterministic", "--exit-after", str(exit_after), "--input", str(inp)]
    for t, name in (shots or {}).items():
        args += ["--screenshot-at", f"{t}:{tmp_path / name}"]
    r = run_exeplay([*args, d / "gui_menu.exe"], timeout=60)
    assert_no_traceback(r)
    return r


def _after_ready(r) -> list[str]:
    lines = r.text.splitlines()
    assert "ready" in lines, r.describe()
    return lines[lines.index("ready") + 1:]


def test_menu_apis(run_exeplay, stage, tmp_path: Path) -> None:
    r = _run(run_exeplay, stage, tmp_path, "", 300)
    lines = r.text.splitlines()
    assert lines[:16] == [
        "bar count=3 file count=7 view count=5 sub2=00000000",
        "ids: 101 102 0 -1 recent=2",
        "state: bar0=0x710 save=0x1 statusbar=0x8 sep=0x800 exit=0 help=0 none=0xffffffff",
        "string: 11 [&New\tCtrl+N] len=5 short=3 [&2 ]",
        "info: 1 type=0 state=0 sub=1 cch=5 [&View] sep type=0x800 cch=0 exitlen=5",
        "menuex: count=4 popup id=400 [401 0 0x3] [0 0x800 0] [402 0x200 0x8] [403 0 0x1000] default=403 bypos=3",
        "built: insert=1 badinsert=1 ids: 0 10 20 30 -1 21 modify=1 [Eleven] st=0x8",
        "enable: 0 1 -1 nested=0 2 check: 0 8 radio=1 states: 0 0x208 0",
        ("default: set=1 get=30 pos=3 none=-1 remove=1 ismenu=1 count=5 delete=1 ismenu=0 destroy=1 0 ismenu=0 "
         "count=-1"),
        "iteminfo: insert=1 set=1 [Renamed] id=77 state=0x8 data=0x1234 cch=7 bad=0 err=1456",
        "checkmark 13x13",
        ("accel: n=5 copied=5 [0x9 0x4e 101] [0x9 0x53 103] [0x1 0x74 202] [0x9 0x51 104] [0 0x2a 105] created=2 "
         "destroy=1 0"),
        "window menu=1 count=3 client=392x254",
        "no menu: getmenu=00000000 client=392x273",
        "menu again: same=1 client=392x254",
        "bar item 0: 104,123,132,141",
    ]
    assert lines[16:21] == [
        "bar item 1: 132,123,167,141",
        "bar item 2: 167,123,201,141",
        "fromPoint: 2 -1",
        "sysmenu: count=7 first=0xf120 last=0xf060 default=0xf060",
        "ready",
    ]


def test_menu_mouse(run_exeplay, stage, tmp_path: Path) -> None:
    script = """
        500  click 115 132   # File
        800  move 130 170    # over Open...
        1000 click 130 170
        1300 click 115 132   # File again
        1400 move 130 196    # over Recent: its submenu opens
        1500 move 230 196
        1600 click 230 212   # "2 two.txt"
        1900 click 115 132   # File, then the grayed Save (nothing), then outside (cancel)
        2000 click 130 212
        2100 click 600 500
        2400 click 185 132   # Help: a command on the bar itself
        2700 click 115 132   # File clicked twice: closed again
        2800 click 115 132
    """
    r = _run(run_exeplay, stage, tmp_path, script, 3200, {900: "open.png", 1550: "sub.png", 3000: "closed.png"})
    lines = _after_ready(r)
    assert lines[:11] == [
        "WM_ENTERMENULOOP 0",
        "WM_INITMENU bar=1",
        "WM_MENUSELECT 0 flags=0x8090",
        "WM_INITMENUPOPUP File pos=0 sys=0",
        "idle popup #32768 104,142,220,251 px=c0c0c0,c0c0c0",
        "WM_MENUSELECT 102 flags=0x8080",
        "WM_MENUSELECT end",
        "WM_EXITMENULOOP 0",
        "WM_COMMAND id=102 hi=0 l=0",
        "WM_ENTERMENULOOP 0",
        "WM_INITMENU bar=1",
    ]
    assert "WM_INITMENUPOPUP Recent pos=3 sys=0" in lines
    assert "idle popup #32768 217,185,298,225 px=c0c0c0,c0c0c0" in lines
    commands = [x for x in lines if x.startswith("WM_COMMAND")]
    assert commands == ["WM_COMMAND id=102 hi=0 l=0", "WM_COMMAND id=112 hi=0 l=0", "WM_COMMAND id=301 hi=0 l=0"]
    assert "WM_MENUSELECT 103 flags=0x8081" in lines  # the grayed item is highlighted but not chosen
    assert lines.count("WM_ENTERMENULOOP 0") == lines.count("WM_EXITMENULOOP 0") == 5

    # the File popup with "Open..." highlighted, the File bar item drawn pressed
    im = Image.open(tmp_path / "open.png").convert("RGB")
    assert im.getpixel((104, 123)) == SHADOW and im.getpixel((131, 140)) == WHITE  # sunken bar item box
    assert im.getpixel((104, 142)) == GRAY and im.getpixel((219, 250)) == BLACK  # raised popup frame
    assert im.getpixel((105, 143)) == WHITE
    assert im.getpixel((108, 165)) == NAVY and im.getpixel((216, 176)) == NAVY  # highlight bar of item 1
    assert im.getpixel((108, 150)) == GRAY  # "New" not highlighted
    row = [im.getpixel((x, 170)) for x in range(124, 160)]
    assert WHITE in row  # highlighted text
    assert im.getpixel((150, 182)) == SHADOW and im.getpixel((150, 183)) == WHITE  # etched separator
    save_row = [im.getpixel((x, y)) for x in range(124, 150) for y in range(207, 220)]
    assert SHADOW in save_row and WHITE in save_row and BLACK not in save_row  # embossed grayed "Save"

    # the Recent submenu beside the File popup, "Recent" highlighted
    im = Image.open(tmp_path / "sub.png").convert("RGB")
    assert im.getpixel((108, 196)) == NAVY
    assert im.getpixel((217, 185)) == GRAY and im.getpixel((297, 224)) == BLACK
    arrow = [im.getpixel((x, 196)) for x in range(200, 215)]
    assert WHITE in arrow  # the submenu arrow, white on the highlight

    # everything closed again: no popup left on the screen, bar item not pressed
    im = Image.open(tmp_path / "closed.png").convert("RGB")
    assert im.getpixel((150, 200)) == WHITE and im.getpixel((104, 123)) == GRAY


def test_menu_keyboard_and_accelerators(run_exeplay, stage, tmp_path: Path) -> None:
    script = """
        500  key Alt down     # Alt+V, then T: View > Toolbar
        520  key V
        600  key Alt up
        700  key T
        1000 key Ctrl down    # Ctrl+N (New), Ctrl+S (grayed Save: swallowed), F5, '*'
        1020 key N
        1100 key S
        1150 key Ctrl up
        1200 key F5
        1300 type *
        1500 key Alt down     # Alt+F, Down, Down (over the separator), Right, Enter: Recent > 1 one.txt
        1520 key F
        1560 key Alt up
        1600 key Down
        1700 key Down
        1800 key Right
        1900 key Return
        2100 key Alt down     # Alt+F, Escape, Escape: nothing
        2120 key F
        2160 key Alt up
        2200 key Escape
        2300 key Escape
        2500 key Alt down     # Alt+F, Left (wraps to Help), Enter
        2520 key F
        2560 key Alt up
        2600 key Left
        2700 key Return
        3000 key Ctrl down    # Ctrl+Q: Exit
        3020 key Q
        3060 key Ctrl up
    """
    r = _run(run_exeplay, stage, tmp_path, script, 4000, {1850: "kbd.png", 2250: "bar.png"})
    assert r.rc == 0, r.describe()
    lines = _after_ready(r)
    assert lines[:10] == [
        "WM_ENTERMENULOOP 0",
        "WM_INITMENU bar=1",
        "WM_MENUSELECT 1 flags=0x90",
        "WM_INITMENUPOPUP View pos=1 sys=0",
        "WM_MENUSELECT 201 flags=0x88",
        "idle popup #32768 132,142,245,225 px=800000,ffffff",
        "WM_MENUSELECT end",
        "WM_EXITMENULOOP 0",
        "WM_COMMAND id=202 hi=0 l=0",
        "WM_INITMENU bar=1",
    ]
    assert lines[10:22] == [
        "WM_INITMENUPOPUP File pos=0 sys=0",
        "WM_COMMAND id=101 hi=1 l=0",
        "translated msg=0x100 key=0x4e",
        "WM_INITMENU bar=1",
        "WM_INITMENUPOPUP File pos=0 sys=0",
        "translated msg=0x100 key=0x53",
        "WM_INITMENU bar=1",
        "WM_INITMENUPOPUP View pos=1 sys=0",
        "WM_COMMAND id=202 hi=1 l=0",
        "translated msg=0x100 key=0x74",
        "WM_COMMAND id=105 hi=1 l=0",
        "translated msg=0x102 key=0x2a",
    ]
    commands = [x for x in lines if x.startswith("WM_COMMAND")]
    assert commands == ["WM_COMMAND id=202 hi=0 l=0", "WM_COMMAND id=101 hi=1 l=0", "WM_COMMAND id=202 hi=1 l=0",
                        "WM_COMMAND id=105 hi=1 l=0", "WM_COMMAND id=111 hi=0 l=0", "WM_COMMAND id=301 hi=0 l=0",
                        "WM_COMMAND id=104 hi=1 l=0"]
    assert lines[-1] == "quit"
    assert "WM_MENUSELECT 3 flags=0x90" in lines and "WM_MENUSELECT 111 flags=0x80" in lines

    # keyboard: "1 one.txt" highlighted in the Recent submenu, "Recent" still highlighted in File
    im = Image.open(tmp_path / "kbd.png").convert("RGB")
    assert im.getpixel((230, 196)) == NAVY and im.getpixel((108, 196)) == NAVY
    # after Escape: the popup is gone, File is selected on the bar (raised: light top-left, shadow bottom-right)
    im = Image.open(tmp_path / "bar.png").convert("RGB")
    assert im.getpixel((104, 123)) == WHITE and im.getpixel((131, 140)) == SHADOW
    assert im.getpixel((150, 200)) == WHITE


def test_track_popup_menu(run_exeplay, stage, tmp_path: Path) -> None:
    script = """
        500  click 200 250 right   # TrackPopupMenu(View, TPM_RETURNCMD | TPM_RIGHTBUTTON) at the cursor
        700  click 230 305         # Large
        900  click 200 250 right   # TrackPopupMenu(View, TPM_NONOTIFY): posts WM_COMMAND
        1100 click 230 322 right   # without TPM_RIGHTBUTTON the right button does not choose
        1200 click 230 322         # Small
        1500 key Ctrl down
        1520 key Q
        1560 key Ctrl up
    """
    r = _run(run_exeplay, stage, tmp_path, script, 2500, {600: "popup.png"})
    assert r.rc == 0, r.describe()
    lines = _after_ready(r)
    assert lines[:12] == [
        "WM_ENTERMENULOOP 1",
        "WM_INITMENU bar=0",
        "WM_INITMENUPOPUP View pos=0 sys=0",
        "idle popup #32768 200,250,313,333 px=c0c0c0,000000",
        "WM_MENUSELECT 211 flags=0x8080",
        "WM_MENUSELECT end",
        "WM_EXITMENULOOP 1",
        "TrackPopupMenu returned 211",
        "TrackPopupMenu (posting) returned 1",
        "WM_COMMAND id=212 hi=0 l=0",
        "WM_INITMENU bar=1",
        "WM_INITMENUPOPUP File pos=0 sys=0",
    ]
    assert lines[-1] == "quit"
    im = Image.open(tmp_path / "popup.png").convert("RGB")
    check = [im.getpixel((x, y)) for x in range(206, 216) for y in range(256, 264)]
    assert check.count(BLACK) >= 15  # the check mark of "Status Bar"
    assert im.getpixel((200, 250)) == GRAY and im.getpixel((312, 332)) == BLACK
