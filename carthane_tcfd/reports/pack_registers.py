"""The register sheets of the board pack: risks, opportunities, and the mitigation action plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.item_fields import ItemField, Shape
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemSnapshot, MitigationSnapshot
from carthane_tcfd.domain.taxonomy import Kind, MitigationStatus
from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import add_table, joined, put, put_cells, set_widths
from carthane_tcfd.reports.xlsx_styles import band_style_name

HEADER_ROW = 4
TOP_ACTIONS = 3  # actions a register row shows; the action tracker lists them all


def _estimate(item: ItemSnapshot) -> str:
    low, high = item.estimate_low_cny, item.estimate_high_cny

    def fmt(v: Decimal) -> str:
        return f"{v:,.0f}"

    if low is None and high is None:
        return "—"
    if low is not None and high is not None:
        return f"{fmt(low)} – {fmt(high)}"
    return fmt(low if low is not None else high)  # type: ignore[arg-type]


def _rating(ctx: PackContext, item: ItemSnapshot, residual: bool) -> str:
    """'High 12 (3 × 4)', with * when the scores are illustrative; '—' when not assessed."""
    band = item.residual_band if residual else item.inherent_band
    lk, im = (item.residual_likelihood, item.residual_impact) if residual else (item.likelihood, item.impact)
    if band is None or lk is None or im is None:
        return ctx.t("assessment.none")
    mark = "*" if item.scores_illustrative else ""
    return f"{band.label(ctx.lang)}{mark}\n{lk * im} ({lk} × {im})"


def _top_actions(item: ItemSnapshot, ctx: PackContext) -> str:
    """The first actions, numbered; how many more the action tracker lists."""
    shown = [f"{n}. {ctx.text_of(m.description, m.description_en)}" for n, m in enumerate(item.mitigations, 1)]
    return joined(shown, "\n", ctx.t("more_actions"), TOP_ACTIONS)  # never more than a cell holds


Column = tuple[str, float, Callable[[ItemSnapshot], Any], str]  # header, width, value, style
CENTRED = (Shape.SCORE, Shape.AMOUNT, Shape.FLAG)


def _field_column(ctx: PackContext, f: ItemField) -> Column:
    """A declared field's own column: its label, its width, its value as the edition's reader sees it."""
    assert f.pack_width is not None
    style = "pack_center" if f.shape in CENTRED else "pack_text"
    if f.shape is Shape.TEXT:
        english = f.english

        def value(i: ItemSnapshot) -> Any:
            return ctx.text_of(getattr(i, f.name), getattr(i, english) if english else "") or "—"

    else:

        def value(i: ItemSnapshot) -> Any:
            return f.shown(i, ctx.lang, "\n")

    return (f.label(ctx.lang), f.pack_width, value, style)


def _columns(ctx: PackContext, kind: Kind) -> list[Column]:
    """The code, then each declared field with a pack width (records.ITEM_FIELDS) in declaration order,
    with the columns that combine fields after the field they follow, and the main actions last."""
    lang = ctx.lang
    computed: dict[str, list[Column]] = {
        "title": [(ctx.t("col.title"), 18, lambda i: f"{ctx.title_of(i)}\n{i.category.label(lang)}", "pack_text")],
        "financial_impacts": [(ctx.t("col.estimate"), 11, _estimate, "pack_center")],
        "impact": [(ctx.t("col.inherent"), 10, lambda i: _rating(ctx, i, residual=False), "band:inherent")],
        "residual_impact": [(ctx.t("col.residual"), 10, lambda i: _rating(ctx, i, residual=True), "band:residual")],
    }
    columns: list[Column] = [(ctx.t("col.code"), 7, lambda i: i.code, "pack_center")]
    for f in ITEM_FIELDS:
        if f.pack_width is not None:
            columns.append(_field_column(ctx, f))
        columns += computed.get(f.name, [])
    columns.append((ctx.t("col.top_actions"), 25, lambda i: _top_actions(i, ctx), "pack_text"))
    return columns


def _style_of(style: str, kind: Kind) -> Callable[[ItemSnapshot], str]:
    """A register column's style of an item's cell: its own, or ("band:inherent", "band:residual") the
    colour of the item's rating band."""
    if not style.startswith("band:"):
        return lambda _item: style
    residual = style == "band:residual"

    def banded(item: ItemSnapshot) -> str:
        band = item.residual_band if residual else item.inherent_band
        return band_style_name(band, kind) if band else "pack_center"

    return banded


