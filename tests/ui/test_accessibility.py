"""Every screen, by keyboard and screen reader: each control has a name, takes Tab focus, and Tab reaches it.

One generic check (``audit``) runs on every screen and wizard page a DSL or member of staff can reach. A failure
names the screen and the widget (object name, class and text) so it says exactly what to fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTextEdit,
    QWidget,
    QWizard,
)

from desktop_app.services.vault import VaultSession
from desktop_app.ui.appearance import configure_application
from desktop_app.ui.lock_screen import LockScreen
from desktop_app.ui.main_window import MainWindow
from tests.fixtures_vault import open_session, record_concern  # noqa: F401
from tests.ui.test_dashboard import Host
from tests.ui.test_lock_screen import made_vault, template_root, unlocked_window  # noqa: F401
from tests.ui.test_lock_screen import window as window

pytestmark = pytest.mark.gui

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
INNER_OF = (QComboBox, QAbstractSpinBox, QAbstractItemView)  # their own line edits, views and editors


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return f"{type(widget).__name__} {widget.objectName() or '(no object name)'!r}" + (f" {text!r}" if text else "")


def is_inner(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, INNER_OF):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """Every visible interactive widget in ``root``'s window, not counting the parts inside a combo or spin box."""
    found = [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and w.isVisible() and not is_inner(w)]
    return [w for w in found if w.window() is root.window()]


def buddies(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.window().findChildren(QLabel) if label.buddy() is not None}


def has_name(widget: QWidget, buddied: set[int]) -> bool:
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    return id(widget) in buddied and not isinstance(widget, QAbstractButton)


def tab_focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def owner(widget: QWidget | None, wanted: list[QWidget]) -> QWidget | None:
    """The control in ``wanted`` that ``widget`` is, or is part of (a combo's line edit, a spin box's editor)."""
    ids = {id(w): w for w in wanted}
    while widget is not None:
        if id(widget) in ids:
            return ids[id(widget)]
        widget = widget.parentWidget()
    return None


def radio_group(button: QWidget) -> tuple[Any, ...]:
    """Tab stops once in a group of radio buttons (arrows move within it): the buttons that count as one stop."""
    if not isinstance(button, QRadioButton):
        return (button,)
    if button.group() is not None:
        return tuple(button.group().buttons())
    if button.autoExclusive():
        parent = button.parentWidget()
        return tuple(b for b in parent.findChildren(QRadioButton) if b.parentWidget() is parent and b.autoExclusive())
    return (button,)


