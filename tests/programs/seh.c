/* seh: structured exception handling without the C runtime (mingw gcc has no __try).
 * Handlers are installed by hand: EXCEPTION_REGISTRATION records pushed on FS:[0], vectored
 * handlers, and the unhandled-exception filter. The faulting instructions live in small assembly
 * routines with exported labels, so handlers can check the faulting address and resume at a
 * known instruction by editing CONTEXT.Eip.
 * Usage: seh TEST...  (no argument: every test except the ones that end the process).
 *   Tests that end the process: filter_exit (the filter returns EXCEPTION_EXECUTE_HANDLER),
 *   crash (an unhandled write to NULL). */
#include "nocrt.h"

/* ---- assembly helpers ------------------------------------------------------------------------- */
__asm__(
    ".text\n"
    /* void null_write(void): ebx=0x12345678, esi=0xCAFEBABE, then writes 1 to address 0 */
    ".globl _null_write\n_null_write:\n"
    "  pushl %ebx\n  pushl %esi\n"
    "  movl $0x12345678, %ebx\n  movl $0xCAFEBABE, %esi\n  xorl %eax, %eax\n"
    ".globl _null_write_ip\n_null_write_ip:\n"
    "  movl $1, (%eax)\n"
    ".globl _null_write_resume\n_null_write_resume:\n"
    "  popl %esi\n  popl %ebx\n  ret\n"
    /* int read_at(int *p): returns *p */
    ".globl _read_at\n_read_at:\n"
    "  movl 4(%esp), %ecx\n"
    ".globl _read_at_ip\n_read_at_ip:\n"
    "  movl (%ecx), %eax\n"
    ".globl _read_at_resume\n_read_at_resume:\n"
    "  ret\n"
    /* void write_at(int *p, int v) */
    ".globl _write_at\n_write_at:\n"
    "  movl 4(%esp), %ecx\n  movl 8(%esp), %edx\n"
    ".globl _write_at_ip\n_write_at_ip:\n"
    "  movl %edx, (%ecx)\n"
    "  ret\n"
    /* int div_zero(int a): a / 0 with idiv; returns eax (a handler may resume after the idiv) */
    ".globl _div_zero\n_div_zero:\n"
    "  movl 4(%esp), %eax\n  cltd\n  xorl %ecx, %ecx\n"
    ".globl _div_zero_ip\n_div_zero_ip:\n"
    "  idivl %ecx\n"
    ".globl _div_zero_resume\n_div_zero_resume:\n"
    "  ret\n"
    /* int breakpoint(void): int3; returns 7 */
    ".globl _breakpoint\n_breakpoint:\n"
    "  movl $7, %eax\n"
    ".globl _breakpoint_ip\n_breakpoint_ip:\n"
    "  int3\n"
    "  ret\n"
    /* int unwind_test(void): installs frame A (handler _handler_a), calls _inner_b which installs
     * frame B and faults; handler A unwinds with RtlUnwind and jumps to _unwind_resume.
     * Returns 1 when resumed there, 0 if _inner_b returned normally. */
    ".globl _unwind_test\n_unwind_test:\n"
    "  pushl %ebp\n  movl %esp, %ebp\n  pushl %ebx\n  pushl %esi\n  pushl %edi\n"
    "  pushl $_handler_a\n  pushl %fs:0\n  movl %esp, %fs:0\n"
    "  movl %esp, _g_frame_a\n"
    "  call _inner_b\n"
    "  xorl %eax, %eax\n  jmp 1f\n"
    ".globl _unwind_resume\n_unwind_resume:\n"
    "  movl $1, %eax\n"
    "1:\n"
    "  movl _g_frame_a, %esp\n  popl %ecx\n  movl %ecx, %fs:0\n  addl $4, %esp\n"
    "  popl %edi\n  popl %esi\n  popl %ebx\n  popl %ebp\n  ret\n");

void null_write(void);
int read_at(volatile int *p);
void write_at(volatile int *p, int v);
int div_zero(int a);
int breakpoint(void);
int unwind_test(void);
extern char null_write_ip[], null_write_resume[], read_at_ip[], read_at_resume[], write_at_ip[];
extern char div_zero_ip[], div_zero_resume[], breakpoint_ip[], unwind_resume[];

