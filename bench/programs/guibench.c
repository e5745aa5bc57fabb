/* GUI benchmarks under exeplay: message round trips through a guest WndProc, and full-window BitBlts of a
 * 640x480x32 DIB section. Output lines:  NAME OPERATIONS MICROSECONDS
 * Usage: guibench [N_MESSAGES [N_BLITS]]
 * Build: i686-w64-mingw32-gcc -O2 -s -o guibench.exe guibench.c -lgdi32 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

static volatile LONG handled;

static LRESULT CALLBACK WndProc(HWND h, UINT m, WPARAM w, LPARAM l) {
    if (m == WM_USER) { handled += (LONG)w; return 0; }
    return DefWindowProcA(h, m, w, l);
}

static unsigned long long now_us(void) {
    LARGE_INTEGER c, f;
    QueryPerformanceCounter(&c);
    QueryPerformanceFrequency(&f);
    return (unsigned long long)(c.QuadPart * 1000000.0 / f.QuadPart);
}

int main(int argc, char **argv) {
    int nmsg = argc > 1 ? atoi(argv[1]) : 100000;
    int nblt = argc > 2 ? atoi(argv[2]) : 2000;
    WNDCLASSA wc = {0};
    RECT r = {0, 0, 640, 480};
    HWND h;
    MSG msg;
    unsigned long long t0;
    int i;
    wc.lpfnWndProc = WndProc;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.lpszClassName = "bench";
    RegisterClassA(&wc);
    AdjustWindowRect(&r, WS_OVERLAPPEDWINDOW, FALSE);
    h = CreateWindowExA(0, "bench", "bench", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 0, 0, r.right - r.left,
                        r.bottom - r.top, NULL, NULL, wc.hInstance, NULL);
    while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) DispatchMessageA(&msg);
    t0 = now_us();
    for (i = 0; i < nmsg; i++) {
        PostMessageA(h, WM_USER, 1, 0);
        GetMessageA(&msg, NULL, 0, 0);
        DispatchMessageA(&msg);
    }
    printf("msg_roundtrip %d %llu\n", nmsg, now_us() - t0);
    if (handled != nmsg) { printf("FAIL handled %ld\n", handled); return 1; }
    {
        BITMAPINFO bi = {0};
        void *bits;
        HDC wdc = GetDC(h), mdc = CreateCompatibleDC(wdc);
        HBITMAP bm;
        bi.bmiHeader.biSize = sizeof bi.bmiHeader;
        bi.bmiHeader.biWidth = 640;
        bi.bmiHeader.biHeight = -480;
        bi.bmiHeader.biPlanes = 1;
        bi.bmiHeader.biBitCount = 32;
        bm = CreateDIBSection(wdc, &bi, DIB_RGB_COLORS, &bits, NULL, 0);
        SelectObject(mdc, bm);
        t0 = now_us();
        for (i = 0; i < nblt; i++) {
            ((DWORD *)bits)[i % (640 * 480)] = i;
            BitBlt(wdc, 0, 0, 640, 480, mdc, 0, 0, SRCCOPY);
        }
        printf("bitblt_640x480 %d %llu\n", nblt, now_us() - t0);
        if (GetPixel(wdc, 5, 0) != RGB(0, 0, 5)) { printf("FAIL pixel %lx\n", GetPixel(wdc, 5, 0)); return 1; }
    }
    return 0;
}
