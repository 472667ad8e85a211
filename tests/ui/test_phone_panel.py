"""手机评分 from the operator's side: start the server from 现场评分, a phone's score reaching the grid
and the ranking within a second, the judges' panel, revoking a card, settling a differing score."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fest_desktop.phones.addresses import AdapterKind, NetworkAddress
from fest_desktop.phones.conflicts import score_conflicts
from fest_desktop.phones.kinds import Keep
from fest_desktop.phones.links import judge_links
from fest_desktop.phones.server import bind_socket
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.log import entry_log
from fest_desktop.storage.database import Database
from fest_desktop.storage.preferences import load_preferences
from tests.core.scoring_fixture import Board, make_board, sheet
from ui.operations import Runner
from ui.scoring.phones import ConflictsDialog, PhonePanel
from ui.scoring.tab import ScoringTab
from ui.scoring.watcher import ScoreWatcher

LOOPBACK = NetworkAddress("127.0.0.1", "以太网", AdapterKind.ETHERNET, True)


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


@pytest.fixture
def panel(
    qtbot: QtBot, db: Database, board: Board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> PhonePanel:
    monkeypatch.setattr("ui.scoring.phones.network_addresses", lambda: [LOOPBACK])
    festival_id = board.small.festival_id
    tab = ScoringTab(db, Runner(), ScoreWatcher(db, festival_id), tmp_path / "preferences.json")
    qtbot.addWidget(tab)
    tab.show_festival(board.small.festival_id)
    tab.show()
    opened = tab.open_phones()
    assert opened is not None
    free = bind_socket("127.0.0.1", 20000)
    opened.port.setValue(free.getsockname()[1])
    free.close()
    yield opened
    opened.stop_server()


def post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.load(answer)  # type: ignore[no-any-return]


def test_a_phones_score_reaches_the_grid_and_ranking_within_a_second(
    qtbot: QtBot, panel: PhonePanel, db: Database, board: Board, tmp_path: Path
) -> None:
    tab = panel.parent()
    assert isinstance(tab, ScoringTab)
    panel.start_button.click()
    assert panel.serving and panel.url.text() == f"http://127.0.0.1:{panel.port.value()}"
    assert not panel.qr.pixmap().isNull()
    assert load_preferences(tmp_path / "preferences.json").phone_port == panel.port.value()
    link = next(link for link in judge_links(db, board.competition.id) if link.judge_name == "李老师")
    entry = board.entry_ids["三年级(2)班"]
    points = {str(c.id): c.max_points for c in board.competition.score_criteria}
    answer = post(
        panel.url.text() + f"/api/j/{link.secret}/scores",
        {"id": "panel-test-0001", "entry": entry, "points": points},
    )
    assert answer["stored"] == len(points)
    assert tab.sheet is not None
    qtbot.waitUntil(
        lambda: tab.sheet is not None and tab.sheet.judge_total(entry, link.judge_id) is not None,
        timeout=1000,
    )
    tab.provisional.setChecked(True)
    shown = {result.entry.id: result.final for result in tab.results_model.rows()}
    assert shown[entry] is not None  # in the live ranking, with the phone's points
    assert entry_log(db, entry)[0].station == "手机 · 李老师 · 127.0.0.1"
    qtbot.waitUntil(
        lambda: panel.table.item(1, 2) is not None and panel.table.item(1, 2).text() == "已连接", timeout=2000
    )
    assert panel.table.item(1, 4).text().startswith("1/")
    assert "127.0.0.1" in panel.table.item(1, 3).text()


def test_stopping_serves_nothing_and_the_self_check_says_what_is_wrong(panel: PhonePanel) -> None:
    panel.start_button.click()
    url = panel.url.text()
    panel.run_self_check()
    assert "正常" in panel.status.text()
    panel.start_button.click()
    assert not panel.serving and panel.start_button.text() == "开启手机评分"
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        urllib.request.urlopen(url + "/health", timeout=2)
    panel.start_button.click()
    panel.addresses = [NetworkAddress("10.9.9.9", "以太网", AdapterKind.ETHERNET, True)]
    panel.address.clear()
    panel.address.addItem("10.9.9.9", "10.9.9.9")
    panel.stop_server()
    panel.start_button.click()
    panel.run_self_check()
    assert "打不开评分页" in panel.status.text()


def test_a_revoked_card_stops_at_once_and_the_judge_gets_a_new_pin(
    panel: PhonePanel, db: Database, board: Board, shown: dict[str, Any]
) -> None:
    panel.start_button.click()
    old = judge_links(db, board.competition.id)[1]
    panel.table.selectRow(1)
    panel.reissue_selected()
    new = judge_links(db, board.competition.id)[1]
    assert new.secret != old.secret and new.pin_text in panel.status.text()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(panel.url.text() + f"/api/j/{old.secret}/sheet", timeout=5)
    assert refused.value.code == 404
    refused.value.close()


def test_the_operator_chooses_between_the_phones_and_the_desks_value(
    qtbot: QtBot, panel: PhonePanel, db: Database, board: Board
) -> None:
    panel.start_button.click()
    link = judge_links(db, board.competition.id)[1]
    first = board.competition.score_criteria[0]
    entry = board.entry_ids["三年级(2)班"]
    enter_score(db, entry, link.judge_id, first.id, 1)
    post(
        panel.url.text() + f"/api/j/{link.secret}/scores",
        {"id": "panel-test-0002", "entry": entry, "points": {str(first.id): 3}},
    )
    panel.refresh()
    assert panel.conflicts_button.isEnabled() and "（1）" in panel.conflicts_button.text()
    dialog = ConflictsDialog(db, panel.runner, board.small.festival_id, board.competition.id, panel)
    qtbot.addWidget(dialog)
    [waiting] = score_conflicts(db, board.small.festival_id)
    assert dialog.table.item(0, 0).text() == str(waiting.id)
    assert dialog.table.item(0, 4).text() == "3" and dialog.table.item(0, 5).text() == "1"
    dialog.settle(Keep.PHONE)
    assert sheet(db, board).cell(entry, link.judge_id, first.id).value == 3
    assert score_conflicts(db, board.small.festival_id) == [] and dialog.table.rowCount() == 0
