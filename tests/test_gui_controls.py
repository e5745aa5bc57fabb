"""The standard controls on real guest code: tests/programs/gui_controls.c creates buttons, statics, edits,
list boxes, combo boxes and scroll bars, drives them with SendMessage (check states, text, edit line APIs,
list contents, selections, the clipboard, scroll-bar APIs) and reads back pixels of their drawing; a second
run clicks and types through an --input script and prints the notifications the parent receives."""
from __future__ import annotations

from pathlib import Path

from conftest import assert_no_traceback

EXPECTED = [
    'WM_MEASUREITEM type=2 id=303 item=0 height=16',
    'WM_MEASUREITEM type=3 id=403 item=-1 height=16',
    'WM_MEASUREITEM type=3 id=403 item=0 height=16',
    'check initial=0',
    'check after SETCHECK=1',
    'WM_COMMAND id=101 code=0x0',
    'check after CLICK=0',
    '3state 1 2 0',
    'radio A=1 B=0',
    'radio A=0 B=1 tabstopB=1',
    'cancel state=0x4',
    'dlgcode ok=0x2010 cancel=0x2020 check=0x2000 radio=0x2040 group=0x100',
    'button text=Abort len=5',
    'getfont=0',
    'static text=Static text! dlgcode=0x100',
    'static sunken exstyle=1',
    'edit len=11',
    'edit sel=0,5 ret=0x50000',
    'edit modify before=0',
    'WM_COMMAND id=201 code=0x400',
    'WM_COMMAND id=201 code=0x300',
    'edit replaced=Howdy world modify=1 canundo=1',
    'edit undone=Hello world',
    'edit limit default=30000',
    'WM_COMMAND id=201 code=0x501',
    'WM_COMMAND id=201 code=0x400',
    'WM_COMMAND id=201 code=0x300',
    'edit limited=Hello world an limit=14',
    'edit linecount=1 linelength=14',
    'password text=secret char=*',
    'password char=#',
    'number=42 upper=QX',
    'after backspace=Q',
    'ml lines=3 index1=10 len(10)=8 fromchar(12)=1',
    'ml getline2=third line here n=15',
    'ml pos(10)=1,17 charfrompos=10 line=1',
    'ml margins=0x50003',
    'ml crlf=1',
    'ml handle text=line one after=>line one',
    'ml first=0 scroll=0x10001 first=1 linescroll first=3 sb=0..9 page=5 pos=3',
    'ml after scrollcaret first=0',
    'wrap lines=3 line0len=11 fmt softbreak=1 len=36 plainlen=30',
    'pasted=WORLD',
    'clipboard CF_TEXT=world unicode_avail=1',
    'clipboard unicode=1111 count=4',
    'after cut=[] after paste twice=[Hello world an]',
    'readonly dlgcode=0x89 ml dlgcode=0x8d',
    'lb count=8 apple banana cherry fig',
    'lb find(ba)=1 exact(fig)=3 exact(fi)=-1 textlen(2)=6',
    'lb cursel=-1 set=2 getsel2=1',
    'lb data=0x1234 height=16 rect1=0,16,100,32 client_h=96 integral=1',
    'lb top=2 delete=7 count=7 insert=1 [zzz] selectstring(ch)=2 cursel=2',
    'lb setsel on single=-1 getselcount=-1',
    'multi selcount=2 items=2:1,3 cursel_single_api=-1',
    'multi cleared=0',
    'cb count=3 cursel=-1 set=1 text=Green window=Green lbtextlen=4 find=2',
    'cb height=26 itemheight(-1)=20 itemheight(0)=16',
    'WM_COMMAND id=401 code=0x7',
    'cb dropped=1',
    'WM_COMMAND id=401 code=0xa',
    'WM_COMMAND id=401 code=0x8',
    'cb dropped=0',
    'cb droprect h=150',
    'cb2 first=alpha select=1 edit=mu editsel=0,1 limit=1 setedit_on_list=-1',
    'cb2 reset count=0 edit=[]',
    'od count=3 data1=0x22 gettext=4:0x33 height=18',
    'od find=1 combo cursel=1 text=Two itemheight=18',
    'simple text=combo height=80 list=1',
    'icon same=1 size=32x32 bitmap same=1 size=20x20',
    'pushlike check=1 dlgcode=0x2000',
    'sb ctl prev=0 pos=40 info=0..100 page=10 pos=40 clamp=91',
    'win range=0..50 prev=0 pos=20 info=0..50 page=8 pos=20 hbar=0 hbar=1 hbar=0 enable=1',
    'WM_DRAWITEM type=4 id=105 item=0 action=1 state=0x0 rc=0,0,75,23 data=0x0',
    'WM_DRAWITEM type=2 id=303 item=0 action=1 state=0x1 rc=0,0,96,18 data=0x11',
    'WM_DRAWITEM type=3 id=403 item=1 action=1 state=0x1000 rc=3,3,81,21 data=0x0',
    'px ok_frame=000000 ok_face=c0c0c0 cancel_tl=ffffff cancel_br=000000',
    'px check_box=808080 check_mark=000000 check_bg=ffffff',
    'px blackrect=000000 yellow=00ffff etched=808080,ffffff',
    'px edit_bg=ffffff readonly_bg=c0c0c0',
    'px lb_sel=800000 lb_unsel=ffffff',
    'px combo_field=ffffff combo_button=c0c0c0',
    'px sb_arrow=ffffff sb_shaft=c0c0c0,ffffff',
    'px od_sel=800000 od_unsel=ffffff bitmap=0000ff icon_corner=c0c0c0 icon_any=1',
    'px pushlike_dither=ffffff,c0c0c0 flat_frame=000000 flat_face=c0c0c0 lefttext_box=ffffff',
]

