"""DirectInput keyboard and mouse (tests/programs/dinput_test.c): creation and version checks, reference counts,
EnumDevices, capabilities, properties, objects and error codes; then GetDeviceState and buffered GetDeviceData
driven by an --input script (DIK_ scan codes, mouse deltas, wheel, buttons, time stamps, sequence numbers, buffer
overflow, foreground loss); and an event notification waking a thread that never checks its message queue."""
from __future__ import annotations

from pathlib import Path

from conftest import assert_no_traceback

EXE = "dinput_test.exe"
OK = "00000000"
S_FALSE = "00000001"
E_NOINTERFACE = "80004002"
E_NOTIMPL = "80004001"  # DIERR_UNSUPPORTED
DIERR_INVALIDPARAM = "80070057"
DIERR_NOTACQUIRED = "8007000c"
DIERR_INPUTLOST = "8007001e"
DIERR_ACQUIRED = "800700aa"
DIERR_NOTBUFFERED = "80040207"
DIERR_DEVICENOTREG = "80040154"
DIERR_OBJECTNOTFOUND = "80070002"
DIERR_NOTINITIALIZED = "80070015"
DIERR_ALREADYINITIALIZED = "800704df"
DIERR_OLDDIRECTINPUTVERSION = "8007047e"
DIERR_BETADIRECTINPUTVERSION = "8007047f"
START = 10_000  # GetTickCount at the start of a deterministic run (boot was 10 s earlier)


def _parse(text: str) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for ln in text.splitlines():
        if ln.strip():
            k, *rest = ln.split()
            out.setdefault(k, []).append(rest)
    return out


def _run(run_exeplay, stage, tmp_path: Path, section: str, script: str = "") -> dict[str, list[list[str]]]:
    d = stage(EXE)
    args = ["run", "--headless", "--deterministic", "--exit-after", "25000"]
    if script:
        sp = tmp_path / "input.txt"
        sp.write_text(script)
        args += ["--input", sp]
    r = run_exeplay([*args, d / EXE, section], timeout=60)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    assert r.text.splitlines()[-1] == "done", r.describe()
    return _parse(r.text)


