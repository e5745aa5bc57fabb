/* GDI bitmaps: DIB sections of every depth, blits with raster operations, monochrome/colour conversions,
   stretching and mirroring, overlapping blits, DIB transfers, GetObject, palettes, bitmap loading.
   Prints "name values" lines that tests/test_gdi_bitmap.py checks; argv[1] picks a section.

   Build (in tests/programs):
     i686-w64-mingw32-windres gdi_bitmap.rc -O coff -o /tmp/gdi_bitmap_res.o
     i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o gdi_bitmap.exe gdi_bitmap.c \
         /tmp/gdi_bitmap_res.o -lgdi32 -luser32 -lmsimg32
*/
#include <windows.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    BITMAPINFOHEADER h;
    DWORD extra[256];
} BMI;

static HDC mem, mem2;

static HBITMAP dib(int w, int h, int bpp, DWORD comp, const DWORD *table, int ncolors, void **bits, BMI *bi) {
    memset(bi, 0, sizeof *bi);
    bi->h.biSize = sizeof(BITMAPINFOHEADER);
    bi->h.biWidth = w;
    bi->h.biHeight = h;
    bi->h.biPlanes = 1;
    bi->h.biBitCount = bpp;
    bi->h.biCompression = comp;
    if (table) memcpy(bi->extra, table, ncolors * 4);
    return CreateDIBSection(NULL, (BITMAPINFO *)bi, DIB_RGB_COLORS, bits, NULL, 0);
}

/* a 32-bit top-down DIB section */
static HBITMAP dib32(int w, int h, DWORD **bits) {
    BMI bi;
    return dib(w, h < 0 ? h : -h, 32, BI_RGB, NULL, 0, (void **)bits, &bi);
}

static void print_row(const char *name, const DWORD *p, int n) {
    int i;
    printf("%s", name);
    for (i = 0; i < n; i++) printf(" %06lx", p[i] & 0xFFFFFF);
    printf("\n");
}

/* ---- DIB sections of each depth and orientation -------------------------------------------------- */
static void section_dib(void) {
    static const int bpps[] = {1, 4, 8, 16, 16, 24, 32};
    static const DWORD comps[] = {BI_RGB, BI_RGB, BI_RGB, BI_RGB, BI_BITFIELDS, BI_RGB, BI_RGB};
    DWORD table[256], m565[3] = {0xF800, 0x07E0, 0x001F};
    int k, td, i;
    for (k = 0; k < 7; k++) {
        for (td = 0; td < 2; td++) {
            int bpp = bpps[k], w = 5, h = 4, stride = ((w * bpp + 31) / 32) * 4;
            int row2 = td ? 2 : h - 1 - 2;
            BYTE *bits;
            BMI bi;
            HBITMAP hb;
            HBRUSH br;
            COLORREF bc;
            DWORD out[20];
            BMI o;
            int n, ncol = bpp <= 8 ? 1 << bpp : 0;
            for (i = 0; i < 256; i++) {
                if (bpp == 1) table[i] = i ? 0x00FF00 : 0x000080;
                else if (bpp == 4) table[i] = ((i * 16) << 16) | ((255 - i * 16) << 8) | (i * 8);
                else table[i] = (i << 16) | ((255 - i) << 8) | ((i * 3) & 255);
            }
            hb = dib(w, td ? -h : h, bpp, comps[k], comps[k] == BI_BITFIELDS ? m565 : (ncol ? table : NULL),
                     comps[k] == BI_BITFIELDS ? 3 : ncol, (void **)&bits, &bi);
            if (!hb) { printf("dib %d %lu %d FAILED\n", bpp, comps[k], td); continue; }
            /* write pixel (1,2) through the bits pointer */
            switch (bpp) {
            case 1: bits[row2 * stride] |= 0x40; break;
            case 4: bits[row2 * stride] = (bits[row2 * stride] & 0xF0) | 5; break;
            case 8: bits[row2 * stride + 1] = 200; break;
            case 16: *(WORD *)(bits + row2 * stride + 2) = comps[k] == BI_BITFIELDS ? 0xFC03 : 0x7E03; break;
            case 24: bits[row2 * stride + 3] = 0x11; bits[row2 * stride + 4] = 0x22; bits[row2 * stride + 5] = 0x33; break;
            case 32: *(DWORD *)(bits + row2 * stride + 4) = 0x00445566; break;
            }
            SelectObject(mem, hb);
            /* paint (2..3, 1..2) with a brush whose colour the format can hold exactly or not */
            if (bpp == 1) bc = RGB(0, 255, 0);
            else if (bpp == 4) bc = RGB((table[9] >> 16) & 255, (table[9] >> 8) & 255, table[9] & 255);
            else if (bpp == 8) bc = RGB((table[77] >> 16) & 255, (table[77] >> 8) & 255, table[77] & 255);
            else bc = RGB(0x84, 0x42, 0x21);
            br = CreateSolidBrush(bc);
            SelectObject(mem, br);
            PatBlt(mem, 2, 1, 2, 2, PATCOPY);
            {
                DWORD raw3 = 0, raw4 = 0;
                BYTE *r = bits + row2 * stride;
                switch (bpp) {
                case 1: raw3 = (r[0] >> 4) & 1; raw4 = (r[0] >> 3) & 1; break;
                case 4: raw3 = r[1] >> 4; raw4 = r[2] >> 4; break;
                case 8: raw3 = r[3]; raw4 = r[4]; break;
                case 16: raw3 = *(WORD *)(r + 6); raw4 = *(WORD *)(r + 8); break;
                case 24: raw3 = r[9] | (r[10] << 8) | (r[11] << 16); raw4 = r[12] | (r[13] << 8) | (r[14] << 16); break;
                case 32: raw3 = *(DWORD *)(r + 12); raw4 = *(DWORD *)(r + 16); break;
                }
                memset(&o, 0, sizeof o);
                o.h.biSize = sizeof(BITMAPINFOHEADER);
                o.h.biWidth = w;
                o.h.biHeight = -h;
                o.h.biPlanes = 1;
                o.h.biBitCount = 32;
                o.h.biCompression = BI_RGB;
                SelectObject(mem, GetStockObject(WHITE_BRUSH));
                n = GetDIBits(mem, hb, 0, h, out, (BITMAPINFO *)&o, DIB_RGB_COLORS);
                printf("dib %d %lu %d pix %06lx raw3 %lx raw4 %lx pix3 %06lx lines %d dib %06lx %06lx %06lx\n", bpp,
                       comps[k], td, GetPixel(mem, 1, 2), raw3, raw4, GetPixel(mem, 3, 2), n,
                       out[2 * w + 1] & 0xFFFFFF, out[2 * w + 3] & 0xFFFFFF, out[2 * w + 4] & 0xFFFFFF);
            }
            SelectObject(mem, GetStockObject(WHITE_BRUSH));
            DeleteObject(br);
            SelectObject(mem, CreateCompatibleBitmap(mem, 0, 0));
            DeleteObject(hb);
        }
    }
    /* GetDIBits to a bottom-up 24-bit and to a 4-bit DIB */
    {
        DWORD *p;
        HBITMAP hb = dib32(3, 2, &p);
        BMI o;
        BYTE buf[64];
        int n;
        p[0] = 0x00FF0000; p[1] = 0x0000FF00; p[2] = 0x000000FF;
        p[3] = 0x00808080; p[4] = 0x00FFFFFF; p[5] = 0x00000000;
        memset(&o, 0, sizeof o);
        o.h.biSize = sizeof(BITMAPINFOHEADER);
        o.h.biWidth = 3;
        o.h.biHeight = 2;
        o.h.biPlanes = 1;
        o.h.biBitCount = 24;
        memset(buf, 0xEE, sizeof buf);
        n = GetDIBits(mem, hb, 0, 2, buf, (BITMAPINFO *)&o, DIB_RGB_COLORS);
        printf("getdibits24 %d size %lu", n, o.h.biSizeImage);
        for (n = 0; n < 24; n++) printf(" %02x", buf[n]);
        printf("\n");
        o.h.biBitCount = 4;
        o.h.biSizeImage = 0;
        memset(buf, 0xEE, sizeof buf);
        n = GetDIBits(mem, hb, 0, 2, buf, (BITMAPINFO *)&o, DIB_RGB_COLORS);
        printf("getdibits4 %d %02x %02x %02x %02x %02x %02x table7 %06lx table8 %06lx table15 %06lx\n", n, buf[0],
               buf[1], buf[2], buf[3], buf[4], buf[5], o.extra[7], o.extra[8], o.extra[15]);
        DeleteObject(hb);
    }
}

