"""Sealed intake without a database: what the lock screen writes, and that nobody without the key can read it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import ChildRole, RouteId
from desktop_app.domain.records import ChildDetails, ConcernDraft, OtherChild
from desktop_app.services.concern.flow import Mode
from desktop_app.services.intake import content as intake_content
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.vault import keyslots, sealing
from desktop_app.vault.errors import SealedItemDamaged

NAME = "Zoë Wiśniewska-Nguyễn"


@pytest.fixture
def vault(tmp_path: Path) -> tuple[Path, bytes]:
    """A vault folder with only its clear key-slot file (as the lock screen sees it) and the private key apart."""
    private, public = sealing.new_keypair()
    keyslots.KeySlotFile.create("vault-test-1", public).save(tmp_path / keyslots.FILE_NAME)
    return tmp_path, private


def a_draft(**changes: object) -> ConcernDraft:
    values: dict[str, object] = {
        "immediate_danger": False,
        "child": ChildDetails("Zoë", "Wiśniewska-Nguyễn", known_as="Zo", year_group="Year 9"),
        "happened_at": datetime(2026, 11, 28, 10, 15),
        "location": "Kiosk on Ellesmere Road",
        "account": "Seen handing a parcel to a man in a grey Audi.",
        "childs_words": "I have to do it or they hurt my brother",
        "other_children": (OtherChild("Tobiasz Kowalczyk", ChildRole.WITNESS),),
        "recorder_name": "Priya Ramanathan",
        "recorder_role": "Learning mentor",
    }
    values.update(changes)
    return ConcernDraft(**values)  # type: ignore[arg-type]


def open_payload(path: Path, private: bytes) -> dict:
    item_id = path.name.removesuffix(intake_sealing.SUFFIX)
    blob = sealing.open_sealed(private, path.read_bytes(), intake_sealing.seal_context("vault-test-1", item_id))
    return json.loads(blob)


def test_drafts_and_the_submitted_concern_are_one_sealed_file_with_no_plaintext(vault) -> None:
    vault_dir, private = vault
    writer = intake_sealing.SealedIntake.for_vault(vault_dir)
    draft = a_draft()
    writer.save_draft(ConcernDraft(child=draft.child))
    writer.save_draft(draft, {"date_text": "28/11/20"})
    assert intake_sealing.pending(vault_dir) == 1
    reference = writer.submit(draft)
    files = list((vault_dir / "inbox").iterdir())
    assert [f.name for f in files] == [writer.path.name]  # replaced in place, no temp files left
    raw = files[0].read_bytes()
    for value in (NAME, "Zoë", "Wiśniewska", "Nguyễn", "Ellesmere", "grey Audi", "hurt my brother", "Tobiasz",
                  "Priya", "Learning mentor", "Year 9", reference, "2026-11-28"):  # fmt: skip
        for encoding in ("utf-8", "utf-16-le"):
            assert value.encode(encoding) not in raw, value
    payload = open_payload(files[0], private)
    assert payload["kind"] == "submitted" and payload["reference"] == reference
    assert payload["draft"]["childs_words"] == "I have to do it or they hurt my brother"
    assert reference.startswith("INT-") and len(reference) == 13


def test_after_submit_the_writer_refuses_to_write_again(vault) -> None:
    writer = intake_sealing.SealedIntake.for_vault(vault[0])
    writer.submit(a_draft())
    with pytest.raises(intake_sealing.IntakeClosed):
        writer.save_draft(a_draft(account="changed"))
    with pytest.raises(intake_sealing.IntakeClosed):
        writer.submit(a_draft())


def test_a_sealed_file_renamed_or_taken_to_another_vault_does_not_open(vault) -> None:
    vault_dir, private = vault
    writer = intake_sealing.SealedIntake.for_vault(vault_dir)
    writer.save_draft(a_draft())
    moved = writer.path.with_name(intake_sealing.STAFF_PREFIX + "someoneelse" + intake_sealing.SUFFIX)
    writer.path.rename(moved)
    with pytest.raises(SealedItemDamaged):
        open_payload(moved, private)
    other_private, _ = sealing.new_keypair()
    with pytest.raises(SealedItemDamaged):
        intake_sealing.open_file(moved, other_private, "vault-test-1")


def test_pending_counts_staff_concerns_only_and_needs_no_keys(vault) -> None:
    vault_dir, _ = vault
    assert intake_sealing.pending(vault_dir) == 0
    intake_sealing.SealedIntake.for_vault(vault_dir).save_draft(a_draft())
    intake_sealing.SealedIntake.for_vault(vault_dir).submit(a_draft())
    intake_sealing.SealedIntake.for_vault(vault_dir, origin=Mode.DSL).save_draft(a_draft())
    (vault_dir / "inbox" / ".concern-x.sealed.tmp").write_bytes(b"half")
    assert intake_sealing.pending(vault_dir) == 2
    assert intake_sealing.own_drafts(vault_dir) == 1


def test_discarding_an_unfinished_draft_removes_its_file(vault) -> None:
    writer = intake_sealing.SealedIntake.for_vault(vault[0])
    writer.save_draft(a_draft())
    writer.discard()
    assert intake_sealing.pending(vault[0]) == 0


def test_the_wizard_content_comes_from_the_forms_folder() -> None:
    content = intake_content.wizard_content(load_forms(), phones={"lado": "0114 273 4850"}, dsl_names=("Ada Okafor",))
    definition = load_forms().screening()
    kinds = [s.kind.value for s in definition.sections]
    assert [g.title for g in content.sign_groups] == [
        s.title for kind in ("warning_signs", "vulnerabilities") for s in definition.sections if s.kind.value == kind
    ]
    assert "warning_signs" in kinds and all(i.help for g in content.sign_groups for i in g.items)
    assert content.route_contacts[RouteId.EMERGENCY_999].phone == "999"
    assert content.route_contacts[RouteId.LADO].phone == "0114 273 4850"  # the setting's own number
    assert "Ada Okafor" in content.dsl_label


def test_the_lock_screen_names_the_dsl_from_the_clear_key_slots(vault) -> None:
    content = intake_content.staff_content(vault[0])
    assert content.dsl_names == ()  # this vault has no people yet
    assert "Designated Safeguarding Lead" in content.dsl_label


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=8, max_size=200).filter(lambda t: len(t.encode()) >= 8))
def test_nothing_typed_in_any_script_appears_in_a_sealed_file(vault, text: str) -> None:
    writer = intake_sealing.SealedIntake.for_vault(vault[0])
    writer.save_draft(a_draft(account=text, childs_words=text))
    raw = writer.path.read_bytes()
    assert text.encode("utf-8") not in raw
    writer.discard()
