/* GDI drawing primitives, pens/brushes, ROP2, regions and clipping, user32 rectangle helpers, system colours,
 * DrawEdge/DrawFocusRect/DrawFrameControl -- drawn into a 32-bit top-down DIB section and read back with
 * GetPixel and through the section's bits.
 * Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o gdi_draw.exe gdi_draw.c -lgdi32 -luser32
 * Output: one "tag k=v k=v ..." line per check group; colours are COLORREF hex (0xBBGGRR). */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define W 200
#define H 150
#define WHITE 0xFFFFFF
static HDC dc;
static DWORD *bits;

static void clear(DWORD px) { int i; for (i = 0; i < W * H; i++) bits[i] = px; }  /* px is 0x00RRGGBB */
static unsigned px(int x, int y) { return (unsigned)GetPixel(dc, x, y); }
static void sel(HGDIOBJ o) { SelectObject(dc, o); }
static void line(int x0, int y0, int x1, int y1) { MoveToEx(dc, x0, y0, NULL); LineTo(dc, x1, y1); }

static void shapes(void)
{
    HBRUSH red = CreateSolidBrush(RGB(255, 0, 0)), blue = CreateSolidBrush(RGB(0, 0, 255));
    clear(0xFFFFFF);
    sel(GetStockObject(BLACK_PEN));
    sel(red);
    Rectangle(dc, 10, 10, 20, 20);
    printf("rect corner=%06x last=%06x right=%06x bottom=%06x inside=%06x outside=%06x\n",
           px(10, 10), px(19, 19), px(20, 15), px(15, 20), px(15, 15), px(21, 21));
    sel(GetStockObject(NULL_PEN));
    sel(blue);
    Rectangle(dc, 30, 10, 40, 20);
    printf("nullpen first=%06x lastin=%06x col39=%06x row19=%06x\n", px(30, 10), px(38, 18), px(39, 15), px(35, 19));
    sel(GetStockObject(BLACK_PEN));
    sel(GetStockObject(NULL_BRUSH));
    Rectangle(dc, 50, 10, 60, 20);
    printf("hollow edge=%06x inside=%06x\n", px(50, 15), px(55, 15));
    sel(red);
    Ellipse(dc, 70, 10, 90, 30);
    printf("ellipse center=%06x corner=%06x left=%06x right=%06x top=%06x bottom=%06x beyond=%06x\n",
           px(80, 20), px(70, 10), px(70, 20), px(89, 20), px(80, 10), px(80, 29), px(90, 20));
    RoundRect(dc, 100, 10, 130, 30, 10, 10);
    printf("roundrect corner=%06x edge=%06x inside=%06x\n", px(100, 10), px(115, 10), px(115, 20));
    /* quarter pie: from 3 o'clock counter-clockwise to 12 o'clock */
    Pie(dc, 140, 10, 180, 50, 180, 30, 160, 10);
    printf("pie q1=%06x q2=%06x q3=%06x q4=%06x\n", px(168, 22), px(152, 22), px(152, 38), px(168, 38));
    Chord(dc, 140, 60, 180, 100, 180, 80, 140, 80);  /* upper half */
    printf("chord top=%06x bottom=%06x\n", px(160, 70), px(160, 90));
    SetArcDirection(dc, AD_CLOCKWISE);
    Pie(dc, 140, 100, 180, 140, 180, 120, 160, 100);  /* clockwise: three quarters */
    printf("pie_cw q1=%06x q2=%06x q3=%06x q4=%06x dir=%d\n", px(168, 112), px(152, 112), px(152, 128),
           px(168, 128), GetArcDirection(dc));
    SetArcDirection(dc, AD_COUNTERCLOCKWISE);
    clear(0xFFFFFF);
    Arc(dc, 10, 10, 50, 50, 50, 30, 10, 30);  /* upper half of the outline only */
    printf("arc top=%06x bottom=%06x inside=%06x\n", px(30, 10), px(30, 49), px(30, 20));
    DeleteObject(red);
    DeleteObject(blue);
}

