/* DirectDraw's less common pieces: gamma ramps (a fade on an exclusive primary, for a screenshot), clippers with
   clip lists and window clip regions, DuplicateSurface, EnumSurfaces, the GDI surface, GetSurfaceFromDC,
   GetDeviceIdentifier, attachments, client memory surfaces, private data, texture-manager priority/LOD,
   overlays and the other odd slots. Prints "name values" lines that tests/test_ddraw_more.py checks;
   argv[1] picks a section (gamma8 | gamma32 | clip | window | surfaces | attach | gdi).

   Build (in tests/programs):
     i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o ddraw_more.exe ddraw_more.c \
         -lddraw -ldxguid -lgdi32 -luser32
*/
#include <windows.h>
#include <ddraw.h>
#include <stdio.h>
#include <string.h>

/* not in mingw-w64's ddraw.h */
#ifndef DDSGR_CALIBRATE
#define DDSGR_CALIBRATE 0x00000001
#endif
#ifndef DDOVERZ_SENDTOFRONT
#define DDOVERZ_SENDTOFRONT 0x00000000
#endif
#ifndef DDENUMOVERLAYZ_FRONTTOBACK
#define DDENUMOVERLAYZ_FRONTTOBACK 0x00000001
#endif

static const GUID TAG1 = {0x12345678, 0x1234, 0x5678, {1, 2, 3, 4, 5, 6, 7, 8}};
static const GUID TAG2 = {0x87654321, 0x4321, 0x8765, {8, 7, 6, 5, 4, 3, 2, 1}};

static ULONG refs(void *iface) {
    IUnknown *u = (IUnknown *)iface;
    u->lpVtbl->AddRef(u);
    return u->lpVtbl->Release(u);
}

static HWND window_at(const char *title, int x, int y, int w, int h) {
    static int registered;
    WNDCLASSA wc;
    if (!registered) {
        memset(&wc, 0, sizeof wc);
        wc.lpfnWndProc = DefWindowProcA;
        wc.hInstance = GetModuleHandleA(NULL);
        wc.hbrBackground = (HBRUSH)GetStockObject(BLACK_BRUSH);
        wc.lpszClassName = "ddmore";
        RegisterClassA(&wc);
        registered = 1;
    }
    return CreateWindowExA(0, "ddmore", title, WS_POPUP | WS_VISIBLE, x, y, w, h, NULL, NULL,
                           GetModuleHandleA(NULL), NULL);
}

static void pump(void) {
    MSG msg;
    while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) DispatchMessageA(&msg);
}

static void rgb32(DDPIXELFORMAT *pf) {
    memset(pf, 0, sizeof *pf);
    pf->dwSize = sizeof *pf;
    pf->dwFlags = DDPF_RGB;
    pf->dwRGBBitCount = 32;
    pf->dwRBitMask = 0xFF0000;
    pf->dwGBitMask = 0xFF00;
    pf->dwBBitMask = 0xFF;
}

/* an off-screen 32-bit surface through IDirectDraw7 */
static IDirectDrawSurface7 *surf7(IDirectDraw7 *dd, int w, int h, DWORD caps, DWORD caps2, HRESULT *hr) {
    DDSURFACEDESC2 sd;
    IDirectDrawSurface7 *s = NULL;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_WIDTH | DDSD_HEIGHT | DDSD_PIXELFORMAT;
    sd.dwWidth = w;
    sd.dwHeight = h;
    sd.ddsCaps.dwCaps = caps;
    sd.ddsCaps.dwCaps2 = caps2;
    rgb32(&sd.ddpfPixelFormat);
    *hr = IDirectDraw7_CreateSurface(dd, &sd, &s, NULL);
    return s;
}

static HRESULT fill7(IDirectDrawSurface7 *s, RECT *r, DWORD color) {
    DDBLTFX fx;
    memset(&fx, 0, sizeof fx);
    fx.dwSize = sizeof fx;
    fx.dwFillColor = color;
    return IDirectDrawSurface7_Blt(s, r, NULL, NULL, DDBLT_COLORFILL | DDBLT_WAIT, &fx);
}

static DWORD pixel7(IDirectDrawSurface7 *s, int x, int y, int bpp) {
    DDSURFACEDESC2 sd;
    DWORD v = 0xDEADBEEF;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    if (IDirectDrawSurface7_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL) != DD_OK) return v;
    BYTE *p = (BYTE *)sd.lpSurface + y * sd.lPitch + x * (bpp / 8);
    v = bpp == 8 ? *p : *(DWORD *)p;
    IDirectDrawSurface7_Unlock(s, NULL);
    return v;
}

static void put7(IDirectDrawSurface7 *s, int x, int y, DWORD v) {
    DDSURFACEDESC2 sd;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    if (IDirectDrawSurface7_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL) != DD_OK) return;
    *(DWORD *)((BYTE *)sd.lpSurface + y * sd.lPitch + x * 4) = v;
    IDirectDrawSurface7_Unlock(s, NULL);
}

