/* Menus and accelerators: the menu APIs on resource menus (MENU and MENUEX) and on menus built at run
   time, a window with a menu bar (class menu name), the menu loop driven by an --input script (mouse and
   keyboard), TrackPopupMenu, and TranslateAccelerator. Prints one line per result / notification.
   Build (from tests/programs):
     i686-w64-mingw32-windres gui_menu.rc -O coff -o gui_menu.res &&
     i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -mwindows -o gui_menu.exe gui_menu.c gui_menu.res \
       -lgdi32 && rm gui_menu.res */
#include <windows.h>
#include <stdio.h>

static HMENU g_bar;
static HWND g_main;
static HWND g_last_idle;
static int g_track;

static void api_tests(HINSTANCE hi) {
    char buf[64];
    int i;
    MENUITEMINFOA mii;
    HMENU bar = LoadMenuA(hi, MAKEINTRESOURCEA(1));
    HMENU file = GetSubMenu(bar, 0);
    printf("bar count=%d file count=%d view count=%d sub2=%p\n", GetMenuItemCount(bar), GetMenuItemCount(file),
           GetMenuItemCount(GetSubMenu(bar, 1)), (void *)GetSubMenu(bar, 2));  /* no side effects: any order */
    printf("ids: %u %u %d %d recent=%d\n", GetMenuItemID(file, 0), GetMenuItemID(file, 1), (int)GetMenuItemID(file, 2),
           (int)GetMenuItemID(file, 3), GetMenuItemCount(GetSubMenu(file, 3)));
    printf("state: bar0=%#x save=%#x statusbar=%#x sep=%#x exit=%#x help=%#x none=%#x\n",
           GetMenuState(bar, 0, MF_BYPOSITION), GetMenuState(bar, 103, MF_BYCOMMAND),
           GetMenuState(bar, 201, MF_BYCOMMAND), GetMenuState(file, 2, MF_BYPOSITION),
           GetMenuState(bar, 104, MF_BYCOMMAND), GetMenuState(bar, 301, MF_BYCOMMAND),
           GetMenuState(bar, 999, MF_BYCOMMAND));
    buf[0] = 0;
    i = GetMenuStringA(bar, 101, buf, sizeof buf, MF_BYCOMMAND);
    printf("string: %d [%s]", i, buf);
    printf(" len=%d", GetMenuStringA(bar, 0, NULL, 0, MF_BYPOSITION));
    i = GetMenuStringA(bar, 112, buf, 4, MF_BYCOMMAND);
    printf(" short=%d [%s]\n", i, buf);
    memset(&mii, 0, sizeof mii);
    mii.cbSize = sizeof mii;
    mii.fMask = MIIM_TYPE | MIIM_STATE | MIIM_ID | MIIM_SUBMENU;
    mii.dwTypeData = buf;
    mii.cch = sizeof buf;
    i = GetMenuItemInfoA(bar, 1, TRUE, &mii);
    printf("info: %d", i);
    printf(" type=%#x state=%#x sub=%d cch=%u [%s]", mii.fType, mii.fState, mii.hSubMenu == GetSubMenu(bar, 1),
           mii.cch, buf);
    mii.fMask = MIIM_TYPE;
    mii.dwTypeData = buf;
    mii.cch = sizeof buf;
    GetMenuItemInfoA(file, 2, TRUE, &mii);
    printf(" sep type=%#x cch=%u", mii.fType, mii.cch);
    mii.fMask = MIIM_STRING;
    mii.dwTypeData = NULL;
    GetMenuItemInfoA(bar, 104, FALSE, &mii);
    printf(" exitlen=%u\n", mii.cch);

    /* MENUEX */
    {
        HMENU ex = LoadMenuA(hi, MAKEINTRESOURCEA(2));
        HMENU edit = GetSubMenu(ex, 0);
        mii.fMask = MIIM_ID | MIIM_FTYPE | MIIM_STATE;
        GetMenuItemInfoA(ex, 0, TRUE, &mii);
        printf("menuex: count=%d popup id=%u", GetMenuItemCount(edit), mii.wID);
        for (i = 0; i < GetMenuItemCount(edit); i++) {
            GetMenuItemInfoA(edit, i, TRUE, &mii);
            printf(" [%u %#x %#x]", mii.wID, mii.fType, mii.fState);
        }
        printf(" default=%d bypos=%d\n", (int)GetMenuDefaultItem(edit, FALSE, 0), (int)GetMenuDefaultItem(edit, TRUE, 0));
        DestroyMenu(ex);
    }

    /* menus built at run time */
    {
        HMENU p = CreatePopupMenu(), sub = CreatePopupMenu();
        int n;
        AppendMenuA(p, MF_STRING, 10, "Ten");
        AppendMenuA(p, MF_STRING, 30, "Thirty");
        printf("built: insert=%d", InsertMenuA(p, 30, MF_BYCOMMAND | MF_STRING, 20, "Twenty"));
        InsertMenuA(p, 0, MF_BYPOSITION | MF_SEPARATOR, 0, NULL);
        AppendMenuA(sub, MF_STRING, 41, "FortyOne");
        AppendMenuA(p, MF_POPUP, (UINT_PTR)sub, "Sub");
        printf(" badinsert=%d", InsertMenuA(p, 777, MF_BYCOMMAND | MF_STRING, 21, "x"));
        n = GetMenuItemCount(p);
        printf(" ids:");
        for (i = 0; i < n; i++) printf(" %d", (int)GetMenuItemID(p, i));
        printf(" modify=%d", ModifyMenuA(p, 10, MF_BYCOMMAND | MF_STRING | MF_CHECKED, 11, "Eleven"));
        GetMenuStringA(p, 11, buf, sizeof buf, MF_BYCOMMAND);
        printf(" [%s] st=%#x\n", buf, GetMenuState(p, 11, MF_BYCOMMAND));
        /* one call per statement: C leaves the order of argument evaluation open */
        printf("enable: %d", (int)EnableMenuItem(p, 20, MF_GRAYED));
        printf(" %d", (int)EnableMenuItem(p, 20, MF_ENABLED));
        printf(" %d", (int)EnableMenuItem(p, 999, MF_GRAYED));
        printf(" nested=%d", (int)EnableMenuItem(p, 41, MF_DISABLED));
        printf(" %d", (int)EnableMenuItem(p, 41, MF_ENABLED));
        printf(" check: %d", (int)CheckMenuItem(p, 30, MF_CHECKED));
        printf(" %d", (int)CheckMenuItem(p, 30, MF_UNCHECKED));
        printf(" radio=%d", CheckMenuRadioItem(p, 1, 3, 2, MF_BYPOSITION));
        printf(" states: %#x", GetMenuState(p, 1, MF_BYPOSITION));
        printf(" %#x", GetMenuState(p, 2, MF_BYPOSITION));
        printf(" %#x\n", GetMenuState(p, 3, MF_BYPOSITION));
        printf("default: set=%d", SetMenuDefaultItem(p, 30, FALSE));
        printf(" get=%d", (int)GetMenuDefaultItem(p, FALSE, 0));
        printf(" pos=%d", (int)GetMenuDefaultItem(p, TRUE, 0));
        SetMenuDefaultItem(p, -1, FALSE);
        printf(" none=%d", (int)GetMenuDefaultItem(p, FALSE, 0));
        printf(" remove=%d", RemoveMenu(p, 4, MF_BYPOSITION));
        printf(" ismenu=%d count=%d", IsMenu(sub), GetMenuItemCount(p));
        AppendMenuA(p, MF_POPUP, (UINT_PTR)sub, "Sub");
        printf(" delete=%d", DeleteMenu(p, GetMenuItemCount(p) - 1, MF_BYPOSITION));
        printf(" ismenu=%d", IsMenu(sub));
        printf(" destroy=%d", DestroyMenu(p));
        printf(" %d", DestroyMenu(p));
        printf(" ismenu=%d count=%d\n", IsMenu(p), GetMenuItemCount(p));
    }
    {
        HMENU p = CreatePopupMenu();
        int i;
        char t[] = "Inserted";
        memset(&mii, 0, sizeof mii);
        mii.cbSize = sizeof mii;
        mii.fMask = MIIM_STRING | MIIM_ID | MIIM_STATE | MIIM_DATA;
        mii.dwTypeData = t;
        mii.wID = 77;
        mii.fState = MFS_CHECKED;
        mii.dwItemData = 0x1234;
        printf("iteminfo: insert=%d", InsertMenuItemA(p, 0, TRUE, &mii));
        mii.fMask = MIIM_STRING;
        mii.dwTypeData = "Renamed";
        printf(" set=%d", SetMenuItemInfoA(p, 77, FALSE, &mii));
        memset(&mii, 0, sizeof mii);
        mii.cbSize = sizeof mii;
        mii.fMask = MIIM_STRING | MIIM_ID | MIIM_STATE | MIIM_DATA;
        mii.dwTypeData = buf;
        mii.cch = sizeof buf;
        GetMenuItemInfoA(p, 0, TRUE, &mii);
        printf(" [%s] id=%u state=%#x data=%#lx cch=%u", buf, mii.wID, mii.fState, (unsigned long)mii.dwItemData,
               mii.cch);
        SetLastError(0);
        i = GetMenuItemInfoA(p, 5, TRUE, &mii);
        printf(" bad=%d err=%lu\n", i, GetLastError());
        DestroyMenu(p);
    }
    {
        DWORD d = GetMenuCheckMarkDimensions();
        printf("checkmark %dx%d\n", LOWORD(d), HIWORD(d));
    }
    DestroyMenu(bar);
}

