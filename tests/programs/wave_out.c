/* waveOut test program: a 441 Hz sine streamed through two 100 ms buffers (double buffering), with each
 * callback kind, plus the error paths, pause, reset and loops. The test records the mixed sound
 * (--deterministic, WAV) and analyses it; this program prints what the API returned.
 *
 * Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o wave_out.exe wave_out.c -lwinmm -luser32
 *
 * Usage: wave_out MODE   with MODE one of
 *   function  CALLBACK_FUNCTION, 44100 Hz 16-bit stereo (right channel at half amplitude)
 *   window    CALLBACK_WINDOW,   22050 Hz 16-bit mono
 *   event     CALLBACK_EVENT,    11025 Hz  8-bit mono
 *   thread    CALLBACK_THREAD,   48000 Hz 16-bit stereo
 *   poll      CALLBACK_NULL (polls WHDR_DONE with Sleep), 32000 Hz 8-bit stereo
 *   pause     function callback, 44100 Hz mono; pauses 200 ms after the second buffer was returned
 *   loop      one 4400-frame buffer (44 periods) with WHDR_BEGINLOOP|WHDR_ENDLOOP, dwLoops 3, mono at
 *             volume 0x80004000 (left 1/4, right 1/2)
 *   errors    the error paths; no sound
 */
#include <windows.h>
#include <mmsystem.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define FREQ 441.0
#define AMP 10000.0
#define NPLAYS 6 /* buffer plays per stream: 600 ms of sound */

static HWAVEOUT hwo;
static WAVEHDR hdr[2];
static char *mem[2];
static WAVEFORMATEX wf;
static unsigned long long gen; /* frames generated so far: the sine's phase continues across buffers */
static int frames_per_buf, queued, done_count, open_count, close_count, bad_params;
static HANDLE ev_done;
static DWORD main_tid;

static void fill(int i)
{
    int n;
    for (n = 0; n < frames_per_buf; n++, gen++) {
        double v = sin(2.0 * 3.14159265358979323846 * FREQ * (double)gen / wf.nSamplesPerSec);
        int c;
        for (c = 0; c < wf.nChannels; c++) {
            double a = v * AMP * (c ? 0.5 : 1.0);
            if (wf.wBitsPerSample == 16)
                ((short *)mem[i])[n * wf.nChannels + c] = (short)lrint(a);
            else
                ((unsigned char *)mem[i])[n * wf.nChannels + c] = (unsigned char)(128 + lrint(a / 256.0));
        }
    }
}

static void set_format(int rate, int bits, int ch)
{
    wf.wFormatTag = WAVE_FORMAT_PCM;
    wf.nChannels = ch;
    wf.nSamplesPerSec = rate;
    wf.wBitsPerSample = bits;
    wf.nBlockAlign = ch * bits / 8;
    wf.nAvgBytesPerSec = rate * wf.nBlockAlign;
    wf.cbSize = 0;
    frames_per_buf = rate / 10;
}

static void prepare(void)
{
    int i;
    for (i = 0; i < 2; i++) {
        mem[i] = (char *)GlobalAlloc(GMEM_FIXED, frames_per_buf * wf.nBlockAlign);
        memset(&hdr[i], 0, sizeof hdr[i]);
        hdr[i].lpData = mem[i];
        hdr[i].dwBufferLength = frames_per_buf * wf.nBlockAlign;
        hdr[i].dwUser = i;
        MMRESULT r = waveOutPrepareHeader(hwo, &hdr[i], sizeof hdr[i]);
        if (r || !(hdr[i].dwFlags & WHDR_PREPARED))
            printf("prepare %d failed: %u flags %lx\n", i, r, hdr[i].dwFlags);
    }
}

