"""What a transfer package holds, built and read in memory: a versioned zip of records, PDFs and a manifest.

``package.zip`` (never written in the clear) = ``manifest.json`` (format, version, package id, sender, the child as
the sender knows them, SHA-256 of every other member) + ``records.json`` (the child's records, addenda, versions
and any files this setting itself received) + ``chronology.pdf`` + ``records.pdf`` (the whole file, readable).
The zip is then locked under the transfer password by ``vault.package``.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop_app.domain.codec import from_jsonable, to_jsonable
from desktop_app.domain.enums import AddendumTarget
from desktop_app.domain.records import ChildDetails
from desktop_app.store.uow import UnitOfWork
from desktop_app.vault.package import PackageRefused

FORMAT = "waymark-transfer"
CONTENT_VERSION = 1
RECORDS, CHRONOLOGY, RECORDS_PDF, MANIFEST = "records.json", "chronology.pdf", "records.pdf", "manifest.json"
_MAX_MEMBER = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PackageContents:
    package_id: str
    made_at: datetime
    from_setting: str
    from_dsl: str
    child: ChildDetails
    records: dict[str, Any]
    chronology_pdf: bytes
    records_pdf: bytes

    @property
    def records_json(self) -> str:
        return json.dumps(self.records, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def counts(self) -> dict[str, int]:
        concerns = self.records.get("concerns", [])
        return {
            "concerns": len(concerns),
            "screenings": sum(len(c.get("screenings", [])) for c in concerns),
            "referrals": sum(len(c.get("referrals", [])) for c in concerns),
            "addenda": addenda_count(self.records),
        }


def addenda_count(records: dict[str, Any]) -> int:
    total = len(records.get("child_addenda", []))
    for concern in records.get("concerns", []):
        total += len(concern.get("addenda", []))
        total += sum(len(s.get("addenda", [])) for s in concern.get("screenings", []))
        total += sum(len(r.get("addenda", [])) for r in concern.get("referrals", []))
    return total


def child_records(uow: UnitOfWork, child_id: int) -> dict[str, Any]:
    """Every record of the child as JSON-ready values: details and versions, concerns with their events, screenings,
    referrals and each one's addenda, and the files received from earlier settings (kept as they came)."""
    child = uow.children.get(child_id)
    concerns = []
    for concern in uow.concerns.list_for_child(child_id, limit=100_000):
        concerns.append(
            {
                "concern": to_jsonable(concern),
                "events": [
                    {"status": s, "at": to_jsonable(at), "by": to_jsonable(actor), "note": note}
                    for s, at, actor, note in uow.concerns.events(concern.concern_id)
                ],
                "addenda": [to_jsonable(a) for a in uow.addenda.for_object(AddendumTarget.CONCERN, concern.concern_id)],
                "screenings": [
                    {
                        "screening": to_jsonable(s),
                        "addenda": [
                            to_jsonable(a) for a in uow.addenda.for_object(AddendumTarget.SCREENING, s.screening_id)
                        ],
                    }
                    for s in uow.screenings.for_concern(concern.concern_id)
                ],
                "referrals": [
                    {
                        "referral": to_jsonable(r),
                        "addenda": [
                            to_jsonable(a) for a in uow.addenda.for_object(AddendumTarget.REFERRAL, r.referral_id)
                        ],
                    }
                    for r in uow.referrals.for_concern(concern.concern_id)
                ],
            }
        )
    return {
        "child": to_jsonable(child.details),
        "child_versions": [to_jsonable(v) for v in uow.children.versions(child_id)],
        "child_addenda": [to_jsonable(a) for a in uow.addenda.for_object(AddendumTarget.CHILD, child_id)],
        "concerns": concerns,
        "received": [
            {
                "from_setting": r.from_setting,
                "made_at": to_jsonable(r.made_at),
                "package_id": r.package_id,
                "records": json.loads(r.records),
            }
            for r in uow.transfers.received_for_child(child_id)
        ],
    }


def build_zip(contents: PackageContents) -> bytes:
    """The package's zip, in memory only."""
    members = {
        RECORDS: contents.records_json.encode("utf-8"),
        CHRONOLOGY: contents.chronology_pdf,
        RECORDS_PDF: contents.records_pdf,
    }
    manifest = {
        "format": FORMAT,
        "version": CONTENT_VERSION,
        "package_id": contents.package_id,
        "made_at": contents.made_at.isoformat(),
        "from_setting": contents.from_setting,
        "from_dsl": contents.from_dsl,
        "child": to_jsonable(contents.child),
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1))
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_DAMAGED = "This transfer file is damaged inside, so nothing was imported. Ask the sending setting for the file again."


def read_zip(data: bytes) -> PackageContents:
    """The contents of an unlocked package, every member checked against the manifest."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise PackageRefused("This file is not a Waymark transfer file, so nothing was imported.")
            if int(manifest.get("version", 0)) > CONTENT_VERSION:
                raise PackageRefused(
                    "This transfer file was made by a newer version of Waymark. Update Waymark on "
                    "this computer, then import it again; nothing was imported."
                )
            members: dict[str, bytes] = {}
            for name, digest in dict(manifest["files"]).items():
                info = archive.getinfo(name)
                if info.file_size > _MAX_MEMBER:
                    raise PackageRefused(_DAMAGED)
                members[name] = archive.read(name)
                if hashlib.sha256(members[name]).hexdigest() != digest:
                    raise PackageRefused(_DAMAGED)
            return PackageContents(
                package_id=str(manifest["package_id"]),
                made_at=datetime.fromisoformat(manifest["made_at"]),
                from_setting=str(manifest["from_setting"]),
                from_dsl=str(manifest.get("from_dsl", "")),
                child=from_jsonable(ChildDetails, manifest["child"]),
                records=json.loads(members[RECORDS].decode("utf-8")),
                chronology_pdf=members[CHRONOLOGY],
                records_pdf=members[RECORDS_PDF],
            )
    except PackageRefused:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, UnicodeDecodeError):
        raise PackageRefused(_DAMAGED) from None
