/* heap: kernel32 heaps and virtual memory without the C runtime: HeapAlloc/HeapReAlloc/HeapFree/
 * HeapSize, private heaps, Local/Global memory, VirtualAlloc/VirtualProtect/VirtualQuery/VirtualFree.
 * Every block is filled with a pattern that is verified before it is freed or resized.
 * Prints "heap: N failures"; the exit code is the number of failed checks. */
#include "nocrt.h"

static DWORD g_seed = 12345;
static DWORD rnd(void) {
    g_seed = g_seed * 1103515245u + 12345u;
    return (g_seed >> 8) & 0xFFFFFF;
}

static void fill(BYTE *p, DWORD n, DWORD tag) {
    for (DWORD i = 0; i < n; i++) p[i] = (BYTE)(tag * 31 + i * 7 + (i >> 9));
}
static int verify(const BYTE *p, DWORD n, DWORD tag) {
    for (DWORD i = 0; i < n; i++)
        if (p[i] != (BYTE)(tag * 31 + i * 7 + (i >> 9))) return 0;
    return 1;
}
static int all_zero(const BYTE *p, DWORD n) {
    for (DWORD i = 0; i < n; i++)
        if (p[i]) return 0;
    return 1;
}

#define NBLOCKS 600

static void stress(HANDLE heap, const char *name) {
    static BYTE *blk[NBLOCKS];
    static DWORD size[NBLOCKS];
    int bad_verify = 0, bad_align = 0, bad_size = 0, overlap = 0;
    for (int i = 0; i < NBLOCKS; i++) {
        size[i] = rnd() % ((i % 50) == 0 ? 70000 : 600);
        blk[i] = HeapAlloc(heap, 0, size[i]);
        if (!blk[i]) { CHECK(0, "%s: HeapAlloc(%u) failed", name, (unsigned)size[i]); return; }
        if ((DWORD)blk[i] & 7) bad_align++;
        fill(blk[i], size[i], i);
    }
    for (int i = 1; i < NBLOCKS; i++) /* neighbours must not overlap */
        for (int j = i - 3 < 0 ? 0 : i - 3; j < i; j++)
            if (blk[i] < blk[j] + size[j] && blk[j] < blk[i] + size[i] && size[i] && size[j]) overlap++;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < NBLOCKS; i++) {
            DWORD r = rnd() % 3;
            if (!verify(blk[i], size[i], i)) bad_verify++;
            if (HeapSize(heap, 0, blk[i]) != size[i]) bad_size++;
            if (r == 0) { /* resize */
                DWORD ns = rnd() % 2000;
                BYTE *p = HeapReAlloc(heap, 0, blk[i], ns);
                if (!p) { CHECK(0, "%s: HeapReAlloc(%u) failed", name, (unsigned)ns); return; }
                if (!verify(p, ns < size[i] ? ns : size[i], i)) bad_verify++;
                blk[i] = p;
                size[i] = ns;
                fill(p, ns, i);
            } else if (r == 1) { /* free and allocate again */
                CHECK(HeapFree(heap, 0, blk[i]), "%s: HeapFree", name);
                size[i] = rnd() % 3000;
                blk[i] = HeapAlloc(heap, 0, size[i]);
                if (!blk[i]) { CHECK(0, "%s: HeapAlloc failed", name); return; }
                fill(blk[i], size[i], i);
            }
        }
    }
    for (int i = NBLOCKS - 1; i >= 0; i--) {
        if (!verify(blk[i], size[i], i)) bad_verify++;
        HeapFree(heap, 0, blk[i]);
    }
    CHECK(bad_verify == 0, "%s: blocks kept their contents (%d bad)", name, bad_verify);
    CHECK(bad_align == 0, "%s: blocks are 8-byte aligned (%d not)", name, bad_align);
    CHECK(bad_size == 0, "%s: HeapSize is the requested size (%d wrong)", name, bad_size);
    CHECK(overlap == 0, "%s: blocks do not overlap (%d do)", name, overlap);
}

