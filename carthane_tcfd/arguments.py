"""The command line (DESIGN.md §3): options of the application and of the headless commands.
Kept apart from the commands so that starting the desktop application imports only this."""

from __future__ import annotations

import argparse
from pathlib import Path

from carthane_tcfd import __version__
from carthane_tcfd.domain.taxonomy import Kind


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Carthane TCFD climate risk register. Without a command, the desktop application starts.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="database file or SQLAlchemy URL (default: $CARTHANE_TCFD_DB, "
        "else register.sqlite3 in the user data folder)",
    )
    parser.add_argument("--empty", action="store_true", help="create a new database without the 2024 register")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    lst = commands.add_parser("list", help="list the items of a period")
    lst.add_argument("--period", type=int, metavar="YEAR", help="reporting year (default: the latest)")
    lst.add_argument("--kind", choices=[k.value for k in Kind])
    lst.add_argument("--json", action="store_true", help="print one JSON array")
    lst.add_argument("--lang", choices=["zh", "en"], help="labels of the table (default: the system's)")

    export = commands.add_parser("export", help="write the board pack workbook")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    export.add_argument("--period", type=int, metavar="YEAR")
    export.add_argument("--lang", choices=["zh", "en"], default="zh")

    matrix = commands.add_parser("matrix", help="draw the risk matrix to PDF or PNG")
    matrix.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.png")
    matrix.add_argument("--period", type=int, metavar="YEAR")
    matrix.add_argument("--residual", action="store_true", help="residual instead of inherent scores")
    matrix.add_argument("--combined", action="store_true", help="arrows from inherent to residual positions")
    matrix.add_argument(
        "--kind",
        choices=[k.value for k in Kind],
        help="only risks or only opportunities (default: both in a PDF, risks in a PNG)",
    )
    matrix.add_argument("--lang", choices=["zh", "en"], default="zh")

    commands.add_parser("init", help="create or upgrade the database (seeded unless --empty)")

    scenarios = commands.add_parser(
        "scenarios", help="print the scenario set, its parameters and the computed sensitivities"
    )
    scenarios.add_argument("--period", type=int, metavar="YEAR", help="reporting year (default: the latest)")
    scenarios.add_argument("--json", action="store_true", help="print one JSON object")
    scenarios.add_argument("--lang", choices=["zh", "en"], help="labels of the text (default: the system's)")
    return parser
