"""How the audit trail's stored values read in either language: the labels of codes (an item's category
and sets of codes, the status of an action or a period, the effects' statement lines and reasons) rather
than the codes the trail stores; yes/no and amounts written out; grid cells, anticipated effects and
scenarios from their JSON (domain/effects_audit.py); other values as stored. A code this version does
not know is shown as stored, never dropped."""

from __future__ import annotations

from decimal import Decimal

from carthane_tcfd.domain.effects import NotQuantifiedReason, StatementLine
from carthane_tcfd.domain.effects_audit import structured_text
from carthane_tcfd.domain.item_fields import Shape
from carthane_tcfd.domain.records import ITEM_FIELDS
from carthane_tcfd.domain.taxonomy import Category, Coded, Lang, MitigationStatus, PeriodStatus

CODED_VALUES: dict[tuple[str, str], type[Coded]] = {
    **{("item", f.name): f.vocabulary for f in ITEM_FIELDS if f.shape is Shape.CODES and f.vocabulary},
    **{("item", f.name): Category for f in ITEM_FIELDS if f.shape is Shape.CATEGORY},
    ("mitigation", "status"): MitigationStatus,
    ("period", "status"): PeriodStatus,
    ("item", "statement_lines"): StatementLine,
    ("item", "reason_code"): NotQuantifiedReason,
}
YES_NO = {("item", "material_adjustment"), ("period", "include_scope3")}
AMOUNTS = {("period", "electricity_cost_cny"), ("item", "current_cny")}


def audit_value_text(entity: str, field: str, stored: str | None, lang: Lang) -> str:
    """`stored` (as the audit trail keeps it: codes joined by commas, JSON for a grid cell, an anticipated
    effect or a scenario, True/False, amounts) as a reader sees it."""
    if not stored:
        return ""
    structured = structured_text(entity, field, stored, lang)
    if structured is not None:
        return structured
    if (entity, field) in YES_NO and stored in ("True", "False"):
        yes, no = ("是", "否") if lang == "zh" else ("Yes", "No")
        return yes if stored == "True" else no
    if (entity, field) in AMOUNTS:
        try:
            return f"{Decimal(stored):,.2f}"
        except ArithmeticError:
            return stored
    vocabulary = CODED_VALUES.get((entity, field))
    if vocabulary is None:
        return stored
    try:
        return ("、" if lang == "zh" else ", ").join(vocabulary(code).label(lang) for code in stored.split(","))
    except ValueError:
        return stored
