"""The referral summary for the child's social worker or the Safeguarding Hub (DESIGN §7, issue 7)."""

from __future__ import annotations

from datetime import date, datetime
from itertools import groupby

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.domain.child import ContactPerson
from desktop_app.domain.concern_record import Entry, RecordSection, Shape, concern_record, screening_title
from desktop_app.domain.contact_checks import format_phone
from desktop_app.domain.documents import DocumentKind, DocumentMeta, ReferralSummary
from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import ChildDetails, ReferralEntry
from desktop_app.domain.screening_record import SCREENING, screening_record
from desktop_app.domain.wording import join_phrases
from desktop_app.reports.body_map import body_map_glance, body_map_section, files_section
from desktop_app.reports.flow import (
    BODY,
    H2,
    INDENT,
    SMALL,
    TITLE,
    VERBATIM,
    day,
    esc,
    field,
    fields,
    heading,
    last_of,
    long_text,
    markup,
    moment,
    or_not_recorded,
    para,
    paragraphs,
    signature_lines,
    with_next,
)
from desktop_app.reports.template import build_pdf, frame_width


def referral_summary_pdf(summary: ReferralSummary, meta: DocumentMeta) -> bytes:
    concern = summary.concern
    story: list[Flowable] = [
        markup(f"Referral summary: {esc(concern.reference)}", TITLE),
        markup(
            f"For the child's social worker or the Safeguarding Hub, from {esc(summary.setting.name)}. "
            "The original record is kept unchanged; corrections are addenda at the end, marked where they apply.",
            SMALL,
        ),
        *_at_a_glance(summary),
        *_setting(summary),
        *_child(summary),
        *_concern(summary),
        *body_map_section(summary.body_map),
        *files_section(summary),
        *_screening(summary),
        *_referrals(summary),
        *_addenda(summary),
    ]
    story.append(
        signature_lines(
            ("Designated Safeguarding Lead or deputy", "Received by (social worker or Safeguarding Hub)"),
            frame_width(),
            title="Signatures",
            after=last_of(story),
        )
    )
    return build_pdf(
        story,
        meta,
        title=f"{DocumentKind.REFERRAL_SUMMARY.label}: {concern.reference}",
        subject="Child exploitation concern: referral summary",
    )


URGENCY = {
    RiskLevel.HIGH: "Urgent: high risk of exploitation",
    RiskLevel.MEDIUM: "Soon: medium risk",
    RiskLevel.LOW: "Routine: low risk",
    RiskLevel.NO_APPARENT_RISK: "Routine: no apparent risk",
}


def _at_a_glance(summary: ReferralSummary) -> list[Flowable]:
    """Page 1: what a busy reader needs first: status, urgency, level, the request, routes, words, who to call."""
    concern, screening = summary.concern, summary.screening
    status = summary.status or "Open"
    if summary.outcome.strip():
        status = f"{status}. Outcome: {summary.outcome.strip()}"
    rows: list[tuple[str, str]] = [("Status", status)]
    urgency = ""
    if screening is not None:
        urgency = URGENCY.get(screening.decision.confirmed_level, "")
    if concern.draft.immediate_danger:
        urgency = "The child was recorded as in immediate danger at the time" + (f". {urgency}" if urgency else "")
    rows.append(("Urgency", urgency or "Not yet screened"))
    if screening is not None:
        decision = screening.decision
        level = decision.confirmed_level.label
        if decision.confirmed_level != decision.suggested_level:
            level += f" (the screening tool suggested {decision.suggested_level.label.lower()})"
        else:
            level += " (as the screening tool suggested)"
        rows.append(("Level of risk confirmed by the DSL", level))
    rows += _request_rows(summary)
    rows += body_map_glance(summary.body_map)
    if screening is not None:
        rows.append(("Review date", day(screening.decision.review_date)))
    taken = [
        f"{summary.route_title(e.route)}: {e.contacted_name}, {moment(e.contacted_at)}"
        + (f", reference {e.reference}" if e.reference.strip() else "")
        for e in summary.referrals
    ]
    rows.append(("Routes already taken", "; ".join(taken) if taken else "None yet: this summary is the first contact"))
    out: list[Flowable] = [heading("At a glance"), *fields(rows)]
    for entry in summary.overdue_confirmations():
        out.append(
            markup(
                f"<b>Written confirmation overdue:</b> to {esc(summary.route_title(entry.route))}, due "
                f"{esc(day(entry.confirmation_due))}, not yet sent.",
                _FLAG,
            )
        )
    words = concern.draft.childs_words.strip()
    if words:
        shown = words if len(words) <= 400 else words[:400].rsplit(" ", 1)[0] + " …"
        out += [markup("<b>The child's own words</b> (verbatim)", H2), *paragraphs(shown, VERBATIM, "“", "”")]
        if shown != words:
            out.append(para("The whole account is under The concern.", SMALL))
    out += _call_back(summary)
    return out


