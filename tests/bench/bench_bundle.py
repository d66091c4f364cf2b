"""Benchmark: the bundled command line against the same command from the virtual environment, both in a
clean environment (HOME of their own, PATH /usr/bin:/bin, none of this shell's variables), on the same
seeded register, runs alternating, medians; the bundle's size on disk. Not part of the test run.

    python tests/bench/bench_bundle.py --bundle build/dist/CarthaneTCFD [--runs 9]

Build the bundle first (`./packaging/build.sh`). The goal of issue 19: `list` from the bundle within 1.2×
of `list` from the venv, the bundle within 200 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_env(home: Path) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


def timed(command: list[str], home: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=clean_env(home), cwd=home, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, required=True, help="the CarthaneTCFD folder build.sh made")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    cli = args.bundle.resolve() / "CarthaneTCFD-cli"
    if not cli.exists():
        print(f"no bundle at {args.bundle} (build it with ./packaging/build.sh)", file=sys.stderr)
        return 2
    home = Path(tempfile.mkdtemp(prefix="tcfd-bench-bundle-"))
    db = home / "register.db"
    bundled = [str(cli), "--db", str(db), "list"]
    venv = [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "main.py"), "--db", str(db), "list"]
    timed(bundled, home)  # creates and seeds the register; both then read it
    timed(venv, home)  # warm: the page cache holds both programs
    pairs = []
    for n in range(args.runs):
        order = (bundled, venv) if n % 2 == 0 else (venv, bundled)
        first, second = timed(order[0], home), timed(order[1], home)
        pairs.append((first, second) if n % 2 == 0 else (second, first))
    b = statistics.median(p[0] for p in pairs)
    v = statistics.median(p[1] for p in pairs)
    ratios = sorted(round(x / y, 2) for x, y in pairs)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"bundled list {b:.3f} s; venv list {v:.3f} s; ratio {b / v:.2f}× (goal ≤ 1.2×); pairs {ratios}")
    print(f"bundle on disk {size_mb(args.bundle):.0f} MiB (goal ≤ 200 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
