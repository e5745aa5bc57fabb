/* Icons and cursors: loading from resources, files and the system set; GetIconInfo; DrawIconEx pixels;
 * creating, copying, destroying; the current cursor; a window showing every system icon and cursor.
 * Build (icon/cursor files from make_gui_icons.py):
 *   i686-w64-mingw32-windres gui_icons.rc -O coff -o /tmp/gui_icons.res
 *   i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o gui_icons.exe gui_icons.c /tmp/gui_icons.res \
 *       -lgdi32 -luser32
 * Usage: gui_icons load | draw | create | sysparams | window
 * (prints "tag k=v ..." lines; pixels are 0xRRGGBB) */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define GREY 0x808080
static HDC mdc;
static DWORD *bits;           /* 128 x 64 top-down 32-bit DIB section selected into mdc */
enum { W = 128, H = 64 };

static void clear(void)
{
    for (int i = 0; i < W * H; i++) bits[i] = GREY;
}

static unsigned px(int x, int y) { return bits[y * W + x] & 0xFFFFFF; }

static void setup(void)
{
    BITMAPINFO bi;
    memset(&bi, 0, sizeof bi);
    bi.bmiHeader.biSize = sizeof bi.bmiHeader;
    bi.bmiHeader.biWidth = W;
    bi.bmiHeader.biHeight = -H;
    bi.bmiHeader.biPlanes = 1;
    bi.bmiHeader.biBitCount = 32;
    HBITMAP dib = CreateDIBSection(NULL, &bi, DIB_RGB_COLORS, (void **)&bits, NULL, 0);
    mdc = CreateCompatibleDC(NULL);
    SelectObject(mdc, dib);
    clear();
}

/* GetIconInfo: kind, hotspot, and the sizes/depths of the bitmaps it made (deleted afterwards) */
static void info(const char *tag, HICON h)
{
    ICONINFO ii;
    BITMAP bm, bc;
    memset(&bm, 0, sizeof bm);
    memset(&bc, 0, sizeof bc);
    BOOL ok = GetIconInfo(h, &ii);
    if (!ok) {
        printf("%s ok=0 err=%lu\n", tag, GetLastError());
        return;
    }
    GetObjectA(ii.hbmMask, sizeof bm, &bm);
    if (ii.hbmColor) GetObjectA(ii.hbmColor, sizeof bc, &bc);
    printf("%s ok=1 icon=%d hx=%lu hy=%lu mw=%ld mh=%ld mbpp=%d color=%d cw=%ld ch=%ld cbpp=%d\n", tag, ii.fIcon,
           ii.xHotspot, ii.yHotspot, bm.bmWidth, bm.bmHeight, bm.bmBitsPixel, ii.hbmColor != NULL, bc.bmWidth,
           bc.bmHeight, bc.bmBitsPixel);
    DeleteObject(ii.hbmMask);
    if (ii.hbmColor) DeleteObject(ii.hbmColor);
}

/* draw at (0,0) with the given size/flags on a grey background and print the quadrant centres */
static void quad(const char *tag, HICON h, int cx, int cy, UINT flags, int n)
{
    clear();
    BOOL ok = DrawIconEx(mdc, 0, 0, h, cx, cy, 0, NULL, flags);
    int a = n / 4, b = 3 * n / 4;
    printf("%s ok=%d tl=%06x tr=%06x bl=%06x br=%06x out=%06x\n", tag, ok, px(a, a), px(b, a), px(a, b), px(b, b),
           px(n + 1, 1));
}

