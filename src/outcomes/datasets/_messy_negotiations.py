"""A clean negotiation log written the messy way an analyst hands it over (issue 27).

:func:`messy_negotiations` takes a clean log (the columns of case-records §9,
as :func:`outcomes.clean_negotiations` returns them, or as a generator of
clean logs makes them) and writes each row as a firm's sheet would: Japanese
headers, era and slash dates, amounts in 万円, kanji and full-width digits,
the parties' and answers' everyday words (当方, サービサー, 承諾, 対案, OK, ×),
whole proposals in one cell (``月2万円×60回+一括50万円``), a notes column with
made-up phone numbers (never copied by the cleaner), and a few garbage cells.
The truth is kept: ``truth`` is what cleaning must give back (the input with
each garbage cell's value emptied), and ``garbage`` lists those cells. Every
value is drawn from the input; nothing here is a real person or case.
"""

from __future__ import annotations

import os
from typing import NamedTuple

import numpy as np
import pandas as pd
from kanjize import number2kanji

__all__ = ["MessyLog", "messy_negotiations"]

_FW = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_PARTY = {
    "debtor": ("当方", "本人", "債務者", "代理人弁護士", "依頼者"),
    "creditor": ("サービサー", "債権者", "先方", "債権回収会社"),
}
_RESPONSE = {
    "accepted": ("承諾", "了承", "OK", "○", "合意"),
    "rejected": ("拒否", "不可", "NG", "×", "稟議否決"),
    "countered": ("対案", "逆提案", "再提示"),
    "pending": ("", "回答待ち", "検討中", "稟議中", "内諾"),
    "lapsed": ("失効", "期限切れ"),
    "withdrawn": ("撤回", "取下げ"),
}
_KIND = {"lump_sum": "一括", "installment": "分割", "mixed": "分割+一括"}
_ERAS = (("令和", "R", pd.Timestamp("2019-05-01")), ("平成", "H", pd.Timestamp("1989-01-08")))
#: what a garbage cell holds: nothing a parser can read
_GARBAGE = ("???", "#VALUE!", "要確認", "不明瞭", "**")
#: the columns that get garbage cells
GARBAGE_COLUMNS = ("offered_on", "party", "response")


class MessyLog(NamedTuple):
    """The messy log (``raw``: text cells, Japanese headers), what cleaning must give back
    (``truth``: the clean columns, row i of ``raw`` is row i of ``truth``), and the garbage
    cells (``garbage``: ``row`` as spreadsheet rows, header row 1, and canonical ``column``)."""

    raw: pd.DataFrame
    truth: pd.DataFrame
    garbage: pd.DataFrame