def _request_rows(summary: ReferralSummary) -> list[tuple[str, str]]:
    """What the school asks for, consent and whether the parents know, as recorded with the referrals (a referral
    recorded before these were asked prints "Not recorded" once), or as the decision's routes suggest before any."""
    recorded = [e for e in summary.referrals if e.request is not None]
    decision = summary.screening.decision if summary.screening is not None else None
    rows: list[tuple[str, str]] = []
    if recorded:
        marks = "".join(_corrected(summary, "referral", e.referral_id) for e in recorded)
        requests = [(e, e.request) for e in recorded if e.request is not None]
        asks = dict.fromkeys(a for _e, request in requests for a in summary.asked(request))
        # a part typed with its own full stop is not followed by ";" ("…school nurse. Consideration of…")
        rows.append(("What we are asking for", join_phrases(asks, "; ", capitalise=True) + marks))
        consents = [(e, summary.consent_text(request)) for e, request in requests]
        if len({text for _e, text in consents}) == 1:
            consent = consents[0][1]
        else:
            consent = join_phrases((f"{summary.route_title(e.route)}: {text}" for e, text in consents), "; ")
        rows.append(("Consent to the referral", consent + marks))
        rows.append(("Parents or carers know of the referral", summary.parents_text(requests[-1][1])))
        return rows
    if summary.referrals:
        rows.append(("What we asked for and consent", ""))
    elif decision is not None:
        rows.append(("What we are asking for", "; ".join(summary.suggested_asks) or "Advice on what to do next"))
        rows.append(("Consent to the referral", ""))
    if decision is not None:
        told = "Yes" if decision.parents_told else f"No. Why not: {decision.parents_not_told_reason.strip()}"
        rows.append(("Parents or carers told", told))
    return rows


def _call_back(summary: ReferralSummary) -> list[Flowable]:
    setting = summary.setting
    who = ", ".join(p for p in (setting.dsl_name, setting.dsl_role or "Designated Safeguarding Lead") if p)
    rows = [
        (label, value)
        for label, value in (
            ("Call back", who if setting.dsl_name else ""),
            ("Direct telephone", format_phone(setting.dsl_phone)),
            ("Email", setting.dsl_email),
            ("Setting's telephone", format_phone(setting.phone)),
        )
        if value.strip()
    ]
    if not rows:
        return []
    return [KeepTogether([markup("<b>Who to call back</b>", H2), *fields(rows)])]


def _setting(summary: ReferralSummary) -> list[Flowable]:
    setting = summary.setting
    prepared = summary.prepared_by
    rows = [
        (label, value)
        for label, value in (
            ("Setting", setting.name),
            ("Address", setting.address),
            ("Telephone", format_phone(setting.phone)),
        )
        if value.strip()
    ]
    return [
        heading("The setting"),
        *fields(rows),
        *([field("Prepared by", f"{prepared.name}, {prepared.role_label}")] if prepared else []),
    ]


def _child(summary: ReferralSummary) -> list[Flowable]:
    child = summary.child.details
    concern = summary.concern
    on = concern.draft.happened_at.date() if concern.draft.happened_at else concern.submitted_at.date()
    age = child.age_on(on)
    born = day(child.date_of_birth)
    age_text = f"{age} at the time of the concern" if age is not None else ""
    return [
        heading("The child"),
        *fields(
            [
                ("Name", child.full_name),
                ("Known as", child.known_as),
                ("Date of birth and age", ", ".join(part for part in (born, age_text) if part)),
                ("Gender", child.gender),
                ("Year group", child.year_group),
                ("Address", child.address),
                ("Parental responsibility", child.parental_responsibility),
                ("Other agencies involved", child.other_agencies),
                ("Allocated social worker", child.social_worker or "None known"),
                ("Learning disability", "Yes" if child.learning_disability else "None recorded"),
            ]
        ),
        *fields([(label, value) for label, value in _child_file(child) if value.strip()]),
    ]