def test_api(run_exeplay, stage, tmp_path: Path) -> None:
    o = _run(run_exeplay, stage, tmp_path, "api")
    one = {k: v[0] for k, v in o.items()}
    # versions: dinput8 serves 0x800 only, dinput.dll 3..7
    assert one["v8_0700"] == [DIERR_BETADIRECTINPUTVERSION]
    assert one["v8_0900"] == [DIERR_OLDDIRECTINPUTVERSION]
    assert one["v8_0"] == [DIERR_NOTINITIALIZED]
    assert one["v_0800"] == [DIERR_OLDDIRECTINPUTVERSION, "00000000"]
    assert one["v_0301"] == [DIERR_BETADIRECTINPUTVERSION]
    assert one["v8_iid_legacy"] == [E_NOINTERFACE, "00000000"]
    # one count for the A and W interfaces; devices hold the DirectInput object
    assert one["create"] == [OK, "1"]
    assert one["addref"] == ["2", "1"]
    assert one["qi8w"] == [OK, "2"]
    assert one["qilegacy"] == [E_NOINTERFACE, "00000000"]
    assert one["kbd"] == [OK, "1", "2"]
    assert one["joy"] == [DIERR_DEVICENOTREG, "00000000"]
    assert one["mouse"] == [OK, "3"]
    assert one["status"] == [OK, DIERR_DEVICENOTREG]
    assert one["release_kbd"] == ["0", "2"]
    assert one["release_di"] == ["1"]  # the mouse still holds it
    assert one["release_mouse"] == ["0"]
    # EnumDevices: DirectInput 8 types, full DIDEVICEINSTANCEA (580 bytes), HID usages
    assert o["enum_all"] == [["Mouse", "580", "00000212", "2", "Mouse", "1", "2"],
                             ["Keyboard", "580", "00000413", "1", "Keyboard", "1", "6"]]
    assert one["enum_all_n"] == [OK, "2"]
    assert one["enum_kbd"][:3] == ["Keyboard", "580", "00000413"]
    assert one["enum_ptr"][0] == "Mouse"
    assert one["enum_type"][0] == "Keyboard"
    assert "enum_game" not in o and "enum_ff" not in o
    assert one["enum_filtered_n"] == ["3"]
    assert one["enum_stop_n"] == ["1"]
    assert one["enum_badflags"] == [DIERR_INVALIDPARAM, DIERR_INVALIDPARAM]
    assert one["enumw"] == ["Keyboard", "1100", "00000413"]
    # the keyboard's error codes
    assert one["kstate_noformat"] == [DIERR_NOTACQUIRED]
    assert one["kacq_noformat"] == [DIERR_INVALIDPARAM]
    assert one["kfmt_pov"] == [DIERR_INVALIDPARAM]  # a required POV the keyboard lacks
    assert one["kfmt_badsize"] == [DIERR_INVALIDPARAM]
    assert one["kfmt"] == [OK]
    assert one["kstate_unacq"] == [DIERR_NOTACQUIRED]
    assert one["kdata_unacq"] == [DIERR_NOTACQUIRED]
    assert one["kcoop_bad"] == [DIERR_INVALIDPARAM, DIERR_INVALIDPARAM, DIERR_INVALIDPARAM]
    assert one["kacq"] == [OK, S_FALSE]
    assert one["kcoop_window"] == [E_NOTIMPL, DIERR_ACQUIRED]  # no exclusive background keyboard; acquired
    assert one["kfmt_acq"] == [DIERR_ACQUIRED]
    assert one["kbuf_acq"] == [DIERR_ACQUIRED]
    assert one["kdata_unbuffered"] == [DIERR_NOTBUFFERED]
    assert one["kstate_badsize"] == [DIERR_INVALIDPARAM]
    assert one["kstate"] == [OK, "0"]
    assert one["kpoll"] == [S_FALSE]  # DI_NOEFFECT: nothing to poll
    assert one["kunacq"] == [OK, S_FALSE]
    assert one["kpoll_unacq"] == [DIERR_NOTACQUIRED]
    # capabilities (attached | emulated), device info, properties
    assert one["kcaps"] == [OK, "44", "5", "00000413", "0", "105", "0"]
    assert one["mcaps"] == [OK, "44", "5", "00000212", "3", "3", "0"]
    assert one["caps_badsize"] == [DIERR_INVALIDPARAM]
    assert one["minfo"] == [OK, "580", "Mouse", "00000212", "1"]
    assert one["kbufsize"] == [OK, "0"]
    assert one["kbufset"] == [OK]
    assert one["kbufsize2"] == [OK, "16"]
    assert one["kbuf_byobj"] == [DIERR_INVALIDPARAM]
    assert one["kaxismode"] == [E_NOTIMPL]
    assert one["maxismode"] == [OK, "1"]  # DIPROPAXISMODE_REL
    assert one["maxisset"] == [OK]
    assert one["maxismode2"] == [OK, "0"]
    assert one["mgran"] == [OK, "120"]
    assert one["mgran_x"] == [OK, "1"]
    assert one["mgran_none"] == [DIERR_OBJECTNOTFOUND]
    assert one["mrange"] == [OK, "80000000", "7fffffff"]
    assert one["keyname"] == [OK, "Up"]
    assert one["productname"] == [OK, "Keyboard"]
    # objects
    assert [r[0] for r in o["mobj"]] == ["X-axis", "Y-axis", "Wheel", "Button", "Button", "Button"]
    assert [r[2:4] for r in o["mobj"][:3]] == [["00000001", "0"], ["00000101", "4"], ["00000201", "8"]]
    assert [r[3:5] for r in o["mobj"][3:]] == [["00000004", "12"], ["00000104", "13"], ["00000204", "14"]]
    assert one["mobj_n"] == [OK, "6"]
    assert one["mobj_axes"] == ["3"]
    assert one["kobj_buttons"] == ["105"]
    assert one["kobj_axes"] == ["0"]
    assert one["mobj_collections"] == ["0"]
    assert one["kobj_esc"] == [OK, "Esc", "00000104", "1"]
    assert one["kobj_rctrl"] == [OK, "Right", "Ctrl", "157"]
    assert one["mobj_b1"] == [OK, "Button", "1", "00000104"]
    assert one["mobj_missing"] == [DIERR_OBJECTNOTFOUND]
    # the mouse in DIMOUSESTATE2 format; event notification rules
    assert one["mevent_bad"] == [DIERR_INVALIDPARAM]
    assert one["mevent"] == [OK]
    assert one["macq"] == [OK]
    assert one["mevent_acq"] == [DIERR_ACQUIRED]
    assert one["mstate"] == [OK, "0", "0", "0", "0", "0"]
    assert one["mstate_mouse1size"] == [DIERR_INVALIDPARAM]
    assert one["mevent_signalled"] == ["258"]  # WAIT_TIMEOUT: no input, no signal
    # DirectInput 3: DX3 structure sizes and DirectInput 3..7 device types
    assert one["di3"] == [OK, "1"]
    assert o["enum3"] == [["Mouse", "560", "00000202", "2", "Mouse", "0", "0"],
                          ["Keyboard", "560", "00000403", "1", "Keyboard", "0", "0"]]
    assert one["enum3_n"] == ["2"]
    assert one["enum3_mouse"][:3] == ["Mouse", "560", "00000202"]
    assert one["enum3_bad"] == [DIERR_INVALIDPARAM]
    assert one["qi2"] == [OK, "2"]
    assert one["finddevice"] == [DIERR_DEVICENOTREG]
    assert one["m3"] == [OK, "1"]
    assert one["m3qi2"] == [OK, "2"]
    assert one["m3caps"] == [OK, "24", "00000202", "3", "3"]
    assert one["m3poll"] == [DIERR_NOTACQUIRED]
    assert one["m3qi8"] == [E_NOINTERFACE]
    assert one["createex"] == [OK, "1"]
    assert one["m7info"] == [OK, "1100", "Mouse", "00000202"]
    assert one["di3_release"] == ["0"]
    # CoCreateInstance objects need Initialize
    assert one["cocreate"] == [OK]
    assert one["co_uninit"] == [DIERR_NOTINITIALIZED]
    assert one["co_init"] == [DIERR_BETADIRECTINPUTVERSION, OK]
    assert one["co_device"] == [OK]
    assert one["codev"] == [OK, DIERR_NOTINITIALIZED]
    assert one["codev_init"] == [OK, DIERR_ALREADYINITIALIZED, OK]


