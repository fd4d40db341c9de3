"""Synthetic case records with a known truth.

Everything here is made up. :func:`simulate_cases` draws households, loans,
creditors, servicers and outcomes from the documented model in
:data:`TRUE_PARAMS` and returns them either as the clean table of the
contract (``messy=False``) or as the raw Japanese export an analyst would
hand over (``messy=True``): Japanese headers, amounts in ten spellings, era
dates, unreadable cells, duplicate rows, fake personal data in the wrong
column. Row ``i`` of both describes the same case, so a cleaner can be
tested against the truth, and :func:`true_quantile` gives the exact
conditional quantiles of the two modelled outcomes (the settlement ratio
and the monthly instalment), so a model's intervals can be checked too.

The model, in short (every number is a field of :data:`TRUE_PARAMS`):

* sale dates uniform over 2015–2025; age normal (mean 52, sd 12) cut to
  25–85; pensioners mostly from 65; take-home income log-normal by
  employment; household 1–6; prefecture by population;
* creditor type jhf 25 %, guarantor 25 %, bank 20 %, shinkin 15 %, jfc 5 %,
  other 10 %; a servicer holds most non-JHF claims (JHF keeps its claims,
  only consigning collection to 住宅債権管理回収機構, which earns no discount);
* residual debt log-normal (median ¥3M–¥8M by creditor type, with a thin
  tail up to ¥200M);
* resolution from creditor, servicer, debt and employment (installment
  ≈ 45 %, lump_sum ≈ 25 %, …); the agreement comes some months after the
  sale and a case whose agreement would fall after ``today`` is pending;
* lump sum: ``logit(ratio) = β0 + β_debt·log(debt/5M) + β_years·years
  + β_income·log(max(income, 50k)/200k) + γ[creditor_type] + δ·servicer
  + σ·ε``, the amount rounded to ¥10,000;
* monthly instalment: ``log(m) = log(12,000) + a_income·log(…)
  + a_household·(household − 1) + a[creditor_type] + a[employment] + σ·ε``,
  rounded to the amounts agreements use (5,000, 10,000, 15,000, …, a few
  3,000 and 8,000);
* 任意整理 repays the debt over 36/60 months; 個人再生 pays the minimum of
  民事再生法 §231 over 36/60 months.

Examples
--------
>>> from outcomes.datasets import simulate_cases, true_quantile
>>> clean = simulate_cases(200, seed=1, messy=False, today="2026-06-30")
>>> clean.shape
(200, 19)
>>> raw = simulate_cases(200, seed=1, today="2026-06-30")
>>> len(raw) >= 200 and bool((raw.dtypes == "str").all())
True
"""

from __future__ import annotations

import math
import random
import tempfile
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from statistics import NormalDist
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from outcomes._contract import (
    AGE_BANDS,
    CASE_COLUMNS,
    COLUMN_BY_NAME,
    CREDITOR_TYPES,
    EMPLOYMENT_CODES,
    NOTES_ALIASES,
    PREFECTURES,
    RESOLUTION_CODES,
    creditor_type_of,
    match_header,
)

__all__ = [
    "SAMPLE_N",
    "SAMPLE_SEED",
    "SAMPLE_TODAY",
    "TRUE_PARAMS",
    "TrueParams",
    "load_sample",
    "simulate_cases",
    "true_quantile",
    "write_export",
]

#: rows, seed and export day of the shipped sample ``data/sample/cases.csv``
SAMPLE_N = 1500
SAMPLE_SEED = 20260630
SAMPLE_TODAY = "2026-06-30"

_EMPLOYMENT: tuple[str, ...] = tuple(EMPLOYMENT_CODES)
_RESOLUTIONS: tuple[str, ...] = tuple(RESOLUTION_CODES)
_EMP = {code: i for i, code in enumerate(_EMPLOYMENT)}
_RES = {code: i for i, code in enumerate(_RESOLUTIONS)}
_CT = {code: i for i, code in enumerate(CREDITOR_TYPES)}


def _frozen(mapping: Mapping[str, Any]) -> MappingProxyType:
    return MappingProxyType(dict(mapping))


def _monthly_grid() -> tuple[tuple[int, ...], tuple[float, ...]]:
    """Amounts agreed instalments use, and the upper bounds of their bins."""
    values = [3_000, 5_000, 8_000, 10_000, *range(15_000, 50_001, 5_000)]
    values += list(range(60_000, 1_000_001, 10_000))
    bounds = [(a + b) / 2 for a, b in zip(values[:-1], values[1:], strict=True)]
    # few agreements at 3,000 and 8,000: narrow bins for them
    bounds[0] = 3_300.0  # m <= 3,300 -> 3,000
    bounds[1] = 7_750.0  # 3,300 < m <= 7,750 -> 5,000
    bounds[2] = 8_250.0  # 7,750 < m <= 8,250 -> 8,000
    return tuple(values), tuple(bounds)


_GRID_VALUES, _GRID_BOUNDS = _monthly_grid()


