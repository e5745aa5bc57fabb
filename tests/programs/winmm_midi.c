/* midiOut test program: device caps, open with a callback function, a GM reset (midiOutLongMsg), program change
 * and a 440 Hz note (A4, flute) held for 500 ms, then a 880 Hz note (A5) for 300 ms with running status, reset,
 * volume, close; error paths. Prints the results; the test records the sound (--audio-out).
 *
 * Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o winmm_midi.exe winmm_midi.c -lwinmm
 */
#include <windows.h>
#include <mmsystem.h>
#include <stdio.h>

static volatile LONG opens, dones, closes;
static DWORD_PTR done_hdr;

static void CALLBACK proc(HMIDIOUT h, UINT msg, DWORD_PTR inst, DWORD_PTR p1, DWORD_PTR p2) {
    if (inst != 77) return;
    if (msg == MOM_OPEN) opens++;
    if (msg == MOM_DONE) { dones++; done_hdr = p1; }
    if (msg == MOM_CLOSE) closes++;
}

int main(void) {
    MIDIOUTCAPSA caps;
    MIDIOUTCAPSW capsw;
    HMIDIOUT h;
    UINT r = midiOutGetDevCapsA(0, &caps, sizeof caps);
    printf("numdevs=%u caps=%u name=%s tech=%u channels=%x support=%lx\n", midiOutGetNumDevs(), r, caps.szPname,
           caps.wTechnology, caps.wChannelMask, caps.dwSupport);
    r = midiOutGetDevCapsW(MIDI_MAPPER, &capsw, sizeof capsw);
    printf("mapper caps=%u tech=%u\n", r, capsw.wTechnology);
    printf("baddev=%u\n", midiOutOpen(&h, 5, 0, 0, CALLBACK_NULL));
    r = midiOutOpen(&h, MIDI_MAPPER, (DWORD_PTR)proc, 77, CALLBACK_FUNCTION);
    printf("open=%u\n", r);

    static unsigned char gm_on[] = {0xF0, 0x7E, 0x7F, 0x09, 0x01, 0xF7};
    MIDIHDR hdr = {0};
    hdr.lpData = (LPSTR)gm_on;
    hdr.dwBufferLength = hdr.dwBytesRecorded = sizeof gm_on;
    printf("long_unprepared=%u\n", midiOutLongMsg(h, &hdr, sizeof hdr));
    r = midiOutPrepareHeader(h, &hdr, sizeof hdr);
    printf("prepare=%u flags=%lx\n", r, hdr.dwFlags);
    r = midiOutLongMsg(h, &hdr, sizeof hdr);
    printf("long=%u done=%lx\n", r, hdr.dwFlags & MHDR_DONE);
    printf("unprepare=%u\n", midiOutUnprepareHeader(h, &hdr, sizeof hdr));

    Sleep(100);
    midiOutShortMsg(h, 0x0049C0);          /* program 73: flute */
    midiOutShortMsg(h, 0x7F0790);          /* channel volume */
    midiOutShortMsg(h, 0x007FB0 | (7 << 8));
    printf("noteon=%u at=%lu\n", midiOutShortMsg(h, 0x704590), timeGetTime()); /* A4 velocity 112 */
    Sleep(500);
    midiOutShortMsg(h, 0x004580);          /* note off */
    Sleep(300);
    midiOutShortMsg(h, 0x705190);          /* A5 on */
    printf("running=%u at=%lu\n", midiOutShortMsg(h, 0x0051), timeGetTime()); /* running status: A5, velocity 0 = off */
    midiOutShortMsg(h, 0x705190);          /* A5 on again */
    Sleep(300);
    printf("reset=%u at=%lu\n", midiOutReset(h), timeGetTime());
    DWORD vol = 0;
    printf("setvol=%u", midiOutSetVolume(h, 0x80008000));
    r = midiOutGetVolume(h, &vol);
    printf(" getvol=%u vol=%lx\n", r, vol);
    Sleep(1000);
    printf("close=%u\n", midiOutClose(h));
    printf("closed_msg=%u\n", midiOutShortMsg(h, 0x704590));
    Sleep(50);
    char text[200];
    midiOutGetErrorTextA(MIDIERR_STILLPLAYING, text, sizeof text);
    printf("callbacks open=%ld done=%ld close=%ld hdr=%d\n", opens, dones, closes, done_hdr == (DWORD_PTR)&hdr);
    printf("text=%.20s\n", text);
    printf("done\n");
    return 0;
}
