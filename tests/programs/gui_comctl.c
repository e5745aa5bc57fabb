/* Common controls and common dialogs: progress bar, status bar, list view, image list, window subclassing
 * (comctl32) and the file dialogs, GetFileTitle, PrintDlg, Find (comdlg32).
 * Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o gui_comctl.exe gui_comctl.c -lcomctl32 -lcomdlg32 -lgdi32
 * Usage: gui_comctl controls      drive the controls with messages, print what the getters return ("tag k=v")
 *        gui_comctl show          a window with the controls, for screenshots (runs until closed)
 *        gui_comctl save [hook]   GetSaveFileNameA (hook: explorer hook, GetSaveFileNameW) then write the file
 *        gui_comctl open [DIR]    GetOpenFileNameA with OFN_FILEMUSTEXIST (starting in DIR), print the file's first line
 *        gui_comctl multi         GetOpenFileNameA with OFN_ALLOWMULTISELECT | OFN_EXPLORER, print the names
 *        gui_comctl find          FindTextA; print what the FINDMSGSTRING message carries
 *        gui_comctl font          ChooseFontA starting at Arial 12 pt bold; print the chosen LOGFONT
 *        gui_comctl misc          GetFileTitle, PrintDlg, CommDlgExtendedError */
#include <windows.h>
#include <commctrl.h>
#include <commdlg.h>
#include <stdio.h>
#include <string.h>

#ifndef CDN_INITDONE
#define CDN_INITDONE (CDN_FIRST - 0)
#endif

static HWND g_main, g_prog, g_status, g_list;

static LRESULT CALLBACK MainProc(HWND h, UINT m, WPARAM w, LPARAM l)
{
    if (m == WM_SIZE && g_status) SendMessageA(g_status, WM_SIZE, w, l);
    if (m == WM_DESTROY) PostQuitMessage(0);
    return DefWindowProcA(h, m, w, l);
}

static void make_main(int w, int h)
{
    WNDCLASSA wc = {0};
    wc.lpfnWndProc = MainProc;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.hbrBackground = (HBRUSH)(COLOR_BTNFACE + 1);
    wc.lpszClassName = "ComctlTest";
    wc.hCursor = LoadCursorA(NULL, IDC_ARROW);
    RegisterClassA(&wc);
    g_main = CreateWindowExA(0, "ComctlTest", "Common controls", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 40, 30, w, h,
                             NULL, NULL, wc.hInstance, NULL);
}

/* ---- subclassing ---- */
static int sub_calls, sub2_calls;
static LRESULT CALLBACK Sub1(HWND h, UINT m, WPARAM w, LPARAM l, UINT_PTR id, DWORD_PTR ref)
{
    if (m == WM_USER + 7) { sub_calls++; return DefSubclassProc(h, m, w, l) + (LRESULT)ref; }
    if (m == WM_GETTEXTLENGTH) return 1000;
    return DefSubclassProc(h, m, w, l);
}
static LRESULT CALLBACK Sub2(HWND h, UINT m, WPARAM w, LPARAM l, UINT_PTR id, DWORD_PTR ref)
{
    if (m == WM_USER + 7) { sub2_calls++; return DefSubclassProc(h, m, w, l) * 10; }
    return DefSubclassProc(h, m, w, l);
}
static LRESULT CALLBACK Base(HWND h, UINT m, WPARAM w, LPARAM l)
{
    if (m == WM_USER + 7) return 5;
    return DefWindowProcA(h, m, w, l);
}

static void test_subclass(void)
{
    WNDCLASSA wc = {0};
    DWORD_PTR ref = 0;
    wc.lpfnWndProc = Base;
    wc.lpszClassName = "SubBase";
    RegisterClassA(&wc);
    HWND h = CreateWindowExA(0, "SubBase", "abc", WS_CHILD, 0, 0, 10, 10, g_main, NULL, NULL, NULL);
    LONG_PTR before = GetWindowLongPtrA(h, GWLP_WNDPROC);
    BOOL ok1 = SetWindowSubclass(h, Sub1, 1, 100);
    LONG_PTR during = GetWindowLongPtrA(h, GWLP_WNDPROC);
    LRESULT r1 = SendMessageA(h, WM_USER + 7, 0, 0);      /* Sub1: 5 + 100 */
    BOOL ok2 = SetWindowSubclass(h, Sub2, 2, 0);
    LRESULT r2 = SendMessageA(h, WM_USER + 7, 0, 0);      /* Sub2 -> Sub1 -> Base: (5 + 100) * 10 */
    BOOL got = GetWindowSubclass(h, Sub1, 1, &ref);
    BOOL got_wrong = GetWindowSubclass(h, Sub1, 9, NULL);
    int tlen = GetWindowTextLengthA(h);                    /* Sub1 answers 1000 */
    char txt[16] = "";
    SetWindowTextA(h, "hello");                            /* ANSI in, through the Unicode chain, ANSI original */
    GetWindowTextA(h, txt, sizeof txt);
    int uni_during = IsWindowUnicode(h);
    SetWindowSubclass(h, Sub1, 1, 7);                      /* same id: new reference data only */
    LRESULT r3 = SendMessageA(h, WM_USER + 7, 0, 0);      /* (5 + 7) * 10 */
    RemoveWindowSubclass(h, Sub2, 2);
    LRESULT r4 = SendMessageA(h, WM_USER + 7, 0, 0);      /* 12 */
    RemoveWindowSubclass(h, Sub1, 1);
    LONG_PTR after = GetWindowLongPtrA(h, GWLP_WNDPROC);
    LRESULT r5 = SendMessageA(h, WM_USER + 7, 0, 0);
    printf("subclass ok=%d,%d changed=%d r1=%ld r2=%ld got=%d ref=%lu wrong=%d len=%d r3=%ld r4=%ld restored=%d r5=%ld "
           "calls=%d,%d unicode=%d text=[%s] unicode_during=%d\n", ok1, ok2, before != during, (long)r1, (long)r2, got, (unsigned long)ref,
           got_wrong, tlen, (long)r3, (long)r4, after == before, (long)r5, sub_calls, sub2_calls,
           IsWindowUnicode(h), txt, uni_during);
    DestroyWindow(h);
}

