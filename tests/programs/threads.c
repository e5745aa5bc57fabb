/* threads: threads and every kernel32 synchronisation object, without the C runtime.
 * Usage: threads TEST...   (no argument: all tests). Each test prints "TEST: ok" or FAIL lines;
 * the exit code is the number of failed checks. */
#include "nocrt.h"

#define NTHREADS 4
#define ITERS 100000

static DWORD elapsed_since(DWORD t0) { return GetTickCount() - t0; }

static HANDLE start_thread(LPTHREAD_START_ROUTINE fn, void *arg) {
    HANDLE h = CreateThread(NULL, 0, fn, arg, 0, NULL);
    CHECK(h != NULL, "CreateThread");
    return h;
}

static void join_all(HANDLE *h, int n) {
    DWORD r = WaitForMultipleObjects((DWORD)n, h, TRUE, 30000);
    CHECK(r == WAIT_OBJECT_0, "joining %d threads: %x", n, (unsigned)r);
    for (int i = 0; i < n; i++) CloseHandle(h[i]);
}

/* ---- create ---------------------------------------------------------------------------------- */
static HANDLE g_go;
static DWORD WINAPI times_two(LPVOID p) {
    WaitForSingleObject(g_go, INFINITE);
    return (DWORD)(ULONG_PTR)p * 2;
}
static DWORD WINAPI exits_early(LPVOID p) {
    (void)p;
    ExitThread(77);
    return 1;
}
static void test_create(void) {
    g_go = CreateEventA(NULL, TRUE, FALSE, NULL);
    DWORD tid = 0, code = 0;
    HANDLE h = CreateThread(NULL, 0, times_two, (LPVOID)21, 0, &tid);
    CHECK(h != NULL && tid != 0 && tid != GetCurrentThreadId(), "CreateThread gives a handle and a new thread id");
    CHECK(GetExitCodeThread(h, &code) && code == STILL_ACTIVE, "running thread: STILL_ACTIVE, got %u", (unsigned)code);
    CHECK(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "running thread is not signalled");
    SetEvent(g_go);
    CHECK(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "thread ends");
    CHECK(GetExitCodeThread(h, &code) && code == 42, "exit code is the return value: %u", (unsigned)code);
    CHECK(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "ended thread stays signalled");
    CloseHandle(h);
    h = start_thread(exits_early, NULL);
    CHECK(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "ExitThread ends the thread");
    CHECK(GetExitCodeThread(h, &code) && code == 77, "ExitThread code: %u", (unsigned)code);
    CloseHandle(h);
    CloseHandle(g_go);
}

/* ---- suspend --------------------------------------------------------------------------------- */
static volatile LONG g_flag;
static DWORD WINAPI set_flag(LPVOID p) {
    (void)p;
    g_flag = 1;
    return 0;
}
static void test_suspend(void) {
    g_flag = 0;
    HANDLE h = CreateThread(NULL, 0, set_flag, NULL, CREATE_SUSPENDED, NULL);
    Sleep(100);
    CHECK(g_flag == 0, "CREATE_SUSPENDED thread does not run");
    CHECK(WaitForSingleObject(h, 50) == WAIT_TIMEOUT, "suspended thread is not signalled");
    DWORD prev = ResumeThread(h);
    CHECK(prev == 1, "ResumeThread returns the previous suspend count 1, got %u", (unsigned)prev);
    CHECK(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0 && g_flag == 1, "resumed thread runs");
    CloseHandle(h);
}

