"""What the English edition still lacks: the prose that has Chinese text and no English beside it."""

from __future__ import annotations

from carthane_tcfd.domain.records import RegisterSnapshot

NARRATIVES = ("governance", "strategy", "risk_management", "metrics_targets", "key_messages", "decision_requested")
# the inventory basis's texts the pack prints, each with its English beside it (`…_en`)
BASIS_TEXTS = ("standards", "factor_sources", "verification_note", "source", "target_note")
# an inventory line's texts the pack prints, each with its English beside it (`…_en`); a further metric's source
LINE_TEXTS = ("source", "reason")


def english_pending(snapshot: RegisterSnapshot) -> list[str]:
    """Where an English text is missing, as readable places ("PR-01 description", "narrative governance")."""
    missing: list[str] = []
    narrative = snapshot.period.narrative
    for name in NARRATIVES:
        if getattr(narrative, name).strip() and not getattr(narrative, f"{name}_en").strip():
            missing.append(f"narrative {name}")
    for item in snapshot.items:
        if item.title.strip() and not item.title_en.strip():
            missing.append(f"{item.code} title")
        if item.description.strip() and not item.description_en.strip():
            missing.append(f"{item.code} description")
        missing.extend(
            f"{item.code} action {n}"
            for n, m in enumerate(item.mitigations, 1)
            if m.description.strip() and not m.description_en.strip()
        )
    if snapshot.metrics is not None:  # the inventory's own lines and units are bilingual; the officer's are not
        current = snapshot.metrics.current
        basis = current.inventory.basis
        missing.extend(
            f"metrics basis {name}"
            for name in BASIS_TEXTS
            if getattr(basis, name).strip() and not getattr(basis, f"{name}_en").strip()
        )
        missing.extend(
            f"metric {line.code} {name}"
            for line in current.inventory.lines
            for name in LINE_TEXTS
            if getattr(line, name).strip() and not getattr(line, f"{name}_en").strip()
        )
        missing.extend(f"metric {m.name_zh}" for m in current.inventory.custom if m.name_zh and not m.name_en.strip())
        custom = current.inventory.custom
        missing.extend(f"metric {m.name_zh} source" for m in custom if m.source.strip() and not m.source_en.strip())
        missing.extend(f"target {t.title}" for t in current.targets if t.title.strip() and not t.title_en.strip())
    return missing
