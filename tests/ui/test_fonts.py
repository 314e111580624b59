"""A name in Chinese is drawn with a font that has its characters: the bundled font, not boxes (issue 16)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.fonts import CJK_FAMILY, load_bundled_fonts

NAME = "李小龍 Lee"


def _fonts_drawing(label: QLabel, text: str) -> list[tuple[str, str]]:
    """(family, the characters it draws) for each run of glyphs Qt lays ``text`` out with in ``label``'s font."""
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        drawn = "".join(ch for ch in text if raw.supportsCharacter(ord(ch)) and not ch.isspace())
        runs.append((raw.familyName(), drawn))
    return runs


@pytest.mark.parametrize("zoom", [100, 150])
def test_a_chinese_name_is_drawn_with_the_bundled_font(qtbot, screenshot, zoom: int) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_zoom(app, zoom)
    try:
        families = load_bundled_fonts()
        assert CJK_FAMILY in families and "DejaVu Sans" in families
        label = QLabel(f"Child: {NAME}")
        label.setObjectName("chinese_name")
        qtbot.addWidget(label)
        label.resize(400, 60)
        label.show()
        runs = _fonts_drawing(label, NAME)
        han = [family for family, drawn in runs if "李" in drawn]
        assert han, runs
        # Every Chinese character is drawn by a font that has it: the bundled one (the same as the PDFs),
        # so a school laptop without any Chinese font still shows the name.
        for family, _drawn in runs:
            if family != QFontInfo(label.font()).family():
                assert family == CJK_FAMILY, runs
        assert all(ch in drawn for family, drawn in runs if family == CJK_FAMILY for ch in "李小龍"), runs
        screenshot(label, "chinese_name")
    finally:
        apply_zoom(app, 100)


def test_loading_is_once_and_cheap_the_second_time() -> None:
    assert load_bundled_fonts() is load_bundled_fonts()


def test_the_window_loads_them_at_unlock_not_before() -> None:
    """The lock screen is shown without them (start-up time); the first unlock and the concern wizard load them."""
    import inspect

    from desktop_app.ui import main_window
    from desktop_app.ui.concern import wizard

    assert "load_bundled_fonts()" in inspect.getsource(main_window.MainWindow._on_unlocked)
    assert "load_bundled_fonts()" in inspect.getsource(wizard.ConcernWizard.__init__)
