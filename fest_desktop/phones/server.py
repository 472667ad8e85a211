"""The small web server the judges' phones talk to: the phone page, a judge's sheet, their
submissions, 提交并锁定, and the PIN form. Nothing else of the app is reachable over the network.
It runs on its own thread beside the window's event loop (or in the foreground for `phones serve`);
PhoneServer's start and stop are the API a script uses too."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.phones.limits import Guess, GuessLimiter
from fest_desktop.phones.links import REFUSED, LinkRefused, Scope, hand_in_sheet, secret_for_pin, well_formed
from fest_desktop.phones.sheet import phone_sheet
from fest_desktop.phones.submissions import (
    LONGEST_ID,
    SUBMISSION_ID,
    PhoneScores,
    Submission,
    SubmissionBroke,
    SubmissionOutcome,
    SubmissionReused,
)
from fest_desktop.phones.writer import SubmissionWriter
from fest_desktop.resources import resource_path
from fest_desktop.storage.database import Database
from fest_desktop.storage.preferences import DEFAULT_PHONE_PORT

PORTS_TRIED = 20
APP_NAME = "fest-desktop"
MAX_BODY = 64 * 1024  # a full sheet's entry is well under 1 KB
MAX_PIN_BODY = 1024
MOST_CRITERIA = 100
# More requests at once than thirty phones make are refused (503) rather than queued without end.
MOST_AT_ONCE = 200
PAGE_FILES = {"phone.js": "text/javascript", "phone.css": "text/css"}


def page_dir() -> Path:
    return resource_path("phone")


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


def _refused(exc: FestError) -> JSONResponse:
    """How the page is told a refusal: 404 a link that opens nothing, 422 a value or a state the desk
    refuses too, 409 a submission id already used for other points (both for good); 500 a failure of
    the program on this submission alone; 503 busy for a moment (the phone sends it again)."""
    if isinstance(exc, LinkRefused):
        return _error(404, exc.message)
    if isinstance(exc, ValidationError | NotFoundError):
        return _error(422, exc.message)
    if isinstance(exc, SubmissionReused):
        return _error(409, exc.message)
    if isinstance(exc, SubmissionBroke):
        return _error(500, exc.message)
    return _error(503, exc.message, **{"Retry-After": "2"})


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


class TooLarge(Exception):
    """A body over the route's limit, found from its Content-Length or once the limit was read."""


UNREADABLE = "提交的内容无法读取，请刷新页面后再提交。"


async def _json_body(request: Request, limit: int) -> dict[str, Any]:
    """The request's JSON object, read no further than limit bytes."""
    declared = request.headers.get("content-length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge
    try:
        data = json.loads(bytes(body) or b"{}")
    except (ValueError, RecursionError):
        raise ValidationError(UNREADABLE) from None
    if not isinstance(data, dict):
        raise ValidationError(UNREADABLE)
    return data


def _too_large() -> JSONResponse:
    # Connection: close, so the rest of the body is never read.
    return _error(413, "提交的内容太大。", Connection="close")


def _an_id(value: object) -> int:
    """An entry's or criterion's id as sent: a whole number in the database's range."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 10:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= LONGEST_ID:
        return value
    raise ValidationError(UNREADABLE)


def _points(data: object) -> dict[int, object]:
    """Criterion id → points as sent; each value is read by the core's own rules (parse_points)."""
    if not isinstance(data, dict) or len(data) > MOST_CRITERIA:
        raise ValidationError(UNREADABLE)
    points: dict[int, object] = {}
    for key, value in data.items():
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float | str)):
            raise ValidationError(UNREADABLE)
        points[_an_id(key)] = value
    return points


def _phone_scores(data: dict[str, Any]) -> PhoneScores:
    submission_id = data.get("id")
    if not isinstance(submission_id, str) or not SUBMISSION_ID.fullmatch(submission_id):
        raise ValidationError(UNREADABLE)
    return PhoneScores(
        submission_id, _an_id(data.get("entry")), _points(data.get("points")), _points(data.get("base", {}))
    )


def _answer(outcome: SubmissionOutcome) -> dict[str, object]:
    return {
        "message": outcome.message,
        "stored": outcome.stored,
        "conflicts": outcome.conflicts,
        "repeated": outcome.repeated,
        "differences": [
            {"criterion": d.criterion_id, "desk": d.desk, "phone": d.phone, "text": d.text}
            for d in outcome.differences
        ],
    }


