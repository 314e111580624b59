"""Check a built Waymark folder works on this machine: the command line, a PDF with embedded fonts, a vault, the GUI.

    python packaging/smoke_test.py dist/Waymark          (any Python 3.11+; pikepdf is used if it is installed)

Runs the frozen executables only, each in a throw-away WAYMARK_HOME, so nothing touches a real vault.
Exit 0 when every check passes. Run it on each OS a build is made for, before signing and packaging.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

GUI_TIMEOUT_S = 60
PASSPHRASE = "smoke test passphrase, not a real one"  # noqa: S105 (a throw-away vault)


def executable(dist: Path, name: str) -> Path:
    path = dist / (f"{name}.exe" if sys.platform == "win32" else name)
    if not path.is_file():
        raise SystemExit(f"FAIL {path} is missing")
    return path


def run(cli: Path, *args: str, home: Path, expect: int = 0) -> str:
    env = {**os.environ, "WAYMARK_HOME": str(home)}
    done = subprocess.run([str(cli), *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    if done.returncode != expect:
        raise SystemExit(f"FAIL waymark {' '.join(args)} exited {done.returncode}, not {expect}:\n{done.stderr}")
    return done.stdout


def significant_item(dist: Path) -> str:
    """An item id marked significant in the bundled screening definition (so the answers match the shipped forms)."""
    for path in sorted((dist / "_internal" / "forms" / "screening").glob("*.toml")):
        definition = tomllib.loads(path.read_text(encoding="utf-8"))
        for section in definition.get("sections", []):
            for item in section.get("items", []):
                if item.get("significant"):
                    return str(item["id"])
    raise SystemExit("FAIL no significant item in the bundled forms/screening")


def unembedded_fonts(pdf: Path) -> list[str]:
    try:
        import pikepdf
    except ImportError:
        print("     (pikepdf not installed here: font embedding not checked; use pdffonts)")
        return []
    missing = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for font in page.resources.get("/Font", {}).values():
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in font:
                    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(str(font.get("/BaseFont")))
    return sorted(set(missing))


def check_cli(dist: Path, scratch: Path) -> None:
    cli = executable(dist, "waymark-cli")
    home = scratch / "home"
    print("ok  ", run(cli, "--version", home=home).strip())

    answers = scratch / "answers.json"
    item = significant_item(dist)
    answers.write_text(
        json.dumps(
            {
                "child": {"age": 14, "learning_disability": False, "has_social_worker": False},
                "concern": {
                    "immediate_danger": False,
                    "about_adult_working_with_children": False,
                    "group_or_community": False,
                },
                "answers": {item: {"status": "yes", "when": "current", "basis": "observed", "note": "smoke test"}},
            }
        ),
        encoding="utf-8",
    )
    result = json.loads(run(cli, "screen", "--answers", str(answers), home=home))
    if result["suggested_level"] not in ("medium", "high") or not result["routes"]:
        raise SystemExit(f"FAIL screen: a current significant sign gave {result['suggested_level']}")
    print(f"ok   screen: {item} -> {result['suggested_level']}, first route {result['routes'][0]['route']}")
    bad = scratch / "bad.json"
    bad.write_text(json.dumps({"child": {"age": 14}, "answers": {"no_such_item": {"status": "yes"}}}), "utf-8")
    run(cli, "screen", "--answers", str(bad), home=home, expect=1)
    print("ok   screen refuses an unknown item (exit 1)")

    pdf = scratch / "checklist.pdf"
    run(cli, "export", "checklist", "--blank", "--out", str(pdf), "--unencrypted", home=home)
    if not pdf.read_bytes().startswith(b"%PDF"):
        raise SystemExit("FAIL export checklist wrote no PDF")
    missing = unembedded_fonts(pdf)
    if missing:
        raise SystemExit(f"FAIL fonts not embedded in the checklist: {missing}")
    print(f"ok   export checklist --blank: {pdf.stat().st_size} bytes, fonts embedded")

    passphrase = scratch / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    vault = scratch / "vault"
    run(
        cli,
        "init",
        "--vault",
        str(vault),
        "--setting",
        "Smoke Test Academy",
        "--user",
        "Ms Test",
        "--passphrase-file",
        str(passphrase),
        "--recovery-sheet",
        str(scratch / "recovery.pdf"),
        home=home,
    )
    if (vault / "waymark.db").read_bytes()[:16] == b"SQLite format 3\x00":
        raise SystemExit("FAIL the vault database is plain SQLite: SQLCipher is not in the build")
    report = run(cli, "verify", "--vault", str(vault), "--passphrase-file", str(passphrase), home=home)
    print("ok   init + verify (migrations applied, database encrypted):", report.strip().splitlines()[-1])


def check_gui(dist: Path, scratch: Path) -> None:
    """Start the windowed app offscreen on an empty home (the setup wizard) and wait for its 'window shown' log line."""
    home = scratch / "gui-home"
    env = {**os.environ, "WAYMARK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    log = home / "logs" / "waymark.log"
    started = time.monotonic()
    app = subprocess.Popen(
        [str(executable(dist, "Waymark"))], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        while time.monotonic() - started < GUI_TIMEOUT_S:
            if app.poll() is not None:
                raise SystemExit(
                    f"FAIL the app exited ({app.returncode}) before showing a window:\n"
                    f"{app.stderr.read().decode(errors='replace') if app.stderr else ''}"
                )
            if log.is_file() and "window shown" in log.read_text(encoding="utf-8", errors="replace"):
                print(f"ok   GUI: window shown after {time.monotonic() - started:.1f} s (offscreen)")
                return
            time.sleep(0.1)
        raise SystemExit(f"FAIL no window within {GUI_TIMEOUT_S} s")
    finally:
        app.kill()
        app.wait()


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    dist = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="waymark-smoke-") as folder:
        check_cli(dist, Path(folder))
        check_gui(dist, Path(folder))
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
