"""phones: the judges' links and PINs, their cards, revoking one, the scores that differ from the
desk's (listed and settled), and the phones' server without the window."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fest_desktop.cli.common import EXIT_OK, Subcommands, UsageError, open_db, require_festival
from fest_desktop.errors import FestError
from fest_desktop.phones.kinds import Keep
from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.storage.database import Database
from fest_desktop.storage.preferences import DEFAULT_PHONE_PORT


def _scored_by_judges(db: Database, name: str | None) -> list[CompetitionInfo]:
    """The competition named, or every competition scored by judges."""
    from fest_desktop.registration.kinds import Judging
    from fest_desktop.scoring.sheet import find_judged_competition, judged_competitions

    festival_id = require_festival(db).id
    if name:
        return [find_judged_competition(db, festival_id, name)]
    return [c for c in judged_competitions(db, festival_id) if c.judging == Judging.RUBRIC]


def _one_competition(db: Database, name: str | None) -> CompetitionInfo:
    from fest_desktop.scoring.judges import list_judges

    found = _scored_by_judges(db, name)
    with_judges = [c for c in found if list_judges(db, c.id)] if not name else found
    if len(with_judges) != 1:
        names = "、".join(c.name for c in with_judges) or "（还没有评委的比赛项目）"
        raise UsageError(f"请用 --competition 指定比赛项目：{names}")
    return with_judges[0]


def _base(args: argparse.Namespace) -> str:
    from fest_desktop.phones.addresses import network_addresses, page_url

    address = args.address
    if not address:
        found = network_addresses()
        address = found[0].address if found else "127.0.0.1"
    return page_url(address, args.port)


def cmd_links(args: argparse.Namespace) -> int:
    from fest_desktop.phones.links import judge_links

    db = open_db(args)
    base = _base(args)
    rows = []
    for competition in _scored_by_judges(db, args.competition):
        for link in judge_links(db, competition.id):
            rows.append(
                {
                    "competition": link.competition,
                    "judge": link.judge_name,
                    "pin": link.pin,
                    "url": link.url(base),
                    "handed_in": link.handed_in,
                }
            )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("还没有评委：请先用 judges add 添加评委。")
    for row in rows:
        pin = str(row["pin"])
        print(f"{row['competition']}　{row['judge']}　评分码 {pin[:4]} {pin[4:]}　{row['url']}")
    return EXIT_OK


def cmd_cards(args: argparse.Namespace) -> int:
    from fest_desktop.phones.cards import write_cards

    db = open_db(args)
    competition = _one_competition(db, args.competition)
    base = _base(args)
    address = base.removeprefix("http://").rsplit(":", 1)[0]
    count = write_cards(db, competition.id, Path(args.file), address, args.port)
    print(f"已生成「{competition.name}」{count} 张评委扫码卡（{base}）：「{args.file}」。")
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from fest_desktop.phones.links import reissue_link
    from fest_desktop.scoring.judges import list_judges

    db = open_db(args)
    judges = [
        (competition, judge)
        for competition in _scored_by_judges(db, args.competition)
        for judge in list_judges(db, competition.id)
        if judge.name == args.name.strip()
    ]
    if not judges:
        raise FestError(f"没有名为「{args.name}」的评委。")
    if len(judges) > 1:
        names = "、".join(c.name for c, _ in judges)
        raise UsageError(f"「{args.name}」在几个比赛项目里当评委（{names}）：请用 --competition 指定。")
    competition, judge = judges[0]
    fresh = reissue_link(db, judge.id).value
    print(
        f"「{competition.name}」评委「{judge.name}」的旧链接已作废。新评分码 {fresh.pin_text}，新链接 {fresh.url(_base(args))}"
    )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from fest_desktop.phones.addresses import network_addresses, page_url
    from fest_desktop.phones.links import Scope
    from fest_desktop.phones.server import serve

    db = open_db(args)
    festival_id = require_festival(db).id
    competition = _scored_by_judges(db, args.competition)[0] if args.competition else None
    # Without --competition, every competition of the festival in use: a card of another year opens nothing.
    scope = Scope(competition_id=competition.id) if competition else Scope(festival_id=festival_id)

    def ready(port: int) -> None:
        what = f"「{competition.name}」" if competition else "所有评委打分的比赛项目"
        print(f"手机评分已开启（{what}），按 Ctrl+C 停止。手机打开：", flush=True)
        addresses = (
            [args.host] if args.host not in ("0.0.0.0", "") else [a.address for a in network_addresses()]
        )
        for address in addresses or ["127.0.0.1"]:
            print(f"  {page_url(address, port)}", flush=True)

    serve(db, scope, args.host, args.port, ready)
    print("手机评分已停止。")
    return EXIT_OK


def _value(value: float | None) -> str:
    return "空" if value is None else f"{value:g}"


def cmd_conflicts(args: argparse.Namespace) -> int:
    from fest_desktop.phones.conflicts import score_conflicts

    db = open_db(args)
    festival_id = require_festival(db).id
    competition = _scored_by_judges(db, args.competition)[0] if args.competition else None
    found = score_conflicts(db, festival_id, None if competition is None else competition.id)
    if args.json:
        rows = [
            {
                "id": c.id,
                "competition": c.competition,
                "entry": c.entry_label,
                "judge": c.judge_name,
                "criterion": c.criterion,
                "phone": c.phone_value,
                "desk": c.desk_value,
                "received_at": c.received_at.isoformat(),
                "address": c.address,
            }
            for c in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print("没有待核对的分数。")
        return EXIT_OK
    for c in found:
        print(
            f"编号 {c.id}　{c.competition}　{c.entry_label}　{c.judge_name}　{c.criterion}："
            f"手机上 {_value(c.phone_value)}，电脑上 {_value(c.desk_value)}（{c.received_at:%m-%d %H:%M:%S} 收到）"
        )
    print(
        f"共 {len(found)} 项。核对纸质评分表后用 phones resolve 编号 --keep desk（保留电脑上的）或 --keep phone（用手机上的）处理。"
    )
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    from fest_desktop.phones.conflicts import resolve_conflict
    from fest_desktop.phones.kinds import Keep

    db = open_db(args)
    keep = Keep(args.keep)
    settled = resolve_conflict(db, require_festival(db).id, args.number, keep).value
    kept = settled.desk_value if keep == Keep.DESK else settled.phone_value
    print(
        f"编号 {settled.id}（{settled.entry_label}　{settled.judge_name}　{settled.criterion}）已处理："
        f"{keep.label}，现在是 {_value(kept)}。"
    )
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    phones = commands.add_parser("phones", help="手机评分：评委的链接与评分码、扫码卡、作废、服务")
    actions = phones.add_subparsers(dest="action", required=True, metavar="操作")
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--address", metavar="地址", help="手机打开的本机地址（默认自动选择）")
    where.add_argument(
        "--port", type=int, default=DEFAULT_PHONE_PORT, metavar="端口", help="默认 %(default)s"
    )

    links = actions.add_parser("links", parents=[common, where], help="列出每位评委的链接和评分码")
    links.add_argument("--competition", metavar="比赛项目")
    links.add_argument("--json", action="store_true", help="以 JSON 输出")
    links.set_defaults(handler=cmd_links)

    cards = actions.add_parser("cards", parents=[common, where], help="生成评委扫码卡（PDF）")
    cards.add_argument("file", help=".pdf 文件")
    cards.add_argument("--competition", metavar="比赛项目")
    cards.set_defaults(handler=cmd_cards)

    revoke = actions.add_parser("revoke", parents=[common, where], help="作废一位评委的链接并重发")
    revoke.add_argument("name", metavar="评委名")
    revoke.add_argument("--competition", metavar="比赛项目")
    revoke.set_defaults(handler=cmd_revoke)

    conflicts = actions.add_parser(
        "conflicts", parents=[common], help="列出手机上与电脑上录入不同、待核对的分数"
    )
    conflicts.add_argument("--competition", metavar="比赛项目")
    conflicts.add_argument("--json", action="store_true", help="以 JSON 输出")
    conflicts.set_defaults(handler=cmd_conflicts)

    resolve = actions.add_parser("resolve", parents=[common], help="处理一项待核对的分数")
    resolve.add_argument("number", type=int, metavar="编号", help="phones conflicts 列出的编号")
    resolve.add_argument(
        "--keep",
        required=True,
        choices=[keep.value for keep in Keep],
        help="desk：保留电脑上的；phone：用手机上的",
    )
    resolve.set_defaults(handler=cmd_resolve)

    serve = actions.add_parser("serve", parents=[common], help="不开窗口运行手机评分服务，直到 Ctrl+C")
    serve.add_argument("--competition", metavar="比赛项目", help="只评这个比赛项目（默认所有）")
    serve.add_argument("--host", default="0.0.0.0", metavar="地址", help="监听的地址（默认所有网卡）")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PHONE_PORT, metavar="端口", help="默认 %(default)s"
    )
    serve.set_defaults(handler=cmd_serve)
