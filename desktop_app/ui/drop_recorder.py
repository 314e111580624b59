"""`waymark record --drop-kit KIT --to FOLDER` without --concern: the staff wizard, writing into the drop folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.errors import UserFacingError
from desktop_app.services.concern.pages import Mode
from desktop_app.services.dropkit import record
from desktop_app.ui import ask
from desktop_app.ui.concern.wizard import ConcernWizard


def open_drop_wizard(parent: QWidget | None, kit_path: Path, folder: Path) -> ConcernWizard | None:
    """The lock screen's staff wizard with the kit's key, numbers and DSL names; sealed files go to ``folder``."""
    try:
        kit = record.open_kit(kit_path, folder)
    except UserFacingError as problem:
        ask.current().warn(
            parent,
            "A concern cannot be recorded here right now",
            f"{problem.sentence}\n\nTell your Designated Safeguarding Lead about your concern in person now.",
        )
        return None
    writer = record.writer_for(kit, folder)
    wizard = ConcernWizard(
        parent,
        mode=Mode.STAFF,
        content=record.content_for(kit),
        writer=writer,
        submit=lambda draft, raw: writer.submit(draft, raw),
    )
    wizard.setWindowTitle(f"Record a concern for {kit.setting_name}")
    wizard.open()
    return wizard


def run_recorder(kit_path: Path, folder: Path) -> int:
    from desktop_app.ui.appearance import configure_application

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    configure_application(app)
    wizard = open_drop_wizard(None, kit_path, folder)
    if wizard is None:
        return 1
    wizard.finished.connect(app.quit)
    app.exec()
    return 0
