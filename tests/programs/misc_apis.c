/* The non-GUI-core APIs GUI programs import: INI files, date/time formatting, MulDiv, code page info,
 * monitors and display modes, version resources, shell folders and file operations,
 * drag-and-drop handles, CommandLineToArgvW, shlwapi paths and strings, and a delay-loaded DLL.
 * Prints "name=value" lines; tests/test_misc_apis.py checks them against Windows' documented answers.
 *
 * Build (in tests/programs):
 *   i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -shared -nostdlib -e _DllMain@12 \
 *       -Wl,--kill-at -o misc_dl.dll misc_dl.c
 *   i686-w64-mingw32-dlltool -d misc_dl.def -y libmisc_dl_delay.a -D misc_dl.dll
 *   i686-w64-mingw32-dlltool -d misc_nodll.def -y libmisc_nodll_delay.a -D misc_nodll.dll
 *   i686-w64-mingw32-windres misc_apis.rc -O coff -o misc_apis.res
 *   i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o misc_apis.exe misc_apis.c misc_apis.res \
 *       libmisc_dl_delay.a libmisc_nodll_delay.a -ldelayimp -lshlwapi -lshell32 -lversion -luser32 -lgdi32
 *   rm libmisc_dl_delay.a libmisc_nodll_delay.a misc_apis.res
 */
#include <windows.h>
#include <shlobj.h>
#include <shellapi.h>
#include <shlwapi.h>
#include <stdio.h>
#include <string.h>

static char out8[2048];

static const char *w2a(const WCHAR *w)
{
    WideCharToMultiByte(CP_ACP, 0, w, -1, out8, sizeof(out8), NULL, NULL);
    return out8;
}

/* a double-NUL list as "a|b|c" */
static const char *list(const char *p)
{
    static char buf[1024];
    buf[0] = 0;
    while (*p) {
        if (buf[0])
            strcat(buf, "|");
        strcat(buf, p);
        p += strlen(p) + 1;
    }
    return buf;
}

static void print_file(const char *label, const char *path)
{
    char buf[1024];
    DWORD n = 0;
    HANDLE h = CreateFileA(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        printf("%s=<missing>\n", label);
        return;
    }
    ReadFile(h, buf, sizeof(buf) - 1, &n, NULL);
    CloseHandle(h);
    buf[n] = 0;
    printf("%s=", label);
    for (DWORD i = 0; i < n; i++) {
        if (buf[i] == '\r')
            printf("\\r");
        else if (buf[i] == '\n')
            printf("\\n");
        else
            putchar(buf[i]);
    }
    printf("\n");
}

