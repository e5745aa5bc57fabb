"""The IDirectDrawSurface 1/2/3/4/7 vtables, slot by slot, from the methods in ddraw_surface (the surface object),
ddraw_blit (Blt, BltFast), ddraw_lock (Lock/Unlock, GetDC) and ddraw_attach (attachments, private data, overlays...).

A module of its own so that any of those can be imported first: it imports them all, none imports it
(``com.register_all`` and ``ddraw_surface.surface_iface`` do).
"""
from __future__ import annotations

from typing import Any

from . import ddraw_attach as att
from . import ddraw_blit as blt
from . import ddraw_lock as lck
from . import guids
from .ddraw_errors import DDERR_INVALIDOBJECT
from .ddraw_gamma import IDirectDrawGammaControl
from .ddraw_surface import (
    ChangeUniquenessValue, EnumAttachedSurfaces, Flip, GetAttachedSurface, GetBltStatus, GetCaps, GetClipper,
    GetColorKey, GetDDInterface, GetFlipStatus, GetPalette, GetPixelFormat, GetSurfaceDesc, GetUniquenessValue,
    Initialize, IsLost, PageLock, PageUnlock, Restore, SetClipper, SetColorKey, SetPalette, Surface,
)
from .factory import Interface, IUnknown

def _slots(version: int) -> list[tuple[str, Any]]:
    slots: list[tuple[str, Any]] = [
        ("AddAttachedSurface", att.AddAttachedSurface),
        ("AddOverlayDirtyRect", att.AddOverlayDirtyRect),
        ("Blt", blt.Blt),
        ("BltBatch", blt.BltBatch),
        ("BltFast", blt.BltFast),
        ("DeleteAttachedSurface", att.DeleteAttachedSurface),
        ("EnumAttachedSurfaces", EnumAttachedSurfaces),
        ("EnumOverlayZOrders", att.EnumOverlayZOrders),
        ("Flip", Flip),
        ("GetAttachedSurface", GetAttachedSurface),
        ("GetBltStatus", GetBltStatus),
        ("GetCaps", GetCaps),
        ("GetClipper", GetClipper),
        ("GetColorKey", GetColorKey),
        ("GetDC", lck.GetDC),
        ("GetFlipStatus", GetFlipStatus),
        ("GetOverlayPosition", att.GetOverlayPosition),
        ("GetPalette", GetPalette),
        ("GetPixelFormat", GetPixelFormat),
        ("GetSurfaceDesc", GetSurfaceDesc),
        ("Initialize", Initialize),
        ("IsLost", IsLost),
        ("Lock", lck.Lock),
        ("ReleaseDC", lck.ReleaseDC),
        ("Restore", Restore),
        ("SetClipper", SetClipper),
        ("SetColorKey", SetColorKey),
        ("SetOverlayPosition", att.SetOverlayPosition),
        ("SetPalette", SetPalette),
        ("Unlock", lck.Unlock if version < 4 else lck.Unlock4),
        ("UpdateOverlay", att.UpdateOverlay),
        ("UpdateOverlayDisplay", att.UpdateOverlayDisplay),
        ("UpdateOverlayZOrder", att.UpdateOverlayZOrder),
    ]
    if version >= 2:
        slots += [
            ("GetDDInterface", GetDDInterface),
            ("PageLock", PageLock),
            ("PageUnlock", PageUnlock),
        ]
    if version >= 3:
        slots += [("SetSurfaceDesc", att.SetSurfaceDesc)]
    if version >= 4:
        slots += [
            ("SetPrivateData", att.SetPrivateData),
            ("GetPrivateData", att.GetPrivateData),
            ("FreePrivateData", att.FreePrivateData),
            ("GetUniquenessValue", GetUniquenessValue),
            ("ChangeUniquenessValue", ChangeUniquenessValue),
        ]
    if version >= 7:
        slots += [
            ("SetPriority", att.SetPriority),
            ("GetPriority", att.GetPriority),
            ("SetLOD", att.SetLOD),
            ("GetLOD", att.GetLOD),
        ]
    return slots


def _surface_interface(name: str, iid: bytes, version: int) -> Interface:
    return Interface(name, iid, base=IUnknown, dll="ddraw", version=version, invalid=DDERR_INVALIDOBJECT,
                     slots=_slots(version))


IDirectDrawSurface = _surface_interface("IDirectDrawSurface", guids.IID_IDirectDrawSurface, 1)
IDirectDrawSurface2 = _surface_interface("IDirectDrawSurface2", guids.IID_IDirectDrawSurface2, 2)
IDirectDrawSurface3 = _surface_interface("IDirectDrawSurface3", guids.IID_IDirectDrawSurface3, 3)
IDirectDrawSurface4 = _surface_interface("IDirectDrawSurface4", guids.IID_IDirectDrawSurface4, 4)
IDirectDrawSurface7 = _surface_interface("IDirectDrawSurface7", guids.IID_IDirectDrawSurface7, 7)
Surface.interfaces = (IDirectDrawSurface, IDirectDrawSurface2, IDirectDrawSurface3, IDirectDrawSurface4,
                      IDirectDrawSurface7, IDirectDrawGammaControl)
