/* The standard controls (Button, Static, Edit, ListBox, ComboBox, ScrollBar) and the window scroll-bar and
   clipboard APIs. Build:
       i686-w64-mingw32-gcc -O2 -s -o gui_controls.exe gui_controls.c -lgdi32 -luser32
   "gui_controls.exe"        drives every control with SendMessage and prints what they answer, with a few
                             pixels of their drawing, then keeps the window up for a while (screenshots).
   "gui_controls.exe input"  shows the same window and prints the notifications its parent receives while an
                             --input script clicks and types; F12 prints the final states and quits. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static HWND g_main, g_sw;
static int g_log = 0, g_input = 0;
static int g_drawn[8], g_measured[8];
static HBRUSH g_yellow;
static HICON g_icon;
static HBITMAP g_bitmap;

static int slot(UINT id, UINT item) { return id == 105 ? 0 : id == 303 ? 1 : id == 403 ? (item == (UINT)-1 ? 4 : 2) : 3; }

static HWND ctl(const char *cls, const char *text, DWORD style, DWORD ex, int x, int y, int w, int h, int id) {
    return CreateWindowExA(ex, cls, text, WS_CHILD | WS_VISIBLE | style, x, y, w, h, g_main, (HMENU)(INT_PTR)id,
                           GetModuleHandleA(NULL), NULL);
}

#define ITEM(id) GetDlgItem(g_main, id)
#define SEND(id, m, w, l) SendMessageA(ITEM(id), m, (WPARAM)(w), (LPARAM)(l))

static void text_of(int id, char *buf, int n) { GetWindowTextA(ITEM(id), buf, n); }

static COLORREF pixel(int id, int x, int y) {
    HDC dc = GetDC(ITEM(id));
    COLORREF c = GetPixel(dc, x, y);
    ReleaseDC(ITEM(id), dc);
    return c;
}

static LRESULT CALLBACK ScrollProc(HWND h, UINT m, WPARAM w, LPARAM l) {
    if (m == WM_VSCROLL) {
        int pos = GetScrollPos(h, SB_VERT);
        int code = LOWORD(w);
        if (code == SB_LINEDOWN) pos += 1;
        else if (code == SB_LINEUP) pos -= 1;
        else if (code == SB_PAGEDOWN) pos += 10;
        else if (code == SB_PAGEUP) pos -= 10;
        else if (code == SB_THUMBPOSITION || code == SB_THUMBTRACK) pos = HIWORD(w);
        if (g_log) printf("window WM_VSCROLL code=%d pos=%d\n", code, (int)HIWORD(w));
        SetScrollPos(h, SB_VERT, pos, TRUE);
        return 0;
    }
    return DefWindowProcA(h, m, w, l);
}

static LRESULT CALLBACK WndProc(HWND h, UINT m, WPARAM w, LPARAM l) {
    switch (m) {
    case WM_COMMAND:
        if (g_log) printf("WM_COMMAND id=%d code=0x%x\n", LOWORD(w), HIWORD(w));
        return 0;
    case WM_HSCROLL: case WM_VSCROLL:
        if (g_log && l) printf("%s id=%d code=%d pos=%d\n", m == WM_HSCROLL ? "WM_HSCROLL" : "WM_VSCROLL",
                               GetDlgCtrlID((HWND)l), LOWORD(w), (int)HIWORD(w));
        if (l && LOWORD(w) != SB_ENDSCROLL) {
            int pos = (int)SendMessageA((HWND)l, SBM_GETPOS, 0, 0);
            if (LOWORD(w) == SB_LINEDOWN) pos += 1;
            if (LOWORD(w) == SB_LINEUP) pos -= 1;
            if (LOWORD(w) == SB_PAGEDOWN) pos += 10;
            if (LOWORD(w) == SB_PAGEUP) pos -= 10;
            if (LOWORD(w) == SB_THUMBTRACK || LOWORD(w) == SB_THUMBPOSITION) pos = HIWORD(w);
            SendMessageA((HWND)l, SBM_SETPOS, pos, TRUE);
        }
        return 0;
    case WM_MEASUREITEM: {
        MEASUREITEMSTRUCT *mi = (MEASUREITEMSTRUCT *)l;
        if (!g_measured[slot(mi->CtlID, mi->itemID)]++)
            printf("WM_MEASUREITEM type=%u id=%u item=%d height=%u\n", mi->CtlType, mi->CtlID, (int)mi->itemID,
                   mi->itemHeight);
        mi->itemHeight = 18;
        return TRUE; }
    case WM_DRAWITEM: {
        DRAWITEMSTRUCT *d = (DRAWITEMSTRUCT *)l;
        char text[32] = "Owner";
        if (!g_drawn[slot(d->CtlID, 0)]++)
            printf("WM_DRAWITEM type=%u id=%u item=%d action=%u state=0x%x rc=%ld,%ld,%ld,%ld data=0x%lx\n",
                   d->CtlType, d->CtlID, (int)d->itemID, d->itemAction, d->itemState, d->rcItem.left,
                   d->rcItem.top, d->rcItem.right, d->rcItem.bottom, (unsigned long)d->itemData);
        if (d->CtlType == ODT_BUTTON) {
            FillRect(d->hDC, &d->rcItem, GetStockObject(GRAY_BRUSH));
            SetTextColor(d->hDC, RGB(255, 255, 255));
        } else {
            FillRect(d->hDC, &d->rcItem, GetSysColorBrush(d->itemState & ODS_SELECTED ? COLOR_HIGHLIGHT : COLOR_WINDOW));
            SetTextColor(d->hDC, GetSysColor(d->itemState & ODS_SELECTED ? COLOR_HIGHLIGHTTEXT : COLOR_WINDOWTEXT));
            if (d->CtlType == ODT_LISTBOX) sprintf(text, "data %lx", (unsigned long)d->itemData);
            else if ((int)d->itemID >= 0) SendMessageA(ITEM(d->CtlID), CB_GETLBTEXT, d->itemID, (LPARAM)text);
            else text[0] = 0;
        }
        SetBkMode(d->hDC, TRANSPARENT);
        DrawTextA(d->hDC, text, -1, &d->rcItem, DT_CENTER | DT_VCENTER | DT_SINGLELINE);
        return TRUE; }
    case WM_CTLCOLORSTATIC:
        if ((HWND)l == ITEM(112)) {
            SetTextColor((HDC)w, RGB(255, 0, 0));
            SetBkMode((HDC)w, TRANSPARENT);
            return (LRESULT)g_yellow;
        }
        break;
    case WM_DESTROY:
        PostQuitMessage(0);
        return 0;
    case WM_TIMER:
        if (!g_input) DestroyWindow(h);
        return 0;
    }
    return DefWindowProcA(h, m, w, l);
}

static void create_controls(void) {
    HINSTANCE hi = GetModuleHandleA(NULL);
    static const char *fruits[] = {"pear", "apple", "fig", "banana", "cherry", "kiwi", "lemon", "mango"};
    int i;
    ctl("BUTTON", "Options", BS_GROUPBOX, 0, 10, 5, 150, 110, 100);
    ctl("BUTTON", "Check me", BS_AUTOCHECKBOX | WS_TABSTOP, 0, 20, 25, 120, 20, 101);
    ctl("BUTTON", "Three", BS_AUTO3STATE | WS_TABSTOP, 0, 20, 45, 120, 20, 102);
    ctl("BUTTON", "Radio A", BS_AUTORADIOBUTTON | WS_GROUP, 0, 20, 65, 120, 20, 103);
    ctl("BUTTON", "Radio B", BS_AUTORADIOBUTTON, 0, 20, 85, 120, 20, 104);
    ctl("BUTTON", "OK", BS_DEFPUSHBUTTON | WS_TABSTOP | WS_GROUP, 0, 10, 120, 75, 23, IDOK);
    ctl("BUTTON", "Cancel", BS_PUSHBUTTON | WS_TABSTOP, 0, 95, 120, 75, 23, IDCANCEL);
    ctl("BUTTON", "", BS_OWNERDRAW, 0, 10, 150, 75, 23, 105);
    ctl("BUTTON", "Disabled", BS_PUSHBUTTON | WS_DISABLED, 0, 95, 150, 75, 23, 106);
    ctl("STATIC", "Static text", SS_LEFT, 0, 10, 180, 150, 16, 110);
    ctl("STATIC", "", SS_BLACKRECT, 0, 10, 200, 30, 20, 111);
    ctl("STATIC", "Yellow", SS_CENTER, 0, 50, 200, 110, 20, 112);
    ctl("STATIC", "", SS_ETCHEDHORZ, 0, 10, 226, 150, 2, 113);
    ctl("STATIC", "Notify", SS_NOTIFY | SS_SUNKEN, 0, 10, 234, 70, 20, 114);

    ctl("EDIT", "", ES_AUTOHSCROLL | WS_TABSTOP, WS_EX_CLIENTEDGE, 180, 10, 200, 24, 201);
    ctl("EDIT", "", ES_PASSWORD | ES_AUTOHSCROLL, WS_EX_CLIENTEDGE, 180, 40, 200, 24, 202);
    ctl("EDIT", "", ES_NUMBER | ES_AUTOHSCROLL, WS_EX_CLIENTEDGE, 180, 70, 95, 24, 203);
    ctl("EDIT", "", ES_UPPERCASE | ES_AUTOHSCROLL, WS_EX_CLIENTEDGE, 285, 70, 95, 24, 204);
    ctl("EDIT", "", ES_MULTILINE | ES_AUTOVSCROLL | WS_VSCROLL, WS_EX_CLIENTEDGE, 180, 100, 200, 90, 205);
    ctl("EDIT", "", ES_MULTILINE, WS_EX_CLIENTEDGE, 180, 195, 120, 60, 206);
    ctl("EDIT", "read only", ES_READONLY | ES_AUTOHSCROLL, WS_EX_CLIENTEDGE, 305, 195, 75, 24, 207);

    ctl("LISTBOX", "", LBS_NOTIFY | LBS_SORT | WS_VSCROLL | WS_TABSTOP, WS_EX_CLIENTEDGE, 400, 10, 120, 100, 301);
    ctl("LISTBOX", "", LBS_MULTIPLESEL | LBS_NOTIFY, WS_EX_CLIENTEDGE, 530, 10, 100, 100, 302);
    ctl("COMBOBOX", "", CBS_DROPDOWNLIST | WS_VSCROLL | WS_TABSTOP, 0, 400, 120, 120, 150, 401);
    ctl("COMBOBOX", "", CBS_DROPDOWN | CBS_AUTOHSCROLL | CBS_SORT | WS_VSCROLL, 0, 530, 120, 100, 150, 402);
    ctl("SCROLLBAR", "", SBS_HORZ, 0, 400, 160, 230, 16, 501);
    g_sw = CreateWindowExA(WS_EX_CLIENTEDGE, "ScrollWin", "", WS_CHILD | WS_VISIBLE | WS_VSCROLL, 400, 185, 120, 80,
                           g_main, (HMENU)502, hi, NULL);
    for (i = 0; i < 8; i++) SEND(301, LB_ADDSTRING, 0, fruits[i]);
    for (i = 0; i < 5; i++) SEND(302, LB_ADDSTRING, 0, fruits[i]);
    SEND(401, CB_ADDSTRING, 0, "Red");
    SEND(401, CB_ADDSTRING, 0, "Green");
    SEND(401, CB_ADDSTRING, 0, "Blue");
    SEND(402, CB_ADDSTRING, 0, "zeta");
    SEND(402, CB_ADDSTRING, 0, "alpha");
    SEND(402, CB_ADDSTRING, 0, "mu");
    SEND(501, SBM_SETRANGE, 0, 100);
    ctl("LISTBOX", "", LBS_OWNERDRAWFIXED | LBS_NOTIFY, WS_EX_CLIENTEDGE, 10, 275, 100, 80, 303);
    ctl("COMBOBOX", "", CBS_DROPDOWNLIST | CBS_OWNERDRAWFIXED | CBS_HASSTRINGS, 0, 120, 275, 100, 150, 403);
    ctl("COMBOBOX", "", CBS_SIMPLE, 0, 230, 275, 110, 80, 404);
    ctl("STATIC", "", SS_ICON, 0, 350, 275, 10, 10, 115);
    ctl("STATIC", "", SS_BITMAP, 0, 390, 275, 10, 10, 116);
    ctl("BUTTON", "Push-like", BS_AUTOCHECKBOX | BS_PUSHLIKE, 0, 430, 275, 80, 23, 107);
    ctl("BUTTON", "Flat", BS_FLAT, 0, 520, 275, 80, 23, 108);
    ctl("BUTTON", "Left text", BS_AUTOCHECKBOX | BS_LEFTTEXT, 0, 430, 305, 100, 20, 109);
    for (i = 1; i <= 3; i++) SEND(303, LB_ADDSTRING, 0, 0x11 * i);
    SEND(403, CB_ADDSTRING, 0, "One");
    SEND(403, CB_ADDSTRING, 0, "Two");
    SEND(403, CB_SETCURSEL, 1, 0);
    SEND(404, CB_ADDSTRING, 0, "simple");
    SEND(404, CB_ADDSTRING, 0, "combo");
    SEND(107, BM_SETCHECK, BST_CHECKED, 0);
    {
        HDC sdc = GetDC(NULL), mdc = CreateCompatibleDC(sdc);
        RECT br = {0, 0, 20, 20};
        HBRUSH red = CreateSolidBrush(RGB(255, 0, 0));
        g_bitmap = CreateCompatibleBitmap(sdc, 20, 20);
        SelectObject(mdc, g_bitmap);
        FillRect(mdc, &br, red);
        DeleteDC(mdc);
        DeleteObject(red);
        ReleaseDC(NULL, sdc);
    }
    g_icon = LoadIconA(NULL, IDI_HAND);
    SEND(115, STM_SETICON, g_icon, 0);
    SEND(116, STM_SETIMAGE, IMAGE_BITMAP, g_bitmap);
    SetScrollRange(g_sw, SB_VERT, 0, 50, FALSE);
}

static void test_buttons(void) {
    char buf[64];
    printf("check initial=%d\n", (int)SEND(101, BM_GETCHECK, 0, 0));
    SEND(101, BM_SETCHECK, BST_CHECKED, 0);
    printf("check after SETCHECK=%d\n", (int)SEND(101, BM_GETCHECK, 0, 0));
    g_log = 1;
    SEND(101, BM_CLICK, 0, 0);
    g_log = 0;
    printf("check after CLICK=%d\n", (int)SEND(101, BM_GETCHECK, 0, 0));
    SEND(102, BM_CLICK, 0, 0); printf("3state %d", (int)SEND(102, BM_GETCHECK, 0, 0));
    SEND(102, BM_CLICK, 0, 0); printf(" %d", (int)SEND(102, BM_GETCHECK, 0, 0));
    SEND(102, BM_CLICK, 0, 0); printf(" %d\n", (int)SEND(102, BM_GETCHECK, 0, 0));
    SEND(103, BM_CLICK, 0, 0);
    printf("radio A=%d B=%d\n", (int)SEND(103, BM_GETCHECK, 0, 0), (int)SEND(104, BM_GETCHECK, 0, 0));
    SEND(104, BM_CLICK, 0, 0);
    printf("radio A=%d B=%d tabstopB=%d\n", (int)SEND(103, BM_GETCHECK, 0, 0), (int)SEND(104, BM_GETCHECK, 0, 0),
           (GetWindowLongA(ITEM(104), GWL_STYLE) & WS_TABSTOP) != 0);
    SEND(IDCANCEL, BM_SETSTATE, TRUE, 0);
    printf("cancel state=0x%x\n", (int)SEND(IDCANCEL, BM_GETSTATE, 0, 0));
    SEND(IDCANCEL, BM_SETSTATE, FALSE, 0);
    printf("dlgcode ok=0x%x cancel=0x%x check=0x%x radio=0x%x group=0x%x\n", (int)SEND(IDOK, WM_GETDLGCODE, 0, 0),
           (int)SEND(IDCANCEL, WM_GETDLGCODE, 0, 0), (int)SEND(101, WM_GETDLGCODE, 0, 0),
           (int)SEND(103, WM_GETDLGCODE, 0, 0), (int)SEND(100, WM_GETDLGCODE, 0, 0));
    SetWindowTextA(ITEM(IDCANCEL), "Abort");
    text_of(IDCANCEL, buf, sizeof buf);
    printf("button text=%s len=%d\n", buf, GetWindowTextLengthA(ITEM(IDCANCEL)));
    SetWindowTextA(ITEM(IDCANCEL), "Cancel");
    printf("getfont=%d\n", SEND(IDOK, WM_GETFONT, 0, 0) != 0);
}

static void test_statics(void) {
    char buf[64];
    SetWindowTextA(ITEM(110), "Static text!");
    text_of(110, buf, sizeof buf);
    printf("static text=%s dlgcode=0x%x\n", buf, (int)SEND(110, WM_GETDLGCODE, 0, 0));
    printf("static sunken exstyle=%d\n", (GetWindowLongA(ITEM(114), GWL_EXSTYLE) & WS_EX_STATICEDGE) != 0);
}

static void test_edits(void) {
    char buf[256];
    DWORD a = 0, b = 0;
    int n;
    SetWindowTextA(ITEM(201), "Hello world");
    printf("edit len=%d\n", GetWindowTextLengthA(ITEM(201)));
    SEND(201, EM_SETSEL, 0, 5);
    SEND(201, EM_GETSEL, &a, &b);
    printf("edit sel=%lu,%lu ret=0x%lx\n", a, b, (unsigned long)SEND(201, EM_GETSEL, 0, 0));
    printf("edit modify before=%d\n", (int)SEND(201, EM_GETMODIFY, 0, 0));
    g_log = 1;
    SEND(201, EM_REPLACESEL, TRUE, "Howdy");
    g_log = 0;
    text_of(201, buf, sizeof buf);
    printf("edit replaced=%s modify=%d canundo=%d\n", buf, (int)SEND(201, EM_GETMODIFY, 0, 0),
           (int)SEND(201, EM_CANUNDO, 0, 0));
    SEND(201, EM_UNDO, 0, 0);
    text_of(201, buf, sizeof buf);
    printf("edit undone=%s\n", buf);
    printf("edit limit default=%d\n", (int)SEND(201, EM_GETLIMITTEXT, 0, 0));
    SEND(201, EM_LIMITTEXT, 14, 0);
    SEND(201, EM_SETSEL, 11, 11);
    g_log = 1;
    SEND(201, EM_REPLACESEL, TRUE, " and more");
    g_log = 0;
    text_of(201, buf, sizeof buf);
    printf("edit limited=%s limit=%d\n", buf, (int)SEND(201, EM_GETLIMITTEXT, 0, 0));
    printf("edit linecount=%d linelength=%d\n", (int)SEND(201, EM_GETLINECOUNT, 0, 0),
           (int)SEND(201, EM_LINELENGTH, 0, 0));

    SetWindowTextA(ITEM(202), "secret");
    text_of(202, buf, sizeof buf);
    printf("password text=%s char=%c\n", buf, (char)SEND(202, EM_GETPASSWORDCHAR, 0, 0));
    SEND(202, EM_SETPASSWORDCHAR, '#', 0);
    printf("password char=%c\n", (char)SEND(202, EM_GETPASSWORDCHAR, 0, 0));

    SEND(203, WM_CHAR, 'a', 0); SEND(203, WM_CHAR, '4', 0); SEND(203, WM_CHAR, '2', 0);
    SEND(204, WM_CHAR, 'q', 0); SEND(204, WM_CHAR, 'x', 0);
    text_of(203, buf, 64); printf("number=%s", buf);
    text_of(204, buf, 64); printf(" upper=%s\n", buf);
    SEND(204, WM_CHAR, VK_BACK, 0);
    text_of(204, buf, 64); printf("after backspace=%s\n", buf);

    SetWindowTextA(ITEM(205), "line one\r\nline two\r\nthird line here");
    printf("ml lines=%d index1=%d len(10)=%d fromchar(12)=%d\n", (int)SEND(205, EM_GETLINECOUNT, 0, 0),
           (int)SEND(205, EM_LINEINDEX, 1, 0), (int)SEND(205, EM_LINELENGTH, 10, 0),
           (int)SEND(205, EM_LINEFROMCHAR, 12, 0));
    *(WORD *)buf = 100;
    n = (int)SEND(205, EM_GETLINE, 2, buf);
    buf[n] = 0;
    printf("ml getline2=%s n=%d\n", buf, n);
    {
        LRESULT p = SEND(205, EM_POSFROMCHAR, 10, 0);
        LRESULT c = SEND(205, EM_CHARFROMPOS, 0, p);
        printf("ml pos(10)=%d,%d charfrompos=%d line=%d\n", (short)LOWORD(p), (short)HIWORD(p), LOWORD(c), HIWORD(c));
    }
    SEND(205, EM_SETMARGINS, EC_LEFTMARGIN | EC_RIGHTMARGIN, MAKELONG(3, 5));
    printf("ml margins=0x%lx\n", (unsigned long)SEND(205, EM_GETMARGINS, 0, 0));
    SEND(205, EM_SETMARGINS, EC_LEFTMARGIN | EC_RIGHTMARGIN, MAKELONG(0, 0));
    GetWindowTextA(ITEM(205), buf, sizeof buf);
    printf("ml crlf=%d\n", strstr(buf, "one\r\nline") != NULL);
    {
        HLOCAL hl = (HLOCAL)SEND(205, EM_GETHANDLE, 0, 0);
        printf("ml handle text=%.8s", (char *)LocalLock(hl));
        LocalUnlock(hl);
        SEND(205, EM_SETSEL, 0, 0);
        SEND(205, EM_REPLACESEL, FALSE, ">");
        printf(" after=%.9s\n", (char *)LocalLock(hl));
        LocalUnlock(hl);
    }
    SetWindowTextA(ITEM(205), "1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n7\r\n8\r\n9\r\n10");
    printf("ml first=%d", (int)SEND(205, EM_GETFIRSTVISIBLELINE, 0, 0));
    printf(" scroll=0x%lx", (unsigned long)SEND(205, EM_SCROLL, SB_LINEDOWN, 0));
    printf(" first=%d", (int)SEND(205, EM_GETFIRSTVISIBLELINE, 0, 0));
    SEND(205, EM_LINESCROLL, 0, 2);
    printf(" linescroll first=%d", (int)SEND(205, EM_GETFIRSTVISIBLELINE, 0, 0));
    {
        SCROLLINFO si = {sizeof si, SIF_ALL};
        GetScrollInfo(ITEM(205), SB_VERT, &si);
        printf(" sb=%d..%d page=%u pos=%d\n", si.nMin, si.nMax, si.nPage, si.nPos);
    }
    SEND(205, EM_SETSEL, 0, 0);
    SEND(205, EM_SCROLLCARET, 0, 0);
    printf("ml after scrollcaret first=%d\n", (int)SEND(205, EM_GETFIRSTVISIBLELINE, 0, 0));

    SetWindowTextA(ITEM(206), "alpha beta gamma delta epsilon");
    n = (int)SEND(206, EM_GETLINECOUNT, 0, 0);
    printf("wrap lines=%d line0len=%d", n, (int)SEND(206, EM_LINELENGTH, 0, 0));
    SEND(206, EM_FMTLINES, TRUE, 0);
    GetWindowTextA(ITEM(206), buf, sizeof buf);
    printf(" fmt softbreak=%d len=%d", strstr(buf, "\r\r\n") != NULL, GetWindowTextLengthA(ITEM(206)));
    SEND(206, EM_FMTLINES, FALSE, 0);
    printf(" plainlen=%d\n", GetWindowTextLengthA(ITEM(206)));

    /* clipboard through the edit controls */
    SEND(201, EM_SETSEL, 6, 11);
    SEND(201, WM_COPY, 0, 0);
    SetWindowTextA(ITEM(204), "");
    SEND(204, WM_PASTE, 0, 0);
    text_of(204, buf, 64);
    printf("pasted=%s\n", buf);
    if (OpenClipboard(g_main)) {
        HANDLE h = GetClipboardData(CF_TEXT);
        printf("clipboard CF_TEXT=%s unicode_avail=%d\n", h ? (char *)GlobalLock(h) : "(null)",
               IsClipboardFormatAvailable(CF_UNICODETEXT));
        if (h) GlobalUnlock(h);
        EmptyClipboard();
        h = GlobalAlloc(GMEM_MOVEABLE, 8);
        strcpy((char *)GlobalLock(h), "abc");
        GlobalUnlock(h);
        SetClipboardData(CF_TEXT, h);
        CloseClipboard();
    }
    if (OpenClipboard(NULL)) {
        HANDLE h = GetClipboardData(CF_UNICODETEXT);
        WCHAR *w = h ? (WCHAR *)GlobalLock(h) : NULL;
        printf("clipboard unicode=%d%d%d%d count=%d\n", w && w[0] == 'a', w && w[1] == 'b', w && w[2] == 'c',
               w && w[3] == 0, CountClipboardFormats());
        CloseClipboard();
    }
    SEND(201, EM_SETSEL, 0, -1);
    SEND(201, WM_CUT, 0, 0);
    text_of(201, buf, 64);
    printf("after cut=[%s] ", buf);
    SEND(201, WM_PASTE, 0, 0);
    SEND(201, WM_PASTE, 0, 0);
    text_of(201, buf, 64);
    printf("after paste twice=[%s]\n", buf);
    SetWindowTextA(ITEM(201), "Hello world");
    SEND(201, EM_SETSEL, 0, 0);
    printf("readonly dlgcode=0x%x ml dlgcode=0x%x\n", (int)SEND(207, WM_GETDLGCODE, 0, 0),
           (int)SEND(205, WM_GETDLGCODE, 0, 0));
}