@dataclass(frozen=True)
class TrueParams:
    """Every parameter of the simulation, with its meaning.

    Amounts are in yen, shares are probabilities, ``*_sdlog`` are standard
    deviations of the natural log. Mappings are read-only. The shipped
    instance is :data:`TRUE_PARAMS`; ``simulate_cases`` always uses it.

    Attributes
    ----------
    sale_start, sale_end : str
        Range of sale dates (uniform); the end is moved back to
        ``today - sale_min_days_before_today`` when that is earlier.
    age_mean, age_sd, age_range :
        Debtor's age at the sale: normal, redrawn outside ``age_range``.
    prefecture_weights : tuple of float
        Population of each of the 47 prefectures (2020 census, 10,000s),
        in the order of ``_contract.PREFECTURES``.
    pensioner_share : tuple of (min_age, share)
        Probability of being a pensioner from each age on.
    employment_mix : mapping
        Employment of the others.
    income : mapping code -> (median, sdlog)
        Take-home monthly income by employment, log-normal, rounded to
        ``income_round``; ``unemployed_zero_income`` of the unemployed have 0.
    household_probs : mapping
        Probabilities of 1..6 people, for pensioners and for the others.
    creditor_type_mix : mapping
        Share of each creditor type.
    creditors : mapping type -> ((spelling, weight), ...)
        How the creditor is written (already NFKC-normal; the clean
        ``creditor``). Fictional names; ``creditor_type_of`` of each
        spelling gives its type.
    servicer_share : mapping
        Probability that a servicer holds (or, for JHF, collects) the claim.
    servicers : tuple of (name, weight)
        Servicers buying non-JHF claims (registry names, from domain.md).
    jhf_servicer : str
        JHF consigns collection to this servicer; no discount follows.
    servicer_spellings : mapping name -> ((spelling, weight), ...)
        How each servicer is written in exports (former names included).
    debt_median, debt_sdlog, debt_tail_share, debt_tail_median, debt_tail_sdlog,
    debt_range, debt_round :
        Residual debt: log-normal by creditor type, mixed with a thin wide
        tail, clipped to ``debt_range`` and rounded (to ``10 × debt_round``
        from ¥100M on).
    delinquency_rate : mapping
        Default interest (遅延損害金率) by creditor type.
    resolution_weights : mapping group -> mapping resolution -> weight
        Groups: ``jhf``, ``servicer`` (a servicer bought the claim),
        ``direct``.
    rehab_max_debt, rehab_low_income_factor, va_debt_factor,
    bankruptcy_unemployed_factor, bankruptcy_large_debt, lump_sum_employment_factor,
    limitation_min_years :
        Adjustments of the resolution weights: 個人再生 needs debt ≤ ¥50M and
        is rarer without a wage; 任意整理 fits small debts; bankruptcy is
        likelier when unemployed or above ``bankruptcy_large_debt[0]``;
        no lump sum without cash; 時効 needs ``limitation_min_years``.
    delay_months, delay_months_servicer, delay_months_jhf :
        Months from sale to agreement: ``offset + Gamma(shape, scale)`` by
        resolution (and by whether a servicer bought the claim / JHF).
    days_per_month : float
        Length of the months above, and of ``years = days / 365.25``.
    ratio_intercept, ratio_debt, ratio_years, ratio_income, ratio_creditor,
    ratio_servicer, ratio_sigma, debt_ref, income_ref, income_floor :
        Lump-sum ratio model (logit scale); ``ratio_servicer`` applies when a
        servicer other than the JHF's consignee holds a non-JHF claim.
    lump_unit, lump_min :
        The lump sum is rounded to ``lump_unit`` (half down), at least
        ``lump_min`` and at most the residual debt.
    monthly_base, monthly_income, monthly_household, monthly_creditor,
    monthly_employment, monthly_sigma :
        Latent monthly instalment (log scale).
    monthly_values, monthly_bounds :
        The recorded instalment is ``monthly_values[k]`` for a latent amount
        in ``(monthly_bounds[k-1], monthly_bounds[k]]``.
    open_share_jhf, open_share_pensioner, open_share_other, fixed_terms, term_max_monthly :
        Instalment plans without a term (reviewed yearly) and the terms of
        the others; a term ``T`` is only agreed when ``T × term_max_monthly``
        does not exceed the debt (a plan does not repay more than is owed), so
        debts under ¥1.8M get open-ended plans.
    va_terms, rehab_terms, plan_round :
        任意整理 repays the debt, 個人再生 the §231 minimum, over these terms;
        the monthly amount is rounded up to ``plan_round``.
    messy : mapping
        Rates of the planted problems in the raw export (missing markers, bad
        cells, personal data, duplicates). The shares of the spellings of each
        value (``_AMOUNT_STYLES``, ``_DATE_STYLES``, … in this module) are
        listed in ``data/sample/README.md``.
    """

    sale_start: str = "2015-01-01"
    sale_end: str = "2025-12-31"
    sale_min_days_before_today: int = 30
    age_mean: float = 52.0
    age_sd: float = 12.0
    age_range: tuple[int, int] = (25, 85)
    prefecture_weights: tuple[float, ...] = (
        522, 124, 121, 230, 96, 107, 183, 287, 193, 194, 734, 628, 1405, 924,
        220, 103, 113, 77, 81, 205, 198, 363, 754, 177, 141, 258, 884, 547,
        132, 92, 55, 67, 189, 280, 134, 72, 95, 133, 69, 514, 81, 131,
        174, 112, 107, 159, 147,
    )  # fmt: skip
    pensioner_share: tuple[tuple[int, float], ...] = ((0, 0.02), (60, 0.2), (65, 0.6), (70, 0.9))
    employment_mix: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "employee": 0.56,
                "self_employed": 0.15,
                "part_time": 0.15,
                "unemployed": 0.08,
                "other": 0.06,
            }
        )
    )
    income: Mapping[str, tuple[float, float]] = field(
        default_factory=lambda: _frozen(
            {
                "employee": (250_000, 0.30),
                "self_employed": (230_000, 0.50),
                "part_time": (120_000, 0.30),
                "pensioner": (135_000, 0.18),
                "unemployed": (60_000, 0.60),
                "other": (170_000, 0.40),
            }
        )
    )
    unemployed_zero_income: float = 0.3
    income_round: int = 1_000
    household_probs: Mapping[str, tuple[float, ...]] = field(
        default_factory=lambda: _frozen(
            {
                "pensioner": (0.45, 0.45, 0.07, 0.03, 0.0, 0.0),
                "other": (0.18, 0.24, 0.22, 0.22, 0.10, 0.04),
            }
        )
    )
    creditor_type_mix: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "jhf": 0.25,
                "jfc": 0.05,
                "shinkin": 0.15,
                "guarantor": 0.25,
                "bank": 0.20,
                "other": 0.10,
            }
        )
    )
    creditors: Mapping[str, tuple[tuple[str, float], ...]] = field(
        default_factory=lambda: _frozen(
            {
                "jhf": (
                    ("住宅金融支援機構", 0.45),
                    ("独立行政法人住宅金融支援機構", 0.10),
                    ("住宅金融公庫", 0.15),
                    ("フラット35", 0.10),
                    ("公庫", 0.12),
                    ("公庫融資", 0.08),
                ),
                "jfc": (
                    ("日本政策金融公庫", 0.7),
                    ("株式会社日本政策金融公庫", 0.1),
                    ("国民生活金融公庫", 0.2),
                ),
                "shinkin": (
                    ("〇〇信用金庫", 0.30),
                    ("△△信金", 0.10),
                    ("〇〇信用組合", 0.10),
                    ("JAバンク〇〇", 0.15),
                    ("JA〇〇", 0.10),
                    ("〇〇労働金庫", 0.10),
                    ("〇〇ろうきん", 0.05),
                    ("〇〇農協", 0.10),
                ),
                "guarantor": (
                    ("〇〇保証株式会社", 0.35),
                    ("△△信用保証", 0.25),
                    ("〇〇住宅ローン保証", 0.20),
                    ("〇〇銀行保証", 0.20),
                ),
                "bank": (
                    ("〇〇銀行", 0.40),
                    ("△△銀行", 0.20),
                    ("□□銀行", 0.10),
                    ("架空第一銀行", 0.10),
                    ("さくら架空銀行", 0.10),
                    ("SAMPLE BANK", 0.05),
                    ("〇〇銀行△△支店", 0.05),
                ),
                "other": (
                    ("〇〇ファイナンス", 0.30),
                    ("△△クレジット", 0.20),
                    ("〇〇リース", 0.15),
                    ("〇〇モーゲージ", 0.20),
                    ("〇〇不動産", 0.15),
                ),
            }
        )
    )
    servicer_share: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "jhf": 0.40,
                "jfc": 0.40,
                "shinkin": 0.70,
                "guarantor": 0.85,
                "bank": 0.75,
                "other": 0.60,
            }
        )
    )
    servicers: tuple[tuple[str, float], ...] = (
        ("アビリオ債権回収", 0.14),
        ("SMBC債権回収", 0.14),
        ("三菱HCキャピタル債権回収", 0.10),
        ("エム・ユー・フロンティア債権回収", 0.12),
        ("みずほ債権回収", 0.10),
        ("住宅債権管理回収機構", 0.08),
        ("オリックス債権回収", 0.08),
        ("ニッテレ債権回収", 0.08),
        ("アルファ債権回収", 0.06),
        ("日本債権回収", 0.10),
    )
    jhf_servicer: str = "住宅債権管理回収機構"
    servicer_spellings: Mapping[str, tuple[tuple[str, float], ...]] = field(
        default_factory=lambda: _frozen(
            {
                "アビリオ債権回収": (
                    ("アビリオ債権回収株式会社", 0.35),
                    ("アビリオ債権回収", 0.20),
                    ("ｱﾋﾞﾘｵ債権回収㈱", 0.10),
                    ("(株)アビリオ債権回収", 0.10),
                    ("アビリオ債権回収（株）", 0.10),
                    ("セディナ債権回収", 0.10),
                    ("セディナ債権回収株式会社", 0.05),
                ),
                "SMBC債権回収": (
                    ("SMBC債権回収株式会社", 0.35),
                    ("SMBC債権回収", 0.25),
                    ("ＳＭＢＣ債権回収（株）", 0.20),
                    ("ＳＭＢＣ債権回収株式会社", 0.10),
                    ("SMBC 債権回収", 0.10),
                ),
                "三菱HCキャピタル債権回収": (
                    ("三菱HCキャピタル債権回収株式会社", 0.35),
                    ("三菱ＨＣキャピタル債権回収", 0.20),
                    ("日立キャピタル債権回収", 0.20),
                    ("日立キャピタル債権回収㈱", 0.15),
                    ("三菱HCキャピタル債権回収(株)", 0.10),
                ),
                "エム・ユー・フロンティア債権回収": (
                    ("エム・ユー・フロンティア債権回収株式会社", 0.5),
                    ("エム・ユー・フロンティア債権回収", 0.3),
                    ("ｴﾑ･ﾕｰ･ﾌﾛﾝﾃｨｱ債権回収㈱", 0.2),
                ),
                "みずほ債権回収": (
                    ("みずほ債権回収株式会社", 0.6),
                    ("みずほ債権回収", 0.3),
                    ("みずほ債権回収（株）", 0.1),
                ),
                "住宅債権管理回収機構": (
                    ("株式会社住宅債権管理回収機構", 0.5),
                    ("住宅債権管理回収機構", 0.4),
                    ("(株)住宅債権管理回収機構", 0.1),
                ),
                "オリックス債権回収": (
                    ("オリックス債権回収株式会社", 0.6),
                    ("オリックス債権回収", 0.3),
                    ("ｵﾘｯｸｽ債権回収㈱", 0.1),
                ),
                "ニッテレ債権回収": (("ニッテレ債権回収株式会社", 0.6), ("ニッテレ債権回収", 0.4)),
                "アルファ債権回収": (("アルファ債権回収株式会社", 0.6), ("アルファ債権回収", 0.4)),
                "日本債権回収": (
                    ("日本債権回収株式会社", 0.6),
                    ("日本債権回収", 0.3),
                    ("日本債権回収㈱", 0.1),
                ),
            }
        )
    )
    debt_median: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "jhf": 8_000_000,
                "jfc": 3_000_000,
                "shinkin": 6_000_000,
                "guarantor": 8_000_000,
                "bank": 8_000_000,
                "other": 4_000_000,
            }
        )
    )
    debt_sdlog: float = 0.7
    debt_tail_share: float = 0.02
    debt_tail_median: float = 30_000_000
    debt_tail_sdlog: float = 0.8
    debt_range: tuple[int, int] = (300_000, 200_000_000)
    debt_round: int = 1_000
    delinquency_rate: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "jhf": 0.145,
                "jfc": 0.145,
                "shinkin": 0.14,
                "guarantor": 0.14,
                "bank": 0.14,
                "other": 0.2,
            }
        )
    )
    resolution_weights: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: _frozen(
            {
                "jhf": _frozen(
                    {
                        "installment": 0.80,
                        "lump_sum": 0.04,
                        "voluntary_arrangement": 0.02,
                        "rehabilitation": 0.04,
                        "bankruptcy": 0.06,
                        "limitation": 0.01,
                        "pending": 0.02,
                    }
                ),
                "servicer": _frozen(
                    {
                        "installment": 0.30,
                        "lump_sum": 0.42,
                        "voluntary_arrangement": 0.04,
                        "rehabilitation": 0.04,
                        "bankruptcy": 0.08,
                        "limitation": 0.12,
                        "pending": 0.02,
                    }
                ),
                "direct": _frozen(
                    {
                        "installment": 0.50,
                        "lump_sum": 0.15,
                        "voluntary_arrangement": 0.08,
                        "rehabilitation": 0.08,
                        "bankruptcy": 0.12,
                        "limitation": 0.04,
                        "pending": 0.02,
                    }
                ),
            }
        )
    )
    rehab_max_debt: int = 50_000_000
    rehab_low_income_factor: float = 0.2
    va_debt_factor: tuple[tuple[float, float], ...] = ((3e6, 1.5), (8e6, 0.6), (math.inf, 0.15))
    bankruptcy_unemployed_factor: float = 2.0
    bankruptcy_large_debt: tuple[float, float] = (30e6, 2.0)
    lump_sum_employment_factor: Mapping[str, float] = field(
        default_factory=lambda: _frozen({"unemployed": 0.6, "pensioner": 0.8})
    )
    limitation_min_years: float = 5.5
    delay_months: Mapping[str, tuple[float, float, float]] = field(
        default_factory=lambda: _frozen(
            {
                "installment": (2.0, 2.0, 3.0),
                "lump_sum": (3.0, 2.0, 5.0),
                "voluntary_arrangement": (3.0, 2.0, 3.0),
                "rehabilitation": (4.0, 2.0, 3.0),
                "bankruptcy": (2.0, 2.0, 3.0),
                "limitation": (62.0, 2.0, 10.0),
            }
        )
    )
    delay_months_servicer: Mapping[str, tuple[float, float, float]] = field(
        default_factory=lambda: _frozen(
            {"installment": (6.0, 2.0, 6.0), "lump_sum": (6.0, 2.0, 10.0)}
        )
    )
    delay_months_jhf: Mapping[str, tuple[float, float, float]] = field(
        default_factory=lambda: _frozen({"installment": (2.0, 2.0, 2.0)})
    )
    days_per_month: float = 365.25 / 12
    ratio_intercept: float = -1.3
    ratio_debt: float = -0.5
    ratio_years: float = -0.15
    ratio_income: float = 0.35
    ratio_creditor: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {"jhf": 0.7, "jfc": 0.2, "shinkin": 0.2, "guarantor": 0.0, "bank": 0.1, "other": -0.1}
        )
    )
    ratio_servicer: float = -2.0
    ratio_sigma: float = 0.5
    debt_ref: float = 5_000_000
    income_ref: float = 200_000
    income_floor: float = 50_000
    lump_unit: int = 10_000
    lump_min: int = 10_000
    monthly_base: float = 12_000
    monthly_income: float = 0.6
    monthly_household: float = -0.08
    monthly_creditor: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {"jhf": 0.25, "jfc": 0.0, "shinkin": 0.05, "guarantor": 0.0, "bank": 0.05, "other": 0.0}
        )
    )
    monthly_employment: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "employee": 0.0,
                "self_employed": -0.05,
                "part_time": -0.10,
                "pensioner": -0.15,
                "unemployed": -0.30,
                "other": -0.10,
            }
        )
    )
    monthly_sigma: float = 0.35
    monthly_values: tuple[int, ...] = _GRID_VALUES
    monthly_bounds: tuple[float, ...] = _GRID_BOUNDS
    open_share_jhf: float = 0.85
    open_share_pensioner: float = 0.80
    open_share_other: float = 0.25
    fixed_terms: tuple[tuple[int, float], ...] = ((36, 0.3), (60, 0.5), (120, 0.2))
    term_max_monthly: int = 50_000
    va_terms: tuple[tuple[int, float], ...] = ((36, 0.5), (60, 0.5))
    rehab_terms: tuple[tuple[int, float], ...] = ((36, 0.8), (60, 0.2))
    plan_round: int = 1_000
    messy: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                # per cell of the named columns
                "missing": 0.01,  # '-', '不明', ... in age/prefecture/employment/income/household
                "bad_row": 0.015,  # rows with one unreadable or out-of-range cell
                "personal": 0.003,  # rows with fake personal data in servicer / prefecture
                "ratio_mismatch": 0.005,  # given 和解率 off by 5 points (if the column is there)
                "duplicate_older": 0.005,  # an older version of the case appended
                "duplicate_exact": 0.003,  # the row repeated as it is
                "duplicate_equal": 0.002,  # the row repeated in other spellings
            }
        )
    )


