"""Class 6: writers in separate processes at once. Creates: none refused, codes unique and without gaps.
Read-modify-write updates: none lost; a conflict names who and when."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys

import pytest

from carthane_tcfd.services.register import open_register
from tests.conftest import ROOT

PROCESSES = 4


def run_writers(action: str, url: str, count: int) -> list[dict[str, object]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.worker", action, url, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for _ in range(PROCESSES)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.append(json.loads(out.splitlines()[-1]))
    return results


@pytest.mark.slow
def test_concurrent_creates_are_all_accepted_with_unique_codes(db_url):
    open_register(db_url).close()
    per_process = 25
    results = run_writers("create", db_url, per_process)
    refused = [r for result in results for r in result["refused"]]
    assert refused == []
    register = open_register(db_url)
    codes = [i.code for i in register.items.rows(2024) if i.code.startswith("OP-")]
    register.close()
    numbers = sorted(int(c.split("-")[1]) for c in codes)
    assert numbers == list(range(1, 5 + PROCESSES * per_process + 1))  # 5 seeded, then no gap, no repeat


@pytest.mark.slow
def test_concurrent_updates_lose_nothing_and_conflicts_name_who_and_when(db_url):
    register = open_register(db_url)
    item = next(i for i in register.items.in_period(2024) if i.code == "OP-01")
    register.items.update(item.id, dataclasses.replace(item.to_draft(), sites="0"), item.version)
    register.close()
    per_process = 8
    results = run_writers("increment", db_url, per_process)
    assert [r["refused"] for r in results] == [[]] * PROCESSES
    register = open_register(db_url)
    item = next(i for i in register.items.in_period(2024) if i.code == "OP-01")
    register.close()
    assert int(item.sites) == PROCESSES * per_process  # no lost update
    conflicts = [c for r in results for c in r["conflicts"]]
    for message in conflicts:
        assert re.search(r"was changed by writer-\d+ at \d{4}-\d\d-\d\d \d\d:\d\d UTC", message), message
