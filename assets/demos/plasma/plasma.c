/* Plasma Dream: exeplay's bundled DirectDraw demo (our own code; see assets/README.md).
 *
 * 320x240x8 exclusive fullscreen with a flipping chain (one back buffer): an interference plasma (two moving
 * ring tables plus row and column waves) cycled through the palette, a wobbling logo and a sine scroller, both
 * drawn once with GDI into 8-bit DIB sections at start-up. Music: a little four-channel tracker synth (pulse
 * lead with echo, filtered saw bass, chord arpeggio, kick/snare/hi-hat from a noise generator) writing 16-bit
 * mono PCM at 22050 Hz, streamed through waveOut by its own thread (CALLBACK_EVENT, four buffers). The picture
 * flashes on each kick drum heard (waveOutGetPosition). Escape (or closing the window) quits.
 *
 * Animation follows the frame count (Flip waits for the 60 Hz vertical blank), so a run is deterministic.
 * Build (assets/demos/build.sh):
 *   i686-w64-mingw32-windres plasma.rc -O coff -o plasma.res
 *   i686-w64-mingw32-gcc -O2 -s -Wall -Wextra -Wno-unused-parameter -Wl,--no-insert-timestamp -mwindows -ffast-math \
 *       -o plasma.exe plasma.c plasma.res -lddraw -lgdi32 -luser32 -lwinmm -ldxguid
 */
#include <windows.h>
#include <mmsystem.h>
#include <ddraw.h>
#include <string.h>

#define W 320
#define H 240
#define CW (2 * W)          /* ring table: twice the screen, so a window of it can move around */
#define CH (2 * H)
#define RATE 22050
#define ROWLEN 2646         /* samples per tracker row: 125 beats a minute, four rows a beat */
#define NBUF 4
#define BUFLEN 2048         /* samples per waveOut buffer (93 ms) */

static const char TITLE[] = "Plasma Dream";
static const char SCROLL[] =
    "PLASMA DREAM  ...  a little DirectDraw demo bundled with exeplay  ...  320x240 in 256 colours, "
    "a flipping chain, palette cycling and a tracker synth written in C, all running as 32-bit Windows code  "
    "...  greetings to everyone who kept their old demos  ...  press ESC to quit  ...  ";

static int sintab[256];                 /* -127..127 */
static unsigned char ring[CW * CH];     /* 0..127, a sine of the distance to the centre */
static unsigned char *scroll_px;        /* scroller text, palette indices (0 = transparent) */
static int scroll_w;
#define SCROLL_H 40
static unsigned char *logo_px;
static int logo_w;
#define LOGO_H 56
static volatile LONG quitting;

/* ---------------------------------------------------------------------------------------------- synth */
static unsigned note_inc[128];          /* phase increment per sample, 32-bit phase */

enum { K = 1, S = 2, HH = 4, OH = 8 };
static const unsigned char DRUMS[16] = {K, HH, OH, HH, K | S, HH, OH, HH, K, HH, OH, K, K | S, HH, OH, HH};
/* one chord a bar: root of the bass (MIDI), 1 for minor */
static const unsigned char ROOT[8] = {45, 41, 48, 43, 45, 41, 43, 40};
static const unsigned char MINOR[8] = {1, 0, 0, 0, 1, 0, 0, 0};
#define _ 255  /* hold */
#define X 0    /* note off */
static const unsigned char MELODY[128] = {
    76, _, _, 74, 72, _, 74, _, 76, _, 79, _, 76, _, 74, _,
    72, _, _, _, 69, _, 72, _, 77, _, 76, _, 74, _, 72, _,
    72, _, _, 74, 76, _, 79, _, 84, _, 81, _, 79, _, 76, _,
    74, _, _, _, 71, _, 74, _, 79, _, _, _, X, _, 74, 76,
    81, _, _, 79, 76, _, 79, _, 81, _, 84, _, 81, _, 79, _,
    77, _, _, 76, 72, _, 77, _, 81, _, 77, _, 76, _, 72, _,
    79, _, _, 77, 74, _, 71, _, 74, _, 79, _, 77, _, 74, _,
    76, _, _, _, 75, _, 76, _, 80, _, _, _, X, _, _, _,
};
#undef _
#undef X
static const unsigned char BASSLINE[16] = {1, 0, 1, 13, 0, 0, 1, 0, 1, 0, 13, 1, 0, 0, 8, 0};  /* 1 + interval */

