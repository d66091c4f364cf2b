"""The `import` command (issue 17): read the template safely, show the plan, apply it all or nothing.

A dry run prints what would change; any problem goes to stderr, one line each (at most the first 50 and a
count), and the exit code is 1 with nothing written."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from carthane_tcfd.domain.imports import ImportPlan, problem_lines
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.i18n import system_lang

EXIT_OK, EXIT_ERROR = 0, 1


def plan_lines(plan: ImportPlan, lang: Lang) -> list[str]:
    """The plan as the terminal shows it: new, changed (each field old → new), conflicts, the summary."""
    zh = lang == "zh"
    lines: list[str] = []
    for new in plan.new:
        lines.append(
            f"新增  第 {new.row} 行：{new.category} · {new.title}"
            if zh
            else f"new       row {new.row}: {new.category} · {new.title}"
        )
    for item in plan.changed:
        lines.append(f"更改  {item.code} {item.title}" if zh else f"changed   {item.code} {item.title}")
        lines.extend(f"      {c.label}{'：' if zh else ': '}{c.old} → {c.new}" for c in item.changes)
    for conflict in plan.conflicts:
        lines.append(("冲突  " if zh else "conflict  ") + conflict.message(lang))
    if plan.unchanged:
        lines.append(f"未变  {len(plan.unchanged)} 项" if zh else f"unchanged {len(plan.unchanged)} items")
    lines.append(
        f"{plan.file}（{plan.year}）：{plan.summary(lang)}"
        if zh
        else f"{plan.file} ({plan.year}): {plan.summary(lang)}"
    )
    return lines


def _refusal(plan: ImportPlan, lang: Lang) -> list[str]:
    lines = problem_lines(plan.problems, lang)
    if not plan.problems and plan.conflicts:
        lines = [c.message(lang) for c in plan.conflicts]
        lines.append(
            "如确认以文件中的值为准，请加 --take-file-values 再导入"
            if lang == "zh"
            else "to apply the file's values to these items anyway, import again with --take-file-values"
        )
    return lines


def run_import(args: argparse.Namespace, open_register: Callable[[argparse.Namespace], Any]) -> int:
    from carthane_tcfd.reports.template_reader import ReadOptions, read_template
    from carthane_tcfd.services.imports import ImportRefused

    lang: Lang = args.lang or system_lang()
    template = read_template(args.file, ReadOptions(ignore_unknown_columns=args.ignore_unknown_columns))
    register = open_register(args)
    try:
        options = {"year": args.period, "lang": lang, "take_file_values": args.take_file_values}
        try:
            if args.dry_run:
                plan = register.imports.preview(template, **options)
            else:
                plan = register.imports.apply(template, **options)
        except ImportRefused as refused:
            plan = refused.plan
            if args.dry_run:
                print("\n".join(plan_lines(plan, lang)))
            for line in _refusal(plan, lang):
                print(f"error: {line}", file=sys.stderr)
            print(f"error: {refused.message(lang)}", file=sys.stderr)
            return EXIT_ERROR
    finally:
        register.close()
    print("\n".join(plan_lines(plan, lang)))
    if args.dry_run:
        if plan.blocked:
            for line in _refusal(plan, lang):
                print(f"error: {line}", file=sys.stderr)
            return EXIT_ERROR
        print("（试运行：未写入任何内容）" if lang == "zh" else "(dry run: nothing was written)")
    return EXIT_OK
