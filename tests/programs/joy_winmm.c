/* winmm joysticks: joyGetNumDevs, joyGetDevCapsA/W, joyGetPos, joyGetPosEx (JOY_RETURNALL with the POV, partial
   flags), joyGetThreshold/joySetThreshold, error codes; then joyGetPosEx of joysticks 0 and 1 every 100 ms of guest
   time for argv[1] samples (default 12), driven by an --input script of virtual pad events (tests/test_gamepad.py).
   Prints "name values" lines.

   Build (in tests/programs):
     i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o joy_winmm.exe joy_winmm.c -lwinmm
*/
#include <windows.h>
#include <mmsystem.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define P(...) do { printf(__VA_ARGS__); fflush(stdout); } while (0)

static void caps_a(UINT id) {
    JOYCAPSA c;
    MMRESULT r;
    memset(&c, 0xCC, sizeof c);
    r = joyGetDevCapsA(id, &c, sizeof c);
    if (r) {
        P("capsA %u r=%u\n", id, r);
        return;
    }
    P("capsA %u r=0 mid=%u pid=%u name=[%s] x=%u..%u y=%u..%u z=%u..%u r=%u..%u u=%u..%u v=%u..%u\n", id, c.wMid,
      c.wPid, c.szPname, c.wXmin, c.wXmax, c.wYmin, c.wYmax, c.wZmin, c.wZmax, c.wRmin, c.wRmax, c.wUmin, c.wUmax,
      c.wVmin, c.wVmax);
    P("capsA2 %u buttons=%u/%u axes=%u/%u caps=%#x period=%u..%u regkey=[%s] oem=[%s]\n", id, c.wNumButtons,
      c.wMaxButtons, c.wNumAxes, c.wMaxAxes, c.wCaps, c.wPeriodMin, c.wPeriodMax, c.szRegKey, c.szOEMVxD);
}

static void sample(int t, UINT id) {
    JOYINFOEX ji;
    MMRESULT r;
    memset(&ji, 0, sizeof ji);
    ji.dwSize = sizeof ji;
    ji.dwFlags = JOY_RETURNALL;
    r = joyGetPosEx(id, &ji);
    if (r) {
        P("pos %d %u r=%u\n", t, id, r);
        return;
    }
    P("pos %d %u r=0 x=%lu y=%lu z=%lu r=%lu u=%lu v=%lu buttons=%#lx n=%lu pov=%lu\n", t, id, ji.dwXpos, ji.dwYpos,
      ji.dwZpos, ji.dwRpos, ji.dwUpos, ji.dwVpos, ji.dwButtons, ji.dwButtonNumber, ji.dwPOV);
}

int main(int argc, char **argv) {
    int samples = argc > 1 ? atoi(argv[1]) : 12;
    JOYCAPSA c;
    JOYCAPSW cw;
    JOYINFO info;
    JOYINFOEX ji;
    UINT th = 12345;
    MMRESULT r;
    char name[64];
    int i;

    P("numdevs %u\n", joyGetNumDevs());
    caps_a(0);
    caps_a(1);
    caps_a(15);
    caps_a(16);
    P("capsA-size r=%u\n", joyGetDevCapsA(0, &c, 100));
    P("capsA-null r=%u\n", joyGetDevCapsA(0, NULL, sizeof c));
    memset(&c, 0, sizeof c);
    r = joyGetDevCapsA((UINT_PTR)-1, &c, sizeof c);
    P("capsA-1 r=%u regkey=[%s] name=[%s]\n", r, c.szRegKey, c.szPname);
    memset(&cw, 0, sizeof cw);
    r = joyGetDevCapsW(0, &cw, sizeof cw);
    WideCharToMultiByte(CP_ACP, 0, cw.szPname, -1, name, sizeof name, NULL, NULL);
    P("capsW 0 r=%u name=[%s] buttons=%u caps=%#x\n", r, name, cw.wNumButtons, cw.wCaps);

    r = joyGetPos(0, &info);
    P("getpos 0 r=%u x=%u y=%u z=%u buttons=%#x\n", r, info.wXpos, info.wYpos, info.wZpos, info.wButtons);
    P("getpos 1 r=%u\n", joyGetPos(1, &info));
    P("getpos 16 r=%u\n", joyGetPos(16, &info));
    memset(&ji, 0, sizeof ji);
    ji.dwSize = sizeof ji - 4;
    ji.dwFlags = JOY_RETURNALL;
    P("posex-size r=%u\n", joyGetPosEx(0, &ji));
    memset(&ji, 0x55, sizeof ji);  /* only X and the buttons asked for: the rest keep their values */
    ji.dwSize = sizeof ji;
    ji.dwFlags = JOY_RETURNX | JOY_RETURNBUTTONS;
    r = joyGetPosEx(0, &ji);
    P("posex-partial r=%u x=%lu y=%#lx buttons=%#lx n=%lu pov=%#lx\n", r, ji.dwXpos, ji.dwYpos, ji.dwButtons,
      ji.dwButtonNumber, ji.dwPOV);

    r = joyGetThreshold(0, &th);
    P("threshold r=%u %u\n", r, th);
    P("setthreshold r=%u\n", joySetThreshold(0, 1000));
    r = joyGetThreshold(0, &th);
    P("threshold r=%u %u\n", r, th);

    for (i = 1; i <= samples; i++) {
        Sleep(100);
        sample(i * 100, 0);
        sample(i * 100, 1);
    }
    caps_a(1);
    return 0;
}
