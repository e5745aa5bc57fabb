"""GUIDs of the COM classes and interfaces exeplay knows, as the 16 bytes a guest ``GUID`` holds."""
from __future__ import annotations

import uuid


def guid(s: str) -> bytes:
    """``"6C14DB80-A733-11CE-A521-0020AF0BE560"`` (braces optional) to the GUID's in-memory bytes."""
    return uuid.UUID(s.strip("{}")).bytes_le


def guid_str(data: bytes) -> str:
    """The registry form ``{XXXXXXXX-...}`` of 16 GUID bytes."""
    return "{" + str(uuid.UUID(bytes_le=bytes(data))).upper() + "}"


IID_IUnknown = guid("00000000-0000-0000-C000-000000000046")
IID_IClassFactory = guid("00000001-0000-0000-C000-000000000046")

# DirectDraw (ddraw.h)
CLSID_DirectDraw = guid("D7B70EE0-4340-11CF-B063-0020AFC2CD35")
CLSID_DirectDraw7 = guid("3C305196-50DB-11D3-9CFE-00C04FD930C5")
CLSID_DirectDrawClipper = guid("593817A0-7DB3-11CF-A2DE-00AA00B93356")
IID_IDirectDraw = guid("6C14DB80-A733-11CE-A521-0020AF0BE560")
IID_IDirectDraw2 = guid("B3A6F3E0-2B43-11CF-A2DE-00AA00B93356")
IID_IDirectDraw3 = guid("618F8AD4-8B7A-11D0-8FCC-00C04FD9189D")
IID_IDirectDraw4 = guid("9C59509A-39BD-11D1-8C4A-00C04FD930C5")
IID_IDirectDraw7 = guid("15E65EC0-3B9C-11D2-B92F-00609797EA5B")
IID_IDirectDrawSurface = guid("6C14DB81-A733-11CE-A521-0020AF0BE560")
IID_IDirectDrawSurface2 = guid("57805885-6EEC-11CF-9441-A82303C10E27")
IID_IDirectDrawSurface3 = guid("DA044E00-69B2-11D0-A1D5-00AA00B8DFBB")
IID_IDirectDrawSurface4 = guid("0B2B8630-AD35-11D0-8EA6-00609797EA5B")
IID_IDirectDrawSurface7 = guid("06675A80-3B9B-11D2-B92F-00609797EA5B")
IID_IDirectDrawPalette = guid("6C14DB84-A733-11CE-A521-0020AF0BE560")
IID_IDirectDrawClipper = guid("6C14DB85-A733-11CE-A521-0020AF0BE560")
IID_IDirectDrawColorControl = guid("4B9F0EE0-0D7E-11D0-9B06-00A0C903A3B8")
IID_IDirectDrawGammaControl = guid("69C11C3E-B46B-11D1-AD7A-00C04FC29B4E")
