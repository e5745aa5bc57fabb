/* DirectSound test program: streaming and static buffers playing a 441 Hz sine, notifications, volume, pan,
 * frequency, duplicates and the error paths. The test records the mixed sound (--deterministic, WAV) and
 * analyses it; this program prints what the API returned.
 *
 * Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o dsound_test.exe dsound_test.c -ldsound -luser32 -lole32 -ldxguid -lwinmm
 *
 * Usage: dsound_test MODE [RATE BITS CHANNELS]   with MODE one of
 *   poll     the classic game loop: a 1 s looping buffer, GetCurrentPosition every 7 ms, the part behind the
 *            play cursor refilled through Lock/Unlock (two pointers at the wrap) with a continuous sine for
 *            2 s, then silence; stopped once the sine has been played (default 44100 16 2)
 *   static   a 2200-frame tone (44 periods) at 22050 Hz 16-bit mono written once, Play(LOOPING), Stop after
 *            500 ms
 *   notify   two 100 ms halves at 22050 Hz 16-bit stereo refilled when the notification at the end of each
 *            half is signalled (WaitForMultipleObjects), 1 s of sine, then Stop and the DSBPN_OFFSETSTOP event
 *   effects  a looping 441 Hz tone, 200 ms each: full, SetVolume(-600), SetPan(1000), SetPan(-2000),
 *            SetFrequency(88200) (882 Hz)
 *   dup      DuplicateSoundBuffer shares the data: the original is rewritten (half amplitude) and released,
 *            the duplicate plays once (non-looping), then again from the start
 *   errors   error codes and queries; no sound
 *   latency  (bench/dsound_latency.py) Unlock+Play of a fresh buffer at known guest times, and 10 ms bursts
 *            written at the write cursor of a playing streaming buffer; prints the guest times
 */
#define COBJMACROS
#define INITGUID
#include <windows.h>
#include <mmsystem.h>
#include <dsound.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FREQ 441.0
#define AMP 10000.0
#define PI 3.14159265358979323846

static LPDIRECTSOUND ds;
static WAVEFORMATEX wf;
static unsigned long long gen;   /* frames generated so far: the sine's phase continues across writes */
static unsigned long long limit; /* frames of sine to generate; silence after */
static double amp = AMP;

static void set_format(int rate, int bits, int ch)
{
    memset(&wf, 0, sizeof wf);
    wf.wFormatTag = WAVE_FORMAT_PCM;
    wf.nChannels = ch;
    wf.nSamplesPerSec = rate;
    wf.wBitsPerSample = bits;
    wf.nBlockAlign = ch * bits / 8;
    wf.nAvgBytesPerSec = rate * wf.nBlockAlign;
}

/* Write the next frames of the sine (silence past ``limit``) into nbytes at p. */
static void fill(void *p, DWORD nbytes)
{
    DWORD n, frames = nbytes / wf.nBlockAlign;
    int c;
    for (n = 0; n < frames; n++, gen++) {
        double v = gen < limit ? sin(2.0 * PI * FREQ * (double)gen / wf.nSamplesPerSec) * amp : 0.0;
        for (c = 0; c < wf.nChannels; c++) {
            double a = v * (c ? 0.5 : 1.0);
            if (wf.wBitsPerSample == 16)
                ((short *)p)[n * wf.nChannels + c] = (short)lrint(a);
            else
                ((unsigned char *)p)[n * wf.nChannels + c] = (unsigned char)(128 + lrint(a / 256.0));
        }
    }
}

static LPDIRECTSOUNDBUFFER make_buffer(DWORD flags, DWORD bytes, HRESULT *phr)
{
    DSBUFFERDESC d;
    LPDIRECTSOUNDBUFFER b = NULL;
    HRESULT hr;
    memset(&d, 0, sizeof d);
    d.dwSize = sizeof d;
    d.dwFlags = flags;
    d.dwBufferBytes = bytes;
    d.lpwfxFormat = (flags & DSBCAPS_PRIMARYBUFFER) ? NULL : &wf;
    hr = IDirectSound_CreateSoundBuffer(ds, &d, &b, NULL);
    if (phr)
        *phr = hr;
    else if (hr != DS_OK) {
        printf("CreateSoundBuffer failed: %08lx\n", hr);
        exit(1);
    }
    return b;
}

