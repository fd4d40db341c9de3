"""A what-if for one negotiation: cash, budget, servicer and debt → the offer, re-drawn.

:class:`OfferWhatIf` keeps the fitted models and one case, read once through
the cleaner (:func:`outcomes.case_from_mapping`: the same keys, Japanese
headers and text amounts as :func:`outcomes.opening_offer` takes);
:meth:`OfferWhatIf.draw` is the callback (a new offer with the changed inputs,
printed with its notice and drawn as the acceptance curve) and
:meth:`OfferWhatIf.widget` puts a form in front of it (``ipywidgets``, in a
live notebook): a slider and a text box for each amount, where ``30万``,
``300,000`` or ``1.5万`` typed in the box is read by the package's one amount
parser and shown back as ``30万円``. Calling :meth:`~OfferWhatIf.draw`
directly gives the same output where there are no widgets (papermill, tests,
a script).

Every amount shown is an internal estimate from past cases, never a promise to
the debtor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from outcomes._arguments import as_yen, check_arguments, check_language
from outcomes._cleaning import case_from_mapping
from outcomes._errors import CaseError, OutcomesError
from outcomes._format import Yen, format_yen
from outcomes._messages import Message, render

__all__ = ["FORM_LABELS", "OfferWhatIf"]

#: the form's labels and its one message: {key: (Japanese, English)}
FORM_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "cash": ("手元資金", "cash available"),
        "budget": ("月の予算", "monthly budget"),
        "residual_debt": ("残債", "residual debt"),
        "servicer": ("サービサー", "servicer"),
        "no_servicer": ("サービサーなし", "no servicer"),
        # the chart of one offer
        "chart_cash": ("手元資金 {amount}", "cash available {amount}"),
        "chart_opening": ("最初の提示額 {amount}", "opening offer {amount}"),
        "chart_target": ("想定着地 {amount}", "expected settlement {amount}"),
        "chart_walk_away": ("上限 {amount}", "walk-away amount {amount}"),
        "chart_x": ("一括の支払額(万円)", "lump sum (¥10,000)"),
        "chart_y": (
            "過去の類似和解のうちこの額以下の割合",
            "share of similar past settlements at or below this amount",
        ),
        "chart_title": (
            "残債 {debt}: 一括和解の目安(社内の推計)",
            "Residual debt {debt}: lump-sum guidance (internal estimate)",
        ),
        "unreadable": (
            "{label}の「{text}」は金額として読めません。30万、300,000、1.5万のように入力します",
            "{label} {text!r} is not an amount of yen: type it as 30万, 300,000 or 1.5万",
        ),
    }
)

#: default slider ranges: (start, low, high, step) in yen
_RANGES: Mapping[str, tuple[int, int, int, int]] = MappingProxyType(
    {"cash": (100_000, 0, 2_000_000, 10_000), "budget": (20_000, 0, 100_000, 1_000)}
)


def _label(key: str, language: str) -> str:
    return render(Message(key), language, FORM_LABELS)


@check_arguments
@dataclass
class OfferWhatIf:
    """The opening offer of one case, re-computed when cash, budget, servicer or debt change.

    Parameters
    ----------
    ratio_model : SettlementRatioModel
        Fitted (or loaded with :func:`outcomes.load_model`).
    case : mapping, Series or one-row DataFrame
        The case as :func:`outcomes.opening_offer` takes it (English or
        Japanese keys, ``"580万円"``, ``"R6.1.31"``); read once through the
        cleaner, and the form starts from its clean values.
    past_cases, monthly_model, as_of, time_model, training_profile
        As :func:`outcomes.opening_offer` takes them; one
        :class:`~outcomes.Advisor` holds them for every draw.
    registry : path, DataFrame or list of them, optional
        The firm's own servicer registry file(s), as ``servicers=`` of
        :func:`outcomes.opening_offer`: an unregistered servicer gets the same
        warning here as in an offer.
    choices : sequence of str, optional
        The servicer choices of the widget (default: the case's servicer,
        「サービサーなし」 and the 15 most frequent servicers of ``past_cases``).
    language : str, default="ja"

    Raises
    ------
    CaseError
        If the case has a key outside the contract or a value that cannot be
        read (one line, as :func:`outcomes.case_from_mapping` says it).

    Examples
    --------
    >>> from outcomes.models import SettlementRatioModel
    >>> from outcomes.datasets import simulate_cases
    >>> past = simulate_cases(400, seed=1, messy=False, today="2024-06-30")
    >>> model = SettlementRatioModel(as_of="2024-06-30", learner="glm").fit(past)
    >>> w = OfferWhatIf(model, {"残債": "580万円", "債権者": "〇〇保証株式会社",
    ...                         "売却日": "R6.1.31"}, as_of="2024-06-30", show=False)
    >>> w.start["residual_debt"], w.start["servicer"]
    (5800000, '')
    >>> a = w.draw(cash="10万", budget=20_000, servicer="SMBC債権回収", residual_debt=5_800_000)
    >>> b = w.draw(cash=100_000, budget="2万", servicer="SMBC債権回収", residual_debt="1160万")
    >>> a.cash_available, b.target > a.target
    (100000, True)
    """

    ratio_model: Any
    case: Any
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
    #: the case as the cleaner read it: one row of the clean table
    row: pd.DataFrame = field(init=False, repr=False)
    #: the widgets of the form, by input (after :meth:`widget`)
    controls: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    _advisor: Any = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.language = check_language(self.language)
        # once: every draw changes this clean row, never re-reads the mapping
        self.row = case_from_mapping(self.case)

    @property
    def start(self) -> dict[str, Any]:
        """The form's first values, from the clean case: ``residual_debt`` (yen) and ``servicer``."""
        debt = self.row["residual_debt"].iloc[0]
        servicer = self.row["servicer"].iloc[0]
        return {
            "residual_debt": None if pd.isna(debt) else int(debt),
            "servicer": "" if pd.isna(servicer) else str(servicer),
        }

    @property
    def advisor(self) -> Any:
        """The :class:`~outcomes.Advisor` of every draw, built once."""
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

    def _case(self, servicer: str | None, residual_debt: int | None) -> pd.DataFrame:
        """The clean row with the form's servicer and debt."""
        changes: dict[str, Any] = {
            "servicer": pd.array([servicer or None], dtype=self.row["servicer"].dtype)
        }
        if residual_debt is not None:
            changes["residual_debt"] = pd.array([residual_debt], dtype="Int64")
        return self.row.assign(**changes)

    @check_arguments
    def draw(
        self,
        cash: int | str = 100_000,
        budget: int | str = 20_000,
        servicer: str | None = "",
        residual_debt: int | str | None = None,
    ) -> Any:
        """The offer for these inputs; printed and drawn unless ``show=False``.

        Parameters
        ----------
        cash : int or str
            Cash the household has for a lump sum: yen, or text as the case
            sheets write it (``"30万"``, ``"300,000"``).
        budget : int or str
            What the household budget leaves a month (``"1.5万"``).
        servicer : str
            The servicer holding the claim; ``""``: none.
        residual_debt : int or str, optional
            Default: the case's.

        Returns
        -------
        Offer
        """
        cash = as_yen(cash, "cash")
        budget = as_yen(budget, "budget")
        debt = None if residual_debt is None else as_yen(residual_debt, "residual_debt")
        offer = self.advisor.offer(
            self._case(servicer, debt), cash_available=cash, budget=budget, as_of=self.as_of
        )
        self.last = offer
        if self.show:
            self._show(offer, cash)
        return offer

    def _show(self, offer: Any, cash: int) -> None:
        from outcomes.report._plots import japanese_font

        for line in (*offer.warnings, *offer.reasons):
            print("・", line)
        print(offer.notice)
        japanese_font(self._chart)(offer, cash)

    def _chart(self, offer: Any, cash: int) -> None:
        import matplotlib.pyplot as plt
        from matplotlib.ticker import PercentFormatter

        def say(code: str, **fields: object) -> str:
            return render(Message(code, fields), self.language, FORM_LABELS)

        top = max(offer.walk_away * 1.5, cash * 1.2, 10_000)
        amounts = np.linspace(0, top, 200)
        fig, ax = plt.subplots(figsize=(8, 4))
        ax.plot(amounts / 10_000, offer.acceptance(amounts), color="#4c72b0")
        ax.axvline(cash / 10_000, color="#55a868", label=say("chart_cash", amount=Yen(round(cash))))
        marks = (
            (offer.opening, "chart_opening", "#c44e52"),
            (offer.target, "chart_target", "#8172b2"),
            (offer.walk_away, "chart_walk_away", "#937860"),
        )
        for amount, code, color in marks:
            ax.axvline(
                amount / 10_000, color=color, ls="--", label=say(code, amount=Yen(round(amount)))
            )
        ax.set_xlabel(say("chart_x"))
        ax.set_ylabel(say("chart_y"))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(0, 1)
        ax.legend(fontsize="small", loc="lower right")
        ax.set_title(say("chart_title", debt=Yen(round(offer.residual_debt))))
        plt.show()

    def servicer_choices(self) -> list[tuple[str, str]]:
        """The servicer menu: ``(label, value)``, the case's first, then 「サービサーなし」, then past ones."""
        if self.choices is not None:
            names = [str(c) for c in self.choices]
        else:
            seen: list[str] = []
            past = self.past_cases
            if past is not None and hasattr(past, "columns") and "servicer" in past.columns:
                counts = past["servicer"].astype("string").value_counts()
                seen = [str(name) for name in counts.index[:15]]
            names = [self.start["servicer"], "", *seen]
        none = _label("no_servicer", self.language)
        return [(name or none, name) for name in dict.fromkeys(names)]

    # ------------------------------------------------------------------
    # The form
    # ------------------------------------------------------------------

    def shown(self, amount: int) -> str:
        """An amount as the form shows it: ``30万円`` (``¥300,000`` in English)."""
        return format_yen(amount, self.language)

    def enter(self, name: str, text: str) -> int | None:
        """Read what was typed in the box of ``name`` (``cash``, ``budget``, ``residual_debt``).

        ``30万``, ``300,000`` and ``1.5万`` are read by the package's one amount
        parser; the slider moves there (its range widened when needed, which
        re-draws the offer) and the box shows the amount back (``30万円``).
        Text that is not an amount leaves the slider where it was and says so
        in one line under the form. Returns the amount, or None.
        """
        slider, box, message = self.controls[name]
        label = _label(name, self.language)
        try:
            amount = as_yen(text, label)
        except CaseError:
            unreadable = Message("unreadable", {"label": label, "text": text})
            message.value = render(unreadable, self.language, FORM_LABELS)
            return None
        message.value = ""
        if amount > slider.max:
            slider.max = amount
        if amount < slider.min:
            slider.min = amount
        slider.value = amount
        box.value = self.shown(slider.value)
        return amount

    def widget(self) -> Any:
        """A form for cash, budget and debt (a slider and a text box each) and a servicer menu.

        The offer is re-drawn when a slider moves, an amount is typed in its
        box (``30万``, ``300,000``, ``1.5万``; shown back as ``30万円``) or the
        servicer changes. Needs ``ipywidgets`` (``pip install 'outcomes[report]'``).
        """
        try:
            import ipywidgets as w
        except ImportError as error:  # pragma: no cover - depends on the environment
            raise OutcomesError(
                "the what-if sliders need ipywidgets: pip install 'outcomes[report]'"
                " (or call draw(cash=…, budget=…, servicer=…, residual_debt=…) directly)"
            ) from error
        debt = self.start["residual_debt"] or 3_000_000
        ranges = {
            **_RANGES,
            "residual_debt": (debt, 100_000, max(4 * debt, 1_000_000), 100_000),
        }
        style = {"description_width": "6em"}
        rows = []
        for name, (value, low, high, step) in ranges.items():
            slider = w.IntSlider(
                value,
                min(low, value),
                max(high, value),
                step,
                description=_label(name, self.language),
                readout=False,  # the box beside it is the readout, with separators
                continuous_update=False,
                style=style,
            )
            box = w.Text(self.shown(value), continuous_update=False, layout={"width": "10em"})
            message = w.HTML("")
            self.controls[name] = (slider, box, message)
            slider.observe(
                lambda change, box=box: setattr(box, "value", self.shown(change["new"])), "value"
            )
            box.observe(lambda change, name=name: self._typed(name, change["new"]), names="value")
            rows.append(w.VBox([w.HBox([slider, box]), message]))
        menu = w.Dropdown(
            options=self.servicer_choices(),
            value=self.start["servicer"],
            description=_label("servicer", self.language),
            style=style,
        )
        self.controls["servicer"] = menu
        out = w.interactive_output(
            self.draw,
            {
                "cash": self.controls["cash"][0],
                "budget": self.controls["budget"][0],
                "servicer": menu,
                "residual_debt": self.controls["residual_debt"][0],
            },
        )
        return w.VBox([*rows, menu, out])

    def _typed(self, name: str, text: str) -> None:
        """A box's new text: read it unless it is the slider's own readout."""
        slider, _, _ = self.controls[name]
        if text != self.shown(slider.value):
            self.enter(name, text)
