"""The headless commands (DESIGN.md §3): list, export, matrix, init, scenarios, metrics; period and compare
are in cli_periods."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.comparison_text import table_lines
from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemHeader, ItemSnapshot
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import Kind, Lang
from carthane_tcfd.i18n import system_lang
from carthane_tcfd.logs import log, log_refusal, setup_logging

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
# What a terminal would act on rather than show: C0/C1 controls (escape sequences), DEL, and the
# bidirectional overrides and isolates that reorder what follows them.
_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_NOT_SHOWN: dict[int, str | None] = {**dict.fromkeys(_CONTROLS), **dict.fromkeys(map(ord, "\t\n\r"), " ")}


def printable(text: str) -> str:
    """User text made safe for a terminal: on one line, without controls or direction overrides."""
    return text.translate(_NOT_SHOWN)


def run(args: argparse.Namespace) -> int:
    """Run one headless command; the exit code. Expected failures print one line, no traceback."""
    from carthane_tcfd.cli_periods import cmd_compare, cmd_period

    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "list": cmd_list,
        "export": cmd_export,
        "matrix": cmd_matrix,
        "init": cmd_init,
        "scenarios": cmd_scenarios,
        "period": cmd_period,
        "compare": cmd_compare,
        "metrics": cmd_metrics,
        "template": cmd_template,
        "import": cmd_import,
    }
    lang = getattr(args, "lang", None) or system_lang()
    if hasattr(args, "lang"):
        args.lang = lang  # one rule for every command: --lang, else the system's language
    try:
        return handlers[args.command](args)
    except UserError as exc:
        log_refusal(args.command, exc.zh, exc.en)
        print(f"error: {printable(exc.message(lang))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the final flush stays quiet
        return EXIT_ERROR
    except Exception:
        path = setup_logging()
        log.exception("unexpected failure in %s", args.command)
        print(f"error: an unexpected error occurred; the details are in {path}", file=sys.stderr)
        return EXIT_ERROR


def open_from_args(args: argparse.Namespace) -> Any:
    from carthane_tcfd.services.register import open_register

    return open_register(args.db, seed=not args.empty, rebuild=getattr(args, "rebuild", False))


def cmd_init(args: argparse.Namespace) -> int:
    register = open_from_args(args)
    try:
        opened = register.opened
        if opened.created:
            state = "created" + (" (empty)" if args.empty else " and seeded with the 2024 register")
        elif opened.upgraded_from:
            backup = opened.backup or (f"schema {opened.backup_schema}" if opened.backup_schema else "none")
            state = f"upgraded from schema {opened.upgraded_from} (backup: {backup})"
        else:
            state = "up to date"
        print(f"{register.location}: {state}")
        return EXIT_OK
    finally:
        register.close()


def cmd_list(args: argparse.Namespace) -> int:
    register = open_from_args(args)
    try:
        year = register.periods.get(args.period).year
        kind = Kind(args.kind) if args.kind else None
        if args.json:  # with the mitigations, financial effects and scenario assessments
            from carthane_tcfd.cli_scenarios import assessments_json, cells_by_item

            scenarios = register.scenarios.set_of(year)
            cells = cells_by_item(scenarios)
            items = [
                {**item_json(i), "scenario_assessments": assessments_json(cells.get(i.id, []), scenarios)}
                for i in register.items.in_period(year, kind)
            ]
            json.dump(items, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:  # the grid's rows are enough for the table
            print_table(register.items.rows(year, kind), year, args.lang)
        warn_damaged(register, year, args)
    finally:
        register.close()
    return EXIT_OK


def cmd_scenarios(args: argparse.Namespace) -> int:
    from carthane_tcfd.cli_scenarios import cmd_scenarios as show

    register = open_from_args(args)
    try:
        show(args, register)
    finally:
        register.close()
    return EXIT_OK


def cmd_metrics(args: argparse.Namespace) -> int:
    from carthane_tcfd.cli_metrics import metrics_json, metrics_text

    register = open_from_args(args)
    try:
        period = register.periods.get(args.period)
        view = register.metrics.view(period.year)
    finally:
        register.close()
    if args.json:
        json.dump(metrics_json(view, period.status.value), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(metrics_text(view, args.lang)))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from carthane_tcfd.reports.boardpack import write_board_pack

    snapshot = _snapshot(args)
    write_board_pack(snapshot, args.out, lang=args.lang)
    print(f"{args.out}: board pack for {snapshot.period.year}, {len(snapshot.items)} items")
    return EXIT_OK


def cmd_matrix(args: argparse.Namespace) -> int:
    from carthane_tcfd.reports.matrix_export import export_matrix
    from carthane_tcfd.reports.matrix_model import MatrixView

    snapshot = _snapshot(args)
    view = MatrixView.COMBINED if args.combined else MatrixView.RESIDUAL if args.residual else MatrixView.INHERENT
    if args.kind:
        kinds: tuple[Kind, ...] = (Kind(args.kind),)
    else:
        kinds = (Kind.RISK, Kind.OPPORTUNITY) if args.out.suffix.lower() == ".pdf" else (Kind.RISK,)
    pages = export_matrix(snapshot, args.out, view=view, lang=args.lang, kinds=kinds)
    print(f"{args.out}: {view.value} matrix for {snapshot.period.year}, {pages} page(s)")
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from carthane_tcfd.reports.template_writer import TemplateRequest, save_template

    register = open_from_args(args)
    try:
        source = register.imports.template_source(args.period)
        period = source.period
        request = TemplateRequest(
            args.lang or "zh", Kind(args.kind) if args.kind else None, args.owner or "", args.blank
        )
        count = save_template(source, args.out, request, register=register.location, made_by=register.user)
    finally:
        register.close()
    print(f"{args.out}: template for {period.year}, {count} items")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from carthane_tcfd.cli_import import run_import

    return run_import(args, open_from_args)


def _snapshot(args: argparse.Namespace) -> Any:
    register = open_from_args(args)
    try:
        snapshot = register.periods.snapshot(args.period)
        warn_damaged(register, snapshot.period.year, args)
        return snapshot
    finally:
        register.close()


def warn_damaged(register: Any, year: int, args: argparse.Namespace) -> None:
    """One line on stderr per item left out because a stored value of it cannot be used."""
    lang = getattr(args, "lang", None) or system_lang()
    for item in register.items.needing_repair(year):
        print(f"warning: {printable(item.message(lang))}", file=sys.stderr)


def _money(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def item_json(item: ItemSnapshot) -> dict[str, Any]:
    """An item as `list --json` prints it: its declared fields with a JSON key (records.ITEM_FIELDS)."""
    from carthane_tcfd.cli_scenarios import effects_json

    return {
        "code": item.code,
        "kind": item.kind.value,
        **{f.json_key: f.json_value(getattr(item, f.name)) for f in ITEM_FIELDS if f.json_key},
        "mitigations": [
            {
                "description": m.description,
                "description_en": m.description_en,
                "owner": m.owner,
                "due": m.due.isoformat() if m.due else None,
                "status": m.status.value,
                "cost": _money(m.cost_cny),
            }
            for m in item.mitigations
        ],
        "financial_effects": effects_json(item.effects),
    }


def print_table(items: Sequence[ItemHeader], year: int, lang: Lang) -> None:
    """The code, the declared fields with a table head (records.ITEM_FIELDS), then both scores."""
    pick = 0 if lang == "zh" else 1
    columns = [f for f in ITEM_FIELDS if f.table]
    heads = (
        ("编号", "Code")[pick],
        *(f.table[pick] for f in columns if f.table),
        ("固有", "Inherent")[pick],
        ("剩余", "Residual")[pick],
    )

    def score(lk: int | None, im: int | None, band: Band | None) -> str:
        return "—" if band is None else f"{lk}×{im} {band.label(lang)}"

    rows = [
        tuple(
            printable(value)
            for value in (
                i.code,
                *(f.shown(i, lang, "/") for f in columns),
                score(i.likelihood, i.impact, i.inherent_band) + ("*" if i.scores_illustrative else ""),
                score(i.residual_likelihood, i.residual_impact, i.residual_band)
                + ("*" if i.scores_illustrative else ""),
            )
        )
        for i in items
    ]
    print_rows(heads, rows)
    note = "* 示例评估（报告未披露评分）" if lang == "zh" else "* illustrative assessment (the report gives no scores)"
    count = f"{year}: {len(items)}" + (" 项" if lang == "zh" else " items")
    print(
        count + ("；" + note if lang == "zh" else "; " + note) if any(i.scores_illustrative for i in items) else count
    )


def print_rows(heads: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table in columns as wide as their widest text (CJK characters count twice)."""
    print("\n".join(table_lines(heads, rows)))
