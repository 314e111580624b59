"""Issue 15: kill -9 at random moments across demo data, backup, restore and export, 200 times over.

Each worker process opens the vault (that open is the "next start" of the worker killed before it: it finishes an
interrupted restore and sweeps staging files), then loops over four kinds of work at random: recording a concern
(printing its account once committed), adding demo data, exporting an encrypted referral PDF outside the vault, and a
backup immediately restored (nothing is committed between the two, so either outcome of a killed restore holds every
committed record). The parent sends SIGKILL after a random 20-800 ms, so kills land in the open, in a commit, in a
backup's copy, between a restore's renames and in a PDF's staging file alike.

After every 50 kills and at the end, one more start: the vault must verify sound, every account the workers printed
must be there, and no staging file may be left in or beside the vault folder or in the export folder.

Counts: 200 kills (``WAYMARK_KILLS`` changes it). Workers are forked from one warm process (a "zygote" that has
imported everything and never opens the vault), so a kill costs milliseconds rather than a Python start-up: about
one to two minutes in all on 2 cores.
"""

from __future__ import annotations

import collections
import os
import queue
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_app.services import vault as vault_service
from tests.fixtures_vault import PASSPHRASE, make_vault

REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("WAYMARK_KILLS", "200"))
CHECK_EVERY = 50
PDF_PASSWORD = "pass for the hub 2026"
STAGING = re.compile(
    r"(^\..*\.[0-9a-f]{16}\.tmp$)|(^\.waymark-backup-)|(\.restoring-)|(restore-journal\.json$)|"
    r"(^outputs-in-progress\.json$)|(^staging\.lock$)"
)
pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and fork")]


def _staging_left(*folders: Path) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if STAGING.search(path.name) and "before-restore" not in str(path.relative_to(folder)).split("/")[0]:
                found.append(str(path))
    return found


def _check(vault_dir: Path, committed: set[str], out_dir: Path) -> None:
    session = vault_service.unlock(vault_dir, PASSPHRASE)  # the next start
    try:
        with session.uow() as uow:
            present = {c.draft.account for c in uow.concerns.awaiting_screening(100_000)}
        report = session.verify()
    finally:
        session.lock()
    assert report.ok, report.text()
    assert committed <= present, sorted(committed - present)[:5]
    assert _staging_left(vault_dir.parent, out_dir) == []


