/* DirectInput keyboard and mouse. argv[1] picks a section:
     api    creation, version checks, reference counts, EnumDevices, capabilities, properties, objects, error codes
            (no input needed);
     input  a window with DirectInput 8 keyboard and mouse (plus a DirectInputCreateA version-3 keyboard and a mouse
            with a custom data format); loops on MsgWaitForMultipleObjects printing GetDeviceState changes and
            buffered GetDeviceData records until Esc arrives; driven by an --input script;
     wait   a keyboard with an event notification and no message loop at all: WaitForSingleObject on the event
            must wake when a key arrives.
   Prints "name values" lines that tests/test_dinput.py checks.

   Build (in tests/programs):
     i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o dinput_test.exe dinput_test.c \
         -ldinput8 -ldinput -ldxguid -lole32 -luser32 -lgdi32
*/
#define DIRECTINPUT_VERSION 0x0800
#include <windows.h>
#include <dinput.h>
#include <stdio.h>
#include <string.h>

/* dinput.h declares these only for DIRECTINPUT_VERSION < 0x800 */
HRESULT WINAPI DirectInputCreateA(HINSTANCE, DWORD, IDirectInputA **, IUnknown *);

#define P(...) do { printf(__VA_ARGS__); fflush(stdout); } while (0)

static ULONG refs(void *iface) {
    IUnknown *u = (IUnknown *)iface;
    u->lpVtbl->AddRef(u);
    return u->lpVtbl->Release(u);
}

static HWND make_window(void) {
    WNDCLASSA wc;
    HWND h;
    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = DefWindowProcA;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.lpszClassName = "ditest";
    wc.hbrBackground = (HBRUSH)GetStockObject(WHITE_BRUSH);
    RegisterClassA(&wc);
    h = CreateWindowExA(0, "ditest", "dinput test", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 0, 0, 640, 480, NULL, NULL,
                        wc.hInstance, NULL);
    SetForegroundWindow(h);
    SetFocus(h);
    return h;
}

static void pump(void) {
    MSG msg;
    while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE)) {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
}

static HRESULT set_dword(void *dev, REFGUID prop, DWORD obj, DWORD how, DWORD v) {
    DIPROPDWORD p;
    p.diph.dwSize = sizeof p;
    p.diph.dwHeaderSize = sizeof p.diph;
    p.diph.dwObj = obj;
    p.diph.dwHow = how;
    p.dwData = v;
    return IDirectInputDevice8_SetProperty((IDirectInputDevice8A *)dev, prop, &p.diph);
}

static HRESULT get_dword(void *dev, REFGUID prop, DWORD obj, DWORD how, DWORD *v) {
    DIPROPDWORD p;
    HRESULT hr;
    p.diph.dwSize = sizeof p;
    p.diph.dwHeaderSize = sizeof p.diph;
    p.diph.dwObj = obj;
    p.diph.dwHow = how;
    p.dwData = 0xDEADBEEF;
    hr = IDirectInputDevice8_GetProperty((IDirectInputDevice8A *)dev, prop, &p.diph);
    *v = p.dwData;
    return hr;
}

/* ---- api ----------------------------------------------------------------------------------------------------- */
static int enum_count;
static BOOL CALLBACK enum_dev(const DIDEVICEINSTANCEA *d, void *ctx) {
    enum_count++;
    P("%s %s %lu %08lx %d %s %u %u\n", (const char *)ctx, d->tszInstanceName, d->dwSize, d->dwDevType,
      IsEqualGUID(&d->guidInstance, &GUID_SysKeyboard) ? 1 : IsEqualGUID(&d->guidInstance, &GUID_SysMouse) ? 2 : 0,
      d->tszProductName, d->dwSize >= sizeof(DIDEVICEINSTANCEA) ? d->wUsagePage : 0,
      d->dwSize >= sizeof(DIDEVICEINSTANCEA) ? d->wUsage : 0);
    return DIENUM_CONTINUE;
}
static BOOL CALLBACK enum_dev_w(const DIDEVICEINSTANCEW *d, void *ctx) {
    char name[64];
    enum_count++;
    WideCharToMultiByte(CP_ACP, 0, d->tszInstanceName, -1, name, sizeof name, NULL, NULL);
    P("enumw %s %lu %08lx\n", name, d->dwSize, d->dwDevType);
    return DIENUM_CONTINUE;
}
static BOOL CALLBACK enum_stop(const DIDEVICEINSTANCEA *d, void *ctx) {
    enum_count++;
    return DIENUM_STOP;
}
static BOOL CALLBACK enum_obj(const DIDEVICEOBJECTINSTANCEA *o, void *ctx) {
    enum_count++;
    if (ctx)
        P("%s %s %lu %08lx %lu %lx %u %u\n", (const char *)ctx, o->tszName, o->dwSize, o->dwType, o->dwOfs,
          o->dwFlags, o->wUsagePage, o->wUsage);
    return DIENUM_CONTINUE;
}