def _write_cp932(raw: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """The messy log as Excel on Windows saves a CSV: CP932, CRLF between records."""
    from pathlib import Path

    from outcomes._write import write_bytes

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = raw.to_csv(index=False, lineterminator="\r\n").replace("¥", "￥")
    write_bytes(target, text.encode("cp932"))


def _fw(text: str) -> str:
    return text.translate(_FW)


def _yen(n: int, rng: np.random.Generator) -> str:
    """An amount in one of the contract's spellings, each read back exactly."""
    styles = ["comma", "en", "fw_yen"]
    if n % 10_000 == 0:
        styles += ["man", "man_en", "kanji", "fw_man"]
    elif n % 1000 == 0 and n < 10**8:
        styles += ["man_sen"]
    style = styles[rng.integers(len(styles))]
    man = f"{n // 10_000}"
    if style == "comma":
        return f"{n:,}"
    if style == "en":
        return f"{n:,}円"
    if style == "fw_yen":
        return f"￥{n:,}"
    if style == "man":
        return f"{man}万"
    if style == "man_en":
        return f"{man}万円"
    if style == "kanji":
        return number2kanji(n) + "円" if n else "0円"
    if style == "fw_man":
        return _fw(man) + "万円"
    rest = n % 10_000
    return (
        (f"{n // 10_000}万" if n >= 10_000 else "") + (f"{rest // 1000}千" if rest else "") + "円"
    )


def _date(day: pd.Timestamp, rng: np.random.Generator) -> str:
    if pd.isna(day):
        return ""
    style = rng.integers(5)
    if style == 0:
        return day.strftime("%Y-%m-%d")
    if style == 1:
        return f"{day.year}/{day.month}/{day.day}"
    if style == 2:
        return f"{day.year}年{day.month}月{day.day}日"
    era, letter, start = next(e for e in _ERAS if day >= e[2])
    year = day.year - start.year + 1
    if style == 3:
        return f"{era}{'元' if year == 1 else year}年{day.month}月{day.day}日"
    return f"{letter}{year}.{day.month}.{day.day}"


def _term(months: int, rng: np.random.Generator) -> str:
    if months % 12 == 0 and rng.random() < 0.5:
        return f"{months // 12}年"
    return f"{months}回" if rng.random() < 0.7 else str(months)


def _one_cell(kind: str, amount, monthly, term, rng: np.random.Generator) -> str | None:
    """The whole proposal in one cell, or None when it cannot be written so."""
    if kind == "lump_sum" and not pd.isna(amount):
        a = _yen(int(amount), rng)
        return f"一括{a}" if rng.random() < 0.6 else f"{a}(一括)"
    if kind in ("installment", "mixed") and not pd.isna(monthly):
        m = f"月{_yen(int(monthly), rng)}"
        m += f"×{_term(int(term), rng)}" if not pd.isna(term) else "～"
        if kind == "installment":
            return m
        if not pd.isna(amount):
            return f"{m}+一括{_yen(int(amount), rng)}"
    return None


def messy_negotiations(
    log: pd.DataFrame,
    path: str | os.PathLike[str] | None = None,
    *,
    seed: int = 0,
    garbage: float = 0.01,
    one_cell: float = 0.5,
) -> MessyLog:
    """Write a clean negotiation log the messy way, keeping the truth.

    Parameters
    ----------
    log : DataFrame
        A clean log: ``case_id``, ``offered_on``, ``party``, ``kind``, ``amount``,
        ``monthly_amount``, ``term_months``, ``response``, and optionally
        ``responded_on``, ``counterparty``, ``claimed_amount``.
    path : str or path-like, optional
        Also write the messy log there as Excel on Windows saves a CSV (CP932,
        CRLF, as :func:`outcomes.datasets.write_export` writes a case export).
    seed : int
        The random seed (same seed, same mess).
    garbage : float
        The share of the cells of offered_on, party and response replaced by
        garbage (``???``, ``#VALUE!``, ``要確認``): each is one problem row.
    one_cell : float
        The share of proposals written in one cell of 提案内容.

    Returns
    -------
    MessyLog
        ``raw`` (str cells; write it with :func:`outcomes.datasets.write_export`
        for CP932), ``truth`` and ``garbage``.

    Examples
    --------
    >>> log = pd.DataFrame({
    ...     "case_id": ["A1", "A1"],
    ...     "offered_on": pd.to_datetime(["2021-04-01", "2021-05-10"]),
    ...     "party": ["creditor", "debtor"], "kind": ["mixed", "lump_sum"],
    ...     "amount": pd.array([500_000, 300_000], dtype="Int64"),
    ...     "monthly_amount": pd.array([20_000, None], dtype="Int64"),
    ...     "term_months": pd.array([60, None], dtype="Int64"),
    ...     "response": ["rejected", "accepted"],
    ... })
    >>> messy = messy_negotiations(log, seed=3, garbage=0.0, one_cell=1.0)
    >>> messy.raw["提案内容"].tolist()
    ['月２万円×5年+一括50万円', '一括三十万円']
    >>> from outcomes import clean_negotiations
    >>> clean, problems = clean_negotiations(messy.raw, today="2026-01-01")
    >>> clean["amount"].tolist() == log["amount"].tolist(), len(problems)
    (True, 0)
    """
    rng = np.random.default_rng(seed)
    n = len(log)
    truth = log.reset_index(drop=True).copy()
    get = {c: truth[c].tolist() for c in truth.columns}
    columns: dict[str, list[str]] = {
        h: [] for h in ("案件ID", "提示日", "提示者", "提案内容", "金額", "月額", "回数", "回答")
    }
    optional = {"responded_on": "回答日", "counterparty": "相手先", "claimed_amount": "請求額"}
    for c, h in optional.items():
        if c in truth.columns:
            columns[h] = []
    columns["備考"] = []
    for i in range(n):
        case = str(get["case_id"][i])
        columns["案件ID"].append(_fw(case) if rng.random() < 0.05 else case)
        columns["提示日"].append(_date(get["offered_on"][i], rng))
        party = get["party"][i]
        columns["提示者"].append("" if pd.isna(party) else str(rng.choice(_PARTY[party])))
        kind, amount = get["kind"][i], get["amount"][i]
        monthly, term = get["monthly_amount"][i], get["term_months"][i]
        cell = None
        if not pd.isna(kind) and kind != "event" and rng.random() < one_cell:
            cell = _one_cell(kind, amount, monthly, term, rng)
        if cell is not None:
            parts = (cell, "", "", "")
        else:
            word = "" if pd.isna(kind) else _KIND.get(kind, "受任通知")
            parts = (
                word,
                "" if pd.isna(amount) else _yen(int(amount), rng),
                "" if pd.isna(monthly) else _yen(int(monthly), rng),
                "" if pd.isna(term) else _term(int(term), rng),
            )
        for h, v in zip(("提案内容", "金額", "月額", "回数"), parts, strict=True):
            columns[h].append(v)
        response = get["response"][i]
        response = "pending" if pd.isna(response) else response
        columns["回答"].append(str(rng.choice(_RESPONSE[response])))
        if "回答日" in columns:
            columns["回答日"].append(_date(get["responded_on"][i], rng))
        if "相手先" in columns:
            who = get["counterparty"][i]
            columns["相手先"].append("" if pd.isna(who) else str(who))
        if "請求額" in columns:
            claim = get["claimed_amount"][i]
            columns["請求額"].append("" if pd.isna(claim) else _yen(int(claim), rng))
        columns["備考"].append(f"担当 090-{rng.integers(1000, 9999)}-{rng.integers(1000, 9999)}")
    raw = pd.DataFrame(columns, dtype="str")
    headers = {"offered_on": "提示日", "party": "提示者", "response": "回答"}
    cells = [(i, c) for i in range(n) for c in GARBAGE_COLUMNS]
    hit = rng.random(len(cells)) < garbage
    bad = [cells[k] for k in np.flatnonzero(hit)]
    for i, c in bad:
        raw.loc[i, headers[c]] = str(rng.choice(_GARBAGE))
        truth.loc[i, c] = "pending" if c == "response" else None
    if path is not None:
        _write_cp932(raw, path)
    return MessyLog(
        raw=raw,
        truth=truth,
        garbage=pd.DataFrame({"row": [i + 2 for i, _ in bad], "column": [c for _, c in bad]}),
    )
