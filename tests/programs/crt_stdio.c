/* crt_stdio: C stdio and string functions (mingw + msvcrt).
 *   crt_stdio files    fopen/fprintf/fputs/fgets/fread/fwrite/fseek/ftell/rename/remove in the current
 *                      directory; leaves text.txt (text mode: CRLF on disk) and bin.dat for the test
 *   crt_stdio format   printf/sprintf/sscanf/strtol/qsort/bsearch results, one per line
 *   crt_stdio upper    copies stdin to stdout in upper case with fgets/fputs, then prints the line count
 * Exit code: the number of failed checks. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>

static int failures;
#define CHECK(c, ...) do { if (!(c)) { printf("FAIL line %d: ", __LINE__); printf(__VA_ARGS__); printf("\n"); failures++; } } while (0)

static int files(void) {
    FILE *f = fopen("text.txt", "w");
    CHECK(f != NULL, "fopen w");
    if (!f) return failures;
    for (int i = 1; i <= 5; i++) fprintf(f, "line %d of %d: %s\n", i, 5, i % 2 ? "odd" : "even");
    fputs("last line without newline", f);
    CHECK(fclose(f) == 0, "fclose");
    f = fopen("text.txt", "r");
    char line[128];
    int n = 0;
    while (fgets(line, sizeof(line), f)) {
        n++;
        if (n == 2) CHECK(!strcmp(line, "line 2 of 5: even\n"), "text mode strips CR: [%s]", line);
    }
    CHECK(n == 6, "6 lines read: %d", n);
    CHECK(feof(f) && !ferror(f), "feof after the last line");
    fclose(f);
    f = fopen("text.txt", "rb");
    fgets(line, sizeof(line), f);
    CHECK(!strcmp(line, "line 1 of 5: odd\r\n"), "binary mode sees CRLF on disk");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    CHECK(size == 117, "file size on disk 117 (5 CRLF lines + 25): %ld", size);
    fclose(f);
    f = fopen("text.txt", "a");
    fprintf(f, "\nappended\n");
    fclose(f);
    f = fopen("text.txt", "r");
    n = 0;
    while (fgets(line, sizeof(line), f)) n++;
    CHECK(n == 7 && !strcmp(line, "appended\n"), "append mode adds at the end: %d [%s]", n, line);
    fclose(f);

    /* binary data */
    static unsigned char data[100000], back[100000];
    for (int i = 0; i < (int)sizeof(data); i++) data[i] = (unsigned char)(i * 131 + (i >> 8));
    f = fopen("bin.dat", "wb");
    CHECK(fwrite(data, 1, sizeof(data), f) == sizeof(data), "fwrite 100000");
    fclose(f);
    f = fopen("bin.dat", "rb");
    CHECK(fread(back, 1, sizeof(back), f) == sizeof(back) && !memcmp(data, back, sizeof(data)), "fread back");
    CHECK(fseek(f, 5000, SEEK_SET) == 0 && ftell(f) == 5000, "fseek/ftell");
    CHECK(fgetc(f) == data[5000], "fgetc after fseek");
    CHECK(fseek(f, -10, SEEK_END) == 0 && fread(back, 1, 100, f) == 10, "short fread at the end");
    rewind(f);
    CHECK(fgetc(f) == data[0], "rewind");
    fclose(f);

    /* update mode */
    f = fopen("upd.txt", "w+");
    fputs("abcdef", f);
    fseek(f, 2, SEEK_SET);
    fputc('X', f);
    fseek(f, 0, SEEK_SET);
    CHECK(fgets(line, sizeof(line), f) && !strcmp(line, "abXdef"), "w+ read after write: %s", line);
    fclose(f);
    CHECK(rename("upd.txt", "renamed.txt") == 0, "rename");
    CHECK(fopen("upd.txt", "r") == NULL && errno == ENOENT, "renamed file is gone: errno %d", errno);
    CHECK(remove("renamed.txt") == 0, "remove");
    CHECK(remove("renamed.txt") != 0, "remove a missing file fails");
    errno = 0;
    CHECK(fopen("no_such_dir\\x.txt", "r") == NULL && errno == ENOENT, "fopen missing: ENOENT, errno %d", errno);
    printf("crt_stdio files: %d failures\n", failures);
    return failures;
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static int format(void) {
    char buf[256];
    printf("int: [%d] [%5d] [%-5d] [%05d] [%+d] [%u]\n", -42, 42, 42, 42, 42, 3000000000u);
    printf("hex: [%x] [%X] [%08x] [%#x] [%o]\n", 0xbeef, 0xbeef, 0xbeef, 255, 8);
    printf("str: [%s] [%10s] [%-10s] [%.3s] [%c]\n", "abc", "right", "left", "truncate", 'Z');
    printf("float: [%.2f] [%8.3f] [%f] [%.0f] [%g]\n", 3.14159, -2.5, 1.0 / 3.0, 2.6, 0.0001);
    printf("percent: [%%]\n");
    sprintf(buf, "%s-%d-%x", "sp", 7, 255);
    printf("sprintf: [%s]\n", buf);
    int a = 0, b = 0;
    char w[32];
    int got = sscanf("12 34 word", "%d %d %31s", &a, &b, w);
    printf("sscanf: %d %d %d %s\n", got, a, b, w);
    char *end;
    printf("strtol: %ld %ld %ld %lu\n", strtol("-123abc", &end, 10), strtol("ff", NULL, 16), strtol("0x10", NULL, 0),
           strtoul("4294967295", NULL, 10));
    printf("rest: [%s]\n", end);
    printf("atoi: %d atof: %.3f\n", atoi("  77"), atof("2.718"));
    int arr[] = {5, 3, 9, 1, 7, 2, 8};
    qsort(arr, 7, sizeof(int), cmp_int);
    printf("qsort:");
    for (int i = 0; i < 7; i++) printf(" %d", arr[i]);
    printf("\n");
    int key = 7;
    int *hit = bsearch(&key, arr, 7, sizeof(int), cmp_int);
    printf("bsearch: %d\n", hit ? (int)(hit - arr) : -1);
    printf("string: %d %d %d %s\n", (int)strlen("hello"), strcmp("a", "b") < 0, strncmp("abcd", "abce", 3),
           strstr("haystack", "st"));
    strcpy(buf, "con");
    strcat(buf, "cat");
    printf("strcat: %s toupper: %c memcmp: %d\n", buf, toupper('q'), memcmp("ab", "ab", 2));
    return 0;
}

static int upper(void) {
    char line[1024];
    int n = 0;
    while (fgets(line, sizeof(line), stdin)) {
        for (char *p = line; *p; p++) *p = (char)toupper((unsigned char)*p);
        fputs(line, stdout);
        n++;
    }
    printf("%d lines\n", n);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "files")) return files();
    if (argc > 1 && !strcmp(argv[1], "format")) return format();
    if (argc > 1 && !strcmp(argv[1], "upper")) return upper();
    printf("usage: crt_stdio files|format|upper\n");
    return 2;
}
