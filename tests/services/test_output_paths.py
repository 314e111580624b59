"""Issue 15, item 2, the app's side: every service that writes a file the DSL chose checks the path itself.

Before this, only the commands called ``vault.outputs.check_output_path``: the app's save dialogs called
``sharing.save_export``, ``send.export_transfer`` and ``kit.export_kit`` directly, so a file chosen inside the vault
folder (``keyslots.json``), a symbolic link, or an existing file of another kind was overwritten. Now each service
refuses such a path with the same one sentence as the command line, before anything is written or audited.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.services.child import sharing
from desktop_app.services.dropkit import kit
from desktop_app.services.transfer import send
from desktop_app.services.vault import VaultSession
from desktop_app.vault.outputs import OutputKind, OutputRefused, check_output_path
from tests.fixtures_vault import make_vault
from tests.services.child.helpers import add_child, add_concern

PASSWORD = "K7QP-M2XD-9RTA-WB4H"
DETAILS = send.TransferOut("Riverside Academy", "Priya Okonjo-Hart", "Secure email to the receiving DSL")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    """An unlocked session as the first DSL on a new vault in ``tmp_path / "vault"``; locked after the test."""
    created = make_vault(tmp_path / "vault")
    yield created.session
    created.session.lock()


def _audit_seq(session: VaultSession) -> int:
    with session.uow() as uow:
        return uow.audit.latest_seq()


def _child(session: VaultSession) -> int:
    child = add_child(session, "Ayla", "Brightwater")
    add_concern(session, child, account="Seen with older youths near the station")
    return child


def _sharing(session: VaultSession, password: str | None) -> Callable[[Path], object]:
    today = date.today()
    export = sharing.build_export(session, [_child(session)], today - timedelta(days=30), today)
    return lambda path: sharing.save_export(session, export, path, password, unencrypted=password is None)


def _transfer(session: VaultSession, with_pdf: bool) -> Callable[[Path], object]:
    child = _child(session)
    if with_pdf:  # the PDF is the path under test; the package goes somewhere harmless, beside the vault folder
        harmless = session.vault_dir.parent / "ok.wmtransfer"
        return lambda path: send.export_transfer(session, child, harmless, PASSWORD, DETAILS, pdf_out=path)
    return lambda path: send.export_transfer(session, child, path, PASSWORD, DETAILS)


WRITERS: dict[str, tuple[OutputKind, Callable[[VaultSession], Callable[[Path], object]]]] = {
    "sharing pdf": (OutputKind.PDF, lambda s: _sharing(s, "amber share 2026")),
    "sharing csv": (OutputKind.CSV, lambda s: _sharing(s, None)),
    "transfer": (OutputKind.TRANSFER, lambda s: _transfer(s, False)),
    "transfer pdf": (OutputKind.PDF, lambda s: _transfer(s, True)),
    "drop kit": (OutputKind.DROP_KIT, lambda s: lambda path: kit.export_kit(s, path)),
}
SUFFIX = {
    OutputKind.PDF: ".pdf",
    OutputKind.CSV: ".csv",
    OutputKind.TRANSFER: ".wmtransfer",
    OutputKind.DROP_KIT: ".wmdropkit",
}


def _refused_like_the_command_line(write: Callable[[Path], object], path: Path, kind: OutputKind) -> str:
    with pytest.raises(OutputRefused) as refused:
        check_output_path(path, kind)
    with pytest.raises(OutputRefused) as also:
        write(path)
    assert also.value.sentence == refused.value.sentence  # one sentence, the same in the app and the command line
    return also.value.sentence


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_file_inside_the_vault_folder_is_refused_and_the_vault_is_untouched(session: VaultSession, name: str) -> None:
    kind, make = WRITERS[name]
    write = make(session)
    vault_dir = session.vault_dir
    slots = vault_dir / "keyslots.json"
    before, seq = slots.read_bytes(), _audit_seq(session)
    target = {OutputKind.PDF: vault_dir / "inbox" / "x.pdf", OutputKind.CSV: vault_dir / "x.csv"}.get(kind, slots)
    sentence = _refused_like_the_command_line(write, target, kind)
    assert "inside the vault folder" in sentence
    assert slots.read_bytes() == before and (target == slots or not target.exists())
    assert _audit_seq(session) == seq  # nothing recorded as sent or saved
    assert session.verify().ok


@pytest.mark.parametrize("name", list(WRITERS))
def test_an_existing_file_of_another_kind_is_not_replaced(session: VaultSession, tmp_path: Path, name: str) -> None:
    kind, make = WRITERS[name]
    write = make(session)
    mine = tmp_path / f"mine{SUFFIX[kind]}"
    theirs = b"%PDF-1.7 someone's own document" if kind is not OutputKind.PDF else b"my notes, not a PDF"
    mine.write_bytes(theirs)
    seq = _audit_seq(session)
    sentence = _refused_like_the_command_line(write, mine, kind)
    assert "already exists and is not" in sentence
    assert mine.read_bytes() == theirs and _audit_seq(session) == seq


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
@pytest.mark.parametrize("name", list(WRITERS))
def test_a_symbolic_link_is_not_written_through(session: VaultSession, tmp_path: Path, name: str) -> None:
    kind, make = WRITERS[name]
    write = make(session)
    aim = tmp_path / "elsewhere.txt"
    aim.write_bytes(b"")
    link = tmp_path / f"link{SUFFIX[kind]}"
    os.symlink(aim, link)
    sentence = _refused_like_the_command_line(write, link, kind)
    assert "symbolic link" in sentence and aim.read_bytes() == b""


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_good_path_is_still_written_and_its_own_kind_replaced(
    session: VaultSession, tmp_path: Path, name: str
) -> None:
    kind, make = WRITERS[name]
    write = make(session)
    out = tmp_path / f"out{SUFFIX[kind]}"
    write(out)
    first = out.read_bytes()
    assert first
    write(out)  # the same kind of file, written again: replaced, not refused
    assert out.exists()