int main_nocrt(int argc, char **argv) {
    (void)argc; (void)argv;
    HANDLE ph = GetProcessHeap();
    CHECK(ph != NULL, "GetProcessHeap");
    HANDLE heaps[8];
    DWORD nh = GetProcessHeaps(8, heaps);
    int listed = 0;
    for (DWORD i = 0; i < nh && i < 8; i++) listed |= heaps[i] == ph;
    CHECK(nh >= 1 && listed, "GetProcessHeaps lists the process heap");

    /* zeroing and sizes */
    BYTE *p = HeapAlloc(ph, HEAP_ZERO_MEMORY, 1000);
    CHECK(p && all_zero(p, 1000), "HEAP_ZERO_MEMORY");
    CHECK(HeapSize(ph, 0, p) == 1000, "HeapSize");
    fill(p, 1000, 1);
    BYTE *q = HeapReAlloc(ph, HEAP_ZERO_MEMORY, p, 5000);
    CHECK(q && verify(q, 1000, 1), "HeapReAlloc grow keeps the contents");
    CHECK(q && all_zero(q + 1000, 4000), "HeapReAlloc HEAP_ZERO_MEMORY zeroes the new part");
    CHECK(HeapSize(ph, 0, q) == 5000, "HeapSize after the grow");
    p = HeapReAlloc(ph, 0, q, 10);
    CHECK(p && verify(p, 10, 1) && HeapSize(ph, 0, p) == 10, "HeapReAlloc shrink");
    q = HeapReAlloc(ph, HEAP_REALLOC_IN_PLACE_ONLY, p, 8);
    CHECK(q == NULL || q == p, "HEAP_REALLOC_IN_PLACE_ONLY never moves the block");
    CHECK(HeapFree(ph, 0, p), "HeapFree");
    p = HeapAlloc(ph, 0, 0);
    CHECK(p != NULL && HeapSize(ph, 0, p) == 0, "HeapAlloc(0) gives a valid block");
    HeapFree(ph, 0, p);
    CHECK(HeapFree(ph, 0, NULL), "HeapFree(NULL) succeeds");
    CHECK(HeapValidate(ph, 0, NULL), "HeapValidate");

    stress(ph, "process heap");

    /* private heaps */
    HANDLE h = HeapCreate(0, 0, 0);
    CHECK(h != NULL, "HeapCreate growable");
    stress(h, "private heap");
    BYTE *big[40];
    int nbig = 0;
    for (; nbig < 40; nbig++) { /* 40 x 256 KiB = 10 MiB */
        big[nbig] = HeapAlloc(h, 0, 256 * 1024);
        if (!big[nbig]) break;
        big[nbig][0] = 1;
        big[nbig][256 * 1024 - 1] = 2;
    }
    CHECK(nbig == 40, "10 MiB from a growable heap: %d blocks", nbig);
    CHECK(HeapDestroy(h), "HeapDestroy");
    h = HeapCreate(0, 0x10000, 0x10000); /* fixed 64 KiB */
    CHECK(h != NULL, "HeapCreate fixed-size");
    int got = 0;
    for (int i = 0; i < 100; i++)
        if (HeapAlloc(h, 0, 4096)) got++;
    CHECK(got > 0 && got < 16, "a fixed 64 KiB heap runs out: %d blocks of 4 KiB", got);
    CHECK(HeapAlloc(h, 0, 0x20000) == NULL, "an allocation larger than a fixed heap fails");
    HeapDestroy(h);

    /* Local / Global */
    HLOCAL l = LocalAlloc(LMEM_FIXED | LMEM_ZEROINIT, 300);
    CHECK(l && all_zero((BYTE *)l, 300), "LocalAlloc LMEM_ZEROINIT");
    CHECK(LocalSize(l) >= 300, "LocalSize");
    CHECK(LocalFree(l) == NULL, "LocalFree returns NULL on success");
    HGLOBAL g = GlobalAlloc(GMEM_MOVEABLE | GMEM_ZEROINIT, 1000);
    CHECK(g != NULL, "GlobalAlloc GMEM_MOVEABLE");
    BYTE *gp = GlobalLock(g);
    CHECK(gp && all_zero(gp, 1000), "GlobalLock gives zeroed memory");
    fill(gp, 1000, 9);
    GlobalUnlock(g);
    CHECK(GlobalSize(g) >= 1000, "GlobalSize");
    g = GlobalReAlloc(g, 4000, GMEM_MOVEABLE);
    gp = GlobalLock(g);
    CHECK(gp && verify(gp, 1000, 9), "GlobalReAlloc keeps the contents");
    GlobalUnlock(g);
    CHECK(GlobalFree(g) == NULL, "GlobalFree returns NULL on success");
    HGLOBAL gf = GlobalAlloc(GMEM_FIXED, 64);
    CHECK(gf && GlobalLock(gf) == (LPVOID)gf, "GMEM_FIXED: the handle is the pointer");
    GlobalFree(gf);

    /* virtual memory */
    BYTE *v = VirtualAlloc(NULL, 1 << 20, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    CHECK(v && ((DWORD)v & 0xFFFF) == 0, "VirtualAlloc 1 MiB at a 64 KiB boundary: %p", v);
    CHECK(v && all_zero(v, 1 << 20), "VirtualAlloc memory is zeroed");
    MEMORY_BASIC_INFORMATION mbi;
    CHECK(VirtualQuery(v + 5000, &mbi, sizeof(mbi)) == sizeof(mbi), "VirtualQuery");
    CHECK(mbi.BaseAddress == v + 4096 && mbi.AllocationBase == v && mbi.State == MEM_COMMIT &&
          mbi.Protect == PAGE_READWRITE && mbi.Type == MEM_PRIVATE,
          "VirtualQuery fields: base %p alloc %p state %x prot %x type %x", mbi.BaseAddress, mbi.AllocationBase,
          (unsigned)mbi.State, (unsigned)mbi.Protect, (unsigned)mbi.Type);
    DWORD old = 0;
    CHECK(VirtualProtect(v + 8192, 4096, PAGE_READONLY, &old) && old == PAGE_READWRITE, "VirtualProtect READONLY");
    VirtualQuery(v + 8192, &mbi, sizeof(mbi));
    CHECK(mbi.Protect == PAGE_READONLY && mbi.RegionSize == 4096, "VirtualQuery sees the changed page: %x size %x",
          (unsigned)mbi.Protect, (unsigned)mbi.RegionSize);
    CHECK(VirtualProtect(v + 8192, 4096, PAGE_READWRITE, &old) && old == PAGE_READONLY, "VirtualProtect back");
    CHECK(VirtualFree(v, 0, MEM_RELEASE), "VirtualFree MEM_RELEASE");
    VirtualQuery(v, &mbi, sizeof(mbi));
    CHECK(mbi.State == MEM_FREE, "released memory is MEM_FREE: %x", (unsigned)mbi.State);
    BYTE *r = VirtualAlloc(NULL, 16 << 20, MEM_RESERVE, PAGE_NOACCESS);
    CHECK(r != NULL, "reserve 16 MiB");
    VirtualQuery(r, &mbi, sizeof(mbi));
    CHECK(mbi.State == MEM_RESERVE, "reserved state: %x", (unsigned)mbi.State);
    BYTE *c = VirtualAlloc(r + 0x30000, 0x2000, MEM_COMMIT, PAGE_READWRITE);
    CHECK(c == r + 0x30000, "commit inside a reservation");
    if (c) {
        c[0] = 1;
        c[0x1FFF] = 2;
    }
    CHECK(VirtualFree(c, 0x2000, MEM_DECOMMIT), "MEM_DECOMMIT");
    CHECK(VirtualFree(r, 0, MEM_RELEASE), "release the reservation");
    BYTE *want = (BYTE *)0x20000000;
    BYTE *at = VirtualAlloc(want, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    CHECK(at == want, "VirtualAlloc at a chosen free address: %p", at);
    CHECK(VirtualAlloc(want, 0x10000, MEM_RESERVE, PAGE_READWRITE) == NULL, "reserving a used range fails");
    VirtualFree(at, 0, MEM_RELEASE);
    BYTE *huge = VirtualAlloc(NULL, 256u << 20, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    CHECK(huge != NULL, "VirtualAlloc 256 MiB");
    if (huge) {
        for (DWORD off = 0; off < (256u << 20); off += 1 << 20) huge[off] = (BYTE)off;
        VirtualFree(huge, 0, MEM_RELEASE);
    }

    out("heap: %d failures\n", (int)g_failures);
    return g_failures;
}
