"""Compiles the Qt Linguist sources resources/translations/*.ts to .qm (run by packaging/setup.sh):
python -m carthane_tcfd.ui.translations_build"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

from carthane_tcfd.paths import resource


def lrelease() -> Path:
    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError("PySide6's lrelease was not found")


def build(force: bool = False) -> list[Path]:
    """Compile every .ts whose .qm is missing or older; the .qm files written."""
    written = []
    for ts in sorted(resource("translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
            written.append(qm)
    return written


if __name__ == "__main__":
    for path in build(force="--force" in sys.argv):
        print(path)
