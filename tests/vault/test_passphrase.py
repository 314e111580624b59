"""Passphrase rules a DSL meets at setup, and the growing wait after wrong passphrases."""

from __future__ import annotations

import errno
import json
import os
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app import paths
from desktop_app.vault import passphrase
from desktop_app.vault.passphrase import FailureCounter, problems

NAMES_IN_MANY_SCRIPTS = [
    "Siobhán Ní Dhomhnaill lives here",  # Irish
    "Łucja Wiśniewska-Kowalczyk",  # Polish
    "Nguyễn Thị Minh Khai Street",  # Vietnamese
    "Мария Ивановна Петрова",  # Cyrillic
    "محمد عبد الله الحسن",  # Arabic
    "अनुष्का शर्मा और परिवार",  # Devanagari
    "王小明和李小龙的学校在伦敦城市",  # Chinese: 15 characters
    "ⵜⴰⵎⴰⵣⵖⴰⵜ ⵏ ⵓⵎⵓⵔ ⵏⵏⵖ",  # Tifinagh
    "👩🏽‍🏫 teacher of year 9 🏫",  # emoji
]


def test_shipped_list_is_there_lower_case_and_big() -> None:
    assert paths.resource("common-passwords.txt").exists()
    assert paths.resource("common-passwords.LICENSE").read_text(encoding="utf-8").count("MIT") >= 1
    common = passphrase.common_passwords()
    assert len(common) > 29_000
    assert "password" in common and "correcthorsebatterystaple" in common
    assert all(word == word.lower() for word in common)


@pytest.mark.parametrize("text", NAMES_IN_MANY_SCRIPTS)
def test_names_in_any_script_are_accepted(text: str) -> None:
    assert problems(text) == []


def test_length_counts_characters_people_see_not_bytes() -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë Siân Renée")  # 14 letters, 17 code points
    assert len(decomposed) == 17
    assert problems(decomposed) == [problems("x" * 14)[0]]
    assert "at least 15 characters (this has 14)" in problems(decomposed)[0]
    assert problems(decomposed + "s") == []


def test_fourteen_characters_is_too_short_and_fifteen_is_enough() -> None:
    assert problems("")[0].startswith("Use at least 15 characters (this has 0).")
    assert problems("tea and toast 1") == []
    assert "this has 14" in problems("tea and toast ")[0]


def test_very_long_passphrases_are_accepted() -> None:
    long_one = ("the quick dsl ran to the office and rang the hub; " * 21)[:1000]
    assert len(long_one) == 1000
    assert problems(long_one) == []
    assert problems("x" + "y" * 2000 + "z") == []
    assert "at most 4,096" in problems("word " * 1000)[0]


def test_no_composition_rules() -> None:
    assert problems("all lower case words here") == []
    assert problems("999 111 222 333 444 555") == []


@pytest.mark.parametrize(
    "text",
    [
        "correct horse battery staple",
        "CorrectHorseBatteryStaple",
        "qwertasdfgzxcvb",  # in the shipped list
        "1qaz2wsx3edc4rfv",
        "Q W E R T Y U I O P 1 2 3 4 5",
    ],
)
def test_common_passwords_are_refused_whatever_the_case_or_spaces(text: str) -> None:
    found = problems(text)
    assert found and "passwords people choose most often" in found[-1]


@pytest.mark.parametrize(
    "text",
    [
        "aaaaaaaaaaaaaaaa",
        "ŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁ",
        "abcabcabcabcabcabc",
        "passwordpassword",
        "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
    ],
)
def test_repetitions_are_refused(text: str) -> None:
    found = problems(text)
    assert found == [
        "This is the same few characters or the same word repeated, which is easy to guess. Choose something else."
    ]


def test_a_repeated_uncommon_phrase_is_fine() -> None:
    assert problems("blue heron, blue heron") == []


# ----- the growing wait ---------------------------------------------------------------------------------------

T0 = datetime(2026, 11, 28, 18, 0, tzinfo=UTC)


