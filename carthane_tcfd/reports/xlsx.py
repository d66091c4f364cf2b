"""xlsxwriter building blocks for the board pack: formats built once, safe text, tables, print setup.

Rows and columns count from 1, as a reader of the sheet sees them (A1 is row 1, column 1). xlsxwriter
writes a 10,000-item pack in about half the time openpyxl takes (tests/bench); openpyxl stays
the reader the tests check the pack with."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import IO, Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import Kind

FONT = "Microsoft YaHei"  # Excel falls back to the system's CJK font where YaHei is missing
NAVY = "#1F3864"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
A4 = 9  # Excel's paper size code


def _style(
    *,
    bold: bool = False,
    size: float = 10,
    colour: str = "#000000",
    fill: str | None = None,
    wrap: bool = True,
    h: str = "left",
    v: str = "top",
    border: bool = False,
    number_format: str | None = None,
    italic: bool = False,
) -> dict[str, Any]:
    style: dict[str, Any] = {
        "font_name": FONT,
        "font_size": size,
        "bold": bold,
        "italic": italic,
        "font_color": colour,
        "text_wrap": wrap,
        "align": h,
        "valign": v,
    }
    if fill:
        style.update(pattern=1, bg_color=fill)
    if border:
        style.update(border=1, border_color="#BFBFBF")
    if number_format:
        style["num_format"] = number_format
    return style


def band_style_name(band: Band, kind: Kind) -> str:
    return f"band_{kind.value}_{band.value}"


def _styles() -> dict[str, dict[str, Any]]:
    """Every style the pack uses, by name."""
    styles = {
        "pack_title": _style(bold=True, size=18, colour=NAVY, wrap=False, v="vcenter"),
        "pack_subtitle": _style(size=12, colour="#404040", wrap=False),
        "pack_heading": _style(bold=True, size=12, colour=NAVY, wrap=False, v="bottom"),
        "pack_header": _style(bold=True, colour="#FFFFFF", fill=NAVY, v="vcenter", border=True),
        "pack_text": _style(border=True),
        "pack_plain": _style(),
        "pack_note": _style(italic=True, size=9, colour="#595959"),
        "pack_center": _style(h="center", v="vcenter", border=True),
        "pack_number": _style(h="right", border=True, number_format="#,##0.######"),
        "pack_money": _style(h="right", border=True, number_format=MONEY_FORMAT),
        "pack_date": _style(h="center", border=True, number_format=DATE_FORMAT),
        "pack_overdue": _style(border=True, fill="#F8CBAD", colour="#9C0006"),
        "pack_overdue_date": _style(
            h="center", border=True, fill="#F8CBAD", colour="#9C0006", number_format=DATE_FORMAT
        ),
        "pack_link": _style(colour="#0563C1", wrap=False),
        "pack_confidential": _style(bold=True, size=11, colour="#C00000", wrap=False),
        "pack_axis": _style(bold=True, h="center", v="vcenter", border=True, fill="#F2F2F2"),
    }
    for kind in Kind:
        for band in Band:
            styles[band_style_name(band, kind)] = _style(
                bold=True,
                colour=band.text_colour_for(kind),
                fill=band.colour_for(kind),
                h="center",
                v="vcenter",
                border=True,
            )
    return styles


class Book:
    """The workbook being written, with each style's format made once (and once more with Excel's quote
    prefix, for text a reader's Excel would otherwise take for a formula)."""

    def __init__(self, target: str | Path | IO[bytes]) -> None:
        options = {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "in_memory": True,
        }
        self.wb = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, options)
        self._styles = _styles()
        self._formats: dict[tuple[str, bool], Format] = {}

    def format(self, style: str, quoted: bool = False) -> Format:
        found = self._formats.get((style, quoted))
        if found is None:
            properties = {**self._styles[style], **({"quote_prefix": True} if quoted else {})}
            found = self._formats[(style, quoted)] = self.wb.add_format(properties)
        return found

    def add_sheet(self, name: str) -> Sheet:
        return Sheet(self, self.wb.add_worksheet(name))

    def close(self) -> None:
        """Write the file; a file-system failure comes out as the OSError it is."""
        try:
            self.wb.close()
        except FileCreateError as exc:
            cause = exc.args[0] if exc.args else None
            raise cause if isinstance(cause, OSError) else OSError(str(exc)) from exc


