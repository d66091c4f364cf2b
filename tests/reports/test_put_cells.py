"""A table row written with put_cells (the big tables' fast path) is the row `put` writes cell by cell: the
same file, the same row heights and the same notes the print set-up reads."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from carthane_tcfd.reports.xlsx import Book, put, put_cells, set_widths
from carthane_tcfd.reports.xlsx_print import PageFrame, setup_print

FRAME = PageFrame("Carthane · 2024", "", "Confidential", "Content ID 0", "&P / &N")
WIDTHS = [7, 12, 30, 10, 12, 9]
ROWS: list[tuple[list, list[str]]] = [
    # short texts, a number, a date, a blank: the fast path and put's for the rest
    (["PR-01", "极端天气", "供应链中断", 3, dt.date(2025, 6, 30), None], ["pack_center"] + ["pack_text"] * 5),
    # a text that wraps to several lines, a float, a text Excel would take for a formula, an empty text
    (
        ["PR-02", "Flood", "Extreme weather stops the plants " * 6, 1234.5, "=SUM(A1)", ""],
        ["pack_text"] * 3 + ["pack_money", "pack_text", "pack_text"],
    ),
    # a text too tall for one row (continued below by spill), a date Excel cannot show, a line break
    (
        ["", "a\nb\nc", "长" * 6000, 0, dt.date(1899, 1, 1), "x"],
        ["pack_text", "pack_overdue", "pack_text", "pack_center", "pack_date", "rag_red"],
    ),
    # texts longer than one line surely fits, measured in put_cells: unwrapped, and wrapped yet within a row
    (
        ["OP-01", "Opportunity " * 20, "气候" * 50, 7, None, ""],
        ["pack_note", "pack_text", "pack_text", "pack_center", "pack_date", "pack_money"],
    ),
    # unwrapped and smaller styles
    (
        ["TR-01", "标题", "note", -2, dt.date(2030, 1, 1), "y"],
        ["pack_note", "pack_link", "pack_note", "pack_number_0", "pack_overdue_date", "rag_green"],
    ),
]


def _written(row_writer) -> tuple[dict[str, bytes], object]:
    out = io.BytesIO()
    book = Book(out)
    ws = book.add_sheet("Table")
    set_widths(ws, WIDTHS)
    row = 1
    for values, styles in ROWS:
        row_writer(ws, row, values, styles)
        row = ws.spill(row, len(WIDTHS)) + 1
    notes = (dict(ws.needed), dict(ws.first_cells), ws.smallest_font, ws.max_row, dict(ws.tall))
    setup_print(ws, FRAME, title_rows=None, last_col=len(WIDTHS))
    book.close()
    with zipfile.ZipFile(out) as z:
        files = {n: z.read(n) for n in z.namelist() if not n.startswith("docProps")}
    return files, notes


def _cell_by_cell(ws, row, values, styles) -> None:
    for col, (value, style) in enumerate(zip(values, styles, strict=True), start=1):
        put(ws, row, col, value, style)


def test_put_cells_writes_what_put_writes_cell_by_cell():
    fast_files, fast_notes = _written(put_cells)
    slow_files, slow_notes = _written(_cell_by_cell)
    assert fast_notes == slow_notes
    assert fast_notes[0][3] > 30  # the wrapped text's row was measured taller than one line
    assert fast_files.keys() == slow_files.keys()
    for name in fast_files:
        assert fast_files[name] == slow_files[name], name


def test_put_cells_refuses_a_row_whose_values_and_styles_differ_in_number():
    ws = Book(io.BytesIO()).add_sheet("Table")
    set_widths(ws, WIDTHS)
    with pytest.raises(ValueError):
        put_cells(ws, 1, ["PR-01", "x"], ["pack_text"])
