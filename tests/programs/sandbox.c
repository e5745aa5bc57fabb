/* sandbox: a program that tries to get out of its exposed folders (kernel32 only).
 * It tries a built-in list of escape paths, then the attempts given as arguments:
 *   r:PATH  read (CreateFile OPEN_EXISTING + ReadFile)    w:PATH  write (CreateFile CREATE_ALWAYS + WriteFile)
 *   a:PATH  GetFileAttributes                             f:PATTERN  FindFirstFile
 *   d:PATH  DeleteFile     c:PATH  CreateDirectory        k:PATH  RemoveDirectory
 *   m:SRC>DST  MoveFile    x:SRC>DST  CopyFile            s:PATH  SetCurrentDirectory
 *   o:PATH  CreateFile OPEN_ALWAYS read/write
 * An attempt prefixed with '+' is expected to succeed (a control inside the sandbox); every other one
 * is expected to fail. One line per attempt: "ok|UNEXPECTED <op>:<path> -> failed err=N | SUCCEEDED ...".
 * The exit code is the number of unexpected results. */
#include "nocrt.h"

static const char *builtin_attempts[] = {
    "r:..\\..\\..\\..\\etc\\passwd",
    "r:..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\etc\\passwd",
    "r:C:\\..\\..\\etc\\passwd",
    "r:C:\\..\\..\\..\\..\\..\\..\\etc\\passwd",
    "r:C:\\WINDOWS\\..\\..\\..\\..\\etc\\passwd",
    "r:D:\\..\\..\\..\\..\\etc\\passwd",
    "r:E:..\\..\\..\\etc\\passwd",
    "r:/etc/passwd",
    "r:\\etc\\passwd",
    "r:/proc/self/environ",
    "r:..\\..\\..\\..\\proc\\self\\environ",
    "r:\\\\?\\C:\\..",
    "r:\\\\?\\C:\\..\\..\\etc\\passwd",
    "r:\\\\?\\E:\\..\\..\\..\\etc\\passwd",
    "r:\\\\?\\UNC\\server\\share\\x",
    "r:\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\etc\\passwd",
    "r:\\\\.\\PhysicalDrive0",
    "r:\\\\.\\C:",
    "r:\\\\.\\pipe\\x",
    "r:\\\\server\\share\\x",
    "r:\\\\localhost\\C$\\etc\\passwd",
    "r://server/share/x",
    "r:\\??\\C:\\..\\..\\etc\\passwd",
    "r:Z:\\etc\\passwd",
    "a:..\\..\\..\\..\\etc\\passwd",
    "a:\\\\?\\C:\\..",
    "a:\\\\.\\PhysicalDrive0",
    "f:..\\..\\..\\..\\etc\\*",
    "f:/etc/*",
    "f:\\\\?\\C:\\..\\*",
    "f:\\\\server\\share\\*",
    "w:..\\..\\..\\..\\tmp\\exeplay_sandbox_pwned.txt",
    "w:/tmp/exeplay_sandbox_pwned.txt",
    "w:C:\\..\\..\\..\\..\\tmp\\exeplay_sandbox_pwned.txt",
    "w:\\\\?\\C:\\..\\..\\tmp\\exeplay_sandbox_pwned.txt",
    "w:\\\\server\\share\\pwned.txt",
    "w:\\\\.\\PhysicalDrive0",
    "c:..\\..\\..\\..\\tmp\\exeplay_sandbox_dir",
    "c:\\\\?\\C:\\..\\exeplay_sandbox_dir",
    "s:\\\\?\\C:\\..",
    "s:\\\\server\\share",
};

static int g_unexpected, g_attempts;

static void show(const char *spec, int expect_ok, int ok, const char *detail) {
    int good = expect_ok == ok;
    g_attempts++;
    if (!good) g_unexpected++;
    if (ok) out("%s %s -> SUCCEEDED %s\n", good ? "ok" : "UNEXPECTED", spec, detail);
    else out("%s %s -> failed err=%u\n", good ? "ok" : "UNEXPECTED", spec, (unsigned)GetLastError());
}

