"""The filled registration form shipped beside the demo (one painting over the quota)."""

from __future__ import annotations

from pathlib import Path

from fest_desktop.files.workbooks import save_workbook
from fest_desktop.storage.database import Database

SAMPLE_CLASS = (4, 1)


SAMPLE_NAME = "示例-四年级(1)班-作品报名表.xlsx"


def write_import_sample(db: Database, festival_id: int, path: Path) -> Path:
    """The demo's sample registration form, filled in by 四年级(1)班, which has not handed in yet:
    one painting too many, so the import shows its over-quota problem."""
    from openpyxl import load_workbook

    from fest_desktop.registration.class_forms import write_class_forms
    from fest_desktop.school.people import list_students
    from fest_desktop.school.structure import list_classes

    target = next(c for c in list_classes(db, festival_id) if (c.level, c.number) == SAMPLE_CLASS)
    folder = path.parent
    written = next(p for p in write_class_forms(db, festival_id, folder) if p.name.startswith(target.name))
    for other in folder.glob("*-作品报名表.xlsx"):
        if other != written:
            other.unlink()
    names = [s.name for s in list_students(db, festival_id) if s.class_id == target.id]
    rows = [
        ("科技创新小制作与小发明", "小制作", "自动浇花器", names[0], "", "王女士"),
        ("科技创新小制作与小发明", "小发明", "雨天自动收衣架", names[1]),
        ("科技创新小制作与小发明", "小制作", "橡皮筋动力车", names[2]),
        ("科技创新绘画比赛", "水彩画", "未来城市", names[3]),
        ("科技创新绘画比赛", "蜡笔画", "海底家园", names[4]),
        ("科技创新绘画比赛", "国画", "会飞的学校", names[5]),
        ("科技创新绘画比赛", "电脑画", "星际快递", names[6]),
    ]
    workbook = load_workbook(written)
    sheet = workbook["报名表"]
    header = next(c.row for c in sheet["A"] if c.value == "作品编号")
    row = header + 1
    while sheet.cell(row, 2).value:  # the works registered already, each with its number
        if sheet.cell(row, 2).value == "科普板报比赛":
            sheet.cell(row, 4, "科学就在我身边")
        row += 1
    for values in rows:
        for column, value in enumerate(values, start=2):
            sheet.cell(row, column, value)
        row += 1
    save_workbook(workbook, path)
    written.unlink()
    return path
