"""The generic import: one file, one entity, one transaction, with a validation report.

``run_import`` reads the file twice. The first pass (``analysis``) decides
column conventions and counts rows; the second converts rows and writes
them in batches of ``BATCH_SIZE``. Everything happens in one transaction:
a failure, a cancel or a dry run rolls it all back, so the database is as
before. Memory contains one batch, the account index and at most
``MAX_ISSUES`` rejection details.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from csm_desktop.importers.analysis import Decisions, analyse
from csm_desktop.importers.convert import ConvertedRow, RowConverter, RowRejected
from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.fields import Kind, normalise_name
from csm_desktop.importers.mapping import ImportSpec
from csm_desktop.importers.rejections import RejectionLog
from csm_desktop.importers.resolve import AccountIndex, LookupIndex, shared_key_note
from csm_desktop.importers.summary import ImportSummary, RowIssue
from csm_desktop.importers.tabular import FileInfo, SourceRow, Table, open_table
from csm_desktop.importers.writer import BatchWriter
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.store.database import Database
from csm_desktop.store.import_models import ImportRun
from csm_desktop.store.models import Account
from csm_desktop.store.types import utc_now

log = logging.getLogger(__name__)

BATCH_SIZE = 5_000
# Rejections kept in memory for the screen; the file in ``rejections_file`` has them all.
MAX_ISSUES = 10_000


class _DryRunDone(Exception):
    """Raised inside the transaction of a dry run so that it rolls back."""


@dataclass
class ImportReport:
    """What an import did, or would do in a dry run."""

    info: FileInfo
    spec: ImportSpec
    summary: ImportSummary
    decisions: Decisions
    dry_run: bool
    rows_read: int = 0
    rejected_rows: int = 0
    blank_rows: int = 0
    summary_rows: int = 0
    notes: list[str] = field(default_factory=list)
    # A CSV of every rejected row with its raw cells, or None when nothing was rejected.
    rejections_file: Path | None = None

    @property
    def issues(self) -> list[RowIssue]:
        return self.summary.issues

    def format_lines(self, max_issues: int = 50) -> list[str]:
        """Render the report as plain text for the command line."""
        verb = "would be" if self.dry_run else "were"
        lines = [
            f"file: {self.info.path.name} ({self.info.describe()})",
            f"rows read: {self.rows_read}; blank rows skipped: {self.blank_rows}; "
            f"total and footer rows skipped: {self.summary_rows}",
        ]
        for name, counts in self.summary.entities.items():
            lines.append(
                f"{name}: {counts.created} {verb} created, {counts.updated} updated, "
                f"{counts.unchanged} unchanged, {counts.skipped} rejected"
            )
        lines.extend(f"note: {note}" for note in self.notes)
        lines.append("line\tcolumn\tvalue\treason")
        for issue in self.issues[:max_issues]:
            lines.append(f"{issue.line}\t{issue.column}\t{issue.value}\t{issue.reason}")
        hidden = self.summary.counts(self.spec.entity).skipped - min(len(self.issues), max_issues)
        if hidden > 0:
            lines.append(f"... and more rejections ({hidden} rows) not listed")
        if self.rejections_file is not None:
            lines.append(f"every rejected row: {self.rejections_file}")
        return lines


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_spec(spec: ImportSpec, header: list[str]) -> None:
    """Raise ``ImportFileError`` when the mapping names missing columns or leaves out a must."""
    definition = spec.definition
    missing = [col for col in spec.columns.values() if col not in header]
    if missing:
        raise ImportFileError(
            f"The mapping uses column(s) {', '.join(map(repr, missing))}, which the file lacks. "
            f"Its columns are: {', '.join(header[:20])}."
        )
    for target in definition.fields:
        provided = target.name in spec.columns or target.name in spec.constants
        if target.name == "account" and ({"subscription", "contact"} & set(spec.columns)):
            continue
        if target.required and not provided:
            raise ImportFileError(
                f"Map a column to the required field {target.name!r} of {spec.entity}, "
                "or give it a fixed value."
            )
    unknown = set(spec.columns) - {f.name for f in definition.fields}
    if unknown:
        raise ImportFileError(f"{spec.entity} has no field(s) {', '.join(sorted(unknown))}.")
    if (
        spec.entity == "accounts"
        and spec.match_key == "external_id"
        and ("external_id" not in spec.columns)
    ):
        spec.match_key = "name"


def run_import(
    db: Database,
    path: Path | str,
    spec: ImportSpec,
    *,
    dry_run: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Import ``path`` as ``spec.entity`` in one transaction; roll back when ``dry_run``."""
    path = Path(path)
    token = cancel or CancelToken()
    table = open_table(path, spec.read_options())
    check_spec(spec, table.header)
    progress(0, 0, "Checking every row")
    decisions = analyse(table, spec, progress=progress, cancel=token)
    report = ImportReport(table.info, spec, ImportSummary(), decisions, dry_run)
    report.notes.extend(table.info.notes + decisions.notes)
    log.info(
        "Import of %s as %s from %s started (%d rows%s)",
        path.name,
        spec.entity,
        spec.source,
        decisions.rows,
        ", dry run" if dry_run else "",
    )

    rejections = RejectionLog(table.info)
    try:
        with db.session() as session:
            _import_rows(session, table, spec, decisions, report, rejections, progress, token)
            if dry_run:
                raise _DryRunDone()
            _record_run(session, path, report)
    except _DryRunDone:
        pass
    finally:
        report.rejections_file = rejections.close()
    progress(decisions.rows, decisions.rows, "Import finished")
    log.info("Import of %s finished: %s", path.name, "; ".join(report.format_lines(0)[2:]))
    return report


