/* DirectDraw basics: reference counts and QueryInterface rules, display modes, flipping chains, Lock pitch,
   Blt/BltFast with colour fills, colour keys, stretching and mirroring on 8/16/32-bit surfaces, palettes,
   GetDC drawing on surfaces, and a flipped 8-bit primary for a screenshot.
   Prints "name values" lines that tests/test_ddraw_basic.py checks; argv[1] picks a section.

   Build (in tests/programs):
     i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o ddraw_basic.exe ddraw_basic.c \
         -lddraw -ldxguid -lgdi32 -luser32
*/
#include <windows.h>
#include <ddraw.h>
#include <stdio.h>
#include <string.h>

/* not in libdxguid */
static const GUID IID_DD3 = {0x618f8ad4, 0x8b7a, 0x11d0, {0x8f, 0xcc, 0x00, 0xc0, 0x4f, 0xd9, 0x18, 0x9d}};

static ULONG refs(void *iface) {
    IUnknown *u = (IUnknown *)iface;
    u->lpVtbl->AddRef(u);
    return u->lpVtbl->Release(u);
}

static HWND make_window(void) {
    WNDCLASSA wc;
    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = DefWindowProcA;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.lpszClassName = "ddtest";
    RegisterClassA(&wc);
    return CreateWindowExA(0, "ddtest", "ddraw test", WS_POPUP | WS_VISIBLE, 10, 10, 200, 100, NULL, NULL,
                           wc.hInstance, NULL);
}

static void pixfmt8(DDPIXELFORMAT *pf) {
    memset(pf, 0, sizeof *pf);
    pf->dwSize = sizeof *pf;
    pf->dwFlags = DDPF_RGB | DDPF_PALETTEINDEXED8;
    pf->dwRGBBitCount = 8;
}

static void pixfmt_rgb(DDPIXELFORMAT *pf, int bpp, DWORD r, DWORD g, DWORD b) {
    memset(pf, 0, sizeof *pf);
    pf->dwSize = sizeof *pf;
    pf->dwFlags = DDPF_RGB;
    pf->dwRGBBitCount = bpp;
    pf->dwRBitMask = r;
    pf->dwGBitMask = g;
    pf->dwBBitMask = b;
}

/* an off-screen surface through IDirectDraw (DDSURFACEDESC); pf NULL: the display's format */
static IDirectDrawSurface *offscreen(IDirectDraw *dd, int w, int h, DDPIXELFORMAT *pf, HRESULT *hr) {
    DDSURFACEDESC sd;
    IDirectDrawSurface *s = NULL;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_WIDTH | DDSD_HEIGHT | (pf ? DDSD_PIXELFORMAT : 0);
    sd.dwWidth = w;
    sd.dwHeight = h;
    sd.ddsCaps.dwCaps = DDSCAPS_OFFSCREENPLAIN;
    if (pf) sd.ddpfPixelFormat = *pf;
    *hr = IDirectDraw_CreateSurface(dd, &sd, &s, NULL);
    return s;
}

static HRESULT fill(IDirectDrawSurface *s, RECT *r, DWORD color) {
    DDBLTFX fx;
    memset(&fx, 0, sizeof fx);
    fx.dwSize = sizeof fx;
    fx.dwFillColor = color;
    return IDirectDrawSurface_Blt(s, r, NULL, NULL, DDBLT_COLORFILL | DDBLT_WAIT, &fx);
}

/* raw pixel value at (x, y) of a surface of bpp bits */
static DWORD pixel(IDirectDrawSurface *s, int x, int y, int bpp) {
    DDSURFACEDESC sd;
    DWORD v = 0xDEADBEEF;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    if (IDirectDrawSurface_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL) != DD_OK) return v;
    BYTE *p = (BYTE *)sd.lpSurface + y * sd.lPitch + x * (bpp / 8);
    if (bpp == 8) v = *p;
    else if (bpp == 16) v = *(WORD *)p;
    else if (bpp == 24) v = p[0] | (p[1] << 8) | (p[2] << 16);
    else v = *(DWORD *)p;
    IDirectDrawSurface_Unlock(s, NULL);
    return v;
}

static void put(IDirectDrawSurface *s, int x, int y, int bpp, DWORD v) {
    DDSURFACEDESC sd;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    if (IDirectDrawSurface_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL) != DD_OK) return;
    BYTE *p = (BYTE *)sd.lpSurface + y * sd.lPitch + x * (bpp / 8);
    if (bpp == 8) *p = (BYTE)v;
    else if (bpp == 16) *(WORD *)p = (WORD)v;
    else *(DWORD *)p = v;
    IDirectDrawSurface_Unlock(s, NULL);
}