def tab_walk(root: QWidget, wanted: list[QWidget]) -> tuple[list[QWidget], list[str]]:
    """Press Tab round the window as a person would; return the controls reached and any trap found."""
    window = root.window()
    window.activateWindow()
    QApplication.processEvents()
    start = wanted[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    reached: list[QWidget] = []
    traps: list[str] = []
    previous: QWidget | None = None
    stuck = 0
    for _ in range(4 * len(wanted) + 20):
        focused = QApplication.focusWidget()
        control = owner(focused, wanted)
        if control is not None and control not in reached:
            reached.append(control)
        if focused is previous and focused is not None:
            stuck += 1
            # a date/time edit steps Tab through its day, month, year, hour and minute before leaving
            if stuck >= (5 if isinstance(focused, QAbstractSpinBox) else 2):
                traps.append(f"Tab stays in {describe(focused)}")
                break
        else:
            stuck = 0
        previous = focused
        target = focused if focused is not None else window
        QTest.keyClick(target, Qt.Key.Key_Tab)
        QApplication.processEvents()
        if len(reached) == len(wanted) and owner(QApplication.focusWidget(), wanted) is start:
            break  # round the whole window and back to the start
    return reached, traps


def audit(root: QWidget, screen: str) -> list[str]:
    """Problems on one screen, one sentence each: a name for every control, Tab focus, and a Tab walk reaching all."""
    QApplication.processEvents()
    found = controls(root)
    buddied = buddies(root)
    problems = [
        f"{screen}: {describe(w)} has no accessible name (set one, a label buddy or button text)"
        for w in found
        if not has_name(w, buddied)
    ]
    enabled = [w for w in found if w.isEnabled()]
    problems += [
        f"{screen}: {describe(w)} cannot be reached with Tab (focusPolicy {w.focusPolicy().name})"
        for w in enabled
        if not any(tab_focusable(b) for b in radio_group(w))
    ]
    walkable = [w for w in enabled if tab_focusable(w)]
    if walkable:
        reached, traps = tab_walk(root, walkable)
        problems += [f"{screen}: {trap}" for trap in traps]
        for widget in enabled:
            if not any(other in reached for other in radio_group(widget)):
                problems += [f"{screen}: Tab never reaches {describe(widget)}"]
    return problems


def check(problems: list[str]) -> None:
    assert not problems, "\n" + "\n".join(problems)


@pytest.fixture
def closing() -> Iterator[list[QWidget]]:
    opened: list[QWidget] = []
    yield opened
    for widget in opened:
        if shiboken6.isValid(widget):
            widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            widget.close()
            widget.deleteLater()
    QApplication.processEvents()


def show(qtbot: Any, widget: QWidget, closing: list[QWidget]) -> QWidget:
    closing.append(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def wizard_pages(wizard: QWizard) -> Iterator[tuple[int, QWidget]]:
    """Visit each page of a wizard by restarting it there (no need to fill in earlier pages)."""
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        QApplication.processEvents()
        yield page_id, wizard.currentPage()


# ----- screens ------------------------------------------------------------------------------------------------------


def test_lock_screen_and_recovery_page(qtbot, qapp, made_vault, fake_ask, closing) -> None:
    configure_application(qapp)
    window = show(qtbot, MainWindow(vault_dir=made_vault.folder), closing)
    screen = window.current_page()
    assert isinstance(screen, LockScreen)
    problems = audit(screen, "lock screen")
    screen.show_recovery()
    problems += audit(screen, "lock screen, recovery key page")
    check(problems)


def test_setup_wizard_every_page(qtbot, qapp, tmp_path: Path, fake_ask, closing) -> None:
    from desktop_app.ui.setup_wizard import SetupWizard

    wizard = show(qtbot, SetupWizard(tmp_path / "vault"), closing)
    assert isinstance(wizard, SetupWizard)
    problems: list[str] = []

    def page(then: QWizard.WizardButton | None = QWizard.WizardButton.NextButton) -> None:
        nonlocal problems
        problems += audit(wizard, f"setup wizard page {wizard.current_name()!r}")
        if then is not None:
            wizard.button(then).click()
            QApplication.processEvents()

    wizard.setting_page.name.setText("Ashgrove Academy")
    page()
    page()  # contacts
    wizard.dsl_page.name.setText("Zofia Wiśniewska")
    page()
    wizard.passphrase_page.fields.first.setText("lantern meadow copper violin")
    wizard.passphrase_page.fields.second.setText("lantern meadow copper violin")
    page(QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.current_name() == "recovery_key", timeout=30000)
    key = wizard.recovery_key
    page()
    wizard.check_page.entry.setText(key)
    page()
    assert wizard.current_name() == "recovery_sheet"
    page(None)
    wizard.session.lock()
    check(problems)


def test_staff_concern_wizard_every_page(qtbot, qapp, tmp_path: Path, fake_ask, closing) -> None:
    from desktop_app.ui.concern import open_staff_wizard
    from desktop_app.vault import keyslots, sealing

    _, public = sealing.new_keypair()
    keyslots.KeySlotFile.create("vault-access-test", public).save(tmp_path / keyslots.FILE_NAME)
    wizard = open_staff_wizard(None, tmp_path)
    assert wizard is not None
    show(qtbot, wizard, closing)
    from desktop_app.services.concern.flow import Page

    for rows in wizard.flow_pages[Page.OTHERS].lists.values():  # one row each of children, adults and places
        rows.add_row(focus=False)
    problems: list[str] = []
    for page_id, page in wizard_pages(wizard):
        if page is wizard.flow_pages[Page.OTHERS]:
            assert len(controls(page)) > 10, "the rows added for others are gone"
        problems += audit(wizard, f"staff concern wizard page {page_id} ({page.objectName()})")
    check(problems)


def test_dsl_concern_wizard_every_page(qtbot, open_session: VaultSession, fake_ask, closing) -> None:
    from desktop_app.ui.concern import open_dsl_wizard

    record_concern(open_session)
    wizard = show(qtbot, open_dsl_wizard(None, open_session), closing)
    problems: list[str] = []
    for page_id, page in wizard_pages(wizard):  # type: ignore[arg-type]
        problems += audit(wizard, f"DSL concern wizard page {page_id} ({page.objectName()})")
    check(problems)


def test_sealed_import_dialog(qtbot, open_session: VaultSession, fake_ask, closing) -> None:
    from desktop_app.domain.records import ChildDetails, ConcernDraft
    from desktop_app.services.intake import sealing as intake_sealing
    from desktop_app.ui.concern.import_dialog import SealedImportDialog

    intake_sealing.SealedIntake.for_vault(open_session.vault_dir).submit(ConcernDraft(
        immediate_danger=False, child=ChildDetails("Kwame", "Boateng", year_group="Year 10"), account="Seen with cash",
        recorder_name="Priya Ramanathan", recorder_role="Learning mentor", declaration=True,
    ))  # fmt: skip
    dialog = show(qtbot, SealedImportDialog(None, open_session), closing)
    check(audit(dialog, "sealed import dialog"))


def test_dashboard_concern_view_and_its_dialogs(qtbot, open_session: VaultSession, fake_ask, closing) -> None:
    concern_id = record_concern(open_session)
    host = Host(open_session)
    show(qtbot, host, closing)
    dashboard = host.show_dashboard()
    problems = audit(dashboard, "dashboard")
    view = dashboard.open_concern(concern_id)
    problems += audit(view, "concern view")
    for name in ("add_correction", "close_concern", "record_referral"):
        dialog = getattr(view, name)()
        closing.append(dialog)
        qtbot.waitExposed(dialog)
        problems += audit(dialog, f"concern view, {name.replace('_', ' ')} dialog")
    # the referral dialog stays open: log a contact so the written confirmation dialog can open
    dialog.route.setCurrentIndex(dialog.route.findText("Safeguarding Hub", Qt.MatchFlag.MatchContains))
    dialog.contacted_name.setText("Pat Ellory, duty social worker")
    dialog.outcome.setPlainText("Referral accepted; strategy discussion tomorrow.")
    dialog.consent.setCurrentIndex(dialog.consent.findText("Sought and given"))
    dialog.parents_told.setCurrentIndex(1)
    with qtbot.waitSignal(view.changed, timeout=5000):
        dialog.ok.click()
    confirmation = view.record_confirmation()
    assert confirmation is not None, fake_ask.asked
    closing.append(confirmation)
    qtbot.waitExposed(confirmation)
    problems += audit(confirmation, "concern view, written confirmation dialog")
    check(problems)


def test_screening_wizard_every_page(qtbot, open_session: VaultSession, fake_ask, closing) -> None:
    from desktop_app.ui.screening import open_screening_wizard

    concern_id = record_concern(open_session)
    wizard = open_screening_wizard(None, open_session, concern_id)
    show(qtbot, wizard, closing)
    problems: list[str] = []
    for page_id, page in wizard_pages(wizard):
        problems += audit(wizard, f"screening wizard page {page_id} ({page.title()!r})")
    check(problems)


def test_document_preview_dialog(qtbot, fake_ask, closing) -> None:
    from desktop_app.reports import referral_summary_pdf
    from desktop_app.ui.documents import DocumentDialog
    from tests.reports import samples

    pdf = referral_summary_pdf(samples.SUMMARY, samples.META)
    dialog = show(
        qtbot,
        DocumentDialog(None, "Referral summary: WM-2026-00042", pdf, lambda: None, lambda path, password: None),
        closing,
    )
    problems = audit(dialog, "document preview")
    dialog.show_password_panel()
    problems += audit(dialog, "document preview, password panel")
    check(problems)


def test_settings_every_section(qtbot, open_session: VaultSession, fake_ask, closing) -> None:
    from desktop_app.ui.settings import SettingsPage
    from desktop_app.ui.settings.page import SECTIONS

    host = Host(open_session)
    show(qtbot, host, closing)
    page = SettingsPage(open_session, host=host)
    host.show_page(page)
    problems: list[str] = []
    for key, label in SECTIONS:
        page.show_section(key)
        problems += audit(page, f"settings, {label}")
    backup = page.show_section("backup")
    backup.verify()
    qtbot.waitUntil(lambda: backup.task is None, timeout=30000)
    assert backup.report.isVisible() and backup.report.accessibleName() == "Result of the damage check"
    assert backup.report.accessibleDescription().startswith("The vault is sound.")
    problems += audit(page, "settings, backup after the damage check")
    check(problems)


def test_a_problem_that_wraps_sits_below_its_field_and_the_cursor_goes_to_it(qtbot, closing) -> None:
    from desktop_app.errors import FieldProblem
    from desktop_app.ui.referrals import FormDialog

    dialog = FormDialog(None, "Record a referral contact", "One entry per contact.", "Save referral contact")
    name = dialog.add_field("Who you spoke or wrote to:", QLineEdit(dialog), "contacted_name")
    outcome = dialog.add_field("Outcome:", dialog.text_box("What was agreed, what happens next"), "outcome")
    show(qtbot, dialog, closing)
    dialog.ok.setFocus()
    sentence = "Record what was agreed or what happens next: the social worker will need it in writing later."
    dialog.show_problems([FieldProblem("outcome", sentence)])
    QApplication.processEvents()
    problem = dialog.problems["outcome"]
    assert problem.isVisible() and problem.text() == sentence
    assert problem.geometry().top() >= outcome.geometry().bottom(), "the sentence is drawn over the text box"
    assert problem.height() >= problem.heightForWidth(problem.width()), "the sentence is cut off"
    assert dialog.focusWidget() is outcome and outcome.accessibleDescription() == sentence
    assert name.accessibleName() == "Who you spoke or wrote to"


# ----- 150% zoom ----------------------------------------------------------------------------------------------------

WIDEST = 1280  # a common school laptop screen is 1366 wide; leave room for the window frame


def fits(root: QWidget, screen: str) -> list[str]:
    """At this zoom: the window fits a laptop screen and no button's text is cut off."""
    QApplication.processEvents()
    window = root.window()
    problems = []
    if window.minimumSizeHint().width() > WIDEST:
        problems.append(f"{screen}: needs {window.minimumSizeHint().width()} px across, wider than a laptop screen")
    for area in window.findChildren(QScrollArea):
        if area.isVisible() and area.widgetResizable() and area.horizontalScrollBar().isVisible():
            problems.append(
                f"{screen}: the text in {area.widget().objectName() or 'a scrolling area'} runs off "
                f"the right-hand side (it needs {area.widget().minimumSizeHint().width()} px, "
                f"has {area.viewport().width()})"
            )
    for button in controls(root):
        if isinstance(button, QAbstractButton) and button.width() < button.minimumSizeHint().width():
            problems.append(
                f"{screen}: {describe(button)} is cut off ({button.width()} of {button.minimumSizeHint().width()} px)"
            )
    return problems


@pytest.fixture
def zoom_150(qapp) -> Iterator[None]:
    from desktop_app.ui.appearance import apply_zoom

    apply_zoom(qapp, 150)
    yield
    apply_zoom(qapp, 100)


def test_the_dsl_screens_fit_a_laptop_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    zoom_150,
    screenshot,
) -> None:
    from desktop_app.ui.settings import SettingsPage
    from desktop_app.ui.settings.page import SECTIONS

    concern_id = record_concern(open_session)
    host = Host(open_session)
    host.resize(1200, 760)
    show(qtbot, host, closing)
    dashboard = host.show_dashboard()
    problems = fits(dashboard, "dashboard")
    view = dashboard.open_concern(concern_id)
    problems += fits(view, "concern view")
    screenshot(host, "concern_view_zoomed")
    for name in ("add_correction", "close_concern", "record_referral"):
        dialog = getattr(view, name)()
        closing.append(dialog)
        qtbot.waitExposed(dialog)
        problems += fits(dialog, f"concern view, {name.replace('_', ' ')} dialog")
        dialog.reject()
    page = SettingsPage(open_session, host=host)
    host.show_page(page)
    for key, label in SECTIONS:
        page.show_section(key)
        problems += fits(page, f"settings, {label}")
    check(problems)


def test_the_screening_wizard_fits_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    zoom_150,
    screenshot,
) -> None:
    from desktop_app.ui.screening import open_screening_wizard

    wizard = open_screening_wizard(None, open_session, record_concern(open_session))
    show(qtbot, wizard, closing)
    problems: list[str] = []
    for page_id, page in wizard_pages(wizard):
        problems += fits(wizard, f"screening wizard page {page_id} ({page.title()!r})")
        screenshot(wizard, f"screening_zoomed_{page_id}")
    check(problems)


