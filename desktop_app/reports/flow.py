"""Paragraph styles and small building blocks shared by every document.

User text always passes through ``esc`` before it reaches a Paragraph: ReportLab reads a mini-markup, so a name such
as "<b>Tom & Jerry" would otherwise turn bold or break the document; ``esc`` also puts letters DejaVu lacks (李, 김)
in a font that has them, and Arabic or Hebrew joined and in reading order (``rtl``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.reports import fonts, rtl

fonts.register()

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#8a8a8a")
SHADE = colors.HexColor("#efefef")

BODY = ParagraphStyle(
    "Body",
    fontName=fonts.SANS,
    fontSize=10,
    leading=13.5,
    textColor=INK,
    spaceAfter=3,
    alignment=TA_LEFT,
    splitLongWords=1,
    allowWidows=0,  # a paragraph's last line never starts a page alone: two lines go over, or the whole paragraph
)
SMALL = ParagraphStyle("Small", parent=BODY, fontSize=8.5, leading=11, textColor=MUTED)
TITLE = ParagraphStyle("Title", parent=BODY, fontName=fonts.SANS_BOLD, fontSize=17, leading=21, spaceAfter=6)
H1 = ParagraphStyle(
    "H1", parent=BODY, fontName=fonts.SANS_BOLD, fontSize=12.5, leading=16, spaceBefore=9, spaceAfter=4, keepWithNext=1
)
H2 = ParagraphStyle(
    "H2", parent=BODY, fontName=fonts.SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=5, spaceAfter=2, keepWithNext=1
)
H2_LOOSE = ParagraphStyle("H2Loose", parent=H2, keepWithNext=0)
VERBATIM = ParagraphStyle(
    "Verbatim",
    parent=BODY,
    fontName=fonts.SANS_OBLIQUE,
    leftIndent=6 * mm,
    borderPadding=(2, 4, 2, 4),
    backColor=SHADE,
    spaceBefore=2,
    spaceAfter=6,
)
INDENT = ParagraphStyle("Indented", parent=BODY, leftIndent=6 * mm)
CELL = ParagraphStyle("Cell", parent=BODY, fontSize=9, leading=11.5, spaceAfter=0)
CELL_BOLD = ParagraphStyle("CellBold", parent=CELL, fontName=fonts.SANS_BOLD)

NOT_RECORDED = "Not recorded"
SHORT_TEXT = 1200  # characters: a text this short stays on the page of its label
PIECE = 2000  # characters: longer paragraphs are laid out in pieces (see ``pieces``)

# Characters XML (and so ReportLab's parser) refuses; a pasted control character must not stop a referral printing.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).replace("\t", "    ")


def esc(text: str) -> str:
    """User text as ReportLab markup that prints literally, line breaks kept, letters of any script drawn."""
    return fonts.with_fallbacks(escape(rtl.visual(_clean(text)))).replace("\n", "<br/>")


class RightToLeft(Paragraph):  # type: ignore[misc]  # ReportLab is untyped
    """A paragraph of wholly right-to-left user text, right-aligned, its lines in reading order.

    ReportLab breaks lines left to right, so text already reordered for drawing would put its last words on the
    first line. This paragraph breaks the shaped text into lines itself, in reading order, at the width it is
    given, then reorders each line; ``opening``/``closing`` (markup, e.g. quotation marks) go at its right and
    left ends.
    """

    def __init__(self, text: str, style: ParagraphStyle, opening: str = "", closing: str = "") -> None:
        self._shaped = [rtl.shape(line) for line in _clean(text).split("\n")]
        self._ends = (opening, closing)
        self._width: float | None = None
        self._markup = self._lines_markup([" ".join(self._shaped)])
        super().__init__(self._markup, aligned(text, style))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        if availWidth != self._width:
            self._width = availWidth
            self._markup = self._lines_markup(self._break(availWidth))
            Paragraph.__init__(self, self._markup, self.style)
        return tuple(super().wrap(availWidth, availHeight))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # ReportLab's split makes its halves with this class's constructor; a plain paragraph of the lines
        # already broken splits the same way.
        self.wrap(availWidth, availHeight)
        plain = Paragraph(self._markup, self.style)
        plain.wrap(availWidth, availHeight)
        return list(plain.split(availWidth, availHeight))

    def _break(self, width: float) -> list[str]:
        """The shaped text in lines that fit ``width``, in reading order (the quotation marks count too)."""
        style = self.style
        opening, closing = (_width(re.sub(r"<[^>]*>", "", end), style) for end in self._ends)
        space = _width(" ", style)
        lines: list[str] = []
        for number, text_line in enumerate(self._shaped):
            line: list[str] = []
            used = opening if number == 0 else 0.0
            words = text_line.split(" ")
            for position, word in enumerate(words):
                room = width - style.leftIndent - style.rightIndent - (0 if lines else style.firstLineIndent)
                last = number == len(self._shaped) - 1 and position == len(words) - 1
                size = _width(word, style) + (closing if last else 0.0)
                if line and used + space + size > room:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                used += (space if line else 0.0) + size
                line.append(word)
            lines.append(" ".join(line))
        return lines

    def _lines_markup(self, lines: list[str]) -> str:
        drawn = [fonts.with_fallbacks(escape(rtl.reorder(line, right_to_left=True))) for line in lines]
        opening, closing = self._ends
        drawn[0] += opening
        drawn[-1] = closing + drawn[-1]
        return "<br/>".join(drawn)


def _width(text: str, style: ParagraphStyle) -> float:
    """The printed width of user text in ``style``, each run in the face that draws it."""
    return float(
        sum(pdfmetrics.stringWidth(piece, face or style.fontName, style.fontSize) for piece, face in fonts.runs(text))
    )


def aligned(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """``style``, right-aligned when ``text`` is wholly right-to-left (a name inside a Latin line is not)."""
    if style.alignment != TA_LEFT or not rtl.entirely_rtl(text):
        return style
    return style.clone(f"{style.name}RightToLeft", alignment=TA_RIGHT)


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of user text (escaped)."""
    if rtl.entirely_rtl(text):
        return RightToLeft(text, style)
    return Paragraph(esc(text), style)


