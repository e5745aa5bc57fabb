/* pewalk: find kernel32 the way packers and shellcode do (CRT-free).
 * Walks PEB->Ldr's three module lists, finds kernel32.dll by BaseDllName in the
 * InInitializationOrderModuleList, parses its export directory in memory (names, ordinals,
 * functions), resolves LoadLibraryA and GetProcAddress by name (and by a ROR-13 name hash),
 * then uses them. Prints one line per check; the exit code is the number of failures. */
#include "nocrt.h"

typedef struct {
    USHORT Length, MaximumLength;
    WCHAR *Buffer;
} USTR;

static DWORD read_fs(DWORD off) {
    DWORD v;
    __asm__ volatile("movl %%fs:(%1), %0" : "=r"(v) : "r"(off));
    return v;
}

static int ustr_ieq(const USTR *u, const char *s) {
    unsigned n = u->Length / 2;
    if (n != strlen(s)) return 0;
    for (unsigned i = 0; i < n; i++) {
        WCHAR a = u->Buffer[i];
        char b = s[i];
        if (a >= 'A' && a <= 'Z') a += 32;
        if (b >= 'A' && b <= 'Z') b += 32;
        if (a != (WCHAR)(unsigned char)b) return 0;
    }
    return 1;
}

static void ustr_to_a(const USTR *u, char *out_, int max) {
    int n = u->Length / 2;
    if (n > max - 1) n = max - 1;
    for (int i = 0; i < n; i++) out_[i] = (char)u->Buffer[i];
    out_[n] = 0;
}

static DWORD ror13(const char *s) {
    DWORD h = 0;
    while (*s) h = ((h >> 13) | (h << 19)) + (unsigned char)*s++;
    return h;
}

typedef struct {
    BYTE *base;
    IMAGE_EXPORT_DIRECTORY *ed;
    DWORD ed_size, ed_rva;
    DWORD *funcs, *names;
    WORD *ords;
} EXPORTS;

static int open_exports(BYTE *base, EXPORTS *e) {
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)base;
    if (dos->e_magic != IMAGE_DOS_SIGNATURE) return 0;
    IMAGE_NT_HEADERS32 *nt = (IMAGE_NT_HEADERS32 *)(base + dos->e_lfanew);
    if (nt->Signature != IMAGE_NT_SIGNATURE) return 0;
    if (nt->FileHeader.Machine != IMAGE_FILE_MACHINE_I386) return 0;
    IMAGE_DATA_DIRECTORY *dd = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT];
    if (!dd->VirtualAddress || !dd->Size) return 0;
    e->base = base;
    e->ed_rva = dd->VirtualAddress;
    e->ed_size = dd->Size;
    e->ed = (IMAGE_EXPORT_DIRECTORY *)(base + dd->VirtualAddress);
    e->funcs = (DWORD *)(base + e->ed->AddressOfFunctions);
    e->names = (DWORD *)(base + e->ed->AddressOfNames);
    e->ords = (WORD *)(base + e->ed->AddressOfNameOrdinals);
    return 1;
}

static void *export_by_index(EXPORTS *e, DWORD idx) {
    DWORD rva = e->funcs[idx];
    if (rva >= e->ed_rva && rva < e->ed_rva + e->ed_size) return NULL; /* forwarder */
    return e->base + rva;
}

static void *find_by_name(EXPORTS *e, const char *name, DWORD *ordinal) {
    for (DWORD i = 0; i < e->ed->NumberOfNames; i++) {
        if (strcmp((const char *)(e->base + e->names[i]), name) == 0) {
            if (ordinal) *ordinal = e->ords[i] + e->ed->Base;
            return export_by_index(e, e->ords[i]);
        }
    }
    return NULL;
}

static void *find_by_hash(EXPORTS *e, DWORD hash) {
    for (DWORD i = 0; i < e->ed->NumberOfNames; i++)
        if (ror13((const char *)(e->base + e->names[i])) == hash) return export_by_index(e, e->ords[i]);
    return NULL;
}

typedef HMODULE(WINAPI *LoadLibraryA_t)(LPCSTR);
typedef FARPROC(WINAPI *GetProcAddress_t)(HMODULE, LPCSTR);
typedef DWORD(WINAPI *GetTickCount_t)(void);
typedef DWORD(WINAPI *GetCurrentThreadId_t)(void);

