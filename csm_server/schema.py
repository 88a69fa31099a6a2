"""Server tables, written as SQLAlchemy Core so PostgreSQL and SQLite share them.

Every synced entity lives in ``sync_record`` as JSON data plus its
versioning columns. That one table is also the ordered change index: pull
reads it by ``(team_id, seq)``, and because each row keeps only its latest
``seq``, no compaction job is needed.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    Uuid,
)

metadata = MetaData()

team = Table(
    "team",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    # Last sequence number handed out; the push transaction locks this row.
    Column("seq", BigInteger, nullable=False, default=0),
    # Names this database's life; changed after a restore from backup.
    Column("epoch", Uuid, nullable=False),
    # Pulls from a cursor below this seq get 410: tombstones up to it were purged.
    Column("min_cursor_seq", BigInteger, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

app_user = Table(
    "app_user",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("team_id", Uuid, ForeignKey("team.id"), nullable=False, index=True),
    Column("email", String(255), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
)

api_token = Table(
    "api_token",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, ForeignKey("app_user.id"), nullable=False, index=True),
    Column("token_sha256", LargeBinary(32), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True)),
    Column("expires_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

# Short-lived bearer tokens exchanged for a personal access token at POST /v1/auth/session.
# Each one is valid only while its api_token is neither revoked nor expired.
access_token = Table(
    "access_token",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("api_token_id", Uuid, ForeignKey("api_token.id"), nullable=False, index=True),
    Column("token_sha256", LargeBinary(32), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

sync_client = Table(
    "sync_client",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, ForeignKey("app_user.id"), nullable=False, index=True),
    Column("team_id", Uuid, ForeignKey("team.id"), nullable=False),
    Column("name", String(200), nullable=False, default=""),
    Column("app_version", String(40), nullable=False, default=""),
    Column("last_client_seq", BigInteger, nullable=False, default=0),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    # Seq of the last cursor the device reported as fully applied, its checkpoint. The
    # tombstone purge horizon is the lowest checkpoint among the team's active devices.
    Column("pulled_seq", BigInteger),
)

mutation_log = Table(
    "mutation_log",
    metadata,
    Column("client_id", Uuid, ForeignKey("sync_client.id"), primary_key=True),
    Column("client_seq", BigInteger, primary_key=True),
    Column("mutation_id", Uuid, nullable=False),
    Column("tx", Uuid),
    Column("status", String(20), nullable=False),
    Column("seq", BigInteger),
    Column("result", JSON, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

sync_record = Table(
    "sync_record",
    metadata,
    Column("team_id", Uuid, ForeignKey("team.id"), primary_key=True),
    Column("entity", String(40), primary_key=True),
    Column("id", Uuid, primary_key=True),
    Column("data", JSON, nullable=False),
    # field -> seq of its last change, and field -> HLC of the winning edit.
    Column("field_seq", JSON, nullable=False),
    Column("field_hlc", JSON, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("deleted_seq", BigInteger),
    Column("restored_seq", BigInteger),
    # For immutable entities: sha256 of the canonical insert payload.
    Column("payload_sha256", String(64)),
    Column("created_by", Uuid),
    Column("updated_by", Uuid),
    # Scope columns, derived from ``data`` on every save (see ``records.scope_of``): the
    # account a row belongs to (its own id for an account, None for team-wide rows), and
    # on account rows the lower-cased owner ("" when unowned).
    Column("account_id", Uuid),
    Column("owner_key", String(255)),
    # Pull walks a team's rows in seq order and tests each row's account against the
    # user's accounts. With account_id in the index, that test reads the index alone.
    Index("ix_sync_record_team_seq", "team_id", "seq", "account_id"),
    # The user's accounts: account rows of a team by owner.
    Index("ix_sync_record_owner", "team_id", "entity", "owner_key"),
    # The rows of one account: moved together when its owner changes, and read in seq
    # order per account when a CSM's pull looks for rows after its page.
    Index("ix_sync_record_account", "team_id", "account_id", "seq"),
)

# An account that left an owner's scope at ``seq``. A CSM whose cursor is below ``seq``
# gets a ``remove`` change for it, so their app drops the account and its records.
scope_exit = Table(
    "scope_exit",
    metadata,
    Column("team_id", Uuid, ForeignKey("team.id"), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("account_id", Uuid, primary_key=True),
    Column("owner_key", String(255), primary_key=True),
)
