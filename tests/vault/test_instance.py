"""One Waymark per vault: a second is refused; a crashed one does not block the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.vault.errors import AlreadyRunning
from desktop_app.vault.instance import VaultInstanceLock

_HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop_app.vault.instance import VaultInstanceLock
    lock = VaultInstanceLock(Path(sys.argv[1]))
    lock.acquire()
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


def _start_holder(vault: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(vault)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def test_a_second_process_is_refused_while_the_first_runs(tmp_path: Path) -> None:
    child = _start_holder(tmp_path)
    try:
        with pytest.raises(AlreadyRunning) as caught:
            VaultInstanceLock(tmp_path).acquire()
        assert str(caught.value).startswith("Waymark is already open on this computer for this vault.")
    finally:
        child.kill()
        child.communicate(timeout=10)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX; Windows drops locks of killed processes too")
def test_a_killed_instance_leaves_no_stale_lock(tmp_path: Path) -> None:
    child = _start_holder(tmp_path)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert (tmp_path / "waymark.lock").exists()  # the file is left behind, and does not matter
    with VaultInstanceLock(tmp_path) as lock:
        assert lock.held
        assert (tmp_path / "waymark.lock").read_text().strip() == str(os.getpid())


def test_a_second_lock_in_the_same_process_is_refused_until_released(tmp_path: Path) -> None:
    first = VaultInstanceLock(tmp_path)
    first.acquire()
    first.acquire()  # harmless
    with pytest.raises(AlreadyRunning):
        VaultInstanceLock(tmp_path).acquire()
    first.release()
    first.release()  # harmless
    with VaultInstanceLock(tmp_path) as second:
        assert second.held
    assert not second.held


def test_different_vaults_do_not_block_each_other(tmp_path: Path) -> None:
    with VaultInstanceLock(tmp_path / "a"), VaultInstanceLock(tmp_path / "b") as other:
        assert other.held


def test_taking_the_instance_lock_does_not_load_cryptography(tmp_path: Path) -> None:
    """The app takes this lock before showing anything; the key code and its libraries load when first needed."""
    code = (
        "import sys; from pathlib import Path; from desktop_app.vault import AlreadyRunning, instance; "
        "lock = instance.VaultInstanceLock(Path(sys.argv[1])); lock.acquire(); lock.release(); "
        "print(sorted(m for m in sys.modules if m.startswith(('cryptography', 'desktop_app.vault.kdf')))); "
        "from desktop_app.vault import kdf, new_data_key; print(kdf.__name__, len(new_data_key()))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[]", "desktop_app.vault.kdf 32"]
