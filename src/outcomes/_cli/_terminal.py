"""What reaches the terminal: text, never control sequences (issue 26, review: terminal injection).

A servicer value holding ``ESC]0;pwned BEL ESC[2J`` changed the terminal's
title and cleared the screen when ``outcomes offer --case`` printed it; an
error naming a JSON key with a NUL printed the NUL. Every line the command
line writes goes through :func:`printable`: control characters (C0 but tab,
newline and carriage return; DEL; C1) and the bidirectional overrides that
reorder what is shown are written as visible escapes (``\\x1b``).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["plain_terminal", "printable"]

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

F = TypeVar("F", bound=Callable[..., Any])


def printable(text: str) -> str:
    """``text`` with its control characters shown as escapes, never sent raw.

    Examples
    --------
    >>> printable("SMBC\\x1b]0;pwned\\x07\\x1b[2J債権回収\\n")
    'SMBC\\\\x1b]0;pwned\\\\x07\\\\x1b[2J債権回収\\n'
    """
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class _Plain:
    """A text stream that writes :func:`printable` text to the stream it wraps."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def plain_terminal(func: F) -> F:
    """Run ``func`` with ``sys.stdout`` and ``sys.stderr`` writing :func:`printable` text only."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        out, err = sys.stdout, sys.stderr
        if out is not None:
            sys.stdout = _Plain(out)
        if err is not None:
            sys.stderr = _Plain(err)
        try:
            return func(*args, **kwargs)
        finally:
            sys.stdout, sys.stderr = out, err

    return wrapper  # type: ignore[return-value]
