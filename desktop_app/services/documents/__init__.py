"""Documents as use cases: gather each document's values from the vault, render it, save or print it, audited.

Every save and every print writes an audit row naming the document id (``document.saved`` / ``document.printed``);
a saved copy is AES-256 encrypted unless the caller says ``unencrypted=True`` (after the warning in the dialog, or
``--unencrypted`` on the command line).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from desktop_app.definitions import Forms, load_forms
from desktop_app.domain.documents import (
    Chronology,
    ContactLine,
    DocumentKind,
    DocumentMeta,
    ObligationText,
    QuickReference,
    ReferralSummary,
)
from desktop_app.domain.enums import RouteId
from desktop_app.domain.records import Concern, Setting
from desktop_app.errors import UserFacingError
from desktop_app.reports import (
    checklist_pdf,
    chronology_pdf,
    encrypt_pdf,
    quick_reference_pdf,
    referral_summary_pdf,
)
from desktop_app.services.casework import concern_addenda, record
from desktop_app.services.child import chronology as child_chronology
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork
from desktop_app.vault import atomic
from desktop_app.vault.leftovers import OutputRegister
from desktop_app.vault.outputs import OutputKind, check_output_path

# ----- document ids ----------------------------------------------------------------------------------------------


def referral_document_id(concern: Concern, screenings: int) -> str:
    """``WM-2026-00042`` with its first screening → ``REF-2026-00042-01``."""
    match = re.fullmatch(r"[A-Z]+-(\d{4})-(\d+)", concern.reference)
    stem = f"{match.group(1)}-{match.group(2)}" if match else f"{concern.submitted_at:%Y}-{concern.concern_id:05d}"
    return f"REF-{stem}-{max(screenings, 1):02d}"


def chronology_document_id(child_id: int, on: date) -> str:
    return f"CHR-{child_id:05d}-{on:%Y%m%d}"


def checklist_document_id(forms: Forms, year: str | None = None) -> str:
    version = re.sub(r"[^A-Za-z0-9]+", "", forms.obligations.version) or "1"
    return f"CHK-{re.sub(r'[^0-9]+', '', year)}-V{version}" if year else f"CHK-BLANK-V{version}"


def quick_reference_document_id(forms: Forms) -> str:
    """``QR-V1-1``: the versions of the contacts and of the steps, so a reprint after either changes is told apart."""
    contacts = re.sub(r"[^A-Za-z0-9]+", "", forms.contacts.version) or "1"
    steps = re.sub(r"[^A-Za-z0-9]+", "", forms.what_to_do.version) or "1"
    return f"QR-V{contacts}-{steps}"


def meta_for(setting: Setting, document_id: str, audit_seq: int, now: datetime | None = None) -> DocumentMeta:
    return DocumentMeta(setting.name, document_id, audit_seq, now or datetime.now(UTC))


# ----- gathering the values --------------------------------------------------------------------------------------


def referral_summary(
    uow: UnitOfWork, concern_id: int, forms: Forms | None = None, today: date | None = None
) -> ReferralSummary:
    """The referral summary of a concern and its latest screening (inside an open ``with uow``)."""
    forms = forms or load_forms()
    concern = uow.concerns.get(concern_id)
    child = uow.children.get(concern.child_id)
    screenings = uow.screenings.for_concern(concern_id)
    latest = max(screenings, key=lambda s: (s.completed_at, s.screening_id)) if screenings else None
    referrals = uow.referrals.for_concern(concern_id)
    addenda = concern_addenda(uow, concern_id, screenings, referrals)
    contacts = forms.contacts.with_phones(uow.contacts.overrides())
    events = uow.concerns.events(concern_id)
    status = str(concern.status)
    outcome = next((note for st, _at, _who, note in reversed(events) if str(st) == "closed"), "")
    definition = forms.screenings.get(latest.definition_id) if latest else None
    listed = uow.attachments.for_concern(concern_id, limit=FILES_LISTED)
    files = tuple(f for f in listed if not f.withdrawn)
    return ReferralSummary(
        setting=uow.setting.get(),
        child=child,
        concern=concern,
        screening=latest,
        referrals=tuple(sorted(referrals, key=lambda r: (r.contacted_at, r.referral_id))),
        addenda=addenda,
        protective_section_ids=record.protective_sections(forms, latest.definition_id if latest else None),
        route_titles=tuple((str(c.route), c.title) for c in contacts.contacts if c.route is not None),
        category_titles=tuple((c.id, c.title) for c in forms.categories.categories),
        sign_titles=record.sign_titles(concern, forms),
        status=STATUS_WORDS.get(status, status.replace("_", " ").capitalize()),
        outcome=outcome,
        screening_title=definition.title if definition is not None else record.UNKNOWN_TOOL,
        today=today or date.today(),
        request_words=tuple((r.id, r.printed) for r in forms.referral_requests.requests),
        consent_words=tuple((c.id, c.printed, c.note_label) for c in forms.referral_requests.consent),
        suggested_asks=_suggested_asks(forms, latest.decision.routes if latest else ()),
        body_map=uow.body_maps.latest(concern_id),
        files=files,
        files_more=uow.attachments.count_for_concern(concern_id) - len(listed) if len(listed) == FILES_LISTED else 0,
        file_kinds=tuple((k.media_type, k.name) for k in forms.attachments.kinds),
        screening_ids=tuple(s.screening_id for s in screenings),
    )


FILES_LISTED = 100  # the referral summary lists a concern's first 100 files and says how many more are kept


def _suggested_asks(forms: Forms, routes: tuple[RouteId, ...]) -> tuple[str, ...]:
    requests = forms.referral_requests
    return tuple(r.printed for r in requests.requests if r.id in requests.suggested(routes))


STATUS_WORDS = {
    "awaiting_screening": "Open, awaiting screening",
    "screened": "Open, screened",
    "referred": "Referred",
    "closed": "Closed",
}


def chronology(uow: UnitOfWork, child_id: int, forms: Forms | None = None) -> Chronology:
    """Every event of one child, oldest first: built by the child file's chronology service (the screen's too)."""
    return child_chronology.chronology(uow, child_id, forms)


def obligations(forms: Forms | None = None) -> tuple[ObligationText, ...]:
    forms = forms or load_forms()
    return tuple(ObligationText(o.id, o.title, o.description, o.evidence) for o in forms.obligations.obligations)


def quick_reference(
    setting: Setting,
    forms: Forms | None = None,
    phones: dict[str, str] | None = None,
    people: tuple[ContactLine, ...] = (),
) -> QuickReference:
    forms = forms or load_forms()
    contacts = forms.contacts.with_phones(phones or {})
    return QuickReference(
        setting=setting,
        steps=forms.what_to_do.texts(contacts),
        contacts=tuple(ContactLine(c.title, c.phone, c.when_to_use, c.notes) for c in contacts.contacts),
        people=people,
    )


def people_to_tell(uow: UnitOfWork, setting: Setting) -> tuple[ContactLine, ...]:
    """The DSL (with the direct number), then the deputies and the CE Lead from the staff register."""
    from desktop_app.domain.audit import ExploitationRole

    people: list[ContactLine] = []
    if setting.dsl_name.strip():
        people.append(
            ContactLine(setting.dsl_name, setting.dsl_phone, setting.dsl_role or "Designated Safeguarding Lead")
        )
    for role, label in (
        (ExploitationRole.DEPUTY, "Deputy Designated Safeguarding Lead"),
        (ExploitationRole.CE_LEAD, "Child Exploitation Lead"),
    ):
        for member in uow.training.with_role(role):
            if member.name != setting.dsl_name:
                people.append(ContactLine(member.name, "", ", ".join(p for p in (label, member.job_title) if p)))
    return tuple(people)


# ----- rendering from a session ----------------------------------------------------------------------------------


def render_referral_summary(session: VaultSession, concern_id: int) -> tuple[bytes, str, str]:
    """(pdf, document id, title) of a concern's referral summary."""
    with session.uow() as uow:
        summary = referral_summary(uow, concern_id)
        summary = _prepared_by(summary, session)
        document_id = referral_document_id(summary.concern, len(uow.screenings.for_concern(concern_id)))
        meta = meta_for(summary.setting, document_id, uow.audit.latest_seq())
    title = f"{DocumentKind.REFERRAL_SUMMARY.label}: {summary.concern.reference}"
    return referral_summary_pdf(summary, meta), document_id, title


