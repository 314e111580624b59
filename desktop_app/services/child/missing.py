"""Missing episodes: record them (checked first, nothing saved half-way), correct them by addendum, and read them for
the child file, the chronology, the screening's "goes missing" suggestion and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop_app.definitions import Forms, load_forms
from desktop_app.domain.connections import MissingEpisode
from desktop_app.domain.documents import ChronologyEvent
from desktop_app.domain.enums import AddendumTarget
from desktop_app.errors import FieldProblem, InvalidInput
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork

MAX_TEXT = 10_000
MAX_SHORT = 200


@dataclass(frozen=True, slots=True)
class MissingEpisodeForm:
    """What the missing-episode form collects, as entered. Times are aware, or naive local times."""

    went_missing_at: datetime | None
    returned_at: datetime | None = None
    where_found: str = ""
    out_of_area: bool = False
    police_told: bool = False
    police_reference: str = ""
    interview_offered: bool = False
    interview_held_at: datetime | None = None
    notes: str = ""


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo is not None else moment.astimezone()).astimezone(UTC)


def check_episode(form: MissingEpisodeForm, now: datetime) -> dict[str, object]:
    """The values to store, or InvalidInput naming each field with one sentence."""
    problems: list[FieldProblem] = []
    went = _aware(form.went_missing_at)
    back = _aware(form.returned_at)
    held = _aware(form.interview_held_at)
    now = _aware(now) or now
    if went is None:
        problems.append(FieldProblem("went_missing_at", "Give the date and time the child went missing."))
    elif went > now:
        problems.append(FieldProblem("went_missing_at", "The time the child went missing is in the future; check it."))
    if back is not None:
        if went is not None and back < went:
            problems.append(
                FieldProblem(
                    "returned_at",
                    "The child cannot have returned before they went missing: check the two dates and times.",
                )
            )
        elif back > now:
            problems.append(FieldProblem("returned_at", "The time the child returned is in the future; check it."))
    if held is not None:
        if back is None:
            problems.append(
                FieldProblem(
                    "interview_held_at",
                    "A return interview can only be held after the child returned: give the time they returned first.",
                )
            )
        elif held < back:
            problems.append(
                FieldProblem(
                    "interview_held_at",
                    "The return interview cannot be before the child returned: check the two dates and times.",
                )
            )
        elif held > now:
            problems.append(FieldProblem("interview_held_at", "The return interview time is in the future; check it."))
    if form.police_reference.strip() and not form.police_told:
        problems.append(
            FieldProblem(
                "police_reference",
                "A police reference is given, but 'the police were told' "
                "is not ticked: tick it, or clear the reference.",
            )
        )
    for name, value, limit in (
        ("where_found", form.where_found, MAX_SHORT * 5),
        ("police_reference", form.police_reference, MAX_SHORT),
        ("notes", form.notes, MAX_TEXT),
    ):
        if len(value) > limit:
            problems.append(FieldProblem(name, f"This is longer than {limit:,} characters; shorten it."))
    if problems:
        raise InvalidInput(problems)
    return {
        "went_missing_at": went,
        "returned_at": back,
        "where_found": form.where_found.strip(),
        "out_of_area": form.out_of_area,
        "police_told": form.police_told,
        "police_reference": form.police_reference.strip(),
        "interview_offered": form.interview_offered or held is not None,
        "interview_held_at": held,
        "notes": form.notes.strip(),
    }


def record_episode(
    session: VaultSession, child_id: int, form: MissingEpisodeForm, now: datetime | None = None
) -> MissingEpisode:
    values = check_episode(form, now or datetime.now(UTC))
    actor = session.actor()
    with session.uow() as uow:
        uow.children.get(child_id)
        episode = uow.missing.add(child_id, values, actor)
        uow.audit.append(actor, "missing.recorded", f"child:{child_id}", {"episode": episode.episode_id})
        uow.commit()
    return episode


def _summary(values: dict[str, object]) -> dict[str, str]:
    def moment(value: object) -> str:
        return value.astimezone().strftime("%d %b %Y %H:%M") if isinstance(value, datetime) else "not known"

    def yes(value: object) -> str:
        return "yes" if value else "no"

    return {
        "Went missing": moment(values["went_missing_at"]),
        "Returned": moment(values["returned_at"]),
        "Where found": str(values["where_found"]) or "not recorded",
        "Out of area": yes(values["out_of_area"]),
        "Police told": yes(values["police_told"]),
        "Police reference": str(values["police_reference"]) or "none",
        "Return interview offered": yes(values["interview_offered"]),
        "Return interview held": moment(values["interview_held_at"]),
        "Notes": str(values["notes"]),
    }


def correct_episode(
    session: VaultSession, episode_id: int, form: MissingEpisodeForm, reason: str, now: datetime | None = None
) -> MissingEpisode:
    """Correct or complete an episode (e.g. the child has returned); the addendum keeps what it said before."""
    values = check_episode(form, now or datetime.now(UTC))
    if not reason.strip():
        raise InvalidInput([FieldProblem("reason", "Say why this episode is being corrected or added to.")])
    actor = session.actor()
    with session.uow() as uow:
        old = uow.missing.get(episode_id)
        before = _summary({k: getattr(old, k) for k in values})
        after = _summary(values)
        change = "; ".join(
            f"{label}: “{before[label]}” → “{after[label]}”" for label in before if before[label] != after[label]
        )
        if not change:
            raise InvalidInput([FieldProblem("reason", "Nothing was changed: the episode already says this.")])
        episode = uow.missing.update(episode_id, values)
        uow.addenda.add(AddendumTarget.MISSING_EPISODE, episode_id, actor, reason.strip(), change)
        uow.audit.append(actor, "missing.corrected", f"child:{old.child_id}", {"episode": episode_id})
        uow.commit()
    return episode


def episodes(session: VaultSession, child_id: int, limit: int = 500) -> list[MissingEpisode]:
    """A child's episodes, newest first."""
    with session.uow() as uow:
        return uow.missing.for_child(child_id, limit)