static void fill_region(LPDIRECTSOUNDBUFFER b, DWORD off, DWORD n, DWORD flags, int *wrapped)
{
    void *p1, *p2;
    DWORD b1, b2;
    HRESULT hr = IDirectSoundBuffer_Lock(b, off, n, &p1, &b1, &p2, &b2, flags);
    if (hr != DS_OK) {
        printf("Lock failed: %08lx\n", hr);
        exit(1);
    }
    fill(p1, b1);
    if (p2) {
        fill(p2, b2);
        if (wrapped)
            (*wrapped)++;
    }
    IDirectSoundBuffer_Unlock(b, p1, b1, p2, b2);
}

static void open_ds(int v8, DWORD level)
{
    HRESULT hr = v8 ? DirectSoundCreate8(NULL, (LPDIRECTSOUND8 *)&ds, NULL) : DirectSoundCreate(NULL, &ds, NULL);
    if (hr != DS_OK) {
        printf("DirectSoundCreate failed: %08lx\n", hr);
        exit(1);
    }
    if (level) {
        hr = IDirectSound_SetCooperativeLevel(ds, GetDesktopWindow(), level);
        if (hr != DS_OK) {
            printf("SetCooperativeLevel failed: %08lx\n", hr);
            exit(1);
        }
    }
}

static DWORD status(LPDIRECTSOUNDBUFFER b)
{
    DWORD st = 0xdead;
    IDirectSoundBuffer_GetStatus(b, &st);
    return st;
}

static double guest_seconds(void)
{
    LARGE_INTEGER c, f;
    QueryPerformanceCounter(&c);
    QueryPerformanceFrequency(&f);
    return (double)c.QuadPart / (double)f.QuadPart - 1.0; /* exeplay's counter starts at 1 s */
}

/* ---- poll: the classic streaming game loop --------------------------------------------------------------- */
static void mode_poll(int rate, int bits, int ch)
{
    LPDIRECTSOUNDBUFFER b;
    DWORD size, wr = 0, play, write, last = 0, lead, lead_min = 0xffffffff, lead_max = 0, st_playing;
    unsigned long long played = 0;
    int polls = 0, wraps = 0, locks = 0;
    set_format(rate, bits, ch);
    open_ds(0, DSSCL_PRIORITY);
    size = wf.nAvgBytesPerSec; /* one second */
    limit = 2ULL * rate;
    b = make_buffer(DSBCAPS_GETCURRENTPOSITION2 | DSBCAPS_GLOBALFOCUS, size, NULL);
    fill_region(b, 0, 0, DSBLOCK_ENTIREBUFFER, NULL);
    IDirectSoundBuffer_Play(b, 0, 0, DSBPLAY_LOOPING);
    st_playing = status(b);
    while (played < (unsigned long long)limit * wf.nBlockAlign + size / 10) {
        DWORD n;
        Sleep(7);
        IDirectSoundBuffer_GetCurrentPosition(b, &play, &write);
        polls++;
        lead = (write + size - play) % size;
        if (lead < lead_min)
            lead_min = lead;
        if (lead > lead_max)
            lead_max = lead;
        played += (play + size - last) % size;
        last = play;
        n = (play + size - wr) % size; /* everything behind the play cursor has been played: refill it */
        if (n) {
            fill_region(b, wr, n, 0, &wraps);
            locks++;
            wr = play;
        }
    }
    IDirectSoundBuffer_Stop(b);
    printf("mode=poll rate=%d bits=%d ch=%d polls=%d locks=%d wraps=%d lead_min=%lu lead_max=%lu status_playing=%lu "
           "status_stopped=%lu\n", rate, bits, ch, polls, locks, wraps, lead_min, lead_max, st_playing, status(b));
    printf("release_buffer=%lu", IDirectSoundBuffer_Release(b));
    printf(" release_ds=%lu\n", IDirectSound_Release(ds));
}

