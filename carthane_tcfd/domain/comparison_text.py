"""How a comparison of two periods reads, in either language: field names, values, the movement matrix's
rows and columns, and the comparison as JSON data. Shared by the CLI, the board pack and the GUI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from carthane_tcfd.domain.comparison import (
    CLOSED,
    MATRIX_COLUMNS,
    MATRIX_ROWS,
    NEW,
    UNASSESSED,
    Basis,
    Direction,
    FieldChange,
    PeriodComparison,
    SectionChange,
)
from carthane_tcfd.domain.effects import StatementLine
from carthane_tcfd.domain.records import ItemSnapshot, Narrative
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.snapshot_data import to_data
from carthane_tcfd.domain.taxonomy import Coded, FinancialImpact, Horizon, Kind, Lang, ValueChain, char_width, labels
from carthane_tcfd.domain.validation import FIELD_LABELS

CODE_LIST_VOCABULARY: dict[str, type[Coded]] = {
    "horizons": Horizon,
    "value_chain": ValueChain,
    "financial_impacts": FinancialImpact,
    "statement_lines": StatementLine,
}
MORE_LABELS: dict[str, tuple[str, str]] = {
    "narrative": ("叙述", "Narratives"),
    "horizon_definitions": ("时间范围定义", "Horizon definitions"),
    "impact_thresholds_cny": ("影响金额阈值", "Impact thresholds"),
    "one_person_team": ("一人团队（放宽职责分离）", "One-person team (segregation relaxed)"),
    "value": ("数值", "Value"),
    "metrics": ("指标", "Metrics"),
    "effects": ("财务影响", "Financial effects"),
    "scenarios": ("情景分析", "Scenario analysis"),
    "inputs": ("输入", "Inputs"),
    "governance": ("治理", "Governance"),
    "strategy": ("战略", "Strategy"),
    "risk_management": ("风险管理", "Risk management"),
    "metrics_targets": ("指标与目标", "Metrics and targets"),
    NEW: ("新增", "New"),
    CLOSED: ("已关闭", "Closed"),
    UNASSESSED: ("未评估", "Not assessed"),
}
TEXT_LIMIT = 120  # characters of a long text shown in a change line; the JSON keeps the whole text


def field_label(name: str, lang: Lang) -> str:
    """A field's label; a field of a record within the item or section as 'Financial effects · Low (CNY)'."""
    if "." in name:
        return " · ".join(field_label(part, lang) for part in name.split("."))
    zh, en = FIELD_LABELS.get(name) or MORE_LABELS.get(name) or (name, name)
    return zh if lang == "zh" else en


def value_text(name: str, value: Any, lang: Lang) -> str:
    """A field's value as a reader sees it: labels for codes, '—' for nothing, long text shortened."""
    if value is None or value == "" or value == ():
        return "—"
    name = name.rsplit(".", 1)[-1]
    sep = "、" if lang == "zh" else ", "
    if name in CODE_LIST_VOCABULARY:
        return labels(value, CODE_LIST_VOCABULARY[name], lang, sep)
    if isinstance(value, tuple) and all(is_dataclass(v) for v in value):
        return "; ".join(_record_text(v, lang) for v in value)
    if isinstance(value, Coded):
        return value.label(lang)
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, Narrative):
        return "…"
    text = str(value) if not isinstance(value, Enum) else str(value.value)
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def _record_text(record: Any, lang: Lang) -> str:
    """A small record (an anticipated effect, a carbon price) on one line: its fields that hold something."""
    parts = [
        value_text(f.name, getattr(record, f.name), lang)
        for f in fields(record)
        if getattr(record, f.name) not in (None, "", ())
    ]
    return " ".join(parts)


def change_text(change: FieldChange, lang: Lang) -> str:
    """'Owner: 安环部 → 行政部'."""
    sep = "：" if lang == "zh" else ": "
    old, new = value_text(change.field, change.old, lang), value_text(change.field, change.new, lang)
    return f"{field_label(change.field, lang)}{sep}{old} → {new}"


def band_key_label(key: str, lang: Lang) -> str:
    """A row or column of the movement matrix: a band, not assessed, new or closed."""
    if key in MORE_LABELS:
        return field_label(key, lang)
    return Band(key).label(lang)


def section_summary(result: PeriodComparison) -> list[tuple[str, list[SectionChange]]]:
    """Each other section (metrics, …) that changed, with its records whose fields changed."""
    sections: dict[str, list[SectionChange]] = {}
    for s in result.sections:
        sections.setdefault(s.section, [])
        if not s.added and not s.removed:
            sections[s.section].append(s)
    return list(sections.items())


def section_counts(result: PeriodComparison, section: str, lang: Lang) -> str:
    """'2 new, 28 not in 2025, 3 changed' for one section."""
    found = [s for s in result.sections if s.section == section]
    added = sum(1 for s in found if s.added)
    removed = sum(1 for s in found if s.removed)
    changed = len(found) - added - removed
    if lang == "zh":
        return f"新增 {added}，{result.to_year} 年度无 {removed}，变化 {changed}"
    return f"{added} new, {removed} not in {result.to_year}, {changed} changed"