/* ---- image list ---- */
static void test_imagelist(void)
{
    HDC screen = GetDC(NULL);
    HDC mdc = CreateCompatibleDC(screen);
    HBITMAP strip = CreateCompatibleBitmap(screen, 32, 16);   /* two 16x16 images */
    HGDIOBJ old = SelectObject(mdc, strip);
    RECT r = {0, 0, 32, 16};
    HBRUSH magenta = CreateSolidBrush(RGB(255, 0, 255)), red = CreateSolidBrush(RGB(255, 0, 0));
    HBRUSH blue = CreateSolidBrush(RGB(0, 0, 255));
    FillRect(mdc, &r, magenta);
    RECT a = {4, 4, 12, 12}, b = {20, 4, 28, 12};
    FillRect(mdc, &a, red);
    FillRect(mdc, &b, blue);
    SelectObject(mdc, old);
    HIMAGELIST il = ImageList_Create(16, 16, ILC_COLOR24 | ILC_MASK, 2, 2);
    int first = ImageList_AddMasked(il, strip, RGB(255, 0, 255));
    int count = ImageList_GetImageCount(il);
    int cx = 0, cy = 0;
    ImageList_GetIconSize(il, &cx, &cy);
    /* the masked colour became black in the source bitmap */
    SelectObject(mdc, strip);
    COLORREF src00 = GetPixel(mdc, 0, 0);
    /* draw into a white target: transparent draw keeps white around the square */
    HBITMAP target = CreateCompatibleBitmap(screen, 64, 32);
    SelectObject(mdc, target);
    RECT t = {0, 0, 64, 32};
    FillRect(mdc, &t, (HBRUSH)GetStockObject(WHITE_BRUSH));
    BOOL d1 = ImageList_Draw(il, 0, mdc, 0, 0, ILD_TRANSPARENT);
    BOOL d2 = ImageList_Draw(il, 1, mdc, 16, 0, ILD_NORMAL);      /* bk CLR_NONE: transparent as well */
    COLORREF oldbk = ImageList_SetBkColor(il, RGB(0, 255, 0));
    BOOL d3 = ImageList_Draw(il, 1, mdc, 32, 0, ILD_NORMAL);      /* masked part in green */
    BOOL d4 = ImageList_DrawEx(il, 0, mdc, 48, 0, 0, 0, CLR_NONE, CLR_DEFAULT, ILD_MASK);
    BOOL d5 = ImageList_Draw(il, 5, mdc, 0, 16, ILD_NORMAL);      /* no such image */
    printf("imagelist first=%d count=%d size=%dx%d src00=%06lx draw=%d,%d,%d,%d,%d oldbk=%08lx\n", first, count, cx, cy,
           (unsigned long)src00, d1, d2, d3, d4, d5, (unsigned long)oldbk);
    printf("ilpix t0=%06lx t8=%06lx n0=%06lx n8=%06lx g0=%06lx g8=%06lx m0=%06lx m8=%06lx\n",
           (unsigned long)GetPixel(mdc, 0, 0), (unsigned long)GetPixel(mdc, 8, 8),
           (unsigned long)GetPixel(mdc, 17, 1), (unsigned long)GetPixel(mdc, 24, 8),
           (unsigned long)GetPixel(mdc, 33, 1), (unsigned long)GetPixel(mdc, 40, 8),
           (unsigned long)GetPixel(mdc, 49, 1), (unsigned long)GetPixel(mdc, 56, 8));
    HICON icon = LoadIconA(NULL, (LPCSTR)IDI_APPLICATION);
    int iconidx = ImageList_AddIcon(il, icon);
    HICON back = ImageList_GetIcon(il, iconidx, ILD_NORMAL);
    ICONINFO ii = {0};
    BOOL gi = back && GetIconInfo(back, &ii);
    printf("ilicon index=%d count=%d geticon=%d info=%d\n", iconidx, ImageList_GetImageCount(il), back != NULL, gi);
    if (back) DestroyIcon(back);
    ImageList_Remove(il, iconidx);
    BOOL rm = ImageList_Remove(il, 0);
    int count2 = ImageList_GetImageCount(il);
    BOOL rmall = ImageList_Remove(il, -1);
    printf("ilremove rm=%d count1=%d all=%d count2=%d destroy=%d\n", rm, count2, rmall, ImageList_GetImageCount(il),
           ImageList_Destroy(il));
    SelectObject(mdc, old);
    DeleteObject(target);
    DeleteObject(strip);
    DeleteDC(mdc);
    ReleaseDC(NULL, screen);
}

