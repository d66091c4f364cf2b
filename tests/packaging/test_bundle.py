"""Packaging smoke test: build the one-folder bundle with the README's command, then use it as IT would,
with a clean environment (no Python of ours on PATH, no PYTHONPATH): list, export, matrix, and the GUI.
Run on its own with: ./packaging/test.sh -m packaging"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import ROOT

pytestmark = [pytest.mark.packaging, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux build")]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "BUILD_WORK_DIR": str(tmp_path_factory.mktemp("work"))}
    result = subprocess.run(
        [str(ROOT / "packaging" / "build.sh"), str(dist)], env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    folder = dist / "CarthaneTCFD"
    assert (folder / "CarthaneTCFD").exists() and (folder / "CarthaneTCFD-cli").exists()
    return folder


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def run(bundle: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "CarthaneTCFD-cli"), *args],
        env=clean_env(home, **env),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home,
    )


def test_the_bundle_carries_its_resources_and_desktop_entry(bundle):
    internal = bundle / "_internal"
    assert (internal / "resources" / "seed" / "register-2024.json").exists()
    assert (internal / "resources" / "translations" / "carthane_tcfd_zh_CN.qm").exists()
    assert (internal / "db" / "versions" / "0002_metrics.py").exists()
    assert (bundle / "carthane-tcfd.desktop").read_text().count("Exec=CarthaneTCFD") == 1
    assert not list(internal.rglob("pytest*")), "no test tooling in the bundle"


MAX_BUNDLE_MIB = 200


def test_the_bundle_stays_within_its_size_and_has_no_broken_links(bundle):
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mib = sum(p.stat().st_size for p in files) / 2**20
    assert size_mib <= MAX_BUNDLE_MIB, f"the bundle is {size_mib:.0f} MiB"
    broken = [str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert broken == []
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    assert {p.parent.name for p in plugins.glob("*/*.so")} == {"platforms", "platforminputcontexts", "printsupport"}


def test_the_bundled_commands_list_export_and_draw_from_a_fresh_database(bundle, tmp_path):
    import json

    listed = run(bundle, tmp_path, "--db", str(tmp_path / "r.db"), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 11, "migrations ran inside the bundle and the seed loaded"
    exported = run(
        bundle, tmp_path, "--db", str(tmp_path / "r.db"), "export", "--out", str(tmp_path / "p.xlsx"), "--lang", "zh"
    )
    assert exported.returncode == 0, exported.stderr
    assert load_workbook(tmp_path / "p.xlsx").sheetnames[0] == "封面"
    drawn = run(bundle, tmp_path, "--db", str(tmp_path / "r.db"), "matrix", "--out", str(tmp_path / "m.pdf"))
    pdf = (tmp_path / "m.pdf").read_bytes()
    assert drawn.returncode == 0 and pdf.startswith(b"%PDF")
    if importlib.util.find_spec("cairo"):  # the build took pycairo along: the bundle writes with cairo too
        assert b"cairographics" in pdf, "the Producer of the PDF is cairo"
    missing = run(bundle, tmp_path, "--db", str(tmp_path / "nope" / "r.db"), "list", "--lang", "en")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_the_bundled_gui_shows_the_window_and_quits_without_the_venv(bundle, tmp_path):
    """In Chinese: the window's translation and Qt's own (dialog buttons) come from the bundle, found
    through the Qt paths the bundle's run-time hook sets (packaging/rthooks)."""
    env = clean_env(tmp_path, QT_QPA_PLATFORM="offscreen", CARTHANE_TCFD_QUIT_AFTER_MS="4000", LANG="zh_CN.UTF-8")
    process = subprocess.Popen(
        [str(bundle / "CarthaneTCFD"), "--db", str(tmp_path / "gui.db")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (tmp_path / "gui.db").exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    maps = Path(f"/proc/{process.pid}/maps").read_text() if process.poll() is None else ""
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert (tmp_path / "gui.db").exists(), "the window opened the register"
    assert maps, "the GUI was still running when its memory map was read"
    loaded = {line.split()[-1] for line in maps.splitlines() if "/" in line}
    outside = sorted(p for p in loaded if ".venv" in p or "site-packages" in p)
    assert not outside, f"the bundle loaded files from a Python environment: {outside[:5]}"
    internal = bundle.resolve() / "_internal"
    translations = {internal / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm", internal / "resources" /
                    "translations" / "carthane_tcfd_zh_CN.qm"}
    assert translations <= {Path(p) for p in loaded}, "Qt's and the application's Chinese were loaded"
