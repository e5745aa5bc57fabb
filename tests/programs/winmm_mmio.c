/* mmio test program: parses WAV files with mmioDescend/mmioAscend/mmioRead (a file with its chunks in an odd
 * order, and a memory file), writes a RIFF file with mmioCreateChunk (one chunk written straight into the I/O
 * buffer with mmioGetInfo/mmioAdvance/mmioSetInfo) and reads it back, buffered and unbuffered. Prints the values;
 * the test compares them and the bytes of the written file.
 *
 * Build: i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o winmm_mmio.exe winmm_mmio.c -lwinmm
 *
 * Usage: winmm_mmio DIR   (DIR holds winmm_res.wav and winmm_mem.wav; out.riff is written in the current folder)
 */
#include <windows.h>
#include <mmsystem.h>
#include <stdio.h>
#include <string.h>

static char path[MAX_PATH];

static const char *fcc(FOURCC f) {
    static char s[4][5];
    static int k;
    char *p = s[k++ & 3];
    memcpy(p, &f, 4);
    p[4] = 0;
    return p;
}

/* descend into RIFF WAVE, find fmt and data; print the format, the data size and the first samples */
static void parse_wave(const char *tag, HMMIO h) {
    MMCKINFO riff, ck;
    PCMWAVEFORMAT pcm;
    short first[4];
    memset(&riff, 0, sizeof riff);
    riff.fccType = mmioFOURCC('W', 'A', 'V', 'E');
    MMRESULT r = mmioDescend(h, &riff, NULL, MMIO_FINDRIFF);
    printf("%s riff r=%u size=%lu off=%lu\n", tag, r, riff.cksize, riff.dwDataOffset);
    ck.ckid = mmioFOURCC('f', 'm', 't', ' ');
    r = mmioDescend(h, &ck, &riff, MMIO_FINDCHUNK);
    LONG n = mmioRead(h, (HPSTR)&pcm, sizeof pcm);
    printf("%s fmt r=%u size=%lu off=%lu read=%ld tag=%u ch=%u rate=%lu avg=%lu align=%u bits=%u\n", tag, r,
           ck.cksize, ck.dwDataOffset, n, pcm.wf.wFormatTag, pcm.wf.nChannels, pcm.wf.nSamplesPerSec,
           pcm.wf.nAvgBytesPerSec, pcm.wf.nBlockAlign, pcm.wBitsPerSample);
    r = mmioAscend(h, &ck, 0);
    LONG pos = mmioSeek(h, 0, SEEK_CUR);
    printf("%s ascend r=%u pos=%ld\n", tag, r, pos);
    ck.ckid = mmioFOURCC('d', 'a', 't', 'a');
    r = mmioDescend(h, &ck, &riff, MMIO_FINDCHUNK);
    n = mmioRead(h, (HPSTR)first, sizeof first);
    printf("%s data r=%u size=%lu off=%lu read=%ld first=%d,%d,%d,%d\n", tag, r, ck.cksize, ck.dwDataOffset, n,
           first[0], first[1], first[2], first[3]);
    mmioAscend(h, &ck, 0);
    ck.ckid = mmioFOURCC('z', 'z', 'z', 'z');
    r = mmioDescend(h, &ck, &riff, MMIO_FINDCHUNK);
    printf("%s missing r=%u\n", tag, r);
}