/* queue buffer i with fresh samples if the stream is not complete */
static void feed(int i)
{
    if (queued >= NPLAYS)
        return;
    fill(i);
    MMRESULT r = waveOutWrite(hwo, &hdr[i], sizeof hdr[i]);
    if (r)
        printf("write failed: %u\n", r);
    if (!(hdr[i].dwFlags & WHDR_INQUEUE) || (hdr[i].dwFlags & WHDR_DONE))
        printf("after write: flags %lx\n", hdr[i].dwFlags);
    queued++;
}

static void report_and_close(const char *mode)
{
    MMTIME t;
    DWORD samples, bytes, ms;
    int i;
    t.wType = TIME_SAMPLES;
    waveOutGetPosition(hwo, &t, sizeof t);
    samples = t.u.sample;
    t.wType = TIME_BYTES;
    waveOutGetPosition(hwo, &t, sizeof t);
    bytes = t.u.cb;
    t.wType = TIME_MS;
    waveOutGetPosition(hwo, &t, sizeof t);
    ms = t.u.ms;
    for (i = 0; i < 2; i++)
        if (waveOutUnprepareHeader(hwo, &hdr[i], sizeof hdr[i]) || (hdr[i].dwFlags & WHDR_PREPARED))
            printf("unprepare %d failed\n", i);
    printf("mode=%s done=%d pos_samples=%lu pos_bytes=%lu pos_ms=%lu bad_params=%d\n", mode, done_count, samples,
           bytes, ms, bad_params);
    printf("close=%u\n", waveOutClose(hwo));
}

static void start_stream(void)
{
    prepare();
    feed(0);
    feed(1);
}

/* ---- CALLBACK_FUNCTION ---- */
static void CALLBACK wave_proc(HWAVEOUT h, UINT msg, DWORD_PTR inst, DWORD_PTR p1, DWORD_PTR p2)
{
    if (h != hwo && msg != WOM_OPEN)
        bad_params++;
    if (inst != 0x1234)
        bad_params++;
    if (GetCurrentThreadId() == main_tid)
        bad_params++; /* Windows calls it from its own thread */
    if (msg == WOM_OPEN)
        open_count++;
    else if (msg == WOM_CLOSE)
        close_count++;
    else if (msg == WOM_DONE) {
        WAVEHDR *w = (WAVEHDR *)p1;
        if (w != &hdr[0] && w != &hdr[1])
            bad_params++;
        else if (!(w->dwFlags & WHDR_DONE) || (w->dwFlags & WHDR_INQUEUE))
            bad_params++;
        done_count++;
    }
    SetEvent(ev_done);
}

static int run_function(int pause_mode)
{
    int next = 0, paused_once = 0;
    ev_done = CreateEventA(NULL, FALSE, FALSE, NULL);
    if (pause_mode)
        set_format(44100, 16, 1);
    else
        set_format(44100, 16, 2);
    MMRESULT r = waveOutOpen(&hwo, WAVE_MAPPER, &wf, (DWORD_PTR)wave_proc, 0x1234, CALLBACK_FUNCTION);
    if (r) {
        printf("open failed %u\n", r);
        return 1;
    }
    start_stream();
    while (done_count < NPLAYS) {
        WaitForSingleObject(ev_done, INFINITE);
        while (queued < NPLAYS && (hdr[next].dwFlags & WHDR_DONE)) {
            feed(next);
            next ^= 1;
        }
        if (pause_mode && done_count == 2 && !paused_once) {
            MMTIME a, b;
            paused_once = 1;
            a.wType = b.wType = TIME_SAMPLES;
            waveOutPause(hwo);
            waveOutGetPosition(hwo, &a, sizeof a);
            Sleep(200);
            waveOutGetPosition(hwo, &b, sizeof b);
            printf("paused: position moved by %lu\n", b.u.sample - a.u.sample);
            waveOutRestart(hwo);
        }
    }
    report_and_close(pause_mode ? "pause" : "function");
    Sleep(50);
    printf("open_count=%d close_count=%d\n", open_count, close_count);
    return 0;
}

