"""The vocabulary of phone scoring: what became of a submission, and which value the operator keeps
when a phone's differs from the desk's."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """What became of a phone's submission, as stored beside its id."""

    STORED = "stored"
    CONFLICT = "conflict"  # at least one value differs from the desk's and waits for the operator


class Keep(StrEnum):
    """The operator's choice for a phone's value that differs from the desk's."""

    DESK = "desk"
    PHONE = "phone"

    @property
    def label(self) -> str:
        return {Keep.DESK: "保留电脑上的", Keep.PHONE: "用手机上的"}[self]