static IDirectDraw7 *dd7_normal(HWND hwnd) {
    IDirectDraw7 *dd = NULL;
    DirectDrawCreateEx(NULL, (void **)&dd, &IID_IDirectDraw7, NULL);
    IDirectDraw7_SetCooperativeLevel(dd, hwnd, DDSCL_NORMAL);
    return dd;
}

/* ---- gamma ramps: an exclusive 320x240 primary, 16 colour bands, then a fade to the final ramps ------------ */
static void ramp_mix(DDGAMMARAMP *g, int k, int n) {
    int i;
    for (i = 0; i < 256; i++) {
        DWORD id = i * 257;
        g->red[i] = (WORD)(id - (id / 2) * k / n);                 /* to half */
        g->green[i] = (WORD)id;                                      /* unchanged */
        g->blue[i] = (WORD)(id + ((255 - i) * 257 - (int)id) * k / n);  /* to inverted */
    }
}

static void test_gamma(int bpp) {
    HWND hwnd = window_at("gamma", 0, 0, 320, 240);
    IDirectDraw7 *dd = NULL;
    IDirectDrawSurface7 *prim = NULL, *off = NULL;
    IDirectDrawGammaControl *gc = NULL, *gc2 = NULL;
    IDirectDrawPalette *pal = NULL;
    IUnknown *cc = (IUnknown *)0xdeadbeef;
    DDSURFACEDESC2 sd;
    DDGAMMARAMP g;
    DDCAPS caps;
    PALETTEENTRY pe[256];
    HRESULT hr;
    int i, k;

    DirectDrawCreateEx(NULL, (void **)&dd, &IID_IDirectDraw7, NULL);
    IDirectDraw7_SetCooperativeLevel(dd, hwnd, DDSCL_EXCLUSIVE | DDSCL_FULLSCREEN);
    hr = IDirectDraw7_SetDisplayMode(dd, 320, 240, bpp, 0, 0);
    printf("mode %08lx\n", hr);
    memset(&caps, 0, sizeof caps);
    caps.dwSize = sizeof caps;
    IDirectDraw7_GetCaps(dd, &caps, NULL);
    printf("caps %d %d %lu\n", !!(caps.dwCaps2 & DDCAPS2_PRIMARYGAMMA), !!(caps.dwCaps & DDCAPS_OVERLAY),
           caps.dwMaxVisibleOverlays);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE;
    hr = IDirectDraw7_CreateSurface(dd, &sd, &prim, NULL);
    printf("primary %08lx\n", hr);
    if (bpp == 8) {
        for (i = 0; i < 256; i++) {
            pe[i].peRed = (BYTE)i;
            pe[i].peGreen = (BYTE)(255 - i);
            pe[i].peBlue = 128;
            pe[i].peFlags = 0;
        }
        IDirectDraw7_CreatePalette(dd, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL);
        IDirectDrawSurface7_SetPalette(prim, pal);
    }
    for (k = 0; k < 16; k++) {
        RECT r = {k * 20, 0, k * 20 + 20, 240};
        DWORD c = k * 17;
        fill7(prim, &r, bpp == 8 ? c : (c << 16) | ((255 - c) << 8) | 128);
    }
    hr = IDirectDrawSurface7_QueryInterface(prim, &IID_IDirectDrawGammaControl, (void **)&gc);
    printf("qi %08lx %lu\n", hr, refs(gc));
    hr = IDirectDrawSurface7_QueryInterface(prim, &IID_IDirectDrawColorControl, (void **)&cc);
    printf("qi_color %08lx %p\n", hr, (void *)cc);
    memset(&g, 0xAA, sizeof g);
    hr = IDirectDrawGammaControl_GetGammaRamp(gc, 0, &g);
    printf("get %08lx %u %u %u %u\n", hr, g.red[0], g.red[128], g.green[255], g.blue[1]);
    printf("get_flags %08lx\n", IDirectDrawGammaControl_GetGammaRamp(gc, 1, &g));
    printf("set_null %08lx\n", IDirectDrawGammaControl_SetGammaRamp(gc, 0, NULL));
    printf("set_flags %08lx\n", IDirectDrawGammaControl_SetGammaRamp(gc, 2, &g));
    off = surf7(dd, 8, 8, DDSCAPS_OFFSCREENPLAIN, 0, &hr);
    hr = IDirectDrawSurface7_QueryInterface(off, &IID_IDirectDrawGammaControl, (void **)&gc2);
    printf("qi_off %08lx %08lx\n", hr, gc2 ? IDirectDrawGammaControl_GetGammaRamp(gc2, 0, &g) : 0);
    if (gc2) IDirectDrawGammaControl_Release(gc2);
    for (k = 1; k <= 8; k++) {  /* the fade: one step a frame */
        ramp_mix(&g, k, 8);
        hr = IDirectDrawGammaControl_SetGammaRamp(gc, k == 8 ? DDSGR_CALIBRATE : 0, &g);
        if (hr != DD_OK) break;
        IDirectDraw7_WaitForVerticalBlank(dd, DDWAITVB_BLOCKBEGIN, NULL);
    }
    printf("fade %08lx\n", hr);
    memset(&g, 0, sizeof g);
    hr = IDirectDrawGammaControl_GetGammaRamp(gc, 0, &g);
    printf("readback %08lx %u %u %u %u\n", hr, g.red[255], g.green[255], g.blue[0], g.blue[255]);
    printf("pixel %06lx\n", pixel7(prim, 25, 10, bpp));  /* the surface keeps its values: the DAC maps them */
    printf("done\n");
    for (;;) {
        pump();
        Sleep(20);
    }
}

