/* Calls/second of kernel32 functions under exeplay (Windows only, CRT-free).
 * Each test calls the DLL export N times through a volatile function pointer (so the compiler can
 * neither inline nor hoist the call) and times the loop with QueryPerformanceCounter.
 * Output, one line per test:  NAME CALLS_PER_ITERATION ITERATIONS MICROSECONDS
 * Usage: apibench [N_NATIVE [N_PYTHON]]   (iterations for guest-code functions / Python-implemented ones)
 */
#include "bench.h"

typedef DWORD(WINAPI *fn0)(void);
typedef DWORD(WINAPI *fn1)(void *);
typedef DWORD(WINAPI *fn2)(DWORD, void *);

static DWORD WINAPI empty0(void) { return 0; }

static volatile fn0 p_empty, p_GetTickCount, p_GetLastError, p_GetVersion;
static void(WINAPI *volatile p_SetLastError)(DWORD);
static void *(WINAPI *volatile p_TlsGetValue)(DWORD);
static void(WINAPI *volatile p_Enter)(CRITICAL_SECTION_ *);
static void(WINAPI *volatile p_Leave)(CRITICAL_SECTION_ *);
static LONG(WINAPI *volatile p_InterlockedIncrement)(LONG volatile *);
static void(WINAPI *volatile p_GetSystemTimeAsFileTime)(FILETIME_ *);
static volatile fn2 p_GetCurrentDirectoryA;

static CRITICAL_SECTION_ cs;
static volatile LONG counter;
static DWORD tls;
static FILETIME_ ft;
static char cwd[260];
static volatile DWORD sink;

static void report(const char *name, unsigned per_iter, unsigned n, unsigned long long us) {
    bench_puts(name);
    bench_puts(" ");
    bench_put_u64(per_iter);
    bench_puts(" ");
    bench_put_u64(n);
    bench_puts(" ");
    bench_put_u64(us);
    bench_puts("\n");
}

#define TEST(name, per_iter, n, body)                            \
    do {                                                         \
        unsigned long long t0_ = bench_now_us();                 \
        for (unsigned i_ = 0; i_ < (n); i_++) { body; }          \
        report(name, per_iter, n, bench_now_us() - t0_);         \
    } while (0)

BENCH_MAIN(args) {
    unsigned nn = (unsigned)bench_arg_int(args, 1, 10000000);
    unsigned np = (unsigned)bench_arg_int(args, 2, 300000);
    p_empty = empty0;
    p_GetTickCount = GetTickCount;
    p_GetLastError = GetLastError;
    p_SetLastError = SetLastError;
    p_TlsGetValue = TlsGetValue;
    p_Enter = EnterCriticalSection;
    p_Leave = LeaveCriticalSection;
    p_InterlockedIncrement = InterlockedIncrement;
    p_GetVersion = GetVersion;
    p_GetSystemTimeAsFileTime = GetSystemTimeAsFileTime;
    p_GetCurrentDirectoryA = (fn2)GetCurrentDirectoryA;
    int ok;
    InitializeCriticalSection(&cs);
    tls = TlsAlloc();
    TlsSetValue(tls, (void *)0x1234);

    /* guest code (no trap into Python) */
    TEST("baseline_empty_call", 1, nn, sink = p_empty());
    TEST("GetTickCount", 1, nn, sink = p_GetTickCount());
    TEST("GetLastError", 1, nn, sink = p_GetLastError());
    TEST("SetLastError", 1, nn, p_SetLastError(i_));
    ok = p_GetLastError() == nn - 1;
    TEST("TlsGetValue", 1, nn, sink = (DWORD)p_TlsGetValue(tls));
    TEST("EnterLeaveCriticalSection", 2, nn, (p_Enter(&cs), p_Leave(&cs)));
    TEST("InterlockedIncrement", 1, nn, sink = (DWORD)p_InterlockedIncrement(&counter));
    if (!ok || counter != (LONG)nn || p_TlsGetValue(tls) != (void *)0x1234 || cs.RecursionCount != 0) {
        bench_puts("apibench: wrong results from guest-code functions\n");
        bench_exit(1);
    }
    /* Python-implemented (trap into exeplay) */
    TEST("GetVersion", 1, np, sink = p_GetVersion());
    TEST("GetSystemTimeAsFileTime", 1, np, p_GetSystemTimeAsFileTime(&ft));
    TEST("GetCurrentDirectoryA", 1, np, sink = p_GetCurrentDirectoryA(sizeof cwd, cwd));
    bench_exit(0);
}
