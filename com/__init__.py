"""COM object factory and DirectX (DirectDraw, DirectSound, DirectInput)."""
