"""The recovery sheet for the head teacher's safe."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.documents import DocumentMeta
from desktop_app.domain.records import Setting
from desktop_app.reports import recovery_sheet_pdf
from desktop_app.reports.recovery import key_groups
from tests.reports.pdfcheck import all_text, fonts_of, page_texts, render_pngs

KEY = "K7QF-2MXD-99AB-P3LR-CE4W-8ZTN-H6JV-R2YB-M5KQ-W7DX-T3GC-N8FP-Q4VH"
SETTING = Setting(name="Hillside Academy", address="1 School Lane, Sheffield S1 2AB", dsl_name="Zoë Wiśniewska-Nguyễn")
MADE = datetime(2026, 11, 28, 18, 0, tzinfo=UTC)
META = DocumentMeta("Hillside Academy", "REC-7F3A9C21", 1, MADE)


def sheet(key: str = KEY) -> bytes:
    return recovery_sheet_pdf(SETTING, "7f3a9c21-55aa-4f0e-9d0b-3c1e2f8a9b7d", key, MADE, META)


def test_the_sheet_shows_the_vault_the_setting_and_every_group_of_the_key(tmp_path: Path) -> None:
    pdf = sheet()
    text = all_text(pdf)
    for expected in (
        "Hillside Academy",
        "1 School Lane, Sheffield S1 2AB",
        "7f3a9c21-55aa-4f0e-9d0b-3c1e2f8a9b7d",
        "Zoë Wiśniewska-Nguyễn",
        "Where to keep it",
        "How to use it",
        "safe",
    ):
        assert expected in text
    for group in KEY.split("-"):
        assert group in text
    assert len(page_texts(pdf)) == 1, "the recovery sheet must fit on one page"
    assert all(embedded for _name, embedded in fonts_of(pdf, tmp_path))
    assert render_pngs(pdf, "recovery_sheet")


def test_a_key_without_separators_is_printed_in_groups_of_four() -> None:
    assert key_groups("abcdefghij") == ["abcd", "efgh", "ij"]
    assert key_groups(" ab12 cd34-EF56 ") == ["ab12", "cd34", "EF56"]
    text = all_text(sheet("0123456789ABCDEF0123456789ABCDEF"))
    assert "0123 4567 89AB CDEF" in text or all(g in text for g in ("0123", "4567", "89AB", "CDEF"))


def test_a_real_recovery_key_typed_back_from_the_sheet_is_the_same_key() -> None:
    from desktop_app.vault import recovery

    key = recovery.new_recovery_key()
    text = all_text(sheet(key))
    block = text[text.index("Recovery key made") :]
    block = block[block.index("Recovery key", len("Recovery key made")) : block.index("The small numbers")]
    typed = " ".join(re.findall(r"\b[0-9A-Z]{5}\b", block))
    assert recovery.parse(typed) == recovery.parse(key)
