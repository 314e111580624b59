"""Atomic writes: the old file or the new one, never half; a full disk or read-only folder says so plainly."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.vault import atomic
from desktop_app.vault.errors import DiskFull, FolderNotWritable


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_creates_and_replaces_without_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "note.txt"
    atomic.write_text(target, "first – Zoë")
    atomic.write_text(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert not atomic.backup_path(target).exists()
    assert _leftovers(tmp_path) == []


def test_keep_previous_keeps_the_old_content_as_bak(tmp_path: Path) -> None:
    target = tmp_path / "keyslots.json"
    atomic.write_bytes(target, b"one", keep_previous=True)
    assert not (tmp_path / "keyslots.json.bak").exists()  # nothing to keep yet
    atomic.write_bytes(target, b"two", keep_previous=True)
    atomic.write_bytes(target, b"three", keep_previous=True)
    assert target.read_bytes() == b"three"
    assert (tmp_path / "keyslots.json.bak").read_bytes() == b"two"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "error", "words"),
    [
        (errno.ENOSPC, DiskFull, "The disk is full"),
        (errno.EROFS, FolderNotWritable, "is read-only"),
        (errno.EACCES, FolderNotWritable, "not allowed to write"),
        (errno.EPERM, FolderNotWritable, "not allowed to write"),
    ],
)
def test_os_errors_become_one_clear_sentence_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, error: type[Exception], words: str
) -> None:
    target = tmp_path / "keyslots.json"
    target.write_bytes(b"original")

    def refuse(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(error) as caught:
        atomic.write_bytes(target, b"new", keep_previous=True)
    assert words in str(caught.value)
    assert "nothing was changed" in str(caught.value)
    assert target.read_bytes() == b"original"
    assert _leftovers(tmp_path) == []


def test_an_unexpected_os_error_is_not_dressed_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError) as caught:
        atomic.write_bytes(tmp_path / "x", b"data")
    assert caught.value.errno == errno.EIO
    assert _leftovers(tmp_path) == []


def _synced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What ``os.fsync`` is called on during the test: "file" or "folder"."""
    synced: list[str] = []
    real = os.fsync

    def recording(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", recording)
    return synced


@pytest.mark.skipif(os.name != "posix", reason="Windows has no folder handles to sync")
def test_a_write_syncs_the_content_then_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced = _synced(monkeypatch)
    atomic.write_bytes(tmp_path / "keyslots.json", b"the key file")
    assert synced == ["file", "folder"]


def test_a_lagging_file_may_skip_the_folder_sync_but_never_the_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit anchor and this computer's record: a lost rename brings back the previous whole copy (harmless for
    them), but the name must never point at content that was not written out."""
    synced = _synced(monkeypatch)
    atomic.write_text(tmp_path / "audit.anchor", "new", sync_folder=False)
    assert synced == ["file"]
    assert (tmp_path / "audit.anchor").read_text() == "new"
    assert _leftovers(tmp_path) == []


_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from desktop_app.vault import atomic
    from desktop_app.errors import UserFacingError
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        atomic.write_bytes(Path(sys.argv[1]), b"x" * 100_000, keep_previous=True)
    except UserFacingError as exc:
        print(exc)
        sys.exit(3)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX")
def test_full_disk_in_a_child_process_leaves_the_original(tmp_path: Path) -> None:
    target = tmp_path / "keyslots.json"
    target.write_bytes(b"the confirmed key file")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(target)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 3, done.stderr
    assert "The disk is full" in done.stdout
    assert target.read_bytes() == b"the confirmed key file"
    assert _leftovers(tmp_path) == []


def _small_tmpfs(folder: Path) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def test_a_really_full_disk_on_a_small_tmpfs(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _small_tmpfs(disk):
        pytest.skip("mounting a small tmpfs needs root on Linux; the file-size-limit test covers this elsewhere")
    try:
        target = disk / "keyslots.json"
        atomic.write_bytes(target, b"k" * 20_000)
        atomic.write_bytes(target, b"v" * 20_000, keep_previous=True)
        with pytest.raises(DiskFull) as caught:
            atomic.write_bytes(target, b"z" * 40_000, keep_previous=True)
        assert "The disk is full" in str(caught.value)
        assert target.read_bytes() == b"v" * 20_000
        assert _leftovers(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)
