"""Transfer out: one child's file as an encrypted package (and, for a setting without Waymark, an encrypted PDF),
logged with when, to whom and how, audited in the same transaction as the file is written."""

from __future__ import annotations

import io
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pikepdf

from desktop_app.definitions import load_forms
from desktop_app.domain.transfer import TransferCover, TransferEntry
from desktop_app.errors import FieldProblem
from desktop_app.reports import encrypt_pdf
from desktop_app.reports.transfer import transfer_cover_pdf
from desktop_app.services import documents
from desktop_app.services.transfer.contents import PackageContents, addenda_count, build_zip, child_records
from desktop_app.services.vault import VaultSession
from desktop_app.store.repositories.transfer import OUT
from desktop_app.vault import atomic
from desktop_app.vault import package as locked
from desktop_app.vault.leftovers import OutputRegister
from desktop_app.vault.outputs import OutputKind, check_output_path

Progress = Callable[[int, int, str], None]
PACKAGE_SUFFIX = ".wmtransfer"
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L, U: easy to read aloud on the telephone


def new_password() -> str:
    """A password to read to the receiving DSL by telephone: four groups of four (about 78 bits)."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True, slots=True)
class TransferOut:
    """What the DSL says about a transfer: to which setting, whom, how, and the day it is sent."""

    to_setting: str
    to_person: str = ""
    method: str = ""
    sent_on: date | None = None


@dataclass(frozen=True, slots=True)
class SentTransfer:
    entry: TransferEntry
    package: Path
    pdf: Path | None


def check_details(details: TransferOut) -> None:
    if not details.to_setting.strip():
        raise FieldProblem("to_setting", "Type the name of the setting the child is moving to.")
    if details.sent_on is not None and details.sent_on > date.today():
        raise FieldProblem("sent_on", "The day the file is sent cannot be in the future.")


def _merge(pdfs: list[bytes]) -> bytes:
    merged = pikepdf.Pdf.new()
    for pdf in pdfs:
        with pikepdf.Pdf.open(io.BytesIO(pdf)) as part:
            merged.pages.extend(part.pages)
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


def records_pdf(session: VaultSession, child_id: int, cover: TransferCover) -> tuple[bytes, bytes]:
    """(the whole file as one PDF: cover, chronology, each concern's full record; the chronology alone)."""
    chronology, _id, _title = documents.render_chronology(session, child_id)
    with session.uow() as uow:
        concern_ids = [c.concern_id for c in uow.concerns.list_for_child(child_id, limit=100_000)]
        setting = uow.setting.get()
        seq = uow.audit.latest_seq()
    cover_pdf = transfer_cover_pdf(cover, documents.meta_for(setting, f"TRF-{cover.package_id[:8]}", seq))
    parts = [cover_pdf, chronology]
    parts += [documents.render_referral_summary(session, concern_id)[0] for concern_id in concern_ids]
    return _merge(parts), chronology


def export_transfer(
    session: VaultSession,
    child_id: int,
    out: Path,
    password: str,
    details: TransferOut,
    pdf_out: Path | None = None,
    progress: Progress | None = None,
) -> SentTransfer:
    """Write the child's encrypted package (and PDF), log the transfer and audit it; nothing is left half-done."""
    report = progress or (lambda _s, _o, _w: None)
    check_details(details)
    locked.check_password(password)
    # Never inside the vault, through a link, or over a file of another kind: the command line's check, here,
    # before the slow work.
    out = check_output_path(out, OutputKind.TRANSFER)
    pdf_out = check_output_path(pdf_out, OutputKind.PDF) if pdf_out is not None else None
    sent_on = details.sent_on or date.today()
    package_id = uuid.uuid4().hex
    report(0, 4, "Gathering the child's records")
    with session.uow() as uow:
        child = uow.children.get(child_id)
        records = child_records(uow, child_id)
        setting = uow.setting.get()
    counts = (len(records["concerns"]), addenda_count(records))
    contents_lines = (
        "This cover page.",
        "The chronology: every significant event, oldest first.",
        f"Each concern in full, with its screening, referrals and amendments ({counts[0]} concerns, "
        f"{counts[1]} amendments).",
    )
    cover = TransferCover(
        child.details.display_name,
        child.details.date_of_birth,
        setting.name,
        setting.dsl_name,
        details.to_setting.strip(),
        details.to_person.strip(),
        sent_on,
        package_id,
        contents_lines,
    )
    report(1, 4, "Making the documents")
    whole_pdf, chronology = records_pdf(session, child_id, cover)
    contents = PackageContents(
        package_id, datetime.now(UTC), setting.name, setting.dsl_name, child.details, records, chronology, whole_pdf
    )
    report(2, 4, "Encrypting the transfer file")
    blob = locked.lock(build_zip(contents), password)
    bundle = encrypt_pdf(whole_pdf, password) if pdf_out is not None else None
    report(3, 4, "Writing the files")
    actor = session.actor()
    written: list[Path] = []
    with session.uow() as uow:
        entry = uow.transfers.add(
            child_id,
            OUT,
            package_id,
            sent_on,
            details.to_setting.strip(),
            details.to_person.strip(),
            details.method.strip(),
            actor,
        )
        uow.audit.append(
            actor,
            "transfer.sent",
            f"child:{child_id}",
            {
                "transfer_id": entry.transfer_id,
                "package_id": package_id,
                "pdf": pdf_out is not None,
                "concerns": counts[0],
            },
        )
        try:
            atomic.write_bytes(out, blob, register=OutputRegister(session.vault_dir))
            written.append(out)
            if pdf_out is not None and bundle is not None:
                atomic.write_bytes(pdf_out, bundle, register=OutputRegister(session.vault_dir))
                written.append(pdf_out)
            uow.commit()
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    report(4, 4, "Done")
    return SentTransfer(entry, out, pdf_out)


def methods() -> tuple[str, ...]:
    return load_forms().records.transfer_methods
