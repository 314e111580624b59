"""``uow.attachments`` (files kept with a concern) and ``uow.body_maps`` (where injuries were seen).

Lists read the ``attachments`` table only, never ``attachment_contents``: a concern's list costs the same whether its
files are 2 KB or 20 MB. Nothing is updated or deleted here; a withdrawal and a new body map version are new rows.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.attachments import AttachmentInfo, BodyMap, BodyMark, BodySide, Withdrawal
from desktop_app.domain.records import Actor
from desktop_app.errors import UserFacingError
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ConcernRow
from desktop_app.store.models_attachments import (
    AttachmentContentRow,
    AttachmentRow,
    AttachmentWithdrawalRow,
    BodyMapRow,
)
from desktop_app.store.repositories._common import actor_columns, actor_of
from desktop_app.store.types import utc_now


def _info(row: AttachmentRow, withdrawn: AttachmentWithdrawalRow | None) -> AttachmentInfo:
    return AttachmentInfo(
        attachment_id=row.id,
        concern_id=row.concern_id,
        file_name=row.file_name,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        description=row.description,
        added_at=row.added_at,
        added_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        withdrawal=None
        if withdrawn is None
        else Withdrawal(
            reason=withdrawn.reason,
            at=withdrawn.at,
            by=actor_of(withdrawn.actor_name, withdrawn.actor_role, withdrawn.actor_user_id),
        ),
    )


def _require_concern(session: Session, concern_id: int) -> None:
    if session.get(ConcernRow, concern_id) is None:
        raise RecordNotFound(f"There is no concern with id {concern_id} in this vault.")


class AttachmentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, concern_id: int, file_name: str, media_type: str, data: bytes, description: str, actor: Actor
    ) -> AttachmentInfo:
        _require_concern(self._session, concern_id)
        row = AttachmentRow(
            concern_id=concern_id,
            file_name=file_name,
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            description=description,
            added_at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        self._session.add(AttachmentContentRow(attachment_id=row.id, data=data))
        self._session.flush()
        return _info(row, None)

    def get(self, attachment_id: int) -> AttachmentInfo:
        found = self._session.execute(
            select(AttachmentRow, AttachmentWithdrawalRow)
            .outerjoin(AttachmentWithdrawalRow, AttachmentWithdrawalRow.attachment_id == AttachmentRow.id)
            .where(AttachmentRow.id == attachment_id)
        ).first()
        if found is None:
            raise RecordNotFound("That file is no longer in this vault.")
        return _info(found[0], found[1])

    def for_concern(self, concern_id: int, limit: int = 50, offset: int = 0) -> list[AttachmentInfo]:
        """The concern's files, oldest first (metadata only; the bytes stay where they are)."""
        rows = self._session.execute(
            select(AttachmentRow, AttachmentWithdrawalRow)
            .outerjoin(AttachmentWithdrawalRow, AttachmentWithdrawalRow.attachment_id == AttachmentRow.id)
            .where(AttachmentRow.concern_id == concern_id)
            .order_by(AttachmentRow.id)
            .limit(limit)
            .offset(offset)
        ).all()
        return [_info(a, w) for a, w in rows]

    def count_for_concern(self, concern_id: int) -> int:
        return int(
            self._session.scalar(
                select(func.count()).select_from(AttachmentRow).where(AttachmentRow.concern_id == concern_id)
            )
            or 0
        )

    def content(self, attachment_id: int) -> bytes:
        row = self._session.get(AttachmentContentRow, attachment_id)
        if row is None:
            raise RecordNotFound("That file is no longer in this vault.")
        return bytes(row.data)

    def withdraw(self, attachment_id: int, reason: str, actor: Actor) -> AttachmentInfo:
        info = self.get(attachment_id)
        if info.withdrawn:
            raise UserFacingError("That file was already withdrawn; nothing was changed.")
        self._session.add(
            AttachmentWithdrawalRow(attachment_id=attachment_id, reason=reason, at=utc_now(), **actor_columns(actor))
        )
        self._session.flush()
        return self.get(attachment_id)


def _marks_json(marks: tuple[BodyMark, ...]) -> str:
    return json.dumps(
        [{"side": str(m.side), "x": m.x, "y": m.y, "note": m.note} for m in marks],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _body_map(row: BodyMapRow) -> BodyMap:
    marks = tuple(
        BodyMark(side=BodySide(m["side"]), x=float(m["x"]), y=float(m["y"]), note=str(m["note"]))
        for m in json.loads(row.marks)
    )
    return BodyMap(
        concern_id=row.concern_id,
        version=row.version,
        marks=marks,
        recorded_at=row.recorded_at,
        recorded_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
    )


class BodyMapRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, concern_id: int, marks: tuple[BodyMark, ...], actor: Actor) -> BodyMap:
        """A new version of the concern's body map; the earlier ones stay."""
        _require_concern(self._session, concern_id)
        latest = self._session.scalar(select(func.max(BodyMapRow.version)).where(BodyMapRow.concern_id == concern_id))
        row = BodyMapRow(
            concern_id=concern_id,
            version=int(latest or 0) + 1,
            marks=_marks_json(marks),
            recorded_at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        return _body_map(row)

    def latest(self, concern_id: int) -> BodyMap | None:
        row = self._session.scalars(
            select(BodyMapRow).where(BodyMapRow.concern_id == concern_id).order_by(BodyMapRow.version.desc()).limit(1)
        ).first()
        return None if row is None else _body_map(row)

    def versions(self, concern_id: int) -> list[BodyMap]:
        rows = self._session.scalars(
            select(BodyMapRow).where(BodyMapRow.concern_id == concern_id).order_by(BodyMapRow.version)
        )
        return [_body_map(r) for r in rows]
