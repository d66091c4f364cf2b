"""The command line (DESIGN.md §3): options of the application and of the headless commands.
Kept apart from the commands so that starting the desktop application imports only this."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from carthane_tcfd import __version__
from carthane_tcfd.domain.taxonomy import Kind

if TYPE_CHECKING:
    import datetime as dt

DB_SUFFIXES = (".sqlite3", ".sqlite", ".db")
YEARS = (1990, 2200)  # as the domain's validation (not imported: start-up stays light)


def database(text: str) -> str:
    """--db: a URL, an existing file, or a new file with a database suffix (so a typo does not create a
    new seeded database under a strange name)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    if "://" in text or Path(text).expanduser().is_file() or Path(text).suffix.lower() in DB_SUFFIXES:
        return text
    raise argparse.ArgumentTypeError(
        f"{text!r} is neither a database URL nor a database file (a new file must end in {', '.join(DB_SUFFIXES)})"
    )


def year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year") from None
    if not YEARS[0] <= value <= YEARS[1]:
        raise argparse.ArgumentTypeError(f"{text} is not a year from {YEARS[0]} to {YEARS[1]}")
    return value


def output(*suffixes: str) -> Callable[[str], Path]:
    """--out: a file path ending in one of `suffixes`."""

    def check(text: str) -> Path:
        path = Path(text)
        if path.suffix.lower() not in suffixes or not path.stem:
            found = path.suffix or "no extension"
            raise argparse.ArgumentTypeError(f"{text!r}: {found} is not supported; use {' or '.join(suffixes)}")
        return path

    return check


def add_lang(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--lang", choices=["zh", "en"], help=f"{what} and error messages (default: the system's)")


def _application_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=database,
        metavar="PATH|URL",
        help="database file or SQLAlchemy URL (default: $CARTHANE_TCFD_DB, "
        "else register.sqlite3 in the user data folder)",
    )
    parser.add_argument("--empty", action="store_true", help="create a new database without the 2024 register")


def desktop_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The options of the desktop application, when `argv` holds nothing else (no command, no help, nothing
    wrong); else None, for build_parser to parse and explain. Starting the desktop application builds no
    command's parser (README, Performance)."""
    parser = argparse.ArgumentParser(prog="main.py", add_help=False, exit_on_error=False)
    _application_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Carthane TCFD climate risk register. Without a command, the desktop application starts.",
    )
    _application_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    lst = commands.add_parser("list", help="list the items of a period")
    lst.add_argument("--period", type=year, metavar="YEAR", help="reporting year (default: the latest)")
    lst.add_argument("--kind", choices=[k.value for k in Kind])
    lst.add_argument("--json", action="store_true", help="print one JSON array")
    add_lang(lst, "labels of the table")

    export = commands.add_parser("export", help="write the board pack workbook")
    export.add_argument("--out", required=True, type=output(".xlsx"), metavar="FILE.xlsx")
    export.add_argument("--period", type=year, metavar="YEAR")
    add_lang(export, "the pack")

    matrix = commands.add_parser("matrix", help="draw the risk matrix to PDF or PNG")
    matrix.add_argument("--out", required=True, type=output(".pdf", ".png"), metavar="FILE.pdf|FILE.png")
    matrix.add_argument("--period", type=year, metavar="YEAR")
    scores = matrix.add_mutually_exclusive_group()
    scores.add_argument("--residual", action="store_true", help="residual instead of inherent scores")
    scores.add_argument("--combined", action="store_true", help="arrows from inherent to residual positions")
    matrix.add_argument(
        "--kind",
        choices=[k.value for k in Kind],
        help="only risks or only opportunities (default: both in a PDF, risks in a PNG)",
    )
    add_lang(matrix, "the matrix")

    init = commands.add_parser("init", help="create or upgrade the database (seeded unless --empty)")
    init.add_argument(
        "--rebuild",
        action="store_true",
        help="set aside a register whose creation was interrupted and build it again",
    )
    add_lang(init, "messages")

    scenarios = commands.add_parser(
        "scenarios", help="print the scenario set, its parameters and the computed sensitivities"
    )
    scenarios.add_argument("--period", type=year, metavar="YEAR", help="reporting year (default: the latest)")
    scenarios.add_argument("--json", action="store_true", help="print one JSON object")
    add_lang(scenarios, "labels of the text")
    _period_commands(commands)
    compare = commands.add_parser("compare", help="what changed between two periods")
    compare.add_argument("--from", dest="from_year", required=True, type=year, metavar="YEAR")
    compare.add_argument("--to", dest="to_year", required=True, type=year, metavar="YEAR")
    compare.add_argument("--json", action="store_true", help="print one JSON object")
    add_lang(compare, "labels of the text")

    metrics = commands.add_parser("metrics", help="GHG inventory, energy, cross-industry metrics and targets")
    metrics.add_argument("--period", type=year, metavar="YEAR", help="reporting year (default: the latest)")
    metrics.add_argument("--json", action="store_true", help="print one JSON object with stable codes")
    add_lang(metrics, "labels of the table")

    template = commands.add_parser("template", help="write the department template (Excel) to fill and import")
    template.add_argument("--out", required=True, type=output(".xlsx"), metavar="FILE.xlsx")
    template.add_argument("--period", type=year, metavar="YEAR")
    add_lang(template, "the template (default: zh)")
    template.add_argument("--kind", choices=[k.value for k in Kind], help="only risks or only opportunities")
    template.add_argument("--owner", metavar="DEPT", help="only the items of this owner (department)")
    template.add_argument("--blank", action="store_true", help="the columns only, without the current items")

    imp = commands.add_parser("import", help="import a filled template: all or nothing")
    imp.add_argument("file", type=Path, metavar="FILE.xlsx")
    imp.add_argument("--period", type=year, metavar="YEAR", help="the period the template must belong to")
    imp.add_argument("--dry-run", action="store_true", help="show what would change and write nothing")
    imp.add_argument(
        "--take-file-values",
        action="store_true",
        help="apply the file's values to items changed in the register since the template was made",
    )
    imp.add_argument("--ignore-unknown-columns", action="store_true", help="skip columns the template does not have")
    add_lang(imp, "the plan")
    return parser