static void test_lists(void) {
    char buf[64];
    int sel[8], n, i;
    RECT r;
    printf("lb count=%d", (int)SEND(301, LB_GETCOUNT, 0, 0));
    for (i = 0; i < 4; i++) { SEND(301, LB_GETTEXT, i, buf); printf(" %s", buf); }
    printf("\n");
    printf("lb find(ba)=%d exact(fig)=%d exact(fi)=%d textlen(2)=%d\n", (int)SEND(301, LB_FINDSTRING, -1, "ba"),
           (int)SEND(301, LB_FINDSTRINGEXACT, -1, "fig"), (int)SEND(301, LB_FINDSTRINGEXACT, -1, "fi"),
           (int)SEND(301, LB_GETTEXTLEN, 2, 0));
    printf("lb cursel=%d", (int)SEND(301, LB_GETCURSEL, 0, 0));
    SEND(301, LB_SETCURSEL, 2, 0);
    printf(" set=%d getsel2=%d\n", (int)SEND(301, LB_GETCURSEL, 0, 0), (int)SEND(301, LB_GETSEL, 2, 0));
    SEND(301, LB_SETITEMDATA, 1, 0x1234);
    printf("lb data=0x%x height=%d", (int)SEND(301, LB_GETITEMDATA, 1, 0), (int)SEND(301, LB_GETITEMHEIGHT, 0, 0));
    SEND(301, LB_GETITEMRECT, 1, &r);
    printf(" rect1=%ld,%ld,%ld,%ld", r.left, r.top, r.right, r.bottom);
    GetClientRect(ITEM(301), &r);
    printf(" client_h=%ld integral=%d\n", r.bottom, r.bottom % SEND(301, LB_GETITEMHEIGHT, 0, 0) == 0);
    SEND(301, LB_SETTOPINDEX, 3, 0);
    printf("lb top=%d", (int)SEND(301, LB_GETTOPINDEX, 0, 0));
    SEND(301, LB_SETTOPINDEX, 0, 0);
    printf(" delete=%d", (int)SEND(301, LB_DELETESTRING, 7, 0));
    printf(" count=%d", (int)SEND(301, LB_GETCOUNT, 0, 0));
    SEND(301, LB_ADDSTRING, 0, "pear");
    printf(" insert=%d", (int)SEND(301, LB_INSERTSTRING, 1, "zzz"));
    SEND(301, LB_GETTEXT, 1, buf);
    printf(" [%s]", buf);
    SEND(301, LB_DELETESTRING, 1, 0);
    printf(" selectstring(ch)=%d cursel=%d\n", (int)SEND(301, LB_SELECTSTRING, -1, "ch"),
           (int)SEND(301, LB_GETCURSEL, 0, 0));
    SEND(301, LB_SETCURSEL, 2, 0);
    printf("lb setsel on single=%d getselcount=%d\n", (int)SEND(301, LB_SETSEL, TRUE, 1),
           (int)SEND(301, LB_GETSELCOUNT, 0, 0));
    SEND(302, LB_SETSEL, TRUE, 1);
    SEND(302, LB_SETSEL, TRUE, 3);
    n = (int)SEND(302, LB_GETSELITEMS, 8, sel);
    printf("multi selcount=%d items=%d:%d,%d cursel_single_api=%d\n", (int)SEND(302, LB_GETSELCOUNT, 0, 0), n,
           sel[0], sel[1], (int)SEND(302, LB_SETCURSEL, 1, 0));
    SEND(302, LB_SETSEL, FALSE, -1);
    printf("multi cleared=%d\n", (int)SEND(302, LB_GETSELCOUNT, 0, 0));
}

