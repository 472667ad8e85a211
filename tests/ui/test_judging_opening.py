"""Under a competition's dates: ⚠ for a date on a day off, when its judging opens, and 提前开始评审
asked, logged and shown."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from pytestqt.qtbot import QtBot

from fest_desktop.changes import Changed
from fest_desktop.registration.competitions import get_competition, update_competition
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.log import competition_log
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.registration.judging_opening import JudgingOpening


def test_a_date_on_a_day_off_is_marked_and_judging_is_opened_early_when_confirmed(
    qtbot: QtBot, db: Database, festival: FestivalInfo, shown: dict[str, Any]
) -> None:
    ahead = dt.date.today() + dt.timedelta(days=20)
    painting = add_preset(db, festival.id, "科技创新绘画比赛").value
    painting = update_competition(
        db, dataclasses.replace(painting, deadline=ahead, judging_date=dt.date(2026, 10, 1))
    ).value
    runner = Runner()
    widget = JudgingOpening(db, runner)
    qtbot.addWidget(widget)
    widget.show_competition(painting)
    assert not widget.days_off.isHidden()
    assert "评审日（10月1日）：10月1日是国庆节假期" in widget.days_off.text()
    assert f"评审从 {ahead.month}月{ahead.day}日（交稿截止） 开始" in widget.opening.text()
    assert not widget.open_button.isHidden()

    shown["answer"] = False
    widget.open_button.click()
    assert "现在就开始「科技创新绘画比赛」的评审" in shown["questions"][-1]
    assert not competition_log(db, painting.id)
    shown["answer"] = True
    with qtbot.waitSignal(runner.changed) as announced:
        widget.open_button.click()
    assert announced.args is not None and announced.args[0] == Changed.COMPETITIONS | Changed.SCORES
    assert [line.action for line in competition_log(db, painting.id)] == ["open"]
    assert "提前开始评审" in widget.opening.text() and widget.open_button.isHidden()
    # A school day for both: nothing marked.
    widget.show_competition(
        update_competition(
            db, dataclasses.replace(get_competition(db, painting.id), judging_date=dt.date(2026, 10, 12))
        ).value
    )
    assert widget.days_off.isHidden()
    # A competition whose day has come needs no opening.
    passed = add_preset(db, festival.id, "科技小论文与观察日记").value  # due in May 2026
    widget.show_competition(passed)
    assert widget.open_button.isHidden() and "评审已从" in widget.opening.text()