def build_register(ctx: PackContext, kind: Kind) -> None:
    key = "risks" if kind is Kind.RISK else "opportunities"
    ws = ctx.sheet(key)
    items = ctx.snapshot.of_kind(kind)
    columns = _columns(ctx, kind)
    set_widths(ws, [c[1] for c in columns])
    ctx.title_block(ws, f"sheet.{key}")
    ws.merge(3, 1, len(columns), ctx.t("register_note"), "pack_note")
    for col, (head, *_rest) in enumerate(columns, start=1):
        put(ws, HEADER_ROW, col, head, "pack_header")
    values = [value for _h, _w, value, _s in columns]
    styles = [_style_of(style, kind) for *_rest, style in columns]
    row = HEADER_ROW
    for item in items:
        row += 1
        put_cells(ws, row, [value(item) for value in values], [style(item) for style in styles])
        row = ws.spill(row, len(columns))
    if items:
        heads = [head for head, *_rest in columns]
        add_table(ws, "Risks" if kind is Kind.RISK else "Opportunities", HEADER_ROW, row, heads)
        if any(i.scores_illustrative for i in items):
            ws.merge(row + 2, 1, len(columns), ctx.t("illustrative"), "pack_note")
            ws.keep_together(row, row + 2)  # the note never prints alone under a repeated header
    else:
        ws.merge(HEADER_ROW + 1, 1, len(columns), ctx.t("empty_register"), "pack_note")
    ws.freeze(HEADER_ROW + 1, 3)
    ctx.print_setup(ws, title_rows=HEADER_ROW, last_col=len(columns))


def _tracker_styles(late: bool, status: str) -> tuple[str, ...]:
    """The styles of an action tracker's row: overdue ones in red, the status cell in its colour."""
    text, date = ("pack_overdue", "pack_overdue_date") if late else ("pack_text", "pack_date")
    return ("pack_center", text, "pack_center", text, text, date, status, text, "pack_money")


SOON_DAYS = 30  # an open action due within this many days shows amber


def rag(action: MitigationSnapshot, today: dt.date) -> str:
    """Red (overdue), amber (status not stated, or due soon and not done), green (completed or on
    track), or grey (cancelled): the style of the action's status cell."""
    status = action.status
    if action.is_overdue(today):
        return "rag_red"
    if status is MitigationStatus.CANCELLED:
        return "pack_center"
    if status is MitigationStatus.COMPLETED:
        return "rag_green"
    if status is MitigationStatus.NOT_STATED:
        return "rag_amber"
    soon = action.due is not None and (action.due - today).days <= SOON_DAYS
    return "rag_amber" if soon else "rag_green"


Action = tuple[int, ItemSnapshot, int, MitigationSnapshot]  # item's place in the register, item, number, action


def _by_due_date(action: Action) -> tuple[dt.date, int, int]:
    place, _item, number, m = action
    return m.due or dt.date.max, place, number


def build_mitigations(ctx: PackContext) -> None:
    """The action tracker: every action with owner, due date, status in red/amber/green, overdue flag and
    cost, by due date (actions without one last); a summary line above."""
    ws = ctx.sheet("mitigations")
    heads = ["col.code", "col.title", "col.no", "col.action", "col.owner", "col.due", "col.status", "col.overdue"]
    heads.append("col.cost")
    set_widths(ws, [7, 18, 5, 40, 12, 11, 12, 10, 15])  # the cost: 999,999,999.99 without "###"
    ctx.title_block(ws, "sheet.mitigations")
    actions: list[Action] = [
        (place, i, n, m) for place, i in enumerate(ctx.snapshot.items) for n, m in enumerate(i.mitigations, start=1)
    ]
    actions.sort(key=_by_due_date)
    opened = [m for *_rest, m in actions if m.status.is_open]
    overdue = sum(1 for m in opened if m.is_overdue(ctx.today))
    ownerless = sum(1 for m in opened if not m.owner.strip())
    undated = sum(1 for m in opened if m.due is None)
    summary = ctx.t("tracker_summary").format(
        total=len(actions), open=len(opened), overdue=overdue, ownerless=ownerless, undated=undated
    )
    ws.merge(3, 1, len(heads), f"{summary}  {ctx.t('rag_note')}", "pack_note")
    for col, head in enumerate(heads, start=1):
        put(ws, HEADER_ROW, col, ctx.t(head), "pack_header")
    row = HEADER_ROW
    today, yes, no = ctx.today, ctx.t("yes"), ctx.t("no")
    status_labels = {status: status.label(ctx.lang) for status in MitigationStatus}
    titles = {id(item): ctx.title_of(item) for item in ctx.snapshot.items}  # an item has several actions
    styles_of: dict[tuple[bool, str], tuple[str, ...]] = {}  # a row's styles by its overdue flag and status colour
    for _place, item, number, m in actions:
        row += 1
        late = m.is_overdue(today)
        status = rag(m, today)
        values = [
            item.code,
            titles[id(item)],
            number,
            ctx.text_of(m.description, m.description_en),
            m.owner or "—",
            m.due,
            status_labels[m.status],
            yes if late else no,
            None if m.cost_cny is None else float(m.cost_cny),
        ]
        styles = styles_of.get((late, status)) or styles_of.setdefault((late, status), _tracker_styles(late, status))
        put_cells(ws, row, values, styles)
        row = ws.spill(row, 9)
    if row > HEADER_ROW:
        add_table(ws, "Mitigations", HEADER_ROW, row, [ctx.t(head) for head in heads])
    else:
        ws.merge(HEADER_ROW + 1, 1, len(heads), ctx.t("empty_register"), "pack_note")
    ws.freeze(HEADER_ROW + 1, 1)
    ctx.print_setup(ws, title_rows=HEADER_ROW, last_col=len(heads))