typedef struct {
    unsigned phase, inc;
    int env, decay;      /* envelope 0..65535, subtracted per sample */
    int vol;
} Voice;

static Voice lead, bass, arp, kick, noise;
static unsigned lfsr = 0xACE1u;
static int row_left, row_no = -1, bass_lp, lead_lp, hat_hp;
static int vib_phase, pwm_phase, lead_age;
static unsigned lead_base;
static short echo[3 * ROWLEN];
static int echo_pos;
static int arp_notes[4];

static void synth_init(void) {
    double f = 8.175798915643707;  /* MIDI note 0 */
    int n;
    for (n = 0; n < 128; n++) {
        note_inc[n] = (unsigned)(long long)(f * 4294967296.0 / RATE);
        f *= 1.0594630943592953;
    }
}

static void next_row(void) {
    int r, bar, step, m;
    row_no++;
    r = row_no;
    bar = (r / 16) & 7;
    step = r & 15;
    /* drums */
    if (DRUMS[step] & K) {
        kick.inc = note_inc[45] * 2;
        kick.phase = 0;
        kick.env = 65535;
        kick.decay = 9;
    }
    if (DRUMS[step] & (S | HH | OH)) {
        noise.env = 65535;
        noise.decay = (DRUMS[step] & S) ? 7 : (DRUMS[step] & OH) ? 12 : 40;
        noise.vol = (DRUMS[step] & S) ? 2600 : (DRUMS[step] & OH) ? 1100 : 700;
        noise.inc = (DRUMS[step] & S) ? 0 : 1;  /* hats: high-passed */
    }
    /* bass */
    if (BASSLINE[step]) {
        bass.inc = note_inc[ROOT[bar] - 12 + BASSLINE[step] - 1 + 12];
        bass.env = 65535;
        bass.decay = 5;
    }
    /* arpeggio: the chord's tones, one a row */
    arp_notes[0] = ROOT[bar] + 24;
    arp_notes[1] = ROOT[bar] + 24 + (MINOR[bar] ? 3 : 4);
    arp_notes[2] = ROOT[bar] + 24 + 7;
    arp_notes[3] = ROOT[bar] + 36;
    arp.inc = note_inc[arp_notes[step & 3]];
    arp.env = 65535;
    arp.decay = 18;
    /* lead: from the fifth bar on */
    if (r >= 64) {
        m = MELODY[r & 127];
        if (m == 0) {
            lead.decay = 40;
        } else if (m != 255) {
            lead_base = note_inc[m];
            lead.env = 65535;
            lead.decay = 1;
            lead_age = 0;
        }
    }
}

/* One sample of every voice, mixed. */
static void synth(short *out, int n) {
    int i;
    for (i = 0; i < n; i++) {
        int s = 0, v;
        if (--row_left <= 0) {
            next_row();
            row_left = ROWLEN;
        }
        /* kick: a falling sine-ish triangle */
        if (kick.env > 0) {
            int tri = (int)(kick.phase >> 16) - 32768;
            tri = (tri < 0 ? -tri : tri) * 2 - 32768;
            s += (tri >> 4) * (kick.env >> 8) >> 8;
            kick.phase += kick.inc;
            kick.inc -= kick.inc >> 11;
            kick.env -= kick.decay;
        }
        /* noise: snare (plain) and hats (high-passed) */
        lfsr = (lfsr >> 1) ^ (-(lfsr & 1u) & 0xB400u);
        if (noise.env > 0) {
            int x = (int)(lfsr & 0xFFFF) - 32768;
            if (noise.inc) {
                int hp = x - hat_hp;
                hat_hp = x;
                x = hp >> 1;
            }
            s += (x >> 8) * noise.vol / 128 * (noise.env >> 8) >> 8;
            noise.env -= noise.decay;
        }
        /* bass: a saw through a one-pole low-pass */
        if (bass.env > 0) {
            int saw = (int)(bass.phase >> 16) - 32768;
            bass_lp += (saw - bass_lp) >> 3;
            s += (bass_lp >> 3) * (bass.env >> 8) >> 8;
            bass.phase += bass.inc;
            bass.env -= bass.decay;
        }
        /* arpeggio: a quiet square */
        if (arp.env > 0) {
            s += ((arp.phase & 0x80000000u) ? 900 : -900) * (arp.env >> 8) >> 8;
            arp.phase += arp.inc;
            arp.env -= arp.decay;
        }
        /* lead: pulse-width-modulated square with delayed vibrato, softened, plus echo */
        v = 0;
        if (lead.env > 0) {
            unsigned duty = 0x80000000u + (unsigned)(sintab[(pwm_phase >> 12) & 255] << 23);
            int vib = lead_age > RATE / 5 ? sintab[(vib_phase >> 8) & 255] : 0;
            int sq = lead.phase < duty ? 2600 : -2600;
            lead_lp += (sq - lead_lp) >> 2;
            v = lead_lp * (lead.env >> 8) >> 8;
            lead.phase += lead_base + (int)((long long)(int)(lead_base >> 8) * vib >> 11);
            lead.env -= lead.decay;
            if (lead.env < 40000 && lead.decay == 1) lead.env = 40000;  /* sustain */
            lead_age++;
        }
        vib_phase += 5;
        pwm_phase += 1;
        v += echo[echo_pos] * 3 / 8;
        echo[echo_pos] = (short)v;
        if (++echo_pos == 3 * ROWLEN) echo_pos = 0;
        s = (s + v) * 5 / 2;
        if (s > 32767) s = 32767;
        if (s < -32768) s = -32768;
        out[i] = (short)s;
    }
}

