"""How many wrong PINs the phone server checks: per address and overall, each guess counted before
it is checked."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """At most `allowed` wrong guesses within `window` seconds."""

    allowed: int
    window: float


# A PIN has scoring.judge_keys.PIN_DIGITS = 8 digits: 10^8 possibilities. Wherever they come from (any number of
# addresses), at most PIN_OVERALL.allowed = 20 wrong PINs an hour reach the check, so at most
# G = 24 × 20 = 480 a day. With P judges' PINs that the server opens (one competition's judges, or one
# festival's: links.Scope), each checked guess hits one of them with a chance of at most P / (10^8 − 480),
# so the chance that any guess of a day hits any PIN is at most 480 × P / 10^8 ≈ 4.8 × 10^-6 × P: below
# 1/1000 for up to 208 judges (a school's festival has a few dozen).
# Per address, 5 tries in 5 minutes keep one phone's typos from using up everyone's budget. When the
# budget is spent the PIN form waits; the QR code on the card (the link's long secret) is never limited.
PIN_PER_ADDRESS = Limit(5, 300.0)
PIN_OVERALL = Limit(20, 3600.0)


@dataclass(frozen=True)
class Guess:
    """A guess admitted for checking, counted as wrong until it proves right."""

    address: str
    at: float


class GuessLimiter:
    """Wrong PINs, per address and overall. A guess is counted before it is checked (admit), and the
    count given back only when it was right (right): guesses that arrive together are each counted
    first, so a burst from one phone gets no more checks than the limit."""

    def __init__(
        self,
        per_address: Limit = PIN_PER_ADDRESS,
        overall: Limit = PIN_OVERALL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_address = per_address
        self.overall = overall
        self.clock = clock
        self._by_address: dict[str, deque[float]] = {}
        self._everyone: deque[float] = deque()
        self._lock = threading.Lock()

    @staticmethod
    def _forget(times: deque[float], limit: Limit, now: float) -> None:
        while times and times[0] <= now - limit.window:
            times.popleft()

    def admit(self, address: str) -> Guess | float:
        """The guess, counted, when it may be checked now; else the seconds until one may."""
        with self._lock:
            now = self.clock()
            mine = self._by_address.get(address, deque())
            self._forget(mine, self.per_address, now)
            self._forget(self._everyone, self.overall, now)
            if len(mine) >= self.per_address.allowed:
                return max(1.0, mine[0] + self.per_address.window - now)
            if len(self._everyone) >= self.overall.allowed:
                return max(1.0, self._everyone[0] + self.overall.window - now)
            mine.append(now)
            self._everyone.append(now)
            self._by_address[address] = mine
            for other in [a for a, times in self._by_address.items() if not times]:
                del self._by_address[other]
            return Guess(address, now)

    def right(self, guess: Guess) -> None:
        """The guess opened a link (or was never checked): it does not count."""
        with self._lock:
            for times in (self._by_address.get(guess.address, deque()), self._everyone):
                with contextlib.suppress(ValueError):
                    times.remove(guess.at)
