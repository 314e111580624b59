"""PySide6 screens: thin, they lay out widgets and call services."""

import builtins

import PySide6.QtCore  # noqa: F401  # loads shiboken, which puts PySide's import hook in place (taken out below)


def _interpreter_import_back() -> None:
    """Give the interpreter its own ``__import__`` back from PySide's.

    PySide6 replaces ``builtins.__import__`` with a hook for its opt-in ``__feature__`` switches (snake_case,
    true_property): at every import statement it reads the source file of each module named for the first time, to
    see whether the module mentions PySide6. Waymark selects no feature (a test fails if any module imports
    ``__feature__``), so the reads only cost time: ~3 ms of the start to the lock screen, more at every later first
    import, and the sources kept in memory. Without the hook PySide treats each module as one that selects nothing.
    """
    original = getattr(builtins, "__orig_import__", None)  # PySide's own name for the import it replaced
    if original is not None and builtins.__import__ is not original:
        builtins.__import__ = original


_interpreter_import_back()

from desktop_app.ui import _none_refcount  # noqa: E402  # after the hook is gone: its source is not read either

_none_refcount.apply()
