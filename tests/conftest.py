"""Test set-up shared by every test: isolation, offscreen Qt, screenshots."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on a real display")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        # A school laptop's screen (1366×768), not the offscreen plugin's default 800×800: windows are sized and
        # screenshots taken as a DSL would see them.
        screen = Path(__file__).with_name("laptop_screen.json")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    # Full-strength Argon2id makes every unlock take a second; tests use the vault's test floor instead.
    os.environ.setdefault("WAYMARK_FAST_KDF_FOR_TESTS", "1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        uses_qt = {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ()))
        if uses_qt and item.get_closest_marker("gui") is None:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def waymark_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own WAYMARK_HOME: vaults, settings and logs never touch the user's folders."""
    home = tmp_path_factory.mktemp("waymark_home")
    monkeypatch.setenv("WAYMARK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["waymark-tests"]


class _NoRealDialogs:
    """The asker of every GUI test that installs none: a real modal dialog would wait forever for a click nobody
    makes, so the test fails at once and names the question instead of hanging the whole run."""

    def __getattr__(self, kind: str) -> Callable[..., object]:
        def refuse(_parent: object, title: str = "", *_args: object, **_kwargs: object) -> object:
            raise AssertionError(f"the app asked {kind!r} ({title!r}) but the test installed no asker to answer")

        return refuse


@pytest.fixture(autouse=True)
def _qt_test_mode(request: pytest.FixtureRequest) -> Iterator[None]:
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from PySide6.QtCore import QStandardPaths

    from desktop_app.ui import ask

    QStandardPaths.setTestModeEnabled(True)
    previous = ask.install(_NoRealDialogs())  # type: ignore[arg-type]
    try:
        yield
    finally:
        ask.install(previous)


Screenshot = Callable[..., Path | None]


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Screenshot:
    """Save a PNG of a widget into $WAYMARK_SCREENSHOTS when set; name it after the screen.

    GUI tests call ``screenshot(widget, "lock_screen")`` on every screen and wizard page they visit.
    """
    folder = os.environ.get("WAYMARK_SCREENSHOTS")

    def take(widget: object, name: str) -> Path | None:
        if not folder:
            return None
        from PySide6.QtWidgets import QApplication, QWidget

        assert isinstance(widget, QWidget)
        QApplication.processEvents()
        zoom = QApplication.instance().property("waymark_zoom") if QApplication.instance() else None
        suffix = f"@{zoom}" if zoom and int(zoom) != 100 else ""
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name) + suffix
        target = Path(folder) / f"{safe}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(target)), f"could not save screenshot {target}"
        return target

    return take