/* a format whose only object is a joystick POV: not on a keyboard, not optional */
static DIOBJECTDATAFORMAT pov_obj[] = {{&GUID_POV, 0, DIDFT_POV | DIDFT_ANYINSTANCE, 0}};
static DIDATAFORMAT pov_fmt = {sizeof(DIDATAFORMAT), sizeof(DIOBJECTDATAFORMAT), 0, 4, 1, pov_obj};

static void api(void) {
    HINSTANCE hi = GetModuleHandleA(NULL);
    IDirectInput8A *di = NULL, *di_b = NULL;
    IDirectInput8W *diw = NULL;
    IDirectInputA *di3 = NULL;
    IDirectInput2A *di2 = NULL;
    IDirectInput7A *di7 = NULL;
    IDirectInputDevice8A *kbd = NULL, *mouse = NULL, *joy = (void *)1;
    IDirectInputDeviceA *m3 = NULL;
    IDirectInputDevice2A *m3b = NULL;
    IDirectInputDevice7W *m7 = NULL;
    IUnknown *unk = (void *)1;
    HRESULT hr;
    DWORD v;
    BYTE keys[256];
    DIMOUSESTATE2 ms;
    DIDEVICEOBJECTDATA od[4];
    DIDEVCAPS caps;
    DIDEVCAPS_DX3 caps3;
    DIDEVICEINSTANCEA inst;
    DIDEVICEOBJECTINSTANCEA oi;
    DIPROPRANGE range;
    DIPROPSTRING str;
    char name[64];
    HANDLE ev;
    DWORD a, b, c;

    /* versions */
    hr = DirectInput8Create(hi, 0x0700, &IID_IDirectInput8A, (void **)&di_b, NULL);
    P("v8_0700 %08lx\n", hr);
    hr = DirectInput8Create(hi, 0x0900, &IID_IDirectInput8A, (void **)&di_b, NULL);
    P("v8_0900 %08lx\n", hr);
    hr = DirectInput8Create(hi, 0, &IID_IDirectInput8A, (void **)&di_b, NULL);
    P("v8_0 %08lx\n", hr);
    hr = DirectInputCreateA(hi, 0x0800, &di3, NULL);
    P("v_0800 %08lx %p\n", hr, (void *)di3);
    hr = DirectInputCreateA(hi, 0x0301, &di3, NULL);
    P("v_0301 %08lx\n", hr);
    hr = DirectInput8Create(hi, 0x0800, &IID_IDirectInputA, (void **)&di_b, NULL);
    P("v8_iid_legacy %08lx %p\n", hr, (void *)di_b);

    /* reference counts and interfaces */
    hr = DirectInput8Create(hi, DIRECTINPUT_VERSION, &IID_IDirectInput8A, (void **)&di, NULL);
    P("create %08lx %lu\n", hr, refs(di));
    a = IDirectInput8_AddRef(di);
    b = IDirectInput8_Release(di);
    P("addref %lu %lu\n", a, b);
    hr = IDirectInput8_QueryInterface(di, &IID_IDirectInput8W, (void **)&diw);
    P("qi8w %08lx %lu\n", hr, refs(di));
    IDirectInput8_Release(diw);
    hr = IDirectInput8_QueryInterface(di, &IID_IDirectInputA, (void **)&unk);
    P("qilegacy %08lx %p\n", hr, (void *)unk);

    /* devices */
    hr = IDirectInput8_CreateDevice(di, &GUID_SysKeyboard, &kbd, NULL);
    P("kbd %08lx %lu %lu\n", hr, refs(kbd), refs(di));
    hr = IDirectInput8_CreateDevice(di, &GUID_Joystick, &joy, NULL);
    P("joy %08lx %p\n", hr, (void *)joy);
    hr = IDirectInput8_CreateDevice(di, &GUID_SysMouse, &mouse, NULL);
    P("mouse %08lx %lu\n", hr, refs(di));
    P("status %08lx %08lx\n", IDirectInput8_GetDeviceStatus(di, &GUID_SysMouse),
      IDirectInput8_GetDeviceStatus(di, &GUID_Joystick));

    /* EnumDevices */
    enum_count = 0;
    hr = IDirectInput8_EnumDevices(di, DI8DEVCLASS_ALL, enum_dev, "enum_all", DIEDFL_ATTACHEDONLY);
    P("enum_all_n %08lx %d\n", hr, enum_count);
    enum_count = 0;
    IDirectInput8_EnumDevices(di, DI8DEVCLASS_KEYBOARD, enum_dev, "enum_kbd", 0);
    IDirectInput8_EnumDevices(di, DI8DEVCLASS_POINTER, enum_dev, "enum_ptr", 0);
    IDirectInput8_EnumDevices(di, DI8DEVTYPE_KEYBOARD, enum_dev, "enum_type", 0);
    IDirectInput8_EnumDevices(di, DI8DEVCLASS_GAMECTRL, enum_dev, "enum_game", 0);
    IDirectInput8_EnumDevices(di, 0, enum_dev, "enum_ff", DIEDFL_FORCEFEEDBACK);
    P("enum_filtered_n %d\n", enum_count);
    enum_count = 0;
    IDirectInput8_EnumDevices(di, 0, enum_stop, NULL, 0);
    P("enum_stop_n %d\n", enum_count);
    P("enum_badflags %08lx %08lx\n", IDirectInput8_EnumDevices(di, 0, enum_dev, "x", 0x8),
      IDirectInput8_EnumDevices(di, 0x30, enum_dev, "x", 0));
    hr = IDirectInput8_QueryInterface(di, &IID_IDirectInput8W, (void **)&diw);
    IDirectInput8_EnumDevices(diw, DI8DEVCLASS_KEYBOARD, (LPDIENUMDEVICESCALLBACKW)enum_dev_w, NULL, 0);
    IDirectInput8_Release(diw);

    /* the keyboard: errors before and after the data format and acquisition */
    P("kstate_noformat %08lx\n", IDirectInputDevice8_GetDeviceState(kbd, 256, keys));
    P("kacq_noformat %08lx\n", IDirectInputDevice8_Acquire(kbd));
    P("kfmt_pov %08lx\n", IDirectInputDevice8_SetDataFormat(kbd, &pov_fmt));
    pov_fmt.dwSize = 12;
    P("kfmt_badsize %08lx\n", IDirectInputDevice8_SetDataFormat(kbd, &pov_fmt));
    P("kfmt %08lx\n", IDirectInputDevice8_SetDataFormat(kbd, &c_dfDIKeyboard));
    P("kstate_unacq %08lx\n", IDirectInputDevice8_GetDeviceState(kbd, 256, keys));
    v = 4;
    P("kdata_unacq %08lx\n", IDirectInputDevice8_GetDeviceData(kbd, sizeof od[0], od, &v, 0));
    P("kcoop_bad %08lx %08lx %08lx\n",
      IDirectInputDevice8_SetCooperativeLevel(kbd, NULL, DISCL_EXCLUSIVE | DISCL_NONEXCLUSIVE | DISCL_FOREGROUND),
      IDirectInputDevice8_SetCooperativeLevel(kbd, NULL, DISCL_NONEXCLUSIVE),
      IDirectInputDevice8_SetCooperativeLevel(kbd, NULL, DISCL_EXCLUSIVE | DISCL_BACKGROUND));
    a = IDirectInputDevice8_Acquire(kbd);
    b = IDirectInputDevice8_Acquire(kbd);
    P("kacq %08lx %08lx\n", a, b);
    {
        HWND w = make_window();
        a = IDirectInputDevice8_SetCooperativeLevel(kbd, w, DISCL_EXCLUSIVE | DISCL_BACKGROUND);
        b = IDirectInputDevice8_SetCooperativeLevel(kbd, w, DISCL_NONEXCLUSIVE | DISCL_FOREGROUND);
        P("kcoop_window %08lx %08lx\n", a, b);
        DestroyWindow(w);
    }
    P("kfmt_acq %08lx\n", IDirectInputDevice8_SetDataFormat(kbd, &c_dfDIKeyboard));
    P("kbuf_acq %08lx\n", set_dword(kbd, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, 8));
    v = 4;
    P("kdata_unbuffered %08lx\n", IDirectInputDevice8_GetDeviceData(kbd, sizeof od[0], od, &v, 0));
    P("kstate_badsize %08lx\n", IDirectInputDevice8_GetDeviceState(kbd, 255, keys));
    memset(keys, 0x55, sizeof keys);
    hr = IDirectInputDevice8_GetDeviceState(kbd, 256, keys);
    {
        int down = 0, i;
        for (i = 0; i < 256; i++) down += keys[i] != 0;
        P("kstate %08lx %d\n", hr, down);
    }
    P("kpoll %08lx\n", IDirectInputDevice8_Poll(kbd));
    a = IDirectInputDevice8_Unacquire(kbd);
    b = IDirectInputDevice8_Unacquire(kbd);
    P("kunacq %08lx %08lx\n", a, b);
    P("kpoll_unacq %08lx\n", IDirectInputDevice8_Poll(kbd));

    /* capabilities, device info, properties */
    caps.dwSize = sizeof caps;
    hr = IDirectInputDevice8_GetCapabilities(kbd, &caps);
    P("kcaps %08lx %lu %lx %08lx %lu %lu %lu\n", hr, caps.dwSize, caps.dwFlags, caps.dwDevType, caps.dwAxes,
      caps.dwButtons, caps.dwPOVs);
    hr = IDirectInputDevice8_GetCapabilities(mouse, &caps);
    P("mcaps %08lx %lu %lx %08lx %lu %lu %lu\n", hr, caps.dwSize, caps.dwFlags, caps.dwDevType, caps.dwAxes,
      caps.dwButtons, caps.dwPOVs);
    caps.dwSize = 20;
    P("caps_badsize %08lx\n", IDirectInputDevice8_GetCapabilities(mouse, &caps));
    inst.dwSize = sizeof inst;
    hr = IDirectInputDevice8_GetDeviceInfo(mouse, &inst);
    P("minfo %08lx %lu %s %08lx %d\n", hr, inst.dwSize, inst.tszProductName, inst.dwDevType,
      IsEqualGUID(&inst.guidInstance, &GUID_SysMouse));
    hr = get_dword(kbd, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, &v);
    P("kbufsize %08lx %lu\n", hr, v);
    P("kbufset %08lx\n", set_dword(kbd, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, 16));
    hr = get_dword(kbd, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, &v);
    P("kbufsize2 %08lx %lu\n", hr, v);
    P("kbuf_byobj %08lx\n", set_dword(kbd, DIPROP_BUFFERSIZE, DIK_A, DIPH_BYOFFSET, 16));
    P("kaxismode %08lx\n", get_dword(kbd, DIPROP_AXISMODE, 0, DIPH_DEVICE, &v));
    IDirectInputDevice8_SetDataFormat(mouse, &c_dfDIMouse2);
    hr = get_dword(mouse, DIPROP_AXISMODE, 0, DIPH_DEVICE, &v);
    P("maxismode %08lx %lu\n", hr, v);
    P("maxisset %08lx\n", set_dword(mouse, DIPROP_AXISMODE, 0, DIPH_DEVICE, DIPROPAXISMODE_ABS));
    hr = get_dword(mouse, DIPROP_AXISMODE, 0, DIPH_DEVICE, &v);
    P("maxismode2 %08lx %lu\n", hr, v);
    set_dword(mouse, DIPROP_AXISMODE, 0, DIPH_DEVICE, DIPROPAXISMODE_REL);
    hr = get_dword(mouse, DIPROP_GRANULARITY, DIMOFS_Z, DIPH_BYOFFSET, &v);
    P("mgran %08lx %lu\n", hr, v);
    hr = get_dword(mouse, DIPROP_GRANULARITY, DIMOFS_X, DIPH_BYOFFSET, &v);
    P("mgran_x %08lx %lu\n", hr, v);
    P("mgran_none %08lx\n", get_dword(mouse, DIPROP_GRANULARITY, 200, DIPH_BYOFFSET, &v));
    range.diph.dwSize = sizeof range;
    range.diph.dwHeaderSize = sizeof range.diph;
    range.diph.dwObj = DIMOFS_X;
    range.diph.dwHow = DIPH_BYOFFSET;
    hr = IDirectInputDevice8_GetProperty(mouse, DIPROP_RANGE, &range.diph);
    P("mrange %08lx %08lx %08lx\n", hr, (DWORD)range.lMin, (DWORD)range.lMax);
    str.diph.dwSize = sizeof str;
    str.diph.dwHeaderSize = sizeof str.diph;
    str.diph.dwObj = DIK_UP;
    str.diph.dwHow = DIPH_BYOFFSET;
    hr = IDirectInputDevice8_GetProperty(kbd, DIPROP_KEYNAME, &str.diph);
    WideCharToMultiByte(CP_ACP, 0, str.wsz, -1, name, sizeof name, NULL, NULL);
    P("keyname %08lx %s\n", hr, name);
    str.diph.dwObj = 0;
    str.diph.dwHow = DIPH_DEVICE;
    hr = IDirectInputDevice8_GetProperty(kbd, DIPROP_PRODUCTNAME, &str.diph);
    WideCharToMultiByte(CP_ACP, 0, str.wsz, -1, name, sizeof name, NULL, NULL);
    P("productname %08lx %s\n", hr, name);

    /* objects */
    enum_count = 0;
    hr = IDirectInputDevice8_EnumObjects(mouse, enum_obj, "mobj", DIDFT_ALL);
    P("mobj_n %08lx %d\n", hr, enum_count);
    enum_count = 0;
    IDirectInputDevice8_EnumObjects(mouse, enum_obj, NULL, DIDFT_AXIS);
    P("mobj_axes %d\n", enum_count);
    enum_count = 0;
    IDirectInputDevice8_EnumObjects(kbd, enum_obj, NULL, DIDFT_BUTTON);
    P("kobj_buttons %d\n", enum_count);
    enum_count = 0;
    IDirectInputDevice8_EnumObjects(kbd, enum_obj, NULL, DIDFT_AXIS);
    P("kobj_axes %d\n", enum_count);
    enum_count = 0;
    IDirectInputDevice8_EnumObjects(mouse, enum_obj, NULL, DIDFT_COLLECTION);
    P("mobj_collections %d\n", enum_count);
    oi.dwSize = sizeof oi;
    hr = IDirectInputDevice8_GetObjectInfo(kbd, &oi, DIK_ESCAPE, DIPH_BYOFFSET);
    P("kobj_esc %08lx %s %08lx %lu\n", hr, oi.tszName, oi.dwType, oi.dwOfs);
    hr = IDirectInputDevice8_GetObjectInfo(kbd, &oi, DIDFT_BUTTON | DIDFT_MAKEINSTANCE(DIK_RCONTROL), DIPH_BYID);
    P("kobj_rctrl %08lx %s %lu\n", hr, oi.tszName, oi.dwOfs);
    hr = IDirectInputDevice8_GetObjectInfo(mouse, &oi, DIMOFS_BUTTON1, DIPH_BYOFFSET);
    P("mobj_b1 %08lx %s %08lx\n", hr, oi.tszName, oi.dwType);
    P("mobj_missing %08lx\n", IDirectInputDevice8_GetObjectInfo(mouse, &oi, DIMOFS_BUTTON7, DIPH_BYOFFSET));

    /* mouse state in the DIMOUSESTATE2 format, event notification rules */
    IDirectInputDevice8_SetCooperativeLevel(mouse, NULL, DISCL_NONEXCLUSIVE | DISCL_BACKGROUND);
    ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    P("mevent_bad %08lx\n", IDirectInputDevice8_SetEventNotification(mouse, (HANDLE)0x1234));
    P("mevent %08lx\n", IDirectInputDevice8_SetEventNotification(mouse, ev));
    P("macq %08lx\n", IDirectInputDevice8_Acquire(mouse));
    P("mevent_acq %08lx\n", IDirectInputDevice8_SetEventNotification(mouse, NULL));
    memset(&ms, 0x55, sizeof ms);
    hr = IDirectInputDevice8_GetDeviceState(mouse, sizeof ms, &ms);
    P("mstate %08lx %ld %ld %ld %d %d\n", hr, ms.lX, ms.lY, ms.lZ, ms.rgbButtons[0], ms.rgbButtons[7]);
    P("mstate_mouse1size %08lx\n", IDirectInputDevice8_GetDeviceState(mouse, sizeof(DIMOUSESTATE), &ms));
    P("mevent_signalled %lu\n", WaitForSingleObject(ev, 0));

    /* releasing: the devices hold the DirectInput object */
    a = IDirectInputDevice8_Release(kbd);
    P("release_kbd %lu %lu\n", a, refs(di));
    P("release_di %lu\n", IDirectInput8_Release(di));
    P("release_mouse %lu\n", IDirectInputDevice8_Release(mouse));

    /* DirectInput 3 through dinput.dll: DX3 structure sizes, IDirectInput2/7, IDirectInputDevice2/7 */
    hr = DirectInputCreateA(hi, 0x0300, &di3, NULL);
    P("di3 %08lx %lu\n", hr, refs(di3));
    enum_count = 0;
    IDirectInput_EnumDevices(di3, 0, (LPDIENUMDEVICESCALLBACKA)enum_dev, "enum3", 0);
    P("enum3_n %d\n", enum_count);
    IDirectInput_EnumDevices(di3, DIDEVTYPE_MOUSE, (LPDIENUMDEVICESCALLBACKA)enum_dev, "enum3_mouse", 0);
    P("enum3_bad %08lx\n", IDirectInput_EnumDevices(di3, DI8DEVCLASS_POINTER + 0x10, (LPDIENUMDEVICESCALLBACKA)enum_dev, "x", 0));
    hr = IDirectInput_QueryInterface(di3, &IID_IDirectInput2A, (void **)&di2);
    P("qi2 %08lx %lu\n", hr, refs(di3));
    P("finddevice %08lx\n", IDirectInput2_FindDevice(di2, &GUID_Joystick, "x", (GUID *)&inst.guidInstance));
    IDirectInput2_Release(di2);
    hr = IDirectInput_CreateDevice(di3, &GUID_SysMouse, &m3, NULL);
    P("m3 %08lx %lu\n", hr, refs(m3));
    hr = IDirectInputDevice_QueryInterface(m3, &IID_IDirectInputDevice2A, (void **)&m3b);
    P("m3qi2 %08lx %lu\n", hr, refs(m3));
    caps3.dwSize = sizeof caps3;
    hr = IDirectInputDevice_GetCapabilities(m3, (DIDEVCAPS *)&caps3);
    P("m3caps %08lx %lu %08lx %lu %lu\n", hr, caps3.dwSize, caps3.dwDevType, caps3.dwAxes, caps3.dwButtons);
    P("m3poll %08lx\n", IDirectInputDevice2_Poll(m3b));
    IDirectInputDevice2_Release(m3b);
    hr = IDirectInputDevice_QueryInterface(m3, &IID_IDirectInputDevice8A, (void **)&unk);
    P("m3qi8 %08lx\n", hr);
    hr = IDirectInput_QueryInterface(di3, &IID_IDirectInput7A, (void **)&di7);
    hr = IDirectInput7_CreateDeviceEx(di7, &GUID_SysMouse, &IID_IDirectInputDevice7W, (void **)&m7, NULL);
    P("createex %08lx %lu\n", hr, refs(m7));
    {
        DIDEVICEINSTANCEW iw;
        iw.dwSize = sizeof iw;
        hr = IDirectInputDevice7_GetDeviceInfo(m7, &iw);
        WideCharToMultiByte(CP_ACP, 0, iw.tszInstanceName, -1, name, sizeof name, NULL, NULL);
        P("m7info %08lx %lu %s %08lx\n", hr, iw.dwSize, name, iw.dwDevType);
    }
    IDirectInputDevice7_Release(m7);
    IDirectInput7_Release(di7);
    IDirectInputDevice_Release(m3);
    P("di3_release %lu\n", IDirectInput_Release(di3));

    /* CoCreateInstance: uninitialized until Initialize */
    CoInitialize(NULL);
    hr = CoCreateInstance(&CLSID_DirectInput8, NULL, CLSCTX_INPROC_SERVER, &IID_IDirectInput8A, (void **)&di);
    P("cocreate %08lx\n", hr);
    P("co_uninit %08lx\n", IDirectInput8_CreateDevice(di, &GUID_SysKeyboard, &kbd, NULL));
    a = IDirectInput8_Initialize(di, hi, 0x0700);
    b = IDirectInput8_Initialize(di, hi, 0x0800);
    P("co_init %08lx %08lx\n", a, b);
    hr = IDirectInput8_CreateDevice(di, &GUID_SysKeyboard, &kbd, NULL);
    P("co_device %08lx\n", hr);
    IDirectInputDevice8_Release(kbd);
    IDirectInput8_Release(di);
    hr = CoCreateInstance(&CLSID_DirectInputDevice8, NULL, CLSCTX_INPROC_SERVER, &IID_IDirectInputDevice8A,
                          (void **)&kbd);
    P("codev %08lx %08lx\n", hr, IDirectInputDevice8_SetDataFormat(kbd, &c_dfDIKeyboard));
    a = IDirectInputDevice8_Initialize(kbd, hi, 0x0800, &GUID_SysKeyboard);
    b = IDirectInputDevice8_Initialize(kbd, hi, 0x0800, &GUID_SysMouse);
    c = IDirectInputDevice8_SetDataFormat(kbd, &c_dfDIKeyboard);
    P("codev_init %08lx %08lx %08lx\n", a, b, c);
    IDirectInputDevice8_Release(kbd);
    CoUninitialize();
}

