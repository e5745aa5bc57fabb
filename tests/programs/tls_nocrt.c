/* tls_nocrt: a hand-made PE TLS directory (no C runtime): implicit TLS data, the way MSVC's
 * __declspec(thread) works (FS:[0x2C] -> ThreadLocalStoragePointer[_tls_index] -> the thread's copy of
 * the .tls template plus SizeOfZeroFill zero bytes), and a TLS callback that prints each notification.
 * The exit code is the number of failed checks. */
#include "nocrt.h"

#define ZERO_FILL 64
ULONG _tls_index = 0xFFFFFFFF; /* the loader stores the module's TLS index here */
char _tls_start __attribute__((section(".tls$AAA"))) = 0;
int tls_counter __attribute__((section(".tls$BBB"))) = 42;
char tls_text[16] __attribute__((section(".tls$BBB"))) = "template";
char _tls_end __attribute__((section(".tls$ZZZ"))) = 0;

static void NTAPI tls_callback(PVOID h, DWORD reason, PVOID reserved);
PIMAGE_TLS_CALLBACK __xl_a __attribute__((section(".CRT$XLA"), used)) = 0;
PIMAGE_TLS_CALLBACK __xl_b __attribute__((section(".CRT$XLB"), used)) = tls_callback;
PIMAGE_TLS_CALLBACK __xl_z __attribute__((section(".CRT$XLZ"), used)) = 0;

/* the linker points the PE TLS data directory at this symbol */
const IMAGE_TLS_DIRECTORY32 _tls_used __attribute__((used)) = {
    (DWORD)&_tls_start, (DWORD)&_tls_end, (DWORD)&_tls_index, (DWORD)(&__xl_a + 1), ZERO_FILL, 0};

static char *tls_block(void) {
    char **arr;
    __asm__ volatile("movl %%fs:0x2c, %0" : "=r"(arr));
    return arr ? arr[_tls_index] : 0;
}
static int *my_counter(void) { return (int *)(tls_block() + ((char *)&tls_counter - &_tls_start)); }
static char *my_text(void) { return tls_block() + (tls_text - &_tls_start); }
static unsigned char *my_zero_fill(void) { return (unsigned char *)tls_block() + (&_tls_end - &_tls_start); }

static const char *reasons[] = {"process detach", "process attach", "thread attach", "thread detach"};
static void NTAPI tls_callback(PVOID h, DWORD reason, PVOID reserved) {
    (void)reserved;
    char *blk = tls_block();
    out("tls callback: %s, module is the exe: %s, tls counter %d\n", reason <= 3 ? reasons[reason] : "?",
        h == GetModuleHandleA(NULL) ? "yes" : "no", blk ? *my_counter() : -1);
}

static DWORD WINAPI worker(LPVOID p) {
    int id = (int)(ULONG_PTR)p;
    CHECK(tls_block() != NULL, "thread %d has a TLS block", id);
    CHECK(*my_counter() == 42, "thread %d starts from the template: %d", id, *my_counter());
    CHECK(!strcmp(my_text(), "template"), "thread %d template text", id);
    int zeros = 1;
    for (int i = 0; i < ZERO_FILL; i++) zeros &= my_zero_fill()[i] == 0;
    CHECK(zeros, "thread %d zero fill", id);
    for (int i = 0; i < 1000; i++) {
        *my_counter() += 1;
        if ((i & 127) == 0) Sleep(1);
    }
    CHECK(*my_counter() == 1042, "thread %d counted only its own increments: %d", id, *my_counter());
    return 0;
}

int main_nocrt(int argc, char **argv) {
    (void)argc; (void)argv;
    out("main starts\n");
    CHECK(_tls_index != 0xFFFFFFFF, "the loader set _tls_index: %u", (unsigned)_tls_index);
    CHECK(tls_block() != NULL, "main thread has a TLS block");
    if (!tls_block()) return 100;
    CHECK(tls_block() != &_tls_start, "the TLS block is a copy, not the template itself");
    CHECK(*my_counter() == 42, "main thread's counter starts at 42");
    *my_counter() = 100;
    str_cpy(my_text(), "main");
    memset(my_zero_fill(), 0xAA, ZERO_FILL); /* must not leak into new threads */
    HANDLE th[3];
    for (int i = 0; i < 3; i++) th[i] = CreateThread(NULL, 0, worker, (LPVOID)(ULONG_PTR)i, 0, NULL);
    WaitForMultipleObjects(3, th, TRUE, INFINITE);
    CHECK(*my_counter() == 100 && !strcmp(my_text(), "main"), "main thread's TLS untouched by the others");
    CHECK(tls_counter == 42, "the template itself is unchanged");
    out("main ends: %d failures\n", (int)g_failures);
    return g_failures;
}
