"""The window's runner: a long operation runs off the window's thread while the window keeps turning,
operations run one at a time in order, a refusal is shown the one way and a bug reaches the error
dialog, 取消 reaches the operation, and what an operation changed reaches the tabs that show it."""

from __future__ import annotations

import gc
import sys
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fest_desktop.awards import assignment
from fest_desktop.awards.lists import list_awards
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.storage.database import Database
from tests.core.award_fixture import Throws, make_throws
from tests.ui.conftest import settled
from ui.awards.tab import AwardsTab
from ui.operations import SHOW_AFTER_MS, ChangeFollower, Runner


@pytest.fixture
def throws(db: Database, festival: Any) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "刘欣怡": ""})
    made.throw(db, {"张子涵": 20, "李梓轩": 18, "刘欣怡": 17})
    return made


def test_the_window_keeps_turning_while_the_award_rules_run(
    qtbot: QtBot, db: Database, throws: Throws, monkeypatch: pytest.MonkeyPatch
) -> None:
    """按规则评奖 as the teacher presses it: the rules run on the worker, the window's timers keep firing
    and its progress dialog shows, and the list shows the awards once they are committed."""
    tab = AwardsTab(db, Runner())
    qtbot.addWidget(tab)
    tab.show()
    tab.show_festival(throws.festival_id)
    page = tab.lists
    page.list_box.setCurrentIndex(page.list_box.findText("手抛飞机"))
    gate = threading.Event()
    threads: list[QThread] = []

    def held_assign(*args: Any, **kwargs: Any) -> Done[assignment.AssignReport]:
        threads.append(QThread.currentThread())
        gate.wait(timeout=30)  # held until the test has seen the window turn
        return assignment.assign_awards(*args, **kwargs)

    monkeypatch.setattr("ui.awards.lists_page.assign_awards", held_assign)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    page.assign()
    qtbot.waitUntil(lambda: len(ticks) >= 10 and page.findChild(QProgressDialog) is not None, timeout=10000)
    assert page.runner.busy and list_awards(db, throws.festival_id) == []  # still running, nothing yet
    assert threads and threads[0] is not tab.thread()  # not the window's thread
    gate.set()
    settled(qtbot, page.runner)
    timer.stop()
    assert "手抛飞机：一等奖 1" in page.status.text()
    assert page.model.rowCount() == 3
    assert page.findChild(QProgressDialog) is None or not page.findChild(QProgressDialog).isVisible()


def test_operations_run_one_after_the_other_in_the_order_given(qtbot: QtBot) -> None:
    runner = Runner()
    order: list[str] = []
    release = threading.Event()

    def first() -> Done[str]:
        order.append("first began")
        release.wait(timeout=30)
        order.append("first ended")
        return Done("first", Changed.NOTHING)

    def second() -> Done[str]:
        order.append("second began")
        return Done("second", Changed.NOTHING)

    values: list[str] = []
    runner.run(None, first, values.append)
    runner.run(None, second, values.append)
    qtbot.waitUntil(lambda: order == ["first began"])
    release.set()
    settled(qtbot, runner)
    assert order == ["first began", "first ended", "second began"] and values == ["first", "second"]


def test_a_refusal_is_shown_and_a_bug_reaches_the_error_dialog(
    qtbot: QtBot, shown: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = Runner()
    parent = QWidget()
    qtbot.addWidget(parent)
    announced: list[Changed] = []
    runner.changed.connect(lambda changes, _origin: announced.append(changes))
    failed: list[object] = []

    def refused() -> Done[None]:
        raise ValidationError("名额不能是负数。")

    runner.run(parent, refused, lambda _value: failed.append("done"), failed=failed.append)
    settled(qtbot, runner)
    assert shown["errors"] == ["名额不能是负数。"] and announced == []
    assert [type(error) for error in failed] == [ValidationError]  # the refusal, for the caller to see

    bugs: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, error, _trace: bugs.append(error))

    def broken() -> Done[None]:
        raise ZeroDivisionError("a bug")

    runner.run(parent, broken)
    settled(qtbot, runner)
    assert [type(bug) for bug in bugs] == [ZeroDivisionError] and shown["errors"] == ["名额不能是负数。"]
    assert runner.now(parent, refused) is not None and shown["errors"][-1] == "名额不能是负数。"


