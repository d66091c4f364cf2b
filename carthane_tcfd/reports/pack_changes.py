"""The board pack's "Changes since the previous period" sheet: items new, closed and modified (each field
old → new), re-ratings, actions added, completed and overdue, the movement matrices, and the other
sections that changed. Built from the comparison of the snapshot with the previous period's."""

from __future__ import annotations

from carthane_tcfd.domain.comparison import (
    CLOSED,
    MATRIX_COLUMNS,
    MATRIX_ROWS,
    NEW,
    UNASSESSED,
    Basis,
    Direction,
    PeriodComparison,
    Position,
)
from carthane_tcfd.domain.comparison_text import (
    band_key_label,
    change_text,
    field_label,
    rerating_label,
    section_counts,
    section_summary,
    value_text,
)
from carthane_tcfd.domain.records import ItemSnapshot
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.reports import summary
from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import Sheet, put, put_long, put_row, set_widths
from carthane_tcfd.reports.xlsx_styles import band_style_name

TEXT: dict[str, tuple[str, str]] = {
    "counts": (
        "{a} → {b}：新增 {new} 项，关闭 {closed} 项，修改 {modified} 项；{rerated}",
        "{a} → {b}: {new} new, {closed} closed, {modified} modified; {rerated}",
    ),
    "no_rerating": ("无评级调整", "no item re-rated"),
    "modified": ("修改的条目（字段：上年 → 本年）", "Modified items (field: last period → this period)"),
    "new": ("新增条目", "New items"),
    "closed": ("关闭的条目（上年未关闭，本年已关闭或不再列入）", "Closed items (open last period; closed or gone now)"),
    "reason": ("关闭原因", "Reason closed"),
    "rerated": ("评级调整", "Re-rated items"),
    "actions": ("应对措施", "Actions"),
    "movement": ("评级变动矩阵 · {kind} · {basis}", "Rating movement · {kind} · {basis}"),
    "movement_note": (
        "行：{a} 年度的评级；列：{b} 年度的评级；单元格为条目编号（超过 {n} 项时为数量）。",
        "Rows: the {a} rating; columns: the {b} rating; cells list item codes (a count above {n}).",
    ),
    "moved": ("位置变动的条目（可能性 × 影响）", "Items that moved (likelihood × impact)"),
    "other": ("其他变化", "Other changes"),
    "col.code": ("编号", "Code"),
    "col.kind": ("类型", "Type"),
    "col.title": ("名称", "Title"),
    "col.field": ("字段", "Field"),
    "col.before": ("上年", "Last period"),
    "col.after": ("本年", "This period"),
    "col.basis": ("依据", "Basis"),
    "col.change": ("变化", "Change"),
    "col.action": ("措施", "Action"),
    "col.status": ("状态", "Status"),
    "col.due": ("到期日", "Due"),
    "col.inherent": ("固有评级", "Inherent rating"),
    "col.residual": ("剩余评级", "Residual rating"),
    "inherent": ("固有", "Inherent"),
    "residual": ("剩余", "Residual"),
    "added": ("新增", "Added"),
    "completed": ("已完成", "Completed"),
    "overdue": ("逾期", "Overdue"),
    "up": ("上调", "Up"),
    "down": ("下调", "Down"),
    "period": ("年度设置", "Period settings"),
    "none": ("无", "None"),
}
CODES_IN_CELL = 12
WIDTHS: list[float] = [10, 14, 34, 30, 30, 12, 12]
LAST_COL = len(WIDTHS)


def _t(ctx: PackContext, key: str, **values: object) -> str:
    zh, en = TEXT[key]
    return (zh if ctx.lang == "zh" else en).format(**values)


def _rating(ctx: PackContext, item: ItemSnapshot, basis: Basis) -> str:
    lk, im, band = (
        (item.likelihood, item.impact, item.inherent_band)
        if basis is Basis.INHERENT
        else (item.residual_likelihood, item.residual_impact, item.residual_band)
    )
    if band is None:
        return band_key_label(UNASSESSED, ctx.lang)
    return f"{band.label(ctx.lang)} {lk}×{im}"


def _position(ctx: PackContext, position: Position, key: str) -> str:
    label = band_key_label(key, ctx.lang)
    return label if position is None else f"{label} {position[0]}×{position[1]}"