static HWAVEOUT wave;
static WAVEHDR hdrs[NBUF];
static short bufs[NBUF][BUFLEN];
static HANDLE wave_event;

static DWORD WINAPI audio_thread(LPVOID arg) {
    int i;
    (void)arg;
    while (!quitting) {
        WaitForSingleObject(wave_event, 200);
        for (i = 0; i < NBUF && !quitting; i++) {
            if (hdrs[i].dwFlags & WHDR_DONE) {
                synth(bufs[i], BUFLEN);
                waveOutWrite(wave, &hdrs[i], sizeof(WAVEHDR));
            }
        }
    }
    return 0;
}

static int sound_start(HANDLE *thread) {
    WAVEFORMATEX wf;
    int i;
    memset(&wf, 0, sizeof wf);
    wf.wFormatTag = WAVE_FORMAT_PCM;
    wf.nChannels = 1;
    wf.nSamplesPerSec = RATE;
    wf.wBitsPerSample = 16;
    wf.nBlockAlign = 2;
    wf.nAvgBytesPerSec = RATE * 2;
    wave_event = CreateEventA(NULL, FALSE, FALSE, NULL);
    if (waveOutOpen(&wave, WAVE_MAPPER, &wf, (DWORD_PTR)wave_event, 0, CALLBACK_EVENT) != MMSYSERR_NOERROR)
        return 0;
    synth_init();
    for (i = 0; i < NBUF; i++) {
        hdrs[i].lpData = (LPSTR)bufs[i];
        hdrs[i].dwBufferLength = sizeof bufs[i];
        waveOutPrepareHeader(wave, &hdrs[i], sizeof(WAVEHDR));
        synth(bufs[i], BUFLEN);
        waveOutWrite(wave, &hdrs[i], sizeof(WAVEHDR));
    }
    *thread = CreateThread(NULL, 0, audio_thread, NULL, 0, NULL);
    return 1;
}

static void sound_stop(HANDLE thread) {
    int i;
    InterlockedExchange(&quitting, 1);
    SetEvent(wave_event);
    WaitForSingleObject(thread, INFINITE);
    waveOutReset(wave);
    for (i = 0; i < NBUF; i++) waveOutUnprepareHeader(wave, &hdrs[i], sizeof(WAVEHDR));
    waveOutClose(wave);
}

/* The tracker row being heard now, or -1. */
static int heard_row(void) {
    MMTIME t;
    t.wType = TIME_SAMPLES;
    if (!wave || waveOutGetPosition(wave, &t, sizeof t) != MMSYSERR_NOERROR || t.wType != TIME_SAMPLES) return -1;
    return (int)(t.u.sample / ROWLEN);
}

/* ---------------------------------------------------------------------------------------------- pictures */
static void tables(void) {
    /* sine by rotation: no library calls */
    double c = 0.99969881869620425, s = 0.024541228522912288, x = 127.0, y = 0.0, t;
    int i, px, py;
    for (i = 0; i < 256; i++) {
        sintab[i] = (int)(y + (y < 0 ? -0.5 : 0.5));
        t = x * c - y * s;
        y = x * s + y * c;
        x = t;
    }
    for (py = 0; py < CH; py++) {
        for (px = 0; px < CW; px++) {
            double dx = px - W, dy = py - H;
            int d = (int)(__builtin_sqrt(dx * dx + dy * dy) * 2.5);
            ring[py * CW + px] = (unsigned char)((sintab[d & 255] + 128) >> 1);
        }
    }
}