int main_nocrt(int argc, char **argv) {
    (void)argc; (void)argv;
    BYTE *peb = (BYTE *)read_fs(0x30);
    CHECK(peb && peb == (BYTE *)((BYTE **)read_fs(0x18))[0x30 / 4], "TEB self pointer and PEB");
    BYTE *ldr = *(BYTE **)(peb + 0x0C);
    CHECK(ldr != NULL, "PEB->Ldr");
    CHECK(*(void **)(peb + 0x08) == (void *)GetModuleHandleA(NULL), "PEB->ImageBaseAddress");

    /* InLoadOrderModuleList: the exe comes first */
    LIST_ENTRY *head = (LIST_ENTRY *)(ldr + 0x0C);
    LIST_ENTRY *first = head->Flink;
    BYTE *ent = (BYTE *)first; /* InLoadOrderLinks at +0 */
    char name[64];
    ustr_to_a((USTR *)(ent + 0x2C), name, sizeof(name));
    out("load order first: %s\n", name);
    CHECK(*(void **)(ent + 0x18) == (void *)GetModuleHandleA(NULL), "first load-order entry is the exe");
    CHECK(ustr_ieq((USTR *)(ent + 0x2C), "pewalk.exe"), "exe BaseDllName is pewalk.exe");
    int nload = 0, found_k32_load = 0;
    for (LIST_ENTRY *l = head->Flink; l != head && nload < 100; l = l->Flink, nload++) {
        CHECK(l->Flink->Blink == l, "load-order list links are consistent");
        if (ustr_ieq((USTR *)((BYTE *)l + 0x2C), "kernel32.dll")) found_k32_load = 1;
    }
    CHECK(found_k32_load, "kernel32 in InLoadOrderModuleList");

    /* InMemoryOrderModuleList: links at +0x08 of each entry */
    head = (LIST_ENTRY *)(ldr + 0x14);
    int found_k32_mem = 0, nmem = 0;
    for (LIST_ENTRY *l = head->Flink; l != head && nmem < 100; l = l->Flink, nmem++)
        if (ustr_ieq((USTR *)((BYTE *)l - 0x08 + 0x2C), "kernel32.dll")) found_k32_mem = 1;
    CHECK(found_k32_mem, "kernel32 in InMemoryOrderModuleList");
    /* classic shellcode: the third InMemoryOrder entry (exe, ntdll, kernel32) is kernel32 */
    LIST_ENTRY *third = head->Flink->Flink->Flink;
    CHECK(third != head && ustr_ieq((USTR *)((BYTE *)third - 0x08 + 0x2C), "kernel32.dll"),
          "third InMemoryOrderModuleList entry is kernel32.dll");
    CHECK(nmem == nload, "memory-order and load-order lists have the same modules (%d vs %d)", nmem, nload);

    /* InInitializationOrderModuleList: links at +0x10 of each entry; the exe is not in it */
    head = (LIST_ENTRY *)(ldr + 0x1C);
    BYTE *k32 = NULL, *ntdll = NULL;
    int ninit = 0;
    for (LIST_ENTRY *l = head->Flink; l != head && ninit < 100; l = l->Flink, ninit++) {
        BYTE *e = (BYTE *)l - 0x10;
        USTR *base_name = (USTR *)(e + 0x2C);
        ustr_to_a(base_name, name, sizeof(name));
        out("init order: %s\n", name);
        CHECK(*(void **)(e + 0x18) != (void *)GetModuleHandleA(NULL), "the exe is not in the init-order list");
        if (ustr_ieq(base_name, "kernel32.dll")) k32 = *(BYTE **)(e + 0x18);
        if (ustr_ieq(base_name, "ntdll.dll")) ntdll = *(BYTE **)(e + 0x18);
    }
    CHECK(k32 != NULL, "kernel32 found by BaseDllName");
    CHECK(ntdll != NULL, "ntdll found by BaseDllName");
    if (!k32) return 100;
    CHECK(k32 == (BYTE *)GetModuleHandleA("KERNEL32.DLL"), "DllBase == GetModuleHandle(kernel32)");

    EXPORTS ex;
    int ok = open_exports(k32, &ex);
    CHECK(ok, "kernel32 has MZ/PE headers and an export directory");
    if (!ok) return 101;
    const char *dllname = (const char *)(k32 + ex.ed->Name);
    out("export directory name: %s, %u functions, %u names, base %u\n", dllname,
        (unsigned)ex.ed->NumberOfFunctions, (unsigned)ex.ed->NumberOfNames, (unsigned)ex.ed->Base);
    CHECK(str_ieq(dllname, "kernel32.dll"), "export directory Name is kernel32.dll");
    CHECK(ex.ed->NumberOfNames > 100, "kernel32 exports many names");
    for (DWORD i = 1; i < ex.ed->NumberOfNames; i++) {
        const char *a = (const char *)(k32 + ex.names[i - 1]), *b = (const char *)(k32 + ex.names[i]);
        if (strcmp(a, b) >= 0) {
            CHECK(0, "export names sorted: %s before %s", a, b);
            break;
        }
    }

    DWORD ord_lla = 0, ord_gpa = 0;
    LoadLibraryA_t pLoadLibraryA = (LoadLibraryA_t)find_by_name(&ex, "LoadLibraryA", &ord_lla);
    GetProcAddress_t pGetProcAddress = (GetProcAddress_t)find_by_name(&ex, "GetProcAddress", &ord_gpa);
    CHECK(pLoadLibraryA != NULL, "LoadLibraryA found in the export table");
    CHECK(pGetProcAddress != NULL, "GetProcAddress found in the export table");
    if (!pLoadLibraryA || !pGetProcAddress) return 102;
    CHECK((void *)pLoadLibraryA == (void *)LoadLibraryA, "walked LoadLibraryA == imported LoadLibraryA");
    CHECK((void *)pGetProcAddress == (void *)GetProcAddress, "walked GetProcAddress == imported GetProcAddress");
    CHECK(find_by_hash(&ex, ror13("GetProcAddress")) == (void *)pGetProcAddress, "GetProcAddress by ROR-13 hash");
    CHECK((BYTE *)pLoadLibraryA > k32 && (BYTE *)pLoadLibraryA < k32 + 0x1000000, "LoadLibraryA inside kernel32");
    out("resolved LoadLibraryA and GetProcAddress\n");

    /* use them */
    HMODULE h = pLoadLibraryA("kernel32.dll");
    CHECK((BYTE *)h == k32, "LoadLibraryA(kernel32) returns its base");
    CHECK(pGetProcAddress(h, (LPCSTR)(ULONG_PTR)ord_lla) == (FARPROC)pLoadLibraryA, "GetProcAddress by ordinal %u", ord_lla);
    CHECK(pGetProcAddress(h, "GetProcAddress") == (FARPROC)pGetProcAddress, "GetProcAddress(GetProcAddress)");
    CHECK(pGetProcAddress(h, "NoSuchFunctionAtAll") == NULL, "missing export gives NULL");
    CHECK(GetLastError() == ERROR_PROC_NOT_FOUND, "missing export sets ERROR_PROC_NOT_FOUND");
    GetCurrentThreadId_t pTid = (GetCurrentThreadId_t)pGetProcAddress(h, "GetCurrentThreadId");
    CHECK(pTid && pTid() == GetCurrentThreadId(), "GetCurrentThreadId through GetProcAddress");
    GetTickCount_t pTick = (GetTickCount_t)pGetProcAddress(h, "GetTickCount");
    CHECK(pTick && pTick() != 0, "GetTickCount through GetProcAddress");
    void *pwalked_exit = find_by_name(&ex, "ExitProcess", NULL);
    CHECK(pwalked_exit == (void *)pGetProcAddress(h, "ExitProcess"), "ExitProcess: walk == GetProcAddress");

    /* ntdll's exports too */
    EXPORTS nx;
    if (ntdll && open_exports(ntdll, &nx)) {
        void *a = find_by_name(&nx, "RtlUnwind", NULL);
        CHECK(a != NULL, "ntdll exports RtlUnwind");
        CHECK(a == (void *)pGetProcAddress((HMODULE)ntdll, "RtlUnwind"), "ntdll RtlUnwind: walk == GetProcAddress");
    } else {
        CHECK(0, "ntdll has an export directory");
    }

    out("pewalk: %d failures\n", (int)g_failures);
    return g_failures;
}