static void lines(void)
{
    HPEN dot, wide, frame;
    HBRUSH green = CreateSolidBrush(RGB(0, 255, 0));
    POINT pl[3] = {{10, 60}, {20, 60}, {20, 70}};
    clear(0xFFFFFF);
    sel(GetStockObject(BLACK_PEN));
    line(0, 30, 10, 30);
    printf("hline first=%06x last=%06x end=%06x\n", px(0, 30), px(9, 30), px(10, 30));
    line(0, 40, 5, 45);
    printf("diag p4=%06x end=%06x\n", px(4, 44), px(5, 45));
    line(30, 40, 30, 35);
    printf("vline up first=%06x last=%06x end=%06x\n", px(30, 40), px(30, 36), px(30, 35));
    {
        POINT cur;
        GetCurrentPositionEx(dc, &cur);
        printf("pos x=%ld y=%ld\n", cur.x, cur.y);
    }
    Polyline(dc, pl, 3);
    printf("polyline corner=%06x end=%06x before=%06x\n", px(20, 60), px(20, 70), px(20, 69));
    dot = CreatePen(PS_DOT, 1, RGB(0, 0, 255));
    sel(dot);
    SetBkColor(dc, RGB(255, 255, 0));
    line(40, 50, 60, 50);
    printf("dot opaque p0=%06x p2=%06x p3=%06x p5=%06x p6=%06x\n", px(40, 50), px(42, 50), px(43, 50), px(45, 50),
           px(46, 50));
    SetBkMode(dc, TRANSPARENT);
    line(40, 52, 60, 52);
    printf("dot transparent p0=%06x p3=%06x\n", px(40, 52), px(43, 52));
    SetBkMode(dc, OPAQUE);
    SetBkColor(dc, RGB(255, 255, 255));
    wide = CreatePen(PS_SOLID, 5, RGB(255, 0, 0));
    sel(wide);
    line(70, 100, 100, 100);
    printf("wide above=%06x top=%06x mid=%06x bottom=%06x below=%06x\n", px(85, 97), px(85, 98), px(85, 100),
           px(85, 102), px(85, 103));
    frame = CreatePen(PS_INSIDEFRAME, 4, RGB(0, 0, 255));
    sel(frame);
    sel(green);
    Rectangle(dc, 110, 60, 140, 90);
    printf("insideframe outer=%06x inner=%06x fill=%06x outside=%06x last=%06x\n", px(110, 60), px(113, 63),
           px(114, 64), px(109, 60), px(139, 89));
    sel(GetStockObject(BLACK_PEN));
    sel(GetStockObject(WHITE_BRUSH));
    DeleteObject(dot);
    DeleteObject(wide);
    DeleteObject(frame);
    DeleteObject(green);
}

static void rop2(void)
{
    /* every binary raster operation: pen 0x0F0FF0 over destination 0x00F0F0 (as COLORREFs) */
    int r;
    HPEN pen = CreatePen(PS_SOLID, 1, 0x0F0FF0);
    unsigned P = 0x0F0FF0, D = 0x00F0F0, got, want;
    int bad = 0;
    clear(0xF0F000);  /* pixel 0x00RRGGBB of COLORREF 0x00F0F0 */
    sel(pen);
    for (r = 1; r <= 16; r++) {
        SetROP2(dc, r);
        line(r * 2, 120, r * 2 + 1, 120);
        got = px(r * 2, 120);
        switch (r) {
        case R2_BLACK: want = 0; break;
        case R2_NOTMERGEPEN: want = ~(P | D); break;
        case R2_MASKNOTPEN: want = ~P & D; break;
        case R2_NOTCOPYPEN: want = ~P; break;
        case R2_MASKPENNOT: want = P & ~D; break;
        case R2_NOT: want = ~D; break;
        case R2_XORPEN: want = P ^ D; break;
        case R2_NOTMASKPEN: want = ~(P & D); break;
        case R2_MASKPEN: want = P & D; break;
        case R2_NOTXORPEN: want = ~(P ^ D); break;
        case R2_NOP: want = D; break;
        case R2_MERGENOTPEN: want = ~P | D; break;
        case R2_COPYPEN: want = P; break;
        case R2_MERGEPENNOT: want = P | ~D; break;
        case R2_MERGEPEN: want = P | D; break;
        default: want = 0xFFFFFF; break;
        }
        want &= 0xFFFFFF;
        if (got != want) { printf("rop2 mismatch r=%d got=%06x want=%06x\n", r, got, want); bad++; }
    }
    printf("rop2 checked=16 bad=%d\n", bad);
    /* XOR twice restores; brush fills obey ROP2 too */
    SetROP2(dc, R2_XORPEN);
    sel(GetStockObject(WHITE_PEN));
    line(0, 130, 50, 130);
    got = px(10, 130);
    line(0, 130, 50, 130);
    printf("xor once=%06x twice=%06x\n", got, px(10, 130));
    sel(GetStockObject(NULL_PEN));
    sel(GetStockObject(WHITE_BRUSH));
    Rectangle(dc, 60, 125, 70, 135);
    got = px(62, 127);
    Rectangle(dc, 60, 125, 70, 135);
    printf("xorfill once=%06x twice=%06x\n", got, px(62, 127));
    SetROP2(dc, R2_COPYPEN);
    printf("getrop2 value=%d\n", GetROP2(dc));
    sel(GetStockObject(BLACK_PEN));
    DeleteObject(pen);
}