/* Text drawn by GDI into an 8-bit grey DIB, turned into palette indices: a shadow (index `shadow`) and a
 * vertical gradient `first`..`first + span - 1`. Returns the pixels (w x h), width in *w. */
static unsigned char *render_text(const char *text, int height, int weight, const char *face, int first, int span,
                                  int shadow, int h, int pad, int *w) {
    struct { BITMAPINFOHEADER h; RGBQUAD pal[256]; } bi;
    HDC dc = CreateCompatibleDC(NULL);
    HFONT font = CreateFontA(height, 0, 0, 0, weight, 0, 0, 0, ANSI_CHARSET, OUT_DEFAULT_PRECIS,
                             CLIP_DEFAULT_PRECIS, DEFAULT_QUALITY, DEFAULT_PITCH | FF_SWISS, face);
    HGDIOBJ oldf = SelectObject(dc, font), oldb;
    SIZE sz;
    HBITMAP bmp;
    unsigned char *bits, *out;
    int i, x, y, tw, n = (int)strlen(text);
    GetTextExtentPoint32A(dc, text, n, &sz);
    tw = sz.cx + 2 * pad + 2;
    memset(&bi, 0, sizeof bi);
    bi.h.biSize = sizeof bi.h;
    bi.h.biWidth = tw;
    bi.h.biHeight = -h;
    bi.h.biPlanes = 1;
    bi.h.biBitCount = 8;
    for (i = 0; i < 256; i++) bi.pal[i].rgbRed = bi.pal[i].rgbGreen = bi.pal[i].rgbBlue = (BYTE)i;
    bmp = CreateDIBSection(dc, (BITMAPINFO *)&bi, DIB_RGB_COLORS, (void **)&bits, NULL, 0);
    oldb = SelectObject(dc, bmp);
    memset(bits, 0, (size_t)((tw + 3) & ~3) * h);
    SetBkMode(dc, TRANSPARENT);
    SetTextColor(dc, RGB(128, 128, 128));
    TextOutA(dc, pad + 3, (h - sz.cy) / 2 + 3, text, n);    /* shadow */
    SetTextColor(dc, RGB(255, 255, 255));
    TextOutA(dc, pad, (h - sz.cy) / 2, text, n);
    GdiFlush();
    out = (unsigned char *)HeapAlloc(GetProcessHeap(), 0, (size_t)tw * h);
    for (y = 0; y < h; y++) {
        const unsigned char *src = bits + (size_t)y * ((tw + 3) & ~3);
        for (x = 0; x < tw; x++) {
            int v = src[x];
            out[y * tw + x] = (unsigned char)(v >= 192 ? first + y * span / h : v >= 64 ? shadow : 0);
        }
    }
    SelectObject(dc, oldb);
    SelectObject(dc, oldf);
    DeleteObject(bmp);
    DeleteObject(font);
    DeleteDC(dc);
    *w = tw;
    return out;
}

/* Palette: 0..127 the plasma's cycle (rotated by `shift`, brightened by `flash`), 128..191 the scroller's
 * gradient, 192 shadows, 193..254 the logo's gradient. */
