"""Expected failures: each carries a clear message in both languages and is shown without a traceback."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from carthane_tcfd.domain.taxonomy import Lang

if TYPE_CHECKING:  # at run time errors need no validation (nor the records it imports): start-up stays light
    from carthane_tcfd.domain.validation import Problem


class UserError(Exception):
    """A failure the user can understand and act on."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def message(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class NotFound(UserError):
    pass


class ValidationFailed(UserError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            "；".join(p.zh for p in problems),
            "; ".join(p.en for p in problems),
        )


class ConflictError(UserError):
    """Someone else saved the record first; nothing was written."""

    def __init__(self, what: str, who: str, when: dt.datetime | None) -> None:
        self.who = who
        self.when = when
        stamp = when.strftime("%Y-%m-%d %H:%M") if when else "?"
        super().__init__(
            f"{what} 已被 {who or '他人'} 于 {stamp} (UTC) 修改；您的更改未保存，请重新载入后再试。",
            f"{what} was changed by {who or 'someone else'} at {stamp} UTC; your change was not saved. "
            "Reload it and try again.",
        )


class PeriodLocked(UserError):
    def __init__(self, year: int) -> None:
        super().__init__(
            f"{year} 年度已批准，为只读；如需修改请先重新开启该年度。",
            f"The {year} period is approved and read-only; reopen it to make changes.",
        )


class DatabaseError(UserError):
    """The database cannot be opened, reached, or is of a schema this version cannot use."""


class UnfinishedRegister(DatabaseError):
    """A register of this program whose creation was interrupted (an earlier version built it in place):
    it can be set aside and built again."""


class Cancelled(Exception):
    """The user cancelled long work (an export, reading a template); whatever it was writing has been
    removed, and nothing was changed."""