/* ---- raster operations ----------------------------------------------------------------------------- */
static void section_rop(void) {
    static const DWORD rops[] = {SRCCOPY, SRCPAINT, SRCAND, SRCINVERT, SRCERASE, NOTSRCCOPY, NOTSRCERASE,
                                 MERGECOPY, MERGEPAINT, PATCOPY, PATPAINT, PATINVERT, DSTINVERT, BLACKNESS,
                                 WHITENESS, 0x00B8074A, 0x00E20746, 0x006A01E9, 0x00960000, 0x001D0000,
                                 0x00C50000, 0x00270000};
    static const DWORD S[4] = {0x00FF00FF, 0x0012AB34, 0x00000000, 0x00FFFFFF};
    static const DWORD D[4] = {0x000F0F0F, 0x00FFFF00, 0x00A5A5A5, 0x00123456};
    DWORD *s, *d;
    HBITMAP hs = dib32(4, 1, &s), hd = dib32(4, 1, &d);
    HBRUSH br = CreateSolidBrush(RGB(0xC3, 0xA5, 0x1E));
    unsigned i;
    char name[32];
    memcpy(s, S, sizeof S);
    SelectObject(mem, hd);
    SelectObject(mem2, hs);
    SelectObject(mem, br);
    for (i = 0; i < sizeof rops / sizeof rops[0]; i++) {
        BOOL ok;
        memcpy(d, D, sizeof D);
        ok = BitBlt(mem, 0, 0, 4, 1, mem2, 0, 0, rops[i]);
        sprintf(name, "rop %08lx %d", rops[i], ok);
        print_row(name, d, 4);
    }
    memcpy(d, D, sizeof D);
    printf("patblt_srccopy %d\n", PatBlt(mem, 0, 0, 4, 1, SRCCOPY));
    PatBlt(mem, 1, 0, 2, 1, PATINVERT);
    print_row("patinvert", d, 4);
    memcpy(d, D, sizeof D);
    PatBlt(mem, 3, 0, -2, 1, DSTINVERT); /* negative width: columns 2..3 */
    print_row("patneg", d, 4);
    SelectObject(mem, GetStockObject(NULL_BRUSH));
    memcpy(d, D, sizeof D);
    PatBlt(mem, 0, 0, 4, 1, PATCOPY);
    print_row("nullbrush", d, 4);
    SelectObject(mem, GetStockObject(WHITE_BRUSH));
    DeleteObject(br);
}

