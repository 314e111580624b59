"""Sharing with the specialist exploitation service: only the selected children leave, over the period chosen, in an
encrypted PDF with the CSV inside it; audited; and the command line does the same."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pikepdf
import pytest

from desktop_app.cli import main
from desktop_app.errors import UserFacingError
from desktop_app.services.child import missing, sharing
from desktop_app.services.child.missing import MissingEpisodeForm
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import PASSPHRASE, make_vault
from tests.reports.pdfcheck import all_text
from tests.services.child.helpers import add_child, add_concern

PASSWORD = "amber share 2026"


def read_back(path: Path, password: str = PASSWORD) -> tuple[str, list[list[str]]]:
    """The PDF's text and the rows of the CSV attached inside it."""
    with pikepdf.open(path, password=password) as document:
        assert document.is_encrypted
        [(_name, spec)] = list(document.attachments.items())
        rows = list(csv.reader(io.StringIO(spec.get_file().read_bytes().decode("utf-8-sig"))))
        plain = io.BytesIO()
        document.save(plain)
    return all_text(plain.getvalue()), rows


def fill(session: VaultSession) -> tuple[int, int, int]:
    now = datetime.now(UTC)
    ayla, bryn, cato = (
        add_child(session, first, last)
        for first, last in (("Ayla", "Brightwater"), ("Bryn", "Castleford"), ("Cato", "Dunmore"))
    )
    for child in (ayla, bryn, cato):
        add_concern(session, child, account=f"Concern about child number {child}: seen with older youths")
    missing.record_episode(
        session,
        ayla,
        MissingEpisodeForm(now - timedelta(days=3), now - timedelta(days=2), "Meadowhall", True, True, "SY-0042"),
    )
    missing.record_episode(session, cato, MissingEpisodeForm(now - timedelta(days=4)))
    return ayla, bryn, cato


def test_the_export_holds_only_the_selected_children(open_session: VaultSession, tmp_path: Path) -> None:
    session = open_session
    ayla, bryn, _cato = fill(session)
    today = date.today()
    export = sharing.build_export(session, [ayla, bryn], today - timedelta(days=30), today)
    assert export.recipient == "The Amber Project"  # from forms/
    assert [c.name for c in export.children] == ["Ayla Brightwater", "Bryn Castleford"]
    out = sharing.save_export(session, export, tmp_path / "amber.pdf", PASSWORD)
    text, rows = read_back(out)
    assert "Shared with The Amber Project" in text
    assert "Ayla Brightwater" in text and "Bryn Castleford" in text and "Cato" not in text
    assert rows[0][0] == "Child"
    assert {r[0] for r in rows[1:]} == {"Ayla Brightwater", "Bryn Castleford"}
    assert any(r[0] == "Ayla Brightwater" and r[5:7] == ["Missing episode", "SY-0042"] for r in rows)
    with session.uow() as uow:
        entry = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))[-1]
    assert entry.action == "sharing.exported" and json.loads(entry.details)["children"] == [ayla, bryn]
    assert "Brightwater" not in entry.details  # ids, never names, in the audit log


def test_a_period_outside_the_records_leaves_the_children_with_nothing(open_session: VaultSession) -> None:
    session = open_session
    ayla, _bryn, _cato = fill(session)
    export = sharing.build_export(session, [ayla], date(2020, 1, 1), date(2020, 12, 31))
    assert export.children[0].events == () and export.event_count == 0


@pytest.mark.parametrize(
    ("children", "start", "end", "sentence"),
    [
        ([], date(2026, 1, 1), date(2026, 2, 1), "Choose at least one child"),
        ([1], date(2026, 2, 1), date(2026, 1, 1), "The last day of the period is before the first day"),
        ([1], None, date(2026, 1, 1), "Give both the first and the last day"),
    ],
)
def test_bad_selections_are_refused_with_a_sentence(
    open_session: VaultSession,
    children: list[int],
    start: date | None,
    end: date,
    sentence: str,
) -> None:
    with pytest.raises(UserFacingError) as refused:
        sharing.build_export(open_session, children, start, end, today=date(2026, 12, 5))
    assert refused.value.sentence.startswith(sentence)


def test_an_encrypted_csv_alone_is_refused_and_nothing_written(open_session: VaultSession, tmp_path: Path) -> None:
    session = open_session
    ayla, _bryn, _cato = fill(session)
    export = sharing.build_export(session, [ayla], date.today() - timedelta(days=7), date.today())
    with pytest.raises(UserFacingError, match=r"save it as a \.pdf"):
        sharing.save_export(session, export, tmp_path / "amber.csv", PASSWORD)
    assert not (tmp_path / "amber.csv").exists()


def test_the_command_line_writes_the_same_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    created = make_vault(tmp_path / "vault")
    ayla, _bryn, cato = fill(created.session)
    created.session.lock()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "pdfpass.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    today = date.today()
    out = tmp_path / "amber.pdf"
    code = main(
        [
            "export",
            "sharing",
            "--vault",
            str(tmp_path / "vault"),
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
            "--child",
            str(cato),
            "--from",
            (today - timedelta(days=30)).isoformat(),
            "--to",
            today.isoformat(),
            "--out",
            str(out),
            "--pdf-password-file",
            str(tmp_path / "pdfpass.txt"),
        ]
    )
    assert code == 0
    assert "written to" in capsys.readouterr().out
    text, rows = read_back(out)
    assert {r[0] for r in rows[1:]} == {"Cato Dunmore"} and "Ayla" not in text
    assert "Not yet recorded as returned" in text

    bad = main(
        [
            "export",
            "sharing",
            "--vault",
            str(tmp_path / "vault"),
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
            "--child",
            str(ayla),
            "--from",
            "2026-13-01",
            "--to",
            "2026-12-01",
            "--out",
            str(tmp_path / "x.pdf"),
            "--unencrypted",
        ]
    )
    assert bad == 1
    assert "is not a date" in capsys.readouterr().err
