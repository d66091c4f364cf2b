"""What an import reads from a template and what it would do: plain records between the reader, the
import service and the CLI/GUI (issue 17)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from carthane_tcfd.domain.records import MitigationDraft
from carthane_tcfd.domain.taxonomy import Lang

MAX_LISTED_PROBLEMS = 50


@dataclass(frozen=True)
class SheetProblem:
    """One problem of a file, where it is: sheet, row and column (any may be unknown), and why."""

    zh: str
    en: str
    sheet: str = ""
    row: int | None = None
    column: str = ""  # Excel's letter
    header: str = ""  # the column's header as the file has it

    def message(self, lang: Lang) -> str:
        place: list[str] = []
        if lang == "zh":
            if self.sheet:
                place.append(f"工作表「{self.sheet}」")
            if self.row is not None:
                place.append(f"第 {self.row} 行")
            if self.column:
                place.append(f"{self.column} 列" + (f"（{self.header}）" if self.header else ""))
            return (" ".join(place) + "：" if place else "") + self.zh
        if self.sheet:
            place.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column:
            place.append(f"column {self.column}" + (f" ({self.header})" if self.header else ""))
        return (", ".join(place) + ": " if place else "") + self.en


def problem_lines(problems: list[SheetProblem] | tuple[SheetProblem, ...], lang: Lang) -> list[str]:
    """The problems as lines for the user: at most the first MAX_LISTED_PROBLEMS, then how many more."""
    lines = [p.message(lang) for p in problems[:MAX_LISTED_PROBLEMS]]
    rest = len(problems) - MAX_LISTED_PROBLEMS
    if rest > 0:
        lines.append(f"……另有 {rest} 个问题未列出" if lang == "zh" else f"… and {rest} more problems not listed")
    return lines


@dataclass(frozen=True)
class Place:
    """Where a field of a row sits in the file, to report a problem found later (by the domain rules)."""

    sheet: str
    row: int
    column: str
    header: str

    def problem(self, zh: str, en: str) -> SheetProblem:
        return SheetProblem(zh, en, self.sheet, self.row, self.column, self.header)


@dataclass(frozen=True)
class SheetLayout:
    """Where each field's column sits in one sheet of the file (the first column of a set-valued field)."""

    sheet: str
    columns: dict[str, tuple[str, str]]  # field -> (Excel letter, header as the file has it)

    def place(self, row: int, field: str) -> Place | None:
        spot = self.columns.get(field)
        return None if spot is None else Place(self.sheet, row, spot[0], spot[1])


@dataclass
class ItemRowIn:
    """An item as one row of the items sheet gives it. `values` holds every field of ITEM_FIELDS."""

    row: int
    code: str  # "" for a new item
    values: dict[str, Any]
    layout: SheetLayout

    def place(self, field: str) -> Place:
        """Where the row's field is; the row itself for a field without a column."""
        return self.layout.place(self.row, field) or Place(self.layout.sheet, self.row, "", "")


@dataclass
class ActionRowIn:
    """An action as one row of the actions sheet gives it."""

    row: int
    item_code: str
    number: int | None  # its number within the item in the template; None for a new action
    draft: MitigationDraft
    layout: SheetLayout

    def place(self, field: str) -> Place:
        return self.layout.place(self.row, field) or Place(self.layout.sheet, self.row, "", "")


@dataclass
class EffectRowIn:
    """An item's financial effects as one row of the effects sheet gives them: field -> value, the fields
    named as the sheet's columns (statement_lines a list of codes, anticipated.HORIZON.low_cny, ...)."""

    row: int
    item_code: str
    values: dict[str, Any]
    layout: SheetLayout

    def place(self, field: str) -> Place:
        return self.layout.place(self.row, field) or Place(self.layout.sheet, self.row, "", "")


@dataclass
class TemplateFile:
    """A template as read: identity, rows, and the problems found while reading it."""

    name: str
    year: int | None
    items: list[ItemRowIn] = field(default_factory=list)
    actions: list[ActionRowIn] = field(default_factory=list)
    effects: list[EffectRowIn] = field(default_factory=list)
    versions: dict[str, int] = field(default_factory=dict)  # item code -> its version when the file was made
    action_ids: dict[str, tuple[int, ...]] = field(default_factory=dict)  # item code -> action ids by number
    problems: list[SheetProblem] = field(default_factory=list)
    complete: bool = True  # every sheet and column was found: the rows can be compared with the register


@dataclass(frozen=True)
class FieldChange:
    field: str  # e.g. "owner", "actions[2].status"
    label: str  # the field as the user reads it
    old: str
    new: str


@dataclass(frozen=True)
class ItemChange:
    code: str
    title: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class NewItem:
    row: int
    category: str  # label
    title: str
    actions: int


@dataclass(frozen=True)
class ImportConflict:
    code: str
    title: str
    who: str
    when: dt.datetime
    changes: tuple[FieldChange, ...]

    def message(self, lang: Lang) -> str:
        stamp = self.when.strftime("%Y-%m-%d %H:%M")
        if lang == "zh":
            return f"{self.code} 在模板生成后已被 {self.who or '他人'} 于 {stamp} (UTC) 修改"
        return f"{self.code} was changed by {self.who or 'someone else'} at {stamp} UTC after the template was made"


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do (a dry run) or did."""

    file: str
    year: int
    new: tuple[NewItem, ...] = ()
    changed: tuple[ItemChange, ...] = ()
    unchanged: tuple[str, ...] = ()  # codes
    conflicts: tuple[ImportConflict, ...] = ()
    problems: tuple[SheetProblem, ...] = ()
    take_file_values: bool = False

    @property
    def blocked(self) -> bool:
        """Nothing may be written: a problem, or a conflict the user did not choose to override."""
        return bool(self.problems) or (bool(self.conflicts) and not self.take_file_values)

    def summary(self, lang: Lang) -> str:
        n, c, u, k = len(self.new), len(self.changed), len(self.unchanged), len(self.conflicts)
        if lang == "zh":
            return f"新增 {n} 项，更改 {c} 项，未变 {u} 项，冲突 {k} 项"
        return f"{n} new, {c} changed, {u} unchanged, {k} conflicts"