/* ---- monochrome <-> colour --------------------------------------------------------------------------- */
static void section_mono(void) {
    static const BYTE mbits[4] = {0xA5, 0x00, 0x0F, 0x00};
    HBITMAP hm = CreateBitmap(8, 2, 1, 1, mbits), hm2, hc, old;
    DWORD *c;
    BYTE got[4];
    BITMAP bm;
    DIBSECTION ds;
    int i;
    hc = dib32(8, 2, &c);
    old = SelectObject(mem2, hm);
    SelectObject(mem, hc);
    printf("mono_getpixel %06lx %06lx\n", GetPixel(mem2, 0, 0), GetPixel(mem2, 1, 0));
    SetTextColor(mem, RGB(255, 0, 0));
    SetBkColor(mem, RGB(0, 0, 255));
    BitBlt(mem, 0, 0, 8, 2, mem2, 0, 0, SRCCOPY);
    print_row("mono2color", c, 16);
    /* colour -> mono: pixels equal to the source DC's background colour become white */
    for (i = 0; i < 8; i++) c[i] = (i % 3 == 0) ? 0x0000FF00 : (i % 3 == 1 ? 0x00FF0000 : 0x000000FF);
    hm2 = CreateBitmap(8, 1, 1, 1, NULL);
    SelectObject(mem2, hm2);
    SetBkColor(mem, RGB(0, 255, 0));
    SetTextColor(mem2, RGB(255, 0, 0)); /* the destination's colours do not matter */
    BitBlt(mem2, 0, 0, 8, 1, mem, 0, 0, SRCCOPY);
    memset(got, 0xEE, sizeof got);
    i = GetBitmapBits(hm2, 2, got);
    printf("color2mono %d %02x %02x\n", i, got[0], got[1]);
    /* CreateCompatibleBitmap on a memory DC takes the selected bitmap's format */
    GetObject(CreateCompatibleBitmap(mem2, 4, 4), sizeof bm, &bm);
    printf("compat_mono %d\n", bm.bmBitsPixel);
    i = GetObject(CreateCompatibleBitmap(mem, 4, 4), sizeof ds, &ds);
    printf("compat_dib %d %d\n", i, ds.dsBm.bmBitsPixel);
    /* the classic transparent sprite: AND the mask, OR the sprite */
    {
        static const BYTE mask[2] = {0xF0, 0x00};
        HBITMAP hmask = CreateBitmap(8, 1, 1, 1, mask), hs;
        DWORD *sp;
        hs = dib32(8, 1, &sp);
        for (i = 0; i < 8; i++) { c[i] = 0x00336699; sp[i] = i < 4 ? 0 : 0x00AA0000 + i; }
        SelectObject(mem2, hmask);
        SetTextColor(mem, RGB(0, 0, 0));
        SetBkColor(mem, RGB(255, 255, 255));
        BitBlt(mem, 0, 0, 8, 1, mem2, 0, 0, SRCAND);
        SelectObject(mem2, hs);
        BitBlt(mem, 0, 0, 8, 1, mem2, 0, 0, SRCPAINT);
        print_row("sprite", c, 8);
        /* MaskBlt: source where the mask is 1 (foreground SRCCOPY), destination kept where 0 */
        for (i = 0; i < 8; i++) c[i] = 0x00336699;
        i = MaskBlt(mem, 0, 0, 8, 1, mem2, 0, 0, hmask, 0, 0, MAKEROP4(SRCCOPY, 0x00AA0029));
        printf("maskblt %d", i);
        print_row("", c, 8);
    }
    SelectObject(mem2, old);
}

/* ---- stretching, mirroring, overlapping blits --------------------------------------------------------- */
static void clear(DWORD *p, int n) { memset(p, 0, n * 4); }

static void section_stretch(void) {
    DWORD *s, *d;
    HBITMAP hs = dib32(4, 2, &s), hd = dib32(8, 4, &d);
    int i;
    for (i = 0; i < 8; i++) s[i] = i + 1;
    SelectObject(mem2, hs);
    SelectObject(mem, hd);
    clear(d, 32);
    StretchBlt(mem, 3, 0, -4, 1, mem2, 0, 0, 4, 1, SRCCOPY);
    print_row("mirror_x", d, 8);
    clear(d, 32);
    StretchBlt(mem, 0, 0, 4, 1, mem2, 3, 0, -4, 1, SRCCOPY);
    print_row("mirror_src", d, 8);
    clear(d, 32);
    StretchBlt(mem, 0, 0, 8, 4, mem2, 0, 0, 4, 2, SRCCOPY);
    print_row("double", d, 32);
    clear(d, 32);
    StretchBlt(mem, 0, 1, 4, -2, mem2, 0, 0, 4, 2, SRCCOPY);
    print_row("mirror_y", d, 16);
    /* shrinking 4x2 to 2x1: BLACKONWHITE (the default) ANDs the pixels it drops, WHITEONBLACK ORs them,
       COLORONCOLOR keeps one of them, HALFTONE averages */
    s[0] = 0xF0F0F0; s[1] = 0xFF00FF; s[2] = 0x0F0F0F; s[3] = 0x010203;
    s[4] = 0xF1F2F3; s[5] = 0x3C3C3C; s[6] = 0x102030; s[7] = 0x0000FF;
    printf("stretchmode %d\n", GetStretchBltMode(mem));
    for (i = 1; i <= 4; i++) {
        char name[16];
        clear(d, 32);
        SetStretchBltMode(mem, i);
        StretchBlt(mem, 0, 0, 2, 1, mem2, 0, 0, 4, 2, SRCCOPY);
        sprintf(name, "shrink%d", i);
        print_row(name, d, 2);
    }
    SetStretchBltMode(mem, BLACKONWHITE);
    for (i = 0; i < 8; i++) s[i] = i + 1;
    clear(d, 32);
    i = BitBlt(mem, 0, 0, 4, 2, mem2, 2, 1, SRCCOPY); /* source partly outside: clipped */
    printf("partial %d", i);
    print_row("", d, 16);
}

