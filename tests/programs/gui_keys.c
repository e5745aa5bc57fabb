/* A GUI-subsystem program for interactive tests: a red square that arrow keys move (WM_KEYDOWN) and mouse
   clicks place (WM_LBUTTONDOWN). Prints every move as "pos X Y" (flushed) and exits on Esc or close. */
#include <windows.h>
#include <stdio.h>

static int x = 90, y = 60;

static LRESULT CALLBACK WndProc(HWND h, UINT m, WPARAM w, LPARAM l) {
    switch (m) {
    case WM_KEYDOWN:
        if (w == VK_LEFT) x -= 10;
        else if (w == VK_RIGHT) x += 10;
        else if (w == VK_UP) y -= 10;
        else if (w == VK_DOWN) y += 10;
        else if (w == VK_ESCAPE) { DestroyWindow(h); return 0; }
        else return 0;
        printf("pos %d %d\n", x, y);
        fflush(stdout);
        InvalidateRect(h, NULL, TRUE);
        return 0;
    case WM_LBUTTONDOWN:
        x = (short)LOWORD(l) - 10;
        y = (short)HIWORD(l) - 10;
        printf("click %d %d\n", x, y);
        fflush(stdout);
        InvalidateRect(h, NULL, TRUE);
        return 0;
    case WM_PAINT: {
        PAINTSTRUCT ps;
        HDC dc = BeginPaint(h, &ps);
        RECT r = {x, y, x + 20, y + 20};
        HBRUSH b = CreateSolidBrush(RGB(255, 0, 0));
        FillRect(dc, &r, b);
        DeleteObject(b);
        EndPaint(h, &ps);
        return 0; }
    case WM_DESTROY:
        PostQuitMessage(0);
        return 0;
    }
    return DefWindowProcA(h, m, w, l);
}

int WINAPI WinMain(HINSTANCE hi, HINSTANCE prev, LPSTR cmd, int show) {
    WNDCLASSA wc = {0};
    MSG msg;
    wc.lpfnWndProc = WndProc;
    wc.hInstance = hi;
    wc.hbrBackground = (HBRUSH)(COLOR_WINDOW + 1);
    wc.lpszClassName = "keys";
    RegisterClassA(&wc);
    CreateWindowExA(0, "keys", "Keys", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 20, 20, 240, 200, NULL, NULL, hi, NULL);
    printf("ready\n");
    fflush(stdout);
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
    printf("bye\n");
    return 0;
}
