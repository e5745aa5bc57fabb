/* basic: process basics without the C runtime (kernel32 only).
 *   basic ret N          return N from the entry point
 *   basic exit N         ExitProcess(N)
 *   basic threadexit N   a second thread calls ExitProcess(N) while the main thread waits
 *   basic lastthread N   the main thread calls ExitThread(1); the last thread returns N later
 *   basic cmdline ...    print GetCommandLineA / GetCommandLineW (as UTF-8) and module/cwd paths
 *   basic stdio          write to stdout and stderr
 *   basic cat            copy stdin to stdout (ReadFile until EOF), then print the byte count
 *   basic env            environment variables
 */
#include "nocrt.h"

static DWORD WINAPI exit_thread(LPVOID p) {
    Sleep(50);
    ExitProcess((UINT)(ULONG_PTR)p);
    return 0;
}

static DWORD WINAPI late_thread(LPVOID p) {
    Sleep(200);
    out("late thread returns %u\n", (unsigned)(ULONG_PTR)p);
    return (DWORD)(ULONG_PTR)p;
}

int main_nocrt(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    unsigned n = argc > 2 ? parse_uint(argv[2]) : 0;
    if (!strcmp(mode, "ret")) {
        nocrt_return_from_entry = 1;
        return (int)n;
    }
    if (!strcmp(mode, "exit")) {
        ExitProcess(n);
    }
    if (!strcmp(mode, "threadexit")) {
        HANDLE h = CreateThread(NULL, 0, exit_thread, (LPVOID)(ULONG_PTR)n, 0, NULL);
        WaitForSingleObject(h, INFINITE);
        out("not reached\n");
        return 99;
    }
    if (!strcmp(mode, "lastthread")) {
        CreateThread(NULL, 0, late_thread, (LPVOID)(ULONG_PTR)n, 0, NULL);
        out("main thread exits\n");
        ExitThread(1);
    }
    if (!strcmp(mode, "cmdline")) {
        static char buf[8192];
        static WCHAR wbuf[4096];
        out("cmdline=%s|\n", GetCommandLineA());
        int k = WideCharToMultiByte(CP_UTF8, 0, GetCommandLineW(), -1, buf, sizeof(buf), NULL, NULL);
        out("cmdlineW=%s|\n", k ? buf : "(conversion failed)");
        GetModuleFileNameA(NULL, buf, sizeof(buf));
        out("module=%s|\n", buf);
        GetModuleFileNameW(NULL, wbuf, 4096);
        WideCharToMultiByte(CP_UTF8, 0, wbuf, -1, buf, sizeof(buf), NULL, NULL);
        out("moduleW=%s|\n", buf);
        GetCurrentDirectoryA(sizeof(buf), buf);
        out("cwd=%s|\n", buf);
        return 0;
    }
    if (!strcmp(mode, "stdio")) {
        out("to stdout\n");
        err_out("to stderr\n");
        return 0;
    }
    if (!strcmp(mode, "cat")) {
        static char buf[65536];
        DWORD got, total = 0, done;
        HANDLE in = GetStdHandle(STD_INPUT_HANDLE), o = GetStdHandle(STD_OUTPUT_HANDLE);
        while (ReadFile(in, buf, sizeof(buf), &got, NULL) && got) {
            WriteFile(o, buf, got, &done, NULL);
            total += got;
        }
        out("\n%u bytes\n", (unsigned)total);
        return 0;
    }
    if (!strcmp(mode, "env")) {
        char buf[1024];
        DWORD k = GetEnvironmentVariableA("PATH", buf, sizeof(buf));
        CHECK(k > 0 && k < sizeof(buf), "PATH is set");
        out("PATH=%s\n", buf);
        CHECK(GetEnvironmentVariableA("EXEPLAY_NO_SUCH_VAR", buf, sizeof(buf)) == 0, "unset variable");
        CHECK(GetLastError() == ERROR_ENVVAR_NOT_FOUND, "unset variable: ERROR_ENVVAR_NOT_FOUND");
        CHECK(SetEnvironmentVariableA("EXEPLAY_TEST", "v1"), "SetEnvironmentVariableA");
        k = GetEnvironmentVariableA("exeplay_test", buf, sizeof(buf));
        CHECK(k == 2 && !strcmp(buf, "v1"), "variable names are case-insensitive");
        CHECK(GetEnvironmentVariableA("EXEPLAY_TEST", buf, 2) == 3, "too small buffer returns the size needed");
        char exp[256];
        ExpandEnvironmentStringsA("<%EXEPLAY_TEST%>", exp, sizeof(exp));
        CHECK(!strcmp(exp, "<v1>"), "ExpandEnvironmentStrings: %s", exp);
        SetEnvironmentVariableA("EXEPLAY_TEST", NULL);
        CHECK(GetEnvironmentVariableA("EXEPLAY_TEST", buf, sizeof(buf)) == 0, "deleted variable");
        out("env: %d failures\n", (int)g_failures);
        return g_failures;
    }
    out("usage: basic ret|exit|threadexit|lastthread|cmdline|stdio|cat|env\n");
    return 2;
}
