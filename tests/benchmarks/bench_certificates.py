"""1,000 certificates of the student template written to one PDF (plain paper; the formal design; the
formal design with the QR code and the school's seal), next to a bare ReportLab script that draws the
same strings with the same fonts at the same places in the same run.

Targets: the formal design ≤ 1.3 × bare ReportLab; with QR code and seal ≤ 2 × the formal design
without them, and the file under 5 MB.
Run: python tests/benchmarks/bench_certificates.py [--runs N]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fest_desktop.certificates.drawing import certificates_pdf
from fest_desktop.certificates.items import TextRun
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import TemplateKind
from fest_desktop.certificates.layout import lay_out_certificates
from fest_desktop.certificates.templates import (
    MM,
    TemplateInfo,
    apply_design,
    default_templates,
    template_for,
)
from fest_desktop.files.pdf import register_chinese_font, register_title_font

COUNT = 1000
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "子涵梓轩一诺浩然雨桐宇航欣怡诗琪俊杰思远可馨天佑晨阳若曦嘉怡博文语嫣亦凡明哲"


def jobs() -> list[CertificateJob]:
    made = []
    levels = ("一等奖", "二等奖", "三等奖")
    for number in range(1, COUNT + 1):
        name = SURNAMES[number % len(SURNAMES)] + GIVEN[number % 23] + GIVEN[(number * 7) % 29]
        grade = f"{number % 9 + 1}年级"
        level = levels[number % 3]
        values = {
            "姓名": name,
            "班级": f"{grade}({number % 6 + 1})班",
            "获奖": f"科技创新绘画比赛{grade}组{level}",
            "学校": "启明实验学校",
            "科技节": "第十届校园科技节",
            "证书编号": f"KJJ2026-{number:04d}",
        }
        made.append(
            CertificateJob(
                0,
                None,
                TemplateKind.STUDENT,
                name,
                values["班级"],
                "",
                level,
                values,
                dt.date(2026, 11, 21),
                values["证书编号"],
            )
        )
    return made


def with_app(template: TemplateInfo, batch: list[CertificateJob]) -> bytes:
    return certificates_pdf(template, batch)


def drawn_strings(
    template: TemplateInfo, batch: list[CertificateJob]
) -> list[list[tuple[str, float, float, float, str]]]:
    """Per certificate, every string the app draws as its font, size, x and baseline in points and
    the text: taken from the app's own layout, before the clock starts."""
    pages = []
    for sheet in lay_out_certificates(template, batch):
        pages.append(
            [
                (item.font, item.size, item.x * MM, (sheet.height - item.baseline) * MM, item.text)
                for item in sheet.items
                if isinstance(item, TextRun)
            ]
        )
    return pages


def bare_reportlab(template: TemplateInfo, pages: list[list[tuple[str, float, float, float, str]]]) -> bytes:
    """The floor: the same strings at the same places in the same fonts, drawn straight onto a canvas
    (the strings are worked out before the clock starts)."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(template.width_mm * MM, template.height_mm * MM),
        initialFontName=register_chinese_font(),
    )
    for strings in pages:
        for font, size, x, y, text in strings:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def seal_png() -> bytes:
    """A red round seal on white, 600 pixels across, as a school's scanned seal is."""
    from PIL import Image, ImageDraw

    from fest_desktop.certificates.drawing import prepare_seal

    image = Image.new("RGB", (600, 600), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 580, 580), outline=(200, 30, 40), width=28)
    draw.regular_polygon((300, 300, 90), 5, fill=(200, 30, 40))
    out = io.BytesIO()
    image.save(out, "PNG")
    return prepare_seal(out.getvalue())


def with_qr_and_seal(template: TemplateInfo) -> TemplateInfo:
    fields = tuple(dataclasses.replace(f, visible=True) for f in template.fields)
    return dataclasses.replace(template, fields=fields, seal=seal_png())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    formal = template_for(default_templates(), TemplateKind.STUDENT)
    cases = {
        "plain": apply_design(formal, None),
        "formal": formal,
        "formal + QR + seal": with_qr_and_seal(formal),
    }
    batch = jobs()
    register_title_font()
    for template in cases.values():
        with_app(template, batch[:5])  # fonts registered, caches warm, for all
    pages = drawn_strings(formal, batch)
    timings: dict[str, list[float]] = {name: [] for name in (*cases, "bare")}
    sizes = {}
    for _ in range(runs):
        for name, template in cases.items():
            start = time.perf_counter()
            sizes[name] = len(with_app(template, batch))
            timings[name].append(time.perf_counter() - start)
        start = time.perf_counter()
        sizes["bare"] = len(bare_reportlab(formal, pages))
        timings["bare"].append(time.perf_counter() - start)
    median = {name: statistics.median(values) for name, values in timings.items()}
    bare = median["bare"]
    print(f"{COUNT} certificates, {runs} runs (median)")
    print(f"  {'bare ReportLab, same strings':<30} {bare:6.2f} s   {sizes['bare'] / 1e6:5.2f} MB")
    for name in cases:
        print(
            f"  {'app, ' + name:<30} {median[name]:6.2f} s   {sizes[name] / 1e6:5.2f} MB"
            f"   {median[name] / bare:4.2f} × bare"
        )
    print(
        f"  formal ≤ 1.3 × bare: {median['formal'] / bare:4.2f};"
        f"  QR + seal ≤ 2 × formal: {median['formal + QR + seal'] / median['formal']:4.2f};"
        f"  file < 5 MB: {sizes['formal + QR + seal'] / 1e6:4.2f} MB"
    )


if __name__ == "__main__":
    main()
