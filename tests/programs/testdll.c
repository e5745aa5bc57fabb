/* testdll: a DLL without the C runtime (kernel32 only), used by loaddll.exe (LoadLibrary) and
 * importdll.exe (static import). DllMain prints each notification to stdout and counts them.
 * Built with a preferred base of 0x400000 (where every exe also wants to be), so the loader must
 * relocate it. Exports (testdll.def): add_numbers @1, get_attach_count @2, get_thread_events @3,
 * get_greeting @4, testdll_value @5 (data), secret_by_ordinal @7 (no name). */
#define NOCRT_DLL
#include "nocrt.h"

static int attach_count, thread_events;
int testdll_value = 1234;
static const char *greetings[] = {"hello", "from", "testdll"}; /* pointers: needs relocations */
static char greeting[64];

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved) {
    static const char *names[] = {"DLL_PROCESS_DETACH", "DLL_PROCESS_ATTACH", "DLL_THREAD_ATTACH", "DLL_THREAD_DETACH"};
    const char *kind = reason <= 3 ? names[reason] : "?";
    if (reason == DLL_PROCESS_ATTACH || reason == DLL_PROCESS_DETACH)
        out("testdll: %s (reserved %s)\n", kind, reserved ? "non-NULL" : "NULL");
    else
        out("testdll: %s\n", kind);
    if (reason == DLL_PROCESS_ATTACH) {
        attach_count++;
        if ((HMODULE)inst != GetModuleHandleA("testdll.dll")) out("testdll: hinstDLL is not GetModuleHandle(testdll.dll)\n");
        if ((DWORD)inst == 0x400000) out("testdll: loaded at the exe's base\n");
    }
    if (reason == DLL_THREAD_ATTACH || reason == DLL_THREAD_DETACH) thread_events++;
    return TRUE;
}

int __cdecl add_numbers(int a, int b) { return a + b; }
int __cdecl get_attach_count(void) { return attach_count; }
int __cdecl get_thread_events(void) { return thread_events; }
const char *__cdecl get_greeting(void) {
    greeting[0] = 0;
    for (int i = 0; i < 3; i++) {
        if (i) str_cat(greeting, " ");
        str_cat(greeting, greetings[i]);
    }
    return greeting;
}
int __cdecl secret_by_ordinal(void) { return 0x5EC7E7; }
