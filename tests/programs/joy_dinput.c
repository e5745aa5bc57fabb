/* DirectInput game controllers (tests/test_gamepad.py, driven by an --input script of virtual pad events):
   DirectInput 8 EnumDevices (game controllers, all devices), a DirectInput 7 EnumDevices(DIDEVTYPE_JOYSTICK),
   CreateDevice by instance GUID, capabilities, objects, properties (range, dead zone, saturation, joystick id,
   VID/PID), c_dfDIJoystick2 state every 100 ms for argv[1] samples (default 10) with a range of -1000..1000 set,
   buffered data (button and hat changes), and what happens when the pad is unplugged and plugged in again.
   Prints "name values" lines.

   Build (in tests/programs):
     i686-w64-mingw32-gcc -O2 -s -Wall -Wl,--no-insert-timestamp -o joy_dinput.exe joy_dinput.c \
         -ldinput8 -ldinput -ldxguid -lole32 -luser32
*/
#define DIRECTINPUT_VERSION 0x0800
#include <windows.h>
#include <dinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

HRESULT WINAPI DirectInputCreateA(HINSTANCE, DWORD, IDirectInputA **, IUnknown *);

#define P(...) do { printf(__VA_ARGS__); fflush(stdout); } while (0)

static GUID first_pad;
static int pads;

static void guid_str(const GUID *g, char *out) {
    sprintf(out, "%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", g->Data1, g->Data2, g->Data3, g->Data4[0],
            g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4], g->Data4[5], g->Data4[6], g->Data4[7]);
}

static BOOL CALLBACK enum_cb(const DIDEVICEINSTANCEA *di, void *ref) {
    char inst[40], prod[40];
    guid_str(&di->guidInstance, inst);
    guid_str(&di->guidProduct, prod);
    P("%s type=%#lx name=[%s] product=[%s] usage=%u/%u inst=%s prod=%s\n", (const char *)ref, di->dwDevType,
      di->tszInstanceName, di->tszProductName, di->wUsagePage, di->wUsage, inst, prod);
    if (GET_DIDEVICE_TYPE(di->dwDevType) == DI8DEVTYPE_GAMEPAD && !pads++)
        first_pad = di->guidInstance;
    return DIENUM_CONTINUE;
}

static BOOL CALLBACK enum7_cb(const DIDEVICEINSTANCEA *di, void *ref) {
    P("enum7 type=%#lx name=[%s]\n", di->dwDevType, di->tszInstanceName);
    return DIENUM_CONTINUE;
}

static BOOL CALLBACK obj_cb(const DIDEVICEOBJECTINSTANCEA *o, void *ref) {
    P("object ofs=%lu type=%#lx name=[%s] usage=%u/%u\n", o->dwOfs, o->dwType, o->tszName, o->wUsagePage, o->wUsage);
    return DIENUM_CONTINUE;
}

static HRESULT prop_dword(IDirectInputDevice8A *d, REFGUID prop, DWORD obj, DWORD how, DWORD *val, BOOL set) {
    DIPROPDWORD p;
    HRESULT hr;
    memset(&p, 0, sizeof p);
    p.diph.dwSize = sizeof p;
    p.diph.dwHeaderSize = sizeof p.diph;
    p.diph.dwObj = obj;
    p.diph.dwHow = how;
    p.dwData = *val;
    hr = set ? d->lpVtbl->SetProperty(d, prop, &p.diph) : d->lpVtbl->GetProperty(d, prop, &p.diph);
    *val = p.dwData;
    return hr;
}

static HRESULT prop_range(IDirectInputDevice8A *d, DWORD obj, DWORD how, LONG *lo, LONG *hi, BOOL set) {
    DIPROPRANGE p;
    HRESULT hr;
    memset(&p, 0, sizeof p);
    p.diph.dwSize = sizeof p;
    p.diph.dwHeaderSize = sizeof p.diph;
    p.diph.dwObj = obj;
    p.diph.dwHow = how;
    p.lMin = *lo;
    p.lMax = *hi;
    hr = set ? d->lpVtbl->SetProperty(d, DIPROP_RANGE, &p.diph) : d->lpVtbl->GetProperty(d, DIPROP_RANGE, &p.diph);
    *lo = p.lMin;
    *hi = p.lMax;
    return hr;
}

static void state(IDirectInputDevice8A *d, int t) {
    DIJOYSTATE2 js;
    HRESULT hr;
    DIDEVICEOBJECTDATA buf[16];
    DWORD n = 16, i, bits = 0;
    hr = d->lpVtbl->Poll(d);
    if (FAILED(hr)) {
        P("state %d poll=%08lx acquire=%08lx\n", t, hr, d->lpVtbl->Acquire(d));
        return;
    }
    hr = d->lpVtbl->GetDeviceState(d, sizeof js, &js);
    if (FAILED(hr)) {
        P("state %d hr=%08lx\n", t, hr);
        return;
    }
    for (i = 0; i < 32; i++)
        if (js.rgbButtons[i] & 0x80)
            bits |= 1u << i;
    P("state %d x=%ld y=%ld z=%ld rx=%ld ry=%ld rz=%ld s=%ld,%ld pov=%ld,%ld buttons=%#lx\n", t, js.lX, js.lY, js.lZ,
      js.lRx, js.lRy, js.lRz, js.rglSlider[0], js.rglSlider[1], (long)js.rgdwPOV[0], (long)js.rgdwPOV[1], bits);
    hr = d->lpVtbl->GetDeviceData(d, sizeof buf[0], buf, &n, 0);
    for (i = 0; i < n; i++)
        P("data %d hr=%08lx ofs=%lu value=%ld\n", t, hr, buf[i].dwOfs, (long)buf[i].dwData);
}

