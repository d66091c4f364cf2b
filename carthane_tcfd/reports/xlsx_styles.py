"""The board pack's styles by name (fonts, fills, borders, number formats), made into xlsxwriter formats once
by xlsx.Book; the band colours come from the domain's bands, every other colour from domain.palette."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import Kind

FONT = "Microsoft YaHei"  # Excel falls back to the system's CJK font where YaHei is missing
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
MAX_PLACES = 6  # decimal places a number style shows at most


def _style(
    *,
    bold: bool = False,
    size: float = 10,
    colour: str = palette.TEXT,
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
        style.update(border=1, border_color=palette.BORDER)
    if number_format:
        style["num_format"] = number_format
    return style


def number_style(value: Decimal) -> str:
    """The number style that shows `value` with the decimal places it was given (527 → "527",
    250.14 → "250.14", 0.00017 → "0.00017"), never a trailing decimal point."""
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return f"pack_number_{min(places, MAX_PLACES)}"


def band_style_name(band: Band, kind: Kind) -> str:
    return f"band_{kind.value}_{band.value}"


def pack_styles() -> dict[str, dict[str, Any]]:
    """Every style the pack uses, by name."""
    styles = {
        "pack_title": _style(bold=True, size=18, colour=palette.TITLE, wrap=False, v="vcenter"),
        "pack_cover_title": _style(bold=True, size=18, colour=palette.TITLE, v="vcenter"),  # wraps in its width
        "pack_subtitle": _style(size=12, colour=palette.TEXT_SECONDARY, wrap=False),
        "pack_heading": _style(bold=True, size=12, colour=palette.TITLE, wrap=False, v="bottom"),
        "pack_subheading": _style(bold=True, colour=palette.TITLE),
        "pack_label": _style(bold=True, colour=palette.TITLE),
        "pack_header": _style(bold=True, colour=palette.TEXT_ON_DARK, fill=palette.TITLE, v="vcenter", border=True),
        "pack_text": _style(border=True),
        "pack_plain": _style(),
        "pack_note": _style(italic=True, size=9, colour=palette.TEXT_MUTED),
        "pack_center": _style(h="center", v="vcenter", border=True),
        # whole numbers without a decimal point; decimals with as many places as given (number_style)
        **{
            f"pack_number_{places}": _style(
                h="right", border=True, number_format="#,##0" + ("." + "0" * places if places else "")
            )
            for places in range(MAX_PLACES + 1)
        },
        "pack_money": _style(h="right", border=True, number_format=MONEY_FORMAT),
        "pack_date": _style(h="center", border=True, number_format=DATE_FORMAT),
        "pack_overdue": _style(border=True, fill=palette.BAD_FILL, colour=palette.BAD_TEXT),
        "pack_overdue_date": _style(
            h="center", border=True, fill=palette.BAD_FILL, colour=palette.BAD_TEXT, number_format=DATE_FORMAT
        ),
        "pack_link": _style(colour=palette.LINK, wrap=False),
        "pack_link_cell": _style(colour=palette.LINK, border=True),
        "pack_confidential": _style(bold=True, size=11, colour=palette.ERROR, wrap=False),
        "rag_red": _style(
            bold=True, h="center", v="vcenter", border=True, fill=palette.BAD_FILL, colour=palette.BAD_TEXT
        ),
        "rag_amber": _style(
            bold=True, h="center", v="vcenter", border=True, fill=palette.AMBER_FILL, colour=palette.AMBER_TEXT
        ),
        "rag_green": _style(
            bold=True, h="center", v="vcenter", border=True, fill=palette.GOOD_FILL, colour=palette.GOOD_TEXT
        ),
        "pack_warning": _style(bold=True, colour=palette.ERROR),
        "pack_axis": _style(bold=True, h="center", v="vcenter", border=True, fill=palette.NEUTRAL_FILL),
        "pack_total": _style(bold=True, border=True, fill=palette.NEUTRAL_FILL),
        "pack_missing": _style(
            italic=True, h="center", v="vcenter", border=True, colour=palette.MISSING_TEXT, fill=palette.MISSING_FILL
        ),
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