/* ---- wait timeouts ---------------------------------------------------------------------------- */
static volatile LONG g_stop;
static DWORD WINAPI busy(LPVOID p) {
    (void)p;
    volatile unsigned x = 0;
    while (!g_stop) x++;
    return x ? 5 : 5;
}
static void test_wait_timeout(void) {
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    DWORD t0 = GetTickCount();
    CHECK(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "zero timeout on an unsignalled event");
    CHECK(elapsed_since(t0) < 100, "zero timeout returns at once");
    t0 = GetTickCount();
    DWORD r = WaitForSingleObject(ev, 300);
    DWORD dt = elapsed_since(t0);
    CHECK(r == WAIT_TIMEOUT, "WaitForSingleObject(300) times out: %x", (unsigned)r);
    CHECK(dt >= 280 && dt < 3000, "the timeout took about 300 ms: %u", (unsigned)dt);
    /* a busy (never blocking) thread must be preempted, and a timed wait on it must time out */
    g_stop = 0;
    HANDLE h = start_thread(busy, NULL);
    t0 = GetTickCount();
    r = WaitForSingleObject(h, 200);
    dt = elapsed_since(t0);
    CHECK(r == WAIT_TIMEOUT, "timed wait on a busy thread times out: %x", (unsigned)r);
    CHECK(dt >= 180 && dt < 5000, "busy-thread timeout took about 200 ms: %u", (unsigned)dt);
    t0 = GetTickCount();
    Sleep(200); /* a sleeping thread must wake on time while another one spins */
    dt = elapsed_since(t0);
    CHECK(dt >= 190 && dt < 5000, "Sleep(200) beside a busy thread took %u ms", (unsigned)dt);
    g_stop = 1;
    CHECK(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "busy thread stops");
    DWORD code = 0;
    GetExitCodeThread(h, &code);
    CHECK(code == 5, "busy thread exit code");
    CloseHandle(h);
    CloseHandle(ev);
    CHECK(WaitForSingleObject((HANDLE)0x12345678, 0) == WAIT_FAILED, "wait on an invalid handle fails");
    CHECK(GetLastError() == ERROR_INVALID_HANDLE, "invalid handle: ERROR_INVALID_HANDLE");
}

/* ---- WaitForMultipleObjects ------------------------------------------------------------------ */
static HANDLE g_ev3[3];
static DWORD WINAPI set_third_later(LPVOID p) {
    (void)p;
    Sleep(100);
    SetEvent(g_ev3[2]);
    return 0;
}
static DWORD WINAPI sleeper(LPVOID p) {
    Sleep((DWORD)(ULONG_PTR)p);
    return (DWORD)(ULONG_PTR)p;
}
static void test_wait_multiple(void) {
    for (int i = 0; i < 3; i++) g_ev3[i] = CreateEventA(NULL, FALSE, FALSE, NULL); /* auto-reset */
    HANDLE h = start_thread(set_third_later, NULL);
    DWORD r = WaitForMultipleObjects(3, g_ev3, FALSE, 5000);
    CHECK(r == WAIT_OBJECT_0 + 2, "wait-any returns the index of the signalled event: %x", (unsigned)r);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
    CHECK(WaitForSingleObject(g_ev3[2], 0) == WAIT_TIMEOUT, "wait-any consumed the auto-reset event");
    SetEvent(g_ev3[1]);
    SetEvent(g_ev3[2]);
    r = WaitForMultipleObjects(3, g_ev3, FALSE, 0);
    CHECK(r == WAIT_OBJECT_0 + 1, "wait-any with several signalled returns the lowest index: %x", (unsigned)r);
    CHECK(WaitForSingleObject(g_ev3[2], 0) == WAIT_OBJECT_0, "wait-any takes only one object");
    /* wait-all is atomic: with one of three unsignalled it times out and consumes nothing */
    SetEvent(g_ev3[0]);
    SetEvent(g_ev3[1]);
    DWORD t0 = GetTickCount();
    r = WaitForMultipleObjects(3, g_ev3, TRUE, 150);
    CHECK(r == WAIT_TIMEOUT, "wait-all with one unsignalled times out: %x", (unsigned)r);
    CHECK(elapsed_since(t0) >= 130, "wait-all timeout waited");
    CHECK(WaitForSingleObject(g_ev3[0], 0) == WAIT_OBJECT_0, "timed-out wait-all consumed nothing (0)");
    CHECK(WaitForSingleObject(g_ev3[1], 0) == WAIT_OBJECT_0, "timed-out wait-all consumed nothing (1)");
    for (int i = 0; i < 3; i++) SetEvent(g_ev3[i]);
    CHECK(WaitForMultipleObjects(3, g_ev3, TRUE, 0) == WAIT_OBJECT_0, "wait-all with all signalled");
    for (int i = 0; i < 3; i++)
        CHECK(WaitForSingleObject(g_ev3[i], 0) == WAIT_TIMEOUT, "wait-all consumed every auto-reset event");
    /* thread handles */
    HANDLE th[3];
    th[0] = start_thread(sleeper, (LPVOID)300);
    th[1] = start_thread(sleeper, (LPVOID)50);
    th[2] = start_thread(sleeper, (LPVOID)150);
    r = WaitForMultipleObjects(3, th, FALSE, 10000);
    CHECK(r == WAIT_OBJECT_0 + 1, "first thread to end is the 50 ms one: %x", (unsigned)r);
    r = WaitForMultipleObjects(3, th, TRUE, 10000);
    CHECK(r == WAIT_OBJECT_0, "wait-all on threads: %x", (unsigned)r);
    for (int i = 0; i < 3; i++) CloseHandle(th[i]);
    for (int i = 0; i < 3; i++) CloseHandle(g_ev3[i]);
}

