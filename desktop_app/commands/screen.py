"""`waymark screen --answers FILE.json [--definition ID]`: the screening rules, headless, JSON in and out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "screen",
        allow_abbrev=False,
        help="suggest a level of risk, reasons and routes for a file of answers (JSON)",
        description="Run the screening rules on a file of answers and print the suggested level, the reasons and "
        "the referral routes as JSON. Use it to check a screening definition.",
    )
    parser.add_argument("--answers", required=True, metavar="FILE.json", help="the answers ('-' for standard input)")
    parser.add_argument(
        "--definition",
        metavar="ID",
        help="the screening definition id in the forms folder (default: the default one), or a path to a .toml file",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.definitions import load_file, load_forms
    from desktop_app.definitions.models import ScreeningDefinition
    from desktop_app.screening import evaluate
    from desktop_app.screening.jsonio import parse_input, result_to_json

    data = _read_json(args.answers)
    forms = load_forms()
    wanted: str | None = args.definition
    if wanted and wanted.endswith(".toml"):
        definition = load_file(Path(wanted), ScreeningDefinition)
    else:
        definition = forms.screening(wanted)
    result = evaluate(definition, parse_input(data), contacts=forms.contacts)
    json.dump(result_to_json(result), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _read_json(source: str) -> Any:
    from desktop_app.errors import UserFacingError, quote

    name = "standard input" if source == "-" else quote(source)
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserFacingError(f"The answers file {name} does not exist.") from None
    except UnicodeDecodeError:
        raise UserFacingError(f"The answers file {name} is not JSON: it is not UTF-8 text.") from None
    except OSError as error:
        raise UserFacingError(f"The answers file {name} could not be read: {error.strerror}.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UserFacingError(
            f"The answers file {name} is not JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        ) from None
    except RecursionError:
        raise UserFacingError(
            f"The answers file {name} nests objects or lists far too deeply to be an answers file."
        ) from None
    except ValueError:  # a number past Python's limit of 4,300 digits for turning text into an integer
        raise UserFacingError(
            f"The answers file {name} holds a number far too long to be an age or a setting."
        ) from None