def counts_line(ctx: PackContext, result: PeriodComparison) -> str:
    """The executive summary's change line."""
    rerated = [
        f"{rerating_label(basis, direction, ctx.lang)} {len(result.rerated_by(basis, direction))}"
        for basis in Basis
        for direction in Direction
        if result.rerated_by(basis, direction)
    ]
    return _t(
        ctx,
        "counts",
        a=result.from_year,
        b=result.to_year,
        new=len(result.new),
        closed=len(result.closed),
        modified=len(result.modified),
        rerated=(", " if ctx.lang == "en" else "，").join(rerated) or _t(ctx, "no_rerating"),
    )


def build_changes(ctx: PackContext) -> None:
    ws = ctx.sheet("changes")
    set_widths(ws, WIDTHS)
    row = ctx.title_block(ws, "sheet.changes")
    result = summary.comparison(ctx.snapshot, ctx.today)
    if result is None:
        put_long(ws, row, 1, ctx.t("no_previous"), "pack_plain", span=LAST_COL)  # the page's width
        ctx.print_setup(ws, title_rows=None, last_col=LAST_COL)
        return
    ws.merge(row, 1, LAST_COL, counts_line(ctx, result), "pack_plain")
    row += 2
    row = _items(ctx, ws, row, "new", result.new)
    row = _items(ctx, ws, row, "closed", result.closed)
    row = _modified(ctx, ws, row, result)
    row = _rerated(ctx, ws, row, result)
    row = _actions(ctx, ws, row, result)
    for kind in Kind:
        for basis in Basis:
            row = _matrix(ctx, ws, row, result, kind, basis)
    row = _moved(ctx, ws, row, result)
    _other(ctx, ws, row, result)
    ctx.print_setup(ws, title_rows=None, last_col=LAST_COL)


def _heading(ctx: PackContext, ws: Sheet, row: int, key: str, heads: list[str], **values: object) -> int:
    put(ws, row, 1, _t(ctx, key, **values), "pack_heading")
    put_row(ws, row + 1, heads, "pack_header")
    return row + 2


def _none(ctx: PackContext, ws: Sheet, row: int) -> int:
    put(ws, row, 1, _t(ctx, "none"), "pack_plain")
    return row + 1


def _items(ctx: PackContext, ws: Sheet, row: int, key: str, items: tuple[ItemSnapshot, ...]) -> int:
    heads = [_t(ctx, k) for k in ("col.code", "col.kind", "col.title", "col.inherent", "col.residual")]
    first = row
    row = _heading(ctx, ws, row, key, heads)
    for item in items:
        put_row(
            ws,
            row,
            [
                item.code,
                item.category.label(ctx.lang),
                _title_with_reason(ctx, item),
                _rating(ctx, item, Basis.INHERENT),
                _rating(ctx, item, Basis.RESIDUAL),
            ],
        )
        row += 1
    if not items:
        row = _none(ctx, ws, row)
    ws.keep_together(first, min(row - 1, first + 12))
    return row + 1


def _title_with_reason(ctx: PackContext, item: ItemSnapshot) -> str:
    title = ctx.title_of(item)
    return f"{title}\n{_t(ctx, 'reason')}: {item.closed_reason}" if item.closed else title


def _modified(ctx: PackContext, ws: Sheet, row: int, result: PeriodComparison) -> int:
    heads = [_t(ctx, k) for k in ("col.code", "col.field", "col.title", "col.before", "col.after")]
    row = _heading(ctx, ws, row, "modified", heads)
    for m in result.modified:
        for n, change in enumerate(m.changes):
            put_row(
                ws,
                row,
                [
                    m.code if n == 0 else "",
                    field_label(change.field, ctx.lang),
                    ctx.title_of(m.new) if n == 0 else "",
                    value_text(change.field, change.old, ctx.lang),
                    value_text(change.field, change.new, ctx.lang),
                ],
            )
            row = ws.spill(row, len(heads)) + 1
    if not result.modified:
        row = _none(ctx, ws, row)
    return row + 1


