"""Every built-in design and kind, drawn to PDF and rendered, against its reference picture in
tests/references/certificates (made by tests/references/certificates.py and looked at by eye): a
change of layout, colour or ornament shows as pixels that moved."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.references.certificates import FOLDER, cases, rendered


def difference(made: QImage, wanted: QImage) -> tuple[float, float]:
    """The mean difference of a channel (0–255) and the share of pixels that differ by more than 64."""
    assert (made.width(), made.height()) == (wanted.width(), wanted.height())
    made = made.convertToFormat(QImage.Format.Format_RGB32)
    wanted = wanted.convertToFormat(QImage.Format.Format_RGB32)
    total, changed = 0, 0
    for y in range(made.height()):
        for x in range(made.width()):
            a, b = made.pixelColor(x, y), wanted.pixelColor(x, y)
            delta = abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
            total += delta
            changed += delta > 64 * 3
    pixels = made.width() * made.height()
    return total / (3 * pixels), changed / pixels


@pytest.mark.parametrize(("design", "kind"), cases())
def test_a_certificate_looks_as_its_reference(qapp: QApplication, design: str, kind: str) -> None:
    wanted = QImage(str(FOLDER / f"{design}-{kind}.png"))
    assert not wanted.isNull()
    mean, share = difference(rendered(design, kind), wanted)  # type: ignore[arg-type]
    # Room for anti-aliasing between versions of the renderer, none for a field or border that moved.
    assert mean < 0.3 and share < 0.002, (mean, share)