/* ---- INI files ------------------------------------------------------------------------------- */
static void test_ini(void)
{
    char buf[256];
    DWORD r;
    const char *ini = ".\\test.ini";
    printf("ini.write1=%d\n", WritePrivateProfileStringA("Section", "Key", "Value", ini));
    WritePrivateProfileStringA("Section", "Key2", "\"quoted value\"", ini);
    WritePrivateProfileStringA("Other", "Number", "42", ini);
    WritePrivateProfileStringA("Other", "Hex", "0x1F", ini);
    WritePrivateProfileStringA("Other", "Neg", "-7", ini);
    WritePrivateProfileStringA("Other", "Junk", "12abc", ini);
    r = GetPrivateProfileStringA("SECTION", "key", "def", buf, sizeof(buf), ini);
    printf("ini.read=%s ret=%lu\n", buf, r);
    r = GetPrivateProfileStringA("Section", "Key2", "def", buf, sizeof(buf), ini);
    printf("ini.quoted=%s ret=%lu\n", buf, r);
    r = GetPrivateProfileStringA("Section", "Missing", "def   ", buf, sizeof(buf), ini);
    printf("ini.default=[%s] ret=%lu\n", buf, r);
    r = GetPrivateProfileStringA("Section", "Key", "def", buf, 4, ini);
    printf("ini.trunc=%s ret=%lu\n", buf, r);
    memset(buf, 'x', sizeof(buf));
    r = GetPrivateProfileStringA("Section", NULL, "def", buf, sizeof(buf), ini);
    printf("ini.keys=%s ret=%lu\n", list(buf), r);
    memset(buf, 'x', sizeof(buf));
    r = GetPrivateProfileStringA(NULL, NULL, "def", buf, sizeof(buf), ini);
    printf("ini.sections=%s ret=%lu\n", list(buf), r);
    memset(buf, 'x', sizeof(buf));
    r = GetPrivateProfileStringA(NULL, NULL, "def", buf, 8, ini);
    printf("ini.sections_trunc=%s ret=%lu last=%d,%d\n", list(buf), r, buf[6], buf[7]);
    printf("ini.int=%u,%u,%d,%u,%u\n", GetPrivateProfileIntA("Other", "Number", 5, ini),
           GetPrivateProfileIntA("Other", "Hex", 5, ini), (int)GetPrivateProfileIntA("Other", "Neg", 5, ini),
           GetPrivateProfileIntA("Other", "Junk", 5, ini), GetPrivateProfileIntA("Other", "Nothing", 5, ini));
    r = GetPrivateProfileSectionA("Other", buf, sizeof(buf), ini);
    printf("ini.section=%s ret=%lu\n", list(buf), r);
    /* replace a value, delete a key, delete a section */
    WritePrivateProfileStringA("section", "KEY", "New", ini);
    WritePrivateProfileStringA("Other", "Junk", NULL, ini);
    GetPrivateProfileStringA("Section", "Key", "def", buf, sizeof(buf), ini);
    printf("ini.replaced=%s\n", buf);
    GetPrivateProfileStringA("Other", "Junk", "gone", buf, sizeof(buf), ini);
    printf("ini.deleted_key=%s\n", buf);
    WritePrivateProfileSectionA("Third", "a=1\0b=2\0", ini);
    print_file("ini.file", ini);
    WritePrivateProfileStringA("Other", NULL, NULL, ini);
    r = GetPrivateProfileStringA(NULL, NULL, "def", buf, sizeof(buf), ini);
    printf("ini.after_delete=%s\n", list(buf));
    /* a file that does not exist */
    SetLastError(0);
    r = GetPrivateProfileStringA("S", "K", "dflt", buf, sizeof(buf), ".\\nothere.ini");
    printf("ini.nofile=%s ret=%lu err=%lu\n", buf, r, GetLastError());
    /* WIN.INI and bare names live in the Windows directory */
    printf("ini.winini_write=%d\n", WriteProfileStringA("exeplay", "test", "yes"));
    GetProfileStringA("exeplay", "test", "no", buf, sizeof(buf));
    printf("ini.winini=%s\n", buf);
    GetPrivateProfileStringA("EXEPLAY", "TEST", "no", buf, sizeof(buf), "win.ini");
    printf("ini.winini_private=%s\n", buf);
    WriteProfileStringA("exeplay", "num", "17");
    printf("ini.winini_int=%u\n", GetProfileIntA("exeplay", "num", 0));
    printf("ini.winini_exists=%d\n", GetFileAttributesA("C:\\WINDOWS\\win.ini") != INVALID_FILE_ATTRIBUTES);
    {
        WCHAR wb[64];
        WritePrivateProfileStringW(L"Wide", L"Name", L"W\x00e9rt", L"wide.ini");
        r = GetPrivateProfileStringW(L"wide", L"name", L"", wb, 64, L"wide.ini");
        printf("ini.wide=%s ret=%lu\n", w2a(wb), r);
        printf("ini.wide_in_windir=%d\n", GetFileAttributesA("C:\\WINDOWS\\wide.ini") != INVALID_FILE_ATTRIBUTES);
        printf("ini.wide_int=%u\n", GetPrivateProfileIntW(L"Wide", L"Missing", 99, L"wide.ini"));
    }
}

