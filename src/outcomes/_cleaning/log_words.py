"""The negotiation log's problems in words: one catalogue ``{code: (ja, en)}`` (issue 24).

The cleaner of the log (:mod:`~outcomes._cleaning.negotiations`) reports each
problem as a code and its fields; the sentence is made here, once per distinct
problem, in the run's language, by :func:`outcomes._messages.render`. Each
sentence starts with its kind and a colon in either language, as the case
cleaner's do. ``{header}`` is the column as the analyst wrote it (「提示額」).

Examples
--------
>>> from outcomes._messages import Message, check_catalogue, render
>>> check_catalogue(LOG_PROBLEMS)
>>> print(render(Message("log.unknown_case", {"header": "「案件ID」"}), "ja", LOG_PROBLEMS))
一覧にない案件: 「案件ID」の案件は案件一覧にありません。行は残しました(案件ごとに1回だけ報告)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from outcomes._parse import PARSE_WORDS

__all__ = ["LOG_KINDS", "LOG_KIND_WORDS", "LOG_PARSE_WORDS", "LOG_PROBLEMS", "PROPOSAL_REASONS"]

#: the log's own parsers' reasons by code, a (ja, en) pair each (they read after 「…の値は」)
PROPOSAL_REASONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "party.unreadable": (
            "提示者(債務者側か債権者側か)として読めません",
            "not a party (the debtor's side or the creditor's)",
        ),
        "response.unreadable": ("回答として読めません", "not an answer"),
        "kind.unreadable": ("提案の種類として読めません", "not a kind of proposal"),
        "proposal.unreadable": ("提案として読めません", "not a proposal"),
        "proposal.two": ("一つのセルに二つの提案があります", "two proposals in one cell"),
        "proposal.range": ("金額の幅で、一つの金額ではありません", "a range of amounts, not one"),
    }
)

#: what a log column's parse errors are worded from: the value parsers' words and the log's own
LOG_PARSE_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {**PARSE_WORDS, **PROPOSAL_REASONS}
)

LOG_PROBLEMS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "log.not_in_contract": (
            "契約外の列: 列「{source}」は交渉履歴の契約にない列なので出力しません(見出し行で1回だけ報告)",
            "not in contract: column {source} is not part of the negotiation log and is left "
            "out (reported once, for the header)",
        ),
        "log.duplicate_column": (
            "重複した列: 列「{source}」も{name}の列ですが、すでに列「{first}」から読んだので使いません",
            "duplicate column: {source} also names {name}, already read from {first}; left out",
        ),
        "log.summary_row": (
            "集計行: 提案ではない集計行なので出力しません",
            "summary row: not a proposal; left out",
        ),
        "log.no_case_id": (
            "一覧にない案件: {header}が空です。行は残しました",
            "unknown case: {header} is empty; the row is kept",
        ),
        "log.personal_data": (
            "個人情報: {header}の値は{what}のようなので消去しました",
            "personal data: {header} looks like {what}; emptied",
        ),
        "log.unreadable": (
            "読めない値: {header}の値は{reason}。空欄にしました",
            "unreadable: {header}: {reason}; emptied",
        ),
        "log.noted": ("注記: {header}の値は{reason}", "noted: {header}: {reason}"),
        "log.two_proposals": (
            "読めない値: {header}の値には提案が二つ書かれています。分けずに空欄にしました。"
            "一行に一つの提案を記録してください",
            "unreadable: {header} holds two proposals in one cell; not split, emptied "
            "(record one proposal a row)",
        ),
        "log.amount_range": (
            "読めない値: {header}の値は金額の幅です。どちらかの端を選ばず空欄にしました",
            "unreadable: {header} is a range, not one amount; emptied (no end is picked)",
        ),
        "log.firm_as_party": (
            "注記: {header}に当社と記録されています。債務者側として読みました。残債の交渉は"
            "本人または代理人弁護士が行います(弁護士法72条)。実際の提示者を記録してください"
            "(案件ごとに1回だけ報告)",
            "noted: {header} records the firm as the proposer; read as the debtor's "
            "side. The residual debt is negotiated by the debtor or a lawyer (弁護士法72条): "
            "record who actually proposed (reported once per case)",
        ),
        "log.raise_without_figure": (
            "注記: {header}の値は金額のない増額要請なので、拒否として読みました",
            "noted: {header}: a request for more without a figure; read as rejected",
        ),
        "log.single_amount_monthly": (
            "注記: {header}の金額は分割の行にある一つだけの金額なので、月額として読みました",
            "noted: {header}: the single amount of an instalment row; read as the monthly amount",
        ),
        "log.amount_negative": (
            "範囲外: {header}の値は0円未満です。空欄にしました",
            "out of range: {header} is below ¥0; emptied",
        ),
        "log.amount_too_large": (
            "範囲外: {header}の値は{limit}を超えています。空欄にしました",
            "out of range: {header} is above {limit}; emptied",
        ),
        "log.amount_over_claim": (
            "範囲外: {header}の値はこの行の請求額{limit}を超えています。空欄にしました",
            "out of range: {header} is above this row's claimed amount {limit}; emptied",
        ),
        "log.amount_over_debt": (
            "範囲外: {header}の値は案件の残債の{factor}倍({limit})を超えています。空欄にしました",
            "out of range: {header} is above {factor} times the case's residual debt "
            "({limit}); emptied",
        ),
        "log.term_out_of_range": (
            "範囲外: {header}の値{value}は1〜600回の範囲外です。空欄にしました",
            "out of range: {header} {value} is outside 1-600 payments; emptied",
        ),
        "log.date_future": (
            "範囲外: {header}の日付は整理した日({today})より後です。空欄にしました",
            "out of range: {header} is after the day of cleaning ({today}); emptied",
        ),
        "log.date_too_early": (
            "範囲外: {header}の日付は1989年より前です。空欄にしました",
            "out of range: {header} is before 1989; emptied",
        ),
        "log.long_before_sale": (
            "範囲外: {header}の日付は売却日({sale})の1年以上前です。空欄にしました",
            "out of range: {header} is more than a year before the sale ({sale}); emptied",
        ),
        "log.before_sale": (
            "注記: {header}の日付は売却日({sale})より前です(売却の承認と並行して残債を話すことが"
            "多いので残しました)",
            "noted: {header} is before the sale ({sale}); kept (the residual is often "
            "discussed while the sale is approved)",
        ),
        "log.responded_before_offered": (
            "矛盾: {header}の日付は提示日より前です。空欄にしました",
            "inconsistent: {header} is before the day of the proposal; emptied",
        ),
        "log.unknown_case": (
            "一覧にない案件: {header}の案件は案件一覧にありません。行は残しました(案件ごとに1回だけ報告)",
            "unknown case: {header} is not in the case list; the rows are kept (reported "
            "once per case)",
        ),
        "log.duplicate": (
            "重複した提案: {first}行目と同じ提案(案件・相手先・日・提示者・条件が同じ)なので一度だけ数えます",
            "duplicate proposal: the same proposal as row {first} (case, counterparty, day, party "
            "and terms); counted once",
        ),
        "log.newest_first": (
            "注記: 交渉履歴は新しい順に書かれています。日付の順に並べ直して読みました",
            "noted: the log is written newest first; read in date order",
        ),
        "log.out_of_order": (
            "注記: この案件の行は日付の順ではありません。日付の順に並べ直して読みました",
            "noted: this case's rows are not in date order; read in date order",
        ),
        "log.unknown_counterparty": (
            "登録にないサービサー: {header}の名前は登録サービサーの一覧にありません{suggest}。"
            "書かれたまま残しました",
            "unknown servicer: {header} is not in the registry of licensed servicers"
            "{suggest}; kept as written",
        ),
    }
)

#: the problems table's ``kind`` of each code: the case cleaner's kinds (``out of range``,
#: ``unreadable``, ``summary row``, …), and two of the log's own (``unknown case``,
#: ``duplicate proposal``)
LOG_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "log.not_in_contract": "not in contract",
        "log.duplicate_column": "duplicate column",
        "log.summary_row": "summary row",
        "log.no_case_id": "unknown case",
        "log.personal_data": "personal data",
        "log.unreadable": "unreadable",
        "log.noted": "noted",
        "log.two_proposals": "unreadable",
        "log.amount_range": "unreadable",
        "log.firm_as_party": "noted",
        "log.raise_without_figure": "noted",
        "log.single_amount_monthly": "noted",
        "log.amount_negative": "out of range",
        "log.amount_too_large": "out of range",
        "log.amount_over_claim": "out of range",
        "log.amount_over_debt": "out of range",
        "log.term_out_of_range": "out of range",
        "log.date_future": "out of range",
        "log.date_too_early": "out of range",
        "log.long_before_sale": "out of range",
        "log.before_sale": "noted",
        "log.responded_before_offered": "inconsistent",
        "log.unknown_case": "unknown case",
        "log.duplicate": "duplicate proposal",
        "log.newest_first": "noted",
        "log.out_of_order": "noted",
        "log.unknown_counterparty": "unknown servicer",
    }
)

#: the words of the log's own kinds (the others are the case cleaner's ``PROBLEM_KINDS``)
LOG_KIND_WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "unknown case": ("一覧にない案件", "unknown case"),
        "duplicate proposal": ("重複した提案", "duplicate proposal"),
    }
)
