"""A new passphrase's strength and match lines appear in room kept for them (issue 16): typing in the first box
never moves the second box or the button under the pointer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.settings.passphrase_fields import NewPassphraseFields

pytestmark = pytest.mark.gui


@pytest.fixture(params=[100, 150])
def zoom(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_zoom(qapp, request.param)
    yield request.param
    apply_zoom(qapp, 100)


def where(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_the_second_box_and_the_button_stay_put_while_typing(qtbot, screenshot, zoom: int) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    fields = NewPassphraseFields(page)
    column.addWidget(fields)
    button = QPushButton("Create the vault", page)
    column.addWidget(button)
    column.addStretch(1)
    page.resize(900 * zoom // 100, 500 * zoom // 100)
    page.show()
    qtbot.waitExposed(page)
    start = where(fields.second), where(button)
    for typed in ("short", "correct horse battery staple", "otter harbour quilted piano"):
        fields.first.setText(typed)
        QApplication.processEvents()
        assert fields.feedback.text()
        assert (where(fields.second), where(button)) == start, typed
    fields.second.setText("otter harbour")
    QApplication.processEvents()
    assert "not the same" in fields.match.text()
    assert (where(fields.second), where(button)) == start
    screenshot(page, "new_passphrase_fields")
