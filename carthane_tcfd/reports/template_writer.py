"""The department template (issue 17): a workbook a department fills without training, written by
XlsxWriter from a snapshot of the period's items.

Sheets: instructions; items (one row per item, every editable field in its own column, choices as
dropdowns from a hidden sheet of labels in the chosen language, scores as 1..N dropdowns, one ✓ column per
time horizon, value-chain segment and financial impact); actions (one row per action, keyed by item code
and number); a hidden labels sheet; a hidden identity sheet with the register, the period and each item's
version and action ids, which the import checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from carthane_tcfd import __version__
from carthane_tcfd.domain.cell_values import AMOUNT_MAX, DATE_MAX, DATE_MIN, TICK
from carthane_tcfd.domain.effects import NotQuantifiedReason
from carthane_tcfd.domain.records import ItemSnapshot, PeriodSnapshot
from carthane_tcfd.domain.taxonomy import Category, Kind, Lang, MitigationStatus, categories_of
from carthane_tcfd.domain.template_layout import (
    ACTION_COLUMNS,
    ACTIONS,
    EFFECT_COLUMNS,
    EFFECTS,
    FORMAT_NAME,
    FORMAT_VERSION,
    IDENTITY,
    INSTRUCTIONS,
    ITEM_COLUMNS,
    ITEMS,
    LISTS,
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
            "5. 请勿重命名或删除工作表和列，请勿合并单元格或隐藏行：导入会拒绝这些文件。",
            "6. 删除某行不会从登记册中删除该条目或措施：导入从不删除。",
            "7. 选项可填中文或英文名称，也可填代码。",
            "8. 导入前会先显示预览：新增、更改（旧值 → 新值）、未变及冲突的条目。",
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
        "5. Do not rename or delete sheets or columns, merge cells or hide rows: the import refuses such files.",
        "6. Deleting a row does not delete the item or action from the register: an import never deletes.",
        "7. Choices may be given by their Chinese or English label, or by their code.",
        "8. The import shows a preview first: new, changed (old → new), unchanged and conflicting items.",
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
        if column.kind is ColumnKind.CHOICE:
            options = {"validate": "list", "source": sources[column.field]}
        elif column.kind is ColumnKind.TICK:
            options = {"validate": "list", "source": [TICK]}

        elif column.kind is ColumnKind.SCORE:
            options = {"validate": "list", "source": sources["score"]}
        elif column.kind is ColumnKind.DATE:
            options = {"validate": "date", "criteria": "between", "minimum": DATE_MIN, "maximum": DATE_MAX}
        elif column.kind is ColumnKind.AMOUNT:
            options = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": int(AMOUNT_MAX)}
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
    period: PeriodSnapshot,
    items: Sequence[ItemSnapshot],
    target: Path | IO[bytes],
    request: TemplateRequest,
    *,
    register: str,
    made_by: str,
) -> int:
    """Write the template to a file or stream; the number of items in it."""
    lang = request.lang
    chosen = chosen_items(items, request)
    book = Book(target)
    guide = book.add_sheet(INSTRUCTIONS.name(lang))
    set_widths(guide, [120])
    for row, line in enumerate(_instructions(period, request, register, made_by), start=1):
        put(guide, row, 1, line, "pack_title" if row == 1 else "pack_plain")

    item_sheet = book.add_sheet(ITEMS.name(lang))
    action_sheet = book.add_sheet(ACTIONS.name(lang))
    effect_sheet = book.add_sheet(EFFECTS.name(lang))
    lists = _Lists(book, lang)
    kinds = [request.kind] if request.kind else list(Kind)
    categories: list[Category] = [c for k in kinds for c in categories_of(k)]
    sources: dict[str, Any] = {
        "category": lists.add([c.label(lang) for c in categories]),
        "status": lists.add([s.label(lang) for s in MitigationStatus]),
        "reason": lists.add([r.label(lang) for r in NotQuantifiedReason]),
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

    identity = book.add_sheet(IDENTITY.name(lang))
    identity.ws.hide()
    settings: list[tuple[str, Any]] = [
        ("format", FORMAT_NAME),
        ("format_version", FORMAT_VERSION),
        ("register", register),
        ("period", period.year),
        ("lang", lang),
        ("made_at", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")),
        ("made_by", made_by),
        ("application", __version__),
    ]
    for row, (key, value) in enumerate(settings, start=1):
        put(identity, row, 1, key, "pack_plain")
        put(identity, row, 2, value, "pack_plain")
    table = len(settings) + 2
    for offset, head in enumerate(("code", "version", "actions")):
        put(identity, table, offset + 1, head, "pack_plain")
    for row, item in enumerate(chosen, start=table + 1):
        put(identity, row, 1, item.code, "pack_plain")
        put(identity, row, 2, item.version, "pack_plain")
        put(identity, row, 3, ",".join(str(m.id) for m in item.mitigations), "pack_plain")
    book.close()
    return len(chosen)


def save_template(
    period: PeriodSnapshot,
    items: Sequence[ItemSnapshot],
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
        written = write_template(period, items, temp, request, register=register, made_by=made_by)

    write_atomically(path, write)
    return written


def default_template_name(year: int, lang: Lang) -> str:
    return f"凯众TCFD填报模板_{year}.xlsx" if lang == "zh" else f"Carthane_TCFD_template_{year}.xlsx"