def test_an_incomplete_decision_puts_the_cursor_on_the_first_field_to_fix(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
) -> None:
    from desktop_app.ui.screening import open_screening_wizard

    wizard = open_screening_wizard(None, open_session, record_concern(open_session))
    show(qtbot, wizard, closing)
    decision = wizard.decision_page
    wizard.setStartId(wizard.pageIds()[-1])
    wizard.restart()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.currentPage() is decision)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    shown = [name for name, label in decision.problems.items() if label.isVisibleTo(decision)]
    assert shown, "an empty decision was accepted"
    first = decision.fields[shown[0]]
    focused = wizard.focusWidget()
    assert focused is not None, "nothing has the cursor"
    assert focused is first or first.isAncestorOf(focused), f"the cursor is on {describe(focused)}, not {shown[0]}"
    assert first.accessibleDescription() == decision.problems[shown[0]].text()


def test_the_staff_wizard_reads_without_scrolling_sideways_at_150_percent(
    qtbot, qapp, tmp_path: Path, fake_ask, closing, zoom_150, screenshot
) -> None:
    from desktop_app.services.concern.flow import Page
    from desktop_app.ui.concern import open_staff_wizard
    from desktop_app.vault import keyslots, sealing

    _, public = sealing.new_keypair()
    keyslots.KeySlotFile.create("vault-access-test", public).save(tmp_path / keyslots.FILE_NAME)
    wizard = open_staff_wizard(None, tmp_path)
    assert wizard is not None
    show(qtbot, wizard, closing)
    for rows in wizard.flow_pages[Page.OTHERS].lists.values():
        rows.add_row(focus=False)
    problems: list[str] = []
    for page_id, page in wizard_pages(wizard):
        qtbot.wait(10)  # let the scroll area settle its scroll bars
        problems += fits(wizard, f"staff concern wizard page {page_id} ({page.objectName()})")
        screenshot(wizard, f"staff_wizard_zoomed_{page_id}")
    check(problems)


