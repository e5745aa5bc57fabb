/* Windows and messages: the creation sequence, painting, timers, posted/sent messages, WM_QUIT.
   Prints one line per interesting message; the test compares the sequence. */
#include <windows.h>
#include <stdio.h>

static int timers = 0;
static HWND g_main;

static const char *name(UINT m) {
    switch (m) {
    case WM_NCCREATE: return "WM_NCCREATE"; case WM_CREATE: return "WM_CREATE";
    case WM_SIZE: return "WM_SIZE"; case WM_MOVE: return "WM_MOVE";
    case WM_SHOWWINDOW: return "WM_SHOWWINDOW"; case WM_ACTIVATEAPP: return "WM_ACTIVATEAPP";
    case WM_NCACTIVATE: return "WM_NCACTIVATE"; case WM_ACTIVATE: return "WM_ACTIVATE";
    case WM_SETFOCUS: return "WM_SETFOCUS"; case WM_KILLFOCUS: return "WM_KILLFOCUS";
    case WM_PAINT: return "WM_PAINT"; case WM_ERASEBKGND: return "WM_ERASEBKGND";
    case WM_TIMER: return "WM_TIMER"; case WM_CLOSE: return "WM_CLOSE";
    case WM_DESTROY: return "WM_DESTROY"; case WM_NCDESTROY: return "WM_NCDESTROY";
    case WM_USER + 1: return "WM_USER+1"; case WM_USER + 2: return "WM_USER+2";
    case WM_SETTEXT: return "WM_SETTEXT"; case WM_NCPAINT: return "WM_NCPAINT";
    case WM_COMMAND: return "WM_COMMAND"; case WM_PARENTNOTIFY: return "WM_PARENTNOTIFY";
    default: return NULL;
    }
}

static LRESULT CALLBACK ChildProc(HWND h, UINT m, WPARAM w, LPARAM l) {
    if (m == WM_CREATE) printf("child WM_CREATE\n");
    if (m == WM_LBUTTONDOWN) printf("child click %d,%d\n", (int)(short)LOWORD(l), (int)(short)HIWORD(l));
    return DefWindowProcA(h, m, w, l);
}

static LRESULT CALLBACK WndProc(HWND h, UINT m, WPARAM w, LPARAM l) {
    const char *n = name(m);
    if (n) printf("%s", n);
    switch (m) {
    case WM_CREATE: {
        CREATESTRUCTA *cs = (CREATESTRUCTA *)l;
        printf(" name=%s param=%d", cs->lpszName, (int)(INT_PTR)cs->lpCreateParams);
        break; }
    case WM_SIZE: printf(" %dx%d", LOWORD(l), HIWORD(l)); break;
    case WM_ACTIVATE: printf(" %d", LOWORD(w)); break;
    case WM_PAINT: {
        PAINTSTRUCT ps; RECT r;
        HDC dc = BeginPaint(h, &ps);
        printf(" rc=%ld,%ld,%ld,%ld erase=%d", ps.rcPaint.left, ps.rcPaint.top, ps.rcPaint.right, ps.rcPaint.bottom, ps.fErase);
        GetClientRect(h, &r);
        EndPaint(h, &ps);
        (void)dc;
        printf("\n");
        return 0; }
    case WM_TIMER:
        printf(" id=%d", (int)w);
        if (++timers == 3) {
            KillTimer(h, w);
            printf(" send=%d", (int)SendMessageA(h, WM_USER + 2, 5, 6));
            PostMessageA(h, WM_USER + 1, 1, 2);
        }
        break;
    case WM_USER + 1:
        printf(" %d %d", (int)w, (int)l);
        SetWindowTextA(h, "renamed");
        { char buf[64]; GetWindowTextA(h, buf, sizeof buf); printf(" text=%s len=%d", buf, GetWindowTextLengthA(h)); }
        PostMessageA(h, WM_CLOSE, 0, 0);
        break;
    case WM_USER + 2:
        printf(" %d %d\n", (int)w, (int)l);
        return w + l;
    case WM_DESTROY:
        PostQuitMessage(7);
        break;
    }
    if (n) printf("\n");
    return DefWindowProcA(h, m, w, l);
}

int main(void) {
    WNDCLASSA wc = {0};
    MSG msg;
    RECT r = {0, 0, 320, 240};
    int n;
    wc.lpfnWndProc = WndProc;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.hbrBackground = (HBRUSH)(COLOR_WINDOW + 1);
    wc.lpszClassName = "TestMain";
    wc.hCursor = NULL;
    if (!RegisterClassA(&wc)) { printf("RegisterClass failed\n"); return 1; }
    n = RegisterClassA(&wc);
    printf("second register=%d err=%lu\n", n, GetLastError());
    wc.lpfnWndProc = ChildProc;
    wc.lpszClassName = "TestChild";
    RegisterClassA(&wc);
    AdjustWindowRect(&r, WS_OVERLAPPEDWINDOW, FALSE);
    printf("adjusted %ld,%ld,%ld,%ld\n", r.left, r.top, r.right, r.bottom);
    g_main = CreateWindowExA(0, "TestMain", "Hello", WS_OVERLAPPEDWINDOW, 10, 20, r.right - r.left, r.bottom - r.top,
                             NULL, NULL, wc.hInstance, (LPVOID)42);
    printf("created %d\n", g_main != NULL);
    {
        HWND c = CreateWindowExA(0, "TestChild", "", WS_CHILD | WS_VISIBLE, 10, 10, 50, 40, g_main, (HMENU)5, wc.hInstance, NULL);
        RECT wr; POINT p = {0, 0};
        GetWindowRect(c, &wr);
        ClientToScreen(c, &p);
        printf("child id=%d parent_ok=%d rect=%ld,%ld,%ld,%ld pt=%ld,%ld\n", GetDlgCtrlID(c), GetParent(c) == g_main,
               wr.left, wr.top, wr.right, wr.bottom, p.x, p.y);
        printf("dlgitem_ok=%d\n", GetDlgItem(g_main, 5) == c);
    }
    ShowWindow(g_main, SW_SHOW);
    UpdateWindow(g_main);
    SetTimer(g_main, 9, 50, NULL);
    while ((n = GetMessageA(&msg, NULL, 0, 0)) > 0) {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
    printf("quit n=%d wParam=%d iswindow=%d\n", n, (int)msg.wParam, IsWindow(g_main));
    return 0;
}
