"""Certificates through a printer driver at 100 %: Qt's own PDF printer stands in for the school's, and
the text it received is found where the template puts it, in millimetres from the paper's corner; a
printer that does not take the job records nothing."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import AwardKind, RuleMode, competition_list_key
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.rules import RuleKey, set_rules
from fest_desktop.certificates.batch import PrintedBatch, print_batch, to_file
from fest_desktop.certificates.calibration import PrinterCalibration, save_printer_calibration
from fest_desktop.certificates.items import TextRun
from fest_desktop.certificates.jobs import certificate_jobs
from fest_desktop.certificates.kinds import RegisterState
from fest_desktop.certificates.layout import lay_out_calibration, lay_out_certificates
from fest_desktop.certificates.register import search_register
from fest_desktop.certificates.templates import TemplateInfo, list_templates, save_template, template_for
from fest_desktop.errors import FestError
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.core.award_fixture import Throws, make_throws
from tests.ui.conftest import settled
from ui.awards.printing import certificate_printer, paper_mismatch, print_sheets, to_printer
from ui.awards.tab import AwardsTab
from ui.operations import Runner

MM_PER_PT = 25.4 / 72


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "刘欣怡": ""})
    set_rules(
        db,
        festival.id,
        RuleKey(AwardKind.ENTRY, made.competition.id),
        [LevelRule("一等奖", RuleMode.COUNT, 3)],
    )
    made.throw(db, {"张子涵": 20, "李梓轩": 18, "刘欣怡": 17})
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(made.competition.id), confirmed=True)
    return made


def awards_tab(qtbot: QtBot, db: Database, festival_id: int) -> AwardsTab:
    """The tab on its 打印证书 page (the caller keeps the tab: the page lives as long as it does)."""
    tab = AwardsTab(db, Runner())
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    tab.show_festival(festival_id)
    tab.pages.setCurrentWidget(tab.printing)
    return tab


def pdf_printer(template: TemplateInfo, path: Path, **options: Any) -> QPrinter:
    """The printer the window sets up for a template, writing what it receives to a PDF."""
    printer = certificate_printer(template, **options)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def printed_text(path: Path, page: int = 0) -> list[tuple[str, float, float]]:
    """Each run of text on the page with where it starts: x and the baseline in mm from the top left."""
    reader = PdfReader(path)
    sheet = reader.pages[page]
    height = float(sheet.mediabox.height)
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text, x * MM_PER_PT, (height - y) * MM_PER_PT))

    sheet.extract_text(visitor_text=visit)
    return found


def paper_size_mm(path: Path) -> tuple[float, float]:
    box = PdfReader(path).pages[0].mediabox
    return float(box.width) * MM_PER_PT, float(box.height) * MM_PER_PT


def assert_printed_where_laid_out(path: Path, template: TemplateInfo, runs: list[TextRun]) -> None:
    """Every run laid out starts, on paper, where the layout put it (the driver may split a run where
    the script changes, so a run is found by the piece that starts it and its line read whole)."""
    assert paper_size_mm(path) == pytest.approx((template.width_mm, template.height_mm), abs=0.5)
    printed = [(re.sub(r"\s", "", text), x, y) for text, x, y in printed_text(path)]
    for run in runs:
        wanted = re.sub(r"\s", "", run.text)
        starts = [
            (x, y)
            for text, x, y in printed
            if wanted.startswith(text) and abs(x - run.x) < 0.3 and abs(y - run.baseline) < 0.3
        ]
        line = "".join(text for text, _x, y in printed if abs(y - run.baseline) < 0.3)
        assert starts and wanted in line, f"「{run.text}」 laid out at {(run.x, run.baseline)}: {printed}"


@pytest.mark.parametrize(
    ("paper", "landscape", "size", "offset"),
    [
        ("A4", True, (297, 210), (0, 0)),
        ("A4", False, (210, 297), (1.5, -2)),
        ("custom", True, (280, 200), (0, 3)),
    ],
)
def test_certificates_print_at_their_size_from_the_paper_corner(
    qtbot: QtBot,
    db: Database,
    throws: Throws,
    tmp_path: Path,
    paper: str,
    landscape: bool,
    size: tuple[float, float],
    offset: tuple[float, float],
) -> None:
    template = template_for(list_templates(db, throws.festival_id), "student")
    template = save_template(
        db,
        throws.festival_id,
        dataclasses.replace(
            template,
            paper=paper,
            landscape=landscape,
            width_mm=size[0],
            height_mm=size[1],
            offset_x_mm=offset[0],
            offset_y_mm=offset[1],
            fields=tuple(f for f in template.fields if f.x_mm < size[0] and f.y_mm < size[1]),
        ),
    ).value
    tab = awards_tab(qtbot, db, throws.festival_id)
    page = tab.printing
    page.template_box.setCurrentIndex(page.template_box.findData(template.id))
    assert page.template().id == template.id
    path = tmp_path / "driver.pdf"
    printer = pdf_printer(page.template(), path)
    assert paper_mismatch(printer, page.template()) == ""
    page.table.clearSelection()
    assert page.print_to(printer)
    settled(qtbot, page.runner)
    numbered = certificate_jobs(db, throws.festival_id)
    expected = lay_out_certificates(page.template(), numbered[:1])[0]
    runs = [item for item in expected.items if isinstance(item, TextRun)]
    assert any(run.text.startswith("证书编号") for run in runs)
    assert_printed_where_laid_out(path, page.template(), runs)
    assert [r.print_count for r in search_register(db, throws.festival_id)] == [1, 1, 1]


def test_the_calibration_page_prints_at_its_size(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    template = dataclasses.replace(
        template_for(list_templates(db, festival.id), "student"), offset_x_mm=2, offset_y_mm=-1
    )
    path = tmp_path / "calibration.pdf"
    sheet = lay_out_calibration(template)
    print_sheets(pdf_printer(template, path), [sheet], lambda _done, _total: True)
    runs = [item for item in sheet.items if isinstance(item, TextRun)]
    # The across ruler's 100 mark where it is meant, 10 mm + 100 mm from the edge, whatever the
    # template's offsets (they move the fields, not the printer's rulers).
    assert next(r for r in runs if r.text == "100").x == pytest.approx(110.4)
    assert_printed_where_laid_out(path, template, runs)


def test_paper_other_than_the_template_s_is_named(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    template = template_for(list_templates(db, festival.id), "student")
    printer = certificate_printer(template)
    assert printer.fullPage()
    assert printer.pageLayout().margins().isNull()
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            printer.pageLayout().margins(),
        )
    )
    assert paper_mismatch(printer, template) == (
        "打印机的纸张是 210×297 毫米（纵向），证书模板是 297×210 毫米（横向）：证书不会按 100% 打在纸上。"
    )
    assert certificate_printer(template, grey=True).colorMode() == QPrinter.ColorMode.GrayScale


@pytest.mark.qt_log_ignore("QPainter::begin")  # what Qt says of the refused job, expected here
def test_a_printer_that_does_not_take_the_job_records_no_print_and_offers_the_numbers_again(
    qtbot: QtBot, db: Database, throws: Throws, tmp_path: Path, shown: dict[str, Any]
) -> None:
    tab = awards_tab(qtbot, db, throws.festival_id)
    page = tab.printing
    # A PDF printer that cannot open its file fails at the start, as a driver's cancelled save dialog does.
    refusing = pdf_printer(page.template(), tmp_path / "no such folder" / "x.pdf")
    page.table.clearSelection()
    assert page.print_to(refusing)  # started: the printer refuses it on the way
    settled(qtbot, page.runner)
    assert "没有接受打印任务" in shown["errors"][0] and "下次打印时按原编号打印" in shown["errors"][0]
    register = search_register(db, throws.festival_id)
    assert [(r.print_count, r.state) for r in register] == [(0, RegisterState.ISSUED)] * 3
    # The list shows them numbered and not printed, to be printed again with those numbers.
    assert [page.model.index(row, 4).data() for row in range(3)] == ["未打印完成"] * 3
    assert "3 张已编号但上次没有打印完成" in page.summary.text()
    printed: list[PrintedBatch] = []
    assert page.run_batch(page.chosen_jobs(), to_file(tmp_path / "again.pdf"), printed.append)
    settled(qtbot, page.runner)
    assert len(printed) == 1 and printed[0].resumed == [r.number for r in register]


def test_a_print_cancelled_half_way_records_no_print(db: Database, throws: Throws, tmp_path: Path) -> None:
    template = template_for(list_templates(db, throws.festival_id), "student")
    jobs = certificate_jobs(db, throws.festival_id)
    printer = pdf_printer(template, tmp_path / "x.pdf")
    with pytest.raises(FestError, match="已取消打印"):
        print_batch(
            db,
            throws.festival_id,
            template,
            jobs,
            to_printer(printer),
            progress=lambda done, _total: done < 2,
        )
    assert [r.print_count for r in search_register(db, throws.festival_id)] == [0, 0, 0]


def test_a_template_of_another_kind_says_so_and_leaves_no_old_preview(
    qtbot: QtBot, db: Database, throws: Throws
) -> None:
    tab = awards_tab(qtbot, db, throws.festival_id)
    page = tab.printing
    assert page.jobs and page.preview_widget.sheet is not None  # the students' list, on a student template
    class_template = template_for(list_templates(db, throws.festival_id), "class")
    page.template_box.setCurrentIndex(page.template_box.findData(class_template.id))
    page.template_box.activated.emit(page.template_box.currentIndex())
    assert page.jobs == []
    text = page.summary.text()
    assert "学生获奖证书" in text and f"当前模板「{class_template.name}」用于班级集体奖证书" in text
    assert "先在“获奖名单”中评奖并定稿" not in text
    assert page.preview_widget.sheet is None


def corrected_runs(runs: list[TextRun], calibration: PrinterCalibration) -> list[TextRun]:
    """Where a printer without error receives each run once the calibration corrects for its own."""
    moved = []
    for run in runs:
        x, y = calibration.corrected(run.x, run.baseline)
        moved.append(dataclasses.replace(run, x=x, baseline=y))
    return moved


def test_a_printer_s_calibration_corrects_everything_it_prints(
    qtbot: QtBot, db: Database, throws: Throws, tmp_path: Path
) -> None:
    # Measured on its calibration page: the driver shrinks to 97 % and moves the page 1.5 mm, 0.8 mm.
    calibration = PrinterCalibration("", 1.5, 0.8, 97.0, 97.0)
    template = template_for(list_templates(db, throws.festival_id), "student")
    path = tmp_path / "calibration.pdf"
    sheet = lay_out_calibration(template)
    print_sheets(pdf_printer(template, path), [sheet], lambda _done, _total: True, calibration)
    runs = [item for item in sheet.items if isinstance(item, TextRun)]
    assert_printed_where_laid_out(path, template, corrected_runs(runs, calibration))
    # The window's print looks the printer's calibration up by its name ("" for Qt's PDF printer).
    save_printer_calibration(db, calibration)
    tab = awards_tab(qtbot, db, throws.festival_id)
    page = tab.printing
    assert not page.greyscale.isChecked()
    printed = tmp_path / "certificates.pdf"
    page.table.clearSelection()
    assert page.print_to(pdf_printer(page.template(), printed))
    settled(qtbot, page.runner)
    laid_out = lay_out_certificates(page.template(), certificate_jobs(db, throws.festival_id)[:1])[0]
    runs = [item for item in laid_out.items if isinstance(item, TextRun)]
    assert_printed_where_laid_out(printed, page.template(), corrected_runs(runs, calibration))


def test_overprinting_keeps_the_colour_unless_black_and_white_is_asked_for(
    db: Database, festival: FestivalInfo
) -> None:
    template = template_for(list_templates(db, festival.id), "student")
    assert certificate_printer(template).colorMode() == QPrinter.ColorMode.Color
    assert certificate_printer(template, grey=True).colorMode() == QPrinter.ColorMode.GrayScale