/* ---- clip lists ------------------------------------------------------------------------------------------- */
static struct {
    RGNDATAHEADER rdh;
    RECT r[8];
} rgn;

static void print_rgn(const char *name, HRESULT hr) {
    DWORD i;
    printf("%s %08lx %lu", name, hr, hr == DD_OK ? rgn.rdh.nCount : 0);
    if (hr == DD_OK)
        for (i = 0; i < rgn.rdh.nCount && i < 8; i++)
            printf(" %ld,%ld,%ld,%ld", rgn.r[i].left, rgn.r[i].top, rgn.r[i].right, rgn.r[i].bottom);
    printf("\n");
}

static void test_clip(void) {
    HWND hwnd = window_at("clip", 0, 0, 100, 100);
    IDirectDraw7 *dd = dd7_normal(hwnd);
    IDirectDrawClipper *c = NULL;
    IDirectDrawSurface7 *s, *src;
    DDBLTFX fx;
    DWORD size = 0;
    BOOL changed = 7;
    RECT sub = {5, 0, 25, 20};
    HRESULT hr;

    hr = IDirectDraw7_CreateClipper(dd, 0, &c, NULL);
    printf("create %08lx\n", hr);
    printf("nolist %08lx\n", IDirectDrawClipper_GetClipList(c, NULL, NULL, &size));
    memset(&rgn, 0, sizeof rgn);
    rgn.rdh.dwSize = sizeof rgn.rdh;
    rgn.rdh.iType = RDH_RECTANGLES;
    rgn.rdh.nCount = 2;
    rgn.rdh.nRgnSize = 2 * sizeof(RECT);
    SetRect(&rgn.rdh.rcBound, 0, 0, 30, 15);
    SetRect(&rgn.r[0], 0, 0, 10, 10);
    SetRect(&rgn.r[1], 20, 5, 30, 15);
    printf("set_flags %08lx\n", IDirectDrawClipper_SetClipList(c, (RGNDATA *)&rgn, 1));
    rgn.rdh.dwSize = 20;
    printf("set_bad %08lx\n", IDirectDrawClipper_SetClipList(c, (RGNDATA *)&rgn, 0));
    rgn.rdh.dwSize = sizeof rgn.rdh;
    printf("set %08lx\n", IDirectDrawClipper_SetClipList(c, (RGNDATA *)&rgn, 0));
    memset(&rgn, 0, sizeof rgn);
    hr = IDirectDrawClipper_GetClipList(c, NULL, NULL, &size);
    printf("size %08lx %lu\n", hr, size);
    size = 40;
    printf("small %08lx\n", IDirectDrawClipper_GetClipList(c, NULL, (RGNDATA *)&rgn, &size));
    size = sizeof rgn;
    hr = IDirectDrawClipper_GetClipList(c, NULL, (RGNDATA *)&rgn, &size);
    print_rgn("get", hr);
    printf("header %lu %lu %lu %ld,%ld,%ld,%ld\n", rgn.rdh.dwSize, rgn.rdh.iType, rgn.rdh.nRgnSize,
           rgn.rdh.rcBound.left, rgn.rdh.rcBound.top, rgn.rdh.rcBound.right, rgn.rdh.rcBound.bottom);
    size = sizeof rgn;
    hr = IDirectDrawClipper_GetClipList(c, &sub, (RGNDATA *)&rgn, &size);
    print_rgn("get_sub", hr);
    IDirectDrawClipper_IsClipListChanged(c, &changed);
    printf("changed %d\n", changed);

    /* Blt through the clip list: a colour fill and a stretched copy, each clipped to both rectangles */
    s = surf7(dd, 32, 32, DDSCAPS_OFFSCREENPLAIN | DDSCAPS_SYSTEMMEMORY, 0, &hr);
    src = surf7(dd, 2, 2, DDSCAPS_OFFSCREENPLAIN | DDSCAPS_SYSTEMMEMORY, 0, &hr);
    fill7(s, NULL, 0x000001);
    put7(src, 0, 0, 0x111111);
    put7(src, 1, 0, 0x222222);
    put7(src, 0, 1, 0x333333);
    put7(src, 1, 1, 0x444444);
    /* (printf's arguments are evaluated in no particular order: calls with effects go first) */
    hr = IDirectDrawSurface7_SetClipper(s, c);
    printf("setclipper %08lx %lu\n", hr, refs(c));
    hr = fill7(s, NULL, 0xFF0000);
    printf("fill %08lx %06lx %06lx %06lx %06lx %06lx\n", hr, pixel7(s, 5, 5, 32),
           pixel7(s, 15, 5, 32), pixel7(s, 25, 10, 32), pixel7(s, 25, 3, 32), pixel7(s, 5, 12, 32));
    {
        RECT big = {-32, 0, 32, 32};  /* partly outside the surface: clipped, not DDERR_INVALIDRECT */
        hr = IDirectDrawSurface7_Blt(s, &big, src, NULL, DDBLT_WAIT, NULL);
        printf("stretch %08lx %06lx %06lx %06lx %06lx\n", hr, pixel7(s, 5, 5, 32), pixel7(s, 25, 10, 32),
               pixel7(s, 15, 20, 32), pixel7(s, 25, 14, 32));
    }
    memset(&fx, 0, sizeof fx);
    printf("bltfast %08lx\n", IDirectDrawSurface7_BltFast(s, 0, 0, src, NULL, 0));
    IDirectDrawClipper_SetClipList(c, NULL, 0);
    printf("deleted %08lx\n", IDirectDrawClipper_GetClipList(c, NULL, NULL, &size));
    IDirectDrawClipper_SetHWnd(c, 0, hwnd);
    printf("usinghwnd %08lx\n", IDirectDrawClipper_SetClipList(c, (RGNDATA *)&rgn, 0));
    IDirectDrawSurface7_Release(s);
    IDirectDrawSurface7_Release(src);
    size = IDirectDrawClipper_Release(c);
    printf("release %lu\n", size);
    printf("done\n");
}

