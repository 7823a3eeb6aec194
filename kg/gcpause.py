"""Pause the cyclic garbage collector while a large, acyclic structure is built.

The outputs of a build (the network view, the analysis, the exports) make millions of
small objects and next to no reference cycles; the collector's passes over them cost
a fifth of the time and free nothing.  Reference counting still frees everything as
usual; the collector runs again afterwards.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Turn the cyclic garbage collector off inside the ``with`` block (back on after,
    if it was on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
