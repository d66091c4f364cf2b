"""The department template (issue 17): a workbook a department fills without training, written by
XlsxWriter from a snapshot of the period's items.

Sheets: instructions; items (one row per item, every editable field in its own column, choices as
dropdowns from a hidden sheet of labels in the chosen language, scores as 1..N dropdowns, one ✓ column per
time horizon, value-chain segment and financial impact); actions (one row per action, keyed by item code
and number); financial effects (one row per item); the scenario grid (one row per item, scenario and
horizon the item covers); metrics (one row per inventory line and custom metric); a hidden labels sheet;
a hidden identity sheet with the register, the period, each item's version, action ids and grid cell
versions, and the metric set's version, which the import checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from carthane_tcfd import __version__
from carthane_tcfd.domain.cell_values import AMOUNT_MAX, DATE_MAX, DATE_MIN, TICK
from carthane_tcfd.domain.effects import Direction, NotQuantifiedReason
from carthane_tcfd.domain.ghg import LineStatus, TargetMetric, TargetStatus, unit_label
from carthane_tcfd.domain.imports import TemplateSource
from carthane_tcfd.domain.records import ItemSnapshot, PeriodSnapshot
from carthane_tcfd.domain.taxonomy import Category, Horizon, Kind, Lang, MitigationStatus, categories_of
from carthane_tcfd.domain.template_layout import (
    ACTION_COLUMNS,
    ACTIONS,
    CUSTOM_KEY,
    EFFECT_COLUMNS,
    EFFECTS,
    FORMAT_NAME,
    FORMAT_VERSION,
    GRID,
    GRID_COLUMNS,
    IDENTITY,
    INSTRUCTIONS,
    ITEM_COLUMNS,
    ITEMS,
    LISTS,
    METRIC_COLUMNS,
    METRICS,
    TARGET_COLUMNS,
    TARGETS,
    Column,
    ColumnKind,
)
from carthane_tcfd.reports.atomic import write_atomically
from carthane_tcfd.reports.xlsx import Book, Sheet, put, set_widths

SPARE_ROWS = 200  # empty rows below the items and actions that carry the dropdowns, for new entries


@dataclass(frozen=True)
class TemplateRequest:
    lang: Lang = "zh"
    kind: Kind | None = None  # only risks or only opportunities
    owner: str = ""  # only this owner's items
    blank: bool = False  # no items at all, only the columns


def chosen_items(items: Sequence[ItemSnapshot], request: TemplateRequest) -> list[ItemSnapshot]:
    if request.blank:
        return []
    owner = request.owner.strip()
    return [
        i for i in items if (request.kind is None or i.kind is request.kind) and (not owner or i.owner.strip() == owner)
    ]


def _instructions(period: PeriodSnapshot, request: TemplateRequest, register: str, made_by: str) -> list[str]:
    size = period.matrix_size
    if request.lang == "zh":
        return [
            "凯众 TCFD 气候风险登记册 — 部门填报模板",
            f"年度：{period.year}    登记册：{register}    生成：{dt.date.today().isoformat()}，{made_by}",
            "",
            f"1. 「{ITEMS.zh}」工作表：每行一个条目。已有条目请保留编号；新增条目请将编号留空，导入时由系统分配。",
            f"2. 类别、评分（1–{size}）请从下拉列表选择；适用的时间范围、价值链环节和财务影响请在对应列中选 {TICK}。",
            f"3. 「{ACTIONS.zh}」工作表：每行一项应对措施，填写所属条目编号；已有措施请保留序号，新增措施请将序号留空。"
            "新条目的措施请在该条目导入后再添加。",
            f"4. 「{EFFECTS.zh}」工作表：每个条目一行财务影响（当期金额、受影响的报表项目、"
            "各时间范围的预期影响区间及依据，或未量化的原因）。日期请填日期（年-月-日），金额单位为人民币元；请勿输入公式。",
            f"5. 「{GRID.zh}」工作表：每个条目在每个情景、每个适用时间范围下一行，填写影响方向、"
            f"影响等级（1–{size}）、金额区间（可选）和说明；清空一行即删除该评估；新条目的评估请在该条目导入后再填写。",
            f"6. 「{METRICS.zh}」工作表：本年度每项温室气体与能源指标一行（按指标代码），以及自定义指标（custom.N）；"
            "请填写数值、核算状态、未核算原因与出处。指标名称和单位仅供参考，导入时不读取。"
            f"「{TARGETS.zh}」工作表：每个气候目标一行；新增目标请将序号留空；里程碑请在「指标与目标」页面编辑。",
            "7. 请勿重命名或删除工作表和列，请勿合并单元格或隐藏行：导入会拒绝这些文件。",
            "8. 删除某行不会从登记册中删除该条目或措施：导入从不删除。",
            "9. 选项可填中文或英文名称，也可填代码。",
            "10. 导入前会先显示预览：新增、更改（旧值 → 新值）、未变及冲突的条目。",
            "11. 本模板只能导入生成它的登记册和年度。",
        ]
    return [
        "Carthane TCFD climate risk register — department template",
        f"Period: {period.year}    Register: {register}    Made: {dt.date.today().isoformat()}, {made_by}",
        "",
        f"1. '{ITEMS.en}' sheet: one row per item. Keep the code of an existing item; leave the code blank for a "
        "new item (the register assigns it on import).",
        f"2. Choose the category and the scores (1–{size}) from the dropdowns; mark with {TICK} each time horizon, "
        "value-chain segment and financial impact that applies.",
        f"3. '{ACTIONS.en}' sheet: one row per action, with its item's code; keep the No. of an existing action, "
        "leave it blank for a new one. Add actions of a new item after that item has been imported.",
        f"4. '{EFFECTS.en}' sheet: one row of financial effects per item (current amount, statement lines affected, "
        "the anticipated range and its basis per time horizon, or why they are not quantified). Dates as dates "
        "(YYYY-MM-DD), amounts in CNY; do not type formulas.",
        f"5. '{GRID.en}' sheet: one row per item, scenario and horizon the item covers: the direction, the level "
        f"(1–{size}), a CNY range (optional) and a narrative; clearing a row removes that assessment. Assess a new "
        "item after it has been imported.",
        f"6. '{METRICS.en}' sheet: one row per GHG and energy line of the period (by its key) and per custom metric "
        "(custom.N): the value, status, reason left out and source. The metric's name and unit are there to help; "
        f"the import does not read them. '{TARGETS.en}' sheet: one row per climate target; leave No. blank for a "
        "new target; milestones are edited on the Metrics page.",
        "7. Do not rename or delete sheets or columns, merge cells or hide rows: the import refuses such files.",
        "8. Deleting a row does not delete the item or action from the register: an import never deletes.",
        "9. Choices may be given by their Chinese or English label, or by their code.",
        "10. The import shows a preview first: new, changed (old → new), unchanged and conflicting items.",
        "11. This template imports only into the register and period it was made from.",
    ]


class _Lists:
    """The hidden sheet of labels that the dropdowns offer: one column per list."""

    def __init__(self, book: Book, lang: Lang) -> None:
        self.sheet = book.add_sheet(LISTS.name(lang))
        self.sheet.ws.hide()
        self._columns = 0

    def add(self, values: list[str]) -> str:
        self._columns += 1
        col = self._columns
        for row, value in enumerate(values, start=1):
            put(self.sheet, row, col, value, "pack_plain")
        letter = chr(64 + col)
        return f"='{self.sheet.ws.name}'!${letter}$1:${letter}${len(values)}"


def _validations(sheet: Sheet, columns: tuple[Column, ...], last_row: int, sources: dict[str, Any]) -> None:
    for index, column in enumerate(columns):
        options: dict[str, Any] | None = None
        if column.kind in (ColumnKind.CHOICE, ColumnKind.NAME):
            options = {"validate": "list", "source": sources[column.field]}
        elif column.kind is ColumnKind.TICK:
            options = {"validate": "list", "source": [TICK]}

        elif column.kind is ColumnKind.SCORE:
            options = {"validate": "list", "source": sources["score"]}
        elif column.kind is ColumnKind.DATE:
            options = {"validate": "date", "criteria": "between", "minimum": DATE_MIN, "maximum": DATE_MAX}
        elif column.kind is ColumnKind.AMOUNT:
            options = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": int(AMOUNT_MAX)}
        elif column.kind is ColumnKind.FIGURE:
            options = {
                "validate": "decimal",
                "criteria": "between",
                "minimum": -int(AMOUNT_MAX),
                "maximum": int(AMOUNT_MAX),
            }
        elif column.kind is ColumnKind.TEXT and column.limit:
            options = {"validate": "length", "criteria": "<=", "value": column.limit}
        if options is not None:
            sheet.ws.data_validation(1, index, last_row - 1, index, options)


def _header(sheet: Sheet, columns: tuple[Column, ...], lang: Lang) -> None:
    for index, column in enumerate(columns, start=1):
        put(sheet, 1, index, column.header(lang), "pack_header")
    set_widths(sheet, [c.width for c in columns])
    sheet.freeze(2, 2)
    sheet.ws.autofilter(0, 0, 0, len(columns) - 1)


def _money(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _item_cells(item: ItemSnapshot, lang: Lang) -> list[Any]:
    cells: list[Any] = []
    for column in ITEM_COLUMNS:
        if column.kind is ColumnKind.CODE:
            cells.append(item.code)
        elif column.kind is ColumnKind.CHOICE:
            cells.append(item.category.label(lang))
        elif column.kind is ColumnKind.TICK:  # one member of a set, or a yes/no field
            value = getattr(item, column.field)
            cells.append(TICK if (column.member in value if column.member else value) else None)
        elif column.kind is ColumnKind.AMOUNT:
            cells.append(_money(getattr(item, column.field)))
        else:
            cells.append(getattr(item, column.field))
    return cells


def _effect_cells(item: ItemSnapshot, lang: Lang) -> list[Any]:
    effects = item.effects
    cells: list[Any] = []
    for column in EFFECT_COLUMNS:
        name = column.field
        if name == "item_code":
            cells.append(item.code)
        elif name == "statement_lines":
            cells.append(TICK if column.member in effects.statement_lines else None)
        elif name == "material_adjustment":
            cells.append(TICK if effects.material_adjustment else None)
        elif name == "reason":
            cells.append(effects.reason.label(lang) if effects.reason else None)
        elif name.startswith("anticipated."):
            _, horizon, part = name.split(".")
            anticipated = effects.for_horizon(horizon)
            value = getattr(anticipated, part) if anticipated else None
            cells.append(_money(value) if part != "basis" else value)
        else:
            value = getattr(effects, name)
            cells.append(_money(value) if column.kind is ColumnKind.AMOUNT else value)
    return cells


def _grid_rows(source: TemplateSource, chosen: list[ItemSnapshot], lang: Lang) -> list[list[Any]]:
    """One row per item, scenario and horizon the item covers: the stored cell, or blank to fill."""
    scenarios = source.scenarios
    rows: list[list[Any]] = []
    for item in chosen:
        horizons = [h for h in Horizon if h.value in item.horizons]
        for scenario in scenarios.scenarios:
            for horizon in horizons:
                cell = scenarios.cell(item.id, scenario.id, horizon.value)
                rows.append(
                    [
                        item.code,
                        item.title,
                        scenario.display_name(lang),
                        horizon.label(lang),
                        cell.direction.label(lang) if cell and cell.direction else None,
                        cell.level if cell else None,
                        _money(cell.low_cny) if cell else None,
                        _money(cell.high_cny) if cell else None,
                        cell.narrative if cell else None,
                    ]
                )
    return rows


def _metric_rows(source: TemplateSource, lang: Lang) -> list[list[Any]]:
    """One row per inventory line, then one per custom metric."""
    inventory = source.metrics.inventory
    output = inventory.basis.output_unit(lang)
    rows: list[list[Any]] = []
    for line in inventory.lines:
        d = line.definition
        rows.append(
            [
                line.code,
                d.label(lang),
                unit_label(d.unit, lang, output),
                _money(line.value),
                _money(line.tce),
                line.status.label(lang),
                line.reason or None,
                line.source or None,
            ]
        )
    for number, metric in enumerate(inventory.custom, start=1):
        rows.append(
            [
                f"{CUSTOM_KEY}{number}",
                metric.name(lang),
                metric.unit or None,
                _money(metric.value),
                None,
                None,
                None,
                metric.source or None,
            ]
        )
    return rows


def _target_rows(source: TemplateSource, lang: Lang) -> list[list[Any]]:
    return [
        [
            number,
            t.title,
            t.title_en or None,
            t.metric.label(lang),
            t.coverage or None,
            t.base_year,
            _money(t.base_value),
            t.target_year,
            _money(t.target_value),
            t.status.label(lang),
            TICK if t.science_based else None,
            TICK if t.validated else None,
        ]
        for number, t in enumerate(source.metrics.targets, start=1)
    ]


_STYLES = {
    ColumnKind.DATE: "pack_date",
    ColumnKind.AMOUNT: "pack_money",
    ColumnKind.SCORE: "pack_center",
    ColumnKind.TICK: "pack_center",
    ColumnKind.NUMBER: "pack_center",
    ColumnKind.CODE: "pack_center",
}


def _write_rows(sheet: Sheet, columns: tuple[Column, ...], rows: list[list[Any]]) -> None:
    styles = [_STYLES.get(c.kind, "pack_text") for c in columns]
    for number, cells in enumerate(rows, start=2):
        for index, value in enumerate(cells):
            put(sheet, number, index + 1, value, styles[index])


def write_template(
    source: TemplateSource,
    target: Path | IO[bytes],
    request: TemplateRequest,
    *,
    register: str,
    made_by: str,
) -> int:
    """Write the template to a file or stream; the number of items in it."""
    lang = request.lang
    period = source.period
    chosen = chosen_items(source.items, request)
    book = Book(target)
    guide = book.add_sheet(INSTRUCTIONS.name(lang))
    set_widths(guide, [120])
    for row, line in enumerate(_instructions(period, request, register, made_by), start=1):
        put(guide, row, 1, line, "pack_title" if row == 1 else "pack_plain")

    item_sheet = book.add_sheet(ITEMS.name(lang))
    action_sheet = book.add_sheet(ACTIONS.name(lang))
    effect_sheet = book.add_sheet(EFFECTS.name(lang))
    grid_sheet = book.add_sheet(GRID.name(lang))
    metric_sheet = book.add_sheet(METRICS.name(lang))
    target_sheet = book.add_sheet(TARGETS.name(lang))
    lists = _Lists(book, lang)
    kinds = [request.kind] if request.kind else list(Kind)
    categories: list[Category] = [c for k in kinds for c in categories_of(k)]
    sources: dict[str, Any] = {
        "category": lists.add([c.label(lang) for c in categories]),
        "status": lists.add([s.label(lang) for s in MitigationStatus]),
        "reason": lists.add([r.label(lang) for r in NotQuantifiedReason]),
        "scenario": lists.add([s.display_name(lang) for s in source.scenarios.scenarios] or [""]),
        "horizon": lists.add([h.label(lang) for h in Horizon]),
        "direction": lists.add([d.label(lang) for d in Direction]),
        "score": [str(n) for n in range(1, period.matrix_size + 1)],
    }

    _header(item_sheet, ITEM_COLUMNS, lang)
    _write_rows(item_sheet, ITEM_COLUMNS, [_item_cells(i, lang) for i in chosen])
    _validations(item_sheet, ITEM_COLUMNS, len(chosen) + 1 + SPARE_ROWS, sources)
    book.wb.worksheets()[1].activate()

    actions: list[list[Any]] = [
        [
            i.code,
            m.position + 1,
            m.description,
            m.description_en,
            m.owner,
            m.due,
            m.status.label(lang),
            _money(m.cost_cny),
        ]
        for i in chosen
        for m in i.mitigations
    ]
    _header(action_sheet, ACTION_COLUMNS, lang)
    _write_rows(action_sheet, ACTION_COLUMNS, actions)
    _validations(action_sheet, ACTION_COLUMNS, len(actions) + 1 + SPARE_ROWS, sources)

    _header(effect_sheet, EFFECT_COLUMNS, lang)
    _write_rows(effect_sheet, EFFECT_COLUMNS, [_effect_cells(i, lang) for i in chosen])
    _validations(effect_sheet, EFFECT_COLUMNS, len(chosen) + 1 + SPARE_ROWS, sources)

    grid = _grid_rows(source, chosen, lang)
    _header(grid_sheet, GRID_COLUMNS, lang)
    _write_rows(grid_sheet, GRID_COLUMNS, grid)
    _validations(grid_sheet, GRID_COLUMNS, len(grid) + 1 + SPARE_ROWS, sources)

    metrics = _metric_rows(source, lang)
    _header(metric_sheet, METRIC_COLUMNS, lang)
    _write_rows(metric_sheet, METRIC_COLUMNS, metrics)
    line_statuses = {"status": lists.add([s.label(lang) for s in LineStatus])}
    _validations(metric_sheet, METRIC_COLUMNS, len(metrics) + 1, {**sources, **line_statuses})

    targets = _target_rows(source, lang)
    _header(target_sheet, TARGET_COLUMNS, lang)
    _write_rows(target_sheet, TARGET_COLUMNS, targets)
    target_lists = {
        "metric": lists.add([m.label(lang) for m in TargetMetric]),
        "status": lists.add([s.label(lang) for s in TargetStatus]),
    }
    _validations(target_sheet, TARGET_COLUMNS, len(targets) + 1 + SPARE_ROWS, {**sources, **target_lists})

    identity = book.add_sheet(IDENTITY.name(lang))
    identity.ws.hide()
    settings: list[tuple[str, Any]] = [
        ("format", FORMAT_NAME),
        ("format_version", FORMAT_VERSION),
        ("register", register),
        ("register_id", source.register_id),
        ("period", period.year),
        ("period_id", source.period_id),
        ("metrics_version", source.metrics_version),
        ("lang", lang),
        ("made_at", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")),
        ("made_by", made_by),
        ("application", __version__),
    ]
    for row, (key, value) in enumerate(settings, start=1):
        put(identity, row, 1, key, "pack_plain")
        put(identity, row, 2, value, "pack_plain")
    table = len(settings) + 2
    for offset, head in enumerate(("code", "version", "actions", "grid")):
        put(identity, table, offset + 1, head, "pack_plain")
    cells = source.scenarios.assessments
    by_item: dict[int, list[str]] = {}
    for cell in cells:
        by_item.setdefault(cell.item_id, []).append(f"{cell.scenario_id}:{cell.horizon}:{cell.version}")
    for row, item in enumerate(chosen, start=table + 1):
        put(identity, row, 1, item.code, "pack_plain")
        put(identity, row, 2, item.version, "pack_plain")
        put(identity, row, 3, ",".join(str(m.id) for m in item.mitigations), "pack_plain")
        put(identity, row, 4, ",".join(by_item.get(item.id, ())) or None, "pack_plain")
    book.close()
    return len(chosen)


def save_template(
    source: TemplateSource,
    path: Path,
    request: TemplateRequest,
    *,
    register: str,
    made_by: str,
) -> int:
    """Write the template atomically; the number of items in it."""
    written = 0

    def write(temp: Path) -> None:
        nonlocal written
        written = write_template(source, temp, request, register=register, made_by=made_by)

    write_atomically(path, write)
    return written


def default_template_name(year: int, lang: Lang) -> str:
    return f"凯众TCFD填报模板_{year}.xlsx" if lang == "zh" else f"Carthane_TCFD_template_{year}.xlsx"