/* ---- input ----------------------------------------------------------------------------------------------------- */
/* the mouse as {Y axis, button 0, X axis}: objects land where the format says */
static DIOBJECTDATAFORMAT custom_obj[] = {
    {&GUID_YAxis, 0, DIDFT_AXIS | DIDFT_ANYINSTANCE, 0},
    {NULL, 4, DIDFT_BUTTON | DIDFT_ANYINSTANCE, 0},
    {&GUID_XAxis, 8, DIDFT_AXIS | DIDFT_ANYINSTANCE, 0},
};
static DIDATAFORMAT custom_fmt = {sizeof(DIDATAFORMAT), sizeof(DIOBJECTDATAFORMAT), DIDF_ABSAXIS, 12, 3, custom_obj};
struct custom_state { LONG y; BYTE b0, pad[3]; LONG x; };

static int async_of(int dik) {
    int vk = 0;
    switch (dik) {
    case DIK_UP: vk = VK_UP; break;
    case DIK_RIGHT: vk = VK_RIGHT; break;
    case DIK_LSHIFT: vk = VK_LSHIFT; break;
    case DIK_A: vk = 'A'; break;
    case DIK_ESCAPE: vk = VK_ESCAPE; break;
    case DIK_RCONTROL: vk = VK_RCONTROL; break;
    case DIK_NUMPAD7: vk = VK_NUMPAD7; break;
    default: return -1;
    }
    return (GetAsyncKeyState(vk) & 0x8000) ? 1 : 0;
}

