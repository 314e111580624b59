"""The setting's own closure days (INSET days, half terms), so review dates fall on days the school is open."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.records import Closure
from desktop_app.errors import FieldProblem, InvalidInput
from desktop_app.services.vault.session import VaultSession

LONGEST_DAYS = 62  # a summer holiday is about six weeks; a longer closure is almost certainly a typing slip
MAX_NOTE = 120


def check(first: date | None, last: date | None, note: str = "") -> Closure:
    """A closure from what was typed, or InvalidInput naming each bad field."""
    found: list[FieldProblem] = []
    if first is None:
        found.append(FieldProblem("first", "Give the first day the setting is closed."))
    if last is None:
        last = first
    if first is not None and last is not None:
        if last < first:
            found.append(FieldProblem("last", "The last closed day is before the first; check the two dates."))
        elif (last - first).days + 1 > LONGEST_DAYS:
            found.append(
                FieldProblem("last", f"That closure is longer than {LONGEST_DAYS} days; enter each holiday on its own.")
            )
    if len(note) > MAX_NOTE:
        found.append(FieldProblem("note", f"Keep the note under {MAX_NOTE} characters."))
    if found or first is None or last is None:
        raise InvalidInput(found)
    return Closure(first, last, " ".join(note.split()))


def closures(session: VaultSession) -> tuple[Closure, ...]:
    return session.setting.closures


def add(session: VaultSession, closure: Closure) -> tuple[Closure, ...]:
    """Add one closure (audited as ``setting.updated``); the same days twice are kept once."""
    with session.uow() as uow:
        setting = uow.setting.get()
        if closure in setting.closures:
            return setting.closures
        saved = uow.setting.update(
            replace(setting, closures=tuple(sorted((*setting.closures, closure)))), session.actor()
        )
        uow.commit()
    return saved.closures


def remove(session: VaultSession, closure: Closure) -> tuple[Closure, ...]:
    """Remove one closure (audited as ``setting.updated``)."""
    with session.uow() as uow:
        setting = uow.setting.get()
        if closure not in setting.closures:
            return setting.closures
        kept = tuple(c for c in setting.closures if c != closure)
        saved = uow.setting.update(replace(setting, closures=kept), session.actor())
        uow.commit()
    return saved.closures
