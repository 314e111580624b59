"""About the setting: the referrer's details are checked, tidied, stored audited, and missing ones named."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_app.domain.records import Closure
from desktop_app.errors import InvalidInput
from desktop_app.services.setting import about, closures
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401

DETAILS = about.AboutSetting(
    name="Hollybrook Community School",
    address="1 Example Lane,\nExampleton\n\nEX1 2MP",
    phone="01632960000",
    dsl_name="Morgan Fairweather",
    dsl_role="Designated Safeguarding Lead",
    dsl_phone="07700900123",
    dsl_email="M.Fairweather@Hollybrook.SCH.UK",
)


def audit_actions(session: VaultSession) -> list[str]:
    with session.uow() as uow:
        return [e.action for e in uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))]


def test_details_are_stored_as_people_write_them_and_audited(open_session: VaultSession) -> None:
    before = audit_actions(open_session).count("setting.updated")
    saved = about.save(open_session, DETAILS)
    assert saved.dsl_phone == "07700 900123" and saved.phone == "01632 960000"
    assert saved.dsl_email == "M.Fairweather@hollybrook.sch.uk"
    assert saved.address == "1 Example Lane\nExampleton\nEX1 2MP"
    assert saved.dsl_role == "Designated Safeguarding Lead"
    assert open_session.setting == saved
    assert audit_actions(open_session).count("setting.updated") == before + 1
    assert about.missing(saved) == ()


def test_bad_details_are_named_by_field_and_nothing_is_saved(open_session: VaultSession) -> None:
    before = open_session.setting
    bad = about.AboutSetting(name=" ", dsl_phone="not a number!!", dsl_email="dsl@", phone="0114 27")
    with pytest.raises(InvalidInput) as raised:
        about.save(open_session, bad)
    assert {p.field for p in raised.value.problems} == {"name", "dsl_phone", "dsl_email", "phone"}
    phone = next(p for p in raised.value.problems if p.field == "dsl_phone")
    assert phone.sentence.startswith("The DSL's direct telephone: that telephone number has letters")
    assert open_session.setting == before


def test_saving_the_same_details_twice_writes_one_audit_row(open_session: VaultSession) -> None:
    about.save(open_session, DETAILS)
    count = audit_actions(open_session).count("setting.updated")
    about.save(open_session, DETAILS)
    assert audit_actions(open_session).count("setting.updated") == count


def test_what_is_missing_is_named_in_one_sentence(open_session: VaultSession) -> None:
    sentence = about.missing_sentence(open_session.setting)
    assert "the DSL's direct telephone" in sentence and "the DSL's email" in sentence
    assert sentence.count(".") == 1 and sentence.endswith(".")


def test_closures_are_kept_in_order_survive_other_edits_and_are_audited(
    open_session: VaultSession,
) -> None:
    half_term = closures.check(date(2027, 2, 15), date(2027, 2, 19), "February half term")
    inset = closures.check(date(2027, 1, 4), None, "INSET day")
    closures.add(open_session, half_term)
    shown = closures.add(open_session, inset)
    assert shown == (inset, half_term) and inset == Closure(date(2027, 1, 4), date(2027, 1, 4), "INSET day")
    about.save(open_session, DETAILS)
    assert open_session.setting.closures == (inset, half_term)
    assert closures.remove(open_session, inset) == (half_term,)
    assert audit_actions(open_session).count("setting.updated") >= 4


@pytest.mark.parametrize(
    ("first", "last", "field"),
    [
        (None, None, "first"),
        (date(2027, 2, 19), date(2027, 2, 15), "last"),
        (date(2027, 1, 1), date(2027, 6, 1), "last"),
    ],
)
def test_an_impossible_closure_is_refused(first: date | None, last: date | None, field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        closures.check(first, last)
    assert raised.value.problems[0].field == field
