"""`metrics [--period YEAR] [--json]`: the inventory, basis, cross-industry metrics and targets."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

from tests.cli.test_cli import assert_clean_failure, run


def test_metrics_json_has_stable_codes_and_the_seeded_figures(tmp_path):
    result = run("--db", str(tmp_path / "r.db"), "metrics", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["year"] == 2024 and data["status"] == "draft" and data["previous_year"] is None
    lines = {line["code"]: line for line in data["lines"]}
    assert lines["scope1.fugitive"]["value"] == 238.56 and lines["scope1.fugitive"]["group"] == "scope1"
    scope3 = [line for line in data["lines"] if line["group"] == "scope3"]
    assert [line["category"] for line in scope3] == list(range(1, 16))
    assert [line["status"] for line in scope3].count("calculated") == 4
    gas = lines["energy.natural_gas"]
    assert (gas["unit"], gas["value"], gas["tce"]) == ("m3", 527.0, 0.64)
    assert data["totals"]["total"] == 10134.03 and round(data["totals"]["share_scope2"], 2) == 79.17
    assert data["basis"]["boundary"] == "operational_control"
    assert [m["state"] for m in data["cross_industry"]] == ["not_measured"] * 6
    assert data["cross_industry"][5]["reference"] == "IFRS S2 ¶29(g)"
    assert data["targets"] == [] and data["warnings"] == []


def test_metrics_json_returns_what_was_entered_in_a_copied_year(tmp_path):
    from carthane_tcfd.domain.ghg import TargetMetric
    from carthane_tcfd.domain.inventory import Line
    from carthane_tcfd.domain.targets import Target
    from carthane_tcfd.services.register import open_register

    url = f"sqlite:///{tmp_path / 'r.db'}"
    register = open_register(url)
    register.periods.copy_to_next_year(2024)
    view = register.metrics.view(2025)
    inventory = view.current.inventory.with_line(Line("scope2.location", Decimal("7500.5")))
    target = Target("范围二减排", TargetMetric.SCOPE2, 2024, Decimal("8022.84"), 2030, Decimal("4000"))
    register.metrics.save(2025, dataclasses.replace(view.current, inventory=inventory, targets=(target,)), view.version)
    register.close()

    data = json.loads(run("--db", url, "metrics", "--period", "2025", "--json").stdout)
    scope2 = next(line for line in data["lines"] if line["code"] == "scope2.location")
    assert (scope2["value"], scope2["previous"]) == (7500.5, 8022.84)
    assert round(scope2["change_pct"], 2) == -6.51
    assert lines_without_figures(data) and data["previous_year"] == 2024
    [saved] = data["targets"]
    assert saved["metric"] == "scope2" and saved["progress"]["year"] == 2025 and saved["progress"]["actual"] == 7500.5


def lines_without_figures(data: dict) -> bool:
    return all(line["value"] is None for line in data["lines"] if line["code"] != "scope2.location")


def test_metrics_table_in_both_languages_and_a_missing_year(tmp_path):
    db = str(tmp_path / "r.db")
    en = run("--db", db, "metrics", "--lang", "en")
    assert en.returncode == 0 and "Category 4: Upstream transportation and distribution" in en.stdout
    assert "1,805.06" in en.stdout and "No quantified climate target" in en.stdout
    zh = run("--db", db, "metrics", "--lang", "zh")
    assert "范围三温室气体排放量" in zh.stdout and "尚未计量" in zh.stdout
    assert_clean_failure(run("--db", db, "metrics", "--period", "2031", "--lang", "en"))
    usage = run("--db", db, "metrics", "--period", "abc")
    assert usage.returncode == 2 and "is not a year" in usage.stderr and "Traceback" not in usage.stderr