static void test_combos(void) {
    char buf[64];
    RECT r;
    DWORD a = 0, b = 0;
    printf("cb count=%d cursel=%d", (int)SEND(401, CB_GETCOUNT, 0, 0), (int)SEND(401, CB_GETCURSEL, 0, 0));
    SEND(401, CB_SETCURSEL, 1, 0);
    SEND(401, CB_GETLBTEXT, 1, buf);
    printf(" set=%d text=%s", (int)SEND(401, CB_GETCURSEL, 0, 0), buf);
    text_of(401, buf, 64);
    printf(" window=%s lbtextlen=%d find=%d\n", buf, (int)SEND(401, CB_GETLBTEXTLEN, 2, 0),
           (int)SEND(401, CB_FINDSTRINGEXACT, -1, "blue"));
    GetWindowRect(ITEM(401), &r);
    printf("cb height=%ld itemheight(-1)=%d itemheight(0)=%d\n", r.bottom - r.top,
           (int)SEND(401, CB_GETITEMHEIGHT, -1, 0), (int)SEND(401, CB_GETITEMHEIGHT, 0, 0));
    g_log = 1;
    SEND(401, CB_SHOWDROPDOWN, TRUE, 0);
    printf("cb dropped=%d\n", (int)SEND(401, CB_GETDROPPEDSTATE, 0, 0));
    SEND(401, CB_SHOWDROPDOWN, FALSE, 0);
    g_log = 0;
    printf("cb dropped=%d\n", (int)SEND(401, CB_GETDROPPEDSTATE, 0, 0));
    SEND(401, CB_GETDROPPEDCONTROLRECT, 0, &r);
    printf("cb droprect h=%ld\n", r.bottom - r.top);
    printf("cb2 first=");
    SEND(402, CB_GETLBTEXT, 0, buf);
    printf("%s select=%d", buf, (int)SEND(402, CB_SELECTSTRING, -1, "m"));
    text_of(402, buf, 64);
    printf(" edit=%s", buf);
    SEND(402, CB_SETEDITSEL, 0, MAKELPARAM(0, 1));
    SEND(402, CB_GETEDITSEL, &a, &b);
    printf(" editsel=%lu,%lu limit=%d setedit_on_list=%d\n", a, b, (int)SEND(402, CB_LIMITTEXT, 5, 0),
           (int)SEND(401, CB_SETEDITSEL, 0, 0));
    SEND(402, CB_RESETCONTENT, 0, 0);
    text_of(402, buf, 64);
    printf("cb2 reset count=%d edit=[%s]\n", (int)SEND(402, CB_GETCOUNT, 0, 0), buf);
    SEND(402, CB_ADDSTRING, 0, "zeta");
    SEND(402, CB_ADDSTRING, 0, "alpha");
    SEND(402, CB_ADDSTRING, 0, "mu");
}

