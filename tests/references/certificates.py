"""The reference pictures of the built-in designs: one certificate of every design and kind, drawn to
PDF and rendered at 30 dpi. `python tests/references/certificates.py` draws them anew after an intended
change of a design; look at every picture before committing them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
FOLDER = Path(__file__).resolve().parent / "certificates"
DPI = 30


def rendered(design: str, kind: str) -> object:
    """The QImage of one certificate of kind on design, as the PDF the app writes shows it."""
    import datetime as dt
    import tempfile

    from fest_desktop.certificates.drawing import certificates_pdf
    from fest_desktop.certificates.jobs import CertificateJob
    from fest_desktop.certificates.kinds import DesignKind, TemplateKind
    from fest_desktop.certificates.templates import apply_design, default_templates, template_for
    from tests.pdf_checks import render_page

    template = apply_design(template_for(default_templates(), TemplateKind(kind)), DesignKind(design))
    names = {
        "student": "张子涵",
        "class": "三年级(2)班",
        "teacher": "王芳",
        "organisation": "三年级(2)班",
        "teacher_work": "王芳",
    }
    values = {
        "姓名": names[kind],
        "班级": "三年级(2)班",
        "作品": "在小制作中培养学生的创新能力",
        "比赛": "经验论文评比",
        "奖项": "一等奖",
        "获奖": "辅导学生参加科技创新绘画比赛获一等奖"
        if kind == "teacher"
        else "科技创新绘画比赛三年级组一等奖",
        "学校": "启明实验学校",
        "科技节": "第十届校园科技节",
        "证书编号": "KJJ2026-0001",
    }
    job = CertificateJob(
        1,
        None,
        TemplateKind(kind),
        names[kind],
        "三年级(2)班",
        "",
        "一等奖",
        values,
        dt.date(2026, 12, 2),
        "KJJ2026-0001",
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.pdf"
        path.write_bytes(certificates_pdf(template, [job]))
        return render_page(path, 0, dpi=DPI)


def cases() -> list[tuple[str, str]]:
    from fest_desktop.certificates.kinds import DesignKind, TemplateKind

    return [(design.value, kind.value) for design in DesignKind for kind in TemplateKind]


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    FOLDER.mkdir(exist_ok=True)
    for design, kind in cases():
        path = FOLDER / f"{design}-{kind}.png"
        rendered(design, kind).save(str(path))  # type: ignore[attr-defined]
        print(path)


if __name__ == "__main__":
    main()
