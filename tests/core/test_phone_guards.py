"""Every check that guards a score is made inside the transaction that writes it, for the phones and
for the desk: a writer paused just before it takes the write lock, while the competition is locked,
its list finalised (定稿) or the judge's link revoked, refuses when it goes on. Also: numbers are read
only from ASCII or full-width digits, and one bad submission of a batch is refused alone."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import competition_list_key
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.phones import submissions
from fest_desktop.phones.links import LinkRefused, Scope, judge_links, reissue_link
from fest_desktop.phones.submissions import PhoneScores, Submission, submit_scores, submit_together
from fest_desktop.registration.competitions import CriterionInfo
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring import entering
from fest_desktop.scoring.entering import enter_score, set_locked
from fest_desktop.scoring.points import parse_points
from fest_desktop.storage.database import Database
from tests.core.scoring_fixture import Board, make_board, score_all, sheet

POINTS = {
    "三年级(1)班": [18, 27, 18, 13, 13],
    "三年级(2)班": [16, 25, 17, 12, 12],
    "一年级(1)班": [19, 28, 19, 14, 14],
}


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    made = make_board(db, festival)
    for class_name, points in POINTS.items():
        for judge in made.judges:
            if not (judge.name == "王老师" and class_name == "三年级(1)班"):  # its 班主任 stands aside
                score_all(db, made, class_name, judge.name, points)
    return made


class PausedWriter:
    """Holds the first writer that is about to take the database's write lock (in any module that
    takes it for scores) until released: whatever it checked before that point is stale by then."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()
        self.main = threading.get_ident()
        self._held = False
        real = entering.hold_write_lock
        lock = threading.Lock()

        def paused(session: object) -> None:
            with lock:
                hold = not self._held and threading.get_ident() != self.main
                self._held = self._held or hold
            if hold:
                self.reached.set()
                assert self.release.wait(20), "the test never released the writer"
            real(session)  # type: ignore[arg-type]

        for module in (entering, submissions):
            monkeypatch.setattr(module, "hold_write_lock", paused, raising=False)

    def run(self, write: Callable[[], object], meanwhile: Callable[[], object]) -> object:
        """write() on its own thread, paused at the lock while meanwhile() commits; its result or error."""
        result: list[object] = []

        def writer() -> None:
            try:
                result.append(write())
            except Exception as exc:
                result.append(exc)

        thread = threading.Thread(target=writer)
        thread.start()
        assert self.reached.wait(20), "the writer never reached the write lock"
        meanwhile()
        self.release.set()
        thread.join(20)
        assert not thread.is_alive()
        return result[0]


@pytest.fixture
def paused(monkeypatch: pytest.MonkeyPatch) -> Iterator[PausedWriter]:
    writer = PausedWriter(monkeypatch)
    yield writer
    writer.release.set()


def close_by(db: Database, board: Board, how: str) -> Callable[[], object]:
    def close() -> object:
        if how == "lock":
            return set_locked(db, board.competition.id, True).value
        if how == "finalise":
            return finalise(
                db, board.small.festival_id, competition_list_key(board.competition.id), confirmed=True
            ).value
        return reissue_link(db, board.judge("李老师")).value

    return close


EXPECTED = {"lock": "已锁定", "finalise": "定稿", "revoke": "作废"}


@pytest.fixture
def awarded(db: Database, board: Board) -> Board:
    assign_awards(db, board.small.festival_id, board.competition.name)
    return board


@pytest.mark.parametrize("how", ["lock", "finalise", "revoke"])
def test_a_phone_submission_already_past_its_checks_is_refused_when_closed_meanwhile(
    db: Database, awarded: Board, paused: PausedWriter, how: str
) -> None:
    board = awarded
    secret = next(
        link.secret for link in judge_links(db, board.competition.id) if link.judge_name == "李老师"
    )
    entry = board.entry_ids["三年级(2)班"]
    first = board.competition.score_criteria[0]
    before = sheet(db, board).cell(entry, board.judge("李老师"), first.id).value
    outcome = paused.run(
        lambda: submit_scores(
            db, secret, PhoneScores("race-000001", entry, {first.id: 7}, {first.id: before})
        ),
        close_by(db, board, how),
    )
    assert isinstance(outcome, ValidationError | LinkRefused), outcome
    assert EXPECTED[how] in outcome.message
    assert sheet(db, board).cell(entry, board.judge("李老师"), first.id).value == before