static void load(HINSTANCE hi)
{
    HICON i101 = LoadIconA(hi, MAKEINTRESOURCEA(101));
    HICON again = LoadIconA(hi, MAKEINTRESOURCEA(101));
    printf("load101 nonnull=%d same=%d\n", i101 != NULL, i101 == again);
    /* LR_SHARED images are shared per size: a 16x16 small icon does not stand in for LoadIcon's */
    HICON s16 = LoadImageA(hi, MAKEINTRESOURCEA(102), IMAGE_ICON, 16, 16, LR_SHARED);
    HICON s16b = LoadImageA(hi, MAKEINTRESOURCEA(102), IMAGE_ICON, 16, 16, LR_SHARED);
    HICON s32 = LoadIconA(hi, MAKEINTRESOURCEA(102));
    printf("sharedsize same16=%d differ=%d\n", s16 == s16b, s16 != s32);
    info("shared32", s32);
    info("info101", i101);
    info("info16", LoadImageA(hi, MAKEINTRESOURCEA(101), IMAGE_ICON, 16, 16, 0));
    info("info48", LoadImageA(hi, MAKEINTRESOURCEA(101), IMAGE_ICON, 48, 48, 0));
    info("info64", LoadImageA(hi, MAKEINTRESOURCEA(101), IMAGE_ICON, 64, 64, 0));
    info("infofirst", LoadImageA(hi, MAKEINTRESOURCEA(101), IMAGE_ICON, 0, 0, 0));
    info("infomono", LoadImageA(hi, MAKEINTRESOURCEA(102), IMAGE_ICON, 16, 16, 0));
    info("infoname", LoadIconA(hi, "ICONNAME"));
    info("cursor201", LoadCursorA(hi, MAKEINTRESOURCEA(201)));
    SetLastError(0);
    HICON none = LoadIconA(hi, MAKEINTRESOURCEA(999));
    printf("missing null=%d err=%lu\n", none == NULL, GetLastError());
    SetLastError(0);
    none = LoadIconA(NULL, MAKEINTRESOURCEA(999));
    printf("missingsys null=%d err=%lu\n", none == NULL, GetLastError());

    static const int icons[] = {32512, 32513, 32514, 32515, 32516, 32517};
    HICON seen[6];
    int distinct = 1;
    for (int i = 0; i < 6; i++) {
        char tag[32];
        seen[i] = LoadIconA(NULL, MAKEINTRESOURCEA(icons[i]));
        for (int j = 0; j < i; j++) if (seen[j] == seen[i]) distinct = 0;
        sprintf(tag, "idi%d", icons[i]);
        info(tag, seen[i]);
    }
    printf("idi distinct=%d wsame=%d\n", distinct, LoadIconW(NULL, (LPCWSTR)IDI_HAND) == seen[1]);
    static const int curs[] = {32512, 32513, 32514, 32515, 32516, 32642, 32643, 32644, 32645, 32646, 32648, 32649,
                               32650, 32651};
    for (int i = 0; i < 14; i++) {
        char tag[32];
        sprintf(tag, "idc%d", curs[i]);
        info(tag, LoadCursorA(NULL, MAKEINTRESOURCEA(curs[i])));
    }
    HICON small = LoadImageA(NULL, MAKEINTRESOURCEA(32515), IMAGE_ICON, 16, 16, 0);
    info("oicsmall", small);

    /* files (copied into the current folder by the test) */
    HICON f = LoadImageA(NULL, "gui_icons.ico", IMAGE_ICON, 0, 0, LR_LOADFROMFILE | LR_DEFAULTSIZE);
    info("file32", f);
    info("file16", LoadImageA(NULL, "gui_icons.ico", IMAGE_ICON, 16, 16, LR_LOADFROMFILE));
    info("filecur", LoadImageA(NULL, "gui_icons.cur", IMAGE_CURSOR, 0, 0, LR_LOADFROMFILE));
    info("curfromfile", LoadCursorFromFileA("gui_icons.cur"));
    SetLastError(0);
    HANDLE nf = LoadImageA(NULL, "nosuch.ico", IMAGE_ICON, 0, 0, LR_LOADFROMFILE);
    printf("nofile null=%d err=%lu\n", nf == NULL, GetLastError());

    /* the current cursor */
    HCURSOR arrow = LoadCursorA(NULL, (LPCSTR)IDC_ARROW);
    HCURSOR c201 = LoadCursorA(hi, MAKEINTRESOURCEA(201));
    HCURSOR first = GetCursor();
    HCURSOR prev = SetCursor(c201);
    HCURSOR now = GetCursor();
    HCURSOR prev2 = SetCursor(NULL);
    CURSORINFO ci;
    ci.cbSize = sizeof ci;
    BOOL ok = GetCursorInfo(&ci);
    printf("cursor first_arrow=%d prev_ok=%d now_ok=%d prev2_ok=%d info=%d flags=%lu hcur_null=%d\n",
           first == arrow, prev == first, now == c201, prev2 == c201, ok, ci.flags, ci.hCursor == NULL);
    SetCursor(arrow);
    ok = GetCursorInfo(&ci);
    printf("cursor2 info=%d flags=%lu is_arrow=%d\n", ok, ci.flags, ci.hCursor == arrow);
    ci.cbSize = 4;
    SetLastError(0);
    ok = GetCursorInfo(&ci);
    printf("cursorinfo_badsize ok=%d err=%lu\n", ok, GetLastError());

    /* destroying */
    HICON own = LoadImageA(hi, MAKEINTRESOURCEA(101), IMAGE_ICON, 16, 16, 0);
    BOOL d1 = DestroyIcon(own);
    SetLastError(0);
    BOOL d2 = DestroyIcon(own);
    DWORD e2 = GetLastError();
    BOOL d3 = DestroyIcon(i101); /* shared: succeeds, and the icon stays usable */
    ICONINFO ii;
    BOOL still = GetIconInfo(i101, &ii);
    printf("destroy own=%d again=%d err=%lu shared=%d still=%d\n", d1, d2, e2, d3, still);
}

