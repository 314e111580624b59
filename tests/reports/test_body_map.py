"""The body map and the list of kept files in the referral summary, as a social worker reading it would see them:
every mark's note in the text, the picture and its notes whole on one page, the page breaks still where a reader
expects them, and the files named by what they are."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from desktop_app.domain.attachments import AttachmentInfo, BodyMap, BodyMark, BodySide, Withdrawal
from desktop_app.reports import referral_summary_pdf
from desktop_app.reports.body_map import TITLE
from tests.reports import samples
from tests.reports.pdfcheck import all_text, render_pngs
from tests.reports.test_page_breaks import break_problems, long_account, page_lines

MARKS = (
    BodyMark(BodySide.FRONT, 0.86, 0.46, "Bruise on the left forearm, about 3 cm, yellowing"),
    BodyMark(BodySide.FRONT, 0.5, 0.07, "Small cut above the right eyebrow"),
    BodyMark(BodySide.BACK, 0.5, 0.3, "Two scratches across the upper back, about 5 cm"),
)
BODY_MAP = BodyMap(samples.CONCERN.concern_id, 2, MARKS, datetime(2026, 11, 27, 15, 40, tzinfo=UTC), samples.DSL)
HUB_EMAIL = AttachmentInfo(
    1,
    samples.CONCERN.concern_id,
    "Hub reply.eml",
    "message/rfc822",
    5120,
    "0" * 64,
    "Email from the Hub about the strategy discussion",
    datetime(2026, 11, 27, 10, 0, tzinfo=UTC),
    samples.DSL,
)
KINDS = (("message/rfc822", "saved email"), ("image/png", "PNG picture"))


def with_map(summary=samples.SUMMARY, **more) -> object:
    return dataclasses.replace(summary, body_map=BODY_MAP, files=(HUB_EMAIL,), file_kinds=KINDS, **more)


def map_pages(pdf: bytes) -> list[int]:
    """The pages (1 = first) holding the body map's heading, its captions or any of its notes."""
    wanted = (TITLE, "Front (facing the reader)", *(f"{n}. {m.side.label}:" for n, m in enumerate(MARKS, 1)))
    return [
        number
        for number, lines in enumerate(page_lines(pdf), 1)
        if any(line.text.startswith(piece) for line in lines for piece in wanted)
    ]


def test_every_mark_is_printed_numbered_with_its_note_and_the_files_by_what_they_are() -> None:
    pdf = referral_summary_pdf(with_map(), samples.META)
    text = all_text(pdf)
    assert TITLE in text
    for number, mark in enumerate(MARKS, 1):
        assert f"{number}. {mark.side.label}: {mark.note}" in text
    assert "Version 2, recorded by Mrs Ruth Okonkwo" in text and "Left and right are the child's own" in text
    assert "Injuries seen: 3 marked on the body map" in text, "page 1 tells the reader injuries were marked"
    assert "Email from the Hub about the strategy discussion (saved email, 5 KB, file Hub reply.eml)" in text
    assert "They are not part of this summary" in text
    assert len(map_pages(pdf)) == 1, "the body map is split across pages"
    render_pngs(pdf, "referral_body_map")
    assert break_problems(pdf) == []


def test_without_a_body_map_or_files_nothing_is_said_about_them() -> None:
    text = all_text(referral_summary_pdf(samples.SUMMARY, samples.META))
    assert TITLE not in text and "Injuries seen" not in text and "Files kept with this concern" not in text


@pytest.mark.parametrize("words", [180, 420, 750, 900, 1532])
def test_the_body_map_stays_whole_whatever_comes_before_it(words: int) -> None:
    draft = dataclasses.replace(samples.DRAFT, account=long_account(words))
    summary = with_map(dataclasses.replace(samples.SUMMARY, concern=dataclasses.replace(samples.CONCERN, draft=draft)))
    pdf = referral_summary_pdf(summary, samples.META)
    assert len(map_pages(pdf)) == 1, f"the body map is split across pages after an account of {words} words"
    assert break_problems(pdf) == []


def test_a_withdrawn_file_is_not_listed_and_more_files_are_counted() -> None:
    from desktop_app.reports.body_map import files_section

    summary = with_map(files_more=140)
    assert any("140 more" in getattr(f, "text", "") for f in files_section(summary))
    withdrawn = dataclasses.replace(HUB_EMAIL, withdrawal=Withdrawal("Wrong child", HUB_EMAIL.added_at, samples.DSL))
    assert withdrawn.withdrawn  # the service leaves these out; see tests/services/attachments/test_summary.py
