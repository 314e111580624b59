"""Render resources/icons/waymark.svg into packaging/windows/waymark.ico (16–256 px) and a 256 px PNG for Linux.

Run after the SVG changes: ``uv run python packaging/make_icon.py``. Windows wants an .ico for the executable
and the installer; the SVG stays the one source. Each size is rendered by Qt from the vector, not scaled down.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "waymark.svg"
ICO = ROOT / "packaging" / "windows" / "waymark.ico"
PNG = ROOT / "packaging" / "linux" / "waymark.png"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(size: int) -> Image.Image:
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv)
    images = [render(size) for size in SIZES]
    largest = images[-1]
    ICO.parent.mkdir(parents=True, exist_ok=True)
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    PNG.parent.mkdir(parents=True, exist_ok=True)
    largest.save(PNG, format="PNG")
    print(f"wrote {ICO.relative_to(ROOT)} and {PNG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
