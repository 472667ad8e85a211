"""The small web server the judges' phones talk to: the phone page, a judge's sheet, their
submissions, 提交并锁定, and the PIN form. Nothing else of the app is reachable over the network.
It runs on its own thread beside the window's event loop (or in the foreground for `phones serve`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import queue
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.phones.links import LinkRefused, hand_in_sheet, secret_for_pin
from fest_desktop.phones.sheet import phone_sheet
from fest_desktop.phones.submissions import PhoneScores, Submission, SubmissionOutcome, submit_together
from fest_desktop.resources import resource_path
from fest_desktop.storage.database import Database
from fest_desktop.storage.preferences import DEFAULT_PHONE_PORT

PORTS_TRIED = 20
APP_NAME = "fest-desktop"
MAX_BODY = 64 * 1024
PAGE_FILES = {"phone.js": "text/javascript", "phone.css": "text/css"}


def page_dir() -> Path:
    return resource_path("phone")


class Throttle:
    """Wrong links and PINs from one address: after `allowed` within `window` seconds, that address is
    refused for the rest of the window, so a secret cannot be guessed by trying."""

    def __init__(self, allowed: int = 5, window: float = 300.0, clock: Callable[[], float] = time.monotonic):
        self.allowed = allowed
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, address: str) -> deque[float]:
        failures = self._failures.setdefault(address, deque())
        horizon = self.clock() - self.window
        while failures and failures[0] < horizon:
            failures.popleft()
        return failures

    def blocked(self, address: str) -> float:
        """Seconds until the address may try again; 0 when it may now."""
        with self._lock:
            failures = self._recent(address)
            if len(failures) < self.allowed:
                return 0.0
            return max(1.0, failures[0] + self.window - self.clock())

    def failed(self, address: str) -> None:
        with self._lock:
            self._recent(address).append(self.clock())


class SubmissionWriter:
    """Writes the phones' submissions on one thread, taking whatever has queued up meanwhile into
    the same transaction: thirty phones sending at once then share a commit rather than wait for
    thirty, one after the other, on the database's write lock. Each request waits for its own answer,
    given only after the commit."""

    BATCH = 64
    IDLE_SECONDS = 30.0

    def __init__(self, db: Database, competition_id: int | None) -> None:
        self.db = db
        self.competition_id = competition_id
        self._queue: queue.Queue[tuple[Submission, Future[SubmissionOutcome | FestError]]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, submission: Submission) -> SubmissionOutcome:
        answer: Future[SubmissionOutcome | FestError] = Future()
        self._queue.put((submission, answer))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._write, name="phone-writer", daemon=True)
                self._thread.start()
        outcome = answer.result()
        if isinstance(outcome, FestError):
            raise outcome
        return outcome

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
            waiting = [first]
            while len(waiting) < self.BATCH:
                try:
                    waiting.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                outcomes = submit_together(
                    self.db, [submission for submission, _ in waiting], self.competition_id
                )
            except FestError as busy:
                outcomes = [busy] * len(waiting)
            except BaseException as bug:
                for _, answer in waiting:
                    answer.set_exception(bug)
                continue
            for (_, answer), outcome in zip(waiting, outcomes, strict=True):
                answer.set_result(outcome)


@dataclass(frozen=True)
class Seen:
    """The last time a judge's phone was heard from, and from where."""

    at: dt.datetime
    address: str


class Presence:
    """Which judges' phones are talking to the server: kept in memory for the operator's panel."""

    def __init__(self) -> None:
        self._seen: dict[int, Seen] = {}
        self._lock = threading.Lock()

    def seen(self, judge_id: int, address: str) -> None:
        with self._lock:
            self._seen[judge_id] = Seen(dt.datetime.now(), address)

    def snapshot(self) -> dict[int, Seen]:
        with self._lock:
            return dict(self._seen)


def _error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


async def _json_body(request: Request) -> dict[str, Any]:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise ValidationError("提交的内容太大。")
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        raise ValidationError("提交的内容无法读取，请刷新页面后再提交。") from None
    if not isinstance(data, dict):
        raise ValidationError("提交的内容无法读取，请刷新页面后再提交。")
    return data


def _points(data: object) -> dict[int, float | None]:
    if not isinstance(data, dict):
        raise ValidationError("提交的分数无法读取，请刷新页面后再提交。")
    points: dict[int, float | None] = {}
    for key, value in data.items():
        try:
            criterion_id = int(key)
        except (TypeError, ValueError):
            raise ValidationError("提交的分数无法读取，请刷新页面后再提交。") from None
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float | str)):
            raise ValidationError("提交的分数无法读取，请刷新页面后再提交。")
        points[criterion_id] = value  # type: ignore[assignment]  # checked by the core's own rules
    return points


