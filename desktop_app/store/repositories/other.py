"""``uow.addenda``, ``uow.setting``, ``uow.contacts`` and ``uow.users``."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_app.domain.enums import AddendumTarget, Role
from desktop_app.domain.records import Actor, Addendum, Closure, Setting, User
from desktop_app.store.audit import AuditLog
from desktop_app.store.errors import RecordNotFound, VaultDamaged
from desktop_app.store.models import AddendumRow, ContactOverrideRow, SettingRow, UserRow
from desktop_app.store.repositories._common import actor_columns, actor_of
from desktop_app.store.types import utc_now

INTAKE_KEY_SIZE = 32


def _to_addendum(row: AddendumRow) -> Addendum:
    return Addendum(
        addendum_id=row.id,
        object_kind=AddendumTarget(row.object_kind),
        object_id=row.object_id,
        author=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        written_at=row.written_at,
        reason=row.reason,
        change=row.change,
    )


class AddendumRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, object_kind: AddendumTarget, object_id: int, actor: Actor, reason: str, change: str) -> Addendum:
        kind = AddendumTarget(object_kind)  # ValueError for a kind that is not one
        row = AddendumRow(
            object_kind=kind.value,
            object_id=object_id,
            written_at=utc_now(),
            reason=reason,
            change=change,
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        return _to_addendum(row)

    def for_object(self, object_kind: AddendumTarget, object_id: int) -> list[Addendum]:
        return self.for_objects(object_kind, [object_id])[object_id]

    def for_objects(self, object_kind: AddendumTarget, object_ids: Collection[int]) -> dict[int, list[Addendum]]:
        """``for_object`` for many objects of one kind in one query."""
        found: dict[int, list[Addendum]] = {object_id: [] for object_id in object_ids}
        if not found:  # nothing to look for: no query
            return found
        rows = self._session.scalars(
            select(AddendumRow)
            .where(AddendumRow.object_kind == AddendumTarget(object_kind), AddendumRow.object_id.in_(list(found)))
            .order_by(AddendumRow.id)
        )
        for row in rows:
            found[row.object_id].append(_to_addendum(row))
        return found


# Kept in the row's ``extra`` JSON beside the flags (no column of their own): the DSL's role and the closures.
_ROLE_KEY, _CLOSURES_KEY = "dsl_role", "closures"


def _to_setting(row: SettingRow) -> Setting:
    extra = dict(json.loads(row.extra or "{}"))
    role = str(extra.pop(_ROLE_KEY, ""))
    closures = tuple(
        sorted(
            Closure(date.fromisoformat(first), date.fromisoformat(last), str(note))
            for first, last, note in extra.pop(_CLOSURES_KEY, [])
        )
    )
    return Setting(
        name=row.name,
        address=row.address,
        phone=row.phone,
        dsl_name=row.dsl_name,
        dsl_phone=row.dsl_phone,
        dsl_email=row.dsl_email,
        extra={k: str(v) for k, v in extra.items()},
        dsl_role=role,
        closures=closures,
    )


def _extra_json(setting: Setting) -> str:
    stored: dict[str, object] = {k: v for k, v in setting.extra.items() if k not in (_ROLE_KEY, _CLOSURES_KEY)}
    if setting.dsl_role:
        stored[_ROLE_KEY] = setting.dsl_role
    if setting.closures:
        stored[_CLOSURES_KEY] = [[c.first.isoformat(), c.last.isoformat(), c.note] for c in sorted(setting.closures)]
    return json.dumps(stored, sort_keys=True)


class SettingRepository:
    """The setting's details. ``update`` writes its own audit row (``setting.updated``)."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self._session = session
        self._audit = audit

    def create(self, vault_id: str, setting: Setting, intake_private_key: bytes, audit_key: bytes) -> Setting:
        """The one setting row, written once when the vault is created."""
        row = SettingRow(
            id=1,
            vault_id=vault_id,
            name=setting.name,
            address=setting.address,
            phone=setting.phone,
            dsl_name=setting.dsl_name,
            dsl_phone=setting.dsl_phone,
            dsl_email=setting.dsl_email,
            extra=_extra_json(setting),
            intake_private_key=intake_private_key,
            audit_key=audit_key,
            created_at=utc_now(),
        )
        self._session.add(row)
        self._session.flush()
        return _to_setting(row)

    def intake_private_key(self) -> bytes:
        return bytes(self.row().intake_private_key)

    def intake_private_keys(self) -> list[bytes]:
        """The current intake private key, then the retired ones (newest first) for items sealed before a change."""
        row = self.row()
        retired = bytes(row.retired_intake_keys or b"")
        return [bytes(row.intake_private_key)] + [
            retired[i : i + INTAKE_KEY_SIZE] for i in range(0, len(retired), INTAKE_KEY_SIZE)
        ]

    def replace_intake_key(self, private_key: bytes) -> None:
        """Make ``private_key`` the intake key; the old one is kept as retired. The caller appends the audit row."""
        if len(private_key) != INTAKE_KEY_SIZE:
            raise ValueError("an X25519 private key is 32 bytes")
        row = self.row()
        row.retired_intake_keys = bytes(row.intake_private_key) + bytes(row.retired_intake_keys or b"")
        row.intake_private_key = private_key
        self._session.flush()

    def row(self) -> SettingRow:
        row = self._session.get(SettingRow, 1)
        if row is None:
            raise VaultDamaged("The vault's database has no setting record; it is incomplete. Restore a backup.")
        return row

    def get(self) -> Setting:
        return _to_setting(self.row())

    def vault_id(self) -> str:
        return self.row().vault_id

    def update(self, setting: Setting, actor: Actor) -> Setting:
        row = self.row()
        row.name, row.address, row.phone = setting.name, setting.address, setting.phone
        row.dsl_name, row.dsl_phone, row.dsl_email = setting.dsl_name, setting.dsl_phone, setting.dsl_email
        row.extra = _extra_json(setting)
        self._session.flush()
        self._audit.append(actor, "setting.updated", "setting")
        return _to_setting(row)