def _import_rows(
    session: Session,
    table: Table,
    spec: ImportSpec,
    decisions: Decisions,
    report: ImportReport,
    rejections: RejectionLog,
    progress: ProgressCallback,
    token: CancelToken,
) -> None:
    counts = report.summary.counts(spec.entity)
    accounts = AccountIndex.load(session, spec.source)
    kinds = {spec.definition.field(name).kind for name in spec.columns}
    contacts = LookupIndex.contacts(session, spec.source) if Kind.CONTACT_REF in kinds else None
    subs = (
        LookupIndex.subscriptions(session, spec.source) if Kind.SUBSCRIPTION_REF in kinds else None
    )
    creator = (
        _AccountCreator(session, spec, accounts, report) if spec.create_missing_accounts else None
    )
    converter = RowConverter(spec, table.header, decisions, accounts, contacts, subs, creator)
    writer = BatchWriter(session, spec.definition.model, spec.source, counts)

    batch: list[ConvertedRow] = []
    for row in table.rows():
        report.rows_read += 1
        try:
            batch.append(converter.convert(row))
        except RowRejected as exc:
            _reject(report, rejections, row, exc.problems)
        if len(batch) >= BATCH_SIZE:
            _flush(writer, batch, report, rejections, progress, decisions.rows)
            token.raise_if_cancelled()
    _flush(writer, batch, report, rejections, progress, decisions.rows)
    writer.close()
    if writer.repeats:
        report.notes.append(
            f"{writer.repeats} row(s) repeat an earlier row exactly and were merged into it."
        )
    if writer.shared_keys:
        report.notes.append(shared_key_note(writer.shared_keys, writer.table.name))
    report.blank_rows = table.counters.blank
    report.summary_rows = table.counters.summary
    if table.counters.summary:
        lines = ", ".join(map(str, table.counters.summary_rows[:10]))
        report.notes.append(
            f"{table.counters.summary} total or footer row(s) skipped (lines {lines})."
        )


def _flush(
    writer: BatchWriter,
    batch: list[ConvertedRow],
    report: ImportReport,
    rejections: RejectionLog,
    progress: ProgressCallback,
    total: int,
) -> None:
    for row, reason in writer.write(batch):
        _reject(
            report,
            rejections,
            SourceRow(row.line, row.cells),
            [(report.spec.columns.get("external_id", "(key)"), row.external_id, reason)],
        )
    batch.clear()
    progress(report.rows_read, total, f"Importing rows: {report.rows_read:,} of {total:,}")


def _reject(
    report: ImportReport,
    rejections: RejectionLog,
    row: SourceRow,
    problems: list[tuple[str, str, str]],
) -> None:
    """Count a rejected row, keep its problems for the screen and write the row to the file."""
    report.rejected_rows += 1
    report.summary.counts(report.spec.entity).skipped += 1
    rejections.add(row.number, row.cells, [_reason_with_column(*p) for p in problems])
    for column, value, reason in problems:
        if len(report.summary.issues) < MAX_ISSUES:
            report.summary.issues.append(
                RowIssue(report.info.path.name, row.number, column, value, reason)
            )


def _reason_with_column(column: str, _value: str, reason: str) -> str:
    return f"{column}: {reason}" if column else reason


class _AccountCreator:
    """Creates a minimal account for a reference that names none (when the user allows it)."""

    def __init__(
        self, session: Session, spec: ImportSpec, index: AccountIndex, report: ImportReport
    ) -> None:
        self.session = session
        self.spec = spec
        self.index = index
        self.counts = report.summary.counts("accounts")

    def __call__(self, value: str, key: str) -> uuid.UUID:
        value = value.strip().removeprefix("@")
        now = utc_now()
        row = {
            "id": uuid.uuid4(),
            "name": value[:300],
            "source": self.spec.source,
            "created_at": now,
            "updated_at": now,
        }
        if key == "external_id":
            row["external_id"] = value[:120]
        elif key == "domain":
            row.update(domain=value[:255], external_id=f"domain:{value}"[:120])
        else:
            row["external_id"] = f"name:{normalise_name(value)}"[:120]
        self.session.execute(insert(Account), [row])
        self.index.add(
            row["id"], self.spec.source, row.get("external_id"), value, row.get("domain")
        )
        self.counts.created += 1
        return row["id"]


def _record_run(session: Session, path: Path, report: ImportReport) -> None:
    counts = report.summary.counts(report.spec.entity)
    session.add(
        ImportRun(
            source=report.spec.source,
            entity=report.spec.entity,
            file_name=path.name[:255],
            file_sha256=file_digest(path),
            detected=report.info.describe(),
            created=counts.created,
            updated=counts.updated,
            unchanged=counts.unchanged,
            rejected=counts.skipped,
            skipped_blank=report.blank_rows,
            skipped_summary=report.summary_rows,
            finished_at=utc_now(),
        )
    )
