"""The chronology of one child: dated significant events, actions and outcomes, oldest first."""

from __future__ import annotations

from reportlab.platypus import Flowable

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
                ("Waymark child number", str(chronology.child.child_id)),
            ]
        ),
        heading(f"Events ({len(events)})"),
    ]
    if not events:
        story.append(para("Nothing has been recorded for this child yet."))
    for event in events:
        story += _event(event)
    return build_pdf(
        story,
        meta,
        title=f"{DocumentKind.CHRONOLOGY.label}: child {chronology.child.child_id}",
        subject="Chronology of a child's significant events",
    )


def _event(event: ChronologyEvent) -> list[Flowable]:
    reference = f"  ·  {esc(event.reference)}" if event.reference.strip() else ""
    out: list[Flowable] = [
        markup(f"{esc(moment(event.when))}  ·  {esc(event.kind)}{reference}", H2),
        para(event.summary, INDENT),
    ]
    for label, value in (("Action", event.action), ("Outcome", event.outcome), ("Recorded by", event.recorded_by)):
        if value.strip():
            out.append(field(label, value, INDENT))
    return out
