"""Keeping the projector's screen on while the board is shown: nobody touches the PC during a
ceremony, and Windows would blank the screen or lock it half-way through."""

from __future__ import annotations

import sys
from collections.abc import Callable

# SetThreadExecutionState flags (winbase.h).
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


def _windows_execution_state() -> Callable[[int], int] | None:
    if sys.platform != "win32":
        return None
    import ctypes

    function: Callable[[int], int] = ctypes.windll.kernel32.SetThreadExecutionState  # type: ignore[attr-defined, unused-ignore]
    return function


class ScreenKeptOn:
    """Asks the system to keep the display on and the PC awake until released. On Windows through
    SetThreadExecutionState (from the window's thread, which the board lives on); elsewhere it does
    nothing: a Linux projector PC is set up not to blank by its owner."""

    def __init__(self, set_state: Callable[[int], int] | None = None) -> None:
        self._set_state = set_state if set_state is not None else _windows_execution_state()
        self.held = False

    def hold(self) -> None:
        if self._set_state is not None and not self.held:
            self._set_state(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)
        self.held = True

    def release(self) -> None:
        if self._set_state is not None and self.held:
            self._set_state(ES_CONTINUOUS)
        self.held = False