def test_the_dsl_wizard_reads_without_scrolling_sideways_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    zoom_150,
) -> None:
    from desktop_app.ui.concern import open_dsl_wizard

    record_concern(open_session)
    wizard = show(qtbot, open_dsl_wizard(None, open_session), closing)
    problems: list[str] = []
    for page_id, page in wizard_pages(wizard):  # type: ignore[arg-type]
        qtbot.wait(10)
        problems += fits(wizard, f"DSL concern wizard page {page_id} ({page.objectName()})")
    check(problems)


# ----- the child file ------------------------------------------------------------------------------------------------


def _child_file_screens(
    qtbot, session: VaultSession, closing, tmp_path: Path, check_screen, screenshot, suffix: str
) -> list[str]:
    """The children list, a child's file (each section), its details dialog and the MIS import preview."""
    from desktop_app.ui.child.children import ChildrenPage
    from desktop_app.ui.child.file import ChildFilePage
    from desktop_app.ui.child.mis_import import MisImportDialog
    from tests.services.child import mis_samples

    concern_id = record_concern(session)
    with session.uow() as uow:
        child_id = uow.concerns.child_id_of(concern_id)
    host = Host(session)
    host.resize(1200, 760)
    show(qtbot, host, closing)
    page = ChildrenPage(session, host=host)
    host.show_page(page)
    problems = check_screen(page, "children list")
    screenshot(host, f"children_list{suffix}")
    file = ChildFilePage(session, child_id, host=host)
    host.show_page(file)
    for key in file.section_widgets:
        file.show_section(key)
        problems += check_screen(file, f"child file, {key} section")
        screenshot(host, f"child_file_{key}{suffix}")
    dialog = file.section("details").change_details()
    closing.append(dialog)
    qtbot.waitExposed(dialog)
    problems += check_screen(dialog, "child details dialog")
    screenshot(dialog, f"child_details_dialog{suffix}")
    dialog.reject()
    path = tmp_path / "students.csv"
    path.write_bytes(mis_samples.sims_csv())
    importer = MisImportDialog(None, session, path)
    with qtbot.waitSignal(importer.previewed, timeout=10000):
        show(qtbot, importer, closing)
    problems += check_screen(importer, "MIS import preview")
    screenshot(importer, f"mis_import_preview{suffix}")
    return problems


