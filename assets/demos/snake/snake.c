/* Snake: exeplay's bundled GDI game (our own code; see assets/README.md).
 *
 * A window with a menu (Game: New Game F2, Pause, Exit; Help: Controls, About Snake), a score bar and a 24x18
 * field drawn with GDI through a memory bitmap. Keys: arrows steer, Enter or Space starts a game, Space pauses,
 * F2 starts over, Escape quits. A gamepad works through exeplay's default key mapping (d-pad/stick -> arrows,
 * A/Start -> Enter, X -> Space, B -> Escape) until it reads the pad itself through winmm's joyGetPosEx
 * (looked up at run time, so the program also runs where it is missing): stick or POV steers, button 1 (A)
 * starts, button 3 (X) or 8 (Start) starts or pauses, button 2 (B) quits. Should both paths deliver the same
 * press, starting and steering are idempotent and pausing ignores a second toggle within 200 ms.
 *
 * The high score lives in %APPDATA%\Snake\highscore.txt (else next to the program); it is written when a
 * game ends with a new best and when the program quits. The first apple of a game is always straight ahead;
 * later apples come from a generator seeded with GetTickCount at the start of the game.
 *
 * Build (assets/demos/build.sh):
 *   i686-w64-mingw32-windres snake.rc -O coff -o snake.res
 *   i686-w64-mingw32-gcc -O2 -s -Wall -Wextra -Wno-unused-parameter -Wl,--no-insert-timestamp -mwindows \
 *       -o snake.exe snake.c snake.res -lgdi32 -luser32
 */
#include <windows.h>
#include <mmsystem.h>
#include <stdio.h>
#include <string.h>
#include "snake.h"

#define GW 24
#define GH 18
#define CELL 16
#define BAR 28
#define FIELD_W (GW * CELL)
#define FIELD_H (GH * CELL)
#define MAXLEN (GW * GH)
#define TICK_TIMER 1
#define PAD_TIMER 2

enum { READY, PLAYING, PAUSED, OVER };
enum { RIGHT, DOWN, LEFT, UP };
static const int DX[4] = {1, 0, -1, 0}, DY[4] = {0, 1, 0, -1};

static HINSTANCE inst;
static HWND main_wnd;
static int state = READY;
static int sx[MAXLEN], sy[MAXLEN];  /* sx[0], sy[0]: the head */
static int len, dir, score, high, apples, fx, fy;
static int pending[3], npending;
static unsigned seed;
static DWORD last_pause;
static HBITMAP backdrop;
static HFONT bar_font, big_font;
static char score_path[MAX_PATH];

typedef MMRESULT (WINAPI *JoyGetPosExFn)(UINT, LPJOYINFOEX);
static JoyGetPosExFn joy_get_pos_ex;
static DWORD pad_buttons;
static int pad_dir = -1;

/* --------------------------------------------------------------------------------------------- high score */
static void find_score_file(void) {
    char dir[MAX_PATH];
    DWORD n = GetEnvironmentVariableA("APPDATA", dir, sizeof dir);
    if (n > 0 && n < sizeof dir - 32) {
        char *p;
        lstrcatA(dir, "\\Snake");
        for (p = dir + 3; *p; p++) {  /* every folder on the way (a fresh profile may lack them) */
            if (*p == '\\') {
                *p = 0;
                CreateDirectoryA(dir, NULL);
                *p = '\\';
            }
        }
        CreateDirectoryA(dir, NULL);
        wsprintfA(score_path, "%s\\highscore.txt", dir);
    } else {
        char *slash;
        GetModuleFileNameA(NULL, score_path, sizeof score_path - 16);
        slash = strrchr(score_path, '\\');
        lstrcpyA(slash ? slash + 1 : score_path, "highscore.txt");
    }
}