/* ---- events ------------------------------------------------------------------------------------ */
static HANDLE g_ev;
static volatile LONG g_woken;
static DWORD WINAPI event_waiter(LPVOID p) {
    (void)p;
    if (WaitForSingleObject(g_ev, 10000) == WAIT_OBJECT_0) InterlockedIncrement(&g_woken);
    return 0;
}
static void test_events(void) {
    HANDLE th[3];
    /* manual reset: one SetEvent releases every waiter and stays signalled */
    g_ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    g_woken = 0;
    for (int i = 0; i < 3; i++) th[i] = start_thread(event_waiter, NULL);
    Sleep(100);
    CHECK(g_woken == 0, "waiters block on an unsignalled event");
    SetEvent(g_ev);
    join_all(th, 3);
    CHECK(g_woken == 3, "manual-reset event releases all waiters: %d", (int)g_woken);
    CHECK(WaitForSingleObject(g_ev, 0) == WAIT_OBJECT_0, "manual-reset event stays signalled");
    CHECK(WaitForSingleObject(g_ev, 0) == WAIT_OBJECT_0, "manual-reset event stays signalled (2)");
    ResetEvent(g_ev);
    CHECK(WaitForSingleObject(g_ev, 0) == WAIT_TIMEOUT, "ResetEvent");
    CloseHandle(g_ev);
    /* auto reset: each SetEvent releases exactly one waiter */
    g_ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    g_woken = 0;
    for (int i = 0; i < 3; i++) th[i] = start_thread(event_waiter, NULL);
    Sleep(100);
    SetEvent(g_ev);
    Sleep(150);
    CHECK(g_woken == 1, "auto-reset event releases one waiter: %d", (int)g_woken);
    SetEvent(g_ev);
    Sleep(150);
    CHECK(g_woken == 2, "second SetEvent releases a second waiter: %d", (int)g_woken);
    SetEvent(g_ev);
    join_all(th, 3);
    CHECK(g_woken == 3, "third SetEvent releases the last waiter: %d", (int)g_woken);
    CHECK(WaitForSingleObject(g_ev, 0) == WAIT_TIMEOUT, "auto-reset event was reset by the release");
    SetEvent(g_ev);
    SetEvent(g_ev);
    CHECK(WaitForSingleObject(g_ev, 0) == WAIT_OBJECT_0, "signalled auto-reset event");
    CHECK(WaitForSingleObject(g_ev, 0) == WAIT_TIMEOUT, "two SetEvents do not count twice");
    CloseHandle(g_ev);
    /* initially signalled */
    g_ev = CreateEventA(NULL, FALSE, TRUE, NULL);
    CHECK(WaitForSingleObject(g_ev, 0) == WAIT_OBJECT_0, "initially signalled event");
    CloseHandle(g_ev);
    /* named events */
    HANDLE a = CreateEventA(NULL, TRUE, FALSE, "exeplay_test_event");
    CHECK(a != NULL && GetLastError() != ERROR_ALREADY_EXISTS, "new named event");
    HANDLE b = CreateEventA(NULL, TRUE, FALSE, "exeplay_test_event");
    CHECK(b != NULL && GetLastError() == ERROR_ALREADY_EXISTS, "same name again: ERROR_ALREADY_EXISTS");
    HANDLE c = OpenEventA(EVENT_ALL_ACCESS, FALSE, "exeplay_test_event");
    CHECK(c != NULL, "OpenEventA on an existing name");
    SetEvent(b);
    CHECK(WaitForSingleObject(a, 0) == WAIT_OBJECT_0 && WaitForSingleObject(c, 0) == WAIT_OBJECT_0,
          "handles to one named event share its state");
    CHECK(OpenEventA(EVENT_ALL_ACCESS, FALSE, "exeplay_no_such_event") == NULL, "OpenEventA on an unknown name");
    CHECK(GetLastError() == ERROR_FILE_NOT_FOUND, "unknown name: ERROR_FILE_NOT_FOUND");
    CloseHandle(a);
    CloseHandle(b);
    CloseHandle(c);
}