def _period_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    period = commands.add_parser("period", help="list, copy and sign off reporting periods")
    steps = period.add_subparsers(dest="period_command", metavar="list|copy|submit|approve|return|reopen")
    steps.required = True
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=["zh", "en"], help="language of the output (default: the system's)")
    listing = steps.add_parser("list", help="the periods with their status and sign-off", parents=[common])
    listing.add_argument("--json", action="store_true", help="print one JSON array")
    copy = steps.add_parser("copy", help="copy a period's register to the next year (codes kept)", parents=[common])
    copy.add_argument("year", type=year, metavar="YEAR")
    for name, text in (
        ("submit", "submit a period for review"),
        ("approve", "approve a period in review (a comment is required; not by who submitted it)"),
        ("return", "return a period in review for changes"),
        ("reopen", "reopen a period in review or approved (a comment is required)"),
    ):
        step = steps.add_parser(name, help=text, parents=[common])
        step.add_argument("year", type=year, metavar="YEAR")
        step.add_argument("--comment", default="", metavar="TEXT")
        step.add_argument("--name", default="", metavar="TEXT", help="your name as the cover prints it")
        step.add_argument("--role", default="", metavar="TEXT", help="your role, printed beside the name")
        if name == "approve":
            step.add_argument("--meeting-date", type=_iso_date, metavar="YYYY-MM-DD", help="committee meeting")
            step.add_argument("--meeting-ref", default="", metavar="TEXT", help="committee meeting reference")


def _iso_date(text: str) -> dt.date:
    import datetime as dt  # imported here: the desktop application's start-up does not need it

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
