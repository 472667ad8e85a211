"""The phone server over HTTP: every route, who may write what, refusals, and the server thread."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

import pytest
from starlette.testclient import TestClient

from fest_desktop.phones.limits import GuessLimiter, Limit
from fest_desktop.phones.links import Scope, judge_links, reissue_link
from fest_desktop.phones.server import PhoneServer, bind_socket, phone_app
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import enter_score, set_locked
from fest_desktop.scoring.judges import add_judge
from fest_desktop.storage.database import Database
from tests.core.scoring_fixture import Board, make_board, sheet


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


@pytest.fixture
def client(db: Database, board: Board) -> TestClient:
    return TestClient(phone_app(db, Scope(competition_id=board.competition.id)))


def secret_of(db: Database, board: Board, judge: str) -> str:
    return next(link.secret for link in judge_links(db, board.competition.id) if link.judge_name == judge)


def submission(board: Board, entry: str, number: int, **points: float) -> dict[str, object]:
    criteria = board.competition.score_criteria
    values = {str(c.id): points.get(f"c{i}", c.max_points) for i, c in enumerate(criteria)}
    return {"id": f"submission-{number:04d}", "entry": board.entry_ids[entry], "points": values, "base": {}}


def test_the_page_and_its_files_are_served_and_nothing_else(
    client: TestClient, db: Database, board: Board
) -> None:
    page = client.get(f"/j/{secret_of(db, board, '李老师')}")
    assert page.status_code == 200 and "手机评分" in page.text and "/static/phone.js" in page.text
    assert client.get("/").status_code == 200  # the PIN form
    assert "checkPoints" in client.get("/static/phone.js").text
    assert client.get("/static/../../fest_desktop/__init__.py").status_code == 404
    assert client.get("/static/index.py").status_code == 404
    assert client.get("/api/festivals").status_code == 404
    assert client.get("/health").json()["app"] == "fest-desktop"


def test_the_right_judge_reads_their_sheet_and_writes_their_scores(
    client: TestClient, db: Database, board: Board
) -> None:
    secret = secret_of(db, board, "李老师")
    read = client.get(f"/api/j/{secret}/sheet").json()
    assert read["judge"]["name"] == "李老师" and read["progress"] == [0, len(board.entry_ids)]
    answer = client.post(f"/api/j/{secret}/scores", json=submission(board, "三年级(1)班", 1))
    assert answer.status_code == 200 and answer.json()["stored"] == len(board.competition.score_criteria)
    assert sheet(db, board).judge_total(board.entry_ids["三年级(1)班"], board.judge("李老师")) is not None
    assert sheet(db, board).judge_total(board.entry_ids["三年级(1)班"], board.judge("陈老师")) is None
    assert client.get(f"/api/j/{secret}/sheet").json()["progress"][0] == 1


def test_a_repeated_submission_is_stored_once(client: TestClient, db: Database, board: Board) -> None:
    secret = secret_of(db, board, "李老师")
    body = submission(board, "三年级(2)班", 2)
    assert client.post(f"/api/j/{secret}/scores", json=body).json()["repeated"] is False
    assert client.post(f"/api/j/{secret}/scores", json=body).json()["repeated"] is True
    lines = [line for line in sheet(db, board).cells.values()]
    assert len(lines) == len(board.competition.score_criteria)


def test_wrong_and_revoked_links_are_refused_and_a_right_one_is_never_slowed_down(
    db: Database, board: Board
) -> None:
    client = TestClient(
        phone_app(
            db,
            Scope(competition_id=board.competition.id),
            limiter=GuessLimiter(Limit(3, 300), Limit(20, 3600)),
        )
    )
    old = secret_of(db, board, "李老师")
    new = reissue_link(db, board.judge("李老师")).value.secret
    refused = client.get(f"/api/j/{old}/sheet")
    assert refused.status_code == 404 and "作废" in refused.json()["error"]
    assert client.post(f"/api/j/{old}/scores", json=submission(board, "三年级(1)班", 3)).status_code == 404
    assert client.get("/api/j/not-a-secret/sheet").status_code == 404
    for _ in range(3):
        assert client.post("/api/pin", json={"pin": "12345678"}).status_code == 404
    slowed = client.post("/api/pin", json={"pin": "12345678"})
    assert (
        slowed.status_code == 429 and "Retry-After" in slowed.headers and "二维码" in slowed.json()["error"]
    )
    # The same address, polling a revoked link and guessing PINs, still reaches the judge's new link.
    for _ in range(10):
        assert client.get(f"/api/j/{old}/sheet").status_code == 404
    assert client.get(f"/api/j/{new}/sheet").status_code == 200
    assert client.post(f"/api/j/{new}/scores", json=submission(board, "三年级(1)班", 4)).status_code == 200


def test_another_judges_entries_and_another_competition_are_not_reachable(
    client: TestClient, db: Database, board: Board, festival: FestivalInfo
) -> None:
    other = add_preset(db, festival.id, "科技创新绘画比赛").value
    judge = add_judge(db, other.id, "周老师").value
    other_secret = next(link.secret for link in judge_links(db, other.id) if link.judge_id == judge.id)
    assert client.get(f"/api/j/{other_secret}/sheet").status_code == 404  # the server scores the boards only
    own_class = client.post(
        f"/api/j/{secret_of(db, board, '王老师')}/scores", json=submission(board, "三年级(1)班", 4)
    )
    assert own_class.status_code == 422 and "回避" in own_class.json()["error"]
    assert sheet(db, board).cells == {}


def test_a_locked_competition_refuses_and_a_bad_body_is_refused_plainly(
    client: TestClient, db: Database, board: Board
) -> None:
    secret = secret_of(db, board, "李老师")
    assert client.post(f"/api/j/{secret}/scores", content=b"not json").status_code == 422
    assert (
        client.post(f"/api/j/{secret}/scores", json={"id": "x", "entry": 1, "points": {}}).status_code == 422
    )
    bad = submission(board, "三年级(1)班", 5)
    bad["points"] = {"1": True}
    assert client.post(f"/api/j/{secret}/scores", json=bad).status_code == 422
    for body in (
        b'{"id": "submission-0010", "entry": 1180591620717411303424, "points": {}}',  # 2**70
        b'{"id": "submission-0011", "entry": 1, "points": {"1180591620717411303424": 3}}',
        b'{"id": "submission-0012", "entry": 1, "points": {"1": 1' + b"0" * 400 + b"}}",
        b"[" * 60000,
    ):
        answer = client.post(f"/api/j/{secret}/scores", content=body)
        assert answer.status_code == 422 and answer.json()["error"], body[:40]
    set_locked(db, board.competition.id, True)
    locked = client.post(f"/api/j/{secret}/scores", json=submission(board, "三年级(1)班", 6))
    assert locked.status_code == 422 and "已锁定" in locked.json()["error"]
    assert sheet(db, board).cells == {}


def test_a_conflicting_desk_value_is_kept_and_flagged(client: TestClient, db: Database, board: Board) -> None:
    secret = secret_of(db, board, "李老师")
    first = board.competition.score_criteria[0]
    entry = board.entry_ids["三年级(2)班"]
    enter_score(db, entry, board.judge("李老师"), first.id, 1)
    answer = client.post(f"/api/j/{secret}/scores", json=submission(board, "三年级(2)班", 7)).json()
    assert answer["conflicts"] == 1
    assert sheet(db, board).cell(entry, board.judge("李老师"), first.id).value == 1


def test_the_pin_opens_the_judges_link_and_hand_in_locks_the_phone_out(
    client: TestClient, db: Database, board: Board
) -> None:
    link = next(link for link in judge_links(db, board.competition.id) if link.judge_name == "陈老师")
    assert client.post("/api/pin", json={"pin": link.pin}).json() == {"secret": link.secret}
    assert client.post(f"/api/j/{link.secret}/hand-in").status_code == 200
    assert client.get(f"/api/j/{link.secret}/sheet").json()["handed_in"] is True
    refused = client.post(f"/api/j/{link.secret}/scores", json=submission(board, "三年级(2)班", 8))
    assert refused.status_code == 422 and "提交并锁定" in refused.json()["error"]


def test_the_server_takes_the_next_free_port_and_serves_nothing_once_stopped(
    db: Database, board: Board
) -> None:
    taken = bind_socket("127.0.0.1", 0)
    port = taken.getsockname()[1]
    server = PhoneServer(db, board.competition.id)
    try:
        got = server.start("127.0.0.1", port)
        assert got != port
        with urllib.request.urlopen(f"http://127.0.0.1:{got}/health", timeout=5) as answer:
            assert json.load(answer)["app"] == "fest-desktop"
    finally:
        server.stop()
        taken.close()
    assert not server.running
    with pytest.raises((urllib.error.URLError, ConnectionError, socket.timeout)):
        urllib.request.urlopen(f"http://127.0.0.1:{got}/health", timeout=2)


def test_a_phone_that_hangs_up_while_its_batch_waits_leaves_the_writer_answering_the_others(
    db: Database, board: Board, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from fest_desktop.phones import writer as writer_module
    from fest_desktop.phones.submissions import PhoneScores, Submission
    from fest_desktop.phones.writer import SubmissionWriter

    held = threading.Event()
    release = threading.Event()
    real = writer_module.submit_together

    def first_batch_held(*args: object) -> object:
        if not held.is_set():
            held.set()
            assert release.wait(20)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(writer_module, "submit_together", first_batch_held)
    writer = SubmissionWriter(db, Scope(competition_id=board.competition.id))
    secret = secret_of(db, board, "李老师")
    first = board.competition.score_criteria[0].id

    def sent(number: int, entry: str) -> Submission:
        return Submission(
            secret, PhoneScores(f"hang-up-{number:04d}", board.entry_ids[entry], {first: 5}, {})
        )

    answers = [writer.submit(sent(1, "一年级(1)班"))]
    assert held.wait(20)
    answers += [writer.submit(sent(2, "三年级(1)班")), writer.submit(sent(3, "三年级(2)班"))]
    answers[1].cancel()  # the phone went away: the server drops its request
    release.set()
    assert answers[0].result(20).stored == 1 and answers[2].result(20).stored == 1  # type: ignore[union-attr]
