"""Reading a filled department template (issue 17): safe, read-only, every problem located.

The file is first checked as a container (xlsx_safety); then openpyxl reads it in read-only mode with
defusedxml active, values only, formulas never evaluated (a formula cell is reported and its text not
used). Each cell is normalised by the rules of domain.cell_values; a cell that does not fit is a
problem with its sheet, row and column, and reading goes on so that the user sees every problem."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.xml import functions as openpyxl_xml

from carthane_tcfd.domain.cell_values import (
    Cell,
    CellError,
    amount_value,
    clean_text,
    code_value,
    coded_value,
    date_value,
    figure_value,
    info_value,
    normalised_label,
    score_value,
    text_value,
    tick_value,
)
from carthane_tcfd.domain.errors import Cancelled, UserError
from carthane_tcfd.domain.imports import ActionRowIn, ItemRowIn, RowIn, SheetLayout, SheetProblem, TemplateFile
from carthane_tcfd.domain.records import MitigationDraft
from carthane_tcfd.domain.taxonomy import MitigationStatus
from carthane_tcfd.domain.template_layout import (
    ACTION_COLUMNS,
    ACTIONS,
    EFFECT_COLUMNS,
    EFFECTS,
    FORMAT_NAME,
    FORMAT_VERSION,
    GRID,
    GRID_COLUMNS,
    IDENTITY,
    ITEM_COLUMNS,
    ITEMS,
    METRIC_COLUMNS,
    METRICS,
    TARGET_COLUMNS,
    TARGETS,
    Column,
    ColumnKind,
    Sheet,
    column_letter,
)
from carthane_tcfd.reports.xlsx_safety import MAX_COLUMNS, MAX_ROWS, SheetScan, WorkbookScan, scan_workbook

SCORE_LIMIT = 99  # a score is read as a whole number here; the import checks it against the period's scale


def defusedxml_active() -> bool:
    """Whether openpyxl parses through defusedxml (it does when defusedxml is installed)."""
    return bool(openpyxl.DEFUSEDXML) and openpyxl_xml.iterparse.__module__.startswith("defusedxml")


@dataclass(frozen=True)
class ReadOptions:
    ignore_unknown_columns: bool = False
    matrix_size: int = SCORE_LIMIT
    # called now and then with (rows read, rows in the file); may raise Cancelled to stop reading
    progress: Callable[[int, int], None] | None = None


PROGRESS_EVERY = 500  # rows


class _Located:
    """Collects the problems of a file, each with its place."""

    def __init__(self, progress: Callable[[int, int], None] | None = None, rows_total: int = 0) -> None:
        self.problems: list[SheetProblem] = []
        self.complete = True  # every sheet and column was found
        self.progress = progress
        self.rows_total = rows_total  # of the sheets read, as they declare
        self.rows_before = 0  # rows of the sheets already read

    def add(
        self, zh: str, en: str, sheet: str = "", row: int | None = None, column: str = "", header: str = ""
    ) -> None:
        self.problems.append(SheetProblem(zh, en, sheet, row, column, header))


def _find_sheet(names: list[str], sheet: Sheet) -> str | None:
    wanted = {normalised_label(sheet.zh), normalised_label(sheet.en)}
    return next((n for n in names if normalised_label(n) in wanted), None)


def _header_map(
    header: tuple[Cell, ...], columns: tuple[Column, ...], sheet: str, out: _Located, options: ReadOptions
) -> dict[int, Column]:
    """Column index (0-based) -> its Column, from the header row in either language."""
    known = {}
    for each in columns:
        known[normalised_label(each.zh)] = each
        known[normalised_label(each.en)] = each
    found: dict[int, Column] = {}
    seen: dict[Column, int] = {}
    for index, cell in enumerate(header):
        text = "" if cell is None else str(cell)
        if not text.strip():
            continue
        column = known.get(normalised_label(text))
        letter = column_letter(index + 1)
        if column is None:
            if not options.ignore_unknown_columns:
                out.add(
                    "未知的列（可选择忽略未知列后再导入）",
                    "unknown column (choose to ignore unknown columns to import without it)",
                    sheet,
                    1,
                    letter,
                    text.strip(),
                )
            continue
        if column in seen:
            out.add("该列重复出现", "this column appears twice", sheet, 1, letter, text.strip())
            continue
        seen[column] = index
        found[index] = column
    for each in columns:
        if each not in seen:
            out.add(
                f"缺少列「{each.zh}」",
                f"the column '{each.en}' is missing",
                sheet,
                1,
            )
    return found


def _text_converter(limit: int) -> Callable[[Cell], str]:
    def convert(cell: Cell) -> str:
        text = text_value(cell)
        if limit and len(text) > limit:
            raise CellError(f"超过 {limit} 个字符（{len(text)}）", f"is longer than {limit} characters ({len(text)})")
        return text

    return convert


def _converter(column: Column, options: ReadOptions) -> Callable[[Cell], Any]:
    """The function that turns a cell of `column` into its field's value (CellError when it cannot)."""
    kind = column.kind
    if kind is ColumnKind.CODE:
        return code_value
    if kind is ColumnKind.CHOICE:
        choices = column.choices
        assert choices is not None
        return lambda cell: coded_value(cell, choices)
    if kind is ColumnKind.TICK:
        return tick_value
    if kind is ColumnKind.SCORE:
        return lambda cell: score_value(cell, options.matrix_size)
    if kind is ColumnKind.NUMBER:
        return lambda cell: score_value(cell, MAX_ROWS)
    if kind is ColumnKind.AMOUNT:
        return amount_value
    if kind is ColumnKind.DATE:
        return date_value
    if kind is ColumnKind.FIGURE:
        return figure_value
    if kind is ColumnKind.INFO:
        return info_value
    if kind is ColumnKind.KEY:
        return lambda cell: clean_text(text_value(cell)).lower()
    return _text_converter(column.limit)