#: the parameters :func:`simulate_cases` uses
TRUE_PARAMS = TrueParams()

_P = TRUE_PARAMS

# --------------------------------------------------------------------------
# The model's pieces, shared by the simulation and true_quantile
# --------------------------------------------------------------------------


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _lookup(mapping: Mapping[str, float], codes: Sequence[str], idx: np.ndarray) -> np.ndarray:
    """``mapping[codes[idx]]`` per row, NaN where idx < 0."""
    table = np.array([mapping[c] for c in codes] + [np.nan], dtype=float)
    return table[np.where(idx < 0, len(codes), idx)]


def _ratio_mu(
    debt: np.ndarray, income: np.ndarray, ct: np.ndarray, bought: np.ndarray, years: np.ndarray
) -> np.ndarray:
    """Mean of logit(lump-sum ratio) given the features (NaN where unknown)."""
    inc = np.maximum(income, _P.income_floor)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (
            _P.ratio_intercept
            + _P.ratio_debt * np.log(debt / _P.debt_ref)
            + _P.ratio_years * years
            + _P.ratio_income * np.log(inc / _P.income_ref)
            + _lookup(_P.ratio_creditor, CREDITOR_TYPES, ct)
            + _P.ratio_servicer * bought
        )


def _monthly_mu(
    income: np.ndarray, household: np.ndarray, emp: np.ndarray, ct: np.ndarray
) -> np.ndarray:
    """Mean of log(latent monthly instalment) given the features."""
    inc = np.maximum(income, _P.income_floor)
    return (
        math.log(_P.monthly_base)
        + _P.monthly_income * np.log(inc / _P.income_ref)
        + _P.monthly_household * (household - 1)
        + _lookup(_P.monthly_creditor, CREDITOR_TYPES, ct)
        + _lookup(_P.monthly_employment, _EMPLOYMENT, emp)
    )


