#!/usr/bin/env bash
# Install exeplay with its test dependencies into .venv and run the test suite.
# Fresh Debian 12 / Ubuntu 24.04: needs python3-venv (installed here with apt when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if ! python3 -c "import venv, ensurepip" 2>/dev/null; then
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-venv
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest -q "$@"
