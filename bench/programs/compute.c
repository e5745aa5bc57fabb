/* Compute-bound kernel for exeplay's benchmark: CRC-32, an LZ77 compressor/decompressor with hash
 * chains, and a sieve of Eratosthenes, all integer-only and deterministic. Prints a checksum and
 * the time spent in the kernel (measured by the program itself, so process start-up is excluded).
 *
 * Built twice from this one file:
 *   Linux:   gcc -O2 -o compute compute.c                       (uses libc)
 *   Windows: i686-w64-mingw32-gcc -O2 -nostdlib -e _start ...   (CRT-free: kernel32 only)
 * Usage: compute [ROUNDS]   (default 32: about 1 s natively)
 */
#include "bench.h"

#define BUF (1 << 20)
#define HASH_BITS 15
#define WINDOW (1 << 15)
#define SIEVE_N 8000000

static unsigned char text[BUF];
static unsigned char packed[BUF + BUF / 8 + 64];
static unsigned char unpacked[BUF];
static int head[1 << HASH_BITS];
static int prev_[WINDOW];
static unsigned char sieve[SIEVE_N];
static unsigned crc_table[256];

static void crc_init(void) {
    for (unsigned i = 0; i < 256; i++) {
        unsigned c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static unsigned crc32(const unsigned char *p, int n, unsigned crc) {
    crc = ~crc;
    for (int i = 0; i < n; i++) crc = crc_table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

/* Compressible pseudo-text: words drawn from a small vocabulary by an LCG. */
static void make_text(unsigned seed) {
    static const char *words[] = {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog ",
                                  "lorem ", "ipsum ", "dolor ", "sit ", "amet ", "exeplay ", "unicorn ", "x86 ",
                                  "0123 ", "\n", "alpha ", "beta ", "gamma ", "delta ", "kernel32 ", "win32 "};
    unsigned s = seed;
    int i = 0;
    while (i < BUF) {
        s = s * 1103515245u + 12345u;
        const char *w = words[(s >> 16) % 24];
        while (*w && i < BUF) text[i++] = (unsigned char)*w++;
        if (((s >> 8) & 63) == 0 && i < BUF) text[i++] = (unsigned char)(s >> 24);
    }
}

/* LZ77: tokens are a flag byte per 8 items; literal = 1 byte, match = 3 bytes (12-bit len-3 | 20-bit dist... packed). */
static int lz_compress(const unsigned char *in, int n, unsigned char *out) {
    for (int i = 0; i < (1 << HASH_BITS); i++) head[i] = -1;
    int o = 0, i = 0;
    int flagpos = o++, nitems = 0;
    out[flagpos] = 0;
    while (i < n) {
        int best_len = 0, best_dist = 0;
        if (i + 3 <= n) {
            unsigned h = ((in[i] << 10) ^ (in[i + 1] << 5) ^ in[i + 2]) & ((1 << HASH_BITS) - 1);
            int cand = head[h], chain = 16;
            while (cand >= 0 && i - cand < WINDOW && chain-- > 0) {
                int l = 0, maxl = n - i < 258 ? n - i : 258;
                while (l < maxl && in[cand + l] == in[i + l]) l++;
                if (l > best_len) { best_len = l; best_dist = i - cand; }
                cand = prev_[cand & (WINDOW - 1)];
            }
            prev_[i & (WINDOW - 1)] = head[h];
            head[h] = i;
        }
        if (best_len >= 3) {
            out[flagpos] |= (unsigned char)(1 << nitems);
            out[o++] = (unsigned char)(best_len - 3);
            out[o++] = (unsigned char)(best_dist & 0xFF);
            out[o++] = (unsigned char)(best_dist >> 8);
            for (int k = 1; k < best_len; k++) {  /* insert skipped positions into the chains */
                int j = i + k;
                if (j + 3 <= n) {
                    unsigned h = ((in[j] << 10) ^ (in[j + 1] << 5) ^ in[j + 2]) & ((1 << HASH_BITS) - 1);
                    prev_[j & (WINDOW - 1)] = head[h];
                    head[h] = j;
                }
            }
            i += best_len;
        } else {
            out[o++] = in[i++];
        }
        if (++nitems == 8) { flagpos = o++; out[flagpos] = 0; nitems = 0; }
    }
    return o;
}

static int lz_decompress(const unsigned char *in, int n, unsigned char *out) {
    int i = 0, o = 0;
    while (i < n) {
        unsigned flags = in[i++];
        for (int k = 0; k < 8 && i < n; k++) {
            if (flags & (1u << k)) {
                int len = in[i] + 3, dist = in[i + 1] | (in[i + 2] << 8);
                i += 3;
                for (int j = 0; j < len; j++, o++) out[o] = out[o - dist];
            } else {
                out[o++] = in[i++];
            }
        }
    }
    return o;
}

static unsigned sieve_primes(int n) {
    for (int i = 0; i < n; i++) sieve[i] = 1;
    sieve[0] = sieve[1] = 0;
    for (int i = 2; (long long)i * i < n; i++)
        if (sieve[i])
            for (int j = i * i; j < n; j += i) sieve[j] = 0;
    unsigned count = 0, sum = 0;
    for (int i = 0; i < n; i++)
        if (sieve[i]) { count++; sum += (unsigned)i; }
    return count * 2654435761u ^ sum;
}

BENCH_MAIN(args) {
    int rounds = bench_arg_int(args, 1, 32);
    unsigned long long t0 = bench_now_us(), t, crc_us = 0, lz_us = 0, sieve_us;
    unsigned check = 0;
    crc_init();
    for (int r = 0; r < rounds; r++) {
        make_text(1234u + (unsigned)r);
        t = bench_now_us();
        unsigned c1 = crc32(text, BUF, 0);
        crc_us += bench_now_us() - t;
        t = bench_now_us();
        int plen = lz_compress(text, BUF, packed);
        int ulen = lz_decompress(packed, plen, unpacked);
        lz_us += bench_now_us() - t;
        t = bench_now_us();
        unsigned c2 = crc32(unpacked, ulen, 0);
        crc_us += bench_now_us() - t;
        if (ulen != BUF || c1 != c2) {
            bench_puts("compute: round trip FAILED\n");
            bench_exit(1);
        }
        check = (check * 31u) ^ c1 ^ (unsigned)plen ^ crc32(packed, plen, check);
    }
    t = bench_now_us();
    check ^= sieve_primes(SIEVE_N);
    sieve_us = bench_now_us() - t;
    unsigned long long t1 = bench_now_us();
    bench_puts("checksum ");
    bench_put_hex(check);
    bench_puts(" kernel_us ");
    bench_put_u64(t1 - t0);
    bench_puts(" crc_us ");
    bench_put_u64(crc_us);
    bench_puts(" lz_us ");
    bench_put_u64(lz_us);
    bench_puts(" sieve_us ");
    bench_put_u64(sieve_us);
    bench_puts("\n");
    bench_exit(0);
}