def _round_lump(x: np.ndarray, debt: np.ndarray) -> np.ndarray:
    """Round a latent lump sum to ``lump_unit`` (half down): monotone, left-continuous."""
    units = np.maximum(np.ceil(x / _P.lump_unit - 0.5), _P.lump_min / _P.lump_unit)
    return np.minimum(units * _P.lump_unit, debt)


def _round_monthly(m: np.ndarray) -> np.ndarray:
    """Map a latent monthly amount to the recorded one (monotone, left-continuous)."""
    values = np.asarray(_P.monthly_values, dtype=float)
    out = values[np.searchsorted(np.asarray(_P.monthly_bounds), m, side="left")]
    return np.where(np.isnan(m), np.nan, out)


def _rehab_minimum(debt: np.ndarray) -> np.ndarray:
    """個人再生 minimum total repayment (民事再生法 §231) for unsecured claims ``debt``.

    The statute is :func:`outcomes.rehabilitation_minimum`, applied once per
    distinct debt; NaN where 個人再生 is not available (above ¥50M) or the
    debt is missing.
    """
    from outcomes._paths import REHABILITATION_DEBT_LIMIT, rehabilitation_minimum

    debt = np.asarray(debt, dtype=float)
    out = np.full(debt.shape, np.nan)
    ok = np.isfinite(debt) & (debt >= 0) & (debt <= REHABILITATION_DEBT_LIMIT)
    distinct, where = np.unique(debt[ok], return_inverse=True)
    minima = np.array([rehabilitation_minimum(int(round(d))) for d in distinct], dtype=float)
    out[ok] = minima[where]
    return out


def _plan_monthly(total: np.ndarray, term: np.ndarray) -> np.ndarray:
    """Monthly amount repaying ``total`` over ``term`` months, rounded up to ``plan_round``."""
    return np.ceil(total / term / _P.plan_round) * _P.plan_round


def _ratio_of(
    lump: np.ndarray, monthly: np.ndarray, term: np.ndarray, debt: np.ndarray
) -> np.ndarray:
    """Contract §5: (lump + monthly × term) / debt where the total is fixed; NaN otherwise."""
    fixed = ~np.isnan(lump) | (~np.isnan(monthly) & ~np.isnan(term))
    fixed &= np.isnan(monthly) | ~np.isnan(term)  # open-ended plan: no ratio
    total = np.nan_to_num(lump) + np.nan_to_num(monthly) * np.nan_to_num(term)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(fixed, total / debt, np.nan)


# --------------------------------------------------------------------------
# Truth
# --------------------------------------------------------------------------

_EPOCH = date(1970, 1, 1)


