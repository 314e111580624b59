"""The demo children have plausible child-file details: valid identifiers, reachable carers, consistent needs."""

from __future__ import annotations

from datetime import date

from desktop_app.definitions.loader import child_details_definition
from desktop_app.domain.contact_checks import email_problem, phone_problem
from desktop_app.domain.identifiers import nhs_number_problem, upn_problem
from desktop_app.services.child.details import check_details
from desktop_app.services.demo.child_details import with_child_file_details
from desktop_app.services.demo.scenarios import demo_children

TODAY = date(2026, 12, 5)


def test_every_demo_child_passes_the_checks_a_dsl_s_change_would_face() -> None:
    children = with_child_file_details(demo_children(2500, 7, TODAY), 7, TODAY)
    lists = child_details_definition()
    upns = [c.upn for c in children]
    assert len(set(upns)) == len(upns), "two demo children share a UPN"
    for child in children:
        assert check_details(child, TODAY) == [], child.full_name
        assert upn_problem(child.upn) is None and nhs_number_problem(child.nhs_number) is None
        assert child.nhs_number.startswith("999"), "the NHS's test range, never a real person's number"
        assert child.carers, "every child has someone to contact"
        for person in child.carers:
            assert phone_problem(person.phone) is None and email_problem(person.email) is None
        assert child.learning_disability == lists.learning_disability(child.needs) or not child.needs
        if child.allocated_social_worker:
            assert child.social_worker.startswith(child.allocated_social_worker.name)
        if any(not ("a" <= ch.casefold() <= "z") for ch in child.last_name if ch.isalpha()) and child.latin_name:
            assert child.latin_name.isascii()
    greek = [c for c in children if c.last_name in ("Γεωργίου", "Οικονόμου")]
    assert greek and all(c.latin_name for c in greek)


def test_the_same_seed_gives_the_same_details() -> None:
    one = with_child_file_details(demo_children(50, 3, TODAY), 3, TODAY)
    two = with_child_file_details(demo_children(50, 3, TODAY), 3, TODAY)
    assert one == two
