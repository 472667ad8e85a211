"""1,000 certificates of the student template written to one PDF, next to a bare ReportLab script
that draws the same strings with the same font at the same places in the same run.

Target: ratio ≤ 1.5 and the file under 3 MB.
Run: python tests/benchmarks/bench_certificates.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

from fest_desktop.certificates.kinds import TemplateKind

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fest_desktop.certificates.drawing import certificates_pdf
from fest_desktop.certificates.fonts import font_chain
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.placeholders import fill
from fest_desktop.certificates.templates import MM, TemplateInfo, default_templates, template_for
from fest_desktop.files.pdf import register_chinese_font

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
                "student",
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
) -> list[list[tuple[float, float, float, str]]]:
    """Per certificate, every string the app draws: (size, x, baseline, text), lines already broken."""
    pages = []
    for job in batch:
        values = job.values_for(template)
        strings = []
        for item in template.fields:
            if item.kind != "text" or not item.visible:
                continue
            chain = font_chain(item.font)
            text, _missing = fill(item.text, values)
            box = item.width_mm * MM
            lines = chain.wrap(text, item.size, box) if item.wrap else [text]
            left, baseline = item.x_mm * MM, (template.height_mm - item.y_mm) * MM - item.size * 0.88
            for line in lines:
                width = chain.width(line, item.size)
                x = (
                    left
                    if item.align == "left"
                    else left + (box - width) / (2 if item.align == "center" else 1)
                )
                strings.append((item.size, x, baseline, line))
                baseline -= item.size * item.line_spacing
        pages.append(strings)
    return pages


def bare_reportlab(template: TemplateInfo, pages: list[list[tuple[float, float, float, str]]]) -> bytes:
    """The floor: the same strings at the same places in the same font, drawn straight onto a canvas
    (the strings are worked out before the clock starts)."""
    from reportlab.pdfgen.canvas import Canvas

    font = register_chinese_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(template.width_mm * MM, template.height_mm * MM), initialFontName=font)
    for strings in pages:
        for size, x, y, text in strings:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    template = template_for(default_templates(), TemplateKind.STUDENT)
    batch = jobs()
    with_app(template, batch[:5])  # fonts registered, caches warm, for both
    pages = drawn_strings(template, batch)
    timings: dict[str, list[float]] = {"app": [], "bare": []}
    sizes = {}
    for _ in range(runs):
        start = time.perf_counter()
        sizes["app"] = len(with_app(template, batch))
        timings["app"].append(time.perf_counter() - start)
        start = time.perf_counter()
        sizes["bare"] = len(bare_reportlab(template, pages))
        timings["bare"].append(time.perf_counter() - start)
    app, bare = statistics.median(timings["app"]), statistics.median(timings["bare"])
    print(f"{COUNT} certificates, {runs} runs (median)")
    print(f"  app (lay out and paint)     {app:6.2f} s   {sizes['app'] / 1e6:5.2f} MB")
    print(f"  bare ReportLab              {bare:6.2f} s   {sizes['bare'] / 1e6:5.2f} MB")
    print(f"  ratio app / bare            {app / bare:6.2f}   (target ≤ 1.5; file target < 3 MB)")


if __name__ == "__main__":
    main()
