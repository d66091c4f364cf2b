"""What a spreadsheet cell may hold for each kind of field, and how it is normalised.

The rules of an import (issue 17): labels in either language or codes are accepted, surrounding spaces,
full-width digits and Excel's numbers stored as text are normalised; anything else is an error that
says why, never a guess. A cell arrives as the reader gives it: None, str, int, float, bool, date or
datetime."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from carthane_tcfd.domain.taxonomy import Coded

Cell = str | int | float | bool | dt.date | dt.datetime | None

# Dues and other dates of a climate register fall in this range; anything outside is a typing error
# (or a date Excel cannot hold: it has no dates before 1900).
DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
AMOUNT_MAX = Decimal(10) ** 13
# The values that tick a yes/no column (one column per member of a set-valued field).
TICK = "✓"
TICKS = frozenset({"✓", "✔", "x", "是", "yes", "y", "1", "true"})
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NON_FINITE = frozenset({"nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "+∞", "-∞"})


class CellError(ValueError):
    """A cell that does not hold what its column needs; the message says why, in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


# full-width ASCII (digits, letters, punctuation) to half-width, the ideographic space to a space
_HALF_WIDTH = {**{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}


def clean_text(value: str) -> str:
    """Full-width ASCII (digits, letters, punctuation, the ideographic space) to half-width, then
    surrounding spaces removed. Chinese text is untouched (NFKC would also rewrite it, so it is not used)."""
    return (value if value.isascii() else value.translate(_HALF_WIDTH)).strip()


def _number_text(value: int | float) -> str:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError("不是有限数值", "is not a finite number")
        if value.is_integer():
            return str(int(value))
    return str(value)


def text_value(cell: Cell) -> str:
    """Free text: a string as it is (surrounding spaces removed), a number as it reads."""
    if isinstance(cell, str):
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, bool):
        raise CellError("应为文字，而不是逻辑值", "must be text, not TRUE/FALSE")
    if isinstance(cell, int | float):
        return _number_text(cell)
    raise CellError("应为文字，而不是日期", "must be text, not a date")


def code_value(cell: Cell) -> str:
    """An item code such as PR-01: half-width, upper case, no surrounding spaces."""
    return clean_text(text_value(cell)).upper()


def coded_value(cell: Cell, enum: type[Coded]) -> Coded | None:
    """A member of a vocabulary, by its code or its label in either language; None when blank."""
    text = clean_text(text_value(cell))
    if not text:
        return None
    member = _member(enum, text)
    if member is None:
        raise CellError(f"不是可选的值：{text}", f"is not one of the choices: {text}")
    return member


@functools.lru_cache(maxsize=1024)
def _member(enum: type[Coded], text: str) -> Coded | None:
    """Parsed once per distinct text: a template repeats the same few labels thousands of times."""
    try:
        return enum.parse(text)
    except ValueError:
        return None


def tick_value(cell: Cell) -> bool:
    """A yes/no column: blank is no; ✓, x, 是, yes, 1 are yes; anything else is an error."""
    if cell is None:
        return False
    if cell == TICK:
        return True
    if isinstance(cell, bool):
        return cell
    text = clean_text(text_value(cell)).lower()
    if not text:
        return False
    if text in TICKS:
        return True
    raise CellError(f"应留空或填 ✓，而不是：{text}", f"must be blank or ✓, not: {text}")


def _decimal(cell: Cell) -> Decimal | None:
    if cell is None:
        return None
    if isinstance(cell, bool | dt.date):
        raise CellError("应为数字", "must be a number")
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        if not math.isfinite(cell):
            raise CellError("不是有限数值", "is not a finite number")
        return Decimal(repr(cell))
    text = clean_text(cell).replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").strip()
    if not text:
        return None
    if text.lower() in _NON_FINITE:
        raise CellError("不是有限数值", "is not a finite number")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(f"不是数字：{text}", f"is not a number: {text}") from None
    if not number.is_finite():
        raise CellError("不是有限数值", "is not a finite number")
    return number


def score_value(cell: Cell, size: int) -> int | None:
    """A score 1..size: a whole number, or the same as text; None when blank."""
    number = _decimal(cell)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError("须为整数", "must be a whole number")
    if not 1 <= number <= size:
        raise CellError(f"须在 1 到 {size} 之间", f"must be between 1 and {size}")
    return int(number)


def amount_value(cell: Cell) -> Decimal | None:
    """A non-negative CNY amount with at most two decimals; None when blank."""
    number = _decimal(cell)
    if number is None:
        return None
    if not 0 <= number <= AMOUNT_MAX:
        raise CellError("须为非负金额", "must be a non-negative amount")
    rounded = number.quantize(Decimal("0.01"))
    if rounded != number:
        raise CellError("最多两位小数", "must have at most two decimals")
    return rounded


def figure_value(cell: Cell) -> Decimal | None:
    """A metric's figure: any finite number (its own rules say which are allowed); None when blank."""
    return _decimal(cell)


def info_value(cell: Cell) -> str:
    """A cell written to help whoever fills the sheet: read as it is, never imported nor refused."""
    return "" if cell is None else str(cell)


def date_value(cell: Cell) -> dt.date | None:
    """A date cell, or text in the form YYYY-MM-DD, within DATE_MIN..DATE_MAX; None when blank."""
    if cell is None:
        return None
    if isinstance(cell, dt.datetime):
        if cell.time() != dt.time(0):
            raise CellError("应为日期，不含时间", "must be a date without a time")
        day = cell.date()
    elif isinstance(cell, dt.date):
        day = cell
    elif isinstance(cell, str):
        text = clean_text(cell)
        if not text:
            return None
        match = _ISO_DATE.match(text)
        if match is None:
            raise CellError(f"应为日期（年-月-日），而不是：{text}", f"must be a date (YYYY-MM-DD), not: {text}")
        year, month, day_of_month = (int(g) for g in match.groups())
        if (year, month, day_of_month) == (1900, 2, 29):
            raise CellError(
                "1900-02-29 不存在（Excel 的闰年错误）", "1900-02-29 does not exist (Excel's leap-year bug)"
            )
        try:
            day = dt.date(year, month, day_of_month)
        except ValueError:
            raise CellError(f"不存在的日期：{text}", f"is not a real date: {text}") from None
    else:
        raise CellError("应为日期", "must be a date")
    if not DATE_MIN <= day <= DATE_MAX:
        raise CellError(
            f"日期须在 {DATE_MIN.year} 至 {DATE_MAX.year} 年之间",
            f"must be between {DATE_MIN.year} and {DATE_MAX.year}",
        )
    return day


def normalised_label(text: str) -> str:
    """A column or sheet name as compared: NFKC (full-width to half-width), spaces collapsed, lower case."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).lower()
