"""The Chinese translation is complete and compiled."""

from __future__ import annotations

import xml.etree.ElementTree as ET

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
