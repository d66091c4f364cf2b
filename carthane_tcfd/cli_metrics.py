"""The `metrics` command: a period's inventory, basis, cross-industry metrics and targets, as a table or
as JSON with stable codes (scopes `scope1`…`scope3`, scope 3 categories by code and number 1–15, energy
carriers `energy.*`). Figures are JSON numbers; what is not entered is null."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.ghg import LineGroup
from carthane_tcfd.domain.inventory import format_figure
from carthane_tcfd.domain.metric_rows import MetricRow, metric_rows
from carthane_tcfd.domain.metric_set import MetricsView
from carthane_tcfd.domain.targets import Target
from carthane_tcfd.domain.taxonomy import Lang, char_width


def _n(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _row_json(row: MetricRow) -> dict[str, Any]:
    out: dict[str, Any] = {"code": row.key, "label": {"zh": row.zh, "en": row.en}}
    out.update(value=_n(row.value), previous=_n(row.previous))
    out["change_pct"] = _n(row.change_pct)
    line = row.line
    if line is not None:
        d = line.definition
        out.update(group=d.group.value, unit=d.unit.value, status=line.status.value)
        out.update(reason=line.reason, reason_en=line.reason_en)
        if d.number is not None:
            out["category"] = d.number
        if d.tce:
            out.update(tce=_n(line.tce), previous_tce=_n(row.previous_tce))
        out.update(source=line.source, source_en=line.source_en)
    return out


def _target_json(view: MetricsView, t: Target) -> dict[str, Any]:
    progress = view.progress(t)
    return {
        "title": t.title,
        "title_en": t.title_en,
        "metric": t.metric.value,
        "coverage": t.coverage,
        "base_year": t.base_year,
        "base_value": _n(t.base_value),
        "target_year": t.target_year,
        "target_value": _n(t.target_value),
        "milestones": [{"year": m.year, "value": _n(m.value)} for m in t.milestones],
        "science_based": t.science_based,
        "validated": t.validated,
        "status": t.status.value,
        "progress": None
        if progress is None
        else {
            "year": progress.year,
            "actual": _n(progress.actual),
            "expected": _n(progress.expected),
            "achieved_pct": _n(progress.achieved_pct),
            "on_track": progress.on_track,
        },
    }


def metrics_json(view: MetricsView, status: str) -> dict[str, Any]:
    rows = metric_rows(view)
    inventory, totals = view.current.inventory, view.totals
    b = inventory.basis
    return {
        "year": view.year,
        "status": status,
        "previous_year": view.previous_year,
        "basis": {
            "boundary": b.boundary.value if b.boundary else None,
            "standards": b.standards,
            "standards_en": b.standards_en,
            "factor_sources": b.factor_sources,
            "factor_sources_en": b.factor_sources_en,
            "gwp": b.gwp,
            "verification": b.verification.value if b.verification else None,
            "verification_note": b.verification_note,
            "verification_note_en": b.verification_note_en,
            "scope2_for_total": b.scope2_for_total.value,
            "output_unit": {"zh": b.output_unit_zh, "en": b.output_unit_en},
            "target_note": b.target_note,
            "target_note_en": b.target_note_en,
            "source": b.source,
            "source_en": b.source_en,
        },
        "lines": [_row_json(r) for r in rows if r.line is not None],
        "totals": {r.key.removeprefix("computed."): _n(r.value) for r in rows if r.computed}
        | {"scope2_location": _n(totals.scope2_location), "scope2_market": _n(totals.scope2_market)},
        "warnings": [{"field": n.field, "zh": n.zh, "en": n.en} for n in view.notices],
        "custom": [
            {
                "name_zh": m.name_zh,
                "name_en": m.name_en,
                "unit": m.unit,
                "value": _n(m.value),
                "source": m.source,
                "source_en": m.source_en,
            }
            for m in inventory.custom
        ],
        "cross_industry": [
            {
                "code": m.code.value,
                "reference": m.code.paragraph,
                "state": m.state.value,
                "amount": _n(m.amount),
                "unit": m.unit,
                "share_pct": _n(m.share_pct),
                "narrative": m.narrative,
            }
            for m in view.current.cross_industry
        ],
        "targets": [_target_json(view, t) for t in view.current.targets],
    }


def _width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(_width(r[c]) for r in rows) for c in range(len(rows[0]))]
    return ["  ".join(v + " " * (w - _width(v)) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def metrics_text(view: MetricsView, lang: Lang) -> list[str]:
    """The inventory grouped by scope and category, then basis, cross-industry metrics and targets."""
    zh = lang == "zh"
    before = str(view.previous_year) if view.previous_year else ("上期" if zh else "previous")
    heads = (
        ("指标", "单位", str(view.year), before, "变化", "状态")
        if zh
        else (
            "Metric",
            "Unit",
            str(view.year),
            before,
            "Change",
            "Status",
        )
    )
    output_unit = view.current.inventory.basis.output_unit(lang)
    table: list[tuple[str, ...]] = [heads]
    group: LineGroup | str | None = "start"
    for row in metric_rows(view):
        if row.group != group:
            group = row.group
            title = row.group.label(lang) if row.group else ("其他指标" if zh else "Further metrics")
            table.append((f"[{title}]", "", "", "", "", ""))
        change = "" if row.change_pct is None else f"{row.change_pct.quantize(Decimal('0.1')):+f}%"
        status = row.status_text(lang)
        indent = "" if row.level == 0 else "  "
        table.append(
            (
                indent + row.label(lang),
                row.unit_of(lang, output_unit),
                row.value_text(),
                format_figure(row.previous, row.places) if view.previous_year else "",
                change,
                status,
            )
        )
        if row.line is not None and row.line.definition.tce:
            tce = "吨标煤" if zh else "tce"
            table.append(("    " + ("折标煤" if zh else "in tce"), tce, format_figure(row.tce), "", "", ""))
    out = _table(table)
    out += [f"! {n.message(lang)}" for n in view.notices]
    b = view.current.inventory.basis
    out.append("")
    out.append(("边界：" if zh else "Boundary: ") + (b.boundary.label(lang) if b.boundary else "—"))
    out.append(("核查：" if zh else "Verification: ") + (b.verification.label(lang) if b.verification else "—"))
    out.append("")
    for m in view.current.cross_industry:
        amount = f" {format_figure(m.amount)} {m.unit}".rstrip() if m.amount is not None else ""
        share = f" {format_figure(m.share_pct)}%" if m.share_pct is not None else ""
        out.append(f"{m.code.paragraph}  {m.code.label(lang)}: {m.state.label(lang)}{amount}{share}")
    out.append("")
    if not view.current.targets:
        out.append("本年度未设定量化气候目标。" if zh else "No quantified climate target is set for this period.")
    for t in view.current.targets:
        progress = view.progress(t)
        line = (
            f"{t.display_title(lang)} ({t.metric.label(lang)}): {t.base_year} {format_figure(t.base_value)} → "
            f"{t.target_year} {format_figure(t.target_value)}"
        )
        if progress:
            verdict = ("符合轨迹" if zh else "on track") if progress.on_track else ("落后于轨迹" if zh else "behind")
            line += (
                f"; {progress.year} {format_figure(progress.actual, 2)} / "
                f"{format_figure(progress.expected, 2)} ({verdict})"
            )
        out.append(line)
    return out
