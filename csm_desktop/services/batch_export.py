"""Export one QBR per account into a folder, with progress, cancel and per-account errors.

Figures are built without pyplot and cleared after conversion, so memory
stays flat over hundreds of accounts (``bench/bench_qbr.py`` measures it).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.quarters import Quarter
from csm_desktop.services.report_settings import DEFAULT_PATTERN, render_file_name
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account

log = logging.getLogger(__name__)


@dataclass
class BatchResult:
    """Files written, and (account name, error message) for each account that failed."""

    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def export_qbr_batch(
    db: Database,
    account_ids: Sequence[uuid.UUID],
    quarter: Quarter,
    folder: Path | str,
    options: object = None,
    *,
    file_name_pattern: str = DEFAULT_PATTERN,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> BatchResult:
    """Write a QBR for each of ``account_ids`` into ``folder``.

    ``options`` is a ``reports.qbr.QbrOptions``. An account whose export
    fails is logged and listed in the result, and the batch goes on.
    ``Cancelled`` stops between two accounts (or between two pages); the
    files already written stay. Two accounts whose names give the same file
    name get " (2)", " (3)" appended.
    """
    from csm_desktop.reports.qbr import export_qbr

    target = Path(folder).expanduser()
    if not target.is_dir():
        raise FileNotFoundError(f"Folder {target} does not exist; choose an existing folder.")
    names = _account_names(db, account_ids)
    version = getattr(options, "version", "customer")
    result = BatchResult()
    used: set[str] = set()
    total = len(account_ids)

    for done, account_id in enumerate(account_ids):
        if cancel is not None:
            cancel.raise_if_cancelled()
        name = names.get(account_id, str(account_id))
        progress(
            done,
            total,
            QCoreApplication.translate("BatchExport", "Exporting {name}").format(name=name),
        )
        file_name = _unique(render_file_name(file_name_pattern, name, quarter, version), used)
        try:
            path = export_qbr(db, account_id, quarter, target / file_name, options, cancel=cancel)
        except (LookupError, ValueError, OSError) as exc:
            log.error("QBR of account %s (%s) failed: %s", name, account_id, exc)
            result.failed.append((name, str(exc)))
            continue
        result.written.append(path)

    progress(total, total, QCoreApplication.translate("BatchExport", "Batch export finished"))
    log.info("Batch QBR export: %d written, %d failed", len(result.written), len(result.failed))
    return result


def _account_names(db: Database, account_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    with db.session() as session:
        rows = session.execute(
            select(Account.id, Account.name).where(Account.id.in_(list(account_ids)))
        ).all()
    return dict(rows)


def _unique(file_name: str, used: set[str]) -> str:
    stem, suffix = file_name[:-4], file_name[-4:]
    candidate, number = file_name, 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{stem} ({number}){suffix}"
    used.add(candidate.casefold())
    return candidate
