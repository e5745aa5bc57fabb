#!/usr/bin/env bash
# Install exeplay with its test dependencies into .venv and run the test suite.
# Fresh Debian 12 / Ubuntu 24.04: installs python3-venv, Xvfb, xdotool, x11-utils and Mesa's EGL with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
PKGS=""
python3 -c "import venv, ensurepip" 2>/dev/null || PKGS="$PKGS python3-venv"
# a virtual X server and xdotool for the real-window tests; Mesa's EGL/GL for the presenter
command -v Xvfb >/dev/null || PKGS="$PKGS xvfb"
command -v xdotool >/dev/null || PKGS="$PKGS xdotool"
command -v xwininfo >/dev/null || PKGS="$PKGS x11-utils"
ldconfig -p 2>/dev/null | grep -q libEGL.so.1 || PKGS="$PKGS libegl1 libgl1 libgl1-mesa-dri"
# the launcher's Dear ImGui bindings (imgui 2.0) have wheels up to Python 3.11; newer Pythons build them from source
if python3 -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
  command -v g++ >/dev/null || PKGS="$PKGS g++"
  python3 -c "import sysconfig, os; os.stat(sysconfig.get_paths()['include'] + '/Python.h')" 2>/dev/null ||
    PKGS="$PKGS python3-dev"
fi
if [ -n "$PKGS" ]; then
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $PKGS
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest -q "$@"
