/* Fonts and text: metrics, extents, DrawText layout, font enumeration, and text drawn into a bitmap.
 * Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o gdi_text.exe gdi_text.c -lgdi32 -luser32
 * Usage: gdi_text metrics | gdi_text draw      (prints key=value lines) */
#include <windows.h>
#include <stdio.h>
#include <string.h>

/* RECT setter without user32!SetRect (rectangle helpers are tested elsewhere) */
#define SETRECT(r, l, t, rr, b) ((r)->left = (l), (r)->top = (t), (r)->right = (rr), (r)->bottom = (b))

static void tm_print(const char *tag, HDC dc)
{
    TEXTMETRICA tm;
    char face[64];
    BOOL ok = GetTextMetricsA(dc, &tm);
    int n = GetTextFaceA(dc, sizeof face, face);
    printf("%s ok=%d height=%ld ascent=%ld descent=%ld intlead=%ld extlead=%ld avew=%ld maxw=%ld weight=%ld "
           "overhang=%ld pitch=%d charset=%d first=%d last=%d italic=%d face=[%s] facelen=%d\n",
           tag, ok, tm.tmHeight, tm.tmAscent, tm.tmDescent, tm.tmInternalLeading, tm.tmExternalLeading,
           tm.tmAveCharWidth, tm.tmMaxCharWidth, tm.tmWeight, tm.tmOverhang, tm.tmPitchAndFamily, tm.tmCharSet,
           tm.tmFirstChar, tm.tmLastChar, tm.tmItalic, face, n);
}

static HFONT mkfont(int h, int weight, const char *face)
{
    return CreateFontA(h, 0, 0, 0, weight, 0, 0, 0, ANSI_CHARSET, OUT_DEFAULT_PRECIS, CLIP_DEFAULT_PRECIS,
                       DEFAULT_QUALITY, DEFAULT_PITCH | FF_DONTCARE, face);
}

static int families, raster_mss, tt_tahoma, mss_sizes[8], n_mss, stop_after;

static int CALLBACK fam_proc(const LOGFONTA *lf, const TEXTMETRICA *tm, DWORD type, LPARAM lp)
{
    families++;
    if (!strcmp(lf->lfFaceName, "MS Sans Serif") && (type & RASTER_FONTTYPE)) raster_mss++;
    if (!strcmp(lf->lfFaceName, "Tahoma") && (type & TRUETYPE_FONTTYPE)) {
        const ENUMLOGFONTA *e = (const ENUMLOGFONTA *)lf;
        tt_tahoma++;
        printf("enum.tahoma full=[%s] style=[%s] tmheight=%ld lfheight=%ld\n", e->elfFullName, e->elfStyle,
               tm->tmHeight, lf->lfHeight);
    }
    return lp == 1 && families >= stop_after ? 0 : 1;
}

static int CALLBACK size_proc(const LOGFONTA *lf, const TEXTMETRICA *tm, DWORD type, LPARAM lp)
{
    if (n_mss < 8) mss_sizes[n_mss++] = tm->tmHeight;
    return 1;
}

static int exw_count, exw_tahoma;
static int CALLBACK exw_proc(const LOGFONTW *lf, const TEXTMETRICW *tm, DWORD type, LPARAM lp)
{
    const ENUMLOGFONTEXW *e = (const ENUMLOGFONTEXW *)lf;
    exw_count++;
    if (!lstrcmpW(lf->lfFaceName, L"Tahoma") && !lstrcmpW(e->elfScript, L"Western")) exw_tahoma++;
    return 1;
}

