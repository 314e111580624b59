"""Passphrase rules (length and a list of common passwords, no composition rules) and the unlock-failure delay."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from desktop_app import paths
from desktop_app.vault import atomic
from desktop_app.vault.errors import SaveFailed
from desktop_app.vault.witness import Witness, vault_id_of

MIN_LENGTH = 15
MAX_LENGTH = 4096
COMMON_PASSWORDS_FILE = "common-passwords.txt"
FAILURES_FILE = "unlock-failures.json"
FREE_ATTEMPTS = 3
CONTEXT_WORDS = ("waymark", "waymark app", "designated safeguarding lead", "safeguarding")
MAX_DELAY_SECONDS = 60

_log = logging.getLogger(__name__)


@functools.cache
def common_passwords() -> frozenset[str]:
    """The shipped list of the most common passwords, lower case, one per line."""
    text = paths.resource(COMMON_PASSWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _squashed(text: str) -> str:
    return "".join(_nfc(text).lower().split())


def _nfc(text: str) -> str:
    import unicodedata  # not at module level: the lock screen loads this module before its first show

    return unicodedata.normalize("NFC", text)


def _is_repetition(squashed: str) -> bool:
    """One character, or a short run (up to 4) or a common password, said over and over."""
    for size in range(1, len(squashed) // 2 + 1):
        unit = squashed[:size]
        if len(squashed) % size == 0 and unit * (len(squashed) // size) == squashed:
            return size <= 4 or unit in common_passwords()
    return False


def _is_context_word(squashed: str, avoid: Iterable[str]) -> bool:
    words = {_squashed(word) for word in (*CONTEXT_WORDS, *avoid)} - {""}
    return any(len(squashed) % len(word) == 0 and word * (len(squashed) // len(word)) == squashed for word in words)


def problems(text: str, avoid: Iterable[str] = ()) -> list[str]:
    """Why ``text`` cannot be a passphrase, as sentences for the screen; empty when it is acceptable.

    ``avoid``: words from the context that a guesser would try first (the person's name, the setting's name).
    """
    found: list[str] = []
    length = len(_nfc(text))
    if length < MIN_LENGTH:
        found.append(
            f"Use at least {MIN_LENGTH} characters (this has {length}). A few ordinary words with spaces "
            "between them make a passphrase that is long and easy to remember."
        )
    elif length > MAX_LENGTH:
        found.append(f"Use at most {MAX_LENGTH:,} characters (this has {length:,}).")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        found.append("This contains a character that cannot be stored. Type it again without pasting.")
    squashed = _squashed(text)
    if squashed and squashed in common_passwords():
        found.append(
            "This is one of the passwords people choose most often, so it would be guessed quickly. "
            "Choose something else."
        )
    elif squashed and _is_context_word(squashed, avoid):
        found.append(
            "This is a name that goes with you, the school or the app, so it would be guessed early. "
            "Choose something else."
        )
    elif squashed and _is_repetition(squashed):
        found.append(
            "This is the same few characters or the same word repeated, which is easy to guess. Choose something else."
        )
    return found


class _Failures:
    """A count and the time of the last failure. Not a dataclass: this is read before the lock screen shows, and
    importing ``dataclasses`` there was a measurable share of start-up (issue 17)."""

    __slots__ = ("count", "last")

    def __init__(self, count: int, last: datetime | None) -> None:
        self.count = count
        self.last = last


class FailureCounter:
    """Counts failed unlocks in ``unlock-failures.json`` (a count and a time, nothing personal), and also in the
    vault's record on this computer (``vault.witness``), so deleting or replacing the file does not reset the wait.

    Three tries are free; then the wait doubles from 2 seconds up to a minute. It is a brake on guessing at the
    keyboard, not a defence against someone who has copied the vault (Argon2id is that defence).
    """

    def __init__(self, vault_dir: Path, vault_id: str | None = None) -> None:
        self.path = Path(vault_dir) / FAILURES_FILE
        self._witness = Witness(vault_id if vault_id is not None else vault_id_of(Path(vault_dir)), Path(vault_dir))
        self._file_clear = False
        self._state = self._read()

    def seconds_to_wait(self, now: datetime | float) -> float:
        """How long to wait before the next try is allowed; 0 when it is allowed now."""
        state = self._state
        if state.count < FREE_ATTEMPTS or state.last is None:
            return 0.0
        delay = float(min(MAX_DELAY_SECONDS, 2 ** (state.count - FREE_ATTEMPTS + 1)))
        elapsed = (_utc(now) - state.last).total_seconds()
        # A clock turned back must not make the wait longer than the delay itself.
        return max(0.0, min(delay, delay - elapsed))

    @property
    def failures(self) -> int:
        return self._state.count

    def record_failure(self, now: datetime | float) -> None:
        self._state = _Failures(self._state.count + 1, _utc(now))
        self._write()

    def reset(self) -> None:
        """After a right passphrase: clear the count, writing only when there was one (or a damaged file) to clear;
        a vault that once had a wrong try is not rewritten at every unlock after."""
        had_failures = self._state.count > 0
        self._state = _Failures(0, None)
        if had_failures or (self.path.exists() and not self._file_clear):
            self._write()

    def _read(self) -> _Failures:
        here = self._read_file()
        seen = self._witness.read()
        lasts = [moment for moment in (here.last, seen.last_failure) if moment is not None]
        return _Failures(max(here.count, seen.failures), max(lasts) if lasts else None)

    def _read_file(self) -> _Failures:
        self._file_clear = False  # True when the file says "no failures" and nothing else
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            count = data["failures"]
            last = datetime.fromisoformat(data["last_failure"]) if data["last_failure"] else None
            if type(count) is not int or count < 0 or (last is not None and last.tzinfo is None):
                raise ValueError
            self._file_clear = count == 0 and last is None
            return _Failures(count, last)
        except FileNotFoundError:
            return _Failures(0, None)
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            _log.warning("unlock-failures.json was unreadable; going by the record on this computer")
            return _Failures(0, None)

    def _write(self) -> None:
        state = self._state
        text = json.dumps({"failures": state.count, "last_failure": state.last.isoformat() if state.last else None})
        self._witness.record_failures(state.count, state.last)
        try:
            atomic.write_text(self.path, text + "\n")
        except SaveFailed:
            # Unlocking must still work from a read-only or full disk; the count is kept in memory meanwhile.
            _log.warning("could not save unlock-failures.json; keeping the count in memory")


def _utc(moment: datetime | float) -> datetime:
    """A timezone-aware datetime, or POSIX seconds (``time.time()``), as UTC."""
    if not isinstance(moment, datetime):
        return datetime.fromtimestamp(moment, UTC)
    if moment.tzinfo is None:
        raise ValueError("times for the failure counter must be timezone-aware")
    return moment.astimezone(UTC)
