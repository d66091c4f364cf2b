"""The Chinese translation is complete and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from carthane_tcfd.paths import resource

TS = resource("translations", "carthane_tcfd_zh_CN.ts")


def test_every_ui_string_has_a_chinese_translation():
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 100
    missing = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert missing == []


def test_the_compiled_translation_is_not_older_than_its_source():
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime


def test_the_translation_source_holds_every_text_the_code_marks(tmp_path):
    """lupdate run on the code now finds no text the committed source lacks, and none it holds in vain."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    ui = Path(__file__).resolve().parents[2] / "carthane_tcfd" / "ui"
    subprocess.run([str(lupdate), "-extensions", "py", str(ui), "-ts", str(fresh)], check=True, capture_output=True)

    def texts(path: Path) -> set[tuple[str | None, str | None, str]]:
        return {
            (context.findtext("name"), message.findtext("source"), message.find("translation").get("type") or "")
            for context in ET.parse(path).getroot().iter("context")
            for message in context.iter("message")
        }

    assert texts(fresh) == texts(TS)