def test_the_child_file_screens(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    tmp_path: Path,
    screenshot,
) -> None:
    check(_child_file_screens(qtbot, open_session, closing, tmp_path, audit, screenshot, ""))


def test_the_child_file_screens_fit_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    tmp_path: Path,
    zoom_150,
    screenshot,
) -> None:
    check(_child_file_screens(qtbot, open_session, closing, tmp_path, fits, screenshot, "_zoomed"))


def test_main_window_side_bar_and_search_results(unlocked_window, qtbot, closing) -> None:
    from tests.fixtures_vault import record_concern as add

    win = unlocked_window
    add(win.session)
    problems = audit(win.current_page(), "main window with the side bar and dashboard")
    page = win.show_search("Tamsin")
    assert page is not None and page.count() > 0
    problems += audit(page, "search results")
    check(problems)


def test_connections_missing_episodes_and_sharing_screens(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
) -> None:
    from datetime import UTC, datetime, timedelta

    from desktop_app.domain.enums import ChildRole
    from desktop_app.domain.records import AdultOfConcern, OtherChild, Place
    from desktop_app.services.child import connections, missing
    from desktop_app.services.child.missing import MissingEpisodeForm
    from desktop_app.ui.connections.dialogs import CorrectRecordDialog, CorrectRoleDialog, LinkChildDialog
    from desktop_app.ui.connections.missing import MissingEpisodeDialog, MissingEpisodesSection
    from desktop_app.ui.connections.section import ConnectionsSection
    from desktop_app.ui.connections.sharing import SharingDialog
    from tests.services.child.helpers import add_child, add_concern

    ayla, bryn = add_child(open_session, "Ayla", "Brightwater"), add_child(open_session, "Bryn", "Castleford")
    add_concern(
        open_session,
        ayla,
        others=(OtherChild("Jay", ChildRole.POSSIBLE_PERPETRATOR),),
        adults=(AdultOfConcern("'Tee'"),),
        places=(Place("Castle Market car park"),),
    )
    add_concern(open_session, bryn, adults=(AdultOfConcern("tee"),))
    went = datetime.now(UTC) - timedelta(days=2)
    episode = missing.record_episode(open_session, ayla, MissingEpisodeForm(went, went + timedelta(hours=5)))
    found = connections.connections_of(open_session, ayla)
    problems: list[str] = []
    section = show(qtbot, ConnectionsSection(open_session, ayla), closing)
    problems += audit(section, "connections section")
    for dialog, name in (
        (LinkChildDialog(None, open_session, ayla), "link a child"),
        (CorrectRoleDialog(None, open_session, found.named_in_own_concerns[0]), "correct a role"),
        (CorrectRecordDialog(None, open_session, found.adults[0].adult), "correct an adult"),
        (CorrectRecordDialog(None, open_session, found.places[0].place), "correct a place"),
        (MissingEpisodeDialog(None, open_session, ayla), "record a missing episode"),
        (MissingEpisodeDialog(None, open_session, ayla, episode), "correct a missing episode"),
        (SharingDialog(None, open_session, [(ayla, "Ayla Brightwater")]), "share"),
    ):
        show(qtbot, dialog, closing)
        problems += audit(dialog, name)
    problems += audit(show(qtbot, MissingEpisodesSection(open_session, ayla), closing), "missing episodes section")
    check(problems)