static void test_ownerdraw_images(void) {
    RECT r;
    char buf[16];
    int n = (int)SEND(303, LB_GETTEXT, 2, buf);
    printf("od count=%d data1=0x%x gettext=%d:0x%lx height=%d\n", (int)SEND(303, LB_GETCOUNT, 0, 0),
           (int)SEND(303, LB_GETITEMDATA, 1, 0), n, (unsigned long)*(DWORD *)buf,
           (int)SEND(303, LB_GETITEMHEIGHT, 0, 0));
    printf("od find=%d", (int)SEND(303, LB_FINDSTRING, -1, 0x22));
    SEND(303, LB_SETCURSEL, 0, 0);
    SEND(403, CB_GETLBTEXT, 1, buf);
    printf(" combo cursel=%d text=%s itemheight=%d\n", (int)SEND(403, CB_GETCURSEL, 0, 0), buf,
           (int)SEND(403, CB_GETITEMHEIGHT, 0, 0));
    SEND(404, CB_SETCURSEL, 1, 0);
    GetWindowTextA(ITEM(404), buf, sizeof buf);
    GetWindowRect(ITEM(404), &r);
    printf("simple text=%s height=%ld list=%d\n", buf, r.bottom - r.top,
           IsWindowVisible(GetDlgItem(ITEM(404), 1000)));
    GetWindowRect(ITEM(115), &r);
    printf("icon same=%d size=%ldx%ld", (HICON)SEND(115, STM_GETICON, 0, 0) == g_icon, r.right - r.left,
           r.bottom - r.top);
    GetWindowRect(ITEM(116), &r);
    printf(" bitmap same=%d size=%ldx%ld\n", (HBITMAP)SEND(116, STM_GETIMAGE, IMAGE_BITMAP, 0) == g_bitmap,
           r.right - r.left, r.bottom - r.top);
    printf("pushlike check=%d dlgcode=0x%x\n", (int)SEND(107, BM_GETCHECK, 0, 0), (int)SEND(107, WM_GETDLGCODE, 0, 0));
}

