"""科普实践, teachers' entries, the levels above the school and the 方格稿纸 from the command line, in real
processes: on the demo (its progress as the 总结 shows it) and on a festival made from the commands."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from fest_desktop.storage.database import open_database
from fest_desktop.summary import tables
from fest_desktop.summary.figures import summary_figures
from tests.cli.conftest import run
from tests.pdf_checks import page_count, page_text


def test_the_demos_progress_is_the_one_the_summary_shows(tmp_path: Path) -> None:
    db_path = tmp_path / "demo.db"
    assert run("demo", "--db", db_path).returncode == 0
    printed = run("practice", "progress", "--json", "--db", db_path)
    assert printed.returncode == 0, printed.stderr
    progress = json.loads(printed.stdout)
    stats = json.loads(run("summary", "stats", "--json", "--db", db_path).stdout)
    assert stats["practice"] == progress
    # Part-way through: some classes done, some not started, the school neither.
    shares = [row["total"]["share"] for row in progress["classes"]]
    assert 1.0 in shares and 0.0 in shares and 0 < progress["total"]["share"] < 1
    assert len(progress["items"]) == 5 and len(progress["classes"]) == 24
    first = progress["classes"][0]
    assert sum(t["done"] for t in first["items"].values()) == first["total"]["done"]
    assert sum(i["done"] for i in progress["items"]) == progress["total"]["done"]
    # The 总结's tables print the same figures, class by class and item by item.
    db = open_database(db_path)
    figures = summary_figures(db, 1)
    db.close()
    by_class = {row[0]: row for row in tables.practice_classes_table(figures).rows}
    names = [i["name"] for i in progress["items"]]
    for row in progress["classes"]:
        printed_row = by_class[row["class"]]
        for position, name in enumerate(names):
            expected = f"{row['items'][name]['share']:.0%}" if name in row["items"] else "—"
            assert printed_row[2 + position] == expected
    items = {row[0]: row for row in tables.practice_items_table(figures).rows}
    assert all(items[i["name"]][2:4] == (i["of"], i["done"]) for i in progress["items"])
    # The teachers' contest and the work that went up two levels are in the demo too.
    assert [t["name"] for t in stats["teacher_contests"]] == ["经验论文评比"]
    assert [lv["results"] for lv in stats["higher_levels"]] == [1, 1, 0]
    text = run("practice", "progress", "--db", db_path).stdout
    assert text.startswith(f"全校：{progress['total']['done']}/{progress['total']['of']}")


def test_items_a_class_sheet_and_its_import(festival_db: Path, tmp_path: Path) -> None:
    assert run("roster", "import", _roster(tmp_path), "--db", festival_db).returncode == 0
    added = run("practice", "add", "--plan", "--db", festival_db)
    assert "已添加计划中的 5 个实践项目" in added.stdout
    assert (
        run("practice", "add", "参观科技馆", "--grades", "三年级,四年级", "--db", festival_db).returncode == 0
    )
    renamed = run("practice", "rename", "参观科技馆", "参观气象站", "--points", "2", "--db", festival_db)
    assert "已保存实践项目「参观气象站」（三年级至四年级，班级考核 2 分）" in renamed.stdout, renamed.stderr
    listed = json.loads(run("practice", "items", "--json", "--db", festival_db).stdout)
    assert [i["name"] for i in listed][-1] == "参观气象站" and listed[-1]["grades"] == [3, 4]
    removed = run("practice", "remove", "写一篇科普小征文", "--db", festival_db)
    assert removed.returncode == 0 and "已删除实践项目「写一篇科普小征文」" in removed.stdout

    sheet_path = tmp_path / "三年级(2)班.xlsx"
    made = run("practice", "sheet", "五年级(9)班", sheet_path, "--db", festival_db)
    assert made.returncode == 2 and "本届科技节没有班级「五年级(9)班」" in made.stderr
    made = run("practice", "sheet", "三（2）班", sheet_path, "--db", festival_db)
    assert made.returncode == 0, made.stderr
    workbook = load_workbook(sheet_path)
    sheet = workbook.active
    header = [c.value for c in sheet[4]]
    sheet.cell(row=5, column=header.index("看一部科普影片") + 1).value = "√"
    sheet.cell(row=6, column=header.index("参观气象站") + 1).value = "没去"
    workbook.save(sheet_path)
    refused = run("practice", "import", sheet_path, "--db", festival_db)
    assert refused.returncode == 2
    assert "「没去」看不懂" in refused.stderr and "没有导入任何勾选" in refused.stderr
    sheet.cell(row=6, column=header.index("参观气象站") + 1).value = None
    workbook.save(sheet_path)
    tried = run("practice", "import", sheet_path, "--dry-run", "--db", festival_db)
    assert "检查通过（试运行，未写入）：1 个班：新勾选 1 项" in tried.stdout
    assert json.loads(run("practice", "progress", "--json", "--db", festival_db).stdout)["total"]["done"] == 0
    done = run("practice", "import", sheet_path, "--db", festival_db)
    assert done.returncode == 0 and "看一部科普影片：未完成 → ✓" in done.stdout
    assert json.loads(run("practice", "progress", "--json", "--db", festival_db).stdout)["total"]["done"] == 1


def test_a_teachers_entry_the_levels_above_and_grid_paper(festival_db: Path, tmp_path: Path) -> None:
    assert run("competitions", "add", "经验论文评比", "--db", festival_db).returncode == 0
    typed = run(
        "entries",
        "add",
        "--competition",
        "经验论文",
        "--title",
        "如何指导小发明",
        "--teacher",
        "王芳",
        "--db",
        festival_db,
    )
    assert typed.returncode == 2 and "教师名单中没有「王芳」老师" in typed.stderr
    db = open_database(festival_db)
    from fest_desktop.school.people import add_teacher

    add_teacher(db, 1, "王芳", "科学")
    db.close()
    typed = run(
        "entries",
        "add",
        "--competition",
        "经验论文",
        "--title",
        "如何指导小发明",
        "--teacher",
        "王芳",
        "--allow-late",
        "--db",
        festival_db,
    )
    assert typed.returncode == 0, typed.stderr
    assert "已登记作品 JY-0001：经验论文评比　教师　王芳《如何指导小发明》" in typed.stdout
    register = tmp_path / "分类造册.xlsx"
    assert run("entries", "export", register, "--db", festival_db).returncode == 0
    rows = list(load_workbook(register)["经验论文评比"].iter_rows(values_only=True))
    assert any("王芳" in row and "如何指导小发明" in row for row in rows)

    levels = run(
        "awards", "higher-levels", "镇第十三届科技节", "城口县第二届科技创新大赛", "--db", festival_db
    )
    assert "1. 镇第十三届科技节" in levels.stdout and "2. 城口县第二届科技创新大赛" in levels.stdout
    early = run("awards", "higher-result", "JY-0001", "一等奖", "--db", festival_db)
    assert early.returncode == 2 and "上级比赛有 2 级，请指明是哪一级" in early.stderr
    early = run("awards", "higher-result", "JY-0001", "一等奖", "--level", "镇", "--db", festival_db)
    assert early.returncode == 2 and "没有推荐参加上级比赛" in early.stderr

    paper = tmp_path / "稿纸.pdf"
    printed = run("gridpaper", paper, "--competition", "经验论文", "--copies", "2", "--db", festival_db)
    assert printed.returncode == 0, printed.stderr
    assert page_count(paper) == 2 and "经验论文评比" in page_text(paper, 0)
    wrong = run("gridpaper", paper, "--cells", "350", "--db", festival_db)
    assert wrong.returncode == 2 and "每页 350 格排不成方格稿纸" in wrong.stderr
    assert page_count(paper) == 2  # the earlier file is left as it was


def _roster(tmp_path: Path) -> Path:
    from tests.conftest import write_workbook

    return write_workbook(
        tmp_path / "花名册.xlsx",
        {"花名册": [["年级", "班级", "姓名"], ["三年级", "2", "张子涵"], ["三年级", "2", "李梓轩"]]},
    )
