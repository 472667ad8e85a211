"""Each judge's private link (a long random secret) and short PIN, issued, reissued (revoked) and
found again from what a phone sends."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.errors import FestError, ValidationError
from fest_desktop.registration.competitions import competition_row
from fest_desktop.registration.kinds import Judging
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Competition, Judge, JudgeLink

PIN_DIGITS = 6


class LinkRefused(FestError):
    """A phone's link or PIN opens nothing: wrong, revoked, or of a competition not being scored."""


REFUSED = "这个评分链接无效或已作废，请向管理员要一张新的评分卡。"


@dataclass(frozen=True)
class JudgeLinkInfo:
    """A judge's way in from a phone. path is what follows the server's address (/j/<secret>)."""

    judge_id: int
    judge_name: str
    competition_id: int
    competition: str
    secret: str
    pin: str
    handed_in: bool

    @property
    def path(self) -> str:
        return f"/j/{self.secret}"

    def url(self, base: str) -> str:
        return base.rstrip("/") + self.path


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _new_pin(session: Session) -> str:
    taken = set(session.scalars(select(JudgeLink.pin)))
    while True:
        pin = "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))
        if pin not in taken:
            return pin


def _fill_link(session: Session, link: JudgeLink) -> None:
    link.secret = secrets.token_urlsafe(24)
    link.secret_hash = secret_hash(link.secret)
    link.pin = _new_pin(session)
    link.created_at = dt.datetime.now().replace(microsecond=0)
    link.handed_in = False


def _info(link: JudgeLink, judge: Judge, competition: Competition) -> JudgeLinkInfo:
    return JudgeLinkInfo(
        judge.id, judge.name, competition.id, competition.name, link.secret, link.pin, link.handed_in
    )


def links_in(session: Session, competition_id: int) -> list[JudgeLinkInfo]:
    """The competition's judges' links, issuing those not yet made; in the panel's order."""
    competition = competition_row(session, competition_id)
    if competition.judging != Judging.RUBRIC:
        raise ValidationError(f"「{competition.name}」不是评委打分的项目，不用手机评分。")
    made = {
        link.judge_id: link
        for link in session.scalars(
            select(JudgeLink).join(Judge).where(Judge.competition_id == competition_id)
        )
    }
    found = []
    for judge in sorted(competition.judges, key=lambda j: (j.position, j.id)):
        link = made.get(judge.id)
        if link is None:
            link = JudgeLink(judge_id=judge.id)
            _fill_link(session, link)
            session.add(link)
            session.flush()
        found.append(_info(link, judge, competition))
    return found


def judge_links(db: Database, competition_id: int) -> list[JudgeLinkInfo]:
    """Every judge's link and PIN of a competition (made the first time they are asked for)."""
    with db.session() as session:
        return links_in(session, competition_id)


def reissue_link(db: Database, judge_id: int) -> JudgeLinkInfo:
    """A new secret and PIN for the judge: the old link stops working at once (a phone lost, a card
    left on a desk). The judge's scores stay."""
    with db.session() as session:
        judge = fetch(session, Judge, judge_id, "这位评委已不在评委组中。")
        link = session.scalar(select(JudgeLink).where(JudgeLink.judge_id == judge_id))
        if link is None:
            link = JudgeLink(judge_id=judge_id)
            session.add(link)
        _fill_link(session, link)
        session.flush()
        return _info(link, judge, competition_row(session, judge.competition_id))


def hand_in_sheet(db: Database, secret: str, competition_id: int | None = None) -> int:
    """提交并锁定 from the phone: the judge's sheet can no longer be changed from the phone. Returns
    the judge's id."""
    with db.session() as session:
        link, judge = open_link(session, secret, competition_id)
        link.handed_in = True
        return judge.id


def reopen_sheet(db: Database, judge_id: int) -> None:
    """Let a judge who pressed 提交并锁定 change their scores from the phone again (the operator only)."""
    with db.session() as session:
        link = session.scalar(select(JudgeLink).where(JudgeLink.judge_id == judge_id))
        if link is not None:
            link.handed_in = False


def open_link(session: Session, secret: str, competition_id: int | None = None) -> tuple[JudgeLink, Judge]:
    """The link a request's secret opens and its judge; LinkRefused when it opens nothing (or a judge
    of another competition than the one being scored). Found by the secret's hash and compared in
    constant time, so how long a wrong guess takes says nothing about the right one."""
    link = session.scalar(select(JudgeLink).where(JudgeLink.secret_hash == secret_hash(secret)))
    if link is None or not hmac.compare_digest(link.secret.encode(), secret.encode()):
        raise LinkRefused(REFUSED)
    judge = session.get(Judge, link.judge_id)
    if judge is None or (competition_id is not None and judge.competition_id != competition_id):
        raise LinkRefused(REFUSED)
    return link, judge


def secret_for_pin(db: Database, pin: str, competition_id: int | None = None) -> str:
    """The secret of the link a PIN stands for; LinkRefused when it stands for none."""
    with db.session() as session:
        link = session.scalar(select(JudgeLink).where(JudgeLink.pin == pin.strip()))
        if link is None:
            raise LinkRefused("没有这个评分码，请核对评分卡上的 6 位数字。")
        return open_link(session, link.secret, competition_id)[0].secret
