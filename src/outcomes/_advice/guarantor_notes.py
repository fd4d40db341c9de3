"""What each way out does to the person beside the debtor: a guarantor or a joint debtor.

The ``guarantor`` and ``guarantor_ja`` columns of :func:`~outcomes.compare_paths`,
Japanese beside English. The clean table's ``guarantor`` column means "a
連帯保証人 or 連帯債務者" (contract §2); the law treats them apart:

- a guarantor (保証人, 連帯保証人): the debtor's acknowledgement renews the
  limitation against them too (民法 §457(1)); they may invoke the main debt's
  limitation (§145), but no longer once the debtor is discharged
  (最判平成11年11月9日);
- a joint debtor (連帯債務者: one joint loan, e.g. フラット35 収入合算): an
  acknowledgement by one has no effect on the other (§441; old §440 for joint
  debts from before April 2020), but for those older debts a suit against one
  interrupted the other's limitation too (old §434).

A ペアローン is two loans, each spouse the 連帯保証人 of the other's: a
ペアローン spouse is a guarantor (``"guarantor"``), not a joint debtor. A
payment by a guarantor or a relative is not the debtor's acknowledgement: it
does not renew the debtor's limitation.

破産法 §253(2) and 民事再生法 §177(2) leave both liable in full. When the kind
is not known, both rules are given, each for its kind, never one for both.
Split from :mod:`outcomes._advice.notes` (same room: display only).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["GUARANTOR_EFFECTS", "GUARANTOR_STATES", "guarantor_effect"]


#: what each way out does to the person beside the debtor, by kind: {kind: {code: (Japanese,
#: English)}}. ``guarantor``: a 保証人 or 連帯保証人 (民法 §457(1): the debtor's acknowledgement
#: renews the limitation against them too); ``co_debtor``: a 連帯債務者 (§441, old §440: it does
#: not). 破産法 §253(2) and 民事再生法 §177(2) cover both ("共に債務を負担する者").
GUARANTOR_EFFECTS: Mapping[str, Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "guarantor": MappingProxyType(
            {
                "lump_sum": (
                    "和解書で保証人も免除すると名前を挙げて明記しないと、保証人への請求が残りえます",
                    "the settlement deed should expressly release the guarantor (免除, naming "
                    "them); otherwise the creditor may still claim from them",
                ),
                "installment": (
                    "債務者の支払いは保証人に対する時効も更新します(民法457条1項)。残りは保証人も負います",
                    "the debtor's payments renew the limitation against the guarantor too (民法 "
                    "§457-1); the guarantor stays liable for what is unpaid",
                ),
                "voluntary_arrangement": (
                    "任意整理の合意は、明記しない限り保証人を免除しません。債権者は保証人に請求できます",
                    "the arrangement does not release the guarantor unless it says so; the "
                    "creditor may claim from them",
                ),
                "rehabilitation": (
                    "再生計画は保証人の債務を減らしません(民事再生法177条2項)。債権者は残りを保証人に"
                    "請求します",
                    "the plan does not reduce what the guarantor owes (民事再生法 §177-2): the "
                    "creditor claims the rest from them",
                ),
                "bankruptcy": (
                    "免責は保証人の債務を減らしません(破産法253条2項)。債権者は全額を保証人に請求します。"
                    "免責の後、保証人は主債務の時効を援用できません(最判平成11年11月9日)。保証債務"
                    "そのものの時効は別に進みます",
                    "discharge does not reduce what the guarantor owes (破産法 §253-2): the "
                    "creditor claims the whole from them; after the discharge the guarantor can "
                    "no longer invoke the main debt's limitation (最判平成11年11月9日), only that "
                    "of the guarantee itself",
                ),
                "limitation": (
                    "保証人も主債務の時効を援用できます(民法145条)。債務者の承認は保証人に対する時効も"
                    "更新します(民法457条1項)。逆に、保証人や親族の支払いは債務者の承認ではなく、"
                    "主債務の時効を更新しません",
                    "the guarantor may invoke the main debt's limitation himself (民法 §145); the "
                    "debtor's acknowledgement renews it against the guarantor too (§457-1); a "
                    "payment by the guarantor or a relative, though, is not the debtor's "
                    "acknowledgement and does not renew the main debt's limitation",
                ),
            }
        ),
        "co_debtor": MappingProxyType(
            {
                "lump_sum": (
                    "和解書で連帯債務者も免除すると名前を挙げて明記しないと、連帯債務者への請求が"
                    "残りえます",
                    "the settlement deed should expressly release the joint debtor (免除, naming "
                    "them); otherwise the creditor may still claim from them",
                ),
                "installment": (
                    "債務者の支払い(承認)は連帯債務者の時効を更新しません(民法441条、2020年3月までの"
                    "債務は旧440条): 連帯債務者の時効は別に進みます。残りは連帯債務者も負います",
                    "the debtor's payments (acknowledgements) do not renew the limitation against "
                    "a joint debtor (民法 §441; old §440 for debts from before April 2020): "
                    "theirs runs on its own; the joint debtor stays liable for what is unpaid",
                ),
                "voluntary_arrangement": (
                    "任意整理の合意は、明記しない限り連帯債務者を免除しません。債権者は連帯債務者に"
                    "請求できます",
                    "the arrangement does not release the joint debtor unless it says so; the "
                    "creditor may claim from them",
                ),
                "rehabilitation": (
                    "再生計画は連帯債務者の債務を減らしません(民事再生法177条2項)。債権者は残りを"
                    "連帯債務者に請求します",
                    "the plan does not reduce what the joint debtor owes (民事再生法 §177-2): the "
                    "creditor claims the rest from them",
                ),
                "bankruptcy": (
                    "免責は連帯債務者の債務を減らしません(破産法253条2項)。債権者は全額を連帯債務者に"
                    "請求します",
                    "discharge does not reduce what the joint debtor owes (破産法 §253-2): the "
                    "creditor claims the whole from them",
                ),
                "limitation": (
                    "連帯債務者の時効は債務者とは別に進み、連帯債務者が自分で援用します。債務者の承認は"
                    "連帯債務者の時効を更新しません(民法441条、旧440条)。ただし2020年3月以前の連帯債務"
                    "では、債務者への裁判上の請求(訴訟・支払督促)は連帯債務者にも効力があります"
                    "(旧民法434条)",
                    "a joint debtor's limitation runs apart from the debtor's and is invoked by "
                    "them; the debtor's acknowledgement does not renew it (民法 §441, old §440); "
                    "but for joint debts from before April 2020, a suit or 支払督促 against the "
                    "debtor interrupted the joint debtor's limitation too (old 民法 §434)",
                ),
            }
        ),
    }
)

#: how the guarantor's state opens the guarantor column: {(there is one, kind): (Japanese,
#: English)}; an unknown kind gives the rule of each kind
GUARANTOR_STATES: Mapping[tuple[bool | None, str | None], tuple[str, str]] = MappingProxyType(
    {
        (True, "guarantor"): ("保証人あり: ", "guarantor on the debt: "),
        (True, "co_debtor"): ("連帯債務者あり: ", "joint debtor on the debt: "),
        (True, None): (
            "保証人または連帯債務者あり(どちらかは不明): ",
            "guarantor or joint debtor on the debt (which is not known): ",
        ),
        (None, "guarantor"): (
            "保証人の有無は不明(確認が必要)。いる場合: ",
            "guarantor unknown (check) — if there is one: ",
        ),
        (None, "co_debtor"): (
            "連帯債務者の有無は不明(確認が必要)。いる場合: ",
            "joint debtor unknown (check) — if there is one: ",
        ),
        (None, None): (
            "保証人・連帯債務者の有無は不明(確認が必要)。いる場合: ",
            "guarantor or joint debtor unknown (check) — if there is one: ",
        ),
        (False, None): ("保証人・連帯債務者なし(記録上)", "no guarantor or joint debtor recorded"),
    }
)

#: how the two rules read side by side when the kind is not known: (Japanese, English)
_EITHER = (
    "保証人なら: {guarantor}。連帯債務者なら: {co_debtor}",
    "a guarantor: {guarantor}; a joint debtor: {co_debtor}",
)


def guarantor_effect(
    path: str, guarantor: bool | None, language: str, kind: str | None = None
) -> str:
    """What a way out does to a guarantor or joint debtor, in words, given what is known.

    ``kind`` is ``"guarantor"`` (保証人, 連帯保証人), ``"co_debtor"`` (連帯債務者)
    or None (not known: both rules are given, each for its kind).

    Examples
    --------
    >>> guarantor_effect("bankruptcy", None, "en")[:44]
    'guarantor or joint debtor unknown (check) — '
    >>> guarantor_effect("bankruptcy", False, "ja")
    '保証人・連帯債務者なし(記録上)'
    >>> "441" in guarantor_effect("installment", True, "ja", "co_debtor")
    True
    """
    i = 0 if language == "ja" else 1
    if guarantor is False:
        return GUARANTOR_STATES[(False, None)][i]
    state = GUARANTOR_STATES[(guarantor, kind)][i]
    if kind is not None:
        return state + GUARANTOR_EFFECTS[kind][path][i]
    each = {k: GUARANTOR_EFFECTS[k][path][i] for k in ("guarantor", "co_debtor")}
    return state + _EITHER[i].format(**each)