static void section_overlap(void) {
    DWORD *p;
    HBITMAP h = dib32(10, 1, &p), h2;
    int i;
    SelectObject(mem, h);
    for (i = 0; i < 10; i++) p[i] = i;
    BitBlt(mem, 2, 0, 6, 1, mem, 0, 0, SRCCOPY);
    print_row("overlap_right", p, 10);
    for (i = 0; i < 10; i++) p[i] = i;
    BitBlt(mem, 0, 0, 6, 1, mem, 2, 0, SRCCOPY);
    print_row("overlap_left", p, 10);
    h2 = dib32(4, 4, &p);
    SelectObject(mem, h2);
    for (i = 0; i < 16; i++) p[i] = i;
    BitBlt(mem, 1, 1, 3, 3, mem, 0, 0, SRCCOPY);
    print_row("overlap_2d", p, 16);
    for (i = 0; i < 16; i++) p[i] = i;
    StretchBlt(mem, 0, 0, 4, 4, mem, 3, 0, -4, 4, SRCCOPY); /* mirror in place */
    print_row("mirror_inplace", p, 16);
    /* clipping by the DC's clip region */
    for (i = 0; i < 16; i++) p[i] = i;
    IntersectClipRect(mem, 1, 0, 3, 4);
    PatBlt(mem, 0, 0, 4, 4, BLACKNESS);
    print_row("clipped", p, 16);
    SelectClipRgn(mem, NULL);
}

/* ---- DIB transfers to a DC --------------------------------------------------------------------------- */
static void section_dibtodev(void) {
    BMI bi;
    BYTE bits[4 * 12];
    DWORD *d;
    HBITMAP hd = dib32(8, 8, &d);
    int x, y, n;
    /* a 4x4 bottom-up 24-bit DIB: the pixel at top-down (x, y) is RGB(x*16+1, y*16+2, 0x80) */
    memset(&bi, 0, sizeof bi);
    bi.h.biSize = sizeof(BITMAPINFOHEADER);
    bi.h.biWidth = 4;
    bi.h.biHeight = 4;
    bi.h.biPlanes = 1;
    bi.h.biBitCount = 24;
    for (y = 0; y < 4; y++)
        for (x = 0; x < 4; x++) {
            BYTE *p = bits + (3 - y) * 12 + x * 3;
            p[0] = 0x80; p[1] = y * 16 + 2; p[2] = x * 16 + 1;
        }
    SelectObject(mem, hd);
    clear(d, 64);
    n = SetDIBitsToDevice(mem, 1, 1, 2, 2, 0, 0, 0, 4, bits, (BITMAPINFO *)&bi, DIB_RGB_COLORS);
    printf("setdibitstodevice %d %06lx %06lx %06lx %06lx %06lx\n", n, d[9], d[10], d[17], d[18], d[0]);
    clear(d, 64);
    /* a band: scan lines 1..2 (from the bottom) only */
    n = SetDIBitsToDevice(mem, 0, 0, 4, 4, 0, 0, 1, 2, bits + 12, (BITMAPINFO *)&bi, DIB_RGB_COLORS);
    printf("band %d", n);
    print_row("", d, 32);
    clear(d, 64);
    n = StretchDIBits(mem, 0, 0, 8, 8, 0, 0, 4, 4, bits, (BITMAPINFO *)&bi, DIB_RGB_COLORS, SRCCOPY);
    printf("stretchdibits %d %06lx %06lx %06lx %06lx\n", n, d[0], d[1], d[2], d[63]);
    clear(d, 64);
    n = StretchDIBits(mem, 3, 0, -4, 4, 0, 0, 4, 4, bits, (BITMAPINFO *)&bi, DIB_RGB_COLORS, SRCCOPY);
    printf("stretchdibits_mirror %d %06lx %06lx %06lx\n", n, d[0], d[3], d[8 * 3]);
    clear(d, 64);
    n = StretchDIBits(mem, 0, 0, 2, 2, 1, 1, 2, 2, bits, (BITMAPINFO *)&bi, DIB_RGB_COLORS, SRCCOPY);
    printf("stretchdibits_sub %d %06lx %06lx %06lx %06lx\n", n, d[0], d[1], d[8], d[9]);
    for (x = 0; x < 64; x++) d[x] = 0x00FFFFFF;
    n = StretchDIBits(mem, 0, 0, 4, 1, 0, 0, 4, 1, bits, (BITMAPINFO *)&bi, DIB_RGB_COLORS, SRCAND);
    printf("stretchdibits_and %d %06lx %06lx\n", n, d[0], d[3]);
    /* top-down DIB */
    bi.h.biHeight = -4;
    clear(d, 64);
    n = SetDIBitsToDevice(mem, 0, 0, 2, 2, 1, 1, 0, 4, bits, (BITMAPINFO *)&bi, DIB_RGB_COLORS);
    printf("topdown %d %06lx %06lx\n", n, d[0], d[9]);
    /* SetDIBits / GetDIBits round trip through a DDB */
    {
        HBITMAP ddb = CreateBitmap(4, 4, 1, 32, NULL);
        BMI o;
        BYTE out[48];
        bi.h.biHeight = 4;
        n = SetDIBits(mem, ddb, 0, 4, bits, (BITMAPINFO *)&bi, DIB_RGB_COLORS);
        memset(&o, 0, sizeof o);
        o.h.biSize = sizeof(BITMAPINFOHEADER);
        o.h.biWidth = 4;
        o.h.biHeight = 4;
        o.h.biPlanes = 1;
        o.h.biBitCount = 24;
        x = GetDIBits(mem, ddb, 0, 4, out, (BITMAPINFO *)&o, DIB_RGB_COLORS);
        printf("roundtrip %d %d %d\n", n, x, memcmp(out, bits, 48) == 0);
        /* two scan lines from scan 1 */
        n = GetDIBits(mem, ddb, 1, 2, out, (BITMAPINFO *)&o, DIB_RGB_COLORS);
        printf("partial_lines %d %d\n", n, memcmp(out, bits + 12, 24) == 0);
        n = SetDIBits(mem, ddb, 3, 1, bits, (BITMAPINFO *)&bi, DIB_RGB_COLORS); /* scan 3 = top row */
        SelectObject(mem2, ddb);
        printf("setdibits_line %d %06lx %06lx\n", n, GetPixel(mem2, 1, 0), GetPixel(mem2, 1, 1));
        SelectObject(mem2, CreateCompatibleBitmap(mem2, 0, 0));
    }
}

