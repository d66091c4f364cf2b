"""What an import reads from a template and what it would do: plain records between the reader, the
import service and the CLI/GUI (issue 17)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.effects import StatementLine
from carthane_tcfd.domain.metric_set import MetricSet
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemSnapshot, MitigationDraft, PeriodSnapshot
from carthane_tcfd.domain.scenarios import ScenarioSet
from carthane_tcfd.domain.taxonomy import Coded, Lang

MAX_LISTED_PROBLEMS = 50
SETS: dict[str, type[Coded]] = {f.name: f.vocabulary for f in ITEM_FIELDS if f.vocabulary is not None}
LISTS: dict[str, type[Coded]] = {**SETS, "statement_lines": StatementLine}  # shown as labels in the preview


def display(field_name: str, value: Any, lang: Lang) -> str:
    """A field's value as the preview shows it."""
    if value is None or value == "" or value == [] or value == ():
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "—"
    if field_name in LISTS:
        vocabulary = LISTS[field_name]
        return ("、" if lang == "zh" else ", ").join(vocabulary(v).label(lang) for v in value)
    if isinstance(value, Coded):
        return value.label(lang)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


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


@dataclass(frozen=True)
class TemplateSource:
    """What a template is made from: the register's identity, the period with its items, its scenario set
    with the grid, and its metric set with its version."""

    register_id: str
    period_id: int
    period: PeriodSnapshot
    items: tuple[ItemSnapshot, ...]
    scenarios: ScenarioSet
    metrics: MetricSet
    metrics_version: int


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
class RowIn:
    """A row of a sheet keyed by its first column (an item code, a metric's key): field -> value, the fields
    named as the sheet's columns (a set-valued field a list of codes, anticipated.HORIZON.low_cny, ...)."""

    row: int
    key: str
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
    effects: list[RowIn] = field(default_factory=list)  # an item's financial effects, by item code
    grid: list[RowIn] = field(default_factory=list)  # scenario assessments, by item code
    metrics: list[RowIn] = field(default_factory=list)  # by metric key
    targets: list[RowIn] = field(default_factory=list)  # by number ("" for a new target)
    register_id: str = ""  # the register the file was made from
    register: str = ""  # where that register was, as its maker saw it
    period_id: int | None = None
    versions: dict[str, int] = field(default_factory=dict)  # item code -> its version when the file was made
    action_ids: dict[str, tuple[int, ...]] = field(default_factory=dict)  # item code -> action ids by number
    # (item code, scenario id, horizon) -> the version of the stored cell when the file was made
    cell_versions: dict[tuple[str, int, str], int] = field(default_factory=dict)
    metrics_version: int | None = None  # the metric set's version when the file was made
    problems: list[SheetProblem] = field(default_factory=list)
    complete: bool = True  # every sheet and column was found: the rows can be compared with the register


@dataclass(frozen=True)
class FieldChange:
    field: str  # e.g. "owner", "actions[2].status"
    label: str  # the field as the user reads it
    old: str
    new: str


def field_changes(
    key: str,
    where: str,
    old: Any,
    new: Any,
    headers: dict[str, tuple[str, str]],
    lang: Lang,
    shown: Callable[[str, Any, Lang], str] = display,
) -> list[FieldChange]:
    """Each field (a key of `headers`, the column's header in both languages) that differs between two
    records, old → new, labelled "where · header"."""
    changes = []
    for name, (zh, en) in headers.items():
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            label = f"{where} · {zh if lang == 'zh' else en}"
            changes.append(FieldChange(f"{key}.{name}", label, shown(name, before, lang), shown(name, after, lang)))
    return changes


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