/* ---- CALLBACK_WINDOW ---- */
static LRESULT CALLBACK wnd_proc(HWND w, UINT msg, WPARAM wp, LPARAM lp)
{
    static int next;
    switch (msg) {
    case MM_WOM_OPEN:
        open_count++;
        if ((HWAVEOUT)wp != hwo)
            bad_params++;
        return 0;
    case MM_WOM_DONE:
        if ((HWAVEOUT)wp != hwo || (WAVEHDR *)lp != &hdr[next])
            bad_params++;
        done_count++;
        feed(next);
        next ^= 1;
        if (done_count == NPLAYS) {
            report_and_close("window");
        }
        return 0;
    case MM_WOM_CLOSE:
        close_count++;
        PostQuitMessage(0);
        return 0;
    }
    return DefWindowProcA(w, msg, wp, lp);
}

static int run_window(void)
{
    WNDCLASSA wc;
    MSG msg;
    HWND w;
    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = wnd_proc;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.lpszClassName = "wave_out";
    RegisterClassA(&wc);
    w = CreateWindowA("wave_out", "wave_out", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL, wc.hInstance, NULL);
    set_format(22050, 16, 1);
    MMRESULT r = waveOutOpen(&hwo, 0, &wf, (DWORD_PTR)w, 0, CALLBACK_WINDOW);
    if (r) {
        printf("open failed %u\n", r);
        return 1;
    }
    start_stream();
    while (GetMessageA(&msg, NULL, 0, 0) > 0)
        DispatchMessageA(&msg);
    printf("open_count=%d close_count=%d\n", open_count, close_count);
    return 0;
}

/* ---- CALLBACK_EVENT ---- */
static int run_event(void)
{
    int i, events = 0;
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    set_format(11025, 8, 1);
    MMRESULT r = waveOutOpen(&hwo, WAVE_MAPPER, &wf, (DWORD_PTR)ev, 0, CALLBACK_EVENT);
    if (r) {
        printf("open failed %u\n", r);
        return 1;
    }
    if (WaitForSingleObject(ev, 0) == WAIT_OBJECT_0)
        open_count++; /* WOM_OPEN sets the event */
    start_stream();
    while (done_count < NPLAYS) {
        if (WaitForSingleObject(ev, 5000) != WAIT_OBJECT_0) {
            printf("event timeout\n");
            return 1;
        }
        events++;
        for (i = 0; i < 2; i++) {
            if ((hdr[i].dwFlags & WHDR_DONE) && !(hdr[i].dwFlags & WHDR_INQUEUE) && hdr[i].dwUser != 99) {
                done_count++;
                if (queued < NPLAYS)
                    feed(i);
                else
                    hdr[i].dwUser = 99; /* counted */
            }
        }
    }
    report_and_close("event");
    if (WaitForSingleObject(ev, 0) == WAIT_OBJECT_0)
        close_count++;
    printf("open_count=%d close_count=%d events=%d\n", open_count, close_count, events);
    return 0;
}

/* ---- CALLBACK_THREAD ---- */
static DWORD WINAPI audio_thread(LPVOID arg)
{
    MSG msg;
    int next = 0;
    PeekMessageA(&msg, NULL, 0, 0, PM_NOREMOVE); /* create the queue */
    SetEvent((HANDLE)arg);
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        if (msg.message == MM_WOM_OPEN)
            open_count++;
        else if (msg.message == MM_WOM_DONE) {
            if ((WAVEHDR *)msg.lParam != &hdr[next] || (HWAVEOUT)msg.wParam != hwo)
                bad_params++;
            done_count++;
            feed(next);
            next ^= 1;
            if (done_count == NPLAYS)
                report_and_close("thread");
        } else if (msg.message == MM_WOM_CLOSE) {
            close_count++;
            break;
        }
    }
    return 0;
}