/* ---- window clip regions and a windowed primary ----------------------------------------------------------- */
static void test_window(void) {
    HWND a = window_at("A", 50, 40, 100, 80);
    IDirectDraw7 *dd = dd7_normal(a);
    IDirectDrawClipper *c = NULL;
    IDirectDrawSurface7 *prim = NULL;
    DDSURFACEDESC2 sd;
    DWORD size;
    BOOL changed = 7;
    HRESULT hr;

    pump();
    DirectDrawCreateClipper(0, &c, NULL);
    printf("sethwnd %08lx\n", IDirectDrawClipper_SetHWnd(c, 0, a));
    size = sizeof rgn;
    print_rgn("alone", IDirectDrawClipper_GetClipList(c, NULL, (RGNDATA *)&rgn, &size));
    IDirectDrawClipper_IsClipListChanged(c, &changed);
    printf("changed0 %d\n", changed);
    window_at("B", 100, 60, 100, 40);  /* above A, over its right part */
    pump();
    IDirectDrawClipper_IsClipListChanged(c, &changed);
    printf("changed1 %d\n", changed);
    IDirectDrawClipper_IsClipListChanged(c, &changed);
    printf("changed2 %d\n", changed);
    size = sizeof rgn;
    print_rgn("covered", IDirectDrawClipper_GetClipList(c, NULL, (RGNDATA *)&rgn, &size));

    /* a windowed primary with the window's clipper: Blt lands only where A is visible */
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE;
    hr = IDirectDraw7_CreateSurface(dd, &sd, &prim, NULL);
    printf("primary %08lx\n", hr);
    fill7(prim, NULL, 0x000001);
    IDirectDrawSurface7_SetClipper(prim, c);
    hr = fill7(prim, NULL, 0x00FF00);
    printf("fill %08lx %06lx %06lx %06lx %06lx %06lx\n", hr, pixel7(prim, 60, 50, 32), pixel7(prim, 120, 80, 32),
           pixel7(prim, 120, 110, 32), pixel7(prim, 10, 10, 32), pixel7(prim, 160, 50, 32));
    MoveWindow(a, -20, 40, 100, 80, TRUE);
    pump();
    size = sizeof rgn;
    print_rgn("offscreen", IDirectDrawClipper_GetClipList(c, NULL, (RGNDATA *)&rgn, &size));
    printf("done\n");
    for (;;) {
        pump();
        Sleep(20);
    }
}

/* ---- surfaces: duplicates, enumeration, DCs, identifiers, client memory, private data, odd slots ----------- */
static int enum_count, enum_w;

static HRESULT WINAPI enum_cb(IDirectDrawSurface7 *s, DDSURFACEDESC2 *sd, void *ctx) {
    enum_count++;
    enum_w = sd->dwWidth;
    IDirectDrawSurface7_Release(s);
    return DDENUMRET_OK;
}

static HRESULT WINAPI zorder_cb(IDirectDrawSurface7 *s, void *ctx) {
    (*(int *)ctx)++;
    return DDENUMRET_OK;
}

static DWORD client_mem[16 * 8];

