"""The headless commands of periods and their sign-off (DESIGN.md §3): period list | copy | submit |
approve | return | reopen, and compare."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from carthane_tcfd.cli import EXIT_OK, open_from_args, print_rows
from carthane_tcfd.domain.comparison_text import (
    comparison_data,
    comparison_lines,
)
from carthane_tcfd.domain.signoff import SignoffRecord, StepRequest
from carthane_tcfd.domain.taxonomy import Kind, Lang, WorkflowStep
from carthane_tcfd.i18n import system_lang


def _lang(args: argparse.Namespace) -> Lang:
    return args.lang or system_lang()


def _say(lang: Lang, zh: str, en: str) -> None:
    print(zh if lang == "zh" else en)


def cmd_period(args: argparse.Namespace) -> int:
    register = open_from_args(args)
    lang = _lang(args)
    try:
        command = args.period_command
        if command == "list":
            _list_periods(register, args.json, lang)
        elif command == "copy":
            created = register.periods.copy_to_next_year(args.year)
            count = sum(register.items.counts(created.year).values())
            _say(
                lang,
                f"已将 {args.year} 年度复制为 {created.year} 年度草稿（{count} 项，编号不变）。",
                f"Copied {args.year} to a draft {created.year} register ({count} items, codes kept).",
            )
        else:
            step = WorkflowStep(command)
            request = StepRequest(
                args.comment, getattr(args, "meeting_date", None), getattr(args, "meeting_ref", "") or ""
            )
            register.set_signer(args.name, args.role)
            period = register.workflow.step(args.year, step, request)
            _say(
                lang,
                f"{args.year} 年度：{step.label('zh')}（{register.user}），现为「{period.status.label('zh')}」。",
                f"{args.year}: {step.label('en').lower()} by {register.user}; now {period.status.label('en').lower()}.",
            )
            if step is WorkflowStep.APPROVE:
                approval = register.workflow.signoff(args.year).approved
                assert approval is not None and approval.snapshot_hash is not None
                _say(lang, f"快照 SHA-256：{approval.snapshot_hash}", f"Snapshot SHA-256: {approval.snapshot_hash}")
    finally:
        register.close()
    return EXIT_OK


def _record_data(r: SignoffRecord) -> dict[str, Any]:
    return {
        "step": r.step.value,
        "from": r.from_status.value,
        "to": r.to_status.value,
        "who": r.who,
        "os_account": r.os_account,
        "display_name": r.display_name,
        "role": r.role,
        "at": r.at.isoformat(timespec="seconds") + "Z",
        "comment": r.comment,
        "meeting_date": r.meeting_date.isoformat() if r.meeting_date else None,
        "meeting_reference": r.meeting_reference,
        "segregation_relaxed": r.relaxed,
        "snapshot_hash": r.snapshot_hash,
    }


def _list_periods(register: Any, as_json: bool, lang: Lang) -> None:
    periods = []
    for p in register.periods.all():
        counts = register.items.counts(p.year)
        signoff = register.workflow.signoff(p.year)
        approved = signoff.approved
        periods.append(
            {
                "year": p.year,
                "title": p.title,
                "status": p.status.value,
                "items": sum(counts.values()),
                "risks": counts[Kind.RISK],
                "opportunities": counts[Kind.OPPORTUNITY],
                "one_person_team": p.one_person_team,
                "approved_by": approved.who if approved else None,
                "approved_at": approved.at.isoformat(timespec="seconds") + "Z" if approved else None,
                "snapshot_hash": approved.snapshot_hash if approved else None,
                "signoff": [_record_data(r) for r in signoff.records],
                "_status_label": p.status.label(lang),
                "_last": signoff.records[-1] if signoff.records else None,
            }
        )
    if as_json:
        shown = [{k: v for k, v in p.items() if not k.startswith("_")} for p in periods]
        json.dump(shown, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    heads = (
        ("年度", "名称", "状态", "条目", "最近一步", "由", "时间 (UTC)", "批准快照 SHA-256")
        if lang == "zh"
        else ("Year", "Title", "Status", "Items", "Last step", "By", "At (UTC)", "Approved snapshot SHA-256")
    )
    rows = []
    for p in periods:
        last: SignoffRecord | None = p["_last"]
        rows.append(
            (
                str(p["year"]),
                p["title"],
                p["_status_label"],
                str(p["items"]),
                last.step.label(lang) if last else "—",
                last.signer if last else "—",
                last.at.strftime("%Y-%m-%d %H:%M") if last else "—",
                p["snapshot_hash"] or "—",
            )
        )
    print_rows(heads, rows)


def cmd_compare(args: argparse.Namespace) -> int:
    register = open_from_args(args)
    try:
        result = register.periods.compare(args.from_year, args.to_year, dt.date.today())
    finally:
        register.close()
    if args.json:
        json.dump(comparison_data(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(comparison_lines(result, _lang(args))))
    return EXIT_OK
