/* loaddll: LoadLibrary/GetProcAddress/FreeLibrary on testdll.dll (kernel32 only).
 * Prints its steps (testdll's DllMain prints its own notifications in between); the exit code is
 * the number of failed checks. */
#include "nocrt.h"

typedef int(__cdecl *add_fn)(int, int);
typedef int(__cdecl *int_fn)(void);
typedef const char *(__cdecl *str_fn)(void);

static DWORD WINAPI worker(LPVOID p) {
    (void)p;
    out("worker thread runs\n");
    return 0;
}

int main_nocrt(int argc, char **argv) {
    (void)argc; (void)argv;
    CHECK(GetModuleHandleA("testdll.dll") == NULL, "testdll is not loaded at first");
    out("loading\n");
    HMODULE h = LoadLibraryA("testdll.dll");
    out("loaded\n");
    CHECK(h != NULL, "LoadLibraryA(testdll.dll)");
    if (!h) return 100;
    CHECK(h != GetModuleHandleA(NULL), "the DLL was relocated away from the exe's base");
    CHECK(GetModuleHandleA("TESTDLL.DLL") == h && GetModuleHandleA("testdll") == h, "GetModuleHandleA finds it");
    char path[MAX_PATH];
    DWORD n = GetModuleFileNameA(h, path, sizeof(path));
    CHECK(n > 11 && str_ieq(path + n - 11, "testdll.dll"), "GetModuleFileNameA: %s", path);

    add_fn add = (add_fn)GetProcAddress(h, "add_numbers");
    CHECK(add && add(2, 40) == 42, "add_numbers by name");
    CHECK((FARPROC)add == GetProcAddress(h, (LPCSTR)1), "ordinal 1 is add_numbers");
    int_fn secret = (int_fn)GetProcAddress(h, (LPCSTR)7);
    CHECK(secret && secret() == 0x5EC7E7, "NONAME export by ordinal 7");
    CHECK(GetProcAddress(h, "secret_by_ordinal") == NULL, "a NONAME export has no name");
    SetLastError(0);
    CHECK(GetProcAddress(h, "no_such_export") == NULL && GetLastError() == ERROR_PROC_NOT_FOUND,
          "missing name: NULL and ERROR_PROC_NOT_FOUND (127), got %u", GetLastError());
    CHECK(GetProcAddress(h, (LPCSTR)6) == NULL, "unused ordinal 6: NULL");
    int *value = (int *)GetProcAddress(h, "testdll_value");
    CHECK(value && *value == 1234, "data export");
    str_fn greet = (str_fn)GetProcAddress(h, "get_greeting");
    const char *g = greet ? greet() : "";
    CHECK(!strcmp(g, "hello from testdll"), "relocated pointers in the DLL's data: %s", g);
    int_fn attaches = (int_fn)GetProcAddress(h, (LPCSTR)2);
    int_fn tevents = (int_fn)GetProcAddress(h, "get_thread_events");
    CHECK(attaches && attaches() == 1, "one DLL_PROCESS_ATTACH");

    HMODULE h2 = LoadLibraryA("TESTDLL");
    CHECK(h2 == h, "loading again (other case, no extension) gives the same module");
    CHECK(attaches() == 1, "no second DLL_PROCESS_ATTACH");

    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    CHECK(tevents() == 2, "a thread's start and end reach DllMain (THREAD_ATTACH + THREAD_DETACH): %d", tevents());

    out("free 1\n");
    CHECK(FreeLibrary(h), "FreeLibrary 1 of 2");
    CHECK(GetModuleHandleA("testdll.dll") == h, "still loaded after 1 of 2 frees");
    out("free 2\n");
    CHECK(FreeLibrary(h), "FreeLibrary 2 of 2");
    out("freed\n");
    CHECK(GetModuleHandleA("testdll.dll") == NULL, "unloaded after the last FreeLibrary");

    out("loading again\n");
    h = LoadLibraryA("testdll.dll");
    CHECK(h != NULL, "load again after unloading");
    if (h) {
        attaches = (int_fn)GetProcAddress(h, "get_attach_count");
        CHECK(attaches && attaches() == 1, "a reloaded DLL starts fresh with one DLL_PROCESS_ATTACH: %d", attaches ? attaches() : -1);
        FreeLibrary(h);
    }

    SetLastError(0);
    CHECK(LoadLibraryA("no_such_library.dll") == NULL && GetLastError() == ERROR_MOD_NOT_FOUND,
          "missing DLL: NULL and ERROR_MOD_NOT_FOUND (126), got %u", GetLastError());
    HMODULE k = LoadLibraryA("kernel32.dll");
    CHECK(k == GetModuleHandleA("kernel32"), "LoadLibraryA(kernel32.dll) gives the loaded kernel32");
    CHECK(GetProcAddress(k, "GetProcAddress") == (FARPROC)GetProcAddress, "kernel32!GetProcAddress");
    out("loaddll: %d failures\n", (int)g_failures);
    return g_failures;
}