def rerating_label(basis: Basis, direction: Direction, lang: Lang) -> str:
    """'Inherent rating up' / '固有评级上调'."""
    if lang == "zh":
        return f"{'固有' if basis is Basis.INHERENT else '剩余'}评级{'上调' if direction is Direction.UP else '下调'}"
    return f"{basis.value.capitalize()} rating {direction.value}"


def item_title(item: ItemSnapshot, lang: Lang) -> str:
    return f"{item.code} {item.display_title(lang)}"


def comparison_data(result: PeriodComparison) -> dict[str, Any]:
    """The comparison as JSON data: codes, whole values old → new, ISO dates."""

    def changes(found: tuple[FieldChange, ...]) -> list[dict[str, Any]]:
        return [{"field": c.field, "old": to_data(c.old), "new": to_data(c.new)} for c in found]

    def item(i: ItemSnapshot) -> dict[str, Any]:
        return {"code": i.code, "kind": i.kind.value, "title": i.title, "title_en": i.title_en}

    return {
        "from": result.from_year,
        "to": result.to_year,
        "new": [item(i) for i in result.new],
        "closed": [item(i) for i in result.closed],
        "modified": [{**item(m.new), "changes": changes(m.changes)} for m in result.modified],
        "rerated": [
            {
                "code": r.code,
                "basis": r.basis.value,
                "direction": r.direction.value,
                "old_score": r.old_score,
                "new_score": r.new_score,
                "old_band": r.old_band.value if r.old_band else None,
                "new_band": r.new_band.value if r.new_band else None,
            }
            for r in result.rerated
        ],
        "actions": {
            key: [
                {
                    "code": a.code,
                    "description": a.action.description,
                    "status": a.action.status.value,
                    "due": a.action.due.isoformat() if a.action.due else None,
                }
                for a in found
            ]
            for key, found in (
                ("added", result.actions_added),
                ("completed", result.actions_completed),
                ("overdue", result.actions_overdue),
            )
        },
        "movements": [
            {
                "code": m.code,
                "kind": m.kind.value,
                "basis": m.basis.value,
                "old": list(m.old) if m.old else None,
                "new": list(m.new) if m.new else None,
                "old_band": m.old_band,
                "new_band": m.new_band,
            }
            for m in result.movements
            if m.moved
        ],
        "period": changes(result.period_changes),
        "sections": [
            {"section": s.section, "key": s.key, "added": s.added, "removed": s.removed, "changes": changes(s.changes)}
            for s in result.sections
        ],
    }


def table_lines(heads: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A table as lines of text in columns as wide as their widest text (CJK characters count twice)."""
    widths = [max(_width(str(r[c])) for r in [heads, *rows]) for c in range(len(heads))]
    return [
        "  ".join(str(v) + " " * (w - _width(str(v))) for v, w in zip(row, widths, strict=True)).rstrip()
        for row in [heads, *rows]
    ]


def _width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def comparison_lines(result: PeriodComparison, lang: Lang) -> list[str]:
    """The comparison as text: what `compare` prints and Period ▸ Compare… shows."""
    zh = lang == "zh"
    lines = [f"{result.from_year} → {result.to_year}"]
    for key, items in ((NEW, result.new), (CLOSED, result.closed)):
        lines.append(f"{band_key_label(key, lang)} ({len(items)})")
        lines += [f"  {item_title(item, lang)}" for item in items]
    lines.append(f"{'修改' if zh else 'Modified'} ({len(result.modified)})")
    for m in result.modified:
        lines.append(f"  {item_title(m.new, lang)}")
        lines += [f"    {change_text(change, lang)}" for change in m.changes]
    for basis in Basis:
        for direction in Direction:
            rerated = result.rerated_by(basis, direction)
            if rerated:
                scores = ", ".join(f"{r.code} {r.old_score}→{r.new_score}" for r in rerated)
                lines.append(f"{rerating_label(basis, direction, lang)}: {scores}")
    for key, found in (
        ("新增措施" if zh else "Actions added", result.actions_added),
        ("已完成措施" if zh else "Actions completed", result.actions_completed),
        ("逾期措施" if zh else "Actions overdue", result.actions_overdue),
    ):
        codes = ", ".join(sorted({a.code for a in found}))
        lines.append(f"{key} ({len(found)})" + (f": {codes}" if found else ""))
    lines += [f"{'年度设置' if zh else 'Period'} · {change_text(c, lang)}" for c in result.period_changes]
    for section, changed in section_summary(result):
        lines.append(f"{field_label(section, lang)}: {section_counts(result, section, lang)}")
        lines += [f"  {s.key}: " + "; ".join(change_text(c, lang) for c in s.changes) for s in changed]
    for kind in Kind:
        for basis in Basis:
            matrix = result.movement_matrix(basis, kind)
            if not any(matrix.values()):
                continue
            basis_text = ("固有" if basis is Basis.INHERENT else "剩余") if zh else basis.value
            lines.append(
                f"{kind.label(lang)} · " + (f"{basis_text}评级变动" if zh else f"{basis_text} rating movement")
            )
            heads = (f"{result.from_year} ↓ {result.to_year} →", *(band_key_label(c, lang) for c in MATRIX_COLUMNS))
            rows = [
                (band_key_label(r, lang), *(str(len(matrix[(r, c)]) or "·") for c in MATRIX_COLUMNS))
                for r in MATRIX_ROWS
            ]
            lines += table_lines(heads, rows)
    return lines