/* ---- reference counts and QueryInterface -------------------------------------------------------------- */
static void test_refs(void) {
    IDirectDraw *dd1 = NULL, *bad = NULL;
    IDirectDraw2 *dd2 = NULL;
    IDirectDraw4 *dd4 = NULL;
    IDirectDraw7 *dd7 = NULL, *dd7b = NULL;
    IUnknown *u1 = NULL, *u2 = NULL;
    void *x = (void *)0xdeadbeef;
    HRESULT hr;

    hr = DirectDrawCreate(NULL, &dd1, NULL);
    printf("create %08lx %lu\n", hr, refs(dd1));
    {
        ULONG up = IDirectDraw_AddRef(dd1), down = IDirectDraw_Release(dd1);
        printf("addref %lu %lu\n", up, down);
    }
    hr = IDirectDraw_QueryInterface(dd1, &IID_IDirectDraw7, (void **)&dd7);
    printf("qi7 %08lx %d %lu %lu\n", hr, (void *)dd7 != (void *)dd1, refs(dd7), refs(dd1));
    hr = IDirectDraw7_QueryInterface(dd7, &IID_IDirectDraw7, (void **)&dd7b);
    printf("qi7again %08lx %d %lu\n", hr, dd7b == dd7, refs(dd7));
    IDirectDraw7_Release(dd7b);
    hr = IDirectDraw7_QueryInterface(dd7, &IID_IDirectDraw2, (void **)&dd2);
    printf("qi2 %08lx %lu\n", hr, refs(dd2));
    hr = IDirectDraw_QueryInterface(dd1, &IID_IDirectDraw4, (void **)&dd4);
    printf("qi4 %08lx %lu\n", hr, refs(dd4));
    hr = IDirectDraw_QueryInterface(dd1, &IID_IDirectDrawSurface, &x);
    printf("qisurface %08lx %p\n", hr, x);
    x = (void *)0xdeadbeef;
    hr = IDirectDraw_QueryInterface(dd1, &IID_DD3, &x);
    printf("qi3 %08lx %p\n", hr, x);
    IDirectDraw_QueryInterface(dd1, &IID_IUnknown, (void **)&u1);
    IDirectDraw7_QueryInterface(dd7, &IID_IUnknown, (void **)&u2);
    printf("identity %d\n", u1 == u2 && u1 != NULL);
    u1->lpVtbl->Release(u1);
    u2->lpVtbl->Release(u2);
    hr = DirectDrawCreateEx(NULL, (void **)&bad, &IID_IDirectDraw, NULL);
    printf("createex_badiid %08lx\n", hr);

    /* objects made through IDirectDraw7 hold a reference to it */
    hr = IDirectDraw7_CreatePalette(dd7, DDPCAPS_8BIT | DDPCAPS_ALLOW256, NULL, NULL, NULL);
    printf("palette_nocoop %08lx\n", hr);
    IDirectDraw7_SetCooperativeLevel(dd7, NULL, DDSCL_NORMAL);
    {
        DDSURFACEDESC2 sd;
        IDirectDrawSurface7 *s7 = NULL;
        IDirectDrawSurface *s1 = NULL;
        IDirectDrawPalette *pal = NULL;
        PALETTEENTRY pe[256];
        memset(&sd, 0, sizeof sd);
        memset(pe, 0, sizeof pe);
        sd.dwSize = sizeof sd;
        sd.dwFlags = DDSD_CAPS | DDSD_WIDTH | DDSD_HEIGHT | DDSD_PIXELFORMAT;
        sd.dwWidth = sd.dwHeight = 16;
        sd.ddsCaps.dwCaps = DDSCAPS_OFFSCREENPLAIN;
        pixfmt8(&sd.ddpfPixelFormat);
        hr = IDirectDraw7_CreateSurface(dd7, &sd, &s7, NULL);
        printf("surface7 %08lx %lu %lu\n", hr, refs(s7), refs(dd7));
        hr = IDirectDraw7_CreatePalette(dd7, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL);
        printf("palette7 %08lx %lu %lu\n", hr, refs(pal), refs(dd7));
        hr = IDirectDrawSurface7_SetPalette(s7, pal);
        printf("setpalette %08lx %lu %lu\n", hr, refs(pal), refs(s7));
        hr = IDirectDrawSurface7_QueryInterface(s7, &IID_IDirectDrawSurface, (void **)&s1);
        printf("qisurf1 %08lx %d %lu %lu\n", hr, (void *)s1 != (void *)s7, refs(s1), refs(s7));
        x = (void *)0xdeadbeef;
        hr = IDirectDrawSurface7_QueryInterface(s7, &IID_IDirectDraw7, &x);
        printf("qisurf_dd %08lx %p\n", hr, x);
        {
            ULONG n1 = IDirectDrawSurface_Release(s1);
            printf("release_s1 %lu %lu\n", n1, refs(s7));
            n1 = IDirectDrawSurface7_Release(s7);
            printf("release_s7 %lu %lu %lu\n", n1, refs(dd7), refs(pal));
            n1 = IDirectDrawPalette_Release(pal);
            printf("release_pal %lu %lu\n", n1, refs(dd7));
        }
    }
    /* objects made through IDirectDraw do not */
    {
        HRESULT h2;
        IDirectDrawSurface *s;
        DDPIXELFORMAT pf;
        pixfmt8(&pf);
        IDirectDraw_SetCooperativeLevel(dd1, NULL, DDSCL_NORMAL);
        s = offscreen(dd1, 8, 8, &pf, &h2);
        printf("surface1 %08lx %lu %lu\n", h2, refs(s), refs(dd1));
        IDirectDrawSurface_Release(s);
    }
    {
        ULONG r2 = IDirectDraw2_Release(dd2), r4 = IDirectDraw4_Release(dd4);
        ULONG r7 = IDirectDraw7_Release(dd7), r1 = IDirectDraw_Release(dd1);
        printf("release_all %lu %lu %lu %lu\n", r2, r4, r7, r1);
    }
}

