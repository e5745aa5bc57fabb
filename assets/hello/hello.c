/* exeplay's bundled console demo: a plain Win32 console program built with mingw. */
#include <windows.h>
#include <stdio.h>

int main(int argc, char **argv) {
    OSVERSIONINFOA v = { sizeof(v) };
    char dir[MAX_PATH];
    SYSTEMTIME t;
    GetVersionExA(&v);
    GetCurrentDirectoryA(sizeof(dir), dir);
    GetLocalTime(&t);
    printf("  ___ __ __ ___ ___ _    __ _ _  _\n");
    printf(" / -_)\\ \\ // -_) _ \\ |  / _` | || |\n");
    printf(" \\___|/_\\_\\\\___| .__/_|  \\__,_|\\_, |\n");
    printf("              |_|            |__/\n\n");
    printf("Hello from a 32-bit Windows program running under exeplay.\n");
    printf("Windows %lu.%lu build %lu, current directory %s\n", v.dwMajorVersion, v.dwMinorVersion,
           v.dwBuildNumber, dir);
    printf("Local time %04d-%02d-%02d %02d:%02d:%02d, %d argument(s):", t.wYear, t.wMonth, t.wDay, t.wHour,
           t.wMinute, t.wSecond, argc - 1);
    for (int i = 1; i < argc; i++) printf(" [%s]", argv[i]);
    printf("\n");
    return 0;
}