static void write_riff(void) {
    MMIOINFO info;
    MMCKINFO riff, ck, list, sub;
    MMRESULT r;
    HMMIO h = mmioOpenA("out.riff", NULL, MMIO_CREATE | MMIO_WRITE | MMIO_ALLOCBUF);
    printf("create h=%d\n", h != NULL);
    riff.fccType = mmioFOURCC('T', 'E', 'S', 'T');
    riff.cksize = 0;
    printf("createriff r=%u\n", mmioCreateChunk(h, &riff, MMIO_CREATERIFF));
    ck.ckid = mmioFOURCC('o', 'd', 'd', ' ');
    ck.cksize = 0;
    mmioCreateChunk(h, &ck, 0);
    printf("write=%ld\n", mmioWrite(h, "hello", 5));
    r = mmioAscend(h, &ck, 0);
    printf("ascend_odd r=%u size=%lu\n", r, ck.cksize);
    list.fccType = mmioFOURCC('L', 'S', 'T', '1');
    list.cksize = 0;
    mmioCreateChunk(h, &list, MMIO_CREATELIST);
    sub.ckid = mmioFOURCC('x', 'y', 'z', ' ');
    sub.cksize = 0;
    mmioCreateChunk(h, &sub, 0);
    mmioWrite(h, "abc", 3);
    mmioAscend(h, &sub, 0);
    mmioAscend(h, &list, 0);
    /* 20000 bytes written straight into the 8 KB I/O buffer */
    ck.ckid = mmioFOURCC('b', 'u', 'f', ' ');
    ck.cksize = 0;
    mmioCreateChunk(h, &ck, 0);
    mmioGetInfo(h, &info, 0);
    int advances = 0;
    for (int i = 0; i < 20000; i++) {
        if (info.pchNext == info.pchEndWrite) {
            info.dwFlags |= MMIO_DIRTY;
            if (mmioAdvance(h, &info, MMIO_WRITE) != 0) { printf("advance failed\n"); break; }
            advances++;
        }
        *info.pchNext++ = (char)(i * 7);
    }
    info.dwFlags |= MMIO_DIRTY;
    printf("setinfo r=%u advances=%d buffer=%ld\n", mmioSetInfo(h, &info, 0), advances, info.cchBuffer);
    r = mmioAscend(h, &ck, 0);
    printf("ascend_buf r=%u size=%lu\n", r, ck.cksize);
    r = mmioAscend(h, &riff, 0);
    printf("ascend_riff r=%u size=%lu\n", r, riff.cksize);
    printf("end=%ld\n", mmioSeek(h, 0, SEEK_END));
    printf("close r=%u\n", mmioClose(h, 0));
}

static void read_riff(void) {
    MMIOINFO info;
    MMCKINFO riff, ck;
    char buf[8];
    /* unbuffered: walk the top-level chunks */
    HMMIO h = mmioOpenA("out.riff", NULL, MMIO_READ);
    riff.fccType = 0;
    mmioDescend(h, &riff, NULL, 0);
    printf("read riff=%s type=%s size=%lu\n", fcc(riff.ckid), fcc(riff.fccType), riff.cksize);
    while (mmioDescend(h, &ck, &riff, 0) == 0) {
        LONG n = mmioRead(h, buf, ck.cksize < 8 ? ck.cksize : 8);
        buf[n < 8 ? n : 7] = 0;
        printf("chunk %s size=%lu type=%s off=%lu data=%s\n", fcc(ck.ckid), ck.cksize,
               ck.fccType ? fcc(ck.fccType) : "-", ck.dwDataOffset, ck.ckid == mmioFOURCC('b','u','f',' ') ? "" : buf);
        mmioAscend(h, &ck, 0);
    }
    memset(&info, 0, sizeof info);
    printf("advance_unbuffered r=%u\n", mmioAdvance(h, &info, MMIO_READ));
    mmioClose(h, 0);
    /* buffered with a 1000-byte buffer: read the 'buf ' chunk through mmioGetInfo / mmioAdvance */
    memset(&info, 0, sizeof info);
    info.cchBuffer = 1000;
    h = mmioOpenA("out.riff", &info, MMIO_READ | MMIO_ALLOCBUF);
    riff.fccType = mmioFOURCC('T', 'E', 'S', 'T');
    mmioDescend(h, &riff, NULL, MMIO_FINDRIFF);
    ck.ckid = mmioFOURCC('b', 'u', 'f', ' ');
    mmioDescend(h, &ck, &riff, MMIO_FINDCHUNK);
    mmioGetInfo(h, &info, 0);
    int bad = 0, advances = 0;
    for (int i = 0; i < (int)ck.cksize; i++) {
        if (info.pchNext == info.pchEndRead) {
            mmioAdvance(h, &info, MMIO_READ);
            advances++;
            if (info.pchNext == info.pchEndRead) { printf("early end at %d\n", i); break; }
        }
        if (*info.pchNext++ != (char)(i * 7)) bad++;
    }
    mmioSetInfo(h, &info, 0);
    LONG pos = mmioSeek(h, 0, SEEK_CUR);
    printf("buffered size=%lu bad=%d advances=%d cch=%ld pos=%ld\n", ck.cksize, bad, advances, info.cchBuffer, pos);
    mmioClose(h, 0);
}

