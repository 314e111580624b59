"""The concern's body map: marks where injuries were seen, saved whole as a new version each time (audited)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.definitions.attachments import Region
from desktop_app.definitions.loader import attachments_definition
from desktop_app.domain.attachments import BodyMap, BodyMark, BodySide
from desktop_app.errors import FieldProblem, InvalidInput, UserFacingError
from desktop_app.services.vault import VaultSession

MAX_MARKS = 60
MAX_NOTE = 200
EXAMPLE = "for example: bruise, left forearm, about 3 cm"


def regions() -> tuple[Region, ...]:
    """The named places on the body (forms/attachments.toml), front ones first."""
    return attachments_definition().regions


def mark_at(region_id: str, note: str) -> BodyMark:
    region = next((r for r in regions() if r.id == region_id), None)
    if region is None:
        raise UserFacingError("That place on the body is not in the list; choose one from the list.")
    return BodyMark(side=BodySide(region.side), x=region.x, y=region.y, note=note.strip())


def problems(marks: Sequence[BodyMark]) -> list[FieldProblem]:
    found: list[FieldProblem] = []
    if len(marks) > MAX_MARKS:
        found.append(
            FieldProblem("marks", f"A body map holds at most {MAX_MARKS} marks; describe the rest in a correction.")
        )
    for number, mark in enumerate(marks, 1):
        note = mark.note.strip()
        if not note:
            found.append(FieldProblem(f"mark_{number}", f"Mark {number} has no note: say what was seen ({EXAMPLE})."))
        elif len(note) > MAX_NOTE:
            found.append(
                FieldProblem(
                    f"mark_{number}",
                    f"The note of mark {number} is {len(note)} characters long; keep it to {MAX_NOTE}.",
                )
            )
        if not (0.0 <= mark.x <= 1.0 and 0.0 <= mark.y <= 1.0):
            found.append(FieldProblem(f"mark_{number}", f"Mark {number} is outside the picture; place it again."))
    return found


def current(session: VaultSession, concern_id: int) -> BodyMap | None:
    with session.uow() as uow:
        return uow.body_maps.latest(concern_id)


def versions(session: VaultSession, concern_id: int) -> list[BodyMap]:
    with session.uow() as uow:
        return uow.body_maps.versions(concern_id)


def save_body_map(session: VaultSession, concern_id: int, marks: Sequence[BodyMark]) -> BodyMap:
    """Save the marks as the concern's new body map version (earlier versions kept); audited ``body_map.saved``."""
    cleaned = tuple(
        BodyMark(side=BodySide(m.side), x=round(float(m.x), 4), y=round(float(m.y), 4), note=" ".join(m.note.split()))
        for m in marks
    )
    found = problems(cleaned)
    if found:
        raise InvalidInput(found)
    actor = session.actor()
    with session.uow() as uow:
        latest = uow.body_maps.latest(concern_id)
        if latest is None and not cleaned:
            raise UserFacingError(
                "There are no marks to save. Click the outline, or choose a place from the list, to add one."
            )
        if latest is not None and latest.marks == cleaned:
            raise UserFacingError("Nothing was changed since the body map was last saved.")
        saved = uow.body_maps.add(concern_id, cleaned, actor)
        uow.audit.append(
            actor, "body_map.saved", f"concern:{concern_id}", {"version": saved.version, "marks": len(cleaned)}
        )
        uow.commit()
    return saved