def markup(fragment: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of our own markup; every user value inside it must already be escaped."""
    return Paragraph(fragment, style)


def heading(text: str, style: ParagraphStyle = H1) -> Paragraph:
    return Paragraph(esc(text), aligned(text, style))


def or_not_recorded(value: str) -> str:
    value = value.strip()
    return esc(value) if value else f'<font color="#555555"><i>{NOT_RECORDED}</i></font>'


def field(label: str, value: str, style: ParagraphStyle = BODY) -> Paragraph:
    """'Label: value' as one paragraph, so a long value splits across pages instead of overflowing a cell."""
    return Paragraph(f"<b>{esc(label)}:</b> {or_not_recorded(value)}", style)


def with_next(paragraph: Paragraph) -> Paragraph:
    """``paragraph`` kept on the page of what follows it: a question with its reason, a label with its list."""
    paragraph.keepWithNext = 1
    return paragraph


def fields(pairs: Iterable[tuple[str, str]]) -> list[Flowable]:
    return [field(label, value) for label, value in pairs]


def pieces(block: str, limit: int = PIECE) -> list[str]:
    """A long paragraph cut at sentence ends (else at a space) into pieces of at most ``limit`` characters.

    ReportLab re-wraps the whole rest of a paragraph at every page break, so a 100,000-character account laid out
    as one paragraph takes seconds; as pieces it takes a fraction of that, and no character is dropped.
    """
    out: list[str] = []
    rest = block
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= limit // 2 else limit
        out.append(rest[:cut])
        rest = rest[cut:]
    out.append(rest)
    return out


def paragraphs(text: str, style: ParagraphStyle = INDENT, before: str = "", after: str = "") -> list[Flowable]:
    """User text as paragraphs (a blank line starts a new one); ``before``/``after`` is markup around the whole."""
    blocks = [block.strip("\n") for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    joined = style.clone(f"{style.name}Joined", spaceAfter=0, spaceBefore=0)
    out: list[Flowable] = []
    for b, block in enumerate(blocks):
        parts = pieces(block)
        for p, part in enumerate(parts):
            first, last = b == 0 and p == 0, b == len(blocks) - 1 and p == len(parts) - 1
            opening, closing = (before if first else ""), (after if last else "")
            piece_style = style if p == len(parts) - 1 else joined
            if rtl.entirely_rtl(block):
                out.append(RightToLeft(part, piece_style, opening, closing))
            else:
                out.append(Paragraph(opening + esc(part) + closing, piece_style))
    return out


def long_text(label: str, value: str, style: ParagraphStyle = INDENT) -> list[Flowable]:
    """A label on its own line, then the text in paragraphs that split across pages without losing a line."""
    if not value.strip():
        return [Paragraph(f"<b>{esc(label)}</b>", H2), Paragraph(or_not_recorded(""), style)]
    if len(value) <= SHORT_TEXT:
        return [Paragraph(f"<b>{esc(label)}</b>", H2), *paragraphs(value, style)]
    # A long text must not be kept with its label: that would push both to a new page and leave half a page blank.
    return [CondPageBreak(25 * mm), Paragraph(f"<b>{esc(label)}</b>", H2_LOOSE), *paragraphs(value, style)]


def day(value: date | None) -> str:
    return value.strftime("%d %B %Y").lstrip("0") if value else ""


def moment(value: datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{day(value.date())} {value:%H:%M}"


def spacer(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def table_basics() -> list[tuple[object, ...]]:
    """Table style commands every table starts with: DejaVu for any plain-string cell (never Helvetica)."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ]


def last_of(story: list[Flowable]) -> list[Flowable]:
    """Take the end of ``story`` to keep with what comes after it: its last paragraph, and the headings or labels
    kept with that paragraph (ReportLab's keep-with-next cannot reach into a KeepTogether, so they are moved)."""
    taken: list[Flowable] = []
    while story and isinstance(story[-1], Paragraph) and (not taken or story[-1].getKeepWithNext()):
        taken.insert(0, story.pop())
    return taken


def signature_lines(roles: Iterable[str], width: float, title: str = "", after: Iterable[Flowable] = ()) -> Flowable:
    """Ruled lines to sign by hand (name, signature, date for each role), kept on one page with their title.

    The title is inside the KeepTogether because ReportLab's keep-with-next does not reach into a KeepTogether.
    ``after`` (see ``last_of``) goes on the same page first, so the last page never holds the signatures alone.
    """
    gap = 5 * mm
    unit = (width - 2 * gap) / 10
    rows: list[list[object]] = []
    style = [*table_basics(), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    heights: list[float | None] = []
    for role in roles:
        top = len(rows)
        rows.append([Paragraph(f"<b>{esc(role)}</b>", CELL), "", "", "", ""])
        rows.append(["", "", "", "", ""])
        rows.append([Paragraph("Name", SMALL), "", Paragraph("Signature", SMALL), "", Paragraph("Date", SMALL)])
        heights += [None, 9 * mm, None]
        style += [("SPAN", (0, top), (-1, top)), ("TOPPADDING", (0, top), (-1, top), 8)]
        style += [("LINEABOVE", (col, top + 2), (col, top + 2), 0.6, RULE) for col in (0, 2, 4)]
    table = Table(rows, colWidths=[4 * unit, gap, 4 * unit, gap, 2 * unit], rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return KeepTogether([*after, *([heading(title)] if title else []), table])
