"""The generic import end to end on real SQLite files: mapping, checks, idempotence, rollback."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from csm_desktop.importers.analysis import DecisionNeeded
from csm_desktop.importers.engine import run_import
from csm_desktop.importers.mapping import ImportSpec, suggest_columns
from csm_desktop.importers.profiles import (
    PROFILES_BY_KEY,
    find_mapping,
    load_mapping,
    match_profiles,
    save_mapping,
)
from csm_desktop.importers.tabular import open_table
from csm_desktop.progress import Cancelled, CancelToken
from csm_desktop.store.import_models import ImportRun
from csm_desktop.store.models import (
    Account,
    Contact,
    Invoice,
    SurveyResponse,
    UsageMetric,
)

DATA = Path(__file__).parent / "data"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _accounts(db) -> dict[str, Account]:
    with db.session() as session:
        return {a.name: a for a in session.scalars(select(Account))}


SPANISH = (
    "Informe de cuentas\n\n"
    "Id cliente;Nombre;Dominio;ARR;Fecha de renovación;Propietario;En prueba\n"
    "007;Acme España S.L.;https://www.acme.es/;1.234,56 €;15/03/2025;Lucía;sí\n"
    "008;Beta;beta.com;12,5;01/02/2025;José;no\n"
    "009;Gamma;gamma.io;1.234;03/04/2025;Ana;x\n"
    ";;;;;;\n"
    "Total general;;;2.481,06;;;\n"
)


def _spanish_spec(path: Path) -> ImportSpec:
    header = open_table(path).header
    return ImportSpec("accounts", "erp", columns=suggest_columns("accounts", header))


def test_spanish_mapping_suggested(tmp_path):
    path = _write(tmp_path, "cuentas.csv", SPANISH, "cp1252")
    columns = _spanish_spec(path).columns
    assert columns["external_id"] == "Id cliente"
    assert columns["name"] == "Nombre"
    assert columns["domain"] == "Dominio"
    assert columns["arr"] == "ARR"
    assert columns["renewal_date"] == "Fecha de renovación"
    assert columns["owner"] == "Propietario"
    assert columns["is_trial"] == "En prueba"


def test_spanish_excel_file_imported(db, tmp_path):
    path = _write(tmp_path, "cuentas.csv", SPANISH, "cp1252")
    report = run_import(db, path, _spanish_spec(path))

    counts = report.summary.counts("accounts")
    assert counts.created == 3
    assert counts.skipped == 0
    assert report.blank_rows == 1
    assert report.summary_rows == 1
    accounts = _accounts(db)
    acme = accounts["Acme España S.L."]
    assert acme.external_id == "007"
    assert acme.arr == Decimal("1234.56")
    assert acme.currency == "EUR"
    assert acme.domain == "acme.es"
    assert acme.renewal_date == date(2025, 3, 15)
    assert acme.is_trial is True
    assert accounts["Beta"].arr == Decimal("12.5")
    assert accounts["Gamma"].arr == Decimal("1234")
    assert accounts["Gamma"].renewal_date == date(2025, 4, 3)


def test_reimport_changes_nothing(db, tmp_path):
    path = _write(tmp_path, "cuentas.csv", SPANISH, "cp1252")
    run_import(db, path, _spanish_spec(path))
    with db.session() as session:
        before = {a.id: a.updated_at for a in session.scalars(select(Account))}

    report = run_import(db, path, _spanish_spec(path))

    counts = report.summary.counts("accounts")
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 3)
    with db.session() as session:
        after = {a.id: a.updated_at for a in session.scalars(select(Account))}
    assert after == before


def test_updated_file_updates(db, tmp_path):
    path = _write(tmp_path, "cuentas.csv", SPANISH, "cp1252")
    run_import(db, path, _spanish_spec(path))
    path.write_bytes(SPANISH.replace("12,5;", "99,5;").encode("cp1252"))

    report = run_import(db, path, _spanish_spec(path))

    assert report.summary.counts("accounts").updated == 1
    assert _accounts(db)["Beta"].arr == Decimal("99.5")


def test_ambiguous_number_is_row_error(db, tmp_path):
    path = _write(tmp_path, "a.csv", 'id,name,arr\n1,Acme,"1,234"\n2,Beta,500\n')
    spec = ImportSpec(
        "accounts", "crm", columns={"external_id": "id", "name": "name", "arr": "arr"}
    )

    report = run_import(db, path, spec)

    assert report.summary.counts("accounts").created == 1
    assert report.rejected_rows == 1
    issue = report.issues[0]
    assert (issue.line, issue.column, issue.value) == (2, "arr", "1,234")
    assert "decimal separator" in issue.reason
    assert set(_accounts(db)) == {"Beta"}


def test_decimal_choice_reads_ambiguous(db, tmp_path):
    path = _write(tmp_path, "a.csv", 'id,name,arr\n1,Acme,"1,234"\n')
    spec = ImportSpec(
        "accounts",
        "crm",
        columns={"external_id": "id", "name": "name", "arr": "arr"},
        decimal_styles={"arr": "point"},
    )
    run_import(db, path, spec)
    assert _accounts(db)["Acme"].arr == Decimal("1234")


def test_ambiguous_dates_ask_user(db, tmp_path):
    text = "id,name,renewal\n1,Acme,03/04/2025\n2,Beta,05/06/2025\n"
    path = _write(tmp_path, "a.csv", text)
    spec = ImportSpec(
        "accounts", "crm", columns={"external_id": "id", "name": "name", "renewal_date": "renewal"}
    )
    with pytest.raises(DecisionNeeded) as raised:
        run_import(db, path, spec)
    assert "renewal" in raised.value.date_columns
    assert _count(db, Account) == 0

    spec.date_orders["renewal"] = "mdy"
    run_import(db, path, spec)
    assert _accounts(db)["Acme"].renewal_date == date(2025, 3, 4)


def test_one_day_over_twelve_settles_column(db, tmp_path):
    text = "id,name,renewal\n1,Acme,03/04/2025\n2,Beta,15/06/2025\n"
    path = _write(tmp_path, "a.csv", text)
    spec = ImportSpec(
        "accounts", "crm", columns={"external_id": "id", "name": "name", "renewal_date": "renewal"}
    )
    run_import(db, path, spec)
    assert _accounts(db)["Acme"].renewal_date == date(2025, 4, 3)


def test_leading_zero_ids_kept(db, tmp_path):
    path = _write(tmp_path, "a.csv", "id,name,phone\n000123,Acme,0034600111222\n")
    spec = ImportSpec("accounts", "crm", columns={"external_id": "id", "name": "name"})
    run_import(db, path, spec)
    assert _accounts(db)["Acme"].external_id == "000123"


def test_bad_rows_reported_with_reasons(db, tmp_path):
    text = (
        "id,name,seats,trial,renewal\n1,Acme,ten,yes,2025-01-01\n2,,5,no,2025-01-01\n"
        "3,Gamma,5,maybe,2025-02-30\n4,Delta,5,no,2025-01-01\n"
    )
    path = _write(tmp_path, "a.csv", text)
    spec = ImportSpec(
        "accounts",
        "crm",
        columns={
            "external_id": "id",
            "name": "name",
            "seats": "seats",
            "is_trial": "trial",
            "renewal_date": "renewal",
        },
    )
    report = run_import(db, path, spec)
    assert report.rejected_rows == 3
    found = {(i.line, i.column) for i in report.issues}
    assert found == {(2, "seats"), (3, "name"), (4, "trial"), (4, "renewal")}
    assert set(_accounts(db)) == {"Delta"}


def test_cancel_rolls_back(db, tmp_path):
    lines = ["id,name"] + [f"{n},Account {n}" for n in range(12_000)]
    path = _write(tmp_path, "a.csv", "\n".join(lines) + "\n")
    spec = ImportSpec("accounts", "crm", columns={"external_id": "id", "name": "name"})
    token = CancelToken()

    def cancel_after_first_batch(done, total, message):
        if done >= 5_000 and message.startswith("Importing"):
            token.cancel()

    with pytest.raises(Cancelled):
        run_import(db, path, spec, progress=cancel_after_first_batch, cancel=token)
    assert _count(db, Account) == 0
    assert _count(db, ImportRun) == 0


def test_dry_run_writes_nothing(db, tmp_path):
    path = _write(tmp_path, "cuentas.csv", SPANISH, "cp1252")
    report = run_import(db, path, _spanish_spec(path), dry_run=True)
    assert report.summary.counts("accounts").created == 3
    assert _count(db, Account) == 0
    assert _count(db, ImportRun) == 0


def test_import_run_recorded(db, tmp_path):
    path = _write(tmp_path, "cuentas.csv", SPANISH, "cp1252")
    run_import(db, path, _spanish_spec(path))
    with db.session() as session:
        run = session.scalars(select(ImportRun)).one()
    assert (run.entity, run.created, run.rejected, run.skipped_summary) == ("accounts", 3, 0, 1)
    assert "Windows-1252" in run.detected


def test_match_on_domain_updates_other_source(db, tmp_path):
    path = _write(tmp_path, "crm.csv", "id,name,web\nA1,Acme Inc,acme.com\n")
    run_import(
        db,
        path,
        ImportSpec(
            "accounts", "crm", columns={"external_id": "id", "name": "name", "domain": "web"}
        ),
    )
    other = _write(tmp_path, "hs.csv", "Company,Website,Owner\nACME,https://www.acme.com,Ann\n")
    spec = ImportSpec(
        "accounts",
        "hubspot",
        match_key="domain",
        columns={"name": "Company", "domain": "Website", "owner": "Owner"},
    )
    report = run_import(db, other, spec)
    assert report.summary.counts("accounts").updated == 1
    accounts = _accounts(db)
    assert list(accounts) == ["ACME"]
    assert accounts["ACME"].owner == "Ann"
    assert accounts["ACME"].source == "crm"


def test_match_on_normalised_name(db, tmp_path):
    path = _write(tmp_path, "a.csv", 'name\n"Acme, Inc."\n')
    run_import(db, path, ImportSpec("accounts", "crm", columns={"name": "name"}))
    again = _write(tmp_path, "b.csv", "name,owner\nACME Inc,Bo\n")
    report = run_import(
        db,
        again,
        ImportSpec("accounts", "x", match_key="name", columns={"name": "name", "owner": "owner"}),
    )
    assert report.summary.counts("accounts").updated == 1
    assert _count(db, Account) == 1


def test_missing_account_reference_rejected(db, tmp_path):
    path = _write(tmp_path, "c.csv", "account,first,last\nNowhere,Ann,Lee\n")
    spec = ImportSpec(
        "contacts",
        "crm",
        account_key="name",
        columns={"account": "account", "first_name": "first", "last_name": "last"},
    )
    report = run_import(db, path, spec)
    assert report.rejected_rows == 1
    assert "no account has the name" in report.issues[0].reason
    assert _count(db, Account) == 0


def test_salesforce_report_profiles(db):
    path = DATA / "salesforce-lwc-recipes" / "Accounts-Contacts.csv"
    keys = [p.key for p in match_profiles(open_table(path).header)]
    assert keys == ["salesforce-report-contacts", "salesforce-report-accounts"]

    accounts = run_import(db, path, PROFILES_BY_KEY["salesforce-report-accounts"].make_spec())
    assert accounts.summary.counts("accounts").created == 10
    assert accounts.rejected_rows == 0
    assert any("repeat an earlier row exactly" in note for note in accounts.notes)
    contacts = run_import(db, path, PROFILES_BY_KEY["salesforce-report-contacts"].make_spec())
    assert contacts.summary.counts("contacts").created == 6
    assert contacts.rejected_rows == 8
    assert _count(db, Account) == 10
    with db.session() as session:
        amy = session.scalars(select(Contact).where(Contact.email == "amy@demo.net")).one()
        assert amy.name == "Amy Taylor"
        assert amy.phone == "4152568563"


def test_salesforce_tree_json(db):
    folder = DATA / "salesforce-lwc-recipes"
    run_import(
        db, folder / "Accounts.json", PROFILES_BY_KEY["salesforce-tree-accounts"].make_spec()
    )
    report = run_import(
        db, folder / "Contacts.json", PROFILES_BY_KEY["salesforce-tree-contacts"].make_spec()
    )
    assert report.summary.counts("contacts").created == 6
    assert _count(db, Account) == 10


@pytest.mark.slow
def test_telco_file_counts(db):
    path = DATA / "ibm-telco-churn" / "Telco-Customer-Churn.csv"
    report = run_import(db, path, PROFILES_BY_KEY["telco-churn"].make_spec())
    assert report.summary.counts("accounts").created == 7043
    with db.session() as session:
        churned = session.scalar(select(func.count()).where(Account.lifecycle_stage == "churned"))
        two_year = session.scalar(select(func.count()).where(Account.term_months == 24))
    assert churned == 1869
    assert two_year > 0


def test_nps_scales_recognised(db):
    folder = DATA / "nps-survey-exports"
    spec = PROFILES_BY_KEY["prep-air-nps"].make_spec()
    spec.constants["responded_on"] = "2024-06-30"
    report = run_import(db, folder / "prepair_nps_prep_air_input_02.csv", spec)
    assert report.summary.counts("survey_responses").created == 184
    with db.session() as session:
        scores = list(session.scalars(select(SurveyResponse.score)))
        kinds = set(session.scalars(select(SurveyResponse.kind)))
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    assert kinds == {"nps"}
    assert round(100 * (promoters - detractors) / len(scores), 1) == 21.2


def test_sudzilla_needs_date_order_then_imports(db):
    folder = DATA / "nps-survey-exports"
    spec = PROFILES_BY_KEY["sudzilla-survey"].make_spec()
    with pytest.raises(DecisionNeeded):
        run_import(db, folder / "sudzilla_survey_input_01.csv", spec)
    spec.date_orders["Timestamp"] = "mdy"
    first = run_import(db, folder / "sudzilla_survey_input_01.csv", spec)
    assert first.summary.counts("survey_responses").created == 39
    iso = run_import(
        db, folder / "sudzilla_survey_input_02.csv", PROFILES_BY_KEY["sudzilla-survey"].make_spec()
    )
    assert iso.summary.counts("survey_responses").unchanged == 39
    with db.session() as session:
        scores = list(session.scalars(select(SurveyResponse.score)))
    nps = 100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores)
    assert round(nps, 1) == -35.9


def test_score_outside_scale_rejected(db, tmp_path):
    path = _write(tmp_path, "s.csv", "company,date,score\nAcme,2024-01-01,11\nAcme,2024-01-02,9\n")
    spec = ImportSpec(
        "survey_responses",
        "survey",
        account_key="name",
        create_missing_accounts=True,
        scale="nps_0_10",
        columns={"account": "company", "responded_on": "date", "score": "score"},
    )
    report = run_import(db, path, spec)
    assert report.rejected_rows == 1
    assert "outside" in report.issues[0].reason
    assert _count(db, SurveyResponse) == 1


def test_invoice_shape_with_us_dates(db, tmp_path):
    text = (
        "countryCode,customerID,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,SettledDate\r\n"
        "391,0379-NEVHP,0611365,1/2/2013,2/1/2013,55.94,1/15/2013\r\n"
        "406,8976-AMJEO,7900770,1/26/2013,2/25/2013,61.74,3/3/2013\r\n"
    )
    path = _write(tmp_path, "ar.csv", text)
    spec = match_profiles(open_table(path).header)[0].make_spec()
    report = run_import(db, path, spec)
    assert report.summary.counts("invoices").created == 2
    with db.session() as session:
        first = session.scalars(select(Invoice).where(Invoice.external_id == "0611365")).one()
    assert first.issued_on == date(2013, 1, 2)
    assert first.paid_on == date(2013, 1, 15)
    assert first.status == "paid"


def test_usage_rows_keyed_and_repeats(db, demo_dir):
    from csm_desktop.importers.ravenstack import import_ravenstack

    import_ravenstack(db, demo_dir)
    spec = PROFILES_BY_KEY["ravenstack-usage"].make_spec()
    report = run_import(db, demo_dir / "ravenstack_feature_usage.csv", spec)
    counts = report.summary.counts("usage")
    assert counts.unchanged == 25_000
    assert counts.created == 0
    assert _count(db, UsageMetric) == 25_000


def test_saved_mapping_found_by_header(db, tmp_path):
    path = _write(tmp_path, "cuentas.csv", SPANISH, "cp1252")
    spec = _spanish_spec(path)
    spec.decimal_styles["*"] = "comma"
    header = open_table(path).header
    with db.session() as session:
        save_mapping(session, spec, header)
    with db.session() as session:
        by_header = find_mapping(session, header)
        by_source = load_mapping(session, "erp", "accounts")
    assert by_header.columns == spec.columns
    assert by_source.decimal_styles == {"*": "comma"}


def test_import_tables_match_migration(db):
    from csm_desktop.store.import_models import ImportRun, SavedMapping

    inspector = inspect(db.engine)
    for model in (SavedMapping, ImportRun):
        table = model.__table__
        migrated = {c["name"]: c for c in inspector.get_columns(table.name)}
        assert set(migrated) == set(table.c.keys())
        for column in table.c:
            assert migrated[column.name]["nullable"] == column.nullable, column.name
    indexes = {i["name"] for i in inspector.get_indexes("import_mapping")}
    assert "ix_import_mapping_header_signature" in indexes


def test_every_rejection_reaches_the_file(db, tmp_path, monkeypatch):
    import csv

    from csm_desktop.importers import engine

    monkeypatch.setattr(engine, "MAX_ISSUES", 3)
    rows = "".join(f"Nowhere {n},Ann,ann@example.com\n" for n in range(12))
    path = _write(tmp_path, "c.csv", "account,first,email\n" + rows)
    spec = ImportSpec(
        "contacts",
        "crm",
        account_key="name",
        columns={"account": "account", "first_name": "first", "email": "email"},
    )

    report = run_import(db, path, spec)

    assert report.rejected_rows == 12
    assert len(report.issues) == 3
    assert report.rejections_file is not None
    with report.rejections_file.open(encoding="utf-8-sig", newline="") as handle:
        saved = list(csv.reader(handle))
    assert saved[0] == ["account", "first", "email", "Line in source file", "Rejection reasons"]
    assert len(saved) == 13
    assert saved[12][:4] == ["Nowhere 11", "Ann", "ann@example.com", "13"]
    assert saved[12][4].startswith("account: no account has the name 'Nowhere 11'")
    assert f"every rejected row: {report.rejections_file}" in report.format_lines()


def test_rejected_rows_fixed_and_imported_again(db, tmp_path):
    """The rejections file, fixed in place, imports with the same mapping and adds only its rows."""
    import csv

    text = (
        "Account Name;ARR;Renewal Date;Seats\n"
        "Acme;1000;2025-01-01;10\n"
        "Beta España;abc;2025-02-02;many\n"
        ";3000;2025-03-03;30\n"
        "=Gamma;4000;next year;40\n"
        "Delta;-5;2025-05-05;50\n"
    )
    path = _write(tmp_path, "cuentas.csv", text, "cp1252")
    columns = {"name": "Account Name", "arr": "ARR", "renewal_date": "Renewal Date"}
    spec = ImportSpec("accounts", "crm", columns={**columns, "seats": "Seats"}, delimiter=";")

    first = run_import(db, path, spec)

    assert first.rejected_rows == 3
    assert first.rejections_file is not None
    raw = first.rejections_file.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with first.rejections_file.open(encoding="cp1252", newline="") as handle:
        saved = list(csv.reader(handle, delimiter=";"))
    assert saved[0][:4] == ["Account Name", "ARR", "Renewal Date", "Seats"]
    assert [row[4] for row in saved[1:]] == ["3", "4", "5"]
    assert saved[1][5] == "Seats: not a number: 'many'; ARR: not a number: 'abc'"
    assert saved[2][5] == "Account Name: a value is required"
    assert saved[3][0] == "'=Gamma"
    assert len(saved) == 4

    saved[1][1:4:2] = ["2000", "20"]
    saved[2][0] = "Epsilon"
    saved[3][2] = "2025-04-04"
    fixed = tmp_path / "fixed.csv"
    with fixed.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(saved)
    second = run_import(db, fixed, spec)

    assert second.rejected_rows == 0
    assert second.rejections_file is None
    assert second.summary.counts("accounts").created == 3
    with db.session() as session:
        stored = dict(session.execute(select(Account.name, Account.arr)).all())
    assert stored == {
        "Acme": Decimal("1000"),
        "Beta España": Decimal("2000"),
        "Epsilon": Decimal("3000"),
        "=Gamma": Decimal("4000"),
        "Delta": Decimal("-5"),
    }

    third = run_import(db, fixed, spec)

    assert third.summary.counts("accounts").created == 0
    assert third.summary.counts("accounts").unchanged == 3


def test_second_rejection_file_replaces_extra_columns(db, tmp_path):
    import csv

    path = _write(tmp_path, "a.csv", "name,arr\nAcme,abc\n")
    spec = ImportSpec("accounts", "crm", columns={"name": "name", "arr": "arr"})
    first = run_import(db, path, spec)

    second = run_import(db, first.rejections_file, spec)

    with second.rejections_file.open(encoding="utf-8-sig", newline="") as handle:
        saved = list(csv.reader(handle))
    assert saved[0] == ["name", "arr", "Line in source file", "Rejection reasons"]
    assert saved[1] == ["Acme", "abc", "2", "arr: not a number: 'abc'"]


def test_writer_rejection_keeps_raw_cells(db, tmp_path):
    import csv

    path = _write(tmp_path, "a.csv", "id,name,arr\n7,Acme,10\n7,Acme,20\n")
    spec = ImportSpec(
        "accounts", "crm", columns={"external_id": "id", "name": "name", "arr": "arr"}
    )

    report = run_import(db, path, spec)

    assert report.rejected_rows == 1
    with report.rejections_file.open(encoding="utf-8-sig", newline="") as handle:
        saved = list(csv.reader(handle))
    assert saved[1][:4] == ["7", "Acme", "20", "3"]
    assert saved[1][4].startswith("id: repeats the key of line 2")


def test_clean_import_writes_no_rejection_file(db, tmp_path):
    from csm_desktop.importers.rejections import rejections_folder

    path = _write(tmp_path, "a.csv", "name\nAcme\n")
    spec = ImportSpec("accounts", "crm", columns={"name": "name"})

    report = run_import(db, path, spec)

    assert report.rejected_rows == 0
    assert report.rejections_file is None
    assert not rejections_folder().exists()


def test_old_rejection_files_pruned(tmp_path):
    from csm_desktop.importers.rejections import KEEP_FILES, RejectionLog

    for _ in range(KEEP_FILES + 3):
        info = open_table(_write(tmp_path, "x.csv", "name\nAcme\n")).info
        log = RejectionLog(info, folder=tmp_path / "rejected")
        log.add(2, ["Acme"], ["missing"])
        log.close()

    assert len(list((tmp_path / "rejected").glob("*-rejected-*.csv"))) == KEEP_FILES


def test_guarded_id_matches_after_reimport(db, tmp_path):
    import csv

    path = _write(tmp_path, "a.csv", "id,name,arr\n-A1,Acme,abc\n")
    spec = ImportSpec(
        "accounts", "crm", columns={"external_id": "id", "name": "name", "arr": "arr"}
    )
    first = run_import(db, path, spec)
    with first.rejections_file.open(encoding="utf-8-sig", newline="") as handle:
        saved = list(csv.reader(handle))
    assert saved[1][0] == "'-A1"

    saved[1][2] = "10"
    fixed = tmp_path / "fixed.csv"
    with fixed.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(saved)
    second = run_import(db, fixed, spec)
    third = run_import(db, _write(tmp_path, "b.csv", "id,name,arr\n-A1,Acme,10\n"), spec)

    assert second.summary.counts("accounts").created == 1
    assert third.summary.counts("accounts").created == 0
    assert third.summary.counts("accounts").unchanged == 1
    with db.session() as session:
        assert session.scalar(select(Account.external_id)) == "-A1"
