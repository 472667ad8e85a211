"""The window's one runner of core operations: a long one (an import, the award rules, a report, a
certificate batch, a backup) on a worker thread, one at a time, behind a progress dialog while the
window keeps painting; a quick one (a cell typed, a row saved) at once on the window's thread. Either
way an expected failure is shown the one way, a bug reaches the program's error dialog, and what the
operation changed is announced once it is committed, so each tab refreshes what the changes name."""

from __future__ import annotations

import functools
import gc
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThread, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import FestError
from ui.widgets.messages import FAILED, Failed, show_error

T = TypeVar("T")
# How a long operation reports how far it has got (done, total) and learns whether to go on: the
# protocol of the core's batches (certificates.batch.Progress).
Progress = Callable[[int, int], bool]
# An operation that takes such a callback.
WithProgress = Callable[[Progress], T]

# What to do when an operation was refused (after its message has been shown), or stopped by 取消 (None).
OnFailure = Callable[[FestError | None], None]
# A dialog appears only for what takes longer than this: a quick import needs none.
SHOW_AFTER_MS = 400


class Cancelled(Exception):
    """Raised into nothing: an operation given progress stops when its callback answers False."""


@dataclass
class _Job(Generic[T]):
    """One operation handed to the worker, and what to do with its outcome on the window's thread."""

    parent: QWidget | None
    work: Callable[[Progress], T]
    then: Callable[[T], None] | None
    failed: OnFailure | None
    label: str
    cancellable: bool
    cancelled: threading.Event = field(default_factory=threading.Event)
    dialog: QProgressDialog | None = None


class _Relay(QObject):
    """Carries a worker's news to the window's thread: signals emitted on the worker are delivered
    on the thread this object lives in (the window's), queued."""

    progressed = Signal(object, int, int)  # job, done, total
    ended = Signal(object, object, object)  # job, result, the exception raised (or None)
    released = Signal(
        object
    )  # a job's key (its id, wider than a C int): the worker holds nothing of it any more
    called = Signal(object)  # a _Call to run on the window's thread, the worker waiting


@dataclass
class _Call:
    """A step a worker hands to the window's thread (painting on a native printer) and waits for."""

    step: Callable[[], Any]
    result: Any = None
    error: BaseException | None = None


def _report_progress(relay: _Relay, job: _Job[Any], done: int, total: int) -> bool:
    relay.progressed.emit(job, done, total)
    return not job.cancelled.is_set()


class _Task(QRunnable):
    def __init__(self, job: _Job[Any], relay: _Relay) -> None:
        super().__init__()
        self.job: _Job[Any] | None = job
        self.relay = relay

    def run(self) -> None:
        job, self.job = self.job, None
        assert job is not None
        relay = self.relay
        progress = functools.partial(_report_progress, relay, job)
        outcome: tuple[Any, BaseException | None]
        try:
            outcome = (job.work(progress), None)
        except BaseException as exc:
            outcome = (None, exc)
        relay.ended.emit(job, *outcome)
        # What the operation holds (its widgets, through its closures) is let go on the window's
        # thread, which keeps it until it hears this: a Qt object freed here, on the worker, would be
        # destroyed on the wrong thread (a deadlock or a crash with the window's thread).
        key = id(job)
        del job, progress, outcome
        relay.released.emit(key)


