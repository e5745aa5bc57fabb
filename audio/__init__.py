"""Sound: mixer, waveOut, output through sounddevice."""
