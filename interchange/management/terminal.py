"""The progress bar the interchange commands draw on a terminal (tqdm), the same for all of them.

A bar is drawn on stderr only when it is a terminal, at verbosity 1 or more, and without
`--no-progress`: redirected output (a log, CI) never gets control characters, and stdout keeps
only what the command prints. It is redrawn in place at most every `interval` seconds: the
command's loop tests the clock itself (`clock() - last_drawn >= interval`) and calls `draw`
only then, so there is no call into tqdm per record. Each command says what its bar counts
(`position`, the bar's fraction) and what it shows beside it (`postfix`).
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from collections.abc import Callable
from typing import Any, ClassVar, TextIO, cast

from django.core.management.base import BaseCommand
from tqdm import tqdm


def add_progress_argument(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="No progress bar (it is shown only when stderr is a terminal anyway).",
    )


def terminal(command: BaseCommand, options: dict[str, Any]) -> TextIO | None:
    """The stream to draw a bar on, or None when no bar is wanted."""
    if options["no_progress"] or options["verbosity"] < 1 or not command.stderr.isatty():
        return None
    # The wrapped stream itself: OutputWrapper.write would end each redraw with "\n".
    return cast(TextIO, command.stderr._out)


class TerminalBar:
    """A tqdm bar of `total` on `out`, redrawn by `draw` with the figures of `position` and
    `postfix`; `finish` draws it full and ends its line."""

    FORMAT: ClassVar[str] = "{l_bar}{bar}| {n_fmt}/{total_fmt}{postfix}"

    def __init__(
        self,
        out: TextIO,
        total: int,
        *,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
        **tqdm_options: Any,
    ) -> None:
        self.total = max(total, 1)
        self.interval = interval
        self.clock = clock
        self.started = self.last_drawn = clock()
        self.bar = tqdm(
            total=self.total,
            file=out,
            bar_format=self.FORMAT,
            dynamic_ncols=True,
            leave=True,
            **tqdm_options,
        )

    def position(self) -> int:
        """How far along the bar is, of `total`."""
        raise NotImplementedError

    def postfix(self, seconds: float) -> str:
        """The figures beside the bar, `seconds` after it started."""
        raise NotImplementedError

    def draw(self, position: int | None = None) -> None:
        now = self.clock()
        self.last_drawn = now
        self.bar.set_postfix_str(self.postfix(now - self.started), False)
        self.bar.n = self.position() if position is None else position
        self.bar.refresh()

    def finish(self) -> None:
        """Draw the full bar and end its line, so what follows starts on a line of its own."""
        self.draw(self.total)
        self.bar.close()


def rate(count: int, seconds: float) -> str:
    """`count` a second, as a bar shows it."""
    return f"{count / max(seconds, 1e-9):,.0f}/s"
