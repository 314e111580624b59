"""Sealed intake: concerns recorded from the lock screen, sealed to the vault's public key, imported by the DSL.

The parts live in their own modules: ``intake_sealing`` (the inbox files, written without keys), ``intake_import``
(the DSL's side: open, list, import, file their own concern) and ``intake_content`` (what the wizard shows from
forms/). This module gathers them under the one name screens import.
"""

from __future__ import annotations

from desktop_app.services.intake.content import (
    QuickContact,
    SignChoice,
    SignGroup,
    WizardContent,
    dsl_content,
    staff_content,
    wizard_content,
)
from desktop_app.services.intake.import_items import (
    UNFINISHED_NOTE,
    ChildChoice,
    ExistingChild,
    ItemGone,
    NewChild,
    PendingItem,
    Session,
    child_label,
    discard_own_draft,
    import_item,
    list_pending,
    open_item,
    search_children,
    submit_in_app,
    suggest_children,
    writer_for_session,
)
from desktop_app.services.intake.sealing import (
    DSL_PREFIX,
    FORMAT,
    FORMAT_VERSION,
    INBOX_DIR,
    STAFF_PREFIX,
    SUFFIX,
    IntakeClosed,
    Kind,
    SealedIntake,
    VaultIdentity,
    new_reference,
    own_drafts,
    pending,
    read_identity,
)

__all__ = [
    "DSL_PREFIX",
    "FORMAT",
    "FORMAT_VERSION",
    "INBOX_DIR",
    "STAFF_PREFIX",
    "SUFFIX",
    "UNFINISHED_NOTE",
    "ChildChoice",
    "ExistingChild",
    "IntakeClosed",
    "ItemGone",
    "Kind",
    "NewChild",
    "PendingItem",
    "QuickContact",
    "SealedIntake",
    "Session",
    "SignChoice",
    "SignGroup",
    "VaultIdentity",
    "WizardContent",
    "child_label",
    "discard_own_draft",
    "dsl_content",
    "import_item",
    "list_pending",
    "new_reference",
    "open_item",
    "own_drafts",
    "pending",
    "read_identity",
    "search_children",
    "staff_content",
    "submit_in_app",
    "suggest_children",
    "wizard_content",
    "writer_for_session",
]
