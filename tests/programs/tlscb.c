/* tlscb: a PE TLS callback in a mingw program (registered in .CRT$XLB next to the C runtime's own).
 * The callback writes with WriteFile (it may run before the C runtime is initialised). */
#include <windows.h>
#include <stdio.h>

static void say(const char *s) {
    DWORD n;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, lstrlenA(s), &n, NULL);
}

static void NTAPI tls_callback(PVOID h, DWORD reason, PVOID reserved) {
    (void)reserved;
    static const char *names[] = {"tls: process detach\n", "tls: process attach\n", "tls: thread attach\n",
                                  "tls: thread detach\n"};
    if (h != GetModuleHandleA(NULL)) say("tls: wrong module handle\n");
    if (reason <= 3) say(names[reason]);
}

__attribute__((section(".CRT$XLB"), used)) PIMAGE_TLS_CALLBACK p_tls_callback = tls_callback;

static DWORD WINAPI worker(LPVOID p) {
    (void)p;
    say("thread running\n");
    return 0;
}

int main(void) {
    say("main start\n");
    HANDLE h = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
    say("main end\n");
    return 0;
}