def test_cancel_reaches_the_operation_and_a_step_can_run_on_the_window_thread(qtbot: QtBot) -> None:
    runner = Runner()
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    steps: list[int] = []
    painted_on: list[QThread] = []
    stopped = threading.Event()

    def batch(progress: Any) -> Done[int]:
        painted_on.append(runner.on_window_thread(QThread.currentThread))
        for number in range(10_000):
            if not progress(number, 10_000):
                stopped.set()
                return Done(number, Changed.NOTHING)
            steps.append(number)
            threading.Event().wait(0.005)
        return Done(10_000, Changed.NOTHING)

    runner.run_with_progress(parent, batch, label="正在生成证书…")
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None and len(steps) > 5, timeout=10000)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None and dialog.labelText() == "正在生成证书…"
    [cancel] = dialog.findChildren(QPushButton)
    cancel.click()  # 取消, as the teacher presses it
    settled(qtbot, runner)
    assert stopped.is_set() and len(steps) < 10_000
    assert painted_on == [parent.thread()]


def test_a_hidden_widget_gets_what_changed_when_it_is_shown(qtbot: QtBot) -> None:
    runner = Runner()
    widget = QWidget()
    qtbot.addWidget(widget)
    seen: list[tuple[Changed, object]] = []
    ChangeFollower(runner, widget, Changed.ENTRIES | Changed.SCHOOL, lambda c, o: seen.append((c, o)))
    runner.announce(Changed.ENTRIES)
    runner.announce(Changed.SCORES)  # not wanted
    runner.announce(Changed.SCHOOL | Changed.AWARDS)
    assert seen == []
    widget.show()
    assert seen == [(Changed.ENTRIES | Changed.SCHOOL, None)]
    origin = QWidget()
    runner.announce(Changed.ENTRIES, origin)  # on screen: at once, with who changed it
    assert seen[-1] == (Changed.ENTRIES, origin)
    widget.hide()
    widget.show()
    assert len(seen) == 2  # nothing gathered meanwhile: nothing read again


class _Sentinel:
    """Records the thread on which the last reference to it went."""

    def __init__(self, threads: list[str]) -> None:
        self.threads = threads

    def __del__(self) -> None:
        self.threads.append(threading.current_thread().name)


def test_what_an_operation_holds_is_let_go_on_the_window_s_thread(qtbot: QtBot) -> None:
    """A widget held by an operation's closures and freed on the worker would be destroyed there: Qt
    then deadlocks or crashes with the window's thread. Even when the window's thread has taken the
    outcome before the worker is done with the operation, the last reference goes on the window's
    thread."""
    runner = Runner()
    threads: list[str] = []
    # The worker lingers after telling the outcome (longer than the wait before a progress dialog,
    # whose timer holds the operation too), while the window's thread takes it.
    runner._relay.ended.connect(
        lambda *_args: QThread.msleep(SHOW_AFTER_MS + 200), Qt.ConnectionType.DirectConnection
    )
    for _ in range(3):
        sentinel = _Sentinel(threads)
        runner.run(None, lambda held=sentinel: Done(held and 1, Changed.NOTHING), lambda _value: None)
        del sentinel
    settled(qtbot, runner)
    qtbot.waitUntil(lambda: len(threads) == 3, timeout=10000)
    assert set(threads) == {threading.main_thread().name}


def test_garbage_cycles_are_never_collected_on_the_worker(qtbot: QtBot) -> None:
    """A cycle of garbage holding a widget, collected on the worker because the operation there filled
    a generation, would destroy the widget on the worker: collection waits for the worker to be idle."""
    runner = Runner()
    threads: list[str] = []
    cycle: list[object] = [_Sentinel(threads)]
    cycle.append(cycle)
    del cycle
    made: list[list[object]] = []

    def allocate() -> Done[int]:  # more objects than a generation holds
        made.extend([] for _ in range(20 * gc.get_threshold()[0]))
        return Done(len(made), Changed.NOTHING)

    runner.run(None, allocate)
    settled(qtbot, runner)
    qtbot.waitUntil(gc.isenabled, timeout=5000)
    gc.collect()
    assert threads == [threading.main_thread().name]
