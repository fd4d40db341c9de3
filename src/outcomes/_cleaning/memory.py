"""Returning freed memory to the system between the steps of a large cleaning run.

A million-row column freed between two steps stays with its allocator:
pyarrow's default pool (mimalloc) keeps freed pages for a while, and glibc
keeps freed blocks in its heap. Cleaning a million rows would hold about
300 MiB more at its peak than it uses. :func:`hand_back` releases what is
already free; it changes no allocator setting and costs about 2 ms a call.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

__all__ = ["LARGE_TABLE", "hand_back"]

#: from this many rows on, columns are popped one by one and freed memory handed back
LARGE_TABLE = 50_000


def hand_back(n: int) -> None:
    """On a table of ``n >= LARGE_TABLE`` rows, return freed memory to the system.

    Examples
    --------
    >>> hand_back(10)  # a small table: nothing to do
    """
    if n < LARGE_TABLE:
        return
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _load_malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` (free heap pages back to the system), where there is one."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _load_malloc_trim()
