"""The rest of the plans' competitions as presets (their rules marked as the plans' or the program's),
the teachers' contests among them, and the 方格稿纸 the essays are written on."""

from __future__ import annotations

from pathlib import Path

import pytest

from fest_desktop.errors import ValidationError
from fest_desktop.registration.gridpaper import PLAN_NOTE, grid_layout, heading_note, write_grid_paper
from fest_desktop.registration.kinds import Participation
from fest_desktop.registration.presets import MORE_PRESETS, PRESETS, TEACHER_PRESETS, add_preset, find_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.pdf_checks import fonts, page_count, page_text


def test_every_competition_the_plans_name_has_a_preset() -> None:
    names = [p.name for p in PRESETS]
    for wanted in ("科技小报（手抄报）", "科幻画", "科学小构思", "标本制作比赛", "讲科学家故事", "科普征文"):
        assert wanted in names
    assert len({p.competition.code_prefix for p in PRESETS}) == len(PRESETS) == len(set(names))
    # The plans' words where they give the rules: 科幻画 for 一至五年级, three a class, the painting criteria.
    painting = find_preset("科幻画")
    assert painting.competition.eligible_levels == (1, 2, 3, 4, 5) and painting.competition.quota_max == 3
    assert [c.name for c in painting.competition.criteria] == ["想象力", "科学性", "绘画水平", "真实性"]
    assert "各班分别选出 3 幅作品上交到学校" in painting.description
    assert find_preset("科学小构思").competition.eligible_levels == (1, 2)
    assert find_preset("手抄报").competition.eligible_levels == (3, 4, 5)
    # … and what the plans leave open is marked as the program's suggestion.
    for preset in MORE_PRESETS + TEACHER_PRESETS:
        assert preset.suggested and preset.suggestion_text.startswith("计划未写明、由本软件建议：")
    assert find_preset("标本").suggestion_text == "计划未写明、由本软件建议：名额、截止日期、作品类型、评分项"


def test_the_teachers_contests_are_for_teachers(db: Database, festival: FestivalInfo) -> None:
    assert [p.name for p in TEACHER_PRESETS] == ["经验论文评比", "科技活动方案"]
    for preset in TEACHER_PRESETS:
        added = add_preset(db, festival.id, preset.name).value
        assert added.participation == Participation.TEACHER
        assert (added.quota_min, added.quota_max, added.eligible_levels) == (None, None, ())
    assert "如何组织指导中小学生开展科技创新活动" in find_preset("经验论文").description


def test_the_grid_paper_is_300_squares_a_page_with_the_plans_heading(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    path = tmp_path / "稿纸.pdf"
    assert write_grid_paper(db, festival.id, path) == 1
    text = page_text(path, 0)
    assert PLAN_NOTE in text and "题目" in text and "班级" in text and "姓名" in text
    assert "20×15=300" in text and "300" in text
    assert all(fonts(path).values())  # the bundled font, embedded
    essay = add_preset(db, festival.id, "科技小论文").value
    assert write_grid_paper(db, festival.id, path, competition_id=essay.id, copies=3) == 3
    assert page_count(path) == 3
    assert "科技小论文与观察日记：□科技小论文 □观察日记 □科普童话 □科普幻想" in page_text(path, 2)
    assert write_grid_paper(db, festival.id, path, cells=400) == 1
    assert "20×20=400" in page_text(path, 0)


def test_grid_paper_asks_are_checked() -> None:
    assert (grid_layout(300).columns, grid_layout(300).rows) == (20, 15)
    assert (grid_layout(500).columns, grid_layout(500).rows) == (25, 20)
    for wrong in (0, 90, 310, 410, 700, 10**400):
        with pytest.raises(ValidationError, match="排不成方格稿纸"):
            grid_layout(wrong)
    assert heading_note(None) == PLAN_NOTE
    assert heading_note("科普征文") == "科普征文"


def test_grid_paper_is_refused_before_anything_is_written(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    path = tmp_path / "稿纸.pdf"
    with pytest.raises(ValidationError, match="份数应在 1 到 500 之间"):
        write_grid_paper(db, festival.id, path, copies=501)
    with pytest.raises(ValidationError, match=r"方格稿纸只能保存为 \.pdf"):
        write_grid_paper(db, festival.id, tmp_path / "稿纸.xlsx")
    assert not path.exists() and not (tmp_path / "稿纸.xlsx").exists()