static void test_surfaces(void) {
    HWND hwnd = window_at("surfaces", 0, 0, 100, 100);
    IDirectDraw7 *dd = dd7_normal(hwnd), *back = NULL;
    IDirectDrawSurface7 *a, *dup = NULL, *prim = NULL, *s, *tex, *client = NULL, *x = NULL;
    IDirectDrawClipper *clip = NULL;
    DDSURFACEDESC2 sd;
    DDDEVICEIDENTIFIER2 id;
    HDC hdc;
    HRESULT hr;
    DWORD v, n;
    int zcount = 0;
    LONG ox, oy;

    /* DuplicateSurface: a second object over the same memory */
    a = surf7(dd, 8, 8, DDSCAPS_OFFSCREENPLAIN, 0, &hr);
    fill7(a, NULL, 0x123456);
    hr = IDirectDraw7_DuplicateSurface(dd, a, &dup);
    printf("dup %08lx %d %06lx\n", hr, dup != a, pixel7(dup, 3, 3, 32));
    fill7(dup, NULL, 0x654321);
    printf("dup_shared %06lx\n", pixel7(a, 3, 3, 32));
    v = IDirectDrawSurface7_Release(a);
    printf("dup_release %lu %06lx\n", v, pixel7(dup, 1, 1, 32));
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE;
    IDirectDraw7_CreateSurface(dd, &sd, &prim, NULL);
    x = (IDirectDrawSurface7 *)0xdeadbeef;
    hr = IDirectDraw7_DuplicateSurface(dd, prim, &x);
    printf("dup_primary %08lx %p\n", hr, (void *)x);

    /* EnumSurfaces */
    s = surf7(dd, 16, 4, DDSCAPS_OFFSCREENPLAIN, 0, &hr);
    enum_count = 0;
    hr = IDirectDraw7_EnumSurfaces(dd, DDENUMSURFACES_DOESEXIST | DDENUMSURFACES_ALL, NULL, NULL,
                                   (LPDDENUMSURFACESCALLBACK7)enum_cb);
    printf("enum_all %08lx %d\n", hr, enum_count);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_WIDTH;
    sd.dwWidth = 16;
    enum_count = enum_w = 0;
    hr = IDirectDraw7_EnumSurfaces(dd, DDENUMSURFACES_DOESEXIST | DDENUMSURFACES_MATCH, &sd, NULL,
                                   (LPDDENUMSURFACESCALLBACK7)enum_cb);
    printf("enum_match %08lx %d %d\n", hr, enum_count, enum_w);
    enum_count = 0;
    hr = IDirectDraw7_EnumSurfaces(dd, DDENUMSURFACES_DOESEXIST | DDENUMSURFACES_NOMATCH, &sd, NULL,
                                   (LPDDENUMSURFACESCALLBACK7)enum_cb);
    printf("enum_nomatch %08lx %d\n", hr, enum_count);
    sd.dwFlags = DDSD_CAPS | DDSD_WIDTH | DDSD_HEIGHT;
    sd.dwWidth = 24;
    sd.dwHeight = 6;
    sd.ddsCaps.dwCaps = DDSCAPS_OFFSCREENPLAIN;
    enum_count = enum_w = 0;
    hr = IDirectDraw7_EnumSurfaces(dd, DDENUMSURFACES_CANBECREATED | DDENUMSURFACES_MATCH, &sd, NULL,
                                   (LPDDENUMSURFACESCALLBACK7)enum_cb);
    printf("enum_create %08lx %d %d\n", hr, enum_count, enum_w);
    printf("enum_bad %08lx\n", IDirectDraw7_EnumSurfaces(dd, DDENUMSURFACES_DOESEXIST, NULL, NULL,
                                                         (LPDDENUMSURFACESCALLBACK7)enum_cb));
    printf("refs_after_enum %lu\n", refs(s));

    /* GetSurfaceFromDC */
    hr = IDirectDrawSurface7_GetDC(s, &hdc);
    x = NULL;
    hr = IDirectDraw7_GetSurfaceFromDC(dd, hdc, &x);
    printf("fromdc %08lx %d %lu\n", hr, x == s, refs(s));
    if (x) IDirectDrawSurface7_Release(x);
    IDirectDrawSurface7_ReleaseDC(s, hdc);
    x = (IDirectDrawSurface7 *)0xdeadbeef;
    hr = IDirectDraw7_GetSurfaceFromDC(dd, hdc, &x);
    printf("fromdc_released %08lx %p\n", hr, (void *)x);
    hdc = GetDC(NULL);
    printf("fromdc_screen %08lx\n", IDirectDraw7_GetSurfaceFromDC(dd, hdc, &x));
    ReleaseDC(NULL, hdc);

    /* GetDeviceIdentifier */
    memset(&id, 0xCC, sizeof id);
    hr = IDirectDraw7_GetDeviceIdentifier(dd, &id, 0);
    printf("devid %08lx %04lx %04lx %lu %d|%s\n", hr, id.dwVendorId, id.dwDeviceId, id.dwWHQLLevel,
           id.szDriver[0] != 0, id.szDescription);
    printf("devid_host %08lx\n", IDirectDraw7_GetDeviceIdentifier(dd, &id, DDGDI_GETHOSTIDENTIFIER));
    printf("devid_bad %08lx\n", IDirectDraw7_GetDeviceIdentifier(dd, &id, 2));
    printf("testcoop %08lx\n", IDirectDraw7_TestCooperativeLevel(dd));
    hr = IDirectDraw7_GetGDISurface(dd, &x);
    printf("gdisurface %08lx\n", hr);
    if (hr == DD_OK && x) {
        printf("gdisurface_is_primary %d\n", x == prim);
        IDirectDrawSurface7_Release(x);
    }

    /* client memory: SetSurfaceDesc on a system-memory surface, then CreateSurface with lpSurface */
    a = surf7(dd, 4, 4, DDSCAPS_OFFSCREENPLAIN | DDSCAPS_SYSTEMMEMORY, 0, &hr);
    client_mem[1 * 16 + 2] = 0xABCDEF;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_LPSURFACE | DDSD_WIDTH | DDSD_HEIGHT | DDSD_PITCH | DDSD_PIXELFORMAT;
    sd.dwWidth = 12;
    sd.dwHeight = 8;
    sd.lPitch = 16 * 4;
    sd.lpSurface = client_mem;
    rgb32(&sd.ddpfPixelFormat);
    printf("setdesc_flags %08lx\n", IDirectDrawSurface7_SetSurfaceDesc(a, &sd, 1));
    hr = IDirectDrawSurface7_SetSurfaceDesc(a, &sd, 0);
    printf("setdesc %08lx %06lx\n", hr, pixel7(a, 2, 1, 32));
    {
        RECT r = {4, 2, 6, 3};
        fill7(a, &r, 0x00FF00);
        printf("client_writes %06lx %06lx\n", client_mem[2 * 16 + 5], client_mem[2 * 16 + 6]);
    }
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    IDirectDrawSurface7_Lock(a, NULL, &sd, DDLOCK_WAIT, NULL);
    printf("client_lock %d %ld %lu %lu\n", sd.lpSurface == (void *)client_mem, sd.lPitch, sd.dwWidth, sd.dwHeight);
    IDirectDrawSurface7_Unlock(a, NULL);
    sd.dwFlags = DDSD_LPSURFACE;
    sd.lpSurface = client_mem;
    printf("setdesc_video %08lx\n", IDirectDrawSurface7_SetSurfaceDesc(s, &sd, 0));
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_LPSURFACE | DDSD_WIDTH | DDSD_HEIGHT | DDSD_PITCH | DDSD_PIXELFORMAT;
    sd.ddsCaps.dwCaps = DDSCAPS_OFFSCREENPLAIN | DDSCAPS_SYSTEMMEMORY;
    sd.dwWidth = 16;
    sd.dwHeight = 8;
    sd.lPitch = 64;
    sd.lpSurface = client_mem;
    rgb32(&sd.ddpfPixelFormat);
    hr = IDirectDraw7_CreateSurface(dd, &sd, &client, NULL);
    printf("client_create %08lx %06lx\n", hr, client ? pixel7(client, 2, 1, 32) : 0);
    if (client) IDirectDrawSurface7_Release(client);
    IDirectDrawSurface7_Release(a);
    printf("client_kept %06lx\n", client_mem[1 * 16 + 2]);  /* the program's memory is never freed or cleared */

    /* private data */
    v = 0x11223344;
    printf("priv_set %08lx\n", IDirectDrawSurface7_SetPrivateData(s, &TAG1, &v, 4, 0));
    n = 2;
    hr = IDirectDrawSurface7_GetPrivateData(s, &TAG1, &v, &n);
    printf("priv_small %08lx %lu\n", hr, n);
    v = 0;
    n = 4;
    hr = IDirectDrawSurface7_GetPrivateData(s, &TAG1, &v, &n);
    printf("priv_get %08lx %08lx\n", hr, v);
    printf("priv_missing %08lx\n", IDirectDrawSurface7_GetPrivateData(s, &TAG2, &v, &n));
    IDirectDrawSurface7_SetPrivateData(s, &TAG2, &v, 4, DDSPD_VOLATILE);
    n = 4;
    printf("priv_volatile %08lx\n", IDirectDrawSurface7_GetPrivateData(s, &TAG2, &v, &n));
    fill7(s, NULL, 0);
    printf("priv_expired %08lx\n", IDirectDrawSurface7_GetPrivateData(s, &TAG2, &v, &n));
    IDirectDraw7_CreateClipper(dd, 0, &clip, NULL);
    hr = IDirectDrawSurface7_SetPrivateData(s, &TAG2, clip, sizeof clip, DDSPD_IUNKNOWNPOINTER);
    printf("priv_iunknown %08lx %lu\n", hr, refs(clip));
    hr = IDirectDrawSurface7_FreePrivateData(s, &TAG2);
    printf("priv_free %08lx %lu\n", hr, refs(clip));
    printf("priv_free_again %08lx\n", IDirectDrawSurface7_FreePrivateData(s, &TAG2));

    /* texture-manager priority and LOD */
    printf("prio_plain %08lx\n", IDirectDrawSurface7_SetPriority(s, 3));
    tex = surf7(dd, 16, 16, DDSCAPS_TEXTURE, DDSCAPS2_TEXTUREMANAGE, &hr);
    printf("tex %08lx\n", hr);
    v = 99;
    hr = IDirectDrawSurface7_SetPriority(tex, 5);
    n = IDirectDrawSurface7_GetPriority(tex, &v);
    printf("prio %08lx %08lx %lu\n", hr, n, v);
    hr = IDirectDrawSurface7_SetLOD(tex, 1);
    n = IDirectDrawSurface7_SetLOD(tex, 0);
    v = 99;
    ox = IDirectDrawSurface7_GetLOD(tex, &v);
    printf("lod %08lx %08lx %08lx %lu\n", hr, n, (DWORD)ox, v);
    printf("lod_plain %08lx\n", IDirectDrawSurface7_GetLOD(s, &v));

    /* the rest */
    IDirectDrawSurface7_GetUniquenessValue(s, &v);
    IDirectDrawSurface7_ChangeUniquenessValue(s);
    IDirectDrawSurface7_GetUniquenessValue(s, &n);
    printf("uniqueness %lu\n", n - v);
    printf("pagelock %08lx %08lx\n", IDirectDrawSurface7_PageLock(s, 0), IDirectDrawSurface7_PageUnlock(s, 0));
    hr = IDirectDrawSurface7_GetDDInterface(s, (void **)&back);
    printf("ddinterface %08lx %d\n", hr, back == dd);
    if (back) IDirectDraw7_Release(back);
    printf("bltbatch %08lx\n", IDirectDrawSurface7_BltBatch(s, NULL, 0, 0));
    printf("overlay %08lx %08lx %08lx %08lx\n", IDirectDrawSurface7_UpdateOverlay(s, NULL, prim, NULL, DDOVER_SHOW, NULL),
           IDirectDrawSurface7_SetOverlayPosition(s, 1, 2), IDirectDrawSurface7_GetOverlayPosition(s, &ox, &oy),
           IDirectDrawSurface7_UpdateOverlayZOrder(s, DDOVERZ_SENDTOFRONT, NULL));
    hr = IDirectDrawSurface7_EnumOverlayZOrders(prim, DDENUMOVERLAYZ_FRONTTOBACK, &zcount,
                                                (LPDDENUMSURFACESCALLBACK7)zorder_cb);
    printf("zorders %08lx %d\n", hr, zcount);
    x = surf7(dd, 16, 16, DDSCAPS_OVERLAY, 0, &hr);
    printf("create_overlay %08lx\n", hr);
    printf("attach7 %08lx\n", IDirectDrawSurface7_AddAttachedSurface(tex, s));
    printf("done\n");
}