static void draw(HINSTANCE hi)
{
    setup();
    HICON i101 = LoadIconA(hi, MAKEINTRESOURCEA(101));
    quad("d101", i101, 0, 0, DI_NORMAL, 32);
    HICON i16 = LoadImageA(hi, MAKEINTRESOURCEA(101), IMAGE_ICON, 16, 16, 0);
    quad("d16", i16, 0, 0, DI_NORMAL, 16);
    quad("d16x64", i16, 64, 64, DI_NORMAL, 64);
    quad("d16mask", i16, 0, 0, DI_MASK, 16);
    quad("d16image", i16, 0, 0, DI_IMAGE, 16);
    quad("d16default", i16, 0, 0, DI_NORMAL | DI_DEFAULTSIZE, 32);
    clear();
    BOOL ok = DrawIcon(mdc, 0, 0, i16);
    printf("drawicon ok=%d tr=%06x out=%06x\n", ok, px(24, 8), px(33, 1));
    quad("d48", LoadImageA(hi, MAKEINTRESOURCEA(101), IMAGE_ICON, 48, 48, 0), 0, 0, DI_NORMAL, 48);
    quad("d64png", LoadImageA(hi, MAKEINTRESOURCEA(101), IMAGE_ICON, 64, 64, 0), 0, 0, DI_NORMAL, 64);
    quad("d102", LoadIconA(hi, MAKEINTRESOURCEA(102)), 0, 0, DI_NORMAL, 32);
    quad("dmono", LoadImageA(hi, MAKEINTRESOURCEA(102), IMAGE_ICON, 16, 16, 0), 0, 0, DI_NORMAL, 16);
    HCURSOR c = LoadCursorA(hi, MAKEINTRESOURCEA(201));
    clear();
    ok = DrawIconEx(mdc, 0, 0, c, 0, 0, 0, NULL, DI_NORMAL);
    printf("dcursor ok=%d clear=%06x black=%06x white=%06x inv=%06x\n", ok, px(2, 2), px(10, 10), px(18, 10),
           px(10, 18));
    /* flicker-free brush: the rectangle is filled first */
    clear();
    HBRUSH br = CreateSolidBrush(RGB(0, 0, 255));
    ok = DrawIconEx(mdc, 0, 0, i16, 0, 0, 0, br, DI_NORMAL);
    printf("dbrush ok=%d tl=%06x tr=%06x br=%06x out=%06x\n", ok, px(4, 4), px(12, 4), px(12, 12), px(17, 1));
    /* offset, and clipping */
    clear();
    IntersectClipRect(mdc, 0, 0, 72, 64);
    ok = DrawIconEx(mdc, 64, 8, i16, 0, 0, 0, NULL, DI_NORMAL);
    printf("dclip ok=%d in=%06x clipped=%06x\n", ok, px(68, 20), px(76, 20));
    SelectClipRgn(mdc, NULL);
    /* a window origin offset (logical coordinates) */
    clear();
    SetViewportOrgEx(mdc, 10, 20, NULL);
    DrawIconEx(mdc, 0, 0, i16, 0, 0, 0, NULL, DI_NORMAL);
    SetViewportOrgEx(mdc, 0, 0, NULL);
    printf("dorg tr=%06x bl=%06x before=%06x\n", px(10 + 12, 20 + 4), px(10 + 4, 20 + 12), px(9, 20));
    SetLastError(0);
    ok = DrawIconEx(mdc, 0, 0, (HICON)0x1234, 0, 0, 0, NULL, DI_NORMAL);
    printf("dbad ok=%d err=%lu\n", ok, GetLastError());
}

