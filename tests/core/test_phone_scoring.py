"""Judges scoring from their phones, in the core: links and PINs, a judge's sheet, submissions stored
once and all or nothing, the desk's value never overwritten, handing in, revoking."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.phones.addresses import AdapterKind, rank_addresses
from fest_desktop.phones.cards import write_cards
from fest_desktop.phones.conflicts import resolve_conflict, score_conflicts
from fest_desktop.phones.kinds import Keep
from fest_desktop.phones.links import (
    LinkRefused,
    Scope,
    hand_in_sheet,
    judge_links,
    reissue_link,
    reopen_sheet,
    secret_for_pin,
)
from fest_desktop.phones.sheet import phone_sheet
from fest_desktop.phones.submissions import PhoneScores, SubmissionReused, submit_scores
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import enter_score, set_locked
from fest_desktop.scoring.log import changes_since, competition_log
from fest_desktop.scoring.points import parse_points
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import PhoneSubmission, Score
from tests.core.scoring_fixture import Board, make_board, sheet
from tests.pdf_checks import fonts, page_text, render_page


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


def secret_of(db: Database, board: Board, judge: str) -> str:
    return next(link.secret for link in judge_links(db, board.competition.id) if link.judge_name == judge)


def full_marks(board: Board) -> dict[int, float | None]:
    return {c.id: c.max_points for c in board.competition.score_criteria}


def scores_count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Score)) or 0


def test_every_judge_gets_a_long_secret_and_a_pin_that_leads_to_it(db: Database, board: Board) -> None:
    links = judge_links(db, board.competition.id)
    assert [link.judge_name for link in links] == ["王老师", "李老师", "陈老师", "刘老师", "赵老师"]
    assert len({link.secret for link in links}) == 5 and all(len(link.secret) >= 32 for link in links)
    assert all(len(link.pin) == 8 and link.pin.isdigit() for link in links)
    assert judge_links(db, board.competition.id) == links  # made once, then the same
    assert secret_for_pin(db, links[2].pin) == links[2].secret
    with pytest.raises(LinkRefused, match="评分码"):
        secret_for_pin(db, "00000000" if links[0].pin != "00000000" else "11111111")


def test_the_sheet_shows_the_judges_entries_in_walking_order_without_their_own_class(
    db: Database, board: Board
) -> None:
    wang = phone_sheet(db, secret_of(db, board, "王老师"))  # 三年级(1)班's 班主任
    li = phone_sheet(db, secret_of(db, board, "李老师"))
    assert [e.class_name for e in li.entries] == [e.class_name for e in sheet(db, board).entries]
    assert [e.class_name for e in wang.entries] == [
        e.class_name for e in li.entries if e.class_name != "三年级(1)班"
    ]
    assert li.progress == (0, len(li.entries))
    assert [c.name for c in li.criteria] == [c.name for c in board.competition.criteria]


def test_a_submission_is_stored_once_and_logged_with_the_phone_as_its_source(
    db: Database, board: Board
) -> None:
    secret = secret_of(db, board, "李老师")
    entry = board.entry_ids["三年级(1)班"]
    scores = PhoneScores("phone-submission-1", entry, full_marks(board), {})
    first = submit_scores(db, secret, scores, address="192.168.1.23").value
    again = submit_scores(db, secret, scores, address="192.168.1.23").value
    assert (first.stored, first.conflicts, first.repeated) == (
        len(board.competition.score_criteria),
        0,
        False,
    )
    assert again.repeated and again.stored == 0
    assert scores_count(db) == len(board.competition.score_criteria)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(PhoneSubmission)) == 1
    log = competition_log(db, board.competition.id)
    assert {line.station for line in log} == {"手机 · 李老师 · 192.168.1.23"}
    result = sheet(db, board)
    assert result.judge_total(entry, board.judge("李老师")) == sum(
        c.max_points for c in board.competition.score_criteria
    )
    assert phone_sheet(db, secret).progress[0] == 1


def test_a_refused_value_uses_the_desks_words_and_writes_nothing(db: Database, board: Board) -> None:
    secret = secret_of(db, board, "李老师")
    criteria = board.competition.score_criteria
    points = full_marks(board)
    points[criteria[-1].id] = criteria[-1].max_points + 1
    with pytest.raises(ValidationError) as refused:
        submit_scores(
            db, secret, PhoneScores("phone-submission-2", board.entry_ids["三年级(1)班"], points, {})
        )
    with pytest.raises(ValidationError) as desk:
        enter_score(
            db,
            board.entry_ids["三年级(1)班"],
            board.judge("李老师"),
            criteria[-1].id,
            criteria[-1].max_points + 1,
        )
    assert refused.value.message == desk.value.message
    assert scores_count(db) == 0  # the valid criteria before it were not kept either


def test_the_phone_page_gets_every_refusal_and_rule_in_the_desks_words(db: Database, board: Board) -> None:
    """The page checks points before sending, with the words the server sends: those of the desk."""
    secret = secret_of(db, board, "李老师")
    sent = {c["id"]: c for c in phone_sheet(db, secret).as_json()["criteria"]}  # type: ignore[attr-defined]
    for criterion in board.competition.criteria:
        words = sent[criterion.id]["words"]
        half = criterion.step / 2
        for typed, which in (
            ("abc", "not_number"),
            ("-1", "negative"),
            (f"{criterion.max_points + criterion.step:g}", "over"),
            (f"{half:g}", "off_step"),
        ):
            with pytest.raises(ValidationError) as desk:
                parse_points(typed, criterion)
            assert words[which].replace("{shown}", typed) == desk.value.message
    [masthead] = [c for c in board.competition.deductions if c.name.startswith("刊头")]
    deduction = sent[masthead.id]
    assert (
        deduction["rule"] == f"每处扣 {masthead.step:g} 分，最多 1 处；下面填处数"
        and deduction["most_cases"] == 1
    )
    assert (
        deduction["words"]["too_many_cases"].replace("{shown}", "2")
        == f"「{masthead.name}」最多扣 1 处，填的 2 处超出了。"
    )
    hand_in_sheet(db, secret)
    closed = phone_sheet(db, secret).as_json()["closed"]
    with pytest.raises(ValidationError) as refused:
        submit_scores(db, secret, PhoneScores("phone-submission-c", board.entry_ids["三年级(2)班"], {}, {}))
    assert closed == refused.value.message


def test_a_judge_cannot_score_their_own_class_nor_another_competitions_entry(
    db: Database, board: Board, festival: FestivalInfo
) -> None:
    with pytest.raises(ValidationError, match="回避"):
        submit_scores(
            db,
            secret_of(db, board, "王老师"),
            PhoneScores("phone-submission-3", board.entry_ids["三年级(1)班"], full_marks(board), {}),
        )
    with pytest.raises(LinkRefused):
        phone_sheet(db, secret_of(db, board, "李老师"), Scope(competition_id=board.competition.id + 1000))
    assert scores_count(db) == 0


def test_the_desks_different_value_is_kept_and_the_phones_waits_for_the_operator(
    db: Database, board: Board
) -> None:
    secret = secret_of(db, board, "李老师")
    entry = board.entry_ids["三年级(2)班"]
    first = board.competition.score_criteria[0]
    enter_score(
        db, entry, board.judge("李老师"), first.id, first.max_points - 1
    )  # typed at the desk from paper
    outcome = submit_scores(
        db, secret, PhoneScores("phone-submission-4", entry, full_marks(board), {first.id: None})
    ).value
    assert outcome.conflicts == 1 and "管理员" in outcome.message
    assert sheet(db, board).cell(entry, board.judge("李老师"), first.id).value == first.max_points - 1
    [conflict] = score_conflicts(db, board.small.festival_id, board.competition.id)
    assert (conflict.phone_value, conflict.desk_value, conflict.judge_name) == (
        first.max_points,
        first.max_points - 1,
        "李老师",
    )
    resolve_conflict(db, board.small.festival_id, conflict.id, Keep.PHONE)
    assert sheet(db, board).cell(entry, board.judge("李老师"), first.id).value == first.max_points
    assert score_conflicts(db, board.small.festival_id) == []


def test_the_phones_own_earlier_value_is_corrected_without_a_conflict(db: Database, board: Board) -> None:
    secret = secret_of(db, board, "李老师")
    entry = board.entry_ids["三年级(2)班"]
    first = board.competition.score_criteria[0]
    submit_scores(db, secret, PhoneScores("phone-submission-5", entry, {first.id: 5}, {first.id: None}))
    outcome = submit_scores(
        db, secret, PhoneScores("phone-submission-6", entry, {first.id: 6}, {first.id: 5})
    ).value
    assert (outcome.stored, outcome.conflicts) == (1, 0)
    assert sheet(db, board).cell(entry, board.judge("李老师"), first.id).value == 6


def test_a_locked_competition_and_a_handed_in_sheet_refuse(db: Database, board: Board) -> None:
    secret = secret_of(db, board, "李老师")
    entry = board.entry_ids["三年级(2)班"]
    hand_in_sheet(db, secret)
    with pytest.raises(ValidationError, match="提交并锁定"):
        submit_scores(db, secret, PhoneScores("phone-submission-7", entry, full_marks(board), {}))
    reopen_sheet(db, board.judge("李老师"))
    set_locked(db, board.competition.id, True)
    with pytest.raises(ValidationError, match="已锁定"):
        submit_scores(db, secret, PhoneScores("phone-submission-8", entry, full_marks(board), {}))
    set_locked(db, board.competition.id, False, reason="更正")
    assert submit_scores(
        db, secret, PhoneScores("phone-submission-9", entry, full_marks(board), {})
    ).value.stored


def test_a_reissued_link_stops_the_old_one_at_once(db: Database, board: Board) -> None:
    old = secret_of(db, board, "李老师")
    new = reissue_link(db, board.judge("李老师")).value
    assert new.secret != old
    with pytest.raises(LinkRefused):
        phone_sheet(db, old)
    assert phone_sheet(db, new.secret).judge_name == "李老师"


def test_the_cards_carry_each_judges_link_as_a_qr_code_and_their_pin(
    db: Database, board: Board, tmp_path: Path
) -> None:
    import zxingcpp

    path = tmp_path / "扫码卡.pdf"
    assert write_cards(db, board.competition.id, path, "192.168.1.23", 8765) == 5
    links = judge_links(db, board.competition.id)
    decoded = sorted(code.text for code in zxingcpp.read_barcodes(render_page(path, 0)))
    assert decoded == sorted(f"http://192.168.1.23:8765/j/{link.secret}" for link in links)
    text = page_text(path, 0)
    assert all(link.pin_text in text and link.judge_name in text for link in links)
    assert all(fonts(path).values())


def test_the_desk_catches_up_with_what_others_committed_as_a_reload_would(db: Database, board: Board) -> None:
    desk = sheet(db, board)
    secret = secret_of(db, board, "李老师")
    for number, name in enumerate(("三年级(1)班", "三年级(2)班")):
        submit_scores(
            db, secret, PhoneScores(f"catch-up-{number:04d}", board.entry_ids[name], full_marks(board), {})
        )
    enter_score(
        db, board.entry_ids["一年级(1)班"], board.judge("陈老师"), board.competition.score_criteria[0].id, 3
    )
    changes = changes_since(db, board.small.festival_id, desk.stamp)
    assert changes is not None and desk.catch_up(changes)
    fresh = sheet(db, board)
    assert desk.stamp == fresh.stamp
    assert [(r.entry.id, r.final, r.rank) for r in desk.results(provisional=True)] == [
        (r.entry.id, r.final, r.rank) for r in fresh.results(provisional=True)
    ]
    set_locked(db, board.competition.id, True)
    locked = changes_since(db, board.small.festival_id, desk.stamp)
    assert locked is not None and not desk.catch_up(locked)  # a lock changes the sheet itself: reload


def test_the_pcs_addresses_put_wifi_and_ethernet_first_and_virtual_adapters_last() -> None:
    ranked = rank_addresses(
        {
            "vEthernet (Default Switch)": ["172.20.0.1"],
            "VirtualBox Host-Only Network": ["192.168.56.1"],
            "以太网": ["192.168.1.20"],
            "WLAN": ["192.168.0.105", "fe80::1"],
            "Loopback Pseudo-Interface 1": ["127.0.0.1"],
            "Tailscale": ["100.101.102.103"],
            "本地连接* 2": ["169.254.3.4"],
            "Disconnected": ["10.0.0.9"],
        },
        up={
            "vEthernet (Default Switch)",
            "VirtualBox Host-Only Network",
            "以太网",
            "WLAN",
            "Loopback Pseudo-Interface 1",
            "Tailscale",
            "本地连接* 2",
        },
    )
    assert [a.address for a in ranked] == [
        "192.168.0.105",  # Wi-Fi
        "192.168.1.20",  # Ethernet
        "192.168.56.1",  # virtual adapters, private ones first
        "172.20.0.1",
        "100.101.102.103",
    ]
    assert {a.kind for a in ranked[2:]} == {AdapterKind.VIRTUAL}
    assert "10.0.0.9" not in {a.address for a in ranked}  # an adapter that is down


def test_a_sheet_handed_in_stays_handed_in_when_its_card_is_revoked(db: Database, board: Board) -> None:
    hand_in_sheet(db, secret_of(db, board, "李老师"))
    fresh = reissue_link(db, board.judge("李老师")).value
    assert fresh.handed_in and phone_sheet(db, fresh.secret).handed_in
    with pytest.raises(ValidationError, match="提交并锁定"):
        submit_scores(
            db,
            fresh.secret,
            PhoneScores("after-revoke-1", board.entry_ids["三年级(2)班"], full_marks(board), {}),
        )
    assert scores_count(db) == 0


def test_the_same_submission_id_with_other_points_is_refused_and_stores_nothing(
    db: Database, board: Board
) -> None:
    secret = secret_of(db, board, "李老师")
    entry = board.entry_ids["三年级(2)班"]
    first = board.competition.score_criteria[0]
    submit_scores(db, secret, PhoneScores("reused-id-01", entry, {first.id: 5}, {}))
    assert submit_scores(db, secret, PhoneScores("reused-id-01", entry, {first.id: 5}, {})).value.repeated
    with pytest.raises(SubmissionReused, match="另一份分数"):
        submit_scores(db, secret, PhoneScores("reused-id-01", entry, {first.id: 9}, {}))
    assert sheet(db, board).cell(entry, board.judge("李老师"), first.id).value == 5


def test_while_a_conflict_waits_the_judges_new_value_goes_to_the_operator_not_over_the_desk(
    db: Database, board: Board
) -> None:
    secret = secret_of(db, board, "李老师")
    judge = board.judge("李老师")
    entry = board.entry_ids["三年级(2)班"]
    first = board.competition.score_criteria[0]
    enter_score(db, entry, judge, first.id, 15)
    outcome = submit_scores(db, secret, PhoneScores("conflict-0001", entry, {first.id: 20}, {first.id: None}))
    [difference] = outcome.value.differences
    assert difference.text == f"「{first.name}」电脑上已录入 15，你的 20 已交给管理员核对"
    shown = phone_sheet(db, secret)
    [row] = [e for e in shown.entries if e.id == entry]
    assert row.points[first.id] == 15 and row.conflicts == {first.id: (15, 20)}
    [sent] = [e for e in shown.as_json()["entries"] if e["id"] == entry]  # type: ignore[attr-defined]
    assert sent["conflicts"] == {
        str(first.id): {"desk": 15, "phone": 20, "text": "电脑上已录入 15，你的 20 已交给管理员核对"}
    }
    # The judge types their value again, over what the phone now shows: it goes to the conflict.
    again = submit_scores(
        db, secret, PhoneScores("conflict-0002", entry, {first.id: 18}, {first.id: 20})
    ).value
    assert again.conflicts == 1 and again.stored == 0
    [waiting] = score_conflicts(db, board.small.festival_id)
    assert (waiting.desk_value, waiting.phone_value) == (15, 18)
    assert sheet(db, board).cell(entry, judge, first.id).value == 15
    settled = resolve_conflict(db, board.small.festival_id, waiting.id, Keep.DESK).value
    assert settled.id == waiting.id and sheet(db, board).cell(entry, judge, first.id).value == 15
    # A judge who comes round to the desk's value settles their conflict themselves.
    enter_score(db, entry, judge, first.id, 12)
    submit_scores(db, secret, PhoneScores("conflict-0003", entry, {first.id: 14}, {first.id: 15}))
    assert len(score_conflicts(db, board.small.festival_id)) == 1
    agreed = submit_scores(
        db, secret, PhoneScores("conflict-0004", entry, {first.id: 12}, {first.id: 14})
    ).value
    assert agreed.conflicts == 0 and score_conflicts(db, board.small.festival_id) == []
    with pytest.raises(NotFoundError, match="编号"):
        resolve_conflict(db, board.small.festival_id, waiting.id, Keep.PHONE)


def test_the_sheet_says_why_its_entries_cannot_be_scored(db: Database, board: Board) -> None:
    secret = secret_of(db, board, "李老师")
    assert phone_sheet(db, secret).closed == ""
    set_locked(db, board.competition.id, True)
    locked = phone_sheet(db, secret)
    assert "已锁定" in locked.closed and all(entry.closed == locked.closed for entry in locked.entries)
    assert locked.as_json()["closed"] == locked.closed


def test_a_festival_scope_opens_its_own_judges_and_not_another_years(
    db: Database, board: Board, festival: FestivalInfo
) -> None:
    import datetime as dt

    from fest_desktop.new_festival.creating import create_festival
    from fest_desktop.registration.presets import add_preset
    from fest_desktop.scoring.judges import add_judge

    last_year = create_festival(
        db, "第九届校园科技节", "启明实验学校", dt.date(2025, 4, 11), dt.date(2025, 5, 11)
    ).value
    old_board = add_preset(db, last_year.id, "科普板报比赛").value
    add_judge(db, old_board.id, "周老师")
    [old_card] = judge_links(db, old_board.id)
    this_year = Scope(festival_id=festival.id)
    assert phone_sheet(db, secret_of(db, board, "李老师"), this_year).judge_name == "李老师"
    with pytest.raises(LinkRefused):
        phone_sheet(db, old_card.secret, this_year)
    with pytest.raises(LinkRefused):
        secret_for_pin(db, old_card.pin, this_year)
    assert phone_sheet(db, old_card.secret).judge_name == "周老师"  # the core's own callers see every link