static int run_thread(void)
{
    DWORD tid;
    HANDLE ready = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE th = CreateThread(NULL, 0, audio_thread, ready, 0, &tid);
    WaitForSingleObject(ready, INFINITE);
    set_format(48000, 16, 2);
    MMRESULT r = waveOutOpen(&hwo, 0, &wf, tid, 0, CALLBACK_THREAD);
    if (r) {
        printf("open failed %u\n", r);
        return 1;
    }
    start_stream();
    WaitForSingleObject(th, INFINITE);
    printf("open_count=%d close_count=%d\n", open_count, close_count);
    return 0;
}

/* ---- CALLBACK_NULL, polling ---- */
static int run_poll(void)
{
    int next = 0, polls = 0;
    set_format(32000, 8, 2);
    MMRESULT r = waveOutOpen(&hwo, WAVE_MAPPER, &wf, 0, 0, CALLBACK_NULL);
    if (r) {
        printf("open failed %u\n", r);
        return 1;
    }
    start_stream();
    while (done_count < NPLAYS) {
        if (hdr[next].dwFlags & WHDR_DONE) {
            done_count++;
            feed(next);
            next ^= 1;
        } else {
            Sleep(10);
            polls++;
        }
    }
    report_and_close("poll");
    printf("polled=%d\n", polls > 20);
    return 0;
}

/* ---- loops ---- */
static int run_loop(void)
{
    set_format(44100, 16, 1);
    frames_per_buf = 4400;
    MMRESULT r = waveOutOpen(&hwo, WAVE_MAPPER, &wf, 0, 0, CALLBACK_NULL);
    if (r) {
        printf("open failed %u\n", r);
        return 1;
    }
    prepare();
    fill(0);
    hdr[0].dwFlags |= WHDR_BEGINLOOP | WHDR_ENDLOOP;
    hdr[0].dwLoops = 3;
    waveOutSetVolume(hwo, 0x80004000); /* left 1/4, right 1/2 */
    waveOutWrite(hwo, &hdr[0], sizeof hdr[0]);
    while (!(hdr[0].dwFlags & WHDR_DONE))
        Sleep(5);
    MMTIME t;
    t.wType = TIME_SAMPLES;
    waveOutGetPosition(hwo, &t, sizeof t);
    printf("mode=loop pos_samples=%lu\n", t.u.sample);
    waveOutUnprepareHeader(hwo, &hdr[0], sizeof hdr[0]);
    waveOutUnprepareHeader(hwo, &hdr[1], sizeof hdr[1]);
    printf("close=%u\n", waveOutClose(hwo));
    return 0;
}