def _prepared_by(summary: ReferralSummary, session: VaultSession) -> ReferralSummary:
    from dataclasses import replace

    return replace(summary, prepared_by=session.actor())


def render_chronology(session: VaultSession, child_id: int, today: date | None = None) -> tuple[bytes, str, str]:
    today = today or date.today()
    with session.uow() as uow:
        values = replace(chronology(uow, child_id), today=today)
        document_id = chronology_document_id(child_id, today)
        meta = meta_for(values.setting, document_id, uow.audit.latest_seq())
    title = f"{DocumentKind.CHRONOLOGY.label}: {values.child.details.full_name}"
    return chronology_pdf(values, meta), document_id, title


def render_blank_checklist(setting: Setting | None = None, forms: Forms | None = None) -> tuple[bytes, str, str]:
    """The blank checklist needs no vault: the setting's name is printed when known."""
    forms = forms or load_forms()
    setting = setting or Setting(name="")
    document_id = checklist_document_id(forms)
    meta = meta_for(setting, document_id, 0)
    pdf = checklist_pdf(setting, obligations(forms), meta, title=forms.obligations.title)
    return pdf, document_id, f"{DocumentKind.CHECKLIST.label} (blank)"


def render_quick_reference(session: VaultSession) -> tuple[bytes, str, str]:
    forms = load_forms()
    with session.uow() as uow:
        setting = uow.setting.get()
        values = quick_reference(setting, forms, uow.contacts.overrides(), people_to_tell(uow, setting))
        meta = meta_for(setting, quick_reference_document_id(forms), uow.audit.latest_seq())
    return quick_reference_pdf(values, meta), meta.document_id, DocumentKind.QUICK_REFERENCE.label


