"""A first end-to-end check of the unit of work on a real encrypted vault."""

from __future__ import annotations

from desktop_app.domain.records import ConcernDraft
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import fictional_child


def test_a_concern_recorded_is_found_again_by_name_and_words(open_session: VaultSession) -> None:
    actor = open_session.actor()
    with open_session.uow() as uow:
        child = uow.children.add(fictional_child(), actor)
        concern = uow.concerns.add(
            child.child_id, ConcernDraft(account="Seen getting into a car by the lido"), actor, sealed=False
        )
        uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    with open_session.uow() as uow:
        assert [c.child_id for c in uow.children.search("quill")] == [child.child_id]
        assert [c.reference for c in uow.concerns.search("lido")] == [concern.reference]
        assert concern.reference.startswith("WM-")