static void input(void) {
    HINSTANCE hi = GetModuleHandleA(NULL);
    HWND hwnd = make_window();
    IDirectInput8A *di;
    IDirectInputA *di3;
    IDirectInputDevice8A *kbd, *mouse, *kbd2;
    IDirectInputDeviceA *kbd3, *mouse3;
    HANDLE mev = CreateEventA(NULL, FALSE, FALSE, NULL);
    BYTE prev[256], keys[256];
    DIMOUSESTATE2 ms;
    struct custom_state cs, pcs;
    BYTE pbuttons[8];
    int done = 0, signals = 0, i;
    DWORD start = GetTickCount(), n, a, b, c, d, e;
    HRESULT hr;

    pump();
    DirectInput8Create(hi, DIRECTINPUT_VERSION, &IID_IDirectInput8A, (void **)&di, NULL);
    IDirectInput8_CreateDevice(di, &GUID_SysKeyboard, &kbd, NULL);
    IDirectInputDevice8_SetDataFormat(kbd, &c_dfDIKeyboard);
    IDirectInputDevice8_SetCooperativeLevel(kbd, hwnd, DISCL_NONEXCLUSIVE | DISCL_FOREGROUND);
    set_dword(kbd, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, 64);
    IDirectInput8_CreateDevice(di, &GUID_SysMouse, &mouse, NULL);
    IDirectInputDevice8_SetDataFormat(mouse, &c_dfDIMouse2);
    IDirectInputDevice8_SetCooperativeLevel(mouse, hwnd, DISCL_EXCLUSIVE | DISCL_FOREGROUND);
    set_dword(mouse, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, 64);
    IDirectInputDevice8_SetEventNotification(mouse, mev);
    IDirectInput8_CreateDevice(di, &GUID_SysKeyboard, &kbd2, NULL);
    IDirectInputDevice8_SetDataFormat(kbd2, &c_dfDIKeyboard);
    IDirectInputDevice8_SetCooperativeLevel(kbd2, hwnd, DISCL_NONEXCLUSIVE | DISCL_BACKGROUND);
    set_dword(kbd2, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, 2);

    DirectInputCreateA(hi, 0x0300, &di3, NULL);
    IDirectInput_CreateDevice(di3, &GUID_SysKeyboard, &kbd3, NULL);
    IDirectInputDevice_SetDataFormat(kbd3, &c_dfDIKeyboard);
    IDirectInputDevice_SetCooperativeLevel(kbd3, hwnd, DISCL_NONEXCLUSIVE | DISCL_FOREGROUND);
    set_dword(kbd3, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, 32);
    IDirectInput_CreateDevice(di3, &GUID_SysMouse, &mouse3, NULL);
    hr = IDirectInputDevice_SetDataFormat(mouse3, &custom_fmt);
    P("custom_format %08lx\n", hr);
    IDirectInputDevice_SetCooperativeLevel(mouse3, hwnd, DISCL_NONEXCLUSIVE | DISCL_FOREGROUND);

    a = IDirectInputDevice8_Acquire(kbd);
    b = IDirectInputDevice8_Acquire(mouse);
    c = IDirectInputDevice8_Acquire(kbd2);
    d = IDirectInputDevice_Acquire(kbd3);
    e = IDirectInputDevice_Acquire(mouse3);
    P("acquire %08lx %08lx %08lx %08lx %08lx\n", a, b, c, d, e);
    P("mevent_initial %lu\n", WaitForSingleObject(mev, 0));
    IDirectInputDevice8_GetDeviceState(kbd, 256, prev);
    IDirectInputDevice_GetDeviceState(mouse3, sizeof pcs, &pcs);
    memset(pbuttons, 0, sizeof pbuttons);
    P("start %lu\n", start);

    while (!done && GetTickCount() - start < 20000) {
        DIDEVICEOBJECTDATA od[16];
        DIDEVICEOBJECTDATA_DX3 od3[16];
        MsgWaitForMultipleObjects(1, &mev, FALSE, 100, QS_ALLINPUT);
        pump();
        if (WaitForSingleObject(mev, 0) == WAIT_OBJECT_0) signals++;
        hr = IDirectInputDevice8_GetDeviceState(kbd, 256, keys);
        if (hr != DI_OK) { P("kstate_error %08lx\n", hr); break; }
        for (i = 0; i < 256; i++)
            if (keys[i] != prev[i]) P("kstate %02x %02x %d\n", i, keys[i], async_of(i));
        memcpy(prev, keys, sizeof keys);
        hr = IDirectInputDevice8_GetDeviceState(mouse, sizeof ms, &ms);
        if (hr != DI_OK) { P("mstate_error %08lx\n", hr); break; }
        if (ms.lX || ms.lY || ms.lZ || memcmp(pbuttons, ms.rgbButtons, 8)) {
            P("mstate %ld %ld %ld %02x %02x %02x\n", ms.lX, ms.lY, ms.lZ, ms.rgbButtons[0], ms.rgbButtons[1],
              ms.rgbButtons[2]);
            memcpy(pbuttons, ms.rgbButtons, 8);
        }
        n = 16;
        hr = IDirectInputDevice8_GetDeviceData(kbd, sizeof od[0], od, &n, 0);
        for (i = 0; i < (int)n; i++) {
            P("kdata %02lx %02lx %lu %lu\n", od[i].dwOfs, od[i].dwData, od[i].dwTimeStamp - start, od[i].dwSequence);
            if (od[i].dwOfs == DIK_ESCAPE && !(od[i].dwData & 0x80)) done = 1;
        }
        n = 16;
        hr = IDirectInputDevice8_GetDeviceData(mouse, sizeof od[0], od, &n, 0);
        for (i = 0; i < (int)n; i++)
            P("mdata %lu %ld %lu %lu\n", od[i].dwOfs, (LONG)od[i].dwData, od[i].dwTimeStamp - start, od[i].dwSequence);
        n = 16;
        hr = IDirectInputDevice_GetDeviceData(kbd3, sizeof od3[0], (DIDEVICEOBJECTDATA *)od3, &n, 0);
        for (i = 0; i < (int)n; i++)
            P("k3data %02lx %02lx %lu %lu\n", od3[i].dwOfs, od3[i].dwData, od3[i].dwTimeStamp - start,
              od3[i].dwSequence);
        hr = IDirectInputDevice_GetDeviceState(mouse3, sizeof cs, &cs);
        if (memcmp(&cs, &pcs, sizeof cs)) {
            P("m3state %ld %d %ld\n", cs.y, cs.b0, cs.x);
            pcs = cs;
        }
    }
    P("mevent_signals %d\n", signals);
    {
        DIDEVICEOBJECTDATA od[8];
        n = INFINITE;
        hr = IDirectInputDevice8_GetDeviceData(kbd2, sizeof od[0], NULL, &n, DIGDD_PEEK);
        P("kbd2_count %08lx %lu\n", hr, n);
        n = 8;
        hr = IDirectInputDevice8_GetDeviceData(kbd2, sizeof od[0], od, &n, 0);
        P("kbd2 %08lx %lu", hr, n);
        for (i = 0; i < (int)n; i++) P(" %02lx:%02lx", od[i].dwOfs, od[i].dwData);
        P("\n");
        n = 8;
        hr = IDirectInputDevice8_GetDeviceData(kbd2, sizeof od[0], od, &n, 0);
        P("kbd2_again %08lx %lu\n", hr, n);
    }
    /* losing the foreground takes foreground devices away */
    {
        HWND other = CreateWindowExA(0, "ditest", "other", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 50, 50, 200, 100, NULL,
                                     NULL, hi, NULL);
        SetForegroundWindow(other);
        pump();
        a = IDirectInputDevice8_GetDeviceState(kbd, 256, keys);
        b = IDirectInputDevice8_GetDeviceState(kbd2, 256, keys);
        c = IDirectInputDevice8_Acquire(mouse);
        d = IDirectInputDevice8_GetDeviceState(kbd, 256, keys);
        P("lost %08lx %08lx %08lx %08lx\n", a, b, c, d);
        a = IDirectInputDevice8_Unacquire(kbd);
        b = IDirectInputDevice8_GetDeviceState(kbd, 256, keys);
        P("lost_unacq %08lx %08lx\n", a, b);
        DestroyWindow(other);
    }
    IDirectInputDevice8_Release(kbd);
    IDirectInputDevice8_Release(kbd2);
    IDirectInputDevice8_Release(mouse);
    IDirectInputDevice_Release(kbd3);
    IDirectInputDevice_Release(mouse3);
    IDirectInput_Release(di3);
    P("di_final %lu\n", IDirectInput8_Release(di));
    DestroyWindow(hwnd);
}