static void load_high(void) {
    char buf[32];
    DWORD got = 0;
    HANDLE f = CreateFileA(score_path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    high = 0;
    if (f == INVALID_HANDLE_VALUE) return;
    if (ReadFile(f, buf, sizeof buf - 1, &got, NULL)) {
        buf[got] = 0;
        high = atoi(buf);
    }
    CloseHandle(f);
}

static void save_high(void) {
    char buf[32];
    DWORD put;
    int n = wsprintfA(buf, "%d\r\n", high);
    HANDLE f = CreateFileA(score_path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (f == INVALID_HANDLE_VALUE) return;
    WriteFile(f, buf, (DWORD)n, &put, NULL);
    CloseHandle(f);
}

/* --------------------------------------------------------------------------------------------- the game */
static unsigned rnd(unsigned n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
}

static int on_snake(int x, int y, int from) {
    int i;
    for (i = from; i < len; i++)
        if (sx[i] == x && sy[i] == y) return 1;
    return 0;
}

static void place_apple(void) {
    int free_cells = GW * GH - len, k, x, y;
    if (free_cells <= 0) return;
    k = (int)rnd((unsigned)free_cells);
    for (y = 0; y < GH; y++)
        for (x = 0; x < GW; x++)
            if (!on_snake(x, y, 0) && k-- == 0) {
                fx = x;
                fy = y;
                return;
            }
}

static int tick_ms(void) {
    int t = 110 - (apples / 5) * 10;
    return t < 60 ? 60 : t;
}

static void redraw(void) {
    char title[64];
    InvalidateRect(main_wnd, NULL, FALSE);
    wsprintfA(title, state == PLAYING || state == PAUSED ? "Snake - %d" : "Snake", score);
    SetWindowTextA(main_wnd, title);
}

static void new_game(void) {
    int i;
    len = 4;
    for (i = 0; i < len; i++) {
        sx[i] = 8 - i;
        sy[i] = GH / 2;
    }
    dir = RIGHT;
    npending = 0;
    score = 0;
    apples = 0;
    fx = 14;               /* the first apple: straight ahead */
    fy = GH / 2;
    seed = GetTickCount();
    state = PLAYING;
    SetTimer(main_wnd, TICK_TIMER, (UINT)tick_ms(), NULL);
    redraw();
}

static void end_game(void) {
    state = OVER;
    KillTimer(main_wnd, TICK_TIMER);
    if (score > high) {
        high = score;
        save_high();
    }
    MessageBeep(MB_ICONEXCLAMATION);
    redraw();
}

static void steer(int d) {
    int last = npending ? pending[npending - 1] : dir;
    if (state != PLAYING || d == last || (d ^ 2) == last || npending == 3) return;
    pending[npending++] = d;
}

static void toggle_pause(void) {
    DWORD now = GetTickCount();
    if (now - last_pause < 200) return;
    last_pause = now;
    if (state == PLAYING) {
        state = PAUSED;
        KillTimer(main_wnd, TICK_TIMER);
    } else if (state == PAUSED) {
        state = PLAYING;
        SetTimer(main_wnd, TICK_TIMER, (UINT)tick_ms(), NULL);
    }
    redraw();
}

static void start_or_pause(void) {  /* Space */
    if (state == READY || state == OVER) new_game();
    else toggle_pause();
}

static void step(void) {
    int nx, ny, i, grow, hit;
    if (npending) {
        dir = pending[0];
        npending--;
        memmove(pending, pending + 1, sizeof pending[0] * (size_t)npending);
    }
    nx = sx[0] + DX[dir];
    ny = sy[0] + DY[dir];
    grow = nx == fx && ny == fy;
    /* the tail's cell is free unless the snake grows this step */
    hit = on_snake(nx, ny, 0) && !(!grow && nx == sx[len - 1] && ny == sy[len - 1]);
    if (nx < 0 || ny < 0 || nx >= GW || ny >= GH || hit) {
        end_game();
        return;
    }
    if (grow && len < MAXLEN) len++;
    for (i = len - 1; i > 0; i--) {
        sx[i] = sx[i - 1];
        sy[i] = sy[i - 1];
    }
    sx[0] = nx;
    sy[0] = ny;
    if (grow) {
        score += 10;
        apples++;
        if (apples % 5 == 0) SetTimer(main_wnd, TICK_TIMER, (UINT)tick_ms(), NULL);
        place_apple();
        MessageBeep(MB_OK);
    }
    redraw();
}

/* --------------------------------------------------------------------------------------------- gamepad */
static void poll_pad(void) {
    JOYINFOEX ji;
    DWORD pressed;
    int d = -1;
    if (!joy_get_pos_ex) return;
    memset(&ji, 0, sizeof ji);
    ji.dwSize = sizeof ji;
    ji.dwFlags = JOY_RETURNALL;
    if (joy_get_pos_ex(JOYSTICKID1, &ji) != JOYERR_NOERROR) return;
    if (ji.dwPOV != JOY_POVCENTERED && ji.dwPOV <= 36000) {
        d = ji.dwPOV >= 31500 || ji.dwPOV < 4500 ? UP : ji.dwPOV < 13500 ? RIGHT : ji.dwPOV < 22500 ? DOWN : LEFT;
    } else if (ji.dwXpos < 16384) {
        d = LEFT;
    } else if (ji.dwXpos > 49152) {
        d = RIGHT;
    } else if (ji.dwYpos < 16384) {
        d = UP;
    } else if (ji.dwYpos > 49152) {
        d = DOWN;
    }
    if (d != pad_dir && d >= 0) steer(d);
    pad_dir = d;
    pressed = ji.dwButtons & ~pad_buttons;
    pad_buttons = ji.dwButtons;
    if ((pressed & JOY_BUTTON1) && (state == READY || state == OVER)) new_game();  /* A: as Enter */
    else if (pressed & (JOY_BUTTON3 | JOY_BUTTON8)) start_or_pause();              /* X, Start: as Space */
    if (pressed & JOY_BUTTON2) DestroyWindow(main_wnd);                          /* B: as Escape */
}

/* --------------------------------------------------------------------------------------------- drawing */
static void make_backdrop(HDC ref) {
    HDC dc = CreateCompatibleDC(ref);
    HBRUSH a = CreateSolidBrush(RGB(26, 72, 34)), b = CreateSolidBrush(RGB(22, 62, 30));
    HGDIOBJ old;
    RECT r;
    int x, y;
    backdrop = CreateCompatibleBitmap(ref, FIELD_W, FIELD_H);
    old = SelectObject(dc, backdrop);
    for (y = 0; y < GH; y++)
        for (x = 0; x < GW; x++) {
            SetRect(&r, x * CELL, y * CELL, x * CELL + CELL, y * CELL + CELL);
            FillRect(dc, &r, (x + y) & 1 ? b : a);
        }
    SelectObject(dc, old);
    DeleteObject(a);
    DeleteObject(b);
    DeleteDC(dc);
}

static void text_box(HDC dc, const char *line1, const char *line2) {
    RECT r = {FIELD_W / 2 - 150, BAR + FIELD_H / 2 - 40, FIELD_W / 2 + 150, BAR + FIELD_H / 2 + 40};
    HBRUSH fill = CreateSolidBrush(RGB(12, 30, 16));
    HPEN pen = CreatePen(PS_SOLID, 2, RGB(120, 220, 120));
    HGDIOBJ ob = SelectObject(dc, fill), op = SelectObject(dc, pen), of = SelectObject(dc, big_font);
    RoundRect(dc, r.left, r.top, r.right, r.bottom, 12, 12);
    SetTextColor(dc, RGB(240, 255, 220));
    r.bottom = r.top + 44;
    r.top += 8;
    DrawTextA(dc, line1, -1, &r, DT_CENTER | DT_SINGLELINE | DT_VCENTER);
    SelectObject(dc, bar_font);
    SetTextColor(dc, RGB(170, 220, 160));
    r.top = r.bottom - 2;
    r.bottom = r.top + 26;
    DrawTextA(dc, line2, -1, &r, DT_CENTER | DT_SINGLELINE | DT_VCENTER);
    SelectObject(dc, ob);
    SelectObject(dc, op);
    SelectObject(dc, of);
    DeleteObject(fill);
    DeleteObject(pen);
}

static void paint(HDC dc) {
    HBRUSH bar = CreateSolidBrush(RGB(20, 24, 20));
    HBRUSH body1 = CreateSolidBrush(RGB(70, 200, 70)), body2 = CreateSolidBrush(RGB(56, 176, 60));
    HBRUSH head = CreateSolidBrush(RGB(110, 235, 90)), apple = CreateSolidBrush(RGB(220, 32, 32));
    HBRUSH leaf = CreateSolidBrush(RGB(70, 190, 60)), white = (HBRUSH)GetStockObject(WHITE_BRUSH);
    HBRUSH black = (HBRUSH)GetStockObject(BLACK_BRUSH);
    HPEN outline = CreatePen(PS_SOLID, 1, RGB(16, 70, 20)), apple_pen = CreatePen(PS_SOLID, 1, RGB(120, 0, 0));
    HPEN stem = CreatePen(PS_SOLID, 2, RGB(100, 60, 20));
    HDC bd = CreateCompatibleDC(dc);
    HGDIOBJ oldb = SelectObject(bd, backdrop), ob, op, of;
    RECT r = {0, 0, FIELD_W, BAR};
    char text[80];
    int i, x, y;

    FillRect(dc, &r, bar);
    BitBlt(dc, 0, BAR, FIELD_W, FIELD_H, bd, 0, 0, SRCCOPY);
    SelectObject(bd, oldb);
    DeleteDC(bd);

    of = SelectObject(dc, bar_font);
    SetBkMode(dc, TRANSPARENT);
    SetTextColor(dc, RGB(230, 240, 200));
    wsprintfA(text, "Score %d", score);
    TextOutA(dc, 10, 5, text, lstrlenA(text));
    SetTextColor(dc, RGB(250, 210, 90));
    wsprintfA(text, "High %d", high);
    r.left = 0; r.right = FIELD_W - 10;
    DrawTextA(dc, text, -1, &r, DT_RIGHT | DT_SINGLELINE | DT_VCENTER);
    SetTextColor(dc, RGB(140, 170, 140));
    wsprintfA(text, "Length %d", state == READY ? 0 : len);
    r.left = 0; r.right = FIELD_W;
    DrawTextA(dc, text, -1, &r, DT_CENTER | DT_SINGLELINE | DT_VCENTER);

    if (state != READY) {
        /* apple */
        x = fx * CELL;
        y = BAR + fy * CELL;
        ob = SelectObject(dc, apple);
        op = SelectObject(dc, apple_pen);
        Ellipse(dc, x + 2, y + 3, x + CELL - 1, y + CELL);
        SelectObject(dc, stem);
        MoveToEx(dc, x + 8, y + 4, NULL);
        LineTo(dc, x + 9, y);
        SelectObject(dc, leaf);
        SelectObject(dc, GetStockObject(NULL_PEN));
        Ellipse(dc, x + 9, y, x + 15, y + 4);
        /* snake, tail first */
        SelectObject(dc, outline);
        for (i = len - 1; i >= 0; i--) {
            x = sx[i] * CELL;
            y = BAR + sy[i] * CELL;
            SelectObject(dc, i == 0 ? head : (i & 1) ? body2 : body1);
            RoundRect(dc, x + 1, y + 1, x + CELL, y + CELL, 7, 7);
        }
        /* eyes, looking ahead */
        x = sx[0] * CELL + CELL / 2;
        y = BAR + sy[0] * CELL + CELL / 2;
        SelectObject(dc, GetStockObject(NULL_PEN));
        for (i = -1; i <= 1; i += 2) {
            int ex = x + DX[dir] * 3 + DY[dir] * 4 * i, ey = y + DY[dir] * 3 + DX[dir] * 4 * i;
            SelectObject(dc, white);
            Ellipse(dc, ex - 3, ey - 3, ex + 3, ey + 3);
            SelectObject(dc, black);
            Ellipse(dc, ex - 1 + DX[dir], ey - 1 + DY[dir], ex + 2 + DX[dir], ey + 2 + DY[dir]);
        }
        SelectObject(dc, ob);
        SelectObject(dc, op);
    }
    if (state == READY) text_box(dc, "SNAKE", "Enter: play   arrows: steer   Esc: quit");
    else if (state == PAUSED) text_box(dc, "Paused", "Space: go on");
    else if (state == OVER) {
        wsprintfA(text, score >= high && score > 0 ? "New high score: %d" : "Game over: %d", score);
        text_box(dc, text, "Enter: play again   Esc: quit");
    }
    SelectObject(dc, of);
    DeleteObject(bar);
    DeleteObject(body1);
    DeleteObject(body2);
    DeleteObject(head);
    DeleteObject(apple);
    DeleteObject(leaf);
    DeleteObject(outline);
    DeleteObject(apple_pen);
    DeleteObject(stem);
}

/* --------------------------------------------------------------------------------------------- windows */
static INT_PTR CALLBACK about_proc(HWND dlg, UINT msg, WPARAM wp, LPARAM lp) {
    switch (msg) {
    case WM_INITDIALOG:
        return TRUE;
    case WM_COMMAND:
        if (LOWORD(wp) == IDOK || LOWORD(wp) == IDCANCEL) {
            EndDialog(dlg, LOWORD(wp));
            return TRUE;
        }
        break;
    }
    return FALSE;
}

static LRESULT CALLBACK wndproc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) {
    switch (msg) {
    case WM_CREATE:
        main_wnd = hwnd;
        return 0;
    case WM_KEYDOWN:
        switch (wp) {
        case VK_LEFT: steer(LEFT); break;
        case VK_RIGHT: steer(RIGHT); break;
        case VK_UP: steer(UP); break;
        case VK_DOWN: steer(DOWN); break;
        case VK_RETURN: if (state == READY || state == OVER) new_game(); break;
        case VK_SPACE: start_or_pause(); break;
        case VK_ESCAPE: DestroyWindow(hwnd); break;
        }
        return 0;
    case WM_TIMER:
        if (wp == TICK_TIMER && state == PLAYING) step();
        else if (wp == PAD_TIMER) poll_pad();
        return 0;
    case WM_COMMAND:
        switch (LOWORD(wp)) {
        case IDM_NEW: new_game(); break;
        case IDM_PAUSE: toggle_pause(); break;
        case IDM_EXIT: DestroyWindow(hwnd); break;
        case IDM_CONTROLS:
            MessageBoxA(hwnd, "Arrow keys (or the d-pad / left stick) steer the snake.\n"
                        "Enter or Space (pad: A, Start, X) starts a game.\n"
                        "Space (pad: X) pauses, F2 starts over, Escape quits.\n\n"
                        "Each apple is worth 10 points; every fifth one speeds you up.",
                        "Snake controls", MB_OK | MB_ICONINFORMATION);
            break;
        case IDM_ABOUT:
            if (state == PLAYING) toggle_pause();
            DialogBoxParamA(inst, MAKEINTRESOURCEA(IDD_ABOUT), hwnd, about_proc, 0);
            break;
        }
        return 0;
    case WM_INITMENUPOPUP:
        EnableMenuItem((HMENU)wp, IDM_PAUSE, MF_BYCOMMAND | (state == PLAYING || state == PAUSED ? MF_ENABLED
                                                                                                   : MF_GRAYED));
        CheckMenuItem((HMENU)wp, IDM_PAUSE, MF_BYCOMMAND | (state == PAUSED ? MF_CHECKED : MF_UNCHECKED));
        return 0;
    case WM_PAINT: {
        PAINTSTRUCT ps;
        HDC dc = BeginPaint(hwnd, &ps), mem = CreateCompatibleDC(dc);
        HBITMAP bmp = CreateCompatibleBitmap(dc, FIELD_W, BAR + FIELD_H);
        HGDIOBJ old = SelectObject(mem, bmp);
        paint(mem);
        BitBlt(dc, 0, 0, FIELD_W, BAR + FIELD_H, mem, 0, 0, SRCCOPY);
        SelectObject(mem, old);
        DeleteObject(bmp);
        DeleteDC(mem);
        EndPaint(hwnd, &ps);
        return 0;
    }
    case WM_ERASEBKGND:
        return 1;
    case WM_DESTROY:
        if (score > high) {
            high = score;
            save_high();
        }
        KillTimer(hwnd, TICK_TIMER);
        KillTimer(hwnd, PAD_TIMER);
        PostQuitMessage(0);
        return 0;
    }
    return DefWindowProcA(hwnd, msg, wp, lp);
}

int WINAPI WinMain(HINSTANCE hinst, HINSTANCE prev, LPSTR cmd, int show) {
    WNDCLASSA wc;
    RECT r = {0, 0, FIELD_W, BAR + FIELD_H};
    DWORD style = WS_OVERLAPPED | WS_CAPTION | WS_SYSMENU | WS_MINIMIZEBOX;
    HACCEL accel;
    HMODULE winmm;
    HDC screen;
    MSG msg;
    int w, h;
    (void)prev; (void)cmd;

    inst = hinst;
    find_score_file();
    load_high();
    winmm = LoadLibraryA("winmm.dll");
    if (winmm) joy_get_pos_ex = (JoyGetPosExFn)(void (*)(void))GetProcAddress(winmm, "joyGetPosEx");
    bar_font = CreateFontA(-15, 0, 0, 0, FW_BOLD, 0, 0, 0, ANSI_CHARSET, OUT_DEFAULT_PRECIS, CLIP_DEFAULT_PRECIS,
                           DEFAULT_QUALITY, DEFAULT_PITCH | FF_SWISS, "Tahoma");
    big_font = CreateFontA(-28, 0, 0, 0, FW_HEAVY, 0, 0, 0, ANSI_CHARSET, OUT_DEFAULT_PRECIS, CLIP_DEFAULT_PRECIS,
                           DEFAULT_QUALITY, DEFAULT_PITCH | FF_SWISS, "Arial");
    screen = GetDC(NULL);
    make_backdrop(screen);
    ReleaseDC(NULL, screen);

    memset(&wc, 0, sizeof wc);
    wc.style = CS_HREDRAW | CS_VREDRAW;
    wc.lpfnWndProc = wndproc;
    wc.hInstance = hinst;
    wc.hIcon = LoadIconA(hinst, MAKEINTRESOURCEA(IDI_SNAKE));
    wc.hCursor = LoadCursorA(NULL, (LPCSTR)IDC_ARROW);
    wc.lpszMenuName = MAKEINTRESOURCEA(IDR_MENU);
    wc.lpszClassName = "ExeplaySnake";
    RegisterClassA(&wc);
    AdjustWindowRect(&r, style, TRUE);
    w = r.right - r.left;
    h = r.bottom - r.top;
    CreateWindowExA(0, "ExeplaySnake", "Snake", style, (GetSystemMetrics(SM_CXSCREEN) - w) / 2,
                    (GetSystemMetrics(SM_CYSCREEN) - h) / 2, w, h, NULL, NULL, hinst, NULL);
    ShowWindow(main_wnd, show);
    UpdateWindow(main_wnd);
    if (joy_get_pos_ex) SetTimer(main_wnd, PAD_TIMER, 30, NULL);
    accel = LoadAcceleratorsA(hinst, MAKEINTRESOURCEA(IDR_ACCEL));
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        if (!TranslateAcceleratorA(main_wnd, accel, &msg)) {
            TranslateMessage(&msg);
            DispatchMessageA(&msg);
        }
    }
    DeleteObject(backdrop);
    DeleteObject(bar_font);
    DeleteObject(big_font);
    return (int)msg.wParam;
}
