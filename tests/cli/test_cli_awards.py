"""Awards and certificates from the command line on the demo festival, in real processes: assign,
list, change by hand, finalise, notices, the 班级考核 table, the name-check list, certificates,
reprints and 证书查询."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from tests.cli.conftest import run
from tests.pdf_checks import fonts, page_count, page_text


def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert run("demo", "--db", path).returncode == 0
    return path


def test_results_json_carries_the_award(tmp_path: Path) -> None:
    db = demo_db(tmp_path)
    results = json.loads(run("results", "--competition", "四驱车", "--json", "--db", db).stdout)
    awarded = {r["code"]: r["award"] for r in results}
    first = next(r for r in results if r["rank"] == 1 and r["group"] == "小学")
    assert awarded[first["code"]] == "一等奖"
    assert None in awarded.values()  # the slower cars have none
    board = json.loads(run("results", "--competition", "板报", "--json", "--db", db).stdout)
    assert {r["award"] for r in board} == {None}  # still being judged


def test_change_by_hand_finalise_notice_and_certificates(tmp_path: Path) -> None:
    db = demo_db(tmp_path)
    assigned = run("awards", "assign", "--db", db)
    assert assigned.returncode == 0, assigned.stderr
    assert "科普板报比赛：还有 10 件作品未评完，未评奖。" in assigned.stdout
    assert "四驱车竞速：已定稿，未改动。" in assigned.stdout
    refused = run("awards", "set", "SQ-0003", "三等奖", "--reason", "复核", "--db", db)
    assert refused.returncode == 2 and "已定稿" in refused.stderr
    no_reason = run("awards", "set", "XZ-0001", "优秀奖", "--db", db)
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    manual = run("awards", "set", "XZ-0001", "优秀奖", "--reason", "作品构思巧妙，评委推荐", "--db", db)
    assert manual.returncode == 0, manual.stderr
    listed = json.loads(run("awards", "list", "--competition", "小制作", "--json", "--db", db).stdout)
    assert listed == [
        {
            "list": "科技创新小制作与小发明",
            "kind": "entry",
            "group": "",
            "level": "优秀奖",
            "code": "XZ-0001",
            "class": "一年级(1)班",
            "recipients": listed[0]["recipients"],
            "rank": None,
            "score": None,
            "manual": True,
            "reason": "作品构思巧妙，评委推荐",
            "rule_level": None,
        }
    ]
    final = run("awards", "finalise", "--competition", "小制作", "--db", db)
    assert final.returncode == 0 and "校验码" in final.stdout
    code = final.stdout.split("校验码 ")[1].strip("。\n")

    notice, sheet = tmp_path / "公示.pdf", tmp_path / "公示.xlsx"
    assert run("awards", "notice", notice, "--competition", "小制作", "--db", db).returncode == 0
    assert page_count(notice) == 1 and all(fonts(notice).values())
    assert code in page_text(notice, 0) and "XZ-0001" in page_text(notice, 0)
    assert run("awards", "notice", sheet, "--db", db).returncode == 0
    workbook = load_workbook(sheet)
    assert "科技创新小制作与小发明" in workbook.sheetnames and "四驱车竞速" in workbook.sheetnames
    assert code in workbook["科技创新小制作与小发明"]["A2"].value

    points = tmp_path / "考核.xlsx"
    assert run("awards", "points", points, "--db", db).returncode == 0
    rows = list(load_workbook(points)["班级考核"].iter_rows(values_only=True))
    assert rows[1][:2] == ("班级", "学部") and "合计" in rows[1]
    one_one = next(r for r in rows if r[0] == "一年级(1)班")
    assert one_one[rows[1].index("科技创新小制作与小发明")] == 1  # 优秀奖 is worth 1 point

    check = tmp_path / "核对表.pdf"
    assert run("awards", "check", check, "--competition", "小制作", "--db", db).returncode == 0
    assert "班主任签字" in page_text(check, 0)

    certificates = tmp_path / "证书.pdf"
    made = run("certificates", certificates, "--competition", "小制作", "--db", db)
    assert made.returncode == 0, made.stderr
    authors = listed[0]["recipients"]
    assert page_count(certificates) == len(authors)
    assert all(fonts(certificates).values())
    assert f"{authors[0]}\n同学" in page_text(certificates, 0)  # the name a run of its own, emphasised
    number = made.stdout.split("（")[1].split(" 起")[0]
    again = run("certificates", tmp_path / "重印.pdf", "--reprint", number, "--db", db)
    assert again.returncode == 0 and number in again.stdout
    found = run("awards", "find", number.lower(), "--db", db)
    assert found.returncode == 0 and "打印 2 次（重印 1 次）" in found.stdout
    missing = run("awards", "find", "KJJ2026-9999", "--db", db)
    assert missing.returncode == 2 and "没有编号" in missing.stderr
    by_level = run(
        "certificates", tmp_path / "一等.pdf", "--competition", "四驱车", "--level", "一等奖", "--db", db
    )
    firsts = [
        a
        for a in json.loads(run("awards", "list", "--competition", "四驱车", "--json", "--db", db).stdout)
        if a["level"] == "一等奖"
    ]
    # One 一等奖 per group, the small 初中 group included (a level by share keeps a place there).
    assert {"小学", "初中"} <= {a["group"] for a in firsts}
    assert by_level.returncode == 0 and page_count(tmp_path / "一等.pdf") == len(firsts)


def test_the_recommended_works_go_up_with_their_description_and_come_back_with_a_result(
    tmp_path: Path,
) -> None:
    db = demo_db(tmp_path)
    assert run("awards", "assign", "--db", db).returncode == 0
    listed = json.loads(run("awards", "list", "--competition", "四驱车", "--json", "--db", db).stdout)
    code = next(a["code"] for a in listed if a["level"] == "二等奖")  # the 一等奖 cars are the demo's
    early = run("awards", "higher-result", code, "一等奖", "--level", "全镇", "--db", db)
    assert early.returncode == 2 and "没有推荐参加上级比赛" in early.stderr
    assert run("awards", "recommend", code, "--db", db).returncode == 0
    described = run("entries", "describe", code.lower(), "车身减重，电池仓前移。", "--db", db)
    assert described.returncode == 0, described.stderr
    register = tmp_path / "推荐作品造册.xlsx"
    exported = run("entries", "export", register, "--recommended", "--db", db)
    assert exported.returncode == 0, exported.stderr
    assert "推荐作品造册" in exported.stdout
    sheets = load_workbook(register)
    rows = [[c.value for c in row] for sheet in sheets.worksheets[1:] for row in sheet.iter_rows(min_row=3)]
    described_rows = {row[1]: row[-2] for row in rows}
    assert described_rows[code] == "车身减重，电池仓前移。"
    assert len(described_rows) > 1 and all(described_rows.values())  # with the demo's own
    labels = tmp_path / "推荐作品标签.pdf"
    labelled = run("labels", labels, "--recommended", "--db", db)
    assert labelled.returncode == 0 and f"已生成 {len(described_rows)} 张作品标签" in labelled.stdout
    assert "车身减重" in "".join(page_text(labels, p) for p in range(page_count(labels)))
    unnamed = run("awards", "higher-result", code, "二等奖", "--db", db)
    assert unnamed.returncode == 2 and "上级比赛有 3 级，请指明是哪一级" in unnamed.stderr
    recorded = run("awards", "higher-result", code, "二等奖", "--level", "全镇", "--db", db)
    assert recorded.returncode == 0, recorded.stderr
    assert "现在：全镇第十三届小学生科技创新大赛：二等奖" in recorded.stdout
    refused = run("awards", "recommend", code, "--off", "--db", db)
    assert refused.returncode == 2 and "请先清除上级比赛结果再取消推荐" in refused.stderr
