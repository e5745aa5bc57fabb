/* nocrt.h: a tiny runtime for test programs built without the C runtime
 * (i686-w64-mingw32-gcc -nostdlib -e _start ... -lkernel32 -lgcc).
 *
 * These programs depend on kernel32 only, so they isolate the emulator's kernel32/ntdll/loader
 * behaviour from msvcrt. Include this header exactly once per program (it defines the memory
 * functions gcc may call implicitly) and write `int main_nocrt(int argc, char **argv)`.
 *
 * out(fmt, ...) formats with %d %i %u %x %X %p %s %c %% (flags: '0', width, 'l') and writes the
 * result to stdout with one WriteFile call. CHECK(cond, what) prints "FAIL ..." for a false
 * condition and counts it; the process exit code is main_nocrt's return value.
 * Define NOCRT_DLL before including it in a DLL (no entry point or argument parsing then).
 */
#ifndef NOCRT_H
#define NOCRT_H
#include <windows.h>
#include <stdarg.h>

/* ---- functions gcc may emit calls to -------------------------------------------------------- */
void *memset(void *d, int c, unsigned n) {
    unsigned char *p = d;
    while (n--) *p++ = (unsigned char)c;
    return d;
}
void *memcpy(void *d, const void *s, unsigned n) {
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--) *p++ = *q++;
    return d;
}
void *memmove(void *d, const void *s, unsigned n) {
    unsigned char *p = d;
    const unsigned char *q = s;
    if (p < q) { while (n--) *p++ = *q++; }
    else { p += n; q += n; while (n--) *--p = *--q; }
    return d;
}
int memcmp(const void *a, const void *b, unsigned n) {
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++)
        if (*p != *q) return *p < *q ? -1 : 1;
    return 0;
}
unsigned strlen(const char *s) {
    const char *p = s;
    while (*p) p++;
    return (unsigned)(p - s);
}
int strcmp(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return (unsigned char)*a - (unsigned char)*b;
}
__attribute__((unused)) static int str_ieq(const char *a, const char *b) {
    for (;; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y) return 0;
        if (!x) return 1;
    }
}
__attribute__((unused)) static char *str_cpy(char *d, const char *s) {
    char *r = d;
    while ((*d++ = *s++)) {}
    return r;
}
__attribute__((unused)) static char *str_cat(char *d, const char *s) {
    str_cpy(d + strlen(d), s);
    return d;
}
__attribute__((unused)) static unsigned parse_uint(const char *s) {
    unsigned v = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        for (s += 2; *s; s++) {
            char c = *s;
            v = v * 16 + (c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
        }
        return v;
    }
    while (*s >= '0' && *s <= '9') v = v * 10 + (unsigned)(*s++ - '0');
    return v;
}

/* ---- formatted output ------------------------------------------------------------------------ */
typedef struct { char *p; char *end; } obuf;

static void ob_put(obuf *b, char c) {
    if (b->p < b->end) *b->p++ = c;
}

static void ob_num(obuf *b, unsigned long long v, unsigned base, int neg, int width, char pad, int upper) {
    char tmp[24];
    int n = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do { tmp[n++] = digits[v % base]; v /= base; } while (v);
    if (neg) {
        if (pad == '0') { ob_put(b, '-'); width--; }
        else tmp[n++] = '-';
    }
    while (width-- > n) ob_put(b, pad);
    while (n) ob_put(b, tmp[--n]);
}

static int vformat(char *buf, int size, const char *fmt, va_list ap) {
    obuf b = { buf, buf + size - 1 };
    for (; *fmt; fmt++) {
        if (*fmt != '%') { ob_put(&b, *fmt); continue; }
        fmt++;
        char pad = ' ';
        int width = 0, lng = 0;
        if (*fmt == '0') { pad = '0'; fmt++; }
        while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l') { lng++; fmt++; }
        switch (*fmt) {
        case 'd': case 'i': {
            long long v = lng > 1 ? va_arg(ap, long long) : va_arg(ap, int);
            ob_num(&b, v < 0 ? -(unsigned long long)v : (unsigned long long)v, 10, v < 0, width, pad, 0);
            break;
        }
        case 'u': ob_num(&b, lng > 1 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned), 10, 0, width, pad, 0); break;
        case 'x': ob_num(&b, lng > 1 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned), 16, 0, width, pad, 0); break;
        case 'X': ob_num(&b, lng > 1 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned), 16, 0, width, pad, 1); break;
        case 'p': ob_num(&b, (unsigned)va_arg(ap, void *), 16, 0, 8, '0', 0); break;
        case 'c': ob_put(&b, (char)va_arg(ap, int)); break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            int n = (int)strlen(s);
            while (width-- > n) ob_put(&b, ' ');
            while (*s) ob_put(&b, *s++);
            break;
        }
        case '%': ob_put(&b, '%'); break;
        default: ob_put(&b, '%'); ob_put(&b, *fmt); break;
        }
    }
    *b.p = 0;
    return (int)(b.p - buf);
}

__attribute__((unused)) static int format(char *buf, int size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

static void write_handle(DWORD which, const char *s, int n) {
    DWORD done;
    WriteFile(GetStdHandle(which), s, (DWORD)n, &done, NULL);
}

static void out(const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vformat(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    write_handle(STD_OUTPUT_HANDLE, buf, n);
}

__attribute__((unused)) static void err_out(const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vformat(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    write_handle(STD_ERROR_HANDLE, buf, n);
}

static volatile LONG g_failures;

#define CHECK(cond, ...) do { \
        if (!(cond)) { \
            char _m[256]; \
            format(_m, sizeof(_m), __VA_ARGS__); \
            out("FAIL line %d: %s (%s) [last error %u]\n", __LINE__, _m, #cond, GetLastError()); \
            InterlockedIncrement(&g_failures); \
        } \
    } while (0)

/* ---- command line: simple splitting (quotes group, no escapes) ------------------------------- */
__attribute__((unused)) static int split_args(char *cmd, char **argv, int max) {
    int argc = 0;
    char *p = cmd;
    while (*p && argc < max) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) break;
        char *d = p;
        argv[argc++] = d;
        int q = 0;
        while (*p && (q || (*p != ' ' && *p != '\t'))) {
            if (*p == '"') { q = !q; p++; continue; }
            *d++ = *p++;
        }
        if (*p) p++;
        *d = 0;
    }
    return argc;
}

#ifndef NOCRT_DLL
int main_nocrt(int argc, char **argv);
/* set by a program that wants its entry point to return (instead of calling ExitProcess) */
static int nocrt_return_from_entry;

int __cdecl start(void) {
    static char cmd[4096];
    static char *argv[64];
    const char *c = GetCommandLineA();
    int n = (int)strlen(c);
    if (n >= (int)sizeof(cmd)) n = sizeof(cmd) - 1;
    memcpy(cmd, c, n);
    cmd[n] = 0;
    int argc = split_args(cmd, argv, 63);
    argv[argc] = 0;
    int r = main_nocrt(argc, argv);
    if (nocrt_return_from_entry) return r;
    ExitProcess((UINT)r);
}
#endif

#endif
