"""The layering of DESIGN.md §1: Qt stays in ui/."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

CORE = ("domain", "store", "services", "reports")


@pytest.mark.parametrize("layer", CORE)
def test_core_layers_import_no_qt(layer):
    modules = sorted(p.stem for p in (ROOT / "carthane_tcfd" / layer).glob("*.py") if p.stem != "__init__")
    imports = "; ".join(f"import carthane_tcfd.{layer}.{m}" for m in modules) or "pass"
    code = f"import sys; {imports}; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_domain_imports_nothing_of_the_outer_layers():
    code = (
        "import sys, carthane_tcfd.domain.records, carthane_tcfd.domain.validation, carthane_tcfd.domain.errors,"
        " carthane_tcfd.domain.filtering;"
        " print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'openpyxl', 'matplotlib')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