def _rerated(ctx: PackContext, ws: Sheet, row: int, result: PeriodComparison) -> int:
    heads = [_t(ctx, k) for k in ("col.code", "col.basis", "col.change", "col.before", "col.after")]
    row = _heading(ctx, ws, row, "rerated", heads)
    for r in result.rerated:
        before = f"{r.old_band.label(ctx.lang) if r.old_band else ''} {r.old_score}".strip()
        after = f"{r.new_band.label(ctx.lang) if r.new_band else ''} {r.new_score}".strip()
        put_row(ws, row, [r.code, _t(ctx, r.basis.value), _t(ctx, r.direction.value), before, after])
        row += 1
    if not result.rerated:
        row = _none(ctx, ws, row)
    return row + 1


def _actions(ctx: PackContext, ws: Sheet, row: int, result: PeriodComparison) -> int:
    heads = [_t(ctx, k) for k in ("col.code", "col.change", "col.action", "col.status", "col.due")]
    row = _heading(ctx, ws, row, "actions", heads)
    found = False
    for key, changes in (
        ("added", result.actions_added),
        ("completed", result.actions_completed),
        ("overdue", result.actions_overdue),
    ):
        for a in changes:
            found = True
            due = a.action.due.isoformat() if a.action.due else "—"
            style = "pack_overdue" if key == "overdue" else "pack_text"
            put_row(ws, row, [a.code, _t(ctx, key), a.action.description, a.action.status.label(ctx.lang), due], style)
            row = ws.spill(row, len(heads)) + 1
    if not found:
        row = _none(ctx, ws, row)
    return row + 1


def _matrix(ctx: PackContext, ws: Sheet, row: int, result: PeriodComparison, kind: Kind, basis: Basis) -> int:
    cells = result.movement_matrix(basis, kind)
    if not any(cells.values()):
        return row
    first = row
    put(ws, row, 1, _t(ctx, "movement", kind=kind.label(ctx.lang), basis=_t(ctx, basis.value)), "pack_heading")
    row += 1
    note = _t(ctx, "movement_note", a=result.from_year, b=result.to_year, n=CODES_IN_CELL)
    ws.merge(row, 1, LAST_COL, note, "pack_note")
    row += 1
    put(ws, row, 1, f"{result.from_year} ↓ {result.to_year} →", "pack_axis")
    for col, key in enumerate(MATRIX_COLUMNS, start=2):
        put(ws, row, col, band_key_label(key, ctx.lang), _key_style(key, kind))
    row += 1
    for key in MATRIX_ROWS:
        put(ws, row, 1, band_key_label(key, ctx.lang), _key_style(key, kind))
        for col, target in enumerate(MATRIX_COLUMNS, start=2):
            codes = cells[(key, target)]
            text = ", ".join(codes) if len(codes) <= CODES_IN_CELL else str(len(codes))
            put(ws, row, col, text, "pack_center")
        row += 1
    ws.keep_together(first, row - 1)
    return row + 1


def _key_style(key: str, kind: Kind) -> str:
    if key in (NEW, CLOSED, UNASSESSED):
        return "pack_axis"
    return band_style_name(Band(key), kind)


def _moved(ctx: PackContext, ws: Sheet, row: int, result: PeriodComparison) -> int:
    heads = [_t(ctx, k) for k in ("col.code", "col.basis", "col.kind", "col.before", "col.after")]
    row = _heading(ctx, ws, row, "moved", heads)
    moved = [m for m in result.movements if m.moved and m.old_band != NEW and m.new_band != CLOSED]
    for m in moved:
        put_row(
            ws,
            row,
            [
                m.code,
                _t(ctx, m.basis.value),
                m.kind.label(ctx.lang),
                _position(ctx, m.old, m.old_band),
                _position(ctx, m.new, m.new_band),
            ],
        )
        row += 1
    if not moved:
        row = _none(ctx, ws, row)
    return row + 1


def _other(ctx: PackContext, ws: Sheet, row: int, result: PeriodComparison) -> int:
    put(ws, row, 1, _t(ctx, "other"), "pack_heading")
    row += 1
    lines = [f"{_t(ctx, 'period')} · {change_text(c, ctx.lang)}" for c in result.period_changes]
    for section, changed in section_summary(result):
        label = field_label(section, ctx.lang)
        lines.append(f"{label}: {section_counts(result, section, ctx.lang)}")
        lines += [f"{label} · {s.key} · {change_text(c, ctx.lang)}" for s in changed for c in s.changes]
    for line in lines or [_t(ctx, "none")]:
        ws.merge(row, 1, LAST_COL, line, "pack_plain")
        row += 1
    return row
