"""Expected failures: each carries a clear message in both languages and is shown without a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from carthane_tcfd.domain.taxonomy import Lang

if TYPE_CHECKING:  # at run time errors need no validation (nor the records it imports): start-up stays light
    import datetime as dt

    from carthane_tcfd.domain.validation import Problem


class UserError(Exception):
    """A failure the user can understand and act on. Each message is in one language: `message(lang)` is
    what the user reads; `str(error)` is the English text, for the log."""

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


Named = str | tuple[str, str]  # what a message is about: a code (either language), or its (zh, en) names


def _names(what: Named) -> tuple[str, str]:
    return what if isinstance(what, tuple) else (what, what)


class ConflictError(UserError):
    """Someone else saved the record first; nothing was written. Names who and when (UTC) where the record
    says so."""

    def __init__(self, what: Named, who: str, when: dt.datetime | None) -> None:
        self.who = who
        self.when = when
        zh, en = _names(what)
        stamp = when.strftime("%Y-%m-%d %H:%M") if when else None
        at_zh = f"于 {stamp} (UTC) " if stamp else ""
        super().__init__(
            f"{zh} 已被 {who or '他人'} {at_zh}修改；您的更改未保存，请重新载入后再试。",
            f"{en} was changed by {who or 'someone else'}{f' at {stamp} UTC' if stamp else ''}; your change was not "
            "saved. Reload it and try again.",
        )


class DuplicateError(UserError):
    """A change would store a second record where the database allows one (the same code twice in a period,
    the same year twice...); nothing was written. Not a conflict: nobody else's edit is involved."""

    def __init__(self, what: Named, key: Named, value: str = "") -> None:
        self.key = key
        self.value = value
        (what_zh, what_en), (key_zh, key_en) = _names(what), _names(key)
        same_zh = f"{key_zh}为 {value} " if value else f"{key_zh}相同"
        same_en = f"{key_en.lower()} {value}" if value else f"the same {key_en.lower()}"
        super().__init__(
            f"已存在{same_zh}的{what_zh}；{key_zh}不能重复，未保存任何内容。",
            f"{what_en} with {same_en} exists already; the {key_en.lower()} must be unique. Nothing was saved.",
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