def _data_rows(
    ws: Any, scan: SheetScan, sheet: str, out: _Located, headers: dict[int, str]
) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    """The sheet's rows after the header, numbered as Excel numbers them; blank rows skipped."""
    hidden = set(scan.hidden_rows)
    formulas = set(scan.formula_cells)
    for number, values in enumerate(ws.iter_rows(min_row=2, max_col=MAX_COLUMNS, values_only=True), start=2):
        if out.progress is not None and number % PROGRESS_EVERY == 0:
            out.progress(out.rows_before + number, out.rows_total)
        if number > MAX_ROWS:
            out.add(f"超过 {MAX_ROWS} 行上限", f"more than the limit of {MAX_ROWS} rows", sheet)
            return
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if number in hidden:
            out.add("该行被隐藏；请取消隐藏或删除该行", "the row is hidden; unhide or delete it", sheet, number)
        if formulas:
            cleaned = list(values)
            for index in range(len(cleaned)):
                ref = f"{column_letter(index + 1)}{number}"
                if ref in formulas:
                    out.add(
                        "单元格含公式；请改为填写数值（公式不会被计算）",
                        "the cell holds a formula; type the value instead (formulas are never evaluated)",
                        sheet,
                        number,
                        column_letter(index + 1),
                        headers.get(index, ""),
                    )
                    cleaned[index] = None
            values = tuple(cleaned)
        yield number, values


def _check_structure(scan: SheetScan, sheet: str, out: _Located) -> None:
    if scan.merged:
        out.complete = False  # the cells under a merge read as blank: the rows cannot be compared
    for merged in scan.merged:
        out.add(
            f"合并单元格 {merged}：数据区域不能有合并单元格",
            f"merged cells {merged}: the data area must not hold merged cells",
            sheet,
        )


@dataclass(frozen=True)
class _Slot:
    position: int  # in the layout's columns
    index: int  # in the sheet (0-based)
    letter: str
    header: str
    convert: Callable[[Cell], Any]
    blank: Any  # what an empty cell converts to: most cells of a template are empty


