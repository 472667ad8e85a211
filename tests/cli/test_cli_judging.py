"""Awards only from what was judged, from the command line on the demo festival: a festival-wide list
waits for every competition, an unjudged work is not recommended, scores and award runs wait for the
competition's day unless --open-early, and 定稿 asks for --confirm when the rules surprise."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from openpyxl import load_workbook

from fest_desktop.registration.competitions import list_competitions, update_competition
from fest_desktop.school.festivals import current_festival
from fest_desktop.storage.database import open_database
from tests.cli.conftest import run
from tests.core.award_fixture import make_throws


def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert run("demo", "--db", path).returncode == 0
    return path


def test_the_collective_list_waits_for_every_competition_and_an_unjudged_work_is_not_recommended(
    tmp_path: Path,
) -> None:
    db = demo_db(tmp_path)
    refused = run("awards", "finalise", "--competition", "集体奖", "--db", db)
    assert refused.returncode == 2
    # Only the quiz and the 四驱车 race are finalised in the demo: the six others are named.
    assert (
        "还有 6 个比赛项目未定稿：科技创新小制作与小发明、科普板报比赛、科技创新绘画比赛、" in refused.stderr
    )
    assert "手抛飞机" in refused.stderr and "四驱车竞速" not in refused.stderr
    listed = json.loads(run("awards", "list", "--competition", "集体奖", "--json", "--db", db).stdout)
    assert listed == [] or all(row["list"] == "集体奖" for row in listed)

    unjudged = run("awards", "recommend", "XZ-0001", "--db", db)
    assert unjudged.returncode == 2 and "还没有评完（没有成绩），不能推荐" in unjudged.stderr
    raced = json.loads(run("results", "--competition", "四驱车", "--json", "--db", db).stdout)
    judged = next(r["code"] for r in raced if r["complete"] and r["award"] is None)
    assert run("awards", "recommend", judged, "--db", db).returncode == 0


def test_scores_and_awards_wait_for_the_deadline_unless_opened_early(tmp_path: Path) -> None:
    db = demo_db(tmp_path)
    ahead = dt.date.today() + dt.timedelta(days=10)
    database = open_database(db)
    festival = current_festival(database)
    assert festival is not None
    painting = next(c for c in list_competitions(database, festival.id) if c.name == "科技创新绘画比赛")
    update_competition(database, dataclasses.replace(painting, deadline=ahead))
    database.close()
    assert run("judges", "add", "美术老师", "--competition", "绘画", "--db", db).returncode == 0
    sheet = tmp_path / "绘画评分表.xlsx"
    assert run("scores", "sheets", sheet, "--competition", "绘画", "--db", db).returncode == 0
    workbook = load_workbook(sheet)
    for row in workbook["美术老师"].iter_rows(min_row=3):
        for cell in row[5:9]:
            cell.value = 20
    workbook.save(sheet)

    when = f"{ahead.month}月{ahead.day}日（交稿截止）"
    refused = run("scores", "import", sheet, "--db", db)
    assert refused.returncode == 2 and f"评审从{when}开始，现在还不能导入成绩" in refused.stderr
    assert "未导入任何分数" in refused.stderr
    assigned = run("awards", "assign", "--competition", "绘画", "--db", db)
    assert assigned.returncode == 2 and f"评审从{when}开始，现在还不能评奖" in assigned.stderr
    final = run("awards", "finalise", "--competition", "绘画", "--db", db)
    assert final.returncode == 2 and "现在还不能定稿" in final.stderr

    opened = run("scores", "import", sheet, "--open-early", "--db", db)
    assert opened.returncode == 0, opened.stderr
    assert "导入完成：新录入" in opened.stdout
    results = json.loads(run("results", "--competition", "绘画", "--json", "--db", db).stdout)
    assert results and all(r["complete"] for r in results)
    assert run("awards", "assign", "--competition", "绘画", "--db", db).returncode == 0


def test_定稿_that_surprises_asks_for_confirm(festival_db: Path) -> None:
    database = open_database(festival_db)
    festival = current_festival(database)
    assert festival is not None
    three = make_throws(database, festival, {"张子涵": "", "李梓轩": "", "王一诺": ""})
    three.throw(database, {"张子涵": 20, "李梓轩": 18, "王一诺": 15})
    database.close()
    assert run("awards", "assign", "--db", festival_db).returncode == 0
    asked = run("awards", "finalise", "--competition", "手抛飞机", "--db", festival_db)
    assert asked.returncode == 2
    assert (
        "手抛飞机 全校：3 件都获奖（一等奖1、二等奖1、三等奖1）" in asked.stderr
        and "--confirm" in asked.stderr
    )
    confirmed = run("awards", "finalise", "--competition", "手抛飞机", "--confirm", "--db", festival_db)
    assert confirmed.returncode == 0 and "已定稿" in confirmed.stdout