def test_kill_9_at_random_moments_loses_nothing_committed_and_leaves_no_staging_files(
    tmp_path: Path, waymark_home: Path
) -> None:
    vault_dir = tmp_path / "vault"
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    created = make_vault(vault_dir)
    created.session.lock()
    env = {**os.environ, "WAYMARK_FAST_KDF_FOR_TESTS": "1", "PYTHONPATH": str(REPO), "WAYMARK_HOME": str(waymark_home)}
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.services.test_kill_loop", str(vault_dir), str(out_dir)],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in zygote.stdout], daemon=True).start()  # type: ignore[union-attr]
    # The workers share the zygote's stderr: read it all the time, so a full pipe never blocks one of them, and keep
    # its tail for the failure message.
    said: collections.deque[str] = collections.deque(maxlen=40)
    assert zygote.stderr is not None
    threading.Thread(target=said.extend, args=(zygote.stderr,), daemon=True).start()

    def next_line(timeout: float = 180) -> str:  # a killed worker in the middle of an fsync ends when the disk says
        try:
            return lines.get(timeout=timeout).strip()
        except queue.Empty:
            raise AssertionError(f"the zygote said nothing for {timeout:.0f} s; its stderr: {list(said)}") from None

    committed: set[str] = set()
    rng = random.Random(20261205)
    kinds: dict[str, int] = {}
    errors: list[str] = []

    def record(line: str) -> None:
        if line.startswith("committed "):
            committed.add(line.removeprefix("committed "))
        elif line.startswith("doing "):
            kinds[line.removeprefix("doing ")] = kinds.get(line.removeprefix("doing "), 0) + 1
        elif line:
            errors.append(line)

    started = time.monotonic()
    try:
        assert next_line() == "ready"
        for kill in range(1, KILLS + 1):
            zygote.stdin.write(f"go {rng.randrange(1 << 30)}\n")
            zygote.stdin.flush()
            while not (line := next_line()).startswith("pid "):  # the worker may speak before the zygote does
                record(line)
            pid = int(line.removeprefix("pid "))
            deadline = time.monotonic() + rng.uniform(0.02, 0.8)
            while (left := deadline - time.monotonic()) > 0:
                try:
                    line = lines.get(timeout=left).strip()
                except queue.Empty:
                    break
                record(line)
            os.kill(pid, signal.SIGKILL)
            while not (line := next_line()).startswith("ended "):
                record(line)
            assert line == f"ended {pid} killed", (line, errors)  # killed, not stopped early by an error
            if kill % CHECK_EVERY == 0:
                _check(vault_dir, committed, out_dir)
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=60)
        zygote.stdout.close()
        if zygote.stderr is not None:
            zygote.stderr.close()
    _check(vault_dir, committed, out_dir)
    assert len(committed) >= min(5, KILLS // 10), "the workers must have committed something to check"
    assert set(kinds) == {"concern", "demo", "export", "backup-restore"}, kinds
    print(f"{KILLS} kills in {time.monotonic() - started:.0f} s; {len(committed)} accounts committed; {kinds}")


def _worker(vault_dir: Path, out_dir: Path, seed: int) -> None:
    from desktop_app.services import documents
    from desktop_app.services.demo import fill_demo_data
    from tests.fixtures_vault import record_concern

    rng = random.Random(seed)
    say = print
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    number = 0
    while True:
        number += 1
        kind = rng.choice(["concern", "concern", "demo", "export", "backup-restore"])
        say(f"doing {kind}", flush=True)
        if kind == "concern":
            account = f"K-{seed}-{number}"
            record_concern(session, account=account)
            say(f"committed {account}", flush=True)
        elif kind == "demo":
            # a seed of its own each time: demo data is reproducible, so the same seed twice is refused as a repeat
            fill_demo_data(session, children=1, concerns=2, seed=rng.randrange(1 << 30))
        elif kind == "export":
            with session.uow() as uow:
                waiting = uow.concerns.awaiting_screening(1)
            if waiting:
                pdf, document_id, _ = documents.render_referral_summary(session, waiting[0].concern_id)
                documents.save_pdf(session, pdf, out_dir / f"referral-{seed}-{number}.pdf", PDF_PASSWORD, document_id)
        else:
            backup = session.backup(out_dir / "latest.wmbak")
            session.lock()
            vault_service.restore(backup, vault_dir, PASSPHRASE)
            session = vault_service.unlock(vault_dir, PASSPHRASE)


def _zygote(vault_dir: Path, out_dir: Path) -> None:
    """Import everything once, then fork one worker per 'go' line; report each worker's pid and how it ended."""
    import desktop_app.services.vault.backup  # noqa: F401  (warm imports, inherited by every worker)
    from desktop_app.definitions import load_forms
    from desktop_app.reports import fonts
    from desktop_app.services import demo, documents

    assert demo and documents
    load_forms()  # the forms and the PDF fonts, read once here rather than in every worker
    fonts.register()

    print("ready", flush=True)
    for line in sys.stdin:
        seed = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                _worker(vault_dir, out_dir, seed)
            except BaseException as error:  # reported to the parent, which fails the test
                print(f"error {type(error).__name__}: {error}", flush=True)
                os._exit(1)
            os._exit(0)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        how = "killed" if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL else f"status {status}"
        print(f"ended {pid} {how}", flush=True)


if __name__ == "__main__":
    _zygote(Path(sys.argv[1]), Path(sys.argv[2]))
