/* DirectDraw scenes for screenshot tests: argv[1] picks one.
     flip8     320x200x8 fullscreen flipping chain, palette animation (the bars cycle colours every frame)
     blt32     640x480x32: colour fill, BltFast with a source colour key, Blt stretching and mirroring
     blt16     the same at 640x480x16 (RGB565)
     windowed  DDSCL_NORMAL: a primary with a clipper on a 320x240 window; Blt into its client area
     gditext   640x480x32: GDI text and shapes through GetDC on the back buffer, then Flip
   Each runs until the process is ended (--exit-after). Prints "ok <scene>" once the first frame is shown.
   Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o ddraw_scenes.exe ddraw_scenes.c
          -lddraw -ldxguid -lgdi32 -luser32 */
#include <windows.h>
#include <ddraw.h>
#include <stdio.h>
#include <string.h>

static HWND hwnd;
static IDirectDraw *dd;

static LRESULT CALLBACK WndProc(HWND h, UINT m, WPARAM w, LPARAM l) {
    if (m == WM_DESTROY) { PostQuitMessage(0); return 0; }
    return DefWindowProcA(h, m, w, l);
}

static void pump(void) {
    MSG msg;
    while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) {
        if (msg.message == WM_QUIT) ExitProcess(0);
        DispatchMessageA(&msg);
    }
}

static void fail(const char *what, HRESULT hr) {
    printf("FAIL %s %08lx\n", what, hr);
    fflush(stdout);
    ExitProcess(1);
}

static void make_window(DWORD style, int w, int h) {
    WNDCLASSA wc = {0};
    RECT r = {0, 0, w, h};
    wc.lpfnWndProc = WndProc;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.hbrBackground = (HBRUSH)GetStockObject(BLACK_BRUSH);
    wc.lpszClassName = "scenes";
    RegisterClassA(&wc);
    AdjustWindowRect(&r, style, FALSE);
    hwnd = CreateWindowExA(0, "scenes", "DirectDraw scene", style | WS_VISIBLE, 40, 30, r.right - r.left,
                           r.bottom - r.top, NULL, NULL, wc.hInstance, NULL);
}

static IDirectDrawSurface *create(DDSURFACEDESC *sd) {
    IDirectDrawSurface *s;
    HRESULT hr = IDirectDraw_CreateSurface(dd, sd, &s, NULL);
    if (hr) fail("CreateSurface", hr);
    return s;
}

static void chain(int w, int h, int bpp, IDirectDrawSurface **front, IDirectDrawSurface **back) {
    DDSURFACEDESC sd;
    DDSCAPS caps;
    HRESULT hr;
    make_window(WS_POPUP, w, h);
    if ((hr = DirectDrawCreate(NULL, &dd, NULL))) fail("DirectDrawCreate", hr);
    if ((hr = IDirectDraw_SetCooperativeLevel(dd, hwnd, DDSCL_EXCLUSIVE | DDSCL_FULLSCREEN))) fail("coop", hr);
    if ((hr = IDirectDraw_SetDisplayMode(dd, w, h, bpp))) fail("mode", hr);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_BACKBUFFERCOUNT;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE | DDSCAPS_FLIP | DDSCAPS_COMPLEX;
    sd.dwBackBufferCount = 1;
    *front = create(&sd);
    caps.dwCaps = DDSCAPS_BACKBUFFER;
    if ((hr = IDirectDrawSurface_GetAttachedSurface(*front, &caps, back))) fail("GetAttachedSurface", hr);
}

static void fill(IDirectDrawSurface *s, RECT *r, DWORD color) {
    DDBLTFX fx;
    HRESULT hr;
    memset(&fx, 0, sizeof fx);
    fx.dwSize = sizeof fx;
    fx.dwFillColor = color;
    if ((hr = IDirectDrawSurface_Blt(s, r, NULL, NULL, DDBLT_COLORFILL | DDBLT_WAIT, &fx))) fail("fill", hr);
}