static void accel_tests(HINSTANCE hi) {
    ACCEL a[8], b[2] = {{FVIRTKEY | FCONTROL, 'T', 500}, {0, 'z', 501}};
    HACCEL acc = LoadAcceleratorsA(hi, MAKEINTRESOURCEA(1)), h2;
    int i, n = CopyAcceleratorTableA(acc, NULL, 0);
    printf("accel: n=%d", n);
    printf(" copied=%d", CopyAcceleratorTableA(acc, a, 8));
    for (i = 0; i < n; i++) printf(" [%#x %#x %u]", a[i].fVirt, a[i].key, a[i].cmd);
    h2 = CreateAcceleratorTableA(b, 2);
    printf(" created=%d", CopyAcceleratorTableA(h2, NULL, 0));
    printf(" destroy=%d", DestroyAcceleratorTable(h2));
    printf(" %d\n", DestroyAcceleratorTable(h2));
}

static const char *popup_name(HMENU h) {
    if (h == GetSubMenu(g_bar, 0)) return "File";
    if (h == GetSubMenu(g_bar, 1)) return "View";
    if (h == GetSubMenu(GetSubMenu(g_bar, 0), 3)) return "Recent";
    if (h == GetSystemMenu(g_main, FALSE)) return "System";
    return "?";
}

