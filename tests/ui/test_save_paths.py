"""Issue 15, item 2, in the window: a file chosen in a save dialog inside the vault folder, through a symbolic link,
or over a file of another kind is refused with one sentence shown where the DSL is looking, and nothing is lost.

Before the fix the transfer dialog, the drop kit and the sharing preview wrote wherever they were told (the vault's
``keyslots.json`` included); the documents' PDFs were already checked, and are walked here so they stay so.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_app.services import documents
from desktop_app.services.child import sharing
from desktop_app.services.documents import DocumentKind
from desktop_app.services.vault import VaultSession
from desktop_app.ui.documents import DocumentDialog
from desktop_app.ui.transfer.dialogs import SendDialog
from desktop_app.ui.transfer.page import TransfersPage
from tests.fixtures_vault import make_vault
from tests.services.child.helpers import add_child, add_concern
from tests.ui.fakes import FakeAsker
from tests.ui.test_dashboard import Host

pytestmark = pytest.mark.gui


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    """An unlocked session as the first DSL on a new vault in ``tmp_path / "vault"``; locked after the test."""
    created = make_vault(tmp_path / "vault")
    yield created.session
    created.session.lock()


def _child(session: VaultSession) -> int:
    child = add_child(session, "Ayla", "Brightwater")
    add_concern(session, child, account="Seen with older youths near the station")
    return child


def test_the_transfer_dialog_refuses_the_vaults_own_file_and_keeps_what_was_typed(
    qtbot: Any, session: VaultSession, fake_ask: FakeAsker, tmp_path: Path, screenshot: Any
) -> None:
    child = _child(session)
    dialog = SendDialog(None, session, child, "Ayla")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.to_setting.setText("Riverside Academy")
    dialog.to_person.setText("Priya Okonjo-Hart")
    password = dialog.password.text()
    slots = session.vault_dir / "keyslots.json"
    before = slots.read_bytes()
    fake_ask.answer_save = str(slots)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.ok_button.isEnabled(), timeout=30000)
    shown = dialog.status.text
    assert "inside the vault folder" in shown and "Choose a folder outside it." in shown, shown
    screenshot(dialog, "transfer_refused_inside_vault")
    assert slots.read_bytes() == before and session.verify().ok
    assert dialog.isVisible() and dialog.to_setting.text() == "Riverside Academy"  # nothing lost: choose again
    assert dialog.password.text() == password

    fake_ask.answer_save = str(tmp_path / "ayla.wmtransfer")
    with qtbot.waitSignal(dialog.sent, timeout=60000):
        dialog.ok_button.click()
    assert (tmp_path / "ayla.wmtransfer").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_the_drop_kit_is_not_written_through_a_link(
    qtbot: Any, session: VaultSession, fake_ask: FakeAsker, tmp_path: Path
) -> None:
    host = Host(session)
    page = TransfersPage(session, host)
    host.show_page(page)
    qtbot.addWidget(host)
    aim = tmp_path / "someone-elses.txt"
    aim.write_text("")
    link = tmp_path / "kit.wmdropkit"
    os.symlink(aim, link)
    fake_ask.answer_save = str(link)
    page.export_kit()
    assert "symbolic link" in page.status.text and aim.read_text() == ""
    fake_ask.answer_save = str(tmp_path / "real.wmdropkit")
    page.export_kit()
    assert "Drop kit saved" in page.status.text and (tmp_path / "real.wmdropkit").exists()


def _save_encrypted(qtbot: Any, dialog: DocumentDialog, fake_ask: FakeAsker, path: Path) -> None:
    fake_ask.answer_save = str(path)
    dialog.save_encrypted_button.click()
    dialog.password.setText("amber share 2026")
    dialog.password_again.setText("amber share 2026")
    dialog.save_encrypted_confirm.click()


def test_the_sharing_preview_does_not_replace_a_file_of_another_kind(
    qtbot: Any, session: VaultSession, fake_ask: FakeAsker, tmp_path: Path
) -> None:
    today = date.today()
    export = sharing.build_export(session, [_child(session)], today - timedelta(days=30), today)
    pdf, document_id = sharing.render(session, export)

    def on_save(path: Path, password: str | None) -> None:
        sharing.save_export(session, export, path, password, unencrypted=password is None)

    dialog = DocumentDialog(None, "Shared", pdf, lambda: None, on_save, suggested_name=f"{document_id}.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    notes = tmp_path / "notes.pdf"
    notes.write_text("my own notes, not a PDF")
    _save_encrypted(qtbot, dialog, fake_ask, notes)
    said = fake_ask.said("confirm", "inform", "warn")
    assert any("already exists and is not a PDF file, so it was not replaced" in t for t in said), said
    assert "already exists and is not a PDF file" in dialog.status.text()
    assert notes.read_text() == "my own notes, not a PDF"
    assert dialog.password.text() == "amber share 2026"  # nothing lost: choose another name and save again

    fake_ask.answer_save = str(tmp_path / "shared.pdf")
    dialog.save_encrypted_confirm.click()
    assert (tmp_path / "shared.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("kind", [DocumentKind.QUICK_REFERENCE, DocumentKind.GOVERNORS_REPORT])
def test_documents_saved_from_their_preview_are_never_written_into_the_vault(
    qtbot: Any, session: VaultSession, fake_ask: FakeAsker, kind: DocumentKind
) -> None:
    """A guard (these went through ``documents.save_pdf``'s check already): the same sentence in the dialog."""
    pdf, document_id, title = documents.render_quick_reference(session)
    on_print, on_save = documents.actions(session, pdf, document_id, kind)
    dialog = DocumentDialog(None, title, pdf, on_print, on_save, suggested_name="x.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    inside = session.vault_dir / "backups" / "x.pdf"
    _save_encrypted(qtbot, dialog, fake_ask, inside)
    assert "inside the vault folder" in dialog.status.text() and not inside.exists()
