"""The governors' report over one academic year: aggregates only, never a name or a word of any record.

Counts come from ``uow.year_counts`` (store/) month by month; the report prints counts from 1 to 4 as "fewer than 5"
(forms/audit.toml's ``suppress_below``) so no child can be recognised.
"""

from __future__ import annotations

from datetime import date

from desktop_app.definitions import Forms, load_forms
from desktop_app.definitions.loader import load_audit
from desktop_app.domain.audit import AcademicYear, GovernorsReport, MonthlyCounts, Tally
from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.services.audit import checklist, training
from desktop_app.store.repositories.year_counts import month_keys
from desktop_app.store.uow import UnitOfWork

# A column some vaults have on ``concerns`` holding one kind per concern (added by the DSL's-day work).
KIND_COLUMNS = ("kind",)


def _monthly(
    title: str,
    ids: list[str],
    titles: dict[str, str],
    keys: list[str],
    months: tuple[date, ...],
    cells: dict[tuple[str, str], int],
) -> MonthlyCounts:
    extra = sorted({k for (_m, k) in cells} - set(ids))  # ids no longer in forms/ still count
    all_ids = ids + extra
    counts = tuple(tuple(cells.get((m, i), 0) for m in keys) for i in all_ids)
    return MonthlyCounts(title, tuple(titles.get(i, i.replace("_", " ").capitalize()) for i in all_ids), months, counts)


def report(uow: UnitOfWork, year: AcademicYear, today: date, forms: Forms | None = None) -> GovernorsReport:
    """Everything the governors' report prints (inside an open ``with uow``)."""
    forms = forms or load_forms()
    definition = load_audit()
    first, last = year.first_day, year.last_day
    months = year.months()
    keys = month_keys(months)
    counts = uow.year_counts

    by_month = counts.concerns_by_month(first, last)
    concerns = MonthlyCounts(
        "Concerns recorded", ("Concerns recorded",), months, (tuple(by_month.get(k, 0) for k in keys),)
    )

    kind = next((c for c in KIND_COLUMNS if c in counts.columns("concerns")), None)
    categories = {c.id: c.title for c in forms.categories.categories}
    by_category = _monthly(
        "Concerns by category",
        list(categories),
        categories,
        keys,
        months,
        counts.concerns_by_category(first, last, kind),
    )

    levels = {level.value: level.label for level in RiskLevel}
    level_counts = counts.screenings_by_level(first, last)
    routes_known = {str(c.route): c.title for c in forms.contacts.contacts if c.route is not None}
    routes = {r.value: routes_known.get(r.value, r.value.replace("_", " ").capitalize()) for r in RouteId}
    route_counts = counts.referrals_by_route(first, last)
    outcomes = counts.referral_outcomes(first, last)
    closed = counts.concerns_closed(first, last)

    measures = {
        "episodes": "Missing episodes begun",
        "out_of_area": "Found out of the area",
        "police_told": "Police told",
        "interview_offered": "Return interview offered",
    }
    missing = _monthly("Missing episodes", list(measures), measures, keys, months, counts.missing_by_month(first, last))

    record = checklist.audit_record(uow, year, forms)
    figures = training.figures_in(uow, min(today, last))
    return GovernorsReport(
        year=year,
        setting_name=uow.setting.get().name,
        suppress_below=definition.suppress_below,
        concerns_by_month=concerns,
        by_category=by_category,
        by_level=_monthly(
            "Screenings by the level of risk confirmed", list(levels), levels, keys, months, level_counts
        ),
        by_route=_monthly("Referrals by route", list(routes), routes, keys, months, route_counts),
        referral_outcomes=Tally(
            "Referrals and their outcomes",
            (
                ("Referrals made", outcomes["referrals"]),
                ("With an outcome recorded", outcomes["outcome_recorded"]),
                ("With written confirmation sent", outcomes["confirmed"]),
                ("Concerns closed in the year", closed),
            ),
        ),
        missing_episodes=missing,
        audit=record,
        training=figures,
    )