static void polygons(void)
{
    /* a five-pointed star: the centre is outside with ALTERNATE, inside with WINDING */
    POINT star[5] = {{30, 10}, {45, 60}, {5, 28}, {55, 28}, {15, 60}};
    POINT tri[3] = {{70, 10}, {90, 10}, {70, 30}};
    POINT two[6] = {{100, 10}, {110, 10}, {110, 20}, {120, 10}, {130, 10}, {130, 20}};
    INT counts[2] = {3, 3};
    HBRUSH g = CreateSolidBrush(RGB(0, 255, 0));
    clear(0xFFFFFF);
    sel(g);
    sel(GetStockObject(NULL_PEN));
    SetPolyFillMode(dc, ALTERNATE);
    Polygon(dc, star, 5);
    printf("star alternate center=%06x arm=%06x\n", px(30, 34), px(30, 20));
    OffsetViewportOrgEx(dc, 60, 60, NULL);
    SetPolyFillMode(dc, WINDING);
    Polygon(dc, star, 5);
    printf("star winding center=%06x arm=%06x mode=%d\n", px(30, 34), px(30, 20), GetPolyFillMode(dc));
    SetViewportOrgEx(dc, 0, 0, NULL);
    sel(GetStockObject(BLACK_PEN));
    Polygon(dc, tri, 3);
    printf("triangle v0=%06x v1=%06x v2=%06x inside=%06x outside=%06x\n", px(70, 10), px(90, 10), px(70, 30),
           px(74, 14), px(85, 25));
    PolyPolygon(dc, two, counts, 2);
    printf("polypolygon a=%06x b=%06x gap=%06x\n", px(108, 12), px(128, 12), px(115, 15));
    sel(GetStockObject(WHITE_BRUSH));
    DeleteObject(g);
}

static void brushes(void)
{
    HBRUSH hatch = CreateHatchBrush(HS_HORIZONTAL, RGB(255, 0, 0));
    HBRUSH cross = CreateHatchBrush(HS_CROSS, RGB(0, 0, 255));
    RECT r;
    /* a 2x2 DIB pattern: red green / blue white */
    struct { BITMAPINFOHEADER h; DWORD px[4]; } dib;
    HBRUSH pat;
    LOGBRUSH lb;
    HBRUSH ind;
    clear(0x808080);
    SetRect(&r, 0, 0, 16, 16);
    SetBkColor(dc, RGB(255, 255, 0));
    FillRect(dc, &r, hatch);
    printf("hatch opaque line=%06x gap=%06x line2=%06x\n", px(5, 3), px(5, 4), px(5, 11));
    SetBkMode(dc, TRANSPARENT);
    SetRect(&r, 20, 0, 36, 16);
    FillRect(dc, &r, cross);
    printf("hatch transparent hline=%06x vline=%06x gap=%06x\n", px(21, 3), px(24, 1), px(21, 1));
    SetBkMode(dc, OPAQUE);
    SetBkColor(dc, RGB(255, 255, 255));
    memset(&dib, 0, sizeof dib);
    dib.h.biSize = sizeof dib.h;
    dib.h.biWidth = 2;
    dib.h.biHeight = -2;  /* top-down */
    dib.h.biPlanes = 1;
    dib.h.biBitCount = 32;
    dib.px[0] = 0xFF0000; dib.px[1] = 0x00FF00; dib.px[2] = 0x0000FF; dib.px[3] = 0xFFFFFF;
    pat = CreateDIBPatternBrushPt(&dib, DIB_RGB_COLORS);
    SetRect(&r, 40, 0, 48, 8);
    FillRect(dc, &r, pat);
    printf("dibpattern p00=%06x p10=%06x p01=%06x p11=%06x p20=%06x p33=%06x\n", px(40, 0), px(41, 0), px(40, 1),
           px(41, 1), px(42, 0), px(43, 3));
    SetBrushOrgEx(dc, 1, 0, NULL);
    SetRect(&r, 50, 0, 58, 8);
    FillRect(dc, &r, pat);
    printf("brushorg p00=%06x p10=%06x\n", px(50, 0), px(51, 0));
    SetBrushOrgEx(dc, 0, 0, NULL);
    lb.lbStyle = BS_HATCHED;
    lb.lbColor = RGB(0, 0, 0);
    lb.lbHatch = HS_VERTICAL;
    ind = CreateBrushIndirect(&lb);
    SetRect(&r, 60, 0, 68, 8);
    FillRect(dc, &r, ind);
    printf("indirect vline=%06x gap=%06x type=%lu\n", px(60, 2), px(61, 2), GetObjectType(ind));
    printf("badhatch ptr=%p\n", (void *)CreateHatchBrush(9, 0));
    DeleteObject(hatch);
    DeleteObject(cross);
    DeleteObject(pat);
    DeleteObject(ind);
}

