/* exitcode: ways a C program ends (mingw + msvcrt).
 *   exitcode ret N          return N from main (atexit handlers run)
 *   exitcode exit N         exit(N) from a nested function (atexit handlers run, in reverse order)
 *   exitcode ExitProcess N  ExitProcess(N) (atexit handlers do not run)
 *   exitcode _exit N        _exit(N) (atexit handlers do not run)
 *   exitcode thread N       a second thread calls exit(N) while main waits
 *   exitcode abort          abort(): exit code 3
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <process.h>

static void first_registered(void) { printf("atexit: first registered\n"); }
static void second_registered(void) { printf("atexit: second registered\n"); }

static void nested_exit(int n) {
    printf("calling exit(%d)\n", n);
    exit(n);
}

static DWORD WINAPI exit_from_thread(LPVOID p) {
    Sleep(50);
    printf("thread calls exit(%d)\n", (int)(ULONG_PTR)p);
    exit((int)(ULONG_PTR)p);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        printf("usage: exitcode ret|exit|ExitProcess|_exit|thread|abort N\n");
        return 2;
    }
    int n = argc > 2 ? (int)strtoul(argv[2], NULL, 0) : 0;
    atexit(first_registered);
    atexit(second_registered);
    printf("mode %s %d\n", argv[1], n);
    if (!strcmp(argv[1], "ret")) return n;
    if (!strcmp(argv[1], "exit")) nested_exit(n);
    if (!strcmp(argv[1], "ExitProcess")) {
        fflush(stdout);
        ExitProcess((UINT)n);
    }
    if (!strcmp(argv[1], "_exit")) {
        fflush(stdout);
        _exit(n);
    }
    if (!strcmp(argv[1], "thread")) {
        HANDLE h = CreateThread(NULL, 0, exit_from_thread, (LPVOID)(ULONG_PTR)n, 0, NULL);
        WaitForSingleObject(h, INFINITE);
        printf("not reached\n");
        return 99;
    }
    if (!strcmp(argv[1], "abort")) {
        fflush(stdout);
        abort();
    }
    printf("unknown mode\n");
    return 2;
}
