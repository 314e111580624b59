"""The recovery sheet: the vault's recovery key on paper, for the head teacher's safe."""

from __future__ import annotations

import re
from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from desktop_app.domain.documents import DocumentKind, DocumentMeta
from desktop_app.domain.records import Setting
from desktop_app.reports import fonts
from desktop_app.reports.flow import (
    BODY,
    INDENT,
    RULE,
    SHADE,
    TITLE,
    esc,
    field,
    heading,
    markup,
    moment,
    signature_lines,
    spacer,
    table_basics,
)
from desktop_app.reports.template import build_pdf, frame_width

KEY_STYLE = ParagraphStyle("RecoveryKey", parent=BODY, fontName=fonts.MONO_BOLD, fontSize=15, leading=19, spaceAfter=0)
GROUPS_PER_ROW = 4


def key_groups(recovery_key: str) -> list[str]:
    """The key in the groups it was shown in; a key without separators is cut into groups of four."""
    groups = [g for g in re.split(r"[\s\-]+", recovery_key.strip()) if g]
    if len(groups) == 1:
        text = groups[0]
        groups = [text[i : i + 4] for i in range(0, len(text), 4)]
    return groups


def _key_table(recovery_key: str) -> Flowable:
    # Numbered, because Waymark names the group when one is typed wrong ("check group 7").
    groups = [
        f'<font size="8" color="#777777">{str(number).rjust(2).replace(" ", "&nbsp;")}</font>&nbsp;{esc(group)}'
        for number, group in enumerate(key_groups(recovery_key), start=1)
    ]
    rows = [groups[i : i + GROUPS_PER_ROW] for i in range(0, len(groups), GROUPS_PER_ROW)]
    rows[-1] += [""] * (GROUPS_PER_ROW - len(rows[-1]))
    cells = [[markup(group, KEY_STYLE) if group else "" for group in row] for row in rows]
    table = Table(cells, colWidths=[frame_width() / GROUPS_PER_ROW] * GROUPS_PER_ROW, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *table_basics(),
                ("BOX", (0, 0), (-1, -1), 1.2, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    return KeepTogether([table])


def recovery_sheet_pdf(
    setting: Setting, vault_id: str, recovery_key: str, created_at: datetime, meta: DocumentMeta
) -> bytes:
    """The recovery sheet: who it belongs to, the key in large groups, where to keep it and how to use it."""
    story: list[Flowable] = [
        markup("Waymark recovery sheet", TITLE),
        markup(
            "This sheet opens every record in this setting's Waymark vault. Treat it like the key to the safe it "
            "lives in.",
            BODY,
        ),
        spacer(2),
        field("Setting", setting.name),
        field("Address", setting.address),
        field("Vault id", vault_id),
        field("Recovery key made", moment(created_at)),
        field("Designated Safeguarding Lead", setting.dsl_name),
        heading("Recovery key"),
        _key_table(recovery_key),
        markup(
            "The small numbers only count the groups: do not type them. Spaces, dashes and capital letters do not "
            "matter.",
            INDENT,
        ),
        heading("Where to keep it"),
        *[
            markup(f"•&nbsp;&nbsp;{line}", INDENT)
            for line in (
                "Keep this sheet in the head teacher's safe, or another locked place away from the laptop.",
                "Do not photograph, scan, email or copy it, and never keep it in the laptop bag.",
                "Anyone who has this sheet and the laptop can read every record: if it may have been seen by "
                "someone who should not see it, make a new recovery key in Waymark's settings and shred this sheet.",
            )
        ],
        heading("How to use it"),
        *[
            markup(f"{number}.&nbsp;&nbsp;{line}", INDENT)
            for number, line in enumerate(
                (
                    "Use it only when no Designated Safeguarding Lead or deputy can unlock Waymark with their "
                    "passphrase (forgotten, or the person has left).",
                    "On the laptop that holds the vault, open Waymark and choose to unlock with the recovery key.",
                    "Type the key exactly as printed above.",
                    "Waymark then asks for a new passphrase of at least 15 characters. Choose one only you know.",
                    "Put this sheet back in the safe. The key still works; it is changed only in Waymark's settings.",
                ),
                start=1,
            )
        ],
        signature_lines(("Put in the safe by",), frame_width()),
    ]
    return build_pdf(
        story,
        meta,
        title=f"{DocumentKind.RECOVERY_SHEET.label}: {setting.name}",
        subject="Waymark vault recovery key",
    )
