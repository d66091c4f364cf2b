"""Benchmark of the template import (issue 17): a 10,000-item / ~30,000-action template, every item with
financial effects and its scenario grid assessed (items × 3 scenarios × the horizons it covers), imported
(read safely, normalised, compared with the register, in one transaction) against openpyxl's read-only
mode reading every cell of the same sheets, side by side; runs alternate so a drift in the machine's speed
moves both alike. Goal: the import takes at most twice the floor.

    .venv/bin/python tests/bench/bench_import.py --items 10000 --runs 3 [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# every sheet the import reads: the five data sheets and the hidden identity sheet
SHEETS = ("Items", "Actions", "Financial effects", "Scenario grid", "Metrics", "Targets", "_identity")


def read_cells(path: Path) -> int:
    """The floor: openpyxl in read-only mode reading every cell of every sheet the import reads."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    cells = 0
    for name in SHEETS:
        for row in wb[name].iter_rows(values_only=True):
            cells += sum(1 for value in row if value is not None)
    wb.close()
    return cells


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from carthane_tcfd.reports.template_reader import read_template
    from carthane_tcfd.reports.template_writer import TemplateRequest, save_template
    from carthane_tcfd.services.register import open_register
    from tests.bench.make_register import generate, generate_effects

    folder = Path(tempfile.mkdtemp(prefix="tcfd-bench-import-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    counts = generate(url, args.items) | generate_effects(url)  # effects and the whole grid assessed
    register = open_register(url, user="bench")
    source = register.imports.template_source(2024)
    items = source.items
    template = folder / "template.xlsx"
    write_time = timed(
        lambda: save_template(source, template, TemplateRequest("en"), register="bench", made_by="bench")
    )
    actions = sum(len(i.mitigations) for i in items)
    grid_rows = sum(len(i.horizons) for i in items) * len(source.scenarios.scenarios)

    def import_once() -> None:
        plan = register.imports.apply(read_template(template), lang="en")
        assert len(plan.unchanged) == len(items) and not plan.changed and not plan.new, plan.summary("en")

    floors, imports = [], []
    for _ in range(args.runs):
        floors.append(timed(lambda: read_cells(template)))
        imports.append(timed(import_once))
    floor, measured = statistics.median(floors), statistics.median(imports)
    pairs = [i / f for f, i in zip(floors, imports, strict=True)]
    register.close()
    result = {
        "items": len(items),
        "actions": actions,
        "grid_rows": grid_rows,
        "assessed_cells": len(source.scenarios.assessments),
        "floor_sheets": list(SHEETS),
        "generated": counts,
        "template_bytes": template.stat().st_size,
        "template_write_s": round(write_time, 3),
        "openpyxl_read_only_s": round(floor, 3),
        "import_s": round(measured, 3),
        "ratio": round(measured / floor, 2),
        "pair_ratios": [round(r, 2) for r in pairs],
        "median_pair_ratio": round(statistics.median(pairs), 2),
        "load_average": [round(v, 2) for v in os.getloadavg()],
        "goal": "import ≤ 2× openpyxl read-only reading the same cells",
        "met": measured <= 2 * floor,
        "runs": {"floor": [round(f, 3) for f in floors], "import": [round(i, 3) for i in imports]},
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