/* ---- progress bar ---- */
static void test_progress(void)
{
    g_prog = CreateWindowExA(0, PROGRESS_CLASSA, NULL, WS_CHILD | WS_VISIBLE, 10, 10, 200, 18, g_main, (HMENU)10,
                             NULL, NULL);
    LRESULT r0 = SendMessageA(g_prog, PBM_SETRANGE, 0, MAKELPARAM(0, 200));
    LRESULT p0 = SendMessageA(g_prog, PBM_SETPOS, 50, 0);
    LRESULT p1 = SendMessageA(g_prog, PBM_DELTAPOS, 25, 0);
    LRESULT pos1 = SendMessageA(g_prog, PBM_GETPOS, 0, 0);
    LRESULT s0 = SendMessageA(g_prog, PBM_SETSTEP, 100, 0);
    LRESULT st1 = SendMessageA(g_prog, PBM_STEPIT, 0, 0);
    LRESULT pos2 = SendMessageA(g_prog, PBM_GETPOS, 0, 0);
    LRESULT st2 = SendMessageA(g_prog, PBM_STEPIT, 0, 0);      /* 175 + 100 wraps past 200 */
    LRESULT pos3 = SendMessageA(g_prog, PBM_GETPOS, 0, 0);
    LRESULT over = SendMessageA(g_prog, PBM_SETPOS, 999, 0);
    LRESULT pos4 = SendMessageA(g_prog, PBM_GETPOS, 0, 0);
    LRESULT r1 = SendMessageA(g_prog, PBM_SETRANGE32, 0, 1000);
    PBRANGE rg;
    LRESULT lo = SendMessageA(g_prog, PBM_GETRANGE, TRUE, (LPARAM)&rg);
    LRESULT hi = SendMessageA(g_prog, PBM_GETRANGE, FALSE, 0);
    SendMessageA(g_prog, PBM_SETPOS, 500, 0);
    printf("progress setrange=%08lx setpos=%ld delta=%ld pos1=%ld setstep=%ld stepit1=%ld pos2=%ld stepit2=%ld pos3=%ld "
           "over=%ld pos4=%ld range32=%08lx lo=%ld hi=%ld rg=%d,%d\n", (long)r0, (long)p0, (long)p1, (long)pos1, (long)s0,
           (long)st1, (long)pos2, (long)st2, (long)pos3, (long)over, (long)pos4, (long)r1, (long)lo, (long)hi,
           rg.iLow, rg.iHigh);
    LONG ex = GetWindowLongA(g_prog, GWL_EXSTYLE);
    RECT wr, cr;
    GetWindowRect(g_prog, &wr);
    GetClientRect(g_prog, &cr);
    printf("progressframe staticedge=%d client=%ldx%ld window=%ldx%ld\n", (ex & WS_EX_STATICEDGE) != 0,
           cr.right, cr.bottom, wr.right - wr.left, wr.bottom - wr.top);
}

static void test_progress_pixels(void)
{
    HDC dc = GetDC(g_prog);
    /* half full: the bar (highlight blocks) on the left, the background on the right */
    printf("progresspix left=%06lx right=%06lx gap=%06lx edge=%06lx\n", (unsigned long)GetPixel(dc, 3, 8),
           (unsigned long)GetPixel(dc, 190, 8), (unsigned long)GetPixel(dc, 10, 8),
           (unsigned long)GetPixel(dc, 0, 0));
    ReleaseDC(g_prog, dc);
}

