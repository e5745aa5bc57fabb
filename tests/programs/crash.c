/* crash: an unhandled exception in a mingw program (the C runtime's own top-level filter is installed).
 *   crash            write to NULL in main
 *   crash thread     write to NULL in a second thread
 *   crash raise      RaiseException(0xE0001234) with no handler
 *   crash div0       integer divide by zero */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static volatile int *volatile null_ptr;
static volatile int zero;

static DWORD WINAPI crash_thread(LPVOID p) {
    (void)p;
    *null_ptr = 1;
    return 0;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "null";
    printf("about to crash: %s\n", mode);
    fflush(stdout);
    if (!strcmp(mode, "thread")) {
        HANDLE h = CreateThread(NULL, 0, crash_thread, NULL, 0, NULL);
        WaitForSingleObject(h, INFINITE);
    } else if (!strcmp(mode, "raise")) {
        RaiseException(0xE0001234, 0, 0, NULL);
    } else if (!strcmp(mode, "div0")) {
        printf("%d\n", 100 / zero);
    } else {
        *null_ptr = 1;
    }
    printf("still alive\n");
    return 0;
}
