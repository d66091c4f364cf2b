"""Import of a filled department template (issue 17): a dry run that says what would change, and the
same plan applied in one transaction with its audit entries ("import from FILE"), or nothing.

Rows with a code update their item, if the item's version is still the one the template was made from
(else a conflict naming who changed it and when, unless the user takes the file's values); rows without
a code create items; actions update by their number, or are added; nothing the file omits is deleted.
Every problem is located by sheet, row and column; any problem, or an approved period, refuses the whole
import."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from carthane_tcfd.domain.effects import AnticipatedEffect, FinancialEffects
from carthane_tcfd.domain.effects_validation import validate_effects
from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.imports import (
    SETS,
    ActionRowIn,
    FieldChange,
    ImportConflict,
    ImportPlan,
    ItemChange,
    ItemRowIn,
    NewItem,
    Place,
    RowIn,
    SheetProblem,
    TemplateFile,
    TemplateSource,
    display,
)
from carthane_tcfd.domain.item_fields import Shape
from carthane_tcfd.domain.metric_set import MetricSet
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemDraft, ItemSnapshot, MitigationSnapshot
from carthane_tcfd.domain.taxonomy import Category, Horizon, Lang, code_sort_key
from carthane_tcfd.domain.template_layout import ACTION_FIELDS, EFFECT_COLUMNS, ITEM_COLUMN_FIELDS
from carthane_tcfd.domain.validation import FIELD_LABELS, Problem, validate_item
from carthane_tcfd.services.context import ServiceContext, editable, period_by_year
from carthane_tcfd.services.convert import period_snapshot
from carthane_tcfd.services.import_grid import CellWork, GridSheet, ItemCells, reason_of, write_cells
from carthane_tcfd.services.import_metrics import MetricsSheet
from carthane_tcfd.services.items import ItemService
from carthane_tcfd.services.metrics import write_metrics
from carthane_tcfd.services.periods import _period_or_latest
from carthane_tcfd.services.queries import period_items
from carthane_tcfd.services.scenarios import scenario_set
from carthane_tcfd.store.metric_records import read_metric_set
from carthane_tcfd.store.models import Item, Period, utcnow

DECLARED = {spec.name: spec for spec in ITEM_FIELDS}
# the effects sheet's fields, as the preview names them: the header of their (first) column
EFFECT_LABELS: dict[str, tuple[str, str]] = {
    c.field: (c.zh.split("：")[0], c.en.split(": ")[0]) for c in EFFECT_COLUMNS if c.field != "item_code"
}
TEXT_FIELDS = frozenset(f.name for f in ITEM_FIELDS if f.shape is Shape.TEXT)


class ImportRefused(UserError):
    """The import wrote nothing: the plan has problems, or conflicts the user did not override."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        count = len(plan.problems) or len(plan.conflicts)
        super().__init__(
            f"{plan.file}：发现 {count} 个问题，未导入任何内容。登记册未改动。",
            f"{plan.file}: {count} problem(s) found; nothing was imported. The register is unchanged.",
        )


def _label(field_name: str, lang: Lang) -> str:
    pair = FIELD_LABELS.get(field_name, (field_name, field_name))
    return pair[0] if lang == "zh" else pair[1]


@dataclass
class _Work:
    """What the plan will write: new drafts, and drafts over existing items (by id)."""

    new: list[ItemDraft] = field(default_factory=list)
    updates: dict[int, ItemDraft] = field(default_factory=dict)
    cells: list[CellWork] = field(default_factory=list)  # of the scenario grid
    metrics: MetricSet | None = None