/* ---- status bar ---- */
static void test_status(void)
{
    g_status = CreateStatusWindowA(WS_CHILD | WS_VISIBLE | SBARS_SIZEGRIP, "Ready", g_main, 11);
    int parts[3] = {100, 200, -1};
    LRESULT sp = SendMessageA(g_status, SB_SETPARTS, 3, (LPARAM)parts);
    SendMessageA(g_status, SB_SETTEXTA, 1, (LPARAM)"Part two");
    SendMessageA(g_status, SB_SETTEXTA, 2 | SBT_POPOUT, (LPARAM)"Three");
    char buf[64] = "";
    LRESULT g0 = SendMessageA(g_status, SB_GETTEXTA, 0, (LPARAM)buf);
    char buf2[64] = "";
    LRESULT g2 = SendMessageA(g_status, SB_GETTEXTA, 2, (LPARAM)buf2);
    LRESULT len1 = SendMessageA(g_status, SB_GETTEXTLENGTHA, 1, 0);
    int got[4] = {0};
    LRESULT np = SendMessageA(g_status, SB_GETPARTS, 4, (LPARAM)got);
    RECT pr, sr, mr;
    SendMessageA(g_status, SB_GETRECT, 1, (LPARAM)&pr);
    GetWindowRect(g_status, &sr);
    GetClientRect(g_main, &mr);
    POINT o = {0, 0};
    ClientToScreen(g_main, &o);
    int borders[3];
    SendMessageA(g_status, SB_GETBORDERS, 0, (LPARAM)borders);
    printf("status setparts=%ld text0=[%s] r0=%08lx text2=[%s] r2=%08lx len1=%08lx nparts=%ld parts=%d,%d,%d "
           "rect1=%ld,%ld,%ld,%ld borders=%d,%d,%d\n", (long)sp, buf, (unsigned long)g0, buf2, (unsigned long)g2,
           (unsigned long)len1, (long)np, got[0], got[1], got[2], pr.left, pr.top, pr.right, pr.bottom, borders[0],
           borders[1], borders[2]);
    printf("statuspos bottom=%d width=%d height=%ld\n", sr.bottom == o.y + mr.bottom, (int)(sr.right - sr.left) == mr.right,
           sr.bottom - sr.top);
    /* the parent grows: forwarding WM_SIZE moves the bar to the new bottom */
    SetWindowPos(g_main, NULL, 0, 0, 560, 420, SWP_NOMOVE | SWP_NOZORDER);
    GetWindowRect(g_status, &sr);
    GetClientRect(g_main, &mr);
    o.x = o.y = 0;
    ClientToScreen(g_main, &o);
    printf("statusresize bottom=%d width=%d\n", sr.bottom == o.y + mr.bottom, (int)(sr.right - sr.left) == mr.right);
    SendMessageA(g_status, SB_SIMPLE, TRUE, 0);
    SendMessageA(g_status, SB_SETTEXTA, SB_SIMPLEID, (LPARAM)"Simple text");
    char sb[64] = "";
    LRESULT is = SendMessageA(g_status, SB_ISSIMPLE, 0, 0);
    SendMessageA(g_status, SB_GETTEXTA, SB_SIMPLEID, (LPARAM)sb);
    SendMessageA(g_status, SB_SIMPLE, FALSE, 0);
    char wt[64] = "";
    GetWindowTextA(g_status, wt, sizeof wt);
    HDC sdc = GetDC(NULL), mdc = CreateCompatibleDC(sdc);
    HBITMAP bm = CreateCompatibleBitmap(sdc, 100, 20);
    HGDIOBJ ob = SelectObject(mdc, bm);
    RECT dr = {0, 0, 100, 20};
    FillRect(mdc, &dr, (HBRUSH)GetStockObject(WHITE_BRUSH));
    DrawStatusTextA(mdc, &dr, "Drawn", 0);
    printf("drawstatus tl=%06lx br=%06lx\n", (unsigned long)GetPixel(mdc, 0, 0), (unsigned long)GetPixel(mdc, 99, 19));
    SelectObject(mdc, ob);
    DeleteObject(bm);
    DeleteDC(mdc);
    ReleaseDC(NULL, sdc);
    printf("statussimple is=%ld text=[%s] after=%ld window=[%s]\n", (long)is, sb, (long)SendMessageA(g_status, SB_ISSIMPLE, 0, 0), wt);
}

/* ---- list view ---- */
static int lv_inserts, lv_changed, lv_deletes;
static int CALLBACK by_param_desc(LPARAM a, LPARAM b, LPARAM s) { return (int)(b - a); }

static void lv_insert(int i, const char *a, const char *b, LPARAM p)
{
    LVITEMA it = {0};
    it.mask = LVIF_TEXT | LVIF_PARAM;
    it.iItem = i;
    it.pszText = (char *)a;
    it.lParam = p;
    int at = (int)SendMessageA(g_list, LVM_INSERTITEMA, 0, (LPARAM)&it);
    it.iSubItem = 1;
    it.pszText = (char *)b;
    SendMessageA(g_list, LVM_SETITEMTEXTA, at, (LPARAM)&it);
}

