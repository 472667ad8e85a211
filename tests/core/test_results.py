"""The result rules, with cases computed by hand, and properties of the ranking."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fest_desktop.registration.competitions import CriterionInfo
from fest_desktop.registration.kinds import CriterionKind
from fest_desktop.scoring.rules import (
    Combined,
    Rankable,
    assign_ranks,
    best_attempt,
    combine_totals,
    judge_total,
    outlier_judges,
    round_score,
)

BOARD = (
    CriterionInfo("主题突出", 20, id=1),
    CriterionInfo("内容科学", 30, id=2),
    CriterionInfo("刊头超过版面1/4", 5, 5, id=3, kind=CriterionKind.DEDUCTION),
)


def test_a_judge_total_adds_the_criteria_and_subtracts_deductions() -> None:
    assert judge_total({1: 18, 2: 27}, BOARD) == 45
    assert judge_total({1: 18, 2: 27, 3: 5}, BOARD) == 40
    assert judge_total({1: 18}, BOARD) is None  # 内容科学 missing
    assert judge_total({1: 2, 2: 1, 3: 5}, BOARD) == 0  # never below nothing


def test_the_mean_of_the_judges() -> None:
    assert combine_totals([80, 85, 90], "mean", 5) == Combined(85.0)
    assert combine_totals([80, 81, 81], "mean", 5) == Combined(80.67)  # 80.666… shown to two decimals
    assert combine_totals([], "mean", 5) == Combined(None)


def test_the_trimmed_mean_drops_one_highest_and_one_lowest() -> None:
    # 70 and 95 go; (80 + 85 + 90) / 3 = 85
    assert combine_totals([80, 95, 85, 70, 90], "trimmed", 5) == Combined(85.0, 1, 3)


def test_ties_at_the_top_and_bottom_drop_only_one_copy() -> None:
    # Highest 90 twice, lowest 70 twice: one 90 and one 70 go, (90 + 80 + 70) / 3 = 80
    combined = combine_totals([90, 70, 90, 80, 70], "trimmed", 5)
    assert combined.final == 80.0
    assert combined.dropped_high == 0 and combined.dropped_low == 1


def test_every_judge_equal_still_drops_two_different_judges() -> None:
    combined = combine_totals([88, 88, 88, 88, 88], "trimmed", 5)
    assert combined.final == 88.0
    assert combined.dropped_high != combined.dropped_low


def test_fewer_judges_than_the_threshold_take_the_plain_mean() -> None:
    # 4 judges, threshold 5: nothing dropped, (70 + 80 + 90 + 100) / 4 = 85
    assert combine_totals([70, 80, 90, 100], "trimmed", 5) == Combined(85.0)
    # the same panel with a threshold of 4 drops 100 and 70
    assert combine_totals([70, 80, 90, 100], "trimmed", 4) == Combined(85.0, 3, 0)


def test_scores_round_half_up_to_two_decimals() -> None:
    assert round_score(84.625) == 84.63
    assert round_score(84.624999) == 84.62
    assert round_score(1 / 3 * 100) == 33.33


def test_the_best_attempt_follows_the_direction() -> None:
    assert best_attempt([12.5, 14.0, 13.2], higher_is_better=True) == 14.0
    assert best_attempt([8.31, 7.95], higher_is_better=False) == 7.95
    assert best_attempt([], higher_is_better=True) is None


def test_a_judge_far_from_the_panel_is_flagged() -> None:
    totals = {1: 85, 2: 88, 3: 86, 4: 60, 5: 87}
    # median 86, 15% of 100 = 15: judge 4 is 26 away
    assert outlier_judges(totals, 100, 15) == {4}
    assert outlier_judges(totals, 100, 30) == set()
    assert outlier_judges({1: 10, 2: 90}, 100, 15) == set()  # two judges: no majority


def test_equal_finals_share_a_rank_and_the_next_is_skipped() -> None:
    ranks = assign_ranks(
        [Rankable("a", 90, True), Rankable("b", 85, True), Rankable("c", 85, True), Rankable("d", 80, True)]
    )
    assert ranks == {"a": 1, "b": 2, "c": 2, "d": 4}


def test_lower_is_better_for_times() -> None:
    ranks = assign_ranks([Rankable("a", 8.2, True), Rankable("b", 7.9, True)], higher_is_better=False)
    assert ranks == {"a": 2, "b": 1}


def test_tie_break_criteria_separate_equal_finals() -> None:
    items = [
        Rankable("a", 85, True, (26.0,)),
        Rankable("b", 85, True, (28.0,)),
        Rankable("c", 85, True, (28.0,)),
        Rankable("d", 90, True, (20.0,)),
    ]
    assert assign_ranks(items) == {"d": 1, "b": 2, "c": 2, "a": 4}


def test_incomplete_entries_are_ranked_only_provisionally() -> None:
    items = [Rankable("a", 80, True), Rankable("b", 95, False), Rankable("c", None, False)]
    assert assign_ranks(items) == {"a": 1, "b": None, "c": None}
    assert assign_ranks(items, provisional=True) == {"b": 1, "a": 2, "c": None}


finals = st.lists(
    st.tuples(st.sampled_from([70.0, 75.5, 80.0, 85.25, 90.0, 99.99]), st.booleans()), max_size=25
)


@given(finals, st.booleans(), st.booleans(), st.randoms(use_true_random=False))
def test_ranks_agree_with_finals_and_ignore_entry_order(
    drawn: list[tuple[float, bool]], higher: bool, provisional: bool, shuffler: random.Random
) -> None:
    items = [Rankable(i, final, complete) for i, (final, complete) in enumerate(drawn)]
    ranks = assign_ranks(items, higher, provisional)
    shuffled = items[:]
    shuffler.shuffle(shuffled)
    assert assign_ranks(shuffled, higher, provisional) == ranks

    ranked = [item for item in items if ranks[item.key] is not None]
    assert len(ranked) == sum(1 for item in items if item.complete or provisional)
    for item in ranked:
        better = sum(
            1
            for other in ranked
            if (other.final > item.final if higher else other.final < item.final)  # type: ignore[operator]
        )
        assert ranks[item.key] == better + 1
    for first in ranked:
        for second in ranked:
            if first.final == second.final:
                assert ranks[first.key] == ranks[second.key]


@given(st.lists(st.floats(0, 100, allow_nan=False), min_size=5, max_size=12))
def test_the_trimmed_mean_lies_between_the_extremes(totals: list[float]) -> None:
    combined = combine_totals(totals, "trimmed", 5)
    assert combined.final is not None
    assert round_score(min(totals)) - 0.01 <= combined.final <= round_score(max(totals)) + 0.01
    assert totals[combined.dropped_high or 0] == max(totals)
    assert totals[combined.dropped_low or 0] == min(totals)


@pytest.mark.parametrize("rule", ["mean", "trimmed"])
def test_a_single_judge_is_the_final(rule: str) -> None:
    assert combine_totals([77.5], rule, 5) == Combined(77.5)