/* ---- wait -------------------------------------------------------------------------------------------------------- */
static void wait(void) {
    HINSTANCE hi = GetModuleHandleA(NULL);
    IDirectInput8A *di;
    IDirectInputDevice8A *kbd;
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    DIDEVICEOBJECTDATA od[8];
    DWORD start = GetTickCount(), r, n;
    HRESULT hr;
    int i, k;

    DirectInput8Create(hi, DIRECTINPUT_VERSION, &IID_IDirectInput8A, (void **)&di, NULL);
    IDirectInput8_CreateDevice(di, &GUID_SysKeyboard, &kbd, NULL);
    IDirectInputDevice8_SetDataFormat(kbd, &c_dfDIKeyboard);
    set_dword(kbd, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, 8);
    IDirectInputDevice8_SetEventNotification(kbd, ev);
    P("acquire %08lx\n", IDirectInputDevice8_Acquire(kbd));
    for (k = 0; k < 2; k++) {
        r = WaitForSingleObject(ev, 3000);
        P("woke %lu %lu\n", r, GetTickCount() - start);
        n = 8;
        hr = IDirectInputDevice8_GetDeviceData(kbd, sizeof od[0], od, &n, 0);
        P("data %08lx %lu", hr, n);
        for (i = 0; i < (int)n; i++) P(" %02lx:%02lx", od[i].dwOfs, od[i].dwData);
        P("\n");
    }
    r = WaitForSingleObject(ev, 500);
    P("timeout %lu\n", r);
    /* input that arrives while nobody looks waits in the buffer: count it, flush it */
    Sleep(1000);
    n = INFINITE;
    hr = IDirectInputDevice8_GetDeviceData(kbd, sizeof od[0], NULL, &n, DIGDD_PEEK);
    P("peek %08lx %lu\n", hr, n);
    n = INFINITE;
    hr = IDirectInputDevice8_GetDeviceData(kbd, sizeof od[0], NULL, &n, 0);
    P("flush %08lx %lu\n", hr, n);
    n = 8;
    hr = IDirectInputDevice8_GetDeviceData(kbd, sizeof od[0], od, &n, 0);
    P("after_flush %08lx %lu\n", hr, n);
    IDirectInputDevice8_Release(kbd);
    IDirectInput8_Release(di);
}

int main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "api";
    if (!strcmp(what, "api")) api();
    else if (!strcmp(what, "input")) input();
    else if (!strcmp(what, "wait")) wait();
    P("done\n");
    return 0;
}