static void pixels(void)
{
    HBRUSH blue = CreateSolidBrush(RGB(0, 0, 255));
    HPEN blk = GetStockObject(BLACK_PEN);
    unsigned k, k2;
    clear(0xFFFFFF);
    /* (printf evaluates its arguments in no fixed order: calls with effects come first) */
    k = (unsigned)SetPixel(dc, 5, 6, RGB(1, 2, 3));
    printf("setpixel ret=%06x get=%06x bits=%06lx\n", k, px(5, 6), bits[6 * W + 5]);
    k = SetPixelV(dc, 7, 7, RGB(9, 9, 9));
    k2 = (unsigned)SetPixel(dc, -1, 0, 0);
    printf("setpixelv ret=%u get=%06x outside=%08x outside_set=%08x\n", k, px(7, 7), px(W, 0), k2);
    /* flood fill: a closed frame filled from inside, border mode and surface mode */
    sel(blk);
    sel(GetStockObject(NULL_BRUSH));
    Rectangle(dc, 20, 20, 40, 40);
    sel(blue);
    k = FloodFill(dc, 30, 30, RGB(0, 0, 0));
    printf("floodfill ret=%u inside=%06x border=%06x outside=%06x\n", k, px(21, 21), px(20, 20), px(45, 45));
    k = ExtFloodFill(dc, 45, 45, RGB(255, 255, 255), FLOODFILLSURFACE);
    k2 = ExtFloodFill(dc, 20, 20, RGB(0, 0, 0), FLOODFILLBORDER);
    printf("floodsurface ret=%u outside=%06x inside=%06x start_on_border=%u\n", k, px(45, 45), px(30, 30), k2);
    sel(GetStockObject(WHITE_BRUSH));
    DeleteObject(blue);
}

static void mapping(void)
{
    SIZE s;
    POINT p = {10, 10};
    clear(0xFFFFFF);
    sel(GetStockObject(BLACK_BRUSH));
    SetMapMode(dc, MM_ANISOTROPIC);
    SetWindowExtEx(dc, 100, 100, NULL);
    SetViewportExtEx(dc, 200, 300, &s);
    Rectangle(dc, 0, 0, 10, 10);
    LPtoDP(dc, &p, 1);
    SetMapMode(dc, MM_TEXT);
    printf("aniso lptodp=%ld,%ld last=%06x beyondx=%06x beyondy=%06x\n", p.x, p.y, px(19, 29), px(20, 10),
           px(10, 30));
    /* a y-up mapping: logical (0..10, 0..-10) lands at device (0..10, 0..10) */
    SetMapMode(dc, MM_ANISOTROPIC);
    SetWindowExtEx(dc, 1, 1, NULL);
    SetViewportExtEx(dc, 1, -1, NULL);
    SetViewportOrgEx(dc, 50, 50, NULL);
    Rectangle(dc, 0, 0, 10, 10);  /* device box (50, 40)-(60, 50): pixels 50..59, 40..49 */
    SetMapMode(dc, MM_TEXT);
    SetViewportOrgEx(dc, 0, 0, NULL);
    printf("yup top=%06x bottom=%06x above=%06x below=%06x\n", px(55, 40), px(55, 49), px(55, 39), px(55, 50));
    sel(GetStockObject(WHITE_BRUSH));
}

