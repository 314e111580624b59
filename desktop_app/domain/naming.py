"""A child's name as lists show it: always with a date of birth, an age or a year group, so two children with the
same name are told apart at a glance."""

from __future__ import annotations

from desktop_app.domain.records import ChildDetails


def identifying_detail(details: ChildDetails) -> str:
    """ "born 03 Feb 2012, Year 9", "age 14", "Year 9", or "" when nothing is known."""
    parts: list[str] = []
    if details.date_of_birth is not None:
        parts.append(f"born {details.date_of_birth:%d %b %Y}")
    elif details.age_years is not None:
        parts.append(f"age {details.age_years}")
    if details.year_group.strip():
        parts.append(details.year_group.strip())
    return ", ".join(parts)


def name_with_detail(details: ChildDetails) -> str:
    """ "Amira Khan (born 03 Feb 2012, Year 9)"; the bare name when nothing else is known."""
    detail = identifying_detail(details)
    return f"{details.display_name} ({detail})" if detail else details.display_name