/* ---- static: a short looping tone --------------------------------------------------------------------------- */
static void mode_static(void)
{
    LPDIRECTSOUNDBUFFER b;
    DWORD play, write, st1, st2;
    set_format(22050, 16, 1);
    open_ds(1, DSSCL_NORMAL);
    limit = 2200;
    b = make_buffer(DSBCAPS_STATIC, 2200 * 2, NULL);
    fill_region(b, 0, 2200 * 2, 0, NULL);
    IDirectSoundBuffer_Play(b, 0, 0, DSBPLAY_LOOPING);
    st1 = status(b);
    Sleep(500);
    IDirectSoundBuffer_Stop(b);
    st2 = status(b);
    IDirectSoundBuffer_GetCurrentPosition(b, &play, &write);
    printf("mode=static status_playing=%lu status_stopped=%lu play=%lu write=%lu\n", st1, st2, play, write);
    IDirectSound_Release(ds);
}

/* ---- notify: refills driven by notification events ------------------------------------------------------- */
static void mode_notify(void)
{
    LPDIRECTSOUNDBUFFER b;
    LPDIRECTSOUNDNOTIFY nt;
    DSBPOSITIONNOTIFY pos[3];
    HANDLE ev[3];
    DWORD half, size, play, write, late_max = 0;
    HRESULT hr, hr_playing;
    int i, halves_played = 0, wakes = 0, got_stop, early = 0;
    set_format(22050, 16, 2);
    open_ds(1, DSSCL_PRIORITY);
    half = 2205 * wf.nBlockAlign;
    size = 2 * half;
    limit = 10 * 2205; /* ten halves: 1 s of sine */
    b = make_buffer(DSBCAPS_CTRLPOSITIONNOTIFY | DSBCAPS_GETCURRENTPOSITION2, size, NULL);
    hr = IDirectSoundBuffer_QueryInterface(b, &IID_IDirectSoundNotify, (void **)&nt);
    printf("qi_notify=%lx\n", hr);
    for (i = 0; i < 3; i++)
        ev[i] = CreateEvent(NULL, FALSE, FALSE, NULL);
    pos[0].dwOffset = half - wf.nBlockAlign; /* the last frame of the first half has been played */
    pos[0].hEventNotify = ev[0];
    pos[1].dwOffset = size - wf.nBlockAlign;
    pos[1].hEventNotify = ev[1];
    pos[2].dwOffset = DSBPN_OFFSETSTOP;
    pos[2].hEventNotify = ev[2];
    hr = IDirectSoundNotify_SetNotificationPositions(nt, 3, pos);
    printf("set_positions=%lx\n", hr);
    fill_region(b, 0, size, 0, NULL);
    IDirectSoundBuffer_Play(b, 0, 0, DSBPLAY_LOOPING);
    hr_playing = IDirectSoundNotify_SetNotificationPositions(nt, 3, pos);
    while (halves_played < 10) {
        DWORD w = WaitForMultipleObjects(3, ev, FALSE, 2000);
        DWORD expect, late;
        if (w != WAIT_OBJECT_0 && w != WAIT_OBJECT_0 + 1) {
            printf("wait returned %lu\n", w);
            break;
        }
        wakes++;
        IDirectSoundBuffer_GetCurrentPosition(b, &play, &write);
        expect = w == WAIT_OBJECT_0 ? half : 0;
        late = (play + size - expect) % size;
        if (late > half)
            early++;
        else if (late > late_max)
            late_max = late;
        halves_played++;
        fill_region(b, w == WAIT_OBJECT_0 ? 0 : half, half, 0, NULL);
    }
    IDirectSoundBuffer_Stop(b);
    got_stop = WaitForSingleObject(ev[2], 0) == WAIT_OBJECT_0;
    printf("mode=notify set_while_playing=%lx wakes=%d late_max=%lu early=%d stop_event=%d status=%lu\n",
           hr_playing, wakes, late_max / wf.nBlockAlign, early, got_stop, status(b));
    printf("release_notify=%lu", IDirectSoundNotify_Release(nt));
    printf(" release_buffer=%lu\n", IDirectSoundBuffer_Release(b));
    IDirectSound_Release(ds);
}

