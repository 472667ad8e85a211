"""The reference pictures of the built-in designs: one certificate of every design and kind, drawn to
PDF and rendered at 30 dpi. `python tests/references/certificates.py` draws them anew after an intended
change of a design, and the pictures of docs/screenshots (certificate-*.png: a student's certificate on
each design with the school's seal and the QR code, at 60 dpi); look at every picture before committing
them."""

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


def school_seal() -> bytes:
    """A round red seal as a school's is, with its name round a star, as prepare_seal keeps it."""
    import io
    import math

    from PIL import Image, ImageDraw, ImageFont

    from fest_desktop.certificates.drawing import prepare_seal
    from fest_desktop.resources import title_font_path

    image = Image.new("RGB", (600, 600), "white")
    draw = ImageDraw.Draw(image)
    red = (205, 30, 38)
    draw.ellipse((20, 20, 580, 580), outline=red, width=22)
    star = [
        (
            300 + (95 if n % 2 == 0 else 38) * math.cos(math.radians(-90 + 36 * n)),
            300 + (95 if n % 2 == 0 else 38) * math.sin(math.radians(-90 + 36 * n)),
        )
        for n in range(10)
    ]
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(str(title_font_path()), 84)
    name = "启明实验学校"
    for index, char in enumerate(name):
        angle = math.radians(-210 + index * 240 / (len(name) - 1))  # over the top, left to right
        x, y = 300 + 200 * math.cos(angle), 300 + 200 * math.sin(angle)
        glyph = Image.new("L", (100, 100), 0)
        ImageDraw.Draw(glyph).text((50, 50), char, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        image.paste(red, (round(x) - 50, round(y) - 50), glyph)
    out = io.BytesIO()
    image.save(out, "PNG")
    return prepare_seal(out.getvalue())


def documentation_pictures() -> None:
    """docs/screenshots/certificate-<design>.png: a student's certificate on each design as a school
    prints it, with its seal and QR code."""
    import dataclasses
    import datetime as dt
    import tempfile

    from fest_desktop.certificates.drawing import certificates_pdf
    from fest_desktop.certificates.jobs import CertificateJob
    from fest_desktop.certificates.kinds import DesignKind, TemplateKind
    from fest_desktop.certificates.templates import apply_design, default_templates, template_for
    from tests.pdf_checks import render_page

    values = {
        "姓名": "欧阳子涵",
        "班级": "三年级(2)班",
        "获奖": "科技创新小制作比赛三年级组一等奖",
        "学校": "启明实验学校",
        "科技节": "第十届校园科技节",
        "证书编号": "KJJ2026-0001",
    }
    job = CertificateJob(
        1,
        None,
        TemplateKind.STUDENT,
        "欧阳子涵",
        "三年级(2)班",
        "",
        "一等奖",
        values,
        dt.date(2026, 12, 2),
        "KJJ2026-0001",
    )
    seal = school_seal()
    for design in DesignKind:
        template = apply_design(template_for(default_templates(), TemplateKind.STUDENT), design)
        template = dataclasses.replace(
            template, seal=seal, fields=tuple(dataclasses.replace(f, visible=True) for f in template.fields)
        )
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "one.pdf"
            path.write_bytes(certificates_pdf(template, [job]))
            picture = ROOT / "docs" / "screenshots" / f"certificate-{design.value}.png"
            render_page(path, 0, dpi=60).save(str(picture))
            print(picture)


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
    documentation_pictures()


if __name__ == "__main__":
    main()