def _read_rows(
    ws: Any, scan: SheetScan, sheet: str, columns: tuple[Column, ...], out: _Located, options: ReadOptions
) -> tuple[SheetLayout, Iterator[tuple[int, list[Any]]]]:
    """The sheet's layout, and its rows with each cell converted (None where a cell is a problem), in the
    order of `columns`; no rows when a column is missing."""
    _check_structure(scan, sheet, out)
    header_row = next(ws.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS, values_only=True), ())
    if any(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "1" for ref in scan.formula_cells):
        out.add("标题行含公式", "the header row holds a formula", sheet, 1)
    mapping = _header_map(tuple(header_row), columns, sheet, out, options)
    headers = {index: str(header_row[index]).strip() for index in mapping}
    slots = [
        _Slot(columns.index(c), i, column_letter(i + 1), headers[i], convert, convert(None))
        for i, c in mapping.items()
        for convert in (_converter(c, options),)
    ]
    layout = SheetLayout(sheet, {})
    for slot in sorted(slots, key=lambda s: s.index):
        layout.columns.setdefault(columns[slot.position].field, (slot.letter, slot.header))
    layout.columns.setdefault("code", next(((s.letter, s.header) for s in slots if s.position == 0), ("", "")))
    if len(mapping) < len(columns):
        out.complete = False
        return layout, iter(())
    width = len(columns)
    headed = {i for i, h in enumerate(header_row) if h is not None and str(h).strip()}
    last = max(headed) + 1 if headed else 0
    gaps = [i for i in range(last) if i not in headed]  # columns without a header between headed ones

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for number, values in _data_rows(ws, scan, sheet, out, headers):
            converted: list[Any] = [None] * width
            count = len(values)
            for slot in slots:
                cell = values[slot.index] if slot.index < count else None
                if cell is None:
                    converted[slot.position] = slot.blank
                    continue
                try:
                    converted[slot.position] = slot.convert(cell)
                except CellError as exc:
                    out.add(exc.zh, exc.en, sheet, number, slot.letter, slot.header)
            beyond = values[last:]
            if gaps or beyond.count(None) != len(beyond):  # else no cell outside the headed columns
                for index in (*gaps, *range(last, count)):
                    if values[index] not in (None, ""):
                        out.add(
                            "数据位于没有标题的列",
                            "there is data in a column without a header",
                            sheet,
                            number,
                            column_letter(index + 1),
                        )
            yield number, converted

    return layout, rows()


def _item_rows(ws: Any, scan: SheetScan, sheet: str, out: _Located, options: ReadOptions) -> list[ItemRowIn]:
    items: list[ItemRowIn] = []
    first_row: dict[str, int] = {}
    layout, rows = _read_rows(ws, scan, sheet, ITEM_COLUMNS, out, options)
    ticks = [(p, c.field, c.member) for p, c in enumerate(ITEM_COLUMNS) if c.kind is ColumnKind.TICK and c.member]
    plain = [(p, c.field) for p, c in enumerate(ITEM_COLUMNS) if c.field not in {"code", *(t[1] for t in ticks)}]
    sets = list(dict.fromkeys(field for _p, field, _m in ticks))
    for number, row in rows:
        code = row[0] or ""
        values: dict[str, Any] = {field: row[p] for p, field in plain}
        for field in sets:
            values[field] = []
        for p, field, member in ticks:
            if row[p]:
                values[field].append(member)
        if code:
            if code in first_row:
                letter, header = layout.columns["code"]
                out.add(
                    f"编号 {code} 重复（已见于第 {first_row[code]} 行）",
                    f"the code {code} appears twice (first in row {first_row[code]})",
                    sheet,
                    number,
                    letter,
                    header,
                )
                continue
            first_row[code] = number
        items.append(ItemRowIn(number, code, values, layout))
    return items


def _action_rows(ws: Any, scan: SheetScan, sheet: str, out: _Located, options: ReadOptions) -> list[ActionRowIn]:
    actions: list[ActionRowIn] = []
    at = {c.field: p for p, c in enumerate(ACTION_COLUMNS)}
    seen: dict[tuple[str, int], int] = {}
    layout, rows = _read_rows(ws, scan, sheet, ACTION_COLUMNS, out, options)
    for number, row in rows:
        code = row[at["item_code"]] or ""
        position = row[at["number"]]
        if not code:
            out.add("缺少条目编号", "the item code is missing", sheet, number, layout.columns["item_code"][0])
            continue
        if position is not None:
            key = (code, position)
            if key in seen:
                out.add(
                    f"{code} 的第 {position} 项措施重复（已见于第 {seen[key]} 行）",
                    f"action {position} of {code} appears twice (first in row {seen[key]})",
                    sheet,
                    number,
                    layout.columns["number"][0],
                )
                continue
            seen[key] = number
        draft = MitigationDraft(
            description=row[at["description"]] or "",
            description_en=row[at["description_en"]] or "",
            owner=row[at["owner"]] or "",
            due=row[at["due"]],
            status=row[at["status"]] or MitigationStatus.PLANNED,
            cost_cny=row[at["cost_cny"]],
        )
        actions.append(ActionRowIn(number, code, position, draft, layout))
    return actions


