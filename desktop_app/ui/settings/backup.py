"""Back up now (to a file the DSL chooses), when the last backup was made, restore from a backup, and check the
vault for damage (the verify report, in plain English)."""

from __future__ import annotations

import logging
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop_app.ui import ask
from desktop_app.ui.labels import note
from desktop_app.ui.settings.common import StatusArea
from desktop_app.ui.settings.restore import BACKUP_FILTER, when
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)


def suggested_backup_name(today: date | None = None) -> str:
    return f"waymark-backup-{(today or date.today()).isoformat()}.wmbak"


def suggested_backup_path(today: date | None = None) -> str:
    """In the user's documents folder (the file chooser starts there); the DSL picks the drive."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = suggested_backup_name(today)
    return str(Path(folder) / name) if folder else name


def report_html(report: Any) -> str:
    """The damage check as a DSL reads it: the verdict, what to do next in one sentence, then each check."""
    lines = [f"<p><b>{escape(report.verdict)}</b> {escape(report.next_step)}</p>", "<ul>"]
    for passed, sentence in report.checks:
        mark = "Passed" if passed else "Problem"
        lines.append(f"<li><b>{mark}:</b> {escape(sentence)}</li>")
    for sentence in getattr(report, "notes", ()):
        lines.append(f"<li><b>Note:</b> {escape(sentence)}</li>")
    lines.append("</ul>")
    return "".join(lines)


class BackupSection(QWidget):
    def __init__(self, session: VaultSession, host: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.host = host
        self.task: Task | None = None
        self.restore_flow: Any = None
        intro = note(
            "A backup is one encrypted file: it opens only with a passphrase or the recovery key of this vault. "
            "Keep backups on a drive that is locked away, and make one at least weekly.",
            self,
        )
        self.last_label = note("", self, "last_backup")
        self.backup_button = QPushButton("Back up now…", self)
        self.backup_button.setObjectName("backup_now")
        self.backup_button.setAccessibleDescription("Write an encrypted backup file to a place you choose.")
        self.backup_button.clicked.connect(self.backup)
        self.restore_button = QPushButton("Restore from a backup…", self)
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.setAccessibleDescription(
            "Check a backup file, then put it in place of this vault; the vault as it is now is kept, not deleted."
        )
        self.restore_button.clicked.connect(self.restore)
        self.verify_button = QPushButton("Check the vault for damage", self)
        self.verify_button.setObjectName("verify_now")
        self.verify_button.setAccessibleDescription(
            "Check the encryption, every record and the audit trail; nothing is changed."
        )
        self.verify_button.clicked.connect(self.verify)
        self.status = StatusArea(self)
        self.report = note("", self, "verify_report")
        self.report.setTextFormat(Qt.TextFormat.RichText)
        self.report.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.report.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it: a screen reader reads it out
        self.report.setAccessibleName("Result of the damage check")
        self.report.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.last_label)
        # one under the other: side by side they are wider than the page in a small window at 150% zoom
        for button in (self.backup_button, self.restore_button, self.verify_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.report)
        layout.addStretch(1)
        self.last_backup: Path | None = None
        self.show_last_backup()

    def show_last_backup(self) -> None:
        from desktop_app.services.vault import backup_restore

        try:
            last = backup_restore.last_backup(self.session)
        except Exception as error:
            _log.warning("could not read when the last backup was made")
            self.last_label.setText(describe_error(error))
            return
        if last is None:
            self.last_label.setText("No backup has been made from this vault yet: make one now.")
        else:
            self.last_label.setText(f"Last backup: {when(last)}.")

    def _busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.restore_button, self.verify_button):
            button.setEnabled(not busy)

    def backup(self) -> None:
        if self.task is not None:
            return
        chosen = ask.current().save_path(self.window(), "Save the backup", suggested_backup_path(), BACKUP_FILTER)
        if not chosen:
            return
        target = Path(chosen)
        self.status.busy("Writing the backup…")
        self._busy(True)
        self.task = run_in_background(self.session.backup, target, progress=True)
        self.task.progress.connect(self.status.progress)
        self.task.succeeded.connect(self._backed_up)
        self.task.failed.connect(self._failed)

    def _backed_up(self, written: object) -> None:
        self.task = None
        self._busy(False)
        self.last_backup = Path(str(written)) if written else None
        where = self.last_backup.name if self.last_backup else "the chosen file"
        self.status.done(f"Backup written: {where}.")
        self.show_last_backup()

    def restore(self) -> None:
        """Choose a backup, confirm, check it in the background, then lock and put it in place (``RestoreFlow``)."""
        from desktop_app.ui.settings.restore import RestoreFlow

        if self.task is not None or self.host is None or (self.restore_flow and self.restore_flow.task):
            return
        flow = RestoreFlow(self.host, self.session)
        flow.status.connect(self._restore_status)
        flow.progress.connect(self.status.progress)
        flow.finished.connect(lambda _ok: self._busy(False))
        self.restore_flow = flow
        if flow.start(self.window()):
            self._busy(True)
            self.status.bar.setRange(0, 0)
            self.status.bar.show()

    def _restore_status(self, text: str, state: str) -> None:
        if state:
            self.status.say(text, state)
        else:
            self.status.busy(text)

    def verify(self) -> None:
        if self.task is not None:
            return
        self.status.busy("Checking every record and the audit trail…")
        self._busy(True)
        self.task = run_in_background(self.session.verify)
        self.task.succeeded.connect(self._verified)
        self.task.failed.connect(self._failed)

    def _verified(self, report: object) -> None:
        self.task = None
        self._busy(False)
        ok = bool(getattr(report, "ok", False))
        self.report.setText(report_html(report))
        self.report.setAccessibleDescription(f"{getattr(report, 'verdict', '')} {getattr(report, 'next_step', '')}")
        self.report.show()
        if ok:
            self.status.done("No problems found: the vault is sound.")
        else:
            self.status.failed("Problems were found: read what to do next below.")

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._busy(False)
        self.status.failed(describe_error(error))


def _section(host: Any) -> BackupSection | None:
    host.show_settings("backup")
    page = host.current_page()
    section = getattr(page, "sections", {}).get("backup")
    return section if isinstance(section, BackupSection) else None


def backup_now(host: Any, _session: VaultSession) -> None:
    """Menu entry: open Settings at Backup and ask where to write it."""
    section = _section(host)
    if section is not None:
        section.backup()


def verify_now(host: Any, _session: VaultSession) -> None:
    section = _section(host)
    if section is not None:
        section.verify()
