"""Thin access to the vault-keys package, with stand-ins only while parts of it are still being written."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop_app.errors import UserFacingError
from desktop_app.vault import instance, passphrase, recovery


def new_recovery_key() -> str:
    if hasattr(recovery, "new_recovery_key"):
        return str(recovery.new_recovery_key())
    raw = base64.b32encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def parse_recovery_key(text: str) -> bytes:
    if hasattr(recovery, "parse"):
        return bytes(recovery.parse(text))
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raise UserFacingError("That recovery key is not written correctly; check each group of characters.") from None
    if len(raw) != 32:
        raise UserFacingError("That recovery key is not written correctly; check each group of characters.")
    return raw


def passphrase_problems(text: str) -> list[str]:
    if hasattr(passphrase, "problems"):
        return list(passphrase.problems(text))
    return [] if len(text) >= 15 else ["A passphrase needs at least 15 characters."]


class _NoFailureCounter:
    def seconds_to_wait(self, now: float) -> float:
        return 0.0

    def record_failure(self, now: float) -> None:
        return None

    def reset(self) -> None:
        return None


def failure_counter(vault_dir: Path) -> Any:
    counter = getattr(passphrase, "FailureCounter", None)
    return counter(vault_dir) if counter is not None else _NoFailureCounter()


class _NoLock:
    def acquire(self) -> _NoLock:
        return self

    def release(self) -> None:
        return None

    def __enter__(self) -> _NoLock:
        return self

    def __exit__(self, a: type[BaseException] | None, b: BaseException | None, c: TracebackType | None) -> None:
        return None


def instance_lock(vault_dir: Path) -> Any:
    lock_class = getattr(instance, "VaultInstanceLock", None)
    return lock_class(vault_dir) if lock_class is not None else _NoLock()