/* ---- GetObject and bitmap info ----------------------------------------------------------------------- */
static void section_getobject(void) {
    HBITMAP ddb = CreateBitmap(7, 3, 1, 32, NULL), mono = CreateBitmap(13, 7, 1, 1, NULL), hd;
    int r;
    BITMAP bm;
    DIBSECTION ds;
    LOGPEN lp;
    LOGBRUSH lb;
    LOGFONTA lf;
    LOGFONTW lfw;
    BMI o;
    void *bits;
    WORD cnt;
    HPEN pen = CreatePen(PS_DASH, 1, RGB(1, 2, 3));
    HBRUSH brush = CreateHatchBrush(HS_CROSS, RGB(4, 5, 6));
    LOGPALETTE lpal = {0x300, 1, {{1, 2, 3, 0}}};
    HPALETTE pal = CreatePalette(&lpal);
    printf("ddb %d", GetObject(ddb, 0, NULL));
    r = GetObject(ddb, sizeof bm, &bm);
    printf(" %d %ld %ld %ld %d %d %d\n", r, bm.bmWidth, bm.bmHeight, bm.bmWidthBytes, bm.bmPlanes, bm.bmBitsPixel,
           bm.bmBits == NULL);
    r = GetObject(ddb, 10, &bm);
    printf("ddb_small %d ddb_big %d\n", r, GetObject(ddb, sizeof ds, &ds));
    GetObject(mono, sizeof bm, &bm);
    printf("mono %ld %d\n", bm.bmWidthBytes, bm.bmBitsPixel);
    hd = dib(5, -3, 24, BI_RGB, NULL, 0, &bits, &o);
    printf("dibsection %d", GetObject(hd, 0, NULL));
    printf(" %d", GetObject(hd, sizeof bm, &bm));
    printf(" %d", GetObject(hd, sizeof ds, &ds));
    printf(" %ld %ld %ld %d %d %ld %ld %lu %lu\n", ds.dsBm.bmWidth, ds.dsBm.bmHeight, ds.dsBm.bmWidthBytes,
           ds.dsBm.bmBitsPixel, ds.dsBm.bmBits == bits, ds.dsBmih.biWidth, ds.dsBmih.biHeight,
           ds.dsBmih.biSizeImage, ds.dsBmih.biCompression);
    printf("pen %d", GetObject(pen, 0, NULL));
    r = GetObject(pen, sizeof lp, &lp);
    printf(" %d %u %ld %06lx\n", r, lp.lopnStyle, lp.lopnWidth.x, lp.lopnColor);
    printf("brush %d", GetObject(brush, 0, NULL));
    r = GetObject(brush, sizeof lb, &lb);
    printf(" %d %u %06lx %ld\n", r, lb.lbStyle, lb.lbColor, (long)lb.lbHatch);
    printf("font %d", GetObjectA(GetStockObject(SYSTEM_FONT), 0, NULL));
    printf(" %d", GetObjectW(GetStockObject(SYSTEM_FONT), 0, NULL));
    r = GetObjectA(GetStockObject(SYSTEM_FONT), sizeof lf, &lf);
    printf(" %d %s", r, lf.lfFaceName);
    r = GetObjectW(GetStockObject(SYSTEM_FONT), sizeof lfw, &lfw);
    printf(" %d %d\n", r, lfw.lfFaceName[0] == 'S');
    printf("palette %d", GetObject(pal, 0, NULL));
    r = GetObject(pal, sizeof cnt, &cnt);
    printf(" %d %d\n", r, cnt);
    printf("region %d\n", GetObject(CreateRectRgn(0, 0, 2, 2), sizeof bm, &bm));
    /* GetDIBits with biBitCount 0 and no bits: the bitmap's own format */
    memset(&o, 0, sizeof o);
    o.h.biSize = sizeof(BITMAPINFOHEADER);
    r = GetDIBits(mem, ddb, 0, 0, NULL, (BITMAPINFO *)&o, DIB_RGB_COLORS);
    printf("info32 %d", r);
    printf(" %ld %ld %d %lu %lu\n", o.h.biWidth, o.h.biHeight, o.h.biBitCount, o.h.biCompression, o.h.biSizeImage);
    memset(&o, 0, sizeof o);
    o.h.biSize = sizeof(BITMAPINFOHEADER);
    r = GetDIBits(mem, mono, 0, 0, NULL, (BITMAPINFO *)&o, DIB_RGB_COLORS);
    printf("info1 %d", r);
    printf(" %ld %ld %d %lu %lu %lu\n", o.h.biWidth, o.h.biHeight, o.h.biBitCount, o.h.biCompression,
           o.h.biSizeImage, o.h.biClrUsed);
    /* asking for 8 bits: size and the synthesised colour table */
    o.h.biBitCount = 8;
    o.h.biSizeImage = 0;
    r = GetDIBits(mem, ddb, 0, 0, NULL, (BITMAPINFO *)&o, DIB_RGB_COLORS);
    printf("info8 %d %lu %06lx %06lx %06lx\n", r, o.h.biSizeImage, o.extra[0], o.extra[7], o.extra[255]);
    printf("nulldc %d\n", GetDIBits(NULL, ddb, 0, 0, NULL, (BITMAPINFO *)&o, DIB_RGB_COLORS));
    printf("bitmapbits %ld", GetBitmapBits(mono, 0, NULL));
    printf(" %ld\n", GetBitmapBits(ddb, 0, NULL));
    {
        SIZE sz;
        SetBitmapDimensionEx(ddb, 110, 220, NULL);
        GetBitmapDimensionEx(ddb, &sz);
        printf("dimension %ld %ld\n", sz.cx, sz.cy);
    }
    r = GetObject(CreateBitmap(0, 0, 1, 1, NULL), sizeof bm, &bm);
    printf("zero %d %ld %d\n", r, bm.bmWidth, bm.bmBitsPixel);
}

