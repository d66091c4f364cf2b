"""The metrics sheet of an import (issue 17): each row's figures over the period's metric set (inventory
lines by their key, custom metrics as custom.N), compared field by field, checked by the metrics' own rules,
with the metric set's optimistic version check; written by the metrics service's own writer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from carthane_tcfd.domain.ghg import LINE_BY_CODE, LineStatus, TargetStatus
from carthane_tcfd.domain.imports import FieldChange, RowIn, SheetProblem, TemplateFile, field_changes
from carthane_tcfd.domain.inventory import CustomMetric, Line, format_figure
from carthane_tcfd.domain.metric_set import MetricSet
from carthane_tcfd.domain.metrics_validation import validate_metric_set
from carthane_tcfd.domain.targets import Target
from carthane_tcfd.domain.taxonomy import Coded, Lang
from carthane_tcfd.domain.template_layout import (
    CUSTOM_FIELDS,
    CUSTOM_KEY,
    METRIC_COLUMNS,
    METRIC_FIELDS,
    TARGET_COLUMNS,
    TARGET_FIELDS,
)
from carthane_tcfd.services.import_grid import reason_of
from carthane_tcfd.services.metrics import basis_stamp
from carthane_tcfd.store.metric_records import read_metric_set
from carthane_tcfd.store.models import Period

HEADERS = {c.field: (c.zh, c.en) for c in METRIC_COLUMNS}
_PROBLEM_FIELD = re.compile(r"^(lines|custom|targets)\[([^\]]+)\]\.(\w+)$")
TARGET_HEADERS = {c.field: (c.zh, c.en) for c in TARGET_COLUMNS if c.field in TARGET_FIELDS}
_REQUIRED = ("metric", "base_year", "base_value", "target_year", "target_value")


@dataclass
class MetricsPlan:
    """What the metrics sheet would do: the set to write (None: nothing changed or it cannot be written)."""

    changes: list[FieldChange] = field(default_factory=list)
    metrics: MetricSet | None = None
    problems: list[SheetProblem] = field(default_factory=list)
    stale: tuple[str, dt.datetime | None] | None = None  # who changed the metrics since, and when


def _shown(_name: str, value: Any, lang: Lang) -> str:
    if isinstance(value, bool):
        return "✓" if value else "—"
    if isinstance(value, Decimal) or value is None:
        return format_figure(value)
    if isinstance(value, Coded):
        return value.label(lang)
    return str(value) or "—"


def _kept(old: str, new: Any) -> str:
    """The file's text, or the stored one when the cell lost only surrounding spaces."""
    text = "" if new is None else str(new)
    return old if old.strip() == text else text


