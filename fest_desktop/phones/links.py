"""Each judge's private link (a long random secret) and short PIN, issued, reissued (revoked) and
found again from what a phone sends."""

from __future__ import annotations

import hmac
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.registration.competitions import competition_row
from fest_desktop.registration.kinds import Judging
from fest_desktop.scoring.judge_keys import PIN_DIGITS, SECRET_LENGTH, new_key, secret_hash
from fest_desktop.scoring.judges import judge_row
from fest_desktop.storage.database import Database, hold_write_lock
from fest_desktop.storage.model import Competition, Judge, JudgeLink
from fest_desktop.values import clean_text


@dataclass(frozen=True)
class Scope:
    """Whose links a phone server opens: the judges of one competition, or of every competition of one
    festival, so that a card of another year opens nothing. Scope() opens every link of the file (the
    core's own callers: tests, scripts)."""

    competition_id: int | None = None
    festival_id: int | None = None

    def opens(self, competition_id: int, festival_id: int) -> bool:
        return self.competition_id in (None, competition_id) and self.festival_id in (None, festival_id)


EVERY_LINK = Scope()


class LinkRefused(FestError):
    """A phone's link or PIN opens nothing: wrong, revoked, or of a competition not being scored."""


REFUSED = "这个评分链接无效或已作废，请向管理员要一张新的评分卡。"
SECRET = re.compile(r"[A-Za-z0-9_-]+")


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

    @property
    def pin_text(self) -> str:
        """The PIN as cards and screens print it, in two groups of four (typed with or without the space)."""
        return f"{self.pin[:4]} {self.pin[4:]}"

    def url(self, base: str) -> str:
        return base.rstrip("/") + self.path


def _info(link: JudgeLink, judge: Judge, competition: Competition) -> JudgeLinkInfo:
    return JudgeLinkInfo(
        judge.id, judge.name, competition.id, competition.name, link.secret, link.pin, link.handed_in
    )


def links_in(session: Session, competition_id: int) -> list[JudgeLinkInfo]:
    """The competition's judges' links, in the panel's order (each was issued with its judge)."""
    competition = competition_row(session, competition_id)
    if competition.judging != Judging.RUBRIC:
        raise ValidationError(f"「{competition.name}」不是评委打分的项目，不用手机评分。")
    rows = session.execute(
        select(JudgeLink, Judge)
        .join(Judge, Judge.id == JudgeLink.judge_id)
        .where(Judge.competition_id == competition_id)
        .order_by(Judge.position, Judge.id)
    )
    return [_info(link, judge, competition) for link, judge in rows]


def judge_links(db: Database, competition_id: int) -> list[JudgeLinkInfo]:
    """Every judge's link and PIN of a competition."""
    with db.session() as session:
        return links_in(session, competition_id)


def reissue_link(db: Database, judge_id: int) -> Done[JudgeLinkInfo]:
    """A new secret and PIN for the judge: the old link stops working at once (a phone lost, a card
    left on a desk). The judge's scores stay, and so does a sheet handed in (提交并锁定)."""
    with db.session() as session:
        judge = judge_row(session, judge_id)
        link = session.scalar(select(JudgeLink).where(JudgeLink.judge_id == judge_id))
        if link is None:
            link = JudgeLink(judge_id=judge_id, handed_in=False)
            session.add(link)
        new_key(session, link)
        session.flush()
        return Done(_info(link, judge, competition_row(session, judge.competition_id)), Changed.PHONES)


def hand_in_sheet(db: Database, secret: str, scope: Scope = EVERY_LINK) -> Done[int]:
    """提交并锁定 from the phone: the judge's sheet can no longer be changed from the phone. Returns
    the judge's id."""
    with db.session() as session:
        hold_write_lock(session)
        link, judge = open_link(session, secret, scope)
        link.handed_in = True
        return Done(judge.id, Changed.PHONES)


def reopen_sheet(db: Database, judge_id: int) -> Done[None]:
    """Let a judge who pressed 提交并锁定 change their scores from the phone again (the operator only)."""
    with db.session() as session:
        link = session.scalar(select(JudgeLink).where(JudgeLink.judge_id == judge_id))
        if link is not None:
            link.handed_in = False
    return Done(None, Changed.PHONES)


def well_formed(secret: str) -> bool:
    """Whether a link's secret could be one this program made: anything else is refused unread."""
    return len(secret) == SECRET_LENGTH and SECRET.fullmatch(secret) is not None


def opened_links(
    session: Session, secrets_sent: Iterable[str], scope: Scope = EVERY_LINK
) -> dict[str, tuple[JudgeLink, Judge]]:
    """The links those secrets open, with their judges, by secret (one that opens nothing is left out):
    found by the secret's hash and compared in constant time, so how long a wrong guess takes says
    nothing about the right one. Read with a share lock on the link rows (PostgreSQL), so a link read
    for a write cannot be revoked or handed in before that write commits."""
    wanted = {secret_hash(secret): secret for secret in secrets_sent if well_formed(secret)}
    if not wanted:
        return {}
    rows = session.execute(
        select(JudgeLink, Judge, Competition.festival_id)
        .join(Judge, Judge.id == JudgeLink.judge_id)
        .join(Competition, Competition.id == Judge.competition_id)
        .where(JudgeLink.secret_hash.in_(wanted))
        .with_for_update(read=True, of=JudgeLink)
    ).all()
    opened = {}
    for link, judge, festival_id in rows:
        secret = wanted[link.secret_hash]
        if hmac.compare_digest(link.secret.encode(), secret.encode()) and scope.opens(
            judge.competition_id, festival_id
        ):
            opened[secret] = (link, judge)
    return opened


def open_link(session: Session, secret: str, scope: Scope = EVERY_LINK) -> tuple[JudgeLink, Judge]:
    """The link a request's secret opens and its judge; LinkRefused when it opens nothing (or a judge
    outside the scope being scored)."""
    found = opened_links(session, [secret], scope).get(secret)
    if found is None:
        raise LinkRefused(REFUSED)
    return found


def typed_pin(text: str) -> str:
    """A PIN as typed: spaces and dashes between its groups of digits left out, full-width folded."""
    return re.sub(r"[\s\-－]", "", clean_text(text))


def secret_for_pin(db: Database, pin: str, scope: Scope = EVERY_LINK) -> str:
    """The secret of the link a PIN stands for; LinkRefused when it stands for none."""
    typed = typed_pin(pin)
    with db.session() as session:
        link = None
        if len(typed) == PIN_DIGITS and typed.isascii() and typed.isdigit():
            link = session.scalar(select(JudgeLink).where(JudgeLink.pin == typed))
        if link is None:
            raise LinkRefused(f"没有这个评分码，请核对评分卡上的 {PIN_DIGITS} 位数字。")
        return open_link(session, link.secret, scope)[0].secret
