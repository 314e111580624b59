"""Demo data: named children matched to their files, links with their own roles, and repeated missing episodes."""

from __future__ import annotations

from desktop_app.services.child import missing
from desktop_app.services.demo import fill_demo_data
from desktop_app.services.vault import VaultSession


def test_a_demo_vault_has_connections_and_a_child_missing_repeatedly(open_session: VaultSession) -> None:
    fill_demo_data(open_session, children=24, concerns=40, seed=3)
    assert missing.count_repeatedly_missing(open_session) >= 1
    with open_session.uow() as uow:
        linked, adults, places = uow.connections.counts()
        matched = [link for child in range(1, 25) for link in uow.connections.links_naming(child)]
    assert linked >= 5 and adults >= 1 and places >= 1
    assert matched and all(link.linked_child_id != link.subject_child_id for link in matched)
    assert open_session.verify().ok