static void regions(void)
{
    HRGN a = CreateRectRgn(0, 0, 10, 10), b = CreateRectRgn(5, 5, 15, 15), d = CreateRectRgn(0, 0, 0, 0);
    HRGN e = CreateEllipticRgn(0, 0, 20, 20), c;
    RECT r;
    POINT tri[3] = {{0, 0}, {10, 0}, {0, 10}};
    char buf[256];
    RGNDATA *rd = (RGNDATA *)buf;
    int k;
    k = CombineRgn(d, a, b, RGN_OR);
    GetRgnBox(d, &r);
    printf("rgnor kind=%d box=%ld,%ld,%ld,%ld size=%lu\n", k, r.left, r.top, r.right, r.bottom,
           GetRegionData(d, 0, NULL));
    k = CombineRgn(d, a, b, RGN_AND);
    GetRgnBox(d, &r);
    printf("rgnand kind=%d box=%ld,%ld,%ld,%ld\n", k, r.left, r.top, r.right, r.bottom);
    k = CombineRgn(d, a, b, RGN_XOR);
    printf("rgnops xor=%d ", k);
    k = CombineRgn(d, a, b, RGN_DIFF);
    printf("diff=%d ", k);
    k = CombineRgn(d, a, NULL, RGN_COPY);
    printf("copy=%d\n", k);
    CombineRgn(d, a, b, RGN_XOR);
    k = GetRegionData(d, 40, rd);
    printf("rgndata small=%d ", k);
    k = GetRegionData(d, sizeof buf, rd);
    printf("ret=%d size=%lu type=%lu count=%lu bound=%ld,%ld,%ld,%ld first=%ld,%ld,%ld,%ld\n", k,
           rd->rdh.dwSize, rd->rdh.iType, rd->rdh.nCount, rd->rdh.rcBound.left, rd->rdh.rcBound.top,
           rd->rdh.rcBound.right, rd->rdh.rcBound.bottom, ((RECT *)rd->Buffer)[0].left, ((RECT *)rd->Buffer)[0].top,
           ((RECT *)rd->Buffer)[0].right, ((RECT *)rd->Buffer)[0].bottom);
    c = ExtCreateRegion(NULL, k, rd);
    printf("extcreate equal=%d\n", EqualRgn(c, d));
    /* two halves of a rectangle merge back into one rectangle */
    SetRectRgn(a, 0, 0, 5, 10);
    SetRectRgn(b, 5, 0, 10, 10);
    k = CombineRgn(d, a, b, RGN_OR);
    SetRectRgn(c, 0, 0, 10, 10);
    printf("merge kind=%d equal=%d\n", k, EqualRgn(c, d));
    printf("ellrgn in_center=%d in_corner=%d rect_in=%d rect_out=%d\n", PtInRegion(e, 10, 10), PtInRegion(e, 0, 0),
           RectInRegion(e, &(RECT){9, 9, 11, 11}), RectInRegion(e, &(RECT){0, 0, 2, 2}));
    k = OffsetRgn(e, 100, 100);
    printf("offsetrgn kind=%d ", k);
    GetRgnBox(e, &r);
    printf("box=%ld,%ld,%ld,%ld\n", r.left, r.top, r.right, r.bottom);
    DeleteObject(c);
    c = CreatePolygonRgn(tri, 3, ALTERNATE);
    GetRgnBox(c, &r);
    printf("polyrgn box=%ld,%ld,%ld,%ld in=%d out=%d edge=%d\n", r.left, r.top, r.right, r.bottom,
           PtInRegion(c, 2, 2), PtInRegion(c, 8, 8), PtInRegion(c, 10, 0));
    DeleteObject(c);
    c = CreateRoundRectRgn(0, 0, 20, 20, 8, 8);
    k = CombineRgn(d, a, a, RGN_DIFF);
    printf("roundrgn corner=%d side=%d null=%d\n", PtInRegion(c, 0, 0), PtInRegion(c, 0, 10), k);
    DeleteObject(a);
    DeleteObject(b);
    DeleteObject(c);
    DeleteObject(d);
    DeleteObject(e);
}

