"""A child's details: each changed only by a new version with a reason; checked; 18 or over flagged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.child import ContactPerson, HouseholdMember, SenStatus
from desktop_app.domain.records import ChildDetails
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services.casework.screening import child_facts
from desktop_app.services.child import details as details_service
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401
from tests.services.child.mis_samples import UPN_TAMSIN

TODAY = date(2026, 12, 5)


def add(session: VaultSession, details: ChildDetails) -> int:
    actor = session.actor()
    with session.uow() as uow:
        child = uow.children.add(details, actor)
        uow.audit.append(actor, "child.added", f"child:{child.child_id}")
        uow.commit()
    return child.child_id


FULL = ChildDetails(
    "Tamsin",
    "Quillfeather",
    date_of_birth=date(2011, 3, 14),
    ethnicity="White British",
    first_language="Polish",
    interpreter_needed=True,
    religion="No religion",
    sen_status=SenStatus.EHCP,
    needs=("mld", "asd"),
    nhs_number="9434765919",
    upn=UPN_TAMSIN.lower(),
    other_names=("Tee",),
    latin_name="",
    carers=(
        ContactPerson("Rhiannon Quillfeather", "Mother", phone="0114 496 0000", parental_responsibility=True),
        ContactPerson("Dev Quillfeather", "Father", email="dev@example.org"),
    ),
    household=(HouseholdMember("Ivo Quillfeather", "Brother", date(2014, 1, 2), sibling=True),),
    allocated_social_worker=ContactPerson(
        "Sam Okafor", "Social worker", "Children's social care", phone="0114 496 0555"
    ),
    gp=ContactPerson("Dr Ama Mensah", "GP", "Example Road Surgery"),
    agencies=(ContactPerson("Jo Reyes", "Case worker", "Youth Justice Service"),),
)


def test_adding_details_is_a_new_version_with_its_reason_and_the_old_one_kept(
    open_session: VaultSession,
) -> None:
    child_id = add(open_session, ChildDetails("Tamsin", "Quillfeather"))
    details_service.amend_details(open_session, child_id, FULL, "From the MASH referral form", TODAY)
    versions = details_service.history(open_session, child_id)
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].reason == "From the MASH referral form"
    assert "NHS number" in versions[1].changed and "Parents and carers" in versions[1].changed
    with open_session.uow() as uow:
        saved = uow.children.get(child_id).details
        first = uow.children.versions(child_id)[0].details
    assert first.nhs_number == "" and saved.nhs_number == "943 476 5919"
    assert saved.upn == UPN_TAMSIN
    assert saved.learning_disability, "moderate learning difficulty counts as a learning disability"
    with open_session.uow() as uow:
        assert child_facts(uow.children.get(child_id), TODAY).learning_disability, "the screening sees it"
    assert saved.social_worker.startswith("Sam Okafor"), "the one-line field older readers use is kept filled"
    assert "Rhiannon Quillfeather" in saved.parental_responsibility
    assert "Dev Quillfeather" not in saved.parental_responsibility
    assert "Youth Justice Service" in saved.other_agencies


def test_a_change_needs_a_reason_and_a_real_change(open_session: VaultSession) -> None:
    child_id = add(open_session, ChildDetails("Tamsin", "Quillfeather"))
    with pytest.raises(InvalidInput) as refused:
        details_service.amend_details(open_session, child_id, FULL, "  ", TODAY)
    assert [p.field for p in refused.value.problems] == ["reason"]
    with pytest.raises(UserFacingError, match="Nothing was changed"):
        details_service.amend_details(open_session, child_id, ChildDetails("Tamsin", "Quillfeather"), "why", TODAY)
    assert len(details_service.history(open_session, child_id)) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nhs_number": "943 476 5918"}, "nhs_number"),
        ({"upn": "A12345"}, "upn"),
        ({"date_of_birth": date(2027, 1, 1)}, "date_of_birth"),
        ({"first_name": "  "}, "first_name"),
        ({"carers": (ContactPerson("", "Mother"),)}, "carers"),
        ({"carers": (ContactPerson("Rhiannon", "Mother", email="not an address"),)}, "carers"),
        ({"household": (HouseholdMember("Ivo", date_of_birth=date(2030, 1, 1)),)}, "household"),
    ],
)
def test_each_bad_detail_is_named_and_nothing_is_saved(
    open_session: VaultSession,
    change: dict[str, object],
    field: str,
) -> None:
    child_id = add(open_session, ChildDetails("Tamsin", "Quillfeather"))
    with pytest.raises(InvalidInput) as refused:
        details_service.amend_details(open_session, child_id, replace(FULL, **change), "MASH form", TODAY)  # type: ignore[arg-type]
    assert field in [p.field for p in refused.value.problems]
    assert all(p.sentence.endswith(".") for p in refused.value.problems)
    assert len(details_service.history(open_session, child_id)) == 1


def test_two_children_cannot_share_a_upn(open_session: VaultSession) -> None:
    add(open_session, ChildDetails("Orrin", "Blackwood", upn=UPN_TAMSIN))
    child_id = add(open_session, ChildDetails("Tamsin", "Quillfeather"))
    with pytest.raises(InvalidInput, match="already has this unique pupil number"):
        details_service.amend_details(open_session, child_id, FULL, "MASH form", TODAY)


def test_a_young_person_of_18_is_flagged_and_the_day_before_is_not(open_session: VaultSession) -> None:
    child_id = add(open_session, ChildDetails("Orrin", "Blackwood", date_of_birth=date(2008, 12, 5)))
    summary = details_service.child_summary(open_session, child_id, TODAY)
    assert summary.adult and summary.age == 18
    assert "adult social care" in summary.adult_note
    younger = details_service.child_summary(open_session, child_id, date(2026, 12, 4))
    assert not younger.adult and younger.adult_note == ""


def test_the_details_are_grouped_once_for_screen_and_paper_with_nothing_unrecorded(
    open_session: VaultSession,
) -> None:
    groups = details_service.detail_groups(FULL, TODAY)
    titles = [g.title for g in groups]
    assert titles == [
        "The child",
        "Needs and disabilities",
        "Parents, carers and household",
        "Professionals and agencies",
    ]
    rows = dict(row for g in groups for row in g.rows)
    assert rows["NHS number"] == "9434765919" or rows["NHS number"].replace(" ", "") == "9434765919"
    assert rows["Needs and disabilities"] == "Moderate learning difficulty, Autism"
    assert "has parental responsibility" in rows["Mother"]
    assert rows["Allocated social worker"].startswith("Sam Okafor, Children's social care")
    assert "Religion" in rows and "Gender" not in rows, "an unrecorded detail is left out, not 'Not recorded'"
    bare = details_service.detail_groups(ChildDetails("Tamsin", "Quillfeather"), TODAY)
    assert [g.title for g in bare] == ["The child"]