class ContactRepository:
    """Local phone numbers replacing those in forms/. ``set_phone`` writes its own audit row."""

    def __init__(self, session: Session, audit: AuditLog) -> None:
        self._session = session
        self._audit = audit

    def overrides(self) -> dict[str, str]:
        return {r.contact_id: r.phone for r in self._session.scalars(select(ContactOverrideRow))}

    def set_phone(self, contact_id: str, phone: str, actor: Actor) -> None:
        row = self._session.get(ContactOverrideRow, contact_id)
        if not phone.strip():
            if row is not None:
                self._session.delete(row)
        elif row is None:
            self._session.add(ContactOverrideRow(contact_id=contact_id, phone=phone.strip()))
        else:
            row.phone = phone.strip()
        self._session.flush()
        self._audit.append(actor, "contact.phone_set", contact_id)


def _to_user(row: UserRow) -> User:
    return User(user_id=row.user_id, name=row.name, role=Role(row.role))


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def active(self) -> list[User]:
        rows = self._session.scalars(select(UserRow).where(UserRow.removed_at.is_(None)).order_by(UserRow.created_at))
        return [_to_user(r) for r in rows]

    def row(self, user_id: str) -> UserRow:
        row = self._session.get(UserRow, user_id)
        if row is None or row.removed_at is not None:
            raise RecordNotFound("That user is not a member of this vault.")
        return row

    def get(self, user_id: str) -> User:
        # Plain SQL rather than Session.get: unlock reads the person on a new engine, whose statement cache is empty,
        # and compiling the ORM's look-up cost ~1.5 ms of every unlock. Every change to a user is flushed where it is
        # made (add, mark_removed), so the table already holds what the session knows.
        found = self._session.execute(
            text("SELECT user_id, name, role FROM users WHERE user_id = :user_id AND removed_at IS NULL"),
            {"user_id": user_id},
        ).first()
        if found is None:
            raise RecordNotFound("That user is not a member of this vault.")
        return User(user_id=str(found[0]), name=str(found[1]), role=Role(found[2]))

    def add(self, user_id: str, name: str, role: Role, slot_id: str = "", slot_secret: bytes | None = None) -> User:
        row = UserRow(
            user_id=user_id,
            name=name,
            role=Role(role).value,
            slot_id=slot_id,
            slot_secret=slot_secret,
            created_at=utc_now(),
        )
        self._session.add(row)
        self._session.flush()
        return _to_user(row)

    def mark_removed(self, user_id: str) -> None:
        self.row(user_id).removed_at = utc_now()
        self._session.flush()


__all__ = ["AddendumRepository", "ContactRepository", "SettingRepository", "UserRepository", "actor_columns"]