static void make_palette(PALETTEENTRY *pe, int shift, int flash) {
    int i;
    for (i = 0; i < 128; i++) {
        int k = (i + shift) & 127;
        int r = 40 + ((sintab[(k * 2) & 255] + 127) * 150 >> 8);
        int g = 10 + ((sintab[(k * 2 + 170) & 255] + 127) * 90 >> 8);
        int b = 70 + ((sintab[(k * 4 + 64) & 255] + 127) * 180 >> 8);
        r += flash; g += flash; b += flash;
        pe[i].peRed = (BYTE)(r > 255 ? 255 : r);
        pe[i].peGreen = (BYTE)(g > 255 ? 255 : g);
        pe[i].peBlue = (BYTE)(b > 255 ? 255 : b);
        pe[i].peFlags = 0;
    }
    for (i = 0; i < 64; i++) {  /* scroller: white to cyan to blue */
        pe[128 + i].peRed = (BYTE)(255 - i * 3);
        pe[128 + i].peGreen = (BYTE)(255 - i);
        pe[128 + i].peBlue = 255;
        pe[128 + i].peFlags = 0;
    }
    pe[192].peRed = 16; pe[192].peGreen = 0; pe[192].peBlue = 40; pe[192].peFlags = 0;
    for (i = 0; i < 62; i++) {  /* logo: yellow to orange to red, a moving highlight */
        int hl = (((i * 4 - shift * 3) & 255) < 24) ? 80 : 0;
        int r = 255, g = 240 - i * 3 + hl, b = 60 - i + hl;
        pe[193 + i].peRed = (BYTE)r;
        pe[193 + i].peGreen = (BYTE)(g > 255 ? 255 : g);
        pe[193 + i].peBlue = (BYTE)(b < 0 ? 0 : b > 255 ? 255 : b);
        pe[193 + i].peFlags = 0;
    }
    pe[255].peRed = pe[255].peGreen = pe[255].peBlue = 255;
    pe[255].peFlags = 0;
}

static void draw(unsigned char *dst, int pitch, int f) {
    unsigned char colv[W], rowv[H];
    int ox1 = W / 2 + (sintab[(f * 2) & 255] * (W / 2 - 1)) / 127;
    int oy1 = H / 2 + (sintab[(f * 3 + 64) & 255] * (H / 2 - 1)) / 127;
    int ox2 = W / 2 + (sintab[(f * 5 + 100) & 255] * (W / 2 - 1)) / 127;
    int oy2 = H / 2 + (sintab[(f + 30) & 255] * (H / 2 - 1)) / 127;
    int x, y, sx0;
    for (x = 0; x < W; x++) colv[x] = (unsigned char)((sintab[(x + f * 3) & 255] + 127) >> 2);
    for (y = 0; y < H; y++) rowv[y] = (unsigned char)((sintab[(y * 2 - f * 2) & 255] + 127) >> 2);
    for (y = 0; y < H; y++) {
        const unsigned char *c1 = ring + (y + oy1) * CW + ox1;
        const unsigned char *c2 = ring + (y + oy2) * CW + ox2;
        unsigned char rv = rowv[y], *d = dst + y * pitch;
        for (x = 0; x < W; x++) d[x] = (unsigned char)((c1[x] + c2[x] + colv[x] + rv) & 127);
    }
    /* logo: each row slides on its own wave */
    for (y = 0; y < LOGO_H; y++) {
        int off = (W - logo_w) / 2 + sintab[(y * 4 + f * 4) & 255] / 12;
        const unsigned char *s = logo_px + y * logo_w;
        unsigned char *d = dst + (12 + y) * pitch;
        for (x = 0; x < logo_w; x++) {
            int dx = off + x;
            if (s[x] && dx >= 0 && dx < W) d[dx] = s[x];
        }
    }
    /* scroller: two pixels a frame, each column on a sine */
    sx0 = (f * 2) % (scroll_w - W);
    for (x = 0; x < W; x++) {
        int yo = 170 + sintab[(x * 2 + f * 3) & 255] * 22 / 127;
        const unsigned char *s = scroll_px + sx0 + x;
        unsigned char *d = dst + (yo - SCROLL_H / 2) * pitch + x;
        for (y = 0; y < SCROLL_H; y++) {
            unsigned char v = s[y * scroll_w];
            if (v) d[y * pitch] = v;
        }
    }
}