class Runner(QObject):
    """Runs the window's operations and announces what they changed (changed, on the window's
    thread). Created once by the main window and handed to every tab; a test makes its own."""

    # What an operation committed, and the widget that ran it (None when unknown: another station, a
    # phone): a page may leave alone what it has just shown itself.
    changed = Signal(object, object)
    finished = Signal()  # a worker's operation has ended, its outcome handled (for tests and the soak)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # serialised: one operation after the other, in order
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self._relay.ended.connect(self._ended)
        self._relay.released.connect(self._released)
        # The worker waits on its emit until the window's thread has run the step.
        self._relay.called.connect(self._call, Qt.ConnectionType.BlockingQueuedConnection)
        self._running: list[_Job[Any]] = []
        # Every job handed to the worker, until the worker has let go of it (see _Task.run).
        self._held: dict[int, _Job[Any]] = {}

    # ------------------------------------------------------------ on the worker

    def run(
        self,
        parent: QWidget | None,
        operation: Callable[[], Done[T]],
        then: Callable[[T], None] | None = None,
        *,
        label: str = "",
        failed: OnFailure | None = None,
    ) -> None:
        """Run an operation on the worker; then(value) on the window's thread once it is committed and
        its changes announced. label is what the dialog says if it takes a while."""
        self._start(
            _Job(parent, lambda _progress: operation(), self._announcing(parent, then), failed, label, False)
        )

    def run_with_progress(
        self,
        parent: QWidget | None,
        operation: WithProgress[Done[T]],
        then: Callable[[T], None] | None = None,
        *,
        label: str,
        failed: OnFailure | None = None,
    ) -> None:
        """Run an operation that reports its progress, with a progress bar and 取消: the operation's
        callback answers False once 取消 is pressed, and the operation stops as it documents."""
        self._start(_Job(parent, operation, self._announcing(parent, then), failed, label, True))

    def produce(
        self,
        parent: QWidget | None,
        operation: Callable[[], T],
        then: Callable[[T], None] | None = None,
        *,
        label: str = "",
        failed: OnFailure | None = None,
    ) -> None:
        """Run an operation that changes nothing in the festival (a file written from it, figures
        counted) on the worker; then(value) on the window's thread."""
        self._start(_Job(parent, lambda _progress: operation(), then, failed, label, False))

    def on_window_thread(self, step: Callable[[], T]) -> T:
        """Run a step of a worker's operation on the window's thread and wait for it (painting on a
        native printer must happen there); called on the window's thread, it simply runs."""
        if QThread.currentThread() is self.thread():
            return step()
        call = _Call(step)
        self._relay.called.emit(call)
        if call.error is not None:
            raise call.error
        result: T = call.result
        return result

    @property
    def busy(self) -> bool:
        return bool(self._running)

    # ------------------------------------------------------------ on the window's thread

    def now(self, parent: QWidget | None, operation: Callable[[], Done[T]]) -> T | Literal[Failed.FAILED]:
        """Run a quick operation (one row, one cell) at once: its value, its changes announced; FAILED
        once an expected failure has been shown. A bug is not caught: it reaches the error dialog."""
        try:
            done = operation()
        except FestError as exc:
            show_error(parent, exc.message)
            return FAILED
        return self.apply(done, parent)

    def read(self, parent: QWidget | None, operation: Callable[[], T]) -> T | Literal[Failed.FAILED]:
        """A quick read that may be refused (the record deleted meanwhile): its value, or FAILED once
        the refusal has been shown."""
        try:
            return operation()
        except FestError as exc:
            show_error(parent, exc.message)
            return FAILED

    def apply(self, done: Done[T], origin: QObject | None = None) -> T:
        """Announce what an operation run by the caller (origin) changed, and give its value back (a
        table's save, a form that shows a refusal itself)."""
        self.announce(done.changes, origin)
        return done.value

    def announce(self, changes: Changed, origin: QObject | None = None) -> None:
        """Tell the tabs what changed (also what another station or a phone changed, when noticed)."""
        if changes:
            self.changed.emit(changes, origin)

    def _announcing(
        self, origin: QWidget | None, then: Callable[[T], None] | None
    ) -> Callable[[Done[T]], None]:
        def announced(done: Done[T]) -> None:
            self.announce(done.changes, origin)
            if then is not None:
                then(done.value)

        return announced

    def _start(self, job: _Job[Any]) -> None:
        self._running.append(job)
        self._held[id(job)] = job
        # Python's cycle collector runs on whichever thread allocates when a generation is full: on the
        # worker it would free garbage cycles holding widgets there (a deadlock or a crash with the
        # window's thread). So it waits while the worker runs, and runs again once the worker is idle.
        gc.disable()
        QTimer.singleShot(SHOW_AFTER_MS, lambda: self._show_dialog(job))
        self._pool.start(_Task(job, self._relay))

    def _show_dialog(self, job: _Job[Any]) -> None:
        if job not in self._running or job.dialog is not None or not _alive(job.parent):
            return
        dialog = QProgressDialog(
            job.label or self.tr("正在处理，请稍候…"),
            self.tr("取消") if job.cancellable else "",
            0,
            0,
            job.parent,
        )
        if not job.cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancelled.set)
        # A dialog without 取消 is closed by the outcome only, not by Esc.
        dialog.installEventFilter(self)
        job.dialog = dialog
        dialog.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, QProgressDialog):
            job = next((j for j in self._running if j.dialog is watched), None)
            if job is not None and not job.cancellable:
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _progressed(self, job: _Job[Any], done: int, total: int) -> None:
        if job.dialog is not None and _alive(job.dialog):
            job.dialog.setMaximum(total)
            job.dialog.setValue(done)
            if job.dialog.wasCanceled():
                job.cancelled.set()

    def _ended(self, job: _Job[Any], result: Any, error: BaseException | None) -> None:
        self._running.remove(job)
        if job.dialog is not None and _alive(job.dialog):
            job.dialog.removeEventFilter(self)
            job.dialog.close()
            job.dialog.deleteLater()
        try:
            if error is None:
                if job.then is not None and _alive(job.parent):
                    job.then(result)
            elif isinstance(error, FestError):
                if _alive(job.parent):
                    show_error(job.parent, error.message)
                    if job.failed is not None:
                        job.failed(error)
            elif isinstance(error, Cancelled):
                if job.failed is not None and _alive(job.parent):
                    job.failed(None)
            else:
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            self.finished.emit()

    def _released(self, key: int) -> None:
        self._held.pop(key, None)
        if not self._held:
            self._pool.waitForDone(100)  # the worker is past its last line of Python
            gc.enable()

    def _call(self, call: _Call) -> None:
        try:
            call.result = call.step()
        except BaseException as exc:
            call.error = exc

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (closing the window, tests); True when it is."""
        return self._pool.waitForDone(msecs)


def _alive(widget: QObject | None) -> bool:
    """Whether a widget may still be used: None (no parent) or not yet deleted by Qt."""
    return widget is None or shiboken6.isValid(widget)


class ChangeFollower(QObject):
    """Gives a widget the changes it cares about: at once while it is on screen, else gathered and
    given when it is next shown (a hidden tab does not redraw for every score typed elsewhere).
    refresh receives only the wanted parts of what changed, and the widget whose operation changed
    them (None for changes gathered while hidden)."""

    def __init__(
        self,
        runner: Runner,
        widget: QWidget,
        wanted: Changed,
        refresh: Callable[[Changed, QObject | None], None],
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.wanted = wanted
        self.refresh = refresh
        self.pending = Changed.NOTHING
        runner.changed.connect(self.take)
        widget.installEventFilter(self)

    def take(self, changes: Changed, origin: QObject | None = None) -> None:
        """Changes to show: refreshed now if the widget is on screen, else when it is next shown."""
        relevant = changes & self.wanted
        if not relevant or not shiboken6.isValid(self.widget):
            return
        if self.widget.isVisible():
            self.refresh(relevant, origin)
        else:
            self.pending |= relevant

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.pending:
            pending, self.pending = self.pending, Changed.NOTHING
            self.refresh(pending, None)
        return super().eventFilter(watched, event)