/* ---- dates and times ------------------------------------------------------------------------ */
static void test_datetime(void)
{
    SYSTEMTIME st = {2002, 5, 0, 4, 8, 56, 13, 22}; /* wrong day of week on purpose: it is computed */
    char buf[128];
    WCHAR wb[128];
    int r;
    GetDateFormatA(LOCALE_USER_DEFAULT, 0, &st, NULL, buf, sizeof(buf));
    printf("date.short=%s\n", buf);
    GetDateFormatA(LOCALE_USER_DEFAULT, DATE_LONGDATE, &st, NULL, buf, sizeof(buf));
    printf("date.long=%s\n", buf);
    r = GetDateFormatA(LOCALE_USER_DEFAULT, 0, &st, "ddd',' MMM dd ''''yy", buf, sizeof(buf));
    printf("date.picture=%s ret=%d\n", buf, r);
    printf("date.size=%d\n", GetDateFormatA(LOCALE_USER_DEFAULT, 0, &st, "ddd',' MMM dd ''''yy", NULL, 0));
    GetDateFormatW(LOCALE_USER_DEFAULT, 0, &st, L"dddd d MMMM yyyy gg", wb, 128);
    printf("date.wide=%s\n", w2a(wb));
    SetLastError(0);
    r = GetDateFormatA(LOCALE_USER_DEFAULT, 0, &st, "dddd", buf, 3);
    printf("date.small=%d err=%lu\n", r, GetLastError());
    SetLastError(0);
    r = GetDateFormatA(LOCALE_USER_DEFAULT, DATE_LONGDATE, &st, "d", buf, sizeof(buf));
    printf("date.flags_and_format=%d err=%lu\n", r, GetLastError());
    GetTimeFormatA(LOCALE_USER_DEFAULT, 0, &st, NULL, buf, sizeof(buf));
    printf("time.default=%s\n", buf);
    GetTimeFormatA(LOCALE_USER_DEFAULT, TIME_NOSECONDS, &st, NULL, buf, sizeof(buf));
    printf("time.noseconds=%s\n", buf);
    GetTimeFormatA(LOCALE_USER_DEFAULT, TIME_NOMINUTESORSECONDS, &st, NULL, buf, sizeof(buf));
    printf("time.nominutes=%s\n", buf);
    GetTimeFormatA(LOCALE_USER_DEFAULT, TIME_NOTIMEMARKER, &st, NULL, buf, sizeof(buf));
    printf("time.nomarker=%s\n", buf);
    st.wHour = 14; st.wMinute = 5; st.wSecond = 3;
    GetTimeFormatA(LOCALE_USER_DEFAULT, TIME_FORCE24HOURFORMAT, &st, NULL, buf, sizeof(buf));
    printf("time.force24=%s\n", buf);
    GetTimeFormatW(LOCALE_USER_DEFAULT, 0, &st, L"h hh H HH m mm s ss t tt", wb, 128);
    printf("time.picture=%s\n", w2a(wb));
    st.wHour = 25;
    SetLastError(0);
    r = GetTimeFormatA(LOCALE_USER_DEFAULT, 0, &st, NULL, buf, sizeof(buf));
    printf("time.invalid=%d err=%lu\n", r, GetLastError());
    /* NULL SYSTEMTIME: now (the run is --deterministic: 2001-03-11 12:00:00 UTC) */
    GetDateFormatA(LOCALE_USER_DEFAULT, 0, NULL, NULL, buf, sizeof(buf));
    printf("date.now=%s\n", buf);
    GetTimeFormatA(LOCALE_USER_DEFAULT, TIME_NOSECONDS, NULL, NULL, buf, sizeof(buf));
    printf("time.now=%s\n", buf);
}

static void test_muldiv_cp(void)
{
    CPINFOEXA ca;
    CPINFOEXW cw;
    printf("muldiv=%d,%d,%d,%d,%d,%d,%d,%d,%d\n", MulDiv(1, 1, 2), MulDiv(-1, 1, 2), MulDiv(2, 2, 3),
           MulDiv(9, 96, 72), MulDiv(1, 1, 0), MulDiv(0x7fffffff, 2, 1), MulDiv(-25, 5, 10), MulDiv(10, 3, -4),
           MulDiv(300000, 300000, 100000));
    BOOL ok;
    memset(&ca, 0, sizeof(ca));
    ok = GetCPInfoExA(CP_ACP, 0, &ca);
    printf("cpinfoex.a=%d max=%u cp=%u name=%s\n", ok, ca.MaxCharSize, ca.CodePage, ca.CodePageName);
    memset(&cw, 0, sizeof(cw));
    ok = GetCPInfoExW(CP_UTF8, 0, &cw);
    printf("cpinfoex.w=%d max=%u cp=%u def=%u name=%s\n", ok, cw.MaxCharSize, cw.CodePage, cw.UnicodeDefaultChar,
           w2a(cw.CodePageName));
}

/* ---- monitors and display modes --------------------------------------------- */
static int monitors_seen;
static RECT monitor_rect;

static BOOL CALLBACK monitor_proc(HMONITOR h, HDC dc, LPRECT r, LPARAM data)
{
    monitors_seen += (int)data;
    monitor_rect = *r;
    return TRUE;
}

