"""The phone server against a hostile phone on the school's network: PINs guessed in bursts and from
many addresses, a forged X-Forwarded-For, bodies far over the limit, a submission id reused for other
points; and the listening socket that asyncio must recognise as TCP."""

from __future__ import annotations

import asyncio
import json
import random
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from fest_desktop.phones.limits import GuessLimiter, Limit
from fest_desktop.phones.links import Scope, judge_links
from fest_desktop.phones.server import MAX_BODY, PhoneServer, bind_socket, phone_app
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.core.scoring_fixture import Board, make_board, sheet


@pytest.fixture
def board(db: Database, festival: FestivalInfo) -> Board:
    return make_board(db, festival)


async def call(app: Any, path: str, body: bytes, address: str = "192.168.1.50") -> tuple[int, dict[str, Any]]:
    """One POST straight into the ASGI app, as from a phone at address."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        "client": (address, 40000),
        "server": ("127.0.0.1", 8765),
    }
    received = False
    status = 0
    answer = bytearray()

    async def receive() -> dict[str, Any]:
        nonlocal received
        if received:
            return {"type": "http.disconnect"}
        received = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        else:
            answer.extend(message.get("body", b""))

    await app(scope, receive, send)
    return status, json.loads(answer or b"{}")


def pin_body(pin: str) -> bytes:
    return json.dumps({"pin": pin}).encode()


def wrong_pins(db: Database, board: Board, count: int) -> list[str]:
    taken = {link.pin for link in judge_links(db, board.competition.id)}
    pins = (f"{number:08d}" for number in range(10_000_000, 99_999_999, 7_919))
    return [pin for pin in pins if pin not in taken][:count]


def test_a_burst_of_wrong_pins_from_one_phone_gets_no_more_checks_than_allowed(
    db: Database, board: Board
) -> None:
    app = phone_app(
        db, Scope(competition_id=board.competition.id), limiter=GuessLimiter(Limit(5, 300), Limit(1000, 3600))
    )

    async def burst() -> list[int]:
        answers = await asyncio.gather(
            *(call(app, "/api/pin", pin_body(pin)) for pin in wrong_pins(db, board, 1000))
        )
        return [status for status, _ in answers]

    statuses = asyncio.run(burst())
    assert statuses.count(404) == 5 and statuses.count(429) == 995


def test_a_burst_holding_the_right_pin_opens_it_only_within_the_allowed_checks(
    db: Database, board: Board
) -> None:
    link = judge_links(db, board.competition.id)[2]
    app = phone_app(
        db, Scope(competition_id=board.competition.id), limiter=GuessLimiter(Limit(5, 300), Limit(1000, 3600))
    )
    pins = wrong_pins(db, board, 999)
    pins.insert(random.Random(29).randrange(1000), link.pin)

    async def burst() -> list[tuple[int, dict[str, Any]]]:
        return await asyncio.gather(*(call(app, "/api/pin", pin_body(pin)) for pin in pins))

    answers = asyncio.run(burst())
    checked = [(status, answer) for status, answer in answers if status != 429]
    assert len(checked) <= 5  # whatever the place of the right PIN, at most five were looked up
    assert all(answer.get("secret") in (None, link.secret) for _, answer in checked)


def test_wrong_pins_from_many_addresses_share_one_budget_and_links_stay_open(
    db: Database, board: Board
) -> None:
    link = judge_links(db, board.competition.id)[1]
    app = phone_app(
        db, Scope(competition_id=board.competition.id), limiter=GuessLimiter(Limit(5, 300), Limit(20, 3600))
    )

    async def spread() -> list[int]:
        answers = await asyncio.gather(
            *(
                call(app, "/api/pin", pin_body(pin), address=f"10.0.{number // 250}.{number % 250 + 1}")
                for number, pin in enumerate(wrong_pins(db, board, 600))
            )
        )
        return [status for status, _ in answers]

    statuses = asyncio.run(spread())
    assert statuses.count(404) == 20 and statuses.count(429) == 580
    status, refused = asyncio.run(call(app, "/api/pin", pin_body(link.pin), address="192.168.1.77"))
    assert status == 429 and "二维码" in refused["error"]  # the PIN form waits for everyone …
    from starlette.testclient import TestClient

    assert TestClient(app).get(f"/api/j/{link.secret}/sheet").status_code == 200  # … the card's link does not


def test_a_right_pin_gives_its_try_back(db: Database, board: Board) -> None:
    link = judge_links(db, board.competition.id)[0]
    app = phone_app(
        db, Scope(competition_id=board.competition.id), limiter=GuessLimiter(Limit(2, 300), Limit(20, 3600))
    )

    async def tries() -> list[int]:
        return [
            (await call(app, "/api/pin", pin_body(f"{link.pin[:4]} {link.pin[4:]}")))[0] for _ in range(6)
        ]

    assert asyncio.run(tries()) == [200] * 6


@pytest.fixture
def server(db: Database, board: Board) -> Iterator[int]:
    running = PhoneServer(db, board.competition.id)
    running.start("127.0.0.1", bind_port())
    yield running.port
    running.stop()


def bind_port() -> int:
    free = bind_socket("127.0.0.1", 24000)
    port = int(free.getsockname()[1])
    free.close()
    return port


def exchange(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        return read_answer(connection)


def read_answer(connection: socket.socket) -> bytes:
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = connection.recv(65536)
        if not chunk:
            break
        answer += chunk
    head, _, rest = answer.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        ),
        0,
    )
    while len(rest) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        rest += chunk
    return head + b"\r\n\r\n" + rest


def post(path: str, body: bytes, *extra: str) -> bytes:
    headers = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json", *extra]
    if not any(h.lower().startswith(("content-length", "transfer-encoding")) for h in extra):
        headers.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body


def test_a_forged_forwarded_for_is_not_believed(server: int, db: Database, board: Board) -> None:
    wrong = wrong_pins(db, board, 6)
    for number, pin in enumerate(wrong[:5]):
        answer = exchange(server, post("/api/pin", pin_body(pin), f"X-Forwarded-For: 10.9.9.{number}"))
        assert answer.startswith(b"HTTP/1.1 404"), answer[:80]
    # All five were counted for the address they came from, which is now refused.
    assert exchange(server, post("/api/pin", pin_body(wrong[5]))).startswith(b"HTTP/1.1 429")


@pytest.mark.parametrize(
    ("route", "status"),
    [
        ("/api/pin", b"413"),
        ("/api/j/" + "w" * 32 + "/scores", b"413"),  # a wrong secret: the body is not read to find out
        ("/api/j/not-even-a-secret/scores", b"404"),
    ],
)
def test_a_body_declared_over_the_limit_is_refused_before_it_is_read(
    server: int, route: str, status: bytes
) -> None:
    declared = 200 * 1024 * 1024
    with socket.create_connection(("127.0.0.1", server), timeout=10) as connection:
        connection.sendall(post(route, b"", f"Content-Length: {declared}") + b"x" * 65536)
        answer = read_answer(connection)
        assert answer.startswith(b"HTTP/1.1 " + status), answer[:60]
        with pytest.raises(OSError):  # the server hung up rather than read the other 199.9 MB
            for _ in range(200):
                connection.sendall(b"x" * 1024 * 1024)


def test_a_chunked_body_is_cut_off_once_the_limit_is_read(server: int, db: Database, board: Board) -> None:
    secret = next(
        link.secret for link in judge_links(db, board.competition.id) if link.judge_name == "李老师"
    )
    chunk = b"x" * 16384
    with socket.create_connection(("127.0.0.1", server), timeout=10) as connection:
        connection.sendall(post(f"/api/j/{secret}/scores", b"", "Transfer-Encoding: chunked"))
        sent = 0
        connection.settimeout(0.2)
        answer = b""
        while not answer and sent < 200 * 1024 * 1024:
            try:
                connection.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
                answer = connection.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
        connection.settimeout(10)
        answer += read_answer(connection) if answer and b"\r\n\r\n" not in answer else b""
    assert answer.startswith(b"HTTP/1.1 413")
    assert sent < 8 * MAX_BODY  # answered once the limit was read, not after the whole body


def test_the_same_submission_id_with_other_points_is_refused(server: int, db: Database, board: Board) -> None:
    secret = next(
        link.secret for link in judge_links(db, board.competition.id) if link.judge_name == "李老师"
    )
    first = board.competition.score_criteria[0]
    entry = board.entry_ids["三年级(2)班"]
    body = {"id": "same-id-0001", "entry": entry, "points": {str(first.id): 5}, "base": {}}
    assert exchange(server, post(f"/api/j/{secret}/scores", json.dumps(body).encode())).startswith(
        b"HTTP/1.1 200"
    )
    assert exchange(server, post(f"/api/j/{secret}/scores", json.dumps(body).encode())).startswith(
        b"HTTP/1.1 200"
    )
    body["points"] = {str(first.id): 9}
    reused = exchange(server, post(f"/api/j/{secret}/scores", json.dumps(body).encode()))
    assert reused.startswith(b"HTTP/1.1 409") and "编号已经用于另一份分数".encode() in reused
    assert sheet(db, board).cell(entry, board.judge("李老师"), first.id).value == 5


def test_the_listening_socket_is_one_asyncio_recognises_as_tcp() -> None:
    sock = bind_socket("127.0.0.1", 0)
    try:
        # asyncio's base_events._set_nodelay sets TCP_NODELAY on accepted sockets only for these.
        assert (sock.family, sock.type, sock.proto) == (
            socket.AF_INET,
            socket.SOCK_STREAM,
            socket.IPPROTO_TCP,
        )
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        sock.close()
