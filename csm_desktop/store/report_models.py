"""Tables of the QBR workflow: narrative text the CSM edited and their section choices.

Both are synced like other account data, so a coordinator preparing a QBR
pack sees the CSM's wording.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from csm_desktop.store.models import Base, SyncedMixin


class QbrDraft(SyncedMixin, Base):
    """One narrative section of one account's QBR for one quarter, as the CSM last edited it."""

    __tablename__ = "qbr_draft"
    __table_args__ = (
        UniqueConstraint("account_id", "quarter", "section", name="uq_qbr_draft_section"),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"))
    # Calendar quarter as written by ``Quarter.__str__``, such as "2024Q4".
    quarter: Mapped[str] = mapped_column(String(7))
    # Section key such as "summary" or "recommendations".
    section: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text, default="")


class QbrPreference(SyncedMixin, Base):
    """The sections and version an account's QBR was last exported with."""

    __tablename__ = "qbr_preference"
    __table_args__ = (UniqueConstraint("account_id", name="uq_qbr_preference_account"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"))
    sections: Mapped[list[str]] = mapped_column(default=list)
    # "customer" or "internal".
    version: Mapped[str] = mapped_column(String(20), default="customer")