/* ---- mutexes ------------------------------------------------------------------------------------ */
static HANDLE g_mutex;
static volatile LONG g_step;
static DWORD WINAPI mutex_other(LPVOID p) {
    (void)p;
    SetLastError(0);
    CHECK(!ReleaseMutex(g_mutex), "ReleaseMutex by a thread that does not own it fails");
    CHECK(GetLastError() == ERROR_NOT_OWNER, "non-owner release: ERROR_NOT_OWNER (288), got %u", GetLastError());
    CHECK(WaitForSingleObject(g_mutex, 100) == WAIT_TIMEOUT, "owned mutex: another thread times out");
    g_step = 1;
    DWORD r = WaitForSingleObject(g_mutex, 10000);
    CHECK(r == WAIT_OBJECT_0, "mutex acquired after the owner released it: %x", (unsigned)r);
    g_step = 2;
    ReleaseMutex(g_mutex);
    return 0;
}
static DWORD WINAPI mutex_abandon(LPVOID p) {
    (void)p;
    WaitForSingleObject(g_mutex, INFINITE);
    return 0; /* ends while owning it */
}
static void test_mutex(void) {
    g_mutex = CreateMutexA(NULL, FALSE, NULL);
    CHECK(g_mutex != NULL, "CreateMutexA");
    CHECK(WaitForSingleObject(g_mutex, 0) == WAIT_OBJECT_0, "acquire");
    CHECK(WaitForSingleObject(g_mutex, 0) == WAIT_OBJECT_0, "recursive acquire by the owner");
    CHECK(WaitForSingleObject(g_mutex, 0) == WAIT_OBJECT_0, "recursive acquire by the owner (3)");
    g_step = 0;
    HANDLE h = start_thread(mutex_other, NULL);
    for (int i = 0; i < 200 && g_step == 0; i++) Sleep(10);
    CHECK(g_step == 1, "other thread reached its wait");
    CHECK(ReleaseMutex(g_mutex), "release 1 of 3");
    CHECK(ReleaseMutex(g_mutex), "release 2 of 3");
    Sleep(100);
    CHECK(g_step == 1, "mutex still owned after 2 of 3 releases");
    CHECK(ReleaseMutex(g_mutex), "release 3 of 3");
    WaitForSingleObject(h, 10000);
    CloseHandle(h);
    CHECK(g_step == 2, "other thread got the mutex after the last release");
    SetLastError(0);
    CHECK(!ReleaseMutex(g_mutex), "one release too many fails");
    CHECK(GetLastError() == ERROR_NOT_OWNER, "extra release: ERROR_NOT_OWNER (288), got %u", GetLastError());
    /* abandoned */
    h = start_thread(mutex_abandon, NULL);
    WaitForSingleObject(h, 10000);
    CloseHandle(h);
    DWORD r = WaitForSingleObject(g_mutex, 1000);
    CHECK(r == WAIT_ABANDONED, "mutex of an ended owner: WAIT_ABANDONED (0x80), got %x", (unsigned)r);
    CHECK(ReleaseMutex(g_mutex), "the waiter owns an abandoned mutex");
    CloseHandle(g_mutex);
    /* initially owned */
    g_mutex = CreateMutexA(NULL, TRUE, NULL);
    CHECK(ReleaseMutex(g_mutex), "initially owned mutex can be released by its creator");
    CloseHandle(g_mutex);
    HANDLE a = CreateMutexA(NULL, FALSE, "exeplay_test_mutex");
    HANDLE b = CreateMutexA(NULL, FALSE, "exeplay_test_mutex");
    CHECK(a && b && GetLastError() == ERROR_ALREADY_EXISTS, "named mutex opened twice: ERROR_ALREADY_EXISTS");
    CloseHandle(a);
    CloseHandle(b);
}

