"""Read and validate every file in forms/; a bad file is refused with one sentence naming the path and the field."""

from __future__ import annotations

import hashlib
import threading
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from desktop_app import paths
from desktop_app.definitions.actions import ActionsDefinition
from desktop_app.definitions.attachments import AttachmentsDefinition
from desktop_app.definitions.audit import AuditDefinition
from desktop_app.definitions.child_file import ChildDetailsDefinition, MisImportDefinition
from desktop_app.definitions.missing import MissingEpisodesDefinition
from desktop_app.definitions.models import (
    CategoriesDefinition,
    ContactsDefinition,
    ObligationsDefinition,
    RecordsDefinition,
    ScreeningDefinition,
    WhatToDoDefinition,
)
from desktop_app.definitions.referral_requests import ReferralRequestsDefinition
from desktop_app.definitions.year_groups import YearGroupsDefinition
from desktop_app.errors import UserFacingError

M = TypeVar("M", bound=BaseModel)


class FormError(UserFacingError):
    """A forms file is missing, is not TOML, or breaks the rules of its kind."""

    def __init__(self, path: Path, sentence: str, field: str = "") -> None:
        super().__init__(sentence)
        self.path = path
        self.field = field


@dataclass(frozen=True)
class Forms:
    """Everything in one forms folder, validated."""

    folder: Path
    screenings: Mapping[str, ScreeningDefinition]  # id -> newest version of that definition
    contacts: ContactsDefinition
    obligations: ObligationsDefinition
    categories: CategoriesDefinition
    default_screening_id: str
    what_to_do: WhatToDoDefinition  # the staff steps; a step's route always has a contact (contacts.toml's own rule)
    records: RecordsDefinition  # retention years, receipt school days, transfer methods (forms/records.toml)
    child_details: ChildDetailsDefinition  # the child file's lists (needs, ethnicities…) and the 18-or-over note
    mis_import: MisImportDefinition  # column headings and date formats of the school's MIS pupil exports
    missing_episodes: MissingEpisodesDefinition  # repeated-episode threshold, screening suggestion, sharing contact
    audit: AuditDefinition  # the annual audit's timings, training courses, the governors' report's small counts
    attachments: AttachmentsDefinition  # files kept with a concern: kinds, size limit; the body map's places
    year_groups: YearGroupsDefinition  # the year groups the concern wizard offers for the setting's phase
    actions: ActionsDefinition  # a concern's actions: the dashboard's horizon, suggestions (forms/actions.toml)
    referral_requests: ReferralRequestsDefinition  # what a referral asks for (suggested by route), consent answers

    def screening(self, definition_id: str | None = None) -> ScreeningDefinition:
        """The named screening definition, or the default one; FormError if there is no such definition."""
        wanted = definition_id or self.default_screening_id
        try:
            return self.screenings[wanted]
        except KeyError:
            known = ", ".join(sorted(self.screenings))
            raise FormError(
                self.folder, f"There is no screening definition {wanted!r}; the forms folder has: {known}.", "id"
            ) from None


_cache: dict[Path, Forms] = {}
_cache_lock = threading.Lock()


def load_forms(folder: Path | str | None = None) -> Forms:
    """Load and validate the forms folder (paths.forms_dir() by default); cached per folder."""
    root = Path(folder) if folder is not None else paths.forms_dir()
    key = root.resolve()
    with _cache_lock:
        cached = _cache.get(key)
        if cached is None:
            cached = _load(root)
            _cache[key] = cached
        return cached


def clear_cache() -> None:
    """Forget loaded folders, e.g. after a forms file was edited."""
    with _cache_lock:
        _cache.clear()


def _load(root: Path) -> Forms:
    if not root.is_dir():
        raise FormError(root, f"The forms folder {root} does not exist.")
    screening_dir = root / "screening"
    screening_files = sorted(screening_dir.glob("*.toml")) if screening_dir.is_dir() else []
    if not screening_files:
        raise FormError(screening_dir, f"The forms folder {root} has no screening definition in {screening_dir}.")
    newest: dict[str, ScreeningDefinition] = {}
    seen: dict[tuple[str, str], Path] = {}
    for file in screening_files:
        definition = load_file(file, ScreeningDefinition)
        key = (definition.id, definition.version)
        if key in seen:
            raise FormError(
                file,
                f"The form file {file} repeats screening definition {definition.id!r} version "
                f"{definition.version}, already in {seen[key]}.",
                "version",
            )
        seen[key] = file
        current = newest.get(definition.id)
        if current is None or _version_key(definition.version) > _version_key(current.version):
            newest[definition.id] = definition
    defaults = sorted(d.id for d in newest.values() if d.default)
    if len(defaults) > 1:
        raise FormError(
            screening_dir,
            f"Only one screening definition may have 'default = true', but {' and '.join(defaults)} both do.",
            "default",
        )
    default_id = defaults[0] if defaults else sorted(newest)[0]
    contacts = load_file(root / "contacts.toml", ContactsDefinition)
    missing = _missing_episodes(root / "missing_episodes.toml", newest[default_id], contacts)
    return Forms(
        folder=root,
        screenings=dict(sorted(newest.items())),
        contacts=contacts,
        obligations=load_file(root / "obligations.toml", ObligationsDefinition),
        categories=load_file(root / "categories.toml", CategoriesDefinition),
        default_screening_id=default_id,
        what_to_do=load_file(root / "what_to_do.toml", WhatToDoDefinition),
        records=load_file(root / "records.toml", RecordsDefinition),
        child_details=load_file(root / "child_details.toml", ChildDetailsDefinition),
        mis_import=load_file(root / "mis_import.toml", MisImportDefinition),
        missing_episodes=missing,
        audit=load_file(root / "audit.toml", AuditDefinition),
        attachments=load_file(root / "attachments.toml", AttachmentsDefinition),
        year_groups=load_file(root / "year_groups.toml", YearGroupsDefinition),
        actions=load_file(root / "actions.toml", ActionsDefinition),
        referral_requests=load_file(root / "referral_requests.toml", ReferralRequestsDefinition),
    )