static void test_scroll(void) {
    SCROLLINFO si = {sizeof si, SIF_ALL};
    int lo = -1, hi = -1;
    printf("sb ctl prev=%d", SetScrollPos(ITEM(501), SB_CTL, 40, TRUE));
    printf(" pos=%d", GetScrollPos(ITEM(501), SB_CTL));
    si.fMask = SIF_PAGE;
    si.nPage = 10;
    SetScrollInfo(ITEM(501), SB_CTL, &si, TRUE);
    si.fMask = SIF_ALL;
    GetScrollInfo(ITEM(501), SB_CTL, &si);
    printf(" info=%d..%d page=%u pos=%d", si.nMin, si.nMax, si.nPage, si.nPos);
    printf(" clamp=%d\n", (SetScrollPos(ITEM(501), SB_CTL, 500, TRUE), GetScrollPos(ITEM(501), SB_CTL)));
    SetScrollPos(ITEM(501), SB_CTL, 40, TRUE);
    GetScrollRange(g_sw, SB_VERT, &lo, &hi);
    printf("win range=%d..%d prev=%d", lo, hi, SetScrollPos(g_sw, SB_VERT, 20, TRUE));
    printf(" pos=%d", GetScrollPos(g_sw, SB_VERT));
    si.fMask = SIF_PAGE;
    si.nPage = 8;
    SetScrollInfo(g_sw, SB_VERT, &si, TRUE);
    si.fMask = SIF_ALL;
    GetScrollInfo(g_sw, SB_VERT, &si);
    printf(" info=%d..%d page=%u pos=%d", si.nMin, si.nMax, si.nPage, si.nPos);
    SetScrollRange(g_sw, SB_HORZ, 0, 0, TRUE);
    printf(" hbar=%d", (GetWindowLongA(g_sw, GWL_STYLE) & WS_HSCROLL) != 0);
    SetScrollRange(g_sw, SB_HORZ, 0, 10, TRUE);
    printf(" hbar=%d", (GetWindowLongA(g_sw, GWL_STYLE) & WS_HSCROLL) != 0);
    ShowScrollBar(g_sw, SB_HORZ, FALSE);
    printf(" hbar=%d enable=%d\n", (GetWindowLongA(g_sw, GWL_STYLE) & WS_HSCROLL) != 0,
           EnableScrollBar(g_sw, SB_VERT, ESB_DISABLE_BOTH));
    EnableScrollBar(g_sw, SB_VERT, ESB_ENABLE_BOTH);
}

