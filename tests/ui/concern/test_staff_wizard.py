"""A member of staff records a concern from the lock screen: every page, sealed as they type, sent to the DSL."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWizard

from desktop_app.services.concern.flow import Page
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.concern import ConcernWizard, open_staff_wizard
from desktop_app.ui.concern import wizard as wizard_module
from desktop_app.vault import keyslots, sealing
from tests.ui.concern.helpers import (
    NAME_FIRST,
    NAME_LAST,
    open_sealed,
    press_next,
    sealed_files,
    settle,
    type_text,
)

pytestmark = pytest.mark.gui

VAULT_ID = "vault-staff-test"


@pytest.fixture
def vault(tmp_path: Path) -> tuple[Path, bytes]:
    """What the lock screen sees of a vault: the clear key-slot file with the intake public key."""
    private, public = sealing.new_keypair()
    keyslots.KeySlotFile.create(VAULT_ID, public).save(tmp_path / keyslots.FILE_NAME)
    return tmp_path, private


@pytest.fixture
def wizard(qtbot, qapp, vault, asker, windows) -> ConcernWizard:
    opened = windows.add(open_staff_wizard(None, vault[0]))
    qtbot.waitExposed(opened)
    return opened


def current(wizard: ConcernWizard) -> Page:
    return wizard.page_id()


def problem(wizard: ConcernWizard, field_id: str) -> str:
    return wizard.current_flow_page().problem_text(field_id)


def visible_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def fill_essentials(wizard: ConcernWizard) -> None:
    """The shortest way to the review page: the essentials only."""
    wizard.flow_pages[Page.SAFETY].danger.no.click()
    press_next(wizard)
    type_text(wizard.flow_pages[Page.CHILD].first_name, "Mei")
    press_next(wizard)
    happened = wizard.flow_pages[Page.HAPPENED]
    type_text(happened.date, (datetime.now() - timedelta(days=1)).strftime("%d/%m/%Y"))
    type_text(happened.time, "08:50")
    type_text(happened.account, "Seen with an older boy.")
    press_next(wizard)
    wizard.flow_pages[Page.ROUTES].adult.no.click()
    wizard.flow_pages[Page.ROUTES].group.no.click()
    press_next(wizard)
    recorder = wizard.flow_pages[Page.RECORDER]
    type_text(recorder.name, "Alex Morgan")
    type_text(recorder.role, "Science teacher")
    recorder.declaration.click()
    press_next(wizard)


def fill_to_review(wizard: ConcernWizard, qtbot, screenshot, *, prefix: str = "concern_wizard") -> None:
    """Walk every page as a member of staff would, checking what each page tells them."""
    take = screenshot

    def screenshot(widget, name):  # waits for rows just added to be laid out first
        settle(qtbot, wizard)
        return take(widget, name)

    page = wizard.current_flow_page()
    assert current(wizard) is Page.SAFETY
    screenshot(wizard, f"{prefix}_1_safety")
    press_next(wizard)
    assert current(wizard) is Page.SAFETY  # an answer is needed
    assert "Answer yes or no" in problem(wizard, "safety.immediate_danger")
    page.danger.yes.click()
    assert not problem(wizard, "safety.immediate_danger")  # the sentence goes once the answer is given
    qtbot.waitUntil(lambda: "immediate_danger" in page.notices.labels)
    assert "Ring 999 now" in page.notices.labels["immediate_danger"].text()
    screenshot(wizard, f"{prefix}_1_safety_ring_999")
    press_next(wizard)

    assert current(wizard) is Page.CHILD
    child = wizard.current_flow_page()
    press_next(wizard)
    assert "first name" in problem(wizard, "child.first_name")
    assert wizard.focusWidget() is child.first_name  # the cursor goes to the field to fix
    type_text(child.first_name, NAME_FIRST)
    type_text(child.last_name, NAME_LAST)
    type_text(child.dob, "14/03/2012")
    child.year_group.setCurrentText("Year 9")
    screenshot(wizard, f"{prefix}_2_child")
    press_next(wizard)

    assert current(wizard) is Page.HAPPENED
    happened = wizard.current_flow_page()
    tomorrow = (datetime.now() + timedelta(days=1)).strftime("%d/%m/%Y")
    type_text(happened.date, tomorrow)
    press_next(wizard)
    assert "in the future" in problem(wizard, "happened.date")
    assert "Enter the time" in problem(wizard, "happened.time")
    assert "what you saw or heard" in problem(wizard, "happened.account")
    screenshot(wizard, f"{prefix}_3_what_happened_problems")
    happened.date.clear()
    type_text(happened.date, (datetime.now() - timedelta(days=1)).strftime("%d/%m/%Y"))
    type_text(happened.time, "15:40")
    type_text(happened.location, "Bus shelter on Abbeydale Road")
    type_text(happened.account, "Saw her get into a grey Audi with two older men.\nShe looked frightened.")
    type_text(happened.words, "If I don't go they'll hurt my brother, innit")
    type_text(happened.action, "Listened and came straight to record this.")
    screenshot(wizard, f"{prefix}_3_what_happened")
    press_next(wizard)
    assert not problem(wizard, "happened.date")

    assert current(wizard) is Page.ROUTES  # signs and other people are optional: not in the way
    routes = wizard.current_flow_page()
    press_next(wizard)
    assert "adult who works with children" in problem(wizard, "routes.adult_working_with_children")
    routes.adult.yes.click()
    routes.group.dont_know.click()
    routes.kinds["county_lines"].click()
    qtbot.waitUntil(lambda: "lado" in routes.notices.labels)
    assert len([n for n in routes.notices.findChildren(QLabel) if not n.isHidden()]) == 1  # said once
    assert "Local Authority Designated Officer" in routes.notices.labels["lado"].text()
    routes.more.setFocus()
    qtbot.keyClick(routes.more, Qt.Key.Key_Space)  # this recorder chooses to add signs and people
    screenshot(wizard, f"{prefix}_4_who_else_must_know")
    press_next(wizard)

    assert current(wizard) is Page.SIGNS
    signs = wizard.current_flow_page()
    assert signs.boxes, "the quick-pick comes from the screening definition"
    first_id, first_box = next(iter(signs.boxes.items()))
    first_box.setFocus()
    qtbot.keyClick(first_box, Qt.Key.Key_Space)
    assert first_box.isChecked()
    assert signs.findChild(QLabel, f"help_{first_id}").text()
    screenshot(wizard, f"{prefix}_5_signs")
    press_next(wizard)

    assert current(wizard) is Page.OTHERS
    others = wizard.current_flow_page()
    others.lists["children"].add_button.click()
    row = others.lists["children"].rows[0][1]
    assert wizard.focusWidget() is row["name"]  # a new row is ready to type into
    type_text(row["name"], "Tobiasz Kowalczyk")
    press_next(wizard)
    assert "role" in problem(wizard, "others.children.0.role")
    row["role"].setCurrentIndex(3)  # witness
    others.lists["adults"].add_button.click()
    adult = others.lists["adults"].rows[0][1]
    type_text(adult["name_or_nickname"], "'Big Dee'")
    type_text(adult["vehicle"], "Grey Audi, plate starts YK19")
    others.lists["places"].add_button.click()
    others.lists["places"].add_button.click()
    assert len(others.lists["places"].rows) == 2
    others.lists["places"].rows[1][0].findChild(type(others.lists["places"].add_button), "remove_places_1").click()
    assert len(others.lists["places"].rows) == 1
    type_text(others.lists["places"].rows[0][1]["name"], "Flat above the vape shop")
    screenshot(wizard, f"{prefix}_6_others")
    press_next(wizard)

    assert current(wizard) is Page.RECORDER
    recorder = wizard.current_flow_page()
    type_text(recorder.name, "Priya Ramanathan")
    type_text(recorder.role, "Learning mentor")
    press_next(wizard)
    assert "accurate" in problem(wizard, "recorder.declaration")
    recorder.declaration.setFocus()
    qtbot.keyClick(recorder.declaration, Qt.Key.Key_Space)
    screenshot(wizard, f"{prefix}_7_about_you")
    press_next(wizard)
    assert current(wizard) is Page.REVIEW


def test_staff_record_a_concern_from_start_to_finish_sealed_all_the_way(wizard, vault, qtbot, screenshot) -> None:
    vault_dir, private = vault
    fill_to_review(wizard, qtbot, screenshot)

    qtbot.waitUntil(lambda: f"{NAME_FIRST} {NAME_LAST}" in visible_text(wizard.review_page))
    review = visible_text(wizard.review_page)
    assert "“If I don't go they'll hurt my brother, innit”" in review  # the child's words, marked verbatim
    assert "Tobiasz Kowalczyk" in review and "Big Dee" in review
    assert "Don't know" in review and "County lines" in review
    screenshot(wizard, "concern_wizard_8_review")
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Send to the DSL"
    assert len(sealed_files(vault_dir)) == 1
    before = open_sealed(sealed_files(vault_dir)[0], private, VAULT_ID)
    assert before["kind"] == "draft"  # saved as they went

    with qtbot.waitSignal(wizard.submitted) as sent:
        press_next(wizard)
    reference = sent.args[0]
    assert current(wizard) is Page.DONE
    qtbot.waitUntil(lambda: reference in visible_text(wizard.done_page))
    done = visible_text(wizard.done_page)
    assert reference in done
    assert "Now tell your Designated Safeguarding Lead" in done
    assert "999" in done and "0114 2734855" in done  # quick-reference contacts from forms/
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()  # no way back into a sealed concern
    screenshot(wizard, "concern_wizard_9_done")

    files = sealed_files(vault_dir)
    assert len(files) == 1 and intake_sealing.pending(vault_dir) == 1
    raw = files[0].read_bytes()
    typed = [NAME_FIRST, NAME_LAST, "Wiśniewska", "Nguyễn", "14/03/2012", "2012-03-14", "Abbeydale", "grey Audi",
             "hurt my brother", "Tobiasz", "Big Dee", "YK19", "vape shop", "Priya", "Learning mentor",
             reference]  # fmt: skip
    for value in typed:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert value.encode(encoding) not in raw, value
    payload = open_sealed(files[0], private, VAULT_ID)
    assert payload["kind"] == "submitted" and payload["reference"] == reference
    draft = payload["draft"]
    assert draft["child"]["first_name"] == NAME_FIRST and draft["child"]["last_name"] == NAME_LAST
    assert draft["childs_words"] == "If I don't go they'll hurt my brother, innit"
    assert draft["immediate_danger"] is True and draft["about_adult_working_with_children"] is True
    assert draft["group_or_community"] is None and draft["dont_know"] == ["group_or_community"]
    assert draft["category_ids"] == ["county_lines"]
    assert draft["other_children"][0]["role"] == "witness"
    assert draft["declaration"] is True and draft["recorded_at"]

    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard))  # closed and deleted: nothing of the record lingers


def test_every_page_at_150_percent_zoom(qtbot, qapp, vault, asker, screenshot, windows) -> None:
    apply_zoom(qapp, 150)
    try:
        opened = windows.add(open_staff_wizard(None, vault[0]))
        qtbot.waitExposed(opened)
        fill_to_review(opened, qtbot, screenshot)
        screenshot(opened, "concern_wizard_8_review")
        press_next(opened)
        assert opened.page_id() is Page.DONE
        screenshot(opened, "concern_wizard_9_done")
    finally:
        apply_zoom(qapp, 100)


def test_a_draft_survives_the_window_being_destroyed_mid_way(qtbot, qapp, vault, asker, monkeypatch) -> None:
    vault_dir, private = vault
    monkeypatch.setattr(wizard_module, "SAVE_DELAY_MS", 300)  # the real pause is a few seconds after typing stops
    opened = open_staff_wizard(None, vault_dir)
    assert opened is not None
    opened.flow_pages[Page.SAFETY].danger.no.click()
    press_next(opened)
    type_text(opened.current_flow_page().first_name, NAME_FIRST)

    def child_saved() -> bool:  # saved while typing, with no page change
        files = sealed_files(vault_dir)
        draft = open_sealed(files[0], private, VAULT_ID)["draft"] if len(files) == 1 else {}
        return (draft.get("child") or {}).get("first_name") == NAME_FIRST

    qtbot.waitUntil(child_saved)
    opened.deleteLater()  # the window is destroyed mid-way: no goodbye, no prompt
    qtbot.waitUntil(lambda: not shiboken6.isValid(opened))
    assert asker.asked == []
    assert intake_sealing.pending(vault_dir) == 1
    assert open_sealed(sealed_files(vault_dir)[0], private, VAULT_ID)["kind"] == "draft"


def test_stopping_keeps_the_draft_for_the_dsl_unless_the_recorder_deletes_it(
    qtbot, qapp, vault, asker, windows
) -> None:
    vault_dir, _ = vault
    for delete, left in ((False, 1), (True, 0)):
        for old in sealed_files(vault_dir):
            old.unlink()
        asker.answer_confirm = delete
        opened = windows.add(open_staff_wizard(None, vault_dir))
        opened.flow_pages[Page.SAFETY].danger.no.click()
        opened.reject()
        said = asker.asked[-1].text
        assert "you cannot open this concern again" in said
        assert "the DSL will receive it marked as unfinished" in said
        assert intake_sealing.pending(vault_dir) == left


def test_a_teacher_sends_the_essentials_in_six_pages_without_the_list_of_signs(
    qtbot, qapp, vault, asker, windows, screenshot
) -> None:
    vault_dir, private = vault
    opened = windows.add(open_staff_wizard(None, vault_dir))
    qtbot.waitExposed(opened)
    seen = [opened.page_id()]
    opened.currentIdChanged.connect(lambda *_: seen.append(opened.page_id()))
    opened.flow_pages[Page.SAFETY].danger.no.click()
    press_next(opened)
    child = opened.current_flow_page()
    offered = [child.year_group.itemText(i) for i in range(child.year_group.count())]
    assert offered[:2] == ["Year 7", "Year 8"] and "Reception" not in offered  # the setting's phase (forms/)
    type_text(child.first_name, "Mei")
    type_text(child.last_name, "Chen")
    type_text(child.dob, "14/03/2012")
    type_text(child.age, "9")
    press_next(opened)
    assert opened.page_id() is Page.CHILD  # refused, not silently dropped
    assert "The date of birth makes the child 14, but the age says 9" in problem(opened, "child.age")
    assert opened.focusWidget() is child.age
    screenshot(opened, "concern_wizard_2_child_age_disagrees")
    child.age.clear()
    press_next(opened)
    happened = opened.current_flow_page()
    type_text(happened.date, (datetime.now() - timedelta(days=1)).strftime("%d/%m/%Y"))
    type_text(happened.time, "08:50")
    type_text(happened.account, "She said an older boy keeps asking her to carry a bag to Rotherham.")
    type_text(happened.words, "he says I owe him for the trainers")
    press_next(opened)
    routes = opened.current_flow_page()
    routes.adult.dont_know.click()
    routes.group.no.click()
    qtbot.waitUntil(lambda: "lado_unsure" in routes.notices.labels)
    press_next(opened)
    recorder = opened.current_flow_page()
    type_text(recorder.name, "Alex Morgan")
    type_text(recorder.role, "Science teacher")
    recorder.declaration.click()
    press_next(opened)
    assert opened.page_id() is Page.REVIEW
    qtbot.waitUntil(lambda: "Alex Morgan" in visible_text(opened.review_page))
    review = visible_text(opened.review_page)
    assert "Don't know" in review and "None ticked" in review
    with qtbot.waitSignal(opened.submitted):
        press_next(opened)
    assert seen == [Page.SAFETY, Page.CHILD, Page.HAPPENED, Page.ROUTES, Page.RECORDER, Page.REVIEW, Page.DONE]
    draft = open_sealed(sealed_files(vault_dir)[0], private, VAULT_ID)["draft"]
    assert draft["dont_know"] == ["about_adult_working_with_children"] and draft["sign_ids"] == []


def test_signs_left_out_can_still_be_added_from_the_review_page(qtbot, qapp, vault, asker, windows) -> None:
    opened = windows.add(open_staff_wizard(None, vault[0]))
    qtbot.waitExposed(opened)
    fill_essentials(opened)
    assert opened.page_id() is Page.REVIEW
    opened.review_page.findChild(QPushButton, "review_change_signs").click()
    assert opened.page_id() is Page.SIGNS


def test_opening_and_closing_without_typing_leaves_nothing(qtbot, qapp, vault, asker, windows) -> None:
    opened = windows.add(open_staff_wizard(None, vault[0]))
    opened.reject()
    assert sealed_files(vault[0]) == [] and asker.asked == []


def test_a_vault_without_its_key_file_says_so_and_tells_staff_to_go_to_the_dsl(qtbot, qapp, tmp_path, asker) -> None:
    assert open_staff_wizard(None, tmp_path) is None
    _kind, title, text = asker.asked[0]
    assert "cannot be recorded" in title and "Designated Safeguarding Lead" in text