static void create(HINSTANCE hi)
{
    setup();
    /* CreateIcon: 16x16, 32 bpp XOR image (blue in the right half), AND mask transparent in the top half */
    static BYTE andbits[16 * 2];
    static DWORD xorbits[16 * 16];
    for (int y = 0; y < 16; y++) {
        andbits[2 * y] = andbits[2 * y + 1] = y < 8 ? 0xFF : 0x00;
        for (int x = 0; x < 16; x++) xorbits[y * 16 + x] = x >= 8 ? 0x0000FF : 0xFFFF00;
    }
    HICON ci = CreateIcon(hi, 16, 16, 1, 32, andbits, (BYTE *)xorbits);
    info("createicon", ci);
    clear();
    DrawIconEx(mdc, 0, 0, ci, 0, 0, 0, NULL, DI_NORMAL);
    printf("createicon_px top=%06x topinv=%06x left=%06x right=%06x\n", px(2, 2), px(12, 2), px(2, 12), px(12, 12));

    /* CreateCursor: mono 16x16, hotspot (3, 4); black left half, white right half, bottom half inverting */
    static BYTE cand[16 * 2], cxor[16 * 2];
    for (int y = 0; y < 16; y++) {
        cand[2 * y] = cand[2 * y + 1] = y < 8 ? 0x00 : 0xFF;
        cxor[2 * y] = 0x00;
        cxor[2 * y + 1] = 0xFF;
    }
    HCURSOR cc = CreateCursor(hi, 3, 4, 16, 16, cand, cxor);
    info("createcursor", cc);
    clear();
    DrawIconEx(mdc, 0, 0, cc, 0, 0, 0, NULL, DI_NORMAL);
    printf("createcursor_px black=%06x white=%06x clear=%06x inv=%06x\n", px(2, 2), px(12, 2), px(2, 12),
           px(12, 12));

    /* CreateIconIndirect from a 32-bit DIB section with alpha and no useful mask */
    BITMAPINFO bi;
    memset(&bi, 0, sizeof bi);
    bi.bmiHeader.biSize = sizeof bi.bmiHeader;
    bi.bmiHeader.biWidth = 8;
    bi.bmiHeader.biHeight = -8;
    bi.bmiHeader.biPlanes = 1;
    bi.bmiHeader.biBitCount = 32;
    DWORD *cb;
    HBITMAP color = CreateDIBSection(NULL, &bi, DIB_RGB_COLORS, (void **)&cb, NULL, 0);
    for (int i = 0; i < 64; i++) cb[i] = (i % 8) < 4 ? 0xFFFF0000 : 0x00000000; /* left: opaque red */
    HBITMAP mask = CreateBitmap(8, 8, 1, 1, NULL);
    ICONINFO ii = {TRUE, 0, 0, mask, color};
    HICON ind = CreateIconIndirect(&ii);
    info("indirect", ind);
    clear();
    DrawIconEx(mdc, 0, 0, ind, 0, 0, 0, NULL, DI_NORMAL);
    printf("indirect_px left=%06x right=%06x\n", px(1, 1), px(6, 1));
    ICONINFO ic2 = {FALSE, 2, 3, mask, color};
    info("indirectcur", CreateIconIndirect(&ic2));

    /* copies */
    HICON i101 = LoadIconA(hi, MAKEINTRESOURCEA(101));
    HICON cp = CopyIcon(i101);
    printf("copyicon new=%d destroy=%d\n", cp != NULL && cp != i101, DestroyIcon(cp));
    HICON big = CopyImage(i101, IMAGE_ICON, 64, 64, 0);
    info("copyimage64", big);
    HICON fromres = CopyImage(i101, IMAGE_ICON, 16, 16, LR_COPYFROMRESOURCE);
    info("copyfromres16", fromres);
    quad("copyfromres16_px", fromres, 0, 0, DI_NORMAL, 16);
    printf("copyreturnorg same=%d\n", CopyImage(i101, IMAGE_ICON, 0, 0, LR_COPYRETURNORG) == i101);

    /* the group directory, LookupIconIdFromDirectoryEx and CreateIconFromResourceEx */
    HRSRC r = FindResourceA(hi, MAKEINTRESOURCEA(101), (LPCSTR)RT_GROUP_ICON);
    BYTE *dir = LockResource(LoadResource(hi, r));
    int id16 = LookupIconIdFromDirectoryEx(dir, TRUE, 16, 16, 0);
    int id32 = LookupIconIdFromDirectoryEx(dir, TRUE, 32, 32, 0);
    int id48 = LookupIconIdFromDirectoryEx(dir, TRUE, 48, 48, 0);
    int iddef = LookupIconIdFromDirectory(dir, TRUE);
    int idmono = LookupIconIdFromDirectoryEx(dir, TRUE, 32, 32, LR_MONOCHROME);
    int idcur = LookupIconIdFromDirectoryEx(dir, FALSE, 32, 32, 0);
    printf("lookup id16=%d id32=%d id48=%d iddef=%d idmono=%d idcur=%d\n", id16, id32, id48, iddef, idmono, idcur);
    HRSRC r16 = FindResourceA(hi, MAKEINTRESOURCEA(id16), (LPCSTR)RT_ICON);
    BYTE *bits16 = LockResource(LoadResource(hi, r16));
    HICON fr = CreateIconFromResourceEx(bits16, SizeofResource(hi, r16), TRUE, 0x00030000, 0, 0, 0);
    info("fromres", fr);
    quad("fromres_px", fr, 0, 0, DI_NORMAL, 16);
    info("fromresdef", CreateIconFromResource(bits16, SizeofResource(hi, r16), TRUE, 0x00030000));
    SetLastError(0);
    HICON bad = CreateIconFromResourceEx(bits16, SizeofResource(hi, r16), TRUE, 0x00010000, 0, 0, 0);
    printf("fromres_badver null=%d\n", bad == NULL);
    HRSRC rc = FindResourceA(hi, MAKEINTRESOURCEA(201), (LPCSTR)RT_GROUP_CURSOR);
    BYTE *cdir = LockResource(LoadResource(hi, rc));
    int cid = LookupIconIdFromDirectoryEx(cdir, FALSE, 32, 32, 0);
    HRSRC rcur = FindResourceA(hi, MAKEINTRESOURCEA(cid), (LPCSTR)RT_CURSOR);
    HCURSOR frc = CreateIconFromResourceEx(LockResource(LoadResource(hi, rcur)), SizeofResource(hi, rcur), FALSE,
                                           0x00030000, 0, 0, 0);
    info("fromrescur", frc);
    ICONINFOEXA ix;
    memset(&ix, 0, sizeof ix);
    ix.cbSize = sizeof ix;
    BOOL ok = GetIconInfoExA(i101, &ix);
    const char *base = strrchr(ix.szModName, '\\');
    printf("infoex ok=%d size=%lu resid=%d mod=[%s] resname=[%s]\n", ok, ix.cbSize, ix.wResID,
           base ? base + 1 : ix.szModName, ix.szResName);
    DeleteObject(ix.hbmMask);
    DeleteObject(ix.hbmColor);
    memset(&ix, 0, sizeof ix);
    ix.cbSize = sizeof ix;
    ok = GetIconInfoExA(LoadIconA(hi, "ICONNAME"), &ix);
    printf("infoexname ok=%d resid=%d resname=[%s]\n", ok, ix.wResID, ix.szResName);
}

