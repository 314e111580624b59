"""The connections migration keeps what existing vaults hold: other children, adults and places written as free text
in concerns before the tables existed become rows, each child with the role it was given."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import AdultOfConcern, ConcernDraft, OtherChild, Place
from desktop_app.services import vault as vault_service
from desktop_app.services.child import connections
from desktop_app.store import migrate
from desktop_app.store.database import open_database
from tests.fixtures_vault import PASSPHRASE, fictional_child, make_vault, raw_connection


def test_a_vault_of_the_previous_schema_keeps_its_free_text_others(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    session = created.session
    actor = session.actor()
    with session.uow() as uow:
        ayla = uow.children.add(fictional_child("Ayla", "Brightwater"), actor).child_id
        bryn = uow.children.add(fictional_child("Bryn", "Castleford"), actor).child_id
        for child, others in (
            (
                ayla,
                (
                    OtherChild("Jay", ChildRole.POSSIBLE_PERPETRATOR, "Year 11"),
                    OtherChild("Mo", ChildRole.POSSIBLE_VICTIM),
                ),
            ),
            (bryn, (OtherChild("Ayla B", ChildRole.WITNESS),)),
        ):
            draft = ConcernDraft(
                account="Picked up by a car",
                other_children=others,
                adults=(AdultOfConcern("'Tee'", "Grey hoodie", "Silver hatchback", "07700 900456"),),
                places=(Place("Castle Market car park", "By the back stairs"),),
            )
            concern = uow.concerns.add(child, draft, actor, sealed=False)
            uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    key = session.data_key_for_checks()
    session.lock()
    # Back to the schema before this change: the tables go, the concerns' bodies (the free text) stay.
    database = open_database(vault_dir, key, upgrade=False)
    with database.engine.begin() as connection:
        command.downgrade(migrate._config(connection), "0003")
    database.dispose()
    raw = raw_connection(vault_dir, key)
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'concern_children'").fetchone()[0] == 0
    raw.close()

    session = vault_service.unlock(vault_dir, PASSPHRASE)  # upgrades, after a backup
    try:
        from_ayla = connections.connections_of(session, ayla)
        assert {(link.linked_name, link.role, link.details) for link in from_ayla.named_in_own_concerns} == {
            ("Jay", ChildRole.POSSIBLE_PERPETRATOR, "Year 11"),
            ("Mo", ChildRole.POSSIBLE_VICTIM, ""),
        }
        [adult] = from_ayla.adults
        assert (adult.adult.name, adult.adult.vehicle, adult.adult.phone) == (
            "'Tee'",
            "Silver hatchback",
            "07700 900456",
        )
        assert [c.name for c in adult.children] == ["Bryn Castleford"]  # one record for both concerns
        [place] = from_ayla.places
        assert place.place.details == "By the back stairs" and [c.name for c in place.children] == ["Bryn Castleford"]
        [bryn_link] = connections.connections_of(session, bryn).named_in_own_concerns
        assert (bryn_link.linked_name, bryn_link.role) == ("Ayla B", ChildRole.WITNESS)
        assert session.verify().ok
    finally:
        session.lock()
    assert len(list((vault_dir / "backups").glob("before-upgrade-*.wmbak"))) == 1
