/* Tiny platform layer for exeplay's benchmark programs.
 * Windows builds are CRT-free (no msvcrt: -nostdlib -e _start -lkernel32 -lgcc): output goes through
 * WriteFile(GetStdHandle(STD_OUTPUT_HANDLE)), time through QueryPerformanceCounter, the command line
 * through GetCommandLineA. Linux builds use libc. Kernel32 is declared here (no windows.h) so that every
 * call goes to the DLL export, never to a compiler intrinsic or header inline. */
#ifndef BENCH_H
#define BENCH_H

#define BENCH_UNUSED __attribute__((unused))

#ifdef _WIN32
#define WINAPI __stdcall
#define IMPORT __declspec(dllimport)
typedef unsigned long DWORD;
typedef long LONG;
typedef int BOOL;
typedef void *HANDLE;
typedef struct { DWORD lo, hi; } FILETIME_;
typedef struct { void *DebugInfo; LONG LockCount, RecursionCount; HANDLE OwningThread, LockSemaphore;
                 unsigned long SpinCount; } CRITICAL_SECTION_;
IMPORT HANDLE WINAPI GetStdHandle(DWORD);
IMPORT BOOL WINAPI WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
IMPORT void WINAPI ExitProcess(unsigned) __attribute__((noreturn));
IMPORT const char *WINAPI GetCommandLineA(void);
IMPORT BOOL WINAPI QueryPerformanceCounter(long long *);
IMPORT BOOL WINAPI QueryPerformanceFrequency(long long *);
IMPORT DWORD WINAPI GetTickCount(void);
IMPORT DWORD WINAPI GetLastError(void);
IMPORT void WINAPI SetLastError(DWORD);
IMPORT DWORD WINAPI TlsAlloc(void);
IMPORT void *WINAPI TlsGetValue(DWORD);
IMPORT BOOL WINAPI TlsSetValue(DWORD, void *);
IMPORT void WINAPI InitializeCriticalSection(CRITICAL_SECTION_ *);
IMPORT void WINAPI EnterCriticalSection(CRITICAL_SECTION_ *);
IMPORT void WINAPI LeaveCriticalSection(CRITICAL_SECTION_ *);
IMPORT LONG WINAPI InterlockedIncrement(LONG volatile *);
IMPORT DWORD WINAPI GetVersion(void);
IMPORT void WINAPI GetSystemTimeAsFileTime(FILETIME_ *);
IMPORT DWORD WINAPI GetCurrentDirectoryA(DWORD, char *);

/* gcc turns fill/copy loops into memset/memcpy calls; without a CRT we supply them. */
void *memset(void *d, int c, unsigned n) {
    void *r = d;
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return r;
}
void *memcpy(void *d, const void *s, unsigned n) {
    void *r = d;
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
    return r;
}

__attribute__((optimize("no-tree-loop-distribute-patterns"))) unsigned strlen(const char *s) {
    unsigned n = 0;
    while (s[n]) n++;
    return n;
}

BENCH_UNUSED static void bench_write(const char *s, unsigned n) {
    DWORD w;
    WriteFile(GetStdHandle((DWORD)-11), s, n, &w, 0);
}
BENCH_UNUSED static void bench_exit(int code) { ExitProcess((unsigned)code); }
BENCH_UNUSED static unsigned long long bench_now_us(void) {
    long long c, f;
    QueryPerformanceCounter(&c);
    QueryPerformanceFrequency(&f);
    return (unsigned long long)(c / f) * 1000000ull + (unsigned long long)(c % f) * 1000000ull / (unsigned long long)f;
}
#define BENCH_MAIN(args) \
    static void bench_main(const char *args); \
    void start(void) { bench_main(GetCommandLineA()); ExitProcess(0); } \
    static void bench_main(const char *args)
#else
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
BENCH_UNUSED static void bench_write(const char *s, unsigned n) {
    while (n) { long w = write(1, s, n); if (w <= 0) return; s += w; n -= (unsigned)w; }
}
BENCH_UNUSED static void bench_exit(int code) { exit(code); }
BENCH_UNUSED static unsigned long long bench_now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000ull + (unsigned long long)ts.tv_nsec / 1000ull;
}
#define BENCH_MAIN(args) \
    static void bench_main(const char *args); \
    int main(int argc, char **argv) { \
        static char line[4096]; unsigned o = 0; \
        for (int i = 0; i < argc; i++) { \
            unsigned l = (unsigned)strlen(argv[i]); \
            if (o + l + 2 >= sizeof line) break; \
            memcpy(line + o, argv[i], l); o += l; line[o++] = ' '; } \
        line[o] = 0; bench_main(line); return 0; } \
    static void bench_main(const char *args)
#endif

BENCH_UNUSED static void bench_puts(const char *s) {
    unsigned n = 0;
    while (s[n]) n++;
    bench_write(s, n);
}
BENCH_UNUSED static void bench_put_u64(unsigned long long v) {
    char b[24];
    int i = 23;
    b[i] = 0;
    do { b[--i] = (char)('0' + v % 10); v /= 10; } while (v);
    bench_puts(b + i);
}
BENCH_UNUSED static void bench_put_hex(unsigned v) {
    char b[9];
    for (int i = 7; i >= 0; i--, v >>= 4) b[i] = "0123456789abcdef"[v & 15];
    b[8] = 0;
    bench_puts(b);
}
/* The idx-th whitespace-separated token of a command line (0 = program; quotes group), as an int. */
BENCH_UNUSED static int bench_arg_int(const char *s, int idx, int dflt) {
    for (int t = 0;; t++) {
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) return dflt;
        if (t == idx) {
            int v = 0, any = 0;
            while (*s >= '0' && *s <= '9') { v = v * 10 + (*s++ - '0'); any = 1; }
            return any ? v : dflt;
        }
        if (*s == '"') { s++; while (*s && *s != '"') s++; if (*s) s++; }
        while (*s && *s != ' ' && *s != '\t') s++;
    }
}
#endif
