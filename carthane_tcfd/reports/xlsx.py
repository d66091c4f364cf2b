"""xlsxwriter building blocks for the board pack: the workbook with each style's format made once, its
sheets, the cell writers (safe text, nothing cut, each text measured for its row's height), tables. The
styles are in xlsx_styles, the print set-up in xlsx_print.

Rows and columns count from 1, as a reader of the sheet sees them (A1 is row 1, column 1). xlsxwriter
writes a 10,000-item pack in about half the time openpyxl takes (tests/bench); openpyxl stays
the reader the tests check the pack with."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet
from xlsxwriter.xmlwriter import xml_escapes

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.reports import print_rules as rules
from carthane_tcfd.reports.xlsx_styles import pack_styles

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = "".join(FORMULA_STARTS)  # the same, as the characters a text may not start with
EXCEL_DATES = (dt.date(1900, 3, 1), dt.date(9999, 12, 31))  # before March 1900 Excel's calendar is off
EXCEL_DAY_ZERO = dt.date(1899, 12, 30).toordinal()  # from March 1900 on, day n of Excel's calendar
CELL_MAX = 32_767  # what an Excel cell holds, in UTF-16 code units (an emoji takes two)


class PackWorksheet(Worksheet):
    """xlsxwriter's worksheet (subclassed as its documentation shows), writing the same XML a little
    faster: xlsxwriter escapes every attribute of every cell and row, and for a number (a cell's style
    index, a row's height) learns that it needs no escaping from a TypeError, about half a microsecond
    each; 700,000 styled cells at 10,000 items (README "Performance"). Only text is escaped here, by
    xlsxwriter's own method."""

    def _escape_attributes(self, attribute: Any) -> Any:
        if attribute.__class__ is str and xml_escapes.search(attribute):
            return _ESCAPE_ATTRIBUTE(self, attribute)
        return attribute  # what xlsxwriter returns for a text with nothing to escape, and any other value


_ESCAPE_ATTRIBUTE = Worksheet._escape_attributes


class _ZipBuffer(io.BytesIO):
    """The zip being built. When writing a sheet's scratch file fails (the disk is full), xlsxwriter
    abandons its zip, which finishes writing into this when the collector takes both: in whatever order
    it takes them, this stays open for it (a closed buffer printed "Exception ignored in ZipFile.__del__")."""

    def close(self) -> None:
        """Its memory goes when it is dropped."""


class Book:
    """The workbook being written, with each style's format made once (and once more with Excel's quote
    prefix, for text a reader's Excel would otherwise take for a formula)."""

    def __init__(self, target: str | Path | IO[bytes]) -> None:
        options = {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "in_memory": False,  # each sheet's XML goes through a scratch file (close)
        }
        # The zip is built in memory and written in one go: xlsxwriter writing a file itself leaves a
        # half-written zip whose destructor complains ("Exception ignored in ZipFile.__del__") when the disk
        # fills up.
        self._path = Path(target) if isinstance(target, str | Path) else None
        self._buffer = _ZipBuffer() if self._path is not None else None
        self.wb = xlsxwriter.Workbook(self._buffer if self._buffer is not None else target, options)
        self._styles = pack_styles()
        self._formats: dict[str, Format] = {}
        self._quoted: dict[str, Format] = {}
        self._specs: dict[str, tuple[float, bool, float, int, float, Format]] = {}  # cell_spec
        # (font size, wraps, one line's height, the most characters that surely fit one row, the share of
        # its cell's width a text is measured in) of each style: what the print rules measure a cell by (a
        # text of n characters takes at most n + 1 lines; bold text is measured in a narrower cell)
        self.measures = {
            name: (
                float(s["font_size"]),
                bool(s["text_wrap"]),
                rules.lines_height(1, float(s["font_size"])),
                rules.max_lines(float(s["font_size"])) - 1,
                1 / rules.BOLD_WIDTH if s.get("bold") else 1.0,
            )
            for name, s in self._styles.items()
        }

    def cell_spec(self, style: str) -> tuple[float, bool, float, int, float, Format]:
        """A style's measures and its format in one tuple, made once: what put_cells looks up per cell."""
        found = self._specs.get(style)
        if found is None:
            found = self._specs[style] = (*self.measures[style], self.format(style))
        return found

    def format(self, style: str, quoted: bool = False) -> Format:
        made = self._quoted if quoted else self._formats
        found = made.get(style)
        if found is None:
            properties = {**self._styles[style], **({"quote_prefix": True} if quoted else {})}
            found = made[style] = self.wb.add_format(properties)
        return found

    def add_sheet(self, name: str) -> Sheet:
        return Sheet(self, self.wb.add_worksheet(name, PackWorksheet))

    def close(self) -> None:
        """Write the file; a file-system failure comes out as the OSError it is. xlsxwriter writes each
        sheet's XML to a file of a scratch folder, removed afterwards whatever happens, and zips those:
        in memory, a sheet's XML was one string, copied whole to be encoded: 390 MB more at 50,000 items,
        and a time that grew faster than the register (README, Performance)."""
        with tempfile.TemporaryDirectory(prefix="carthane-pack-") as scratch:
            self.wb.tmpdir = scratch
            try:
                self.wb.close()
            except FileCreateError as exc:
                cause = exc.args[0] if exc.args else None
                raise cause if isinstance(cause, OSError) else OSError(str(exc)) from exc
        if self._path is not None and self._buffer is not None:
            self._path.write_bytes(self._buffer.getvalue())

    def release(self) -> None:
        """Let the workbook go as soon as it is dropped, written or not. xlsxwriter's worksheets hold
        their workbook's add_format, a reference cycle: the workbook and every cell it keeps (700,000 at
        10,000 items) would otherwise wait for the garbage collector, whose pass over them and the
        snapshot cost about 0.3 s (README "Performance")."""
        for sheet in self.wb.worksheets():
            sheet.workbook_add_format = None


class Sheet:
    """One worksheet, and what its print set-up needs: the last row written, the column widths, the
    height each row's text needs, the rows that must stay together on a page, the smallest type used."""

    def __init__(self, book: Book, ws: Worksheet) -> None:
        self.book = book
        self.ws = ws
        self.max_row = 0
        self.widths: list[float] = []
        self.needed: dict[int, float] = {}  # row -> height its text needs
        self.fixed: dict[int, float] = {}  # row -> height the sheet asked for
        self.blocks: dict[int, int] = {}  # first row -> last row of rows kept on one page
        self.breaks: set[int] = set()
        self.smallest_font = 100.0
        self._width_cache: dict[tuple[int, int], float] = {}
        self._columns_pt: list[float] = []  # the columns' widths, for a table's rows (column_widths)
        self._heights: dict[tuple[str, float, float, bool], float] = {}  # a text's height at a width and size
        self.tall: dict[int, tuple[int, str]] = {}  # row -> (column, text) of a cell taller than a row can be
        self.pending: dict[int, list[Continued]] = {}  # row -> the rest of its texts too tall for one row
        self.first_cells: dict[int, str] = {}  # row -> its first column's text (an item's code in a table)

    def height(self, row: int, points: float) -> None:
        """At least `points` high (a row is always as high as its text needs)."""
        self.fixed[row] = points

    def gap(self, row: int, points: float = 6.0) -> None:
        """An empty row `points` high between blocks."""
        self.fixed[row] = points

    def width_pt(self, col: int, span: int = 1) -> float:
        return sum(rules.column_points(w) for w in self.widths[col - 1 : col - 1 + span]) if self.widths else 64.0

    def wrote(self, row: int, col: int, value: Any, style: str, span: int = 1) -> None:
        """Note a written cell: the height its text needs, and its type size. (Called for every cell of a
        10,000-item pack: one line's height comes with the style, and a text is measured only when even
        all-Chinese text of its length could not fit on one line, once per distinct text and column.)"""
        size, wrap, need, _short, narrow = self.book.measures[style]
        if value.__class__ is str:
            if wrap:
                width = self._cell_width(col, span) * narrow
                if len(value) * size > width - rules.CELL_INSET_PT or "\n" in value:
                    need = self._text_height(value, width, size, wrap)
            elif "\n" in value:
                need = self._text_height(value, 0.0, size, wrap)
        if need > self.needed.get(row, 0.0):
            self.needed[row] = need
            if need > rules.MAX_ROW_PT:
                self.tall.setdefault(row, (col, str(value)))
        if size < self.smallest_font:
            self.smallest_font = size
        if row > self.max_row:
            self.max_row = row

    def _cell_width(self, col: int, span: int) -> float:
        """A cell's printed width in points, worked out once per column and span."""
        width = self._width_cache.get((col, span))
        if width is None:
            width = self._width_cache[(col, span)] = self.width_pt(col, span)
        return width

    def column_widths(self, count: int) -> list[float]:
        """The printed widths in points of the first `count` columns (of a table's row)."""
        if len(self._columns_pt) < count:
            self._columns_pt = [self._cell_width(col, 1) for col in range(1, count + 1)]
        return self._columns_pt

    def _text_height(self, text: str, width: float, size: float, wrap: bool) -> float:
        key = (text, width, size, wrap)
        found = self._heights.get(key)
        if found is None:
            found = self._heights[key] = rules.cell_height(text, width, size, wrap)
        return found

    def overflows(self, row: int, col: int, text: str, style: str, span: int) -> bool:
        """Whether a wrapped text needs more than one row's height (or more than a cell holds); if so its
        first part is written now and the rest waits for `spill` to write it in the rows below."""
        size, wrap, _need, _short, narrow = self.book.measures[style]
        if not wrap:
            return False
        width = self._cell_width(col, span) * narrow
        fits_a_cell = len(text) * 2 <= CELL_MAX or cell_length(text) <= CELL_MAX
        if fits_a_cell and self._text_height(text, width, size, wrap) <= rules.MAX_ROW_PT:
            return False
        first, *rest = rules.split_to_rows(text, width, size, CELL_MAX // 2)
        _put(self, row, col, first, style, span)
        self.pending.setdefault(row, []).append(Continued(col, span, style, rest))
        return True

    def spill(self, row: int, last_col: int) -> int:
        """Write the rest of the texts of `row` that were too tall for one row in the rows below it, each
        in its own column, the table's other columns left blank in the same style; the last row used.
        (A table calls this after each of its rows: a long text prints whole over several rows.)"""
        continued = self.pending.pop(row, None)
        if not continued:
            return row
        extra = max(len(c.pieces) for c in continued)
        filler = continued[0].style
        for k in range(extra):
            at = row + 1 + k
            free = set(range(1, last_col + 1))
            for c in continued:
                free -= set(range(c.col, c.col + c.span))
                piece = c.pieces[k] if k < len(c.pieces) else None
                if c.span > 1:
                    self.merge(at, c.col, c.col + c.span - 1, piece, c.style)
                else:
                    _put(self, at, c.col, piece, c.style, 1)
            for col in sorted(free):
                _put(self, at, col, None, filler, 1)
        return row + extra

    def keep_together(self, first_row: int, last_row: int) -> None:
        """Print rows first_row..last_row on one page when they fit on one (a small table, a heading
        with its table)."""
        if last_row > first_row:
            self.blocks[first_row] = last_row

    def freeze(self, row: int, col: int) -> None:
        """Rows above `row` and columns left of `col` stay in view."""
        self.ws.freeze_panes(row - 1, col - 1)

    def hide_gridlines(self) -> None:
        self.ws.hide_gridlines(2)

    def page_break_before(self, row: int) -> None:
        self.breaks.add(row)

    def link(self, row: int, col: int, text: str, target: str, style: str = "pack_link") -> None:
        """A link to a cell of another sheet of the pack: `target` is a sheet name (its A1) or
        "'Sheet'!B7"."""
        where = target if "!" in target else f"'{target}'!A1"
        self.ws.write_url(row - 1, col - 1, f"internal:{where}", self.book.format(style), text)
        self.wrote(row, col, text, style)

    def merge(self, row: int, first_col: int, last_col: int, value: Any, style: str = "pack_text") -> None:
        self.ws.merge_range(row - 1, first_col - 1, row - 1, last_col - 1, "", self.book.format(style))
        put(self, row, first_col, value, style, span=last_col - first_col + 1)

    def image(self, row: int, png: bytes, width_px: int) -> int:
        """A PNG at column A of `row`, `width_px` sheet pixels wide; the rows it covers (at 20 px a row)."""
        width, height = png_size(png)
        scale = width_px / (width * 96 / png_dpi(png))  # xlsxwriter sizes a picture by its resolution
        self.ws.insert_image(
            row - 1, 0, "matrix.png", {"image_data": io.BytesIO(png), "x_scale": scale, "y_scale": scale}
        )
        return int(height * width_px / width / 20)

    def row_heights(self) -> list[float]:
        """Every row's printed height up to the last row written."""
        fixed, needed = self.fixed, self.needed
        return [max(fixed.get(r, 0.0), needed.get(r, 0.0)) or rules.DEFAULT_ROW_PT for r in range(1, self.max_row + 1)]


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels (its IHDR chunk)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def png_dpi(png: bytes) -> float:
    """A PNG's horizontal resolution from its pHYs chunk (96, a screen's, where it has none)."""
    at = png.find(b"pHYs")
    if at < 0 or png[at + 12] != 1:  # no chunk, or its unit is not the metre
        return 96.0
    return int.from_bytes(png[at + 4 : at + 8], "big") * 0.0254


def cell_length(text: str) -> int:
    """The length of a text as Excel counts it (UTF-16 code units; a lone surrogate counts one)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def cell_name(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@dataclass(frozen=True)
class Continued:
    """The rest of a cell's text, a piece a row, to be written below it (Sheet.spill)."""

    col: int
    span: int
    style: str
    pieces: list[str]


class CellTooLong(UserError):
    """A text longer than an Excel cell holds: the pack is not written rather than cut."""

    def __init__(self, sheet: str, cell: str, length: int) -> None:
        super().__init__(
            f"董事会材料未生成：工作表「{sheet}」单元格 {cell} 的文本有 {length:,} 个字符，超过 Excel 单元格上限 "
            f"{CELL_MAX:,}；请缩短该文本。",
            f"The board pack was not written: the text for cell {cell} of sheet '{sheet}' has {length:,} "
            f"characters, more than an Excel cell holds ({CELL_MAX:,}); shorten that text.",
        )


def joined(parts: list[str], separator: str, more: str, most: int | None = None) -> str:
    """`parts` joined, whole when they fit in a cell (and number at most `most`); else as many as fit and
    then `more` with {n}, the number left out, filled in (e.g. "… and {n} more, see the register"), so a
    reader sees what is missing."""
    text = separator.join(parts)
    if (len(text) * 2 <= CELL_MAX or cell_length(text) <= CELL_MAX) and (most is None or len(parts) <= most):
        return text
    budget = CELL_MAX - cell_length(separator + more.format(n=len(parts)))
    shown: list[str] = []
    used = 0
    for part in parts[:most]:
        cost = cell_length(part) + (cell_length(separator) if shown else 0)
        if used + cost > budget:
            break
        shown.append(part)
        used += cost
    return separator.join([*shown, more.format(n=len(parts) - len(shown))])


def put(ws: Sheet, row: int, col: int, value: Any, style: str = "pack_text", *, span: int = 1) -> None:
    """Write one cell (`span` columns wide when merged); text that Excel would read as a formula is
    stored as text with a quote prefix. Nothing is cut: a wrapped text too tall for one row (or longer
    than a cell holds) is written in part, the rest waiting for `Sheet.spill` to continue it in the rows
    below (setup_print refuses a sheet that leaves any waiting, with TooTall); an unwrapped text longer
    than a cell holds raises CellTooLong, and so does any other refusal of xlsxwriter's (it returns a
    code rather than raising)."""
    long = value.__class__ is str and len(value) > ws.book.measures[style][3]
    if long and ws.overflows(row, col, value, style, span):
        return
    _put(ws, row, col, value, style, span)


def _put(ws: Sheet, row: int, col: int, value: Any, style: str, span: int) -> None:
    r, c, sheet = row - 1, col - 1, ws.ws
    if value.__class__ is str and value:  # most cells: tested first, with the format looked up inline
        # an Excel cell holds CELL_MAX UTF-16 units, and a character takes at most two
        if len(value) * 2 > CELL_MAX and cell_length(value) > CELL_MAX:
            raise CellTooLong(sheet.name, cell_name(row, col), cell_length(value))
        if c == 0:
            ws.first_cells[row] = value
        quoted = value.startswith(FORMULA_STARTS)
        fmt = (ws.book._quoted if quoted else ws.book._formats).get(style) or ws.book.format(style, quoted)
        code = sheet.write_string(r, c, value, fmt)
    elif value is None or value == "":
        code = sheet.write_blank(r, c, None, ws.book.format(style))
    elif isinstance(value, str):
        code = sheet.write_string(r, c, value, ws.book.format(style, value.startswith(FORMULA_STARTS)))
    elif value.__class__ is dt.date and EXCEL_DATES[0] <= value <= EXCEL_DATES[1]:
        # a date is its day number in Excel's calendar: what write_datetime stores, without its per-cell
        # conversion through datetime (a tenth of the action tracker's time)
        code = sheet.write_number(r, c, value.toordinal() - EXCEL_DAY_ZERO, ws.book.format(style))
    elif isinstance(value, dt.date) and EXCEL_DATES[0] <= value <= EXCEL_DATES[1]:
        code = sheet.write_datetime(r, c, value, ws.book.format(style))
    elif isinstance(value, dt.date):  # a date Excel cannot show (#VALUE!) is written as the text it is
        code = sheet.write_string(r, c, value.isoformat(), ws.book.format(style))
    elif isinstance(value, int | float):
        code = sheet.write_number(r, c, value, ws.book.format(style))
    else:
        raise TypeError(f"cannot write {type(value).__name__} to the board pack")
    if code == -2:
        raise CellTooLong(sheet.name, cell_name(row, col), cell_length(str(value)))
    if code:
        raise ValueError(f"xlsxwriter refused cell {cell_name(row, col)} of {sheet.name} (code {code})")
    ws.wrote(row, col, value, style, span)


def put_row(ws: Sheet, row: int, values: list[Any], style: str = "pack_text", first_col: int = 1) -> None:
    for offset, value in enumerate(values):
        put(ws, row, first_col + offset, value, style)


def put_cells(ws: Sheet, row: int, values: Sequence[Any], styles: Sequence[str]) -> None:
    """A table's row from column A: `put` for each value in its style. The common cells of the big tables
    of a 10,000-item pack (700,000 cells) are written here without put's three calls a cell: a text that
    fits one row (measured here when it may not) and is not taken for a formula, a number, a date in
    Excel's calendar, a blank. Every other value (a text taller than a row or taken for a formula, a date
    Excel cannot show) goes through `put`. xlsxwriter's cell writers are called without their wrapper,
    which only reads "A1" notation (tests/reports/test_put_cells.py holds the file to put's). README
    "Performance" has the figures."""
    book, sheet = ws.book, ws.ws
    specs, heights = book._specs, ws._heights
    widths = ws.column_widths(len(values))
    inset = rules.CELL_INSET_PT
    write_string, write_number, write_blank = sheet._write_string, sheet._write_number, sheet._write_blank
    r = row - 1
    tallest = ws.needed.get(row, 0.0)
    smallest = ws.smallest_font
    for c, value, style in zip(range(len(values)), values, styles, strict=True):
        size, wrap, need, short, narrow, fmt = specs.get(style) or book.cell_spec(style)
        cls = value.__class__
        if (
            cls is str
            and value
            and (len(value) <= short or (wrap and len(value) * 2 <= CELL_MAX))
            and value[0] not in FORMULA_FIRST
        ):
            if wrap:  # measured as Sheet.wrote measures, inline: this is the pack's hottest loop
                width = widths[c] * narrow
                if len(value) * size > width - inset or "\n" in value:
                    need = heights.get((value, width, size, wrap)) or ws._text_height(value, width, size, wrap)
                    if need > rules.MAX_ROW_PT:  # continued in the rows below: put does that
                        put(ws, row, c + 1, value, style)
                        continue
            elif "\n" in value:
                need = ws._text_height(value, 0.0, size, wrap)
            code = write_string(r, c, value, fmt)
        elif cls is float or cls is int:
            code = write_number(r, c, value, fmt)
        elif cls is dt.date and EXCEL_DATES[0] <= value <= EXCEL_DATES[1]:  # as _put writes a date
            code = write_number(r, c, value.toordinal() - EXCEL_DAY_ZERO, fmt)
        elif value is None or (cls is str and not value):  # a blank in the cell's style, as _put writes it
            code = write_blank(r, c, None, fmt)
        else:
            put(ws, row, c + 1, value, style)
            continue
        if code:
            raise ValueError(f"xlsxwriter refused cell {cell_name(row, c + 1)} of {sheet.name} (code {code})")
        if need > tallest:
            tallest = need
        if size < smallest:
            smallest = size
    if values and values[0].__class__ is str and values[0]:
        ws.first_cells[row] = values[0]
    if tallest > ws.needed.get(row, 0.0):
        ws.needed[row] = tallest
    if smallest < ws.smallest_font:
        ws.smallest_font = smallest
    if row > ws.max_row:
        ws.max_row = row


def set_widths(ws: Sheet, widths: list[float]) -> None:
    ws.widths = list(widths)
    ws._width_cache.clear()
    ws._columns_pt = []
    for index, width in enumerate(widths):
        ws.ws.set_column(index, index, width)


def add_table(ws: Sheet, name: str, first_row: int, last_row: int, heads: list[str]) -> None:
    """An Excel table (filter buttons, banded rows) over a header row, already written, and its data rows."""
    header = ws.book.format("pack_header")
    ws.ws.add_table(
        first_row - 1,
        0,
        last_row - 1,
        len(heads) - 1,
        {
            "name": name,
            "style": "Table Style Light 9",
            "columns": [{"header": head, "header_format": header} for head in heads],
        },
    )


def put_long(ws: Sheet, row: int, col: int, text: str, style: str = "pack_plain", *, span: int = 1) -> int:
    """Write a text that may need more than one row's height over as many rows as it needs, cut at line
    or word ends; the next free row. Every row holds what it shows, so nothing is cut in print."""
    size, _wrap, _need, _short, narrow = ws.book.measures[style]
    for piece in rules.split_to_rows(text, ws.width_pt(col, span) * narrow, size):
        if span > 1:
            ws.merge(row, col, col + span - 1, piece, style)
        else:
            put(ws, row, col, piece, style)
        row += 1
    return row
