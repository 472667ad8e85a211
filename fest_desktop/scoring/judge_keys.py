"""Each judge's key to scoring from a phone, given when the judge joins a panel: the secret of the
private link (stored with its hash, by which a request finds it) and the short PIN for typing the
address by hand."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.storage.model import Judge, JudgeLink

# Eight digits: with the server's budget of wrong PINs (phones.limits.PIN_OVERALL) the chance that any
# guess over a day hits any judge's PIN stays below 1 in 1,000 (the arithmetic is there).
PIN_DIGITS = 8
SECRET_BYTES = 24
SECRET_LENGTH = 32  # characters of SECRET_BYTES in URL-safe base64


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _pin(taken: set[str]) -> str:
    while True:
        pin = "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))
        if pin not in taken:
            taken.add(pin)
            return pin


def new_key(session: Session, link: JudgeLink) -> None:
    """A new secret and PIN for the link; whether the sheet was handed in stays as it was (a revoked
    card does not reopen a sheet)."""
    _fill(link, set(session.scalars(select(JudgeLink.pin))))


def _fill(link: JudgeLink, taken: set[str]) -> None:
    link.secret = secrets.token_urlsafe(SECRET_BYTES)
    link.secret_hash = secret_hash(link.secret)
    link.pin = _pin(taken)
    link.created_at = dt.datetime.now().replace(microsecond=0)


def issue_keys(session: Session, judges: Iterable[Judge]) -> None:
    """Give each new judge of a panel its link and PIN, in the transaction that adds the judge, so a
    list of the links only reads."""
    judges = list(judges)
    if not judges:
        return
    session.flush()  # the judges' ids
    taken = set(session.scalars(select(JudgeLink.pin)))
    for judge in judges:
        link = JudgeLink(judge_id=judge.id, handed_in=False)
        _fill(link, taken)
        session.add(link)
    session.flush()
