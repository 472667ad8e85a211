"""Looking into the PDFs the app writes: fonts, pages, and a page as an image."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader


def fonts(path: Path) -> dict[str, bool]:
    """Every font the pages use, and whether its program is embedded in the file."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for font in resources.get_object().get("/Font", {}).values():
            font = font.get_object()
            descriptor_owner = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descriptor_owner.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def page_text(path: Path, page: int) -> str:
    return PdfReader(path).pages[page].extract_text()


def render_page(path: Path, page: int, dpi: int = 150) -> Any:
    """The page as a QImage (QtPdf), for decoding what is printed on it; needs the qapp fixture."""
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    rendered = document.render(page, size)
    document.close()
    # QtPdf leaves the paper transparent; a reader of the page needs it white.
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image
