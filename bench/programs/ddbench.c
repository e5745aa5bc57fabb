/* DirectDraw frame loop benchmark: 640x480x8 fullscreen exclusive, a flipping chain with one back buffer.
 * Each frame: Lock the back buffer, fill it with a moving pattern (an inline memset per row), Unlock, Flip.
 * Usage: ddbench [FRAMES [NOVSYNC [PALETTE [HOLD_MS [FILL]]]]]
 *   FRAMES   frames to draw (default 600)
 *   NOVSYNC  1: Flip(DDFLIP_WAIT | DDFLIP_NOVSYNC), the uncapped rate; 0 (default): Flip(DDFLIP_WAIT), which
 *            waits for the display's vertical blank (60 Hz of guest time; instant with --deterministic)
 *   PALETTE  1: also SetEntries (rotate the 256 colours) every frame
 *   HOLD_MS  keep the last frame on screen this long before exiting (default 0)
 *   FILL     0: Lock/Unlock without writing the pixels (the DirectDraw calls alone); 1 (default): fill
 * Output:  ddbench FRAMES MICROSECONDS   (then "done"); errors: "FAIL what hresult", exit status 1.
 * Build: i686-w64-mingw32-gcc -O2 -s -mwindows -o ddbench.exe ddbench.c -lddraw -ldxguid */
#include <windows.h>
#include <ddraw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 640
#define H 480

static unsigned long long now_us(void) {
    LARGE_INTEGER c, f;
    QueryPerformanceCounter(&c);
    QueryPerformanceFrequency(&f);
    return (unsigned long long)(c.QuadPart / f.QuadPart) * 1000000ull +
           (unsigned long long)(c.QuadPart % f.QuadPart) * 1000000ull / (unsigned long long)f.QuadPart;
}

/* memset of a row, inline (rep stosd): the loop measures DirectDraw, not calls into msvcrt's memset */
static void fill_row(unsigned char *p, int value, int n) {
    unsigned v = (unsigned)(value & 255) * 0x01010101u;
    int count = n / 4;
    __asm__ volatile("rep stosl" : "+D"(p), "+c"(count) : "a"(v) : "memory");
}

static int fail(const char *what, HRESULT hr) {
    printf("FAIL %s %08lx\n", what, (unsigned long)hr);
    fflush(stdout);
    return 1;
}

static void ramp(PALETTEENTRY *pe, int shift) {
    int i;
    for (i = 0; i < 256; i++) {
        int k = (i + shift) & 255;
        pe[i].peRed = (BYTE)k;
        pe[i].peGreen = (BYTE)(255 - k);
        pe[i].peBlue = (BYTE)((k * 3) & 255);
        pe[i].peFlags = 0;
    }
}

int WINAPI WinMain(HINSTANCE inst, HINSTANCE prev, LPSTR cmd, int show) {
    int frames = __argc > 1 ? atoi(__argv[1]) : 600;
    int novsync = __argc > 2 ? atoi(__argv[2]) : 0;
    int palanim = __argc > 3 ? atoi(__argv[3]) : 0;
    int hold = __argc > 4 ? atoi(__argv[4]) : 0;
    int fill = __argc > 5 ? atoi(__argv[5]) : 1;
    WNDCLASSA wc;
    HWND hwnd;
    LPDIRECTDRAW dd;
    LPDIRECTDRAWSURFACE front, back;
    LPDIRECTDRAWPALETTE pal;
    DDSURFACEDESC sd;
    DDSCAPS caps;
    PALETTEENTRY pe[256];
    MSG msg;
    HRESULT hr;
    unsigned long long t0, t1;
    int f, y;
    (void)prev; (void)cmd; (void)show;

    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = DefWindowProcA;
    wc.hInstance = inst;
    wc.lpszClassName = "ddbench";
    RegisterClassA(&wc);
    hwnd = CreateWindowExA(WS_EX_TOPMOST, "ddbench", "ddbench", WS_POPUP | WS_VISIBLE, 0, 0, W, H, NULL, NULL,
                           inst, NULL);
    ShowCursor(FALSE);
    if ((hr = DirectDrawCreate(NULL, &dd, NULL)) != DD_OK) return fail("DirectDrawCreate", hr);
    if ((hr = IDirectDraw_SetCooperativeLevel(dd, hwnd, DDSCL_EXCLUSIVE | DDSCL_FULLSCREEN)) != DD_OK)
        return fail("SetCooperativeLevel", hr);
    if ((hr = IDirectDraw_SetDisplayMode(dd, W, H, 8)) != DD_OK) return fail("SetDisplayMode", hr);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_BACKBUFFERCOUNT;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE | DDSCAPS_FLIP | DDSCAPS_COMPLEX;
    sd.dwBackBufferCount = 1;
    if ((hr = IDirectDraw_CreateSurface(dd, &sd, &front, NULL)) != DD_OK) return fail("CreateSurface", hr);
    memset(&caps, 0, sizeof caps);
    caps.dwCaps = DDSCAPS_BACKBUFFER;
    if ((hr = IDirectDrawSurface_GetAttachedSurface(front, &caps, &back)) != DD_OK)
        return fail("GetAttachedSurface", hr);
    ramp(pe, 0);
    if ((hr = IDirectDraw_CreatePalette(dd, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL)) != DD_OK)
        return fail("CreatePalette", hr);
    if ((hr = IDirectDrawSurface_SetPalette(front, pal)) != DD_OK) return fail("SetPalette", hr);

    t0 = now_us();
    for (f = 0; f < frames; f++) {
        unsigned char *p;
        while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) DispatchMessageA(&msg);
        memset(&sd, 0, sizeof sd);
        sd.dwSize = sizeof sd;
        if ((hr = IDirectDrawSurface_Lock(back, NULL, &sd, DDLOCK_WAIT | DDLOCK_WRITEONLY, NULL)) != DD_OK)
            return fail("Lock", hr);
        p = (unsigned char *)sd.lpSurface;
        for (y = 0; fill && y < H; y++) fill_row(p + y * sd.lPitch, y + f, W);  /* bands moving up a line a frame */
        if ((hr = IDirectDrawSurface_Unlock(back, NULL)) != DD_OK) return fail("Unlock", hr);
        if (palanim) {
            ramp(pe, f);
            if ((hr = IDirectDrawPalette_SetEntries(pal, 0, 0, 256, pe)) != DD_OK) return fail("SetEntries", hr);
        }
        if ((hr = IDirectDrawSurface_Flip(front, NULL, DDFLIP_WAIT | (novsync ? DDFLIP_NOVSYNC : 0))) != DD_OK)
            return fail("Flip", hr);
    }
    t1 = now_us();
    printf("ddbench %d %llu\n", frames, t1 - t0);
    fflush(stdout);
    if (hold > 0) Sleep(hold);
    IDirectDrawPalette_Release(pal);
    IDirectDrawSurface_Release(back);
    IDirectDrawSurface_Release(front);
    IDirectDraw_RestoreDisplayMode(dd);
    IDirectDraw_Release(dd);
    printf("done\n");
    fflush(stdout);
    return 0;
}
