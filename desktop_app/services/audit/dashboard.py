"""What the dashboard says about the audit and training: the audit due, its actions past due, training due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.definitions.loader import load_audit
from desktop_app.domain.audit import AcademicYear, AuditAnswer
from desktop_app.services.audit import checklist
from desktop_app.services.vault import VaultSession


@dataclass(frozen=True, slots=True)
class AuditReminders:
    year: AcademicYear
    audit_due: str | None  # a sentence, or None when nothing is due
    actions_past_due: tuple[AuditAnswer, ...]
    training_due: int  # staff whose training falls due soon, is overdue, or was never recorded
    staff: int

    def lines(self) -> list[str]:
        out = [self.audit_due] if self.audit_due else []
        late = len(self.actions_past_due)
        if late:
            out.append(
                f"{late} audit action{'s are' if late != 1 else ' is'} past {'their' if late != 1 else 'its'} due date."
            )
        if self.staff and self.training_due:
            out.append(
                f"{self.training_due} member{'s' if self.training_due != 1 else ''} of staff "
                f"{'have' if self.training_due != 1 else 'has'} training due or overdue."
            )
        return out


def reminders(session: VaultSession, today: date | None = None) -> AuditReminders:
    today = today or date.today()
    definition = load_audit()
    year = AcademicYear.containing(today)
    with session.uow() as uow:
        record = checklist.audit_record(uow, year)
        # A year's actions stay on the dashboard until they are done, also after the year has turned.
        earlier = checklist.audit_record(uow, year.previous()) if record is None else None
        source = record or earlier
        late = tuple(a for a in (source.answers if source else ()) if a.action_past_due(today))
        warn = today + timedelta(days=definition.training_warning_days)
        due = uow.training.count_due(today, warn)
        staff = uow.training.count_staff(today)
    return AuditReminders(year, checklist.due_sentence(record, year, today, definition), late, due, staff)
