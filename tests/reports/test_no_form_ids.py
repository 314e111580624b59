"""No document prints an internal id: every snake_case id of every forms/ file is looked for in every document."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any

import pytest

from desktop_app import paths
from desktop_app.reports import chronology_pdf, quick_reference_pdf, referral_summary_pdf
from tests.reports import samples
from tests.reports.pdfcheck import all_text

SNAKE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")


def _ids(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in ("id", "route", "section", "reached_through", "flags") or key.endswith("_id"):
                found |= {v for v in (inner if isinstance(inner, list) else [inner]) if isinstance(v, str)}
            found |= _ids(inner)
    elif isinstance(value, list):
        for inner in value:
            found |= _ids(inner)
    return found


@cache
def form_ids() -> frozenset[str]:
    ids: set[str] = set()
    for path in sorted(paths.forms_dir().glob("*.toml")):
        ids |= _ids(tomllib.loads(path.read_text(encoding="utf-8")))
    return frozenset(i for i in ids if SNAKE.match(i))


def test_the_forms_hold_snake_case_ids_to_look_for() -> None:
    assert {"safeguarding_hub", "social_worker"} <= form_ids()


@pytest.mark.parametrize(
    "render",
    [
        lambda: referral_summary_pdf(samples.SUMMARY, samples.META),
        lambda: chronology_pdf(samples.CHRONOLOGY, samples.META),
        lambda: quick_reference_pdf(samples.QUICK, samples.META),
    ],
    ids=["referral_summary", "chronology", "quick_reference"],
)
def test_no_document_prints_a_forms_id(render: Any) -> None:
    text = all_text(render())
    printed = set(re.findall(r"[a-z0-9]+(?:_[a-z0-9]+)+", text))
    assert not printed & form_ids()
