/* crt_threads: threads through the C runtime (mingw + msvcrt): _beginthreadex/_endthreadex,
 * _beginthread, __thread variables (gcc's emulated TLS on top of TlsAlloc), and malloc/free from
 * several threads at once. Exit code: the number of failed checks. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <process.h>

static volatile LONG failures;
#define CHECK(c, ...) do { if (!(c)) { printf("FAIL line %d: ", __LINE__); printf(__VA_ARGS__); printf("\n"); InterlockedIncrement(&failures); } } while (0)

static __thread int tls_counter = 7;
static __thread char tls_name[16];
static CRITICAL_SECTION cs;
static int shared;

static unsigned __stdcall worker(void *arg) {
    int id = (int)(size_t)arg;
    CHECK(tls_counter == 7, "thread %d: __thread starts at its initial value: %d", id, tls_counter);
    sprintf(tls_name, "worker%d", id);
    for (int i = 0; i < 1000; i++) {
        tls_counter++;
        EnterCriticalSection(&cs);
        shared++;
        LeaveCriticalSection(&cs);
        if (i % 100 == 0) Sleep(1);
    }
    char expect[16];
    sprintf(expect, "worker%d", id);
    CHECK(tls_counter == 1007 && !strcmp(tls_name, expect), "thread %d: own __thread values: %d %s", id, tls_counter, tls_name);
    if (id == 2) _endthreadex(200 + id);
    return 100 + id;
}

static unsigned __stdcall heap_worker(void *arg) {
    int id = (int)(size_t)arg;
    unsigned seed = 99 + id;
    char *blk[64] = {0};
    size_t sz[64] = {0};
    int bad = 0;
    for (int i = 0; i < 3000; i++) {
        seed = seed * 1103515245u + 12345u;
        int k = (seed >> 8) % 64;
        if (blk[k]) {
            for (size_t j = 0; j < sz[k]; j++) if (blk[k][j] != (char)(id + k + j)) { bad++; break; }
            free(blk[k]);
        }
        sz[k] = (seed >> 4) % 700 + 1;
        blk[k] = malloc(sz[k]);
        for (size_t j = 0; j < sz[k]; j++) blk[k][j] = (char)(id + k + j);
    }
    for (int k = 0; k < 64; k++) free(blk[k]);
    CHECK(bad == 0, "heap worker %d: %d corrupted blocks", id, bad);
    return 0;
}

static HANDLE done_event;
static void __cdecl simple_thread(void *arg) {
    *(int *)arg = 1234;
    SetEvent(done_event);
}

int main(void) {
    InitializeCriticalSection(&cs);
    tls_counter = 50;
    strcpy(tls_name, "main");
    HANDLE th[4];
    for (int i = 0; i < 4; i++) {
        th[i] = (HANDLE)_beginthreadex(NULL, 0, worker, (void *)(size_t)i, 0, NULL);
        CHECK(th[i] != 0, "_beginthreadex %d", i);
    }
    WaitForMultipleObjects(4, th, TRUE, INFINITE);
    for (int i = 0; i < 4; i++) {
        DWORD code = 0;
        GetExitCodeThread(th[i], &code);
        CHECK(code == (DWORD)(i == 2 ? 202 : 100 + i), "thread %d exit code %u", i, (unsigned)code);
        CloseHandle(th[i]);
    }
    CHECK(shared == 4000, "shared counter %d", shared);
    CHECK(tls_counter == 50 && !strcmp(tls_name, "main"), "main's __thread values untouched: %d %s", tls_counter, tls_name);
    for (int i = 0; i < 4; i++) th[i] = (HANDLE)_beginthreadex(NULL, 0, heap_worker, (void *)(size_t)i, 0, NULL);
    WaitForMultipleObjects(4, th, TRUE, INFINITE);
    for (int i = 0; i < 4; i++) CloseHandle(th[i]);
    done_event = CreateEventA(NULL, FALSE, FALSE, NULL);
    int value = 0;
    uintptr_t t = _beginthread(simple_thread, 0, &value);
    CHECK(t != (uintptr_t)-1, "_beginthread");
    CHECK(WaitForSingleObject(done_event, 10000) == WAIT_OBJECT_0 && value == 1234, "_beginthread thread ran");
    printf("crt_threads: %d failures\n", (int)failures);
    return failures;
}