/* ---- palettes ------------------------------------------------------------------------------------------ */
static void section_palette(void) {
    struct { WORD ver, n; PALETTEENTRY e[3]; } lp = {0x300, 3, {{255, 0, 0, 0}, {0, 255, 0, 0}, {10, 20, 30, 0}}};
    struct { WORD ver, n; PALETTEENTRY e[2]; } lp2 = {0x300, 2, {{1, 1, 1, PC_RESERVED}, {2, 2, 2, 0}}};
    HPALETTE pal = CreatePalette((LOGPALETTE *)&lp), pal2, old;
    PALETTEENTRY pe[256];
    DWORD *d;
    HBITMAP hd = dib32(2, 1, &d);
    BMI bi;
    WORD *idx = (WORD *)bi.extra;
    void *bits;
    HBITMAP h8;
    RGBQUAD q[4];
    int i;
    printf("entries %u %u\n", GetPaletteEntries(pal, 0, 0, NULL), GetNearestPaletteIndex(pal, RGB(12, 22, 28)));
    old = SelectPalette(mem, pal, FALSE);
    printf("select %d realize %u\n", old == GetStockObject(DEFAULT_PALETTE), RealizePalette(mem));
    SelectObject(mem, hd);
    SetPixel(mem, 0, 0, PALETTEINDEX(1));
    SetPixel(mem, 1, 0, PALETTEINDEX(2));
    print_row("paletteindex", d, 2);
    /* a DIB_PAL_COLORS section: the colour table indexes the DC's palette */
    memset(&bi, 0, sizeof bi);
    bi.h.biSize = sizeof(BITMAPINFOHEADER);
    bi.h.biWidth = 4;
    bi.h.biHeight = 1;
    bi.h.biPlanes = 1;
    bi.h.biBitCount = 8;
    bi.h.biClrUsed = 3;
    idx[0] = 2; idx[1] = 0; idx[2] = 1;
    h8 = CreateDIBSection(mem, (BITMAPINFO *)&bi, DIB_PAL_COLORS, &bits, NULL, 0);
    SelectObject(mem, h8);
    i = GetDIBColorTable(mem, 0, 4, q);
    printf("palcolors %d %02x%02x%02x %02x%02x%02x\n", i, q[0].rgbRed, q[0].rgbGreen, q[0].rgbBlue, q[2].rgbRed,
           q[2].rgbGreen, q[2].rgbBlue);
    printf("nearestcolor %06lx\n", GetNearestColor(mem, RGB(250, 5, 5)));
    q[1].rgbRed = 9; q[1].rgbGreen = 8; q[1].rgbBlue = 7;
    printf("setcolortable %u", SetDIBColorTable(mem, 1, 1, &q[1]));
    ((BYTE *)bits)[3] = 1;
    printf(" %06lx\n", GetPixel(mem, 3, 0));
    printf("syspal %u %u", GetSystemPaletteEntries(mem, 0, 0, NULL), GetSystemPaletteEntries(mem, 0, 256, pe));
    printf(" %02x%02x%02x %02x%02x%02x %02x%02x%02x\n", pe[0].peRed, pe[0].peGreen, pe[0].peBlue, pe[7].peRed,
           pe[7].peGreen, pe[7].peBlue, pe[255].peRed, pe[255].peGreen, pe[255].peBlue);
    printf("syspaluse %u\n", GetSystemPaletteUse(mem));
    i = ResizePalette(pal, 5);
    printf("resize %d %u\n", i, GetPaletteEntries(pal, 0, 0, NULL));
    printf("halftone %u\n", GetPaletteEntries(CreateHalftonePalette(mem), 0, 0, NULL));
    pal2 = CreatePalette((LOGPALETTE *)&lp2);
    {
        PALETTEENTRY ne[2] = {{9, 9, 9, PC_RESERVED}, {8, 8, 8, 0}};
        PALETTEENTRY back[2];
        printf("animate %d", AnimatePalette(pal2, 0, 2, ne));
        GetPaletteEntries(pal2, 0, 2, back);
        printf(" %d %d\n", back[0].peRed, back[1].peRed);
    }
    printf("setentries %u", SetPaletteEntries(pal, 1, 1, &pe[8]));
    GetPaletteEntries(pal, 1, 1, pe);
    printf(" %d\n", pe[0].peRed);
    SelectPalette(mem, old, FALSE);
    printf("unrealize %d\n", UnrealizeObject(pal));
}