static void clipping(void)
{
    HRGN r = CreateRectRgn(100, 0, 110, 10), got = CreateRectRgn(0, 0, 0, 0);
    HBRUSH red = CreateSolidBrush(RGB(255, 0, 0));
    RECT all = {0, 0, W, H}, box;
    int k;
    clear(0xFFFFFF);
    printf("clipnone ret=%d\n", GetClipRgn(dc, got));
    k = SelectClipRgn(dc, r);
    printf("clip select=%d ", k);
    k = ExcludeClipRect(dc, 103, 3, 105, 5);
    printf("exclude=%d ", k);
    FillRect(dc, &all, red);
    printf("left=%06x first=%06x last=%06x right=%06x hole=%06x below=%06lx\n", px(99, 5), px(100, 5),
           px(109, 9), px(110, 5), px(104, 4), bits[10 * W + 105]);
    k = GetClipRgn(dc, got);
    printf("clipget ret=%d ", k);
    GetRgnBox(got, &box);
    printf("box=%ld,%ld,%ld,%ld ptvisible=%d,%d rectvisible=%d,%d\n", box.left, box.top, box.right, box.bottom,
           PtVisible(dc, 101, 1), PtVisible(dc, 104, 4), RectVisible(dc, &(RECT){0, 0, 101, 1}),
           RectVisible(dc, &(RECT){0, 0, 100, 100}));
    k = IntersectClipRect(dc, 0, 0, 102, 100);
    clear(0xFFFFFF);
    FillRect(dc, &all, red);
    printf("clipintersect ret=%d a=%06x b=%06x\n", k, px(101, 5), px(102, 5));
    k = OffsetClipRgn(dc, 10, 0);
    clear(0xFFFFFF);
    FillRect(dc, &all, red);
    printf("offsetclip ret=%d a=%06x b=%06x\n", k, px(101, 5), px(111, 5));
    SetRectRgn(r, 0, 0, 5, 5);
    k = ExtSelectClipRgn(dc, r, RGN_AND);
    printf("extselect and=%d ", k);
    k = ExtSelectClipRgn(dc, r, RGN_COPY);
    printf("copy=%d ", k);
    k = SelectClipRgn(dc, NULL);
    printf("null=%d\n", k);
    clear(0xFFFFFF);
    FillRect(dc, &all, red);
    printf("unclipped far=%06x\n", px(150, 100));
    /* painting regions */
    clear(0xFFFFFF);
    SetRectRgn(r, 10, 10, 20, 20);
    FillRgn(dc, r, red);
    printf("fillrgn in=%06x out=%06x\n", px(19, 19), px(20, 20));
    FrameRgn(dc, r, GetStockObject(BLACK_BRUSH), 2, 1);
    printf("framergn l0=%06x l1=%06x l2=%06x t0=%06x t1=%06x\n", px(10, 15), px(11, 15), px(12, 15), px(15, 10),
           px(15, 11));
    InvertRgn(dc, r);
    printf("invertrgn a=%06x b=%06x\n", px(15, 15), px(10, 15));
    SelectObject(dc, GetStockObject(BLACK_BRUSH));
    OffsetRgn(r, 20, 0);
    PaintRgn(dc, r);
    printf("paintrgn in=%06x\n", px(35, 15));
    SelectObject(dc, GetStockObject(WHITE_BRUSH));
    DeleteObject(r);
    DeleteObject(got);
    DeleteObject(red);
}

