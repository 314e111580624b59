"""Sealed intake: concerns recorded from the lock screen, sealed to the vault's public key, imported by the DSL.

Import each thing from the module that defines it: ``sealing`` (the inbox files, written without keys),
``import_items`` (the DSL's side: open, list, import, file their own concern) and ``content`` (what the wizard shows
from forms/).
"""