def _transfer_screens(qtbot, session: VaultSession, closing) -> list[tuple[QWidget, str]]:
    """The transfer and retention screens, each shown: page, dialogs, the child file's section."""
    from datetime import date as _date

    from desktop_app.domain.transfer import PastRetention
    from desktop_app.services.transfer import log, send
    from desktop_app.ui.transfer.child_section import ChildTransferSection
    from desktop_app.ui.transfer.dialogs import (
        DestroyDialog,
        HoldDialog,
        ReceiptDialog,
        ReceiveDialog,
        SendDialog,
    )
    from desktop_app.ui.transfer.page import TransfersPage

    concern_id = record_concern(session)
    with session.uow() as uow:
        child_id = uow.concerns.child_id_of(concern_id)
    entry = send.export_transfer(
        session,
        child_id,
        Path(session.vault_dir).parent / "t.wmtransfer",
        "LONG-ENOUGH-PASSWORD",
        send.TransferOut("Riverside Academy"),
    ).entry
    host = Host(session)
    host.resize(1366, 740)
    show(qtbot, host, closing)
    page = TransfersPage(session, host)
    host.show_page(page)
    past = PastRetention(child_id, _date(2000, 1, 1), _date(2025, 1, 1), "Tamsin Quillfeather")
    screens: list[tuple[QWidget, str]] = [(page, "transfers and retention page")]
    for dialog, name in (
        (SendDialog(host, session, child_id, "Tamsin Quillfeather"), "send a file dialog"),
        (ReceiveDialog(host, session), "receive a file dialog"),
        (ReceiptDialog(host, session, log.transfer_log(session, child_id)[0]), "record a receipt dialog"),
        (HoldDialog(host, session, child_id, "Tamsin Quillfeather"), "hold dialog"),
        (DestroyDialog(host, session, past), "destroy a file dialog"),
    ):
        show(qtbot, dialog, closing)
        screens.append((dialog, name))
    section = ChildTransferSection(session, child_id, "Tamsin Quillfeather")
    section.resize(1000, 420)
    show(qtbot, section, closing)
    screens.append((section, "child file, transfers section"))
    del entry
    return screens


def test_transfer_and_retention_screens(qtbot, open_session: VaultSession, fake_ask, closing) -> None:
    problems: list[str] = []
    for widget, name in _transfer_screens(qtbot, open_session, closing):
        problems += audit(widget, name)
    check(problems)


def test_transfer_and_retention_screens_fit_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    zoom_150,
    screenshot,
) -> None:
    problems: list[str] = []
    for widget, name in _transfer_screens(qtbot, open_session, closing):
        problems += fits(widget, name)
        screenshot(widget, f"a11y_{name}")


# ----- the Audit page ---------------------------------------------------------------------------------------------


def audit_page_with_a_year(qtbot: Any, session: VaultSession, closing: list[QWidget], signed: bool = False) -> Any:
    from datetime import date

    from desktop_app.domain.audit import AcademicYear, ExploitationRole, SignRole
    from desktop_app.services.audit import checklist, training
    from desktop_app.ui.audit import AuditPage

    today = date.today()
    year = AcademicYear.containing(today)
    lead = training.add_staff(session, "Rosa Marsden", "Assistant head", role=ExploitationRole.CE_LEAD)
    training.record_training(session, lead.staff_id, "ce_lead_training", today)
    checklist.start_year(session, year)
    if signed:
        checklist.set_dates(session, year, today)
        checklist.sign(session, year, SignRole.DSL, "Morgan Fairweather", today)
    host = Host(session)
    host.resize(1300, 760)
    show(qtbot, host, closing)
    page = AuditPage(session, host=host)
    host.show_page(page)
    return page


