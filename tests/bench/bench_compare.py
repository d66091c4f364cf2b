"""Benchmark: comparing two periods of N items each (2024 and its copy 2025 with a tenth of the items
changed) through the services, against the services reading both periods' whole items, side by side
(alternating runs, median). Goal (issue 18): the comparison takes at most 1.5× the reading. Not part
of the test run.

    python tests/bench/bench_compare.py --items 10000 --runs 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from sqlalchemy import update

    from carthane_tcfd.services.register import open_register
    from carthane_tcfd.store.models import Item
    from tests.bench.make_register import generate

    folder = Path(tempfile.mkdtemp(prefix="tcfd-bench-compare-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    print(f"register: {generate(url, args.items)}")
    register = open_register(url, user="bench")
    started = time.perf_counter()
    register.periods.copy_to_next_year(2024)
    print(f"copy to 2025: {time.perf_counter() - started:.2f} s")
    with register.items.ctx.write() as session:  # a tenth of the items changed, as a year's work would
        period_id = register.periods.get(2025).id
        session.execute(update(Item).where(Item.period_id == period_id, Item.id % 10 == 0).values(owner="行政部"))
        session.execute(update(Item).where(Item.period_id == period_id, Item.id % 20 == 1).values(likelihood=5))
    today = dt.date(2025, 12, 1)

    def read_both() -> float:
        start = time.perf_counter()
        register.items.in_period(2024)
        register.items.in_period(2025)
        return time.perf_counter() - start

    def compare() -> float:
        start = time.perf_counter()
        register.periods.compare(2024, 2025, today)
        return time.perf_counter() - start

    result = register.periods.compare(2024, 2025, today)
    print(f"changes found: {len(result.modified)} modified, {len(result.rerated)} re-rated")
    read_both(), compare()  # warm-up
    reads, compares = [], []
    for _ in range(args.runs):  # alternating, so a drift in the machine's speed moves both alike
        reads.append(read_both())
        compares.append(compare())
    r, c = statistics.median(reads), statistics.median(compares)
    print(f"services read both periods' items: median {r:.3f} s  runs {[round(x, 3) for x in reads]}")
    print(f"compare the two periods:          median {c:.3f} s  runs {[round(x, 3) for x in compares]}")
    print(f"ratio {c / r:.2f}× (goal ≤ 1.5×): {'met' if c <= 1.5 * r else 'NOT met'}")
    register.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
