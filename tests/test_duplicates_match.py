"""Name, domain and CRM id normalisation and pair finding for possible duplicate accounts."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from csm_desktop.sync.duplicates import (
    CRM_ID,
    DOMAIN,
    NAME,
    AccountSummary,
    crm_key,
    find_pairs,
    normalize_domain,
    normalize_name,
)

# Letters with and without accents, digits, spaces and the punctuation names carry.
NAME_TEXT = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZéüñçÅØß0123456789 .,&-'")),
    max_size=30,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Acme, Inc.", "ACME"),
        ("Acme Inc", "acme llc"),
        ("Société Générale S.A.", "Societe Generale"),
        ("Müller GmbH & Co. KG", "MULLER"),
        ("Grupo Bimbo, S.A. de C.V.", "grupo bimbo"),
        ("O'Brien Ltd.", "OBrien"),
        ("Straße AG", "Strasse"),
        ("Acme-Widgets Corp.", "acme widgets"),
        ("Ａｃｍｅ", "acme"),
        ('דנה בע"מ', "דנה"),
    ],
)
def test_name_variants_match(one: str, other: str) -> None:
    assert normalize_name(one) == normalize_name(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Acme", "Acme Widgets"),
        ("Data Dog", "Datadog"),
        ("Acme Inc North", "Acme North"),
    ],
)
def test_different_names_differ(one: str, other: str) -> None:
    assert normalize_name(one) != normalize_name(other)


def test_name_of_only_suffixes_kept() -> None:
    assert normalize_name("Limited") == "limited"
    assert normalize_name("Inc. Inc.") == "inc"


def test_blank_name_is_empty() -> None:
    assert normalize_name(None) == ""
    assert normalize_name(" .,- ") == ""


@pytest.mark.parametrize(
    "address",
    [
        "acme.com",
        "ACME.COM",
        "www.acme.com",
        "https://www.acme.com/about?ref=1#team",
        "http://user@Acme.com:8080/",
        "acme.com.",
        "sales@acme.com",
        "www.www.acme.com",
    ],
)
def test_domain_variants_match(address: str) -> None:
    assert normalize_domain(address) == "acme.com"


def test_domain_keeps_other_subdomains() -> None:
    assert normalize_domain("eu.acme.com") == "eu.acme.com"
    assert normalize_domain("wwwacme.com") == "wwwacme.com"


def test_international_domain_uses_ascii_form() -> None:
    assert normalize_domain("https://www.München.de") == "xn--mnchen-3ya.de"
    assert normalize_domain("xn--mnchen-3ya.de") == "xn--mnchen-3ya.de"


def test_blank_domain_is_empty() -> None:
    assert normalize_domain(None) == ""
    assert normalize_domain("  ") == ""


def test_crm_key_needs_external_id() -> None:
    assert crm_key("Salesforce", " 001A ") == "salesforce:001A"
    assert crm_key("salesforce", "001A") == crm_key("SALESFORCE", "001A")
    assert crm_key("salesforce", "001a") != crm_key("salesforce", "001A")
    assert crm_key("salesforce", None) == ""
    assert crm_key(None, "  ") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_name_normalisation_idempotent(name: str) -> None:
    once = normalize_name(name)
    assert normalize_name(once) == once


@settings(max_examples=300, deadline=None)
@given(NAME_TEXT)
def test_name_ignores_case(name: str) -> None:
    assert normalize_name(name.upper()) == normalize_name(name)
    assert normalize_name(name.lower()) == normalize_name(name)


@settings(max_examples=300, deadline=None)
@given(NAME_TEXT, st.sampled_from(["Inc.", "LLC", ", Ltd", "GmbH", "S.A.", "s.a. de c.v."]))
def test_name_ignores_added_suffix(name: str, suffix: str) -> None:
    normalized = normalize_name(name)
    if normalized:
        assert normalize_name(f"{name} {suffix}") == normalized


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
@example("https://www.www.acme.com:80/")
def test_domain_normalisation_idempotent(address: str) -> None:
    once = normalize_domain(address)
    assert normalize_domain(once) == once


def _account(name: str, **values) -> AccountSummary:
    return AccountSummary(id=uuid.uuid4(), name=name, **values)


def test_pairs_report_every_shared_key() -> None:
    local = _account("Acme Inc.", domain="https://acme.com", source="hubspot", external_id="77")
    server = _account("ACME", domain="www.acme.com", source="HubSpot", external_id="77")
    other = _account("Globex", domain="globex.com", arr=Decimal("1200"))

    pairs = find_pairs([local, server, other])

    assert len(pairs) == 1
    assert {pairs[0].first.id, pairs[0].second.id} == {local.id, server.id}
    assert pairs[0].first.id < pairs[0].second.id
    assert pairs[0].reasons == (NAME, DOMAIN, CRM_ID)


def test_pairs_from_different_keys() -> None:
    by_name = [_account("Initech"), _account("initech LLC")]
    by_domain = [
        _account("Umbrella", domain="umbrella.io"),
        _account("U Corp", domain="umbrella.io/x"),
    ]
    unrelated = [_account("Hooli", domain="hooli.com"), _account("Pied Piper")]

    pairs = find_pairs([*by_name, *by_domain, *unrelated])

    found = {frozenset((pair.first.id, pair.second.id)): pair.reasons for pair in pairs}
    assert found == {
        frozenset(account.id for account in by_name): (NAME,),
        frozenset(account.id for account in by_domain): (DOMAIN,),
    }


def test_blank_keys_never_match() -> None:
    accounts = [_account(" "), _account("."), _account("A", domain=""), _account("B", domain="")]
    assert find_pairs(accounts) == []


def test_three_accounts_one_name_give_three_pairs() -> None:
    accounts = [_account("Acme"), _account("acme inc"), _account("ACME LLC")]
    assert len(find_pairs(accounts)) == 3