/* ---- display modes -------------------------------------------------------------------------------------- */
static int n_modes, has_320x200x8, has_1024x768x32, has_640x480x16;

static HRESULT WINAPI mode_cb(DDSURFACEDESC *sd, void *ctx) {
    n_modes++;
    if (sd->dwWidth == 320 && sd->dwHeight == 200 && sd->ddpfPixelFormat.dwRGBBitCount == 8) has_320x200x8 = 1;
    if (sd->dwWidth == 1024 && sd->dwHeight == 768 && sd->ddpfPixelFormat.dwRGBBitCount == 32) has_1024x768x32 = 1;
    if (sd->dwWidth == 640 && sd->dwHeight == 480 && sd->ddpfPixelFormat.dwRGBBitCount == 16 &&
        sd->ddpfPixelFormat.dwRBitMask == 0xF800)
        has_640x480x16 = 1;
    return *(int *)ctx ? DDENUMRET_OK : DDENUMRET_CANCEL;
}

static BOOL WINAPI enum_cb(GUID *guid, LPSTR desc, LPSTR name, LPVOID ctx) {
    printf("enum %d %s|%s\n", guid == NULL, desc, name);
    return TRUE;
}

static void print_mode(IDirectDraw *dd, const char *name) {
    DDSURFACEDESC sd;
    HRESULT hr;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    hr = IDirectDraw_GetDisplayMode(dd, &sd);
    printf("%s %08lx %lu %lu %lu %ld %lx %d %d\n", name, hr, sd.dwWidth, sd.dwHeight,
           sd.ddpfPixelFormat.dwRGBBitCount, sd.lPitch, sd.ddpfPixelFormat.dwRBitMask, GetSystemMetrics(SM_CXSCREEN),
           GetSystemMetrics(SM_CYSCREEN));
}

