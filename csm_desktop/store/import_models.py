"""Tables of the import feature: saved column mappings per source, and a log of import runs.

Both are local to this database and not synced: a mapping describes how
one CSM's files look, and a run records what one import did.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from csm_desktop.store.models import Base
from csm_desktop.store.types import utc_now


class SavedMapping(Base):
    """The last import settings used for one (source, entity), replayed on the next import."""

    __tablename__ = "import_mapping"
    __table_args__ = (UniqueConstraint("source", "entity", name="uq_import_mapping_source_entity"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    source: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    # Normalised header names joined, so a file of the same shape finds its mapping.
    header_signature: Mapped[str] = mapped_column(String(64), index=True)
    spec: Mapped[dict[str, Any]] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class ImportRun(Base):
    """One finished import: file, detection, counts and outcome (dry runs are not stored)."""

    __tablename__ = "import_run"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    source: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    detected: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    skipped_blank: Mapped[int] = mapped_column(Integer, default=0)
    skipped_summary: Mapped[int] = mapped_column(Integer, default=0)