@dataclass
class _Planner:
    template: TemplateFile
    year: int
    matrix_size: int
    current: dict[str, ItemSnapshot]
    lang: Lang
    take_file_values: bool
    problems: list[SheetProblem] = field(default_factory=list)
    grid: GridSheet | None = None
    metrics: MetricsSheet | None = None
    new: list[NewItem] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[ImportConflict] = field(default_factory=list)
    work: _Work = field(default_factory=_Work)
    _titles: dict[str, str] | None = None

    @functools.cached_property
    def spots(self) -> set[tuple[str, int | None, str]]:
        """The cells the reader already reported."""
        return {(p.sheet, p.row, p.column) for p in self.template.problems}

    @property
    def titles(self) -> dict[str, str]:
        """Existing titles -> their codes: a new row with one of them is most likely imported twice."""
        if self._titles is None:
            self._titles = {i.title.strip(): i.code for i in self.current.values()}
        return self._titles

    def run(self) -> None:
        actions: dict[str, list[ActionRowIn]] = {}
        in_sheet = {row.code for row in self.template.items if row.code}
        for action in self.template.actions:
            if action.item_code not in in_sheet:
                place = action.place("item_code")
                self.problems.append(
                    place.problem(
                        f"条目 {action.item_code} 不在条目工作表中",
                        f"the item {action.item_code} is not in the items sheet",
                    )
                )
                continue
            actions.setdefault(action.item_code, []).append(action)
        effects: dict[str, RowIn] = {}
        for effect in self.template.effects:
            if effect.key not in in_sheet:
                self.problems.append(
                    effect.place("item_code").problem(
                        f"条目 {effect.key} 不在条目工作表中",
                        f"the item {effect.key} is not in the items sheet",
                    )
                )
                continue
            effects[effect.key] = effect
        if self.grid is not None:
            self.grid.resolve(in_sheet, self.spots)
            self.problems.extend(self.grid.problems)
            self.grid.problems = []
        for row in self.template.items:
            if row.code:
                self._existing(row, actions.get(row.code, []), effects.get(row.code))
            else:
                self._new(row)
        if self.grid is not None:
            self.problems.extend(self.grid.problems)
        if self.metrics is not None:
            self._metrics(self.metrics)

    def _metrics(self, sheet: MetricsSheet) -> None:
        found = sheet.plan(self.spots)
        self.problems.extend(found.problems)
        if found.metrics is None:
            return
        code, title = sheet.title()
        if found.stale is not None:
            who, when = found.stale
            self.conflicts.append(ImportConflict(code, title, who, when or utcnow(), tuple(found.changes)))
            if not self.take_file_values:
                return
        self.changed.append(ItemChange(code, title, tuple(found.changes)))
        self.work.metrics = found.metrics

    # ---- rows ------------------------------------------------------------------------------------
    def _new(self, row: ItemRowIn) -> None:
        category = row.values.get("category")
        if not isinstance(category, Category):
            if category is None and "category" not in self._problem_fields(row):
                self.problems.append(row.place("category").problem("新条目须选择类别", "a new item needs a category"))
            return
        draft = ItemDraft(category=category, title="")
        self._fill(draft, row, None)
        same = self.titles.get(draft.title.strip())
        if same is not None and draft.title.strip():
            self.problems.append(
                row.place("title").problem(
                    f"已有同名条目 {same}：更新它请填写编号；若确为新条目请改用其他名称",
                    f"the item {same} has this title already: give its code to update it, or another title",
                )
            )
            return
        if self._validated(draft, row, [], None):
            self.work.new.append(draft)
            self.new.append(NewItem(row.row, category.label(self.lang), draft.title, len(draft.mitigations)))

    def _existing(self, row: ItemRowIn, actions: list[ActionRowIn], effects: RowIn | None) -> None:
        item = self.current.get(row.code)
        category_place = row.place("category")
        if item is None:
            self.problems.append(
                row.place("code").problem(
                    f"{self.year} 年度没有编号为 {row.code} 的条目（新条目请将编号留空）",
                    f"there is no item {row.code} in {self.year} (leave the code blank for a new item)",
                )
            )
            return
        if row.code not in self.template.versions:
            self.problems.append(
                row.place("code").problem(
                    f"{row.code} 不在模板生成时的条目之中；请导出新的模板",
                    f"{row.code} was not among the template's items when it was made; export a new template",
                )
            )
            return
        category = row.values.get("category")
        if isinstance(category, Category) and category.code_prefix != row.code.split("-")[0]:
            self.problems.append(
                category_place.problem(
                    "不能在物理风险、转型风险与机遇之间更改类别（编号保持不变）",
                    "cannot move between physical risk, transition risk and opportunity (the code stays stable)",
                )
            )
            return
        draft = item.to_draft()
        self._fill(draft, row, item)
        action_rows = self._merge_actions(draft, row.code, actions)
        if action_rows is None:
            return
        if effects is not None:
            draft.effects = self._merged_effects(draft.effects, effects)
        changes = self._changes(item, draft)
        cells = self.grid.cells(row.code, item.id, draft.horizons, self.spots) if self.grid else ItemCells()
        if not changes and not cells.changes:  # the register's own values: valid already
            if cells.ok:
                self.unchanged.append(row.code)
            return
        if (changes and not self._validated(draft, row, action_rows, effects)) or not cells.ok:
            return
        stale = (
            [(item.updated_by, item.updated_at)] if changes and self.template.versions[row.code] != item.version else []
        )
        stale += cells.stale
        everything = changes + tuple(cells.changes)
        if stale:
            who, when = max(stale, key=lambda s: s[1])
            self.conflicts.append(ImportConflict(row.code, item.display_title(self.lang), who, when, everything))
            if not self.take_file_values:
                return
        title = draft.title_en if self.lang == "en" and draft.title_en else draft.title
        self.changed.append(ItemChange(row.code, title, everything))
        if changes:
            self.work.updates[item.id] = draft
        self.work.cells.extend(cells.work)

    def _problem_fields(self, row: ItemRowIn | RowIn) -> set[str]:
        """The fields of the row whose cells were already reported by the reader."""
        spots = self.spots
        if not spots:
            return set()
        layout = row.layout
        return {f for f, (letter, _h) in layout.columns.items() if (layout.sheet, row.row, letter) in spots}

    def _merged_effects(self, old: FinancialEffects, row: RowIn) -> FinancialEffects:
        """The row's financial effects over the item's; what the row leaves as it was keeps its form."""
        unreadable = self._problem_fields(row)

        def value(name: str, current: Any) -> Any:
            new = current if name in unreadable else row.values.get(name, current)
            if isinstance(current, str) and isinstance(new, str) and current.strip() == new:
                return current  # only surrounding spaces lost
            if isinstance(current, tuple) and set(current) == set(new):
                return current  # the same choices, in the order the user entered them
            return new

        anticipated: list[AnticipatedEffect] = []
        order = [a.horizon for a in old.anticipated] + [h.value for h in Horizon]
        for horizon in dict.fromkeys(order):
            was = old.for_horizon(horizon) or AnticipatedEffect(horizon)
            effect = AnticipatedEffect(
                horizon,
                value(f"anticipated.{horizon}.low_cny", was.low_cny),
                value(f"anticipated.{horizon}.high_cny", was.high_cny),
                value(f"anticipated.{horizon}.basis", was.basis) or "",
            )
            if effect.quantified or effect.basis:
                anticipated.append(effect)
        reason = value("reason", old.reason)
        return FinancialEffects(
            current_narrative=value("current_narrative", old.current_narrative) or "",
            current_cny=value("current_cny", old.current_cny),
            anticipated=tuple(anticipated),
            statement_lines=tuple(value("statement_lines", old.statement_lines)),
            material_adjustment=bool(value("material_adjustment", old.material_adjustment)),
            reason=reason,
            reason_text=value("reason_text", old.reason_text) or "",
            reason_from_seed=old.reason_from_seed and reason == old.reason,
        )

    def _fill(self, draft: ItemDraft, row: ItemRowIn, item: ItemSnapshot | None) -> None:
        """The row's values over the draft; a value the reader could not read keeps the draft's."""
        unreadable = self._problem_fields(row)
        for name in ITEM_COLUMN_FIELDS:
            if name not in row.values or name in unreadable:
                continue
            value = row.values[name]
            if name == "category" and value is None:
                continue
            old = getattr(draft, name)
            if name in SETS and item is not None and set(value) == set(old):
                continue  # the same choices: keep the order the user entered them in
            if name in TEXT_FIELDS and isinstance(old, str) and old.strip() == value:
                continue  # the cell lost only surrounding spaces
            setattr(draft, name, value if value is not None or name not in TEXT_FIELDS else "")

    def _merge_actions(self, draft: ItemDraft, code: str, rows: list[ActionRowIn]) -> list[ActionRowIn | None] | None:
        """The file's actions over the draft's mitigations: by number, or added at the end. The action row of
        each mitigation (None for one the file does not mention), or None when a number is unknown."""
        ids = self.template.action_ids.get(code, ())
        by_id = {m.id: index for index, m in enumerate(draft.mitigations)}
        sources: list[ActionRowIn | None] = [None] * len(draft.mitigations)
        ok = True
        for action in rows:
            if action.number is None:
                draft.mitigations.append(dataclasses.replace(action.draft, id=None))
                sources.append(action)
                continue
            mitigation_id = ids[action.number - 1] if 0 < action.number <= len(ids) else None
            place = action.place("number")
            if mitigation_id is None:
                self.problems.append(
                    place.problem(
                        f"{code} 在模板中没有第 {action.number} 项措施（新措施请将序号留空）",
                        f"{code} had no action {action.number} in the template (leave No. blank for a new action)",
                    )
                )
                ok = False
                continue
            index = by_id.get(mitigation_id)
            if index is None:
                self.problems.append(
                    place.problem(
                        f"{code} 的第 {action.number} 项措施已从登记册中删除",
                        f"action {action.number} of {code} has been removed from the register since",
                    )
                )
                ok = False
                continue
            old = draft.mitigations[index]
            new = action.draft
            sources[index] = action
            if all(getattr(old, name) == getattr(new, name) for name in ACTION_FIELDS):
                continue  # as the register holds it (most rows of a returned template)
            for name in ("description", "description_en"):
                if getattr(old, name).strip() == getattr(new, name):  # only surrounding spaces lost
                    new = dataclasses.replace(new, **{name: getattr(old, name)})
            draft.mitigations[index] = dataclasses.replace(new, id=old.id)
        return sources if ok else None

    def _validated(
        self,
        draft: ItemDraft,
        row: ItemRowIn,
        action_rows: Sequence[ActionRowIn | None],
        effects: RowIn | None,
    ) -> bool:
        found = validate_item(draft, self.matrix_size) + validate_effects(draft.effects, draft.horizons)
        for problem in found:
            place = self._place(problem, row, action_rows, effects)
            if (place.sheet, place.row, place.column) in self.spots:
                continue  # the reader reported this cell already
            self.problems.append(place.problem(reason_of(problem.zh, "："), reason_of(problem.en, ": ")))
        return not found

    @staticmethod
    def _place(
        problem: Problem, row: ItemRowIn, action_rows: Sequence[ActionRowIn | None], effects: RowIn | None
    ) -> Place:
        if problem.field.startswith("effects."):
            name = {"reason_code": "reason", "anticipated": f"anticipated.{Horizon.SHORT.value}.low_cny"}.get(
                problem.field[len("effects.") :], problem.field[len("effects.") :]
            )
            if effects is not None and name in effects.layout.columns:
                return effects.place(name)
            return row.place("horizons")
        if problem.field.startswith("mitigations["):
            index = int(problem.field[len("mitigations[") : problem.field.index("]")])
            action = action_rows[index] if index < len(action_rows) else None
            name = problem.field.rsplit(".", 1)[-1]
            if action is not None and name in action.layout.columns:
                return action.place(name)
        return row.place(problem.field)

    # ---- differences -----------------------------------------------------------------------------
    def _changes(self, item: ItemSnapshot, draft: ItemDraft) -> tuple[FieldChange, ...]:
        lang = self.lang
        changes: list[FieldChange] = []
        for name in ITEM_COLUMN_FIELDS:
            old, new = getattr(item, name), getattr(draft, name)
            if not DECLARED[name].same(old, new):
                changes.append(
                    FieldChange(name, _label(name, lang), display(name, old, lang), display(name, new, lang))
                )
        changes.extend(self._effect_changes(item.effects, draft.effects))
        before: dict[int, MitigationSnapshot] = {m.id: m for m in item.mitigations}
        for number, m in enumerate(draft.mitigations, start=1):
            action = "措施" if lang == "zh" else "Action"
            if m.id is None:
                changes.append(FieldChange(f"actions[{number}]", f"{action} {number}", "—", m.description))
                continue
            was = before[m.id]
            for name in ACTION_FIELDS:
                old_value, new_value = getattr(was, name), getattr(m, name)
                if old_value != new_value:
                    label = f"{action} {number} · {_label('description_m' if name == 'description' else name, lang)}"
                    changes.append(
                        FieldChange(
                            f"actions[{number}].{name}",
                            label,
                            display(name, old_value, lang),
                            display(name, new_value, lang),
                        )
                    )
        return tuple(changes)

    def _effect_changes(self, old: FinancialEffects, new: FinancialEffects) -> list[FieldChange]:
        if old == new:
            return []
        lang = self.lang
        changes: list[FieldChange] = []
        for name, label in EFFECT_LABELS.items():
            if name.startswith("anticipated."):
                _, horizon, part = name.split(".")
                was, now = old.for_horizon(horizon), new.for_horizon(horizon)
                before, after = getattr(was, part) if was else None, getattr(now, part) if now else None
            else:
                before, after = getattr(old, name), getattr(new, name)
            if before != after:
                text = label[0] if lang == "zh" else label[1]
                changes.append(
                    FieldChange(f"effects.{name}", text, display(name, before, lang), display(name, after, lang))
                )
        return changes

    def plan(self) -> ImportPlan:
        return ImportPlan(
            file=self.template.name,
            year=self.year,
            new=tuple(self.new),
            changed=tuple(self.changed),
            unchanged=tuple(self.unchanged),
            conflicts=tuple(self.conflicts),
            problems=tuple(self.template.problems) + tuple(self.problems),
            take_file_values=self.take_file_values,
        )


class ImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def preview(
        self, template: TemplateFile, *, year: int | None = None, lang: Lang = "zh", take_file_values: bool = False
    ) -> ImportPlan:
        """What the import would do; writes nothing (the dry run)."""
        with self.ctx.read() as session:
            return self._planner(session, template, year, lang, take_file_values).plan()

    def apply(
        self, template: TemplateFile, *, year: int | None = None, lang: Lang = "zh", take_file_values: bool = False
    ) -> ImportPlan:
        """Plan again inside one transaction and write it all, with audit entries naming the file; raises
        ImportRefused (and writes nothing) when the plan has problems or unaccepted conflicts."""
        sourced = self.ctx.sourced(f"import from {template.name}")
        items = ItemService(sourced)
        with sourced.write() as session:
            planner = self._planner(session, template, year, lang, take_file_values, lock=True)
            plan = planner.plan()
            if plan.blocked:
                raise ImportRefused(plan)
            period = period_by_year(session, plan.year)
            for draft in planner.work.new:
                items.write_new(session, period, draft)
            if planner.work.updates:
                rows = session.scalars(
                    select(Item).where(Item.id.in_(list(planner.work.updates))).options(selectinload(Item.mitigations))
                )
                for item in sorted(rows, key=lambda i: code_sort_key(i.code)):
                    items.write_changes(session, item, period, planner.work.updates[item.id])
            write_cells(sourced, session, planner.work.cells, period.year)
            if planner.work.metrics is not None:
                write_metrics(sourced, session, period, planner.work.metrics)
            return plan

    def _planner(
        self,
        session: Session,
        template: TemplateFile,
        year: int | None,
        lang: Lang,
        take_file_values: bool,
        lock: bool = False,
    ) -> _Planner:
        problems = _identity_problems(session, template, year)
        chosen = template.year if template.year is not None else year
        if chosen is None or problems:
            return _Planner(template, chosen or 0, 0, {}, lang, take_file_values, problems)
        query = select(Period).where(Period.year == chosen)
        period = session.scalars(query.with_for_update() if lock else query).one_or_none()
        if period is None:
            period = period_by_year(session, chosen)  # raises NotFound with its message
        editable(period)  # an approved period refuses the import as a whole
        if template.period_id is not None and template.period_id != period.id:
            problems.append(
                SheetProblem(
                    f"{period.year} 年度在模板生成后已被删除并重新建立：请导出新的模板",
                    f"the period {period.year} was removed and created again since the template was made: "
                    "export a new template",
                )
            )
            return _Planner(template, period.year, 0, {}, lang, take_file_values, problems)
        current = {i.code: i for i in period_items(session, period.id, period.matrix_size)}
        planner = _Planner(template, period.year, period.matrix_size, current, lang, take_file_values, problems)
        if template.complete:  # without all its sheets and columns a file's rows mean nothing yet
            planner.grid = GridSheet(session, period, template, lang)
            planner.metrics = MetricsSheet(session, period, template, lang)
            planner.run()
        return planner

    def template_source(self, year: int | None = None) -> TemplateSource:
        """What a template of the period (the latest when None) is made from."""
        with self.ctx.read() as session:
            period = _period_or_latest(session, year)
            metrics, version = read_metric_set(session, period.id)
            return TemplateSource(
                register_id=register_id(session),
                period_id=period.id,
                period=period_snapshot(period),
                items=tuple(period_items(session, period.id, period.matrix_size)),
                scenarios=scenario_set(session, period),
                metrics=metrics,
                metrics_version=version,
            )


