/* missingfn: imports ExeplayNoSuchFunction from kernel32.dll (which has no such export) and calls it
 * after printing a line: exeplay stops with "unimplemented: kernel32!ExeplayNoSuchFunction". */
#include <windows.h>
__declspec(dllimport) int WINAPI ExeplayNoSuchFunction(int);
void __cdecl start(void) {
    DWORD n;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "before the call\n", 16, &n, NULL);
    ExitProcess(ExeplayNoSuchFunction(1));
}
