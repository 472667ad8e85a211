"""Entry numbers (XZ-0012): a competition's counter only grows, so no number is ever given twice."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.storage.model import Competition, Entry


def claim_entry_code(competition: Competition, taken: set[str]) -> str:
    """The competition's next entry number (XZ-0012) not in taken, which it joins: the counter only
    grows, so no number is reused, and a prefix given back to another competition skips old numbers."""
    return claim_entry_codes(competition, taken, 1)[0]


def claim_entry_codes(competition: Competition, taken: set[str], count: int) -> list[str]:
    """claim_entry_code count times, the counter read and written once (an import numbers thousands)."""
    prefix, number, codes = competition.code_prefix, competition.next_number, []
    for _ in range(count):
        while f"{prefix}-{number:04d}" in taken:
            number += 1
        codes.append(f"{prefix}-{number:04d}")
        taken.add(codes[-1])
        number += 1
    competition.next_number = number
    return codes


def next_entry_code(session: Session, competition: Competition) -> str:
    """claim_entry_code against the numbers the festival already holds with this prefix."""
    taken = set(
        session.scalars(
            select(Entry.code).where(
                Entry.festival_id == competition.festival_id,
                Entry.code.startswith(f"{competition.code_prefix}-"),
            )
        )
    )
    return claim_entry_code(competition, taken)