static LRESULT CALLBACK WndProc(HWND h, UINT m, WPARAM w, LPARAM l) {
    switch (m) {
    case WM_COMMAND:
        printf("WM_COMMAND id=%u hi=%u l=%ld\n", LOWORD(w), HIWORD(w), (long)l);
        if (LOWORD(w) == 104) DestroyWindow(h);
        return 0;
    case WM_SYSCOMMAND:
        if ((w & 0xFFF0) != SC_MOUSEMENU && (w & 0xFFF0) != SC_KEYMENU) {
            printf("WM_SYSCOMMAND %#x\n", (unsigned)w);
            return 0;
        }
        break;
    case WM_INITMENU:
        printf("WM_INITMENU bar=%d\n", (HMENU)w == g_bar);
        break;
    case WM_INITMENUPOPUP:
        printf("WM_INITMENUPOPUP %s pos=%d sys=%d\n", popup_name((HMENU)w), LOWORD(l), HIWORD(l));
        break;
    case WM_ENTERMENULOOP: printf("WM_ENTERMENULOOP %d\n", (int)w); break;
    case WM_EXITMENULOOP: printf("WM_EXITMENULOOP %d\n", (int)w); break;
    case WM_MENUSELECT:
        if (HIWORD(w) == 0xFFFF && !l) printf("WM_MENUSELECT end\n");
        else printf("WM_MENUSELECT %u flags=%#x\n", LOWORD(w), HIWORD(w));
        break;
    case WM_ENTERIDLE:
        if (w == MSGF_MENU && (HWND)l && (HWND)l != g_last_idle) {
            RECT r;
            char cls[32];
            HDC dc = GetDC((HWND)l);
            g_last_idle = (HWND)l;
            GetWindowRect((HWND)l, &r);
            GetClassNameA((HWND)l, cls, sizeof cls);
            printf("idle popup %s %ld,%ld,%ld,%ld px=%06lx,%06lx\n", cls, r.left, r.top, r.right, r.bottom,
                   (unsigned long)GetPixel(dc, 1, 1), (unsigned long)GetPixel(dc, 6, 8));
            ReleaseDC((HWND)l, dc);
        }
        break;
    case WM_RBUTTONUP: {
        POINT pt = {LOWORD(l), HIWORD(l)};
        int r;
        ClientToScreen(h, &pt);
        if (g_track++ == 0) {
            r = TrackPopupMenu(GetSubMenu(g_bar, 1), TPM_RETURNCMD | TPM_RIGHTBUTTON, pt.x, pt.y, 0, h, NULL);
            printf("TrackPopupMenu returned %d\n", r);
        } else {
            r = TrackPopupMenu(GetSubMenu(g_bar, 1), TPM_NONOTIFY, pt.x, pt.y, 0, h, NULL);
            printf("TrackPopupMenu (posting) returned %d\n", r);
        }
        return 0; }
    case WM_DESTROY:
        PostQuitMessage(0);
        return 0;
    }
    return DefWindowProcA(h, m, w, l);
}

