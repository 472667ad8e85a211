"""One user action, one write, from the window too: the workflows a teacher runs in the window (the
award rules, 定稿, a phone's submission, an entries import) each write in one transaction and read no
more than twice on the way, counted from the click until what they changed is announced (the tabs then
show it, which is not the workflow's). A certificate batch writes twice by design: its numbers before
the certificates are drawn, so that a print that fails keeps them, and the prints once they are out."""

from __future__ import annotations

import json
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import competition_list_key
from fest_desktop.changes import Changed
from fest_desktop.phones.links import judge_links
from fest_desktop.phones.server import bind_socket
from fest_desktop.registration.entries import list_entries
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.conftest import write_workbook
from tests.core.award_fixture import Throws, make_throws
from tests.core.school_fixture import make_small_school
from tests.core.scoring_fixture import Board, make_board
from tests.ui.conftest import settled
from tests.ui.test_phone_panel import LOOPBACK
from ui.awards.tab import AwardsTab
from ui.operations import Runner
from ui.registration.tab import EntriesTab
from ui.scoring.tab import ScoringTab
from ui.scoring.watcher import ScoreWatcher

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@dataclass
class Ledger:
    """The transactions begun while it was open, each marked when it ran a statement that writes."""

    written: list[bool] = field(default_factory=list)
    _current: dict[int, int] = field(default_factory=dict)  # connection → its transaction's index
    _lock: threading.Lock = field(default_factory=threading.Lock)
    open: bool = True

    @property
    def writes(self) -> int:
        return sum(self.written)

    @property
    def reads(self) -> int:
        return len(self.written) - self.writes

    def begun(self, connection: Any) -> None:
        with self._lock:
            if self.open:
                self._current[id(connection)] = len(self.written)
                self.written.append(False)

    def executed(self, connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        with self._lock:
            index = self._current.get(id(connection))
            if self.open and index is not None and statement.lstrip().upper().startswith(WRITES):
                self.written[index] = True


@contextmanager
def counted(db: Database, runner: Runner) -> Iterator[Ledger]:
    """Counts the transactions from here until the runner announces what changed."""
    ledger = Ledger()
    announce = runner.announce

    def closing(changes: Changed, origin: QObject | None = None) -> None:
        ledger.open = False  # before the tabs hear of it and read what they show
        announce(changes, origin)

    event.listen(db.engine, "begin", ledger.begun)
    event.listen(db.engine, "before_cursor_execute", ledger.executed)
    runner.announce = closing  # type: ignore[method-assign]
    try:
        yield ledger
    finally:
        runner.announce = announce  # type: ignore[method-assign]
        event.remove(db.engine, "begin", ledger.begun)
        event.remove(db.engine, "before_cursor_execute", ledger.executed)


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "刘欣怡": "", "吴可馨": ""})
    made.throw(db, {"张子涵": 20, "李梓轩": 18, "刘欣怡": 17, "吴可馨": 9})
    return made


@pytest.fixture
def awards(qtbot: QtBot, db: Database, throws: Throws) -> AwardsTab:
    tab = AwardsTab(db, Runner())
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    tab.show_festival(throws.festival_id)
    return tab


def test_the_award_rules_from_the_window_write_once(qtbot: QtBot, db: Database, awards: AwardsTab) -> None:
    page = awards.lists
    with counted(db, page.runner) as ledger:
        page.assign()
        settled(qtbot, page.runner)
    assert (ledger.writes, ledger.reads) == (1, 0)
    assert page.model.rowCount() > 0


def test_finalising_from_the_window_reads_the_surprises_then_writes_once(
    qtbot: QtBot, db: Database, throws: Throws, awards: AwardsTab, shown: dict[str, Any]
) -> None:
    assign_awards(db, throws.festival_id)
    page = awards.lists
    page.list_box.setCurrentIndex(page.list_box.findText("手抛飞机"))
    with counted(db, page.runner) as ledger:
        page.toggle_final()  # asks first (answered yes here), then 定稿
    assert shown["questions"] and (ledger.writes, ledger.reads) == (1, 1)  # the surprises, then 定稿
    assert "已定稿" in page.status.text()


def test_a_certificate_batch_from_the_window_numbers_then_records(
    qtbot: QtBot, db: Database, throws: Throws, awards: AwardsTab, tmp_path: Path
) -> None:
    assign_awards(db, throws.festival_id)
    finalise(db, throws.festival_id, competition_list_key(throws.competition.id), confirmed=True)
    awards.pages.setCurrentWidget(awards.printing)
    page = awards.printing
    with counted(db, page.runner) as ledger:
        assert page.save_to(tmp_path / "证书.pdf")
        settled(qtbot, page.runner)
    assert (ledger.writes, ledger.reads) == (2, 0)
    assert (tmp_path / "证书.pdf").exists()


def test_an_entries_import_from_the_window_reads_its_preview_then_writes_once(
    qtbot: QtBot, db: Database, festival: FestivalInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_small_school(db, festival)
    add_preset(db, festival.id, "科技创新绘画比赛")
    path = write_workbook(
        tmp_path / "entries.xlsx",
        {
            "作品": [
                ["比赛项目", "作品题目", "作者", "班级"],
                ["科技创新绘画比赛", "未来的城市", "张子涵", "三年级(1)班"],
            ]
        },
    )
    tab = EntriesTab(db, Runner())
    qtbot.addWidget(tab)
    tab.show_festival(festival.id)
    tab.show()
    monkeypatch.setattr("ui.registration.tab.ask_open_paths", lambda *_a, **_k: [path])
    with counted(db, tab.runner) as ledger:
        tab.import_forms()
        settled(qtbot, tab.runner)
        dialog = tab.import_dialog
        assert dialog is not None
        with qtbot.waitSignal(dialog.accepted):
            dialog.import_button.click()
    assert (ledger.writes, ledger.reads) == (1, 1)  # the preview, then the import
    assert [e.title for e in list_entries(db, festival.id)] == ["未来的城市"]


def test_a_phones_submission_to_the_window_s_server_writes_once(
    qtbot: QtBot, db: Database, festival: FestivalInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    board: Board = make_board(db, festival)
    monkeypatch.setattr("ui.scoring.phones.network_addresses", lambda: [LOOPBACK])
    runner = Runner()
    tab = ScoringTab(db, runner, ScoreWatcher(db, festival.id), tmp_path / "preferences.json")
    qtbot.addWidget(tab)
    tab.show_festival(festival.id)
    tab.show()
    panel = tab.open_phones()
    assert panel is not None
    free = bind_socket("127.0.0.1", 20000)
    panel.port.setValue(free.getsockname()[1])
    free.close()
    panel.start_button.click()
    try:
        link = next(link for link in judge_links(db, board.competition.id) if link.judge_name == "李老师")
        points = {str(c.id): c.max_points for c in board.competition.score_criteria}
        body = {"id": "window-count-0001", "entry": board.entry_ids["三年级(2)班"], "points": points}
        request = urllib.request.Request(
            panel.url.text() + f"/api/j/{link.secret}/scores",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with counted(db, runner) as ledger, urllib.request.urlopen(request, timeout=5) as answer:
            assert json.load(answer)["stored"] == len(points)
            ledger.open = False  # answered only after the commit: what follows is the desk catching up
        assert (ledger.writes, ledger.reads) == (1, 0)
    finally:
        panel.stop_server()