class MetricsSheet:
    def __init__(self, session: Session, period: Period, template: TemplateFile, lang: Lang) -> None:
        self.template = template
        self.lang = lang
        self.year = period.year
        self.current, self.version = read_metric_set(session, period.id)
        self.stamp = basis_stamp(session, period.id)

    def plan(self, spots: set[tuple[str, int | None, str]]) -> MetricsPlan:
        out = MetricsPlan()
        inventory = self.current.inventory
        lines = {line.code: line for line in inventory.lines}
        custom = list(inventory.custom)
        rows: dict[str, RowIn] = {}  # problem field prefix -> its row
        for row in self.template.metrics:
            if any((row.layout.sheet, row.row, letter) in spots for letter, _h in row.layout.columns.values()):
                continue  # the reader reported a cell of this row: the import is refused anyway
            key, values = row.key, row.values
            if key in lines:
                old = lines[key]
                lines[key] = Line(
                    key,
                    values.get("value"),
                    values.get("tce"),
                    values.get("status") or LineStatus.CALCULATED,
                    _kept(old.reason, values.get("reason")),
                    _kept(old.source, values.get("source")),
                    old.reason_en,  # the template holds the Chinese texts; their English stays as entered
                    old.source_en,
                )
                rows[f"lines[{key}]"] = row
            elif key.startswith(CUSTOM_KEY) and key[len(CUSTOM_KEY) :].isdigit():
                index = int(key[len(CUSTOM_KEY) :]) - 1
                if not 0 <= index < len(custom):
                    out.problems.append(
                        row.place("key").problem(
                            f"{self.year} 年度没有自定义指标 {key}：新的自定义指标请在「指标」页面添加",
                            f"there is no custom metric {key} in {self.year}: add new metrics on the Metrics page",
                        )
                    )
                    continue
                for name in ("tce", "status", "reason"):
                    if values.get(name) not in (None, ""):
                        out.problems.append(
                            row.place(name).problem("自定义指标不适用此列，请留空", "does not apply to a custom metric")
                        )
                old_custom = custom[index]
                custom[index] = dataclasses.replace(
                    old_custom, value=values.get("value"), source=_kept(old_custom.source, values.get("source"))
                )
                rows[f"custom[{index}]"] = row
            else:
                out.problems.append(
                    row.place("key").problem(f"未知的指标代码：{key}", f"is not a metric of the register: {key}")
                )
        targets = self._targets(rows, out, spots)
        metrics = dataclasses.replace(
            self.current,
            inventory=dataclasses.replace(
                inventory, lines=tuple(lines[line.code] for line in inventory.lines), custom=tuple(custom)
            ),
            targets=tuple(targets),
        )
        if metrics == self.current:
            return out
        sheet = self.template.metrics[0].layout.sheet if self.template.metrics else ""
        for p in validate_metric_set(metrics):
            found = _PROBLEM_FIELD.match(p.field)
            at = rows.get(f"{found[1]}[{found[2]}]") if found else None
            if at is not None and found is not None:
                name = found[3] if found[3] in at.layout.columns else next(iter(at.layout.columns))
                out.problems.append(at.place(name).problem(reason_of(p.zh, "："), reason_of(p.en, ": ")))
            else:
                out.problems.append(SheetProblem(p.zh, p.en, sheet))
        if out.problems:
            return out
        out.changes = self._changes(inventory.lines, metrics.inventory.lines, inventory.custom, custom)
        out.changes += self._target_changes(self.current.targets, targets)
        out.metrics = metrics
        if self.template.metrics_version != self.version:
            out.stale = self.stamp
        return out

    def _changes(
        self,
        before: tuple[Line, ...],
        after: tuple[Line, ...],
        custom_before: tuple[CustomMetric, ...],
        custom_after: list[CustomMetric],
    ) -> list[FieldChange]:
        lang = self.lang
        lines = {n: HEADERS[n] for n in METRIC_FIELDS}
        customs = {n: HEADERS[n] for n in CUSTOM_FIELDS}
        changes: list[FieldChange] = []
        for old, new in zip(before, after, strict=True):
            where = LINE_BY_CODE[old.code].label(lang)
            changes += field_changes(f"metrics.{old.code}", where, old, new, lines, lang, _shown)
        for number, (old_c, new_c) in enumerate(zip(custom_before, custom_after, strict=True), start=1):
            changes += field_changes(
                f"metrics.{CUSTOM_KEY}{number}", old_c.name(lang), old_c, new_c, customs, lang, _shown
            )
        return changes

    def _targets(
        self, rows: dict[str, RowIn], out: MetricsPlan, spots: set[tuple[str, int | None, str]]
    ) -> list[Target]:
        """The file's targets over the period's: by number, or added at the end (blank number)."""
        targets = list(self.current.targets)
        for row in self.template.targets:
            if spots and any((row.layout.sheet, row.row, at) in spots for at, _h in row.layout.columns.values()):
                continue
            index = int(row.key) - 1 if row.key else len(targets)
            if row.key and not 0 <= index < len(self.current.targets):
                out.problems.append(
                    row.place("number").problem(
                        f"{self.year} 年度没有第 {row.key} 个目标（新目标请将序号留空）",
                        f"there is no target {row.key} in {self.year} (leave No. blank for a new target)",
                    )
                )
                continue
            target = self._target(row, targets[index] if row.key else None, out)
            if target is None:
                continue
            rows[f"targets[{index}]"] = row
            if row.key:
                targets[index] = target
            else:
                targets.append(target)
        return targets

    @staticmethod
    def _target(row: RowIn, old: Target | None, out: MetricsPlan) -> Target | None:
        values = row.values
        missing = [name for name in _REQUIRED if values.get(name) is None]
        for name in missing:
            out.problems.append(row.place(name).problem("须填写", "is required"))
        if missing:
            return None
        return Target(
            title=_kept(old.title if old else "", values.get("title")),
            metric=values["metric"],
            base_year=values["base_year"],
            base_value=values["base_value"],
            target_year=values["target_year"],
            target_value=values["target_value"],
            title_en=_kept(old.title_en if old else "", values.get("title_en")),
            coverage=_kept(old.coverage if old else "", values.get("coverage")),
            milestones=old.milestones if old else (),
            science_based=bool(values.get("science_based")),
            validated=bool(values.get("validated")),
            status=values.get("status") or (old.status if old else TargetStatus.DRAFT),
        )

    def _target_changes(self, before: tuple[Target, ...], after: list[Target]) -> list[FieldChange]:
        lang = self.lang
        changes: list[FieldChange] = []
        for number, new in enumerate(after, start=1):
            where = f"目标 {number}" if lang == "zh" else f"Target {number}"
            if number > len(before):
                changes.append(FieldChange(f"metrics.targets[{number}]", where, "—", new.display_title(lang)))
                continue
            changes += field_changes(
                f"metrics.targets[{number}]", where, before[number - 1], new, TARGET_HEADERS, lang, _shown
            )
        return changes

    def title(self) -> tuple[str, str]:
        """How the preview names the metrics: (code, title)."""
        if self.lang == "zh":
            return "指标", f"{self.year} 年度指标"
        return "Metrics", f"{self.year} metrics"