def _child_file(child: ChildDetails) -> list[tuple[str, str]]:
    """The child file's details a social worker asks for, each printed only when recorded."""
    interpreter = {True: "Interpreter needed", False: "No interpreter needed", None: ""}[child.interpreter_needed]
    sen = child.sen_status.label if child.sen_status is not None else ""
    return [
        ("Ethnicity", child.ethnicity),
        ("First language", ", ".join(p for p in (child.first_language, interpreter) if p)),
        ("Special educational needs", sen),
        ("Disabilities, health and care needs", child.disabilities),
        ("NHS number", child.nhs_number),
        ("Unique pupil number (UPN)", child.upn),
        ("GP", _person(child.gp) if child.gp else ""),
        (
            "Allocated social worker's contact",
            _person(child.allocated_social_worker) if child.allocated_social_worker else "",
        ),
        ("Parents and carers", "; ".join(_person(c, responsibility=True) for c in child.carers)),
        ("Household", "; ".join(m.one_line() for m in child.household)),
    ]


def _person(person: ContactPerson, responsibility: bool = False) -> str:
    parts = [person.name, person.relationship, person.organisation, format_phone(person.phone), person.email]
    if responsibility and person.parental_responsibility:
        parts.append("has parental responsibility")
    return ", ".join(p for p in parts if p.strip())


def _concern(summary: ReferralSummary) -> list[Flowable]:
    concern = summary.concern
    record = concern_record(concern, summary.sign_title, summary.category_title, summary.confirmed_kinds)
    return _section(record, record.title + _corrected(summary, "concern", concern.concern_id))


def _screening(summary: ReferralSummary) -> list[Flowable]:
    """The latest screening and the DSL's decision, as ``domain.screening_record`` describes them."""
    screening = summary.screening
    if screening is None:
        return [heading(SCREENING), para("This concern has not been screened yet.")]
    ids = list(summary.screening_ids or (screening.screening_id,))
    number = ids.index(screening.screening_id) + 1 if screening.screening_id in ids else len(ids)
    first, *rest = screening_record(
        screening,
        summary.screening_title,
        summary.protective_section_ids,
        summary.route_title,
        summary.category_title,
        screening_title(number, len(ids)),
    )
    out = _section(first, first.title + _corrected(summary, "screening", screening.screening_id))
    for section in rest:
        out += _section(section, section.title)
    return out


def _section(section: RecordSection, title: str) -> list[Flowable]:
    """One described section of the record: a heading, then each entry by its shape."""
    out: list[Flowable] = [heading(title)]
    entries = list(section)
    for entry, after in zip(entries, [*entries[1:], None], strict=True):
        if entry.shape is Shape.TEXT:
            out += long_text(entry.label, entry.value)
        elif entry.shape is Shape.VERBATIM:
            out += _childs_words(entry)
        elif entry.shape is Shape.ITEMS:
            out += _items(entry)
        elif entry.shape is Shape.ANSWERS:
            out += _answers(entry)
        else:
            shown = field(entry.label, _when(entry.at) if entry.at else entry.value)
            out.append(with_next(shown) if after is not None and after.follows else shown)
    return out


def _when(at: date) -> str:
    return moment(at) if isinstance(at, datetime) else day(at)


def _items(entry: Entry) -> list[Flowable]:
    """A label (with its value), then one bullet per item; what the entry says when there are none."""
    said = entry.value if entry.items else (entry.value or entry.none)
    if entry.value:
        out: list[Flowable] = [with_next(field(entry.label, entry.value))]
    elif entry.items or said:
        out = [markup(f"<b>{esc(entry.label)}</b>", H2)]
    else:
        return []
    if not entry.items:
        return out if entry.value else [*out, para(said, INDENT)]
    return out + [markup(f"•&nbsp;&nbsp;{esc(item)}", INDENT) for item in entry.items]


