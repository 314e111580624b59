"""The unit of work: one transaction, repositories that return domain values, audit row and anchor on commit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop_app.errors import DiskFull, UserFacingError
from desktop_app.store.audit import AuditLog
from desktop_app.store.models import AuditRow
from desktop_app.store.repositories.actions import ActionRepository
from desktop_app.store.repositories.attachments import AttachmentRepository, BodyMapRepository
from desktop_app.store.repositories.audit_checklist import AuditChecklistRepository
from desktop_app.store.repositories.child_list import ChildListRepository
from desktop_app.store.repositories.children import ChildRepository
from desktop_app.store.repositories.concerns import ConcernRepository
from desktop_app.store.repositories.connections import ConnectionRepository
from desktop_app.store.repositories.missing import MissingEpisodeRepository
from desktop_app.store.repositories.other import (
    AddendumRepository,
    ContactRepository,
    SettingRepository,
    UserRepository,
)
from desktop_app.store.repositories.referrals import ReferralRepository
from desktop_app.store.repositories.retention import RetentionRepository
from desktop_app.store.repositories.screenings import ScreeningRepository
from desktop_app.store.repositories.training import TrainingRepository
from desktop_app.store.repositories.transfer import TransferRepository
from desktop_app.store.repositories.year_counts import YearCountsRepository

_log = logging.getLogger(__name__)

AnchorWriter = Callable[[int, str], None]


class UnauditedChange(RuntimeError):
    """A programming error: a change was about to be committed without its audit row."""


class UnitOfWork:
    """``with uow: …; uow.commit()`` — rolls back unless committed. Usable for several ``with`` blocks in turn."""

    children: ChildRepository
    child_list: ChildListRepository
    concerns: ConcernRepository
    screenings: ScreeningRepository
    referrals: ReferralRepository
    addenda: AddendumRepository
    setting: SettingRepository
    contacts: ContactRepository
    users: UserRepository
    audit: AuditLog
    transfers: TransferRepository
    retention: RetentionRepository
    audit_checklist: AuditChecklistRepository
    training: TrainingRepository
    year_counts: YearCountsRepository
    connections: ConnectionRepository
    missing: MissingEpisodeRepository
    attachments: AttachmentRepository
    body_maps: BodyMapRepository
    actions: ActionRepository

    def __init__(self, engine: Engine, audit_key: bytes, on_commit: AnchorWriter | None = None) -> None:
        self._engine = engine
        self._audit_key = audit_key
        self._on_commit = on_commit
        self._session: Session | None = None
        self._changed = False

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside 'with uow:'")
        return self._session

    def __enter__(self) -> UnitOfWork:
        if self._session is not None:
            raise RuntimeError("this unit of work is already open")
        session = Session(self._engine, expire_on_commit=False, autoflush=True)
        self._session = session
        self._changed = False
        event.listen(session, "before_flush", self._note_changes)
        self.audit = AuditLog(session, self._audit_key)
        self.children = ChildRepository(session)
        self.child_list = ChildListRepository(session)
        self.concerns = ConcernRepository(session)
        self.screenings = ScreeningRepository(session)
        self.referrals = ReferralRepository(session)
        self.addenda = AddendumRepository(session)
        self.setting = SettingRepository(session, self.audit)
        self.contacts = ContactRepository(session, self.audit)
        self.users = UserRepository(session)
        self.transfers = TransferRepository(session)
        self.retention = RetentionRepository(session)
        self.audit_checklist = AuditChecklistRepository(session)
        self.training = TrainingRepository(session)
        self.year_counts = YearCountsRepository(session)
        self.connections = ConnectionRepository(session)
        self.missing = MissingEpisodeRepository(session)
        self.attachments = AttachmentRepository(session)
        self.body_maps = BodyMapRepository(session)
        self.actions = ActionRepository(session)
        return self

    def _note_changes(self, session: Session, _context: Any, _instances: Any) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            if not isinstance(obj, AuditRow):
                self._changed = True
                return

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session = self._session
        self._session = None
        if session is None:
            return
        try:
            session.rollback()
        finally:
            session.close()

    def commit(self) -> None:
        """Commit once; every change must have appended its audit row. Then move the anchor forward."""
        session = self.session
        session.flush()
        if self._changed and self.audit.appended == 0:
            raise UnauditedChange("a change was committed without an audit row")
        seq, mac = self.audit.latest() if self.audit.appended else (0, "")
        try:
            session.commit()
        except OperationalError as error:
            if "full" in str(error.orig).lower():
                raise DiskFull(
                    "The disk is full, so this was not saved. Nothing else was lost: free some space and try again."
                ) from None
            raise
        self._changed = False
        appended, self.audit.appended = self.audit.appended, 0
        if appended and self._on_commit is not None:
            try:
                self._on_commit(seq, mac)
            except UserFacingError:
                # The change is saved; a stale anchor only means the next unlock checks a little more.
                _log.warning("audit anchor not moved forward after commit at seq %d", seq)

    def rollback(self) -> None:
        self.session.rollback()
        self.audit.reset_cache()
        self.audit.appended = 0
        self._changed = False
