"""Every Japanese / English label and number format (display only: the data keep the codes)."""

from __future__ import annotations

# ---- report labels ----
# Labels the internal report (outcomes.report) shows. Display only: tables and
# figures keep the contract's codes and map them to these words when drawn.

#: Japanese labels of the columns a report derives (see outcomes.report.with_derived)
REPORT_DERIVED_LABELS: dict[str, str] = {
    "agreement_year": "和解年",
    "sale_year": "売却年",
    "months_to_agreement": "売却から和解までの月数",
    "income_band": "月収(手取り)",
    "cases": "件数",
}

#: Japanese headers of a breakdown's statistics
REPORT_STAT_LABELS: dict[str, str] = {
    "cases": "件数",
    "n": "値のある件数",
    "mean": "平均",
    "p10": "10%点",
    "p25": "25%点",
    "p50": "中央値",
    "p75": "75%点",
    "p90": "90%点",
    "problems": "件数",
    "kind": "種類",
    "column": "列",
}

#: Japanese names of the kinds of problem the cleaner reports
PROBLEM_KIND_LABELS: dict[str, str] = {
    "not in contract": "契約外の列(出力しない)",
    "duplicate column": "重複した列",
    "personal data": "個人情報(消去)",
    "unreadable": "読めない値(空欄化)",
    "noted": "注記(概数・日の補完など)",
    "unknown servicer": "登録にないサービサー名",
    "out of range": "範囲外の値(空欄化)",
    "inconsistent": "矛盾(年代と年齢)",
    "ratio mismatch": "和解率の不一致",
    "superseded": "同一案件の古い行(除外)",
}

#: what a report calls each model, by its target
REPORT_MODEL_NAMES: dict[str, str] = {
    "settlement_ratio": "和解率(一括和解)",
    "monthly_amount": "月額(分割弁済)",
}

#: Japanese names of the methods of outcomes.models.evaluate's table (the model row is "モデル")
REPORT_METHOD_LABELS: dict[str, str] = {
    "overall median": "全体の中央値",
    "median by creditor type": "債権者区分ごとの中央値",
    "HistGradientBoostingRegressor": "勾配ブースティング(特徴量そのまま)",
    "fractional logit GLM": "一般化線形モデル(ロジット)",
    "log-linear GLM (Gamma, log link)": "一般化線形モデル(ガンマ、対数リンク)",
    "best possible (true conditional median)": "理論上の最良(真の条件付き中央値)",
}


def column_label(column: str) -> str:
    """The Japanese label of a column: its first header alias in the contract.

    Examples
    --------
    >>> column_label("settlement_ratio"), column_label("agreement_year")
    ('和解率', '和解年')
    >>> column_label("not_a_column")
    'not_a_column'
    """
    from outcomes._contract import COLUMN_BY_NAME

    if column in REPORT_DERIVED_LABELS:
        return REPORT_DERIVED_LABELS[column]
    spec = COLUMN_BY_NAME.get(column)
    if spec is not None and spec.aliases:
        return spec.aliases[0]
    return column


def value_labels(column: str) -> dict[str, str]:
    """Japanese labels of a coded column's values (empty for other columns).

    Examples
    --------
    >>> value_labels("employment")["employee"]
    '会社員'
    >>> value_labels("creditor_type")["jhf"]
    '住宅金融支援機構'
    >>> value_labels("age_band")["40s"]
    '40代'
    >>> value_labels("prefecture")
    {}
    """
    from outcomes._contract import (
        AGE_BANDS,
        CREDITOR_TYPE_LABELS,
        EMPLOYMENT_CODES,
        RESOLUTION_CODES,
    )

    if column == "creditor_type":
        return dict(CREDITOR_TYPE_LABELS)
    if column == "age_band":
        return {band: band.removesuffix("s") + "代" for band in AGE_BANDS}
    codes = {"employment": EMPLOYMENT_CODES, "resolution": RESOLUTION_CODES}.get(column)
    if codes is None:
        return {}
    return {code: (words[0] if words else code) for code, words in codes.items()}
