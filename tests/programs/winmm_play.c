/* PlaySound / sndPlaySound test program: plays a sequence of sounds (files, WAVE resources, a memory image,
 * system aliases), sync and async, a loop stopped after 700 ms, and the error paths. It prints, for each
 * step, the call's result, the guest time it took (ms) and when it started (at, timeGetTime); the test records
 * the mixed sound (--deterministic --audio-out) and finds each sound in it.
 *
 * Build: i686-w64-mingw32-windres winmm_play.rc -O coff -o winmm_play_res.o &&
 *        i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o winmm_play.exe winmm_play.c \
 *        winmm_play_res.o -lwinmm
 * (winmm_play.rc embeds winmm_res.wav and winmm_mem.wav, written by winmm_make_wavs.py)
 */
#include <windows.h>
#include <mmsystem.h>
#include <stdio.h>
#include <string.h>

static DWORD at;

#define STEP(name, call) do { at = timeGetTime(); BOOL r_ = (call); \
    printf("%s r=%d ms=%lu at=%lu\n", name, r_, (unsigned long)(timeGetTime() - at), (unsigned long)at); \
    fflush(stdout); } while (0)

static DWORD WINAPI stopper(LPVOID p) {
    Sleep(100);
    PlaySoundA(NULL, NULL, 0);
    return 0;
}

static const void *wave_resource(const char *name) {
    HRSRC r = FindResourceA(NULL, name, "WAVE");
    return r ? LockResource(LoadResource(NULL, r)) : NULL;
}

int main(void) {
    HMODULE self = GetModuleHandleA(NULL);
    const void *mem = wave_resource("MEMWAV");

    /* 1-3: synchronous file, resource (by id), memory image */
    STEP("file_sync", PlaySoundA("winmm_file.wav", NULL, SND_FILENAME));
    Sleep(100);
    STEP("resource_id", PlaySoundA(MAKEINTRESOURCEA(101), self, SND_RESOURCE));
    Sleep(100);
    STEP("memory", sndPlaySoundA((LPCSTR)mem, SND_MEMORY));
    Sleep(100);
    /* 4: asynchronous */
    STEP("file_async", PlaySoundA("winmm_file.wav", NULL, SND_FILENAME | SND_ASYNC));
    Sleep(500);
    /* 5: a loop of the 200 ms resource (by name), stopped after 700 ms */
    STEP("loop", PlaySoundA("TONE", self, SND_RESOURCE | SND_ASYNC | SND_LOOP));
    Sleep(700);
    STEP("stop", PlaySoundA(NULL, NULL, 0));
    Sleep(200);
    /* 6-8: system sounds */
    STEP("alias", PlaySoundA("SystemAsterisk", NULL, SND_ALIAS));
    Sleep(100);
    STEP("alias_id", PlaySoundA((LPCSTR)SND_ALIAS_SYSTEMHAND, NULL, SND_ALIAS_ID));
    Sleep(100);
    STEP("snd_alias", sndPlaySoundA("SystemExclamation", SND_SYNC));
    Sleep(100);
    /* 9: a missing file plays the default sound */
    STEP("default", PlaySoundA("missing.wav", NULL, SND_FILENAME));
    Sleep(100);
    /* 10: a synchronous sound stopped by another thread after 100 ms */
    HANDLE th = CreateThread(NULL, 0, stopper, NULL, 0, NULL);
    STEP("stopped", PlaySoundW(L"winmm_file.wav", NULL, SND_FILENAME));
    WaitForSingleObject(th, INFINITE);
    Sleep(100);
    /* 11: SND_NOSTOP while a sound plays, then SND_PURGE after 50 ms */
    STEP("nostop_first", PlaySoundA("winmm_file.wav", NULL, SND_FILENAME | SND_ASYNC));
    STEP("nostop", PlaySoundA("SystemAsterisk", NULL, SND_ALIAS | SND_ASYNC | SND_NOSTOP));
    Sleep(50);
    STEP("purge", PlaySoundA(NULL, NULL, SND_PURGE));
    Sleep(100);
    /* silent error paths */
    STEP("missing_nodefault", PlaySoundA("missing.wav", NULL, SND_FILENAME | SND_NODEFAULT));
    STEP("missing_resource", PlaySoundA(MAKEINTRESOURCEA(999), self, SND_RESOURCE | SND_NODEFAULT));
    STEP("unknown_alias", PlaySoundA("NoSuchAlias", NULL, SND_ALIAS | SND_NODEFAULT));
    {
        /* an IMA ADPCM image: not PCM, refused */
        static unsigned char adpcm[64];
        memcpy(adpcm, "RIFF", 4); *(DWORD *)(adpcm + 4) = 56; memcpy(adpcm + 8, "WAVEfmt ", 8);
        *(DWORD *)(adpcm + 16) = 20; *(WORD *)(adpcm + 20) = 0x11; *(WORD *)(adpcm + 22) = 1;
        *(DWORD *)(adpcm + 24) = 22050; *(WORD *)(adpcm + 32) = 256; *(WORD *)(adpcm + 34) = 4;
        memcpy(adpcm + 40, "data", 4); *(DWORD *)(adpcm + 44) = 16;
        STEP("adpcm", PlaySoundA((LPCSTR)adpcm, NULL, SND_MEMORY | SND_NODEFAULT));
    }
    STEP("null_stop", sndPlaySoundA(NULL, 0));
    printf("done\n");
    return 0;
}
