"""The messy renderer: the synthetic truth written as an analyst's raw export.

Japanese headers, amounts in ten spellings (kanji numerals by ``kanjize``),
era dates, unreadable cells, duplicate rows, fake personal data in the wrong
column. :func:`render_messy` takes the draw of
:func:`outcomes.datasets._simulate.simulate_truth`; row ``i < n`` of the export is row
``i`` of the clean table. All data is synthetic.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
from kanjize import KanjizeConfiguration, KanjizeZero, number2kanji

from outcomes._contract import (
    COLUMN_BY_NAME,
    CREDITOR_TYPES,
    EMPLOYMENT_CODES,
    NOTES_ALIASES,
    PREFECTURES,
    RESOLUTION_CODES,
    match_header,
)
from outcomes.datasets._simulate import (
    CREDITORS,
    EMPLOYMENT,
    EPOCH,
    RESOLUTION_INDEX,
    RESOLUTIONS,
    SERVICERS,
    case_ids,
    choice,
)
from outcomes.datasets._truth import TRUE_PARAMS

__all__ = ["render_messy"]

# --------------------------------------------------------------------------
# Rendering: how each value is written in the export
# --------------------------------------------------------------------------

_FW = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_FW[ord(" ")] = "\u3000"
#: kanjize's default spelling (一 before 万/億/兆 only, 十/百/千 bare), zero as 〇
_KANJI_STYLE = KanjizeConfiguration(zero=KanjizeZero.SIGN)


def _fw(text: str) -> str:
    """Full-width ASCII (NFKC undoes it)."""
    return text.translate(_FW)


def _kanji(n: int) -> str:
    """Kanji numeral, written by ``kanjize``: 5812000 -> 五百八十一万二千, 0 -> 〇.

    >>> _kanji(5_812_000), _kanji(110_000), _kanji(0)
    ('五百八十一万二千', '十一万', '〇')
    """
    return number2kanji(int(n), config=_KANJI_STYLE)


def _in_unit(n: int, unit: int) -> str:
    """A yen amount as a bare number in a header unit: 5812000 in 万 -> '581.2'."""
    q, r = divmod(n, unit)
    if r == 0:
        return str(q)
    digits = len(str(unit)) - 1
    return f"{n / unit:.{digits}f}".rstrip("0")


def _man_sen(n: int) -> str | None:
    """15000 -> '1万5千円', 5000 -> '5千円'; None when not in whole thousands."""
    if n % 1000 or n >= 10**8 or n == 0:
        return None
    man, rest = divmod(n, 10_000)
    return (f"{man}万" if man else "") + (f"{rest // 1000}千" if rest else "") + "円"


def _oku(n: int) -> str | None:
    """120000000 -> '1億2000万円'; None below 1億 or when not in whole 万."""
    if n < 10**8 or n % 10_000:
        return None
    oku, rest = divmod(n, 10**8)
    return f"{oku}億" + (f"{rest // 10_000}万" if rest else "") + "円"


# amount styles
_A_COMMA, _A_PLAIN, _A_COMMA_EN, _A_YEN, _A_FW_YEN, _A_MAN_EN, _A_MAN = range(7)
_A_MAN_SEN, _A_FULLWIDTH, _A_KANJI, _A_APPROX, _A_OKU = range(7, 12)
_AMOUNT_NOTED = (_A_APPROX,)


def _fmt_amount(n: int, style: int, unit: int) -> str:
    if style in (_A_COMMA, _A_PLAIN) and unit != 1:
        return _in_unit(n, unit)
    if style == _A_COMMA:
        return f"{n:,}"
    if style == _A_PLAIN:
        return str(n)
    if style == _A_YEN:
        return f"¥{n:,}"
    if style == _A_FW_YEN:
        return f"￥{n:,}"
    if style == _A_MAN_EN:
        return f"{_in_unit(n, 10_000)}万円"
    if style == _A_MAN:
        return f"{_in_unit(n, 10_000)}万"
    if style == _A_MAN_SEN:
        return _man_sen(n) or f"{n:,}円"
    if style == _A_FULLWIDTH:
        return _fw(f"{_in_unit(n, 10_000)}万円" if n % 10_000 == 0 else f"{n:,}円")
    if style == _A_KANJI:
        return _kanji(n) + "円"
    if style == _A_APPROX:
        return "約" + (f"{_in_unit(n, 10_000)}万円" if n % 10_000 == 0 else f"{n:,}円")
    if style == _A_OKU:
        return _oku(n) or f"{n:,}円"
    return f"{n:,}円"  # _A_COMMA_EN


# amount style probabilities, in the order of the styles above
_AMOUNT_STYLES: dict[str, tuple[float, ...]] = {
    #                 comma plain 円   ¥    ￥   万円  万  万千  fw   kanji 約   億
    "residual_debt": (0.52, 0.10, 0.10, 0.04, 0.03, 0.08, 0.03, 0.02, 0.03, 0.01, 0.01, 0.03),
    "lump_sum": (0.45, 0.10, 0.10, 0.04, 0.03, 0.12, 0.05, 0.04, 0.03, 0.02, 0.00, 0.02),
    "monthly_amount": (0.42, 0.18, 0.12, 0.02, 0.02, 0.05, 0.02, 0.10, 0.04, 0.03, 0.00, 0.00),
    "monthly_income": (0.40, 0.15, 0.10, 0.02, 0.02, 0.18, 0.05, 0.02, 0.02, 0.01, 0.03, 0.00),
}


def _era(d: date) -> tuple[str, str, int]:
    if d >= date(2019, 5, 1):
        return "令和", "R", d.year - 2018
    if d >= date(1989, 1, 8):
        return "平成", "H", d.year - 1988
    return "昭和", "S", d.year - 1925


# date styles
_D_ISO, _D_SLASH, _D_SLASH0, _D_NEN, _D_ERA, _D_ERA_DOT, _D_ERA_SLASH = range(7)
_D_SERIAL, _D_FULLWIDTH, _D_MONTH, _D_ERA_PAST_END = range(7, 11)
_DATE_STYLES: dict[str, tuple[float, ...]] = {
    #              iso   y/m/d y/mm/dd 年月日 era  R3.3.15 R03/.. serial fw  month  H31
    "sale_date": (0.34, 0.22, 0.10, 0.10, 0.05, 0.04, 0.02, 0.06, 0.02, 0.01, 0.04),
    "agreement_date": (0.35, 0.22, 0.10, 0.10, 0.05, 0.04, 0.02, 0.06, 0.02, 0.00, 0.04),
}
_PAST_END = (date(2019, 5, 1), date(2019, 12, 31))


def _fmt_date(days: int, style: int) -> str:
    d = EPOCH + timedelta(days=days)
    y, m, dd = d.year, d.month, d.day
    era, abbr, ey = _era(d)
    if style == _D_ERA_PAST_END:
        if _PAST_END[0] <= d <= _PAST_END[1]:
            return f"平成31年{m}月{dd}日"
        style = _D_ERA
    if style == _D_ISO:
        return d.isoformat()
    if style == _D_SLASH:
        return f"{y}/{m}/{dd}"
    if style == _D_SLASH0:
        return f"{y}/{m:02d}/{dd:02d}"
    if style == _D_NEN:
        return f"{y}年{m}月{dd}日"
    if style == _D_ERA:
        return f"{era}{'元' if ey == 1 else ey}年{m}月{dd}日"
    if style == _D_ERA_DOT:
        return f"{abbr}{ey}.{m}.{dd}"
    if style == _D_ERA_SLASH:
        return f"{abbr}{ey:02d}/{m:02d}/{dd:02d}"
    if style == _D_SERIAL:
        return str((d - date(1899, 12, 30)).days)
    if style == _D_FULLWIDTH:
        return _fw(f"{y}/{m}/{dd}")
    return f"{y}年{m}月"  # _D_MONTH


def _fmt_age(a: int, style: int) -> str:
    return (str(a), f"{a}歳", f"{a}才", _fw(str(a)), f"{a // 10 * 10}代", _fw(f"{a}") + "歳")[style]


_AGE_STYLES = (0.72, 0.18, 0.03, 0.03, 0.03, 0.01)
_AGE_BAND_ONLY = 4


def _fmt_count(k: int, style: int) -> str:
    return (str(k), f"{k}人", f"{k}名", _fw(str(k)))[style]


_COUNT_STYLES = (0.70, 0.22, 0.05, 0.03)


def _fmt_term(t: int, style: int) -> str:
    if style == 5:
        return f"{t // 12}年" if t % 12 == 0 else f"{t}ヶ月"
    return (str(t), f"{t}ヶ月", f"{t}か月", f"{t}カ月", f"{t}回", "", _fw(str(t)) + "ヶ月")[style]


_TERM_STYLES = (0.45, 0.20, 0.05, 0.05, 0.10, 0.10, 0.05)


def _fmt_percent(r: float, style: int) -> str:
    """A fraction as written: '1.72%', '0.0172', '１．７２％', bare '1.72' (a percentage)."""
    if style == 1 and r <= 1:  # a bare number above 1 would be read as a percentage
        return f"{r:.4f}"
    if style == 2:
        return _fw(f"{100 * r:.2f}%")
    if style == 3 and 100 * r > 1:
        return f"{100 * r:.2f}"
    return f"{100 * r:.2f}%"


_RATIO_STYLES = (0.62, 0.25, 0.05, 0.08)
_RATE_STYLES = (0.62, 0.25, 0.08, 0.05)
_BARE_PERCENT = 3

_NA_MARKERS = ("", "-", "不明", "ー", "N/A")  # as written; all in _contract.MISSING_MARKERS
_NA_WEIGHTS = (0.5, 0.25, 0.15, 0.05, 0.05)
_NO_SERVICER = ("", "なし", "-", "無")  # all in _contract.NO_SERVICER_MARKERS
_NO_SERVICER_WEIGHTS = (0.55, 0.30, 0.10, 0.05)
_NAME_FAMILY = ("テスト", "サンプル", "架空", "見本")
_NAME_GIVEN = ("太郎", "花子", "一郎", "次郎", "三郎", "良子", "和子", "健太", "美咲", "翔太")
_PHONE_PREFIX = ("090", "080", "070")
_STAFF = tuple(f"担当{c}" for c in "ABCDEFGH")
_NOTE_PHRASES = (
    "生活状況確認表提出済",
    "収支表提出済",
    "年1回見直し",
    "5年ごとに見直し",
    "サービサーから通知あり",
    "一括和解の提案あり",
    "代位弁済後に債権譲渡",
    "連絡つかず",
    "再交渉予定",
    "弁護士介入",
    "時効援用通知送付(内容証明)",
    "サービサー提示「月2万円×5年+一括50万円」",
    "提示額: 20,000円/月, 一括500,000円",
    "本人携帯 090-0000-1234",
    "テスト太郎様より入電",
)


def _notes() -> tuple[str, ...]:
    """Free-text 備考 values: single phrases, pairs, and multi-line cells."""
    out = list(_NOTE_PHRASES)
    for i, a in enumerate(_NOTE_PHRASES[:11]):
        b = _NOTE_PHRASES[(i + 3) % 11]
        out.append(f"{a}、{b}")
        out.append(f"{a}\n{b}")
    return tuple(out)


_NOTES = _notes()


class _Col:
    """A text column as a table of strings and one code per row (cheap to build and edit)."""

    __slots__ = ("codes", "extra", "table")

    def __init__(self, table: Any, codes: np.ndarray) -> None:
        self.table = (
            table
            if isinstance(table, pd.api.extensions.ExtensionArray)
            else pd.array(np.asarray(table, dtype=object), dtype="str")
        )
        self.codes = np.asarray(codes, dtype=np.int64)
        self.extra: list[str] = []

    def set(self, rows: np.ndarray, values: Any) -> None:
        """Overwrite the cells ``rows`` with ``values`` (one, or one per row)."""
        rows = np.asarray(rows, dtype=np.int64)
        values = np.broadcast_to(np.asarray(values, dtype=object), rows.shape)
        start = len(self.table) + len(self.extra)
        self.extra.extend(str(v) for v in values)
        self.codes[rows] = start + np.arange(len(rows))

    def full_table(self) -> pd.api.extensions.ExtensionArray:
        if self.extra:
            self.table = pd.concat(
                [pd.Series(self.table), pd.Series(self.extra, dtype="str")], ignore_index=True
            ).array
            self.extra = []
        return self.table

    def take(self, rows: np.ndarray) -> _Col:
        return _Col(self.full_table(), self.codes[rows])

    def values(self, rows: np.ndarray | None = None) -> np.ndarray:
        codes = self.codes if rows is None else self.codes[rows]
        return np.asarray(self.full_table().take(codes), dtype=object)

    def array(self) -> pd.api.extensions.ExtensionArray:
        return self.full_table().take(self.codes)

    @staticmethod
    def concat(cols: Sequence[_Col]) -> _Col:
        tables = [c.full_table() for c in cols]
        offsets = np.cumsum([0] + [len(t) for t in tables[:-1]])
        table = pd.concat([pd.Series(t) for t in tables], ignore_index=True).array
        return _Col(
            table, np.concatenate([c.codes + o for c, o in zip(cols, offsets, strict=True)])
        )


def _render(values: np.ndarray, styles: np.ndarray, fmt: Callable[[int, int], str]) -> _Col:
    """Format each distinct (value, style) once; values < 0 mean 'none'."""
    key = values.astype(np.int64) * 64 + styles
    inverse, uniq = pd.factorize(key)
    return _Col([fmt(k // 64, k % 64) for k in uniq.tolist()], inverse)


def _styles(
    rng: np.random.Generator, probs: Sequence[float], size: int, drop: Sequence[int] = ()
) -> np.ndarray:
    p = np.array(probs, dtype=float)
    p[list(drop)] = 0.0
    return rng.choice(len(p), size=size, p=p / p.sum())


@dataclass
class _Layout:
    """Which columns the export has, their headers and header units."""

    order: list[str]  # canonical names, "notes", or extra-column keys
    headers: dict[str, str]
    units: dict[str, int]


_EXTRA = ("氏名", "電話番号", "担当者")
_ORDER = (
    "case_id", "氏名", "電話番号", "sale_date", "age", "age_band", "prefecture", "employment",
    "monthly_income", "household_size", "creditor", "creditor_type", "servicer", "residual_debt",
    "delinquency_rate", "resolution", "agreement_date", "lump_sum", "monthly_amount",
    "term_months", "settlement_ratio", "担当者", "notes",
)  # fmt: skip
_OPTIONAL = {
    "age_band": 0.3,
    "creditor_type": 0.3,
    "delinquency_rate": 0.5,
    "settlement_ratio": 0.5,
    "電話番号": 0.7,
    "担当者": 0.7,
}
_UNITS = {
    "residual_debt": (("", 0.5), ("円", 0.2), ("万円", 0.3)),
    "lump_sum": (("", 0.6), ("円", 0.3), ("万円", 0.1)),
    "monthly_income": (("", 0.6), ("円", 0.25), ("千円", 0.05), ("万円", 0.1)),
    "monthly_amount": (("", 0.7), ("円", 0.3)),
}
_UNIT_YEN = {"": 1, "円": 1, "千円": 1_000, "万円": 10_000}
_AMOUNT_KEY = {
    "residual_debt": "debt",
    "lump_sum": "lump",
    "monthly_amount": "monthly",
    "monthly_income": "income",
}


def _layout(rng: np.random.Generator) -> _Layout:
    order = [c for c in _ORDER if c not in _OPTIONAL or rng.random() < _OPTIONAL[c]]
    headers: dict[str, str] = {}
    units: dict[str, int] = {}
    for col in order:
        if col in _EXTRA:
            headers[col] = col
            continue
        if col == "notes":
            headers[col] = str(rng.choice(NOTES_ALIASES[:2], p=[0.8, 0.2]))
            continue
        aliases = COLUMN_BY_NAME[col].aliases
        p = np.full(len(aliases), 0.5 / max(len(aliases) - 1, 1))
        p[0] = 0.5 if len(aliases) > 1 else 1.0
        header = str(aliases[rng.choice(len(aliases), p=p / p.sum())])
        unit = ""
        if col in _UNITS and "(" not in header:
            unit = str(choice(rng, _UNITS[col], 1)[0])
            if unit:
                header += f"({unit})" if rng.random() < 0.5 else f"（{unit}）"
        if match_header(header) != (col, unit or None):  # pragma: no cover - guards the aliases
            raise RuntimeError(f"header {header!r} does not name {col!r} in the contract")
        headers[col] = header
        units[col] = _UNIT_YEN[unit]
    return _Layout(order, headers, units)


def _render_rows(
    t: dict[str, np.ndarray], n_total: int, rng: np.random.Generator, layout: _Layout, clean: bool
) -> tuple[dict[str, _Col], list[tuple[np.ndarray, str, str]]]:
    """Write the rows of ``t`` as an export would; ``clean`` avoids lossy or noted forms.

    Returns the columns and the noted cells as ``(row mask, column, kind)``.
    """
    k = len(t["case_no"])
    cols: dict[str, _Col] = {}
    noted: list[tuple[np.ndarray, str, str]] = []
    zeros = np.zeros(k, dtype=np.int64)

    def na_styles() -> np.ndarray:
        return rng.choice(2, size=k, p=[0.85, 0.15])  # '' or '-'

    for col in layout.order:
        if col == "case_id":
            cols[col] = _Col(case_ids(t["case_no"], n_total), np.arange(k))
        elif col in ("sale_date", "agreement_date"):
            values = t["sale" if col == "sale_date" else "agr"]
            drop = (_D_MONTH, _D_ERA_PAST_END) if clean else ()
            st = np.where(values < 0, na_styles(), _styles(rng, _DATE_STYLES[col], k, drop))
            cols[col] = _render(values, st, lambda v, s: ("", "-")[s] if v < 0 else _fmt_date(v, s))
            if col == "sale_date":
                noted.append(((st == _D_MONTH) & (values >= 0), col, "month_only"))
            day = values.astype("datetime64[D]")
            past_end = (day >= np.datetime64(_PAST_END[0])) & (day <= np.datetime64(_PAST_END[1]))
            noted.append(((st == _D_ERA_PAST_END) & past_end & (values >= 0), col, "era_past_end"))
        elif col == "age":
            st = _styles(rng, _AGE_STYLES, k, (_AGE_BAND_ONLY,) if clean else ())
            cols[col] = _render(t["age"], st, _fmt_age)
            noted.append((st == _AGE_BAND_ONLY, col, "band_only"))
        elif col == "age_band":
            cols[col] = _render(t["age"] // 10 * 10, zeros, lambda v, s: f"{v}代")
        elif col == "prefecture":
            st = rng.choice(2, size=k, p=[0.8, 0.2])

            def pref(v: int, s: int) -> str:
                name = PREFECTURES[v]
                return name[:-1] if s and name != "北海道" else name

            cols[col] = _render(t["pref"], st, pref)
        elif col in ("employment", "resolution"):
            codes = EMPLOYMENT if col == "employment" else RESOLUTIONS
            words = EMPLOYMENT_CODES if col == "employment" else RESOLUTION_CODES
            u = rng.random(k)

            def word(v: int, s: int, codes: tuple[str, ...] = codes, words: Mapping = words) -> str:
                spellings = (*words[codes[v]], "") if codes[v] == "pending" else words[codes[v]]
                return spellings[s % len(spellings)]

            st = np.where(u < 0.55, 0, (u * 1000).astype(np.int64) % 12)
            cols[col] = _render(t["emp" if col == "employment" else "res"], st, word)
        elif col in _AMOUNT_KEY:
            values = t[_AMOUNT_KEY[col]]
            unit = layout.units.get(col, 1)
            st = _styles(rng, _AMOUNT_STYLES[col], k, _AMOUNT_NOTED if clean else ())
            st = np.where(values < 0, na_styles(), st)
            st = np.where((values >= 10**8) & (rng.random(k) < 0.5), _A_OKU, st)  # 1億2000万円
            cols[col] = _render(
                values,
                st,
                lambda v, s, unit=unit: ("", "-")[s] if v < 0 else _fmt_amount(v, s, unit),
            )
            noted.append(((st == _A_APPROX) & (values >= 0), col, "approximate"))
        elif col == "household_size":
            cols[col] = _render(t["hh"], _styles(rng, _COUNT_STYLES, k), _fmt_count)
        elif col == "term_months":
            st = np.where(t["term"] < 0, na_styles(), _styles(rng, _TERM_STYLES, k))
            cols[col] = _render(
                t["term"], st, lambda v, s: ("", "-")[s] if v < 0 else _fmt_term(v, s)
            )
        elif col == "creditor":
            st = rng.choice(4, size=k, p=[0.9, 0.04, 0.04, 0.02])

            def cred(v: int, s: int) -> str:
                name = CREDITORS[v]
                return (name, _fw(name), f" {name} ", f"{name}\u3000")[s]

            cols[col] = _render(t["cred"], st, cred)
        elif col == "creditor_type":
            st = rng.choice(2, size=k, p=[0.8, 0.2])
            cols[col] = _render(
                t["ct"], st, lambda v, s: CREDITOR_TYPES[v].upper() if s else CREDITOR_TYPES[v]
            )
        elif col == "servicer":
            u = rng.random(k)
            st = np.zeros(k, dtype=np.int64)
            for i, name in enumerate(SERVICERS):
                cum = np.cumsum([w for _, w in TRUE_PARAMS.servicer_spellings[name]])
                mask = t["serv"] == i
                st[mask] = np.searchsorted(cum / cum[-1], u[mask], side="right")
            none = t["serv"] < 0
            cum = np.cumsum(_NO_SERVICER_WEIGHTS)
            st[none] = np.searchsorted(cum / cum[-1], u[none], side="right")

            def serv(v: int, s: int) -> str:
                return (
                    _NO_SERVICER[s] if v < 0 else TRUE_PARAMS.servicer_spellings[SERVICERS[v]][s][0]
                )

            cols[col] = _render(t["serv"], st, serv)
        elif col == "delinquency_rate":
            st = _styles(rng, _RATE_STYLES, k, (_BARE_PERCENT,) if clean else ())
            bp = np.rint(t["rate"] * 10_000).astype(np.int64)  # in 0.01 %
            cols[col] = _render(bp, st, lambda v, s: _fmt_percent(v / 10_000, s).replace(".00", ""))
            noted.append((st == _BARE_PERCENT, col, "ratio_percent"))
        elif col == "settlement_ratio":
            st = _styles(rng, _RATIO_STYLES, k, (_BARE_PERCENT,) if clean else ())
            micro = np.where(
                np.isnan(t["ratio"]), -1, np.rint(np.nan_to_num(t["ratio"]) * 1e6)
            ).astype(np.int64)
            cols[col] = _render(micro, st, lambda v, s: "" if v < 0 else _fmt_percent(v / 1e6, s))
            noted.append(((st == _BARE_PERCENT) & (micro > 10_000), col, "ratio_percent"))
        elif col == "氏名":
            names = [f + g for f in _NAME_FAMILY for g in _NAME_GIVEN]
            cols[col] = _Col(names, rng.integers(0, len(names), size=k))
        elif col == "電話番号":
            code = rng.integers(0, len(_PHONE_PREFIX) * 10_000, size=k)
            cols[col] = _render(
                code, zeros, lambda v, s: f"{_PHONE_PREFIX[v // 10_000]}-0000-{v % 10_000:04d}"
            )
        elif col == "担当者":
            cols[col] = _Col(list(_STAFF), rng.integers(0, len(_STAFF), size=k))
        elif col == "notes":
            idx = rng.integers(0, len(_NOTES), size=k)
            cols[col] = _Col(["", *_NOTES], np.where(rng.random(k) < 0.4, idx + 1, 0))
    return cols, noted


# --------------------------------------------------------------------------
# Planting problems
# --------------------------------------------------------------------------

_KINDS = {
    # kind: (lossy: the cleaned cell cannot equal the truth, reported: §8 wants a problem row)
    "missing": (True, False),
    "band_only": (True, False),
    "month_only": (True, True),
    "approximate": (False, True),
    "era_past_end": (False, True),
    "ratio_percent": (False, True),
    "ratio_mismatch": (False, True),
    "unreadable": (True, True),
    "out_of_range": (True, True),
    "personal": (True, True),
    "duplicate_older": (False, True),
    "duplicate_exact": (False, False),
    "duplicate_equal": (False, False),
    "extra_column": (False, True),
    "column_absent": (True, False),
}


def _bad_cell(
    r: random.Random, t: dict[str, np.ndarray], i: int, today: int, present: Collection[str]
) -> tuple[str, str, str] | None:
    """One unreadable or out-of-range cell for row i: (column, value, kind)."""
    sale, agr = int(t["sale"][i]), int(t["agr"][i])
    income, lump, debt = int(t["income"][i]), int(t["lump"][i]), int(t["debt"][i])

    def impossible_date() -> str:
        y = (EPOCH + timedelta(days=sale)).year
        return r.choice([f"{y if y % 4 else y - 1}-02-29", f"{y}/4/31", f"{y}/2/30"])

    def before_sale() -> str:
        return (EPOCH + timedelta(days=sale - r.randint(30, 400))).isoformat()

    def future() -> str:
        d = EPOCH + timedelta(days=today + r.randint(400, 1500))
        return f"{d.year}/{d.month}/{d.day}"

    options: list[tuple[str, Callable[[], str], str, bool]] = [
        ("age", lambda: r.choice(["150", "150歳", "12"]), "out_of_range", True),
        ("age", lambda: "abc", "unreadable", True),
        ("household_size", lambda: r.choice(["0人", "25人"]), "out_of_range", True),
        ("household_size", lambda: "abc", "unreadable", True),
        ("monthly_income", lambda: r.choice(["abc", "要確認"]), "unreadable", True),
        ("monthly_income", lambda: f"-{income:,}", "out_of_range", income > 0),
        ("residual_debt", lambda: r.choice(["abc", "調査中"]), "unreadable", True),
        ("prefecture", lambda: "テスト県", "unreadable", True),
        ("employment", lambda: r.choice(["主婦", "学生"]), "unreadable", True),
        ("sale_date", impossible_date, "out_of_range", True),
        ("agreement_date", before_sale, "out_of_range", agr >= 0),
        ("agreement_date", future, "out_of_range", agr >= 0),
        ("lump_sum", lambda: f"{2 * debt:,}", "out_of_range", lump >= 0),
        ("term_months", lambda: "999回", "out_of_range", int(t["term"][i]) >= 0),
    ]
    usable = [o for o in options if o[3] and o[0] in present]
    if not usable:
        return None
    col, make, kind, _ = r.choice(usable)
    return col, make(), kind


def _personal_cell(r: random.Random, t: dict[str, np.ndarray], i: int) -> tuple[str, str, str]:
    """Fake personal data in a kept text column of row i: (column, value, kind)."""
    k = r.randrange(10_000)
    if t["serv"][i] < 0 and r.random() < 0.7:
        value = r.choice([f"090-0000-{k:04d}", f"連絡先 test{k % 100}@example.com", "テスト太郎様"])
        return "servicer", value, "personal"
    pref = PREFECTURES[t["pref"][i]]
    return "prefecture", f"{pref}テスト市テスト町{k % 9 + 1}-{k % 7 + 1}-{k % 5 + 1}", "personal"


def render_messy(
    t: dict[str, np.ndarray], n: int, rng: np.random.Generator, today: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    layout = _layout(rng)
    cols, noted = _render_rows(t, n, rng, layout, clean=False)
    M = TRUE_PARAMS.messy
    r = random.Random(int(rng.integers(2**62)))  # fast scalar draws for the few planted cells
    planted: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (rows, columns, kinds)

    def plant(rows: Any, columns: Any, kinds: Any) -> None:
        rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        planted.append(
            (
                rows,
                np.broadcast_to(np.asarray(columns, dtype=object), rows.shape),
                np.broadcast_to(np.asarray(kinds, dtype=object), rows.shape),
            )
        )

    busy = np.zeros(n, dtype=bool)
    for mask, col, kind in noted:
        plant(np.flatnonzero(mask), col, kind)
        busy |= mask

    # duplicate sources: rows without any planted cell
    n_old = rng.binomial(n, M["duplicate_older"])
    n_exact = rng.binomial(n, M["duplicate_exact"])
    n_equal = rng.binomial(n, M["duplicate_equal"])
    long_enough = np.flatnonzero(~busy & (t["agr"] >= 0) & (t["agr"] - t["sale"] >= 90))
    old_src = rng.choice(long_enough, size=min(n_old, len(long_enough)), replace=False)
    busy[old_src] = True
    free = np.flatnonzero(~busy)
    rep_src = rng.choice(free, size=min(n_exact + n_equal, len(free)), replace=False)
    exact_src, equal_src = rep_src[:n_exact], rep_src[n_exact:]
    busy[rep_src] = True

    # missing markers in feature columns
    markers = np.array(_NA_MARKERS, dtype=object)
    for col in ("age", "prefecture", "employment", "monthly_income", "household_size"):
        rows = np.flatnonzero((rng.random(n) < M["missing"]) & ~busy)
        p = np.array(_NA_WEIGHTS) / sum(_NA_WEIGHTS)
        cols[col].set(rows, markers[rng.choice(len(markers), size=len(rows), p=p)])
        plant(rows, col, "missing")

    # unreadable / out-of-range cells, fake personal data, inconsistent given ratios
    free = np.flatnonzero(~busy)
    n_bad = min(rng.binomial(n, M["bad_row"]), len(free))
    n_personal = min(rng.binomial(n, M["personal"]), len(free) - n_bad)
    chosen = rng.choice(free, size=n_bad + n_personal, replace=False)
    busy[chosen] = True
    cells = [_bad_cell(r, t, int(i), today, cols) for i in chosen[:n_bad]]
    cells += [_personal_cell(r, t, int(i)) for i in chosen[n_bad:]]
    by_col: dict[str, tuple[list[int], list[str], list[str]]] = {}
    for i, cell in zip(chosen, cells, strict=True):
        if cell is not None and cell[0] in cols:
            rows_, values_, kinds_ = by_col.setdefault(cell[0], ([], [], []))
            rows_.append(int(i))
            values_.append(cell[1])
            kinds_.append(cell[2])
    for col, (rows_, values_, kinds_) in by_col.items():
        cols[col].set(np.array(rows_), values_)
        plant(rows_, col, np.array(kinds_, dtype=object))
    if "settlement_ratio" in cols:
        rows = np.flatnonzero(~busy & ~np.isnan(t["ratio"]) & (rng.random(n) < M["ratio_mismatch"]))
        cols["settlement_ratio"].set(rows, [f"{100 * (x + 0.05):.2f}%" for x in t["ratio"][rows]])
        plant(rows, "settlement_ratio", "ratio_mismatch")

    # appended rows: older versions, exact repeats, repeats in other spellings
    def subset(rows: np.ndarray) -> dict[str, np.ndarray]:
        return {key: value[rows] for key, value in t.items()}

    old = subset(old_src)
    k_old = len(old_src)
    as_pending = rng.random(k_old) < 0.4
    earlier = (
        old["sale"] + (rng.random(k_old) * (old["agr"] - old["sale"] - 30)).astype(np.int64) + 15
    )
    old["agr"] = np.where(as_pending, -1, earlier)
    old["res"] = np.where(as_pending, RESOLUTION_INDEX["pending"], RESOLUTION_INDEX["installment"])
    old["monthly"] = np.where(as_pending, -1, rng.choice([5_000, 10_000, 20_000], size=k_old))
    old["lump"] = np.full(k_old, -1)
    old["term"] = np.full(k_old, -1)
    old["ratio"] = np.full(k_old, np.nan)
    old_cols, _ = _render_rows(old, n, rng, layout, clean=True)
    equal_cols, _ = _render_rows(subset(equal_src), n, rng, layout, clean=True)
    for col in layout.order:
        if (
            col in _EXTRA or col == "notes"
        ):  # the same person: keep the columns outside the contract
            old_cols[col] = cols[col].take(old_src)
            equal_cols[col] = cols[col].take(equal_src)
    for block in (old_cols, equal_cols):  # case ids spelled differently, equal after NFKC + trim
        ids = block["case_id"].values()
        u = rng.random(len(ids))
        block["case_id"] = _Col(
            [
                _fw(s) if x < 0.3 else (s + " " if x < 0.5 else s)
                for s, x in zip(ids, u, strict=True)
            ],
            np.arange(len(ids)),
        )
    extra_rows = np.concatenate([old_src, exact_src, equal_src])
    kinds = np.array(
        ["duplicate_older"] * len(old_src)
        + ["duplicate_exact"] * len(exact_src)
        + ["duplicate_equal"] * len(equal_src),
        dtype=object,
    )
    order = rng.permutation(len(extra_rows))
    full: dict[str, _Col] = {}
    for col in layout.order:
        appended = _Col.concat([old_cols[col], cols[col].take(exact_src), equal_cols[col]])
        appended.codes = appended.codes[order]
        full[col] = _Col.concat([cols[col], appended])
    plant(n + np.arange(len(extra_rows)), "case_id", kinds[order])
    raw = pd.DataFrame({layout.headers[col]: full[col].array() for col in layout.order})

    # the planted-problem table
    extra_headers = [c for c in layout.order if c in _EXTRA]
    plant(np.full(len(extra_headers), -1), np.array(extra_headers, dtype=object), "extra_column")
    if "delinquency_rate" not in layout.order:
        plant([-1], "delinquency_rate", "column_absent")
    p = pd.DataFrame(
        {
            "position": np.concatenate([x[0] for x in planted]),
            "column": np.concatenate([x[1] for x in planted]),
            "kind": np.concatenate([x[2] for x in planted]),
        }
    ).drop_duplicates(["position", "column"], keep="last")
    pos = p["position"].to_numpy()
    column = p["column"].to_numpy(dtype=object)
    kind = p["kind"].to_numpy(dtype=object)
    header_of: dict[str, str | None] = {c: layout.headers.get(c, c) for c in layout.order}
    header_of.setdefault("delinquency_rate", None)  # absent from the export
    headers = np.array([header_of[c] for c in column], dtype=object)
    values = headers.copy()  # the header row holds the header
    for col in layout.order:
        at = (column == col) & (pos >= 0)
        values[at] = full[col].values(pos[at])
    ids = _Col.concat([cols["case_id"].take(np.arange(n)), cols["case_id"].take(extra_rows[order])])
    case_id = np.where(pos < 0, None, ids.values(np.maximum(pos, 0)))
    lossy = np.array([_KINDS[k][0] for k in kind], dtype=bool)
    lossy &= ~((kind == "personal") & (column == "servicer"))  # the truth has no servicer either
    planted_table = pd.DataFrame(
        {
            "row": np.where(pos < 0, 1, pos + 2),
            "case_id": pd.array(case_id, dtype="string"),
            "column": pd.array(column, dtype="string"),
            "header": pd.array(headers, dtype="string"),
            "value": pd.array(values, dtype="string"),
            "kind": pd.array(kind, dtype="string"),
            "lossy": lossy,
            "reported": np.array([_KINDS[k][1] for k in kind], dtype=bool),
        }
    )
    planted_table = planted_table.sort_values(["row", "column"], kind="stable").reset_index(
        drop=True
    )
    return raw, planted_table
