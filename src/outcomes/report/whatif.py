"""A what-if for one negotiation: cash, budget, servicer and debt → the offer, re-drawn.

:class:`OfferWhatIf` keeps the fitted models and one case; :meth:`OfferWhatIf.draw`
is the callback (a new :func:`~outcomes.opening_offer` with the changed inputs,
printed with its notice and drawn as the acceptance curve) and
:meth:`OfferWhatIf.widget` puts sliders in front of it (``ipywidgets``, in a
live notebook). Calling :meth:`~OfferWhatIf.draw` directly gives the same
output where there are no widgets (papermill, tests, a script).

Every amount shown is an internal estimate from past cases, never a promise to
the debtor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from outcomes._errors import OutcomesError

__all__ = ["OfferWhatIf"]


@dataclass
class OfferWhatIf:
    """The opening offer of one case, re-computed when cash, budget, servicer or debt change.

    Parameters
    ----------
    ratio_model : SettlementRatioModel
        Fitted (or loaded with :func:`outcomes.load_model`).
    case : mapping
        The case as :func:`outcomes.opening_offer` takes it.
    past_cases, monthly_model, as_of, time_model, training_profile
        As :func:`outcomes.opening_offer` takes them; one
        :class:`~outcomes._advice.advisor.Advisor` holds them for every draw.
    registry : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s), as ``servicers=`` of
        :func:`outcomes.opening_offer`: an unregistered servicer gets the same
        warning here as in an offer.
    choices : sequence of str, optional
        The servicer choices of the widget (default: the case's servicer,
        "no servicer" and the 15 most frequent servicers of ``past_cases``).
    language : str, default="ja"

    Examples
    --------
    >>> from outcomes.models import SettlementRatioModel
    >>> from outcomes.datasets import simulate_cases
    >>> past = simulate_cases(400, seed=1, messy=False, today="2024-06-30")
    >>> model = SettlementRatioModel(as_of="2024-06-30", learner="glm").fit(past)
    >>> w = OfferWhatIf(model, {"residual_debt": 5_800_000, "creditor": "〇〇保証株式会社",
    ...                         "sale_date": "2024-01-31"}, as_of="2024-06-30", show=False)
    >>> a = w.draw(cash=100_000, budget=20_000, servicer="SMBC債権回収", residual_debt=5_800_000)
    >>> b = w.draw(cash=100_000, budget=20_000, servicer="SMBC債権回収", residual_debt=11_600_000)
    >>> b.target > a.target
    True
    """

    ratio_model: Any
    case: Mapping[str, object]
    past_cases: Any = None
    monthly_model: Any = None
    as_of: Any = None
    time_model: Any = None
    training_profile: Any = None
    registry: Any = None
    choices: Sequence[str] | None = None
    language: str = "ja"
    #: False: compute only (no printing, no figure), e.g. in doctests
    show: bool = True
    last: Any = field(default=None, init=False, repr=False)
    _advisor: Any = field(default=None, init=False, repr=False)

    @property
    def advisor(self) -> Any:
        """The :class:`~outcomes._advice.advisor.Advisor` of every draw, built once."""
        if self._advisor is None:
            from outcomes._advice import Advisor

            self._advisor = Advisor(
                self.ratio_model,
                self.monthly_model,
                self.time_model,
                self.training_profile,
                past_cases=self.past_cases,
                registry=self.registry,
                language=self.language,
            )
        return self._advisor

    def draw(
        self,
        cash: int = 100_000,
        budget: int = 20_000,
        servicer: str = "",
        residual_debt: int | None = None,
    ) -> Any:
        """The offer for these inputs; printed and drawn unless ``show=False``.

        Parameters
        ----------
        cash : int
            Cash the household has for a lump sum (yen).
        budget : int
            What the household budget leaves a month (yen).
        servicer : str
            The servicer holding the claim; ``""``: none.
        residual_debt : int, optional
            Default: the case's.

        Returns
        -------
        Offer
        """
        case = dict(self.case)
        case["servicer"] = servicer or None
        if residual_debt is not None:
            case["residual_debt"] = int(residual_debt)
        offer = self.advisor.offer(
            case, cash_available=int(cash), budget=int(budget), as_of=self.as_of
        )
        self.last = offer
        if self.show:
            self._show(offer, int(cash))
        return offer

    def _show(self, offer: Any, cash: int) -> None:
        import matplotlib.pyplot as plt
        from matplotlib.ticker import PercentFormatter

        from outcomes._format import format_yen

        for line in (*offer.warnings, *offer.reasons):
            print("・", line)
        print(offer.notice)
        top = max(offer.walk_away * 1.5, cash * 1.2, 10_000)
        amounts = np.linspace(0, top, 200)
        fig, ax = plt.subplots(figsize=(8, 4))
        ax.plot(amounts / 10_000, offer.acceptance(amounts), color="#4c72b0")
        ax.axvline(cash / 10_000, color="#55a868", label=f"手元資金 {format_yen(cash)}")
        marks = (
            (offer.opening, "最初の提示額", "#c44e52"),
            (offer.target, "想定着地", "#8172b2"),
            (offer.walk_away, "上限", "#937860"),
        )
        for amount, label, color in marks:
            ax.axvline(amount / 10_000, color=color, ls="--", label=f"{label} {format_yen(amount)}")
        ax.set_xlabel("一括の支払額(万円)")
        ax.set_ylabel("過去の類似和解のうちこの額以下の割合")
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(0, 1)
        ax.legend(fontsize="small", loc="lower right")
        ax.set_title(f"残債 {format_yen(offer.residual_debt)}: 一括和解の目安(社内の推計)")
        plt.show()

    def servicer_choices(self) -> list[str]:
        """The servicers offered by the widget: the case's, none, then the frequent past ones."""
        if self.choices is not None:
            return list(self.choices)
        seen: list[str] = []
        past = self.past_cases
        if past is not None and hasattr(past, "columns") and "servicer" in past.columns:
            counts = past["servicer"].astype("string").value_counts()
            seen = [str(name) for name in counts.index[:15]]
        first = [str(self.case.get("servicer") or ""), ""]
        return list(dict.fromkeys([*first, *seen]))

    def widget(self) -> Any:
        """Sliders for cash, budget and debt, and a servicer menu, re-drawing :meth:`draw`.

        Needs ``ipywidgets`` (``pip install 'outcomes[report]'``).
        """
        try:
            import ipywidgets as w
        except ImportError as error:  # pragma: no cover - depends on the environment
            raise OutcomesError(
                "the what-if sliders need ipywidgets: pip install 'outcomes[report]'"
                " (or call draw(cash=…, budget=…, servicer=…, residual_debt=…) directly)"
            ) from error
        debt = int(self.case.get("residual_debt") or 3_000_000)  # type: ignore[call-overload]
        yen = {"continuous_update": False, "style": {"description_width": "8em"}}
        return w.interactive(
            self.draw,
            cash=w.IntSlider(100_000, 0, 2_000_000, 10_000, description="手元資金(円)", **yen),
            budget=w.IntSlider(20_000, 0, 100_000, 1_000, description="月の予算(円)", **yen),
            servicer=w.Dropdown(options=self.servicer_choices(), description="サービサー"),
            residual_debt=w.IntSlider(
                debt, 100_000, max(4 * debt, 1_000_000), 100_000, description="残債(円)", **yen
            ),
        )