/* ---- semaphores --------------------------------------------------------------------------------- */
static HANDLE g_sem;
static volatile LONG g_passed;
static DWORD WINAPI sem_waiter(LPVOID p) {
    (void)p;
    if (WaitForSingleObject(g_sem, 10000) == WAIT_OBJECT_0) InterlockedIncrement(&g_passed);
    return 0;
}
static void test_semaphore(void) {
    LONG prev = -1;
    g_sem = CreateSemaphoreA(NULL, 0, 2, NULL);
    CHECK(g_sem != NULL, "CreateSemaphoreA(0, 2)");
    CHECK(WaitForSingleObject(g_sem, 0) == WAIT_TIMEOUT, "count 0: wait times out");
    SetLastError(0);
    CHECK(!ReleaseSemaphore(g_sem, 3, &prev), "release beyond the maximum fails");
    CHECK(GetLastError() == ERROR_TOO_MANY_POSTS, "ERROR_TOO_MANY_POSTS (298), got %u", GetLastError());
    CHECK(ReleaseSemaphore(g_sem, 2, &prev) && prev == 0, "release 2: previous count 0, got %d", (int)prev);
    CHECK(!ReleaseSemaphore(g_sem, 1, &prev), "release at the maximum fails");
    CHECK(WaitForSingleObject(g_sem, 0) == WAIT_OBJECT_0, "take 1");
    CHECK(ReleaseSemaphore(g_sem, 1, &prev) && prev == 1, "release 1: previous count 1, got %d", (int)prev);
    CHECK(WaitForSingleObject(g_sem, 0) == WAIT_OBJECT_0, "take 2");
    CHECK(WaitForSingleObject(g_sem, 0) == WAIT_OBJECT_0, "take 3");
    CHECK(WaitForSingleObject(g_sem, 0) == WAIT_TIMEOUT, "count back to 0");
    CloseHandle(g_sem);
    /* counting between threads */
    g_sem = CreateSemaphoreA(NULL, 0, 10, NULL);
    g_passed = 0;
    HANDLE th[4];
    for (int i = 0; i < 4; i++) th[i] = start_thread(sem_waiter, NULL);
    Sleep(100);
    CHECK(g_passed == 0, "no thread passes a zero semaphore");
    ReleaseSemaphore(g_sem, 2, NULL);
    Sleep(200);
    CHECK(g_passed == 2, "release 2 lets exactly 2 threads pass: %d", (int)g_passed);
    ReleaseSemaphore(g_sem, 2, &prev);
    CHECK(prev == 0, "previous count 0 after the waiters took it: %d", (int)prev);
    join_all(th, 4);
    CHECK(g_passed == 4, "all 4 passed");
    CloseHandle(g_sem);
    SetLastError(0);
    CHECK(CreateSemaphoreA(NULL, 3, 2, NULL) == NULL, "initial count above maximum fails");
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER, got %u", GetLastError());
}

