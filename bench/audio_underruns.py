"""Sound device underruns over a real-time run of a program (default: 60 s of ../shared/corpus/ddraw/psi_mofo.exe).

The program runs in real time (not ``--deterministic``) in a child exeplay process whose sound device is a stand-in
for PortAudio: ``audio.output.DeviceOutput`` as is (its ring buffer, its ``LATENCY`` of queued silence, its underrun
count), fed by the mixer, and drained by a thread that asks for 441 frames every 10 ms of wall-clock time, as a
sound card's callback does. An underrun is a callback that found fewer frames queued than it needed while a sound
was playing. Also reported: frames dropped because the guest ran ahead of the device, the presented/flipped frame
count when a window is open, and how far the mixer's stream drifted from the wall clock.

Usage: ``.venv/bin/python bench/audio_underruns.py [--seconds 60] [PROGRAM.exe]`` (headless; add ``--window`` to
present frames in an SDL window, e.g. under Xvfb).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "ddraw" / "psi_mofo.exe"
PERIOD = 0.010  # seconds per device callback


class _StandInStream:
    """sounddevice.OutputStream's shape: calls ``callback(outdata, frames, time, status)`` every PERIOD seconds."""

    def __init__(self, samplerate: int, channels: int, dtype: str, callback: Any) -> None:
        self.rate, self.channels, self.callback = samplerate, channels, callback
        self.frames_out = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self.t0 = time.monotonic()
        self._t.start()

    def _run(self) -> None:
        n = int(self.rate * PERIOD)
        buf = np.zeros((n, self.channels), np.int16)
        k = 0
        while not self._stop.is_set():
            k += 1
            delay = self.t0 + k * PERIOD - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self.callback(buf, n, None, None)
            self.frames_out += n

    def stop(self) -> None:
        self._stop.set()
        self._t.join()

    def close(self) -> None:
        pass


def child(program: str, seconds: float, out_json: str, window: bool) -> int:
    sys.path.insert(0, str(REPO))
    sys.modules["sounddevice"] = SimpleNamespace(OutputStream=_StandInStream)  # type: ignore[assignment]
    from app import cli  # noqa: PLC0415
    from audio import output  # noqa: PLC0415

    result: dict[str, Any] = {}
    orig_open = output.open_device

    def open_device(m: Any) -> None:
        orig_open(m)
        dev = m.state.get("audio_device")
        if dev is not None:
            def report() -> None:  # runs before output's own exit hook closes the stream
                mx = dev.mx
                result.update(underruns=dev.underruns, dropped_frames=dev.dropped, mixed_frames=mx.frames,
                              device_frames=dev.stream.frames_out, guest_seconds=m.clock.now(),
                              wall_seconds=time.monotonic() - dev.stream.t0)
            m.state.setdefault("exit_hooks", []).insert(0, report)

    output.open_device = open_device  # type: ignore[assignment]
    args = ["run", "--exit-after", str(int(seconds * 1000))]
    if not window:
        args.append("--headless")
    rc = cli.main([*args, program])
    result["rc"] = rc
    Path(out_json).write_text(json.dumps(result))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("program", nargs="?", default=str(DEFAULT))
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--window", action="store_true", help="present frames in a window (needs a display)")
    ap.add_argument("--child", nargs=1, metavar="JSON", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return child(a.program, a.seconds, a.child[0], a.window)
    if not os.path.isfile(a.program):
        print(f"no such program: {a.program}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "r.json"
        stats = Path(d) / "present.json"
        env = dict(os.environ, XDG_DATA_HOME=str(Path(d) / "xdg"), PYTHONPATH=str(REPO),
                   EXEPLAY_PRESENT_STATS=str(stats))
        cmd = [sys.executable, __file__, "--child", str(out), "--seconds", str(a.seconds), a.program]
        if a.window:
            cmd.append("--window")
        subprocess.run(cmd, cwd=Path(a.program).parent, env=env, check=False, timeout=a.seconds * 4 + 120)
        r = json.loads(out.read_text()) if out.exists() else {}
        if stats.exists():
            p = json.loads(stats.read_text())
            r["presented_fps"] = p.get("fps")
    if "underruns" not in r:
        print(f"no sound device was opened (the program played no sound?): {r}")
        return 1
    print(f"{Path(a.program).name}: {r['wall_seconds']:.1f} s wall, {r['guest_seconds']:.1f} s guest")
    print(f"  device underruns: {r['underruns']} (callbacks of {PERIOD * 1000:.0f} ms that found the queue short)")
    print(f"  frames dropped (guest ahead of the device): {r['dropped_frames']}")
    print(f"  mixed {r['mixed_frames']} frames, device took {r['device_frames']} "
          f"(stream vs wall clock: {(r['mixed_frames'] - r['device_frames']) / 44.1:+.1f} ms)")
    if r.get("presented_fps") is not None:
        print(f"  presented: {r['presented_fps']} fps")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