static DWORD get_fs0(void) {
    DWORD v;
    __asm__ volatile("movl %%fs:0, %0" : "=r"(v));
    return v;
}
static void set_fs0(DWORD v) { __asm__ volatile("movl %0, %%fs:0" : : "r"(v) : "memory"); }

typedef EXCEPTION_DISPOSITION (__cdecl *frame_handler)(EXCEPTION_RECORD *, void *, CONTEXT *, void *);
typedef struct REG { struct REG *prev; frame_handler handler; } REG;

/* a log of handler calls, as letters */
static char g_log[64];
static int g_nlog;
static void log_c(char c) { if (g_nlog < 63) { g_log[g_nlog++] = c; g_log[g_nlog] = 0; } }
static void log_reset(void) { g_nlog = 0; g_log[0] = 0; }

static EXCEPTION_RECORD g_rec;
static CONTEXT g_ctx;
static int g_calls;

/* ---- vectored handler: access violation, resume after it ---------------------------------------- */
static LONG CALLBACK veh_resume_null(EXCEPTION_POINTERS *ep) {
    g_calls++;
    g_rec = *ep->ExceptionRecord;
    g_ctx = *ep->ContextRecord;
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION) return EXCEPTION_CONTINUE_SEARCH;
    if (ep->ContextRecord->Eip == (DWORD)null_write_ip) ep->ContextRecord->Eip = (DWORD)null_write_resume;
    else if (ep->ContextRecord->Eip == (DWORD)read_at_ip) {
        ep->ContextRecord->Eax = 0x5A5A;
        ep->ContextRecord->Eip = (DWORD)read_at_resume;
    } else return EXCEPTION_CONTINUE_SEARCH;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void test_veh_av(void) {
    PVOID h = AddVectoredExceptionHandler(1, veh_resume_null);
    CHECK(h != NULL, "AddVectoredExceptionHandler");
    g_calls = 0;
    null_write();
    CHECK(g_calls == 1, "handler called once: %d", g_calls);
    CHECK(g_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "code c0000005: %x", (unsigned)g_rec.ExceptionCode);
    CHECK(g_rec.ExceptionAddress == null_write_ip, "ExceptionAddress is the faulting instruction: %p", g_rec.ExceptionAddress);
    CHECK(g_rec.NumberParameters == 2, "two parameters: %u", (unsigned)g_rec.NumberParameters);
    CHECK(g_rec.ExceptionInformation[0] == 1, "ExceptionInformation[0] == 1 (write): %u", (unsigned)g_rec.ExceptionInformation[0]);
    CHECK(g_rec.ExceptionInformation[1] == 0, "ExceptionInformation[1] == 0 (address): %x", (unsigned)g_rec.ExceptionInformation[1]);
    CHECK(g_ctx.Eip == (DWORD)null_write_ip, "CONTEXT.Eip at the fault: %x", (unsigned)g_ctx.Eip);
    CHECK(g_ctx.Ebx == 0x12345678 && g_ctx.Esi == 0xCAFEBABE, "CONTEXT has the registers at the fault: ebx=%x esi=%x",
          (unsigned)g_ctx.Ebx, (unsigned)g_ctx.Esi);
    CHECK((g_ctx.ContextFlags & CONTEXT_FULL) == CONTEXT_FULL, "ContextFlags include CONTEXT_FULL: %x", (unsigned)g_ctx.ContextFlags);
    CHECK(g_ctx.SegFs != 0 && g_ctx.SegCs != 0 && g_ctx.SegSs != 0 && g_ctx.SegDs != 0,
          "segment registers in CONTEXT: cs=%x ds=%x ss=%x fs=%x", (unsigned)g_ctx.SegCs, (unsigned)g_ctx.SegDs,
          (unsigned)g_ctx.SegSs, (unsigned)g_ctx.SegFs);
    g_calls = 0;
    int v = read_at((volatile int *)0x10);
    CHECK(g_calls == 1 && v == 0x5A5A, "read fault resumed with a value set in CONTEXT.Eax: %x", v);
    CHECK(g_rec.ExceptionInformation[0] == 0 && g_rec.ExceptionInformation[1] == 0x10,
          "read of 0x10: info %u %x", (unsigned)g_rec.ExceptionInformation[0], (unsigned)g_rec.ExceptionInformation[1]);
    g_calls = 0;
    v = read_at((volatile int *)0x80000000u);
    CHECK(g_calls == 1 && v == 0x5A5A && g_rec.ExceptionInformation[1] == 0x80000000u, "read of kernel address 0x80000000");
    CHECK(RemoveVectoredExceptionHandler(h), "RemoveVectoredExceptionHandler");
}