/* ---- critical sections -------------------------------------------------------------------------- */
static CRITICAL_SECTION g_cs;
static volatile int g_counter;
static DWORD WINAPI cs_worker(LPVOID p) {
    (void)p;
    for (int i = 0; i < ITERS; i++) {
        EnterCriticalSection(&g_cs);
        int v = g_counter;           /* a deliberately non-atomic read-modify-write */
        for (volatile int k = 0; k < 3; k++) {}
        g_counter = v + 1;
        LeaveCriticalSection(&g_cs);
    }
    return 0;
}
static volatile LONG g_try_result = -1;
static DWORD WINAPI cs_try(LPVOID p) {
    (void)p;
    g_try_result = TryEnterCriticalSection(&g_cs);
    if (g_try_result) LeaveCriticalSection(&g_cs);
    return 0;
}
static DWORD WINAPI cs_block(LPVOID p) {
    (void)p;
    EnterCriticalSection(&g_cs);
    g_step = 2;
    LeaveCriticalSection(&g_cs);
    return 0;
}
static void test_critsec(void) {
    InitializeCriticalSection(&g_cs);
    EnterCriticalSection(&g_cs);
    EnterCriticalSection(&g_cs);
    CHECK(g_cs.RecursionCount == 2, "RecursionCount after two Enters: %d", (int)g_cs.RecursionCount);
    CHECK(g_cs.OwningThread == (HANDLE)(ULONG_PTR)GetCurrentThreadId(), "OwningThread is the owner's id");
    HANDLE h = start_thread(cs_try, NULL);
    WaitForSingleObject(h, 10000);
    CloseHandle(h);
    CHECK(g_try_result == 0, "TryEnterCriticalSection from another thread fails while owned");
    CHECK(TryEnterCriticalSection(&g_cs), "TryEnter by the owner succeeds (recursion)");
    LeaveCriticalSection(&g_cs);
    g_step = 0;
    h = start_thread(cs_block, NULL);
    Sleep(100);
    CHECK(g_step == 0, "EnterCriticalSection blocks while another thread owns it");
    LeaveCriticalSection(&g_cs);
    Sleep(50);
    CHECK(g_step == 0, "still owned after 1 of 2 leaves");
    LeaveCriticalSection(&g_cs);
    WaitForSingleObject(h, 10000);
    CloseHandle(h);
    CHECK(g_step == 2, "blocked thread entered after the last leave");
    h = start_thread(cs_try, NULL);
    WaitForSingleObject(h, 10000);
    CloseHandle(h);
    CHECK(g_try_result == 1, "TryEnterCriticalSection succeeds on a free section");
    /* contention: NTHREADS x ITERS increments under the lock */
    g_counter = 0;
    HANDLE th[NTHREADS];
    DWORD t0 = GetTickCount();
    for (int i = 0; i < NTHREADS; i++) th[i] = start_thread(cs_worker, NULL);
    join_all(th, NTHREADS);
    out("critsec: counter %d in %u ms\n", g_counter, (unsigned)elapsed_since(t0));
    CHECK(g_counter == NTHREADS * ITERS, "shared counter %d == %d", g_counter, NTHREADS * ITERS);
    DeleteCriticalSection(&g_cs);
}

