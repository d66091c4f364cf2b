"""The print set-up every sheet of the board pack ends with (README "Print rules"): A4, the fit scale and
its type-size check, rows as high as their text, repeated header rows, page breaks that keep small tables
whole, and the header and footer of every page; a sheet that still holds a text too tall to print whole is
refused (TooTall)."""

from __future__ import annotations

from dataclasses import dataclass

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.reports import print_rules as rules
from carthane_tcfd.reports.xlsx import Sheet, cell_name

A4 = 9  # Excel's paper size code
HEADER_FOOTER_PT = 9  # printed as is: headers and footers do not scale with the sheet


class TooTall(UserError):
    """A cell whose text cannot print whole where the sheet places it: the pack is not written rather
    than cut. Says which sheet, item and cell, the text's start, and how far to shorten it."""

    def __init__(self, sheet: str, cell: str, item: str, text: str, fits: int) -> None:
        start = text[:24].replace("\n", " ")
        zh_item = f"（{item}）" if item else ""
        en_item = f" ({item})" if item else ""
        super().__init__(
            f"董事会材料未生成：工作表「{sheet}」单元格 {cell}{zh_item}的文本“{start}…”在打印页上放不下；"
            f"请将该文本缩短到约 {fits:,} 个字符以内，或把其余内容移到条目的说明中。",
            f"The board pack was not written: the text in cell {cell} of sheet '{sheet}'{en_item}, "
            f'"{start}…", cannot print whole there; shorten it to about {fits:,} characters or move the '
            "rest to the item's description.",
        )


def _header_text(text: str) -> str:
    return text.replace("&", "&&")


@dataclass(frozen=True)
class PageFrame:
    """What every printed page of the pack carries besides its sheet: header and footer texts."""

    left: str  # company and period
    banner: str  # DRAFT until the period is approved, else ""
    right: str  # confidentiality
    content_id: str  # e.g. "Content ID 1a2b3c4d5e6f"
    page_text: str  # carries the &P / &N fields


def setup_print(
    ws: Sheet,
    frame: PageFrame,
    *,
    title_rows: int | None,
    last_col: int,
    landscape: bool = True,
) -> None:
    """Apply the print rules: A4, one page wide (the scale that takes, as Excel measures columns, is
    refused when type would print under 8 pt), every row as high as its text, header rows repeated, rows kept together
    that fit a page, header and footer on every page, print area."""
    sheet = ws.ws
    page = rules.Page(landscape)
    scale = rules.fit_scale(ws.widths[:last_col], page)
    rules.check_type_size(sheet.name, ws.smallest_font, scale)
    sheet.set_paper(A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)  # the reader's application fits the width itself, with its own fonts
    sheet.center_horizontally()
    sheet.set_margins(
        left=rules.SIDE_MARGIN_IN,
        right=rules.SIDE_MARGIN_IN,
        top=rules.TOP_MARGIN_IN,
        bottom=rules.BOTTOM_MARGIN_IN,
    )
    _refuse_tall(ws)
    heights = ws.row_heights()
    for row, h in enumerate(heights, 1):
        if h != rules.DEFAULT_ROW_PT:
            sheet.set_row(row - 1, h)
    if title_rows:
        sheet.repeat_rows(title_rows - 1)
    repeat = sum(heights[: title_rows or 0])
    breaks = rules.page_breaks(heights, page.height_pt * 100 / scale, repeat, ws.blocks, ws.breaks)
    if breaks:
        # XlsxWriter breaks above the 0-based row it is given: "before row r" (1-based) is r - 1.
        # Excel's limit is 1,023 breaks; later pages break where they fill.
        sheet.set_h_pagebreaks([r - 1 for r in breaks[:1023]])
    sheet.print_area(0, 0, max(ws.max_row, 1) - 1, last_col - 1)
    options = {"scale_with_doc": False, "margin": rules.HEADER_MARGIN_IN}
    size = f"&{HEADER_FOOTER_PT}"
    banner = f'&"-,Bold"&KC00000{_header_text(frame.banner)}' if frame.banner else ""
    sheet.set_header(f"&L{size}{_header_text(frame.left)}&C{size}{banner}&R{size}{_header_text(frame.right)}", options)
    sheet.set_footer(f"&L{size}{_header_text(frame.content_id)}&R{size}{frame.page_text}", options)


def _refuse_tall(ws: Sheet) -> None:
    """TooTall for the first cell whose text is still waiting for rows of its own, or is taller than a
    row can be."""
    waiting = {row: (c[0].col, "".join(c[0].pieces)) for row, c in ws.pending.items()}
    found = {**ws.tall, **waiting}
    if not found:
        return
    row = min(found)
    col, text = found[row]
    size = ws.book.measures["pack_text"][0]
    fits = max(1, rules.max_lines(size) * max(1, int(ws.width_pt(col) / size) - 2))
    raise TooTall(ws.ws.name, cell_name(row, col), ws.first_cells.get(row, ""), text, fits)