def test_the_audit_page_every_tab_and_dialog(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    screenshot,
) -> None:
    page = audit_page_with_a_year(qtbot, open_session, closing, signed=True)
    problems: list[str] = []
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        problems += audit(page, f"audit page, {page.tabs.tabText(index)} tab")
        screenshot(page.window(), f"audit_tab_{index}")
    page.tabs.setCurrentWidget(page.register)
    for name in ("add_staff", "record_training", "staff_left"):
        dialog = getattr(page.register, name)()
        closing.append(dialog)
        qtbot.waitExposed(dialog)
        problems += audit(dialog, f"audit page, {name.replace('_', ' ')} dialog")
        screenshot(dialog, f"audit_dialog_{name}")
        dialog.reject()
    dialog = page.sign_off.add_correction()
    closing.append(dialog)
    qtbot.waitExposed(dialog)
    problems += audit(dialog, "audit page, correction dialog")
    screenshot(dialog, "audit_dialog_correction")
    check(problems)


def test_the_audit_page_before_a_year_is_started(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
) -> None:
    from desktop_app.ui.audit import AuditPage

    host = Host(open_session)
    show(qtbot, host, closing)
    page = AuditPage(open_session, host=host)
    host.show_page(page)
    check(audit(page, "audit page, year not started"))


def test_the_audit_page_fits_a_laptop_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    zoom_150,
    screenshot,
) -> None:
    page = audit_page_with_a_year(qtbot, open_session, closing)
    page.window().resize(1280, 700)
    problems: list[str] = []
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        problems += fits(page, f"audit page, {page.tabs.tabText(index)} tab")
        screenshot(page.window(), f"audit_zoomed_tab_{index}")
    for name in ("add_staff", "record_training"):
        dialog = getattr(page.register, name)()
        closing.append(dialog)
        qtbot.waitExposed(dialog)
        problems += fits(dialog, f"audit page, {name.replace('_', ' ')} dialog")
        dialog.reject()
    check(problems)


# ----- a concern's actions ------------------------------------------------------------------------------------------


def _actions_screens(qtbot: Any, session: VaultSession, closing: list[QWidget]) -> Iterator[tuple[QWidget, str]]:
    """The dashboard's "Actions due", the concern window with an open action, and its three action dialogs, each
    yielded while it is on screen."""
    from datetime import date, timedelta

    from desktop_app.services.actions.add import NewAction, add_action
    from desktop_app.services.audit import training

    ama = training.add_staff(session, "Ama Boateng", "Head of Year 9").staff_id
    concern_id = record_concern(session)
    add_action(
        session,
        concern_id,
        NewAction("Check attendance every day", date.today() - timedelta(days=2), ama),
        date.today() - timedelta(days=9),
    )
    host = Host(session)
    host.resize(1280, 700)
    show(qtbot, host, closing)
    dashboard = host.show_dashboard()
    yield dashboard, "dashboard with actions due"
    view = dashboard.open_concern(concern_id)
    view.actions_section.table.selectRow(0)
    yield view, "concern view with an action"
    for name in ("add_action", "complete_action", "change_action"):
        dialog = getattr(view.actions_section, name)()
        assert dialog is not None, name
        closing.append(dialog)
        qtbot.waitExposed(dialog)
        yield dialog, f"concern view, {name.replace('_', ' ')} dialog"


def test_the_actions_screens(qtbot, open_session: VaultSession, fake_ask, closing) -> None:
    problems: list[str] = []
    for widget, name in _actions_screens(qtbot, open_session, closing):
        problems += audit(widget, name)
    check(problems)


def test_the_actions_screens_fit_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    zoom_150,
    screenshot,
) -> None:
    problems: list[str] = []
    for widget, name in _actions_screens(qtbot, open_session, closing):
        problems += fits(widget, name)
        screenshot(widget.window(), f"a11y_{name}")


# ----- Help -----------------------------------------------------------------------------------------------------


def _help_topics(qtbot: Any, session: VaultSession, closing: list[QWidget]) -> Iterator[tuple[QWidget, str]]:
    from desktop_app.ui.help import TOPICS, HelpPage

    host = Host(session)
    host.resize(1366, 768)
    show(qtbot, host, closing)
    page = HelpPage(session, host=host)
    host.show_page(page)
    for key in TOPICS:
        page.show_topic(key)
        QApplication.processEvents()
        yield page, f"help, {key.replace('_', ' ')}"


