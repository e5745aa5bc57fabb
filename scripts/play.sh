#!/usr/bin/env bash
# Install exeplay into .venv and open the launcher, which lists the bundled demos (assets/demos: Plasma Dream,
# Snake, The Cellar) and the programs you add. Arguments are passed to exeplay: `bash scripts/play.sh run X.exe`.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
missing=()
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)
# PortAudio for sound (the demos' music); without it exeplay runs silently
ldconfig -p 2>/dev/null | grep -q libportaudio.so.2 || missing+=(libportaudio2)
# the launcher's Dear ImGui bindings (imgui 2.0) have wheels up to Python 3.11; newer Pythons build them from source
if python3 -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
  command -v g++ >/dev/null || missing+=(g++)
  python3 -c "import sysconfig, os; os.stat(sysconfig.get_paths()['include'] + '/Python.h')" 2>/dev/null ||
    missing+=(python3-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" ||
    echo "play.sh: could not install ${missing[*]} (continuing)" >&2
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[sound]"
exec .venv/bin/exeplay "$@"