static void test_display(void)
{
    MONITORINFOEXA mi;
    MONITORINFO small;
    POINT off_screen = {-500, -500}, near0 = {10, 10};
    RECT r = {100, 100, 200, 200};
    DEVMODEA dm;
    DISPLAY_DEVICEA dd;
    int modes = 0;
    BOOL ok;
    HMONITOR hm = MonitorFromPoint(near0, MONITOR_DEFAULTTONULL);
    printf("mon.point=%d far=%d far_primary=%d\n", hm != NULL, MonitorFromPoint(off_screen, MONITOR_DEFAULTTONULL) != NULL,
           MonitorFromPoint(off_screen, MONITOR_DEFAULTTOPRIMARY) == hm);
    printf("mon.rect=%d window_null=%d\n", MonitorFromRect(&r, MONITOR_DEFAULTTONULL) == hm,
           MonitorFromWindow(NULL, MONITOR_DEFAULTTONULL) != NULL);
    mi.cbSize = sizeof(mi);
    ok = GetMonitorInfoA(hm, (MONITORINFO *)&mi);
    printf("mon.info=%d\n", ok);
    printf("mon.rc=%ld,%ld,%ld,%ld work=%ld,%ld,%ld,%ld flags=%lu device=%s\n", mi.rcMonitor.left, mi.rcMonitor.top,
           mi.rcMonitor.right, mi.rcMonitor.bottom, mi.rcWork.left, mi.rcWork.top, mi.rcWork.right, mi.rcWork.bottom,
           mi.dwFlags, mi.szDevice);
    small.cbSize = 12;
    printf("mon.badsize=%d\n", GetMonitorInfoA(hm, &small));
    EnumDisplayMonitors(NULL, NULL, monitor_proc, 1);
    printf("mon.enum=%d rect=%ld,%ld,%ld,%ld\n", monitors_seen, monitor_rect.left, monitor_rect.top,
           monitor_rect.right, monitor_rect.bottom);
    monitors_seen = 0;
    r.left = 700; r.top = 500; r.right = 1000; r.bottom = 1000;
    EnumDisplayMonitors(NULL, &r, monitor_proc, 1);
    printf("mon.enum_clip=%d rect=%ld,%ld,%ld,%ld\n", monitors_seen, monitor_rect.left, monitor_rect.top,
           monitor_rect.right, monitor_rect.bottom);
    memset(&dm, 0, sizeof(dm));
    dm.dmSize = sizeof(dm);
    ok = EnumDisplaySettingsA(NULL, ENUM_CURRENT_SETTINGS, &dm);
    printf("dm.current=%d %lux%lux%lu@%lu fields=%d\n", ok, dm.dmPelsWidth, dm.dmPelsHeight, dm.dmBitsPerPel, dm.dmDisplayFrequency,
           (dm.dmFields & (DM_PELSWIDTH | DM_PELSHEIGHT | DM_BITSPERPEL)) == (DM_PELSWIDTH | DM_PELSHEIGHT | DM_BITSPERPEL));
    while (EnumDisplaySettingsA(NULL, modes, &dm))
        modes++;
    printf("dm.count=%d\n", modes);
    EnumDisplaySettingsA(NULL, 0, &dm);
    printf("dm.first=%lux%lux%lu\n", dm.dmPelsWidth, dm.dmPelsHeight, dm.dmBitsPerPel);
    memset(&dd, 0, sizeof(dd));
    dd.cb = sizeof(dd);
    ok = EnumDisplayDevicesA(NULL, 0, &dd, 0);
    printf("dd.0=%d name=%s primary=%d\n", ok, dd.DeviceName,
           (dd.StateFlags & DISPLAY_DEVICE_PRIMARY_DEVICE) != 0);
    printf("dd.1=%d\n", EnumDisplayDevicesA(NULL, 1, &dd, 0));
}

/* ---- version resources ---------------------------------------------------------------------- */
static void test_version(void)
{
    char exe[MAX_PATH];
    DWORD handle = 123, size;
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    size = GetFileVersionInfoSizeA(exe, &handle);
    printf("ver.size=%d handle=%lu\n", size > 0, handle);
    void *block = HeapAlloc(GetProcessHeap(), 0, size);
    printf("ver.info=%d\n", GetFileVersionInfoA(exe, 0, size, block));
    VS_FIXEDFILEINFO *ffi = NULL;
    UINT len = 0;
    BOOL ok = VerQueryValueA(block, "\\", (void **)&ffi, &len);
    printf("ver.fixed=%d len=%u sig=%lx file=%lu.%lu.%lu.%lu product=%lu.%lu\n", ok, len, ffi->dwSignature,
           ffi->dwFileVersionMS >> 16, ffi->dwFileVersionMS & 0xffff, ffi->dwFileVersionLS >> 16,
           ffi->dwFileVersionLS & 0xffff, ffi->dwProductVersionMS >> 16, ffi->dwProductVersionMS & 0xffff);
    WORD *tr = NULL;
    ok = VerQueryValueA(block, "\\VarFileInfo\\Translation", (void **)&tr, &len);
    printf("ver.translation=%d len=%u %04x %04x\n", ok, len, tr[0], tr[1]);
    char *name = NULL;
    ok = VerQueryValueA(block, "\\StringFileInfo\\040904B0\\productname", (void **)&name, &len);
    printf("ver.product=%d len=%u %s inside=%d\n", ok, len, name, name > (char *)block && name < (char *)block + size);
    WCHAR *wname = NULL;
    ok = VerQueryValueW(block, L"\\StringFileInfo\\040904b0\\CompanyName", (void **)&wname, &len);
    printf("ver.company=%d len=%u %s\n", ok, len, w2a(wname));
    ok = VerQueryValueA(block, "\\StringFileInfo\\040904b0\\Nothing", (void **)&name, &len);
    printf("ver.missing=%d\n", ok);
    SetLastError(0);
    size = GetFileVersionInfoSizeA("nosuchfile.dll", &handle);
    printf("ver.nofile=%lu err=%lu\n", size, GetLastError());
}