static void test_modes(void) {
    IDirectDraw *dd;
    HWND w = make_window();
    HRESULT hr;
    RECT r;
    DWORD freq = 0, t0, t1;
    int go = 1, stop = 0, i;

    DirectDrawEnumerateA(enum_cb, NULL);
    DirectDrawCreate(NULL, &dd, NULL);
    printf("coop_exclusive_only %08lx\n", IDirectDraw_SetCooperativeLevel(dd, w, DDSCL_EXCLUSIVE));
    printf("coop_normal_fullscreen %08lx\n", IDirectDraw_SetCooperativeLevel(dd, w, DDSCL_NORMAL | DDSCL_FULLSCREEN));
    printf("coop %08lx\n", IDirectDraw_SetCooperativeLevel(dd, w, DDSCL_EXCLUSIVE | DDSCL_FULLSCREEN));
    hr = IDirectDraw_EnumDisplayModes(dd, 0, NULL, &go, mode_cb);
    printf("modes %08lx %d %d %d %d\n", hr, n_modes, has_320x200x8, has_1024x768x32, has_640x480x16);
    n_modes = 0;
    IDirectDraw_EnumDisplayModes(dd, 0, NULL, &stop, mode_cb);
    printf("modes_cancel %d\n", n_modes);
    print_mode(dd, "desktop");
    hr = IDirectDraw_SetDisplayMode(dd, 640, 480, 8);
    printf("set640 %08lx\n", hr);
    print_mode(dd, "mode");
    GetWindowRect(w, &r);
    printf("window %ld %ld %ld %ld\n", r.left, r.top, r.right, r.bottom);
    printf("set_bad %08lx\n", IDirectDraw_SetDisplayMode(dd, 320, 200, 34));
    printf("set_bad2 %08lx\n", IDirectDraw_SetDisplayMode(dd, 333, 200, 8));
    IDirectDraw_GetMonitorFrequency(dd, &freq);
    printf("freq %lu\n", freq);
    t0 = GetTickCount();
    for (i = 0; i < 6; i++) IDirectDraw_WaitForVerticalBlank(dd, DDWAITVB_BLOCKBEGIN, NULL);
    t1 = GetTickCount();
    printf("vblank6 %lu\n", t1 - t0);
    printf("restore %08lx\n", IDirectDraw_RestoreDisplayMode(dd));
    print_mode(dd, "restored");
    IDirectDraw_SetDisplayMode(dd, 320, 200, 16);
    print_mode(dd, "mode16");
    printf("release %lu\n", IDirectDraw_Release(dd));
    /* releasing the exclusive object gives the desktop its mode back */
    printf("after_release %d %d\n", GetSystemMetrics(SM_CXSCREEN), GetSystemMetrics(SM_CYSCREEN));
}

