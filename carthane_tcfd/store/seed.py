"""Loads the 2024 register transcribed from the ESG report (resources/seed/register-2024.json)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from carthane_tcfd.domain.effects import seed_effects
from carthane_tcfd.domain.ghg import (
    Boundary,
    CrossIndustry,
    LineStatus,
    MeasureState,
    Scope2Basis,
    TargetMetric,
    TargetStatus,
    Verification,
)
from carthane_tcfd.domain.inventory import Basis, CustomMetric, Inventory, Line
from carthane_tcfd.domain.metric_set import MetricSet
from carthane_tcfd.domain.metrics_validation import validate_metric_set
from carthane_tcfd.domain.records import ILLUSTRATIVE_NOTE_EN, ILLUSTRATIVE_NOTE_ZH
from carthane_tcfd.domain.signoff import SEED_AUTHOR
from carthane_tcfd.domain.targets import CrossIndustryMetric, Milestone, Target, cross_industry_of
from carthane_tcfd.domain.taxonomy import Category, Kind, MitigationStatus, Source
from carthane_tcfd.paths import resource
from carthane_tcfd.store.metric_records import write_metric_set
from carthane_tcfd.store.models import (
    AuditEntry,
    CodeCounter,
    FinancialEffect,
    Item,
    Mitigation,
    Period,
    Scenario,
)
from carthane_tcfd.store.scenario_defaults import default_scenario_rows

SEED_FILE = "register-2024.json"
TRANSLATION_FILE = "register-2024-en.json"  # English texts of the register: translations of the report


def seed_data(path: Path | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((path or resource("seed", SEED_FILE)).read_text(encoding="utf-8"))
    return data


def seed_translations() -> dict[str, Any]:
    """The English texts of the seeded register, by item code and period text."""
    data: dict[str, Any] = json.loads(resource("seed", TRANSLATION_FILE).read_text(encoding="utf-8"))
    return data


def load_seed(engine: Engine, path: Path | None = None) -> int:
    """Insert the seeded period with its items, mitigations and metrics in one transaction; its id."""
    data = seed_data(path)
    english = seed_translations()
    with Session(engine) as session, session.begin():
        period = Period(**data["period"], **english["period"], updated_by=SEED_AUTHOR)
        session.add(period)
        session.flush()
        counters: dict[str, int] = {}
        items = []
        for raw in data["items"]:
            item = _item(raw, english["items"].get(raw["code"], {}), period.id)
            session.add(item)
            items.append(item)
            prefix, number = raw["code"].split("-")
            counters[prefix] = max(counters.get(prefix, 0), int(number))
        session.flush()
        # The report quantifies no effect: each item records why, marked as the seed's reason.
        effects = seed_effects()
        assert effects.reason is not None
        session.execute(
            insert(FinancialEffect),
            [
                {
                    "item_id": item.id,
                    "current_narrative": "",
                    "statement_lines": [],
                    "material_adjustment": False,
                    "reason_code": effects.reason.value,
                    "reason_text": effects.reason_text,
                    "reason_from_seed": True,
                }
                for item in items
            ],
        )
        session.execute(insert(Scenario), default_scenario_rows(period.id, SEED_AUTHOR))
        session.execute(
            insert(CodeCounter),
            [{"period_id": period.id, "prefix": p, "last": n} for p, n in counters.items()],
        )
        metrics = _with_english(data["metrics"], english)
        write_metric_set(session, period.id, seed_metric_set(metrics), SEED_AUTHOR, lambda *_: None)
        session.add(
            AuditEntry(
                who=SEED_AUTHOR,
                entity="period",
                entity_id=period.id,
                period_year=period.year,
                action="create",
                field="",
                new_value=f"{len(data['items'])} items from {data['source']}",
            )
        )
        return period.id


def _item(raw: dict[str, Any], english: dict[str, Any], period_id: int) -> Item:
    """An item as the report gives it. The report states no action status: "not stated in the report"
    until an officer sets one."""
    category = Category(raw["category"])
    english_actions = english.get("mitigations_en", [])
    likelihood, impact, residual_likelihood, residual_impact = raw["scores"]
    return Item(
        period_id=period_id,
        code=raw["code"],
        kind=category.kind.value,
        category=category.value,
        title=raw["title"],
        title_en=raw["title_en"],
        description=raw["description"],
        description_en=english.get("description_en", ""),
        source=(Source.ESG2024_RISKS if category.kind is Kind.RISK else Source.ESG2024_OPPORTUNITIES).value,
        horizons=raw["horizons"],
        value_chain=raw["value_chain"],
        financial_impacts=raw["financial_impacts"],
        likelihood=likelihood,
        impact=impact,
        residual_likelihood=residual_likelihood,
        residual_impact=residual_impact,
        scores_illustrative=True,
        notes=f"{ILLUSTRATIVE_NOTE_ZH}\n{ILLUSTRATIVE_NOTE_EN}",
        updated_by=SEED_AUTHOR,
        mitigations=[
            Mitigation(
                position=i,
                description=text,
                description_en=english_actions[i] if i < len(english_actions) else "",
                status=MitigationStatus.NOT_STATED.value,
            )
            for i, text in enumerate(raw["mitigations"])
        ],
    )


def _with_english(metrics: dict[str, Any], english: dict[str, Any]) -> dict[str, Any]:
    """The seed's metrics with the translations made for this register: the basis's texts, and each line's
    source and reason by its Chinese text."""
    texts = english.get("metric_texts", {})
    lines = [
        {**r, **{f"{name}_en": texts[r[name]] for name in ("source", "reason") if r.get(name) in texts}}
        for r in metrics["lines"]
    ]
    return {**metrics, "lines": lines, "basis": {**metrics["basis"], **english.get("metrics_basis", {})}}


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def seed_metric_set(raw: dict[str, Any]) -> MetricSet:
    """The seed's metrics section as a metric set, checked as any save is (a bad seed fails loudly)."""
    lines = [
        Line(
            r["code"],
            _decimal(r.get("value")),
            _decimal(r.get("tce")),
            LineStatus(r.get("status", "calculated")),
            r.get("reason", ""),
            r.get("source", ""),
            r.get("reason_en", ""),
            r.get("source_en", ""),
        )
        for r in raw["lines"]
    ]
    b = dict(raw["basis"])
    basis = Basis(
        boundary=Boundary(b.pop("boundary")) if b.get("boundary") else None,
        verification=Verification(b.pop("verification")) if b.get("verification") else None,
        scope2_for_total=Scope2Basis(b.pop("scope2_for_total", "location")),
        **{k: v for k, v in b.items() if k not in ("boundary", "verification")},
    )
    custom = tuple(
        CustomMetric(
            c["name_zh"], c.get("name_en", ""), c.get("unit", ""), _decimal(c.get("value")), c.get("source", "")
        )
        for c in raw["custom"]
    )
    cross = [
        CrossIndustryMetric(
            CrossIndustry(c["code"]),
            MeasureState(c["state"]),
            _decimal(c.get("amount")),
            c.get("unit", ""),
            _decimal(c.get("share_pct")),
            c.get("narrative", ""),
        )
        for c in raw["cross_industry"]
    ]
    targets = tuple(
        Target(
            title=t["title"],
            title_en=t.get("title_en", ""),
            metric=TargetMetric(t["metric"]),
            coverage=t.get("coverage", ""),
            base_year=t["base_year"],
            base_value=Decimal(t["base_value"]),
            target_year=t["target_year"],
            target_value=Decimal(t["target_value"]),
            milestones=tuple(Milestone(y, Decimal(v)) for y, v in t.get("milestones", [])),
            science_based=t.get("science_based", False),
            validated=t.get("validated", False),
            status=TargetStatus(t.get("status", "draft")),
        )
        for t in raw["targets"]
    )
    metrics = MetricSet(Inventory.of(lines, basis, custom), cross_industry_of(cross), targets)
    problems = validate_metric_set(metrics)
    if problems:
        raise ValueError("the seed's metrics do not validate: " + "; ".join(p.en for p in problems))
    return metrics
