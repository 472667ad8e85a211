"""The one thread that writes the phones' submissions, in batches."""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future

from fest_desktop.phones.links import Scope
from fest_desktop.phones.submissions import Answer, Submission, submit_together
from fest_desktop.storage.database import Database


class SubmissionWriter:
    """Writes the phones' submissions on one thread, taking whatever has queued up meanwhile into
    the same transaction: thirty phones sending at once then share a commit rather than wait for
    thirty, one after the other, on the database's write lock. Each request waits for its own answer,
    given only after the commit."""

    BATCH = 48
    IDLE_SECONDS = 30.0

    def __init__(self, db: Database, scope: Scope) -> None:
        self.db = db
        self.scope = scope
        self._queue: queue.Queue[tuple[Submission, Future[Answer]]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, submission: Submission) -> Future[Answer]:
        """The submission queued; its answer (an outcome or a refusal) once its batch is committed."""
        answer: Future[Answer] = Future()
        self._queue.put((submission, answer))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._write, name="phone-writer", daemon=True)
                self._thread.start()
        return answer

    def _write(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=self.IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            taken = [first]
            while len(taken) < self.BATCH:
                try:
                    taken.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            # A request whose phone went away was cancelled: left out (the phone sends it again); the
            # others can no longer be cancelled, so each gets its answer.
            waiting = [
                (submission, answer) for submission, answer in taken if answer.set_running_or_notify_cancel()
            ]
            if not waiting:
                continue
            try:
                answers = submit_together(
                    self.db, [submission for submission, _ in waiting], self.scope
                ).value
            except BaseException as bug:  # submit_together answers each alone; this is the last resort
                for _, answer in waiting:
                    answer.set_exception(bug)
                continue
            for (_, answer), outcome in zip(waiting, answers, strict=True):
                answer.set_result(outcome)
