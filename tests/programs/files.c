/* files: the kernel32 file API without the C runtime. Works in the current directory (the E: drive
 * under exeplay): creates ftest\ and leaves keep.txt and ftest\final.bin for the test to inspect.
 * Prints "files: N failures"; the exit code is the number of failed checks. */
#include "nocrt.h"

static BYTE pattern_byte(DWORD i) { return (BYTE)((i * 7 + (i >> 8) * 13 + 1) & 0xFF); }

static HANDLE open_file(const char *p, DWORD access, DWORD disp) {
    return CreateFileA(p, access, FILE_SHARE_READ, NULL, disp, FILE_ATTRIBUTE_NORMAL, NULL);
}

static int write_all(const char *p, const void *data, DWORD n) {
    HANDLE h = open_file(p, GENERIC_WRITE, CREATE_ALWAYS);
    if (h == INVALID_HANDLE_VALUE) return 0;
    DWORD w = 0;
    BOOL ok = WriteFile(h, data, n, &w, NULL);
    CloseHandle(h);
    return ok && w == n;
}

static int exists(const char *p) { return GetFileAttributesA(p) != INVALID_FILE_ATTRIBUTES; }

static char g_names[32][MAX_PATH];
static int g_nnames;
static int find_all(const char *pattern) {
    WIN32_FIND_DATAA fd;
    g_nnames = 0;
    HANDLE h = FindFirstFileA(pattern, &fd);
    if (h == INVALID_HANDLE_VALUE) return -1;
    do {
        if (g_nnames < 32) str_cpy(g_names[g_nnames++], fd.cFileName);
    } while (FindNextFileA(h, &fd));
    CHECK(GetLastError() == ERROR_NO_MORE_FILES, "FindNextFile ends with ERROR_NO_MORE_FILES");
    FindClose(h);
    return g_nnames;
}
static int found(const char *name) {
    for (int i = 0; i < g_nnames; i++)
        if (!strcmp(g_names[i], name)) return 1;
    return 0;
}