/* ---- resume by retrying: fix the memory protection, re-execute the same instruction ---------------- */
static BYTE *g_page;
static LONG CALLBACK veh_fix_protection(EXCEPTION_POINTERS *ep) {
    g_calls++;
    g_rec = *ep->ExceptionRecord;
    DWORD old;
    if (ep->ExceptionRecord->ExceptionCode == EXCEPTION_ACCESS_VIOLATION &&
        (BYTE *)ep->ExceptionRecord->ExceptionInformation[1] >= g_page &&
        (BYTE *)ep->ExceptionRecord->ExceptionInformation[1] < g_page + 4096) {
        VirtualProtect(g_page, 4096, PAGE_READWRITE, &old);
        return EXCEPTION_CONTINUE_EXECUTION; /* Eip unchanged: the instruction runs again */
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static void test_protect(void) {
    DWORD old;
    g_page = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    CHECK(g_page != NULL, "VirtualAlloc");
    ((volatile int *)g_page)[3] = 0x77;
    CHECK(VirtualProtect(g_page, 4096, PAGE_NOACCESS, &old) && old == PAGE_READWRITE, "VirtualProtect NOACCESS, old %x", (unsigned)old);
    PVOID h = AddVectoredExceptionHandler(1, veh_fix_protection);
    g_calls = 0;
    int v = read_at((volatile int *)(g_page + 12));
    CHECK(g_calls == 1 && v == 0x77, "read of a PAGE_NOACCESS page faults once, then succeeds: calls %d v %x", g_calls, v);
    CHECK(g_rec.ExceptionInformation[0] == 0 && g_rec.ExceptionInformation[1] == (ULONG_PTR)(g_page + 12),
          "read fault information: %u %x", (unsigned)g_rec.ExceptionInformation[0], (unsigned)g_rec.ExceptionInformation[1]);
    VirtualProtect(g_page, 4096, PAGE_READONLY, &old);
    g_calls = 0;
    write_at((volatile int *)(g_page + 16), 0x99);
    CHECK(g_calls == 1 && ((volatile int *)g_page)[4] == 0x99, "write to a PAGE_READONLY page faults once, then succeeds");
    CHECK(g_rec.ExceptionInformation[0] == 1 && g_rec.ExceptionAddress == write_at_ip, "write fault information");
    RemoveVectoredExceptionHandler(h);
    VirtualFree(g_page, 0, MEM_RELEASE);
}

/* ---- frame-based handler on FS:[0] --------------------------------------------------------------------- */
static void *g_established;
static EXCEPTION_DISPOSITION __cdecl frame_resume(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, void *dc) {
    (void)dc;
    log_c('F');
    g_rec = *rec;
    g_established = frame;
    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) return ExceptionContinueSearch;
    if (ctx->Eip == (DWORD)null_write_ip) {
        ctx->Eip = (DWORD)null_write_resume;
        return ExceptionContinueExecution;
    }
    if (ctx->Eip == (DWORD)div_zero_ip) {
        ctx->Eax = 1234;
        ctx->Eip = (DWORD)div_zero_resume;
        return ExceptionContinueExecution;
    }
    if (rec->ExceptionCode == EXCEPTION_BREAKPOINT) {
        ctx->Eip += 1;
        return ExceptionContinueExecution;
    }
    if (rec->ExceptionCode == 0xE0424242) return ExceptionContinueExecution;
    return ExceptionContinueSearch;
}
static EXCEPTION_DISPOSITION __cdecl frame_pass(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, void *dc) {
    (void)frame; (void)ctx; (void)dc;
    log_c(rec->ExceptionFlags & EXCEPTION_UNWINDING ? 'u' : 'P');
    return ExceptionContinueSearch;
}

static void test_frame(void) {
    DWORD before = get_fs0();
    volatile REG outer, inner;
    outer.prev = (REG *)get_fs0();
    outer.handler = frame_resume;
    set_fs0((DWORD)&outer);
    log_reset();
    null_write();
    CHECK(!strcmp(g_log, "F"), "frame handler called once: %s", g_log);
    CHECK(g_established == (void *)&outer, "EstablisherFrame is the registration record");
    CHECK(g_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION && g_rec.ExceptionFlags == 0, "code and flags");
    /* nested: inner passes, outer handles */
    inner.prev = (REG *)&outer;
    inner.handler = frame_pass;
    set_fs0((DWORD)&inner);
    log_reset();
    null_write();
    CHECK(!strcmp(g_log, "PF"), "inner handler first, then outer: %s", g_log);
    CHECK(get_fs0() == (DWORD)&inner, "FS:[0] unchanged after ExceptionContinueExecution");
    set_fs0((DWORD)&outer);
    set_fs0((DWORD)outer.prev);
    CHECK(get_fs0() == before, "chain restored");
}

/* ---- vectored handlers run first, in order ----------------------------------------------------------- */
static LONG CALLBACK veh_log_a(EXCEPTION_POINTERS *ep) { (void)ep; log_c('a'); return EXCEPTION_CONTINUE_SEARCH; }
static LONG CALLBACK veh_log_b(EXCEPTION_POINTERS *ep) { (void)ep; log_c('b'); return EXCEPTION_CONTINUE_SEARCH; }
static void test_veh_order(void) {
    PVOID a = AddVectoredExceptionHandler(0, veh_log_a); /* last */
    PVOID b = AddVectoredExceptionHandler(1, veh_log_b); /* first */
    volatile REG r;
    r.prev = (REG *)get_fs0();
    r.handler = frame_resume;
    set_fs0((DWORD)&r);
    log_reset();
    null_write();
    CHECK(!strcmp(g_log, "baF"), "vectored handlers (first-added-with-First=1 first) before frame handlers: %s", g_log);
    set_fs0((DWORD)r.prev);
    RemoveVectoredExceptionHandler(a);
    RemoveVectoredExceptionHandler(b);
    log_reset();
    r.prev = (REG *)get_fs0();
    set_fs0((DWORD)&r);
    null_write();
    set_fs0((DWORD)r.prev);
    CHECK(!strcmp(g_log, "F"), "removed vectored handlers are not called: %s", g_log);
}

/* ---- divide by zero, int3 ------------------------------------------------------------------------------- */
static void test_div_int3(void) {
    volatile REG r;
    r.prev = (REG *)get_fs0();
    r.handler = frame_resume;
    set_fs0((DWORD)&r);
    log_reset();
    int v = div_zero(10);
    CHECK(g_rec.ExceptionCode == EXCEPTION_INT_DIVIDE_BY_ZERO, "idiv by 0: c0000094, got %x", (unsigned)g_rec.ExceptionCode);
    CHECK(g_rec.ExceptionAddress == div_zero_ip, "divide fault address");
    CHECK(v == 1234, "resumed after the idiv with eax from CONTEXT: %d", v);
    log_reset();
    v = breakpoint();
    CHECK(g_rec.ExceptionCode == EXCEPTION_BREAKPOINT, "int3: 80000003, got %x", (unsigned)g_rec.ExceptionCode);
    CHECK(g_rec.ExceptionAddress == breakpoint_ip, "breakpoint address is the int3: %p vs %p", g_rec.ExceptionAddress, breakpoint_ip);
    CHECK(v == 7 && !strcmp(g_log, "F"), "resumed after int3 (Eip + 1)");
    set_fs0((DWORD)r.prev);
}

/* ---- RaiseException ----------------------------------------------------------------------------------------- */
static LONG CALLBACK veh_raise(EXCEPTION_POINTERS *ep) {
    g_calls++;
    g_rec = *ep->ExceptionRecord;
    if ((ep->ExceptionRecord->ExceptionCode & 0xFFFFFF00) == 0xE0424200) return EXCEPTION_CONTINUE_EXECUTION;
    return EXCEPTION_CONTINUE_SEARCH;
}
static void test_raise(void) {
    PVOID h = AddVectoredExceptionHandler(1, veh_raise);
    ULONG_PTR args[20];
    for (int i = 0; i < 20; i++) args[i] = 0x100 + i;
    g_calls = 0;
    RaiseException(0xE0424201, 0, 3, args);
    CHECK(g_calls == 1, "handler called once for RaiseException");
    CHECK(g_rec.ExceptionCode == 0xE0424201, "code");
    CHECK(g_rec.ExceptionFlags == 0, "flags 0: %x", (unsigned)g_rec.ExceptionFlags);
    CHECK(g_rec.NumberParameters == 3, "3 parameters: %u", (unsigned)g_rec.NumberParameters);
    CHECK(g_rec.ExceptionInformation[0] == 0x100 && g_rec.ExceptionInformation[1] == 0x101 &&
          g_rec.ExceptionInformation[2] == 0x102, "parameter values");
    CHECK(g_rec.ExceptionRecord == NULL, "no chained record");
    g_calls = 0;
    RaiseException(0xE0424202, 0, 20, args);
    CHECK(g_calls == 1 && g_rec.NumberParameters == EXCEPTION_MAXIMUM_PARAMETERS,
          "more than 15 parameters are cut to 15: %u", (unsigned)g_rec.NumberParameters);
    CHECK(g_rec.ExceptionInformation[14] == 0x10E, "15th parameter");
    g_calls = 0;
    RaiseException(0xE0424203, 0, 0, NULL);
    CHECK(g_calls == 1 && g_rec.NumberParameters == 0, "no parameters");
    RemoveVectoredExceptionHandler(h);
    /* through a frame handler */
    volatile REG r;
    r.prev = (REG *)get_fs0();
    r.handler = frame_resume;
    set_fs0((DWORD)&r);
    log_reset();
    RaiseException(0xE0424242, 0, 1, args);
    CHECK(!strcmp(g_log, "F") && g_rec.ExceptionCode == 0xE0424242 && g_rec.NumberParameters == 1,
          "RaiseException caught by a frame handler that continues");
    set_fs0((DWORD)r.prev);
}

/* ---- RtlUnwind: handler A unwinds frame B and jumps to a resume point -------------------------------- */
void *g_frame_a;
static DWORD g_code_a;
static int g_b_unwind_flags = -1;
EXCEPTION_DISPOSITION __cdecl handler_b(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, void *dc) {
    (void)frame; (void)ctx; (void)dc;
    if (rec->ExceptionFlags & EXCEPTION_UNWINDING) {
        log_c('u');
        g_b_unwind_flags = (int)rec->ExceptionFlags;
    } else {
        log_c('B');
    }
    return ExceptionContinueSearch;
}
EXCEPTION_DISPOSITION __cdecl handler_a(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx, void *dc) {
    (void)ctx; (void)dc;
    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) {
        log_c('x'); /* the target frame itself is not unwound */
        return ExceptionContinueSearch;
    }
    log_c('A');
    g_code_a = rec->ExceptionCode;
    RtlUnwind(frame, NULL, rec, NULL);
    log_c('R');
    CHECK(get_fs0() == (DWORD)frame, "after RtlUnwind FS:[0] is the target frame");
    __asm__ volatile("movl %0, %%esp\n\tjmp _unwind_resume" : : "r"(g_frame_a));
    __builtin_unreachable();
}
__attribute__((noinline)) void inner_b(void) {
    volatile REG rb;
    rb.prev = (REG *)get_fs0();
    rb.handler = handler_b;
    set_fs0((DWORD)&rb);
    null_write();
    set_fs0((DWORD)rb.prev);
}
static void test_unwind(void) {
    DWORD before = get_fs0();
    log_reset();
    int resumed = unwind_test();
    CHECK(resumed == 1, "execution resumed at the handler's target");
    CHECK(!strcmp(g_log, "BAuR"), "B searched, A handles, B unwound, RtlUnwind returned: %s", g_log);
    CHECK(g_b_unwind_flags == EXCEPTION_UNWINDING, "unwind flags EXCEPTION_UNWINDING (2): %d", g_b_unwind_flags);
    CHECK(g_code_a == EXCEPTION_ACCESS_VIOLATION, "handler A saw the access violation");
    CHECK(get_fs0() == before, "FS:[0] chain restored after the unwind");
    /* the chain still works afterwards */
    PVOID h = AddVectoredExceptionHandler(1, veh_resume_null);
    g_calls = 0;
    null_write();
    CHECK(g_calls == 1, "exceptions still dispatch after an unwind");
    RemoveVectoredExceptionHandler(h);
}