int main(void) {
    HINSTANCE hi = GetModuleHandleA(NULL);
    WNDCLASSA wc = {0};
    MSG msg;
    RECT r;
    HACCEL acc;
    HMENU sys;
    int i;

    setvbuf(stdout, NULL, _IONBF, 0);
    api_tests(hi);
    accel_tests(hi);

    wc.lpfnWndProc = WndProc;
    wc.hInstance = hi;
    wc.hbrBackground = (HBRUSH)(COLOR_WINDOW + 1);
    wc.lpszClassName = "MenuTest";
    wc.lpszMenuName = MAKEINTRESOURCEA(1);
    RegisterClassA(&wc);
    g_main = CreateWindowExA(0, "MenuTest", "Menu test", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 100, 100, 400, 300,
                             NULL, NULL, hi, NULL);
    g_bar = GetMenu(g_main);
    GetClientRect(g_main, &r);
    printf("window menu=%d count=%d client=%ldx%ld\n", g_bar != NULL, GetMenuItemCount(g_bar), r.right, r.bottom);
    SetMenu(g_main, NULL);
    GetClientRect(g_main, &r);
    printf("no menu: getmenu=%p client=%ldx%ld\n", (void *)GetMenu(g_main), r.right, r.bottom);
    SetMenu(g_main, g_bar);
    GetClientRect(g_main, &r);
    printf("menu again: same=%d client=%ldx%ld\n", GetMenu(g_main) == g_bar, r.right, r.bottom);
    for (i = 0; i < 3; i++) {
        GetMenuItemRect(g_main, g_bar, i, &r);
        printf("bar item %d: %ld,%ld,%ld,%ld\n", i, r.left, r.top, r.right, r.bottom);
    }
    printf("fromPoint: %d", MenuItemFromPoint(g_main, g_bar, (POINT){r.left + 2, r.top + 2}));
    printf(" %d\n", MenuItemFromPoint(g_main, g_bar, (POINT){10, 10}));
    sys = GetSystemMenu(g_main, FALSE);
    printf("sysmenu: count=%d first=%#x last=%#x default=%#x\n", GetMenuItemCount(sys), GetMenuItemID(sys, 0),
           GetMenuItemID(sys, GetMenuItemCount(sys) - 1), GetMenuDefaultItem(sys, FALSE, 0));
    DrawMenuBar(g_main);
    UpdateWindow(g_main);
    printf("ready\n");

    acc = LoadAcceleratorsA(hi, MAKEINTRESOURCEA(1));
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        if (TranslateAcceleratorA(g_main, acc, &msg)) {
            printf("translated msg=%#x key=%#x\n", msg.message, (unsigned)msg.wParam);
            continue;
        }
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
    printf("quit\n");
    return 0;
}