int main_nocrt(int argc, char **argv) {
    (void)argc; (void)argv;
    static BYTE buf[20000], rd[20000];
    DWORD n, i;
    char path[MAX_PATH];
    HANDLE h;

    /* directories */
    CHECK(CreateDirectoryA("ftest", NULL), "CreateDirectoryA");
    CHECK(!CreateDirectoryA("ftest", NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "existing directory: ERROR_ALREADY_EXISTS");
    CHECK(!CreateDirectoryA("nodir\\sub", NULL) && GetLastError() == ERROR_PATH_NOT_FOUND, "missing parent: ERROR_PATH_NOT_FOUND");
    CHECK(CreateDirectoryA("ftest\\sub", NULL), "nested CreateDirectoryA");

    /* create and write */
    for (i = 0; i < sizeof(buf); i++) buf[i] = pattern_byte(i);
    h = open_file("ftest\\a.txt", GENERIC_WRITE, CREATE_NEW);
    CHECK(h != INVALID_HANDLE_VALUE, "CREATE_NEW");
    CHECK(WriteFile(h, buf, 10000, &n, NULL) && n == 10000, "WriteFile 10000: %u", (unsigned)n);
    CHECK(GetFileSize(h, NULL) == 10000, "GetFileSize on the write handle");
    SetLastError(0);
    CHECK(!ReadFile(h, rd, 10, &n, NULL), "ReadFile on a write-only handle fails");
    CHECK(GetLastError() == ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED, got %u", GetLastError());
    CloseHandle(h);
    h = open_file("ftest\\a.txt", GENERIC_WRITE, CREATE_NEW);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS, "CREATE_NEW on an existing file: ERROR_FILE_EXISTS (80)");

    /* read back */
    h = open_file("ftest\\a.txt", GENERIC_READ, OPEN_EXISTING);
    CHECK(h != INVALID_HANDLE_VALUE, "OPEN_EXISTING");
    DWORD hi = 0xFFFF;
    CHECK(GetFileSize(h, &hi) == 10000 && hi == 0, "GetFileSize 10000 (high %u)", (unsigned)hi);
    LARGE_INTEGER li;
    CHECK(GetFileSizeEx(h, &li) && li.QuadPart == 10000, "GetFileSizeEx");
    DWORD total = 0, reads[4];
    for (int k = 0; k < 4; k++) {
        CHECK(ReadFile(h, rd + total, 4096, &reads[k], NULL), "ReadFile %d", k);
        total += reads[k];
    }
    CHECK(reads[0] == 4096 && reads[1] == 4096 && reads[2] == 1808 && reads[3] == 0,
          "reads of 4096: %u %u %u %u", (unsigned)reads[0], (unsigned)reads[1], (unsigned)reads[2], (unsigned)reads[3]);
    CHECK(total == 10000 && memcmp(rd, buf, 10000) == 0, "content read back");
    SetLastError(0);
    CHECK(!WriteFile(h, buf, 10, &n, NULL), "WriteFile on a read-only handle fails");
    CHECK(GetLastError() == ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED, got %u", GetLastError());

    /* seeking */
    CHECK(SetFilePointer(h, 5000, NULL, FILE_BEGIN) == 5000, "SetFilePointer FILE_BEGIN");
    CHECK(ReadFile(h, rd, 10, &n, NULL) && n == 10 && memcmp(rd, buf + 5000, 10) == 0, "read at 5000");
    CHECK(SetFilePointer(h, 0, NULL, FILE_CURRENT) == 5010, "FILE_CURRENT");
    CHECK(SetFilePointer(h, -10, NULL, FILE_END) == 9990, "FILE_END -10");
    CHECK(ReadFile(h, rd, 100, &n, NULL) && n == 10 && memcmp(rd, buf + 9990, 10) == 0, "short read at the end: %u", (unsigned)n);
    CHECK(SetFilePointer(h, -100, NULL, FILE_CURRENT) == 9900, "FILE_CURRENT -100");
    LARGE_INTEGER to, pos;
    to.QuadPart = 1234;
    CHECK(SetFilePointerEx(h, to, &pos, FILE_BEGIN) && pos.QuadPart == 1234, "SetFilePointerEx");
    SetLastError(0);
    CHECK(SetFilePointer(h, -20000, NULL, FILE_CURRENT) == INVALID_SET_FILE_POINTER &&
          GetLastError() == ERROR_NEGATIVE_SEEK, "seek before the start: ERROR_NEGATIVE_SEEK (131), got %u", GetLastError());
    CloseHandle(h);

    /* OPEN_ALWAYS / extend / SetEndOfFile */
    SetLastError(0);
    h = open_file("ftest\\a.txt", GENERIC_READ | GENERIC_WRITE, OPEN_ALWAYS);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS on an existing file: ERROR_ALREADY_EXISTS");
    CHECK(SetFilePointer(h, 20000, NULL, FILE_BEGIN) == 20000, "seek past the end");
    CHECK(SetEndOfFile(h) && GetFileSize(h, NULL) == 20000, "SetEndOfFile extends");
    CHECK(WriteFile(h, "END", 3, &n, NULL) && GetFileSize(h, NULL) == 20003, "write at the end");
    SetFilePointer(h, 15000, NULL, FILE_BEGIN);
    CHECK(ReadFile(h, rd, 16, &n, NULL) && n == 16, "read in the extended part");
    int zeros = 1;
    for (i = 0; i < 16; i++) zeros &= rd[i] == 0;
    CHECK(zeros, "the extension reads as zeros");
    SetFilePointer(h, 100, NULL, FILE_BEGIN);
    CHECK(SetEndOfFile(h) && GetFileSize(h, NULL) == 100, "SetEndOfFile truncates");
    CloseHandle(h);
    SetLastError(0);
    h = open_file("ftest\\new.txt", GENERIC_WRITE, OPEN_ALWAYS);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "OPEN_ALWAYS creating: last error 0, got %u", GetLastError());
    CloseHandle(h);
    SetLastError(0);
    h = open_file("ftest\\new.txt", GENERIC_WRITE, CREATE_ALWAYS);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "CREATE_ALWAYS on an existing file: ERROR_ALREADY_EXISTS");
    CloseHandle(h);
    write_all("ftest\\t.txt", "0123456789", 10);
    h = open_file("ftest\\t.txt", GENERIC_WRITE, TRUNCATE_EXISTING);
    CHECK(h != INVALID_HANDLE_VALUE && GetFileSize(h, NULL) == 0, "TRUNCATE_EXISTING");
    CloseHandle(h);

    /* errors */
    h = open_file("ftest\\missing.txt", GENERIC_READ, OPEN_EXISTING);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "missing file: ERROR_FILE_NOT_FOUND, got %u", GetLastError());
    h = open_file("nodir\\missing.txt", GENERIC_READ, OPEN_EXISTING);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND, "missing folder: ERROR_PATH_NOT_FOUND, got %u", GetLastError());
    h = open_file("ftest\\a.txt", GENERIC_READ, 0);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER, "creation disposition 0: ERROR_INVALID_PARAMETER, got %u", GetLastError());

    /* attributes */
    DWORD attr = GetFileAttributesA("ftest");
    CHECK(attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY), "directory attribute: %x", (unsigned)attr);
    attr = GetFileAttributesA("ftest\\a.txt");
    CHECK(attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY), "file attributes: %x", (unsigned)attr);
    CHECK(GetFileAttributesA("ftest\\nope") == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_FILE_NOT_FOUND, "missing: INVALID_FILE_ATTRIBUTES");
    WIN32_FILE_ATTRIBUTE_DATA fad;
    CHECK(GetFileAttributesExA("ftest\\a.txt", GetFileExInfoStandard, &fad) && fad.nFileSizeLow == 100, "GetFileAttributesExA size");
    CHECK(SetFileAttributesA("ftest\\t.txt", FILE_ATTRIBUTE_READONLY), "SetFileAttributesA READONLY");
    CHECK(GetFileAttributesA("ftest\\t.txt") & FILE_ATTRIBUTE_READONLY, "READONLY attribute reads back");
    SetFileAttributesA("ftest\\t.txt", FILE_ATTRIBUTE_NORMAL);

    /* case-insensitive names */
    CHECK(write_all("ftest\\Mixed.TXT", "mixed", 5), "create Mixed.TXT");
    h = open_file("FTEST\\mixed.txt", GENERIC_READ, OPEN_EXISTING);
    CHECK(h != INVALID_HANDLE_VALUE, "open with another case");
    if (h != INVALID_HANDLE_VALUE) {
        CHECK(ReadFile(h, rd, 10, &n, NULL) && n == 5 && !memcmp(rd, "mixed", 5), "content via another case");
        CloseHandle(h);
    }
    CHECK(write_all("ftest\\MIXED.txt", "MIXED!", 6), "CREATE_ALWAYS with another case overwrites");
    h = open_file("ftest\\Mixed.TXT", GENERIC_READ, OPEN_EXISTING);
    CHECK(GetFileSize(h, NULL) == 6, "one file, not two");
    CloseHandle(h);

    /* FindFirstFile */
    write_all("ftest\\b.dat", "bb", 2);
    int cnt = find_all("ftest\\*");
    out("ftest\\* found %d:", cnt);
    for (int k = 0; k < g_nnames; k++) out(" %s", g_names[k]);
    out("\n");
    CHECK(found(".") && found(".."), "'.' and '..' in a subfolder listing");
    CHECK(found("a.txt") && found("b.dat") && found("sub") && found("Mixed.TXT") && found("new.txt") && found("t.txt"),
          "every entry listed");
    CHECK(cnt == 8, "8 entries (. .. a.txt b.dat sub Mixed.TXT new.txt t.txt): %d", cnt);
    cnt = find_all("ftest\\*.txt");
    CHECK(cnt == 4 && found("a.txt") && found("new.txt") && found("t.txt") && found("Mixed.TXT") && !found("b.dat"),
          "*.txt matches the .txt files (case-insensitively): %d", cnt);
    cnt = find_all("ftest\\?.dat");
    CHECK(cnt == 1 && found("b.dat"), "?.dat: %d", cnt);
    WIN32_FIND_DATAA fd;
    h = FindFirstFileA("ftest\\a.txt", &fd);
    CHECK(h != INVALID_HANDLE_VALUE && fd.nFileSizeLow == 100 && !(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY),
          "FindFirstFile on a file name gives its size");
    FindClose(h);
    h = FindFirstFileA("ftest\\sub", &fd);
    CHECK(h != INVALID_HANDLE_VALUE && (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY), "directory entry attribute");
    FindClose(h);
    h = FindFirstFileA("ftest\\*.none", &fd);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "no match: ERROR_FILE_NOT_FOUND, got %u", GetLastError());
    h = FindFirstFileA("nodir\\*", &fd);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND, "missing folder: ERROR_PATH_NOT_FOUND, got %u", GetLastError());

    /* move, copy, delete */
    CHECK(MoveFileA("ftest\\a.txt", "ftest\\c.txt"), "MoveFileA rename");
    CHECK(!exists("ftest\\a.txt") && exists("ftest\\c.txt"), "renamed");
    CHECK(!MoveFileA("ftest\\c.txt", "ftest\\b.dat") && GetLastError() == ERROR_ALREADY_EXISTS,
          "MoveFileA onto an existing file: ERROR_ALREADY_EXISTS (183), got %u", GetLastError());
    CHECK(MoveFileExA("ftest\\c.txt", "ftest\\b.dat", MOVEFILE_REPLACE_EXISTING), "MoveFileExA REPLACE_EXISTING");
    CHECK(!exists("ftest\\c.txt"), "source gone after the replace");
    h = open_file("ftest\\b.dat", GENERIC_READ, OPEN_EXISTING);
    CHECK(GetFileSize(h, NULL) == 100, "target replaced");
    CloseHandle(h);
    CHECK(MoveFileA("ftest\\b.dat", "ftest\\sub\\moved.dat") && exists("ftest\\sub\\moved.dat"), "move into a subfolder");
    CHECK(!MoveFileA("ftest\\nothere", "ftest\\x") && GetLastError() == ERROR_FILE_NOT_FOUND, "move a missing file");
    CHECK(CopyFileA("ftest\\sub\\moved.dat", "ftest\\copy.dat", TRUE), "CopyFileA");
    CHECK(!CopyFileA("ftest\\sub\\moved.dat", "ftest\\copy.dat", TRUE) && GetLastError() == ERROR_FILE_EXISTS,
          "CopyFileA fail-if-exists: ERROR_FILE_EXISTS (80), got %u", GetLastError());
    CHECK(CopyFileA("ftest\\new.txt", "ftest\\copy.dat", FALSE), "CopyFileA overwrite");
    CHECK(DeleteFileA("ftest\\copy.dat") && !exists("ftest\\copy.dat"), "DeleteFileA");
    CHECK(!DeleteFileA("ftest\\copy.dat") && GetLastError() == ERROR_FILE_NOT_FOUND, "delete a missing file: ERROR_FILE_NOT_FOUND");
    CHECK(!RemoveDirectoryA("ftest\\sub") && GetLastError() == ERROR_DIR_NOT_EMPTY,
          "RemoveDirectory on a non-empty folder: ERROR_DIR_NOT_EMPTY (145), got %u", GetLastError());
    CHECK(CreateDirectoryA("ftest\\empty", NULL) && RemoveDirectoryA("ftest\\empty") && !exists("ftest\\empty"), "RemoveDirectoryA");
    CHECK(MoveFileA("ftest\\sub", "ftest\\sub2") && exists("ftest\\sub2\\moved.dat"), "rename a folder");

    /* current directory and full paths */
    GetCurrentDirectoryA(sizeof(path), path);
    out("cwd %s\n", path);
    CHECK(!strcmp(path, "E:\\"), "starts in E:\\ (the host current directory): %s", path);
    n = GetFullPathNameA("ftest\\x\\..\\y.txt", sizeof(path), path, NULL);
    CHECK(n == strlen(path) && !strcmp(path, "E:\\ftest\\y.txt"), "GetFullPathNameA: %s", path);
    CHECK(SetCurrentDirectoryA("ftest\\sub2"), "SetCurrentDirectoryA");
    GetCurrentDirectoryA(sizeof(path), path);
    CHECK(!strcmp(path, "E:\\ftest\\sub2"), "GetCurrentDirectoryA after the change: %s", path);
    CHECK(exists("moved.dat"), "relative paths follow the current directory");
    CHECK(!SetCurrentDirectoryA("nodir") && GetLastError() == ERROR_FILE_NOT_FOUND, "SetCurrentDirectory to a missing folder: %u", GetLastError());
    CHECK(SetCurrentDirectoryA("..\\.."), "SetCurrentDirectoryA ..\\..");
    GetCurrentDirectoryA(sizeof(path), path);
    CHECK(!strcmp(path, "E:\\"), "back at the root: %s", path);

    /* a bigger file, written in pieces */
    h = open_file("ftest\\final.bin", GENERIC_WRITE, CREATE_ALWAYS);
    for (int k = 0; k < 50; k++) {
        for (i = 0; i < 20000; i++) buf[i] = pattern_byte(k * 20000 + i);
        WriteFile(h, buf, 20000, &n, NULL);
    }
    CHECK(GetFileSize(h, NULL) == 1000000, "1000000-byte file");
    CloseHandle(h);
    h = open_file("ftest\\final.bin", GENERIC_READ, OPEN_EXISTING);
    int same = 1;
    for (int k = 0; k < 50 && same; k++) {
        ReadFile(h, rd, 20000, &n, NULL);
        for (i = 0; i < 20000; i++)
            if (rd[i] != pattern_byte(k * 20000 + i)) { same = 0; break; }
    }
    CHECK(same, "the 1000000-byte file reads back");
    CloseHandle(h);

    CHECK(write_all("keep.txt", "hello from files.exe\r\n", 22), "write keep.txt");
    /* temp files */
    char tdir[MAX_PATH], tname[MAX_PATH];
    n = GetTempPathA(sizeof(tdir), tdir);
    CHECK(n > 0 && tdir[n - 1] == '\\', "GetTempPathA ends with a backslash: %s", tdir);
    CHECK(GetTempFileNameA(tdir, "exp", 0, tname) != 0, "GetTempFileNameA");
    CHECK(exists(tname), "GetTempFileNameA created %s", tname);
    CHECK(write_all(tname, "temp", 4) && DeleteFileA(tname), "temp file is writable and deletable");
    char want[MAX_PATH];
    format(want, sizeof(want), "%sexp12.tmp", tdir);
    CHECK(GetTempFileNameA(tdir, "exp", 0x12, tname) == 0x12 && !strcmp(tname, want),
          "GetTempFileNameA with uUnique 0x12 names exp12.tmp and returns 0x12: %s", tname);
    CHECK(!exists(tname), "GetTempFileNameA with uUnique does not create the file");

    out("files: %d failures\n", (int)g_failures);
    return g_failures;
}