/* ---- exception in another thread ------------------------------------------------------------------------ */
static DWORD WINAPI thread_fault(LPVOID p) {
    (void)p;
    volatile REG r;
    r.prev = (REG *)get_fs0();
    r.handler = frame_resume;
    set_fs0((DWORD)&r);
    null_write();
    set_fs0((DWORD)r.prev);
    return 55;
}
static void test_thread(void) {
    log_reset();
    DWORD main_fs0 = get_fs0();
    HANDLE h = CreateThread(NULL, 0, thread_fault, NULL, 0, NULL);
    CHECK(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "thread ends");
    DWORD code = 0;
    GetExitCodeThread(h, &code);
    CHECK(code == 55 && !strcmp(g_log, "F"), "fault in a second thread handled by that thread's frame: %s", g_log);
    CHECK(get_fs0() == main_fs0, "main thread's chain untouched");
    CloseHandle(h);
}

/* ---- unhandled-exception filter ---------------------------------------------------------------------------- */
static LONG WINAPI filter_continue(EXCEPTION_POINTERS *ep) {
    out("filter called: code %x\n", (unsigned)ep->ExceptionRecord->ExceptionCode);
    if (ep->ContextRecord->Eip == (DWORD)null_write_ip) {
        ep->ContextRecord->Eip = (DWORD)null_write_resume;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}
static LONG WINAPI filter_exit(EXCEPTION_POINTERS *ep) {
    out("filter called: code %x, executing handler\n", (unsigned)ep->ExceptionRecord->ExceptionCode);
    return EXCEPTION_EXECUTE_HANDLER;
}
static void test_filter(void) {
    LPTOP_LEVEL_EXCEPTION_FILTER prev = SetUnhandledExceptionFilter(filter_continue);
    null_write();
    out("after the filter\n");
    CHECK(SetUnhandledExceptionFilter(prev) == filter_continue, "SetUnhandledExceptionFilter returns the previous filter");
}
static void test_filter_exit(void) {
    SetUnhandledExceptionFilter(filter_exit);
    null_write();
    out("not reached\n");
}
static void test_crash(void) {
    out("about to crash\n");
    null_write();
    out("not reached\n");
}

struct test { const char *name; void (*fn)(void); int ends_process; };
static const struct test tests[] = {
    {"veh_av", test_veh_av, 0}, {"protect", test_protect, 0}, {"frame", test_frame, 0},
    {"veh_order", test_veh_order, 0}, {"div_int3", test_div_int3, 0}, {"raise", test_raise, 0},
    {"unwind", test_unwind, 0}, {"thread", test_thread, 0}, {"filter", test_filter, 0},
    {"filter_exit", test_filter_exit, 1}, {"crash", test_crash, 1},
};

int main_nocrt(int argc, char **argv) {
    int total = 0;
    for (unsigned i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        int run = argc < 2 && !tests[i].ends_process;
        for (int a = 1; a < argc; a++)
            if (!strcmp(argv[a], tests[i].name)) run = 1;
        if (!run) continue;
        LONG before = g_failures;
        tests[i].fn();
        out("%s: %s\n", tests[i].name, g_failures == before ? "ok" : "FAILED");
        total++;
    }
    if (!total) {
        out("no such test\n");
        return 100;
    }
    return g_failures;
}
