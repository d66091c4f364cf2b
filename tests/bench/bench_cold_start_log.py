"""Benchmark: the cold start measured without a probe. Each process is timed from its start to the line Qt's
own painting log writes when it first paints and flushes a top-level window: the application started as a
user starts it (`main.py`) against a bare QMainWindow, runs alternating, medians. Nothing of ours runs in
either process to watch it, so this checks the probe's figure (tests/bench/probe.py). Not part of the
test run.

    python tests/bench/bench_cold_start_log.py [--runs 15]

Qt writes many more log lines for the application's window than for the bare one, so whatever the logging
costs falls on the application's side.
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
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(300, app.quit)
app.exec()
"""
FIRST_PAINT = "Painting and flushing dirty top level"


def seconds_to_first_paint(command: list[str], env: dict[str, str]) -> float:
    start = time.clock_gettime(time.CLOCK_BOOTTIME)  # the clock of Qt's %{time boot}
    log = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60).stderr
    for line in log.splitlines():
        if FIRST_PAINT in line:
            return float(line.split()[0]) - start
    raise RuntimeError(f"no first paint logged by {command}:\n{log[-1000:]}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="tcfd-bench-cold-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.widgets.painting=true",
        "QT_MESSAGE_PATTERN": "%{time boot} %{message}",
        "CARTHANE_TCFD_QUIT_AFTER_MS": "300",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
    }
    commands = {
        "bare": [sys.executable, "-c", BARE],
        "app": [sys.executable, str(ROOT / "main.py"), "--db", str(home / "empty.sqlite3"), "--empty"],
    }
    for command in commands.values():  # warm: the page cache holds both, the register exists
        seconds_to_first_paint(command, env)
    times: dict[str, list[float]] = {"bare": [], "app": []}
    for n in range(args.runs):
        for name in ("bare", "app") if n % 2 == 0 else ("app", "bare"):
            times[name].append(seconds_to_first_paint(commands[name], env))
    bare, app = statistics.median(times["bare"]), statistics.median(times["app"])
    pairs = sorted(round(a / b, 2) for a, b in zip(times["app"], times["bare"], strict=True))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"cold start, no probe: application {app:.3f} s; bare window {bare:.3f} s; ratio {app / bare:.2f}× "
          f"(goal ≤ 1.4×); pairs {pairs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
