"""DirectInput (dinput.dll, dinput8.dll): DirectInputCreateA/W/Ex, DirectInput8Create, IDirectInput(2,7,8),
IDirectInputDevice(2,7,8) for the system keyboard and mouse, fed from gdi/input.py's host events."""
from __future__ import annotations
