"""`template` and `import` as a user runs them, the hostile corpus, and the LibreOffice round trip."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from carthane_tcfd.app import main
from carthane_tcfd.services.register import open_register
from tests.cli.test_cli import run
from tests.reports.hostile_corpus import CORPUS, genuine_template, make_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    return make_corpus(genuine_template(folder), folder)


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "register.sqlite3"
    assert main(["--db", str(db), "init"]) == 0
    return db


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file of the database folder (the database and any journal beside it), by content."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _listing(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert main(["--db", str(db), "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("hostile", CORPUS, ids=[h.name for h in CORPUS])
def test_every_hostile_file_is_refused_with_one_line_per_problem_and_the_database_untouched(
    hostile, corpus, tmp_path, capsys
):
    seeded = tmp_path / "register.sqlite3"  # the register the corpus was made from
    shutil.copyfile(corpus[hostile.name].parent / "corpus-seed.sqlite3", seeded)
    before = _fingerprint(seeded.parent)
    capsys.readouterr()
    for dry_run in ([], ["--dry-run"]):
        code = main(["--db", str(seeded), "import", str(corpus[hostile.name]), "--lang", "en", *dry_run])
        err = capsys.readouterr().err
        lines = err.splitlines()
        assert code == 1, err
        assert "Traceback" not in err and all(line.startswith("error: ") for line in lines), err
        for expected in hostile.expect:
            assert any(expected in line for line in lines), (expected, err)
        problems = [line for line in lines if "nothing was imported" not in line]
        assert len(problems) == hostile.lines, err
    assert _fingerprint(seeded.parent) == before


def test_template_then_dry_run_then_import_from_the_command_line(seeded, tmp_path, capsys):
    db = f"sqlite:///{seeded}"
    template = tmp_path / "部门模板.xlsx"
    made = run("--db", db, "template", "--out", str(template), "--lang", "en", "--kind", "opportunity")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == f"{template}: template for 2024, 5 items"

    wb = openpyxl.load_workbook(template)
    ws = wb["Items"]
    heads = [c.value for c in ws[1]]
    row = ws.max_row + 1
    ws.cell(row, heads.index("Category") + 1, "Markets")
    ws.cell(row, heads.index("Title") + 1, "Export of lightweight parts")
    wb.save(template)

    dry = run("--db", db, "import", str(template), "--dry-run", "--lang", "en")
    assert dry.returncode == 0, dry.stderr
    assert f"new       row {row}: Markets · Export of lightweight parts" in dry.stdout
    assert "1 new, 0 changed" in dry.stdout and "(dry run: nothing was written)" in dry.stdout
    assert len(_listing(seeded, capsys)) == 11

    assert main(["--db", db, "import", str(template), "--lang", "zh"]) == 0
    assert "新增 1 项" in capsys.readouterr().out
    listed = _listing(seeded, capsys)
    assert [i["code"] for i in listed if i["title"] == "Export of lightweight parts"] == ["OP-06"]


def test_an_unsupported_template_name_is_a_usage_error(seeded, tmp_path):
    result = run("--db", str(seeded), "template", "--out", str(tmp_path / "t.csv"), "--lang", "en")
    assert result.returncode == 2 and ".csv is not supported; use .xlsx" in result.stderr
    assert not (tmp_path / "t.csv").exists()


def _libreoffice(source: Path, folder: Path, profile: Path) -> Path:
    folder.mkdir(exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / source.name


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_files_saved_by_libreoffice_round_trip_to_exactly_their_edits(seeded, tmp_path, capsys):
    """LibreOffice rewrites styles, shared strings and dates: unedited it changes nothing, edited it
    changes exactly the edits, and `list --json` differs only there."""
    profile = tmp_path / "lo-profile"
    template = tmp_path / "template.xlsx"
    assert main(["--db", str(seeded), "template", "--out", str(template), "--lang", "en"]) == 0
    untouched = _libreoffice(template, tmp_path / "untouched", profile)
    capsys.readouterr()
    assert main(["--db", str(seeded), "import", str(untouched), "--dry-run", "--lang", "en"]) == 0
    assert "0 new, 0 changed, 11 unchanged, 0 conflicts" in capsys.readouterr().out

    wb = openpyxl.load_workbook(template)
    items, actions = wb["Items"], wb["Actions"]
    heads = [c.value for c in items[1]]
    items.cell(3, heads.index("Owner") + 1, "Production")
    action_heads = [c.value for c in actions[1]]
    actions.cell(2, action_heads.index("Status") + 1, "Completed")
    actions.cell(2, action_heads.index("Due date") + 1, dt.datetime(2026, 6, 30)).number_format = "yyyy-mm-dd"
    grid, metrics = wb["Scenario grid"], wb["Metrics"]
    grid_heads, metric_heads = [c.value for c in grid[1]], [c.value for c in metrics[1]]
    pr02 = next(r for r in range(2, grid.max_row + 1) if grid.cell(r, 1).value == "PR-02")
    grid.cell(pr02, grid_heads.index("Direction") + 1, "Adverse")
    grid.cell(pr02, grid_heads.index("Level") + 1, 3)
    grid.cell(pr02, grid_heads.index("Narrative") + 1, "Heat in the summer months")
    fugitive = next(r for r in range(2, metrics.max_row + 1) if metrics.cell(r, 1).value == "scope1.fugitive")
    metrics.cell(fugitive, metric_heads.index("Value") + 1, 240.5)
    edited_path = tmp_path / "edited.xlsx"
    wb.save(edited_path)
    edited = _libreoffice(edited_path, tmp_path / "edited", profile)

    before = _listing(seeded, capsys)
    assert main(["--db", str(seeded), "import", str(edited), "--lang", "en"]) == 0
    assert "0 new, 3 changed, 9 unchanged" in capsys.readouterr().out  # two items and the metrics
    after = _listing(seeded, capsys)
    register = open_register(f"sqlite:///{seeded}")
    try:
        [cell] = register.scenarios.set_of(2024).assessments
        assert cell.narrative == "Heat in the summer months"
        assert str(register.metrics.view(2024).current.inventory.line("scope1.fugitive").value) == "240.5"
    finally:
        register.close()
    code = items.cell(3, 1).value
    assert code == "PR-02"
    changed = [b["code"] for b, a in zip(before, after, strict=True) if a != b]
    assert changed == ["PR-01", "PR-02"]  # the action's item and the re-owned item, nothing else
    assert after[1]["owner"] == "Production"
    assert after[0]["mitigations"][0]["status"] == "completed"
    assert after[0]["mitigations"][0]["due"] == "2026-06-30"
    assert [(a["scenario_en"], a["horizon"], a["direction"], a["level"]) for a in after[1]["scenario_assessments"]] == [
        ("Orderly transition (about 1.5 °C)", "long", "adverse", 3)
    ]
    after[1]["owner"] = before[1]["owner"]
    after[1]["scenario_assessments"] = before[1]["scenario_assessments"]
    after[0]["mitigations"][0].update(
        status=before[0]["mitigations"][0]["status"], due=before[0]["mitigations"][0]["due"]
    )
    assert after == before


def test_a_template_of_another_register_is_refused_from_the_command_line(corpus, seeded, capsys):
    other = next(iter(corpus.values())).parent / "genuine.xlsx"  # made from the corpus's own register
    before = _fingerprint(seeded.parent)
    capsys.readouterr()
    assert main(["--db", str(seeded), "import", str(other), "--dry-run", "--lang", "en"]) == 1
    problems = [line for line in capsys.readouterr().err.splitlines() if "nothing was imported" not in line]
    assert problems == [
        "error: this template was made from another register (corpus) and cannot be imported into this one: "
        "export a template from this register"
    ]
    assert _fingerprint(seeded.parent) == before