def phone_app(
    db: Database,
    scope: Scope,
    *,
    presence: Presence | None = None,
    limiter: GuessLimiter | None = None,
) -> Starlette:
    """The phone page and its API for the judges in scope (one competition, or a festival's).
    A judge's link is never limited; wrong PINs are (GuessLimiter)."""
    presence = presence or Presence()
    limiter = limiter or GuessLimiter()
    writer = SubmissionWriter(db, scope)

    async def guarded(action: Callable[[], Any]) -> Response:
        """Run a core call off the event loop and turn its refusals into the page's answers."""
        try:
            return JSONResponse(await run_in_threadpool(action))
        except FestError as exc:
            return _refused(exc)

    async def page(request: Request) -> Response:
        return FileResponse(page_dir() / "index.html", headers={"Cache-Control": "no-cache"})

    async def page_file(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in PAGE_FILES:
            return Response(status_code=404)
        return FileResponse(
            page_dir() / name, media_type=PAGE_FILES[name], headers={"Cache-Control": "no-cache"}
        )

    async def service_worker(request: Request) -> Response:
        # Served from the root, so that it may keep the page for every judge's address (/j/…).
        return FileResponse(
            page_dir() / "sw.js",
            media_type="text/javascript",
            headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
        )

    async def health(request: Request) -> Response:
        return JSONResponse({"app": APP_NAME, "competition": scope.competition_id})

    async def sheet(request: Request) -> Response:
        secret = request.path_params["secret"]
        client = _client(request)

        def read() -> dict[str, object]:
            found = phone_sheet(db, secret, scope)
            presence.seen(found.judge_id, client)
            return found.as_json()

        return await guarded(read)

    async def scores(request: Request) -> Response:
        secret = request.path_params["secret"]
        client = _client(request)
        if not well_formed(secret):
            return _error(404, REFUSED, Connection="close")  # its body is never read
        try:
            submitted = _phone_scores(await _json_body(request, MAX_BODY))
        except TooLarge:
            return _too_large()
        except ValidationError as exc:
            return _error(422, exc.message)
        answer = await asyncio.wrap_future(writer.submit(Submission(secret, submitted, client)))
        if isinstance(answer, FestError):
            return _refused(answer)
        presence.seen(answer.judge_id, client)
        return JSONResponse(_answer(answer))

    async def hand_in(request: Request) -> Response:
        secret = request.path_params["secret"]

        def lock() -> dict[str, object]:
            presence.seen(hand_in_sheet(db, secret, scope).value, _client(request))
            return {"message": "已提交并锁定。如需更正，请找管理员重新开放。"}

        return await guarded(lock)

    async def pin(request: Request) -> Response:
        # Counted before anything is awaited, so that requests arriving together are each counted.
        guess = limiter.admit(_client(request))
        if not isinstance(guess, Guess):
            minutes = int(guess) // 60 + 1
            return _error(
                429,
                f"评分码试错太多次，请 {minutes} 分钟后再试；扫描评分卡上的二维码可以直接进入。",
                **{"Retry-After": str(int(guess))},
            )
        try:
            typed = str((await _json_body(request, MAX_PIN_BODY)).get("pin", ""))[:40]
        except TooLarge:
            return _too_large()
        except ValidationError as exc:
            return _error(422, exc.message)
        try:
            secret = await run_in_threadpool(secret_for_pin, db, typed, scope)
        except LinkRefused as exc:
            return _error(404, exc.message)
        except FestError as exc:
            limiter.right(guess)  # busy: nothing was checked
            return _refused(exc)
        limiter.right(guess)
        return JSONResponse({"secret": secret})

    return Starlette(
        routes=[
            Route("/", page),
            Route("/j/{secret}", page),
            Route("/static/{name}", page_file),
            Route("/sw.js", service_worker),
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
            return _listening_socket(host, candidate)
        except OSError as exc:
            last = exc
    assert last is not None
    raise last


def _listening_socket(host: str, port: int) -> socket.socket:
    # Made by hand rather than by socket.create_server, whose socket has protocol 0: asyncio sets
    # TCP_NODELAY only on a socket whose protocol is IPPROTO_TCP, and without it every answer after
    # the first on a kept-alive connection waits ~40 ms (Nagle's algorithm against delayed ACKs).
    # TCP_NODELAY is also set here, for the accepted sockets that inherit it (Windows' proactor
    # makes its accepted sockets without a protocol).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if os.name != "nt":  # on Windows SO_REUSEADDR would let two programs share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    return sock


def _uvicorn_server(app: Starlette) -> Any:
    import uvicorn

    # log_config=None: a windowed build has no console for uvicorn's default log handlers.
    # proxy_headers=False: nothing stands in front of this server, so an X-Forwarded-For header is a
    # phone lying about its address (to dodge the PIN limit, or to spend another phone's tries).
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
        proxy_headers=False,
        server_header=False,
        limit_concurrency=MOST_AT_ONCE,
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
        self._server = _uvicorn_server(
            phone_app(self.db, Scope(competition_id=self.competition_id), presence=self.presence)
        )
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
    scope: Scope,
    host: str,
    port: int,
    ready: Callable[[int], None] = lambda _port: None,
) -> None:
    """Run the server in the foreground (the command line) until Ctrl+C; ready(port) once listening."""
    sock = bind_socket(host, port)
    server = _uvicorn_server(phone_app(db, scope))
    ready(sock.getsockname()[1])
    # uvicorn finishes the requests in progress on Ctrl+C, then raises it again for the caller.
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])
