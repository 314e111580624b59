"""The body map: marks with notes saved as a new version each time, earlier versions kept; regions from forms/."""

from __future__ import annotations

import pytest

from desktop_app.domain.attachments import BodyMark, BodySide
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services.attachments import body_map
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session, record_concern  # noqa: F401

BRUISE = BodyMark(BodySide.FRONT, 0.86, 0.46, "Bruise, left forearm, about 3 cm")


def test_a_new_version_supersedes_and_the_old_one_is_kept(open_session: VaultSession) -> None:
    concern_id = record_concern(open_session)
    assert body_map.current(open_session, concern_id) is None
    first = body_map.save_body_map(open_session, concern_id, [BRUISE])
    scratch = body_map.mark_at("upper_back", "Scratches across the upper back")
    second = body_map.save_body_map(open_session, concern_id, [BRUISE, scratch])
    assert (first.version, second.version) == (1, 2)
    current = body_map.current(open_session, concern_id)
    assert current is not None and [m.note for m in current.marks] == [BRUISE.note, scratch.note]
    assert current.marks[1].side is BodySide.BACK
    assert [len(v.marks) for v in body_map.versions(open_session, concern_id)] == [1, 2]


def test_every_mark_needs_a_note_and_saving_nothing_new_is_refused(
    open_session: VaultSession,
) -> None:
    concern_id = record_concern(open_session)
    with pytest.raises(InvalidInput, match="Mark 2 has no note"):
        body_map.save_body_map(open_session, concern_id, [BRUISE, BodyMark(BodySide.BACK, 0.5, 0.5, "  ")])
    with pytest.raises(UserFacingError, match="no marks to save"):
        body_map.save_body_map(open_session, concern_id, [])
    body_map.save_body_map(open_session, concern_id, [BRUISE])
    with pytest.raises(UserFacingError, match="Nothing was changed"):
        body_map.save_body_map(open_session, concern_id, [BRUISE])
    assert len(body_map.versions(open_session, concern_id)) == 1


def test_every_region_in_the_forms_file_lies_inside_the_picture() -> None:
    from desktop_app.domain.body_outline import inside

    regions = body_map.regions()
    assert {r.side for r in regions} == {"front", "back"}
    assert len({r.title for r in regions}) == len(regions)
    assert [r.id for r in regions if not inside(r.x, r.y)] == []
    assert not inside(0.05, 0.05) and not inside(0.5, 0.75)  # beside the head; between the legs
