/* crt_heap: malloc/calloc/realloc/free (mingw + msvcrt), with every block filled with a pattern
 * that is checked before it is resized or freed. Prints "crt_heap: N failures"; exit code N. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>

static int failures;
#define CHECK(c, ...) do { if (!(c)) { printf("FAIL line %d: ", __LINE__); printf(__VA_ARGS__); printf("\n"); failures++; } } while (0)

static unsigned seed = 4711;
static unsigned rnd(void) { seed = seed * 1103515245u + 12345u; return (seed >> 8) & 0xFFFFFF; }
static void fill(unsigned char *p, size_t n, unsigned tag) { for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(tag * 17 + i * 3 + (i >> 10)); }
static int verify(const unsigned char *p, size_t n, unsigned tag) {
    for (size_t i = 0; i < n; i++) if (p[i] != (unsigned char)(tag * 17 + i * 3 + (i >> 10))) return 0;
    return 1;
}

#define N 1000

int main(void) {
    static unsigned char *blk[N];
    static size_t size[N];
    int bad = 0, misaligned = 0;
    for (int i = 0; i < N; i++) {
        size[i] = rnd() % (i % 100 == 0 ? 200000 : 1000);
        blk[i] = malloc(size[i]);
        CHECK(blk[i] != NULL, "malloc(%u)", (unsigned)size[i]);
        if (!blk[i]) return 100;
        if ((size_t)blk[i] & 7) misaligned++;
        fill(blk[i], size[i], i);
    }
    for (int round = 0; round < 4; round++) {
        for (int k = 0; k < N; k++) {
            int i = (int)(rnd() % N);
            if (!verify(blk[i], size[i], i)) bad++;
            switch (rnd() % 4) {
            case 0: { /* realloc, grow or shrink */
                size_t ns = rnd() % 5000 + 1;
                unsigned char *p = realloc(blk[i], ns);
                CHECK(p != NULL, "realloc(%u)", (unsigned)ns);
                if (!p) return 101;
                if (!verify(p, ns < size[i] ? ns : size[i], i)) bad++;
                blk[i] = p; size[i] = ns; fill(p, ns, i);
                break;
            }
            case 1: /* free + calloc: must be zero even if the memory was used before */
                free(blk[i]);
                size[i] = rnd() % 3000 + 1;
                blk[i] = calloc(size[i], 1);
                CHECK(blk[i] != NULL, "calloc");
                for (size_t j = 0; j < size[i]; j++) if (blk[i][j]) { bad++; break; }
                fill(blk[i], size[i], i);
                break;
            default:
                break;
            }
        }
    }
    for (int i = 0; i < N; i++) {
        if (!verify(blk[i], size[i], i)) bad++;
        free(blk[i]);
    }
    CHECK(bad == 0, "blocks kept their patterns (%d bad)", bad);
    CHECK(misaligned == 0, "malloc results are 8-byte aligned (%d not)", misaligned);

    void *z = malloc(0);
    CHECK(z != NULL, "malloc(0) returns a unique non-NULL pointer");
    void *z2 = malloc(0);
    CHECK(z2 != z, "two malloc(0) blocks differ");
    free(z); free(z2);
    unsigned char *r = realloc(NULL, 100);
    CHECK(r != NULL, "realloc(NULL, n) allocates");
    fill(r, 100, 7);
    CHECK(_msize(r) >= 100, "_msize %u", (unsigned)_msize(r));
    r = realloc(r, 100000);
    CHECK(r && verify(r, 100, 7), "realloc to 100000 keeps the contents");
    free(r);
    free(NULL);
    int *arr = calloc(1000, sizeof(int));
    int zero = 1;
    for (int i = 0; i < 1000; i++) zero &= arr[i] == 0;
    CHECK(arr && zero, "calloc(1000, 4) zeroed");
    free(arr);
    volatile size_t huge_count = 0x40000000, huge_size = 0xFFFFFFF0u;
    CHECK(calloc(huge_count, 16) == NULL, "calloc overflow returns NULL");
    CHECK(malloc(huge_size) == NULL, "an impossible malloc returns NULL");
    unsigned char *big = malloc(64 << 20);
    CHECK(big != NULL, "malloc 64 MiB");
    if (big) {
        for (size_t o = 0; o < (64u << 20); o += 4096) big[o] = (unsigned char)(o >> 12);
        int ok = 1;
        for (size_t o = 0; o < (64u << 20); o += 4096) ok &= big[o] == (unsigned char)(o >> 12);
        CHECK(ok, "64 MiB block readable and writable");
        free(big);
    }
    char *s = strdup("duplicate me");
    CHECK(s && !strcmp(s, "duplicate me"), "strdup");
    free(s);
    printf("crt_heap: %d failures\n", failures);
    return failures;
}
