"""A first pass over the file that decides, per column, what its values cannot decide alone.

A date column's order (day or month first) and a number column's decimal
separator are taken from the evidence of every value in the column. When
nothing in a date column settles its order, the user is asked
(``DecisionNeeded``); a number column without evidence borrows the
convention the rest of the file proves, and otherwise its ambiguous values
become row errors. The pass also counts rows, so the import can show
progress against a known total, and collects the answers of a score column
to suggest its scale.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.dates import DateOrder, classify_date
from csm_desktop.importers.fields import Kind
from csm_desktop.importers.mapping import ImportSpec, suggest_scale
from csm_desktop.importers.numbers import DecimalStyle, read_number
from csm_desktop.importers.tabular import Table
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress

log = logging.getLogger(__name__)

DATE_KINDS = {Kind.DATE, Kind.DATETIME}
NUMBER_KINDS = {Kind.INT, Kind.NUMBER, Kind.MONEY, Kind.SCORE}
PROGRESS_EVERY = 20_000
MAX_SCALE_SAMPLE = 10_000


class DecisionNeeded(ImportFileError):
    """Some columns need a choice from the user before rows can be read without guessing."""

    def __init__(self, message: str, date_columns: dict[str, list[str]], scale: bool) -> None:
        super().__init__(message)
        # Column -> a few of its ambiguous values, to show the user.
        self.date_columns = date_columns
        self.scale = scale


@dataclass
class ColumnEvidence:
    """What the values of one column prove."""

    kinds: Counter[str] = field(default_factory=Counter)
    ambiguous_examples: list[str] = field(default_factory=list)
    decimal: Counter[str] = field(default_factory=Counter)

    def see_date(self, text: str) -> None:
        verdict = classify_date(text)
        self.kinds[verdict or "invalid"] += 1
        if verdict == "either" and len(self.ambiguous_examples) < 5:
            self.ambiguous_examples.append(text)

    def date_order(self) -> DateOrder | None:
        """Return the order the column proves, or None when it proves none or both."""
        day_first, month_first = self.kinds["dmy"], self.kinds["mdy"]
        if day_first and not month_first:
            return DateOrder.DAY_FIRST
        if month_first and not day_first:
            return DateOrder.MONTH_FIRST
        return None

    @property
    def conflicting(self) -> bool:
        return bool(self.kinds["dmy"] and self.kinds["mdy"])

    def decimal_style(self) -> DecimalStyle | None:
        point, comma = self.decimal[DecimalStyle.POINT], self.decimal[DecimalStyle.COMMA]
        if point and not comma:
            return DecimalStyle.POINT
        if comma and not point:
            return DecimalStyle.COMMA
        return None


@dataclass
class Decisions:
    """The outcome of the first pass: per-column conventions, row count and notes."""

    rows: int = 0
    date_orders: dict[str, DateOrder | None] = field(default_factory=dict)
    decimal_styles: dict[str, DecimalStyle | None] = field(default_factory=dict)
    scale: str | None = None
    notes: list[str] = field(default_factory=list)


def analyse(
    table: Table,
    spec: ImportSpec,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> Decisions:
    """Read every row once and decide the conventions of the mapped columns."""
    definition = spec.definition
    watched: dict[int, tuple[str, Kind]] = {}
    for field_name, column in spec.columns.items():
        kind = definition.field(field_name).kind
        if (kind in DATE_KINDS or kind in NUMBER_KINDS) and column in table.header:
            watched[table.header.index(column)] = (column, kind)

    evidence = {column: ColumnEvidence() for column, _ in watched.values()}
    scores: list[float] = []
    score_column = spec.columns.get("score") or spec.columns.get("csat")
    decisions = Decisions()
    for row in table.rows():
        decisions.rows += 1
        for index, (column, kind) in watched.items():
            cell = row.cells[index] if index < len(row.cells) else None
            _observe(evidence[column], kind, cell, scores if column == score_column else None)
        if decisions.rows % PROGRESS_EVERY == 0:
            progress(decisions.rows, 0, f"Checking rows: {decisions.rows:,}")
            if cancel is not None:
                cancel.raise_if_cancelled()

    _decide(decisions, spec, watched, evidence, scores, score_column)
    return decisions


def _observe(
    evidence: ColumnEvidence, kind: Kind, cell: object, scores: list[float] | None
) -> None:
    if not isinstance(cell, str) or not cell.strip():
        # Excel cells arrive typed: numbers need no decision, but feed the scale.
        is_number = isinstance(cell, int | float) and not isinstance(cell, bool)
        if scores is not None and is_number and len(scores) < MAX_SCALE_SAMPLE:
            scores.append(float(cell))
        return
    if kind in DATE_KINDS:
        evidence.see_date(cell)
        return
    try:
        parsed = read_number(cell, DecimalStyle.POINT)
    except ValueError:
        return
    if parsed.evidence is not None:
        evidence.decimal[parsed.evidence] += 1
    if scores is not None and len(scores) < MAX_SCALE_SAMPLE:
        scores.append(float(parsed.value))


def _decide(
    decisions: Decisions,
    spec: ImportSpec,
    watched: dict[int, tuple[str, Kind]],
    evidence: dict[str, ColumnEvidence],
    scores: list[float],
    score_column: str | None,
) -> None:
    file_styles = {e.decimal_style() for e in evidence.values() if e.decimal_style()}
    file_style = file_styles.pop() if len(file_styles) == 1 else None
    undecided: dict[str, list[str]] = {}

    for column, kind in watched.values():
        found = evidence[column]
        if kind in DATE_KINDS:
            order = spec.date_order(column) or found.date_order()
            decisions.date_orders[column] = order
            if found.conflicting:
                decisions.notes.append(
                    f"Column {column!r} has dates that are only valid day first and others only "
                    "valid month first; dates that read both ways are rejected."
                )
            elif order is None and found.kinds["either"]:
                undecided[column] = found.ambiguous_examples
            elif order is not None and spec.date_order(column) is None and found.kinds["either"]:
                decisions.notes.append(
                    f"Column {column!r} reads dates {_order_name(order)}: some values prove it."
                )
        else:
            style = spec.decimal_style(column) or found.decimal_style() or file_style
            decisions.decimal_styles[column] = style

    decisions.scale = spec.scale
    if score_column and decisions.scale is None:
        decisions.scale = suggest_scale(score_column, scores)
        if decisions.scale is not None:
            decisions.notes.append(
                f"Column {score_column!r} is read on the {decisions.scale} "
                "scale suggested from its header and values."
            )
    is_survey = spec.entity == "survey_responses"
    needs_scale = bool(score_column) and decisions.scale is None and is_survey
    if undecided or needs_scale:
        raise DecisionNeeded(_decision_message(undecided, needs_scale), undecided, needs_scale)


def _order_name(order: DateOrder) -> str:
    return "day first (DD/MM/YYYY)" if order == DateOrder.DAY_FIRST else "month first (MM/DD/YYYY)"


def _decision_message(undecided: dict[str, list[str]], needs_scale: bool) -> str:
    parts = []
    for column, examples in undecided.items():
        parts.append(
            f"every date in column {column!r} reads both day first and month first "
            f"(e.g. {', '.join(examples[:3])}); choose its date order"
        )
    if needs_scale:
        parts.append("the survey scale of the score column is unclear; choose it")
    return "Cannot import without a choice: " + "; ".join(parts) + "."
