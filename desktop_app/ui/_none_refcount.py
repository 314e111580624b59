"""Guard against a reference-counting bug in PySide6 6.12 on Python 3.11.

Every call of a Qt method that returns nothing drops one reference to ``None`` that it never took, and emitting a
signal from Python drops one to ``True`` or ``False``. On Python 3.12+ these are immortal and nothing happens; on 3.11
the interpreter aborts ("deallocating None", "deallocating True or False") after a few thousand calls, which a DSL
working all day would reach. Giving ``None``, ``True`` and ``False`` a very large reference count here makes them, in
effect, immortal as on 3.12: at one lost reference per call, 2**40 extra references last longer than any session.
PySide6 6.11 does not have the bug but its Addons wheel (for QtPdf) brings WebEngine, which DESIGN §3 rules out.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40
_applied = False


def apply() -> None:
    """Idempotent; does nothing on Python 3.12 and later."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # ctypes' own C core, not the ctypes package: this runs before the lock screen is first shown, and the package
    # (its Python half, and the modules it loads) cost ~2 ms there. A Py_ssize_t is a C long long on 64-bit builds.
    import _ctypes

    class _SSize(_ctypes._SimpleCData):  # type: ignore[type-arg]  # generic only in its stubs
        _type_ = "q" if sys.maxsize > 2**32 else "i"

    # ob_refcnt is the first field of every CPython object, at the address id() returns.
    for singleton in (None, True, False):
        _SSize.from_address(id(singleton)).value += _HEADROOM
    _applied = True
