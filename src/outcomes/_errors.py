"""Exceptions raised by outcomes."""

from __future__ import annotations

__all__ = ["ColumnMismatchError", "OutcomesError", "ReadError"]


class OutcomesError(Exception):
    """Base class of every error outcomes raises on purpose.

    The message is one line an analyst can act on; the CLI prints it as it is.
    """


class ReadError(OutcomesError):
    """A source that cannot be read at all.

    Examples
    --------
    >>> str(ReadError("cases.csv", "file not found"))
    'cannot read cases.csv: file not found'
    """

    def __init__(self, source: object, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"cannot read {self.source}: {reason}")


class ColumnMismatchError(OutcomesError, ValueError):
    """A feature table whose columns differ from those a model was fitted on
    (the message names the missing and the extra columns)."""
