"""Pupils from the school's MIS (a CSV export from SIMS, Arbor or Bromcom), matched by unique pupil number (UPN).

``preview`` reads the file and says, row by row, what would happen (new, changed, unchanged, or a problem in one
sentence) without saving anything; ``apply`` saves exactly that preview in one transaction, audited. Run again next
term, the same pupils are matched by UPN: nobody is added twice, and what changed becomes a new version of the
child's details. A child already on file without a UPN (recorded from a concern) is matched by name and date of
birth, and gets the UPN.
"""

from __future__ import annotations

import csv
import enum
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from desktop_app.definitions.child_file import MisImportDefinition
from desktop_app.definitions.loader import mis_import_definition
from desktop_app.domain.child import ContactPerson
from desktop_app.domain.identifiers import normal_upn, upn_problem
from desktop_app.domain.records import Child, ChildDetails
from desktop_app.errors import UserFacingError
from desktop_app.services.child.details import changed_labels
from desktop_app.services.vault import VaultSession
from desktop_app.store.repositories._common import fold

LARGEST_FILE = 20 * 1024 * 1024  # bytes: a whole-school export is well under 2 MB
MOST_ROWS = 20_000
Progress = Callable[[int, int], None]


class Outcome(enum.StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    PROBLEM = "problem"

    @property
    def label(self) -> str:
        return {"new": "New", "changed": "Changed", "unchanged": "Unchanged", "problem": "Problem"}[self.value]


@dataclass(frozen=True, slots=True)
class PreviewRow:
    line: int  # the line of the file (the heading is line 1)
    outcome: Outcome
    name: str
    upn: str
    sentence: str  # what will happen, or what is wrong, in one sentence
    child_id: int | None = None
    details: ChildDetails | None = None  # what will be saved (new or changed)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    file_name: str
    digest: str  # sha256 of the file: apply() refuses a preview of a file since changed
    columns: tuple[str, ...]  # what was read: "UPN ← 'UPN'", …
    rows: tuple[PreviewRow, ...]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    def summary(self) -> str:
        parts = [
            f"{self.count(o)} {o.label.lower() if o is not Outcome.PROBLEM else 'with a problem'}" for o in Outcome
        ]
        return f"{len(self.rows)} pupils read: " + ", ".join(parts) + "."


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    changed: int
    unchanged: int
    problems: int


# ----- reading the file ------------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (with or without the byte-order mark Excel adds), else Windows-1252 (older SIMS reports)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _key(heading: str) -> str:
    return re.sub(r"[^a-z0-9]", "", heading.casefold())


def read_table(data: bytes) -> tuple[list[str], list[list[str]]]:
    if not data.strip():
        raise UserFacingError("The file is empty: export the pupil list from the MIS again.")
    if b"\x00" in data[:65536] or data.startswith(b"PK\x03\x04"):
        raise UserFacingError(
            "This is not a CSV file (a spreadsheet or another kind of file?): save the pupil "
            "list from the MIS as CSV and choose that."
        )
    text = decode(data)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error:
        raise UserFacingError(
            "The file could not be read as CSV: save the pupil list from the MIS as CSV again."
        ) from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if len(rows) < 2:
        raise UserFacingError("The file has headings but no pupils: export the pupil list from the MIS again.")
    if len(rows) - 1 > MOST_ROWS:
        raise UserFacingError(f"The file has more than {MOST_ROWS:,} pupils; export one year group at a time.")
    return [h.strip() for h in rows[0]], rows[1:]


def column_map(headings: list[str], definition: MisImportDefinition) -> dict[str, list[int]]:
    """For each value, the columns holding it (address lines may be several), by the headings in forms/."""
    keys = [_key(h) for h in headings]
    found: dict[str, list[int]] = {}
    for value, aliases in definition.columns.model_dump().items():
        if value == "address_lines":
            indexes = sorted({keys.index(_key(a)) for a in aliases if _key(a) in keys})
        else:
            indexes = next(([keys.index(_key(a))] for a in aliases if _key(a) in keys), [])
        if indexes:
            found[value] = indexes
    missing = [
        label
        for value, label in (("upn", "UPN"), ("first_name", "first name"), ("last_name", "surname"))
        if value not in found
    ]
    if missing:
        raise UserFacingError(
            f"This file has no {' or '.join(missing)} column, so it cannot be matched to pupils. Export the "
            "student list from SIMS, Arbor or Bromcom with the UPN, names and date of birth."
        )
    return found


# ----- what each row would do ------------------------------------------------------------------------------------


def preview(
    session: VaultSession, path: Path, today: date | None = None, progress: Progress | None = None
) -> ImportPreview:
    """Read ``path`` and say what importing it would do; nothing is saved."""
    try:
        size = path.stat().st_size
        if size > LARGEST_FILE:
            raise UserFacingError("The file is larger than 20 MB: that is not a pupil list. Choose the CSV export.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserFacingError(f"The file {path.name} is no longer there; choose it again.") from None
    except OSError as error:
        raise UserFacingError(f"The file {path.name} could not be read ({error.strerror}).") from None
    return preview_bytes(session, data, path.name, today or date.today(), progress)


def preview_bytes(
    session: VaultSession, data: bytes, file_name: str, today: date, progress: Progress | None = None
) -> ImportPreview:
    definition = mis_import_definition()
    headings, rows = read_table(data)
    columns = column_map(headings, definition)
    parsed = [_parse_row(line, row, columns, definition, today) for line, row in enumerate(rows, start=2)]
    with session.uow() as uow:
        upns = [p.details.upn for p in parsed if isinstance(p, _Parsed)]
        by_upn = uow.children.by_upn(upns)
        on_file = {cid: uow.children.get(cid) for cid in by_upn.values()}
        without_upn = uow.children.without_upn()
    unmatched: dict[tuple[str, str], list[Child]] = {}
    for child in without_upn:
        unmatched.setdefault((fold(child.details.first_name), fold(child.details.last_name)), []).append(child)
    seen: dict[str, int] = {}
    out: list[PreviewRow] = []
    for index, item in enumerate(parsed):
        if progress is not None and index % 200 == 0:
            progress(index, len(parsed))
        if isinstance(item, PreviewRow):
            out.append(item)
            continue
        upn, name = item.details.upn, item.details.full_name
        if upn in seen:
            out.append(
                PreviewRow(
                    item.line,
                    Outcome.PROBLEM,
                    name,
                    upn,
                    f"The same UPN is on line {seen[upn]} too; only that line is imported.",
                )
            )
            continue
        seen[upn] = item.line
        child_id = by_upn.get(upn)
        if child_id is None:
            match = _by_name(item.details, unmatched)
            if isinstance(match, str):
                out.append(PreviewRow(item.line, Outcome.PROBLEM, name, upn, match))
                continue
            if match is None:
                out.append(
                    PreviewRow(item.line, Outcome.NEW, name, upn, _new_sentence(item.details), details=item.details)
                )
                continue
            child_id = match.child_id
            on_file[child_id] = match
        old = on_file[child_id].details
        new = merged(old, item.details, item.present)
        changed = changed_labels(old, new)
        if changed:
            out.append(
                PreviewRow(item.line, Outcome.CHANGED, name, upn, f"Changes: {', '.join(changed)}.", child_id, new)
            )
        else:
            out.append(PreviewRow(item.line, Outcome.UNCHANGED, name, upn, "Already on file as it is.", child_id))
    if progress is not None:
        progress(len(parsed), len(parsed))
    labels = {v: ", ".join(repr(headings[i]) for i in idx) for v, idx in columns.items()}
    return ImportPreview(
        file_name,
        hashlib.sha256(data).hexdigest(),
        tuple(f"{v.replace('_', ' ')} ← {labels[v]}" for v in columns),
        tuple(out),
    )


def _new_sentence(details: ChildDetails) -> str:
    facts = [
        f"born {details.date_of_birth:%d %b %Y}" if details.date_of_birth else "",
        details.year_group,
        f"{len(details.carers)} contact{'s' if len(details.carers) != 1 else ''}" if details.carers else "",
    ]
    known = ", ".join(f for f in facts if f)
    return f"A new child will be added ({known})." if known else "A new child will be added."


def _by_name(details: ChildDetails, unmatched: dict[tuple[str, str], list[Child]]) -> Child | str | None:
    same_name = unmatched.get((fold(details.first_name), fold(details.last_name)), [])
    same = [c for c in same_name if c.details.date_of_birth == details.date_of_birth]
    if len(same) == 1:
        return same[0]
    if same or any(c.details.date_of_birth is None for c in same_name):
        return (
            "A child of this name is already on file without a UPN or date of birth: add the UPN to their "
            "details first, then import again, so they are not added twice."
        )
    return None


@dataclass(frozen=True, slots=True)
class _Parsed:
    line: int
    details: ChildDetails
    present: frozenset[str]  # the values this export holds (a value it lacks is left as it is on file)


def _parse_row(
    line: int, row: list[str], columns: dict[str, list[int]], definition: MisImportDefinition, today: date
) -> _Parsed | PreviewRow:
    def cell(value: str) -> str:
        idx = columns.get(value, [])
        parts = [row[i].strip() for i in idx if i < len(row) and row[i].strip()]
        return ", ".join(parts) if value == "address_lines" else (parts[0] if parts else "")

    first, last = cell("first_name"), cell("last_name")
    name = f"{first} {last}".strip() or "(no name)"
    upn = normal_upn(cell("upn"))
    if not first or not last:
        return PreviewRow(line, Outcome.PROBLEM, name, upn, "The first name or surname is empty.")
    if not upn:
        return PreviewRow(
            line,
            Outcome.PROBLEM,
            name,
            upn,
            "There is no UPN, so this pupil cannot be matched; add them by hand if they need a file.",
        )
    problem = upn_problem(upn)
    if problem:
        return PreviewRow(line, Outcome.PROBLEM, name, upn, problem)
    born_text = cell("date_of_birth")
    born = _parse_date(born_text, definition)
    if born_text and born is None:
        return PreviewRow(
            line,
            Outcome.PROBLEM,
            name,
            upn,
            f"The date of birth {born_text!r} could not be read; write it day/month/year.",
        )
    if born is not None and born > today:
        return PreviewRow(line, Outcome.PROBLEM, name, upn, "The date of birth is in the future.")
    known = cell("known_as")
    address = cell("address") or cell("address_lines")
    carers = tuple(c for c in (_contact(cell, ""), _contact(cell, "2")) if c is not None)
    details = ChildDetails(
        first_name=first,
        last_name=last,
        known_as=known if fold(known) != fold(first) else "",
        date_of_birth=born,
        year_group=_year(cell("year_group")),
        gender=_gender(cell("gender")),
        address=address,
        upn=upn,
        carers=carers,
    )
    present = {"first_name", "last_name", "upn"}
    present |= {
        v
        for v, k in (
            ("known_as", "known_as"),
            ("date_of_birth", "date_of_birth"),
            ("year_group", "year_group"),
            ("gender", "gender"),
        )
        if cell(k)
    }
    if address:
        present.add("address")
    if carers:
        present.add("carers")
    return _Parsed(line, details, frozenset(present))


def _contact(cell: Callable[[str], str], n: str) -> ContactPerson | None:
    name = cell(f"contact{n}_name")
    if not name:
        return None
    pr = cell(f"contact{n}_parental_responsibility").casefold()
    return ContactPerson(
        name=name,
        relationship=cell(f"contact{n}_relationship"),
        phone=cell(f"contact{n}_phone"),
        email=cell(f"contact{n}_email"),
        parental_responsibility=pr in {"y", "yes", "true", "1", "t"},
    )


def _parse_date(text: str, definition: MisImportDefinition) -> date | None:
    text = " ".join(text.split())
    for pattern in definition.date_formats:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _year(text: str) -> str:
    """ "9", "Y9", "Year 9", "NC Year 9" → "Year 9"; "R" → "Reception"; anything else as written."""
    match = re.fullmatch(r"(?:nc\s*)?(?:year|yr|y)?\s*(\d{1,2})", text.strip(), re.IGNORECASE)
    if match:
        return f"Year {int(match.group(1))}"
    return "Reception" if text.strip().casefold() in {"r", "rec", "reception"} else text.strip()


def _gender(text: str) -> str:
    return {"m": "Male", "f": "Female", "male": "Male", "female": "Female"}.get(text.strip().casefold(), text.strip())


def merged(old: ChildDetails, new: ChildDetails, present: frozenset[str]) -> ChildDetails:
    """The child's details with what the export holds; what only the DSL recorded is kept. Contacts are matched by
    name: a known one is brought up to date (the DSL's notes kept), a new one added, none removed."""
    changes: dict[str, object] = {k: getattr(new, k) for k in present if k != "carers"}
    if "carers" in present:
        carers = list(old.carers)
        for contact in new.carers:
            at = next((i for i, c in enumerate(carers) if fold(c.name) == fold(contact.name)), None)
            if at is None:
                carers.append(contact)
            else:
                c = carers[at]
                carers[at] = replace(
                    c,
                    relationship=contact.relationship or c.relationship,
                    phone=contact.phone or c.phone,
                    email=contact.email or c.email,
                    parental_responsibility=contact.parental_responsibility or c.parental_responsibility,
                )
        changes["carers"] = tuple(carers)
    if old.age_years is not None and "date_of_birth" in present:
        changes["age_years"] = None
    return replace(old, **changes)  # type: ignore[arg-type]


# ----- saving ----------------------------------------------------------------------------------------------------


def apply(
    session: VaultSession, previewed: ImportPreview, data_digest: str, progress: Progress | None = None
) -> ImportResult:
    """Save the new and changed pupils of ``previewed`` in one transaction, audited; ``data_digest`` is the file's
    sha256 now, so a file changed since its preview is refused."""
    if data_digest != previewed.digest:
        raise UserFacingError("The file has changed since it was previewed; preview it again before importing.")
    from desktop_app.definitions.loader import child_details_definition
    from desktop_app.services.child.details import completed

    lists = child_details_definition()
    actor = session.actor()
    todo = [r for r in previewed.rows if r.outcome in (Outcome.NEW, Outcome.CHANGED) and r.details is not None]
    reason = f"Updated from the school's MIS export {previewed.file_name}"
    with session.uow() as uow:
        for index, row in enumerate(todo):
            assert row.details is not None
            details = completed(row.details, lists)
            if row.outcome is Outcome.NEW:
                if uow.children.by_upn([details.upn]):
                    raise UserFacingError("Someone else added one of these pupils meanwhile; preview the file again.")
                child = uow.children.add(details, actor)
                uow.audit.append(actor, "child.added", f"child:{child.child_id}", {"source": "mis_import"})
            else:
                assert row.child_id is not None
                uow.children.amend(row.child_id, details, actor, reason)
                uow.audit.append(actor, "child.amended", f"child:{row.child_id}", {"source": "mis_import"})
            if progress is not None and index % 100 == 0:
                progress(index, len(todo))
        result = ImportResult(
            previewed.count(Outcome.NEW),
            previewed.count(Outcome.CHANGED),
            previewed.count(Outcome.UNCHANGED),
            previewed.count(Outcome.PROBLEM),
        )
        uow.audit.append(
            actor,
            "pupils.imported",
            "children",
            {
                "added": result.added,
                "changed": result.changed,
                "unchanged": result.unchanged,
                "problems": result.problems,
            },
        )
        uow.commit()
    if progress is not None:
        progress(len(todo), len(todo))
    return result


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        raise UserFacingError(f"The file {path.name} could not be read again; choose it again.") from None