static LRESULT CALLBACK wndproc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) {
    switch (msg) {
    case WM_KEYDOWN:
        if (wp == VK_ESCAPE) PostMessageA(hwnd, WM_CLOSE, 0, 0);
        return 0;
    case WM_SETCURSOR:
        SetCursor(NULL);
        return TRUE;
    case WM_DESTROY:
        PostQuitMessage(0);
        return 0;
    }
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static int fail(HWND hwnd, const char *what, HRESULT hr) {
    char text[160];
    wsprintfA(text, "%s failed (0x%08lx).", what, (unsigned long)hr);
    MessageBoxA(hwnd, text, TITLE, MB_OK | MB_ICONERROR);
    return 1;
}

int WINAPI WinMain(HINSTANCE inst, HINSTANCE prev, LPSTR cmd, int show) {
    WNDCLASSA wc;
    HWND hwnd;
    LPDIRECTDRAW dd;
    LPDIRECTDRAWSURFACE front, back;
    LPDIRECTDRAWPALETTE pal;
    DDSURFACEDESC sd;
    DDSCAPS caps;
    PALETTEENTRY pe[256];
    HANDLE thread = NULL;
    HRESULT hr;
    MSG msg;
    int f = 0, flash = 0, last_row = -1, running = 1, sound;
    (void)prev; (void)cmd; (void)show;

    tables();
    scroll_px = render_text(SCROLL, 34, FW_BOLD, "Arial", 128, 64, 192, SCROLL_H, W, &scroll_w);
    logo_px = render_text("EXEPLAY", 60, FW_HEAVY, "Arial", 193, 62, 192, LOGO_H, 0, &logo_w);

    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = wndproc;
    wc.hInstance = inst;
    wc.hIcon = LoadIconA(inst, MAKEINTRESOURCEA(1));
    wc.lpszClassName = "PlasmaDream";
    RegisterClassA(&wc);
    hwnd = CreateWindowExA(WS_EX_TOPMOST, "PlasmaDream", TITLE, WS_POPUP | WS_VISIBLE, 0, 0,
                           GetSystemMetrics(SM_CXSCREEN), GetSystemMetrics(SM_CYSCREEN), NULL, NULL, inst, NULL);
    if ((hr = DirectDrawCreate(NULL, &dd, NULL)) != DD_OK) return fail(hwnd, "DirectDrawCreate", hr);
    if ((hr = IDirectDraw_SetCooperativeLevel(dd, hwnd, DDSCL_EXCLUSIVE | DDSCL_FULLSCREEN)) != DD_OK)
        return fail(hwnd, "SetCooperativeLevel", hr);
    if ((hr = IDirectDraw_SetDisplayMode(dd, W, H, 8)) != DD_OK) return fail(hwnd, "SetDisplayMode", hr);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_BACKBUFFERCOUNT;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE | DDSCAPS_FLIP | DDSCAPS_COMPLEX;
    sd.dwBackBufferCount = 1;
    if ((hr = IDirectDraw_CreateSurface(dd, &sd, &front, NULL)) != DD_OK) return fail(hwnd, "CreateSurface", hr);
    memset(&caps, 0, sizeof caps);
    caps.dwCaps = DDSCAPS_BACKBUFFER;
    if ((hr = IDirectDrawSurface_GetAttachedSurface(front, &caps, &back)) != DD_OK)
        return fail(hwnd, "GetAttachedSurface", hr);
    make_palette(pe, 0, 0);
    if ((hr = IDirectDraw_CreatePalette(dd, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL)) != DD_OK)
        return fail(hwnd, "CreatePalette", hr);
    IDirectDrawSurface_SetPalette(front, pal);
    sound = sound_start(&thread);

    while (running) {
        int row;
        while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) {
            if (msg.message == WM_QUIT) running = 0;
            TranslateMessage(&msg);
            DispatchMessageA(&msg);
        }
        if (!running) break;
        row = sound ? heard_row() : f / 8;
        if (row != last_row) {
            if (row >= 0 && (DRUMS[row & 15] & K)) flash = 70;
            last_row = row;
        }
        memset(&sd, 0, sizeof sd);
        sd.dwSize = sizeof sd;
        hr = IDirectDrawSurface_Lock(back, NULL, &sd, DDLOCK_WAIT | DDLOCK_WRITEONLY, NULL);
        if (hr == DDERR_SURFACELOST) {
            IDirectDrawSurface_Restore(front);
            continue;
        }
        if (hr != DD_OK) return fail(hwnd, "Lock", hr);
        draw((unsigned char *)sd.lpSurface, sd.lPitch, f);
        IDirectDrawSurface_Unlock(back, NULL);
        make_palette(pe, f, flash);
        IDirectDrawPalette_SetEntries(pal, 0, 0, 256, pe);
        flash = flash * 13 / 16;
        hr = IDirectDrawSurface_Flip(front, NULL, DDFLIP_WAIT);
        if (hr == DDERR_SURFACELOST) IDirectDrawSurface_Restore(front);
        f++;
    }
    if (sound) sound_stop(thread);
    IDirectDrawPalette_Release(pal);
    IDirectDrawSurface_Release(front);
    IDirectDraw_RestoreDisplayMode(dd);
    IDirectDraw_Release(dd);
    return 0;
}
