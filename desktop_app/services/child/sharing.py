"""Sharing with the specialist exploitation service (named in forms/missing_episodes.toml, a contact of
contacts.toml): the children the DSL selects, over a date range — concerns, levels and missing episodes.

The DSL sees exactly what leaves (``build_export`` → the preview), then saves one AES-256 encrypted PDF that holds
the table and the same rows as a CSV attachment: any PDF reader opens it with the password, and no zip tool is
needed. Saved only with an audit row in the same transaction (ids and counts, never names).
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pikepdf

from desktop_app.definitions import Forms, load_forms
from desktop_app.domain.connections import MissingEpisode
from desktop_app.domain.documents import DocumentMeta
from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import Concern
from desktop_app.domain.sharing import SharedChild, SharedEvent, SharingExport
from desktop_app.errors import UserFacingError
from desktop_app.reports import encrypt_pdf
from desktop_app.reports.sharing import sharing_csv, sharing_pdf
from desktop_app.services.child.missing import describe
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork
from desktop_app.vault import atomic
from desktop_app.vault.leftovers import OutputRegister
from desktop_app.vault.outputs import OutputKind, check_output_path

SUMMARY_LIMIT = 600  # characters of a concern's account; the full record stays in the setting
MAX_CHILDREN = 500


def recipient(forms: Forms | None = None) -> str:
    """The specialist service's name as forms/ gives it ("The Amber Project")."""
    forms = forms or load_forms()
    contact = forms.contacts.contact(forms.missing_episodes.sharing.contact)
    assert contact is not None  # checked when the forms folder loads
    return contact.title


