"""Column types for domain values that SQLite has no native type for."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from csm_desktop.store.money import MONEY_FACTOR, MONEY_SCALE, money_from_storage


class Money(TypeDecorator[Decimal]):
    """A Decimal amount stored exactly as an integer count of 1/10,000 units.

    SQLite has no decimal type and would store NUMERIC as a binary float; an
    integer keeps amounts exact and still sorts and sums in SQL. Four places
    cover every ISO 4217 currency (most use two, a few use three).
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | str | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        amount = Decimal(value).quantize(MONEY_SCALE, rounding=ROUND_HALF_EVEN)
        return int(amount * MONEY_FACTOR)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return money_from_storage(value)


def money_to_storage(value: Decimal | None) -> int | None:
    """Convert an amount to the stored integer, for bulk Core inserts that skip the type."""
    return Money().process_bind_param(value, None)  # type: ignore[arg-type]


class UTCDateTime(TypeDecorator[datetime]):
    """An instant stored as naive UTC text and returned as an aware UTC datetime.

    Naive values passed in are taken to be UTC already.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utc_now() -> datetime:
    """Return the current instant as an aware UTC datetime."""
    return datetime.now(UTC)
