"""Connections: each linked child keeps their own role; adults and places are records shared between children."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import AdultOfConcern, OtherChild, Place
from desktop_app.errors import UserFacingError
from desktop_app.services.child import connections
from desktop_app.services.vault import VaultSession
from tests.services.child.helpers import add_child, add_concern


def test_a_link_keeps_two_different_roles(open_session: VaultSession) -> None:
    session = open_session
    ayla = add_child(session, "Ayla", "Brightwater")
    bryn = add_child(session, "Bryn", "Castleford")
    cato = add_child(session, "Cato", "Dunmore")
    concern = add_concern(session, ayla)
    connections.link_child(session, concern, bryn, ChildRole.POSSIBLE_VICTIM)
    connections.link_child(session, concern, cato, ChildRole.POSSIBLE_PERPETRATOR)

    from_ayla = connections.connections_of(session, ayla)
    assert {(link.linked_name, link.role) for link in from_ayla.named_in_own_concerns} == {
        ("Bryn Castleford", ChildRole.POSSIBLE_VICTIM),
        ("Cato Dunmore", ChildRole.POSSIBLE_PERPETRATOR),
    }
    # From each linked child's own file, their own role — never the other's.
    [bryn_link] = connections.connections_of(session, bryn).named_in_others_concerns
    [cato_link] = connections.connections_of(session, cato).named_in_others_concerns
    assert (bryn_link.role, bryn_link.subject_name) == (ChildRole.POSSIBLE_VICTIM, "Ayla Brightwater")
    assert (cato_link.role, cato_link.subject_name) == (ChildRole.POSSIBLE_PERPETRATOR, "Ayla Brightwater")

    # Correcting one child's role leaves the other's alone, and the addendum keeps the old role.
    connections.correct_link_role(session, cato_link.link_id, ChildRole.WITNESS, "Police say Cato only saw it")
    roles = {link.linked_name: link.role for link in connections.connections_of(session, ayla).named_in_own_concerns}
    assert roles == {"Bryn Castleford": ChildRole.POSSIBLE_VICTIM, "Cato Dunmore": ChildRole.WITNESS}
    with session.uow() as uow:
        [addendum] = uow.addenda.for_object("child_link", cato_link.link_id)
    assert "possible perpetrator → witness" in addendum.change


def test_a_link_to_the_child_itself_is_refused_and_nothing_saved(open_session: VaultSession) -> None:
    session = open_session
    ayla = add_child(session, "Ayla", "Brightwater")
    concern = add_concern(session, ayla)
    with session.uow() as uow:
        seq = uow.audit.latest_seq()
    with pytest.raises(UserFacingError) as refused:
        connections.link_child(session, concern, ayla, ChildRole.WITNESS)
    assert refused.value.sentence.startswith("This concern is about Ayla Brightwater, so they cannot be linked")
    assert connections.connections_of(session, ayla).is_empty
    with session.uow() as uow:
        assert uow.audit.latest_seq() == seq


def test_the_same_child_twice_is_refused(open_session: VaultSession) -> None:
    session = open_session
    ayla, bryn = add_child(session, "Ayla", "Brightwater"), add_child(session, "Bryn", "Castleford")
    concern = add_concern(session, ayla)
    connections.link_child(session, concern, bryn, ChildRole.WITNESS)
    with pytest.raises(UserFacingError, match="already linked"):
        connections.link_child(session, concern, bryn, ChildRole.POSSIBLE_VICTIM)


def test_an_adult_linked_to_three_children_is_one_record_seen_from_each_file(open_session: VaultSession) -> None:
    session = open_session
    children = [add_child(session, first, "Example") for first in ("Dara", "Eshe", "Finn")]
    for child, spelling in zip(children, ("'Tee'", "tee", "TEE"), strict=True):
        add_concern(
            session,
            child,
            adults=(AdultOfConcern(spelling, "Man, about 20, grey hoodie", "Silver car"),),
            places=(Place("Castle Market car park"),),
        )
    for child in children:
        seen = connections.connections_of(session, child)
        [adult] = seen.adults
        assert adult.adult.name == "'Tee'"
        assert sorted(c.name for c in adult.children) == sorted(
            f"{first} Example" for first in ("Dara", "Eshe", "Finn") if first != _first(session, child)
        )
        [place] = seen.places
        assert len(place.children) == 2
    with session.uow() as uow:
        assert uow.connections.counts()[1:] == (1, 1)


def _first(session: VaultSession, child_id: int) -> str:
    with session.uow() as uow:
        return uow.children.get(child_id).details.first_name


def test_free_text_children_are_kept_with_their_roles_and_can_be_matched(open_session: VaultSession) -> None:
    session = open_session
    ayla, bryn = add_child(session, "Ayla", "Brightwater"), add_child(session, "Bryn", "Castleford")
    concern = add_concern(session, ayla, others=(OtherChild("Bryn C", ChildRole.POSSIBLE_PERPETRATOR, "Year 10"),))
    [link] = connections.connections_of(session, ayla).named_in_own_concerns
    assert (link.linked_name, link.linked_child_id, link.role) == ("Bryn C", None, ChildRole.POSSIBLE_PERPETRATOR)
    with pytest.raises(UserFacingError, match="cannot also be the other child"):
        connections.match_named_child(session, link.link_id, ayla, "Same child")
    matched = connections.match_named_child(session, link.link_id, bryn, "Head of year confirmed who it is")
    assert (matched.linked_child_id, matched.role) == (bryn, ChildRole.POSSIBLE_PERPETRATOR)
    [from_bryn] = connections.connections_of(session, bryn).named_in_others_concerns
    assert from_bryn.concern_id == concern and from_bryn.role is ChildRole.POSSIBLE_PERPETRATOR


def test_an_adult_is_corrected_by_addendum(open_session: VaultSession) -> None:
    session = open_session
    ayla = add_child(session, "Ayla", "Brightwater")
    add_concern(session, ayla, adults=(AdultOfConcern("'Dee'", "Lives at the flat"),))
    [adult] = connections.connections_of(session, ayla).adults
    with pytest.raises(UserFacingError, match="Say why"):
        connections.correct_adult(session, adult.adult.adult_id, AdultOfConcern("'Dee' (Darren)"), " ")
    corrected = connections.correct_adult(
        session,
        adult.adult.adult_id,
        AdultOfConcern("'Dee' (Darren)", "Lives at the flat", phone="07700 900123"),
        "Police gave his name",
    )
    assert corrected.name == "'Dee' (Darren)"
    with session.uow() as uow:
        [addendum] = uow.addenda.for_object("adult", adult.adult.adult_id)
    assert "“'Dee'” → “'Dee' (Darren)”" in addendum.change and addendum.reason == "Police gave his name"


def test_an_adult_linked_to_many_children_lists_the_first_and_counts_the_rest(open_session: VaultSession) -> None:
    session = open_session
    children = [add_child(session, "Child", f"Number{n:02d}") for n in range(34)]
    for child in children:
        add_concern(session, child, adults=(AdultOfConcern("'Dee'"),))
    [adult] = connections.connections_of(session, children[0]).adults
    assert len(adult.children) == connections.SHOWN_PER_RECORD == 30
    assert adult.more == 3  # 33 others in all
    assert children[0] not in {c.child_id for c in adult.children}
