"""Loading bench/ scripts in tests: bench/ is not a package, so each script is loaded from its
file with importlib (one helper for every test of a bench script)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench"
ATTRIBUTION = BENCH / "attribution"


def load(name: str, path: Path) -> ModuleType:
    """The module in `path`, imported under `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
