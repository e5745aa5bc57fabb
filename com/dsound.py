"""DirectSound (dsound.dll): DirectSoundCreate(8), DirectSoundEnumerate, IDirectSound(8), IDirectSoundBuffer(8),
IDirectSoundNotify — buffers are sources of the mixer in audio/mixer.py."""
from __future__ import annotations
