"""The parameters of the synthetic cases' true model (:data:`TRUE_PARAMS`).

Everything here is made up; :mod:`outcomes.datasets._simulate` draws from it and
:func:`outcomes.datasets.true_quantile` gives its exact quantiles.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["TRUE_PARAMS", "TrueParams"]


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
