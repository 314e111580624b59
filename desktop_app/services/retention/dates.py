"""Each child's retention date: date of birth + the years in forms/records.toml, extended by a hold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.definitions import load_forms
from desktop_app.domain.transfer import Hold, PastRetention
from desktop_app.errors import FieldProblem
from desktop_app.services.vault import VaultSession
from desktop_app.store.repositories.retention import retention_date
from desktop_app.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class RetentionStatus:
    child_id: int
    born_on: date | None  # None: neither a date of birth nor an age is known
    base_date: date | None  # date of birth + the years in forms/
    hold: Hold | None

    @property
    def retention_date(self) -> date | None:
        """When the file may be destroyed; None under a hold without an end, or when it cannot be worked out."""
        if self.hold is not None:
            if self.hold.until is None:
                return None
            return max(self.hold.until, self.base_date) if self.base_date else self.hold.until
        return self.base_date

    def held_on(self, today: date) -> bool:
        return self.hold is not None and (self.hold.until is None or self.hold.until >= today)

    def past(self, today: date) -> bool:
        when = self.retention_date
        return when is not None and when < today and not self.held_on(today)

    def describe(self, today: date) -> str:
        if self.hold is not None and self.held_on(today):
            end = f"until {self.hold.until:%d/%m/%Y}" if self.hold.until else "until the hold is lifted"
            return f"Kept {end}: on hold ({self.hold.reason})."
        if self.base_date is None:
            return "No date of birth or age is on file, so the retention date cannot be worked out."
        state = "passed on" if self.base_date < today else "keep until"
        return f"Retention date: {state} {self.base_date:%d/%m/%Y} (the child's {years()}th birthday)."


def years() -> int:
    return load_forms().records.retention_years_after_birth


def status_in(uow: UnitOfWork, child_id: int) -> RetentionStatus:
    uow.children.get(child_id)
    born = uow.retention.born_on(child_id)
    base = retention_date(born, years()) if born else None
    return RetentionStatus(child_id, born, base, uow.retention.hold(child_id))


def status(session: VaultSession, child_id: int) -> RetentionStatus:
    with session.uow() as uow:
        return status_in(uow, child_id)


def review_list(session: VaultSession, today: date, limit: int = 50, offset: int = 0) -> list[PastRetention]:
    """Files past their retention date that no hold keeps, longest past first (paged)."""
    with session.uow() as uow:
        return uow.retention.past_retention(today, years(), limit=limit, offset=offset)


def count_past(session: VaultSession, today: date) -> int:
    with session.uow() as uow:
        return uow.retention.count_past_retention(today, years())


def place_hold(session: VaultSession, child_id: int, reason: str, until: date | None, today: date) -> Hold:
    """Keep a file past its retention date (a hold with a reason: an inquiry, a court case, a request)."""
    if not reason.strip():
        raise FieldProblem("reason", "Say why the file must be kept (for example, an inquiry or a court case).")
    if until is not None and until <= today:
        raise FieldProblem("until", "A hold must last until a day after today, or until it is lifted.")
    actor = session.actor()
    with session.uow() as uow:
        hold = uow.retention.place_hold(child_id, until, reason.strip(), actor)
        uow.audit.append(
            actor,
            "retention.hold_placed",
            f"child:{child_id}",
            {"hold_id": hold.hold_id, "until": until.isoformat() if until else None},
        )
        uow.commit()
    return hold


def lift_hold(session: VaultSession, child_id: int, reason: str) -> None:
    if not reason.strip():
        raise FieldProblem("reason", "Say why the hold is lifted.")
    actor = session.actor()
    with session.uow() as uow:
        uow.retention.lift_hold(child_id, reason.strip(), actor)
        uow.audit.append(actor, "retention.hold_lifted", f"child:{child_id}", {})
        uow.commit()