/* ---- attachments through IDirectDraw4: two surfaces become a flipping chain -------------------------------- */
static DWORD pixel4(IDirectDrawSurface4 *s) {
    DDSURFACEDESC2 sd;
    DWORD v;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    if (IDirectDrawSurface4_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL) != DD_OK) return 0xDEADBEEF;
    v = *(DWORD *)sd.lpSurface;
    IDirectDrawSurface4_Unlock(s, NULL);
    return v;
}

static IDirectDrawSurface4 *surf4(IDirectDraw4 *dd, int w, DWORD color) {
    DDSURFACEDESC2 sd;
    DDBLTFX fx;
    IDirectDrawSurface4 *s = NULL;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_WIDTH | DDSD_HEIGHT | DDSD_PIXELFORMAT;
    sd.dwWidth = w;
    sd.dwHeight = 16;
    sd.ddsCaps.dwCaps = DDSCAPS_OFFSCREENPLAIN;
    rgb32(&sd.ddpfPixelFormat);
    IDirectDraw4_CreateSurface(dd, &sd, &s, NULL);
    memset(&fx, 0, sizeof fx);
    fx.dwSize = sizeof fx;
    fx.dwFillColor = color;
    IDirectDrawSurface4_Blt(s, NULL, NULL, NULL, DDBLT_COLORFILL, &fx);
    return s;
}