static void rects(void)
{
    RECT a, b, c;
    SetRect(&a, 0, 0, 10, 10);
    SetRect(&b, 5, 5, 15, 15);
    int k;
    k = IntersectRect(&c, &a, &b);
    printf("intersect ret=%d r=%ld,%ld,%ld,%ld ", k, c.left, c.top, c.right, c.bottom);
    SetRect(&b, 20, 20, 30, 30);
    k = IntersectRect(&c, &a, &b);
    printf("none=%d nr=%ld,%ld,%ld,%ld\n", k, c.left, c.top, c.right, c.bottom);
    k = UnionRect(&c, &a, &b);
    printf("union ret=%d r=%ld,%ld,%ld,%ld\n", k, c.left, c.top, c.right, c.bottom);
    SetRect(&b, 0, 0, 10, 4);
    k = SubtractRect(&c, &a, &b);
    printf("subtract ret=%d r=%ld,%ld,%ld,%ld ", k, c.left, c.top, c.right, c.bottom);
    SetRect(&b, 2, 2, 4, 4);
    SubtractRect(&c, &a, &b);
    printf("middle=%ld,%ld,%ld,%ld\n", c.left, c.top, c.right, c.bottom);
    CopyRect(&c, &a);
    InflateRect(&c, 2, -3);
    printf("inflate r=%ld,%ld,%ld,%ld ", c.left, c.top, c.right, c.bottom);
    OffsetRect(&c, 5, 7);
    printf("moved=%ld,%ld,%ld,%ld equal=%d,%d\n", c.left, c.top, c.right, c.bottom, EqualRect(&a, &a),
           EqualRect(&a, &c));
    printf("ptinrect in=%d right=%d bottom=%d left=%d\n", PtInRect(&a, (POINT){0, 0}), PtInRect(&a, (POINT){10, 5}),
           PtInRect(&a, (POINT){5, 10}), PtInRect(&a, (POINT){-1, 5}));
    SetRectEmpty(&c);
    printf("empty set=%d a=%d inverted=%d\n", IsRectEmpty(&c), IsRectEmpty(&a),
           IsRectEmpty(&(RECT){5, 5, 4, 6}));
}

static void syscolors(void)
{
    RECT r = {0, 0, 4, 4};
    INT idx = COLOR_BTNFACE;
    COLORREF col = RGB(1, 2, 3), old = GetSysColor(COLOR_BTNFACE);
    HBRUSH sb = GetSysColorBrush(COLOR_BTNFACE);
    /* (printf evaluates its arguments in no fixed order: only reads in its argument lists) */
    printf("syscolor btnface=%06lx desktop=%06lx caption=%06lx window=%06lx infobk=%06lx highlight=%06lx "
           "shadow=%06lx dkshadow=%06lx\n", GetSysColor(COLOR_BTNFACE), GetSysColor(COLOR_BACKGROUND),
           GetSysColor(COLOR_ACTIVECAPTION), GetSysColor(COLOR_WINDOW), GetSysColor(COLOR_INFOBK),
           GetSysColor(COLOR_HIGHLIGHT), GetSysColor(COLOR_BTNSHADOW), GetSysColor(COLOR_3DDKSHADOW));
    clear(0xFFFFFF);
    FillRect(dc, &r, (HBRUSH)(COLOR_ACTIVECAPTION + 1));
    printf("sysbrush c1fill=%06x ", px(1, 1));
    FillRect(dc, &r, sb);
    printf("brushfill=%06x same=%d type=%lu ", px(1, 1), sb == GetSysColorBrush(COLOR_BTNFACE),
           GetObjectType(sb));
    SetSysColors(1, &idx, &col);
    FillRect(dc, &r, sb);
    printf("changed=%06lx newfill=%06x ", GetSysColor(COLOR_BTNFACE), px(1, 1));
    SetSysColors(1, &idx, &old);
    printf("restored=%06lx\n", GetSysColor(COLOR_BTNFACE));
}

