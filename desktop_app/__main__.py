"""Entry point: ``waymark`` and ``python -m desktop_app``."""

from __future__ import annotations

import sys

from desktop_app.cli import main as _cli_main


def main() -> None:
    sys.exit(_cli_main())


if __name__ == "__main__":
    main()
