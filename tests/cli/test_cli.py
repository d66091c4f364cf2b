"""The headless commands, run as a user runs them: a subprocess of main.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

ITEM_KEYS = {
    "code",
    "kind",
    "category",
    "title",
    "description",
    "description_en",
    "horizons",
    "value_chain",
    "financial_impacts",
    "likelihood",
    "impact",
    "residual_likelihood",
    "residual_impact",
    "owner",
    "mitigations",
    "financial_effects",
    "scenario_assessments",
}
MITIGATION_KEYS = {"description", "description_en", "owner", "due", "status", "cost"}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=120,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int = 1) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr


def test_list_json_prints_the_eleven_items_in_the_documented_shape(tmp_path):
    result = run("--db", f"sqlite:///{tmp_path / 'x.db'}", "list", "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert len(items) == 11
    assert [i["code"] for i in items][:3] == ["PR-01", "PR-02", "TR-01"]
    for item in items:
        assert set(item) >= ITEM_KEYS
        assert all(set(m) == MITIGATION_KEYS for m in item["mitigations"])
    tr01 = next(i for i in items if i["code"] == "TR-01")
    assert tr01["category"] == "transition_policy_legal"
    assert tr01["horizons"] == ["short", "medium", "long"]
    assert tr01["value_chain"] == ["upstream", "operations", "downstream"]
    assert tr01["mitigations"][0]["status"] == "not_stated", "the report states no action status"
    assert tr01["description_en"].startswith("Unstable US automotive policies")


def test_list_table_in_both_languages_and_by_kind(tmp_path):
    db = str(tmp_path / "x.db")
    zh = run("--db", db, "list", "--lang", "zh")
    assert zh.returncode == 0 and "极端天气" in zh.stdout and "物理风险-急性" in zh.stdout
    assert "示例评估" in zh.stdout
    en = run("--db", db, "list", "--kind", "opportunity", "--lang", "en")
    assert en.returncode == 0
    assert "OP-01" in en.stdout and "PR-01" not in en.stdout and "Resource efficiency" in en.stdout


def test_default_database_comes_from_the_environment_variable(tmp_path):
    db = tmp_path / "env.db"
    result = run("list", "--json", env={"CARTHANE_TCFD_DB": str(db)})
    assert result.returncode == 0 and db.exists()


def test_init_creates_an_empty_database_with_empty(tmp_path):
    db = str(tmp_path / "empty.db")
    result = run("--db", db, "--empty", "init")
    assert result.returncode == 0 and "created (empty)" in result.stdout
    assert_clean_failure(run("--db", db, "list"))
    assert "no reporting period" in run("--db", db, "list").stderr
    assert "up to date" in run("--db", db, "init").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "/no/such/folder/x.db", "list"], "folder does not exist"),
        (["--db", "{tmp}/junk.db", "list"], "Not a database file"),
        (["--db", "{tmp}/x.db", "list", "--period", "1999"], "no register for 1999"),
        (["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "list"], "Cannot reach the database"),
    ],
)
def test_expected_failures_exit_1_with_one_line(tmp_path, args, message):
    (tmp_path / "junk.db").write_text("not a database\n" * 100)
    result = run(*[a.format(tmp=tmp_path) for a in args], "--lang", "en")
    assert_clean_failure(result)
    assert message in result.stderr


def test_newer_schema_is_refused_on_the_command_line(tmp_path):
    import sqlite3

    db = tmp_path / "newer.db"
    assert run("--db", str(db), "init").returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    result = run("--db", str(db), "list", "--lang", "en")
    assert_clean_failure(result)
    assert "newer version" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run("list", "--bogus").returncode == 2
    assert run("list", "--kind", "threat").returncode == 2
    assert run("frobnicate").returncode == 2


def test_export_writes_a_board_pack_and_keeps_the_old_file_on_failure(tmp_path):
    from openpyxl import load_workbook

    db = str(tmp_path / "x.db")
    out = tmp_path / "pack.xlsx"
    result = run("--db", db, "export", "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).sheetnames[0] == "Cover"
    assert_clean_failure(run("--db", db, "export", "--out", str(tmp_path / "nope" / "p.xlsx"), "--lang", "en"))
    assert_clean_failure(run("--db", db, "export", "--out", str(out), "--period", "2030"))
    assert load_workbook(out).sheetnames[0] == "Cover"


def test_export_refuses_another_file_type_as_a_usage_error(tmp_path):
    result = run("--db", str(tmp_path / "x.db"), "export", "--out", str(tmp_path / "pack.pdf"))
    assert result.returncode == 2 and "use .xlsx" in result.stderr
    assert not (tmp_path / "pack.pdf").exists()


@pytest.mark.parametrize(("system", "english"), [("en_US.UTF-8", True), ("zh_CN.UTF-8", False)])
def test_export_and_matrix_follow_the_system_language_without_lang(tmp_path, system, english):
    from openpyxl import load_workbook

    env = {"LANG": system, "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    db = str(tmp_path / "x.db")
    assert run("--db", db, "export", "--out", str(tmp_path / "p.xlsx"), env=env).returncode == 0
    assert (load_workbook(tmp_path / "p.xlsx").sheetnames[0] == "Cover") is english
    failed = run("--db", db, "matrix", "--out", str(tmp_path / "m.pdf"), "--period", "2030", env=env)
    assert_clean_failure(failed)
    assert ("no register for 2030" in failed.stderr) is english


def test_matrix_writes_pdf_and_png_and_refuses_other_types(tmp_path):
    db = str(tmp_path / "x.db")
    pdf = run("--db", db, "matrix", "--out", str(tmp_path / "m.pdf"), "--residual")
    assert pdf.returncode == 0 and "residual matrix for 2024, 2 page(s)" in pdf.stdout
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    png = run("--db", db, "matrix", "--out", str(tmp_path / "m.png"), "--lang", "en", "--kind", "opportunity")
    assert png.returncode == 0 and (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"
    bad = run("--db", db, "matrix", "--out", str(tmp_path / "m.svg"), "--lang", "en")
    assert bad.returncode == 2 and "use .pdf or .png" in bad.stderr  # a usage error (DESIGN.md §3)
    assert not (tmp_path / "m.svg").exists()
    assert run("--db", db, "matrix").returncode == 2