static void test_pixels(void) {
    RECT r;
    SEND(101, BM_SETCHECK, BST_CHECKED, 0);
    UpdateWindow(g_main);
    printf("px ok_frame=%06lx ok_face=%06lx cancel_tl=%06lx cancel_br=%06lx\n", pixel(IDOK, 0, 0),
           pixel(IDOK, 10, 5), pixel(IDCANCEL, 0, 0), pixel(IDCANCEL, 74, 22));
    printf("px check_box=%06lx check_mark=%06lx check_bg=%06lx\n", pixel(101, 0, 3), pixel(101, 9, 6),
           pixel(101, 3, 6));
    printf("px blackrect=%06lx yellow=%06lx etched=%06lx,%06lx\n", pixel(111, 5, 5), pixel(112, 2, 2),
           pixel(113, 5, 0), pixel(113, 5, 1));
    GetClientRect(ITEM(201), &r);
    printf("px edit_bg=%06lx readonly_bg=%06lx\n", pixel(201, r.right - 3, 10), pixel(207, 70, 10));
    printf("px lb_sel=%06lx lb_unsel=%06lx\n", pixel(301, 90, 40), pixel(301, 90, 8));
    printf("px combo_field=%06lx combo_button=%06lx\n", pixel(401, 95, 5), pixel(401, 110, 4));
    printf("px sb_arrow=%06lx sb_shaft=%06lx,%06lx\n", pixel(501, 1, 1), pixel(501, 20, 8), pixel(501, 21, 8));
    printf("px od_sel=%06lx od_unsel=%06lx bitmap=%06lx icon_corner=%06lx icon_any=%d\n", pixel(303, 3, 3),
           pixel(303, 3, 22), pixel(116, 5, 5), pixel(115, 0, 0), pixel(115, 16, 16) != pixel(115, 0, 0));
    printf("px pushlike_dither=%06lx,%06lx flat_frame=%06lx flat_face=%06lx lefttext_box=%06lx\n", pixel(107, 3, 3),
           pixel(107, 4, 3), pixel(108, 0, 0), pixel(108, 3, 3), pixel(109, 99, 6));
}

