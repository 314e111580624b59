"""Log lines never carry names, concern text, passphrases or keys."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app import log

MARKER = "ZOË-MARKER-7f3a"


def test_personal_data_never_reaches_the_log_file(tmp_path: Path) -> None:
    path = log.configure(log_dir=tmp_path)
    logger = logging.getLogger("desktop_app.test")
    logger.info("saved concern for %s", MARKER)
    logger.warning("unlock failed for %(user)s", {"user": MARKER})
    logging.getLogger("sqlalchemy.engine").warning("parameters %s", (MARKER,))
    try:
        raise ValueError(f"bad value {MARKER}")
    except ValueError:
        logger.exception("could not save")
    logger.info("concern %s saved with %s signs", log.Safe("WM-2026-00001"), 3)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert MARKER not in text
    assert "saved concern for <redacted>" in text
    assert "ValueError (message withheld)" in text
    assert "concern WM-2026-00001 saved with 3 signs" in text  # safe values still help