static void edges(void)
{
    RECT r;
    unsigned before;
    clear(0x123456);
    SetRect(&r, 10, 10, 30, 30);
    DrawEdge(dc, &r, EDGE_RAISED, BF_RECT | BF_ADJUST | BF_MIDDLE);
    printf("edge raised adj=%ld,%ld,%ld,%ld o_tl=%06x i_tl=%06x o_br=%06x i_br=%06x mid=%06x trc=%06x blc=%06x\n",
           r.left, r.top, r.right, r.bottom, px(10, 15), px(11, 15), px(29, 15), px(28, 15), px(20, 20),
           px(29, 10), px(10, 29));
    SetRect(&r, 40, 10, 60, 30);
    DrawEdge(dc, &r, EDGE_SUNKEN, BF_RECT);
    printf("edge sunken o_tl=%06x i_tl=%06x o_br=%06x i_br=%06x mid=%06x\n", px(40, 15), px(41, 15), px(59, 15),
           px(58, 15), px(50, 20));
    SetRect(&r, 70, 10, 90, 30);
    DrawEdge(dc, &r, EDGE_ETCHED, BF_LEFT | BF_TOP | BF_FLAT);
    printf("edge flat o=%06x i=%06x right=%06x\n", px(70, 15), px(71, 15), px(89, 15));
    SetRect(&r, 100, 10, 120, 30);
    DrawEdge(dc, &r, BDR_RAISEDINNER, BF_RECT | BF_SOFT);
    printf("edge soft tl=%06x br=%06x\n", px(100, 15), px(119, 15));
    SetRect(&r, 130, 10, 150, 30);
    DrawEdge(dc, &r, EDGE_SUNKEN, BF_RECT | BF_MONO | BF_MIDDLE | BF_ADJUST);
    printf("edge mono o=%06x i=%06x mid=%06x adj=%ld\n", px(130, 15), px(131, 15), px(140, 20), r.left);
    /* focus rectangle: XOR dots, twice restores */
    SetRect(&r, 10, 40, 30, 50);
    before = px(10, 40);
    DrawFocusRect(dc, &r);
    printf("focus p00=%06x p10=%06x before=%06x ", px(10, 40), px(11, 40), before);
    DrawFocusRect(dc, &r);
    printf("again=%06x\n", px(10, 40));
    /* frame controls */
    SetRect(&r, 10, 60, 23, 73);
    DrawFrameControl(dc, &r, DFC_BUTTON, DFCS_BUTTONCHECK | DFCS_CHECKED);
    printf("dfc check o_tl=%06x i_tl=%06x face=%06x mark=%06x\n", px(10, 65), px(11, 65), px(13, 63), px(16, 68));
    SetRect(&r, 30, 60, 43, 73);
    DrawFrameControl(dc, &r, DFC_BUTTON, DFCS_BUTTONCHECK);
    printf("dfc uncheck mark=%06x\n", px(36, 68));
    SetRect(&r, 50, 60, 62, 72);
    DrawFrameControl(dc, &r, DFC_BUTTON, DFCS_BUTTONRADIO | DFCS_CHECKED);
    printf("dfc radio dot=%06x ring=%06x corner=%06x\n", px(56, 66), px(51, 62), px(50, 60));
    SetRect(&r, 70, 60, 100, 80);
    DrawFrameControl(dc, &r, DFC_BUTTON, DFCS_BUTTONPUSH);
    printf("dfc push tl=%06x br=%06x face=%06x\n", px(70, 70), px(99, 70), px(85, 70));
    SetRect(&r, 110, 60, 126, 76);
    DrawFrameControl(dc, &r, DFC_SCROLL, DFCS_SCROLLUP);
    printf("dfc scrollup apex=%06x row1=%06x beside=%06x face=%06x\n", px(117, 66), px(118, 67), px(118, 66),
           px(113, 72));
    SetRect(&r, 130, 60, 146, 74);
    DrawFrameControl(dc, &r, DFC_CAPTION, DFCS_CAPTIONCLOSE);
    printf("dfc close corner=%06x center=%06x face=%06x ", px(134, 63), px(137, 66), px(133, 63));
    SetRect(&r, 130, 80, 146, 94);
    printf("bad=%d\n", DrawFrameControl(dc, &r, 77, 0));
}

int main(void)
{
    BITMAPINFO bi;
    HBITMAP bm;
    memset(&bi, 0, sizeof bi);
    bi.bmiHeader.biSize = sizeof bi.bmiHeader;
    bi.bmiHeader.biWidth = W;
    bi.bmiHeader.biHeight = -H;
    bi.bmiHeader.biPlanes = 1;
    bi.bmiHeader.biBitCount = 32;
    dc = CreateCompatibleDC(NULL);
    bm = CreateDIBSection(dc, &bi, DIB_RGB_COLORS, (void **)&bits, NULL, 0);
    if (!bm || !bits) { printf("no dib section\n"); return 1; }
    SelectObject(dc, bm);
    shapes();
    lines();
    rop2();
    polygons();
    brushes();
    pixels();
    mapping();
    regions();
    clipping();
    rects();
    syscolors();
    edges();
    printf("done\n");
    DeleteDC(dc);
    DeleteObject(bm);
    return 0;
}
