"""forms/audit.toml: the annual audit's timings, the training courses and the governors' report's small-count rule."""

from __future__ import annotations

from pydantic import Field, field_validator

from desktop_app.definitions.models import Id, Text, _Document, _first_duplicate, _Frozen


class Course(_Frozen):
    id: Id
    title: Text
    refresh_months: int = Field(ge=1, le=60)


class AuditDefinition(_Document):
    review_months: int = Field(ge=1, le=24)
    training_window_months: int = Field(ge=1, le=36)
    training_warning_days: int = Field(ge=0, le=365)
    audit_warning_days: int = Field(ge=0, le=365)
    suppress_below: int = Field(ge=2, le=50)
    courses: tuple[Course, ...] = Field(min_length=1)

    @field_validator("courses")
    @classmethod
    def _unique(cls, courses: tuple[Course, ...]) -> tuple[Course, ...]:
        duplicate = _first_duplicate([course.id for course in courses])
        if duplicate:
            raise ValueError(f"the course id {duplicate!r} appears twice")
        return courses

    def course(self, course_id: str) -> Course | None:
        return next((c for c in self.courses if c.id == course_id), None)
