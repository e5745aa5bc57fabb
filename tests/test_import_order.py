"""Any module of gdi/ and com/ can be imported first (modules split by API area re-export their names lazily, and
the DirectDraw surface vtables live in a module nothing else imports at load time): each is imported into a
fresh set of exeplay modules."""
from __future__ import annotations

import importlib
import pkgutil
import sys

import pytest

PACKAGES = ("gdi", "com")
OURS = ("emu", "gdi", "com", "audio", "app")


def _modules() -> list[str]:
    out = []
    for p in PACKAGES:
        pkg = importlib.import_module(p)
        out += [m.name for m in pkgutil.iter_modules(pkg.__path__, p + ".")]
    return sorted(out)


def _forget() -> None:
    for k in [k for k in sys.modules if k.split(".")[0] in OURS]:
        del sys.modules[k]


@pytest.mark.parametrize("name", _modules())
def test_module_imports_first(name: str) -> None:
    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] in OURS}
    try:
        _forget()
        importlib.import_module(name)
    finally:
        _forget()
        sys.modules.update(saved)