def _keyed_rows(
    ws: Any,
    scan: SheetScan,
    sheet: str,
    columns: tuple[Column, ...],
    out: _Located,
    options: ReadOptions,
    unique: bool = True,
    blank_keys: bool = False,
) -> list[RowIn]:
    """The rows of a sheet keyed by its first column: each must have a key (unless `blank_keys`: a row
    without one is new), which appears once when `unique` (the grid has several rows per item; the import
    checks them once it knows the scenarios)."""
    keyed: list[RowIn] = []
    first_row: dict[str, int] = {}
    layout, rows = _read_rows(ws, scan, sheet, columns, out, options)
    key_letter, key_header = layout.columns[columns[0].field]
    ticks = [(p, c.field, c.member) for p, c in enumerate(columns) if p and c.kind is ColumnKind.TICK and c.member]
    sets = list(dict.fromkeys(field for _p, field, _m in ticks))
    plain_at = [p for p, c in enumerate(columns) if p and not (c.kind is ColumnKind.TICK and c.member)]
    plain = [columns[p].field for p in plain_at]
    for number, row in rows:
        key = "" if row[0] is None else str(row[0])
        if not key and not blank_keys:
            out.add(
                f"缺少{columns[0].zh}", f"the {columns[0].en.lower()} is missing", sheet, number, key_letter, key_header
            )
            continue
        if unique and key and key in first_row:
            out.add(
                f"{key} 重复（已见于第 {first_row[key]} 行）",
                f"{key} appears twice (first in row {first_row[key]})",
                sheet,
                number,
                key_letter,
                key_header,
            )
            continue
        first_row[key] = number
        values: dict[str, Any] = dict(zip(plain, (row[p] for p in plain_at), strict=True))
        for field in sets:
            values[field] = []
        for p, field, member in ticks:
            if row[p]:
                values[field].append(member)
        keyed.append(RowIn(number, key, values, layout))
    return keyed


def _identity(ws: Any, sheet: str, out: _Located, result: TemplateFile) -> None:
    rows = list(ws.iter_rows(max_col=4, values_only=True))
    settings = {str(r[0]): r[1] for r in rows if r and r[0] is not None and r[0] != "code"}
    if settings.get("format") == FORMAT_NAME and settings.get("format_version") != FORMAT_VERSION:
        out.complete = False
        out.add(
            "该模板由旧版本程序生成，缺少情景分析和指标工作表及登记册标识：请导出新的模板",
            "this template was made by an older version (without the scenario grid, metrics and the register's "
            "identity): export a new template",
            sheet,
        )
        return
    if settings.get("format") != FORMAT_NAME:
        out.complete = False
        out.add(
            "不是本程序生成的模板（标识工作表无效）",
            "this is not a template made by this application (the identity sheet is not valid)",
            sheet,
        )
        return
    year, period_id, metrics_version = (settings.get(k) for k in ("period", "period_id", "metrics_version"))
    result.year = int(year) if isinstance(year, int | float) else None
    result.period_id = int(period_id) if isinstance(period_id, int | float) else None
    result.metrics_version = int(metrics_version) if isinstance(metrics_version, int | float) else None
    result.register_id = str(settings.get("register_id") or "")
    result.register = str(settings.get("register") or "")
    table = False
    for r in rows:
        if r and r[0] == "code":
            table = True
            continue
        if table and r and isinstance(r[0], str) and isinstance(r[1], int | float):
            result.versions[r[0]] = int(r[1])
            ids = str(r[2] or "")
            result.action_ids[r[0]] = tuple(int(i) for i in ids.split(",") if i.strip().isdigit())
            for cell in str(r[3] or "").split(","):
                parts = cell.split(":")
                if len(parts) == 3 and parts[0].isdigit() and parts[2].isdigit():
                    result.cell_versions[(r[0], int(parts[0]), parts[1])] = int(parts[2])