/* ---- effects: volume, pan, frequency -------------------------------------------------------------------- */
static void mode_effects(void)
{
    LPDIRECTSOUNDBUFFER b;
    LONG v = 1, p = 1;
    DWORD f = 1;
    set_format(44100, 16, 1);
    open_ds(1, DSSCL_PRIORITY);
    limit = 4400;
    b = make_buffer(DSBCAPS_CTRLVOLUME | DSBCAPS_CTRLPAN | DSBCAPS_CTRLFREQUENCY | DSBCAPS_STATIC, 4400 * 2, NULL);
    fill_region(b, 0, 4400 * 2, 0, NULL);
    IDirectSoundBuffer_Play(b, 0, 0, DSBPLAY_LOOPING);
    Sleep(200);
    IDirectSoundBuffer_SetVolume(b, -600);
    IDirectSoundBuffer_GetVolume(b, &v);
    Sleep(200);
    IDirectSoundBuffer_SetVolume(b, 0);
    IDirectSoundBuffer_SetPan(b, 1000);
    IDirectSoundBuffer_GetPan(b, &p);
    printf("volume=%ld pan=%ld\n", v, p);
    Sleep(200);
    IDirectSoundBuffer_SetPan(b, -2000);
    IDirectSoundBuffer_GetPan(b, &p);
    Sleep(200);
    IDirectSoundBuffer_SetPan(b, 0);
    IDirectSoundBuffer_SetFrequency(b, 88200);
    IDirectSoundBuffer_GetFrequency(b, &f);
    printf("pan2=%ld freq=%lu\n", p, f);
    Sleep(200);
    IDirectSoundBuffer_Stop(b);
    IDirectSoundBuffer_SetFrequency(b, DSBFREQUENCY_ORIGINAL);
    IDirectSoundBuffer_GetFrequency(b, &f);
    printf("mode=effects freq_original=%lu\n", f);
    IDirectSound_Release(ds);
}

/* ---- dup: DuplicateSoundBuffer -------------------------------------------------------------------------------- */
static void mode_dup(void)
{
    LPDIRECTSOUNDBUFFER b, d = NULL;
    LPDIRECTSOUNDBUFFER8 b8 = NULL;
    LPDIRECTSOUNDNOTIFY nt = NULL;
    DWORD play = 1, write = 1, st_mid, polls = 0;
    HRESULT hr, qn, q8;
    ULONG r1, r2, r3, r4;
    set_format(44100, 16, 1);
    open_ds(1, DSSCL_PRIORITY);
    limit = 4400;
    b = make_buffer(DSBCAPS_STATIC, 4400 * 2, NULL);
    fill_region(b, 0, 4400 * 2, 0, NULL);
    hr = IDirectSound_DuplicateSoundBuffer(ds, b, &d);
    qn = IDirectSoundBuffer_QueryInterface(b, &IID_IDirectSoundNotify, (void **)&nt);
    q8 = IDirectSoundBuffer_QueryInterface(b, &IID_IDirectSoundBuffer8, (void **)&b8);
    r1 = IDirectSoundBuffer_AddRef(b);
    r2 = IDirectSoundBuffer_Release(b);
    /* rewrite the original's data at half amplitude, then let it go: the duplicate keeps the memory */
    gen = 0;
    amp = AMP / 2;
    fill_region(b, 0, 0, DSBLOCK_ENTIREBUFFER, NULL);
    r3 = IDirectSoundBuffer_Release(b);
    r4 = b8 ? IDirectSoundBuffer8_Release(b8) : 99;
    printf("dup=%lx qi_notify=%lx qi_buffer8=%lx addref=%lu release=%lu release=%lu release_last=%lu\n", hr, qn, q8,
           r1, r2, r3, r4);
    IDirectSoundBuffer_Play(d, 0, 0, 0);
    st_mid = status(d);
    while (status(d) & DSBSTATUS_PLAYING) {
        Sleep(10);
        polls++;
    }
    IDirectSoundBuffer_GetCurrentPosition(d, &play, &write);
    printf("mode=dup status_playing=%lu polls=%lu play_after_end=%lu write_after_end=%lu\n", st_mid, polls, play,
           write);
    Sleep(100);
    IDirectSoundBuffer_Play(d, 0, 0, 0); /* again from the start */
    Sleep(200);
    printf("status_after_second=%lu\n", status(d));
    printf("release_dup=%lu\n", IDirectSoundBuffer_Release(d));
    IDirectSound_Release(ds);
}

/* ---- errors ----------------------------------------------------------------------------------------------------- */
static int enum_count, enum_stop;

