"""DirectSound latency: from Unlock+Play (or a write at the write cursor) to the samples leaving the mixer.

Runs ``tests/programs/dsound_test.exe latency`` twice, each in a fresh exeplay process with the mixer
instrumented (every ``Mixer.advance``: the guest time of the call and the frames it produced):

* ``--deterministic``: the guest prints the guest time of each event (QueryPerformanceCounter) and the
  recording (``--audio-out``) shows where its sound starts: frame f is guest time f / 44100. Two delays per
  event: *onset* (the first sample's stream time minus the event time: the write-cursor lead for writes at
  the write cursor, one frame for Play) and *leave* (the guest time of the mix pass that produced the first
  sample minus the event time: onset plus the mixer's granularity);
* real time, with a stand-in sound device (a sink that sets ``realtime_output`` as ``audio.output`` does when
  a device opens, so the audio thread mixes at least every 10 ms): the same delays, plus how far the mixer
  runs behind the clock (frames due by the clock minus frames mixed, at each mix pass, while sound plays).
  The device's own ring buffer (``audio.output.LATENCY``) comes on top of these.

Usage: ``.venv/bin/python bench/dsound_latency.py`` (prints a table; ``--json`` for machine-readable output).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import wave
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
EXE = REPO / "tests" / "programs" / "dsound_test.exe"
RATE = 44100


# ---- child: one instrumented exeplay run ---------------------------------------------------------------------
def child(mode: str, out_json: str, wav: str) -> int:
    sys.path.insert(0, str(REPO))
    from app import cli  # noqa: PLC0415
    from audio import mixer, output  # noqa: PLC0415

    # (guest time of the mix pass, first frame, end frame, whether a source was playing before it)
    log: list[tuple[float, int, int, bool]] = []
    orig_advance = mixer.Mixer.advance

    def advance(self: mixer.Mixer) -> None:
        f0 = self.frames
        busy = self._mixing
        playing = self.any_active()
        orig_advance(self)
        if not busy and self.frames > f0:
            log.append((self.m.clock.now(), f0, self.frames, playing))

    mixer.Mixer.advance = advance  # type: ignore[method-assign]

    if mode == "realtime":
        class StandInDevice:
            """A sound device that takes whatever is mixed (the ring buffer and PortAudio left out)."""

            def write(self, frames: np.ndarray) -> None:
                pass

        def open_device(m: Any) -> None:
            if m.state.get("audio_device_tried"):
                return
            m.state["audio_device_tried"] = True
            mx = mixer.get(m)
            mx.add_sink(StandInDevice())
            mx.realtime_output = True

        output.open_device = open_device  # type: ignore[assignment]

    args = ["run", "--headless", "--audio-out", wav]
    if mode == "deterministic":
        args.append("--deterministic")
    rc = cli.main([*args, str(EXE), "latency"])
    Path(out_json).write_text(json.dumps({"rc": rc, "log": log}))
    return rc


# ---- parent: run and analyse -------------------------------------------------------------------------------------
def run(mode: str, tmp: Path) -> dict[str, Any]:
    out_json, wav = tmp / f"{mode}.json", tmp / f"{mode}.wav"
    env = dict(os.environ, XDG_DATA_HOME=str(tmp / "xdg"), PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, __file__, "--child", mode, str(out_json), str(wav)], cwd=tmp, env=env,
                       capture_output=True, timeout=300, check=False)
    text = r.stdout.decode("cp1252", "replace").replace("\r\n", "\n")
    if r.returncode != 0 or not out_json.exists():
        raise SystemExit(f"{mode} run failed ({r.returncode}):\n{text}\n{r.stderr.decode(errors='replace')}")
    data = json.loads(out_json.read_text())
    with wave.open(str(wav)) as w:
        x = np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2)
    loud = np.nonzero(np.abs(x[:, 0].astype(np.int32)) > 1)[0]
    log = data["log"]
    events: dict[str, list[tuple[float, float]]] = {"stream_write": [], "play": []}
    for line in text.splitlines():
        kind, _, rest = line.partition(" t=")
        if kind in events and rest:
            t = float(rest)
            i = np.searchsorted(loud, int(np.ceil(t * RATE - 1e-6)))
            if i >= len(loud):
                continue
            onset = int(loud[i])
            leave = next((tc for tc, f0, f1, _p in log if f0 <= onset < f1), float("nan"))
            events[kind].append((onset / RATE - t, leave - t))
    # while something plays: how stale the mix is when it runs, and the time between passes (seconds)
    lags = [(tc * RATE - f0) / RATE for tc, f0, _f1, p in log if p]
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(log) if b[3]]
    return {"events": events, "lag": lags, "gaps": gaps, "passes": len(lags)}


def ms(v: list[float]) -> str:
    if not v:
        return "-"
    a = np.array(v) * 1000
    return f"min {a.min():6.2f}  mean {a.mean():6.2f}  max {a.max():6.2f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", nargs=3, metavar=("MODE", "JSON", "WAV"), help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    a = ap.parse_args()
    if a.child:
        return child(*a.child)
    with tempfile.TemporaryDirectory() as d:
        res = {mode: run(mode, Path(d)) for mode in ("deterministic", "realtime")}
    if a.json:
        print(json.dumps(res))
        return 0
    for mode, r in res.items():
        print(f"== {mode} run ({r['passes']} mix passes while sound played)")
        for kind, label in (("play", "Unlock+Play of a new buffer"), ("stream_write", "write at the write cursor")):
            ev = r["events"][kind]
            print(f"  {label} ({len(ev)} events)")
            print(f"    onset in the stream: {ms([e[0] for e in ev])}")
            print(f"    left the mixer:      {ms([e[1] for e in ev])}")
        print(f"  mixer behind the clock at each pass: {ms(r['lag'])}")
        print(f"  time between mix passes:             {ms(r['gaps'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
