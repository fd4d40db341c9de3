"""The ways out of one residual debt: one file per way out, listed here in the order shown.

Each file holds one :class:`~outcomes._advice.ways_out.record.WayOut` record, its
row builder, its notes (``NOTES``, ``{key: (Japanese, English)}``) and its labels:

- :mod:`~outcomes._advice.ways_out.lump_sum` — 一括和解;
- :mod:`~outcomes._advice.ways_out.installment` — 分割弁済;
- :mod:`~outcomes._advice.ways_out.voluntary` — 任意整理;
- :mod:`~outcomes._advice.ways_out.rehabilitation` — 個人再生;
- :mod:`~outcomes._advice.ways_out.bankruptcy` — 自己破産;
- :mod:`~outcomes._advice.ways_out.limitation` — 時効援用.

**Adding a way out (say 特定調停) is one new file**: its record, builder, notes
and labels, then one line in :data:`WAYS_OUT` below; the table, its rendering,
the labels (:data:`PATH_LABELS`) and the credit records follow from the record.
(Its effect on a guarantor is one entry of
:mod:`~outcomes._advice.guarantor_notes`.) What several ways out share — the
record's shape, the household's capacity, the servicer's role — is in
:mod:`~outcomes._advice.ways_out.record`; shared notes and the one citation table
(:data:`~outcomes._advice.notes.SOURCES`) in :mod:`outcomes._advice.notes`.

A builder reads one :class:`Situation` (the clean row and the household, built
by :mod:`outcomes._advice.paths`) and returns the row's figures, notes and source
codes. The legal arithmetic is in :mod:`outcomes._law`. Every figure is an
internal estimate for the analyst, never a promise to the debtor (弁護士法 §72).

This is MAPIE's one conformity score per file (``mapie/conformity_scores/``),
listed in its package ``__init__``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from outcomes._advice.situation import Note, Row, Situation
from outcomes._advice.ways_out.bankruptcy import BANKRUPTCY
from outcomes._advice.ways_out.installment import INSTALLMENT, INSTALLMENT_RANGE
from outcomes._advice.ways_out.limitation import LIMITATION
from outcomes._advice.ways_out.lump_sum import LUMP_SUM
from outcomes._advice.ways_out.record import JHF_COLLECTORS, WayOut, capacity_of
from outcomes._advice.ways_out.rehabilitation import REHABILITATION
from outcomes._advice.ways_out.voluntary import SHIHOSHOSHI_LIMIT, VOLUNTARY

__all__ = [
    "CREDIT_RECORD",
    "INSTALLMENT_RANGE",
    "JHF_COLLECTORS",
    "PATH_LABELS",
    "SHIHOSHOSHI_LIMIT",
    "WAYS_OUT",
    "Note",
    "Row",
    "Situation",
    "WayOut",
    "capacity_of",
]

#: the ways out, in the order compare_paths shows them; a new one is one more file and line
WAYS_OUT: tuple[WayOut, ...] = (
    LUMP_SUM,
    INSTALLMENT,
    VOLUNTARY,
    REHABILITATION,
    BANKRUPTCY,
    LIMITATION,
)

#: name of each way out: {code: (Japanese, English)}
PATH_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType({w.code: w.labels for w in WAYS_OUT})

#: what each way out leaves in the credit records (M; domain.md "Credit records")
CREDIT_RECORD: Mapping[str, str] = MappingProxyType({w.code: w.credit_record for w in WAYS_OUT})