int main(int argc, char **argv) {
    WNDCLASSA wc = {0};
    MSG msg;
    RECT r = {0, 0, 650, 360};
    g_input = argc > 1 && !strcmp(argv[1], "input");
    wc.lpfnWndProc = WndProc;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.hbrBackground = (HBRUSH)(COLOR_BTNFACE + 1);
    wc.lpszClassName = "CtlTest";
    RegisterClassA(&wc);
    wc.lpfnWndProc = ScrollProc;
    wc.hbrBackground = (HBRUSH)(COLOR_WINDOW + 1);
    wc.lpszClassName = "ScrollWin";
    RegisterClassA(&wc);
    g_yellow = CreateSolidBrush(RGB(255, 255, 0));
    AdjustWindowRect(&r, WS_OVERLAPPEDWINDOW, FALSE);
    g_main = CreateWindowExA(0, "CtlTest", "Controls", WS_OVERLAPPEDWINDOW, 0, 0, r.right - r.left,
                             r.bottom - r.top, NULL, NULL, wc.hInstance, NULL);
    create_controls();
    ShowWindow(g_main, SW_SHOW);
    if (!g_input) {
        test_buttons();
        test_statics();
        test_edits();
        test_lists();
        test_combos();
        test_ownerdraw_images();
        test_scroll();
        test_pixels();
        SetFocus(ITEM(201));
        SEND(201, EM_SETSEL, 0, 5);
        SetTimer(g_main, 1, 600, NULL);
    } else {
        POINT p = {0, 0};
        ClientToScreen(g_main, &p);
        printf("client origin=%ld,%ld\n", p.x, p.y);
        g_log = 1;
    }
    fflush(stdout);
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        if (msg.message == WM_KEYDOWN && msg.wParam == VK_F12) {
            char buf[64];
            g_log = 0;
            text_of(201, buf, sizeof buf);
            printf("final check=%d edit=%s list=%d combo=%d sb=%d winsb=%d multi=%d\n",
                   (int)SEND(101, BM_GETCHECK, 0, 0), buf, (int)SEND(301, LB_GETCURSEL, 0, 0),
                   (int)SEND(401, CB_GETCURSEL, 0, 0), (int)SEND(501, SBM_GETPOS, 0, 0),
                   GetScrollPos(g_sw, SB_VERT), (int)SEND(302, LB_GETSELCOUNT, 0, 0));
            DestroyWindow(g_main);
            continue;
        }
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
        fflush(stdout);
    }
    return 0;
}