static BOOL CALLBACK enum_cb(LPGUID g, LPCSTR desc, LPCSTR module, LPVOID ctx)
{
    static GUID saved;
    enum_count++;
    printf("enum%d: guid=%s desc=%s module=%s ctx=%d\n", enum_count, g ? "set" : "null", desc, module,
           (int)(INT_PTR)ctx);
    if (g) {
        LPDIRECTSOUND d2 = NULL;
        HRESULT hr;
        saved = *g;
        hr = DirectSoundCreate(&saved, &d2, NULL);
        printf("create_enumerated=%lx\n", hr);
        if (d2)
            IDirectSound_Release(d2);
    }
    return !enum_stop;
}

static BOOL CALLBACK enum_cbw(LPGUID g, LPCWSTR desc, LPCWSTR module, LPVOID ctx)
{
    printf("enumW: guid=%s desc=%ls\n", g ? "set" : "null", desc);
    return TRUE;
}

static void mode_errors(void)
{
    static const GUID bogus = {0x12345678, 0x1234, 0x1234, {1, 2, 3, 4, 5, 6, 7, 8}};
    LPDIRECTSOUND d2 = NULL;
    LPDIRECTSOUND8 d8 = NULL;
    LPDIRECTSOUNDBUFFER prim = NULL, prim2 = NULL, b, b3, x = NULL;
    DSCAPS caps;
    DSBCAPS bcaps;
    WAVEFORMATEX got;
    DWORD n = 0, cfg = 0, play = 1, write = 1, sz = 0, f = 0, cert = 9;
    void *p1, *p2;
    DWORD b1, b2;
    LONG vol;
    ULONG r1;
    HRESULT hr;

    printf("create_bogus=%lx\n", DirectSoundCreate(&bogus, &d2, NULL));
    printf("create_null=%lx\n", DirectSoundCreate(NULL, NULL, NULL));
    enum_stop = 0;
    printf("enumerate=%lx\n", DirectSoundEnumerateA(enum_cb, (LPVOID)7));
    enum_count = 0;
    enum_stop = 1;
    DirectSoundEnumerateA(enum_cb, (LPVOID)8);
    printf("enum_stopped_after=%d\n", enum_count);
    DirectSoundEnumerateW(enum_cbw, NULL);

    open_ds(0, 0);
    hr = IDirectSound_QueryInterface(ds, &IID_IDirectSound8, (void **)&d8);
    printf("qi_ds8_on_ds1=%lx\n", hr);
    set_format(44100, 16, 1);
    b = make_buffer(DSBCAPS_CTRLVOLUME, 1000, NULL);
    printf("play_without_coop=%lx\n", IDirectSoundBuffer_Play(b, 0, 0, 0));
    printf("qi_buffer8_on_ds1=%lx\n", IDirectSoundBuffer_QueryInterface(b, &IID_IDirectSoundBuffer8, (void **)&x));
    printf("coop_bad=%lx\n", IDirectSound_SetCooperativeLevel(ds, GetDesktopWindow(), 7));
    printf("coop=%lx\n", IDirectSound_SetCooperativeLevel(ds, GetDesktopWindow(), DSSCL_NORMAL));
    caps.dwSize = 12;
    printf("caps_badsize=%lx\n", IDirectSound_GetCaps(ds, &caps));
    caps.dwSize = sizeof caps;
    hr = IDirectSound_GetCaps(ds, &caps);
    printf("caps=%lx flags=%lx minrate=%lu maxrate=%lu primaries=%lu\n", hr, caps.dwFlags,
           caps.dwMinSecondarySampleRate, caps.dwMaxSecondarySampleRate, caps.dwPrimaryBuffers);
    printf("compact_normal=%lx\n", IDirectSound_Compact(ds));
    IDirectSound_GetSpeakerConfig(ds, &cfg);
    printf("speakers=%lx\n", cfg);
    printf("set_speakers=%lx\n", IDirectSound_SetSpeakerConfig(ds, DSSPEAKER_HEADPHONE));
    IDirectSound_GetSpeakerConfig(ds, &cfg);
    printf("speakers2=%lx\n", cfg);
    printf("initialize_again=%lx\n", IDirectSound_Initialize(ds, NULL));

    /* the primary buffer */
    prim = make_buffer(DSBCAPS_PRIMARYBUFFER, 0, &hr);
    printf("primary=%lx\n", hr);
    prim2 = make_buffer(DSBCAPS_PRIMARYBUFFER, 0, &hr);
    printf("primary_again=%lx same=%d\n", hr, prim == prim2);
    IDirectSoundBuffer_GetFormat(prim, &got, sizeof got, &sz);
    printf("primary_format=%lu/%u/%u size=%lu\n", got.nSamplesPerSec, got.wBitsPerSample, got.nChannels, sz);
    printf("primary_lock_normal=%lx\n", IDirectSoundBuffer_Lock(prim, 0, 4, &p1, &b1, &p2, &b2, 0));
    printf("primary_setformat_normal=%lx\n", IDirectSoundBuffer_SetFormat(prim, &wf));
    printf("primary_play_once=%lx\n", IDirectSoundBuffer_Play(prim, 0, 0, 0));
    printf("duplicate_primary=%lx\n", IDirectSound_DuplicateSoundBuffer(ds, prim, &x));
    IDirectSound_SetCooperativeLevel(ds, GetDesktopWindow(), DSSCL_PRIORITY);
    printf("compact_priority=%lx\n", IDirectSound_Compact(ds));
    printf("primary_setformat=%lx\n", IDirectSoundBuffer_SetFormat(prim, &wf));
    IDirectSoundBuffer_GetFormat(prim, &got, sizeof got, &sz);
    printf("primary_format2=%lu/%u/%u\n", got.nSamplesPerSec, got.wBitsPerSample, got.nChannels);
    printf("primary_lock_priority=%lx\n", IDirectSoundBuffer_Lock(prim, 0, 4, &p1, &b1, &p2, &b2, 0));
    r1 = IDirectSoundBuffer_Release(prim2);
    printf("primary_release=%lu", r1);
    printf(" %lu\n", IDirectSoundBuffer_Release(prim));

    /* creation errors */
    {
        DSBUFFERDESC d;
        WAVEFORMATEX bad = wf;
        memset(&d, 0, sizeof d);
        d.dwSize = 8;
        d.dwBufferBytes = 1000;
        d.lpwfxFormat = &wf;
        printf("desc_badsize=%lx\n", IDirectSound_CreateSoundBuffer(ds, &d, &x, NULL));
        d.dwSize = sizeof d;
        d.lpwfxFormat = NULL;
        printf("desc_nofmt=%lx\n", IDirectSound_CreateSoundBuffer(ds, &d, &x, NULL));
        d.lpwfxFormat = &wf;
        d.dwBufferBytes = 2;
        printf("desc_small=%lx\n", IDirectSound_CreateSoundBuffer(ds, &d, &x, NULL));
        d.dwBufferBytes = 1000;
        bad.wFormatTag = 2;
        d.lpwfxFormat = &bad;
        printf("desc_adpcm=%lx\n", IDirectSound_CreateSoundBuffer(ds, &d, &x, NULL));
        bad = wf;
        bad.nChannels = 2;
        bad.nBlockAlign = 4;
        bad.nAvgBytesPerSec = 4 * 44100;
        d.dwFlags = DSBCAPS_CTRL3D;
        printf("desc_3d_stereo=%lx\n", IDirectSound_CreateSoundBuffer(ds, &d, &x, NULL));
        d.dwFlags = DSBCAPS_PRIMARYBUFFER;
        d.lpwfxFormat = NULL;
        printf("desc_primary_bytes=%lx\n", IDirectSound_CreateSoundBuffer(ds, &d, &x, NULL));
        d.dwFlags = 0;
        d.dwBufferBytes = 1001;
        d.lpwfxFormat = &wf;
        hr = IDirectSound_CreateSoundBuffer(ds, &d, &b3, NULL);
        bcaps.dwSize = sizeof bcaps;
        IDirectSoundBuffer_GetCaps(b3, &bcaps);
        printf("odd_size=%lx bytes=%lu flags=%lx\n", hr, bcaps.dwBufferBytes, bcaps.dwFlags);
        printf("agg=%lx\n", IDirectSound_CreateSoundBuffer(ds, &d, &x, (IUnknown *)ds));
    }

    /* buffer calls */
    printf("setvolume=%lx setvolume_bad=%lx\n", IDirectSoundBuffer_SetVolume(b, -300),
           IDirectSoundBuffer_SetVolume(b, 1));
    IDirectSoundBuffer_GetVolume(b, &vol);
    printf("volume=%ld\n", vol);
    printf("setpan_nocaps=%lx setfreq_nocaps=%lx getfreq_nocaps=%lx\n", IDirectSoundBuffer_SetPan(b, 10),
           IDirectSoundBuffer_SetFrequency(b, 22050), IDirectSoundBuffer_GetFrequency(b, &f));
    printf("setvolume_nocaps=%lx\n", IDirectSoundBuffer_SetVolume(b3, 0));
    printf("lock_past=%lx lock_zero=%lx\n", IDirectSoundBuffer_Lock(b, 1000, 2, &p1, &b1, &p2, &b2, 0),
           IDirectSoundBuffer_Lock(b, 0, 0, &p1, &b1, &p2, &b2, 0));
    {
        void *base;
        DWORD bb;
        IDirectSoundBuffer_Lock(b, 0, 0, &base, &bb, NULL, NULL, DSBLOCK_ENTIREBUFFER);
        IDirectSoundBuffer_Unlock(b, base, bb, NULL, 0);
        hr = IDirectSoundBuffer_Lock(b, 900, 200, &p1, &b1, &p2, &b2, 0);
        printf("lock_wrap=%lx b1=%lu b2=%lu p1_off=%d p2_is_base=%d entire=%lu\n", hr, b1, b2,
               (int)((char *)p1 - (char *)base), p2 == base, bb);
        printf("unlock=%lx unlock_bad=%lx\n", IDirectSoundBuffer_Unlock(b, p1, b1, p2, b2),
               IDirectSoundBuffer_Unlock(b, (char *)base + 2000, 4, NULL, 0));
        hr = IDirectSoundBuffer_Lock(b, 900, 200, &p1, &b1, NULL, NULL, 0);
        printf("lock_wrap_onepointer=%lx b1=%lu\n", hr, b1);
        IDirectSoundBuffer_Unlock(b, p1, b1, NULL, 0);
        printf("setpos_past=%lx setpos=%lx\n", IDirectSoundBuffer_SetCurrentPosition(b, 1000),
               IDirectSoundBuffer_SetCurrentPosition(b, 101));
        IDirectSoundBuffer_GetCurrentPosition(b, &play, &write);
        printf("pos=%lu/%lu\n", play, write);
        hr = IDirectSoundBuffer_Lock(b, 0, 10, &p1, &b1, &p2, &b2, DSBLOCK_FROMWRITECURSOR);
        printf("lock_fromwrite=%lx off=%d\n", hr, (int)((char *)p1 - (char *)base));
        IDirectSoundBuffer_Unlock(b, p1, b1, p2, b2);
    }
    printf("setformat_secondary=%lx initialize_buffer=%lx restore=%lx\n", IDirectSoundBuffer_SetFormat(b, &wf),
           IDirectSoundBuffer_Initialize(b, ds, NULL), IDirectSoundBuffer_Restore(b));
    printf("qi_notify_nocaps=%lx\n", IDirectSoundBuffer_QueryInterface(b, &IID_IDirectSoundNotify, (void **)&x));
    printf("play_bad_priority=%lx\n", IDirectSoundBuffer_Play(b, 0, 1, 0));
    IDirectSoundBuffer_Play(b, 0, 0, DSBPLAY_LOOPING);
    prim = make_buffer(DSBCAPS_PRIMARYBUFFER, 0, NULL);
    printf("status_secondary=%lu status_primary=%lu\n", status(b), status(prim));
    IDirectSoundBuffer_Stop(b);
    printf("status_primary_idle=%lu\n", status(prim));
    printf("release_b3=%lu\n", IDirectSoundBuffer_Release(b3));
    printf("release_ds=%lu\n", IDirectSound_Release(ds)); /* its buffers go with it */

    /* CoCreateInstance: uninitialized until Initialize */
    CoInitialize(NULL);
    hr = CoCreateInstance(&CLSID_DirectSound8, NULL, CLSCTX_INPROC_SERVER, &IID_IDirectSound8, (void **)&d8);
    printf("cocreate=%lx\n", hr);
    if (d8) {
        DSBUFFERDESC d;
        memset(&d, 0, sizeof d);
        d.dwSize = sizeof d;
        d.dwBufferBytes = 1000;
        d.lpwfxFormat = &wf;
        printf("uninit_create=%lx\n", IDirectSound8_CreateSoundBuffer(d8, &d, &x, NULL));
        printf("init_bogus=%lx\n", IDirectSound8_Initialize(d8, &bogus));
        printf("init=%lx", IDirectSound8_Initialize(d8, NULL));
        printf(" init_again=%lx\n", IDirectSound8_Initialize(d8, NULL));
        printf("certified=%lx", IDirectSound8_VerifyCertification(d8, &cert));
        printf(" cert=%lu\n", cert);
        IDirectSound8_SetCooperativeLevel(d8, GetDesktopWindow(), DSSCL_PRIORITY);
        hr = IDirectSound8_CreateSoundBuffer(d8, &d, &x, NULL);
        if (hr == DS_OK) {
            LPDIRECTSOUNDBUFFER8 x8 = NULL;
            printf("qi_buffer8=%lx\n", IDirectSoundBuffer_QueryInterface(x, &IID_IDirectSoundBuffer8, (void **)&x8));
            if (x8)
                printf("release_x8=%lu\n", IDirectSoundBuffer8_Release(x8));
            printf("release_x=%lu\n", IDirectSoundBuffer_Release(x));
        }
        printf("release_d8=%lu\n", IDirectSound8_Release(d8));
    }
    CoUninitialize();
    (void)n;
}