static void test_listview(void)
{
    g_list = CreateWindowExA(WS_EX_CLIENTEDGE, WC_LISTVIEWA, "", WS_CHILD | WS_VISIBLE | LVS_REPORT | LVS_SHOWSELALWAYS,
                             10, 40, 300, 120, g_main, (HMENU)12, NULL, NULL);
    LVCOLUMNA c = {0};
    c.mask = LVCF_TEXT | LVCF_WIDTH;
    c.cx = 120;
    c.pszText = "Name";
    LRESULT c0 = SendMessageA(g_list, LVM_INSERTCOLUMNA, 0, (LPARAM)&c);
    c.cx = 90;
    c.pszText = "Size";
    LRESULT c1 = SendMessageA(g_list, LVM_INSERTCOLUMNA, 1, (LPARAM)&c);
    lv_insert(0, "alpha.txt", "10 KB", 1);
    lv_insert(1, "beta.txt", "20 KB", 2);
    lv_insert(0, "gamma.txt", "30 KB", 3);      /* inserted at the top */
    for (int i = 0; i < 20; i++) {
        char n[32];
        sprintf(n, "file%02d.dat", i);
        lv_insert(1000, n, "1 KB", 10 + i);     /* past the end: appended */
    }
    LRESULT count = SendMessageA(g_list, LVM_GETITEMCOUNT, 0, 0);
    char t0[64] = "", t1[64] = "";
    LVITEMA it = {0};
    it.iSubItem = 0; it.pszText = t0; it.cchTextMax = sizeof t0;
    LRESULT l0 = SendMessageA(g_list, LVM_GETITEMTEXTA, 0, (LPARAM)&it);
    it.iSubItem = 1; it.pszText = t1; it.cchTextMax = sizeof t1;
    SendMessageA(g_list, LVM_GETITEMTEXTA, 2, (LPARAM)&it);
    it.stateMask = LVIS_SELECTED | LVIS_FOCUSED;
    it.state = LVIS_SELECTED | LVIS_FOCUSED;
    SendMessageA(g_list, LVM_SETITEMSTATE, 2, (LPARAM)&it);
    LRESULT sel = SendMessageA(g_list, LVM_GETNEXTITEM, (WPARAM)-1, LVNI_SELECTED);
    LRESULT foc = SendMessageA(g_list, LVM_GETNEXTITEM, (WPARAM)-1, LVNI_FOCUSED);
    LRESULT selcount = SendMessageA(g_list, LVM_GETSELECTEDCOUNT, 0, 0);
    LRESULT st = SendMessageA(g_list, LVM_GETITEMSTATE, 2, LVIS_SELECTED);
    LVFINDINFOA fi = {0};
    fi.flags = LVFI_STRING;
    fi.psz = "file05.dat";
    LRESULT found = SendMessageA(g_list, LVM_FINDITEMA, (WPARAM)-1, (LPARAM)&fi);
    fi.flags = LVFI_PARAM;
    fi.lParam = 2;
    LRESULT foundp = SendMessageA(g_list, LVM_FINDITEMA, (WPARAM)-1, (LPARAM)&fi);
    LRESULT perpage = SendMessageA(g_list, LVM_GETCOUNTPERPAGE, 0, 0);
    SendMessageA(g_list, LVM_ENSUREVISIBLE, 22, FALSE);
    LRESULT top = SendMessageA(g_list, LVM_GETTOPINDEX, 0, 0);
    LONG style = GetWindowLongA(g_list, GWL_STYLE);
    printf("listview cols=%ld,%ld count=%ld text0=[%s] len0=%ld text2sub1=[%s] sel=%ld foc=%ld selcount=%ld state=%ld "
           "found=%ld foundp=%ld perpage=%ld top=%ld vscroll=%d\n", (long)c0, (long)c1, (long)count, t0, (long)l0, t1,
           (long)sel, (long)foc, (long)selcount, (long)st, (long)found, (long)foundp, (long)perpage, (long)top,
           (style & WS_VSCROLL) != 0);
    LRESULT ex0 = SendMessageA(g_list, LVM_SETEXTENDEDLISTVIEWSTYLE, 0, LVS_EX_FULLROWSELECT | LVS_EX_GRIDLINES);
    LRESULT ex1 = SendMessageA(g_list, LVM_GETEXTENDEDLISTVIEWSTYLE, 0, 0);
    LRESULT cw = SendMessageA(g_list, LVM_SETCOLUMNWIDTH, 1, 70);
    LRESULT cwv = SendMessageA(g_list, LVM_GETCOLUMNWIDTH, 1, 0);
    LRESULT del = SendMessageA(g_list, LVM_DELETEITEM, 0, 0);
    LRESULT count2 = SendMessageA(g_list, LVM_GETITEMCOUNT, 0, 0);
    LRESULT sel2 = SendMessageA(g_list, LVM_GETNEXTITEM, (WPARAM)-1, LVNI_SELECTED);   /* moved up by one */
    LRESULT sorted = SendMessageA(g_list, LVM_SORTITEMS, 0, (LPARAM)by_param_desc);
    char f[64] = "";
    it.iSubItem = 0; it.pszText = f; it.cchTextMax = sizeof f;
    SendMessageA(g_list, LVM_GETITEMTEXTA, 0, (LPARAM)&it);
    RECT ir;
    ir.left = LVIR_BOUNDS;
    SendMessageA(g_list, LVM_ENSUREVISIBLE, 0, FALSE);
    LRESULT gr = SendMessageA(g_list, LVM_GETITEMRECT, 1, (LPARAM)&ir);
    LVHITTESTINFO ht = {{ir.left + 5, ir.top + 3}, 0, 0, 0};
    LRESULT hit = SendMessageA(g_list, LVM_HITTEST, 0, (LPARAM)&ht);
    printf("listview2 ex0=%lx ex1=%lx cw=%ld cwv=%ld del=%ld count=%ld sel=%ld sorted=%ld first=[%s] rect=%ld:%ld,%ld,%ld,%ld "
           "hit=%ld flags=%x inserts=%d changed=%d deletes=%d\n", (long)ex0, (long)ex1, (long)cw, (long)cwv, (long)del,
           (long)count2, (long)sel2, (long)sorted, f, (long)gr, ir.left, ir.top, ir.right, ir.bottom, (long)hit, ht.flags,
           lv_inserts, lv_changed, lv_deletes);
}

