"""Demo attachments and a body map: a fictional email from the Safeguarding Hub, a small drawn picture, two marks.

Everything here is fiction. The picture is generated (a plain PNG written with zlib), so no image ships with the app.
"""

from __future__ import annotations

import struct
import zlib
from datetime import datetime

from desktop_app.domain.attachments import BodyMark, BodySide
from desktop_app.services.attachments import body_map, files
from desktop_app.services.vault import VaultSession
from desktop_app.store.clock import frozen_clock


def png_picture(width: int = 120, height: int = 80, colour: tuple[int, int, int] = (70, 110, 160)) -> bytes:
    """A small PNG: a coloured card with a pale band, like a photographed note (for demos and tests)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    rows = bytearray()
    for y in range(height):
        rows.append(0)
        pale = height // 3 <= y < 2 * height // 3
        for _x in range(width):
            rows += bytes((250, 246, 232) if pale else colour)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b"")
    )


HUB_EMAIL = """From: Safeguarding Hub <hub@example.gov.uk>
To: Designated Safeguarding Lead <dsl@example.sch.uk>
Date: {date}
Subject: Referral received - strategy discussion arranged
Content-Type: text/plain; charset=utf-8

Thank you for your referral, received today.

A strategy discussion has been arranged with the police and children's social care. The allocated social worker
will contact the school to agree who attends. Please keep recording any further concerns and send them to the Hub.

Safeguarding Hub (fictional, for the Waymark demo)
"""


def _referred_concern(session: VaultSession, child_ids: list[int]) -> int | None:
    """The first child's concern that was referred (the Hub's reply fits it), else the first concern at all."""
    first: int | None = None
    with session.uow() as uow:
        for child_id in child_ids[:50]:
            for concern in uow.concerns.list_for_child(child_id):
                first = first or concern.concern_id
                if uow.referrals.for_concern(concern.concern_id):
                    return concern.concern_id
    return first


def fill_attachments_demo(session: VaultSession, child_ids: list[int], at: datetime) -> int:
    """Attach the Hub's email and a picture to a referred concern and draw a body map on it; returns files added."""
    concern_id = _referred_concern(session, child_ids)
    if concern_id is None:
        return 0
    with frozen_clock(at):
        email = HUB_EMAIL.format(date=at.strftime("%a, %d %b %Y %H:%M:%S +0000")).encode("utf-8")
        files.add_bytes(
            session,
            concern_id,
            "Hub reply - strategy discussion.eml",
            email,
            "Email from the Safeguarding Hub: referral received, strategy discussion arranged",
        )
        files.add_bytes(
            session, concern_id, "Note from form tutor.png", png_picture(), "Photo of the form tutor's handwritten note"
        )
        body_map.save_body_map(
            session,
            concern_id,
            (
                BodyMark(BodySide.FRONT, 0.86, 0.46, "Bruise, left forearm, about 3 cm, yellowing"),
                BodyMark(BodySide.BACK, 0.5, 0.25, "Scratch marks across the upper back, two lines about 5 cm"),
            ),
        )
    return 2
