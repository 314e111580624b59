"""Back up now (to a file the DSL chooses) and check the vault for damage (the verify report)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui import ask
from desktop_app.ui.settings.common import StatusArea
from desktop_app.ui.workers import Task, describe_error, run_in_background

BACKUP_FILTER = "Waymark backups (*.wmbak);;All files (*)"


def suggested_backup_name(today: date | None = None) -> str:
    return f"waymark-backup-{(today or date.today()).isoformat()}.wmbak"


def suggested_backup_path(today: date | None = None) -> str:
    """In the user's documents folder (the file chooser starts there); the DSL picks the drive."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = suggested_backup_name(today)
    return str(Path(folder) / name) if folder else name


def report_text(report: Any) -> tuple[bool, str]:
    """(clean?, readable text) from the service's VerifyReport, whatever its exact shape."""
    ok = getattr(report, "ok", None)
    if ok is None:
        ok = not getattr(report, "problems", ())
    for name in ("text", "summary", "as_text", "render"):
        value = getattr(report, name, None)
        if callable(value):
            value = value()
        if isinstance(value, str) and value:
            return bool(ok), value
    lines = list(getattr(report, "lines", ()) or ())
    problems = list(getattr(report, "problems", ()) or ())
    body = "\n".join(str(x) for x in lines + problems)
    return bool(ok), body or str(report)


class BackupSection(QWidget):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        intro = QLabel(
            "A backup is one encrypted file: it opens only with a passphrase or the recovery key of this vault. "
            "Keep backups on a drive that is locked away, and make one at least weekly.",
            self,
        )
        intro.setWordWrap(True)
        self.backup_button = QPushButton("Back up now…", self)
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup)
        self.verify_button = QPushButton("Check the vault for damage", self)
        self.verify_button.setObjectName("verify_now")
        self.verify_button.clicked.connect(self.verify)
        self.status = StatusArea(self)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("verify_report")
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        # one under the other: side by side they are wider than the page in a small window at 150% zoom
        for button in (self.backup_button, self.verify_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)
        layout.addStretch(0)
        self.last_backup: Path | None = None

    def _busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.verify_button.setEnabled(not busy)

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
        ok, text = report_text(report)
        self.report.setPlainText(text)
        self.report.show()
        if ok:
            self.status.done("No problems found.")
        else:
            self.status.failed("Problems were found: see the report below and tell IT staff. Do not delete anything.")

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._busy(False)
        self.status.failed(describe_error(error))


def _section(host: Any) -> BackupSection | None:
    host.show_settings("backup")
    page = host.current_page()
    section = getattr(page, "sections", {}).get("backup")
    return section if isinstance(section, BackupSection) else None


def backup_now(host: Any, _session: Any) -> None:
    """Menu entry: open Settings at Backup and ask where to write it."""
    section = _section(host)
    if section is not None:
        section.backup()


def verify_now(host: Any, _session: Any) -> None:
    section = _section(host)
    if section is not None:
        section.verify()