/* ---- Lock, Blt, BltFast, colour keys, palettes ------------------------------------------------------------ */
static void test_surfaces(void) {
    IDirectDraw *dd;
    IDirectDrawSurface *a, *b, *c, *d;
    DDSURFACEDESC sd;
    DDPIXELFORMAT pf;
    DDCOLORKEY key;
    DDBLTFX fx;
    HRESULT hr;
    RECT r;
    BYTE *base;

    DirectDrawCreate(NULL, &dd, NULL);
    IDirectDraw_SetCooperativeLevel(dd, NULL, DDSCL_NORMAL);
    pixfmt8(&pf);
    a = offscreen(dd, 40, 30, &pf, &hr);
    printf("create8 %08lx\n", hr);

    /* Lock: pitch, rectangles, busy and not-locked errors */
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    hr = IDirectDrawSurface_Lock(a, NULL, &sd, DDLOCK_WAIT, NULL);
    base = sd.lpSurface;
    printf("lock %08lx %ld %lu %lu %lu %d %lx\n", hr, sd.lPitch, sd.dwWidth, sd.dwHeight,
           sd.ddpfPixelFormat.dwRGBBitCount, (sd.dwFlags & DDSD_LPSURFACE) != 0, sd.ddsCaps.dwCaps);
    printf("lock_again %08lx\n", IDirectDrawSurface_Lock(a, NULL, &sd, DDLOCK_WAIT, NULL));
    printf("blt_locked %08lx\n", fill(a, NULL, 1));
    hr = IDirectDrawSurface_Unlock(a, NULL);
    printf("unlock %08lx %08lx\n", hr, IDirectDrawSurface_Unlock(a, NULL));
    SetRect(&r, 3, 2, 10, 8);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    hr = IDirectDrawSurface_Lock(a, &r, &sd, DDLOCK_WAIT, NULL);
    printf("lockrect %08lx %ld\n", hr, (long)((BYTE *)sd.lpSurface - base));
    IDirectDrawSurface_Unlock(a, NULL);
    SetRect(&r, 30, 20, 41, 25);
    printf("lockrect_bad %08lx\n", IDirectDrawSurface_Lock(a, &r, &sd, DDLOCK_WAIT, NULL));

    /* colour fills and colour-keyed BltFast, 8 bits */
    fill(a, NULL, 7);
    SetRect(&r, 5, 5, 15, 10);
    hr = fill(a, &r, 200);
    printf("fill8 %08lx %lu %lu %lu %lu\n", hr, pixel(a, 0, 0, 8), pixel(a, 5, 5, 8), pixel(a, 14, 9, 8),
           pixel(a, 15, 10, 8));
    b = offscreen(dd, 8, 8, &pf, &hr);
    fill(b, NULL, 9);
    SetRect(&r, 2, 2, 6, 6);
    fill(b, &r, 0);
    key.dwColorSpaceLowValue = key.dwColorSpaceHighValue = 0;
    printf("bltfast_nokey %08lx\n", IDirectDrawSurface_BltFast(a, 20, 10, b, NULL, DDBLTFAST_SRCCOLORKEY));
    IDirectDrawSurface_SetColorKey(b, DDCKEY_SRCBLT, &key);
    hr = IDirectDrawSurface_BltFast(a, 20, 10, b, NULL, DDBLTFAST_SRCCOLORKEY | DDBLTFAST_WAIT);
    printf("bltfast8 %08lx %lu %lu %lu %lu\n", hr, pixel(a, 20, 10, 8), pixel(a, 22, 12, 8), pixel(a, 27, 17, 8),
           pixel(a, 28, 18, 8));
    printf("bltfast_out %08lx\n", IDirectDrawSurface_BltFast(a, 36, 25, b, NULL, 0));
    memset(&key, 0xff, sizeof key);
    hr = IDirectDrawSurface_GetColorKey(b, DDCKEY_SRCBLT, &key);
    printf("getkey %08lx %lu %lu\n", hr, key.dwColorSpaceLowValue, key.dwColorSpaceHighValue);
    printf("getkey_dest %08lx\n", IDirectDrawSurface_GetColorKey(b, DDCKEY_DESTBLT, &key));

    /* 32 bits: fills, keyed BltFast, Blt with a key override, stretching and mirroring */
    pixfmt_rgb(&pf, 32, 0xFF0000, 0xFF00, 0xFF);
    c = offscreen(dd, 40, 30, &pf, &hr);
    d = offscreen(dd, 4, 2, &pf, &hr);
    fill(c, NULL, 0x112233);
    put(d, 0, 0, 32, 0xFF0000);
    put(d, 1, 0, 32, 0x00FF00);
    put(d, 2, 0, 32, 0x0000FF);
    put(d, 3, 0, 32, 0xFFFFFF);
    put(d, 0, 1, 32, 0x000001);
    put(d, 1, 1, 32, 0x000002);
    put(d, 2, 1, 32, 0x000003);
    put(d, 3, 1, 32, 0x000004);
    key.dwColorSpaceLowValue = key.dwColorSpaceHighValue = 0x0000FF;
    IDirectDrawSurface_SetColorKey(d, DDCKEY_SRCBLT, &key);
    hr = IDirectDrawSurface_BltFast(c, 1, 1, d, NULL, DDBLTFAST_SRCCOLORKEY);
    printf("bltfast32 %08lx %06lx %06lx %06lx %06lx %06lx\n", hr, pixel(c, 1, 1, 32), pixel(c, 2, 1, 32),
           pixel(c, 3, 1, 32), pixel(c, 4, 1, 32), pixel(c, 4, 2, 32));
    SetRect(&r, 0, 10, 8, 14);
    hr = IDirectDrawSurface_Blt(c, &r, d, NULL, DDBLT_WAIT, NULL);
    printf("stretch %08lx %06lx %06lx %06lx %06lx %06lx %06lx\n", hr, pixel(c, 0, 10, 32), pixel(c, 1, 10, 32),
           pixel(c, 2, 11, 32), pixel(c, 7, 11, 32), pixel(c, 0, 12, 32), pixel(c, 7, 13, 32));
    memset(&fx, 0, sizeof fx);
    fx.dwSize = sizeof fx;
    fx.dwDDFX = DDBLTFX_MIRRORLEFTRIGHT;
    SetRect(&r, 20, 0, 24, 2);
    hr = IDirectDrawSurface_Blt(c, &r, d, NULL, DDBLT_DDFX | DDBLT_WAIT, &fx);
    printf("mirror %08lx %06lx %06lx %06lx\n", hr, pixel(c, 20, 0, 32), pixel(c, 23, 0, 32), pixel(c, 20, 1, 32));
    fx.ddckSrcColorkey.dwColorSpaceLowValue = fx.ddckSrcColorkey.dwColorSpaceHighValue = 0xFF0000;
    SetRect(&r, 30, 20, 34, 22);
    fill(c, &r, 0x445566);
    hr = IDirectDrawSurface_Blt(c, &r, d, NULL, DDBLT_KEYSRCOVERRIDE | DDBLT_WAIT, &fx);
    printf("keyoverride %08lx %06lx %06lx\n", hr, pixel(c, 30, 20, 32), pixel(c, 31, 20, 32));
    SetRect(&r, 38, 0, 42, 2);
    printf("blt_outside %08lx\n", IDirectDrawSurface_Blt(c, &r, d, NULL, DDBLT_WAIT, NULL));
    SetRect(&r, 0, 0, 5, 2);
    printf("blt_badsrc %08lx\n", IDirectDrawSurface_Blt(c, NULL, d, &r, DDBLT_WAIT, NULL));

    /* 16 bits (RGB565): a 32-bit source converts */
    {
        IDirectDrawSurface *e;
        DDPIXELFORMAT p16;
        pixfmt_rgb(&p16, 16, 0xF800, 0x07E0, 0x001F);
        e = offscreen(dd, 8, 4, &p16, &hr);
        fill(e, NULL, 0x07E0);
        SetRect(&r, 0, 0, 4, 2);
        hr = IDirectDrawSurface_Blt(e, &r, d, NULL, DDBLT_WAIT, NULL);
        printf("blt16 %08lx %04lx %04lx %04lx %04lx %04lx\n", hr, pixel(e, 0, 0, 16), pixel(e, 1, 0, 16),
               pixel(e, 2, 0, 16), pixel(e, 3, 0, 16), pixel(e, 5, 3, 16));
        memset(&sd, 0, sizeof sd);
        sd.dwSize = sizeof sd;
        IDirectDrawSurface_GetSurfaceDesc(e, &sd);
        printf("desc16 %ld %lx %lx %lx\n", sd.lPitch, sd.ddpfPixelFormat.dwRBitMask, sd.ddpfPixelFormat.dwGBitMask,
               sd.ddpfPixelFormat.dwBBitMask);
        printf("blt8from16 %08lx\n", IDirectDrawSurface_Blt(a, &r, e, NULL, DDBLT_WAIT, NULL));
        IDirectDrawSurface_Release(e);
    }

    /* palettes */
    {
        IDirectDrawPalette *pal, *pal2, *got = NULL;
        PALETTEENTRY pe[256], back[4];
        DWORD caps = 0;
        int i;
        for (i = 0; i < 256; i++) {
            pe[i].peRed = i;
            pe[i].peGreen = 255 - i;
            pe[i].peBlue = i / 2;
            pe[i].peFlags = 0;
        }
        hr = IDirectDraw_CreatePalette(dd, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL);
        IDirectDrawPalette_GetEntries(pal, 0, 0, 1, back);
        IDirectDrawPalette_GetEntries(pal, 0, 100, 1, back + 1);
        IDirectDrawPalette_GetEntries(pal, 0, 255, 1, back + 2);
        printf("palette %08lx %d,%d,%d %d,%d,%d %d,%d,%d\n", hr, back[0].peRed, back[0].peGreen, back[0].peBlue,
               back[1].peRed, back[1].peGreen, back[1].peBlue, back[2].peRed, back[2].peGreen, back[2].peBlue);
        back[0].peRed = 1;
        back[0].peGreen = 2;
        back[0].peBlue = 3;
        hr = IDirectDrawPalette_SetEntries(pal, 0, 10, 1, back);
        IDirectDrawPalette_GetEntries(pal, 0, 10, 1, back + 3);
        printf("setentries %08lx %d,%d,%d\n", hr, back[3].peRed, back[3].peGreen, back[3].peBlue);
        printf("setentries_bad %08lx\n", IDirectDrawPalette_SetEntries(pal, 0, 250, 10, pe));
        IDirectDrawPalette_GetCaps(pal, &caps);
        printf("palcaps %lx\n", caps);
        hr = IDirectDraw_CreatePalette(dd, DDPCAPS_8BIT, pe, &pal2, NULL);
        IDirectDrawPalette_GetEntries(pal2, 0, 0, 1, back);
        IDirectDrawPalette_GetEntries(pal2, 0, 255, 1, back + 1);
        IDirectDrawPalette_GetEntries(pal2, 0, 1, 1, back + 2);
        printf("palette_reserved %08lx %d,%d,%d %d,%d,%d %d,%d,%d\n", hr, back[0].peRed, back[0].peGreen,
               back[0].peBlue, back[1].peRed, back[1].peGreen, back[1].peBlue, back[2].peRed, back[2].peGreen,
               back[2].peBlue);
        printf("getpalette_none %08lx\n", IDirectDrawSurface_GetPalette(a, &got));
        printf("setpalette32 %08lx\n", IDirectDrawSurface_SetPalette(c, pal));
        printf("setpalette8 %08lx\n", IDirectDrawSurface_SetPalette(a, pal));
        hr = IDirectDrawSurface_GetPalette(a, &got);
        printf("getpalette %08lx %d\n", hr, got == pal);
        IDirectDrawPalette_Release(got);
        IDirectDrawPalette_Release(pal2);
        IDirectDrawPalette_Release(pal);
    }
    IDirectDrawSurface_Release(a);
    IDirectDrawSurface_Release(b);
    IDirectDrawSurface_Release(c);
    IDirectDrawSurface_Release(d);
    printf("release %lu\n", IDirectDraw_Release(dd));
}

