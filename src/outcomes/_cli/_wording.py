"""The commands' own lines (what was written where), Japanese beside English.

The sentences of offers, warnings and problems live with what they describe
(:mod:`outcomes._advice`, :mod:`outcomes._cleaning`); here are only the lines a
command prints about its own work, so that an output in ``--lang ja`` is
Japanese from its first line to its last.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from outcomes._format import fill

__all__ = ["CLI_LINES", "cli_line"]

#: {key: (Japanese, English)}
CLI_LINES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "clean_table": ("整えた表:  {path}", "clean table: {path}"),
        "clean_problems": ("問題の一覧: {path}", "problems:    {path}"),
        "clean_negotiations": ("交渉履歴:  {path}", "negotiation log: {path}"),
        "already_clean": (
            "{source} はすでに整えた表です(契約のスキーマに合っています)",
            "{source} is already a clean table (it passes the contract's schema)",
        ),
        "cleaned_input": (
            "{source}を整えました: 案件{n}件、問題{problems}件"
            "(一覧は outcomes clean で書き出せます)",
            "cleaned {source}: {n} cases, {problems} problem(s) "
            "(run `outcomes clean` for the report)",
        ),
        "k_below_default": (
            "注意: k = {k} は社の既定 {default} より小さい値です(少ない件数の集計も示します)",
            "warning: k = {k} is smaller than the firm's default of {default} "
            "(smaller groups are shown)",
        ),
        "report_written": ("報告: {path}", "report: {path}"),
        "pdf_written": ("PDF: {path}", "PDF: {path}"),
        "predict_done": (
            "{n}件の予測を{output}に書きました",
            "predictions for {n} cases written to {output}",
        ),
    }
)


def cli_line(key: str, language: str, **fields: Any) -> str:
    """One line of :data:`CLI_LINES` in ``language``, its fields filled.

    Examples
    --------
    >>> cli_line("clean_table", "ja", path="out/cases.parquet")
    '整えた表:  out/cases.parquet'
    >>> cli_line("clean_table", "en", path="out/cases.parquet")
    'clean table: out/cases.parquet'
    """
    return fill(CLI_LINES[key], language, fields)
