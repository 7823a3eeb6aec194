"""Test configuration: make the ``kg`` package importable from a source checkout, and
find the shared reference data."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared reference-data folder (``$KG_SHARED`` or ``../shared``); tests that
    need it skip cleanly without it.  It is read-only in CI: never write there."""
    env = os.environ.get("KG_SHARED")
    folder = Path(env) if env else ROOT.parent / "shared"
    if not (folder / "gold").is_dir():
        pytest.skip("shared data folder absent (set KG_SHARED or create ../shared)")
    return folder
