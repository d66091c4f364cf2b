"""The print rules every sheet of the board pack is held to (README "Print rules"), as arithmetic.

XlsxWriter does not size rows, and neither Excel nor LibreOffice reliably does it on open, so the pack
measures its own text: a cell's wrapped lines come from its width and its text, a Chinese character
counting about twice a Latin letter. From the measured rows and columns it chooses the print scale,
refuses a layout that would print text under 8 pt, and places page breaks so that a small table is
never split. The measures are deliberately generous: LibreOffice, where Microsoft YaHei is missing,
sets Latin text in DejaVu Sans (wide) and Chinese in WenQuanYi or Noto Sans CJK (tall lines).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_PRINTED_PT = 8.0  # smallest type on paper: font size × print scale
A4_PT = (595.3, 841.9)  # portrait width, height
SIDE_MARGIN_IN = 0.4
TOP_MARGIN_IN = 0.8  # room for the page header above the body
BOTTOM_MARGIN_IN = 0.8
HEADER_MARGIN_IN = 0.3
LATIN_EM = 0.5  # advance of a Latin letter or space: LibreOffice sets 0.45 em here, Microsoft YaHei about 0.5
BOLD_WIDTH = 1.2  # bold text runs wider (DejaVu Sans Bold, LibreOffice's fallback): measured in a cell 1/1.2 as wide
WIDE_EM = 1.0  # a Chinese character is one em wide
WRAP_SLACK_EM = 2.0  # a wrapped line ends short by about half a word (in Latin letters)
LINE_EM = 1.4  # line pitch where Chinese is set (the CJK fallback fonts are tall)
LATIN_LINE_EM = 1.3  # line pitch of Latin-only text (DejaVu Sans: 1.16)
CELL_PAD_PT = 4.0  # above and below the text of a cell
CELL_INSET_PT = 6.0  # left and right of the text of a cell
MAX_ROW_PT = 409.0  # Excel's highest row
DEFAULT_ROW_PT = 15.0
BLOCK_HEAD_ROWS = 4  # of a block too long for one page, the rows kept on one page (heading, header, first rows)
PAGE_SAFETY = 0.95  # leave some of each page unused: the reader's application rounds differently


class PrintRuleError(ValueError):
    """A sheet's layout cannot print within the rules (a programming error, found by the print tests)."""


PT_PER_PX = 0.75  # a sheet's pixel (96 to the inch) in points


def column_points(width: float) -> float:
    """A column's printed width in points, from its Excel width in characters (as Excel and XlsxWriter
    convert it: 7 pixels a character plus 5 of padding, 0.75 pt a pixel)."""
    pixels = int(width * 7 + 0.5) + 5 if width >= 1 else int(width * 12 + 0.5)
    return pixels * PT_PER_PX


def column_width(points: float) -> float:
    """The Excel width in characters of a column at most `points` wide (column_points' inverse, rounded
    down to the whole pixel)."""
    return max(1.0, (int(points / PT_PER_PX) - 5) / 7)


def text_points(text: str, size: float, utf8_length: int | None = None) -> float:
    """The width of one unwrapped line of `text` at `size` pt. Chinese characters (three bytes in UTF-8)
    count one em, every other character LATIN_EM: cheap enough for a 10,000-item pack. (`utf8_length`:
    the text's length in UTF-8, where the caller has it.)"""
    n = len(text)
    wide = ((len(text.encode("utf-8")) if utf8_length is None else utf8_length) - n) // 2
    return ((n - wide) * LATIN_EM + wide * WIDE_EM) * size


def line_count(text: str, width_pt: float, size: float, utf8_length: int | None = None) -> int:
    """How many lines `text` wraps to in a cell `width_pt` wide; every paragraph starts a line."""
    inner = width_pt - CELL_INSET_PT
    usable = max(inner - WRAP_SLACK_EM * LATIN_EM * size, size)  # for text that wraps at all
    if "\n" not in text:
        width = text_points(text, size, utf8_length)
        return 1 if width <= inner else math.ceil(width / usable)
    lines = 0
    for paragraph in text.split("\n"):
        width = text_points(paragraph, size)
        lines += 1 if width <= inner else math.ceil(width / usable)
    return lines


