"""The front of the board pack: the cover with its sign-off block, and the one-page executive summary."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from carthane_tcfd.domain.records import ItemSnapshot
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.signoff import SignoffRecord, preparer_name
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.domain.translation_status import english_pending
from carthane_tcfd.reports import summary
from carthane_tcfd.reports.pack_context import SHEETS, PackContext
from carthane_tcfd.reports.xlsx import joined, put, put_long, put_row, set_widths
from carthane_tcfd.reports.xlsx_styles import band_style_name

TOP_RISKS = 5
TOP_OPPORTUNITIES = 3
LIST_MAX = 15  # codes a summary line names; the count and the register give the rest


def _local(at: dt.datetime | None) -> str:
    return "" if at is None else at.date().isoformat()


def _signoff_rows(ctx: PackContext) -> list[tuple[str, str, str, str]]:
    """(role, name, date, note) for prepared, submitted for review and approved, from the period's
    workflow records; '—' where a step has not happened."""
    signoff = ctx.snapshot.signoff
    dash = "—"
    names = [preparer_name(name, ctx.lang) for name in signoff.preparers] if signoff else []
    preparers = ", ".join(names) or dash
    prepared = (ctx.t("signoff.prepared"), preparers, _local(signoff.last_edit if signoff else None) or dash, "")

    def step(role: str, record: SignoffRecord | None, note: str) -> tuple[str, str, str, str]:
        if record is None:
            return (ctx.t(role), dash, dash, ctx.t("signoff.pending"))
        return (ctx.t(role), record.signed_as, _local(record.at), note)

    submitted = signoff.submitted if signoff else None
    approved = signoff.approved if signoff else None
    meeting = ""
    if approved is not None:
        parts = [approved.meeting_date.isoformat() if approved.meeting_date else "", approved.meeting_reference]
        meeting = ctx.t("signoff.meeting").format(meeting=" ".join(p for p in parts if p)) if any(parts) else ""
        if approved.relaxed:
            meeting = f"{meeting} {ctx.t('signoff.relaxed')}".strip()
    return [
        prepared,
        step("signoff.submitted", submitted, submitted.comment if submitted else ""),
        step("signoff.approved", approved, meeting),
    ]


def _signoff_evidence(ctx: PackContext, row: int) -> int:
    """Below the sign-off table: the one-person-team relaxation, and the approved snapshot's hash; the
    last row written."""
    ws = ctx.sheet("cover")
    signoff = ctx.snapshot.signoff
    if signoff is not None and signoff.one_person_team:
        row += 1
        ws.merge(row, 2, 5, ctx.t("signoff.one_person_team"), "pack_warning")
    if signoff is not None and signoff.approved is not None and ctx.snapshot.frozen_hash:
        row += 1
        put(ws, row, 2, ctx.t("signoff.hash"), "pack_label")
        ws.merge(row, 3, 5, ctx.snapshot.frozen_hash, "pack_plain")
        row += 1
        ws.merge(row, 3, 5, ctx.t("signoff.hash_note"), "pack_note")
    return row


def build_cover(ctx: PackContext) -> None:
    ws = ctx.sheet("cover")
    ws.hide_gridlines()
    set_widths(ws, [2, 24, 26, 12, 34])
    p = ctx.snapshot.period
    put(ws, 2, 2, ctx.t("company"), "pack_subtitle")
    ws.merge(4, 2, 5, f"{ctx.t('report_title')} {p.year}", "pack_cover_title")  # the page's width, wrapped
    ws.merge(5, 2, 5, ctx.t("framework"), "pack_note")
    row = 7
    if ctx.draft:
        ws.merge(row, 2, 5, ctx.t("cover_draft"), "pack_confidential")
        row += 2
    facts = [
        ("period", f"{p.year} · {p.title}" if ctx.lang == "zh" else str(p.year)),
        ("status", p.status.label(ctx.lang)),
        ("prepared_on", ctx.snapshot.prepared_on.isoformat()),
        ("content_id", f"{ctx.content_id} — {ctx.t('content_id_note')}"),
    ]
    pending = len(english_pending(ctx.snapshot))
    facts.append(("english_pending", ctx.t("english_pending_count").format(n=pending) if pending else ctx.t("none")))
    for key, value in facts:
        put(ws, row, 2, ctx.t(key), "pack_label")
        ws.merge(row, 3, 5, value, "pack_plain")
        row += 1
    row += 1
    first = row
    put(ws, row, 2, ctx.t("signoff"), "pack_heading")
    row += 1
    put_row(
        ws,
        row,
        [ctx.t("signoff.role"), ctx.t("signoff.name"), ctx.t("signoff.date"), ctx.t("signoff.note")],
        "pack_header",
        2,
    )
    for values in _signoff_rows(ctx):
        row += 1
        put_row(ws, row, list(values), "pack_text", 2)
    row = _signoff_evidence(ctx, row)
    ws.keep_together(first, row)
    row += 2
    first = row
    put(ws, row, 2, ctx.t("decision_requested"), "pack_heading")
    n = p.narrative
    decision = ctx.text_of(n.decision_requested, n.decision_requested_en) or ctx.t("not_written")
    row = put_long(ws, row + 1, 2, decision, "pack_plain", span=4)
    ws.keep_together(first, first + 1)
    row += 1
    put(ws, row, 2, ctx.t("confidential"), "pack_confidential")
    row += 2
    first = row
    put(ws, row, 2, ctx.t("contents"), "pack_heading")
    sheets = SHEETS[1:]
    half = (len(sheets) + 1) // 2
    for offset, key in enumerate(sheets):
        name = ctx.sheet_name(key)
        ws.link(row + 1 + offset % half, 2 if offset < half else 4, f"{offset + 1}. {name}", name)
    row += half + 1
    ws.keep_together(first, row - 1)
    if not ctx.snapshot.items:
        put(ws, row + 1, 2, ctx.t("empty_register"), "pack_confidential")
    ctx.print_setup(ws, title_rows=None, last_col=5, landscape=False)


def _rating(ctx: PackContext, band: Band | None, score: int | None) -> str:
    return "—" if band is None or score is None else f"{band.label(ctx.lang)} {score}"


def _top_table(ctx: PackContext, row: int, title: str, items: list[ItemSnapshot], kind: Kind) -> int:
    ws = ctx.sheet("summary")
    first = row
    put(ws, row, 1, title, "pack_heading")
    row += 1
    put_row(
        ws,
        row,
        [ctx.t("col.code"), ctx.t("col.title"), ctx.t("inherent"), ctx.t("residual")],
        "pack_header",
    )
    for item in items:
        row += 1
        mark = "*" if item.scores_illustrative else ""
        put_row(ws, row, [item.code, ctx.title_of(item)])
        for col, band, score in (
            (3, item.inherent_band, item.inherent_score),
            (4, item.residual_band, item.residual_score),
        ):
            put(
                ws,
                row,
                col,
                _rating(ctx, band, score) + (mark if band else ""),
                band_style_name(band, kind) if band else "pack_center",
            )
    if not items:
        row += 1
        put(ws, row, 1, ctx.t("none"), "pack_plain")
    ws.keep_together(first, row)
    return row + 1


def _by_item(items: list[ItemSnapshot]) -> list[str]:
    """Item codes, each with how many times it occurs when more than once: PR-01 ×3."""
    counts = Counter(i.code for i in items)
    return [code if n == 1 else f"{code} ×{n}" for code, n in counts.items()]


def _line(ctx: PackContext, row: int, label: str, items: list[str], count: int | None = None) -> int:
    """A line of the summary: how many (`count`, or one for each of `items`), then which."""
    ws = ctx.sheet("summary")
    put(ws, row, 1, label, "pack_text")
    n = len(items) if count is None else count
    ws.merge(row, 2, 4, f"{n} — {joined(items, ', ', ctx.t('key_more'), LIST_MAX)}" if items else ctx.t("none"))
    return row + 1


def build_summary(ctx: PackContext) -> None:
    """One page for the committee: key messages, top risks and opportunities, what changed, actions
    and assessments that need attention, and the decision asked for."""
    ws = ctx.sheet("summary")
    set_widths(ws, [24, 45, 14, 14])
    snap = ctx.snapshot
    texts = snap.period.narrative
    row = ctx.title_block(ws, "summary_title")
    ws.gap(row - 1)
    put(ws, row, 1, ctx.t("key_messages"), "pack_heading")
    messages = ctx.text_of(texts.key_messages, texts.key_messages_en) or ctx.t("not_written")
    row = put_long(ws, row + 1, 1, messages, "pack_plain", span=4)
    ws.gap(row)
    row = _top_table(ctx, row + 1, ctx.t("top_risks"), summary.top_risks(snap, TOP_RISKS), Kind.RISK)
    opportunities = summary.top_opportunities(snap, TOP_OPPORTUNITIES)
    row = _top_table(ctx, row, ctx.t("top_opportunities"), opportunities, Kind.OPPORTUNITY)
    if any(i.scores_illustrative for i in snap.items):
        row = put_long(ws, row, 1, ctx.t("illustrative"), "pack_note", span=4)
    ws.gap(row)
    row += 1

    first = row
    put(ws, row, 1, ctx.t("changes"), "pack_heading")
    row += 1
    changes = summary.comparison(snap, ctx.today)
    if changes is None:
        row = put_long(ws, row, 1, ctx.t("first_period"), "pack_plain", span=4)
    else:
        put(ws, row, 1, f"{ctx.t('period')} {changes.from_year} → {changes.to_year}", "pack_plain")
        row = _line(ctx, row + 1, ctx.t("new_items"), [i.code for i in changes.new])
        row = _line(ctx, row, ctx.t("closed_items"), [i.code for i in changes.closed])
        row = _line(ctx, row, ctx.t("changed_items"), [m.code for m in changes.modified])
        row = _line(ctx, row, ctx.t("rerated_items"), sorted({r.code for r in changes.rerated}))
        row = put_long(ws, row, 1, ctx.t("changes_detail"), "pack_note", span=4)
    ws.keep_together(first, row - 1)
    ws.gap(row)
    row += 1

    first = row
    put(ws, row, 1, ctx.t("attention"), "pack_heading")
    actions = [(i, m) for i in snap.items for m in i.mitigations]
    overdue = [i for i, m in actions if m.is_overdue(ctx.today)]
    ownerless = [i for i, m in actions if m.status.is_open and not m.owner.strip()]
    # counted in actions, as the action tracker counts them, and named by item: PR-01 ×3
    row = _line(ctx, row + 1, ctx.t("overdue_actions"), _by_item(overdue), len(overdue))
    row = _line(ctx, row, ctx.t("ownerless_actions"), _by_item(ownerless), len(ownerless))
    row = _line(ctx, row, ctx.t("no_assessment"), [i.code for i in summary.unassessed(snap.items)])
    row = _line(ctx, row, ctx.t("illustrative_items"), [i.code for i in snap.items if i.scores_illustrative])
    ws.keep_together(first, row - 1)
    ws.gap(row)
    row += 1

    first = row
    put(ws, row, 1, ctx.t("decision_requested"), "pack_heading")
    decision = ctx.text_of(texts.decision_requested, texts.decision_requested_en) or ctx.t("not_written")
    row = put_long(ws, row + 1, 1, decision, "pack_plain", span=4)
    ws.keep_together(first, first + 1)
    ctx.print_setup(ws, title_rows=None, last_col=4, landscape=False)
