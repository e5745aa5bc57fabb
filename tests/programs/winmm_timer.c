/* Multimedia timer test program: timeSetEvent periodic and one-shot timers with callback functions and events
 * (TIME_CALLBACK_EVENT_SET / _PULSE), timeKillEvent (also from inside the callback), error paths. Prints counts
 * and the guest times (ms after the timer was set) at which events arrived.
 *
 * Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o winmm_timer.exe winmm_timer.c -lwinmm
 */
#include <windows.h>
#include <mmsystem.h>
#include <stdio.h>

static volatile LONG count;
static DWORD t0, times[256], main_tid, cb_tid, bad_args;
static UINT self_id;

static void CALLBACK tick(UINT id, UINT msg, DWORD_PTR user, DWORD_PTR dw1, DWORD_PTR dw2) {
    if (user != 0x1234 || msg != 0 || dw1 != 0 || dw2 != 0) bad_args++;
    if (count < 256) times[count] = timeGetTime() - t0;
    cb_tid = GetCurrentThreadId();
    InterlockedIncrement(&count);
}

static void CALLBACK self_kill(UINT id, UINT msg, DWORD_PTR user, DWORD_PTR dw1, DWORD_PTR dw2) {
    if (++count == 3) printf("selfkill r=%u same_id=%d\n", timeKillEvent(id), id == self_id);
}

int main(void) {
    main_tid = GetCurrentThreadId();
    TIMECAPS tc;
    MMRESULT cr = timeGetDevCaps(&tc, sizeof tc);
    printf("caps r=%u min=%u max=%u\n", cr, tc.wPeriodMin, tc.wPeriodMax);

    /* periodic, 10 ms, for one second */
    t0 = timeGetTime();
    UINT id = timeSetEvent(10, 1, tick, 0x1234, TIME_PERIODIC | TIME_CALLBACK_FUNCTION);
    Sleep(1000);
    LONG n = count;
    UINT k = timeKillEvent(id);
    Sleep(100);
    printf("periodic id=%d count=%ld after_kill=%ld kill=%u first=%lu,%lu,%lu last=%lu bad_args=%lu "
           "other_thread=%d\n", id != 0, n, count - n, k, times[0], times[1], times[2], times[n - 1],
           bad_args, cb_tid != 0 && cb_tid != main_tid);

    /* one-shot, 50 ms */
    count = 0;
    t0 = timeGetTime();
    id = timeSetEvent(50, 0, tick, 0x1234, TIME_ONESHOT);
    Sleep(200);
    printf("oneshot count=%ld at=%lu kill_after=%u\n", count, times[0], timeKillEvent(id));

    /* a one-shot timer killed before it fires */
    count = 0;
    id = timeSetEvent(50, 0, tick, 0x1234, TIME_ONESHOT);
    Sleep(20);
    k = timeKillEvent(id);
    Sleep(100);
    printf("killed_early kill=%u count=%ld\n", k, count);

    /* TIME_CALLBACK_EVENT_SET, periodic 30 ms: five waits */
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    t0 = timeGetTime();
    id = timeSetEvent(30, 0, (LPTIMECALLBACK)ev, 0, TIME_PERIODIC | TIME_CALLBACK_EVENT_SET);
    printf("event_set");
    for (int i = 0; i < 5; i++) {
        DWORD w = WaitForSingleObject(ev, 1000);
        printf(" %lu:%lu", w, timeGetTime() - t0);
    }
    printf("\n");
    timeKillEvent(id);

    /* TIME_CALLBACK_EVENT_PULSE on a manual-reset event: the waiter is released, the event stays unsignalled */
    HANDLE mev = CreateEventA(NULL, TRUE, FALSE, NULL);
    t0 = timeGetTime();
    id = timeSetEvent(40, 0, (LPTIMECALLBACK)mev, 0, TIME_ONESHOT | TIME_CALLBACK_EVENT_PULSE);
    DWORD w1 = WaitForSingleObject(mev, 100);
    DWORD dt = timeGetTime() - t0;
    printf("pulse wait=%lu at=%lu after=%lu\n", w1, dt, WaitForSingleObject(mev, 0));

    /* a callback that kills its own timer on the third call */
    count = 0;
    self_id = timeSetEvent(20, 0, self_kill, 0, TIME_PERIODIC);
    Sleep(200);
    printf("selfkill count=%ld\n", count);

    /* errors */
    printf("errors zero=%u huge=%u badevent=%u kill_unknown=%u\n", timeSetEvent(0, 0, tick, 0, TIME_ONESHOT),
           timeSetEvent(2000000, 0, tick, 0, TIME_ONESHOT),
           timeSetEvent(10, 0, (LPTIMECALLBACK)0x1234, 0, TIME_ONESHOT | TIME_CALLBACK_EVENT_SET),
           timeKillEvent(12345));
    printf("done\n");
    return 0;
}
