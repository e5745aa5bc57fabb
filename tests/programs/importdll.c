/* importdll: imports from testdll.dll statically (kernel32 only otherwise). testdll's DllMain runs
 * before this entry point; ExitProcess delivers DLL_PROCESS_DETACH (lpReserved non-NULL). */
#include "nocrt.h"

__declspec(dllimport) int __cdecl add_numbers(int a, int b);
__declspec(dllimport) int __cdecl get_attach_count(void);
__declspec(dllimport) int testdll_value;

int main_nocrt(int argc, char **argv) {
    (void)argc; (void)argv;
    out("main: add_numbers(20, 22) = %d\n", add_numbers(20, 22));
    CHECK(get_attach_count() == 1, "DllMain ran once before main");
    CHECK(testdll_value == 1234, "imported data: %d", testdll_value);
    out("main: exiting\n");
    return g_failures;
}