def _local_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def check_period(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    if start is None or end is None:
        raise UserFacingError("Give both the first and the last day of the period to share.")
    if end < start:
        raise UserFacingError("The last day of the period is before the first day: check the two dates.")
    if start > today:
        raise UserFacingError("The period starts in the future, so there is nothing to share yet.")
    return start, end


def build_export(
    session: VaultSession,
    child_ids: list[int] | tuple[int, ...],
    start: date | None,
    end: date | None,
    today: date | None = None,
    forms: Forms | None = None,
) -> SharingExport:
    """Exactly what will leave: each selected child (and no other), their concerns, screenings and missing
    episodes in the period [start, end], oldest first."""
    forms = forms or load_forms()
    first, last = check_period(start, end, today or date.today())
    chosen = list(dict.fromkeys(child_ids))
    if not chosen:
        raise UserFacingError("Choose at least one child whose information is to be shared.")
    if len(chosen) > MAX_CHILDREN:
        raise UserFacingError(f"Share at most {MAX_CHILDREN} children at once; split the list into smaller exports.")
    since, until = _local_start(first), _local_start(last + timedelta(days=1))
    with session.uow() as uow:
        children = tuple(_shared_child(uow, child_id, since, until, forms) for child_id in chosen)
        setting = uow.setting.get()
    return SharingExport(
        recipient=recipient(forms),
        setting=setting,
        start=first,
        end=last,
        prepared_by=f"{session.actor().name} ({session.actor().role_label})",
        children=children,
    )


def _in(moment: datetime, since: datetime, until: datetime) -> bool:
    return since <= moment < until


def _shared_child(uow: UnitOfWork, child_id: int, since: datetime, until: datetime, forms: Forms) -> SharedChild:
    child = uow.children.get(child_id)
    events: list[SharedEvent] = []
    latest: tuple[datetime, RiskLevel] | None = None
    categories = {c.id: c.title for c in forms.categories.categories}
    for concern in uow.concerns.list_for_child(child_id):
        when = concern.draft.happened_at or concern.submitted_at
        if _in(when, since, until):
            events.append(SharedEvent(when, "Concern", concern.reference, "", _concern_summary(concern, categories)))
        for record in uow.screenings.for_concern(concern.concern_id):
            if _in(record.completed_at, since, until):
                level = record.decision.confirmed_level
                events.append(
                    SharedEvent(
                        record.completed_at,
                        "Screening",
                        concern.reference,
                        level.label,
                        f"Level of risk confirmed: {level.label.lower()}.",
                    )
                )
                if latest is None or record.completed_at > latest[0]:
                    latest = (record.completed_at, level)
    hours = forms.missing_episodes.return_interview_hours
    episodes: list[MissingEpisode] = uow.missing.for_child(child_id, since=since, until=until)
    events += [
        SharedEvent(e.went_missing_at, "Missing episode", e.police_reference, "", describe(e, hours)) for e in episodes
    ]
    events.sort(key=lambda e: e.when)
    return SharedChild(
        child_id=child_id,
        name=child.details.full_name,
        date_of_birth=child.details.date_of_birth,
        year_group=child.details.year_group,
        latest_level=latest[1].label if latest else "Not screened in this period",
        events=tuple(events),
    )


def _concern_summary(concern: Concern, categories: dict[str, str]) -> str:
    draft = concern.draft
    account = " ".join(draft.account.split())
    if len(account) > SUMMARY_LIMIT:
        account = account[: SUMMARY_LIMIT - 1] + "…"
    kinds = ", ".join(categories.get(c, c) for c in draft.category_ids)
    where = f" At {draft.location}." if draft.location.strip() else ""
    return (f"{kinds}. " if kinds else "") + account + where


def document_id(export: SharingExport, today: date | None = None) -> str:
    return f"SHR-{(today or date.today()):%Y%m%d}-{len(export.children)}"


def render(session: VaultSession, export: SharingExport) -> tuple[bytes, str]:
    """The PDF (with the CSV attached) and its document id; nothing is written or audited yet."""
    with session.uow() as uow:
        seq = uow.audit.latest_seq()
    doc_id = document_id(export)
    meta = DocumentMeta(export.setting.name, doc_id, seq, datetime.now(UTC))
    return attach_csv(sharing_pdf(export, meta), sharing_csv(export), f"{doc_id}.csv"), doc_id


def attach_csv(pdf: bytes, csv_text: str, name: str) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        document.attachments[name] = pikepdf.AttachedFileSpec(
            document,
            csv_text.encode("utf-8"),
            description="The same rows as a CSV file",
            filename=name,
            mime_type="text/csv",
        )
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def save_export(
    session: VaultSession, export: SharingExport, path: Path, password: str | None, *, unencrypted: bool = False
) -> Path:
    """Write the export atomically: an AES-256 PDF (CSV inside) with ``password``; in the clear only when
    ``unencrypted`` (a .csv path then gets the CSV alone). Audited in the same transaction; no file without its row."""
    if password is None and not unencrypted:
        raise UserFacingError("Give a password for the export, or choose to save it without encryption.")
    as_csv = Path(path).suffix.lower() == ".csv"
    if as_csv and password is not None:
        raise UserFacingError("An encrypted export is a PDF with the CSV inside it: save it as a .pdf file.")
    # Never inside the vault, through a link, or over a file of another kind: the command line's check, here.
    path = check_output_path(path, OutputKind.CSV if as_csv else OutputKind.PDF)
    if as_csv:
        data, doc_id = sharing_csv(export).encode("utf-8"), document_id(export)
    else:
        pdf, doc_id = render(session, export)
        data = encrypt_pdf(pdf, password) if password is not None else pdf
    with session.uow() as uow:
        uow.audit.append(
            session.actor(),
            "sharing.exported",
            doc_id,
            {
                "children": [c.child_id for c in export.children],
                "from": export.start.isoformat(),
                "to": export.end.isoformat(),
                "entries": export.event_count,
                "encrypted": password is not None,
                "format": "csv" if as_csv else "pdf",
            },
        )
        atomic.write_bytes(path, data, register=OutputRegister(session.vault_dir))
        try:
            uow.commit()
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return path
