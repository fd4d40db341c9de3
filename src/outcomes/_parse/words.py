"""The parsers' words: one catalogue ``{code: (ja, en)}`` for every reason and note.

A parser never writes a sentence that another room reads back: it raises
:class:`~outcomes.ParseError` with ``.message = Message(code, fields)`` and
notes a value with ``Message``\\ s (:attr:`Parsed.notes`). The English template
is what ``str(ParseError)`` and :attr:`Parsed.note` say; the cleaner renders
either language from this catalogue (each Japanese reason reads after
「…の値は」). A test checks that every code the parsers use is here, in both
languages, with the same fields (:func:`outcomes._messages.check_catalogue`).

Examples
--------
>>> from outcomes._messages import Message, render
>>> message = Message("date.nonexistent", {"date": "2019-02-29"})
>>> render(message, "en", PARSE_WORDS), render(message, "ja", PARSE_WORDS)
('date does not exist (2019-02-29)', '存在しない日付です(2019-02-29)')
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from outcomes._messages import Catalogue, Message, render_all

__all__ = ["NOTE_SEPARATORS", "PARSE_WORDS", "render_notes"]

_NOT_WHOLE = ("(整数ではありません)", " (not a whole number)")

#: every reason (a value not read) and note (a value read with a caveat) of the parsers
PARSE_WORDS: Catalogue = MappingProxyType(
    {
        # amounts
        "amount.unreadable": ("金額として読めません", "not an amount"),
        "amount.too_large": ("金額として大きすぎます", "amount too large"),
        "amount.ambiguous": (
            "金額があいまいです({unit}の後は{digits}桁で書くか、円を付けてください)",
            "ambiguous amount (after {unit}, write {digits} digits or add 円)",
        ),
        # dates
        "date.unreadable": ("日付として読めません", "not a date"),
        "date.serial_range": (
            "日付として読めません(Excelの日付シリアル値20000〜80000の範囲外の数です)",
            "not a date (a number outside the Excel serial range 20000-80000)",
        ),
        "date.nonexistent": ("存在しない日付です({date})", "date does not exist ({date})"),
        "date.era_year_zero": (
            "日付として読めません({era}0年はありません)",
            "not a date ({era}0年 does not exist)",
        ),
        # ages, bands, counts, terms, ratios
        "age.unreadable": ("年齢として読めません", "not an age"),
        "age.not_whole": ("年齢として読めません" + _NOT_WHOLE[0], "not an age" + _NOT_WHOLE[1]),
        "age_band.below_10": ("10代より下の年代はありません", "no age band below 10"),
        "age_band.unknown": ("年代として読めません", "unknown age band"),
        "age_band.unreadable": ("年代として読めません", "not an age band"),
        "age_band.not_whole": (
            "年代として読めません" + _NOT_WHOLE[0],
            "not an age band" + _NOT_WHOLE[1],
        ),
        "count.unreadable": ("人数として読めません", "not a count"),
        "count.not_whole": ("人数として読めません" + _NOT_WHOLE[0], "not a count" + _NOT_WHOLE[1]),
        "term.unreadable": ("支払期間として読めません", "not a term"),
        "term.not_whole": (
            "支払期間として読めません" + _NOT_WHOLE[0],
            "not a term" + _NOT_WHOLE[1],
        ),
        "term.not_whole_months": (
            "支払期間として読めません(月数が整数になりません)",
            "not a term (not a whole number of months)",
        ),
        "ratio.unreadable": ("率として読めません", "not a ratio"),
        # codes, yes/no, prefectures
        "guarantor.unreadable": ("あり/なしとして読めません", "not a yes/no value (あり/なし)"),
        "prefecture.unknown": ("都道府県名として読めません", "unknown prefecture"),
        "employment.unknown": ("職業の区分として読めません", "unknown employment code"),
        "resolution.unknown": ("解決方法の区分として読めません", "unknown resolution code"),
        "creditor_type.unknown": ("債権者区分として読めません", "unknown creditor type code"),
        "servicer_role.unknown": (
            "サービサー区分(譲受・委託)として読めません",
            "unknown servicer role code",
        ),
        "judgment.unknown": ("債務名義の種類として読めません", "unknown judgment code"),
        # notes: the value was read, with a caveat
        "value.approximate": ("概数(約)として読みました", "approximate"),
        "amount.rounded": ("1円未満を四捨五入して読みました", "rounded to the nearest yen"),
        "amount.scientific": (
            "指数表記です(桁が欠けているおそれがあります)",
            "scientific notation; digits may be missing",
        ),
        "date.day_missing": ("日がないため1日として読みました", "day missing; read as the 1st"),
        "date.after_era": (
            "{era}の終わりより後の年です。西暦{year}年として読みました",
            "after the end of {era}; read by its Western year ({year})",
        ),
        "date.before_era": (
            "{era}の始まりより前の年です。西暦{year}年として読みました",
            "before the start of {era}; read by its Western year ({year})",
        ),
        "ratio.percent": (
            "1を超える数なので百分率(%)として読みました",
            "bare number above 1 read as a percentage",
        ),
        "guarantor.name": ("人名", "person's name"),
        # a ParseError raised without a code (a caller's own parser): its sentence as it is
        "parse.other": ("読めません({reason})", "{reason}"),
    }
)

#: how several notes of one value are joined: {language: separator}
NOTE_SEPARATORS = MappingProxyType({"ja": "。", "en": "; "})


def render_notes(notes: Iterable[Message], language: str = "en") -> str | None:
    """Notes of one value as one sentence in ``language`` (None without a note).

    Examples
    --------
    >>> notes = (Message("value.approximate"), Message("date.day_missing"))
    >>> render_notes(notes)
    'approximate; day missing; read as the 1st'
    >>> render_notes(notes, "ja")
    '概数(約)として読みました。日がないため1日として読みました'
    >>> render_notes(()) is None
    True
    """
    texts = render_all(notes, language, PARSE_WORDS)
    return NOTE_SEPARATORS[language].join(texts) if texts else None
