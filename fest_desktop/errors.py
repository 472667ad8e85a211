"""Expected failures of the core, each carrying a message a teacher can act on."""

from __future__ import annotations


class FestError(Exception):
    """An expected failure whose message (in Chinese) is shown to the user as it is."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class DatabaseOpenError(FestError):
    """The festival file cannot be opened: not a database, too new, read-only, locked."""


class DatabaseDamagedError(DatabaseOpenError):
    """The festival file exists but its integrity check fails: offer the latest good backup."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class ValidationError(FestError):
    """A value the user entered breaks a rule (empty name, end before start, duplicate)."""


class NotFoundError(FestError):
    """The record the user acted on no longer exists (deleted in another window)."""
