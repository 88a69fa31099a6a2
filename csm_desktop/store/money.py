"""The stored form of amounts: integers of 1/10,000 units. Free of SQLAlchemy for raw reads."""

from __future__ import annotations

from decimal import Decimal

MONEY_SCALE = Decimal("0.0001")
MONEY_FACTOR = 10_000


def money_from_storage(stored: int | None) -> Decimal | None:
    """Return the exact amount for a stored integer (None stays None)."""
    return None if stored is None else (Decimal(stored) / MONEY_FACTOR).quantize(MONEY_SCALE)