def lines_height(lines: int, size: float, latin: bool = False) -> float:
    return lines * (LATIN_LINE_EM if latin else LINE_EM) * size + CELL_PAD_PT


def cell_height(text: str, width_pt: float, size: float, wrap: bool) -> float:
    """The row height a cell needs to show all of its text."""
    utf8_length = len(text.encode("utf-8"))
    latin = utf8_length == len(text)
    if not wrap:
        return lines_height(1 + text.count("\n"), size, latin)
    return lines_height(line_count(text, width_pt, size, utf8_length), size, latin)


def max_lines(size: float) -> int:
    """The most lines of `size` pt one row can hold."""
    return int((MAX_ROW_PT - CELL_PAD_PT) / (LINE_EM * size))


def split_to_rows(text: str, width_pt: float, size: float, max_chars: int | None = None) -> list[str]:
    """`text` cut into pieces that each fit one row (MAX_ROW_PT) and have at most `max_chars` characters,
    at line or word ends where it can be; joined again they are the whole text (but for the line breaks
    cut at). A text that fits comes back as one piece."""
    limit = max_lines(size)
    most = max_chars or len(text)
    pieces: list[str] = []
    rest = text
    while len(rest) > most or line_count(rest, width_pt, size) > limit:
        per_line = max(1, int(len(rest) / line_count(rest, width_pt, size)))
        budget = min(most, max(1, int(per_line * limit * 0.8)))
        cut = max(rest.rfind(sep, 0, budget) for sep in ("\n", " ", "。", "，", "；"))
        cut = cut + 1 if cut > budget // 2 else budget
        pieces.append(rest[:cut].rstrip("\n"))
        rest = rest[cut:]
    return [*pieces, rest]


@dataclass(frozen=True)
class Page:
    landscape: bool

    @property
    def width_pt(self) -> float:
        return (A4_PT[1] if self.landscape else A4_PT[0]) - 2 * SIDE_MARGIN_IN * 72

    @property
    def height_pt(self) -> float:
        return (A4_PT[0] if self.landscape else A4_PT[1]) - (TOP_MARGIN_IN + BOTTOM_MARGIN_IN) * 72


def fit_scale(column_widths: list[float], page: Page) -> int:
    """The print scale in percent that fits the columns to the page's width (100 when they fit)."""
    total = sum(column_points(w) for w in column_widths)
    return max(10, min(100, math.floor(100 * page.width_pt / total))) if total else 100


def check_type_size(sheet_name: str, smallest_font: float, scale: int) -> None:
    printed = smallest_font * scale / 100
    if printed < MIN_PRINTED_PT - 1e-9:
        raise PrintRuleError(
            f"sheet {sheet_name!r} would print {smallest_font:g} pt text at {scale} % "
            f"({printed:.1f} pt, under {MIN_PRINTED_PT:g} pt): narrow its columns or enlarge its type"
        )


def page_breaks(
    heights: list[float],
    page_height: float,
    repeat_height: float,
    blocks: dict[int, int],
    manual: set[int],
) -> list[int]:
    """Rows (1-based) to break before so that no block of rows {first: last} that fits on a page is
    split. `heights[r - 1]` is row r's height in sheet points, `page_height` the body of a page in the
    same units, `repeat_height` what the repeated header rows take on each later page; `manual` are
    breaks the sheet asked for; a block too long for a page keeps its first BLOCK_HEAD_ROWS rows together.
    Returns every break, manual ones included, in order."""
    usable = page_height * PAGE_SAFETY
    breaks: list[int] = []
    y = 0.0
    for row in range(1, len(heights) + 1):
        h = heights[row - 1]
        last = blocks.get(row)
        block = sum(heights[row - 1 : last]) if last else h
        fits_a_page = block <= usable - repeat_height
        if last and not fits_a_page:  # too long for a page: at least its heading, header and first rows together
            last = min(last, row + BLOCK_HEAD_ROWS - 1)
            block = sum(heights[row - 1 : last])
            fits_a_page = block <= usable - repeat_height
        if row > 1 and (row in manual or (last and fits_a_page and y + block > usable)):
            breaks.append(row)
            y = repeat_height
        elif y + h > page_height:  # the reader's application breaks here by itself
            y = repeat_height
        y += h
    return breaks