static void memory_file(void) {
    static char image[40000];
    MMIOINFO info;
    FILE *f = fopen(path, "rb");
    size_t n = fread(image, 1, sizeof image, f);
    fclose(f);
    memset(&info, 0, sizeof info);
    info.fccIOProc = FOURCC_MEM;
    info.pchBuffer = image;
    info.cchBuffer = n;
    HMMIO h = mmioOpenA(NULL, &info, MMIO_READ);
    printf("mem open=%d size=%lu\n", h != NULL, (unsigned long)n);
    parse_wave("mem", h);
    mmioClose(h, 0);
    /* an expandable memory file that mmio allocates (adwInfo[0]: grow by 1024 bytes) */
    memset(&info, 0, sizeof info);
    info.fccIOProc = FOURCC_MEM;
    info.cchBuffer = 100;
    info.adwInfo[0] = 1024;
    h = mmioOpenA(NULL, &info, MMIO_READWRITE | MMIO_CREATE);
    LONG w = 0;
    for (int i = 0; i < 30; i++) w += mmioWrite(h, "0123456789", 10);
    mmioSeek(h, 295, SEEK_SET);
    char tail[6] = {0};
    mmioRead(h, tail, 5);
    mmioGetInfo(h, &info, 0);
    printf("grow written=%ld tail=%s cch=%ld\n", w, tail, info.cchBuffer);
    mmioClose(h, 0);
    /* a fixed memory file cannot grow */
    static char small[16];
    memset(&info, 0, sizeof info);
    info.fccIOProc = FOURCC_MEM;
    info.pchBuffer = small;
    info.cchBuffer = sizeof small;
    h = mmioOpenA(NULL, &info, MMIO_READWRITE);
    printf("fixed written=%ld\n", mmioWrite(h, "abcdefghijklmnopqrstuvwxyz", 26));
    mmioClose(h, 0);
}

int main(int argc, char **argv) {
    MMIOINFO info;
    const char *dir = argc > 1 ? argv[1] : ".";
    snprintf(path, sizeof path, "%s\\winmm_res.wav", dir);
    HMMIO h = mmioOpenA(path, NULL, MMIO_READ | MMIO_ALLOCBUF);
    printf("open=%d\n", h != NULL);
    parse_wave("file", h);
    mmioClose(h, 0);
    write_riff();
    read_riff();
    snprintf(path, sizeof path, "%s\\winmm_mem.wav", dir);
    memory_file();
    /* names and errors */
    printf("fourcc upper=%s pad=[%s] w=%s\n", fcc(mmioStringToFOURCCA("wave", MMIO_TOUPPER)),
           fcc(mmioStringToFOURCCA("ab", 0)), fcc(mmioStringToFOURCCW(L"RIFFXX", 0)));
    memset(&info, 0, sizeof info);
    h = mmioOpenA("no_such.wav", &info, MMIO_READ);
    printf("missing h=%d err=%u\n", h != NULL, info.wErrorRet);
    printf("exist=%d not=%d\n", mmioOpenA("out.riff", NULL, MMIO_EXIST) != NULL,
           mmioOpenA("no_such.wav", NULL, MMIO_EXIST) != NULL);
    char name[MAX_PATH] = "out.riff";
    printf("parse=%d name=%s\n", mmioOpenA(name, NULL, MMIO_PARSE) != NULL, name);
    printf("done\n");
    return 0;
}
