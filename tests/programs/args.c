/* args: prints argc, each argv[i] (as text and as hex bytes) and the raw command line, so the test
 * can check how the C runtime split the command line (mingw + msvcrt's __getmainargs). */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) {
        printf("argv[%d]=<%s> hex=", i, argv[i]);
        for (const unsigned char *p = (const unsigned char *)argv[i]; *p; p++) printf("%02x", *p);
        printf("\n");
    }
    printf("argv[argc] is %s\n", argv[argc] ? "not NULL" : "NULL");
    printf("cmdline=<%s>\n", GetCommandLineA());
    return argc;
}
