"""``outcomes fit CASES|URL [--table T|--query Q] -o MODEL_DIR [--cv 5] [--as-of DATE]
[--negotiations LOG]``."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from outcomes._cli import check_as_of_option, is_url, load_cases, source_options
from outcomes._io import (
    ACCEPTANCE_MODEL_FILE,
    METADATA_FILE,
    MODEL_FILES,
    PROFILE_FILE,
    TIME_MODEL_FILE,
    check_model_output,
    write_model_dir,
)

__all__ = ["run"]


#: central intervals whose out-of-fold coverage ``fit`` saves (the report's calibration figure)
CALIBRATION_COVERAGES: tuple[float, ...] = (0.5, 0.8, 0.9)


def format_evaluation(table: pd.DataFrame) -> str:
    """An evaluation table (from :func:`outcomes.evaluate`) as text, in the target's units."""
    from outcomes.models import METRICS

    shown = table[[c for c in table.columns if c in METRICS]].copy()
    if table.attrs.get("target") == "monthly_amount":
        for col in ("MAE", "RMSE", "width"):
            shown[col] = shown[col].map("{:,.0f}".format)
        shown["pinball"] = shown["pinball"].map("{:,.1f}".format)
    else:
        for col in ("MAE", "RMSE", "width"):
            shown[col] = shown[col].map("{:.4f}".format)
        shown["pinball"] = shown["pinball"].map("{:.5f}".format)
    shown["coverage"] = shown["coverage"].map("{:.1%}".format)
    return shown.to_string()


def _source_name(args: argparse.Namespace) -> str:
    """What metadata.json records as the training source (a URL's password masked)."""
    if not is_url(args.cases):
        return str(args.cases)
    from outcomes._cleaning import mask_url

    options = source_options(args)
    what = f"table {options['table']}" if options["table"] else f"query {options['query']}"
    return f"{mask_url(args.cases)} ({what})"


def _fit_time_model(cases: pd.DataFrame, *, as_of: str | None, cv: int) -> tuple[Any, float]:
    """The time-to-agreement model on all cases (pending ones censored), and its
    cross-validated concordance (printed; NaN where there are too few agreements)."""
    import numpy as np
    from sklearn.base import clone
    from sklearn.model_selection import KFold

    from outcomes.models import TimeToAgreementModel

    model = TimeToAgreementModel(as_of=as_of)
    scores = []
    if cv >= 2 and len(cases) >= 10 * cv:
        for train, test in KFold(cv, shuffle=True, random_state=0).split(cases):
            fold = clone(model).fit(cases.iloc[train])
            scores.append(fold.score(cases.iloc[test]))
    concordance = float(np.nanmean(scores)) if scores else float("nan")
    model.fit(cases)
    print(
        f"TimeToAgreementModel: {model.n_train_:,} cases ({model.n_events_:,} agreed, "
        f"{model.n_censored_:,} pending, censored at {model.as_of_}); "
        f"{cv}-fold concordance {concordance:.3f}"
    )
    print()
    return model, concordance


def load_negotiations(source: str, cases: pd.DataFrame) -> pd.DataFrame:
    """The clean negotiation log, cleaned by :func:`outcomes.clean_negotiations` against ``cases``.

    A log in which no row says who proposed (no ``提示者``/``party`` column, or
    none of it readable) bounds nothing: it is refused in one line rather than
    fitted on nothing.
    """
    import sys

    from outcomes import clean_negotiations
    from outcomes._errors import OutcomesError

    log, problems = clean_negotiations(source, cases=cases)
    if len(problems):
        print(
            f"negotiation log: {len(problems):,} problem(s) found while cleaning it "
            "(`outcomes clean --negotiations` writes them)",
            file=sys.stderr,
        )
    if "party" not in log.columns or (len(log) and log["party"].isna().all()):
        raise OutcomesError(
            f"{source}: no row of the negotiation log says who proposed "
            "(column party / 提示者): nothing can be learnt from it"
        )
    return log


def _fit_acceptance(cases: pd.DataFrame, log: pd.DataFrame, *, cv: int) -> Any:
    """What creditors accept, from the log, and its cross-validated calibration (printed)."""
    from outcomes.models import AcceptanceModel, evaluate_acceptance

    model = AcceptanceModel().fit(cases, log)
    print(
        f"AcceptanceModel: {model.n_periods_:,} negotiations of {model.n_cases_:,} cases "
        f"({model.n_bounds_:,} bounds read from {len(log):,} log rows)"
    )
    if cv >= 2:
        table = evaluate_acceptance(AcceptanceModel(), cases, log, cv=cv)
        print(f"{cv}-fold calibration on the first proposals of held-out cases:")
        print(table.round(4).to_string())
    print()
    return model


def run(args: argparse.Namespace) -> int:
    """Fit both models on the cases, print their cross-validated evaluation, write the directory."""
    from outcomes.models import MonthlyAmountModel, SettlementRatioModel, evaluate

    out = check_model_output(args.output)  # before the work
    cv = int(getattr(args, "cv", 5) or 5)
    as_of = check_as_of_option(getattr(args, "as_of", None))
    cases = load_cases(args.cases, **source_options(args))
    fitted: dict[str, tuple[Any, pd.DataFrame]] = {}
    for name, cls in (
        ("settlement_ratio", SettlementRatioModel),
        ("monthly_amount", MonthlyAmountModel),
    ):
        model = cls(as_of=as_of)
        # the coverage of three central intervals: the report's calibration figure draws them
        evaluation = evaluate(model, cases, cv=cv, coverages=CALIBRATION_COVERAGES)
        model.fit(cases)
        fitted[name] = (model, evaluation)
        print(
            f"{cls.__name__}: {model.n_train_:,} training cases "
            f"({cls.resolution} with a {cls.target}); {cv}-fold evaluation:"
        )
        print(format_evaluation(evaluation))
        print()
    time_model, concordance = _fit_time_model(cases, as_of=as_of, cv=cv)
    acceptance = None
    if getattr(args, "negotiations", None):
        log = load_negotiations(args.negotiations, cases)
        acceptance = _fit_acceptance(cases, log, cv=cv)
    write_model_dir(
        out,
        time=time_model,
        ratio=fitted["settlement_ratio"][0],
        monthly=fitted["monthly_amount"][0],
        cases=cases,
        evaluations={name: evaluation for name, (_, evaluation) in fitted.items()},
        source=_source_name(args),
        as_of=as_of,
        cv=cv,
        acceptance=acceptance,
    )
    files = [f"{n}.skops" for n in MODEL_FILES] + [TIME_MODEL_FILE, PROFILE_FILE, METADATA_FILE]
    if acceptance is not None:
        files.insert(-1, ACCEPTANCE_MODEL_FILE)
    print(f"models written to {out}/ ({', '.join(files)})")
    return 0