class Sheet:
    """One worksheet, and the last row written (the print area ends there)."""

    def __init__(self, book: Book, ws: Worksheet) -> None:
        self.book = book
        self.ws = ws
        self.max_row = 0
        self._breaks: list[int] = []

    def height(self, row: int, points: float) -> None:
        self.ws.set_row(row - 1, points)

    def freeze(self, row: int, col: int) -> None:
        """Rows above `row` and columns left of `col` stay in view."""
        self.ws.freeze_panes(row - 1, col - 1)

    def hide_gridlines(self) -> None:
        self.ws.hide_gridlines(2)

    def page_break_before(self, row: int) -> None:
        self._breaks.append(row - 1)
        self.ws.set_h_pagebreaks(self._breaks)

    def link(self, row: int, col: int, text: str, sheet_name: str) -> None:
        """A link to cell A1 of another sheet of the pack."""
        self.ws.write_url(row - 1, col - 1, f"internal:'{sheet_name}'!A1", self.book.format("pack_link"), text)
        self.max_row = max(self.max_row, row)

    def merge(self, row: int, first_col: int, last_col: int, value: Any, style: str = "pack_text") -> None:
        self.ws.merge_range(row - 1, first_col - 1, row - 1, last_col - 1, "", self.book.format(style))
        put(self, row, first_col, value, style)

    def image(self, row: int, png: bytes, width_px: int) -> int:
        """A PNG at column A of `row`, scaled to `width_px`; the rows it covers (at 20 px a row)."""
        natural = int.from_bytes(png[16:20], "big")  # the IHDR width
        scale = width_px / natural
        self.ws.insert_image(
            row - 1, 0, "matrix.png", {"image_data": io.BytesIO(png), "x_scale": scale, "y_scale": scale}
        )
        return int(int.from_bytes(png[20:24], "big") * scale / 20)


def put(ws: Sheet, row: int, col: int, value: Any, style: str = "pack_text") -> None:
    """Write one cell; text that Excel would read as a formula is stored as text with a quote prefix."""
    r, c, sheet = row - 1, col - 1, ws.ws
    if value is None or value == "":
        sheet.write_blank(r, c, None, ws.book.format(style))
    elif isinstance(value, str):
        sheet.write_string(r, c, value, ws.book.format(style, value.startswith(FORMULA_STARTS)))
    elif isinstance(value, dt.date):
        sheet.write_datetime(r, c, value, ws.book.format(style))
    elif isinstance(value, int | float):
        sheet.write_number(r, c, value, ws.book.format(style))
    else:
        raise TypeError(f"cannot write {type(value).__name__} to the board pack")
    if row > ws.max_row:
        ws.max_row = row


def put_row(ws: Sheet, row: int, values: list[Any], style: str = "pack_text", first_col: int = 1) -> None:
    for offset, value in enumerate(values):
        put(ws, row, first_col + offset, value, style)


def set_widths(ws: Sheet, widths: list[float]) -> None:
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


def _header_text(text: str) -> str:
    return "&8" + text.replace("&", "&&")


def setup_print(
    ws: Sheet,
    *,
    header_left: str,
    header_center: str,
    confidential: str,
    page_text: str,
    title_rows: int | None,
    last_col: int,
) -> None:
    """A4 landscape, fit to one page wide, print titles, header/footer with page X of Y, print area."""
    sheet = ws.ws
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if title_rows:
        sheet.repeat_rows(title_rows - 1)
    sheet.print_area(0, 0, max(ws.max_row, 1) - 1, last_col - 1)
    sheet.set_header(f"&L{_header_text(header_left)}&C{_header_text(header_center)}&R{_header_text(confidential)}")
    sheet.set_footer(f"&C&8{page_text}")  # page_text carries the &P / &N fields