static void test_attach(void) {
    HWND hwnd = window_at("attach", 0, 0, 100, 100);
    IDirectDraw *dd1 = NULL;
    IDirectDraw4 *dd = NULL;
    IDirectDrawSurface4 *f, *b, *other, *got = NULL;
    DDSCAPS2 caps;
    HRESULT hr;

    DirectDrawCreate(NULL, &dd1, NULL);
    IDirectDraw_QueryInterface(dd1, &IID_IDirectDraw4, (void **)&dd);
    IDirectDraw4_SetCooperativeLevel(dd, hwnd, DDSCL_NORMAL);
    f = surf4(dd, 16, 0x0000AA);
    b = surf4(dd, 16, 0x00BB00);
    other = surf4(dd, 8, 0xCC0000);
    hr = IDirectDrawSurface4_AddAttachedSurface(f, b);
    printf("attach %08lx %lu\n", hr, refs(b));
    printf("attach_again %08lx\n", IDirectDrawSurface4_AddAttachedSurface(f, b));
    printf("attach_self %08lx\n", IDirectDrawSurface4_AddAttachedSurface(f, f));
    printf("attach_size %08lx\n", IDirectDrawSurface4_AddAttachedSurface(f, other));
    memset(&caps, 0, sizeof caps);
    caps.dwCaps = DDSCAPS_BACKBUFFER;
    hr = IDirectDrawSurface4_GetAttachedSurface(f, &caps, &got);
    printf("getattached %08lx %d\n", hr, got == b);
    if (got) IDirectDrawSurface4_Release(got);
    IDirectDrawSurface4_GetCaps(f, &caps);
    printf("frontcaps %lx\n", caps.dwCaps & (DDSCAPS_FLIP | DDSCAPS_FRONTBUFFER | DDSCAPS_BACKBUFFER));
    IDirectDrawSurface4_GetCaps(b, &caps);
    printf("backcaps %lx\n", caps.dwCaps & (DDSCAPS_FLIP | DDSCAPS_FRONTBUFFER | DDSCAPS_BACKBUFFER));
    hr = IDirectDrawSurface4_Flip(f, NULL, DDFLIP_WAIT);
    printf("flip %08lx %06lx %06lx\n", hr, pixel4(f), pixel4(b));
    hr = IDirectDrawSurface4_DeleteAttachedSurface(f, 0, b);
    printf("detach %08lx %lu\n", hr, refs(b));
    printf("detach_again %08lx\n", IDirectDrawSurface4_DeleteAttachedSurface(f, 0, b));
    IDirectDrawSurface4_GetCaps(f, &caps);
    printf("frontcaps_after %lx\n", caps.dwCaps & (DDSCAPS_FLIP | DDSCAPS_FRONTBUFFER | DDSCAPS_BACKBUFFER));
    printf("flip_after %08lx\n", IDirectDrawSurface4_Flip(f, NULL, DDFLIP_WAIT));
    IDirectDrawSurface4_AddAttachedSurface(f, b);
    hr = IDirectDrawSurface4_Release(f);
    printf("release_front %lu %lu\n", hr, refs(b));  /* the attachment goes with f */
    printf("done\n");
}