/* ---- a window with every system icon and cursor ---- */
static const int sys_icons[] = {32512, 32513, 32514, 32515, 32516, 32517};
static const int sys_cursors[] = {32512, 32513, 32514, 32515, 32516, 32642, 32643, 32644, 32645, 32646, 32648,
                                  32649, 32650, 32651};
static HINSTANCE g_hi;

static LRESULT CALLBACK wndproc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_PAINT) {
        PAINTSTRUCT ps;
        HDC dc = BeginPaint(hwnd, &ps);
        for (int i = 0; i < 6; i++) DrawIcon(dc, 8 + 40 * i, 8, LoadIconA(NULL, MAKEINTRESOURCEA(sys_icons[i])));
        for (int i = 0; i < 6; i++)
            DrawIconEx(dc, 8 + 40 * i + 8, 48, LoadIconA(NULL, MAKEINTRESOURCEA(sys_icons[i])), 16, 16, 0, NULL,
                       DI_NORMAL);
        for (int i = 0; i < 14; i++)
            DrawIcon(dc, 8 + 40 * (i % 7), 72 + 40 * (i / 7), LoadCursorA(NULL, MAKEINTRESOURCEA(sys_cursors[i])));
        DrawIcon(dc, 248, 8, LoadIconA(g_hi, MAKEINTRESOURCEA(101)));
        DrawIcon(dc, 248, 72, LoadCursorA(g_hi, MAKEINTRESOURCEA(201)));
        EndPaint(hwnd, &ps);
        return 0;
    }
    if (msg == WM_DESTROY) {
        PostQuitMessage(0);
        return 0;
    }
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static int window(HINSTANCE hi)
{
    g_hi = hi;
    WNDCLASSA wc;
    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = wndproc;
    wc.hInstance = hi;
    wc.hIcon = LoadIconA(hi, MAKEINTRESOURCEA(101));
    wc.hCursor = LoadCursorA(NULL, (LPCSTR)IDC_ARROW);
    wc.hbrBackground = (HBRUSH)(COLOR_BTNFACE + 1);
    wc.lpszClassName = "IconsWnd";
    RegisterClassA(&wc);
    HWND w = CreateWindowA("IconsWnd", "Icons", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 20, 20, 310, 220, NULL, NULL, hi,
                           NULL);
    UpdateWindow(w);
    printf("window created=%d\n", w != NULL);
    fflush(stdout);
    MSG msg;
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
    return 0;
}