def _childs_words(entry: Entry) -> list[Flowable]:
    out: list[Flowable] = [markup(f"<b>{esc(entry.label)}</b> (verbatim, exactly as said)", H2)]
    words = entry.value.strip()
    if not words:
        return [*out, markup(or_not_recorded(""), INDENT)]
    return [*out, *paragraphs(words, VERBATIM, before="“", after="”")]


def _answers(entry: Entry) -> list[Flowable]:
    """The tool's questions answered, in italics under their sections, each with its facts and the DSL's note."""
    if not entry.answers and not entry.none:
        return []
    out: list[Flowable] = [markup(f"<b>{esc(entry.label)}</b>", H2)]
    if not entry.answers:
        return [*out, para(entry.none, INDENT)]
    for group, answers in groupby(entry.answers, key=lambda a: a.group):
        if group:
            out.append(with_next(markup(f"<i>{esc(group)}</i>", BODY)))
        for answer in answers:
            bullet = markup(f"•&nbsp;&nbsp;{esc(answer.line)}", INDENT)
            out.append(with_next(bullet) if answer.note else bullet)
            if answer.note:
                out.append(markup(f"<i>Note:</i> {esc(answer.note)}", _NOTE))
    return out


def _referrals(summary: ReferralSummary) -> list[Flowable]:
    out: list[Flowable] = [heading("Who was contacted")]
    if not summary.referrals:
        return [*out, para("No contact with another agency has been recorded yet.", INDENT)]
    for entry in summary.referrals:
        out += _referral(summary, entry)
    return out


def _referral(summary: ReferralSummary, entry: ReferralEntry) -> list[Flowable]:
    confirmation = (
        f"sent {day(entry.confirmation_sent)}"
        if entry.confirmation_sent
        else (f"due {day(entry.confirmation_due)}" if entry.confirmation_due else "")
    )
    late = entry in summary.overdue_confirmations()
    if late:
        confirmation += " (OVERDUE: not yet sent)"
    return [
        markup(
            f"<b>{esc(summary.route_title(entry.route))}</b>{esc(_corrected(summary, 'referral', entry.referral_id))}",
            H2,
        ),
        *fields(
            [
                ("Contacted", entry.contacted_name),
                ("When", moment(entry.contacted_at)),
                ("Their reference", entry.reference),
                *_asked(summary, entry),
                ("Outcome", entry.outcome),
                ("Written confirmation", confirmation),
                ("Recorded by", f"{entry.recorded_by.name}, {entry.recorded_by.role_label}"),
            ]
        ),
    ]


def _asked(summary: ReferralSummary, entry: ReferralEntry) -> list[tuple[str, str]]:
    request = entry.request
    if request is None:  # recorded before Waymark asked: said once, not a column of "Not recorded"
        return [("What we asked for and consent", "")]
    return [
        ("What we asked for", "; ".join(summary.asked(request))),
        ("Consent to the referral", summary.consent_text(request)),
        ("Parents or carers know of the referral", summary.parents_text(request)),
    ]


def _addenda(summary: ReferralSummary) -> list[Flowable]:
    if not summary.addenda:
        return []
    out: list[Flowable] = [heading("Addenda (corrections and additions)")]
    for number, addendum in enumerate(summary.addenda, 1):
        out.append(
            markup(
                f"<b>Addendum {number}: {esc(moment(addendum.written_at))}</b>, {esc(addendum.author.name)} "
                f"({esc(addendum.author.role_label)}), to {esc(summary.correction_target(addendum))}",
                H2,
            )
        )
        out.append(with_next(field("Why", addendum.reason, INDENT)))
        out.append(field("What changed", addendum.change, INDENT))
    return out


def _corrected(summary: ReferralSummary, kind: str, object_id: int) -> str:
    numbers = summary.addendum_numbers(kind, object_id)
    if not numbers:
        return ""
    listed = ", ".join(str(n) for n in numbers)
    return f" (corrected: see addendum{'a' if len(numbers) > 1 else ''} {listed})"


_FLAG = BODY.clone("Flag", textColor=colors.HexColor("#8a1c14"), borderPadding=3, spaceBefore=2, spaceAfter=4)
_NOTE = INDENT.clone("Note", leftIndent=INDENT.leftIndent + 12, textColor=SMALL.textColor)