static LRESULT CALLBACK NotifyProc(HWND h, UINT m, WPARAM w, LPARAM l)
{
    if (m == WM_NOTIFY) {
        NMHDR *n = (NMHDR *)l;
        if (n->code == LVN_INSERTITEM) lv_inserts++;
        if (n->code == LVN_ITEMCHANGED) lv_changed++;
        if (n->code == LVN_DELETEITEM) lv_deletes++;
    }
    return MainProc(h, m, w, l);
}

static void pump(void)
{
    MSG msg;
    while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) { TranslateMessage(&msg); DispatchMessageA(&msg); }
}

static int controls(int show)
{
    INITCOMMONCONTROLSEX icc = {sizeof icc, ICC_WIN95_CLASSES};
    BOOL init = InitCommonControlsEx(&icc);
    INITCOMMONCONTROLSEX bad = {3, ICC_WIN95_CLASSES};
    printf("init ok=%d bad=%d\n", init, InitCommonControlsEx(&bad));
    make_main(520, 380);
    SetWindowLongPtrA(g_main, GWLP_WNDPROC, (LONG_PTR)NotifyProc);
    test_subclass();
    test_imagelist();
    test_progress();
    test_status();
    test_listview();
    UpdateWindow(g_main);
    pump();
    test_progress_pixels();
    if (!show) return 0;
    MSG msg;
    while (GetMessageA(&msg, NULL, 0, 0) > 0) { TranslateMessage(&msg); DispatchMessageA(&msg); }
    return 0;
}

/* ---- file dialogs ---- */
static int hook_init, hook_initdone, hook_fileok, hook_folder;
static WCHAR hook_path[MAX_PATH], hook_spec[MAX_PATH];

static UINT_PTR CALLBACK Hook(HWND dlg, UINT m, WPARAM w, LPARAM l)
{
    if (m == WM_INITDIALOG) hook_init = ((OPENFILENAMEW *)l)->lCustData == 1234;
    if (m == WM_NOTIFY) {
        OFNOTIFYW *n = (OFNOTIFYW *)l;
        if (n->hdr.code == CDN_INITDONE) hook_initdone++;
        if (n->hdr.code == CDN_FOLDERCHANGE) hook_folder++;
        if (n->hdr.code == CDN_FILEOK) {
            hook_fileok++;
            SendMessageW(GetParent(dlg), CDM_GETFILEPATH, MAX_PATH, (LPARAM)hook_path);
            SendMessageW(GetParent(dlg), CDM_GETSPEC, MAX_PATH, (LPARAM)hook_spec);
        }
    }
    return 0;
}