static void flip8(void) {
    IDirectDrawSurface *front, *back;
    IDirectDrawPalette *pal;
    PALETTEENTRY pe[256];
    DDSURFACEDESC sd;
    int i, frame = 0;
    HRESULT hr;
    chain(320, 200, 8, &front, &back);
    for (i = 0; i < 256; i++) {
        pe[i].peRed = (BYTE)i;
        pe[i].peGreen = (BYTE)(255 - i);
        pe[i].peBlue = (BYTE)(i * 4);
        pe[i].peFlags = 0;
    }
    if ((hr = IDirectDraw_CreatePalette(dd, DDPCAPS_8BIT | DDPCAPS_ALLOW256, pe, &pal, NULL))) fail("palette", hr);
    IDirectDrawSurface_SetPalette(front, pal);
    /* the picture: 16 vertical bars of colour indexes 16..31, drawn once into both buffers */
    for (i = 0; i < 2; i++) {
        IDirectDrawSurface *s = i ? back : front;
        int x, y;
        memset(&sd, 0, sizeof sd);
        sd.dwSize = sizeof sd;
        if ((hr = IDirectDrawSurface_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL))) fail("Lock", hr);
        for (y = 0; y < 200; y++)
            for (x = 0; x < 320; x++)
                ((BYTE *)sd.lpSurface)[y * sd.lPitch + x] = (BYTE)(16 + x / 20);
        IDirectDrawSurface_Unlock(s, NULL);
    }
    printf("ok flip8\n");
    fflush(stdout);
    for (;;) {
        /* palette animation: entries 16..31 rotate one step per frame */
        for (i = 0; i < 16; i++) {
            int c = (i + frame) % 16;
            pe[16 + i].peRed = (BYTE)(c * 16);
            pe[16 + i].peGreen = (BYTE)(c & 1 ? 255 : 0);
            pe[16 + i].peBlue = (BYTE)(255 - c * 16);
        }
        IDirectDrawPalette_SetEntries(pal, 0, 16, 16, &pe[16]);
        IDirectDrawSurface_Flip(front, NULL, DDFLIP_WAIT);
        frame++;
        pump();
    }
}

static IDirectDrawSurface *sprite(int bpp) {
    /* a 32x32 sprite: magenta key colour with a filled circle and a diagonal line */
    DDSURFACEDESC sd;
    DDCOLORKEY key;
    IDirectDrawSurface *s;
    DWORD magenta = bpp == 16 ? 0xF81F : 0xFF00FF, white = bpp == 16 ? 0xFFFF : 0xFFFFFF;
    DWORD orange = bpp == 16 ? 0xFC00 : 0xFF8000;
    int x, y;
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_WIDTH | DDSD_HEIGHT;
    sd.ddsCaps.dwCaps = DDSCAPS_OFFSCREENPLAIN;
    sd.dwWidth = 32;
    sd.dwHeight = 32;
    s = create(&sd);
    if (IDirectDrawSurface_Lock(s, NULL, &sd, DDLOCK_WAIT, NULL)) fail("Lock sprite", 0);
    for (y = 0; y < 32; y++)
        for (x = 0; x < 32; x++) {
            DWORD c = magenta;
            if ((x - 16) * (x - 16) + (y - 16) * (y - 16) < 144) c = orange;
            if (x == y) c = white;
            if (bpp == 16) ((WORD *)((BYTE *)sd.lpSurface + y * sd.lPitch))[x] = (WORD)c;
            else ((DWORD *)((BYTE *)sd.lpSurface + y * sd.lPitch))[x] = c;
        }
    IDirectDrawSurface_Unlock(s, NULL);
    key.dwColorSpaceLowValue = key.dwColorSpaceHighValue = magenta;
    IDirectDrawSurface_SetColorKey(s, DDCKEY_SRCBLT, &key);
    return s;
}

static void blt(int bpp) {
    IDirectDrawSurface *front, *back, *spr;
    DWORD blue = bpp == 16 ? 0x001F : 0x0000FF, green = bpp == 16 ? 0x07E0 : 0x00FF00;
    RECT top = {0, 0, 640, 240}, bottom = {0, 240, 640, 480}, big = {300, 260, 428, 388}, mir;
    DDBLTFX fx;
    int i;
    chain(640, 480, bpp, &front, &back);
    spr = sprite(bpp);
    fill(back, &top, blue);
    fill(back, &bottom, green);
    for (i = 0; i < 8; i++)  /* keyed copies: the magenta corners stay transparent */
        IDirectDrawSurface_BltFast(back, 20 + i * 40, 20 + i * 20, spr, NULL,
                                   DDBLTFAST_SRCCOLORKEY | DDBLTFAST_WAIT);
    IDirectDrawSurface_Blt(back, &big, spr, NULL, DDBLT_KEYSRC | DDBLT_WAIT, NULL);  /* stretched 4x */
    memset(&fx, 0, sizeof fx);
    fx.dwSize = sizeof fx;
    fx.dwDDFX = DDBLTFX_MIRRORLEFTRIGHT;
    SetRect(&mir, 460, 260, 524, 324);
    IDirectDrawSurface_Blt(back, &mir, spr, NULL, DDBLT_KEYSRC | DDBLT_DDFX | DDBLT_WAIT, &fx);  /* mirrored 2x */
    IDirectDrawSurface_Flip(front, NULL, DDFLIP_WAIT);
    printf("ok blt%d\n", bpp);
    fflush(stdout);
    for (;;) {
        IDirectDraw_WaitForVerticalBlank(dd, DDWAITVB_BLOCKBEGIN, NULL);
        pump();
    }
}

