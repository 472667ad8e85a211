"""Pinyin initials of Chinese names, so that typing zzh finds 张子涵 (pypinyin does the reading)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def initial_letters(text: str) -> tuple[frozenset[str], ...]:
    """For each character, every initial letter it may be read with (曾 → c or z); a run of non-Han
    characters counts as one, by its first letter."""
    from pypinyin import Style, pinyin

    readings = pinyin(text, style=Style.FIRST_LETTER, heteronym=True, errors="default")
    return tuple(frozenset(reading.lower()[:1] for reading in options if reading) for options in readings)


def matches_initials(query: str, text: str) -> bool:
    """Whether query (letters, any case) spells the start of text's pinyin initials: zzh, zz or z."""
    wanted = query.strip().lower()
    if not wanted or not wanted.isascii() or not wanted.isalpha():
        return False
    letters = initial_letters(text)
    return len(wanted) <= len(letters) and all(
        c in options for c, options in zip(wanted, letters, strict=False)
    )


def suggest_prefix(name: str, taken: set[str]) -> str:
    """An entry-number prefix from a competition's name: 科普板报 → KP, made unique against taken."""
    initials = "".join(sorted(options)[0] for options in initial_letters(name) if options).upper()
    base = "".join(ch for ch in initials if ch.isascii() and ch.isalpha())[:2] or "ZP"
    prefix, suffix = base, 2
    while prefix in taken:
        prefix, suffix = f"{base}{suffix}", suffix + 1
    return prefix