/* ---- latency: for bench/dsound_latency.py ------------------------------------------------------------------- */
static void mode_latency(void)
{
    LPDIRECTSOUNDBUFFER s, b;
    DWORD size, play, write;
    int k;
    set_format(44100, 16, 2);
    open_ds(1, DSSCL_PRIORITY);
    /* a streaming buffer playing silence; bursts written at the write cursor */
    size = wf.nAvgBytesPerSec;
    limit = 0;
    s = make_buffer(DSBCAPS_GETCURRENTPOSITION2, size, NULL);
    IDirectSoundBuffer_Play(s, 0, 0, DSBPLAY_LOOPING);
    for (k = 0; k < 5; k++) {
        double t;
        Sleep(193);
        IDirectSoundBuffer_GetCurrentPosition(s, &play, &write);
        gen = 0;
        limit = 441; /* 10 ms */
        t = guest_seconds();
        fill_region(s, write, 441 * wf.nBlockAlign, 0, NULL);
        printf("stream_write t=%.7f\n", t);
        Sleep(50);
        limit = 0;
        gen = 0;
        fill_region(s, write, 441 * wf.nBlockAlign, 0, NULL); /* back to silence behind it */
    }
    IDirectSoundBuffer_Stop(s);
    /* a fresh buffer: Lock, write, Unlock, Play */
    for (k = 0; k < 5; k++) {
        double t;
        Sleep(157);
        gen = 0;
        limit = 441;
        b = make_buffer(0, 441 * wf.nBlockAlign, NULL);
        fill_region(b, 0, 0, DSBLOCK_ENTIREBUFFER, NULL);
        t = guest_seconds();
        IDirectSoundBuffer_Play(b, 0, 0, 0);
        printf("play t=%.7f\n", t);
        Sleep(30);
        IDirectSoundBuffer_Release(b);
    }
    IDirectSound_Release(ds);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "poll";
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(mode, "poll"))
        mode_poll(argc > 2 ? atoi(argv[2]) : 44100, argc > 3 ? atoi(argv[3]) : 16, argc > 4 ? atoi(argv[4]) : 2);
    else if (!strcmp(mode, "static"))
        mode_static();
    else if (!strcmp(mode, "notify"))
        mode_notify();
    else if (!strcmp(mode, "effects"))
        mode_effects();
    else if (!strcmp(mode, "dup"))
        mode_dup();
    else if (!strcmp(mode, "errors"))
        mode_errors();
    else if (!strcmp(mode, "latency"))
        mode_latency();
    else {
        printf("unknown mode %s\n", mode);
        return 2;
    }
    return 0;
}
