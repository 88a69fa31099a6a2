"""Tables of the data-safety features: the record of erased contacts.

An erasure record proves that a contact's personal data was erased on
request without keeping any of it: it stores ids, the instant and the
names of the fields cleared, never their former values.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from csm_desktop.store.models import Base, SyncedMixin


class ErasureRecord(SyncedMixin, Base):
    """One erasure of a contact's personal data: which contact, when, and which fields."""

    __tablename__ = "erasure_record"

    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contact.id"), index=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"))
    erased_at: Mapped[datetime] = mapped_column()
    # Comma-separated column names, for example "name,email,phone,survey_response.verbatim".
    fields: Mapped[str] = mapped_column(String(400))
    surveys_cleared: Mapped[int] = mapped_column(default=0)
