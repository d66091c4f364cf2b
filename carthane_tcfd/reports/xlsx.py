"""openpyxl building blocks for the board pack: named styles built once, safe text, tables, print setup."""

from __future__ import annotations

from copy import copy
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.workbook import Workbook
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import Kind

FONT = "Microsoft YaHei"  # Excel falls back to the system's CJK font where YaHei is missing
NAVY = "1F3864"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
THIN = Side(style="thin", color="BFBFBF")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _style(
    name: str,
    *,
    bold: bool = False,
    size: float = 10,
    colour: str = "000000",
    fill: str | None = None,
    wrap: bool = True,
    h: str = "left",
    v: str = "top",
    border: bool = False,
    number_format: str | None = None,
    italic: bool = False,
) -> NamedStyle:
    style = NamedStyle(name=name)
    style.font = Font(name=FONT, bold=bold, size=size, color=colour, italic=italic)
    style.alignment = Alignment(wrap_text=wrap, horizontal=h, vertical=v)
    if fill:
        style.fill = PatternFill("solid", fgColor=fill.lstrip("#"))
    if border:
        style.border = GRID
    if number_format:
        style.number_format = number_format
    return style


def band_style_name(band: Band, kind: Kind) -> str:
    return f"band_{kind.value}_{band.value}"


def register_styles(wb: Workbook) -> None:
    """Every style the pack uses, registered once; cells then take them by name."""
    styles = [
        _style("pack_title", bold=True, size=18, colour=NAVY, wrap=False, v="center"),
        _style("pack_subtitle", size=12, colour="404040", wrap=False),
        _style("pack_heading", bold=True, size=12, colour=NAVY, wrap=False, v="bottom"),
        _style("pack_header", bold=True, colour="FFFFFF", fill=NAVY, v="center", border=True),
        _style("pack_text", border=True),
        _style("pack_plain"),
        _style("pack_note", italic=True, size=9, colour="595959"),
        _style("pack_center", h="center", v="center", border=True),
        _style("pack_number", h="right", border=True, number_format="#,##0.######"),
        _style("pack_money", h="right", border=True, number_format=MONEY_FORMAT),
        _style("pack_date", h="center", border=True, number_format=DATE_FORMAT),
        _style("pack_overdue", border=True, fill="F8CBAD", colour="9C0006"),
        _style("pack_overdue_date", h="center", border=True, fill="F8CBAD", colour="9C0006", number_format=DATE_FORMAT),
        _style("pack_link", colour="0563C1", wrap=False),
        _style("pack_confidential", bold=True, size=11, colour="C00000", wrap=False),
        _style("pack_axis", bold=True, h="center", v="center", border=True, fill="F2F2F2"),
    ]
    for kind in Kind:
        for band in Band:
            text = band.text_colour_for(kind).lstrip("#")
            styles.append(
                _style(
                    band_style_name(band, kind),
                    bold=True,
                    colour=text,
                    fill=band.colour_for(kind),
                    h="center",
                    v="center",
                    border=True,
                )
            )
    for style in styles:
        wb.add_named_style(style)


_TEMPLATES: WeakKeyDictionary[Workbook, dict[str, Any]] = WeakKeyDictionary()


def _template(ws: Worksheet, style: str) -> Any:
    """The style array of a named style in this workbook, resolved once: cells then copy it, at a fraction
    of the cost of resolving the name for every cell (openpyxl's own style representation)."""
    templates = _TEMPLATES.setdefault(ws.parent, {})
    template = templates.get(style)
    if template is None:
        probe = Cell(ws)
        probe.style = style
        template = templates[style] = probe._style
    return template


def put(ws: Worksheet, row: int, col: int, value: Any, style: str = "pack_text") -> None:
    """Write one cell; text that Excel would read as a formula is stored as text."""
    cell = Cell(ws, row=row, column=col, value=value, style_array=copy(_template(ws, style)))
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    ws._cells[(row, col)] = cell  # what ws.cell() does, without its lookups
    if row > ws._current_row:
        ws._current_row = row


def put_row(ws: Worksheet, row: int, values: list[Any], style: str = "pack_text", first_col: int = 1) -> None:
    for offset, value in enumerate(values):
        put(ws, row, first_col + offset, value, style)


def set_widths(ws: Worksheet, widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def add_table(ws: Worksheet, name: str, first_row: int, last_row: int, columns: int) -> None:
    """An Excel table (filter buttons, banded rows) over a header row and its data rows."""
    from openpyxl.utils import get_column_letter

    ref = f"A{first_row}:{get_column_letter(columns)}{last_row}"
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True, showColumnStripes=False)
    ws.add_table(table)


def setup_print(
    ws: Worksheet,
    *,
    header_left: str,
    header_center: str,
    confidential: str,
    page_text: str,
    title_rows: str | None,
    last_col: int,
    last_row: int,
) -> None:
    """A4, fit to one page wide, print titles, header/footer with page X of Y, print area."""
    from openpyxl.utils import get_column_letter

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_area = f"A1:{get_column_letter(last_col)}{max(last_row, 1)}"
    for header in (ws.oddHeader, ws.evenHeader):
        header.left.text = header_left
        header.center.text = header_center
        header.right.text = confidential
        header.left.size = header.center.size = header.right.size = 8
    for footer in (ws.oddFooter, ws.evenFooter):
        footer.center.text = page_text
        footer.center.size = 8