def test_three_free_tries_then_a_doubling_wait_capped_at_a_minute(tmp_path: Path) -> None:
    counter = FailureCounter(tmp_path)
    waits = []
    for n in range(10):
        waits.append(counter.seconds_to_wait(T0 + timedelta(minutes=n)))
        counter.record_failure(T0 + timedelta(minutes=n))
    assert waits[:3] == [0, 0, 0]
    assert counter.seconds_to_wait(T0) == 60  # clock turned back: never more than the delay
    assert FailureCounter(tmp_path).failures == 10
    delays = []
    (tmp_path / "other").mkdir()
    fresh = FailureCounter(tmp_path / "other")
    for _ in range(10):
        fresh.record_failure(T0)
        delays.append(fresh.seconds_to_wait(T0))
    assert delays == [0, 0, 2, 4, 8, 16, 32, 60, 60, 60]


def test_the_wait_runs_down_with_time(tmp_path: Path) -> None:
    counter = FailureCounter(tmp_path)
    for _ in range(4):
        counter.record_failure(T0)
    assert counter.seconds_to_wait(T0) == 4
    assert counter.seconds_to_wait(T0 + timedelta(seconds=3)) == 1
    assert counter.seconds_to_wait(T0 + timedelta(seconds=10)) == 0


def test_the_count_survives_a_restart_and_reset_clears_it(tmp_path: Path) -> None:
    counter = FailureCounter(tmp_path)
    for _ in range(5):
        counter.record_failure(T0)
    assert FailureCounter(tmp_path).seconds_to_wait(T0 + timedelta(seconds=1)) == 7
    data = json.loads((tmp_path / "unlock-failures.json").read_text(encoding="utf-8"))
    assert data == {"failures": 5, "last_failure": "2026-11-28T18:00:00+00:00"}  # nothing personal
    counter.reset()
    assert FailureCounter(tmp_path).seconds_to_wait(T0) == 0


def test_an_unlock_after_the_count_was_cleared_writes_nothing(tmp_path: Path) -> None:
    """One wrong try, ever, used to cost two synced file writes at every unlock after it."""
    counter = FailureCounter(tmp_path)
    counter.record_failure(T0)
    counter.reset()
    written = (tmp_path / "unlock-failures.json").stat()
    FailureCounter(tmp_path).reset()
    again = (tmp_path / "unlock-failures.json").stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)  # a write makes a new file
    assert FailureCounter(tmp_path).failures == 0


def test_a_damaged_count_file_is_rewritten_at_the_next_right_passphrase(tmp_path: Path) -> None:
    (tmp_path / "unlock-failures.json").write_text("{not json", encoding="utf-8")
    FailureCounter(tmp_path).reset()
    data = json.loads((tmp_path / "unlock-failures.json").read_text(encoding="utf-8"))
    assert data == {"failures": 0, "last_failure": None}


def test_a_damaged_counter_file_does_not_stop_unlocking(tmp_path: Path) -> None:
    (tmp_path / "unlock-failures.json").write_text("{not json", encoding="utf-8")
    counter = FailureCounter(tmp_path)
    assert counter.seconds_to_wait(T0) == 0
    counter.record_failure(T0)
    assert FailureCounter(tmp_path).failures == 1


def test_a_read_only_folder_keeps_the_count_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*_args: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", read_only)
    counter = FailureCounter(tmp_path)
    for _ in range(4):
        counter.record_failure(T0)
    assert counter.seconds_to_wait(T0) == 4
    assert not (tmp_path / "unlock-failures.json").exists()


def test_posix_seconds_work_as_well_as_datetimes(tmp_path: Path) -> None:
    counter = FailureCounter(tmp_path)
    start = T0.timestamp()
    for _ in range(4):
        counter.record_failure(start)
    assert counter.seconds_to_wait(start + 1) == 3
    assert counter.seconds_to_wait(T0 + timedelta(seconds=1)) == 3


@pytest.mark.parametrize(
    ("text", "avoid"),
    [
        ("Benedykt Wąsowski", ["Benedykt Wąsowski"]),
        ("benedyktwąsowski", ["Benedykt Wąsowski"]),
        ("St Aidan's Academy", ["St Aidan's Academy"]),
        ("Safeguarding safeguarding", []),
        ("waymark waymark waymark", []),
    ],
)
def test_names_that_go_with_the_person_or_school_are_refused(text: str, avoid: list[str]) -> None:
    assert problems(text, avoid=avoid) == [
        "This is a name that goes with you, the school or the app, so it would be guessed early. Choose something else."
    ]


def test_a_name_inside_a_longer_passphrase_is_fine() -> None:
    assert problems("Benedykt Wąsowski rides a red bicycle", avoid=["Benedykt Wąsowski"]) == []