int main(int argc, char **argv) {
    int samples = argc > 1 ? atoi(argv[1]) : 10;
    IDirectInput8A *di;
    IDirectInputA *di7;
    IDirectInputDevice8A *d;
    DIDEVCAPS caps;
    DIDEVICEINSTANCEA info;
    HRESULT hr;
    DWORD v;
    LONG lo, hi;
    int i;

    hr = DirectInput8Create(GetModuleHandleA(NULL), DIRECTINPUT_VERSION, &IID_IDirectInput8A, (void **)&di, NULL);
    P("create %08lx\n", hr);
    di->lpVtbl->EnumDevices(di, DI8DEVCLASS_GAMECTRL, enum_cb, "gamectrl", DIEDFL_ATTACHEDONLY);
    di->lpVtbl->EnumDevices(di, DI8DEVCLASS_ALL, enum_cb, "all", DIEDFL_ATTACHEDONLY);
    di->lpVtbl->EnumDevices(di, DI8DEVTYPE_GAMEPAD, enum_cb, "gamepad", 0);
    di->lpVtbl->EnumDevices(di, DI8DEVCLASS_GAMECTRL, enum_cb, "ff", DIEDFL_FORCEFEEDBACK);
    if (SUCCEEDED(DirectInputCreateA(GetModuleHandleA(NULL), 0x700, &di7, NULL))) {
        di7->lpVtbl->EnumDevices(di7, DIDEVTYPE_JOYSTICK, enum7_cb, NULL, 0);
        di7->lpVtbl->Release(di7);
    }
    P("pads %d status=%08lx\n", pads, di->lpVtbl->GetDeviceStatus(di, &first_pad));
    if (!pads)
        return 1;
    hr = di->lpVtbl->CreateDevice(di, &first_pad, &d, NULL);
    P("createdevice %08lx\n", hr);
    if (FAILED(hr))
        return 1;
    memset(&caps, 0, sizeof caps);
    caps.dwSize = sizeof caps;
    hr = d->lpVtbl->GetCapabilities(d, &caps);
    P("caps %08lx flags=%#lx type=%#lx axes=%lu buttons=%lu povs=%lu\n", hr, caps.dwFlags, caps.dwDevType,
      caps.dwAxes, caps.dwButtons, caps.dwPOVs);
    memset(&info, 0, sizeof info);
    info.dwSize = sizeof info;
    hr = d->lpVtbl->GetDeviceInfo(d, &info);
    P("info %08lx name=[%s]\n", hr, info.tszProductName);
    P("format %08lx\n", d->lpVtbl->SetDataFormat(d, &c_dfDIJoystick2));
    d->lpVtbl->EnumObjects(d, obj_cb, NULL, DIDFT_ALL);

    lo = hi = 0;
    hr = prop_range(d, DIJOFS_X, DIPH_BYOFFSET, &lo, &hi, FALSE);
    P("range x %08lx %ld..%ld\n", hr, lo, hi);
    lo = hi = 0;
    hr = prop_range(d, 0, DIPH_DEVICE, &lo, &hi, FALSE);
    P("range device-get %08lx\n", hr);
    lo = hi = 0;
    hr = prop_range(d, DIJOFS_BUTTON0, DIPH_BYOFFSET, &lo, &hi, FALSE);
    P("range button %08lx\n", hr);
    lo = -1000;
    hi = 1000;
    P("setrange device %08lx\n", prop_range(d, 0, DIPH_DEVICE, &lo, &hi, TRUE));
    lo = 5;
    hi = 5;
    P("setrange empty %08lx\n", prop_range(d, DIJOFS_Y, DIPH_BYOFFSET, &lo, &hi, TRUE));
    lo = hi = 0;
    hr = prop_range(d, DIJOFS_RY, DIPH_BYOFFSET, &lo, &hi, FALSE);
    P("range ry %08lx %ld..%ld\n", hr, lo, hi);
    v = 2000;
    P("setdeadzone rx %08lx\n", prop_dword(d, DIPROP_DEADZONE, DIJOFS_RX, DIPH_BYOFFSET, &v, TRUE));
    v = 9000;
    P("setsaturation x %08lx\n", prop_dword(d, DIPROP_SATURATION, DIJOFS_X, DIPH_BYOFFSET, &v, TRUE));
    v = 0;
    hr = prop_dword(d, DIPROP_DEADZONE, DIJOFS_RX, DIPH_BYOFFSET, &v, FALSE);
    P("deadzone rx %08lx %lu\n", hr, v);
    v = 0;
    hr = prop_dword(d, DIPROP_JOYSTICKID, 0, DIPH_DEVICE, &v, FALSE);
    P("joystickid %08lx %lu\n", hr, v);
    v = 0;
    hr = prop_dword(d, DIPROP_VIDPID, 0, DIPH_DEVICE, &v, FALSE);
    P("vidpid %08lx %#lx\n", hr, v);
    v = 16;
    P("buffersize %08lx\n", prop_dword(d, DIPROP_BUFFERSIZE, 0, DIPH_DEVICE, &v, TRUE));
    P("coop %08lx\n", d->lpVtbl->SetCooperativeLevel(d, NULL, DISCL_NONEXCLUSIVE | DISCL_BACKGROUND));
    P("state-unacquired %08lx\n", d->lpVtbl->Poll(d));
    P("acquire %08lx\n", d->lpVtbl->Acquire(d));
    lo = hi = 0;
    P("setrange acquired %08lx\n", prop_range(d, 0, DIPH_DEVICE, &lo, &hi, TRUE));

    for (i = 1; i <= samples; i++) {
        Sleep(100);
        state(d, i * 100);
    }
    d->lpVtbl->Release(d);
    di->lpVtbl->Release(di);
    return 0;
}