/* ---- Interlocked ---------------------------------------------------------------------------------- */
typedef LONG(WINAPI *ilfn1)(LONG volatile *);
typedef LONG(WINAPI *ilfn2)(LONG volatile *, LONG);
typedef LONG(WINAPI *ilfn3)(LONG volatile *, LONG, LONG);
static ilfn1 k32_inc, k32_dec;
static ilfn2 k32_xchg, k32_xadd;
static ilfn3 k32_cmpxchg;
static volatile LONG g_il, g_il2;
static DWORD WINAPI il_worker(LPVOID p) {
    (void)p;
    for (int i = 0; i < ITERS; i++) {
        k32_inc(&g_il);                  /* kernel32's export */
        __sync_fetch_and_add(&g_il2, 1); /* lock xadd in guest code */
    }
    return 0;
}
static void test_interlocked(void) {
    HMODULE k = GetModuleHandleA("kernel32.dll");
    k32_inc = (ilfn1)GetProcAddress(k, "InterlockedIncrement");
    k32_dec = (ilfn1)GetProcAddress(k, "InterlockedDecrement");
    k32_xchg = (ilfn2)GetProcAddress(k, "InterlockedExchange");
    k32_xadd = (ilfn2)GetProcAddress(k, "InterlockedExchangeAdd");
    k32_cmpxchg = (ilfn3)GetProcAddress(k, "InterlockedCompareExchange");
    CHECK(k32_inc && k32_dec && k32_xchg && k32_xadd && k32_cmpxchg, "kernel32 exports the Interlocked functions");
    if (!(k32_inc && k32_dec && k32_xchg && k32_xadd && k32_cmpxchg)) return;
    volatile LONG v = 5;
    CHECK(k32_inc(&v) == 6 && v == 6, "InterlockedIncrement returns the new value");
    CHECK(k32_dec(&v) == 5 && v == 5, "InterlockedDecrement returns the new value");
    CHECK(k32_xchg(&v, 9) == 5 && v == 9, "InterlockedExchange returns the old value");
    CHECK(k32_xadd(&v, 10) == 9 && v == 19, "InterlockedExchangeAdd returns the old value");
    CHECK(k32_cmpxchg(&v, 1, 19) == 19 && v == 1, "InterlockedCompareExchange swaps on a match");
    CHECK(k32_cmpxchg(&v, 7, 19) == 1 && v == 1, "InterlockedCompareExchange leaves a mismatch alone");
    v = 0;
    CHECK(k32_dec(&v) == -1, "InterlockedDecrement below zero");
    g_il = g_il2 = 0;
    HANDLE th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) th[i] = start_thread(il_worker, NULL);
    join_all(th, NTHREADS);
    CHECK(g_il == NTHREADS * ITERS, "InterlockedIncrement from %d threads: %d", NTHREADS, (int)g_il);
    CHECK(g_il2 == NTHREADS * ITERS, "lock xadd from %d threads: %d", NTHREADS, (int)g_il2);
}

/* ---- TLS slots ------------------------------------------------------------------------------------ */
static DWORD g_tls, g_tls_hi;
static DWORD WINAPI tls_worker(LPVOID p) {
    DWORD id = (DWORD)(ULONG_PTR)p;
    CHECK(TlsGetValue(g_tls) == NULL, "a new thread's TLS slot starts NULL");
    CHECK(TlsGetValue(g_tls_hi) == NULL, "a new thread's expansion TLS slot starts NULL");
    TlsSetValue(g_tls, (LPVOID)(ULONG_PTR)(0x1000 + id));
    TlsSetValue(g_tls_hi, (LPVOID)(ULONG_PTR)(0x2000 + id));
    Sleep(20 * id);
    for (int i = 0; i < 1000; i++) {
        if (TlsGetValue(g_tls) != (LPVOID)(ULONG_PTR)(0x1000 + id)) {
            CHECK(0, "thread %u sees its own TLS value", (unsigned)id);
            break;
        }
        if ((i & 63) == 0) Sleep(0);
    }
    CHECK(TlsGetValue(g_tls_hi) == (LPVOID)(ULONG_PTR)(0x2000 + id), "thread %u expansion slot", (unsigned)id);
    return 0;
}
static void test_tls(void) {
    g_tls = TlsAlloc();
    CHECK(g_tls != TLS_OUT_OF_INDEXES, "TlsAlloc");
    DWORD idx[70];
    int n = 0;
    for (; n < 70; n++) {
        idx[n] = TlsAlloc();
        if (idx[n] == TLS_OUT_OF_INDEXES) break;
    }
    CHECK(n == 70, "70 more TLS indexes (expansion slots beyond 64)");
    g_tls_hi = idx[n - 1];
    CHECK(g_tls_hi >= 64, "an index >= 64: %u", (unsigned)g_tls_hi);
    TlsSetValue(g_tls, (LPVOID)111);
    TlsSetValue(g_tls_hi, (LPVOID)222);
    SetLastError(5);
    CHECK(TlsGetValue(g_tls) == (LPVOID)111, "main thread's value");
    CHECK(GetLastError() == 0, "TlsGetValue clears the last error on success");
    HANDLE th[3];
    for (int i = 0; i < 3; i++) th[i] = start_thread(tls_worker, (LPVOID)(ULONG_PTR)(i + 1));
    join_all(th, 3);
    CHECK(TlsGetValue(g_tls) == (LPVOID)111, "main thread's value unchanged by other threads");
    CHECK(TlsGetValue(g_tls_hi) == (LPVOID)222, "main thread's expansion slot unchanged");
    for (int i = 0; i < n; i++) TlsFree(idx[i]);
    CHECK(TlsFree(g_tls), "TlsFree");
}

