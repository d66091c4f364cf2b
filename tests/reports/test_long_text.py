"""A text too tall for one row of a table goes on in the rows below it, whole, in print and in the file;
where a sheet cannot continue it, the export says which sheet, item and cell, in the user's language."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from carthane_tcfd.reports import print_rules as rules
from carthane_tcfd.reports.xlsx import Book, put, set_widths
from carthane_tcfd.reports.xlsx_print import PageFrame, TooTall, setup_print
from tests.conftest import ROOT

FRAME = PageFrame("Carthane · 2024", "", "Confidential", "Content ID 0", "&P / &N")
LONG = ("极端天气导致厂区停产，需评估供应链中断风险。" * 1000)[:20_000]
LONG_EN = ("Extreme weather stops the plants; assess the risk of supply chain disruption. " * 300)[:20_000]


def texts_in(ws, col: int) -> str:
    return "".join(str(r[col - 1].value or "") for r in ws.iter_rows(min_row=2))


def test_a_text_taller_than_a_row_goes_on_in_the_rows_below_whole():
    out = io.BytesIO()
    book = Book(out)
    ws = book.add_sheet("Actions")
    set_widths(ws, [8, 40, 10])
    put(ws, 1, 1, "Code", "pack_header")
    put(ws, 2, 1, "PR-01")
    put(ws, 2, 2, LONG)
    put(ws, 2, 3, "owner")
    last = ws.spill(2, 3)
    put(ws, last + 1, 1, "PR-02")
    assert ws.spill(last + 1, 3) == last + 1  # a row that fitted takes no more
    setup_print(ws, FRAME, title_rows=1, last_col=3)
    book.close()
    sheet = load_workbook(out)["Actions"]
    assert last > 2 and sheet.cell(last + 1, 1).value == "PR-02"
    assert texts_in(sheet, 2) == LONG
    assert all(sheet.row_dimensions[r].height <= rules.MAX_ROW_PT for r in range(2, last + 1))
    assert [sheet.cell(r, 3).value for r in range(2, last + 1)] == ["owner"] + [None] * (last - 2)


def test_a_text_longer_than_a_cell_holds_goes_on_below_too():
    ws = Book(io.BytesIO()).add_sheet("S")
    set_widths(ws, [200])
    text = "a " * 20_000  # 40,000 characters: more than an Excel cell holds, in rows it could fit
    put(ws, 1, 1, text)
    ws.spill(1, 1)
    assert not ws.pending and ws.max_row > 1


@pytest.mark.parametrize(
    ("lang", "words"), [("zh", ("「Summary」", "B3", "PR-07", "缩短")), ("en", ("'Summary'", "B3", "PR-07", "shorten"))]
)
def test_a_sheet_that_cannot_continue_a_text_says_where_and_what_to_do(lang, words):
    ws = Book(io.BytesIO()).add_sheet("Summary")
    set_widths(ws, [40, 10])
    put(ws, 3, 1, "PR-07")
    put(ws, 3, 2, LONG)  # left waiting: this sheet has no rows below to continue it in
    with pytest.raises(TooTall) as caught:
        setup_print(ws, FRAME, title_rows=None, last_col=2)
    message = caught.value.message(lang)
    assert all(w in message for w in words), message
    assert "\n" not in message


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        cwd=ROOT,
        timeout=300,
    )


def test_an_item_with_twenty_thousand_characters_exports_whole_from_the_cli(tmp_path):
    from carthane_tcfd.services.register import open_register

    db = str(tmp_path / "long.sqlite3")
    assert run_cli("--db", db, "init").returncode == 0
    register = open_register(f"sqlite:///{db}")
    item = register.items.in_period(2024)[0]
    draft = item.to_draft()
    first = dataclasses.replace(draft.mitigations[0], description=LONG, description_en=LONG_EN)
    register.items.update(
        item.id, dataclasses.replace(draft, description=LONG, mitigations=[first, *draft.mitigations[1:]]), item.version
    )
    register.close()
    for lang, tracker, text in (("zh", "行动跟踪", LONG), ("en", "Action tracker", LONG_EN)):
        out = tmp_path / f"pack-{lang}.xlsx"
        result = run_cli("--db", db, "export", "--out", str(out), "--lang", lang)
        assert result.returncode == 0, result.stderr
        sheet = load_workbook(out)[tracker]
        assert text.replace(" ", "") in texts_in(sheet, 4).replace(" ", "")  # cut at spaces between rows
