"""Write a screenshot of every screen into docs/ from the demo data, offscreen.

Screens: Today, the portfolio, the account workspace (overview and notes),
the command palette and the Settings dialog.

Usage: ``.venv/bin/python scripts/screenshots.py [--db PATH]``. Without
``--db`` the demo is imported into a temporary database first (about ten
seconds). The account shown is the one with the most tickets among those
with a health score, so every tab has content.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from csm_desktop.services.demo import load_demo  # noqa: E402
from csm_desktop.store.database import Database, open_database  # noqa: E402
from csm_desktop.store.models import Account, Activity, SupportTicket  # noqa: E402
from csm_desktop.ui.app import create_application  # noqa: E402
from csm_desktop.ui.main_window import MainWindow  # noqa: E402

WINDOW_SIZE = (1400, 860)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database that already holds the demo data")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs", help="output folder")
    parser.add_argument("--language", default="en", help="UI language, 'en' or 'es'")
    parser.add_argument(
        "--size", default="x".join(map(str, WINDOW_SIZE)), help="window size, WIDTHxHEIGHT"
    )
    args = parser.parse_args()

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app = create_application()
    if args.language != "en":
        from csm_desktop.ui.i18n import install_translators

        install_translators(app, args.language)
    db_path = args.db or Path(tempfile.mkdtemp(prefix="csm-shots-")) / "demo.sqlite"
    db = open_database(db_path)
    if args.db is None:
        load_demo(db)

    window = MainWindow(db)
    width, height = (int(part) for part in args.size.split("x"))
    window.resize(width, height)
    window.show()
    try:
        return _shoot(app, window, db, args.out)
    finally:
        window.close()
        db.dispose()


def _shoot(app: QApplication, window: MainWindow, db: Database, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    window.show_today()
    _wait_for(app, window.today_page.loaded, window.reload_portfolio)
    _wait_for(app, window.portfolio_page.loaded, lambda: None)
    window.grab().save(str(out / "today.png"))

    window.show_portfolio()
    app.processEvents()
    window.grab().save(str(out / "portfolio.png"))

    window.palette_action.trigger()
    palette = window.palette
    _wait_for(app, palette.results_shown, lambda: palette.search_edit.setText("comp"))
    _grab_with_dialog(app, window, palette, out / "palette.png")
    palette.reject()

    window.settings_action.trigger()
    _grab_with_dialog(app, window, window.settings_dialog, out / "settings.png")
    window.settings_dialog.reject()

    account_id = _busiest_account(db)
    _add_sample_note(db, account_id)
    _wait_for(app, window.account_page.loaded, lambda: window.open_account(account_id))
    window.account_page.tabs.setCurrentIndex(0)
    app.processEvents()
    window.grab().save(str(out / "account.png"))

    notes_list = getattr(window.account_page, "notes_list", None)
    if notes_list is not None:
        notes_tab = window.account_page.tabs.indexOf(notes_list.parentWidget())
        window.account_page.tabs.setCurrentIndex(notes_tab)
        app.processEvents()
        window.grab().save(str(out / "account-notes.png"))
    print(f"Wrote screenshots to {out}")
    return 0


def _grab_with_dialog(app: QApplication, window: MainWindow, dialog: QWidget, path: Path) -> None:
    """Save the window with ``dialog`` painted over its centre, as a user would see it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    app.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    shot = dialog.grab()
    painter.drawPixmap(
        QPoint((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 3), shot
    )
    painter.end()
    picture.save(str(path))


def _wait_for(app: QApplication, signal: object, trigger: object) -> None:
    """Run ``trigger`` and process events until ``signal`` fires (at most 60 s)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(60_000, loop.quit)
    trigger()  # type: ignore[operator]
    loop.exec()
    app.processEvents()


def _busiest_account(db: Database) -> object:
    with db.session() as session:
        query = (
            select(Account.id)
            .join(SupportTicket, SupportTicket.account_id == Account.id)
            .where(Account.lifecycle_stage != "churned")
            .group_by(Account.id)
            .order_by(func.count(SupportTicket.id).desc(), Account.name)
            .limit(1)
        )
        return session.scalar(query)


def _add_sample_note(db: Database, account_id: object) -> None:
    from datetime import date

    from csm_desktop.services.accounts import add_note

    with db.session() as session:
        exists = session.scalar(select(Activity.id).where(Activity.account_id == account_id))
    if exists is None:
        add_note(
            db,
            account_id,  # type: ignore[arg-type]
            kind="call",
            occurred_on=date(2024, 12, 18),
            title="Renewal prep call",
            attendees="Dana (VP Ops), Lee (Admin)",
            body="Walked through Q4 usage. Two escalated tickets are resolved; "
            "the team wants SSO before renewal.",
            next_steps="Send the SSO rollout plan by 10 January.",
        )


if __name__ == "__main__":
    sys.exit(main())