def phone_app(
    db: Database,
    competition_id: int | None = None,
    *,
    presence: Presence | None = None,
    throttle: Throttle | None = None,
) -> Starlette:
    """The phone page and its API for the judges of one competition (all competitions when None)."""
    presence = presence or Presence()
    throttle = throttle or Throttle()
    writer = SubmissionWriter(db, competition_id)

    async def guarded(request: Request, action: Callable[[], Any]) -> Response:
        """Run a core call off the event loop and turn its refusals into the page's answers."""
        client = _client(request)
        wait = throttle.blocked(client)
        if wait:
            return _error(
                429, f"尝试次数过多，请 {int(wait) // 60 + 1} 分钟后再试。", **{"Retry-After": str(int(wait))}
            )
        try:
            return JSONResponse(await run_in_threadpool(action))
        except LinkRefused as exc:
            throttle.failed(client)
            return _error(404, exc.message)
        except (ValidationError, NotFoundError) as exc:
            return _error(422, exc.message)
        except FestError as exc:
            # Busy or written elsewhere at the same instant: the phone keeps it and sends it again.
            return _error(409, exc.message)

    async def page(request: Request) -> Response:
        return FileResponse(page_dir() / "index.html", headers={"Cache-Control": "no-cache"})

    async def page_file(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in PAGE_FILES:
            return Response(status_code=404)
        return FileResponse(
            page_dir() / name, media_type=PAGE_FILES[name], headers={"Cache-Control": "no-cache"}
        )

    async def health(request: Request) -> Response:
        return JSONResponse({"app": APP_NAME, "competition": competition_id})

    async def sheet(request: Request) -> Response:
        secret = request.path_params["secret"]
        client = _client(request)

        def read() -> dict[str, object]:
            found = phone_sheet(db, secret, competition_id)
            presence.seen(found.judge_id, client)
            return found.as_json()

        return await guarded(request, read)

    async def scores(request: Request) -> Response:
        secret = request.path_params["secret"]
        client = _client(request)
        try:
            data = await _json_body(request)
            submitted = PhoneScores(
                str(data.get("id", "")),
                int(data.get("entry", 0)),
                _points(data.get("points")),
                _points(data.get("base", {})),
            )
        except (ValidationError, TypeError, ValueError) as exc:
            message = (
                exc.message
                if isinstance(exc, ValidationError)
                else "提交的内容无法读取，请刷新页面后再提交。"
            )
            return _error(422, message)

        def store() -> dict[str, object]:
            outcome = writer.submit(Submission(secret, submitted, client))
            presence.seen(outcome.judge_id, client)
            return {
                "message": outcome.message,
                "stored": outcome.stored,
                "conflicts": outcome.conflicts,
                "repeated": outcome.repeated,
            }

        return await guarded(request, store)

    async def hand_in(request: Request) -> Response:
        secret = request.path_params["secret"]

        def lock() -> dict[str, object]:
            presence.seen(hand_in_sheet(db, secret, competition_id), _client(request))
            return {"message": "已提交并锁定。如需更正，请找管理员重新开放。"}

        return await guarded(request, lock)

    async def pin(request: Request) -> Response:
        try:
            data = await _json_body(request)
        except ValidationError as exc:
            return _error(422, exc.message)
        typed = str(data.get("pin", ""))
        return await guarded(request, lambda: {"secret": secret_for_pin(db, typed, competition_id)})

    return Starlette(
        routes=[
            Route("/", page),
            Route("/j/{secret}", page),
            Route("/static/{name}", page_file),
            Route("/health", health),
            Route("/api/pin", pin, methods=["POST"]),
            Route("/api/j/{secret}/sheet", sheet),
            Route("/api/j/{secret}/scores", scores, methods=["POST"]),
            Route("/api/j/{secret}/hand-in", hand_in, methods=["POST"]),
        ]
    )


def bind_socket(host: str, port: int = DEFAULT_PHONE_PORT) -> socket.socket:
    """A listening socket on port, or on the next free one when it is taken (another program, a
    second copy of the app). OSError when none of them is free."""
    last: OSError | None = None
    for candidate in range(port, port + PORTS_TRIED):
        try:
            # create_server sets SO_REUSEADDR only where it cannot steal a port in use (not Windows).
            return socket.create_server((host, candidate), backlog=128)
        except OSError as exc:
            last = exc
    assert last is not None
    raise last


def _uvicorn_server(app: Starlette) -> Any:
    import uvicorn

    # log_config=None: a windowed build has no console for uvicorn's default log handlers.
    config = uvicorn.Config(
        app, log_config=None, access_log=False, lifespan="off", timeout_graceful_shutdown=5
    )
    return uvicorn.Server(config)


class PhoneServer:
    """The server on its own thread: started with a competition, stopped when the operator stops it
    or the app closes. A submission in progress finishes (and commits) before it stops."""

    def __init__(self, db: Database, competition_id: int) -> None:
        self.db = db
        self.competition_id = competition_id
        self.presence = Presence()
        self.port = 0
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, host: str = "0.0.0.0", port: int = DEFAULT_PHONE_PORT) -> int:
        """Listen on host at port (or the next free one); returns the port."""
        self.stop()
        sock = bind_socket(host, port)
        self.port = sock.getsockname()[1]
        self._server = _uvicorn_server(phone_app(self.db, self.competition_id, presence=self.presence))
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="phone-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self._server.started:
            self.stop()
            raise FestError("手机评分服务没能启动，请换一个端口再试。")
        return self.port

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None


def serve(
    db: Database,
    competition_id: int | None,
    host: str,
    port: int,
    ready: Callable[[int], None] = lambda _port: None,
) -> None:
    """Run the server in the foreground (the command line) until Ctrl+C; ready(port) once listening."""
    sock = bind_socket(host, port)
    server = _uvicorn_server(phone_app(db, competition_id))
    ready(sock.getsockname()[1])
    # uvicorn finishes the requests in progress on Ctrl+C, then raises it again for the caller.
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])