static void metrics(void)
{
    HDC dc = CreateCompatibleDC(NULL);
    SIZE sz, szw;
    int w[5], i, sum = 0, sum32 = 0, w32[5], fit = -1, dx[5];
    HFONT mss, tah, old;
    RECT rc;
    ABC abc;
    char buf[64];

    tm_print("system", dc);
    old = SelectObject(dc, GetStockObject(DEFAULT_GUI_FONT));
    tm_print("gui", dc);

    mss = mkfont(-11, FW_NORMAL, "MS Sans Serif");
    SelectObject(dc, mss);
    tm_print("mss8", dc);
    GetTextExtentPoint32A(dc, "Hello", 5, &sz);
    GetTextExtentPoint32W(dc, L"Hello", 5, &szw);
    GetCharWidthA(dc, 'H', 'H', &w[0]);
    GetCharWidthA(dc, 'e', 'e', &w[1]);
    GetCharWidthA(dc, 'l', 'l', &w[2]);
    GetCharWidthA(dc, 'l', 'l', &w[3]);
    GetCharWidthA(dc, 'o', 'o', &w[4]);
    GetCharWidth32W(dc, L'H', L'H', &w32[0]);
    GetCharWidth32W(dc, L'e', L'e', &w32[1]);
    GetCharWidth32W(dc, L'l', L'l', &w32[2]);
    GetCharWidth32W(dc, L'l', L'l', &w32[3]);
    GetCharWidth32W(dc, L'o', L'o', &w32[4]);
    for (i = 0; i < 5; i++) { sum += w[i]; sum32 += w32[i]; }
    printf("hello cx=%ld cy=%ld wcx=%ld sumwidth=%d sumwidth32=%d H=%d e=%d l=%d o=%d\n", sz.cx, sz.cy, szw.cx, sum,
           sum32, w[0], w[1], w[2], w[4]);
    GetTextExtentExPointA(dc, "Hello", 5, w[0] + w[1] + w[2], &fit, dx, &sz);
    printf("exext fit=%d dx=%d,%d,%d,%d,%d cx=%ld\n", fit, dx[0], dx[1], dx[2], dx[3], dx[4], sz.cx);
    printf("abc_raster ok=%d\n", GetCharABCWidthsA(dc, 'A', 'A', &abc));
    printf("fontdata_raster v=%08lx\n", GetFontData(dc, 0, 0, NULL, 0));
    GetCharWidthA(dc, 'b', 'b', &i);
    printf("tabbed w=%lu expect=%d\n", GetTabbedTextExtentA(dc, "a\tb", 3, 0, NULL) & 0xFFFF, 8 * 5 + i);
    {
        INT stops[2] = {30, 70};
        GetCharWidthA(dc, 'c', 'c', &i);
        printf("tabbed2 w=%lu expect=%d\n", GetTabbedTextExtentA(dc, "a\tb\tc", 5, 2, stops) & 0xFFFF, 70 + i);
    }
    SetTextCharacterExtra(dc, 2);
    GetTextExtentPoint32A(dc, "Hello", 5, &sz);
    printf("extra cx=%ld\n", sz.cx);
    SetTextCharacterExtra(dc, 0);

    /* DrawText layout */
    SETRECT(&rc, 0, 0, 100, 0);
    i = DrawTextA(dc, "The quick brown fox jumps over the lazy dog again and again", -1, &rc,
                  DT_CALCRECT | DT_WORDBREAK);
    printf("calc.wrap ret=%d rect=%ld,%ld,%ld,%ld\n", i, rc.left, rc.top, rc.right, rc.bottom);
    SETRECT(&rc, 10, 20, 10, 20);
    i = DrawTextA(dc, "Hello", -1, &rc, DT_CALCRECT | DT_SINGLELINE);
    printf("calc.single ret=%d rect=%ld,%ld,%ld,%ld\n", i, rc.left, rc.top, rc.right, rc.bottom);
    SETRECT(&rc, 0, 0, 0, 0);
    DrawTextA(dc, "&File", -1, &rc, DT_CALCRECT | DT_SINGLELINE);
    GetTextExtentPoint32A(dc, "File", 4, &sz);
    printf("calc.prefix w=%ld file=%ld\n", rc.right - rc.left, sz.cx);
    SETRECT(&rc, 0, 0, 0, 0);
    DrawTextA(dc, "&File", -1, &rc, DT_CALCRECT | DT_SINGLELINE | DT_NOPREFIX);
    GetTextExtentPoint32A(dc, "&File", 5, &sz);
    printf("calc.noprefix w=%ld amp=%ld\n", rc.right - rc.left, sz.cx);
    SETRECT(&rc, 0, 0, 0, 0);
    i = DrawTextA(dc, "one\r\ntwo\nthree", -1, &rc, DT_CALCRECT);
    printf("calc.lines ret=%d bottom=%ld\n", i, rc.bottom);
    strcpy(buf, "A rather long line of text");
    SETRECT(&rc, 0, 0, 60, 20);
    DrawTextA(dc, buf, -1, &rc, DT_SINGLELINE | DT_END_ELLIPSIS | DT_MODIFYSTRING);
    GetTextExtentPoint32A(dc, buf, strlen(buf), &sz);
    printf("ellipsis text=[%s] fits=%d\n", buf, sz.cx <= 60);

    /* Windows' edge cases: long words, empty strings, right-aligned tab stops */
    SETRECT(&rc, 0, 0, 1, 1);
    i = DrawTextA(dc, "line1 line2", -1, &rc, DT_CALCRECT | DT_WORDBREAK);
    SETRECT(&rc, 0, 0, 1, 1);
    printf("calc.narrow words=%d chars=%d\n", i,
           DrawTextA(dc, "line1 line2", -1, &rc, DT_CALCRECT | DT_WORDBREAK | DT_EDITCONTROL));
    SETRECT(&rc, 10, 10, 100, 100);
    i = DrawTextA(dc, "", -1, &rc, DT_CALCRECT);
    printf("calc.empty ret=%d rect=%ld,%ld,%ld,%ld ", i, rc.left, rc.top, rc.right, rc.bottom);
    SETRECT(&rc, 10, 10, 100, 100);
    i = DrawTextA(dc, "", -1, &rc, DT_CALCRECT | DT_SINGLELINE);
    printf("single=%d rect1=%ld,%ld,%ld,%ld ", i, rc.left, rc.top, rc.right, rc.bottom);
    SETRECT(&rc, 10, 10, 100, 100);
    i = DrawTextA(dc, "text", 0, &rc, DT_CALCRECT);
    printf("zero=%d rect0=%ld,%ld,%ld,%ld\n", i, rc.left, rc.top, rc.right, rc.bottom);
    {
        INT neg = -40;
        GetCharWidthA(dc, 'x', 'x', &i);
        printf("tabneg w1=%lu w2=%lu w3=%lu x=%d zero=%lu\n",
               GetTabbedTextExtentA(dc, "\tx", 2, 1, &neg) & 0xFFFF,
               GetTabbedTextExtentA(dc, "x\tx", 3, 1, &neg) & 0xFFFF,
               GetTabbedTextExtentA(dc, "\tx\t", 3, 1, &neg) & 0xFFFF, i,
               GetTabbedTextExtentA(dc, "x", 0, 1, &neg));
    }

    /* TrueType */
    tah = mkfont(-11, FW_NORMAL, "Tahoma");
    SelectObject(dc, tah);
    tm_print("tahoma", dc);
    i = GetCharABCWidthsA(dc, 'A', 'A', &abc);
    printf("abc_tt ok=%d sum=%d ", i, abc.abcA + (int)abc.abcB + abc.abcC);
    GetCharWidthA(dc, 'A', 'A', &w[0]);
    printf("widthA=%d\n", w[0]);
    printf("fontdata_head v=%lu\n", GetFontData(dc, 0x64616568 /* 'head' */, 0, NULL, 0));
    SelectObject(dc, mkfont(-11, FW_BOLD, "Arial"));
    tm_print("arialbold", dc);
    SelectObject(dc, mkfont(0, FW_NORMAL, "Courier"));
    tm_print("courier", dc);
    SelectObject(dc, GetStockObject(OEM_FIXED_FONT));
    tm_print("oem", dc);

    /* enumeration */
    families = 0;
    i = EnumFontFamiliesA(dc, NULL, (FONTENUMPROCA)fam_proc, 0);
    printf("enum.all ret=%d families=%d mss=%d tahoma=%d\n", i, families, raster_mss, tt_tahoma);
    families = 0;
    stop_after = 2;
    i = EnumFontFamiliesA(dc, NULL, (FONTENUMPROCA)fam_proc, 1);
    printf("enum.stop ret=%d families=%d\n", i, families);
    EnumFontFamiliesA(dc, "MS Sans Serif", (FONTENUMPROCA)size_proc, 0);
    printf("enum.mss n=%d sizes=%d,%d,%d\n", n_mss, mss_sizes[0], mss_sizes[1], mss_sizes[2]);
    {
        LOGFONTW lf;
        memset(&lf, 0, sizeof lf);
        lf.lfCharSet = DEFAULT_CHARSET;
        EnumFontFamiliesExW(dc, &lf, (FONTENUMPROCW)exw_proc, 0, 0);
        printf("enum.exw n=%d tahoma=%d\n", exw_count, exw_tahoma);
    }
    SelectObject(dc, old);
    DeleteObject(mss);
    DeleteObject(tah);
    DeleteDC(dc);
}

