"""Every public parameter named ``k``, ``language``, ``as_of``/``today`` or a yen refuses a bad value alike.

Architecture review §5.3 (1) and §3.4, issue 24: in the manner of
scikit-learn's ``sklearn/tests/test_public_functions.py``, one test walks every
public function and class of the four faces (``outcomes``, ``outcomes.models``,
``outcomes.report``, ``outcomes.datasets``) and, for each parameter it knows by
name, passes a bad value. Every refusal is one exception type,
:class:`~outcomes.CaseError` (a ``ValueError``), with one message shape,
one line naming the argument first and then the value given
(``"k must be at least 1, got 0"``), made by the one checker
(``outcomes._arguments``). The review row "the language check" (§2.6: a second
``check_language`` raising ``OutcomesError``) and "~21 arguments refused with the
base class" (§3.3) are what this walk would have caught.

The list is built by introspection: a new public function with a parameter of
one of these names is walked without editing this file. The other required
arguments are a stand-in that fails the test if it is used, so each function
checks its arguments before it does any work (scikit-learn's
``validate_params`` does the same). Wrappers are checked through the class they
wrap (``opening_offer`` → :class:`~outcomes.Advisor`), as scikit-learn checks
``PARAM_VALIDATION_CLASS_WRAPPER_LIST``; estimators refuse in ``fit``, since a
scikit-learn ``__init__`` only stores its parameters.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from typing import Any

import pytest
from sklearn.base import BaseEstimator

from outcomes import CaseError

FACES = ("outcomes", "outcomes.models", "outcomes.report", "outcomes.datasets")

#: the parameters walked, by kind, and the bad values each kind must refuse
KINDS: dict[str, tuple[str, ...]] = {
    "k": ("k",),
    "language": ("language",),
    "date": ("as_of", "today"),
    "yen": ("cash_available", "budget", "cash"),
}
BAD: dict[str, tuple[object, ...]] = {
    "k": (0, 2.5, "5"),
    "language": ("fr", None),
    "date": ("soon", 20260630),
    "yen": (-1, 1.5, "abc"),
}
KIND_OF = {name: kind for kind, names in KINDS.items() for name in names}

#: public functions that wrap a class: their walked parameters are checked through it
WRAPPERS: dict[str, str] = {
    "outcomes.opening_offer": "outcomes.Advisor",
    "outcomes.installment_proposal": "outcomes.Advisor",
    "outcomes.compare_paths": "outcomes.Advisor",
    "outcomes.batch_offers": "outcomes.Advisor",
    "outcomes.opening_offers": "outcomes.Advisor",
}

#: results the package builds, not arguments a caller gives: never walked
RECORDS = frozenset(
    {
        "outcomes.CleanResult",  # the cleaner's result
        "outcomes.NegotiationLog",  # clean_negotiations' result
        "outcomes.Offer",  # an offer's figures, built by Advisor.offer
        "outcomes.InstallmentProposal",  # built by Advisor.installment
        "outcomes.report.ModelCheck",  # built by check_models
        "outcomes.report.ReportData",  # built by load_report_data
        "outcomes.report.ReportCases",  # built by prepare_report
    }
)


class Unused:
    """A stand-in for an argument the walk does not test: any use of it fails."""

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def __getattr__(self, attr: str) -> Any:
        raise UsedStandIn(f"{self._name} was used (.{attr}) before the arguments were checked")

    def __repr__(self) -> str:
        return f"<{self._name}>"


class UsedStandIn(AssertionError):
    """A function touched another argument before checking the walked one."""


def _public(face: str) -> list[tuple[str, object]]:
    module = importlib.import_module(face)
    return [
        (f"{face}.{name}", getattr(module, name))
        for name in module.__all__
        if not name.startswith("__")
    ]


def _walked(func: Callable[..., Any]) -> list[str]:
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return []
    return [p for p in params if p in KIND_OF]


def _none_is_default(func: Callable[..., Any], param: str) -> bool:
    """None means "the default" (today, no budget, the Advisor's language) here."""
    return inspect.signature(func).parameters[param].default is None


def _calls() -> list[tuple[str, str, Callable[[str, object], object]]]:
    """``(where, parameter, call(parameter, value))`` for every walked parameter."""
    calls = []
    seen: set[int] = set()
    for face in FACES:
        for where, obj in _public(face):
            if where in WRAPPERS or where in RECORDS or id(obj) in seen:
                continue
            seen.add(id(obj))
            if inspect.isclass(obj):
                calls += _class_calls(where, obj)
            elif inspect.isroutine(obj):
                for param in _walked(obj):
                    calls.append((where, param, _caller(obj, param)))
    return calls


def _class_calls(where: str, cls: type) -> list[tuple[str, str, Callable[[str, object], object]]]:
    calls = []
    estimator = issubclass(cls, BaseEstimator)
    for param in _walked(cls):
        if estimator:  # stored by __init__, checked by fit
            calls.append((f"{where}.fit", param, _fitter(cls, param)))
        else:
            calls.append((where, param, _caller(cls, param)))
    for attr, member in vars(cls).items():
        if attr.startswith("_") or not inspect.isfunction(member):
            continue
        for param in _walked(member):
            calls.append((f"{where}.{attr}", param, _method_caller(cls, attr, param)))
    return calls


#: a good value of each kind, for a required walked parameter not under test
GOOD: dict[str, object] = {"k": 5, "language": "ja", "date": "2026-06-30", "yen": 0}


def _stand_ins(func: Callable[..., Any], skip: str) -> tuple[list[object], dict[str, object]]:
    """The required arguments but ``skip``: a good value if walked, else an :class:`Unused`."""
    args, kwargs = [], {}
    for name, p in inspect.signature(func).parameters.items():
        if name in ("self", "cls") or name == skip or p.default is not p.empty:
            continue
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        value = GOOD[KIND_OF[name]] if name in KIND_OF else Unused(name)
        if p.kind == p.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    return args, kwargs


def _none_ok(flag: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def mark(call: Callable[..., Any]) -> Callable[..., Any]:
        call.none_ok = flag  # type: ignore[attr-defined]
        return call

    return mark


def _caller(func: Callable[..., Any], param: str) -> Callable[[object], object]:
    @_none_ok(_none_is_default(func, param))
    def call(value: object) -> object:
        args, kwargs = _stand_ins(func, param)
        return func(*args, **kwargs, **{param: value})

    return call


def _fitter(cls: type, param: str) -> Callable[[object], object]:
    @_none_ok(_none_is_default(cls, param))
    def call(value: object) -> object:
        return cls(**{param: value}).fit(Unused("cases"))

    return call


def _method_caller(cls: type, attr: str, param: str) -> Callable[[object], object]:
    @_none_ok(_none_is_default(getattr(cls, attr), param))
    def call(value: object) -> object:
        method = getattr(object.__new__(cls), attr)  # checked before the instance is used
        args, kwargs = _stand_ins(method, param)
        return method(*args, **kwargs, **{param: value})

    return call


CALLS = _calls()


def _shape(param: str, value: object) -> re.Pattern[str]:
    """One line that names the argument first and then the value given (and what to write)."""
    return re.compile(rf"^{re.escape(param)} [^\n]*{re.escape(_shown(value))}[^\n]*$")


def _shown(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if value < 0 else repr(value)
    return repr(value)


@pytest.mark.parametrize(("where", "param", "call"), CALLS, ids=[f"{w}-{p}" for w, p, _ in CALLS])
def test_a_bad_argument_is_refused_with_one_type_and_one_message_shape(where, param, call):
    """Issue 24, architecture review §5.3 (1): a CaseError, one line naming the argument then the value."""
    for value in BAD[KIND_OF[param]]:
        if value is None and call.none_ok:
            continue
        with pytest.raises(CaseError, match=_shape(param, value)):
            call(value)


def test_the_walk_covers_the_names_the_review_named():
    """The review's finds are in the walk: report's language, check_models' k, the Advisor."""
    walked = {(w, p) for w, p, _ in CALLS}
    assert ("outcomes.report.Selection", "language") in walked
    assert ("outcomes.report.check_models", "k") in walked
    assert ("outcomes.report.training_drift", "language") in walked
    assert ("outcomes.Advisor.offer", "cash_available") in walked
    assert ("outcomes.SettlementRatioModel.fit", "as_of") in walked
    assert len(walked) > 60


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_wrapper_is_checked_through_the_class_it_wraps(wrapper):
    """Issue 24: a walked parameter of ``opening_offer`` is one of the Advisor's (walked there)."""
    face, name = wrapper.rsplit(".", 1)
    func = getattr(importlib.import_module(face), name)
    cls_face, cls_name = WRAPPERS[wrapper].rsplit(".", 1)
    walked = {p for w, p, _ in CALLS if w.startswith(f"{cls_face}.{cls_name}")}
    missing = set(_walked(func)) - walked
    assert _walked(func) and not missing, missing
