"""The normalisation rules of an import: what a cell may hold, and that anything else is an error."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from carthane_tcfd.domain.cell_values import (
    CellError,
    amount_value,
    clean_text,
    code_value,
    coded_value,
    date_value,
    score_value,
    text_value,
    tick_value,
)
from carthane_tcfd.domain.taxonomy import Category, MitigationStatus


def test_full_width_digits_letters_and_spaces_become_half_width():
    assert clean_text("\u3000ＰＲ－０１ ") == "PR-01"
    assert clean_text("极端天气") == "极端天气"  # Chinese text is left alone


def test_codes_are_upper_case_half_width_without_spaces():
    assert code_value(" pr-０１ ") == "PR-01"
    assert code_value(None) == ""


@pytest.mark.parametrize("cell", ["物理风险-急性", "Physical risk – acute", "physical_acute", " PHYSICAL_ACUTE "])
def test_choices_are_accepted_by_either_label_or_code(cell):
    assert coded_value(cell, Category) is Category.PHYSICAL_ACUTE


def test_an_unknown_choice_is_an_error_not_a_guess():
    with pytest.raises(CellError, match="not one of the choices: Physical"):
        coded_value("Physical", Category)
    assert coded_value("  ", MitigationStatus) is None


@pytest.mark.parametrize(
    ("cell", "score"), [(3, 3), (3.0, 3), ("3", 3), ("３", 3), (" 4 ", 4), (None, None), ("", None)]
)
def test_scores_accept_numbers_and_numbers_as_text(cell, score):
    assert score_value(cell, 5) == score


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        (3.5, "whole number"),
        ("3.5", "whole number"),
        (6, "between 1 and 5"),
        (0, "between 1 and 5"),
        (True, "number"),
        ("three", "not a number"),
        ("NaN", "finite"),
        (float("inf"), "finite"),
    ],
)
def test_scores_refuse_anything_else(cell, why):
    with pytest.raises(CellError, match=why):
        score_value(cell, 5)


@pytest.mark.parametrize("cell", ["NaN", "nan", "inf", "-Infinity", "∞", float("nan"), float("-inf"), "sNaN"])
def test_amounts_refuse_nan_and_infinity(cell):
    with pytest.raises(CellError):
        amount_value(cell)


def test_amounts_accept_thousands_separators_currency_and_full_width():
    assert amount_value("¥1,200,000.50") == Decimal("1200000.50")
    assert amount_value("１２００") == Decimal("1200.00")
    assert amount_value(120000.5) == Decimal("120000.50")
    with pytest.raises(CellError, match="two decimals"):
        amount_value("1.005")
    with pytest.raises(CellError, match="non-negative"):
        amount_value(-1)


def test_dates_as_dates_or_iso_text_within_range():
    assert date_value(dt.datetime(2025, 6, 30)) == dt.date(2025, 6, 30)
    assert date_value("２０２５-０６-３０") == dt.date(2025, 6, 30)
    with pytest.raises(CellError, match="1900-02-29 does not exist"):
        date_value("1900-02-29")
    with pytest.raises(CellError, match="between 1990 and 2100"):
        date_value("1899-12-31")
    with pytest.raises(CellError, match="between 1990 and 2100"):
        date_value(dt.datetime(1900, 2, 28))  # what openpyxl makes of Excel's serial 60
    with pytest.raises(CellError, match="YYYY-MM-DD"):
        date_value("30/06/2025")  # day-first or month-first: a guess, so refused
    with pytest.raises(CellError, match="without a time"):
        date_value(dt.datetime(2025, 6, 30, 12, 0))
    with pytest.raises(CellError, match="not a real date"):
        date_value("2025-02-30")


def test_ticks_accept_a_defined_set_only():
    assert [tick_value(v) for v in ("✓", "x", "是", "Yes", 1, None, "", True)] == [True] * 5 + [False] * 2 + [True]
    with pytest.raises(CellError, match="blank or ✓"):
        tick_value("maybe")


def test_text_keeps_its_content_and_reads_numbers_as_they_read():
    assert text_value("  安环部 ") == "安环部"
    assert text_value(2024) == "2024" and text_value(2.5) == "2.5" and text_value(3.0) == "3"
    with pytest.raises(CellError, match="not a date"):
        text_value(dt.date(2024, 1, 1))