SCRIPT = """\
300 move 100 100
400 key Up
500 key Shift down
520 key a
600 key Shift up
700 move 130 90
800 click 130 90
900 click 130 90 right
1000 wheel -120 130 90
1100 key rcontrol
1200 key numpad7
1300 down 150 95 left
1350 move 170 100
1400 up 170 100 left
1500 key Right down
1600 key Right up
1800 key Escape
"""


def test_input(run_exeplay, stage, tmp_path: Path) -> None:
    o = _run(run_exeplay, stage, tmp_path, "input", SCRIPT)
    one = {k: v[0] for k, v in o.items()}
    assert one["custom_format"] == [OK]
    assert one["acquire"] == [OK] * 5
    assert one["mevent_initial"] == ["258"]
    assert one["start"] == [str(START)]
    # keyboard state: DIK_ codes (extended keys + 0x80), 0x80 while down, and user32 agrees at the same moment
    assert o["kstate"] == [
        ["c8", "80", "1"], ["c8", "00", "0"],  # Up
        ["2a", "80", "1"], ["1e", "80", "1"], ["1e", "00", "0"], ["2a", "00", "0"],  # Shift, A
        ["9d", "80", "1"], ["9d", "00", "0"],  # right Ctrl
        ["47", "80", "1"], ["47", "00", "0"],  # numpad 7
        ["cd", "80", "1"], ["cd", "00", "0"],  # Right
        ["01", "80", "1"], ["01", "00", "0"],  # Esc
    ]
    # buffered keyboard data: the same changes, stamped at the script's times (ms since start), in sequence
    kdata = o["kdata"]
    assert [(r[0], r[1]) for r in kdata] == [(r[0], r[1]) for r in o["kstate"]]
    assert [int(r[2]) for r in kdata] == [400, 440, 500, 520, 560, 600, 1100, 1140, 1200, 1240, 1500, 1600, 1800, 1840]
    # the DirectInput 3 keyboard (16-byte DIDEVICEOBJECTDATA_DX3) sees the same records
    assert o["k3data"] == kdata
    # mouse state: relative motion since the last GetDeviceState, wheel, buttons
    assert o["mstate"] == [
        ["-300", "-200", "0", "00", "00", "00"],  # from the cursor's start (the screen's centre) to (100, 100)
        ["30", "-10", "0", "00", "00", "00"],
        ["0", "0", "0", "80", "00", "00"], ["0", "0", "0", "00", "00", "00"],  # left click
        ["0", "0", "0", "00", "80", "00"], ["0", "0", "0", "00", "00", "00"],  # right click
        ["0", "0", "-120", "00", "00", "00"],  # one notch towards the user
        ["20", "5", "0", "80", "00", "00"], ["20", "5", "0", "80", "00", "00"],  # drag with the left button
        ["0", "0", "0", "00", "00", "00"],
    ]
    mdata = [(int(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in o["mdata"]]
    assert [(ofs, v, t) for ofs, v, t, _ in mdata] == [
        (0, -300, 300), (4, -200, 300), (0, 30, 700), (4, -10, 700),
        (12, 128, 800), (12, 0, 840), (13, 128, 900), (13, 0, 940), (8, -120, 1000),
        (0, 20, 1300), (4, 5, 1300), (12, 128, 1300), (0, 20, 1350), (4, 5, 1350), (12, 0, 1400),
    ]
    # X and Y of one motion share a sequence number; otherwise sequence numbers grow across both devices
    assert mdata[0][3] == mdata[1][3] and mdata[2][3] == mdata[3][3]
    merged = sorted([(int(r[3]), int(r[2])) for r in kdata] + [(s, t) for _, _, t, s in mdata])
    seqs = [s for s, _ in merged]
    assert sorted(set(seqs)) == list(range(1, len(kdata) + len(mdata) - 4 + 1))  # one counter; 4 X/Y pairs share
    times = [t for _, t in merged]
    assert times == sorted(times)  # the sequence orders events in time
    # a custom format {Y, button 0, X} in absolute axis mode: values land where the format says
    assert o["m3state"][0] == ["-200", "0", "-300"]
    assert o["m3state"][-1] == ["-200", "0", "-230"]
    assert ["-210", "128", "-270"] in o["m3state"]
    # the mouse's event was signalled by new input
    assert int(one["mevent_signals"][0]) > 0
    # a 2-entry buffer: the oldest records stay, the newest are lost, DI_BUFFEROVERFLOW once
    assert one["kbd2_count"] == [S_FALSE, "2"]
    assert one["kbd2"] == [S_FALSE, "2", "c8:80", "c8:00"]
    assert one["kbd2_again"] == [OK, "0"]
    # another window in front: foreground devices are lost, background ones are not
    assert one["lost"] == [DIERR_INPUTLOST, OK, "80070005", DIERR_INPUTLOST]  # Acquire: DIERR_OTHERAPPHASPRIO
    assert one["lost_unacq"] == [S_FALSE, DIERR_NOTACQUIRED]
    assert one["di_final"] == ["0"]


def test_event_wakes_a_thread_without_message_loop(run_exeplay, stage, tmp_path: Path) -> None:
    """WaitForSingleObject on the notification event returns when a key arrives, though nothing pumps messages."""
    o = _run(run_exeplay, stage, tmp_path, "wait", "500 key a\n1500 key Down\n")
    assert o["acquire"] == [[OK]]
    assert o["woke"] == [["0", "500"], ["0", "540"]]
    assert o["data"] == [[OK, "1", "1e:80"], [OK, "1", "1e:00"]]
    assert o["timeout"] == [["258"]]
    assert o["peek"] == [[OK, "2"]]  # Down pressed and released while the program slept
    assert o["flush"] == [[OK, "2"]]
    assert o["after_flush"] == [[OK, "0"]]

