"""The benchmark suite: each measurement beside its floor, median of several runs, as a table and JSON.

    .venv/bin/python tests/bench/run_bench.py [--items 10000 ...] [--runs 5] [--json bench.json] [--pg URL]

With several sizes (e.g. --items 1000 10000 50000) it measures each and prints how every figure grows
with the register: the exponent k of value ∝ items^k between neighbouring sizes (1 is linear).
The goals in seconds were set for 10,000 items; at other sizes those figures are reported only.

Not part of the test run. Numbers are wall-clock seconds on the machine that runs it.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import gc
import io
import itertools
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PROBE = Path(__file__).with_name("probe.py")


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def probe(mode: str, db: str | None = None) -> tuple[float, float]:
    """(seconds from process start to the painted marker, peak RSS in MB)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": tempfile.mkdtemp()}
    args = [sys.executable, str(PROBE), mode, *([db] if db else [])]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("PAINTED"):
            elapsed = time.perf_counter() - start
            proc.wait(timeout=30)
            return elapsed, float(line.split()[1])
    raise RuntimeError(f"probe {mode} did not paint")


GOAL_SIZE = 10_000  # the register size the goals in seconds were set for


def bench(items: int, runs: int, pg_url: str | None, cold_start: bool = True) -> list[dict[str, Any]]:
    from carthane_tcfd.domain.filtering import ItemFilter
    from carthane_tcfd.domain.taxonomy import Kind
    from carthane_tcfd.services.register import open_register
    from tests.bench.make_register import generate

    folder = Path(tempfile.mkdtemp(prefix="tcfd-bench-"))
    db = folder / "bench.sqlite3"
    counts = generate(f"sqlite:///{db}", items)
    results: list[dict[str, Any]] = []

    def absolute(goal: str, met: bool) -> tuple[str, bool | None]:
        """A goal in seconds or MB holds at the size it was set for; elsewhere the figure is reported."""
        return (goal, met) if items == GOAL_SIZE else (f"({goal} at {GOAL_SIZE:,})", None)

    def record(
        key: str, name: str, value: float | None, floor: float | None, goal: str, met: bool | None, unit: str = "s"
    ) -> None:
        """One figure (None: it could not be measured); `key` names it across register sizes."""
        results.append(
            {
                "key": key,
                "items": items,
                "benchmark": name,
                "value": None if value is None else round(value, 4),
                "unit": unit,
                "floor": None if floor is None else round(floor, 4),
                "ratio": None if not floor or value is None else round(value / floor, 2),
                "goal": goal,
                "met": met,
            }
        )

    # 1. cold start to the main window painted, against a bare PySide6 window; runs alternate with
    # their floor's, so a drift in the machine's speed moves both alike
    # (an empty database: it does not depend on the register's size, so it is measured once)
    if cold_start:
        pairs = [(probe("window", str(folder / "empty.sqlite3")), probe("bare")) for _ in range(runs)]
        window = statistics.median(w for (w, _m), _b in pairs)
        bare = statistics.median(b for _w, (b, _m) in pairs)
        record("cold start", "cold start to main window painted", window, bare, "≤ 1.4× floor", window <= 1.4 * bare)

    # 2. launch to the Risks page painted with the register loaded, against sqlite3 rows in a bare
    # QTableView; memory at that moment
    pairs = [(probe("risks", str(db)), probe("table", str(db))) for _ in range(runs)]
    launch = statistics.median(t for (t, _m), _f in pairs)
    peak = max(m for (_t, m), _f in pairs)
    table_floor = statistics.median(f for _l, (f, _m) in pairs)
    name = f"launch to {items}-item Risks page painted"
    record("launch", name, launch, table_floor, "≤ 2× floor", launch <= 2 * table_floor)
    record("memory", f"peak memory, {items}-item register open", peak, None, *absolute("≤ 400 MB", peak <= 400), "MB")

    register = open_register(f"sqlite:///{db}")
    snapshot = register.periods.snapshot(2024)

    # quick search and sort inside the table model
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from carthane_tcfd.ui.models.item_model import ItemTableModel

    _app = QApplication.instance() or QApplication([])
    rows = register.items.rows(2024)

    def fresh_model() -> ItemTableModel:
        """A model just loaded: its search texts and sort keys are made at the first use, so timed too."""
        model = ItemTableModel(Kind.RISK, "zh")
        model.set_items(rows)
        return model

    def keystrokes() -> float:
        model = fresh_model()
        texts = ["光", "光伏", "光伏与", "光伏与储"]
        return max(timed(lambda t=t: model.set_filter(ItemFilter(text=t))) for t in texts)

    def sort_once() -> float:
        model = fresh_model()
        return max(timed(lambda c=c: model.sort(c, Qt.SortOrder.DescendingOrder)) for c in (2, 6))

    keystroke = median_of(runs, keystrokes)
    record(
        "search",
        "quick-search keystroke re-filter (slowest)",
        keystroke,
        None,
        *absolute("≤ 0.05 s", keystroke <= 0.05),
    )
    sort = median_of(runs, sort_once)
    record("sort", "sort by a column (slowest)", sort, None, *absolute("≤ 0.05 s", sort <= 0.05))

    # 3. board pack against the floor of the writer it uses
    label = f"board pack, {items} items / {counts['mitigations']} mitigations"
    try:
        pack_time, pack_floor = pack_and_floor(snapshot, max(1, runs // 2))
    except Exception as error:  # the pack refusing this register is a result to show, not a reason to stop
        record("pack", f"{label}: FAILED, {type(error).__name__}: {error}", None, None, "≤ 1.5× floor", False)
    else:
        record("pack", label, pack_time, pack_floor, "≤ 1.5× floor", pack_time <= 1.5 * pack_floor)

    # 4. matrix to PDF (imports done beforehand)
    from carthane_tcfd.reports.matrix_export import export_matrix

    export_matrix(snapshot, folder / "warm.pdf")
    matrix = median_of(runs, lambda: timed(lambda: export_matrix(snapshot, folder / "m.pdf")))
    record(
        "matrix",
        f"matrix PDF (risks + opportunities), {items} items",
        matrix,
        None,
        *absolute("≤ 0.5 s", matrix <= 0.5),
    )

    # 6. service-layer queries
    register.items.in_period(2024)
    flt = ItemFilter(horizons=frozenset({"short"}), value_chain=frozenset({"upstream"}), text="光伏")
    for label_db, url in (("SQLite", f"sqlite:///{db}"), ("PostgreSQL", pg_url)):
        if url is None:
            continue
        if label_db == "PostgreSQL":
            url = _pg_schema(url)
            generate(url, items)
        reg = open_register(url)
        listing = median_of(runs, lambda reg=reg: timed(lambda: reg.items.in_period(2024)))
        grid_rows = median_of(runs, lambda reg=reg: timed(lambda: reg.items.rows(2024)))
        filtering = median_of(runs, lambda reg=reg: timed(lambda: reg.items.rows(2024, Kind.RISK, flt)))
        record(f"items {label_db}", f"service whole items, {items} ({label_db})", listing, None, "(reported)", None)
        record(f"rows {label_db}", f"service grid rows, {items} ({label_db})", grid_rows, None, "(reported)", None)
        record(f"filtered {label_db}", f"service filtered grid rows ({label_db})", filtering, None, "(reported)", None)
        reg.close()
        if label_db == "PostgreSQL":
            _drop_pg_schema(pg_url, url)
    register.close()
    return results


def cells_of(written: io.BytesIO, sheets: tuple[str, ...] | None = None) -> dict[str, list[list[Any]]]:
    """The values of every cell of a written workbook (or of `sheets`), read back with openpyxl."""
    from openpyxl import load_workbook

    book = load_workbook(written, read_only=True)
    return {
        ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
        for ws in book.worksheets
        if sheets is None or ws.title in sheets
    }


def xlsxwriter_floor(values: dict[str, list[list[Any]]]) -> Callable[[], None]:
    """The floor of a pack written with XlsxWriter: the same writer in constant-memory mode dumping the
    same cells without formats."""
    import xlsxwriter

    def dump() -> None:
        options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        wb = xlsxwriter.Workbook(io.BytesIO(), options)
        for name, rows in values.items():
            sheet = wb.add_worksheet(name)
            for r, row in enumerate(rows):
                sheet.write_row(r, 0, row)
        wb.close()

    return dump


def pack_and_floor(snapshot: Any, runs: int) -> tuple[float, float]:
    """Seconds to write the board pack, and to dump its cells without formats with XlsxWriter in
    constant-memory mode (xlsxwriter_floor): the floor of the writer the pack uses. Medians of `runs`
    alternating runs, each after a garbage collection (neither pays for the other's garbage), each pack
    from a fresh copy of the snapshot (nothing the snapshot works out once is carried over)."""
    from carthane_tcfd.reports.boardpack import write_workbook

    def pack() -> float:
        fresh = dataclasses.replace(snapshot)
        gc.collect()
        return timed(lambda: write_workbook(fresh, io.BytesIO(), "zh"))

    def floor() -> float:
        gc.collect()
        return timed(floor_dump)

    written = io.BytesIO()
    write_workbook(snapshot, written, "zh")
    floor_dump = xlsxwriter_floor(cells_of(written))

    # alternate the two, so a drift in the machine's speed moves both alike
    pairs = [(pack(), floor()) for _ in range(runs)]
    return statistics.median(p for p, _f in pairs), statistics.median(f for _p, f in pairs)


def _pg_schema(base: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text("CREATE SCHEMA IF NOT EXISTS tcfd_bench"))
    engine.dispose()
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3Dtcfd_bench"


def _drop_pg_schema(base: str | None, _url: str) -> None:
    from sqlalchemy import create_engine, text

    assert base is not None
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA tcfd_bench CASCADE"))
    engine.dispose()


def print_table(results: list[dict[str, Any]]) -> None:
    heads = ("benchmark", "value", "floor", "ratio", "goal", "met")
    rows = [
        (
            r["benchmark"],
            "failed" if r["value"] is None else f"{r['value']} {r['unit']}",
            "" if r["floor"] is None else f"{r['floor']} s",
            "" if r["ratio"] is None else f"{r['ratio']}×",
            r["goal"],
            {True: "yes", False: "NO", None: ""}[r["met"]],
        )
        for r in results
    ]
    print_rows([heads, *rows])


def print_rows(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(x[i])) for x in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def growth(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each figure measured at several sizes: its values and, between neighbouring sizes, the
    exponent k of value ∝ items^k (1 linear, above 1 worse than linear)."""
    by_key: dict[str, dict[int, float | None]] = {}
    for r in results:
        by_key.setdefault(r["key"], {})[r["items"]] = r["value"]
    rows = []
    for key, values in by_key.items():
        sizes = sorted(values)
        if len(sizes) < 2:
            continue
        steps = [
            {"from": a, "to": b, "exponent": round(math.log(vb / va) / math.log(b / a), 2)}
            for a, b in itertools.pairwise(sizes)
            if (va := values[a]) and (vb := values[b])
        ]
        rows.append({"key": key, "values": {str(s): values[s] for s in sizes}, "steps": steps})
    return rows


def cell(values: dict[str, float | None], size: str) -> str:
    if size not in values:
        return ""
    value = values[size]
    return "failed" if value is None else str(value)


def print_growth(rows: list[dict[str, Any]], sizes: list[int]) -> None:
    pairs = list(itertools.pairwise(sizes))
    heads = ("figure", *(f"{s:,} items" for s in sizes), *(f"k {a:,}→{b:,}" for a, b in pairs))
    table = [heads]
    for row in rows:
        exponents = {(st["from"], st["to"]): st["exponent"] for st in row["steps"]}
        table.append(
            (
                row["key"],
                *(cell(row["values"], str(s)) for s in sizes),
                *(str(exponents.get(pair, "")) for pair in pairs),
            )
        )
    print("\nGrowth with the register (value ∝ items^k; k = 1 is linear):")
    print_rows(table)


def main() -> int:
    parser = argparse.ArgumentParser(description="Carthane TCFD benchmarks")
    parser.add_argument(
        "--items", type=int, nargs="+", default=[GOAL_SIZE], help="register sizes, e.g. 1000 10000 50000"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--pg", default=os.environ.get("TCFD_TEST_PG_URL"), help="PostgreSQL URL (optional)")
    args = parser.parse_args()
    # steady state: the application's bytecode compiled, as after set-up (PYTHONDONTWRITEBYTECODE may be set)
    compileall.compile_dir(ROOT / "carthane_tcfd", quiet=1)
    compileall.compile_file(PROBE, quiet=1)
    sizes = sorted(set(args.items))
    results = []
    for n, items in enumerate(sizes):
        measured = bench(items, args.runs, args.pg, cold_start=n == 0)
        print(f"\n{items:,} items:")
        print_table(measured)
        results += measured
    grown = growth(results)
    if grown:
        print_growth(grown, sizes)
    report = {"sizes": sizes, "runs": args.runs, "results": results, "growth": grown}
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