def register_id(session: Session) -> str:
    """What identifies a register whatever its file is called or where it lives: its first period's id and
    the moment that period was created (a copy of the database is the same register; another register,
    even made from the same seed, is not)."""
    first = session.scalars(select(Period).order_by(Period.id).limit(1)).one_or_none()
    if first is None:
        return ""
    stamp = first.created_at.isoformat() if first.created_at else ""
    return hashlib.sha256(f"{first.id}|{stamp}".encode()).hexdigest()[:16]


def _identity_problems(session: Session, template: TemplateFile, year: int | None) -> list[SheetProblem]:
    """A template from another register is refused: its codes name other items (every register has a
    PR-01). A template of another period than the chosen one (the latest when none is chosen) is refused
    too, saying how to choose it."""
    problems: list[SheetProblem] = []
    if template.register_id and template.register_id != register_id(session):
        made = f"（{template.register}）" if template.register else ""
        made_en = f" ({template.register})" if template.register else ""
        problems.append(
            SheetProblem(
                f"该模板由另一个登记册生成{made}，不能导入本登记册：请从本登记册导出模板",
                f"this template was made from another register{made_en} and cannot be imported into this one: "
                "export a template from this register",
            )
        )
    file_year = template.year
    if file_year is None:
        return problems
    if year is not None and year != file_year:
        problems.append(
            SheetProblem(
                f"该模板属于 {file_year} 年度，而不是所选的 {year} 年度",
                f"the template belongs to {file_year}, not to the chosen period {year}",
            )
        )
    elif year is None:
        latest = session.scalars(select(Period.year).order_by(Period.year.desc()).limit(1)).first()
        if latest is not None and latest != file_year:
            problems.append(
                SheetProblem(
                    f"该模板属于 {file_year} 年度，而登记册的当前年度是 {latest}：如确要导入 {file_year} 年度，"
                    f"请指明年度（--period {file_year}）",
                    f"the template belongs to {file_year} but the register's current period is {latest}: to "
                    f"import into {file_year}, say so (--period {file_year})",
                )
            )
    return problems