/* ---- GetDC: GDI drawing on surfaces ------------------------------------------------------------------- */
static void test_gdi(void) {
    IDirectDraw *dd;
    IDirectDrawSurface *s, *s8, *s16;
    DDSURFACEDESC sd;
    DDPIXELFORMAT pf;
    HDC hdc, hdc2;
    HRESULT hr;
    int x, y, n = 0, x0 = 99, x1 = -1, y0 = 99, y1 = -1;

    DirectDrawCreate(NULL, &dd, NULL);
    IDirectDraw_SetCooperativeLevel(dd, NULL, DDSCL_NORMAL);
    pixfmt_rgb(&pf, 32, 0xFF0000, 0xFF00, 0xFF);
    s = offscreen(dd, 64, 32, &pf, &hr);
    fill(s, NULL, 0x000080);
    hr = IDirectDrawSurface_GetDC(s, &hdc);
    printf("getdc %08lx %d\n", hr, hdc != NULL);
    printf("getdc_again %08lx\n", IDirectDrawSurface_GetDC(s, &hdc2));
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    printf("lock_with_dc %08lx\n", IDirectDrawSurface_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL));
    printf("dc_reads %06lx\n", GetPixel(hdc, 5, 30));
    SetBkMode(hdc, TRANSPARENT);
    SetTextColor(hdc, RGB(255, 255, 0));
    TextOutA(hdc, 4, 4, "Hi", 2);
    printf("releasedc %08lx\n", IDirectDrawSurface_ReleaseDC(s, hdc));
    printf("releasedc_again %08lx\n", IDirectDrawSurface_ReleaseDC(s, hdc));
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    IDirectDrawSurface_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL);
    for (y = 0; y < 32; y++)
        for (x = 0; x < 64; x++) {
            DWORD v = ((DWORD *)((BYTE *)sd.lpSurface + y * sd.lPitch))[x] & 0xFFFFFF;
            if (v == 0xFFFF00) {
                n++;
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
            } else if (v != 0x000080) {
                n += 10000;  /* anything else is wrong */
            }
        }
    IDirectDrawSurface_Unlock(s, NULL);
    printf("text32 %d %d %d %d %d\n", n, x0, y0, x1, y1);

    /* 8-bit surface with a palette: GDI colours map to palette indices */
    {
        IDirectDrawPalette *pal;
        PALETTEENTRY pe[256];
        int i;
        memset(pe, 0, sizeof pe);
        for (i = 0; i < 256; i++) {
            pe[i].peRed = (BYTE)(i * 7);
            pe[i].peGreen = (BYTE)(i * 3);
            pe[i].peBlue = (BYTE)(255 - i);
        }
        pe[5].peRed = 255; pe[5].peGreen = 0; pe[5].peBlue = 0;
        IDirectDraw_CreatePalette(dd, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL);
        pixfmt8(&pf);
        s8 = offscreen(dd, 16, 16, &pf, &hr);
        IDirectDrawSurface_SetPalette(s8, pal);
        fill(s8, NULL, 1);
        IDirectDrawSurface_GetDC(s8, &hdc);
        printf("dc8_reads %06lx\n", GetPixel(hdc, 0, 0));
        SetPixel(hdc, 3, 3, RGB(255, 0, 0));
        IDirectDrawSurface_ReleaseDC(s8, hdc);
        printf("dc8 %lu %lu\n", pixel(s8, 3, 3, 8), pixel(s8, 4, 4, 8));
        IDirectDrawSurface_Release(s8);
        IDirectDrawPalette_Release(pal);
    }
    /* 16-bit */
    pixfmt_rgb(&pf, 16, 0xF800, 0x07E0, 0x001F);
    s16 = offscreen(dd, 16, 16, &pf, &hr);
    fill(s16, NULL, 0x001F);
    IDirectDrawSurface_GetDC(s16, &hdc);
    SetPixel(hdc, 2, 2, RGB(255, 0, 0));
    IDirectDrawSurface_ReleaseDC(s16, hdc);
    printf("dc16 %04lx %04lx\n", pixel(s16, 2, 2, 16), pixel(s16, 3, 3, 16));
    IDirectDrawSurface_Release(s16);
    IDirectDrawSurface_Release(s);
    printf("release %lu\n", IDirectDraw_Release(dd));
}