/* ---- Sleep ordering --------------------------------------------------------------------------------- */
static CRITICAL_SECTION g_order_cs;
static char g_order[8];
static int g_norder;
static DWORD WINAPI sleep_then_log(LPVOID p) {
    DWORD ms = (DWORD)(ULONG_PTR)p;
    Sleep(ms);
    EnterCriticalSection(&g_order_cs);
    g_order[g_norder++] = (char)('0' + ms / 100);
    LeaveCriticalSection(&g_order_cs);
    return 0;
}
static void test_sleep(void) {
    InitializeCriticalSection(&g_order_cs);
    g_norder = 0;
    HANDLE th[3];
    th[0] = start_thread(sleep_then_log, (LPVOID)500);
    th[1] = start_thread(sleep_then_log, (LPVOID)100);
    th[2] = start_thread(sleep_then_log, (LPVOID)300);
    join_all(th, 3);
    g_order[g_norder] = 0;
    out("sleep order: %s\n", g_order);
    CHECK(!strcmp(g_order, "135"), "threads wake in the order of their sleep times: %s", g_order);
    DWORD t0 = GetTickCount();
    Sleep(250);
    DWORD dt = elapsed_since(t0);
    CHECK(dt >= 240 && dt < 3000, "Sleep(250) took %u ms", (unsigned)dt);
    t0 = GetTickCount();
    for (int i = 0; i < 100; i++) Sleep(0);
    CHECK(elapsed_since(t0) < 2000, "Sleep(0) returns promptly");
    LARGE_INTEGER f, a, b;
    CHECK(QueryPerformanceFrequency(&f) && f.QuadPart > 0, "QueryPerformanceFrequency");
    QueryPerformanceCounter(&a);
    Sleep(100);
    QueryPerformanceCounter(&b);
    LONGLONG us = (b.QuadPart - a.QuadPart) * 1000000 / f.QuadPart;
    CHECK(us >= 90000 && us < 3000000, "QueryPerformanceCounter measures Sleep(100): %d us", (int)us);
    DeleteCriticalSection(&g_order_cs);
}

struct test { const char *name; void (*fn)(void); };
static const struct test tests[] = {
    {"create", test_create}, {"suspend", test_suspend}, {"wait_timeout", test_wait_timeout},
    {"wait_multiple", test_wait_multiple}, {"events", test_events}, {"mutex", test_mutex},
    {"semaphore", test_semaphore}, {"critsec", test_critsec}, {"interlocked", test_interlocked},
    {"tls", test_tls}, {"sleep", test_sleep},
};

int main_nocrt(int argc, char **argv) {
    int total = 0;
    for (unsigned i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        int run = argc < 2;
        for (int a = 1; a < argc; a++)
            if (!strcmp(argv[a], tests[i].name)) run = 1;
        if (!run) continue;
        LONG before = g_failures;
        tests[i].fn();
        out("%s: %s\n", tests[i].name, g_failures == before ? "ok" : "FAILED");
        total++;
    }
    if (!total) {
        out("no such test\n");
        return 100;
    }
    return g_failures;
}