static void windowed(void) {
    IDirectDrawSurface *primary, *off;
    IDirectDrawClipper *clip;
    DDSURFACEDESC sd;
    RECT client, r = {0, 0, 64, 64};
    POINT p = {0, 0};
    int frame = 0;
    HRESULT hr;
    make_window(WS_OVERLAPPEDWINDOW, 320, 240);
    if ((hr = DirectDrawCreate(NULL, &dd, NULL))) fail("DirectDrawCreate", hr);
    if ((hr = IDirectDraw_SetCooperativeLevel(dd, hwnd, DDSCL_NORMAL))) fail("coop", hr);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS;
    sd.ddsCaps.dwCaps = DDSCAPS_PRIMARYSURFACE;
    primary = create(&sd);
    if ((hr = IDirectDraw_CreateClipper(dd, 0, &clip, NULL))) fail("clipper", hr);
    IDirectDrawClipper_SetHWnd(clip, 0, hwnd);
    IDirectDrawSurface_SetClipper(primary, clip);
    memset(&sd, 0, sizeof sd);
    sd.dwSize = sizeof sd;
    sd.dwFlags = DDSD_CAPS | DDSD_WIDTH | DDSD_HEIGHT;
    sd.ddsCaps.dwCaps = DDSCAPS_OFFSCREENPLAIN;
    sd.dwWidth = 320;
    sd.dwHeight = 240;
    off = create(&sd);
    printf("ok windowed\n");
    fflush(stdout);
    for (;;) {
        RECT all = {0, 0, 320, 240};
        fill(off, &all, 0x202040);
        OffsetRect(&r, 0, 0);
        SetRect(&r, (frame * 4) % 256, 80, (frame * 4) % 256 + 64, 144);
        fill(off, &r, 0xFFC000);
        GetClientRect(hwnd, &client);
        p.x = p.y = 0;
        ClientToScreen(hwnd, &p);
        OffsetRect(&client, p.x, p.y);
        IDirectDrawSurface_Blt(primary, &client, off, NULL, DDBLT_WAIT, NULL);
        IDirectDraw_WaitForVerticalBlank(dd, DDWAITVB_BLOCKBEGIN, NULL);
        frame++;
        pump();
    }
}

static void gditext(void) {
    IDirectDrawSurface *front, *back;
    RECT all = {0, 0, 640, 480};
    HDC dc;
    HFONT f;
    chain(640, 480, 32, &front, &back);
    fill(back, &all, 0x000060);
    if (IDirectDrawSurface_GetDC(back, &dc)) fail("GetDC", 0);
    SetBkMode(dc, TRANSPARENT);
    SetTextColor(dc, RGB(255, 255, 0));
    f = CreateFontA(-24, 0, 0, 0, FW_BOLD, 0, 0, 0, 0, 0, 0, 0, 0, "Arial");
    SelectObject(dc, f);
    TextOutA(dc, 40, 40, "GDI text on a DirectDraw surface", 32);
    SelectObject(dc, GetStockObject(WHITE_PEN));
    SelectObject(dc, GetStockObject(NULL_BRUSH));
    Rectangle(dc, 30, 30, 610, 80);
    Ellipse(dc, 260, 200, 380, 320);
    IDirectDrawSurface_ReleaseDC(back, dc);
    IDirectDrawSurface_Flip(front, NULL, DDFLIP_WAIT);
    printf("ok gditext\n");
    fflush(stdout);
    for (;;) {
        IDirectDraw_WaitForVerticalBlank(dd, DDWAITVB_BLOCKBEGIN, NULL);
        pump();
    }
}

int main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "";
    if (!strcmp(what, "flip8")) flip8();
    else if (!strcmp(what, "blt32")) blt(32);
    else if (!strcmp(what, "blt16")) blt(16);
    else if (!strcmp(what, "windowed")) windowed();
    else if (!strcmp(what, "gditext")) gditext();
    printf("usage: ddraw_scenes flip8|blt32|blt16|windowed|gditext\n");
    return 2;
}
