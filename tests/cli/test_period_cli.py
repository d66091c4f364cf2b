"""period and compare, run as a user runs them: a subprocess of main.py per command."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from tests.cli.test_cli import assert_clean_failure, run


def test_copy_submit_approve_and_list_with_segregation_of_duties(tmp_path):
    db = ["--db", str(tmp_path / "r.db")]
    copied = run(*db, "period", "copy", "2024", "--lang", "en", env={"CARTHANE_TCFD_USER": "Ann Li"})
    assert copied.returncode == 0 and "Copied 2024 to a draft 2025 register (11 items" in copied.stdout
    submitted = run(
        *db, "period", "submit", "2025", "--comment", "请审阅", "--name", "王波", "--role", "风险管理部经理",
        env={"CARTHANE_TCFD_USER": "Bo Wang"},
    )  # fmt: skip
    assert submitted.returncode == 0, submitted.stderr
    own = run(
        *db, "period", "approve", "2025", "--comment", "ok", "--lang", "en", env={"CARTHANE_TCFD_USER": "Bo Wang"}
    )
    assert_clean_failure(own)
    assert "You submitted the 2025 period for review, so you cannot approve it" in own.stderr
    no_comment = run(*db, "period", "approve", "2025", "--lang", "en", env={"CARTHANE_TCFD_USER": "Cai Chen"})
    assert_clean_failure(no_comment)
    assert "Comment: is required" in no_comment.stderr
    approved = run(
        *db, "period", "approve", "2025", "--comment", "同意", "--meeting-date", "2025-03-20",
        "--meeting-ref", "BSC 2025-1", "--lang", "en", env={"CARTHANE_TCFD_USER": "Cai Chen"},
    )  # fmt: skip
    assert approved.returncode == 0, approved.stderr
    digest = approved.stdout.split("Snapshot SHA-256: ")[1].strip()
    listed = json.loads(run(*db, "period", "list", "--json").stdout)
    assert [(p["year"], p["status"], p["items"]) for p in listed] == [(2024, "draft", 11), (2025, "approved", 11)]
    assert listed[1]["approved_by"] == "Cai Chen" and listed[1]["snapshot_hash"] == digest
    steps = [(s["step"], s["who"], s["comment"]) for s in listed[1]["signoff"]]
    assert steps == [("submit", "Bo Wang", "请审阅"), ("approve", "Cai Chen", "同意")]
    assert listed[1]["signoff"][1]["meeting_reference"] == "BSC 2025-1" and listed[1]["signoff"][1]["os_account"]
    signers = [(s["display_name"], s["role"]) for s in listed[1]["signoff"]]
    assert signers == [("王波", "风险管理部经理"), ("", "")]
    exported = run(*db, "export", "--out", str(tmp_path / "p.xlsx"), "--period", "2025", "--lang", "zh")
    assert exported.returncode == 0, exported.stderr
    cover = load_workbook(tmp_path / "p.xlsx")["封面"]
    texts = [c for row in cover.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "王波 — 风险管理部经理" in texts and "Cai Chen" in " ".join(texts)
    too_long = run(*db, "period", "reopen", "2025", "--comment", "x", "--role", "r" * 201, "--lang", "en")
    assert_clean_failure(too_long)
    assert "Role for sign-off" in too_long.stderr


def test_compare_json_and_text_and_usage_errors(tmp_path):
    db = ["--db", str(tmp_path / "r.db")]
    assert run(*db, "period", "copy", "2024").returncode == 0
    result = run(*db, "compare", "--from", "2024", "--to", "2025", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["from"], data["to"], data["new"], data["closed"], data["modified"]) == (2024, 2025, [], [], [])
    text = run(*db, "compare", "--from", "2024", "--to", "2025", "--lang", "en")
    assert "Modified (0)" in text.stdout and "Risk · inherent rating movement" in text.stdout
    assert_clean_failure(run(*db, "compare", "--from", "2024", "--to", "2031", "--lang", "en"))
    bad_date = run(*db, "period", "approve", "2025", "--comment", "x", "--meeting-date", "20-3-2025")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
