"""Portfolio rows for a session: one summary line per live account.

The read itself is ``portfolio_read.read_portfolio`` in plain SQL, run here
on the session's own connection and transaction. It issues a fixed number
of queries whatever the number of accounts (the accounts, one per dated
source, the health snapshots and the overrides), so it scales to tens of
thousands of rows.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.orm import Session

from csm_desktop.services.portfolio_read import read_portfolio
from csm_desktop.services.portfolio_rows import (  # noqa: F401 (re-exported)
    PortfolioRow,
    add_months,
    next_renewal,
)


def load_portfolio(session: Session) -> list[PortfolioRow]:
    """Load one row per account that is not deleted, ordered by name."""
    return read_portfolio(driver_connection(session))


def driver_connection(session: Session) -> sqlite3.Connection:
    """Return the sqlite3 connection under ``session``, inside its current transaction."""
    connection = session.connection().connection.driver_connection
    if not isinstance(connection, sqlite3.Connection):
        raise TypeError(f"The portfolio read needs SQLite, not {type(connection).__name__}")
    return connection