/* ---- error paths and queries ---- */
static int run_errors(void)
{
    WAVEOUTCAPSA ca;
    WAVEOUTCAPSW cw;
    WAVEFORMATEX bad;
    char text[128];
    DWORD vol;
    MMTIME t;
    MMRESULT r;
    printf("numdevs=%u\n", waveOutGetNumDevs());
    r = waveOutGetDevCapsA(0, &ca, sizeof ca);
    printf("caps=%u ", r);
    printf("channels=%u formats=%lx support=%lx name=%s\n", ca.wChannels, ca.dwFormats, ca.dwSupport, ca.szPname);
    r = waveOutGetDevCapsW(WAVE_MAPPER, &cw, sizeof cw);
    printf("capsW=%u mapper=%d\n", r, !lstrcmpW(cw.szPname, L"Microsoft Sound Mapper"));
    printf("caps_baddev=%u\n", waveOutGetDevCapsA(5, &ca, sizeof ca));
    set_format(44100, 16, 2);
    printf("query=%u\n", waveOutOpen(NULL, WAVE_MAPPER, &wf, 0, 0, WAVE_FORMAT_QUERY));
    bad = wf;
    bad.wBitsPerSample = 24;
    bad.nBlockAlign = 6;
    printf("query24=%u\n", waveOutOpen(NULL, WAVE_MAPPER, &bad, 0, 0, WAVE_FORMAT_QUERY));
    bad = wf;
    bad.wFormatTag = 2; /* ADPCM */
    printf("open_adpcm=%u\n", waveOutOpen(&hwo, WAVE_MAPPER, &bad, 0, 0, CALLBACK_NULL));
    bad = wf;
    bad.nBlockAlign = 3;
    printf("open_badalign=%u\n", waveOutOpen(&hwo, WAVE_MAPPER, &bad, 0, 0, CALLBACK_NULL));
    printf("open_baddev=%u\n", waveOutOpen(&hwo, 7, &wf, 0, 0, CALLBACK_NULL));
    printf("open=%u\n", waveOutOpen(&hwo, WAVE_MAPPER, &wf, 0, 0, CALLBACK_NULL));
    memset(&hdr[0], 0, sizeof hdr[0]);
    mem[0] = (char *)GlobalAlloc(GMEM_FIXED | GMEM_ZEROINIT, 44100 * 4);
    hdr[0].lpData = mem[0];
    hdr[0].dwBufferLength = 44100 * 4; /* one second of silence */
    printf("write_unprepared=%u\n", waveOutWrite(hwo, &hdr[0], sizeof hdr[0]));
    r = waveOutPrepareHeader(hwo, &hdr[0], sizeof hdr[0]);
    printf("prepare=%u flags=%lx\n", r, hdr[0].dwFlags);
    r = waveOutWrite(hwo, &hdr[0], sizeof hdr[0]);
    printf("write=%u flags=%lx\n", r, hdr[0].dwFlags);
    printf("write_again=%u\n", waveOutWrite(hwo, &hdr[0], sizeof hdr[0]));
    printf("unprepare_playing=%u\n", waveOutUnprepareHeader(hwo, &hdr[0], sizeof hdr[0]));
    printf("close_playing=%u\n", waveOutClose(hwo));
    Sleep(100);
    t.wType = TIME_MS;
    waveOutGetPosition(hwo, &t, sizeof t);
    printf("pos_ms_after_100=%lu\n", t.u.ms);
    t.wType = TIME_SMPTE;
    waveOutGetPosition(hwo, &t, sizeof t);
    printf("smpte_type=%u value=%lu\n", t.wType, t.u.cb);
    printf("setvol=%u ", waveOutSetVolume(hwo, 0x80004000));
    printf("getvol=%u ", waveOutGetVolume(hwo, &vol));
    printf("vol=%lx\n", vol);
    r = waveOutReset(hwo);
    printf("reset=%u flags=%lx\n", r, hdr[0].dwFlags);
    t.wType = TIME_BYTES;
    waveOutGetPosition(hwo, &t, sizeof t);
    printf("pos_after_reset=%lu\n", t.u.cb);
    r = waveOutUnprepareHeader(hwo, &hdr[0], sizeof hdr[0]);
    printf("unprepare=%u flags=%lx\n", r, hdr[0].dwFlags);
    printf("close=%u\n", waveOutClose(hwo));
    printf("close_again=%u\n", waveOutClose(hwo));
    printf("errtext=%u ", waveOutGetErrorTextA(WAVERR_STILLPLAYING, text, sizeof text));
    printf("len>0=%d\n", text[0] != 0);
    printf("errtext_bad=%u\n", waveOutGetErrorTextA(12345, text, sizeof text));
    return 0;
}

int main(int argc, char **argv)
{
    int r;
    const char *mode = argc > 1 ? argv[1] : "function";
    main_tid = GetCurrentThreadId();
    if (!strcmp(mode, "function"))
        r = run_function(0);
    else if (!strcmp(mode, "pause"))
        r = run_function(1);
    else if (!strcmp(mode, "window"))
        r = run_window();
    else if (!strcmp(mode, "event"))
        r = run_event();
    else if (!strcmp(mode, "thread"))
        r = run_thread();
    else if (!strcmp(mode, "poll"))
        r = run_poll();
    else if (!strcmp(mode, "loop"))
        r = run_loop();
    else if (!strcmp(mode, "errors"))
        r = run_errors();
    else {
        printf("unknown mode %s\n", mode);
        r = 2;
    }
    fflush(stdout);
    return r;
}