/* pixels of a W x H bitmap equal to colour c inside / outside a rectangle */
#define W 200
#define H 80
static void count(HDC dc, const char *tag, RECT *box, COLORREF c)
{
    int x, y, in = 0, out = 0;
    for (y = 0; y < H; y++)
        for (x = 0; x < W; x++)
            if (GetPixel(dc, x, y) == c) {
                if (x >= box->left && x < box->right && y >= box->top && y < box->bottom) in++;
                else out++;
            }
    printf("%s in=%d out=%d\n", tag, in, out);
}

static void clear(HDC dc)
{
    RECT all = {0, 0, W, H};
    SetBkColor(dc, RGB(255, 255, 255));
    ExtTextOutA(dc, 0, 0, ETO_OPAQUE, &all, "", 0, NULL);
}

static void draw(void)
{
    HDC scr = GetDC(NULL);
    HDC dc = CreateCompatibleDC(scr);
    HBITMAP bm = CreateCompatibleBitmap(scr, W, H);
    HFONT f = mkfont(-11, FW_NORMAL, "MS Sans Serif");
    SIZE sz;
    RECT box, clip;
    TEXTMETRICA tm;
    int h;

    SelectObject(dc, bm);
    SelectObject(dc, f);
    GetTextMetricsA(dc, &tm);
    GetTextExtentPoint32A(dc, "Hello", 5, &sz);

    /* transparent: ink only inside the cell box */
    clear(dc);
    SetBkMode(dc, TRANSPARENT);
    SetTextColor(dc, RGB(0, 0, 0));
    TextOutA(dc, 10, 10, "Hello", 5);
    SETRECT(&box, 10, 10, 10 + sz.cx, 10 + sz.cy);
    count(dc, "transparent.black", &box, RGB(0, 0, 0));
    count(dc, "transparent.white", &box, RGB(255, 255, 255));

    /* opaque: the whole cell box is background or text */
    clear(dc);
    SetBkMode(dc, OPAQUE);
    SetBkColor(dc, RGB(255, 0, 0));
    SetTextColor(dc, RGB(0, 0, 255));
    TextOutA(dc, 10, 10, "Hello", 5);
    count(dc, "opaque.red", &box, RGB(255, 0, 0));
    count(dc, "opaque.blue", &box, RGB(0, 0, 255));

    /* alignment: TA_RIGHT|TA_BOTTOM puts the box left of and above the point */
    clear(dc);
    SetBkMode(dc, TRANSPARENT);
    SetTextColor(dc, RGB(0, 0, 0));
    SetTextAlign(dc, TA_RIGHT | TA_BOTTOM);
    TextOutA(dc, 150, 60, "Hello", 5);
    SETRECT(&box, 150 - sz.cx, 60 - sz.cy, 150, 60);
    count(dc, "align.black", &box, RGB(0, 0, 0));
    SetTextAlign(dc, TA_LEFT | TA_TOP);

    /* baseline: glyph ink of 'H' ends on the baseline row */
    clear(dc);
    SetTextAlign(dc, TA_LEFT | TA_BASELINE);
    TextOutA(dc, 10, 40, "H", 1);
    SETRECT(&box, 10, 40 - tm.tmAscent, 10 + sz.cx, 40);
    count(dc, "baseline.black", &box, RGB(0, 0, 0));
    SetTextAlign(dc, TA_LEFT | TA_TOP);

    /* ETO_CLIPPED: nothing outside the clip rectangle */
    clear(dc);
    SETRECT(&clip, 12, 12, 30, 18);
    ExtTextOutA(dc, 10, 10, ETO_CLIPPED, &clip, "Hello", 5, NULL);
    count(dc, "clipped.black", &clip, RGB(0, 0, 0));

    /* ETO_OPAQUE fills the rectangle even in TRANSPARENT mode */
    clear(dc);
    SetBkColor(dc, RGB(0, 255, 0));
    SETRECT(&clip, 100, 5, 180, 30);
    ExtTextOutA(dc, 100, 10, ETO_OPAQUE, &clip, "Hi", 2, NULL);
    count(dc, "etoopaque.green", &clip, RGB(0, 255, 0));

    /* DrawText centred in a rectangle, clipped to it */
    clear(dc);
    SETRECT(&clip, 20, 20, 180, 60);
    h = DrawTextA(dc, "Centre", -1, &clip, DT_CENTER | DT_VCENTER | DT_SINGLELINE);
    GetTextExtentPoint32A(dc, "Centre", 6, &sz);
    SETRECT(&box, 20 + (160 - sz.cx) / 2, 20 + (40 - sz.cy) / 2, 20 + (160 - sz.cx) / 2 + sz.cx,
            20 + (40 - sz.cy) / 2 + sz.cy);
    printf("drawtext ret=%d\n", h);
    count(dc, "centre.black", &box, RGB(0, 0, 0));

    /* prefix: '&F' underlines the F on the row below the baseline */
    clear(dc);
    SETRECT(&clip, 0, 0, W, H);
    DrawTextA(dc, "&F", -1, &clip, DT_SINGLELINE);
    printf("prefix underline=%d,%d above=%d\n", GetPixel(dc, 0, tm.tmAscent + 1) == 0,
           GetPixel(dc, 4, tm.tmAscent + 1) == 0, GetPixel(dc, 4, tm.tmAscent) == 0);

    /* GrayString with a red brush: half the ink of the text */
    clear(dc);
    {
        HBRUSH red = CreateSolidBrush(RGB(255, 0, 0));
        int ok = GrayStringA(dc, red, NULL, (LPARAM)"Hello", 5, 10, 10, 0, 0);
        SETRECT(&box, 10, 10, 10 + 40, 10 + tm.tmHeight);
        printf("gray ok=%d\n", ok);
        count(dc, "gray.red", &box, RGB(255, 0, 0));
        DeleteObject(red);
    }
    /* the same text in black for comparison */
    clear(dc);
    TextOutA(dc, 10, 10, "Hello", 5);
    count(dc, "plain.black", &box, RGB(0, 0, 0));

    /* DrawState: disabled text is embossed (white one pixel down-right, grey shadow), DSS_MONO uses the brush */
    {
        RECT all = {0, 0, W, H};
        HBRUSH red = CreateSolidBrush(RGB(255, 0, 0));
        SetBkColor(dc, RGB(192, 192, 192));
        ExtTextOutA(dc, 0, 0, ETO_OPAQUE, &all, "", 0, NULL);
        printf("state.disabled ok=%d\n", DrawStateA(dc, NULL, NULL, (LPARAM)"Hello", 5, 10, 10, 0, 0,
                                                   DST_TEXT | DSS_DISABLED));
        SETRECT(&box, 10, 10, 10 + 24 + 1, 10 + 13 + 1);
        count(dc, "state.white", &box, RGB(255, 255, 255));
        count(dc, "state.grey", &box, RGB(128, 128, 128));
        ExtTextOutA(dc, 0, 0, ETO_OPAQUE, &all, "", 0, NULL);
        DrawStateA(dc, red, NULL, (LPARAM)"&Hello", 0, 10, 10, 0, 0, DST_PREFIXTEXT | DSS_MONO);
        SETRECT(&box, 10, 10, 10 + 24, 10 + 13);
        count(dc, "state.mono", &box, RGB(255, 0, 0));
        DeleteObject(red);
    }

    DeleteDC(dc);
    DeleteObject(bm);
    DeleteObject(f);
    ReleaseDC(NULL, scr);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "metrics")) metrics();
    else if (argc > 1 && !strcmp(argv[1], "draw")) draw();
    else return 2;
    fflush(stdout);
    return 0;
}