# screen coordinates: the window is at (0, 0), its client area at (4, 23)
SCRIPT = """\
300  click 34 58      # check box "Check me"
500  click 254 45     # single-line edit
700  type hi
800  key Left
900  type X
1100 click 426 59     # list box item 1
1200 key Down
1400 click 454 156    # drop-down list combo: drops
1700 click 454 210    # its item 2
1800 key Up
1900 key F4
2000 key Down
2100 key Return
2300 click 626 191    # scroll bar control: right arrow
2500 down 430 191 left  # its thumb, dragged
2550 move 475 191
2600 move 520 191
2650 up 520 191 left
2900 click 514 278    # window scroll bar of the child: down arrow
3100 click 514 260    # its page-down area
3300 click 134 154    # Cancel
3600 key F12
"""

EXPECTED_INPUT = [
    "WM_MEASUREITEM type=2 id=303 item=0 height=16",
    "WM_MEASUREITEM type=3 id=403 item=-1 height=16",
    "WM_MEASUREITEM type=3 id=403 item=0 height=16",
    "client origin=4,23",
    "WM_DRAWITEM type=4 id=105 item=0 action=1 state=0x0 rc=0,0,75,23 data=0x0",
    "WM_DRAWITEM type=2 id=303 item=0 action=1 state=0x0 rc=0,0,96,18 data=0x11",
    "WM_DRAWITEM type=3 id=403 item=1 action=1 state=0x1000 rc=3,3,81,21 data=0x0",
    "WM_COMMAND id=101 code=0x0",  # BN_CLICKED
    "WM_COMMAND id=201 code=0x100",  # EN_SETFOCUS
    "WM_COMMAND id=201 code=0x400", "WM_COMMAND id=201 code=0x300",  # EN_UPDATE, EN_CHANGE: h
    "WM_COMMAND id=201 code=0x400", "WM_COMMAND id=201 code=0x300",  # i
    "WM_COMMAND id=201 code=0x400", "WM_COMMAND id=201 code=0x300",  # X (after Left)
    "WM_COMMAND id=201 code=0x200",  # EN_KILLFOCUS
    "WM_COMMAND id=301 code=0x4",  # LBN_SETFOCUS
    "WM_COMMAND id=301 code=0x1",  # LBN_SELCHANGE (click)
    "WM_COMMAND id=301 code=0x1",  # LBN_SELCHANGE (Down)
    "WM_COMMAND id=301 code=0x5",  # LBN_KILLFOCUS
    "WM_COMMAND id=401 code=0x3",  # CBN_SETFOCUS
    "WM_COMMAND id=401 code=0x7",  # CBN_DROPDOWN
    "WM_COMMAND id=401 code=0x9",  # CBN_SELENDOK (item clicked)
    "WM_COMMAND id=401 code=0x8",  # CBN_CLOSEUP
    "WM_COMMAND id=401 code=0x1",  # CBN_SELCHANGE
    "WM_COMMAND id=401 code=0x1",  # CBN_SELCHANGE (Up, closed)
    "WM_COMMAND id=401 code=0x7",  # CBN_DROPDOWN (F4)
    "WM_COMMAND id=401 code=0x1",  # CBN_SELCHANGE (Down, dropped)
    "WM_COMMAND id=401 code=0x9",  # CBN_SELENDOK (Return)
    "WM_COMMAND id=401 code=0x8",  # CBN_CLOSEUP
    "WM_HSCROLL id=501 code=1 pos=0",  # arrow: SB_LINEDOWN
    "WM_HSCROLL id=501 code=8 pos=0",  # SB_ENDSCROLL
    "WM_HSCROLL id=501 code=5 pos=25",  # thumb dragged: SB_THUMBTRACK
    "WM_HSCROLL id=501 code=5 pos=50",
    "WM_HSCROLL id=501 code=4 pos=50",  # SB_THUMBPOSITION
    "WM_HSCROLL id=501 code=8 pos=0",
    "window WM_VSCROLL code=1 pos=0",  # window scroll bar arrow (DefWindowProc's tracking)
    "window WM_VSCROLL code=8 pos=0",
    "window WM_VSCROLL code=3 pos=0",  # SB_PAGEDOWN
    "window WM_VSCROLL code=8 pos=0",
    "WM_COMMAND id=401 code=0x4",  # CBN_KILLFOCUS
    "WM_COMMAND id=2 code=0x0",  # Cancel: BN_CLICKED
    "final check=1 edit=hXi list=2 combo=2 sb=50 winsb=11 multi=0",
]


def test_controls_messages(run_program) -> None:
    r = run_program("gui_controls.exe", timeout=60)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    assert r.text.splitlines() == EXPECTED


def test_controls_input(run_exeplay, stage, tmp_path: Path) -> None:
    d = stage("gui_controls.exe")
    script = tmp_path / "input.txt"
    script.write_text(SCRIPT)
    r = run_exeplay(["run", "--headless", "--deterministic", "--input", script, "--exit-after", "8000",
                     d / "gui_controls.exe", "input"], timeout=60)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    assert r.text.splitlines() == EXPECTED_INPUT