static int save(int hook)
{
    char path[MAX_PATH] = "", title[MAX_PATH] = "";
    BOOL ok;
    DWORD err;
    int offset, ext, findex;
    if (!hook) {
        OPENFILENAMEA o = {0};
        o.lStructSize = sizeof o;
        o.lpstrFilter = "Text Files (*.txt)\0*.txt\0All Files (*.*)\0*.*\0";
        o.nFilterIndex = 1;
        o.lpstrFile = path;
        o.nMaxFile = sizeof path;
        o.lpstrFileTitle = title;
        o.nMaxFileTitle = sizeof title;
        o.lpstrDefExt = "txt";
        o.Flags = OFN_OVERWRITEPROMPT | OFN_PATHMUSTEXIST | OFN_HIDEREADONLY;
        ok = GetSaveFileNameA(&o);
        err = CommDlgExtendedError();
        offset = o.nFileOffset; ext = o.nFileExtension; findex = (int)o.nFilterIndex;
    } else {
        WCHAR wpath[MAX_PATH] = L"", wtitle[MAX_PATH] = L"";
        OPENFILENAMEW o = {0};
        o.lStructSize = sizeof o;
        o.lpstrFilter = L"Text Files (*.txt)\0*.txt\0All Files (*.*)\0*.*\0";
        o.nFilterIndex = 2;
        o.lpstrFile = wpath;
        o.nMaxFile = MAX_PATH;
        o.lpstrFileTitle = wtitle;
        o.nMaxFileTitle = MAX_PATH;
        o.lpstrDefExt = L"txt";
        o.lCustData = 1234;
        o.lpfnHook = Hook;
        o.Flags = OFN_EXPLORER | OFN_ENABLEHOOK | OFN_OVERWRITEPROMPT | OFN_HIDEREADONLY;
        ok = GetSaveFileNameW(&o);
        err = CommDlgExtendedError();
        offset = o.nFileOffset; ext = o.nFileExtension; findex = (int)o.nFilterIndex;
        WideCharToMultiByte(CP_ACP, 0, wpath, -1, path, sizeof path, NULL, NULL);
        WideCharToMultiByte(CP_ACP, 0, wtitle, -1, title, sizeof title, NULL, NULL);
        char hp[MAX_PATH], hs[MAX_PATH];
        WideCharToMultiByte(CP_ACP, 0, hook_path, -1, hp, sizeof hp, NULL, NULL);
        WideCharToMultiByte(CP_ACP, 0, hook_spec, -1, hs, sizeof hs, NULL, NULL);
        printf("hook init=%d initdone=%d fileok=%d folder=%d path=[%s] spec=[%s]\n", hook_init, hook_initdone,
               hook_fileok, hook_folder, hp, hs);
    }
    printf("save ok=%d err=%lx path=[%s] title=[%s] offset=%d ext=%d filter=%d\n", ok, (unsigned long)err, path, title,
           offset, ext, findex);
    if (ok) {
        HANDLE f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
        DWORD n = 0;
        BOOL w = f != INVALID_HANDLE_VALUE && WriteFile(f, "saved by gui_comctl\r\n", 21, &n, NULL);
        if (f != INVALID_HANDLE_VALUE) CloseHandle(f);
        printf("write ok=%d n=%lu\n", w, (unsigned long)n);
    }
    return 0;
}

static int open_file(const char *dir)
{
    char path[MAX_PATH] = "";
    OPENFILENAMEA o = {0};
    o.lStructSize = sizeof o;
    o.lpstrInitialDir = dir;
    o.lpstrFilter = "Text Files (*.txt)\0*.txt\0";
    o.lpstrFile = path;
    o.nMaxFile = sizeof path;
    o.Flags = OFN_FILEMUSTEXIST | OFN_PATHMUSTEXIST;
    BOOL ok = GetOpenFileNameA(&o);
    printf("open ok=%d err=%lx path=[%s] offset=%d ext=%d readonly=%d\n", ok, (unsigned long)CommDlgExtendedError(),
           path, o.nFileOffset, o.nFileExtension, (o.Flags & OFN_READONLY) != 0);
    if (ok) {
        char line[128] = "";
        FILE *f = fopen(path, "r");
        if (f) { fgets(line, sizeof line, f); fclose(f); }
        line[strcspn(line, "\r\n")] = 0;
        printf("content text=[%s]\n", line);
    }
    return 0;
}

static int open_multi(void)
{
    char buf[512] = "";
    OPENFILENAMEA o = {0};
    o.lStructSize = sizeof o;
    o.lpstrFilter = "All Files\0*.*\0";
    o.lpstrFile = buf;
    o.nMaxFile = sizeof buf;
    o.Flags = OFN_ALLOWMULTISELECT | OFN_EXPLORER | OFN_FILEMUSTEXIST;
    BOOL ok = GetOpenFileNameA(&o);
    printf("multi ok=%d offset=%d names=[", ok, o.nFileOffset);
    for (char *p = buf; *p; p += strlen(p) + 1) printf("%s%s", p == buf ? "" : "|", p);
    printf("]\n");
    return 0;
}

/* ---- find ---- */
static UINT g_findmsg;
static HWND g_find;
static char g_what[80] = "old";
static FINDREPLACEA g_fr;

