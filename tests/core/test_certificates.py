"""Certificates: numbers given once and kept on reprints, placeholders checked, the PDF (one page per
certificate, fonts embedded, text extractable), multi-up sheets from slot N, 套打 without the
background, rare characters with a fallback font, the QR code and 证书查询."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.changes import award_entry, change_award
from fest_desktop.awards.finalising import finalise, reopen
from fest_desktop.awards.kinds import AwardKind, RuleMode, competition_list_key
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.levels import AwardSettings, update_award_settings
from fest_desktop.awards.lists import list_awards
from fest_desktop.awards.rules import RuleKey, set_rules
from fest_desktop.certificates.batch import (
    PrintedBatch,
    Progress,
    batch_notes,
    print_batch,
    print_certificates,
    to_file,
)
from fest_desktop.certificates.calibration import (
    RULER_START,
    Measured,
    PrinterCalibration,
    measured,
    printer_calibration,
    save_printer_calibration,
)
from fest_desktop.certificates.drawing import check_image, write_calibration_pdf
from fest_desktop.certificates.fonts import check_glyphs, font_notes, missing_values
from fest_desktop.certificates.items import Rule, Shape, Sheet, TextRun
from fest_desktop.certificates.jobs import CertificateJob, certificate_jobs
from fest_desktop.certificates.kinds import RegisterState, TemplateKind
from fest_desktop.certificates.layout import lay_out_calibration, ruler_lengths
from fest_desktop.certificates.register import (
    find_certificate,
    lookup_certificate,
    qr_payload,
    search_register,
)
from fest_desktop.certificates.templates import (
    TemplateField,
    TemplateInfo,
    delete_template,
    get_template,
    list_templates,
    save_template,
    template_for,
)
from fest_desktop.changes import Changed
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import list_students, save_student
from fest_desktop.storage.database import Database
from tests.core.award_fixture import Throws, make_throws
from tests.pdf_checks import fonts, page_count, page_text, render_page

VERA = str(Path(__import__("reportlab").__file__).parent / "fonts" / "Vera.ttf")


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "刘欣怡": "", "吴可馨": ""})
    set_rules(
        db,
        festival.id,
        RuleKey(AwardKind.ENTRY, made.competition.id),
        [LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 2)],
    )
    made.throw(db, {"张子涵": 20, "李梓轩": 18, "刘欣怡": 17, "吴可馨": 9})
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(made.competition.id), confirmed=True)
    return made


def student_template(db: Database, festival_id: int) -> TemplateInfo:
    return template_for(list_templates(db, festival_id), "student")


def print_to(
    db: Database,
    festival_id: int,
    path: Path,
    jobs: list[CertificateJob],
    template: TemplateInfo | None = None,
    **options: object,
) -> PrintedBatch:
    """The batch workflow every caller runs, writing one PDF."""
    chosen = template or student_template(db, festival_id)
    return print_batch(db, festival_id, chosen, jobs, to_file(path), **options).value  # type: ignore[arg-type]


def test_only_finalised_lists_are_printed(db: Database, throws: Throws) -> None:
    jobs = certificate_jobs(db, throws.festival_id)
    assert [job.recipient for job in jobs] == ["张子涵", "李梓轩", "刘欣怡"]
    # the advisor list is not finalised yet
    everything = certificate_jobs(db, throws.festival_id, finalised_only=False)
    assert "王芳" in [job.recipient for job in everything]
    assert jobs[0].values["获奖"] == "手抛飞机一等奖"
    assert jobs[0].day == dt.date(2026, 5, 11)  # the festival's last day, unless the school sets one
    update_award_settings(db, throws.festival_id, AwardSettings(award_date=dt.date(2026, 5, 20)))
    assert certificate_jobs(db, throws.festival_id)[0].day == dt.date(2026, 5, 20)


def test_numbers_are_given_once_kept_on_reprint_and_never_reused(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    jobs = certificate_jobs(db, throws.festival_id)
    assert [job.number for job in jobs] == ["", "", ""]
    issued = print_to(db, throws.festival_id, tmp_path / "first.pdf", jobs).jobs
    assert [job.number for job in issued] == ["KJJ2026-0001", "KJJ2026-0002", "KJJ2026-0003"]
    again = certificate_jobs(db, throws.festival_id)
    assert [job.number for job in again] == [job.number for job in issued]
    [batch] = print_certificates(
        db, throws.festival_id, tmp_path / "reprint.pdf", reprint="kjj2026-0002"
    ).value
    [reprint] = batch.jobs
    assert (reprint.recipient, reprint.number, reprint.print_count) == ("李梓轩", "KJJ2026-0002", 1)
    assert "KJJ2026-0002" in page_text(tmp_path / "reprint.pdf", 0)
    record = find_certificate(db, throws.festival_id, "KJJ2026-0002")
    assert (record.print_count, record.reprints) == (2, 1)
    # withdraw an award after printing: its number stays taken, the next certificate gets 0004
    key = competition_list_key(throws.competition.id)
    reopen(db, throws.festival_id, key, "复核")
    third = next(a for a in list_awards(db, throws.festival_id) if a.recipient_text == "刘欣怡")
    change_award(db, third.id, "", "测量犯规")
    award_entry(db, throws.entry_ids["吴可馨"], "二等奖", "递补")
    finalise(db, throws.festival_id, key, confirmed=True)
    jobs = print_to(
        db, throws.festival_id, tmp_path / "after.pdf", certificate_jobs(db, throws.festival_id)
    ).jobs
    assert {job.recipient: job.number for job in jobs} == {
        "张子涵": "KJJ2026-0001",
        "李梓轩": "KJJ2026-0002",
        "吴可馨": "KJJ2026-0004",
    }
    register = search_register(db, throws.festival_id)
    assert [(r.number, r.withdrawn) for r in register] == [
        ("KJJ2026-0001", False),
        ("KJJ2026-0002", False),
        ("KJJ2026-0003", True),
        ("KJJ2026-0004", False),
    ]
    assert [r.number for r in search_register(db, throws.festival_id, "吴可")] == ["KJJ2026-0004"]


def test_the_number_format_is_the_school_s(db: Database, throws: Throws, tmp_path: Path) -> None:
    update_award_settings(
        db, throws.festival_id, AwardSettings(certificate_prefix="QM{年}KJ", certificate_digits=3)
    )
    jobs = print_to(db, throws.festival_id, tmp_path / "c.pdf", certificate_jobs(db, throws.festival_id)).jobs
    assert jobs[0].number == "QM2026KJ001"


def test_the_pdf_has_a_page_per_certificate_with_fonts_embedded(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    path = tmp_path / "证书.pdf"
    assert print_to(db, throws.festival_id, path, certificate_jobs(db, throws.festival_id)).sheets == 3
    assert page_count(path) == 3
    assert all(fonts(path).values()) and fonts(path)
    text = page_text(path, 1)
    assert "李梓轩\n同学" in text and "二〇二六年五月十一日" in text and "KJJ2026-0002" in text
    assert "{" not in text


def test_placeholders_unknown_are_refused_and_empty_ones_reported(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    template = student_template(db, throws.festival_id)
    body = template.field("正文")
    wrong = template.with_field(dataclasses.replace(body, text="作品《{作品名}》荣获{奖项}"))
    with pytest.raises(ValidationError, match=r"「\{作品名\}」不认识"):
        save_template(db, throws.festival_id, wrong)
    with_title = template.with_field(dataclasses.replace(body, text="作品《{作品}》荣获{奖项}"))
    save_template(db, throws.festival_id, with_title)
    jobs = certificate_jobs(db, throws.festival_id)
    assert batch_notes(with_title, jobs)[0] == "张子涵（手抛飞机一等奖）：「正文」中的 {作品} 没有内容。"
    path = tmp_path / "c.pdf"
    numbered = print_to(db, throws.festival_id, path, jobs[:1], with_title).jobs
    assert missing_values(with_title, numbered) == ["KJJ2026-0001：「正文」中的 {作品} 没有内容。"]
    assert "作品《》荣获一等奖" in page_text(path, 0).replace(" ", "")


def test_multi_up_sheets_start_at_a_slot(db: Database, throws: Throws, tmp_path: Path) -> None:
    template = dataclasses.replace(
        student_template(db, throws.festival_id),
        landscape=False,
        width_mm=210,
        height_mm=297,
        columns=1,
        rows=2,
    )
    template = template.with_field(dataclasses.replace(template.field("标题"), width_mm=210))
    jobs = certificate_jobs(db, throws.festival_id)
    path = tmp_path / "two-up.pdf"
    # slot 2 of the first sheet is the one left: 1 + 2 certificates on two sheets
    assert print_to(db, throws.festival_id, path, jobs, template, start_slot=2).sheets == 2
    assert (
        "张子涵" in page_text(path, 0) and "李梓轩" in page_text(path, 1) and "刘欣怡" in page_text(path, 1)
    )
    with pytest.raises(ValidationError, match="起始位置"):
        print_to(db, throws.festival_id, tmp_path / "no.pdf", jobs, template, start_slot=3)


def test_overprinting_prints_only_what_the_bought_paper_lacks(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    from PIL import Image

    scan = io.BytesIO()
    Image.new("RGB", (60, 40), (250, 230, 200)).save(scan, "PNG")
    template = dataclasses.replace(student_template(db, throws.festival_id), background=scan.getvalue())
    # Fixed wording the paper carries, marked so by the teacher; the title is marked out of the box.
    template = template.with_field(
        TemplateField("结语", text="此证永久有效", x_mm=40, y_mm=170, width_mm=100, preprinted=True)
    )
    assert template.field("标题").preprinted
    saved = save_template(db, throws.festival_id, template).value
    jobs = certificate_jobs(db, throws.festival_id)[:1]

    def drawn(path: Path) -> list[str]:
        """What the page places: /Image for a picture, /Form for the design drawn once."""
        resources = PdfReader(path).pages[0]["/Resources"]
        return sorted(str(x.get_object()["/Subtype"]) for x in resources.get("/XObject", {}).values())

    plain, overprint = tmp_path / "plain.pdf", tmp_path / "overprint.pdf"
    print_to(db, throws.festival_id, plain, jobs, saved)
    print_to(db, throws.festival_id, overprint, jobs, saved, overprint=True)
    assert saved.design is not None
    # The design and the background scan, each drawn once as a form; on bought paper neither.
    assert drawn(plain) == ["/Form", "/Form"] and drawn(overprint) == []
    on_plain, on_bought = page_text(plain, 0), page_text(overprint, 0)
    assert "荣誉证书" in on_plain and "此证永久有效" in on_plain
    assert "荣誉证书" not in on_bought and "此证永久有效" not in on_bought
    assert "张子涵" in on_bought and "启明实验学校" in on_bought
    with pytest.raises(ValidationError, match="图片"):
        check_image(b"not an image")


def test_a_rare_character_is_reported_and_printed_with_a_fallback_font(
    db: Database, festival: FestivalInfo, throws: Throws, tmp_path: Path
) -> None:
    student = next(s for s in list_students(db, festival.id) if s.id == throws.student_ids["张子涵"])
    save_student(db, festival.id, dataclasses.replace(student, name="Anna 䶮"))
    template = student_template(db, festival.id)
    template = template.with_field(dataclasses.replace(template.field("称呼"), text="{姓名}", font=VERA))
    jobs = certificate_jobs(db, festival.id)
    problems = [p for p in check_glyphs(template, jobs) if p.certificate.startswith("Anna")]
    assert [(p.certificate, p.char, p.fallback) for p in problems] == [
        ("Anna䶮（手抛飞机一等奖）", "䶮", "内置字体")
    ]
    assert "备用字体" in str(problems[0])
    path = tmp_path / "rare.pdf"
    print_to(db, festival.id, path, jobs[:1], template)
    text = page_text(path, 0)
    assert "Anna" in text and "䶮" in text  # two runs, two fonts
    used = fonts(path)
    assert len(used) >= 2 and all(used.values())


def test_a_font_not_on_this_pc_falls_back_with_a_note(db: Database, festival: FestivalInfo) -> None:
    template = student_template(db, festival.id)
    template = template.with_field(dataclasses.replace(template.field("标题"), font="不存在的字体"))
    assert font_notes(template) == [
        "字体「不存在的字体」在这台电脑上没有找到（或无法嵌入），改用霞鹜文楷（内置）。"
    ]


def test_the_qr_code_reads_back_to_the_register(
    qapp: object, db: Database, throws: Throws, tmp_path: Path
) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    template = student_template(db, throws.festival_id)
    template = template.with_field(dataclasses.replace(template.field("二维码"), visible=True))
    path = tmp_path / "qr.pdf"
    jobs = print_to(db, throws.festival_id, path, certificate_jobs(db, throws.festival_id)[:1], template).jobs
    decoded = [code.text for code in zxingcpp.read_barcodes(render_page(path, 0))]
    assert decoded == [qr_payload(jobs[0])]
    assert decoded[0].startswith("KJJ2026-0001|张子涵|手抛飞机一等奖|")
    found = lookup_certificate(db, throws.festival_id, decoded[0])
    assert found.record is not None and found.record.recipient == "张子涵"
    typed = lookup_certificate(db, throws.festival_id, " kjj2026-0001 ")
    assert typed.record is not None and "打印 1 次" in typed.message
    number, name, award, check = decoded[0].split("|")
    wrong_check = "0" if check != "0" else "1"
    tampered = lookup_certificate(db, throws.festival_id, f"{number}|{name}|{award}|{wrong_check}")
    assert tampered.record is None and "校验位不对" in tampered.message
    other_name = lookup_certificate(db, throws.festival_id, f"{number}|李四|{award}|{check}")
    assert other_name.record is not None and "不一致" in other_name.message
    assert lookup_certificate(db, throws.festival_id, "KJJ2026-0099").record is None


def test_a_cancelled_batch_writes_nothing_and_its_numbers_wait_for_the_next(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    jobs = certificate_jobs(db, throws.festival_id)
    path = tmp_path / "cancelled.pdf"
    seen = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(FestError, match="已取消，没有生成文件。已编号而没有打印出来的 3 张证书"):
        print_to(db, throws.festival_id, path, jobs, progress=progress)
    assert seen == [(1, 3), (2, 3)] and not path.exists()
    # The numbers were in the register before anything was drawn: issued, not printed.
    register = search_register(db, throws.festival_id)
    assert [(r.number, r.recipient, r.state) for r in register] == [
        ("KJJ2026-0001", "张子涵", RegisterState.ISSUED),
        ("KJJ2026-0002", "李梓轩", RegisterState.ISSUED),
        ("KJJ2026-0003", "刘欣怡", RegisterState.ISSUED),
    ]
    assert "尚未打印完成" in lookup_certificate(db, throws.festival_id, "KJJ2026-0002").message
    again = certificate_jobs(db, throws.festival_id)
    assert [job.number for job in again] == ["KJJ2026-0001", "KJJ2026-0002", "KJJ2026-0003"]
    printed = print_to(db, throws.festival_id, tmp_path / "printed.pdf", again)
    assert printed.resumed == ["KJJ2026-0001", "KJJ2026-0002", "KJJ2026-0003"]
    assert [(r.print_count, r.state) for r in search_register(db, throws.festival_id)] == [
        (1, RegisterState.PRINTED)
    ] * 3


def test_a_batch_that_cannot_be_delivered_keeps_its_numbers_for_the_next(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    jobs = certificate_jobs(db, throws.festival_id)

    def refused(_sheets: object, _progress: object) -> None:
        raise FestError("打印机拒绝了打印任务。")

    with pytest.raises(FestError, match="打印机拒绝了打印任务。已编号而没有打印出来的 3 张证书"):
        print_batch(db, throws.festival_id, student_template(db, throws.festival_id), jobs, refused)
    assert [r.print_count for r in search_register(db, throws.festival_id)] == [0, 0, 0]
    # No number was used up: the next batch that gets out prints the same ones to the same pupils.
    printed = print_to(db, throws.festival_id, tmp_path / "ok.pdf", jobs)
    assert [(job.recipient, job.number) for job in printed.jobs] == [
        ("张子涵", "KJJ2026-0001"),
        ("李梓轩", "KJJ2026-0002"),
        ("刘欣怡", "KJJ2026-0003"),
    ]
    assert [r.print_count for r in search_register(db, throws.festival_id)] == [1, 1, 1]
    texts = [page_text(tmp_path / "ok.pdf", page) for page in range(3)]
    assert all(job.number in text for job, text in zip(printed.jobs, texts, strict=True))


def test_a_batch_on_a_template_for_another_kind_is_refused_before_any_number(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    jobs = certificate_jobs(db, throws.festival_id)
    class_template = template_for(list_templates(db, throws.festival_id), TemplateKind.CLASS)
    with pytest.raises(ValidationError, match="用于班级集体奖证书，不能打印学生获奖证书"):
        print_to(db, throws.festival_id, tmp_path / "c.pdf", jobs, template=class_template)
    assert search_register(db, throws.festival_id) == []
    assert not (tmp_path / "c.pdf").exists()


def test_an_award_taken_back_since_the_list_was_read_gets_no_number(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    jobs = certificate_jobs(db, throws.festival_id)
    # Meanwhile, at another station, the list is reopened.
    reopen(db, throws.festival_id, competition_list_key(throws.competition.id), "复核")
    with pytest.raises(ValidationError, match="已撤销定稿"):
        print_to(db, throws.festival_id, tmp_path / "c.pdf", jobs)
    assert search_register(db, throws.festival_id) == []


def test_a_batch_does_not_hold_the_write_lock_while_it_delivers(
    db: Database, throws: Throws, tmp_path: Path
) -> None:
    from fest_desktop.storage.database import open_database

    jobs = certificate_jobs(db, throws.festival_id)
    other = open_database(db.location)
    written = []

    def deliver_while_another_station_writes(sheets: Sequence[Sheet], progress: Progress) -> None:
        # Another station saves a change while the batch is being delivered: not refused as busy.
        pupil = list_students(other, throws.festival_id)[0]
        save_student(other, throws.festival_id, dataclasses.replace(pupil, gender="女"))
        written.append(len(sheets))
        to_file(tmp_path / "c.pdf")(sheets, progress)

    try:
        print_batch(
            db,
            throws.festival_id,
            student_template(db, throws.festival_id),
            jobs,
            deliver_while_another_station_writes,
        )
    finally:
        other.close()
    assert written == [3]
    assert list_students(db, throws.festival_id)[0].gender == "女"


def test_the_calibration_page_has_rulers_inside_the_printable_area_and_every_field_outlined(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    template = dataclasses.replace(student_template(db, festival.id), offset_x_mm=-2, offset_y_mm=1.5)
    path = tmp_path / "grid.pdf"
    write_calibration_pdf(path, template)
    assert page_count(path) == 1 and all(fonts(path).values())
    text = page_text(path, 0)
    assert "X -2 毫米，Y 1.5 毫米" in text and "150" in text
    sheet = lay_out_calibration(template)
    runs = [item for item in sheet.items if isinstance(item, TextRun)]
    for run in runs:  # every number and word at least 6 mm inside every edge, where printers print
        assert run.x >= 6 and run.baseline - run.size * 25.4 / 72 >= 6, run
        assert run.baseline <= sheet.height - 6, run
    # An across ruler of 200 mm and a down one of 100 (A4 lying: 210 mm high) from 10 mm off the edges.
    assert ruler_lengths(template) == (200, 100)
    rules = [item for item in sheet.items if isinstance(item, Rule) and item.width == pytest.approx(0.3)]
    assert sorted((r.x2 - r.x1, r.y2 - r.y1) for r in rules) == [(0, 100), (200, 0)]
    assert all(min(r.x1, r.y1) == pytest.approx(RULER_START) for r in rules)
    # Each field outlined where it prints (offsets applied), labelled, the paper's own in grey.
    outlines = [item for item in sheet.items if isinstance(item, Shape)]
    visible = [f for f in template.fields if f.visible]
    assert len(outlines) == len(visible)
    for item, outline in zip(visible, outlines, strict=True):
        assert outline.steps[0] == ("M", (item.x_mm - 2, item.y_mm + 1.5))
        assert outline.stroke == ("#9E9E9E" if item.preprinted else "#1565C0")
    assert any(run.text == "标题（纸上已印，套打不打印）" for run in runs)


def test_a_printer_s_measures_become_its_calibration_kept_by_name(db: Database) -> None:
    # A driver's "fit to printable area": 97 %, and the page 1.5 mm right, 0.8 mm down.
    page = Measured(200, 194.0, 11.2, 100, 97.0, 10.5)
    calibration = measured(PrinterCalibration("HP LaserJet 办公室"), page)
    assert (calibration.scale_x_pct, calibration.scale_y_pct) == (97.0, 97.0)
    assert (calibration.offset_x_mm, calibration.offset_y_mm) == (pytest.approx(1.5), pytest.approx(0.8))
    # What is painted where calibration.corrected says lands where it is meant.
    for x, y in ((0, 0), (148.5, 105), (297, 210)):
        px, py = calibration.corrected(x, y)
        assert px * 0.97 + 1.5 == pytest.approx(x) and py * 0.97 + 0.8 == pytest.approx(y)
    # Printed again with the correction, a page that still shows 1 mm too long adds to it.
    again = measured(calibration, Measured(200, 201.0, 10.0, 100, 100.0, 10.0))
    assert again.scale_x_pct == pytest.approx(97.0 * 1.005, abs=0.01) and again.scale_y_pct == 97.0
    saved = save_printer_calibration(db, calibration)
    assert saved.changes == Changed.CERTIFICATES
    assert printer_calibration(db, "HP LaserJet 办公室") == calibration
    assert printer_calibration(db, "另一台打印机").is_neutral
    save_printer_calibration(db, PrinterCalibration("HP LaserJet 办公室"))  # cleared
    assert printer_calibration(db, "HP LaserJet 办公室").is_neutral
    with pytest.raises(ValidationError, match=r"缩放 50\.0%"):
        measured(PrinterCalibration("A"), Measured(200, 100.0, 10, 100, 100.0, 10))  # two pages a sheet
    with pytest.raises(ValidationError, match="选择打印机"):
        measured(PrinterCalibration(" "), page)


def test_templates_are_checked_and_the_last_of_a_kind_stays(db: Database, festival: FestivalInfo) -> None:
    templates = list_templates(db, festival.id)
    assert sorted(t.kind for t in templates) == [
        "class",
        "organisation",
        "student",
        "teacher",
        "teacher_work",
    ]
    student = template_for(templates, TemplateKind.STUDENT)
    with pytest.raises(ValidationError, match="唯一"):
        delete_template(db, student.id)
    far = student.with_field(dataclasses.replace(student.field("日期"), x_mm=400))
    with pytest.raises(ValidationError, match="「日期」的位置"):
        save_template(db, festival.id, far)
    copy = save_template(
        db, festival.id, dataclasses.replace(student, id=0, name="A3 证书", paper="A3")
    ).value
    assert get_template(db, copy.id).fields == student.fields
    delete_template(db, student.id)
    added = TemplateField("备注", text="{届次}科技节")
    saved = save_template(db, festival.id, copy.with_field(added)).value
    assert saved.field("备注").text == "{届次}科技节"
