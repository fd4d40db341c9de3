"""Exceptions raised by outcomes.

Every exception the package raises on purpose is defined here. Each is an
:class:`OutcomesError`; errors about a wrong input are also a
:class:`ValueError` (and, for a value of the wrong type, a :class:`TypeError`),
so ``except ValueError`` keeps working. The command line turns any of them into
one line and exit status 2.
"""

from __future__ import annotations

__all__ = [
    "CaseError",
    "CaseTypeError",
    "ColumnMismatchError",
    "LimitError",
    "OutcomesError",
    "ParseError",
    "PublishedCountError",
    "ReadError",
    "RegistryError",
    "RehabilitationUnavailableError",
    "ReportError",
    "SchemaError",
]


class OutcomesError(Exception):
    """Base class of every error outcomes raises on purpose.

    The message is one line an analyst can act on; the CLI prints it as it is.
    """


class ReadError(OutcomesError):
    """A source that cannot be read at all.

    ``code`` says what kind of failure it is, for a caller that adds a hint
    (``"read.driver_missing"``: a database's driver is not installed), so
    that nobody reads the reason's words back.

    Examples
    --------
    >>> str(ReadError("cases.csv", "file not found"))
    'cannot read cases.csv: file not found'
    >>> ReadError("mysql://db", "no driver", code="read.driver_missing").code
    'read.driver_missing'
    """

    def __init__(self, source: object, reason: str, *, code: str | None = None) -> None:
        self.source = str(source)
        self.reason = reason
        self.code = code
        super().__init__(f"cannot read {self.source}: {reason}")

    def __reduce__(self):  # pickling keeps the code
        return (_read_error, (self.source, self.reason, self.code))


def _read_error(source: str, reason: str, code: str | None) -> ReadError:
    return ReadError(source, reason, code=code)


class CaseError(OutcomesError, ValueError):
    """A case, or an argument about it, that cannot be used.

    The message names the column or argument and what is wrong with it.

    Examples
    --------
    >>> isinstance(CaseError("as_of must be a date, got 'soon'"), ValueError)
    True
    """


class CaseTypeError(CaseError, TypeError):
    """A value of the wrong type: a float for whole yen, a number for a date.

    Also a :class:`TypeError`, as before the errors were unified.

    Examples
    --------
    >>> err = CaseTypeError("cash_available must be whole yen (an int), got 100000.5")
    >>> isinstance(err, CaseError), isinstance(err, ValueError), isinstance(err, TypeError)
    (True, True, True)
    """


class RehabilitationUnavailableError(OutcomesError):
    """個人再生 is not available: the unsecured debt is over the statute's limit.

    Examples
    --------
    >>> str(RehabilitationUnavailableError(60_000_000, 50_000_000))
    '個人再生 is not available: unsecured debt ¥60,000,000 is over ¥50,000,000 (民事再生法 §231(2)(ii))'
    """

    def __init__(self, unsecured_debt: int, limit: int) -> None:
        self.unsecured_debt = unsecured_debt
        self.limit = limit
        super().__init__(
            f"個人再生 is not available: unsecured debt ¥{unsecured_debt:,} is over "
            f"¥{limit:,} (民事再生法 §231(2)(ii))"
        )


class ColumnMismatchError(OutcomesError, ValueError):
    """A feature table whose columns differ from those a model was fitted on
    (the message names the missing and the extra columns)."""


class SchemaError(OutcomesError):
    """A table that does not hold to the clean table's contract."""


class ParseError(OutcomesError, ValueError):
    """A raw value that cannot be read.

    ``str()`` is a short English sentence, e.g. ``"not an amount"`` or
    ``"date does not exist (2019-02-29)"``; what crosses to other rooms is
    ``.message``, a code and its fields (``outcomes.Message("date.nonexistent",
    {"date": "2019-02-29"})``, issue 24), from which :func:`outcomes.clean_cases`
    writes the problems table's sentence in either language. The value parsers
    raise it.

    Parameters
    ----------
    text : str
        The English sentence.
    message : outcomes.Message, optional
        The code and fields of ``text``.

    Examples
    --------
    >>> from outcomes import Message
    >>> error = ParseError("not an amount", Message("amount.unreadable"))
    >>> isinstance(error, ValueError), str(error), error.message.code
    (True, 'not an amount', 'amount.unreadable')
    """

    def __init__(self, text: str, message: object = None) -> None:
        super().__init__(text)
        self.message = message

    def __reduce__(self):  # pickling keeps the code beside the sentence
        return (type(self), (str(self), self.message))


class RegistryError(OutcomesError, ValueError):
    """The firm's own servicer file cannot be read (one line: file and what)."""


class ReportError(OutcomesError):
    """The report template failed while it ran."""


class PublishedCountError(OutcomesError):
    """A written report publishes a count under k (or a statistic of a suppressed row)."""


class LimitError(OutcomesError, ValueError):
    """An input larger or deeper than a bound the package holds it to (:mod:`outcomes._limits`).

    The message names the input and the limit, on one line.
    """
