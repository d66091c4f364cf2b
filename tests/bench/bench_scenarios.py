"""Benchmark: opening the Scenarios page (items × 3 scenarios × 3 horizons, every cell assessed) against
opening the Risks page of the same register, both cold (no rows read), median of several runs taken in
pairs whose order alternates (Risks first, then Scenarios first), the machine's load average printed
beside them; then scrolling the opened grid to its last row (the opportunities' rows are read when first
reached); and the board pack with the effects and the grid against its floor (XlsxWriter's
constant-memory dump of the same cells without formats). Not part of the test run.

    python tests/bench/bench_scenarios.py --items 10000 --runs 7 [--db PATH] [--page-only]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def open_page(window, page, app) -> float:
    """Seconds from switching to `page` (its rows not read yet) to its table painted."""
    window.tabs.setCurrentWidget(window.matrix)
    window.state.reload_items()
    app.processEvents()
    window.state._rows.clear()  # cold: nothing read for the page being measured
    gc.collect()  # the garbage of the set-up (10,000 rows dropped) is not collected inside a measure
    start = time.perf_counter()
    window.tabs.setCurrentWidget(page)
    app.processEvents()
    page.table.viewport().repaint()
    return time.perf_counter() - start


def scroll_to_end(page, app) -> float:
    """Seconds to scroll the opened page's table to its last row and paint it."""
    start = time.perf_counter()
    page.table.scrollToBottom()
    app.processEvents()
    page.table.viewport().repaint()
    return time.perf_counter() - start


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def compare_pages(window, app, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Cold openings of the Risks and the Scenarios page in pairs, the order alternating from pair to
    pair; and, after each Scenarios opening, the scroll to its last row."""
    risks, scenarios, scrolls = [], [], []
    for n in range(runs):
        for page in (window.risks, window.scenarios) if n % 2 == 0 else (window.scenarios, window.risks):
            seconds = open_page(window, page, app)
            if page is window.risks:
                risks.append(seconds)
            else:
                scenarios.append(seconds)
                scrolls.append(scroll_to_end(page, app))
                page.table.scrollToTop()
    return risks, scenarios, scrolls


EFFECT_SHEETS = ("财务影响", "情景分析", "情景评估表")


def effects_sheets(snapshot: object) -> io.BytesIO:
    """A workbook with only the Financial effects, Scenario analysis and Scenario grid sheets filled."""
    from carthane_tcfd.reports.pack_context import PackContext
    from carthane_tcfd.reports.pack_effects import (
        build_financial_effects,
        build_scenario_analysis,
        build_scenario_grid,
    )
    from carthane_tcfd.reports.xlsx import Book

    out = io.BytesIO()
    book = Book(out)
    ctx = PackContext(snapshot, "zh", book)  # type: ignore[arg-type]
    build_financial_effects(ctx)
    build_scenario_analysis(ctx)
    build_scenario_grid(ctx)
    book.close()
    return out


def measure(
    write: Callable[[], object], snapshot: object, sheets: tuple[str, ...] | None, runs: int
) -> tuple[float, float]:
    """Median seconds of `write` and of its floor: XlsxWriter's constant-memory dump of the same cells
    without formats (of `sheets`, or of every sheet), the writer the pack uses; runs alternating."""
    from tests.bench.run_bench import cells_of, xlsxwriter_floor

    written = write()
    assert isinstance(written, io.BytesIO) or written is None
    source = written if isinstance(written, io.BytesIO) else None
    if source is None:
        from carthane_tcfd.reports.boardpack import write_workbook

        source = io.BytesIO()
        write_workbook(snapshot, source, "zh")  # type: ignore[arg-type]
    floor = xlsxwriter_floor(cells_of(source, sheets))

    mine, floors = [], []
    for _ in range(runs):  # each after a collection: neither pays for the other's garbage
        gc.collect()
        start = time.perf_counter()
        write()
        mine.append(time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        floor()
        floors.append(time.perf_counter() - start)
    return statistics.median(mine), statistics.median(floors)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="a register this script made before (skips generating one)")
    parser.add_argument("--page-only", action="store_true", help="measure the pages, not the board pack")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from carthane_tcfd.domain.taxonomy import Kind
    from tests.bench.make_register import generate, generate_effects

    folder = Path(tempfile.mkdtemp(prefix="tcfd-bench-scenarios-"))
    if args.db:
        url = f"sqlite:///{args.db}"
        counts = {"cells": 3 * 3 * args.items}
    else:
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
        counts = generate(url, args.items)
        counts.update(generate_effects(url))
    print(f"register: {counts}")

    from carthane_tcfd.ui.launch import build_window
    from carthane_tcfd.ui.settings import LANGUAGE, Settings

    app = QApplication.instance() or QApplication([])
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.set(LANGUAGE, "zh")
    window = build_window(app, settings)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    assert window.database_actions.open_location(url.removeprefix("sqlite:///"))
    app.processEvents()
    open_page(window, window.scenarios, app)  # warm-up: imports and first-use costs of both pages
    open_page(window, window.risks, app)
    print(f"before: {load()}")
    risks, scenarios, scrolls = compare_pages(window, app, args.runs)
    print(f"after: {load()}")
    assert (
        window.scenarios.model.rowCount() == window.state.counts()[Kind.RISK] + window.state.counts()[Kind.OPPORTUNITY]
    )
    r, s = statistics.median(risks), statistics.median(scenarios)
    print(
        f"open Risks page ({window.risks.model.rowCount()} rows read): median {r:.3f} s  "
        f"runs {[round(x, 3) for x in risks]}"
    )
    print(
        f"open Scenarios page ({window.scenarios.model.rowCount()} rows, the risks' read; {counts['cells']} cells): "
        f"median {s:.3f} s  runs {[round(x, 3) for x in scenarios]}"
    )
    print(f"ratio {s / r:.2f} (goal ≤ 2); pairwise {[round(b / a, 2) for a, b in zip(risks, scenarios, strict=True)]}")
    print(
        f"then scroll the grid to its last row (the opportunities' rows read): median "
        f"{statistics.median(scrolls):.3f} s  runs {[round(x, 3) for x in scrolls]}"
    )
    if args.page_only:
        window.state.register.close()
        return 0

    from carthane_tcfd.reports.boardpack import write_workbook
    from carthane_tcfd.reports.print_rules import PrintRuleError

    snapshot = window.state.services.periods.snapshot(2024)
    runs = max(1, args.runs // 2)
    try:
        write_workbook(snapshot, io.BytesIO(), "zh")
    except PrintRuleError as exc:  # another sheet's layout refuses this register: said, not hidden
        print(f"whole board pack not written: {exc}")
    else:
        p, f = measure(lambda: write_workbook(dataclasses.replace(snapshot), io.BytesIO(), "zh"), snapshot, None, runs)
        print(f"board pack with effects and grid: {p:.2f} s; floor {f:.2f} s; ratio {p / f:.2f} (goal ≤ 1.5)")
    p, f = measure(lambda: effects_sheets(snapshot), snapshot, EFFECT_SHEETS, runs)
    print(f"the three effects sheets alone: {p:.2f} s; floor {f:.2f} s; ratio {p / f:.2f}")
    window.state.register.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
