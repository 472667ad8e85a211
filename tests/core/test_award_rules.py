"""The award rules as pure functions, with cases worked out by hand: places by count and by share,
ties at a boundary never split, class totals ranked, the fingerprint, Chinese dates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from fest_desktop.awards.kinds import RuleMode
from fest_desktop.awards.level_rules import (
    LevelRule,
    assign_levels,
    at_least,
    best_level,
    fingerprint,
    places,
    rank_by_total,
    ties_over_places,
)
from fest_desktop.certificates.placeholders import chinese_date
from fest_desktop.school.classnames import chinese_numeral

ORDER = ["一等奖", "二等奖", "三等奖", "优秀奖"]


def test_places_by_count_and_by_share_rounded_half_up() -> None:
    assert places(LevelRule("一等奖", RuleMode.COUNT, 2), 10) == 2
    assert places(LevelRule("一等奖", RuleMode.COUNT, 5), 3) == 3  # never more than the group
    assert places(LevelRule("一等奖", RuleMode.PERCENT, 20), 12) == 2  # 2.4
    assert places(LevelRule("一等奖", RuleMode.PERCENT, 20), 13) == 3  # 2.6
    assert places(LevelRule("一等奖", RuleMode.PERCENT, 10), 15) == 2  # 1.5 rounds up, not to even
    assert places(LevelRule("一等奖", RuleMode.PERCENT, 10), 4) == 0


def test_levels_follow_the_ranks_by_count() -> None:
    ranks = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}
    rules = [
        LevelRule("一等奖", RuleMode.COUNT, 1),
        LevelRule("二等奖", RuleMode.COUNT, 2),
        LevelRule("三等奖", RuleMode.COUNT, 2),
    ]
    assert assign_levels(ranks, rules) == {
        "a": "一等奖",
        "b": "二等奖",
        "c": "二等奖",
        "d": "三等奖",
        "e": "三等奖",
    }


def test_a_tie_at_the_boundary_is_never_split_and_the_next_level_has_fewer_places() -> None:
    rules = [LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 2)]
    # two share the first place: both 一等奖; 二等奖 covers rank 3 only (three places in all)
    assert assign_levels({"a": 1, "b": 1, "c": 3, "d": 4}, rules) == {
        "a": "一等奖",
        "b": "一等奖",
        "c": "二等奖",
    }
    # a tie across the last boundary: both get the level
    assert assign_levels({"a": 1, "b": 2, "c": 3, "d": 3, "e": 5}, rules) == {
        "a": "一等奖",
        "b": "二等奖",
        "c": "二等奖",
        "d": "二等奖",
    }


def test_shares_count_only_ranked_entries_and_unranked_get_nothing() -> None:
    ranks: dict[object, int | None] = {i: i for i in range(1, 11)}
    ranks["late"] = None
    levels = assign_levels(
        ranks, [LevelRule("一等奖", RuleMode.PERCENT, 10), LevelRule("二等奖", RuleMode.PERCENT, 20)]
    )
    assert levels == {1: "一等奖", 2: "二等奖", 3: "二等奖"}


@given(st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=30))
def test_ties_share_a_level_and_a_better_rank_never_gets_a_worse_level(scores: list[int]) -> None:
    ranks = rank_by_total(dict(enumerate(map(float, scores))))
    rules = [
        LevelRule("一等奖", RuleMode.PERCENT, 10),
        LevelRule("二等奖", RuleMode.COUNT, 2),
        LevelRule("三等奖", RuleMode.PERCENT, 30),
    ]
    levels = assign_levels(ranks, rules)
    position = {level: i for i, level in enumerate(ORDER)}
    for a, rank_a in ranks.items():
        for b, rank_b in ranks.items():
            assert rank_a is not None and rank_b is not None
            if rank_a == rank_b:
                assert levels.get(a) == levels.get(b)
            if rank_a < rank_b and b in levels:
                assert a in levels and position[levels[a]] <= position[levels[b]]


def test_class_totals_rank_higher_first_with_ties() -> None:
    assert rank_by_total({"a": 12.0, "b": 15.0, "c": 12.0, "d": None, "e": 3.0}) == {
        "b": 1,
        "a": 2,
        "c": 2,
        "e": 4,
        "d": None,
    }


def test_best_level_and_minimum() -> None:
    assert best_level(["三等奖", "一等奖", "二等奖"], ORDER) == "一等奖"
    assert best_level([], ORDER) == ""
    assert at_least("二等奖", "二等奖", ORDER) and at_least("一等奖", "二等奖", ORDER)
    assert not at_least("三等奖", "二等奖", ORDER)
    assert at_least("优秀奖", "", ORDER)


def test_the_fingerprint_changes_with_any_line_but_not_with_order() -> None:
    lines = ["科普板报 三年级(1)班|一等奖|小学", "科普板报 三年级(2)班|二等奖|小学"]
    code = fingerprint(lines)
    assert len(code) == 9 and code[4] == "-"
    assert fingerprint(reversed(lines)) == code
    assert fingerprint([lines[0], "科普板报 三年级(2)班|三等奖|小学"]) != code


def test_dates_the_chinese_way() -> None:
    assert chinese_date(dt.date(2026, 11, 21)) == "二〇二六年十一月二十一日"
    assert chinese_date(dt.date(2026, 10, 1)) == "二〇二六年十月一日"
    assert chinese_date(dt.date(2030, 12, 30)) == "二〇三〇年十二月三十日"
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 21, 99)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
    ]


def test_a_small_group_keeps_one_place_per_level_given_by_share() -> None:
    shares = [
        LevelRule("一等奖", RuleMode.PERCENT, 10),
        LevelRule("二等奖", RuleMode.PERCENT, 20),
        LevelRule("三等奖", RuleMode.PERCENT, 30),
    ]
    three_cars = {"甲": 1, "乙": 2, "丙": 3}
    assert assign_levels(three_cars, shares) == {"甲": "二等奖", "乙": "三等奖"}  # the winner only 二等奖
    assert assign_levels(three_cars, shares, keep_one=True) == {
        "甲": "一等奖",
        "乙": "二等奖",
        "丙": "三等奖",
    }
    two = {"甲": 1, "乙": 2}
    assert assign_levels(two, shares, keep_one=True) == {"甲": "一等奖", "乙": "二等奖"}  # no third to give


def test_a_tie_that_outgrows_a_count_is_named_for_a_decision() -> None:
    counts = [LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 2)]
    ranks = {"甲": 1, "乙": 2, "丙": 3, "丁": 3, "戊": 5}
    levels = assign_levels(ranks, counts)
    assert sorted(k for k, v in levels.items() if v == "二等奖") == ["丁", "丙", "乙"]
    assert ties_over_places(ranks, counts, levels) == ["二等奖 2名 → 3名"]
    assert (
        ties_over_places(
            {"甲": 1, "乙": 2, "丙": 3}, counts, assign_levels({"甲": 1, "乙": 2, "丙": 3}, counts)
        )
        == []
    )
