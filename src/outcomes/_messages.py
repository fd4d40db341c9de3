"""Messages between rooms: a code and its fields; sentences are made at the edges.

A room that has something to say — a cell that is not a date, a limitation
that turns on the originator, a model that drifted, a refusal — returns a
:class:`Message`: a stable code (``"amount.unreadable"``) and the fields the
sentence needs. No other room reads a sentence back: a problem's kind is its
code, a source is its code, a note is its code. The words are made once, at the
edge that shows them (the CLI, the report, the offer page, the problems table),
by :func:`render`, from a catalogue of the one shape ``{code: (ja, en)}``
filled by :func:`outcomes._format.fill`.

This is the manner of pandera's ``SchemaErrorReason`` and its error formatters:
codes cross borders, words are made in one place per concern.

Examples
--------
>>> from outcomes._format import Yen
>>> catalogue = {"amount.over": ("{value}は上限を超えています", "{value} is over the limit")}
>>> message = Message("amount.over", {"value": Yen(5000)})
>>> render(message, "en", catalogue)
'¥5,000 is over the limit'
>>> render(message, "ja", catalogue)
'5,000円は上限を超えています'
>>> message.code
'amount.over'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from outcomes._format import fill

__all__ = ["Catalogue", "Message", "check_catalogue", "render", "render_all"]

#: the one shape of every catalogue: code -> (Japanese template, English template)
Catalogue = Mapping[str, tuple[str, str]]


@dataclass(frozen=True)
class Message:
    """A code and the fields its sentence needs; what crosses a border between rooms.

    Parameters
    ----------
    code : str
        Stable, dotted, lower case (``"date.day_missing"``); tests and the
        problems table's ``kind`` column read it, never the sentence.
    fields : mapping
        Values for the templates' ``{placeholders}``: an amount of yen (``Yen``)
        is formatted per language, a ``(ja, en)`` pair is picked per language.

    Examples
    --------
    >>> Message("date.day_missing").fields
    mappingproxy({})
    >>> Message("a.b", {"x": 1}) == Message("a.b", {"x": 1})
    True
    """

    code: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((k, repr(v)) for k, v in self.fields.items()))))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.code == other.code and dict(self.fields) == dict(other.fields)

    def __reduce__(self):  # pickling and skops: a plain (code, dict) pair
        return (Message, (self.code, dict(self.fields)))


def render(message: Message, language: str, catalogue: Catalogue) -> str:
    """The sentence of ``message`` in ``language``, from ``catalogue``.

    A code missing from the catalogue is a programming error (``KeyError``),
    never a silent English fallback. A field that is itself a Message is
    rendered from the same catalogue, and a tuple of Messages is rendered and
    joined by the language's list separator (``、`` or ``; ``).

    Examples
    --------
    >>> render(Message("x.y", {"n": 3}), "ja", {"x.y": ("{n}件", "{n} cases")})
    '3件'
    >>> words = {"list": ("({parts})", "({parts})"), "a": ("甲", "a"), "b": ("乙", "b")}
    >>> render(Message("list", {"parts": (Message("a"), Message("b"))}), "ja", words)
    '(甲、乙)'
    """
    fields = {name: _nested(value, language, catalogue) for name, value in message.fields.items()}
    return fill(catalogue[message.code], language, fields)


#: how the parts of a list field are joined, by language
LIST_SEPARATORS = {"ja": "、", "en": "; "}


def _nested(value: Any, language: str, catalogue: Catalogue) -> Any:
    """A field that is a Message, or a tuple of them, rendered from the same catalogue."""
    if isinstance(value, Message):
        return render(value, language, catalogue)
    if isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
        return LIST_SEPARATORS[language].join(render(v, language, catalogue) for v in value)
    return value


def render_all(messages: Iterable[Message], language: str, catalogue: Catalogue) -> list[str]:
    """Each message of ``messages`` rendered in ``language``.

    Examples
    --------
    >>> render_all([Message("a"), Message("b")], "en", {"a": ("あ", "a"), "b": ("い", "b")})
    ['a', 'b']
    """
    return [render(m, language, catalogue) for m in messages]


def check_catalogue(catalogue: Catalogue) -> None:
    """Raise ``ValueError`` unless every entry is a ``(ja, en)`` pair with the same placeholders.

    The tests call it on every catalogue of the package, so that the two
    languages of a sentence cannot drift apart in what they say.

    Examples
    --------
    >>> check_catalogue({"a": ("{n}件", "{n} cases")})
    >>> check_catalogue({"a": ("{n}件", "cases")})
    Traceback (most recent call last):
    ValueError: a: the Japanese and English templates name different fields ({'n'} vs set())
    """
    import string

    def names(template: str) -> set[str]:
        return {
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        }

    for code, pair in catalogue.items():
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise ValueError(f"{code}: not a (ja, en) pair")
        ja, en = names(pair[0]), names(pair[1])
        if ja != en:
            raise ValueError(
                f"{code}: the Japanese and English templates name different fields ({ja} vs {en})"
            )