/* ---- shell32 ---------------------------------------------------------------------------------- */
static void test_shell(void)
{
    char path[MAX_PATH], exe[MAX_PATH];
    WCHAR wpath[MAX_PATH];
    LPITEMIDLIST pidl = NULL;
    HRESULT hr = SHGetFolderPathA(NULL, CSIDL_APPDATA, NULL, 0, path);
    printf("sh.appdata=0x%lx %s exists=%d\n", hr, path, (GetFileAttributesA(path) & FILE_ATTRIBUTE_DIRECTORY) != 0);
    hr = SHGetFolderPathW(NULL, CSIDL_PROGRAM_FILES, NULL, 0, wpath);
    printf("sh.progfiles=0x%lx %s\n", hr, w2a(wpath));
    hr = SHGetFolderPathA(NULL, CSIDL_DRIVES, NULL, 0, path);
    printf("sh.drives=0x%lx\n", hr);
    printf("sh.special=%d ", SHGetSpecialFolderPathA(NULL, path, CSIDL_WINDOWS, FALSE));
    printf("%s\n", path);
    SHGetSpecialFolderPathA(NULL, path, CSIDL_SYSTEM, FALSE);
    printf("sh.system=%s\n", path);
    hr = SHGetSpecialFolderLocation(NULL, CSIDL_PERSONAL, &pidl);
    printf("sh.location=0x%lx %d ", hr, SHGetPathFromIDListA(pidl, path));
    printf("%s\n", path);
    ILFree(pidl);
    SHGetSpecialFolderLocation(NULL, CSIDL_DESKTOP, &pidl);
    SHGetPathFromIDListW(pidl, wpath);
    printf("sh.desktop=%s cb=%u\n", w2a(wpath), pidl->mkid.cb);
    ILFree(pidl);
    SHGetSpecialFolderLocation(NULL, CSIDL_DRIVES, &pidl);
    printf("sh.virtual=%d\n", SHGetPathFromIDListA(pidl, path));
    ILFree(pidl);

    /* file information and operations, in the current folder */
    {
        HANDLE f = CreateFileA("src.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
        DWORD n;
        SHFILEINFOA sfi;
        SHFILEOPSTRUCTA op;
        int r;
        WriteFile(f, "hello", 5, &n, NULL);
        CloseHandle(f);
        memset(&sfi, 0, sizeof(sfi));
        printf("sh.fileinfo=%lu ", (unsigned long)SHGetFileInfoA("src.txt", 0, &sfi, sizeof(sfi),
                                                          SHGFI_DISPLAYNAME | SHGFI_TYPENAME | SHGFI_ATTRIBUTES));
        printf("name=%s type=%s stream=%d folder=%d\n", sfi.szDisplayName, sfi.szTypeName,
               (sfi.dwAttributes & SFGAO_STREAM) != 0, (sfi.dwAttributes & SFGAO_FOLDER) != 0);
        SHGetFileInfoA("x.zzz", FILE_ATTRIBUTE_NORMAL, &sfi, sizeof(sfi), SHGFI_USEFILEATTRIBUTES | SHGFI_TYPENAME);
        printf("sh.typename_generic=%s\n", sfi.szTypeName);
        GetModuleFileNameA(NULL, exe, sizeof(exe));
        printf("sh.exetype=0x%lx\n", (unsigned long)SHGetFileInfoA(exe, 0, NULL, 0, SHGFI_EXETYPE));
        CreateDirectoryA("sub", NULL);
        memset(&op, 0, sizeof(op));
        op.wFunc = FO_COPY;
        op.pFrom = "src.txt\0";
        op.pTo = "sub\0";
        op.fFlags = FOF_SILENT | FOF_NOCONFIRMATION;
        r = SHFileOperationA(&op);
        printf("sh.copy=%d exists=%d\n", r, GetFileAttributesA("sub\\src.txt") != INVALID_FILE_ATTRIBUTES);
        op.wFunc = FO_RENAME;
        op.pFrom = "sub\\src.txt\0";
        op.pTo = "sub\\renamed.txt\0";
        r = SHFileOperationA(&op);
        printf("sh.rename=%d exists=%d\n", r,
               GetFileAttributesA("sub\\renamed.txt") != INVALID_FILE_ATTRIBUTES);
        op.wFunc = FO_COPY;
        op.pFrom = "sub\\renamed.txt\0";
        op.pTo = "sub\0";
        op.fFlags = FOF_SILENT | FOF_NOCONFIRMATION | FOF_RENAMEONCOLLISION;
        r = SHFileOperationA(&op);
        printf("sh.copy_collision=%d exists=%d\n", r,
               GetFileAttributesA("sub\\Copy of renamed.txt") != INVALID_FILE_ATTRIBUTES);
        op.wFunc = FO_DELETE;
        op.pFrom = "sub\\*.txt\0";
        op.pTo = NULL;
        op.fFlags = FOF_SILENT | FOF_NOCONFIRMATION;
        r = SHFileOperationA(&op);
        printf("sh.delete=%d left=%d\n", r,
               GetFileAttributesA("sub\\renamed.txt") != INVALID_FILE_ATTRIBUTES);
        op.wFunc = FO_MOVE;
        op.pFrom = "src.txt\0";
        op.pTo = "sub\\moved.txt\0";
        r = SHFileOperationA(&op);
        printf("sh.move=%d src=%d dst=%d\n", r,
               GetFileAttributesA("src.txt") != INVALID_FILE_ATTRIBUTES,
               GetFileAttributesA("sub\\moved.txt") != INVALID_FILE_ATTRIBUTES);
        op.wFunc = FO_DELETE;
        op.pFrom = "sub\0";
        r = SHFileOperationA(&op);
        printf("sh.delete_tree=%d left=%d\n", r, GetFileAttributesA("sub") != INVALID_FILE_ATTRIBUTES);
        op.pFrom = "nothere.txt\0";
        printf("sh.delete_missing=0x%x\n", SHFileOperationA(&op));
    }
    printf("sh.execute=%lu\n", (unsigned long)(ULONG_PTR)ShellExecuteA(NULL, "open", "readme.txt", NULL, NULL, SW_SHOW));
    {
        SHELLEXECUTEINFOW sei;
        memset(&sei, 0, sizeof(sei));
        sei.cbSize = sizeof(sei);
        sei.lpFile = L"notepad.exe";
        SetLastError(0);
        BOOL ok = ShellExecuteExW(&sei);
        printf("sh.executeex=%d err=%lu inst=%lu\n", ok, GetLastError(), (unsigned long)(ULONG_PTR)sei.hInstApp);
    }
    /* an HDROP built the way a drop source builds one */
    {
        static const WCHAR files[] = L"C:\\one.txt\0D:\\two files.doc\0";
        HGLOBAL h = GlobalAlloc(GMEM_MOVEABLE, sizeof(DROPFILES) + sizeof(files));
        DROPFILES *df = (DROPFILES *)GlobalLock(h);
        POINT pt;
        char name[MAX_PATH];
        df->pFiles = sizeof(DROPFILES);
        df->pt.x = 12;
        df->pt.y = 34;
        df->fNC = FALSE;
        df->fWide = TRUE;
        memcpy(df + 1, files, sizeof(files));
        GlobalUnlock(h);
        UINT count = DragQueryFileA((HDROP)h, 0xFFFFFFFF, NULL, 0);
        UINT len = DragQueryFileA((HDROP)h, 1, NULL, 0);
        UINT got = DragQueryFileA((HDROP)h, 1, name, sizeof(name));
        printf("drop.count=%u len=%u got=%u name=%s ", count, len, got, name);
        got = DragQueryFileA((HDROP)h, 0, name, 5);
        printf("trunc=%u:%s ", got, name);
        BOOL client = DragQueryPoint((HDROP)h, &pt);
        printf("pt=%ld,%ld client=%d\n", pt.x, pt.y, client);
        DragFinish((HDROP)h);
    }
    {
        WNDCLASSA wc;
        memset(&wc, 0, sizeof(wc));
        wc.lpfnWndProc = DefWindowProcA;
        wc.hInstance = GetModuleHandleA(NULL);
        wc.lpszClassName = "misc_apis";
        RegisterClassA(&wc);
        HWND w = CreateWindowExA(0, "misc_apis", "x", WS_OVERLAPPEDWINDOW, 10, 10, 100, 100, NULL, NULL,
                                 wc.hInstance, NULL);
        DragAcceptFiles(w, TRUE);
        LONG on = GetWindowLongA(w, GWL_EXSTYLE) & WS_EX_ACCEPTFILES;
        DragAcceptFiles(w, FALSE);
        LONG off = GetWindowLongA(w, GWL_EXSTYLE) & WS_EX_ACCEPTFILES;
        printf("drop.accept=%d,%d monitor=%d\n", on != 0, off != 0,
               MonitorFromWindow(w, MONITOR_DEFAULTTONULL) == MonitorFromPoint((POINT){1, 1}, 0));
        DestroyWindow(w);
    }
    {
        int n = 0;
        LPWSTR *argv = CommandLineToArgvW(L"\"C:\\Program Files\\p.exe\" x \"y z\" a\\\\\"b c\" d\\e \"\"", &n);
        printf("argv.n=%d", n);
        for (int i = 0; i < n; i++)
            printf(" [%s]", w2a(argv[i]));
        printf("\n");
        LocalFree(argv);
        argv = CommandLineToArgvW(L"", &n);
        printf("argv.empty=%d %d\n", n, argv && lstrcmpiW(argv[0], L"") != 0);
        LocalFree(argv);
    }
}

/* ShellAbout is modal: a timer running in its message loop reads the box and closes it */
static char about_texts[512];

static BOOL CALLBACK collect_text(HWND w, LPARAM l)
{
    char t[256];
    if (GetWindowTextA(w, t, sizeof(t)) > 0 && strlen(about_texts) + strlen(t) + 2 < sizeof(about_texts)) {
        strcat(about_texts, "|");
        strcat(about_texts, t);
    }
    return TRUE;
}

static int about_found;

static void CALLBACK about_timer(HWND hwnd, UINT msg, UINT_PTR id, DWORD time)
{
    HWND w = FindWindowA(NULL, "About Misc Test");
    if (w && !about_found) {
        about_found = 1;
        EnumChildWindows(w, collect_text, 0);
        PostMessageA(w, WM_COMMAND, IDOK, 0);
    }
}

static void test_about(void)
{
    UINT_PTR timer = SetTimer(NULL, 0, 50, about_timer);
    int r = ShellAboutA(NULL, "Misc Test", "Other stuff", NULL);
    KillTimer(NULL, timer);
    for (char *p = about_texts; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = '/';
    printf("about=%d found=%d texts=%s\n", r, about_found, about_texts);
    printf("admin=%d\n", IsUserAnAdmin());
}

/* ---- shlwapi ---------------------------------------------------------------------------------- */
static void test_shlwapi(void)
{
    char p[MAX_PATH], exe[MAX_PATH];
    WCHAR w[MAX_PATH];
    const char *src = "C:\\dir\\file.txt";
    printf("path.filename=%s ext=%s\n", PathFindFileNameA(src), PathFindExtensionA(src));
    printf("path.noext=[%s] space=[%s]\n", PathFindExtensionA("C:\\a.b\\c"), PathFindExtensionA("x.a b"));
    strcpy(p, src);
    printf("path.removespec=%d %s ", PathRemoveFileSpecA(p), p);
    strcpy(p, "C:\\file");
    PathRemoveFileSpecA(p);
    printf("%s ", p);
    strcpy(p, "C:\\");
    printf("%d %s\n", PathRemoveFileSpecA(p), p);
    strcpy(p, src);
    PathStripPathA(p);
    printf("path.strip=%s\n", p);
    strcpy(p, "C:\\a\\b");
    printf("path.addext=%d %s ", PathAddExtensionA(p, NULL), p);
    printf("%d %s\n", PathAddExtensionA(p, ".txt"), p);
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    printf("path.exists=%d,%d\n", PathFileExistsA(exe), PathFileExistsA("C:\\no\\such.file"));
    lstrcpyW(w, L"C:\\Windows\\Notepad.EXE");
    printf("pathw.filename=%s\n", w2a(PathFindFileNameW(w)));
    PathRemoveFileSpecW(w);
    printf("pathw.removespec=%s\n", w2a(w));
    {
        const WCHAR *hay = L"one Two three two";
        printf("str.strw=%d stri=%d rstri=%d rstri_last=%d none=%d\n", (int)(StrStrW(hay, L"two") - hay),
               (int)(StrStrIW(hay, L"TWO") - hay), (int)(StrRStrIW(hay, NULL, L"TWO") - hay),
               (int)(StrRStrIW(hay, hay + 14, L"two") - hay), StrStrW(hay, L"four") == NULL);
        printf("str.cmpn=%d,%d,%d cmpni=%d\n", StrCmpNW(L"abcX", L"abcY", 3), StrCmpNW(L"abcX", L"abcY", 4) < 0,
               StrCmpNW(L"b", L"a", 1) > 0, StrCmpNIW(L"ABCd", L"abcE", 3));
    }
    {
        int r = wnsprintfW(w, 64, L"%s-%d-%04x-%c", L"name", -12, 0xab, L'Z');
        printf("wnsprintf=%d %s\n", r, w2a(w));
        r = wnsprintfW(w, 5, L"%s", L"toolong");
        printf("wnsprintf.trunc=%d %s\n", r, w2a(w));
        char a[16];
        r = wnsprintfA(a, sizeof(a), "%u/%s", 7u, "x");
        printf("wnsprintfa=%d %s\n", r, a);
    }
    {
        typedef BOOL(WINAPI * IsOS_t)(DWORD);
        IsOS_t isos = (IsOS_t)GetProcAddress(LoadLibraryA("shlwapi.dll"), (LPCSTR)437);
        printf("isos=%d nt=%d xp=%d server=%d\n", isos != NULL, isos ? isos(1) : -1, isos ? isos(18) : -1,
               isos ? isos(29) : -1);
    }
}

/* ---- delay loading ---------------------------------------------------------------------------- */
int __stdcall dl_add(int a, int b);
extern void *imp_dl_mul __asm__("__imp__dl_mul@8");
extern void *imp_nd_func __asm__("__imp__nd_func@4");
extern const IMAGE_DELAYLOAD_DESCRIPTOR desc_dl __asm__("__DELAY_IMPORT_DESCRIPTOR_libmisc_dl_delay_a");
extern const IMAGE_DELAYLOAD_DESCRIPTOR desc_nodll __asm__("__DELAY_IMPORT_DESCRIPTOR_libmisc_nodll_delay_a");
extern IMAGE_DOS_HEADER __ImageBase;

typedef PVOID(WINAPI *Resolve_t)(PVOID, const IMAGE_DELAYLOAD_DESCRIPTOR *, PVOID, PVOID, PVOID, ULONG);
static int hook_reason, hook_byname;
static char hook_dll[64], hook_proc[64];

static PVOID WINAPI dll_hook(ULONG reason, DWORD *info)
{
    /* DELAYLOAD_INFO: Size, DelayloadDescriptor, ThunkAddress, TargetDllName, {ImportDescribedByName, Name}, ... */
    hook_reason = (int)reason;
    lstrcpynA(hook_dll, (const char *)info[3], sizeof(hook_dll));
    hook_byname = (int)info[4];
    if (info[4])
        lstrcpynA(hook_proc, (const char *)info[5], sizeof(hook_proc));
    return NULL;
}

static int WINAPI fallback(int x) { return 1000 + x; }

static FARPROC WINAPI system_hook(LPCSTR dll, LPCSTR proc)
{
    return (FARPROC)fallback;
}

static void test_delayload(void)
{
    printf("delay.before=%d\n", GetModuleHandleA("misc_dl.dll") != NULL);
    printf("delay.add=%d\n", dl_add(2, 3)); /* through mingw's __delayLoadHelper2 */
    printf("delay.loaded=%d\n", GetModuleHandleA("misc_dl.dll") != NULL);
    Resolve_t resolve = (Resolve_t)GetProcAddress(GetModuleHandleA("kernel32.dll"), "ResolveDelayLoadedAPI");
    printf("delay.resolver=%d\n", resolve != NULL);
    if (!resolve)
        return;
    PVOID slot_before = imp_dl_mul;
    PVOID got = resolve(&__ImageBase, &desc_dl, NULL, NULL, &imp_dl_mul, 0);
    int (WINAPI *mul)(int, int) = (int (WINAPI *)(int, int))imp_dl_mul;
    printf("delay.resolve=%d patched=%d same=%d mul=%d\n", got != NULL, imp_dl_mul != slot_before, got == imp_dl_mul,
           mul(6, 7));
    printf("delay.is_export=%d\n", got == (PVOID)GetProcAddress(GetModuleHandleA("misc_dl.dll"), "dl_mul"));
    got = resolve(&__ImageBase, &desc_nodll, (PVOID)dll_hook, (PVOID)system_hook, &imp_nd_func, 0);
    int (WINAPI *nd)(int) = (int (WINAPI *)(int))imp_nd_func;
    printf("delay.fail hook=%d dll=%s byname=%d proc=%s fallback=%d patched=%d\n", hook_reason, hook_dll, hook_byname,
           hook_proc, got == (PVOID)fallback, nd(5));
}

int main(void)
{
    test_ini();
    test_datetime();
    test_muldiv_cp();
    test_display();
    test_version();
    test_shell();
    test_about();
    test_shlwapi();
    test_delayload();
    printf("done\n");
    return 0;
}
