"""How the audit trail's stored values read in either language: the labels of codes (an item's category
and sets of codes, the status of an action or a period) rather than the codes the trail stores; other
values as stored. A code this version does not know is shown as stored, never dropped."""

from __future__ import annotations

from carthane_tcfd.domain.item_fields import Shape
from carthane_tcfd.domain.records import ITEM_FIELDS
from carthane_tcfd.domain.taxonomy import Category, Coded, Lang, MitigationStatus, PeriodStatus

CODED_VALUES: dict[tuple[str, str], type[Coded]] = {
    **{("item", f.name): f.vocabulary for f in ITEM_FIELDS if f.shape is Shape.CODES and f.vocabulary},
    **{("item", f.name): Category for f in ITEM_FIELDS if f.shape is Shape.CATEGORY},
    ("mitigation", "status"): MitigationStatus,
    ("period", "status"): PeriodStatus,
}


def audit_value_text(entity: str, field: str, stored: str | None, lang: Lang) -> str:
    """`stored` (as the audit trail keeps it: codes joined by commas) as a reader sees it."""
    if not stored:
        return ""
    vocabulary = CODED_VALUES.get((entity, field))
    if vocabulary is None:
        return stored
    try:
        return ("、" if lang == "zh" else ", ").join(vocabulary(code).label(lang) for code in stored.split(","))
    except ValueError:
        return stored