/* ---- loading images ------------------------------------------------------------------------------------ */
static void section_load(void) {
    /* a 3x2 24-bit .bmp file (bottom-up): top row red green blue, bottom row white black grey */
    static const BYTE px[2][12] = {{0xFF, 0xFF, 0xFF, 0, 0, 0, 0x80, 0x80, 0x80, 0, 0, 0},
                                   {0, 0, 0xFF, 0, 0xFF, 0, 0xFF, 0, 0, 0, 0, 0}};
    BITMAPFILEHEADER fh;
    BITMAPINFOHEADER ih;
    FILE *f = fopen("t.bmp", "wb");
    HBITMAP h;
    BITMAP bm;
    DIBSECTION ds;
    int r;
    memset(&fh, 0, sizeof fh);
    memset(&ih, 0, sizeof ih);
    fh.bfType = 0x4D42;
    fh.bfOffBits = sizeof fh + sizeof ih;
    fh.bfSize = fh.bfOffBits + sizeof px;
    ih.biSize = sizeof ih;
    ih.biWidth = 3;
    ih.biHeight = 2;
    ih.biPlanes = 1;
    ih.biBitCount = 24;
    fwrite(&fh, sizeof fh, 1, f);
    fwrite(&ih, sizeof ih, 1, f);
    fwrite(px, sizeof px, 1, f);
    fclose(f);
    h = LoadImageA(NULL, "t.bmp", IMAGE_BITMAP, 0, 0, LR_LOADFROMFILE);
    GetObject(h, sizeof bm, &bm);
    SelectObject(mem, h);
    printf("loadfile %d %ld %ld %d %06lx %06lx %06lx %06lx\n", h != NULL, bm.bmWidth, bm.bmHeight, bm.bmBitsPixel,
           GetPixel(mem, 0, 0), GetPixel(mem, 2, 0), GetPixel(mem, 0, 1), GetPixel(mem, 2, 1));
    h = LoadImageA(NULL, "t.bmp", IMAGE_BITMAP, 0, 0, LR_LOADFROMFILE | LR_CREATEDIBSECTION);
    r = GetObject(h, sizeof ds, &ds);
    printf("loaddib %d %d %d\n", r, ds.dsBm.bmBitsPixel, ds.dsBm.bmBits != NULL && memcmp(ds.dsBm.bmBits, px, sizeof px) == 0);
    h = LoadImageA(NULL, "t.bmp", IMAGE_BITMAP, 6, 4, LR_LOADFROMFILE);
    GetObject(h, sizeof bm, &bm);
    SelectObject(mem, h);
    printf("loadstretch %ld %ld %06lx %06lx\n", bm.bmWidth, bm.bmHeight, GetPixel(mem, 5, 0), GetPixel(mem, 1, 3));
    SetLastError(0);
    h = LoadImageA(NULL, "nope.bmp", IMAGE_BITMAP, 0, 0, LR_LOADFROMFILE);
    printf("loadmissing %d %lu\n", h == NULL, GetLastError());
    /* resources */
    h = LoadBitmapA(GetModuleHandleA(NULL), MAKEINTRESOURCEA(101));
    GetObject(h, sizeof bm, &bm);
    SelectObject(mem, h);
    printf("res4 %d %ld %ld %d %06lx %06lx %06lx\n", h != NULL, bm.bmWidth, bm.bmHeight, bm.bmBitsPixel,
           GetPixel(mem, 0, 0), GetPixel(mem, 5, 0), GetPixel(mem, 0, 2));
    h = LoadBitmapA(GetModuleHandleA(NULL), MAKEINTRESOURCEA(102));
    GetObject(h, sizeof bm, &bm);
    SelectObject(mem2, h);
    printf("res1 %d %d %06lx %06lx\n", h != NULL, bm.bmBitsPixel, GetPixel(mem2, 0, 0), GetPixel(mem2, 1, 0));
    h = LoadImageA(GetModuleHandleA(NULL), MAKEINTRESOURCEA(101), IMAGE_BITMAP, 0, 0, LR_CREATEDIBSECTION);
    r = GetObject(h, sizeof ds, &ds);
    printf("resdib %d %d\n", r, ds.dsBm.bmBitsPixel);
    h = LoadImageA(GetModuleHandleA(NULL), "NAMED", IMAGE_BITMAP, 0, 0, 0); /* RLE8 */
    SelectObject(mem, h);
    printf("resnamed %d %06lx %06lx %06lx %06lx\n", h != NULL, GetPixel(mem, 0, 0), GetPixel(mem, 2, 0),
           GetPixel(mem, 3, 0), GetPixel(mem, 3, 1));
    SetLastError(0);
    {
        HBITMAP none = LoadBitmapA(GetModuleHandleA(NULL), MAKEINTRESOURCEA(999));
        printf("resmissing %d %lu\n", none == NULL, GetLastError());
    }
    {
        HBITMAP c = CopyImage(h, IMAGE_BITMAP, 12, 6, LR_CREATEDIBSECTION);
        r = GetObject(c, sizeof ds, &ds);
        printf("copyimage %d %ld %ld", r, ds.dsBm.bmWidth, ds.dsBm.bmHeight);
        printf(" %d\n", CopyImage(c, IMAGE_BITMAP, 0, 0, LR_COPYRETURNORG) == c);
    }
}

