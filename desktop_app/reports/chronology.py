"""The chronology of one child: dated significant events, actions and outcomes, oldest first."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.domain.documents import Chronology, ChronologyEvent, DocumentKind, DocumentMeta
from desktop_app.reports.flow import H2, INDENT, SMALL, TITLE, day, esc, field, fields, heading, markup, moment, para
from desktop_app.reports.template import build_pdf


def chronology_pdf(chronology: Chronology, meta: DocumentMeta) -> bytes:
    child = chronology.child.details
    events = sorted(chronology.events, key=lambda event: event.when)
    story: list[Flowable] = [
        markup(f"Chronology: {esc(child.full_name)}", TITLE),
        markup(
            "Significant events known to the setting, oldest first. Each entry is as recorded; corrections are "
            "shown as amendments.",
            SMALL,
        ),
        *fields(
            [
                ("Name", child.full_name),
                ("Known as", child.known_as),
                ("Date of birth", day(child.date_of_birth)),
                ("Year group", child.year_group),
                ("Allocated social worker", child.social_worker or "None known"),
            ]
        ),
        heading(f"Events ({len(events)})"),
    ]
    if not events:
        story.append(para("Nothing has been recorded for this child yet."))
    reviews = [e for e in events if e.review_date is not None]
    newest_review = reviews[-1] if reviews else None
    for event in events:
        overdue = (
            event is newest_review
            and chronology.today is not None
            and event.review_date is not None
            and event.review_date < chronology.today
        )
        story += _event(replace(event, outcome=f"{event.outcome} (OVERDUE)") if overdue else event, overdue)
    return build_pdf(
        story,
        meta,
        title=f"{DocumentKind.CHRONOLOGY.label}: {child.full_name}",
        subject="Chronology of a child's significant events",
    )


AMENDMENT = "Amendment"
SHORT_ENTRY = 1500  # characters: an entry this short is never split across pages
_OVERDUE = INDENT.clone("Overdue", textColor=colors.HexColor("#8a1c14"))


def _event(event: ChronologyEvent, overdue: bool = False) -> list[Flowable]:
    reference = f"  ·  {esc(event.reference)}" if event.reference.strip() else ""
    out: list[Flowable] = [markup(f"{esc(moment(event.when))}  ·  {esc(event.kind)}{reference}", H2)]
    action = event.action
    if event.kind == AMENDMENT:
        why = action.removeprefix("Why: ").strip()
        out.append(para(f"Corrected: {event.summary.strip()}" + (f" ({why})" if why else ""), INDENT))
        action = ""
    else:
        out.append(para(event.summary, INDENT))
    for label, value in (("Action", action), ("Outcome", event.outcome), ("Recorded by", event.recorded_by)):
        if value.strip():
            out.append(field(label, value, _OVERDUE if overdue and label == "Outcome" else INDENT))
    size = sum(len(t) for t in (event.summary, event.action, event.outcome, event.recorded_by))
    return [KeepTogether(out)] if size <= SHORT_ENTRY else out