def _missing_episodes(
    path: Path, screening: ScreeningDefinition, contacts: ContactsDefinition
) -> MissingEpisodesDefinition:
    """The file, with its screening item and sharing contact checked against the other files."""
    definition = load_file(path, MissingEpisodesDefinition)
    if not screening.has_item(definition.screening.item):
        item = definition.screening.item
        raise FormError(
            path,
            f"The form file {path} is not valid: 'screening.item' names {item!r}, "
            f"which is not an item of the screening definition {screening.id!r}.",
            "screening.item",
        )
    if contacts.contact(definition.sharing.contact) is None:
        raise FormError(
            path,
            f"The form file {path} is not valid: 'sharing.contact' names "
            f"{definition.sharing.contact!r}, which is not a contact in contacts.toml.",
            "sharing.contact",
        )
    return definition


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load_file(path: Path, model: type[M]) -> M:
    """Read one TOML file into ``model``, with ``hash`` set to the sha256 of its bytes."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FormError(path, f"The form file {path} is missing.") from None
    except OSError as error:
        raise FormError(path, f"The form file {path} could not be read: {error.strerror}.") from None
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise FormError(path, f"The form file {path} is not TOML: it is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as error:
        raise FormError(path, f"The form file {path} is not TOML: {_toml_problem(error)}.") from None
    except RecursionError:
        raise FormError(path, f"The form file {path} nests tables or lists far too deeply to be a form.") from None
    except ValueError:  # an integer past Python's limit of 4,300 digits
        raise FormError(path, f"The form file {path} holds a number far too long to be part of a form.") from None
    if "hash" in data:
        raise FormError(
            path, f"The form file {path} has a 'hash' field, which Waymark works out itself; remove it.", "hash"
        )
    data["hash"] = hashlib.sha256(raw).hexdigest()
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        field = _field_name(problem["loc"])
        raise FormError(path, f"The form file {path} is not valid: {_describe(field, problem, data)}.", field) from None


def _toml_problem(error: tomllib.TOMLDecodeError) -> str:
    return str(error).rstrip(".")


def _field_name(loc: tuple[int | str, ...]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else part
    return name


def _describe(field: str, problem: ErrorDetails, data: Mapping[str, Any]) -> str:
    kind = problem["type"]
    where = f"'{field}'" if field else "the file"
    where += _item_hint(problem["loc"], data)
    if kind == "missing":
        return f"{where} is missing"
    if kind == "extra_forbidden":
        return f"{where} is not a known field (check the spelling)"
    if kind == "string_pattern_mismatch":
        if field == "version":
            return f"{where} must be a version number such as 1 or 2.1, in quotes"
        if field == "id":
            return f"{where} must be lower-case letters, digits, hyphens and underscores"
        return f"{where} must be lower-case letters, digits and underscores, starting with a letter"
    if kind == "string_too_short":
        return f"{where} must not be empty"
    if kind == "bool_type":
        return f"{where} must be true or false, without quotes"
    if kind == "int_type":
        return f"{where} must be a whole number, without quotes"
    if kind == "too_short":
        return f"{where} must have at least one entry"
    message = problem["msg"].removeprefix("Value error, ").rstrip(".")
    if message.startswith("Input should be "):
        return f"{where} must be {message.removeprefix('Input should be ')}"
    return f"{where}: {message}"


def _item_hint(loc: tuple[int | str, ...], data: Mapping[str, Any]) -> str:
    """Name the entry (section or item id) the problem is in, so the author finds it without counting."""
    node: Any = data
    named = ""
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str) and part != loc[-1]:
            named = node["id"]
    return f" (in {named!r})" if named else ""


def child_details_definition(folder: Path | None = None) -> ChildDetailsDefinition:
    return load_forms(folder).child_details


def attachments_definition(folder: Path | None = None) -> AttachmentsDefinition:
    """The setting's forms/attachments.toml (loaded and cached with the rest of forms/)."""
    return load_forms(folder).attachments


def mis_import_definition(folder: Path | None = None) -> MisImportDefinition:
    return load_forms(folder).mis_import


def load_audit(folder: Path | str | None = None) -> AuditDefinition:
    """forms/audit.toml of ``folder`` (else the shipped forms), validated with the rest of the folder; cached."""
    return load_forms(folder).audit