/* ---- the GDI surface of an exclusive flipping chain -------------------------------------------------------- */
static void test_gdi(void) {
    HWND hwnd = window_at("gdi", 0, 0, 320, 240);
    IDirectDraw7 *dd = NULL;
    IDirectDrawSurface7 *prim = NULL, *back = NULL, *g = NULL;
    IDirectDrawPalette *pal;
    PALETTEENTRY pe[256];
    DDSURFACEDESC2 sd;
    DDSCAPS2 caps;
    HRESULT hr;

    DirectDrawCreateEx(NULL, (void **)&dd, &IID_IDirectDraw7, NULL);
    printf("nogdi %08lx\n", IDirectDraw7_GetGDISurface(dd, &g));
    IDirectDraw7_SetCooperativeLevel(dd, hwnd, DDSCL_EXCLUSIVE | DDSCL_FULLSCREEN);
    IDirectDraw7_SetDisplayMode(dd, 320, 240, 8, 0, 0);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_BACKBUFFERCOUNT;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE | DDSCAPS_FLIP | DDSCAPS_COMPLEX;
    sd.dwBackBufferCount = 1;
    IDirectDraw7_CreateSurface(dd, &sd, &prim, NULL);
    memset(&pe, 0, sizeof pe);
    IDirectDraw7_CreatePalette(dd, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL);
    IDirectDrawSurface7_SetPalette(prim, pal);
    memset(&caps, 0, sizeof caps);
    caps.dwCaps = DDSCAPS_BACKBUFFER;
    IDirectDrawSurface7_GetAttachedSurface(prim, &caps, &back);
    fill7(prim, NULL, 1);
    fill7(back, NULL, 2);
    hr = IDirectDraw7_GetGDISurface(dd, &g);
    printf("gdi %08lx %d %lu\n", hr, g == prim, refs(prim));
    IDirectDrawSurface7_Release(g);
    IDirectDrawSurface7_Flip(prim, NULL, DDFLIP_WAIT);
    IDirectDraw7_GetGDISurface(dd, &g);
    printf("gdi_flipped %d %lu %lu\n", g == back, pixel7(prim, 0, 0, 8), pixel7(back, 0, 0, 8));
    IDirectDrawSurface7_Release(g);
    hr = IDirectDraw7_FlipToGDISurface(dd);
    IDirectDraw7_GetGDISurface(dd, &g);
    printf("fliptogdi %08lx %d %lu %lu\n", hr, g == prim, pixel7(prim, 0, 0, 8), pixel7(back, 0, 0, 8));
    IDirectDrawSurface7_Release(g);
    printf("detach_implicit %08lx\n", IDirectDrawSurface7_DeleteAttachedSurface(prim, 0, back));
    printf("testcoop %08lx\n", IDirectDraw7_TestCooperativeLevel(dd));
    printf("done\n");
}

int main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "";
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(what, "gamma8")) test_gamma(8);
    else if (!strcmp(what, "gamma32")) test_gamma(32);
    else if (!strcmp(what, "clip")) test_clip();
    else if (!strcmp(what, "window")) test_window();
    else if (!strcmp(what, "surfaces")) test_surfaces();
    else if (!strcmp(what, "attach")) test_attach();
    else if (!strcmp(what, "gdi")) test_gdi();
    else {
        printf("usage: ddraw_more gamma8|gamma32|clip|window|surfaces|attach|gdi\n");
        return 2;
    }
    return 0;
}
