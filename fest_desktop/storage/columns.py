"""Column types for the core's typed values: a vocabulary's members, and values that spell themselves as
text (an award list's key, an activity's audience), so rows read back typed and nothing above the
storage builds or splits the stored strings."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from sqlalchemy import Enum, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class Spelled(TypeDecorator[Any]):
    """A typed value of the core (an award list's key, an event's audience) in a text column, stored as
    it spells itself and read back through its parser, so nothing above the storage builds or splits
    the text; a stored text the parser refuses raises (a damaged row, not a value to guess)."""

    impl: TypeEngine[Any] | type[TypeEngine[Any]] = String
    cache_ok = True

    def __init__(
        self, parse: Callable[[str], Any], spell: Callable[[Any], str], column: TypeEngine[str]
    ) -> None:
        super().__init__()
        # The column's own type as the implementation, so schema comparisons (the migrations' test on
        # PostgreSQL) see TEXT where the column is TEXT, not the class's generic String.
        self.impl = column
        self.parse = parse
        self.spell = spell

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.spell(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return None if value is None else self.parse(value)


def vocabulary(kind: type[StrEnum], length: int) -> Enum:
    """A column holding one of a vocabulary's members: stored as its value in a VARCHAR of that length
    (the strings files have always held, with no CHECK constraint, so older files need no migration),
    read back as the member, and a string outside the vocabulary refused before it is written."""
    return Enum(
        kind,
        native_enum=False,
        create_constraint=False,
        validate_strings=True,
        length=length,
        values_callable=lambda members: [member.value for member in members],
    )