# ----- paper and disk, audited -----------------------------------------------------------------------------------


def save_pdf(
    session: VaultSession,
    pdf: bytes,
    path: Path,
    password: str | None,
    document_id: str,
    *,
    kind: DocumentKind | str = "",
    unencrypted: bool = False,
) -> Path:
    """Write the document atomically, AES-256 encrypted with ``password`` unless ``unencrypted``; audited."""
    if password is None and not unencrypted:
        raise UserFacingError("Give a password for the PDF, or choose to save it without encryption.")
    path = check_output_path(path, OutputKind.PDF)  # never inside the vault, through a link, or over another kind
    data = encrypt_pdf(pdf, password) if password is not None else pdf
    # The audit row and the file stand or fall together: the row is written first (not yet committed), then the
    # file; if the commit then fails, the file is removed, so no copy is ever on disk without its audit row.
    with session.uow() as uow:
        uow.audit.append(
            session.actor(), "document.saved", document_id, {"kind": str(kind), "encrypted": password is not None}
        )
        atomic.write_bytes(path, data, register=OutputRegister(session.vault_dir))
        try:
            uow.commit()
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return path


def record_print(session: VaultSession, document_id: str, kind: DocumentKind | str = "") -> int:
    """Audit that a document went to a printer; returns the audit sequence."""
    with session.uow() as uow:
        seq = uow.audit.append(session.actor(), "document.printed", document_id, {"kind": str(kind)})
        uow.commit()
    return seq


OnPrint = Callable[[], None]
OnSave = Callable[[Path, str | None], None]


def actions(session: VaultSession, pdf: bytes, document_id: str, kind: DocumentKind) -> tuple[OnPrint, OnSave]:
    """The print and save callbacks a preview dialog needs, each audited with ``document_id``."""

    def on_print() -> None:
        record_print(session, document_id, kind)

    def on_save(path: Path, password: str | None) -> None:
        # The dialog passes None only after the DSL accepted the warning about an unencrypted copy.
        save_pdf(session, pdf, path, password, document_id, kind=kind, unencrypted=password is None)

    return on_print, on_save


def referral_summary_actions(session: VaultSession, concern_id: int) -> tuple[bytes, str, OnPrint, OnSave]:
    """(pdf, title, on_print, on_save) for ``ui.documents.DocumentDialog``."""
    pdf, document_id, title = render_referral_summary(session, concern_id)
    on_print, on_save = actions(session, pdf, document_id, DocumentKind.REFERRAL_SUMMARY)
    return pdf, title, on_print, on_save