/* ---- hatched brushes in PatBlt agree with FillRect ------------------------------------------------------- */
static void section_hatch(void) {
    DWORD *a, *b;
    HBITMAP ha = dib32(16, 16, &a), hb = dib32(16, 16, &b);
    HBRUSH br = CreateHatchBrush(HS_DIAGCROSS, RGB(255, 0, 0));
    RECT r = {1, 2, 15, 13};
    int i, same = 1, red = 0;
    SelectObject(mem, ha);
    SelectObject(mem2, hb);
    for (i = 0; i < 256; i++) a[i] = b[i] = 0x00123456;
    SetBkColor(mem, RGB(0, 0, 255));
    SetBkColor(mem2, RGB(0, 0, 255));
    SelectObject(mem, br);
    PatBlt(mem, 1, 2, 14, 11, PATCOPY);
    FillRect(mem2, &r, br);
    for (i = 0; i < 256; i++) {
        same &= (a[i] & 0xFFFFFF) == (b[i] & 0xFFFFFF);
        red += (a[i] & 0xFFFFFF) == 0xFF0000;
    }
    printf("hatch %d %d %06lx %06lx\n", same, red > 10, a[0] & 0xFFFFFF, a[16 * 2 + 1] & 0xFFFFFF);
    SelectObject(mem, GetStockObject(WHITE_BRUSH));
}

/* ---- msimg32: TransparentBlt and AlphaBlend ------------------------------------------------------------- */
static void section_msimg(void) {
    DWORD *s, *d;
    HBITMAP hs = dib32(4, 1, &s), hd = dib32(8, 1, &d);
    BLENDFUNCTION bf = {AC_SRC_OVER, 0, 128, 0};
    int i, r;
    s[0] = 0x00FF00FF; s[1] = 0x00112233; s[2] = 0x00FF00FF; s[3] = 0x00445566;
    SelectObject(mem2, hs);
    SelectObject(mem, hd);
    for (i = 0; i < 8; i++) d[i] = 0x00ABCDEF;
    r = TransparentBlt(mem, 0, 0, 8, 1, mem2, 0, 0, 4, 1, RGB(255, 0, 255)); /* magenta is transparent; 2x */
    printf("transparentblt %d", r);
    print_row("", d, 8);
    for (i = 0; i < 8; i++) d[i] = 0x00204060;
    s[0] = 0x00FFFFFF; s[1] = 0x00000000; s[2] = 0x00804020; s[3] = 0x00FF0000;
    r = AlphaBlend(mem, 0, 0, 4, 1, mem2, 0, 0, 4, 1, bf); /* constant alpha 128 */
    printf("alphablend_const %d", r);
    print_row("", d, 4);
    /* per-pixel premultiplied alpha: opaque, transparent, half */
    s[0] = 0xFF102030; s[1] = 0x00000000; s[2] = 0x80400000; s[3] = 0x40202020;
    for (i = 0; i < 8; i++) d[i] = 0x00FFFFFF;
    bf.SourceConstantAlpha = 255;
    bf.AlphaFormat = AC_SRC_ALPHA;
    r = AlphaBlend(mem, 0, 0, 4, 1, mem2, 0, 0, 4, 1, bf);
    printf("alphablend_pixel %d", r);
    print_row("", d, 4);
    r = AlphaBlend(mem, 0, 0, 4, 1, mem2, 1, 0, 4, 1, bf); /* source rectangle outside the source: fails */
    printf("alphablend_outside %d\n", r);
}

int main(int argc, char **argv) {
    const char *s = argc > 1 ? argv[1] : "all";
    mem = CreateCompatibleDC(NULL);
    mem2 = CreateCompatibleDC(NULL);
    if (!strcmp(s, "dib") || !strcmp(s, "all")) section_dib();
    if (!strcmp(s, "rop") || !strcmp(s, "all")) section_rop();
    if (!strcmp(s, "mono") || !strcmp(s, "all")) section_mono();
    if (!strcmp(s, "stretch") || !strcmp(s, "all")) section_stretch();
    if (!strcmp(s, "overlap") || !strcmp(s, "all")) section_overlap();
    if (!strcmp(s, "dibtodev") || !strcmp(s, "all")) section_dibtodev();
    if (!strcmp(s, "getobject") || !strcmp(s, "all")) section_getobject();
    if (!strcmp(s, "palette") || !strcmp(s, "all")) section_palette();
    if (!strcmp(s, "load") || !strcmp(s, "all")) section_load();
    if (!strcmp(s, "hatch") || !strcmp(s, "all")) section_hatch();
    if (!strcmp(s, "msimg") || !strcmp(s, "all")) section_msimg();
    printf("done\n");
    return 0;
}