def describe(episode: MissingEpisode, interview_hours: int) -> str:
    """One plain sentence or two about an episode, as the chronology and the sharing export say it."""
    parts = []
    if episode.returned_at is None:
        parts.append("Not yet recorded as returned.")
    else:
        hours = (episode.returned_at - episode.went_missing_at).total_seconds() / 3600
        length = f"{hours:.0f} hours" if hours >= 1.5 else "under 2 hours"
        where = f", found at {episode.where_found}" if episode.where_found else ""
        parts.append(f"Returned after {length}{where}{' (out of area)' if episode.out_of_area else ''}.")
    if episode.police_told:
        ref = f" (reference {episode.police_reference})" if episode.police_reference else ""
        parts.append(f"Police told{ref}.")
    else:
        parts.append("Police not told.")
    within = episode.interview_within(interview_hours)
    if episode.interview_held:
        parts.append(f"Return interview held {'within' if within else 'after more than'} {interview_hours} hours.")
    elif episode.interview_offered:
        parts.append("Return interview offered, not held.")
    else:
        parts.append("No return interview offered.")
    return " ".join(parts)


def chronology_events(uow: UnitOfWork, child_id: int, forms: Forms | None = None) -> list[ChronologyEvent]:
    """The child's missing episodes (and their corrections) as chronology events."""
    hours = (forms or load_forms()).missing_episodes.return_interview_hours
    events = []
    for episode in uow.missing.for_child(child_id):
        events.append(
            ChronologyEvent(
                when=episode.went_missing_at,
                kind="Missing episode",
                summary=describe(episode, hours) + (f" Notes: {episode.notes}" if episode.notes else ""),
                recorded_by=episode.recorded_by,
            )
        )
        events += [
            ChronologyEvent(a.written_at, "Amendment", a.change, action=f"Why: {a.reason}", recorded_by=a.author.name)
            for a in uow.addenda.for_object(AddendumTarget.MISSING_EPISODE, episode.episode_id)
        ]
    return events


def screening_hints(uow: UnitOfWork, child_id: int, now: datetime, forms: Forms | None = None) -> dict[str, str]:
    """A note for the screening's "goes missing" item when the child has recent episodes (the DSL still answers):
    {item id: "2 missing episodes recorded in the last 3 months"}."""
    hint = (forms or load_forms()).missing_episodes.screening
    count = uow.missing.count_for_child(child_id, (_aware(now) or now) - timedelta(days=hint.days))
    if not count:
        return {}
    return {hint.item: f"{count} missing episode{'s' if count != 1 else ''} recorded in {hint.period}"}


@dataclass(frozen=True, slots=True)
class RepeatedRow:
    child_id: int
    child_name: str
    episodes: int
    latest: datetime


def repeated_threshold(forms: Forms | None = None) -> tuple[int, int, str]:
    """(episodes, days, meaning) from forms/missing_episodes.toml."""
    repeated = (forms or load_forms()).missing_episodes.repeated
    return repeated.episodes, repeated.days, repeated.meaning


def repeatedly_missing(
    session: VaultSession, limit: int, now: datetime | None = None, offset: int = 0, forms: Forms | None = None
) -> list[RepeatedRow]:
    """Children with repeated missing episodes in the period forms/ sets, most episodes first (the dashboard)."""
    at_least, days, _meaning = repeated_threshold(forms)
    since = (_aware(now) or datetime.now(UTC)) - timedelta(days=days)
    with session.uow() as uow:
        rows = uow.missing.repeated(since, at_least, limit, offset)
        return [
            RepeatedRow(child_id, uow.children.get(child_id).details.display_name, count, latest)
            for child_id, count, latest in rows
        ]


def count_repeatedly_missing(session: VaultSession, now: datetime | None = None, forms: Forms | None = None) -> int:
    at_least, days, _meaning = repeated_threshold(forms)
    since = (_aware(now) or datetime.now(UTC)) - timedelta(days=days)
    with session.uow() as uow:
        return uow.missing.count_repeated(since, at_least)


def recent_count(session: VaultSession, child_id: int, days: int, now: datetime | None = None) -> int:
    """How many of the child's episodes started in the last ``days`` days."""
    since = (_aware(now) or datetime.now(UTC)) - timedelta(days=days)
    with session.uow() as uow:
        return uow.missing.count_for_child(child_id, since)


def return_interview_hours(forms: Forms | None = None) -> int:
    return (forms or load_forms()).missing_episodes.return_interview_hours