static LRESULT CALLBACK FindOwner(HWND h, UINT m, WPARAM w, LPARAM l)
{
    if (m == g_findmsg && g_findmsg) {
        FINDREPLACEA *fr = (FINDREPLACEA *)l;
        printf("findmsg same=%d what=[%s] next=%d down=%d case=%d word=%d term=%d\n", fr == &g_fr, fr->lpstrFindWhat,
               (fr->Flags & FR_FINDNEXT) != 0, (fr->Flags & FR_DOWN) != 0, (fr->Flags & FR_MATCHCASE) != 0,
               (fr->Flags & FR_WHOLEWORD) != 0, (fr->Flags & FR_DIALOGTERM) != 0);
        if (fr->Flags & FR_DIALOGTERM) { g_find = NULL; PostQuitMessage(0); }
        else DestroyWindow(g_find), g_find = NULL, PostQuitMessage(0);
        return 0;
    }
    if (m == WM_DESTROY) PostQuitMessage(0);
    return DefWindowProcA(h, m, w, l);
}

static int find(void)
{
    WNDCLASSA wc = {0};
    wc.lpfnWndProc = FindOwner;
    wc.lpszClassName = "FindOwner";
    wc.hbrBackground = (HBRUSH)(COLOR_WINDOW + 1);
    RegisterClassA(&wc);
    g_main = CreateWindowExA(0, "FindOwner", "Find owner", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 20, 20, 400, 300, NULL,
                             NULL, NULL, NULL);
    g_findmsg = RegisterWindowMessageA(FINDMSGSTRINGA);
    g_fr.lStructSize = sizeof g_fr;
    g_fr.hwndOwner = g_main;
    g_fr.lpstrFindWhat = g_what;
    g_fr.wFindWhatLen = sizeof g_what;
    g_fr.Flags = FR_DOWN;
    g_find = FindTextA(&g_fr);
    char title[64] = "";
    GetWindowTextA(g_find, title, sizeof title);
    printf("find hwnd=%d title=[%s] msg=%d\n", g_find != NULL, title, g_findmsg >= 0xC000);
    MSG msg;
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        if (g_find && IsDialogMessageA(g_find, &msg)) continue;
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
    return 0;
}

static int font(void)
{
    LOGFONTA lf = {0};
    lf.lfHeight = -16;
    lf.lfWeight = FW_BOLD;
    strcpy(lf.lfFaceName, "Arial");
    CHOOSEFONTA cf = {0};
    cf.lStructSize = sizeof cf;
    cf.lpLogFont = &lf;
    cf.Flags = CF_SCREENFONTS | CF_INITTOLOGFONTSTRUCT | CF_EFFECTS;
    cf.rgbColors = RGB(255, 0, 0);
    BOOL ok = ChooseFontA(&cf);
    printf("font ok=%d err=%lx face=[%s] height=%ld weight=%ld italic=%d underline=%d points=%d color=%06lx type=%x\n", ok,
           (unsigned long)CommDlgExtendedError(), lf.lfFaceName, lf.lfHeight, lf.lfWeight, lf.lfItalic, lf.lfUnderline,
           cf.iPointSize, (unsigned long)cf.rgbColors, cf.nFontType);
    return 0;
}

static int misc(void)
{
    char t[64];
    short r1 = GetFileTitleA("C:\\dir\\name.txt", t, sizeof t);
    printf("title r=%d t=[%s]\n", r1, t);
    short r2 = GetFileTitleA("C:\\dir\\name.txt", t, 4);
    short r3 = GetFileTitleA("C:\\dir\\", t, sizeof t);
    short r4 = GetFileTitleA("plain", t, sizeof t);
    printf("titles small=%d dir=%d plain=%d t=[%s]\n", r2, r3, r4, t);
    PRINTDLGA pd = {0};
    pd.lStructSize = sizeof pd;
    pd.Flags = PD_RETURNDEFAULT;
    BOOL p = PrintDlgA(&pd);
    DWORD e = CommDlgExtendedError();
    pd.lStructSize = 12;
    BOOL p2 = PrintDlgA(&pd);
    printf("print ok=%d err=%lx bad=%d err2=%lx\n", p, (unsigned long)e, p2, (unsigned long)CommDlgExtendedError());
    OPENFILENAMEA o = {0};
    char path[8] = "";
    o.lStructSize = 20;
    o.lpstrFile = path;
    o.nMaxFile = sizeof path;
    BOOL s = GetSaveFileNameA(&o);
    printf("badsize ok=%d err=%lx\n", s, (unsigned long)CommDlgExtendedError());
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    InitCommonControls();
    const char *mode = argc > 1 ? argv[1] : "controls";
    if (!strcmp(mode, "controls")) return controls(0);
    if (!strcmp(mode, "show")) return controls(1);
    if (!strcmp(mode, "save")) return save(argc > 2 && !strcmp(argv[2], "hook"));
    if (!strcmp(mode, "open")) return open_file(argc > 2 ? argv[2] : NULL);
    if (!strcmp(mode, "find")) return find();
    if (!strcmp(mode, "misc")) return misc();
    if (!strcmp(mode, "multi")) return open_multi();
    if (!strcmp(mode, "font")) return font();
    printf("unknown mode\n");
    return 2;
}
