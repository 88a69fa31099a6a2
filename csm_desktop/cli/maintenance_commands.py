"""Maintenance sub-commands: backups, the integrity check and erasing a contact."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from csm_desktop.cli.common import EXIT_FAILED, EXIT_OK, CommandError


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``backup``, ``integrity-check`` and ``erase-contact`` to ``commands``."""
    backup = commands.add_parser(
        "backup", help=QCoreApplication.translate("Cli", "create, list or restore backups")
    )
    actions = backup.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    create = actions.add_parser(
        "create", help=QCoreApplication.translate("Cli", "back up the database now")
    )
    create.add_argument(
        "--keep",
        type=int,
        metavar="N",
        help=QCoreApplication.translate(
            "Cli", "then delete all but the newest N backups (default: the app's setting)"
        ),
    )
    actions.add_parser("list", help=QCoreApplication.translate("Cli", "list backups, newest first"))
    restore = actions.add_parser(
        "restore",
        help=QCoreApplication.translate(
            "Cli", "replace the database with a backup (the current file is backed up first)"
        ),
    )
    restore.add_argument(
        "backup_file",
        metavar="BACKUP",
        help=QCoreApplication.translate(
            "Cli", "backup file, or 'newest' for the newest sound backup"
        ),
    )
    backup.set_defaults(handler=_backup, needs_db=False)

    check = commands.add_parser(
        "integrity-check",
        help=QCoreApplication.translate(
            "Cli", "check the database file with SQLite's quick_check, without changing it"
        ),
    )
    check.set_defaults(handler=_integrity_check, needs_db=False)

    erase = commands.add_parser(
        "erase-contact",
        help=QCoreApplication.translate(
            "Cli", "erase a contact's name, email, phone and survey comments on request"
        ),
    )
    erase.add_argument(
        "contact",
        metavar="ID_OR_EMAIL",
        help=QCoreApplication.translate("Cli", "contact UUID, or an email or name matching one"),
    )
    erase.set_defaults(handler=_erase_contact)


def _database_path(args: argparse.Namespace) -> Path:
    from csm_desktop.cli import _database_path as default_path

    return Path(default_path(args)).expanduser().resolve()


def _backup(_db: None, args: argparse.Namespace) -> int:
    """Run backups on the file directly, so they also work while the app has it open."""
    from csm_desktop.store import backup as backups

    db_path = _database_path(args)
    if args.backup_action == "list":
        for info in backups.list_backups(db_path):
            print(f"{info.created:%Y-%m-%d %H:%M:%S}\t{info.kind}\t{info.size}\t{info.path}")
        return EXIT_OK

    if not db_path.is_file():
        raise CommandError(f"{db_path} does not exist; there is nothing to back up or restore.")
    if args.backup_action == "create":
        return _create_backup(db_path, args.keep)
    return _restore(db_path, args.backup_file)


def _create_backup(db_path: Path, keep: int | None) -> int:
    from csm_desktop.store import backup as backups

    try:
        info = backups.create_backup(db_path, "manual")
    except backups.BackupError as exc:
        raise CommandError(str(exc)) from exc
    if keep is not None:
        if keep < backups.MIN_KEEP:
            raise CommandError(f"--keep must be at least {backups.MIN_KEEP}, not {keep}.")
        backups.prune_backups(db_path, keep)
    print(info.path)
    return EXIT_OK


def _restore(db_path: Path, chosen: str) -> int:
    """Restore while holding the instance lock, so a running app is never swapped under."""
    from csm_desktop.store import backup as backups
    from csm_desktop.store.database import DatabaseInUseError, take_instance_lock

    if chosen == "newest":
        info = backups.newest_backup(db_path)
        if info is None:
            raise CommandError(f"No sound backup of {db_path.name} was found.")
        source = info.path
    else:
        source = Path(chosen).expanduser().resolve()
        if not source.is_file():
            raise CommandError(f"The backup {source} does not exist.")

    try:
        lock = take_instance_lock(db_path)
    except DatabaseInUseError as exc:
        raise CommandError(f"{exc} Close the app before restoring.") from exc
    try:
        safety = backups.restore_backup(source, db_path)
    except backups.BackupError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        lock.release()
    print(f"Restored {db_path} from {source}.")
    if safety is not None:
        print(f"The previous contents were backed up to {safety.path}.")
    return EXIT_OK


def _integrity_check(_db: None, args: argparse.Namespace) -> int:
    from csm_desktop.store.integrity import check_file

    db_path = _database_path(args)
    if not db_path.is_file():
        raise CommandError(f"{db_path} does not exist.")
    result = check_file(db_path)
    if result.ok:
        print(f"{db_path}: ok")
        return EXIT_OK
    print(f"{db_path}: {result.problem}", file=sys.stderr)
    return EXIT_FAILED


def _erase_contact(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.privacy import erase_contact, find_contacts

    matches = find_contacts(db, args.contact)
    if not matches:
        raise CommandError(f"No contact matches {args.contact!r}; nothing was erased.")
    if len(matches) > 1:
        ids = ", ".join(str(contact.id) for contact in matches[:10])
        raise CommandError(
            f"{len(matches)} contacts match {args.contact!r}; give one id to erase: {ids}"
        )
    result = erase_contact(db, matches[0].id)
    print(f"Erased contact {result.contact_id} ({result.surveys_cleared} survey comments cleared).")
    return EXIT_OK