/* ---- SystemParametersInfo, MessageBeep, GetDialogBaseUnits, monitors ---- */
static BOOL CALLBACK mon_proc(HMONITOR hm, HDC dc, LPRECT r, LPARAM lp)
{
    printf("enummon hm_ok=%d dc=%d rect=%ld,%ld,%ld,%ld data=%ld\n", hm == (HMONITOR)lp, dc != NULL, r->left, r->top,
           r->right, r->bottom, (long)lp);
    return TRUE;
}

static void sysparams(void)
{
    RECT wa;
    BOOL ok = SystemParametersInfoA(SPI_GETWORKAREA, 0, &wa, 0);
    printf("workarea ok=%d rect=%ld,%ld,%ld,%ld\n", ok, wa.left, wa.top, wa.right, wa.bottom);
    NONCLIENTMETRICSA ncm;
    memset(&ncm, 0, sizeof ncm);
    ncm.cbSize = sizeof ncm;
    ok = SystemParametersInfoA(SPI_GETNONCLIENTMETRICS, sizeof ncm, &ncm, 0);
    printf("ncm ok=%d size=%u border=%d scrollw=%d scrollh=%d capw=%d caph=%d smcaph=%d menuh=%d "
           "capface=[%s] capweight=%ld capheight=%ld menuface=[%s] menuweight=%ld msgheight=%ld\n",
           ok, (unsigned)sizeof ncm, ncm.iBorderWidth, ncm.iScrollWidth, ncm.iScrollHeight, ncm.iCaptionWidth,
           ncm.iCaptionHeight, ncm.iSmCaptionHeight, ncm.iMenuHeight, ncm.lfCaptionFont.lfFaceName,
           ncm.lfCaptionFont.lfWeight, ncm.lfCaptionFont.lfHeight, ncm.lfMenuFont.lfFaceName,
           ncm.lfMenuFont.lfWeight, ncm.lfMessageFont.lfHeight);
    NONCLIENTMETRICSW ncmw;
    memset(&ncmw, 0, sizeof ncmw);
    ncmw.cbSize = sizeof ncmw;
    ok = SystemParametersInfoW(SPI_GETNONCLIENTMETRICS, sizeof ncmw, &ncmw, 0);
    printf("ncmw ok=%d size=%u statusface_ok=%d weight=%ld\n", ok, (unsigned)sizeof ncmw,
           !lstrcmpW(ncmw.lfStatusFont.lfFaceName, L"MS Sans Serif"), ncmw.lfSmCaptionFont.lfWeight);
    ncm.cbSize = 12;
    SetLastError(0);
    ok = SystemParametersInfoA(SPI_GETNONCLIENTMETRICS, 12, &ncm, 0);
    printf("ncmbad ok=%d err=%lu\n", ok, GetLastError());
    LOGFONTA lf;
    ok = SystemParametersInfoA(SPI_GETICONTITLELOGFONT, sizeof lf, &lf, 0);
    printf("iconfont ok=%d face=[%s] height=%ld weight=%ld\n", ok, lf.lfFaceName, lf.lfHeight, lf.lfWeight);
    BOOL b = 7;
    ok = SystemParametersInfoA(SPI_GETSCREENSAVEACTIVE, 0, &b, 0);
    printf("ssactive ok=%d val=%d\n", ok, b);
    ok = SystemParametersInfoA(SPI_SETSCREENSAVEACTIVE, TRUE, NULL, 0);
    SystemParametersInfoA(SPI_GETSCREENSAVEACTIVE, 0, &b, 0);
    printf("ssactive_set ok=%d val=%d\n", ok, b);
    int kd = -1, ks = -1;
    DWORD speed = 0;
    SystemParametersInfoA(SPI_GETKEYBOARDDELAY, 0, &kd, 0);
    SystemParametersInfoA(SPI_GETKEYBOARDSPEED, 0, &speed, 0);
    SystemParametersInfoA(SPI_SETKEYBOARDSPEED, 20, NULL, 0);
    SystemParametersInfoA(SPI_GETKEYBOARDSPEED, 0, &ks, 0);
    printf("keyboard delay=%d speed=%lu speed_after=%d\n", kd, speed, ks);
    int mouse[3] = {-1, -1, -1};
    SystemParametersInfoA(SPI_GETMOUSE, 0, mouse, 0);
    int ms = 0;
    SystemParametersInfoA(SPI_GETMOUSESPEED, 0, &ms, 0);
    printf("mouse t1=%d t2=%d accel=%d speed=%d\n", mouse[0], mouse[1], mouse[2], ms);
    BOOL smooth = 7, drag = 7, grad = 7, cues = 7;
    SystemParametersInfoA(SPI_GETFONTSMOOTHING, 0, &smooth, 0);
    SystemParametersInfoA(SPI_GETDRAGFULLWINDOWS, 0, &drag, 0);
    SystemParametersInfoA(SPI_GETGRADIENTCAPTIONS, 0, &grad, 0);
    SystemParametersInfoA(SPI_GETKEYBOARDCUES, 0, &cues, 0);
    printf("flags smoothing=%d dragfull=%d gradient=%d cues=%d\n", smooth, drag, grad, cues);
    SetLastError(0);
    ok = SystemParametersInfoA(SPI_SETGRADIENTCAPTIONS, 0, (PVOID)TRUE, 0);
    printf("setgradient ok=%d err=%lu\n", ok, GetLastError());
    HIGHCONTRASTA hc;
    hc.cbSize = sizeof hc;
    hc.dwFlags = 0xFFFF;
    ok = SystemParametersInfoA(SPI_GETHIGHCONTRAST, sizeof hc, &hc, 0);
    printf("highcontrast ok=%d on=%d\n", ok, (hc.dwFlags & HCF_HIGHCONTRASTON) != 0);
    STICKYKEYS sk = {sizeof sk, 0};
    ok = SystemParametersInfoA(SPI_GETSTICKYKEYS, sizeof sk, &sk, 0);
    DWORD saved = sk.dwFlags;
    sk.dwFlags &= ~(SKF_HOTKEYACTIVE | SKF_CONFIRMHOTKEY);
    BOOL ok2 = SystemParametersInfoA(SPI_SETSTICKYKEYS, sizeof sk, &sk, 0);
    sk.dwFlags = 0;
    SystemParametersInfoA(SPI_GETSTICKYKEYS, sizeof sk, &sk, 0);
    printf("stickykeys ok=%d avail=%d set=%d hotkey_now=%d\n", ok, (saved & SKF_AVAILABLE) != 0, ok2,
           (sk.dwFlags & SKF_HOTKEYACTIVE) != 0);
    SetLastError(0);
    ok = SystemParametersInfoA(0x7777, 0, &b, 0);
    printf("unknown ok=%d err=%lu\n", ok, GetLastError());
    printf("beep ok=%d ok2=%d\n", MessageBeep(MB_ICONHAND), MessageBeep(0xFFFFFFFF));
    LONG du = GetDialogBaseUnits();
    printf("dlgunits x=%d y=%d\n", LOWORD(du), HIWORD(du));
    /* monitors */
    RECT on = {10, 10, 20, 20}, off = {5000, 5000, 5100, 5100};
    HMONITOR hm = MonitorFromRect(&on, MONITOR_DEFAULTTONULL);
    HMONITOR hoff = MonitorFromRect(&off, MONITOR_DEFAULTTONULL);
    HMONITOR hnear = MonitorFromRect(&off, MONITOR_DEFAULTTONEAREST);
    POINT pt = {5, 5};
    HMONITOR hp = MonitorFromPoint(pt, MONITOR_DEFAULTTONULL);
    printf("monitor on=%d off_null=%d near_same=%d point_same=%d\n", hm != NULL, hoff == NULL, hnear == hm, hp == hm);
    MONITORINFOEXA mi;
    memset(&mi, 0, sizeof mi);
    mi.cbSize = sizeof mi;
    ok = GetMonitorInfoA(hm, (LPMONITORINFO)&mi);
    printf("moninfo ok=%d mon=%ld,%ld,%ld,%ld work=%ld,%ld,%ld,%ld primary=%lu dev=[%s]\n", ok, mi.rcMonitor.left,
           mi.rcMonitor.top, mi.rcMonitor.right, mi.rcMonitor.bottom, mi.rcWork.left, mi.rcWork.top, mi.rcWork.right,
           mi.rcWork.bottom, mi.dwFlags & MONITORINFOF_PRIMARY, mi.szDevice);
    MONITORINFO mw;
    mw.cbSize = sizeof mw;
    ok = GetMonitorInfoW(hm, &mw);
    printf("moninfow ok=%d right=%ld\n", ok, mw.rcMonitor.right);
    RECT clip = {100, 50, 10000, 10000};
    EnumDisplayMonitors(NULL, &clip, mon_proc, (LPARAM)hm);
    RECT nwa = {0, 0, 640, 400};
    ok = SystemParametersInfoA(SPI_SETWORKAREA, 0, &nwa, 0);
    SystemParametersInfoA(SPI_GETWORKAREA, 0, &wa, 0);
    GetMonitorInfoA(hm, (LPMONITORINFO)&mi);
    printf("setworkarea ok=%d rect=%ld,%ld,%ld,%ld monwork_bottom=%ld\n", ok, wa.left, wa.top, wa.right, wa.bottom,
           mi.rcWork.bottom);
}

int main(int argc, char **argv)
{
    HINSTANCE hi = GetModuleHandleA(NULL);
    const char *mode = argc > 1 ? argv[1] : "load";
    if (!strcmp(mode, "load")) load(hi);
    else if (!strcmp(mode, "draw")) draw(hi);
    else if (!strcmp(mode, "create")) create(hi);
    else if (!strcmp(mode, "sysparams")) sysparams();
    else if (!strcmp(mode, "window")) return window(hi);
    else return 2;
    return 0;
}