static void sanitize(char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] < 32 || s[i] > 126) s[i] = '.';
    s[n] = 0;
}

static void attempt(const char *spec) {
    int expect_ok = 0;
    const char *full = spec;
    if (*spec == '+') { expect_ok = 1; spec++; }
    char op = spec[0];
    const char *path = spec + 2;
    char a[1024], b[1024], detail[256];
    detail[0] = 0;
    int ok = 0;
    SetLastError(0);
    if (op == 'r' || op == 'w' || op == 'o') {
        DWORD access = op == 'r' ? GENERIC_READ : op == 'w' ? GENERIC_WRITE : GENERIC_READ | GENERIC_WRITE;
        DWORD disp = op == 'r' ? OPEN_EXISTING : op == 'w' ? CREATE_ALWAYS : OPEN_ALWAYS;
        HANDLE h = CreateFileA(path, access, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, disp, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h != INVALID_HANDLE_VALUE) {
            ok = 1;
            DWORD n = 0;
            if (op == 'w') {
                WriteFile(h, "pwned\r\n", 7, &n, NULL);
                format(detail, sizeof(detail), "(wrote %u bytes)", (unsigned)n);
            } else {
                char buf[48];
                if (ReadFile(h, buf, 40, &n, NULL)) {
                    sanitize(buf, (int)n);
                    format(detail, sizeof(detail), "(read %u bytes: %s)", (unsigned)n, buf);
                } else {
                    format(detail, sizeof(detail), "(open, read failed err=%u)", (unsigned)GetLastError());
                }
            }
            CloseHandle(h);
        }
    } else if (op == 'a') {
        DWORD attr = GetFileAttributesA(path);
        ok = attr != INVALID_FILE_ATTRIBUTES;
        format(detail, sizeof(detail), "(attributes %x)", (unsigned)attr);
    } else if (op == 'f') {
        WIN32_FIND_DATAA fd;
        HANDLE h = FindFirstFileA(path, &fd);
        if (h != INVALID_HANDLE_VALUE) {
            ok = 1;
            int n = 0;
            str_cpy(detail, "(found:");
            do {
                if (strlen(detail) + strlen(fd.cFileName) + 4 < sizeof(detail)) {
                    str_cat(detail, " ");
                    str_cat(detail, fd.cFileName);
                }
                n++;
            } while (FindNextFileA(h, &fd) && n < 50);
            str_cat(detail, ")");
            FindClose(h);
        }
    } else if (op == 'd') {
        ok = DeleteFileA(path) != 0;
    } else if (op == 'c') {
        ok = CreateDirectoryA(path, NULL) != 0;
    } else if (op == 'k') {
        ok = RemoveDirectoryA(path) != 0;
    } else if (op == 's') {
        ok = SetCurrentDirectoryA(path) != 0;
        if (ok) {
            GetCurrentDirectoryA(sizeof(a), a);
            format(detail, sizeof(detail), "(cwd %s)", a);
        }
    } else if (op == 'm' || op == 'x') {
        const char *gt = path;
        while (*gt && *gt != '>') gt++;
        int n = (int)(gt - path);
        memcpy(a, path, n);
        a[n] = 0;
        str_cpy(b, *gt ? gt + 1 : "");
        ok = op == 'm' ? MoveFileA(a, b) != 0 : CopyFileA(a, b, FALSE) != 0;
    } else {
        out("bad attempt %s\n", full);
        g_unexpected++;
        return;
    }
    show(full, expect_ok, ok, detail);
}

int main_nocrt(int argc, char **argv) {
    int only_args = argc > 1 && !strcmp(argv[1], "--args-only");
    if (!only_args)
        for (unsigned i = 0; i < sizeof(builtin_attempts) / sizeof(builtin_attempts[0]); i++)
            attempt(builtin_attempts[i]);
    for (int i = only_args ? 2 : 1; i < argc; i++) attempt(argv[i]);
    out("sandbox: %d attempts, %d unexpected\n", g_attempts, g_unexpected);
    return g_unexpected;
}