/* ---- an 8-bit flipping chain on screen (the test takes a screenshot) ------------------------------------ */
static void test_flip(void) {
    IDirectDraw *dd;
    IDirectDrawSurface *front, *back = NULL, *back2 = NULL;
    IDirectDrawPalette *pal;
    PALETTEENTRY pe[256];
    DDSURFACEDESC sd;
    DDSCAPS caps;
    HWND w = make_window();
    HRESULT hr;
    RECT r;

    DirectDrawCreate(NULL, &dd, NULL);
    IDirectDraw_SetCooperativeLevel(dd, w, DDSCL_EXCLUSIVE | DDSCL_FULLSCREEN);
    IDirectDraw_SetDisplayMode(dd, 320, 240, 8);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_BACKBUFFERCOUNT;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE | DDSCAPS_FLIP | DDSCAPS_COMPLEX;
    sd.dwBackBufferCount = 1;
    hr = IDirectDraw_CreateSurface(dd, &sd, &front, NULL);
    printf("primary %08lx %lu\n", hr, refs(front));
    caps.dwCaps = DDSCAPS_BACKBUFFER;
    hr = IDirectDrawSurface_GetAttachedSurface(front, &caps, &back);
    printf("attached %08lx %lu\n", hr, refs(back));
    caps.dwCaps = DDSCAPS_OVERLAY;
    printf("attached_none %08lx\n", IDirectDrawSurface_GetAttachedSurface(front, &caps, &back2));
    IDirectDrawSurface_GetCaps(front, &caps);
    printf("frontcaps %lx\n", caps.dwCaps & (DDSCAPS_PRIMARYSURFACE | DDSCAPS_FRONTBUFFER | DDSCAPS_FLIP |
                                             DDSCAPS_COMPLEX | DDSCAPS_VISIBLE | DDSCAPS_BACKBUFFER));
    IDirectDrawSurface_GetCaps(back, &caps);
    printf("backcaps %lx\n", caps.dwCaps & (DDSCAPS_PRIMARYSURFACE | DDSCAPS_FRONTBUFFER | DDSCAPS_FLIP |
                                            DDSCAPS_COMPLEX | DDSCAPS_VISIBLE | DDSCAPS_BACKBUFFER));
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    IDirectDrawSurface_GetSurfaceDesc(front, &sd);
    printf("frontdesc %lu %lu %lu %lu\n", sd.dwWidth, sd.dwHeight, sd.ddpfPixelFormat.dwRGBBitCount,
           sd.dwBackBufferCount);
    printf("flip_back %08lx\n", IDirectDrawSurface_Flip(back, NULL, DDFLIP_WAIT));

    memset(pe, 0, sizeof pe);
    pe[1].peRed = 255;                                          /* red */
    pe[2].peGreen = 255;                                        /* green */
    pe[3].peBlue = 255;                                         /* blue, animated to yellow below */
    pe[4].peRed = pe[4].peGreen = pe[4].peBlue = 255;           /* white */
    IDirectDraw_CreatePalette(dd, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL);
    IDirectDrawSurface_SetPalette(front, pal);

    fill(back, NULL, 1);
    SetRect(&r, 0, 0, 160, 120);
    fill(back, &r, 2);
    SetRect(&r, 160, 120, 320, 240);
    fill(back, &r, 3);
    fill(front, NULL, 4);
    hr = IDirectDrawSurface_Flip(front, NULL, DDFLIP_WAIT);
    printf("flip %08lx %lu %lu %lu\n", hr, pixel(front, 0, 0, 8), pixel(front, 200, 200, 8), pixel(back, 0, 0, 8));
    pe[3].peRed = 255;
    pe[3].peGreen = 255;
    pe[3].peBlue = 0;
    printf("animate %08lx\n", IDirectDrawPalette_SetEntries(pal, 0, 3, 1, &pe[3]));
    fflush(stdout);
    Sleep(5000);
}

/* ---- a method exeplay does not implement yet stops the run, naming it ------------------------------------- */
static void test_todo(void) {
    IDirectDraw7 *dd7;
    SIZE size = {640, 480};
    DirectDrawCreateEx(NULL, (void **)&dd7, &IID_IDirectDraw7, NULL);
    IDirectDraw7_SetCooperativeLevel(dd7, NULL, DDSCL_NORMAL);
    printf("calling StartModeTest\n");
    IDirectDraw7_StartModeTest(dd7, &size, 1, 0);  /* the monitor mode test, not implemented */
    printf("StartModeTest returned\n");
}

int main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "";
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(what, "refs")) test_refs();
    else if (!strcmp(what, "modes")) test_modes();
    else if (!strcmp(what, "surfaces")) test_surfaces();
    else if (!strcmp(what, "gdi")) test_gdi();
    else if (!strcmp(what, "flip")) test_flip();
    else if (!strcmp(what, "todo")) test_todo();
    else {
        printf("usage: ddraw_basic refs|modes|surfaces|gdi|flip|todo\n");
        return 2;
    }
    printf("done\n");
    return 0;
}
