"""Every sheet of both editions of the seeded board pack, printed: LibreOffice converts the workbooks to
PDF and the shared print check measures them (README "Print rules")."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from carthane_tcfd.reports.boardpack import write_board_pack

ROOT = Path(__file__).resolve().parents[2]
MIN_WORD_BOX_PT = "9.5"  # pdftotext's word boxes: about 7.5-8 pt type
MAX_CHINESE_SHARE = "0.05"


def office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def print_check_tool() -> Path:
    """The shared tool where the checkout sits beside it, else the copy kept with the tests."""
    for folder in ROOT.parents:
        shared = folder / "shared" / "tools" / "print_check.py"
        if shared.exists():
            return shared
    return ROOT / "tests" / "tools" / "print_check.py"


pytestmark = pytest.mark.skipif(office() is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, snapshot_module):
    folder = tmp_path_factory.mktemp("print")
    profile = (folder / "lo-profile").as_uri()
    out = {}
    for lang in ("zh", "en"):
        xlsx = write_board_pack(snapshot_module, folder / f"pack-{lang}.xlsx", lang)
        done = subprocess.run(
            [
                office(),
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                xlsx,
            ],
            capture_output=True,
            text=True,
            timeout=240,
        )
        pdf = folder / f"pack-{lang}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert the {lang} pack: {done.stderr}"
        out[lang] = (xlsx, pdf)
    return out


@pytest.fixture(scope="module")
def snapshot_module(tmp_path_factory):
    from carthane_tcfd.services.register import open_register

    reg = open_register(f"sqlite:///{tmp_path_factory.mktemp('db') / 'r.db'}")
    snap = reg.periods.snapshot(2024)
    reg.close()
    return snap


def check(pdf: Path, *limits: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(print_check_tool()), "-v", str(pdf), *limits], capture_output=True, text=True
    )


def test_chinese_edition_prints_readable_type_and_no_text_over_text(pdfs):
    result = check(pdfs["zh"][1], MIN_WORD_BOX_PT)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("print ok")


def test_english_edition_prints_readable_type_no_text_over_text_and_is_english(pdfs):
    result = check(pdfs["en"][1], MIN_WORD_BOX_PT, MAX_CHINESE_SHARE)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("print ok")


def test_every_sheet_prints_and_the_content_id_is_on_every_page(pdfs):
    for lang, (xlsx, pdf) in pdfs.items():
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        pages = text.split("\f")[:-1]
        sheets = len(load_workbook(xlsx, read_only=True).sheetnames)
        assert len(pages) >= sheets, f"{lang}: {len(pages)} pages for {sheets} sheets"
        marker = "内容标识" if lang == "zh" else "Content ID"
        ids = {m for page in pages for m in re.findall(marker + r" ([0-9a-f]{12})", page)}
        assert len(ids) == 1, f"{lang}: one content ID on the pages, found {ids}"
        assert all(marker in page for page in pages), f"{lang}: a page without the content ID"
        draft = "草稿" if lang == "zh" else "DRAFT"
        assert all(draft in page for page in pages), f"{lang}: a draft page without the DRAFT banner"


def test_no_text_is_cut_every_word_of_the_english_register_is_printed(pdfs, snapshot_module):
    """A row too short for its text would clip it in print: every word of every description and of the
    actions the register shows must be on paper."""
    text = subprocess.run(["pdftotext", str(pdfs["en"][1]), "-"], capture_output=True, text=True).stdout
    printed = set(re.findall(r"[A-Za-z]+", text.replace("-", "")))  # pdftotext joins a word broken at its hyphen
    for item in snapshot_module.items:
        prose = [item.description_en, *(m.description_en for m in item.mitigations)]
        words = {w for p in prose for w in re.findall(r"[A-Za-z]+", p.replace("-", ""))}
        assert words <= printed, f"{item.code}: not printed: {sorted(words - printed)[:5]}"
