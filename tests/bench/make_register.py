"""Synthetic register for benchmarks: realistic Chinese/English text lengths, every category, horizons,
segments and impacts, 0–6 mitigations per item (3 on average), scores.

    python tests/bench/make_register.py --db PATH|URL --items N [--year 2024] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from carthane_tcfd.domain.taxonomy import Category, FinancialImpact, Horizon, MitigationStatus, ValueChain

PHRASES_ZH = [
    "极端天气可能会对办公场所和生产工厂造成损害",
    "平均气温升高可能会逐年增加生产运营过程中的用能需求",
    "趋严的气候相关法规监管和披露要求可能影响合规成本",
    "下游客户对绿色低碳产品的需求逐步提升",
    "上游绿色低碳原材料可能面临供不应求局面",
    "全球可再生能源正在不断普及",
    "自然灾害可能影响物流运输环节",
    "投资者对气候变化关注度的持续上升",
    "碳关税可能增加出口产品成本",
    "高能耗设备的替换与淘汰",
]
ACTIONS_ZH = [
    "每年开展生产基地投保工作，降低资产损害的影响",
    "制定极端天气应急预案并定期演练",
    "推进精益生产，进行设备升级改造，使用节能设备",
    "加大光伏与储能设施的建设力度",
    "加强供应链管理与赋能",
    "定期公开披露公司在环境层面上的实践与努力",
    "建立碳排放核算体系并制定减碳路径",
    "加强校企合作，加大研发投入",
]
WORDS_EN = [
    "supply",
    "heat",
    "flood",
    "tariff",
    "carbon",
    "market",
    "energy",
    "solar",
    "demand",
    "plant",
    "Nantong",
    "Shanghai",
    "Mexico",
    "logistics",
    "pricing",
    "disclosure",
    "resilience",
    "efficiency",
]
OWNERS = ["安环部", "采购部", "生产部", "研发中心", "财务部", "销售部", "行政部", "证券部"]


def _text(rng: random.Random, pieces: list[str], low: int, high: int, sep: str = "，") -> str:
    return sep.join(rng.choice(pieces) for _ in range(rng.randint(low, high))) + "。"


def generate(url: str, items: int, year: int = 2024, seed: int = 7) -> dict[str, int]:
    """Create (or extend) the period `year` in the database at `url` with `items` synthetic items."""
    from sqlalchemy import insert, select

    from carthane_tcfd.services.register import open_register
    from carthane_tcfd.store.models import CodeCounter, Item, Mitigation

    rng = random.Random(seed)
    register = open_register(url, seed=False, user="bench")
    periods = {p.year for p in register.periods.all()}
    if year not in periods:
        register.periods.create(year, f"{year} 年度气候相关风险与机遇登记册（合成数据）")
    period_id = register.periods.get(year).id
    engine = register.items.ctx.engine
    categories = list(Category)
    counters: dict[str, int] = {}
    now = dt.datetime(2025, 1, 1)
    item_rows = []
    for n in range(items):
        category = categories[n % len(categories)]
        prefix = category.code_prefix
        counters[prefix] = counters.get(prefix, 0) + 1
        scored = rng.random() > 0.05
        lk, im = (rng.randint(1, 5), rng.randint(1, 5)) if scored else (None, None)
        rl = max(1, lk - rng.randint(0, 2)) if lk else None
        ri = max(1, im - rng.randint(0, 1)) if im else None
        item_rows.append(
            {
                "period_id": period_id,
                "code": f"{prefix}-{counters[prefix]:05d}",
                "kind": category.kind.value,
                "category": category.value,
                "title": _text(rng, PHRASES_ZH, 1, 1)[:40],
                "title_en": " ".join(rng.choice(WORDS_EN) for _ in range(rng.randint(3, 7))).capitalize(),
                "description": _text(rng, PHRASES_ZH, 2, 6),
                "horizons": sorted(
                    rng.sample([h.value for h in Horizon], rng.randint(1, 3)), key=[h.value for h in Horizon].index
                ),
                "value_chain": sorted(
                    rng.sample([v.value for v in ValueChain], rng.randint(1, 3)),
                    key=[v.value for v in ValueChain].index,
                ),
                "financial_impacts": rng.sample([f.value for f in FinancialImpact], rng.randint(1, 3)),
                "estimate_low_cny": Decimal(rng.randint(1, 50) * 100_000) if rng.random() < 0.3 else None,
                "estimate_high_cny": None,
                "likelihood": lk,
                "impact": im,
                "residual_likelihood": rl,
                "residual_impact": ri,
                "scores_illustrative": False,
                "owner": rng.choice(OWNERS),
                "sites": rng.choice(["上海", "南通", "墨西哥"]),
                "notes": "",
                "created_at": now,
                "updated_at": now,
                "updated_by": "bench",
                "version": 1,
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(Item), item_rows)
        ids = conn.execute(select(Item.id).where(Item.period_id == period_id).order_by(Item.id)).scalars().all()
        statuses = list(MitigationStatus)
        mitigation_rows = []
        for item_id in ids[-items:]:
            for position in range(rng.choice([0, 1, 2, 3, 3, 4, 5, 6])):
                mitigation_rows.append(
                    {
                        "item_id": item_id,
                        "position": position,
                        "description": _text(rng, ACTIONS_ZH, 1, 3),
                        "owner": rng.choice(OWNERS),
                        "status": rng.choice(statuses).value,
                        "due": dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(-200, 700)),
                        "cost_cny": Decimal(rng.randint(0, 2_000_000)) if rng.random() < 0.5 else None,
                    }
                )
        if mitigation_rows:
            conn.execute(insert(Mitigation), mitigation_rows)
        conn.execute(CodeCounter.__table__.delete().where(CodeCounter.period_id == period_id))
        conn.execute(
            insert(CodeCounter), [{"period_id": period_id, "prefix": p, "last": n} for p, n in counters.items()]
        )
    register.close()
    return {"items": items, "mitigations": len(mitigation_rows)}


def generate_effects(url: str, year: int = 2024, seed: int = 7) -> dict[str, int]:
    """Give every item of `year` anticipated effects and the scenario grid a cell for every item × scenario
    (the period's three) × horizon: 90,000 cells at 10,000 items. Every item is given the three horizons
    first, so that the grid is measured at its largest with cells the application reads (it leaves out
    a cell outside its item's horizons)."""
    from sqlalchemy import insert, select, update

    from carthane_tcfd.domain.effects import Direction, StatementLine
    from carthane_tcfd.store.engine import make_engine
    from carthane_tcfd.store.models import AnticipatedEffect, FinancialEffect, Item, Period, Scenario
    from carthane_tcfd.store.models import ScenarioAssessment as Cell

    rng = random.Random(seed)
    engine = make_engine(url)
    now = dt.datetime(2025, 1, 1)
    lines = [m.value for m in StatementLine]
    directions = [d.value for d in Direction]
    with engine.begin() as conn:
        period_id = conn.execute(select(Period.id).where(Period.year == year)).scalar_one()
        every = [h.value for h in Horizon]
        conn.execute(update(Item).where(Item.period_id == period_id).values(horizons=every))
        items = conn.execute(select(Item.id, Item.horizons).where(Item.period_id == period_id)).all()
        scenarios = conn.execute(select(Scenario.id).where(Scenario.period_id == period_id)).scalars().all()
        effects, ahead, cells = [], [], []
        for item_id, horizons in items:
            effects.append(
                {
                    "item_id": item_id,
                    "current_narrative": _text(rng, PHRASES_ZH, 1, 2),
                    "current_cny": Decimal(rng.randint(0, 90) * 10_000) if rng.random() < 0.5 else None,
                    "statement_lines": rng.sample(lines, rng.randint(1, 3)),
                    "material_adjustment": rng.random() < 0.1,
                    "reason_code": None,
                    "reason_text": "",
                    "reason_from_seed": False,
                }
            )
            for horizon in horizons:
                low = rng.randint(1, 50) * 100_000
                ahead.append(
                    {
                        "item_id": item_id,
                        "horizon": horizon,
                        "low_cny": Decimal(low),
                        "high_cny": Decimal(low * rng.randint(1, 4)),
                        "basis": _text(rng, PHRASES_ZH, 1, 1),
                    }
                )
            for scenario_id in scenarios:
                for horizon in Horizon:
                    cells.append(
                        {
                            "item_id": item_id,
                            "scenario_id": scenario_id,
                            "horizon": horizon.value,
                            "direction": rng.choice(directions),
                            "level": rng.randint(1, 5),
                            "low_cny": None,
                            "high_cny": None,
                            "narrative": _text(rng, PHRASES_ZH, 1, 1),
                            "updated_at": now,
                            "updated_by": "bench",
                            "version": 1,
                        }
                    )
        conn.execute(insert(FinancialEffect), effects)
        conn.execute(insert(AnticipatedEffect), ahead)
        conn.execute(insert(Cell), cells)
    engine.dispose()
    return {"effects": len(effects), "anticipated": len(ahead), "cells": len(cells)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from carthane_tcfd.store.engine import resolve_url

    counts = generate(resolve_url(args.db), args.items, args.year, args.seed)
    print(f"{args.db}: {counts['items']} items, {counts['mitigations']} mitigations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