def _day(value: object) -> int:
    """Days since 1970-01-01 of a date-like value."""
    return (pd.Timestamp(value).date() - _EPOCH).days


def _choice(rng: np.random.Generator, pairs: Sequence[tuple[Any, float]], size: int) -> np.ndarray:
    values = np.array([v for v, _ in pairs])
    p = np.array([w for _, w in pairs], dtype=float)
    return values[rng.choice(len(values), size=size, p=p / p.sum())]


def _creditor_catalogue() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Creditor spellings, their creditor_type index (by the contract's rules), weights."""
    names: list[str] = []
    weights: list[float] = []
    for ct in CREDITOR_TYPES:
        for name, w in _P.creditors[ct]:
            names.append(name)
            weights.append(w)
    types = np.array([_CT[creditor_type_of(name)] for name in names])
    return tuple(names), types, np.array(weights)


_CREDITORS, _CREDITOR_TYPE_OF, _CREDITOR_WEIGHTS = _creditor_catalogue()
_SERVICERS: tuple[str, ...] = tuple(name for name, _ in _P.servicers)


def _simulate_truth(n: int, rng: np.random.Generator, today: int) -> dict[str, np.ndarray]:
    """Draw n cases; integer columns use -1 and float columns NaN for 'none'."""
    P = _P
    start = _day(P.sale_start)
    end = min(_day(P.sale_end), today - P.sale_min_days_before_today)
    if end < start:
        raise ValueError(
            f"today must be after {P.sale_start} (+{P.sale_min_days_before_today} days)"
        )
    sale = rng.integers(start, end + 1, size=n)

    lo, hi = P.age_range
    age = np.rint(rng.normal(P.age_mean, P.age_sd, size=n))
    bad = (age < lo) | (age > hi)
    while bad.any():
        age[bad] = np.rint(rng.normal(P.age_mean, P.age_sd, size=int(bad.sum())))
        bad = (age < lo) | (age > hi)
    age = age.astype(np.int64)

    pw = np.asarray(P.prefecture_weights, dtype=float)
    pref = rng.choice(len(PREFECTURES), size=n, p=pw / pw.sum())

    thresholds = np.array([a for a, _ in P.pensioner_share])
    shares = np.array([s for _, s in P.pensioner_share])
    p_pension = shares[np.searchsorted(thresholds, age, side="right") - 1]
    others = [c for c in P.employment_mix]
    emp = np.array([_EMP[c] for c in others])[
        rng.choice(len(others), size=n, p=np.array([P.employment_mix[c] for c in others]))
    ]
    emp = np.where(rng.random(n) < p_pension, _EMP["pensioner"], emp)

    med = np.array([P.income[c][0] for c in _EMPLOYMENT])[emp]
    sd = np.array([P.income[c][1] for c in _EMPLOYMENT])[emp]
    income = np.exp(np.log(med) + sd * rng.standard_normal(n))
    income = np.rint(income / P.income_round) * P.income_round
    zero = (emp == _EMP["unemployed"]) & (rng.random(n) < P.unemployed_zero_income)
    income = np.where(zero, 0, income).astype(np.int64)

    pens = emp == _EMP["pensioner"]
    hh_p = rng.random(n)
    hh = np.empty(n, dtype=np.int64)
    for key, mask in (("pensioner", pens), ("other", ~pens)):
        cum = np.cumsum(P.household_probs[key])
        hh[mask] = 1 + np.searchsorted(cum / cum[-1], hh_p[mask], side="right")

    ct_codes = list(CREDITOR_TYPES)
    ct_p = np.array([P.creditor_type_mix[c] for c in ct_codes])
    ct = rng.choice(len(ct_codes), size=n, p=ct_p / ct_p.sum())
    cred = np.empty(n, dtype=np.int64)
    u = rng.random(n)
    for t in range(len(ct_codes)):
        members = np.flatnonzero(_CREDITOR_TYPE_OF == t)
        w = np.cumsum(_CREDITOR_WEIGHTS[members])
        mask = ct == t
        cred[mask] = members[np.searchsorted(w / w[-1], u[mask], side="right")]
    ct = _CREDITOR_TYPE_OF[cred]  # the contract's rule decides the type

    has_serv = rng.random(n) < _lookup(P.servicer_share, CREDITOR_TYPES, ct)
    sw = np.array([w for _, w in P.servicers])
    serv = rng.choice(len(_SERVICERS), size=n, p=sw / sw.sum())
    jhf = ct == _CT["jhf"]
    serv = np.where(jhf, _SERVICERS.index(P.jhf_servicer), serv)
    serv = np.where(has_serv, serv, -1)
    bought = has_serv & ~jhf

    median = _lookup(P.debt_median, CREDITOR_TYPES, ct)
    z = rng.standard_normal(n)
    tail = rng.random(n) < P.debt_tail_share
    debt = np.where(
        tail,
        np.exp(math.log(P.debt_tail_median) + P.debt_tail_sdlog * z),
        np.exp(np.log(median) + P.debt_sdlog * z),
    )
    unit = np.where(debt >= 1e8, 10 * P.debt_round, P.debt_round)  # 1億 and more: whole 万
    debt = np.clip(np.rint(debt / unit) * unit, *P.debt_range).astype(np.int64)
    rate = _lookup(P.delinquency_rate, CREDITOR_TYPES, ct)

    # resolution
    groups = np.where(jhf, 0, np.where(bought, 1, 2))
    base = np.array(
        [[P.resolution_weights[g][r] for r in _RESOLUTIONS] for g in ("jhf", "servicer", "direct")]
    )
    W = base[groups]
    low_income = (emp == _EMP["pensioner"]) | (emp == _EMP["unemployed"])
    W[:, _RES["rehabilitation"]] *= np.where(debt > P.rehab_max_debt, 0.0, 1.0) * np.where(
        low_income, P.rehab_low_income_factor, 1.0
    )
    limits = np.array([b for b, _ in P.va_debt_factor])
    factors = np.array([f for _, f in P.va_debt_factor])
    W[:, _RES["voluntary_arrangement"]] *= factors[np.searchsorted(limits, debt, side="left")]
    W[:, _RES["bankruptcy"]] *= np.where(
        emp == _EMP["unemployed"], P.bankruptcy_unemployed_factor, 1.0
    )
    W[:, _RES["bankruptcy"]] *= np.where(
        debt > P.bankruptcy_large_debt[0], P.bankruptcy_large_debt[1], 1.0
    )
    W[:, _RES["lump_sum"]] *= _lookup(
        {c: P.lump_sum_employment_factor.get(c, 1.0) for c in _EMPLOYMENT}, _EMPLOYMENT, emp
    )
    W[:, _RES["limitation"]] *= (today - sale) >= P.limitation_min_years * 365.25
    cum = np.cumsum(W, axis=1)
    u = rng.random(n) * cum[:, -1]
    res = np.minimum((u[:, None] >= cum).sum(axis=1), len(_RESOLUTIONS) - 1)

    # agreement date; an agreement that would come after today is still pending
    off = np.zeros((3, len(_RESOLUTIONS)))
    shape = np.ones((3, len(_RESOLUTIONS)))
    scale = np.ones((3, len(_RESOLUTIONS)))
    for g, special in enumerate((P.delay_months_jhf, P.delay_months_servicer, {})):
        for r, code in enumerate(_RESOLUTIONS):
            spec = special.get(code, P.delay_months.get(code))
            if spec is not None:
                off[g, r], shape[g, r], scale[g, r] = spec
    months = off[groups, res] + rng.gamma(shape[groups, res], scale[groups, res])
    agr = sale + np.rint(months * P.days_per_month).astype(np.int64)
    pending = (res == _RES["pending"]) | (agr > today)
    res = np.where(pending, _RES["pending"], res)
    agr = np.where(pending, -1, agr)

    # terms
    inst = res == _RES["installment"]
    p_open = np.where(
        jhf, P.open_share_jhf, np.where(pens, P.open_share_pensioner, P.open_share_other)
    )
    is_open = rng.random(n) < p_open
    terms = np.array([k for k, _ in P.fixed_terms])
    tw = np.array([w for _, w in P.fixed_terms]) * (
        terms[None, :] * P.term_max_monthly <= debt[:, None]
    )
    tw_cum = np.cumsum(tw, axis=1)
    is_open |= tw_cum[:, -1] == 0  # a debt too small for any fixed term: open-ended
    u = rng.random(n) * tw_cum[:, -1]
    fixed = terms[np.minimum((u[:, None] >= tw_cum).sum(axis=1), len(terms) - 1)]
    va_t = _choice(rng, P.va_terms, n)
    rehab_t = _choice(rng, P.rehab_terms, n)
    va = res == _RES["voluntary_arrangement"]
    rehab = res == _RES["rehabilitation"]
    term = np.select([inst & ~is_open, va, rehab], [fixed, va_t, rehab_t], np.nan)

    # outcomes
    eps_r = rng.standard_normal(n)
    eps_m = rng.standard_normal(n)
    debt_f = debt.astype(float)
    income_f = income.astype(float)
    years = (agr - sale) / 365.25
    lump_rows = res == _RES["lump_sum"]
    x = _expit(
        _ratio_mu(debt_f, income_f, ct, bought.astype(float), years) + _P.ratio_sigma * eps_r
    )
    lump = np.where(lump_rows, _round_lump(x * debt_f, debt_f), np.nan)
    m = np.exp(_monthly_mu(income_f, hh.astype(float), emp, ct) + _P.monthly_sigma * eps_m)
    with np.errstate(invalid="ignore", divide="ignore"):
        monthly = np.select(
            [inst, va, rehab],
            [
                _round_monthly(m),
                _plan_monthly(debt_f, term),
                _plan_monthly(_rehab_minimum(debt_f), term),
            ],
            np.nan,
        )
    ratio = _ratio_of(lump, monthly, term, debt_f)

    def ints(a: np.ndarray) -> np.ndarray:
        return np.where(np.isnan(a), -1, a).astype(np.int64)

    return {
        "case_no": np.arange(1, n + 1),
        "sale": sale.astype(np.int64),
        "agr": agr.astype(np.int64),
        "age": age,
        "pref": pref.astype(np.int64),
        "emp": emp.astype(np.int64),
        "income": income,
        "hh": hh,
        "cred": cred,
        "ct": ct.astype(np.int64),
        "serv": serv.astype(np.int64),
        "debt": debt,
        "rate": rate,
        "res": res.astype(np.int64),
        "lump": ints(lump),
        "monthly": ints(monthly),
        "term": ints(term),
        "ratio": ratio,
    }


def _clean_frame(t: dict[str, np.ndarray], n: int) -> pd.DataFrame:
    """The truth in the contract's clean table."""

    def days(a: np.ndarray) -> np.ndarray:
        out = a.astype("datetime64[D]").astype("datetime64[ns]")
        return np.where(a < 0, np.datetime64("NaT", "ns"), out)

    def ints(a: np.ndarray) -> pd.arrays.IntegerArray:
        return pd.arrays.IntegerArray(np.where(a < 0, 0, a).astype(np.int64), a < 0)

    def floats(a: np.ndarray) -> pd.arrays.FloatingArray:
        return pd.arrays.FloatingArray(np.nan_to_num(a).astype(np.float64), np.isnan(a))

    def strings(values: Sequence[str], idx: np.ndarray) -> np.ndarray:
        table = np.array([*values, None], dtype=object)
        return table[np.where(idx < 0, len(values), idx)]

    band_idx = np.clip(t["age"] // 10 - 1, 0, len(AGE_BANDS) - 1)
    data: dict[str, Any] = {
        "case_id": _case_ids(t["case_no"], n).astype("string"),
        "sale_date": days(t["sale"]),
        "agreement_date": days(t["agr"]),
        "age": ints(t["age"]),
        "age_band": strings(AGE_BANDS, band_idx),
        "prefecture": strings(PREFECTURES, t["pref"]),
        "employment": pd.Categorical.from_codes(t["emp"], dtype=COLUMN_BY_NAME["employment"].dtype),
        "monthly_income": ints(t["income"]),
        "household_size": ints(t["hh"]),
        "creditor": strings(_CREDITORS, t["cred"]),
        "creditor_type": pd.Categorical.from_codes(
            t["ct"], dtype=COLUMN_BY_NAME["creditor_type"].dtype
        ),
        "servicer": strings(_SERVICERS, t["serv"]),
        "residual_debt": ints(t["debt"]),
        "delinquency_rate": floats(t["rate"]),
        "resolution": pd.Categorical.from_codes(t["res"], dtype=COLUMN_BY_NAME["resolution"].dtype),
        "lump_sum": ints(t["lump"]),
        "monthly_amount": ints(t["monthly"]),
        "term_months": ints(t["term"]),
        "settlement_ratio": floats(t["ratio"]),
    }
    frame = pd.DataFrame(data).reindex(columns=list(CASE_COLUMNS))  # optional columns: empty
    return frame.astype({c: COLUMN_BY_NAME[c].dtype for c in CASE_COLUMNS})


# --------------------------------------------------------------------------
# Rendering: how each value is written in the export
# --------------------------------------------------------------------------

_FW = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_FW[ord(" ")] = "\u3000"
_KANJI_DIGITS = "〇一二三四五六七八九"


def _fw(text: str) -> str:
    """Full-width ASCII (NFKC undoes it)."""
    return text.translate(_FW)


def _kanji4(n: int) -> str:
    out = ""
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, value)
        if d:
            out += ("" if d == 1 else _KANJI_DIGITS[d]) + unit
    return out + (_KANJI_DIGITS[n] if n else "")


def _kanji(n: int) -> str:
    """Kanji numeral: 5812000 -> 五百八十一万二千."""
    if n == 0:
        return "〇"
    parts = []
    for value, unit in ((10**12, "兆"), (10**8, "億"), (10**4, "万")):
        d, n = divmod(n, value)
        if d:
            parts.append(("一" if d == 1 else _kanji4(d)) + unit)
    if n:
        parts.append(_kanji4(n))
    return "".join(parts)


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
    d = _EPOCH + timedelta(days=days)
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
            unit = str(_choice(rng, _UNITS[col], 1)[0])
            if unit:
                header += f"({unit})" if rng.random() < 0.5 else f"（{unit}）"
        if match_header(header) != (col, unit or None):  # pragma: no cover - guards the aliases
            raise RuntimeError(f"header {header!r} does not name {col!r} in the contract")
        headers[col] = header
        units[col] = _UNIT_YEN[unit]
    return _Layout(order, headers, units)


def _case_ids(case_no: np.ndarray, n: int) -> pd.api.extensions.ExtensionArray:
    """Case keys ``C000001`` …, as a ``str`` array."""
    width = max(6, len(str(n)))
    return ("C" + pd.Series(case_no, dtype="int64").astype("str").str.zfill(width)).array


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
            cols[col] = _Col(_case_ids(t["case_no"], n_total), np.arange(k))
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
            codes = _EMPLOYMENT if col == "employment" else _RESOLUTIONS
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
                name = _CREDITORS[v]
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
            for i, name in enumerate(_SERVICERS):
                cum = np.cumsum([w for _, w in _P.servicer_spellings[name]])
                mask = t["serv"] == i
                st[mask] = np.searchsorted(cum / cum[-1], u[mask], side="right")
            none = t["serv"] < 0
            cum = np.cumsum(_NO_SERVICER_WEIGHTS)
            st[none] = np.searchsorted(cum / cum[-1], u[none], side="right")

            def serv(v: int, s: int) -> str:
                return _NO_SERVICER[s] if v < 0 else _P.servicer_spellings[_SERVICERS[v]][s][0]

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
        y = (_EPOCH + timedelta(days=sale)).year
        return r.choice([f"{y if y % 4 else y - 1}-02-29", f"{y}/4/31", f"{y}/2/30"])

    def before_sale() -> str:
        return (_EPOCH + timedelta(days=sale - r.randint(30, 400))).isoformat()

    def future() -> str:
        d = _EPOCH + timedelta(days=today + r.randint(400, 1500))
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


def _messy(
    t: dict[str, np.ndarray], n: int, rng: np.random.Generator, today: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    layout = _layout(rng)
    cols, noted = _render_rows(t, n, rng, layout, clean=False)
    M = _P.messy
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
    old["res"] = np.where(as_pending, _RES["pending"], _RES["installment"])
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


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def _as_today(today: object) -> int:
    stamp = pd.Timestamp.today() if today is None else pd.Timestamp(today)
    return _day(stamp.normalize())


def simulate_cases(
    n: int = 1000,
    seed: int | None = 0,
    *,
    messy: bool = True,
    today: date | str | None = None,
    return_planted: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Simulate residual-debt cases with a known truth.

    Parameters
    ----------
    n : int, default 1000
        Number of cases.
    seed : int or None, default 0
        Seed of the random generator; the same ``(n, seed, today)`` always
        gives the same cases and, with ``messy=True``, the same export.
    messy : bool, default True
        ``False``: the clean table of the contract (columns
        ``_contract.CASE_COLUMNS``, their dtypes). ``True``: the same cases
        as a raw Japanese export, every cell a ``str`` as a CSV gives it,
        with the messy forms the contract accepts, a few bad cells, fake
        personal data, columns outside the contract, and a few duplicate
        rows appended after the ``n`` case rows.
    today : date or str, optional
        The day of the export: no sale or agreement after it, pending cases
        are those not agreed by then. Default: the current date (pass it to
        get reproducible output).
    return_planted : bool, default False
        With ``messy=True``, also return the table of planted cells:
        ``row`` (spreadsheet row, header = 1), ``case_id`` (clean),
        ``column`` (canonical name, or the header of a column outside the
        contract), ``header``, ``value`` (as written), ``kind``, ``lossy``
        (the cleaned cell cannot equal the truth) and ``reported`` (the
        contract wants a row in the problems table). Derived fields
        (``age_band``, ``creditor_type``, ``settlement_ratio``) follow their
        sources and are not listed.

    Returns
    -------
    DataFrame, or (DataFrame, DataFrame) with ``return_planted``
        Row ``i < n`` of the messy export is row ``i`` of the clean table.
        The clean table is the truth: the latent value of every cell, also
        where the export lost it.

    Examples
    --------
    >>> clean = simulate_cases(300, seed=3, messy=False, today="2026-06-30")
    >>> list(clean.columns[:4])
    ['case_id', 'sale_date', 'agreement_date', 'age']
    >>> clean["residual_debt"].dtype, clean["resolution"].dtype.name
    (Int64Dtype(), 'category')
    >>> lump = clean[clean["resolution"] == "lump_sum"]
    >>> bool(((lump["lump_sum"] / lump["residual_debt"]) == lump["settlement_ratio"]).all())
    True
    >>> raw, planted = simulate_cases(300, seed=3, today="2026-06-30", return_planted=True)
    >>> raw.iloc[:300, 0].str.strip().tolist() == clean["case_id"].tolist()
    True
    >>> sorted(set(planted["kind"]))[:3]
    ['approximate', ...]
    """
    n = int(n)
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    day = _as_today(today)
    truth_seq, messy_seq = np.random.SeedSequence(seed).spawn(2)
    t = _simulate_truth(n, np.random.default_rng(truth_seq), day)
    if not messy:
        if return_planted:
            raise ValueError("return_planted needs messy=True")
        return _clean_frame(t, n)
    raw, planted = _messy(t, n, np.random.default_rng(messy_seq), day)
    return (raw, planted) if return_planted else raw


def _codes(values: pd.Series, vocabulary: Sequence[str]) -> np.ndarray:
    return pd.Categorical(values.astype("string"), categories=list(vocabulary)).codes.astype(
        np.int64
    )


def _floats(values: pd.Series) -> np.ndarray:
    return pd.to_numeric(values).to_numpy(dtype=float, na_value=np.nan)


def _days(values: pd.Series) -> np.ndarray:
    stamps = pd.to_datetime(values)
    return (stamps - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype=float, na_value=np.nan)


def true_quantile(
    cases: pd.DataFrame,
    target: str,
    q: float | Sequence[float],
    *,
    as_of: date | str | None = None,
) -> pd.Series | pd.DataFrame:
    """Exact conditional quantiles of the recorded outcome under :data:`TRUE_PARAMS`.

    The recorded amounts are monotone roundings of a latent normal (on the
    logit or log scale), so the q-quantile of a recorded amount is the
    rounding of the latent q-quantile; the result is computed in closed form,
    not by sampling.

    Parameters
    ----------
    cases : DataFrame
        A clean table (``simulate_cases(messy=False)`` or a cleaner's output);
        uses residual_debt, monthly_income, household_size, employment,
        creditor_type, servicer, sale_date, agreement_date, resolution and
        term_months.
    target : {"settlement_ratio", "monthly_amount"}
        ``settlement_ratio``: lump-sum cases (the modelled ratio), fixed-term
        instalment plans (monthly × term / debt), and the deterministic
        任意整理 / 個人再生 plans. ``monthly_amount``: instalment cases, the
        任意整理 / 個人再生 plans, and pending cases (as if they agreed
        open-ended instalments).
    q : float or sequence of float
        Quantile level(s) in (0, 1).
    as_of : date or str, optional
        Used in place of a missing agreement_date: pending cases then get
        the ratio of a lump sum agreed on that day.

    Returns
    -------
    Series (one q) or DataFrame (one column per q)
        Aligned with ``cases``; NA where the outcome is not modelled for the
        row (bankruptcy, limitation, open-ended plans for the ratio, …) or a
        needed feature is missing. ``Float64`` for the ratio, ``Int64`` yen
        for the monthly amount.

    Examples
    --------
    >>> cases = simulate_cases(500, seed=2, messy=False, today="2026-06-30")
    >>> lump = cases[cases["resolution"] == "lump_sum"]
    >>> band = true_quantile(lump, "settlement_ratio", [0.1, 0.5, 0.9])
    >>> bool((band[0.1] <= band[0.5]).all() and (band[0.5] <= band[0.9]).all())
    True
    >>> true_quantile(cases, "monthly_amount", 0.5).dtype
    Int64Dtype()
    """
    if target not in ("settlement_ratio", "monthly_amount"):
        raise ValueError(f"target must be 'settlement_ratio' or 'monthly_amount', got {target!r}")
    levels = np.atleast_1d(np.asarray(q, dtype=float))
    if levels.ndim != 1 or not ((levels > 0) & (levels < 1)).all():
        raise ValueError(f"q must be in the open interval (0, 1), got {q!r}")

    debt = _floats(cases["residual_debt"])
    income = _floats(cases["monthly_income"])
    household = _floats(cases["household_size"])
    term = _floats(cases["term_months"])
    emp = _codes(cases["employment"], _EMPLOYMENT)
    ct = _codes(cases["creditor_type"], CREDITOR_TYPES)
    res = _codes(cases["resolution"], _RESOLUTIONS)
    serv = cases["servicer"].astype("string").fillna("").str.strip() != ""
    bought = (serv.to_numpy(dtype=bool) & (ct != _CT["jhf"])).astype(float)
    bought = np.where(ct < 0, np.nan, bought)
    sale = _days(cases["sale_date"])
    agr = _days(cases["agreement_date"])
    if as_of is not None:
        agr = np.where(np.isnan(agr), _as_today(as_of), agr)
    years = (agr - sale) / 365.25

    inst = res == _RES["installment"]
    lump_rows = res == _RES["lump_sum"]
    pend = res == _RES["pending"]
    va = res == _RES["voluntary_arrangement"]
    rehab = res == _RES["rehabilitation"]
    with np.errstate(invalid="ignore", divide="ignore"):
        mu_r = _ratio_mu(debt, income, ct, bought, years)
        mu_m = _monthly_mu(income, household, emp, ct)
        plan = np.select(
            [va, rehab],
            [_plan_monthly(debt, term), _plan_monthly(_rehab_minimum(debt), term)],
            np.nan,
        )

    out: dict[float, Any] = {}
    nd = NormalDist()
    for level in levels:
        z = nd.inv_cdf(float(level))
        with np.errstate(invalid="ignore", divide="ignore"):
            monthly = _round_monthly(np.exp(mu_m + _P.monthly_sigma * z))
            if target == "monthly_amount":
                values = np.select([inst | pend, va | rehab], [monthly, plan], np.nan)
                values = np.where(np.isnan(values), -1, values).astype(np.int64)
                out[float(level)] = pd.arrays.IntegerArray(np.maximum(values, 0), values < 0)
            else:
                lump = _round_lump(_expit(mu_r + _P.ratio_sigma * z) * debt, debt)
                nan = np.full(len(debt), np.nan)
                ratio = np.select(
                    [lump_rows | pend, inst, va | rehab],
                    [
                        _ratio_of(lump, nan, nan, debt),
                        _ratio_of(nan, monthly, term, debt),
                        _ratio_of(nan, plan, term, debt),
                    ],
                    np.nan,
                )
                out[float(level)] = pd.arrays.FloatingArray(np.nan_to_num(ratio), np.isnan(ratio))
    if np.ndim(q) == 0:
        return pd.Series(out[float(levels[0])], index=cases.index, name=target)
    return pd.DataFrame(out, index=cases.index)


# --------------------------------------------------------------------------
# The shipped sample
# --------------------------------------------------------------------------

_SAMPLE_PATH = Path(__file__).resolve().parents[2] / "data" / "sample" / "cases.csv"


def _export_bytes(raw: pd.DataFrame) -> bytes:
    """The export as Excel on Windows saves a CSV: CP932, CRLF between records.

    The half-width yen sign has no CP932 code of its own, so it is written
    as the full-width ``￥`` (which the contract accepts too).
    """
    out = raw.copy()
    for header in out.columns:
        if out[header].str.contains("¥", regex=False).any():
            out[header] = out[header].str.replace("¥", "￥", regex=False)
    return out.to_csv(index=False, lineterminator="\r\n").encode("cp932")


def write_export(raw: pd.DataFrame, path: str | Path) -> Path:
    """Write a raw export as Excel on Windows saves a CSV (CP932, CRLF).

    Parameters
    ----------
    raw : DataFrame
        A messy export from :func:`simulate_cases`.
    path : str or Path
        Where to write; parent folders are created.

    Returns
    -------
    Path
        The file written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_export_bytes(raw))
    return path


def load_sample() -> pd.DataFrame:
    """The shipped synthetic sample export, read by :func:`outcomes.read_cases`.

    ``data/sample/cases.csv`` (1,500 synthetic cases, CP932, made by
    ``data/sample/make_sample.py``) when run from a source tree; elsewhere
    (an installed wheel) the same file is regenerated from
    ``simulate_cases(SAMPLE_N, SAMPLE_SEED, today=SAMPLE_TODAY)``.

    Returns
    -------
    DataFrame
        The raw table as ``read_cases`` returns it, ready for ``clean_cases``.
    """
    from outcomes._read import read_cases

    if _SAMPLE_PATH.is_file():
        return read_cases(_SAMPLE_PATH)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_export(
            simulate_cases(SAMPLE_N, SAMPLE_SEED, today=SAMPLE_TODAY), Path(tmp) / "cases.csv"
        )
        return read_cases(path)
