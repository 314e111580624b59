"""The command line of DESIGN §8. Each subcommand lives in ``desktop_app/commands/<name>.py``.

A command module defines ``add_parser(subparsers)`` (cheap: no heavy imports at module level, so starting the GUI
stays fast) which registers a parser whose ``handler`` default is ``run(args) -> int``.
Exit codes: 0 done, 1 a problem found or refused (one clear sentence on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable, Sequence

from desktop_app import __version__, filemodes, log
from desktop_app.errors import UserFacingError

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2

# One line per command module; an issue that builds a command adds its module here.
COMMAND_MODULES: tuple[str, ...] = (
    "screen",
    "init",
    "verify",
    "backup",
    "restore",
    "demo_data",
    "export",
    "transfer",
    "drop_kit",
    "import_sealed",
)

_log = logging.getLogger(__name__)


# The options that only start the window. An argument list of nothing else needs no command's parser: importing the
# command modules and building their parsers would cost ~8 ms of the time to the lock screen.
_WINDOW_FLAGS = frozenset({"--debug", "--demo"})
_WINDOW_OPTION_WITH_VALUE = "--vault"


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's own options when ``argv`` holds nothing else (``--debug``, ``--demo``, ``--vault DIR``), else None.

    Read by hand: building an argparse parser (and the translations it looks up) costs milliseconds of the time to the
    lock screen, and these three options need none of its help. Anything else goes to the full parser."""
    options = argparse.Namespace(command=None, debug=False, demo=False, vault=None)
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token in _WINDOW_FLAGS:
            setattr(options, token[2:], True)
        elif token.startswith(_WINDOW_OPTION_WITH_VALUE + "="):
            options.vault = token.split("=", 1)[1]
        elif token == _WINDOW_OPTION_WITH_VALUE and rest and not rest[0].startswith("-"):
            options.vault = rest.pop(0)
        else:
            return None  # a command, --help, --version, an abbreviation or a mistake: the full parser decides
    return options


def only_starts_the_window(argv: Sequence[str]) -> bool:
    """True when ``argv`` is made only of the window's own options (``--debug``, ``--demo``, ``--vault DIR``)."""
    return window_options(argv) is not None


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = argparse.ArgumentParser(
        prog="waymark",
        description="Waymark: record, screen and refer concerns about child exploitation, offline.",
        epilog="Passphrases are read from --passphrase-file or standard input, never from the command line.",
    )
    parser.add_argument("--version", action="version", version=f"Waymark {__version__}")
    parser.add_argument("--debug", action="store_true", help="write more detail to the log file")
    parser.add_argument("--demo", action="store_true", help="start on a throw-away vault of fictional records")
    parser.add_argument("--vault", metavar="DIR", help="open the vault in DIR instead of the default one")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import importlib  # only for a command: starting the window needs no parser

    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop_app.commands.{name}").add_parser(sub)
    return parser


def _print_warning(sentence: str) -> None:
    print(f"waymark: warning: {sentence}", file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    from desktop_app.services import vault as vault_service

    handler: Callable[[argparse.Namespace], int] = args.handler
    if _print_warning not in vault_service.warning_listeners:
        vault_service.warning_listeners.append(_print_warning)
    try:
        return handler(args)
    except UserFacingError as error:
        print(f"waymark: {error.sentence}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("waymark: stopped.", file=sys.stderr)
        return EXIT_PROBLEM
    except Exception:
        _log.exception("command %s failed", log.Safe(args.command))
        print(
            "waymark: something went wrong; nothing was changed after the last confirmed step. "
            "The log file has the details.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM


def main(argv: Sequence[str] | None = None) -> int:
    filemodes.restrict_process()  # every file and folder made from here on is the user's alone (0600 / 0700)
    given = sys.argv[1:] if argv is None else list(argv)
    args = window_options(given) or build_parser().parse_args(given)  # exits 2 on bad usage
    log.configure(debug=args.debug)
    if args.command is None:
        return _run_window(args)
    if args.command == "record" and args.concern is None:  # the recorder's window is ui, which commands never import
        args.handler = _record_in_window
    return run_command(args)


def _record_in_window(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.ui.drop_recorder import run_recorder

    return run_recorder(Path(args.drop_kit), Path(args.to))


def _run_window(args: argparse.Namespace) -> int:
    """Start the window; an error that escapes it is logged through the filter, never printed as a traceback."""
    # Python's garbage collector rests while the window is made: the start creates tens of thousands of objects and
    # frees almost none, so collecting as they are made only costs time (~2 ms of the start to the lock screen).
    # run_gui turns it back on once the window has been shown; the finally below, however the start ends.
    gc.disable()
    try:
        from desktop_app.ui.app import run_gui

        return run_gui(args)
    except Exception:
        _log.exception("the window stopped on an unexpected error")
        print(
            "waymark: something went wrong; everything saved before this moment is safe. The log file has the details.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    finally:
        gc.enable()