def test_help_every_topic(qtbot, open_session: VaultSession, fake_ask, closing) -> None:
    problems: list[str] = []
    for page, name in _help_topics(qtbot, open_session, closing):
        problems += audit(page, name)
    check(problems)


def test_help_fits_a_laptop_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    zoom_150,
    screenshot,
) -> None:
    problems: list[str] = []
    for page, name in _help_topics(qtbot, open_session, closing):
        problems += fits(page, name)
        screenshot(page.window(), f"a11y_{name}")
    check(problems)


# ----- a concern's attachments and body map -------------------------------------------------------------------------


def _attachments_screens(qtbot: Any, session: VaultSession, closing: list[QWidget]) -> Iterator[tuple[QWidget, str]]:
    """The concern window's Attachments and Body map tabs, the add-file dialog, the viewer for a picture, an email and
    a PDF, and the body map editor, each yielded while it is on screen (and closed after)."""
    from desktop_app.domain.attachments import BodyMark, BodySide
    from desktop_app.services import documents
    from desktop_app.services.attachments import body_map, files
    from desktop_app.services.demo.attachments import HUB_EMAIL, png_picture

    concern_id = record_concern(session)
    files.add_bytes(session, concern_id, "Tutor note.png", png_picture(400, 260), "Photo of the form tutor's note")
    files.add_bytes(
        session,
        concern_id,
        "Hub reply.eml",
        HUB_EMAIL.format(date="Thu, 03 Dec 2026 10:00:00 +0000").encode(),
        "Email from the Hub",
    )
    files.add_bytes(session, concern_id, "Scanned note.pdf", documents.render_blank_checklist()[0], "Scanned notes")
    body_map.save_body_map(session, concern_id, [BodyMark(BodySide.FRONT, 0.86, 0.46, "Bruise, left forearm")])
    host = Host(session)
    host.resize(1280, 700)
    show(qtbot, host, closing)
    view = host.show_dashboard().open_concern(concern_id)
    view.sections.setCurrentWidget(view.attachments)
    yield view, "concern view, attachments tab"
    dialog = view.attachments.add_file()
    closing.append(dialog)
    qtbot.waitExposed(dialog)
    yield dialog, "add a file dialog"
    dialog.reject()
    for row, kind in enumerate(("picture", "email", "PDF")):
        view.attachments.list.setCurrentItem(view.attachments.list.topLevelItem(row))
        viewer = view.attachments.view_selected()
        assert viewer is not None
        closing.append(viewer)
        qtbot.waitExposed(viewer)
        yield viewer, f"attachment viewer, {kind}"
        viewer.close()
    view.sections.setCurrentWidget(view.body_map)
    yield view, "concern view, body map tab"
    editor = view.body_map.edit()
    closing.append(editor)
    qtbot.waitExposed(editor)
    yield editor, "body map editor"
    editor.reject()


def test_the_attachments_and_body_map_screens(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
) -> None:
    problems: list[str] = []
    for widget, name in _attachments_screens(qtbot, open_session, closing):
        problems += audit(widget, name)
    check(problems)


def test_the_attachments_and_body_map_screens_fit_at_150_percent(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
    zoom_150,
    screenshot,
) -> None:
    problems: list[str] = []
    for widget, name in _attachments_screens(qtbot, open_session, closing):
        problems += fits(widget, name)
        screenshot(widget.window(), f"a11y_{name}")
    check(problems)


def test_a_body_map_mark_is_placed_noted_and_saved_by_keyboard_alone(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    closing,
) -> None:
    from desktop_app.services.attachments import body_map
    from desktop_app.ui.attachments.body_map import BodyMapEditor

    concern_id = record_concern(open_session)
    editor = show(qtbot, BodyMapEditor(None, open_session, concern_id, None), closing)
    assert isinstance(editor, BodyMapEditor)
    editor.activateWindow()
    qtbot.waitActive(editor)
    editor.region.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(editor.region.hasFocus)

    def press(key: Qt.Key) -> None:
        QTest.keyClick(QApplication.focusWidget() or editor, key)

    for _ in range(editor.region.findData("upper_back") - editor.region.currentIndex()):
        press(Qt.Key.Key_Down)
    assert editor.region.currentData() == "upper_back"
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.region_button
    press(Qt.Key.Key_Space)
    assert QApplication.focusWidget() is editor.note
    QTest.keyClicks(editor.note, "two scratches about 5 cm")
    for _ in range(12):  # Tab on round the window to the save button
        if QApplication.focusWidget() is editor.save_button:
            break
        press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.save_button, "Tab never reached Save"
    press(Qt.Key.Key_Space)
    saved = body_map.current(open_session, concern_id)
    assert saved is not None
    assert [m.note for m in saved.marks] == ["Upper back and shoulder blades: two scratches about 5 cm"]
