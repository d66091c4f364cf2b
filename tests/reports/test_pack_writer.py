"""How the board pack is written, beyond what it holds: the garbage collector held off while it is written
and restored after, the workbook let go when it is done, xlsxwriter's worksheet subclassed without
changing a byte, and cell lengths counted as Excel counts them."""

from __future__ import annotations

import gc
import io

import pytest
from xlsxwriter.worksheet import Worksheet

from carthane_tcfd.domain.errors import Cancelled
from carthane_tcfd.reports.boardpack import write_workbook
from carthane_tcfd.reports.xlsx import PackWorksheet, cell_length


def test_the_collector_is_held_off_while_the_pack_is_written_and_restored_after(snapshot):
    seen: list[bool] = []
    assert gc.isenabled()
    write_workbook(snapshot, io.BytesIO(), "en", progress=lambda done, total: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()


def test_the_collector_is_restored_when_the_export_is_cancelled(snapshot):
    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_workbook(snapshot, io.BytesIO(), "zh", progress=cancel)
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(snapshot):
    gc.disable()
    try:
        write_workbook(snapshot, io.BytesIO(), "zh")
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("cancelled", [False, True])
def test_the_workbook_leaves_nothing_for_the_collector(snapshot, cancelled):
    """xlsxwriter's worksheets refer to their workbook; the pack breaks that cycle, written or cancelled, so
    its cells go when it is dropped instead of waiting for a collection."""

    def progress(done: int, total: int) -> None:
        if cancelled and done == 5:
            raise Cancelled()

    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        try:
            write_workbook(snapshot, io.BytesIO(), "zh", progress=progress)
        except Cancelled:
            assert cancelled
        gc.collect()
        left = [o for o in gc.garbage if type(o).__module__.startswith("xlsxwriter")]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []


@pytest.mark.parametrize("value", ["A1", 'say "yes"', "<a & b>", "two\nlines", "", 3, 4.5, None, True])
def test_the_pack_worksheet_escapes_attributes_as_xlsxwriter_does(value):
    assert PackWorksheet()._escape_attributes(value) == Worksheet()._escape_attributes(value)


def test_cell_length_counts_utf16_units():
    assert cell_length("") == 0
    assert cell_length("气候 risk") == 7
    assert cell_length("a😀b") == 4  # outside the basic plane: two units
    assert cell_length("x\ud800") == 2  # a lone surrogate: one unit, not an error