@pytest.mark.parametrize("how", ["lock", "finalise"])
def test_a_desk_score_already_past_its_checks_is_refused_when_closed_meanwhile(
    db: Database, awarded: Board, paused: PausedWriter, how: str
) -> None:
    board = awarded
    entry = board.entry_ids["三年级(2)班"]
    first = board.competition.score_criteria[0]
    before = sheet(db, board).cell(entry, board.judge("陈老师"), first.id).value
    outcome = paused.run(
        lambda: enter_score(db, entry, board.judge("陈老师"), first.id, 7), close_by(db, board, how)
    )
    assert isinstance(outcome, ValidationError) and EXPECTED[how] in outcome.message, outcome
    assert sheet(db, board).cell(entry, board.judge("陈老师"), first.id).value == before


@pytest.mark.parametrize("typed", ["١٠", "𝟏𝟎", "1_0", "1e1", "10 0", "0x1", "٣", "Ⅸ"])
def test_digits_are_read_only_as_ascii_or_full_width(typed: str) -> None:
    criterion = CriterionInfo("主题突出", 20, 1, id=1)
    with pytest.raises(ValidationError, match="不是数字"):
        parse_points(typed, criterion)


@pytest.mark.parametrize(
    ("typed", "value"), [("10", 10), ("１０", 10), ("８。５", None), (" 9 ", 9), ("", None)]
)
def test_the_digits_a_teacher_types_are_read(typed: str, value: float | None) -> None:
    criterion = CriterionInfo("主题突出", 20, 1, id=1)
    if typed == "８。５":
        with pytest.raises(ValidationError, match="1 分一档"):  # read as 8.5, then off its step
            parse_points(typed, criterion)
    else:
        assert parse_points(typed, criterion) == value


def test_a_value_too_large_for_a_float_is_refused_as_too_large() -> None:
    with pytest.raises(ValidationError, match="太大"):
        parse_points(10**400, CriterionInfo("主题突出", 20, 1, id=1))


def test_one_bad_submission_of_a_batch_is_refused_alone(db: Database, board: Board) -> None:
    links = {link.judge_name: link.secret for link in judge_links(db, board.competition.id)}
    first, second = board.competition.score_criteria[:2]
    entry = board.entry_ids["三年级(2)班"]

    def sent(judge: str, number: int, points: dict[int, object], entry_id: int = entry) -> Submission:
        stored = sheet(db, board)
        base = {c: stored.cell(entry_id, board.judge(judge), c).value for c in points}
        return Submission(links[judge], PhoneScores(f"batch-{number:06d}", entry_id, points, base))

    batch = [
        sent("李老师", 1, {first.id: 3}),
        sent("陈老师", 2, {first.id: 10**400}),
        sent("刘老师", 3, {first.id: 4}, entry_id=2**70),
        sent("赵老师", 4, {first.id: float("nan")}),
        sent("王老师", 5, {second.id: 9, first.id: "１"}),
    ]
    answers = submit_together(db, batch, Scope(competition_id=board.competition.id)).value
    assert [type(answer).__name__ for answer in answers] == [
        "SubmissionOutcome",
        "ValidationError",
        "ValidationError",
        "ValidationError",
        "SubmissionOutcome",
    ]
    result = sheet(db, board)
    assert result.cell(entry, board.judge("李老师"), first.id).value == 3
    assert result.cell(entry, board.judge("王老师"), second.id).value == 9
    assert result.cell(entry, board.judge("陈老师"), first.id).value == POINTS["三年级(2)班"][0]
    assert all(isinstance(answer, FestError) and answer.message for answer in answers[1:4])
