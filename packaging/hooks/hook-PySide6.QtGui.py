# Replaces PyInstaller's own hook for PySide6.QtGui (hooks in the spec's hookspath take priority): the same
# collection, less the Qt plugins Waymark never loads (waymark_layout.DROPPED_QT_PLUGINS). Dropping them here,
# before the analysis, also keeps out the system libraries they alone link (GTK's cairo, pango, glib on Linux).

import waymark_layout
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, destination) for source, destination in binaries if waymark_layout.keep_plugin(source)]