def read_template(path: Path, options: ReadOptions | None = None) -> TemplateFile:
    """Read a filled template; problems are collected in the result. A UserError when the file cannot be
    read at all (not an xlsx, damaged, over a limit, unsafe)."""
    options = options or ReadOptions()
    if not defusedxml_active():
        raise UserError(
            "缺少 defusedxml，出于安全原因拒绝导入。", "defusedxml is not installed: imports are refused for safety."
        )
    scan: WorkbookScan = scan_workbook(path)
    out = _Located(options.progress)
    result = TemplateFile(name=path.name, year=None)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or unsafe part
        raise UserError(
            f"{path.name}：无法作为 Excel 工作簿读取（{type(exc).__name__}）。登记册未改动。",
            f"{path.name}: cannot be read as an Excel workbook ({type(exc).__name__}: {exc}). "
            "The register is unchanged.",
        ) from exc
    try:
        names = list(workbook.sheetnames)
        identity = _find_sheet(names, IDENTITY)
        if identity is None:
            out.complete = False
            out.add(
                "缺少标识工作表 _identity：请使用本程序导出的模板",
                "the identity sheet _identity is missing: use a template exported by this application",
            )
        else:
            _identity(workbook[identity], identity, out, result)
        items_sheet = _find_sheet(names, ITEMS)
        actions_sheet = _find_sheet(names, ACTIONS)
        effects_sheet = _find_sheet(names, EFFECTS)
        grid_sheet = _find_sheet(names, GRID)
        metrics_sheet = _find_sheet(names, METRICS)
        targets_sheet = _find_sheet(names, TARGETS)
        found_sheets = (
            (ITEMS, items_sheet),
            (ACTIONS, actions_sheet),
            (EFFECTS, effects_sheet),
            (GRID, grid_sheet),
            (METRICS, metrics_sheet),
            (TARGETS, targets_sheet),
        )
        for wanted, found in found_sheets:
            if found is None:
                out.complete = False
                out.add(
                    f"缺少工作表「{wanted.zh}」（现有：{'、'.join(names)}）",
                    f"the sheet '{wanted.en}' is missing (found: {', '.join(names)})",
                )
        sheets = tuple(found for _wanted, found in found_sheets)
        out.rows_total = sum(scan.sheets[s].rows for s in sheets if s is not None)
        if items_sheet is not None:
            result.items = _item_rows(workbook[items_sheet], scan.sheets[items_sheet], items_sheet, out, options)
            out.rows_before = scan.sheets[items_sheet].rows
        if actions_sheet is not None:
            result.actions = _action_rows(
                workbook[actions_sheet], scan.sheets[actions_sheet], actions_sheet, out, options
            )
            out.rows_before += scan.sheets[actions_sheet].rows
        keyed = (
            (effects_sheet, EFFECT_COLUMNS, "effects"),
            (grid_sheet, GRID_COLUMNS, "grid"),
            (metrics_sheet, METRIC_COLUMNS, "metrics"),
            (targets_sheet, TARGET_COLUMNS, "targets"),
        )
        for name, columns, attribute in keyed:
            if name is not None:
                rows = _keyed_rows(
                    workbook[name],
                    scan.sheets[name],
                    name,
                    columns,
                    out,
                    options,
                    unique=columns is not GRID_COLUMNS,
                    blank_keys=columns is TARGET_COLUMNS,
                )
                setattr(result, attribute, rows)
                out.rows_before += scan.sheets[name].rows
    except (UserError, Cancelled):
        raise
    except Exception as exc:
        raise UserError(
            f"{path.name}：读取时出错（{type(exc).__name__}）。登记册未改动。",
            f"{path.name}: reading failed ({type(exc).__name__}: {exc}). The register is unchanged.",
        ) from exc
    finally:
        workbook.close()
    result.problems = out.problems
    result.complete = out.complete
    return result
